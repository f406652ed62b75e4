#!/bin/bash
# tests/e2e/lib.sh: the end-to-end harness.  Source it from bash.
#
# e2e_setup builds a private world under a fresh root-owned 0755 directory
# $W=/run/dg-e2e.XXXXXX (not /tmp: policy files and their parents must not be
# group/world-writable):
#   - a private containerd (own root, state and socket under $W) and dockerd
#     (own data-root, exec-root, socket $W/docker/docker.sock, cgroup parent
#     named after $W, --iptables=false --bridge=none --ip-forward=false), so
#     nothing is shared with any other daemon on the host;
#   - a test image imported from a busybox-static rootfs as dgtest:latest and
#     alpine:latest (no registry needed);
#   - two test accounts (login shell /bin/sh, no password) in a socket group
#     (dockerd --group) and an audit group;
#   - sshd on 127.0.0.1:<free port 22000-22999> with its own host key, pid
#     file and AuthorizedKeysFile $W/authorized_keys/%u, the DESIGN §5 block
#     for both accounts, ForceCommand for $U_AI only; $U_CI has per-key
#     `restrict,command="... --role R"` lines instead (sshd's ForceCommand
#     would override command=, so per-key roles need an account without it);
#   - the gateway under test copied to $W/bin/dockergate (root 0755: the repo
#     may sit under a 0700 home the account cannot traverse).
# e2e_cleanup (trap on EXIT, INT, TERM) kills sshd, every process of the test
# accounts, every container, dockerd, containerd and its shims, unmounts
# whatever is left under $W, deletes the accounts and groups and removes $W.
#
# Audit file choice: $W/audit is root-owned 0755; audit.jsonl is pre-created
# root:$G_AUDIT mode 0660, the two test accounts are in $G_AUDIT, so the
# gateway (running as the account) can append but not replace or rename it.
#
# Test scripts (t-NN-name.sh) are run by run.sh with the environment of
# e2e_setup exported (E2E_ENV file); they source this file for the helpers
# dg_ssh, expect_*, t_begin/t_end and rdocker.

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
E2E_ROOT=$(cd "$E2E_DIR/../.." && pwd)
: "${DG:=$E2E_ROOT/build/dockergate}"
# shellcheck source=../lib.sh
. "$E2E_ROOT/tests/lib.sh"		# daemons_start, start_sshd, killpid
DOCKER_CLI=/usr/bin/docker		# the 20.10 client matching dockerd
PY=/usr/bin/python3
E2E_TOOLS="dockerd containerd containerd-shim-runc-v2 runc $DOCKER_CLI
/usr/sbin/sshd ssh sftp ssh-keygen /bin/busybox curl $PY useradd userdel
groupadd groupdel usermod getent runuser timeout pgrep ss tar mktemp
umount unshare chroot"

e2e_log() { printf 'e2e: %s\n' "$*" >&2; }
e2e_die() { printf 'e2e: FATAL: %s\n' "$*" >&2; exit 1; }

# Fails (never skips) when something the suite needs is missing.
e2e_require_tools() {
	local t missing=""
	for t in $E2E_TOOLS; do
		command -v "$t" >/dev/null 2>&1 || missing="$missing $t"
	done
	[ -z "$missing" ] || e2e_die "required tools missing:$missing"
	[ "$(id -u)" = 0 ] || e2e_die "must run as root (private dockerd, sshd, test accounts)"
	[ -x /usr/lib/openssh/sftp-server ] ||
	    e2e_die "required: /usr/lib/openssh/sftp-server (for the sftp test)"
}

# ---------------------------------------------------------------- cleanup

