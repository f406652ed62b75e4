#!/bin/bash
# tests/e2e/run.sh: end-to-end suite.  Sets up a private dockerd + sshd +
# test accounts once (lib.sh), runs every tests/e2e/t-*.sh in its own bash
# with that environment, prints "e2e: N passed, N failed", exits non-zero on
# any failure, and always cleans up.  Needs root.  A missing tool is a
# failure, never a skip.
#   E2E_ONLY='P...'  run only t-P*.sh for each prefix P (e.g. '08 18')
#   E2E_KEEP=1       leave everything running afterwards (debugging);
#                    then: run.sh --cleanup /run/dg-e2e.XXXXXX
#   E2E_SELFTEST=1   check the infrastructure alone with a stand-in gateway
# check.sh runs us with sh: re-exec with bash.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -u
. "$(dirname "$0")/lib.sh"

# run.sh --cleanup DIR: tear down what an E2E_KEEP=1 run left in DIR.
if [ "${1:-}" = --cleanup ]; then
	[ -f "${2:-}/env.sh" ] || e2e_die "usage: run.sh --cleanup /run/dg-e2e.XXXXXX"
	. "$2/env.sh"
	E2E_KEEP=0
	e2e_cleanup
	exit 0
fi

start=$SECONDS
if [ -n "${E2E_SELFTEST:-}" ]; then
	tests=$E2E_DIR/selftest.sh
else
	tests=""
	for p in ${E2E_ONLY:-""}; do
		tests="$tests $(ls "$E2E_DIR"/t-$p*.sh 2>/dev/null)"
	done
fi
[ -n "${tests// /}" ] || e2e_die "no tests t-${E2E_ONLY:-}*.sh in $E2E_DIR"
e2e_setup
e2e_log "ready in $((SECONDS - start))s: dockerd $DOCKER_SOCK, sshd 127.0.0.1:$PORT, users $U_AI $U_CI, gateway $DG"

pass=0 failn=0 failed=""
for t in $tests; do
	n=${t##*/}; n=${n%.sh}
	# in the background, so that INT/TERM reach our trap at once
	timeout -k 5 150 bash "$t" >"$W/tmp/$n.log" 2>&1 &
	E2E_CHILD=$!
	wait "$E2E_CHILD"
	rc=$?
	E2E_CHILD=""
	if [ "$rc" = 0 ]; then
		pass=$((pass + 1))
		echo "ok   $n"
		[ "${E2E_VERBOSE:-0}" = 1 ] && sed 's/^/    /' "$W/tmp/$n.log"
	else
		failn=$((failn + 1))
		failed="$failed $n"
		[ "$rc" = 124 ] && echo "  (test timed out after 150s)" >>"$W/tmp/$n.log"
		echo "FAIL $n"
		sed 's/^/    /' "$W/tmp/$n.log"
	fi
done
echo "e2e: $pass passed, $failn failed ($((SECONDS - start))s)${failed:+; failed:$failed}"
[ "$failn" = 0 ]
