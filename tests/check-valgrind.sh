#!/bin/sh
# The CLI-level paths of the real binary under valgrind memcheck: zero
# errors and zero leaks of any kind (issue 7 item 3).
#
#   --version, --help, usage errors; --check on every example policy and on
#   broken ones; --explain (text and --json) on allowed, denied and
#   unparseable commands; forced-command mode with SSH_ORIGINAL_COMMAND set
#   (allowed -> runs a root-owned copy of /bin/true, denied, unparseable,
#   help, help --json, sftp, shell request, audit sink missing).
#
# Each case checks dockergate's own exit status too.  valgrind runs with
# --error-exitcode=99 (1 is a dockergate status of its own) and every log
# must say "ERROR SUMMARY: 0 errors" and "in use at exit: 0 bytes".
# Prints "valgrind: N passed, N failed".  As root in CI a missing valgrind
# fails the suite; elsewhere it is skipped with a message.
. tests/lib.sh

if ! command -v valgrind >/dev/null 2>&1; then
	if [ "${CI:-}" = true ]; then
		echo "valgrind: required in CI but not installed" >&2
		echo "valgrind: 0 passed, 1 failed"
		exit 1
	fi
	echo "valgrind: skipped: valgrind not installed" >&2
	exit 0
fi
[ -x "$DG" ] || { echo "valgrind: no binary $DG" >&2; exit 1; }
case $DG in
*build-san/*)
	# ASan and valgrind do not mix; test the plain build instead.
	echo "valgrind: skipped under SANITIZE=1 (ASan build)" >&2
	exit 0 ;;
esac

d=$(dg_secure_dir) || exit 1
trap 'rm -rf "$d"' EXIT
mkdir -m 755 "$d/bin" "$d/cfg" "$d/audit" "$d/logs"
cp /bin/true "$d/bin/docker" && chmod 755 "$d/bin/docker"
echo '{}' >"$d/cfg/config.json" && chmod 644 "$d/cfg/config.json"
for p in policy/*.yaml; do
	cp "$p" "$d/${p##*/}" && chmod 644 "$d/${p##*/}"
done

# A policy for forced-command mode: docker is /bin/true.
cat >"$d/forced.yaml" <<EOF
version: 1
docker:
  binary: $d/bin/docker
  host: unix://$d/no-such.sock
  config_dir: $d/cfg
  timeout: 1m
audit:
  syslog: false
  file: $d/audit/audit.jsonl
  required: true
roles:
  vg:
    allow:
      - [ps, images, version]
      - command: run
        images: [alpine]
        mounts: named
EOF
sed "s|$d/audit/audit.jsonl|$d/no-such-dir/audit.jsonl|" "$d/forced.yaml" \
    >"$d/noaudit.yaml"
# A trusted "docker" that execve refuses (ENOEXEC): valgrind turns the
# gateway's clone(CLONE_VM | CLONE_VFORK) into a fork, and the exec error
# must still come back as 69, not as an exit status of docker's.
printf 'not a program\n' >"$d/bin/noexec" && chmod 755 "$d/bin/noexec"
sed "s|binary: $d/bin/docker|binary: $d/bin/noexec|" "$d/forced.yaml" \
    >"$d/noexec.yaml"
printf 'version: 1\nroles:\n  x:\n    allow: [bogus, "container frob"]\n' \
    >"$d/broken.yaml"
printf 'version: 1\nroles: &a\n  x: *a\nunknown: 1\n' >"$d/broken2.yaml"
chmod 644 "$d"/*.yaml

# Known findings would go into this suppression file, each as narrow as
# possible and with its reason; there are none.
: >"$d/known.supp"

pass=0
fail=0
n=0

# vg WANT_STATUS ARGS...: run the gateway under memcheck.
vg() {
	want=$1; shift
	n=$((n + 1))
	log=$d/logs/$n.log
	# shellcheck disable=SC2086
	valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=all --show-leak-kinds=all \
	    --suppressions="$d/known.supp" --log-file="$log" ${VG_OPTS:-} \
	    "$DG" "$@" >"$d/logs/$n.out" 2>"$d/logs/$n.err" \
	    <"${VG_IN:-/dev/null}"
	st=$?
	if [ "$st" = "$want" ] && ! grep -q 'ERROR SUMMARY: [1-9]' "$log" &&
	    ! grep -q 'in use at exit: [1-9]' "$log" &&
	    ! grep -qE '(definitely|indirectly|possibly) lost: [1-9]' "$log"
	then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL [$n] status $st (want $want): dockergate $*"
		sed 's/^/    /' "$log" | head -n 60
		sed 's/^/    stderr: /' "$d/logs/$n.err" | head -n 5
	fi
}

# vgc WANT COMMAND: forced-command mode with SSH_ORIGINAL_COMMAND=COMMAND.
vgc() {
	SSH_ORIGINAL_COMMAND=$2 vg "$1" --policy "$d/forced.yaml" --role vg
}

vg 0 --version
vg 0 --help
vg 1 --bogus
vg 1 --explain
for p in policy/*.yaml; do
	vg 0 --check --policy "$d/${p##*/}"
