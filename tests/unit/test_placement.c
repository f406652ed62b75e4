/*
 * test_placement.c: cgroup_parent on a rule (issue 16, item 5): loading
 * and --check problems, the injected --cgroup-parent, the caller's own
 * refused in every spelling (even with unsafe: [kernel]), and help.
 */
#include "testutil.h"

#include "decidecase.h"
#include "help.h"
#include "placement.h"

static const char POLICY[] =
    "version: 1\n"
    "roles:\n"
    "  w:\n"
    "    allow:\n"
    "      - command: [run, create]\n"
    "        cgroup_parent: dockergate-agents.slice\n"
    "        unsafe: [kernel]\n"
    "  p:\n"
    "    allow:\n"
    "      - command: run\n"
    "        cgroup_parent: /agents/w1\n"
    "  k:\n"
    "    allow:\n"
    "      - command: run\n"
    "        unsafe: [kernel]\n";

static const struct dcase cases[] = {
	{ "w", "docker run alpine", 1, "container run "
	    "--cgroup-parent=dockergate-agents.slice alpine" },
	{ "w", "docker container create alpine", 1, "container create "
	    "--cgroup-parent=dockergate-agents.slice alpine" },
	{ "p", "docker run alpine", 1, "--cgroup-parent=/agents/w1 alpine" },
	{ "w", "docker run --cgroup-parent / alpine", 0, "--cgroup-parent is "
	    "set by this rule (cgroup_parent: dockergate-agents.slice)" },
	{ "w", "docker run --cgroup-parent=dockergate-agents.slice alpine", 0,
	    "set by this rule" },
	{ "w", "docker container run --cgroup-parent=x alpine", 0,
	    "set by this rule" },
	{ "w", "docker create --cgroup-parent x alpine", 0,
	    "set by this rule" },
	{ "p", "docker run --cgroup-parent=/agents/w1 alpine", 0, "kernel" },
	/* without cgroup_parent: the risk class decides, as before */
	{ "k", "docker run --cgroup-parent=x alpine", 1,
	    "--cgroup-parent=x" },
};

static void
test_decisions(void **state)
{
	struct policy *pol = NULL;

	(void)state;
	assert_int_equal(dcase_policy(POLICY, &pol), 0);
	assert_int_equal(dcase_run_all(pol, NULL, cases, NELEM(cases)), 0);
	policy_free(pol);
}

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

static void
test_bad_policies(void **state)
{
	(void)state;
	dcase_bad_rules(bad, NELEM(bad));
}

static void
test_help(void **state)
{
	struct policy *p = NULL;
	char *t, *j;

	(void)state;
	assert_int_equal(dcase_policy(POLICY, &p), 0);
	t = help_text(policy_role(p, "w"));
	j = help_json(policy_role(p, "w"));
	assert_non_null(strstr(t, "      containers go in the cgroup "
	    "dockergate-agents.slice\n"));
	assert_non_null(strstr(j, "\"cgroup_parent\": "
	    "\"dockergate-agents.slice\""));
	free(t);
	free(j);
	policy_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_policies),
		cmocka_unit_test(test_decisions),
		cmocka_unit_test(test_help),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
