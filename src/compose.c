/*
 * compose.c: docker compose and docker build, checked without running
 * them: the compose project is resolved as compose resolves it, every file
 * compose would load is parsed, and every service is held to the checks of
 * docker run through the decision's own functions (compose_hooks).
 * compose_svc.c holds the keys of one service; compose_impl.h is what the
 * two files share.
 *
 * Invariants:
 * - This module MUST stay pure: every file is read through the resolver's
 *   file callback, which also says whether the caller could have written
 *   it.  Without that callback every project and local context is denied.
 * - A project MUST be denied unless its working directory matches one of
 *   the rule's projects, and every file compose would read (compose files,
 *   overrides, .env, include, extends, env_file, secrets, build contexts,
 *   watched paths) is root-owned, not writable by others, and inside the
 *   project (or, for include/extends, inside a directory that matches the
 *   rule's projects).  Parent directories are never searched; stdin is
 *   never a compose file.
 * - The check MUST be a superset of what compose merges: every file is
 *   checked on its own, every YAML merge key ("<<") is followed and both
 *   the merged and the explicit values are checked, so no precedence rule
 *   can hide a value from the check.  A value looked up by key (cx_get)
 *   follows merge keys too; a file of more than one document is refused.
 * - Every file MUST be interpolated with the variables compose would use
 *   for it: an include that would bring its own (.env beside it,
 *   env_file) is refused.
 * - A service key that is not known MUST be denied; a security-relevant
 *   value that needs a variable the project's .env does not define (or
 *   that the gateway's environment would supply) MUST be denied.
 * - Explicit YAML tags other than compose's !reset and !override are
 *   refused: a tag such as !!binary changes what a scalar means.
 * - The project name MUST be the one compose takes (-p, the .env's
 *   COMPOSE_PROJECT_NAME, the project's own files' name:, the directory),
 *   never the name: of an included or extended file, and -p MUST equal
 *   it: compose acts on the containers of the project so named.
 * - A subcommand the command table marks CMD_STARTS_NOTHING (ps, logs,
 *   down, ...) MUST still load and check every file as above (trust,
 *   place, parse, project name); it holds no service to the rule.  Every
 *   other project subcommand MUST hold to the rule every service it could
 *   act on: those named on the command line (none named: every service
 *   that is not provably behind inactive profiles) and, to a fixed point,
 *   every service they depend on (depends_on, links, volumes_from,
 *   network_mode/ipc/pid service:, build contexts service:, extends).
 *   A service not acted on still has the files it names checked.
 * - Work is bounded: file size, number of files, nesting depth and node
 *   visits (aliases make a document a graph).
 */
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "commands.h"
#include "compose.h"
#include "compose_impl.h"
#include "decide.h"
#include "dockerfile.h"
#include "grammar.h"
#include "mounts.h"
#include "policy.h"
#include "reslimits.h"
#include "util.h"

#define NEST_MAX	8	/* include/extends chain */
#define MSG_MAX		600	/* bytes of a message before its position */

static const char *const default_files[] = {
	"compose.yaml", "compose.yml", "docker-compose.yaml",
	"docker-compose.yml", NULL,
};
static const char *const override_files[] = {
	"compose.override.yaml", "compose.override.yml",
	"docker-compose.override.yaml", "docker-compose.override.yml", NULL,
};

/* Variables the docker CLI's environment sets: compose prefers them. */
static const char *const cli_env[] = {
	"PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", NULL,
};

/* ------------------------------------------------------------------ */
/* Messages */

/* pj->out->where: what, the file and line of n, the service, the key. */
static void
position(struct project *pj, const yaml_node_t *n)
{
	char where[COMPOSE_WHERE_MAX];
	size_t len = 0;

	where[0] = '\0';
	if (pj->cur != NULL && n != NULL)
		len = (size_t)snprintf(where, sizeof(where), "%s:%lu: ",
		    pj->cur->path, (unsigned long)n->start_mark.line + 1);
	else if (pj->cur != NULL)
		len = (size_t)snprintf(where, sizeof(where), "%s: ",
		    pj->cur->path);
	if (pj->svc != NULL && len < sizeof(where))
		len += (size_t)snprintf(where + len, sizeof(where) - len,
		    "service %s: ", pj->svc);
	if (pj->key != NULL && len < sizeof(where))
		(void)snprintf(where + len, sizeof(where) - len, "%s: ",
		    pj->key);
	(void)snprintf(pj->out->where, sizeof(pj->out->where), "%s: %s",
	    pj->what, where);
}

int
cx_fail(struct project *pj, const yaml_node_t *n, const char *fmt, ...)
{
	va_list ap;

	position(pj, n);
	va_start(ap, fmt);
	(void)vsnprintf(pj->out->note, sizeof(pj->out->note), fmt, ap);
	va_end(ap);
	pj->out->judged = 0;
	return -1;
}

int
cx_refail_note(struct project *pj, const yaml_node_t *n, const char *note)
{
	position(pj, n);
	(void)snprintf(pj->out->note, sizeof(pj->out->note), "%s", note);
	pj->out->judged = 1;
	return -1;
}

int
cx_refail(struct project *pj, const yaml_node_t *n)
{
	return cx_refail_note(pj, n, "");
}

/* ------------------------------------------------------------------ */
/* Paths */

/* path against dir, lexically cleaned; caller frees; NULL if unusable. */
char *
cx_join(const char *dir, const char *path)
{
	char *t, *c;

	if (path[0] == '/')
		return mounts_clean_path(path);
	t = xasprintf("%s/%s", dir, path);
	c = mounts_clean_path(t);
	free(t);
	return c;
}

static int
inside(const char *dir, const char *path)
{
	size_t n;

	if (dir == NULL || path == NULL)
		return 0;	/* nothing known to be inside: deny */
	n = strlen(dir);

	if (strcmp(dir, "/") == 0)
		return 1;
	return strncmp(path, dir, n) == 0 &&
	    (path[n] == '\0' || path[n] == '/');
}

static char *
dirname_of(const char *path)
{
	const char *s = strrchr(path, '/');

	if (s == NULL || s == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(s - path));
}

/* A directory matching one of the rule's projects at or above path. */
static char *
project_root(const struct project *pj, const char *path)
{
	char *d = xstrdup(path), *s;

	for (;;) {
		if (pj->h->rule_has(pj->h->ctx, CA_PROJECT, d))
			return d;
		if ((s = strrchr(d, '/')) == NULL || s == d)
			break;
		*s = '\0';
	}
	free(d);
	return NULL;
}

/*
 * Examine path through the resolver: 0 with *resolved (and *content for
 * a file), 1 when it does not exist, -1 (denied) when it can not be read
 * or could have been written by someone other than root.
 */
static int
examine(struct project *pj, const yaml_node_t *n, const char *path,
    char **resolved, char **content, size_t *len)
{
	const char *err = "";
	int trusted = 0, r;

	*resolved = NULL;
	*content = NULL;
	*len = 0;
	r = pj->res->file(pj->res->ctx, path, resolved, content, len,
	    &trusted, &err);
	if (r < 0)
		return cx_fail(pj, n, "%s", err);
	if (r > 0)
		return 1;
	if (!trusted) {
		free(*resolved);
		free(*content);
		*resolved = *content = NULL;
		return cx_fail(pj, n, "%s is not root-owned, or it or a "
		    "directory above it is writable by others", path);
	}
	return 0;
}

static int
keychar(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || strchr("_.-[]", c) != NULL;
}

/*
 * The key of an env file line: its start, *kend past it; NULL for a blank
 * line or a comment.  An empty key (*kend == start) is an error.
 */
static const char *
dotenv_key(const char *l, const char *end, const char **kend)
{
	const char *k;

	while (l < end && (*l == ' ' || *l == '\t'))
		l++;
	if (l == end || *l == '#')
		return NULL;
	if (end - l > 7 && strncmp(l, "export", 6) == 0 &&
	    (l[6] == ' ' || l[6] == '\t'))
		for (l += 6; l < end && (*l == ' ' || *l == '\t'); l++)
			;
	for (k = l; l < end && keychar((unsigned char)*l); l++)
		;
	*kend = l;
	return k;
}

/* One line of an env file: 1 if compose reads it without an error. */
static int
dotenv_line_ok(const char *l, const char *end)
{
	const char *k;
	char q;

	if ((k = dotenv_key(l, end, &l)) == NULL)
		return 1;
	if (l == k)
		return 0;
	while (l < end && (*l == ' ' || *l == '\t'))
		l++;
	if (l == end)
		return 1;		/* KEY alone: taken from the env */
	if (*l != '=' && *l != ':')
		return 0;
	for (l++; l < end && (*l == ' ' || *l == '\t'); l++)
		;
	if (l == end || (*l != '"' && *l != '\''))
		return 1;		/* unquoted: the rest of the line */
	for (q = *l++; l < end && *l != q; l++)
		if (q == '"' && *l == '\\' && l + 1 < end)
			l++;
	if (l == end)
		return 0;		/* not closed on this line */
	for (l++; l < end && (*l == ' ' || *l == '\t'); l++)
		;
	return l == end || *l == '#';
}

size_t
cx_dotenv_bad(const char *buf, size_t len)
{
	const char *l = buf, *end = buf + len, *e;
	size_t line;

	for (line = 1; l < end; line++, l = e + 1) {
		if ((e = memchr(l, '\n', (size_t)(end - l))) == NULL)
			e = end;
		if (memchr(l, '\0', (size_t)(e - l)) != NULL ||
		    !dotenv_line_ok(l, e > l && e[-1] == '\r' ? e - 1 : e))
			return line;
	}
	return 0;
}

/* An env file compose would read: refused when it could not parse it. */
static int
envfile_ok(struct project *pj, const yaml_node_t *n, const char *path,
    const char *content, size_t len)
{
	size_t bad;

	if (content == NULL)
		return cx_fail(pj, n, "%s is not a file", path);
	if ((bad = cx_dotenv_bad(content, len)) != 0)
		return cx_fail(pj, n, "%s line %zu is not a KEY=VALUE line "
		    "(compose would print the file's text in its error)", path,
		    bad);
	return 0;
}

/*
 * A label_file: every label it sets is held to the check of docker run
 * --label (the reserved dockergate. prefix).  content is a valid env file.
 */
static int
labelfile_ok(struct project *pj, const yaml_node_t *n, const char *content,
    size_t len)
{
	const char *l = content, *end = content + len, *e, *k, *ke;
	char *label;
	int r = 0;

	for (; l < end && r == 0; l = e + 1) {
		if ((e = memchr(l, '\n', (size_t)(end - l))) == NULL)
			e = end;
		if ((k = dotenv_key(l, e, &ke)) == NULL)
			continue;
		label = xasprintf("%.*s=", (int)(ke - k), k);
		r = cx_run_flag(pj, n, "label", label);
		free(label);
	}
	return r;
}

/*
 * A host path a compose file names (env_file, secrets, build context,
 * watched path): relative to the file's base, inside its root, trusted.
 * Sets *found to 0 when it does not exist (if found is not NULL; else a
 * missing path is denied).
 */
int
cx_resource(struct project *pj, const yaml_node_t *n, const char *path,
    int *found, enum cx_want want)
{
	char *p = NULL, *rp = NULL, *content = NULL;
	size_t len;
	int r = -1, e;

	if (path[0] == '~')
		return cx_fail(pj, n, "\"~\" paths are expanded by compose on "
		    "the gateway host and are refused");
	if ((p = cx_join(pj->cur->dir, path)) == NULL)
		return cx_fail(pj, n, "cannot read the path \"%.200s\"", path);
	if (!inside(pj->cur->root, p)) {
		r = cx_fail(pj, n, "%s is outside the project directory %s", p,
		    pj->cur->root);
		goto out;
	}
	if ((e = examine(pj, n, p, &rp, &content, &len)) < 0)
		goto out;
	if (found != NULL)
		*found = e == 0;
	if (e > 0 && found == NULL)
		r = cx_fail(pj, n, "%s does not exist", p);
	else if (e == 0 && !inside(pj->cur->root, rp))
		r = cx_fail(pj, n, "%s resolves to %s, outside the project "
		    "directory %s", p, rp, pj->cur->root);
	else if (e == 0 && want == CX_DIR && content != NULL)
		r = cx_fail(pj, n, "%s is not a directory", p);
	else if (e == 0 && want == CX_ENVFILE)
		r = envfile_ok(pj, n, p, content, len);
	else if (e == 0 && want == CX_LABELFILE)
		r = envfile_ok(pj, n, p, content, len) != 0 ? -1 :
		    labelfile_ok(pj, n, content, len);
	else if (e == 0 && want == CX_DOCKERFILE)
		r = content == NULL ? cx_fail(pj, n, "%s is not a file", p) :
		    cx_dockerfile(pj, n, p, content, len, &cx_any_args);
	else
		r = 0;
out:
	free(p);
	free(rp);
	free(content);
	return r;
}

