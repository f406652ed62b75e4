/*
 * redact.c: mask secrets in what docker prints: environment values,
 * driver options and build arguments in `docker inspect` output, exec
 * command lines in `docker events` lines.  Parses the docker CLI's JSON
 * with jansson, masks, re-encodes it the way the CLI prints it (events:
 * as its {{json .}} or its default text line).
 *
 * Security invariants:
 * - Output MUST only ever be produced from a complete, successful parse:
 *   on any error nothing is returned (the caller then shows nothing), so
 *   no unredacted byte can leak through a partial or failed run.
 * - Duplicate keys MUST be rejected: a second "Env" could otherwise hide
 *   behind the first (jansson would keep one, a client parser the other).
 * - Every member named "Env" whose value is a list MUST have every value
 *   masked, wherever it sits; at the known places (Config.Env,
 *   ContainerConfig.Env, [Previous]Spec.TaskTemplate.ContainerSpec.Env,
 *   Spec.ContainerSpec.Env, Settings.Env) anything but a list or null is
 *   an error, and so is any Env that is an object or a list holding
 *   something other than strings and plugin {"Name", "Value"} objects.
 * - The output MUST be re-encoded from the parsed tree, never spliced
 *   from the input: what is masked is exactly what was parsed.
 * - Every string below a driver-option member (Options, DriverOpts,
 *   StorageOpt, LogConfig.Config) MUST be masked, and so MUST the N
 *   entries after a "|N" word of any Cmd / Entrypoint and all that follows
 *   "|N " in a history line; label values are not secrets here (ps shows
 *   them) and are kept.
 * - An event's action payload ("exec_create: CMD") MUST be masked unless
 *   it is a known health state; an event line that is not one JSON object
 *   in shape yields nothing.
 * - Input, output, one event line and nesting depth MUST be bounded
 *   (REDACT_MAX_*).
 * - This module never exits, prints or keeps state between calls.
 *
 * Fidelity: the output is the docker CLI's (Go json.Indent, 4 spaces, one
 * trailing newline) byte for byte, including Go's escaping of U+2028/9 and
 * control bytes, and of <, >, & when the input shows that docker escaped
 * them (it does for service inspect, not for containers and images; a mix
 * of both in one generic inspect is printed unescaped).  Numbers are
 * printed from their value (integers as %lld, reals in Go's shortest
 * form), so an integer beyond int64 is an error and "1.0" would print as
 * "1"; docker prints neither.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "redact.h"
#include "util.h"

#if JANSSON_VERSION_HEX < 0x020d00
#error "jansson >= 2.13 is needed: objects must iterate in input order"
#endif

#define REDACT_INDENT		4	/* spaces per level, as the CLI */
#define REDACT_REAL_DIGITS	17	/* enough for any double */
#define REDACT_NUMBUF		64	/* bytes of one formatted number */
#define REDACT_GO_EXP_LOW	1e-6	/* Go: exponent form below this */
#define REDACT_INT_LIMIT	9223372036854775808.0	/* 2^63; Go: 1e21 */
#define REDACT_MIN_CAP		4096	/* first output allocation */
#define REDACT_ESCBUF		8	/* bytes of one \u00XX escape + NUL */
#define REDACT_PATHBUF		128	/* bytes of a dotted path in messages */
#define REDACT_ZONEBUF		16	/* "+hh:mm" of a time zone offset */
#define REDACT_MAX_BUILDARGS	100000000L	/* a "|N" count past this
						   masks all that follow */

static char errbuf[512];

/* A growing output buffer; over is set once REDACT_MAX_OUTPUT is hit. */
struct obuf {
	char	*p;
	size_t	 len;
	size_t	 cap;
	int	 over;
	int	 html;	/* escape <, >, & as \u003c, \u003e, \u0026 */
	int	 compact;	/* json.Marshal's form: no newlines, no spaces */
};

