/*
 * test_approval.c: held requests and root's decisions (approval.c): the
 * id, the layout, an approval's binding to account, role and argv, its
 * expiry, single use, forged and foreign files, denial, notify, and
 * pending/approve/deny refusing anyone but root.  Needs root (chown,
 * setuid); as another user each case is skipped.
 */
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"
#include "approval.h"
#include "audit.h"
#include "policy.h"

#define OTHER_UID	65534	/* nobody: an account that is not root */
#define SKIP_UNLESS_ROOT() do { if (geteuid() != 0) skip(); } while (0)

static char root[64];
static char dir[128];
static char pol[128];

static char *const argv_rm[] = { "docker", "container", "rm",
	"--force=false", "web", NULL };
static char *const argv_stop[] = { "docker", "container", "stop", "web",
	NULL };

static const char *
at(const char *fmt, const char *a)
{
	static char p[4][PATH_MAX];
	static int i;

	i = (i + 1) % 4;
	if (snprintf(p[i], sizeof(p[i]), fmt, dir, a) >= (int)sizeof(p[i]))
		fail_msg("path too long: %s", a);
	return p[i];
}

static void
put(const char *path, const char *text, mode_t mode, uid_t uid)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chown(path, uid, 0), 0);
	assert_int_equal(chmod(path, mode), 0);
}

static int
setup(void **state)
{
	char text[2 * PATH_MAX];

	(void)state;
	if (geteuid() != 0)
		return 0;
	(void)snprintf(root, sizeof(root), "/tmp/dg-approval.XXXXXX");
	assert_non_null(mkdtemp(root));
	assert_int_equal(chmod(root, 0755), 0);
	if (snprintf(dir, sizeof(dir), "%s/approvals", root) >=
	    (int)sizeof(dir))
		fail_msg("path too long");
	assert_int_equal(mkdir(dir, 0755), 0);
	assert_int_equal(mkdir(at("%s/%s", APPROVAL_APPROVED), 0755), 0);
	assert_int_equal(mkdir(at("%s/%s", APPROVAL_REQUESTS), 0700), 0);
	assert_int_equal(chmod(at("%s/%s", APPROVAL_REQUESTS),
	    APPROVAL_REQUESTS_MODE), 0);
	if (snprintf(pol, sizeof(pol), "%s/policy.yaml", root) >=
	    (int)sizeof(pol))
		fail_msg("path too long");
	(void)snprintf(text, sizeof(text), "version: 1\n"
	    "audit: {syslog: false, file: %s/audit.jsonl}\n"
	    "approvals: {dir: %s, ttl: 10m, wait: 3s}\n"
	    "roles:\n  ops:\n    allow:\n      - command: rm\n"
	    "        approval: true\n", root, dir);
	put(pol, text, 0644, 0);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[PATH_MAX + 16];

	(void)state;
	if (root[0] != '\0') {
		(void)snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
		assert_int_equal(system(cmd), 0);
	}
	return 0;
}

static void
req(struct approval_req *rq, const char *user, uid_t uid, const char *role,
    char *const *argv)
{
	memset(rq, 0, sizeof(*rq));
	rq->user = user;
	rq->uid = uid;
	rq->role = role;
	rq->rule = "roles.ops.allow[0]";
	rq->argv = argv;
	rq->command = "docker rm web";
	rq->client = "192.0.2.1 4711";
	rq->session = "00";
}

/* Hold rq as the gateway would: the id, and the request file. */
static void
hold(const struct approval_req *rq, char *id, struct timespec *held)
{
	const char *err = NULL;
	char *json = NULL;
	int created;

	approval_id(rq->user, rq->role, rq->argv, id);
	assert_int_equal(approval_hold(dir, id, rq, time(NULL), &created,
	    held, &json, &err), 0);
	assert_non_null(json);
	free(json);
}

