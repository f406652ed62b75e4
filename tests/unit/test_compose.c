/*
 * test_compose.c: compose projects and build contexts, through decide()
 * with a fake file resolver over tests/data/compose (a tree standing for
 * "/srv"): every check has a fixture that tries to get around it.
 */
#include "testutil.h"
#include "decidecase.h"

#include <sys/stat.h>

#include "cmdline.h"
#include "commands.h"
#include "compose.h"
#include "compose_impl.h"
#include "decide.h"
#include "grammar.h"
#include "mounts.h"
#include "policy.h"
#include "render.h"
#include "util.h"

#define DATA	"tests/data/compose"

static const char policy_text[] =
    "version: 1\n"
    "roles:\n"
    "  r:\n"
    "    allow:\n"
    "      - command: compose\n"
    "        subcommands: [ps, logs, up, down, restart, pull, build, run,\n"
    "                      exec, config, ls, version, cp, rm, stop, kill,\n"
    "                      create, start, scale, events,\n"
    "                      images]\n"
    "        projects: [\"/srv/stacks/*\"]\n"
    "        mounts: named\n"
    "        images: [nginx, alpine, \"local/*\"]\n"
    "      - command: build\n"
    "        images: [\"local/*\"]\n"
    "        contexts: [\"/srv/builds/*\", "
    "\"https://github.com/example/app.git#v1\"]\n"
    "  strict:\n"
    "    allow:\n"
    "      - command: compose\n"
    "        subcommands: [up]\n"
    "        projects: [\"/srv/stacks/*\"]\n"
    "        images: [alpine]\n"
    "        deny_flags: [publish, restart, network, network-alias,\n"
    "                     add-host, user]\n"
    "  nl:\n"
    "    allow:\n"
    "      - command: compose\n"
    "        subcommands: [ps, up, pull]\n"
    "        projects: [\"/srv/stacks/*\"]\n"
    "  nt:\n"
    "    allow:\n"
    "      - command: compose\n"
    "        subcommands: [ps, pull, build]\n"
    "        projects: [\"/srv/stacks/*\"]\n"
    "        unsafe: [image-tags]\n"
    "  bare:\n"
    "    allow:\n"
    "      - compose\n"
    "      - build\n"
    "  rs:\n"
    "    allow:\n"
    "      - command: build\n"
    "        images: [\"local/*\"]\n"
    "        contexts: [\"/srv/builds/*\"]\n"
    "        unsafe: [remote-sources]\n"
    "  lim:\n"
    "    allow:\n"
    "      - command: compose\n"
    "        subcommands: [up]\n"
    "        projects: [\"/srv/stacks/*\"]\n"
    "        unsafe: [log-egress]\n"
    "        limits:\n"
    "          memory: {max: 1g}\n"
    "          cpus: {max: 2}\n"
    "          pids: {max: 512}\n"
    "          shm-size: {max: 64m}\n"
    "          tmpfs-size: {max: 64m}\n"
    "          log-size: {max: 100m}\n"
    "  limdef:\n"
    "    allow:\n"
    "      - command: compose\n"
    "        subcommands: [up]\n"
    "        projects: [\"/srv/stacks/*\"]\n"
    "        unsafe: [log-egress]\n"
    "        limits:\n"
    "          memory: {default: 256m, max: 1g}\n"
    "          log-size: {default: 10m}\n"
    "  q:\n"
    "    allow:\n"
    "      - command: compose\n"
    "        subcommands: [up, create, run, scale, ps, down, start]\n"
    "        projects: [\"/srv/stacks/*\"]\n"
    "        own: true\n"
    "        max_containers: 5\n"
    "  qdown:\n"
    "    allow:\n"
    "      - command: compose\n"
    "        subcommands: [up, ps, down, start]\n"
    "        projects: [\"/srv/stacks/*\"]\n"
    "        own: true\n"
    "        max_containers: 5\n"
    "  net:\n"
    "    allow:\n"
    "      - command: compose\n"
    "        subcommands: [up, ps, run]\n"
    "        projects: [\"/srv/stacks/*\"]\n"
    "        networks: [none, \"agents-*\"]\n"
    "  netdef:\n"
    "    allow:\n"
    "      - command: compose\n"
    "        subcommands: [up]\n"
    "        projects: [\"/srv/stacks/*\"]\n"
    "        networks: [none, \"agents-*\"]\n"
    "        network: agents-1\n"
    "  qown:\n"
    "    allow:\n"
    "      - command: compose\n"
    "        subcommands: [up]\n"
    "        projects: [\"/srv/stacks/*\"]\n"
    "        own: true\n";

/* "/srv/..." is DATA "/srv/..."; nothing else exists. */
static int
fake_file(void *ctx, const char *path, char **resolved, char **content,
    size_t *len, int *trusted, const char **errstr)
{
	struct stat st;
	char real[4096];
	FILE *f;

	(void)ctx;
	(void)errstr;
	*resolved = *content = NULL;
	*len = 0;
	*trusted = strstr(path, "untrusted") == NULL;
	if (strncmp(path, "/srv/", 5) != 0)
		return 1;
	(void)snprintf(real, sizeof(real), "%s%s", DATA, path);
	if (stat(real, &st) != 0)
		return 1;
	*resolved = mounts_clean_path(path);
	if (S_ISDIR(st.st_mode))
		return 0;
	*content = xcalloc((size_t)st.st_size + 1, 1);
	f = fopen(real, "r");
	assert_non_null(f);
	*len = fread(*content, 1, (size_t)st.st_size, f);
	(void)fclose(f);
	return 0;
}

static int
fake_path(void *ctx, const char *path, char **resolved, int *writable,
    const char **errstr)
{
	(void)ctx;
	(void)errstr;
	*resolved = xstrdup(path);
	*writable = 0;
	return 0;
}

/* Role q already has 2 containers; qdown's count fails (engine down). */
static int
fake_count(void *ctx, const char *role, long *n, int *unavailable,
    const char **errstr)
{
	(void)ctx;
	if (strcmp(role, "qdown") == 0) {
		*unavailable = 1;
		*errstr = "engine down";
		return -1;
	}
	*n = 2;
	return 0;
}

static struct resolver fake;
static struct policy *pol;

#define P "docker compose --project-directory /srv/stacks/"

