/*
 * test_run.c: the executor, for real, as root.  The fake "docker" is either
 * a shell script in a root-owned 0755 directory under /run, or this test
 * binary itself in helper mode (argv[1] == HELPER), which reports what the
 * child saw: its environment, descriptors, argv, signal mask.
 */
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

#include <sys/syscall.h>
#include <unistd.h>
#include "run.h"
#include "trust.h"

#define HELPER		"--dg-helper"
#define MAXFILE		(64 * 1024)

extern char **environ;

static char dir[] = "/run/dgtest-run.XXXXXX";
static char self[PATH_MAX];
static char outfile[PATH_MAX];

/* ------------------------------------------------------------------ */
/* helper mode: runs as the fake docker                                 */
/* ------------------------------------------------------------------ */

static int
helper(int argc, char **argv)
{
	FILE *f = fopen(argv[3], "w");
	struct dirent *de;
	char line[256];
	DIR *d;
	int i;

	if (f == NULL)
		return 100;
	if (strcmp(argv[2], "env") == 0) {
		for (i = 0; environ[i] != NULL; i++)
			fprintf(f, "%s%c", environ[i], 0);
	} else if (strcmp(argv[2], "argv") == 0) {
		for (i = 0; i < argc; i++)
			fprintf(f, "%s%c", argv[i], 0);
	} else if (strcmp(argv[2], "fds") == 0) {
		d = opendir("/proc/self/fd");
		while ((de = readdir(d)) != NULL)
			if (de->d_name[0] != '.' &&
			    atoi(de->d_name) != dirfd(d) &&
			    atoi(de->d_name) != fileno(f))
				fprintf(f, "%s\n", de->d_name);
		closedir(d);
	} else if (strcmp(argv[2], "mask") == 0) {
		FILE *s = fopen("/proc/self/status", "r");

		while (fgets(line, sizeof(line), s) != NULL)
			if (strncmp(line, "SigBlk:", 7) == 0 ||
			    strncmp(line, "SigIgn:", 7) == 0)
				fputs(line, f);
		fclose(s);
	}
	fclose(f);
	return 0;
}

/* ------------------------------------------------------------------ */
/* fixtures                                                             */
/* ------------------------------------------------------------------ */

static int
setup(void **state)
{
	ssize_t n;

	(void)state;
	if (mkdtemp(dir) == NULL || chmod(dir, 0755) == -1)
		return -1;
	if ((n = readlink("/proc/self/exe", self, sizeof(self) - 1)) == -1)
		return -1;
	self[n] = '\0';
	(void)snprintf(outfile, sizeof(outfile), "%s/out", dir);
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

/* Write a file under dir with mode; returns its path (static). */
static const char *
mkfile(const char *name, const char *body, mode_t mode)
{
	static char p[PATH_MAX];
	int fd;

	(void)snprintf(p, sizeof(p), "%s/%s", dir, name);
	(void)unlink(p);
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd != -1);
	assert_int_equal(write(fd, body, strlen(body)), (ssize_t)strlen(body));
	assert_int_equal(close(fd), 0);
	assert_int_equal(chmod(p, mode), 0);
	return p;
}

static const char *
script(const char *name, const char *body)
{
	char text[4 * PATH_MAX];

	(void)snprintf(text, sizeof(text), "#!/bin/sh\n%s\n", body);
	return mkfile(name, text, 0755);
}

static char *
slurp(const char *file, size_t *len)
{
	char *buf = calloc(1, MAXFILE);
	int fd = open(file, O_RDONLY);
	ssize_t n;

	assert_true(fd != -1);
	n = read(fd, buf, MAXFILE - 1);
	assert_true(n >= 0);
	(void)close(fd);
	*len = (size_t)n;
	return buf;
}

static void
spec_init(struct run_spec *s, const char *binary, char *const *argv)
{
	memset(s, 0, sizeof(*s));
	s->binary = binary;
	s->argv = argv;
	s->host = "unix:///run/dg-test.sock";
	s->config_dir = "/etc/dockergate/docker-config";
	s->home = "/home/ai-worker";
	s->user = "ai-worker";
}

