/*
 * placement.h: where a container goes in the cgroup tree, for the rule key
 * cgroup_parent (dockergate.yaml(5)): a rule's cgroup_parent: NAME is added
 * to every container as --cgroup-parent=NAME and the caller's own is
 * refused.  This module reports what the request sets; decide.c holds it
 * to the rule and words the reason.
 */
#ifndef DG_PLACEMENT_H
#define DG_PLACEMENT_H

#include <stddef.h>

struct request;

#define PLACEMENT_MAX	255	/* bytes of a cgroup_parent value */

/* Why name cannot be a cgroup_parent, or NULL.  For the policy loader. */
const char *placement_problem(const char *name);

/* What a request does with its place in the cgroup tree. */
enum placement_kind {
	PL_DAEMON,	/* no --cgroup-parent: the daemon's default place */
	PL_GIVEN,	/* the caller gives a --cgroup-parent */
};

/* The placement fact; the pointers are valid while the request is. */
struct placement_fact {
	enum placement_kind kind;
	const char	*flag;		/* PL_GIVEN: the flag's canonical
					   name ("cgroup-parent") */
	const char	*value;		/* PL_GIVEN: the first one, as typed */
};

/* The placement fact of req (any command; the first --cgroup-parent). */
void	 placement_read(const struct request *req, struct placement_fact *out);

/* The flag a cgroup_parent adds: "--cgroup-parent=PARENT" (caller frees). */
char	*placement_inject(const char *parent);

#endif