/* dockergate approve|deny as root, its exit status. */
static int
admin(const char *cmd, const char *id, const char *opt, const char *arg)
{
	char *argv[8];
	int n = 0, fd, out, r;

	argv[n++] = (char *)cmd;
	argv[n++] = "--policy";
	argv[n++] = pol;
	if (opt != NULL)
		argv[n++] = (char *)opt;
	if (arg != NULL)
		argv[n++] = (char *)arg;
	if (id != NULL)
		argv[n++] = (char *)id;
	argv[n] = NULL;
	/* What it prints for root is not the test's output. */
	fflush(stdout);
	out = dup(STDOUT_FILENO);
	fd = open("/dev/null", O_WRONLY);
	(void)dup2(fd, STDOUT_FILENO);
	r = approval_main(n, argv);
	fflush(stdout);
	(void)dup2(out, STDOUT_FILENO);
	(void)close(fd);
	(void)close(out);
	return r;
}

static enum approval_state
check(const struct approval_req *rq, const char *id, time_t now,
    const struct timespec *held)
{
	enum approval_state st;
	char nonce[APPROVAL_NONCE_LEN + 1], reason[APPROVAL_REASON_MAX];
	const char *err = NULL;

	assert_int_equal(approval_check(dir, id, rq, now, held, &st, nonce,
	    reason, sizeof(reason), &err), 0);
	return st;
}

static void
test_id(void **state)
{
	char a[APPROVAL_ID_LEN + 1], b[APPROVAL_ID_LEN + 1];
	char *const split1[] = { "docker", "ab", "c", NULL };
	char *const split2[] = { "docker", "a", "bc", NULL };

	(void)state;
	approval_id("ai", "ops", argv_rm, a);
	approval_id("ai", "ops", argv_rm, b);
	assert_string_equal(a, b);
	assert_int_equal(strlen(a), APPROVAL_ID_LEN);
	approval_id("ci", "ops", argv_rm, b);
	assert_string_not_equal(a, b);
	approval_id("ai", "ci", argv_rm, b);
	assert_string_not_equal(a, b);
	approval_id("ai", "ops", argv_stop, b);
	assert_string_not_equal(a, b);
	approval_id("ai", "ops", split1, a);
	approval_id("ai", "ops", split2, b);
	assert_string_not_equal(a, b);
}

static void
test_layout(void **state)
{
	const char *err = NULL;

	(void)state;
	SKIP_UNLESS_ROOT();
	assert_int_equal(approval_layout(dir, &err), 0);
	/* requests/ must be exactly 1733: listable is unsafe */
	assert_int_equal(chmod(at("%s/%s", APPROVAL_REQUESTS), 01777), 0);
	assert_int_equal(approval_layout(dir, &err), -1);
	assert_non_null(strstr(err, "1733"));
	assert_int_equal(chmod(at("%s/%s", APPROVAL_REQUESTS),
	    APPROVAL_REQUESTS_MODE), 0);
	/* approved/ writable by others, or owned by an account */
	assert_int_equal(chmod(at("%s/%s", APPROVAL_APPROVED), 01777), 0);
	assert_int_equal(approval_layout(dir, &err), -1);
	assert_int_equal(chmod(at("%s/%s", APPROVAL_APPROVED), 0755), 0);
	assert_int_equal(chown(at("%s/%s", APPROVAL_APPROVED), OTHER_UID, 0),
	    0);
	assert_int_equal(approval_layout(dir, &err), -1);
	assert_int_equal(chown(at("%s/%s", APPROVAL_APPROVED), 0, 0), 0);
	/* the dir itself owned by an account */
	assert_int_equal(chown(dir, OTHER_UID, 0), 0);
	assert_int_equal(approval_layout(dir, &err), -1);
	assert_int_equal(chown(dir, 0, 0), 0);
	/* missing */
	assert_int_equal(approval_layout(at("%s/%s", "nonexistent"), &err),
	    -1);
	assert_int_equal(approval_layout(dir, &err), 0);
}

