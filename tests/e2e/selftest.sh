#!/bin/bash
# tests/e2e/selftest.sh: the infrastructure alone (run.sh with
# E2E_SELFTEST=1 and a stand-in gateway that echoes its request).
. "$(dirname "$0")/lib.sh"
t_begin "infrastructure: dockerd, image, socket access, sshd key login"
[ "$(rdocker run --rm dgtest sh -c 'echo hi; exit 3')" = hi ] || fail "root: docker run dgtest"
rdocker image inspect alpine:latest >/dev/null || fail "alpine:latest missing"
out=$(runuser -u "$U_AI" -- "$DOCKER_CLI" -H "unix://$DOCKER_SOCK" version --format '{{.Server.Version}}' 2>&1) ||
    fail "account cannot reach the socket: $out"
ai "docker ps"
expect_rc 0
grep -q "cmd=docker ps user=$U_AI" "$OUT" || fail "forced command did not run as $U_AI"
grep -q "args=--policy $POLICY\$\|args=--policy $POLICY " "$OUT" || fail "ForceCommand args"
dg_ssh "$KEY_OBS" "$U_CI" "docker ps"
expect_rc 0
grep -q "args=--policy $POLICY --role observer cmd=docker ps user=$U_CI" "$OUT" || fail "per-key command"
cat "$OUT"
t_end
