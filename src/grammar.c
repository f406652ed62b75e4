/*
 * grammar.c: argv -> request, as the docker CLI's cobra and pflag read it,
 * driven entirely by the command table.
 *
 * Invariants:
 * - A word MUST be interpreted exactly as the docker CLI interprets it, or
 *   the request MUST be refused.  Where docker's behaviour is surprising
 *   (a `--` before the command word, `-test.*` groups, flags between a
 *   management command and its subcommand) we refuse instead of emulating.
 * - Flags are looked up by exact, case-sensitive name; there are no
 *   abbreviations.  A flag that is not in the table is unknown and refused.
 * - Bool flags never take the next word; value flags always take it,
 *   whatever it looks like.
 * - Hidden alias flags are stored under their canonical row, so the
 *   decision and the rendered argv never see two names for one flag.
 * - After the first positional of a non-interspersed command every word is
 *   data for the container and is never looked at as a flag.
 * - A group word with its own flag set (CMD_GROUP_FLAGS: "compose") MUST
 *   have its flags parsed non-interspersed against that set only, and the
 *   next positional MUST be one of its subcommands; "--" there is refused.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "grammar.h"
#include "util.h"

static char errbuf[512];

/* Which flags the words in front of the parser belong to. */
enum region {
	R_GLOBAL,	/* docker's root flags */
	R_GROUP,	/* a CMD_GROUP_FLAGS group's flags (cmd is the group) */
	R_LEAF,		/* the command's own flags */
};

/* Where the parser is: the command (NULL for the global region). */
struct argparser {
	char *const	*argv;
	size_t		 argc;
	size_t		 i;		/* next word */
	const struct cmddef *cmd;
	enum region	 region;
	struct request	*req;
};

static const char *bool_true[] = { "1", "t", "T", "TRUE", "true", "True" };
static const char *bool_false[] = { "0", "f", "F", "FALSE", "false",
    "False" };

int
grammar_parse_bool(const char *s, int *out)
{
	size_t i;

	for (i = 0; i < sizeof(bool_true) / sizeof(bool_true[0]); i++) {
		if (strcmp(s, bool_true[i]) == 0) {
			*out = 1;
			return 0;
		}
		if (strcmp(s, bool_false[i]) == 0) {
			*out = 0;
			return 0;
		}
	}
	return -1;
}

/*
 * Go strconv.ParseInt/ParseUint with base 0, less the '_' separators (we
 * refuse them: stricter than docker is safe).  Range: 64 bits.
 */
static int
check_int(const char *s, int is_signed)
{
	const char *p = s;
	int base = 10;
	char *end;

	if (*p == '+' || *p == '-') {
		if (!is_signed)
			return -1;
		p++;
	}
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		base = 16, p += 2;
	else if (p[0] == '0' && (p[1] == 'o' || p[1] == 'O'))
		base = 8, p += 2;
	else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
		base = 2, p += 2;
	else if (p[0] == '0' && p[1] != '\0')
		base = 8, p += 1;
	if (*p == '\0' || !isalnum((unsigned char)*p))
		return -1;
	errno = 0;
	if (is_signed)
		(void)strtoll(p, &end, base);
	else
		(void)strtoull(p, &end, base);
	if (errno != 0 || *end != '\0')
		return -1;
	return 0;
}

/* Go time.ParseDuration: [-+]? ( number unit )+ or "0". */
static int
check_duration(const char *s)
{
	static const char *units[] = { "ns", "us", "\xc2\xb5s", "\xce\xbcs",
	    "ms", "s", "m", "h" };
	const char *p = s;
	size_t i, n, best;
	int digits;

	if (*p == '+' || *p == '-')
		p++;
	if (strcmp(p, "0") == 0)
		return 0;
	if (*p == '\0')
		return -1;
	while (*p != '\0') {
		digits = 0;
		while (isdigit((unsigned char)*p))
			p++, digits++;
		if (*p == '.')
			for (p++; isdigit((unsigned char)*p); p++)
				digits++;
		if (digits == 0)
			return -1;
		best = 0;
		for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
			n = strlen(units[i]);
			if (strncmp(p, units[i], n) == 0 && n > best)
				best = n;
		}
		if (best == 0)
			return -1;
		p += best;
	}
	return 0;
}