/*
 * Build args of a compose build: its args and --build-arg can override any
 * ARG, so a FROM that needs one is not resolved (dockerfile_check's "*").
 */
static char *any_arg[] = { "*", NULL };
const struct strv cx_any_args = { any_arg, 1, 1 };

/* ------------------------------------------------------------------ */
/* .env and interpolation */

static const char *
env_get(const struct strv *env, const char *key, size_t klen)
{
	const char *v = NULL;
	size_t i;

	for (i = 0; i < env->n; i++)
		if (strncmp(env->v[i], key, klen) == 0 &&
		    env->v[i][klen] == '=')
			v = env->v[i] + klen + 1;
	return v;
}

/*
 * One .env line: [export] KEY=VALUE or KEY: VALUE (compose's parser ends
 * the key at the first '=' or ':'), VALUE optionally quoted.
 */
static void
dotenv_line(struct strv *env, char *l)
{
	char *eq, *v, *e;
	size_t n;

	while (*l == ' ' || *l == '\t')
		l++;
	if (strncmp(l, "export ", 7) == 0)
		l += 7;
	eq = l + strcspn(l, "=:");
	if (*l == '#' || *eq == '\0' || eq == l)
		return;
	for (e = eq; e > l && (e[-1] == ' ' || e[-1] == '\t'); e--)
		;
	*e = '\0';
	for (v = eq + 1; *v == ' ' || *v == '\t'; v++)
		;
	n = strlen(v);
	if (n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0]) {
		v[n - 1] = '\0';
		v++;
	} else if ((e = strstr(v, " #")) != NULL)
		*e = '\0';
	n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t' ||
	    v[n - 1] == '\r'))
		v[--n] = '\0';
	if (env->n < COMPOSE_MAX_ENV)
		strv_take(env, xasprintf("%s=%s", l, v));
}

static void
dotenv_parse(struct strv *env, const char *buf)
{
	char *copy = xstrdup(buf), *l, *save = NULL;

	for (l = strtok_r(copy, "\n", &save); l != NULL;
	    l = strtok_r(NULL, "\n", &save))
		dotenv_line(env, l);
	free(copy);
}

static int
varchar(int c, int first)
{
	return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (!first && c >= '0' && c <= '9');
}

static int
cli_var(const char *name, size_t n)
{
	size_t i;

	for (i = 0; cli_env[i] != NULL; i++)
		if (strlen(cli_env[i]) == n &&
		    strncmp(cli_env[i], name, n) == 0)
			return 1;
	return (n >= 7 && strncmp(name, "DOCKER_", 7) == 0) ||
	    (n >= 8 && strncmp(name, "COMPOSE_", 8) == 0);
}

/*
 * The value of ${NAME[OP WORD]} as compose computes it: OP one of ":-",
 * "-", ":+", "+", ":?", "?".  Returns a new string or NULL with *err.
 */
static char *
expand_var(const struct strv *env, const char *name, size_t n,
    const char *op, const char *word, size_t wlen, const char **err)
{
	const char *v;
	int set, full;

	if (cli_var(name, n)) {
		*err = "a variable that the gateway's environment sets";
		return NULL;
	}
	v = env_get(env, name, n);
	if (v != NULL && strchr(v, '$') != NULL) {
		*err = "a variable whose .env value is itself interpolated";
		return NULL;
	}
	set = v != NULL;
	full = set && *v != '\0';
	if (op == NULL || *op == '\0') {
		if (!set)
			*err = "a variable the project's .env does not set";
		return set ? xstrdup(v) : NULL;
	}
	if (strcmp(op, ":-") == 0 || strcmp(op, "-") == 0)
		return (op[0] == ':' ? full : set) ? xstrdup(v) :
		    xstrndup(word, wlen);
	if (strcmp(op, ":+") == 0 || strcmp(op, "+") == 0)
		return (op[0] == ':' ? full : set) ? xstrndup(word, wlen) :
		    xstrdup("");
	if ((op[0] == ':' ? full : set))
		return xstrdup(v);
	*err = "a required variable the project's .env does not set";
	return NULL;
}

/* "${NAME...}" at s (after "${"): sets *end past the '}'. */
static char *
braced(const struct strv *env, const char *s, const char **end,
    const char **err)
{
	const char *p = s, *close;
	char op[3] = "";
	size_t n;

	while (varchar((unsigned char)*p, p == s))
		p++;
	n = (size_t)(p - s);
	if (n == 0 || (close = strchr(p, '}')) == NULL) {
		*err = "malformed interpolation";
		return NULL;
	}
	if (*p == ':' && p[1] != '\0' && strchr("-+?", p[1]) != NULL)
		op[0] = ':', op[1] = p[1], p += 2;
	else if (*p != '\0' && strchr("-+?", *p) != NULL)
		op[0] = *p++;
	else if (*p != '}') {
		*err = "malformed interpolation";
		return NULL;
	}
	if (memchr(p, '$', (size_t)(close - p)) != NULL) {
		*err = "nested interpolation";
		return NULL;
	}
	*end = close + 1;
	return expand_var(env, s, n, op, p, (size_t)(close - p), err);
}

/* s with $VAR, ${VAR...} and $$ replaced; NULL with *err. */
static char *
interp(const struct strv *env, const char *s, const char **err)
{
	struct strv parts = { NULL, 0, 0 };
	const char *p = s, *end, *q;
	char *v, *out;
	size_t i, len = 0;

	while ((q = strchr(p, '$')) != NULL) {
		strv_take(&parts, xstrndup(p, (size_t)(q - p)));
		if (q[1] == '$') {
			strv_push(&parts, "$");
			p = q + 2;
			continue;
		}
		if (q[1] == '{')
			v = braced(env, q + 2, &end, err);
		else if (varchar((unsigned char)q[1], 1)) {
			end = q + 1;
			while (varchar((unsigned char)*end, 0))
				end++;
			v = expand_var(env, q + 1, (size_t)(end - q - 1), "",
			    "", 0, err);
		} else {
			*err = "malformed interpolation";
			v = NULL;
		}
		if (v == NULL) {
			strv_free(&parts);
			return NULL;
		}
		strv_take(&parts, v);
		p = end;
	}
	strv_push(&parts, p);
	for (i = 0; i < parts.n; i++)
		len += strlen(parts.v[i]);
	out = xcalloc(len + 1, 1);
	for (i = 0; i < parts.n; i++)
		(void)strcat(out, parts.v[i]);
	strv_free(&parts);
	return out;
}

/* A context or cache value: remote (URL, git) or local. */
int
compose_is_remote(const char *s)
{
	return strstr(s, "://") != NULL || strncmp(s, "git@", 4) == 0 ||
	    strncmp(s, "github.com/", 11) == 0;
}

/* ------------------------------------------------------------------ */
/* YAML */

yaml_node_t *
cx_node(const struct cfile *f, int i)
{
	return yaml_document_get_node((yaml_document_t *)&f->doc, i);
}

static int
tag_ok(const yaml_node_t *n)
{
	const char *t = (const char *)n->tag;

	return t == NULL || strcmp(t, YAML_DEFAULT_SCALAR_TAG) == 0 ||
	    strcmp(t, YAML_DEFAULT_SEQUENCE_TAG) == 0 ||
	    strcmp(t, YAML_DEFAULT_MAPPING_TAG) == 0 ||
	    strcmp(t, "!reset") == 0 || strcmp(t, "!override") == 0;
}

/* Count a visit; refuse tags, runaway documents. */
static int
visit(struct project *pj, const yaml_node_t *n)
{
	if (n == NULL)
		return cx_fail(pj, NULL, "malformed document");
	if (++pj->visits > COMPOSE_MAX_VISITS)
		return cx_fail(pj, n, "the document is too large to check "
		    "(more than %d nodes, aliases included)",
		    COMPOSE_MAX_VISITS);
	if (!tag_ok(n))
		return cx_fail(pj, n, "the YAML tag %.60s is refused",
		    (const char *)n->tag);
	return 0;
}

/* The text of a scalar node, or NULL. */
const char *
cx_sval(const yaml_node_t *n)
{
	if (n == NULL || n->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)n->data.scalar.value;
}

/* A scalar with interpolation done; caller frees; NULL = denied. */
char *
cx_str(struct project *pj, const yaml_node_t *n)
{
	const char *s = cx_sval(n), *err = NULL;
	char *v;

	if (s == NULL) {
		(void)cx_fail(pj, n, "a single value is expected here");
		return NULL;
	}
	if (memchr(s, '\0', n->data.scalar.length) != NULL) {
		(void)cx_fail(pj, n, "NUL byte in a value");
		return NULL;
	}
	if ((v = interp(&pj->env, s, &err)) == NULL)
		(void)cx_fail(pj, n, "\"%.100s\" needs %s; such values can not "
		    "be checked", s, err);
	return v;
}

static int
each_pair_at(struct project *pj, yaml_node_t *m, pairfn fn, void *arg,
    int depth);

/* A "<<" value: a mapping or a sequence of mappings, merged in. */
static int
merge(struct project *pj, yaml_node_t *v, pairfn fn, void *arg, int depth)
{
	yaml_node_item_t *it;

	if (v->type == YAML_MAPPING_NODE)
		return each_pair_at(pj, v, fn, arg, depth + 1);
	if (v->type != YAML_SEQUENCE_NODE)
		return cx_fail(pj, v, "a merge key needs a mapping");
	for (it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top; it++)
		if (each_pair_at(pj, cx_node(pj->cur, *it), fn, arg,
		    depth + 1) != 0)
			return -1;
	return 0;
}

/*
 * fn for every pair of mapping m and, recursively, of every mapping merged
 * into it with "<<": a key given both ways is seen twice, and both values
 * are checked (superset of any precedence rule).
 */
static int
each_pair_at(struct project *pj, yaml_node_t *m, pairfn fn, void *arg,
    int depth)
{
	yaml_node_pair_t *pr;
	yaml_node_t *k, *v;

	if (visit(pj, m) != 0)
		return -1;
	if (depth > COMPOSE_MAX_DEPTH)
		return cx_fail(pj, m, "nesting deeper than %d",
		    COMPOSE_MAX_DEPTH);
	if (m->type != YAML_MAPPING_NODE)
		return cx_fail(pj, m, "a mapping is expected here");
	for (pr = m->data.mapping.pairs.start;
	    pr < m->data.mapping.pairs.top; pr++) {
		k = cx_node(pj->cur, pr->key);
		v = cx_node(pj->cur, pr->value);
		if (visit(pj, k) != 0 || visit(pj, v) != 0)
			return -1;
		if (cx_sval(k) == NULL)
			return cx_fail(pj, k, "keys must be plain strings");
		if (strcmp(cx_sval(k), "<<") == 0) {
			if (merge(pj, v, fn, arg, depth) != 0)
				return -1;
		} else if (fn(pj, k, v, arg) != 0)
			return -1;
	}
	return 0;
}

int
cx_each_pair(struct project *pj, yaml_node_t *m, pairfn fn, void *arg)
{
	return each_pair_at(pj, m, fn, arg, 0);
}

