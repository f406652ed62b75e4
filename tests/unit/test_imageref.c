/*
 * test_imageref.c: reference normalization, image IDs, policy patterns and
 * matching.
 */
#include "testutil.h"

#include "imageref.h"

#define H64 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

struct ok_case {
	const char	*in;
	const char	*domain;
	const char	*path;
	const char	*tag;		/* NULL: none */
	const char	*digest;	/* NULL: none */
	const char	*full;
};

static const struct ok_case oks[] = {
	{ "alpine", "docker.io", "library/alpine", "latest", NULL,
	    "docker.io/library/alpine:latest" },
	{ "alpine:3", "docker.io", "library/alpine", "3", NULL,
	    "docker.io/library/alpine:3" },
	{ "library/alpine", "docker.io", "library/alpine", "latest", NULL,
	    "docker.io/library/alpine:latest" },
	{ "docker.io/alpine", "docker.io", "library/alpine", "latest", NULL,
	    "docker.io/library/alpine:latest" },
	{ "index.docker.io/library/alpine", "docker.io", "library/alpine",
	    "latest", NULL, "docker.io/library/alpine:latest" },
	{ "index.docker.io/alpine:edge", "docker.io", "library/alpine",
	    "edge", NULL, "docker.io/library/alpine:edge" },
	{ "ollama/ollama", "docker.io", "ollama/ollama", "latest", NULL,
	    "docker.io/ollama/ollama:latest" },
	{ "localhost:5000/x", "localhost:5000", "x", "latest", NULL,
	    "localhost:5000/x:latest" },
	{ "localhost/x:1", "localhost", "x", "1", NULL, "localhost/x:1" },
	{ "localhost:5000", "docker.io", "library/localhost", "5000", NULL,
	    "docker.io/library/localhost:5000" },
	{ "ghcr.io/a/b@sha256:" H64, "ghcr.io", "a/b", NULL, "sha256:" H64,
	    "ghcr.io/a/b@sha256:" H64 },
	{ "ghcr.io/a/b:v1@sha256:" H64, "ghcr.io", "a/b", "v1",
	    "sha256:" H64, "ghcr.io/a/b:v1@sha256:" H64 },
	{ "Registry.Example:443/a-b/c__d/e.f:V_1.0-x", "Registry.Example:443",
	    "a-b/c__d/e.f", "V_1.0-x", NULL,
	    "Registry.Example:443/a-b/c__d/e.f:V_1.0-x" },
	{ "[::1]:5000/x", "[::1]:5000", "x", "latest", NULL,
	    "[::1]:5000/x:latest" },
	{ "a--b", "docker.io", "library/a--b", "latest", NULL,
	    "docker.io/library/a--b:latest" },
	{ "deadbeefcafe", "docker.io", "library/deadbeefcafe", "latest", NULL,
	    "docker.io/library/deadbeefcafe:latest" },
};

static const char *const bads[] = {
	"", "Alpine", "alpine/Sub", "docker.io/Alpine", "a//b", "/a", "a/",
	"a:", "a@", "a@sha256:abc", "a@md5:" H64, "a@sha256:" H64 "0",
	"a@SHA256:" H64, "a:tag@sha256:" H64 "@x", "a:.tag", "a:-tag",
	"a:t!g", "_a", "a_", "a.", "a___b", "a-.b", "a..b", "-x.io/a",
	"x-.io/a", "x..io/a", "x.io:/a", "x.io:p/a", "x.io:1:2/a", "x@y/a",
	"a b", "a\tb", H64, "sha256:" H64, "sha256:0123456789ab", "\xc3\xa9",
	"[::1/x", "[]:1/x", "ho$t.io/a",
};

static void
test_parse_ok(void **state)
{
	struct imageref r;
	const char *errstr = NULL;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(oks); i++) {
		print_message("case: %s\n", oks[i].in);
		if (imageref_parse(oks[i].in, &r, &errstr) != 0)
			fail_msg("%s: %s", oks[i].in, errstr);
		assert_string_equal(r.domain, oks[i].domain);
		assert_string_equal(r.path, oks[i].path);
		if (oks[i].tag)
			assert_string_equal(r.tag, oks[i].tag);
		else
			assert_null(r.tag);
		if (oks[i].digest)
			assert_string_equal(r.digest, oks[i].digest);
		else
			assert_null(r.digest);
		assert_string_equal(r.full, oks[i].full);
		imageref_free(&r);
	}
	imageref_free(NULL);
}

static void
test_parse_bad(void **state)
{
	struct imageref r;
	const char *errstr;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(bads); i++) {
		print_message("reject: %s\n", bads[i]);
		errstr = NULL;
		assert_int_equal(imageref_parse(bads[i], &r, &errstr), -1);
		assert_non_null(errstr);
		assert_null(r.full);
		assert_null(r.domain);
		imageref_free(&r);
	}
	assert_int_equal(imageref_parse(NULL, &r, &errstr), -1);
}

