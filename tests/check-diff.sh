#!/bin/sh
# Differential test against the Docker daemon (issue 7 item 5; DESIGN §6):
# random `docker create` lines from a fixed seed go through the gateway in
# forced-command mode to the real docker CLI and a PRIVATE dockerd; every
# container created is inspected and compared with a plain
# `docker create dgtest` (tests/diff/run.py says what is checked).  The
# daemon is the judge of what the parser believed.
#
#   DIFF_SEED   generator seed (default 7, printed)
#   DIFF_LINES  lines per pass (default 600; the issue wants >= 500)
#   DIFF_CLI2   second pass with this CLI too (default /usr/local/bin/docker
#               if present; DIFF_CLI2= to skip); DIFF_LINES2 lines (300)
#
# Needs root (private containerd + dockerd under /run/dg-diff.XXXXXX,
# nothing shared with any other daemon).  Prints the figures and
# "diff: N passed, N failed".  As root in CI a missing tool fails the suite.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
. tests/lib.sh

SEED=${DIFF_SEED:-7}
NLINES=${DIFF_LINES:-600}
CLI=/usr/bin/docker
CLI2=${DIFF_CLI2-/usr/local/bin/docker}
if [ -n "$CLI2" ] && [ "$(readlink -f "$CLI2")" = "$(readlink -f "$CLI")" ]
then
	CLI2=
fi
NLINES2=${DIFF_LINES2:-300}
TOOLS="dockerd containerd containerd-shim-runc-v2 runc $CLI python3
/bin/busybox tar unshare mktemp"

skip_or_fail() {
	if [ "${CI:-}" = true ]; then
		echo "diff: $*" >&2
		echo "diff: 0 passed, 1 failed"
		exit 1
	fi
	echo "diff: skipped: $*" >&2
	exit 0
}
[ "$(id -u)" = 0 ] || skip_or_fail "needs root (private dockerd)"
missing=""
for t in $TOOLS; do
	command -v "$t" >/dev/null 2>&1 || missing="$missing $t"
done
[ -z "$missing" ] || skip_or_fail "required tools missing:$missing"
[ -x "$DG" ] || { echo "diff: no gateway binary $DG" >&2; exit 1; }

W=$(mktemp -d /run/dg-diff.XXXXXX) || exit 1
chmod 0755 "$W"
SOCK=$W/docker/docker.sock

cleanup() {
	rc=$?
	trap - EXIT INT TERM
	if [ -S "$SOCK" ]; then
		ids=$(DOCKER_CONFIG=$W/rootcfg timeout 30 "$CLI" -H "unix://$SOCK" \
		    ps -aq 2>/dev/null)
		[ -n "$ids" ] && DOCKER_CONFIG=$W/rootcfg timeout 60 "$CLI" \
		    -H "unix://$SOCK" rm -f $ids >/dev/null 2>&1
	fi
	for pf in "$W/docker/pid" "$W/containerd/pid"; do
		[ -s "$pf" ] || continue
		p=$(cat "$pf")
		kill -TERM "$p" 2>/dev/null
		for i in $(seq 1 100); do
			kill -0 "$p" 2>/dev/null || break
			sleep 0.1
		done
		kill -KILL "$p" 2>/dev/null
	done
	# shims of our containerd carry its socket path on their command line
	for p in /proc/[0-9]*; do
		if { tr '\0' ' ' <"$p/cmdline"; } 2>/dev/null |
		    grep -qF "$W/containerd/containerd.sock"; then
			kill -KILL "${p#/proc/}" 2>/dev/null
		fi
	done
	sleep 0.2
	for m in $(awk -v w="$W" 'index($5, w "/") == 1 { print $5 }' \
	    /proc/self/mountinfo | sort -r); do
		umount -R "$m" 2>/dev/null || umount -l "$m" 2>/dev/null
	done
	cg=${W##*/}
	for m in /sys/fs/cgroup/*/"$cg" /sys/fs/cgroup/"$cg"; do
		[ -d "$m" ] && find "$m" -depth -type d -exec rmdir {} \; 2>/dev/null
	done
	rm -rf "$W"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -m 0755 "$W/docker" "$W/containerd" "$W/cfg" "$W/rootcfg" \
    "$W/audit" "$W/allowed" "$W/allowed/sub" "$W/bin"
echo '{}' >"$W/cfg/config.json"
echo '{}' >"$W/rootcfg/config.json"
ln -s / "$W/allowed/link"

# --- private containerd and dockerd (as tests/e2e/lib.sh does) ---------
cat >"$W/containerd/config.toml" <<EOF
version = 2
root = "$W/containerd/root"
state = "$W/containerd/state"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$W/containerd/containerd.sock"
[ttrpc]
  address = "$W/containerd/containerd.sock.ttrpc"
[debug]
  address = ""
[metrics]
  address = ""
[plugins."io.containerd.internal.v1.opt"]
  path = "$W/containerd/opt"
EOF
containerd --config "$W/containerd/config.toml" --log-level warn \
    >"$W/containerd/log" 2>&1 &
echo $! >"$W/containerd/pid"
for i in $(seq 1 200); do
	[ -S "$W/containerd/containerd.sock" ] && break
	sleep 0.1
done
[ -S "$W/containerd/containerd.sock" ] || {
	tail -n 20 "$W/containerd/log" >&2
	echo "diff: private containerd did not come up" >&2
	exit 1
}

rdocker() {
	DOCKER_CONFIG=$W/rootcfg "$CLI" -H "unix://$SOCK" "$@"
}

start_dockerd() {
	printf '{"deprecated-key-path": "%s/key.json"}\n' "$W/docker" \
	    >"$W/docker/daemon.json"
	unshare --net -- dockerd --config-file "$W/docker/daemon.json" \
	    --containerd "$W/containerd/containerd.sock" \
	    --data-root "$W/docker/data" --exec-root "$W/docker/exec" \
	    --pidfile "$W/docker/pid" -H "unix://$SOCK" \
	    --iptables=false --ip6tables=false --ip-forward=false \
	    --bridge=none --cgroup-parent "${W##*/}" --shutdown-timeout 2 \
	    --storage-driver "$1" --log-level warn >>"$W/docker/log" 2>&1 &
	DPID=$!
	for i in $(seq 1 600); do
		rdocker version >/dev/null 2>&1 && return 0
		kill -0 "$DPID" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}
