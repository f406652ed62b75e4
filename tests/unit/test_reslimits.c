/*
 * test_reslimits.c: resource limits on a rule (issue 16): loading and
 * --check problems, values read the way docker reads them, and help.  The
 * decisions (every spelling of every covered flag held to the cap,
 * defaults injected into the canonical argv) are limits.case in
 * tests/data/decide; compose keys under the same caps are in compose.case.
 */
#include "testutil.h"

#include "decidecase.h"
#include "help.h"
#include "reslimits.h"

/* The roles of limits.case in tests/data/decide, and of these tests. */
#define POLICY_FILE	"tests/data/decide/limits.yaml"


/* Policies that --check refuses, and the problem it names. */
static const struct {
	const char *limits;
	const char *command;
	const char *want;
} bad[] = {
	{ "memory: {max: 1x}", "run", "t.yaml:7:25: limits.memory.max: "
	    "\"1x\" is not a size" },
	{ "memory: {default: 2g, max: 1g}", "run",
	    "limits.memory: default 2g is above max 1g" },
	{ "memory: {max: 0}", "run", "0 would mean no limit" },
	{ "memory: {max: -1}", "run", "is not a size" },
	{ "cpus: {max: 1/2}", "run", "is not a number of CPUs" },
	{ "cpus: {max: 0.0000000001}", "run", "is not a number of CPUs" },
	{ "pids: {max: 1.5}", "run", "is not a whole number" },
	{ "pids: {max: 0x10}", "run", "is not a whole number" },
	{ "tmpfs-size: {default: 1m, max: 64m}", "run",
	    "limits.tmpfs-size takes no default" },
	{ "memroy: {max: 1g}", "run", "t.yaml:7:11: unknown limit \"memroy\"" },
	{ "memory: {maximum: 1g}", "run", "unknown key \"maximum\"" },
	{ "memory: {}", "run", "give default, max or both" },
	{ "memory: 1g", "run", "a limit must be a mapping" },
	{ "memory: {max: 1g}", "ps", "t.yaml:7:11: limits apply to run, "
	    "create, update, service create/update and compose only, not to "
	    "\"ps\"" },
	{ "memory: {max: 1g}\n          memory: {max: 2g}", "run",
	    "duplicate limit \"memory\"" },
};

static void
test_bad_policies(void **state)
{
	struct strv e = { NULL, 0, 0 };
	struct policy *p;
	char *yaml;
	size_t i, j;
	int found;

	(void)state;
	for (i = 0; i < NELEM(bad); i++) {
		yaml = xasprintf("version: 1\nroles:\n  w:\n    allow:\n"
		    "      - command: %s\n        limits:\n          %s\n",
		    bad[i].command, bad[i].limits);
		p = NULL;
		found = 0;
		if (policy_parse(yaml, strlen(yaml), "t.yaml", &p, &e) == 0)
			print_error("accepted: %s\n", bad[i].limits);
		for (j = 0; j < e.n; j++)
			found |= strstr(e.v[j], bad[i].want) != NULL;
		if (!found)
			print_error("%s: wanted \"%s\", got \"%s\"\n",
			    bad[i].limits, bad[i].want, e.n ? e.v[0] : "");
		assert_null(p);
		assert_true(found);
		strv_free(&e);
		free(yaml);
	}
}

static void
test_good_policy(void **state)
{
	struct policy *p = NULL;
	const struct rule *r;

	(void)state;
	assert_int_equal(dcase_policy_file(POLICY_FILE, &p), 0);
	r = &policy_role(p, "w")->rules[0];
	assert_true(r->limits.any);
	assert_int_equal(r->limits.l[LIMIT_MEMORY].def, 256LL << 20);
	assert_int_equal(r->limits.l[LIMIT_MEMORY].max, 1LL << 30);
	assert_int_equal(r->limits.l[LIMIT_CPUS].def, 500000000LL);
	assert_int_equal(r->limits.l[LIMIT_CPUS].max, 2000000000LL);
	assert_int_equal(r->limits.l[LIMIT_PIDS].max, 512);
	assert_false(r->limits.l[LIMIT_SHM].has_default);
	assert_int_equal(r->limits.l[LIMIT_SHM].max, 64LL << 20);
	assert_true(policy_role(p, "w")->rules[1].limits.l[LIMIT_LOG].has_max);
	assert_false(policy_role(p, "w")->rules[1].limits.l[LIMIT_SHM].has_max);
	policy_free(p);
}

/* Policy units are RAMInBytes: binary, any case, b / ib optional. */
static void
test_units(void **state)
{
	static const struct {
		const char *text;
		long long want;	/* -1: refused */
	} u[] = {
		{ "1", 1 }, { "1b", 1 }, { "1B", 1 }, { "1k", 1024 },
		{ "1K", 1024 }, { "1kb", 1024 }, { "1KiB", 1024 },
		{ "1kib", 1024 }, { "1m", 1 << 20 }, { "1g", 1 << 30 },
		{ "1.5g", 1610612736 }, { "0.5k", 512 }, { "1 m", 1 << 20 },
		{ "1t", 1LL << 40 }, { "1p", 1LL << 50 }, { "1024m", 1 << 30 },
		{ "1i", -1 }, { "1ib", -1 }, { "1bb", -1 }, { "1x", -1 },
		{ "1gibb", -1 }, { "1e3", -1 }, { ".5g", -1 }, { "1.", -1 },
		{ "-1", -1 }, { "0", -1 }, { "1  g", -1 }, { "", -1 },
		{ "99999999999p", -1 },
	};
	const char *err;
	long long v;
	size_t i;
	int r;

	(void)state;
	for (i = 0; i < NELEM(u); i++) {
		r = reslimits_parse(LIMIT_MEMORY, u[i].text, &v, &err);
		if ((r == 0 ? v : -1) != u[i].want)
			print_error("%s: %lld, want %lld\n", u[i].text,
			    r == 0 ? v : -1, u[i].want);
		assert_int_equal(r == 0 ? v : -1, u[i].want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_good_policy),
		cmocka_unit_test(test_bad_policies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
