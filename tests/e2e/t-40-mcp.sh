#!/bin/bash
# Issue 19: the gateway as an MCP server over SSH.  A client that is not
# ours (the official MCP TypeScript SDK, tests/mcp/client.mjs) connects
# through the real sshd with `ssh ... mcp` as its server command: tools and
# schemas, allowed and denied calls, no TTY, protocol errors, the escape
# catalogue (every line refused, docker never started: no exit record in
# that session), many calls at once, cancellation; then raw JSON-RPC from
# the shell: malformed JSON, a message over MCP_MSG_MAX, batches (a
# 2025-03-26 session receives them), nothing but protocol on stdout; and a client killed mid-call.  Each leaves the host
# in order: no process of the account, no running container, an exit
# record for every call that ran.
. "$(dirname "$0")/lib.sh"
t_begin "MCP over ssh: SDK client, escapes, parallel, cancel, raw protocol, vanished client"
CLIENT=$E2E_ROOT/tests/mcp/client.mjs
command -v node >/dev/null || { fail "node is required (tests/deps.sh)"; t_end; }
[ -d "$E2E_ROOT/tests/mcp/node_modules/@modelcontextprotocol/sdk" ] ||
    { fail "the MCP SDK is not installed: run tests/deps.sh"; t_end; }
ssh_base "$KEY_AI"
MCP_AI=("${SSH[@]}" -T "$U_AI@127.0.0.1" mcp)
tag=dgt40-$$

# mcp_client SCENARIO ARGS...: the SDK client against the account's gateway
mcp_client() {
	LAST="node client.mjs $*  (ssh $U_AI@127.0.0.1 mcp)"
	timeout 120 node "$CLIENT" "$@" -- "${MCP_AI[@]}" >"$OUT" 2>"$ERR"
	RC=$?
	cat "$OUT"
	[ "$RC" = 0 ] || fail "client scenario $1 (status $RC)"
}

# audit_q PYTHON-EXPR: evaluate over the audit records (list `recs`)
audit_q() {
	"$PY" - "$AUDIT" "$1" <<-'EOF'
	import json, sys
	recs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
	print(eval(sys.argv[2]))
	EOF
}

# ------------------------------------------------------------- the SDK
rdocker tag dgtest local/base >/dev/null || fail "cannot tag local/base"
mcp_client basic
rdocker image inspect local/mcp-built >/dev/null 2>&1 ||
    fail "the build through MCP made no image"
rdocker image inspect local/mcp-remote >/dev/null 2>&1 &&
    fail "the refused build made an image"
rdocker rmi -f local/mcp-built >/dev/null 2>&1
# every call of the session: decision with session and rpc_id, and an exit
# record for each allowed one
n=$(audit_q "len([r for r in recs if r['event']=='decision' and 'rpc_id' in r and r['user']=='$U_AI'])")
[ "$n" -ge 15 ] || fail "decision records with rpc_id: $n"
bad=$(audit_q "[ (r['session'], r['rpc_id']) for r in recs if r['event']=='decision' and r.get('rpc_id') is not None and r['decision']=='allow' and r['reason']!='help' and not any(x['event']=='exit' and x['session']==r['session'] and x.get('rpc_id')==r['rpc_id'] for x in recs)]")
[ "$bad" = "[]" ] || fail "allowed MCP calls without an exit record: $bad"
n=$(audit_q "len(set(r['session'] for r in recs if r.get('rpc_id') is not None))")
[ "$n" = 1 ] || fail "one MCP session should be one audit session, saw $n"

# ----------------------------------------------- the escape catalogue
d=$T/policy
mkdir -p -m 0755 "$d"
e2e_write_example "$E2E_ROOT/policy/ai-worker.yaml" "$d/ai-worker.yaml"
ssh-keygen -q -t ed25519 -N '' -C dg-e2e-mcp -f "$T/key" || fail "ssh-keygen"
printf 'restrict,command="%s --policy %s --role ai-worker" %s\n' \
    "$DGW" "$d/ai-worker.yaml" "$(cat "$T/key.pub")" >>"$W/authorized_keys/$U_CI"
