/*
 * test_reslimits.c: resource limits on a rule (issue 16): loading and
 * --check problems, values read the way docker reads them, every spelling
 * of every covered flag held to the cap, defaults injected into the
 * canonical argv, compose keys held to the same caps.
 */
#include "testutil.h"

#include "decidecase.h"
#include "help.h"
#include "reslimits.h"

static const char POLICY[] =
    "version: 1\n"
    "roles:\n"
    "  w:\n"
    "    allow:\n"
    "      - command: [run, create]\n"
    "        unsafe: [log-egress]\n"
    "        limits:\n"
    "          memory: {default: 256m, max: 1g}\n"
    "          cpus: {default: 0.5, max: 2}\n"
    "          pids: {default: 128, max: 512}\n"
    "          shm-size: {max: 64m}\n"
    "          tmpfs-size: {max: 64m}\n"
    "          log-size: {default: 10m, max: 100m}\n"
    "      - command: [update, service create, service update]\n"
    "        unsafe: [other-containers, log-egress]\n"
    "        limits:\n"
    "          memory: {max: 1g}\n"
    "          cpus: {max: 2}\n"
    "          pids: {max: 512}\n"
    "          log-size: {max: 100m}\n"
    "  capsonly:\n"
    "    allow:\n"
    "      - command: run\n"
    "        limits:\n"
    "          memory: {max: 1g}\n"
    "          cpus: {max: 2}\n"
    "          pids: {max: 512}\n"
    "  free:\n"
    "    allow:\n"
    "      - command: run\n"
    "        limits:\n"
    "          memory: {default: 256m}\n";

#define DEF " --cpus=0.5 --pids-limit=128 --log-opt=max-size=10485760"

