#!/bin/bash
# Redaction (issue 4, item 6).  The ai role's rules "inspect" and
# "container inspect" keep redact_env at its default (true): docker inspect
# and docker container inspect are allowed and print exactly what docker
# prints (same bytes: indentation, key order, docker's escaping), except
# that every Env entry "KEY=VALUE" reads "KEY=<redacted>".  Images' ENV
# (Config.Env, ContainerConfig.Env) is masked too, whatever --type says.
# --format is allowed when template.c finds that the template prints only
# listed fields (issue 17: then the output is exactly docker's for the same
# template), and denied 77 otherwise.  docker's exit status and stderr pass
# through.  No secret value ever reaches the client.
# Issue 13: build arguments (classic builder, committed Cmd/Entrypoint),
# volume driver options through generic inspect --type volume, and exec
# command lines in docker events (text, json, while streaming).
. "$(dirname "$0")/lib.sh"
t_begin "redaction: inspect shows environment keys, never values"
loop='trap "exit 0" TERM; while :; do sleep 1; done'
rdocker rm -f redact-web >/dev/null 2>&1
rdocker rmi -f redact-img >/dev/null 2>&1
rdocker run -d --name redact-web -e SECRET_TOKEN=hunter2-s3cr3t \
    -e 'DSN=postgres://u:pw-s3cr3t@db/x?a=1&b=2' -e 'MULTI=a=b=s3cr3t' \
    -e EMPTY= --label 'url=http://x/?a=1&b=<2>' dgtest sh -c "$loop" \
    >/dev/null || fail "setup: redact-web"
rdocker commit -c 'ENV IMG_SECRET=img-s3cr3t' redact-web redact-img:latest \
    >/dev/null || fail "setup: redact-img"

# docker's own output with the value of each Env entry masked.
mask() {
	awk '
	/^ *"Env": \[$/ { inenv = 1; print; next }
	inenv && /^ *\],?$/ { inenv = 0 }
	inenv { sub(/=.*"/, "=<redacted>\"") }
	{ print }'
}
no_secret() {
	if grep -q 's3cr3t' "$OUT" "$ERR"; then
		fail "$1: a secret value reached the client"
	fi
}
# same_as ARGS...: stdout is `rdocker inspect ARGS` masked.
same_as() {
	rdocker inspect "$@" 2>/dev/null | mask >"$T/want"
	cmp -s "$T/want" "$OUT" ||
	    fail "stdout differs from docker's own output with Env masked:
$(diff "$T/want" "$OUT" | head -n 20)"
}

for cmd in "docker inspect redact-web" "docker container inspect redact-web"
do
	ai "$cmd"
	expect_rc 0
	expect_err_empty
	no_secret "$cmd"
	same_as redact-web
	for k in SECRET_TOKEN DSN MULTI EMPTY; do
		grep -qF "\"$k=<redacted>\"" "$OUT" ||
		    fail "$cmd: $k is not shown as $k=<redacted>"
	done
done
# Labels and everything else are docker's bytes, escapes included.
grep -qF '"url": "http://x/?a=1&b=<2>"' "$OUT" ||
    fail "the label is not printed as docker prints it"

# Images, through the generic inspect: ENV of the image and of the
# container it was committed from.
ai "docker inspect redact-img"
expect_rc 0
no_secret "docker inspect redact-img"
same_as redact-img
grep -qF '"IMG_SECRET=<redacted>"' "$OUT" ||
    fail "image ENV is not shown as IMG_SECRET=<redacted>"

# Several objects of one type at once; --type image; --size.  Objects of
# different types are denied (docker runs with one --type).
ai "docker inspect redact-web redact-web"
expect_rc 0
no_secret "two objects"
same_as redact-web redact-web
ai "docker inspect redact-web redact-img"
expect_rc 77
expect_dg_line 'inspect them separately'
for cmd in "docker inspect --type image redact-img" \
    "docker inspect --type=container redact-web" \
    "docker container inspect --size redact-web"; do
	ai "$cmd"
	expect_rc 0 77
	no_secret "$cmd"
	[ "$RC" = 0 ] && ! grep -q 'redacted' "$OUT" &&
	    fail "$cmd: allowed, but shows no redacted Env"
