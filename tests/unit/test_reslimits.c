/*
 * test_reslimits.c: resource limits on a rule (issue 16): loading and
 * --check problems, values read the way docker reads them, the findings
 * each scan reports (every spelling, in order, held to no rule), what
 * decide.c adds with the module's help.  The decisions (every
 * spelling of every covered flag held to the cap, defaults injected into
 * the canonical argv) are limits.case in tests/data/decide; compose keys
 * under the same caps are in compose.case.
 */
#include "testutil.h"

#include "cmdline.h"
#include "decidecase.h"
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

/* ------------------------------------------------------------------ */
/* What the scans report (reslimits_scan*): facts, held to no rule */

#define FINDINGS_MAX	1024	/* bytes of findings shown per case */

static const char *const kinds[] = {
	[LK_AMOUNT] = "amount", [LK_UNREADABLE] = "unreadable",
	[LK_NO_SIZE] = "no-size", [LK_NO_TMPFS_SIZE] = "no-tmpfs-size",
	[LK_CFS_ALONE] = "cfs-alone", [LK_CFS] = "cfs",
	[LK_UNSET] = "unset", [LK_SERVICE_UNSET] = "service-unset",
	[LK_LOG] = "log", [LK_LOG_UNREADABLE] = "log-unreadable",
};

/* Where a scan's findings are written, "; " between them. */
struct shown {
	char	 buf[FINDINGS_MAX];
	int	 stop;		/* stop the scan at the first finding */
};

/* reslimits_fn: finding f as "KIND FLAG[.KEY] VALUE [/VALUE2]
 * [=AMOUNT] [*FILES] [xSCALE] [no-limit] [adds]". */
static int
show(void *ctx, const struct limit_finding *f)
{
	struct shown *s = ctx;
	char one[256], amount[32] = "";
	size_t n = strlen(s->buf);

	if (f->kind == LK_AMOUNT || f->kind == LK_CFS || f->kind == LK_LOG)
		(void)snprintf(amount, sizeof(amount), f->amount ==
		    LIMITS_NONE ? " =none" : " =%lld", f->amount);
	(void)snprintf(one, sizeof(one), "%s%s %s%s%s %s%s%s%s%s%.0lld%s%s%s",
	    n > 0 ? "; " : "", kinds[f->kind], f->flag, f->key != NULL ?
	    "." : "", f->key != NULL ? f->key : "", f->value != NULL ?
	    f->value : "-", f->value2 != NULL ? " /" : "", f->value2 != NULL ?
	    f->value2 : "", amount, f->files != 0 ? " *" : "", f->files,
	    f->scale != 1 ? " x2" : "", f->no_limit ? " no-limit" : "",
	    f->adds ? " adds" : "");
	(void)snprintf(s->buf + n, sizeof(s->buf) - n, "%s", one);
	return s->stop ? -1 : 0;
}

/* cmd ("docker ...") as the gateway parses it: 0, or -1. */
static int
parse(const char *cmd, struct strv *w, struct request *req)
{
	const char *err;
	size_t rest;

	if (cmdline_split(cmd, strlen(cmd), w, &err) != 0 ||
	    cmdline_docker(w, &rest, &err) != 0 ||
	    grammar_parse(w->v + rest, w->n - rest, req, &err) != 0) {
		print_error("%s: %s\n", cmd, err);
		return -1;
	}
	return 0;
}

/* The limits run leaves out here, and its default json-file log. */
#define RUN_LOG		"log log-opt - /json-file =none *1 adds"
#define RUN_UNSET	"unset cpus - no-limit adds; " \
			"unset pids-limit - no-limit adds; " \
			"unset shm-size - adds; " RUN_LOG
/* Run flags that set cpus, pids and shm-size, and what a scan sees. */
#define RUN_SET		"--cpus 1 --pids-limit 9 --shm-size 1m"
#define RUN_SET_SEEN	"amount cpus 1 =1000000000 adds; " \
			"amount pids-limit 9 =9 adds; " \
			"amount shm-size 1m =1048576 adds"