if ! start_dockerd overlay2; then
	kill -KILL "$DPID" 2>/dev/null
	sleep 0.5
	rm -rf "$W/docker/data" "$W/docker/pid"
	start_dockerd vfs || {
		tail -n 20 "$W/docker/log" >&2
		echo "diff: private dockerd did not come up" >&2
		exit 1
	}
fi

# --- the test image -----------------------------------------------------
r=$W/rootfs
mkdir -p "$r/bin" "$r/etc" "$r/tmp" "$r/proc" "$r/sys" "$r/dev"
cp /bin/busybox "$r/bin/busybox"
ln -s busybox "$r/bin/sh"
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false\n' \
    >"$r/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$r/etc/group"
tar -C "$r" -cf - . | rdocker import --change 'CMD ["/bin/sh"]' - dgtest:latest >/dev/null || {
	echo "diff: docker import failed" >&2
	exit 1
}
rm -rf "$r"
rdocker create --name dgvictim dgtest >/dev/null 2>&1 || exit 1

# --- the policy ---------------------------------------------------------
policy() {
	cat >"$W/policy-$2.yaml" <<EOF
version: 1
docker:
  binary: $1
  host: unix://$SOCK
  config_dir: $W/cfg
  timeout: 2m
audit:
  syslog: false
  file: $W/audit/audit.jsonl
  required: true
roles:
  diff:
    allow:
      - command: create
        images: [dgtest]
        mounts: named
        binds: ["$W/allowed"]
EOF
	chmod 644 "$W/policy-$2.yaml"
}

status=0
pass() {
	cli=$1 n=$2 tag=$3
	policy "$cli" "$tag"
	echo "diff[$tag]: seed $SEED, $n lines, CLI $cli ($("$cli" --version))"
	python3 tests/diff/gen.py "$SEED" "$n" "$W" >"$W/lines-$tag" || return 1
	python3 tests/diff/run.py "$DG" "$W/policy-$tag.yaml" diff "$cli" \
	    "$SOCK" "$W" "$W/lines-$tag" | sed "s/^/diff[$tag]: /"
}

t0=$(date +%s)
out=$(pass "$CLI" "$NLINES" cli1)
echo "$out"
if [ -n "$CLI2" ] && [ -x "$CLI2" ]; then
	out2=$(pass "$CLI2" "$NLINES2" cli2)
	echo "$out2"
	out="$out
$out2"
fi
p=0 f=0
for x in $(echo "$out" | sed -n 's/^diff\[[a-z0-9]*\]: diff: \([0-9]*\) passed, \([0-9]*\) failed$/\1:\2/p'); do
	p=$((p + ${x%%:*})) f=$((f + ${x##*:}))
done
[ "$p" -gt 0 ] || f=$((f + 1))
echo "diff: $(($(date +%s) - t0))s for the passes"
echo "diff: $p passed, $f failed"
[ "$f" = 0 ]
