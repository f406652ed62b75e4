/*
 * approval.c: held requests and root's decisions on them (issue 18).
 *
 * The gateway runs as the account (no setuid), so everything it writes the
 * account could also write.  The scheme therefore keeps every decision in
 * files only root can write, and the account's files carry no authority:
 *
 *   DIR/requests/   root, 1733.  A held request is DIR/requests/ID, made
 *                   O_EXCL|O_NOFOLLOW by the account, mode 0600: nobody
 *                   else can list, read or replace it (sticky).  Root
 *                   trusts it only as far as its owner: it must name the
 *                   account that owns it.
 *   DIR/approved/   root, 0755.  DIR/approved/ID is root's approval: the
 *                   account, uid, role and exact canonical argv it covers,
 *                   an expiry and a random nonce.  DIR/approved/ID.denied
 *                   is root's denial.
 *
 * Invariants:
 * - An approval MUST count only when the layout is safe (approval_layout),
 *   the file is root-owned, regular, not writable by group or others, and
 *   names the request's user, uid, role and argv exactly, and has not
 *   expired.  Anything else is no approval: held, never allowed.
 * - Using an approval MUST first create DIR/requests/used-NONCE with
 *   O_EXCL; if it exists the approval was used.  Two sessions racing for
 *   one approval: the kernel lets exactly one create succeed.
 * - Every file is opened with O_NOFOLLOW and judged by fstat on the
 *   descriptor, never stat-then-open.
 *
 * Residual risk, stated exactly (docs/security.md): the used-NONCE marker
 * belongs to the account, which may remove its own files even in a sticky
 * directory.  Only code running as the account can do that, and dockergate
 * never removes it; but an account that can run code of its own can reach
 * the docker socket and is root already.  The use is also in the decision
 * record ("approval": NONCE), which the account cannot take back from
 * syslog, and `dockergate pending` (root) deletes used and expired
 * approvals, so from then on root-owned state shows the use.  The ttl
 * bounds any replay window.  Another account that knows a nonce (the
 * approvals are world-readable) can burn it by creating the marker first:
 * a denial of service, never an allow.
 */
#include <sys/inotify.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "approval.h"
#include "audit.h"
#include "policy.h"
#include "reap.h"
#include "trust.h"
#include "util.h"

#define APPROVAL_ERRBUF		(PATH_MAX + 256)	/* message buffer */
#define APPROVAL_FNV_OFFSET	0xcbf29ce484222325ULL	/* FNV-1a 64 */
#define APPROVAL_FNV_PRIME	0x100000001b3ULL
#define APPROVAL_NAP_MS		20	/* between looks at notify's exit */

static char errbuf[APPROVAL_ERRBUF];

static volatile sig_atomic_t gone;	/* the client went away */

/* ------------------------------------------------------------------ */
/* Ids and files */

static void
fnv(uint64_t *h, const char *s)
{
	/* The NUL is hashed too: ("ab","c") and ("a","bc") differ. */
	do {
		*h ^= (unsigned char)*s;
		*h *= APPROVAL_FNV_PRIME;
	} while (*s++ != '\0');
}

void
approval_id(const char *user, const char *role, char *const *argv,
    char *id)
{
	uint64_t h = APPROVAL_FNV_OFFSET;
	size_t i;

	fnv(&h, user);
	fnv(&h, role);
	for (i = 0; argv[i] != NULL; i++)
		fnv(&h, argv[i]);
	(void)snprintf(id, APPROVAL_ID_LEN + 1, "%016llx",
	    (unsigned long long)h);
}

/* 1 if s is exactly len lower-case hex digits. */
static int
is_hex(const char *s, size_t len)
{
	return strlen(s) == len && strspn(s, "0123456789abcdef") == len;
}

static char *
path2(const char *dir, const char *sub, const char *name)
{
	return xasprintf("%s/%s/%s", dir, sub, name);
}

/*
 * Open path (never through a link) and read it whole, at most
 * APPROVAL_FILE_MAX bytes; *st from the descriptor.  Returns 0 and *buf
 * (caller frees), 1 when nothing exists there, or -1 with *errstr.
 */
static int
read_file(const char *path, struct stat *st, char **buf, size_t *len,
    const char **errstr)
{
	ssize_t n;
	int fd;

	*buf = NULL;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1 && errno == ENOENT)
		return 1;
	if (fd == -1 || fstat(fd, st) == -1) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "%s: %s", path,
		    strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st->st_mode) || st->st_size > APPROVAL_FILE_MAX) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "%s: not a regular "
		    "file of at most %d bytes", path, APPROVAL_FILE_MAX);
		goto fail;
	}
	*buf = xmalloc((size_t)st->st_size + 1);
	*len = 0;
	while ((n = read(fd, *buf + *len, (size_t)st->st_size - *len)) > 0 ||
	    (n == -1 && errno == EINTR))
		*len += n > 0 ? (size_t)n : 0;
	(*buf)[*len] = '\0';
	if (n == -1) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "%s: %s", path,
		    strerror(errno));
		goto fail;
	}
	(void)close(fd);
	return 0;
fail:
	free(*buf);
	*buf = NULL;
	if (fd != -1)
		(void)close(fd);
	return -1;
}