done

# docker's exit status passes through, with the found objects redacted.
ai "docker inspect --type container redact-web dg-no-such-object"
expect_rc 1
no_secret "inspect with a missing object"
same_as redact-web
grep -q 'dg-no-such-object' "$ERR" ||
    fail "docker's error message did not pass through"
ai "docker inspect dg-no-such-object"
expect_rc 1
expect_out "[]"

# Templates that print only listed fields: docker's own output, byte for
# byte (issue 17).
for tmpl in '{{.State.Status}}' '{{.NetworkSettings.IPAddress}}' \
    '{{json .State.Health}}' '{{.RestartCount}} {{.State.ExitCode}}' \
    '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}' \
    '{{- .Name -}} {{index .Config.Labels "url"}}' \
    '{{json .State}}|{{.HostConfig.RestartPolicy.Name}}|{{len .Mounts}}'; do
	for cmd in "docker inspect -f '$tmpl' redact-web" \
	    "docker container inspect --format '$tmpl' redact-web"; do
		ai "$cmd"
		expect_rc 0
		expect_err_empty
		no_secret "$cmd"
		rdocker inspect -f "$tmpl" redact-web >"$T/want" 2>/dev/null
		cmp -s "$T/want" "$OUT" ||
		    fail "$cmd: stdout differs from docker's:
$(diff "$T/want" "$OUT" | head -n 20)"
	done
done
# An image, through --type image (the image list): docker's bytes.
tmpl='{{.Id}} {{json .RepoTags}} {{.Os}}/{{.Architecture}}'
ai "docker inspect --type image -f '$tmpl' redact-img"
expect_rc 0
no_secret "--type image template"
rdocker inspect --type image -f "$tmpl" redact-img >"$T/want" 2>/dev/null
cmp -s "$T/want" "$OUT" || fail "--type image template: stdout differs"
ai "docker inspect --type image -f '{{.State.Status}}' redact-img"
expect_rc 77

# Any other template could print a hidden value: denied, with a hint.
range='{{range .Config.Env}}{{.}} {{end}}'
for cmd in "docker inspect --format '{{json .Config.Env}}' redact-web" \
    "docker inspect -f '{{json .}}' redact-web" \
    "docker inspect --format={{.Config.Env}} redact-web" \
    "docker container inspect -f '$range' redact-web" \
    "docker inspect -f '{{with .Config}}{{.Env}}{{end}}' redact-web" \
    "docker inspect -f '{{\$e := .Config.Env}}{{\$e}}' redact-web" \
    "docker inspect -f '{{printf \"%v\" .Config}}' redact-web" \
    "docker inspect -f '{{/* }} */}}{{.Config.Env}}' redact-web" \
    "docker inspect -f json redact-web" \
    "docker inspect --type image -f '{{.Config.Env}}' redact-img"; do
	ai "$cmd"
	expect_rc 77
	expect_dg_line 'denied'
	no_secret "$cmd"
	[ -s "$OUT" ] && fail "$cmd: denied, but wrote to stdout"
done
ai "docker inspect -f '{{.Config.Env}}' redact-web"
expect_rc 77
grep -q 'such as .State.Status' "$ERR" ||
    fail "the denial does not say which templates are allowed"

# --- Second review (issue 13) ---------------------------------------
# Build arguments: the classic builder's RUN record "|1 TOKEN=..." in
# ContainerConfig.Cmd, and a committed Config.Cmd / Entrypoint of the same
# shape.
rdocker rmi -f redact-classic redact-crafted >/dev/null 2>&1
mkdir -p "$T/ctx"
printf 'FROM dgtest\nARG DEPLOY_TOKEN\nRUN test -n "$DEPLOY_TOKEN"\n' \
    >"$T/ctx/Dockerfile"
