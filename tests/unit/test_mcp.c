/*
 * test_mcp.c: the MCP server (mcp.c) with a fake executor.
 *
 * mcp_parse: one case per reject path and per message kind.  The reader:
 * messages split across reads, CR LF, empty lines, an over-long line
 * discarded with the buffer bounded.  mcp_serve: run in a child process
 * on a socketpair, with a fake ops->run driven by the command text, for
 * the lifecycle, tool results, bounds, the queue, cancellation and end of
 * input (the fake writes a marker file when it sees its pipes closed, as
 * the real executor then writes the exit record).
 */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "testutil.h"
#include "grammar.h"
#include "decide.h"
#include "mcp.h"
#include "policy.h"

#define WAIT_MS		10000	/* for one response */

/* ---------------------------------------------------------- parse */

struct pcase {
	const char	*in;
	enum mcp_kind	 kind;
	int		 code;		/* for MCP_K_ERROR */
	int		 has_id;	/* the error keeps the request id */
};

static const struct pcase pcases[] = {
	{ "{", MCP_K_ERROR, MCP_PARSE_ERROR, 0 },
	{ "", MCP_K_ERROR, MCP_PARSE_ERROR, 0 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}",
	    MCP_K_ERROR, MCP_PARSE_ERROR, 0 },
	{ "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]",
	    MCP_K_ERROR, MCP_INVALID_REQUEST, 0 },
	{ "42", MCP_K_ERROR, MCP_PARSE_ERROR, 0 },
	{ "\"ping\"", MCP_K_ERROR, MCP_PARSE_ERROR, 0 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}",
	    MCP_K_ERROR, MCP_INVALID_REQUEST, 0 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
	    MCP_K_ERROR, MCP_INVALID_REQUEST, 0 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}",
	    MCP_K_ERROR, MCP_INVALID_REQUEST, 0 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}",
	    MCP_K_ERROR, MCP_INVALID_REQUEST, 0 },
	{ "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
	    MCP_K_ERROR, MCP_INVALID_REQUEST, 1 },
	{ "{\"id\":1,\"method\":\"ping\"}",
	    MCP_K_ERROR, MCP_INVALID_REQUEST, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1}",
	    MCP_K_ERROR, MCP_INVALID_REQUEST, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}",
	    MCP_K_ERROR, MCP_INVALID_REQUEST, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[]}",
	    MCP_K_ERROR, MCP_INVALID_PARAMS, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":3}",
	    MCP_K_ERROR, MCP_INVALID_REQUEST, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/list\"}",
	    MCP_K_ERROR, MCP_METHOD_NOT_FOUND, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"Ping\"}",
	    MCP_K_ERROR, MCP_METHOD_NOT_FOUND, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
	    "\"params\":{}}", MCP_K_ERROR, MCP_INVALID_PARAMS, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
	    "\"params\":{\"protocolVersion\":20250618}}",
	    MCP_K_ERROR, MCP_INVALID_PARAMS, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}",
	    MCP_K_ERROR, MCP_INVALID_PARAMS, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
	    "\"params\":{\"name\":5}}", MCP_K_ERROR, MCP_INVALID_PARAMS, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
	    "\"params\":{\"name\":\"shell\",\"arguments\":{}}}",
	    MCP_K_ERROR, MCP_INVALID_PARAMS, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
	    "\"params\":{\"name\":\"Docker\",\"arguments\":{\"command\":"
	    "\"docker ps\"}}}", MCP_K_ERROR, MCP_INVALID_PARAMS, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
	    "\"params\":{\"name\":\"docker\"}}",
	    MCP_K_ERROR, MCP_INVALID_PARAMS, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
	    "\"params\":{\"name\":\"docker\",\"arguments\":[\"docker\"]}}",
	    MCP_K_ERROR, MCP_INVALID_PARAMS, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
	    "\"params\":{\"name\":\"docker\",\"arguments\":{}}}",
	    MCP_K_ERROR, MCP_INVALID_PARAMS, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
	    "\"params\":{\"name\":\"docker\",\"arguments\":{\"command\":"
	    "[\"docker\",\"ps\"]}}}", MCP_K_ERROR, MCP_INVALID_PARAMS, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
	    "\"params\":{\"name\":\"docker\",\"arguments\":{\"command\":"
	    "\"docker ps\",\"stdin\":1}}}", MCP_K_ERROR, MCP_INVALID_PARAMS,
	    1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
	    "\"params\":{\"name\":\"docker\",\"arguments\":{\"command\":"
	    "\"docker ps\",\"env\":\"X=1\"}}}", MCP_K_ERROR,
	    MCP_INVALID_PARAMS, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
	    "\"params\":{\"name\":\"help\",\"arguments\":{\"x\":1}}}",
	    MCP_K_ERROR, MCP_INVALID_PARAMS, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
	    "\"params\":{\"name\":\"docker\",\"arguments\":{\"command\":"
	    "\"docker\\u0000 ps\"}}}", MCP_K_ERROR, MCP_PARSE_ERROR, 0 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}", MCP_K_IGNORE, 0,
	    1 },
	{ "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"}",
	    MCP_K_IGNORE, 0, 0 },
	{ "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\"}",
	    MCP_K_IGNORE, 0, 0 },
	{ "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
	    "\"params\":{\"requestId\":[1]}}", MCP_K_IGNORE, 0, 0 },
	{ "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
	    "\"params\":{\"requestId\":4,\"reason\":\"x\"}}",
	    MCP_K_CANCELLED, 0, 0 },
	{ "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
	    MCP_K_INITIALIZED, 0, 0 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"ping\"}",
	    MCP_K_PING, 0, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"tools/list\","
	    "\"params\":{\"cursor\":\"c\"}}", MCP_K_TOOLS_LIST, 0, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
	    "\"params\":{\"protocolVersion\":\"1999-01-01\"}}",
	    MCP_K_INITIALIZE, 0, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
	    "\"params\":{\"name\":\"help\"}}", MCP_K_TOOLS_CALL, 0, 1 },
	{ "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
	    "\"params\":{\"name\":\"docker\",\"arguments\":{\"command\":"
	    "\"docker ps\",\"stdin\":\"a\\u00e9\"},\"_meta\":{}}}",
	    MCP_K_TOOLS_CALL, 0, 1 },
};

