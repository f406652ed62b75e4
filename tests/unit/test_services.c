/*
 * test_services.c: swarm services scoped like containers.  The decision
 * against a policy from memory and a fake resolver with fake services
 * (names, IDs, ID prefixes, labels, ownership, engine down), service
 * create/update held to run's risk classes, and engine_service against a
 * fake engine on a unix socket (a forked child answering canned
 * responses), so no daemon is needed.  Every check has a case that tries
 * to get around it.
 */
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <signal.h>
#include <unistd.h>

#include "testutil.h"
#include "decidecase.h"
#include "fakeengine.h"

#include "cmdline.h"
#include "decide.h"
#include "engine.h"
#include "grammar.h"
#include "policy.h"
#include "render.h"
#include "resolve.h"
#include "util.h"


/* Swarm IDs: 25 lowercase base-36 digits. */
#define ID_WEB		"1111111111111111111111111"
#define ID_WEB2		"1122222222222222222222222"
#define ID_DB		"3333333333333333333333333"
#define ID_MINE		"4444444444444444444444444"
#define ID_OTHER	"5555555555555555555555555"

static const char policy_text[] =
    "version: 1\n"
    "roles:\n"
    "  n:\n"
    "    allow:\n"
    "      - command: [service scale, service ps, service logs, service rm,\n"
    "                  service ls]\n"
    "        containers: [\"web-*\"]\n"
    "      - command: [service update, service rollback]\n"
    "        containers: [\"web-*\"]\n"
    "        unsafe: [other-containers]\n"
    "      - command: service inspect\n"
    "        containers: [\"web-*\"]\n"
    "        redact_env: false\n"
    "  l:\n"
    "    allow:\n"
    "      - command: [service scale, service update]\n"
    "        labels: {team: a}\n"
    "        unsafe: [other-containers]\n"
    "  o:\n"
    "    allow:\n"
    "      - command: [service scale, service rm]\n"
    "        owned: true\n"
    "      - command: service create\n"
    "        images: [busybox]\n"
    "        own: true\n"
    "  c:\n"
    "    allow:\n"
    "      - command: service create\n"
    "        images: [busybox, alpine]\n"
    "        mounts: named\n"
    "      - command: service update\n"
    "        images: [busybox]\n"
    "        unsafe: [other-containers]\n"
    "      - service ls\n"
    "      - service inspect\n"
    "  d:\n"
    "    allow:\n"
    "      - command: service create\n"
    "        deny_flags: [publish]\n"
    "      - command: [service update, service rollback]\n"
    "  u:\n"
    "    allow:\n"
    "      - command: service create\n"
    "        unsafe: [host-mounts, capabilities, host-namespaces,\n"
    "                 other-containers]\n";

static void
add_label(struct target *t, const char *k, const char *v)
{
	t->labels = xreallocarray(t->labels, t->nlabels + 1,
	    sizeof(*t->labels));
	t->labels[t->nlabels].key = xstrdup(k);
	t->labels[t->nlabels++].value = xstrdup(v);
}

struct fsvc {
	const char	*id;
	const char	*name;
	const char	*lkey;		/* one label, or NULL */
	const char	*lval;
};

static const struct fsvc services[] = {
	{ ID_WEB, "web-svc", "team", "a" },
	{ ID_WEB2, "web-2", NULL, NULL },
	{ ID_DB, "db-svc", NULL, NULL },
	{ ID_MINE, "mine", "dockergate.owner", "o" },
	{ ID_OTHER, "other", "dockergate.owner", "x" },
};

/*
 * As the daemon resolves: full ID, then name, then a unique ID prefix;
 * "down" is an engine that cannot be reached.
 */
static int
fake_service(void *ctx, const char *ref, struct target *t, int *unavailable,
    const char **errstr)
{
	const struct fsvc *hit = NULL;
	size_t i, n = 0;

	(void)ctx;
	if (strcmp(ref, "down") == 0) {
		*unavailable = 1;
		*errstr = "cannot connect to the Docker engine";
		return -1;
	}
	for (i = 0; i < NELEM(services) && hit == NULL; i++)
		if (strcmp(services[i].id, ref) == 0 ||
		    strcmp(services[i].name, ref) == 0)
			hit = &services[i];
	for (i = 0; i < NELEM(services) && hit == NULL; i++)
		if (strncmp(services[i].id, ref, strlen(ref)) == 0)
			n++;
	if (n > 1) {
		*errstr = "service lookup refused by the Docker engine (HTTP "
		    "400): service is ambiguous";
		return -1;
	}
	for (i = 0; i < NELEM(services) && hit == NULL && n == 1; i++)
		if (strncmp(services[i].id, ref, strlen(ref)) == 0)
			hit = &services[i];
	if (hit == NULL) {
		*errstr = "no such service";
		return -1;
	}
	t->id = xstrdup(hit->id);
	t->name = xstrdup(hit->name);
	if (hit->lkey != NULL)
		add_label(t, hit->lkey, hit->lval);
	return 0;
}

