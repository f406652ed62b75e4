#!/bin/bash
# docker.timeout (2s in policy-timeout.yaml, key "to", role slow) ends a long
# command: SIGTERM, then SIGKILL; status 128+signal (143 or 137).  Its
# container ends too: sleep as PID 1 ignores the SIGTERM docker proxies to
# it, so the gateway kills the running containers labelled with the
# session, and only those.
. "$(dirname "$0")/lib.sh"
t_begin "timeout ends a long command and its container, with 128+signal"
other=dgt13-other
rdocker run -d --name "$other" \
    --label dockergate.session=00000000000000000000000000000000 \
    dgtest sleep 60 >/dev/null || fail "setup: root docker run $other"
cmd="docker run --rm --name dgt13 dgtest sleep 60"
t0=$SECONDS
dg_ssh "$KEY_TO" "$U_CI" "$cmd"
el=$((SECONDS - t0))
expect_rc 143 137
[ "$el" -le 25 ] || fail "took ${el}s (timeout is 2s, then SIGTERM grace)"
note "status $RC after ${el}s; stderr: $(head -c 200 "$ERR")"
grep -F "\"command\":\"$cmd\"" "$AUDIT" | grep -q '"--label=dockergate\.session=[0-9a-f]\{32\}"' ||
    fail "the decision's argv does not label the container with the session"
left=
for ((i = 0; i < 50; i++)); do
	left=$(rdocker ps -q --filter name='^dgt13$')
	[ -z "$left" ] && break
	sleep 0.1
done
[ -z "$left" ] || fail "the container dgt13 outlived the timeout"
rdocker ps -q --filter name="^$other\$" | grep -q . ||
    fail "a container labelled with another session was killed"
rdocker rm -f dgt13 "$other" >/dev/null 2>&1
t_end
