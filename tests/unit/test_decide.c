/*
 * test_decide.c: the decision against a policy from memory and a fake
 * resolver.  Every check has a case that tries to get around it.
 */
#include "testutil.h"
#include "decidecase.h"

#include "cmdline.h"
#include "decide.h"
#include "grammar.h"
#include "policy.h"
#include "redact.h"
#include "render.h"
#include "util.h"

static const char policy_text[] =
    "version: 1\n"
    "roles:\n"
    "  r:\n"
    "    allow:\n"
    "      - ps\n"
    "      - command: run\n"
    "        images: [alpine, \"ghcr.io/acme/*\"]\n"
    "        mounts: named\n"
    "        binds: [\"/srv/shared:ro\", /srv/rw]\n"
    "        unsafe: [gpus]\n"
    "        deny_flags: [publish]\n"
    "      - command: [start, restart]\n"
    "        containers: [\"web-*\"]\n"
    "      - command: rm\n"
    "        labels: {team: a}\n"
    "      - command: stop\n"
    "        owned: true\n"
    "      - rmi\n"
    "      - command: tag\n"
    "        images: [\"local/*\"]\n"
    "      - container inspect\n"
    "      - command: inspect\n"
    "        redact_env: false\n"
    "      - command: run\n"
    "        images: [busybox]\n"
    "        own: true\n"
    "      - system prune\n"
    "      - volume rm\n"
    "      - command: create\n"
    "        images: [alpine]\n"
    "      - command: pull\n"
    "        images: [alpine]\n"
    "  s:\n"
    "    allow:\n"
    "      - command: [ps, events, stats]\n"
    "        labels: {team: a}\n"
    "  o:\n"
    "    allow:\n"
    "      - command: ps\n"
    "        owned: true\n"
    "  g:\n"
    "    allow:\n"
    "      - command: ps\n"
    "        containers: [\"web-*\"]\n"
    "  i:\n"
    "    allow:\n"
    "      - [inspect, container inspect, image inspect, service inspect]\n"
    "  x:\n"
    "    allow:\n"
    "      - command: volume rm\n"
    "        unsafe: [data-loss]\n"
    "      - command: run\n"
    "        unsafe: [host-mounts, privileged]\n"
    "  d:\n"
    "    allow:\n"
    "      - command: run\n"
    "        deny_flags: [net, publish-all, add-host]\n"
    "  t:\n"
    "    allow:\n"
    "      - command: [rename, top]\n"
    "        containers: [\"web-*\"]\n"
    "      - command: top\n"
    "        containers: [db]\n"
    "        redact_env: false\n"
    "      - command: service ps\n"
    "        containers: [\"web-*\"]\n"
    "  vd:\n"
    "    allow:\n"
    "      - command: [run, service create]\n"
    "        mounts: named\n"
    "        unsafe: [volume-drivers]\n"
    "      - command: [image prune, system prune, service update,\n"
    "                  service rollback, stack deploy, swarm join,\n"
    "                  swarm join-token, node update]\n"
    "  v:\n"
    "    allow:\n"
    "      - command: [run, create, service create]\n"
    "        mounts: named\n"
    "        volumes: [\"scratch-*\", cache]\n"
    "  lr:\n"
    "    allow:\n"
    "      - [pull, push, run, create, service create, rmi,\n"
    "         image inspect, build]\n"
    "      - command: service update\n"
    "        unsafe: [other-containers]\n"
    "      - command: [pull, run]\n"
    "        images: [\"localhost:5000/*\", \"[::1]:5000/ok\"]\n"
    "  pt:\n"
    "    allow:\n"
    "      - command: [pull, run, create, build]\n"
    "        unsafe: [image-tags]\n"
    "  ib:\n"
    "    allow:\n"
    "      - command: [inspect, image inspect]\n"
    "        redact_env: false\n"
    "  ih:\n"
    "    allow:\n"
    "      - command: [inspect, image inspect]\n"
    "        redact_env: false\n"
    "      - history\n"
    "  iv:\n"
    "    allow:\n"
    "      - [inspect, container inspect, volume inspect, network inspect]\n"
    "      - command: [inspect, image inspect]\n"
    "        images: [alpine]\n"
    "  ev:\n"
    "    allow:\n"
    "      - [events, compose events]\n"
    "  en:\n"
    "    allow:\n"
    "      - command: [events, compose events]\n"
    "        redact_env: false\n"
    "  k:\n"
    "    allow:\n"
    "      - command: [stop, kill, pause, unpause]\n"
    "        containers: [\"web-*\"]\n"
    "      - command: [image prune, builder prune, volume create]\n"
    "      - command: [run, create]\n"
    "        images: [alpine]\n"
    "        deny_flags: [publish]\n"
    "      - top\n";

/* Fake host: a link, a writable directory, everything else as given. */
static int
fake_path(void *ctx, const char *path, char **resolved, int *writable,
    const char **errstr)
{
	(void)ctx;
	if (strcmp(path, "/srv/missing") == 0) {
		*errstr = "/srv/missing: No such file or directory";
		return -1;
	}
	if (strcmp(path, "/srv/shared/link") == 0)
		*resolved = xstrdup("/etc");
	else
		*resolved = xstrdup(path);
	*writable = strncmp(path, "/srv/shared/w", 13) == 0;
	return 0;
}

static void
add_label(struct target *t, const char *k, const char *v)
{
	t->labels = xreallocarray(t->labels, t->nlabels + 1,
	    sizeof(*t->labels));
	t->labels[t->nlabels].key = xstrdup(k);
	t->labels[t->nlabels++].value = xstrdup(v);
}

#define SECRET_ID	"0badc0de00000000000000000000000000000000000000" \
			"000000000000000000"

/*
 * Containers: web-1, db (team=a), mine (owned by r), down (engine gone),
 * "0" (a prefix of secret-db's ID), "1" (an ambiguous prefix).
 */
