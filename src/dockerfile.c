/*
 * dockerfile.c: a Dockerfile, read the way BuildKit's frontend parser
 * (frontend/dockerfile/parser, instructions) reads it, to find what the
 * build would fetch from the network or pull before the daemon runs it.
 *
 * Invariants:
 * - This module MUST stay pure: it reads the bytes it is given, nothing
 *   else.
 * - Anything it does not understand MUST be an error (the caller denies):
 *   an unknown instruction or flag, a malformed directive, an unterminated
 *   heredoc or quote, NUL, control or non-ASCII bytes outside comments and
 *   heredoc bodies, invalid UTF-8, more than the DF_* limits.
 * - Where BuildKit and this parser could read a line differently, the
 *   reading MUST err towards a finding: an ADD source is remote when it
 *   holds a ':', ".git", a "github.com/" start or a variable, before and
 *   after quotes and escapes are taken away; a flag value that needs a
 *   variable is an error.  URLs are never judged by host: a name can
 *   resolve to the loopback address.
 * - A "# syntax=" directive names a frontend image that may read the file
 *   in any way: it is a remote-sources finding of its own.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "dockerfile.h"
#include "util.h"

#define MSG_MAX		256	/* bytes of an error message */
#define TAR_NAME_FIELD	100	/* ustar name field */
#define TAR_PREFIX_FIELD 155	/* ustar prefix field */
#define TAR_TYPES	"0123456"	/* entry types read (and NUL) */
#define TAR_HDR_ONLY	"123456"	/* types without data (Go's
					   isHeaderOnlyType) */

static char errbuf[MSG_MAX];

struct df {
	const char	*buf;
	size_t		 len;
	size_t		 pos;		/* start of the next physical line */
	size_t		 lineno;	/* lines read so far */
	char		 esc;		/* escape character: \ or ` */
	int		 done;		/* no more parser directives */
	unsigned	 seen;		/* directives seen, one bit each */
	size_t		 ninstr;
	size_t		 nstages;
	struct strv	 meta;		/* "NAME=VALUE" or "NAME" (unset) of
					   the ARGs before the first FROM */
	struct strv	 stages;	/* stage names, lower case */
	const struct strv *buildargs;
	struct df_report *rep;
	const char	*err;
	int		 json;		/* this instruction is in JSON form */
};

/* A word list of one instruction (pointers into its own copy). */
struct words {
	char	*v[DF_WORDS_MAX];
	size_t	 n;
};

