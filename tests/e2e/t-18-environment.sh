#!/bin/bash
# The docker CLI gets exactly PATH, HOME, USER, LOGNAME, LANG/LC_ALL if
# sane, DOCKER_HOST and DOCKER_CONFIG from the policy; nothing the client
# sent (§4.5).  sshd accepts LANG LC_* (Debian's default), so the client
# pushes some; the live `docker logs -f` process's environment is read from
# /proc as root.
. "$(dirname "$0")/lib.sh"
t_begin "docker runs with the clean environment, nothing from the client"
name=dgt18-$$
rdocker run -d --name "$name" dgtest sh -c 'while true; do echo x; sleep 0.5; done' >/dev/null ||
    fail "setup: root docker run"
ssh_base "$KEY_AI"
printf '%s\t%s\n' "$U_AI" "docker logs -f $name" >>"$W/requests.log"
"${SSH[@]}" -o 'SetEnv=LC_PAPER=/tmp/evil LC_ALL=../../../tmp/x LANG=C.UTF-8' \
    "$U_AI@127.0.0.1" "docker logs -f $name" </dev/null >"$T/logs.out" 2>"$T/logs.err" &
pid=$!
dpid=""
for ((i = 0; i < 50; i++)); do
	dpid=$(pgrep -u "$U_AI" -f 'docker.*logs' | head -n 1)
	[ -n "$dpid" ] && break
	sleep 0.1
done
if [ -z "$dpid" ]; then
	fail "no docker logs process of $U_AI appeared (stderr: $(head -c 300 "$T/logs.err"))"
else
	tr '\0' '\n' <"/proc/$dpid/environ" | sort >"$T/env"
	# the gateway itself saw the client's variables: proves they were sent
	gpid=$(ps -o ppid= -p "$dpid" | tr -d ' ')
	tr '\0' '\n' <"/proc/$gpid/environ" 2>/dev/null | grep -q '^LC_PAPER=' ||
	    note "control: LC_PAPER did not reach the gateway (sshd AcceptEnv?)"
	# Fixed hardening settings the gateway adds (not in §4.5's list, not
	# from the client: accepted with a note).
	grep -Ex 'DOCKER_CLI_(HINTS|HOOKS)=false' "$T/env" >/dev/null &&
	    note "gateway also sets: $(grep -Ex 'DOCKER_CLI_(HINTS|HOOKS)=false' "$T/env" | tr '\n' ' ')(fixed; DESIGN §4.5 does not list them)"
	bad=$(grep -Ev '^(PATH|HOME|USER|LOGNAME|LANG|LC_ALL|DOCKER_HOST|DOCKER_CONFIG)=' "$T/env" |
	    grep -Evx 'DOCKER_CLI_(HINTS|HOOKS)=false')
	[ -z "$bad" ] && [ "$(cut -d= -f1 "$T/env" | sort | uniq -d)" = "" ] ||
	    fail "unexpected environment entries: $(echo $bad)"
	grep -qx "DOCKER_HOST=unix://$DOCKER_SOCK" "$T/env" || fail "DOCKER_HOST is not the policy's"
	grep -qx "DOCKER_CONFIG=$W/docker-config" "$T/env" || fail "DOCKER_CONFIG is not the policy's"
	grep -qx "USER=$U_AI" "$T/env" || fail "USER missing or wrong"
	grep -qx "LOGNAME=$U_AI" "$T/env" || fail "LOGNAME missing or wrong"
	grep -qx "HOME=$(getent passwd "$U_AI" | cut -d: -f6)" "$T/env" || fail "HOME missing or wrong"
	grep -q '^PATH=' "$T/env" || fail "PATH missing"
	grep -q '^LC_ALL=.*\.\./' "$T/env" && fail "insane LC_ALL passed through"
	grep -q '^LC_PAPER=' "$T/env" && fail "client's LC_PAPER passed through"
	[ "$T_FAILS" = 0 ] || echo "  environment: $(cat "$T/env" | tr '\n' ' ')"
fi
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
rdocker rm -f "$name" >/dev/null
t_end