E2E_CLEANED=0
e2e_cleanup() {
	local rc=$? u g p
	[ "$E2E_CLEANED" = 1 ] && return
	E2E_CLEANED=1
	[ -n "${W:-}" ] && [ -d "$W" ] || return "$rc"
	[ "${E2E_KEEP:-0}" = 1 ] && { e2e_log "E2E_KEEP=1: leaving $W running"; return; }
	e2e_log "cleanup $W"
	if [ -n "${E2E_CHILD:-}" ]; then	# a test still running (interrupted)
		kill -TERM "$E2E_CHILD" 2>/dev/null
		wait "$E2E_CHILD" 2>/dev/null
	fi
	killpid "$(cat "$W/ssh/sshd.pid.bg" 2>/dev/null)" 5
	for u in ${E2E_USERS:-}; do
		for p in $(pgrep -u "$u" 2>/dev/null); do kill -KILL "$p" 2>/dev/null; done
	done
	daemons_stop "$W" "$W/containerd" "$W/docker" "${W##*/}"
	for u in ${E2E_USERS:-}; do
		userdel -r "$u" >/dev/null 2>&1 || userdel -f -r "$u" >/dev/null 2>&1
	done
	for g in ${E2E_GROUPS:-}; do groupdel "$g" >/dev/null 2>&1; done
	rm -rf "$W"
	# Shared, fixed paths: by containerd for shim sockets, by dockerd for
	# plugin discovery (whatever --exec-root says), by us for sshd's
	# privilege separation.  Removed only if absent before we started, empty,
	# and no other such daemon (e.g. a concurrent run) is using them.
	[ "${E2E_MADE_RUN_CONTAINERD:-0}" = 1 ] && ! pgrep -x containerd >/dev/null &&
	    rmdir /run/containerd/s /run/containerd 2>/dev/null
	[ "${E2E_MADE_RUN_DOCKER:-0}" = 1 ] && ! pgrep -x dockerd >/dev/null &&
	    rmdir /run/docker/plugins /run/docker 2>/dev/null
	[ "${E2E_MADE_RUN_SSHD:-0}" = 1 ] && ! pgrep -x sshd >/dev/null &&
	    rmdir /run/sshd 2>/dev/null
	[ "${E2E_MADE_ETC_DOCKER:-0}" = 1 ] && ! pgrep -x dockerd >/dev/null &&
	    rmdir /etc/docker 2>/dev/null
	# max_containers' lock directory (the packages' tmpfiles make it).
	[ "${E2E_MADE_QUOTA_LOCKS:-0}" = 1 ] && rm -rf /run/dockergate/locks &&
	    rmdir /run/dockergate 2>/dev/null
	return "$rc"
}

# ------------------------------------------------------------------ setup

e2e_setup() {
	e2e_require_tools
	[ -n "${E2E_SELFTEST:-}" ] || [ -x "$DG" ] ||
	    e2e_die "gateway binary not found or not executable: $DG (run make)"
	W=$(mktemp -d /run/dg-e2e.XXXXXX) || e2e_die "mktemp under /run"
	export W
	trap 'e2e_cleanup' EXIT
	trap 'e2e_cleanup; trap - EXIT; exit 130' INT
	trap 'e2e_cleanup; trap - EXIT; exit 143' TERM
	chmod 0755 "$W"
	mkdir -m 0755 "$W/bin" "$W/docker" "$W/containerd" "$W/ssh" "$W/keys" \
	    "$W/authorized_keys" "$W/audit" "$W/docker-config" \
	    "$W/root-docker-config" "$W/tmp"
	chmod 0700 "$W/keys"
	[ -d /run/containerd ] || E2E_MADE_RUN_CONTAINERD=1
	[ -d /run/sshd ] || E2E_MADE_RUN_SSHD=1
	[ -d /etc/docker ] || E2E_MADE_ETC_DOCKER=1
	[ -d /run/docker ] || E2E_MADE_RUN_DOCKER=1
	if [ ! -d /run/dockergate/locks ]; then
		mkdir -p -m 0755 /run/dockergate &&
		    mkdir -m 1733 /run/dockergate/locks ||
		    e2e_die "mkdir /run/dockergate/locks"
		E2E_MADE_QUOTA_LOCKS=1
	fi
	export E2E_MADE_RUN_CONTAINERD E2E_MADE_RUN_SSHD E2E_MADE_ETC_DOCKER \
	    E2E_MADE_RUN_DOCKER E2E_MADE_QUOTA_LOCKS
	e2e_accounts
	e2e_dockerd
	e2e_image
	e2e_gateway
	e2e_policy
	e2e_keys
	e2e_sshd
	e2e_write_env
}