done
vg 78 --check --policy "$d/broken.yaml"
vg 78 --check --policy "$d/broken2.yaml"
vg 78 --check --policy "$d/missing.yaml"

ai=$d/ai-worker.yaml
vg 0 --explain --policy "$ai" --role ai-worker "docker ps -a"
vg 0 --explain --policy "$ai" --role ai-worker --json "docker ps -a"
vg 0 --explain --policy "$ai" --role ai-worker "docker run --rm -v data:/d alpine echo hi"
vg 77 --explain --policy "$ai" --role ai-worker "docker run -itv/:/h alpine"
vg 77 --explain --policy "$ai" --role ai-worker --json "docker run --privileged alpine"
vg 77 --explain --policy "$ai" --role ai-worker "docker -H tcp://x ps"
vg 77 --explain --policy "$ai" --role ai-worker "docker frobnicate"
vg 77 --explain --policy "$ai" --role nobody "docker ps"
vg 65 --explain --policy "$ai" --role ai-worker "docker ps; id"
vg 65 --explain --policy "$ai" --role ai-worker --json "docker ps 'unterminated"
vg 65 --explain --policy "$d/ci-restart.yaml" --role ci "docker restart web; x"
vg 0 --explain --policy "$d/read-only.yaml" --role observer "docker ps"

vgc 0 "docker ps -a"
vgc 0 "sudo docker version"
vgc 77 "docker run --privileged alpine"
vgc 77 "docker run -v /:/h alpine"
vgc 65 "docker ps | sh"
vgc 65 "$(printf 'docker ps \377\376')"
vgc 77 "docker"
vgc 77 "/bin/sh -c id"
vgc 0 "help"
vgc 0 "help --json"
vgc 77 "/usr/lib/openssh/sftp-server"
vg 1 --policy "$d/forced.yaml" --role vg		# shell request
SSH_ORIGINAL_COMMAND="docker ps" vg 69 --policy "$d/noaudit.yaml" --role vg
SSH_ORIGINAL_COMMAND="docker ps" vg 69 --policy "$d/noexec.yaml" --role vg
SSH_ORIGINAL_COMMAND="docker ps" vg 0 --policy "$d/forced.yaml" -c "docker ps" --role vg
# MCP: the session process (the workers it forks end with _exit by design
# and are not checked: --child-silent-after-fork).
{
	echo '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18"}}'
	echo '{"jsonrpc":"2.0","method":"notifications/initialized"}'
	echo '{"jsonrpc":"2.0","id":1,"method":"tools/list"}'
	echo '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"help"}}'
	echo '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"docker","arguments":{"command":"docker ps"}}}'
	echo '{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"docker","arguments":{"command":"docker run -t alpine"}}}'
	echo '{"jsonrpc":"2.0","id":"x","method":"tools/call","params":{"name":"docker","arguments":{"command":1}}}'
	echo '{bad'
} >"$d/mcp.in"
VG_IN=$d/mcp.in VG_OPTS=--child-silent-after-fork=yes \
    vg 0 --mcp --policy "$d/forced.yaml" --role vg
VG_IN=$d/mcp.in VG_OPTS=--child-silent-after-fork=yes \
    SSH_ORIGINAL_COMMAND=mcp vg 0 --policy "$d/forced.yaml" --role vg

lines=$(wc -l <"$d/audit/audit.jsonl")
if [ "$lines" -ge 10 ]; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "FAIL audit file has $lines records, expected at least 10"
fi
echo "valgrind: $pass passed, $fail failed"
[ "$fail" = 0 ]
