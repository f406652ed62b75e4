/*
 * run.c: the executor.  Process hygiene for the gateway, the trust check of
 * the docker binary and config directory, the child's environment, and
 * clone + execve + signal forwarding + timeout + wait.
 *
 * Security invariants:
 * - The child's environment MUST be built from empty: PATH, HOME, USER,
 *   LOGNAME, LANG/LC_ALL only when their values are sane, DOCKER_HOST and
 *   DOCKER_CONFIG from the policy, DOCKER_CLI_HOOKS/HINTS=false.  Nothing
 *   the client or the account's environment holds MAY reach the docker CLI.
 * - The binary MUST be executed by absolute path with execve(2); no shell,
 *   no PATH search.
 * - The child MUST start with fds 0-2 open and every other descriptor
 *   closed (close-on-exec), default signal dispositions and an empty mask.
 * - The docker binary and config directory MUST be trusted paths by the
 *   one rule of trust.c.
 * - An exec failure MUST be reported to the caller (exit 69), never
 *   mistaken for docker's own exit status.
 * - The gateway MUST NOT die from SIGHUP/SIGINT/SIGTERM/SIGPIPE while
 *   docker runs: they are blocked, consumed and (except SIGPIPE) forwarded.
 * - Docker MUST NOT outlive the client: when the reader of our stdout or
 *   stderr goes away, docker gets SIGHUP and, after the grace, SIGKILL.
 * - Filtered output (run_exec_filtered) MUST reach fd 1 only as the
 *   filter's result over all of docker's stdout: nothing when it is over
 *   RUN_MAX_FILTERED_BYTES, unreadable, or the filter fails.
 * - Line-filtered output (run_exec_lines) MUST reach fd 1 only as the
 *   filter's result over one complete line at a time: a line the filter
 *   refuses, one over RUN_MAX_LINE_BYTES and an unterminated last line
 *   are never written, and nothing after a refused line is.
 * - After a timeout or a vanished client, run_end_session kills only the
 *   containers whose own SESSION_LABEL is this session's, never one that
 *   inherited the label from its image.
 */
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "decide.h"
#include "engine.h"
#include "labels.h"
#include "run.h"
#include "util.h"

#define RUN_MAX_LOCALE		64	/* bytes of a LANG / LC_ALL value kept */
#define RUN_ERRBUF		(2 * PATH_MAX + 128)	/* message buffer */
#define RUN_MS_PER_SEC		1000L
#define RUN_NS_PER_MS		1000000L
#define RUN_UNKNOWN_STATUS	(255 << 8)	/* wait status: exit 255 */
#define RUN_SPAWN_STACK		(64 * 1024)	/* the child's, until execve */

/*
 * Code that runs in the child on its own stack: AddressSanitizer does not
 * know that stack and would report its frames as overflows.
 */
#define CHILD_CODE	__attribute__((no_sanitize_address))

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC	(1U << 2)
#endif

static char errbuf[RUN_ERRBUF];

/* ------------------------------------------------------------------ */
/* Process hygiene                                                      */
/* ------------------------------------------------------------------ */

/* Open /dev/null on each of fds 0-2 that is closed. */
static int
open_std_fds(void)
{
	int fd, nfd;

	for (fd = 0; fd <= STDERR_FILENO; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		/* The lowest free descriptor is fd itself. */
		if ((nfd = open("/dev/null", O_RDWR)) == -1)
			return -1;
		if (nfd != fd) {
			(void)close(nfd);
			errno = EBADF;
			return -1;
		}
	}
	return 0;
}

/* Fallback for kernels without close_range(2): walk /proc/self/fd. */
static int
close_from_proc(void)
{
	DIR *d;
	struct dirent *de;
	long fd;
	char *end;
	int dfd;

	if ((d = opendir("/proc/self/fd")) == NULL)
		return -1;
	dfd = dirfd(d);
	while ((de = readdir(d)) != NULL) {
		errno = 0;
		fd = strtol(de->d_name, &end, 10);
		if (*end != '\0' || errno != 0 || fd <= STDERR_FILENO ||
		    fd == dfd || fd > INT_MAX)
			continue;
		(void)close((int)fd);
	}
	(void)closedir(d);
	return 0;
}

static void
close_from(int lowfd)
{
	long max, fd;

	if (syscall(SYS_close_range, (unsigned)lowfd, ~0U, 0U) == 0)
		return;
	if (lowfd == STDERR_FILENO + 1 && close_from_proc() == 0)
		return;
	if ((max = sysconf(_SC_OPEN_MAX)) < 0 || max > INT_MAX)
		max = INT_MAX;
	for (fd = lowfd; fd < max; fd++)
		(void)close((int)fd);
}

int
run_sanitize(const char **errstr)
{
	struct rlimit rl = { 0, 0 };

	if (open_std_fds() == -1) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "cannot open /dev/null: %s", strerror(errno));
		return -1;
	}
	close_from(STDERR_FILENO + 1);
	(void)umask(077);
	if (setrlimit(RLIMIT_CORE, &rl) == -1) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "cannot disable core dumps: %s", strerror(errno));
		return -1;
	}
	/* After the /proc walk: non-dumpable makes /proc/self root-owned. */
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == -1 ||
	    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "prctl: %s", strerror(errno));
		return -1;
	}
	/* A client that went away closed our stdout and stderr: a message
	 * written there must fail with EPIPE, not end us before the exit
	 * record.  docker starts with every disposition at its default. */
	if (signal(SIGPIPE, SIG_IGN) == SIG_ERR) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "cannot ignore SIGPIPE: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Environment                                                          */
