/*
 * trust.c: whether anyone but root can change what a path names.
 *
 * The rule (the only place it is written down):
 *
 *   A path is trusted when, resolved the way the kernel resolves it
 *   (component by component, following every symlink, ".." taken on the
 *   resolved prefix), every directory it passes through is trusted, every
 *   entry looked up in a shared directory (below) is owned by root, and
 *   the final object is owned by root, not writable by group or others,
 *   and of the kind asked for.
 *
 *   A directory is trusted when it is owned by root and either
 *   (a) not writable by group or others, or
 *   (b) writable by group or others but sticky ("shared": the Nix store,
 *       root:nixbld 1775; /tmp, 1777).  In a sticky directory only an
 *       entry's owner (or root) may rename, remove or replace it, so an
 *       entry owned by root stays what it is; an entry owned by anyone
 *       else, a directory, file or symlink, is not trusted.
 *   For a caller that is not root, a directory or final object it can
 *   write by other means (ACLs) is not trusted, except a shared directory,
 *   which is writable by design and protected by the rule for entries.
 *
 *   A symlink is judged by the directory that holds it: in a trusted
 *   directory of kind (a) nobody but root can replace it (a link's own
 *   mode is meaningless on Linux); in a shared one it must be owned by
 *   root.  Its target is then walked like any path.
 *
 * What still fails, on purpose: a store path owned by a build user, a
 * sticky directory's entry owned by someone else, a group-writable
 * directory without the sticky bit, a link planted in a writable
 * directory, a non-root-owned directory anywhere on the way.
 *
 * A root-owned hard link planted under a new name in a shared directory is
 * not caught here: the kernel's fs.protected_hardlinks (on by default with
 * systemd) keeps users from linking files they do not own.
 *
 * Invariants:
 * - Every directory from "/" down to the final object, on the path as
 *   given and on every symlink target, MUST be judged with lstat(2); the
 *   walk follows links itself and never calls realpath(3).
 * - At most TRUST_MAX_SYMLINKS links are followed (ELOOP after that).
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "trust.h"
#include "util.h"

#define TRUST_ERRBUF	(2 * PATH_MAX + 128)	/* message buffer */

static char errbuf[TRUST_ERRBUF];

/*
 * cur is the resolved prefix ("" is "/"), rest what is left to resolve;
 * shared says that cur's directory (the one the next entry is looked up
 * in) is a sticky shared directory.
 */
struct walk {
	const char	*path;		/* as given, for messages */
	char	cur[PATH_MAX];
	char	rest[PATH_MAX];
	int	links;
	int	shared;
	int	root_shared;	/* "/" itself is shared (never, in practice) */
	uid_t	uid;		/* the caller's, asked once */
};