/* The places where Env is a list by docker's own types. */
static const char *const known_env[][5] = {
	{ "Config", "Env", NULL },
	{ "ContainerConfig", "Env", NULL },
	{ "Spec", "TaskTemplate", "ContainerSpec", "Env", NULL },
	{ "PreviousSpec", "TaskTemplate", "ContainerSpec", "Env", NULL },
	{ "Spec", "ContainerSpec", "Env", NULL },
	{ "Settings", "Env", NULL },
};

/* ---------------------------------------------------------- masking */

/* "KEY=VALUE" -> "KEY=<redacted>"; a string without '=' is kept. */
static int
mask_string(json_t *s, const char **errstr)
{
	const char *v = json_string_value(s), *eq;
	size_t n = json_string_length(s), klen;
	char *m;
	int r;

	if ((eq = memchr(v, '=', n)) == NULL)
		return 0;
	klen = (size_t)(eq - v) + 1;
	m = xmalloc(klen + sizeof(REDACT_MASK));
	memcpy(m, v, klen);
	memcpy(m + klen, REDACT_MASK, sizeof(REDACT_MASK));
	/* The cut is after an ASCII '=', so the key part is valid UTF-8. */
	r = json_string_setn(s, m, klen + sizeof(REDACT_MASK) - 1);
	free(m);
	if (r != 0)
		*errstr = "cannot mask an environment entry";
	return r == 0 ? 0 : -1;
}

/* A plugin's {"Name": ..., "Value": ...}: mask the value. */
static int
mask_plugin(json_t *o, const char **errstr)
{
	json_t *v = json_object_get(o, "Value");

	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v)) {
		*errstr = "docker inspect output: an Env entry's Value is not "
		    "a string";
		return -1;
	}
	if (json_string_set(v, REDACT_MASK) != 0) {
		*errstr = "cannot mask an environment entry";
		return -1;
	}
	return 0;
}

/*
 * An "Env" member anywhere: a list is masked entry by entry; null and
 * scalars (a label or a network option named Env) are not environments.
 */
static int
mask_env(json_t *env, const char **errstr)
{
	json_t *e;
	size_t i;

	if (json_is_object(env)) {
		*errstr = "docker inspect output: an Env is an object";
		return -1;
	}
	if (!json_is_array(env))
		return 0;
	json_array_foreach(env, i, e) {
		if (json_is_string(e)) {
			if (mask_string(e, errstr) != 0)
				return -1;
		} else if (json_is_object(e)) {
			if (mask_plugin(e, errstr) != 0)
				return -1;
		} else {
			*errstr = "docker inspect output: an Env entry is "
			    "not a string";
			return -1;
		}
	}
	return 0;
}

/*
 * A history line (CreatedBy: "RUN |1 TOKEN=x /bin/sh -c ...", or a Cmd
 * given as one string): everything after a "|N " word is masked, since
 * the values are not quoted and their end cannot be told.
 */
static int
mask_history(json_t *s, const char **errstr)
{
	const char *v = json_string_value(s);
	size_t n = json_string_length(s), i, j;
	char *m;
	int r;

	for (i = 0; i < n; i++) {
		if (v[i] != '|' || (i > 0 && v[i - 1] != ' '))
			continue;
		for (j = i + 1; j < n && v[j] >= '0' && v[j] <= '9'; j++)
			;
		if (j == i + 1 || (j < n && v[j] != ' '))
			continue;
		m = xasprintf("%.*s " REDACT_MASK, (int)j, v);
		r = json_string_set(s, m);
		free(m);
		if (r != 0)
			*errstr = "cannot mask a build argument";
		return r == 0 ? 0 : -1;
	}
	return 0;
}

/* Is key (klen bytes) the NUL-terminated name? */
static int
is_key(const char *key, size_t klen, const char *name)
{
	return klen == strlen(name) && memcmp(key, name, klen) == 0;
}

/*
 * Driver options: every string below v (an options map, or a list of
 * option strings) becomes REDACT_MASK; keys, numbers and the shape stay.
 */
