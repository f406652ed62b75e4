#!/bin/bash
# Issue 16, lifetimes: a rule's lifetime: labels what a session starts
# with dockergate.expires=<unix seconds>; `dockergate reap` (root) removes
# the containers past their own expiry, running or stopped, and nothing
# else: unexpired, unlabelled, unreadable labels and a label inherited
# from the image are kept; --dry-run removes nothing; two reaps at once
# are fine; each removal is an audit record.
. "$(dirname "$0")/lib.sh"
t_begin "lifetime and reap: expired containers go, nothing else"
d=$W/reap
mkdir -m 0755 "$d"
cat >"$d/roles.yaml" <<'YAML'
roles:
  dgreap:
    allow:
      - command: [run, create]
        own: true
        lifetime: 1s
YAML
e2e_write_example "$d/roles.yaml" "$d/p.yaml"
now=$(date +%s)
names="rp-exp1 rp-exp2 rp-fut rp-none rp-inh rp-bad rp-hex rp-base"
for n in $names; do rdocker rm -f "$n" >/dev/null 2>&1; done
rdocker run -d --name rp-exp1 -l dockergate.expires=1 dgtest sleep 1000 \
    >/dev/null || fail "setup exp1"
rdocker create --name rp-exp2 -l "dockergate.expires=$((now - 10))" dgtest \
    true >/dev/null || fail "setup exp2"
rdocker run -d --name rp-fut -l "dockergate.expires=$((now + 3600))" dgtest \
    sleep 1000 >/dev/null || fail "setup fut"
rdocker run -d --name rp-none dgtest sleep 1000 >/dev/null || fail "setup none"
rdocker run -d --name rp-bad -l dockergate.expires=abc dgtest sleep 1000 \
    >/dev/null || fail "setup bad"
rdocker run -d --name rp-hex -l dockergate.expires=0x10 dgtest sleep 1000 \
    >/dev/null || fail "setup hex"
rdocker create --name rp-base dgtest true >/dev/null || fail "setup base"
rdocker commit --change 'LABEL dockergate.expires=1' rp-base dgtest-exp:1 \
    >/dev/null || fail "setup image"
rdocker rm rp-base >/dev/null
rdocker run -d --name rp-inh dgtest-exp:1 sleep 1000 >/dev/null ||
    fail "setup inh"
exists() { rdocker inspect "$1" >/dev/null 2>&1; }

# --dry-run lists the two and removes nothing.
out=$("$DGW" reap --policy "$d/p.yaml" --dry-run 2>&1); rc=$?
[ "$rc" = 0 ] || fail "reap --dry-run: status $rc: $out"
[ "$(printf '%s\n' "$out" | grep -c '^would remove ')" = 2 ] ||
    fail "reap --dry-run: expected 2 lines: $out"
for n in $names; do
	[ "$n" = rp-base ] && continue
	exists "$n" || fail "--dry-run removed $n"
done

# A session under lifetime: 1s labels its container with its expiry.
as_account "$d/p.yaml" dgreap "docker run -d --name rp-sess dgtest sleep 1000"
expect_rc 0
exp=$(rdocker inspect -f '{{index .Config.Labels "dockergate.expires"}}' rp-sess)
case $exp in
''|*[!0-9]*) fail "rp-sess: no expiry label: '$exp'" ;;
*) [ "$exp" -ge "$((now + 1))" ] && [ "$exp" -le "$(($(date +%s) + 1))" ] ||
	fail "rp-sess: expiry $exp is not start + 1s" ;;
esac
# The caller cannot set or change it.
as_account "$d/p.yaml" dgreap \
    "docker run -d -l dockergate.expires=99999999999 dgtest true"
expect_rc 77
sleep 2

# Two reaps at once: both succeed; exactly the expired ones are gone.
a0=$(grep -c '"event":"reap"' "$AUDIT")
"$DGW" reap --policy "$d/p.yaml" >"$d/r1" 2>&1 & p1=$!
"$DGW" reap --policy "$d/p.yaml" >"$d/r2" 2>&1 & p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
[ "$r1" = 0 ] && [ "$r2" = 0 ] ||
    fail "concurrent reaps: status $r1 and $r2: $(cat "$d/r1" "$d/r2")"
for n in rp-exp1 rp-exp2 rp-sess; do
	exists "$n" && fail "reap kept the expired $n"
done
for n in rp-fut rp-none rp-inh rp-bad rp-hex; do
	exists "$n" || fail "reap removed $n"
done
grep -q '^removed ' "$d/r1" "$d/r2" || fail "no removal reported"
a1=$(grep -c '"event":"reap"' "$AUDIT")
[ "$((a1 - a0))" -ge 3 ] || fail "expected 3 or more reap records, got $((a1 - a0))"
grep '"event":"reap"' "$AUDIT" | grep -q '"result":"removed"' ||
    fail "no removed reap record"
# Again: nothing left to do, not an error.
out=$("$DGW" reap --policy "$d/p.yaml" 2>&1); rc=$?
[ "$rc" = 0 ] && [ -z "$out" ] || fail "second reap: status $rc: $out"

for n in $names rp-sess; do rdocker rm -f "$n" >/dev/null 2>&1; done
rdocker rmi dgtest-exp:1 >/dev/null 2>&1
rm -rf "$d"
t_end
