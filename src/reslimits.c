/*
 * reslimits.c: resource limits (dockergate.yaml(5), RESOURCE LIMITS): the
 * docker side.  A rule's limits give a default that is added to a request
 * that leaves the flag out, and a cap that no flag saying the same thing
 * may pass.  This module reads the request and reports what it sets as
 * findings (struct limit_finding); decide.c alone holds them to the rule's
 * struct limits and words the reason.
 *
 * Invariants:
 * - Which flags a limit covers is the table limitflags[]; a flag of a
 *   limited command that sets memory, CPU, processes, shared memory, a
 *   tmpfs or a log's size MUST have a row there, and each occurrence MUST
 *   be reported, not only the last one docker keeps.
 * - Values MUST be read as docker reads them: go-units RAMInBytes (binary)
 *   for the CLI's size flags, FromHumanSize (decimal) for a log driver's
 *   max-size, big.Rat nano-CPUs for --cpus, strconv for integers, the
 *   kernel's memparse for a tmpfs size=.  A value read differently or not
 *   at all MUST be reported unreadable, never as an amount.
 * - "No limit" (0 or -1 where docker reads it so, --cpu-period without
 *   --cpu-quota, rotation off) MUST be reported as LIMITS_NONE, and what
 *   leaves a limit out (a tmpfs without size=, a json-file log without
 *   max-size, a creating command without --memory) as its own finding.
 * - It MUST NOT read a struct limits, compare with a cap or word a
 *   denial: it knows docker, not the rule.
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
 * float64 and truncated, as Go does; past int64 it is LIMITS_NONE.
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
	*out = v >= 9223372036854775807.0 ? LIMITS_NONE : (long long)v;
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
			*out = LIMITS_NONE;	/* past int64 nano-CPUs */
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
	    LIMITS_NONE : (long long)(v << shift);
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
	if (r == 0 && (*out <= 0 || *out == LIMITS_NONE)) {
		*errstr = "a limit above 0 (0 would mean no limit)";
		r = -1;
	}
	return r;
}

/* ------------------------------------------------------------------ */
/* Findings of one flag occurrence */

/* A scan in progress: where its findings go, and the command's row. */
struct scan {
	reslimits_fn	 fn;
	void		*ctx;
	int		 row;		/* limitcmds[]; -1: a service's flag */
};

static const struct limitflag *
limitflag(const char *name)
{
	size_t i;

	for (i = 0; limitflags[i].flag != NULL; i++)
		if (strcmp(limitflags[i].flag, name) == 0)
			return &limitflags[i];
	return NULL;
}

/* A finding of limit id about --flag value, the rest zero. */
static void
start(struct limit_finding *f, const struct scan *sc, int id,
    const char *flag, const char *value)
{
	memset(f, 0, sizeof(*f));
	f->limit = (enum limit_id)id;
	f->flag = flag;
	f->value = value;
	f->scale = 1;
	f->adds = sc->row >= 0 && limitcmds[sc->row].inject;
}

static int
report(const struct scan *sc, struct limit_finding *f, enum limit_kind kind)
{
	f->kind = kind;
	return sc->fn(sc->ctx, f) != 0 ? -1 : 0;
}

/* An amount v; below 0 docker reads as no limit (-1, MemSwapBytes). */
static int
amount(const struct scan *sc, struct limit_finding *f, long long v)
{
	f->amount = v < 0 ? LIMITS_NONE : v;
	return report(sc, f, LK_AMOUNT);
}

/*
 * A --tmpfs PATH[:OPTS]: each size= is an amount (0: none); nr_blocks=
 * (pages) or a size= the kernel reads otherwise is unreadable and ends
 * the value's findings; no size at all is LK_NO_SIZE.
 */