/* A whole request: every spelling read as docker reads it, in order. */
static void
test_scan(void **state)
{
	static const struct {
		const char *cmd, *want;
	} c[] = {
		{ "docker run -m 2g alpine",
		    "amount memory 2g =2147483648 adds; " RUN_UNSET },
		{ "docker container run --memory=1G alpine",
		    "amount memory 1G =1073741824 adds; " RUN_UNSET },
		{ "docker run -itm2g alpine",
		    "amount memory 2g =2147483648 adds; " RUN_UNSET },
		{ "docker run -m '1 GiB' -m 0 alpine",
		    "amount memory 1 GiB =1073741824 adds; "
		    "amount memory 0 =none adds; " RUN_UNSET },
		{ "docker create --cpus 0 --cpus=2.5 --pids-limit 0x201 "
		    "--pids-limit -1 --shm-size 64M -m 1ki alpine",
		    "amount cpus 0 =none adds; "
		    "amount cpus 2.5 =2500000000 adds; "
		    "amount pids-limit 0x201 =513 adds; "
		    "amount pids-limit -1 =none adds; "
		    "amount shm-size 64M =67108864 adds; "
		    "unreadable memory 1ki adds; " RUN_LOG },
		{ "docker run -m 1g --memory-swap -1 --memory-swap=2g "
		    "--memory-reservation 0 " RUN_SET " alpine",
		    "amount memory 1g =1073741824 adds; "
		    "amount memory-swap -1 =none x2 adds; "
		    "amount memory-swap 2g =2147483648 x2 adds; "
		    "amount memory-reservation 0 =0 adds; " RUN_SET_SEEN "; "
		    RUN_LOG },
		{ "docker run --tmpfs /a:size=1m,SIZE=9g,size=0 --tmpfs=/b "
		    "--tmpfs /c:nr_blocks=1,size=1k -m 1g " RUN_SET " alpine",
		    "amount tmpfs /a:size=1m,SIZE=9g,size=0 =1048576 adds; "
		    "amount tmpfs /a:size=1m,SIZE=9g,size=0 =none adds; "
		    "no-size tmpfs /b adds; "
		    "unreadable tmpfs /c:nr_blocks=1,size=1k adds; "
		    "amount memory 1g =1073741824 adds; " RUN_SET_SEEN "; "
		    RUN_LOG },
		{ "docker run --mount Type=TMPFS,dst=/t,Tmpfs-Size=1g "
		    "--mount=type=tmpfs,dst=/u --mount type=bind,src=/a,dst=/b "
		    "--mount 'type=tmpfs,\"dst=/v' alpine",
		    "amount mount Type=TMPFS,dst=/t,Tmpfs-Size=1g =1073741824 "
		    "adds; no-tmpfs-size mount type=tmpfs,dst=/u adds; "
		    "unreadable mount type=tmpfs,\"dst=/v adds; "
		    "unset memory - no-limit adds; " RUN_UNSET },
		{ "docker service update --mount-add type=tmpfs,dst=/t web",
		    "no-tmpfs-size mount-add type=tmpfs,dst=/t" },
		{ "docker run --cpu-quota=150000 --cpu-period 50000 -m 1g "
		    "--pids-limit 9 --shm-size 1m alpine",
		    "amount memory 1g =1073741824 adds; "
		    "amount pids-limit 9 =9 adds; "
		    "amount shm-size 1m =1048576 adds; "
		    "cfs cpu-quota 150000 /50000 =3000000000 adds; " RUN_LOG },
		{ "docker update --cpu-quota 2001 c",
		    "cfs cpu-quota 2001 =2001000000" },
		{ "docker update --cpu-period 1000 c",
		    "cfs cpu-quota - /1000 =none" },
		{ "docker update -m 1g --cpu-quota -1 c",
		    "amount memory 1g =1073741824; cfs cpu-quota -1 =none" },
		{ "docker service create --limit-memory 1g --reserve-cpu 3 "
		    "--reserve-memory 0 alpine",
		    "amount limit-memory 1g =1073741824; "
		    "amount reserve-cpu 3 =3000000000; "
		    "amount reserve-memory 0 =0; "
		    "unset limit-cpu - no-limit; unset limit-pids - no-limit; "
		    "log log-opt - /json-file =none *1" },
		{ "docker run --log-driver local --log-opt max-file=3 -m 1g "
		    RUN_SET " alpine",
		    "amount memory 1g =1073741824 adds; " RUN_SET_SEEN "; "
		    "log log-opt - /local =20971520 *3 adds" },
		{ "docker service update --log-opt max-size=10M "
		    "--log-opt max-file=2 web",
		    "log log-opt 10M /json-file =10000000 *2" },
		{ "docker service update --log-opt max-file=0x3 web",
		    "log-unreadable log-opt.max-file 0x3 /json-file *1" },
		{ "docker service update --log-opt max-size=1ki web",
		    "log-unreadable log-opt.max-size 1ki /json-file *1" },
		{ "docker service update --log-driver syslog --log-opt "
		    "max-size=1g web", "" },
		{ "docker update --cpus 1 c", "amount cpus 1 =1000000000" },
		{ "docker ps", "" },
		{ "docker compose up", "" },
	};
	struct strv w;
	struct request req;
	struct shown s;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(c); i++) {
		memset(&w, 0, sizeof(w));
		memset(&s, 0, sizeof(s));
		assert_int_equal(parse(c[i].cmd, &w, &req), 0);
		assert_int_equal(reslimits_scan(&req, show, &s), 0);
		if (strcmp(s.buf, c[i].want) != 0)
			print_error("%s:\n got %s\nwant %s\n", c[i].cmd, s.buf,
			    c[i].want);
		assert_string_equal(s.buf, c[i].want);
		grammar_free(&req);
		strv_free(&w);
	}
}