# e2e_freename BASE: BASE if neither user nor group exists, else BASE-<n>.
e2e_freename() {
	local n=$1 i=0
	while getent passwd "$n" >/dev/null || getent group "$n" >/dev/null; do
		i=$((i + 1)); n="$1-$$-$i"
	done
	echo "$n"
}

e2e_accounts() {
	G_DOCK=$(e2e_freename dgtest-dock)
	groupadd "$G_DOCK" || e2e_die "groupadd $G_DOCK"
	E2E_GROUPS="$G_DOCK"
	G_AUDIT=$(e2e_freename dgtest-audit)
	groupadd "$G_AUDIT" || e2e_die "groupadd $G_AUDIT"
	E2E_GROUPS="$E2E_GROUPS $G_AUDIT"
	U_AI=$(e2e_freename dgtest-ai)
	useradd -m -s /bin/sh -p '*' -G "$G_DOCK,$G_AUDIT" "$U_AI" ||
	    e2e_die "useradd $U_AI"
	E2E_USERS="$U_AI"
	U_CI=$(e2e_freename dgtest-ci)
	useradd -m -s /bin/sh -p '*' -G "$G_DOCK,$G_AUDIT" "$U_CI" ||
	    e2e_die "useradd $U_CI"
	E2E_USERS="$E2E_USERS $U_CI"
	# useradd may leave a user-private group behind userdel -r removes
	export G_DOCK G_AUDIT U_AI U_CI E2E_USERS E2E_GROUPS
}

rdocker() {
	DOCKER_CONFIG=$W/root-docker-config "$DOCKER_CLI" \
	    -H "unix://$W/docker/docker.sock" "$@"
}

# The private containerd and dockerd (tests/lib.sh), dockerd's socket
# group-owned by $G_DOCK (--group) for the test accounts.
e2e_dockerd() {
	daemons_start "$W/containerd" "$W/docker" "${W##*/}" \
	    --group "$G_DOCK" || e2e_die "the private daemons did not come up"
	DOCKER_SOCK=$W/docker/docker.sock
	chmod 0660 "$DOCKER_SOCK"
	export DOCKER_SOCK
}

e2e_image() {
	local r=$W/rootfs
	mkdir -p "$r/bin" "$r/etc" "$r/proc" "$r/sys" "$r/dev" "$r/tmp" "$r/root"
	cp /bin/busybox "$r/bin/busybox"
	chroot "$r" /bin/busybox --install -s /bin 2>/dev/null ||
	    for a in $(/bin/busybox --list); do
		ln -sf busybox "$r/bin/$a"
	    done
	[ -e "$r/bin/sh" ] || e2e_die "busybox --install produced no /bin/sh"
	printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false\n' >"$r/etc/passwd"
	printf 'root:x:0:\nnogroup:x:65534:\n' >"$r/etc/group"
	chmod 1777 "$r/tmp"
	tar -C "$r" -cf "$W/rootfs.tar" . || e2e_die "tar rootfs"
	rdocker import --change 'CMD ["/bin/sh"]' "$W/rootfs.tar" dgtest:latest \
	    >/dev/null || e2e_die "docker import"
	rdocker tag dgtest:latest alpine:latest || e2e_die "docker tag"
	rm -rf "$r" "$W/rootfs.tar"
	out=$(rdocker run --rm dgtest:latest echo ok 2>&1)
	[ "$out" = ok ] || e2e_die "test image does not run: $(printf '%s\n' \
	    "$out" | tail -n 3)"
}

e2e_gateway() {
	if [ -n "${E2E_SELFTEST:-}" ]; then
		# stand-in gateway: echoes what it was asked
		cat >"$W/bin/dockergate" <<-'EOF'
		#!/bin/sh
		echo "selftest: args=$* cmd=${SSH_ORIGINAL_COMMAND-<unset>} user=$(id -un) groups=$(id -Gn)"
		EOF
	else
		cp "$DG" "$W/bin/dockergate" || e2e_die "copy $DG"
	fi
	chown root:root "$W/bin/dockergate"
	chmod 0755 "$W/bin/dockergate"
	DGW=$W/bin/dockergate
	export DGW
}

