#!/bin/bash
# A policy file the account could change is a configuration error: 78.
# (Run as the account through runuser, exactly as sshd would start it.)
. "$(dirname "$0")/lib.sh"
t_begin "unsafe policy permissions: 78"
d=$W/badpol
mkdir -m 0755 "$d"
cp "$POLICY" "$d/gw.yaml"; chmod 0664 "$d/gw.yaml"; chgrp "$G_AUDIT" "$d/gw.yaml"
cp "$POLICY" "$d/own.yaml"; chown "$U_AI" "$d/own.yaml"
mkdir -m 0777 "$d/ww"; cp "$POLICY" "$d/ww/p.yaml"
echo 'version: 1
roles: {' >"$d/broken.yaml"
for p in "$d/gw.yaml" "$d/own.yaml" "$d/ww/p.yaml" "$d/broken.yaml" "$d/missing.yaml"; do
	as_account "$p" "" "docker ps"
	expect_rc 78
	expect_dg_line
done
rm -rf "$d"
t_end
