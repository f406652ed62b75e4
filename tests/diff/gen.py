#!/usr/bin/env python3
"""Random `docker create` command lines for the differential test.

    gen.py SEED COUNT W

Prints COUNT lines "KIND<TAB>COMMAND" from a fixed SEED: KIND is
"ordinary" (only flags the test policy allows; every such line MUST be
created), "risky" (ordinary flags mixed with one to three risky ones, in
every spelling the docker CLI accepts) or "tricky" (ordinary flags and one
borderline unit: relative and ".." binds inside the allowed tree, symlinks
out of it, last-wins bools, empty values).  W is the test's work directory:
binds under W/allowed are what the policy allows, W/allowed/link is a
symlink to /, the gateway runs with its working directory W/allowed/sub.

The daemon, not this file, is the judge: the generator only needs to reach
every spelling; tests/diff/run.py inspects what was created.
"""
import random
import shlex
import sys

BOOL_TRUE = ["", "=true", "=1", "=t", "=T", "=TRUE", "=True"]
BOOL_FALSE = ["=false", "=0", "=f", "=F", "=FALSE", "=False"]


def flag(rng, long, short, value):
    """One value flag in a random spelling: --l=v, --l v, -s v, -sv, -s=v."""
    forms = [["--%s=%s" % (long, value)], ["--" + long, value]]
    if short:
        forms += [["-" + short, value], ["-%s%s" % (short, value)],
                  ["-%s=%s" % (short, value)]]
    return rng.choice(forms)


def group(rng, short, value):
    """A short group ending in a value flag: -itv/:/h, -tiv=/x:/y."""
    bools = rng.choice(["i", "t", "it", "ti"])
    sep = rng.choice(["", "="])
    return ["-%s%s%s%s" % (bools, short, sep, value)]