/* Run the helper in mode with extra args; returns the result. */
static struct run_result
run_helper(const char *mode, char **extra, size_t nextra)
{
	char *argv[32] = { "docker", HELPER, (char *)mode, outfile };
	struct run_result res;
	struct run_spec s;
	const char *err = NULL;
	size_t i;

	for (i = 0; i < nextra; i++)
		argv[4 + i] = extra[i];
	argv[4 + nextra] = NULL;
	spec_init(&s, self, argv);
	(void)unlink(outfile);
	if (run_exec(&s, &res, &err) == -1)
		fail_msg("run_exec: %s", err);
	assert_int_equal(res.status, 0);
	return res;
}

/* ------------------------------------------------------------------ */
/* environment, descriptors, argv, mask                                 */
/* ------------------------------------------------------------------ */

static void
test_env_exact(void **state)
{
	static const char *const want[] = {
		"PATH=" RUN_PATH, "HOME=/home/ai-worker", "USER=ai-worker",
		"LOGNAME=ai-worker", "LC_ALL=C.UTF-8",
		"DOCKER_HOST=unix:///run/dg-test.sock",
		"DOCKER_CONFIG=/etc/dockergate/docker-config",
		"DOCKER_CLI_HOOKS=false", "DOCKER_CLI_HINTS=false",
	};
	size_t len, off = 0, i = 0;
	char *buf;

	(void)state;
	setenv("DOCKER_HOST", "tcp://evil:2375", 1);
	setenv("LD_PRELOAD", "/tmp/evil.so", 1);
	setenv("BASH_ENV", "/tmp/evil.sh", 1);
	setenv("DOCKER_CONTEXT", "evil", 1);
	setenv("LANG", "bad;value", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	run_helper("env", NULL, 0);
	buf = slurp(outfile, &len);
	for (off = 0; off < len; off += strlen(buf + off) + 1) {
		assert_true(i < NELEM(want));
		assert_string_equal(buf + off, want[i++]);
	}
	assert_int_equal(i, NELEM(want));
	free(buf);
	unsetenv("LD_PRELOAD");
	unsetenv("BASH_ENV");
	unsetenv("DOCKER_CONTEXT");
	unsetenv("DOCKER_HOST");
}

static void
test_build_env_locale(void **state)
{
	static const struct { const char *v; int kept; } cases[] = {
		{ "en_US.UTF-8", 1 }, { "C", 1 }, { "de_DE@euro", 1 },
		{ "bad;value", 0 }, { "", 0 }, { "a b", 0 }, { "x/../y", 0 },
		{ "$(id)", 0 },
		{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		  0 },
	};
	char *env[RUN_MAX_ENV + 1], want[128];
	struct run_spec s;
	size_t i, j;
	int found;

	(void)state;
	spec_init(&s, "/bin/true", NULL);
	unsetenv("LC_ALL");
	for (i = 0; i < NELEM(cases); i++) {
		setenv("LANG", cases[i].v, 1);
		run_build_env(&s, env, NELEM(env));
		(void)snprintf(want, sizeof(want), "LANG=%s", cases[i].v);
		for (found = 0, j = 0; env[j] != NULL; j++)
			found |= strcmp(env[j], want) == 0;
		assert_int_equal(found, cases[i].kept);
		run_free_env(env);
	}
	/* A tiny array is never overrun; NULL values stay unset. */
	s.home = s.user = NULL;
	run_build_env(&s, env, 3);
	assert_string_equal(env[0], "PATH=" RUN_PATH);
	assert_string_equal(env[1], "DOCKER_HOST=unix:///run/dg-test.sock");
	assert_null(env[2]);
	run_free_env(env);
	unsetenv("LANG");
}

static void
test_fds_closed(void **state)
{
	int fd = open("/dev/null", O_RDONLY), high;
	size_t len;
	char *buf;

	(void)state;
	high = dup2(fd, 200);
	assert_true(fd > 2 && high == 200);
	run_helper("fds", NULL, 0);
	buf = slurp(outfile, &len);
	/* Only 0, 1, 2 are left (in readdir order). */
	assert_non_null(strstr(buf, "0\n"));
	assert_non_null(strstr(buf, "1\n"));
	assert_non_null(strstr(buf, "2\n"));
	assert_int_equal(len, 6);
	free(buf);
	(void)close(fd);
	(void)close(high);
}

static void
test_argv_exact(void **state)
{
	char *args[] = { "with space", "'single'", "\"double\"", "", "$HOME",
	    "*", "a\tb\nc", "\xc3\xa9t\xc3\xa9 \xf0\x9f\x90\xb3", "-", "--",
	    ";rm -rf /", "\xff\xfe" };
	size_t len, off, i = 0;
	char *buf;
	const char *head[] = { "docker", HELPER, "argv", outfile };

	(void)state;
	run_helper("argv", args, NELEM(args));
	buf = slurp(outfile, &len);
	for (off = 0; off < len; off += strlen(buf + off) + 1, i++) {
		if (i < NELEM(head))
			assert_string_equal(buf + off, head[i]);
		else
			assert_string_equal(buf + off, args[i - NELEM(head)]);
	}
	assert_int_equal(i, NELEM(head) + NELEM(args));
	free(buf);
}

/* Set glibc's reserved signals (32, 33), which sigaction() refuses. */
static void
reserved_signals(void (*handler)(int))
{
	struct {
		void		(*handler)(int);
		unsigned long	 flags;
		void		(*restorer)(void);
		unsigned long	 mask;
	} k = { handler, 0, NULL, 0 };
	int sig;

	for (sig = 32; sig < SIGRTMIN; sig++)
		assert_int_equal(syscall(SYS_rt_sigaction, sig, &k, NULL,
		    sizeof(k.mask)), 0);
}

static void
test_mask_and_dispositions_reset(void **state)
{
	struct sigaction ign, old;
	size_t len;
	char *buf;
	sigset_t set, oset;

	(void)state;
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	(void)sigaction(SIGPIPE, &ign, &old);
	(void)sigemptyset(&set);
	(void)sigaddset(&set, SIGUSR1);
	(void)sigprocmask(SIG_BLOCK, &set, &oset);
	/* As CI hands them down: glibc's reserved signals ignored. */
	reserved_signals(SIG_IGN);
	run_helper("mask", NULL, 0);
	reserved_signals(SIG_DFL);
	buf = slurp(outfile, &len);
	if (strstr(buf, "SigBlk:\t0000000000000000\n") == NULL ||
	    strstr(buf, "SigIgn:\t0000000000000000\n") == NULL)
		fail_msg("the child's signal state is not clean:\n%s", buf);
	free(buf);
	/* The caller's own mask is back as it was. */
	(void)sigprocmask(SIG_SETMASK, &oset, &set);
	assert_true(sigismember(&set, SIGUSR1));
	assert_false(sigismember(&set, SIGTERM));
	(void)sigaction(SIGPIPE, &old, NULL);
}

/* ------------------------------------------------------------------ */
/* status, signals, timeout                                             */
/* ------------------------------------------------------------------ */

static struct run_result
run_script(const char *body, long timeout, long grace)
{
	char *argv[] = { "docker", NULL };
	struct run_result res;
	struct run_spec s;
	const char *err = NULL;

	spec_init(&s, script("docker", body), argv);
	s.timeout = timeout;
	s.grace = grace;
	if (run_exec(&s, &res, &err) == -1)
		fail_msg("run_exec: %s", err);
	return res;
}

static void
test_exit_status(void **state)
{
	static const int codes[] = { 0, 1, 3, 125, 126, 255 };
	char body[64];
	struct run_result r;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(codes); i++) {
		(void)snprintf(body, sizeof(body), "exit %d", codes[i]);
		r = run_script(body, 0, 0);
		assert_int_equal(r.status, codes[i]);
		assert_int_equal(r.sig, 0);
		assert_int_equal(r.timed_out, 0);
		/* measured, not timed: a loaded CI machine may be slow */
		assert_true(r.duration_ms >= 0 && r.duration_ms < 20000);
	}
}