static int
mask_leaves(json_t *v, int depth, const char **errstr)
{
	const char *key;
	json_t *m;
	size_t i;

	if (depth > REDACT_MAX_DEPTH) {
		*errstr = "docker inspect output nested too deeply";
		return -1;
	}
	if (json_is_string(v) && json_string_set(v, REDACT_MASK) != 0) {
		*errstr = "cannot mask a driver option";
		return -1;
	}
	if (json_is_array(v))
		json_array_foreach(v, i, m)
			if (mask_leaves(m, depth + 1, errstr) != 0)
				return -1;
	if (json_is_object(v))
		json_object_foreach(v, key, m)
			if (mask_leaves(m, depth + 1, errstr) != 0)
				return -1;
	return 0;
}

/* Members whose strings are driver options (parent: the enclosing key). */
static int
is_options(const char *key, size_t klen, const char *parent)
{
	return is_key(key, klen, "Options") ||
	    is_key(key, klen, "DriverOpts") ||
	    is_key(key, klen, "StorageOpt") ||
	    (is_key(key, klen, "Config") && parent != NULL &&
	    strcmp(parent, "LogConfig") == 0);
}

/*
 * N of a "|N" word (the classic builder's build-argument count), or -1;
 * a count too long to hold is taken as "all that follow".
 */
static long
buildarg_count(const char *s, size_t n)
{
	size_t i;
	long c = 0;

	if (n < 2 || s[0] != '|')
		return -1;
	for (i = 1; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (c < REDACT_MAX_BUILDARGS)
			c = c * 10 + (s[i] - '0');
	}
	return c;
}

/* A Cmd / Entrypoint list: "|N" then N "K=V" build arguments. */
static int
mask_cmd(json_t *cmd, const char **errstr)
{
	json_t *e;
	long n;
	size_t i;

	if (json_is_string(cmd))
		return mask_history(cmd, errstr);
	if (!json_is_array(cmd) || (e = json_array_get(cmd, 0)) == NULL ||
	    !json_is_string(e))
		return 0;
	if ((n = buildarg_count(json_string_value(e),
	    json_string_length(e))) < 0)
		return mask_history(e, errstr);
	for (i = 1; i <= (size_t)n && i < json_array_size(cmd); i++) {
		e = json_array_get(cmd, i);
		if (!json_is_string(e)) {
			*errstr = "docker inspect output: a build argument is "
			    "not a string";
			return -1;
		}
		/* A value holding no '=' is still an argument: all of it. */
		if (memchr(json_string_value(e), '=', json_string_length(e)) ==
		    NULL ? json_string_set(e, REDACT_MASK) != 0 :
		    mask_string(e, errstr) != 0) {
			*errstr = "cannot mask a build argument";
			return -1;
		}
	}
	return 0;
}

/*
 * What the walk masks at one member; 0, or -1 with *errstr.  Members of
 * "Labels" are label values, which docker ps shows anyway: kept.
 */
static int
mask_member(const char *key, size_t klen, const char *parent, json_t *m,
    unsigned what, const char **errstr)
{
	if (parent != NULL && strcmp(parent, "Labels") == 0)
		return 0;
	if ((what & REDACT_ENV) && is_key(key, klen, "Env"))
		return mask_env(m, errstr);
	if ((what & REDACT_ENV) && is_options(key, klen, parent))
		return mask_leaves(m, 0, errstr);
	if (is_key(key, klen, "Cmd") || is_key(key, klen, "Entrypoint"))
		return mask_cmd(m, errstr);
	if ((is_key(key, klen, "CreatedBy") ||
	    is_key(key, klen, "created_by")) && json_is_string(m))
		return mask_history(m, errstr);
	return 0;
}

/* Mask below v what `what` names; 0, or -1 with *errstr. */
static int
walk(json_t *v, const char *parent, unsigned what, int depth,
    const char **errstr)
{
	const char *key;
	json_t *m;
	size_t i, klen;

	if (depth > REDACT_MAX_DEPTH) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "docker inspect "
		    "output: nested deeper than %d levels", REDACT_MAX_DEPTH);
		return -1;
	}
	if (json_is_array(v)) {
		json_array_foreach(v, i, m)
			if (walk(m, NULL, what, depth + 1, errstr) != 0)
				return -1;
		return 0;
	}
	if (!json_is_object(v))
		return 0;
	json_object_keylen_foreach(v, key, klen, m) {
		if (mask_member(key, klen, parent, m, what, errstr) != 0 ||
		    walk(m, key, what, depth + 1, errstr) != 0)
			return -1;
	}
	return 0;
}

