#!/bin/bash
# A NixOS-like layout: /nix/store root:nixbld 1775 with root-owned store
# paths for the gateway, the docker CLI and the policy, and
# /etc/dockergate/policy.yaml -> /etc/static/... -> /nix/store/... links
# (what environment.etc makes).  The gateway runs docker from it; a store
# path owned by a build user, or a link a build user planted in the store,
# is refused; doctor passes the layout.  All under $W, as the account.
. "$(dirname "$0")/lib.sh"
t_begin "NixOS store layout: allowed, denied, planted paths refused"
N=$W/nixos
S=$N/nix/store
mkdir -m 0755 "$N" "$N/nix" "$N/etc" "$N/etc/dockergate"
mkdir -m 0755 "$S" && chown root:30000 "$S" && chmod 1775 "$S"
# store_dir NAME: a root-owned store path with bin/
store_dir() { mkdir -p -m 0755 "$S/$1/bin"; }
store_dir aaa-dockergate
cp "$DGW" "$S/aaa-dockergate/bin/dockergate"
store_dir bbb-docker
cp "$DOCKER_CLI" "$S/bbb-docker/bin/docker"
mkdir -m 0755 -p "$S/ccc-etc/etc/dockergate"
# Its own audit file: t-90 counts the records of the ssh requests alone.
install -m 0660 -g "$G_AUDIT" /dev/null "$W/audit/nix-store.jsonl"
sed -e "s#^  binary: .*#  binary: $S/bbb-docker/bin/docker#" \
    -e "s#^  file: .*#  file: $W/audit/nix-store.jsonl#" "$POLICY" \
    >"$S/ddd-dockergate-policy.yaml"
grep -q "nix-store.jsonl" "$S/ddd-dockergate-policy.yaml" ||
    fail "setup: the store policy's audit file"
ln -s "$S/ddd-dockergate-policy.yaml" "$S/ccc-etc/etc/dockergate/policy.yaml"
ln -s "$S/ccc-etc/etc" "$N/etc/static"
ln -s "$N/etc/static/dockergate/policy.yaml" "$N/etc/dockergate/policy.yaml"
chmod -R a-w "$S"/*-*/
chmod 0444 "$S/ddd-dockergate-policy.yaml"
chmod 0555 "$S/aaa-dockergate/bin/dockergate" "$S/bbb-docker/bin/docker"
chmod 1775 "$S"
GW=$S/aaa-dockergate/bin/dockergate
P=$N/etc/dockergate/policy.yaml

# as_ai POLICY COMMAND: the store gateway as the account, as sshd runs it
as_ai() { AS_GW=$GW as_account "$1" "" "$2"; }

as_ai "$P" "docker ps"
expect_rc 0
expect_err_empty
head -n 1 "$OUT" | grep -q '^CONTAINER ID' || fail "stdout: expected the ps header"
as_ai "$P" "docker run --rm --privileged dgtest true"
expect_rc 77
expect_dg_line 'privileged'
"$GW" --check --policy "$P" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0

# A store path owned by a build user: the docker CLI, then the policy.
chown -h 30001 "$S/bbb-docker"
as_ai "$P" "docker ps"
expect_rc 69
expect_dg_line 'bbb-docker is in a shared \(sticky\) directory and must be owned by root, not uid 30001'
chown -h 0 "$S/bbb-docker"
chown 30001 "$S/ddd-dockergate-policy.yaml"
as_ai "$P" "docker ps"
expect_rc 78
expect_dg_line 'must be owned by root'
chown 0 "$S/ddd-dockergate-policy.yaml"
# A link a build user planted in the store (to a good policy).
ln -s "$S/ddd-dockergate-policy.yaml" "$S/eee-planted.yaml"
chown -h 30001 "$S/eee-planted.yaml"
as_ai "$S/eee-planted.yaml" "docker ps"
expect_rc 78
expect_dg_line 'eee-planted.yaml is in a shared \(sticky\) directory'
# The store without its sticky bit is a writable directory like any other.
chmod 0775 "$S"
as_ai "$P" "docker ps"
expect_rc 78
expect_dg_line "directory $S must be owned by root"
chmod 1775 "$S"

# doctor, with the sshd configuration's ForceCommand in the store.
sed "s#ForceCommand $DGW --policy $POLICY#ForceCommand $GW --policy $P#" \
    "$W/ssh/sshd_config" >"$T/sshd_config"
grep -q "ForceCommand $GW" "$T/sshd_config" || fail "sshd_config: ForceCommand not replaced"
"$GW" doctor --policy "$P" --user "$U_AI" --sshd-config "$T/sshd_config" \
    >"$OUT" 2>"$ERR"
RC=$?
grep -E '^(FAIL|fail)' "$OUT" >"$T/fails"
expect_rc 0 || sed 's/^/  doctor: /' "$OUT"
grep -qi 'gateway.*PASS\|PASS.*gateway\|forced-command.*PASS\|PASS.*forced' "$OUT" ||
    note "doctor output has no gateway PASS line: $(head -n 3 "$OUT")"

chmod -R u+w "$S"/*-*/ 2>/dev/null
rm -rf "$N" "$W/audit/nix-store.jsonl"
t_end