/*
 * stdin_data: docker reads exactly those bytes (NULs included) as its
 * standard input, from a descriptor it cannot write to.
 */
static void
test_stdin_data(void **state)
{
	char body[2 * PATH_MAX], *argv[] = { "docker", NULL }, *data, *got;
	struct run_result res;
	struct run_spec s;
	const char *err = NULL;
	size_t i, n = MAXFILE - 1000, len;

	(void)state;
	data = xmalloc(n);
	for (i = 0; i < n; i++)
		data[i] = (char)(i * 7 % 256);
	(void)snprintf(body, sizeof(body), "cat >%s\n"
	    "(printf x >>/proc/self/fd/0) 2>/dev/null && exit 9\nexit 7",
	    outfile);
	spec_init(&s, script("docker", body), argv);
	s.stdin_data = data;
	s.stdin_len = n;
	(void)unlink(outfile);
	if (run_exec(&s, &res, &err) == -1)
		fail_msg("run_exec: %s", err);
	assert_int_equal(res.status, 7);
	got = slurp(outfile, &len);
	assert_int_equal(len, n);
	assert_memory_equal(got, data, n);
	free(got);
	/* empty input: docker reads EOF at once */
	s.stdin_len = 0;
	(void)unlink(outfile);
	assert_int_equal(run_exec(&s, &res, &err), 0);
	got = slurp(outfile, &len);
	assert_int_equal(len, 0);
	free(got);
	free(data);
}