/* "A.B.C" of the first n components of path, into buf. */
static const char *
dotted(const char *const *path, size_t n, char *buf, size_t len)
{
	size_t i, off = 0;
	int w;

	buf[0] = '\0';
	for (i = 0; i < n && off < len; i++) {
		w = snprintf(buf + off, len - off, "%s%s", i ? "." : "",
		    path[i]);
		if (w < 0)
			break;
		off += (size_t)w;
	}
	return buf;
}

/* At a known place, Env (and the objects on the way) must be in shape. */
static int
check_known(const json_t *obj, const char *const *path, const char **errstr)
{
	const json_t *cur = obj;
	char where[REDACT_PATHBUF];
	size_t i;

	for (i = 0; path[i] != NULL; i++) {
		cur = json_object_get(cur, path[i]);
		if (cur == NULL || json_is_null(cur))
			return 0;
		if (path[i + 1] == NULL ? json_is_array(cur) :
		    json_is_object(cur))
			continue;
		*errstr = errfmt(errbuf, sizeof(errbuf), "docker inspect "
		    "output: %s is not %s",
		    dotted(path, i + 1, where, sizeof(where)),
		    path[i + 1] == NULL ? "a list" : "an object");
		return -1;
	}
	return 0;
}

/* The top level: an array of objects, each checked and masked. */
static int
redact_tree(json_t *root, unsigned what, const char **errstr)
{
	json_t *o;
	size_t i, k;

	if (!json_is_array(root)) {
		*errstr = "docker inspect output is not a JSON array";
		return -1;
	}
	json_array_foreach(root, i, o) {
		if (!json_is_object(o)) {
			*errstr = "docker inspect output is not an array of "
			    "objects";
			return -1;
		}
		for (k = 0; (what & REDACT_ENV) &&
		    k < sizeof(known_env) / sizeof(known_env[0]); k++)
			if (check_known(o, known_env[k], errstr) != 0)
				return -1;
	}
	return walk(root, NULL, what, 0, errstr);
}

/* ---------------------------------------------------------- encoding */

