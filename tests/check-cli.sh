#!/bin/sh
# The gateway's own command line and refusals, in forced-command mode,
# without a Docker daemon: docker.binary is a root-owned copy of /bin/true.
. tests/lib.sh
d=$(dg_secure_dir) || exit 1
trap 'umount "$d/full" 2>/dev/null; rm -rf "$d"' EXIT
pass=0
fail=0
check() {	# check NAME WANT-STATUS GOT-STATUS [stderr-file pattern]
	if [ "$2" != "$3" ]; then
		fail=$((fail + 1)); echo "FAIL: $1: status $3, want $2"
		[ -n "${4:-}" ] && cat "$4"
		return
	fi
	if [ -n "${5:-}" ] && ! grep -q -- "$5" "$4"; then
		fail=$((fail + 1)); echo "FAIL: $1: stderr lacks '$5':"
		cat "$4"; return
	fi
	if [ -n "${4:-}" ] && [ "$2" != 0 ] &&
	    [ "$(grep -c '^dockergate: ' "$4")" != 1 ]; then
		fail=$((fail + 1)); echo "FAIL: $1: not one dockergate: line"
		cat "$4"; return
	fi
	pass=$((pass + 1))
}
mkdir -p "$d/bin" "$d/cfg" "$d/stacks/app"
cp /bin/true "$d/bin/docker"
echo '{}' > "$d/cfg/config.json"
printf 'services:\n  web:\n    image: alpine\n' > "$d/stacks/app/compose.yaml"
cat > "$d/policy.yaml" <<EOP
version: 1
docker:
  binary: $d/bin/docker
  config_dir: $d/cfg
audit:
  syslog: false
  file: $d/audit.jsonl
  required: true
roles:
  r:
    allow:
      - ps
      - command: compose
        subcommands: [ps]
        projects: ["$d/stacks/*"]
  w:
    allow: [ps, rm]
  n:
    allow: [rm]
EOP
chmod 644 "$d/policy.yaml" "$d/stacks/app/compose.yaml"
P="--policy $d/policy.yaml --role r"
e=$d/err

SSH_ORIGINAL_COMMAND='docker ps' "$DG" $P 2>"$e"; check "allowed ps" 0 $?
"$DG" $P -c 'docker ps' 2>"$e"; check "-c mode" 0 $?
"$DG" $P -c 'docker ps; id' 2>"$e"; check "-c metachar" 65 $? "$e" "';'"
SSH_ORIGINAL_COMMAND='docker run x' "$DG" $P 2>"$e"
check "not allowed" 77 $? "$e" "not allowed for role r"
(cd "$d/stacks/app" && SSH_ORIGINAL_COMMAND='docker compose ps' \
    "$DG" $P 2>"$e"); check "compose plugin missing" 69 $? "$e" \
    "compose plugin is not installed"
(cd "$d/stacks/app" && SSH_ORIGINAL_COMMAND='docker compose up' \
    "$DG" $P 2>"$e"); check "compose subcommand" 77 $? "$e" "up"
