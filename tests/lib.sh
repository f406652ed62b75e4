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

# containerd_config DIR: prints the config of a private containerd whose
# root, state, sockets and opt directory are all under DIR (no CRI plugin,
# no debug or metrics listener).  Shared by tests/daemon.sh and the e2e
# harness.
containerd_config() {
	cat <<-EOF
	version = 2
	root = "$1/root"
	state = "$1/state"
	disabled_plugins = ["io.containerd.grpc.v1.cri"]
	[grpc]
	  address = "$1/containerd.sock"
	[ttrpc]
	  address = "$1/containerd.sock.ttrpc"
	[debug]
	  address = ""
	[metrics]
	  address = ""
	[plugins."io.containerd.internal.v1.opt"]
	  path = "$1/opt"
	EOF
}

# killpid PID SECONDS: TERM, then KILL after SECONDS if it is still there.
killpid() {
	[ -n "$1" ] && kill -0 "$1" 2>/dev/null || return 0
	kill -TERM "$1" 2>/dev/null
	_k=0
	while [ $_k -lt $(($2 * 10)) ] && kill -0 "$1" 2>/dev/null; do
		sleep 0.1
		_k=$((_k + 1))
	done
	kill -KILL "$1" 2>/dev/null
	return 0
}

# A private containerd and dockerd for the suites (tests/daemon.sh) and the
# e2e harness, never touching another daemon.  The caller defines rdocker,
# its docker client for DDIR/docker.sock.
#
# daemons_start CDIR DDIR CGPARENT [DOCKERD_ARG...]: containerd with its
# root, state, socket, log and pid file under CDIR; then dockerd in its own
# network namespace with data-root, exec-root, socket (DDIR/docker.sock),
# pid file and log (DDIR/log) under DDIR and cgroup parent CGPARENT, on
# overlay2 or, when that does not come up, vfs.  0 when dockerd answers;
# else 1, with the logs' tails on stderr.  Sets DOCKERD to its pid.
daemons_start() {
	_c=$1 _d=$2 _cg=$3
	shift 3
	containerd_config "$_c" >"$_c/config.toml"
	containerd --config "$_c/config.toml" --log-level warn \
	    >"$_c/log" 2>&1 &
	echo $! >"$_c/pid"
	_k=0
	while [ ! -S "$_c/containerd.sock" ]; do
		if [ $_k -ge 200 ] || ! kill -0 "$(cat "$_c/pid")" 2>/dev/null
		then
			tail -n 20 "$_c/log" >&2
			echo "private containerd did not come up" >&2
			return 1
		fi
		sleep 0.1
		_k=$((_k + 1))
	done
	dockerd_try "$_c" "$_d" "$_cg" overlay2 "$@" && return 0
	echo "dockerd with overlay2 failed, retrying with vfs:" >&2
	tail -n 5 "$_d/log" >&2
	killpid "$DOCKERD" 10
	rm -rf "$_d/data"
	dockerd_try "$_c" "$_d" "$_cg" vfs "$@" && return 0
	tail -n 30 "$_d/log" >&2
	echo "dockerd did not come up on $_d/docker.sock" >&2
	return 1
}

# dockerd_try CDIR DDIR CGPARENT DRIVER [DOCKERD_ARG...]: daemons_start'
# dockerd; 0 when it answers within 60 s.
dockerd_try() {
	_c=$1 _d=$2 _cg=$3 _drv=$4
	shift 4
	# the trust key would otherwise go to /etc/docker/key.json (no flag)
	printf '{"deprecated-key-path": "%s/key.json"}\n' "$_d" \
	    >"$_d/daemon.json"
	# Own network namespace: --bridge=none needs no networking, and there
	# ip_forward=1 (avoiding the daemon's per-run "IPv4 forwarding is
	# disabled" warning on stderr) changes nothing on the host.
	unshare --net -- /bin/sh -c \
	    'echo 1 >/proc/sys/net/ipv4/ip_forward && exec "$@"' dockerd \
	    dockerd --config-file "$_d/daemon.json" \
	    --containerd "$_c/containerd.sock" \
	    --data-root "$_d/data" --exec-root "$_d/exec" --pidfile "$_d/pid" \
	    -H "unix://$_d/docker.sock" \
	    --iptables=false --ip6tables=false --ip-forward=false \
	    --bridge=none --cgroup-parent "$_cg" \
	    --shutdown-timeout 2 --storage-driver "$_drv" --log-level warn \
	    "$@" >>"$_d/log" 2>&1 &
	DOCKERD=$!
	_k=0
	while [ $_k -lt 600 ]; do
		rdocker version >/dev/null 2>&1 && return 0
		kill -0 "$DOCKERD" 2>/dev/null || return 1
		sleep 0.1
		_k=$((_k + 1))
	done
	return 1
}

# daemons_stop W CDIR DDIR CGPARENT: what daemons_start started, gone:
# every container removed, dockerd and containerd stopped, the shims of
# that containerd killed, whatever is still mounted under W unmounted
# (innermost first) and the cgroup parent's directories removed.
daemons_stop() {
	if [ -S "$3/docker.sock" ] && kill -0 "$(cat "$3/pid" 2>/dev/null ||
	    echo "${DOCKERD:-0}")" 2>/dev/null; then
		_ids=$(timeout 30 rdocker ps -aq 2>/dev/null)
		# shellcheck disable=SC2086
		[ -z "$_ids" ] || timeout 30 rdocker rm -f $_ids >/dev/null 2>&1
	fi
	killpid "$(cat "$3/pid" 2>/dev/null || echo "${DOCKERD:-}")" 20
	killpid "${DOCKERD:-}" 5
	killpid "$(cat "$2/pid" 2>/dev/null)" 10
	# shims of our containerd carry its socket path on their command line
	for _p in /proc/[0-9]*; do
		if { tr '\0' ' ' <"$_p/cmdline"; } 2>/dev/null |
		    grep -qF "$2/containerd.sock"; then
			kill -KILL "${_p#/proc/}" 2>/dev/null
		fi
	done
	sleep 0.2
	for _m in $(awk -v w="$1" 'index($5, w "/") == 1 { print $5 }' \
	    /proc/self/mountinfo | sort -r); do
		umount -R "$_m" 2>/dev/null || umount -l "$_m" 2>/dev/null
	done
	for _m in /sys/fs/cgroup/*/"$4" /sys/fs/cgroup/"$4"; do
		[ -d "$_m" ] && find "$_m" -depth -type d -exec rmdir {} \; \
		    2>/dev/null
	done
	return 0
}

# start_sshd CONFIG LOG BGPID PORT: sshd -D from CONFIG (checked with -t
# first), its output appended to LOG and its pid in the file BGPID; 0 once
# it listens on PORT (10 s at most), else 1 with the log's tail on stderr.
start_sshd() {
	/usr/sbin/sshd -t -f "$1" || return 1
	/usr/sbin/sshd -D -e -f "$1" >>"$2" 2>&1 &
	echo $! >"$3"
	_k=0
	while [ $_k -lt 100 ]; do
		[ -n "$(ss -Htln "sport = :$4" 2>/dev/null)" ] && return 0
		kill -0 "$(cat "$3")" 2>/dev/null || break
		sleep 0.1
		_k=$((_k + 1))
	done
	tail -n 20 "$2" >&2
	return 1
}
