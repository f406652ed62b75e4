#!/bin/sh
# tests/bench/quota.sh: what a max_containers check costs (issue 16).
# Against a private dockerd (tests/daemon.sh), with docker.binary
# /usr/bin/true so that nothing is created: forced-mode `docker create`
# under an own: true rule (A) and the same rule with max_containers (B:
# the lock, one Engine request, the holder process), timed together by
# hyperfine in one run, so that both see the same phase of a machine whose
# speed drifts; ROUNDS such runs, each printed as A and B's means, their
# difference and ratio, then the median difference and ratio.  Needs root
# and hyperfine; run under `flock /tmp/dg-heavy.lock`.
# Environment: ROUNDS (5), RUNS (200), WARMUP (20), PREPARE (a command
# hyperfine runs before each timed run, e.g. "sleep 0.05": the previous
# run's lock holder has then let go, so no run waits for it).
SUITE=bench-quota
. tests/daemon.sh
ROUNDS=${ROUNDS:-5}
RUNS=${RUNS:-200}
WARMUP=${WARMUP:-20}
command -v hyperfine >/dev/null || die "hyperfine not installed"
start_daemons
made=
if [ ! -d /run/dockergate/locks ]; then
	mkdir -p -m 0755 /run/dockergate &&
	    mkdir -m 1733 /run/dockergate/locks || die "lock directory"
	made=1
fi
{
	policy_header | sed 's|binary: .*|binary: /usr/bin/true|'
	cat <<-'YAML'
	  own:
	    allow:
	      - command: create
	        own: true
	  quota:
	    allow:
	      - command: create
	        own: true
	        max_containers: 1000
	YAML
} >"$W/policy.yaml"
chmod 644 "$W/policy.yaml"
SSH_ORIGINAL_COMMAND='docker create dgtest true'
export SSH_ORIGINAL_COMMAND
for r in own quota; do
	"$DG" --policy "$W/policy.yaml" --role $r >/dev/null ||
	    die "role $r: the gateway refused (status $?)"
done
i=1
while [ "$i" -le "$ROUNDS" ]; do
	hyperfine -N --warmup "$WARMUP" --runs "$RUNS" --style none \
	    ${PREPARE:+--prepare "$PREPARE"} --export-csv "$W/round.csv" \
	    -n own "$DG --policy $W/policy.yaml --role own" \
	    -n quota "$DG --policy $W/policy.yaml --role quota" >/dev/null ||
	    die "hyperfine failed"
	# command,mean,stddev,median,user,system,min,max (seconds)
	awk -F, 'NR > 1 { m[$1] = $2; d[$1] = $4; n[$1] = $7 }
	    END { printf "round: own %.2f quota %.2f +%.2f %.2fx %.2f " \
		"(ms: means, cost, ratio, cost of the medians; min %.2f " \
		"%.2f)\n", m["own"] * 1000, m["quota"] * 1000,
		(m["quota"] - m["own"]) * 1000, m["quota"] / m["own"],
		(d["quota"] - d["own"]) * 1000, n["own"] * 1000,
		n["quota"] * 1000 }' \
	    "$W/round.csv" | tee -a "$W/rounds"
	i=$((i + 1))
done
# The medians over the rounds: of the cost, of the ratio, and of the
# per-run medians' difference (less swayed by a run that waited on the
# lock the previous run's holder still had).
for col in 6 7 8; do
	tr -s ' +x()' ' ' <"$W/rounds" | cut -d' ' -f"$col" | sort -n |
	    awk -v c="$col" '{ v[NR] = $1 }
		END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		    split("cost of the check (ms),ratio quota/own,median-run cost (ms)", t, ",")
		    printf "median %s: %.2f\n", t[c - 5], m }'
done
if [ -n "$made" ]; then
	rm -rf /run/dockergate/locks
	rmdir /run/dockergate
fi
