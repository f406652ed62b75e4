/*
 * reslimits.c: resource limits (dockergate.yaml(5), RESOURCE LIMITS).  A
 * rule's limits give a default that is added to a request that leaves the
 * flag out, and a cap that no flag saying the same thing may pass.
 *
 * Invariants:
 * - Which flags a limit covers is the table limitflags[]; a flag of a
 *   limited command that sets memory, CPU, processes, shared memory, a
 *   tmpfs or a log's size MUST have a row there.
 * - Values MUST be read as docker reads them: go-units RAMInBytes (binary)
 *   for the CLI's size flags, FromHumanSize (decimal) for a log driver's
 *   max-size, big.Rat nano-CPUs for --cpus, strconv for integers, the
 *   kernel's memparse for a tmpfs size=.  A value read differently or not
 *   at all MUST be denied under a cap, never taken as "no limit".
 * - "No limit" (0 or -1 where docker reads it so, a tmpfs without size=,
 *   a json-file log without max-size, --cpu-period without --cpu-quota)
 *   is over every cap.
 * - Every occurrence of a flag is held to the cap, not only the last one
 *   docker keeps.
 * - Pure: no I/O, no globals that change.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "grammar.h"
#include "reslimits.h"
#include "mounts.h"
#include "util.h"

#define NANO		1000000000LL	/* nano-CPUs in one CPU */
#define UNLIMITED	LLONG_MAX	/* a value that no cap admits */

/* The unit a limit is written in, in the policy. */
enum lunit {
	LU_BYTES,	/* RAMInBytes: 512m, 1g, 1.5GiB */
	LU_CPUS,	/* decimal CPUs: 0.5, 2 */
	LU_COUNT,	/* a positive integer */
};

struct limitdef {
	const char	*name;		/* as in the policy */
	enum lunit	 unit;
	const char	*inject;	/* flag a default is given as, or NULL
					   (no default) */
};

static const struct limitdef limitdefs[LIMIT_COUNT] = {
	[LIMIT_MEMORY] = { .name = "memory", .unit = LU_BYTES,
	    .inject = "memory" },
	[LIMIT_CPUS] = { .name = "cpus", .unit = LU_CPUS, .inject = "cpus" },
	[LIMIT_PIDS] = { .name = "pids", .unit = LU_COUNT,
	    .inject = "pids-limit" },
	[LIMIT_SHM] = { .name = "shm-size", .unit = LU_BYTES,
	    .inject = "shm-size" },
	[LIMIT_TMPFS] = { .name = "tmpfs-size", .unit = LU_BYTES,
	    .inject = NULL },
	[LIMIT_LOG] = { .name = "log-size", .unit = LU_BYTES,
	    .inject = "log-opt" },
};

/* How one flag's value is read and held to its limit. */
enum lread {
	LR_MEMORY,	/* RAMInBytes; 0 and -1 are no limit */
	LR_AT_MOST,	/* RAMInBytes; 0 is unset, -1 is over */
	LR_SWAP,	/* MemSwapBytes: -1 is over, cap is twice the max */
	LR_CPUS,	/* nano-CPUs; 0 is no limit */
	LR_CPUS_AT_MOST,/* nano-CPUs; 0 is unset (reservations) */
	LR_CPU_CFS,	/* --cpu-quota / --cpu-period: judged together */
	LR_PIDS,	/* ParseInt; 0 and -1 are no limit */
	LR_TMPFS,	/* --tmpfs PATH:size=... */
	LR_MOUNT,	/* --mount type=tmpfs,tmpfs-size=... */
	LR_LOG,		/* --log-opt / --log-driver: judged together */
};

struct limitflag {
	const char	*flag;		/* canonical long name */
	enum limit_id	 limit;
	enum lread	 read;
	int		 sets;		/* a request with it needs no default */
};

/* Every flag of run, create, update, service create/update a limit
 * covers.  The same names are the run flags compose keys map to. */
