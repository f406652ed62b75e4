/*
 * test_learn.c: dockergate learn.  The rules learnt from records are the
 * narrowest that allow each request seen (per kind: commands, images,
 * binds, volumes, risk classes, containers), nothing wider; --since
 * filters; malformed or unlearnable records are skipped, never widened;
 * the policy outside the role is kept byte for byte.
 */
#include "testutil.h"

#include <unistd.h>

#include <jansson.h>

#include "cmdline.h"
#include "compose.h"
#include "decide.h"
#include "grammar.h"
#include "learn.h"
#include "policy.h"

static const char *policy_text =
    "# d\xc3\xa9j\xc3\xa0 vu: characters before the role are not bytes\n"
    "version: 1\n"
    "roles:\n"
    "  r:\n"
    "    mode: observe   # watching\n"
    "    allow:\n"
    "      - ps          # a comment that is lost\n"
    "  other:\n"
    "    allow: [ps]     # kept\n"
    "# the end\n";

static struct policy *
parse(const char *text)
{
	struct strv errs = { NULL, 0, 0 };
	struct policy *pol = NULL;

	if (policy_parse(text, strlen(text), "t.yaml", &pol, &errs) != 0)
		print_error("policy: %s\n%s\n", errs.n ? errs.v[0] : "?", text);
	strv_free(&errs);
	return pol;
}

/* One decision record as audit.c writes it (argv: JSON text or NULL). */
static char *
record(const char *ts, const char *role, const char *decision,
    const char *command, const char *argv)
{
	json_t *o = json_object();
	char *s, *out;

	json_object_set_new(o, "ts", json_string(ts));
	json_object_set_new(o, "event", json_string("decision"));
	json_object_set_new(o, "decision", json_string(decision));
	json_object_set_new(o, "role", json_string(role));
	json_object_set_new(o, "command", json_string(command));
	json_object_set_new(o, "argv", argv != NULL ? json_loads(argv, 0,
	    NULL) : json_null());
	s = json_dumps(o, JSON_COMPACT);
	out = xasprintf("%s\n", s);
	free(s);
	json_decref(o);
	return out;
}

static int
feed(struct learn *l, const char *ts, const char *role, const char *dec,
    const char *command, const char *argv)
{
	char why[LEARN_WHY_MAX], *line = record(ts, role, dec, command, argv);
	int r = learn_line(l, line, strlen(line), why, sizeof(why));

	if (r == -1)
		print_error("%s: skipped: %s\n", command, why);
	free(line);
	return r;
}

#define TS	"2026-12-06T08:00:00.000Z"
#define ARGV	"[\"docker\"]"

/* Host paths from the filesystem are checked by learn; decide's fake. */
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

/* Every container exists, named as asked. */
static int
fake_container(void *ctx, const char *ref, struct target *t,
    int *unavailable, const char **errstr)
{
	(void)ctx;
	(void)unavailable;
	(void)errstr;
	t->id = xstrdup("0123456789abcdef0123456789abcdef0123456789abcdef0123"
	    "456789abcdef");
	t->name = xstrdup(ref);
	return 0;
}

/* 1 if role r of pol allows command, enforced (not observed). */
static int
allows(const struct policy *pol, const char *command)
{
	struct resolver res;
	struct strv w = { NULL, 0, 0 };
	struct request req;
	struct verdict v;
	const char *err;
	size_t rest;
	int ok = 0;

	memset(&res, 0, sizeof(res));
	res.path = fake_path;
	res.container = fake_container;
	res.cwd = "/";
	compose_resolver_init(&res);	/* build contexts, from the files */
	memset(&req, 0, sizeof(req));
	if (cmdline_split(command, strlen(command), &w, &err) == 0 &&
	    cmdline_docker(&w, &rest, &err) == 0 &&
	    grammar_parse(w.v + rest, w.n - rest, &req, &err) == 0) {
		decide(pol, "r", &req, &res, &v);
		ok = v.allow && !v.observe;
		decide_verdict_free(&v);
	}
	grammar_free(&req);
	strv_free(&w);
	return ok;
}