/* ------------------------------------------------------------------ */

/* A locale name we pass on: short, [A-Za-z0-9_.@-] only. */
static int
locale_sane(const char *v)
{
	size_t n;

	if (v == NULL || (n = strlen(v)) == 0 || n > RUN_MAX_LOCALE)
		return 0;
	return strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789_.@-") == n;
}

static void
env_add(char **env, size_t *i, size_t nenv, const char *name,
    const char *value)
{
	/* Keep the NULL slot; a missing value means "leave it unset". */
	if (value == NULL || *i + 1 >= nenv)
		return;
	env[(*i)++] = xasprintf("%s=%s", name, value);
	env[*i] = NULL;
}

void
run_build_env(const struct run_spec *spec, char **env, size_t nenv)
{
	const char *lang = getenv("LANG"), *lc = getenv("LC_ALL");
	size_t i = 0;

	if (nenv == 0)
		return;
	env[0] = NULL;
	env_add(env, &i, nenv, "PATH", RUN_PATH);
	env_add(env, &i, nenv, "HOME", spec->home);
	env_add(env, &i, nenv, "USER", spec->user);
	env_add(env, &i, nenv, "LOGNAME", spec->user);
	env_add(env, &i, nenv, "LANG", locale_sane(lang) ? lang : NULL);
	env_add(env, &i, nenv, "LC_ALL", locale_sane(lc) ? lc : NULL);
	env_add(env, &i, nenv, "DOCKER_HOST", spec->host);
	env_add(env, &i, nenv, "DOCKER_CONFIG", spec->config_dir);
	env_add(env, &i, nenv, "DOCKER_CLI_HOOKS", "false");
	env_add(env, &i, nenv, "DOCKER_CLI_HINTS", "false");
}

void
run_free_env(char **env)
{
	size_t i;

	if (env == NULL)
		return;
	for (i = 0; env[i] != NULL; i++) {
		free(env[i]);
		env[i] = NULL;
	}
}

/* ------------------------------------------------------------------ */
/* clone, exec, wait                                                    */
/* ------------------------------------------------------------------ */

/* What the parent's wait loop tracks. */
struct child {
	pid_t		pid;
	int		own_group;	/* leads its own process group */
	int		status;		/* wait status once reaped */
	int		reaped;
	int		termed;		/* SIGTERM (timeout) or SIGHUP (client
					   gone) sent: SIGKILL at the deadline */
	int		timedout;	/* by the policy's timeout */
	int		gone;		/* the client went away */
	int		killed;		/* SIGKILL sent */
	struct timespec	start;
	struct timespec	deadline;	/* next timeout step, if armed */
	int		armed;
};

/*
 * What run_exec and run_exec_filtered hold while docker runs: its
 * environment, and our signal state (the signals we wait for blocked, to
 * be read from a signalfd; SIGCHLD at its default) to restore afterwards.
 */
struct frame {
	char		*env[RUN_MAX_ENV + 1];
	sigset_t	 set;		/* HUP INT TERM CHLD PIPE */
	sigset_t	 oldmask;
	struct sigaction oldchld;
};

static void
frame_enter(const struct run_spec *spec, struct frame *f)
{
	struct sigaction dfl;

	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	run_build_env(spec, f->env, sizeof(f->env) / sizeof(f->env[0]));
	(void)sigemptyset(&f->set);
	(void)sigaddset(&f->set, SIGHUP);
	(void)sigaddset(&f->set, SIGINT);
	(void)sigaddset(&f->set, SIGTERM);
	(void)sigaddset(&f->set, SIGCHLD);
	(void)sigaddset(&f->set, SIGPIPE);
	/* SIGCHLD must not be ignored, or the child is reaped for us. */
	(void)sigaction(SIGCHLD, &dfl, &f->oldchld);
	(void)sigprocmask(SIG_BLOCK, &f->set, &f->oldmask);
}

/*
 * Restore our signal state, first discarding what arrived for the child
 * so that unblocking is quiet, and free the environment.
 */
static void
frame_leave(struct frame *f)
{
	struct timespec zero = { 0, 0 };

	while (sigtimedwait(&f->set, NULL, &zero) > 0)
		;
	(void)sigprocmask(SIG_SETMASK, &f->oldmask, NULL);
	(void)sigaction(SIGCHLD, &f->oldchld, NULL);
	run_free_env(f->env);
}

/*
 * glibc reserves the real-time signals below SIGRTMIN (32 and 33) and its
 * sigaction() refuses them, so an ignored disposition inherited from
 * whoever started us would survive into docker.  The kernel's own
 * rt_sigaction resets them.  Async-signal-safe.
 */
static void CHILD_CODE
reset_reserved_signals(void)
{
	struct {
		void		(*handler)(int);
		unsigned long	 flags;
		void		(*restorer)(void);
		unsigned long	 mask;
	} k = { SIG_DFL, 0, NULL, 0 };
	int sig;

	for (sig = 32; sig < SIGRTMIN; sig++)
		(void)syscall(SYS_rt_sigaction, sig, &k, NULL, sizeof(k.mask));
}

/* How the child's standard descriptors are set up before execve. */
struct stdio_plan {
	int	infd;		/* stdin from this fd, or -1: inherited */
	int	outfd;		/* stdout from this fd, or -1: inherited */
	int	devnull;	/* stdin and stderr on /dev/null */
	int	own_group;	/* leads its own process group */
};

