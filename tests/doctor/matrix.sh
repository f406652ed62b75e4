#!/bin/bash
# tests/doctor/matrix.sh: dockergate doctor and dockergate-probe against a
# real sshd on loopback (tests/doctor/lib.sh).  The recommended deployment
# passes both; each single weakening is FAILed by doctor under the named
# check, and each one visible from outside is reported OPEN by the probe
# under the named door.  Prints "doctor: N passed, N failed".
. "$(dirname "$0")/lib.sh"

PASS=0
FAILS=0
ok() { PASS=$((PASS + 1)); echo "ok   $*"; }
bad() {
	FAILS=$((FAILS + 1))
	echo "FAIL $*"
	[ -n "${SHOW:-}" ] && sed 's/^/       /' "$SHOW"
}

# doctor_fails CASE CHECK [TEXT]: doctor exits non-zero, FAILs CHECK
# (and its line mentions TEXT).
doctor_fails() {
	local line
	dd_doctor
	line=$(grep -E "^FAIL  $2: " "$W/doctor.out")
	SHOW=$W/doctor.out
	if [ "$DRC" = 0 ]; then
		bad "$1: doctor exited 0"
	elif [ -z "$line" ]; then
		bad "$1: doctor did not FAIL check $2"
	elif [ -n "${3:-}" ] && ! printf '%s\n' "$line" | grep -qF "$3"; then
		bad "$1: doctor's $2 line does not name '$3'"
	else
		ok "$1: doctor FAILs $2 (exit $DRC)"
	fi
}

# probe_open CASE DOOR...: the probe exits 1 and reports each DOOR OPEN.
probe_open() {
	local c=$1 d miss=""
	shift
	dd_probe
	SHOW=$W/probe.out
	for d; do
		grep -qE "^OPEN +$d" "$W/probe.out" || miss="$miss '$d'"
	done
	if [ "$PRC" != 1 ]; then
		bad "$c: probe exited $PRC, expected 1"
	elif [ -n "$miss" ]; then
		bad "$c: probe did not report OPEN:$miss"
	else
		ok "$c: probe reports OPEN:$(printf " '%s'" "$@")"
	fi
}

case_recommended() {
	dd_config none
	dd_sshd
	dd_doctor
	SHOW=$W/doctor.out
	if [ "$DRC" = 0 ] && ! grep -q '^FAIL' "$W/doctor.out"; then
		ok "recommended: doctor exits 0, nothing FAILs"
	else
		bad "recommended: doctor exited $DRC"
	fi
	[ "$(grep -c '' "$W/doctor.out")" -ge 19 ] ||
	    bad "recommended: doctor printed fewer lines than checks"
	"$DGW" doctor --policy "$POLICY" --user "$U" --json \
	    --sshd-config "$W/sshd_config" >"$W/doctor.json" 2>&1
	SHOW=$W/doctor.json
	if python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); assert all({"check","status","detail","fix"} <= set(o) for o in a) and len(a) >= 19' "$W/doctor.json"; then
		ok "recommended: doctor --json is an array of {check,status,detail,fix}"
	else
		bad "recommended: doctor --json"
	fi
	dd_probe
	SHOW=$W/probe.out
	if [ "$PRC" = 0 ] && ! grep -q '^OPEN' "$W/probe.out" &&
	    grep -q "^closed  direct-streamlocal $SOCK" "$W/probe.out" &&
	    grep -q '^closed  exec denied: exit 77' "$W/probe.out" &&
	    grep -q '^closed  exec metachar: exit 65' "$W/probe.out" &&
	    grep -q '^closed  exec help: exit 0' "$W/probe.out"; then
		ok "recommended: probe exits 0, every door closed"
	else
		bad "recommended: probe exited $PRC"
	fi
	"$PROBE" -p "$PORT" -i "$KEY" -k "$W/known_hosts" --json \
	    "$U@127.0.0.1" >"$W/probe.json" 2>&1
	SHOW=$W/probe.json
	if python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); assert all(o["result"] != "OPEN" for o in a) and len(a) >= 15' "$W/probe.json"; then
		ok "recommended: probe --json"
	else
		bad "recommended: probe --json"
	fi
}

