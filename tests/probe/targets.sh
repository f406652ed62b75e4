#!/bin/bash
# tests/probe/targets.sh: dockergate-probe's forwarding targets against a
# real sshd on loopback (the sshd and account of tests/doctor/lib.sh, used
# as is).  Each door that forwards is tried at every target on its list; a
# door is closed only when every target was refused; a permission with no
# listener is OPEN; a target with no answer makes the door unknown.
# Prints "probe: N passed, N failed".  Run by tests/check-probe.sh.
. "$(dirname "$0")/../doctor/lib.sh"

PASS=0
FAILS=0
ok() { PASS=$((PASS + 1)); echo "ok   $*"; }
bad() {
	FAILS=$((FAILS + 1))
	echo "FAIL $*"
	sed 's/^/       /' "$W/probe.out"
}

# listen PORT: a TCP listener on 127.0.0.1:PORT that accepts and closes.
listen() {
	local i
	python3 -c 'import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.listen(16)
while True:
    s.accept()[0].close()' "$1" >/dev/null 2>&1 &
	echo $! >>"$W/listeners"
	for ((i = 0; i < 50; i++)); do
		[ -n "$(ss -Htln "sport = :$1")" ] && return 0
		sleep 0.1
	done
	dd_die "listener on 127.0.0.1:$1"
}

# stuck PORT: a listener that never accepts, its queue full: a connect to
# it hangs (SYNs dropped), so sshd answers a channel open only late.
stuck() {
	python3 -c 'import socket, sys, time
s = socket.socket()
s.bind(("127.0.0.1", int(sys.argv[1])))
s.listen(0)
held = []
for _ in range(4):
    c = socket.socket()
    c.setblocking(False)
    c.connect_ex(("127.0.0.1", int(sys.argv[1])))
    held.append(c)
time.sleep(600)' "$1" >/dev/null 2>&1 &
	echo $! >>"$W/listeners"
	sleep 1
}

unlisten() {
	local pid
	[ -s "$W/listeners" ] || return 0
	while read -r pid; do
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done <"$W/listeners"
	: >"$W/listeners"
}
trap 'unlisten; dd_cleanup' EXIT

# port_free PORT: nothing listens on it, or the case cannot be made.
port_free() {
	[ -z "$(ss -Htln "sport = :$1")" ] ||
	    dd_die "port $1 is in use on this host: cannot run this case"
}

# forwarding LINES...: the recommended deployment with TCP forwarding
# allowed ($TCPFWD, default local; stream-local: $SLFWD, default no), and
# LINES added to the account's Match block.
forwarding() {
	local l
	dd_config forwarding
	{
		echo "    AllowTcpForwarding ${TCPFWD:-local}"
		echo "    AllowStreamLocalForwarding ${SLFWD:-no}"
		for l; do echo "    $l"; done
	} >>"$W/sshd_config"
	dd_sshd
}

# probe ARGS...: the probe with ARGS, text and JSON; PRC its status.
probe() {
	timeout 120 "$PROBE" -p "$PORT" -i "$KEY" -k "$W/known_hosts" \
	    "$@" "$U@127.0.0.1" >"$W/probe.out" 2>&1
	PRC=$?
	timeout 120 "$PROBE" -p "$PORT" -i "$KEY" -k "$W/known_hosts" \
	    --json "$@" "$U@127.0.0.1" >"$W/probe.json" 2>&1
	JRC=$?
}

# door_json DOOR PYEXPR: PYEXPR holds for the door's JSON object d.
door_json() {
	python3 -c 'import json, sys
d = [o for o in json.load(open(sys.argv[1])) if o["door"] == sys.argv[2]]
assert len(d) == 1, "no such door"
d = d[0]
tried = [t["target"] for t in d["tried"]]
res = {t["target"]: t["result"] for t in d["tried"]}
sys.exit(0 if eval(sys.argv[3]) else 1)' "$W/probe.json" "$1" "$2" \
	    2>>"$W/probe.out"
}

# expect CASE RC TEXT_RE JSON_EXPR: exit status RC for text and JSON, a
# text line matching TEXT_RE, and JSON_EXPR on the direct-tcpip door.
expect() {
	if [ "$PRC" != "$2" ] || [ "$JRC" != "$2" ]; then
		bad "$1: probe exited $PRC (json $JRC), expected $2"
	elif ! grep -qE "$3" "$W/probe.out"; then
		bad "$1: no line matching '$3'"
	elif ! door_json direct-tcpip "$4"; then
		bad "$1: --json direct-tcpip: not $4"
	else
		ok "$1"
	fi
}

case_permitopen_listener() {
	port_free 2375
	listen 2375
	forwarding "PermitOpen 127.0.0.1:2375"
	probe
	expect "PermitOpen 127.0.0.1:2375, dockerd-like listener: OPEN" 1 \
	    '^OPEN +direct-tcpip: opened by 127\.0\.0\.1:2375 ' \
	    'd["result"] == "OPEN" and d["opened_by"] == ["127.0.0.1:2375"] and res["localhost:2375"] == "closed"'
	unlisten
}