static void
test_killed_by_signal(void **state)
{
	struct run_result r;

	(void)state;
	r = run_script("kill -TERM $$\nsleep 5", 0, 0);
	assert_int_equal(r.status, -1);
	assert_int_equal(r.sig, SIGTERM);
	assert_int_equal(r.timed_out, 0);
}

static void
test_timeout_term(void **state)
{
	struct run_result r;

	(void)state;
	r = run_script("exec sleep 30", 1, 0);
	assert_int_equal(r.timed_out, 1);
	assert_int_equal(r.sig, SIGTERM);
	/* after the 1 s timeout, and long before the 30 s sleep ends */
	assert_true(r.duration_ms >= 900 && r.duration_ms < 20000);
}

static void
test_timeout_kill_after_grace(void **state)
{
	struct run_result r;

	(void)state;
	r = run_script("trap '' TERM\nwhile :; do sleep 0.1; done", 1, 1);
	assert_int_equal(r.timed_out, 1);
	assert_int_equal(r.sig, SIGKILL);
	/* timeout 1 s + grace 1 s; the loop would never end by itself */
	assert_true(r.duration_ms >= 1900 && r.duration_ms < 20000);
}

static int
wait_file(const char *p)
{
	int i;

	for (i = 0; i < 500; i++) {
		if (access(p, F_OK) == 0)
			return 0;
		usleep(10000);
	}
	return -1;
}

/* The gateway (a forked child of the test) is signalled; docker gets it. */
static void
forward_one(int sig, const char *name)
{
	char body[3 * PATH_MAX + 128], ready[PATH_MAX], got[PATH_MAX];
	struct run_result r;
	pid_t gw;
	int st;
	size_t len;
	char *buf;

	(void)snprintf(ready, sizeof(ready), "%s/ready", dir);
	(void)snprintf(got, sizeof(got), "%s/got", dir);
	(void)unlink(ready);
	(void)unlink(got);
	(void)snprintf(body, sizeof(body), "trap 'echo %s > %s; exit 7' %s\n"
	    ": > %s\nwhile :; do sleep 0.05; done", name, got, name, ready);
	gw = fork();
	assert_true(gw != -1);
	if (gw == 0) {
		r = run_script(body, 0, 0);
		_exit(r.status == 7 ? 0 : 1);
	}
	assert_int_equal(wait_file(ready), 0);
	assert_int_equal(kill(gw, sig), 0);
	assert_int_equal(waitpid(gw, &st, 0), gw);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	buf = slurp(got, &len);
	assert_true(len > 0 && strncmp(buf, name, strlen(name)) == 0);
	free(buf);
}

static void
test_signal_forwarding(void **state)
{
	(void)state;
	forward_one(SIGTERM, "TERM");
	forward_one(SIGHUP, "HUP");
	forward_one(SIGINT, "INT");
}

