/*
 * decide.h: the pure decision.  No I/O, no globals: what must be looked up
 * (paths, containers, images) goes through the resolver, which tests fake.
 */
#ifndef DG_DECIDE_H
#define DG_DECIDE_H

#include <stddef.h>
#include "grammar.h"
#include "labels.h"
#include "policy.h"

#define DECIDE_REASON_MAX	1024	/* bytes of a verdict's reason */
#define OBSERVE_PATH_DEPTH	32	/* directory levels observe mode's
					   widest rule reaches (projects,
					   build contexts) */

/* A container (or swarm service) as the engine knows it. */
struct target {
	char		*id;		/* full 64-hex ID (service: 25 chars) */
	char		*name;		/* without the leading '/' */
	struct labelspec *labels;
	size_t		 nlabels;
};

struct resolver {
	void	*ctx;
	/*
	 * Resolve a host path for a bind mount: *resolved = realpath-like
	 * result (caller frees), *writable = 1 when the path or any existing
	 * ancestor is writable by the calling user (or is a symlink it could
	 * swap).  Return 0, or -1 with *errstr.  NULL: binds are denied.
	 */
	int	(*path)(void *ctx, const char *path, char **resolved,
		    int *writable, const char **errstr);
	/*
	 * Look up a container by name, full ID or unique ID prefix.  Returns
	 * 0 and fills *t (free with decide_target_free), -1 with *errstr
	 * (not found, ambiguous, engine unreachable).  *unavailable is set to
	 * 1 when the engine could not be asked.  NULL: scoped rules deny.
	 */
	int	(*container)(void *ctx, const char *ref, struct target *t,
		    int *unavailable, const char **errstr);
	/* The docker CLI's working directory, for '.'-relative sources. */
	const char *cwd;
	/*
	 * Look up an image given by ID (or ID prefix): append its repo tags
	 * (as the engine spells them, e.g. "alpine:3", possibly none) to
	 * *repotags.  Returns 0, or -1 with *errstr (not found, engine
	 * unreachable); *unavailable as for container.  NULL: an image by ID
	 * under a rule that limits images is denied.
	 */
	int	(*image)(void *ctx, const char *ref, struct strv *repotags,
		    int *unavailable, const char **errstr);
	/*
	 * Examine a file or directory the decision must inspect (compose
	 * files, .env, build contexts): *resolved = its realpath (caller
	 * frees); for a regular file *content (NUL-terminated, at most
	 * COMPOSE_MAX_BYTES, caller frees) and *len, for a directory
	 * *content = NULL.  *trusted = 1 when it and every directory above
	 * it, given and resolved, is root-owned and not group- or
	 * world-writable.  Returns 0, 1 when nothing exists at path, or -1
	 * with *errstr.  NULL: compose projects and build contexts are
	 * denied.  (compose_resolver_init in composefs.c sets it.)
	 */
	int	(*file)(void *ctx, const char *path, char **resolved,
		    char **content, size_t *len, int *trusted,
		    const char **errstr);
	/*
	 * Look up a swarm service by name, full ID or unique ID prefix, as
	 * container does; t->id is the 25-character swarm ID, t->labels the
	 * service's own labels.  NULL: scoped service rules deny.
	 */
	int	(*service)(void *ctx, const char *ref, struct target *t,
		    int *unavailable, const char **errstr);
	/*
	 * The client's standard input, read whole by main for a build whose
	 * context or Dockerfile is "-" (at most BUILD_STDIN_MAX bytes, see
	 * compose_build_stdin); docker is then fed exactly these bytes.
	 * stdin_data NULL: not read, and such a build is denied.
	 */
	const char *stdin_data;
	size_t	 stdin_len;
	/*
	 * For max_containers (quota.c): take role's quota lock (kept until
	 * the session ends or hands it on) and count the containers, running
	 * or not, that carry role's owner label into *n.  Returns 0, or -1
	 * with *errstr and *unavailable.  NULL: a quota rule denies.
	 */
	int	(*count)(void *ctx, const char *role, long *n,
		    int *unavailable, const char **errstr);
	void	*count_ctx;
};

struct pin {
	size_t	 arg;		/* index into request.args */
	char	*value;		/* replacement (a full container ID) */
};

struct verdict {
	int	 allow;
	int	 unavailable;		/* a lookup failed: exit 69 */
	char	 rule[128];		/* "roles.R.allow[N]" or "" */
	char	 reason[DECIDE_REASON_MAX];
	struct pin *pins;		/* container args to pin to IDs */
	size_t	 npins;
	struct strv extra_flags;	/* flags decide adds (limits, --type) */
	struct strv label_filters;	/* "K=V": render adds --filter=label= */
	struct strv labels;		/* "K=V": render adds --label= */
	struct pin *fixes;		/* flag values decide rewrites: arg is
					   an index into request.flags (a
					   tmpfs given the size cap) */
	size_t	 nfixes;
	unsigned redact;		/* REDACT_* (redact.h): what the
					   executor's output filter masks */
	int	 quota;			/* the rule has max_containers: the
					   count's lock must be held on */
	long	 quota_new;		/* containers the request may create
					   (1 for run/create; compose: the
					   sum of its services' replicas):
					   the lock's holder should wait for
					   that many (quota_hold) */
	long	 lifetime;		/* the rule's lifetime (seconds): a
					   session adds the expiry label */
	int	 approval;		/* the rule has approval: true: run
					   only once a person approved it */
	int	 observe;		/* allow is 1 only because the role
					   is in observe mode: the rules deny
					   it, rule and reason say why */
};

/*
 * Decide whether role may run req under pol.  Always fills *v; returns 0.
 * A request is allowed iff at least one rule of the role accepts it whole,
 * or, for a role in observe mode, the widest rule a policy can write
 * accepts it: then v->observe is set and rule and reason say why the
 * rules deny it.
 * On deny, v->reason says what and why and, where it helps, what would be
 * allowed; v->rule names the rule the request was held to, if any.
 */
int	 decide(const struct policy *pol, const char *role,
	    const struct request *req, const struct resolver *res,
	    struct verdict *v);

/*
 * Why no request of command c can ever pass rule r, whatever its flags and
 * arguments, or NULL.  decide() denies with these words; help marks such
 * commands unavailable.
 */
const char *decide_unavailable(const struct rule *r, const struct cmddef *c);

/*
 * 1 when the role's rules make at least one command with every bit of
 * traits (CMD_*) available (decide_unavailable, as help says), directly
 * or as a compose subcommand a rule lists; e.g. CMD_READS_ONLY for MCP's
 * docker_read tool.
 */
int	 decide_role_offers(const struct role *role, unsigned traits);

/*
 * For learn.c: check req against rule r as decide() checks a rule of
 * role, but count each risk class r lacks into *need instead of denying.
 * Returns 0 with *need (the classes r must list in unsafe to accept
 * req), or -1 with reason (len bytes): a denial no risk class lifts
 * (*need is then 0).  Pure, like decide().
 */
int	 decide_needs(const struct policy *pol, const char *role,
	    const struct rule *r, const struct request *req,
	    const struct resolver *res, unsigned *need, char *reason,
	    size_t len);

void	 decide_verdict_free(struct verdict *);	/* members only */
void	 decide_target_free(struct target *);	/* members only */

#endif
