# tests/daemon.sh: a private containerd and dockerd for one test suite,
# never touching another daemon: own containerd (config, root, state,
# socket), own data-root, exec-root, pidfile, socket, network namespace
# (unshare --net) and cgroup parent, all under W=/run/dg-$SUITE.XXXXXX.
# The trap installed here stops both daemons, kills their shims, unmounts
# what is left under W and removes it, on exit and on INT/TERM.
#
# Set SUITE (the name the suite prints) and source it; it sources
# tests/lib.sh itself.
# It defines: W, SOCK, CLI (the docker client), pass=0, fail=0, rdocker,
# killpid, die, start_daemons (overlay2, then vfs), make_image (dgtest:latest
# from busybox-static), need (a missing tool or no root: skip outside CI,
# fail in CI), and for suites that ask the gateway: policy_header, explain,
# ok, bad.  Prints "$SUITE: ..." lines.
: "${DG:=$PWD/${BUILD:-build}/dockergate}"
. tests/lib.sh			# containerd_config
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
mkdir -m 755 "$W/containerd" "$W/cfg" "$W/rootfs"
[ -d /run/containerd ] || made_run_containerd=1
SOCK=$W/docker.sock
CGPARENT=${W##*/}

rdocker() {
	DOCKER_CONFIG=$W/cfg "$CLI" -H "unix://$SOCK" "$@"
}

# killpid PID SECONDS: TERM, then KILL after SECONDS.
killpid() {
	[ -n "$1" ] && kill -0 "$1" 2>/dev/null || return 0
	kill -TERM "$1" 2>/dev/null
	i=0
	while [ $i -lt $(($2 * 10)) ] && kill -0 "$1" 2>/dev/null; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -KILL "$1" 2>/dev/null
	return 0
}

cleanup() {
	if [ -S "$SOCK" ] && kill -0 "${DOCKERD:-0}" 2>/dev/null; then
		ids=$(rdocker ps -aq 2>/dev/null)
		# shellcheck disable=SC2086
		[ -z "$ids" ] || rdocker rm -f $ids >/dev/null 2>&1
	fi
	killpid "${DOCKERD:-}" 20
	killpid "${CONTAINERD:-}" 10
	# shims of our containerd carry its socket path on their command line
	for p in /proc/[0-9]*; do
		if { tr '\0' ' ' <"$p/cmdline"; } 2>/dev/null |
		    grep -qF "$W/containerd/containerd.sock"; then
			kill -KILL "${p#/proc/}" 2>/dev/null
		fi
	done
	for m in $(awk -v w="$W" 'index($5, w "/") == 1 { print $5 }' \
	    /proc/self/mountinfo | sort -r); do
		umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null
	done
	for m in /sys/fs/cgroup/*/"$CGPARENT" /sys/fs/cgroup/"$CGPARENT"; do
		[ -d "$m" ] && find "$m" -depth -type d -exec rmdir {} \; \
		    2>/dev/null
	done
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

start_containerd() {
	containerd_config "$W/containerd" >"$W/containerd/config.toml"
	containerd --config "$W/containerd/config.toml" --log-level warn \
	    >"$W/containerd/log" 2>&1 &
	CONTAINERD=$!
	i=0
	while [ $i -lt 200 ]; do
		[ -S "$W/containerd/containerd.sock" ] && return 0
		kill -0 "$CONTAINERD" 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	tail -n 20 "$W/containerd/log" >&2
	die "private containerd did not come up"
}

# start_dockerd DRIVER: 0 when the daemon answers within 60 s.
start_dockerd() {
	# the trust key would otherwise go to /etc/docker/key.json
	printf '{"deprecated-key-path": "%s/key.json"}\n' "$W" >"$W/daemon.json"
	# own network namespace: nothing of the host's network is changed
	unshare --net -- dockerd --config-file "$W/daemon.json" \
	    --containerd "$W/containerd/containerd.sock" \
	    --iptables=false --ip6tables=false --ip-forward=false \
	    --bridge=none --data-root "$W/data" --exec-root "$W/exec" \
	    --pidfile "$W/pid" -H "unix://$SOCK" --cgroup-parent "$CGPARENT" \
	    --shutdown-timeout 2 --storage-driver "$1" --log-level warn \
	    >>"$W/dockerd.log" 2>&1 &
	DOCKERD=$!
	i=0
	while [ $i -lt 600 ]; do
		rdocker version >/dev/null 2>&1 && return 0
		kill -0 "$DOCKERD" 2>/dev/null || return 1
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

start_daemons() {
	start_containerd
	start_dockerd overlay2 && return 0
	echo "$SUITE: dockerd with overlay2 failed, retrying with vfs" >&2
	killpid "$DOCKERD" 10
	rm -rf "$W/data"
	start_dockerd vfs && return 0
	tail -n 30 "$W/dockerd.log" >&2
	die "dockerd did not come up on $SOCK"
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
