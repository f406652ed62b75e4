#!/bin/sh
# The audit log under stress, through the real binary in forced-command
# mode with docker.binary a root-owned copy of /bin/true (issue 7 item 6):
#
#   1. 32 concurrent sessions, 8 requests each (allowed, denied,
#      unparseable): every line is one complete JSON object, exactly one
#      decision record per request and one exit record per allowed one, no
#      line interleaved or cut;
#   2. a command string with invalid UTF-8 (\377\376): refused with 65, its
#      record kept, the bytes visible as \xff \xfe;
#   3. a 64 KiB command (over CMDLINE_MAX_BYTES): refused with 65, still one
#      complete, bounded record holding its first AUDIT_MAX_COMMAND bytes;
#   4. the audit file on a full 64 KiB tmpfs, its last page almost full:
#      required: true -> refused with 69, no partial line left behind;
#      required: false -> the command still runs (exit 0).
#
# Prints "audit-stress: N passed, N failed".  Needs root (root-owned policy,
# tmpfs mount); as root in CI a missing tool fails the suite.
. tests/lib.sh

SESSIONS=32
PER=8

for t in python3 mount umount dd; do
	if ! command -v "$t" >/dev/null 2>&1; then
		if [ "${CI:-}" = true ]; then
			echo "audit-stress: required tool missing: $t" >&2
			echo "audit-stress: 0 passed, 1 failed"
			exit 1
		fi
		echo "audit-stress: skipped: $t not installed" >&2
		exit 0
	fi
done
[ -x "$DG" ] || { echo "audit-stress: no binary $DG" >&2; exit 1; }
W=$(dg_secure_dir) || exit 1
cleanup() {
	mountpoint -q "$W/full" 2>/dev/null && umount "$W/full"
	rm -rf "$W"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -m 755 "$W/bin" "$W/cfg" "$W/audit" "$W/full" "$W/out"
cp /bin/true "$W/bin/docker" && chmod 755 "$W/bin/docker"
echo '{}' >"$W/cfg/config.json"

# policy FILE AUDITFILE REQUIRED
policy() {
	cat >"$1" <<EOF
version: 1
docker:
  binary: $W/bin/docker
  host: unix://$W/no-such.sock
  config_dir: $W/cfg
  timeout: 1m
audit:
  syslog: false
  file: $2
  required: $3
roles:
  stress:
    allow:
      - [ps, version, images]
EOF
	chmod 644 "$1"
}
policy "$W/p.yaml" "$W/audit/audit.jsonl" true

pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# gw COMMAND [POLICY]: one forced-command session; prints the exit status.
gw() {
	SSH_ORIGINAL_COMMAND=$1 "$DG" --policy "${2:-$W/p.yaml}" \
	    --role stress >/dev/null 2>>"$W/gw.stderr" </dev/null
	echo $?
}

# --- 1. concurrent sessions ---------------------------------------------
session() {
	i=0
	while [ $i -lt $PER ]; do
		case $((i % 4)) in
		0) c="docker ps -a --format '{{.Names}} $1-$i'"; want=0 ;;
		1) c="docker run --privileged -v /:/h alpine $1-$i"; want=77 ;;
		2) c="docker version --format '$1 $i é'"; want=0 ;;
		3) c="docker ps ; echo $1-$i"; want=65 ;;
		esac
		st=$(gw "$c")
		[ "$st" = "$want" ] || echo "session $1 request $i: status $st, want $want: $c"
		i=$((i + 1))
	done
}
s=0
while [ $s -lt $SESSIONS ]; do
	session "$s" >"$W/out/s$s" &
	s=$((s + 1))
done
wait
if cat "$W"/out/s* | grep . >/dev/null; then
	bad "unexpected statuses:"
	cat "$W"/out/s* | head -n 10
else
	ok
fi

# check_log FILE DECISIONS EXITS: every line JSON, counts as given.
check_log() {
	python3 - "$@" <<'EOF'
import json, sys
path, want_dec, want_exit = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = open(path, "rb").read()
if data and not data.endswith(b"\n"):
    sys.exit("last line is not terminated (partial record)")
dec = ext = 0
sessions = {}
for n, raw in enumerate(data.split(b"\n")[:-1], 1):
    try:
        r = json.loads(raw.decode("utf-8"))
    except Exception as e:
        sys.exit("line %d is not one JSON object (%s): %.120r" % (n, e, raw))
    if not isinstance(r, dict):
        sys.exit("line %d is not an object" % n)
    if r.get("event") == "decision":
        dec += 1
        sessions.setdefault(r.get("session"), []).append(r)
    elif r.get("event") == "exit":
        ext += 1
if dec != want_dec or ext != want_exit:
    sys.exit("%d decision and %d exit records, want %d and %d" %
             (dec, ext, want_dec, want_exit))
if len(sessions) != want_dec:
    sys.exit("%d distinct sessions for %d decisions" % (len(sessions), dec))
EOF
}
total=$((SESSIONS * PER))
allowed=$((SESSIONS * PER / 2))
if msg=$(check_log "$W/audit/audit.jsonl" "$total" "$allowed" 2>&1); then
	ok
