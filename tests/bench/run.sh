#!/bin/sh
# tests/bench/run.sh: benchmarks, not a test (`make bench`).
#
# (a) whole-process gateway overhead, docker replaced by /usr/bin/true,
#     against direct exec, against the least any wrapper can do (floor.c:
#     spawn true and wait) and against the sudo-whitelist path it replaces;
# (b) --explain against a generated 50-rule policy;
# (c) --check of a generated 1000-rule policy;
# (d) peak RSS of each (GNU time -v).
#
# Needs root (the policy and its directory must be root-owned), hyperfine
# and GNU time.  Results: build/bench-*.md, and a summary on stdout.
# Environment: BUILD (build), DG (binary), RUNS (500), WARMUP (20).
set -eu

BUILD=${BUILD:-build}
DG=${DG:-$PWD/$BUILD/dockergate}
RUNS=${RUNS:-500}
WARMUP=${WARMUP:-20}
OUT=$PWD/$BUILD

. tests/bench/lib.sh
[ -x "$DG" ] || die "$DG not found or not executable: run make first"

# n rules: n-1 container-scoped lifecycle rules, then the run rule.
gen_rules() {
	i=1
	while [ "$i" -lt "$1" ]; do
		case $((i % 4)) in
		0) printf '      - command: [start, stop, restart]\n' ;;
		1) printf '      - command: logs\n' ;;
		2) printf '      - command: [inspect, stats]\n' ;;
		3) printf '      - command: rm\n' ;;
		esac
		printf '        containers: ["svc-%d", "svc-%d-*"]\n' "$i" "$i"
		i=$((i + 1))
	done
	printf '      - command: run\n'
	printf '        images: [alpine, "registry.example/app"]\n'
	printf '        mounts: named\n'
}

P50=$DIR/policy-50.yaml
{ header; gen_rules 50; } >"$P50"
P1000=$DIR/policy-1000.yaml
{ header; gen_rules 1000; } >"$P1000"
chmod 0644 "$P50" "$P1000"

# Sanity first, so that a broken setup fails with the gateway's own words
# rather than as a hyperfine error.
for p in "$P" "$P50" "$P1000"; do
	"$DG" --check --policy "$p" >/dev/null ||
		die "$DG --check --policy $p failed (see above)"
done
SSH_ORIGINAL_COMMAND='docker ps' "$DG" --policy "$P" --role bench ||
	die "gateway run of 'docker ps' failed (status $?)"
EXPLAIN="docker run --rm -v data:/data alpine echo hi"
"$DG" --explain --policy "$P50" --role bench "$EXPLAIN" >/dev/null ||
	die "--explain '$EXPLAIN' did not allow (status $?)"

SUDO=
if command -v sudo >/dev/null 2>&1 && sudo -n /usr/bin/true 2>/dev/null; then
	SUDO=yes
else
	echo "bench: sudo -n /usr/bin/true does not work here; skipped" >&2
fi

HF="hyperfine -N --warmup $WARMUP --runs $RUNS --style basic"

# (a) overhead.  -N: no intermediate shell; hyperfine splits the words.
# SSH_ORIGINAL_COMMAND is in hyperfine's own environment, as sshd would
# put it in the gateway's: an "env VAR=... dockergate" in the command
# would time a third exec that is not the gateway's.  true and sudo (which
# resets the environment) do not read it.
SSH_ORIGINAL_COMMAND='docker ps'
export SSH_ORIGINAL_COMMAND
if [ -n "$SUDO" ]; then
	$HF --export-markdown "$OUT/bench-overhead.md" \
	    -n dockergate "$DG --policy $P --role bench" \
	    -n direct /usr/bin/true \
	    -n floor "$FLOOR" \
	    -n sudo "sudo -n /usr/bin/true"
else
	$HF --export-markdown "$OUT/bench-overhead.md" \
	    -n dockergate "$DG --policy $P --role bench" \
	    -n direct /usr/bin/true \
	    -n floor "$FLOOR"
fi
unset SSH_ORIGINAL_COMMAND

# (b) decision only, 50 rules.
$HF --export-markdown "$OUT/bench-explain.md" \
    -n explain-50 "$DG --explain --policy $P50 --role bench '$EXPLAIN'"

# (c) policy validation, 1000 rules.
$HF --export-markdown "$OUT/bench-check.md" \
    -n check-1000 "$DG --check --policy $P1000"

# (d) peak RSS (ru_maxrss of the process tree that time waited for).
rss() {
	/usr/bin/time -v -o "$DIR/time.out" "$@" >/dev/null 2>&1 || true
	sed -n 's/.*Maximum resident set size (kbytes): //p' "$DIR/time.out"
}
{
	echo "| command | peak RSS (KiB) |"
	echo "|:---|---:|"
	echo "| /usr/bin/true | $(rss /usr/bin/true) |"
	echo "| dockergate docker ps | $(rss env SSH_ORIGINAL_COMMAND='docker ps' \
	    "$DG" --policy "$P" --role bench) |"
	echo "| dockergate --explain (50 rules) | $(rss "$DG" --explain \
	    --policy "$P50" --role bench "$EXPLAIN") |"
	echo "| dockergate --check (1000 rules) | $(rss "$DG" --check \
	    --policy "$P1000") |"
} >"$OUT/bench-rss.md"

echo
echo "== summary ($RUNS runs, $WARMUP warmup; $(nproc) cores, $(uname -r))"
for f in overhead explain check rss; do
	echo
	echo "### $f"
	cat "$OUT/bench-$f.md"
done
echo
echo "audit records written: $(wc -l <"$DIR/audit.jsonl")"