static const struct dcase cases[] = {
	/* ordinary use */
	{ "r", P "ok up -d", 1, "docker compose "
	    "--project-directory=/srv/stacks/ok up --detach=true" },
	{ "r", "docker compose -f /srv/stacks/ok/compose.yaml ps", 1, "" },
	{ "r", "docker compose -f /srv/stacks/ok/compose.yaml -p okapp logs "
	    "web", 1, "" },
	{ "r", P "ok down", 1, "" },
	{ "r", P "ok build", 1, "" },
	{ "r", P "explicit-false up", 0, "privileged" },
	{ "r", P "pidhost/../ok pull", 1, "" },
	{ "r", "docker compose ls", 1, "" },
	{ "r", "docker compose version --short", 1, "" },
	/* command line */
	{ "r", P "ok top", 0, "docker compose top is not in this rule's "
	    "subcommands" },
	{ "r", P "ok down -v", 0, "data-loss" },
	{ "r", P "ok down --rmi all", 0, "data-loss" },
	{ "r", "docker compose -p prod down", 0, "project directory /home/u" },
	{ "r", P "ok -p prod down", 0, "-p prod names another project" },
	{ "r", P "ok run --rm -v /:/h api sh", 0, "host path /" },
	{ "r", P "ok run --rm -v ./x:/h api sh", 0, "host path" },
	{ "r", P "ok run --cap-add SYS_ADMIN api sh", 0, "capabilities" },
	{ "r", P "ok run --env-from-file /etc/shadow api sh", 0,
	    "client-files" },
	{ "r", P "ok exec --privileged web sh", 0, "privileged" },
	{ "r", P "ok cp web:/tmp/p /etc/cron.d/p", 0, "client-files" },
	{ "r", P "ok config", 0, "environment" },
	/* issue 17: names only, nothing redact_env hides */
	{ "r", P "ok config --services", 1, "" },
	{ "r", P "ok config --volumes --profiles --images --networks", 1, "" },
	{ "r", P "ok config --services=true web", 1, "" },
	{ "r", P "ok config --services --environment", 0, "print names only" },
	{ "r", P "ok config --services=false", 0, "environment" },
	{ "r", P "ok config --services --variables", 0, "environment" },
	{ "r", P "ok config --images --format json", 0, "environment" },
	{ "r", P "ok config --services --hash web", 0, "environment" },
	{ "r", P "ok config --services --no-interpolate", 0, "environment" },
	{ "r", P "ok stop", 1, "" },
	{ "r", P "ok start", 1, "" },
	{ "r", P "ok images", 1, "" },
	{ "r", "docker compose -f - up", 0, "standard input" },
	{ "r", "docker compose -f /tmp/c.yml up", 0, "project directory /tmp" },
	{ "r", "docker compose --project-directory /srv/stacks/ok -f "
	    "/srv/stacks/priv/compose.yaml up", 0, "outside the project" },
	{ "r", P "ok --env-file /srv/stacks/interp-env/.env up", 0,
	    "not a file in the project" },
	{ "r", P "nofile up", 0, "no compose file" },
	{ "r", P "untrusted up", 0, "writable by others" },
	{ "r", "docker compose --project-directory /srv/nothing up", 0,
	    "does not exist" },
	{ "bare", P "ok up", 0, "docker compose up is not in this rule's "
	    "subcommands" },
	/* compose files */
	{ "r", P "priv up", 0, "compose.yaml:4: service x: privileged: "
	    "--privileged" },
	{ "r", P "anchor up", 0, "risk class privileged" },
	{ "r", P "labels-map up", 0, "compose.yaml:7: service x: labels: "
	    "--label dockergate.owner= is never allowed" },
	{ "r", P "labels-list run x", 0, "reserved dockergate. prefix" },
	{ "r", P "mergelist up", 0, "capabilities" },
	{ "r", P "override up", 0, "compose.override.yaml:3: service x: "
	    "volumes:" },
	{ "r", P "include up", 0, "priv/compose.yaml:4: service x: "
	    "privileged" },
	{ "r", P "include-out up", 0, "/tmp/evil.yml is not inside" },
	{ "r", P "include-remote up", 0, "remote compose files" },
	{ "r", P "extends up", 0, "base.yaml:4: service b: devices:" },
	{ "r", P "interp up", 0, "needs a variable the project's .env" },
	{ "r", P "interp-env up", 0, "host-namespaces" },
	{ "r", P "interp-home up", 0, "gateway's environment" },
	{ "r", P "longvol up", 0, "host path /" },
	{ "r", P "longvol-csv up", 0, "commas and quotes" },
	{ "r", P "relvol up", 0, "host path /etc" },
	{ "r", P "tildevol up", 0, "\"~\"" },
	{ "r", P "netmode up", 0, "host-namespaces" },
	{ "r", P "netmode-upper up", 0, "network_mode" },
	{ "r", P "nethost up", 0, "host-namespaces" },
	{ "r", P "macvlan up", 0, "network driver macvlan" },
	{ "r", P "capall up", 0, "capabilities" },
	{ "r", P "threat109 up", 0, "service x: cap_add:" },
	{ "r", P "secopt up", 0, "security-options" },
	{ "r", P "userns up", 0, "userns_mode" },
	{ "r", P "cgparent up", 0, "kernel" },
	{ "r", P "sysctl up", 0, "kernel" },
	{ "r", P "runtime up", 0, "kernel" },
	{ "r", P "pidhost up", 0, "host-namespaces" },
	{ "r", P "ipccontainer up", 0, "ipc" },
	{ "r", P "volsfrom up", 0, "other-containers" },
	{ "r", P "voldriver up", 0, "host-mounts" },
	{ "r", P "envfile-out up", 0, "outside the project directory" },
	{ "r", P "secret-out up", 0, "/etc/shadow is outside the project" },
	{ "r", P "build-host build", 0, "/ is outside the project" },
	{ "r", P "build-net build", 0, "host-namespaces" },
	{ "r", P "build-label build", 0, "compose.yaml:7: service x: build: "
	    "--label dockergate.owner= is never allowed" },
	{ "r", P "build-label-list up", 0, "reserved dockergate. prefix" },
	{ "r", P "build-ssh build", 0, "client-files" },
	{ "r", P "build-addctx build", 0, "/etc is outside" },
	{ "r", P "build-df build", 0, "outside the project" },
	{ "r", P "build-tag build", 0, "writes the tag "
	    "docker.io/library/redis:latest" },
	{ "r", P "build-cache build", 0, "local build cache" },
	{ "r", P "build-ent build", 0, "entitlements" },
	{ "r", P "build-dfadd build", 0, "remote-sources" },
	{ "r", P "build-inline up", 0, "dockerfile_inline line 2: ADD" },
	{ "r", P "build-short build", 0, "FROM evil/base" },
	{ "r", P "hooks up", 0, "post_start: --privileged" },
	{ "r", P "hooks-root up", 0, "hook as root" },
	{ "r", P "provider up", 0, "provider services" },
	{ "r", P "watch up", 0, "develop: /root is outside" },
	{ "r", P "unknown-key up", 0, "unknown service key cgroupns_mode" },
	{ "r", P "unknown-top up", 0, "unknown top-level key models" },
	{ "r", P "binary-tag up", 0, "YAML tag" },
	{ "r", P "dotenv-file up", 0, "evil.yml:2: service x: privileged" },
	{ "r", P "dotenv-colon up", 0, "evil.yml:2: service x: privileged" },
	{ "r", P "dotenv-rel up", 0, "COMPOSE_FILE entry evil.yml is "
	    "relative" },
	{ "r", P "image-bad pull", 0, "image docker.io/evil/miner:latest "
	    "is not allowed" },
	{ "r", P "gpus up", 0, "gpus" },
	{ "r", P "logging up", 0, "log-egress" },
	{ "r", P "billion up", 0, "too large" },
	/* YAML as compose reads it: every document, merge keys anywhere */
	{ "r", P "multidoc up", 0, "more than one YAML document" },
	{ "r", P "merge-ok up", 1, "" },
	{ "r", P "merge-list up", 0, "privileged" },
	{ "r", P "merge-vol up", 0, "host-mounts" },
	{ "r", P "merge-net up", 0, "host-namespaces" },
	{ "r", P "merge-hook up", 0, "privileged" },
	{ "r", P "merge-secret up", 0, "/etc/shadow is outside the project" },
	{ "r", P "merge-log up", 0, "log-egress" },
	{ "r", P "merge-deploy up", 0, "gpus" },
	{ "r", P "merge-ext up", 0, "base.yaml:3: service b: privileged" },
	{ "r", P "merge-incl up", 0, "evil.yaml:4: service y: privileged" },
	{ "r", P "merge-deep up", 0, "merge keys (<<) nested deeper than" },
	{ "r", P "merge-cycle up", 0, "or in a cycle" },
	{ "r", P "extname up", 0, "host-namespaces" },
	/* an include's own variables */
	{ "r", P "inclenv up", 0, "inclenv/sub/.env would add its "
	    "variables" },
	{ "r", P "inclenv2 up", 0, "an include's env_file adds variables" },
	/* spellings compose and buildx fold */
	{ "r", P "cache-upper build", 0, "client-files" },
	{ "r", P "hookuser up", 0, "hook as root" },
	/* env files: compose prints the text of one it cannot parse */
	{ "r", P "dotenv-ok up", 1, "" },
	{ "r", P "envfile-key up", 0, "id_deploy line 1 is not a KEY=VALUE "
	    "line" },
	{ "r", P "dotenv-key up", 0, "dotenv-key/.env line 2 is not a "
	    "KEY=VALUE line" },
	{ "r", P "envfile-key --env-file /srv/stacks/envfile-key/id_deploy "
	    "ps", 0, "id_deploy line 1" },
	{ "r", P "dotenv-ok --env-file /srv/stacks/dotenv-ok/token ps", 1,
	    "" },
	/* ... and reads them before any subcommand, ls and version too */
	{ "r", "docker compose --env-file /srv/stacks/ok/.env ls", 0,
	    "--env-file is refused with docker compose ls" },
	{ "r", "docker compose -f /srv/stacks/ok/compose.yaml version", 0,
	    "--file is refused with docker compose version" },
	{ "r", "docker compose --file=/etc/passwd ls", 0, "--file is refused" },
	{ "r", "docker compose --project-directory /srv/stacks/ok version",
	    0, "--project-directory is refused" },
	{ "r", "docker compose -p okapp ls", 1, "" },
	/* issue 13: working_dir as docker run -w, hooks as exec -w */
	{ "r", P "wd-proc up", 0, "service x: working_dir: --workdir "
	    "/proc/self/fd/7" },
	{ "r", P "wd-merge up", 0, "working_dir: --workdir /dev/fd/5" },
	{ "r", P "wd-var up", 0, "kernel" },
	{ "r", P "wd-ext up", 0, "base.yaml:2: service b: working_dir" },
	{ "r", P "wd-hook up", 0, "pre_stop: --workdir /proc/self/fd/8" },
	{ "r", P "wd-watch up", 0, "develop: --workdir /sys/fs" },
	{ "r", P "keys-ok up", 1, "" },
	/* issue 13: the project name is compose's, not an included file's */
	{ "r", P "name-incl -p prodapp down", 0, "this project is name-incl" },
	{ "r", P "name-incl -p name-incl down", 1, "" },
	{ "r", P "name-ext --project-name=prodapp down", 0,
	    "this project is name-ext" },
	{ "r", P "name-ext -pname-ext down", 1, "" },
	{ "r", P "name-upper -p prodapp down", 1, "" },
	{ "r", P "name-upper -p ProdApp down", 0, "this project is prodapp" },
	{ "r", P "name-var --project-name prodapp_1 down", 1, "" },
	{ "r", P "name-var -p prod.app_1 down", 0, "names another project" },
	{ "r", P "name-override -psecond down", 1, "" },
	{ "r", P "name-override -p first down", 0, "this project is second" },
	{ "r", "docker compose -f /srv/stacks/name-override/compose.yaml -f "
	    "/srv/stacks/name-override/blank.yaml -p first down", 1, "" },
	{ "r", "docker compose -f /srv/stacks/name-override/compose.override."
	    "yaml -f /srv/stacks/name-override/compose.yaml -p first down", 1,
	    "" },
	{ "r", P "name-env -p envname down", 1, "" },
	{ "r", P "name-env -p filename down", 0, "this project is envname" },
	{ "r", P "name-empty down", 0, "empty once normalized" },
	/* COMPOSE_FILE: --project-directory stays the project directory */
	{ "r", P "cfile-sub -p cfile-sub down", 1, "" },
	{ "r", P "cfile-ok -p cfileapp down", 1, "" },
	/* issue 13: labels as docker run --label: no dockergate. prefix */
	{ "r", P "label-map up", 0, "service x: labels: --label "
	    "dockergate.owner=" },
	{ "r", P "label-list up", 0, "reserved dockergate. prefix" },
	{ "r", P "label-merge up", 0, "reserved dockergate. prefix" },
	{ "r", P "label-var up", 0, "reserved dockergate. prefix" },
	{ "r", P "label-build up", 0, "service x: build: --label "
	    "dockergate.owner=" },
	{ "r", P "label-deploy up", 0, "deploy: --label dockergate.owner=" },
	{ "r", P "label-file up", 0, "label_file: --label DOCKERGATE.owner=" },
	{ "r", P "label-ext up", 0, "base.yaml:5: service b: labels" },
	{ "r", P "label-incl up", 0, "sub/compose.yaml:4: service y: labels" },
	/* issue 13: the rule's deny_flags, by the run flag each key means */
	{ "strict", P "df-clean up", 1, "" },
	{ "strict", P "ok up", 0, "(deny_flags)" },
	{ "strict", P "df-ports up", 0, "service x: ports: --publish ports is "
	    "denied by this rule (deny_flags)" },
	{ "strict", P "df-restart up", 0, "restart: --restart unless-stopped "
	    "is denied" },
	{ "strict", P "df-deploy up", 0, "deploy: --restart" },
	{ "strict", P "df-net up", 0, "networks: --network front is denied" },
	{ "strict", P "df-hosts up", 0, "--add-host" },
	{ "strict", P "df-incl up", 0, "sub/compose.yaml:2: service y: "
	    "restart" },
	{ "strict", P "df-ext up", 0, "base.yaml:2: service b: ports" },
	{ "strict", P "netmode up", 0, "--network host is denied" },
	{ "strict", P "df-hookuser up", 0, "post_start: --user nobody is "
	    "denied" },
	{ "strict", P "df-svcnet up", 0, "network_mode: --network service:y "
	    "is denied" },
	/*
	 * issue 17: subcommands that start nothing are judged on the
	 * project and its files, not on its services ...
	 */
	{ "r", P "profiles ps", 1, "" },
	{ "r", P "profiles ps -a debug", 1, "" },
	{ "r", P "profiles logs debug", 1, "" },
	{ "r", P "profiles down", 1, "" },
	{ "r", P "profiles stop debug", 1, "" },
	{ "r", P "profiles kill", 1, "" },
	{ "r", P "profiles rm -f debug", 1, "" },
	/* events starts nothing, but shows exec command lines: redact_env */
	{ "r", P "profiles events", 0, "compose events is not available" },
	{ "r", P "priv ps", 1, "" },
	{ "r", P "priv down", 1, "" },
	{ "r", P "profiles-deps logs", 1, "" },
	{ "r", P "profiles-override ps", 1, "" },
	/* ... whose flags are still judged ... */
	{ "r", P "profiles down -v", 0, "data-loss" },
	{ "r", P "profiles down --volumes=true", 0, "data-loss" },
	{ "r", P "profiles down --rmi local", 0, "data-loss" },
	{ "r", P "profiles rm -fv", 0, "data-loss" },
	/* ... and whose files must still be trusted and readable */
	{ "r", P "untrusted ps", 0, "writable by others" },
	{ "r", P "envfile-out ps", 0, "outside the project directory" },
	{ "r", P "envfile-key down", 0, "id_deploy line 1" },
	{ "r", P "secret-out logs", 0, "/etc/shadow is outside the project" },
	{ "r", P "include-out ps", 0, "/tmp/evil.yml is not inside" },
	{ "r", P "multidoc ps", 0, "more than one YAML document" },
	{ "r", P "build-host down", 0, "/ is outside the project" },
	{ "r", P "watch ps", 0, "develop: /root is outside" },
	{ "r", P "profiles -p other ps", 0, "names another project" },
	/* ... and hooks (pre_stop runs on stop, down) and providers too */
	{ "r", P "hooks down", 0, "post_start: --privileged" },
	{ "r", P "hooks-root stop", 0, "hook as root" },
	{ "r", P "wd-hook down", 0, "pre_stop: --workdir /proc/self/fd/8" },
	{ "r", P "provider down", 0, "provider services" },
	{ "r", P "nofile ps", 0, "no compose file" },
	/* issue 17: the others judge the services they act on ... */
	{ "r", P "profiles up -d", 1, "" },
	{ "r", P "profiles up -d web", 1, "" },
	{ "r", P "profiles --profile jobs up -d", 1, "" },
	{ "r", P "profiles --profile=jobs up worker", 1, "" },
	{ "r", P "profiles pull", 1, "" },
	{ "r", P "profiles restart", 1, "" },
	{ "r", P "profiles create web", 1, "" },
	{ "r", P "profiles run --rm web sh", 1, "" },
	{ "r", P "profiles-env up web", 1, "" },
	{ "r", P "profiles-deps up plain", 1, "" },
	{ "r", P "profiles-ext up -d plain", 1, "" },
	{ "r", P "profiles-ext ps", 1, "" },
	/* ... the active profiles, however given ... */
	{ "r", P "profiles --profile debug up -d", 0, "service debug: "
	    "privileged: --privileged" },
	{ "r", P "profiles --profile=ops up", 0, "privileged" },
	{ "r", P "profiles --profile jobs --profile debug up", 0,
	    "privileged" },
	{ "r", P "profiles --profile jobs,debug up", 0, "privileged" },
	{ "r", P "profiles --profile * up", 0, "privileged" },
	{ "r", P "profiles --profile ops restart", 0, "privileged" },
	{ "r", P "profiles --profile debug pull", 0, "privileged" },
	{ "r", P "profiles-env up", 0, "service debug: privileged" },
	{ "r", P "profiles-colon up", 0, "service debug: privileged" },
	{ "r", P "profiles-env create", 0, "privileged" },
	{ "r", P "profiles-override up", 0, "service debug: privileged" },
	/* ... the services named, whatever their profiles ... */
	{ "r", P "profiles up debug", 0, "service debug: privileged" },
	{ "r", P "profiles up -d web debug", 0, "privileged" },
	{ "r", P "profiles run --rm debug sh", 0, "privileged" },
	{ "r", P "profiles create debug", 0, "privileged" },
	{ "r", P "profiles start debug", 0, "privileged" },
	{ "r", P "profiles restart debug", 0, "privileged" },
	{ "r", P "profiles scale debug=2", 0, "privileged" },
	{ "r", P "profiles up --scale debug=1 web", 0, "privileged" },
	{ "r", P "profiles up nosuch", 0, "no service nosuch in this project" },
	{ "r", P "profiles up --scale nosuch=1", 0, "no service nosuch" },
	/* ... and every service those depend on */
	{ "r", P "profiles-deps up", 0, "privileged" },
	{ "r", P "profiles-deps up d-short", 0, "service priv: privileged" },
	{ "r", P "profiles-deps up d-long", 0, "service priv: privileged" },
	{ "r", P "profiles-deps up d-link", 0, "service priv: privileged" },
	{ "r", P "profiles-deps up d-net", 0, "service priv: privileged" },
	{ "r", P "profiles-deps up d-ipc", 0, "service priv: privileged" },
	{ "r", P "profiles-deps up d-volfrom", 0, "service priv: privileged" },
	{ "r", P "profiles-deps up d-ext", 0, "privileged" },
	{ "r", P "profiles-deps build d-ctx", 0, "service priv: privileged" },
	{ "r", P "profiles-deps up --no-deps d-deep", 0, "service priv: "
	    "privileged" },
	{ "r", P "profiles-deps run d-deep", 0, "service priv: privileged" },
	{ "r", P "profiles-deps up d-ghost", 0, "service d-ghost: it depends "
	    "on the service ghost, which no compose file" },
	/* ... a service built with extends: its base's profiles count too */
	{ "r", P "profiles-extoff up -d", 1, "" },
	{ "r", P "profiles-extoff --profile other up -d", 1, "" },
	{ "r", P "profiles-extoff --profile debug up -d", 0,
	    "service shell: privileged" },
	{ "r", P "profiles-extoff up shell", 0, "service shell: privileged" },
	{ "r", P "profiles-extoff --profile ops up", 0, "service tool: "
	    "privileged" },
	/* ... a template of an extends file is no service of the project */
	{ "r", P "profiles-exttmpl up -d", 1, "" },
	{ "r", P "profiles-exttmpl ps", 1, "" },
	{ "r", P "profiles-exttmpl up debug", 0, "tmpl.yaml:4: service "
	    "priv-base: privileged" },
	{ "r", P "profiles-exttmpl --profile=debug up", 0, "service "
	    "priv-base: privileged" },
	/* ... and for restart and start, every service depending on those */
	{ "r", P "profiles-rev up -d web", 1, "" },
	{ "r", P "profiles-rev restart other", 1, "" },
	{ "r", P "profiles-rev ps", 1, "" },
	{ "r", P "profiles-rev restart web", 0, "service probe: privileged" },
	{ "r", P "profiles-rev start web", 0, "service probe: privileged" },
	{ "r", P "profiles-ext up", 0, "base.yaml:4: service b: privileged" },
	{ "r", P "profiles-ext up web", 0, "base.yaml:4: service b: "
	    "privileged" },
	{ "r", P "profiles-ext --profile front up plain front", 0,
	    "service b: privileged" },
	/* docker build */
	{ "r", "docker build -t local/x -", 1, "docker image build "
	    "--tag=local/x -" },
	{ "r", "docker build -t local/x /srv/builds/ctx", 1, "" },
	{ "r", "docker build -t local/x -f /srv/builds/ctx/Dockerfile "
	    "/srv/builds/ctx", 1, "" },
	/* a remote context only exactly as listed */
	{ "r", "docker build -t local/x "
	    "https://github.com/example/app.git#v1", 1, "" },
	{ "r", "docker build -t local/x "
	    "https://github.com/example/app.git", 0, "remote build context" },
	{ "r", "docker build -t local/x "
	    "https://github.com/example/app.git#v1:sub", 0, "remote build" },
	{ "r", "docker build -t local/x "
	    "HTTPS://github.com/example/app.git#v1", 0, "remote build" },
	{ "r", "docker build -t local/x https://evil.example/x.git", 0,
	    "not in this rule's contexts" },
	{ "r", "docker build -t local/x /srv/stacks/ok", 0, "not in this "
	    "rule's contexts" },
	{ "r", "docker build -t local/x .", 0, "build context" },
	{ "r", "docker build -t local/x -f /srv/builds/Dockerfile.outside "
	    "/srv/builds/ctx", 0, "inside the build context" },
	{ "r", "docker build -t local/x -f ../x -", 0, "relative path" },
	{ "r", "docker build -t nginx /srv/builds/ctx", 0, "image-tags" },
	{ "r", "docker build --network host -t local/x -", 0,
	    "host-namespaces" },
	{ "r", "docker build --iidfile /etc/cron.d/x -t local/x -", 0,
	    "client-files" },
	{ "r", "docker build --metadata-file /x -t local/x -", 0,
	    "client-files" },
	{ "r", "docker build -o type=local,dest=/x -t local/x -", 0,
	    "client-files" },
	{ "r", "docker build --secret id=s,src=/etc/shadow -t local/x -", 0,
	    "client-files" },
	{ "r", "docker build --ssh default -t local/x -", 0, "client-files" },
	{ "r", "docker build --build-context a=/etc -t local/x -", 0,
	    "client-files" },
	{ "r", "docker build --cache-from type=local,src=/x -t local/x -", 0,
	    "client-files" },
	{ "r", "docker build --cache-to type=local,dest=/x -t local/x -", 0,
	    "client-files" },
	{ "r", "docker build --cache-from local/cache -t local/x -", 1, "" },
	{ "r", "docker build --allow network.host -t local/x -", 0,
	    "never allowed" },
	{ "r", "docker build --builder evil -t local/x -", 0,
	    "never allowed" },
	{ "bare", "docker build /srv/builds/ctx", 0,
	    "without contexts only" },
	/* second review (issue 13): the same checks as docker run */
	{ "r", P "kproc-short up", 0, "risk class kernel" },
	{ "r", P "kproc-long up", 0, "risk class kernel" },
	{ "r", P "kproc-tmpfs up", 0, "risk class kernel" },
	{ "r", P "kproc-tmpfs-str up", 0, "risk class kernel" },
	{ "r", P "kshm up", 1, "" },
	{ "r", P "blkio-escape up", 0, "risk class devices" },
	{ "r", P "blkio-nodev up", 0, "risk class devices" },
	{ "r", P "blkio-ok up", 1, "" },
	{ "r", P "blkio-unknown up", 0, "unknown blkio_config key" },
	{ "r", P "platform up", 0, "risk class image-tags" },
	{ "nl", P "loopimg up", 0, "which is this host" },
	{ "nl", P "loopimg pull", 0, "which is this host" },
	{ "nl", P "loopimg ps", 1, "" },
	{ "nt", P "loopbuild pull", 0, "which is this host" },
	{ "nt", P "loopbuild build", 0, "which is this host" },
	{ "nt", P "loopbuild ps", 1, "" },
	/* issue 16: resource keys held to the rule's limits */
	{ "lim", P "lim-ok up", 1, "" },
	{ "lim", P "lim-mem up", 0, "--memory 2g is over the cap memory max "
	    "1g" },
	{ "lim", P "lim-mem-int up", 0, "--memory 1073741825 is over" },
	{ "lim", P "lim-deploy up", 0, "--memory 2g is over" },
	{ "lim", P "lim-deploy-cpus up", 0, "--cpus 2.5 is over the cap cpus" },
	{ "lim", P "lim-deploy-pids up", 0, "--pids-limit -1 means no limit" },
	{ "lim", P "lim-pids up", 0, "--pids-limit -1 means no limit" },
	{ "lim", P "lim-swap up", 0, "--memory-swap -1 means no limit" },
	{ "lim", P "lim-shm up", 0, "--shm-size 1g is over the cap shm-size" },
	{ "lim", P "lim-tmpfs up", 0, "--tmpfs /t has no size" },
	{ "lim", P "lim-tmpfs-big up", 0, "--tmpfs /b:size=1g is over" },
	{ "lim", P "lim-tmpfs-long up", 1, "" },
	{ "lim", P "lim-other up s", 1, "" },
	{ "lim", P "lim-other up", 0, "service t: without mem_limit" },
	/* issue 16: compose under own: true and max_containers (q has 2) */
	{ "q", P "q-ok up", 1, "compose --project-directory=/srv/stacks/q-ok "
	    "up" },
	{ "q", P "q-ok up -d web", 1, "up --detach=true web" },
	{ "q", P "q-ok up --scale web=2", 1, "--scale=web=2" },
	{ "q", P "q-ok up --scale web=3", 0, "this would create 4 containers" },
	{ "q", P "q-ok up --scale web=4", 0, "this would create 5 containers "
	    "and role q already has 2 (running or stopped); this rule allows "
	    "at most 5 (max_containers)" },
	{ "q", P "q-ok up --scale=web=500", 0, "this would create more than "
	    "5 containers" },
	{ "q", P "q-ok up --scale web=1 --scale web=4", 0, "would create 5" },
	{ "q", P "q-ok up --scale db=4 web", 0, "would create 5" },
	{ "q", P "q-ok up --scale web=abc", 0, "scale web: \"abc\" is not a "
	    "number of containers" },
	{ "q", P "q-ok up --scale web=-1", 0, "is not a number" },
	{ "q", P "q-ok up --scale web=0x10", 0, "is not a number" },
	{ "q", P "q-ok up --scale web=99999999999999999999", 0,
	    "is not a number" },
	{ "q", P "q-ok --profile extra up", 0, "would create more than 5" },
	{ "q", P "q-ok create --scale web=4", 0, "would create 5" },
	{ "q", P "q-ok scale web=2", 1, "" },
	{ "q", P "q-ok scale web=4", 0, "would create 5" },
	{ "q", P "q-ok run --rm web true", 1, "" },	/* 1 + db */
	{ "q", P "q-dep run web true", 0, "would create 4" },	/* 1 + 3 */
	{ "q", P "q-ok ps", 1, "" },
	{ "q", P "q-ok down", 1, "" },
	{ "qdown", P "q-ok ps", 1, "" },	/* no count: no lock */
	{ "qdown", P "q-ok down", 1, "" },
	{ "q", P "q-scale up", 0, "would create 4" },
	{ "q", P "q-scale up db", 1, "" },
	{ "q", P "q-scale up --scale web=2", 1, "" },	/* the flag wins */
	{ "q", P "q-replicas up", 0, "would create 4" },
	{ "q", P "q-both up", 0, "would create 4" },
	{ "q", P "q-dep up web", 0, "would create 4" },
	{ "q", P "q-extends up web", 0, "would create more than 5" },
	{ "q", P "q-var up", 0, "compose.yaml:5: service web: \"${REPLICAS}\" "
	    "needs" },
	{ "q", P "q-bad up", 0, "compose.yaml:5: service web: "
	    "deploy.replicas: \"1.5\" is not a number of containers" },
	{ "q", P "q-neg up", 0, "scale: \"-1\" is not a number" },
	{ "q", P "q-nolabel up", 0, "service web: under own: true the "
	    "containers compose creates must carry the owner label, which "
	    "compose cannot be given from outside: add \"dockergate.owner: q\" "
	    "to the service's labels" },
	{ "q", P "q-nolabel run web", 0, "must carry the owner label" },
	{ "q", P "q-nolabel ps", 1, "" },	/* creates nothing */
	{ "q", P "q-other up", 0, "the label dockergate.owner=ai-worker names "
	    "another role than q" },
	{ "q", P "q-case up", 0, "reserved dockergate. prefix" },
	{ "q", P "q-deploy up", 0, "deploy: --label dockergate.owner= is "
	    "never allowed" },
	{ "qown", P "q-nolabel up", 0, "must carry the owner label" },
	{ "r", P "q-ok up", 0, "--label dockergate.owner= is never allowed" },
	/* issue 16: compose networks by the engine's name for them */
	{ "net", P "net-ok up", 1, "" },
	{ "net", P "net-default up", 0, "compose.yaml:4: service a: the "
	    "service (no networks: the project's default network) joins the "
	    "network net-default_default, which is not in this rule's "
	    "networks (none, agents-*)" },
	{ "net", P "net-default ps", 1, "" },	/* starts nothing */
	{ "net", P "net-default-named up", 1, "" },
	{ "net", P "net-key up", 0, "joins the network net-key_agents-1, "
	    "which is not in" },
	{ "net", P "net-ext up", 0, "joins the network prod, which" },
	{ "net", P "net-mode up", 0, "network_mode: the service joins the "
	    "network prod_backend" },
	{ "net", P "net-bridge up", 0, "joins the network bridge" },
	{ "net", P "net-override up", 0, "joins the network prod" },
	{ "net", P "net-merged up", 1, "" },
	{ "net", P "net-notacted up a", 1, "" },
	{ "net", P "net-notacted up b", 0, "\"${UNSET}\" needs" },
	{ "net", P "net-reset up", 0, "joins the network net-reset_default" },
	{ "net", P "net-var up", 0, "\"${NET}\" needs" },
	{ "net", P "net-list-var up", 0, "joins the network prod" },
	{ "net", P "net-list-var run a true", 0, "joins the network prod" },
	{ "netdef", P "net-ok up", 1, "" },
	{ "netdef", P "net-default up", 0, "the service names no network and "
	    "joins the project's default network net-default_default; this "
	    "rule's network: agents-1 cannot be given to compose: give the "
	    "service networks: [KEY] and the file a top-level networks: {KEY: "
	    "{name: agents-1, external: true}}" },
	{ "netdef", P "net-default-named up", 0, "cannot be given to "
	    "compose" },
	{ "r", P "net-default up", 1, "" },	/* no networks: any */
	{ "lim", P "lim-tmpfs-long-big up", 0, "--mount type=tmpfs,target=/u,"
	    "tmpfs-size=1g is over the cap tmpfs-size max 64m" },
	{ "lim", P "lim-tmpfs-long-nosize up", 0, "has no tmpfs-size, and "
	    "this rule caps tmpfs-size at 64m: add tmpfs-size=64m" },
	{ "lim", P "lim-log up", 0, "--log-opt max-size=1g is over the cap "
	    "log-size max 100m" },
	{ "lim", P "lim-quota up", 0, "give the service cpus instead" },
	{ "lim", P "lim-interp up", 0, "cannot be read" },
	{ "lim", P "lim-none up", 0, "compose.yaml:3: service s: without "
	    "mem_limit the service has no memory limit, and this rule caps "
	    "memory at 1g: set mem_limit (at most 1g) in the service" },
	{ "lim", P "lim-memonly up", 0, "without cpus the service has no cpus "
	    "limit" },
	{ "limdef", P "lim-none up", 0, "compose.yaml:3: service s: this rule "
	    "gives "
	    "memory a default of 256m, which compose cannot be given from "
	    "outside: set mem_limit: 256m in the service" },
	{ "limdef", P "lim-memonly up", 0, "set logging.options.max-size: 10m "
	    "in the service" },
	{ "limdef", P "lim-def up", 1, "" },
};