static int
fake_container(void *ctx, const char *ref, struct target *t,
    int *unavailable, const char **errstr)
{
	(void)ctx;
	if (strcmp(ref, "down") == 0) {
		*unavailable = 1;
		*errstr = "cannot reach the Docker engine";
		return -1;
	}
	if (strcmp(ref, "1") == 0) {	/* as the engine words it */
		*errstr = "container lookup refused by the Docker engine "
		    "(HTTP 400): multiple IDs found with provided prefix: 1";
		return -1;
	}
	if (strcmp(ref, "0") == 0) {	/* an ID prefix of a private one */
		t->id = xstrdup(SECRET_ID);
		t->name = xstrdup("secret-db");
		add_label(t, "vault", "prod");
		return 0;
	}
	if (strcmp(ref, "web-1") != 0 && strcmp(ref, "db") != 0 &&
	    strcmp(ref, "mine") != 0 && strcmp(ref, "other") != 0) {
		*errstr = "no such container";
		return -1;
	}
	t->id = xasprintf("%064d", (int)strlen(ref));
	t->name = xstrdup(ref);
	if (strcmp(ref, "db") == 0)
		add_label(t, "team", "a");
	if (strcmp(ref, "other") == 0)
		add_label(t, "team", "b");
	if (strcmp(ref, "mine") == 0)
		add_label(t, "dockergate.owner", "r");
	return 0;
}

static struct policy *pol;

/* Images by ID: ...ab is alpine, ...cd is evil, ...ef has no tag. */
static int
fake_image(void *ctx, const char *ref, struct strv *tags, int *unavailable,
    const char **errstr)
{
	size_t n = strlen(ref);

	(void)ctx;
	if (n < 2) {
		*errstr = "no such image";
		return -1;
	}
	if (strcmp(ref + n - 2, "00") == 0) {
		*unavailable = 1;
		*errstr = "cannot reach the Docker engine";
		return -1;
	}
	if (strcmp(ref + n - 2, "ab") == 0) {
		strv_push(tags, "alpine:3.19");
		strv_push(tags, "other/x:1");
	} else if (strcmp(ref + n - 2, "cd") == 0)
		strv_push(tags, "evil/x:latest");
	else if (strcmp(ref + n - 2, "ef") != 0) {
		*errstr = "no such image";
		return -1;
	}
	return 0;
}

/* A build's standard input, as main would have read it: a plain Dockerfile. */
#define FAKE_STDIN	"FROM scratch\nCOPY . /\n"

static struct resolver fake = {
	.path = fake_path,
	.container = fake_container,
	.image = fake_image,
	.cwd = "/home/u",
	.stdin_data = FAKE_STDIN,
	.stdin_len = sizeof(FAKE_STDIN) - 1,
};

