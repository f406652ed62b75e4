#!/bin/sh
# Every decision case of tests/data/decide through the gateway itself:
# `dockergate --explain --json --policy P --role R COMMAND` with the case's
# standard input and working directory (test_cases --explain), so that the
# binary decides as the unit harness does.  Cases that need a fake host
# (containers, images, services, compose trees, bind paths under /srv) are
# marked in their files and counted as skipped, each named.  The files'
# help checks run as the client's own `help` / `help --json`
# (dockergate --policy P --role R -c help).
. tests/lib.sh
t=$PWD/${BUILD:-build}/test_cases
if [ ! -x "$t" ]; then
	echo "$t is missing: run make units" >&2
	exit 1
fi
d=$(dg_secure_dir) || exit 1
[ -n "$d" ] || exit 0	# not root, outside CI: dg_secure_dir said why
trap 'rm -rf "$d"' EXIT
"$t" --explain "$DG" "$d"
