/*
 * policy.c: the YAML policy file (dockergate.yaml(5)) -> struct policy.
 *
 * Invariants:
 * - The policy file MUST be opened exactly once, with O_NOFOLLOW, and its
 *   owner, type and mode MUST be checked with fstat(2) on that descriptor,
 *   never by stat(2) on the path before or after opening it.  The file MUST
 *   be a regular file owned by root and not writable by group or others;
 *   every directory on the resolved path to it MUST be too (a sticky,
 *   world-writable /tmp is refused, as sshd refuses it).
 * - The YAML MUST be read with libyaml's event API only, and nesting depth
 *   MUST be counted here and bounded by POLICY_MAX_DEPTH: libyaml 0.2.5 has
 *   no limit of its own.  Our own recursion follows the schema, never the
 *   input, so it is bounded too.
 * - Anchors, aliases, tags, tag directives, duplicate keys, unknown keys,
 *   wrong types, empty scoping lists and more than one document MUST be
 *   load errors: the policy means exactly what it says and nothing YAML
 *   could add to it.
 * - Every name MUST be resolved at load time: command spellings, flag
 *   names, risk classes, image patterns and paths.  Anything that does not
 *   resolve MUST fail the whole load; a partial policy is never returned.
 * - Every problem MUST be reported as "FILE:LINE:COL: message" (or
 *   "FILE: message"), at most POLICY_MAX_ERRORS of them, with control bytes
 *   from the input replaced so that --check can not drive a terminal.
 * - Nothing here prints or exits (only the x* allocators may, on OOM).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yaml.h>

#include "approval.h"
#include "commands.h"
#include "compose.h"
#include "imageref.h"
#include "mounts.h"
#include "netrules.h"
#include "policy.h"
#include "placement.h"
#include "quota.h"
#include "reap.h"
#include "trust.h"
#include "util.h"

#define POLICY_MAX_ROLES	1024	/* roles per file */
#define POLICY_MAX_LABELS	64	/* label constraints per rule */
#define POLICY_MAX_WORDS	4	/* words in a command spelling */
#define POLICY_MAX_NAME		64	/* bytes in a role name */
#define POLICY_MAX_MSG		512	/* bytes in one problem message */
#define POLICY_MAX_TIMEOUT	(30L * 24 * 3600)	/* 30 days */
#define SUGGEST_MAXLEN		64	/* longest word we suggest for */
#define RISK_BITS		32	/* bits in enum risk */
#define SUGGEST_PREFIX		3	/* rank of a prefix match */

struct parser {
	yaml_parser_t	 yp;
	yaml_event_t	 ev;		/* the current event */
	int		 have_ev;	/* ev must be deleted */
	const char	*file;
	struct strv	*errs;
	size_t		 nerrs;
	int		 depth;		/* open sequences and mappings */
	int		 stop;		/* no further events will be read */
	struct policy	*pol;
	yaml_mark_t	 approval_mark;	/* of the first approval: true */
	int		 approval_rule;	/* a rule has approval: true */
	size_t		 last_end;	/* end of the last event that has
					   width (learn.c's role span) */
};

/* A rule while it is being read: what the checks after its mapping need. */
struct rulectx {
	struct rule	*r;
	struct strv	 spell;		/* command names as written */
	yaml_mark_t	*dfmarks;	/* of each deny_flags entry */
	int		 has_command;
	int		 bad_command;	/* an unknown name was reported */
	int		 scoped_compose;/* subcommands or projects given */
	yaml_mark_t	 compose_mark;
	yaml_mark_t	 volumes_mark;	/* of volumes:, if given */
	yaml_mark_t	 limits_mark;	/* of limits:, if given */
	yaml_mark_t	 networks_mark;	/* of networks: or network:, if given */
	yaml_mark_t	 quota_mark;	/* of max_containers:, if given */
	int		 has_quota;
	yaml_mark_t	 lifetime_mark;	/* of lifetime:, if given */
	int		 has_lifetime;
	yaml_mark_t	 cgroup_mark;	/* of cgroup_parent:, if given */
};

typedef int (*keyfn)(struct parser *, void *);
typedef int (*itemfn)(struct parser *, void *, const char *,
    const yaml_mark_t *);

struct key {
	const char	*name;
	keyfn		 fn;
};

/* Best candidate so far for "did you mean". */
struct suggest {
	const char	*word;
	const char	*best;
	size_t		 dist;		/* rank of best */
};

/* ------------------------------------------------------------------ */
/* Problems */

/* Replace bytes that could drive a terminal; truncate to the message cap. */
static char *
terminal_safe(char *s)
{
	unsigned char *u;

	if (strlen(s) >= POLICY_MAX_MSG)
		s[POLICY_MAX_MSG - 1] = '\0';
	for (u = (unsigned char *)s; *u != '\0'; u++)
		if (*u < 0x20 || *u == 0x7f)
			*u = '?';
	return s;
}

static void
vreport(struct parser *p, const yaml_mark_t *m, const char *fmt, va_list ap)
{
	char *msg;

	if (p->nerrs >= POLICY_MAX_ERRORS) {
		p->stop = 1;
		return;
	}
	if (vasprintf(&msg, fmt, ap) == -1)
		msg = xstrdup("out of memory");
	terminal_safe(msg);
	if (m != NULL)
		strv_take(p->errs, xasprintf("%s:%zu:%zu: %s", p->file,
		    m->line + 1, m->column + 1, msg));
	else
		strv_take(p->errs, xasprintf("%s: %s", p->file, msg));
	free(msg);
	if (++p->nerrs >= POLICY_MAX_ERRORS)
		p->stop = 1;
}

/* One problem at a position in the file. */
static void
perr(struct parser *p, const yaml_mark_t *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(p, m, fmt, ap);
	va_end(ap);
}

/* One problem about the whole file (no position). */
static void
ferr(struct strv *errs, const char *file, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) == -1)
		msg = xstrdup("out of memory");
	va_end(ap);
	strv_take(errs, xasprintf("%s: %s", file, terminal_safe(msg)));
	free(msg);
}

static void
yaml_problem(struct parser *p)
{
	yaml_parser_t *y = &p->yp;
	const char *what = y->problem != NULL ? y->problem : "invalid YAML";

	if (y->error == YAML_MEMORY_ERROR)
		perr(p, NULL, "out of memory while parsing");
	else if (y->error == YAML_READER_ERROR)
		perr(p, NULL, "invalid input at byte %zu: %s",
		    y->problem_offset, what);
	else if (y->context != NULL)
		perr(p, &y->problem_mark, "syntax error: %s %s", what,
		    y->context);
	else
		perr(p, &y->problem_mark, "syntax error: %s", what);
	p->stop = 1;
}

/* ------------------------------------------------------------------ */
/* Suggestions */

/* Levenshtein distance; SIZE_MAX for words too long to bother with. */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t row[SUGGEST_MAXLEN + 1], la, lb, i, j, diag, up, v;

	la = strlen(a);
	lb = strlen(b);
	if (la > SUGGEST_MAXLEN || lb > SUGGEST_MAXLEN)
		return SIZE_MAX;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		diag = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			up = row[j];
			v = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
		}
	}
	return row[lb];
}

/*
 * Consider cand: an edit distance of at most 2 (and less than the word's
 * length, so "ps" never suggests "rm"), or else a prefix match.  At equal
 * distance a candidate the word is a prefix of wins ("stat": "stats").
 */
static void
suggest_try(struct suggest *s, const char *cand)
{
	size_t d, rank, len = strlen(s->word);
	int prefix;

	prefix = len > 0 && strncmp(cand, s->word, len) == 0;
	d = edit_distance(s->word, cand);
	if (d <= 2 && d < len)
		rank = 2 * d + !prefix;
	else if (prefix)
		rank = 2 * SUGGEST_PREFIX;
	else
		return;
	if (rank < s->dist) {
		s->best = cand;
		s->dist = rank;
	}
}

static void
suggest_init(struct suggest *s, const char *word)
{
	s->word = word;
	s->best = NULL;
	s->dist = SIZE_MAX;
}

/* "; did you mean "x"?" or "", static storage. */
static const char *
suggest_text(const struct suggest *s)
{
	static char buf[SUGGEST_MAXLEN + 32];

	if (s->best == NULL)
		return "";
	return errfmt(buf, sizeof(buf), "; did you mean \"%s\"?", s->best);
}

/* ------------------------------------------------------------------ */
/* Events */

static void
node_props(struct parser *p, const yaml_char_t *anchor, const yaml_char_t *tag)
{
	if (anchor != NULL)
		perr(p, &p->ev.start_mark, "anchors are not allowed (&%s)",
		    (const char *)anchor);
	if (tag != NULL)
		perr(p, &p->ev.start_mark, "tags are not allowed (%s)",
		    (const char *)tag);
}

/*
 * Reject what YAML could add behind the reader's back (anchors, aliases,
 * tags) and count depth.  Too deep stops the parse: nothing below that level
 * is part of the schema anyway.
 */
