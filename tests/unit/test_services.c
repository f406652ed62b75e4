/*
 * test_services.c: the Engine API side of swarm services, where a case
 * line cannot say it: engine_service and the real resolver against a
 * fake engine on a unix socket (a forked child answering canned
 * responses), so no daemon is needed.  The decision cases (names, IDs,
 * ID prefixes, labels, ownership, pins, an unreachable engine, service
 * create/update held to run's risk classes) are services*.case in
 * tests/data/decide, run by test_cases.
 */
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <signal.h>
#include <unistd.h>

#include "testutil.h"
#include "fakeengine.h"

#include "decide.h"
#include "engine.h"
#include "policy.h"
#include "resolve.h"
#include "util.h"

/* Swarm IDs: 25 lowercase base-36 digits. */
#define ID_WEB		"1111111111111111111111111"
#define ID_DB		"3333333333333333333333333"

static int failures;

/* Report every failing case, not only the first. */
#define case_fail(...) do { print_error(__VA_ARGS__); print_error("\n"); \
	failures++; } while (0)

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_engine_service,
		    setup_engine, teardown_engine),
		cmocka_unit_test_setup_teardown(test_engine_labels,
		    setup_engine, teardown_engine),
		cmocka_unit_test_setup_teardown(test_resolver,
		    setup_engine, teardown_engine),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
