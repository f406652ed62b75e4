#!/bin/bash
# docker build from standard input: the gateway reads it, checks the
# Dockerfile (plain or inside a tar context) and gives docker exactly those
# bytes.  The daemon fetches ADD URLs from the host's own network namespace,
# so a loopback-only service would otherwise be baked into an image (issue 13).
. "$(dirname "$0")/lib.sh"
t_begin "build from stdin: remote ADD refused in every spelling, ordinary builds run byte-exact"
mkdir -p "$T/srv" "$T/ctx/sub" "$T/ok"
secret="dgt22-secret-$RANDOM$RANDOM"
echo "$secret" >"$T/srv/secret.txt"
port=$((18700 + RANDOM % 250))
$PY -m http.server --bind 127.0.0.1 --directory "$T/srv" "$port" \
    >"$T/http.log" 2>&1 &
http=$!
trap 'kill $http 2>/dev/null' EXIT
for i in $(seq 50); do
	curl -fs "http://127.0.0.1:$port/secret.txt" >/dev/null && break
	sleep 0.1
done
rdocker tag dgtest local/base >/dev/null || fail "cannot tag local/base"
url="http://127.0.0.1:$port/secret.txt"

# The control: the daemon itself fetches a loopback URL (noted when this
# daemon shares the host's network namespace; the harness's may not).
printf 'FROM local/base\nADD %s /loot.txt\n' "$url" >"$T/df-plain"
if rdocker build -q -t local/dgt22-direct - <"$T/df-plain" >/dev/null 2>&1; then
	got=$(rdocker run --rm local/dgt22-direct cat /loot.txt 2>/dev/null)
	[ "$got" = "$secret" ] && note "control: plain docker bakes the loopback answer into the image"
	rdocker rmi -f local/dgt22-direct >/dev/null 2>&1
fi

# Every spelling of the same ADD, through the gateway.
printf 'FROM local/base\nadd %s /loot.txt\n' "$url" >"$T/df-lower"
printf 'FROM local/base\nADD http\\\n://127.0.0.1:%s/secret.txt \\\n  /loot.txt\n' "$port" >"$T/df-cont"
printf 'FROM local/base\nRUN <<-EOF\n\ttrue\n\tEOF\nADD %s /loot.txt\n' "$url" >"$T/df-heredoc"
printf '# escape=`\nFROM local/base\nADD http`\n://127.0.0.1:%s/secret.txt /loot.txt\n' "$port" >"$T/df-escape"
printf 'FROM local/base\nADD ["%s", "/loot.txt"]\n' "$url" >"$T/df-json"
printf 'FROM local/base\nONBUILD ADD %s /loot.txt\n' "$url" >"$T/df-onbuild"
cp "$T/df-plain" "$T/ctx/sub/Dockerfile"
echo ok >"$T/ctx/app.txt"
(cd "$T/ctx" && tar --format=ustar -cf "$T/ctx.tar" app.txt sub/Dockerfile)
for f in plain lower cont heredoc escape json onbuild; do
	STDIN_FILE=$T/df-$f ai "docker build -t local/dgt22-loot -"
	expect_rc 77 || note "spelling: $f"
	expect_dg_line 'remote-sources' || note "spelling: $f"
done
STDIN_FILE=$T/ctx.tar ai "docker build -f sub/Dockerfile -t local/dgt22-loot -"
expect_rc 77
expect_dg_line 'sub/Dockerfile in the build context on standard input line 2: ADD'
STDIN_FILE=$T/df-plain ai "docker image build -t local/dgt22-loot -f - -"
expect_rc 77
expect_dg_line
if rdocker image inspect local/dgt22-loot >/dev/null 2>&1; then
	fail "an image local/dgt22-loot was built"
fi
n=$(grep -c 'GET /secret.txt' "$T/http.log")
[ "$n" -le 2 ] || fail "the loopback service was asked $n times: a build fetched it"

# An ordinary build still runs: a Dockerfile on stdin ...
printf 'FROM local/base\nRUN echo hi\nLABEL dgt22=plain\n' >"$T/df-ok"
STDIN_FILE=$T/df-ok ai "docker build -q -t local/dgt22-ok -"
expect_rc 0
[ "$(rdocker image inspect -f '{{index .Config.Labels "dgt22"}}' local/dgt22-ok 2>/dev/null)" = plain ] ||
    fail "local/dgt22-ok was not built from the Dockerfile sent"
# ... and a tar context, whose bytes reach docker unchanged.
head -c 200000 /dev/urandom >"$T/ok/payload"
printf 'FROM local/base\nRUN echo hi\nCOPY payload /payload\n' >"$T/ok/Dockerfile"
(cd "$T/ok" && tar --format=ustar -cf "$T/ok.tar" Dockerfile payload)
STDIN_FILE=$T/ok.tar ai "docker build -q -t local/dgt22-tar -"
expect_rc 0
rdocker run --rm local/dgt22-tar cat /payload >"$T/payload.out" 2>/dev/null
cmp -s "$T/ok/payload" "$T/payload.out" ||
    fail "the payload in local/dgt22-tar differs from the tar context sent"
# A compressed context cannot be checked: refused.
gzip -c "$T/ok.tar" >"$T/ok.tar.gz"
STDIN_FILE=$T/ok.tar.gz ai "docker build -t local/dgt22-gz -"
expect_rc 77
expect_dg_line 'compressed'
rdocker rmi -f local/dgt22-ok local/dgt22-tar local/base >/dev/null 2>&1
t_end
