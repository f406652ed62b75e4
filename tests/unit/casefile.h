/*
 * casefile.h: the reader of tests/data/decide/NAME.case (the format is in
 * tests/README.md) and the fake resolver a file describes.  Strict: any
 * line it does not understand fails the whole run with FILE:LINE.  Used by
 * test_cases (units, --explain, the e2e listing).  Include after
 * testutil.h and decidecase.h.
 *
 * - A case file MUST name exactly one policy and at least one case.
 * - The fake resolver MUST answer only from what the file states: a lookup
 *   it was not told about is "no such ...", never a guess.
 */
#ifndef DG_CASEFILE_H
#define DG_CASEFILE_H

#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>

#include "help.h"
#include "mounts.h"
#include "redact.h"

#define CF_DIR		"tests/data/decide"	/* where the case files are */
#define CF_MAX_LINE	4096	/* bytes of one line */
#define CF_MAX_FILE	(1024 * 1024)	/* bytes of one case or state file */
#define CF_MAX_INCLUDE	1	/* include depth (an include cannot include) */

/*
 * held: allowed by an approval: true rule, so held for a person.
 * observe: allowed only because the role is in mode: observe (its rules
 * deny it; the verdict keeps why).
 */
enum cf_verdict { CF_ALLOW, CF_DENY, CF_UNAVAILABLE, CF_HELD, CF_OBSERVE };

/* Resolver callbacks a file switches on (resolver KIND...). */
#define CF_PATH		0x01
#define CF_CONTAINER	0x02
#define CF_IMAGE	0x04
#define CF_FILE		0x08
#define CF_SERVICE	0x10
#define CF_COUNT	0x20
#define CF_NONE		0x40	/* no resolver at all (NULL) */

/* A container, service or image the fake engine knows. */
struct cf_obj {
	int		 kind;		/* CF_CONTAINER, CF_SERVICE, CF_IMAGE */
	char		*name;		/* name, or an image's ID */
	char		*id;
	struct strv	 refs;		/* other references it answers to */
	struct strv	 labels;	/* "K=V" (containers, services) */
	struct strv	 tags;		/* repo tags (images) */
};

/* A lookup that fails: fail KIND REF unavailable|error MESSAGE. */
struct cf_fail {
	int		 kind;
	char		*ref;
	int		 unavailable;
	char		*msg;
};

/* A host path for binds: path P [resolved=R] [writable]. */
struct cf_path {
	char		*path;
	char		*resolved;
	int		 writable;
};

struct cf_case {
	int		 line;
	enum cf_verdict	 verdict;
	char		*role;
	char		*cmd;
	char		*expect;
	char		*cwd;		/* NULL: the file's */
	char		*in;		/* standard input, NULL: the file's */
	size_t		 inlen;
	int		 redact;	/* REDACT_* wanted, -1: not checked */
	int		 e2e;
	char		*noexplain;	/* why --explain cannot run it */
	char		*rule;		/* the verdict's rule, NULL: any */
	int		 parser;	/* refused before decide() (deny) */
};

/* help[-json] ROLE => EXPECT, or !=> EXPECT: what help says for ROLE. */
struct cf_help {
	int		 line;
	char		*role;
	int		 json;		/* help --json, else help */
	int		 absent;	/* !=>: EXPECT must not appear */
	char		*expect;
};

struct cfile {
	char		*path;
	char		*policy_file;	/* policy FILE */
	char		*policy_text;	/* the policy, whichever way given */
	unsigned	 kinds;		/* CF_* callbacks switched on */
	char		*cwd;
	char		*in;
	size_t		 inlen;
	char		*files_prefix;	/* files PREFIX DIR */
	char		*files_dir;
	char		*untrusted;	/* substring of an untrusted path */
	long		 count;
	char		*noexplain;	/* explain no REASON */
	struct cf_obj	*objs;
	size_t		 nobjs;
	struct cf_fail	*fails;
	size_t		 nfails;
	struct cf_path	*paths;
	size_t		 npaths;
	struct cf_case	*cases;
	size_t		 ncases;
	struct cf_help	*helps;
	size_t		 nhelps;
	int		 depth;		/* include depth while reading */
};

static inline void
cf_free(struct cfile *f)
{
	size_t i;

	for (i = 0; i < f->nobjs; i++) {
		free(f->objs[i].name);
		free(f->objs[i].id);
		strv_free(&f->objs[i].refs);
		strv_free(&f->objs[i].labels);
		strv_free(&f->objs[i].tags);
	}
	for (i = 0; i < f->nfails; i++) {
		free(f->fails[i].ref);
		free(f->fails[i].msg);
	}
	for (i = 0; i < f->npaths; i++) {
		free(f->paths[i].path);
		free(f->paths[i].resolved);
	}
	for (i = 0; i < f->ncases; i++) {
		free(f->cases[i].role);
		free(f->cases[i].cmd);
		free(f->cases[i].expect);
		free(f->cases[i].cwd);
		free(f->cases[i].in);
		free(f->cases[i].noexplain);
		free(f->cases[i].rule);
	}
	for (i = 0; i < f->nhelps; i++) {
		free(f->helps[i].role);
		free(f->helps[i].expect);
	}
	free(f->helps);
	free(f->objs);
	free(f->fails);
	free(f->paths);
	free(f->cases);
	free(f->path);
	free(f->policy_file);
	free(f->policy_text);
	free(f->cwd);
	free(f->in);
	free(f->files_prefix);
	free(f->files_dir);
	free(f->untrusted);
	free(f->noexplain);
	memset(f, 0, sizeof(*f));
}

