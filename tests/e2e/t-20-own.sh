#!/bin/bash
# own/owned: the agent role's run adds the owner label; it may stop, list
# and remove the containers it started and no other, and cannot forge the
# label.
. "$(dirname "$0")/lib.sh"
t_begin "own/owned: an agent manages what it started and nothing else"
ag() { dg_ssh "$KEY_AG" "$U_CI" "$@"; }
rdocker rm -f mine theirs >/dev/null 2>&1
rdocker run -d --name theirs dgtest sleep 1000 >/dev/null || fail "setup"
ag "docker run -d --name mine dgtest sleep 1000"
expect_rc 0
[ "$(rdocker inspect -f '{{index .Config.Labels "dockergate.owner"}}' mine)" \
    = agent ] || fail "mine lacks the owner label"
ag "docker ps --format '{{.Names}}'"
expect_rc 0
expect_out mine
for cmd in "docker stop theirs" "docker rm -f theirs" \
    "docker run -d -l dockergate.owner=agent --name forged dgtest true" \
    "docker run -d --label=dockergate.owner=x dgtest true"; do
	ag "$cmd"
	expect_rc 77
	expect_dg_line
done
[ "$(rdocker inspect -f '{{.State.Running}}' theirs)" = true ] ||
    fail "theirs was stopped"
ag "docker stop -t 1 mine"
expect_rc 0
ag "docker rm mine"
expect_rc 0
rdocker inspect mine >/dev/null 2>&1 && fail "mine was not removed"
rdocker rm -f theirs >/dev/null
t_end
