#!/bin/bash
# tests/bench/mcp.sh: what one `docker ps` costs through an MCP session
# (issue 19), against a local `docker ps`, a fresh ssh connection with the
# gateway as forced command, and a multiplexed ssh connection (ControlMaster),
# in one run against the e2e world (tests/e2e/lib.sh: private dockerd, sshd
# on 127.0.0.1, a test account).  A benchmark, not a test.
#
# hyperfine times the three command lines; the MCP figure comes from
# tests/mcp/client.mjs (the official SDK): N sequential tools/call of
# `docker ps` in one `ssh ... mcp` session, each timed from request to
# result.  Needs root, hyperfine, node and tests/deps.sh's SDK install;
# run under `flock /tmp/dg-heavy.lock`.  Environment: RUNS (30), CALLS (60).
# Prints one table of medians and the ratios to the local call.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -u
RUNS=${RUNS:-30}
CALLS=${CALLS:-60}
. "$(dirname "$0")/../e2e/lib.sh"
command -v hyperfine >/dev/null || e2e_die "hyperfine not installed"
command -v node >/dev/null || e2e_die "node not installed (tests/deps.sh)"
[ -d "$E2E_ROOT/tests/mcp/node_modules/@modelcontextprotocol/sdk" ] ||
    e2e_die "the MCP SDK is not installed: run tests/deps.sh"
e2e_setup
ssh_base "$KEY_AI"
B=$W/bench
mkdir -p "$B"
ssh_line=$(printf '%q ' "${SSH[@]}")
mux="$ssh_line -o ControlPath=$B/mux"
# the master connection: no command, no session (ssh -N), multiplexing only
"${SSH[@]}" -o ControlMaster=yes -o ControlPath="$B/mux" -o ControlPersist=no \
    -N -f "$U_AI@127.0.0.1" || e2e_die "ssh ControlMaster"

hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$B/h.json" \
    -n local "env DOCKER_CONFIG=$W/root-docker-config $DOCKER_CLI -H unix://$DOCKER_SOCK ps" \
    -n "ssh, fresh connection" "$ssh_line $U_AI@127.0.0.1 'docker ps'" \
    -n "ssh, multiplexed" "$mux $U_AI@127.0.0.1 'docker ps'" >&2 ||
    e2e_die "hyperfine"
node "$E2E_ROOT/tests/mcp/client.mjs" bench "$CALLS" -- "${SSH[@]}" -T \
    "$U_AI@127.0.0.1" mcp >"$B/mcp.out" || e2e_die "MCP client"
# The same session without ssh: the gateway run as the account, locally.
(cd / && node "$E2E_ROOT/tests/mcp/client.mjs" bench "$CALLS" -- runuser -u \
    "$U_AI" -- "$DGW" --policy "$POLICY" --mcp) >"$B/local.out" ||
    e2e_die "MCP client, local"
"${SSH[@]}" -o ControlPath="$B/mux" -O exit "$U_AI@127.0.0.1" 2>/dev/null

"$PY" - "$B/h.json" "$B/mcp.out" "$RUNS" "$CALLS" "$AUDIT" "$B/local.out" <<-'EOF'
import json, statistics, sys
h = json.load(open(sys.argv[1]))["results"]
rows = [(r["command"], statistics.median(r["times"]) * 1000) for r in h]
m = json.loads(open(sys.argv[2]).read().strip().splitlines()[-1])
rows.append(("MCP session over ssh, per call (%s calls)" % sys.argv[4],
             m["median_ms"]))
lm = json.loads(open(sys.argv[6]).read().strip().splitlines()[-1])
rows.append(("MCP session without ssh (dockergate --mcp as the account), "
             "per call", lm["median_ms"]))
local = rows[0][1]
print("docker ps, medians (hyperfine %s runs):" % sys.argv[3])
print("| how | median | vs local |\n|---|---|---|")
for name, ms in rows:
    print("| %s | %.1f ms | %.2fx |" % (name, ms, ms / local))
# Where an MCP call's time goes: docker's own run time in the worker (the
# exit records' duration_ms) against the client's per-call figure.
recs = [json.loads(l) for l in open(sys.argv[5]) if l.strip()]
d = [r["duration_ms"] for r in recs if r["event"] == "exit" and
     r.get("rpc_id") is not None]
if d:
    print("MCP calls: docker ran %.0f ms (median of %d exit records); the "
          "rest, %.0f ms, is the worker's fork, decision and records, the "
          "server and ssh" % (statistics.median(d), len(d),
                              m["median_ms"] - statistics.median(d)))
EOF
