#!/bin/bash
# Runs last.  The audit file (§4.4): every line one JSON object; every
# request made over ssh by the earlier tests has exactly one decision
# record (or, held for approval and not answered in its session, one held
# record); every executed allow has exactly one exit record with the same
# session, written after it; denials have none.
. "$(dirname "$0")/lib.sh"
t_begin "audit log: valid JSON, one decision per request, exits match"
ai "docker ps"
expect_rc 0
ai "docker run --privileged dgtest true"
expect_rc 77
LAST=""
mkdir -p "$T"
"$PY" - "$AUDIT" "$W/requests.log" >"$T/py" 2>&1 <<'PYEOF'
import collections, json, re, sys
audit, reqlog = sys.argv[1], sys.argv[2]
bad = []
recs = []
with open(audit, 'rb') as f:
    for n, raw in enumerate(f, 1):
        try:
            r = json.loads(raw.decode('utf-8'))
            assert isinstance(r, dict)
        except Exception as e:
            bad.append(f"line {n}: not a JSON object ({e}): {raw[:200]!r}")
            continue
        recs.append((n, r))
if not recs:
    bad.append("audit file is empty")
tsre = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$')
dec, exits, held = {}, collections.defaultdict(list), {}
def key(r):
    # an MCP session (t-40) decides once per call: its JSON-RPC id tells
    # the calls apart; the session itself is one more decision, "mcp"
    rid = r.get('rpc_id')
    return (r.get('session'), None if rid is None else json.dumps(rid))
for n, r in recs:
    for k in ('ts', 'event', 'session'):
        if not isinstance(r.get(k), str) or not r.get(k):
            bad.append(f"line {n}: missing/empty {k}: {r}")
    if not tsre.match(str(r.get('ts', ''))):
        bad.append(f"line {n}: ts not ISO-8601 UTC: {r.get('ts')}")
    if r.get('event') == 'decision':
        for k in ('user', 'role', 'command', 'decision', 'rule', 'reason'):
            if k not in r:
                bad.append(f"line {n}: decision without {k}: {r}")
        if r.get('decision') not in ('allow', 'deny', 'observe'):
            bad.append(f"line {n}: decision is {r.get('decision')!r}")
        if key(r) in dec:
            bad.append(f"line {n}: second decision for session {r['session']} (rpc_id {r.get('rpc_id')})")
        dec[key(r)] = (n, r)
    elif r.get('event') == 'exit':
        exits[key(r)].append((n, r))
        if not (isinstance(r.get('status'), int) or isinstance(r.get('signal'), int)):
            bad.append(f"line {n}: exit without integer status or signal: {r}")
    elif r.get('event') == 'reap':
        # dockergate reap (t-35): one record per container it judged
        if r.get('result') not in ('removed', 'gone', 'failed'):
            bad.append(f"line {n}: reap result is {r.get('result')!r}")
        if not isinstance(r.get('container'), str) or not isinstance(r.get('expires'), int):
            bad.append(f"line {n}: reap without container or expires: {r}")
    elif r.get('event') == 'held':
        # approval: true (t-38): the record of a request held for a person;
        # a decision record follows in the session only if root answered
        if not re.match(r'^[0-9a-f]{16}$', str(r.get('request'))):
            bad.append(f"line {n}: held without a request id: {r}")
        for k in ('user', 'role', 'command', 'argv', 'rule', 'notify'):
            if k not in r:
                bad.append(f"line {n}: held without {k}: {r}")
        held.setdefault(key(r), (n, r))
    elif r.get('event') in ('approved', 'denied'):
        # root's dockergate approve / deny (t-38)
        for k in ('request', 'user', 'role', 'by'):
            if not isinstance(r.get(k), str):
                bad.append(f"line {n}: {r['event']} without {k}: {r}")
    else:
        bad.append(f"line {n}: unknown event {r.get('event')!r}")
for s, (n, r) in dec.items():
    ex = exits.get(s, [])
    # observe (t-39): run although the rules deny it
    executed = r.get('decision') in ('allow', 'observe') and isinstance(r.get('argv'), list) and r['argv']
    # an MCP session: one exit record when it ends
    executed = executed or (r.get('command') == 'mcp' and r.get('reason') == 'mcp session')
    if executed:
        if len(ex) != 1:
            bad.append(f"line {n}: allowed {r.get('command')!r}: {len(ex)} exit records (want 1)")
        elif ex[0][0] < n:
            bad.append(f"line {n}: exit record before its decision")
    elif ex:
        bad.append(f"line {n}: {r.get('decision')} {r.get('command')!r} has {len(ex)} exit records (want 0)")
for s, ex in exits.items():
    if s not in dec:
        bad.append(f"line {ex[0][0]}: exit record without a decision (session {s[0]}, rpc_id {s[1]})")
# requests the harness made: (user, command) -> count
want = collections.Counter()
with open(reqlog, encoding='utf-8') as f:
    for l in f:
        user, cmd = l.rstrip('\n').split('\t', 1)
        want[(user, cmd)] += 1
# a request held and never answered in its session has only its held record
answered = dict(held)
answered.update(dec)
# (the calls of an MCP session are not the harness's requests: t-40
# counts its own)
got = collections.Counter((r.get('user'), r.get('command'))
                          for n, r in answered.values() if 'rpc_id' not in r)
for k, c in sorted(want.items()):
    if got[k] != c:
        bad.append(f"request {k[1]!r} by {k[0]}: sent {c}x, {got[k]} decision record(s)")
print(f"{len(recs)} records, {len(dec)} decisions, {sum(len(v) for v in exits.values())} exits, {sum(want.values())} requests")
for b in bad[:40]:
    print("BAD:", b)
sys.exit(1 if bad else 0)
PYEOF
rc=$?
sed 's/^/  /' "$T/py"
[ "$rc" = 0 ] || fail "audit checks failed (above)"
t_end