/* SIGPIPE at the gateway is consumed, not fatal, not forwarded. */
static void
test_sigpipe_consumed(void **state)
{
	char body[PATH_MAX + 64], ready[PATH_MAX];
	struct run_result r;
	pid_t gw;
	int st;

	(void)state;
	(void)snprintf(ready, sizeof(ready), "%s/ready", dir);
	(void)unlink(ready);
	(void)snprintf(body, sizeof(body), ": > %s\nsleep 0.5\nexit 4",
	    ready);
	gw = fork();
	assert_true(gw != -1);
	if (gw == 0) {
		r = run_script(body, 0, 0);
		_exit(r.status);
	}
	assert_int_equal(wait_file(ready), 0);
	assert_int_equal(kill(gw, SIGPIPE), 0);
	assert_int_equal(waitpid(gw, &st, 0), gw);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 4);
}

static void
test_exec_failure(void **state)
{
	char *argv[] = { "docker", "ps", NULL };
	struct run_result res;
	struct run_spec s;
	const char *err = NULL;

	(void)state;
	spec_init(&s, "/nonexistent/docker", argv);
	assert_int_equal(run_exec(&s, &res, &err), -1);
	assert_string_equal(err,
	    "cannot execute /nonexistent/docker: No such file or directory");
	spec_init(&s, mkfile("noexec", "#!/bin/sh\n", 0644), argv);
	assert_int_equal(run_exec(&s, &res, &err), -1);
	assert_non_null(strstr(err, "Permission denied"));
	/* No zombie was left behind. */
	assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
}

/* ------------------------------------------------------------------ */
/* trusted paths                                                        */
/* ------------------------------------------------------------------ */

struct trust_case {
	const char	*name;		/* under dir, or used as is */
	int		 isdir;
	const char	*err;		/* substring, NULL = trusted */
};

static void
lnk(const char *target, const char *name)
{
	char q[PATH_MAX];

	(void)snprintf(q, sizeof(q), "%s/%s", dir, name);
	(void)unlink(q);
	assert_int_equal(symlink(target, q), 0);
}

static void
trust_fixture(void)
{
	char p[PATH_MAX];

	mkfile("ok", "x", 0755);
	mkfile("gw", "x", 0775);
	mkfile("ow", "x", 0757);
	mkfile("noexec", "x", 0644);
	assert_int_equal(chown(mkfile("nobody", "x", 0755), 65534, 65534), 0);
	(void)snprintf(p, sizeof(p), "%s/ww", dir);
	(void)mkdir(p, 0777);
	assert_int_equal(chmod(p, 0777), 0);
	mkfile("ww/f", "x", 0755);
	(void)snprintf(p, sizeof(p), "%s/sub", dir);
	(void)mkdir(p, 0755);
	(void)snprintf(p, sizeof(p), "%s/ok", dir);
	lnk(p, "ln-ok");
	lnk(p, "ww/ln-ok");		/* in an untrusted directory */
	lnk("gw", "ln-bad");
	lnk("ww/ln-ok", "ln-chain");	/* trusted -> untrusted -> trusted */
	lnk("ln-loop", "ln-loop");
}