/* Past digits[.digits] at the start of s, or NULL if there are none. */
static const char *
skip_decimal(const char *p)
{
	if (!isdigit((unsigned char)*p))
		return NULL;
	while (isdigit((unsigned char)*p))
		p++;
	if (*p == '.') {
		if (!isdigit((unsigned char)p[1]))
			return NULL;
		for (p++; isdigit((unsigned char)*p); p++)
			;
	}
	return p;
}

/* go-units RAMInBytes: digits[.digits] [space] [kmgtp][i][b], or -1. */
static int
check_bytes(const char *s)
{
	const char *p;

	if (strcmp(s, "-1") == 0)
		return 0;
	if ((p = skip_decimal(s)) == NULL)
		return -1;
	if (*p == ' ')
		p++;
	if (*p != '\0' && strchr("kKmMgGtTpP", *p) != NULL)
		p++;
	if (*p == 'i' || *p == 'I')
		p++;
	if (*p == 'b' || *p == 'B')
		p++;
	return *p == '\0' ? 0 : -1;
}

/* A decimal number of CPUs: digits[.digits]. */
static int
check_decimal(const char *s)
{
	const char *p = skip_decimal(s);

	return p != NULL && *p == '\0' ? 0 : -1;
}

static int
check_ip(const char *s)
{
	unsigned char buf[sizeof(struct in6_addr)];

	if (*s == '\0')
		return 0;
	if (inet_pton(AF_INET, s, buf) == 1 || inet_pton(AF_INET6, s, buf) == 1)
		return 0;
	return -1;
}

int
grammar_check_value(enum vtype t, const char *s, const char **errstr)
{
	int b, r = 0;
	const char *what = NULL;

	switch (t) {
	case VT_BOOL:
		r = grammar_parse_bool(s, &b);
		what = "a boolean (true, false, 1, 0, t, f)";
		break;
	case VT_INT:
		r = check_int(s, 1);
		what = "an integer";
		break;
	case VT_UINT:
		r = check_int(s, 0);
		what = "an unsigned integer";
		break;
	case VT_DURATION:
		r = check_duration(s);
		what = "a duration such as 30s or 1m30s";
		break;
	case VT_BYTES:
		r = check_bytes(s);
		what = "a size such as 512m or 1g";
		break;
	case VT_DECIMAL:
		r = check_decimal(s);
		what = "a decimal number";
		break;
	case VT_IP:
		r = check_ip(s);
		what = "an IP address";
		break;
	case VT_FILTER:
		r = strchr(s, '=') == NULL ? -1 : 0;
		what = "a filter KEY=VALUE";
		break;
	default:
		break;
	}
	if (r != 0)
		*errstr = what;
	return r;
}

static const struct flagdef *
find_long(const struct argparser *p, const char *name)
{
	const struct flagdef *f;

	if (p->region == R_GLOBAL)
		return commands_set_flag(commands_global_flags, name, 0);
	f = commands_flag(p->cmd, name);
	if (f != NULL && f->alias_of[0] != '\0')
		f = commands_flag(p->cmd, f->alias_of);
	return f;
}

static const struct flagdef *
find_short(const struct argparser *p, char c)
{
	const struct flagdef *f;

	if (p->region == R_GLOBAL)
		return commands_set_flag(commands_global_flags, NULL, c);
	f = commands_short(p->cmd, c);
	if (f != NULL && f->alias_of[0] != '\0')
		f = commands_flag(p->cmd, f->alias_of);
	return f;
}

