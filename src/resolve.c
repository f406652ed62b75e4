/*
 * resolve.c: host facts for the decision: where a bind source really is and
 * whether the caller could change that; containers and images as the
 * engine knows them (engine.c); swarm services likewise.
 *
 * Invariants:
 * - A bind source MUST be judged by its fully resolved path (the daemon
 *   follows links as root), and MUST be refused when the caller can write
 *   any directory above it, given or resolved: such a component could be
 *   swapped for a symlink between the check and the mount.
 * - A path that cannot be resolved is an error, never a pass.
 * - Container, image and service lookups MUST go to the policy's engine
 *   host only; without one they MUST stay NULL, so decide() denies what
 *   needs them.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "decide.h"
#include "engine.h"
#include "resolve.h"
#include "util.h"

#define RESOLVE_MAX_GROUPS	256	/* supplementary groups considered */

static char errbuf[PATH_MAX + 128];

/* 1 if this process is in group gid, or when that can not be told. */
static int
caller_in_group(gid_t gid)
{
	gid_t groups[RESOLVE_MAX_GROUPS];
	int i, n;

	if (gid == getgid() || gid == getegid())
		return 1;
	n = getgroups(RESOLVE_MAX_GROUPS, groups);
	for (i = 0; i < n; i++)
		if (groups[i] == gid)
			return 1;
	return n < 0;	/* cannot tell: assume the worst */
}

static int
caller_can_write(const struct stat *st)
{
	uid_t uid = getuid();

	if (uid != 0 && st->st_uid == uid)
		return 1;
	if (st->st_mode & S_IWOTH)
		return 1;
	return (st->st_mode & S_IWGRP) && caller_in_group(st->st_gid);
}

/*
 * 1 if a directory strictly above the last component of the absolute path
 * p is writable by the caller (or cannot be examined).
 */
static int
parents_writable(const char *p)
{
	struct stat st;
	char *dir = xstrdup(p), *slash;
	int w = 0;

	while (!w && (slash = strrchr(dir, '/')) != NULL) {
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
		w = stat(dir, &st) != 0 || caller_can_write(&st);
		if (strcmp(dir, "/") == 0)
			break;
	}
	free(dir);
	return w;
}

int
resolve_path(void *ctx, const char *path, char **resolved, int *writable,
    const char **errstr)
{
	char *rp;

	(void)ctx;
	*resolved = NULL;
	*writable = 0;
	if (path[0] != '/') {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "%s is not an absolute path", path);
		return -1;
	}
	if ((rp = realpath(path, NULL)) == NULL) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "%s: %s", path,
		    strerror(errno));
		return -1;
	}
	*writable = parents_writable(path) || parents_writable(rp);
	*resolved = rp;
	return 0;
}

/* ctx is the engine host, "unix:///PATH". */
static int
resolve_container(void *ctx, const char *ref, struct target *t,
    int *unavailable, const char **errstr)
{
	return engine_container(ctx, ref, t, unavailable, errstr);
}

static int
resolve_service(void *ctx, const char *ref, struct target *t,
    int *unavailable, const char **errstr)
{
	return engine_service(ctx, ref, t, unavailable, errstr);
}

static int
resolve_image(void *ctx, const char *ref, struct strv *repotags,
    int *unavailable, const char **errstr)
{
	return engine_image_tags(ctx, ref, repotags, unavailable, errstr);
}

void
resolve_init(struct resolver *r, const char *cwd, const char *engine_host)
{
	memset(r, 0, sizeof(*r));
	r->path = resolve_path;
	r->cwd = cwd;
	if (engine_host == NULL)
		return;
	/* Only read through the callbacks above; never written. */
	r->ctx = (void *)(uintptr_t)engine_host;
	r->container = resolve_container;
	r->image = resolve_image;
	r->service = resolve_service;
}
