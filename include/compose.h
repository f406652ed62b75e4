/*
 * compose.h: docker compose and docker build, checked statically: the
 * compose project is resolved the way compose resolves it, every file it
 * would load is parsed, and every service is held to the checks of
 * docker run; build contexts are confined to the rule's contexts.
 */
#ifndef DG_COMPOSE_H
#define DG_COMPOSE_H

#include <stddef.h>
#include "decide.h"
#include "grammar.h"
#include "policy.h"

#define COMPOSE_MAX_BYTES	(1024 * 1024)	/* one compose or .env file */
#define COMPOSE_MAX_FILES	64	/* files one project may load */
#define COMPOSE_MAX_DEPTH	64	/* YAML nesting, merges followed */
#define COMPOSE_MAX_VISITS	200000	/* nodes visited (aliases re-visit) */
#define COMPOSE_MAX_ENV		1024	/* variables of the .env files */
#define COMPOSE_NOTE_MAX	600	/* bytes of compose's own words */
#define COMPOSE_WHERE_MAX	(DECIDE_REASON_MAX / 2)	/* of a position */
#define COMPOSE_MAX_CREATES	100000	/* containers counted for one request
					   (QUOTA_MAX: more is over any) */

/*
 * What compose.c asks of the rule, through compose_hooks.rule_has: compose
 * never reads a struct rule itself.
 */
enum compose_ask {
	CA_PROJECTS,	/* the rule lists projects at all (value NULL) */
	CA_PROJECT,	/* value, a resolved directory, is one of them */
	CA_SUBCOMMAND,	/* the compose subcommand value is allowed */
	CA_CONTEXT,	/* value, a resolved directory or a remote
			   context, is one of the rule's build contexts */
	CA_PRIVILEGED	/* the rule allows risk class privileged (NULL) */
};

/*
 * What compose.c needs from the decision: the rule's answers (rule_has:
 * 1 yes, 0 no), and the checks of docker run and docker build
 * (deny_flags, risk classes, mounts, values), applied to one synthesized
 * flag, image or written tag.  Each check returns 0, or -1 with its reason
 * kept by the decision (compose never reads or writes it).
 */
struct compose_hooks {
	void	*ctx;
	int	(*rule_has)(void *ctx, enum compose_ask what,
		    const char *value);
	int	(*flag)(void *ctx, const struct flagval *fv);
	/* the rule's deny_flags only, for a value compose confines */
	int	(*named)(void *ctx, const struct flagval *fv);
	int	(*image)(void *ctx, const char *ref);
	int	(*tag)(void *ctx, const char *what, const char *ref);
	/* A Dockerfile finding that needs the risk classes in risk. */
	int	(*risk)(void *ctx, unsigned risk, const char *what);
	/* A service's keys are all checked: set has bit 1 << LIMIT_* for
	 * each resource limit they gave (reslimits_flag_sets); owned is 1
	 * when its labels carry the owner label that owner accepted.  NULL:
	 * none. */
	int	(*service)(void *ctx, unsigned set, int owned);
	/* A service label OWNER_LABEL=value: 0 if the rule makes it the
	 * role's own (own: true, value the role), else -1 with the reason.
	 * NULL: the label is refused as any reserved one. */
	int	(*owner)(void *ctx, const char *value);
	/* The containers a CMD_CREATES subcommand may create (at most
	 * COMPOSE_MAX_CREATES + 1: "more than the most"), for
	 * max_containers; a replica count that cannot be read is denied.
	 * NULL: nothing is counted. */
	int	(*creates)(void *ctx, long n);
	/* A network a service joins, by the name the engine knows it by
	 * (compose_svc.c resolves keys through the top-level networks);
	 * implicit: the service names none and joins the project's default
	 * network.  NULL: the rule does not limit networks. */
	int	(*network)(void *ctx, const char *name, int implicit);
};

/*
 * Where and why compose_check refused: the decision words the reason from
 * it, "WHERE NOTE" or, when one of its checks refused (judged), "WHERE
 * NOTE: ITS REASON" ("WHERE ITS REASON" without a note).
 */
struct compose_refusal {
	char	 where[COMPOSE_WHERE_MAX + 16];	/* "compose: FILE:LINE:
						   service S: KEY: " (what
						   is known) */
	char	 note[COMPOSE_NOTE_MAX];	/* what compose found */
	int	 judged;		/* a hook's check refused it */
};

/*
 * 1 if req is a docker build that reads standard input (context or -f
 * "-"): main reads it whole into resolver.stdin_data first.
 */
int	 compose_build_stdin(const struct request *req);

/* 1 if compose_check has something to check for this request. */
int	 compose_applies(const struct request *);

/*
 * Hold a compose or build request to the rule behind h: compose
 * subcommands, the group flags, the project (its directory against
 * projects, every file compose would load, every service) and build
 * contexts.  Pure: all file access goes through res->file.  Returns 0, or
 * -1 with *out saying where and why.
 */
int	 compose_check(const struct request *req, const struct resolver *res,
	    const struct compose_hooks *h, struct compose_refusal *out);

/* composefs.c: the filesystem side. */

/* Set r->file to the filesystem reader (root-owned, not writable). */
void	 compose_resolver_init(struct resolver *r);

/*
 * The file reader itself (exposed for tests).  See struct resolver.
 */
int	 compose_read_file(void *ctx, const char *path, char **resolved,
	    char **content, size_t *len, int *trusted, const char **errstr);

/*
 * The docker-compose CLI plugin the docker CLI would run: the first
 * docker-compose in the system plugin directories, if it and its
 * directories are root-owned and not writable by others; NULL otherwise
 * (not installed, or not trustworthy).  Static storage.
 */
const char *compose_plugin_path(void);

/*
 * 1 if s names a remote build context or file (a URL, git@..., or
 * github.com/...), which the client or the daemon would fetch.
 */
int	 compose_is_remote(const char *s);

#endif