/*
 * In the child, between clone and execve.  It shares the parent's memory,
 * so it makes system calls only (async-signal-safe, no malloc, no stdio)
 * and never returns: a failure writes errno to errfd (close-on-exec, so
 * the parent reads EOF when execve succeeds) and ends with 127.
 */
static void __attribute__((noreturn)) CHILD_CODE
child_exec(const struct run_spec *spec, char *const *env,
    const struct stdio_plan *io, int errfd)
{
	struct sigaction sa;
	sigset_t empty;
	int sig, nfd, e;

	if (io->devnull && ((nfd = open("/dev/null", O_RDWR)) == -1 ||
	    dup2(nfd, STDIN_FILENO) == -1 || dup2(nfd, STDERR_FILENO) == -1))
		goto fail;
	if (io->outfd != -1 && dup2(io->outfd, STDOUT_FILENO) == -1)
		goto fail;
	if (io->infd != -1 && dup2(io->infd, STDIN_FILENO) == -1)
		goto fail;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	(void)sigemptyset(&sa.sa_mask);
	/* Ignored dispositions survive execve; the CLI gets defaults. */
	for (sig = 1; sig < NSIG; sig++)
		(void)sigaction(sig, &sa, NULL);
	reset_reserved_signals();
	(void)sigemptyset(&empty);
	(void)sigprocmask(SIG_SETMASK, &empty, NULL);
	if (io->own_group)
		(void)setpgid(0, 0);
	/* errfd is close-on-exec already; so is everything else now. */
	if (syscall(SYS_close_range, STDERR_FILENO + 1U, ~0U,
	    CLOSE_RANGE_CLOEXEC) == -1) {
		long fd, max = sysconf(_SC_OPEN_MAX);

		for (fd = STDERR_FILENO + 1; fd < max && fd < INT_MAX; fd++)
			(void)fcntl((int)fd, F_SETFD, FD_CLOEXEC);
	}
	(void)execve(spec->binary, spec->argv, env);
fail:
	e = errno;
	/* Nothing to do if this fails: the parent then sees EIO. */
	if (write(errfd, &e, sizeof(e)) != (ssize_t)sizeof(e))
		_exit(127);
	_exit(127);
}

/* What the child needs; it runs on its own stack, in our memory. */
struct spawn_args {
	const struct run_spec	*spec;
	char *const		*env;
	const struct stdio_plan	*io;
	int			 errfd;
};

static int CHILD_CODE
spawn_child(void *arg)
{
	const struct spawn_args *a = arg;

	child_exec(a->spec, a->env, a->io, a->errfd);
}

/* Read the exec error pipe: 0 when execve succeeded (EOF). */
static int
exec_error(int fd)
{
	ssize_t n;
	int e;

	do
		n = read(fd, &e, sizeof(e));
	while (n == -1 && errno == EINTR);
	if (n == 0)
		return 0;
	return n == (ssize_t)sizeof(e) ? e : EIO;
}

/*
 * Start the child: 0 with *pid, or an errno value (the child, if any, is
 * reaped).  clone(CLONE_VM | CLONE_VFORK), as posix_spawn does, rather
 * than fork: no copy of our page tables and no copy-on-write faults after
 * it.  The child runs on a stack of its own until execve; we resume when
 * it has exec'd or exited.  Every signal is blocked across it, so that no
 * disposition of ours runs in the child before it resets them.  The exec
 * error still comes over a pipe, which also holds where clone degrades to
 * fork (valgrind).  glibc's posix_spawn is not used: it leaves glibc's
 * reserved signals 32 and 33 ignored in the child.
 */