/* Approved: covers exactly that request, once. */
static void
test_approve_once(void **state)
{
	struct approval_req rq, other;
	struct timespec held;
	char id[APPROVAL_ID_LEN + 1], oid[APPROVAL_ID_LEN + 1];

	(void)state;
	SKIP_UNLESS_ROOT();
	req(&rq, "root", 0, "ops", argv_rm);
	hold(&rq, id, &held);
	assert_int_equal(check(&rq, id, time(NULL), &held), APPROVAL_NONE);
	assert_int_equal(admin("approve", id, "--yes", NULL), 0);
	/* approve took the request out of requests/ */
	assert_int_equal(access(at("%s/requests/%s", id), F_OK), -1);
	/* another request of the account: its own id, not covered */
	req(&other, "root", 0, "ops", argv_stop);
	approval_id(other.user, other.role, other.argv, oid);
	assert_int_equal(check(&other, oid, time(NULL), NULL), APPROVAL_NONE);
	/* the approval under the other request's argv, role, user, uid */
	assert_int_equal(check(&other, id, time(NULL), NULL), APPROVAL_NONE);
	req(&other, "root", 0, "ci", argv_rm);
	assert_int_equal(check(&other, id, time(NULL), NULL), APPROVAL_NONE);
	req(&other, "ai", 0, "ops", argv_rm);
	assert_int_equal(check(&other, id, time(NULL), NULL), APPROVAL_NONE);
	req(&other, "root", OTHER_UID, "ops", argv_rm);
	assert_int_equal(check(&other, id, time(NULL), NULL), APPROVAL_NONE);
	/* expired: ttl 10m */
	assert_int_equal(check(&rq, id, time(NULL) + 601, NULL),
	    APPROVAL_NONE);
	/* the request itself: once */
	assert_int_equal(check(&rq, id, time(NULL), NULL), APPROVAL_GRANTED);
	assert_int_equal(check(&rq, id, time(NULL), NULL), APPROVAL_NONE);
	/* pending (root) removes the used approval: root-owned state */
	assert_int_equal(access(at("%s/approved/%s", id), F_OK), 0);
	assert_int_equal(admin("pending", NULL, NULL, NULL), 0);
	assert_int_equal(access(at("%s/approved/%s", id), F_OK), -1);
}

/* An approval not written by root, or writable by others, is none. */
static void
test_forged(void **state)
{
	struct approval_req rq;
	struct timespec held;
	char id[APPROVAL_ID_LEN + 1];
	const char *path;

	(void)state;
	SKIP_UNLESS_ROOT();
	req(&rq, "root", 0, "ops", argv_stop);
	hold(&rq, id, &held);
	assert_int_equal(admin("approve", id, "--yes", NULL), 0);
	path = at("%s/approved/%s", id);
	assert_int_equal(chown(path, OTHER_UID, 0), 0);
	assert_int_equal(check(&rq, id, time(NULL), NULL), APPROVAL_NONE);
	assert_int_equal(chown(path, 0, 0), 0);
	assert_int_equal(chmod(path, 0666), 0);
	assert_int_equal(check(&rq, id, time(NULL), NULL), APPROVAL_NONE);
	assert_int_equal(chmod(path, 0644), 0);
	/* a link to a root-owned approval is not followed */
	assert_int_equal(rename(path, at("%s/approved/%s.real", id)), 0);
	assert_int_equal(symlink(at("%s/approved/%s.real", id), path), 0);
	assert_int_equal(check(&rq, id, time(NULL), NULL), APPROVAL_NONE);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rename(at("%s/approved/%s.real", id), path), 0);
	/* as it was: it counts (the cases above failed for their reason) */
	assert_int_equal(check(&rq, id, time(NULL), NULL), APPROVAL_GRANTED);
}

/* A denial ends the request held before it, not one held after it. */
static void
test_deny(void **state)
{
	struct approval_req rq;
	struct timespec held, later;
	enum approval_state st;
	char id[APPROVAL_ID_LEN + 1], nonce[APPROVAL_NONCE_LEN + 1];
	char reason[APPROVAL_REASON_MAX];
	const char *err = NULL;

	(void)state;
	SKIP_UNLESS_ROOT();
	req(&rq, "root", 0, "ci", argv_rm);
	hold(&rq, id, &held);
	assert_int_equal(admin("deny", id, "--reason", "not today"), 0);
	assert_int_equal(approval_check(dir, id, &rq, time(NULL), &held, &st,
	    nonce, reason, sizeof(reason), &err), 0);
	assert_int_equal(st, APPROVAL_DENIED);
	assert_string_equal(reason, "not today");
	later = held;
	later.tv_sec += 60;
	assert_int_equal(check(&rq, id, time(NULL), &later), APPROVAL_NONE);
	/* approve, deny: a request no longer held */
	assert_int_equal(admin("approve", id, "--yes", NULL), 1);
	assert_int_equal(admin("deny", "0123456789abcdef", NULL, NULL), 1);
	/* an id is 16 hex digits, never a path: refused as usage (1) before
	 * the policy is even read (a missing one would be 78) */
	{
		char *bad[] = { "deny", "--policy", "/nonexistent", NULL,
		    NULL };
		const char *ids[] = { "../../../tmp/x", "0123456789ABCDEF",
		    "0123456789abcdef0", "" };
		size_t i;

		for (i = 0; i < NELEM(ids); i++) {
			bad[3] = (char *)ids[i];
			assert_int_equal(approval_main(4, bad), 1);
		}
		bad[3] = "0123456789abcdef";
		assert_int_equal(approval_main(4, bad), 78);
	}
}

