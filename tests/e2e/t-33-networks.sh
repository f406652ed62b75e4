#!/bin/bash
# Issue 16 item 4: the example ai-worker policy's networks: none, bridge,
# default.  --network none really leaves the container without a network
# (HostConfig.NetworkMode), other networks and other cases of the same
# names are refused, host and container: stay their risk classes.  (Run as
# the account through runuser, exactly as sshd would start it.)
. "$(dirname "$0")/lib.sh"
t_begin "networks: the listed networks only, in every spelling"
d=$W/networks
mkdir -m 0755 "$d"
e2e_write_example "$E2E_ROOT/policy/ai-worker.yaml" "$d/p.yaml"
net() { as_account "$d/p.yaml" ai-worker "$1"; }
rdocker rm -f net-none net-def >/dev/null 2>&1
rdocker network rm dg-agents-x >/dev/null 2>&1
rdocker network create dg-agents-x >/dev/null || fail "setup network"

net "docker run -d --name net-none --net=none dgtest sleep 1000"
expect_rc 0
[ "$(rdocker inspect -f '{{.HostConfig.NetworkMode}}' net-none)" = none ] ||
    fail "--net=none: $(rdocker inspect -f '{{.HostConfig.NetworkMode}}' net-none)"
net "docker run -d --name net-def dgtest sleep 1000"
expect_rc 0
net "docker run --rm --network name=bridge dgtest true"
expect_rc 0

before=$(containers)
for cmd in "docker run -d --network dg-agents-x dgtest true" \
    "docker run -d --net=dg-agents-x dgtest true" \
    "docker run -d --network name=dg-agents-x dgtest true" \
    "docker run -d --network none --network dg-agents-x dgtest true" \
    "docker run -d --network=NONE dgtest true" \
    "docker run -d --network Bridge dgtest true" \
    "docker run -d --network host dgtest true" \
    "docker run -d --network container:net-def dgtest true"; do
	net "$cmd"
	expect_rc 77
	expect_dg_line 'networks|host-namespaces|other-containers'
done
[ "$before" = "$(containers)" ] || fail "a refused run created a container"
[ -z "$(rdocker network inspect -f '{{range .Containers}}x{{end}}' dg-agents-x)" ] ||
    fail "a container joined dg-agents-x"
rdocker rm -f net-none net-def >/dev/null
rdocker network rm dg-agents-x >/dev/null
rm -rf "$d"
t_end
