/*
 * test_audit.c: audit records are valid JSON with the exact fields in the
 * exact order, survive any bytes, never split into lines, hold what runs
 * whole, stay bounded, never interleave and never leave a partial line;
 * syslog delivery is known (delivered, missing, full, too long).
 * Runs as root: a tmpfs for the full-filesystem case, and a private mount
 * namespace with a tmpfs /dev whose /dev/log the tests create.
 */
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "testutil.h"
#include "audit.h"
#include "cmdline.h"

#define NPROC		32	/* concurrent writers */
#define NREC		50	/* records per writer */
#define BIGCMD		(64 * 1024)

static char dir[] = "/run/dgtest-audit.XXXXXX";
static char path[256];
static int private_dev;		/* /dev is ours: tests may make /dev/log */

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(dir) == NULL)
		return -1;
	(void)snprintf(path, sizeof(path), "%s/audit.jsonl", dir);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[512];

	(void)state;
	(void)snprintf(cmd, sizeof(cmd), "umount %s/full 2>/dev/null; "
	    "rm -rf %s", dir, dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Read the whole file; caller frees. */
static char *
slurp(const char *file, size_t *len)
{
	FILE *f = fopen(file, "r");
	char *buf = NULL;
	size_t n = 0;

	assert_non_null(f);
	buf = malloc(8 * 1024 * 1024);
	assert_non_null(buf);
	n = fread(buf, 1, 8 * 1024 * 1024 - 1, f);
	buf[n] = '\0';
	(void)fclose(f);
	if (len != NULL)
		*len = n;
	return buf;
}

/* Parse every line; all must be complete JSON objects.  Returns count. */
static size_t
check_lines(const char *file, json_t **first)
{
	size_t len, count = 0;
	char *buf = slurp(file, &len), *p = buf, *nl;
	json_error_t err;
	json_t *j;

	if (len > 0)
		assert_int_equal(buf[len - 1], '\n');
	while ((nl = strchr(p, '\n')) != NULL) {
		j = json_loadb(p, (size_t)(nl - p), 0, &err);
		if (j == NULL)
			fail_msg("line %zu: %s", count + 1, err.text);
		assert_true(json_is_object(j));
		if (count == 0 && first != NULL)
			*first = j;
		else
			json_decref(j);
		count++;
		p = nl + 1;
	}
	assert_int_equal(*p, '\0');
	free(buf);
	return count;
}

static json_t *
one_record(void)
{
	json_t *j = NULL;

	assert_int_equal(check_lines(path, &j), 1);
	return j;
}

static const char *
sget(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	assert_non_null(v);
	assert_true(json_is_string(v));
	return json_string_value(v);
}

static void
open_file(struct audit *a)
{
	const char *err = NULL;

	(void)unlink(path);
	assert_int_equal(audit_open(a, path, 0, 1, "ai-worker", "ai-role",
	    "203.0.113.5 51234", &err), 0);
}

static void
test_decision_fields(void **state)
{
	/* Decision and ids first: a relay that cuts the line keeps them. */
	static const char *const keys[] = { "event", "decision", "rule",
	    "session", "user", "role", "ts", "client", "reason", "command",
	    "argv" };
	char *argv[] = { "docker", "container", "run", "--rm=true", "alpine",
	    NULL };
	const char *cmd = "docker run --rm alpine", *err = NULL, *k;
	struct audit a;
	json_t *j, *v;
	size_t i = 0;
	void *it;

	(void)state;
	open_file(&a);
	assert_int_equal(audit_decision(&a, NULL, cmd, strlen(cmd), argv, 1,
	    "roles.ai-role.allow[4]", "", &err), 0);
	j = one_record();
	/* Exactly these keys, in this order. */
	for (it = json_object_iter(j); it; it = json_object_iter_next(j, it)) {
		k = json_object_iter_key(it);
		assert_true(i < NELEM(keys));
		assert_string_equal(k, keys[i++]);
	}
	assert_int_equal(i, NELEM(keys));
	assert_int_equal(strlen(sget(j, "ts")), 24);
	assert_int_equal(sget(j, "ts")[23], 'Z');
	assert_int_equal(sget(j, "ts")[19], '.');
	assert_string_equal(sget(j, "event"), "decision");
	assert_string_equal(sget(j, "session"), a.session);
	assert_int_equal(strspn(a.session, "0123456789abcdef"), 32);
	assert_string_equal(sget(j, "user"), "ai-worker");
	assert_string_equal(sget(j, "role"), "ai-role");
	assert_string_equal(sget(j, "client"), "203.0.113.5 51234");
	assert_string_equal(sget(j, "command"), cmd);
	assert_string_equal(sget(j, "decision"), "allow");
	assert_string_equal(sget(j, "rule"), "roles.ai-role.allow[4]");
	assert_string_equal(sget(j, "reason"), "");
	v = json_object_get(j, "argv");
	assert_int_equal(json_array_size(v), 5);
	for (i = 0; i < 5; i++)
		assert_string_equal(json_string_value(json_array_get(v, i)),
		    argv[i]);
	json_decref(j);
	audit_close(&a);
}

static void
test_deny_null_argv(void **state)
{
	const char *err = NULL;
	struct audit a;
	json_t *j;

	(void)state;
	open_file(&a);
	assert_int_equal(audit_decision(&a, NULL, "docker 'x", 9, NULL, 0, NULL,
	    "unterminated quote", &err), 0);
	j = one_record();
	assert_true(json_is_null(json_object_get(j, "argv")));
	assert_string_equal(sget(j, "decision"), "deny");
	assert_string_equal(sget(j, "reason"), "unterminated quote");
	json_decref(j);
	audit_close(&a);
}

static void
test_exit_records(void **state)
{
	const char *err = NULL;
	struct audit a;
	json_t *j;
	char *buf, *nl;

	(void)state;
	open_file(&a);
	assert_int_equal(audit_exit(&a, NULL, 3, 0, 412, &err), 0);
	assert_int_equal(audit_exit(&a, NULL, -1, 15, 7, &err), 0);
	assert_int_equal(check_lines(path, NULL), 2);
	buf = slurp(path, NULL);
	nl = strchr(buf, '\n');
	j = json_loadb(buf, (size_t)(nl - buf), 0, NULL);
	assert_string_equal(sget(j, "event"), "exit");
	assert_string_equal(json_object_iter_key(json_object_iter(j)),
	    "event");
	assert_int_equal(json_integer_value(json_object_get(j, "status")), 3);
	assert_true(json_is_null(json_object_get(j, "signal")));
	assert_int_equal(json_integer_value(json_object_get(j,
	    "duration_ms")), 412);
	json_decref(j);
	j = json_loads(nl + 1, 0, NULL);
	assert_true(json_is_null(json_object_get(j, "status")));
	assert_int_equal(json_integer_value(json_object_get(j, "signal")), 15);
	assert_string_equal(sget(j, "session"), a.session);
	json_decref(j);
	free(buf);
	audit_close(&a);
}

/* An MCP call's request id follows the session in both records. */
static void
test_rpc_id(void **state)
{
	static const char *const ids[] = { "7", "\"r-1\"", "-3",
	    "\"a\\u2028b\"" };
	const char *err = NULL;
	struct audit a;
	struct audit_call ac = { NULL, NULL, NULL, NULL };
	json_t *j, *want;
	char *buf, *nl, *line;
	size_t i;
	void *it;

	(void)state;
	for (i = 0; i < NELEM(ids); i++) {
		open_file(&a);
		ac.rpc_id = ids[i];
		assert_int_equal(audit_decision(&a, &ac, "docker ps", 9, NULL,
		    0, "", "x", &err), 0);
		assert_int_equal(audit_exit(&a, &ac, 0, 0, 1, &err), 0);
		assert_int_equal(check_lines(path, NULL), 2);
		buf = slurp(path, NULL);
		want = json_loads(ids[i], JSON_DECODE_ANY, NULL);
		for (line = buf; (nl = strchr(line, '\n')) != NULL;
		    line = nl + 1) {
			j = json_loadb(line, (size_t)(nl - line), 0, NULL);
			assert_non_null(j);
			assert_true(json_equal(json_object_get(j, "rpc_id"),
			    want));
			/* right after the session */
			for (it = json_object_iter(j); strcmp(
			    json_object_iter_key(it), "session") != 0;
			    it = json_object_iter_next(j, it))
				;
			it = json_object_iter_next(j, it);
			assert_string_equal(json_object_iter_key(it),
			    "rpc_id");
			json_decref(j);
		}
		json_decref(want);
		free(buf);
		audit_close(&a);
	}
	/* Not JSON (a caller's bug): kept as text, the record not lost. */
	open_file(&a);
	ac.rpc_id = "{\"x\"";
	assert_int_equal(audit_exit(&a, &ac, 0, 0, 1, &err), 0);
	j = one_record();
	assert_string_equal(sget(j, "rpc_id"), "{\"x\"");
	json_decref(j);
	audit_close(&a);
}

/* approval: true (issue 18): held, approved and denied records; the
 * request id and the approval's nonce in the decision and exit records. */
static void
test_approval_records(void **state)
{
	char *argv[] = { "docker", "container", "rm", "web", NULL };
	struct audit_call ac = { NULL, "00112233aabbccdd",
	    "0123456789abcdef0123456789abcdef", NULL };
	const char *cmd = "docker rm web", *err = NULL;
	struct audit a;
	json_t *j;
	char *buf, *l2, *l3, *l4, *l5;

	(void)state;
	open_file(&a);
	assert_int_equal(audit_held(&a, &ac, cmd, strlen(cmd), argv,
	    "roles.r.allow[0]", "ok", &err), 0);
	assert_int_equal(audit_decision(&a, &ac, cmd, strlen(cmd), argv, 1,
	    "roles.r.allow[0]", "", &err), 0);
	assert_int_equal(audit_exit(&a, &ac, 0, 0, 5, &err), 0);
	assert_int_equal(audit_approval(&a, "approved", ac.request, "ai",
	    "r", "alice", 1700000000LL, "", &err), 0);
	assert_int_equal(audit_approval(&a, "denied", ac.request, "ai", "r",
	    "bob", 0, "not now", &err), 0);
	assert_int_equal(check_lines(path, NULL), 5);
	buf = slurp(path, NULL);
	l2 = strchr(buf, '\n');
	*l2++ = '\0';
	l3 = strchr(l2, '\n');
	*l3++ = '\0';
	l4 = strchr(l3, '\n');
	*l4++ = '\0';
	l5 = strchr(l4, '\n');
	*l5++ = '\0';
	j = json_loads(buf, 0, NULL);
	assert_string_equal(sget(j, "event"), "held");
	assert_string_equal(sget(j, "request"), ac.request);
	assert_string_equal(sget(j, "notify"), "ok");
	assert_string_equal(sget(j, "user"), "ai-worker");
	assert_int_equal(json_array_size(json_object_get(j, "argv")), 4);
	json_decref(j);
	j = json_loads(l2, 0, NULL);
	assert_string_equal(sget(j, "event"), "decision");
	assert_string_equal(sget(j, "request"), ac.request);
	assert_string_equal(sget(j, "approval"), ac.approval);
	json_decref(j);
	j = json_loads(l3, 0, NULL);
	assert_string_equal(sget(j, "event"), "exit");
	assert_string_equal(sget(j, "request"), ac.request);
	json_decref(j);
	j = json_loads(l4, 0, NULL);
	assert_string_equal(sget(j, "event"), "approved");
	assert_string_equal(sget(j, "by"), "alice");
	assert_int_equal(json_integer_value(json_object_get(j, "expires")),
	    1700000000LL);
	json_decref(j);
	j = json_loads(l5, 0, NULL);
	assert_string_equal(sget(j, "event"), "denied");
	assert_string_equal(sget(j, "reason"), "not now");
	assert_string_equal(sget(j, "user"), "ai");
	json_decref(j);
	free(buf);
	audit_close(&a);
}

struct enc_case {
	const char	*in;
	size_t		 len;
	const char	*decoded;	/* what a JSON reader sees */
};

static void
test_invalid_utf8_kept(void **state)
{
	static const struct enc_case cases[] = {
		{ "docker ps \xff\xfe", 12, "docker ps \\xff\\xfe" },
		{ "a\x80z", 3, "a\\x80z" },			/* lone cont. */
		{ "a\0b", 3, "a\\x00b" },			/* NUL */
		{ "\xc3\xa9t\xc3\xa9", 5, "\xc3\xa9t\xc3\xa9" },	/* été */
		{ "\xc3", 1, "\\xc3" },				/* cut char */
		{ "\xc0\xaf", 2, "\\xc0\\xaf" },		/* overlong */
		{ "\xed\xa0\x80", 3, "\\xed\\xa0\\x80" },	/* surrogate */
		{ "\x01\n\t\"\\", 5, "\x01\n\t\"\\" },		/* escaped */
		{ "\xf0\x9f\x90\xb3", 4, "\xf0\x9f\x90\xb3" },	/* emoji */
	};
	const char *err = NULL;
	struct audit a;
	json_t *j;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		open_file(&a);
		assert_int_equal(audit_decision(&a, NULL, cases[i].in,
		    cases[i].len, NULL, 0, "r", cases[i].in, &err), 0);
		j = one_record();
		assert_string_equal(sget(j, "command"), cases[i].decoded);
		/* reason is a C string: cut at the NUL. */
		if (memchr(cases[i].in, 0, cases[i].len) == NULL)
			assert_string_equal(sget(j, "reason"),
			    cases[i].decoded);
		json_decref(j);
		audit_close(&a);
	}
}