static int
setup(void **state)
{
	(void)state;
	memset(&fake, 0, sizeof(fake));
	fake.path = fake_path;
	fake.cwd = "/home/u";
	fake.file = fake_file;
	fake.stdin_data = "FROM local/base\n";
	fake.stdin_len = strlen(fake.stdin_data);
	fake.count = fake_count;
	return dcase_policy(policy_text, &pol);
}

static int
teardown(void **state)
{
	(void)state;
	policy_free(pol);
	return 0;
}

static void
test_cases(void **state)
{
	(void)state;
	assert_int_equal(dcase_run_all(pol, &fake, cases, NELEM(cases)), 0);
}

/*
 * Every service key maps to the docker run flag it means, or is one of
 * compose's own keys; a key held to deny_flags only must be one whose run
 * flag carries no risk class (or a file compose confines itself).
 */
static void
test_key_table(void **state)
{
	static const char *const own[] = { "attach", "build", "command",
	    "configs", "credential_spec", "depends_on", "deploy", "develop",
	    "extends", "image", "models", "post_start", "pre_stop",
	    "profiles", "provider", "scale", "secrets", NULL };
	static const char *const confined[] = { "env_file", "label_file",
	    "links", NULL };
	const struct cmddef *run = commands_find("container run");
	const struct flagdef *f;
	const char *key, *flag;
	size_t i, j, n = 0;
	int named, listed;

	(void)state;
	for (i = 0; (key = cx_service_key(i, &flag, &named)) != NULL; i++) {
		for (j = 0, listed = 0; own[j] != NULL; j++)
			listed |= strcmp(own[j], key) == 0;
		if (flag == NULL) {
			if (!listed)
				fail_msg("service key %s maps to no run flag",
				    key);
			continue;
		}
		n++;
		if ((f = commands_flag(run, flag)) == NULL)
			fail_msg("%s: no --%s in docker run", key, flag);
		for (j = 0, listed = 0; confined[j] != NULL; j++)
			listed |= strcmp(confined[j], key) == 0;
		if (named && !listed && (f->kind != VK_PLAIN || f->risk != 0))
			fail_msg("%s: --%s has a risk class; it needs the full "
			    "check", key, flag);
	}
	assert_true(n > 70);
}