SSH_ORIGINAL_COMMAND=/usr/lib/openssh/sftp-server "$DG" $P 2>"$e"
check "sftp" 77 $? "$e" "sftp"
env -u SSH_ORIGINAL_COMMAND "$DG" $P >"$d/out" 2>"$e"
check "shell request" 1 $? "$e" "interactive login is not available"
grep -q "docker ps" "$d/out"; check "shell request lists commands" 0 $?
"$DG" --bogus 2>"$e"; check "usage" 1 $? "$e" "invalid arguments"
"$DG" --version >"$d/out"; check "version" 0 $?
grep -q '^dockergate [0-9]' "$d/out"; check "version text" 0 $?
"$DG" --help >"$d/out" 2>"$e"; check "help" 0 $?
[ -s "$e" ]; check "--help writes nothing to stderr" 1 $?
"$DG" --policy "$d/none.yaml" --role r -c 'docker ps' 2>"$e"
check "missing policy" 78 $? "$e" "none.yaml"
# A client that is gone: stdout and stderr on a pipe nobody reads.  The
# refusal's message and docker's output fail with EPIPE; the gateway is not
# ended by SIGPIPE (python reports a signal as a negative status) and
# still writes every record.
epipe() {
	python3 -c 'import os, subprocess, sys
r, w = os.pipe()
os.close(r)
sys.exit(subprocess.run(sys.argv[1:], stdout=w, stderr=w).returncode)' "$@"
}
epipe env SSH_ORIGINAL_COMMAND='docker run x' "$DG" $P
check "client gone: refusal status" 77 $?
# docker (here true) may end first (0) or get the gateway's SIGHUP (129).
epipe env SSH_ORIGINAL_COMMAND='docker ps' "$DG" $P
r=$?
[ "$r" = 129 ] && r=0
check "client gone: docker's status" 0 $r
n=$(grep -c '"event":"exit"' "$d/audit.jsonl")
check "client gone: exit records" 3 "$n"
# Every request above that reached the policy left exactly one decision
# record; the compose one names no plugin (none was found).
n=$(grep -c '"event":"decision"' "$d/audit.jsonl")
check "decision records" 10 "$n"
grep '"decision":"allow"' "$d/audit.jsonl" | grep -q '"plugin"'
check "no plugin recorded without a plugin" 1 $?
# MCP (issue 19): only with forced mode, not with -c, --check or --explain;
# the client command mcp and --mcp both answer initialize on stdout.
"$DG" $P --mcp -c 'docker ps' </dev/null 2>"$e"
check "--mcp with -c" 1 $? "$e" "invalid arguments"
"$DG" $P --mcp --explain 'docker ps' </dev/null 2>"$e"
check "--mcp with --explain" 1 $? "$e" "invalid arguments"
"$DG" --mcp --policy "$d/none.yaml" --role r </dev/null 2>"$e"
check "--mcp, missing policy" 78 $? "$e" "none.yaml"
init='{"jsonrpc":"2.0","id":7,"method":"initialize","params":{"protocolVersion":"2025-06-18"}}'
for how in --mcp ssh; do
	if [ $how = ssh ]; then
		echo "$init" | SSH_ORIGINAL_COMMAND=mcp "$DG" $P >"$d/out" 2>"$e"
	else
		echo "$init" | "$DG" $P --mcp >"$d/out" 2>"$e"
	fi
	check "mcp ($how)" 0 $?
	[ "$(wc -l <"$d/out")" = 1 ] && grep -q '^{"jsonrpc":"2.0","id":7,"result":{"protocolVersion":"2025-06-18"' "$d/out"
	check "mcp ($how): one initialize result on stdout" 0 $?
done
echo "$init" | SSH_ORIGINAL_COMMAND='mcp ' "$DG" $P >"$d/out" 2>"$e"
check "only the exact word mcp" 77 $? "$e" "denied"
# A call the decision allows but the gateway then refuses (here: no
# trusted compose plugin) is no "allow": verdict error, with the reason.
call='{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"docker","arguments":{"command":"docker compose ps"}}}'
# (input stays open until the answer is out: end of input ends the calls)
(cd "$d/stacks/app" && { printf '%s\n%s\n' "$init" "$call"; i=0
    while [ $i -lt 100 ] && ! grep -q '"id":8' "$d/out"; do
	sleep 0.1; i=$((i + 1)); done; } | "$DG" $P --mcp >"$d/out" 2>"$e")
check "mcp: refused after the decision" 0 $?
grep '"id":8' "$d/out" | grep -q '"verdict":"error","rule":"[^"]*","reason":"unavailable: the compose plugin is not installed'
check "mcp: refused after the decision: verdict error, the reason" 0 $? \
    "$d/out"
# An MCP call under approval: true is held as a forced command is: with
# wait: 0, at once, status 75, verdict error, and a held record.
A=$d/approvals
mkdir -m 0755 "$A" "$A/approved"
mkdir -m 0700 "$A/requests" && chmod 1733 "$A/requests"
cat > "$d/appr.yaml" <<EOP
version: 1
docker:
  binary: $d/bin/docker
  config_dir: $d/cfg