/* A request file that names another account than its owner is skipped. */
static void
test_foreign_request(void **state)
{
	struct approval_req rq;
	char id[APPROVAL_ID_LEN + 1], *json = NULL;
	struct timespec held;
	const char *err = NULL;
	int created;

	(void)state;
	SKIP_UNLESS_ROOT();
	req(&rq, "root", 0, "ops", argv_rm);
	approval_id(rq.user, rq.role, rq.argv, id);
	assert_int_equal(approval_hold(dir, id, &rq, time(NULL), &created,
	    &held, &json, &err), 0);
	free(json);
	assert_int_equal(chown(at("%s/requests/%s", id), OTHER_UID, 0), 0);
	assert_int_equal(admin("approve", id, "--yes", NULL), 1);
	assert_int_equal(access(at("%s/approved/%s", id), F_OK), -1);
	/* and the gateway does not take it for its own */
	assert_int_equal(approval_hold(dir, id, &rq, time(NULL), &created,
	    &held, &json, &err), -1);
	assert_non_null(strstr(err, "another account"));
	assert_int_equal(unlink(at("%s/requests/%s", id)), 0);
}

static void
test_notify(void **state)
{
	char *argv[] = { NULL, NULL }, script[PATH_MAX + 64];
	char out[PATH_MAX], buf[256];
	const char *err = NULL;
	FILE *f;

	(void)state;
	SKIP_UNLESS_ROOT();
	(void)snprintf(out, sizeof(out), "%s/notified", root);
	(void)snprintf(script, sizeof(script), "#!/bin/sh\ncat > %s\n"
	    "[ \"$(env | wc -l)\" -le 2 ] || exit 3\n", out);
	put(at("%s/%s", "notify"), script, 0755, 0);
	argv[0] = (char *)at("%s/%s", "notify");
	assert_int_equal(approval_notify(argv, "{\"id\":\"x\"}", &err), 0);
	assert_non_null(f = fopen(out, "r"));
	assert_non_null(fgets(buf, sizeof(buf), f));
	fclose(f);
	assert_string_equal(buf, "{\"id\":\"x\"}\n");
	/* a notifier that fails: said, never ignored */
	put(at("%s/%s", "notify"), "#!/bin/sh\nexit 4\n", 0755, 0);
	assert_int_equal(approval_notify(argv, "{}", &err), -1);
	assert_non_null(strstr(err, "exited 4"));
	/* one the account could change is not run */
	put(at("%s/%s", "notify"), script, 0755, OTHER_UID);
	(void)unlink(out);
	assert_int_equal(approval_notify(argv, "{}", &err), -1);
	assert_int_equal(access(out, F_OK), -1);
}

/* pending, approve and deny refuse anyone but root, with 77. */
static void
test_root_only(void **state)
{
	char *argv[] = { "approve", "--yes", "0123456789abcdef", NULL };
	int status;
	pid_t pid;

	(void)state;
	SKIP_UNLESS_ROOT();
	if ((pid = fork()) == 0) {
		int fd = open("/dev/null", O_WRONLY);

		(void)dup2(fd, STDERR_FILENO);
		if (setgid(OTHER_UID) != 0 || setuid(OTHER_UID) != 0)
			_exit(2);
		_exit(approval_main(3, argv));
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 77);
}

