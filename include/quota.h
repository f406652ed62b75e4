/*
 * quota.h: how many containers a role may own (issue 16, quotas):
 * max_containers on an own: true rule for run and create.  The decision
 * counts through the resolver; the session serializes the count and the
 * create with a lock per role, held until the container exists.
 */
#ifndef DG_QUOTA_H
#define DG_QUOTA_H

#include <stddef.h>

struct resolver;

#define QUOTA_MAX		100000	/* largest max_containers */
#define QUOTA_LOCK_DIR		"/run/dockergate/locks"	/* mode 1733, root */
#define QUOTA_LOCK_WAIT_MS	30000	/* waiting for another session */
#define QUOTA_HOLD_MS		60000	/* holding while docker creates */
#define QUOTA_POLL_MS		100	/* between counts while holding */
#define QUOTA_LABEL_MAX		128	/* bytes of "dockergate.owner=ROLE" */

/* 1 if command canon ("container run") creates one container that a
 * lifetime or cgroup_parent applies to (run, create). */
int	 quota_command_takes(const char *canon);
/* 1 if a rule for command canon may carry max_containers: run, create,
 * and compose (its CMD_CREATES subcommands are counted). */
int	 quota_rule_takes(const char *canon);

/*
 * Hold a request of role that creates want containers (1 for run and
 * create; a compose subcommand's count) to max: the resolver's count
 * (which also takes the role's lock) plus want must not pass max.
 * Returns 0, or -1 with a one-line reason in buf and *unavailable set when
 * the count could not be made.
 */
int	 quota_check(long max, long want, const char *role,
	    const struct resolver *res, int *unavailable, char *buf,
	    size_t len);

/*
 * Take an exclusive flock on dir/quota.ROLE (created mode 0644 when
 * missing; never through a link), waiting at most wait_ms.  Returns 0 and
 * *fd (close-on-exec), or -1 with *errstr.
 */
int	 quota_lock(const char *dir, const char *role, int wait_ms, int *fd,
	    const char **errstr);

/*
 * Hand the lock fd to a detached holder process and close it here: the
 * holder keeps the lock until the count of containers labelled label on
 * host exceeds before (docker created one), until the returned pipe's
 * write end *done is closed (the session ended: close-on-exec, so docker
 * does not keep it), or QUOTA_HOLD_MS.  Returns 0, or -1 with *errstr
 * (the lock is then released).
 */
int	 quota_hold(int fd, const char *host, const char *label, long before,
	    int *done, const char **errstr);

#endif
