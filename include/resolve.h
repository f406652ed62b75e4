/*
 * resolve.h: the real resolver behind decide(): host paths from the
 * filesystem, containers, images and swarm services from the Engine API
 * (engine.h).
 */
#ifndef DG_RESOLVE_H
#define DG_RESOLVE_H

#include "decide.h"

/*
 * Fill r with the real resolver.  cwd is the docker CLI's working
 * directory; engine_host ("unix:///PATH", the policy's docker.host) is
 * where containers, images and services are looked up, NULL for none
 * (r->container, r->image and r->service stay NULL, so scoped rules
 * deny).  Both are kept by reference: keep them alive as long as r.
 */
void	 resolve_init(struct resolver *r, const char *cwd,
	    const char *engine_host);

/*
 * The path resolver itself (exposed for tests): realpath of path; a path
 * that does not exist is an error.  *writable is 1 when any directory above
 * the given path or above its resolved form is writable by the caller
 * (owned by a non-root caller, world-writable, or group-writable for one of
 * the caller's groups), so that a component could be swapped for a link.
 */
int	 resolve_path(void *ctx, const char *path, char **resolved,
	    int *writable, const char **errstr);

#endif