/* The gateway's held flow, with root answering from another process. */
static int
gate(const struct approval_req *rq, char *id, long wait, char *msg)
{
	struct strv errs = { NULL, 0, 0 };
	char nonce[APPROVAL_NONCE_LEN + 1], audit[PATH_MAX];
	struct policy *p = NULL;
	struct audit au;
	struct audit_call ac;
	const char *err;
	int perm, r;

	assert_int_equal(policy_load(pol, &p, &errs, &perm), 0);
	p->approvals.wait = wait;
	(void)snprintf(audit, sizeof(audit), "%s/audit.jsonl", root);
	memset(&au, 0, sizeof(au));
	assert_int_equal(audit_open(&au, audit, 0, 1, rq->user, rq->role, "",
	    &err), 0);
	memset(&ac, 0, sizeof(ac));
	r = approval_gate(p, &au, &ac, rq, id, nonce, msg, APPROVAL_MSG_MAX);
	assert_ptr_equal(ac.request, id);
	if (r == 0)
		assert_ptr_equal(ac.approval, nonce);
	audit_close(&au);
	policy_free(p);
	return r;
}

/* Root's answer ms from now, from a child process. */
static pid_t
answer_later(const char *cmd, const char *id, long ms)
{
	struct timespec nap = { ms / 1000, (ms % 1000) * 1000000L };
	pid_t pid = fork();

	if (pid == 0) {
		(void)nanosleep(&nap, NULL);
		_exit(admin(cmd, id, strcmp(cmd, "deny") == 0 ? "--reason" :
		    "--yes", strcmp(cmd, "deny") == 0 ? "no" : NULL));
	}
	return pid;
}

static void
test_gate(void **state)
{
	char *const argv[] = { "docker", "container", "kill", "web", NULL };
	char id[APPROVAL_ID_LEN + 1], msg[APPROVAL_MSG_MAX];
	struct approval_req rq;
	struct timespec t0, t1;
	int status;
	pid_t pid;

	(void)state;
	SKIP_UNLESS_ROOT();
	req(&rq, "root", 0, "ops", argv);
	/* no decision: 75, the line names the id and the command to run */
	assert_int_equal(gate(&rq, id, 0, msg), 75);
	assert_non_null(strstr(msg, "dockergate approve "));
	assert_non_null(strstr(msg, id));
	/* approved while waiting: goes on, once */
	pid = answer_later("approve", id, 300);
	assert_int_equal(gate(&rq, id, 5, msg), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(gate(&rq, id, 0, msg), 75);
	/* denied while waiting: 77 soon after, with the reason */
	pid = answer_later("deny", id, 300);
	(void)clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(gate(&rq, id, 5, msg), 77);
	(void)clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_true(t1.tv_sec - t0.tv_sec < 3);
	assert_non_null(strstr(msg, ": no"));
	assert_int_equal(waitpid(pid, &status, 0), pid);
	/* held anew after the denial: no stale denial ends it */
	assert_int_equal(gate(&rq, id, 0, msg), 75);
	/* pending (root) forgets a denial no session can wait for */
	{
		char *den = xasprintf("%s/approved/%s.denied", dir, id);
		struct timespec old[2] = { { 0, UTIME_OMIT }, { 0, 0 } };

		assert_int_equal(admin("pending", NULL, NULL, NULL), 0);
		assert_int_equal(access(den, F_OK), 0);
		old[1].tv_sec = time(NULL) - APPROVAL_MAX_WAIT - 1;
		assert_int_equal(utimensat(AT_FDCWD, den, old, 0), 0);
		assert_int_equal(admin("pending", NULL, NULL, NULL), 0);
		assert_int_equal(access(den, F_OK), -1);
		free(den);
	}
	/* an unsafe layout: 69, never an allow */
	assert_int_equal(chmod(at("%s/%s", APPROVAL_REQUESTS), 01777), 0);
	assert_int_equal(gate(&rq, id, 0, msg), 69);
	assert_int_equal(chmod(at("%s/%s", APPROVAL_REQUESTS),
	    APPROVAL_REQUESTS_MODE), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_id),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_approve_once),
		cmocka_unit_test(test_forged),
		cmocka_unit_test(test_deny),
		cmocka_unit_test(test_foreign_request),
		cmocka_unit_test(test_notify),
		cmocka_unit_test(test_root_only),
		cmocka_unit_test(test_gate),
	};

	/* As run_sanitize does in the gateway: a notifier that exits without
	 * reading gives approval_notify EPIPE, not a SIGPIPE that kills us. */
	(void)signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests(tests, setup, teardown);
}