static const char *
where(const struct argparser *p)
{
	return p->cmd == NULL ? "docker" : p->cmd->name;
}

/*
 * Record one flag occurrence with its value checked and, for bools,
 * normalized to "true"/"false".
 */
static int
add_flag(struct argparser *p, const struct flagdef *f, const char *value,
    const char *spelled, const char **errstr)
{
	struct request *r = p->req;
	struct flagval **vp = &r->flags;
	size_t *np = &r->nflags;
	const char *what;
	int b;

	if (p->region == R_GLOBAL)
		vp = &r->globals, np = &r->nglobals;
	else if (p->region == R_GROUP)
		vp = &r->gflags, np = &r->ngflags;
	if (r->nglobals + r->ngflags + r->nflags >= GRAMMAR_MAX_FLAGS) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "more than %d flags", GRAMMAR_MAX_FLAGS);
		return -1;
	}
	if (grammar_check_value(f->type, value, &what) != 0) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "invalid value \"%.200s\" for %s: must be %s", value,
		    spelled, what);
		return -1;
	}
	if (p->region != R_LEAF && (f->risk & RISK_NEVER)) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "%s is refused: %s",
		    spelled, commands_why(f->why) != NULL ?
		    commands_why(f->why) : "not allowed");
		return -1;
	}
	*vp = xreallocarray(*vp, *np + 1, sizeof(**vp));
	(*vp)[*np].def = f;
	if (f->type == VT_BOOL) {
		(void)grammar_parse_bool(value, &b);
		(*vp)[*np].value = xstrdup(b ? "true" : "false");
	} else
		(*vp)[*np].value = xstrdup(value);
	(*np)++;
	return 0;
}

/* The next word as a flag's value, unconditionally (pflag). */
static int
take_next(struct argparser *p, const char *spelled, const char **value,
    const char **errstr)
{
	if (p->i >= p->argc) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "flag needs an argument: %s (%s)", spelled, where(p));
		return -1;
	}
	*value = p->argv[p->i++];
	return 0;
}

/* One "--name[=value]" word (pflag parseLongArg). */
static int
parse_long(struct argparser *p, const char *word, const char **errstr)
{
	const char *name = word + 2, *eq, *value;
	const struct flagdef *f;
	char spelled[160];
	char *n;

	if (*name == '-' || *name == '=') {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "bad flag syntax: %.100s", word);
		return -1;
	}
	eq = strchr(name, '=');
	n = eq != NULL ? xstrndup(name, (size_t)(eq - name)) : xstrdup(name);
	f = find_long(p, n);
	(void)snprintf(spelled, sizeof(spelled), "--%.100s", n);
	free(n);
	if (f == NULL) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "unknown flag: %s (%s)", spelled, where(p));
		return -1;
	}
	if (eq != NULL)
		value = eq + 1;
	else if (f->type == VT_BOOL)
		value = "true";
	else if (take_next(p, spelled, &value, errstr) != 0)
		return -1;
	return add_flag(p, f, value, spelled, errstr);
}

/* One "-abc" group (pflag parseShortArg / parseSingleShortArg). */
static int
parse_short(struct argparser *p, const char *word, const char **errstr)
{
	const char *g = word + 1, *value;
	const struct flagdef *f;
	char spelled[8];

	while (*g != '\0') {
		if (strncmp(g, "test.", 5) == 0) {
			/* pflag silently drops the rest: refuse instead. */
			*errstr = errfmt(errbuf, sizeof(errbuf),
			    "-test.* flags are refused (%.100s)", word);
			return -1;
		}
		(void)snprintf(spelled, sizeof(spelled), "-%c", *g);
		if ((f = find_short(p, *g)) == NULL) {
			*errstr = errfmt(errbuf, sizeof(errbuf),
			    "unknown shorthand flag: '%c' in %.100s (%s)",
			    isprint((unsigned char)*g) ? *g : '?', word,
			    where(p));
			return -1;
		}
		if (g[1] == '=' && g[2] != '\0') {
			value = g + 2;
			g += strlen(g);
		} else if (f->type == VT_BOOL) {
			value = "true";
			g++;
		} else if (g[1] != '\0') {
			value = g + 1;
			g += strlen(g);
		} else {
			g++;
			if (take_next(p, spelled, &value, errstr) != 0)
				return -1;
		}
		if (add_flag(p, f, value, spelled, errstr) != 0)
			return -1;
	}
	return 0;
}

