#!/bin/bash
# docker.timeout (2s in policy-timeout.yaml, key "to", role slow) ends a long
# command: SIGTERM, then SIGKILL; status 128+signal (143 or 137).
. "$(dirname "$0")/lib.sh"
t_begin "timeout ends a long command with 128+signal"
t0=$SECONDS
dg_ssh "$KEY_TO" "$U_CI" "docker run --rm --name dgt13 dgtest sleep 60"
el=$((SECONDS - t0))
expect_rc 143 137
[ "$el" -le 20 ] || fail "took ${el}s (timeout is 2s, then SIGTERM grace)"
note "status $RC after ${el}s; stderr: $(head -c 200 "$ERR")"
if rdocker ps -q --filter name=dgt13 | grep -q .; then
	note "the container dgt13 outlived the docker CLI (docker run's --rm/sig-proxy did not stop it)"
fi
rdocker rm -f dgt13 >/dev/null 2>&1
t_end
