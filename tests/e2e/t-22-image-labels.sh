#!/bin/bash
# Labels a container has from its image are not the gateway's: a role that
# may commit makes an image carrying its owner label and a session label; a
# container someone else starts from it (outside the gateway) is (a) not
# killed when that session ends, and (b) not owned by the role.
. "$(dirname "$0")/lib.sh"
t_begin "owner and session labels from an image count as absent"
ag() { dg_ssh "$KEY_AG" "$U_CI" "$@"; }
s=dgt22-s$$ v=dgt22-v$$ src=dgt22-src$$ own=dgt22-own$$
img=local/dgt22-$$
cleanup() {
	rdocker rm -f "$s" "$v" "$src" "$own" >/dev/null 2>&1
	rdocker rmi -f "$img:s" "$img:own" >/dev/null 2>&1
}
cleanup

# (b) owned: the agent commits its own container; the image carries
# dockergate.owner=agent, and so does a container root starts from it.
ag "docker run -d --name $src dgtest sleep 1000"
expect_rc 0
ag "docker commit $src $img:own"
expect_rc 0
[ "$(rdocker image inspect -f '{{index .Config.Labels "dockergate.owner"}}' \
    "$img:own")" = agent ] || fail "setup: the image lacks the owner label"
rdocker run -d --name "$own" "$img:own" sleep 1000 >/dev/null ||
    fail "setup: root docker run $own"
[ "$(rdocker inspect -f '{{index .Config.Labels "dockergate.owner"}}' \
    "$own")" = agent ] || fail "setup: $own did not inherit the owner label"
for cmd in "docker stop $own" "docker rm -f $own" \
    "docker container stop --time 1 $own" "docker commit $own $img:x"; do
	ag "$cmd"
	expect_rc 77
	expect_dg_line 'owned by this role'
done
[ "$(rdocker inspect -f '{{.State.Running}}' "$own")" = true ] ||
    fail "$own was stopped through the gateway"
ag "docker commit --change 'LABEL dockergate.owner=agent' $src $img:x"
expect_rc 77
expect_dg_line 'reserved dockergate. label prefix'
ag "docker stop -t 1 $src"	# control: its own container still is
expect_rc 0

# (a) clean-up: a silent run of the ai account; while it runs, its session
# label is copied into an image and root starts a container from that.
mkdir -p "$T"
ssh_base "$KEY_AI"
cmd="docker run --rm --name $s dgtest sleep 120"
printf '%s\t%s\n' "$U_AI" "$cmd" >>"$W/requests.log"
"${SSH[@]}" "$U_AI@127.0.0.1" "$cmd" </dev/null >"$T/run.out" 2>"$T/run.err" &
pid=$!
for ((i = 0; i < 50; i++)); do
	rdocker ps -q --filter name="^$s\$" | grep -q . && break
	sleep 0.2
done
sess=$(rdocker inspect -f '{{index .Config.Labels "dockergate.session"}}' "$s")
[ -n "$sess" ] || fail "setup: $s has no session label"
rdocker commit "$s" "$img:s" >/dev/null || fail "setup: root docker commit"
rdocker run -d --name "$v" "$img:s" sleep 120 >/dev/null ||
    fail "setup: root docker run $v"
[ "$(rdocker inspect -f '{{index .Config.Labels "dockergate.session"}}' \
    "$v")" = "$sess" ] || fail "setup: $v did not inherit the session label"
kill -KILL "$pid"
wait "$pid" 2>/dev/null
for ((i = 0; i < 250; i++)); do
	if ! pgrep -u "$U_AI" -f 'docker|dockergate' >/dev/null &&
	    ! rdocker ps -q --filter name="^$s\$" | grep -q .; then
		break
	fi
	sleep 0.1
done
rdocker ps -q --filter name="^$s\$" | grep -q . &&
    fail "control: the session's own container $s outlived it"
sleep 1
rdocker ps -q --filter name="^$v\$" | grep -q . ||
    fail "the container $v, labelled only by its image, was killed"
cleanup
t_end
