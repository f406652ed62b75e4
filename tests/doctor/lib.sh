#!/bin/bash
# tests/doctor/lib.sh: a private sshd and test account for the doctor and
# probe matrix.  Source it from bash; dd_setup builds, dd_cleanup (trap on
# EXIT, INT, TERM) removes everything:
#   - $W=/run/dg-doctor.XXXXXX, root-owned 0755 (not /tmp: the policy and
#     its parents must not be group/world-writable);
#   - one account ($U, login shell /bin/sh, password '*') in a group $G
#     that owns the fake docker socket and the audit file;
#   - the gateway copied to $W/bin/dockergate (root 0755), a policy giving
#     $U the role "ps", a root-owned docker config dir, an audit file the
#     account may append to, a unix socket standing in for dockerd's;
#   - host key, client key, AuthorizedKeysFile $W/authorized_keys/%u
#     (root-owned), known_hosts for [127.0.0.1]:$PORT;
#   - sshd on 127.0.0.1:$PORT started by dd_sshd from $W/sshd_config, which
#     dd_config writes: the DESIGN §5 block, minus/plus one weakening.
# No docker daemon is needed: the gateway's own answers (help 0, denied 77,
# unparseable 65) come before it would contact one.

DD_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DD_ROOT=$(cd "$DD_DIR/../.." && pwd)
: "${BUILD:=build}"
: "${DG:=$DD_ROOT/$BUILD/dockergate}"
: "${PROBE:=$DD_ROOT/$BUILD/dockergate-probe}"
SSHD=/usr/sbin/sshd
# shellcheck source=../lib.sh
. "$DD_ROOT/tests/lib.sh"		# start_sshd, killpid

dd_die() { printf 'doctor-test: FATAL: %s\n' "$*" >&2; exit 1; }

dd_freename() {
	local n=$1 i=0
	while getent passwd "$n" >/dev/null || getent group "$n" >/dev/null; do
		i=$((i + 1)); n="$1$i"
	done
	echo "$n"
}

DD_CLEANED=0
dd_cleanup() {
	local rc=$? p
	[ "$DD_CLEANED" = 1 ] && return "$rc"
	DD_CLEANED=1
	dd_stop_sshd
	[ -n "${W:-}" ] && [ -s "$W/sock.bg" ] && kill "$(cat "$W/sock.bg")" 2>/dev/null
	[ -n "${W:-}" ] && [ -s "$W/api.bg" ] && kill "$(cat "$W/api.bg")" 2>/dev/null
	if [ -n "${U:-}" ]; then
		for p in $(pgrep -u "$U" 2>/dev/null); do kill -KILL "$p" 2>/dev/null; done
		userdel -r "$U" >/dev/null 2>&1 || userdel -f -r "$U" >/dev/null 2>&1
	fi
	[ -n "${G:-}" ] && groupdel "$G" >/dev/null 2>&1
	[ -n "${W:-}" ] && [ -d "$W" ] && rm -rf "$W"
	[ "${DD_MADE_RUN_SSHD:-0}" = 1 ] && rmdir /run/sshd 2>/dev/null
	return "$rc"
}

dd_stop_sshd() {
	local pid
	[ -n "${W:-}" ] && [ -s "$W/sshd.bg" ] || return 0
	pid=$(cat "$W/sshd.bg")
	killpid "$pid" 5
	wait "$pid" 2>/dev/null
	rm -f "$W/sshd.bg"
}

dd_setup() {
	local t
	[ "$(id -u)" = 0 ] || dd_die "must run as root (sshd, a test account)"
	for t in "$SSHD" ssh-keygen useradd userdel groupadd groupdel \
	    python3 pgrep ss; do
		command -v "$t" >/dev/null 2>&1 || dd_die "required: $t"
	done
	[ -x "$DG" ] || dd_die "not built: $DG"
	[ -x "$PROBE" ] || dd_die "not built: $PROBE"
	W=$(mktemp -d /run/dg-doctor.XXXXXX) || dd_die "mktemp"
	trap 'dd_cleanup' EXIT
	trap 'dd_cleanup; trap - EXIT; exit 130' INT
	trap 'dd_cleanup; trap - EXIT; exit 143' TERM
	chmod 0755 "$W"
	mkdir -m 0755 "$W/bin" "$W/docker-config" "$W/audit" \
	    "$W/authorized_keys"
	mkdir -m 0700 "$W/keys"
	[ -d /run/sshd ] || { DD_MADE_RUN_SSHD=1; mkdir -m 0755 /run/sshd; }
	G=$(dd_freename dgdoc)
	groupadd "$G" || dd_die "groupadd $G"
	U=$(dd_freename dgdoc-ai)
	useradd -m -s /bin/sh -p '*' -G "$G" "$U" || dd_die "useradd $U"
	cp "$DG" "$W/bin/dockergate" && chmod 0755 "$W/bin/dockergate" ||
	    dd_die "copy $DG"
	DGW=$W/bin/dockergate
	dd_files
	dd_keys
	dd_port
}

