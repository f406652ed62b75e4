#!/bin/bash
# Issue 16 item 5: cgroup_parent on a run rule, judged by the daemon.  A
# run gets the rule's --cgroup-parent (HostConfig.CgroupParent, and the
# container's processes in that cgroup); the caller's own --cgroup-parent,
# in every spelling, is refused (risk class kernel, and by the rule itself
# where the rule opts into that class) and creates nothing.  The value is a
# relative cgroup path under the test daemon's own parent (cleaned up with
# it); with the systemd cgroup driver a slice name is used instead, which
# that driver requires.  (Run as the account through runuser, exactly as
# sshd would start it.)
. "$(dirname "$0")/lib.sh"
t_begin "cgroup_parent: injected into every run, the caller's refused"
d=$W/cgparent
mkdir -m 0755 "$d"
driver=$(rdocker info --format '{{.CgroupDriver}}')
case $driver in
cgroupfs) parent=${W##*/}/agents ;;
systemd) parent=dgtest-agents-${W##*.}.slice ;;
*) fail "unknown cgroup driver \"$driver\"" ;;
esac
cat >"$d/roles.yaml" <<YAML
roles:
  dgcg:
    allow:
      - command: [run, create]
        cgroup_parent: $parent
  dgcgk:
    allow:
      - command: [run, create]
        cgroup_parent: $parent
        unsafe: [kernel]
YAML
e2e_write_example "$d/roles.yaml" "$d/p.yaml"
# cg COMMAND [ROLE]
cg() { as_account "$d/p.yaml" "${2:-dgcg}" "$1"; }
rdocker rm -f cg-run cg-created >/dev/null 2>&1

cg "docker run -d --name cg-run dgtest sleep 1000"
expect_rc 0
got=$(rdocker inspect -f '{{.HostConfig.CgroupParent}}' cg-run)
[ "$got" = "$parent" ] || fail "HostConfig.CgroupParent is \"$got\", want \"$parent\""
pid=$(rdocker inspect -f '{{.State.Pid}}' cg-run)
if [ "$driver" = systemd ]; then want=/${parent}/; else want=/$parent/; fi
grep -qF -- "$want" "/proc/$pid/cgroup" ||
    fail "the container's process is not under $parent: $(cat "/proc/$pid/cgroup")"
grep -F "\"--cgroup-parent=$parent\"" "$AUDIT" >/dev/null ||
    fail "the audit record lacks --cgroup-parent=$parent"

cg "docker create --name cg-created dgtest true"
expect_rc 0
got=$(rdocker inspect -f '{{.HostConfig.CgroupParent}}' cg-created)
[ "$got" = "$parent" ] || fail "create: CgroupParent is \"$got\""

before=$(containers)
for cmd in "docker run -d --cgroup-parent / dgtest true" \
    "docker run -d --cgroup-parent=$parent dgtest true" \
    "docker run -d --cgroup-parent=other dgtest true" \
    "docker container run -d --cgroup-parent '' dgtest true" \
    "docker create --cgroup-parent=system.slice dgtest true"; do
	cg "$cmd"
	expect_rc 77
	expect_dg_line 'risk class kernel'
	# even where the rule opts into the kernel class
	cg "$cmd" dgcgk
	expect_rc 77
	expect_dg_line 'cgroup-parent is set by this rule'
done
[ "$before" = "$(containers)" ] || fail "a refused run created a container"
rdocker rm -f cg-run cg-created >/dev/null
rm -rf "$d"
t_end