static void
add_arg(struct request *r, const char *s)
{
	r->args = xreallocarray(r->args, r->nargs + 1, sizeof(*r->args));
	r->args[r->nargs++] = xstrdup(s);
}

/* The global region: flags up to the first positional (the command). */
static int
parse_globals(struct argparser *p, const char **errstr)
{
	const char *w;

	while (p->i < p->argc) {
		w = p->argv[p->i];
		if (strcmp(w, "--") == 0) {
			*errstr = "\"--\" before the command word is refused: "
			    "docker would read the words after it as global "
			    "flags again";
			return -1;
		}
		if (w[0] != '-' || w[1] == '\0')
			return 0;
		p->i++;
		if ((w[1] == '-' ? parse_long(p, w, errstr) :
		    parse_short(p, w, errstr)) != 0)
			return -1;
	}
	return 0;
}

/*
 * A group with its own flags ("compose"): its flags up to the first
 * positional, which must name one of its subcommands.
 */
static int
parse_group(struct argparser *p, const struct cmddef *g, const char **errstr)
{
	const struct cmddef *sub;
	char *words[2];
	const char *w;
	size_t used;

	p->cmd = g;
	p->region = R_GROUP;
	for (p->i++; p->i < p->argc; ) {
		w = p->argv[p->i];
		if (strcmp(w, "--") == 0) {
			*errstr = errfmt(errbuf, sizeof(errbuf), "\"--\" "
			    "between \"%s\" and its subcommand is refused",
			    g->name);
			return -1;
		}
		if (w[0] != '-' || w[1] == '\0')
			break;
		p->i++;
		if ((w[1] == '-' ? parse_long(p, w, errstr) :
		    parse_short(p, w, errstr)) != 0)
			return -1;
	}
	words[0] = (char *)g->name;
	words[1] = p->i < p->argc ? p->argv[p->i] : NULL;
	sub = words[1] != NULL ? commands_lookup(words, 2, &used) : NULL;
	if (sub == NULL || used != 2) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "unknown or missing "
		    "subcommand for docker %s%s%.60s", g->name,
		    words[1] != NULL ? ": " : "",
		    words[1] != NULL ? words[1] : "");
		return -1;
	}
	p->i++;
	p->cmd = sub;
	p->region = R_LEAF;
	p->req->cmd = sub;
	return 0;
}

/* The command words: one word, or a management word and its subcommand. */
static int
parse_command(struct argparser *p, const char **errstr)
{
	const struct cmddef *g;
	const char *w;
	size_t used, n;

	if (p->i >= p->argc) {
		*errstr = "no docker command given";
		return -1;
	}
	w = p->argv[p->i];
	g = commands_lookup(p->argv + p->i, 1, &used);
	if (g != NULL && (g->traits & CMD_GROUP_FLAGS))
		return parse_group(p, g, errstr);
	n = p->argc - p->i < 2 ? p->argc - p->i : 2;
	if (commands_is_group(w) && n == 2 && p->argv[p->i + 1][0] == '-') {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "flags between \"%.60s\" and its subcommand are refused",
		    w);
		return -1;
	}
	p->cmd = commands_lookup(p->argv + p->i, n, &used);
	if (p->cmd == NULL || (commands_is_group(w) && used < 2)) {
		if (commands_is_group(w))
			*errstr = errfmt(errbuf, sizeof(errbuf),
			    "unknown or missing subcommand for docker "
			    "%.60s%s%.60s", w, n == 2 ? ": " : "",
			    n == 2 ? p->argv[p->i + 1] : "");
		else
			*errstr = errfmt(errbuf, sizeof(errbuf),
			    "unknown docker command \"%.60s\"", w);
		p->cmd = NULL;
		return -1;
	}
	p->i += used;
	p->region = R_LEAF;
	p->req->cmd = p->cmd;
	return 0;
}

