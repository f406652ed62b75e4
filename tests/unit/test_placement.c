/*
 * test_placement.c: cgroup_parent on a rule (issue 16, item 5): loading
 * and --check problems, and help.  The decisions (the injected
 * --cgroup-parent, the caller's own refused in every spelling, even with
 * unsafe: [kernel]) are placement.case in tests/data/decide.
 */
#include "testutil.h"

#include "decidecase.h"
#include "help.h"
#include "placement.h"

/* The roles of placement.case in tests/data/decide, and of these tests. */
#define POLICY_FILE	"tests/data/decide/placement.yaml"

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_policies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