static void
test_parse(void **state)
{
	struct mcp_msg m;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(pcases); i++) {
		mcp_parse(pcases[i].in, strlen(pcases[i].in), &m);
		if (m.kind != pcases[i].kind || m.code != pcases[i].code ||
		    (m.id != NULL) != pcases[i].has_id)
			fail_msg("case %zu %s: kind %d code %d id %d", i,
			    pcases[i].in, m.kind, m.code, m.id != NULL);
		if (m.kind == MCP_K_ERROR)
			assert_non_null(m.error);
		mcp_msg_free(&m);
	}
}

static void
test_parse_fields(void **state)
{
	const char *in = "{\"jsonrpc\":\"2.0\",\"id\":\"r-1\",\"method\":"
	    "\"tools/call\",\"params\":{\"name\":\"docker\",\"arguments\":"
	    "{\"command\":\"docker build -\",\"stdin\":\"FROM x\\n\"}}}";
	struct mcp_msg m;

	(void)state;
	mcp_parse(in, strlen(in), &m);
	assert_int_equal(m.kind, MCP_K_TOOLS_CALL);
	assert_int_equal(m.tool, MCP_TOOL_DOCKER);
	assert_string_equal(m.command, "docker build -");
	assert_int_equal(m.stdin_len, 7);
	assert_memory_equal(m.stdin_data, "FROM x\n", 7);
	assert_string_equal(json_string_value(m.id), "r-1");
	mcp_msg_free(&m);
	/* A string id one byte over MCP_ID_MAX is refused. */
	{
		char *big = xmalloc(MCP_ID_MAX + 64);

		(void)snprintf(big, MCP_ID_MAX + 64, "{\"jsonrpc\":\"2.0\","
		    "\"id\":\"%0*d\",\"method\":\"ping\"}", MCP_ID_MAX + 1, 0);
		mcp_parse(big, strlen(big), &m);
		assert_int_equal(m.kind, MCP_K_ERROR);
		assert_null(m.id);
		mcp_msg_free(&m);
		free(big);
	}
}

/* ---------------------------------------------------------- reader */

struct lines {
	char	*v[16];
	size_t	 n;
	size_t	 oversize;
};

static void
collect(void *ctx, const char *line, size_t len)
{
	struct lines *l = ctx;

	if (line == NULL) {
		l->oversize++;
		return;
	}
	assert_true(l->n < NELEM(l->v));
	l->v[l->n++] = xstrndup(line, len);
}

static void
lines_free(struct lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
}

static void
test_reader(void **state)
{
	const char *in = "{\"a\":1}\r\n\n{\"b\"";
	struct mcp_reader r;
	struct lines l;
	size_t i;

	(void)state;
	memset(&r, 0, sizeof(r));
	memset(&l, 0, sizeof(l));
	/* one byte at a time: messages split anywhere */
	for (i = 0; in[i] != '\0'; i++)
		mcp_reader_push(&r, in + i, 1, collect, &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0], "{\"a\":1}");
	mcp_reader_push(&r, ":2}\n", 4, collect, &l);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[1], "{\"b\":2}");
	assert_int_equal(l.oversize, 0);
	mcp_reader_free(&r);
	lines_free(&l);
}

static void
test_reader_oversize(void **state)
{
	struct mcp_reader r;
	struct lines l;
	char *chunk;
	size_t i, n = 4096;

	(void)state;
	memset(&r, 0, sizeof(r));
	memset(&l, 0, sizeof(l));
	chunk = xmalloc(n);
	memset(chunk, 'x', n);
	/* 4 MSG_MAX of one line: the buffer never holds more than MAX */
	for (i = 0; i < 4 * (MCP_MSG_MAX / n); i++) {
		mcp_reader_push(&r, chunk, n, collect, &l);
		assert_true(r.cap <= MCP_MSG_MAX + 1);
	}
	assert_int_equal(l.oversize, 0);
	mcp_reader_push(&r, "\n{\"c\":3}\n", 9, collect, &l);
	assert_int_equal(l.oversize, 1);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0], "{\"c\":3}");
	/* exactly MCP_MSG_MAX is still one message */
	for (i = 0; i < MCP_MSG_MAX / n; i++)
		mcp_reader_push(&r, chunk, n, collect, &l);
	mcp_reader_push(&r, "\n", 1, collect, &l);
	assert_int_equal(l.oversize, 1);
	assert_int_equal(l.n, 2);
	assert_int_equal(strlen(l.v[1]), MCP_MSG_MAX);
	free(chunk);
	mcp_reader_free(&r);
	lines_free(&l);
}

/* ---------------------------------------------------------- tty */

static void
test_refused(void **state)
{
	static const char *const tty[][4] = {
		{ "run", "-t", "alpine", NULL },
		{ "run", "-it", "alpine", NULL },
		{ "run", "--tty", "alpine", NULL },
		{ "run", "--tty=true", "alpine", NULL },
		{ "run", "--tty=1", "alpine", NULL },
		{ "exec", "-t", "c", "sh" },
		{ "create", "-ti", "alpine", NULL },
	};
	static const char *const fine[][4] = {
		{ "run", "-i", "alpine", NULL },
		{ "run", "--tty=false", "alpine", NULL },
		{ "ps", NULL, NULL, NULL },
		{ "run", "alpine", "-t", NULL },
	};
	struct request req;
	const char *err;
	size_t i, n;

	(void)state;
	for (i = 0; i < NELEM(tty); i++) {
		for (n = 0; n < 4 && tty[i][n] != NULL; n++)
			;
		memset(&req, 0, sizeof(req));
		if (grammar_parse((char *const *)tty[i], n, &req, &err) != 0)
			fail_msg("tty case %zu: %s", i, err);
		if (mcp_refused(&req) == NULL)
			fail_msg("tty case %zu not refused", i);
		grammar_free(&req);
	}
	for (i = 0; i < NELEM(fine); i++) {
		for (n = 0; n < 4 && fine[i][n] != NULL; n++)
			;
		memset(&req, 0, sizeof(req));
		if (grammar_parse((char *const *)fine[i], n, &req, &err) != 0)
			fail_msg("fine case %zu: %s", i, err);
		if (mcp_refused(&req) != NULL)
			fail_msg("fine case %zu refused", i);
		grammar_free(&req);
	}
}

