/*
 * test_quota.c: max_containers on an own: true rule (issue 16, quotas):
 * loading and --check problems, how the count is taken (once, for the
 * caller's role, not when denied), the lock, and lifetime:.  The
 * decisions (room left, full, the count failing, no count) and what help
 * says are quota*.case in tests/data/decide.
 */
#include "testutil.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <unistd.h>

#include "decidecase.h"
#include "quota.h"
#include "reap.h"

/* The roles of quota.case in tests/data/decide, and of these tests. */
#define POLICY_FILE	"tests/data/decide/quota.yaml"

/* A fake count: the role's containers, or a failure. */
struct fake {
	long	 n;
	int	 fail;
	int	 calls;
	char	 role[32];
};

static int
fake_count(void *ctx, const char *role, long *n, int *unavailable,
    const char **errstr)
{
	struct fake *f = ctx;

	f->calls++;
	(void)snprintf(f->role, sizeof(f->role), "%s", role);
	if (f->fail) {
		*unavailable = 1;
		*errstr = "engine down";
		return -1;
	}
	*n = f->n;
	return 0;
}

static void
verdict_of(const struct policy *pol, const char *role, const char *cmd,
    const struct resolver *res, struct verdict *v)
{
	struct strv w = { NULL, 0, 0 };
	struct request req;
	const char *err;
	size_t rest;

	assert_int_equal(cmdline_split(cmd, strlen(cmd), &w, &err), 0);
	assert_int_equal(cmdline_docker(&w, &rest, &err), 0);
	assert_int_equal(grammar_parse(w.v + rest, w.n - rest, &req, &err), 0);
	decide(pol, role, &req, res, v);
	grammar_free(&req);
	strv_free(&w);
}

/*
 * How the count is taken, which a case line cannot say: once per request,
 * for the caller's role, only for a quota rule, and not when the request
 * is denied for another reason (so no lock is taken).  The verdicts and
 * reasons (room left, full, the count failing, no count) are
 * quota*.case in tests/data/decide.
 */
static void
test_count(void **state)
{
	static const char *const cmds[] = { "docker run alpine",
	    "docker container run -d alpine", "docker create alpine",
	    "docker container create alpine" };
	struct policy *pol = NULL;
	struct resolver res;
	struct verdict v;
	struct fake f;
	size_t i;

	(void)state;
	assert_int_equal(dcase_policy_file(POLICY_FILE, &pol), 0);
	for (i = 0; i < NELEM(cmds); i++) {
		memset(&res, 0, sizeof(res));
		memset(&f, 0, sizeof(f));
		res.count = fake_count;
		res.count_ctx = &f;
		f.n = 2;
		verdict_of(pol, "w", cmds[i], &res, &v);
		assert_int_equal(v.quota, 1);
		assert_int_equal(f.calls, 1);
		assert_string_equal(f.role, "w");
		decide_verdict_free(&v);
	}
	/* a request denied for another reason takes no count (no lock) */
	memset(&res, 0, sizeof(res));
	memset(&f, 0, sizeof(f));
	res.count = fake_count;
	res.count_ctx = &f;
	verdict_of(pol, "w", "docker run --privileged alpine", &res, &v);
	assert_int_equal(v.allow, 0);
	assert_int_equal(f.calls, 0);
	decide_verdict_free(&v);
	/* a rule without a quota counts nothing */
	verdict_of(pol, "free", "docker run alpine", &res, &v);
	assert_int_equal(v.quota, 0);
	assert_int_equal(f.calls, 0);
	decide_verdict_free(&v);
	policy_free(pol);
}