static int
spawn(const struct run_spec *spec, char *const *env,
    const struct stdio_plan *io, pid_t *pid)
{
	struct spawn_args a = { spec, env, io, -1 };
	sigset_t all, old;
	void *stack;
	int pfd[2], e;

	if (pipe2(pfd, O_CLOEXEC) == -1)
		return errno;
	stack = mmap(NULL, RUN_SPAWN_STACK, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (stack == MAP_FAILED) {
		e = errno;
		(void)close(pfd[0]);
		(void)close(pfd[1]);
		return e;
	}
	a.errfd = pfd[1];
	(void)sigfillset(&all);
	(void)sigprocmask(SIG_BLOCK, &all, &old);
	*pid = clone(spawn_child, (char *)stack + RUN_SPAWN_STACK,
	    CLONE_VM | CLONE_VFORK | SIGCHLD, &a);
	e = *pid == -1 ? errno : 0;
	(void)sigprocmask(SIG_SETMASK, &old, NULL);
	(void)munmap(stack, RUN_SPAWN_STACK);
	(void)close(pfd[1]);
	if (e == 0 && (e = exec_error(pfd[0])) != 0)
		while (waitpid(*pid, NULL, 0) == -1 && errno == EINTR)
			;
	(void)close(pfd[0]);
	return e;
}

static void
ts_add(struct timespec *t, long sec)
{
	(void)clock_gettime(CLOCK_MONOTONIC, t);
	t->tv_sec += sec;
}

static long
ms_between(const struct timespec *a, const struct timespec *b)
{
	return (long)(b->tv_sec - a->tv_sec) * RUN_MS_PER_SEC +
	    (b->tv_nsec - a->tv_nsec) / RUN_NS_PER_MS;
}

/* Time left until the deadline, clamped at zero; NULL if none. */
static struct timespec *
time_left(const struct child *c, struct timespec *left)
{
	struct timespec now;

	if (!c->armed)
		return NULL;
	(void)clock_gettime(CLOCK_MONOTONIC, &now);
	left->tv_sec = c->deadline.tv_sec - now.tv_sec;
	left->tv_nsec = c->deadline.tv_nsec - now.tv_nsec;
	if (left->tv_nsec < 0) {
		left->tv_nsec += RUN_NS_PER_MS * RUN_MS_PER_SEC;
		left->tv_sec--;
	}
	if (left->tv_sec < 0)
		left->tv_sec = left->tv_nsec = 0;
	return left;
}

/* SIGKILL is due after the grace from now. */
static void
arm_grace(struct child *c, const struct run_spec *spec)
{
	ts_add(&c->deadline, spec->grace > 0 ? spec->grace : RUN_GRACE_SEC);
	c->armed = 1;
}

/* The deadline passed: SIGTERM first, then SIGKILL after the grace. */
static void
on_deadline(struct child *c, const struct run_spec *spec)
{
	if (!c->termed) {
		c->termed = 1;
		c->timedout = 1;
		(void)kill(c->pid, SIGTERM);
		arm_grace(c, spec);
		return;
	}
	c->killed = 1;
	c->armed = 0;
	/* Plugins (compose) are the CLI's children: kill them too. */
	(void)kill(c->own_group ? -c->pid : c->pid, SIGKILL);
}

static void
try_reap(struct child *c)
{
	pid_t r;

	do
		r = waitpid(c->pid, &c->status, WNOHANG);
	while (r == -1 && errno == EINTR);
	if (r == c->pid)
		c->reaped = 1;
	else if (r == -1 && errno == ECHILD) {
		/* Reaped behind our back: the status is unknown, not 0. */
		c->status = RUN_UNKNOWN_STATUS;
		c->reaped = 1;
	}
}

/*
 * The client went away: what a hang-up on a terminal would send, SIGHUP,
 * then SIGKILL after the grace (a docker run proxies the SIGHUP to its
 * container and waits on, and a PID 1 may ignore it).
 */
static void
on_gone(struct child *c, const struct run_spec *spec)
{
	c->gone = 1;
	if (c->termed)
		return;		/* the timeout's SIGKILL is already due */
	c->termed = 1;
	(void)kill(c->pid, SIGHUP);
	arm_grace(c, spec);
}

/*
 * Our stdout and stderr, when pipes or sockets, lead to sshd: when the
 * client goes away sshd closes its ends, and poll says POLLERR or POLLHUP
 * on ours even if docker never writes again.  A terminal or a file tells
 * nothing (fd -1: poll skips it).  w[0] watches stdout, w[1] stderr.
 */
static void
watch_client(struct pollfd *w)
{
	struct stat st;
	int i;

	for (i = 0; i < 2; i++) {
		w[i].fd = fstat(STDOUT_FILENO + i, &st) == 0 &&
		    (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)) ?
		    STDOUT_FILENO + i : -1;
		w[i].events = 0;	/* only POLLERR / POLLHUP */
	}
}

/* After a ppoll: if the client went away, stop watching and end docker. */
static void
check_client(struct child *c, const struct run_spec *spec, struct pollfd *w)
{
	if (((w[0].revents | w[1].revents) & (POLLERR | POLLHUP)) == 0)
		return;
	w[0].fd = w[1].fd = -1;
	on_gone(c, spec);
}

