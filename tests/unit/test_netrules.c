/*
 * test_netrules.c: networks: and network: on a rule (issue 16, item 4):
 * loading and --check problems, every spelling of --network/--net held to
 * the list, network connect, the default bridge, the injected default,
 * and help.
 */
#include "testutil.h"

#include "decidecase.h"
#include "help.h"

static const char POLICY[] =
    "version: 1\n"
    "roles:\n"
    "  w:\n"
    "    allow:\n"
    "      - command: run\n"
    "        networks: [none, bridge, \"agents-*\", cafe]\n"
    "      - command: create\n"
    "        networks: [none, \"agents-*\"]\n"
    "        network: none\n"
    "      - command: network connect\n"
    "        networks: [\"agents-*\"]\n"
    "  nolist:\n"
    "    allow:\n"
    "      - command: run\n"
    "        network: agents-1\n"
    "  strict:\n"
    "    allow:\n"
    "      - command: run\n"
    "        networks: [\"agents-*\"]\n"
    "  any:\n"
    "    allow:\n"
    "      - run\n";

static const struct dcase cases[] = {
	{ "w", "docker run alpine", 1, "container run alpine" },
	{ "w", "docker run --network none alpine", 1, "--network=none" },
	{ "w", "docker run --net=none alpine", 1, "--network=none alpine" },
	{ "w", "docker run --network=bridge alpine", 1, "--network=bridge" },
	{ "w", "docker run --network agents-1 alpine", 1, "=agents-1" },
	{ "w", "docker run --network name=agents-1,alias=a alpine", 1, "" },
	{ "w", "docker run --network cafe alpine", 1, "--network=cafe" },
	{ "w", "docker run --network default alpine", 0, "--network default "
	    "joins the network default, which is not in this rule's networks "
	    "(none, bridge, agents-*, cafe)" },
	{ "w", "docker run --network prod alpine", 0, "joins the network prod" },
	{ "w", "docker run --net prod alpine", 0, "joins the network prod" },
	{ "w", "docker run --net=prod alpine", 0, "joins the network prod" },
	{ "w", "docker run -it --network=prod alpine", 0, "network prod" },
	{ "w", "docker run --network NONE alpine", 0, "network NONE" },
	{ "w", "docker run --network Agents-1 alpine", 0, "network Agents-1" },
	{ "w", "docker run --network name=Agents-1 alpine", 0,
	    "network Agents-1" },
	{ "w", "docker run --network name=agents-1,name=prod alpine", 0,
	    "network prod" },
	{ "w", "docker run --network none --network prod alpine", 0,
	    "network prod" },
	{ "w", "docker run --network beef alpine", 0, "ID prefix" },
	{ "w", "docker run --network agents-1 --network CAFE alpine", 0,
	    "ID prefix" },
	{ "w", "docker run --network name=,alias=x alpine", 0, "needs name=" },
	{ "w", "docker run --network host alpine", 0, "host-namespaces" },
	{ "w", "docker run --network container:x alpine", 0,
	    "other-containers" },
	/* the default is injected; a given network is kept */
	{ "w", "docker create alpine", 1, "container create --network=none "
	    "alpine" },
	{ "w", "docker container create --net agents-2 alpine", 1,
	    "create --network=agents-2 alpine" },
	{ "w", "docker create --network prod alpine", 0, "network prod" },
	{ "nolist", "docker run alpine", 1, "run --network=agents-1 alpine" },
	{ "nolist", "docker run --network prod alpine", 1, "=prod alpine" },
	/* no --network: the default bridge, which must be listed */
	{ "strict", "docker run alpine", 0, "a container without --network "
	    "joins the default bridge network" },
	{ "strict", "docker run --network agents-x alpine", 1, "" },
	/* network connect */
	{ "w", "docker network connect agents-1 c", 1, "network connect "
	    "agents-1 c" },
	{ "w", "docker network connect prod c", 0, "docker network connect "
	    "joins the network prod" },
	{ "any", "docker run --network prod alpine", 1, "--network=prod" },
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

static void
test_help(void **state)
{
	struct policy *p = NULL;
	char *t, *j;

	(void)state;
	assert_int_equal(dcase_policy(POLICY, &p), 0);
	t = help_text(policy_role(p, "w"));
	j = help_json(policy_role(p, "w"));
	assert_non_null(strstr(t, "      networks: none, bridge, agents-*, "
	    "cafe\n"));
	assert_non_null(strstr(t, "      network when none is given: none\n"));
	assert_non_null(strstr(j, "\"network\": \"none\""));
	assert_non_null(strstr(j, "\"networks\": [\n        \"none\",\n"));
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
