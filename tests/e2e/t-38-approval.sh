#!/bin/bash
# Issue 18, approvals: a rule with approval: true, through real sshd, the
# gateway running as the (non-root) account.  Held -> 75 with the line and
# notify called with the request; root approves -> the same command runs
# once, the second time it is held again; another request is not covered;
# an approval the account forged is ignored; the account cannot approve;
# pending shows the owner and skips a file that lies about it; a waiting
# session goes on once approved from another process, ends with 77 soon
# after a denial, and stops waiting when its client closes stdin.
. "$(dirname "$0")/lib.sh"
t_begin "approval: true: held, approved once, denied, never self-approved"
d=$W/appr
A=$d/approvals
mkdir -m 0755 "$d" "$A" "$A/approved"
mkdir -m 0700 "$A/requests" && chmod 1733 "$A/requests"
: >"$d/notified"
chmod 0666 "$d/notified"
printf '#!/bin/sh\ncat >>%s\n' "$d/notified" >"$d/notify"
chmod 0755 "$d/notify"
ssh-keygen -q -t ed25519 -N '' -C dg-e2e-appr -f "$d/k0" || fail "keygen"
ssh-keygen -q -t ed25519 -N '' -C dg-e2e-wait -f "$d/k10" || fail "keygen"

# p0: answer at once; p10: wait 10s.  Same spool, same role.
policy() {
	{
		sed -n '1,/^roles:/p' "$POLICY" | sed '$d'
		cat <<-EOF
		approvals:
		  dir: $A
		  ttl: 10m
		  wait: $2
		  notify: [$d/notify]
		roles:
		  appr:
		    allow:
		      - command: [ps, rm]
		        approval: true
		      - command: run
		        images: [dgtest]
		        approval: true
		EOF
	} >"$1"
	chmod 0644 "$1"
}
policy "$d/p0.yaml" 0
policy "$d/p10.yaml" 10s
"$DGW" --check --policy "$d/p0.yaml" >/dev/null || fail "p0: --check"
keys=$W/authorized_keys/$U_CI
cp "$keys" "$d/keys.orig"
trap 'cp "$d/keys.orig" "$keys"' EXIT
for w in 0 10; do
	printf 'restrict,command="%s --policy %s --role appr" %s\n' "$DGW" \
	    "$d/p$w.yaml" "$(cat "$d/k$w.pub")" >>"$keys"
done
rdocker create --name ap-1 dgtest true >/dev/null || fail "setup ap-1"
ap() { dg_ssh "$d/k0" "$U_CI" "$@"; }
held_id() { sed -n 's/^dockergate: held for approval: request \([0-9a-f]\{16\}\) .*/\1/p' "$ERR"; }
HELD_RE="^dockergate: held for approval: request [0-9a-f]{16} \(roles\.appr\.allow\[[01]\], waited [0-9]+s\); ask an operator to run 'dockergate approve [0-9a-f]{16}'$"

# 1. Held: 75, exactly the line, nothing ran; notify got the request.
CMD="docker ps -a --filter name=ap-"
ap "$CMD"
expect_rc 75
expect_dg_line "$HELD_RE"
[ -s "$OUT" ] && fail "held, yet docker printed: $(cat "$OUT")"
ID=$(held_id)
[ -n "$ID" ] || fail "no request id in: $(cat "$ERR")"
grep -q "\"id\":\"$ID\"" "$d/notified" &&
    grep -q "\"argv\":\[\"docker\",\"container\",\"ls\"" "$d/notified" &&
    grep -q "\"user\":\"$U_CI\"" "$d/notified" ||
    fail "notify did not get the request JSON: $(cat "$d/notified")"
[ "$(stat -c %U "$A/requests/$ID")" = "$U_CI" ] ||
    fail "request file not owned by the account"
[ "$(audit_count "\"event\":\"held\",\"request\":\"$ID\"")" -ge 1 ] ||
    fail "no held record for $ID"

# 2. The account cannot approve: not in approved/, not with the command,
# not through ssh.  A file there that root did not write is ignored.
runuser -u "$U_CI" -- sh -c "echo '{}' >$A/approved/$ID" 2>/dev/null &&
    fail "the account could write $A/approved"
LAST="dockergate approve --yes $ID  (as $U_CI)"
OUT=$T/out ERR=$T/err
(cd / && runuser -u "$U_CI" -- env -i PATH=/usr/bin:/bin "$DGW" approve \
    --policy "$d/p0.yaml" --yes "$ID") >"$OUT" 2>"$ERR"
RC=$?
expect_rc 77
expect_dg_line "for root only"
ap "dockergate approve --yes $ID"
expect_rc 77
# a forged approval: root's format, but the account's file
"$DGW" approve --policy "$d/p0.yaml" --yes "$ID" >/dev/null ||
    fail "root could not approve"
chown "$U_CI" "$A/approved/$ID"
ap "$CMD"		# held again (approve removed the request file)
expect_rc 75
ID2=$(held_id)
[ "$ID2" = "$ID" ] || fail "same request, new id: $ID2 vs $ID"
rm -f "$A/approved/$ID"