/* The command's own words: flags and positionals, pflag rules. */
static int
parse_leaf(struct argparser *p, const char **errstr)
{
	const char *w;
	int dashdash = 0, stop = 0;

	while (p->i < p->argc) {
		w = p->argv[p->i++];
		if (dashdash || stop) {
			add_arg(p->req, w);
			continue;
		}
		if (strcmp(w, "--") == 0) {
			dashdash = 1;
			continue;
		}
		if (w[0] == '-' && w[1] == '-') {
			if (parse_long(p, w, errstr) != 0)
				return -1;
		} else if (w[0] == '-' && w[1] != '\0') {
			if (parse_short(p, w, errstr) != 0)
				return -1;
		} else {
			add_arg(p->req, w);
			if (!p->cmd->interspersed)
				stop = 1;
		}
	}
	return 0;
}

static int
check_argc(const struct request *r, const char **errstr)
{
	const struct cmddef *c = r->cmd;

	if ((int)r->nargs < c->minargs) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "docker %s needs at least %d argument%s", c->name,
		    c->minargs, c->minargs == 1 ? "" : "s");
		return -1;
	}
	if (c->maxargs != CMD_ARGS_UNBOUNDED && (int)r->nargs > c->maxargs) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "docker %s takes at most %d argument%s", c->name,
		    c->maxargs, c->maxargs == 1 ? "" : "s");
		return -1;
	}
	return 0;
}

int
grammar_parse(char *const *argv, size_t argc, struct request *req,
    const char **errstr)
{
	struct argparser p;

	memset(req, 0, sizeof(*req));
	memset(&p, 0, sizeof(p));
	p.argv = argv;
	p.argc = argc;
	p.req = req;
	if (parse_globals(&p, errstr) != 0 || parse_command(&p, errstr) != 0 ||
	    parse_leaf(&p, errstr) != 0 || check_argc(req, errstr) != 0) {
		grammar_free(req);
		return -1;
	}
	return 0;
}

static void
free_flags(struct flagval *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].value);
	free(v);
}

void
grammar_free(struct request *r)
{
	size_t i;

	if (r == NULL)
		return;
	free_flags(r->globals, r->nglobals);
	free_flags(r->gflags, r->ngflags);
	free_flags(r->flags, r->nflags);
	for (i = 0; i < r->nargs; i++)
		free(r->args[i]);
	free(r->args);
	memset(r, 0, sizeof(*r));
}

const char *
grammar_last_value(const struct flagval *fv, size_t n, const char *name)
{
	const char *v = NULL;
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(commands_flag_canon(fv[i].def), name) == 0)
			v = fv[i].value;
	return v;
}

static int
flags_equal(const struct flagval *a, const struct flagval *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i].def != b[i].def || strcmp(a[i].value, b[i].value) != 0)
			return 0;
	return 1;
}

int
grammar_equal(const struct request *a, const struct request *b)
{
	size_t i;

	if (a->cmd != b->cmd || a->nglobals != b->nglobals ||
	    a->ngflags != b->ngflags || a->nflags != b->nflags ||
	    a->nargs != b->nargs)
		return 0;
	if (!flags_equal(a->globals, b->globals, a->nglobals) ||
	    !flags_equal(a->gflags, b->gflags, a->ngflags) ||
	    !flags_equal(a->flags, b->flags, a->nflags))
		return 0;
	for (i = 0; i < a->nargs; i++)
		if (strcmp(a->args[i], b->args[i]) != 0)
			return 0;
	return 1;
}
