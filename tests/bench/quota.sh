#!/bin/sh
# tests/bench/quota.sh: what a max_containers check costs (issue 16).
# Against a private dockerd (tests/daemon.sh), with docker.binary
# /usr/bin/true so that nothing is created: forced-mode `docker create`
# under an own: true rule (A) and the same rule with max_containers (B:
# the lock, one Engine request, the holder process), timed together by
# hyperfine.  Needs root and hyperfine; run under `flock /tmp/dg-heavy.lock`.
# Environment: RUNS (200), WARMUP (20).
SUITE=bench-quota
. tests/daemon.sh
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
hyperfine -N --warmup "$WARMUP" --runs "$RUNS" \
    -n own "$DG --policy $W/policy.yaml --role own" \
    -n quota "$DG --policy $W/policy.yaml --role quota"
if [ -n "$made" ]; then
	rm -rf /run/dockergate/locks
	rmdir /run/dockergate
fi
