#!/usr/bin/env python3
"""The differential test's judge: gateway verdicts against the daemon.

    run.py DG POLICY ROLE DOCKER SOCK W LINES

LINES holds "KIND<TAB>COMMAND" lines (tests/diff/gen.py).  Each COMMAND is
given to the gateway DG in forced-command mode (SSH_ORIGINAL_COMMAND, cwd
W/allowed/sub).  Every container it creates is inspected through DOCKER on
SOCK and its HostConfig compared with a plain `docker create dgtest`:

  - every bind (HostConfig.Binds, HostConfig.Mounts, the resolved Mounts)
    has a source whose real path is W/allowed or below it;
  - not Privileged; no CapAdd; no Devices, DeviceCgroupRules or
    DeviceRequests;
  - Pid/Ipc/UTS/Userns/Cgroupns/NetworkMode as in the baseline or neither
    "host" nor "container:"; SecurityOpt empty or only no-new-privileges;
  - CgroupParent, Runtime, LogConfig.Type, MaskedPaths, ReadonlyPaths,
    Sysctls, OomKillDisable, OomScoreAdj as in the baseline;
  - no VolumeDriver, no volume driver or driver options in any mount;
  - no VolumesFrom, no Links; no cidfile written on the host;
  - the policy's limits (issue 16): Memory set and at most 1 GiB,
    MemorySwap not -1 and at most twice that, MemoryReservation at most
    1 GiB, at most 2 CPUs (NanoCpus, else CpuQuota / CpuPeriod) and not
    unlimited, PidsLimit set and at most 512, ShmSize at most 64 MiB, every
    tmpfs (HostConfig.Tmpfs size=, Mounts TmpfsOptions.SizeBytes) sized and
    at most 64 MiB.

Lines of KIND "ordinary" must all be created.  Prints each violation and
failure, then the figures and "diff: N passed, N failed" (passed = lines
judged fine).  Exit 1 on any violation or failure.
"""
import json
import os
import subprocess
import sys

BATCH = 40


def docker(cli, sock, *args, check=True):
    p = subprocess.run([cli, "-H", "unix://" + sock] + list(args),
                       capture_output=True, text=True, timeout=120,
                       env={"PATH": "/usr/bin:/bin", "HOME": "/root",
                            "DOCKER_CONFIG": os.environ["DIFF_CFG"]})
    if check and p.returncode != 0:
        raise RuntimeError("docker %s: %s" % (" ".join(args), p.stderr))
    return p.stdout


MIB = 1 << 20
MEMORY_MAX = 1 << 30            # the policy's limits (tests/check-diff.sh)
NANOCPUS_MAX = 2 * 10 ** 9
PIDS_MAX = 512
SHM_MAX = 64 * MIB
TMPFS_MAX = 64 * MIB


def kernel_size(s):
    """A tmpfs size= as the kernel's memparse reads it (decimal only)."""
    mult = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}
    if s and s[-1].lower() in mult:
        return int(s[:-1]) * mult[s[-1].lower()]
    return int(s)


def limit_problems(hc):
    bad = []
    mem = hc.get("Memory") or 0
    if mem <= 0 or mem > MEMORY_MAX:
        bad.append("Memory=%r" % mem)
    swap = hc.get("MemorySwap") or 0
    if swap == -1 or swap > 2 * MEMORY_MAX:
        bad.append("MemorySwap=%r" % swap)
    if (hc.get("MemoryReservation") or 0) > MEMORY_MAX:
        bad.append("MemoryReservation=%r" % hc.get("MemoryReservation"))
    nano, quota = hc.get("NanoCpus") or 0, hc.get("CpuQuota") or 0
    if nano == 0 and quota > 0:
        nano = quota * 10 ** 9 // (hc.get("CpuPeriod") or 100000)
    if nano <= 0 or nano > NANOCPUS_MAX:
        bad.append("cpus NanoCpus=%r CpuQuota=%r CpuPeriod=%r" % (
            hc.get("NanoCpus"), quota, hc.get("CpuPeriod")))
    pids = hc.get("PidsLimit") or 0
    if pids <= 0 or pids > PIDS_MAX:
        bad.append("PidsLimit=%r" % pids)
    if (hc.get("ShmSize") or 0) > SHM_MAX:
        bad.append("ShmSize=%r" % hc.get("ShmSize"))
    for path, opts in (hc.get("Tmpfs") or {}).items():
        sizes = [o[5:] for o in opts.split(",") if o.startswith("size=")]
        if not sizes or any(kernel_size(s) <= 0 or kernel_size(s) >
                            TMPFS_MAX for s in sizes):
            bad.append("tmpfs %s:%s" % (path, opts))
    for m in hc.get("Mounts") or []:
        size = (m.get("TmpfsOptions") or {}).get("SizeBytes") or 0
        if m.get("Type") == "tmpfs" and (size <= 0 or size > TMPFS_MAX):
            bad.append("tmpfs mount %s size %r" % (m.get("Target"), size))
    return bad


def inside(path, root):
    real = os.path.realpath(path)
    return real == root or real.startswith(root + "/")