static const struct dcase cases[] = {
	{ "r", "docker ps -a", 1, "docker container ls --all=true" },
	{ "r", "docker run --rm alpine echo hi", 1,
	    "docker container run --rm=true alpine echo hi" },
	/* privileges, in every spelling */
	{ "r", "docker run --privileged alpine", 0, "risk class privileged" },
	{ "r", "docker run --privileged=1 alpine", 0, "privileged" },
	{ "r", "docker run --privileged=t alpine", 0, "privileged" },
	{ "r", "docker run --privileged=false alpine", 1, "" },
	{ "r", "docker run --device /dev/sda alpine", 0, "devices" },
	{ "r", "docker run --device-cgroup-rule 'b 8:* rmw' alpine", 0,
	    "devices" },
	{ "r", "docker run --gpus all alpine", 1, "" },
	{ "r", "docker run --cap-add sys_admin alpine", 0, "capabilities" },
	{ "r", "docker run --cap-add=CAP_SYS_ADMIN alpine", 0, "capabilities" },
	{ "r", "docker run --cap-add all alpine", 0, "capabilities" },
	{ "r", "docker run --cap-drop ALL alpine", 1, "" },
	{ "r", "docker run --security-opt apparmor:unconfined alpine", 0,
	    "security-options" },
	{ "r", "docker run --security-opt seccomp=unconfined alpine", 0,
	    "security-options" },
	{ "r", "docker run --security-opt no-new-privileges alpine", 1, "" },
	{ "r", "docker run --security-opt no-new-privileges=false alpine", 0,
	    "security-options" },
	{ "r", "docker run --read-only alpine", 1, "" },
	{ "r", "docker run --sysctl net.ipv4.ip_forward=1 alpine", 0,
	    "kernel" },
	{ "r", "docker run --oom-kill-disable alpine", 0, "kernel" },
	{ "r", "docker run --runtime=runc alpine", 0, "kernel" },
	{ "r", "docker run --cgroup-parent=/ alpine", 0, "kernel" },
	{ "r", "docker run -w /proc/self/fd/8 alpine", 0, "kernel" },
	/* namespaces */
	{ "r", "docker run --pid=host alpine", 0, "host-namespaces" },
	{ "r", "docker run --ipc host alpine", 0, "host-namespaces" },
	{ "r", "docker run --uts=host alpine", 0, "host-namespaces" },
	{ "r", "docker run --userns=host alpine", 0, "host-namespaces" },
	{ "r", "docker run --cgroupns=host alpine", 0, "host-namespaces" },
	{ "r", "docker run --net=host alpine", 0, "host-namespaces" },
	{ "r", "docker run --network name=HOST alpine", 0, "host-namespaces" },
	{ "r", "docker run --network container:victim alpine", 0,
	    "other-containers" },
	{ "r", "docker run --pid container:victim alpine", 0,
	    "other-containers" },
	{ "r", "docker run --volumes-from victim alpine", 0,
	    "other-containers" },
	{ "r", "docker run --link victim:db alpine", 0, "other-containers" },
	{ "r", "docker run --network none alpine", 1, "" },
	/* client files and log egress */
	{ "r", "docker run --env-file /etc/shadow alpine", 0, "client-files" },
	{ "r", "docker run --label-file /x alpine", 0, "client-files" },
	{ "r", "docker run --cidfile /tmp/x alpine", 0, "client-files" },
	{ "r", "docker run --log-driver gelf alpine", 0, "log-egress" },
	{ "r", "docker run --log-opt max-size=-1 alpine", 0, "log-egress" },
	/* host mounts */
	{ "r", "docker run -v /:/h alpine", 0, "outside this rule's binds" },
	{ "r", "docker run -itv/:/h alpine", 0, "--volume /:/h" },
	{ "r", "docker run -v=/:/h alpine", 0, "host path /" },
	{ "r", "docker run -v /:/h:ro alpine", 0, "outside" },
	{ "r", "docker run -v /srv/shared:/s:ro alpine", 1, "" },
	{ "r", "docker run -v /srv/shared/sub:/s:ro alpine", 1, "" },
	{ "r", "docker run -v /srv/shared:/s alpine", 0, "read-only" },
	{ "r", "docker run -v /srv/rw/sub:/s alpine", 1, "" },
	{ "r", "docker run -v /srv/rwx:/s alpine", 0, "outside" },
	{ "r", "docker run -v /srv/shared/../../etc:/s:ro alpine", 0, "\"..\"" },
	{ "r", "docker run -v /srv/shared/link:/s:ro alpine", 0, "/etc" },
	{ "r", "docker run -v /srv/shared/w:/s:ro alpine", 0, "writable" },
	{ "r", "docker run -v /srv/missing:/s:ro alpine", 0, "No such file" },
	{ "r", "docker run -v ./x:/s alpine", 0, "/home/u/x" },
	{ "r", "docker run --mount type=bind,src=/,dst=/h alpine", 0,
	    "host path /" },
	{ "r", "docker run --mount TYPE=BIND,SOURCE=/,TARGET=/h alpine", 0,
	    "host path /" },
	{ "r", "docker run --mount type=volume,src=ok,type=bind,src=/,dst=/h "
	    "alpine", 0, "host path /" },
	{ "r", "docker run --mount type=bind,src=./../..,dst=/h alpine", 0,
	    "" },
	{ "r", "docker run --mount type=bind,src=/srv/shared,dst=/s,ro "
	    "alpine", 1, "" },
	{ "r", "docker run --mount type=bind,src=/srv/shared,dst=/s,"
	    "bind-propagation=rshared,ro alpine", 0, "propagation" },
	{ "r", "docker run --mount 'type=volume,dst=/host,volume-driver=local,"
	    "volume-opt=type=none,volume-opt=device=/,volume-opt=o=bind' "
	    "alpine", 0, "host-mounts" },
	/* volume-drivers alone: a driver, but no options (they bind) */
	{ "vd", "docker run --mount type=volume,src=vv,dst=/d,"
	    "volume-driver=nfs alpine", 1, "" },
	{ "vd", "docker run --mount type=volume,src=vv,dst=/d,"
	    "VOLUME-OPT=o=bind,volume-opt=device=/ alpine", 0, "host-mounts" },
	{ "vd", "docker service create --mount type=volume,src=hh,dst=/h,"
	    "volume-driver=local,volume-opt=type=none,volume-opt=o=bind,"
	    "volume-opt=device=/ alpine", 0, "host-mounts" },
	/* prune: dangling= widens it as -a does */
	{ "vd", "docker image prune -f --filter dangling=false", 0,
	    "data-loss" },
	{ "vd", "docker image prune --filter ' Dangling =0'", 0, "data-loss" },
	{ "vd", "docker system prune --filter=dangling=true", 0, "data-loss" },
	{ "vd", "docker image prune --filter until=24h", 1, "" },
	/* service update and rollback act inside another's service */
	{ "vd", "docker service update --health-cmd id x", 0,
	    "other-containers" },
	{ "vd", "docker service rollback x", 0, "other-containers" },
	/* stack files are not checked: never; swarm control: privileged */
	{ "vd", "docker stack deploy -c - s", 0, "never" },
	{ "vd", "docker stack up --compose-file=- s", 0, "never" },
	{ "vd", "docker swarm join --token t 203.0.113.9:2377", 0,
	    "privileged" },
	{ "vd", "docker swarm join-token -q manager", 0, "privileged" },
	{ "vd", "docker node update --role manager n1", 0, "privileged" },
	{ "r", "docker run --volume-driver local -v d:/d alpine", 0,
	    "volume-drivers" },
	{ "r", "docker run -v data:/d alpine", 1, "" },
	{ "r", "docker run -v /data alpine", 1, "" },
	{ "r", "docker run --mount type=volume,src=data,dst=/d alpine", 1, "" },
	{ "r", "docker run --tmpfs /run:size=64m alpine", 1, "" },
	{ "r", "docker run --mount type=tmpfs,dst=/t alpine", 1, "" },
	{ "r", "docker run --mount type=image,src=alpine,dst=/i alpine", 0,
	    "mount type" },
	/* deny_flags by canonical name, any spelling */
	{ "r", "docker run -p 80:80 alpine", 0, "deny_flags" },
	{ "r", "docker run --publish=80:80 alpine", 0, "deny_flags" },
	{ "r", "docker run -dp80:80 alpine", 0, "deny_flags" },
	{ "r", "docker run -p=80:80 alpine", 0, "deny_flags" },
	{ "r", "docker container run -itp 80:80 alpine", 0, "deny_flags" },
	/* deny_flags written as a hidden alias catches the canonical flag,
	 * and a bool is denied in every spelling, even =false */
	{ "d", "docker run --network=mynet alpine", 0, "--network mynet" },
	{ "d", "docker run --net mynet alpine", 0, "deny_flags" },
	{ "d", "docker run -P alpine", 0, "deny_flags" },
	{ "d", "docker run -P=true alpine", 0, "deny_flags" },
	{ "d", "docker run --publish-all=1 alpine", 0, "deny_flags" },
	{ "d", "docker run -dtP alpine", 0, "deny_flags" },
	{ "d", "docker run -P=false alpine", 0, "--publish-all=false" },
	{ "d", "docker run --add-host=h:1.2.3.4 alpine", 0, "deny_flags" },
	{ "d", "docker run -d alpine", 1, "" },
	/* images */
	{ "r", "docker run ghcr.io/acme/app:1 true", 1, "" },
	{ "r", "docker run ghcr.io/evil/app true", 0, "not allowed" },
	{ "r", "docker run docker.io/library/alpine:3 true", 1, "" },
	{ "r", "docker run index.docker.io/library/alpine true", 1, "" },
	{ "r", "docker run alpine@sha256:"
	    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	    " true", 1, "" },
	{ "r", "docker run sha256:"
	    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	    " true", 0, "may use, by name or by ID" },
	{ "r", "docker run 0123456789ab true", 1, "0123456789ab" },
	{ "r", "docker run sha256:"
	    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd"
	    "ab true", 1, "" },
	{ "r", "docker run 0123456789cd true", 0, "may use, by name or by ID" },
	{ "r", "docker run 0123456789ef true", 0, "may use, by name or by ID" },
	{ "r", "docker run 012345678999 true", 0,
	    "image 012345678999 is not one this rule may use" },
	/* rename: the new name stays inside the globs */
	{ "t", "docker rename web-1 web-2", 1, "container rename" },
	{ "t", "docker rename web-1 sandbox-x", 0, "the new name sandbox-x "
	    "is outside this rule's containers" },
	{ "t", "docker container rename web-1 /sandbox", 0, "new name" },
	/* top: ps options can print the environment (e) */
	{ "t", "docker top web-1", 1, "" },
	{ "t", "docker top web-1 aux e", 0, "ps options (aux)" },
	{ "t", "docker container top web-1 -ef", 0, "ps options" },
	{ "t", "docker top db axe", 1, "axe" },
	/* service ps: a service= filter adds services to the pinned one */
	{ "t", "docker service ps --filter service=db web-svc", 0,
	    "adds services" },
	{ "t", "docker service ps -f ' SERVICE =db' web-svc", 0,
	    "adds services" },
	{ "t", "docker service ps --filter=service=db --no-trunc web-svc", 0,
	    "adds services" },
	/* volumes: named volumes by name glob; anonymous ones always */
	{ "v", "docker run -v scratch-1:/d alpine", 1, "" },
	{ "v", "docker run -v cache:/c -v /anon alpine", 1, "" },
	{ "v", "docker run -v prod_dbdata:/d alpine", 0, "the volume "
	    "prod_dbdata is not among this rule's volumes" },
	{ "v", "docker run --mount type=volume,src=prod_dbdata,dst=/d alpine",
	    0, "prod_dbdata is not among" },
	{ "v", "docker run --mount TYPE=VOLUME,SOURCE=prod_dbdata,TARGET=/d "
	    "alpine", 0, "prod_dbdata is not among" },
	{ "v", "docker run --mount source=prod_dbdata,target=/d alpine", 0,
	    "prod_dbdata is not among" },
	{ "v", "docker run -v=prod_dbdata:/d:ro alpine", 0, "not among" },
	{ "v", "docker run -v Cache:/c alpine", 0, "not among" },
	{ "v", "docker run -itv prod_dbdata:/d alpine", 0, "not among" },
	{ "v", "docker create -v scratch-x:/d -v prod:/p alpine", 0,
	    "the volume prod is not among" },
	{ "v", "docker service create --mount type=volume,src=prod,dst=/d "
	    "alpine", 0, "not among" },
	{ "v", "docker run --mount type=volume,dst=/d alpine", 1, "" },
	/* the daemon takes any ID prefix, however short: looked up too */
	{ "r", "docker run 4eab true", 1, "docker container run 4eab true" },
	{ "r", "docker run 4ecd true", 0, "may use, by name or by ID" },
	{ "r", "docker run a true", 0,
	    "image a is not one this rule may use" },
	{ "r", "docker run sha256:4ecd true", 0, "may use, by name or by ID" },
	{ "r", "docker create 0123456789cd", 0, "may use, by name or by ID" },
	/* pull takes names only: a hex string is a name there */
	{ "r", "docker pull 0123456789ab", 0, "image "
	    "docker.io/library/0123456789ab:latest is not allowed" },
	{ "r", "docker pull 4eab", 0, "not allowed" },
	{ "r", "docker pull alpine:3", 1, "" },
	{ "r", "docker run ALPINE true", 0, "invalid image" },
	{ "r", "docker run alpine/evil true", 0, "not allowed" },
	/* own: the owner label is added; our prefix is reserved */
	{ "r", "docker run busybox true", 1, "--label=dockergate.owner=r" },
	{ "r", "docker run -l dockergate.owner=r alpine", 0, "reserved" },
	{ "r", "docker run --label ' dockergate.x=1' alpine", 0, "reserved" },
	{ "r", "docker create --label dockergate.owner=r alpine", 0,
	    "reserved" },
	/* targets: names, labels, ownership, pinned to IDs */
	{ "r", "docker start web-1", 1, "0000000000000000000000000000000000"
	    "000000000000000000000000000005" },
	{ "r", "docker start db", 0, "container db is not one this rule may "
	    "act on (allowed: web-*)" },
	{ "r", "docker restart web-1 db", 0, "container db" },
	{ "r", "docker start nosuch", 0, "container nosuch is not one this "
	    "rule may act on (allowed: web-*)" },
	{ "r", "docker rm db", 1, "" },
	{ "r", "docker rm other", 0, "container other is not one this rule "
	    "may" },
	{ "r", "docker rm -v db", 0, "data-loss" },
	{ "r", "docker stop mine", 1, "" },
	{ "r", "docker stop web-1", 0, "owned by this role" },
	/* tags written */
	{ "r", "docker tag alpine local/x:1", 1, "" },
	{ "r", "docker tag evil nginx:latest", 0, "image-tags" },
	{ "r", "docker image tag evil docker.io/library/nginx", 0,
	    "image-tags" },
	/* inspect and redaction */
	{ "r", "docker container inspect web-1", 1, "" },
	{ "r", "docker container inspect -s web-1", 1, "" },
	{ "r", "docker container inspect -f '{{.Id}}' web-1", 1, "" },
	{ "r", "docker container inspect '--format={{json .Config.Env}}' "
	    "web-1", 0, ".Config.Env is not allowed for a container: use --format "
	    "with fields such as .State.Status" },
	{ "r", "docker container inspect -f '{{json .}}' web-1", 0,
	    "only be given printable values" },
	{ "r", "docker container inspect -f '{{.}}' web-1", 0,
	    "cannot be printed whole" },
	{ "r", "docker image inspect alpine", 0, "not allowed for role" },
	/* generic inspect reaches the types its own rule names */
	{ "r", "docker inspect -f '{{.Config.Env}}' web-1", 0,
	    "build arguments are redacted" },
	{ "r", "docker inspect --type container web-1", 0,
	    "this rule allows none" },
	{ "i", "docker inspect web-1", 1, "--type=container web-1" },
	{ "i", "docker inspect nosuch", 1, "--type=image nosuch" },
	{ "i", "docker inspect web-1 db", 1, "--type=container web-1 db" },
	{ "i", "docker inspect web-1 alpine", 0, "inspect them separately" },
	{ "i", "docker inspect --type=image web-1", 1, "--type=image web-1" },
	{ "i", "docker inspect --type volume v", 0, "not allowed by this rule" },
	{ "i", "docker inspect --type=network n", 0, "not allowed" },
	{ "i", "docker inspect --type task t", 0, "not allowed" },
	{ "i", "docker inspect --type plugin p", 0, "not allowed" },
	{ "i", "docker inspect --type Volume v", 0, "not allowed" },
	{ "i", "docker inspect --type= v", 0, "not allowed" },
	{ "i", "docker inspect --type image --type volume v", 0,
	    "not allowed" },
	{ "iv", "docker inspect --type volume v", 1, "--type=volume v" },
	{ "iv", "docker inspect --type=network n", 1, "--type=network n" },
	{ "iv", "docker inspect web-1", 1, "--type=container web-1" },
	{ "iv", "docker inspect vol", 0, "no such container" },
	{ "iv", "docker inspect --type image alpine", 1, "--type=image alpine" },
	{ "iv", "docker inspect --type image evil", 0, "not allowed" },
	{ "iv", "docker inspect --type secret s", 0, "not allowed" },
	{ "ib", "docker inspect web-1", 1, "--type=image web-1" },
	/* events: exec command lines */
	{ "ev", "docker events", 1, "--format={{json .}}" },
	{ "ev", "docker system events --since 1h", 1, "--format={{json .}}" },
	{ "ev", "docker events --format json", 1, "--format={{json .}}" },
	{ "ev", "docker events --format '{{.Action}}'", 0, "--format" },
	{ "ev", "docker events --format='{{json .Actor}}'", 0, "--format" },
	{ "ev", "docker events --format json --format '{{.Action}}'", 0,
	    "--format" },
	{ "ev", "docker compose -p x events", 0, "cannot be redacted" },
	{ "en", "docker events --format '{{.Action}}'", 1, "{{.Action}}" },
	/* data loss */
	{ "r", "docker system prune -f", 1, "" },
	{ "r", "docker system prune --volumes -f", 0, "data-loss" },
	{ "r", "docker system prune -a", 0, "data-loss" },
	{ "r", "docker volume rm v", 0, "data-loss" },
	{ "x", "docker volume rm v", 1, "" },
	{ "x", "docker volume remove v", 1, "" },
	/* opting into classes */
	{ "x", "docker run --privileged -v /:/h alpine", 1, "" },
	{ "x", "docker run --cap-add SYS_ADMIN alpine", 0, "capabilities" },
	/* never, whatever the rule */
	{ "r", "docker system dial-stdio", 0, "never allowed" },
	{ "r", "docker context ls", 0, "never allowed" },
	{ "r", "docker plugin install evil", 0, "never allowed" },
	/* listings under scoped rules: labels become filters docker ANDs */
	{ "s", "docker ps", 1, "docker container ls --filter=label=team=a" },
	{ "s", "docker ps -a --filter label=team=b", 1, "--all=true "
	    "--filter=label=team=b --filter=label=team=a" },
	{ "s", "docker container list -q", 1, "--filter=label=team=a" },
	{ "s", "docker events --since 1m", 1, "--filter=label=team=a" },
	{ "s", "docker stats", 0, "cannot be limited" },
	{ "s", "docker stats db", 1, "" },
	{ "o", "docker ps", 1, "--filter=label=dockergate.owner=o" },
	{ "g", "docker ps", 0, "cannot be limited" },
	/* commands the role does not have */
	{ "r", "docker exec web-1 sh", 0, "not allowed for role r" },
	/* issue 17 item 4: each denial says what is allowed instead */
	{ "k", "docker exec web-1 sh", 0, "docker container exec is not "
	    "allowed for role k (allowed: container stop, container kill, "
	    "container pause, container unpause, image prune, builder prune, "
	    "volume create, container run, container create, container top); "
	    "adding \"container exec\" to a rule of the role allows it" },
	{ "k", "docker kill web-1", 1, "" },
	{ "k", "docker container kill -s HUP web-1", 1, "" },
	{ "k", "docker pause web-1", 1, "" },
	{ "k", "docker unpause web-1", 1, "" },
	{ "k", "docker kill db", 0, "container db is not one this rule may "
	    "act on (allowed: web-*)" },
	{ "k", "docker pause web-1 db", 0, "container db is not one this rule "
	    "may act on (allowed: web-*)" },
	{ "k", "docker container unpause db", 0, "(allowed: web-*)" },
	{ "k", "docker image prune -a", 0, "(risk class data-loss); leave it "
	    "out, or unsafe: [data-loss] in the rule allows it" },
	{ "k", "docker builder prune --all", 0, "(risk class data-loss); leave "
	    "it out" },
	{ "k", "docker builder prune -f --filter until=24h", 1, "" },
	{ "k", "docker volume create -o device=/etc x", 0, "(risk class "
	    "host-mounts); leave it out, or unsafe: [host-mounts]" },
	{ "k", "docker volume create --driver=nfs x", 0, "leave it out, or "
	    "unsafe: [volume-drivers] in the rule allows it" },
	{ "k", "docker volume create x", 1, "" },
	{ "k", "docker volume create -d local x", 1, "" },
	{ "k", "docker volume create --driver Local x", 0, "volume-drivers" },
	{ "k", "docker create -p 80:80 alpine", 0, "--publish 80:80 is denied "
	    "by this rule (deny_flags); leave it out" },
	{ "k", "docker create alpine", 1, "" },
	{ "k", "docker top web-1 aux e", 0, "ps options (aux) can print the "
	    "processes' environment, which redact_env hides; leave them out" },
	{ "k", "docker top web-1", 1, "" },
	{ "r", "docker container exec web-1 sh", 0, "not allowed for role r" },
	{ "r", "docker cp web-1:/ -", 0, "not allowed for role r" },
	{ "nobody", "docker ps", 0, "no role" },
	/* registries on this host: only where the rule's images name them */
	{ "lr", "docker pull 127.0.0.1:18777/probe", 0, "which is this host" },
	{ "lr", "docker image pull 127.0.0.1:18777/probe", 0, "this host" },
	{ "lr", "docker pull localhost/probe", 0, "this host" },
	{ "lr", "docker pull LOCALHOST/probe", 0, "registry LOCALHOST" },
	{ "lr", "docker pull LOCALHOST:5000/probe", 0, "this host" },
	{ "lr", "docker pull localhost:5001/probe", 0, "this host" },
	{ "lr", "docker pull 127.1:18777/probe", 0, "this host" },
	{ "lr", "docker pull 127.0.1:80/probe", 0, "this host" },
	{ "lr", "docker pull 127.9.9.9/probe", 0, "this host" },
	{ "lr", "docker pull 0x7f.1:80/probe", 0, "this host" },
	{ "lr", "docker pull 2130706433:80/probe", 0, "this host" },
	{ "lr", "docker pull 0.0.0.0:80/probe", 0, "this host" },
	{ "lr", "docker pull 169.254.169.254/latest", 0, "this host" },
	{ "lr", "docker pull [::1]/probe", 0, "this host" },
	{ "lr", "docker pull [::1]:5000/probe", 0, "this host" },
	{ "lr", "docker pull [0:0:0:0:0:0:0:1]:5000/ok", 0, "this host" },
	{ "lr", "docker pull [::ffff:7f00:1]:80/probe", 0, "this host" },
	{ "lr", "docker pull [fe80::1]:80/probe", 0, "this host" },
	{ "lr", "docker pull a.localhost/probe", 0, "this host" },
	{ "lr", "docker pull [::ffff:127.0.0.1]/probe", 0,
	    "invalid image reference" },
	{ "lr", "docker push localhost:5000/probe", 0, "this host" },
	{ "lr", "docker run 127.0.0.1:5000/probe", 0, "this host" },
	{ "lr", "docker container run --rm [::1]:5000/x true", 0,
	    "this host" },
	{ "lr", "docker create localhost/probe", 0, "this host" },
	{ "lr", "docker container create 127.1/probe", 0, "this host" },
	{ "lr", "docker service create localhost:5000/probe", 0,
	    "this host" },
	{ "lr", "docker service update --image 127.0.0.1/probe svc", 0,
	    "this host" },
	{ "lr", "docker pull alpine", 1, "" },
	{ "lr", "docker pull ghcr.io/acme/app:1", 1, "" },
	{ "lr", "docker pull localhost:5000/probe", 1, "" },
	{ "lr", "docker pull [::1]:5000/ok", 1, "" },
	{ "lr", "docker run localhost:5000/probe", 1, "" },
	{ "lr", "docker run --rm "
	    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	    " true", 1, "" },
	{ "lr", "docker rmi localhost/probe", 1, "" },
	{ "lr", "docker image inspect 127.0.0.1:18777/probe", 1, "" },
	/* --platform re-points the local tag: image-tags */
	{ "r", "docker pull --platform linux/arm64 alpine", 0,
	    "risk class image-tags" },
	{ "r", "docker pull --platform=linux/arm64 alpine", 0, "image-tags" },
	{ "r", "docker image pull --platform linux/amd64 alpine", 0,
	    "image-tags" },
	{ "r", "docker run --platform linux/arm64 alpine", 0, "image-tags" },
	{ "r", "docker container run --platform=linux/arm64 alpine", 0,
	    "image-tags" },
	{ "r", "docker create --platform linux/arm64 alpine", 0,
	    "image-tags" },
	{ "lr", "docker build --platform linux/arm64 -", 0, "image-tags" },
	{ "lr", "docker build -", 1, "" },
	{ "pt", "docker pull --platform linux/arm64 alpine", 1, "" },
	{ "pt", "docker run --platform linux/arm64 alpine", 1, "" },
	{ "pt", "docker build --platform linux/arm64 -t x -", 1, "" },
	/* blkio throttles: the daemon stats the path as root */
	{ "r", "docker run --device-read-bps /dev/../root/.bashrc:1mb alpine",
	    0, "risk class devices" },
	{ "r", "docker run --device-write-bps=/dev/../etc/shadow:1 alpine", 0,
	    "risk class devices" },
	{ "r", "docker run --device-read-iops /root/.bashrc:10 alpine", 0,
	    "risk class devices" },
	{ "r", "docker run --device-write-iops //dev/sda:10 alpine", 0,
	    "risk class devices" },
	{ "r", "docker run --blkio-weight-device /dev/./sda:10 alpine", 0,
	    "risk class devices" },
	{ "r", "docker run --blkio-weight-device /dev/sda/..:10 alpine", 0,
	    "risk class devices" },
	{ "r", "docker run --device-read-bps /dev/sda/:1 alpine", 0,
	    "risk class devices" },
	{ "r", "docker run --device-read-bps /dev/fd/3/x:1 alpine", 0,
	    "risk class devices" },
	{ "r", "docker run --device-read-bps /dev:1 alpine", 0,
	    "risk class devices" },
	{ "r", "docker run --device-read-bps dev/sda:1 alpine", 0,
	    "risk class devices" },
	{ "r", "docker create --device-read-bps /dev/../x:1 alpine", 0,
	    "risk class devices" },
	{ "r", "docker run --device-read-bps /dev/sda:1mb alpine", 1, "" },
	{ "r", "docker run --blkio-weight-device /dev/nvme0n1:200 alpine", 1,
	    "" },
	{ "r", "docker run --device-write-iops /dev/disk/by-id/x:5 alpine", 1,
	    "" },
	/* mounts over the kernel's trees (runc CVE-2019-16884) */
	{ "r", "docker run --tmpfs /proc alpine", 0, "risk class kernel" },
	{ "r", "docker run --tmpfs //proc alpine", 0, "risk class kernel" },
	{ "r", "docker run --tmpfs /proc/. alpine", 0, "risk class kernel" },
	{ "r", "docker run --tmpfs /x/../proc alpine", 0, "risk class kernel" },
	{ "r", "docker run --tmpfs /proc/ alpine", 0, "risk class kernel" },
	{ "r", "docker run --tmpfs /sys/fs/cgroup:rw alpine", 0,
	    "risk class kernel" },
	{ "r", "docker run --tmpfs /dev alpine", 0, "risk class kernel" },
	{ "r", "docker run --mount type=tmpfs,dst=/proc alpine", 0,
	    "risk class kernel" },
	{ "r", "docker run --mount TYPE=TMPFS,DESTINATION=//sys alpine", 0,
	    "risk class kernel" },
	{ "r", "docker run --mount type=volume,src=vol,target=/sys/kernel "
	    "alpine", 0, "risk class kernel" },
	{ "r", "docker run -v vol:/proc/sys alpine", 0, "risk class kernel" },
	{ "r", "docker run --volume=vol:/proc/./sys/../sys alpine", 0,
	    "risk class kernel" },
	{ "r", "docker run -v /proc alpine", 0, "risk class kernel" },
	{ "r", "docker run -v vol:/dev/mqueue alpine", 0, "risk class kernel" },
	{ "r", "docker run --mount type=volume,dst=/dev/pts alpine", 0,
	    "risk class kernel" },
	{ "r", "docker run -v /srv/rw:/proc alpine", 0, "risk class kernel" },
	{ "r", "docker create -v vol:/sys alpine", 0, "risk class kernel" },
	{ "r", "docker run --tmpfs /dev/shm alpine", 1, "" },
	{ "r", "docker run -v vol:/dev/shm alpine", 1, "" },
	{ "r", "docker run --tmpfs /Proc alpine", 1, "" },
	{ "r", "docker run --tmpfs /procfs alpine", 1, "" },
	{ "r", "docker run -v vol:/system alpine", 1, "" },
	{ "r", "docker run --tmpfs /devices alpine", 1, "" },
	{ "x", "docker run --tmpfs /proc alpine", 0, "risk class kernel" },
};

