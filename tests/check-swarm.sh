#!/bin/sh
# tests/check-swarm.sh: swarm services scoped like containers, against a
# private dockerd made a single-node swarm manager (own containerd,
# data-root, exec-root, socket, network namespace and cgroup parent under
# W=/run/dg-swarm.XXXXXX; no other daemon is touched).  Drives `dockergate
# --explain` with a policy whose docker.host is that socket and checks:
# service scale/update allowed by name, ID and ID prefix and pinned to the
# 25-character service ID; `containers` name globs and `labels` scope
# services; unknown and out-of-scope services are denied; service ls under
# a scoped rule is denied; service create is held to run's risk classes;
# the rendered argv run by the real docker CLI acts on the pinned service,
# and not on a service recreated under the same name in between; the
# daemon stopped means exit 69.  Needs root (skips outside CI when not);
# a swarm that cannot be initialised is a failure, never a skip.
# Prints "swarm: N passed, N failed".
BUILD=${BUILD:-build}
: "${DG:=$PWD/$BUILD/dockergate}"
CLI=/usr/bin/docker		# the 20.10 client that matches Debian's dockerd
[ -x "$CLI" ] || CLI=$(command -v docker)
pass=0
fail=0

need() {
	echo "swarm: $*" >&2
	if [ "${CI:-}" = true ]; then
		echo "swarm: 0 passed, 1 failed"
		exit 1
	fi
	echo "swarm: skipped"
	exit 0
}

[ "$(id -u)" = 0 ] || need "needs root (private dockerd, root-owned policy)"
for t in dockerd containerd runc unshare tar mktemp "$CLI" /bin/busybox; do
	command -v "$t" >/dev/null 2>&1 || need "required tool missing: $t"
done
[ -x "$DG" ] || need "gateway not built: $DG"

W=$(mktemp -d /run/dg-swarm.XXXXXX) || exit 1
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
	echo "swarm: FATAL: $*" >&2
	echo "swarm: $pass passed, $((fail + 1)) failed"
	exit 1
}

start_containerd() {
	cat >"$W/containerd/config.toml" <<-EOF
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
	echo "swarm: dockerd with overlay2 failed, retrying with vfs" >&2
	killpid "$DOCKERD" 10
	rm -rf "$W/data"
	start_dockerd vfs && return 0
	tail -n 30 "$W/dockerd.log" >&2
	die "dockerd did not come up on $SOCK"
}

make_image() {
	r=$W/rootfs
	mkdir -p "$r/bin" "$r/proc" "$r/sys" "$r/dev" "$r/etc"
	cp /bin/busybox "$r/bin/busybox"
	ln -s busybox "$r/bin/sh"
	ln -s busybox "$r/bin/sleep"
	tar -C "$r" -cf - . | rdocker import --change 'CMD ["/bin/sh"]' - \
	    dgtest:latest >/dev/null || die "docker import"
}

# A single-node swarm on the private daemon; the reason when it fails.
init_swarm() {
	if ! out=$(rdocker swarm init --advertise-addr 127.0.0.1 \
	    --listen-addr 127.0.0.1:2377 2>&1); then
		printf '%s\n' "$out" >&2
		tail -n 20 "$W/dockerd.log" >&2
		die "docker swarm init failed on the private daemon"
	fi
}

# make_service NAME [LABEL]: a replicated service (its tasks need not run:
# only its spec is checked).
make_service() {
	rdocker service create --detach --no-resolve-image --name "$1" \
	    ${2:+--label "$2"} --replicas 1 --restart-condition none \
	    dgtest:latest sleep 100000 >/dev/null 2>&1 ||
	    die "docker service create $1"
}

sid() {
	rdocker service inspect -f '{{.ID}}' "$1"
}

replicas() {
	rdocker service inspect -f '{{.Spec.Mode.Replicated.Replicas}}' \
	    "$1" 2>/dev/null
}

write_policy() {
	cat >"$W/policy.yaml" <<-EOF
	version: 1
	docker:
	  binary: $CLI
	  host: unix://$SOCK
	  config_dir: $W/cfg
	audit:
	  syslog: false
	  required: false
	roles:
	  names:
	    allow:
	      - command: [service scale, service update, service ls]
	        containers: ["web-*"]
	  labels:
	    allow:
	      - command: [service scale, service update]
	        labels: {team: a}
	  creator:
	    allow:
	      - command: service create
	        images: [dgtest]
	        mounts: named
	EOF
	chmod 644 "$W/policy.yaml"
}

# explain ROLE COMMAND: sets $out (stdout+stderr), $rc, $argv.
explain() {
	out=$("$DG" --explain --policy "$W/policy.yaml" --role "$1" "$2" 2>&1)
	rc=$?
	argv=$(printf '%s\n' "$out" | sed -n 's/^argv: //p')
}

ok() {
	pass=$((pass + 1))
	echo "ok: $*"
}

bad() {
	fail=$((fail + 1))
	echo "FAIL: $*"
	printf '%s\n' "$out" | sed 's/^/    /'
}