static int	 fail(struct df *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

static int
fail(struct df *d, const char *fmt, ...)
{
	char m[MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(m, sizeof(m), fmt, ap);
	va_end(ap);
	d->err = errfmt(errbuf, sizeof(errbuf), "line %zu: %s", d->lineno, m);
	return -1;
}

/* ------------------------------------------------------------------ */
/* Findings */

static int	 finding(struct df *, size_t, unsigned, const char *,
		    const char *, ...) __attribute__((format(printf, 5, 6)));

static int
finding(struct df *d, size_t line, unsigned risk, const char *image,
    const char *fmt, ...)
{
	struct df_report *r = d->rep;
	struct df_finding *f;
	va_list ap;

	if (r->n >= DF_FINDINGS_MAX)
		return fail(d, "more than %d findings", DF_FINDINGS_MAX);
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->v = xreallocarray(r->v, r->cap, sizeof(*r->v));
	}
	f = &r->v[r->n++];
	memset(f, 0, sizeof(*f));
	f->line = line;
	f->risk = risk;
	f->image = image != NULL ? xstrdup(image) : NULL;
	va_start(ap, fmt);
	(void)vsnprintf(f->what, sizeof(f->what), fmt, ap);
	va_end(ap);
	return 0;
}

void
dockerfile_report_free(struct df_report *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		free(r->v[i].image);
	free(r->v);
	memset(r, 0, sizeof(*r));
}

/* ------------------------------------------------------------------ */
/* Lines and directives */

/* Go's \s in the directive regexp, and the whitespace of reWhitespace. */
static int
re_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static int
ws(int c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}

/*
 * The next physical line as bufio.ScanLines gives it (without "\n" and a
 * "\r" before it): 1 with *s and *n, 0 at the end, -1 if too long.
 */
static int
next_line(struct df *d, const char **s, size_t *n)
{
	const char *p, *nl;
	size_t left;

	if (d->pos >= d->len)
		return 0;
	p = d->buf + d->pos;
	left = d->len - d->pos;
	nl = memchr(p, '\n', left);
	*n = nl != NULL ? (size_t)(nl - p) : left;
	d->pos += *n + (nl != NULL);
	d->lineno++;
	if (*n > DF_LINE_MAX)
		return fail(d, "line longer than %d bytes", DF_LINE_MAX);
	if (*n > 0 && p[*n - 1] == '\r')
		(*n)--;
	if (d->lineno == 1 && *n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		p += 3;
		*n -= 3;
	}
	*s = p;
	return 1;
}

static void
trim_left(const char **s, size_t *n)
{
	while (*n > 0 && (ws(**s) || **s == '\n')) {
		(*s)++;
		(*n)--;
	}
}

static int
is_comment(const char *s, size_t n)
{
	trim_left(&s, &n);
	return n > 0 && s[0] == '#';
}

enum { DIR_ESCAPE = 1, DIR_SYNTAX = 2, DIR_CHECK = 4 };

static int
directive_value(struct df *d, unsigned bit, const char *v, size_t n)
{
	if (d->seen & bit)
		return fail(d, "a parser directive is repeated");
	d->seen |= bit;
	if (n == 0)
		return fail(d, "empty parser directive");
	if (bit == DIR_ESCAPE) {
		if (n != 1 || (v[0] != '\\' && v[0] != '`'))
			return fail(d, "invalid escape directive");
		d->esc = v[0];
	}
	if (bit == DIR_SYNTAX)
		return finding(d, d->lineno, RISK_REMOTE_SOURCES, NULL,
		    "# syntax=%.*s (an external frontend image would parse "
		    "the Dockerfile: nothing in it can be checked)",
		    (int)(n > 80 ? 80 : n), v);
	return 0;
}

/*
 * BuildKit's possibleParserDirective on a line without its leading space:
 * ^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$.  Any line that does not
 * match, or names another directive, ends the directives.
 */
static int
directive(struct df *d, const char *s, size_t n)
{
	const char *name, *v;
	size_t i = 1, nl, vn;

	if (d->done)
		return 0;
	d->done = 1;
	if (n == 0 || s[0] != '#')
		return 0;
	while (i < n && re_space(s[i]))
		i++;
	if (i >= n || !isalpha((unsigned char)s[i]))
		return 0;
	for (name = s + i, nl = 0; i < n && isalnum((unsigned char)s[i]); i++)
		nl++;
	while (i < n && re_space(s[i]))
		i++;
	if (i >= n || s[i] != '=')
		return 0;
	for (i++; i < n && re_space(s[i]); i++)
		;
	for (v = s + i, vn = n - i; vn > 0 && re_space(v[vn - 1]); vn--)
		;
	d->done = 0;
	if (nl == 6 && strncasecmp(name, "escape", 6) == 0)
		return directive_value(d, DIR_ESCAPE, v, vn);
	if (nl == 6 && strncasecmp(name, "syntax", 6) == 0)
		return directive_value(d, DIR_SYNTAX, v, vn);
	if (nl == 5 && strncasecmp(name, "check", 5) == 0)
		return directive_value(d, DIR_CHECK, v, vn);
	d->done = 1;
	return 0;
}

/* Strip a trailing escape character and blanks: 1 if it continues. */
static int
continues(const struct df *d, const char *s, size_t *n)
{
	size_t k = *n;

	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	if (k == 0 || s[k - 1] != d->esc)
		return 0;
	*n = k - 1;
	return 1;
}

static int
append(struct df *d, char **line, size_t *len, const char *s, size_t n)
{
	if (*len + n > DF_LOGICAL_MAX)
		return fail(d, "instruction longer than %d bytes",
		    DF_LOGICAL_MAX);
	*line = xreallocarray(*line, *len + n + 1, 1);
	memcpy(*line + *len, s, n);
	*len += n;
	(*line)[*len] = '\0';
	return 0;
}

/* Continuation lines: comments and blank lines are skipped, as BuildKit. */
static int
join_rest(struct df *d, char **line, size_t *len)
{
	const char *s = "", *t;
	size_t n = 0, k;
	int r, more = 1;

	while (more && (r = next_line(d, &s, &n)) == 1) {
		if (is_comment(s, n))
			continue;
		t = s;
		k = n;
		trim_left(&t, &k);
		if (k == 0)
			continue;
		more = continues(d, s, &n);
		if (append(d, line, len, s, n) != 0)
			return -1;
	}
	return r < 0 ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Words */

/* Split on BuildKit's reWhitespace ([\t\v\f\r ]+), in place. */
static int
split_ws(struct df *d, char *s, struct words *w)
{
	w->n = 0;
	for (;;) {
		while (*s != '\0' && ws(*s))
			*s++ = '\0';
		if (*s == '\0')
			return 0;
		if (w->n >= DF_WORDS_MAX)
			return fail(d, "more than %d words", DF_WORDS_MAX);
		w->v[w->n++] = s;
		while (*s != '\0' && !ws(*s))
			s++;
	}
}

/* The value of name in env (the last entry wins), or NULL when unset. */
static const char *
build_env_value(const struct strv *env, const char *name, size_t n)
{
	size_t i;

	for (i = env->n; i-- > 0;)
		if (strncmp(env->v[i], name, n) == 0 &&
		    (env->v[i][n] == '=' || env->v[i][n] == '\0'))
			return env->v[i][n] == '=' ? env->v[i] + n + 1 : NULL;
	return NULL;
}

static int
expand_build_var(const struct strv *env, const char **pp, char **out,
    size_t *len, const char **why)
{
	const char *p = *pp + 1, *name, *v;
	size_t n;
	int braced = *p == '{';

	p += braced;
	for (name = p; isalnum((unsigned char)*p) || *p == '_'; p++)
		;
	n = (size_t)(p - name);
	if (n == 0 || (braced && *p != '}')) {
		*why = "a variable expansion that is not $NAME or ${NAME}";
		return -1;
	}
	if ((v = build_env_value(env, name, n)) == NULL) {
		*why = "a variable that is not set";
		return -1;
	}
	*pp = p + braced;
	n = strlen(v);
	*out = xreallocarray(*out, *len + n + 1, 1);
	memcpy(*out + *len, v, n + 1);
	*len += n;
	return 0;
}

/*
 * A word with its quotes and escapes removed and $NAME / ${NAME} taken
 * from env ("NAME=VALUE" entries; "NAME" alone is unset): a new string,
 * or NULL with *why.  Other expansions (${N:-x}, ...) and unset names
 * are unresolved: NULL.
 */
static char *
shell_word(const char *w, char esc, const struct strv *env, const char **why)
{
	char *out = xstrdup(""), q = 0;
	size_t len = 0;
	const char *p = w;

	while (*p != '\0') {
		if (*p == '$' && q != '\'') {
			if (expand_build_var(env, &p, &out, &len, why) != 0)
				goto bad;
			continue;
		}
		if (q == 0 && (*p == '\'' || *p == '"')) {
			q = *p++;
			continue;
		}
		if (q != 0 && *p == q) {
			q = 0;
			p++;
			continue;
		}
		if (*p == esc && q != '\'' && p[1] != '\0')
			p++;
		else if (*p == esc && q != '\'') {
			p++;
			continue;
		}
		out = xreallocarray(out, len + 2, 1);
		out[len++] = *p++;
		out[len] = '\0';
	}
	if (q == 0)
		return out;
	*why = "an unterminated quote";
bad:
	free(out);
	return NULL;
}

/*
 * BuildKit's extractBuilderFlags: leading words that start with "--"
 * (quotes and backslashes taken away), up to "--" or another word.  The
 * flags are written to f (copies in *store), the rest returned.
 */
static char *
flags_of(struct df *d, char *s, struct words *f, char **store)
{
	char *o;
	int q;

	f->n = 0;
	*store = o = xmalloc(strlen(s) + 1);
	for (;;) {
		while (ws(*s) || *s == '\n')
			s++;
		if (s[0] != '-' || s[1] != '-')
			return s;
		if (s[2] == '\0' || ws(s[2]))
			return s + 2;
		if (f->n >= DF_WORDS_MAX) {
			(void)fail(d, "more than %d flags", DF_WORDS_MAX);
			return NULL;
		}
		f->v[f->n++] = o;
		for (q = 0; *s != '\0' && (q || !ws(*s)); s++) {
			if (!q && (*s == '\'' || *s == '"'))
				q = (unsigned char)*s;
			else if (q && *s == q)
				q = 0;
			else if (*s == '\\' && s[1] != '\0')
				*o++ = *++s;
			else if (*s != '\\')
				*o++ = *s;
		}
		*o++ = '\0';
	}
}

/* ------------------------------------------------------------------ */
/* JSON (exec) form */

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static int
json_u4(const char *p, unsigned *u)
{
	int i, h;

	for (*u = 0, i = 0; i < 4; i++) {
		if ((h = hexval((unsigned char)p[i])) < 0)
			return -1;
		*u = *u << 4 | (unsigned)h;
	}
	return 0;
}

/* One \uXXXX (surrogate pairs joined) as UTF-8 into o; bytes read, or -1. */
static int
json_unicode(const char *p, char **o)
{
	unsigned u, lo;
	int used = 6;

	if (json_u4(p + 2, &u) != 0 || u == 0)
		return -1;
	if (u >= 0xd800 && u < 0xdc00) {
		if (p[6] != '\\' || p[7] != 'u' || json_u4(p + 8, &lo) != 0 ||
		    lo < 0xdc00 || lo >= 0xe000)
			return -1;
		u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
		used = 12;
	} else if (u >= 0xdc00 && u < 0xe000)
		return -1;
	if (u < 0x80)
		*(*o)++ = (char)u;
	else if (u < 0x800) {
		*(*o)++ = (char)(0xc0 | u >> 6);
		*(*o)++ = (char)(0x80 | (u & 0x3f));
	} else if (u < 0x10000) {
		*(*o)++ = (char)(0xe0 | u >> 12);
		*(*o)++ = (char)(0x80 | ((u >> 6) & 0x3f));
		*(*o)++ = (char)(0x80 | (u & 0x3f));
	} else {
		*(*o)++ = (char)(0xf0 | u >> 18);
		*(*o)++ = (char)(0x80 | ((u >> 12) & 0x3f));
		*(*o)++ = (char)(0x80 | ((u >> 6) & 0x3f));
		*(*o)++ = (char)(0x80 | (u & 0x3f));
	}
	return used;
}

/* A JSON string at *pp (after its '"') into o; 0, or -1 if invalid. */
static int
json_string(const char **pp, char **o)
{
	static const char esc_in[] = "\"\\/bfnrt", esc_out[] = "\"\\/\b\f\n\r\t";
	const char *p = *pp, *e;
	int used;

	for (; *p != '"'; p++) {
		if ((unsigned char)*p < 0x20)
			return -1;
		if (*p != '\\') {
			*(*o)++ = *p;
			continue;
		}
		if (p[1] == 'u') {
			if ((used = json_unicode(p, o)) < 0)
				return -1;
			p += used - 1;
		} else if (p[1] != '\0' && (e = strchr(esc_in, p[1])) != NULL) {
			*(*o)++ = esc_out[e - esc_in];
			p++;
		} else
			return -1;
	}
	*(*o)++ = '\0';
	*pp = p + 1;
	return 0;
}

static const char *
json_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/*
 * BuildKit's parseJSON: an array of strings, nothing after it but blanks.
 * 1 with the strings in w (copies in *store), 0 when it is no JSON array
 * (shell form), -1 when it is an array of something else.
 */
static int
json_form(struct df *d, const char *s, struct words *w, char **store)
{
	const char *p = json_ws(s);
	char *o;

	w->n = 0;
	if (*p != '[')
		return 0;
	*store = o = xmalloc(strlen(p) + 1);
	p = json_ws(p + 1);
	while (*p != ']') {
		if (w->n > 0 && (*p != ',' || (p = json_ws(p + 1)) == NULL))
			goto shell;
		if (*p != '"')
			goto shell;
		if (w->n >= DF_WORDS_MAX)
			return fail(d, "more than %d JSON items", DF_WORDS_MAX);
		w->v[w->n++] = o;
		p++;
		if (json_string(&p, &o) != 0)
			goto shell;
		p = json_ws(p);
	}
	if (*json_ws(p + 1) == '\0')
		return 1;
shell:
	/* Not a JSON string array: BuildKit reads it as the shell form
	 * ("RUN [ -d x ]"), or fails on JSON of other values. */
	free(*store);
	*store = NULL;
	w->n = 0;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Heredocs */

struct instr;
static const struct instr *instr_find(const char *);

struct heredoc {
	char	 name[DF_LINE_MAX < 256 ? DF_LINE_MAX : 256];
	int	 chomp;
};

/*
 * Raw words as BuildKit's lexer splits them (quotes kept); for heredocs
 * (here 1) blanks right after "<<" stay in the word, as its
 * processPossibleHeredoc keeps them.
 */
static int
raw_words(struct df *d, char *s, struct words *w, int here)
{
	char q = 0;

	w->n = 0;
	while (*s != '\0') {
		while (*s != '\0' && (ws(*s) || *s == '\n'))
			*s++ = '\0';
		if (*s == '\0')
			break;
		if (w->n >= DF_WORDS_MAX)
			return fail(d, "more than %d words", DF_WORDS_MAX);
		w->v[w->n++] = s;
		for (; *s != '\0' && (q || !(ws(*s) || *s == '\n')); s++) {
			if (!q && here && s[0] == '<' && s[1] == '<')
				for (s++; ws(s[1]); s++)
					;
			else if (!q && (*s == '\'' || *s == '"'))
				q = *s;
			else if (q && *s == q)
				q = 0;
			else if (*s == '\\' && q != '\'' && s[1] != '\0')
				s++;
		}
	}
	return q ? fail(d, "an unterminated quote") : 0;
}

/*
 * One word as BuildKit's ParseHeredoc: ^(\d*)<<(-?)\s*([^<]*)$ with a name.
 * 1 with *h, 0 if it is no heredoc, -1 if it is one we cannot read.
 */
static int
heredoc_word(struct df *d, const char *w, struct heredoc *h)
{
	const char *p = w, *name;
	size_t n;

	while (isdigit((unsigned char)*p))
		p++;
	if (strncmp(p, "<<", 2) != 0)
		return strstr(w, "<<") != NULL && strchr(w, '$') != NULL ?
		    fail(d, "a heredoc marker after a variable") : 0;
	p += 2;
	h->chomp = *p == '-';
	p += h->chomp;
	while (re_space(*p))
		p++;
	if (*p == '\0' || strchr(p, '<') != NULL)
		return 0;
	name = p;
	n = strlen(p);
	if (*p == '\'' || *p == '"') {
		if (n < 3 || p[n - 1] != *p)
			return fail(d, "a heredoc name with unmatched quotes");
		name++;
		n -= 2;
	}
	if (n >= sizeof(h->name) || strcspn(name, "'\"\\`$ \t") < n)
		return fail(d, "a heredoc name that cannot be read");
	memcpy(h->name, name, n);
	h->name[n] = '\0';
	/* A parser without heredocs would read the body as instructions;
	 * a terminator that is no instruction makes it fail as a whole. */
	if (instr_find(h->name) != NULL)
		return fail(d, "a heredoc named like an instruction");
	return 1;
}

/* The body of one heredoc: lines up to its name alone on a line. */
static int
heredoc_body(struct df *d, const struct heredoc *h)
{
	const char *s;
	size_t n, start = d->lineno;
	int r;

	while ((r = next_line(d, &s, &n)) == 1) {
		if (h->chomp)
			while (n > 0 && *s == '\t') {
				s++;
				n--;
			}
		if (n == strlen(h->name) && memcmp(s, h->name, n) == 0)
			return 0;
	}
	if (r == 0) {
		d->lineno = start;
		return fail(d, "unterminated heredoc %s", h->name);
	}
	return -1;
}

/* BuildKit's heredocsFromLine, then the bodies in order. */
static int
heredocs(struct df *d, const char *line)
{
	struct words *w = xcalloc(1, sizeof(*w));
	struct heredoc h[DF_HEREDOC_MAX];
	char *copy = xstrdup(line);
	size_t i, nh = 0;
	int r = raw_words(d, copy, w, 1);

	for (i = 0; r == 0 && i < w->n; i++) {
		if (nh >= DF_HEREDOC_MAX) {
			r = fail(d, "more than %d heredocs", DF_HEREDOC_MAX);
			break;
		}
		if ((r = heredoc_word(d, w->v[i], &h[nh])) == 1) {
			nh++;
			r = 0;
		}
	}
	for (i = 0; r == 0 && i < nh; i++)
		r = heredoc_body(d, &h[i]);
	free(copy);
	free(w);
	return r;
}

/* ------------------------------------------------------------------ */
/* Instructions */

struct instr {
	const char	*name;		/* lower case */
	const char	*flags;		/* "|a|b|" of the flags it takes */
	int		 heredoc;	/* may carry heredocs */
	int		 (*check)(struct df *, size_t, struct words *,
			    char *);
};

static int	 i_from(struct df *, size_t, struct words *, char *);
static int	 i_arg(struct df *, size_t, struct words *, char *);
static int	 i_add(struct df *, size_t, struct words *, char *);
static int	 i_copy(struct df *, size_t, struct words *, char *);
static int	 i_run(struct df *, size_t, struct words *, char *);
static int	 i_plain(struct df *, size_t, struct words *, char *);

static const struct instr instrs[] = {
	{ "add", "|chown|chmod|link|checksum|keep-git-dir|exclude|unpack|"
	    "parents|", 1, i_add },
	{ "arg", "||", 0, i_arg },
	{ "cmd", "||", 0, i_plain },
	{ "copy", "|from|chown|chmod|link|parents|exclude|", 1, i_copy },
	{ "entrypoint", "||", 0, i_plain },
	{ "env", "||", 0, i_plain },
	{ "expose", "||", 0, i_plain },
	{ "from", "|platform|", 0, i_from },
	{ "healthcheck", "|interval|timeout|start-period|start-interval|"
	    "retries|", 0, i_plain },
	{ "label", "||", 0, i_plain },
	{ "maintainer", "||", 0, i_plain },
	{ "onbuild", "||", 0, NULL },
	{ "run", "|mount|network|security|", 1, i_run },
	{ "shell", "||", 0, i_plain },
	{ "stopsignal", "||", 0, i_plain },
	{ "user", "||", 0, i_plain },
	{ "volume", "||", 0, i_plain },
	{ "workdir", "||", 0, i_plain },
};

static const struct instr *
instr_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(instrs) / sizeof(instrs[0]); i++)
		if (strcasecmp(instrs[i].name, name) == 0)
			return &instrs[i];
	return NULL;
}

/* Each flag a known one of the instruction ("--name" or "--name=v"). */
static int
known_flags(struct df *d, const struct instr *in, const struct words *f)
{
	char key[CMD_FLAG_MAX + 2];
	size_t i, n;

	for (i = 0; i < f->n; i++) {
		n = strcspn(f->v[i] + 2, "=");
		if (n == 0 || n > CMD_FLAG_MAX)
			return fail(d, "%s: invalid flag", in->name);
		(void)snprintf(key, sizeof(key), "|%.*s|", (int)n,
		    f->v[i] + 2);
		if (strstr(in->flags, key) == NULL)
			return fail(d, "%s: unknown flag %.*s", in->name,
			    (int)n + 2, f->v[i]);
	}
	return 0;
}

/* The value of --name=V in flag word fw, or NULL if fw is another flag. */
static const char *
flag_value(const char *fw, const char *name)
{
	size_t n = strlen(name);

	if (strncmp(fw + 2, name, n) != 0 ||
	    (fw[2 + n] != '=' && fw[2 + n] != '\0'))
		return NULL;
	return fw[2 + n] == '=' ? fw + 3 + n : "";
}

/* An earlier stage by name or index: BuildKit resolves these first. */
static int
is_stage(const struct df *d, const char *ref)
{
	char *e;
	unsigned long idx;
	size_t i;

	if (isdigit((unsigned char)ref[0])) {
		idx = strtoul(ref, &e, 10);
		if (*e == '\0' && idx < d->nstages)
			return 1;
	}
	for (i = 0; i < d->stages.n; i++)
		if (strcasecmp(d->stages.v[i], ref) == 0)
			return 1;
	return 0;
}

/* An image named outside FROM (COPY --from, --mount from=). */
static int
pulled(struct df *d, size_t line, const char *ref, const char *what,
    unsigned risk)
{
	if (strchr(ref, '$') != NULL)
		return fail(d, "%s %s: a variable here cannot be checked",
		    what, ref);
	if (ref[0] == '\0' || is_stage(d, ref))
		return 0;
	return finding(d, line, risk, ref, "%s%s", what, ref);
}

/* 1 if the meta ARGs declare the name of build-arg a ("N=V" or "N"). */
static int
declared(const struct strv *meta, const char *a)
{
	size_t i, n = strcspn(a, "=");

	for (i = 0; i < meta->n; i++)
		if (strncmp(meta->v[i], a, n) == 0 &&
		    (meta->v[i][n] == '=' || meta->v[i][n] == '\0'))
			return 1;
	return 0;
}

/*
 * The value of a FROM: meta ARGs, overridden by the --build-arg values of
 * the names they declare (BuildKit ignores the others).
 */
static int
i_from(struct df *d, size_t line, struct words *f, char *rest)
{
	struct words *w = xcalloc(1, sizeof(*w));
	struct strv env = { NULL, 0, 0 };
	const char *why = "";
	char *img = NULL;
	size_t i;
	int r = -1;

	(void)f;
	if (split_ws(d, rest, w) != 0)
		goto done;
	if (w->n != 1 && !(w->n == 3 && strcasecmp(w->v[1], "as") == 0)) {
		(void)fail(d, "FROM takes an image and an optional AS name");
		goto done;
	}
	for (i = 0; i < d->meta.n; i++)
		strv_push(&env, d->meta.v[i]);
	for (i = 0; d->buildargs != NULL && i < d->buildargs->n; i++)
		if (declared(&d->meta, d->buildargs->v[i]))
			strv_push(&env, d->buildargs->v[i]);
	/* "*": values we cannot know (compose args) unset every name. */
	for (i = 0; d->buildargs != NULL && strv_has(d->buildargs, "*") &&
	    i < d->meta.n; i++)
		strv_take(&env, xstrndup(d->meta.v[i],
		    strcspn(d->meta.v[i], "=")));
	if ((img = shell_word(w->v[0], d->esc, &env, &why)) == NULL) {
		(void)fail(d, "FROM %.100s: %s", w->v[0], why);
		goto done;
	}
	if (d->nstages >= DF_STAGES_MAX) {
		(void)fail(d, "more than %d stages", DF_STAGES_MAX);
		goto done;
	}
	r = strcasecmp(img, "scratch") == 0 || is_stage(d, img) ? 0 :
	    finding(d, line, 0, img, "FROM %s", img);
	d->nstages++;
	strv_push(&d->stages, w->n == 3 ? w->v[2] : "");
done:
	free(img);
	strv_free(&env);
	free(w);
	return r;
}

/*
 * ARG NAME[=VALUE]...: before the first FROM these are the meta args FROM
 * may use; their values are resolved with the meta args before them.
 */
static int
i_arg(struct df *d, size_t line, struct words *f, char *rest)
{
	struct words *w = xcalloc(1, sizeof(*w));
	const char *why = "";
	char *v;
	size_t i, n;
	int r;

	(void)line;
	(void)f;
	r = raw_words(d, rest, w, 0);
	for (i = 0; r == 0 && d->nstages == 0 && i < w->n; i++) {
		if (d->meta.n >= DF_META_MAX) {
			r = fail(d, "more than %d ARGs", DF_META_MAX);
			break;
		}
		n = strcspn(w->v[i], "=");
		if (w->v[i][n] == '\0') {
			strv_push(&d->meta, w->v[i]);
			continue;
		}
		/* An unresolvable default leaves the name unset. */
		v = shell_word(w->v[i] + n + 1, d->esc, &d->meta, &why);
		strv_take(&d->meta, v != NULL ? xasprintf("%.*s=%s", (int)n,
		    w->v[i], v) : xstrndup(w->v[i], n));
		free(v);
	}
	free(w);
	return r;
}

/*
 * A source an ADD would fetch rather than copy from the context: a URL or
 * scp-like git reference (both hold ':'), a path ending ".git" (with a
 * "#ref" or not: older gitutil took those), or "github.com/...".
 */
static int
remote_text(const char *s)
{
	const char *g;

	if (strchr(s, ':') != NULL || strncasecmp(s, "github.com/", 11) == 0)
		return 1;
	for (g = s; (g = strcasestr(g, ".git")) != NULL; g += 4)
		if (g[4] == '\0' || g[4] == '#' || g[4] == '/')
			return 1;
	return 0;
}

static int
remote_source(const struct df *d, const char *s)
{
	char *t = xstrdup(s), *o = t;
	const char *p;
	int r;

	for (p = s; *p != '\0'; p++)
		if (*p != '\'' && *p != '"' && *p != '\\' && *p != '`' &&
		    *p != d->esc)
			*o++ = *p;
	*o = '\0';
	r = strchr(s, '$') != NULL || remote_text(s) || remote_text(t);
	free(t);
	return r;
}

/* Sources and destination, JSON or whitespace-separated. */
static int
sources(struct df *d, char *rest, struct words *w, char **store)
{
	int j;

	*store = NULL;
	if ((j = json_form(d, rest, w, store)) < 0)
		return -1;
	d->json = j;
	if (j == 0 && split_ws(d, rest, w) != 0)
		return -1;
	if (w->n < 2)
		return fail(d, "a source and a destination are needed");
	return 0;
}

static int
i_add(struct df *d, size_t line, struct words *f, char *rest)
{
	struct words *w = xcalloc(1, sizeof(*w));
	char *store = NULL;
	size_t i;
	int r;

	(void)f;
	r = sources(d, rest, w, &store);
	for (i = 0; r == 0 && i + 1 < w->n; i++)
		if (remote_source(d, w->v[i]))
			r = finding(d, line, RISK_REMOTE_SOURCES, NULL,
			    "ADD %.100s (a URL, a git repository or a variable "
			    "that can be one: the daemon fetches it from this "
			    "host's network)",
			    w->v[i]);
	free(store);
	free(w);
	return r;
}

static int
i_copy(struct df *d, size_t line, struct words *f, char *rest)
{
	struct words *w = xcalloc(1, sizeof(*w));
	const char *v;
	char *store = NULL;
	size_t i;
	int r;

	r = sources(d, rest, w, &store);
	for (i = 0; r == 0 && i < f->n; i++)
		if ((v = flag_value(f->v[i], "from")) != NULL)
			r = pulled(d, line, v, "COPY --from=", 0);
	free(store);
	free(w);
	return r;
}

/* One key=value field of a --mount value, lower-cased key. */
static int
run_mount_field(struct df *d, size_t line, const char *k, const char *v,
    char *type, size_t tlen, const char **from)
{
	static const char *const keys[] = { "type", "from", "source", "src",
	    "target", "dst", "destination", "readonly", "ro", "readwrite",
	    "rw", "id", "sharing", "mode", "uid", "gid", "required", "size",
	    "env", NULL };
	size_t i;

	(void)line;
	for (i = 0; keys[i] != NULL && strcasecmp(keys[i], k) != 0; i++)
		;
	if (keys[i] == NULL)
		return fail(d, "RUN --mount: unknown option %.40s", k);
	if (strcasecmp(k, "type") == 0)
		(void)snprintf(type, tlen, "%s", v);
	if (strcasecmp(k, "from") == 0)
		*from = v;
	return 0;
}

/* RUN --mount=CSV: ssh and secret mounts, and mounts from an image. */
static int
mount_flag(struct df *d, size_t line, const char *val)
{
	char *copy, *field, *save = NULL, type[16] = "bind";
	const char *from = NULL;
	char *eq;
	int r = 0;

	if (strpbrk(val, "$\"'") != NULL)
		return fail(d, "RUN --mount=%.100s: quotes or variables "
		    "cannot be checked", val);
	copy = xstrdup(val);
	for (field = strtok_r(copy, ",", &save); field != NULL && r == 0;
	    field = strtok_r(NULL, ",", &save)) {
		if ((eq = strchr(field, '=')) != NULL)
			*eq++ = '\0';
		r = run_mount_field(d, line, field, eq != NULL ? eq : "", type,
		    sizeof(type), &from);
	}
	if (r == 0 && (strcasecmp(type, "ssh") == 0 ||
	    strcasecmp(type, "secret") == 0))
		r = finding(d, line, RISK_REMOTE_SOURCES, NULL, "RUN --mount="
		    "%.100s (hands the build the client's %s)", val, type);
	else if (r == 0 && strcasecmp(type, "bind") != 0 &&
	    strcasecmp(type, "cache") != 0 && strcasecmp(type, "tmpfs") != 0)
		r = fail(d, "RUN --mount: unknown type %.20s", type);
	else if (r == 0 && from != NULL)
		r = pulled(d, line, from, "RUN --mount from=",
		    RISK_REMOTE_SOURCES);
	free(copy);
	return r;
}

static int
i_run(struct df *d, size_t line, struct words *f, char *rest)
{
	struct words *w = xcalloc(1, sizeof(*w));
	const char *v;
	char *store = NULL;
	size_t i;
	int r = json_form(d, rest, w, &store);

	d->json = r == 1;
	r = r < 0 ? -1 : 0;
	free(store);
	free(w);
	for (i = 0; r == 0 && i < f->n; i++) {
		if ((v = flag_value(f->v[i], "mount")) != NULL)
			r = mount_flag(d, line, v);
		else if ((v = flag_value(f->v[i], "network")) != NULL) {
			if (strcmp(v, "host") == 0)
				r = finding(d, line, RISK_HOST_NAMESPACES,
				    NULL, "RUN --network=host (the step runs "
				    "in the host's network namespace)");
			else if (strcmp(v, "none") != 0 &&
			    strcmp(v, "default") != 0)
				r = fail(d, "RUN --network=%.40s: unknown "
				    "network", v);
		} else if ((v = flag_value(f->v[i], "security")) != NULL) {
			if (strcmp(v, "insecure") == 0)
				r = finding(d, line, RISK_PRIVILEGED, NULL,
				    "RUN --security=insecure (the step runs "
				    "privileged)");
			else if (strcmp(v, "sandbox") != 0)
				r = fail(d, "RUN --security=%.40s: unknown "
				    "mode", v);
		}
	}
	return r;
}

static int
i_plain(struct df *d, size_t line, struct words *f, char *rest)
{
	(void)d;
	(void)line;
	(void)f;
	(void)rest;
	return 0;
}

/* Bytes an instruction line may hold: printable ASCII and blanks. */
static int
line_bytes(struct df *d, const char *s)
{
	if (s == NULL)		/* append() always leaves a string */
		return fail(d, "empty instruction");
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x7f || ((unsigned char)*s < 0x20 &&
		    !ws(*s)))
			return fail(d, "a control or non-ASCII byte in an "
			    "instruction (BuildKit splits such bytes "
			    "differently in different places)");
	return 0;
}