/* The whole of path, NUL-terminated, in *buf (caller frees): 0 or -1. */
static inline int
cf_slurp(const char *path, char **buf, size_t *len)
{
	FILE *fp;
	size_t n;

	*buf = NULL;
	if ((fp = fopen(path, "r")) == NULL)
		return -1;
	*buf = xmalloc(CF_MAX_FILE + 1);
	n = fread(*buf, 1, CF_MAX_FILE + 1, fp);
	(void)fclose(fp);
	if (n > CF_MAX_FILE) {
		free(*buf);
		*buf = NULL;
		return -1;
	}
	(*buf)[n] = '\0';
	if (len != NULL)
		*len = n;
	return 0;
}

/*
 * A quoted string "..." with the escapes \n \t \\ \" \xHH, or a bare
 * word: *out (caller frees) and *outlen.  Returns 0, or -1 with *err.
 */
static inline int
cf_unquote(const char *s, char **out, size_t *outlen, const char **err)
{
	size_t n = strlen(s), i, o = 0;
	char *b;
	unsigned v;

	if (n < 2 || s[0] != '"' || s[n - 1] != '"') {
		*out = xstrdup(s);
		*outlen = n;
		return 0;
	}
	b = xmalloc(n);
	for (i = 1; i < n - 1; i++) {
		if (s[i] == '"') {
			*err = "an unescaped \" inside a quoted string";
			goto bad;
		}
		if (s[i] != '\\') {
			b[o++] = s[i];
			continue;
		}
		switch (s[++i]) {
		case 'n':	b[o++] = '\n'; break;
		case 't':	b[o++] = '\t'; break;
		case '\\':	b[o++] = '\\'; break;
		case '"':	b[o++] = '"'; break;
		case 'x':
			if (!isxdigit((unsigned char)s[i + 1]) ||
			    !isxdigit((unsigned char)s[i + 2]) ||
			    sscanf(s + i + 1, "%2x", &v) != 1) {
				*err = "\\x needs two hex digits";
				goto bad;
			}
			b[o++] = (char)v;
			i += 2;
			break;
		default:
			*err = "unknown escape (\\n \\t \\\\ \\\" \\xHH)";
			goto bad;
		}
	}
	b[o] = '\0';
	*out = b;
	*outlen = o;
	return 0;
bad:
	free(b);
	return -1;
}

/* Split s at single spaces into words (a quoted string is one word). */
static inline int
cf_words(const char *s, struct strv *w, const char **err)
{
	const char *p = s, *q;

	while (*p != '\0') {
		if (*p == ' ') {
			*err = "two spaces in a row where one word ends";
			return -1;
		}
		q = p + strcspn(p, " \"");
		if (*q == '"') {
			/* "..." or KEY="...": up to the closing quote */
			if (q != p && q[-1] != '=') {
				*err = "a quote inside a word";
				return -1;
			}
			for (q++; *q != '\0' && *q != '"';)
				q += *q == '\\' && q[1] != '\0' ? 2 : 1;
			if (*q != '"') {
				*err = "a quoted string is not closed";
				return -1;
			}
			q++;
		}
		if (*q != '\0' && *q != ' ') {
			*err = "text after a closing quote";
			return -1;
		}
		strv_take(w, xstrndup(p, (size_t)(q - p)));
		p = *q == ' ' ? q + 1 : q;
		if (*q == ' ' && *p == '\0') {
			*err = "a space at the end of the line";
			return -1;
		}
	}
	return 0;
}

static inline int
cf_kind(const char *s)
{
	static const struct { const char *name; int kind; } k[] = {
		{ "path", CF_PATH }, { "container", CF_CONTAINER },
		{ "image", CF_IMAGE }, { "file", CF_FILE },
		{ "service", CF_SERVICE }, { "count", CF_COUNT },
		{ "none", CF_NONE },
	};
	size_t i;

	for (i = 0; i < NELEM(k); i++)
		if (strcmp(k[i].name, s) == 0)
			return k[i].kind;
	return 0;
}

