#!/bin/bash
# Issue 18, observe mode and learn, through the real sshd as the non-root
# account: a role in observe mode runs what its rules deny (output and
# status as docker's) and records "decision": "observe" with the reason;
# -H, --context, unparseable strings and plugin commands stay refused;
# `dockergate learn` (as root) turns the records into a policy that passes
# --check, allows each observed command and refuses the escape catalogue.
. "$(dirname "$0")/lib.sh"
t_begin "observe mode records what it runs; learn proposes the policy"
d=$W/observe
mkdir -m 0755 "$d"
cat >"$d/roles.yaml" <<'YAML'
roles:
  watch:
    mode: observe
    allow:
      - ps
YAML
e2e_write_example "$d/roles.yaml" "$d/p.yaml"
ssh-keygen -q -t ed25519 -N '' -C dg-e2e-watch -f "$d/key" ||
    fail "setup: ssh-keygen"
printf 'restrict,command="%s --policy %s --role watch" %s\n' "$DGW" \
    "$d/p.yaml" "$(cat "$d/key.pub")" >>"$W/authorized_keys/$U_CI"
trap 'sed -i "/dg-e2e-watch/d" "$W/authorized_keys/$U_CI";
    rdocker rm -f dg-obs-web >/dev/null 2>&1' EXIT
w() { dg_ssh "$d/key" "$U_CI" "$@"; }
rdocker rm -f dg-obs-web >/dev/null 2>&1

w "help"
expect_rc 0
grep -q 'WARNING: this role is in observe mode' "$OUT" ||
    fail "help does not warn about observe mode"
w "docker ps --format '{{.ID}}'"
expect_rc 0
# Denied by the rules, run in observe mode, output and status docker's.
observed=(
	"docker run --rm dgtest echo observed"
	"docker run --rm -v /etc/hostname:/h:ro dgtest cat /h"
	"docker run -d --name dg-obs-web dgtest sleep 300"
	"docker logs dg-obs-web"
	"docker container inspect --format '{{.State.Running}}' dg-obs-web"
)
for c in "${observed[@]}"; do
	w "$c"
	expect_rc 0
	expect_err_empty
done
w "${observed[0]}"
expect_out observed
w "docker run --rm dgtest sh -c 'exit 7'"
expect_rc 7
w "${observed[4]}"
expect_out true

# What no policy allows stays refused.
w "docker -H tcp://127.0.0.1:2375 ps"
expect_rc 77
expect_dg_line '-H'
w "docker --context default ps"
expect_rc 77
expect_dg_line 'context'
w "docker ps; id"
expect_rc 65
expect_dg_line
w "docker plugin ls"
expect_rc 77
expect_dg_line 'never allowed'
w "docker run --rm --label dockergate.owner=x dgtest true"
expect_rc 77
expect_dg_line 'never allowed'

# The records: observe, with the reason; the refusals denied.
"$PY" - "$AUDIT" "$U_CI" <<'PY' || fail "audit: observe records"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
mine = [r for r in recs if r.get("event") == "decision" and
        r.get("role") == "watch" and r.get("user") == sys.argv[2]]
obs = [r for r in mine if r["decision"] == "observe"]
deny = [r for r in mine if r["decision"] == "deny"]
ok = len(obs) == 8 and all("not allowed for role watch" in r["reason"]
    for r in obs) and len(deny) == 5
if not ok:
    print(len(obs), len(deny), json.dumps(mine, indent=1)[:3000])
sys.exit(0 if ok else 1)
PY

# learn, as root: a policy that passes --check and allows what was seen.
"$DGW" learn --policy "$d/p.yaml" --audit "$AUDIT" --role watch \
    >"$d/learnt.yaml" 2>"$d/learn.err" || fail "learn: $(cat "$d/learn.err")"
chmod 0644 "$d/learnt.yaml"
"$DGW" --check --policy "$d/learnt.yaml" >/dev/null 2>"$d/check.err" ||
    fail "learnt policy: $(cat "$d/check.err")"
[ -s "$d/check.err" ] && fail "learnt policy still warns: $(cat "$d/check.err")"
grep -q 'containers: \["dg-obs-web"\]' "$d/learnt.yaml" ||
    fail "learnt policy names no container: $(cat "$d/learnt.yaml")"
grep -q 'binds: \["/etc/hostname:ro"\]' "$d/learnt.yaml" ||
    fail "learnt policy has no bind: $(cat "$d/learnt.yaml")"
for c in "${observed[@]}" "docker ps --format '{{.ID}}'"; do
	"$DGW" --explain --policy "$d/learnt.yaml" --role watch "$c" \
	    >"$d/explain" 2>&1 || fail "learnt policy denies $c: $(cat "$d/explain")"
done
# ... and refuses every escape of the catalogue (none was observed).
"$PY" - "$DGW" "$d/learnt.yaml" "$E2E_ROOT/tests/escapes/escapes.txt" <<'PY' ||
import subprocess, sys
dg, pol, cat = sys.argv[1:4]
n = bad = 0
for l in open(cat, encoding="utf-8"):
    if not l.strip() or l.startswith("#"):
        continue
    cmd = l.split(" | ")[1].strip()
    n += 1
    p = subprocess.run([dg, "--explain", "--policy", pol, "--role", "watch",
                        cmd], input="FROM scratch\n", capture_output=True,
                       text=True, timeout=20)
    if p.returncode not in (65, 77):
        bad += 1
        print(f"not refused: {cmd!r}: {p.returncode}")
sys.exit(1 if bad or n < 400 else 0)
PY
    fail "the learnt policy lets an escape through"
# Enforced, the learnt policy still serves the account over ssh.
sed -i "s|--policy $d/p.yaml --role watch|--policy $d/learnt.yaml --role watch|" \
    "$W/authorized_keys/$U_CI"
w "docker logs dg-obs-web"
expect_rc 0
w "docker logs --tail 1 dg-obs-web"
expect_rc 77
expect_dg_line 'deny_flags'
w "docker run --rm -v /etc/passwd:/p:ro dgtest true"
expect_rc 77
expect_dg_line 'host path'
w "docker run --rm dgtest echo again"
expect_rc 0
expect_out again
t_end
