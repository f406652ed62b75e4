#!/bin/sh
# Runs every test suite of `make check` and prints one closing line
# "check: N passed, N failed".  Suites: unit tests (cmocka), fuzz corpus
# replay, then every tests/check-*.sh, then (as root) tests/e2e/run.sh.
# E2E=0 skips the end-to-end suite on purpose; as root in CI (CI=true) it is
# never skipped silently: missing tools fail it.
BUILD=${BUILD:-build}
export BUILD
DG=$PWD/$BUILD/dockergate
export DG
pass=0
fail=0
failed=""

suite() {
	name=$1; shift
	echo "=== $name"
	if "$@"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		failed="$failed $name"
		echo "=== FAILED: $name"
	fi
}

for t in "$BUILD"/test_*; do
	[ -x "$t" ] || continue
	suite "${t##*/}" "$t"
done
for t in "$BUILD"/fuzz_*-replay; do
	[ -x "$t" ] || continue
	n=${t##*/fuzz_}; n=${n%-replay}
	suite "fuzz-replay-$n" "$t" "tests/fuzz/corpus/$n"
done
for t in tests/check-*.sh; do
	[ -f "$t" ] || continue
	suite "${t##*/}" sh "$t"
done
if [ "${E2E:-1}" != 0 ]; then
	if [ "$(id -u)" = 0 ]; then
		suite e2e sh tests/e2e/run.sh
	elif [ "${CI:-}" = true ]; then
		suite e2e-needs-root false
	else
		echo "=== e2e skipped: not root (run make check as root)"
	fi
fi
echo
[ -n "$failed" ] && echo "failed suites:$failed"
echo "check: $pass passed, $fail failed"
[ "$fail" = 0 ]