static void
test_cases(void **state)
{
	(void)state;
	assert_int_equal(dcase_run_all(pol, &fake, cases, NELEM(cases)), 0);
}

/* Redaction: allowed requests say whether their output must be redacted. */
static void
test_redaction(void **state)
{
	static const struct { const char *role, *cmd; int allow;
	    unsigned redact; const char *reason; } rc[] = {
		{ "i", "inspect x", 1, REDACT_ENV, "" },
		{ "i", "container inspect -s x", 1, REDACT_ENV, "" },
		{ "i", "inspect --type image x", 1, REDACT_ENV, "" },
		{ "i", "image inspect alpine", 1, REDACT_ENV, "" },
		{ "i", "service inspect s", 1, REDACT_ENV, "" },
		{ "i", "inspect -f '{{.Id}}' x", 1, 0, "" },
		{ "i", "inspect -f '{{.State.Status}}' x", 1, 0, "" },
		{ "i", "inspect -f '{{.Config.Env}}' x", 0, 0, "--format" },
		{ "i", "inspect --type image --format={{.Config.Env}} x", 0, 0,
		    "--format" },
		{ "i", "inspect --type image -f '{{.RepoTags}}' x", 1, 0, "" },
		{ "i", "inspect --type=image -f '{{.State.Status}}' x", 0, 0,
		    ".State is not allowed for an image" },
		{ "i", "inspect --type image --type container -f "
		    "'{{.RepoTags}}' x", 0, 0, "not allowed for a container" },
		{ "i", "inspect --type task -f '{{.ID}}' x", 0, 0,
		    "no list of fields for this --type" },
		{ "i", "inspect --type container --type image -f '{{.Id}}' "
		    "-f '{{.RepoTags}}' x", 0, 0, "--format {{.RepoTags}}" },
		{ "i", "inspect --type image --type container -f '{{.Id}}' "
		    "-f '{{.RepoTags}}' x", 0, 0, "--format {{.RepoTags}}" },
		{ "i", "inspect --type image --type container -f '{{.Id}}' x",
		    1, 0, "" },
		{ "i", "inspect --type Container -f '{{.Id}}' x", 0, 0,
		    "--format" },
		{ "i", "inspect -f '{{.Id}}' -f '{{.Config}}' x", 0, 0,
		    "--format" },
		{ "i", "inspect -f '{{.Config}}' --format '{{.Id}}' x", 0, 0,
		    "--format" },
		{ "i", "inspect -f '' x", 0, 0, "prints no field" },
		{ "i", "inspect -f json x", 0, 0, "prints no field" },
		{ "i", "image inspect -f '{{.Id}}' alpine", 1, 0, "" },
		{ "i", "image inspect -f '{{.ContainerConfig.Cmd}}' alpine", 0,
		    0, "--format" },
		{ "i", "container inspect -f '{{json .State.Health}}' x", 1, 0,
		    "" },
		{ "i", "service inspect -f '{{.Spec.Name}}' s", 1, 0, "" },
		{ "i", "service inspect -f pretty s", 0, 0, "prints no field" },
		{ "i", "service inspect --pretty s", 0, 0, "--pretty" },
		{ "r", "inspect -f '{{.Config.Env}}' web-1", 0, 0,
		    "build arguments" },
		{ "r", "inspect web-1", 0, 0, "this rule allows none" },
		{ "i", "volume inspect v", 0, 0, "not allowed for role" },
		{ "iv", "volume inspect v", 1, REDACT_ENV, "" },
		{ "iv", "network inspect -f '{{.Options}}' n", 0, 0,
		    "--format" },
		{ "iv", "inspect --type volume v", 1, REDACT_ENV, "" },
		/* build arguments: masked unless the role has history */
		{ "ib", "image inspect app", 1, REDACT_BUILD, "" },
		{ "ib", "inspect app", 1, REDACT_BUILD, "" },
		{ "ib", "image inspect -f '{{.ContainerConfig.Cmd}}' app", 0,
		    0, "build arguments" },
		{ "ih", "image inspect app", 1, 0, "" },
		{ "ih", "image inspect -f '{{.ContainerConfig.Cmd}}' app", 1,
		    0, "" },
		/* events */
		{ "ev", "events", 1, REDACT_EVENTS | REDACT_EVENTS_TEXT, "" },
		{ "ev", "events --format json", 1, REDACT_EVENTS, "" },
		{ "ev", "events --format '{{json .}}'", 1, REDACT_EVENTS, "" },
		{ "ev", "events --format ''", 1,
		    REDACT_EVENTS | REDACT_EVENTS_TEXT, "" },
		{ "en", "events", 1, 0, "" },
		{ "i", "service inspect --pretty -f '{{.ID}}' s", 0, 0,
		    "--" },
		{ "r", "ps", 1, 0, "" },
	};
	struct strv w;
	struct request req;
	struct verdict v;
	const char *err;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(rc); i++) {
		memset(&w, 0, sizeof(w));
		assert_int_equal(cmdline_split(rc[i].cmd, strlen(rc[i].cmd),
		    &w, &err), 0);
		assert_int_equal(grammar_parse(w.v, w.n, &req, &err), 0);
		decide(pol, rc[i].role, &req, &fake, &v);
		if (v.allow != rc[i].allow || v.redact != rc[i].redact ||
		    strstr(v.reason, rc[i].reason) == NULL)
			fail_msg("%s: allow %d redact %u (%s)", rc[i].cmd,
			    v.allow, v.redact, v.reason);
		decide_verdict_free(&v);
		grammar_free(&req);
		strv_free(&w);
	}
}