/* container|service NAME [id=ID] [ref=R]... [label=K=V]...; image ID ... */
static inline int
cf_object(struct cfile *f, int kind, const struct strv *w, const char **err)
{
	struct cf_obj *o;
	size_t i;

	if (w->n < 2) {
		*err = "an object needs a name (or an image ID)";
		return -1;
	}
	f->objs = xreallocarray(f->objs, f->nobjs + 1, sizeof(*f->objs));
	o = &f->objs[f->nobjs++];
	memset(o, 0, sizeof(*o));
	o->kind = kind;
	o->name = xstrdup(w->v[1]);
	o->id = xstrdup(kind == CF_IMAGE ? w->v[1] : "");
	for (i = 2; i < w->n; i++) {
		if (kind != CF_IMAGE && strncmp(w->v[i], "id=", 3) == 0) {
			free(o->id);
			o->id = xstrdup(w->v[i] + 3);
		} else if (strncmp(w->v[i], "ref=", 4) == 0)
			strv_push(&o->refs, w->v[i] + 4);
		else if (kind != CF_IMAGE && strncmp(w->v[i], "label=", 6) == 0 &&
		    strchr(w->v[i] + 6, '=') != NULL)
			strv_push(&o->labels, w->v[i] + 6);
		else if (kind == CF_IMAGE && strncmp(w->v[i], "tag=", 4) == 0)
			strv_push(&o->tags, w->v[i] + 4);
		else {
			*err = kind == CF_IMAGE ? "an image takes ref=R and "
			    "tag=T only" : "an object takes id=ID, ref=R and "
			    "label=K=V only";
			return -1;
		}
	}
	return 0;
}

/* fail KIND REF unavailable|error MESSAGE... (the rest of the line). */
static inline int
cf_fail_line(struct cfile *f, const char *line, const char **err)
{
	struct strv w = { NULL, 0, 0 };
	struct cf_fail *x;
	const char *msg;
	int kind, rc = -1;

	if (cf_words(line, &w, err) != 0)
		goto out;
	if (w.n < 5 || (kind = cf_kind(w.v[1])) == 0 || kind == CF_NONE ||
	    kind == CF_FILE || (strcmp(w.v[3], "unavailable") != 0 &&
	    strcmp(w.v[3], "error") != 0)) {
		*err = "fail KIND REF unavailable|error MESSAGE";
		goto out;
	}
	msg = line + strlen(w.v[0]) + strlen(w.v[1]) + strlen(w.v[2]) +
	    strlen(w.v[3]) + 4;
	f->fails = xreallocarray(f->fails, f->nfails + 1, sizeof(*f->fails));
	x = &f->fails[f->nfails++];
	x->kind = kind;
	x->ref = xstrdup(w.v[2]);
	x->unavailable = strcmp(w.v[3], "unavailable") == 0;
	x->msg = xstrdup(msg);
	rc = 0;
out:
	strv_free(&w);
	return rc;
}

/* path P [resolved=R] [writable] */
static inline int
cf_path_line(struct cfile *f, const struct strv *w, const char **err)
{
	struct cf_path *p;
	size_t i;

	if (w->n < 3 || w->v[1][0] != '/') {
		*err = "path /ABSOLUTE [resolved=R] [writable]";
		return -1;
	}
	f->paths = xreallocarray(f->paths, f->npaths + 1, sizeof(*f->paths));
	p = &f->paths[f->npaths++];
	p->path = xstrdup(w->v[1]);
	p->resolved = xstrdup(w->v[1]);
	p->writable = 0;
	for (i = 2; i < w->n; i++) {
		if (strncmp(w->v[i], "resolved=", 9) == 0) {
			free(p->resolved);
			p->resolved = xstrdup(w->v[i] + 9);
		} else if (strcmp(w->v[i], "writable") == 0)
			p->writable = 1;
		else {
			*err = "path takes resolved=R and writable only";
			return -1;
		}
	}
	return 0;
}

/* A case option: cwd=, stdin=, redact=, e2e, noexplain=, rule=, parser. */
static inline int
cf_option(struct cf_case *c, const char *o, const char **err)
{
	static const struct { const char *name; int bit; } rd[] = {
		{ "env", REDACT_ENV }, { "build", REDACT_BUILD },
		{ "events", REDACT_EVENTS },
		{ "events-text", REDACT_EVENTS_TEXT }, { "none", 0 },
	};
	char *v, *tok, *save = NULL;
	size_t n, i;

	if (strcmp(o, "e2e") == 0 && !c->e2e) {
		c->e2e = 1;
		return 0;
	}
	if (strcmp(o, "parser") == 0 && !c->parser) {
		c->parser = 1;
		return 0;
	}
	if (strncmp(o, "cwd=/", 5) == 0 && c->cwd == NULL) {
		c->cwd = xstrdup(o + 4);
		return 0;
	}
	if (strncmp(o, "stdin=", 6) == 0 && c->in == NULL)
		return cf_unquote(o + 6, &c->in, &c->inlen, err);
	if (strncmp(o, "noexplain=", 10) == 0 && o[10] != '\0' &&
	    c->noexplain == NULL)
		return cf_unquote(o + 10, &c->noexplain, &n, err);
	if (strncmp(o, "rule=", 5) == 0 && o[5] != '\0' && c->rule == NULL) {
		c->rule = xstrdup(o + 5);
		return 0;
	}
	if (strncmp(o, "redact=", 7) != 0 || c->redact != -1 || o[7] == '\0') {
		*err = "unknown or repeated option (e2e, cwd=/DIR, stdin=\"..\","
		    " redact=KIND,.., noexplain=\"why\", rule=NAME, parser)";
		return -1;
	}
	c->redact = 0;
	v = xstrdup(o + 7);
	for (tok = strtok_r(v, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < NELEM(rd) && strcmp(rd[i].name, tok) != 0; i++)
			;
		if (i == NELEM(rd)) {
			*err = "redact= takes env, build, events, events-text, "
			    "none";
			free(v);
			return -1;
		}
		c->redact |= rd[i].bit;
	}
	free(v);
	return 0;
}

