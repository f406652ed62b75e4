/*
 * learn.c: dockergate learn.  Reads the audit file's decision records of
 * one role (allow and observe), re-parses each command with the gateway's
 * own cmdline and grammar, and proposes the narrowest rules that allow
 * every one of them: the policy file is printed with the role's mapping
 * replaced by "mode: enforce" and those rules.
 *
 * Invariants:
 * - A learnt rule MUST allow nothing wider than what a record showed:
 *   images by their exact normalized reference, binds by the exact
 *   resolved path (":ro" when every use was read-only), named volumes by
 *   name, target containers by the name typed, build contexts by the
 *   exact directory, and only the risk classes the decision itself found
 *   the request to use (decide_needs).
 * - A record that cannot be allowed so (unparseable, an image or
 *   container given by ID, a relative path, compose, a build from
 *   standard input, a denial that no rule key lifts) adds nothing: it is
 *   reported and skipped, never widened.
 * - The audit file is data: each line is bounded and parsed with
 *   jansson, each command with cmdline.c and grammar.c.
 * - Everything outside the role's mapping is copied byte for byte;
 *   comments inside it are not kept.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include <jansson.h>

#include "cmdline.h"
#include "commands.h"
#include "compose.h"
#include "decide.h"
#include "grammar.h"
#include "imageref.h"
#include "learn.h"
#include "mounts.h"
#include "policy.h"
#include "resolve.h"
#include "util.h"

#define LEARN_ID_MIN	12	/* hex digits of a container ID as docker
				   prints it: such a target is an ID */
#define LEARN_WRAP	48	/* bytes of list values on one line */
#define LEARN_USAGE	"usage: dockergate learn [--policy FILE] --audit " \
	"FILE [--role NAME] [--since TIME]\n"

/* What one command was seen to need, alone or merged over records. */
struct lrule {
	const struct cmddef *cmd;
	struct strv	 cmds;		/* typed inspect commands (inspect) */
	struct strv	 images;	/* normalized references */
	struct strv	 volumes;	/* named volumes */
	struct strv	 containers;	/* target names as typed */
	struct strv	 contexts;	/* build contexts */
	struct strv	 flags;		/* flags used, by canonical name */
	struct bindspec	*binds;
	size_t		 nbinds;
	int		 named;		/* a volume was seen: mounts: named */
	int		 unscoped;	/* seen with no target container */
	int		 no_redact;	/* allowed only with redact_env: false */
	unsigned	 unsafe;	/* risk classes used */
};

struct learn {
	const struct policy *pol;
	const struct role *role;
	char		 since[LEARN_TS_MAX + 1];	/* "" for all */
	struct lrule	*rules;
	size_t		 nrules;
	size_t		 count;
	struct resolver	 res;
};

