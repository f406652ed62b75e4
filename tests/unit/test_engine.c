/*
 * test_engine.c: the Engine API client: the strict response parser, path
 * escaping, and container/image lookups against a fake engine (a unix
 * socket server in a forked child answering canned responses), so no
 * daemon is needed.  With DG_TEST_ENGINE=unix:///PATH (tests/check-engine.sh
 * sets it), test_real_engine also asks a real daemon for the container
 * DG_TEST_CONTAINER and the image DG_TEST_IMAGE.
 */
#include "testutil.h"
#include "fakeengine.h"
#include "decidecase.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "decide.h"
#include "engine.h"
#include "reap.h"
#include "resolve.h"
#include "util.h"

#define H64	"4f0d0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab"
#define IMG64	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

/* ------------------------------------------------------------ parser */

struct pcase {
	const char	*in;
	int		 ok;
	int		 status;
	const char	*want;	/* body when ok, else error substring */
};

static const struct pcase pcases[] = {
	{ "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}", 1, 200, "{}" },
	{ "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 1, 200, "" },
	{ "HTTP/1.1 404 Not Found\r\ncontent-length:   3  \r\n\r\nabc", 1,
	    404, "abc" },
	{ "HTTP/1.0 500 Internal Server Error\r\n\r\nto the end", 1, 500,
	    "to the end" },
	{ "HTTP/1.1 200\r\n\r\n", 1, 200, "" },
	{ "HTTP/1.1 200 \r\n\r\n", 1, 200, "" },
	{ "HTTP/1.1 200 OK\r\nX-Odd: caf\xc3\xa9\r\n\r\n", 1, 200, "" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "3\r\nabc\r\nA\r\n0123456789\r\n0\r\n\r\n", 1, 200,
	    "abc0123456789" },
	{ "HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\n\r\n"
	    "0002\r\nhi\r\n0\r\n\r\n", 1, 200, "hi" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
	    1, 200, "" },
	/* status line */
	{ "", 0, 0, "truncated response header" },
	{ "HTTP/1.1 200 OK", 0, 0, "truncated response header" },
	{ "HTTP/2 200 OK\r\n\r\n", 0, 0, "malformed status line" },
	{ "HTTP/1.2 200 OK\r\n\r\n", 0, 0, "malformed status line" },
	{ "http/1.1 200 OK\r\n\r\n", 0, 0, "malformed status line" },
	{ "HTTP/1.1  200 OK\r\n\r\n", 0, 0, "malformed status code" },
	{ "HTTP/1.1 20 OK\r\n\r\n", 0, 0, "malformed status" },
	{ "HTTP/1.1 2000 OK\r\n\r\n", 0, 0, "malformed reason phrase" },
	{ "HTTP/1.1 200OK\r\n\r\n", 0, 0, "malformed reason phrase" },
	{ "HTTP/1.1 600 Odd\r\n\r\n", 0, 0, "malformed status code" },
	{ "HTTP/1.1 099 Odd\r\n\r\n", 0, 0, "malformed status code" },
	{ "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n\r\n", 0, 0,
	    "informational" },
	{ "HTTP/1.1 200 O\x01K\r\n\r\n", 0, 0, "malformed reason phrase" },
	/* line ends */
	{ "HTTP/1.1 200 OK\n\n", 0, 0, "CRLF" },
	{ "HTTP/1.1 200 OK\r\nA: b\n\r\n", 0, 0, "CRLF" },
	{ "HTTP/1.1 200 OK\r\nA: b\r\r\n\r\n", 0, 0, "control byte" },
	{ "HTTP/1.1 200 OK\r\nA: b\r\n", 0, 0, "truncated response header" },
	{ "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n", 0, 0, "truncated" },
	/* fields */
	{ "HTTP/1.1 200 OK\r\nA: b\r\n c\r\n\r\n", 0, 0, "obs-fold" },
	{ "HTTP/1.1 200 OK\r\n\tc\r\n\r\n", 0, 0, "obs-fold" },
	{ "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n", 0, 0, "malformed header" },
	{ "HTTP/1.1 200 OK\r\n: x\r\n\r\n", 0, 0, "malformed header" },
	{ "HTTP/1.1 200 OK\r\nNoColon\r\n\r\n", 0, 0, "malformed header" },
	{ "HTTP/1.1 200 OK\r\nName : x\r\n\r\n", 0, 0, "malformed header" },
	{ "HTTP/1.1 200 OK\r\nA: b\x7f\r\n\r\n", 0, 0, "control byte" },
	/* Content-Length */
	{ "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nab", 0, 0,
	    "truncated response body" },
	{ "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nab", 0, 0,
	    "bytes after the response body" },
	{ "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", 0, 0,
	    "malformed Content-Length" },
	{ "HTTP/1.1 200 OK\r\nContent-Length: 1 1\r\n\r\n", 0, 0,
	    "malformed Content-Length" },
	{ "HTTP/1.1 200 OK\r\nContent-Length: 0x1\r\n\r\n", 0, 0,
	    "malformed Content-Length" },
	{ "HTTP/1.1 200 OK\r\nContent-Length:\r\n\r\n", 0, 0,
	    "empty Content-Length" },
	{ "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 1\r\n"
	    "\r\na", 0, 0, "repeated Content-Length" },
	{ "HTTP/1.1 200 OK\r\nContent-Length: 4194305\r\n\r\n", 0, 0,
	    "too large" },
	{ "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n"
	    "\r\n", 0, 0, "too large" },
	/* Transfer-Encoding and chunks */
	{ "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: "
	    "chunked\r\n\r\n0\r\n\r\n", 0, 0, "both" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 0,
	    0, "unsupported Transfer-Encoding" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
	    "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 0, 0, "repeated" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", 0, 0,
	    "truncated chunked body" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 0, 0,
	    "malformed chunk size" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n", 0, 0,
	    "malformed chunk size" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "2;ext=1\r\nhi\r\n0\r\n\r\n", 0, 0, "malformed chunk size" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", 0, 0,
	    "empty chunk size" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "FFFFFFFFFFFFFFFFFFFFFFFF\r\n", 0, 0, "too large" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "400001\r\n", 0, 0, "too large" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "5\r\nab\r\n", 0, 0, "truncated chunk" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "2\r\nabc\r\n0\r\n\r\n", 0, 0, "chunk not ended by CRLF" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "2\nab\r\n0\r\n\r\n", 0, 0, "CRLF" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "2\r\nab\r\n0\r\n", 0, 0, "truncated chunked body" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "2\r\nab\r\n0\r\nX-Trailer: 1\r\n\r\n", 0, 0, "trailer" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "2\r\nab\r\n0\r\n\r\nmore", 0, 0, "after the last chunk" },
	{ "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "2\r\nab\r\n", 0, 0, "truncated chunked body" },
};

static void
run_parse(const char *in, size_t len, const struct pcase *c)
{
	const char *err = NULL;
	char *body = (char *)"x";
	size_t bodylen = 99;
	int status = -1, r;

	r = engine_parse_response(in, len, &status, &body, &bodylen, &err);
	if (c->ok) {
		if (r != 0)
			fail_msg("%s: unexpected error: %s", c->in, err);
		assert_int_equal(status, c->status);
		assert_int_equal(bodylen, strlen(c->want));
		assert_memory_equal(body, c->want, bodylen);
		assert_int_equal(body[bodylen], '\0');
	} else {
		if (r == 0)
			fail_msg("%s: accepted", c->in);
		assert_null(body);
		assert_non_null(err);
		if (strstr(err, c->want) == NULL)
			fail_msg("%s: error \"%s\", want \"%s\"", c->in, err,
			    c->want);
	}
	free(body);
}

static void
test_parse_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(pcases); i++)
		run_parse(pcases[i].in, strlen(pcases[i].in), &pcases[i]);
}

