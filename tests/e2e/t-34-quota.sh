#!/bin/bash
# Issue 16, quotas: max_containers on an own: true run rule.  A dozen
# concurrent `docker run -d` with max_containers: 3 leave exactly 3
# containers (the per-role lock serializes count and create); stopped
# containers count; a foreground run holds the lock only until docker has
# created its container; no lock directory is 69, never an allow.  (Run
# as the account through runuser, exactly as sshd would start it.)
. "$(dirname "$0")/lib.sh"
t_begin "max_containers: concurrent sessions never pass the quota"
d=$W/quota
mkdir -m 0755 "$d"
cat >"$d/roles.yaml" <<'YAML'
roles:
  dgquota:
    allow:
      - command: [run, create]
        own: true
        max_containers: 3
YAML
e2e_write_example "$d/roles.yaml" "$d/p.yaml"
LOCKS=/run/dockergate/locks	# made by lib.sh when missing
[ -d "$LOCKS" ] || fail "setup: no $LOCKS"
q() { as_account "$d/p.yaml" dgquota "$1"; }
owned() {
	rdocker ps -aq --filter label=dockergate.owner=dgquota | wc -l
}
clean() {
	local c
	for c in $(rdocker ps -aq --filter label=dockergate.owner=dgquota); do
		rdocker rm -f "$c" >/dev/null 2>&1
	done
}
clean

# A dozen sessions at once.
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	(cd / && runuser -u "$U_AI" -- env -i PATH=/usr/bin:/bin \
	    SSH_ORIGINAL_COMMAND="docker run -d dgtest sleep 1000" "$DGW" \
	    --policy "$d/p.yaml" --role dgquota >/dev/null 2>"$d/err.$i";
	    echo $? >"$d/rc.$i") &
done
wait
n=$(owned)
[ "$n" = 3 ] || fail "12 concurrent runs under max_containers: 3 left $n"
ok=0 full=0
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	case $(cat "$d/rc.$i") in
	0) ok=$((ok + 1)) ;;
	77) grep -q '^dockergate: .*max_containers' "$d/err.$i" &&
	    full=$((full + 1)) ;;
	esac
done
[ "$ok" = 3 ] && [ "$full" = 9 ] ||
    fail "expected 3 allowed and 9 refused for the quota, got $ok and $full"

# Stopped containers count; create is held to the same quota.
rdocker stop -t 0 $(rdocker ps -q --filter label=dockergate.owner=dgquota) \
    >/dev/null
q "docker create dgtest true"
expect_rc 77
expect_dg_line 'already has 3 containers.*max_containers'
q "docker container run -d dgtest true"
expect_rc 77
expect_dg_line 'max_containers'
[ "$(owned)" = 3 ] || fail "a refused run created a container"

# A foreground run holds the lock only until its container exists.
clean
q "docker run -d dgtest sleep 1000"
expect_rc 0
(q "docker run --rm dgtest sleep 6") &
fg=$!
sleep 1.5
start=$(date +%s)
q "docker run -d dgtest sleep 1000"
expect_rc 0
[ $(($(date +%s) - start)) -lt 5 ] ||
    fail "a foreground run kept the quota lock until it ended"
[ "$(owned)" = 3 ] || fail "expected 3 containers, got $(owned)"
q "docker run -d dgtest sleep 1000"
expect_rc 77
expect_dg_line 'max_containers'
wait "$fg"

# No lock directory: unavailable, never an allow.  (e2e runs one at a
# time, under the machine's heavy-suite lock: moving it aside is safe.)
clean
if ! [ -e "$LOCKS.x" ] && mv "$LOCKS" "$LOCKS.x"; then
	q "docker run -d dgtest sleep 1000"
	expect_rc 69
	expect_dg_line 'quota lock'
	[ "$(owned)" = 0 ] || fail "a run without the lock directory ran"
	mv "$LOCKS.x" "$LOCKS"
else
	fail "setup: cannot move $LOCKS aside"
fi
clean
rm -rf "$d"
t_end