# expect_allow ROLE COMMAND ARGV: allowed, argv is "docker service ARGV".
expect_allow() {
	explain "$1" "$2"
	case "$rc:$argv" in
	"0:docker service $3") ok "$1: $2 -> $3" ;;
	*) bad "$1: $2: want allowed with argv docker service $3 (exit $rc)" ;;
	esac
}

# expect_deny ROLE COMMAND STATUS REASON-SUBSTRING
expect_deny() {
	explain "$1" "$2"
	if [ "$rc" = "$3" ] && printf '%s\n' "$out" | grep -qF -- "$4"; then
		ok "$1: $2 -> $3 ($4)"
	else
		bad "$1: $2: want exit $3 with \"$4\", got exit $rc"
	fi
}

# run_argv: execute the rendered $argv with the real docker CLI.
run_argv() {
	set -f
	# shellcheck disable=SC2086
	set -- $argv
	set +f
	[ "$1" = docker ] || return 1
	shift
	rdocker "$@" >/dev/null 2>&1
}

# An allowed service create (a named volume) runs for real.
check_create() {
	explain creator "docker service create --detach --no-resolve-image \
--name made --mount type=volume,src=data,dst=/d dgtest sleep 100000"
	if [ "$rc" = 0 ] && run_argv &&
	    [ "$(rdocker service inspect -f \
	    '{{(index .Spec.TaskTemplate.ContainerSpec.Mounts 0).Source}}' \
	    made 2>/dev/null)" = data ]; then
		ok "creator: service create with a named volume ran: $argv"
	else
		bad "creator: service create with a named volume (exit $rc)"
	fi
}

# The argv pinned to web-svc's ID scales exactly that service.
check_pinned_run() {
	explain names "docker service scale --detach web-svc=2"
	[ "$rc" = 0 ] || { bad "names: service scale web-svc=2 not allowed"; \
	    return; }
	if run_argv && [ "$(replicas "$web")" = 2 ] &&
	    [ "$(replicas "$db")" = 1 ]; then
		ok "the pinned argv ($argv) scaled web-svc by its ID"
	else
		bad "pinned argv did not scale web-svc: $argv (web-svc" \
		    "$(replicas "$web"), db-svc $(replicas "$db"))"
	fi
}

# Check, then remove and recreate web-svc, then run the argv: it must not
# reach the new service of the same name.
check_recreate() {
	explain names "docker service scale --detach web-svc=3"
	[ "$rc" = 0 ] || { bad "names: service scale web-svc=3 not allowed"; \
	    return; }
	rdocker service rm web-svc >/dev/null || die "docker service rm"
	make_service web-svc team=a
	new=$(sid web-svc)
	if ! run_argv && [ "$(replicas "$new")" = 1 ]; then
		ok "recreate between check and use: the pinned argv failed" \
		    "and the new web-svc kept 1 replica"
	else
		bad "pinned argv reached the recreated web-svc (replicas" \
		    "$(replicas "$new"))"
	fi
}

start_daemons
make_image
init_swarm
write_policy
make_service web-svc team=a
make_service db-svc
web=$(sid web-svc)
db=$(sid db-svc)
case "$web" in
*[!0-9a-z]*) die "unexpected service ID \"$web\"" ;;
esac
[ ${#web} = 25 ] || die "unexpected service ID \"$web\""

expect_allow names "docker service scale web-svc=2" "scale $web=2"
expect_allow names "docker service scale $web=2" "scale $web=2"
expect_allow names "docker service scale $(printf %.6s "$web")=2" \
    "scale $web=2"
expect_allow names "docker service update --force web-svc" \
    "update --force=true $web"
expect_deny names "docker service update --force db-svc" 77 \
    "service db-svc is outside this rule's containers"
expect_deny names "docker service scale $(printf %.6s "$db")=0" 77 \
    "service db-svc is outside"
expect_deny names "docker service scale web-svc=2 db-svc=0" 77 \
    "service db-svc is outside"
expect_deny names "docker service scale web-nope=1" 77 "no such service"
expect_deny names "docker service scale /web-svc=1" 77 "service /web-svc"
expect_deny names "docker service ls" 77 "cannot be limited"
expect_allow labels "docker service update --force web-svc" \
    "update --force=true $web"
expect_deny labels "docker service scale db-svc=2" 77 \
    "with the rule's labels"
expect_deny creator \
    "docker service create --mount type=bind,src=/,dst=/h dgtest" 77 \
    "host path /"
expect_deny creator "docker service create --network host dgtest" 77 \
    "host-namespaces"
expect_deny creator "docker service create --cap-add SYS_ADMIN dgtest" 77 \
    "capabilities"
check_create
check_pinned_run
check_recreate
killpid "$DOCKERD" 20
expect_deny names "docker service scale web-svc=1" 69 \
    "cannot connect to the Docker engine"

echo "swarm: $pass passed, $fail failed"
[ "$fail" = 0 ]