if DOCKER_BUILDKIT=0 rdocker build -q --build-arg \
    DEPLOY_TOKEN=ghp_build-s3cr3t -t redact-classic "$T/ctx" \
    >/dev/null 2>&1; then
	ai "docker image inspect redact-classic"
	expect_rc 0
	no_secret "image inspect of a classic build"
	grep -qF '"DEPLOY_TOKEN=<redacted>"' "$OUT" ||
	    fail "the build argument is not shown as DEPLOY_TOKEN=<redacted>"
	ai "docker inspect redact-classic"
	expect_rc 0
	no_secret "generic inspect of a classic build"
else
	echo "note: no classic builder here; crafted image only"
fi
rdocker commit -c 'CMD ["|1", "CMD_TOKEN=cmd-s3cr3t", "sh"]' \
    -c 'ENTRYPOINT ["|1", "EP_TOKEN=ep-s3cr3t", "/bin/sh"]' redact-web \
    redact-crafted:latest >/dev/null || fail "setup: redact-crafted"
for cmd in "docker image inspect redact-crafted" \
    "docker inspect redact-crafted" \
    "docker inspect --type=image redact-crafted"; do
	ai "$cmd"
	expect_rc 0
	no_secret "$cmd"
	grep -qF '"CMD_TOKEN=<redacted>"' "$OUT" &&
	    grep -qF '"EP_TOKEN=<redacted>"' "$OUT" ||
	    fail "$cmd: build arguments not masked"
done
ai "docker image inspect -f '{{.Config.Cmd}}' redact-crafted"
expect_rc 77
no_secret "image inspect --format"

# Generic inspect of a volume: only with --type volume (the rule names
# volume inspect), driver options masked; other types are denied.
rdocker volume rm -f redact-vol >/dev/null 2>&1
rdocker volume create --driver local --opt type=cifs \
    --opt device=//files/share \
    --opt o=addr=10.0.0.5,username=u,password=pw-s3cr3t redact-vol \
    >/dev/null || fail "setup: redact-vol"
for cmd in "docker inspect --type volume redact-vol" \
    "docker inspect --type=volume redact-vol" \
    "docker volume inspect redact-vol"; do
	ai "$cmd"
	expect_rc 0
	grep -qF '"o": "<redacted>"' "$OUT" ||
	    fail "$cmd: driver option o not masked"
	no_secret "$cmd"
done
# Without --type the name is no container: docker is asked for an image.
ai "docker inspect redact-vol"
expect_rc 1
no_secret "docker inspect redact-vol"
for cmd in "docker inspect --type network bridge" \
    "docker inspect --type=Volume redact-vol" \
    "docker inspect --type task redact-vol" \
    "docker inspect --type=volume -f '{{.Options}}' redact-vol"; do
	ai "$cmd"
	expect_rc 77
	expect_dg_line 'denied'
	no_secret "$cmd"
done

# docker events: the command line of an exec never reaches the client,
# in the default text, with --format json, nor while the stream runs.
ssh_base "$KEY_AI"
timeout 60 "${SSH[@]}" "$U_AI@127.0.0.1" \
    "docker events --filter container=redact-web" >"$T/stream" 2>&1 &
stream=$!
sleep 2
t0=$(date +%s)
rdocker exec redact-web sh -c 'PGPASSWORD=ev-s3cr3t true' ||
    fail "setup: exec"
i=0
until grep -q 'exec_create' "$T/stream"; do
	i=$((i + 1))
	[ $i -gt 100 ] && { fail "events: no line while the stream runs"; break; }
	sleep 0.1
done
kill "$stream" 2>/dev/null
wait "$stream" 2>/dev/null
grep -q 's3cr3t' "$T/stream" && fail "events stream: a secret reached the client"
grep -q 'exec_create: <redacted> ' "$T/stream" ||
    fail "events stream: exec_create not shown redacted"