static void
test_parse_length(void **state)
{
	struct imageref r;
	const char *errstr = NULL;
	char buf[600];

	(void)state;
	/* docker.io/library/ is 18 bytes: 237 more make 255. */
	memset(buf, 'a', 237);
	buf[237] = '\0';
	assert_int_equal(imageref_parse(buf, &r, &errstr), 0);
	imageref_free(&r);
	buf[237] = 'a';
	buf[238] = '\0';
	assert_int_equal(imageref_parse(buf, &r, &errstr), -1);
	assert_non_null(strstr(errstr, "too long"));
	memset(buf, 'a', sizeof(buf) - 1);
	buf[sizeof(buf) - 1] = '\0';
	assert_int_equal(imageref_parse(buf, &r, &errstr), -1);
}

static void
test_is_id(void **state)
{
	(void)state;
	assert_true(imageref_is_id(H64));
	assert_true(imageref_is_id("sha256:" H64));
	assert_true(imageref_is_id("0123456789ab"));
	assert_true(imageref_is_id("deadbeefcafe"));
	assert_true(imageref_is_id("DEADBEEFCAFE"));
	/* the daemon takes any prefix of an ID, however short */
	assert_true(imageref_is_id("0123456789a"));
	assert_true(imageref_is_id("4e8d"));
	assert_true(imageref_is_id("a"));
	assert_true(imageref_is_id("sha256:4e8d"));
	assert_false(imageref_is_id(H64 "0"));
	assert_false(imageref_is_id("alpine"));
	assert_false(imageref_is_id("0123456789ag"));
	assert_false(imageref_is_id("sha256:"));
	assert_false(imageref_is_id(""));
	assert_false(imageref_is_id(NULL));
}

static void
test_pattern(void **state)
{
	static const char *const cases[][2] = {
		{ "alpine", "docker.io/library/alpine" },
		{ "alpine:3.*", "docker.io/library/alpine:3.*" },
		{ "ollama/*", "docker.io/ollama/*" },
		{ "ghcr.io/x/*:1.*", "ghcr.io/x/*:1.*" },
		{ "local/*", "docker.io/local/*" },
		{ "localhost:5000/*", "localhost:5000/*" },
		{ "index.docker.io/a/b?", "docker.io/a/b?" },
		{ "a@sha256:" H64, "docker.io/library/a@sha256:" H64 },
		{ "*", "docker.io/library/*" },
	};
	static const char *const bad[] = { "", "Alpine", "a//b", "a:",
	    "x*.io/a", "[a]/b", "a/[bc]", "a@sha256:*", "a:t[ab]" };
	const char *errstr = NULL;
	char *p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		p = imageref_pattern(cases[i][0], &errstr);
		if (p == NULL)
			fail_msg("%s: %s", cases[i][0], errstr);
		assert_string_equal(p, cases[i][1]);
		free(p);
	}
	for (i = 0; i < NELEM(bad); i++) {
		print_message("reject: %s\n", bad[i]);
		errstr = NULL;
		assert_null(imageref_pattern(bad[i], &errstr));
		assert_non_null(errstr);
	}
	assert_null(imageref_pattern(NULL, &errstr));
}

struct match_case {
	const char	*pattern;
	const char	*ref;
	int		 match;
};

static const struct match_case matches[] = {
	{ "alpine", "alpine", 1 },
	{ "alpine", "alpine:3.19", 1 },
	{ "alpine", "docker.io/library/alpine@sha256:" H64, 1 },
	{ "alpine", "index.docker.io/library/alpine:edge", 1 },
	{ "alpine", "alpine2", 0 },
	{ "alpine", "evil/alpine", 0 },
	{ "alpine", "ghcr.io/library/alpine", 0 },
	{ "alpine:3.*", "alpine:3.19", 1 },
	{ "alpine:3.*", "alpine", 0 },
	{ "alpine:3.*", "alpine:4", 0 },
	/* The digest, not the tag, picks the image. */
	{ "alpine:3.*", "alpine:3.19@sha256:" H64, 0 },
	{ "alpine@sha256:" H64, "alpine@sha256:" H64, 1 },
	{ "alpine@sha256:" H64, "alpine:3@sha256:" H64, 1 },
	{ "alpine@sha256:" H64, "alpine", 0 },
	{ "ollama/*", "ollama/ollama", 1 },
	{ "ollama/*", "ollama/ollama:0.5", 1 },
	{ "ollama/*", "ollama/a/b", 0 },
	{ "ollama/*", "docker.io/ollama/x", 1 },
	{ "ollama/*", "ghcr.io/ollama/x", 0 },
	{ "ghcr.io/x/*:1.*", "ghcr.io/x/y:1.2", 1 },
	{ "ghcr.io/x/*:1.*", "ghcr.io/x/y:2", 0 },
	{ "ghcr.io/x/*:1.*", "ghcr.io/x/y", 0 },
	{ "local/*", "local/app:dev", 1 },
	{ "local/*", "localhost/app", 0 },
	{ "localhost:5000/*", "localhost:5000/x", 1 },
	{ "localhost:5000/*", "localhost:5001/x", 0 },
	{ "*", "alpine", 1 },
	{ "*", "ollama/ollama", 0 },
	{ "[::1]:5000/x", "[::1]:5000/x:1", 1 },
	{ "[::1]:5000/x", "1:5000/x", 0 },
};