else
	bad "concurrent sessions: $msg"
fi

# --- 2. invalid UTF-8 ----------------------------------------------------
: >"$W/audit/audit.jsonl"
st=$(gw "$(printf 'docker ps \377\376x')")
[ "$st" = 65 ] || bad "invalid UTF-8: status $st, want 65"
if msg=$(python3 - "$W/audit/audit.jsonl" <<'EOF' 2>&1
import json, sys
lines = open(sys.argv[1], "rb").read().split(b"\n")
if len(lines) != 2 or lines[1] != b"":
    sys.exit("want exactly one record, got %r" % lines[:3])
r = json.loads(lines[0].decode("utf-8"))
c = r.get("command", "")
if r.get("event") != "decision" or r.get("decision") != "deny":
    sys.exit("not a deny decision: %r" % r)
if not ("docker ps" in c and "\\xff" in c.lower() and "\\xfe" in c.lower()):
    sys.exit("bytes not visible in the command: %r" % c)
EOF
); then
	ok
else
	bad "invalid UTF-8: $msg"
fi

# --- 3. a 64 KiB command ---------------------------------------------------
: >"$W/audit/audit.jsonl"
big=$(python3 -c 'print("docker ps --filter name=" + "a" * 65536)')
st=$(gw "$big")
[ "$st" = 65 ] || bad "64 KiB command: status $st, want 65"
if msg=$(python3 - "$W/audit/audit.jsonl" <<'EOF' 2>&1
import json, sys
data = open(sys.argv[1], "rb").read()
lines = data.split(b"\n")
if len(lines) != 2 or lines[1] != b"":
    sys.exit("want exactly one complete record, got %d lines" % len(lines))
if len(data) > 1024 * 1024:
    sys.exit("record of %d bytes is over AUDIT_MAX_RECORD" % len(data))
r = json.loads(lines[0].decode("utf-8"))
if r.get("decision") != "deny" or not r.get("command", "").startswith(
        "docker ps --filter name=aaaa"):
    sys.exit("unexpected record: %.200r" % r)
# AUDIT_MAX_COMMAND (= CMDLINE_MAX_BYTES) bytes kept, then the marker.
if r["command"] != ("docker ps --filter name=" + "a" * 65536)[:65536] + \
        "\u2026(truncated)":
    sys.exit("command not kept to AUDIT_MAX_COMMAND: %d chars" %
             len(r["command"]))
EOF
); then
	ok
else
	bad "64 KiB command: $msg"
fi

# --- 4. audit file on a full filesystem --------------------------------------
if ! mount -t tmpfs -o size=64k,mode=755 dgaudit "$W/full"; then
	bad "cannot mount a tmpfs on $W/full"
else
	# One complete record-like line filling all but 6 bytes of a page, so
	# the next record's write(2) is short, not refused outright.
	python3 -c '
import sys
line = b"{\"event\":\"pad\",\"x\":\"" + b"p" * (4090 - 22) + b"\"}\n"
sys.stdout.buffer.write(line)' >"$W/full/audit.jsonl"
	dd if=/dev/zero of="$W/full/filler" bs=4k 2>/dev/null
	before=$(wc -c <"$W/full/audit.jsonl")
	policy "$W/req.yaml" "$W/full/audit.jsonl" true
	policy "$W/opt.yaml" "$W/full/audit.jsonl" false
	st=$(gw "docker ps" "$W/req.yaml")
	[ "$st" = 69 ] && ok || bad "full fs, required: status $st, want 69"
	after=$(wc -c <"$W/full/audit.jsonl")
	if [ "$after" = "$before" ] &&
	    msg=$(check_log "$W/full/audit.jsonl" 0 0 2>&1); then
		ok
	else
		bad "full fs: file went from $before to $after bytes ${msg:-}"
	fi
	st=$(gw "docker ps" "$W/opt.yaml")
	[ "$st" = 0 ] && ok || bad "full fs, not required: status $st, want 0"
	after=$(wc -c <"$W/full/audit.jsonl")
	[ "$after" = "$before" ] && ok ||
	    bad "full fs, not required: partial line left ($before -> $after)"
fi

[ -n "${AUDIT_STRESS_VERBOSE:-}" ] && cat "$W/gw.stderr" | sort | uniq -c
echo "audit-stress: $pass passed, $fail failed"
[ "$fail" = 0 ]