/* fn for each item of a sequence, or for n itself if it is a scalar. */
int
cx_each_item(struct project *pj, yaml_node_t *n, itemfn fn, void *arg)
{
	yaml_node_item_t *it;

	if (visit(pj, n) != 0)
		return -1;
	if (n->type == YAML_SCALAR_NODE)
		return fn(pj, n, arg);
	if (n->type != YAML_SEQUENCE_NODE)
		return cx_fail(pj, n, "a list is expected here");
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++) {
		if (visit(pj, cx_node(pj->cur, *it)) != 0 ||
		    fn(pj, cx_node(pj->cur, *it), arg) != 0)
			return -1;
	}
	return 0;
}

static yaml_node_t *
get_at(const struct cfile *f, yaml_node_t *m, const char *key, int depth)
{
	yaml_node_pair_t *pr;
	yaml_node_item_t *it;
	yaml_node_t *v = NULL, *mv;
	const char *k;

	if (m == NULL || m->type != YAML_MAPPING_NODE)
		return NULL;
	for (pr = m->data.mapping.pairs.start;
	    pr < m->data.mapping.pairs.top; pr++)
		if ((k = cx_sval(cx_node(f, pr->key))) != NULL &&
		    strcmp(k, key) == 0)
			v = cx_node(f, pr->value);
	if (v != NULL || depth >= COMPOSE_MAX_DEPTH)
		return v;
	for (pr = m->data.mapping.pairs.start;
	    pr < m->data.mapping.pairs.top && v == NULL; pr++) {
		if ((k = cx_sval(cx_node(f, pr->key))) == NULL ||
		    strcmp(k, "<<") != 0 || (mv = cx_node(f, pr->value)) == NULL)
			continue;
		if (mv->type == YAML_MAPPING_NODE)
			v = get_at(f, mv, key, depth + 1);
		else if (mv->type == YAML_SEQUENCE_NODE)
			for (it = mv->data.sequence.items.start;
			    it < mv->data.sequence.items.top && v == NULL; it++)
				v = get_at(f, cx_node(f, *it), key, depth + 1);
	}
	return v;
}

/*
 * The value of key in mapping m as compose sees it: the last explicit
 * one, else the first mapping merged in with "<<" (in order, recursively)
 * that has it; NULL if none.  Files whose merge chains are deeper than
 * COMPOSE_MAX_DEPTH are refused when loaded (check_merges), so that bound
 * never hides a key here.
 */
yaml_node_t *
cx_get(const struct cfile *f, yaml_node_t *m, const char *key)
{
	return get_at(f, m, key, 0);
}

/* A bool as compose reads it: false only for n, no, false, off. */
int
cx_truthy(const char *s)
{
	return strcasecmp(s, "false") != 0 && strcasecmp(s, "no") != 0 &&
	    strcasecmp(s, "n") != 0 && strcasecmp(s, "off") != 0;
}

/* ------------------------------------------------------------------ */
/* The checks of docker run and build, through the decision */

typedef int (*flagfn)(void *, const struct flagval *);

static int
hook(struct project *pj, const yaml_node_t *n, const char *cmd,
    const char *flag, const char *value, flagfn fn)
{
	struct flagval fv;

	if (!pj->judge)
		return 0;	/* a service the subcommand does not act on */
	fv.def = commands_flag(commands_find(cmd), flag);
	if (fv.def == NULL)
		return cx_fail(pj, n, "no --%s in docker %s", flag, cmd);
	fv.value = (char *)value;
	if (fn(pj->h->ctx, &fv) != 0)
		return cx_refail(pj, n);
	if (strcmp(cmd, RUN_CMD) == 0)
		pj->limits_set |= reslimits_flag_sets(&fv);
	return 0;
}

int
cx_hook_flag(struct project *pj, const yaml_node_t *n, const char *cmd,
    const char *flag, const char *value)
{
	return hook(pj, n, cmd, flag, value, pj->h->flag);
}

int
cx_run_flag(struct project *pj, const yaml_node_t *n, const char *flag,
    const char *value)
{
	return hook(pj, n, RUN_CMD, flag, value, pj->h->flag);
}

int
cx_run_named(struct project *pj, const yaml_node_t *n, const char *flag,
    const char *value)
{
	return hook(pj, n, RUN_CMD, flag, value, pj->h->named);
}

int
cx_hook_tag(struct project *pj, const yaml_node_t *n, const char *ref)
{
	if (pj->judge &&
	    pj->h->tag(pj->h->ctx, "the build of this service", ref) != 0)
		return cx_refail(pj, n);
	return 0;
}

