#!/bin/bash
# Host bind mounts are denied in every spelling (role has mounts: named).
. "$(dirname "$0")/lib.sh"
t_begin "host bind mounts denied (77)"
before=$(containers)
for cmd in "docker run -v /:/h dgtest true" \
    "docker run -itv/:/h dgtest true" \
    "docker run --volume=/:/h dgtest true" \
    "docker run --mount type=bind,source=/,target=/h dgtest true" \
    "docker container run -v /etc:/h:ro dgtest true"; do
	ai "$cmd"
	expect_rc 77
	expect_dg_line
done
# the control: a named volume is allowed by this role
ai "docker run --rm -v dgt05vol:/data dgtest sh -c 'echo x >/data/f && cat /data/f'"
expect_rc 0
expect_out x
after=$(containers)
[ "$before" = "$after" ] || fail "a container was created or left: $(comm -3 <(echo "$before") <(echo "$after"))"
rdocker volume rm dgt05vol >/dev/null 2>&1
t_end