/* Signals that arrived on sfd: forward HUP/INT/TERM, then try to reap. */
static void
take_signals(struct child *c, int sfd)
{
	struct signalfd_siginfo si;

	while (read(sfd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
		if (si.ssi_signo == SIGHUP || si.ssi_signo == SIGINT ||
		    si.ssi_signo == SIGTERM)
			(void)kill(c->pid, (int)si.ssi_signo);
		/* SIGPIPE is consumed; SIGCHLD is handled below. */
	}
	try_reap(c);
}

/*
 * Wait for the child, forwarding signals, enforcing the timeout and
 * ending it when the client goes away.
 */
static void
wait_loop(struct child *c, const struct run_spec *spec, const sigset_t *set)
{
	struct pollfd p[3];
	struct timespec left;
	int sfd, r;

	if ((sfd = signalfd(-1, set, SFD_CLOEXEC | SFD_NONBLOCK)) != -1) {
		p[0].fd = sfd;
		p[0].events = POLLIN;
		watch_client(p + 1);
	}
	while (!c->reaped && sfd != -1) {
		p[0].revents = p[1].revents = p[2].revents = 0;
		r = ppoll(p, 3, time_left(c, &left), NULL);
		if (r == -1 && errno != EINTR)
			break;
		if (r == 0 && c->armed)
			on_deadline(c, spec);
		if (r > 0)
			check_client(c, spec, p + 1);
		take_signals(c, sfd);
	}
	if (!c->reaped) {
		/* Cannot wait for signals: make sure it ends. */
		(void)kill(c->pid, SIGKILL);
		while (waitpid(c->pid, &c->status, 0) == -1 && errno == EINTR)
			;
		c->reaped = 1;
	}
	if (sfd != -1)
		(void)close(sfd);
}

static void
fill_result(const struct child *c, struct run_result *res)
{
	struct timespec end;

	(void)clock_gettime(CLOCK_MONOTONIC, &end);
	memset(res, 0, sizeof(*res));
	res->timed_out = c->timedout;
	res->client_gone = c->gone;
	res->duration_ms = ms_between(&c->start, &end);
	if (WIFEXITED(c->status)) {
		res->status = WEXITSTATUS(c->status);
	} else {
		res->status = -1;
		res->sig = WIFSIGNALED(c->status) ? WTERMSIG(c->status) :
		    SIGKILL;
	}
}

/*
 * Start the child, its stdin on infd and stdout on outfd (-1: inherited);
 * 0 or an errno.
 */
static int
start_child(struct child *c, const struct run_spec *spec, char *const *env,
    int infd, int outfd)
{
	struct stdio_plan io = { infd, outfd, 0, 0 };

	io.own_group = c->own_group = !isatty(STDIN_FILENO);
	(void)clock_gettime(CLOCK_MONOTONIC, &c->start);
	return spawn(spec, env, &io, &c->pid);
}

static int write_all(int, const char *, size_t);

/*
 * The bytes docker gets as its standard input: a memfd holding exactly
 * data, sealed (no write, grow or shrink) so that nothing can change them
 * after the check, at offset 0.  0 with *fd, or an errno value.  A memfd
 * rather than a pipe: no writer to keep in the wait loop, and a docker
 * that stops reading cannot stall us.
 */
static int
stdin_memfd(const char *data, size_t len, int *fd)
{
	int m, e;

	if ((m = memfd_create("dockergate-stdin", MFD_CLOEXEC |
	    MFD_ALLOW_SEALING)) == -1)
		return errno;
	if ((e = write_all(m, data, len)) == 0 &&
	    (lseek(m, 0, SEEK_SET) == -1 || fcntl(m, F_ADD_SEALS,
	    F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE) == -1))
		e = errno;
	if (e != 0) {
		(void)close(m);
		return e;
	}
	*fd = m;
	return 0;
}

int
run_exec(const struct run_spec *spec, struct run_result *res,
    const char **errstr)
{
	struct frame f;
	struct child c;
	int e, in = -1, ret = -1;

	memset(&c, 0, sizeof(c));
	frame_enter(spec, &f);
	if (spec->stdin_data != NULL &&
	    (e = stdin_memfd(spec->stdin_data, spec->stdin_len, &in)) != 0) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "cannot hold standard input for docker: %s", strerror(e));
		goto done;
	}
	e = start_child(&c, spec, f.env, in, -1);
	if (in != -1)
		(void)close(in);
	if (e != 0) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "cannot execute %s: %s", spec->binary, strerror(e));
		goto done;
	}
	if (spec->timeout > 0) {
		ts_add(&c.deadline, spec->timeout);
		c.armed = 1;
	}
	wait_loop(&c, spec, &f.set);
	fill_result(&c, res);
	ret = 0;
done:
	frame_leave(&f);
	return ret;
}

/* ------------------------------------------------------------------ */
/* clone, exec, filter stdout                                           */
/* ------------------------------------------------------------------ */

#define RUN_FILTER_CHUNK	65536	/* bytes read from the pipe at once */

/* The child's whole stdout, as read so far. */
struct outbuf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

/* Read what the pipe holds now: 1 at EOF, 0 if it would block, or -errno. */
static int
read_some(int fd, struct outbuf *b)
{
	ssize_t n;

	for (;;) {
		if (b->cap - b->len < RUN_FILTER_CHUNK + 1) {
			b->cap = b->cap ? 2 * b->cap : 2 * RUN_FILTER_CHUNK;
			b->p = xreallocarray(b->p, b->cap, 1);
		}
		n = read(fd, b->p + b->len, RUN_FILTER_CHUNK);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return errno == EAGAIN ? 0 : -errno;
		if (n == 0)
			return 1;
		b->len += (size_t)n;
		b->p[b->len] = '\0';
		if (b->len > RUN_MAX_FILTERED_BYTES)
			return -EFBIG;
	}
}

static int	write_all(int, const char *, size_t);

/*
 * Line mode (run_exec_lines): each complete line is filtered and written
 * as it arrives.  failed: the filter refused a line (ferr says why), and
 * nothing more is written; gone: writing to the client failed.
 */
struct stream {
	run_filter_fn	 filter;
	const char	*ferr;
	int		 failed;
	int		 gone;
};

/* Filter and write one line; 0, or -1 once the filter refused one. */
static int
pass_line(struct child *c, const struct run_spec *spec, struct stream *s,
    const char *line, size_t len)
{
	char *out = NULL, *copy;
	size_t outlen = 0;
	int r;

	/* Filters get NUL-terminated input. */
	copy = xmalloc(len + 1);
	memcpy(copy, line, len);
	copy[len] = '\0';
	r = s->filter(copy, len, &out, &outlen, &s->ferr);
	free(copy);
	if (r != 0) {
		s->failed = 1;
		return -1;
	}
	if (!s->gone && write_all(STDOUT_FILENO, out, outlen) != 0) {
		/* The client's end is closed: as if poll had said so. */
		s->gone = 1;
		on_gone(c, spec);
	}
	free(out);
	return 0;
}

/*
 * Pass every complete line of b on and keep the rest; 0, or an errno
 * value: EFBIG for a line over RUN_MAX_LINE_BYTES, EBADMSG when the
 * filter refused a line.  At EOF a last line without its newline is
 * dropped, never shown unfiltered.
 */