/* A NUL inside a header is a control byte; inside a body it is data. */
static void
test_parse_nul(void **state)
{
	static const char hdr[] = "HTTP/1.1 200 OK\r\nA: \0\r\n\r\n";
	static const char bod[] = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n"
	    "\r\na\0b";
	const struct pcase bad = { hdr, 0, 0, "control byte" };
	const char *err;
	char *body;
	size_t len;
	int status;

	(void)state;
	run_parse(hdr, sizeof(hdr) - 1, &bad);
	assert_int_equal(engine_parse_response(bod, sizeof(bod) - 1, &status,
	    &body, &len, &err), 0);
	assert_int_equal(len, 3);
	assert_memory_equal(body, "a\0b", 3);
	free(body);
}

/* A response of n bytes: head, then fill up to n with 'x'. */
static char *
sized(const char *head, size_t n)
{
	char *buf = xmalloc(n + 1);
	size_t h = strlen(head);

	memcpy(buf, head, h);
	memset(buf + h, 'x', n - h);
	buf[n] = '\0';
	return buf;
}

static void
expect_error(const char *buf, size_t len, const char *want)
{
	const char *err = NULL;
	char *body = NULL;
	size_t bodylen;
	int status;

	assert_int_equal(engine_parse_response(buf, len, &status, &body,
	    &bodylen, &err), -1);
	assert_null(body);
	if (strstr(err, want) == NULL)
		fail_msg("error \"%s\", want \"%s\"", err, want);
}

static void
test_parse_caps(void **state)
{
	const char *err;
	char *buf, *body, *p;
	size_t n, bodylen, i;
	int status;

	(void)state;
	/* One field so long that the head passes ENGINE_MAX_HEADER. */
	buf = sized("HTTP/1.1 200 OK\r\nX: ", ENGINE_MAX_HEADER + 10);
	expect_error(buf, ENGINE_MAX_HEADER + 10, "header too large");
	free(buf);
	/* ENGINE_MAX_FIELDS + 1 fields. */
	n = 20 + (ENGINE_MAX_FIELDS + 1) * 6 + 2;
	p = buf = xmalloc(n + 1);
	p += sprintf(p, "HTTP/1.1 200 OK\r\n");
	for (i = 0; i <= ENGINE_MAX_FIELDS; i++)
		p += sprintf(p, "A: b\r\n");
	p += sprintf(p, "\r\n");
	expect_error(buf, (size_t)(p - buf), "too many header fields");
	free(buf);
	/* A body up to the end of input: ENGINE_MAX_BODY is fine, +1 not. */
	n = strlen("HTTP/1.1 200 OK\r\n\r\n");
	buf = sized("HTTP/1.1 200 OK\r\n\r\n", n + ENGINE_MAX_BODY + 1);
	expect_error(buf, n + ENGINE_MAX_BODY + 1, "body too large");
	assert_int_equal(engine_parse_response(buf, n + ENGINE_MAX_BODY,
	    &status, &body, &bodylen, &err), 0);
	assert_int_equal(bodylen, ENGINE_MAX_BODY);
	free(body);
	free(buf);
	/* Chunks that each fit but add up to more than ENGINE_MAX_BODY. */
	n = ENGINE_MAX_BODY + 1024;
	p = buf = xmalloc(n);
	p += sprintf(p, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
	    "\r\n200000\r\n");
	memset(p, 'y', 0x200000);
	p += 0x200000;
	p += sprintf(p, "\r\n200001\r\n");
	expect_error(buf, (size_t)(p - buf), "body too large");
	free(buf);
}

