#!/bin/sh
# tests/bench/ab.sh OLD NEW: is NEW's forced mode faster than OLD's?
#
# On a machine whose speed drifts within minutes, two separate benchmark
# runs compare the machine with itself.  This alternates ROUNDS short
# hyperfine runs, each timing bare exec of /usr/bin/true, OLD, NEW and the
# floor wrapper together, and prints each round's means as multiples of
# the bare exec, then the median multiple of each.  OLD and NEW are two
# dockergate binaries (e.g. one built from the previous commit with
# `make BUILD=/tmp/old`).  Needs root, hyperfine and GNU time, as run.sh.
# Environment: ROUNDS (8), RUNS (150), WARMUP (10).
set -eu

[ $# -eq 2 ] || {
	echo "usage: sh tests/bench/ab.sh OLD NEW" >&2
	exit 2
}
OLD=$1
NEW=$2
ROUNDS=${ROUNDS:-8}
RUNS=${RUNS:-150}
WARMUP=${WARMUP:-10}

. tests/bench/lib.sh
for b in "$OLD" "$NEW"; do
	[ -x "$b" ] || die "$b not found or not executable"
	SSH_ORIGINAL_COMMAND='docker ps' "$b" --policy "$P" --role bench ||
		die "$b: gateway run of 'docker ps' failed (status $?)"
done

SSH_ORIGINAL_COMMAND='docker ps'
export SSH_ORIGINAL_COMMAND
i=1
while [ "$i" -le "$ROUNDS" ]; do
	hyperfine -N --warmup "$WARMUP" --runs "$RUNS" --style none \
	    --export-csv "$DIR/round.csv" \
	    -n true /usr/bin/true \
	    -n old "$OLD --policy $P --role bench" \
	    -n new "$NEW --policy $P --role bench" \
	    -n floor "$FLOOR" >/dev/null
	# command,mean,stddev,median,user,system,min,max (seconds)
	awk -F, 'NR > 1 { m[$1] = $2 }
	    END { printf "round: true %.2f ms, old %.2fx, new %.2fx, floor %.2fx\n",
		m["true"] * 1000, m["old"] / m["true"], m["new"] / m["true"],
		m["floor"] / m["true"] }' "$DIR/round.csv" | tee -a "$DIR/rounds"
	i=$((i + 1))
done
# The median of each column of multiples over the rounds.
for col in old new floor; do
	sed -n "s/.* $col \([0-9.]*\)x.*/\1/p" "$DIR/rounds" | sort -n |
	    awk -v c="$col" '{ v[NR] = $1 }
		END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
		    printf "median %s: %.2fx bare exec\n", c, m }'
done