class Judge:
    def __init__(self, w, base):
        self.w = w
        self.allowed = os.path.realpath(w + "/allowed")
        self.base = base

    def problems(self, c):
        hc = c["HostConfig"]
        base = self.base
        bad = []

        def want_empty(key):
            if hc.get(key):
                bad.append("%s=%r" % (key, hc.get(key)))

        def want_base(key):
            if hc.get(key) != base.get(key):
                bad.append("%s=%r (baseline %r)" % (key, hc.get(key),
                                                    base.get(key)))

        for b in hc.get("Binds") or []:
            src = b.split(":", 1)[0]
            if src.startswith("/") and not inside(src, self.allowed):
                bad.append("bind %s" % b)
        for m in hc.get("Mounts") or []:
            if m.get("Type") == "bind" and not inside(m.get("Source", ""),
                                                      self.allowed):
                bad.append("mount bind %s" % m.get("Source"))
            vo = m.get("VolumeOptions") or {}
            if vo.get("DriverConfig"):
                bad.append("volume driver config %r" % vo["DriverConfig"])
        for m in c.get("Mounts") or []:
            if m.get("Type") == "bind" and not inside(m.get("Source", ""),
                                                      self.allowed):
                bad.append("resolved bind %s" % m.get("Source"))
            if m.get("Type") == "volume" and m.get("Driver") not in (
                    None, "", "local"):
                bad.append("volume driver %s" % m.get("Driver"))
        if hc.get("Privileged"):
            bad.append("Privileged")
        for k in ("CapAdd", "Devices", "DeviceCgroupRules",
                  "DeviceRequests", "VolumesFrom", "Links", "VolumeDriver"):
            want_empty(k)
        for k in ("PidMode", "IpcMode", "UTSMode", "UsernsMode",
                  "CgroupnsMode", "NetworkMode"):
            v = (hc.get(k) or "").lower()
            if v == (base.get(k) or "").lower():
                continue        # cgroup v1 hosts: CgroupnsMode "host"
            if v == "host" or v.startswith("container:"):
                bad.append("%s=%s" % (k, hc.get(k)))
        for s in hc.get("SecurityOpt") or []:
            if not s.startswith("no-new-privileges"):
                bad.append("SecurityOpt %s" % s)
        for k in ("CgroupParent", "Runtime", "MaskedPaths", "ReadonlyPaths",
                  "Sysctls", "OomKillDisable", "OomScoreAdj"):
            want_base(k)
        if (hc.get("LogConfig") or {}).get("Type") != \
                (base.get("LogConfig") or {}).get("Type"):
            bad.append("LogConfig %r" % hc.get("LogConfig"))
        return bad + limit_problems(hc)


def main():
    dg, policy, role, cli, sock, w, lines = sys.argv[1:8]
    os.environ["DIFF_CFG"] = w + "/rootcfg"
    base_id = docker(cli, sock, "create", "dgtest").strip()
    base = json.loads(docker(cli, sock, "inspect", base_id))[0]["HostConfig"]
    docker(cli, sock, "rm", "-f", base_id)
    judge = Judge(w, base)
    fig = {"lines": 0, "ordinary": 0, "allowed": 0, "denied": 0,
           "unparsed": 0, "created": 0, "docker-refused": 0,
           "violations": 0}
    failures = []
    pending = []        # (id, line)

    def flush():
        if not pending:
            return
        ids = [p[0] for p in pending]
        data = json.loads(docker(cli, sock, "inspect", *ids))
        by_id = {d["Id"]: d for d in data}
        for cid, line in pending:
            c = by_id.get(cid)
            if c is None:
                failures.append("cannot inspect %s: %s" % (cid, line))
                continue
            bad = judge.problems(c)
            if bad:
                fig["violations"] += 1
                failures.append("VIOLATION %s\n    line: %s" %
                                ("; ".join(bad), line))
        docker(cli, sock, "rm", "-f", "-v", *ids)
        del pending[:]

    cidfile = w + "/cidfile"
    with open(lines, encoding="utf-8") as f:
        for raw in f:
            kind, line = raw.rstrip("\n").split("\t", 1)
            fig["lines"] += 1
            fig["ordinary"] += kind == "ordinary"
            p = subprocess.run([dg, "--policy", policy, "--role", role],
                               capture_output=True, text=True, timeout=120,
                               cwd=w + "/allowed/sub",
                               env={"PATH": "/usr/bin:/bin",
                                    "SSH_ORIGINAL_COMMAND": line})
            rc = p.returncode
            if os.environ.get("DIFF_VERBOSE"):
                print("%s %d %s\n    %s" % (kind, rc, line,
                                            p.stderr.strip()[:200]))
            if rc == 77:
                fig["denied"] += 1
            elif rc == 65:
                fig["unparsed"] += 1
            else:
                fig["allowed"] += 1
            if rc == 0:
                fig["created"] += 1
                pending.append((p.stdout.strip().split("\n")[-1], line))
            elif rc not in (65, 77, 69, 78):
                fig["docker-refused"] += 1
            if kind == "ordinary" and rc != 0:
                failures.append("ordinary line not created (status %d): "
                                "%s\n    %s" % (rc, line,
                                                p.stderr.strip()[:300]))
            if rc in (69, 78):
                failures.append("gateway status %d: %s\n    %s" % (
                    rc, line, p.stderr.strip()[:300]))
            if os.path.exists(cidfile):
                failures.append("VIOLATION cidfile written on the host: "
                                "%s" % line)
                fig["violations"] += 1
                os.unlink(cidfile)
            if len(pending) >= BATCH:
                flush()
    flush()
    for f in failures:
        print(f)
    print(" ".join("%s=%d" % kv for kv in fig.items()))
    nfail = len(failures)
    print("diff: %d passed, %d failed" % (fig["lines"] - min(nfail,
          fig["lines"]), nfail))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())
