/*
 * commands.h: the docker CLI as data.
 *
 * Every docker command and every flag the gateway knows is a row here.  A
 * command or flag that is not in the table is unknown, and unknown is denied.
 * Adding a docker flag is adding a row, never an `if` elsewhere.
 */
#ifndef DG_COMMANDS_H
#define DG_COMMANDS_H

#include <stddef.h>

/* Value types, named as the docker CLI's --help prints them. */
enum vtype {
	VT_BOOL,	/* takes no separate word; only ParseBool spellings */
	VT_STRING,	/* one value, last occurrence wins */
	VT_INT,		/* int, int64: strconv.ParseInt(s, 0, 64) */
	VT_UINT,	/* uint16, uint64 */
	VT_DURATION,	/* Go time.ParseDuration */
	VT_BYTES,	/* go-units RAMInBytes (MemSwapBytes also -1) */
	VT_DECIMAL,	/* decimal CPUs, e.g. 1.5 */
	VT_IP,		/* an IP address, empty accepted */
	VT_LIST,	/* repeatable, one item per occurrence, no splitting */
	VT_SLICE,	/* repeatable, each occurrence one CSV record */
	VT_MAP,		/* repeatable k=v */
	VT_FILTER,	/* repeatable, must contain '=' */
	VT_MOUNT,	/* repeatable --mount CSV */
	VT_NETWORK,	/* repeatable --network (name or CSV long syntax) */
	VT_GPU,		/* repeatable --gpus request */
	VT_ULIMIT,	/* repeatable name=soft[:hard] */
	VT_ARRAY,	/* repeatable stringArray (compose, buildx) */
};

/* How a value is read for risk (values.c); VK_PLAIN means "by flag only". */
enum vkind {
	VK_PLAIN,
	VK_VOLUME,	/* -v SRC:DST[:MODE] */
	VK_MOUNT,	/* --mount CSV */
	VK_TMPFS,	/* --tmpfs PATH[:OPTS] */
	VK_CAPADD,	/* --cap-add NAME */
	VK_SECOPT,	/* --security-opt k=v or legacy k:v */
	VK_NETWORK,	/* --network / --net */
	VK_NSMODE,	/* --pid / --ipc / --uts: host, container:X */
	VK_USERNS,	/* --userns: host */
	VK_CGROUPNS,	/* --cgroupns: host */
	VK_LABEL,	/* --label: the dockergate. prefix is reserved */
	VK_CHANGE,	/* commit/import --change: a Dockerfile line that
			   may not write a dockergate. label */
	VK_WORKDIR,	/* --workdir/-w: a path inside the container */
	VK_IMAGE,	/* an image the command runs (service update
			   --image): held to the rule's images */
	VK_OUTPUT,	/* shapes the output (--format template, --pretty
			   text): env redaction cannot work on it */
	VK_PRUNE_FILTER,/* --filter of a prune: dangling= can widen it to
			   every unused image (data-loss) */
	VK_TASK_FILTER,	/* --filter of service/node ps: a service= value
			   adds services to the pinned one (ORed) */
	VK_DEVPATH,	/* PATH:VALUE of the blkio throttles: the daemon
			   stats PATH as root, so only a clean path under
			   /dev is no risk (values.c) */
	VK_PLATFORM,	/* --platform where it may pull: the pulled variant
			   then takes the image's local tag, so the flag's
			   risk is image-tags without a tag value */
	VK_PROJECT_FILE,/* compose -f, --env-file, --project-directory:
			   files compose reads before any subcommand runs,
			   judged by compose.c for project subcommands and
			   refused with the others */
	VK_VOLDRIVER,	/* volume create --driver: local is the built-in
			   driver, any other volume-drivers (values.c) */
	VK_NAMES,	/* compose config --services and the like: the
			   output is names only, nothing redact_env hides
			   (decide.c) */
};

/*
 * Risk classes (dockergate.yaml(5), RISK CLASSES), one bit each.  A flag's
 * risk applies when the flag is used (for bools: when its value is true);
 * VK_* kinds add risk by value.  RISK_NEVER can not be opted into.
 */
