#!/bin/bash
# When the client goes away, `docker logs -f` must end: no docker process of
# the account may survive the session.
. "$(dirname "$0")/lib.sh"
t_begin "client disconnect ends docker logs -f"
name=dgt12-$$
rdocker run -d --name "$name" dgtest sh -c 'while true; do echo x; sleep 0.2; done' >/dev/null ||
    fail "setup: root docker run"
mkdir -p "$T"
ssh_base "$KEY_AI"
printf '%s\t%s\n' "$U_AI" "docker logs -f $name" >>"$W/requests.log"
"${SSH[@]}" "$U_AI@127.0.0.1" "docker logs -f $name" </dev/null >"$T/logs.out" 2>"$T/logs.err" &
pid=$!
sleep 2
pgrep -u "$U_AI" -f 'docker.*logs' >/dev/null ||
    fail "control: no docker logs process of $U_AI while streaming (stderr: $(head -c 300 "$T/logs.err"))"
grep -q x "$T/logs.out" || fail "control: no log lines streamed"
kill -KILL "$pid"
wait "$pid" 2>/dev/null
left=""
for ((i = 0; i < 50; i++)); do
	left=$(pgrep -u "$U_AI" -a -f 'docker.*logs|dockergate')
	[ -z "$left" ] && break
	sleep 0.1
done
[ -z "$left" ] || fail "still running 5s after the client was killed: $left"
rdocker rm -f "$name" >/dev/null
t_end