static void
put(struct obuf *b, const char *s, size_t n)
{
	size_t cap;

	if (b->over || n > REDACT_MAX_OUTPUT - b->len) {
		b->over = 1;
		return;
	}
	if (b->len + n + 1 > b->cap) {
		cap = b->cap ? b->cap : REDACT_MIN_CAP;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->p = xreallocarray(b->p, cap, 1);
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
puts_(struct obuf *b, const char *s)
{
	put(b, s, strlen(s));
}

static void
indent(struct obuf *b, int depth)
{
	static const char sp[] = "                ";
	int n = depth * REDACT_INDENT;

	if (b->compact)
		return;
	put(b, "\n", 1);
	for (; n > 0; n -= (int)sizeof(sp) - 1)
		put(b, sp, n < (int)sizeof(sp) - 1 ? (size_t)n :
		    sizeof(sp) - 1);
}

/*
 * The escape Go's encoding/json writes for the character at u[i], into
 * esc; NULL if it is written as is.  *width is the number of input bytes
 * it stands for.  html: the encoder's EscapeHTML setting.
 */
static const char *
go_escape(const unsigned char *u, size_t i, size_t n, int html, char *esc,
    size_t *width)
{
	static const char hex[] = "0123456789abcdef";

	*width = 1;
	switch (u[i]) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\t':
		return "\\t";
	case '<': case '>': case '&':
		if (!html)
			return NULL;
		break;
	default:
		/* U+2028, U+2029: line separators to JavaScript. */
		if (u[i] == 0xe2 && i + 2 < n && u[i + 1] == 0x80 &&
		    (u[i + 2] == 0xa8 || u[i + 2] == 0xa9)) {
			*width = 3;
			return u[i + 2] == 0xa8 ? "\\u2028" : "\\u2029";
		}
		if (u[i] >= 0x20)
			return NULL;
	}
	(void)snprintf(esc, REDACT_ESCBUF, "\\u00%c%c", hex[u[i] >> 4],
	    hex[u[i] & 0xf]);
	return esc;
}

/* A string as Go's encoding/json writes it; n bytes, NULs allowed. */
static void
put_string(struct obuf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	const char *rep;
	char esc[REDACT_ESCBUF];
	size_t i = 0, start = 0, w;

	put(b, "\"", 1);
	while (i < n) {
		if ((rep = go_escape(u, i, n, b->html, esc, &w)) == NULL) {
			i++;
			continue;
		}
		put(b, s + start, i - start);
		puts_(b, rep);
		i += w;
		start = i;
	}
	put(b, s + start, n - start);
	put(b, "\"", 1);
}

/*
 * A double as Go's strconv.FormatFloat(v, 'f' or 'e', -1, 64) inside
 * encoding/json: the shortest digits that read back to v; exponent form
 * below 1e-6 and from 1e21, with "e-07" shortened to "e-7".  Two changes,
 * for values docker's output cannot hold as reals (Go prints them as
 * integer text, which jansson reads as an integer or rejects): -0 is "0",
 * and exponent form starts at 2^63, so that the output reads back the same.
 */
static int
format_real(double v, char *buf, size_t len)
{
	double a = fabs(v);
	int p, e, dec;
	char *x;

	if (!isfinite(v))
		return -1;
	if (v == 0) {
		(void)snprintf(buf, len, "0");
		return 0;
	}
	for (p = 1; p < REDACT_REAL_DIGITS; p++) {
		(void)snprintf(buf, len, "%.*e", p - 1, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	(void)snprintf(buf, len, "%.*e", p - 1, v);
	if (a < REDACT_GO_EXP_LOW || a >= REDACT_INT_LIMIT) {
		x = strchr(buf, 'e');
		if (x != NULL && x[1] == '-' && x[2] == '0' && x[3] != '\0')
			memmove(x + 2, x + 3, strlen(x + 3) + 1);
		return 0;
	}
	if ((x = strchr(buf, 'e')) == NULL)
		return -1;
	/* %e wrote the exponent: two or three digits, cannot fail. */
	e = (int)strtol(x + 1, NULL, 10);
	dec = p - 1 - e;
	(void)snprintf(buf, len, "%.*f", dec > 0 ? dec : 0, v);
	return 0;
}

static int	put_value(struct obuf *, const json_t *, int, const char **);

static int
put_object(struct obuf *b, const json_t *o, int depth, const char **errstr)
{
	const char *key;
	json_t *m;
	size_t klen;
	int first = 1;

	if (json_object_size(o) == 0) {
		puts_(b, "{}");
		return 0;
	}
	put(b, "{", 1);
	json_object_keylen_foreach((json_t *)o, key, klen, m) {
		if (!first)
			put(b, ",", 1);
		first = 0;
		indent(b, depth + 1);
		put_string(b, key, klen);
		put(b, ": ", b->compact ? 1 : 2);
		if (put_value(b, m, depth + 1, errstr) != 0)
			return -1;
	}
	indent(b, depth);
	put(b, "}", 1);
	return 0;
}

static int
put_array(struct obuf *b, const json_t *a, int depth, const char **errstr)
{
	json_t *m;
	size_t i;

	if (json_array_size(a) == 0) {
		puts_(b, "[]");
		return 0;
	}
	put(b, "[", 1);
	json_array_foreach((json_t *)a, i, m) {
		if (i > 0)
			put(b, ",", 1);
		indent(b, depth + 1);
		if (put_value(b, m, depth + 1, errstr) != 0)
			return -1;
	}
	indent(b, depth);
	put(b, "]", 1);
	return 0;
}

/* Depth is bounded: walk() refused anything deeper; checked again here. */
static int
put_value(struct obuf *b, const json_t *v, int depth, const char **errstr)
{
	char num[REDACT_NUMBUF];

	if (depth > REDACT_MAX_DEPTH) {
		*errstr = "docker inspect output nested too deeply";
		return -1;
	}

	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return put_object(b, v, depth, errstr);
	case JSON_ARRAY:
		return put_array(b, v, depth, errstr);
	case JSON_STRING:
		put_string(b, json_string_value(v), json_string_length(v));
		return 0;
	case JSON_INTEGER:
		(void)snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		puts_(b, num);
		return 0;
	case JSON_REAL:
		if (format_real(json_real_value(v), num, sizeof(num)) != 0) {
			*errstr = "docker inspect output: a number cannot be "
			    "encoded";
			return -1;
		}
		puts_(b, num);
		return 0;
	case JSON_TRUE:
		puts_(b, "true");
		return 0;
	case JSON_FALSE:
		puts_(b, "false");
		return 0;
	default:
		puts_(b, "null");
		return 0;
	}
}

/* ---------------------------------------------------------- entry */

/*
 * Which of Go's two string escapings produced the input?  The daemon
 * writes raw <, >, & (container, image: the CLI prints its bytes); the CLI
 * re-marshals some objects (service inspect) with \u003c, \u003e, \u0026.
 * 1 only on evidence of the latter and none of the former.  Backslash
 * pairs are stepped over, so an escaped backslash followed by "u0026" is
 * not taken for an escape.
 */
static int
html_escaped(const char *json, size_t len)
{
	size_t i;
	int seen = 0;

	for (i = 0; i < len; i++) {
		if (json[i] == '<' || json[i] == '>' || json[i] == '&')
			return 0;
		if (json[i] != '\\' || i + 1 >= len)
			continue;
		if (len - i >= 6 && (memcmp(json + i, "\\u003c", 6) == 0 ||
		    memcmp(json + i, "\\u003e", 6) == 0 ||
		    memcmp(json + i, "\\u0026", 6) == 0))
			seen = 1;
		i++;
	}
	return seen;
}

/* Parse len bytes of json (what names the document in messages). */
static json_t *
load(const char *json, size_t len, const char *what, const char **errstr)
{
	json_error_t jerr;
	json_t *root;

	root = json_loadb(json, len, JSON_REJECT_DUPLICATES |
	    JSON_ALLOW_NUL, &jerr);
	if (root == NULL)
		*errstr = errfmt(errbuf, sizeof(errbuf), "%s is not valid "
		    "JSON: %.200s (line %d, column %d)", what, jerr.text,
		    jerr.line, jerr.column);
	return root;
}

/* Hand b over as *out unless it overflowed; 0, or -1 with *errstr. */
static int
finish(struct obuf *b, const char *what, char **out, size_t *outlen,
    const char **errstr)
{
	if (b->over) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "redacted %s is "
		    "over %d bytes", what, REDACT_MAX_OUTPUT);
		return -1;
	}
	*out = b->p;
	*outlen = b->len;
	b->p = NULL;
	return 0;
}

