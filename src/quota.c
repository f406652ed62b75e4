/*
 * quota.c: max_containers (issue 16): the check decide() makes through
 * the resolver, and the per-role lock a session holds from the count
 * until docker has created the container, so that two sessions can not
 * both pass one free place.
 *
 * Invariants:
 * - No lock, no count, no answer: each is a denial (unavailable), never
 *   an allow.
 * - The lock file is opened without following links, and never by path
 *   again; the holder process gets the same open file description.
 */
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "decide.h"
#include "engine.h"
#include "quota.h"
#include "util.h"

static char errbuf[512];

int
quota_command_takes(const char *canon)
{
	return strcmp(canon, "container run") == 0 ||
	    strcmp(canon, "container create") == 0;
}

int
quota_rule_takes(const char *canon)
{
	return quota_command_takes(canon) || strcmp(canon, "compose") == 0;
}

int
quota_check(long max, long want, const char *role,
    const struct resolver *res, int *unavailable, char *buf, size_t len)
{
	const char *err;
	long n;

	if (res == NULL || res->count == NULL) {
		(void)snprintf(buf, len, "this rule's max_containers needs a "
		    "count of the role's containers, which is not available "
		    "here");
		return -1;
	}
	if (res->count(res->count_ctx, role, &n, unavailable, &err) != 0) {
		(void)snprintf(buf, len, "cannot count the containers of role "
		    "%s for max_containers: %s", role, err);
		*unavailable = 1;
		return -1;
	}
	if (want > 1 && n + want > max) {
		(void)snprintf(buf, len, "this would create %s%ld containers "
		    "and role %s already has %ld (running or stopped); this "
		    "rule allows at most %ld (max_containers)", want > max ?
		    "more than " : "", want > max ? max : want, role, n, max);
		return -1;
	}
	if (n + want > max) {
		(void)snprintf(buf, len, "role %s already has %ld "
		    "container%s (running or stopped) and this rule allows "
		    "at most %ld (max_containers): remove one first", role, n,
		    n == 1 ? "" : "s", max);
		return -1;
	}
	return 0;
}

static long
now_ms(void)
{
	struct timespec ts;

	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
quota_lock(const char *dir, const char *role, int wait_ms, int *fd,
    const char **errstr)
{
	char path[512];
	long until = now_ms() + wait_ms;
	int d;

	*fd = -1;
	(void)snprintf(path, sizeof(path), "%s/quota.%s", dir, role);
	d = open(path, O_RDONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC |
	    O_NONBLOCK, 0644);
	if (d == -1) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "cannot open the "
		    "quota lock %s: %s (the directory %s must exist, "
		    "root-owned, mode 1733)", path, strerror(errno), dir);
		return -1;
	}
	/* Made by this account: readable by the role's other accounts,
	 * whatever the umask (not ours: fails, and changes nothing). */
	(void)fchmod(d, 0644);
	while (flock(d, LOCK_EX | LOCK_NB) == -1) {
		if ((errno != EWOULDBLOCK && errno != EINTR) ||
		    now_ms() >= until) {
			*errstr = errfmt(errbuf, sizeof(errbuf), "cannot lock "
			    "%s: %s", path, errno == EWOULDBLOCK ? "another "
			    "session holds it too long" : strerror(errno));
			(void)close(d);
			return -1;
		}
		(void)poll(NULL, 0, 20);
	}
	*fd = d;
	return 0;
}

/* The holder: wait for the container, the session's end, or time. */
static void
hold(int rd, const char *host, const char *label, long before)
{
	struct pollfd p;
	long until = now_ms() + QUOTA_HOLD_MS, n;
	const char *err;
	int unavailable;

	p.fd = rd;
	p.events = POLLIN;
	while (now_ms() < until) {
		p.revents = 0;
		if (poll(&p, 1, QUOTA_POLL_MS) != 0 && p.revents != 0)
			return;		/* the session ended */
		if (engine_count_labelled(host, label, &n, &unavailable,
		    &err) == 0 && n > before)
			return;
	}
}

int
quota_hold(int fd, const char *host, const char *label, long before,
    int *done, const char **errstr)
{
	pid_t pid;
	int p[2], null;

	*done = -1;
	if (pipe2(p, O_CLOEXEC) == -1) {
		*errstr = "cannot make a pipe for the quota lock";
		(void)close(fd);
		return -1;
	}
	if ((pid = fork()) == -1) {
		*errstr = "cannot fork the quota lock holder";
		(void)close(p[0]);
		(void)close(p[1]);
		(void)close(fd);
		return -1;
	}
	if (pid == 0) {
		/* Detach: a grandchild, its output nowhere, so that sshd
		 * does not wait for it and main never reaps it. */
		(void)close(p[1]);
		if (fork() != 0)
			_exit(0);
		if ((null = open("/dev/null", O_RDWR)) != -1) {
			(void)dup2(null, 0);
			(void)dup2(null, 1);
			(void)dup2(null, 2);
		}
		(void)setsid();
		hold(p[0], host, label, before);
		_exit(0);
	}
	while (waitpid(pid, NULL, 0) == -1 && errno == EINTR)
		;
	(void)close(p[0]);
	(void)close(fd);	/* the holder's copy keeps the lock */
	*done = p[1];
	return 0;
}