/* A decision file counts only if root wrote it and only root can change it. */
static int
root_file(const struct stat *st)
{
	return S_ISREG(st->st_mode) && st->st_uid == 0 &&
	    (st->st_mode & 022) == 0 && st->st_nlink == 1;
}

static const char *
jget(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* 1 if the JSON array a holds exactly the strings of argv. */
static int
argv_equal(json_t *a, char *const *argv)
{
	size_t i, n = json_array_size(a);
	const char *s;

	if (!json_is_array(a))
		return 0;
	for (i = 0; i < n && argv[i] != NULL; i++)
		if ((s = json_string_value(json_array_get(a, i))) == NULL ||
		    strcmp(s, argv[i]) != 0)
			return 0;
	return i == n && argv[i] == NULL;
}

static json_t *
argv_json(char *const *argv)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; argv[i] != NULL; i++)
		json_array_append_new(a, json_string(argv[i]));
	return a;
}

/* ------------------------------------------------------------------ */
/* The gateway's side */

static int
dir_check(const char *path, int root_only, const char **errstr)
{
	struct stat st;

	if (lstat(path, &st) == -1) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "approvals: %s: %s "
		    "(the packages create it; see dockergate(8))", path,
		    strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode) || st.st_uid != 0 || (root_only ?
	    (st.st_mode & 022) != 0 :
	    (st.st_mode & 07777) != APPROVAL_REQUESTS_MODE)) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "approvals: %s must "
		    "be a directory owned by root, mode %s", path, root_only ?
		    "0755" : "1733");
		return -1;
	}
	return 0;
}

int
approval_layout(const char *dir, const char **errstr)
{
	char *p;
	int r;

	if (trust_path(dir, TRUST_DIR, NULL, 0, errstr) != 0)
		return -1;
	p = xasprintf("%s/" APPROVAL_APPROVED, dir);
	r = dir_check(p, 1, errstr);
	free(p);
	if (r != 0)
		return -1;
	p = xasprintf("%s/" APPROVAL_REQUESTS, dir);
	r = dir_check(p, 0, errstr);
	free(p);
	return r;
}

static int
newer(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec > b->tv_sec || (a->tv_sec == b->tv_sec &&
	    a->tv_nsec >= b->tv_nsec);
}

/* A root denial of id made at or after held: 1 and reason, else 0. */
static int
denied(const char *dir, const char *id, const struct timespec *held,
    char *reason, size_t rlen)
{
	char *name = xasprintf("%s" APPROVAL_DENIED_SUFFIX, id);
	char *path = path2(dir, APPROVAL_APPROVED, name), *buf = NULL;
	const char *err, *why;
	struct stat st;
	json_t *o = NULL;
	size_t len;
	int r = 0;

	if (read_file(path, &st, &buf, &len, &err) != 0 || !root_file(&st) ||
	    !newer(&st.st_mtim, held))
		goto done;
	o = json_loadb(buf, len, 0, NULL);
	why = o != NULL ? jget(o, "reason") : NULL;
	(void)snprintf(reason, rlen, "%s", why != NULL && *why != '\0' ?
	    why : "no reason given");
	r = 1;
done:
	json_decref(o);
	free(buf);
	free(path);
	free(name);
	return r;
}

/* Whether approval o covers rq at now and is well formed: 1 or 0. */
static int
covers(json_t *o, const char *id, const struct approval_req *rq, time_t now)
{
	const char *s;
	json_int_t uid, exp;

	if (!json_is_object(o) || (s = jget(o, "id")) == NULL ||
	    strcmp(s, id) != 0 || (s = jget(o, "user")) == NULL ||
	    strcmp(s, rq->user) != 0 || (s = jget(o, "role")) == NULL ||
	    strcmp(s, rq->role) != 0 || (s = jget(o, "nonce")) == NULL ||
	    !is_hex(s, APPROVAL_NONCE_LEN))
		return 0;
	uid = json_integer_value(json_object_get(o, "uid"));
	exp = json_integer_value(json_object_get(o, "expires"));
	if (!json_is_integer(json_object_get(o, "uid")) ||
	    uid != (json_int_t)rq->uid || exp <= (json_int_t)now)
		return 0;
	return argv_equal(json_object_get(o, "argv"), rq->argv);
}

/* Use the approval with nonce once: 1 used now, 0 used before, -1 error. */
static int
use_once(const char *dir, const char *nonce, const char **errstr)
{
	char *name = xasprintf(APPROVAL_USED_PREFIX "%s", nonce);
	char *path = path2(dir, APPROVAL_REQUESTS, name);
	int fd, r = 1;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd == -1 && errno == EEXIST)
		r = 0;
	else if (fd == -1) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "approvals: cannot "
		    "record the use of an approval in %s: %s", path,
		    strerror(errno));
		r = -1;
	} else
		(void)close(fd);
	free(path);
	free(name);
	return r;
}