static int
redact_with(const char *json, size_t len, unsigned what, char **out,
    size_t *outlen, const char **errstr)
{
	struct obuf b = { NULL, 0, 0, 0, 0, 0 };
	json_t *root = NULL;
	int ret = -1;

	*out = NULL;
	*outlen = 0;
	if (len > REDACT_MAX_INPUT) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "docker inspect "
		    "output is over %d bytes", REDACT_MAX_INPUT);
		return -1;
	}
	if (len == 0) {
		*out = xcalloc(1, 1);
		return 0;
	}
	if ((root = load(json, len, "docker inspect output", errstr)) == NULL)
		goto done;
	b.html = html_escaped(json, len);
	if (redact_tree(root, what, errstr) != 0 ||
	    put_value(&b, root, 0, errstr) != 0)
		goto done;
	put(&b, "\n", 1);
	ret = finish(&b, "docker inspect output", out, outlen, errstr);
done:
	free(b.p);
	json_decref(root);
	return ret;
}

int
redact_inspect(const char *json, size_t len, char **out, size_t *outlen,
    const char **errstr)
{
	return redact_with(json, len, REDACT_ENV | REDACT_BUILD, out, outlen,
	    errstr);
}

int
redact_build_args(const char *json, size_t len, char **out, size_t *outlen,
    const char **errstr)
{
	return redact_with(json, len, REDACT_BUILD, out, outlen, errstr);
}