static const struct limitflag limitflags[] = {
	{ .flag = "memory", .limit = LIMIT_MEMORY, .read = LR_MEMORY,
	    .sets = 1 },
	{ .flag = "memory-reservation", .limit = LIMIT_MEMORY,
	    .read = LR_AT_MOST },
	{ .flag = "memory-swap", .limit = LIMIT_MEMORY, .read = LR_SWAP },
	{ .flag = "limit-memory", .limit = LIMIT_MEMORY, .read = LR_MEMORY,
	    .sets = 1 },
	{ .flag = "reserve-memory", .limit = LIMIT_MEMORY,
	    .read = LR_AT_MOST },
	{ .flag = "cpus", .limit = LIMIT_CPUS, .read = LR_CPUS, .sets = 1 },
	{ .flag = "limit-cpu", .limit = LIMIT_CPUS, .read = LR_CPUS,
	    .sets = 1 },
	{ .flag = "reserve-cpu", .limit = LIMIT_CPUS,
	    .read = LR_CPUS_AT_MOST },
	{ .flag = "cpu-quota", .limit = LIMIT_CPUS, .read = LR_CPU_CFS,
	    .sets = 1 },
	{ .flag = "cpu-period", .limit = LIMIT_CPUS, .read = LR_CPU_CFS,
	    .sets = 1 },
	{ .flag = "pids-limit", .limit = LIMIT_PIDS, .read = LR_PIDS,
	    .sets = 1 },
	{ .flag = "limit-pids", .limit = LIMIT_PIDS, .read = LR_PIDS,
	    .sets = 1 },
	{ .flag = "shm-size", .limit = LIMIT_SHM, .read = LR_AT_MOST,
	    .sets = 1 },
	{ .flag = "tmpfs", .limit = LIMIT_TMPFS, .read = LR_TMPFS },
	{ .flag = "mount", .limit = LIMIT_TMPFS, .read = LR_MOUNT },
	{ .flag = "mount-add", .limit = LIMIT_TMPFS, .read = LR_MOUNT },
	{ .flag = "log-opt", .limit = LIMIT_LOG, .read = LR_LOG },
	{ .flag = "log-driver", .limit = LIMIT_LOG, .read = LR_LOG },
	{ .flag = NULL },
};

/* The commands whose rules may carry limits; inject: defaults are added. */
static const struct {
	const char	*canon;
	int		 inject;
	int		 period_known;	/* no --cpu-period: the CFS default */
	int		 creates;	/* a flag left out means no limit (not
					   "unchanged", as for update) */
	const char	*pre;		/* prefix of its memory/cpu/pids flags */
} limitcmds[] = {
	{ "container run", 1, 1, 1, "" },
	{ "container create", 1, 1, 1, "" },
	{ "container update", 0, 0, 0, "" },
	{ "service create", 0, 1, 1, "limit-" },
	{ "service update", 0, 0, 0, "limit-" },
	{ NULL, 0, 0, 0, NULL },
};

/* The flag that sets memory, cpus or pids, by command prefix. */
static const char *const setflag[2][LIMIT_PIDS + 1] = {
	{ [LIMIT_MEMORY] = "memory", [LIMIT_CPUS] = "cpus",
	    [LIMIT_PIDS] = "pids-limit" },
	{ [LIMIT_MEMORY] = "limit-memory", [LIMIT_CPUS] = "limit-cpu",
	    [LIMIT_PIDS] = "limit-pids" },
};

int
reslimits_lookup(const char *name)
{
	int i;

	for (i = 0; i < LIMIT_COUNT; i++)
		if (strcmp(name, limitdefs[i].name) == 0)
			return i;
	return -1;
}

const char *
reslimits_name(int id)
{
	return id >= 0 && id < LIMIT_COUNT ? limitdefs[id].name : "?";
}

int
reslimits_takes_default(int id)
{
	return id >= 0 && id < LIMIT_COUNT && limitdefs[id].inject != NULL;
}

const char *
reslimits_names(void)
{
	return "memory, cpus, pids, shm-size, tmpfs-size, log-size";
}