audit:
  syslog: false
  file: $d/appr.jsonl
  required: true
approvals:
  dir: $A
  ttl: 10m
  wait: 0
roles:
  h:
    allow:
      - command: rm
        approval: true
EOP
chmod 644 "$d/appr.yaml"
call='{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"docker","arguments":{"command":"docker rm x"}}}'
{ printf '%s\n%s\n' "$init" "$call"; i=0
    while [ $i -lt 100 ] && ! grep -q '"id":9' "$d/out"; do
	sleep 0.1; i=$((i + 1)); done; } |
    "$DG" --policy "$d/appr.yaml" --role h --mcp >"$d/out" 2>"$e"
check "mcp: approval: true" 0 $?
grep '"id":9' "$d/out" | grep -q '"exit_status":75,.*"verdict":"error","rule":"[^"]*","reason":"held for approval: '
check "mcp: approval: true: held, 75, verdict error" 0 $? "$d/out"
grep -q '"event":"held"' "$d/appr.jsonl"
check "mcp: approval: true: a held record" 0 $? "$d/appr.jsonl"
# docker_read (issue 19): offered when the role has a read-only command,
# runs those, and refuses any other on the parsed command, whatever its
# spelling, even one the role allows through the docker tool.
mcp_session() {	# mcp_session ROLE LAST-ID MESSAGE...: answers in $d/out
	role=$1 last=$2; shift 2
	{ printf '%s\n' "$init" "$@"; i=0
	    while [ $i -lt 100 ] && ! grep -q "\"id\":$last[,}]" "$d/out"; do
		sleep 0.1; i=$((i + 1)); done; } |
	    "$DG" --policy "$d/policy.yaml" --role "$role" --mcp >"$d/out" 2>"$e"
}
rcall() {	# rcall ID TOOL COMMAND
	printf '{"jsonrpc":"2.0","id":%s,"method":"tools/call","params":{"name":"%s","arguments":{"command":"%s"}}}' "$1" "$2" "$3"
}
list='{"jsonrpc":"2.0","id":12,"method":"tools/list"}'
mcp_session w 17 "$list" "$(rcall 13 docker_read 'docker ps')" \
    "$(rcall 14 docker_read 'docker rm x')" \
    "$(rcall 15 docker_read 'docker container rm -f x')" \
    "$(rcall 16 docker_read "docker 'rm' x")" "$(rcall 17 docker 'docker rm x')"
check "mcp docker_read: session" 0 $? "$e"
grep '"id":12,' "$d/out" | grep -q '"name":"docker_read",.*"annotations":{"readOnlyHint":true,"idempotentHint":true,"openWorldHint":false}}]}}$'
check "mcp docker_read: listed last, read-only" 0 $? "$d/out"
grep '"id":12,' "$d/out" | grep -q '"name":"docker","title":.*"annotations":{"readOnlyHint":false,"destructiveHint":true,"idempotentHint":false,"openWorldHint":true}'
check "mcp docker: annotations say it may change and pull" 0 $? "$d/out"
grep '"id":13,' "$d/out" | grep -q '"structuredContent":{"exit_status":0,.*"verdict":"allow"'
check "mcp docker_read: docker ps runs" 0 $? "$d/out"
for id in 14 15 16; do
	grep "\"id\":$id," "$d/out" | grep -q '"exit_status":77,.*"verdict":"deny","rule":"","reason":"docker_read runs read-only commands only: use the docker tool"'
	check "mcp docker_read: call $id (rm) refused" 0 $? "$d/out"