static void
test_match(void **state)
{
	struct imageref r;
	const char *errstr = NULL;
	char *p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(matches); i++) {
		print_message("match: %s %s\n", matches[i].pattern,
		    matches[i].ref);
		p = imageref_pattern(matches[i].pattern, &errstr);
		assert_non_null(p);
		assert_int_equal(imageref_parse(matches[i].ref, &r, &errstr),
		    0);
		assert_int_equal(imageref_match(p, &r), matches[i].match);
		imageref_free(&r);
		free(p);
	}
	assert_int_equal(imageref_match(NULL, NULL), 0);
}

/*
 * Registries on this host, in every spelling docker's reference grammar
 * accepts as a domain (the daemon would dial them), and look-alikes that
 * are not.
 */
static const struct {
	const char	*ref;
	int		 local;
} locals[] = {
	{ "localhost/probe", 1 },
	{ "LOCALHOST/probe", 1 },
	{ "LocalHost:5000/probe", 1 },
	{ "localhost:5000/probe:1", 1 },
	{ "localhost.localdomain/probe", 1 },
	{ "ip6-localhost:5000/probe", 1 },
	{ "ip6-localhost/probe", 0 },	/* docker.io/ip6-localhost/probe */
	{ "ip6-loopback:80/probe", 1 },
	{ "registry.localhost/probe", 1 },
	{ "localhost6:5000/probe", 1 },
	{ "LOCALHOST4.LOCALDOMAIN4/probe", 1 },
	{ "localhost6.localdomain6:80/probe", 1 },
	{ "A.LOCALHOST:443/probe", 1 },
	{ "127.0.0.1/probe", 1 },
	{ "127.0.0.1:18777/probe", 1 },
	{ "127.1:18777/probe", 1 },
	{ "127.0.1:18777/probe", 1 },
	{ "127.255.255.254/probe", 1 },
	{ "0x7f.1:5000/probe", 1 },
	{ "0X7F000001:5000/probe", 1 },
	{ "0177.0.0.1:5000/probe", 1 },
	{ "2130706433:5000/probe", 1 },
	{ "0.0.0.0:5000/probe", 1 },
	{ "0:5000/probe", 1 },
	{ "169.254.169.254/probe", 1 },
	{ "169.254.1.1:80/probe", 1 },
	{ "[::1]/probe", 1 },
	{ "[::1]:5000/probe", 1 },
	{ "[0:0:0:0:0:0:0:1]:5000/probe", 1 },
	{ "[0000:0000:0000:0000:0000:0000:0000:0001]/probe", 1 },
	{ "[::]:5000/probe", 1 },
	{ "[::ffff:7f00:1]:5000/probe", 1 },
	{ "[::FFFF:7F00:1]/probe", 1 },
	{ "[::7f00:1]/probe", 1 },
	{ "[::ffff:a9fe:a9fe]/probe", 1 },
	{ "[fe80::1]:5000/probe", 1 },
	{ "[FE80::1]/probe", 1 },
	{ "[febf::1]/probe", 1 },
	{ "alpine", 0 },
	{ "localhost", 0 },		/* docker.io/library/localhost */
	{ "local/app", 0 },
	{ "localhostx:5000/probe", 0 },
	{ "notlocalhost/probe", 0 },
	{ "localhost.example.com/probe", 0 },
	{ "ghcr.io/acme/app", 0 },
	{ "128.0.0.1:5000/probe", 0 },
	{ "10.0.0.1:5000/probe", 0 },
	{ "169.253.0.1/probe", 0 },
	{ "[::2]/probe", 1 },		/* ::0.0.0.2: 0/8, as 0.0.0.2 */
	{ "[1::1]/probe", 0 },
	{ "[fec0::1]/probe", 0 },
	{ "[2001:db8::1]:5000/probe", 0 },
	{ "[::ffff:808:808]/probe", 0 },
};

static void
test_local_registry(void **state)
{
	struct imageref r;
	const char *errstr = NULL;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(locals); i++) {
		print_message("local: %s\n", locals[i].ref);
		assert_int_equal(imageref_parse(locals[i].ref, &r, &errstr),
		    0);
		assert_int_equal(imageref_local_registry(&r),
		    locals[i].local);
		imageref_free(&r);
	}
	assert_int_equal(imageref_local_registry(NULL), 0);
	/* docker's grammar has no dots in brackets: not a reference */
	assert_int_equal(imageref_parse("[::ffff:127.0.0.1]/probe", &r,
	    &errstr), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_ok),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_parse_length),
		cmocka_unit_test(test_is_id),
		cmocka_unit_test(test_pattern),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_local_registry),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