int
approval_check(const char *dir, const char *id,
    const struct approval_req *rq, time_t now, const struct timespec *held,
    enum approval_state *st, char *nonce, char *reason, size_t rlen,
    const char **errstr)
{
	char *path = path2(dir, APPROVAL_APPROVED, id), *buf = NULL;
	struct stat sb;
	json_t *o = NULL;
	size_t len;
	int r = 0, u;

	*st = APPROVAL_NONE;
	if (held != NULL && denied(dir, id, held, reason, rlen)) {
		*st = APPROVAL_DENIED;
		goto done;
	}
	/* Unreadable, forged (not root's) or not covering: no approval. */
	if (read_file(path, &sb, &buf, &len, errstr) != 0 || !root_file(&sb))
		goto done;
	o = json_loadb(buf, len, 0, NULL);
	if (!covers(o, id, rq, now))
		goto done;
	if ((u = use_once(dir, jget(o, "nonce"), errstr)) == -1)
		r = -1;
	else if (u == 1) {
		(void)snprintf(nonce, APPROVAL_NONCE_LEN + 1, "%s",
		    jget(o, "nonce"));
		*st = APPROVAL_GRANTED;
	}
done:
	json_decref(o);
	free(buf);
	free(path);
	return r;
}

/* The request as JSON text, one line; NULL if a string is not UTF-8. */
static char *
request_json(const char *id, const struct approval_req *rq, time_t now)
{
	json_t *o = json_object();
	char *s;

	json_object_set_new(o, "id", json_string(id));
	json_object_set_new(o, "user", json_string(rq->user));
	json_object_set_new(o, "uid", json_integer((json_int_t)rq->uid));
	json_object_set_new(o, "role", json_string(rq->role));
	json_object_set_new(o, "rule", json_string(rq->rule));
	json_object_set_new(o, "argv", argv_json(rq->argv));
	json_object_set_new(o, "command", json_string(rq->command));
	json_object_set_new(o, "client", json_string(rq->client));
	json_object_set_new(o, "session", json_string(rq->session));
	json_object_set_new(o, "held", json_integer((json_int_t)now));
	s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	return s;
}

static int
write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, buf, len)) == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The caller's own request file, already there: 0 and *held, or -1. */
static int
held_before(const char *path, struct timespec *held, char **json,
    const char **errstr)
{
	struct stat st;
	size_t len;

	if (read_file(path, &st, json, &len, errstr) != 0)
		return -1;
	if (st.st_uid != getuid()) {
		free(*json);
		*json = NULL;
		*errstr = errfmt(errbuf, sizeof(errbuf), "approvals: %s "
		    "belongs to another account", path);
		return -1;
	}
	*held = st.st_mtim;
	return 0;
}

int
approval_hold(const char *dir, const char *id, const struct approval_req *rq,
    time_t now, int *created, struct timespec *held, char **json,
    const char **errstr)
{
	char *path = path2(dir, APPROVAL_REQUESTS, id), *text;
	struct stat st;
	int fd, r = -1;

	*created = 0;
	*json = NULL;
	if ((text = request_json(id, rq, now)) == NULL) {
		*errstr = "approvals: the request cannot be written as JSON";
		goto done;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd == -1 && errno == EEXIST) {
		r = held_before(path, held, json, errstr);
		goto done;
	}
	if (fd == -1 || write_all(fd, text, strlen(text)) != 0 ||
	    write_all(fd, "\n", 1) != 0 || fstat(fd, &st) != 0) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "approvals: cannot "
		    "write %s: %s", path, strerror(errno));
		if (fd != -1) {
			(void)unlink(path);
			(void)close(fd);
		}
		goto done;
	}
	(void)close(fd);
	*held = st.st_mtim;
	*created = 1;
	*json = text;
	text = NULL;
	r = 0;
done:
	free(text);
	free(path);
	return r;
}

/* The notifier's side of the fork: never returns. */
static void
notify_child(char *const *argv, int in)
{
	char *env[] = { "PATH=" APPROVAL_NOTIFY_PATH, NULL };
	int null = open("/dev/null", O_RDWR);

	if (in == -1 || null == -1 || dup2(in, STDIN_FILENO) == -1 ||
	    dup2(null, STDOUT_FILENO) == -1 || dup2(null, STDERR_FILENO) == -1)
		_exit(127);
	(void)closefrom(STDERR_FILENO + 1);
	(void)signal(SIGPIPE, SIG_DFL);
	execve(argv[0], argv, env);
	_exit(127);
}

/* Wait for pid at most APPROVAL_NOTIFY_MS, then kill it: its status. */
static int
reap_notify(pid_t pid, int *timed_out)
{
	int status = 0;
	long waited = 0;
	struct timespec nap = { 0, APPROVAL_NAP_MS * 1000000L };

	*timed_out = 0;
	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (waited >= APPROVAL_NOTIFY_MS) {
			*timed_out = 1;
			(void)kill(pid, SIGKILL);
			(void)waitpid(pid, &status, 0);
			break;
		}
		(void)nanosleep(&nap, NULL);
		waited += APPROVAL_NAP_MS;
	}
	return status;
}