/* ---------------------------------------------------------- docker_read */

#define READ_REASON "docker_read runs read-only commands only: use the " \
	"docker tool"

/* Parse words (NULL-terminated, at most 6) and ask mcp_read_refused. */
static const char *
read_refused(const char *const *w)
{
	struct request req;
	const char *err, *why;
	size_t n;

	for (n = 0; n < 6 && w[n] != NULL; n++)
		;
	memset(&req, 0, sizeof(req));
	if (grammar_parse((char *const *)w, n, &req, &err) != 0)
		fail_msg("%s: %s", w[0], err);
	why = mcp_read_refused(&req);
	grammar_free(&req);
	return why;
}

/* On the parsed command, whatever its spelling or flags. */
static void
test_read_refused(void **state)
{
	static const char *const reads[][6] = {
		{ "ps", "-a", NULL },
		{ "container", "ls", "--filter", "name=x", NULL },
		{ "container", "list", NULL },
		{ "images", NULL },
		{ "image", "ls", NULL },
		{ "inspect", "--type=container", "x", NULL },
		{ "logs", "-f", "c", NULL },
		{ "top", "c", NULL },
		{ "stats", "--no-stream", NULL },
		{ "system", "df", NULL },
		{ "network", "ls", NULL },
		{ "volume", "inspect", "v", NULL },
		{ "compose", "-f", "x.yaml", "ps", NULL },
		{ "version", NULL },
	};
	static const char *const writes[][6] = {
		{ "rm", "x", NULL },
		{ "container", "rm", "-f", "x", NULL },
		{ "container", "remove", "x", NULL },
		{ "run", "alpine", NULL },
		{ "exec", "c", "ls", NULL },
		{ "cp", "c:/etc/passwd", "/tmp/x", NULL },
		{ "export", "-o", "/tmp/x", "c", NULL },
		{ "save", "--output=/tmp/x", "alpine", NULL },
		{ "pull", "alpine", NULL },
		{ "search", "alpine", NULL },
		{ "attach", "c", NULL },
		{ "wait", "c", NULL },
		{ "volume", "prune", "-f", NULL },
		{ "image", "tag", "a", "b", NULL },
		{ "compose", "up", "-d", NULL },
		{ "compose", "config", "-o", "/tmp/x", NULL },
	};
	const char *why;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(reads); i++)
		if ((why = read_refused(reads[i])) != NULL)
			fail_msg("read case %zu (%s) refused: %s", i,
			    reads[i][0], why);
	for (i = 0; i < NELEM(writes); i++) {
		why = read_refused(writes[i]);
		if (why == NULL)
			fail_msg("write case %zu (%s) not refused", i,
			    writes[i][0]);
		assert_string_equal(why, READ_REASON);
	}
}

/* docker_read is offered where help says a read-only command is available. */
static void
test_role_reads(void **state)
{
	static const char text[] =
	    "version: 1\n"
	    "roles:\n"
	    "  reads:\n"
	    "    allow: [rm, image inspect]\n"
	    "  writes:\n"
	    "    allow: [rm, run, pull, cp, export, save, attach, wait]\n"
	    "  composeread:\n"
	    "    allow:\n"
	    "      - command: compose\n"
	    "        subcommands: [up, logs]\n"
	    "        projects: [\"/srv/*\"]\n"
	    "  composewrite:\n"
	    "    allow:\n"
	    "      - command: compose\n"
	    "        subcommands: [up, config, down]\n"
	    "        projects: [\"/srv/*\"]\n"
	    "  composebare:\n"
	    "    allow: [compose]\n";
	static const struct {
		const char	*role;
		int		 reads;
	} want[] = {
		{ "reads", 1 }, { "writes", 0 },
		{ "composeread", 1 }, { "composewrite", 0 },
		{ "composebare", 0 },	/* no subcommands: unavailable */
	};
	struct strv errs = { NULL, 0, 0 };
	struct policy *pol;
	const struct role *r;
	size_t i;

	(void)state;
	if (policy_parse(text, strlen(text), "t.yaml", &pol, &errs) != 0)
		fail_msg("policy: %s", errs.n > 0 ? errs.v[0] : "?");
	for (i = 0; i < NELEM(want); i++) {
		assert_non_null(r = policy_role(pol, want[i].role));
		if (decide_role_offers(r, CMD_READS_ONLY) != want[i].reads)
			fail_msg("role %s: decide_role_offers %d", want[i].role,
			    !want[i].reads);
	}
	policy_free(pol);
}

/* ---------------------------------------------------------- server */

/*
 * The fake executor.  Commands:
 *   echo TEXT      TEXT on stdout, exit 0
 *   deny           one dockergate line on stderr, exit 77, refused
 *   fail           "oops" on stderr, exit 3
 *   big N          N bytes of 'y' on stdout and on stderr, exit 0
 *   cat            stdin to stdout
 *   bytes          invalid UTF-8 and a NUL on stdout
 *   nap            sleep 200 ms, then "done" with the job's rpc id
 *   wait FILE      wait (10 s at most) until stdout's reader is gone, then
 *                  write "gone" to FILE (the real executor's exit record)
 *   crash          killed by SIGKILL: no result record
 *   mode           "read_only N": the job's read_only (docker_read)
 */
static void
wait_gone(const char *file)
{
	struct pollfd p = { STDOUT_FILENO, 0, 0 };
	int fd;

	if (poll(&p, 1, 10000) == 1 && (p.revents & (POLLERR | POLLHUP)) &&
	    (fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0600)) != -1) {
		if (write(fd, "gone", 4) != 4)
			_exit(1);
		(void)close(fd);
	}
}

