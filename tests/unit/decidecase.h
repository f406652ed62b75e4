/*
 * decidecase.h: one decision case, split, parsed, decided and rendered the
 * way the gateway does it.  Shared by test_decide, test_services and
 * test_compose.  Include after testutil.h.
 */
#ifndef DG_DECIDECASE_H
#define DG_DECIDECASE_H

#include "cmdline.h"
#include "decide.h"
#include "grammar.h"
#include "policy.h"
#include "render.h"
#include "util.h"

#define DCASE_MAX_POLICY	(256 * 1024)	/* bytes of a policy fixture */

struct dcase {
	const char *role;
	const char *cmd;
	int allow;
	const char *expect;	/* reason substring, or argv substring */
};

/* For a group setup: text parsed into *pol; 0, or -1 with the error shown. */
static inline int
dcase_policy(const char *text, struct policy **pol)
{
	struct strv errs = { NULL, 0, 0 };

	if (policy_parse(text, strlen(text), "test.yaml", pol, &errs) == 0)
		return 0;
	print_error("policy: %s\n", errs.n ? errs.v[0] : "?");
	strv_free(&errs);
	return -1;
}

/* The policy in file path (a test fixture) parsed into *pol: 0 or -1. */
static inline int
dcase_policy_file(const char *path, struct policy **pol)
{
	FILE *fp;
	char *buf;
	size_t n;
	int rc;

	if ((fp = fopen(path, "r")) == NULL) {
		print_error("%s: cannot open\n", path);
		return -1;
	}
	buf = xmalloc(DCASE_MAX_POLICY + 1);
	n = fread(buf, 1, DCASE_MAX_POLICY + 1, fp);
	(void)fclose(fp);
	buf[n > DCASE_MAX_POLICY ? DCASE_MAX_POLICY : n] = '\0';
	rc = n > DCASE_MAX_POLICY ? -1 : dcase_policy(buf, pol);
	free(buf);
	return rc;
}

/*
 * Split, parse, decide and render cmd for role as the gateway does.
 * Returns 0 with *v filled (free with decide_verdict_free) and *argv the
 * rendered words joined by spaces (caller frees), or -1 when the
 * command line or the grammar refuses it, with *err their message.
 */
static inline int
dcase_decide(const struct policy *pol, const struct resolver *res,
    const char *role, const char *cmd, struct verdict *v, char **argv,
    const char **err)
{
	struct strv w = { NULL, 0, 0 }, av = { NULL, 0, 0 };
	struct request req;
	size_t rest;

	*err = "";
	*argv = NULL;
	if (cmdline_split(cmd, strlen(cmd), &w, err) != 0 ||
	    cmdline_docker(&w, &rest, err) != 0 ||
	    grammar_parse(w.v + rest, w.n - rest, &req, err) != 0) {
		strv_free(&w);
		return -1;
	}
	decide(pol, role, &req, res, v);
	render_argv(&req, v, &av);
	*argv = words_joined(&av);
	strv_free(&av);
	grammar_free(&req);
	strv_free(&w);
	return 0;
}

/*
 * Run c: returns 0 when the verdict is c->allow and c->expect is in the
 * reason (denied) or in the rendered argv (allowed), 1 otherwise (printed).
 * A command the grammar refuses counts as denied with the grammar's
 * message as its reason; a denial for an unreachable engine is a failure.
 */
static inline int
dcase_run(const struct policy *pol, const struct resolver *res,
    const struct dcase *c)
{
	struct verdict v;
	const char *err;
	char *s = NULL;
	int bad = 0;

	if (dcase_decide(pol, res, c->role, c->cmd, &v, &s, &err) != 0) {
		if (c->allow || strstr(err, c->expect) == NULL) {
			print_error("%s: refused by the parser: %s\n", c->cmd,
			    err);
			bad = 1;
		}
		return bad;
	}
	if (v.allow != c->allow || (!v.allow && v.reason[0] == '\0') ||
	    strstr(c->allow ? s : v.reason, c->expect) == NULL ||
	    (!v.allow && v.unavailable)) {
		print_error("%s: %s%s (%s), want %s with \"%s\"\n", c->cmd,
		    v.allow ? "allowed" : "denied", v.unavailable ?
		    " as unavailable" : "", v.allow ? s : v.reason,
		    c->allow ? "allow" : "deny", c->expect);
		bad = 1;
	}
	free(s);
	decide_verdict_free(&v);
	return bad;
}

/* Every case of cases[0..n): the number that failed (each printed). */
static inline int
dcase_run_all(const struct policy *pol, const struct resolver *res,
    const struct dcase *cases, size_t n)
{
	size_t i;
	int failed = 0;

	for (i = 0; i < n; i++)
		failed += dcase_run(pol, res, &cases[i]);
	return failed;
}

/* A rule that must not load: its keys, command, and the problem wanted. */
struct badrule {
	const char *keys;
	const char *command;
	const char *want;
};

/*
 * Each rule of bad, alone in role w ("command: C" plus its keys), fails
 * to load with a problem that contains its want.
 */
static inline void
dcase_bad_rules(const struct badrule *bad, size_t n)
{
	struct strv e = { NULL, 0, 0 };
	struct policy *p;
	char *yaml;
	size_t i, j;
	int found;

	for (i = 0; i < n; i++) {
		yaml = xasprintf("version: 1\nroles:\n  w:\n    allow:\n"
		    "      - command: %s\n        %s\n", bad[i].command,
		    bad[i].keys);
		p = NULL;
		found = 0;
		(void)policy_parse(yaml, strlen(yaml), "t.yaml", &p, &e);
		for (j = 0; j < e.n; j++)
			found |= strstr(e.v[j], bad[i].want) != NULL;
		if (!found)
			print_error("%s: wanted \"%s\", got \"%s\"\n",
			    bad[i].keys, bad[i].want, e.n ? e.v[0] : "");
		assert_null(p);
		assert_true(found);
		strv_free(&e);
		free(yaml);
	}
}

#endif