class Gen:
    def __init__(self, seed, w):
        self.rng = random.Random(seed)
        self.w = w
        self.n = 0

    # ------------------------------------------------------------ ordinary

    def ordinary(self):
        """A list of units (a flag and its value words) the policy allows."""
        r = self.rng
        a = self.w + "/allowed"
        self.n += 1
        name = "dgdiff%d" % self.n
        choices = [
            lambda: flag(r, "name", None, name),
            lambda: flag(r, "env", "e", "A%d=b c" % r.randrange(9)),
            lambda: flag(r, "label", "l", "k%d=v" % r.randrange(9)),
            lambda: flag(r, "workdir", "w", r.choice(["/tmp", "/x/y"])),
            lambda: flag(r, "memory", "m", r.choice(["64m", "128M", "1g"])),
            lambda: flag(r, "cpus", None, r.choice(["0.5", "1"])),
            lambda: flag(r, "cpu-shares", "c", r.choice(["512", "1024"])),
            lambda: flag(r, "tmpfs", None, r.choice(["/t:size=64M",
                                                     "/t:size=1m",
                                                     "/run:rw,noexec,size=64k"])),
            lambda: flag(r, "volume", "v", r.choice(
                ["named:/x", "vol%d:/data:ro" % r.randrange(3),
                 "/anon", a + ":/a", a + "/sub:/s:ro"])),
            lambda: flag(r, "mount", None, r.choice(
                ["type=volume,src=v2,dst=/v",
                 "Type=Volume,Source=v3,Target=/v3",
                 "type=tmpfs,dst=/tm,tmpfs-size=1m",
                 "type=bind,src=%s,dst=/b,readonly" % a,
                 "type=bind,source=%s/sub,target=/b2" % a])),
            lambda: flag(r, "hostname", "h", "h%d" % r.randrange(9)),
            lambda: flag(r, "user", "u", r.choice(["1000", "nobody",
                                                   "0:0"])),
            lambda: flag(r, "stop-timeout", None, r.choice(["5", "0x10"])),
            lambda: flag(r, "stop-signal", None, r.choice(["TERM", "9"])),
            lambda: flag(r, "restart", None, r.choice(["no",
                                                       "on-failure:3"])),
            lambda: flag(r, "cap-drop", None, r.choice(["ALL", "net_raw",
                                                        "CAP_CHOWN"])),
            lambda: flag(r, "security-opt", None, r.choice(
                ["no-new-privileges", "no-new-privileges:true",
                 "no-new-privileges=true"])),
            lambda: flag(r, r.choice(["network", "net"]), None, "none"),
            lambda: flag(r, "ipc", None, r.choice(["private", "none",
                                                   "shareable"])),
            lambda: flag(r, "cgroupns", None, "private"),
            lambda: flag(r, "pids-limit", None, "100"),
            lambda: flag(r, "shm-size", None, "64m"),
            lambda: flag(r, "entrypoint", None, "/bin/sh"),
            lambda: ["--privileged" + r.choice(BOOL_FALSE)],
            lambda: ["--read-only" + r.choice(BOOL_TRUE)],
            lambda: ["--init" + r.choice(BOOL_TRUE)],
            lambda: [r.choice(["-i", "-t", "-it", "-ti", "--tty",
                               "--interactive=true"])],
            lambda: group(r, "e", "X=1"),
            lambda: group(r, "v", "named:/g"),
            # values that look like risky flags: data, never flags
            lambda: r.choice([["-e", "--privileged"], ["-ev/:/h"],
                              ["-tev=/:/h"], ["-l", "-v=/:/h"],
                              ["--label", "--privileged=true"],
                              ["--env=--cap-add=ALL"], ["-lv/:/h"],
                              ["-h", "host"],
                              ["-e", "-itv/:/h"]]),
        ]
        units = [pick() for pick in r.sample(choices, r.randrange(1, 6))]
        if not any(u[0].startswith("--name") for u in units):
            units.append(["--name", name])
        return units

    # --------------------------------------------------------------- risky

    def risky(self):
        """Ordinary units with one to three risky units inserted."""
        r = self.rng
        a = self.w + "/allowed"
        caps = ["SYS_ADMIN", "sys_admin", "CAP_SYS_ADMIN", "cap_sys_admin",
                "Sys_Admin", "ALL", "all", "NET_ADMIN", "sys_ptrace"]
        hostpaths = ["/", "/etc", "//", "/etc/../", "/var/run/docker.sock",
                     "../..", "..", a + "/../", a + "/link", a + "/link/etc",
                     "/run", a + "/sub/../..", "./../../.."]
        choices = [
            lambda: ["--privileged" + r.choice(BOOL_TRUE)],
            lambda: flag(r, "volume", "v", r.choice(hostpaths) + ":/h" +
                         r.choice(["", ":ro", ":rw", ":z"])),
            lambda: group(r, "v", r.choice(hostpaths) + ":/h"),
            lambda: flag(r, "mount", None, r.choice([
                "type=bind,src=/,dst=/h", "Type=Bind,Src=/,Dst=/h",
                "type=bind,source=/etc,target=/e,readonly",
                "TYPE=BIND,SOURCE=/,DESTINATION=/h",
                "type=bind,src=%s/link,dst=/h" % a,
                "type=bind,src=..,dst=/h", "type=bind,src=../..,dst=/h",
                '"type=bind","src=/",dst=/h',
                "type=volume,src=vx,dst=/v,volume-driver=local",
                "type=volume,src=vy,dst=/v,volume-opt=type=none,"
                "volume-opt=o=bind,volume-opt=device=/",
                "type=volume,dst=/v,volume-opt=device=/etc",
                "type=bind,src=/,dst=/h,bind-propagation=rshared"])),
            lambda: flag(r, "volume-driver", None, "local"),
            lambda: flag(r, "cap-add", None, r.choice(caps)),
            lambda: flag(r, "device", None, r.choice(
                ["/dev/null", "/dev/null:/dev/x:rwm", "/dev/zero"])),
            lambda: flag(r, "device-cgroup-rule", None, "a *:* rwm"),
            lambda: flag(r, "security-opt", None, r.choice(
                ["seccomp=unconfined", "seccomp:unconfined",
                 "apparmor=unconfined", "apparmor:unconfined",
                 "label=disable", "label:disable",
                 "systempaths=unconfined", "Seccomp=unconfined"])),
            lambda: flag(r, r.choice(["pid", "ipc", "uts", "userns",
                                      "cgroupns"]), None,
                         r.choice(["host", "Host", "container:dgvictim"])),
            lambda: flag(r, r.choice(["network", "net"]), None, r.choice(
                ["host", "name=host", "container:dgvictim",
                 "name=host,alias=x", "Name=host", "\"name=host\""])),
            lambda: flag(r, "volumes-from", None, r.choice(
                ["dgvictim", "dgvictim:ro"])),
            lambda: flag(r, "link", None, "dgvictim:v"),
            lambda: flag(r, "sysctl", None, "net.ipv4.ip_forward=1"),
            lambda: flag(r, "cgroup-parent", None, r.choice(["/", "x"])),
            lambda: flag(r, "runtime", None, "runc"),
            lambda: ["--oom-kill-disable" + r.choice(BOOL_TRUE)],
            lambda: flag(r, "oom-score-adj", None, "-1000"),
            lambda: flag(r, "log-driver", None, "syslog"),
            lambda: flag(r, "log-opt", None, "max-size=1m"),
            lambda: flag(r, "cidfile", None, self.w + "/cidfile"),
            lambda: flag(r, "env-file", None, "/etc/hostname"),
            lambda: flag(r, "label-file", None, "/etc/hostname"),
            lambda: flag(r, "ulimit", None, "nofile=10:20"),
            lambda: flag(r, "gpus", None, "all"),
            lambda: ["--use-api-socket"],
            # over the policy's limits (issue 16), or no limit at all
            lambda: flag(r, "memory", "m", r.choice(
                ["2g", "-1", "0", "1025m", "1.5G", "2147483648"])),
            lambda: flag(r, "memory-swap", None, r.choice(["-1", "3g"])),
            lambda: flag(r, "memory-reservation", None, "2g"),
            lambda: flag(r, "cpus", None, r.choice(["3", "0", "2.5"])),
            lambda: r.choice([["--cpu-quota", "400000"],
                              ["--cpu-quota=300000", "--cpu-period=100000"],
                              ["--cpu-period", "1000"],
                              ["--cpu-quota", "-1"]]),
            lambda: flag(r, "pids-limit", None, r.choice(
                ["-1", "0", "513", "0x201"])),
            lambda: flag(r, "shm-size", None, r.choice(["1g", "65m"])),
            lambda: flag(r, "tmpfs", None, r.choice(
                ["/big:size=1g", "/nosize", "/z:size=0",
                 "/two:size=1m,size=1g"])),
            lambda: flag(r, "mount", None, r.choice(
                ["type=tmpfs,dst=/tb,tmpfs-size=1g",
                 "Type=Tmpfs,Dst=/tn"])),
            # allowed by the policy, spelled relative or with ".."
            lambda: flag(r, "volume", "v", r.choice(
                [".:/here", "./:/here", a + "/sub/../:/a", "../sub:/s"])),
        ]
        units = self.ordinary()
        for _ in range(r.randrange(1, 4)):
            units.insert(r.randrange(len(units) + 1), r.choice(choices)())
        return units

    def tricky(self):
        """Ordinary units with one borderline unit: allowed or not, the
        daemon must agree with what the gateway believed."""
        r = self.rng
        a = self.w + "/allowed"
        units = self.ordinary()
        unit = r.choice([
            ["-v", ".:/here"], ["-v./:/here"], ["--volume=../sub:/s"],
            ["-v", a + "/sub/../:/a"], ["-v", a + "//sub/.:/a:ro"],
            ["-v", a + "/link:/h"], ["-v", a + "/sub/../link/etc:/h"],
            ["--mount", "type=bind,src=.,dst=/h"],
            ["--mount", "type=bind,src=%s/./sub,dst=/h" % a],
            ["--mount", "type=volume,src=named,dst=/x,volume-nocopy"],
            ["--mount", "type=tmpfs,dst=/h,tmpfs-mode=1777"],
            ["--tmpfs", "/h:exec,mode=777"],
            ["--security-opt", "no-new-privileges:false"],
            ["--privileged", "--privileged=false"],
            ["--privileged=false", "--privileged"],
            ["--privileged=false", "--privileged=1"],
            ["--read-only=false"], ["--ipc=private"], ["--pid="],
            ["--uts="], ["--userns="], ["--network=none"],
            ["--cgroupns=private"], ["--volume-driver="],
            ["--cgroup-parent="], ["--runtime="],
            ["--log-driver=json-file"], ["--cap-add="],
            ["--device="], ["--security-opt="],
        ])
        units.insert(r.randrange(len(units) + 1), unit)
        return units

    def line(self, kind):
        r = self.rng
        units = {"ordinary": self.ordinary, "risky": self.risky,
                 "tricky": self.tricky}[kind]()
        words = [w for u in units for w in u]
        cmd = ["docker", r.choice(["create", "container create", "create"])]
        tail = ["dgtest"] + r.choice([[], ["sh", "-c", "echo hi"],
                                      ["--privileged"], ["-v", "/:/h"],
                                      ["--", "--privileged"]])
        return " ".join(shlex.quote(w) for w in cmd[:1]) + " " + cmd[1] + \
            " " + " ".join(shlex.quote(w) for w in words + tail)


def main():
    seed, count, w = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    g = Gen(seed, w)
    for i in range(count):
        kind = ("ordinary", "ordinary", "risky", "risky", "tricky")[i % 5]
        print("%s\t%s" % (kind, g.line(kind)))


if __name__ == "__main__":
    main()