static int
fail(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Sets errno to err and returns -1; the message goes to errbuf. */
static int
fail(int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(errbuf, sizeof(errbuf), fmt, ap);
	va_end(ap);
	errno = err;
	return -1;
}

static int
group_or_other_writable(const struct stat *st)
{
	return (st->st_mode & (S_IWGRP | S_IWOTH)) != 0;
}

/* Case (b) of the rule: root's, sticky, writable by group or others. */
static int
is_shared(const struct stat *st)
{
	return S_ISDIR(st->st_mode) && st->st_uid == 0 &&
	    (st->st_mode & S_ISVTX) != 0 && group_or_other_writable(st);
}

/* ACLs: the mode bits are not the whole story for a caller not root. */
static int
caller_writes(const struct walk *w, const char *p)
{
	return w->uid != 0 && access(p, W_OK) == 0;
}

/* A directory on the way: p, as lstat described it in st. */
static int
check_dir(const struct walk *w, const char *p, const struct stat *st)
{
	if (is_shared(st))
		return 0;
	if (st->st_uid != 0 || group_or_other_writable(st) ||
	    caller_writes(w, p))
		return fail(EPERM, "%s: directory %s must be owned by root and "
		    "not writable by group or others", w->path, p);
	return 0;
}

/* An entry looked up in a shared directory must be root's. */
static int
check_entry(const struct walk *w, const char *p, const struct stat *st)
{
	if (w->shared && st->st_uid != 0)
		return fail(EPERM, "%s: %s is in a shared (sticky) directory "
		    "and must be owned by root, not uid %u", w->path, p,
		    (unsigned)st->st_uid);
	return 0;
}

/*
 * Split the next component off w->rest into comp: 1, or 0 if none is
 * left, or -1 if it is too long.
 */
static int
next_component(struct walk *w, char *comp, size_t len)
{
	char *s = w->rest, *e;
	size_t n;

	while (*s == '/')
		s++;
	if (*s == '\0')
		return 0;
	e = strchr(s, '/');
	n = e ? (size_t)(e - s) : strlen(s);
	if (n >= len)
		return fail(ENAMETOOLONG, "%s: %s", w->path,
		    strerror(ENAMETOOLONG));
	memcpy(comp, s, n);
	comp[n] = '\0';
	memmove(w->rest, s + n, strlen(s + n) + 1);
	return 1;
}

/*
 * w->cur is a symlink whose directory is w->cur[0..len): the walk goes on
 * from that directory (or from "/") with the link's target + the rest.
 * Out of line, so that its two buffers take stack pages only when a link
 * is followed: each new stack page is a page fault in every run.
 */
static __attribute__((noinline)) int
follow_link(struct walk *w, size_t len)
{
	char target[PATH_MAX], nrest[PATH_MAX];
	ssize_t n;

	if (++w->links > TRUST_MAX_SYMLINKS)
		return fail(ELOOP, "%s: %s", w->cur, strerror(ELOOP));
	if ((n = readlink(w->cur, target, sizeof(target) - 1)) == -1)
		return fail(errno, "%s: %s", w->cur, strerror(errno));
	target[n] = '\0';
	if (snprintf(nrest, sizeof(nrest), "%s/%s", target, w->rest) >=
	    (int)sizeof(nrest))
		return fail(ENAMETOOLONG, "%s: %s", w->cur,
		    strerror(ENAMETOOLONG));
	memcpy(w->rest, nrest, strlen(nrest) + 1);
	/* A relative target goes on in the link's own directory, whose
	 * shared state w->shared still is; an absolute one from "/". */
	w->cur[target[0] == '/' ? 0 : len] = '\0';
	if (target[0] == '/')
		w->shared = w->root_shared;
	return 0;
}

/* Whether the directory now at w->cur is shared (for its entries). */
static int
enter_dir(struct walk *w, const struct stat *st)
{
	w->shared = is_shared(st);
	return 0;
}

/* ".." on the resolved prefix: the parent is judged again by lstat. */
static int
step_up(struct walk *w)
{
	struct stat st;
	char *slash;

	if ((slash = strrchr(w->cur, '/')) != NULL)
		*slash = '\0';
	if (lstat(w->cur[0] ? w->cur : "/", &st) == -1)
		return fail(errno, "%s: %s", w->cur[0] ? w->cur : "/",
		    strerror(errno));
	return enter_dir(w, &st);
}

/* One step of the walk: resolve comp below w->cur. */
static int
walk_step(struct walk *w, const char *comp, struct stat *st)
{
	size_t len = strlen(w->cur), n = strlen(comp);

	if (strcmp(comp, ".") == 0)
		return 0;
	if (strcmp(comp, "..") == 0)
		return step_up(w);
	if (len + 1 + n >= sizeof(w->cur))
		return fail(ENAMETOOLONG, "%s: %s", w->cur,
		    strerror(ENAMETOOLONG));
	w->cur[len] = '/';
	memcpy(w->cur + len + 1, comp, n + 1);
	if (lstat(w->cur, st) == -1)
		return fail(errno, "%s: %s", w->cur, strerror(errno));
	if (check_entry(w, w->cur, st) == -1)
		return -1;
	if (S_ISLNK(st->st_mode))
		return follow_link(w, len);
	/* Anything with more to come must be a trusted directory. */
	if (strspn(w->rest, "/") != strlen(w->rest)) {
		if (check_dir(w, w->cur, st) == -1)
			return -1;
		return enter_dir(w, st);
	}
	return 0;
}

static const char *const kind_name[] = {
	[TRUST_FILE] = "a regular file",
	[TRUST_EXEC] = "a regular file",
	[TRUST_DIR] = "a directory",
	[TRUST_ANY] = "a regular file or directory",
};

/* The final, fully resolved object. */
static int
check_final(const struct walk *w, const char *p, const struct stat *st,
    enum trust_kind kind)
{
	int isdir = S_ISDIR(st->st_mode), isreg = S_ISREG(st->st_mode);

	if ((kind == TRUST_DIR && !isdir) || ((kind == TRUST_FILE ||
	    kind == TRUST_EXEC) && !isreg) || (kind == TRUST_ANY && !isdir &&
	    !isreg))
		return fail(EINVAL, "%s: not %s", p, kind_name[kind]);
	if (kind == TRUST_EXEC && (st->st_mode & (S_IXUSR | S_IXGRP |
	    S_IXOTH)) == 0)
		return fail(EACCES, "%s: not executable", p);
	if (st->st_uid != 0 || group_or_other_writable(st) ||
	    caller_writes(w, p))
		return fail(EPERM, "%s: must be owned by root and not writable "
		    "by group or others", p);
	return 0;
}

static int
walk_all(struct walk *w, enum trust_kind kind, char *resolved, size_t len)
{
	struct stat st;
	const char *final;
	char comp[NAME_MAX + 1];
	int r;

	if (lstat("/", &st) == -1)
		return fail(errno, "/: %s", strerror(errno));
	if (check_dir(w, "/", &st) == -1 || enter_dir(w, &st) == -1)
		return -1;
	w->root_shared = w->shared;
	while ((r = next_component(w, comp, sizeof(comp))) == 1)
		if (walk_step(w, comp, &st) == -1)
			return -1;
	if (r == -1)
		return -1;
	/* Again: a trailing "." or ".." left st describing another node. */
	final = w->cur[0] ? w->cur : "/";
	if (lstat(final, &st) == -1)
		return fail(errno, "%s: %s", final, strerror(errno));
	if (check_final(w, final, &st, kind) == -1)
		return -1;
	if (resolved != NULL && snprintf(resolved, len, "%s", final) >=
	    (int)len)
		return fail(ENAMETOOLONG, "%s: %s", w->path,
		    strerror(ENAMETOOLONG));
	return 0;
}

int
trust_path(const char *path, enum trust_kind kind, char *resolved,
    size_t len, const char **errstr)
{
	struct walk *w;
	int r, e;

	if (path == NULL || path[0] != '/') {
		(void)fail(EINVAL, "%s: must be an absolute path",
		    path ? path : "(null)");
		*errstr = errbuf;
		return -1;
	}
	if (strlen(path) >= PATH_MAX) {
		(void)fail(ENAMETOOLONG, "%.64s...: %s", path,
		    strerror(ENAMETOOLONG));
		*errstr = errbuf;
		return -1;
	}
	/* execve or open would fail with ENOTDIR: say so now. */
	if (kind != TRUST_DIR && kind != TRUST_ANY &&
	    path[strlen(path) - 1] == '/') {
		(void)fail(EINVAL, "%s: not %s", path, kind_name[kind]);
		*errstr = errbuf;
		return -1;
	}
	/* Not zeroed: the strings are read only up to their NULs, and
	 * zeroing would touch every page of the struct. */
	w = xmalloc(sizeof(*w));
	w->path = path;
	w->cur[0] = '\0';
	w->links = 0;
	w->shared = 0;
	w->uid = getuid();
	memcpy(w->rest, path, strlen(path) + 1);
	if ((r = walk_all(w, kind, resolved, len)) == -1)
		*errstr = errbuf;
	e = errno;
	free(w);
	errno = e;
	return r;
}