static int
check_event(struct parser *p)
{
	yaml_event_t *e = &p->ev;

	switch (e->type) {
	case YAML_ALIAS_EVENT:
		perr(p, &e->start_mark, "aliases are not allowed (*%s)",
		    (const char *)e->data.alias.anchor);
		break;
	case YAML_SCALAR_EVENT:
		node_props(p, e->data.scalar.anchor, e->data.scalar.tag);
		break;
	case YAML_SEQUENCE_START_EVENT:
		node_props(p, e->data.sequence_start.anchor,
		    e->data.sequence_start.tag);
		p->depth++;
		break;
	case YAML_MAPPING_START_EVENT:
		node_props(p, e->data.mapping_start.anchor,
		    e->data.mapping_start.tag);
		p->depth++;
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		p->depth--;
		break;
	case YAML_DOCUMENT_START_EVENT:
		if (e->data.document_start.tag_directives.start !=
		    e->data.document_start.tag_directives.end)
			perr(p, &e->start_mark,
			    "%%TAG directives are not allowed");
		break;
	default:
		break;
	}
	if (p->depth > POLICY_MAX_DEPTH) {
		perr(p, &e->start_mark, "nesting deeper than %d levels",
		    POLICY_MAX_DEPTH);
		p->stop = 1;
	}
	return p->stop ? -1 : 0;
}

/* Read the next event into p->ev.  -1: stop parsing (already reported). */
static int
next(struct parser *p)
{
	if (p->stop)
		return -1;
	if (p->have_ev)
		yaml_event_delete(&p->ev);
	p->have_ev = 0;
	if (!yaml_parser_parse(&p->yp, &p->ev)) {
		yaml_problem(p);
		return -1;
	}
	p->have_ev = 1;
	/* Block ends have no width: they sit on the next node. */
	if (p->ev.end_mark.index > p->ev.start_mark.index)
		p->last_end = p->ev.end_mark.index;
	return check_event(p);
}

/* Consume the rest of the node whose first event is current. */
static int
skip_node(struct parser *p)
{
	int d = p->depth;

	if (p->ev.type != YAML_SEQUENCE_START_EVENT &&
	    p->ev.type != YAML_MAPPING_START_EVENT)
		return 0;
	while (p->depth >= d)
		if (next(p) == -1)
			return -1;
	return 0;
}

static const char *
type_name(yaml_event_type_t t)
{
	switch (t) {
	case YAML_MAPPING_START_EVENT:
		return "a mapping";
	case YAML_SEQUENCE_START_EVENT:
		return "a list";
	default:
		return "a single value";
	}
}

/*
 * 1 if the current node starts with an event of type t.  Otherwise report
 * (aliases were reported already), skip the node and return 0; -1 to stop.
 */