case_hostkey() {
	: >"$W/empty_known_hosts"
	"$PROBE" -p "$PORT" -i "$KEY" -k "$W/empty_known_hosts" \
	    "$U@127.0.0.1" >"$W/probe.out" 2>&1
	PRC=$?
	SHOW=$W/probe.out
	if [ "$PRC" = 2 ] && ! grep -q '^closed\|^OPEN' "$W/probe.out"; then
		ok "unknown host key: probe refuses, exit 2"
	else
		bad "unknown host key: probe exited $PRC"
	fi
	"$PROBE" -p "$PORT" -i "$KEY" -k "$W/empty_known_hosts" \
	    --accept-unknown-host-key "$U@127.0.0.1" >"$W/probe.out" 2>&1
	PRC=$?
	if [ "$PRC" = 0 ]; then
		ok "unknown host key: accepted with --accept-unknown-host-key"
	else
		bad "unknown host key: --accept-unknown-host-key exited $PRC"
	fi
	printf '[127.0.0.1]:%s %s\n' "$PORT" "$(cut -d' ' -f1,2 "$KEY.pub")" \
	    >"$W/changed_known_hosts"
	"$PROBE" -p "$PORT" -i "$KEY" -k "$W/changed_known_hosts" \
	    --accept-unknown-host-key "$U@127.0.0.1" >"$W/probe.out" 2>&1
	PRC=$?
	if [ "$PRC" = 2 ] && grep -q CHANGED "$W/probe.out"; then
		ok "changed host key: refused even with --accept-unknown-host-key"
	else
		bad "changed host key: probe exited $PRC"
	fi
}

case_forwarding() {
	dd_config forwarding
	dd_sshd
	doctor_fails forwarding forwarding stream-local
	probe_open forwarding "direct-streamlocal $SOCK" direct-tcpip \
	    tcpip-forward
}

case_tty() {
	dd_config tty
	dd_sshd
	doctor_fails tty permit-tty
	probe_open tty pty
}

case_userrc() {
	dd_config userrc
	doctor_fails userrc permit-user-rc
}

case_noforce() {
	dd_config noforce
	dd_authkeys ""
	dd_sshd
	doctor_fails noforce forced-command "without restrict"
	probe_open noforce shell "exec denied" "exec metachar" \
	    "subsystem sftp"
	# the same, with restrict but a command that is not the gateway
	dd_authkeys 'restrict,command="/bin/sh"'
	doctor_fails noforce-wrong-command forced-command "not dockergate"
	# per-key forced commands as DESIGN §5 describes pass
	dd_authkeys "restrict,command=\"$DGW --policy $POLICY\""
	dd_doctor
	SHOW=$W/doctor.out
	if grep -q '^PASS  forced-command: every key' "$W/doctor.out" &&
	    grep -q '^PASS  subsystems' "$W/doctor.out"; then
		ok "per-key restrict,command=: doctor PASSes forced-command"
	else
		bad "per-key restrict,command=: forced-command not PASS"
	fi
	dd_authkeys ""
}

case_bash() {
	dd_config none
	usermod -s /bin/bash "$U" || dd_die "usermod"
	doctor_fails bash login-shell "usermod -s /bin/sh"
	usermod -s /bin/sh "$U" || dd_die "usermod"
}

case_acceptenv() {
	dd_config acceptenv
	dd_sshd
	doctor_fails acceptenv accept-env "AcceptEnv *"
	probe_open acceptenv "env LD_PRELOAD" "env DOCKER_HOST" "env BASH_ENV"
}

case_policy() {
	dd_config none
	chmod g+w "$POLICY"
	doctor_fails policy policy "chmod go-w"
	[ "$DRC" = 78 ] || bad "policy: doctor exited $DRC, expected 78"
	chmod g-w "$POLICY"
}

case_account_files() {
	dd_config none
	local h
	h=$(getent passwd "$U" | cut -d: -f6)
	mkdir -p "$h/.ssh" && echo 'id' >"$h/.ssh/rc"
	chmod 0777 "$h/.ssh"
	dd_doctor
	SHOW=$W/doctor.out
	if grep -q '^FAIL  home-permissions' "$W/doctor.out" &&
	    grep -q '^WARN  user-rc-file' "$W/doctor.out"; then
		ok "account files: ~/.ssh writable FAILs, ~/.ssh/rc WARNs"
	else
		bad "account files"
	fi
	rm -rf "$h/.ssh"
}

# The login shell runs every request: a gateway copy others may replace,
# and the gateway itself under a ForceCommand (which it then ignores).
case_shell_gateway() {
	dd_config none
	mkdir -m 0777 "$W/opt"
	cp "$DGW" "$W/opt/dockergate" && chmod 0777 "$W/opt/dockergate"
	usermod -s "$W/opt/dockergate" "$U" || dd_die "usermod"
	doctor_fails shell-writable login-shell "writable"
	usermod -s "$DGW" "$U" || dd_die "usermod"
	doctor_fails shell-gateway-forced login-shell "with a ForceCommand"
	usermod -s /bin/sh "$U" || dd_die "usermod"
	rm -rf "$W/opt"
}

# DisableForwarding does not cover tunnel forwarding.
case_tunnel() {
	dd_config none
	echo "    PermitTunnel yes" >>"$W/sshd_config"
	dd_sshd
	doctor_fails tunnel forwarding "PermitTunnel"
}

