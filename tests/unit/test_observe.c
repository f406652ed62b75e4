/*
 * test_observe.c: mode: observe.  A role in observe mode runs what its
 * rules deny, with the verdict marked and the reason kept; what no policy
 * can allow (never-allowed commands, flags and values, the global
 * redirections the grammar refuses, engine failures) stays refused.
 */
#include "testutil.h"
#include "cmdline.h"
#include "decide.h"
#include "grammar.h"
#include "help.h"
#include "policy.h"

static const char *policy_text =
    "version: 1\n"
    "roles:\n"
    "  obs:\n"
    "    mode: observe\n"
    "    allow:\n"
    "      - ps\n"
    "      - command: run\n"
    "        images: [alpine]\n"
    "  enf:\n"
    "    mode: enforce\n"
    "    allow:\n"
    "      - ps\n"
    "      - command: run\n"
    "        images: [alpine]\n"
    "  dflt:\n"
    "    allow: [ps]\n";

static int
dcase_policy(const char *text, struct policy **pol)
{
	struct strv errs = { NULL, 0, 0 };
	int r = policy_parse(text, strlen(text), "test.yaml", pol, &errs);

	if (r != 0)
		print_error("policy: %s\n", errs.n ? errs.v[0] : "?");
	strv_free(&errs);
	return r;
}

/* Host paths as given, never writable; no engine. */
static int
fake_path(void *ctx, const char *path, char **resolved, int *writable,
    const char **errstr)
{
	(void)ctx;
	(void)errstr;
	*resolved = xstrdup(path);
	*writable = 0;
	return 0;
}

/* An engine that cannot be reached. */
static int
down(void *ctx, const char *ref, struct target *t, int *unavailable,
    const char **errstr)
{
	(void)ctx;
	(void)ref;
	(void)t;
	*unavailable = 1;
	*errstr = "engine down";
	return -1;
}

struct ocase {
	const char *role;
	const char *cmd;
	int allow;		/* -1: refused by the parser */
	int observe;
	const char *reason;	/* substring of the reason, or NULL */
};

static const struct ocase cases[] = {
	/* what the rules allow is allowed, not observed */
	{ "obs", "docker ps", 1, 0, NULL },
	{ "obs", "docker run alpine", 1, 0, NULL },
	/* what they deny runs, marked, with why it would be denied */
	{ "obs", "docker run --privileged busybox", 1, 1, "privileged" },
	{ "obs", "docker container run -v /srv:/srv alpine", 1, 1,
	    "host-mounts" },
	{ "obs", "docker run --pid=container:x alpine", 1, 1,
	    "other-containers" },
	{ "obs", "docker image ls", 1, 1, "not allowed for role obs" },
	{ "obs", "docker container ls -a", 1, 0, NULL },
	{ "obs", "docker rmi alpine", 1, 1, "not allowed for role obs" },
	{ "obs", "docker system prune -af --volumes", 1, 1, "" },
	/* never allowed, by any policy: refused in observe mode too */
	{ "obs", "docker plugin ls", 0, 0, "never allowed" },
	{ "obs", "docker context ls", 0, 0, "never allowed" },
	{ "obs", "docker system dial-stdio", 0, 0, "never allowed" },
	{ "obs", "docker run --label dockergate.owner=x alpine", 0, 0,
	    "never allowed" },
	{ "obs", "docker run -l dockergate.session=y alpine", 0, 0,
	    "never allowed" },
	{ "obs", "docker -H tcp://h:2375 ps", -1, 0, "-H" },
	{ "obs", "docker --host=tcp://h ps", -1, 0, "host" },
	{ "obs", "docker --context x ps", -1, 0, "context" },
	{ "obs", "docker -c x ps", -1, 0, "context" },
	{ "obs", "docker --config /tmp ps", -1, 0, "config" },
	{ "obs", "docker --tlsverify ps", -1, 0, "tls" },
	{ "obs", "docker -- ps", -1, 0, "" },
	{ "obs", "docker ps; id", -1, 0, "" },
	/* an engine lookup that fails is 69, observe or not */
	{ "obs", "docker inspect web", 0, 0, "engine down" },
	/* enforce, named or default: denied as ever */
	{ "enf", "docker run --privileged busybox", 0, 0, "privileged" },
	{ "dflt", "docker run alpine", 0, 0, "not allowed for role dflt" },
};

