#!/bin/sh
# Builds from standard input under policy/ai-worker.yaml, through the real
# gateway with --explain (which reads standard input as a real run does):
# the ADD of a loopback URL is refused in every spelling the Dockerfile
# language has, in a plain Dockerfile, in a tar context and with -f -;
# ordinary builds are allowed; odd inputs are refused.  No daemon needed.
. tests/lib.sh
d=$(dg_secure_dir) || exit 1
trap 'rm -rf "$d"' EXIT
cp policy/ai-worker.yaml "$d/policy.yaml" && chmod 644 "$d/policy.yaml"
pass=0
fail=0
url=http://127.0.0.1:18777/secret.txt

# expect RC ERE FILE COMMAND: --explain of COMMAND with FILE on stdin exits
# RC and (for a denial) says ERE on its reason line.
expect() {
	out=$("$DG" --explain --policy "$d/policy.yaml" --role ai-worker "$4" \
	    <"$3" 2>/dev/null)
	rc=$?
	reason=$(printf '%s\n' "$out" | sed -n 's/^reason: //p')
	if [ "$rc" = "$1" ] && printf '%s\n' "$reason" | grep -Eq -- "$2"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $4 < ${3##*/}: rc $rc (want $1), reason: $reason"
	fi
}

df() {	# df NAME: write stdin to $d/NAME
	cat >"$d/$1"
}

printf 'FROM local/base\nADD %s /loot.txt\n' "$url" | df plain
printf 'FROM local/base\nadd %s /loot.txt\n' "$url" | df lower
printf 'FROM local/base\nAdD %s /loot.txt\n' "$url" | df mixed
printf 'FROM local/base\nADD http\\\n://127.0.0.1:18777/secret.txt /l\n' | df cont
printf 'FROM local/base\nADD \\\n# comment\n\n  %s \\\n  /l\n' "$url" | df cont-comment
printf 'FROM local/base\nRUN <<-EOF\n\ttrue\n\tEOF\nADD %s /l\n' "$url" | df heredoc
printf 'FROM local/base\nRUN <<A cat - <<"B"\na\nA\nb\nB\nADD %s /l\n' "$url" | df heredocs
printf '# escape=`\nFROM local/base\nADD http`\n://127.0.0.1:18777/s /l\n' | df escape
printf '  #  ESCAPE = `\nFROM local/base\nRUN echo \\\nADD %s /l\n' "$url" | df escape-blank
printf 'FROM local/base\nADD ["%s", "/l"]\n' "$url" | df json
printf 'FROM local/base\nADD ["\\u0068ttp://127.0.0.1/x", "/l"]\n' | df json-u
printf 'FROM local/base\nONBUILD ADD %s /l\n' "$url" | df onbuild
printf 'FROM local/base\nonbuild add --chmod=644 %s /l\n' "$url" | df onbuild-lower
printf 'FROM local/base\nADD "%s" /l\n' "$url" | df quoted
printf "FROM local/base\nADD h'ttp'://127.0.0.1/x /l\n" | df quote-split
printf 'FROM local/base\nADD git@127.0.0.1:r.git /l\n' | df git-scp
printf 'FROM local/base\nADD git://127.0.0.1/r /l\n' | df git-scheme
printf 'FROM local/base\nADD ssh://git@127.0.0.1/r /l\n' | df ssh
printf 'FROM local/base\nADD github.com/a/b /l\n' | df github
printf 'FROM local/base\nADD localhost/r.git#main /l\n' | df dotgit
printf 'FROM local/base\nARG U=%s\nADD $U /l\n' "$url" | df variable
printf 'FROM local/base\nENV U=%s\nADD ${U} /l\n' "$url" | df env
printf 'FROM local/base\r\nADD %s /l\r\n' "$url" | df crlf
printf '\357\273\277FROM local/base\nADD %s /l\n' "$url" | df bom
printf 'FROM local/base\nADD --checksum=sha256:00 %s /l\n' "$url" | df checksum
for f in plain lower mixed cont cont-comment heredoc heredocs escape \
    escape-blank json json-u onbuild onbuild-lower quoted quote-split \
    git-scp git-scheme ssh github dotgit variable env crlf bom checksum; do
	expect 77 'remote-sources' "$d/$f" "docker build -t local/x -"
done
expect 77 'remote-sources' "$d/plain" "docker image build -t local/x -"
expect 77 'remote-sources' "$d/plain" "docker builder build -t local/x -"
expect 77 'both come from standard input' "$d/plain" \
    "docker build --tag=local/x -f - -"
# other findings
printf '# syntax=docker/dockerfile:1\nFROM local/base\n' | df syntax
printf 'FROM local/base\nRUN --mount=type=secret,id=x true\n' | df secret
printf 'FROM local/base\nRUN --mount=type=ssh true\n' | df ssh-mount
printf 'FROM local/base\nRUN --mount=from=local/t,target=/t true\n' | df mount-from
printf 'FROM local/base\nRUN --network=host true\n' | df net-host
printf 'FROM local/base\nRUN --security=insecure true\n' | df insecure
printf 'FROM alpine\nRUN true\n' | df from-other
printf 'ARG B=local/base\nFROM $B\n' | df from-arg
printf 'FROM local/base\nCOPY --from=nginx /a /b\n' | df copy-from
printf 'FROM local/base\nFETCH %s\n' "$url" | df unknown
printf 'FROM local/base\nRUN <<EOF\ntrue\n' | df unterminated
printf 'FROM local/base\nRUN echo \302\240\n' | df nbsp
expect 77 'remote-sources' "$d/syntax" "docker build -t local/x -"
expect 77 'remote-sources' "$d/secret" "docker build -t local/x -"
expect 77 'remote-sources' "$d/ssh-mount" "docker build -t local/x -"
expect 77 'remote-sources' "$d/mount-from" "docker build -t local/x -"
expect 77 'host-namespaces' "$d/net-host" "docker build -t local/x -"
expect 77 'privileged' "$d/insecure" "docker build -t local/x -"
expect 77 'FROM alpine: the build pulls it' "$d/from-other" "docker build -t local/x -"
expect 77 'docker.io/library/alpine' "$d/from-arg" \
    "docker build --build-arg B=alpine -t local/x -"
expect 0 '' "$d/from-arg" "docker build --build-arg B=local/other -t local/x -"
expect 77 'remote-sources' "$d/plain" \
    "docker build --build-arg BUILDKIT_SYNTAX=x/y -t local/x -"
expect 77 'COPY --from=nginx' "$d/copy-from" "docker build -t local/x -"
expect 77 'unknown instruction' "$d/unknown" "docker build -t local/x -"
expect 77 'unterminated heredoc' "$d/unterminated" "docker build -t local/x -"
expect 77 'non-ASCII' "$d/nbsp" "docker build -t local/x -"

# tar contexts
mkdir -p "$d/ctx/sub"
cp "$d/plain" "$d/ctx/sub/Dockerfile"
printf 'FROM local/base\nCOPY app.txt /app.txt\n' >"$d/ctx/Dockerfile"
echo ok >"$d/ctx/app.txt"
(cd "$d/ctx" && tar --format=ustar -cf "$d/ctx.tar" Dockerfile app.txt sub)
expect 77 'sub/Dockerfile in the build context on standard input line 2: ADD' \
    "$d/ctx.tar" "docker build -f sub/Dockerfile -t local/x -"
expect 0 '' "$d/ctx.tar" "docker build -t local/x -"
expect 77 'relative path' "$d/ctx.tar" "docker build -f ../Dockerfile -t local/x -"
python3 - "$d/dup.tar" <<'EOF'
import io, sys, tarfile
with tarfile.open(sys.argv[1], "w", format=tarfile.USTAR_FORMAT) as t:
    for name, data in (("Dockerfile", b"FROM local/base\n"),
                       ("./Dockerfile", b"FROM local/base\nADD http://127.0.0.1/x /y\n")):
        i = tarfile.TarInfo(name)
        i.size = len(data)
        t.addfile(i, io.BytesIO(data))
EOF
expect 77 'more than one Dockerfile' "$d/dup.tar" "docker build -t local/x -"
(cd "$d/ctx" && tar --format=ustar -cf "$d/hard.tar" Dockerfile ./Dockerfile)
expect 77 'link' "$d/hard.tar" "docker build -t local/x -"
(cd "$d/ctx" && tar --format=pax -cf "$d/pax.tar" Dockerfile)
expect 77 'pax' "$d/pax.tar" "docker build -t local/x -"
gzip -c "$d/ctx.tar" >"$d/ctx.tar.gz"
expect 77 'compressed' "$d/ctx.tar.gz" "docker build -t local/x -"
head -c 700 "$d/ctx.tar" >"$d/short.tar"
expect 77 'truncated' "$d/short.tar" "docker build -t local/x -"

# ordinary builds
printf '# syntax-like comment\nFROM local/base AS b\nRUN echo hi\nCOPY . /x\n' | df ok
printf 'FROM local/base\nRUN <<EOF\necho hi\nEOF\nCOPY --from=0 /a /b\n' | df ok-heredoc
expect 0 '' "$d/ok" "docker build -t local/x -"
expect 0 '' "$d/ok" "docker image build -t local/app:1.2 --no-cache --pull -"
expect 0 '' "$d/ok-heredoc" "docker build -t local/x -"

# the cap
head -c 17000000 /dev/zero >"$d/big"
expect 77 'BUILD_STDIN_MAX' "$d/big" "docker build -t local/x -"

echo "build: $pass passed, $fail failed"
[ "$fail" = 0 ]