# Keys-only deployments: logins no key line governs, and key files that
# others may rewrite.
case_keys_only() {
	dd_config noforce
	dd_authkeys "restrict,command=\"$DGW --policy $POLICY\""
	ssh-keygen -q -t ed25519 -N '' -f "$W/keys/ca" || dd_die "ssh-keygen"
	sed -i "/^Match User/i TrustedUserCAKeys $W/keys/ca.pub" \
	    "$W/sshd_config"
	dd_sshd
	doctor_fails keys-ca forced-command "trustedusercakeys"
	dd_config noforce
	dd_sshd
	chgrp nogroup "$W/authorized_keys/$U" &&
	    chmod 0664 "$W/authorized_keys/$U"
	doctor_fails keys-others forced-command "may rewrite"
	dd_authkeys "restrict,command=\"$DGW --policy $POLICY\""
	# a second key file whose path has a space: sshd -T prints it
	# unquoted, so doctor can not read it and must not pass the rest
	mkdir -m 0755 "$W/ak extra"
	cp "$KEY.pub" "$W/ak extra/$U" && chmod 0644 "$W/ak extra/$U"
	sed -i "s|^AuthorizedKeysFile .*|& \"$W/ak extra/%u\"|" \
	    "$W/sshd_config"
	dd_sshd
	doctor_fails keys-space forced-command "directory too"
	rm -rf "$W/ak extra"
	dd_authkeys ""
}

# doctor in a private mount namespace whose /dev is a tmpfs; $1 sets up
# /dev/log there (a shell snippet), the rest of the line is run as is.
doctor_devlog() {
	unshare -m bash -c '
		mount --make-rprivate / && mount -t tmpfs dgdev /dev &&
		mknod -m 666 /dev/null c 1 3 && mknod -m 666 /dev/zero c 1 5 &&
		mknod -m 666 /dev/urandom c 1 9 || exit 99
		eval "$1"
		"$2" doctor --policy "$3" --user "$4" --sshd-config "$5"
		rc=$?
		[ -n "${LPID:-}" ] && kill "$LPID"
		exit $rc' dd "$1" "$DGW" "$POLICY" "$U" "$W/sshd_config" \
	    >"$W/doctor.out" 2>&1
	DRC=$?
}

# audit-syslog: want CASE STATUS TEXT: the line of check audit-syslog.
syslog_want() {
	local line
	line=$(grep -E "^(PASS|WARN|FAIL)  audit-syslog: " "$W/doctor.out")
	SHOW=$W/doctor.out
	if ! printf '%s\n' "$line" | grep -q "^$2  audit-syslog: .*$3"; then
		bad "audit-syslog $1: want $2 '$3', got: $line"
	elif [ "$2" = FAIL ] && [ "$DRC" = 0 ]; then
		bad "audit-syslog $1: doctor exited 0"
	else
		ok "audit-syslog $1: $2"
	fi
}

# audit.syslog as the only sink of a required audit: doctor FAILs unless
# /dev/log is a socket the account may write to and a daemon listens on.
case_audit_syslog() {
	local listen
	cp "$POLICY" "$W/policy.saved"
	sed -i 's/^  syslog: false$/  syslog: true/; /^  file: /d' "$POLICY"
	listen='python3 -c "import socket, os, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(\"/dev/log\"); os.chmod(\"/dev/log\", int(sys.argv[1], 8))
time.sleep(60)" MODE & LPID=$!
		for i in $(seq 50); do [ -S /dev/log ] && break; sleep 0.1; done'
	doctor_devlog ""
	syslog_want missing FAIL "No such file"
	doctor_devlog "touch /dev/log"
	syslog_want not-a-socket FAIL "not a socket"
	doctor_devlog "${listen/MODE/0600}"
	syslog_want root-only FAIL "cannot write"
	doctor_devlog "${listen/MODE/0666}"
	syslog_want listening PASS "a syslog daemon listens"
	# with a file as well, a missing syslog loses less: WARN
	cp "$W/policy.saved" "$POLICY"
	sed -i 's/^  syslog: false$/  syslog: true/' "$POLICY"
	doctor_devlog ""
	syslog_want missing-with-file WARN "syslog records are lost"
	cp "$W/policy.saved" "$POLICY"
}

dd_setup
echo "doctor-test: sshd on 127.0.0.1:$PORT, account $U, work dir $W"
case_recommended
case_hostkey
case_forwarding
case_tty
case_userrc
case_noforce
case_bash
case_acceptenv
case_policy
case_account_files
case_shell_gateway
case_tunnel
case_keys_only
case_audit_syslog
echo "doctor: $PASS passed, $FAILS failed"
[ "$FAILS" = 0 ]