/* A callback that returns -1 ends the scan there, and the scan fails. */
static void
test_scan_stops(void **state)
{
	struct strv w = { NULL, 0, 0 };
	struct request req;
	struct shown s;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.stop = 1;
	assert_int_equal(parse("docker run -m 2g --cpus 9 alpine", &w, &req),
	    0);
	assert_int_equal(reslimits_scan(&req, show, &s), -1);
	assert_string_equal(s.buf, "amount memory 2g =2147483648 adds");
	memset(&s, 0, sizeof(s));
	s.stop = 1;
	assert_int_equal(reslimits_scan_flag(&req.flags[1], show, &s), -1);
	assert_string_equal(s.buf, "amount cpus 9 =9000000000");
	memset(&s, 0, sizeof(s));
	s.stop = 1;
	assert_int_equal(reslimits_scan_service(0, show, &s), -1);
	assert_string_equal(s.buf, "service-unset mem_limit - no-limit");
	grammar_free(&req);
	strv_free(&w);
}

/* The run flag a compose key maps to, alone: no request around it. */
static void
test_scan_flag(void **state)
{
	static const struct {
		const char *flag, *want;
	} c[] = {
		{ "--cpu-quota 50000", "cfs-alone cpu-quota 50000" },
		{ "--cpu-period=50000", "cfs-alone cpu-period 50000" },
		{ "--log-opt max-size=1g", "amount log-opt max-size=1g "
		    "=1000000000" },
		{ "--log-opt max-size=0", "amount log-opt max-size=0 =none" },
		{ "--log-opt max-size=1q", "unreadable log-opt max-size=1q" },
		{ "--log-opt max-file=3", "" },
		{ "--log-driver local", "" },
		{ "--tmpfs /t", "no-size tmpfs /t" },
		{ "--mount type=tmpfs,dst=/t", "no-tmpfs-size mount "
		    "type=tmpfs,dst=/t" },
		{ "--mount type=tmpfs,tmpfs-size=1k,TMPFS-SIZE=2m,dst=/t",
		    "amount mount "
		    "type=tmpfs,tmpfs-size=1k,TMPFS-SIZE=2m,dst=/t =2097152" },
		{ "-m2G", "amount memory 2G =2147483648" },
		{ "--memory-swap=-1", "amount memory-swap -1 =none x2" },
		{ "--pids-limit -1", "amount pids-limit -1 =none" },
		{ "--pids-limit 0", "amount pids-limit 0 =none" },
		{ "--memory-reservation 0", "amount memory-reservation 0 =0" },
		{ "--cpus 1.5", "amount cpus 1.5 =1500000000" },
		{ "--cpus 1.0000000001", "unreadable cpus 1.0000000001" },
		{ "--shm-size 0", "amount shm-size 0 =0" },
		{ "--cpu-shares 2", "" },
	};
	struct strv w;
	struct request req;
	struct shown s;
	char *cmd;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(c); i++) {
		memset(&w, 0, sizeof(w));
		memset(&s, 0, sizeof(s));
		cmd = xasprintf("docker run %s alpine", c[i].flag);
		assert_int_equal(parse(cmd, &w, &req), 0);
		assert_int_equal(reslimits_scan_flag(&req.flags[0], show, &s),
		    0);
		if (strcmp(s.buf, c[i].want) != 0)
			print_error("%s:\n got %s\nwant %s\n", cmd, s.buf,
			    c[i].want);
		assert_string_equal(s.buf, c[i].want);
		free(cmd);
		grammar_free(&req);
		strv_free(&w);
	}
}

