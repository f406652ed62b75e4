#!/bin/bash
# `help` lists what the role may run; `help --json` is one JSON document.
. "$(dirname "$0")/lib.sh"
t_begin "help and help --json"
ai "help"
expect_rc 0
expect_err_empty
# ps may be listed by its canonical name (container ls): same command
grep -Eq 'docker (ps|container (ls|list))\b' "$OUT" ||
    fail "stdout: expected ps (or container ls) listed"
grep -Eq 'docker ps\b' "$OUT" || note "ps is listed only as 'container ls'"
grep -Eq 'docker (container )?run\b' "$OUT" || fail "stdout: expected run listed"
grep -Eq 'docker (container )?(exec|restart)\b' "$OUT" && fail "stdout: lists a command the role lacks"
ai "help --json"
expect_rc 0
expect_err_empty
"$PY" -c 'import json,sys; json.load(sys.stdin)' <"$OUT" 2>"$T/py" ||
    fail "help --json is not valid JSON: $(cat "$T/py" | tail -n 1)"
grep -Eq '"(ps|container ls|container list)"' "$OUT" ||
    fail "help --json: expected \"ps\" (or \"container ls\")"
dg_ssh "$KEY_OBS" "$U_CI" "help"
expect_rc 0
grep -Eq 'docker (ps|container (ls|list))\b' "$OUT" || fail "observer help: expected ps"
grep -Eq 'docker (container )?run\b' "$OUT" && fail "observer help lists run"
t_end
