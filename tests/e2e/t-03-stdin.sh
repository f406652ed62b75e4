#!/bin/bash
# stdin streams through sshd, the gateway and docker run -i (§4.5).
. "$(dirname "$0")/lib.sh"
t_begin "stdin streams into docker run -i"
mkdir -p "$T"
printf 'abc\n' >"$T/in"
STDIN_FILE=$T/in ai "docker run --rm -i dgtest cat"
expect_rc 0
expect_out abc
expect_err_empty
# a larger stream, byte-exact
head -c 300000 /dev/urandom | od -An -tx1 >"$T/big"
STDIN_FILE=$T/big ai "docker run --rm -i dgtest cat"
expect_rc 0
cmp -s "$T/big" "$OUT" || fail "stdout: 300 kB stream did not come back byte-exact ($(wc -c <"$OUT") of $(wc -c <"$T/big") bytes)"
t_end