dd_files() {
	local i
	DOCKER_BIN=$(command -v docker 2>/dev/null || echo /bin/true)
	case $DOCKER_BIN in /*) ;; *) DOCKER_BIN=/bin/true ;; esac
	SOCK=$W/docker.sock
	# a listening stand-in for dockerd's socket: a forward that is allowed
	# then really connects (sshd answers "open failed" alike otherwise)
	python3 -c 'import socket, sys
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1])
s.listen(16)
while True:
    s.accept()[0].close()' "$SOCK" >/dev/null 2>&1 &
	echo $! >"$W/sock.bg"
	for ((i = 0; i < 50; i++)); do [ -S "$SOCK" ] && break; sleep 0.1; done
	[ -S "$SOCK" ] || dd_die "socket listener"
	chgrp "$G" "$SOCK" && chmod 0660 "$SOCK"
	AUDIT=$W/audit/audit.jsonl
	: >"$AUDIT"
	chown "root:$G" "$AUDIT" && chmod 0660 "$AUDIT"
	POLICY=$W/policy.yaml
	cat >"$POLICY" <<-EOF2
	version: 1
	docker:
	  binary: $DOCKER_BIN
	  host: unix://$SOCK
	  config_dir: $W/docker-config
	  timeout: 1m
	audit:
	  syslog: false
	  file: $AUDIT
	  required: true
	roles:
	  $U:
	    allow:
	      - ps
	EOF2
	chmod 0644 "$POLICY"
}

dd_keys() {
	ssh-keygen -q -t ed25519 -N '' -C dg-doctor -f "$W/keys/id" ||
	    dd_die "ssh-keygen"
	ssh-keygen -q -t ed25519 -N '' -f "$W/keys/host" || dd_die "ssh-keygen"
	KEY=$W/keys/id
	dd_authkeys ""
}

# dd_authkeys OPTIONS: the account's one key line, with OPTIONS prefixed.
dd_authkeys() {
	printf '%s%s\n' "${1:+$1 }" "$(cat "$KEY.pub")" \
	    >"$W/authorized_keys/$U"
	chmod 0644 "$W/authorized_keys/$U"
}

dd_port() {
	local i p
	for ((i = 0; i < 100; i++)); do
		p=$((23000 + RANDOM % 1000))
		[ -z "$(ss -Htln "sport = :$p" 2>/dev/null)" ] && break
	done
	PORT=$p
	printf '[127.0.0.1]:%s %s\n' "$PORT" \
	    "$(cut -d' ' -f1,2 "$W/keys/host.pub")" >"$W/known_hosts"
}

# dd_config WEAKENING: write $W/sshd_config, the recommended deployment
# with one weakening (none, forwarding, tty, userrc, noforce, acceptenv).
dd_config() {
	local fwd="DisableForwarding yes" tty="PermitTTY no"
	local rc="PermitUserRC no" force="ForceCommand $DGW --policy $POLICY"
	local env="AcceptEnv LANG LC_*"
	case $1 in
	forwarding) fwd="" ;;
	tty) tty="PermitTTY yes" ;;
	userrc) rc="PermitUserRC yes" ;;
	noforce) force="" ;;
	acceptenv) env="AcceptEnv *" ;;
	esac
	cat >"$W/sshd_config" <<-EOF2
	# dockergate doctor/probe matrix: $1
	ListenAddress 127.0.0.1
	Port $PORT
	HostKey $W/keys/host
	PidFile $W/sshd.pid
	AuthorizedKeysFile $W/authorized_keys/%u
	StrictModes yes
	UsePAM no
	PubkeyAuthentication yes
	PasswordAuthentication no
	KbdInteractiveAuthentication no
	PermitRootLogin no
	AllowUsers $U
	$env
	PermitUserEnvironment no
	Subsystem sftp /usr/lib/openssh/sftp-server
	LogLevel VERBOSE
	Match User $U
	    $fwd
	    $tty
	    $rc
	    X11Forwarding no
	    $force
	EOF2
}

dd_sshd() {
	dd_stop_sshd
	start_sshd "$W/sshd_config" "$W/sshd.log" "$W/sshd.bg" "$PORT" ||
	    dd_die "sshd did not come up on 127.0.0.1:$PORT"
}

# dd_doctor: run doctor for the case; sets DRC, output in $W/doctor.out.
dd_doctor() {
	"$DGW" doctor --policy "$POLICY" --user "$U" \
	    --sshd-config "$W/sshd_config" >"$W/doctor.out" 2>&1
	DRC=$?
}

# dd_probe: run the probe; sets PRC, output in $W/probe.out.
dd_probe() {
	timeout 120 "$PROBE" -p "$PORT" -i "$KEY" -k "$W/known_hosts" \
	    --socket "$SOCK" "$U@127.0.0.1" >"$W/probe.out" 2>&1
	PRC=$?
}

# --- issue 21: real logins -------------------------------------------------

# dd_key2: a second client key $KEY2 (and the CA $W/keys/ca21), made once.
dd_key2() {
	KEY2=$W/keys/id2
	[ -f "$KEY2" ] && return 0
	ssh-keygen -q -t ed25519 -N '' -C dg-doctor-2 -f "$KEY2" &&
	    ssh-keygen -q -t ed25519 -N '' -C dg-doctor-ca -f "$W/keys/ca21" ||
	    dd_die "ssh-keygen"
}

# dd_ssh KEY [SSH-OPTION...] -- [COMMAND...]: a real login as $U with KEY
# (and KEY-cert.pub if present); sets SRC, output in $W/ssh.out.
dd_ssh() {
	local key=$1 opts=()
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	timeout 30 ssh -F /dev/null -p "$PORT" -i "$key" -o IdentitiesOnly=yes \
	    -o BatchMode=yes -o StrictHostKeyChecking=yes \
	    -o UserKnownHostsFile="$W/known_hosts" -o ConnectTimeout=10 \
	    "${opts[@]}" "$U@127.0.0.1" "$@" </dev/null >"$W/ssh.out" 2>&1
	SRC=$?
}

# dd_ssh_password PASSWORD COMMAND...: a password login (no key offered).
dd_ssh_password() {
	local pw=$1
	shift
	printf '#!/bin/sh\necho %s\n' "$pw" >"$W/askpass"
	chmod 0700 "$W/askpass"
	SSH_ASKPASS=$W/askpass SSH_ASKPASS_REQUIRE=force DISPLAY=:0 \
	    timeout 30 setsid ssh -F /dev/null -p "$PORT" \
	    -o PubkeyAuthentication=no -o StrictHostKeyChecking=yes \
	    -o PreferredAuthentications=password,keyboard-interactive \
	    -o NumberOfPasswordPrompts=1 -o ConnectTimeout=10 \
	    -o UserKnownHostsFile="$W/known_hosts" "$U@127.0.0.1" "$@" \
	    </dev/null >"$W/ssh.out" 2>&1
	SRC=$?
}

# dd_passwd_field VALUE: set $U's /etc/passwd password field (not shadow's)
# under lckpwdf(3), the lock shadow-utils takes, replacing the file whole.
dd_passwd_field() {
	python3 - "$U" "$1" <<'PY' || dd_die "passwd field"
import ctypes, os, sys
user, value = sys.argv[1], sys.argv[2]
libc = ctypes.CDLL("libc.so.6", use_errno=True)
if libc.lckpwdf() != 0:
    sys.exit("lckpwdf failed")
try:
    st = os.stat("/etc/passwd")
    lines = open("/etc/passwd").read().splitlines(True)
    out, hit = [], 0
    for l in lines:
        f = l.split(":")
        if f[0] == user:
            f[1] = value
            hit += 1
        out.append(":".join(f))
    if hit != 1:
        sys.exit("account not found once")
    tmp = "/etc/passwd.dg-doctor"
    with open(tmp, "w") as fh:
        fh.write("".join(out))
    os.chmod(tmp, st.st_mode & 0o7777)
    os.chown(tmp, st.st_uid, st.st_gid)
    os.rename(tmp, "/etc/passwd")
finally:
    libc.ulckpwdf()
PY
}

# dd_api: a unix socket $API that answers every connection with a banner,
# standing in for the raw Docker API (killed by dd_cleanup).
dd_api() {
	local i
	API=$W/api.sock
	[ -S "$API" ] && return 0
	python3 -c 'import socket, sys
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1])
s.listen(16)
while True:
    c = s.accept()[0]
    c.sendall(b"docker-api-reached\n")
    c.close()' "$API" >/dev/null 2>&1 &
	echo $! >"$W/api.bg"
	for ((i = 0; i < 50; i++)); do [ -S "$API" ] && break; sleep 0.1; done
	[ -S "$API" ] || dd_die "api listener"
	chmod 0666 "$API"
}

# dd_forward KEY: `ssh -N -L` a local socket to $API with KEY (and its
# certificate), connect through it; FWD is what came back ("" if refused).
dd_forward() {
	local pid i
	dd_api
	rm -f "$W/fwd.sock"
	ssh -F /dev/null -p "$PORT" -i "$1" -o IdentitiesOnly=yes \
	    -o BatchMode=yes -o StrictHostKeyChecking=yes \
	    -o UserKnownHostsFile="$W/known_hosts" -o ConnectTimeout=10 \
	    -N -L "$W/fwd.sock:$API" "$U@127.0.0.1" </dev/null \
	    >"$W/ssh.out" 2>&1 &
	pid=$!
	for ((i = 0; i < 100; i++)); do [ -S "$W/fwd.sock" ] && break; sleep 0.1; done
	FWD=$(timeout 10 python3 -c 'import socket, sys
s = socket.socket(socket.AF_UNIX)
s.settimeout(5)
s.connect(sys.argv[1])
d = b""
try:
    while True:
        b = s.recv(100)
        if not b:
            break
        d += b
except OSError:
    pass
print(d.decode(errors="replace"))' "$W/fwd.sock" 2>/dev/null)
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	rm -f "$W/fwd.sock"
}