int
approval_notify(char *const *argv, const char *json, const char **errstr)
{
	int p[2], status, timed_out;
	pid_t pid;

	if (trust_path(argv[0], TRUST_EXEC, NULL, 0, errstr) != 0)
		return -1;
	if (pipe2(p, O_CLOEXEC) == -1 || (pid = fork()) == -1) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "notify: %s",
		    strerror(errno));
		return -1;
	}
	if (pid == 0) {
		(void)close(p[1]);
		notify_child(argv, p[0]);
	}
	(void)close(p[0]);
	/* A notifier that does not read gets EPIPE (SIGPIPE is ignored),
	 * or fills the pipe and is killed at the deadline: never a hang
	 * past it, as its stdin is closed when reap_notify waits. */
	(void)fcntl(p[1], F_SETFL, O_NONBLOCK);
	(void)write_all(p[1], json, strlen(json));
	(void)write_all(p[1], "\n", 1);
	(void)close(p[1]);
	status = reap_notify(pid, &timed_out);
	if (timed_out || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "notify %s %s %d",
		    argv[0], timed_out ? "was killed after" : WIFEXITED(status) ?
		    "exited" : "died of signal", timed_out ? APPROVAL_NOTIFY_MS :
		    WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		return -1;
	}
	return 0;
}

int
approval_watch(const char *dir)
{
	char *p = xasprintf("%s/" APPROVAL_APPROVED, dir);
	int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);

	if (fd != -1 && inotify_add_watch(fd, p, IN_CLOSE_WRITE | IN_MOVED_TO |
	    IN_CREATE | IN_ATTRIB | IN_DELETE) == -1) {
		(void)close(fd);
		fd = -1;
	}
	free(p);
	return fd;
}

static void
on_gone(int sig)
{
	(void)sig;
	gone = 1;
}

int
approval_wait(int ifd, long ms)
{
	static const int sigs[] = { SIGHUP, SIGPIPE, SIGTERM, SIGINT };
	struct sigaction sa, old[sizeof(sigs) / sizeof(sigs[0])];
	struct pollfd pf[2];
	char ev[4096];
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_gone;
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		(void)sigaction(sigs[i], &sa, &old[i]);
	/* No events asked of stdin: only a hang-up shows, no byte is read
	 * (docker still gets them all). */
	pf[0].fd = STDIN_FILENO;
	pf[0].events = POLLRDHUP;
	pf[1].fd = ifd;
	pf[1].events = POLLIN;
	if (!gone && poll(pf, ifd != -1 ? 2 : 1, (int)(ms < APPROVAL_POLL_MS ?
	    ms : APPROVAL_POLL_MS)) > 0 && (pf[0].revents & (POLLHUP |
	    POLLRDHUP | POLLERR)) != 0)
		gone = 1;
	while (ifd != -1 && read(ifd, ev, sizeof(ev)) > 0)
		;	/* drained: the caller looks at the files again */
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		(void)sigaction(sigs[i], &old[i], NULL);
	return gone;
}

/* ------------------------------------------------------------------ */
/* Root's side: pending, approve, deny */

struct admin {
	const char	*cmd;		/* "pending", "approve", "deny" */
	const char	*policy;
	const char	*id;
	const char	*reason;
	long		 ttl;		/* 0: the policy's */
	int		 json;
	int		 yes;
	const char	*dir;
	char		 by[LOGIN_NAME_MAX + 1];
};

/* A held request as root reads it: trusted only as far as its owner. */
struct held {
	json_t		*o;
	char		 owner[LOGIN_NAME_MAX + 1];
	char		 id[APPROVAL_ID_LEN + 1];
};

static int
admin_usage(void)
{
	fprintf(stderr, "usage: dockergate pending [--policy FILE] [--json]\n"
	    "       dockergate approve [--policy FILE] [--ttl D] [--yes] ID\n"
	    "       dockergate deny [--policy FILE] [--reason TEXT] ID\n"
	    "dockergate: invalid arguments\n");
	return APPROVAL_EX_USAGE;
}

static int
admin_opts(int argc, char **argv, struct admin *a)
{
	const char *err;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--policy") == 0 && i + 1 < argc)
			a->policy = argv[++i];
		else if (strcmp(a->cmd, "pending") == 0 &&
		    strcmp(argv[i], "--json") == 0)
			a->json = 1;
		else if (strcmp(a->cmd, "approve") == 0 &&
		    strcmp(argv[i], "--yes") == 0)
			a->yes = 1;
		else if (strcmp(a->cmd, "approve") == 0 &&
		    strcmp(argv[i], "--ttl") == 0 && i + 1 < argc) {
			if (lifetime_parse(argv[++i], &a->ttl, &err) != 0 ||
			    a->ttl > APPROVAL_MAX_TTL)
				return -1;
		} else if (strcmp(a->cmd, "deny") == 0 &&
		    strcmp(argv[i], "--reason") == 0 && i + 1 < argc)
			a->reason = argv[++i];
		else if (strcmp(a->cmd, "pending") != 0 && a->id == NULL &&
		    argv[i][0] != '-')
			a->id = argv[i];
		else
			return -1;
	}
	/* An id names a file under DIR as root: exactly the hex digits. */
	if (strcmp(a->cmd, "pending") != 0 && (a->id == NULL ||
	    !is_hex(a->id, APPROVAL_ID_LEN)))
		return -1;
	if (a->reason != NULL && strlen(a->reason) > APPROVAL_REASON_MAX)
		return -1;
	return 0;
}

/*
 * Read DIR/requests/NAME: it must be a regular file whose JSON names its
 * owner (user and uid), and whose id is the one user, role and argv give.
 * 0, 1 when it does not exist, or -1 with *errstr (skipped, never shown
 * as the account it names).
 */