# 3. pending shows the owner; a file that names another account is skipped.
fake=0123456789abcdef
printf '{"id":"%s","user":"%s","uid":%s,"role":"appr","argv":["docker","ps"]}\n' \
    "$fake" "$U_CI" "$(id -u "$U_CI")" >"$A/requests/$fake"
chown "$U_AI" "$A/requests/$fake"
"$DGW" pending --policy "$d/p0.yaml" --json >"$T/pending" 2>"$T/pending.err" ||
    fail "pending failed: $(cat "$T/pending.err")"
python3 - "$T/pending" "$ID" "$U_CI" "$fake" <<'PY' || fail "pending: $(cat "$T/pending")"
import json, sys
p = json.load(open(sys.argv[1]))
ids = {r["id"]: r for r in p}
assert sys.argv[2] in ids and ids[sys.argv[2]]["account"] == sys.argv[3]
assert sys.argv[4] not in ids
PY
grep -q "skipped .*$fake" "$T/pending.err" || fail "no warning for $fake"
rm -f "$A/requests/$fake"

# 4. Approved: that command runs, once; another request is not covered.
# approve asks on the terminal unless --yes: "n" approves nothing, and
# without a terminal it refuses
echo n | script -qec "$DGW approve --policy $d/p0.yaml $ID" /dev/null \
    >"$T/tty" 2>&1
grep -q "approve request $ID? \[y/N\]" "$T/tty" &&
    grep -q "account: $U_CI (owns the request file)" "$T/tty" ||
    fail "approve did not show the request and ask: $(cat "$T/tty")"
[ -e "$A/approved/$ID" ] && fail "approved on \"n\""
setsid "$DGW" approve --policy "$d/p0.yaml" "$ID" </dev/null >"$T/tty" 2>&1 &&
    fail "approve without a terminal or --yes succeeded"
[ -e "$A/approved/$ID" ] && fail "approved without a terminal"
n=$(audit_count "\"event\":\"approved\",\"request\":\"$ID\".*\"by\":")
"$DGW" approve --policy "$d/p0.yaml" --yes "$ID" >/dev/null ||
    fail "approve"
[ "$(audit_count "\"event\":\"approved\",\"request\":\"$ID\".*\"by\":")" = $((n + 1)) ] ||
    fail "no approved record"
ap "docker ps -a"
expect_rc 75
ap "$CMD"
expect_rc 0
grep -q ap-1 "$OUT" || fail "ps did not run: $(cat "$OUT")"
grep "\"decision\":\"allow\"" "$AUDIT" | grep -q "\"request\":\"$ID\",\"approval\":\"[0-9a-f]\{32\}\"" ||
    fail "no decision record with request and approval"
ap "$CMD"
expect_rc 75
expect_dg_line "$HELD_RE"
# a run: the argv approved is the one decided, before the session's labels
RUN="docker run --rm dgtest echo approved-run"
ap "$RUN"
expect_rc 75
RID=$(held_id)
"$DGW" approve --policy "$d/p0.yaml" --yes "$RID" >/dev/null ||
    fail "approve run"
ap "$RUN"
expect_rc 0
expect_out approved-run

rm -f "$A"/requests/????????????????	# root clears what is held

# 5. A waiting session (wait: 10s, stdin kept open) goes on once root
# approves from another process, and ends with 77 soon after a denial.
mkfifo "$d/in"
exec 3<>"$d/in"
decide_later() {	# decide_later approve|deny: on the next held file
	local f i
	for i in $(seq 100); do
		for f in "$A"/requests/*; do
			f=${f##*/}
			case $f in ????????????????)
				[ "$f" = "$ID" ] && continue
				sleep 1
				if [ "$1" = approve ]; then
					"$DGW" approve --policy "$d/p10.yaml" \
					    --yes "$f" >/dev/null
				else
					"$DGW" deny --policy "$d/p10.yaml" \
					    --reason "not now" "$f" >/dev/null
				fi
				return
			esac
		done
		sleep 0.1
	done
}
waiting() {	# waiting COMMAND: over ssh with stdin open; sets RC, secs
	local t0=$SECONDS
	ssh_base "$d/k10"
	LAST="ssh (wait 10s) '$1'"
	timeout 60 "${SSH[@]}" "$U_CI@127.0.0.1" "$1" <&3 >"$OUT" 2>"$ERR"
	RC=$? secs=$((SECONDS - t0))
}
decide_later approve & bg=$!
waiting "docker ps -q --filter name=ap-1"
wait $bg
expect_rc 0
[ "$secs" -lt 9 ] || fail "approved session took ${secs}s"
decide_later deny & bg=$!
waiting "docker ps -aq --filter name=ap-1"
wait $bg
expect_rc 77
expect_dg_line "denied by an operator: not now"
[ "$secs" -lt 6 ] || fail "denied session ended after ${secs}s"
# the client closes its stdin: the wait ends at once, 75
ssh_base "$d/k10"
t0=$SECONDS
timeout 60 "${SSH[@]}" "$U_CI@127.0.0.1" "docker ps -q" </dev/null \
    >"$OUT" 2>"$ERR"
RC=$?
expect_rc 75
[ $((SECONDS - t0)) -lt 6 ] || fail "a gone client kept the session waiting"
exec 3>&-
rdocker rm -f ap-1 >/dev/null 2>&1
t_end