/*
 * One logical line: name, flags, arguments; ONBUILD wraps one more
 * (nested is 1 there: no heredocs, no ONBUILD, FROM or MAINTAINER).
 */
static int
instruction(struct df *d, size_t line, char *s, int nested)
{
	struct words *f = xcalloc(1, sizeof(*f));
	const struct instr *in;
	char *name, *rest, *store = NULL, *line_copy = xstrdup(s);
	int r = -1;

	while (ws(*s))
		s++;
	for (name = s; *s != '\0' && !ws(*s); s++)
		;
	if (*s != '\0')
		*s++ = '\0';
	if ((in = instr_find(name)) == NULL) {
		(void)fail(d, "unknown instruction %.40s", name);
		goto done;
	}
	if (nested && (in->check == NULL || strcmp(in->name, "from") == 0 ||
	    strcmp(in->name, "maintainer") == 0)) {
		(void)fail(d, "ONBUILD %s is not allowed", in->name);
		goto done;
	}
	if ((rest = flags_of(d, s, f, &store)) == NULL ||
	    known_flags(d, in, f) != 0)
		goto done;
	if (in->check == NULL) {
		/* BuildKit reads heredocs under ONBUILD only since 2024:
		 * older parsers read the body as instructions. */
		if (strstr(rest, "<<") != NULL)
			(void)fail(d, "ONBUILD with \"<<\": BuildKit versions "
			    "read its heredocs differently");
		else
			r = instruction(d, line, rest, 1);
		goto done;
	}
	d->json = 0;
	if (strcmp(in->name, "from") != 0 && d->nstages == 0 &&
	    strcmp(in->name, "arg") != 0) {
		(void)fail(d, "%s before the first FROM", in->name);
		goto done;
	}
	if ((r = in->check(d, line, f, rest)) == 0 && !nested &&
	    in->heredoc && !d->json && strstr(line_copy, "<<") != NULL)
		r = heredocs(d, line_copy);
done:
	free(line_copy);
	free(store);
	free(f);
	return r;
}