/* ---------------------------------------------------------- events */

/* Payloads of an action that are shown: health_status: STATE. */
static const char *const shown_payload[][2] = {
	{ "health_status", "starting" },
	{ "health_status", "healthy" },
	{ "health_status", "unhealthy" },
};

/*
 * "exec_create: sh -c 'PGPASSWORD=...'" -> "exec_create: <redacted>":
 * the daemon appends the exec's whole command line to exec_create and
 * exec_start; any payload after ": " but a known health state is masked.
 */
static int
mask_action(json_t *a, const char **errstr)
{
	const char *v, *colon;
	size_t n, plen, k;
	char *m;
	int r;

	if (a == NULL || json_is_null(a))
		return 0;
	if (!json_is_string(a)) {
		*errstr = "docker events output: an action is not a string";
		return -1;
	}
	v = json_string_value(a);
	n = json_string_length(a);
	if ((colon = memchr(v, ':', n)) == NULL)
		return 0;
	plen = (size_t)(colon - v);
	for (k = 0; k < sizeof(shown_payload) / sizeof(shown_payload[0]); k++)
		if (plen == strlen(shown_payload[k][0]) &&
		    memcmp(v, shown_payload[k][0], plen) == 0 &&
		    n - plen == strlen(shown_payload[k][1]) + 2 &&
		    memcmp(colon, ": ", 2) == 0 &&
		    memcmp(colon + 2, shown_payload[k][1], n - plen - 2) == 0)
			return 0;
	m = xasprintf("%.*s: " REDACT_MASK, (int)plen, v);
	r = json_string_set(a, m);
	free(m);
	if (r != 0)
		*errstr = "cannot mask an event's action";
	return r == 0 ? 0 : -1;
}

/* One event line, parsed and masked; NULL with *errstr. */
static json_t *
event_load(const char *line, size_t len, int *html, const char **errstr)
{
	json_t *ev, *actor;

	if (len > 0 && line[len - 1] == '\n')
		len--;
	if (len > REDACT_MAX_LINE) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "a docker events "
		    "line is over %d bytes", REDACT_MAX_LINE);
		return NULL;
	}
	if ((ev = load(line, len, "docker events output", errstr)) == NULL)
		return NULL;
	*html = html_escaped(line, len);
	actor = json_object_get(ev, "Actor");
	if (!json_is_object(ev) || (actor != NULL && !json_is_null(actor) &&
	    !json_is_object(actor))) {
		*errstr = "docker events output is not an event object";
		goto fail;
	}
	if (mask_action(json_object_get(ev, "Action"), errstr) != 0 ||
	    mask_action(json_object_get(ev, "status"), errstr) != 0)
		goto fail;
	/* What an inspect would hide (nothing today, by moby's events). */
	if (walk(ev, NULL, REDACT_ENV | REDACT_BUILD, 0, errstr) != 0)
		goto fail;
	return ev;
fail:
	json_decref(ev);
	return NULL;
}

int
redact_event_json(const char *line, size_t len, char **out, size_t *outlen,
    const char **errstr)
{
	struct obuf b = { NULL, 0, 0, 0, 0, 1 };
	json_t *ev;
	int ret = -1;

	*out = NULL;
	*outlen = 0;
	if ((ev = event_load(line, len, &b.html, errstr)) == NULL)
		return -1;
	if (put_value(&b, ev, 0, errstr) == 0) {
		put(&b, "\n", 1);
		ret = finish(&b, "docker events line", out, outlen, errstr);
	}
	free(b.p);
	json_decref(ev);
	return ret;
}

