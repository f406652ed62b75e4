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
	doctor_fails keys-space-dir forced-command "without restrict"
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

# --- Second review (issue 21): each door is first opened with a real login
# through sshd, then doctor must FAIL it and print the fix.

# doctor_fix CASE TEXT: doctor's FAIL lines (from the last run) print TEXT
# after "fix:".
doctor_fix() {
	SHOW=$W/doctor.out
	if grep '^FAIL' "$W/doctor.out" | grep -F 'fix: ' | grep -qF "$2"; then
		ok "$1: the fix names '$2'"
	else
		bad "$1: no FAIL line's fix names '$2'"
	fi
}

# login_reaches CASE TEXT: the last dd_ssh login printed TEXT.
login_reaches() {
	SHOW=$W/ssh.out
	if grep -qF "$2" "$W/ssh.out"; then
		ok "$1: a real login reaches it ($2)"
	else
		bad "$1: the login did not reach '$2' (exit $SRC)"
	fi
}

# 1. command= naming a program the account owns, or spelled so that the
# login shell picks the program (a glob), runs that program.
case_i21_command_trust() {
	local h
	h=$(getent passwd "$U" | cut -d: -f6)
	dd_config noforce
	dd_sshd
	mkdir -p "$h/bin" "$W/ain"
	printf '#!/bin/sh\necho account-program-ran\n' >"$h/bin/dockergate"
	cp "$h/bin/dockergate" "$W/ain/dockergate"
	chmod 0755 "$h/bin/dockergate" "$W/ain/dockergate"
	chown -R "$U" "$h/bin" "$W/ain"
	dd_authkeys "restrict,command=\"$h/bin/dockergate --policy $POLICY\""
	dd_ssh "$KEY" -- ps
	login_reaches cmd-owned account-program-ran
	doctor_fails cmd-owned forced-command "must be owned by root"
	doctor_fix cmd-owned "restrict,command=\"/usr/local/bin/dockergate"
	dd_authkeys "restrict,command=\"$W/?in/dockergate --policy $POLICY\""
	dd_ssh "$KEY" -- ps
	login_reaches cmd-glob account-program-ran
	doctor_fails cmd-glob forced-command '`?`'
	rm -rf "$h/bin" "$W/ain"
	dd_authkeys ""
}

# 2. Every AuthorizedKeysFile entry is read: a 17th entry, and an entry
# whose last component has a space (sshd -T prints it unquoted).
case_i21_keyfiles() {
	local i list="$W/authorized_keys/%u"
	dd_key2
	dd_config noforce
	dd_authkeys "restrict,command=\"$DGW --policy $POLICY\""
	# entries 2-16 name empty directories: no file there is normal
	for ((i = 2; i <= 16; i++)); do
		mkdir -m 0755 "$W/ak$i"
		list="$list $W/ak$i/%u"
	done
	mkdir -m 0755 "$W/ak17"
	cp "$KEY2.pub" "$W/ak17/$U" && chmod 0644 "$W/ak17/$U"
	sed -i "s|^AuthorizedKeysFile .*|AuthorizedKeysFile $list $W/ak17/%u|" \
	    "$W/sshd_config"
	dd_sshd
	dd_ssh "$KEY2" -- echo shell-reached
	login_reaches keys-17th shell-reached
	doctor_fails keys-17th forced-command "$W/ak17/$U:1: key without restrict"
	rm -rf "$W"/ak[0-9]*
	dd_config noforce
	mkdir -m 0755 "$W/aks"
	cp "$KEY2.pub" "$W/aks/$U keys" && chmod 0644 "$W/aks/$U keys"
	sed -i "s|^AuthorizedKeysFile .*|& \"$W/aks/%u keys\"|" "$W/sshd_config"
	dd_sshd
	dd_ssh "$KEY2" -- echo shell-reached
	login_reaches keys-space shell-reached
	doctor_fails keys-space forced-command "$W/aks/$U keys:1"
	rm -rf "$W/aks"
	# past what doctor reads (64 words): FAIL, and say so
	dd_config noforce
	list=""
	for ((i = 1; i <= 65; i++)); do list="$list $W/authorized_keys/%u"; done
	mkdir -m 0755 "$W/ak66"
	cp "$KEY2.pub" "$W/ak66/$U" && chmod 0644 "$W/ak66/$U"
	sed -i "s|^AuthorizedKeysFile .*|AuthorizedKeysFile$list $W/ak66/%u|" \
	    "$W/sshd_config"
	dd_sshd
	dd_ssh "$KEY2" -- echo shell-reached
	login_reaches keys-66th shell-reached
	doctor_fails keys-66th authorized-keys "doctor reads at most 64"
	rm -rf "$W/ak66"
	# a key file that is a FIFO (sshd skips it): doctor must not block
	dd_config none
	rm -f "$W/authorized_keys/$U" && mkfifo -m 0644 "$W/authorized_keys/$U"
	timeout 20 "$DGW" doctor --policy "$POLICY" --user "$U" \
	    --sshd-config "$W/sshd_config" >"$W/doctor.out" 2>&1
	DRC=$?
	SHOW=$W/doctor.out
	if [ "$DRC" != 124 ] && grep -q '^PASS  authorized-keys: 0 key' \
	    "$W/doctor.out"; then
		ok "keys-fifo: doctor skips a FIFO as sshd does, without blocking"
	else
		bad "keys-fifo: doctor exited $DRC"
	fi
	rm -f "$W/authorized_keys/$U"
	dd_authkeys ""
}