static int
drain(struct child *c, const struct run_spec *spec, struct stream *s,
    struct outbuf *b)
{
	char *nl;
	size_t off = 0;

	while (off < b->len && (nl = memchr(b->p + off, '\n',
	    b->len - off)) != NULL) {
		if ((size_t)(nl - b->p) - off >= RUN_MAX_LINE_BYTES)
			return EFBIG;
		if (pass_line(c, spec, s, b->p + off,
		    (size_t)(nl - b->p) + 1 - off) != 0)
			return EBADMSG;
		off = (size_t)(nl - b->p) + 1;
	}
	memmove(b->p, b->p + off, b->len - off);
	b->len -= off;
	if (b->p != NULL)
		b->p[b->len] = '\0';
	return b->len > RUN_MAX_LINE_BYTES ? EFBIG : 0;
}

/*
 * Read the child's stdout from fd to EOF, forwarding signals, enforcing
 * the timeout and ending it when the client goes away, as wait_loop does.
 * With a stream (line mode), lines are passed on as they come.
 * Once the child is reaped, whatever the pipe still holds is all it
 * wrote: a grandchild holding the pipe open cannot stall us.  0, or an
 * errno value (EFBIG: over RUN_MAX_FILTERED_BYTES).
 */
static int
read_child(struct child *c, const struct run_spec *spec, const sigset_t *set,
    int fd, struct outbuf *b, struct stream *st)
{
	struct pollfd p[4];
	struct timespec left;
	int sfd, e, r = 0;

	if ((sfd = signalfd(-1, set, SFD_CLOEXEC | SFD_NONBLOCK)) == -1)
		return errno;
	p[0].fd = fd;
	p[1].fd = sfd;
	p[0].events = p[1].events = POLLIN;
	watch_client(p + 2);
	while (r == 0) {
		p[0].revents = p[1].revents = p[2].revents = p[3].revents = 0;
		r = ppoll(p, 4, time_left(c, &left), NULL);
		if (r == -1) {
			r = errno == EINTR ? 0 : -errno;
			continue;
		}
		if (r == 0 && c->armed)
			on_deadline(c, spec);
		if (r > 0)
			check_client(c, spec, p + 2);
		if (p[1].revents != 0)
			take_signals(c, sfd);
		r = read_some(fd, b);
		if (r == 0 && c->reaped)
			r = 1;
		if (r >= 0 && st != NULL && (e = drain(c, spec, st, b)) != 0)
			r = -e;
	}
	(void)close(sfd);
	return r == 1 ? 0 : -r;
}

/* Write all of buf to fd; 0, or an errno value. */
static int
write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, buf, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return errno;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Start the child with stdout on a pipe, read all of it, reap the child
 * (killing it if it wrote too much); 0 with *res, or an errno value
 * (EFBIG: too much output) with *res filled if it ran.
 */
static int
collect(const struct run_spec *spec, char *const *env, const sigset_t *set,
    struct outbuf *b, struct stream *st, struct run_result *res,
    int *started)
{
	struct child c;
	int out[2], e;

	memset(&c, 0, sizeof(c));
	if (pipe2(out, O_CLOEXEC) == -1)
		return errno;
	/* Our end only: docker's end stays blocking. */
	if (fcntl(out[0], F_SETFL, O_NONBLOCK) == -1)
		e = errno;
	else
		e = start_child(&c, spec, env, -1, out[1]);
	if (e != 0) {
		(void)close(out[0]);
		(void)close(out[1]);
		return e;
	}
	*started = 1;
	(void)close(out[1]);
	if (spec->timeout > 0) {
		ts_add(&c.deadline, spec->timeout);
		c.armed = 1;
	}
	if ((e = read_child(&c, spec, set, out[0], b, st)) != 0 && !c.reaped)
		(void)kill(c.own_group ? -c.pid : c.pid, SIGKILL);
	(void)close(out[0]);
	wait_loop(&c, spec, set);
	fill_result(&c, res);
	return e;
}

int
run_exec_filtered(const struct run_spec *spec, run_filter_fn filter,
    struct run_result *res, const char **errstr)
{
	struct outbuf b = { NULL, 0, 0 };
	struct frame f;
	const char *ferr = "filter failed";
	char *fout = NULL;
	size_t foutlen = 0;
	int e, started = 0, ret = -1;

	memset(res, 0, sizeof(*res));
	frame_enter(spec, &f);
	if ((e = collect(spec, f.env, &f.set, &b, NULL, res, &started)) != 0) {
		*errstr = !started ? errfmt(errbuf, sizeof(errbuf),
		    "cannot execute %s: %s", spec->binary, strerror(e)) :
		    e == EFBIG ? errfmt(errbuf, sizeof(errbuf), "docker "
		    "output over %d bytes: not shown", RUN_MAX_FILTERED_BYTES) :
		    errfmt(errbuf, sizeof(errbuf), "cannot read docker "
		    "output: %s", strerror(e));
		goto done;
	}
	/* Nobody to show it to: the result is what the audit record needs. */
	if (res->client_gone) {
		ret = 0;
		goto done;
	}
	if (filter(b.p != NULL ? b.p : "", b.len, &fout, &foutlen,
	    &ferr) != 0) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "output withheld: %s",
		    ferr);
		goto done;
	}
	/* SIGPIPE is still blocked: a closed stdout is an error, not death. */
	if ((e = write_all(STDOUT_FILENO, fout, foutlen)) != 0) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "cannot write "
		    "output: %s", strerror(e));
		goto done;
	}
	ret = 0;
