/*
 * test_netrules.c: networks: and network: on a rule (issue 16, item 4):
 * loading and --check problems, and the facts netrules_read reports
 * about a request (issue 15: decide.c alone holds them to the rule).  The
 * decisions (every spelling of --network/--net held to the list, network
 * connect, the default bridge, the injected default) are networks.case in
 * tests/data/decide.
 */
#include "testutil.h"

#include "decidecase.h"
#include "netrules.h"

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
	{ "networks: [team-net]\n        network: Team-Net", "run",
	    "network: Team-Net: the default network is not one of networks" },
	{ "network: HOST", "run", "network: HOST is a risk class" },
};

/* The request of the docker command line cmd, parsed as the gateway does. */
static void
parse(const char *cmd, struct strv *w, struct request *req)
{
	const char *err = "";
	size_t rest;

	memset(w, 0, sizeof(*w));
	if (cmdline_split(cmd, strlen(cmd), w, &err) != 0 ||
	    cmdline_docker(w, &rest, &err) != 0 ||
	    grammar_parse(w->v + rest, w->n - rest, req, &err) != 0)
		fail_msg("%s: %s", cmd, err);
}

/* One fact netrules_read must report, in the request's order. */
struct want {
	enum netrules_kind kind;
	const char	*flag;
	const char	*value;
	const char	*name;
	unsigned	 reading;
};

/* cmd's facts are exactly want[0..n). */
static void
expect_facts(const char *cmd, const struct want *want, size_t n)
{
	struct netrules_facts nf;
	struct request req;
	struct strv w;
	size_t i;

	parse(cmd, &w, &req);
	netrules_read(&req, &nf);
	if (nf.n != n)
		fail_msg("%s: %zu facts, want %zu", cmd, nf.n, n);
	for (i = 0; i < n; i++) {
		if (nf.v[i].kind != want[i].kind ||
		    nf.v[i].reading != want[i].reading)
			fail_msg("%s: fact %zu: kind %d reading %u, want %d %u",
			    cmd, i, (int)nf.v[i].kind, nf.v[i].reading,
			    (int)want[i].kind, want[i].reading);
		if (want[i].flag != NULL)
			assert_string_equal(nf.v[i].flag, want[i].flag);
		if (want[i].value != NULL)
			assert_string_equal(nf.v[i].value, want[i].value);
		if (want[i].name != NULL)
			assert_string_equal(nf.v[i].name, want[i].name);
	}
	netrules_facts_free(&nf);
	grammar_free(&req);
	strv_free(&w);
}

#define WANT(...)	(const struct want[]){ __VA_ARGS__ }
#define EXPECT(cmd, ...) \
	expect_facts(cmd, WANT(__VA_ARGS__), \
	    sizeof(WANT(__VA_ARGS__)) / sizeof(struct want))

/* Every spelling of --network is one NR_FLAG: canonical flag, as typed. */
static void
test_facts_flags(void **state)
{
	(void)state;
	EXPECT("docker run --network prod alpine",
	    { NR_FLAG, "network", "prod", "prod", 0 });
	EXPECT("docker run --net=prod alpine",
	    { NR_FLAG, "network", "prod", "prod", 0 });
	EXPECT("docker container run -it --net prod alpine sh",
	    { NR_FLAG, "network", "prod", "prod", 0 });
	EXPECT("docker create --network=agents-1 alpine",
	    { NR_FLAG, "network", "agents-1", "agents-1", 0 });
	EXPECT("docker run --network none --net=prod alpine",
	    { NR_FLAG, "network", "none", "none", 0 },
	    { NR_FLAG, "network", "prod", "prod", 0 });
	EXPECT("docker run --network cafe alpine",
	    { NR_FLAG, "network", "cafe", "cafe", NR_IDPREFIX });
	EXPECT("docker run --network host alpine",
	    { NR_FLAG, "network", "host", "host", NR_MODE });
	EXPECT("docker run --network=container:x alpine",
	    { NR_FLAG, "network", "container:x", "container:x", NR_MODE });
}

/* The long syntax: the last name=, trimmed; an older CLI lower-cases it. */
static void
test_facts_long(void **state)
{
	(void)state;
	EXPECT("docker run --network name=agents-1,alias=a alpine",
	    { NR_FLAG, "network", "name=agents-1,alias=a", "agents-1",
	    NR_LOWERED });
	EXPECT("docker run --net 'NAME= Agents-1 ,alias=a' alpine",
	    { NR_FLAG, "network", "NAME= Agents-1 ,alias=a", "Agents-1",
	    NR_LOWERED });
	EXPECT("docker run --network name=agents-1,name=beef alpine",
	    { NR_FLAG, "network", NULL, "beef", NR_LOWERED | NR_IDPREFIX });
	EXPECT("docker run --network name=,alias=x alpine",
	    { NR_UNREADABLE, "network", "name=,alias=x", NULL, 0 });
}