static int
fake_run(void *ctx, const struct mcp_job *job, struct mcp_outcome *o)
{
	const char *c = job->command;
	struct timespec nap = { 0, 200 * 1000000L };
	char buf[4096];
	ssize_t n;
	long i, len;

	(void)ctx;
	o->allowed = 1;
	(void)snprintf(o->rule, sizeof(o->rule), "roles.fake.allow[0]");
	if (strncmp(c, "echo ", 5) == 0) {
		printf("%s\n", c + 5);
		return 0;
	}
	if (strcmp(c, "deny") == 0) {
		o->allowed = 0;
		o->refused = 1;
		(void)snprintf(o->reason, sizeof(o->reason), "not for you");
		fprintf(stderr, "dockergate: denied: not for you\n");
		return 77;
	}
	if (strcmp(c, "fail") == 0) {
		fprintf(stderr, "oops\n");
		return 3;
	}
	if (strncmp(c, "big ", 4) == 0) {
		len = atol(c + 4);
		memset(buf, 'y', sizeof(buf));
		for (i = 0; i < len; i += n) {
			n = len - i < (long)sizeof(buf) ? len - i :
			    (long)sizeof(buf);
			if (write(STDOUT_FILENO, buf, (size_t)n) != n ||
			    write(STDERR_FILENO, buf, (size_t)n) != n)
				return 1;
		}
		return 0;
	}
	if (strcmp(c, "cat") == 0) {
		while ((n = read(STDIN_FILENO, buf, sizeof(buf))) > 0)
			fwrite(buf, 1, (size_t)n, stdout);
		return 0;
	}
	if (strcmp(c, "bytes") == 0) {
		fwrite("a\xff" "b\0c\xc3\xa9", 1, 7, stdout);
		return 0;
	}
	if (strcmp(c, "nap") == 0) {
		(void)nanosleep(&nap, NULL);
		printf("done %s\n", job->rpc_id);
		return 0;
	}
	if (strncmp(c, "wait ", 5) == 0) {
		wait_gone(c + 5);
		return 129;
	}
	if (strcmp(c, "crash") == 0)
		(void)kill(getpid(), SIGKILL);
	if (strcmp(c, "mode") == 0) {	/* what the executor is told */
		printf("read_only %d\n", job->read_only);
		return 0;
	}
	return 1;
}

static char *
fake_help(void *ctx, const char *rpc_id, const char **errstr)
{
	(void)ctx;
	(void)errstr;
	return xasprintf("{\"role\":\"fake\",\"id\":%s}\n", rpc_id);
}

static const struct mcp_ops fake_ops = {
	NULL, fake_run, fake_help, "0.0-test", "test instructions", 0
};

/* A role with read-only commands: docker_read is offered. */
static const struct mcp_ops fake_read_ops = {
	NULL, fake_run, fake_help, "0.0-test", "test instructions", 1
};

struct srv {
	pid_t	 pid;
	int	 fd;
	char	*buf;
	size_t	 len;
};

static void
srv_start_ops(struct srv *s, const struct mcp_ops *ops)
{
	int sv[2];
	const char *err;

	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0,
	    sv), 0);
	s->pid = fork();
	assert_true(s->pid != -1);
	if (s->pid == 0) {
		(void)close(sv[0]);
		_exit(mcp_serve(ops, sv[1], sv[1], &err) == 0 ? 0 : 1);
	}
	(void)close(sv[1]);
	s->fd = sv[0];
	s->buf = NULL;
	s->len = 0;
}

static void
srv_start(struct srv *s)
{
	srv_start_ops(s, &fake_ops);
}

static void
srv_send(struct srv *s, const char *msg)
{
	size_t n = strlen(msg), off = 0;
	ssize_t w;

	while (off < n) {
		w = write(s->fd, msg + off, n - off);
		assert_true(w > 0);
		off += (size_t)w;
	}
}

/* The next message from the server (caller decrefs), or NULL at EOF. */
static json_t *
srv_recv(struct srv *s)
{
	struct pollfd p = { s->fd, POLLIN, 0 };
	char *nl;
	json_t *j;
	ssize_t n;
	json_error_t e;

	for (;;) {
		if (s->buf != NULL && (nl = memchr(s->buf, '\n', s->len))) {
			j = json_loadb(s->buf, (size_t)(nl - s->buf),
			    JSON_ALLOW_NUL, &e);
			if (j == NULL)
				fail_msg("not JSON from the server: %s",
				    e.text);
			s->len -= (size_t)(nl - s->buf) + 1;
			memmove(s->buf, nl + 1, s->len);
			return j;
		}
		if (poll(&p, 1, WAIT_MS) != 1)
			fail_msg("no response within %d ms", WAIT_MS);
		s->buf = xreallocarray(s->buf, s->len + 65536, 1);
		if ((n = read(s->fd, s->buf + s->len, 65536)) <= 0)
			return NULL;
		s->len += (size_t)n;
	}
}