/*
 * Without --project-directory compose takes the directory of the first
 * COMPOSE_FILE entry as the project's: its name ("sub"), its .env, the
 * base of relative paths.  Refused unless that is the project directory.
 */
static void
test_compose_file_dir(void **state)
{
	static const struct dcase c[] = {
		{ "r", "docker compose -p sub down", 0, "compose would take "
		    "/srv/stacks/cfile-sub/sub as the project directory" },
		{ "r", "docker compose down", 0, "COMPOSE_FILE entry" },
	};
	static const struct dcase ok[] = {
		{ "r", "docker compose -p cfileapp down", 1, "" },
	};
	struct resolver r = fake;

	(void)state;
	r.cwd = "/srv/stacks/cfile-sub";
	assert_int_equal(dcase_run_all(pol, &r, c, NELEM(c)), 0);
	r.cwd = "/srv/stacks/cfile-ok";
	assert_int_equal(dcase_run_all(pol, &r, ok, NELEM(ok)), 0);
}

/*
 * docker build with standard input: the Dockerfile (or the tar context's
 * Dockerfile) is held to the rule; "r" limits images to local/ names, "rs"
 * opts into remote-sources.
 */
struct stdincase {
	const char	*role;
	const char	*in;
	const char	*cmd;
	int		 allow;
	const char	*expect;
};