static int
fail(char *why, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
fail(char *why, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(why, len, fmt, ap);
	va_end(ap);
	return -1;
}

/* A prefix of "dddd-dd-ddTdd:dd:dd.dddZ" ending at a field. */
static int
ts_ok(const char *s, int whole)
{
	static const char tmpl[] = "dddd-dd-ddTdd:dd:dd.dddZ";
	size_t i, n = strlen(s);

	if (whole ? n != sizeof(tmpl) - 1 : (n != 10 && n != 13 && n != 16 &&
	    n != 19 && n != 23 && n != 24))
		return 0;
	for (i = 0; i < n; i++)
		if (tmpl[i] == 'd' ? !isdigit((unsigned char)s[i]) :
		    s[i] != tmpl[i])
			return 0;
	return 1;
}

static void
lrule_free(struct lrule *lr)
{
	size_t i;

	strv_free(&lr->cmds);
	strv_free(&lr->images);
	strv_free(&lr->volumes);
	strv_free(&lr->containers);
	strv_free(&lr->contexts);
	strv_free(&lr->flags);
	for (i = 0; i < lr->nbinds; i++)
		free(lr->binds[i].path);
	free(lr->binds);
	memset(lr, 0, sizeof(*lr));
}

static void
add_once(struct strv *sv, const char *s)
{
	if (!strv_has(sv, s))
		strv_push(sv, s);
}

/* A bind seen: read-only only while every use of the path was. */
static void
add_bind(struct lrule *lr, const char *path, int readonly)
{
	size_t i;

	for (i = 0; i < lr->nbinds; i++)
		if (strcmp(lr->binds[i].path, path) == 0) {
			lr->binds[i].readonly &= readonly;
			return;
		}
	lr->binds = xreallocarray(lr->binds, lr->nbinds + 1,
	    sizeof(*lr->binds));
	lr->binds[lr->nbinds].path = xstrdup(path);
	lr->binds[lr->nbinds++].readonly = readonly;
}

/* An image read or written: by its exact normalized reference. */
static int
add_image(struct lrule *lr, const char *ref, char *why, size_t len)
{
	struct imageref ir;
	const char *err;

	if (imageref_is_id(ref))
		return fail(why, len, "image %.100s could be an image ID; "
		    "learn writes images by name only", ref);
	if (imageref_parse(ref, &ir, &err) != 0)
		return fail(why, len, "image %.100s: %s", ref, err);
	add_once(&lr->images, ir.full);
	imageref_free(&ir);
	return 0;
}

/* A target container (or swarm service): the name as typed. */
static int
add_target(struct lrule *lr, const char *arg, size_t n, char *why,
    size_t len)
{
	char *name;

	if (arg[0] == '/' && n > 0) {
		arg++;
		n--;
	}
	if (n == 0 || strcspn(arg, "*?[\\") < n)
		return fail(why, len, "target %.100s is no plain name", arg);
	if (n >= LEARN_ID_MIN && strspn(arg, "0123456789abcdef") >= n)
		return fail(why, len, "target %.*s is given by ID; learn "
		    "writes containers by name only", (int)n, arg);
	name = xstrndup(arg, n);
	add_once(&lr->containers, name);
	free(name);
	return 0;
}

/* A build context: "-" needs nothing, a remote as written, a directory. */
static int
add_context(struct learn *l, struct lrule *lr, const char *arg, char *why,
    size_t len)
{
	char *rp = NULL;
	const char *err;
	int writable;

	if (strcmp(arg, "-") == 0)
		return 0;
	if (compose_is_remote(arg)) {
		add_once(&lr->contexts, arg);
		return 0;
	}
	if (arg[0] != '/')
		return fail(why, len, "the build context %.100s is relative "
		    "and the record has no working directory", arg);
	if (l->res.path(l->res.ctx, arg, &rp, &writable, &err) != 0)
		return fail(why, len, "the build context %.100s: %s", arg,
		    err);
	if (strcspn(rp, "*?[\\") < strlen(rp)) {
		free(rp);
		return fail(why, len, "the build context %.100s holds glob "
		    "characters", arg);
	}
	add_once(&lr->contexts, rp);
	free(rp);
	return 0;
}

/*
 * Generic inspect: the type its argv was fixed to (the client's --type,
 * or the one decide added), and that type's own inspect command.
 */
static int
add_typed(struct lrule *lr, const struct request *q, const json_t *argv,
    char *why, size_t len)
{
	const struct inspecttype *t;
	const char *type = NULL, *s;
	size_t i;

	for (i = 0; i < q->nflags; i++)
		if (strcmp(commands_flag_canon(q->flags[i].def), "type") == 0)
			type = q->flags[i].value;
	for (i = 0; type == NULL && i < json_array_size(argv); i++)
		if ((s = json_string_value(json_array_get(argv, i))) != NULL &&
		    strncmp(s, "--type=", 7) == 0)
			type = s + 7;
	if (type == NULL || (t = commands_inspect_type(type)) == NULL ||
	    t->cmd[0] == '\0')
		return fail(why, len, "docker inspect of no known type");
	add_once(&lr->cmds, t->cmd);
	return 0;
}

static int
derive_arg(struct learn *l, struct lrule *lr, const struct request *q,
    size_t i, const json_t *argv, char *why, size_t len)
{
	const char *arg = q->args[i];

	switch (i == 0 ? q->cmd->pfirst : q->cmd->prest) {
	case P_IMAGE:
	case P_IMAGE_NAME:
	case P_IMAGE_TAG:
		return add_image(lr, arg, why, len);
	case P_CONTAINER:
	case P_NEWNAME:
		lr->unscoped = 0;
		return add_target(lr, arg, strlen(arg), why, len);
	case P_SERVICE:	/* swarm names never hold '=' (service scale) */
		lr->unscoped = 0;
		return add_target(lr, arg, strcspn(arg, "="), why, len);
	case P_CONTEXT:
		return add_context(l, lr, arg, why, len);
	case P_OBJECT:
		return i == 0 ? add_typed(lr, q, argv, why, len) : 0;
	default:
		return 0;
	}
}

/* A mount: binds by resolved path, named volumes by name. */
static int
add_mount(struct learn *l, struct lrule *lr, const struct flagval *fv,
    char *why, size_t len)
{
	struct mount m[2];
	const char *cwd[2] = { "/", LEARN_PROBE_CWD }, *err = "";
	char *rp = NULL;
	int i, r = 0, writable;

	memset(m, 0, sizeof(m));
	for (i = 0; i < 2 && r == 0; i++)
		if (fv->def->kind == VK_VOLUME)
			r = mounts_parse_volume(fv->value, cwd[i], &m[i], &err);
		else if (fv->def->kind == VK_MOUNT)
			r = mounts_parse_mount(fv->value, cwd[i], &m[i], &err);
		else
			r = mounts_parse_tmpfs(fv->value, &m[i], &err);
	if (r != 0)
		r = fail(why, len, "%.100s: %s", fv->value, err);
	else if (m[0].type == MOUNT_VOLUME || m[0].type == MOUNT_ANON) {
		lr->named = 1;
		if (m[0].type == MOUNT_VOLUME)
			add_once(&lr->volumes, m[0].source);
	} else if (m[0].type == MOUNT_BIND && (m[0].source == NULL ||
	    m[1].source == NULL || strcmp(m[0].source, m[1].source) != 0))
		r = fail(why, len, "%.100s: a relative host path, and the "
		    "record has no working directory", fv->value);
	else if (m[0].type == MOUNT_BIND) {
		if (l->res.path(l->res.ctx, m[0].source, &rp, &writable,
		    &err) != 0)
			r = fail(why, len, "%.100s: %s", fv->value, err);
		else
			add_bind(lr, rp, m[0].readonly);
		free(rp);
	}
	mounts_free(&m[0]);
	mounts_free(&m[1]);
	return r;
}

static int
derive_flag(struct learn *l, struct lrule *lr, const struct flagval *fv,
    char *why, size_t len)
{
	const struct flagdef *d = fv->def;

	add_once(&lr->flags, commands_flag_canon(d));
	if (d->kind == VK_VOLUME || d->kind == VK_MOUNT || d->kind == VK_TMPFS)
		return add_mount(l, lr, fv, why, len);
	if (d->kind == VK_IMAGE)
		return add_image(lr, fv->value, why, len);
	/* a tag it writes (build -t): in images, as decide judges it */
	if ((d->risk & RISK_IMAGE_TAGS) && d->kind != VK_PLATFORM &&
	    d->type != VT_BOOL)
		return add_image(lr, fv->value, why, len);
	return 0;
}

/* The values of one request; *lr is zeroed by the caller. */
static int
derive(struct learn *l, struct lrule *lr, const struct request *q,
    const json_t *argv, char *why, size_t len)
{
	size_t i;

	lr->cmd = q->cmd;
	lr->unscoped = 1;
	if (commands_group(q->cmd) != NULL || (q->cmd->traits & CMD_PROJECT))
		return fail(why, len, "compose is not learnt: the record "
		    "holds no project directory (write the rule by hand)");
	if (compose_build_stdin(q))
		return fail(why, len, "a build from standard input is not "
		    "learnt: the record holds no Dockerfile");
	for (i = 0; i < q->nargs; i++)
		if (derive_arg(l, lr, q, i, argv, why, len) != 0)
			return -1;
	for (i = 0; i < q->nflags; i++)
		if (derive_flag(l, lr, &q->flags[i], why, len) != 0)
			return -1;
	return 0;
}

/*
 * lr as a policy rule (r's members borrow lr's, except cmds and images:
 * free with rule_done).  Containers are left out: they only narrow, and
 * cannot be looked up here.
 */
static void
as_rule(const struct lrule *lr, struct rule *r)
{
	const char *err;
	char *n;
	size_t i;

	memset(r, 0, sizeof(*r));
	r->where = "learnt";
	r->cmds = xreallocarray(NULL, lr->cmds.n + 1, sizeof(*r->cmds));
	r->cmds[r->ncmds++] = lr->cmd;
	for (i = 0; i < lr->cmds.n; i++)
		if ((r->cmds[r->ncmds] = commands_find(lr->cmds.v[i])) != NULL)
			r->ncmds++;
	for (i = 0; i < lr->images.n; i++)
		if ((n = imageref_pattern(lr->images.v[i], &err)) != NULL)
			strv_take(&r->images, n);
	r->mounts = lr->named ? MOUNTS_NAMED : MOUNTS_NONE;
	r->volumes = lr->volumes;
	r->binds = lr->binds;
	r->nbinds = lr->nbinds;
	r->contexts = lr->contexts;
	r->redact_env = !lr->no_redact;
	r->unsafe = lr->unsafe;
}

static void
rule_done(struct rule *r)
{
	free(r->cmds);
	strv_free(&r->images);
}

/*
 * The risk classes the request uses, as the decision finds them; where
 * only redact_env: false lets the rule accept it, say so.
 */
static int
needs(struct learn *l, struct lrule *lr, const struct request *q, char *why,
    size_t len)
{
	struct rule r;
	char other[DECIDE_REASON_MAX];
	unsigned need = 0;
	int rc;

	as_rule(lr, &r);
	rc = decide_needs(l->pol, l->role->name, &r, q, &l->res, &need, why,
	    len);
	if (rc != 0) {
		r.redact_env = 0;
		if (decide_needs(l->pol, l->role->name, &r, q, &l->res, &need,
		    other, sizeof(other)) == 0) {
			lr->no_redact = 1;
			rc = 0;
		}
	}
	lr->unsafe = need;
	rule_done(&r);
	return rc;
}

/* Fold one request's rule into the rule of its command. */
static void
merge(struct learn *l, const struct lrule *lr)
{
	struct lrule *m = NULL;
	size_t i;

	for (i = 0; i < l->nrules && m == NULL; i++)
		if (l->rules[i].cmd == lr->cmd)
			m = &l->rules[i];
	if (m == NULL) {
		l->rules = xreallocarray(l->rules, l->nrules + 1,
		    sizeof(*l->rules));
		m = &l->rules[l->nrules++];
		memset(m, 0, sizeof(*m));
		m->cmd = lr->cmd;
	}
	for (i = 0; i < lr->cmds.n; i++)
		add_once(&m->cmds, lr->cmds.v[i]);
	for (i = 0; i < lr->images.n; i++)
		add_once(&m->images, lr->images.v[i]);
	for (i = 0; i < lr->volumes.n; i++)
		add_once(&m->volumes, lr->volumes.v[i]);
	for (i = 0; i < lr->containers.n; i++)
		add_once(&m->containers, lr->containers.v[i]);
	for (i = 0; i < lr->contexts.n; i++)
		add_once(&m->contexts, lr->contexts.v[i]);
	for (i = 0; i < lr->flags.n; i++)
		add_once(&m->flags, lr->flags.v[i]);
	for (i = 0; i < lr->nbinds; i++)
		add_bind(m, lr->binds[i].path, lr->binds[i].readonly);
	m->named |= lr->named;
	m->unscoped |= lr->unscoped;
	m->no_redact |= lr->no_redact;
	m->unsafe |= lr->unsafe;
}

/* One command of a record: parsed, derived, checked, merged. */
static int
learn_command(struct learn *l, const char *command, const json_t *argv,
    char *why, size_t len)
{
	struct strv words = { NULL, 0, 0 };
	struct request req;
	struct lrule lr;
	const char *err;
	size_t rest;
	int r = -1;

	memset(&req, 0, sizeof(req));
	memset(&lr, 0, sizeof(lr));
	if (cmdline_split(command, strlen(command), &words, &err) != 0 ||
	    cmdline_docker(&words, &rest, &err) != 0 ||
	    grammar_parse(words.v + rest, words.n - rest, &req, &err) != 0)
		(void)fail(why, len, "cannot parse the command: %s", err);
	else if (derive(l, &lr, &req, argv, why, len) == 0 &&
	    needs(l, &lr, &req, why, len) == 0) {
		merge(l, &lr);
		r = 0;
	}
	lrule_free(&lr);
	grammar_free(&req);
	strv_free(&words);
	return r;
}

static const char *
field(const json_t *rec, const char *key)
{
	return json_string_value(json_object_get(rec, key));
}

int
learn_line(struct learn *l, const char *line, size_t len, char *why,
    size_t whylen)
{
	json_error_t e;
	json_t *rec;
	const json_t *argv;
	const char *dec, *ts, *cmd;
	int r = 0;

	why[0] = '\0';
	if ((rec = json_loadb(line, len, JSON_REJECT_DUPLICATES, &e)) ==
	    NULL || !json_is_object(rec)) {
		json_decref(rec);
		return fail(why, whylen, "not a JSON record");
	}
	dec = field(rec, "decision");
	ts = field(rec, "ts");
	argv = json_object_get(rec, "argv");
	if (field(rec, "event") == NULL || strcmp(field(rec, "event"),
	    "decision") != 0 || field(rec, "role") == NULL ||
	    strcmp(field(rec, "role"), l->role->name) != 0 || dec == NULL ||
	    (strcmp(dec, "allow") != 0 && strcmp(dec, "observe") != 0) ||
	    !json_is_array(argv))	/* help, or not parsed */
		goto done;
	if (l->since[0] != '\0' && (ts == NULL || !ts_ok(ts, 1)))
		r = fail(why, whylen, "no valid \"ts\" to hold to --since");
	else if (l->since[0] != '\0' && strcmp(ts, l->since) < 0)
		goto done;
	else if ((cmd = field(rec, "command")) == NULL)
		r = fail(why, whylen, "no \"command\" string");
	else if (l->count >= LEARN_MAX_RECORDS)
		r = fail(why, whylen, "more than %d records",
		    LEARN_MAX_RECORDS);
	else if (learn_command(l, cmd, argv, why, whylen) != 0)
		r = -1;
	else {
		l->count++;
		r = 1;
	}
done:
	json_decref(rec);
	return r;
}

struct learn *
learn_new(const struct policy *pol, const char *role, const char *since,
    const char **errstr)
{
	struct learn *l;
	const struct role *r;

	if ((r = policy_role(pol, role)) == NULL) {
		*errstr = "no such role in the policy";
		return NULL;
	}
	if (since != NULL && !ts_ok(since, 0)) {
		*errstr = "--since wants UTC time as YYYY-MM-DD[THH[:MM[:SS"
		    "[.mmm]]]][Z]";
		return NULL;
	}
	l = xcalloc(1, sizeof(*l));
	l->pol = pol;
	l->role = r;
	if (since != NULL)
		(void)snprintf(l->since, sizeof(l->since), "%s", since);
	/* host paths from the filesystem; no engine: nothing is looked up */
	resolve_init(&l->res, "/", NULL);
	compose_resolver_init(&l->res);
	return l;
}

size_t
learn_count(const struct learn *l)
{
	return l->count;
}

void
learn_free(struct learn *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->nrules; i++)
		lrule_free(&l->rules[i]);
	free(l->rules);
	free(l);
}

