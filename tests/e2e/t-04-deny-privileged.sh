#!/bin/bash
# A denied command exits 77 with one "dockergate: " line naming the reason,
# and nothing reaches the daemon.
. "$(dirname "$0")/lib.sh"
t_begin "--privileged denied with 77, no container created"
before=$(containers)
ai "docker run --privileged dgtest true"
expect_rc 77
expect_dg_line '--privileged'
[ ! -s "$OUT" ] || fail "stdout: expected empty"
after=$(containers)
[ "$before" = "$after" ] || fail "a container was created: $(comm -13 <(echo "$before") <(echo "$after"))"
t_end