int
cx_hook_image(struct project *pj, const yaml_node_t *n, const char *ref)
{
	if (pj->judge && pj->h->image(pj->h->ctx, ref) != 0)
		return cx_refail(pj, n);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Top-level definitions */

/* volumes.NAME: a driver or driver options can mount host storage. */
static int
volume_def(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	yaml_node_t *d, *o;
	char *s = NULL;
	int r;

	(void)arg;
	pj->key = "volumes";
	if (v->type != YAML_MAPPING_NODE)
		return 0;	/* "name:" or "name: {}": a local volume */
	d = cx_get(pj->cur, v, "driver");
	o = cx_get(pj->cur, v, "driver_opts");
	if (d == NULL && o == NULL)
		return 0;
	/* compose creates it as volume create -o would: options bind any
	 * host path (host-mounts), and a driver is volume-drivers */
	if (o != NULL && cx_hook_flag(pj, o, "volume create", "opt",
	    "driver_opts") != 0)
		return -1;
	if (d != NULL && (s = cx_str(pj, d)) == NULL)
		return -1;
	r = cx_run_flag(pj, d != NULL ? d : o, "volume-driver",
	    s != NULL ? s : "local");
	free(s);
	(void)k;
	return r;
}

/* networks.NAME: no host network, no drivers that reach the host LAN. */
static int
network_def(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	yaml_node_t *d, *n, *e;
	char *s = NULL;
	int r = 0;

	(void)arg;
	pj->key = "networks";
	if (v->type != YAML_MAPPING_NODE)
		return 0;
	if (cx_get(pj->cur, v, "driver_opts") != NULL)
		return cx_fail(pj, v, "network driver options are refused");
	n = cx_get(pj->cur, v, "name");
	e = cx_get(pj->cur, v, "external");
	/* the deprecated external: {name: X} names it when name: does not */
	if (n == NULL && e != NULL && e->type == YAML_MAPPING_NODE)
		n = cx_get(pj->cur, e, "name");
	if (n != NULL && (s = cx_str(pj, n)) == NULL)
		return -1;
	if ((s != NULL && strcmp(s, "host") == 0) ||
	    (s == NULL && e != NULL && strcmp(cx_sval(k), "host") == 0))
		r = cx_run_flag(pj, v, "network", "host");
	free(s);
	s = NULL;
	if (r == 0 && (d = cx_get(pj->cur, v, "driver")) != NULL) {
		if ((s = cx_str(pj, d)) == NULL)
			return -1;
		if (strcmp(s, "host") == 0)
			r = cx_run_flag(pj, d, "network", "host");
		else if (strcmp(s, "bridge") != 0 && strcmp(s, "overlay") != 0)
			r = cx_fail(pj, d, "the network driver %.60s is "
			    "refused (it can reach host networks)", s);
	}
	free(s);
	return r;
}

/*
 * The engine name one top-level definition d of network key gives it
 * (pushed to names): name:, external: {name:}, the key for external:
 * true, else "<project>_<key>".  -1 if a name cannot be read.
 */
static int
network_real(struct project *pj, yaml_node_t *d, const char *key,
    struct strv *names)
{
	yaml_node_t *n = NULL, *e = NULL;
	char *s = NULL;

	if (d->type == YAML_MAPPING_NODE) {
		n = cx_get(pj->cur, d, "name");
		e = cx_get(pj->cur, d, "external");
		if (n == NULL && e != NULL && e->type == YAML_MAPPING_NODE)
			n = cx_get(pj->cur, e, "name");
	}
	if (n != NULL) {
		if ((s = cx_str(pj, n)) == NULL)
			return -1;
	} else if (e != NULL && e->type == YAML_SCALAR_NODE) {
		if ((s = cx_str(pj, e)) == NULL)
			return -1;
		if (cx_truthy(s) && *s != '\0') {
			free(s);
			s = xstrdup(key);
		} else {
			free(s);
			s = NULL;
		}
	}
	if (s == NULL)
		s = xasprintf("%s_%s", pj->name != NULL ? pj->name : "", key);
	if (strv_has(names, s))
		free(s);
	else
		strv_take(names, s);
	return 0;
}

int
cx_network_key(struct project *pj, const yaml_node_t *n, const char *key,
    int implicit)
{
	const struct cfile *cur = pj->cur;
	struct strv names = { NULL, 0, 0 };
	yaml_node_t *root, *d;
	size_t i;
	int r = 0;

	if (!pj->judge || pj->h->network == NULL)
		return 0;
	for (i = 0; i < pj->nfiles && r == 0; i++) {
		pj->cur = pj->files[i];
		root = yaml_document_get_root_node(&pj->files[i]->doc);
		d = cx_get(pj->cur, cx_get(pj->cur, root, "networks"), key);
		if (d != NULL)
			r = network_real(pj, d, key, &names);
	}
	pj->cur = cur;
	if (r == 0 && names.n == 0)	/* undefined: compose's own name */
		strv_take(&names, xasprintf("%s_%s", pj->name != NULL ?
		    pj->name : "", key));
	for (i = 0; i < names.n && r == 0; i++)
		if (pj->h->network(pj->h->ctx, names.v[i], implicit) != 0)
			r = cx_refail(pj, n);
	strv_free(&names);
	return r;
}

static char *extends_of(struct project *, yaml_node_t *);

/* What one definition says of its networks: 1 names one, 2 may reset. */
static int
def_networked(const struct cfile *f, yaml_node_t *v)
{
	yaml_node_t *n = cx_get(f, v, "networks"), *m = cx_get(f, v,
	    "network_mode");
	int r = 0;

	if ((n != NULL && n->tag != NULL && strncmp((const char *)n->tag,
	    "tag:yaml.org,2002:", 18) != 0) || (m != NULL && m->tag != NULL &&
	    strncmp((const char *)m->tag, "tag:yaml.org,2002:", 18) != 0))
		return 2;
	if (n != NULL && ((n->type == YAML_SEQUENCE_NODE &&
	    n->data.sequence.items.start < n->data.sequence.items.top) ||
	    (n->type == YAML_MAPPING_NODE &&
	    n->data.mapping.pairs.start < n->data.mapping.pairs.top)))
		r = 1;
	if (cx_sval(m) != NULL && *cx_sval(m) != '\0')
		r = 1;
	return r;
}

static void	queue_extended(struct project *, const struct svcdef *,
		    struct strv *);

int
cx_joins_default(struct project *pj, const char *name)
{
	const struct cfile *cur = pj->cur;
	struct strv names = { NULL, 0, 0 };
	const struct svcdef *d;
	size_t i, j;
	int named = 0, reset = 0, w;

	strv_push(&names, name);
	for (i = 0; i < names.n; i++)
		for (j = 0; j < pj->ndefs; j++) {
			d = &pj->defs[j];
			if (strcmp(d->name, names.v[i]) != 0 ||
			    d->v->type != YAML_MAPPING_NODE)
				continue;
			pj->cur = d->f;
			w = def_networked(d->f, d->v);
			named |= w == 1;
			reset |= w == 2;
			queue_extended(pj, d, &names);
		}
	pj->cur = cur;
	strv_free(&names);
	return !named || reset;
}

/* secrets/configs.NAME.file: inside the project. */
static int
file_def(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	yaml_node_t *f;
	char *s;
	int r;

	(void)k;
	pj->key = arg;
	if (v->type != YAML_MAPPING_NODE ||
	    (f = cx_get(pj->cur, v, "file")) == NULL)
		return 0;
	if ((s = cx_str(pj, f)) == NULL)
		return -1;
	r = cx_resource(pj, f, s, NULL, CX_ANY);
	free(s);
	return r;
}

/*
 * One service: held to the rule's checks if the subcommand acts on it,
 * else only the files it names are checked (cx_hook_* skip the rest).
 */
static int
judge_service(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	int r;

	pj->judge = pj->starting && strv_has(&pj->acted, cx_sval(k));
	r = cx_check_service(pj, k, v, arg);
	pj->judge = 1;
	return r;
}

/*
 * Top-level keys.  Volumes and networks are created by the subcommands
 * that start or create (all of them, whichever services are named:
 * compose creates the project's), never by the others.
 */
static int
top_pair(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	const char *key = cx_sval(k);
	int r = 0;

	(void)arg;
	if (strncmp(key, "x-", 2) == 0 || strcmp(key, "version") == 0 ||
	    strcmp(key, "name") == 0 || strcmp(key, "include") == 0 ||
	    (v->type == YAML_SCALAR_NODE && *cx_sval(v) == '\0'))
		return 0;	/* include: loaded and checked by gather */
	if (strcmp(key, "services") == 0)
		r = cx_each_pair(pj, v, judge_service, NULL);
	else if (strcmp(key, "volumes") == 0)
		r = pj->starting ? cx_each_pair(pj, v, volume_def, NULL) : 0;
	else if (strcmp(key, "networks") == 0)
		r = pj->starting ? cx_each_pair(pj, v, network_def, NULL) : 0;
	else if (strcmp(key, "secrets") == 0 || strcmp(key, "configs") == 0)
		r = cx_each_pair(pj, v, file_def, (void *)key);
	else
		r = cx_fail(pj, k, "unknown top-level key %.60s (refused)",
		    key);
	pj->key = NULL;
	return r;
}

/* ------------------------------------------------------------------ */
/* Loading */

static int merge_levels(yaml_document_t *, yaml_node_t *, int *, int);

/* The deepest merge level of a "<<" value (a mapping or a list of them). */
static int
merged_levels(yaml_document_t *d, yaml_node_t *mv, int *memo, int depth)
{
	yaml_node_item_t *it;
	yaml_node_t *c;
	int best = 0, l;

	if (mv->type == YAML_MAPPING_NODE)
		return merge_levels(d, mv, memo, depth);
	if (mv->type != YAML_SEQUENCE_NODE)
		return 0;
	for (it = mv->data.sequence.items.start;
	    it < mv->data.sequence.items.top; it++) {
		if ((c = yaml_document_get_node(d, *it)) == NULL ||
		    c->type != YAML_MAPPING_NODE)
			continue;
		if ((l = merge_levels(d, c, memo, depth)) < 0)
			return -1;
		if (l > best)
			best = l;
	}
	return best;
}

/*
 * How many "<<" levels lie below mapping m, reached through depth levels
 * (memo by node: 0 unknown, -1 on the current path, else levels + 1); -1
 * for a cycle or more than COMPOSE_MAX_DEPTH levels, which the recursion
 * never goes beyond.
 */
static int
merge_levels(yaml_document_t *d, yaml_node_t *m, int *memo, int depth)
{
	size_t i = (size_t)(m - d->nodes.start);
	yaml_node_pair_t *pr;
	yaml_node_t *k, *mv;
	int best = 0, l;

	if (memo[i] != 0)
		return memo[i] < 0 ? -1 : memo[i] - 1;
	if (depth > COMPOSE_MAX_DEPTH)
		return -1;
	memo[i] = -1;
	for (pr = m->data.mapping.pairs.start;
	    pr < m->data.mapping.pairs.top; pr++) {
		k = yaml_document_get_node(d, pr->key);
		if (k == NULL || k->type != YAML_SCALAR_NODE ||
		    strcmp((const char *)k->data.scalar.value, "<<") != 0 ||
		    (mv = yaml_document_get_node(d, pr->value)) == NULL)
			continue;
		if ((l = merged_levels(d, mv, memo, depth + 1)) < 0 ||
		    l + 1 > COMPOSE_MAX_DEPTH)
			return -1;
		if (l + 1 > best)
			best = l + 1;
	}
	memo[i] = best + 1;
	return best;
}

/* Merge chains within COMPOSE_MAX_DEPTH and without cycles (cx_get). */
static int
check_merges(struct project *pj, yaml_document_t *d)
{
	size_t i, n = (size_t)(d->nodes.top - d->nodes.start);
	int *memo = xcalloc(n > 0 ? n : 1, sizeof(*memo)), r = 0;

	for (i = 0; i < n && r == 0; i++)
		if (d->nodes.start[i].type == YAML_MAPPING_NODE &&
		    merge_levels(d, d->nodes.start + i, memo, 0) < 0)
			r = cx_fail(pj, d->nodes.start + i, "merge keys (<<) "
			    "nested deeper than %d, or in a cycle",
			    COMPOSE_MAX_DEPTH);
	free(memo);
	return r;
}

/*
 * One YAML document, whose merge keys cx_get can follow.  Compose merges
 * every document of a file ("---"), so a file of more than one is refused
 * rather than checked in part.
 */
static int
parse_yaml(struct project *pj, struct cfile *f, const char *buf, size_t len)
{
	yaml_parser_t p;
	yaml_document_t more;
	int ok, extra = 0;

	if (!yaml_parser_initialize(&p))
		return cx_fail(pj, NULL, "out of memory");
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	ok = yaml_parser_load(&p, &f->doc);
	if (ok && (ok = yaml_parser_load(&p, &more)) != 0) {
		extra = yaml_document_get_root_node(&more) != NULL;
		yaml_document_delete(&more);
	}
	if (!ok || extra) {
		yaml_document_delete(&f->doc);
		memset(&f->doc, 0, sizeof(f->doc));
		if (extra)
			(void)cx_fail(pj, NULL, "more than one YAML document "
			    "(\"---\"): compose merges them all; give one");
		else
			(void)cx_fail(pj, NULL, "line %lu: %s", (unsigned long)
			    p.problem_mark.line + 1, p.problem != NULL ?
			    p.problem : "YAML error");
	}
	yaml_parser_delete(&p);
	if (ok && !extra && check_merges(pj, &f->doc) != 0)
		return -1;
	return ok && !extra ? 0 : -1;
}

/*
 * Load path (absolute) as a compose file whose relative paths are against
 * dir and whose resources stay in root.  A file loaded before is not loaded
 * again: *out is NULL.  *seen (if not NULL) is the file's index in
 * pj->files either way.  n is where it was named, for messages.
 */
static int
load(struct project *pj, const yaml_node_t *n, const char *path,
    const char *dir, const char *root, struct cfile **out, size_t *seen)
{
	struct cfile *f;
	char *rp = NULL, *buf = NULL;
	size_t len, i;
	int e;

	*out = NULL;
	if ((e = examine(pj, n, path, &rp, &buf, &len)) != 0)
		return e < 0 ? -1 : cx_fail(pj, n, "%s does not exist", path);
	for (i = 0; i < pj->nfiles; i++)
		if (strcmp(pj->files[i]->path, rp) == 0) {
			pj->files[i]->tmpl &= pj->tmpl;
			if (seen != NULL)
				*seen = i;
			free(rp);
			free(buf);
			return 0;
		}
	if (buf == NULL || !inside(root, rp) ||
	    pj->nfiles >= COMPOSE_MAX_FILES) {
		e = cx_fail(pj, n, buf == NULL ? "%s is not a file" :
		    !inside(root, rp) ? "%s is outside the project "
		    "directory" : "%s: too many compose files", rp);
		free(rp);
		free(buf);
		return e;
	}
	pj->files = xreallocarray(pj->files, pj->nfiles + 1,
	    sizeof(*pj->files));
	f = pj->files[pj->nfiles++] = xcalloc(1, sizeof(*f));
	f->path = rp;
	f->dir = xstrdup(dir);
	f->root = xstrdup(root);
	f->tmpl = pj->tmpl;
	e = parse_yaml(pj, f, buf, len);
	free(buf);
	*out = f;
	if (seen != NULL)
		*seen = pj->nfiles - 1;
	return e;
}

static int gather(struct project *, struct cfile *, int);

/* Load a file that include/extends names, in some project directory. */
static int
load_named(struct project *pj, yaml_node_t *n, const char *given,
    const char *pdir, int depth)
{
	const struct cfile *cur = pj->cur;
	struct cfile *f;
	char *p, *root = NULL, *dir = NULL;
	int r = -1;

	if (compose_is_remote(given) || strncmp(given, "oci:", 4) == 0)
		return cx_fail(pj, n, "remote compose files (%.200s) are "
		    "refused", given);
	if ((p = cx_join(cur->dir, given)) == NULL)
		return cx_fail(pj, n, "cannot read the path %.200s", given);
	if ((root = project_root(pj, p)) == NULL) {
		r = cx_fail(pj, n, "%s is not inside a directory of this "
		    "rule's projects", p);
		goto out;
	}
	dir = pdir != NULL ? cx_join(cur->dir, pdir) : dirname_of(p);
	if (dir == NULL || !inside(root, dir)) {
		r = cx_fail(pj, n, "the project directory of %s is outside "
		    "%s", p, root);
		goto out;
	}
	if (load(pj, n, p, dir, root, &f, NULL) == 0)
		r = f == NULL ? 0 : gather(pj, f, depth + 1);
	pj->cur = cur;
out:
	free(p);
	free(root);
	free(dir);
	return r;
}

struct incl {
	int		 depth;
	char		*pdir;
};

/*
 * Compose interpolates an included file with the project's variables plus
 * those of a .env in the include's own project directory (or its
 * env_file, refused in include_item).  The gateway interpolates with the
 * project's .env only, so an include whose directory holds another .env
 * is refused rather than checked with the wrong values.
 */
static int
include_env(struct project *pj, yaml_node_t *n, const char *path,
    const char *pdir)
{
	char *p, *dir, *env, *rp = NULL, *content = NULL;
	size_t len;
	int e, r = 0;

	if ((p = cx_join(pj->cur->dir, path)) == NULL)
		return cx_fail(pj, n, "cannot read the path %.200s", path);
	dir = pdir != NULL ? cx_join(pj->cur->dir, pdir) : dirname_of(p);
	free(p);
	if (dir == NULL)
		return cx_fail(pj, n, "cannot read the path %.200s", path);
	if (strcmp(dir, pj->dir) != 0) {
		env = xasprintf("%s/.env", dir);
		if ((e = examine(pj, n, env, &rp, &content, &len)) == 0)
			r = cx_fail(pj, n, "%s would add its variables to "
			    "those of the included file, and the gateway "
			    "interpolates with the project's .env only", env);
		else if (e < 0)
			r = -1;
		free(env);
		free(rp);
		free(content);
	}
	free(dir);
	return r;
}

static int
include_path(struct project *pj, yaml_node_t *n, void *arg)
{
	struct incl *in = arg;
	char *s;
	int r, tmpl = pj->tmpl;

	if ((s = cx_str(pj, n)) == NULL)
		return -1;
	r = include_env(pj, n, s, in->pdir);
	pj->tmpl = 0;		/* included: the project's own services */
	if (r == 0)
		r = load_named(pj, n, s, in->pdir, in->depth);
	pj->tmpl = tmpl;
	free(s);
	return r;
}

/* include: PATH, or {path: PATH|[...], project_directory, env_file}. */
static int
include_item(struct project *pj, yaml_node_t *n, void *arg)
{
	struct incl in = { *(int *)arg, NULL };
	yaml_node_t *pd, *ef;
	int r;

	if (n->type != YAML_MAPPING_NODE)
		return include_path(pj, n, &in);
	pj->key = "include";
	if ((ef = cx_get(pj->cur, n, "env_file")) != NULL)
		return cx_fail(pj, ef, "an include's env_file adds variables "
		    "to those of the included file, and the gateway "
		    "interpolates with the project's .env only");
	if ((pd = cx_get(pj->cur, n, "project_directory")) != NULL &&
	    (in.pdir = cx_str(pj, pd)) == NULL)
		return -1;
	if (cx_get(pj->cur, n, "path") == NULL)
		r = cx_fail(pj, n, "include needs a path");
	else
		r = cx_each_item(pj, cx_get(pj->cur, n, "path"),
		    include_path, &in);
	free(in.pdir);
	return r;
}

/* services.NAME: record it; load the file its extends names. */
static int
gather_service(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	yaml_node_t *e, *f;
	char *s;
	int r = 0, tmpl;

	if (!strv_has(&pj->services, cx_sval(k)))
		strv_push(&pj->services, cx_sval(k));
	pj->defs = xreallocarray(pj->defs, pj->ndefs + 1, sizeof(*pj->defs));
	pj->defs[pj->ndefs].name = cx_sval(k);
	pj->defs[pj->ndefs].f = pj->cur;
	pj->defs[pj->ndefs++].v = v;
	if (v->type != YAML_MAPPING_NODE)
		return 0;
	if (cx_get(pj->cur, v, "build") != NULL &&
	    !strv_has(&pj->built, cx_sval(k)))
		strv_push(&pj->built, cx_sval(k));
	if ((e = cx_get(pj->cur, v, "extends")) == NULL ||
	    (f = cx_get(pj->cur, e, "file")) == NULL)
		return 0;
	pj->svc = cx_sval(k);
	pj->key = "extends";
	if ((s = cx_str(pj, f)) == NULL)
		return -1;
	tmpl = pj->tmpl;
	pj->tmpl = 1;		/* a file extends copies services from */
	r = load_named(pj, f, s, NULL, *(int *)arg);
	pj->tmpl = tmpl;
	free(s);
	pj->svc = NULL;
	return r;
}

/*
 * Pass 1: services, and every file include/extends load.  The project
 * name is not taken here: only the project's own files name it.
 */
static int
gather(struct project *pj, struct cfile *f, int depth)
{
	yaml_node_t *root, *n;

	pj->cur = f;
	if (depth > NEST_MAX)
		return cx_fail(pj, NULL, "include/extends nested deeper "
		    "than %d", NEST_MAX);
	if ((root = yaml_document_get_root_node(&f->doc)) == NULL)
		return 0;
	if (root->type != YAML_MAPPING_NODE)
		return cx_fail(pj, root, "a compose file must be a mapping");
	if ((n = cx_get(f, root, "include")) != NULL &&
	    cx_each_item(pj, n, include_item, &depth) != 0)
		return -1;
	pj->cur = f;
	pj->key = NULL;
	if ((n = cx_get(f, root, "services")) != NULL &&
	    cx_each_pair(pj, n, gather_service, &depth) != 0)
		return -1;
	pj->cur = f;
	pj->key = NULL;
	return 0;
}

/* ------------------------------------------------------------------ */
/* The project */

static void
all_values(const struct flagval *fv, size_t n, const char *name,
    struct strv *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(commands_flag_canon(fv[i].def), name) == 0)
			strv_push(out, fv[i].value);
}