# 3. A hash in /etc/passwd's own field (shadow says '*'): pam_unix uses it.
case_i21_password() {
	local hash
	dd_config none
	sed -i -e 's/^UsePAM no/UsePAM yes/' \
	    -e 's/^PasswordAuthentication no/PasswordAuthentication yes/' \
	    "$W/sshd_config"
	hash=$(openssl passwd -6 dg-doctor-pw) || dd_die "openssl passwd"
	dd_passwd_field "$hash"
	dd_sshd
	dd_ssh_password dg-doctor-pw help
	SHOW=$W/sshd.log
	if grep -q "Accepted password for $U " "$W/sshd.log"; then
		ok "passwd-field: a real password login is accepted"
	else
		bad "passwd-field: the password login was not accepted"
	fi
	doctor_fails passwd-field password "/etc/passwd"
	doctor_fix passwd-field "pwconv && usermod -p '*' $U"
	dd_passwd_field x
}

# 4. Forwarding left to restrict: a certificate login carries no key line,
# and a key file the account may rewrite is no restriction.
case_i21_cert_forwarding() {
	local h
	dd_key2
	dd_config forwarding
	dd_authkeys restrict
	ssh-keygen -q -s "$W/keys/ca21" -I dg-doctor -n "$U" "$KEY2.pub" ||
	    dd_die "ssh-keygen -s"
	sed -i "/^Match User/i TrustedUserCAKeys $W/keys/ca21.pub" \
	    "$W/sshd_config"
	dd_sshd
	dd_forward "$KEY"
	SHOW=$W/ssh.out
	if [ -z "$FWD" ]; then
		ok "cert-forwarding: restrict stops the key's forward"
	else
		bad "cert-forwarding: the restricted key forwarded"
	fi
	dd_forward "$KEY2"
	if [ "$FWD" = docker-api-reached ]; then
		ok "cert-forwarding: ssh -L with the certificate reaches the API"
	else
		bad "cert-forwarding: the certificate's forward failed"
	fi
	doctor_fails cert-forwarding forwarding "certificate"
	doctor_fix cert-forwarding "DisableForwarding yes"
	rm -f "$KEY2-cert.pub"
	# the account's own key file
	h=$(getent passwd "$U" | cut -d: -f6)
	dd_config forwarding
	sed -i "s|^AuthorizedKeysFile .*|AuthorizedKeysFile .ssh/authorized_keys|" \
	    "$W/sshd_config"
	mkdir -p -m 0700 "$h/.ssh"
	printf 'restrict %s\n' "$(cat "$KEY.pub")" >"$h/.ssh/authorized_keys"
	chown -R "$U" "$h/.ssh"
	chmod 0600 "$h/.ssh/authorized_keys"
	dd_sshd
	doctor_fails own-keyfile forwarding "may rewrite"
	runuser -u "$U" -- sed -i 's/^restrict //' "$h/.ssh/authorized_keys"
	dd_forward "$KEY"
	SHOW=$W/ssh.out
	if [ "$FWD" = docker-api-reached ]; then
		ok "own-keyfile: once the account drops restrict, ssh -L reaches the API"
	else
		bad "own-keyfile: the forward failed"
	fi
	rm -rf "$h/.ssh"
}

# 7. ChrootDirectory: sshd runs the jail's shell and the jail's copy of the
# ForceCommand path.
case_i21_chroot() {
	local j=$W/jail
	dd_config none
	mkdir -p "$j/bin" "$j$W/bin"
	cp /usr/bin/busybox "$j/bin/sh" && chmod 0755 "$j/bin/sh"
	printf '#!/bin/sh\necho jail-program-ran\n' >"$j$DGW"
	chmod 0755 "$j$DGW"
	chown "$U" "$j$DGW"
	sed -i "/^Match User/a\\    ChrootDirectory $j" "$W/sshd_config"
	dd_sshd
	dd_ssh "$KEY" -- ps
	login_reaches chroot jail-program-ran
	doctor_fails chroot chroot-directory "ChrootDirectory $j"
	doctor_fix chroot "remove ChrootDirectory"
	rm -rf "$j"
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
command -v busybox >/dev/null 2>&1 || dd_die "required: busybox (static)"
case_i21_command_trust
case_i21_keyfiles
case_i21_password
case_i21_cert_forwarding
case_i21_chroot
echo "doctor: $PASS passed, $FAILS failed"
[ "$FAILS" = 0 ]
