# tests/lib.sh: shared by the tests/check-*.sh suites.  Source it.
# DG is the gateway binary under test (set by tests/check.sh).
: "${DG:=$PWD/build/dockergate}"

# A directory that passes the policy file checks (root-owned, no group or
# world write on it or any parent): under /run when root.  Prints its path.
# Policies must be root-owned, so suites that need them require root; outside
# CI a non-root run skips them with a message, in CI it fails.
dg_secure_dir() {
	if [ "$(id -u)" != 0 ]; then
		if [ "${CI:-}" = true ]; then
			echo "tests need root in CI" >&2
			exit 1
		fi
		echo "skipped: needs root (policy files must be root-owned)" >&2
		exit 0
	fi
	d=$(mktemp -d /run/dockergate-test.XXXXXX) || exit 1
	chmod 755 "$d"
	echo "$d"
}