/* VERDICT ROLE [OPTION]... | COMMAND [=> EXPECT] */
static inline int
cf_case_line(struct cfile *f, const char *line, int lineno, const char **err)
{
	struct strv w = { NULL, 0, 0 };
	struct cf_case c;
	const char *bar = strstr(line, " | "), *arrow;
	char *head;
	size_t i, n;
	int rc = -1;

	memset(&c, 0, sizeof(c));
	c.line = lineno;
	c.redact = -1;
	if (bar == NULL) {
		*err = "a case is VERDICT ROLE [OPTION]... | COMMAND [=> EXPECT]";
		return -1;
	}
	head = xstrndup(line, (size_t)(bar - line));
	if (cf_words(head, &w, err) != 0)
		goto out;
	if (w.n < 2) {
		*err = "a case needs a verdict and a role before \" | \"";
		goto out;
	}
	if (strcmp(w.v[0], "allow") == 0)
		c.verdict = CF_ALLOW;
	else if (strcmp(w.v[0], "deny") == 0)
		c.verdict = CF_DENY;
	else if (strcmp(w.v[0], "unavailable") == 0)
		c.verdict = CF_UNAVAILABLE;
	else if (strcmp(w.v[0], "held") == 0)
		c.verdict = CF_HELD;
	else if (strcmp(w.v[0], "observe") == 0)
		c.verdict = CF_OBSERVE;
	else {
		*err = "the verdict is allow, deny, unavailable, held or "
		    "observe";
		goto out;
	}
	for (i = 2; i < w.n; i++)
		if (cf_option(&c, w.v[i], err) != 0)
			goto out;
	if (c.verdict == CF_HELD && c.e2e) {
		*err = "a held case cannot be e2e (t-38 tests approval end "
		    "to end)";
		goto out;
	}
	if (c.verdict == CF_OBSERVE && c.e2e) {
		*err = "an observe case cannot be e2e (t-39 tests observe "
		    "mode end to end)";
		goto out;
	}
	if (c.parser && c.verdict != CF_DENY) {
		*err = "parser goes with deny only";
		goto out;
	}
	bar += 3;
	if ((arrow = strstr(bar, " => ")) != NULL) {
		c.cmd = xstrndup(bar, (size_t)(arrow - bar));
		if (cf_unquote(arrow + 4, &c.expect, &n, err) != 0)
			goto out;
		if (c.expect[0] == '\0' || strlen(c.expect) != n) {
			*err = "an empty or NUL-bearing expectation (leave "
			    "\" => \" out for none)";
			goto out;
		}
	} else {
		c.cmd = xstrdup(bar);
		c.expect = xstrdup("");
	}
	if (c.cmd[0] == '\0' || strstr(c.cmd, " => ") != NULL ||
	    strstr(arrow != NULL ? arrow + 4 : "", " => ") != NULL) {
		*err = "a command is needed, and \" => \" appears once at most";
		goto out;
	}
	c.role = xstrdup(w.v[1]);
	f->cases = xreallocarray(f->cases, f->ncases + 1, sizeof(*f->cases));
	f->cases[f->ncases++] = c;
	memset(&c, 0, sizeof(c));
	rc = 0;
out:
	free(c.cmd);
	free(c.expect);
	free(c.cwd);
	free(c.in);
	free(c.noexplain);
	free(c.rule);
	free(head);
	strv_free(&w);
	return rc;
}

/* help ROLE => EXPECT, help-json ROLE => EXPECT; !=> for must-not. */
static inline int
cf_help_line(struct cfile *f, const char *line, int lineno, const char **err)
{
	struct cf_help h;
	const char *role, *sp, *x;
	size_t n;

	memset(&h, 0, sizeof(h));
	h.line = lineno;
	h.json = strncmp(line, "help-json ", 10) == 0;
	role = line + (h.json ? 10 : 5);
	sp = strchr(role, ' ');
	if (sp == NULL || sp == role || (strncmp(sp, " => ", 4) != 0 &&
	    strncmp(sp, " !=> ", 5) != 0)) {
		*err = "a help check is help[-json] ROLE => EXPECT (or !=> "
		    "for text that must not appear)";
		return -1;
	}
	h.absent = sp[1] == '!';
	x = sp + (h.absent ? 5 : 4);
	if (cf_unquote(x, &h.expect, &n, err) != 0)
		return -1;
	if (h.expect[0] == '\0' || strlen(h.expect) != n) {
		*err = "an empty or NUL-bearing expectation";
		free(h.expect);
		return -1;
	}
	h.role = xstrndup(role, (size_t)(sp - role));
	f->helps = xreallocarray(f->helps, f->nhelps + 1, sizeof(*f->helps));
	f->helps[f->nhelps++] = h;
	return 0;
}

