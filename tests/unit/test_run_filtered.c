/*
 * test_run_filtered.c: run_exec_filtered, for real.  The fake "docker" is
 * a shell script in a fresh 0755 directory; the gateway's fd 1 is
 * redirected to a file, so the test sees exactly what would reach the
 * client.
 */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <unistd.h>

#include "testutil.h"
#include "redact.h"
#include "run.h"

#define MAXFILE		(256 * 1024)

static char dir[] = "/tmp/dgtest-runf.XXXXXX";
static char outfile[PATH_MAX];

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(dir) == NULL || chmod(dir, 0755) == -1)
		return -1;
	(void)snprintf(outfile, sizeof(outfile), "%s/stdout", dir);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[PATH_MAX + 16];

	(void)state;
	(void)snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Write the fake docker script; returns its path (static). */
static const char *
script(const char *body)
{
	static char p[PATH_MAX];
	char text[8192];
	int fd;

	(void)snprintf(p, sizeof(p), "%s/docker", dir);
	(void)snprintf(text, sizeof(text), "#!/bin/sh\n%s\n", body);
	(void)unlink(p);
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	assert_true(fd != -1);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	assert_int_equal(close(fd), 0);
	assert_int_equal(chmod(p, 0755), 0);
	return p;
}

static char *
slurp(const char *file, size_t *len)
{
	char *buf = calloc(1, MAXFILE);
	int fd = open(file, O_RDONLY);
	ssize_t n;

	assert_non_null(buf);
	assert_true(fd != -1);
	n = read(fd, buf, MAXFILE - 1);
	assert_true(n >= 0);
	(void)close(fd);
	*len = (size_t)n;
	return buf;
}

/*
 * Run body as docker with fd 1 on outfile; returns run_exec_filtered's
 * result, *res and *err.
 */
static int
run(const char *body, run_filter_fn filter, long timeout,
    struct run_result *res, const char **err)
{
	char *argv[] = { "docker", "inspect", "x", NULL };
	struct run_spec s;
	int fd, saved, r;

	memset(&s, 0, sizeof(s));
	s.binary = script(body);
	s.argv = argv;
	s.host = "unix:///run/dg-test.sock";
	s.config_dir = "/etc/dockergate/docker-config";
	s.home = "/root";
	s.user = "root";
	s.timeout = timeout;
	s.grace = 1;
	fd = open(outfile, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd != -1);
	saved = dup(STDOUT_FILENO);
	assert_true(saved != -1);
	assert_int_equal(dup2(fd, STDOUT_FILENO), STDOUT_FILENO);
	r = run_exec_filtered(&s, filter, res, err);
	assert_int_equal(dup2(saved, STDOUT_FILENO), STDOUT_FILENO);
	(void)close(saved);
	(void)close(fd);
	return r;
}

/* A filter that fails when it sees "FAIL", else upper-cases. */
static int
upper(const char *in, size_t len, char **out, size_t *outlen,
    const char **errstr)
{
	size_t i;

	if (in[len] != '\0')
		fail_msg("filter input is not NUL-terminated");
	if (strstr(in, "FAIL") != NULL) {
		*errstr = "the filter said no";
		return -1;
	}
	*out = malloc(len + 1);
	assert_non_null(*out);
	for (i = 0; i < len; i++)
		(*out)[i] = in[i] >= 'a' && in[i] <= 'z' ? in[i] - 32 : in[i];
	(*out)[len] = '\0';
	*outlen = len;
	return 0;
}

#define INSPECT_JSON \
	"[\n    {\n        \"Config\": {\n            \"Env\": [\n" \
	"                \"TOKEN=s3cr3t\",\n                \"PATH=/bin\"\n" \
	"            ]\n        }\n    }\n]\n"
#define INSPECT_REDACTED \
	"[\n    {\n        \"Config\": {\n            \"Env\": [\n" \
	"                \"TOKEN=<redacted>\",\n" \
	"                \"PATH=<redacted>\"\n" \
	"            ]\n        }\n    }\n]\n"