enum risk {
	RISK_NONE		= 0,
	RISK_PRIVILEGED		= 1u << 0,
	RISK_HOST_MOUNTS	= 1u << 1,
	RISK_HOST_NAMESPACES	= 1u << 2,
	RISK_OTHER_CONTAINERS	= 1u << 3,
	RISK_CAPABILITIES	= 1u << 4,
	RISK_DEVICES		= 1u << 5,
	RISK_GPUS		= 1u << 6,
	RISK_SECURITY_OPTIONS	= 1u << 7,
	RISK_KERNEL		= 1u << 8,
	RISK_CLIENT_FILES	= 1u << 9,
	RISK_VOLUME_DRIVERS	= 1u << 10,
	RISK_LOG_EGRESS		= 1u << 11,
	RISK_DATA_LOSS		= 1u << 12,
	RISK_IMAGE_TAGS		= 1u << 13,
	RISK_REMOTE_SOURCES	= 1u << 14,	/* a build fetches from the
						   network (dockerfile.c) */
	RISK_NEVER		= 1u << 31,
};

/*
 * Sizes of the strings kept inside the rows (the tables hold no pointers:
 * see commands.c).  test_commands checks that every string fits with its
 * NUL.
 */
#define CMD_FLAG_MAX	32	/* a long flag name */
#define CMD_FLAG_ALIAS_MAX 16	/* the flag a hidden alias stands for */
#define CMD_NAME_MAX	24	/* a command's words: "container run" */
#define CMD_SUMMARY_MAX	120	/* a command's one-line summary */
#define CMD_WHY_MAX	96	/* a reason, commands_why() */
#define CMD_RISK_MAX	20	/* a risk class: "security-options" */

struct flagdef {
	char		 name[CMD_FLAG_MAX];
					/* long name, without "--"; "" ends
					   a set */
	char		 shorthand;	/* single byte, 0 if none */
	enum vtype	 type;
	enum vkind	 kind;
	unsigned	 risk;		/* enum risk bits for using the flag */
	char		 alias_of[CMD_FLAG_ALIAS_MAX];
					/* canonical long name of a hidden
					   alias (--net -> network), or "" */
	unsigned char	 why;		/* why it is risky, commands_why();
					   0 when risk is 0 */
};

/* What a positional argument names. */
enum pkind {
	P_NONE,
	P_ANY,		/* not interpreted */
	P_CONTAINER,	/* a container: name, ID or ID prefix */
	P_IMAGE,	/* an image that is read (run, rmi): a reference, or
			   an ID or any prefix of one */
	P_IMAGE_NAME,	/* an image reference, never an ID (pull, push) */
	P_NEWNAME,	/* a name given to a container (rename): held to
			   the rule's container globs */
	P_PSARGS,	/* ps options (top): "e" prints the environment */
	P_IMAGE_TAG,	/* an image reference that is written (tag target) */
	P_CMD,		/* the container's command: verbatim, never parsed */
	P_NETWORK,
	P_VOLUME,
	P_OBJECT,	/* generic inspect: decided by --type */
	P_PATH,		/* a client-side path (import file) */
	P_CONTEXT,	/* a build context: judged by compose.c against the
			   rule's contexts */
	P_CPPATH,	/* docker cp: CONTAINER:PATH or a local path */
	P_SERVICE,
	P_NODE,
};

#define CMD_MAX_FLAGSETS	4	/* flag sets a command may combine */
#define CMD_ARGS_UNBOUNDED	(-1)

struct cmddef {
	char		 name[CMD_NAME_MAX];
					/* canonical words: "container run";
					   "" ends the table */
	unsigned char	 flagsets[CMD_MAX_FLAGSETS];
					/* flag sets by number, 0 for none:
					   read them with commands_flagset() */
	int		 interspersed;	/* 0: first positional ends flags */
	enum pkind	 pfirst;	/* kind of the first positional */
	enum pkind	 prest;		/* kind of the others */
	int		 minargs;
	int		 maxargs;	/* CMD_ARGS_UNBOUNDED for no limit */
	unsigned	 risk;		/* risk of the command itself */
	unsigned char	 why;		/* reason for risk, commands_why() */
	char		 summary[CMD_SUMMARY_MAX];
					/* one line for `help` */
	unsigned	 traits;	/* CMD_* below */
};

/* Command traits that the decision needs beyond flags and positionals. */
#define CMD_SHOWS_ENV	0x1	/* output shows container environment values
				   (inspect): subject to redact_env */