int
reslimits_command_takes(const char *canon)
{
	size_t i;

	if (strcmp(canon, "compose") == 0 || strncmp(canon, "compose ", 8) == 0)
		return 1;	/* held to compose services */
	for (i = 0; limitcmds[i].canon != NULL; i++)
		if (strcmp(canon, limitcmds[i].canon) == 0)
			return 1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Reading values as docker does */

/*
 * go-units parseSize: digits[.digits], one optional space, then "", "b",
 * or one of kmgtp followed by "", "b" or "ib", any case.  mult is 1024
 * (RAMInBytes) or 1000 (FromHumanSize).  The product is computed in
 * float64 and truncated, as Go does; past int64 it is UNLIMITED.
 */
static int
human_size(const char *s, long long mult, long long *out)
{
	static const char units[] = "kmgtp";
	const char *p = s, *u;
	char *end;
	double v, m = 1;

	if (!isdigit((unsigned char)*p))
		return -1;
	while (isdigit((unsigned char)*p))
		p++;
	if (*p == '.') {
		if (!isdigit((unsigned char)*++p))
			return -1;
		while (isdigit((unsigned char)*p))
			p++;
	}
	v = strtod(s, &end);
	if (end != p)
		return -1;
	if (*p == ' ')
		p++;
	if (*p != '\0' && (u = strchr(units, tolower((unsigned char)*p))) !=
	    NULL && *u != '\0') {
		for (m = 1; u >= units; u--)
			m *= (double)mult;
		p++;
		if (tolower((unsigned char)p[0]) == 'i' &&
		    tolower((unsigned char)p[1]) == 'b')
			p += 2;
		else if (tolower((unsigned char)p[0]) == 'b')
			p++;
	} else if (tolower((unsigned char)*p) == 'b')
		p++;
	if (*p != '\0')
		return -1;
	v *= m;
	*out = v >= 9223372036854775807.0 ? UNLIMITED : (long long)v;
	return 0;
}

/* RAMInBytes, and "-1" (MemSwapBytes; an error for the others). */
static int
ram_bytes(const char *s, long long *out)
{
	if (strcmp(s, "-1") == 0) {
		*out = -1;
		return 0;
	}
	return human_size(s, 1024, out);
}

/* strconv.ParseInt(s, 0, 64), without '_' (refused: stricter is safe). */
static int
go_int(const char *s, long long *out)
{
	const char *p = s;
	int base = 10, neg = 0;
	char *end;
	unsigned long long u;

	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		base = 16, p += 2;
	else if (p[0] == '0' && (p[1] == 'o' || p[1] == 'O'))
		base = 8, p += 2;
	else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
		base = 2, p += 2;
	else if (p[0] == '0' && p[1] != '\0')
		base = 8, p++;
	if (!isalnum((unsigned char)*p))
		return -1;
	errno = 0;
	u = strtoull(p, &end, base);
	if (errno != 0 || *end != '\0' || u > (unsigned long long)LLONG_MAX)
		return -1;
	*out = neg ? -(long long)u : (long long)u;
	return 0;
}

/* A decimal number of CPUs -> nano-CPUs, exactly (docker: big.Rat). */
static int
nano_cpus(const char *s, long long *out)
{
	const char *p = s;
	long long v = 0, frac = 0;
	int n = 0;

	if (!isdigit((unsigned char)*p))
		return -1;
	for (; isdigit((unsigned char)*p); p++) {
		if (v > (LLONG_MAX / NANO - 9) / 10) {
			*out = UNLIMITED;	/* past int64 nano-CPUs */
			return strspn(p, "0123456789.") == strlen(p) ? 0 : -1;
		}
		v = v * 10 + (*p - '0');
	}
	if (*p == '.') {
		if (!isdigit((unsigned char)*++p))
			return -1;
		for (; isdigit((unsigned char)*p); p++, n++)
			if (n < 9)
				frac = frac * 10 + (*p - '0');
			else if (*p != '0')
				return -1;	/* docker: too precise */
		for (; n < 9; n++)
			frac *= 10;
	}
	if (*p != '\0')
		return -1;
	*out = v * NANO + frac;
	return 0;
}

/* Positive decimal count (policy pids, max-file as strconv.Atoi). */
static int
count(const char *s, long long *out)
{
	char *end;

	if (!isdigit((unsigned char)*s) || (s[0] == '0' && s[1] != '\0'))
		return -1;
	errno = 0;
	*out = strtoll(s, &end, 10);
	return errno != 0 || *end != '\0' ? -1 : 0;
}

/*
 * The kernel's memparse for a tmpfs size=: decimal digits (no leading 0:
 * octal and hex are refused) and one of kmgtpe, any case.  "%" (a share
 * of the host's memory) is refused.
 */
static int
kernel_size(const char *s, long long *out)
{
	static const char units[] = "kmgtpe";
	const char *u;
	char *end;
	unsigned long long v;
	int shift = 0;

	if (!isdigit((unsigned char)*s) || (s[0] == '0' && s[1] != '\0'))
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0)
		return -1;
	if (*end != '\0') {
		if ((u = strchr(units, tolower((unsigned char)*end))) == NULL ||
		    end[1] != '\0')
			return -1;
		shift = 10 * (int)(u - units + 1);
	}
	*out = shift > 0 && v > ((unsigned long long)LLONG_MAX >> shift) ?
	    UNLIMITED : (long long)(v << shift);
	return 0;
}