static int
expect(struct parser *p, yaml_event_type_t t, const char *what)
{
	if (p->ev.type == t)
		return 1;
	if (p->ev.type != YAML_ALIAS_EVENT)
		perr(p, &p->ev.start_mark, "%s must be %s, not %s", what,
		    type_name(t), type_name(p->ev.type));
	return skip_node(p) == -1 ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Scalars */

static int
is_plain(const struct parser *p)
{
	return p->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

static const char *
sval(const struct parser *p)
{
	return (const char *)p->ev.data.scalar.value;
}

/*
 * The current node as a string: any scalar style, but not a plain null
 * ("", "~", "null"), no NUL and no control characters.  *out is NULL (and
 * the problem reported) when it is not acceptable; caller frees.
 */
static int
scalar_str(struct parser *p, const char *what, char **out)
{
	const yaml_mark_t *m = &p->ev.start_mark;
	const char *s;
	size_t i, len;
	int r;

	*out = NULL;
	if ((r = expect(p, YAML_SCALAR_EVENT, what)) != 1)
		return r;
	s = sval(p);
	len = p->ev.data.scalar.length;
	if (is_plain(p) && (len == 0 || strcmp(s, "~") == 0 ||
	    strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
	    strcmp(s, "NULL") == 0)) {
		perr(p, m, "%s must not be empty", what);
		return 0;
	}
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) {
			perr(p, m, "%s must not contain control characters",
			    what);
			return 0;
		}
	*out = xstrndup(s, len);
	return 0;
}

/* true/false (or True/False), plain only: "true" in quotes is a string. */
static int
scalar_bool(struct parser *p, const char *what, int *out)
{
	const char *s;
	int r;

	if ((r = expect(p, YAML_SCALAR_EVENT, what)) != 1)
		return r;
	s = sval(p);
	if (is_plain(p) && (strcmp(s, "true") == 0 || strcmp(s, "True") == 0))
		*out = 1;
	else if (is_plain(p) && (strcmp(s, "false") == 0 ||
	    strcmp(s, "False") == 0))
		*out = 0;
	else
		perr(p, &p->ev.start_mark, "%s must be true or false", what);
	return 0;
}

/* A plain decimal integer without sign or leading zero, at most max. */
static int
scalar_uint(struct parser *p, const char *what, long max, long *out)
{
	const char *s;
	long v = 0;
	int r;

	*out = -1;
	if ((r = expect(p, YAML_SCALAR_EVENT, what)) != 1)
		return r;
	s = sval(p);
	if (!is_plain(p) || *s == '\0' || (s[0] == '0' && s[1] != '\0'))
		goto bad;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v > (max - (*s - '0')) / 10)
			goto bad;
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return 0;
bad:
	perr(p, &p->ev.start_mark, "%s must be a decimal integer up to %ld",
	    what, max);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Mappings and sequences */

static const struct key *
find_key(const struct key *keys, const char *name, size_t *idx)
{
	for (*idx = 0; keys[*idx].name != NULL; (*idx)++)
		if (strcmp(keys[*idx].name, name) == 0)
			return &keys[*idx];
	return NULL;
}

static void
unknown_key(struct parser *p, const yaml_mark_t *m, const char *name,
    const struct key *keys, const char *in)
{
	struct suggest s;
	size_t i;

	suggest_init(&s, name);
	for (i = 0; keys[i].name != NULL; i++)
		suggest_try(&s, keys[i].name);
	perr(p, m, "unknown key \"%s\" in %s%s", name, in, suggest_text(&s));
}

/*
 * Read a mapping key: the current event.  *name is NULL when it is not a
 * usable string (reported, node skipped); caller frees.
 */
static int
map_key(struct parser *p, char **name, yaml_mark_t *m)
{
	*m = p->ev.start_mark;
	return scalar_str(p, "a key", name);
}

/*
 * A mapping with fixed keys; the current event is its MAPPING_START.  Each
 * value is handed to its key's function with the value's first event
 * current.  Unknown and duplicate keys are reported and their values
 * skipped.  *seen gets one bit per key index present.
 */
static int
parse_map(struct parser *p, const char *in, const struct key *keys,
    void *obj, unsigned long *seen)
{
	const struct key *k;
	yaml_mark_t m;
	char *name = NULL;
	size_t idx;
	int r;

	*seen = 0;
	for (;;) {
		if (next(p) == -1)
			return -1;
		if (p->ev.type == YAML_MAPPING_END_EVENT)
			return 0;
		if (map_key(p, &name, &m) == -1 || next(p) == -1) {
			free(name);
			return -1;
		}
		k = name != NULL ? find_key(keys, name, &idx) : NULL;
		if (name != NULL && k == NULL)
			unknown_key(p, &m, name, keys, in);
		else if (k != NULL && (*seen & (1UL << idx)) != 0) {
			perr(p, &m, "duplicate key \"%s\" in %s", name, in);
			k = NULL;
		}
		if (k != NULL)
			*seen |= 1UL << idx;
		r = k != NULL ? k->fn(p, obj) : skip_node(p);
		free(name);
		name = NULL;
		if (r == -1)
			return -1;
	}
}

/*
 * A list of strings, each handed to fn with its position.  An empty list is
 * an error unless allow_empty: for scoping keys "[]" would read as "any".
 */
static int
parse_strseq(struct parser *p, const char *what, int allow_empty,
    itemfn fn, void *obj)
{
	yaml_mark_t start = p->ev.start_mark, m;
	char *s;
	size_t n = 0;
	int r;

	if ((r = expect(p, YAML_SEQUENCE_START_EVENT, what)) != 1)
		return r;
	for (;;) {
		if (next(p) == -1)
			return -1;
		if (p->ev.type == YAML_SEQUENCE_END_EVENT)
			break;
		n++;
		m = p->ev.start_mark;
		if (scalar_str(p, what, &s) == -1)
			return -1;
		r = s != NULL ? fn(p, obj, s, &m) : 0;
		free(s);
		if (r == -1)
			return -1;
	}
	if (n == 0 && !allow_empty)
		perr(p, &start, "%s: empty list; leave the key out instead",
		    what);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Paths and durations */

/* An absolute path without "..": reports and returns 0 if not. */
static int
abs_path_ok(struct parser *p, const yaml_mark_t *m, const char *what,
    const char *s)
{
	if (s[0] != '/') {
		perr(p, m, "%s must be an absolute path: \"%s\"", what, s);
		return 0;
	}
	if (path_has_dotdot(s)) {
		perr(p, m, "%s must not contain \"..\": \"%s\"", what, s);
		return 0;
	}
	return 1;
}

/* Read an absolute path into *dst, replacing its default. */
static int
take_path(struct parser *p, const char *what, char **dst)
{
	yaml_mark_t m = p->ev.start_mark;
	char *s;

	if (scalar_str(p, what, &s) == -1)
		return -1;
	if (s != NULL && abs_path_ok(p, &m, what, s)) {
		free(*dst);
		*dst = s;
	} else
		free(s);
	return 0;
}

/*
 * "0", plain seconds ("90"), or NhNmNs with each unit at most once and in
 * that order ("1h30m", "15m", "90s").  -1 when not a duration or past max.
 */
static int
parse_duration(const char *s, long max, long *out)
{
	static const struct {
		char	unit;
		long	secs;
	} units[] = { { 'h', 3600 }, { 'm', 60 }, { 's', 1 } };
	size_t u = 0, nunits = sizeof(units) / sizeof(units[0]), digits;
	long total = 0, v;

	if (*s == '\0')
		return -1;
	while (*s != '\0') {
		for (v = 0, digits = 0; *s >= '0' && *s <= '9'; s++) {
			if (++digits > 9)
				return -1;
			v = v * 10 + (*s - '0');
		}
		if (digits == 0)
			return -1;
		if (*s == '\0' && u == 0) {
			total = v;	/* plain seconds */
			break;
		}
		while (u < nunits && units[u].unit != *s)
			u++;
		if (u == nunits || v > (max - total) / units[u].secs)
			return -1;
		total += v * units[u++].secs;
		s++;
	}
	if (total > max)
		return -1;
	*out = total;
	return 0;
}

/* Make room for element n of an array that grows by doubling from 8. */
static void *
grow(void *v, size_t n, size_t size)
{
	if (n == 0)
		return xreallocarray(v, 8, size);
	if (n >= 8 && (n & (n - 1)) == 0)
		return xreallocarray(v, 2 * n, size);
	return v;
}

/* ------------------------------------------------------------------ */
/* docker: and audit: */

static int
key_binary(struct parser *p, void *obj)
{
	return take_path(p, "docker.binary", &((struct policy *)obj)->binary);
}

static int
key_config_dir(struct parser *p, void *obj)
{
	return take_path(p, "docker.config_dir",
	    &((struct policy *)obj)->config_dir);
}

/* Only local sockets: a tcp:// or ssh:// host would leave this machine. */
static int
key_host(struct parser *p, void *obj)
{
	struct policy *pol = obj;
	yaml_mark_t m = p->ev.start_mark;
	char *s;

	if (scalar_str(p, "docker.host", &s) == -1)
		return -1;
	if (s == NULL)
		return 0;
	if (strncmp(s, "unix://", 7) != 0)
		perr(p, &m, "docker.host must be unix:///PATH, a local socket: "
		    "\"%s\"", s);
	else if (abs_path_ok(p, &m, "docker.host socket", s + 7)) {
		free(pol->host);
		pol->host = s;
		s = NULL;
	}
	free(s);
	return 0;
}

static int
key_timeout(struct parser *p, void *obj)
{
	struct policy *pol = obj;
	yaml_mark_t m = p->ev.start_mark;
	char *s;
	long v;

	if (scalar_str(p, "docker.timeout", &s) == -1)
		return -1;
	if (s == NULL)
		return 0;
	if (parse_duration(s, POLICY_MAX_TIMEOUT, &v) == -1)
		perr(p, &m, "docker.timeout: bad duration \"%s\" (0, seconds, "
		    "or like 90s, 15m, 1h30m; at most 30 days)", s);
	else
		pol->timeout = v;
	free(s);
	return 0;
}

static const struct key docker_keys[] = {
	{ "binary",	key_binary },
	{ "host",	key_host },
	{ "config_dir",	key_config_dir },
	{ "timeout",	key_timeout },
	{ NULL,		NULL },
};

static int
key_docker(struct parser *p, void *obj)
{
	unsigned long seen;
	int r;

	if ((r = expect(p, YAML_MAPPING_START_EVENT, "docker")) != 1)
		return r;
	return parse_map(p, "docker", docker_keys, obj, &seen);
}

static int
key_syslog(struct parser *p, void *obj)
{
	return scalar_bool(p, "audit.syslog",
	    &((struct policy *)obj)->audit_syslog);
}

static int
key_audit_file(struct parser *p, void *obj)
{
	return take_path(p, "audit.file", &((struct policy *)obj)->audit_file);
}

static int
key_required(struct parser *p, void *obj)
{
	return scalar_bool(p, "audit.required",
	    &((struct policy *)obj)->audit_required);
}

static const struct key audit_keys[] = {
	{ "syslog",	key_syslog },
	{ "file",	key_audit_file },
	{ "required",	key_required },
	{ NULL,		NULL },
};

static int
key_audit(struct parser *p, void *obj)
{
	struct policy *pol = obj;
	yaml_mark_t m = p->ev.start_mark;
	unsigned long seen;
	int r;

	if ((r = expect(p, YAML_MAPPING_START_EVENT, "audit")) != 1)
		return r;
	if (parse_map(p, "audit", audit_keys, obj, &seen) == -1)
		return -1;
	if (pol->audit_required && !pol->audit_syslog &&
	    pol->audit_file == NULL)
		perr(p, &m, "audit.required is true but neither audit.syslog "
		    "nor audit.file is set: every request would be denied");
	return 0;
}

/* ------------------------------------------------------------------ */
/* approvals: (approval.c) */

static int
key_appr_dir(struct parser *p, void *obj)
{
	return take_path(p, "approvals.dir",
	    &((struct policy *)obj)->approvals.dir);
}

static int
appr_duration(struct parser *p, const char *what, long min, long max,
    long *dst)
{
	yaml_mark_t m = p->ev.start_mark;
	char *s;
	long v;

	if (scalar_str(p, what, &s) == -1)
		return -1;
	if (s == NULL)
		return 0;
	if (parse_duration(s, max, &v) == -1 || v < min)
		perr(p, &m, "%s: bad duration \"%.32s\" (like 90s, 15m, 1h; "
		    "%ld to %ld seconds)", what, s, min, max);
	else
		*dst = v;
	free(s);
	return 0;
}

static int
key_appr_ttl(struct parser *p, void *obj)
{
	return appr_duration(p, "approvals.ttl", 1, APPROVAL_MAX_TTL,
	    &((struct policy *)obj)->approvals.ttl);
}

static int
key_appr_wait(struct parser *p, void *obj)
{
	return appr_duration(p, "approvals.wait", 0, APPROVAL_MAX_WAIT,
	    &((struct policy *)obj)->approvals.wait);
}

static int
notify_item(struct parser *p, void *obj, const char *s, const yaml_mark_t *m)
{
	struct approvals *ap = obj;

	if (ap->notify.n == 0 && !abs_path_ok(p, m, "approvals.notify", s))
		return 0;
	if (ap->notify.n >= APPROVAL_NOTIFY_MAX_ARGS) {
		perr(p, m, "approvals.notify: more than %d words",
		    APPROVAL_NOTIFY_MAX_ARGS);
		return 0;
	}
	strv_push(&ap->notify, s);
	return 0;
}

static int
key_appr_notify(struct parser *p, void *obj)
{
	struct approvals *ap = &((struct policy *)obj)->approvals;

	ap->notify_line = (int)p->ev.start_mark.line + 1;
	ap->notify_col = (int)p->ev.start_mark.column + 1;
	return parse_strseq(p, "approvals.notify", 0, notify_item, ap);
}

static const struct key approvals_keys[] = {
	{ "dir",	key_appr_dir },
	{ "ttl",	key_appr_ttl },
	{ "wait",	key_appr_wait },
	{ "notify",	key_appr_notify },
	{ NULL,		NULL },
};

static int
key_approvals(struct parser *p, void *obj)
{
	struct policy *pol = obj;
	unsigned long seen;
	int r;

	if ((r = expect(p, YAML_MAPPING_START_EVENT, "approvals")) != 1)
		return r;
	pol->approvals.set = 1;
	return parse_map(p, "approvals", approvals_keys, obj, &seen);
}

/* ------------------------------------------------------------------ */
/* Commands */

static int
suggest_word(const char *word, void *ctx)
{
	suggest_try(ctx, word);
	return 0;
}

static void
unknown_command(struct parser *p, const yaml_mark_t *m, const char *name)
{
	struct suggest s;

	suggest_init(&s, name);
	(void)commands_spellings(NULL, suggest_word, &s);
	perr(p, m, "unknown command \"%s\"%s", name, suggest_text(&s));
}

/*
 * A command name as the docker CLI spells it: words separated by single
 * spaces, every word consumed by one spelling.  NULL when unknown
 * (reported).
 */
static const struct cmddef *
resolve_command(struct parser *p, const yaml_mark_t *m, const char *name)
{
	const struct cmddef *c = NULL;
	char *copy, *w, *words[POLICY_MAX_WORDS];
	size_t n = 0, used = 0;
	int ok = 1;

	copy = xstrdup(name);
	for (w = copy; w != NULL && ok; n++) {
		if (n == POLICY_MAX_WORDS) {
			ok = 0;
			break;
		}
		words[n] = w;
		if ((w = strchr(w, ' ')) != NULL)
			*w++ = '\0';
		if (*words[n] == '\0')
			ok = 0;	/* leading, trailing or double space */
	}
	if (ok)
		c = commands_lookup(words, n, &used);
	if (c == NULL || used != n) {
		c = NULL;
		unknown_command(p, m, name);
	}
	free(copy);
	return c;
}

static int
cmd_item(struct parser *p, void *obj, const char *s, const yaml_mark_t *m)
{
	struct rulectx *c = obj;
	struct rule *r = c->r;
	const struct cmddef *d;

	if ((d = resolve_command(p, m, s)) == NULL) {
		c->bad_command = 1;
		return 0;
	}
	r->cmds = grow(r->cmds, r->ncmds, sizeof(*r->cmds));
	r->cmds[r->ncmds++] = d;
	strv_push(&c->spell, s);
	return 0;
}

/* command: NAME or command: [NAME, ...] */
static int
key_command(struct parser *p, void *obj)
{
	struct rulectx *c = obj;
	yaml_mark_t m = p->ev.start_mark;
	char *s;
	int r = 0;

	c->has_command = 1;
	if (p->ev.type == YAML_SEQUENCE_START_EVENT)
		return parse_strseq(p, "command", 0, cmd_item, c);
	if (scalar_str(p, "command", &s) == -1)
		return -1;
	if (s != NULL)
		r = cmd_item(p, c, s, &m);
	free(s);
	return r;
}

/* ------------------------------------------------------------------ */
/* Rule scoping keys */

static int
push_item(struct parser *p, void *obj, const char *s, const yaml_mark_t *m)
{
	(void)p;
	(void)m;
	strv_push(obj, s);
	return 0;
}

static int
key_containers(struct parser *p, void *obj)
{
	struct rulectx *c = obj;

	return parse_strseq(p, "containers", 0, push_item,
	    &c->r->containers);
}

static int
image_item(struct parser *p, void *obj, const char *s, const yaml_mark_t *m)
{
	struct rule *r = obj;
	const char *errstr = "invalid";
	char *n;

	if ((n = imageref_pattern(s, &errstr)) == NULL)
		perr(p, m, "images: invalid pattern \"%s\": %s", s, errstr);
	else
		strv_take(&r->images, n);
	return 0;
}

static int
key_images(struct parser *p, void *obj)
{
	struct rulectx *c = obj;

	return parse_strseq(p, "images", 0, image_item, c->r);
}

/* A volume name glob: docker's name characters and glob characters. */
static int
volume_item(struct parser *p, void *obj, const char *s, const yaml_mark_t *m)
{
	if (s[0] == '\0' || strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-*?[]!") != strlen(s))
		perr(p, m, "volumes: \"%s\" is not a volume name glob", s);
	else
		strv_push(obj, s);
	return 0;
}

static int
key_volumes(struct parser *p, void *obj)
{
	struct rulectx *c = obj;

	c->volumes_mark = p->ev.start_mark;
	return parse_strseq(p, "volumes", 0, volume_item, &c->r->volumes);
}

static int
label_add(struct parser *p, struct rule *r, char *key, const yaml_mark_t *m)
{
	char *value;
	size_t i;

	for (i = 0; i < r->nlabels; i++)
		if (strcmp(r->labels[i].key, key) == 0) {
			perr(p, m, "duplicate key \"%s\" in labels", key);
			return skip_node(p);
		}
	if (r->nlabels >= POLICY_MAX_LABELS) {
		perr(p, m, "labels: more than %d labels", POLICY_MAX_LABELS);
		return skip_node(p);
	}
	if (scalar_str(p, "a label value", &value) == -1)
		return -1;
	if (value == NULL)
		return 0;
	r->labels = grow(r->labels, r->nlabels, sizeof(*r->labels));
	r->labels[r->nlabels].key = xstrdup(key);
	r->labels[r->nlabels++].value = value;
	return 0;
}

/* labels: {KEY: VALUE, ...}, all of which must match. */
static int
key_labels(struct parser *p, void *obj)
{
	struct rule *r = ((struct rulectx *)obj)->r;
	yaml_mark_t start = p->ev.start_mark, m;
	char *key = NULL;
	int rc;

	if ((rc = expect(p, YAML_MAPPING_START_EVENT, "labels")) != 1)
		return rc;
	for (;;) {
		if (next(p) == -1)
			return -1;
		if (p->ev.type == YAML_MAPPING_END_EVENT)
			break;
		if (map_key(p, &key, &m) == -1 || next(p) == -1) {
			free(key);
			return -1;
		}
		rc = key != NULL ? label_add(p, r, key, &m) : skip_node(p);
		free(key);
		key = NULL;
		if (rc == -1)
			return -1;
	}
	if (r->nlabels == 0)
		perr(p, &start, "labels: empty mapping; leave the key out "
		    "instead");
	return 0;
}

static int
key_owned(struct parser *p, void *obj)
{
	return scalar_bool(p, "owned", &((struct rulectx *)obj)->r->owned);
}

static int
key_own(struct parser *p, void *obj)
{
	return scalar_bool(p, "own", &((struct rulectx *)obj)->r->own);
}

/* approval: true (approval.c): needs the approvals: block. */
static int
key_approval(struct parser *p, void *obj)
{
	struct rule *r = ((struct rulectx *)obj)->r;
	yaml_mark_t m = p->ev.start_mark;
	int rc;

	if ((rc = scalar_bool(p, "approval", &r->approval)) == 0 &&
	    r->approval && !p->approval_rule) {
		p->approval_rule = 1;
		p->approval_mark = m;
	}
	return rc;
}

/* max_containers: N (quota.c). */
static int
key_max_containers(struct parser *p, void *obj)
{
	struct rulectx *c = obj;
	long v;
	int r;

	c->quota_mark = p->ev.start_mark;
	if ((r = scalar_uint(p, "max_containers", QUOTA_MAX, &v)) == -1)
		return r;
	if (v == 0)
		perr(p, &c->quota_mark, "max_containers must be at least 1");
	c->r->max_containers = v > 0 ? v : 0;
	c->has_quota = 1;
	return 0;
}

/* lifetime: 2h (reap.c). */
static int
key_lifetime(struct parser *p, void *obj)
{
	struct rulectx *c = obj;
	const char *err;
	char *s;

	c->lifetime_mark = p->ev.start_mark;
	if (scalar_str(p, "lifetime", &s) == -1)
		return -1;
	c->has_lifetime = 1;
	if (s != NULL && lifetime_parse(s, &c->r->lifetime, &err) != 0)
		perr(p, &c->lifetime_mark, "lifetime: \"%.32s\": %s", s, err);
	free(s);
	return 0;
}

/* cgroup_parent: NAME (placement.c). */
static int
key_cgroup_parent(struct parser *p, void *obj)
{
	struct rulectx *c = obj;
	char *s;

	c->cgroup_mark = p->ev.start_mark;
	if (scalar_str(p, "cgroup_parent", &s) == -1)
		return -1;
	if (s != NULL && placement_problem(s) != NULL) {
		perr(p, &c->cgroup_mark, "cgroup_parent: \"%.64s\": %s", s,
		    placement_problem(s));
		free(s);
	} else
		c->r->cgroup_parent = s;
	return 0;
}

static int
key_redact_env(struct parser *p, void *obj)
{
	return scalar_bool(p, "redact_env",
	    &((struct rulectx *)obj)->r->redact_env);
}

static int
key_mounts(struct parser *p, void *obj)
{
	struct rule *r = ((struct rulectx *)obj)->r;
	yaml_mark_t m = p->ev.start_mark;
	char *s;

	if (scalar_str(p, "mounts", &s) == -1)
		return -1;
	if (s == NULL)
		return 0;
	if (strcmp(s, "none") == 0)
		r->mounts = MOUNTS_NONE;
	else if (strcmp(s, "named") == 0)
		r->mounts = MOUNTS_NAMED;
	else
		perr(p, &m, "mounts must be none or named, not \"%s\"", s);
	free(s);
	return 0;
}

/* binds: "PATH", "PATH:ro" or "PATH:rw"; PATH absolute, cleaned. */
static int
bind_item(struct parser *p, void *obj, const char *s, const yaml_mark_t *m)
{
	struct rule *r = obj;
	const char *colon = strrchr(s, ':');
	char *path, *clean = NULL;
	int ro = 0;

	if (colon != NULL && (strcmp(colon, ":ro") == 0 ||
	    strcmp(colon, ":rw") == 0)) {
		path = xstrndup(s, (size_t)(colon - s));
		ro = colon[1] == 'r' && colon[2] == 'o';
	} else
		path = xstrdup(s);
	if (strchr(path, ':') != NULL)
		perr(p, m, "binds: \"%s\": only :ro or :rw may follow the "
		    "path", s);
	else if (abs_path_ok(p, m, "binds", path) &&
	    (clean = mounts_clean_path(path)) == NULL)
		perr(p, m, "binds: can not normalize \"%s\"", path);
	if (clean != NULL) {
		r->binds = grow(r->binds, r->nbinds, sizeof(*r->binds));
		r->binds[r->nbinds].path = clean;
		r->binds[r->nbinds++].readonly = ro;
	}
	free(path);
	return 0;
}

static int
key_binds(struct parser *p, void *obj)
{
	return parse_strseq(p, "binds", 1, bind_item,
	    ((struct rulectx *)obj)->r);
}

/* Checked against the rule's commands once the whole rule is read. */
static int
deny_item(struct parser *p, void *obj, const char *s, const yaml_mark_t *m)
{
	struct rulectx *c = obj;
	struct strv *df = &c->r->deny_flags;

	if (s[0] == '-') {
		perr(p, m, "deny_flags: write flag names without dashes: "
		    "\"%s\"", s);
		return 0;
	}
	c->dfmarks = grow(c->dfmarks, df->n, sizeof(*c->dfmarks));
	c->dfmarks[df->n] = *m;
	strv_push(df, s);
	return 0;
}

static int
key_deny_flags(struct parser *p, void *obj)
{
	return parse_strseq(p, "deny_flags", 1, deny_item, obj);
}

#define RISK_LIST_MAX	512	/* bytes of the list of risk classes */

static int
list_class(const char *name, void *ctx)
{
	char *buf = ctx;
	size_t len = strlen(buf);

	(void)snprintf(buf + len, RISK_LIST_MAX - len, "%s%s",
	    len > 0 ? ", " : "", name);
	return 0;
}

/* "privileged, host-mounts, ...": every class a policy may opt into. */
static const char *
risk_list(void)
{
	static char buf[RISK_LIST_MAX];

	buf[0] = '\0';
	(void)commands_each_risk(list_class, buf);
	return buf;
}

static int
unsafe_item(struct parser *p, void *obj, const char *s, const yaml_mark_t *m)
{
	struct rule *r = obj;
	struct suggest sg;
	unsigned bit;

	if (strcmp(s, "never") == 0) {
		perr(p, m, "unsafe: \"never\" can not be allowed by any "
		    "policy");
		return 0;
	}
	if ((bit = commands_risk_lookup(s)) != 0) {
		r->unsafe |= bit;
		return 0;
	}
	suggest_init(&sg, s);
	(void)commands_each_risk(suggest_word, &sg);
	perr(p, m, "unsafe: unknown risk class \"%s\"%s (valid: %s)", s,
	    suggest_text(&sg), risk_list());
	return 0;
}

static int
key_unsafe(struct parser *p, void *obj)
{
	return parse_strseq(p, "unsafe", 1, unsafe_item,
	    ((struct rulectx *)obj)->r);
}

/* 1 when word is the one sought, else a candidate for "did you mean". */
static int
subcmd_match(const char *word, void *ctx)
{
	struct suggest *sg = ctx;

	if (strcmp(word, sg->word) == 0)
		return 1;
	suggest_try(sg, word);
	return 0;
}

/* A compose subcommand as the table lists it (commands_subcommands). */
static int
subcmd_item(struct parser *p, void *obj, const char *s, const yaml_mark_t *m)
{
	struct suggest sg;

	suggest_init(&sg, s);
	if (commands_subcommands("compose", subcmd_match, &sg)) {
		strv_push(obj, s);
		return 0;
	}
	perr(p, m, "subcommands: unknown compose subcommand \"%s\"%s", s,
	    suggest_text(&sg));
	return 0;
}

static int
key_subcommands(struct parser *p, void *obj)
{
	struct rulectx *c = obj;

	c->scoped_compose = 1;
	c->compose_mark = p->ev.start_mark;
	return parse_strseq(p, "subcommands", 0, subcmd_item,
	    &c->r->subcommands);
}

/* An absolute path glob, cleaned; "-" too when dash_ok (stdin). */
static void
push_path(struct parser *p, struct strv *sv, const char *what,
    const char *s, const yaml_mark_t *m)
{
	char *clean;

	if (!abs_path_ok(p, m, what, s))
		return;
	if ((clean = mounts_clean_path(s)) == NULL)
		perr(p, m, "%s: can not normalize \"%s\"", what, s);
	else
		strv_take(sv, clean);
}

static int
project_item(struct parser *p, void *obj, const char *s, const yaml_mark_t *m)
{
	push_path(p, obj, "projects", s, m);
	return 0;
}

static int
key_projects(struct parser *p, void *obj)
{
	struct rulectx *c = obj;

	c->scoped_compose = 1;
	c->compose_mark = p->ev.start_mark;
	return parse_strseq(p, "projects", 0, project_item, &c->r->projects);
}

/*
 * Build contexts: "-" (stdin), absolute path globs, or a remote context
 * (URL, git) that is allowed only as written, character for character.
 */
static int
context_item(struct parser *p, void *obj, const char *s, const yaml_mark_t *m)
{
	if (strcmp(s, "-") == 0 || compose_is_remote(s))
		strv_push(obj, s);
	else
		push_path(p, obj, "contexts", s, m);
	return 0;
}

static int
key_contexts(struct parser *p, void *obj)
{
	return parse_strseq(p, "contexts", 0, context_item,
	    &((struct rulectx *)obj)->r->contexts);
}

/* limits: NAME: {default: V, max: V} (values: reslimits.c). */
struct limitctx {
	struct limitspec *s;
	int		 id;
};

static int
limit_value(struct parser *p, struct limitctx *lc, const char *what,
    long long *v, char *text, int *has)
{
	yaml_mark_t m = p->ev.start_mark;
	const char *err;
	char *s;

	if (scalar_str(p, what, &s) == -1)
		return -1;
	if (s == NULL)
		return 0;
	if (strlen(s) >= LIMITS_TEXT_MAX ||
	    reslimits_parse(lc->id, s, v, &err) != 0)
		perr(p, &m, "limits.%s.%s: \"%.32s\" is not %s",
		    reslimits_name(lc->id), what, s, strlen(s) >=
		    LIMITS_TEXT_MAX ? "a short value" : err);
	else {
		(void)snprintf(text, LIMITS_TEXT_MAX, "%s", s);
		*has = 1;
	}
	free(s);
	return 0;
}

static int
key_limit_default(struct parser *p, void *obj)
{
	struct limitctx *lc = obj;

	if (!reslimits_takes_default(lc->id)) {
		perr(p, &p->ev.start_mark, "limits.%s takes no default, only "
		    "max", reslimits_name(lc->id));
		return skip_node(p);
	}
	return limit_value(p, lc, "default", &lc->s->def, lc->s->deftext,
	    &lc->s->has_default);
}

static int
key_limit_max(struct parser *p, void *obj)
{
	struct limitctx *lc = obj;

	return limit_value(p, lc, "max", &lc->s->max, lc->s->maxtext,
	    &lc->s->has_max);
}

static const struct key limit_keys[] = {
	{ "default",	key_limit_default },
	{ "max",	key_limit_max },
	{ NULL,		NULL },
};

/* One limit's mapping; the current event is its first. */
static int
parse_limit(struct parser *p, struct limits *lim, const char *name,
    const yaml_mark_t *m, unsigned *dup)
{
	struct limitctx lc;
	unsigned long seen;
	int r;

	if ((lc.id = reslimits_lookup(name)) < 0) {
		perr(p, m, "unknown limit \"%s\" (known: %s)", name,
		    reslimits_names());
		return skip_node(p);
	}
	lc.s = &lim->l[lc.id];
	if (*dup & (1u << lc.id)) {
		perr(p, m, "duplicate limit \"%s\"", name);
		return skip_node(p);
	}
	*dup |= 1u << lc.id;
	if ((r = expect(p, YAML_MAPPING_START_EVENT, "a limit")) != 1)
		return r;
	if (parse_map(p, "a limit", limit_keys, &lc, &seen) == -1)
		return -1;
	if (seen == 0)
		perr(p, m, "limits.%s: give default, max or both", name);
	if (lc.s->has_default && lc.s->has_max && lc.s->def > lc.s->max)
		perr(p, m, "limits.%s: default %s is above max %s", name,
		    lc.s->deftext, lc.s->maxtext);
	return 0;
}

static int
key_limits(struct parser *p, void *obj)
{
	struct rulectx *c = obj;
	yaml_mark_t m;
	char *name = NULL;
	unsigned dup = 0;
	int r;

	c->limits_mark = p->ev.start_mark;
	c->r->limits.any = 1;
	if ((r = expect(p, YAML_MAPPING_START_EVENT, "limits")) != 1)
		return r;
	for (;;) {
		if (next(p) == -1)
			return -1;
		if (p->ev.type == YAML_MAPPING_END_EVENT)
			return 0;
		if (map_key(p, &name, &m) == -1 || next(p) == -1) {
			free(name);
			return -1;
		}
		r = name != NULL ? parse_limit(p, &c->r->limits, name, &m,
		    &dup) :
		    skip_node(p);
		free(name);
		name = NULL;
		if (r == -1)
			return -1;
	}
}

/* networks: [NAME or glob]; network: NAME (netrules.c). */
static int
network_name_ok(struct parser *p, const yaml_mark_t *m, const char *what,
    const char *s)
{
	if (strcasecmp(s, "host") == 0 || strncasecmp(s, "container:", 10) == 0)
		perr(p, m, "%s: %s is a risk class (host-namespaces, "
		    "other-containers), not a network name", what, s);
	else if (strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789_.-*?[]") != strlen(s))
		perr(p, m, "%s: \"%.64s\" is not a docker network name", what,
		    s);
	else
		return 1;
	return 0;
}

static int
network_item(struct parser *p, void *obj, const char *s, const yaml_mark_t *m)
{
	if (network_name_ok(p, m, "networks", s))
		strv_push(obj, s);
	return 0;
}

static int
key_networks(struct parser *p, void *obj)
{
	struct rulectx *c = obj;

	c->networks_mark = p->ev.start_mark;
	return parse_strseq(p, "networks", 0, network_item,
	    &c->r->networks);
}

static int
key_network(struct parser *p, void *obj)
{
	struct rulectx *c = obj;
	yaml_mark_t m = p->ev.start_mark;
	char *s;

	c->networks_mark = m;
	if (scalar_str(p, "network", &s) == -1)
		return -1;
	if (s != NULL && strpbrk(s, "*?[]") == NULL &&
	    network_name_ok(p, &m, "network", s))
		c->r->network = s;
	else {
		if (s != NULL && strpbrk(s, "*?[]") != NULL)
			perr(p, &m, "network: a default is one name, not a "
			    "glob");
		free(s);
	}
	return 0;
}

static const struct key rule_keys[] = {
	{ "command",	 key_command },
	{ "containers",	 key_containers },
	{ "labels",	 key_labels },
	{ "owned",	 key_owned },
	{ "own",	 key_own },
	{ "images",	 key_images },
	{ "mounts",	 key_mounts },
	{ "volumes",	 key_volumes },
	{ "binds",	 key_binds },
	{ "deny_flags",	 key_deny_flags },
	{ "unsafe",	 key_unsafe },
	{ "subcommands", key_subcommands },
	{ "projects",	 key_projects },
	{ "contexts",	 key_contexts },
	{ "redact_env",	 key_redact_env },
	{ "limits",	 key_limits },
	{ "networks",	 key_networks },
	{ "network",	 key_network },
	{ "max_containers", key_max_containers },
	{ "lifetime",	 key_lifetime },
	{ "cgroup_parent", key_cgroup_parent },
	{ "approval",	 key_approval },
	{ NULL,		 NULL },
};

/* ------------------------------------------------------------------ */
/* Rules */

static int
suggest_flag(const struct flagdef *f, void *ctx)
{
	suggest_try(ctx, f->name);
	return 0;
}

static void
unknown_deny_flag(struct parser *p, const struct rulectx *c, size_t i)
{
	const struct rule *r = c->r;
	const char *name = r->deny_flags.v[i];
	const struct flagdef *f = NULL;
	struct suggest sg;
	char *cmds = NULL, *t;
	size_t j;

	suggest_init(&sg, name);
	for (j = 0; j < r->ncmds; j++) {
		if (f == NULL && strlen(name) == 1)
			f = commands_short(r->cmds[j], name[0]);
		(void)commands_each_flag(r->cmds[j], suggest_flag, &sg);
		t = xasprintf("%s%s\"%s\"", cmds ? cmds : "", cmds ? ", " : "",
		    c->spell.v[j]);
		free(cmds);
		cmds = t;
	}
	if (f != NULL)
		perr(p, &c->dfmarks[i], "deny_flags: write the long name "
		    "\"%s\", not \"%s\"", commands_flag_canon(f), name);
	else
		perr(p, &c->dfmarks[i], "deny_flags: \"%s\" is not a flag of "
		    "%s%s", name, cmds, suggest_text(&sg));
	free(cmds);
}

/*
 * A flag of cmd by name; for compose, also the docker run and exec flags
 * its service keys map to (compose.c holds services to the rule's
 * deny_flags by those names).
 */
static const struct flagdef *
rule_flag(const struct cmddef *cmd, const char *name)
{
	const struct flagdef *f = commands_flag(cmd, name);

	if (f == NULL && (commands_group(cmd) != NULL ||
	    (cmd->traits & CMD_GROUP_FLAGS)))
		f = commands_flag(commands_find("container run"), name);
	if (f == NULL && (commands_group(cmd) != NULL ||
	    (cmd->traits & CMD_GROUP_FLAGS)))
		f = commands_flag(commands_find("container exec"), name);
	return f;
}

/* Each deny_flags name must be a flag of at least one of the commands. */
static void
check_deny_flags(struct parser *p, struct rulectx *c)
{
	struct rule *r = c->r;
	const struct flagdef *f;
	size_t i, j;

	for (i = 0; i < r->deny_flags.n; i++) {
		f = NULL;
		for (j = 0; j < r->ncmds && f == NULL; j++)
			f = rule_flag(r->cmds[j], r->deny_flags.v[i]);
		if (f == NULL) {
			unknown_deny_flag(p, c, i);
			continue;
		}
		free(r->deny_flags.v[i]);
		r->deny_flags.v[i] = xstrdup(commands_flag_canon(f));
	}
}

/* Checks that need the whole rule: keys may come in any order. */
static void
rule_finish(struct parser *p, struct rulectx *c, const yaml_mark_t *m)
{
	struct rule *r = c->r;
	size_t i;
	int compose = 0;

	if (!c->has_command) {
		perr(p, m, "rule has no command");
		return;
	}
	if (c->bad_command || r->ncmds == 0)
		return;		/* reported: flags can not be checked */
	check_deny_flags(p, c);
	for (i = 0; i < r->ncmds; i++)
		if (strcmp(r->cmds[i]->name, "compose") == 0)
			compose = 1;
	if (c->scoped_compose && !compose)
		perr(p, &c->compose_mark, "subcommands and projects apply "
		    "only to compose");
	for (i = 0; r->own && i < r->ncmds; i++)
		if (!(r->cmds[i]->traits & CMD_OWNABLE) &&
		    strcmp(r->cmds[i]->name, "compose") != 0)
			perr(p, m, "own: true applies to run, create, "
			    "service create and compose only, not to \"%s\"",
			    c->spell.v[i]);
	for (i = 0; r->limits.any && i < r->ncmds; i++)
		if (!reslimits_command_takes(r->cmds[i]->name))
			perr(p, &c->limits_mark, "limits apply to run, create, "
			    "update, service create/update and compose only, "
			    "not to \"%s\"", c->spell.v[i]);
	for (i = 0; (r->networks.n > 0 || r->network != NULL) &&
	    i < r->ncmds; i++)
		if (netrules_command_takes(r->cmds[i]->name) <
		    (r->network != NULL ? 2 : 1))
			perr(p, &c->networks_mark, "%s applies to run, "
			    "create%s and compose only, not to \"%s\"",
			    r->network != NULL ? "network" : "networks",
			    r->network != NULL ? "" : ", network connect",
			    c->spell.v[i]);
	if (r->network != NULL &&
	    netrules_default_problem(&r->networks, r->network) != NULL)
		perr(p, &c->networks_mark, "network: %s: %s", r->network,
		    netrules_default_problem(&r->networks, r->network));
	if (c->has_quota && !r->own)
		perr(p, &c->quota_mark, "max_containers needs own: true in "
		    "the rule: it counts the containers with the role's owner "
		    "label");
	for (i = 0; c->has_quota && i < r->ncmds; i++)
		if (!quota_rule_takes(r->cmds[i]->name))
			perr(p, &c->quota_mark, "max_containers applies to run, "
			    "create and compose only, not to \"%s\"",
			    c->spell.v[i]);
	for (i = 0; r->cgroup_parent != NULL && i < r->ncmds; i++)
		if (!quota_command_takes(r->cmds[i]->name))
			perr(p, &c->cgroup_mark, "cgroup_parent applies to run "
			    "and create only, not to \"%s\"", c->spell.v[i]);
	if (c->has_lifetime && !r->own)
		perr(p, &c->lifetime_mark, "lifetime needs own: true in the "
		    "rule: reap removes only containers the gateway labelled");
	for (i = 0; c->has_lifetime && i < r->ncmds; i++)
		if (!quota_command_takes(r->cmds[i]->name))
			perr(p, &c->lifetime_mark, "lifetime applies to run and "
			    "create only, not to \"%s\"", c->spell.v[i]);
	if (r->volumes.n > 0 && r->mounts != MOUNTS_NAMED)
		perr(p, &c->volumes_mark, "volumes: needs mounts: named");
	/* compose names volumes after the project: not modelled here */
	if (r->volumes.n > 0 && compose)
		perr(p, &c->volumes_mark, "volumes: does not apply to compose "
		    "rules");
}

static struct rule *
rule_new(struct parser *p, struct role *role)
{
	struct rule *r;

	role->rules = grow(role->rules, role->nrules, sizeof(*role->rules));
	r = &role->rules[role->nrules];
	memset(r, 0, sizeof(*r));
	r->where = xasprintf("roles.%s.allow[%zu]", role->name, role->nrules);
	r->line = (int)p->ev.start_mark.line + 1;
	r->col = (int)p->ev.start_mark.column + 1;
	r->mounts = MOUNTS_NONE;
	r->redact_env = 1;
	role->nrules++;
	return r;
}

/*
 * One entry of an allow list: "- NAME", "- [NAME, ...]" or a mapping.
 * The rule is kept even when it has problems, so that the indexes in
 * where stay those of the file; a policy with problems is never returned.
 */
static int
parse_rule(struct parser *p, struct role *role)
{
	struct rulectx c;
	yaml_mark_t m = p->ev.start_mark;
	unsigned long seen;
	int r = 0;

	memset(&c, 0, sizeof(c));
	c.r = rule_new(p, role);
	if (p->ev.type == YAML_MAPPING_START_EVENT) {
		r = parse_map(p, "rule", rule_keys, &c, &seen);
		if (r == 0)
			rule_finish(p, &c, &m);
	} else if (p->ev.type == YAML_SEQUENCE_START_EVENT ||
	    p->ev.type == YAML_SCALAR_EVENT)
		r = key_command(p, &c);
	strv_free(&c.spell);
	free(c.dfmarks);
	return r;
}

static int
key_allow(struct parser *p, void *obj)
{
	struct role *role = obj;
	yaml_mark_t start = p->ev.start_mark;
	size_t n = 0;
	int r;

	if ((r = expect(p, YAML_SEQUENCE_START_EVENT, "allow")) != 1)
		return r;
	for (;;) {
		if (next(p) == -1)
			return -1;
		if (p->ev.type == YAML_SEQUENCE_END_EVENT)
			break;
		if (n++ == POLICY_MAX_RULES)
			perr(p, &p->ev.start_mark, "role \"%s\": more than %d "
			    "rules", role->name, POLICY_MAX_RULES);
		r = n > POLICY_MAX_RULES ? skip_node(p) : parse_rule(p, role);
		if (r == -1)
			return -1;
	}
	if (n == 0)
		perr(p, &start, "role \"%s\" allows nothing: empty allow list",
		    role->name);
	return 0;
}

/* mode: enforce (default) or observe (run what the rules deny). */
static int
key_mode(struct parser *p, void *obj)
{
	struct role *role = obj;
	yaml_mark_t m = p->ev.start_mark;
	char *s;

	if (scalar_str(p, "mode", &s) == -1)
		return -1;
	if (s == NULL)
		return 0;
	if (strcmp(s, "enforce") == 0)
		role->observe = 0;
	else if (strcmp(s, "observe") == 0)
		role->observe = 1;
	else
		perr(p, &m, "mode must be enforce or observe, not \"%s\"", s);
	free(s);
	return 0;
}

static const struct key role_keys[] = {
	{ "allow",	key_allow },
	{ "mode",	key_mode },
	{ NULL,		NULL },
};

/* ------------------------------------------------------------------ */
/* Roles and the top level */

/* Role names are login names or --role arguments: keep them plain. */
static int
role_name_ok(struct parser *p, const yaml_mark_t *m, const char *name)
{
	const struct policy *pol = p->pol;
	size_t i, len = strlen(name);

	if (len > POLICY_MAX_NAME || name[0] == '-' ||
	    strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789._-") != len) {
		perr(p, m, "bad role name \"%s\" (letters, digits, '.', '_', "
		    "'-'; at most %d)", name, POLICY_MAX_NAME);
		return 0;
	}
	for (i = 0; i < pol->nroles; i++)
		if (strcmp(pol->roles[i].name, name) == 0) {
			perr(p, m, "duplicate key \"%s\" in roles", name);
			return 0;
		}
	if (pol->nroles >= POLICY_MAX_ROLES) {
		perr(p, m, "more than %d roles", POLICY_MAX_ROLES);
		return 0;
	}
	return 1;
}

static int
parse_role(struct parser *p, char *name, const yaml_mark_t *m)
{
	struct policy *pol = p->pol;
	struct role *role;
	unsigned long seen;
	int r;

	if ((r = expect(p, YAML_MAPPING_START_EVENT, "a role")) != 1) {
		free(name);
		return r;
	}
	pol->roles = grow(pol->roles, pol->nroles, sizeof(*pol->roles));
	role = &pol->roles[pol->nroles++];
	memset(role, 0, sizeof(*role));
	role->name = name;
	role->span_start = p->ev.start_mark.index;
	role->span_col = p->ev.start_mark.column;
	role->span_key_col = m->column;
	role->span_flow = p->ev.data.mapping_start.style ==
	    YAML_FLOW_MAPPING_STYLE;
	if (parse_map(p, "role", role_keys, role, &seen) == -1)
		return -1;
	role->span_end = p->last_end;
	if ((seen & 1) == 0)
		perr(p, m, "role \"%s\" has no allow list", name);
	return 0;
}

static int
key_roles(struct parser *p, void *obj)
{
	yaml_mark_t start = p->ev.start_mark, m;
	char *name = NULL;
	size_t n = 0;
	int r;

	(void)obj;
	if ((r = expect(p, YAML_MAPPING_START_EVENT, "roles")) != 1)
		return r;
	for (;;) {
		if (next(p) == -1)
			return -1;
		if (p->ev.type == YAML_MAPPING_END_EVENT)
			break;
		n++;
		if (map_key(p, &name, &m) == -1 || next(p) == -1) {
			free(name);
			return -1;
		}
		if (name != NULL && role_name_ok(p, &m, name))
			r = parse_role(p, name, &m);	/* takes name */
		else {
			free(name);
			r = skip_node(p);
		}
		name = NULL;
		if (r == -1)
			return -1;
	}
	if (n == 0)
		perr(p, &start, "roles: no roles defined");
	return 0;
}

static int
key_version(struct parser *p, void *obj)
{
	yaml_mark_t m = p->ev.start_mark;
	long v;

	(void)obj;
	if (scalar_uint(p, "version", INT_MAX, &v) == -1)
		return -1;
	if (v != -1 && v != 1)
		perr(p, &m, "unsupported version %ld: this dockergate reads "
		    "version 1", v);
	return 0;
}

enum { TOP_VERSION, TOP_DOCKER, TOP_AUDIT, TOP_ROLES, TOP_APPROVALS };

static const struct key top_keys[] = {
	[TOP_VERSION] =	{ "version",	key_version },
	[TOP_DOCKER] =	{ "docker",	key_docker },
	[TOP_AUDIT] =	{ "audit",	key_audit },
	[TOP_ROLES] =	{ "roles",	key_roles },
	[TOP_APPROVALS] = { "approvals", key_approvals },
	{ NULL,		NULL },
};

static int
parse_root(struct parser *p)
{
	yaml_mark_t m = p->ev.start_mark;
	unsigned long seen;
	int r;

	if ((r = expect(p, YAML_MAPPING_START_EVENT, "the policy")) != 1)
		return r;
	if (parse_map(p, "policy", top_keys, p->pol, &seen) == -1)
		return -1;
	if ((seen & (1UL << TOP_VERSION)) == 0)
		perr(p, &m, "missing key \"version\" (must be 1)");
	if ((seen & (1UL << TOP_ROLES)) == 0)
		perr(p, &m, "missing key \"roles\"");
	if (p->approval_rule && (seen & (1UL << TOP_APPROVALS)) == 0)
		perr(p, &p->approval_mark, "approval: true needs the top-level "
		    "approvals: block (dir, ttl, wait): there is nowhere to "
		    "hold the request");
	return 0;
}

/* STREAM-START DOCUMENT-START node DOCUMENT-END STREAM-END, nothing more. */
static int
parse_stream(struct parser *p)
{
	if (next(p) == -1 || next(p) == -1)
		return -1;
	if (p->ev.type == YAML_STREAM_END_EVENT) {
		perr(p, &p->ev.start_mark, "empty policy: \"version\" and "
		    "\"roles\" are required");
		return -1;
	}
	if (next(p) == -1 || parse_root(p) == -1)
		return -1;
	if (next(p) == -1 || next(p) == -1)
		return -1;
	if (p->ev.type != YAML_STREAM_END_EVENT) {
		perr(p, &p->ev.start_mark, "only one YAML document is "
		    "allowed");
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Public interface */

static struct policy *
policy_new(const char *file)
{
	struct policy *pol = xcalloc(1, sizeof(*pol));

	pol->file = xstrdup(file);
	pol->binary = xstrdup(POLICY_DEFAULT_BINARY);
	pol->host = xstrdup(POLICY_DEFAULT_HOST);
	pol->config_dir = xstrdup(POLICY_DEFAULT_CONFIG);
	pol->timeout = POLICY_DEFAULT_TIMEOUT;
	pol->audit_syslog = 1;
	pol->audit_file = NULL;
	pol->audit_required = 1;
	pol->approvals.dir = xstrdup(APPROVAL_DEFAULT_DIR);
	pol->approvals.ttl = APPROVAL_DEFAULT_TTL;
	pol->approvals.wait = APPROVAL_DEFAULT_WAIT;
	return pol;
}

int
policy_parse(const char *buf, size_t len, const char *name,
    struct policy **out, struct strv *errs)
{
	struct parser p;
	struct strv local = { NULL, 0, 0 };
	int rc = -1;

	*out = NULL;
	if (buf == NULL)
		buf = "";	/* libyaml wants an input pointer */
	memset(&p, 0, sizeof(p));
	p.file = name != NULL ? name : "(policy)";
	p.errs = errs != NULL ? errs : &local;
	if (len > POLICY_MAX_BYTES) {
		perr(&p, NULL, "larger than %d bytes", POLICY_MAX_BYTES);
		goto done;
	}
	if (!utf8_valid(buf, len)) {
		perr(&p, NULL, "not UTF-8 text, or contains a NUL byte");
		goto done;
	}
	if (!yaml_parser_initialize(&p.yp)) {
		perr(&p, NULL, "out of memory");
		goto done;
	}
	yaml_parser_set_input_string(&p.yp, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&p.yp, YAML_UTF8_ENCODING);
	p.pol = policy_new(p.file);
	if (parse_stream(&p) == 0 && p.nerrs == 0) {
		*out = p.pol;
		p.pol = NULL;
		rc = 0;
	}
	if (p.have_ev)
		yaml_event_delete(&p.ev);
	yaml_parser_delete(&p.yp);
done:
	policy_free(p.pol);
	strv_free(&local);
	return rc;
}

static void
rule_free(struct rule *r)
{
	size_t i;

	free(r->where);
	free(r->cmds);
	strv_free(&r->containers);
	strv_free(&r->volumes);
	for (i = 0; i < r->nlabels; i++) {
		free(r->labels[i].key);
		free(r->labels[i].value);
	}
	free(r->labels);
	strv_free(&r->images);
	for (i = 0; i < r->nbinds; i++)
		free(r->binds[i].path);
	free(r->binds);
	strv_free(&r->deny_flags);
	strv_free(&r->subcommands);
	strv_free(&r->projects);
	strv_free(&r->contexts);
	strv_free(&r->networks);
	free(r->network);
	free(r->cgroup_parent);
}

void
policy_free(struct policy *pol)
{
	size_t i, j;

	if (pol == NULL)
		return;
	for (i = 0; i < pol->nroles; i++) {
		for (j = 0; j < pol->roles[i].nrules; j++)
			rule_free(&pol->roles[i].rules[j]);
		free(pol->roles[i].rules);
		free(pol->roles[i].name);
	}
	free(pol->roles);
	free(pol->file);
	free(pol->binary);
	free(pol->host);
	free(pol->config_dir);
	free(pol->audit_file);
	free(pol->approvals.dir);
	strv_free(&pol->approvals.notify);
	free(pol);
}

const struct role *
policy_role(const struct policy *pol, const char *name)
{
	size_t i;

	if (pol == NULL || name == NULL)
		return NULL;
	for (i = 0; i < pol->nroles; i++)
		if (strcmp(pol->roles[i].name, name) == 0)
			return &pol->roles[i];
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Loading from a file */

/*
 * Read the whole descriptor; at most POLICY_MAX_BYTES.  The buffer starts
 * at the size fstat saw, + 1 to see the end, and grows if the file did.
 * Caller frees.
 */
static int
read_fd(int fd, const char *path, size_t hint, char **out, size_t *outlen,
    struct strv *errs)
{
	size_t cap = (hint < POLICY_MAX_BYTES ? hint : POLICY_MAX_BYTES) + 1;
	char *buf = xmalloc(cap);
	size_t len = 0;
	ssize_t n;

	while (len <= POLICY_MAX_BYTES) {
		if (len == cap) {
			cap = cap > (POLICY_MAX_BYTES + 1) / 2 ?
			    POLICY_MAX_BYTES + 1 : cap * 2;
			buf = xreallocarray(buf, cap, 1);
		}
		n = read(fd, buf + len, cap - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			ferr(errs, path, "cannot read: %s", strerror(errno));
			free(buf);
			return -1;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len > POLICY_MAX_BYTES) {
		ferr(errs, path, "larger than %d bytes", POLICY_MAX_BYTES);
		free(buf);
		return -1;
	}
	*out = buf;
	*outlen = len;
	return 0;
}

/*
 * Owner, type and mode of the opened file (trust_path judged the path to
 * it); *size is the file's size.
 */
static int
check_perms(int fd, const char *path, size_t *size, struct strv *errs)
{
	struct stat st;

	if (fstat(fd, &st) == -1) {
		ferr(errs, path, "cannot fstat: %s", strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		ferr(errs, path, "not a regular file");
		return -1;
	}
	if (st.st_uid != 0 || (st.st_mode & 022) != 0) {
		ferr(errs, path, "must be owned by root and not writable by "
		    "group or others");
		return -1;
	}
	*size = st.st_size > 0 ? (size_t)st.st_size : 0;
	return 0;
}

/*
 * approvals.notify runs with the account's rights on every held request:
 * only a program no one but root can change (trust.c).  Checked with the
 * file's other permissions, never by --content-only.
 */
static int
check_notify(const struct policy *pol, const char *path, struct strv *errs)
{
	const struct approvals *ap = &pol->approvals;
	const char *err;

	if (ap->notify.n == 0 ||
	    trust_path(ap->notify.v[0], TRUST_EXEC, NULL, 0, &err) == 0)
		return 0;
	strv_take(errs, terminal_safe(xasprintf("%s:%d:%d: approvals.notify: %s",
	    path, ap->notify_line, ap->notify_col, err)));
	return -1;
}

int
policy_load(const char *path, struct policy **out, struct strv *errs,
    int *unsafe_perm)
{
	struct strv local = { NULL, 0, 0 };
	char *buf = NULL, real[PATH_MAX];
	const char *err = NULL;
	size_t len = 0, size = 0;
	int fd = -1, rc = -1, perm = 0;

	*out = NULL;
	if (errs == NULL)
		errs = &local;
	if (path == NULL || *path == '\0') {
		ferr(errs, "(policy)", "no policy file named");
		goto done;
	}
	/* Links are followed as the kernel would, each judged (trust.c):
	 * /etc/dockergate/policy.yaml -> /etc/static/... -> /nix/store/... */
	if (trust_path(path, TRUST_ANY, real, sizeof(real), &err) == -1) {
		perm = errno != ENOENT && errno != ENOTDIR &&
		    errno != ENAMETOOLONG;
		if (perm)	/* err names the path itself */
			strv_take(errs, terminal_safe(xstrdup(err)));
		else
			ferr(errs, path, "cannot open: %s", strerror(errno));
		goto done;
	}
	/* O_NOFOLLOW: real is resolved, in directories only root changes.
	 * O_NONBLOCK: a FIFO must not hang us before fstat refuses it. */
	fd = open(real, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd == -1) {
		ferr(errs, path, "cannot open: %s", strerror(errno));
		goto done;
	}
	if (check_perms(fd, path, &size, errs) == -1) {
		perm = 1;
		goto done;
	}
	if (read_fd(fd, path, size, &buf, &len, errs) == -1)
		goto done;
	rc = policy_parse(buf, len, path, out, errs);
	if (rc == 0 && check_notify(*out, path, errs) != 0) {
		policy_free(*out);
		*out = NULL;
		rc = -1;
	}
done:
	if (fd != -1)
		close(fd);
	free(buf);
	strv_free(&local);
	if (unsafe_perm != NULL)
		*unsafe_perm = perm;
	return rc;
}

/*
 * Content only: links are followed and any readable file (a store path,
 * /dev/stdin, a pipe) is parsed, with no owner or mode check.  Only for
 * --check --content-only (build-time checks); nothing that runs docker
 * may load a policy this way.
 */
int
policy_load_content(const char *path, struct policy **out,
    struct strv *errs)
{
	struct strv local = { NULL, 0, 0 };
	char *buf = NULL;
	size_t len = 0;
	int fd = -1, rc = -1;

	*out = NULL;
	if (errs == NULL)
		errs = &local;
	if (path == NULL || *path == '\0') {
		ferr(errs, "(policy)", "no policy file named");
		goto done;
	}
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		ferr(errs, path, "cannot open: %s", strerror(errno));
		goto done;
	}
	if (read_fd(fd, path, 0, &buf, &len, errs) == -1)
		goto done;
	rc = policy_parse(buf, len, path, out, errs);
done:
	if (fd != -1)
		close(fd);
	free(buf);
	strv_free(&local);
	return rc;
}