# e2e_write_policy FILE TIMEOUT: the test policy (DESIGN §4.3).
e2e_write_policy() {
	cat >"$1" <<-EOF
	# dockergate e2e test policy (generated by tests/e2e/lib.sh)
	version: 1
	docker:
	  binary: $DOCKER_CLI
	  host: unix://$DOCKER_SOCK
	  config_dir: $W/docker-config
	  timeout: $2
	audit:
	  syslog: false
	  file: $W/audit/audit.jsonl
	  required: true
	roles:
	  $U_AI:
	    allow:
	      - ps
	      - [logs, inspect, container inspect, image inspect, volume inspect,
	         events]
	      - container inspect
	      - command: run
	        images: [dgtest, alpine]
	        mounts: named
	      - rm
	      - command: build
	        images: ["local/*"]
	  agent:
	    allow:
	      - command: run
	        images: [dgtest]
	        own: true
	      - command: [stop, rm, ps]
	        owned: true
	      - command: commit
	        images: ["local/*"]
	        owned: true
	  observer:
	    allow:
	      - ps
	  slow:
	    allow:
	      - command: run
	        images: [dgtest]
	EOF
	chown root:root "$1"
	chmod 0644 "$1"
}

e2e_policy() {
	echo '{}' >"$W/docker-config/config.json"
	chmod 0644 "$W/docker-config/config.json"
	: >"$W/audit/audit.jsonl"
	chown "root:$G_AUDIT" "$W/audit/audit.jsonl"
	chmod 0660 "$W/audit/audit.jsonl"
	AUDIT=$W/audit/audit.jsonl
	POLICY=$W/policy.yaml
	POLICY_TIMEOUT=$W/policy-timeout.yaml
	e2e_write_policy "$POLICY" 10m
	e2e_write_policy "$POLICY_TIMEOUT" 2s
	POLICY_CI=$W/ci-restart.yaml
	e2e_write_example "$E2E_ROOT/policy/ci-restart.yaml" "$POLICY_CI"
	export AUDIT POLICY POLICY_TIMEOUT POLICY_CI
}

# e2e_write_example SRC DST: an example policy's roles, verbatim, with this
# harness's docker and audit sections.
e2e_write_example() {
	{
		sed -n '1,/^roles:/p' "$POLICY" | sed '$d'
		sed -n '/^roles:/,$p' "$1"
	} >"$2"
	chown root:root "$2"
	chmod 0644 "$2"
}

e2e_keys() {
	local k
	for k in ai ci obs to ag; do
		ssh-keygen -q -t ed25519 -N '' -C "dg-e2e-$k" -f "$W/keys/$k" ||
		    e2e_die "ssh-keygen"
	done
	ssh-keygen -q -t ed25519 -N '' -f "$W/ssh/host_ed25519" ||
	    e2e_die "ssh-keygen host"
	KEY_AI=$W/keys/ai KEY_CI=$W/keys/ci KEY_OBS=$W/keys/obs KEY_TO=$W/keys/to
	KEY_AG=$W/keys/ag
	export KEY_AI KEY_CI KEY_OBS KEY_TO KEY_AG
	cat "$KEY_AI.pub" >"$W/authorized_keys/$U_AI"
	{
		printf 'restrict,command="%s --policy %s --role ci" %s\n' \
		    "$DGW" "$POLICY_CI" "$(cat "$KEY_CI.pub")"
		printf 'restrict,command="%s --policy %s --role agent" %s\n' \
		    "$DGW" "$POLICY" "$(cat "$KEY_AG.pub")"
		printf 'restrict,command="%s --policy %s --role observer" %s\n' \
		    "$DGW" "$POLICY" "$(cat "$KEY_OBS.pub")"
		printf 'restrict,command="%s --policy %s --role slow" %s\n' \
		    "$DGW" "$POLICY_TIMEOUT" "$(cat "$KEY_TO.pub")"
	} >"$W/authorized_keys/$U_CI"
	chmod 0644 "$W/authorized_keys/"*
}