/* ------------------------------------------------------------------ */
/* The proposed policy */

/* s as a YAML double-quoted scalar. */
static void
quoted(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s != '\0'; s++)
		if (*s == '"' || *s == '\\')
			fprintf(f, "\\%c", *s);
		else if ((unsigned char)*s < 0x20 || *s == 0x7f)
			fprintf(f, "\\x%02x", (unsigned char)*s);
		else
			fputc(*s, f);
	fputc('"', f);
}

/*
 * key: ["a", "b"] (sep before it: ", " in flow, newline and indent in
 * block), a new line after LEARN_WRAP bytes of values, indented by sep's.
 */
static void
list(FILE *f, const char *sep, const char *key, const struct strv *sv)
{
	size_t i, col = 0;

	if (sv->n == 0)
		return;
	fprintf(f, "%s%s: [", sep, key);
	for (i = 0; i < sv->n; i++) {
		if (i > 0 && col > LEARN_WRAP) {
			fprintf(f, ",%s  ", sep[0] == '\n' ? sep : "\n    ");
			col = 0;
		} else if (i > 0)
			fputs(", ", f);
		quoted(f, sv->v[i]);
		col += strlen(sv->v[i]) + 4;
	}
	fputc(']', f);
}

/*
 * Every flag of the command that no record used, and that its risk class
 * does not deny already: deny_flags, so that the rule allows no flag that
 * was not seen.
 */
