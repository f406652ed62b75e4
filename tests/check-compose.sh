#!/bin/sh
# Compose under policy/ai-worker.yaml, with real files: a project under
# /srv/stacks (the policy's projects) may be brought up, listed, logged,
# pulled, restarted and taken down; the compose files of the threat
# catalogue (109-119), written into such a project, are each denied with a
# reason that names the file, the line, the service and the key.  Decided
# with --explain: no compose plugin or daemon is needed.
. tests/lib.sh
d=$(dg_secure_dir) || exit 1
made_srv=0
made_stacks=0
[ -d /srv ] || made_srv=1
[ -d /srv/stacks ] || made_stacks=1
mkdir -p /srv/stacks && chmod 755 /srv /srv/stacks
p=$(mktemp -d /srv/stacks/dgtest.XXXXXX) && chmod 755 "$p" || exit 1
cleanup() {
	rm -rf "$d" "$p"
	[ "$made_stacks" = 1 ] && rmdir /srv/stacks
	[ "$made_srv" = 1 ] && rmdir /srv
}
trap cleanup EXIT
cp policy/ai-worker.yaml "$d/policy.yaml" && chmod 644 "$d/policy.yaml"
pass=0
fail=0

# compose_file TEXT: the project's compose.yaml, root-owned, 0644.
compose_file() {
	printf '%s\n' "$1" >"$p/compose.yaml" && chmod 644 "$p/compose.yaml"
}

# explain WANT PATTERN COMMAND: run from the project directory.
explain() {
	out=$(cd "$p" && "$DG" --explain --policy "$d/policy.yaml" \
	    --role ai-worker "$3" 2>&1)
	rc=$?
	if [ "$rc" = "$1" ] && printf '%s' "$out" | grep -q -- "$2"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $3 -> $rc (want $1 with '$2'):"
		printf '%s\n' "$out" | sed 's/^/    /'
	fi
}

compose_file 'services:
  web:
    image: alpine
    command: ["sleep", "1d"]
    volumes: ["data:/data"]
    environment: {MODE: demo}
volumes:
  data: {}'
for c in "up -d" ps "logs -f web" down pull restart "up -d --wait" \
    "ps -a" "logs --tail 10" "restart web"; do
	explain 0 "verdict: allow" "docker compose $c"
done
# Issue 17: everyday subcommands that start nothing (or, start, only the
# existing containers), and config that prints names only.
for c in stop "stop web" start "start web" images "config --services" \
    "config --volumes" "config --profiles" "config --images"; do
	explain 0 "verdict: allow" "docker compose $c"
done
explain 77 "cannot be redacted" "docker compose config"
explain 77 "cannot be redacted" "docker compose config --services --environment"
explain 77 "cannot be redacted" "docker compose config --services=false"
explain 77 "compose exec" "docker compose exec web sh"
explain 77 "compose run" "docker compose run --rm web sh"
explain 77 "data-loss" "docker compose down -v"
explain 77 "compose cp" "docker compose cp web:/etc/passwd /tmp/x"
explain 77 "project" "docker compose -p prod down"