/* The commands seen, and what each kind of value must stay limited to. */
static const char *seen[] = {
	"docker ps",
	"docker run --rm -v /usr/share:/s:ro -v data:/data -v /anon alpine "
	    "echo hi",
	"docker container run --privileged busybox:1.36 true",
	"docker restart web",
	"docker logs --tail 5 web",
	"docker logs db",
	"docker pull alpine:3.19",
	"docker create -v /x alpine",
	"docker build -t local/app:1 CTX",
};

static const char *not_seen[] = {
	"docker rmi alpine",				/* command */
	"docker run ubuntu",				/* image */
	"docker run alpine:3.19",			/* tag */
	"docker pull alpine",				/* tag */
	"docker run -v /usr:/u alpine",			/* bind */
	"docker run -v /usr/share:/s alpine",		/* bind, rw */
	"docker run -v other:/o alpine",		/* volume */
	"docker create -v vol:/v alpine",		/* any named volume */
	"docker run --cap-add SYS_ADMIN alpine",	/* risk class */
	"docker run --pid host alpine",			/* risk class */
	"docker create --privileged alpine",		/* class of another */
	"docker restart db",				/* container */
	"docker logs other",				/* container */
	"docker build -t local/app:2 CTX",		/* tag written */
	"docker build -t local/app:1 /usr",		/* context */
	"docker run -v /:/h alpine",			/* host root */
	"docker run -p 80:80 alpine",			/* flag not seen */
	"docker run --restart=always alpine",		/* flag not seen */
	"docker run --network=other alpine",		/* flag not seen */
	"docker logs -f web",				/* flag not seen */
};

/*
 * A build context the decision trusts: root-owned, in root-owned
 * directories nobody else writes (not /tmp), with a Dockerfile.
 */
static char ctxdir[] = "/run/dg-test-learn-XXXXXX";

static int
setup_ctx(void **state)
{
	char *df;
	FILE *f;

	(void)state;
	if (mkdtemp(ctxdir) == NULL)
		return -1;
	df = xasprintf("%s/Dockerfile", ctxdir);
	f = fopen(df, "w");
	free(df);
	if (f == NULL)
		return -1;
	fputs("FROM scratch\nCOPY Dockerfile /\n", f);
	return fclose(f);
}

static int
teardown_ctx(void **state)
{
	char *df = xasprintf("%s/Dockerfile", ctxdir);

	(void)state;
	(void)unlink(df);
	free(df);
	return rmdir(ctxdir);
}

/* s with CTX replaced by the context directory (caller frees). */
static char *
with_ctx(const char *s)
{
	const char *p = strstr(s, "CTX");

	if (p == NULL)
		return xstrdup(s);
	return xasprintf("%.*s%s%s", (int)(p - s), s, ctxdir, p + 3);
}

static void
test_narrowest(void **state)
{
	struct policy *pol = parse(policy_text), *out = NULL;
	struct learn *l;
	const char *err;
	char *text, *c, *want;
	size_t i;

	(void)state;
	assert_non_null(pol);
	assert_non_null(l = learn_new(pol, "r", NULL, &err));
	for (i = 0; i < NELEM(seen); i++) {
		c = with_ctx(seen[i]);
		assert_int_equal(feed(l, TS, "r", i % 2 ? "observe" : "allow",
		    c, ARGV), 1);
		free(c);
	}
	assert_int_equal(learn_count(l), NELEM(seen));
	text = learn_policy(l, policy_text, strlen(policy_text), "note", &err);
	assert_non_null(text);
	assert_non_null(out = parse(text));
	assert_int_equal(policy_role(out, "r")->observe, 0);
	for (i = 0; i < NELEM(seen); i++) {
		c = with_ctx(seen[i]);
		if (!allows(out, c))
			fail_msg("learnt policy denies \"%s\":\n%s", c, text);
		free(c);
	}
	for (i = 0; i < NELEM(not_seen); i++) {
		c = with_ctx(not_seen[i]);
		if (allows(out, c))
			fail_msg("learnt policy allows \"%s\":\n%s", c, text);
		free(c);
	}
	want = xasprintf("contexts: [\"%s\"]", ctxdir);
	assert_non_null(strstr(text, want));
	free(want);
	/* exact values, one rule per command */
	assert_non_null(strstr(text, "\"docker.io/library/alpine:latest\""));
	assert_non_null(strstr(text, "binds: [\"/usr/share:ro\"]"));
	assert_non_null(strstr(text, "volumes: [\"data\"]"));
	assert_non_null(strstr(text, "volumes: [\"-\"]"));
	assert_non_null(strstr(text, "containers: [\"web\", \"db\"]"));
	assert_non_null(strstr(text, "unsafe: [\"privileged\"]"));
	assert_int_equal(policy_role(out, "r")->nrules, 7);
	/* flags not seen are denied by name */
	assert_non_null(strstr(text, "\"publish\""));
	policy_free(out);
	free(text);
	learn_free(l);
	policy_free(pol);
}