static void
test_json_string(void **state)
{
	char *s;

	(void)state;
	s = audit_json_string("a\"b\\c", 5);
	assert_string_equal(s, "\"a\\\"b\\\\c\"");
	free(s);
	s = audit_json_string("\xff\x01", 2);
	assert_string_equal(s, "\"\\\\xff\\u0001\"");
	free(s);
	s = audit_json_string("", 0);
	assert_string_equal(s, "\"\"");
	free(s);
}

/* A command just at the cap is kept whole; one byte more is cut. */
static void
test_truncated(void **state)
{
	char *big = malloc(AUDIT_MAX_COMMAND + 1), *exp;
	const char *err = NULL, *got;
	struct audit a;
	json_t *j;

	(void)state;
	memset(big, 'a', AUDIT_MAX_COMMAND + 1);
	open_file(&a);
	assert_int_equal(audit_decision(&a, NULL, big, AUDIT_MAX_COMMAND, NULL,
	    1, NULL, NULL, &err), 0);
	j = one_record();
	assert_int_equal(strlen(sget(j, "command")), AUDIT_MAX_COMMAND);
	json_decref(j);
	audit_close(&a);
	open_file(&a);
	assert_int_equal(audit_decision(&a, NULL, big, AUDIT_MAX_COMMAND + 1,
	    NULL, 0, NULL, NULL, &err), 0);
	j = one_record();
	got = sget(j, "command");
	exp = malloc(AUDIT_MAX_COMMAND + 64);
	memset(exp, 'a', AUDIT_MAX_COMMAND);
	strcpy(exp + AUDIT_MAX_COMMAND, "\xe2\x80\xa6(truncated)");
	assert_string_equal(got, exp);
	json_decref(j);
	audit_close(&a);
	/* An allow over the cap is not recorded cut: it is refused. */
	open_file(&a);
	assert_int_equal(audit_decision(&a, NULL, big, AUDIT_MAX_COMMAND + 1,
	    NULL, 1, NULL, NULL, &err), -1);
	assert_non_null(strstr(err, "audit record holds"));
	assert_int_equal(check_lines(path, NULL), 0);
	audit_close(&a);
	free(exp);
	free(big);
}

