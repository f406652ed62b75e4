#!/bin/sh
# The Nix package, flake and NixOS module (nix/, flake.nix), without nixpkgs:
# every .nix file parses; the module evaluates with the real module system
# (nixpkgs' lib from ../shared/vendor/nixpkgs-lib) and stand-in NixOS
# options (tests/nix/eval.nix); what it generates passes dockergate --check,
# sshd -t and ssh-keygen; its assertions fire on a bad set-up; the flake's
# outputs are what they should be (tests/nix/flake-eval.nix).  Needs
# nix-instantiate (Debian's nix-bin); in CI a missing tool fails.
. tests/lib.sh
LIBPATH=../shared/vendor/nixpkgs-lib/lib
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
for t in nix-instantiate python3 ssh-keygen /usr/sbin/sshd; do
	if ! command -v "$t" >/dev/null 2>&1; then
		echo "nix: missing $t (apt-get install nix-bin openssh-server)"
		[ "${CI:-}" = true ] && { echo "nix: 0 passed, 1 failed"; exit 1; }
		echo "nix: skipped"; exit 0
	fi
done
if [ ! -d "$LIBPATH" ]; then
	echo "nix: missing $LIBPATH"
	[ "${CI:-}" = true ] && { echo "nix: 0 passed, 1 failed"; exit 1; }
	echo "nix: skipped"; exit 0
fi
d=$(dg_secure_dir) || exit 1
trap 'rm -rf "$d"' EXIT
# nix 2.8 warns about a missing nixbld group on every call: not ours.
nixq() { nix-instantiate "$@" 2>"$d/nix.err"; }

for f in flake.nix nix/*.nix tests/nix/*.nix tests/nix/cases/*.nix; do
	if nixq --parse "$f" >/dev/null; then ok; else
		bad "parse $f"; cat "$d/nix.err"; fi
done

# evaluate CASE > $d/CASE.json
evalcase() {
	nixq --eval --strict --json tests/nix/eval.nix --arg libPath "$LIBPATH" \
	    --arg case "./tests/nix/cases/$1.nix" >"$d/$1.json" ||
	    { bad "evaluate $1"; cat "$d/nix.err"; return 1; }
}
# field CASE PYTHON-EXPR: print the expression over the evaluated JSON (j)
field() {
	python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); v=eval(sys.argv[2]); print(v if isinstance(v,str) else "\n".join(v))' "$d/$1.json" "$2"
}

for k in ai ci obs; do
	ssh-keygen -q -t ed25519 -N '' -C "$k@test" -f "$d/key_$k" || exit 1
done
DG_KEY_AI=$(cat "$d/key_ai.pub") DG_KEY_CI=$(cat "$d/key_ci.pub") \
DG_KEY_OBS=$(cat "$d/key_obs.pub") evalcase good || {
	echo "nix: $pass passed, $fail failed"; exit 1; }

[ -z "$(field good 'j["failed"]')" ] && ok ||
    bad "good: assertions failed: $(field good 'j["failed"]')"

# The policy: what the build-time check runs, then the gateway's own load.
field good 'j["policy"]' >"$d/policy.yaml"
chmod 0644 "$d/policy.yaml"
"$DG" --check --content-only --policy /dev/stdin <"$d/policy.yaml" \
    >"$d/out" 2>&1 && ok || { bad "policy: --check --content-only"; cat "$d/out"; }
"$DG" --check --policy "$d/policy.yaml" >"$d/out" 2>&1 && ok ||
    { bad "policy: --check"; cat "$d/out"; }
field good 'j["checkScript"]' |
    grep -- '--check --content-only --policy' >/dev/null &&
    ok || bad "policy: the build does not run --check --content-only"
[ "$(field good 'j["etcMode"]')" = 0644 ] && ok ||
    bad "policy: /etc file is not a copied 0644 file"
field good 'json.loads(j["policy"])["docker"]["binary"]' |
    grep '^/nix/store/.*-docker-.*/bin/docker$' >/dev/null && ok ||
    bad "policy: docker.binary is not the store's docker CLI"
