#!/bin/sh
# Static analysis of src/*.c (issue 7 item 4), failing on any finding that
# tests/static-suppressions.txt does not allow by name:
#
#   clang-tidy   with the checked-in .clang-tidy (bugprone, cert,
#                clang-analyzer, misc, portability), Debian's clang-tidy 14
#   cppcheck     --enable=warning,portability --inline-suppr, std + posix
#                library and a few jansson iteration macros
#   scan-build   the clang static analyzer over a clang build of libdg.a
#                and main.o, when scan-build is installed
#
# Prints "static: N passed, N failed" (one per tool).  As root in CI a
# missing clang-tidy, cppcheck or python3 fails the suite; elsewhere it is
# skipped with a message.  scan-build is optional (its checks are the
# clang-analyzer-* checks clang-tidy already runs).  STATIC_JOBS sets the
# parallelism (default: the number of CPUs).
set -u
SUPP=tests/static-suppressions.txt
TIDY=$(command -v clang-tidy-14 || command -v clang-tidy)
SCANBUILD=$(command -v scan-build-14 || command -v scan-build)
JOBS=${STATIC_JOBS:-$(nproc 2>/dev/null || echo 2)}

# Static analysis does not depend on the build: `make check SANITIZE=1`
# (CI's second run) does not repeat it.
if [ "${SANITIZE:-0}" = 1 ]; then
	echo "static: skipped under SANITIZE=1 (ran with the plain build)" >&2
	exit 0
fi
missing=""
[ -n "$TIDY" ] || missing="$missing clang-tidy"
command -v cppcheck >/dev/null 2>&1 || missing="$missing cppcheck"
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
if [ -n "$missing" ]; then
	if [ "${CI:-}" = true ]; then
		echo "static: required in CI but not installed:$missing" >&2
		echo "static: 0 passed, 1 failed"
		exit 1
	fi
	echo "static: skipped: not installed:$missing" >&2
	exit 0
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/dg-static.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
CFLAGS_TIDY="-std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -Iinclude \
$(pkg-config --cflags yaml-0.1 jansson)"
pass=0
fail=0

