#!/bin/bash
# An allowed `docker run` gives the container's stdout and exit status
# unchanged (DESIGN §4.2: docker's own status).
. "$(dirname "$0")/lib.sh"
t_begin "allowed run: stdout and exit status pass through"
ai "docker run --rm dgtest sh -c 'echo hi; exit 3'"
expect_rc 3
expect_out hi
expect_err_empty
ai "docker run --rm alpine echo ok"
expect_rc 0
expect_out ok
expect_err_empty
t_end
