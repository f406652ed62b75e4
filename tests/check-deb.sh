#!/bin/sh
# The Debian packages (debian/): `make deb` builds dockergate and
# dockergate-probe from a clean copy of the tree with the unit tests and
# runs lintian (errors and warnings fail); then, as root, apt-get installs
# both, debian/tests/installed checks what they put on the system, doctor
# names what the operator still has to do, and dpkg --purge removes
# everything they made.  Runs in the plain pass of the README's test
# command; the SANITIZE pass says it leaves it to that one.  Refuses to
# touch a host that already has dockergate installed or an /etc/dockergate.
if [ "${SANITIZE:-0}" = 1 ]; then
	echo "deb: not in the SANITIZE pass (the plain pass builds and installs the packages)"
	exit 0
fi
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
finish() { echo "deb: $pass passed, $fail failed"; [ "$fail" = 0 ]; exit $?; }
if [ "$(id -u)" != 0 ]; then
	if [ "${CI:-}" = true ]; then bad "needs root"; finish; fi
	echo "deb: skipped (not root)"; exit 0
fi
for t in dpkg-buildpackage dh lintian apt-get git; do
	command -v "$t" >/dev/null 2>&1 || { bad "missing $t (tests/deps.sh)"; finish; }
done
if dpkg-query -W -f='${Status}' dockergate 2>/dev/null | grep -q installed ||
    [ -e /etc/dockergate ]; then
	bad "this host already has dockergate or /etc/dockergate: not touching it"
	finish
fi
log=$(mktemp) || exit 1
trap 'rm -f "$log"' EXIT

if make deb >"$log" 2>&1; then ok; else
	bad "make deb (dpkg-buildpackage, lintian)"; tail -n 40 "$log"; finish
fi
grep -q 'PASSED' "$log" && ok || bad "the unit tests did not run in the build"
debs="build-deb/dockergate_0.1.0_$(dpkg --print-architecture).deb
build-deb/dockergate-probe_0.1.0_$(dpkg --print-architecture).deb"
for f in $debs; do [ -f "$f" ] && ok || bad "no $f"; done
# dpkg -c: what each package ships (for the purge check below)
shipped=$(for f in $debs; do dpkg -c "$f"; done | awk '{print $NF}' |
    sed 's#^\./#/#; s#/$##' | grep -v '^/$')

# what of that was there before (system directories such as /usr/lib)
before=$(for p in $shipped; do [ -e "$p" ] && echo "$p"; done)
run_before=$([ -e /run/dockergate ] && echo yes)
lib_before=$([ -e /var/lib/dockergate ] && echo yes)

# shellcheck disable=SC2086
if DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    --no-install-recommends $(for f in $debs; do echo "./$f"; done) \
    >"$log" 2>&1; then ok; else
	bad "apt-get install"; tail -n 20 "$log"; finish
fi
if sh debian/tests/installed >"$log" 2>&1; then ok; else
	bad "debian/tests/installed: $(cat "$log")"
fi
# No account is made: doctor says what is missing, and fails.
dockergate doctor --user dgdeb-nosuchuser >"$log" 2>&1
[ $? = 1 ] && grep -q 'dgdeb-nosuchuser' "$log" && ok ||
    bad "doctor on a fresh install: $(head -n 3 "$log")"
getent passwd | grep -q dockergate && bad "the package made an account" || ok

if dpkg --purge dockergate dockergate-probe >"$log" 2>&1; then ok; else
	bad "dpkg --purge"; tail -n 20 "$log"
fi
# purged_clean WHEN: nothing either package shipped is left, except what
# was there before the install
purged_clean() {
	left=""
	for p in $shipped; do
		printf '%s\n' "$before" | grep -qxF -- "$p" && continue
		[ -e "$p" ] && left="$left $p"
	done
	[ -z "$left" ] && ok || bad "$1: left after purge:$left"
	# the tmpfiles snippet's runtime directory (quota locks) too
	[ -n "$run_before" ] || [ ! -e /run/dockergate ] && ok ||
	    bad "$1: /run/dockergate left after purge"
	# and the approvals spool
	[ -n "$lib_before" ] || [ ! -e /var/lib/dockergate ] && ok ||
	    bad "$1: /var/lib/dockergate left after purge"
}
purged_clean "apt-get install"

# The autopkgtest control and its "installed" test, with the null runner
# (this host is the test bed); then purge again.
if command -v autopkgtest >/dev/null 2>&1; then
	# shellcheck disable=SC2086
	if autopkgtest --test-name installed $debs build-deb/dockergate/ \
	    -- null >"$log" 2>&1; then ok; else
		bad "autopkgtest installed"; tail -n 20 "$log"
	fi
	dpkg --purge dockergate dockergate-probe >"$log" 2>&1 && ok ||
	    { bad "dpkg --purge after autopkgtest"; tail -n 20 "$log"; }
	purged_clean "autopkgtest"
else
	bad "missing autopkgtest (tests/deps.sh)"
fi
finish