# Runs the filter on one tool's output; counts the tool as passed/failed.
judge() {
	name=$1; rc=$2; out=$3
	if python3 - "$SUPP" "$name:$out" <<'PYEOF'
import os, re, sys

FINDING = re.compile(
    r"^(?P<path>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<sev>warning|error|style|portability|performance|information): "
    r"(?P<msg>.*?) \[(?P<checks>[A-Za-z0-9_.,-]+)\]$")

# A suppression is "FILE | CHECK | TEXT": it allows a finding of CHECK in
# FILE whose flagged source line contains TEXT, so it survives edits that
# move the line but not a change of the line itself.  scan-build's checker
# names get the clang-analyzer- prefix: one entry covers both clang tools.
def load(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            parts = [p.strip() for p in s.split(" | ", 2)]
            if len(parts) != 3 or not all(parts):
                sys.exit("%s:%d: expected FILE | CHECK | TEXT" % (path, n))
            out.append(parts + ["%s:%d" % (path, n)])
    return out

cache = {}
def src(path, line):
    if path not in cache:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                cache[path] = f.read().split("\n")
        except OSError:
            cache[path] = []
    ls = cache[path]
    return ls[line - 1].strip() if 0 < line <= len(ls) else ""

sups = load(sys.argv[1])
root = os.getcwd() + "/"
bad = total = 0
seen = set()
for arg in sys.argv[2:]:
    tool, _, path = arg.partition(":")
    for raw in open(path, encoding="utf-8", errors="replace"):
        m = FINDING.match(raw.rstrip("\n"))
        if not m:
            continue
        p = m.group("path")
        p = p[len(root):] if p.startswith(root) else p
        checks = m.group("checks").split(",")
        if tool == "scan-build":
            checks = ["clang-analyzer-" + c for c in checks]
        line = int(m.group("line"))
        key = (p, line, tuple(checks), m.group("msg"))
        if key in seen:
            continue
        seen.add(key)
        total += 1
        text = src(p, line)
        if any(s[0] == p and s[1] in checks and s[2] in text for s in sups):
            continue
        bad += 1
        print("%s: %s:%d:%s: %s [%s]\n    %s" % (tool, p, line,
              m.group("col"), m.group("msg"), ",".join(checks), text))
print("%s: findings: %d, allowed by %s: %d" % (sys.argv[2].split(":")[0],
      total, sys.argv[1], total - bad))
sys.exit(1 if bad else 0)
PYEOF
	then
		if [ "$rc" = 0 ]; then
			pass=$((pass + 1))
			return
		fi
		echo "$name: the tool itself failed (status $rc):"
		grep -E 'error' "$out" | head -n 20
	fi
	fail=$((fail + 1))
	echo "=== $name: FAILED"
}

# --- clang-tidy, one process per file ---------------------------------
ls src/*.c | xargs -P "$JOBS" -n 1 sh -c \
    "\"$TIDY\" --quiet \"\$0\" -- $CFLAGS_TIDY || echo \"\$0:1:1: error: clang-tidy failed [clang-tidy-failed]\"" \
    >"$T/tidy.out" 2>"$T/tidy.err"
judge clang-tidy 0 "$T/tidy.out"

# --- cppcheck ---------------------------------------------------------
cat >"$T/jansson.cfg" <<'EOF'
<?xml version="1.0"?>
<def format="2">
  <define name="json_object_foreach(object, key, value)" value="for (key = json_object_iter_key(json_object_iter(object)); key &amp;&amp; (value = json_object_iter_value(json_object_key_to_iter(key))); key = json_object_iter_key(json_object_iter_next(object, json_object_key_to_iter(key))))"/>
  <define name="json_object_foreach_safe(object, n, key, value)" value="for (key = json_object_iter_key(json_object_iter(object)), n = json_object_iter_next(object, json_object_key_to_iter(key)); key &amp;&amp; (value = json_object_iter_value(json_object_key_to_iter(key))); key = json_object_iter_key(n), n = json_object_iter_next(object, json_object_key_to_iter(key)))"/>
  <define name="json_array_foreach(array, index, value)" value="for (index = 0; index &lt; json_array_size(array) &amp;&amp; (value = json_array_get(array, index)); index++)"/>
</def>
EOF
# cppcheck reads no system header: give it jansson's version macro.
jv=$(pkg-config --modversion jansson | awk -F. '{ printf "0x%02x%02x%02x", $1, $2, $3 }')
# The *Called ids (getpwnam, readdir, ...) ask for the _r variants: the
# gateway is single-threaded and readdir_r is deprecated.
cppcheck --enable=warning,portability --error-exitcode=1 --inline-suppr \
    -Iinclude -D_GNU_SOURCE -DJANSSON_VERSION_HEX="$jv" --std=c11 \
    --library=posix \
    --library="$T/jansson.cfg" -j "$JOBS" -q \
    --suppress='getpwnamCalled' --suppress='getpwuidCalled' \
    --suppress='getgrgidCalled' --suppress='getgrnamCalled' \
    --suppress='getspnamCalled' --suppress='readdirCalled' \
    --suppress='strtokCalled' --suppress='localtimeCalled' \
    --template='{file}:{line}:{column}: {severity}: {message} [{id}]' \
    src/ >"$T/cppcheck.log" 2>"$T/cppcheck.out"
rc=$?
# --error-exitcode=1 reports findings; the filter decides on them.
[ "$rc" = 1 ] && rc=0
judge cppcheck "$rc" "$T/cppcheck.out"

# --- scan-build (optional) ---------------------------------------------
if [ -n "$SCANBUILD" ] && command -v clang >/dev/null 2>&1; then
	"$SCANBUILD" -o "$T/report" make -s -j "$JOBS" BUILD="$T/b" CC=clang \
	    "$T/b/libdg.a" "$T/b/main.o" >"$T/scan.out" 2>&1
	judge scan-build $? "$T/scan.out"
else
	echo "static: scan-build not installed: clang-tidy's analyzer checks only"
fi

echo "static: $pass passed, $fail failed"
[ "$fail" = 0 ]
