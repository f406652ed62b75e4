#!/bin/sh
# Differential test against the Docker daemon (issue 7 item 5; DESIGN §6):
# random `docker create` lines from a fixed seed go through the gateway in
# forced-command mode to the real docker CLI and a PRIVATE dockerd; every
# container created is inspected and compared with a plain
# `docker create dgtest` (tests/diff/run.py says what is checked).  The
# daemon is the judge of what the parser believed.
#
#   DIFF_SEED   generator seed (default 7, printed)
#   DIFF_LINES  lines per pass (default 600; the issue wants >= 500)
#   DIFF_CLI2   second pass with this CLI too (default /usr/local/bin/docker
#               if present; DIFF_CLI2= to skip); DIFF_LINES2 lines (300)
#
# Needs root (private containerd + dockerd from tests/daemon.sh, nothing
# shared with any other daemon).  Prints the figures and
# "diff: N passed, N failed".  As root in CI a missing tool fails the suite.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
SUITE=diff
. tests/lib.sh
# W, SOCK, CLI, rdocker, need, die, start_daemons, make_image, and the
# cleanup trap: a private containerd + dockerd under /run/dg-diff.XXXXXX.
. tests/daemon.sh

SEED=${DIFF_SEED:-7}
NLINES=${DIFF_LINES:-600}
CLI2=${DIFF_CLI2-/usr/local/bin/docker}
if [ -n "$CLI2" ] && [ "$(readlink -f "$CLI2")" = "$(readlink -f "$CLI")" ]
then
	CLI2=
fi
NLINES2=${DIFF_LINES2:-300}
for t in containerd-shim-runc-v2 python3; do
	command -v "$t" >/dev/null 2>&1 || need "required tool missing: $t"
done

# cfg: the gateway's config_dir; rootcfg: tests/diff/run.py's own CLI
mkdir -m 0755 "$W/audit" "$W/allowed" "$W/allowed/sub" "$W/rootcfg"
echo '{}' >"$W/cfg/config.json"
echo '{}' >"$W/rootcfg/config.json"
chmod 644 "$W/cfg/config.json" "$W/rootcfg/config.json"
ln -s / "$W/allowed/link"
start_daemons
make_image
rdocker create --name dgvictim dgtest >/dev/null 2>&1 ||
    die "docker create dgvictim"

# --- the policy ---------------------------------------------------------
policy() {
	cat >"$W/policy-$2.yaml" <<EOF
version: 1
docker:
  binary: $1
  host: unix://$SOCK
  config_dir: $W/cfg
  timeout: 2m
audit:
  syslog: false
  file: $W/audit/audit.jsonl
  required: true
roles:
  diff:
    allow:
      - command: create
        images: [dgtest]
        mounts: named
        binds: ["$W/allowed"]
        limits:
          memory: {default: 256m, max: 1g}
          cpus: {default: 0.5, max: 2}
          pids: {default: 128, max: 512}
          shm-size: {max: 64m}
          tmpfs-size: {max: 64m}
          log-size: {default: 10m, max: 100m}
EOF
	chmod 644 "$W/policy-$2.yaml"
}

status=0
pass() {
	cli=$1 n=$2 tag=$3
	policy "$cli" "$tag"
	echo "diff[$tag]: seed $SEED, $n lines, CLI $cli ($("$cli" --version))"
	python3 tests/diff/gen.py "$SEED" "$n" "$W" >"$W/lines-$tag" || return 1
	python3 tests/diff/run.py "$DG" "$W/policy-$tag.yaml" diff "$cli" \
	    "$SOCK" "$W" "$W/lines-$tag" | sed "s/^/diff[$tag]: /"
}

t0=$(date +%s)
out=$(pass "$CLI" "$NLINES" cli1)
echo "$out"
if [ -n "$CLI2" ] && [ -x "$CLI2" ]; then
	out2=$(pass "$CLI2" "$NLINES2" cli2)
	echo "$out2"
	out="$out
$out2"
fi
p=0 f=0
for x in $(echo "$out" | sed -n 's/^diff\[[a-z0-9]*\]: diff: \([0-9]*\) passed, \([0-9]*\) failed$/\1:\2/p'); do
	p=$((p + ${x%%:*})) f=$((f + ${x##*:}))
done
[ "$p" -gt 0 ] || f=$((f + 1))
echo "diff: $(($(date +%s) - t0))s for the passes"
echo "diff: $p passed, $f failed"
[ "$f" = 0 ]