before=$(wc -l <"$AUDIT")
ssh_base "$T/key"
LAST="node client.mjs escapes (ssh $U_CI@127.0.0.1 mcp, role ai-worker)"
timeout 140 node "$CLIENT" escapes "$E2E_ROOT/tests/escapes/escapes.txt" \
    "$(printf 'FROM local/base\nRUN echo hi\nCOPY . /x\n')" -- \
    "${SSH[@]}" -T "$U_CI@127.0.0.1" mcp >"$OUT" 2>"$ERR"
RC=$?
tail -n 3 "$OUT"
[ "$RC" = 0 ] || fail "escape catalogue through MCP"
# docker never started: every decision of that session a denial, no exit
# record in it
tail -n +"$((before + 1))" "$AUDIT" >"$T/escapes.jsonl"
"$PY" - "$T/escapes.jsonl" <<-'EOF' || fail "escape session: docker started"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
mine = [r for r in recs if r.get("role") == "ai-worker" and "rpc_id" in r]
sess = {r["session"] for r in mine}
exits = [r for r in recs if r["event"] == "exit" and r["session"] in sess
         and "rpc_id" in r]
allows = [r for r in mine if r["decision"] != "deny"]
print("escape session: %d decisions, %d exit records, %d allows" %
      (len(mine), len(exits), len(allows)))
sys.exit(0 if len(mine) > 400 and not exits and not allows and
         len(sess) == 1 else 1)
EOF
ssh_base "$KEY_AI"

# --------------------------------------------------- parallel, cancel
mcp_client parallel 24
mcp_client cancel "$tag-cancel"
id=$(audit_q "[ (r['session'], r['rpc_id']) for r in recs if r['event']=='decision' and '$tag-cancel' in r['command'] and 'docker run' in r['command']]")
ex=$(audit_q "[ x for x in recs for r in recs if r['event']=='decision' and '$tag-cancel' in r['command'] and 'docker run' in r['command'] and x['event']=='exit' and x['session']==r['session'] and x.get('rpc_id')==r['rpc_id']]")
[ "$ex" != "[]" ] || fail "cancelled call $id: no exit record"
[ -z "$(rdocker ps -q --filter "name=$tag-cancel")" ] ||
    fail "the cancelled calls' containers still run"

# the policy's timeout per call (role slow: timeout 2s)
ssh_base "$KEY_TO"
LAST="node client.mjs timeout (ssh $U_CI@127.0.0.1 mcp, role slow)"
timeout 60 node "$CLIENT" timeout -- "${SSH[@]}" -T "$U_CI@127.0.0.1" mcp \
    >"$OUT" 2>"$ERR"
RC=$?
cat "$OUT"
[ "$RC" = 0 ] || fail "client scenario timeout (status $RC)"
ssh_base "$KEY_AI"

