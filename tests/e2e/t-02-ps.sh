#!/bin/bash
# `docker ps` and the old sudo habit `sudo docker ps` both work (§4.1).
. "$(dirname "$0")/lib.sh"
t_begin "docker ps and sudo docker ps"
name=dgt02-$$
rdocker run -d --name "$name" dgtest sleep 300 >/dev/null || fail "setup: root docker run"
for cmd in "docker ps" "sudo docker ps" "docker ps --format '{{.Names}}'"; do
	ai "$cmd"
	expect_rc 0 || continue
	expect_err_empty
	case $cmd in
	*format*) grep -qx "$name" "$OUT" || fail "stdout: expected a line '$name'" ;;
	*)	head -n 1 "$OUT" | grep -q '^CONTAINER ID' ||
		    fail "stdout: expected the 'CONTAINER ID' header"
		grep -q "$name\$" "$OUT" || fail "stdout: expected $name listed" ;;
	esac
done
rdocker rm -f "$name" >/dev/null
t_end