/* What reaches fd 1 is the filtered output; the status passes through. */
static void
test_filtered_output(void **state)
{
	static const int codes[] = { 0, 1, 3 };
	struct run_result res;
	const char *err = NULL;
	char body[512], *buf;
	size_t len, i;

	(void)state;
	for (i = 0; i < NELEM(codes); i++) {
		(void)snprintf(body, sizeof(body), "cat <<'E'\n%sE\n"
		    "echo 'Error: No such object: y' >&2\nexit %d",
		    INSPECT_JSON, codes[i]);
		if (run(body, redact_inspect, 0, &res, &err) != 0)
			fail_msg("run_exec_filtered: %s", err);
		assert_int_equal(res.status, codes[i]);
		assert_int_equal(res.sig, 0);
		buf = slurp(outfile, &len);
		assert_string_equal(buf, INSPECT_REDACTED);
		assert_null(strstr(buf, "s3cr3t"));
		free(buf);
	}
}

/* Large output crosses many pipe buffers, in odd-sized writes. */
static void
test_large_output(void **state)
{
	struct run_result res;
	const char *err = NULL;
	char *buf;
	size_t len, i;

	(void)state;
	if (run("i=0; while [ $i -lt 20000 ]; do printf 'abc%d\\n' $i; "
	    "i=$((i+1)); done", upper, 0, &res, &err) != 0)
		fail_msg("run_exec_filtered: %s", err);
	assert_int_equal(res.status, 0);
	buf = slurp(outfile, &len);
	assert_true(len > 100000);
	assert_memory_equal(buf, "ABC0\nABC1\n", 10);
	assert_non_null(strstr(buf, "\nABC19999\n"));
	for (i = 0; i < len; i++)
		assert_false(buf[i] >= 'a' && buf[i] <= 'z');
	free(buf);
}

/* Filter failure: nothing at all on stdout, an error, the exit kept. */
static void
test_filter_failure(void **state)
{
	struct run_result res;
	const char *err = NULL;
	char *buf;
	size_t len;

	(void)state;
	assert_int_equal(run("echo secret; echo FAIL; exit 5", upper, 0,
	    &res, &err), -1);
	assert_string_equal(err, "output withheld: the filter said no");
	assert_int_equal(res.status, 5);
	buf = slurp(outfile, &len);
	assert_int_equal(len, 0);
	free(buf);
	/* Not JSON (e.g. --pretty text) is withheld by redact_inspect. */
	assert_int_equal(run("echo 'Env: TOKEN=s3cr3t'", redact_inspect, 0,
	    &res, &err), -1);
	assert_non_null(strstr(err, "not valid JSON"));
	buf = slurp(outfile, &len);
	assert_int_equal(len, 0);
	free(buf);
}

/* No output at all (docker failed before printing) is passed as empty. */
static void
test_empty_output(void **state)
{
	struct run_result res;
	const char *err = NULL;
	char *buf;
	size_t len;

	(void)state;
	assert_int_equal(run("echo 'Cannot connect' >&2; exit 1",
	    redact_inspect, 0, &res, &err), 0);
	assert_int_equal(res.status, 1);
	buf = slurp(outfile, &len);
	assert_int_equal(len, 0);
	free(buf);
}

/* Over RUN_MAX_FILTERED_BYTES: the child is killed, nothing shown. */
static void
test_output_cap(void **state)
{
	struct run_result res;
	const char *err = NULL;
	char body[128], *buf;
	size_t len;

	(void)state;
	(void)snprintf(body, sizeof(body), "head -c %d /dev/zero; sleep 30",
	    RUN_MAX_FILTERED_BYTES + 1);
	assert_int_equal(run(body, upper, 0, &res, &err), -1);
	assert_non_null(strstr(err, "over"));
	assert_int_equal(res.sig, SIGKILL);
	assert_true(res.duration_ms < 20000);
	buf = slurp(outfile, &len);
	assert_int_equal(len, 0);
	free(buf);
	/* Exactly at the cap is fine. */
	(void)snprintf(body, sizeof(body), "head -c %d /dev/zero",
	    RUN_MAX_FILTERED_BYTES);
	assert_int_equal(run(body, upper, 0, &res, &err), 0);
	assert_int_equal(res.status, 0);
}