int
reslimits_parse(int id, const char *text, long long *out, const char **errstr)
{
	int r = -1;

	if (id < 0 || id >= LIMIT_COUNT) {
		*errstr = "an unknown limit";
		return -1;
	}
	switch (limitdefs[id].unit) {
	case LU_BYTES:
		r = human_size(text, 1024, out);
		*errstr = "a size such as 256m or 1g (binary units)";
		break;
	case LU_CPUS:
		r = nano_cpus(text, out);
		*errstr = "a number of CPUs such as 0.5 or 2";
		break;
	case LU_COUNT:
		r = count(text, out);
		*errstr = "a whole number";
		break;
	}
	if (r == 0 && (*out <= 0 || *out == UNLIMITED)) {
		*errstr = "a limit above 0 (0 would mean no limit)";
		r = -1;
	}
	return r;
}

/* ------------------------------------------------------------------ */
/* Holding values to a cap */

static const struct limitflag *
limitflag(const char *name)
{
	size_t i;

	for (i = 0; limitflags[i].flag != NULL; i++)
		if (strcmp(limitflags[i].flag, name) == 0)
			return &limitflags[i];
	return NULL;
}

static int
over(char *buf, size_t len, const char *what, const char *value,
    const char *how, const struct limitspec *s, int id)
{
	(void)snprintf(buf, len, "--%s %.64s %s over the cap %s max %s",
	    what, value, how, reslimits_name(id), s->maxtext);
	return -1;
}

static int
unreadable(char *buf, size_t len, const char *what, const char *value,
    int id)
{
	(void)snprintf(buf, len, "--%s %.64s: the value cannot be read, and "
	    "this rule caps %s", what, value, reslimits_name(id));
	return -1;
}

/* One value v (UNLIMITED or -1 for none) of --what against the cap. */
static int
cap(const struct limitspec *s, int id, const char *what, const char *value,
    long long v, long long capv, char *buf, size_t len)
{
	if (v == UNLIMITED || v < 0)
		return over(buf, len, what, value, "means no limit, which is",
		    s, id);
	if (v > capv)
		return over(buf, len, what, value, "is", s, id);
	return 0;
}

/*
 * A --tmpfs PATH[:OPTS]: every size= held to the cap; one is needed, unless
 * fixable (run, create: reslimits_tmpfs_fix adds size=MAX).
 */
static int
check_tmpfs(const struct limitspec *s, const char *value, int fixable,
    char *buf, size_t len)
{
	struct strv o = { NULL, 0, 0 };
	const char *opts = strchr(value, ':'), *err;
	long long v;
	size_t i;
	int r = 0, sized = 0;

	if (opts != NULL && mounts_csv(opts + 1, &o, &err) != 0)
		return unreadable(buf, len, "tmpfs", value, LIMIT_TMPFS);
	for (i = 0; i < o.n && r == 0; i++) {
		/* nr_blocks= sizes the tmpfs too, in pages: refused */
		if (strncmp(o.v[i], "size=", 5) != 0 &&
		    strncmp(o.v[i], "nr_blocks=", 10) != 0)
			continue;
		if (strncmp(o.v[i], "size=", 5) != 0 ||
		    kernel_size(o.v[i] + 5, &v) != 0)
			r = unreadable(buf, len, "tmpfs", value, LIMIT_TMPFS);
		else {
			sized = 1;
			r = cap(s, LIMIT_TMPFS, "tmpfs", value, v == 0 ?
			    UNLIMITED : v, s->max, buf, len);
		}
	}
	strv_free(&o);
	if (r == 0 && !sized && !fixable)
		(void)snprintf(buf, len, "--tmpfs %.64s has no size, and this "
		    "rule caps tmpfs-size at %s: add size=%s to its options",
		    value, s->maxtext, s->maxtext), r = -1;
	return r;
}

