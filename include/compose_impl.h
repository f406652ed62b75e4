/*
 * compose_impl.h: what compose.c (projects, files, top-level definitions)
 * shares with compose_svc.c (the keys of one service).  Internal to those
 * two files; the module's interface is compose.h.
 */
#ifndef DG_COMPOSE_IMPL_H
#define DG_COMPOSE_IMPL_H

#include <yaml.h>

#include "compose.h"
#include "decide.h"
#include "grammar.h"
#include "policy.h"
#include "util.h"

#define RUN_CMD		"container run"
#define BUILD_CMD	"image build"
#define EXEC_CMD	"container exec"

/* One loaded compose file. */
struct cfile {
	char		*path;		/* resolved */
	char		*dir;		/* base of its relative paths */
	char		*root;		/* what its resources must stay in */
	int		 tmpl;		/* loaded only for extends: its
					   services are templates, not the
					   project's */
	yaml_document_t	 doc;
};

/* One definition of a service: services.NAME in some loaded file. */
struct svcdef {
	const char	*name;		/* the YAML key's text */
	const struct cfile *f;
	yaml_node_t	*v;		/* its mapping */
};

/* A compose project being checked (the rule only through h->rule_has). */
struct project {
	const struct request	*req;
	const struct resolver	*res;
	const struct compose_hooks *h;
	struct compose_refusal *out;	/* where and why it refused */
	const char	*what;		/* "compose" or "build", for messages */
	char		*dir;		/* working directory, resolved */
	struct strv	 env;		/* "K=V" of the .env files */
	struct cfile	**files;	/* each allocated: pointers stay */
	size_t		 nfiles;
	size_t		*mainf;		/* the project's own files, in order
					   (-f, COMPOSE_FILE or defaults):
					   indexes into files */
	size_t		 nmain;
	struct strv	 services;	/* every service name seen */
	struct strv	 built;		/* services with a build section */
	struct svcdef	*defs;		/* every services.NAME of every
					   file, extended ones too */
	size_t		 ndefs;
	int		 starting;	/* the subcommand may start, create
					   or build (not CMD_STARTS_NOTHING) */
	struct strv	 acted;		/* services it acts on: named ones
					   (or all active ones) and their
					   dependencies */
	int		 tmpl;		/* loading for extends (cfile.tmpl) */
	int		 judge;		/* 1: values go to the decision's
					   hooks; 0: the current service is
					   not acted on, only the files it
					   names are checked */
	char		*name;		/* project name */
	size_t		 visits;
	const struct cfile *cur;	/* for messages */
	const char	*svc;
	const char	*key;
	unsigned	 limits_set;	/* of the service: reslimits_flag_sets */
	int		 owned;		/* of the service: its labels carry the
					   owner label (hooks.owner) */
	int		 net_given;	/* of the service: networks or
					   network_mode named one */
};

typedef int (*pairfn)(struct project *, yaml_node_t *, yaml_node_t *,
    void *);
typedef int (*itemfn)(struct project *, yaml_node_t *, void *);

/*
 * Refusals, reported in pj->out with the file and position of n: cx_fail
 * with compose's own words, cx_refail when a hook's check refused (the
 * decision words that part), cx_refail_note with words before it.  -1.
 */
int	 cx_fail(struct project *pj, const yaml_node_t *n, const char *fmt,
	    ...) __attribute__((format(printf, 3, 4)));
int	 cx_refail(struct project *pj, const yaml_node_t *n);
int	 cx_refail_note(struct project *pj, const yaml_node_t *n,
	    const char *note);

/* Paths: path against dir, cleaned (caller frees; NULL if unusable). */
char	*cx_join(const char *dir, const char *path);
/* What a resource must be, beyond trusted and inside the project. */
enum cx_want {
	CX_ANY,		/* a file or a directory */
	CX_DIR,		/* a directory (a build context) */
	CX_ENVFILE,	/* a file compose parses as KEY=VALUE lines without
			   an error (cx_dotenv_bad) */
	CX_LABELFILE,	/* an env file whose keys are container labels,
			   each held to docker run --label's check */
	CX_DOCKERFILE	/* a file held to cx_dockerfile (build args are
			   unknown: "*") */
};