# sshd compares the host string: localhost is another permission.
case_permitopen_localhost() {
	port_free 2375
	listen 2375
	forwarding "PermitOpen localhost:2375"
	probe
	expect "PermitOpen localhost:2375: OPEN by that spelling only" 1 \
	    '^OPEN +direct-tcpip: opened by localhost:2375 ' \
	    'd["opened_by"] == ["localhost:2375"] and res["127.0.0.1:2375"] == "closed"'
	unlisten
}

# Permitted but nothing listens: sshd says "connect failed"; still OPEN.
case_permitopen_dead() {
	port_free 2376
	forwarding "PermitOpen 127.0.0.1:2376"
	probe
	expect "PermitOpen 127.0.0.1:2376, no listener: OPEN" 1 \
	    '^ +OPEN +127\.0\.0\.1:2376: permitted: sshd tried to connect' \
	    'd["opened_by"] == ["127.0.0.1:2376"]'
	forwarding "PermitOpen [::1]:2376"
	probe
	expect "PermitOpen [::1]:2376, no listener: OPEN" 1 \
	    '^OPEN +direct-tcpip: opened by \[::1\]:2376 ' \
	    'd["opened_by"] == ["[::1]:2376"]'
	forwarding "PermitOpen 0.0.0.0:$PORT"
	probe
	expect "PermitOpen 0.0.0.0:<sshd port>: OPEN" 1 \
	    "^OPEN +direct-tcpip: opened by 0\\.0\\.0\\.0:$PORT " \
	    "d[\"opened_by\"] == [\"0.0.0.0:$PORT\"]"
}

# Every door closed: each target listed, each refused, exit 0.
case_closed() {
	local tried="\"127.0.0.1:2375\", \"localhost:2375\", \"[::1]:2375\", \"0.0.0.0:2375\", \"127.0.0.1:2376\", \"localhost:2376\", \"[::1]:2376\", \"0.0.0.0:2376\", \"127.0.0.1:$PORT\", \"localhost:$PORT\", \"[::1]:$PORT\", \"0.0.0.0:$PORT\""
	dd_config none
	dd_sshd
	probe
	expect "recommended: closed, every target listed" 0 \
	    '^closed +direct-tcpip: every target administratively prohibited \(12 targets\)' \
	    "d[\"result\"] == \"closed\" and d[\"opened_by\"] == [] and tried == [$tried] and set(res.values()) == {\"closed\"}"
	if [ "$(grep -cE '^ +closed +(127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0):(2375|2376|'"$PORT"'): administratively prohibited' "$W/probe.out")" != 12 ]; then
		bad "recommended: not 12 prohibited direct-tcpip target lines"
	elif ! door_json tcpip-forward 'd["result"] == "closed" and len(tried) == 12 and "localhost:0" in tried and "'"''"':2375" in tried'; then
		bad "recommended: tcpip-forward targets"
	elif ! door_json "direct-streamlocal /run/docker.sock" 'd["result"] == "closed" and tried == ["/run/docker.sock"]'; then
		bad "recommended: direct-streamlocal /run/docker.sock"
	else
		ok "recommended: tcpip-forward and direct-streamlocal targets listed"
	fi
	# forwarding on, but to a target off the list: closed too
	forwarding "PermitOpen 127.0.0.2:2999"
	probe
	expect "PermitOpen off the list: closed, exit 0" 0 \
	    '^closed +direct-tcpip: every target administratively prohibited' \
	    'd["result"] == "closed"'
}

# --target HOST:PORT: the operator's spelling is tried too.
case_target() {
	forwarding "PermitOpen 127.0.0.2:2999"
	probe --target 127.0.0.2:2999 --target '[::1]:2999'
	expect "--target 127.0.0.2:2999: OPEN by it" 1 \
	    '^OPEN +direct-tcpip: opened by 127\.0\.0\.2:2999 ' \
	    'd["opened_by"] == ["127.0.0.2:2999"] and res["[::1]:2999"] == "closed" and len(tried) == 14'
	local a args=() n
	for a in foo 'h:0' 'h:65536' 'h:' ':2375' 'a b:1' '[::1:1' 'h:+1'; do
		"$PROBE" -p "$PORT" --target "$a" "$U@127.0.0.1" \
		    >"$W/probe.out" 2>&1
		if [ $? != 2 ] || ! grep -q "^dockergate-probe: --target" \
		    "$W/probe.out"; then
			bad "--target '$a': not refused as usage (exit 2)"
			return
		fi
	done
	for ((n = 0; n < 17; n++)); do args+=(--target "h$n:1"); done
	"$PROBE" -p "$PORT" "${args[@]}" "$U@127.0.0.1" >"$W/probe.out" 2>&1
	if [ $? = 2 ] && grep -q "at most 16" "$W/probe.out"; then
		ok "--target: bad spellings and a 17th target refused (exit 2)"
	else
		bad "--target: a 17th target not refused"
	fi
}

