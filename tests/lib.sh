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