/* Close our end and wait for the server: it must exit 0. */
static void
srv_stop(struct srv *s)
{
	json_t *j;
	int st;

	(void)shutdown(s->fd, SHUT_WR);
	while ((j = srv_recv(s)) != NULL)
		json_decref(j);
	(void)close(s->fd);
	assert_int_equal(waitpid(s->pid, &st, 0), s->pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	free(s->buf);
}

static void
srv_init(struct srv *s, const char *version)
{
	char *m;
	json_t *r;

	m = xasprintf("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
	    "\"params\":{\"protocolVersion\":\"%s\",\"capabilities\":{},"
	    "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
	    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n",
	    version);
	srv_send(s, m);
	free(m);
	r = srv_recv(s);
	assert_non_null(json_object_get(r, "result"));
	json_decref(r);
}

static void
call(struct srv *s, const char *id, const char *command)
{
	json_t *m = json_pack("{s:s, s:o, s:s, s:{s:s, s:{s:s}}}", "jsonrpc",
	    "2.0", "id", json_loads(id, JSON_DECODE_ANY, NULL), "method",
	    "tools/call", "params", "name", "docker", "arguments", "command",
	    command);
	char *t = json_dumps(m, JSON_COMPACT);

	srv_send(s, t);
	srv_send(s, "\n");
	free(t);
	json_decref(m);
}

static json_t *
result(json_t *r)
{
	json_t *res = json_object_get(r, "result");

	if (res == NULL)
		fail_msg("not a result: %s", json_dumps(r, 0));
	return res;
}

static const char *
sc_str(json_t *r, const char *key)
{
	return json_string_value(json_object_get(json_object_get(result(r),
	    "structuredContent"), key));
}

static long long
sc_int(json_t *r, const char *key)
{
	return json_integer_value(json_object_get(json_object_get(result(r),
	    "structuredContent"), key));
}

static void
expect_error(struct srv *s, int code, int null_id)
{
	json_t *r = srv_recv(s);
	json_t *e = json_object_get(r, "error");

	if (e == NULL)
		fail_msg("not an error: %s", json_dumps(r, 0));
	assert_int_equal(json_integer_value(json_object_get(e, "code")),
	    code);
	assert_non_null(json_string_value(json_object_get(e, "message")));
	if (null_id)
		assert_true(json_is_null(json_object_get(r, "id")));
	else
		assert_false(json_is_null(json_object_get(r, "id")));
	json_decref(r);
}

static void
test_lifecycle(void **state)
{
	struct srv s;
	json_t *r, *res, *tools;

	(void)state;
	srv_start(&s);
	/* before initialize: ping works, tools/list does not */
	srv_send(&s, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n");
	r = srv_recv(&s);
	assert_true(json_is_object(result(r)));
	json_decref(r);
	srv_send(&s, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"
	    "\"tools/list\"}\n");
	expect_error(&s, MCP_INVALID_REQUEST, 0);
	/* an unknown version gets the latest */
	srv_send(&s, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\","
	    "\"params\":{\"protocolVersion\":\"2099-01-01\"}}\n");
	r = srv_recv(&s);
	res = result(r);
	assert_string_equal(json_string_value(json_object_get(res,
	    "protocolVersion")), MCP_VERSION_LATEST);
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    res, "serverInfo"), "name")), "dockergate");
	assert_non_null(json_object_get(json_object_get(res, "capabilities"),
	    "tools"));
	json_decref(r);
	/* twice is an error */
	srv_send(&s, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"initialize\","
	    "\"params\":{\"protocolVersion\":\"2025-06-18\"}}\n");
	expect_error(&s, MCP_INVALID_REQUEST, 0);
	srv_send(&s, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":"
	    "\"tools/list\"}\n");
	r = srv_recv(&s);
	tools = json_object_get(result(r), "tools");
	assert_int_equal(json_array_size(tools), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    tools, 0), "name")), "docker");
	assert_non_null(json_object_get(json_array_get(tools, 0),
	    "outputSchema"));
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    json_object_get(json_object_get(json_array_get(tools, 0),
	    "inputSchema"), "properties"), "command"), "type")), "string");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    tools, 1), "name")), "help");
	json_decref(r);
	/* help: what ops->help says, with the request id for the audit */
	srv_send(&s, "{\"jsonrpc\":\"2.0\",\"id\":\"h\",\"method\":"
	    "\"tools/call\",\"params\":{\"name\":\"help\"}}\n");
	r = srv_recv(&s);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    json_object_get(result(r), "content"), 0), "text")),
	    "{\"role\":\"fake\",\"id\":\"h\"}\n");
	json_decref(r);
	srv_stop(&s);
}

static void
test_versions(void **state)
{
	static const char *const v[] = { "2025-06-18", "2025-03-26",
	    "2024-11-05" };
	struct srv s;
	json_t *r;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		srv_start(&s);
		srv_send(&s, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
		    "\"initialize\",\"params\":{\"protocolVersion\":\"");
		srv_send(&s, v[i]);
		srv_send(&s, "\"}}\n{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"
		    "\"tools/list\"}\n");
		r = srv_recv(&s);
		assert_string_equal(json_string_value(json_object_get(
		    result(r), "protocolVersion")), v[i]);
		json_decref(r);
		r = srv_recv(&s);
		/* outputSchema only where the version has it */
		assert_int_equal(json_object_get(json_array_get(
		    json_object_get(result(r), "tools"), 0),
		    "outputSchema") != NULL, i == 0);
		json_decref(r);
		call(&s, "3", "echo hi");
		r = srv_recv(&s);
		assert_int_equal(json_object_get(result(r),
		    "structuredContent") != NULL, i == 0);
		json_decref(r);
		srv_stop(&s);
	}
}

/*
 * A JSON-RPC batch is refused with one Invalid Request error (id null)
 * where no negotiated version has batches: before initialize, and under
 * 2025-06-18 and 2024-11-05.  The session goes on: the next request is
 * answered.  (2025-03-26 receives them: test_batch.)
 */
static void
test_batch_refused(void **state)
{
	static const char *const v[] = { NULL, "2025-06-18", "2024-11-05" };
	struct srv s;
	json_t *r;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(v); i++) {
		srv_start(&s);
		if (v[i] != NULL)
			srv_init(&s, v[i]);
		srv_send(&s, "[{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":"
		    "\"ping\"},{\"jsonrpc\":\"2.0\",\"method\":"
		    "\"notifications/initialized\"}]\n[]\n"
		    "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}\n");
		expect_error(&s, MCP_INVALID_REQUEST, 1);
		expect_error(&s, MCP_INVALID_REQUEST, 1);
		r = srv_recv(&s);
		assert_true(json_is_object(r));
		assert_int_equal(json_integer_value(json_object_get(r, "id")),
		    8);
		assert_non_null(json_object_get(r, "result"));
		json_decref(r);
		srv_stop(&s);
	}
}

/* The reply with id (an integer) in the batch answer a, or NULL. */
static json_t *
batch_reply(json_t *a, json_int_t id)
{
	size_t i;
	json_t *r;

	json_array_foreach(a, i, r)
		if (json_integer_value(json_object_get(r, "id")) == id)
			return r;
	return NULL;
}

#define PING(id)	"{\"jsonrpc\":\"2.0\",\"id\":" #id ",\"method\":\"ping\"}"
#define CALL(id, cmd)	"{\"jsonrpc\":\"2.0\",\"id\":" #id ",\"method\":" \
	"\"tools/call\",\"params\":{\"name\":\"docker\",\"arguments\":" \
	"{\"command\":\"" cmd "\"}}}"
#define NOTE		"{\"jsonrpc\":\"2.0\",\"method\":" \
	"\"notifications/initialized\"}"