static const char *
cwd_of(const struct project *pj)
{
	return pj->res->cwd != NULL ? pj->res->cwd : "/";
}

/* The working directory: --project-directory, the first -f's, or cwd. */
static int
project_dir(struct project *pj, const struct strv *files)
{
	const char *pd = grammar_last_value(pj->req->gflags, pj->req->ngflags,
	    "project-directory");
	char *w, *rp = NULL, *content = NULL, *d;
	size_t len;
	int e;

	if (pd != NULL)
		w = cx_join(cwd_of(pj), pd);
	else if (files->n > 0 &&
	    (d = cx_join(cwd_of(pj), files->v[0])) != NULL) {
		w = dirname_of(d);
		free(d);
	} else
		w = xstrdup(cwd_of(pj));
	if (w == NULL)
		return cx_fail(pj, NULL, "cannot read the project directory");
	e = examine(pj, NULL, w, &rp, &content, &len);
	if (e == 0 && content == NULL &&
	    pj->h->rule_has(pj->h->ctx, CA_PROJECT, rp))
		pj->dir = xstrdup(rp);
	if (e == 0 && pj->dir == NULL)
		(void)cx_fail(pj, NULL, "the project directory %s is not in "
		    "this rule's projects", rp);
	else if (e > 0)
		(void)cx_fail(pj, NULL, "the project directory %s does not "
		    "exist", w);
	free(w);
	free(rp);
	free(content);
	return pj->dir != NULL ? 0 : -1;
}

/* The .env files: --env-file, else .env of the project directory. */
static int
load_env(struct project *pj)
{
	struct strv ef = { NULL, 0, 0 };
	char *p, *rp = NULL, *content = NULL;
	size_t len, i;
	int e, r = 0, given;

	all_values(pj->req->gflags, pj->req->ngflags, "env-file", &ef);
	if (!(given = ef.n > 0))
		strv_take(&ef, xasprintf("%s/.env", pj->dir));
	for (i = 0; i < ef.n && r == 0; i++) {
		if ((p = cx_join(cwd_of(pj), ef.v[i])) == NULL)
			return cx_fail(pj, NULL, "cannot read %s", ef.v[i]);
		if ((e = examine(pj, NULL, p, &rp, &content, &len)) < 0)
			r = -1;
		else if (e > 0 && given)
			r = cx_fail(pj, NULL, "the env file %s does not exist",
			    p);
		else if (e == 0 && (content == NULL || !inside(pj->dir, rp)))
			r = cx_fail(pj, NULL, "the env file %s is not a file "
			    "in the project directory", p);
		else if (e == 0 && (r = envfile_ok(pj, NULL, p, content,
		    len)) == 0)
			dotenv_parse(&pj->env, content);
		free(rp);
		free(content);
		rp = content = NULL;
		free(p);
	}
	strv_free(&ef);
	return r;
}

/*
 * Without --project-directory, compose takes the directory of the first
 * COMPOSE_FILE entry as the project's (compose-go GetWorkingDir): its
 * name, its .env, the base of relative paths.  Only the project
 * directory itself is accepted.
 */
static int
compose_file_dir(struct project *pj, const struct strv *files)
{
	char *p, *d;
	int r = 0;

	if (files->n == 0 || grammar_last_value(pj->req->gflags,
	    pj->req->ngflags, "project-directory") != NULL)
		return 0;
	if ((p = cx_join(cwd_of(pj), files->v[0])) == NULL)
		return cx_fail(pj, NULL, "cannot read %s", files->v[0]);
	d = dirname_of(p);
	if (strcmp(d, pj->dir) != 0)
		r = cx_fail(pj, NULL, "COMPOSE_FILE entry %s: compose would "
		    "take %s as the project directory, not %s", files->v[0],
		    d, pj->dir);
	free(d);
	free(p);
	return r;
}

/* The compose files: -f, else COMPOSE_FILE from .env; never stdin. */
static int
file_list(struct project *pj, struct strv *files)
{
	const char *cf = env_get(&pj->env, "COMPOSE_FILE", 12);
	const char *sep = env_get(&pj->env, "COMPOSE_PATH_SEPARATOR", 22);
	char *copy, *t, *save = NULL;
	size_t i;

	if (files->n == 0 && cf != NULL) {
		if (strchr(cf, '$') != NULL)
			return cx_fail(pj, NULL, "COMPOSE_FILE in .env is "
			    "interpolated and can not be checked");
		copy = xstrdup(cf);
		for (t = strtok_r(copy, sep != NULL && *sep ? sep : ":", &save);
		    t != NULL; t = strtok_r(NULL, sep != NULL && *sep ? sep :
		    ":", &save))
			strv_push(files, t);
		free(copy);
		/* compose makes these absolute against its own cwd */
		for (i = 0; i < files->n; i++)
			if (files->v[i][0] != '/' &&
			    strcmp(cwd_of(pj), pj->dir) != 0)
				return cx_fail(pj, NULL, "COMPOSE_FILE entry "
				    "%s is relative; give absolute paths",
				    files->v[i]);
		if (compose_file_dir(pj, files) != 0)
			return -1;
	}
	for (i = 0; i < files->n; i++)
		if (strcmp(files->v[i], "-") == 0)
			return cx_fail(pj, NULL, "a compose file on standard "
			    "input can not be checked");
	return 0;
}

/* Every default and override file present in the project directory. */
static int
default_files_of(struct project *pj, struct strv *files)
{
	const char *const *lists[] = { default_files, override_files };
	char *p, *rp, *content;
	size_t len, i, l;
	int e, found = 0;

	for (l = 0; l < 2; l++)
		for (i = 0; lists[l][i] != NULL; i++) {
			p = xasprintf("%s/%s", pj->dir, lists[l][i]);
			e = examine(pj, NULL, p, &rp, &content, &len);
			if (e < 0) {
				free(p);
				return -1;
			}
			if (e == 0) {
				found += l == 0;
				strv_push(files, p);
				free(rp);
				free(content);
			}
			free(p);
		}
	if (!found)
		return cx_fail(pj, NULL, "no compose file in the project "
		    "directory %s (parent directories are not searched)",
		    pj->dir);
	return 0;
}

/* compose-go NormalizeProjectName: lower case, [a-z0-9_-], no lead _-. */
static char *
normalize_name(const char *s)
{
	char *out = xcalloc(strlen(s) + 1, 1), *o = out;

	for (; *s != '\0'; s++) {
		char c = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    ((c == '_' || c == '-') && o != out))
			*o++ = c;
	}
	return out;
}

/* 1 if a name: value is one compose skips (empty or null). */
static int
name_unset(const yaml_node_t *n)
{
	static const char *const null[] = { "", "~", "null", "Null", "NULL",
	    NULL };
	size_t i;

	if (n->type != YAML_SCALAR_NODE)
		return 0;
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return n->data.scalar.length == 0;
	for (i = 0; null[i] != NULL; i++)
		if (strcmp(cx_sval(n), null[i]) == 0)
			return 1;
	return 0;
}

/*
 * The name: of the project's own files, as compose-go's loader takes it:
 * the last file whose name: is set, interpolated, normalized.  Included
 * and extended files never name the project.  NULL with *denied 0 when
 * none is set.
 */
static char *
name_of_files(struct project *pj, int *denied)
{
	const yaml_node_t *n = NULL, *v;
	const struct cfile *nf = NULL;
	struct cfile *f;
	char *s, *name;
	size_t i;

	*denied = 0;
	for (i = 0; i < pj->nmain; i++) {
		f = pj->files[pj->mainf[i]];
		v = cx_get(f, yaml_document_get_root_node(&f->doc), "name");
		if (v != NULL && !name_unset(v)) {
			n = v;
			nf = f;
		}
	}
	if (n == NULL)
		return NULL;
	pj->cur = nf;
	pj->key = "name";
	if ((s = cx_str(pj, n)) == NULL) {
		*denied = 1;
		return NULL;
	}
	name = normalize_name(s);
	if (*name == '\0') {
		*denied = 1;
		(void)cx_fail(pj, n, "the project name \"%.100s\" is empty "
		    "once normalized, and compose refuses it", s);
		free(name);
		name = NULL;
	}
	free(s);
	pj->cur = NULL;
	pj->key = NULL;
	return name;
}

/*
 * The project name as compose takes it (compose-go cli/options.go and
 * loader.projectName): -p; else COMPOSE_PROJECT_NAME (the gateway passes
 * no environment, so only the .env files' one), which compose refuses
 * unless already normalized; else the name: of the project's own files;
 * else the project directory's base name, normalized.  -p must be this
 * name: compose acts on the containers of the project -p names.
 */
static int
project_name(struct project *pj)
{
	const char *p = grammar_last_value(pj->req->gflags, pj->req->ngflags,
	    "project-name");
	const char *env = env_get(&pj->env, "COMPOSE_PROJECT_NAME", 20);
	const char *base = strrchr(pj->dir, '/') + 1;
	char *want = NULL;
	int denied = 0;

	if (env != NULL && *env != '\0') {
		if (strchr(env, '$') != NULL)
			return cx_fail(pj, NULL, "COMPOSE_PROJECT_NAME in .env "
			    "is interpolated and can not be checked");
		want = normalize_name(env);
		if (strcmp(want, env) != 0) {
			free(want);
			return cx_fail(pj, NULL, "COMPOSE_PROJECT_NAME %.100s "
			    "in .env is not a valid project name", env);
		}
	} else if ((want = name_of_files(pj, &denied)) == NULL && !denied)
		want = normalize_name(base);
	if (want == NULL)
		return -1;
	free(pj->name);
	pj->name = want;
	if (*want == '\0')
		return cx_fail(pj, NULL, "the project directory %s gives an "
		    "empty project name", pj->dir);
	if (p != NULL && strcmp(p, want) != 0)
		return cx_fail(pj, NULL, "-p %.100s names another project than "
		    "%s (this project is %s)", p, pj->dir, want);
	return 0;
}

