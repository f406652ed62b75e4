/*
 * test_observe.c: what an observe case line cannot say: the mode key takes
 * enforce or observe, nothing else (policy loading, not a decision).  The
 * decisions of mode: observe (what runs marked observe, with why it would
 * be denied and the rule; what stays refused in every spelling; engine
 * failures staying 69; enforce named and by default) and what help says
 * of it are observe.case and observe-no-resolver.case in tests/data/decide,
 * run by test_cases.
 */
#include "testutil.h"
#include "policy.h"

/* mode takes enforce or observe, nothing else. */
static void
test_mode_key(void **state)
{
	static const char *bad[] = { "Observe", "learn", "true", "[observe]" };
	struct strv e = { NULL, 0, 0 };
	struct policy *p;
	char *yaml;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(bad); i++) {
		yaml = xasprintf("version: 1\nroles:\n  r:\n    mode: %s\n"
		    "    allow: [ps]\n", bad[i]);
		p = NULL;
		assert_int_not_equal(policy_parse(yaml, strlen(yaml), "t.yaml",
		    &p, &e), 0);
		assert_null(p);
		assert_true(e.n > 0 && strstr(e.v[0], "mode") != NULL);
		strv_free(&e);
		free(yaml);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mode_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