/* Worst case for size: every string and argv element made of escapes. */
static void
test_worst_case_bounded(void **state)
{
	char *big = malloc(BIGCMD + 1), **argv;
	const char *err = NULL;
	struct audit a;
	size_t i, len, n = 1000;
	json_t *j, *v;
	char *buf;

	(void)state;
	memset(big, '\x01', BIGCMD);
	big[BIGCMD] = '\0';
	argv = calloc(n + 1, sizeof(*argv));
	for (i = 0; i < n; i++)
		argv[i] = big;
	(void)unlink(path);
	assert_int_equal(audit_open(&a, path, 0, 1, big, big, big, &err), 0);
	assert_int_equal(audit_decision(&a, NULL, big, BIGCMD, argv, 0, big,
	    big, &err), 0);
	buf = slurp(path, &len);
	assert_true(len <= AUDIT_MAX_RECORD);
	free(buf);
	j = one_record();
	v = json_object_get(j, "argv");
	assert_true(json_array_size(v) <= AUDIT_MAX_ARGV);
	assert_string_equal(json_string_value(json_array_get(v,
	    json_array_size(v) - 1)), "\xe2\x80\xa6(truncated)");
	json_decref(j);
	audit_close(&a);
	free(argv);
	free(big);
}

/*
 * argv count: AUDIT_MAX_ARGV elements are kept whole; one more is refused
 * for an allow (audit_fits too), cut with a marker slot for a denial.
 */