# The catalogue's compose files (threats 109-119), as real files.
compose_file '{"services":{"x":{"image":"alpine","cap_add":["ALL"],"devices":["/dev/sda"],"security_opt":["apparmor=unconfined"],"userns_mode":"host","cgroup_parent":"/"}}}'
explain 77 "compose.yaml:1: service x: " "docker compose up"
compose_file '{"services":{"x":{"image":"alpine","volumes":["h:/h"]}},"volumes":{"h":{"driver_opts":{"type":"none","o":"bind","device":"/"}}}}'
explain 77 "compose.yaml:1: service x: volumes" "docker compose up"
compose_file '{"services":{"x":{"image":"alpine","volumes":["hv:/h"]}},"volumes":{"hv":{"driver_opts":{"type":"none","o":"bind","device":"/"}}}}'
explain 77 "compose.yaml:1: .*host-mounts" "docker compose up"
compose_file '{"services":{"x":{"image":"alpine","env_file":"/srv/other/.env","command":"env"}}}'
explain 77 "compose.yaml:1: service x: env_file" "docker compose up"
compose_file '{"services":{"x":{"build":{"context":"/","network":"host","ssh":["default"],"dockerfile_inline":"FROM scratch\nCOPY etc/shadow /"}}}}'
explain 77 "compose.yaml:1: service x: build" "docker compose up"
compose_file '{"include":["/tmp/evil.yml"]}'
explain 77 "/tmp/evil.yml" "docker compose up"
compose_file '{"services":{"x":{"image":"alpine","privileged":"${P}"}}}'
explain 77 "compose.yaml:1: service x: privileged" "docker compose up"
compose_file '{"services":{"x":{"image":"alpine","command":"sleep 1d","post_start":[{"command":"id","user":"root","privileged":true}]}}}'
explain 77 "compose.yaml:1: service x: post_start" "docker compose up"
compose_file 'services:
  x:
    image: alpine
    volumes:
      - /:/h'
explain 77 "compose.yaml:5: service x: volumes: .*host path /" \
    "docker compose up"
compose_file 'x-base: &base
  image: alpine
  privileged: true
services:
  x:
    <<: *base'
explain 77 "service x: privileged" "docker compose up"
printf 'COMPOSE_FILE=evil.yml\n' >"$p/.env" && chmod 644 "$p/.env"
printf 'services:\n  x:\n    image: alpine\n    privileged: true\n' \
    >"$p/evil.yml" && chmod 644 "$p/evil.yml"
explain 77 "evil.yml:4: service x: privileged" "docker compose up"
rm -f "$p/.env" "$p/evil.yml"
# Second review (issue 13): working_dir as docker run -w, hooks as exec -w.
compose_file 'services:
  x: {image: alpine, working_dir: /proc/self/fd/7}'
explain 77 "service x: working_dir: --workdir /proc/self/fd/7.*kernel" \
    "docker compose up"
compose_file '{"services":{"x":{"image":"alpine","post_start":[{"command":"ls","working_dir":"/dev/fd/8"}]}}}'
explain 77 "service x: post_start: --workdir /dev/fd/8" "docker compose up"
# ... labels as docker run -l: no dockergate. prefix, in any spelling.
compose_file 'services:
  x: {image: alpine, labels: {dockergate.owner: ai-worker}}'
explain 77 "labels: --label dockergate.owner=" "docker compose up"
compose_file 'x-l: &l
  labels: ["DockerGate.Owner=ai-worker"]
services:
  x: {<<: *l, image: alpine}'
explain 77 "reserved dockergate. prefix" "docker compose up"
printf 'export dockergate.owner=ai-worker\n' >"$p/labels" && chmod 644 "$p/labels"
compose_file 'services:
  x: {image: alpine, label_file: ./labels}'
explain 77 "label_file: --label dockergate.owner=" "docker compose up"
rm -f "$p/labels"
# ... the rule's deny_flags, by the run flag each key means.
compose_file 'services:
  x: {image: alpine, ports: ["8080:80"]}'
explain 77 "ports: --publish 8080:80 is denied by this rule" \
    "docker compose up"
compose_file 'services:
  x: {image: alpine, deploy: {restart_policy: {condition: any}}}'
explain 77 "deploy: --restart" "docker compose up"
compose_file 'services:
  x:
    image: alpine
    networks: {n: {aliases: [db]}}
networks:
  n: {}'
explain 77 "networks: --network n is denied" "docker compose up"
# ... the project name: an included file's name: is not the project's.
mkdir -p "$p/sub" && chmod 755 "$p/sub"
printf 'name: prodapp\nservices:\n  y: {image: alpine}\n' \
    >"$p/sub/compose.yaml" && chmod 644 "$p/sub/compose.yaml"
