#!/bin/bash
# Shell metacharacters outside quotes make the string unparseable: 65.
. "$(dirname "$0")/lib.sh"
t_begin "metacharacters: 65, nothing run"
for cmd in "docker ps; id" "docker ps && id" "docker ps | id" \
    'docker ps $(id)' 'docker ps `id`' "docker ps > /tmp/x"; do
	ai "$cmd"
	expect_rc 65
	expect_dg_line
	[ ! -s "$OUT" ] || fail "stdout: expected empty"
done
t_end