/*
 * A denial never names a target the caller may not act on: "0" resolves
 * to secret-db, "1" is an ambiguous prefix, "2" does not exist, "db" is
 * out of scope; all four read alike, with only what was typed.
 */
static void
test_no_target_leak(void **state)
{
	static const char *const refs[] = { "0", "1", "2", "db" };
	struct strv w = { NULL, 0, 0 };
	struct request req;
	struct verdict v;
	char first[DECIDE_REASON_MAX], *cmd;
	const char *err;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(refs); i++) {
		cmd = xasprintf("restart %s", refs[i]);
		assert_int_equal(cmdline_split(cmd, strlen(cmd), &w, &err), 0);
		assert_int_equal(grammar_parse(w.v, w.n, &req, &err), 0);
		decide(pol, "r", &req, &fake, &v);
		print_message("%s: %s\n", cmd, v.reason);
		assert_false(v.allow);
		assert_false(v.unavailable);
		assert_null(strstr(v.reason, "secret"));
		assert_null(strstr(v.reason, "0badc0de"));
		assert_null(strstr(v.reason, "vault"));
		assert_null(strstr(v.reason, "multiple"));
		assert_null(strstr(v.reason, "no such"));
		assert_non_null(strstr(v.reason, refs[i]));
		/* the same words but for the typed reference */
		if (i == 0)
			(void)snprintf(first, sizeof(first), "%.1000s",
			    v.reason + strlen("container 0"));
		else
			assert_string_equal(v.reason + strlen("container ") +
			    strlen(refs[i]), first);
		decide_verdict_free(&v);
		grammar_free(&req);
		strv_free(&w);
		free(cmd);
	}
}