/*
 * The fields of a --mount that matter here: its type (default volume) and
 * its last tmpfs-size (keys any case, the last one wins, as the CLI reads
 * them).  Returns 0, or -1 if the CSV cannot be read.
 */
static int
mount_tmpfs(const char *value, int *tmpfs, const char **size,
    struct strv *f)
{
	const char *err, *type = "volume";
	size_t i;

	*size = NULL;
	if (mounts_csv(value, f, &err) != 0)
		return -1;
	for (i = 0; i < f->n; i++) {
		if (strncasecmp(f->v[i], "type=", 5) == 0)
			type = f->v[i] + 5;
		else if (strncasecmp(f->v[i], "tmpfs-size=", 11) == 0)
			*size = f->v[i] + 11;
	}
	*tmpfs = strcasecmp(type, "tmpfs") == 0;
	return 0;
}

/* A --mount: for type=tmpfs, tmpfs-size held to the cap; one is needed
 * unless fixable (reslimits_tmpfs_fix adds it). */
static int
limit_mount(const struct limitspec *s, const char *what, const char *value,
    int fixable, char *buf, size_t len)
{
	struct strv f = { NULL, 0, 0 };
	const char *size;
	long long v;
	int r = 0, tmpfs;

	if (mount_tmpfs(value, &tmpfs, &size, &f) != 0) {
		strv_free(&f);
		return unreadable(buf, len, what, value, LIMIT_TMPFS);
	}
	if (!tmpfs || (size == NULL && fixable))
		r = 0;
	else if (size == NULL)
		r = (snprintf(buf, len, "--%s %.64s has no tmpfs-size, and "
		    "this rule caps tmpfs-size at %s: add tmpfs-size=%s", what,
		    value, s->maxtext, s->maxtext), -1);
	else if (ram_bytes(size, &v) != 0)
		r = unreadable(buf, len, what, value, LIMIT_TMPFS);
	else
		r = cap(s, LIMIT_TMPFS, what, value, v == 0 ? UNLIMITED : v,
		    s->max, buf, len);
	strv_free(&f);
	return r;
}

/* One value of a size, CPU or pids flag. */
static int
check_scalar(const struct limitspec *s, const struct limitflag *lf,
    const char *value, char *buf, size_t len)
{
	long long v;
	int rc;

	switch (lf->read) {
	case LR_CPUS:
	case LR_CPUS_AT_MOST:
		rc = nano_cpus(value, &v);
		break;
	case LR_PIDS:
		rc = go_int(value, &v);
		break;
	default:
		rc = ram_bytes(value, &v);
		break;
	}
	if (rc != 0)
		return unreadable(buf, len, lf->flag, value, lf->limit);
	if (v == 0 && (lf->read == LR_MEMORY || lf->read == LR_CPUS ||
	    lf->read == LR_PIDS))
		v = UNLIMITED;		/* docker: 0 is no limit */
	if (lf->read == LR_SWAP)
		return cap(s, lf->limit, lf->flag, value, v,
		    s->max > LLONG_MAX / 2 ? LLONG_MAX : 2 * s->max, buf, len);
	return cap(s, lf->limit, lf->flag, value, v, s->max, buf, len);
}

/* One flag occurrence; in_request: the CFS pair and the log driver are
 * judged whole by reslimits_check; fixable: a tmpfs without a size gets
 * the cap (reslimits_tmpfs_fix). */
static int
check_one(const struct limits *lim, const struct flagval *fv,
    int in_request, int fixable, char *buf, size_t len)
{
	const struct limitflag *lf;
	const struct limitspec *s;
	const char *v = fv->value;
	long long sz;

	if (lim == NULL || !lim->any ||
	    (lf = limitflag(commands_flag_canon(fv->def))) == NULL)
		return 0;
	s = &lim->l[lf->limit];
	if (!s->has_max)
		return 0;
	switch (lf->read) {
	case LR_TMPFS:
		return check_tmpfs(s, v, fixable, buf, len);
	case LR_MOUNT:
		return limit_mount(s, lf->flag, v, fixable, buf, len);
	case LR_CPU_CFS:
		if (in_request)
			return 0;
		(void)snprintf(buf, len, "--%s %.64s: this rule caps cpus at "
		    "%s; give the service cpus instead", lf->flag, v,
		    s->maxtext);
		return -1;
	case LR_LOG:
		if (in_request || strncmp(v, "max-size=", 9) != 0)
			return 0;
		if (human_size(v + 9, 1000, &sz) != 0)
			return unreadable(buf, len, "log-opt", v, LIMIT_LOG);
		return cap(s, LIMIT_LOG, "log-opt", v, sz == 0 ? UNLIMITED :
		    sz, s->max, buf, len);
	default:
		return check_scalar(s, lf, v, buf, len);
	}
}