static void
test_check_trusted(void **state)
{
	static const struct trust_case cases[] = {
		{ "ok", 0, NULL },
		{ "sub/../ok", 0, NULL },
		{ "./ok", 0, NULL },
		{ "ln-ok", 0, NULL },
		{ "", 1, NULL },
		{ "sub", 1, NULL },
		{ "/usr/bin/true", 0, NULL },
		{ "/", 1, NULL },
		{ "gw", 0, "must be owned by root and not writable by group" },
		{ "ow", 0, "must be owned by root" },
		{ "nobody", 0, "must be owned by root" },
		{ "noexec", 0, "not executable" },
		{ "ww/f", 0, "must be owned by root" },
		{ "ww/ln-ok", 0, "must be owned by root" },
		{ "ln-chain", 0, "must be owned by root" },
		{ "ln-bad", 0, "must be owned by root" },
		{ "ln-loop", 0, "Too many levels of symbolic links" },
		{ "missing", 0, "No such file or directory" },
		{ "sub", 0, "not a regular file" },
		{ "ok", 1, "not a directory" },
		{ "ok/x", 0, "Not a directory" },
		{ "ok/", 0, "not a regular file" },
		{ "/tmp", 1, "must be owned by root" },
		{ "relative/docker", 0, "must be an absolute path" },
		{ "usr/bin/docker", 0, "must be an absolute path" },
	};
	char p[PATH_MAX];
	const char *err;
	size_t i;
	int r;

	(void)state;
	trust_fixture();
	for (i = 0; i < NELEM(cases); i++) {
		if (cases[i].name[0] == '/' || strncmp(cases[i].name,
		    "relative/", 9) == 0 || strncmp(cases[i].name, "usr/", 4) ==
		    0)
			(void)snprintf(p, sizeof(p), "%s", cases[i].name);
		else
			(void)snprintf(p, sizeof(p), "%s/%s", dir,
			    cases[i].name);
		err = NULL;
		r = trust_path(p, cases[i].isdir ? TRUST_DIR : TRUST_EXEC, NULL,
		    0, &err);
		if (cases[i].err == NULL && r != 0)
			fail_msg("%s: unexpected error: %s", p, err);
		if (cases[i].err != NULL && (r != -1 || err == NULL ||
		    strstr(err, cases[i].err) == NULL))
			fail_msg("%s: want \"%s\", got %d \"%s\"", p,
			    cases[i].err, r, err ? err : "");
	}
}

static void
test_check_trusted_message(void **state)
{
	char p[PATH_MAX], want[2 * PATH_MAX];
	const char *err = NULL;

	(void)state;
	(void)snprintf(p, sizeof(p), "%s/gw", dir);
	mkfile("gw", "x", 0775);
	assert_int_equal(trust_path(p, TRUST_EXEC, NULL, 0, &err), -1);
	(void)snprintf(want, sizeof(want), "%s: must be owned by root and "
	    "not writable by group or others", p);
	assert_string_equal(err, want);
}