/* A string member of o, raw (length-counted: NULs allowed), or "". */
static void
put_member(struct obuf *b, const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	if (json_is_string(v))
		put(b, json_string_value(v), json_string_length(v));
}

/* An integer member of o, or 0 (what Go's zero value prints). */
static json_int_t
int_member(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	return json_is_integer(v) ? json_integer_value(v) : 0;
}

/* Go's Time.Format("2006-01-02T15:04:05.000000000Z07:00"), local time. */
static int
put_time(struct obuf *b, json_int_t sec, long nsec)
{
	char buf[REDACT_NUMBUF], zone[REDACT_ZONEBUF];
	struct tm tm;
	time_t t = (time_t)sec;
	long off;

	if (localtime_r(&t, &tm) == NULL ||
	    strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm) == 0)
		return -1;
	/* Go prints hours and minutes of the offset; within a day. */
	off = (tm.tm_gmtoff / 60) % (24 * 60);
	if (off == 0)
		(void)snprintf(zone, sizeof(zone), "Z");
	else
		(void)snprintf(zone, sizeof(zone), "%c%02ld:%02ld",
		    off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);
	puts_(b, buf);
	(void)snprintf(buf, sizeof(buf), ".%09ld%s ", nsec, zone);
	puts_(b, buf);
	return 0;
}

static int
cmp_keys(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* " (k=v, k=v)" of the actor's attributes, sorted by key. */
static int
put_attributes(struct obuf *b, const json_t *attrs, const char **errstr)
{
	const char **keys;
	const char *key;
	json_t *v;
	size_t n = 0, i;

	if (!json_is_object(attrs) || json_object_size(attrs) == 0)
		return 0;
	keys = xcalloc(json_object_size(attrs), sizeof(*keys));
	json_object_foreach((json_t *)attrs, key, v) {
		if (!json_is_string(v)) {
			free(keys);
			*errstr = "docker events output: an attribute is not "
			    "a string";
			return -1;
		}
		keys[n++] = key;
	}
	qsort(keys, n, sizeof(*keys), cmp_keys);
	puts_(b, " (");
	for (i = 0; i < n; i++) {
		puts_(b, i > 0 ? ", " : "");
		puts_(b, keys[i]);
		put(b, "=", 1);
		put_member(b, attrs, keys[i]);
	}
	put(b, ")", 1);
	free(keys);
	return 0;
}

/* The docker CLI's default rendering of one event (prettyPrintEvent). */
static int
put_event_text(struct obuf *b, const json_t *ev, const char **errstr)
{
	const json_t *actor = json_object_get(ev, "Actor");
	json_int_t tn = int_member(ev, "timeNano"), t = int_member(ev, "time");
	json_int_t sec = tn / 1000000000, ns = tn % 1000000000;

	if (ns < 0) {		/* Go's time.Unix normalizes: floor */
		ns += 1000000000;
		sec--;
	}
	if ((tn != 0 && put_time(b, sec, (long)ns) != 0) ||
	    (tn == 0 && t != 0 && put_time(b, t, 0) != 0)) {
		*errstr = "docker events output: a time cannot be shown";
		return -1;
	}
	put_member(b, ev, "Type");
	put(b, " ", 1);
	put_member(b, ev, "Action");
	put(b, " ", 1);
	if (json_is_object(actor)) {
		put_member(b, actor, "ID");
		if (put_attributes(b, json_object_get(actor, "Attributes"),
		    errstr) != 0)
			return -1;
	}
	put(b, "\n", 1);
	return 0;
}

int
redact_event_text(const char *line, size_t len, char **out, size_t *outlen,
    const char **errstr)
{
	struct obuf b = { NULL, 0, 0, 0, 0, 0 };
	json_t *ev;
	int html, ret = -1;

	*out = NULL;
	*outlen = 0;
	if ((ev = event_load(line, len, &html, errstr)) == NULL)
		return -1;
	if (put_event_text(&b, ev, errstr) == 0)
		ret = finish(&b, "docker events line", out, outlen, errstr);
	free(b.p);
	json_decref(ev);
	return ret;
}