/* Without a resolver, what needs one fails closed. */
static void
test_no_resolver(void **state)
{
	static const struct dcase nores[] = {
		{ "r", "docker run -v /srv/shared:/s:ro alpine", 0,
		    "cannot be checked" },
		{ "r", "docker start web-1", 0, "cannot be looked up" },
		{ "r", "docker run 0123456789ab true", 0,
		    "cannot be looked up" },
		{ "r", "docker run -v data:/d alpine", 1, "" },
		{ "r", "docker ps", 1, "" },
	};

	(void)state;
	assert_int_equal(dcase_run_all(pol, NULL, nores, NELEM(nores)), 0);
}

/* An engine that cannot be reached is "unavailable", not "denied". */
static void
test_unavailable(void **state)
{
	struct strv w = { NULL, 0, 0 };
	struct request req;
	struct verdict v;
	const char *err;

	(void)state;
	assert_int_equal(cmdline_split("start down", 10, &w, &err), 0);
	assert_int_equal(grammar_parse(w.v, w.n, &req, &err), 0);
	decide(pol, "r", &req, &fake, &v);
	assert_false(v.allow);
	assert_true(v.unavailable);
	assert_non_null(strstr(v.reason, "cannot reach"));
	decide_verdict_free(&v);
	grammar_free(&req);
	strv_free(&w);
	/* likewise for an image looked up by ID */
	assert_int_equal(cmdline_split("run 012345678900", 16, &w, &err), 0);
	assert_int_equal(grammar_parse(w.v, w.n, &req, &err), 0);
	decide(pol, "r", &req, &fake, &v);
	assert_false(v.allow);
	assert_true(v.unavailable);
	decide_verdict_free(&v);
	grammar_free(&req);
	strv_free(&w);
}