/* Outside the role, byte for byte; inside, mode enforce and the rules. */
static void
test_bytes_kept(void **state)
{
	static const char *head_end = "  r:\n    ", *tail = "\n  other:\n";
	struct policy *pol = parse(policy_text);
	struct learn *l;
	const char *err;
	char *text;
	size_t head;

	(void)state;
	assert_non_null(l = learn_new(pol, "r", NULL, &err));
	assert_int_equal(feed(l, TS, "r", "allow", "docker ps", ARGV), 1);
	text = learn_policy(l, policy_text, strlen(policy_text), NULL, &err);
	assert_non_null(text);
	head = (size_t)(strstr(policy_text, head_end) - policy_text) +
	    strlen(head_end);
	assert_memory_equal(text, policy_text, head);
	assert_non_null(strstr(text, tail));
	assert_string_equal(strstr(text, tail), strstr(policy_text, tail));
	assert_string_equal(text + head, "mode: enforce\n    allow:\n"
	    "      - command: \"container ls\"\n"
	    "        deny_flags: [\"all\", \"filter\", \"format\", \"last\", "
	    "\"latest\", \"no-trunc\",\n          \"quiet\", \"size\"]\n  other:\n    allow: [ps]     # kept\n# the end\n");
	free(text);
	learn_free(l);
	policy_free(pol);
}

/* A role written in flow style is replaced in flow style. */
static void
test_flow_role(void **state)
{
	static const char *flow = "version: 1\nroles: {a: {allow: [ps]}, "
	    "r: {mode: observe, allow: [ps]}, z: {allow: [ps]}}\n";
	struct policy *pol = parse(flow), *out;
	struct learn *l;
	const char *err;
	char *text;

	(void)state;
	assert_non_null(l = learn_new(pol, "r", NULL, &err));
	assert_int_equal(feed(l, TS, "r", "observe", "docker pull alpine",
	    ARGV), 1);
	text = learn_policy(l, flow, strlen(flow), "x", &err);
	assert_string_equal(text, "version: 1\nroles: {a: {allow: [ps]}, "
	    "r: {mode: enforce, allow: [{command: \"image pull\", images: "
	    "[\"docker.io/library/alpine:latest\"], deny_flags: [\"all-tags\", "
	    "\"disable-content-trust\", \"quiet\"]}]}, z: {allow: [ps]}}\n");
	assert_non_null(out = parse(text));
	policy_free(out);
	free(text);
	learn_free(l);
	policy_free(pol);
}