# A target that cannot be tried (sshd still connecting at the timeout)
# makes the door unknown, never closed: exit 2.
case_unknown() {
	port_free 2999
	stuck 2999
	forwarding "PermitOpen 127.0.0.1:2999"
	probe --target 127.0.0.1:2999
	expect "a target with no answer: unknown, exit 2" 2 \
	    '^unknown +direct-tcpip: 1 of 13 targets could not be tried' \
	    'd["result"] == "unknown" and res["127.0.0.1:2999"] == "unknown" and res["127.0.0.1:2375"] == "closed"'
	unlisten
}

# Remote forwards: PermitListen for one port refuses port 0 (what the
# server picks), so the Docker ports are asked for by name.
case_listen() {
	port_free 2375
	TCPFWD=remote forwarding "PermitListen 2375"
	probe
	if [ "$PRC" = 1 ] && grep -qE "^OPEN +tcpip-forward: opened by 127\.0\.0\.1:2375, localhost:2375, 0\.0\.0\.0:2375, '':2375 " "$W/probe.out" &&
	    door_json tcpip-forward 'res["127.0.0.1:0"] == "closed" and len(d["opened_by"]) == 4' &&
	    door_json direct-tcpip 'd["result"] == "closed"'; then
		ok "PermitListen 2375: tcpip-forward OPEN by the 2375 requests"
	else
		bad "PermitListen 2375: tcpip-forward (exit $PRC)"
	fi
	TCPFWD=remote forwarding
	probe
	if [ "$PRC" = 1 ] && door_json tcpip-forward 'len(d["opened_by"]) == 12' &&
	    ! grep -q 'cancel refused' "$W/probe.out"; then
		ok "remote forwards allowed: 12 targets OPEN, each cancelled"
	else
		bad "remote forwards allowed (exit $PRC)"
	fi
	TCPFWD=remote forwarding "PermitListen localhost:2999"
	probe --listen localhost:2999
	if [ "$PRC" = 1 ] && grep -qE '^OPEN +tcpip-forward: opened by localhost:2999 ' "$W/probe.out" &&
	    [ -z "$(ss -Htln 'sport = :2999')" ]; then
		ok "--listen localhost:2999: OPEN by it, listener cancelled"
	else
		bad "--listen localhost:2999 (exit $PRC)"
	fi
}

# --socket is repeatable; each path is a door of its own.  (sshd 9.2
# refuses direct-streamlocal without AllowTcpForwarding local as well.)
case_sockets() {
	SLFWD=local forwarding
	probe --socket "$SOCK" --socket /nonexistent/docker.sock
	if [ "$PRC" = 1 ] && grep -qE "^OPEN +direct-streamlocal $SOCK: opened by $SOCK " "$W/probe.out" &&
	    grep -qE '^closed +direct-streamlocal /nonexistent/docker.sock: ' "$W/probe.out" &&
	    door_json "direct-streamlocal $SOCK" "d[\"opened_by\"] == [\"$SOCK\"]"; then
		ok "--socket twice: the live socket OPEN, the other closed"
	else
		bad "--socket twice (exit $PRC)"
	fi
}

# The connection lost midway (sshd's session killed while a target is
# pending): that door and every later one are unknown, none closed.
case_lost() {
	local pid i
	port_free 2999
	stuck 2999
	forwarding "PermitOpen 127.0.0.1:2999"
	timeout 120 "$PROBE" -p "$PORT" -i "$KEY" -k "$W/known_hosts" \
	    --target 127.0.0.1:2999 "$U@127.0.0.1" >"$W/probe.out" 2>&1 &
	pid=$!
	for ((i = 0; i < 100; i++)); do
		# sshd's own connect to the stuck port, still in SYN-SENT
		ss -Htnp state syn-sent 'dport = :2999' | grep -q '"sshd"' &&
		    break
		sleep 0.1
	done
	pkill -KILL -u "$U" -f "^sshd: $U" 2>/dev/null
	wait "$pid"
	PRC=$?
	if [ "$PRC" = 2 ] && grep -qE '^unknown +direct-tcpip: ' "$W/probe.out" &&
	    grep -qE '^unknown +(tcpip-forward|x11)' "$W/probe.out" &&
	    ! grep -qE '^closed +(direct-|tcpip-forward|x11)' "$W/probe.out"; then
		ok "connection lost midway: later doors unknown, exit 2"
	else
		bad "connection lost midway (exit $PRC)"
	fi
	unlisten
}

dd_setup
: >"$W/listeners"
case_closed
case_permitopen_listener
case_permitopen_localhost
case_permitopen_dead
case_target
case_listen
case_sockets
case_unknown
case_lost
echo "probe: $PASS passed, $FAILS failed"
[ "$FAILS" = 0 ]