/* Connect, the default bridge, and the commands that join nothing. */
static void
test_facts_other(void **state)
{
	struct netrules_facts nf;
	struct request req;
	struct strv w;
	char *s;

	(void)state;
	EXPECT("docker network connect agents-1 c",
	    { NR_CONNECT, NULL, NULL, "agents-1", 0 });
	EXPECT("docker network connect CAFE c",
	    { NR_CONNECT, NULL, NULL, "CAFE", NR_IDPREFIX });
	EXPECT("docker run alpine", { NR_BRIDGE, NULL, NULL, "default", 0 });
	EXPECT("docker container create -it alpine",
	    { NR_BRIDGE, NULL, NULL, "default", 0 });
	parse("docker run alpine", &w, &req);
	netrules_read(&req, &nf);
	assert_string_equal(nf.v[0].alias, "bridge");
	netrules_facts_free(&nf);
	grammar_free(&req);
	strv_free(&w);
	parse("docker network connect --alias a n c", &w, &req);
	netrules_read(&req, &nf);
	assert_int_equal(nf.n, 1);
	assert_string_equal(nf.v[0].name, "n");
	netrules_facts_free(&nf);
	grammar_free(&req);
	strv_free(&w);
	parse("docker ps", &w, &req);
	netrules_read(&req, &nf);
	assert_int_equal(nf.n, 0);
	netrules_facts_free(&nf);
	grammar_free(&req);
	strv_free(&w);
	parse("docker build --network host -t x .", &w, &req);
	netrules_read(&req, &nf);
	assert_int_equal(nf.n, 0);
	netrules_facts_free(&nf);
	grammar_free(&req);
	strv_free(&w);
	s = netrules_inject("agents-1");
	assert_string_equal(s, "--network=agents-1");
	free(s);
}

/*
 * Case, as the daemon reads names: exact (moby's FindNetwork), the long
 * syntax's name= also lower-cased (the 20.10 and 28.2 CLIs), host and
 * container: modes only as docker spells them.
 */
static void
test_case(void **state)
{
	struct strv nets = { NULL, 0, 0 }, lower = { NULL, 0, 0 };

	(void)state;
	EXPECT("docker run --network HOST alpine",
	    { NR_FLAG, "network", "HOST", "HOST", 0 });
	EXPECT("docker run --net=Container:x alpine",
	    { NR_FLAG, "network", "Container:x", "Container:x", 0 });
	EXPECT("docker run --network name=HOST alpine",
	    { NR_FLAG, "network", "name=HOST", "HOST", NR_LOWERED });
	EXPECT("docker run --network Team-Net alpine",
	    { NR_FLAG, "network", "Team-Net", "Team-Net", 0 });
	strv_push(&nets, "Team-Net");
	strv_push(&nets, "Lab-*");
	strv_push(&nets, "BEEF");
	assert_true(netrules_listed(&nets, "Team-Net", 0));
	assert_false(netrules_listed(&nets, "team-net", 0));
	assert_false(netrules_listed(&nets, "TEAM-NET", 0));
	assert_true(netrules_listed(&nets, "Lab-x", 0));
	assert_false(netrules_listed(&nets, "lab-x", 0));
	assert_true(netrules_listed(&nets, "BEEF", NR_IDPREFIX));
	assert_false(netrules_listed(&nets, "beef", NR_IDPREFIX));
	strv_push(&nets, "f*");	/* a glob never lists an ID prefix */
	assert_false(netrules_listed(&nets, "f00d", NR_IDPREFIX));
	assert_true(netrules_listed(&nets, "fancy", 0));
	assert_false(netrules_listed(&nets, "Team-Net", NR_LOWERED));
	assert_false(netrules_listed(&nets, "HOST", NR_LOWERED));
	assert_null(netrules_default_problem(&nets, "Team-Net"));
	assert_non_null(netrules_default_problem(&nets, "team-net"));
	assert_non_null(netrules_default_problem(&nets, "Host"));
	strv_push(&lower, "Team-Net");
	strv_push(&lower, "team-net");
	strv_push(&lower, "*x");
	assert_true(netrules_listed(&lower, "Team-Net", NR_LOWERED));
	assert_false(netrules_listed(&lower, "TEAM-NET", NR_LOWERED));
	/* lower-cased, HOSX is hosx; HOST is the host mode, its class's */
	assert_false(netrules_listed(&lower, "HOSX", NR_LOWERED));
	strv_push(&lower, "HOS*");
	assert_true(netrules_listed(&lower, "HOST", NR_LOWERED));
	assert_true(netrules_listed(&lower, "HOSX", NR_LOWERED));
	strv_free(&nets);
	strv_free(&lower);
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
		cmocka_unit_test(test_facts_flags),
		cmocka_unit_test(test_facts_long),
		cmocka_unit_test(test_facts_other),
		cmocka_unit_test(test_case),
		cmocka_unit_test(test_bad_policies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