/* Containers never answer for services: a mix-up would show. */
static int
fake_container(void *ctx, const char *ref, struct target *t,
    int *unavailable, const char **errstr)
{
	(void)ctx;
	(void)ref;
	(void)t;
	(void)unavailable;
	*errstr = "no such container";
	return -1;
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

static struct resolver fake = {
	.path = fake_path,
	.container = fake_container,
	.cwd = "/home/u",
	.service = fake_service,
};

/* A resolver of an older build: containers, but no service lookups. */
static struct resolver noservice = {
	.path = fake_path,
	.container = fake_container,
	.cwd = "/home/u",
};

static struct policy *pol;
static int failures;

/* Report every failing case, not only the first. */
#define case_fail(...) do { print_error(__VA_ARGS__); print_error("\n"); \
	failures++; } while (0)

static const struct dcase cases[] = {
	/* names: by name, full ID, unique prefix; pinned to the full ID */
	{ "n", "docker service scale web-svc=2", 1,
	    "docker service scale " ID_WEB "=2" },
	{ "n", "docker service scale " ID_WEB "=3", 1,
	    "docker service scale " ID_WEB "=3" },
	{ "n", "docker service scale 111=2", 1,
	    "docker service scale " ID_WEB "=2" },
	{ "n", "docker service scale web-svc=2 web-2=0", 1,
	    "scale " ID_WEB "=2 " ID_WEB2 "=0" },
	{ "n", "docker service update --force web-svc", 1,
	    "docker service update --force=true " ID_WEB },
	{ "n", "docker service update --force -- web-svc", 1, ID_WEB },
	{ "n", "docker service rollback web-2", 1,
	    "docker service rollback " ID_WEB2 },
	{ "n", "docker service ps web-svc web-2", 1,
	    "docker service ps " ID_WEB " " ID_WEB2 },
	{ "n", "docker service logs --tail 5 web-svc", 1,
	    "docker service logs --tail=5 " ID_WEB },
	{ "n", "docker service rm web-2", 1, "docker service rm " ID_WEB2 },
	{ "n", "docker service inspect web-svc", 1,
	    "docker service inspect " ID_WEB },
	/* ... and nothing else, in any spelling */
	{ "n", "docker service update --force db-svc", 0,
	    "service db-svc is not one this rule may act on (allowed: web-*)" },
	{ "n", "docker service scale db-svc=5", 0,
	    "service db-svc is not one this rule may" },
	{ "n", "docker service scale 3333=5", 0,
	    "service 3333 is not one this rule may" },
	{ "n", "docker service scale " ID_DB "=5", 0,
	    "service " ID_DB " is not one this rule may" },
	{ "n", "docker service scale web-svc=2 db-svc=0", 0,
	    "service db-svc is not one this rule may" },
	{ "n", "docker service scale 11=2", 0,
	    "service 11 is not one this rule may" },
	{ "n", "docker service scale web-nope=2", 0,
	    "web-nope is not one this rule may" },
	{ "n", "docker service scale WEB-SVC=2", 0,
	    "WEB-SVC is not one this rule may" },
	{ "n", "docker service scale =2", 0, "" },
	{ "n", "docker service ps web-svc db-svc", 0,
	    "db-svc is not one this rule may" },
	{ "n", "docker service logs db-svc", 0,
	    "db-svc is not one this rule may" },
	{ "n", "docker service rollback " ID_DB, 0,
	    ID_DB " is not one this rule may" },
	{ "n", "docker service rm mine", 0, "mine is not one this rule may" },
	{ "n", "docker service inspect db-svc", 0,
	    "db-svc is not one this rule may" },
	/* a scoped rule cannot list: service ls shows every service */
	{ "n", "docker service ls", 0, "cannot be limited" },
	{ "n", "docker service ls --filter name=web-", 0, "cannot be limited" },
	/* labels: the service's own labels, all of them */
	{ "l", "docker service scale web-svc=2", 1, ID_WEB "=2" },
	{ "l", "docker service update --force 1111", 1, ID_WEB },
	{ "l", "docker service scale web-2=2", 0, "with the rule's labels" },
	{ "l", "docker service scale db-svc=2", 0, "with the rule's labels" },
	/* owned: the service's dockergate.owner label names the role */
	{ "o", "docker service scale mine=1", 1, ID_MINE "=1" },
	{ "o", "docker service rm 4444", 1, "service rm " ID_MINE },
	{ "o", "docker service scale other=1", 0, "owned by this role" },
	{ "o", "docker service rm web-svc", 0, "owned by this role" },
	{ "o", "docker service create busybox", 1,
	    "--label=dockergate.owner=o busybox" },
	{ "o", "docker service create --label dockergate.owner=x busybox", 0,
	    "reserved" },
	/* service create: run's risk classes */
	{ "c", "docker service create --name s busybox sleep 1", 1,
	    "docker service create --name=s busybox sleep 1" },
	{ "c", "docker service create --mount type=volume,src=data,dst=/d "
	    "busybox", 1, "--mount=type=volume,src=data,dst=/d" },
	{ "c", "docker service create --mount type=tmpfs,dst=/t busybox", 1,
	    "" },
	{ "c", "docker service create --read-only --user 1000 --init "
	    "--hostname h --dns 192.0.2.1 --host h:192.0.2.2 --workdir /srv "
	    "--mode global --constraint node.role==worker --cap-drop ALL "
	    "busybox", 1, "" },
	{ "c", "docker service create --mount type=bind,src=/,dst=/h "
	    "busybox", 0, "host path /" },
	{ "c", "docker service create --mount type=bind,source=/etc,"
	    "target=/h,readonly busybox", 0, "host-mounts" },
	{ "c", "docker service create --mount type=volume,src=vol,dst=/d,"
	    "volume-driver=local,volume-opt=type=none,volume-opt=device=/,"
	    "volume-opt=o=bind busybox", 0, "host-mounts" },
	{ "c", "docker service create --cap-add SYS_ADMIN busybox", 0,
	    "capabilities" },
	{ "c", "docker service create --cap-add=cap_net_admin busybox", 0,
	    "capabilities" },
	{ "c", "docker service create --network host busybox", 0,
	    "host-namespaces" },
	{ "c", "docker service create --network name=HOST,alias=x busybox", 0,
	    "host-namespaces" },
	{ "c", "docker service create --secret db_password busybox", 0,
	    "other-containers" },
	{ "c", "docker service create --config app busybox", 0,
	    "other-containers" },
	{ "c", "docker service create --env-file /etc/shadow busybox", 0,
	    "client-files" },
	{ "c", "docker service create --sysctl net.ipv4.ip_forward=1 "
	    "busybox", 0, "kernel" },
	{ "c", "docker service create --ulimit nofile=1:2 busybox", 0,
	    "kernel" },
	{ "c", "docker service create --workdir /proc/self/fd/8 busybox", 0,
	    "kernel" },
	{ "c", "docker service create --log-driver syslog busybox", 0,
	    "log-egress" },
	{ "c", "docker service create --generic-resource gpu=1 busybox", 0,
	    "gpus" },
	{ "c", "docker service create --container-label dockergate.owner=c "
	    "busybox", 0, "reserved" },
	{ "c", "docker service create -l DockerGate.owner=c busybox", 0,
	    "reserved" },
	{ "c", "docker service create evil/x", 0, "is not allowed" },
	{ "c", "docker service create --name busybox evil/x", 0,
	    "is not allowed" },
	/* --publish is run's -p: no risk class; deny_flags takes it away */
	{ "c", "docker service create --publish mode=host,target=80,"
	    "published=8080 busybox", 1, "--publish=mode=host" },
	{ "d", "docker service create --publish mode=host,target=80,"
	    "published=8080 busybox", 0, "deny_flags" },
	{ "d", "docker service create -p 8080:80 busybox", 0, "deny_flags" },
	/* opted into by name */
	{ "u", "docker service create --mount type=bind,src=/,dst=/h "
	    "--cap-add SYS_ADMIN --network host --secret s busybox", 1, "" },
	/* service update: the same classes; --image against images */
	{ "c", "docker service update --image busybox:1.36 web-svc", 1,
	    "--image=busybox:1.36 web-svc" },
	{ "c", "docker service update --image alpine web-svc", 0,
	    "image docker.io/library/alpine:latest is not allowed" },
	{ "c", "docker service update --image=alpine web-svc", 0,
	    "image docker.io/library/alpine:latest is not allowed" },
	{ "c", "docker service update --image=docker.io/library/busybox:1 "
	    "web-svc", 1, "--image=docker.io/library/busybox:1 web-svc" },
	{ "c", "docker service update --image busybox --image evil/x "
	    "web-svc", 0, "evil/x" },
	{ "c", "docker service update --mount-add type=bind,src=/,dst=/h "
	    "web-svc", 0, "host path /" },
	{ "c", "docker service update --cap-add ALL web-svc", 0,
	    "capabilities" },
	{ "c", "docker service update --network-add host web-svc", 0,
	    "host-namespaces" },
	/* update and rollback act inside a service someone else set up */
	{ "d", "docker service update --secret-add db_password web-svc", 0,
	    "other-containers" },
	{ "d", "docker service update --force web-svc", 0, "changes what a "
	    "service runs" },
	{ "d", "docker service update --health-cmd id web-svc", 0,
	    "other-containers" },
	{ "d", "docker service rollback web-svc", 0, "other-containers" },
	{ "c", "docker service update --sysctl-add a.b=1 web-svc", 0,
	    "kernel" },
	{ "c", "docker service update --generic-resource-add gpu=1 web-svc",
	    0, "gpus" },
	{ "c", "docker service update --label-add dockergate.owner=o web-svc",
	    0, "reserved" },
	{ "c", "docker service update --container-label-add "
	    "dockergate.owner=o web-svc", 0, "reserved" },
	{ "c", "docker service update --publish-add 8080:80 --force web-svc",
	    1, "" },
	/* unscoped rules: names are not looked up, nothing is pinned */
	{ "c", "docker service ls", 1, "docker service ls" },
	{ "c", "docker service inspect down", 1, "" },	/* redacted */
};