# --------------------------------------------------- raw JSON-RPC
init='{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-03-26","capabilities":{},"clientInfo":{"name":"sh","version":"1"}}}'
{
	printf '%s\n' "$init" '{"jsonrpc":"2.0","method":"notifications/initialized"}'
	printf '%s\n' '{"jsonrpc":"2.0","id":1,"method":' 'null' '[1,2]'
	printf '{"jsonrpc":"2.0","id":2,"method":"ping","pad":"'
	head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' a
	printf '"}\n'
	printf '%s\n' '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"docker","arguments":{"command":["docker","ps"]}}}'
	printf '%s\n' '{"jsonrpc":"2.0","id":4,"method":"nope"}' '{"jsonrpc":"2.0","id":5,"method":"ping"}'
	# 2025-03-26 receives batches: one array of answers, none for a notification
	printf '%s\n' '[{"jsonrpc":"2.0","id":6,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/initialized"},{"jsonrpc":"2.0","id":7,"method":"nope"}]'
} >"$T/raw.in"
LAST="raw JSON-RPC lines | ssh $U_AI@127.0.0.1 mcp"
timeout 60 "${MCP_AI[@]}" <"$T/raw.in" >"$OUT" 2>"$ERR"
RC=$?
[ "$RC" = 0 ] || fail "raw session: status $RC"
"$PY" - "$OUT" <<-'EOF' || fail "raw session: wrong answers"
import json, sys
lines = open(sys.argv[1], "rb").read().split(b"\n")
assert lines[-1] == b"", "stdout does not end with a newline"
msgs = [json.loads(l) for l in lines[:-1]]   # only protocol on stdout
one = lambda m: (m.get("id"), m.get("error", {}).get("code"))
flat = [x for m in msgs for x in (m if isinstance(m, list) else [m])]
assert all(m.get("jsonrpc") == "2.0" for m in flat), msgs
got = [sorted(map(one, m), key=repr) if isinstance(m, list) else one(m)
       for m in msgs]
# [1,2] is a batch of two non-objects: two errors in one array
want = [(0, None), (None, -32700), (None, -32700),
        [(None, -32600), (None, -32600)], (None, -32600), (3, -32602),
        (4, -32601), (5, None), [(6, None), (7, -32601)]]
print("raw answers:", got)
assert got == want, "want %r" % (want,)
assert msgs[0]["result"]["protocolVersion"] == "2025-03-26"
EOF

# ------------------------------------------- a client killed mid-call
mkfifo "$T/in"
"${MCP_AI[@]}" <"$T/in" >"$T/vanish.out" 2>"$T/vanish.err" &
sshpid=$!
exec 7>"$T/in"
printf '%s\n' "$init" '{"jsonrpc":"2.0","method":"notifications/initialized"}' \
    "{\"jsonrpc\":\"2.0\",\"id\":\"v1\",\"method\":\"tools/call\",\"params\":{\"name\":\"docker\",\"arguments\":{\"command\":\"docker run --name $tag-vanish dgtest sleep 300\"}}}" >&7
for ((i = 0; i < 100; i++)); do
	[ -n "$(rdocker ps -q --filter "name=$tag-vanish")" ] && break
	sleep 0.2
done
[ -n "$(rdocker ps -q --filter "name=$tag-vanish")" ] ||
    fail "vanish: the call's container never ran ($(head -c 300 "$T/vanish.err"))"
kill -KILL "$sshpid"
wait "$sshpid" 2>/dev/null
exec 7>&-
left="x"
for ((i = 0; i < 150; i++)); do
	left=$(pgrep -u "$U_AI" -a -f 'docker|dockergate')
	[ -z "$left" ] && [ -z "$(rdocker ps -q --filter "name=$tag-vanish")" ] && break
	sleep 0.2
done
[ -z "$left" ] || fail "processes of $U_AI 30s after the client was killed: $left"
[ -z "$(rdocker ps -q --filter "name=$tag-vanish")" ] ||
    fail "the vanished client's container still runs"
ex=$(audit_q "len([x for x in recs for r in recs if r['event']=='decision' and '$tag-vanish' in r['command'] and x['event']=='exit' and x['session']==r['session'] and x.get('rpc_id')=='v1'])")
[ "$ex" = 1 ] || fail "vanished client: exit records for its call: $ex"

# --------------------------------------------------------- in order
left=$(pgrep -u "$U_AI" -a -f 'docker|dockergate')
[ -z "$left" ] || fail "processes of $U_AI left: $left"
left=$(pgrep -u "$U_CI" -a -f 'docker|dockergate')
[ -z "$left" ] || fail "processes of $U_CI left: $left"
run=$(rdocker ps -q)
[ -z "$run" ] || fail "containers still running: $run"
rdocker rm -f "$tag-cancel" "$tag-cancel-other" "$tag-vanish" >/dev/null 2>&1
t_end
