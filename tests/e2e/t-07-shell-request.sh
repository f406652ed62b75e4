#!/bin/bash
# No command (a shell request): the role's commands, "interactive login is
# not available", status 1 (§4.1).
. "$(dirname "$0")/lib.sh"
t_begin "shell request refused with 1"
ai
expect_rc 1
expect_dg_line 'interactive login is not available'
grep -Eq 'docker (ps|container (ls|list))\b' "$OUT" ||
    fail "stdout: expected the role's commands (ps / container ls) listed"
# a forced tty request gets no pty either (PermitTTY no): ssh gives up or
# the gateway refuses as above; never a shell.
ssh_base "$KEY_AI"
LAST="ssh -tt $U_AI@127.0.0.1 (no command)"
timeout 30 "${SSH[@]}" -tt "$U_AI@127.0.0.1" </dev/null >"$OUT" 2>"$ERR"
RC=$?
[ "$RC" != 0 ] || fail "ssh -tt: expected failure"
grep -q 'PTY allocation request failed' "$ERR" || fail "ssh -tt: expected the pty request to be refused"
t_end