static const struct dcase cases[] = {
	/* defaults injected into the canonical argv */
	{ "w", "docker run alpine true", 1, "container run --memory=256m"
	    DEF " alpine true" },
	{ "w", "docker container create alpine", 1, "--memory=256m" DEF },
	{ "w", "docker run -m 512m alpine", 1, "--memory=512m --cpus=0.5" },
	{ "w", "docker run --cpus 1 alpine", 1, "--cpus=1 --memory=256m "
	    "--pids-limit=128" },
	{ "w", "docker run --pids-limit 10 alpine", 1, "--pids-limit=10 "
	    "--memory=256m --cpus=0.5 --log-opt" },
	{ "w", "docker run --cpu-quota 50000 alpine", 1, "--cpu-quota=50000 "
	    "--memory=256m --pids-limit=128" },
	{ "w", "docker run --log-opt max-size=5m alpine", 1,
	    "--log-opt=max-size=5m --memory=256m --cpus=0.5 "
	    "--pids-limit=128 alpine" },
	{ "w", "docker run --log-driver none alpine", 1,
	    "--pids-limit=128 alpine" },
	{ "w", "docker update -m 1g c", 1, "update --memory=1g c" },
	/* memory: every spelling, binary units, any case */
	{ "w", "docker run -m 1g alpine", 1, "--memory=1g --cpus" },
	{ "w", "docker run -m 1G alpine", 1, "--memory=1G" },
	{ "w", "docker run -m 1gb alpine", 1, "--memory=1gb" },
	{ "w", "docker run -m 1GiB alpine", 1, "--memory=1GiB" },
	{ "w", "docker run -m 1024m alpine", 1, "--memory=1024m" },
	{ "w", "docker run -m 1073741824 alpine", 1, "--memory=1073741824" },
	{ "w", "docker run -m '1 g' alpine", 1, "--memory=1 g" },
	{ "w", "docker run -m 1073741825 alpine", 0, "--memory 1073741825 is "
	    "over the cap memory max 1g (rule roles.w.allow[0]" },
	{ "w", "docker run -m 1025m alpine", 0, "over the cap memory max 1g" },
	{ "w", "docker run -m 1.5g alpine", 0, "--memory 1.5g is over" },
	{ "w", "docker run -m 2G alpine", 0, "--memory 2G is over" },
	{ "w", "docker run --memory=2g alpine", 0, "--memory 2g is over" },
	{ "w", "docker run -m2g alpine", 0, "--memory 2g is over" },
	{ "w", "docker run -itm2g alpine", 0, "--memory 2g is over" },
	{ "w", "docker container run --memory 1t alpine", 0, "--memory 1t" },
	{ "w", "docker run -m 0 alpine", 0, "--memory 0 means no limit" },
	{ "w", "docker run -m -1 alpine", 0, "--memory -1 means no limit" },
	{ "w", "docker run -m 99999999999p alpine", 0, "means no limit" },
	/* go-units before 0.5 took "1ki" and "1ib"; 0.5 refuses them */
	{ "w", "docker run -m 1ki alpine", 0, "--memory 1ki: the value cannot "
	    "be read, and this rule caps memory" },
	{ "w", "docker run -m 1ib alpine", 0, "cannot be read" },
	{ "w", "docker run -m 512m -m 2g alpine", 0, "--memory 2g is over" },
	{ "w", "docker run -m 2g -m 512m alpine", 0, "--memory 2g is over" },
	{ "w", "docker run --memory-reservation 2g alpine", 0,
	    "--memory-reservation 2g is over the cap memory max 1g" },
	{ "w", "docker run --memory-reservation 1g alpine", 1,
	    "--memory-reservation=1g --memory=256m" },
	{ "w", "docker run -m 1g --memory-swap 2g alpine", 1,
	    "--memory-swap=2g" },
	{ "w", "docker run -m 1g --memory-swap 2049m alpine", 0,
	    "--memory-swap 2049m is over the cap memory max 1g" },
	{ "w", "docker run -m 1g --memory-swap -1 alpine", 0,
	    "--memory-swap -1 means no limit" },
	{ "w", "docker run -m 1g --memory-swap=-1 alpine", 0,
	    "--memory-swap -1 means no limit" },
	/* cpus */
	{ "w", "docker run --cpus 2 alpine", 1, "--cpus=2" },
	{ "w", "docker run --cpus 2.000000000 alpine", 1, "--cpus=2.0" },
	{ "w", "docker run --cpus 2.000000001 alpine", 0, "--cpus 2.000000001 "
	    "is over the cap cpus max 2" },
	{ "w", "docker run --cpus=2.5 alpine", 0, "--cpus 2.5 is over" },
	{ "w", "docker run --cpus 0 alpine", 0, "--cpus 0 means no limit" },
	{ "w", "docker run --cpus 99999999999999 alpine", 0, "no limit" },
	{ "w", "docker run --cpu-quota 400000 --cpu-period 100000 alpine", 0,
	    "--cpu-quota 400000 --cpu-period 100000 is over the cap cpus" },
	{ "w", "docker run --cpu-quota=200000 --cpu-period=100000 alpine", 1,
	    "--cpu-quota=200000" },
	{ "w", "docker run --cpu-quota 200001 alpine", 0, "over the cap cpus" },
	{ "w", "docker run --cpu-quota 2000 --cpu-period 1000 alpine", 1,
	    "--cpu-period=1000" },
	{ "w", "docker run --cpu-quota 2001 --cpu-period 1000 alpine", 0,
	    "over the cap cpus" },
	{ "w", "docker run --cpu-quota -1 alpine", 0, "means no limit" },
	{ "w", "docker run --cpu-period 100000 alpine", 0, "means no limit" },
	{ "w", "docker run --cpu-quota 0x61a80 alpine", 0, "over the cap" },
	{ "w", "docker update --cpu-quota 100000 c", 0, "over the cap cpus" },
	{ "w", "docker update --cpu-quota 100000 --cpu-period 100000 c", 1,
	    "update --cpu-quota=100000 --cpu-period=100000 c" },
	/* pids */
	{ "w", "docker run --pids-limit 512 alpine", 1, "--pids-limit=512" },
	{ "w", "docker run --pids-limit 513 alpine", 0, "--pids-limit 513 is "
	    "over the cap pids max 512" },
	{ "w", "docker run --pids-limit=-1 alpine", 0, "means no limit" },
	{ "w", "docker run --pids-limit 0 alpine", 0, "means no limit" },
	{ "w", "docker run --pids-limit 0x201 alpine", 0, "is over" },
	{ "w", "docker run --pids-limit 01001 alpine", 0, "is over" },
	{ "w", "docker run --pids-limit 0b1000000000 alpine", 1, "=0b1" },
	{ "w", "docker update --pids-limit -1 c", 0, "means no limit" },
	/* shm */
	{ "w", "docker run --shm-size 64m alpine", 1, "--shm-size=64m" },
	{ "w", "docker run --shm-size 64g alpine", 0, "--shm-size 64g is over "
	    "the cap shm-size max 64m" },
	{ "w", "docker run --shm-size=65M alpine", 0, "is over" },
	{ "w", "docker run --shm-size -1 alpine", 0, "means no limit" },
	/* tmpfs */
	{ "w", "docker run --tmpfs /t:size=64m alpine", 1, "--tmpfs=/t" },
	{ "w", "docker run --tmpfs /t:rw,size=64M,mode=1777 alpine", 1, "/t" },
	/* a tmpfs without a size gets the cap, in bytes, options kept */
	{ "w", "docker run --tmpfs /t alpine", 1,
	    "run --tmpfs=/t:size=67108864 --memory" },
	{ "w", "docker run --tmpfs=/t alpine", 1, "--tmpfs=/t:size=67108864 " },
	{ "w", "docker run --tmpfs /t:rw,noexec,mode=1777 alpine", 1,
	    "--tmpfs=/t:rw,noexec,mode=1777,size=67108864 " },
	{ "w", "docker run --tmpfs /t: alpine", 0, "cannot be read" },
	{ "w", "docker create --tmpfs /t alpine", 1,
	    "--tmpfs=/t:size=67108864 " },
	{ "w", "docker run --tmpfs /t:SIZE=1g alpine", 1,
	    "--tmpfs=/t:SIZE=1g,size=67108864 " },	/* size= is lower case:
							   the kernel's last
							   size= wins */
	{ "capsonly", "docker run -m 1g --cpus 1 --pids-limit 9 --tmpfs /t "
	    "alpine", 1, "--tmpfs=/t alpine" },	/* no tmpfs cap */
	{ "w", "docker run --tmpfs /t:size=1g alpine", 0, "--tmpfs /t:size=1g "
	    "is over the cap tmpfs-size max 64m" },
	{ "w", "docker run --tmpfs /t:size=0 alpine", 0, "means no limit" },
	{ "w", "docker run --tmpfs /t:size=50% alpine", 0, "cannot be read" },
	{ "w", "docker run --tmpfs /t:size=0x10000000 alpine", 0,
	    "cannot be read" },
	{ "w", "docker run --tmpfs /t:size=1m,nr_blocks=100000 alpine", 0,
	    "cannot be read" },
	{ "w", "docker run --tmpfs /t:size=1m,size=1g alpine", 0, "is over" },
	{ "w", "docker run --tmpfs=/a:size=1m --tmpfs /b alpine", 1,
	    "--tmpfs=/a:size=1m --tmpfs=/b:size=67108864 " },
	{ "w", "docker run --tmpfs /a --tmpfs /b:size=1g alpine", 0,
	    "--tmpfs /b:size=1g is over" },
	{ "w", "docker run --mount type=tmpfs,dst=/t,tmpfs-size=64m alpine",
	    1, "tmpfs-size=64m" },
	{ "w", "docker run --mount type=tmpfs,dst=/t alpine", 1,
	    "--mount=type=tmpfs,dst=/t,tmpfs-size=67108864 " },
	{ "w", "docker run --mount Type=TMPFS,Destination=/t,tmpfs-mode=1770 "
	    "alpine", 1, "--mount=Type=TMPFS,Destination=/t,tmpfs-mode=1770,"
	    "tmpfs-size=67108864 " },
	{ "w", "docker run --mount Type=TMPFS,dst=/t,Tmpfs-Size=1g alpine", 0,
	    "is over the cap tmpfs-size max 64m" },
	{ "w", "docker run --mount=type=tmpfs,dst=/t,tmpfs-size=1GiB alpine",
	    0, "is over" },
	{ "w", "docker run --mount type=tmpfs,dst=/t,tmpfs-size=0 alpine", 0,
	    "means no limit" },
	/* logs: json-file (the default) and local; others not on disk */
	{ "w", "docker run --log-opt max-size=100m alpine", 1, "max-size" },
	{ "w", "docker run --log-opt max-size=105m alpine", 0, "--log-opt "
	    "max-size=105m max-file=1 (json-file) is over the cap log-size" },
	{ "w", "docker run --log-opt max-size=1g alpine", 0, "is over" },
	{ "w", "docker run --log-opt max-size=50m --log-opt max-file=3 "
	    "alpine", 0, "max-file=3 (json-file) is over" },
	{ "w", "docker run --log-driver json-file --log-opt max-size=0 alpine",
	    0, "means no limit" },
	{ "w", "docker run --log-driver local --log-opt max-size=30m alpine",
	    0, "max-file=5 (local) is over" },
	{ "w", "docker run --log-driver local alpine", 1,
	    "--log-opt=max-size=10485760" },
	{ "w", "docker run --log-driver journald alpine", 1, "--cpus=0.5 "
	    "--pids-limit=128 alpine" },
	{ "w", "docker run --log-opt max-file=x alpine", 0, "cannot be read" },
	{ "w", "docker run --log-opt max-file=0 alpine", 0, "max-file=0 "
	    "(json-file) means no limit" },
	{ "w", "docker run --log-driver local --log-opt max-file=0 alpine", 0,
	    "means no limit" },
	{ "w", "docker run --log-opt max-size=1k --log-opt max-file="
	    "9223372036854775807 alpine", 0, "means no limit" },
	/* no max: the default only */
	{ "free", "docker run alpine", 1, "--memory=256m alpine" },
	{ "free", "docker run -m 0 alpine", 1, "--memory=0 alpine" },
	/* service create / update: caps, no defaults */
	{ "w", "docker service create alpine", 0, "without --limit-memory the "
	    "container has no memory limit, and this rule caps memory at 1g: "
	    "give --limit-memory (at most 1g)" },
	{ "w", "docker service create --limit-memory 1g alpine", 0,
	    "without --limit-cpu" },
	{ "w", "docker service create --limit-memory 1g --limit-cpu 2 "
	    "--limit-pids 10 alpine", 0, "without --log-opt max-size the "
	    "json-file log has no limit, and this rule caps log-size at 100m" },
	{ "w", "docker service create --limit-memory 1g --limit-cpu 2 "
	    "--limit-pids 10 --log-opt max-size=10m alpine", 1,
	    "service create --limit-memory=1g" },
	/* update: a flag left out is unchanged, not unlimited */
	{ "w", "docker update --cpus 1 c", 1, "update --cpus=1 c" },
	{ "w", "docker service update --limit-memory 1g web", 1, "" },
	/* a cap without a default: leaving the flag out is no limit */
	{ "capsonly", "docker run alpine", 0, "without --memory the container "
	    "has no memory limit, and this rule caps memory at 1g: give "
	    "--memory (at most 1g)" },
	{ "capsonly", "docker run -m 1g alpine", 0, "without --cpus" },
	{ "capsonly", "docker run -m 1g --cpu-quota 100000 alpine", 0,
	    "without --pids-limit" },
	{ "capsonly", "docker run -m 1g --cpus 1 --pids-limit 9 alpine", 1,
	    "run --memory=1g --cpus=1 --pids-limit=9 alpine" },
	{ "w", "docker service create --limit-memory 2g alpine", 0,
	    "--limit-memory 2g is over the cap memory max 1g" },
	{ "w", "docker service create --limit-cpu 3 alpine", 0,
	    "--limit-cpu 3 is over" },
	{ "w", "docker service create --reserve-memory 2g alpine", 0,
	    "--reserve-memory 2g is over" },
	{ "w", "docker service update --limit-pids 0 web", 0,
	    "means no limit" },
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
	assert_int_equal(dcase_policy(POLICY, &p), 0);
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

/* help and help --json show the agent its limits. */
static void
test_help(void **state)
{
	struct policy *p = NULL;
	char *t, *j;

	(void)state;
	assert_int_equal(dcase_policy(POLICY, &p), 0);
	t = help_text(policy_role(p, "w"));
	j = help_json(policy_role(p, "w"));
	assert_non_null(strstr(t, "      limits: memory default 256m max 1g, "
	    "cpus default 0.5 max 2, pids default 128 max 512, shm-size max "
	    "64m, tmpfs-size max 64m, log-size default 10m max 100m\n"));
	assert_non_null(strstr(t, "      limits: memory max 1g, cpus max 2, "
	    "pids max 512, log-size max 100m\n"));
	assert_non_null(strstr(j, "\"limits\": {\n        \"memory\": {\n"
	    "          \"default\": \"256m\",\n          \"max\": \"1g\"\n"));
	free(j);
	j = help_json(policy_role(p, "free"));
	assert_null(strstr(j, "\"max\""));
	free(t);
	free(j);
	policy_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_good_policy),
		cmocka_unit_test(test_bad_policies),
		cmocka_unit_test(test_decisions),
		cmocka_unit_test(test_help),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
