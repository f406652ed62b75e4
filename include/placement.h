/*
 * placement.h: where a rule's containers go in the cgroup tree
 * (dockergate.yaml(5)): cgroup_parent: NAME on a run/create rule is added to
 * every container as --cgroup-parent=NAME; the caller's own is refused.
 */
#ifndef DG_PLACEMENT_H
#define DG_PLACEMENT_H

#include <stddef.h>

struct request;
struct strv;

#define PLACEMENT_MAX	255	/* bytes of a cgroup_parent value */

/* Why name cannot be a cgroup_parent, or NULL. */
const char *placement_problem(const char *name);

/*
 * Under a rule with cgroup_parent parent (NULL: none, nothing to do):
 * refuse any --cgroup-parent of req, else append "--cgroup-parent=PARENT"
 * to inject.  Returns 0, or -1 with a one-line reason in buf.
 */
int	 placement_check(const char *parent, const struct request *req,
	    struct strv *inject, char *buf, size_t len);

#endif