static inline int cf_read_text(struct cfile *, const char *, const char *,
    char *, size_t);

/* include NAME: its directives, read in place (msg: FILE:LINE). */
static inline int
cf_include(struct cfile *f, const char *name, char *msg, size_t msglen,
    const char **err)
{
	char *text = NULL;
	int rc;

	if (f->depth >= CF_MAX_INCLUDE) {
		*err = "an include in an include";
		return -1;
	}
	if (cf_slurp(name, &text, NULL) != 0) {
		*err = "cannot read the included file";
		return -1;
	}
	f->depth++;
	rc = cf_read_text(f, name, text, msg, msglen);
	f->depth--;
	free(text);
	if (rc != 0)
		*err = NULL;	/* msg says FILE:LINE already */
	return rc;
}

/* resolver KIND...: the callbacks the decision gets. */
static inline int
cf_kinds(struct cfile *f, const struct strv *w, const char **err)
{
	size_t i;
	int k;

	for (i = 1; i < w->n; i++) {
		if ((k = cf_kind(w->v[i])) == 0 || (f->kinds & (unsigned)k)) {
			*err = "resolver takes path container image file "
			    "service count, or none, once each";
			return -1;
		}
		f->kinds |= (unsigned)k;
	}
	if ((f->kinds & CF_NONE) && f->kinds != CF_NONE) {
		*err = "resolver none with callbacks";
		return -1;
	}
	return 0;
}

/* One directive line (not a case, not a policy line). */
static inline int
cf_directive(struct cfile *f, const char *line, char *msg, size_t msglen,
    const char **err)
{
	struct strv w = { NULL, 0, 0 };
	int rc = -1, k;

	if (cf_words(line, &w, err) != 0)
		goto out;
	if (strcmp(w.v[0], "policy") == 0 && w.n == 2) {
		if (f->policy_text != NULL) {
			*err = "a second policy";
			goto out;
		}
		f->policy_file = xstrdup(w.v[1]);
		if (cf_slurp(w.v[1], &f->policy_text, NULL) != 0) {
			*err = "cannot read the policy file";
			goto out;
		}
	} else if (strcmp(w.v[0], "include") == 0 && w.n == 2) {
		rc = cf_include(f, w.v[1], msg, msglen, err);
		goto out;
	} else if (strcmp(w.v[0], "resolver") == 0 && w.n >= 2) {
		if (cf_kinds(f, &w, err) != 0)
			goto out;
	} else if ((k = cf_kind(w.v[0])) == CF_CONTAINER || k == CF_SERVICE ||
	    k == CF_IMAGE) {
		if (cf_object(f, k, &w, err) != 0)
			goto out;
	} else if (strcmp(w.v[0], "fail") == 0) {
		if (cf_fail_line(f, line, err) != 0)
			goto out;
	} else if (strcmp(w.v[0], "path") == 0) {
		if (cf_path_line(f, &w, err) != 0)
			goto out;
	} else if (strcmp(w.v[0], "cwd") == 0 && w.n == 2 &&
	    w.v[1][0] == '/' && f->cwd == NULL) {
		f->cwd = xstrdup(w.v[1]);
	} else if (strcmp(w.v[0], "stdin") == 0 && w.n == 2 && f->in == NULL) {
		if (cf_unquote(w.v[1], &f->in, &f->inlen, err) != 0)
			goto out;
	} else if (strcmp(w.v[0], "files") == 0 && w.n == 3 &&
	    f->files_dir == NULL) {
		f->files_prefix = xstrdup(w.v[1]);
		f->files_dir = xstrdup(w.v[2]);
	} else if (strcmp(w.v[0], "untrusted") == 0 && w.n == 2 &&
	    f->untrusted == NULL) {
		f->untrusted = xstrdup(w.v[1]);
	} else if (strcmp(w.v[0], "count") == 0 && w.n == 2 &&
	    strspn(w.v[1], "0123456789") == strlen(w.v[1])) {
		f->count = strtol(w.v[1], NULL, 10);
	} else if (strcmp(w.v[0], "explain") == 0 && w.n >= 3 &&
	    strcmp(w.v[1], "no") == 0 && f->noexplain == NULL) {
		f->noexplain = xstrdup(line + strlen("explain no "));
	} else {
		*err = "unknown or malformed directive";
		goto out;
	}
	rc = 0;
out:
	strv_free(&w);
	return rc;
}

/*
 * Read text (the contents of file name) into f: 0, or -1 with msg
 * "NAME:LINE: what is wrong".
 */