static int
held_read(const char *dir, const char *name, struct held *h,
    const char **errstr)
{
	char *path = path2(dir, APPROVAL_REQUESTS, name), *buf = NULL;
	const char *user, *role;
	struct passwd *pw;
	struct strv av = { NULL, 0, 0 };
	struct stat st;
	json_t *a;
	size_t len, i;
	int r;

	memset(h, 0, sizeof(*h));
	if ((r = read_file(path, &st, &buf, &len, errstr)) != 0)
		goto done;
	r = -1;
	*errstr = "not a request file";
	if ((h->o = json_loadb(buf, len, 0, NULL)) == NULL ||
	    (user = jget(h->o, "user")) == NULL ||
	    (role = jget(h->o, "role")) == NULL ||
	    !json_is_array(a = json_object_get(h->o, "argv")))
		goto done;
	if ((pw = getpwuid(st.st_uid)) == NULL || strcmp(pw->pw_name, user) !=
	    0 || json_integer_value(json_object_get(h->o, "uid")) !=
	    (json_int_t)st.st_uid) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "it names account "
		    "\"%.64s\" but is owned by uid %u", user,
		    (unsigned)st.st_uid);
		goto done;
	}
	(void)snprintf(h->owner, sizeof(h->owner), "%s", pw->pw_name);
	for (i = 0; i < json_array_size(a); i++)
		if (json_string_value(json_array_get(a, i)) != NULL)
			strv_push(&av, json_string_value(json_array_get(a, i)));
	if (av.n == 0 || av.n != json_array_size(a))
		goto done;
	approval_id(user, role, av.v, h->id);
	if (strcmp(h->id, name) != 0) {
		*errstr = "its id is not the one its account, role and argv "
		    "give";
		goto done;
	}
	r = 0;
done:
	if (r != 0) {
		json_decref(h->o);
		h->o = NULL;
	}
	strv_free(&av);
	free(buf);
	free(path);
	return r;
}

static void
show(FILE *f, const struct held *h)
{
	char *argv = json_dumps(json_object_get(h->o, "argv"), JSON_COMPACT |
	    JSON_ENSURE_ASCII);
	char *cmd = json_dumps(json_object_get(h->o, "command"),
	    JSON_ENCODE_ANY | JSON_ENSURE_ASCII);
	char *client = json_dumps(json_object_get(h->o, "client"),
	    JSON_ENCODE_ANY | JSON_ENSURE_ASCII);
	char *role = json_dumps(json_object_get(h->o, "role"),
	    JSON_ENCODE_ANY | JSON_ENSURE_ASCII);
	char *rule = json_dumps(json_object_get(h->o, "rule"),
	    JSON_ENCODE_ANY | JSON_ENSURE_ASCII);

	/* JSON-escaped: a request's bytes never drive root's terminal. */
	fprintf(f, "request %s\n  account: %s (owns the request file)\n"
	    "  role:    %s\n  rule:    %s\n  argv:    %s\n  command: %s\n"
	    "  client:  %s\n  held:    %lld\n", h->id, h->owner,
	    role ? role : "?", rule ? rule : "?", argv ? argv : "?",
	    cmd ? cmd : "?", client ? client : "?", (long long)
	    json_integer_value(json_object_get(h->o, "held")));
	free(argv);
	free(cmd);
	free(client);
	free(role);
	free(rule);
}

/* Write DIR/approved/NAME whole or not at all: a temp file, renamed. */
static int
write_decision(const char *dir, const char *name, json_t *o,
    const char **errstr)
{
	char *tmp = xasprintf("%s/" APPROVAL_APPROVED "/.%s.XXXXXX", dir, name);
	char *path = path2(dir, APPROVAL_APPROVED, name);
	char *text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	int fd = -1, r = -1;

	if (text == NULL || (fd = mkstemp(tmp)) == -1 ||
	    fchmod(fd, 0644) != 0 || write_all(fd, text, strlen(text)) != 0 ||
	    write_all(fd, "\n", 1) != 0 || fsync(fd) != 0 ||
	    rename(tmp, path) != 0) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "cannot write %s: %s",
		    path, text == NULL ? "not JSON" : strerror(errno));
		if (fd != -1)
			(void)unlink(tmp);
	} else
		r = 0;
	if (fd != -1)
		(void)close(fd);
	free(text);
	free(path);
	free(tmp);
	return r;
}

static void
unlink2(const char *dir, const char *sub, const char *name)
{
	char *p = path2(dir, sub, name);

	(void)unlink(p);
	free(p);
}

static void
unlink_denied(const char *dir, const char *id)
{
	char *name = xasprintf("%s" APPROVAL_DENIED_SUFFIX, id);

	unlink2(dir, APPROVAL_APPROVED, name);
	free(name);
}

/* Ask on the terminal, not stdin: 1 when the answer is yes. */
static int
confirm(const struct held *h, const char **errstr)
{
	char line[16];
	FILE *tty = fopen("/dev/tty", "r+");
	int yes;

	if (tty == NULL) {
		*errstr = "no terminal to ask on: run approve with --yes";
		return -1;
	}
	show(tty, h);
	fprintf(tty, "approve request %s? [y/N] ", h->id);
	(void)fflush(tty);
	yes = fgets(line, sizeof(line), tty) != NULL && (strcmp(line, "y\n") ==
	    0 || strcmp(line, "yes\n") == 0);
	(void)fclose(tty);
	if (!yes)
		*errstr = "not approved";
	return yes ? 1 : -1;
}

