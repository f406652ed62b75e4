#!/bin/bash
# Issue 16: the example ai-worker policy's run limits, judged by the daemon.
# A run that sets nothing gets the defaults (HostConfig.Memory, PidsLimit,
# NanoCpus, the json-file max-size); a tmpfs without a size gets the
# tmpfs-size cap (HostConfig.Tmpfs, HostConfig.Mounts); values within the
# caps are kept; every spelling over a cap is refused and creates nothing.  (Run as the account
# through runuser, exactly as sshd would start it.)
. "$(dirname "$0")/lib.sh"
t_begin "limits: defaults reach the daemon, over-the-cap spellings denied"
d=$W/limits
mkdir -m 0755 "$d"
e2e_write_example "$E2E_ROOT/policy/ai-worker.yaml" "$d/p.yaml"
lim() { as_account "$d/p.yaml" ai-worker "$1"; }
hc() { rdocker inspect -f "$2" "$1"; }
rdocker rm -f lim-def lim-set lim-tmp >/dev/null 2>&1

lim "docker run -d --name lim-def dgtest sleep 1000"
expect_rc 0
[ "$(hc lim-def '{{.HostConfig.Memory}}')" = 536870912 ] ||
    fail "default memory: $(hc lim-def '{{.HostConfig.Memory}}')"
[ "$(hc lim-def '{{.HostConfig.PidsLimit}}')" = 256 ] ||
    fail "default pids: $(hc lim-def '{{.HostConfig.PidsLimit}}')"
[ "$(hc lim-def '{{.HostConfig.NanoCpus}}')" = 1000000000 ] ||
    fail "default cpus: $(hc lim-def '{{.HostConfig.NanoCpus}}')"
[ "$(hc lim-def '{{index .HostConfig.LogConfig.Config "max-size"}}')" = \
    10485760 ] || fail "default log max-size: $(hc lim-def \
    '{{index .HostConfig.LogConfig.Config "max-size"}}')"
grep -F '"--memory=512m","--cpus=1","--pids-limit=256","--log-opt=max-size=10485760"' \
    "$AUDIT" >/dev/null ||
    fail "the audit record lacks the injected defaults"

lim "docker run -d --name lim-set -m2g --memory-swap=4g --pids-limit 0x400 --cpus 2 --shm-size 256m --tmpfs /t:size=256m dgtest sleep 1000"
expect_rc 0
[ "$(hc lim-set '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.PidsLimit}} {{.HostConfig.NanoCpus}} {{.HostConfig.ShmSize}}')" = \
    "2147483648 4294967296 1024 2000000000 268435456" ] ||
    fail "values within the caps: $(hc lim-set '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.PidsLimit}} {{.HostConfig.NanoCpus}} {{.HostConfig.ShmSize}}')"

# No size: the cap (256m) in bytes, other options kept, in both syntaxes.
lim "docker run -d --name lim-tmp --tmpfs /t:rw,mode=1777 --mount type=tmpfs,dst=/m dgtest sleep 1000"
expect_rc 0
[ "$(hc lim-tmp '{{index .HostConfig.Tmpfs "/t"}}')" = \
    rw,mode=1777,size=268435456 ] ||
    fail "tmpfs size: $(hc lim-tmp '{{json .HostConfig.Tmpfs}}')"
[ "$(hc lim-tmp '{{range .HostConfig.Mounts}}{{.Target}}={{.TmpfsOptions.SizeBytes}}{{end}}')" = \
    /m=268435456 ] ||
    fail "mount tmpfs-size: $(hc lim-tmp '{{json .HostConfig.Mounts}}')"
grep -F '"--tmpfs=/t:rw,mode=1777,size=268435456","--mount=type=tmpfs,dst=/m,tmpfs-size=268435456"' \
    "$AUDIT" >/dev/null || fail "the audit record lacks the tmpfs sizes"

before=$(containers)
for cmd in "docker run -d -m 3g dgtest true" \
    "docker run -d --memory=-1 dgtest true" \
    "docker run -d -itm3G dgtest true" \
    "docker run -d --memory-swap -1 -m 1g dgtest true" \
    "docker run -d --cpus 2.5 dgtest true" \
    "docker run -d --cpu-quota 400000 --cpu-period 100000 dgtest true" \
    "docker run -d --pids-limit -1 dgtest true" \
    "docker run -d --pids-limit=0 dgtest true" \
    "docker run -d --shm-size 64g dgtest true" \
    "docker run -d --tmpfs /t:size=257m dgtest true" \
    "docker run -d --tmpfs /t --tmpfs /u:size=0 dgtest true" \
    "docker run -d --mount type=tmpfs,dst=/t,tmpfs-size=1g dgtest true" \
    "docker container run -d --memory 2049m dgtest true"; do
	lim "$cmd"
	expect_rc 77
	expect_dg_line 'over the cap|no limit|has no size'
done
[ "$before" = "$(containers)" ] || fail "a refused run created a container"
rdocker rm -f lim-def lim-set lim-tmp >/dev/null
rm -rf "$d"
t_end