/* ------------------------------------------------------------ escape */

static void
test_escape(void **state)
{
	static const char *const cases[][2] = {
		{ "web-1", "web-1" },
		{ "A.b_c-9", "A.b_c-9" },
		{ "a/b", "a%2Fb" },
		{ "../x", "..%2Fx" },
		{ "x y", "x%20y" },
		{ "%", "%25" },
		{ "a?b#c", "a%3Fb%23c" },
		{ "sha256:ab", "sha256%3Aab" },
		{ "r@sha256:1", "r%40sha256%3A1" },
		{ "\r\n", "%0D%0A" },
		{ "caf\xc3\xa9", "caf%C3%A9" },
		{ "\xff", "%FF" },
		{ "", "" },
	};
	char *e;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		e = engine_escape(cases[i][0]);
		assert_string_equal(e, cases[i][1]);
		free(e);
	}
}

/* -------------------------------------------------------- fake engine */

#define CONTAINER_DOC(id, name, labels) \
	"{\"Id\":\"" id "\",\"Name\":\"" name "\",\"Config\":{\"Labels\":" \
	labels "},\"State\":{\"Running\":true}}"

static const struct route old_engine[] = {
	{ "/version", 200, "{\"ApiVersion\":\"1.41\",\"MinAPIVersion\":"
	    "\"1.12\"}", F_LENGTH },
	{ "/v1.41/containers/web-1/json", 200,
	    CONTAINER_DOC(H64, "/web-1", "{\"team\":\"a\",\"x\":\"\"}"),
	    F_LENGTH },
	{ "/v1.41/containers/4f0d/json", 200,
	    CONTAINER_DOC(H64, "/web-1", "null"), F_CHUNKED },
	{ "/v1.41/containers/%2Fweb-1/json", 301, "{}", F_LENGTH },
	{ "/v1.41/containers/%2Fx/json", 200,
	    CONTAINER_DOC(H64, "/web-1", "{}"), F_LENGTH },
	{ "/v1.41/containers/0/json", 500, "{\"message\":\"Multiple IDs "
	    "found with provided prefix: 0\"}", F_LENGTH },
	{ "/v1.41/containers/" H64 "/json", 200,
	    CONTAINER_DOC(H64, "/web-1", "{}"), F_CHUNKED },
	{ "/v1.41/containers/a%2Fb/json", 200,
	    CONTAINER_DOC(H64, "/a/b", "{}"), F_LENGTH },
	{ "/v1.41/containers/other/json", 200,
	    CONTAINER_DOC(H64, "/web-1", "{}"), F_LENGTH },
	{ "/v1.41/containers/4/json", 400, "{\"message\":\"multiple IDs "
	    "found with provided prefix: 4\"}", F_LENGTH },
	{ "/v1.41/containers/boom/json", 500, "{\"message\":\"boom\\u0001\"}",
	    F_LENGTH },
	{ "/v1.41/containers/shortid/json", 200,
	    CONTAINER_DOC("4f0d", "/shortid", "{}"), F_LENGTH },
	{ "/v1.41/containers/upper/json", 200,
	    CONTAINER_DOC("4F0D0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"
	    "0123456789AB", "/upper", "{}"), F_LENGTH },
	{ "/v1.41/containers/noname/json", 200,
	    "{\"Id\":\"" H64 "\"}", F_LENGTH },
	{ "/v1.41/containers/badlabel/json", 200,
	    CONTAINER_DOC(H64, "/badlabel", "{\"a\":1}"), F_LENGTH },
	{ "/v1.41/containers/array/json", 200, "[]", F_LENGTH },
	{ "/v1.41/containers/notjson/json", 200, "{\"Id\":", F_LENGTH },
	{ "/v1.41/containers/dup/json", 200, "{\"Id\":\"" H64 "\",\"Id\":\""
	    H64 "\",\"Name\":\"/dup\"}", F_LENGTH },
	{ "/v1.41/containers/garbage/json", 0, "HTTP/1.1 200 OK\r\n"
	    "Content-Length: 99\r\n\r\n{}", F_RAW },
	{ "/v1.41/containers/closed/json", 0, NULL, F_CLOSE },
	{ "/v1.41/containers/hang/json", 0, NULL, F_HANG },
	{ "/hang", 0, NULL, F_HANG },
	{ "/v1.41/images/sha256%3A" "aaaa/json", 200, "{\"Id\":\"sha256:"
	    IMG64 "\",\"RepoTags\":[\"dgtest:latest\",\"local/x:1\"]}",
	    F_CHUNKED },
	{ "/v1.41/images/aaaa/json", 200, "{\"Id\":\"sha256:" IMG64
	    "\",\"RepoTags\":null}", F_LENGTH },
	{ "/v1.41/images/bad/json", 200, "{\"Id\":\"" IMG64 "\","
	    "\"RepoTags\":[]}", F_LENGTH },
	{ "/v1.41/images/badtag/json", 200, "{\"Id\":\"sha256:" IMG64 "\","
	    "\"RepoTags\":[\"a\",7]}", F_LENGTH },
	{ NULL, 0, NULL, F_LENGTH },
};