static void
test_cases(void **state)
{
	struct policy *pol = NULL;
	struct resolver res;
	struct strv w = { NULL, 0, 0 };
	struct request req;
	struct verdict v;
	const char *err;
	size_t i, rest;
	int failed = 0, parsed;

	(void)state;
	assert_int_equal(dcase_policy(policy_text, &pol), 0);
	memset(&res, 0, sizeof(res));
	res.path = fake_path;
	res.container = down;
	res.cwd = "/";
	for (i = 0; i < NELEM(cases); i++) {
		memset(&req, 0, sizeof(req));
		memset(&v, 0, sizeof(v));
		err = "";
		parsed = cmdline_split(cases[i].cmd, strlen(cases[i].cmd), &w,
		    &err) == 0 && cmdline_docker(&w, &rest, &err) == 0 &&
		    grammar_parse(w.v + rest, w.n - rest, &req, &err) == 0;
		if (parsed)
			decide(pol, cases[i].role, &req, &res, &v);
		if (!parsed ? cases[i].allow != -1 ||
		    strstr(err, cases[i].reason) == NULL :
		    v.allow != cases[i].allow || v.observe != cases[i].observe ||
		    (cases[i].reason != NULL && (v.reason[0] == '\0' ||
		    strstr(v.reason, cases[i].reason) == NULL))) {
			print_error("%s (%s): parsed %d allow %d observe %d: "
			    "%s\n", cases[i].cmd, cases[i].role, parsed,
			    v.allow, v.observe, parsed ? v.reason : err);
			failed++;
		}
		/* an engine failure stays one (exit 69) */
		if (parsed && strstr(cases[i].cmd, "inspect") != NULL &&
		    !v.unavailable) {
			print_error("%s: not unavailable\n", cases[i].cmd);
			failed++;
		}
		decide_verdict_free(&v);
		grammar_free(&req);
		strv_free(&w);
	}
	policy_free(pol);
	assert_int_equal(failed, 0);
}

/* The observe verdict keeps the rule it was held to. */
static void
test_rule_kept(void **state)
{
	struct policy *pol = NULL;
	struct strv w = { NULL, 0, 0 };
	struct request req;
	struct verdict v;
	const char *err;
	size_t rest;

	(void)state;
	assert_int_equal(dcase_policy(policy_text, &pol), 0);
	assert_int_equal(cmdline_split("docker run --privileged alpine", 30,
	    &w, &err), 0);
	assert_int_equal(cmdline_docker(&w, &rest, &err), 0);
	assert_int_equal(grammar_parse(w.v + rest, w.n - rest, &req, &err), 0);
	decide(pol, "obs", &req, NULL, &v);
	assert_int_equal(v.allow, 1);
	assert_int_equal(v.observe, 1);
	assert_string_equal(v.rule, "roles.obs.allow[1]");
	assert_non_null(strstr(v.reason, "--privileged"));
	decide_verdict_free(&v);
	grammar_free(&req);
	strv_free(&w);
	policy_free(pol);
}

/* mode takes enforce or observe, nothing else. */
static void
test_mode_key(void **state)
{
	static const char *bad[] = { "Observe", "learn", "true", "[observe]" };
	struct strv e = { NULL, 0, 0 };
	struct policy *p;
	char *yaml;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(bad); i++) {
		yaml = xasprintf("version: 1\nroles:\n  r:\n    mode: %s\n"
		    "    allow: [ps]\n", bad[i]);
		p = NULL;
		assert_int_not_equal(policy_parse(yaml, strlen(yaml), "t.yaml",
		    &p, &e), 0);
		assert_null(p);
		assert_true(e.n > 0 && strstr(e.v[0], "mode") != NULL);
		strv_free(&e);
		free(yaml);
	}
}

/* help and help --json warn for a role in observe mode, only there. */
static void
test_help(void **state)
{
	struct policy *pol = NULL;
	char *t;

	(void)state;
	assert_int_equal(dcase_policy(policy_text, &pol), 0);
	t = help_text(policy_role(pol, "obs"));
	assert_non_null(strstr(t, "WARNING: this role is in observe mode"));
	free(t);
	t = help_json(policy_role(pol, "obs"));
	assert_non_null(strstr(t, "\"mode\": \"observe\""));
	assert_non_null(strstr(t, "\"warning\": \"this role is in observe"));
	free(t);
	t = help_text(policy_role(pol, "enf"));
	assert_null(strstr(t, "observe"));
	free(t);
	t = help_json(policy_role(pol, "dflt"));
	assert_non_null(strstr(t, "\"mode\": \"enforce\""));
	assert_null(strstr(t, "\"warning\""));
	free(t);
	policy_free(pol);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_rule_kept),
		cmocka_unit_test(test_mode_key),
		cmocka_unit_test(test_help),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