compose_file 'include: [sub/compose.yaml]
services:
  x: {image: alpine}'
base=$(basename "$p" | tr 'A-Z' 'a-z' | tr -cd 'a-z0-9_-')
explain 77 "names another project" "docker compose -p prodapp down"
explain 77 "names another project" "docker compose --project-name=prodapp down"
explain 0 "verdict: allow" "docker compose -p$base down"
rm -rf "$p/sub"

# Issue 17: a privileged service behind a profile nobody activates.  The
# subcommands that start nothing, and up of the other services, are
# allowed; up with its profile active (--profile in any spelling, the
# .env's COMPOSE_PROFILES, an override resetting profiles), by name, or as
# a dependency (of a dependency) is not.
compose_file 'services:
  web: {image: alpine, command: ["sleep", "1d"]}
  debug:
    image: alpine
    privileged: true
    profiles: [debug]
  tools:
    image: alpine
    profiles: [tools]
    depends_on:
      mid: {condition: service_started}
  mid:
    image: alpine
    profiles: [tools]
    links: ["debug:db"]'
for c in ps "ps -a debug" "logs debug" down "down debug" "up -d" \
    "up -d web" "restart web" pull "--profile=web up -d web"; do
	explain 0 "verdict: allow" "docker compose $c"
done
explain 77 "service debug: privileged" "docker compose --profile debug up -d"
explain 77 "service debug: privileged" "docker compose --profile=debug up"
explain 77 "service debug: privileged" \
    "docker compose --profile web --profile debug up -d"
explain 77 "service debug: privileged" "docker compose up -d debug"
explain 77 "service debug: privileged" "docker compose up -d web debug"
explain 77 "service debug: privileged" "docker compose restart debug"
explain 77 "service debug: privileged" "docker compose up tools"
explain 77 "service debug: privileged" "docker compose --profile tools up"
explain 77 "no service nosuch" "docker compose up nosuch"
explain 77 "data-loss" "docker compose down -v"
explain 77 "data-loss" "docker compose down --rmi all"
printf 'COMPOSE_PROFILES=web,debug\n' >"$p/.env" && chmod 644 "$p/.env"
explain 77 "service debug: privileged" "docker compose up -d"
explain 0 "verdict: allow" "docker compose ps"
printf 'export COMPOSE_PROFILES: "debug"\n' >"$p/.env"
explain 77 "service debug: privileged" "docker compose up -d"
rm -f "$p/.env"
printf 'services:\n  debug:\n    profiles: !reset []\n' \
    >"$p/compose.override.yaml" && chmod 644 "$p/compose.override.yaml"
explain 77 "service debug: privileged" "docker compose up -d"
explain 0 "verdict: allow" "docker compose logs"
chmod 666 "$p/compose.override.yaml"
explain 77 "writable" "docker compose ps"
rm -f "$p/compose.override.yaml"
compose_file 'services:
  plain: {image: alpine}
  debug: {image: alpine, privileged: true, profiles: [debug]}
  ext:
    extends: debug
    profiles: [ext]'
explain 0 "verdict: allow" "docker compose up -d plain"
explain 0 "verdict: allow" "docker compose ps ext"
explain 77 "service debug: privileged" "docker compose up -d ext"
explain 77 "service debug: privileged" "docker compose --profile ext up"
# ... but compose runs pre_stop hooks on stop and down: judged for all.
compose_file 'services:
  web:
    image: alpine
    pre_stop: [{command: id, privileged: true}]'
explain 77 "service web: pre_stop: --privileged" "docker compose down"
explain 77 "service web: pre_stop: --privileged" "docker compose down -t 5 web"

compose_file 'services:
  web:
    image: alpine'
chmod 666 "$p/compose.yaml"
explain 77 "writable" "docker compose ps"
explain 77 "writable" "docker compose up"

echo "compose: $pass passed, $fail failed"
[ "$fail" = 0 ]
