# tests/bench/lib.sh: set-up shared by run.sh and ab.sh (sourced).
#
# Checks the tools, makes a root-owned 0755 directory $DIR under /run
# (removed on exit) with a docker config dir, defines header() (a policy
# whose docker is /usr/bin/true and whose audit goes to $DIR/audit.jsonl,
# up to "allow:" of role bench), writes $P (a role that may run
# `docker ps`) and builds the floor wrapper as $FLOOR.

die() {
	echo "bench: $*" >&2
	exit 1
}

command -v hyperfine >/dev/null 2>&1 ||
	die "hyperfine not found: apt-get install hyperfine (or cargo install hyperfine)"
[ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1 ||
	die "GNU time not found at /usr/bin/time: apt-get install time"
[ "$(id -u)" = 0 ] || die "must run as root (root-owned policy directory)"

# A root-owned, 0755 directory under /run: the gateway checks the policy
# file and every parent directory for ownership and mode.
DIR=$(mktemp -d /run/dgbench.XXXXXX)
trap 'rm -rf "$DIR"' EXIT INT TERM
chmod 0755 "$DIR"
mkdir -m 0755 "$DIR/docker-config"
echo '{}' >"$DIR/docker-config/config.json"
chmod 0644 "$DIR/docker-config/config.json"

header() {
	cat <<EOF
version: 1
docker:
  binary: /usr/bin/true
  host: unix:///run/dgbench-nonexistent.sock
  config_dir: $DIR/docker-config
  timeout: 0
audit:
  syslog: false
  file: $DIR/audit.jsonl
  required: true
roles:
  bench:
    allow:
EOF
}

# A role that may run `docker ps`.
P=$DIR/policy.yaml
{ header; echo "      - ps"; } >"$P"
chmod 0644 "$P"

# The floor: a wrapper that only spawns /usr/bin/true and waits.
FLOOR=$DIR/floor
${CC:-cc} -O2 -o "$FLOOR" tests/bench/floor.c ||
	die "cannot build tests/bench/floor.c with ${CC:-cc}"
