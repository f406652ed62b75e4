#!/usr/bin/env python3
"""Escape and ordinary-command suites for `make check`.

Runs `dockergate --explain` for:
  - tests/escapes/escapes.txt: every line must be refused (77 or 65) with
    the reason substring given;
  - tests/escapes/allowed.txt: every line must be allowed with exactly the
    canonical argv given;
  - ../shared/reference/threats.md when present: every catalogue line that
    is a single docker command must be refused, except the numbers listed in
    tests/escapes/threats-exceptions.txt; for multi-step lines at least one
    docker step must be refused.
Usage: run.py DOCKERGATE POLICY ROLE THREATS_MD
Prints "escapes: N passed, N failed".
"""
import re
import subprocess
import sys

DG, POLICY, ROLE, THREATS = sys.argv[1:5]
HERE = "tests/escapes/"
passed = failed = 0


# A build from standard input ("docker build -") has its Dockerfile read
# and checked: every line gets this ordinary one (other commands ignore it).
STDIN = "FROM local/base\nRUN echo hi\nCOPY . /x\n"


def explain(cmd):
    p = subprocess.run([DG, "--explain", "--policy", POLICY, "--role", ROLE,
                        cmd], input=STDIN, capture_output=True, text=True,
                       timeout=10)
    fields = dict(l.split(": ", 1) for l in p.stdout.splitlines()
                  if ": " in l)
    return p.returncode, fields, p.stderr


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL: " + what)


def lines(path):
    with open(path, encoding="utf-8") as f:
        for n, l in enumerate(f, 1):
            l = l.rstrip("\n")
            if l and not l.startswith("#"):
                yield n, l


def refused(rc, err):
    # Exactly one "dockergate: " line on stderr with every refusal.
    return rc in (65, 77) and err.count("dockergate: ") == 1 and \
        err.startswith("dockergate: ")


for n, l in lines(HERE + "escapes.txt"):
    cat, cmd, want = [x.strip() for x in l.split(" | ", 2)] + [""] * (
        3 - len(l.split(" | ", 2)))
    rc, f, err = explain(cmd)
    ok = refused(rc, err) and want in f.get("reason", "") + err
    check(ok, "escapes.txt:%d [%s] %s -> %d %s (want refusal with %r)" % (
        n, cat, cmd, rc, err.strip(), want))

for n, l in lines(HERE + "allowed.txt"):
    cmd, want = [x.strip() for x in l.split(" => ", 1)]
    rc, f, err = explain(cmd)
    check(rc == 0 and f.get("argv") == want and err == "",
          "allowed.txt:%d %s -> %d argv %r (want %r) %s" % (
              n, cmd, rc, f.get("argv"), want, err.strip()))

exceptions = {}
for n, l in lines(HERE + "threats-exceptions.txt"):
    num, why = l.split(" | ", 1)
    exceptions[int(num)] = why

if THREATS and THREATS != "-":
    seen = 0
    with open(THREATS, encoding="utf-8") as f:
        for l in f:
            m = re.match(r"^(\d+)\. [^|]*\| `(.*?)`", l)
            if not m:
                continue
            num, cmd = int(m.group(1)), m.group(2)
            cmd = cmd.replace("IMG", "busybox")
            steps = [s.strip() for s in re.split(r" ; | && ", cmd)]
            steps = [s for s in steps if re.match(r"^(sudo )?docker ", s)]
            if not steps:
                continue
            seen += 1
            results = [explain(s) for s in steps]
            denied = [refused(rc, err) for rc, _, err in results]
            if num in exceptions:
                check(not any(denied) or len(steps) > 1,
                      "threats.md %d is listed as an exception but is "
                      "refused now: drop it from the list" % num)
                continue
            if len(steps) == 1:
                check(denied[0], "threats.md %d: %s -> %d %s" % (
                    num, cmd, results[0][0], results[0][2].strip()))
            else:
                check(any(denied), "threats.md %d: no step refused: %s" % (
                    num, cmd))
    check(seen >= 100, "threats.md: only %d docker lines found" % seen)

print("escapes: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