/* Load the project's own files and, through them, include and extends. */
static int
load_project(struct project *pj)
{
	struct strv files = { NULL, 0, 0 };
	struct cfile *f;
	size_t seen = 0;
	char *p;
	size_t i;
	int r = -1;

	all_values(pj->req->gflags, pj->req->ngflags, "file", &files);
	for (i = 0; i < files.n; i++)
		if (strcmp(files.v[i], "-") == 0) {
			strv_free(&files);
			return cx_fail(pj, NULL, "a compose file on standard "
			    "input can not be checked");
		}
	if (project_dir(pj, &files) != 0 || load_env(pj) != 0 ||
	    file_list(pj, &files) != 0 ||
	    (files.n == 0 && default_files_of(pj, &files) != 0))
		goto out;
	for (i = 0; i < files.n; i++) {
		if ((p = cx_join(cwd_of(pj), files.v[i])) == NULL) {
			(void)cx_fail(pj, NULL, "cannot read %s", files.v[i]);
			goto out;
		}
		pj->cur = NULL;
		r = load(pj, NULL, p, pj->dir, pj->dir, &f, &seen);
		free(p);
		if (r == 0) {
			pj->mainf = xreallocarray(pj->mainf, pj->nmain + 1,
			    sizeof(size_t));
			pj->mainf[pj->nmain++] = seen;
		}
		if (r == 0 && f != NULL)
			r = gather(pj, f, 0);
		if (r != 0)
			goto out;
	}
	pj->cur = NULL;
	r = project_name(pj);
out:
	strv_free(&files);
	return r != 0 ? -1 : 0;
}

/* Pass 2: every loaded file, whole. */
static int
check_files(struct project *pj)
{
	yaml_node_t *root;
	size_t i;

	for (i = 0; i < pj->nfiles; i++) {
		pj->cur = pj->files[i];
		root = yaml_document_get_root_node(&pj->files[i]->doc);
		if (root != NULL && cx_each_pair(pj, root, top_pair, NULL) != 0)
			return -1;
	}
	pj->cur = NULL;
	return 0;
}

/* compose run -v: compose reads relative sources against the project. */
static int
check_run_volumes(struct project *pj)
{
	const struct request *q = pj->req;
	size_t i;

	for (i = 0; i < q->nflags; i++)
		if (q->flags[i].def->kind == VK_VOLUME &&
		    strchr(".~", q->flags[i].value[0]) != NULL &&
		    q->flags[i].value[0] != '\0')
			return cx_fail(pj, NULL, "--volume %.200s: relative "
			    "and \"~\" sources are refused; give an absolute "
			    "path",
			    q->flags[i].value);
	return 0;
}

/* ------------------------------------------------------------------ */
/* The services a subcommand acts on */

/* Push the profile names of a comma-separated list (trimmed). */
static void
push_profiles(struct strv *out, const char *list)
{
	char *copy = xstrdup(list), *t, *save = NULL, *e;

	for (t = strtok_r(copy, ",", &save); t != NULL;
	    t = strtok_r(NULL, ",", &save)) {
		while (*t == ' ' || *t == '\t')
			t++;
		for (e = t + strlen(t); e > t && (e[-1] == ' ' ||
		    e[-1] == '\t'); e--)
			;
		*e = '\0';
		if (*t != '\0')
			strv_push(out, t);
	}
	free(copy);
}

/*
 * The active profiles, a superset of compose's: every --profile (split at
 * commas too) and every COMPOSE_PROFILES of the .env files, whatever the
 * name's case (compose-go matches the variable's name without case).
 * The gateway passes compose no environment of the client's.
 */
static int
active_profiles(struct project *pj, struct strv *out)
{
	const struct request *q = pj->req;
	const char *e;
	size_t i;

	for (i = 0; i < q->ngflags; i++)
		if (strcmp(commands_flag_canon(q->gflags[i].def),
		    "profile") == 0)
			push_profiles(out, q->gflags[i].value);
	for (i = 0; i < pj->env.n; i++) {
		e = pj->env.v[i];
		if (strncasecmp(e, "COMPOSE_PROFILES=", 17) != 0)
			continue;
		if (strchr(e + 17, '$') != NULL)
			return cx_fail(pj, NULL, "COMPOSE_PROFILES in .env is "
			    "interpolated and can not be checked");
		push_profiles(out, e + 17);
	}
	return 0;
}

static int
profile_active(const struct strv *active, const char *p)
{
	size_t i;

	for (i = 0; i < active->n; i++)
		if (strcmp(active->v[i], "*") == 0 ||
		    strcasecmp(active->v[i], p) == 0)
			return 1;
	return 0;
}

/*
 * A profiles: value that keeps its service out: a non-empty list of
 * plain strings, none of them active.  Anything else (a tag such as
 * !reset, a variable the .env does not set, an empty name) may not.
 */
static int
profiles_off(struct project *pj, const yaml_node_t *v,
    const struct strv *active)
{
	const yaml_node_item_t *it;
	const yaml_node_t *n;
	const char *err;
	char *s;
	int off;

	if (v->type != YAML_SEQUENCE_NODE || (v->tag != NULL &&
	    strcmp((const char *)v->tag, YAML_DEFAULT_SEQUENCE_TAG) != 0) ||
	    v->data.sequence.items.start == v->data.sequence.items.top)
		return 0;
	for (it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top; it++) {
		n = cx_node(pj->cur, *it);
		if (cx_sval(n) == NULL || (n->tag != NULL && strcmp((const
		    char *)n->tag, YAML_DEFAULT_SCALAR_TAG) != 0) ||
		    (s = interp(&pj->env, cx_sval(n), &err)) == NULL)
			return 0;
		off = *s != '\0' && !profile_active(active, s);
		free(s);
		if (!off)
			return 0;
	}
	return 1;
}

struct offstate {
	const struct strv *active;
	struct strv	 bases;		/* the services extends copies */
	int		 base;		/* looking at a base: it may lack
					   profiles, or list none */
	int		 seen;		/* a profiles: key */
	int		 on;		/* something may make it active */
};

/* The service an extends value names (interpolated), or NULL. */
static char *
extends_of(struct project *pj, yaml_node_t *v)
{
	const char *err;

	if (v->type == YAML_MAPPING_NODE)
		v = cx_get(pj->cur, v, "service");
	if (cx_sval(v) == NULL)
		return NULL;
	return interp(&pj->env, cx_sval(v), &err);
}

/*
 * Walking a service and all it extends, to any depth: add to names the
 * service definition d extends, unless it is there already.
 */
static void
queue_extended(struct project *pj, const struct svcdef *d,
    struct strv *names)
{
	yaml_node_t *e = cx_get(d->f, d->v, "extends");
	char *b = e != NULL ? extends_of(pj, e) : NULL;

	if (b != NULL && !strv_has(names, b))
		strv_take(names, b);
	else
		free(b);
}

/* 1 for an untagged empty list: profiles: [] adds no profile. */
static int
empty_list(const yaml_node_t *v)
{
	return v->type == YAML_SEQUENCE_NODE && (v->tag == NULL ||
	    strcmp((const char *)v->tag, YAML_DEFAULT_SEQUENCE_TAG) == 0) &&
	    v->data.sequence.items.start == v->data.sequence.items.top;
}

static int
off_pair(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	struct offstate *o = arg;
	char *b;

	if (strcmp(cx_sval(k), "profiles") == 0) {
		o->seen = 1;
		if (!o->base || !empty_list(v))
			o->on |= !profiles_off(pj, v, o->active);
	} else if (strcmp(cx_sval(k), "extends") == 0) {
		if ((b = extends_of(pj, v)) == NULL)
			o->on = 1;
		else if (strv_has(&o->bases, b))
			free(b);
		else
			strv_take(&o->bases, b);
	}
	return 0;
}

/* Every definition of name, as off_pair sees it. */
static void
defs_off(struct project *pj, const char *name, struct offstate *o)
{
	size_t i;

	for (i = 0; i < pj->ndefs && !o->on; i++) {
		if (strcmp(pj->defs[i].name, name) != 0)
			continue;
		pj->cur = pj->defs[i].f;
		o->seen = 0;
		if (pj->defs[i].v->type != YAML_MAPPING_NODE ||
		    cx_each_pair(pj, pj->defs[i].v, off_pair, o) != 0 ||
		    (!o->seen && !o->base))
			o->on = 1;
	}
	pj->cur = NULL;
}

/*
 * 1 if compose would leave service name out: each of its definitions in
 * every file (merge keys followed, every profiles: key seen) has
 * profiles, none active; and every service it extends, to any depth,
 * lists no active profile either (extends may add the base's).  Holds
 * whichever way compose merges profiles across files and extends.
 */
static int
service_off(struct project *pj, const char *name, const struct strv *active)
{
	struct offstate o = { active, { NULL, 0, 0 }, 0, 0, 0 };
	size_t i;

	defs_off(pj, name, &o);
	o.base = 1;
	for (i = 0; i < o.bases.n && !o.on; i++)
		defs_off(pj, o.bases.v[i], &o);
	strv_free(&o.bases);
	return !o.on;
}

/* "service:NAME" -> NAME pushed; other values (container:, host) not. */
static void
push_service_ref(struct strv *out, const char *s)
{
	if (strncmp(s, "service:", 8) == 0)
		strv_push(out, s + 8);
}

/* One dependency value (a scalar): how the key names the service. */
static int
dep_item(struct project *pj, yaml_node_t *n, void *arg)
{
	struct strv *out = arg;
	const char *key = pj->key;
	char *s, *eq;

	if ((s = cx_str(pj, n)) == NULL)
		return -1;
	if (strcmp(key, "links") == 0 || strcmp(key, "volumes_from") == 0) {
		if (strncmp(s, "container:", 10) != 0) {
			s[strcspn(s, ":")] = '\0';
			strv_push(out, s);
		}
	} else if (strcmp(key, "additional_contexts") == 0) {
		eq = strchr(s, '=');
		push_service_ref(out, eq != NULL ? eq + 1 : s);
	} else if (strcmp(key, "depends_on") == 0 ||
	    strcmp(key, "extends") == 0 || strcmp(key, "service") == 0)
		strv_push(out, s);
	else
		push_service_ref(out, s);
	free(s);
	return 0;
}

/* depends_on: {NAME: {...}}: the keys are the services. */
static int
dep_key(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	(void)pj;
	(void)v;
	strv_push(arg, cx_sval(k));
	return 0;
}

/* additional_contexts: {NAME: VALUE}. */
static int
dep_ctx(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	(void)k;
	return dep_item(pj, v, arg);
}

/*
 * A key of an extends or build mapping that names a service: extends'
 * service, a build context or additional context service:NAME.
 */
static int
dep_sub(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	const char *key = cx_sval(k);

	pj->key = key;
	if (strcmp(key, "additional_contexts") == 0)
		return v->type == YAML_MAPPING_NODE ?
		    cx_each_pair(pj, v, dep_ctx, arg) :
		    cx_each_item(pj, v, dep_item, arg);
	if (strcmp(key, "service") == 0 || strcmp(key, "context") == 0)
		return cx_each_item(pj, v, dep_item, arg);
	return 0;
}

/*
 * A key of a service that makes compose act on another service too:
 * depends_on (short and long syntax), links, volumes_from a service,
 * network_mode/ipc/pid service:NAME, extends (the service it copies),
 * build contexts service:NAME.
 */