static void
unseen_flags(const struct lrule *lr, struct strv *out)
{
	const struct flagdef *g;
	const char *name;
	size_t s;

	for (s = 0; s < CMD_MAX_FLAGSETS; s++)
		for (g = commands_flagset(lr->cmd, s); g != NULL &&
		    g->name[0] != '\0'; g++) {
			name = commands_flag_canon(g);
			if ((g->risk & ~lr->unsafe) != 0 ||
			    strv_has(&lr->flags, name))
				continue;
			add_once(out, name);
		}
}

static void
emit_command(FILE *f, const struct lrule *lr)
{
	size_t i;

	fputs("command: ", f);
	if (lr->cmds.n == 0) {
		quoted(f, lr->cmd->name);
		return;
	}
	fputc('[', f);
	quoted(f, lr->cmd->name);
	for (i = 0; i < lr->cmds.n; i++) {
		fputs(", ", f);
		quoted(f, lr->cmds.v[i]);
	}
	fputc(']', f);
}

/*
 * One rule, its keys after sep.  An anonymous volume alone gets
 * volumes: ["-"], a glob no volume name matches (names start with a
 * letter or digit), so that mounts: named names no volume.
 */
static void
emit_rule(FILE *f, const struct lrule *lr, const char *sep)
{
	struct strv sv = { NULL, 0, 0 };
	unsigned b;
	size_t i;

	emit_command(f, lr);
	list(f, sep, "images", &lr->images);
	if (lr->named) {
		fprintf(f, "%smounts: named", sep);
		if (lr->volumes.n == 0)
			strv_push(&sv, "-");
		list(f, sep, "volumes", lr->volumes.n ? &lr->volumes : &sv);
		strv_free(&sv);
	}
	for (i = 0; i < lr->nbinds; i++)
		strv_take(&sv, xasprintf("%s%s", lr->binds[i].path,
		    lr->binds[i].readonly ? ":ro" : ""));
	list(f, sep, "binds", &sv);
	strv_free(&sv);
	list(f, sep, "contexts", &lr->contexts);
	if (!lr->unscoped)
		list(f, sep, "containers", &lr->containers);
	for (b = 1; b != 0 && b != RISK_NEVER; b <<= 1)
		if ((lr->unsafe & b) && commands_risk_name(b) != NULL)
			strv_push(&sv, commands_risk_name(b));
	list(f, sep, "unsafe", &sv);
	strv_free(&sv);
	unseen_flags(lr, &sv);
	list(f, sep, "deny_flags", &sv);
	strv_free(&sv);
	if (lr->no_redact)
		fprintf(f, "%sredact_env: false", sep);
}

