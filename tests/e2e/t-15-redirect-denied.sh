#!/bin/bash
# CLI redirections are never allowed (§4.3), whatever the role.
. "$(dirname "$0")/lib.sh"
t_begin "CLI redirections (-H, --context, --config, --) denied"
for cmd in "docker -H unix:///var/run/docker.sock ps" \
    "docker --host=tcp://127.0.0.1:2375 ps" "docker --context default ps" \
    "docker --config /tmp ps" "docker -- ps" "DOCKER_HOST=tcp://x docker ps" \
    "docker container exec x id" "docker compose exec x id" "id" \
    "/usr/bin/docker ps"; do
	ai "$cmd"
	expect_rc 77 65
	expect_dg_line
	[ ! -s "$OUT" ] || fail "stdout: expected empty"
done
t_end
