#!/bin/bash
# The decision cases marked e2e in tests/data/decide (tests/README.md), end
# to end: each over ssh to the real sshd, as a key whose forced command is
# the gateway with that case file's policy (its roles under this harness's
# docker and audit sections) and role, against the private dockerd.  An
# allowed case must exit 0 and its audit record's argv (less the session's
# own labels) hold the expected text; a denied one must exit 77 (65 for what the parser refuses) with
# one "dockergate: " line holding it; an unavailable one 69.
. "$(dirname "$0")/lib.sh"
t_begin "decision cases marked e2e, over ssh"
TC=$E2E_ROOT/${BUILD:-build}/test_cases
d=$W/cases
mkdir -m 0755 "$d"
ak=$W/authorized_keys/$U_CI
cp -p "$ak" "$d/authorized_keys.orig"
# Other tests' keys must work again whatever happens here.
trap 'cp -p "$d/authorized_keys.orig" "$ak"' EXIT

if [ ! -x "$TC" ]; then
	fail "$TC is missing: run make units"
	t_end
fi
"$TC" --e2e "$d" >"$d/list" 2>"$d/list.err" ||
    fail "test_cases --e2e: $(cat "$d/list.err")"
[ -s "$d/list" ] || fail "no case is marked e2e"

# key_for POLICY ROLE: the private key whose forced command is the gateway
# with that policy and role (made on first use).
nkeys=0
key_for() {
	local id
	id=$(printf '%s %s' "$1" "$2" | sha1sum | cut -c1-12)
	KEY=$d/key-$id
	[ -f "$KEY" ] && return 0
	case $1 in /*) src=$1 ;; *) src=$E2E_ROOT/$1 ;; esac
	e2e_write_example "$src" "$d/policy-$id.yaml"
	ssh-keygen -q -t ed25519 -N '' -C "dg-e2e-cases-$id" -f "$KEY" ||
	    e2e_die "ssh-keygen"
	printf 'restrict,command="%s --policy %s --role %s" %s\n' "$DGW" \
	    "$d/policy-$id.yaml" "$2" "$(cat "$KEY.pub")" >>"$ak"
	nkeys=$((nkeys + 1))
}

# The argv of the newest decision record for command $1 (space-joined),
# less the labels only a session adds (its session and the expiry of a
# lifetime: rule), which the unit harness and --explain never see.
audit_argv() {
	"$PY" - "$AUDIT" "$1" <<'PYEOF'
import json, sys
argv = None
for raw in open(sys.argv[1], 'rb'):
    r = json.loads(raw)
    if r.get('event') == 'decision' and r.get('command') == sys.argv[2]:
        argv = r.get('argv')
session = ('--label=dockergate.session=', '--label=dockergate.expires=')
print(' '.join(a for a in argv or [] if not a.startswith(session)))
PYEOF
}

n=0
while IFS=$'\t' read -r where policy role verdict input cmd expect; do
	n=$((n + 1))
	key_for "$policy" "$role"
	STDIN_FILE=/dev/null
	if [ "$input" != - ]; then
		printf '%b' "$input" >"$d/stdin"
		STDIN_FILE=$d/stdin
	fi
	dg_ssh "$KEY" "$U_CI" "$cmd"
	LAST="$LAST  [$where, role $role]"
	case $verdict in
	allow)
		expect_rc 0 || continue
		a=$(audit_argv "$cmd")
		case $a in
		*"$expect"*) ;;
		*) fail "$where: audit argv '$a' lacks '$expect'" ;;
		esac
		;;
	deny)
		expect_rc 77 65 || continue
		expect_dg_line || continue
		grep -qF -- "$expect" "$ERR" || fail "$where: stderr lacks '$expect'"
		;;
	unavailable)
		expect_rc 69 || continue
		expect_dg_line || continue
		grep -qF -- "$expect" "$ERR" || fail "$where: stderr lacks '$expect'"
		;;
	*)
		fail "$where: verdict $verdict"
		;;
	esac
done <"$d/list"
unset STDIN_FILE
note "$n cases, $nkeys policy/role keys"
[ "$n" -gt 0 ] || fail "ran no case"
t_end
