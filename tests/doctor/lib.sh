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
