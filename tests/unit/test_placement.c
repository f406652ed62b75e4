/*
 * test_placement.c: cgroup_parent on a rule (issue 16, item 5): loading
 * and --check problems, and the fact placement_read reports about a
 * request (issue 15: decide.c alone holds it to the rule).  The decisions
 * (the injected --cgroup-parent, the caller's own refused in every
 * spelling, even with unsafe: [kernel]) are placement.case in
 * tests/data/decide.
 */
#include "testutil.h"

#include "decidecase.h"
#include "placement.h"

static const struct badrule bad[] = {
	{ "cgroup_parent: \"../x\"", "run", "t.yaml:6:24: cgroup_parent: "
	    "\"../x\": each component" },
	{ "cgroup_parent: \"/\"", "run", "cgroup_parent: \"/\"" },
	{ "cgroup_parent: \"a//b\"", "run", "cgroup_parent: \"a//b\"" },
	{ "cgroup_parent: \"a/\"", "run", "cgroup_parent: \"a/\"" },
	{ "cgroup_parent: \"a b\"", "run", "cgroup_parent: \"a b\"" },
	{ "cgroup_parent: \"-x\"", "run", "cgroup_parent: \"-x\"" },
	{ "cgroup_parent: \"a/./b\"", "run", "cgroup_parent: \"a/./b\"" },
	{ "cgroup_parent: \"\"", "run", "cgroup_parent: \"\"" },
	{ "cgroup_parent: x.slice", "ps", "cgroup_parent applies to run and "
	    "create only, not to \"ps\"" },
	{ "cgroup_parent: x.slice", "service create", "not to \"service "
	    "create\"" },
};

/* The fact of cmd: kind, and for PL_GIVEN the flag and value seen. */
static void
expect_fact(const char *cmd, enum placement_kind kind, const char *value)
{
	struct strv w = { NULL, 0, 0 };
	struct placement_fact f;
	struct request req;
	const char *err = "";
	size_t rest;

	if (cmdline_split(cmd, strlen(cmd), &w, &err) != 0 ||
	    cmdline_docker(&w, &rest, &err) != 0 ||
	    grammar_parse(w.v + rest, w.n - rest, &req, &err) != 0)
		fail_msg("%s: %s", cmd, err);
	placement_read(&req, &f);
	if (f.kind != kind)
		fail_msg("%s: kind %d, want %d", cmd, (int)f.kind, (int)kind);
	if (kind == PL_GIVEN) {
		assert_string_equal(f.flag, "cgroup-parent");
		assert_string_equal(f.value, value);
	} else {
		assert_null(f.flag);
		assert_null(f.value);
	}
	grammar_free(&req);
	strv_free(&w);
}

/* Every spelling of --cgroup-parent is PL_GIVEN, the first one as typed. */
static void
test_facts(void **state)
{
	char *s;

	(void)state;
	expect_fact("docker run --cgroup-parent / alpine", PL_GIVEN, "/");
	expect_fact("docker run --cgroup-parent=x.slice alpine", PL_GIVEN,
	    "x.slice");
	expect_fact("docker container create -it --cgroup-parent '' alpine",
	    PL_GIVEN, "");
	expect_fact("docker run --cgroup-parent=a --cgroup-parent b alpine",
	    PL_GIVEN, "a");
	expect_fact("docker run alpine", PL_DAEMON, NULL);
	expect_fact("docker create -it --cgroupns host alpine", PL_DAEMON,
	    NULL);
	s = placement_inject("dockergate-agents.slice");
	assert_string_equal(s, "--cgroup-parent=dockergate-agents.slice");
	free(s);
}

static void
test_bad_policies(void **state)
{
	(void)state;
	dcase_bad_rules(bad, NELEM(bad));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_facts),
		cmocka_unit_test(test_bad_policies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