static void
test_cases(void **state)
{
	(void)state;
	assert_int_equal(dcase_run_all(pol, &fake, cases, NELEM(cases)), 0);
}

/* Without a service lookup, scoped service rules fail closed. */
static void
test_no_lookup(void **state)
{
	static const struct dcase nolookup[] = {
		{ "n", "docker service scale web-svc=2", 0,
		    "services cannot be looked up here" },
		{ "o", "docker service rm mine", 0, "cannot be looked up" },
		{ "c", "docker service create busybox", 1, "" },
		{ "c", "docker service update --force web-svc", 1,
		    "--force=true web-svc" },
	};

	(void)state;
	assert_int_equal(dcase_run_all(pol, &noservice, nolookup,
	    NELEM(nolookup)), 0);
	assert_int_equal(dcase_run_all(pol, NULL, nolookup, NELEM(nolookup)),
	    0);
}

/* Decide one command for role; the caller frees v. */
static void
decide_cmd(const char *role, const char *cmd, struct verdict *v)
{
	struct strv w = { NULL, 0, 0 };
	struct request req;
	const char *err;

	assert_int_equal(cmdline_split(cmd, strlen(cmd), &w, &err), 0);
	assert_int_equal(grammar_parse(w.v, w.n, &req, &err), 0);
	decide(pol, role, &req, &fake, v);
	grammar_free(&req);
	strv_free(&w);
}