done:
	free(fout);
	free(b.p);
	frame_leave(&f);
	return ret;
}

int
run_exec_lines(const struct run_spec *spec, run_filter_fn filter,
    struct run_result *res, const char **errstr)
{
	struct outbuf b = { NULL, 0, 0 };
	struct stream st = { filter, "filter failed", 0, 0 };
	struct frame f;
	int e, started = 0, ret = -1;

	memset(res, 0, sizeof(*res));
	frame_enter(spec, &f);
	e = collect(spec, f.env, &f.set, &b, &st, res, &started);
	if (st.gone)
		res->client_gone = 1;
	if (e != 0 && !res->client_gone) {
		*errstr = !started ? errfmt(errbuf, sizeof(errbuf),
		    "cannot execute %s: %s", spec->binary, strerror(e)) :
		    e == EBADMSG ? errfmt(errbuf, sizeof(errbuf), "output "
		    "withheld from here on: %s", st.ferr) :
		    e == EFBIG ? errfmt(errbuf, sizeof(errbuf), "docker "
		    "output line over %d bytes: not shown", RUN_MAX_LINE_BYTES) :
		    errfmt(errbuf, sizeof(errbuf), "cannot read docker "
		    "output: %s", strerror(e));
		goto done;
	}
	ret = 0;
done:
	free(b.p);
	frame_leave(&f);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Helper programs with captured output                                */
/* ------------------------------------------------------------------ */

#define RUN_CAPTURE_CHUNK	4096	/* bytes read from the pipe at once */
#define RUN_CAPTURE_POLL_MS	10	/* wait step while reaping */

/* Milliseconds until the deadline, at least 0. */
static int
ms_left(const struct timespec *deadline)
{
	struct timespec now;
	long ms;

	(void)clock_gettime(CLOCK_MONOTONIC, &now);
	ms = ms_between(&now, deadline);
	return ms < 0 ? 0 : ms > INT_MAX ? INT_MAX : (int)ms;
}

/* Read fd to EOF into buf (max bytes); 0, or an errno value. */
static int
capture_read(int fd, char **buf, size_t *len, size_t max,
    const struct timespec *deadline)
{
	struct pollfd p = { fd, POLLIN, 0 };
	ssize_t n;
	int r;

	for (;;) {
		if ((r = poll(&p, 1, ms_left(deadline))) == -1 &&
		    errno == EINTR)
			continue;
		if (r == -1)
			return errno;
		if (r == 0)
			return ETIMEDOUT;
		*buf = xreallocarray(*buf, *len + RUN_CAPTURE_CHUNK + 1, 1);
		if ((n = read(fd, *buf + *len, RUN_CAPTURE_CHUNK)) == -1 &&
		    errno == EINTR)
			continue;
		if (n == -1)
			return errno;
		if (n == 0)
			return 0;
		if ((*len += (size_t)n) > max)
			return EFBIG;
	}
}

/* Reap pid by the deadline, SIGKILL after it (or at once if kill_now). */
static int
capture_reap(pid_t pid, const struct timespec *deadline, int kill_now)
{
	struct timespec step = { 0, RUN_CAPTURE_POLL_MS * RUN_NS_PER_MS };
	int st = RUN_UNKNOWN_STATUS;
	pid_t r;

	if (kill_now)
		(void)kill(pid, SIGKILL);
	while ((r = waitpid(pid, &st, WNOHANG)) == 0 ||
	    (r == -1 && errno == EINTR)) {
		if (r == 0 && ms_left(deadline) == 0) {
			(void)kill(pid, SIGKILL);
			while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
				;
			break;
		}
		(void)nanosleep(&step, NULL);
	}
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : 255;
}

/*
 * Start the helper, stdin and stderr on /dev/null, stdout into a pipe: 0
 * with *pid and the read end in *rfd, or an errno.
 */
static int
capture_start(const struct run_spec *spec, char *const *env, pid_t *pid,
    int *rfd)
{
	struct stdio_plan io = { -1, -1, 1, 0 };
	int out[2], e;

	if (pipe2(out, O_CLOEXEC) == -1)
		return errno;
	io.outfd = out[1];
	e = spawn(spec, env, &io, pid);
	(void)close(out[1]);
	if (e != 0)
		(void)close(out[0]);
	else
		*rfd = out[0];
	return e;
}

/* The capture both run_capture and run_capture_docker make. */
static int
capture(const struct run_spec *spec, char *const *env, char **out,
    size_t max, long timeout, int *status, const char **errstr)
{
	struct sigaction dfl, oldchld;
	struct timespec deadline;
	size_t len = 0;
	pid_t pid;
	int fd = -1, e;

	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	*out = NULL;
	/* SIGCHLD must not be ignored, or the child is reaped for us. */
	(void)sigaction(SIGCHLD, &dfl, &oldchld);
	if ((e = capture_start(spec, env, &pid, &fd)) != 0) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "cannot execute %s: %s", spec->binary, strerror(e));
		(void)sigaction(SIGCHLD, &oldchld, NULL);
		return -1;
	}
	ts_add(&deadline, timeout);
	e = capture_read(fd, out, &len, max, &deadline);
	(void)close(fd);
	*status = capture_reap(pid, &deadline, e != 0);
	(void)sigaction(SIGCHLD, &oldchld, NULL);
	if (e != 0) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "%s: %s",
		    spec->binary, e == EFBIG ? "output too long" :
		    e == ETIMEDOUT ? "timed out" : strerror(e));
		free(*out);
		*out = NULL;
		return -1;
	}
	if (*out == NULL)
		*out = xcalloc(1, 1);
	(*out)[len] = '\0';
	return 0;
}

