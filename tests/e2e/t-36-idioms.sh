#!/bin/bash
# Issue 17 item 3: the everyday commands the example ai-worker policy gained,
# run for real: create gets the run rule's limits, kill/pause/unpause/port
# act, a plain volume create works and -o/--driver create nothing, volume
# inspect masks driver options, the prunes run and -a is refused.  (Run as
# the account through runuser, exactly as sshd would start it.)
. "$(dirname "$0")/lib.sh"
t_begin "idioms: create, kill, pause, port, volume create, prunes"
d=$W/idioms
mkdir -m 0755 "$d"
e2e_write_example "$E2E_ROOT/policy/ai-worker.yaml" "$d/p.yaml"
ai() { as_account "$d/p.yaml" ai-worker "$1"; }
rdocker rm -f idi-c idi-r >/dev/null 2>&1
rdocker volume rm -f idi-v idi-v2 idi-o idi-secret >/dev/null 2>&1

ai "docker create --name idi-c --network none dgtest sleep 1000"
expect_rc 0
[ "$(rdocker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.PidsLimit}}' idi-c)" = "536870912 256" ] ||
    fail "create without the run rule's defaults: $(rdocker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.PidsLimit}}' idi-c)"
ai "docker create -m 4g dgtest true"
expect_rc 77
expect_dg_line 'over the cap'

rdocker run -d --name idi-r dgtest sleep 1000 >/dev/null || fail "setup run"
ai "docker pause idi-r"
expect_rc 0
[ "$(rdocker inspect -f '{{.State.Paused}}' idi-r)" = true ] || fail "pause"
ai "docker unpause idi-r"
expect_rc 0
[ "$(rdocker inspect -f '{{.State.Paused}}' idi-r)" = false ] || fail "unpause"
ai "docker port idi-r"
expect_rc 0
ai "docker top idi-r"
expect_rc 77
expect_dg_line 'not allowed for role'
ai "docker kill idi-r"
expect_rc 0
[ "$(rdocker inspect -f '{{.State.Running}}' idi-r)" = false ] || fail "kill"

ai "docker volume create idi-v"
expect_rc 0
ai "docker volume create --driver local idi-v2"
expect_rc 0
rdocker volume inspect idi-v >/dev/null 2>&1 || fail "volume create made no volume"
for cmd in "docker volume create -o type=none -o o=bind -o device=/etc idi-o" \
    "docker volume create --opt=device=/etc idi-o" \
    "docker volume create -d nfs idi-o" \
    "docker volume create -d local -o device=/etc idi-o"; do
	ai "$cmd"
	expect_rc 77
	expect_dg_line 'host-mounts|volume-drivers'
done
rdocker volume inspect idi-o >/dev/null 2>&1 && fail "a refused volume create made a volume"
rdocker volume create --driver local --opt type=tmpfs --opt device=tmpfs \
    --opt o=size=1m,uid=1,SeCrEt-idi idi-secret >/dev/null || fail "setup volume"
ai "docker volume inspect idi-secret"
expect_rc 0
grep -q SeCrEt-idi "$OUT" && fail "volume inspect shows driver options"

ai "docker container prune -f"
expect_rc 0
ai "docker builder prune -f"
expect_rc 0
for cmd in "docker builder prune -af" "docker image prune -a -f"; do
	ai "$cmd"
	expect_rc 77
	expect_dg_line 'data-loss'
done

rdocker rm -f idi-c idi-r >/dev/null 2>&1
rdocker volume rm -f idi-v idi-v2 idi-secret >/dev/null 2>&1
rm -rf "$d"
t_end
