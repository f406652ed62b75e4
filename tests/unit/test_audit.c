/*
 * test_audit.c: audit records are valid JSON with the exact fields, survive
 * any bytes, stay bounded, never interleave and never leave a partial line.
 * Runs as root (tmpfs mount for the full-filesystem case).
 */
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <jansson.h>

#include "testutil.h"
#include "audit.h"

#define NPROC		32	/* concurrent writers */
#define NREC		50	/* records per writer */
#define BIGCMD		(64 * 1024)

static char dir[] = "/run/dgtest-audit.XXXXXX";
static char path[256];

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
	static const char *const keys[] = { "ts", "event", "session", "user",
	    "role", "client", "command", "argv", "decision", "rule",
	    "reason" };
	char *argv[] = { "docker", "container", "run", "--rm=true", "alpine",
	    NULL };
	const char *cmd = "docker run --rm alpine", *err = NULL, *k;
	struct audit a;
	json_t *j, *v;
	size_t i = 0;
	void *it;

	(void)state;
	open_file(&a);
	assert_int_equal(audit_decision(&a, cmd, strlen(cmd), argv, 1,
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
	assert_int_equal(audit_decision(&a, "docker 'x", 9, NULL, 0, NULL,
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
	assert_int_equal(audit_exit(&a, 3, 0, 412, &err), 0);
	assert_int_equal(audit_exit(&a, -1, 15, 7, &err), 0);
	assert_int_equal(check_lines(path, NULL), 2);
	buf = slurp(path, NULL);
	nl = strchr(buf, '\n');
	j = json_loadb(buf, (size_t)(nl - buf), 0, NULL);
	assert_string_equal(sget(j, "event"), "exit");
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
		assert_int_equal(audit_decision(&a, cases[i].in, cases[i].len,
		    NULL, 0, "r", cases[i].in, &err), 0);
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

static void
test_truncated(void **state)
{
	char *big = malloc(BIGCMD), *exp;
	const char *err = NULL, *got;
	struct audit a;
	json_t *j;

	(void)state;
	memset(big, 'a', BIGCMD);
	open_file(&a);
	assert_int_equal(audit_decision(&a, big, BIGCMD, NULL, 0, NULL, NULL,
	    &err), 0);
	j = one_record();
	got = sget(j, "command");
	exp = malloc(AUDIT_MAX_STRING + 64);
	memset(exp, 'a', AUDIT_MAX_STRING);
	strcpy(exp + AUDIT_MAX_STRING, "\xe2\x80\xa6(truncated)");
	assert_string_equal(got, exp);
	json_decref(j);
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
	assert_int_equal(audit_decision(&a, big, BIGCMD, argv, 0, big, big,
	    &err), 0);
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

static void
test_argv_count_bounded(void **state)
{
	const char *err = NULL;
	struct audit a;
	char **argv;
	json_t *j, *v;
	size_t i, n = 1000;

	(void)state;
	argv = calloc(n + 1, sizeof(*argv));
	for (i = 0; i < n; i++)
		argv[i] = "x";
	open_file(&a);
	assert_int_equal(audit_decision(&a, "c", 1, argv, 1, "r", "", &err),
	    0);
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
		if (audit_decision(&a, cmd, strlen(cmd), NULL, 1, "r", "",
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
		if (audit_decision(&a, big, sizeof(big), NULL, 1, "r", "",
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
	/* The struct is still usable: syslog only. */
	assert_int_equal(a.fd, -1);
	assert_int_equal(audit_exit(&a, 0, 0, 1, &err), 0);
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
	assert_int_equal(audit_exit(&a, 0, 0, 1, &err), -1);
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
		cmocka_unit_test(test_invalid_utf8_kept),
		cmocka_unit_test(test_json_string),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_worst_case_bounded),
		cmocka_unit_test(test_argv_count_bounded),
		cmocka_unit_test(test_concurrent_writers),
		cmocka_unit_test(test_full_filesystem),
		cmocka_unit_test(test_open_failures),
		cmocka_unit_test(test_sinks),
		cmocka_unit_test(test_gmtime),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