#define CMD_GROUP_FLAGS	0x2	/* a group word with its own flag set
				   ("compose"): its flags are parsed
				   non-interspersed between the word and the
				   subcommand, and kept in request.gflags */
#define CMD_PROJECT	0x4	/* loads a compose project: its files are
				   resolved and checked (compose.c) */
#define CMD_BUILD	0x8	/* builds from a context: contexts are
				   checked (compose.c) */
#define CMD_LABEL_SCOPE	0x10	/* lists containers and takes --filter
				   label=K=V, which docker ANDs: a rule that
				   scopes by labels adds its labels as filters */
#define CMD_OWNABLE	0x40	/* creates a container or service that
				   own: true labels with the owner (its
				   --label is the container's or service's) */
#define CMD_PULLS	0x80	/* the daemon may contact the registry of the
				   image it names (pull, push, run and create
				   when the image is missing, build's FROM,
				   services, compose up/pull/...): a registry
				   on this host is refused unless the rule's
				   images name it (imageref_local_registry) */
#define CMD_SESSION_LABEL 0x20	/* starts a container that the CLI stays
				   attached to: it is labelled with the
				   session, so that it can be killed when
				   a timeout or a vanished client ends the
				   CLI (a PID 1 may ignore the signal
				   docker proxies) */
#define CMD_STARTS_NOTHING 0x100	/* a compose subcommand that creates,
				   starts and builds nothing (ps, logs,
				   down, ...): its project's files are read
				   and must be trusted, but its services are
				   not held to the rule's checks (compose.c);
				   every other project subcommand is judged
				   on the services it would act on */
#define CMD_DEPENDENTS	0x200	/* a compose subcommand that also acts on
				   the services that depend on those it
				   acts on (restart: compose restarts
				   dependents unless --no-deps) */

#define CMD_SHOWS_BUILD	0x400	/* output shows an image's build arguments
				   (the classic builder's "|N K=V" Cmd):
				   redacted unless the role allows history */
#define CMD_SHOWS_EXEC	0x800	/* output shows exec command lines (events):
				   subject to redact_env */
#define CMD_CREATES	0x1000	/* a compose subcommand that may create
				   containers (up, create, run, scale,
				   watch): under max_containers every one
				   it may create is counted (compose.c) */
#define CMD_HIDDEN	0x2000	/* a subcommand docker's help does not list
				   ("compose alpha"): commands_subcommands()
				   leaves it out, so a policy's subcommands
				   can not name it */
#define CMD_READS_ONLY	0x4000	/* every invocation only reads: it changes
				   no container, image, volume, network,
				   swarm object or file of the host, and
				   has no flag that writes a file (MCP's
				   docker_read tool runs only these;
				   test_commands lists them) */

/* Each trait its own bit: where two share one, XOR and OR differ. */
#define CMD_TRAITS_XOR	(CMD_SHOWS_ENV ^ CMD_GROUP_FLAGS ^ CMD_PROJECT ^ \
	CMD_BUILD ^ CMD_LABEL_SCOPE ^ CMD_SESSION_LABEL ^ CMD_OWNABLE ^ \
	CMD_PULLS ^ CMD_STARTS_NOTHING ^ CMD_DEPENDENTS ^ CMD_SHOWS_BUILD ^ \
	CMD_SHOWS_EXEC ^ CMD_CREATES ^ CMD_HIDDEN ^ CMD_READS_ONLY)
#define CMD_TRAITS_OR	(CMD_SHOWS_ENV | CMD_GROUP_FLAGS | CMD_PROJECT | \
	CMD_BUILD | CMD_LABEL_SCOPE | CMD_SESSION_LABEL | CMD_OWNABLE | \
	CMD_PULLS | CMD_STARTS_NOTHING | CMD_DEPENDENTS | CMD_SHOWS_BUILD | \
	CMD_SHOWS_EXEC | CMD_CREATES | CMD_HIDDEN | CMD_READS_ONLY)
_Static_assert(CMD_TRAITS_XOR == CMD_TRAITS_OR, "two CMD_ traits share a bit");

/*
 * What `docker inspect --type T` reaches, and the typed command that shows
 * the same object: generic inspect reaches type T under a rule only when
 * the same rule names that command.  cmd "" (task): never reached.
 */