e2e_port_free() {
	[ -z "$(ss -Htln "sport = :$1" 2>/dev/null)" ]
}

e2e_sshd() {
	local i p
	mkdir -p /run/sshd && chmod 0755 /run/sshd
	for ((i = 0; i < 100; i++)); do
		p=$((22000 + RANDOM % 1000))
		e2e_port_free "$p" && break
	done
	PORT=$p
	export PORT
	cat >"$W/ssh/sshd_config" <<-EOF
	# dockergate e2e sshd (generated by tests/e2e/lib.sh)
	ListenAddress 127.0.0.1
	Port $PORT
	HostKey $W/ssh/host_ed25519
	PidFile $W/ssh/sshd.pid
	AuthorizedKeysFile $W/authorized_keys/%u
	StrictModes yes
	UsePAM no
	PubkeyAuthentication yes
	PasswordAuthentication no
	KbdInteractiveAuthentication no
	PermitRootLogin no
	AllowUsers $U_AI $U_CI
	AcceptEnv LANG LC_*
	Subsystem sftp /usr/lib/openssh/sftp-server
	LogLevel VERBOSE
	Match User $U_AI,$U_CI
	    DisableForwarding yes
	    PermitTTY no
	    PermitUserRC no
	    X11Forwarding no
	Match User $U_AI
	    ForceCommand $DGW --policy $POLICY
	EOF
	start_sshd "$W/ssh/sshd_config" "$W/ssh/sshd.log" "$W/ssh/sshd.pid.bg" \
	    "$PORT" || e2e_die "sshd did not come up on 127.0.0.1:$PORT"
	printf '[127.0.0.1]:%s %s\n' "$PORT" \
	    "$(cut -d' ' -f1,2 "$W/ssh/host_ed25519.pub")" >"$W/ssh/known_hosts"
}

e2e_write_env() {
	E2E_ENV=$W/env.sh
	export E2E_ENV DG
	export -p | grep -E '^declare -x (W|DG|DGW|U_AI|U_CI|G_DOCK|G_AUDIT|KEY_[A-Z]+|PORT|POLICY|POLICY_TIMEOUT|POLICY_CI|AUDIT|DOCKER_SOCK|E2E_[A-Z_]+)=' \
	    >"$E2E_ENV"
}

# ---------------------------------------------------------- test helpers

