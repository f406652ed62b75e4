#!/bin/bash
# audit.required and the record cannot be written: nothing runs, 69.
. "$(dirname "$0")/lib.sh"
t_begin "unwritable required audit log: 69, docker not run"
d=$W/noaudit
mkdir -m 0755 "$d"
sed "s|file: .*|file: $d/root-only/audit.jsonl|" "$POLICY" >"$d/p.yaml"
chmod 0644 "$d/p.yaml"
mkdir -m 0700 "$d/root-only"
before=$(containers)
LAST="SSH_ORIGINAL_COMMAND='docker run --rm dgtest true' dockergate --policy $d/p.yaml  (as $U_AI)"
mkdir -p "$T"; OUT=$T/out ERR=$T/err
(cd / && runuser -u "$U_AI" -- env -i PATH=/usr/bin:/bin \
    SSH_ORIGINAL_COMMAND='docker run --rm dgtest true' "$DGW" --policy "$d/p.yaml") >"$OUT" 2>"$ERR"
RC=$?
expect_rc 69
expect_dg_line 'audit'
[ "$before" = "$(containers)" ] || fail "a container was created"
rm -rf "$d"
t_end