/* The byte offset of character index idx (libyaml counts characters). */
static int
byte_offset(const char *text, size_t len, size_t idx, size_t *off)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (((unsigned char)text[i] & 0xc0) == 0x80)
			continue;
		if (n++ == idx) {
			*off = i;
			return 0;
		}
	}
	if (n != idx)
		return -1;
	*off = len;
	return 0;
}

static void
emit_block(FILE *f, const struct learn *l, const char *note)
{
	size_t col = l->role->span_col, i;
	char *sep = xasprintf("\n%*s    ", (int)col, "");

	fprintf(f, "mode: enforce\n%*sallow:", (int)col, "");
	if (note != NULL)
		fprintf(f, "\n%*s  # %s", (int)col, "", note);
	for (i = 0; i < l->nrules; i++) {
		fprintf(f, "\n%*s  - ", (int)col, "");
		emit_rule(f, &l->rules[i], sep);
	}
	free(sep);
}

static void
emit_flow(FILE *f, const struct learn *l)
{
	size_t i;

	fputs("{mode: enforce, allow: [", f);
	for (i = 0; i < l->nrules; i++) {
		fputs(i > 0 ? ", {" : "{", f);
		emit_rule(f, &l->rules[i], ", ");
		fputc('}', f);
	}
	fputs("]}", f);
}