/* As a non-root caller, a root-owned 0755 file is still trusted. */
static void
test_check_trusted_as_nobody(void **state)
{
	const char *err = NULL;
	char p[PATH_MAX];
	pid_t pid;
	int st;

	(void)state;
	(void)snprintf(p, sizeof(p), "%s/ok", dir);
	mkfile("ok", "x", 0755);
	if ((pid = fork()) == 0) {
		if (setgid(65534) == -1 || setuid(65534) == -1)
			_exit(2);
		_exit(trust_path(p, TRUST_EXEC, NULL, 0, &err) == 0 ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_int_equal(WEXITSTATUS(st), 0);
}

/* ------------------------------------------------------------------ */
/* run_sanitize (in a child: it changes the whole process)              */
/* ------------------------------------------------------------------ */

static int
sanitize_child(void)
{
	const char *err = NULL;
	struct rlimit rl;
	mode_t m;

	(void)close(0);
	if (dup2(2, 77) != 77)
		return 10;
	if (run_sanitize(&err) == -1)
		return 11;
	if (fcntl(0, F_GETFD) == -1 || fcntl(77, F_GETFD) != -1)
		return 12;
	m = umask(0);
	if (m != 077)
		return 13;
	if (getrlimit(RLIMIT_CORE, &rl) == -1 || rl.rlim_cur != 0)
		return 14;
	if (prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) != 1)
		return 15;
	if (prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0)
		return 16;
	if (signal(SIGPIPE, SIG_DFL) != SIG_IGN)
		return 17;
	return 0;
}

static void
test_sanitize(void **state)
{
	pid_t pid;
	int st;

	(void)state;
	if ((pid = fork()) == 0)
		_exit(sanitize_child());
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

/*
 * run_capture_docker: the spec's binary and argv, the docker environment
 * run_exec builds (not the caller's), stdout captured, the exit status
 * passed back, and the time limit enforced.
 */
static void
test_capture_docker(void **state)
{
	char *argv[] = { "docker", "container", "ls", "--filter",
	    "label=dockergate.session=ab", NULL };
	struct run_spec s;
	const char *bin, *err = NULL;
	char *out = NULL;
	int status = -1;

	(void)state;
	bin = script("fake-docker", "printf '%s|' \"$@\"; "
	    "echo \"$DOCKER_HOST $DOCKER_CONFIG $USER ${LD_PRELOAD-unset}\"; "
	    "[ \"$1\" = slow ] && sleep 5; exit 3");
	setenv("LD_PRELOAD", "/tmp/evil.so", 1);
	spec_init(&s, bin, argv);
	assert_int_equal(run_capture_docker(&s, &out, 4096, &status, &err), 0);
	assert_string_equal(out, "container|ls|--filter|"
	    "label=dockergate.session=ab|unix:///run/dg-test.sock "
	    "/etc/dockergate/docker-config ai-worker unset\n");
	assert_int_equal(status, 3);
	free(out);
	argv[1] = "slow";
	s.timeout = 1;
	assert_int_equal(run_capture_docker(&s, &out, 4096, &status, &err),
	    -1);
	assert_non_null(strstr(err, "timed out"));
	assert_null(out);
	unsetenv("LD_PRELOAD");
}

/*
 * Run bin with our stdout on a pipe whose only reader, a process of its
 * own, goes away after a second, as sshd does when the client leaves;
 * returns the result.
 */
static struct run_result
run_reader_gone(const char *bin)
{
	char *argv[] = { "docker", NULL };
	struct run_result res;
	struct run_spec s;
	const char *err = NULL;
	int p[2], saved, st;
	pid_t reader;

	spec_init(&s, bin, argv);
	s.grace = 1;
	(void)fflush(stdout);
	assert_int_equal(pipe(p), 0);
	if ((reader = fork()) == 0) {
		(void)close(p[1]);
		(void)sleep(1);
		_exit(0);
	}
	assert_true(reader > 0);
	(void)close(p[0]);
	assert_true((saved = dup(STDOUT_FILENO)) != -1);
	assert_int_equal(dup2(p[1], STDOUT_FILENO), STDOUT_FILENO);
	(void)close(p[1]);
	if (run_exec(&s, &res, &err) != 0)
		fail_msg("run_exec: %s", err);
	assert_int_equal(dup2(saved, STDOUT_FILENO), STDOUT_FILENO);
	(void)close(saved);
	assert_int_equal(waitpid(reader, &st, 0), reader);
	return res;
}

/*
 * The client goes away while docker prints nothing: docker gets SIGHUP,
 * and SIGKILL after the grace if it ignores that; the result says so.
 */
static void
test_client_gone(void **state)
{
	struct run_result res;

	(void)state;
	res = run_reader_gone(script("hup-ends", "exec sleep 30"));
	assert_int_equal(res.client_gone, 1);
	assert_int_equal(res.timed_out, 0);
	assert_int_equal(res.sig, SIGHUP);
	res = run_reader_gone(script("hup-ignored",
	    "trap '' HUP; exec sleep 30"));
	assert_int_equal(res.client_gone, 1);
	assert_int_equal(res.sig, SIGKILL);
	assert_true(res.duration_ms < 10000);
	/* Control: a reader that stays is no reason to end anything. */
	res = run_helper("env", NULL, 0);
	assert_int_equal(res.client_gone, 0);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_env_exact),
		cmocka_unit_test(test_build_env_locale),
		cmocka_unit_test(test_fds_closed),
		cmocka_unit_test(test_argv_exact),
		cmocka_unit_test(test_mask_and_dispositions_reset),
		cmocka_unit_test(test_exit_status),
		cmocka_unit_test(test_stdin_data),
		cmocka_unit_test(test_killed_by_signal),
		cmocka_unit_test(test_timeout_term),
		cmocka_unit_test(test_timeout_kill_after_grace),
		cmocka_unit_test(test_signal_forwarding),
		cmocka_unit_test(test_sigpipe_consumed),
		cmocka_unit_test(test_exec_failure),
		cmocka_unit_test(test_check_trusted),
		cmocka_unit_test(test_check_trusted_message),
		cmocka_unit_test(test_check_trusted_as_nobody),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_capture_docker),
		cmocka_unit_test(test_client_gone),
	};

	if (argc >= 4 && strcmp(argv[1], HELPER) == 0)
		return helper(argc, argv);
	return cmocka_run_group_tests(tests, setup, teardown);
}