/* An engine that cannot be reached is "unavailable" (69), not denied. */
static void
test_unavailable(void **state)
{
	struct verdict v;

	(void)state;
	decide_cmd("n", "service scale down=2", &v);
	assert_false(v.allow);
	assert_true(v.unavailable);
	assert_non_null(strstr(v.reason, "cannot connect"));
	decide_verdict_free(&v);
	decide_cmd("n", "service scale web-svc=1 down=2", &v);
	assert_false(v.allow);
	assert_true(v.unavailable);
	decide_verdict_free(&v);
	/* an unscoped rule asks nothing: the engine is not needed */
	decide_cmd("c", "service update --force down", &v);
	assert_true(v.allow);
	assert_int_equal(v.npins, 0);
	decide_verdict_free(&v);
}

/* A pin names the argument it replaces; scale keeps "=REPLICAS". */
static void
test_pins(void **state)
{
	struct verdict v;

	(void)state;
	decide_cmd("n", "service scale web-2=4 111=0", &v);
	assert_true(v.allow);
	assert_int_equal(v.npins, 2);
	assert_int_equal(v.pins[0].arg, 0);
	assert_string_equal(v.pins[0].value, ID_WEB2 "=4");
	assert_int_equal(v.pins[1].arg, 1);
	assert_string_equal(v.pins[1].value, ID_WEB "=0");
	decide_verdict_free(&v);
}

