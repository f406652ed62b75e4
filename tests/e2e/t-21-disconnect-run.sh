#!/bin/bash
# When the client goes away during a `docker run` that prints nothing, the
# docker CLI and its container must end: sleep as PID 1 ignores the SIGHUP
# docker proxies, so the gateway ends the CLI and kills the session's
# containers (labelled dockergate.session=SESSION).
. "$(dirname "$0")/lib.sh"
t_begin "client disconnect ends a silent docker run and its container"
name=dgt21-$$
mkdir -p "$T"
ssh_base "$KEY_AI"
cmd="docker run --rm --name $name dgtest sleep 120"
printf '%s\t%s\n' "$U_AI" "$cmd" >>"$W/requests.log"
"${SSH[@]}" "$U_AI@127.0.0.1" "$cmd" </dev/null >"$T/run.out" 2>"$T/run.err" &
pid=$!
for ((i = 0; i < 50; i++)); do
	rdocker ps -q --filter name="^$name\$" | grep -q . && break
	sleep 0.2
done
rdocker ps -q --filter name="^$name\$" | grep -q . ||
    fail "control: the container never ran (stderr: $(head -c 300 "$T/run.err"))"
kill -KILL "$pid"
wait "$pid" 2>/dev/null
left=""
for ((i = 0; i < 250; i++)); do
	left=$(pgrep -u "$U_AI" -a -f 'docker|dockergate')
	[ -z "$left" ] && ! rdocker ps -q --filter name="^$name\$" | grep -q . && break
	sleep 0.1
done
[ -z "$left" ] || fail "still running 25s after the client was killed: $left"
rdocker ps -q --filter name="^$name\$" | grep -q . &&
    fail "the container $name outlived the session"
rdocker rm -f "$name" >/dev/null 2>&1
t_end
