#!/bin/sh
# Observe mode and learn, in forced-command mode without a Docker daemon
# (docker.binary is a root-owned copy of /bin/true): a role in observe mode
# runs what its rules deny and records "observe"; what no policy allows
# (-H, --context, --config, --tls*, unparseable strings, plugin and
# context commands) stays refused; --check warns; `dockergate learn` turns
# the records into a policy that passes --check, allows each observed
# command (--explain) and refuses every line of the escape catalogue
# tests/escapes/escapes.txt that was not observed.
. tests/lib.sh
d=$(dg_secure_dir) || exit 1
trap 'rm -rf "$d"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; [ -s "$d/err" ] && cat "$d/err"; }
mkdir -p "$d/bin" "$d/cfg"
cp /bin/true "$d/bin/docker"
echo '{}' >"$d/cfg/config.json"
cat >"$d/policy.yaml" <<EOP
# observe-mode test policy
version: 1
docker:
  binary: $d/bin/docker
  config_dir: $d/cfg
audit:
  syslog: false
  file: $d/audit.jsonl
  required: true
roles:
  watch:
    mode: observe       # learn sets it back
    allow:
      - ps              # this comment goes
      - command: run
        images: [alpine]
  other:
    allow: [ps]         # this one stays
EOP
chmod 644 "$d/policy.yaml"
P="--policy $d/policy.yaml --role watch"

# --check passes, with one warning line for the role in observe mode.
"$DG" --check --policy "$d/policy.yaml" >"$d/out" 2>"$d/err" && ok ||
    bad "--check of an observe-mode policy"
grep -q '^dockergate: warning: role watch is in observe mode' "$d/err" &&
    ok || bad "--check does not warn about observe mode"
"$DG" doctor --policy "$d/policy.yaml" --user root >"$d/out" 2>&1
grep -q '^WARN  policy-mode: role in observe mode .*: watch; fix: dockergate learn' \
    "$d/out" && ok || bad "doctor does not warn about observe mode"
SSH_ORIGINAL_COMMAND=help "$DG" $P >"$d/out" 2>"$d/err"
grep -q 'WARNING: this role is in observe mode' "$d/out" && ok ||
    bad "help does not warn about observe mode"

# Observed: run, each with one "observe" decision record (ps: "allow").
observed="docker ps
docker images
docker run --rm alpine echo hi
docker run --rm -v /usr/share/doc:/d:ro alpine ls /d
docker container run -d -v cache:/cache --cap-add NET_ADMIN busybox:1.36 sleep 1
docker pull alpine:3.19
docker volume ls
docker system df"
echo "$observed" | while IFS= read -r c; do
	SSH_ORIGINAL_COMMAND="$c" "$DG" $P >"$d/out" 2>"$d/err"
	echo "$? $c"
done >"$d/status"
while read -r rc c; do
	[ "$rc" = 0 ] && ok || bad "observe mode did not run '$c' ($rc)"
done <"$d/status"
[ ! -s "$d/err" ] && ok || bad "observe mode wrote to stderr"
python3 - "$d/audit.jsonl" <<'PY' && ok || bad "observe records"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
dec = [r for r in recs if r["event"] == "decision" and r["command"] != "help"]
obs = [r for r in dec if r["decision"] == "observe"]
ok = len(dec) == 8 and len(obs) == 6 and all(r["reason"] and
    r["rule"] is not None and isinstance(r["argv"], list) for r in obs) and \
    sum(r["event"] == "exit" for r in recs) == 8 and \
    [r["decision"] for r in dec][:3] == ["allow", "observe", "allow"]
ok = ok and any("host-mounts" in r["reason"] and r["rule"] ==
    "roles.watch.allow[1]" for r in obs)
if not ok:
    print(json.dumps(dec, indent=1))
sys.exit(0 if ok else 1)
PY