/* The keys a compose service leaves out; shm_size alone still limits. */
static void
test_scan_service(void **state)
{
	struct shown s;

	(void)state;
	memset(&s, 0, sizeof(s));
	assert_int_equal(reslimits_scan_service(1u << LIMIT_MEMORY |
	    1u << LIMIT_LOG, show, &s), 0);
	assert_string_equal(s.buf, "service-unset cpus - no-limit; "
	    "service-unset pids_limit - no-limit; service-unset shm_size -");
	memset(&s, 0, sizeof(s));
	assert_int_equal(reslimits_scan_service(~0u, show, &s), 0);
	assert_string_equal(s.buf, "");
	memset(&s, 0, sizeof(s));
	assert_int_equal(reslimits_scan_service(1u << LIMIT_CPUS |
	    1u << LIMIT_PIDS | 1u << LIMIT_SHM, show, &s), 0);
	assert_string_equal(s.buf, "service-unset mem_limit - no-limit; "
	    "service-unset logging.options.max-size - no-limit");
}

/* What decide.c adds: a tmpfs's size, a default's flag, a log's disk. */
static void
test_adds(void **state)
{
	static const struct {
		const char *cmd, *want;	/* NULL: nothing added */
	} fix[] = {
		{ "docker run --tmpfs /t alpine", "/t:size=1024" },
		{ "docker create --tmpfs /t:rw,mode=1777 alpine",
		    "/t:rw,mode=1777,size=1024" },
		{ "docker run --tmpfs /t:size=1g alpine", NULL },
		{ "docker run --mount type=tmpfs,dst=/t alpine",
		    "type=tmpfs,dst=/t,tmpfs-size=1024" },
		{ "docker run --mount type=tmpfs,dst=/t, alpine",
		    "type=tmpfs,dst=/t,tmpfs-size=1024" },
		{ "docker run --mount Type=Tmpfs,dst=/t,Tmpfs-Size=1 alpine",
		    NULL },
		{ "docker run --mount type=volume,dst=/t alpine", NULL },
		{ "docker service create --mount type=tmpfs,dst=/t alpine",
		    NULL },
		{ "docker run -m 1g alpine", NULL },
	};
	struct strv w;
	struct request req;
	char *v;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(fix); i++) {
		memset(&w, 0, sizeof(w));
		assert_int_equal(parse(fix[i].cmd, &w, &req), 0);
		v = reslimits_tmpfs_fix(&req, &req.flags[0], 1024);
		if (fix[i].want == NULL)
			assert_null(v);
		else
			assert_string_equal(v, fix[i].want);
		free(v);
		grammar_free(&req);
		strv_free(&w);
	}
	v = reslimits_default_flag(LIMIT_MEMORY, "256m", 256LL << 20);
	assert_string_equal(v, "--memory=256m");
	free(v);
	v = reslimits_default_flag(LIMIT_PIDS, "128", 128);
	assert_string_equal(v, "--pids-limit=128");
	free(v);
	v = reslimits_default_flag(LIMIT_LOG, "10m", 10LL << 20);
	assert_string_equal(v, "--log-opt=max-size=10485760");
	free(v);
	assert_null(reslimits_default_flag(LIMIT_TMPFS, "1m", 1LL << 20));
	assert_int_equal(reslimits_log_total(10, 3), 30);
	assert_true(reslimits_log_total(0, 3) == LIMITS_NONE);
	assert_true(reslimits_log_total(10, 0) == LIMITS_NONE);
	assert_true(reslimits_log_total(LLONG_MAX / 2, 3) == LIMITS_NONE);
	assert_true(reslimits_log_total(LIMITS_NONE, 1) == LIMITS_NONE);
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
		cmocka_unit_test(test_scan),
		cmocka_unit_test(test_scan_stops),
		cmocka_unit_test(test_scan_flag),
		cmocka_unit_test(test_scan_service),
		cmocka_unit_test(test_adds),
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_good_policy),
		cmocka_unit_test(test_bad_policies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