static int
dep_pair(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	static const char *const items[] = { "links", "volumes_from",
	    "network_mode", "ipc", "pid", NULL };
	const char *key = cx_sval(k);
	size_t i;

	pj->key = key;
	if (strcmp(key, "depends_on") == 0)
		return v->type == YAML_MAPPING_NODE ?
		    cx_each_pair(pj, v, dep_key, arg) :
		    cx_each_item(pj, v, dep_item, arg);
	if (strcmp(key, "extends") == 0 || strcmp(key, "build") == 0)
		return v->type == YAML_MAPPING_NODE ?
		    cx_each_pair(pj, v, dep_sub, arg) :
		    strcmp(key, "extends") == 0 ? dep_item(pj, v, arg) : 0;
	for (i = 0; items[i] != NULL; i++)
		if (strcmp(key, items[i]) == 0)
			return cx_each_item(pj, v, dep_item, arg);
	return 0;
}

/* The services definition d names as its dependencies (deps, unchecked). */
static int
def_deps(struct project *pj, const struct svcdef *d, struct strv *deps)
{
	int r = 0;

	pj->cur = d->f;
	pj->svc = d->name;
	if (d->v->type == YAML_MAPPING_NODE &&
	    cx_each_pair(pj, d->v, dep_pair, deps) != 0)
		r = -1;
	pj->key = NULL;
	return r;
}

/* 1 if a service of deps is acted on. */
static int
any_acted(const struct project *pj, const struct strv *deps)
{
	size_t i;

	for (i = 0; i < deps->n; i++)
		if (strv_has(&pj->acted, deps->v[i]))
			return 1;
	return 0;
}

/*
 * One round over the definitions: the dependencies of every service acted
 * on join pj->acted (each must be defined) and, for a subcommand that
 * acts on dependents too, every service that depends on one acted on.
 * deps caches each definition's dependencies (computed only when needed,
 * done[j] set).  Returns 1 if pj->acted grew, 0 if not, -1 if denied.
 */
static int
deps_round(struct project *pj, struct strv *deps, char *done, int dependents)
{
	const struct svcdef *d;
	size_t j, k;
	int grew = 0, in;

	for (j = 0; j < pj->ndefs; j++) {
		d = &pj->defs[j];
		if (!(in = strv_has(&pj->acted, d->name)) && !dependents)
			continue;
		if (!done[j] && def_deps(pj, d, &deps[j]) != 0)
			return -1;
		done[j] = 1;
		if (!in && any_acted(pj, &deps[j])) {
			strv_push(&pj->acted, d->name);
			grew = 1;
		}
		pj->cur = d->f;
		pj->svc = d->name;
		for (k = 0; in && k < deps[j].n; k++)
			if (!strv_has(&pj->services, deps[j].v[k]))
				return cx_fail(pj, NULL, "it depends on the "
				    "service %.100s, which no compose file of "
				    "the project defines", deps[j].v[k]);
			else if (!strv_has(&pj->acted, deps[j].v[k])) {
				strv_push(&pj->acted, deps[j].v[k]);
				grew = 1;
			}
	}
	return grew;
}

/*
 * 1 if a file of the project (not one loaded only for extends, whose
 * services are templates) defines service name.
 */
static int
own_service(const struct project *pj, const char *name)
{
	size_t i;

	for (i = 0; i < pj->ndefs; i++)
		if (strcmp(pj->defs[i].name, name) == 0 && !pj->defs[i].f->tmpl)
			return 1;
	return 0;
}

/*
 * The services named on the command line: the positionals the command
 * table marks P_SERVICE (scale's NAME=N by NAME) and up/create --scale.
 * Each must be a service of the project.
 */
static int
named_services(struct project *pj)
{
	const struct request *q = pj->req;
	const char *a;
	char *name;
	size_t i, n = q->nargs + q->nflags;
	int r = 0;

	for (i = 0; i < n && r == 0; i++) {
		if (i < q->nargs && (i == 0 ? q->cmd->pfirst :
		    q->cmd->prest) == P_SERVICE)
			a = q->args[i];
		else if (i >= q->nargs && strcmp(commands_flag_canon(
		    q->flags[i - q->nargs].def), "scale") == 0)
			a = q->flags[i - q->nargs].value;
		else
			continue;
		name = xstrndup(a, strcspn(a, "="));
		if (!strv_has(&pj->services, name))
			r = cx_fail(pj, NULL, "no service %.100s in this "
			    "project", name);
		else if (!strv_has(&pj->acted, name))
			strv_push(&pj->acted, name);
		free(name);
	}
	return r;
}

/*
 * pj->acted: the services named on the command line or, with none named,
 * every service an active profile (or none) enables; then, to a fixed
 * point, every service those depend on, whatever its profiles (compose
 * starts or refuses those; a cycle only adds its members), and for
 * restart and start (CMD_DEPENDENTS) every service that depends on one
 * of them.  A superset of what compose acts on: compose adds the named
 * services' profiles, and with --no-deps or a dependency that is not
 * required starts fewer.
 */