struct inspecttype {
	char		 type[CMD_FLAG_ALIAS_MAX];	/* --type value; "" ends */
	char		 cmd[CMD_NAME_MAX];		/* "container inspect" */
};

extern const struct inspecttype commands_inspect_types[];	/* "" ends */

/* The row of commands_inspect_types for a --type value, or NULL. */
const struct inspecttype *commands_inspect_type(const char *type);

/* A spelling: the words a user may type for a canonical command. */
struct cmdalias {
	char		 words[CMD_NAME_MAX];	/* "ps", "container ls", ...;
						   "" ends the table */
	char		 canon[CMD_NAME_MAX];	/* cmddef name */
};

#define CMD_ALIASES_MAX	512	/* rows of commands_aliases that are read */

extern const struct cmddef	commands_table[];	/* "" name ends */
extern const struct cmdalias	commands_aliases[];	/* "" words ends */
extern const struct flagdef	commands_global_flags[];/* root flags */
extern const struct flagdef	commands_persistent_flags[];
					/* --help/-h, merged into every
					   command that does not define the
					   same name or shorthand itself */

/* Canonical command by its canonical name, or NULL. */
const struct cmddef *commands_find(const char *canon);

/*
 * Command for a spelling given as words (e.g. {"container", "ls"}): the
 * longest alias that matches words[0..n).  Sets *used to the number of words
 * consumed.  NULL when no spelling matches.
 */
const struct cmddef *commands_lookup(char *const *words, size_t n,
	    size_t *used);

/* 1 if word is the first word of a multi-word spelling ("container"). */
int	 commands_is_group(const char *word);

/*
 * The group command of a subcommand row whose group has CMD_GROUP_FLAGS
 * ("compose up" -> "compose"), or NULL.
 */
const struct cmddef *commands_group(const struct cmddef *);

/* Flag set i (0 <= i < CMD_MAX_FLAGSETS) of a command, or NULL if unused. */
const struct flagdef *commands_flagset(const struct cmddef *, size_t i);

/*
 * Walks the table for callers that list what it holds (policy.c's "did you
 * mean", help.c).  fn is called for each item in table order; a nonzero
 * return stops the walk and is returned, 0 when the walk completes.
 */
typedef int	(*commands_flag_fn)(const struct flagdef *, void *ctx);
typedef int	(*commands_word_fn)(const char *word, void *ctx);

/*
 * Each flag of a command's own flag sets (not the persistent --help, which
 * every command has).
 */
int	 commands_each_flag(const struct cmddef *, commands_flag_fn fn,
	    void *ctx);

/*
 * Each spelling of a command ("ps", "container ls", ...), or of every
 * command when cmd is NULL, in commands_aliases order.
 */
int	 commands_spellings(const struct cmddef *, commands_word_fn fn,
	    void *ctx);

/*
 * Each subcommand of a group word ("compose" -> "attach", "build", ...),
 * as the word after the group, leaving out CMD_HIDDEN rows.  Rows of a
 * group are in alphabetical order in the table.
 */
int	 commands_subcommands(const char *group, commands_word_fn fn,
	    void *ctx);

/* Text of a reason (flagdef.why, cmddef.why), or NULL for none. */
const char *commands_why(unsigned why);

/* Flag of one set by long name, or (name NULL) by shorthand c; or NULL. */
const struct flagdef *commands_set_flag(const struct flagdef *set,
    const char *name, char c);

/* Flag of a command by long name or shorthand (0 / NULL to skip). */
const struct flagdef *commands_flag(const struct cmddef *, const char *name);
const struct flagdef *commands_short(const struct cmddef *, char c);

/* The canonical long name of a flag (resolving alias_of). */
const char *commands_flag_canon(const struct flagdef *);

/* Risk class names: "privileged", "host-mounts", ... */
const char *commands_risk_name(unsigned bit);	/* one bit */
unsigned    commands_risk_lookup(const char *name);	/* 0 if unknown */

/*
 * Each risk class a policy may name in unsafe: (every class but never), in
 * table order, which is bit order; help.c prints its list from this walk.
 */
int	 commands_each_risk(commands_word_fn fn, void *ctx);

#endif