static inline int
cf_read_text(struct cfile *f, const char *name, const char *text, char *msg,
    size_t msglen)
{
	const char *p = text, *nl, *err = NULL;
	char line[CF_MAX_LINE + 1];
	int lineno = 0, inpolicy = 0;
	size_t n;
	char *pol;

	for (; *p != '\0'; p = *nl == '\n' ? nl + 1 : nl) {
		lineno++;
		nl = p + strcspn(p, "\n");
		if ((n = (size_t)(nl - p)) > CF_MAX_LINE || *nl != '\n') {
			err = n > CF_MAX_LINE ? "line too long" :
			    "the last line has no newline";
			break;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		if (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t')) {
			err = "trailing white space";
			break;
		}
		if (strchr(line, '\t') != NULL && line[0] != '>') {
			err = "a tab (only policy lines may hold one)";
			break;
		}
		if (line[0] == '>' && (line[1] == '\0' || line[1] == ' ')) {
			if (f->policy_file != NULL || (f->policy_text != NULL &&
			    !inpolicy)) {
				err = "a second policy";
				break;
			}
			pol = xasprintf("%s%s\n", f->policy_text != NULL ?
			    f->policy_text : "", line[1] ? line + 2 : "");
			free(f->policy_text);
			f->policy_text = pol;
			inpolicy = 1;
			continue;
		}
		inpolicy = 0;
		if (line[0] == '\0' || line[0] == '#')
			continue;
		if (strstr(line, " | ") != NULL && (strncmp(line, "allow ", 6)
		    == 0 || strncmp(line, "deny ", 5) == 0 ||
		    strncmp(line, "unavailable ", 12) == 0 ||
		    strncmp(line, "held ", 5) == 0 ||
		    strncmp(line, "observe ", 8) == 0)) {
			if (f->depth > 0) {
				err = "a case in an included file";
				break;
			}
			if (cf_case_line(f, line, lineno, &err) != 0)
				break;
			continue;
		}
		if (strncmp(line, "help ", 5) == 0 ||
		    strncmp(line, "help-json ", 10) == 0) {
			if (f->depth > 0) {
				err = "a help check in an included file";
				break;
			}
			if (cf_help_line(f, line, lineno, &err) != 0)
				break;
			continue;
		}
		if (f->ncases > 0 || f->nhelps > 0) {
			err = "a directive after the first case";
			break;
		}
		if (cf_directive(f, line, msg, msglen, &err) != 0) {
			if (err == NULL)
				return -1;
			break;
		}
	}
	if (err != NULL) {
		(void)snprintf(msg, msglen, "%s:%d: %s", name, lineno, err);
		return -1;
	}
	return 0;
}

/* Read the case file path into *f: 0, or -1 with msg (FILE:LINE: ...). */
static inline int
cf_read(const char *path, struct cfile *f, char *msg, size_t msglen)
{
	char *text = NULL;
	int rc;

	memset(f, 0, sizeof(*f));
	f->path = xstrdup(path);
	if (cf_slurp(path, &text, NULL) != 0) {
		(void)snprintf(msg, msglen, "%s:0: cannot read it", path);
		return -1;
	}
	rc = cf_read_text(f, path, text, msg, msglen);
	free(text);
	if (rc == 0 && (f->policy_text == NULL || f->ncases + f->nhelps ==
	    0)) {
		(void)snprintf(msg, msglen, "%s:0: %s", path, f->policy_text ==
		    NULL ? "no policy (policy FILE, or \"> \" lines)" :
		    "no cases");
		rc = -1;
	}
	return rc;
}

/* The *.case files of dir, sorted, in *names (full paths): 0 or -1. */
static inline int
cf_list(const char *dir, struct strv *names)
{
	struct dirent **ents = NULL;
	int n, i;
	size_t l;

	if ((n = scandir(dir, &ents, NULL, alphasort)) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		l = strlen(ents[i]->d_name);
		if (l > 5 && strcmp(ents[i]->d_name + l - 5, ".case") == 0)
			strv_take(names, xasprintf("%s/%s", dir,
			    ents[i]->d_name));
		free(ents[i]);
	}
	free(ents);
	return 0;
}

/* ------------------------------------------------ the fake resolver */

static inline const struct cf_fail *
cf_failure(const struct cfile *f, int kind, const char *ref)
{
	size_t i;

	for (i = 0; i < f->nfails; i++)
		if (f->fails[i].kind == kind && strcmp(f->fails[i].ref, ref) == 0)
			return &f->fails[i];
	return NULL;
}

/* By name (an image: ID), full ID, or a listed ref; nothing else. */
static inline const struct cf_obj *
cf_find(const struct cfile *f, int kind, const char *ref)
{
	size_t i;

	for (i = 0; i < f->nobjs; i++)
		if (f->objs[i].kind == kind && (strcmp(f->objs[i].name, ref)
		    == 0 || strcmp(f->objs[i].id, ref) == 0 ||
		    strv_has(&f->objs[i].refs, ref)))
			return &f->objs[i];
	return NULL;
}

static inline int
cf_target(const struct cfile *f, int kind, const char *ref, struct target *t,
    int *unavailable, const char **errstr)
{
	const struct cf_fail *x;
	const struct cf_obj *o;
	const char *eq;
	size_t i;

	if ((x = cf_failure(f, kind, ref)) != NULL) {
		*unavailable = x->unavailable;
		*errstr = x->msg;
		return -1;
	}
	if ((o = cf_find(f, kind, ref)) == NULL) {
		*errstr = kind == CF_SERVICE ? "no such service" :
		    "no such container";
		return -1;
	}
	t->id = xstrdup(o->id);
	t->name = xstrdup(o->name);
	for (i = 0; i < o->labels.n; i++) {
		eq = strchr(o->labels.v[i], '=');
		t->labels = xreallocarray(t->labels, t->nlabels + 1,
		    sizeof(*t->labels));
		t->labels[t->nlabels].key = xstrndup(o->labels.v[i],
		    (size_t)(eq - o->labels.v[i]));
		t->labels[t->nlabels++].value = xstrdup(eq + 1);
	}
	return 0;
}

static int
cf_fake_container(void *ctx, const char *ref, struct target *t,
    int *unavailable, const char **errstr)
{
	return cf_target(ctx, CF_CONTAINER, ref, t, unavailable, errstr);
}

static int
cf_fake_service(void *ctx, const char *ref, struct target *t,
    int *unavailable, const char **errstr)
{
	return cf_target(ctx, CF_SERVICE, ref, t, unavailable, errstr);
}

static int
cf_fake_image(void *ctx, const char *ref, struct strv *tags, int *unavailable,
    const char **errstr)
{
	const struct cf_fail *x;
	const struct cf_obj *o;
	size_t i;

	if ((x = cf_failure(ctx, CF_IMAGE, ref)) != NULL) {
		*unavailable = x->unavailable;
		*errstr = x->msg;
		return -1;
	}
	if ((o = cf_find(ctx, CF_IMAGE, ref)) == NULL) {
		*errstr = "no such image";
		return -1;
	}
	for (i = 0; i < o->tags.n; i++)
		strv_push(tags, o->tags.v[i]);
	return 0;
}

/* A path as stated, else itself and not writable. */
static int
cf_fake_path(void *ctx, const char *path, char **resolved, int *writable,
    const char **errstr)
{
	const struct cfile *f = ctx;
	const struct cf_fail *x;
	size_t i;

	if ((x = cf_failure(f, CF_PATH, path)) != NULL) {
		*errstr = x->msg;
		return -1;
	}
	*resolved = NULL;
	*writable = 0;
	for (i = 0; i < f->npaths && *resolved == NULL; i++)
		if (strcmp(f->paths[i].path, path) == 0) {
			*resolved = xstrdup(f->paths[i].resolved);
			*writable = f->paths[i].writable;
		}
	if (*resolved == NULL)
		*resolved = xstrdup(path);
	return 0;
}

/*
 * files PREFIX DIR: PREFIX/x is DIR/x, nothing else exists; a path is
 * trusted unless it holds the untrusted substring.
 */
static int
cf_fake_file(void *ctx, const char *path, char **resolved, char **content,
    size_t *len, int *trusted, const char **errstr)
{
	const struct cfile *f = ctx;
	size_t pl = strlen(f->files_prefix);
	struct stat st;
	char *real;
	int rc = 1;

	(void)errstr;
	*resolved = *content = NULL;
	*len = 0;
	*trusted = f->untrusted == NULL || strstr(path, f->untrusted) == NULL;
	if (strncmp(path, f->files_prefix, pl) != 0 || path[pl] != '/')
		return 1;
	real = xasprintf("%s%s", f->files_dir, path + pl);
	if (stat(real, &st) == 0) {
		*resolved = mounts_clean_path(path);
		rc = 0;
		if (!S_ISDIR(st.st_mode) && cf_slurp(real, content, len) != 0)
			rc = -1;
	}
	if (rc == -1) {
		free(*resolved);
		*resolved = NULL;
		*errstr = "cannot read a fake file";
	}
	free(real);
	return rc;
}

static int
cf_fake_count(void *ctx, const char *role, long *n, int *unavailable,
    const char **errstr)
{
	const struct cfile *f = ctx;
	const struct cf_fail *x;

	if ((x = cf_failure(f, CF_COUNT, role)) != NULL) {
		*unavailable = x->unavailable;
		*errstr = x->msg;
		return -1;
	}
	*n = f->count;
	return 0;
}

/* The resolver case c of f runs with: NULL, or *res filled. */
static inline const struct resolver *
cf_resolver(const struct cfile *f, const struct cf_case *c,
    struct resolver *res)
{
	memset(res, 0, sizeof(*res));
	if (f->kinds & CF_NONE)
		return NULL;
	res->ctx = res->count_ctx = (void *)f;
	res->path = (f->kinds & CF_PATH) ? cf_fake_path : NULL;
	res->container = (f->kinds & CF_CONTAINER) ? cf_fake_container : NULL;
	res->image = (f->kinds & CF_IMAGE) ? cf_fake_image : NULL;
	res->file = (f->kinds & CF_FILE) && f->files_dir != NULL ?
	    cf_fake_file : NULL;
	res->service = (f->kinds & CF_SERVICE) ? cf_fake_service : NULL;
	res->count = (f->kinds & CF_COUNT) ? cf_fake_count : NULL;
	res->cwd = c->cwd != NULL ? c->cwd : f->cwd != NULL ? f->cwd : "/";
	res->stdin_data = c->in != NULL ? c->in : f->in;
	res->stdin_len = c->in != NULL ? c->inlen : f->inlen;
	return res;
}

static inline const char *
cf_verdict_name(enum cf_verdict v)
{
	return v == CF_ALLOW ? "allow" : v == CF_DENY ? "deny" :
	    v == CF_HELD ? "held" : v == CF_OBSERVE ? "observe" :
	    "unavailable";
}

/*
 * Run case c of f against pol as the gateway decides: 0 when it holds,
 * 1 when not (printed with FILE:LINE).  A command the command line or the
 * grammar refuses is a denial whose reason is their message (and only
 * such a denial holds a parser case).  An observe verdict's text is its
 * reason: why the role's rules deny what observe mode runs.
 */
static inline int
cf_run(const struct cfile *f, const struct policy *pol,
    const struct cf_case *c)
{
	struct resolver rbuf;
	const struct resolver *res = cf_resolver(f, c, &rbuf);
	struct verdict v;
	const char *err, *got;
	char *argv = NULL;
	enum cf_verdict is;
	int bad;

	if (dcase_decide(pol, res, c->role, c->cmd, &v, &argv, &err) != 0) {
		bad = c->verdict != CF_DENY || strstr(err, c->expect) == NULL;
		if (bad)
			print_error("%s:%d: %s: refused by the parser: %s, "
			    "want %s with \"%s\"\n", f->path, c->line, c->cmd,
			    err, cf_verdict_name(c->verdict), c->expect);
		return bad;
	}
	is = v.observe ? CF_OBSERVE : v.allow ? (v.approval ? CF_HELD :
	    CF_ALLOW) : v.unavailable ? CF_UNAVAILABLE : CF_DENY;
	got = v.allow && !v.observe ? argv : v.reason;
	bad = is != c->verdict || c->parser || ((!v.allow || v.observe) &&
	    v.reason[0] == '\0') || strstr(got, c->expect) == NULL ||
	    (c->redact != -1 && (int)v.redact != c->redact) ||
	    (c->rule != NULL && strcmp(v.rule, c->rule) != 0);
	if (bad)
		print_error("%s:%d: %s: %s (%s) redact %u rule %s, want %s "
		    "with \"%s\"%s%s%s\n", f->path, c->line, c->cmd,
		    cf_verdict_name(is), got, v.redact, v.rule,
		    cf_verdict_name(c->verdict), c->expect,
		    c->redact != -1 ? " and that redact" : "",
		    c->rule != NULL ? " and that rule" : "",
		    c->parser ? " by the parser" : "");
	free(argv);
	decide_verdict_free(&v);
	return bad;
}

/* s as a quoted case-file string (caller frees): \n \t \\ \" \xHH. */
static inline char *
cf_quoted(const char *s)
{
	char *b = xmalloc(strlen(s) * 4 + 3), *o = b;

	*o++ = '"';
	for (; *s != '\0'; s++) {
		if (*s == '\n' || *s == '\t' || *s == '\\' || *s == '"') {
			*o++ = '\\';
			*o++ = *s == '\n' ? 'n' : *s == '\t' ? 't' : *s;
		} else if ((unsigned char)*s < 0x20 || *s == 0x7f)
			o += snprintf(o, 5, "\\x%02x", (unsigned char)*s);
		else
			*o++ = *s;
	}
	*o++ = '"';
	*o = '\0';
	return b;
}

/*
 * Check help h of f against pol, as help_text()/help_json() print it for
 * the role: 0 when it holds, 1 when not (printed with FILE:LINE).
 */
static inline int
cf_help_run(const struct cfile *f, const struct policy *pol,
    const struct cf_help *h)
{
	const struct role *r = policy_role(pol, h->role);
	char *t, *q;
	int bad;

	if (r == NULL) {
		print_error("%s:%d: help: no role %s in the policy\n", f->path,
		    h->line, h->role);
		return 1;
	}
	t = h->json ? help_json(r) : help_text(r);
	bad = (strstr(t, h->expect) != NULL) == h->absent;
	if (bad) {
		q = cf_quoted(h->expect);
		print_error("%s:%d: help%s for %s %s %s\n", f->path, h->line,
		    h->json ? " --json" : "", h->role, h->absent ? "holds" :
		    "lacks", q);
		free(q);
	}
	free(t);
	return bad;
}

/* Parse f's policy into *pol: 0, or -1 with the problem printed. */
static inline int
cf_policy(const struct cfile *f, struct policy **pol)
{
	struct strv errs = { NULL, 0, 0 };
	const char *name = f->policy_file != NULL ? f->policy_file : f->path;

	*pol = NULL;
	if (policy_parse(f->policy_text, strlen(f->policy_text), name, pol,
	    &errs) == 0)
		return 0;
	print_error("%s: policy: %s\n", f->path, errs.n ? errs.v[0] : "?");
	strv_free(&errs);
	return -1;
}

#endif