static const struct badrule bad[] = {
	{ "max_containers: 3", "run", "t.yaml:6:25: max_containers needs "
	    "own: true in the rule" },
	{ "own: true\n        max_containers: 0", "run",
	    "t.yaml:7:25: max_containers must be at least 1" },
	{ "own: true\n        max_containers: -1", "run",
	    "max_containers must be a decimal integer up to 100000" },
	{ "own: true\n        max_containers: 100001", "run",
	    "max_containers must be a decimal integer up to 100000" },
	{ "own: true\n        max_containers: \"3\"", "run",
	    "max_containers must be a decimal integer" },
	{ "own: true\n        max_containers: 03", "run",
	    "max_containers must be a decimal integer" },
	{ "own: true\n        max_containers: [3]", "run", "max_containers" },
	{ "own: true\n        max_containers: 3", "service create",
	    "max_containers applies to run, create and compose only, not to "
	    "\"service create\"" },
	{ "max_containers: 3\n        subcommands: [up]\n"
	    "        projects: [/srv/x]", "compose",
	    "max_containers needs own: true" },
	{ "own: true\n        lifetime: 2h\n        subcommands: [up]\n"
	    "        projects: [/srv/x]", "compose",
	    "lifetime applies to run and create only" },
	{ "own: true", "ps", "own: true applies to run, create, service "
	    "create and compose only, not to \"ps\"" },
	{ "lifetime: 2h", "run", "t.yaml:6:19: lifetime needs own: true" },
	{ "own: true\n        lifetime: 2h", "service create",
	    "lifetime applies to run and create only" },
	{ "own: true\n        lifetime: 0h", "run", "t.yaml:7:19: lifetime: "
	    "\"0h\": a duration is a positive whole number" },
	{ "own: true\n        lifetime: 2", "run", "lifetime: \"2\"" },
	{ "own: true\n        lifetime: 2H", "run", "lifetime: \"2H\"" },
	{ "own: true\n        lifetime: 1.5h", "run", "lifetime: \"1.5h\"" },
	{ "own: true\n        lifetime: -1h", "run", "lifetime: \"-1h\"" },
	{ "own: true\n        lifetime: 367d", "run", "at most 366d" },
	{ "own: true\n        lifetime: 99999999999999s", "run",
	    "at most 366d" },
	{ "own: true\n        lifetime: [2h]", "run", "lifetime" },
};

static void
test_bad_policies(void **state)
{
	(void)state;
	dcase_bad_rules(bad, NELEM(bad));
}

static void
test_lifetime(void **state)
{
	static const struct { const char *text; long secs; } ok[] = {
		{ "1s", 1 }, { "90m", 5400 }, { "2h", 7200 }, { "1d", 86400 },
		{ "366d", LIFETIME_MAX }, { "31622400s", LIFETIME_MAX },
	};
	const char *err;
	size_t i;
	long v;

	(void)state;
	for (i = 0; i < NELEM(ok); i++) {
		assert_int_equal(lifetime_parse(ok[i].text, &v, &err), 0);
		assert_int_equal(v, ok[i].secs);
	}
	assert_int_equal(lifetime_parse("31622401s", &v, &err), -1);
	assert_int_equal(lifetime_parse("h", &v, &err), -1);
	assert_int_equal(lifetime_parse("", &v, &err), -1);
	assert_int_equal(lifetime_parse("2h ", &v, &err), -1);
}

/* The lock: taken, refused while another holds it, never via a link. */
static void
test_lock(void **state)
{
	char dir[] = "/tmp/dg-quota.XXXXXX", path[128], missing[160];
	const char *err;
	struct stat st;
	mode_t mask;
	int fd, fd2, other;

	(void)state;
	assert_non_null(mkdtemp(dir));
	/* readable by the role's other accounts whatever the umask */
	mask = umask(077);
	assert_int_equal(quota_lock(dir, "w", 100, &fd, &err), 0);
	(void)umask(mask);
	(void)snprintf(path, sizeof(path), "%s/quota.w", dir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0644);
	assert_int_not_equal(fcntl(fd, F_GETFD) & FD_CLOEXEC, 0);
	/* a second session waits, then gives up: unavailable */
	assert_int_equal(quota_lock(dir, "w", 100, &fd2, &err), -1);
	assert_int_equal(fd2, -1);
	assert_non_null(strstr(err, "another session holds it"));
	/* another role is not held up */
	assert_int_equal(quota_lock(dir, "v", 100, &fd2, &err), 0);
	(void)close(fd2);
	(void)close(fd);
	assert_int_equal(quota_lock(dir, "w", 100, &fd, &err), 0);
	(void)close(fd);
	/* a lock file that is a link is refused */
	(void)snprintf(path, sizeof(path), "%s/quota.l", dir);
	assert_int_equal(symlink("/etc/passwd", path), 0);
	assert_int_equal(quota_lock(dir, "l", 100, &fd, &err), -1);
	assert_non_null(strstr(err, "cannot open the quota lock"));
	(void)unlink(path);
	/* no directory: an error naming it */
	(void)snprintf(missing, sizeof(missing), "%s/none", dir);
	assert_int_equal(quota_lock(missing, "w", 100, &fd, &err), -1);
	assert_non_null(strstr(err, "must exist, root-owned, mode 1733"));
	/* held by another open file (another process's session) */
	(void)snprintf(path, sizeof(path), "%s/quota.w", dir);
	other = open(path, O_RDONLY);
	assert_true(other >= 0);
	assert_int_equal(flock(other, LOCK_EX), 0);
	assert_int_equal(quota_lock(dir, "w", 100, &fd, &err), -1);
	(void)close(other);
	(void)unlink(path);
	(void)snprintf(path, sizeof(path), "%s/quota.v", dir);
	(void)unlink(path);
	assert_int_equal(rmdir(dir), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_policies),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_lock),
		cmocka_unit_test(test_lifetime),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