/* -------------------------------------------------- fake engine */

#define SERVICE_DOC(id, name, labels) \
	"{\"ID\":\"" id "\",\"Version\":{\"Index\":9},\"Spec\":{\"Name\":\"" \
	name "\",\"Labels\":" labels ",\"TaskTemplate\":{\"ContainerSpec\":" \
	"{\"Image\":\"busybox\",\"Labels\":{\"team\":\"c\"}}}}}"

#define H64	"4f0d0123456789abcdef0123456789ab" \
		"cdef0123456789abcdef0123456789ab"

static const struct route engine_routes[] = {
	{ "/v1.41/services/web-svc", 200,
	    SERVICE_DOC(ID_WEB, "web-svc", "{\"team\":\"a\",\"x\":\"\"}"),
	    F_LENGTH },
	{ "/v1.41/services/111", 200,
	    SERVICE_DOC(ID_WEB, "web-svc", "{}"), F_LENGTH },
	{ "/v1.41/services/" ID_WEB, 200,
	    SERVICE_DOC(ID_WEB, "web-svc", "null"), F_LENGTH },
	{ "/v1.41/services/nolabels", 200,
	    "{\"ID\":\"" ID_DB "\",\"Spec\":{\"Name\":\"nolabels\"}}",
	    F_LENGTH },
	{ "/v1.41/services/11", 400, "{\"message\":\"service 11 is "
	    "ambiguous (2 matches found)\"}", F_LENGTH },
	{ "/v1.41/services/gone", 404, "{\"message\":\"service gone not "
	    "found\"}", F_LENGTH },
	{ "/v1.41/services/nomanager", 503, "{\"message\":\"This node is not "
	    "a swarm manager.\"}", F_LENGTH },
	{ "/v1.41/services/other", 200,
	    SERVICE_DOC(ID_DB, "db-svc", "{}"), F_LENGTH },
	{ "/v1.41/services/hexid", 200, SERVICE_DOC(H64, "hexid", "{}"),
	    F_LENGTH },
	{ "/v1.41/services/upper", 200,
	    SERVICE_DOC("1111111111111111111111A11", "upper", "{}"), F_LENGTH },
	{ "/v1.41/services/short", 200,
	    SERVICE_DOC("111111111111111111111111", "short", "{}"), F_LENGTH },
	{ "/v1.41/services/noname", 200, "{\"ID\":\"" ID_DB "\"}", F_LENGTH },
	{ "/v1.41/services/slash", 200, SERVICE_DOC(ID_DB, "/slash", "{}"),
	    F_LENGTH },
	{ "/v1.41/services/badlabel", 200,
	    SERVICE_DOC(ID_DB, "badlabel", "{\"a\":1}"), F_LENGTH },
	{ "/v1.41/services/array", 200, "[]", F_LENGTH },
	{ "/v1.41/services/%2Fweb-svc", 404, "{\"message\":\"service "
	    "/web-svc not found\"}", F_LENGTH },
	{ "/v1.41/services/a%20b%3Fc", 200, SERVICE_DOC(ID_DB, "a b?c",
	    "{}"), F_LENGTH },
	{ "/v1.41/services/closed", 0, NULL, F_CLOSE },
	{ NULL, 0, NULL, F_LENGTH },
};

static int
setup_engine(void **state)
{
	static struct fake f;

	if (fake_start(&f, engine_routes) != 0)
		return -1;
	*state = &f;
	return 0;
}

static int
teardown_engine(void **state)
{
	fake_stop(*state);
	return 0;
}

struct scase {
	const char	*ref;
	int		 ok;
	int		 unavailable;
	const char	*want;	/* "ID name" when ok, else error substring */
};

