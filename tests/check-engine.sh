#!/bin/sh
# tests/check-engine.sh: container targets through the Engine API, against a
# private dockerd (own containerd, data-root, exec-root, socket, network
# namespace and cgroup parent under W=/run/dg-engine.XXXXXX; no other daemon
# is touched).  Drives `dockergate --explain` with a policy whose
# docker.host is that socket and checks: allowed targets resolve and the
# argv names them by full ID; names, labels and ownership scope them; an
# unknown name, an unknown or ambiguous ID prefix is denied; a rename and
# recreate between check and use cannot redirect the pinned argv; the real
# daemon answers the unit test's lookups (escaped names, image refs); the
# daemon stopped means exit 69.  Needs root (skips outside CI when not).
# Prints "engine: N passed, N failed".
BUILD=${BUILD:-build}
SUITE=engine
. tests/daemon.sh

# run_box NAME [LABEL]: a running container that sleeps.
run_box() {
	rdocker run -d --network none --name "$1" ${2:+--label "$2"} \
	    dgtest:latest sleep 100000 >/dev/null || die "docker run $1"
}

cid() {
	rdocker inspect -f '{{.Id}}' "$1"
}

write_policy() {
	{ policy_header; cat <<-EOF; } >"$W/policy.yaml"
	  names:
	    allow:
	      - command: [restart, kill]
	        containers: ["web-*"]
	  labels:
	    allow:
	      - command: restart
	        labels: {team: a}
	  owner:
	    allow:
	      - command: restart
	        owned: true
	EOF
	chmod 644 "$W/policy.yaml"
}

# expect_allow ROLE COMMAND ID: allowed, argv ends with the full ID.
expect_allow() {
	explain "$1" "$2"
	case "$rc:$argv" in
	"0:docker container "*" $3") ok "$1: $2 -> ${3%"${3#????????????}"}" ;;
	*) bad "$1: $2: want allowed with argv naming $3 (exit $rc)" ;;
	esac
}

# expect_secret ROLE COMMAND SECRET: denied (77), and the denial carries
# none of SECRET (names, IDs of targets outside the scope) - issue 13.
expect_secret() {
	explain "$1" "$2"
	if [ "$rc" = 77 ] && ! printf '%s\n' "$out" | grep -qF -- "$3"; then
		ok "$1: $2 -> 77 without \"$3\""
	else
		bad "$1: $2: want exit 77 without \"$3\", got exit $rc: $out"
	fi
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

# A one-hex-digit prefix that two containers share: create containers
# until there is one (pigeonhole: at most 17).  Prints the prefix.
ambiguous_prefix() {
	n=0
	while [ $n -lt 17 ]; do
		p=$(rdocker ps -aq --no-trunc | cut -c1 | sort | uniq -d |
		    head -n 1)
		[ -n "$p" ] && { echo "$p"; return 0; }
		rdocker create --network none --name "web-amb-$n" \
		    dgtest:latest >/dev/null || return 1
		n=$((n + 1))
	done
	return 1
}

# A two-hex-digit prefix that no container's ID has.
unused_prefix() {
	ids=$(rdocker ps -aq --no-trunc)
	for a in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do
		for b in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do
			printf '%s\n' "$ids" | grep -q "^$a$b" ||
			    { echo "$a$b"; return 0; }
		done
	done
}

running() {
	rdocker inspect -f '{{.State.Running}}' "$1" 2>/dev/null
}

# Check with the gateway, then rename and recreate, then run the argv.
check_pinning() {
	id=$(cid web-1)
	explain names "docker kill web-1"
	[ "$rc" = 0 ] || { bad "names: docker kill web-1 not allowed"; return; }
	rdocker rename web-1 web-old || die "docker rename"
	run_box web-1
	new=$(cid web-1)
	set -f
	# shellcheck disable=SC2086
	set -- $argv
	set +f
	[ "$1" = docker ] || { bad "argv does not start with docker"; return; }
	shift
	rdocker "$@" >/dev/null || { bad "pinned argv failed: $argv"; return; }
	if [ "$(running "$id")" = false ] && [ "$(running "$new")" = true ]; then
		ok "rename+recreate between check and use: the pinned argv" \
		    "killed the checked container, not the new web-1"
	else
		bad "pinned argv hit the wrong container (old running:" \
		    "$(running "$id"), new running: $(running "$new"))"
	fi
}

check_real_lookups() {
	t=$PWD/$BUILD/test_engine
	if [ ! -x "$t" ]; then
		out="$t not built"
		bad "unit lookups against the real daemon"
		return
	fi
	if out=$(DG_TEST_ENGINE=unix://$SOCK DG_TEST_CONTAINER=web-1 \
	    DG_TEST_IMAGE=local/dg:v1 "$t" 2>&1) &&
	    printf '%s\n' "$out" | grep -q '^\[       OK \] test_real_engine'
	then
		ok "test_engine's real-daemon lookups (container web-1," \
		    "image local/dg:v1)"
	else
		bad "test_engine against the real daemon"
	fi
}

start_daemons
make_image
rdocker tag dgtest:latest local/dg:v1 || die "docker tag"
write_policy
run_box web-1
run_box web-2
run_box db team=a
run_box mine dockergate.owner=owner
web1=$(cid web-1)
db=$(cid db)

expect_allow names "docker restart web-1" "$web1"
expect_allow names "docker container restart $web1" "$web1"
expect_allow names "docker restart $(printf %.12s "$web1")" "$web1"
expect_allow names "docker restart /web-1" "$web1"
expect_allow names "docker restart web-2 web-1" "$web1"
expect_deny names "docker restart db" 77 \
    "container db is not one this rule may act on"
expect_deny names "docker restart web-1 db" 77 \
    "container db is not one this rule may act on"
expect_deny names "docker restart $(printf %.12s "$db")" 77 \
    "container $(printf %.12s "$db") is not one this rule may act on"
expect_secret names "docker restart $(printf %.12s "$db")" "db "
expect_secret names "docker restart $(printf %.12s "$db")" "$db"
expect_secret names "docker restart $(printf %.1s "$db")" "$db"
expect_deny names "docker restart web-nope" 77 \
    "container web-nope is not one this rule may act on"
expect_allow labels "docker restart db" "$db"
expect_deny labels "docker restart web-1" 77 "with the rule's labels"
expect_allow owner "docker restart mine" "$(cid mine)"
expect_deny owner "docker restart web-1" 77 "owned by this role"
check_real_lookups
p=$(ambiguous_prefix) || die "could not make an ambiguous ID prefix"
expect_deny names "docker restart $p" 77 \
    "container $p is not one this rule may act on"
expect_secret names "docker restart $p" "ultiple"
expect_deny names "docker restart $(unused_prefix)" 77 "is not one this rule may act on"
check_pinning
killpid "$DOCKERD" 20
expect_deny names "docker restart web-1" 69 \
    "cannot connect to the Docker engine"

echo "engine: $pass passed, $fail failed"
[ "$fail" = 0 ]