#define TOO_OLD	"{\"message\":\"client version 1.41 is too old. Minimum " \
	"supported API version is 1.44, please upgrade your client to a " \
	"newer version\"}"

/* A daemon that refuses 1.41 (Docker 29: minimum 1.44). */
static const struct route new_engine[] = {
	{ "/v1.41/containers/web-1/json", 400, TOO_OLD, F_LENGTH },
	{ "/v1.41/containers/nope/json", 400, TOO_OLD, F_LENGTH },
	{ "/v1.41/images/aaaa/json", 400, TOO_OLD, F_LENGTH },
	{ "/version", 200, "{\"ApiVersion\":\"1.52\",\"MinAPIVersion\":"
	    "\"1.44\"}", F_LENGTH },
	{ "/v1.44/containers/web-1/json", 200,
	    CONTAINER_DOC(H64, "/web-1", "{}"), F_LENGTH },
	{ "/v1.44/images/aaaa/json", 200, "{\"Id\":\"sha256:" IMG64
	    "\",\"RepoTags\":[\"x:1\"]}", F_LENGTH },
	{ NULL, 0, NULL, F_LENGTH },
};

/* ------------------------------------------- labels from the image */

#define I64(c)	c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c \
	c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c c
#define IMG_SAME	I64("1")	/* carries the same reserved labels */
#define IMG_NONE	I64("2")	/* no labels at all */
#define IMG_OTHER	I64("3")	/* owner "x": ours set at create */
#define IMG_GONE	I64("4")	/* removed since (rmi -f): 404 */
#define IMG_DOWN	I64("5")	/* the engine fails: 500 */
#define IMG_BAD		I64("6")	/* Config.Labels not an object */
#define IMG_ROUTE(id)	"/v1.41/images/sha256%3A" id "/json"
#define IMAGE_DOC(id, labels) \
	"{\"Id\":\"sha256:" id "\",\"RepoTags\":[],\"Config\":{\"Labels\":" \
	labels "}}"
#define FROM_DOC(name, image, labels) \
	"{\"Id\":\"" H64 "\",\"Name\":\"/" name "\",\"Image\":\"" image \
	"\",\"Config\":{\"Labels\":" labels "}}"
#define OWNED	"{\"dockergate.owner\":\"r\",\"dockergate.session\":\"s1\"," \
	"\"team\":\"a\"}"

static const struct route label_engine[] = {
	{ "/v1.41/containers/inh/json", 200,
	    FROM_DOC("inh", "sha256:" IMG_SAME, OWNED), F_LENGTH },
	{ "/v1.41/containers/mine/json", 200,
	    FROM_DOC("mine", "sha256:" IMG_NONE, OWNED), F_LENGTH },
	{ "/v1.41/containers/set/json", 200,
	    FROM_DOC("set", "sha256:" IMG_OTHER, OWNED), F_LENGTH },
	{ "/v1.41/containers/gone/json", 200,
	    FROM_DOC("gone", "sha256:" IMG_GONE, OWNED), F_LENGTH },
	{ "/v1.41/containers/down/json", 200,
	    FROM_DOC("down", "sha256:" IMG_DOWN, OWNED), F_LENGTH },
	{ "/v1.41/containers/bad/json", 200,
	    FROM_DOC("bad", "sha256:" IMG_BAD, OWNED), F_LENGTH },
	{ "/v1.41/containers/noimage/json", 200,
	    CONTAINER_DOC(H64, "/noimage", OWNED), F_LENGTH },
	{ "/v1.41/containers/tagged/json", 200,
	    FROM_DOC("tagged", "busybox:latest", OWNED), F_LENGTH },
	/* no reserved label: the image is not asked (no route for it) */
	{ "/v1.41/containers/plain/json", 200,
	    FROM_DOC("plain", "sha256:" IMG_GONE, "{\"team\":\"a\"}"),
	    F_LENGTH },
	{ IMG_ROUTE(IMG_SAME), 200, IMAGE_DOC(IMG_SAME, OWNED), F_LENGTH },
	{ IMG_ROUTE(IMG_NONE), 200, IMAGE_DOC(IMG_NONE, "null"), F_LENGTH },
	{ IMG_ROUTE(IMG_OTHER), 200, IMAGE_DOC(IMG_OTHER,
	    "{\"dockergate.owner\":\"x\",\"team\":\"a\"}"), F_CHUNKED },
	{ IMG_ROUTE(IMG_DOWN), 500, "{\"message\":\"boom\"}", F_LENGTH },
	{ IMG_ROUTE(IMG_BAD), 200, IMAGE_DOC(IMG_BAD, "[]"), F_LENGTH },
	{ NULL, 0, NULL, F_LENGTH },
};

