/*
 * policy.h: the YAML policy (dockergate.yaml(5)), loaded once, strictly.
 */
#ifndef DG_POLICY_H
#define DG_POLICY_H

#include <stddef.h>
#include "commands.h"
#include "reslimits.h"
#include "util.h"

#define POLICY_DEFAULT_PATH	"/etc/dockergate/policy.yaml"
#define POLICY_MAX_BYTES	(1024 * 1024)	/* policy file size */
#define POLICY_MAX_DEPTH	16	/* YAML nesting levels */
#define POLICY_MAX_RULES	4096	/* rules per role */
#define POLICY_MAX_ERRORS	100	/* problems reported by --check */

#define POLICY_DEFAULT_BINARY	"/usr/bin/docker"
#define POLICY_DEFAULT_HOST	"unix:///var/run/docker.sock"
#define POLICY_DEFAULT_CONFIG	"/etc/dockergate/docker-config"
#define POLICY_DEFAULT_TIMEOUT	3600	/* seconds */

enum mounts_mode {
	MOUNTS_NONE,		/* no volumes of any kind (default) */
	MOUNTS_NAMED,		/* named and anonymous volumes */
};

struct bindspec {
	char	*path;		/* absolute, cleaned */
	int	 readonly;	/* ":ro": mounts must be read-only */
};

struct labelspec {
	char	*key;
	char	*value;
};

struct rule {
	char		*where;		/* "roles.ai-worker.allow[3]" */
	int		 line, col;	/* of the rule in the file */
	const struct cmddef **cmds;	/* canonical commands */
	size_t		 ncmds;
	struct strv	 containers;	/* name globs; empty = any */
	struct labelspec *labels;	/* all must match */
	size_t		 nlabels;
	int		 owned;		/* targets must carry our owner label */
	int		 own;		/* run/create add the owner label */
	struct strv	 images;	/* normalized patterns; empty = any */
	enum mounts_mode mounts;
	struct strv	 volumes;	/* named volume globs; empty = any */
	struct bindspec	*binds;
	size_t		 nbinds;
	struct strv	 deny_flags;	/* canonical long names */
	unsigned	 unsafe;	/* risk classes opted into */
	struct strv	 subcommands;	/* compose */
	struct strv	 projects;	/* compose project dir globs */
	struct strv	 contexts;	/* build contexts */
	int		 redact_env;	/* default 1 */
	struct limits	 limits;	/* resource limits (reslimits.c) */
	struct strv	 networks;	/* network name globs; empty = any */
	char		*network;	/* default network, or NULL */
	long		 max_containers;	/* quota (quota.c), 0 = none */
	long		 lifetime;	/* seconds (reap.c), 0 = none */
	char		*cgroup_parent;	/* placement.c, or NULL */
	int		 approval;	/* approval.c: held for a person */
};

struct role {
	char		*name;
	struct rule	*rules;
	size_t		 nrules;
	int		 observe;	/* mode: observe (decide.c runs what
					   the rules deny, the verdict says) */
	/* Where the role's mapping is in the file (learn.c rewrites it),
	 * in characters as libyaml counts them: [span_start, span_end),
	 * its first key's column, its name's column, and whether it is
	 * written {flow: style}. */
	size_t		 span_start, span_end;
	size_t		 span_col, span_key_col;
	int		 span_flow;
};

/* The top-level approvals: block (approval.c). */
struct approvals {
	int		 set;		/* the block is present */
	char		*dir;		/* APPROVAL_DEFAULT_DIR or as given */
	long		 ttl;		/* seconds an approval stays usable */
	long		 wait;		/* seconds a session waits; 0: none */
	struct strv	 notify;	/* argv of the notifier, or empty */
	int		 notify_line, notify_col;	/* of notify: */
};

struct policy {
	char		*file;
	char		*binary;	/* docker.binary */
	char		*host;		/* docker.host */
	char		*config_dir;	/* docker.config_dir */
	long		 timeout;	/* seconds, 0 = never */
	int		 audit_syslog;
	char		*audit_file;	/* NULL: none */
	int		 audit_required;
	struct role	*roles;
	size_t		 nroles;
	struct approvals approvals;
};

/*
 * Open path once, check on the descriptor (and on every parent directory)
 * that it is root-owned and not group/world-writable, then parse it.
 * Returns 0 and *out (free with policy_free), or -1 with every problem in
 * errs as "FILE:LINE:COL: message" (or "FILE: message").  *unsafe_perm is
 * set to 1 when the failure is about ownership or mode.
 */
int	 policy_load(const char *path, struct policy **out, struct strv *errs,
	    int *unsafe_perm);

/*
 * Read and parse path with no owner, mode or link checks (for
 * --check --content-only: a file in the Nix store, /dev/stdin).  Same
 * return and errs as policy_load.
 */
int	 policy_load_content(const char *path, struct policy **out,
	    struct strv *errs);

/* Parse a policy from memory without any file checks (tests, fuzzing). */
int	 policy_parse(const char *buf, size_t len, const char *name,
	    struct policy **out, struct strv *errs);

void	 policy_free(struct policy *);		/* accepts NULL */

const struct role *policy_role(const struct policy *, const char *name);

#endif
