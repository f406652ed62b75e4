#!/usr/bin/env python3
"""Writes the seed corpora of fuzz_grammar and fuzz_roundtrip.

Each command line of tests/escapes/escapes.txt, tests/escapes/allowed.txt
and the list below is split as a shell would (shlex), the leading "docker"
(or "sudo docker") dropped, and every word written as a raw token of
tests/fuzz/tokens.h (0xff, length, bytes), so the seeds do not depend on the
vocabulary's numbering.  Files are named by content hash; rerunning is
idempotent.

    python3 tests/fuzz/mkseeds-grammar.py
"""
import hashlib
import os
import shlex
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

EXTRA = r"""
docker run -itv/:/h alpine
docker run -dit --rm --name x -e A=B -l k=v -w /tmp --memory 512m --cpus 1.5 --tmpfs /t:size=1m -v named:/x dgtest sh -c 'echo hi'
docker create --privileged=false --net=name=host dgtest
docker create --network name=host,alias=a dgtest
docker create --cap-add=cap_sys_admin --cap-drop ALL dgtest
docker create --security-opt seccomp:unconfined --security-opt no-new-privileges dgtest
docker create --mount Type=Bind,Src=/,Dst=/h dgtest
docker create --mount "type=volume,src=v,dst=/v,volume-opt=type=none,volume-opt=o=bind,volume-opt=device=/" dgtest
docker create -v ../..:/h dgtest
docker create --pid=container:x --ipc host --uts=host --userns=host --cgroupns=host dgtest
docker create --device /dev/sda --device-cgroup-rule 'a *:* rwm' dgtest
docker create --volumes-from x --link y dgtest
docker create --cgroup-parent / --runtime runc dgtest
docker create --volume-driver local -v v:/x dgtest
docker -D --log-level debug ps
docker -H tcp://x ps
docker --context x ps
docker -- run alpine
docker container run -- -x
docker run alpine -- --privileged
docker ps -- -a --
docker exec -it web sh
docker container exec -e X=1 web ls
docker compose -f x.yaml up -d
docker compose --project-directory /srv/stacks/app ps
docker image ls --filter dangling=true
docker network create -d bridge n
docker volume rm -f v
docker system prune -af --volumes
docker build -t local/x -f - .
docker cp web:/etc/passwd -
docker run -test.v alpine
docker run -dtest.v alpine
docker run -e= alpine
docker run -t= alpine
docker run --help
docker ps -h
docker run -h host alpine
docker inspect --type container web
docker logs --since 1h30m --until 10s web
docker update --memory -1 --cpus 0.5 web
docker run --ulimit nofile=10:20 --sysctl kernel.shmmax=1 alpine
docker run --gpus all --gpus '"device=0,1"' alpine
docker run --log-driver syslog --log-opt max-size=1m alpine
docker run --ip 127.0.0.1 --ip6 ::1 alpine
docker run --stop-timeout 0x10 --oom-score-adj -0b1 alpine
"""


def lines():
    for name in ("escapes.txt", "allowed.txt"):
        path = os.path.join(ROOT, "tests", "escapes", name)
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                if name == "escapes.txt":
                    parts = line.split(" | ")
                    if len(parts) < 2:
                        continue
                    line = parts[1]
                else:
                    line = line.split(" => ")[0]
                yield line
    for line in EXTRA.splitlines():
        if line.strip():
            yield line.strip()


def encode(words):
    out = bytearray()
    for w in words:
        b = w.encode("utf-8", "surrogateescape")[:255]
        out += bytes([0xFF, len(b)]) + b
    return bytes(out)


def main():
    dirs = [os.path.join(ROOT, "tests", "fuzz", "corpus", n)
            for n in ("grammar", "roundtrip")]
    for d in dirs:
        os.makedirs(d, exist_ok=True)
    n = 0
    for line in lines():
        try:
            words = shlex.split(line)
        except ValueError:
            continue
        if words[:2] == ["sudo", "docker"]:
            words = words[2:]
        elif words[:1] == ["docker"]:
            words = words[1:]
        data = encode(words)
        name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
        for d in dirs:
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
        n += 1
    print("wrote %d seeds to %s" % (n, ", ".join(dirs)), file=sys.stderr)


if __name__ == "__main__":
    main()