# Per-test scratch: $T (removed with $W); $OUT and $ERR hold the last
# request's stdout and stderr.
if [ -n "${W:-}" ]; then
	T=$W/tmp/${0##*/}
	T=${T%.sh}
	mkdir -p "$T"
	OUT=$T/out ERR=$T/err
	: >"$OUT"; : >"$ERR"
fi

# ssh_base KEY: the client command line, no user config, no agent.
ssh_base() {
	SSH=(ssh -F /dev/null -i "$1" -o IdentitiesOnly=yes
	    -o IdentityAgent=none -o UserKnownHostsFile="$W/ssh/known_hosts"
	    -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes
	    -o BatchMode=yes -o LogLevel=ERROR -o ConnectTimeout=10
	    -p "$PORT")
}

# dg_ssh KEY USER [COMMAND]: run COMMAND (one string, as the client sends
# it) over ssh; no COMMAND = a shell request.  stdin from $STDIN_FILE or
# /dev/null.  Sets RC, OUT, ERR (files $T/out, $T/err), LAST; records the
# request in $W/requests.log for the audit test.
dg_ssh() {
	local key=$1 user=$2
	shift 2
	ssh_base "$key"
	if [ $# -gt 0 ]; then
		LAST="ssh $user@127.0.0.1 '$1'  (key ${key##*/})"
		printf '%s\t%s\n' "$user" "$1" >>"$W/requests.log"
		timeout 90 "${SSH[@]}" "$user@127.0.0.1" "$1" \
		    <"${STDIN_FILE:-/dev/null}" >"$OUT" 2>"$ERR"
	else
		LAST="ssh -T $user@127.0.0.1  (no command, key ${key##*/})"
		timeout 90 "${SSH[@]}" -T "$user@127.0.0.1" \
		    <"${STDIN_FILE:-/dev/null}" >"$OUT" 2>"$ERR"
	fi
	RC=$?
}

# Shorthands for the default account/key.
ai() { dg_ssh "$KEY_AI" "$U_AI" "$@"; }

# as_account POLICY ROLE COMMAND: the gateway as $U_AI, started as sshd
# starts a forced command (an empty environment but PATH, the working
# directory /, SSH_ORIGINAL_COMMAND), without ssh; ROLE "" gives no --role.
# The gateway is $AS_GW, else $DGW.  Sets RC, OUT, ERR (files), LAST.
as_account() {
	local gw=${AS_GW:-$DGW} args=(--policy "$1")
	[ -n "$2" ] && args+=(--role "$2")
	LAST="SSH_ORIGINAL_COMMAND='$3' ${gw##*/} ${args[*]}  (as $U_AI)"
	mkdir -p "$T"; OUT=$T/out ERR=$T/err
	(cd / && runuser -u "$U_AI" -- env -i PATH=/usr/bin:/bin \
	    SSH_ORIGINAL_COMMAND="$3" "$gw" "${args[@]}") >"$OUT" 2>"$ERR"
	RC=$?
}

T_FAILS=0
T_NAME=${0##*/}
t_begin() { T_DESC=$*; echo "--- ${T_NAME%.sh}: $*"; }

# fail MESSAGE: record a failure with full context of the last request.
fail() {
	T_FAILS=$((T_FAILS + 1))
	echo "FAIL: $*"
	if [ -n "${LAST:-}" ]; then
		echo "  command: $LAST"
		echo "  status:  $RC"
		echo "  stdout:  $(head -c 600 "$OUT" | sed '2,$s/^/           /')"
		echo "  stderr:  $(head -c 600 "$ERR" | sed '2,$s/^/           /')"
	fi
}
note() { echo "  note: $*"; }

t_end() {
	if [ "$T_FAILS" = 0 ]; then exit 0; fi
	echo "${T_NAME%.sh}: $T_FAILS check(s) failed"
	exit 1
}

# expect_rc N [N...]: the last status is one of these.
expect_rc() {
	local s
	for s; do [ "$RC" = "$s" ] && return 0; done
	fail "exit status: expected $*, got $RC"
	return 1
}

# expect_out TEXT: stdout is exactly TEXT plus a newline.
expect_out() {
	if ! printf '%s\n' "$1" | cmp -s - "$OUT"; then
		fail "stdout: expected exactly '$1'"
		return 1
	fi
}

expect_err_empty() {
	[ -s "$ERR" ] || return 0
	fail "stderr: expected empty"
	return 1
}

# expect_dg_line [ERE]: stderr is exactly one line, starting "dockergate: ",
# matching ERE if given (DESIGN §4.2).
expect_dg_line() {
	local n
	n=$(wc -l <"$ERR")
	if [ "$n" != 1 ] || [ "$(tail -c 1 "$ERR" | od -An -c | tr -d ' ')" != '\n' ]; then
		fail "stderr: expected exactly one line, got $n newline(s)"
		return 1
	fi
	if ! head -n 1 "$ERR" | grep -q '^dockergate: '; then
		fail "stderr: expected the line to start with 'dockergate: '"
		return 1
	fi
	if [ -n "${1:-}" ] && ! grep -Eq -- "$1" "$ERR"; then
		fail "stderr: expected it to match /$1/"
		return 1
	fi
}

# containers: all container IDs of the private daemon, sorted.
containers() { rdocker ps -aq --no-trunc | sort; }

# audit_count ERE: lines of the audit file matching ERE.
audit_count() { grep -cE -- "$1" "$AUDIT"; }