static int
setup_labels(void **state)
{
	static struct fake f;

	if (fake_start(&f, label_engine) != 0)
		return -1;
	*state = &f;
	return 0;
}

static int
setup_old(void **state)
{
	static struct fake f;

	if (fake_start(&f, old_engine) != 0)
		return -1;
	*state = &f;
	return 0;
}

static int
setup_new(void **state)
{
	static struct fake f;

	if (fake_start(&f, new_engine) != 0)
		return -1;
	*state = &f;
	return 0;
}

static int
teardown(void **state)
{
	fake_stop(*state);
	return 0;
}

/* ------------------------------------------------------- lookups */

struct ccase {
	const char	*ref;
	int		 ok;
	int		 unavailable;
	const char	*want;	/* name when ok, else error substring */
};

static const struct ccase ccases[] = {
	{ "web-1", 1, 0, "web-1" },
	{ "4f0d", 1, 0, "web-1" },		/* chunked answer */
	{ "/web-1", 1, 0, "web-1" },
	{ H64, 1, 0, "web-1" },
	{ "a/b", 1, 0, "a/b" },			/* escaped as a%2Fb */
	{ "nope", 0, 0, "no such container" },
	{ "//x", 0, 0, "another container" },	/* asked as %2Fx */
	{ "4", 0, 0, "multiple IDs found with provided prefix: 4" },
	{ "0", 0, 0, "(HTTP 500): Multiple IDs found" },	/* 20.10 */
	{ "other", 0, 0, "another container" },
	{ "", 0, 0, "invalid container reference" },
	{ "..", 0, 0, "invalid container reference" },
	{ "caf\xe9", 0, 0, "invalid container reference" },
	{ "boom", 0, 1, "failed in the Docker engine (HTTP 500): boom?" },
	{ "shortid", 0, 1, "not 64 hex" },
	{ "upper", 0, 1, "not 64 hex" },
	{ "noname", 0, 1, "Name is malformed" },
	{ "badlabel", 0, 1, "label is not a string" },
	{ "array", 0, 1, "invalid JSON" },
	{ "notjson", 0, 1, "invalid JSON" },
	{ "dup", 0, 1, "invalid JSON" },
	{ "garbage", 0, 1, "malformed answer from the Docker engine: "
	    "truncated response body" },
	{ "closed", 0, 1, "truncated response header" },
};

static void
run_container(const char *host, const struct ccase *c)
{
	struct target t;
	const char *err = NULL;
	int unavailable = -1, r;

	r = engine_container(host, c->ref, &t, &unavailable, &err);
	if (c->ok) {
		if (r != 0)
			fail_msg("%s: %s", c->ref, err);
		assert_string_equal(t.name, c->want);
		assert_string_equal(t.id, H64);
	} else {
		if (r == 0)
			fail_msg("%s: resolved to %s", c->ref, t.name);
		if (strstr(err, c->want) == NULL)
			fail_msg("%s: error \"%s\", want \"%s\"", c->ref, err,
			    c->want);
		assert_null(t.id);
		assert_null(t.labels);
	}
	if (unavailable != c->unavailable)
		fail_msg("%s: unavailable %d, want %d", c->ref, unavailable,
		    c->unavailable);
	decide_target_free(&t);
}

static void
test_containers(void **state)
{
	const struct fake *f = *state;
	size_t i;

	for (i = 0; i < NELEM(ccases); i++)
		run_container(f->host, &ccases[i]);
}

static void
test_container_labels(void **state)
{
	const struct fake *f = *state;
	struct target t;
	const char *err;
	int unavailable;
	size_t i, seen = 0;

	assert_int_equal(engine_container(f->host, "web-1", &t, &unavailable,
	    &err), 0);
	assert_int_equal(t.nlabels, 2);
	for (i = 0; i < t.nlabels; i++)
		if ((strcmp(t.labels[i].key, "team") == 0 &&
		    strcmp(t.labels[i].value, "a") == 0) ||
		    (strcmp(t.labels[i].key, "x") == 0 &&
		    strcmp(t.labels[i].value, "") == 0))
			seen++;
	assert_int_equal(seen, 2);
	decide_target_free(&t);
	decide_target_free(NULL);
}

static void
test_long_ref(void **state)
{
	const struct fake *f = *state;
	struct ccase c = { NULL, 0, 0, "invalid container reference" };
	char *ref = xmalloc(ENGINE_MAX_REF + 2);

	memset(ref, 'a', ENGINE_MAX_REF + 1);
	ref[ENGINE_MAX_REF + 1] = '\0';
	c.ref = ref;
	run_container(f->host, &c);
	/* At the cap it is asked (and not found). */
	ref[ENGINE_MAX_REF] = '\0';
	c.want = "no such container";
	run_container(f->host, &c);
	free(ref);
}