done
grep '"id":17,' "$d/out" | grep -q '"structuredContent":{"exit_status":0,.*"verdict":"allow"'
check "mcp docker: docker rm runs where docker_read does not" 0 $? "$d/out"
grep '"id":14,' "$d/out" | grep -q '"isError":true'
check "mcp docker_read: a refusal is isError" 0 $? "$d/out"
mcp_session n 13 "$list" "$(rcall 13 docker_read 'docker rm x')"
check "mcp, no read-only command: session" 0 $? "$e"
! grep '"id":12,' "$d/out" | grep -q docker_read && grep '"id":12,' "$d/out" | grep -q '"name":"docker"'
check "mcp, no read-only command: no docker_read listed" 0 $? "$d/out"
grep '"id":13,' "$d/out" | grep -q '"error":{"code":-32602,"message":"unknown tool'
check "mcp, no read-only command: docker_read is an unknown tool" 0 $? \
    "$d/out"
# A policy that does not require the audit log: a record that cannot be
# written (a full file system) is said in the one refusal line, and a
# policy with no sink at all says nothing of it.
write_policy() {	# write_policy FILE AUDIT-LINES
	printf 'version: 1\ndocker:\n  binary: %s\n  config_dir: %s\n%s\nroles:\n  r:\n    allow:\n      - ps\n' \
	    "$d/bin/docker" "$d/cfg" "$2" >"$1"
	chmod 644 "$1"
}
mkdir -m 755 "$d/full"
if mount -t tmpfs -o size=64k,mode=0755 tmpfs "$d/full"; then
	dd if=/dev/zero of="$d/full/fill" bs=4k count=64 2>/dev/null
	write_policy "$d/full.yaml" "audit:
  syslog: false
  file: $d/full/audit.jsonl
  required: false"
	"$DG" --policy "$d/full.yaml" --role r -c 'docker rm x' 2>"$e"
	check "audit not required, disk full" 77 $? "$e" \
	    "not allowed for role r (allowed: container ls); adding \"container rm\" to a rule of the role allows it (audit record not written: cannot write audit record: No space left"
	umount "$d/full"
else
	check "tmpfs for the disk-full case (needs root)" 0 1
fi
write_policy "$d/nosink.yaml" "audit:
  syslog: false
  required: false"
"$DG" --policy "$d/nosink.yaml" --role r -c 'docker rm x' 2>"$e"
check "no audit sink: one line" 77 $? "$e" "not allowed for role r"
grep -q 'audit' "$e"
check "no audit sink: not mentioned" 1 $?
# --check --content-only: a policy in the Nix store or on standard input is
# parsed with no owner/mode checks; nothing else accepts the option.
mkdir -m 0777 "$d/open"
cp "$d/policy.yaml" "$d/open/p.yaml" && chmod 0666 "$d/open/p.yaml"
ln -s "$d/open/p.yaml" "$d/open/link.yaml"
"$DG" --check --policy "$d/open/p.yaml" >"$d/out" 2>"$e"
check "check: unsafe directory refused" 78 $? "$e" "1 problem"
grep -q 'must be owned by root' "$d/out"
check "check: unsafe directory: the reason" 0 $?
"$DG" --check --policy "$d/open/link.yaml" >/dev/null 2>"$e"
check "check: link refused" 78 $? "$e" "1 problem"
"$DG" --check --content-only --policy "$d/open/link.yaml" >"$d/out" 2>"$e"
check "check --content-only: link into an open directory" 0 $?
"$DG" --check --content-only --policy /dev/stdin <"$d/policy.yaml" \
    >"$d/out" 2>"$e"
check "check --content-only: standard input" 0 $?
printf 'version: 1\nroles:\n  r:\n    allow: [nosuchcmd]\n' |
    "$DG" --check --content-only --policy /dev/stdin >"$d/out" 2>"$e"
check "check --content-only: bad policy on stdin" 78 $? "$e" "1 problem"
grep -q '^/dev/stdin:4:' "$d/out"
check "check --content-only: FILE:LINE of the problem" 0 $?
"$DG" --content-only --policy "$d/policy.yaml" --role r -c 'docker ps' \
    2>"$e"
check "--content-only only with --check" 1 $? "$e" "invalid arguments"
"$DG" --content-only --explain --policy "$d/open/p.yaml" 'docker ps' \
    >/dev/null 2>"$e"
check "--content-only not with --explain" 1 $? "$e" "invalid arguments"
echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