int
run_capture(const char *path, char *const argv[], char **out, size_t max,
    long timeout, int *status, const char **errstr)
{
	static char pathenv[] = "PATH=" RUN_PATH;
	char *env[] = { pathenv, NULL };
	struct run_spec spec;

	memset(&spec, 0, sizeof(spec));
	spec.binary = path;
	spec.argv = argv;
	return capture(&spec, env, out, max, timeout, status, errstr);
}

int
run_capture_docker(const struct run_spec *spec, char **out, size_t max,
    int *status, const char **errstr)
{
	char *env[RUN_MAX_ENV + 1];
	int r;

	run_build_env(spec, env, RUN_MAX_ENV + 1);
	r = capture(spec, env, out, max, spec->timeout > 0 ? spec->timeout :
	    RUN_CAPTURE_TIMEOUT_SEC, status, errstr);
	run_free_env(env);
	return r;
}

/*
 * 1 when container id (full, from the session's listing) is one this
 * session started: its SESSION_LABEL is its own, not its image's.
 *
 * The label alone does not prove it.  The session ID is visible on the
 * container while it runs, so a role that may commit, build or import can
 * make an image carrying SESSION_LABEL=session mid-session, and a
 * container someone else starts from it inherits that label.  A per-run
 * nonce would not help: it is just as visible.  Learning the ID from the
 * CLI (--cidfile) would mean a file docker writes on this host, for the
 * same answer.  What an image cannot fake is the value at create: the one
 * container our run creates gets the label from our --label, on an image
 * that existed before the session ID (random, in no record the client
 * reads) could be seen, so that image does not carry it; every other
 * container with the label got it from its image (the gateway refuses the
 * prefix in run --label, compose labels and service container labels),
 * and engine_container, which compares with the image by its immutable
 * ID, drops such a label.  Were the ID to leak before the create, our own
 * container would be spared, never another killed.  A container the
 * engine cannot show us is not killed: -1 with *errstr when the engine
 * failed, 0 when the container is gone.
 */
static int
session_own(const char *host, const char *session, const char *id,
    const char **errstr)
{
	struct target t;
	size_t i;
	int unavailable, r = 0;

	if (engine_container(host, id, &t, &unavailable, errstr) != 0)
		return unavailable ? -1 : 0;
	for (i = 0; i < t.nlabels; i++)
		if (strcmp(t.labels[i].key, SESSION_LABEL) == 0)
			r = strcmp(t.labels[i].value, session) == 0;
	decide_target_free(&t);
	return r;
}

/*
 * After a timeout or a client that went away: the container this session
 * started (labelled SESSION_LABEL=session) can outlive the docker CLI,
 * since a PID 1 without a handler ignores the SIGTERM or SIGHUP docker
 * proxied to it.  Kill it if it runs, with the same docker and
 * environment; never a container that only inherited the label from its
 * image (session_own).  0, or -1 with *errstr.
 */
int
run_end_session(const struct run_spec *run, const char *session,
    const char **errstr)
{
	char filter[64 + RUN_SESSION_ID_MAX], *out = NULL, *p, *e;
	char *lsv[] = { "docker", "container", "ls", "--quiet", "--no-trunc",
	    "--filter", filter, NULL };
	char *killv[4 + RUN_SESSION_MAX_KILL + 1] = { "docker", "container",
	    "kill", "--" };
	struct run_spec spec = *run;
	const char *unseen = NULL, *err;
	size_t n = 4;
	int status, r = -1;

	if (strlen(session) >= RUN_SESSION_ID_MAX) {
		*errstr = "session ID too long";
		return -1;
	}
	(void)snprintf(filter, sizeof(filter), "label=" SESSION_LABEL "=%s",
	    session);
	spec.argv = lsv;
	spec.timeout = RUN_CAPTURE_TIMEOUT_SEC;
	if (run_capture_docker(&spec, &out, RUN_SESSION_LS_MAX, &status,
	    errstr) != 0)
		return -1;
	if (status != 0) {
		*errstr = "docker container ls failed";
		goto done;
	}
	/* One full ID per line; anything else is not a container of ours. */
	for (p = out; *p != '\0' && n < 4 + RUN_SESSION_MAX_KILL; p = e) {
		e = p + strcspn(p, "\n");
		if (*e == '\n')
			*e++ = '\0';
		if (strlen(p) != 64 || strspn(p, "0123456789abcdef") != 64)
			continue;
		switch (session_own(run->host, session, p, &err)) {
		case 1:
			killv[n++] = p;
			break;
		case -1:
			unseen = err;
			break;
		}
	}
	killv[n] = NULL;
	r = 0;
	if (unseen != NULL) {	/* still kill the ones we could check */
		*errstr = unseen;
		r = -1;
	}
	if (n > 4) {
		char *kout = NULL;

		spec.argv = killv;
		if (run_capture_docker(&spec, &kout, RUN_SESSION_LS_MAX, &status,
		    errstr) != 0)
			r = -1;
		else if (status != 0) {
			*errstr = "docker container kill failed";
			r = -1;
		}
		free(kout);
	}
done:
	free(out);
	return r;
}
