#!/bin/bash
# The ci role of policy/ci-restart.yaml (roles verbatim; restart of web and
# worker only): restart web works by name, full ID and ID prefix and runs on
# web's full ID; another container cannot be restarted by name, ID, prefix,
# or by renaming it (rename is not available); nothing else is allowed; a
# denial never names a container it may not act on.
. "$(dirname "$0")/lib.sh"
t_begin "ci-restart.yaml: ci restarts web and nothing else"
loop='trap "exit 0" TERM; while :; do sleep 1; done'
rdocker rm -f web other >/dev/null 2>&1
rdocker run -d --name web dgtest sh -c "$loop" >/dev/null || fail "setup: web"
rdocker run -d --name other dgtest sh -c "$loop" >/dev/null || fail "setup: other"
started() { rdocker inspect -f '{{.State.StartedAt}}' "$1"; }
web_id=$(rdocker inspect -f '{{.Id}}' web)
other_id=$(rdocker inspect -f '{{.Id}}' other)
o0=$(started other)
for ref in web "$web_id" "$(printf %.12s "$web_id")"; do
	w0=$(started web)
	sleep 1
	dg_ssh "$KEY_CI" "$U_CI" "docker restart $ref"
	expect_rc 0
	# Plain docker echoes the name it was given; the gateway pins targets
	# to full IDs (DESIGN §4.3), so docker echoes web's ID.
	printf '%s\n' "$web_id" | cmp -s - "$OUT" ||
	    fail "restart $ref: stdout: expected web's full ID, got: $(cat "$OUT")"
	[ "$(started web)" != "$w0" ] || fail "restart $ref: web not restarted"
done
for cmd in "docker restart other" "docker restart $other_id" \
    "docker restart $(printf %.12s "$other_id")" "docker restart web other" \
    "docker container restart other" "docker rename other web" \
    "docker ps" "docker stop web" "docker run --rm dgtest true"; do
	dg_ssh "$KEY_CI" "$U_CI" "$cmd"
	expect_rc 77
	expect_dg_line
done
# A denial repeats only what was typed (issue 13): by ID or ID prefix,
# never other's name or full ID, and "ambiguous" reads as "not allowed".
for ref in "$other_id" "$(printf %.12s "$other_id")" \
    "$(printf %.1s "$other_id")"; do
	dg_ssh "$KEY_CI" "$U_CI" "docker restart $ref"
	expect_rc 77
	expect_dg_line
	! grep -q -e other -e ultiple "$ERR" ||
	    fail "restart $ref: the denial names other: $(cat "$ERR")"
	[ "$ref" = "$other_id" ] || ! grep -qF "$other_id" "$ERR" ||
	    fail "restart $ref: the denial shows other's ID: $(cat "$ERR")"
	grep -qF "container $ref is not one this rule may act on" "$ERR" ||
	    fail "restart $ref: unexpected denial: $(cat "$ERR")"
done
[ "$(started other)" = "$o0" ] || fail "other was restarted"
[ "$(rdocker inspect -f '{{.Name}}' other)" = /other ] || fail "other renamed"
rdocker rm -f web other >/dev/null
t_end
