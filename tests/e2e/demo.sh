#!/bin/bash
# tests/e2e/demo.sh (make demo): the same private dockerd + sshd as the e2e
# suite, then an allowed command, a denied one with its reason, and the audit
# records they produced.  Needs root; cleans up on exit.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
. "$(dirname "$0")/lib.sh"
e2e_setup
T=$W/tmp/demo OUT=$T/out ERR=$T/err
mkdir -p "$T"

# show CMD: print the ssh command line, run it, print its output and status
show() {
	printf "\n\$ ssh %s@host '%s'\n" "$U_AI" "$1"
	ai "$1"
	cat "$OUT" "$ERR"
	printf '[exit status %s]\n' "$RC"
}

echo "== dockergate demo: sshd on 127.0.0.1:$PORT, ForceCommand $DGW"
echo "== policy $POLICY (role $U_AI):"
sed -n "/^  $U_AI:/,/^  agent:/p" "$POLICY" | sed '$d'
show "docker run --rm alpine echo hello from a container"
show "docker run --rm -v /:/host alpine chroot /host id"
show "docker ps; id"
printf '\n== audit records (%s):\n' "$AUDIT"
cat "$AUDIT"
echo