char *
learn_policy(const struct learn *l, const char *text, size_t len,
    const char *note, const char **errstr)
{
	size_t start, end, size = 0;
	char *out = NULL;
	FILE *f;
	int ok;

	if (l->nrules == 0) {
		*errstr = "nothing was learnt for the role";
		return NULL;
	}
	if (byte_offset(text, len, l->role->span_start, &start) != 0 ||
	    byte_offset(text, len, l->role->span_end, &end) != 0 ||
	    end < start) {
		*errstr = "the role's place in the policy text is not known";
		return NULL;
	}
	/* a comment on the last rule's line belongs to the rules */
	if (!l->role->span_flow) {
		while (end < len && (text[end] == ' ' || text[end] == '\t'))
			end++;
		if (end < len && text[end] == '#')
			while (end < len && text[end] != '\n')
				end++;
	}
	if ((f = open_memstream(&out, &size)) == NULL) {
		*errstr = "out of memory";
		return NULL;
	}
	ok = fwrite(text, 1, start, f) == start;
	if (l->role->span_flow)
		emit_flow(f, l);
	else
		emit_block(f, l, note);
	ok &= fwrite(text + end, 1, len - end, f) == len - end;
	if (fclose(f) != 0 || !ok) {
		free(out);
		*errstr = "out of memory";
		return NULL;
	}
	return out;
}