static void
test_since(void **state)
{
	struct policy *pol = parse(policy_text);
	struct learn *l;
	const char *err;

	(void)state;
	assert_non_null(l = learn_new(pol, "r", "2026-12-06T08", &err));
	assert_int_equal(feed(l, "2026-12-06T07:59:59.999Z", "r", "allow",
	    "docker images", ARGV), 0);
	assert_int_equal(feed(l, "2026-12-05T09:00:00.000Z", "r", "allow",
	    "docker images", ARGV), 0);
	assert_int_equal(feed(l, "2026-12-06T08:00:00.000Z", "r", "allow",
	    "docker ps", ARGV), 1);
	assert_int_equal(feed(l, "2027-01-01T00:00:00.000Z", "r", "observe",
	    "docker info", ARGV), 1);
	/* with --since, a record must say when it was */
	assert_int_equal(feed(l, "yesterday", "r", "allow", "docker images",
	    ARGV), -1);
	assert_int_equal(learn_count(l), 2);
	learn_free(l);
	assert_null(learn_new(pol, "r", "2026-12-6", &err));
	assert_null(learn_new(pol, "r", "2026-12-06 08:00", &err));
	assert_null(learn_new(pol, "r", "1h", &err));
	assert_null(learn_new(pol, "nobody", NULL, &err));
	assert_non_null(l = learn_new(pol, "r", "2026-12-06", &err));
	learn_free(l);
	policy_free(pol);
}

/* Not records of the role: 0.  Records that cannot be learnt: -1. */
static void
test_malformed(void **state)
{
	static const char *unlearnable[] = {
		"docker ps; id",			/* unparseable */
		"docker -H tcp://x ps",			/* grammar refuses */
		"docker run 0123456789ab",		/* image by ID */
		"docker restart 0123456789abcdef",	/* container by ID */
		"docker run -v ./x:/x alpine",		/* relative bind */
		"docker run -v /nonexistent/x:/x alpine",	/* no such */
		"docker run --label dockergate.owner=x alpine",	/* never */
		"docker compose up",			/* compose */
		"docker build -",			/* stdin build */
		"docker build rel/dir",			/* relative context */
		"docker inspect alpine",		/* no type known */
	};
	static const char *junk[] = {
		"", "{", "[]", "null", "{\"event\":\"decision\"",
		"{\"event\":\"decision\",\"role\":\"r\",\"decision\":\"allow\","
		    "\"argv\":[\"docker\"]}",		/* no command */
		"{\"event\":\"decision\",\"role\":\"r\",\"decision\":\"allow\","
		    "\"argv\":[],\"command\":7}",
		"{\"a\":1,\"a\":2}",
	};
	struct policy *pol = parse(policy_text);
	struct learn *l;
	const char *err;
	char why[LEARN_WHY_MAX], *line;
	size_t i;

	(void)state;
	assert_non_null(l = learn_new(pol, "r", NULL, &err));
	for (i = 0; i < NELEM(unlearnable); i++)
		if (feed(l, TS, "r", "observe", unlearnable[i], ARGV) != -1)
			fail_msg("learnt \"%s\"", unlearnable[i]);
	for (i = 0; i < NELEM(junk); i++) {
		why[0] = '\0';
		assert_int_equal(learn_line(l, junk[i], strlen(junk[i]), why,
		    sizeof(why)), -1);
		assert_true(why[0] != '\0');
	}
	/* another role, a denial, help, another event: not records here */
	assert_int_equal(feed(l, TS, "other", "allow", "docker ps", ARGV), 0);
	assert_int_equal(feed(l, TS, "r", "deny", "docker ps", ARGV), 0);
	assert_int_equal(feed(l, TS, "r", "allow", "help", NULL), 0);
	line = xstrdup("{\"event\":\"exit\",\"role\":\"r\",\"status\":0}");
	assert_int_equal(learn_line(l, line, strlen(line), why, sizeof(why)),
	    0);
	free(line);
	assert_int_equal(learn_count(l), 0);
	assert_null(learn_policy(l, policy_text, strlen(policy_text), NULL,
	    &err));
	/* a typed generic inspect learns its type's command too */
	assert_int_equal(feed(l, TS, "r", "observe", "docker inspect alpine",
	    "[\"docker\",\"inspect\",\"--type=image\",\"alpine\"]"), 1);
	learn_free(l);
	policy_free(pol);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_narrowest, setup_ctx,
		    teardown_ctx),
		cmocka_unit_test(test_bytes_kept),
		cmocka_unit_test(test_flow_role),
		cmocka_unit_test(test_since),
		cmocka_unit_test(test_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