/* The timeout applies while the output is read; partial JSON is withheld. */
static void
test_timeout(void **state)
{
	struct run_result res;
	const char *err = NULL;
	char *buf;
	size_t len;

	(void)state;
	assert_int_equal(run("printf '[{\"Config\": {\"Env\": [\"A=s3cr3t\"'; "
	    "exec sleep 30", redact_inspect, 1, &res, &err), -1);
	assert_int_equal(res.timed_out, 1);
	assert_int_equal(res.sig, SIGTERM);
	assert_true(res.duration_ms >= 900 && res.duration_ms < 5000);
	buf = slurp(outfile, &len);
	assert_int_equal(len, 0);
	free(buf);
}

/* A grandchild holding the pipe open does not stall the gateway. */
static void
test_grandchild_holds_pipe(void **state)
{
	struct run_result res;
	const char *err = NULL;
	char *buf;
	size_t len;

	(void)state;
	if (run("printf 'ok\\n'; (sleep 3 &) ; exit 0", upper, 0, &res,
	    &err) != 0)
		fail_msg("run_exec_filtered: %s", err);
	assert_int_equal(res.status, 0);
	assert_true(res.duration_ms < 2500);
	buf = slurp(outfile, &len);
	assert_string_equal(buf, "OK\n");
	free(buf);
}

