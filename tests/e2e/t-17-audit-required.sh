#!/bin/bash
# audit.required and the record cannot be written: nothing runs, 69.  The
# file cannot be written; then syslog is the only sink and nobody listens.
. "$(dirname "$0")/lib.sh"
t_begin "unwritable required audit log: 69, docker not run"
d=$W/noaudit
mkdir -m 0755 "$d"
sed "s|file: .*|file: $d/root-only/audit.jsonl|" "$POLICY" >"$d/p.yaml"
chmod 0644 "$d/p.yaml"
mkdir -m 0700 "$d/root-only"
before=$(containers)
as_account "$d/p.yaml" "" "docker run --rm dgtest true"
expect_rc 69
expect_dg_line 'audit'
[ "$before" = "$(containers)" ] || fail "a container was created"
rm -rf "$d"

# Issue 21: syslog as the only sink of a required audit.  The gateway runs
# in a private mount namespace whose /dev is a tmpfs, so /dev/log is what
# the test makes it.  No syslog listening: 69, docker does not run (glibc's
# syslog(3) would have lost the record silently).  A listening datagram
# socket: allowed, and the record arrives whole, decision first.
t_begin "required syslog-only audit: no /dev/log -> 69; listening -> whole record"
d=$W/sysaudit
mkdir -m 0755 "$d"
awk '/^audit:/ { print; print "  syslog: true"; print "  required: true"; skip = 1; next }
     skip && /^  / { next } { skip = 0; print }' "$POLICY" >"$d/p.yaml"
chmod 0644 "$d/p.yaml"
grep -q '^  file:' "$d/p.yaml" && fail "policy still has an audit file"
cmd='docker run --name dg-t17-syslog dgtest true'
# in_devns SETUP: run the gateway as $U_AI with cmd in the namespace.
in_devns() {
	unshare -m bash -c '
		mount --make-rprivate / && mount -t tmpfs dgdev /dev &&
		mknod -m 666 /dev/null c 1 3 && mknod -m 666 /dev/zero c 1 5 &&
		mknod -m 666 /dev/urandom c 1 9 || exit 99
		eval "$1"
		cd / && runuser -u "$2" -- env -i PATH=/usr/bin:/bin \
		    SSH_ORIGINAL_COMMAND="$3" "$4" --policy "$5"
		rc=$?
		[ -n "${LPID:-}" ] && wait "$LPID"
		exit $rc' t17 "$1" "$U_AI" "$cmd" "$DGW" "$d/p.yaml"
}
before=$(containers)
LAST="SSH_ORIGINAL_COMMAND='$cmd' dockergate --policy $d/p.yaml  (as $U_AI, no /dev/log)"
OUT=$T/out2 ERR=$T/err2
in_devns "" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 69
expect_dg_line '/dev/log'
[ "$before" = "$(containers)" ] || fail "a container was created without a record"

# A listener that keeps the gateway's datagrams (PAM may log too).
cat >"$d/listen.py" <<'PY'
import os, socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind("/dev/log")
os.chmod("/dev/log", 0o666)
s.settimeout(1.0)
got, end = [], time.time() + 60
while len(got) < 2 and time.time() < end:
    try:
        m = s.recv(1 << 20)
    except socket.timeout:
        continue
    if b" dockergate[" in m[:64]:
        got.append(m)
open(sys.argv[1], "wb").write(b"\0".join(got))
PY
LAST="SSH_ORIGINAL_COMMAND='$cmd' dockergate --policy $d/p.yaml  (as $U_AI, /dev/log listening)"
OUT=$T/out3 ERR=$T/err3
in_devns "$PY $d/listen.py $d/got & LPID=\$!
	for i in \$(seq 100); do [ -S /dev/log ] && break; sleep 0.1; done" \
    >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0
rdocker rm -f dg-t17-syslog >/dev/null 2>&1 || fail "the allowed container did not run"
if ! msg=$("$PY" - "$d/got" "$cmd" "$U_AI" <<'PY' 2>&1
import json, re, sys
msgs = open(sys.argv[1], "rb").read().split(b"\0")
if len(msgs) != 2:
    sys.exit("want a decision and an exit datagram, got %d" % len(msgs))
recs = []
for m in msgs:
    h = re.match(rb"<(\d+)>[A-Z][a-z]{2} [ 0-9]\d \d\d:\d\d:\d\d "
                 rb"dockergate\[\d+\]: ", m)
    if not h:
        sys.exit("not glibc syslog framing: %.80r" % m)
    if int(h.group(1)) != 86:
        sys.exit("priority %s, want 86 (authpriv.info)" % h.group(1))
    recs.append(json.loads(m[h.end():].decode()))
dec, ex = recs
if list(dec)[:6] != ["event", "decision", "rule", "session", "user", "role"]:
    sys.exit("key order %r" % list(dec))
if dec["decision"] != "allow" or dec["command"] != sys.argv[2] or \
        dec["user"] != sys.argv[3]:
    sys.exit("record %r" % dec)
if "--name=dg-t17-syslog" not in dec["argv"] or dec["argv"][-1] != "true":
    sys.exit("argv not whole: %r" % dec["argv"])
if ex["event"] != "exit" or ex["session"] != dec["session"] or \
        ex["status"] != 0:
    sys.exit("exit record %r" % ex)
PY
); then
	fail "syslog record: $msg"
fi
rm -rf "$d"
t_end