static const struct stdincase stdin_cases[] = {
	{ "r", "FROM local/base\nRUN echo hi\n", "docker build -t local/x -",
	    1, "" },
	{ "r", "FROM local/base\nADD http://127.0.0.1:18777/secret.txt "
	    "/loot.txt\n", "docker build -t local/x -", 0, "remote-sources" },
	{ "r", "FROM local/base\nADD http://127.0.0.1/x /y\n",
	    "docker image build -t local/x -", 0, "line 2: ADD" },
	{ "r", "FROM local/base\nADD http://127.0.0.1/x /y\n",
	    "docker builder build -t local/x -", 0, "remote-sources" },
	{ "r", "FROM local/base\nonbuild add http://127.0.0.1/x /y\n",
	    "docker build -t local/x -", 0, "remote-sources" },
	{ "rs", "FROM local/base\nADD http://127.0.0.1/x /y\n",
	    "docker build -t local/x -", 1, "" },
	{ "r", "FROM alpine\n", "docker build -t local/x -", 0,
	    "FROM alpine: the build pulls it" },
	{ "r", "FROM local/base\nCOPY --from=nginx /a /b\n",
	    "docker build -t local/x -", 0, "COPY --from=nginx" },
	{ "r", "ARG B=local/base\nFROM $B\n",
	    "docker build --build-arg B=alpine -t local/x -", 0,
	    "docker.io/library/alpine" },
	{ "r", "ARG B=alpine\nFROM $B\n",
	    "docker build --build-arg B=local/y -t local/x -", 1, "" },
	{ "r", "FROM local/base\n",
	    "docker build --build-arg BUILDKIT_SYNTAX=x/y -t local/x -", 0,
	    "remote-sources" },
	{ "r", "# syntax=docker/dockerfile:1\nFROM local/base\n",
	    "docker build -t local/x -", 0, "syntax" },
	{ "rs", "# syntax=docker/dockerfile:1\nFROM local/base\n",
	    "docker build -t local/x -", 1, "" },
	{ "r", "FROM local/base\nRUN --network=host true\n",
	    "docker build -t local/x -", 0, "host-namespaces" },
	{ "rs", "FROM local/base\nRUN --security=insecure true\n",
	    "docker build -t local/x -", 0, "privileged" },
	{ "r", "FROM local/base\nFETCH x\n", "docker build -t local/x -", 0,
	    "unknown instruction" },
	{ "r", "\x1f\x8b\x08\x00", "docker build -t local/x -", 0,
	    "compressed" },
	/* -f - with a context directory: standard input is the Dockerfile */
	{ "r", "FROM local/base\nADD http://127.0.0.1/x /y\n",
	    "docker build -t local/x -f - /srv/builds/ctx", 0,
	    "remote-sources" },
	{ "r", "FROM local/base\n", "docker build -t local/x -f - "
	    "/srv/builds/ctx", 1, "" },
	{ "r", "FROM local/base\n", "docker build -t local/x -f - -", 0,
	    "both come from standard input" },
	/* a Dockerfile in an allowed context directory is checked too */
	{ "r", "", "docker build -t local/x -f /srv/builds/ctx/Dockerfile.add "
	    "/srv/builds/ctx", 0, "remote-sources" },
	{ "r", "", "docker build -t local/x /srv/builds/addctx", 0,
	    "remote-sources" },
};