/* One verdict of role r under text: allow, approval and rule. */
static void
approval_case(const char *text, const char *cmd, int allow, int approval,
    const char *rule)
{
	struct strv w = { NULL, 0, 0 };
	struct policy *ap = NULL;
	struct request req;
	struct verdict v;
	const char *err;

	assert_int_equal(dcase_policy(text, &ap), 0);
	assert_int_equal(cmdline_split(cmd, strlen(cmd), &w, &err), 0);
	assert_int_equal(grammar_parse(w.v, w.n, &req, &err), 0);
	decide(ap, "r", &req, NULL, &v);
	assert_int_equal(v.allow, allow);
	assert_int_equal(v.approval, approval);
	assert_string_equal(v.rule, rule);
	decide_verdict_free(&v);
	grammar_free(&req);
	strv_free(&w);
	policy_free(ap);
}

/*
 * approval: true (issue 18): a request is held only when no rule without
 * it allows the request, whatever the order of the rules; a request no
 * rule allows is denied, never held.
 */
static void
test_approval(void **state)
{
	static const char held_first[] = "version: 1\napprovals: {}\n"
	    "roles:\n  r:\n    allow:\n"
	    "      - {command: run, approval: true}\n"
	    "      - {command: run, images: [alpine]}\n";
	static const char held_last[] = "version: 1\napprovals: {}\n"
	    "roles:\n  r:\n    allow:\n"
	    "      - {command: run, images: [alpine]}\n"
	    "      - {command: container create, approval: true}\n"
	    "      - {command: run, images: [busybox], approval: true}\n";

	(void)state;
	approval_case(held_first, "run alpine", 1, 0, "roles.r.allow[1]");
	approval_case(held_first, "container run alpine:3", 1, 0,
	    "roles.r.allow[1]");
	approval_case(held_first, "run busybox", 1, 1, "roles.r.allow[0]");
	approval_case(held_last, "run alpine", 1, 0, "roles.r.allow[0]");
	approval_case(held_last, "run busybox", 1, 1, "roles.r.allow[2]");
	approval_case(held_last, "create nginx", 1, 1, "roles.r.allow[1]");
	approval_case(held_last, "run --privileged busybox", 0, 0,
	    "roles.r.allow[0]");
	approval_case(held_last, "run nginx", 0, 0, "roles.r.allow[0]");
}

static int
setup(void **state)
{
	(void)state;
	return dcase_policy(policy_text, &pol);
}

static int
teardown(void **state)
{
	(void)state;
	policy_free(pol);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_redaction),
		cmocka_unit_test(test_no_resolver),
		cmocka_unit_test(test_no_target_leak),
		cmocka_unit_test(test_unavailable),
		cmocka_unit_test(test_approval),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