static int
logical_line(struct df *d, const char *s, size_t n)
{
	char *line = NULL;
	size_t len = 0, start = d->lineno;
	int more, r;

	trim_left(&s, &n);
	if (directive(d, s, n) != 0)
		return -1;
	if (n > 0 && s[0] == '#')
		n = 0;
	more = continues(d, s, &n);
	if (!more && n == 0)
		return 0;
	if (append(d, &line, &len, s, n) != 0 ||
	    (more && join_rest(d, &line, &len) != 0) ||
	    line_bytes(d, line) != 0)
		r = -1;
	else if (++d->ninstr > DF_INSTR_MAX)
		r = fail(d, "more than %d instructions", DF_INSTR_MAX);
	else {
		char *copy = xstrdup(line);

		r = instruction(d, start, copy, 0);
		free(copy);
	}
	free(line);
	return r;
}

/* --build-arg BUILDKIT_SYNTAX=... selects a frontend as # syntax= does. */
static int
syntax_args(struct df *d)
{
	size_t i;

	for (i = 0; d->buildargs != NULL && i < d->buildargs->n; i++)
		if (strncasecmp(d->buildargs->v[i], "BUILDKIT_SYNTAX", 15) == 0)
			return finding(d, 0, RISK_REMOTE_SOURCES, NULL,
			    "--build-arg %.60s (an external frontend image "
			    "would parse the Dockerfile)", d->buildargs->v[i]);
	return 0;
}