# --explain says observe, and why the rules deny it.
"$DG" --explain $P 'docker run --privileged alpine' >"$d/out" 2>"$d/err" &&
    grep -q '^verdict: observe$' "$d/out" &&
    grep -q '^reason: --privileged .*risk class privileged' "$d/out" && ok ||
    bad "--explain of an observed request"
"$DG" --explain --json $P 'docker images' >"$d/out" 2>"$d/err" &&
    grep -q '"verdict":"observe"' "$d/out" && ok ||
    bad "--explain --json of an observed request"
# Refused in observe mode too: what no policy allows.
refused() {	# refused STATUS COMMAND
	SSH_ORIGINAL_COMMAND="$2" "$DG" $P >"$d/out" 2>"$d/err"
	rc=$?
	if [ "$rc" != "$1" ]; then
		bad "observe mode: '$2' gave $rc, want $1"
	elif [ "$(grep -c '^dockergate: ' "$d/err")" != 1 ]; then
		bad "observe mode: '$2': not one dockergate: line"
	else
		ok
	fi
}
refused 77 'docker -H tcp://127.0.0.1:2375 ps'
refused 77 'docker --host=unix:///tmp/x.sock ps'
refused 77 'docker --context other ps'
refused 77 'docker -c other ps'
refused 77 'docker --config /tmp ps'
refused 77 'docker --tlsverify ps'
refused 77 'docker -- ps'
refused 77 'docker plugin ls'
refused 77 'docker plugin install vieux/sshfs'
refused 77 'docker context ls'
refused 77 'docker system dial-stdio'
refused 77 'docker run --label dockergate.owner=x alpine'
refused 65 'docker ps; id'
refused 65 'docker ps $(id)'
refused 65 "docker ps 'unterminated"
n=$(grep -c '"decision":"observe"' "$d/audit.jsonl")
[ "$n" = 6 ] && ok || bad "a refusal was recorded as observe ($n)"

# learn: the narrowest rules, mode back to enforce, the rest kept.
"$DG" learn --policy "$d/policy.yaml" --audit "$d/audit.jsonl" \
    --role watch >"$d/learnt.yaml" 2>"$d/err" && ok || bad "learn failed"
grep -q '^learn: role watch: 8 requests learnt into' "$d/err" && ok ||
    bad "learn's summary"
chmod 644 "$d/learnt.yaml"
"$DG" --check --policy "$d/learnt.yaml" >"$d/out" 2>"$d/err" && ok ||
    bad "the learnt policy does not pass --check"
[ ! -s "$d/err" ] && ok || bad "the learnt policy still warns"
"$DG" doctor --policy "$d/learnt.yaml" --user root >"$d/out" 2>&1
grep -q '^PASS  policy-mode: no role is in observe mode' "$d/out" && ok ||
    bad "doctor on the learnt policy"
grep -q '^    mode: enforce$' "$d/learnt.yaml" && ok || bad "mode: enforce"
grep -q 'this comment goes' "$d/learnt.yaml" && bad "a comment of the rules kept" || ok
head -n 11 "$d/policy.yaml" >"$d/head.a"; head -n 11 "$d/learnt.yaml" >"$d/head.b"
cmp -s "$d/head.a" "$d/head.b" && ok || bad "the text before the role changed"
tail -n 2 "$d/learnt.yaml" | grep -q 'allow: \[ps\]         # this one stays' &&
    ok || bad "the text after the role changed"
for want in '"docker.io/library/alpine:latest"' '"docker.io/library/busybox:1.36"' \
    'binds: \["/usr/share/doc:ro"\]' 'volumes: \["cache"\]' \
    'unsafe: \["capabilities"\]' '"docker.io/library/alpine:3.19"'; do
	grep -q "$want" "$d/learnt.yaml" && ok || bad "learnt policy lacks $want"
done
L="--policy $d/learnt.yaml --role watch"
echo "$observed" | while IFS= read -r c; do
	"$DG" --explain $L "$c" >"$d/out" 2>"$d/err"
	echo "$? $(sed -n 's/^verdict: //p' "$d/out") $c"
