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

struct dcase {
	const char *role;
	const char *cmd;
	int allow;
	const char *expect;	/* reason substring, or argv substring */
};

/* For a group setup: text parsed into *pol; 0, or -1 with the error shown. */
static int
dcase_policy(const char *text, struct policy **pol)
{
	struct strv errs = { NULL, 0, 0 };

	if (policy_parse(text, strlen(text), "test.yaml", pol, &errs) == 0)
		return 0;
	print_error("policy: %s\n", errs.n ? errs.v[0] : "?");
	strv_free(&errs);
	return -1;
}

/*
 * Run c: returns 0 when the verdict is c->allow and c->expect is in the
 * reason (denied) or in the rendered argv (allowed), 1 otherwise (printed).
 * A command the grammar refuses counts as denied with the grammar's
 * message as its reason; a denial for an unreachable engine is a failure.
 */
static int
dcase_run(const struct policy *pol, const struct resolver *res,
    const struct dcase *c)
{
	struct strv w = { NULL, 0, 0 }, argv = { NULL, 0, 0 };
	struct request req;
	struct verdict v;
	const char *err = "";
	size_t rest;
	char *s = NULL;
	int bad = 0;

	if (cmdline_split(c->cmd, strlen(c->cmd), &w, &err) != 0 ||
	    cmdline_docker(&w, &rest, &err) != 0 ||
	    grammar_parse(w.v + rest, w.n - rest, &req, &err) != 0) {
		if (c->allow || strstr(err, c->expect) == NULL) {
			print_error("%s: refused by the parser: %s\n", c->cmd,
			    err);
			bad = 1;
		}
		strv_free(&w);
		return bad;
	}
	decide(pol, c->role, &req, res, &v);
	render_argv(&req, &v, &argv);
	s = words_joined(&argv);
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
	strv_free(&argv);
	decide_verdict_free(&v);
	grammar_free(&req);
	strv_free(&w);
	return bad;
}

/* Every case of cases[0..n): the number that failed (each printed). */
static int
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
