#!/bin/bash
# Stream-local forwarding to the docker socket would bypass any forced
# command (DESIGN §2.1); DisableForwarding must close it.  Control: the
# account really can use the socket directly, so an open forward is root.
. "$(dirname "$0")/lib.sh"
t_begin "ssh -L to the docker socket gives nothing"
out=$(runuser -u "$U_AI" -- "$DOCKER_CLI" -H "unix://$DOCKER_SOCK" version --format '{{.Server.Version}}' 2>&1) ||
    fail "control: the account cannot reach $DOCKER_SOCK directly ($out): the test proves nothing"
curl -sf -m 5 --unix-socket "$DOCKER_SOCK" http://x/version | grep -q ApiVersion ||
    fail "control: curl cannot talk to the daemon directly"
mkdir -p "$T"
i=0
for target in "$DOCKER_SOCK" /var/run/docker.sock; do
	for key_user in "$KEY_AI:$U_AI" "$KEY_CI:$U_CI"; do
		i=$((i + 1))
		key=${key_user%%:*} user=${key_user#*:}
		fwd=$T/fwd$i.sock
		ssh_base "$key"
		"${SSH[@]}" -N -L "$fwd:$target" "$user@127.0.0.1" \
		    </dev/null >"$T/fwd$i.out" 2>&1 &
		pid=$!
		for ((j = 0; j < 50; j++)); do
			[ -S "$fwd" ] && break
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		if [ -S "$fwd" ]; then
			if r=$(curl -s -m 5 --unix-socket "$fwd" http://x/version 2>&1) &&
			    echo "$r" | grep -q ApiVersion; then
				fail "forward $user -> $target answered: $r"
			fi
			if timeout 10 "$DOCKER_CLI" -H "unix://$fwd" version >/dev/null 2>&1; then
				fail "docker -H unix://$fwd version succeeded ($user -> $target)"
			fi
		fi
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
done
t_end