/* ------------------------------------------------------------------ */
/* dockergate learn */

struct lopts {
	const char	*policy;
	const char	*audit;
	const char	*role;
	const char	*since;
};

static int
parse_lopts(int argc, char **argv, struct lopts *o)
{
	int i;

	memset(o, 0, sizeof(*o));
	o->policy = POLICY_DEFAULT_PATH;
	for (i = 1; i < argc; i++) {
		if (i + 1 >= argc)
			return -1;
		if (strcmp(argv[i], "--policy") == 0)
			o->policy = argv[++i];
		else if (strcmp(argv[i], "--audit") == 0)
			o->audit = argv[++i];
		else if (strcmp(argv[i], "--role") == 0)
			o->role = argv[++i];
		else if (strcmp(argv[i], "--since") == 0)
			o->since = argv[++i];
		else
			return -1;
	}
	return o->audit != NULL ? 0 : -1;
}

/* The whole file, at most max bytes; NULL with errno. */
static char *
slurp(const char *path, size_t max, size_t *len)
{
	FILE *f = fopen(path, "re");
	char *buf;

	if (f == NULL)
		return NULL;
	buf = xmalloc(max + 1);
	*len = fread(buf, 1, max + 1, f);
	if (ferror(f) || *len > max) {
		errno = ferror(f) ? EIO : EFBIG;
		free(buf);
		buf = NULL;
	} else
		buf[*len] = '\0';
	(void)fclose(f);
	return buf;
}

/* --role, else the one role in observe mode. */
static const char *
pick_role(const struct policy *pol, const char *role)
{
	const char *found = NULL;
	size_t i;

	if (role != NULL)
		return role;
	for (i = 0; i < pol->nroles; i++)
		if (pol->roles[i].observe) {
			if (found != NULL)
				return NULL;
			found = pol->roles[i].name;
		}
	return found;
}

