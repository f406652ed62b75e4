#!/bin/bash
# Role ci: restart, containers [web].  restart web is allowed and runs on
# web's full ID; restart of any other container and every other command
# are denied 77.
. "$(dirname "$0")/lib.sh"
t_begin "container scoping: ci may restart web only"
loop='trap "exit 0" TERM; while :; do sleep 1; done'
rdocker rm -f web other >/dev/null 2>&1
rdocker run -d --name web dgtest sh -c "$loop" >/dev/null || fail "setup: web"
rdocker run -d --name other dgtest sh -c "$loop" >/dev/null || fail "setup: other"
started() { rdocker inspect -f '{{.State.StartedAt}}' "$1"; }
w0=$(started web) o0=$(started other)
sleep 1
dg_ssh "$KEY_CI" "$U_CI" "docker restart web"
expect_rc 0
# Plain docker echoes the name it was given; the gateway pins targets to
# full IDs (DESIGN §4.3), so docker echoes web's ID.
rdocker inspect -f '{{.Id}}' web | cmp -s - "$OUT" ||
    fail "stdout: expected web's full ID, got: $(cat "$OUT")"
[ "$(started web)" != "$w0" ] || fail "web was not restarted"
for cmd in "docker restart other" "docker restart web other" "docker ps" \
    "docker stop web" "docker run --rm dgtest true"; do
	dg_ssh "$KEY_CI" "$U_CI" "$cmd"
	expect_rc 77
	expect_dg_line
done
[ "$(started other)" = "$o0" ] || fail "other was restarted"
rdocker rm -f web other >/dev/null
t_end