# Every role an account names is decided by the policy as that role.
"$DG" --explain --policy "$d/policy.yaml" --role ai-worker 'docker ps' \
    >/dev/null 2>&1 && ok || bad "policy: ai-worker may not ps"
"$DG" --explain --policy "$d/policy.yaml" --role ci 'docker ps' \
    >/dev/null 2>&1; [ $? = 77 ] && ok || bad "policy: ci may ps"

# The keys: every line parses, carries restrict and the role's command.
field good 'j["keys"]["ai-worker"]' >"$d/keys_ai"
field good 'j["keys"]["ci"]' >"$d/keys_ci"
[ "$(ssh-keygen -l -f "$d/keys_ai" 2>/dev/null | wc -l)" = 1 ] && ok ||
    bad "keys: ai-worker's line does not parse"
[ "$(ssh-keygen -l -f "$d/keys_ci" 2>/dev/null | wc -l)" = 2 ] && ok ||
    bad "keys: ci's lines do not parse"
grep -q '^restrict,command="/nix/store/[^ ]*/bin/dockergate --policy /etc/dockergate/policy.yaml --role ai-worker" ssh-ed25519 ' "$d/keys_ai" &&
    ok || bad "keys: ai-worker: $(cat "$d/keys_ai")"
grep -q -- '--role observer" ssh-ed25519 .* obs@test$' "$d/keys_ci" && ok ||
    bad "keys: ci's observer key lacks its role"
[ "$(grep -c '^restrict,command=' "$d/keys_ci")" = 2 ] && ok ||
    bad "keys: a ci key without restrict,command="

# The account: no password, docker group, never wheel.
[ "$(field good 'j["users"]["ai-worker"]["hashedPassword"]')" = '*' ] && ok ||
    bad "account: password field is not *"
field good 'j["users"]["ai-worker"]["extraGroups"]' | grep -x docker >/dev/null && ok ||
    bad "account: not in docker"
field good 'j["users"]["ai-worker"]["shell"]' | grep '^/nix/store/' >/dev/null && ok ||
    bad "account: shell is not from the store"

# sshd: the Match blocks pass sshd -t, and sshd -T resolves them as meant.
ssh-keygen -q -t ed25519 -N '' -f "$d/hostkey" || exit 1
{
	echo "HostKey $d/hostkey"
	echo "ListenAddress 127.0.0.1"
	echo "UsePAM no"
	field good 'j["sshd"]'
} >"$d/sshd_config"
[ -d /run/sshd ] || { mkdir -m 0755 /run/sshd; made_run_sshd=1; }
/usr/sbin/sshd -t -f "$d/sshd_config" >"$d/out" 2>&1 && ok ||
    { bad "sshd -t"; cat "$d/out"; }
for u in ai-worker ci; do
	/usr/sbin/sshd -T -f "$d/sshd_config" \
	    -C "user=$u,host=client,addr=127.0.0.1" >"$d/T_$u" 2>"$d/out" ||
	    { bad "sshd -T for $u"; cat "$d/out"; }
	for kv in 'disableforwarding yes' 'permittty no' 'permituserrc no' \
	    'allowtcpforwarding no' 'allowstreamlocalforwarding no' \
	    'x11forwarding no' 'permittunnel no' 'passwordauthentication no' \
	    'kbdinteractiveauthentication no' \
	    'authorizedkeysfile /etc/ssh/authorized_keys.d/%u' \
	    'authenticationmethods publickey'; do
		grep -qx "$kv" "$d/T_$u" && ok || bad "sshd -T $u: no '$kv'"
	done
	grep '^pubkeyacceptedalgorithms ' "$d/T_$u" | grep -q cert &&
	    bad "sshd -T $u: certificate logins accepted" || ok
done
[ -n "${made_run_sshd:-}" ] && rmdir /run/sshd
grep -q '^forcecommand .*/bin/dockergate --policy /etc/dockergate/policy.yaml --role ai-worker$' \
    "$d/T_ai-worker" && ok || bad "sshd -T ai-worker: no ForceCommand"
