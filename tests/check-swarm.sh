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
SUITE=swarm
. tests/daemon.sh

# A single-node swarm on the private daemon; the reason when it fails.
init_swarm() {
	if ! out=$(rdocker swarm init --advertise-addr 127.0.0.1 \
	    --listen-addr 127.0.0.1:2377 2>&1); then
		printf '%s\n' "$out" >&2
		tail -n 20 "$W/docker/log" >&2
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
	{ policy_header; cat <<-EOF; } >"$W/policy.yaml"
	  names:
	    allow:
	      - command: [service scale, service update, service ls]
	        containers: ["web-*"]
	        unsafe: [other-containers]
	  labels:
	    allow:
	      - command: [service scale, service update]
	        labels: {team: a}
	        unsafe: [other-containers]
	  creator:
	    allow:
	      - command: service create
	        images: [dgtest]
	        mounts: named
	EOF
	chmod 644 "$W/policy.yaml"
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
    "service db-svc is not one this rule may act on"
expect_deny names "docker service scale $(printf %.6s "$db")=0" 77 \
    "service $(printf %.6s "$db") is not one this rule may act on"
expect_deny names "docker service scale web-svc=2 db-svc=0" 77 \
    "service db-svc is not one this rule may act on"
expect_deny names "docker service scale web-nope=1" 77 \
    "service web-nope is not one this rule may act on"
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