int
dockerfile_check(const char *buf, size_t len, const struct strv *buildargs,
    struct df_report *rep, const char **errstr)
{
	struct df d;
	const char *s = "";
	size_t n = 0;
	int r = 0;

	memset(&d, 0, sizeof(d));
	memset(rep, 0, sizeof(*rep));
	d.buf = buf;
	d.len = len;
	d.esc = '\\';
	d.buildargs = buildargs;
	d.rep = rep;
	if (!utf8_valid(buf, len))
		r = fail(&d, "the Dockerfile holds NUL bytes or invalid UTF-8");
	while (r == 0 && (r = next_line(&d, &s, &n)) == 1)
		r = logical_line(&d, s, n);
	if (r == 0 && d.nstages == 0)
		r = fail(&d, "no FROM instruction");
	if (r == 0)
		r = syntax_args(&d);
	strv_free(&d.meta);
	strv_free(&d.stages);
	if (r != 0) {
		*errstr = d.err;
		dockerfile_report_free(rep);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Standard input: Dockerfile or tar */

/* Go's archive/tar parseOctal, lenient: blanks and NULs around digits. */
static int
tar_octal(const char *f, size_t n, unsigned long long *v)
{
	size_t i = 0;

	while (n > 0 && (f[n - 1] == ' ' || f[n - 1] == '\0'))
		n--;
	while (i < n && (f[i] == ' ' || f[i] == '\0'))
		i++;
	for (*v = 0; i < n; i++) {
		if (f[i] < '0' || f[i] > '7' || *v > (~0ULL >> 3))
			return -1;
		*v = *v * 8 + (unsigned)(f[i] - '0');
	}
	return 0;
}

/* A header block whose checksum holds, signed or unsigned (Go's rule). */
static int
tar_header_ok(const unsigned char *b)
{
	unsigned long long want, u = 0;
	long long sg = 0;
	size_t i;

	if (tar_octal((const char *)b + 148, 8, &want) != 0)
		return 0;
	for (i = 0; i < DF_TAR_BLOCK; i++) {
		unsigned char c = i >= 148 && i < 156 ? ' ' : b[i];

		u += c;
		sg += (signed char)c;
	}
	return want == u || (long long)want == sg;
}

enum df_input
dockerfile_sniff(const char *buf, size_t len)
{
	static const struct {
		const char	*magic;
		size_t		 n;
	} comp[] = {
		{ "BZh", 3 }, { "\x1f\x8b\x08", 3 },
		{ "\xfd\x37\x7a\x58\x5a\x00", 6 }, { "\x28\xb5\x2f\xfd", 4 },
	};
	size_t i;

	for (i = 0; i < sizeof(comp) / sizeof(comp[0]); i++)
		if (len >= comp[i].n && memcmp(buf, comp[i].magic,
		    comp[i].n) == 0)
			return DF_INPUT_COMPRESSED;
	/* zstd skippable frames: 0x184D2A50..5F, little-endian. */
	if (len >= 4 && (buf[0] & 0xf0) == 0x50 && buf[1] == 0x2a &&
	    buf[2] == 0x4d && buf[3] == 0x18)
		return DF_INPUT_COMPRESSED;
	if (len >= DF_TAR_BLOCK && tar_header_ok((const unsigned char *)buf))
		return DF_INPUT_TAR;
	return DF_INPUT_TEXT;
}

/* "./a//b/" -> "a/b"; -1 for an absolute name, "..", or too long. */
static int
tar_clean(const char *in, char *out, size_t outlen)
{
	const char *p = in, *c;
	size_t n, o = 0;

	if (*p == '/')
		return -1;
	while (*p != '\0') {
		c = p;
		n = strcspn(p, "/");
		p += n;
		while (*p == '/')
			p++;
		if (n == 0 || (n == 1 && c[0] == '.'))
			continue;
		if (n == 2 && c[0] == '.' && c[1] == '.')
			return -1;
		if (o + n + 2 > outlen)
			return -1;
		if (o > 0)
			out[o++] = '/';
		memcpy(out + o, c, n);
		o += n;
	}
	out[o] = '\0';
	return 0;
}

/* The name of an entry: ustar prefix/name, cleaned. */
static int
tar_name(const unsigned char *b, char *out, size_t outlen)
{
	char raw[TAR_PREFIX_FIELD + 1 + TAR_NAME_FIELD + 1];
	size_t pn = 0, nn;

	if (memcmp(b + 257, "ustar\0", 6) == 0) {
		pn = strnlen((const char *)b + 345, TAR_PREFIX_FIELD);
		memcpy(raw, b + 345, pn);
		if (pn > 0)
			raw[pn++] = '/';
	}
	nn = strnlen((const char *)b, TAR_NAME_FIELD);
	memcpy(raw + pn, b, nn);
	raw[pn + nn] = '\0';
	if (!utf8_valid(raw, pn + nn))
		return -1;
	return tar_clean(raw, out, outlen);
}

static int
all_zero(const unsigned char *b)
{
	size_t i;

	for (i = 0; i < DF_TAR_BLOCK; i++)
		if (b[i] != 0)
			return 0;
	return 1;
}

struct tarwant {
	char		 name[DF_TAR_NAME_MAX];
	char		 alt[DF_TAR_NAME_MAX];	/* "dockerfile" or "" */
	const char	*file;
	size_t		 flen;
	int		 hits;
};

/* One entry at b (header) with size bytes after it. */
static int
tar_entry(const unsigned char *b, unsigned long long size, struct tarwant *t,
    const char **errstr)
{
	char name[DF_TAR_NAME_MAX];
	int type = b[156];

	if (strchr(TAR_TYPES, type) == NULL || (memcmp(b + 257, "ustar\0",
	    6) == 0 && memcmp(b + 508, "tar\0", 4) == 0))
		return *errstr = "the build context archive has pax, GNU "
		    "long-name, sparse or other headers that are not read "
		    "here", -1;
	if (tar_name(b, name, sizeof(name)) != 0)
		return *errstr = "the build context archive has an entry "
		    "name that is absolute, has \"..\", or cannot be read", -1;
	if (name[0] == '\0')
		return 0;	/* "./": the context's root */
	if ((type == '1' || type == '2') && (strcmp(name, t->alt) == 0 ||
	    (strncmp(t->name, name, strlen(name)) == 0 &&
	    (t->name[strlen(name)] == '/' || t->name[strlen(name)] == '\0'))))
		return *errstr = "the Dockerfile in the build context archive "
		    "is a link or lies under one", -1;
	if (strcmp(name, t->name) != 0 && strcmp(name, t->alt) != 0)
		return 0;
	if (type != '0' && type != '\0')
		return *errstr = "the Dockerfile in the build context archive "
		    "is not a regular file", -1;
	if (++t->hits > 1)
		return *errstr = "the build context archive holds more than "
		    "one Dockerfile (duplicate entries, or both Dockerfile "
		    "and dockerfile)", -1;
	t->file = (const char *)b + DF_TAR_BLOCK;
	t->flen = (size_t)size;
	return 0;
}

static int
tar_want(const char *name, struct tarwant *t, const char **errstr)
{
	memset(t, 0, sizeof(*t));
	if (name == NULL)
		name = DF_DEFAULT_NAME;
	if (tar_clean(name, t->name, sizeof(t->name)) != 0 ||
	    t->name[0] == '\0')
		return *errstr = "the Dockerfile name must be a relative path "
		    "inside the build context", -1;
	/* A default name also finds "dockerfile" (docker's fallback). */
	if (strcmp(t->name, DF_DEFAULT_NAME) == 0)
		(void)snprintf(t->alt, sizeof(t->alt), "dockerfile");
	return 0;
}

int
dockerfile_tar_find(const char *buf, size_t len, const char *name,
    const char **file, size_t *flen, const char **errstr)
{
	const unsigned char *b = (const unsigned char *)buf;
	unsigned long long size;
	struct tarwant t;
	size_t off = 0, n = 0;

	if (tar_want(name, &t, errstr) != 0)
		return -1;
	for (;;) {
		if (len - off < DF_TAR_BLOCK)
			return *errstr = "the build context archive is "
			    "truncated", -1;
		if (all_zero(b + off))
			break;
		if (++n > DF_TAR_ENTRIES_MAX)
			return *errstr = "the build context archive has too "
			    "many entries", -1;
		if (!tar_header_ok(b + off) ||
		    tar_octal(buf + off + 124, 12, &size) != 0)
			return *errstr = "the build context archive has a "
			    "damaged header", -1;
		if (b[off + 156] != 0 && strchr(TAR_HDR_ONLY, b[off + 156]))
			size = 0;
		if (size > len - off - DF_TAR_BLOCK)
			return *errstr = "the build context archive is "
			    "truncated", -1;
		if (tar_entry(b + off, size, &t, errstr) != 0)
			return -1;
		off += DF_TAR_BLOCK + (size_t)((size + DF_TAR_BLOCK - 1) /
		    DF_TAR_BLOCK * DF_TAR_BLOCK);
		if (off > len)
			return *errstr = "the build context archive is "
			    "truncated", -1;
	}
	if (t.hits == 0)
		return *errstr = "the build context archive holds no "
		    "Dockerfile by that name", -1;
	*file = t.file;
	*flen = t.flen;
	return 0;
}