# Per-key roles: sshd's ForceCommand would override every key's command=.
grep -q '^forcecommand /' "$d/T_ci" && bad "sshd -T ci: ForceCommand hides the key roles" || ok

# tmpfiles: the config dir and the audit directory, root-owned.
field good 'j["tmpfiles"]' >"$d/tmpfiles"
grep -qx 'd /etc/dockergate/docker-config 0755 root root -' "$d/tmpfiles" &&
    ok || bad "tmpfiles: no root-owned docker config dir"
grep -q '^d /var/log/dockergate 0755 root root' "$d/tmpfiles" && ok ||
    bad "tmpfiles: no audit directory"
grep -qx 'd /run/dockergate/locks 1733 root root -' "$d/tmpfiles" && ok ||
    bad "tmpfiles: no quota lock directory (max_containers)"
# approvals: the spool's layout, and the policy's dir is the option's
a=/var/lib/dockergate/approvals
grep -qx "d $a 0755 root root -" "$d/tmpfiles" &&
    grep -qx "d $a/requests 1733 root root -" "$d/tmpfiles" &&
    grep -qx "d $a/approved 0755 root root -" "$d/tmpfiles" && ok ||
    bad "tmpfiles: no approvals spool (approval: true)"
[ "$(field good 'json.loads(j["policy"])["approvals"]["dir"]')" = "$a" ] &&
    ok || bad "policy: approvals.dir is not the module's approvalsDir"
# reap.enable: a oneshot service running dockergate reap, and its timer.
case $(field good 'j["reapExec"]') in
/nix/store/*-dockergate-*/bin/dockergate\ reap\ --policy\ /etc/dockergate/policy.yaml) ok ;;
*) bad "reap: ExecStart is '$(field good 'j["reapExec"]')'" ;;
esac
[ "$(field good 'j["reapTimer"]')" = 10min ] && ok ||
    bad "reap: timer interval '$(field good 'j["reapTimer"]')'"

# Assertions fire on a bad set-up.
evalcase bad-role && {
	field bad-role 'j["failed"]' >"$d/failed"
	grep -q 'accounts.agent: role "agent" is not in the policy' "$d/failed" &&
	    ok || bad "assert: unknown account role: $(cat "$d/failed")"
	grep -q 'role "deploy" is not in the policy' "$d/failed" && ok ||
	    bad "assert: unknown key role"
}
evalcase bad-host && {
	field bad-host 'j["failed"]' >"$d/failed"
	for m in 'needs virtualisation.docker.enable' 'must not be in wheel' \
	    'must have no sudo rule'; do
		grep -q "$m" "$d/failed" && ok || bad "assert: '$m' did not fire"
	done
}

# The flake: package, overlay and module, with a stand-in nixpkgs.
if nixq --eval --strict --json tests/nix/flake-eval.nix \
    --arg libPath "$LIBPATH" >"$d/flake.json"; then
	python3 - "$d/flake.json" <<-'EOF' >"$d/out" && ok || { bad "flake"; cat "$d/out"; }
	import json, sys
	j = json.load(open(sys.argv[1]))
	want = {"pname": "dockergate", "doCheck": True, "license": "ISC",
	    "overlayName": "dockergate", "moduleOverlays": 1,
	    "systems": ["aarch64-linux", "x86_64-linux"],
	    "buildInputs": ["libyaml", "jansson", "libssh"],
	    "nativeBuildInputs": ["pkg-config"], "checkInputs": ["cmocka"]}
	bad = [k for k in want if j.get(k) != want[k]]
	assert not bad, "flake outputs differ: %s" % {k: j.get(k) for k in bad}
	assert "make units" in j["checkPhase"], j["checkPhase"]
	assert j["moduleImports"][0].endswith("/nix/module.nix"), j
	assert j["makeFlags"][0].startswith("PREFIX="), j
	EOF
else
	bad "flake: evaluate"; cat "$d/nix.err"
fi

echo "nix: $pass passed, $fail failed"
[ "$fail" = 0 ]