static void
test_images(void **state)
{
	const struct fake *f = *state;
	struct strv tags = { NULL, 0, 0 };
	const char *err;
	int unavailable;

	assert_int_equal(engine_image_tags(f->host, "sha256:aaaa", &tags,
	    &unavailable, &err), 0);
	assert_int_equal(tags.n, 2);
	assert_string_equal(tags.v[0], "dgtest:latest");
	assert_string_equal(tags.v[1], "local/x:1");
	strv_free(&tags);
	assert_int_equal(engine_image_tags(f->host, "aaaa", &tags,
	    &unavailable, &err), 0);
	assert_int_equal(tags.n, 0);
	assert_int_equal(engine_image_tags(f->host, "nope", &tags,
	    &unavailable, &err), -1);
	assert_string_equal(err, "no such image");
	assert_int_equal(unavailable, 0);
	assert_int_equal(engine_image_tags(f->host, "bad", &tags,
	    &unavailable, &err), -1);
	assert_non_null(strstr(err, "image Id is malformed"));
	assert_int_equal(unavailable, 1);
	assert_int_equal(engine_image_tags(f->host, "badtag", &tags,
	    &unavailable, &err), -1);
	assert_non_null(strstr(err, "not a string"));
	assert_int_equal(tags.n, 0);
	assert_int_equal(engine_image_tags(f->host, "", &tags,
	    &unavailable, &err), -1);
	assert_int_equal(unavailable, 0);
	strv_free(&tags);
}

/* Docker 29 refuses 1.41: the client retries at the daemon's minimum. */
static void
test_negotiate(void **state)
{
	const struct fake *f = *state;
	struct strv tags = { NULL, 0, 0 };
	struct target t;
	const char *err;
	int unavailable;

	assert_int_equal(engine_container(f->host, "web-1", &t, &unavailable,
	    &err), 0);
	assert_string_equal(t.id, H64);
	decide_target_free(&t);
	assert_int_equal(engine_image_tags(f->host, "aaaa", &tags,
	    &unavailable, &err), 0);
	assert_int_equal(tags.n, 1);
	strv_free(&tags);
	/* Still 404 (at 1.44) when it does not exist. */
	assert_int_equal(engine_container(f->host, "nope", &t, &unavailable,
	    &err), -1);
	assert_string_equal(err, "no such container");
}