done >"$d/status"
while read -r rc v c; do
	[ "$rc $v" = "0 allow" ] && ok || bad "learnt policy: '$c': $rc $v"
done <"$d/status"

# Every escape that was not observed is refused by the learnt policy,
# except those of a risk class an observed request used (capabilities:
# cap-add NET_ADMIN was seen; a rule opts into a class, not a value).
python3 - "$DG" "$d/learnt.yaml" "$observed" <<'PY' && ok || bad "escapes"
import re, subprocess, sys
dg, pol, seen = sys.argv[1], sys.argv[2], set(sys.argv[3].splitlines())
learnt = open(pol, encoding="utf-8").read()
classes = set(c for u in re.findall(r'unsafe: \[([^]]*)\]', learnt)
              for c in re.findall(r'"([a-z-]+)"', u))
n = bad = opted = 0
for l in open("tests/escapes/escapes.txt", encoding="utf-8"):
    if not l.strip() or l.startswith("#"):
        continue
    f = [x.strip() for x in l.split(" | ")]
    cmd = f[1]
    if cmd in seen:
        continue
    if len(f) > 2 and f[2] in classes:
        opted += 1
        continue
    n += 1
    p = subprocess.run([dg, "--explain", "--policy", pol, "--role", "watch",
                        cmd], input="FROM scratch\n", capture_output=True,
                       text=True, timeout=10)
    if p.returncode not in (65, 77):
        bad += 1
        print(f"FAIL: learnt policy: {cmd!r}: {p.returncode} {p.stdout!r}")
print(f"learn: {n} escapes, {bad} not refused; {opted} of the classes "
      f"{sorted(classes)} opted into were left out")
sys.exit(1 if bad or n < 400 or classes != {"capabilities"} else 0)
PY

# A line that is no record, or too long, is reported and skipped.
{ cat "$d/audit.jsonl"; echo 'not json'
  python3 -c 'print("{\"x\":\"" + "a" * 1100000 + "\"}")'; } >"$d/long.jsonl"
"$DG" learn --policy "$d/policy.yaml" --audit "$d/long.jsonl" \
    --role watch >"$d/out" 2>"$d/err" && ok || bad "learn with junk lines"
grep -q 'long.jsonl:[0-9]*: skipped: not a JSON record' "$d/err" && ok ||
    bad "learn: junk line not reported"
grep -q 'long.jsonl:[0-9]*: skipped: longer than' "$d/err" && ok ||
    bad "learn: long line not reported"
grep -v '# learnt by' "$d/out" >"$d/a"; grep -v '# learnt by' "$d/learnt.yaml" >"$d/b"
cmp -s "$d/a" "$d/b" && ok || bad "learn: junk changed the rules"
# Nothing to learn: 65, one line; no such role: 1; no audit file: 69.
"$DG" learn --policy "$d/policy.yaml" --audit "$d/audit.jsonl" \
    --role other >"$d/out" 2>"$d/err"
[ $? = 65 ] && [ ! -s "$d/out" ] && ok || bad "learn with nothing to learn"
"$DG" learn --policy "$d/policy.yaml" --audit "$d/audit.jsonl" \
    --role nobody >"$d/out" 2>"$d/err"
[ $? = 1 ] && ok || bad "learn for no such role"
"$DG" learn --policy "$d/policy.yaml" --audit "$d/none.jsonl" \
    >"$d/out" 2>"$d/err"
[ $? = 69 ] && ok || bad "learn without an audit file"
"$DG" learn --policy "$d/policy.yaml" --audit "$d/audit.jsonl" \
    --since 2999-01-01 >"$d/out" 2>"$d/err"
[ $? = 65 ] && ok || bad "learn --since in the future"
"$DG" learn --policy "$d/policy.yaml" >"$d/out" 2>"$d/err"
[ $? = 1 ] && ok || bad "learn without --audit"
echo "learn: $pass passed, $fail failed"
[ "$fail" = 0 ]
