/*
 * test_decide.c: what a decision case cannot say: a denial never names a
 * target the caller may not see, whichever reference was typed.  The
 * decision cases themselves (every check with a case that tries to get
 * around it, an unreachable engine among them) are the .case files of
 * tests/data/decide, run by test_cases.
 */
#include "testutil.h"
#include "decidecase.h"

#include "cmdline.h"
#include "decide.h"
#include "grammar.h"
#include "policy.h"
#include "redact.h"
#include "render.h"
#include "util.h"

/* The roles the decide cases of tests/data/decide run against. */
#define POLICY_FILE	"tests/data/decide/decide.yaml"

/* Fake host: a link, a writable directory, everything else as given. */
static int
fake_path(void *ctx, const char *path, char **resolved, int *writable,
    const char **errstr)
{
	(void)ctx;
	if (strcmp(path, "/srv/missing") == 0) {
		*errstr = "/srv/missing: No such file or directory";
		return -1;
	}
	if (strcmp(path, "/srv/shared/link") == 0)
		*resolved = xstrdup("/etc");
	else
		*resolved = xstrdup(path);
	*writable = strncmp(path, "/srv/shared/w", 13) == 0;
	return 0;
}

static void
add_label(struct target *t, const char *k, const char *v)
{
	t->labels = xreallocarray(t->labels, t->nlabels + 1,
	    sizeof(*t->labels));
	t->labels[t->nlabels].key = xstrdup(k);
	t->labels[t->nlabels++].value = xstrdup(v);
}

#define SECRET_ID	"0badc0de00000000000000000000000000000000000000" \
			"000000000000000000"

/*
 * Containers: web-1, db (team=a), mine (owned by r), down (engine gone),
 * "0" (a prefix of secret-db's ID), "1" (an ambiguous prefix).
 */
static int
fake_container(void *ctx, const char *ref, struct target *t,
    int *unavailable, const char **errstr)
{
	(void)ctx;
	if (strcmp(ref, "down") == 0) {
		*unavailable = 1;
		*errstr = "cannot reach the Docker engine";
		return -1;
	}
	if (strcmp(ref, "1") == 0) {	/* as the engine words it */
		*errstr = "container lookup refused by the Docker engine "
		    "(HTTP 400): multiple IDs found with provided prefix: 1";
		return -1;
	}
	if (strcmp(ref, "0") == 0) {	/* an ID prefix of a private one */
		t->id = xstrdup(SECRET_ID);
		t->name = xstrdup("secret-db");
		add_label(t, "vault", "prod");
		return 0;
	}
	if (strcmp(ref, "web-1") != 0 && strcmp(ref, "db") != 0 &&
	    strcmp(ref, "mine") != 0 && strcmp(ref, "other") != 0) {
		*errstr = "no such container";
		return -1;
	}
	t->id = xasprintf("%064d", (int)strlen(ref));
	t->name = xstrdup(ref);
	if (strcmp(ref, "db") == 0)
		add_label(t, "team", "a");
	if (strcmp(ref, "other") == 0)
		add_label(t, "team", "b");
	if (strcmp(ref, "mine") == 0)
		add_label(t, "dockergate.owner", "r");
	return 0;
}

static struct policy *pol;

/* Images by ID: ...ab is alpine, ...cd is evil, ...ef has no tag. */
static int
fake_image(void *ctx, const char *ref, struct strv *tags, int *unavailable,
    const char **errstr)
{
	size_t n = strlen(ref);

	(void)ctx;
	if (n < 2) {
		*errstr = "no such image";
		return -1;
	}
	if (strcmp(ref + n - 2, "00") == 0) {
		*unavailable = 1;
		*errstr = "cannot reach the Docker engine";
		return -1;
	}
	if (strcmp(ref + n - 2, "ab") == 0) {
		strv_push(tags, "alpine:3.19");
		strv_push(tags, "other/x:1");
	} else if (strcmp(ref + n - 2, "cd") == 0)
		strv_push(tags, "evil/x:latest");
	else if (strcmp(ref + n - 2, "ef") != 0) {
		*errstr = "no such image";
		return -1;
	}
	return 0;
}

/* A build's standard input, as main would have read it: a plain Dockerfile. */
#define FAKE_STDIN	"FROM scratch\nCOPY . /\n"

static struct resolver fake = {
	.path = fake_path,
	.container = fake_container,
	.image = fake_image,
	.cwd = "/home/u",
	.stdin_data = FAKE_STDIN,
	.stdin_len = sizeof(FAKE_STDIN) - 1,
};

/*
 * A denial never names a target the caller may not act on: "0" resolves
 * to secret-db, "1" is an ambiguous prefix, "2" does not exist, "db" is
 * out of scope; all four read alike, with only what was typed.
 */
static void
test_no_target_leak(void **state)
{
	static const char *const refs[] = { "0", "1", "2", "db" };
	struct strv w = { NULL, 0, 0 };
	struct request req;
	struct verdict v;
	char first[DECIDE_REASON_MAX], *cmd;
	const char *err;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(refs); i++) {
		cmd = xasprintf("restart %s", refs[i]);
		assert_int_equal(cmdline_split(cmd, strlen(cmd), &w, &err), 0);
		assert_int_equal(grammar_parse(w.v, w.n, &req, &err), 0);
		decide(pol, "r", &req, &fake, &v);
		print_message("%s: %s\n", cmd, v.reason);
		assert_false(v.allow);
		assert_false(v.unavailable);
		assert_null(strstr(v.reason, "secret"));
		assert_null(strstr(v.reason, "0badc0de"));
		assert_null(strstr(v.reason, "vault"));
		assert_null(strstr(v.reason, "multiple"));
		assert_null(strstr(v.reason, "no such"));
		assert_non_null(strstr(v.reason, refs[i]));
		/* the same words but for the typed reference */
		if (i == 0)
			(void)snprintf(first, sizeof(first), "%.1000s",
			    v.reason + strlen("container 0"));
		else
			assert_string_equal(v.reason + strlen("container ") +
			    strlen(refs[i]), first);
		decide_verdict_free(&v);
		grammar_free(&req);
		strv_free(&w);
		free(cmd);
	}
}

static int
setup(void **state)
{
	(void)state;
	return dcase_policy_file(POLICY_FILE, &pol);
}

static int
teardown(void **state)
{
	(void)state;
	policy_free(pol);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_target_leak),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