static void
test_build_stdin(void **state)
{
	struct dcase d;
	size_t i;
	int bad = 0;

	(void)state;
	for (i = 0; i < NELEM(stdin_cases); i++) {
		fake.stdin_data = stdin_cases[i].in;
		fake.stdin_len = strlen(stdin_cases[i].in);
		d.role = stdin_cases[i].role;
		d.cmd = stdin_cases[i].cmd;
		d.allow = stdin_cases[i].allow;
		d.expect = stdin_cases[i].expect;
		bad += dcase_run(pol, &fake, &d);
	}
	/* Not read (no main in front): denied. */
	fake.stdin_data = NULL;
	d.role = "r";
	d.cmd = "docker build -t local/x -";
	d.allow = 0;
	d.expect = "was not read";
	bad += dcase_run(pol, &fake, &d);
	fake.stdin_data = "FROM local/base\n";
	fake.stdin_len = strlen(fake.stdin_data);
	assert_int_equal(bad, 0);
}

/*
 * Issue 17: the command table says which compose subcommands start
 * nothing; none that starts, creates, builds, pulls or runs a command
 * in a container may say so, and only restart and start act on
 * dependents.
 */
static void
test_starts_nothing(void **state)
{
	static const char *const starts[] = { "up", "create", "run", "start",
	    "restart", "build", "pull", "push", "scale", "watch", "exec",
	    "attach", "commit", "cp", "export", NULL };
	static const char *const nothing[] = { "ps", "logs", "top", "images",
	    "port", "events", "stats", "volumes", "wait", "stop", "down", "rm",
	    "kill", "pause", "unpause", "config", "ls", "version", NULL };
	const struct cmddef *c;
	char name[CMD_NAME_MAX];
	size_t i, n = 0;

	(void)state;
	for (i = 0; starts[i] != NULL; i++) {
		(void)snprintf(name, sizeof(name), "compose %s", starts[i]);
		assert_non_null(c = commands_find(name));
		if (c->traits & CMD_STARTS_NOTHING)
			fail_msg("%s is marked as starting nothing", name);
		if (((c->traits & CMD_DEPENDENTS) != 0) !=
		    (strcmp(starts[i], "start") == 0 ||
		    strcmp(starts[i], "restart") == 0))
			fail_msg("%s: CMD_DEPENDENTS", name);
	}
	for (i = 0; nothing[i] != NULL; i++) {
		(void)snprintf(name, sizeof(name), "compose %s", nothing[i]);
		assert_non_null(c = commands_find(name));
		assert_true(c->traits & CMD_STARTS_NOTHING);
	}
	for (i = 0; commands_table[i].name[0] != '\0'; i++)
		n += (commands_table[i].traits & CMD_STARTS_NOTHING) != 0;
	assert_int_equal(n, NELEM(nothing) - 1);
}

