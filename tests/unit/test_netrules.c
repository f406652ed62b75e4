/*
 * test_netrules.c: networks: and network: on a rule (issue 16, item 4):
 * loading and --check problems, and help.  The decisions (every spelling
 * of --network/--net held to the list, network connect, the default
 * bridge, the injected default) are networks.case in tests/data/decide.
 */
#include "testutil.h"

#include "decidecase.h"
#include "help.h"

/* The roles of networks.case in tests/data/decide, and of these tests. */
#define POLICY_FILE	"tests/data/decide/networks.yaml"

static const struct badrule bad[] = {
	{ "networks: [host]", "run", "t.yaml:6:20: networks: host is a risk "
	    "class" },
	{ "networks: [\"container:x\"]", "run", "is a risk class" },
	{ "networks: [\"a b\"]", "run", "is not a docker network name" },
	{ "networks: []", "run", "networks: empty list" },
	{ "network: host", "run", "network: host is a risk class" },
	{ "network: \"agents-*\"", "run", "a default is one name, not a glob" },
	{ "networks: [none]\n        network: prod", "run",
	    "network: prod: the default network is not one of networks" },
	{ "networks: [none]", "ps", "t.yaml:6:19: networks applies to run, "
	    "create, network connect and compose only, not to \"ps\"" },
	{ "network: none", "network connect", "network applies to run, "
	    "create and compose only" },
	{ "networks: [none]", "build", "not to \"build\"" },
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