static const struct scase scases[] = {
	{ "web-svc", 1, 0, ID_WEB " web-svc" },
	{ "111", 1, 0, ID_WEB " web-svc" },
	{ ID_WEB, 1, 0, ID_WEB " web-svc" },
	{ "nolabels", 1, 0, ID_DB " nolabels" },
	{ "a b?c", 1, 0, ID_DB " a b?c" },
	{ "11", 0, 0, "ambiguous" },
	{ "gone", 0, 0, "no such service" },
	{ "/web-svc", 0, 0, "no such service" },
	{ "other", 0, 0, "another service" },
	{ "", 0, 0, "invalid service reference" },
	{ "..", 0, 0, "invalid service reference" },
	{ "nomanager", 0, 1, "not a swarm manager" },
	{ "hexid", 0, 1, "not 25 lowercase" },
	{ "upper", 0, 1, "not 25 lowercase" },
	{ "short", 0, 1, "not 25 lowercase" },
	{ "noname", 0, 1, "Name is malformed" },
	{ "slash", 0, 1, "Name is malformed" },
	{ "badlabel", 0, 1, "service label is not a string" },
	{ "array", 0, 1, "invalid JSON" },
	{ "closed", 0, 1, "malformed answer" },
};

static void
test_engine_service(void **state)
{
	struct fake *f = *state;
	struct target t;
	const char *err = "";
	char got[128];
	size_t i;
	int r, unavailable;

	failures = 0;
	for (i = 0; i < NELEM(scases); i++) {
		unavailable = -1;
		r = engine_service(f->host, scases[i].ref, &t, &unavailable,
		    &err);
		if (r == 0)
			(void)snprintf(got, sizeof(got), "%s %s", t.id, t.name);
		else
			(void)snprintf(got, sizeof(got), "%s", err);
		if ((r == 0) != scases[i].ok ||
		    unavailable != scases[i].unavailable ||
		    strstr(got, scases[i].want) == NULL)
			case_fail("engine_service(\"%s\"): %d, unavailable %d, "
			    "\"%s\"; want \"%s\"", scases[i].ref, r,
			    unavailable, got, scases[i].want);
		if (r != 0 && (t.id != NULL || t.labels != NULL))
			case_fail("engine_service(\"%s\"): target left after "
			    "an error", scases[i].ref);
		decide_target_free(&t);
	}
	assert_int_equal(failures, 0);
}

/* Spec.Labels, not the labels of the service's containers. */
static void
test_engine_labels(void **state)
{
	struct fake *f = *state;
	struct target t;
	const char *err;
	int unavailable;

	assert_int_equal(engine_service(f->host, "web-svc", &t, &unavailable,
	    &err), 0);
	assert_int_equal(t.nlabels, 2);
	assert_string_equal(t.labels[0].key, "team");
	assert_string_equal(t.labels[0].value, "a");
	decide_target_free(&t);
	assert_int_equal(engine_service(f->host, ID_WEB, &t, &unavailable,
	    &err), 0);
	assert_int_equal(t.nlabels, 0);
	decide_target_free(&t);
}

/* The real resolver looks services up at the policy's engine only. */
static void
test_resolver(void **state)
{
	struct fake *f = *state;
	struct resolver r;
	struct target t;
	const char *err;
	int unavailable = 0;

	resolve_init(&r, "/", NULL);
	assert_null(r.service);
	resolve_init(&r, "/", f->host);
	assert_non_null(r.service);
	assert_int_equal(r.service(r.ctx, "111", &t, &unavailable, &err), 0);
	assert_string_equal(t.id, ID_WEB);
	decide_target_free(&t);
	/* nothing listens: the engine is unavailable */
	resolve_init(&r, "/", "unix:///nonexistent/dg-test.sock");
	assert_int_equal(r.service(r.ctx, "web-svc", &t, &unavailable, &err),
	    -1);
	assert_int_equal(unavailable, 1);
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
		cmocka_unit_test(test_no_lookup),
		cmocka_unit_test(test_unavailable),
		cmocka_unit_test(test_pins),
		cmocka_unit_test_setup_teardown(test_engine_service,
		    setup_engine, teardown_engine),
		cmocka_unit_test_setup_teardown(test_engine_labels,
		    setup_engine, teardown_engine),
		cmocka_unit_test_setup_teardown(test_resolver,
		    setup_engine, teardown_engine),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