int
reslimits_check_flag(const struct limits *lim, const struct flagval *fv,
    char *buf, size_t len)
{
	return check_one(lim, fv, 0, 0, buf, len);
}

/* ------------------------------------------------------------------ */
/* Whole requests */

/* --cpu-quota with --cpu-period: quota/period CPUs. */
static int
check_cfs(const struct limitspec *s, const struct request *req,
    int period_known, char *buf, size_t len)
{
	const char *q = grammar_last_value(req->flags, req->nflags,
	    "cpu-quota");
	const char *p = grammar_last_value(req->flags, req->nflags,
	    "cpu-period");
	long long quota = 0, period = 0, v;
	char what[80];

	if (q == NULL && p == NULL)
		return 0;
	if ((q != NULL && go_int(q, &quota) != 0) ||
	    (p != NULL && go_int(p, &period) != 0))
		return unreadable(buf, len, q != NULL ? "cpu-quota" :
		    "cpu-period", q != NULL ? q : p, LIMIT_CPUS);
	if (period <= 0)
		period = period_known ? LIMITS_CPU_PERIOD :
		    LIMITS_CPU_PERIOD_MIN;
	(void)snprintf(what, sizeof(what), "%.24s --cpu-period %.24s",
	    q != NULL ? q : "(none)", p != NULL ? p : "(none)");
	if (quota <= 0)
		return over(buf, len, "cpu-quota", what,
		    "means no limit, which is", s, LIMIT_CPUS);
	v = quota > LLONG_MAX / NANO ? UNLIMITED : quota * NANO / period +
	    (quota * NANO % period != 0);
	return cap(s, LIMIT_CPUS, "cpu-quota", what, v, s->max, buf, len);
}

/* log-opt key=value (ConvertKVStringsToMap: split at the first '='). */
static const char *
logopt(const struct request *req, const char *key)
{
	const char *v = NULL;
	size_t i, n = strlen(key);

	for (i = 0; i < req->nflags; i++)
		if (strcmp(commands_flag_canon(req->flags[i].def), "log-opt")
		    == 0 && strncmp(req->flags[i].value, key, n) == 0 &&
		    req->flags[i].value[n] == '=')
			v = req->flags[i].value + n + 1;
	return v;
}

/*
 * The disk the logs of a json-file or local driver (or the daemon's
 * default, taken to be json-file) may take: max-size x max-file, with
 * each driver's own defaults; *inject set when the default is added.
 */
static int
check_log(const struct limitspec *s, const struct request *req,
    int *inject, char *buf, size_t len)
{
	const char *drv = grammar_last_value(req->flags, req->nflags,
	    "log-driver");
	const char *size = logopt(req, "max-size");
	const char *files = logopt(req, "max-file");
	int local;
	long long sz, nf;
	char what[96];

	*inject = 0;
	if (drv == NULL || *drv == '\0')
		drv = "json-file";
	if (strcmp(drv, "json-file") != 0 && strcmp(drv, "local") != 0)
		return 0;	/* its logs are not kept on this host's disk */
	local = strcmp(drv, "local") == 0;
	nf = local ? LIMITS_LOG_FILES_LOCAL : LIMITS_LOG_FILES_JSON;
	if (files != NULL && count(files, &nf) != 0)
		return unreadable(buf, len, "log-opt max-file", files,
		    LIMIT_LOG);
	if (size == NULL && s->has_default) {
		*inject = 1;
		sz = s->def;
	} else if (size == NULL)
		sz = local ? LIMITS_LOG_SIZE_LOCAL : UNLIMITED;
	else if (human_size(size, 1000, &sz) != 0)
		return unreadable(buf, len, "log-opt max-size", size,
		    LIMIT_LOG);
	if (!s->has_max)
		return 0;
	if (size == NULL && sz == UNLIMITED) {
		(void)snprintf(buf, len, "without --log-opt max-size the %s log "
		    "has no limit, and this rule caps log-size at %s: give "
		    "--log-opt max-size=SIZE", drv, s->maxtext);
		return -1;
	}
	(void)snprintf(what, sizeof(what), "max-size=%.24s max-file=%lld "
	    "(%.12s)", size != NULL ? size : "(none)", nf, drv);
	if (sz == 0 || nf == 0)		/* rotation off: no bound */
		return cap(s, LIMIT_LOG, "log-opt", what, UNLIMITED, s->max,
		    buf, len);
	return cap(s, LIMIT_LOG, "log-opt", what, sz > LLONG_MAX / nf ?
	    UNLIMITED : sz * nf, s->max, buf, len);
}