/* Every line of the audit file; skipped records said on stderr. */
static int
read_audit(struct learn *l, const char *path, size_t *skipped)
{
	char why[LEARN_WHY_MAX], *line;
	size_t lineno = 0, n;
	int c, r = 0;
	FILE *f;

	if ((f = fopen(path, "re")) == NULL)
		return -1;
	line = xmalloc(LEARN_LINE_MAX + 1);
	while (fgets(line, LEARN_LINE_MAX + 1, f) != NULL) {
		lineno++;
		n = strlen(line);
		if (n == LEARN_LINE_MAX && line[n - 1] != '\n') {
			/* the rest of an overlong line is not read */
			while ((c = getc(f)) != EOF && c != '\n')
				continue;
			(void)fail(why, sizeof(why), "longer than %d bytes",
			    LEARN_LINE_MAX);
		} else if (learn_line(l, line, n, why, sizeof(why)) != -1)
			continue;
		fprintf(stderr, "learn: %s:%zu: skipped: %s\n", path, lineno,
		    why);
		(*skipped)++;
	}
	if (ferror(f))
		r = -1;
	free(line);
	(void)fclose(f);
	return r;
}

/* The text proposed must load as a policy: say why not, if not. */
static int
proposal_loads(const char *out, const char *path)
{
	struct strv errs = { NULL, 0, 0 };
	struct policy *pol = NULL;
	int r;

	r = policy_parse(out, strlen(out), path, &pol, &errs);
	if (r != 0)
		fprintf(stderr, "dockergate: learn: the proposed policy does "
		    "not load: %s\n", errs.n ? errs.v[0] : path);
	strv_free(&errs);
	policy_free(pol);
	return r;
}

static int
learn_run(const struct lopts *o, const char *text, size_t len,
    const struct policy *pol)
{
	struct learn *l;
	const char *role = pick_role(pol, o->role), *err = "";
	char *note = NULL, *out = NULL;
	size_t skipped = 0;
	int rc = EX_CONFIG;

	if (role == NULL) {
		fprintf(stderr, "dockergate: learn: name the role with --role "
		    "(no single role of %s is in observe mode)\n", o->policy);
		return LEARN_EX_USAGE;
	}
	if ((l = learn_new(pol, role, o->since, &err)) == NULL) {
		fprintf(stderr, "dockergate: learn: %s: %s\n", role, err);
		return LEARN_EX_USAGE;
	}
	if (read_audit(l, o->audit, &skipped) != 0) {
		fprintf(stderr, "dockergate: learn: cannot read %s: %s\n",
		    o->audit, strerror(errno));
		rc = EX_UNAVAILABLE;
		goto done;
	}
	note = xasprintf("learnt by dockergate learn: %zu request%s of %s%s%s;"
	    " comments of the old rules are not kept", learn_count(l),
	    learn_count(l) == 1 ? "" : "s", o->audit, o->since ? " since " :
	    "", o->since ? o->since : "");
	if ((out = learn_policy(l, text, len, note, &err)) == NULL) {
		fprintf(stderr, "dockergate: learn: %s: %s in %s\n", role, err,
		    o->audit);
		rc = LEARN_EX_NOTHING;
	} else if (proposal_loads(out, o->policy) == 0) {
		fputs(out, stdout);
		fprintf(stderr, "learn: role %s: %zu request%s learnt into %zu "
		    "rule%s, %zu skipped\n", role, learn_count(l),
		    learn_count(l) == 1 ? "" : "s", l->nrules,
		    l->nrules == 1 ? "" : "s", skipped);
		rc = 0;
	}
done:
	free(out);
	free(note);
	learn_free(l);
	return rc;
}

int
learn_main(int argc, char **argv)
{
	struct strv errs = { NULL, 0, 0 };
	struct policy *pol = NULL;
	struct lopts o;
	char *text;
	size_t len = 0;
	int rc;

	if (parse_lopts(argc, argv, &o) != 0) {
		fputs(LEARN_USAGE, stderr);
		fprintf(stderr, "dockergate: invalid arguments\n");
		return LEARN_EX_USAGE;
	}
	if ((text = slurp(o.policy, POLICY_MAX_BYTES, &len)) == NULL) {
		fprintf(stderr, "dockergate: configuration error: %s: %s\n",
		    o.policy, strerror(errno));
		return EX_CONFIG;
	}
	if (policy_parse(text, len, o.policy, &pol, &errs) != 0) {
		fprintf(stderr, "dockergate: configuration error: %s\n",
		    errs.n ? errs.v[0] : o.policy);
		rc = EX_CONFIG;
	} else
		rc = learn_run(&o, text, len, pol);
	strv_free(&errs);
	policy_free(pol);
	free(text);
	return rc;
}