/*
 * Under 2025-03-26 a batch is received: each message handled as its own
 * line would be, and the answers of the batch sent as one array once its
 * last tool call has ended (the ping sent after it is answered first).
 */
static void
test_batch(void **state)
{
	struct srv s;
	json_t *r, *a, *e;

	(void)state;
	srv_start(&s);
	srv_init(&s, "2025-03-26");
	srv_send(&s, "[" PING(1) "," NOTE "," CALL(2, "nap") "," CALL(3,
	    "echo b") ",5,{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":"
	    "\"nope\"},{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{}}]\n"
	    PING(8) "\n");
	r = srv_recv(&s);
	assert_int_equal(json_integer_value(json_object_get(r, "id")), 8);
	json_decref(r);
	a = srv_recv(&s);
	assert_true(json_is_array(a));
	assert_int_equal(json_array_size(a), 5);
	assert_non_null(json_object_get(batch_reply(a, 1), "result"));
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    json_object_get(result(batch_reply(a, 2)), "content"), 0),
	    "text")), "done 2\n");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    json_object_get(result(batch_reply(a, 3)), "content"), 0),
	    "text")), "b\n");
	e = json_object_get(batch_reply(a, 4), "error");
	assert_int_equal(json_integer_value(json_object_get(e, "code")),
	    MCP_METHOD_NOT_FOUND);
	e = json_object_get(batch_reply(a, 0), "error");	/* id null: 5 */
	assert_int_equal(json_integer_value(json_object_get(e, "code")),
	    MCP_INVALID_REQUEST);
	json_decref(a);

	/* empty: one error; notifications only: no answer at all */
	srv_send(&s, "[]\n[" NOTE "," NOTE "]\n" PING(10) "\n");
	expect_error(&s, MCP_INVALID_REQUEST, 1);
	r = srv_recv(&s);
	assert_int_equal(json_integer_value(json_object_get(r, "id")), 10);
	json_decref(r);
	/* initialize must not be part of a batch */
	srv_send(&s, "[{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":"
	    "\"initialize\",\"params\":{\"protocolVersion\":"
	    "\"2025-03-26\"}}]\n");
	a = srv_recv(&s);
	assert_int_equal(json_array_size(a), 1);
	e = json_object_get(batch_reply(a, 11), "error");
	assert_int_equal(json_integer_value(json_object_get(e, "code")),
	    MCP_INVALID_REQUEST);
	json_decref(a);
	srv_stop(&s);
}

/*
 * Bounds: more than MCP_BATCH_MAX messages, or a batch while
 * MCP_BATCHES_OPEN wait for their calls, is one error; a call of a batch
 * that is cancelled has no answer in it.
 */
static void
test_batch_bounds(void **state)
{
	struct srv s;
	json_t *a;
	size_t i;
	char *t;

	(void)state;
	srv_start(&s);
	srv_init(&s, "2025-03-26");
	srv_send(&s, "[");
	for (i = 0; i < MCP_BATCH_MAX; i++)
		srv_send(&s, PING(1) ",");
	srv_send(&s, PING(1) "]\n");
	expect_error(&s, MCP_INVALID_REQUEST, 1);

	srv_send(&s, "[" CALL(20, "nap") "," CALL(21, "echo c") "]\n"
	    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
	    "\"params\":{\"requestId\":20}}\n");
	a = srv_recv(&s);
	assert_int_equal(json_array_size(a), 1);
	assert_non_null(batch_reply(a, 21));
	json_decref(a);

	for (i = 0; i < MCP_BATCHES_OPEN; i++) {
		t = xasprintf("[" CALL(%zu, "nap") "]\n", 30 + i);
		srv_send(&s, t);
		free(t);
	}
	srv_send(&s, "[" PING(99) "]\n");
	expect_error(&s, MCP_INVALID_REQUEST, 1);
	for (i = 0; i < MCP_BATCHES_OPEN; i++) {
		a = srv_recv(&s);
		assert_int_equal(json_array_size(a), 1);
		assert_true(json_integer_value(json_object_get(json_array_get(
		    a, 0), "id")) >= 30);
		json_decref(a);
	}
	srv_stop(&s);
}

static void
test_results(void **state)
{
	struct srv s;
	json_t *r, *res;

	(void)state;
	srv_start(&s);
	srv_init(&s, "2025-06-18");
	call(&s, "1", "echo hello");
	r = srv_recv(&s);
	res = result(r);
	assert_int_equal(json_integer_value(json_object_get(r, "id")), 1);
	assert_true(json_is_false(json_object_get(res, "isError")));
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    json_object_get(res, "content"), 0), "text")), "hello\n");
	assert_int_equal(sc_int(r, "exit_status"), 0);
	assert_string_equal(sc_str(r, "stdout"), "hello\n");
	assert_string_equal(sc_str(r, "stderr"), "");
	assert_string_equal(sc_str(r, "verdict"), "allow");
	assert_string_equal(sc_str(r, "rule"), "roles.fake.allow[0]");
	json_decref(r);

	call(&s, "\"d\"", "deny");
	r = srv_recv(&s);
	assert_true(json_is_true(json_object_get(result(r), "isError")));
	assert_int_equal(sc_int(r, "exit_status"), 77);
	assert_string_equal(sc_str(r, "verdict"), "deny");
	assert_string_equal(sc_str(r, "reason"), "not for you");
	assert_string_equal(sc_str(r, "stderr"),
	    "dockergate: denied: not for you\n");
	json_decref(r);

	call(&s, "2", "fail");
	r = srv_recv(&s);
	assert_true(json_is_true(json_object_get(result(r), "isError")));
	assert_int_equal(sc_int(r, "exit_status"), 3);
	assert_string_equal(sc_str(r, "verdict"), "allow");
	json_decref(r);

	call(&s, "3", "crash");
	r = srv_recv(&s);
	assert_true(json_is_true(json_object_get(result(r), "isError")));
	assert_int_equal(sc_int(r, "exit_status"), 128 + SIGKILL);
	assert_string_equal(sc_str(r, "verdict"), "error");
	json_decref(r);

	call(&s, "4", "bytes");
	r = srv_recv(&s);
	assert_int_equal(json_string_length(json_object_get(json_object_get(
	    result(r), "structuredContent"), "stdout")), 9);
	assert_memory_equal(sc_str(r, "stdout"), "a\xef\xbf\xbd" "b\0c\xc3\xa9",
	    9);
	json_decref(r);

	/* stdin reaches the worker's fd 0 */
	srv_send(&s, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\","
	    "\"params\":{\"name\":\"docker\",\"arguments\":{\"command\":"
	    "\"cat\",\"stdin\":\"FROM scratch\\n\"}}}\n");
	r = srv_recv(&s);
	assert_string_equal(sc_str(r, "stdout"), "FROM scratch\n");
	json_decref(r);
	/* no stdin: /dev/null */
	call(&s, "6", "cat");
	r = srv_recv(&s);
	assert_string_equal(sc_str(r, "stdout"), "");
	json_decref(r);
	srv_stop(&s);
}

