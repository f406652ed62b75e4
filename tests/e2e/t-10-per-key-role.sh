#!/bin/bash
# restrict,command="dockergate --role observer" selects the role per key.
. "$(dirname "$0")/lib.sh"
t_begin "per-key role: observer may ps, may not run"
dg_ssh "$KEY_OBS" "$U_CI" "docker ps"
expect_rc 0
expect_err_empty
head -n 1 "$OUT" | grep -q '^CONTAINER ID' || fail "stdout: expected the ps header"
before=$(containers)
dg_ssh "$KEY_OBS" "$U_CI" "docker run --rm dgtest true"
expect_rc 77
expect_dg_line
[ "$before" = "$(containers)" ] || fail "a container was created"
# the record names the key's role, not the login name
last=$(grep '"event":"decision"' "$AUDIT" | grep -F '"command":"docker run --rm dgtest true"' | tail -n 1)
echo "$last" | grep -qF "\"user\":\"$U_CI\"" || fail "audit: expected user $U_CI in: $last"
echo "$last" | grep -qF '"role":"observer"' || fail "audit: expected role observer in: $last"
t_end