/* Does req set a flag that satisfies limit id's default? */
static int
request_sets(const struct request *req, int id)
{
	const struct limitflag *lf;
	size_t i;

	for (i = 0; i < req->nflags; i++)
		if ((lf = limitflag(commands_flag_canon(req->flags[i].def)))
		    != NULL && lf->sets && (int)lf->limit == id)
			return 1;
	return 0;
}

static int
command_row(const struct request *req)
{
	int i;

	for (i = 0; limitcmds[i].canon != NULL; i++)
		if (strcmp(req->cmd->name, limitcmds[i].canon) == 0)
			return i;
	return -1;
}

/* Add the defaults req leaves out, for run and create. */
static void
inject_defaults(const struct limits *lim, const struct request *req,
    int log_default, struct strv *inject)
{
	int id;

	for (id = 0; id < LIMIT_COUNT; id++) {
		if (!lim->l[id].has_default || limitdefs[id].inject == NULL)
			continue;
		if (id == LIMIT_LOG) {
			if (log_default)
				strv_take(inject, xasprintf("--log-opt="
				    "max-size=%lld", lim->l[id].def));
		} else if (!request_sets(req, id))
			strv_take(inject, xasprintf("--%s=%s",
			    limitdefs[id].inject, lim->l[id].deftext));
	}
}

/* 1 if req has a --log-driver or --log-opt. */
static int
has_log_flag(const struct request *req)
{
	return grammar_last_value(req->flags, req->nflags, "log-driver") !=
	    NULL || grammar_last_value(req->flags, req->nflags, "log-opt") !=
	    NULL;
}

/*
 * A creating command that leaves out memory, cpus or pids under a cap
 * without a default gets no limit at all: over the cap.
 */
static int
check_missing(const struct limits *lim, const struct request *req, int row,
    char *buf, size_t len)
{
	const char *flag;
	int id;

	for (id = LIMIT_MEMORY; id <= LIMIT_PIDS; id++) {
		if (!lim->l[id].has_max || lim->l[id].has_default ||
		    request_sets(req, id))
			continue;
		flag = setflag[*limitcmds[row].pre != '\0'][id];
		(void)snprintf(buf, len, "without --%s the container has no "
		    "%s limit, and this rule caps %s at %s: give --%s (at most "
		    "%s)", flag, reslimits_name(id), reslimits_name(id),
		    lim->l[id].maxtext, flag, lim->l[id].maxtext);
		return -1;
	}
	return 0;
}

int
reslimits_check(const struct limits *lim, const struct request *req,
    struct strv *inject, char *buf, size_t len)
{
	int row, log_default = 0, period_known;
	size_t i;

	if (lim == NULL || !lim->any || (row = command_row(req)) < 0)
		return 0;
	period_known = limitcmds[row].period_known;
	for (i = 0; i < req->nflags; i++)
		if (check_one(lim, &req->flags[i], 1, limitcmds[row].inject,
		    buf, len) != 0)
			return -1;
	if (lim->l[LIMIT_CPUS].has_max && check_cfs(&lim->l[LIMIT_CPUS], req,
	    period_known, buf, len) != 0)
		return -1;
	if (limitcmds[row].creates && check_missing(lim, req, row, buf, len)
	    != 0)
		return -1;
	if ((limitcmds[row].creates || has_log_flag(req)) &&
	    (lim->l[LIMIT_LOG].has_max || lim->l[LIMIT_LOG].has_default) &&
	    check_log(&lim->l[LIMIT_LOG], req, &log_default, buf, len) != 0)
		return -1;
	if (limitcmds[row].inject)
		inject_defaults(lim, req, log_default, inject);
	return 0;
}