static void
test_argv_count_bounded(void **state)
{
	const char *err = NULL;
	struct audit a;
	char **argv;
	json_t *j, *v;
	size_t i, n = AUDIT_MAX_ARGV + 1;

	(void)state;
	argv = calloc(n + 1, sizeof(*argv));
	for (i = 0; i < n; i++)
		argv[i] = "x";
	argv[AUDIT_MAX_ARGV - 1] = "last";
	argv[AUDIT_MAX_ARGV] = NULL;
	assert_int_equal(audit_fits("c", 1, argv, &err), 0);
	open_file(&a);
	assert_int_equal(audit_decision(&a, NULL, "c", 1, argv, 1, "r", "",
	    &err), 0);
	j = one_record();
	v = json_object_get(j, "argv");
	assert_int_equal(json_array_size(v), AUDIT_MAX_ARGV);
	assert_string_equal(json_string_value(json_array_get(v,
	    AUDIT_MAX_ARGV - 1)), "last");
	json_decref(j);
	audit_close(&a);

	argv[AUDIT_MAX_ARGV] = "x";
	assert_int_equal(audit_fits("c", 1, argv, &err), -1);
	assert_non_null(strstr(err, "words an audit record holds"));
	open_file(&a);
	assert_int_equal(audit_decision(&a, NULL, "c", 1, argv, 1, "r", "",
	    &err), -1);
	assert_int_equal(check_lines(path, NULL), 0);
	audit_close(&a);
	open_file(&a);
	assert_int_equal(audit_decision(&a, NULL, "c", 1, argv, 0, "r", "",
	    &err), 0);
	j = one_record();
	v = json_object_get(j, "argv");
	assert_int_equal(json_array_size(v), AUDIT_MAX_ARGV);
	assert_string_equal(json_string_value(json_array_get(v, 0)), "x");
	assert_string_equal(json_string_value(json_array_get(v,
	    AUDIT_MAX_ARGV - 1)), "\xe2\x80\xa6(truncated)");
	json_decref(j);
	audit_close(&a);
	free(argv);
}

/*
 * argv bytes: exactly AUDIT_MAX_ARGV_BYTES encoded bytes (of '"', two
 * each, and one U+2028, six) run and are recorded whole; one byte more is
 * refused.
 */
static void
test_argv_bytes_bounded(void **state)
{
	size_t el = CMDLINE_MAX_ARGLEN, n = AUDIT_MAX_ARGV_BYTES / 2 / el, i;
	char **argv = calloc(n + 2, sizeof(*argv)), *q, *q2;
	const char *err = NULL;
	struct audit a;
	json_t *j, *v;

	(void)state;
	_Static_assert(AUDIT_MAX_ARGV_BYTES % (2 * CMDLINE_MAX_ARGLEN) == 0,
	    "the test fills the budget with whole elements");
	q = malloc(el + 1);
	memset(q, '"', el);
	q[el] = '\0';
	q2 = strdup(q);
	memcpy(q2 + el - 3, "\xe2\x80\xa8", 3);	/* 2 * 3 -> 6 */
	argv[0] = q2;
	for (i = 1; i < n; i++)
		argv[i] = q;
	assert_int_equal(audit_fits("c", 1, argv, &err), 0);
	open_file(&a);
	assert_int_equal(audit_decision(&a, NULL, "c", 1, argv, 1, "r", "",
	    &err), 0);
	j = one_record();
	v = json_object_get(j, "argv");
	assert_int_equal(json_array_size(v), n);
	for (i = 0; i < n; i++)
		assert_string_equal(json_string_value(json_array_get(v, i)),
		    argv[i]);
	json_decref(j);
	audit_close(&a);
	/* Over by one encoded byte. */
	argv[n] = "x";
	assert_int_equal(audit_fits("c", 1, argv, &err), -1);
	assert_non_null(strstr(err, "bytes encoded"));
	open_file(&a);
	assert_int_equal(audit_decision(&a, NULL, "c", 1, argv, 1, "r", "",
	    &err), -1);
	assert_int_equal(check_lines(path, NULL), 0);
	audit_close(&a);
	free(q);
	free(q2);
	free(argv);
}

static void
writer(int id)
{
	char cmd[256];
	const char *err = NULL;
	struct audit a;
	int i;

	if (audit_open(&a, path, 0, 1, "u", "r", "", &err) == -1)
		_exit(1);
	for (i = 0; i < NREC; i++) {
		/* Records of varying size, some large. */
		(void)snprintf(cmd, sizeof(cmd), "docker ps %d %d %0*d", id, i,
		    (i * 37) % 200, 0);
		if (audit_decision(&a, NULL, cmd, strlen(cmd), NULL, 1, "r", "",
		    &err) == -1)
			_exit(1);
	}
	audit_close(&a);
	_exit(0);
}