/* Without a file resolver nothing local can be checked: denied. */
/* The env-file syntax check, line by line: what compose reads, and not. */
static void
test_dotenv_bad(void **state)
{
	static const char nul[] = "A=1\nB\0=2\n";
	static const struct {
		const char	*text;
		size_t		 bad;
	} t[] = {
		{ "", 0 },
		{ "A=1\nB=2", 0 },
		{ "# c\n\n  \t\nexport A=1\n", 0 },
		{ "A = \"x y\" # c\r\nB='z'\n", 0 },
		{ "A: b\nKEY\nx.y-z[1]=v\nI=\"a \\\" b\"\n", 0 },
		{ "s3cret\n", 0 },		/* a bare key: inherited */
		{ "export=1\n", 0 },		/* a key named export */
		{ "export\n", 0 },
		{ "A=1\n-----BEGIN KEY-----\n", 2 },
		{ "hunter2!\n", 1 },
		{ "A B=1\n", 1 },
		{ "A=\"open\nB=1\"\n", 1 },	/* multi-line value */
		{ "A='x' junk!\n", 1 },
		{ "=1\n", 1 },
		{ "\xc3\xa9=1\n", 1 },		/* stricter than compose */
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(t); i++)
		if (cx_dotenv_bad(t[i].text, strlen(t[i].text)) != t[i].bad)
			fail_msg("case %zu: line %zu, want %zu", i,
			    cx_dotenv_bad(t[i].text, strlen(t[i].text)),
			    t[i].bad);
	assert_int_equal(cx_dotenv_bad(nul, sizeof(nul) - 1), 2);
}

static void
test_no_resolver(void **state)
{
	struct strv words = { NULL, 0, 0 };
	struct resolver none;
	struct request req;
	struct verdict v;
	const char *err;

	(void)state;
	memset(&none, 0, sizeof(none));
	none.cwd = "/srv/stacks/ok";
	assert_int_equal(cmdline_split("docker compose up", 17, &words, &err),
	    0);
	assert_int_equal(grammar_parse(words.v + 1, words.n - 1, &req, &err),
	    0);
	(void)decide(pol, "r", &req, &none, &v);
	assert_false(v.allow);
	assert_non_null(strstr(v.reason, "can not be checked here"));
	decide_verdict_free(&v);
	grammar_free(&req);
	strv_free(&words);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_dotenv_bad),
		cmocka_unit_test(test_key_table),
		cmocka_unit_test(test_compose_file_dir),
		cmocka_unit_test(test_build_stdin),
		cmocka_unit_test(test_starts_nothing),
		cmocka_unit_test(test_no_resolver),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