static void
test_bounds(void **state)
{
	struct srv s;
	json_t *r;
	char *big, cmd[64];

	(void)state;
	srv_start(&s);
	srv_init(&s, "2025-06-18");
	/* output over MCP_OUTPUT_MAX: kept up to it, the rest drained */
	(void)snprintf(cmd, sizeof(cmd), "big %d", 3 * MCP_OUTPUT_MAX);
	call(&s, "1", cmd);
	r = srv_recv(&s);
	assert_true(json_is_true(json_object_get(json_object_get(result(r),
	    "structuredContent"), "truncated")));
	assert_int_equal(strlen(sc_str(r, "stdout")), MCP_OUTPUT_MAX);
	assert_int_equal(strlen(sc_str(r, "stderr")), MCP_OUTPUT_MAX);
	assert_int_equal(sc_int(r, "exit_status"), 0);
	assert_non_null(strstr(json_string_value(json_object_get(
	    json_array_get(json_object_get(result(r), "content"), 2), "text")),
	    "truncated"));
	json_decref(r);
	/* a message over MCP_MSG_MAX: -32600 with id null, session goes on */
	big = xmalloc(MCP_MSG_MAX + 64);
	memset(big, ' ', MCP_MSG_MAX + 62);
	memcpy(big, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"", 39);
	big[MCP_MSG_MAX + 61] = '}';
	big[MCP_MSG_MAX + 62] = '\n';
	big[MCP_MSG_MAX + 63] = '\0';
	srv_send(&s, big);
	free(big);
	expect_error(&s, MCP_INVALID_REQUEST, 1);
	srv_send(&s, "not json\n");
	expect_error(&s, MCP_PARSE_ERROR, 1);
	srv_send(&s, "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"nope\"}\n");
	expect_error(&s, MCP_METHOD_NOT_FOUND, 0);
	srv_send(&s, "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/call\","
	    "\"params\":{\"name\":\"docker\",\"arguments\":{\"command\":1}}}"
	    "\n");
	expect_error(&s, MCP_INVALID_PARAMS, 0);
	srv_send(&s, "{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"ping\"}\n");
	r = srv_recv(&s);
	assert_int_equal(json_integer_value(json_object_get(r, "id")), 12);
	json_decref(r);
	srv_stop(&s);
}

static void
test_parallel(void **state)
{
	struct srv s;
	json_t *r;
	char id[16], seen[MCP_MAX_CALLS + 4];
	int i, n = MCP_MAX_CALLS + 4;
	long long k;

	(void)state;
	srv_start(&s);
	srv_init(&s, "2025-06-18");
	memset(seen, 0, sizeof(seen));
	/* more than MCP_MAX_CALLS: the rest wait, all are answered */
	for (i = 0; i < n; i++) {
		(void)snprintf(id, sizeof(id), "%d", 100 + i);
		call(&s, id, "nap");
	}
	for (i = 0; i < n; i++) {
		r = srv_recv(&s);
		k = json_integer_value(json_object_get(r, "id")) - 100;
		assert_true(k >= 0 && k < n && !seen[k]);
		seen[k] = 1;
		(void)snprintf(id, sizeof(id), "done %lld\n", k + 100);
		assert_string_equal(sc_str(r, "stdout"), id);
		json_decref(r);
	}
	/* the same id twice while it runs: refused */
	call(&s, "7", "nap");
	call(&s, "7", "nap");
	expect_error(&s, MCP_INVALID_REQUEST, 0);
	r = srv_recv(&s);
	assert_int_equal(sc_int(r, "exit_status"), 0);
	json_decref(r);
	srv_stop(&s);
}

static char *
marker(int n)
{
	const char *dir = getenv("TMPDIR");
	char *p = xasprintf("%s/test_mcp.%ld.%d", dir != NULL && *dir == '/' ?
	    dir : "/tmp", (long)getpid(), n);

	(void)unlink(p);
	return p;
}

static void
expect_gone(const char *file)
{
	char buf[8] = "";
	int fd, i;

	for (i = 0; i < 100 && access(file, F_OK) != 0; i++)
		(void)usleep(50000);
	fd = open(file, O_RDONLY);
	if (fd == -1)
		fail_msg("%s: the worker did not see its call end", file);
	assert_int_equal(read(fd, buf, sizeof(buf)), 4);
	assert_memory_equal(buf, "gone", 4);
	(void)close(fd);
	(void)unlink(file);
}

/* A tool's annotation, or -1 when it is not given. */
static int
hint(json_t *tool, const char *name)
{
	json_t *v = json_object_get(json_object_get(tool, "annotations"),
	    name);

	return v == NULL ? -1 : json_is_true(v);
}

static void
call_tool(struct srv *s, const char *id, const char *tool, const char *cmd)
{
	char *m = xasprintf("{\"jsonrpc\":\"2.0\",\"id\":%s,\"method\":"
	    "\"tools/call\",\"params\":{\"name\":\"%s\",\"arguments\":"
	    "{\"command\":\"%s\"}}}\n", id, tool, cmd);

	srv_send(s, m);
	free(m);
}

/*
 * docker_read: listed only when ops->read_tool, with the docker tool's
 * schemas and read-only annotations; its calls reach the executor with
 * read_only set (main.c refuses what is not CMD_READS_ONLY: see
 * test_read_refused), the docker tool's without.  Without read_tool it
 * is an unknown tool.
 */