static int
scan_tmpfs(const struct scan *sc, const struct limitflag *lf,
    const char *value)
{
	struct limit_finding f;
	struct strv o = { NULL, 0, 0 };
	const char *opts = strchr(value, ':'), *err;
	long long v;
	size_t i;
	int r = 0, sized = 0, bad = 0;

	start(&f, sc, lf->limit, lf->flag, value);
	if (opts != NULL && mounts_csv(opts + 1, &o, &err) != 0)
		return report(sc, &f, LK_UNREADABLE);
	for (i = 0; i < o.n && r == 0 && !bad; i++) {
		if (strncmp(o.v[i], "size=", 5) != 0 &&
		    strncmp(o.v[i], "nr_blocks=", 10) != 0)
			continue;
		if (strncmp(o.v[i], "size=", 5) != 0 ||
		    kernel_size(o.v[i] + 5, &v) != 0)
			bad = 1, r = report(sc, &f, LK_UNREADABLE);
		else
			sized = 1, r = amount(sc, &f, v == 0 ? LIMITS_NONE : v);
	}
	strv_free(&o);
	if (r == 0 && !sized && !bad)
		r = report(sc, &f, LK_NO_SIZE);
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

/* A --mount: for type=tmpfs, its tmpfs-size (0: none), or that none is
 * given (LK_NO_TMPFS_SIZE); an unreadable CSV whatever its type. */
static int
scan_mount(const struct scan *sc, const struct limitflag *lf,
    const char *value)
{
	struct limit_finding f;
	struct strv fl = { NULL, 0, 0 };
	const char *size = NULL;
	long long v = 0;
	int r = 0, tmpfs = 0, bad;

	start(&f, sc, lf->limit, lf->flag, value);
	bad = mount_tmpfs(value, &tmpfs, &size, &fl) != 0 ||
	    (tmpfs && size != NULL && ram_bytes(size, &v) != 0);
	if (bad)
		r = report(sc, &f, LK_UNREADABLE);
	else if (tmpfs && size == NULL)
		r = report(sc, &f, LK_NO_TMPFS_SIZE);
	else if (tmpfs)
		r = amount(sc, &f, v == 0 ? LIMITS_NONE : v);
	strv_free(&fl);
	return r;
}

/* One value of a size, CPU or pids flag, read as docker reads it. */
static int
scan_scalar(const struct scan *sc, const struct limitflag *lf,
    const char *value)
{
	struct limit_finding f;
	long long v;
	int rc;

	start(&f, sc, lf->limit, lf->flag, value);
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
		return report(sc, &f, LK_UNREADABLE);
	if (v == 0 && (lf->read == LR_MEMORY || lf->read == LR_CPUS ||
	    lf->read == LR_PIDS))
		v = LIMITS_NONE;	/* docker: 0 is no limit */
	if (lf->read == LR_SWAP)
		f.scale = 2;		/* memory plus swap */
	return amount(sc, &f, v);
}

/* One flag occurrence; in a whole request the CFS pair and the log driver
 * are reported whole (scan_cfs, scan_log). */
static int
scan_one(const struct scan *sc, const struct flagval *fv)
{
	const struct limitflag *lf;
	struct limit_finding f;
	const char *v = fv->value;
	long long sz;

	if ((lf = limitflag(commands_flag_canon(fv->def))) == NULL)
		return 0;
	switch (lf->read) {
	case LR_TMPFS:
		return scan_tmpfs(sc, lf, v);
	case LR_MOUNT:
		return scan_mount(sc, lf, v);
	case LR_CPU_CFS:
		if (sc->row >= 0)
			return 0;
		start(&f, sc, lf->limit, lf->flag, v);
		return report(sc, &f, LK_CFS_ALONE);
	case LR_LOG:
		if (sc->row >= 0 || strncmp(v, "max-size=", 9) != 0)
			return 0;
		start(&f, sc, LIMIT_LOG, "log-opt", v);
		if (human_size(v + 9, 1000, &sz) != 0)
			return report(sc, &f, LK_UNREADABLE);
		return amount(sc, &f, sz == 0 ? LIMITS_NONE : sz);
	default:
		return scan_scalar(sc, lf, v);
	}
}

int
reslimits_scan_flag(const struct flagval *fv, reslimits_fn fn, void *ctx)
{
	struct scan sc = { fn, ctx, -1 };

	return scan_one(&sc, fv);
}

/* ------------------------------------------------------------------ */
/* Whole requests */

/* --cpu-quota with --cpu-period: quota/period CPUs, rounded up. */
static int
scan_cfs(const struct scan *sc, const struct request *req)
{
	const char *q = grammar_last_value(req->flags, req->nflags,
	    "cpu-quota");
	const char *p = grammar_last_value(req->flags, req->nflags,
	    "cpu-period");
	struct limit_finding f;
	long long quota = 0, period = 0;

	if (q == NULL && p == NULL)
		return 0;
	if ((q != NULL && go_int(q, &quota) != 0) ||
	    (p != NULL && go_int(p, &period) != 0)) {
		start(&f, sc, LIMIT_CPUS, q != NULL ? "cpu-quota" :
		    "cpu-period", q != NULL ? q : p);
		return report(sc, &f, LK_UNREADABLE);
	}
	start(&f, sc, LIMIT_CPUS, "cpu-quota", q);
	f.value2 = p;
	if (period <= 0)
		period = limitcmds[sc->row].period_known ? LIMITS_CPU_PERIOD :
		    LIMITS_CPU_PERIOD_MIN;
	if (quota <= 0 || quota > LLONG_MAX / NANO)
		f.amount = LIMITS_NONE;	/* docker: no quota is no limit */
	else
		f.amount = quota * NANO / period + (quota * NANO % period != 0);
	return report(sc, &f, LK_CFS);
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

/* 1 if req has a --log-driver or --log-opt. */
static int
has_log_flag(const struct request *req)
{
	return grammar_last_value(req->flags, req->nflags, "log-driver") !=
	    NULL || grammar_last_value(req->flags, req->nflags, "log-opt") !=
	    NULL;
}

/*
 * The logs of a json-file or local driver (or the daemon's default, taken
 * to be json-file) kept on this host's disk: max-size per file (each
 * driver's own default when not given) and max-file, for a creating
 * command or one that sets the log.
 */
static int
scan_log(const struct scan *sc, const struct request *req)
{
	const char *drv = grammar_last_value(req->flags, req->nflags,
	    "log-driver");
	const char *size = logopt(req, "max-size");
	const char *files = logopt(req, "max-file");
	struct limit_finding f;
	int local;

	if (!limitcmds[sc->row].creates && !has_log_flag(req))
		return 0;
	if (drv == NULL || *drv == '\0')
		drv = "json-file";
	if (strcmp(drv, "json-file") != 0 && strcmp(drv, "local") != 0)
		return 0;	/* its logs are not kept on this host's disk */
	local = strcmp(drv, "local") == 0;
	start(&f, sc, LIMIT_LOG, "log-opt", size);
	f.value2 = drv;
	f.files = local ? LIMITS_LOG_FILES_LOCAL : LIMITS_LOG_FILES_JSON;
	if (files != NULL && count(files, &f.files) != 0) {
		f.key = "max-file";
		f.value = files;
		return report(sc, &f, LK_LOG_UNREADABLE);
	}
	if (size == NULL)
		f.amount = local ? LIMITS_LOG_SIZE_LOCAL : LIMITS_NONE;
	else if (human_size(size, 1000, &f.amount) != 0) {
		f.key = "max-size";
		return report(sc, &f, LK_LOG_UNREADABLE);
	}
	return report(sc, &f, LK_LOG);
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

/*
 * The limits with a flag that req leaves out: for a creating command,
 * memory, cpus and pids then have none (no_limit, with the flag that sets
 * them); for run and create, a default would be added (adds).
 */
static int
scan_unset(const struct scan *sc, const struct request *req)
{
	struct limit_finding f;
	const char *flag;
	int id, pre = *limitcmds[sc->row].pre != '\0';

	for (id = 0; id < LIMIT_COUNT; id++) {
		if (id == LIMIT_LOG || limitdefs[id].inject == NULL ||
		    request_sets(req, id))
			continue;
		flag = id <= LIMIT_PIDS ? setflag[pre][id] :
		    limitdefs[id].inject;
		start(&f, sc, id, flag, NULL);
		f.no_limit = limitcmds[sc->row].creates && id <= LIMIT_PIDS;
		if ((f.no_limit || f.adds) && report(sc, &f, LK_UNSET) != 0)
			return -1;
	}
	return 0;
}

int
reslimits_scan(const struct request *req, reslimits_fn fn, void *ctx)
{
	struct scan sc = { fn, ctx, command_row(req) };
	size_t i;

	if (sc.row < 0)
		return 0;
	for (i = 0; i < req->nflags; i++)
		if (scan_one(&sc, &req->flags[i]) != 0)
			return -1;
	if (scan_cfs(&sc, req) != 0 || scan_unset(&sc, req) != 0 ||
	    scan_log(&sc, req) != 0)
		return -1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* What decide.c adds */

/* 1 if the options of a --tmpfs value give a size. */
static int
tmpfs_sized(const char *value)
{
	struct strv o = { NULL, 0, 0 };
	const char *opts = strchr(value, ':'), *err;
	size_t i;
	int sized = 0;

	if (opts != NULL && mounts_csv(opts + 1, &o, &err) != 0)
		sized = 1;	/* unreadable: refused, not fixed */
	for (i = 0; i < o.n; i++)
		sized |= strncmp(o.v[i], "size=", 5) == 0;
	strv_free(&o);
	return sized;
}

char *
reslimits_tmpfs_fix(const struct request *req, const struct flagval *fv,
    long long bytes)
{
	const struct limitflag *lf;
	struct strv f = { NULL, 0, 0 };
	const char *size, *v = fv->value;
	char *out = NULL;
	int row, tmpfs;

	if ((row = command_row(req)) < 0 || !limitcmds[row].inject ||
	    (lf = limitflag(commands_flag_canon(fv->def))) == NULL)
		return NULL;
	/* bytes: the kernel (size=) and the CLI (tmpfs-size=) both read
	 * them, whatever units the policy wrote the cap in */
	if (lf->read == LR_TMPFS && !tmpfs_sized(v))
		out = xasprintf("%s%s%ssize=%lld", v, strchr(v, ':') == NULL ?
		    ":" : "", strchr(v, ':') != NULL && v[strlen(v) - 1] !=
		    ':' ? "," : "", bytes);
	else if (lf->read == LR_MOUNT && mount_tmpfs(v, &tmpfs, &size,
	    &f) == 0 && tmpfs && size == NULL)
		out = xasprintf("%s%stmpfs-size=%lld", v, *v != '\0' &&
		    v[strlen(v) - 1] != ',' ? "," : "", bytes);
	strv_free(&f);
	return out;
}

char *
reslimits_default_flag(int id, const char *text, long long value)
{
	if (id == LIMIT_LOG)	/* bytes: docker reads max-size in SI units */
		return xasprintf("--log-opt=max-size=%lld", value);
	if (!reslimits_takes_default(id))
		return NULL;
	return xasprintf("--%s=%s", limitdefs[id].inject, text);
}

long long
reslimits_log_total(long long size, long long files)
{
	if (size == 0 || files == 0)	/* rotation off: no bound */
		return LIMITS_NONE;
	return size > LLONG_MAX / files ? LIMITS_NONE : size * files;
}

/* ------------------------------------------------------------------ */
/* Compose services */

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
reslimits_scan_service(unsigned set, reslimits_fn fn, void *ctx)
{
	static const char *const key[LIMIT_COUNT] = {
		[LIMIT_MEMORY] = "mem_limit", [LIMIT_CPUS] = "cpus",
		[LIMIT_PIDS] = "pids_limit", [LIMIT_SHM] = "shm_size",
		[LIMIT_LOG] = "logging.options.max-size",
	};
	struct scan sc = { fn, ctx, -1 };
	struct limit_finding f;
	int id;

	for (id = 0; id < LIMIT_COUNT; id++) {
		if (key[id] == NULL || (set & (1u << id)))
			continue;
		start(&f, &sc, id, key[id], NULL);
		/* without shm_size docker still sizes /dev/shm (64m) */
		f.no_limit = id != LIMIT_SHM;
		if (report(&sc, &f, LK_SERVICE_UNSET) != 0)
			return -1;
	}
	return 0;
}