static int
acted_services(struct project *pj)
{
	struct strv active = { NULL, 0, 0 }, *deps;
	char *done;
	size_t i;
	int r = 0;

	if (named_services(pj) != 0)
		return -1;
	if (pj->acted.n == 0 && (r = active_profiles(pj, &active)) == 0)
		for (i = 0; i < pj->services.n; i++)
			if (own_service(pj, pj->services.v[i]) &&
			    !service_off(pj, pj->services.v[i], &active))
				strv_push(&pj->acted, pj->services.v[i]);
	strv_free(&active);
	deps = xcalloc(pj->ndefs + 1, sizeof(*deps));
	done = xcalloc(pj->ndefs + 1, 1);
	while (r == 0 && (r = deps_round(pj, deps, done,
	    (pj->req->cmd->traits & CMD_DEPENDENTS) != 0)) > 0)
		r = 0;
	for (i = 0; i < pj->ndefs; i++)
		strv_free(&deps[i]);
	free(deps);
	free(done);
	pj->cur = NULL;
	pj->svc = NULL;
	return r < 0 ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* The containers a subcommand may create (max_containers) */

/* A replica count: decimal digits, at most COMPOSE_MAX_CREATES. */
static int
replicas_read(const char *s, long *n)
{
	size_t len = strspn(s, "0123456789");

	if (len == 0 || s[len] != '\0' || len > 6 ||
	    (*n = strtol(s, NULL, 10)) > COMPOSE_MAX_CREATES)
		return -1;
	return 0;
}

/* One scale/replicas node of a definition: the larger of it and *n. */
static int
replicas_node(struct project *pj, yaml_node_t *v, const char *key, long *n)
{
	char *s;
	long k;
	int r = 0;

	if (v == NULL)
		return 0;
	if ((s = cx_str(pj, v)) == NULL)
		return -1;
	if (replicas_read(s, &k) != 0)
		r = cx_fail(pj, v, "%s: \"%.40s\" is not a number of "
		    "containers, and this rule counts them (max_containers)",
		    key, s);
	else if (k > *n)
		*n = k;
	free(s);
	return r;
}

/*
 * The replicas of service name as its definitions give them: scale, else
 * deploy.replicas (compose-go: scale wins, and the two must agree), else
 * 1.  A superset: the largest of every definition in every file, and of
 * every service it extends, to any depth (extends copies them).
 */
static int
replicas_of(struct project *pj, const char *name, long *n)
{
	struct strv names = { NULL, 0, 0 };
	const struct svcdef *d;
	long k = -1;
	size_t i, j;
	int r = 0;

	strv_push(&names, name);
	for (i = 0; i < names.n && r == 0; i++)
		for (j = 0; j < pj->ndefs && r == 0; j++) {
			d = &pj->defs[j];
			if (strcmp(d->name, names.v[i]) != 0 ||
			    d->v->type != YAML_MAPPING_NODE)
				continue;
			pj->cur = d->f;
			pj->svc = d->name;
			r = replicas_node(pj, cx_get(d->f, d->v, "scale"),
			    "scale", &k);
			if (r == 0)
				r = replicas_node(pj, cx_get(d->f, cx_get(d->f,
				    d->v, "deploy"), "replicas"),
				    "deploy.replicas", &k);
			queue_extended(pj, d, &names);
		}
	strv_free(&names);
	*n = k < 0 ? 1 : k;
	return r;
}

/*
 * A count the command line gives service name: up/create --scale NAME=N,
 * scale NAME=N (the largest, if given more than once); *given 0 if none.
 */
static int
replicas_given(struct project *pj, const char *name, long *n, int *given)
{
	const struct request *q = pj->req;
	const char *a, *eq;
	size_t i, len = strlen(name);
	long k;

	*given = 0;
	for (i = 0; i < q->nargs + q->nflags; i++) {
		if (i < q->nargs)
			a = q->cmd->traits & CMD_CREATES &&
			    strcmp(q->cmd->name, "compose scale") == 0 ?
			    q->args[i] : NULL;
		else
			a = strcmp(commands_flag_canon(q->flags[i -
			    q->nargs].def), "scale") == 0 ?
			    q->flags[i - q->nargs].value : NULL;
		if (a == NULL || strncmp(a, name, len) != 0 || a[len] != '=')
			continue;
		eq = a + len + 1;
		if (replicas_read(eq, &k) != 0)
			return cx_fail(pj, NULL, "scale %.100s: \"%.40s\" is "
			    "not a number of containers, and this rule counts "
			    "them (max_containers)", name, eq);
		if (!*given || k > *n)
			*n = k;
		*given = 1;
	}
	return 0;
}

/*
 * Under max_containers: every container the subcommand may create, the
 * sum over the services it acts on (dependencies included) of their
 * replicas, the command line's count first; compose run's service one
 * (its one-off container).  Counted as if none existed yet.
 */
static int
count_creates(struct project *pj)
{
	const struct request *q = pj->req;
	long total = 0, n = 1;
	size_t i;
	int given, one_off;

	if (pj->h->creates == NULL || !(q->cmd->traits & CMD_CREATES))
		return 0;
	for (i = 0; i < pj->acted.n; i++) {
		one_off = strcmp(q->cmd->name, "compose run") == 0 &&
		    q->nargs > 0 && strcmp(q->args[0], pj->acted.v[i]) == 0;
		if (replicas_given(pj, pj->acted.v[i], &n, &given) != 0 ||
		    (!given && !one_off &&
		    replicas_of(pj, pj->acted.v[i], &n) != 0))
			return -1;
		if (one_off)
			n = 1;
		total = total + n > COMPOSE_MAX_CREATES ?
		    COMPOSE_MAX_CREATES + 1 : total + n;
	}
	pj->cur = NULL;
	pj->svc = NULL;
	if (pj->h->creates(pj->h->ctx, total) != 0)
		return cx_refail(pj, NULL);
	return 0;
}

static void
project_free(struct project *pj)
{
	size_t i;

	for (i = 0; i < pj->nfiles; i++) {
		yaml_document_delete(&pj->files[i]->doc);
		free(pj->files[i]->path);
		free(pj->files[i]->dir);
		free(pj->files[i]->root);
		free(pj->files[i]);
	}
	free(pj->files);
	free(pj->mainf);
	free(pj->dir);
	free(pj->name);
	strv_free(&pj->env);
	strv_free(&pj->services);
	strv_free(&pj->built);
	strv_free(&pj->acted);
	free(pj->defs);
}

static int
check_project(struct project *pj)
{
	if (pj->res == NULL || pj->res->file == NULL)
		return cx_fail(pj, NULL, "compose files can not be checked "
		    "here");
	if (!pj->h->rule_has(pj->h->ctx, CA_PROJECTS, NULL))
		return cx_fail(pj, NULL, "this rule lists no projects");
	if (check_run_volumes(pj) != 0 || load_project(pj) != 0 ||
	    (pj->starting && acted_services(pj) != 0))
		return -1;
	if (check_files(pj) != 0)
		return -1;
	return pj->starting ? count_creates(pj) : 0;
}

/* The subcommand: named by the rule, or in its subcommands. */
static int
check_subcommand(struct project *pj)
{
	const struct cmddef *c = pj->req->cmd, *g = commands_group(c);
	const char *sub = c->name + strlen(g->name) + 1;

	if (pj->h->rule_has(pj->h->ctx, CA_SUBCOMMAND, sub))
		return 0;
	return cx_fail(pj, NULL, "docker compose %s is not in this rule's "
	    "subcommands", sub);
}

/*
 * The group flags, as the decision judges any flag.  Compose reads the
 * env files (--env-file, else .env where -f or --project-directory
 * point) before any subcommand runs, and echoes a file it cannot parse:
 * the flags that name project files are for subcommands that load the
 * project, whose files check_project judges, and refused with the rest
 * (ls, version), where nothing would check them.
 */
static int
check_gflags(struct project *pj)
{
	const struct request *q = pj->req;
	size_t i;

	for (i = 0; i < q->ngflags; i++) {
		if (q->gflags[i].def->kind == VK_PROJECT_FILE &&
		    !(q->cmd->traits & CMD_PROJECT))
			return cx_fail(pj, NULL, "--%s is refused with docker "
			    "%s: it loads no project, and compose would read "
			    "the files all the same", q->gflags[i].def->name,
			    q->cmd->name);
		if (pj->h->flag(pj->h->ctx, &q->gflags[i]) != 0)
			return cx_refail(pj, NULL);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* docker build */

/* "-" (stdin), a listed remote, or a trusted directory in contexts. */
static int
build_context(struct project *pj, const char *arg, char **ctxdir)
{
	char *p, *rp = NULL, *content = NULL;
	size_t len;
	int e, ok = 0;

	*ctxdir = NULL;
	if (strcmp(arg, "-") == 0)
		return 0;
	if (compose_is_remote(arg))
		return pj->h->rule_has(pj->h->ctx, CA_CONTEXT, arg) ? 0 :
		    cx_fail(pj, NULL, "the remote build context %.200s is "
		    "not in this rule's contexts", arg);
	if (pj->res == NULL || pj->res->file == NULL)
		return cx_fail(pj, NULL, "the build context %.200s can not be "
		    "checked here", arg);
	if ((p = cx_join(cwd_of(pj), arg)) == NULL)
		return cx_fail(pj, NULL, "cannot read the path %.200s", arg);
	e = examine(pj, NULL, p, &rp, &content, &len);
	free(p);
	if (e == 0 && content == NULL)
		ok = pj->h->rule_has(pj->h->ctx, CA_CONTEXT, rp);
	if (e == 0 && !ok)
		(void)cx_fail(pj, NULL, "the build context %s is not in this "
		    "rule's contexts (without contexts only \"-\", standard "
		    "input, is accepted)", rp);
	else if (e > 0)
		(void)cx_fail(pj, NULL, "the build context %.200s does not "
		    "exist", arg);
	free(content);
	if (ok)
		*ctxdir = rp;
	else
		free(rp);
	return ok ? 0 : -1;
}

/*
 * The Dockerfile check (dockerfile.c), one for every way a build gets its
 * Dockerfile: standard input, a tar context, a file in a context
 * directory, compose's build section.  Findings go to the decision's
 * hooks: risk classes to hooks.risk, pulled images to hooks.image.
 */
int
cx_dockerfile(struct project *pj, const yaml_node_t *n, const char *where,
    const char *buf, size_t len, const struct strv *buildargs)
{
	struct df_report rep;
	const struct df_finding *f;
	const char *err;
	char what[MSG_MAX];
	size_t i;
	int r = 0;

	if (dockerfile_check(buf, len, buildargs, &rep, &err) != 0)
		return cx_fail(pj, n, "%s: %s (a Dockerfile is read before the "
		    "build and must be understood to be allowed)", where, err);
	for (i = 0; i < rep.n && r == 0; i++) {
		f = &rep.v[i];
		(void)snprintf(what, sizeof(what), "%s line %zu: %s", where,
		    f->line, f->what);
		if (f->risk != 0 && pj->h->risk(pj->h->ctx, f->risk, what) != 0)
			r = cx_refail(pj, n);
		else if (f->image != NULL &&
		    pj->h->image(pj->h->ctx, f->image) != 0) {
			(void)snprintf(what + strlen(what), sizeof(what) -
			    strlen(what), ": the build pulls it");
			r = cx_refail_note(pj, n, what);
		}
	}
	dockerfile_report_free(&rep);
	return r;
}

/* Standard input as main read it, or a denial. */
static int
build_stdin(struct project *pj, const char **buf, size_t *len)
{
	if (pj->res == NULL || pj->res->stdin_data == NULL)
		return cx_fail(pj, NULL, "the build reads standard input, which "
		    "was not read and checked here");
	*buf = pj->res->stdin_data;
	*len = pj->res->stdin_len;
	return 0;
}

/* Context "-": a Dockerfile, or a tar archive with the Dockerfile f. */
static int
build_stdin_context(struct project *pj, const char *f,
    const struct strv *args)
{
	const char *buf = NULL, *file, *err;
	size_t len = 0, flen;
	char where[MSG_MAX];

	if (build_stdin(pj, &buf, &len) != 0)
		return -1;
	switch (dockerfile_sniff(buf, len)) {
	case DF_INPUT_TEXT:
		return cx_dockerfile(pj, NULL, "the Dockerfile on standard "
		    "input", buf, len, args);
	case DF_INPUT_COMPRESSED:
		return cx_fail(pj, NULL, "the build context on standard input "
		    "is compressed: send an uncompressed tar archive, whose "
		    "Dockerfile can be checked");
	case DF_INPUT_TAR:
		break;
	}
	if (dockerfile_tar_find(buf, len, f, &file, &flen, &err) != 0)
		return cx_fail(pj, NULL, "%s", err);
	(void)snprintf(where, sizeof(where), "the Dockerfile %.100s in the "
	    "build context on standard input", f != NULL ? f :
	    DF_DEFAULT_NAME);
	return cx_dockerfile(pj, NULL, where, file, flen, args);
}

/* A Dockerfile file on the host (resolved path p), read and checked. */
static int
build_host_file(struct project *pj, const char *p, const char *ctxdir,
    const struct strv *args, int *found)
{
	char *rp = NULL, *content = NULL, where[MSG_MAX];
	size_t len;
	int e, r = -1;

	*found = 1;
	if ((e = examine(pj, NULL, p, &rp, &content, &len)) == 0 &&
	    content != NULL && inside(ctxdir, rp)) {
		(void)snprintf(where, sizeof(where), "the Dockerfile %.200s",
		    rp);
		r = cx_dockerfile(pj, NULL, where, content, len, args);
	} else if (e == 1)
		*found = 0;
	else if (e >= 0)
		(void)cx_fail(pj, NULL, "%.200s: the Dockerfile must be a file "
		    "inside the build context %s", p, ctxdir);
	free(rp);
	free(content);
	return r;
}

/* -f: "-", a path in the stdin archive, or a file inside the context. */
static int
build_file(struct project *pj, const char *ctx, const char *ctxdir,
    const char *f, const struct strv *args)
{
	const char *buf = NULL;
	char *p;
	size_t len = 0;
	int r, found;

	if (strcmp(f, "-") == 0)
		return strcmp(ctx, "-") == 0 ? cx_fail(pj, NULL, "the context "
		    "and the Dockerfile can not both come from standard "
		    "input") : build_stdin(pj, &buf, &len) != 0 ? -1 :
		    cx_dockerfile(pj, NULL, "the Dockerfile on standard input",
		    buf, len, args);
	if (compose_is_remote(ctx))
		return 0;
	if (strcmp(ctx, "-") == 0)
		return f[0] != '/' && strncmp(f, "..", 2) != 0 ? 0 : cx_fail(pj,
		    NULL, "--file %.200s: with a context on standard input the "
		    "Dockerfile must be a relative path in it", f);
	if ((p = cx_join(cwd_of(pj), f)) == NULL)
		return cx_fail(pj, NULL, "cannot read the path %.200s", f);
	r = build_host_file(pj, p, ctxdir, args, &found);
	if (r != 0 && !found)
		(void)cx_fail(pj, NULL, "--file %.200s does not exist", f);
	free(p);
	return r;
}

/* No -f: CONTEXT/Dockerfile, else CONTEXT/dockerfile (the CLI's rule). */
static int
build_default_file(struct project *pj, const char *ctxdir,
    const struct strv *args)
{
	static const char *const names[] = { DF_DEFAULT_NAME, "dockerfile" };
	char *p;
	size_t i;
	int r = -1, found = 0;

	for (i = 0; i < 2 && !found; i++) {
		p = xasprintf("%s/%s", ctxdir, names[i]);
		r = build_host_file(pj, p, ctxdir, args, &found);
		free(p);
	}
	if (!found)
		return cx_fail(pj, NULL, "the build context %s has no "
		    "Dockerfile", ctxdir);
	return r;
}

/* --cache-from/--cache-to: no local caches (client files). */
static int
build_caches(struct project *pj)
{
	const struct request *q = pj->req;
	const char *n, *v;
	size_t i;

	for (i = 0; i < q->nflags; i++) {
		n = commands_flag_canon(q->flags[i].def);
		v = q->flags[i].value;
		if ((strcmp(n, "cache-from") == 0 || strcmp(n, "cache-to") == 0)
		    && (strcasestr(v, "type=local") != NULL ||
		    strcasestr(v, "type=tar") != NULL ||
		    strcasestr(v, "src=") != NULL ||
		    strcasestr(v, "dest=") != NULL))
			return cx_fail(pj, NULL, "--%s %.200s reads or writes "
			    "files on the gateway host (risk class "
			    "client-files)", n, v);
	}
	return 0;
}

static int
check_build(struct project *pj)
{
	const struct request *q = pj->req;
	struct strv args = { NULL, 0, 0 };
	const char *f, *ctx;
	char *ctxdir = NULL;
	int r;

	if (q->nargs != 1)
		return cx_fail(pj, NULL, "docker build needs exactly one "
		    "context");
	if (build_caches(pj) != 0 || build_context(pj, q->args[0], &ctxdir))
		return -1;
	ctx = q->args[0];
	f = grammar_last_value(q->flags, q->nflags, "file");
	all_values(q->flags, q->nflags, "build-arg", &args);
	if (f != NULL && (r = build_file(pj, ctx, ctxdir, f, &args)) != 0)
		;
	else if (strcmp(ctx, "-") == 0)
		r = build_stdin_context(pj, f, &args);
	else if (f == NULL && !compose_is_remote(ctx))
		r = build_default_file(pj, ctxdir, &args);
	else
		r = 0;
	strv_free(&args);
	free(ctxdir);
	return r;
}

int
compose_build_stdin(const struct request *q)
{
	const char *f;

	if (q == NULL || q->cmd == NULL || !(q->cmd->traits & CMD_BUILD) ||
	    q->nargs != 1)
		return 0;
	f = grammar_last_value(q->flags, q->nflags, "file");
	return strcmp(q->args[0], "-") == 0 || (f != NULL &&
	    strcmp(f, "-") == 0);
}

/* ------------------------------------------------------------------ */

int
compose_applies(const struct request *q)
{
	return q != NULL && q->cmd != NULL && (commands_group(q->cmd) != NULL ||
	    (q->cmd->traits & (CMD_PROJECT | CMD_BUILD)) != 0);
}

int
compose_check(const struct request *req, const struct resolver *res,
    const struct compose_hooks *h, struct compose_refusal *out)
{
	struct project pj;
	int r = 0;

	memset(&pj, 0, sizeof(pj));
	/* A -1 that no cx_fail explains: a hook's reason, as it stands. */
	memset(out, 0, sizeof(*out));
	out->judged = 1;
	pj.out = out;
	pj.req = req;
	pj.res = res;
	pj.h = h;
	pj.what = "compose";
	pj.judge = 1;
	pj.starting = !(req->cmd->traits & CMD_STARTS_NOTHING);
	if (req->cmd->traits & CMD_BUILD) {
		pj.what = "build";
		return check_build(&pj);
	}
	if (commands_group(req->cmd) != NULL &&
	    (check_subcommand(&pj) != 0 || check_gflags(&pj) != 0))
		return -1;
	if (req->cmd->traits & CMD_PROJECT)
		r = check_project(&pj);
	project_free(&pj);
	return r;
}