t1=$(($(date +%s) + 1))
ai "docker events --since $t0 --until $t1 --filter container=redact-web"
expect_rc 0
no_secret "events (text)"
grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\.[0-9]{9}(Z|[+-][0-9]{2}:[0-9]{2}) container exec_start: <redacted> [0-9a-f]{64} \(.*execID=' "$OUT" ||
    fail "events (text): no exec_start line in docker's format"
rdocker events --since "$t0" --until "$t1" --filter container=redact-web \
    | sed -E 's/(exec_(create|start)): .* ([0-9a-f]{64}) \(/\1: <redacted> \3 (/' \
    >"$T/want"
cmp -s "$T/want" "$OUT" || fail "events (text) differs from docker's own:
$(diff "$T/want" "$OUT" | head -n 10)"
rdocker events --since "$t0" --until "$t1" --format '{{json .}}' |
    sed -E 's/"(status|Action)":"(exec_(create|start)): [^"]*"/"\1":"\2: <redacted>"/g' \
    >"$T/want"
for f in json "'{{json .}}'"; do
	ai "docker events --since $t0 --until $t1 --format $f"
	expect_rc 0
	no_secret "events --format $f"
	grep -qF '"Action":"exec_create: <redacted>"' "$OUT" ||
	    fail "events --format $f: exec_create not redacted JSON"
	cmp -s "$T/want" "$OUT" || fail "events --format $f differs from \
docker's own: $(diff "$T/want" "$OUT" | head -n 10)"
done
for cmd in "docker events --since $t0 --until $t1 --format '{{.Action}}'" \
    "docker system events --since $t0 --until $t1 --format='{{json .Actor}}'"; do
	ai "$cmd"
	expect_rc 77
	no_secret "$cmd"
done

rdocker volume rm -f redact-vol >/dev/null
rdocker rmi -f redact-classic redact-crafted >/dev/null 2>&1

# Oracle: every container template of the fuzz corpus (the unit table and
# what the fuzzer found) that the gateway's decision allows (--explain,
# same policy and role) prints, run by docker itself, no value hidden in a
# container that holds one in each hidden place: Env, Cmd, Entrypoint,
# Healthcheck, log options.  (The byte-for-byte pass-through of allowed
# templates is checked above through ssh.)
rdocker rm -f redact-tmpl >/dev/null 2>&1
rdocker run -d --name redact-tmpl -e TOKEN=t-s3cr3t --entrypoint sh \
    --health-cmd 'true h-s3cr3t' --log-opt labels=l-s3cr3t \
    dgtest -c "$loop # c-s3cr3t" >/dev/null || fail "setup: redact-tmpl"
allowed=0
for f in "$E2E_ROOT"/tests/fuzz/corpus/template/*; do
	[ "$(head -c 1 "$f" | od -An -tu1 | tr -d ' ')" = 0 ] || continue
	n=$(($(wc -c <"$f") - 1))
	[ "$(tail -c +2 "$f" | tr -d '\000' | wc -c)" = "$n" ] || continue
	tmpl=$(tail -c +2 "$f")
	case $tmpl in *"'"*) continue ;; esac
	"$DG" --explain --policy "$POLICY" --role "$U_AI" \
	    "docker container inspect -f '$tmpl' redact-tmpl" 2>/dev/null |
	    grep -qx 'verdict: allow' || continue
	allowed=$((allowed + 1))
	rdocker inspect -f "$tmpl" redact-tmpl >"$OUT" 2>"$ERR"
	no_secret "template $tmpl"
done
[ "$allowed" -gt 20 ] || fail "only $allowed corpus templates were allowed"
note "$allowed corpus templates allowed; docker printed no hidden value"
rdocker rm -f redact-tmpl >/dev/null
rdocker rm -f redact-web >/dev/null
rdocker rmi -f redact-img >/dev/null
t_end