/* Signals to the gateway reach docker, as with run_exec. */
static void
test_signal_forwarded(void **state)
{
	char ready[PATH_MAX], body[2 * PATH_MAX];
	struct run_result res;
	const char *err = NULL;
	pid_t gw;
	int st, i;

	(void)state;
	(void)snprintf(ready, sizeof(ready), "%s/ready", dir);
	(void)unlink(ready);
	(void)snprintf(body, sizeof(body), "trap 'echo \"[]\"; exit 7' TERM\n"
	    ": > %s\nwhile :; do sleep 0.05; done", ready);
	gw = fork();
	assert_true(gw != -1);
	if (gw == 0) {
		int r = run(body, redact_inspect, 0, &res, &err);

		_exit(r == 0 && res.status == 7 ? 0 : 1);
	}
	for (i = 0; i < 500 && access(ready, F_OK) != 0; i++)
		usleep(10000);
	assert_int_equal(kill(gw, SIGTERM), 0);
	assert_int_equal(waitpid(gw, &st, 0), gw);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

/*
 * Run body as docker with fd 1 on a pipe whose reader leaves after
 * `after` seconds (0: before docker starts), as sshd's end does when the
 * client disconnects; returns run_exec_filtered's result.
 */
static int
run_reader_gone(const char *body, unsigned after, struct run_result *res,
    const char **err)
{
	char *argv[] = { "docker", "inspect", "x", NULL };
	struct run_spec s;
	int p[2], saved, r, st;
	pid_t reader = -1;

	memset(&s, 0, sizeof(s));
	s.binary = script(body);
	s.argv = argv;
	s.grace = 1;
	assert_int_equal(pipe(p), 0);
	if (after > 0 && (reader = fork()) == 0) {
		(void)close(p[1]);
		(void)sleep(after);
		_exit(0);
	}
	(void)close(p[0]);
	saved = dup(STDOUT_FILENO);
	assert_int_equal(dup2(p[1], STDOUT_FILENO), STDOUT_FILENO);
	(void)close(p[1]);
	r = run_exec_filtered(&s, redact_inspect, res, err);
	assert_int_equal(dup2(saved, STDOUT_FILENO), STDOUT_FILENO);
	(void)close(saved);
	if (reader != -1)
		assert_int_equal(waitpid(reader, &st, 0), reader);
	return r;
}

/*
 * The client goes away while docker runs: docker gets SIGHUP, SIGKILL
 * after the grace if it ignores that, nothing is written, and the result
 * (for the exit record) says so; never death by SIGPIPE.
 */
static void
test_client_gone(void **state)
{
	struct run_result res;
	const char *err = NULL;

	(void)state;
	if (run_reader_gone("printf '['; exec sleep 30", 1, &res, &err) != 0)
		fail_msg("run_exec_filtered: %s", err);
	assert_int_equal(res.client_gone, 1);
	assert_int_equal(res.timed_out, 0);
	assert_int_equal(res.sig, SIGHUP);
	if (run_reader_gone("trap '' HUP; printf '['; exec sleep 30", 1, &res,
	    &err) != 0)
		fail_msg("run_exec_filtered: %s", err);
	assert_int_equal(res.client_gone, 1);
	assert_int_equal(res.sig, SIGKILL);
	assert_true(res.duration_ms < 10000);
	/* Gone before docker started: ended at once, whatever it does. */
	if (run_reader_gone("trap '' HUP; exec sleep 30", 0, &res, &err) != 0)
		fail_msg("run_exec_filtered: %s", err);
	assert_int_equal(res.client_gone, 1);
	assert_true(res.duration_ms < 5000);
}

/*
 * A stdout that poll cannot tell is gone (a socket whose reader shut down
 * its side: EPIPE on write, no POLLHUP): an error, not death by SIGPIPE.
 */
static void
test_stdout_closed(void **state)
{
	char *argv[] = { "docker", "inspect", NULL };
	struct run_result res;
	struct run_spec s;
	const char *err = NULL;
	int sv[2], saved, r;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.binary = script("echo '[]'");
	s.argv = argv;
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	assert_int_equal(shutdown(sv[1], SHUT_RD), 0);
	saved = dup(STDOUT_FILENO);
	assert_int_equal(dup2(sv[0], STDOUT_FILENO), STDOUT_FILENO);
	r = run_exec_filtered(&s, redact_inspect, &res, &err);
	assert_int_equal(dup2(saved, STDOUT_FILENO), STDOUT_FILENO);
	(void)close(saved);
	(void)close(sv[0]);
	(void)close(sv[1]);
	assert_int_equal(r, -1);
	assert_string_equal(err, "cannot write output: Broken pipe");
	assert_int_equal(res.status, 0);
	assert_int_equal(res.client_gone, 0);
}

static void
test_exec_failure(void **state)
{
	char *argv[] = { "docker", "inspect", NULL };
	struct run_result res;
	struct run_spec s;
	const char *err = NULL;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.binary = "/nonexistent/docker";
	s.argv = argv;
	assert_int_equal(run_exec_filtered(&s, upper, &res, &err), -1);
	assert_string_equal(err,
	    "cannot execute /nonexistent/docker: No such file or directory");
	assert_int_equal(res.status, 0);
	assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
}

/* ------------------------------------------------------ line by line */

/* run() through run_exec_lines, docker's argv as for events. */
static int
run_lines(const char *body, run_filter_fn filter, long timeout,
    struct run_result *res, const char **err)
{
	char *argv[] = { "docker", "system", "events", NULL };
	struct run_spec s;
	int fd, saved, r;

	memset(&s, 0, sizeof(s));
	s.binary = script(body);
	s.argv = argv;
	s.timeout = timeout;
	s.grace = 1;
	fd = open(outfile, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd != -1);
	saved = dup(STDOUT_FILENO);
	assert_int_equal(dup2(fd, STDOUT_FILENO), STDOUT_FILENO);
	r = run_exec_lines(&s, filter, res, err);
	assert_int_equal(dup2(saved, STDOUT_FILENO), STDOUT_FILENO);
	(void)close(saved);
	(void)close(fd);
	return r;
}

#define EVENT_LINE "{\"Type\":\"container\",\"Action\":\"exec_create: " \
	"sh -c PGPASSWORD=s3cr3t\",\"Actor\":{\"ID\":\"c1\"}}"

/*
 * Each line reaches the client while docker still runs: the fake docker
 * waits until its first line, filtered, is in the client's file before
 * it writes the second (events never end: nothing may wait for EOF).
 */
static void
test_lines_stream(void **state)
{
	struct run_result res;
	const char *err = NULL;
	char body[PATH_MAX + 1024], *buf;
	size_t len;

	(void)state;
	(void)snprintf(body, sizeof(body), "printf '%%s\\n' '%s'\n"
	    "i=0; until grep -q redacted %s; do sleep 0.1; i=$((i+1));\n"
	    "[ $i -gt 100 ] && { echo '{\"Action\":\"stalled\"}'; exit 9; }\n"
	    "done\necho '{\"Type\":\"image\",\"Action\":\"pull\"}'",
	    EVENT_LINE, outfile);
	if (run_lines(body, redact_event_json, 0, &res, &err) != 0)
		fail_msg("run_exec_lines: %s", err);
	assert_int_equal(res.status, 0);
	buf = slurp(outfile, &len);
	assert_string_equal(buf, "{\"Type\":\"container\",\"Action\":"
	    "\"exec_create: <redacted>\",\"Actor\":{\"ID\":\"c1\"}}\n"
	    "{\"Type\":\"image\",\"Action\":\"pull\"}\n");
	free(buf);
}

/*
 * Fail closed: a line the filter refuses ends docker at once and neither
 * it nor any later line is shown; an unterminated last line is dropped;
 * a line over RUN_MAX_LINE_BYTES is not shown.
 */
static void
test_lines_fail_closed(void **state)
{
	struct run_result res;
	const char *err = NULL;
	char *buf;
	size_t len;

	(void)state;
	assert_int_equal(run_lines("printf 'a\\nFAIL s3cr3t\\nb\\n'; "
	    "exec sleep 30", upper, 0, &res, &err), -1);
	assert_non_null(strstr(err, "the filter said no"));
	assert_true(res.duration_ms < 5000);
	buf = slurp(outfile, &len);
	assert_string_equal(buf, "A\n");
	free(buf);

	err = NULL;
	assert_int_equal(run_lines("printf 'a\\nb s3cr3t'", upper, 0, &res,
	    &err), 0);
	buf = slurp(outfile, &len);
	assert_string_equal(buf, "A\n");
	free(buf);

	assert_int_equal(run_lines("printf 'a\\n'; head -c 1100000 "
	    "/dev/zero | tr '\\0' x; echo; exec sleep 30", upper, 0, &res,
	    &err), -1);
	assert_non_null(strstr(err, "line over"));
	assert_true(res.duration_ms < 5000);
	buf = slurp(outfile, &len);
	assert_string_equal(buf, "A\n");
	free(buf);
}

/* The policy's timeout ends docker; what came before it was shown. */
static void
test_lines_timeout(void **state)
{
	struct run_result res;
	const char *err = NULL;
	char *buf;
	size_t len;

	(void)state;
	if (run_lines("printf 'a\\n'; exec sleep 30", upper, 1, &res,
	    &err) != 0)
		fail_msg("run_exec_lines: %s", err);
	assert_int_equal(res.timed_out, 1);
	assert_int_equal(res.sig, SIGTERM);
	buf = slurp(outfile, &len);
	assert_string_equal(buf, "A\n");
	free(buf);
}

/* A write to a client that left counts as the client gone: SIGHUP. */
static void
test_lines_client_gone(void **state)
{
	char *argv[] = { "docker", "events", NULL };
	struct run_result res;
	struct run_spec s;
	const char *err = NULL;
	int sv[2], saved, r;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.binary = script("printf 'a\\n'; exec sleep 30");
	s.argv = argv;
	s.grace = 1;
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	assert_int_equal(shutdown(sv[1], SHUT_RD), 0);
	saved = dup(STDOUT_FILENO);
	assert_int_equal(dup2(sv[0], STDOUT_FILENO), STDOUT_FILENO);
	r = run_exec_lines(&s, upper, &res, &err);
	assert_int_equal(dup2(saved, STDOUT_FILENO), STDOUT_FILENO);
	(void)close(saved);
	(void)close(sv[0]);
	(void)close(sv[1]);
	assert_int_equal(r, 0);
	assert_int_equal(res.client_gone, 1);
	assert_int_equal(res.sig, SIGHUP);
	assert_true(res.duration_ms < 5000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_filtered_output),
		cmocka_unit_test(test_large_output),
		cmocka_unit_test(test_filter_failure),
		cmocka_unit_test(test_empty_output),
		cmocka_unit_test(test_output_cap),
		cmocka_unit_test(test_timeout),
		cmocka_unit_test(test_grandchild_holds_pipe),
		cmocka_unit_test(test_signal_forwarded),
		cmocka_unit_test(test_client_gone),
		cmocka_unit_test(test_stdout_closed),
		cmocka_unit_test(test_exec_failure),
		cmocka_unit_test(test_lines_stream),
		cmocka_unit_test(test_lines_fail_closed),
		cmocka_unit_test(test_lines_timeout),
		cmocka_unit_test(test_lines_client_gone),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