/*
 * A host path a compose file names: inside its root, trusted, as `want'
 * says; *found is 0 when it does not exist (found NULL: missing is
 * denied).
 */
int	 cx_resource(struct project *pj, const yaml_node_t *n,
	    const char *path, int *found, enum cx_want want);

/*
 * 0 if compose's .env parser reads buf (len bytes) without an error, else
 * the number of the first line it could fail on.  Compose prints the text
 * it fails on, so a file that is no env file (a key, a password next to
 * the compose file) would reach the client.  Stricter than compose: each
 * line blank, a comment, or [export] KEY, KEY=VALUE or KEY: VALUE, KEY of
 * letters, digits and _ . - [ ], a quoted VALUE closed on its line.
 */
size_t	 cx_dotenv_bad(const char *buf, size_t len);

/* YAML of the current file. */
yaml_node_t *cx_node(const struct cfile *f, int i);
const char *cx_sval(const yaml_node_t *n);	/* scalar text or NULL */
char	*cx_str(struct project *pj, const yaml_node_t *n);
					/* interpolated; NULL = denied */
int	 cx_each_pair(struct project *pj, yaml_node_t *m, pairfn fn,
	    void *arg);			/* merge keys followed */
int	 cx_each_item(struct project *pj, yaml_node_t *n, itemfn fn,
	    void *arg);			/* a scalar is one item */
yaml_node_t *cx_get(const struct cfile *f, yaml_node_t *m, const char *key);
int	 cx_truthy(const char *s);	/* compose's bool */

/* The checks of docker run and build, through the decision's hooks. */
int	 cx_hook_flag(struct project *pj, const yaml_node_t *n,
	    const char *cmd, const char *flag, const char *value);
int	 cx_run_flag(struct project *pj, const yaml_node_t *n,
	    const char *flag, const char *value);
/*
 * The run flag a compose key maps to, held to the rule's deny_flags only:
 * for keys whose values carry no risk class, or whose files compose reads
 * confined to the project (env_file, label_file).
 */
int	 cx_run_named(struct project *pj, const yaml_node_t *n,
	    const char *flag, const char *value);
int	 cx_hook_tag(struct project *pj, const yaml_node_t *n,
	    const char *ref);
int	 cx_hook_image(struct project *pj, const yaml_node_t *n,
	    const char *ref);

/*
 * Hold a Dockerfile (buf, len bytes) to the rule through the hooks:
 * where names it in messages, buildargs resolve FROM ("NAME=VALUE";
 * "*" alone: any declared ARG may be overridden).  0, or -1 denied.
 */
int	 cx_dockerfile(struct project *pj, const yaml_node_t *n,
	    const char *where, const char *buf, size_t len,
	    const struct strv *buildargs);
extern const struct strv cx_any_args;	/* {"*"}: args not known */

/* An env_file entry of a service or an include: path, {path, required}. */
int	 cx_envfile_item(struct project *pj, yaml_node_t *n, void *arg);

/*
 * Hold the network key (services.X.networks names it; "default" for a
 * service that names none, implicit 1) to the rule through hooks.network,
 * by every name compose could give it: the name: (or external: {name:})
 * of its top-level definition in any loaded file, the key itself for an
 * external one, "<project>_<key>" otherwise or when undefined.
 */
int	 cx_network_key(struct project *pj, const yaml_node_t *n,
	    const char *key, int implicit);

/*
 * 1 unless compose's merged service name provably names a network: some
 * definition of it (in any file, or of a service it extends, to any
 * depth) has a non-empty networks or a network_mode, and none has either
 * key tagged (!reset can empty it).
 */
int	 cx_joins_default(struct project *pj, const char *name);

/* One service (compose_svc.c), as a pairfn over services: NAME: {...}. */
int	 cx_check_service(struct project *pj, yaml_node_t *k, yaml_node_t *v,
	    void *arg);

/* The service key table, for tests: see compose_svc.c. */
const char *cx_service_key(size_t i, const char **flag, int *named);

#endif
