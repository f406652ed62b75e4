/*
 * reslimits.h: resource limits on a rule (issue 16): a default that is added
 * to a request that does not set the flag, and a cap that no value of any
 * flag that says the same thing may pass.  Which docker flags a limit
 * covers, and how docker reads their values, is data in limits.c.
 */
#ifndef DG_RESLIMITS_H
#define DG_RESLIMITS_H

#include <stddef.h>

struct flagval;
struct request;
struct strv;

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
 * Hold one flag occurrence of a compose service (the run flag its key
 * maps to) to the caps of lim; --cpu-quota/--cpu-period are refused under
 * a cpus cap (a service gives cpus), a log-opt max-size is held to the
 * log-size cap alone.  Returns 0, or -1 with a
 * one-line reason in buf naming the flag, the value and the cap.
 */
int	 reslimits_check_flag(const struct limits *lim, const struct flagval *fv,
	    char *buf, size_t len);

/*
 * Hold a whole request to lim: every covered flag, the combined ones
 * (--cpu-quota with --cpu-period, the log driver with its options), and
 * the defaults: for a command that takes them, the flags a default adds
 * ("--memory=256m") are appended to inject.  Returns 0, or -1 with the
 * reason in buf.
 */
int	 reslimits_check(const struct limits *lim, const struct request *req,
	    struct strv *inject, char *buf, size_t len);

/*
 * Under a tmpfs-size cap, for run and create: the value a --tmpfs or
 * --mount type=tmpfs occurrence fv of req becomes when it gives no size
 * ("/x" -> "/x:size=BYTES", "type=tmpfs,dst=/x" -> "...,tmpfs-size=BYTES",
 * the cap in bytes, other options kept), or NULL: nothing to add.
 * Caller frees.  reslimits_check lets such a tmpfs pass for these
 * commands only because the caller then renders this value instead.
 */
char	*reslimits_tmpfs_fix(const struct limits *lim, const struct request *req,
	    const struct flagval *fv);

/*
 * For a compose service: which limits did its keys set (bit 1 << id, as
 * reslimits_flag_sets reports each flag), and the denial for the first limit
 * with a default that it did not set.  Returns 0, or -1 with buf.
 */
unsigned reslimits_flag_sets(const struct flagval *fv);
int	 reslimits_service_defaults(const struct limits *lim, unsigned set,
	    char *buf, size_t len);

#endif
