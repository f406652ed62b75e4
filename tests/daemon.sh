# tests/daemon.sh: a private containerd and dockerd for one test suite,
# never touching another daemon (daemons_start and daemons_stop in
# tests/lib.sh, as the e2e harness uses them): own containerd under
# $W/containerd, own data-root, exec-root, pidfile, socket, log
# ($W/docker/log), network namespace and cgroup parent, all under
# W=/run/dg-$SUITE.XXXXXX.  The trap installed here stops both daemons,
# kills their shims, unmounts what is left under W and removes it, on exit
# and on INT/TERM.
#
# Set SUITE (the name the suite prints) and source it; it sources
# tests/lib.sh itself (killpid comes from there).
# It defines: W, SOCK, CLI (the docker client), pass=0, fail=0, rdocker,
# die, start_daemons (overlay2, then vfs), make_image (dgtest:latest
# from busybox-static), need (a missing tool or no root: skip outside CI,
# fail in CI), and for suites that ask the gateway: policy_header, explain,
# ok, bad.  Prints "$SUITE: ..." lines.
: "${DG:=$PWD/${BUILD:-build}/dockergate}"
. tests/lib.sh			# daemons_start, daemons_stop, killpid
CLI=/usr/bin/docker		# the 20.10 client that matches Debian's dockerd
[ -x "$CLI" ] || CLI=$(command -v docker)
pass=0
fail=0

need() {
	echo "$SUITE: $*" >&2
	if [ "${CI:-}" = true ]; then
		echo "$SUITE: 0 passed, 1 failed"
		exit 1
	fi
	echo "$SUITE: skipped"
	exit 0
}

[ "$(id -u)" = 0 ] || need "needs root (private dockerd, root-owned policy)"
for t in dockerd containerd runc unshare tar mktemp "$CLI" /bin/busybox; do
	command -v "$t" >/dev/null 2>&1 || need "required tool missing: $t"
done
[ -x "$DG" ] || need "gateway not built: $DG"

W=$(mktemp -d "/run/dg-$SUITE.XXXXXX") || exit 1
chmod 755 "$W"
mkdir -m 755 "$W/containerd" "$W/docker" "$W/cfg" "$W/rootfs"
[ -d /run/containerd ] || made_run_containerd=1
SOCK=$W/docker/docker.sock
CGPARENT=${W##*/}

rdocker() {
	DOCKER_CONFIG=$W/cfg "$CLI" -H "unix://$SOCK" "$@"
}

cleanup() {
	daemons_stop "$W" "$W/containerd" "$W/docker" "$CGPARENT"
	rm -rf "$W"
	[ "${made_run_containerd:-0}" = 1 ] && ! pgrep -x containerd \
	    >/dev/null && rmdir /run/containerd/s /run/containerd 2>/dev/null
	return 0
}
trap 'cleanup' EXIT
trap 'cleanup; trap - EXIT; exit 130' INT
trap 'cleanup; trap - EXIT; exit 143' TERM

die() {
	echo "$SUITE: FATAL: $*" >&2
	echo "$SUITE: $pass passed, $((fail + 1)) failed"
	exit 1
}

start_daemons() {
	daemons_start "$W/containerd" "$W/docker" "$CGPARENT" ||
	    die "the private daemons did not come up"
}

make_image() {
	r=$W/rootfs
	mkdir -p "$r/bin" "$r/proc" "$r/sys" "$r/dev" "$r/etc" "$r/tmp"
	cp /bin/busybox "$r/bin/busybox"
	ln -s busybox "$r/bin/sh"
	ln -s busybox "$r/bin/sleep"
	printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false\n' \
	    >"$r/etc/passwd"
	printf 'root:x:0:\nnogroup:x:65534:\n' >"$r/etc/group"
	tar -C "$r" -cf - . | rdocker import --change 'CMD ["/bin/sh"]' - \
	    dgtest:latest >/dev/null || die "docker import"
}

# policy_header: the first lines of a test policy for this daemon (no audit
# file); the suite appends its roles.
policy_header() {
	cat <<-EOF
	version: 1
	docker:
	  binary: $CLI
	  host: unix://$SOCK
	  config_dir: $W/cfg
	audit:
	  syslog: false
	  required: false
	roles:
	EOF
}

# explain ROLE COMMAND: sets $out (stdout+stderr), $rc, $argv, with the
# policy $W/policy.yaml.
explain() {
	out=$("$DG" --explain --policy "$W/policy.yaml" --role "$1" "$2" 2>&1)
	rc=$?
	argv=$(printf '%s\n' "$out" | sed -n 's/^argv: //p')
}

ok() {
	pass=$((pass + 1))
	echo "ok: $*"
}

# bad WHAT: a failure, with the last gateway output ($out) indented.
bad() {
	fail=$((fail + 1))
	echo "FAIL: $*"
	printf '%s\n' "$out" | sed 's/^/    /'
}
