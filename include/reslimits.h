/*
 * reslimits.h: resource limits on a rule (dockergate.yaml(5)): a default
 * that is added to a request that does not set the flag, and a cap that no
 * value of any flag that says the same thing may pass.  This module knows
 * docker's side: which flags a limit covers and how docker reads their
 * values (reslimits.c), reported as findings; decide.c holds the findings
 * to a rule's struct limits and words the reason.
 */
#ifndef DG_RESLIMITS_H
#define DG_RESLIMITS_H

#include <limits.h>
#include <stddef.h>

struct flagval;
struct request;

#define LIMITS_TEXT_MAX		24	/* bytes of a limit value as written */
#define LIMITS_CPU_PERIOD	100000	/* CFS period (us) when none is given */
#define LIMITS_CPU_PERIOD_MIN	1000	/* the smallest period docker takes */
#define LIMITS_LOG_FILES_JSON	1	/* json-file max-file default */
#define LIMITS_LOG_FILES_LOCAL	5	/* local max-file default */
#define LIMITS_LOG_SIZE_LOCAL	(20LL * 1024 * 1024) /* local max-size dflt */

enum limit_id {
	LIMIT_MEMORY,		/* memory: bytes */
	LIMIT_CPUS,		/* cpus: nano-CPUs */
	LIMIT_PIDS,		/* pids: processes */
	LIMIT_SHM,		/* shm-size: bytes */
	LIMIT_TMPFS,		/* tmpfs-size: bytes, every tmpfs */
	LIMIT_LOG,		/* log-size: bytes of json-file/local logs */
	LIMIT_COUNT
};

struct limitspec {
	int		 has_default, has_max;
	long long	 def, max;		/* in the limit's unit */
	char		 deftext[LIMITS_TEXT_MAX];	/* as written */
	char		 maxtext[LIMITS_TEXT_MAX];
};

struct limits {
	int		 any;		/* the rule has a limits: key */
	struct limitspec l[LIMIT_COUNT];
};

/* The limit called name ("memory", "tmpfs-size"), or -1. */
int	 reslimits_lookup(const char *name);
const char *reslimits_name(int id);
/* 1 if the limit may have a default (tmpfs-size may not). */
int	 reslimits_takes_default(int id);
/* "memory, cpus, ..." of every limit name (static). */
const char *reslimits_names(void);

/*
 * Read a policy value of limit id: sizes as go-units RAMInBytes (binary
 * units), cpus as a decimal number of CPUs, pids as a positive integer.
 * Returns 0 and *out, or -1 with *errstr.
 */
int	 reslimits_parse(int id, const char *text, long long *out,
	    const char **errstr);

/* 1 if a rule for command canon ("container run") may carry limits. */
int	 reslimits_command_takes(const char *canon);

/*
 * What a scan saw (struct limit_finding.kind).  A scan reports facts about
 * the request only; decide.c holds them to the rule's limits and words the
 * reason.
 */
enum limit_kind {
	LK_AMOUNT,		/* flag: value read as amount */
	LK_UNREADABLE,		/* flag [key]: value not read as docker does */
	LK_NO_SIZE,		/* --tmpfs value: no size= option */
	LK_NO_TMPFS_SIZE,	/* --flag type=tmpfs value: no tmpfs-size= */
	LK_CFS_ALONE,		/* a service's cpu-quota or cpu-period */
	LK_CFS,			/* --cpu-quota value, --cpu-period value2 */
	LK_UNSET,		/* the request leaves limit out; flag sets it */
	LK_SERVICE_UNSET,	/* the service leaves it out; flag is its key */
	LK_LOG,			/* a json-file or local log (value2: driver) */
	LK_LOG_UNREADABLE,	/* log-opt key value of that log: unreadable */
};

/*
 * One fact.  Strings point into the request (or are static) and live as
 * long as it.  amount is in the limit's unit (bytes, nano-CPUs, processes),
 * LIMITS_NONE where docker reads the value as no limit.
 */
struct limit_finding {
	enum limit_kind	 kind;
	enum limit_id	 limit;
	const char	*flag;		/* canonical name, or compose key */
	const char	*key;		/* log-opt key value is of, or NULL */
	const char	*value;		/* as typed; NULL: not given */
	const char	*value2;	/* LK_CFS: period; LK_LOG: driver */
	long long	 amount;	/* LK_AMOUNT, LK_CFS; LK_LOG: a file */
	long long	 files;		/* LK_LOG: max-file */
	int		 scale;		/* LK_AMOUNT: held to scale x the cap
					   (memory-swap counts memory too) */
	int		 no_limit;	/* LK_*UNSET: left out means no limit */
	int		 adds;		/* run, create: the request takes the
					   defaults and tmpfs sizes decide
					   adds */
};

#define LIMITS_NONE	LLONG_MAX	/* an amount that means no limit */

/* Called for each finding in order; returns 0 to go on, -1 to stop. */
typedef int	(*reslimits_fn)(void *ctx, const struct limit_finding *);

/*
 * The findings of a whole request of a command that takes limits, in this
 * order: each covered flag occurrence (every size= of a tmpfs), the
 * --cpu-quota/--cpu-period pair, the limits a creating command leaves
 * out, then its json-file or local log.  Returns 0, or -1 when fn stopped.
 */
int	 reslimits_scan(const struct request *req, reslimits_fn fn, void *ctx);

/*
 * The findings of one flag occurrence of a compose service (the run flag
 * its key maps to): --cpu-quota/--cpu-period is LK_CFS_ALONE (a service
 * gives cpus), a log-opt max-size an LK_AMOUNT of its own.  Returns 0, or
 * -1 when fn stopped.
 */
int	 reslimits_scan_flag(const struct flagval *fv, reslimits_fn fn,
	    void *ctx);

/*
 * For a compose service: which limits did its keys set (bit 1 << id, as
 * reslimits_flag_sets reports each flag); reslimits_scan_service reports
 * each limit with a compose key that set leaves out (LK_SERVICE_UNSET).
 */
unsigned reslimits_flag_sets(const struct flagval *fv);
int	 reslimits_scan_service(unsigned set, reslimits_fn fn, void *ctx);

/*
 * The value a --tmpfs or --mount type=tmpfs occurrence fv of a run or
 * create req becomes when it gives no size ("/x" -> "/x:size=BYTES",
 * "type=tmpfs,dst=/x" -> "...,tmpfs-size=BYTES", other options kept), or
 * NULL: nothing to add.  Caller frees.  The scan reports such a tmpfs with
 * adds set; decide.c renders this value instead under a tmpfs-size cap.
 */
char	*reslimits_tmpfs_fix(const struct request *req,
	    const struct flagval *fv, long long bytes);

/*
 * The flag a default of limit id is added as ("--memory=256m",
 * "--log-opt=max-size=BYTES"), from the default as written and in its
 * unit, or NULL (tmpfs-size has none).  Caller frees.
 */
char	*reslimits_default_flag(int id, const char *text, long long value);

/*
 * The disk a log of max-size size (bytes) and max-file files may take, or
 * LIMITS_NONE: rotation off (either is 0) or past int64.
 */
long long reslimits_log_total(long long size, long long files);

#endif