static long long
ms_now(void)
{
	struct timespec ts;

	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
test_timeout(void **state)
{
	const struct fake *f = *state;
	struct engine_resp resp;
	const char *err;
	long long t0 = ms_now();
	int unavailable = 0;

	assert_int_equal(engine_get(f->host, "/hang", 300, &resp,
	    &unavailable, &err), -1);
	assert_int_equal(unavailable, 1);
	assert_non_null(strstr(err, "did not answer in time"));
	assert_null(resp.body);
	assert_true(ms_now() - t0 < 3000);
	engine_resp_free(&resp);
	engine_resp_free(NULL);
}

static void
test_unreachable(void **state)
{
	struct target t;
	const char *err;
	int unavailable = 0;

	(void)state;
	assert_int_equal(engine_container("unix:///nonexistent/docker.sock",
	    "web-1", &t, &unavailable, &err), -1);
	assert_int_equal(unavailable, 1);
	assert_non_null(strstr(err, "cannot connect to the Docker engine at "
	    "/nonexistent/docker.sock"));
	assert_int_equal(engine_container("tcp://127.0.0.1:2375", "web-1",
	    &t, &unavailable, &err), -1);
	assert_int_equal(unavailable, 1);
	assert_non_null(strstr(err, "unix:///PATH"));
	assert_int_equal(engine_container(NULL, "web-1", &t, &unavailable,
	    &err), -1);
	assert_int_equal(unavailable, 1);
}

/* resolve_init wires the engine in, or leaves lookups NULL. */
static void
test_resolver(void **state)
{
	const struct fake *f = *state;
	struct resolver r;
	struct target t;
	const char *err;
	int unavailable;

	resolve_init(&r, "/", NULL);
	assert_null(r.container);
	assert_null(r.image);
	assert_non_null(r.path);
	resolve_init(&r, "/", f->host);
	assert_non_null(r.container);
	assert_non_null(r.image);
	assert_string_equal(r.cwd, "/");
	assert_int_equal(r.container(r.ctx, "web-1", &t, &unavailable,
	    &err), 0);
	assert_string_equal(t.name, "web-1");
	decide_target_free(&t);
}

/* The labels engine_container gives for ref, as "k=v;" in key order. */
static char *
labels_of(const char *host, const char *ref, int *unavailable,
    const char **err)
{
	struct target t;
	char *s = xstrdup(""), *n;
	size_t i, j;

	if (engine_container(host, ref, &t, unavailable, err) != 0) {
		free(s);
		assert_null(t.labels);
		return NULL;
	}
	for (i = 0; i < t.nlabels; i++)	/* a few: selection order */
		for (j = i + 1; j < t.nlabels; j++)
			if (strcmp(t.labels[j].key, t.labels[i].key) < 0) {
				struct labelspec x = t.labels[i];

				t.labels[i] = t.labels[j];
				t.labels[j] = x;
			}
	for (i = 0; i < t.nlabels; i++) {
		n = xasprintf("%s%s=%s;", s, t.labels[i].key,
		    t.labels[i].value);
		free(s);
		s = n;
	}
	decide_target_free(&t);
	return s;
}

/*
 * Reserved labels a container may have from its image count as absent;
 * its own (a value the image does not carry) and other labels stay.
 */
static void
test_image_labels(void **state)
{
	static const struct {
		const char *ref, *want;	/* want NULL: an error */
		int unavailable;
		const char *err;
	} c[] = {
		{ "inh", "team=a;", 0, NULL },
		{ "mine", "dockergate.owner=r;dockergate.session=s1;team=a;",
		    0, NULL },
		{ "set", "dockergate.owner=r;dockergate.session=s1;team=a;", 0,
		    NULL },
		{ "gone", "team=a;", 0, NULL },
		{ "plain", "team=a;", 0, NULL },
		{ "down", NULL, 1, "failed in the Docker engine" },
		{ "bad", NULL, 1, "image labels are malformed" },
		{ "noimage", NULL, 1, "Image is not an image ID" },
		{ "tagged", NULL, 1, "Image is not an image ID" },
	};
	const struct fake *f = *state;
	const char *err;
	char *got;
	int unavailable;
	size_t i;

	for (i = 0; i < NELEM(c); i++) {
		err = NULL;
		unavailable = -1;
		got = labels_of(f->host, c[i].ref, &unavailable, &err);
		if (c[i].want != NULL && (got == NULL ||
		    strcmp(got, c[i].want) != 0))
			fail_msg("%s: labels \"%s\", want \"%s\" (%s)",
			    c[i].ref, got ? got : "(error)", c[i].want,
			    got ? "" : err);
		if (c[i].want == NULL && (got != NULL ||
		    strstr(err, c[i].err) == NULL))
			fail_msg("%s: \"%s\", want the error \"%s\"",
			    c[i].ref, got ? got : err, c[i].err);
		if (unavailable != c[i].unavailable)
			fail_msg("%s: unavailable %d, want %d", c[i].ref,
			    unavailable, c[i].unavailable);
		free(got);
	}
}

/* owned: through the real resolver: an owner label from the image is no
 * ownership, whoever started the container. */
static void
test_owned_from_image(void **state)
{
	static const char text[] =
	    "version: 1\n"
	    "roles:\n"
	    "  r:\n"
	    "    allow:\n"
	    "      - command: [stop, exec, rm]\n"
	    "        owned: true\n"
	    "      - command: ps\n"
	    "        owned: true\n";
	static const struct dcase cases[] = {
		{ "r", "docker stop mine", 1, "docker container stop " H64 },
		{ "r", "docker container stop set", 1, H64 },
		{ "r", "docker stop inh", 0, "owned by this role" },
		{ "r", "docker exec inh sh", 0, "owned by this role" },
		{ "r", "docker container rm -f gone", 0, "owned by this role" },
		{ "r", "docker stop plain", 0, "owned by this role" },
	};
	const struct fake *f = *state;
	struct policy *pol = NULL;
	struct resolver res;
	int bad;

	assert_int_equal(dcase_policy(text, &pol), 0);
	resolve_init(&res, "/", f->host);
	bad = dcase_run_all(pol, &res, cases, NELEM(cases));
	policy_free(pol);
	assert_int_equal(bad, 0);
}

/* Against a real daemon, when tests/check-engine.sh provides one. */
static void
test_real_engine(void **state)
{
	const char *host = getenv("DG_TEST_ENGINE");
	const char *name = getenv("DG_TEST_CONTAINER");
	const char *image = getenv("DG_TEST_IMAGE");
	struct strv tags = { NULL, 0, 0 };
	struct target t;
	const char *err;
	int unavailable;
	size_t i;

	(void)state;
	if (host == NULL || name == NULL || image == NULL)
		skip();
	if (engine_container(host, name, &t, &unavailable, &err) != 0)
		fail_msg("container %s: %s", name, err);
	assert_string_equal(t.name, name);
	assert_int_equal(strlen(t.id), 64);
	decide_target_free(&t);
	if (engine_image_tags(host, image, &tags, &unavailable, &err) != 0)
		fail_msg("image %s: %s", image, err);
	for (i = 0; i < tags.n && strcmp(tags.v[i], image) != 0; i++)
		;
	if (i == tags.n)
		fail_msg("image %s: not among its own RepoTags", image);
	strv_free(&tags);
}

/* ------------------------------------------------------- quota count */

#define COUNT_ROUTE(role) "/v1.41/containers/json?all=1&filters=" \
	"%7B%22label%22%3A%5B%22dockergate.owner%3D" role "%22%5D%7D"

static const struct route count_engine[] = {
	{ COUNT_ROUTE("w"), 200, "[{\"Id\":\"a\"},{\"Id\":\"b\"}]",
	    F_LENGTH },
	{ COUNT_ROUTE("none"), 200, "[]", F_LENGTH },
	{ COUNT_ROUTE("obj"), 200, "{}", F_LENGTH },
	{ COUNT_ROUTE("err"), 500, "{\"message\":\"boom\"}", F_LENGTH },
	{ NULL, 0, NULL, F_LENGTH },
};

static int
setup_count(void **state)
{
	static struct fake f;

	if (fake_start(&f, count_engine) != 0)
		return -1;
	*state = &f;
	return 0;
}

static void
test_count(void **state)
{
	struct fake *f = *state;
	const char *err;
	long n;
	int un;

	assert_int_equal(engine_count_labelled(f->host, "dockergate.owner=w",
	    &n, &un, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(engine_count_labelled(f->host,
	    "dockergate.owner=none", &n, &un, &err), 0);
	assert_int_equal(n, 0);
	assert_int_equal(engine_count_labelled(f->host, "dockergate.owner=obj",
	    &n, &un, &err), -1);
	assert_int_equal(un, 1);
	assert_int_equal(engine_count_labelled(f->host, "dockergate.owner=err",
	    &n, &un, &err), -1);
	assert_int_equal(un, 1);
	assert_non_null(strstr(err, "boom"));
}

/* ------------------------------------------------------- reap selection */

#define RA	I64("a")	/* expired, its own label */
#define RB	I64("b")	/* not yet */
#define RC	I64("c")	/* expired only by its image's label */
#define RD	I64("d")	/* a label that is not a number */
#define RE	I64("e")	/* listed, gone since */
#define RF	I64("f")	/* expires exactly now */
#define IMG_EXP	I64("7")	/* carries dockergate.expires=100 */
#define REAP_DOC(id, name, image, exp) \
	"{\"Id\":\"" id "\",\"Name\":\"/" name "\",\"Image\":\"sha256:" \
	image "\",\"Config\":{\"Labels\":{\"dockergate.expires\":\"" exp \
	"\"}}}"
#define REAP_ROUTE(id)	"/v1.41/containers/" id "/json"

static const struct route reap_engine[] = {
	{ "/v1.41/containers/json?all=1&filters=%7B%22label%22%3A%5B%22"
	    "dockergate.expires%22%5D%7D", 200, "[{\"Id\":\"" RA "\"},"
	    "{\"Id\":\"" RB "\"},{\"Id\":\"" RC "\"},{\"Id\":\"" RD "\"},"
	    "{\"Id\":\"" RE "\"},{\"Id\":\"" RF "\"}]", F_LENGTH },
	{ REAP_ROUTE(RA), 200, REAP_DOC(RA, "a", IMG_NONE, "100"), F_LENGTH },
	{ REAP_ROUTE(RB), 200, REAP_DOC(RB, "b", IMG_NONE, "5000"), F_LENGTH },
	{ REAP_ROUTE(RC), 200, REAP_DOC(RC, "c", IMG_EXP, "100"), F_LENGTH },
	{ REAP_ROUTE(RD), 200, REAP_DOC(RD, "d", IMG_NONE, "0x10"), F_LENGTH },
	{ REAP_ROUTE(RF), 200, REAP_DOC(RF, "f", IMG_NONE, "1000"), F_LENGTH },
	{ IMG_ROUTE(IMG_NONE), 200, IMAGE_DOC(IMG_NONE, "null"), F_LENGTH },
	{ IMG_ROUTE(IMG_EXP), 200, IMAGE_DOC(IMG_EXP,
	    "{\"dockergate.expires\":\"100\"}"), F_LENGTH },
	{ NULL, 0, NULL, F_LENGTH },
};

static int
setup_reap(void **state)
{
	static struct fake f;

	if (fake_start(&f, reap_engine) != 0)
		return -1;
	*state = &f;
	return 0;
}

static void
test_reap_select(void **state)
{
	struct fake *f = *state;
	struct reap_item *it;
	const char *err;
	size_t n;

	assert_int_equal(reap_select(f->host, 1000, &it, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(it[0].id, RA);
	assert_string_equal(it[0].name, "a");
	assert_int_equal(it[0].expires, 100);
	assert_string_equal(it[1].id, RF);
	reap_items_free(it, n);
	/* earlier: only a */
	assert_int_equal(reap_select(f->host, 999, &it, &n, &err), 0);
	assert_int_equal(n, 1);
	reap_items_free(it, n);
	/* later: b too; c (its image's label) and d (not a number) never */
	assert_int_equal(reap_select(f->host, 100000, &it, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_string_equal(it[1].id, RB);
	reap_items_free(it, n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_table),
		cmocka_unit_test(test_parse_nul),
		cmocka_unit_test(test_parse_caps),
		cmocka_unit_test(test_escape),
		cmocka_unit_test_setup_teardown(test_containers, setup_old,
		    teardown),
		cmocka_unit_test_setup_teardown(test_container_labels,
		    setup_old, teardown),
		cmocka_unit_test_setup_teardown(test_long_ref, setup_old,
		    teardown),
		cmocka_unit_test_setup_teardown(test_images, setup_old,
		    teardown),
		cmocka_unit_test_setup_teardown(test_negotiate, setup_new,
		    teardown),
		cmocka_unit_test_setup_teardown(test_timeout, setup_old,
		    teardown),
		cmocka_unit_test(test_unreachable),
		cmocka_unit_test_setup_teardown(test_resolver, setup_old,
		    teardown),
		cmocka_unit_test_setup_teardown(test_image_labels,
		    setup_labels, teardown),
		cmocka_unit_test_setup_teardown(test_owned_from_image,
		    setup_labels, teardown),
		cmocka_unit_test(test_real_engine),
		cmocka_unit_test_setup_teardown(test_count, setup_count,
		    teardown),
		cmocka_unit_test_setup_teardown(test_reap_select, setup_reap,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