static void
test_read_tool(void **state)
{
	struct srv s;
	json_t *r, *tools, *d, *ro, *h;

	(void)state;
	srv_start_ops(&s, &fake_read_ops);
	srv_init(&s, "2025-06-18");
	srv_send(&s, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
	    "\"tools/list\"}\n");
	r = srv_recv(&s);
	tools = json_object_get(result(r), "tools");
	assert_int_equal(json_array_size(tools), 3);
	d = json_array_get(tools, 0);
	h = json_array_get(tools, 1);
	ro = json_array_get(tools, 2);
	assert_string_equal(json_string_value(json_object_get(d, "name")),
	    "docker");
	assert_string_equal(json_string_value(json_object_get(h, "name")),
	    "help");
	assert_string_equal(json_string_value(json_object_get(ro, "name")),
	    "docker_read");
	assert_true(json_equal(json_object_get(ro, "inputSchema"),
	    json_object_get(d, "inputSchema")));
	assert_non_null(json_object_get(ro, "outputSchema"));
	assert_true(json_equal(json_object_get(ro, "outputSchema"),
	    json_object_get(d, "outputSchema")));
	assert_int_equal(hint(ro, "readOnlyHint"), 1);
	assert_int_equal(hint(ro, "idempotentHint"), 1);
	assert_int_equal(hint(ro, "openWorldHint"), 0);
	assert_int_equal(hint(d, "readOnlyHint"), 0);
	assert_int_equal(hint(d, "destructiveHint"), 1);
	assert_int_equal(hint(d, "openWorldHint"), 1);
	assert_int_equal(hint(h, "readOnlyHint"), 1);
	json_decref(r);
	call_tool(&s, "2", "docker_read", "mode");
	r = srv_recv(&s);
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    result(r), "structuredContent"), "stdout")), "read_only 1\n");
	json_decref(r);
	call_tool(&s, "3", "docker", "mode");
	r = srv_recv(&s);
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    result(r), "structuredContent"), "stdout")), "read_only 0\n");
	json_decref(r);
	srv_stop(&s);

	srv_start(&s);		/* a role without read-only commands */
	srv_init(&s, "2025-06-18");
	srv_send(&s, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
	    "\"tools/list\"}\n");
	r = srv_recv(&s);
	tools = json_object_get(result(r), "tools");
	assert_int_equal(json_array_size(tools), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    tools, 1), "name")), "help");
	json_decref(r);
	call_tool(&s, "2", "docker_read", "mode");
	expect_error(&s, MCP_INVALID_PARAMS, 0);
	srv_stop(&s);
}

static void
test_cancel(void **state)
{
	struct srv s;
	json_t *r;
	char *f = marker(1), *g = marker(2), cmd[128];

	(void)state;
	srv_start(&s);
	srv_init(&s, "2025-06-18");
	(void)snprintf(cmd, sizeof(cmd), "wait %s", f);
	call(&s, "\"c1\"", cmd);
	(void)snprintf(cmd, sizeof(cmd), "wait %s", g);
	call(&s, "\"c2\"", cmd);
	/* cancel c1 only: no answer for it, its worker sees the end */
	srv_send(&s, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/"
	    "cancelled\",\"params\":{\"requestId\":\"c1\",\"reason\":\"t\"}}"
	    "\n");
	expect_gone(f);
	assert_int_equal(access(g, F_OK), -1);
	srv_send(&s, "{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":"
	    "\"ping\"}\n");
	r = srv_recv(&s);
	assert_string_equal(json_string_value(json_object_get(r, "id")), "p");
	json_decref(r);
	/* end of input ends c2 too; the server exits 0 once it is reaped */
	srv_stop(&s);
	expect_gone(g);
	free(f);
	free(g);
}

static void
test_queue_full(void **state)
{
	struct srv s;
	json_t *r;
	char *f[MCP_MAX_CALLS], cmd[128], id[16];
	int i;

	(void)state;
	srv_start(&s);
	srv_init(&s, "2025-06-18");
	for (i = 0; i < MCP_MAX_CALLS; i++) {
		f[i] = marker(10 + i);
		(void)snprintf(cmd, sizeof(cmd), "wait %s", f[i]);
		(void)snprintf(id, sizeof(id), "%d", i);
		call(&s, id, cmd);
	}
	for (i = 0; i < MCP_MAX_QUEUED; i++) {
		(void)snprintf(id, sizeof(id), "%d", 1000 + i);
		call(&s, id, "echo queued");
	}
	call(&s, "5000", "echo one too many");
	r = srv_recv(&s);
	assert_int_equal(json_integer_value(json_object_get(r, "id")), 5000);
	assert_true(json_is_true(json_object_get(result(r), "isError")));
	assert_string_equal(sc_str(r, "verdict"), "error");
	json_decref(r);
	/* cancel a queued one: it never runs nor answers */
	srv_send(&s, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/"
	    "cancelled\",\"params\":{\"requestId\":1000}}\n");
	/* end one running call: a queued one starts and answers */
	srv_send(&s, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/"
	    "cancelled\",\"params\":{\"requestId\":0}}\n");
	expect_gone(f[0]);
	r = srv_recv(&s);
	assert_int_equal(json_integer_value(json_object_get(r, "id")), 1001);
	json_decref(r);
	srv_stop(&s);
	for (i = 1; i < MCP_MAX_CALLS; i++)
		expect_gone(f[i]);
	for (i = 0; i < MCP_MAX_CALLS; i++)
		free(f[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_fields),
		cmocka_unit_test(test_reader),
		cmocka_unit_test(test_reader_oversize),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_read_refused),
		cmocka_unit_test(test_role_reads),
		cmocka_unit_test(test_read_tool),
		cmocka_unit_test(test_lifecycle),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_batch_refused),
		cmocka_unit_test(test_batch),
		cmocka_unit_test(test_batch_bounds),
		cmocka_unit_test(test_results),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_parallel),
		cmocka_unit_test(test_cancel),
		cmocka_unit_test(test_queue_full),
	};

	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