static void
nonce_new(char *out)
{
	unsigned char r[APPROVAL_NONCE_LEN / 2];
	size_t i;

	/* getrandom without flags blocks until the pool is ready. */
	while (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
		;
	for (i = 0; i < sizeof(r); i++)
		(void)snprintf(out + 2 * i, 3, "%02x", r[i]);
}

static int
do_approve(struct admin *ad, const struct policy *pol, struct audit *au,
    const char **errstr)
{
	char nonce[APPROVAL_NONCE_LEN + 1];
	struct held h;
	json_t *o = NULL;
	time_t exp;
	int r;

	if ((r = held_read(ad->dir, ad->id, &h, errstr)) != 0) {
		if (r == 1)
			*errstr = "no such held request";
		return APPROVAL_EX_USAGE;
	}
	if (!ad->yes && confirm(&h, errstr) != 1) {
		json_decref(h.o);
		return APPROVAL_EX_USAGE;
	}
	nonce_new(nonce);
	exp = time(NULL) + (ad->ttl > 0 ? ad->ttl : pol->approvals.ttl);
	o = json_pack("{s:s, s:s, s:O, s:O, s:O, s:O, s:I, s:s, s:s, s:I}",
	    "id", h.id, "user", h.owner, "uid", json_object_get(h.o, "uid"),
	    "role", json_object_get(h.o, "role"), "rule",
	    json_object_get(h.o, "rule"), "argv", json_object_get(h.o, "argv"),
	    "expires", (json_int_t)exp, "nonce", nonce, "by", ad->by,
	    "approved", (json_int_t)time(NULL));
	r = EX_UNAVAILABLE;
	if (o == NULL || write_decision(ad->dir, h.id, o, errstr) != 0)
		goto done;
	/* Root's decision is recorded, or it is taken back. */
	if (audit_approval(au, "approved", h.id, h.owner, jget(h.o, "role"),
	    ad->by, (long long)exp, "", errstr) != 0 && pol->audit_required) {
		unlink2(ad->dir, APPROVAL_APPROVED, h.id);
		goto done;
	}
	unlink_denied(ad->dir, h.id);
	unlink2(ad->dir, APPROVAL_REQUESTS, h.id);
	printf("approved request %s of %s (role %s) until %lld, for one use\n",
	    h.id, h.owner, jget(h.o, "role"), (long long)exp);
	r = 0;
done:
	json_decref(o);
	json_decref(h.o);
	return r;
}

/*
 * Deny a held request (the waiting session ends with 77), or take back an
 * approval not used yet.  The denial names the request; a request sent
 * again after it is held anew.
 */
static int
do_deny(struct admin *ad, const struct policy *pol, struct audit *au,
    const char **errstr)
{
	char *apath = path2(ad->dir, APPROVAL_APPROVED, ad->id);
	char *name = xasprintf("%s" APPROVAL_DENIED_SUFFIX, ad->id);
	const char *reason = ad->reason != NULL ? ad->reason : "";
	const char *user = "", *role = "";
	struct held h;
	struct stat st;
	json_t *o = NULL;
	int r = APPROVAL_EX_USAGE, held;

	(void)pol;
	if ((held = held_read(ad->dir, ad->id, &h, errstr)) == -1)
		goto done;
	if (held == 1 && (lstat(apath, &st) != 0 || !is_hex(ad->id,
	    APPROVAL_ID_LEN))) {
		*errstr = "no such held request or approval";
		goto done;
	}
	if (held == 0) {
		user = h.owner;
		role = jget(h.o, "role");
	}
	r = EX_UNAVAILABLE;
	o = json_pack("{s:s, s:s, s:s, s:s, s:I}", "id", ad->id, "user", user,
	    "reason", reason, "by", ad->by, "denied", (json_int_t)time(NULL));
	if (o == NULL || write_decision(ad->dir, name, o, errstr) != 0)
		goto done;
	(void)unlink(apath);
	unlink2(ad->dir, APPROVAL_REQUESTS, ad->id);
	if (audit_approval(au, "denied", ad->id, user, role, ad->by, 0, reason,
	    errstr) != 0 && pol->audit_required) {
		fprintf(stderr, "dockergate: denied request %s, but the audit "
		    "record was not written: %s\n", ad->id, *errstr);
		r = EX_UNAVAILABLE;
		*errstr = NULL;
		goto done;
	}
	printf("denied request %s\n", ad->id);
	r = 0;
done:
	json_decref(o);
	if (held == 0)
		json_decref(h.o);
	free(name);
	free(apath);
	return r;
}

/* Delete approved/NAME if it expired or its used-NONCE marker exists. */
static void
sweep_one(const char *dir, const char *name, time_t now)
{
	char *path = path2(dir, APPROVAL_APPROVED, name), *buf = NULL;
	char *marker = NULL, *mpath = NULL;
	const char *err, *nonce;
	struct stat st;
	json_t *o = NULL;
	size_t len;

	if (read_file(path, &st, &buf, &len, &err) != 0)
		goto done;
	o = json_loadb(buf, len, 0, NULL);
	if ((nonce = jget(o, "nonce")) != NULL &&
	    is_hex(nonce, APPROVAL_NONCE_LEN)) {
		marker = xasprintf(APPROVAL_USED_PREFIX "%s", nonce);
		mpath = path2(dir, APPROVAL_REQUESTS, marker);
	}
	if (mpath == NULL || lstat(mpath, &st) == 0 ||
	    json_integer_value(json_object_get(o, "expires")) <=
	    (json_int_t)now) {
		(void)unlink(path);
		if (mpath != NULL)
			(void)unlink(mpath);
	}
done:
	json_decref(o);
	free(mpath);
	free(marker);
	free(buf);
	free(path);
}

/* ID.denied */
static int
is_denial(const char *name)
{
	return strlen(name) == APPROVAL_ID_LEN +
	    strlen(APPROVAL_DENIED_SUFFIX) && strspn(name,
	    "0123456789abcdef") == APPROVAL_ID_LEN && strcmp(name +
	    APPROVAL_ID_LEN, APPROVAL_DENIED_SUFFIX) == 0;
}

/* A denial ends only sessions that wait, at most APPROVAL_MAX_WAIT. */
static void
sweep_denial(const char *dir, const char *name, time_t now)
{
	char *path = path2(dir, APPROVAL_APPROVED, name);
	struct stat st;

	if (lstat(path, &st) == 0 && st.st_mtime < now - APPROVAL_MAX_WAIT)
		(void)unlink(path);
	free(path);
}

/*
 * Root's cleanup: delete approvals that expired or were used (the
 * account's used-NONCE marker exists), so that from then on root-owned
 * state shows the use; and denials no session can still be waiting for.
 */
static void
sweep(const char *dir, time_t now)
{
	char *p = xasprintf("%s/" APPROVAL_APPROVED, dir);
	struct dirent *de;
	size_t n = 0;
	DIR *d = opendir(p);

	while (d != NULL && (de = readdir(d)) != NULL &&
	    n++ < APPROVAL_PENDING_MAX)
		if (is_hex(de->d_name, APPROVAL_ID_LEN))
			sweep_one(dir, de->d_name, now);
		else if (is_denial(de->d_name))
			sweep_denial(dir, de->d_name, now);
	if (d != NULL)
		(void)closedir(d);
	free(p);
}

static json_t *
held_json(const struct held *h)
{
	json_t *o = json_deep_copy(h->o);

	json_object_set_new(o, "account", json_string(h->owner));
	return o;
}

/* List the held requests; skip (and say so) a file that lies about its
 * owner.  Approvals used or expired are deleted first. */
static int
do_pending(struct admin *ad)
{
	char *p = xasprintf("%s/" APPROVAL_REQUESTS, ad->dir);
	json_t *all = json_array();
	const char *err;
	struct dirent *de;
	struct held h;
	size_t n = 0, shown = 0;
	char *out;
	DIR *d;

	sweep(ad->dir, time(NULL));
	if ((d = opendir(p)) == NULL) {
		fprintf(stderr, "dockergate: pending: %s: %s\n", p,
		    strerror(errno));
		json_decref(all);
		free(p);
		return EX_UNAVAILABLE;
	}
	while ((de = readdir(d)) != NULL && n++ < APPROVAL_PENDING_MAX) {
		if (!is_hex(de->d_name, APPROVAL_ID_LEN))
			continue;	/* used-NONCE markers, dot files */
		if (held_read(ad->dir, de->d_name, &h, &err) != 0) {
			fprintf(stderr, "dockergate: pending: skipped "
			    "%s/%s: %s\n", p, de->d_name, err);
			continue;
		}
		if (ad->json)
			json_array_append_new(all, held_json(&h));
		else
			show(stdout, &h);
		shown++;
		json_decref(h.o);
	}
	(void)closedir(d);
	if (ad->json && (out = json_dumps(all, JSON_INDENT(2) |
	    JSON_PRESERVE_ORDER)) != NULL) {
		printf("%s\n", out);
		free(out);
	} else if (!ad->json && shown == 0)
		printf("no held requests\n");
	json_decref(all);
	free(p);
	return 0;
}

/* Who decides: the login uid's name (sudo and su keep it), else root. */
static void
who(char *by, size_t len)
{
	if (getlogin_r(by, len) != 0 || *by == '\0')
		(void)snprintf(by, len, "root");
}

static int
admin_run(struct admin *ad, struct policy *pol)
{
	struct audit au;
	const char *err = NULL;
	int r;

	if (!pol->approvals.set) {
		fprintf(stderr, "dockergate: configuration error: %s has no "
		    "approvals: block\n", pol->file);
		return EX_CONFIG;
	}
	ad->dir = pol->approvals.dir;
	if (approval_layout(ad->dir, &err) != 0) {
		fprintf(stderr, "dockergate: unavailable: %s\n", err);
		return EX_UNAVAILABLE;
	}
	if (strcmp(ad->cmd, "pending") == 0)
		return do_pending(ad);
	memset(&au, 0, sizeof(au));
	if (audit_open(&au, pol->audit_file, pol->audit_syslog,
	    pol->audit_required, ad->by, "", "", &err) != 0 &&
	    pol->audit_required) {
		fprintf(stderr, "dockergate: audit log unavailable: %s\n", err);
		audit_close(&au);
		return EX_UNAVAILABLE;
	}
	r = strcmp(ad->cmd, "approve") == 0 ? do_approve(ad, pol, &au, &err) :
	    do_deny(ad, pol, &au, &err);
	if (r != 0 && err != NULL)
		fprintf(stderr, "dockergate: %s %s: %s\n", ad->cmd, ad->id, err);
	audit_close(&au);
	return r;
}

int
approval_main(int argc, char **argv)
{
	struct strv errs = { NULL, 0, 0 };
	struct policy *pol = NULL;
	struct admin ad;
	int perm, r;

	memset(&ad, 0, sizeof(ad));
	ad.cmd = argv[0];
	ad.policy = POLICY_DEFAULT_PATH;
	/* The account that asked must never answer: only root decides. */
	if (getuid() != 0 || geteuid() != 0) {
		fprintf(stderr, "dockergate: denied: dockergate %s is for root "
		    "only: a person approves, never the account that asked\n",
		    ad.cmd);
		return EX_NOPERM;
	}
	if (admin_opts(argc, argv, &ad) != 0)
		return admin_usage();
	if (policy_load(ad.policy, &pol, &errs, &perm) != 0) {
		fprintf(stderr, "dockergate: configuration error: %s\n",
		    errs.n ? errs.v[0] : ad.policy);
		strv_free(&errs);
		return EX_CONFIG;
	}
	who(ad.by, sizeof(ad.by));
	r = admin_run(&ad, pol);
	policy_free(pol);
	return r;
}

/* ------------------------------------------------------------------ */
/* The held flow */

static long
ms_until(const struct timespec *end)
{
	struct timespec now;

	(void)clock_gettime(CLOCK_MONOTONIC, &now);
	return (end->tv_sec - now.tv_sec) * 1000 +
	    (end->tv_nsec - now.tv_nsec) / 1000000;
}

/* Wait for root's decision until wait seconds passed or the client left. */
static int
await(const struct policy *pol, const char *id,
    const struct approval_req *rq, const struct timespec *held, char *nonce,
    char *msg, size_t msglen)
{
	char reason[APPROVAL_REASON_MAX];
	enum approval_state st;
	struct timespec end;
	const char *err;
	int ifd = approval_watch(pol->approvals.dir), r = EX_TEMPFAIL;

	(void)clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += pol->approvals.wait;
	for (;;) {
		if (approval_check(pol->approvals.dir, id, rq, time(NULL), held,
		    &st, nonce, reason, sizeof(reason), &err) != 0) {
			(void)snprintf(msg, msglen, "%s", err);
			r = EX_UNAVAILABLE;
			break;
		}
		if (st != APPROVAL_NONE) {
			if (st == APPROVAL_DENIED)
				(void)snprintf(msg, msglen, "request %s was "
				    "denied by an operator: %s", id, reason);
			r = st == APPROVAL_GRANTED ? 0 : EX_NOPERM;
			break;
		}
		if (ms_until(&end) <= 0 ||
		    approval_wait(ifd, ms_until(&end)) != 0)
			break;
	}
	if (ifd != -1)
		(void)close(ifd);
	return r;
}

int
approval_gate(const struct policy *pol, struct audit *au,
    struct audit_call *call, const struct approval_req *rq, char *id,
    char *nonce, char *msg, size_t msglen)
{
	char reason[APPROVAL_REASON_MAX], *json = NULL;
	const char *dir = pol->approvals.dir, *err, *notified = "none";
	enum approval_state st;
	struct timespec held;
	int created = 0, r;

	approval_id(rq->user, rq->role, rq->argv, id);
	call->request = id;
	if (approval_layout(dir, &err) != 0 || approval_check(dir, id, rq,
	    time(NULL), NULL, &st, nonce, reason, sizeof(reason), &err) != 0 ||
	    (st != APPROVAL_GRANTED && approval_hold(dir, id, rq, time(NULL),
	    &created, &held, &json, &err) != 0)) {
		(void)snprintf(msg, msglen, "%s", err);
		return EX_UNAVAILABLE;
	}
	if (st == APPROVAL_GRANTED) {
		call->approval = nonce;
		return 0;
	}
	if (!created)
		notified = "not run: the request was held already";
	else if (pol->approvals.notify.n > 0)
		notified = approval_notify(pol->approvals.notify.v, json,
		    &err) == 0 ? "ok" : err;
	free(json);
	if (audit_held(au, call, rq->command, strlen(rq->command), rq->argv,
	    rq->rule, notified, &err) != 0 && pol->audit_required) {
		(void)snprintf(msg, msglen, "audit log unavailable: %s", err);
		return EX_UNAVAILABLE;
	}
	if ((r = await(pol, id, rq, &held, nonce, msg, msglen)) == 0)
		call->approval = nonce;
	else if (r == EX_TEMPFAIL)
		(void)snprintf(msg, msglen, "request %s (%s, waited %lds); ask "
		    "an operator to run 'dockergate approve %s'", id, rq->rule,
		    (long)pol->approvals.wait, id);
	return r;
}