static void
test_concurrent_writers(void **state)
{
	pid_t pids[NPROC];
	int i, st;

	(void)state;
	(void)unlink(path);
	for (i = 0; i < NPROC; i++) {
		pids[i] = fork();
		assert_true(pids[i] != -1);
		if (pids[i] == 0)
			writer(i);
	}
	for (i = 0; i < NPROC; i++) {
		assert_int_equal(waitpid(pids[i], &st, 0), pids[i]);
		assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	assert_int_equal(check_lines(path, NULL), NPROC * NREC);
}

/* Fill a 64 KiB tmpfs; then the record fails and leaves no fragment. */
static void
test_full_filesystem(void **state)
{
	char full[300], file[320], filler[320], big[4000];
	const char *err = NULL;
	struct audit a;
	int fd, i, ok = 0, failed = 0;

	(void)state;
	(void)snprintf(full, sizeof(full), "%s/full", dir);
	(void)snprintf(file, sizeof(file), "%s/audit.jsonl", full);
	(void)snprintf(filler, sizeof(filler), "%s/filler", full);
	assert_int_equal(mkdir(full, 0700), 0);
	if (mount("tmpfs", full, "tmpfs", 0, "size=64k") == -1)
		skip();
	fd = open(filler, O_WRONLY | O_CREAT, 0600);
	memset(big, 'f', sizeof(big));
	while (write(fd, big, sizeof(big)) > 0)
		;
	/* Leave two pages: one record fits, the second is cut short. */
	assert_int_equal(ftruncate(fd, lseek(fd, 0, SEEK_END) - 8192), 0);
	(void)close(fd);
	memset(big, 'c', sizeof(big));
	assert_int_equal(audit_open(&a, file, 0, 1, "u", "r", "", &err), 0);
	for (i = 0; i < 10; i++) {
		if (audit_decision(&a, NULL, big, sizeof(big), NULL, 1, "r", "",
		    &err) == 0)
			ok++;
		else
			failed++;
	}
	assert_true(ok >= 1);
	assert_true(failed >= 1);
	/* The record that crossed into the missing page was cut short. */
	assert_non_null(strstr(err, "short write"));
	assert_non_null(strstr(err, "undone"));
	assert_int_equal(check_lines(file, NULL), (size_t)ok);
	audit_close(&a);
	assert_int_equal(umount(full), 0);
}

static void
test_open_failures(void **state)
{
	char link[320], fifo[320];
	const char *err = NULL;
	struct audit a;

	(void)state;
	assert_int_equal(audit_open(&a, "/nonexistent-dg/x/audit.jsonl", 1, 1,
	    "u", "r", "", &err), -1);
	assert_non_null(strstr(err, "No such file or directory"));
	/* The struct is still usable: syslog only, and no /dev/log here. */
	assert_int_equal(a.fd, -1);
	if (private_dev) {
		assert_int_equal(audit_exit(&a, NULL, 0, 0, 1, &err), -1);
		assert_non_null(strstr(err, AUDIT_SYSLOG_PATH));
	}
	audit_close(&a);

	(void)snprintf(link, sizeof(link), "%s/link", dir);
	assert_int_equal(symlink("/tmp/dg-target", link), 0);
	assert_int_equal(audit_open(&a, link, 0, 1, "u", "r", "", &err), -1);
	assert_non_null(strstr(err, "symbolic link"));
	audit_close(&a);
	assert_int_equal(access("/tmp/dg-target", F_OK), -1);

	(void)snprintf(fifo, sizeof(fifo), "%s/fifo", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(audit_open(&a, fifo, 0, 1, "u", "r", "", &err), -1);
	audit_close(&a);
}

static void
test_sinks(void **state)
{
	const char *err = NULL;
	struct audit a, b;
	struct stat st;

	(void)state;
	/* No sink at all: nothing took the record. */
	assert_int_equal(audit_open(&a, NULL, 0, 0, "u", "r", "", &err), 0);
	assert_int_equal(audit_exit(&a, NULL, 0, 0, 1, &err), -1);
	audit_close(&a);
	/* Two sessions differ; the file is created 0600. */
	open_file(&a);
	assert_int_equal(audit_open(&b, NULL, 1, 1, "u", "r", "", &err), 0);
	assert_string_not_equal(a.session, b.session);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	audit_close(&a);
	audit_close(&b);
	audit_close(NULL);
}

/* ------------------------------------------------------------------ */
/* Line separators                                                      */
/* ------------------------------------------------------------------ */

/*
 * Each separator a reader splits lines on, in every field a request can
 * fill: no raw byte of it in the line, the \uXXXX escape instead, and the
 * value decodes back to what was given.
 */
static void
test_separators(void **state)
{
	static const struct { const char *raw, *esc; } seps[] = {
		{ "\xe2\x80\xa8", "\\u2028" },	/* LINE SEPARATOR */
		{ "\xe2\x80\xa9", "\\u2029" },	/* PARAGRAPH SEPARATOR */
		{ "\xc2\x85", "\\u0085" },	/* NEXT LINE (C1) */
		{ "\xc2\x9b", "\\u009B" },	/* CSI (C1): terminals */
		{ "\x0b", "\\u000B" },		/* VT */
		{ "\x0c", "\\f" },		/* FF */
		{ "\x1c", "\\u001C" },		/* FS: Python splitlines */
		{ "\x1e", "\\u001E" },		/* RS */
	};
	static const char *const fields[] = { "user", "role", "client",
	    "command", "rule", "reason", "plugin" };
	const char *err = NULL;
	char *v, *argv[3], *line;
	struct audit a;
	struct audit_call ac = { NULL, NULL, NULL, NULL };
	size_t i, k, len;
	json_t *j;

	(void)state;
	for (i = 0; i < NELEM(seps); i++) {
		v = xasprintf("a%sb", seps[i].raw);
		(void)unlink(path);
		assert_int_equal(audit_open(&a, path, 0, 1, v, v, v, &err),
		    0);
		ac.plugin = v;
		argv[0] = "docker";
		argv[1] = v;
		argv[2] = NULL;
		assert_int_equal(audit_decision(&a, &ac, v, strlen(v), argv, 0,
		    v, v, &err), 0);
		line = slurp(path, &len);
		assert_null(strstr(line, seps[i].raw[0] == '\x0c' ? "\x0c" :
		    seps[i].raw));
		assert_non_null(strstr(line, seps[i].esc));
		free(line);
		j = one_record();
		for (k = 0; k < NELEM(fields); k++)
			assert_string_equal(sget(j, fields[k]), v);
		assert_string_equal(json_string_value(json_array_get(
		    json_object_get(j, "argv"), 1)), v);
		json_decref(j);
		audit_close(&a);
		line = audit_json_string(v, strlen(v));
		assert_null(strstr(line, seps[i].raw));
		assert_non_null(strstr(line, seps[i].esc));
		free(line);
		free(v);
	}
}

/* ------------------------------------------------------------------ */
/* Syslog                                                               */
/* ------------------------------------------------------------------ */

/* A socket of type listening at /dev/log (ours: private_dev). */
static int
log_listen(int type)
{
	struct sockaddr_un sun;
	int fd;

	(void)unlink(AUDIT_SYSLOG_PATH);
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strcpy(sun.sun_path, AUDIT_SYSLOG_PATH);
	fd = socket(AF_UNIX, type | SOCK_CLOEXEC, 0);
	assert_true(fd != -1);
	assert_int_equal(bind(fd, (struct sockaddr *)&sun, sizeof(sun)), 0);
	if (type == SOCK_STREAM)
		assert_int_equal(listen(fd, 4), 0);
	return fd;
}

/* One datagram, NUL-terminated, or NULL if none is waiting. */
static char *
log_recv(int fd, size_t *len)
{
	char *buf = malloc(AUDIT_MAX_RECORD);
	ssize_t n = recv(fd, buf, AUDIT_MAX_RECORD - 1, MSG_DONTWAIT);

	if (n < 0) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	if (len != NULL)
		*len = (size_t)n;
	return buf;
}

/*
 * The header as glibc's syslog(3) writes it: "<PRI>Mmm dd hh:mm:ss
 * dockergate[PID]: ".  Returns the JSON after it, parsed.
 */
static json_t *
log_parse(const char *msg, int pri)
{
	char want[64], *p;
	struct tm tm;
	json_t *j;

	(void)snprintf(want, sizeof(want), "<%d>", pri);
	assert_int_equal(strncmp(msg, want, strlen(want)), 0);
	memset(&tm, 0, sizeof(tm));
	p = strptime(msg + strlen(want), "%b %e %H:%M:%S ", &tm);
	assert_non_null(p);
	assert_int_equal(msg[strlen(want) + 15], ' ');
	(void)snprintf(want, sizeof(want), "dockergate[%ld]: ",
	    (long)getpid());
	assert_int_equal(strncmp(p, want, strlen(want)), 0);
	j = json_loads(p + strlen(want), 0, NULL);
	assert_non_null(j);
	return j;
}

static void
test_syslog_delivered(void **state)
{
	char *argv[] = { "docker", "ps", NULL }, *m;
	const char *err = NULL;
	struct audit a;
	int fd;
	json_t *j;

	(void)state;
	if (!private_dev)
		skip();
	fd = log_listen(SOCK_DGRAM);
	assert_int_equal(audit_open(&a, NULL, 1, 1, "u", "r", "", &err), 0);
	assert_int_equal(audit_decision(&a, NULL, "docker ps", 9, argv, 1, "x",
	    "", &err), 0);
	assert_int_equal(audit_decision(&a, NULL, "docker ps", 9, argv, 0, "x",
	    "no", &err), 0);
	assert_int_equal(audit_exit(&a, NULL, 0, 0, 5, &err), 0);
	m = log_recv(fd, NULL);
	assert_non_null(m);
	j = log_parse(m, 80 + 6);	/* authpriv.info */
	assert_string_equal(sget(j, "decision"), "allow");
	assert_string_equal(json_string_value(json_array_get(json_object_get(
	    j, "argv"), 1)), "ps");
	json_decref(j);
	free(m);
	m = log_recv(fd, NULL);
	j = log_parse(m, 80 + 4);	/* authpriv.warning */
	assert_string_equal(sget(j, "decision"), "deny");
	json_decref(j);
	free(m);
	m = log_recv(fd, NULL);
	j = log_parse(m, 80 + 6);
	assert_string_equal(sget(j, "event"), "exit");
	json_decref(j);
	free(m);
	audit_close(&a);
	(void)close(fd);
	(void)unlink(AUDIT_SYSLOG_PATH);
}

/* No syslog: nothing took the record, and it is said. */
static void
test_syslog_missing(void **state)
{
	const char *err = NULL;
	struct audit a;
	int fd;

	(void)state;
	if (!private_dev)
		skip();
	(void)unlink(AUDIT_SYSLOG_PATH);
	assert_int_equal(audit_open(&a, NULL, 1, 1, "u", "r", "", &err), 0);
	assert_int_equal(audit_decision(&a, NULL, "docker ps", 9, NULL, 1, "x",
	    "", &err), -1);
	assert_non_null(strstr(err, "/dev/log: No such file"));
	audit_close(&a);
	/* Not a socket. */
	fd = open(AUDIT_SYSLOG_PATH, O_WRONLY | O_CREAT, 0666);
	(void)close(fd);
	assert_int_equal(audit_open(&a, NULL, 1, 1, "u", "r", "", &err), 0);
	assert_int_equal(audit_exit(&a, NULL, 0, 0, 1, &err), -1);
	assert_non_null(strstr(err, "/dev/log"));
	audit_close(&a);
	/* A socket nobody listens on any more (syslogd gone). */
	(void)unlink(AUDIT_SYSLOG_PATH);
	fd = log_listen(SOCK_DGRAM);
	assert_int_equal(audit_open(&a, NULL, 1, 1, "u", "r", "", &err), 0);
	(void)close(fd);
	assert_int_equal(audit_exit(&a, NULL, 0, 0, 1, &err), -1);
	audit_close(&a);
	(void)unlink(AUDIT_SYSLOG_PATH);
}

/* A stream /dev/log: each message ends with NUL, as glibc's does. */
static void
test_syslog_stream(void **state)
{
	const char *err = NULL;
	char buf[4096];
	struct audit a;
	ssize_t n;
	int fd, c;
	json_t *j;

	(void)state;
	if (!private_dev)
		skip();
	fd = log_listen(SOCK_STREAM);
	assert_int_equal(audit_open(&a, NULL, 1, 1, "u", "r", "", &err), 0);
	assert_int_equal(audit_exit(&a, NULL, 7, 0, 1, &err), 0);
	c = accept(fd, NULL, NULL);
	assert_true(c != -1);
	n = recv(c, buf, sizeof(buf) - 1, 0);
	assert_true(n > 0);
	assert_int_equal(buf[n - 1], '\0');
	j = log_parse(buf, 80 + 6);
	assert_int_equal(json_integer_value(json_object_get(j, "status")), 7);
	json_decref(j);
	audit_close(&a);
	(void)close(c);
	(void)close(fd);
	(void)unlink(AUDIT_SYSLOG_PATH);
}

/* Fill the receive queue of fd with small datagrams from another socket. */
static void
log_fill(void)
{
	struct sockaddr_un sun;
	int s = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strcpy(sun.sun_path, AUDIT_SYSLOG_PATH);
	assert_int_equal(connect(s, (struct sockaddr *)&sun, sizeof(sun)), 0);
	while (send(s, "x", 1, 0) == 1)
		;
	assert_true(errno == EAGAIN || errno == ENOBUFS);
	(void)close(s);
}

static long long
mono_ms(void)
{
	struct timespec ts;

	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * A full queue: the record waits; a reader that drains in time gets it, one
 * that does not makes it fail after AUDIT_SYSLOG_WAIT_MS, not hang.
 */
static void
test_syslog_full(void **state)
{
	const char *err = NULL;
	struct audit a;
	long long t;
	pid_t pid;
	int fd, st;
	char *m;

	(void)state;
	if (!private_dev)
		skip();
	fd = log_listen(SOCK_DGRAM);
	assert_int_equal(audit_open(&a, NULL, 1, 1, "u", "r", "", &err), 0);
	log_fill();
	t = mono_ms();
	assert_int_equal(audit_exit(&a, NULL, 0, 0, 1, &err), -1);
	t = mono_ms() - t;
	assert_true(t >= AUDIT_SYSLOG_WAIT_MS - 50);
	assert_true(t < AUDIT_SYSLOG_WAIT_MS + 1000);
	assert_non_null(strstr(err, "/dev/log"));
	/* Drained after 200 ms: delivered. */
	if ((pid = fork()) == 0) {
		(void)usleep(200 * 1000);
		while ((m = log_recv(fd, NULL)) != NULL && strcmp(m, "x") == 0)
			free(m);
		_exit(m == NULL ? 0 : 1);
	}
	assert_int_equal(audit_exit(&a, NULL, 0, 0, 2, &err), 0);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	m = log_recv(fd, NULL);
	if (m == NULL) {	/* the child may have read it: ask again */
		assert_int_equal(audit_exit(&a, NULL, 0, 0, 3, &err), 0);
		m = log_recv(fd, NULL);
	}
	assert_non_null(m);
	assert_non_null(strstr(m, "\"event\":\"exit\""));
	free(m);
	audit_close(&a);
	(void)close(fd);
	(void)unlink(AUDIT_SYSLOG_PATH);
}

/*
 * A record over AUDIT_SYSLOG_MAX: syslog gets a bounded summary, decision
 * and ids first, and the length and FNV-1a 64 of the whole record; alone,
 * syslog does not hold it (-1); with a file, the file does (0) and the
 * digest names that line.
 */
static void
test_syslog_summary(void **state)
{
	char *big = malloc(AUDIT_SYSLOG_MAX + 1), *argv[3], *m, *line, hex[17];
	const char *err = NULL;
	unsigned long long h = 0xcbf29ce484222325ULL;
	struct audit a;
	size_t len, i, mlen;
	int fd;
	json_t *j;

	(void)state;
	if (!private_dev)
		skip();
	memset(big, 'b', AUDIT_SYSLOG_MAX);
	big[AUDIT_SYSLOG_MAX] = '\0';
	argv[0] = "docker";
	argv[1] = big;
	argv[2] = NULL;
	fd = log_listen(SOCK_DGRAM);
	assert_int_equal(audit_open(&a, NULL, 1, 1, "u", "r", "", &err), 0);
	assert_int_equal(audit_decision(&a, NULL, "docker x", 8, argv, 1,
	    "rule1", "", &err), -1);
	assert_non_null(strstr(err, "syslog message holds"));
	m = log_recv(fd, &mlen);
	assert_non_null(m);
	assert_true(mlen <= AUDIT_SYSLOG_MAX);
	j = log_parse(m, 80 + 6);
	assert_null(json_object_get(j, "argv"));
	assert_null(json_object_get(j, "command"));
	assert_true(json_is_null(json_object_get(j, "record_file")));
	assert_string_equal(sget(j, "rule"), "rule1");
	assert_string_equal(json_object_iter_key(json_object_iter(j)),
	    "event");
	json_decref(j);
	free(m);
	audit_close(&a);

	(void)unlink(path);
	assert_int_equal(audit_open(&a, path, 1, 1, "u", "r", "", &err), 0);
	assert_int_equal(audit_decision(&a, NULL, "docker x", 8, argv, 1,
	    "rule1", "", &err), 0);
	line = slurp(path, &len);
	len--;				/* the newline */
	for (i = 0; i < len; i++) {
		h ^= (unsigned char)line[i];
		h *= 0x100000001b3ULL;
	}
	(void)snprintf(hex, sizeof(hex), "%016llx", h);
	m = log_recv(fd, NULL);
	j = log_parse(m, 80 + 6);
	assert_int_equal(json_integer_value(json_object_get(j,
	    "record_bytes")), len);
	assert_string_equal(sget(j, "record_fnv1a64"), hex);
	assert_string_equal(sget(j, "record_file"), path);
	assert_string_equal(sget(j, "session"), a.session);
	json_decref(j);
	free(m);
	free(line);
	audit_close(&a);
	(void)close(fd);
	(void)unlink(AUDIT_SYSLOG_PATH);
	free(big);
}

/*
 * audit_gmtime against the C library's gmtime_r: every day boundary of
 * leap and century years, the epoch, times before it, and a sweep of
 * four centuries in steps that are not a whole number of days.
 */
static void
check_gmtime(time_t t)
{
	struct tm want, got;

	assert_non_null(gmtime_r(&t, &want));
	audit_gmtime(t, &got);
	if (got.tm_year != want.tm_year || got.tm_mon != want.tm_mon ||
	    got.tm_mday != want.tm_mday || got.tm_hour != want.tm_hour ||
	    got.tm_min != want.tm_min || got.tm_sec != want.tm_sec)
		fail_msg("%lld: %d-%d-%d %d:%d:%d, want %d-%d-%d %d:%d:%d",
		    (long long)t, got.tm_year, got.tm_mon, got.tm_mday,
		    got.tm_hour, got.tm_min, got.tm_sec, want.tm_year,
		    want.tm_mon, want.tm_mday, want.tm_hour, want.tm_min,
		    want.tm_sec);
}

static void
test_gmtime(void **state)
{
	static const long long fixed[] = {
		0, -1, 59, 86399, 86400, -86400, -86401,
		951782400,	/* 2000-02-29 */
		951868800,	/* 2000-03-01 */
		4107542400LL,	/* 2100-03-01 */
		4107456000LL,	/* 2100-02-28 */
		1795910400,	/* 2026-11-29 */
		253402300799LL,	/* 9999-12-31 23:59:59 */
		-62135596800LL,	/* 0001-01-01 */
	};
	long long t;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(fixed); i++)
		check_gmtime((time_t)fixed[i]);
	for (t = -2208988800LL; t < 10413792000LL; t += 86400 * 7 + 3601)
		check_gmtime((time_t)t);
	for (t = 946684800LL - 86400; t < 946684800LL + 86400 * 400;
	    t += 86400)
		check_gmtime((time_t)t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decision_fields),
		cmocka_unit_test(test_deny_null_argv),
		cmocka_unit_test(test_exit_records),
		cmocka_unit_test(test_rpc_id),
		cmocka_unit_test(test_approval_records),
		cmocka_unit_test(test_invalid_utf8_kept),
		cmocka_unit_test(test_json_string),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_worst_case_bounded),
		cmocka_unit_test(test_argv_count_bounded),
		cmocka_unit_test(test_argv_bytes_bounded),
		cmocka_unit_test(test_separators),
		cmocka_unit_test(test_syslog_delivered),
		cmocka_unit_test(test_syslog_missing),
		cmocka_unit_test(test_syslog_stream),
		cmocka_unit_test(test_syslog_full),
		cmocka_unit_test(test_syslog_summary),
		cmocka_unit_test(test_concurrent_writers),
		cmocka_unit_test(test_full_filesystem),
		cmocka_unit_test(test_open_failures),
		cmocka_unit_test(test_sinks),
		cmocka_unit_test(test_gmtime),
	};

	/* A /dev of our own: the syslog tests make and remove /dev/log. */
	private_dev = unshare(CLONE_NEWNS) == 0 &&
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0 &&
	    mount("dgtest-dev", "/dev", "tmpfs", 0, "mode=0755") == 0 &&
	    mknod("/dev/null", S_IFCHR | 0666, makedev(1, 3)) == 0;
	if (!private_dev)
		fprintf(stderr, "test_audit: no private /dev (%s): syslog "
		    "tests skipped\n", strerror(errno));
	return cmocka_run_group_tests(tests, setup, teardown);
}