/* 1 if the options of a --tmpfs value give a size (its check passed). */
static int
tmpfs_sized(const char *value)
{
	struct strv o = { NULL, 0, 0 };
	const char *opts = strchr(value, ':'), *err;
	size_t i;
	int sized = 0;

	if (opts != NULL && mounts_csv(opts + 1, &o, &err) != 0)
		sized = 1;	/* unreadable: refused by the check, not fixed */
	for (i = 0; i < o.n; i++)
		sized |= strncmp(o.v[i], "size=", 5) == 0;
	strv_free(&o);
	return sized;
}

char *
reslimits_tmpfs_fix(const struct limits *lim, const struct request *req,
    const struct flagval *fv)
{
	const struct limitflag *lf;
	struct strv f = { NULL, 0, 0 };
	const char *size, *v = fv->value;
	char *out = NULL;
	int row, tmpfs;

	if (lim == NULL || !lim->any || !lim->l[LIMIT_TMPFS].has_max ||
	    (row = command_row(req)) < 0 || !limitcmds[row].inject ||
	    (lf = limitflag(commands_flag_canon(fv->def))) == NULL)
		return NULL;
	/* bytes: the kernel (size=) and the CLI (tmpfs-size=) both read
	 * them, whatever units the policy wrote the cap in */
	if (lf->read == LR_TMPFS && !tmpfs_sized(v))
		out = xasprintf("%s%s%ssize=%lld", v, strchr(v, ':') == NULL ?
		    ":" : "", strchr(v, ':') != NULL && v[strlen(v) - 1] !=
		    ':' ? "," : "", lim->l[LIMIT_TMPFS].max);
	else if (lf->read == LR_MOUNT && mount_tmpfs(v, &tmpfs, &size,
	    &f) == 0 && tmpfs && size == NULL)
		out = xasprintf("%s%stmpfs-size=%lld", v, *v != '\0' &&
		    v[strlen(v) - 1] != ',' ? "," : "",
		    lim->l[LIMIT_TMPFS].max);
	strv_free(&f);
	return out;
}

unsigned
reslimits_flag_sets(const struct flagval *fv)
{
	const char *canon = commands_flag_canon(fv->def);
	const struct limitflag *lf = limitflag(canon);

	if (lf == NULL)
		return 0;
	if (lf->read == LR_LOG)
		return strcmp(canon, "log-opt") == 0 &&
		    strncmp(fv->value, "max-size=", 9) == 0 ?
		    1u << LIMIT_LOG : 0;
	return lf->sets ? 1u << lf->limit : 0;
}

int
reslimits_service_defaults(const struct limits *lim, unsigned set, char *buf,
    size_t len)
{
	static const char *const key[LIMIT_COUNT] = {
		[LIMIT_MEMORY] = "mem_limit", [LIMIT_CPUS] = "cpus",
		[LIMIT_PIDS] = "pids_limit", [LIMIT_SHM] = "shm_size",
		[LIMIT_LOG] = "logging.options.max-size",
	};
	int id;

	if (lim == NULL || !lim->any)
		return 0;
	for (id = 0; id < LIMIT_COUNT; id++)
		if (lim->l[id].has_max && !lim->l[id].has_default &&
		    key[id] != NULL && id != LIMIT_SHM &&
		    !(set & (1u << id))) {
			(void)snprintf(buf, len, "without %s the service has no "
			    "%s limit, and this rule caps %s at %s: set %s (at "
			    "most %s) in the service", key[id], reslimits_name(id),
			    reslimits_name(id), lim->l[id].maxtext, key[id],
			    lim->l[id].maxtext);
			return -1;
		} else if (lim->l[id].has_default && key[id] != NULL &&
		    !(set & (1u << id))) {
			(void)snprintf(buf, len, "this rule gives %s a default "
			    "of %s, which compose cannot be given from "
			    "outside: set %s: %s in the service", reslimits_name(id),
			    lim->l[id].deftext, key[id], lim->l[id].deftext);
			return -1;
		}
	return 0;
}
