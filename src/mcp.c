/*
 * mcp.c: the gateway as an MCP server on stdin/stdout.  A bounded reader
 * of newline-delimited JSON-RPC 2.0, the MCP lifecycle (initialize with
 * version negotiation, ping, tools/list, tools/call, cancellation), and a
 * poll loop over the client and one worker process per tool call.
 *
 * Security invariants:
 * - Nothing but protocol messages MUST reach outfd: one JSON object (or,
 *   for a batch, one array of them) per line, written whole by the server
 *   process.  Workers never hold outfd
 *   (their stdout is a pipe the server reads).
 * - No message MAY make the server hold more than MCP_MSG_MAX bytes of it:
 *   a longer line is discarded up to its newline and answered -32600.
 *   Output kept per call is MCP_OUTPUT_MAX bytes of stdout and of stderr;
 *   the rest is read and discarded, so docker never blocks on a full pipe.
 * - A tool call MUST go through ops->run, the same pipeline as a forced
 *   command, in a worker of its own; mcp.c decides nothing about docker
 *   beyond mcp_refused (no pseudo-terminal in MCP mode) and
 *   mcp_read_refused (docker_read runs CMD_READS_ONLY commands only, judged
 *   on the parsed request).
 * - A worker MUST NOT hold another call's pipes, the client's stdin or
 *   stdout: closing a call's pipes is how it learns that the call was
 *   cancelled (its executor then ends docker as for a vanished client and
 *   writes the exit record).
 * - At most MCP_MAX_CALLS workers run and MCP_MAX_QUEUED calls wait; more
 *   are refused.  Batches (2025-03-26 sessions only) hold at most
 *   MCP_BATCH_MAX messages, and at most MCP_BATCHES_OPEN keep answers
 *   while their calls run; more are refused.  End of input ends every running call and the server
 *   returns only when every worker is reaped.
 * - Strings from workers and docker reach the client as valid UTF-8
 *   (invalid bytes become U+FFFD), never as a lost message.
 * - This module forks and ends workers with _exit; like run.c it is an
 *   executor.  It never execs.
 */
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "commands.h"
#include "decide.h"
#include "grammar.h"
#include "mcp.h"
#include "policy.h"
#include "util.h"

#define MCP_DUMP_FLAGS	(JSON_COMPACT | JSON_PRESERVE_ORDER)
#define MCP_POLL_MAX	(1 + 4 * MCP_MAX_CALLS)	/* stdin + 4 per call */
#define MCP_MS_PER_SEC	1000L

#ifndef SYS_pidfd_open
#define SYS_pidfd_open	434
#endif

/* ------------------------------------------------------------------ */
/* Reader                                                               */
/* ------------------------------------------------------------------ */

/* Append to the line being read; an over-long one is dropped. */
static void
reader_add(struct mcp_reader *r, const char *p, size_t n)
{
	if (r->skipping)
		return;
	if (r->len + n > MCP_MSG_MAX) {
		r->skipping = 1;
		r->len = 0;
		return;
	}
	if (r->len + n + 1 > r->cap) {
		/* doubling, but never past the one message it may hold */
		r->cap = r->len + n + 1 > 2 * r->cap ? r->len + n + 1 :
		    2 * r->cap;
		if (r->cap > MCP_MSG_MAX + 1)
			r->cap = MCP_MSG_MAX + 1;
		r->buf = xreallocarray(r->buf, r->cap, 1);
	}
	memcpy(r->buf + r->len, p, n);
	r->len += n;
	r->buf[r->len] = '\0';
}

static void
reader_end_line(struct mcp_reader *r, mcp_line_fn fn, void *ctx)
{
	size_t n = r->len;

	if (r->skipping)
		fn(ctx, NULL, 0);
	else {
		if (n > 0 && r->buf[n - 1] == '\r')
			n--;
		if (n > 0)
			fn(ctx, r->buf, n);
	}
	r->skipping = 0;
	r->len = 0;
}

void
mcp_reader_push(struct mcp_reader *r, const char *data, size_t len,
    mcp_line_fn fn, void *ctx)
{
	const char *nl;

	while (len > 0) {
		if ((nl = memchr(data, '\n', len)) == NULL) {
			reader_add(r, data, len);
			return;
		}
		reader_add(r, data, (size_t)(nl - data));
		reader_end_line(r, fn, ctx);
		len -= (size_t)(nl - data) + 1;
		data = nl + 1;
	}
}

void
mcp_reader_free(struct mcp_reader *r)
{
	free(r->buf);
	memset(r, 0, sizeof(*r));
}

/* ------------------------------------------------------------------ */
/* Messages                                                             */
/* ------------------------------------------------------------------ */

static void
msg_error(struct mcp_msg *m, int code, const char *error)
{
	m->kind = MCP_K_ERROR;
	m->code = code;
	m->error = error;
}

/* A usable request id: an integer, or a string of at most MCP_ID_MAX. */
static int
id_valid(const json_t *id)
{
	return json_is_integer(id) || (json_is_string(id) &&
	    json_string_length(id) <= MCP_ID_MAX);
}

/* The docker tool's arguments: command, and stdin if given; nothing else. */
static void
docker_args(struct mcp_msg *m, json_t *args)
{
	const char *key;
	json_t *v;

	json_object_foreach(args, key, v) {
		if (strcmp(key, "command") == 0 && json_is_string(v))
			m->command = json_string_value(v);
		else if (strcmp(key, "stdin") == 0 && json_is_string(v)) {
			m->stdin_data = json_string_value(v);
			m->stdin_len = json_string_length(v);
		} else if (strcmp(key, "command") == 0 ||
		    strcmp(key, "stdin") == 0) {
			msg_error(m, MCP_INVALID_PARAMS, "docker: command and "
			    "stdin must be strings");
			return;
		} else {
			msg_error(m, MCP_INVALID_PARAMS, "docker: unknown "
			    "argument (only command and stdin)");
			return;
		}
	}
	if (m->command == NULL)
		msg_error(m, MCP_INVALID_PARAMS, "docker: the argument "
		    "command (a string) is required");
}

static void
tools_call(struct mcp_msg *m, json_t *params)
{
	json_t *name = json_object_get(params, "name");
	json_t *args = json_object_get(params, "arguments");

	m->kind = MCP_K_TOOLS_CALL;
	if (!json_is_string(name)) {
		msg_error(m, MCP_INVALID_PARAMS, "tools/call: name must be a "
		    "string");
		return;
	}
	if (args != NULL && !json_is_object(args)) {
		msg_error(m, MCP_INVALID_PARAMS, "tools/call: arguments must "
		    "be an object");
		return;
	}
	if (strcmp(json_string_value(name), "docker") == 0 ||
	    strcmp(json_string_value(name), "docker_read") == 0) {
		m->tool = strcmp(json_string_value(name), "docker") == 0 ?
		    MCP_TOOL_DOCKER : MCP_TOOL_DOCKER_READ;
		if (args == NULL)
			msg_error(m, MCP_INVALID_PARAMS, "docker: the argument "
			    "command (a string) is required");
		else
			docker_args(m, args);
	} else if (strcmp(json_string_value(name), "help") == 0) {
		m->tool = MCP_TOOL_HELP;
		if (args != NULL && json_object_size(args) != 0)
			msg_error(m, MCP_INVALID_PARAMS, "help: takes no "
			    "arguments");
	} else
		msg_error(m, MCP_INVALID_PARAMS, "unknown tool (tools/list "
		    "says which there are)");
}

static void
request(struct mcp_msg *m, const char *method, json_t *params)
{
	json_t *v;

	if (strcmp(method, "initialize") == 0) {
		m->kind = MCP_K_INITIALIZE;
		v = json_object_get(params, "protocolVersion");
		if (!json_is_string(v))
			msg_error(m, MCP_INVALID_PARAMS, "initialize: "
			    "protocolVersion must be a string");
		else
			m->version = json_string_value(v);
	} else if (strcmp(method, "ping") == 0)
		m->kind = MCP_K_PING;
	else if (strcmp(method, "tools/list") == 0)
		m->kind = MCP_K_TOOLS_LIST;
	else if (strcmp(method, "tools/call") == 0) {
		if (params == NULL)
			msg_error(m, MCP_INVALID_PARAMS, "tools/call: params "
			    "are required");
		else
			tools_call(m, params);
	} else
		msg_error(m, MCP_METHOD_NOT_FOUND, "method not found");
}

static void
notification(struct mcp_msg *m, const char *method, json_t *params)
{
	json_t *v;

	m->kind = MCP_K_IGNORE;
	if (strcmp(method, "notifications/initialized") == 0)
		m->kind = MCP_K_INITIALIZED;
	else if (strcmp(method, "notifications/cancelled") == 0 &&
	    (v = json_object_get(params, "requestId")) != NULL &&
	    id_valid(v)) {
		m->kind = MCP_K_CANCELLED;
		m->cancel_id = v;
	}
}

void
mcp_parse(const char *line, size_t len, struct mcp_msg *m)
{
	json_t *method, *params, *ver;

	memset(m, 0, sizeof(*m));
	m->root = json_loadb(line, len, JSON_REJECT_DUPLICATES, NULL);
	if (m->root == NULL)
		return msg_error(m, MCP_PARSE_ERROR, "parse error: not one "
		    "JSON value, or a duplicate key");
	if (json_is_array(m->root))
		return msg_error(m, MCP_INVALID_REQUEST, "batches are not "
		    "supported: one message per line");
	if (!json_is_object(m->root))
		return msg_error(m, MCP_INVALID_REQUEST, "a message is a JSON "
		    "object");
	m->id = json_object_get(m->root, "id");
	if (m->id != NULL && !id_valid(m->id)) {
		m->id = NULL;
		return msg_error(m, MCP_INVALID_REQUEST, "id must be an "
		    "integer or a string of at most 256 bytes");
	}
	ver = json_object_get(m->root, "jsonrpc");
	if (!json_is_string(ver) || strcmp(json_string_value(ver), "2.0") != 0)
		return msg_error(m, MCP_INVALID_REQUEST, "jsonrpc must be "
		    "\"2.0\"");
	method = json_object_get(m->root, "method");
	params = json_object_get(m->root, "params");
	if (method == NULL && m->id != NULL &&
	    (json_object_get(m->root, "result") != NULL ||
	    json_object_get(m->root, "error") != NULL)) {
		m->kind = MCP_K_IGNORE;		/* a response: we ask nothing */
		return;
	}
	if (!json_is_string(method))
		return msg_error(m, MCP_INVALID_REQUEST, "method must be a "
		    "string");
	if (params != NULL && !json_is_object(params))
		return msg_error(m, json_is_array(params) ?
		    MCP_INVALID_PARAMS : MCP_INVALID_REQUEST, "params must be "
		    "an object");
	if (m->id == NULL)
		notification(m, json_string_value(method), params);
	else
		request(m, json_string_value(method), params);
}

void
mcp_msg_free(struct mcp_msg *m)
{
	json_decref(m->root);
	memset(m, 0, sizeof(*m));
}

const char *
mcp_refused(const struct request *req)
{
	size_t i;
	int on;

	for (i = 0; i < req->nflags; i++)
		if (strcmp(req->flags[i].def->name, MCP_TTY_FLAG) == 0 &&
		    grammar_parse_bool(req->flags[i].value, &on) == 0 && on)
			return "no pseudo-terminal in an MCP session: leave "
			    "out -t/--tty (output comes back whole)";
	return NULL;
}

const char *
mcp_read_refused(const struct request *req)
{
	if (req->cmd == NULL || !(req->cmd->traits & CMD_READS_ONLY))
		return "docker_read runs read-only commands only: use the "
		    "docker tool";
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Server state                                                         */
/* ------------------------------------------------------------------ */

/* What is kept of one of a call's output streams. */
struct capture {
	char	*p;
	size_t	 len;		/* kept, at most its cap */
	size_t	 total;		/* read */
	size_t	 cap;
	int	 fd;		/* -1: closed */
};

struct call {
	int		 used;
	json_t		*id;		/* owned */
	pid_t		 pid;
	int		 pidfd;
	struct capture	 out, err, res;
	int		 cancelled;
	struct timespec	 kill_at;	/* cancelled: SIGKILL after this */
	int		 killed;
	int		 batch;		/* as mcp_msg's */
};

/* A JSON-RPC batch whose answers wait for its tool calls. */
struct batch {
	int		 used;
	int		 open;		/* its messages are being dispatched */
	json_t		*replies;	/* the answers so far (an array) */
	size_t		 owed;		/* tool calls running or queued */
};

struct server {
	const struct mcp_ops	*ops;
	int			 infd, outfd;
	int			 initialized;	/* initialize answered */
	int			 structured;	/* 2025-06-18: outputSchema,
						   structuredContent */
	int			 eof;		/* no more input */
	int			 gone;		/* outfd failed */
	struct mcp_reader	 rd;
	struct call		 calls[MCP_MAX_CALLS];
	struct mcp_msg		 queue[MCP_MAX_QUEUED];
	size_t			 nqueued;
	int			 batches;	/* 2025-03-26: receive them */
	struct batch		 batch[MCP_BATCHES_OPEN];
	int			 cur;		/* 1 + the batch send_msg
						   adds to, or 0: write */
};

static int
write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, p, n);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Write one message (or batch answer) and its newline; consumes msg. */
static void
write_msg(struct server *s, json_t *msg)
{
	char *t;
	size_t n;

	t = json_dumps(msg, MCP_DUMP_FLAGS);
	json_decref(msg);
	if (t == NULL)
		return;
	/* The message and its newline in one write. */
	n = strlen(t);
	t = xreallocarray(t, n + 1, 1);
	t[n++] = '\n';
	if (!s->gone && write_all(s->outfd, t, n) != 0)
		s->gone = 1;
	free(t);
}

/* Send one message: written, or kept for the batch s->cur; consumes msg. */
static void
send_msg(struct server *s, json_t *msg)
{
	if (msg == NULL)
		return;
	if (s->cur != 0)
		json_array_append_new(s->batch[s->cur - 1].replies, msg);
	else
		write_msg(s, msg);
}

/* Batch b (1 + index, or 0: none) waits for one more tool call. */
static void
batch_owe(struct server *s, int b)
{
	if (b != 0)
		s->batch[b - 1].owed++;
}

/*
 * One of batch b's tool calls has its answer (or will never have one:
 * cancelled).  The batch is answered, as one array, when nothing more is
 * owed; a batch of notifications only is answered with nothing.
 */
static void
batch_settle(struct server *s, int b)
{
	struct batch *bt;

	if (b == 0)
		return;
	bt = &s->batch[b - 1];
	if (bt->owed > 0)
		bt->owed--;
	if (bt->owed > 0 || bt->open)
		return;
	if (json_array_size(bt->replies) > 0)
		write_msg(s, bt->replies);
	else
		json_decref(bt->replies);
	memset(bt, 0, sizeof(*bt));
}

static void
send_result(struct server *s, json_t *id, json_t *result)
{
	send_msg(s, json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id,
	    "result", result));
}

static void
send_error(struct server *s, json_t *id, int code, const char *text)
{
	send_msg(s, json_pack("{s:s, s:O, s:{s:i, s:s}}", "jsonrpc", "2.0",
	    "id", id != NULL ? id : json_null(), "error", "code", code,
	    "message", text));
}

/* ------------------------------------------------------------------ */
/* Tools                                                                */
/* ------------------------------------------------------------------ */

/*
 * The docker tool, or (ro) docker_read: the same arguments and results,
 * for the commands that only read (CMD_READS_ONLY).  Annotations say what
 * is true: docker may change or remove anything and pull from registries;
 * docker_read changes nothing and talks to the local engine only.
 */
static json_t *
docker_tool(const struct server *s, int ro)
{
	json_t *t;

	t = json_pack("{s:s, s:s, s:s, s:{s:s, s:{s:{s:s, s:s}, s:{s:s, "
	    "s:s}}, s:[s], s:b}}",
	    "name", ro ? "docker_read" : "docker",
	    "title", ro ? "docker, read-only commands (through dockergate)" :
	    "docker (through dockergate)",
	    "description", ro ? "Run one docker command that only reads "
	    "(listings, inspect, logs, top, stats, events and the like); "
	    "any other command is refused: use the docker tool for it. Every "
	    "command is checked against the host's policy for this account, "
	    "recorded, and run without a shell or a terminal. A denial or a "
	    "non-zero exit status is a result with isError." :
	    "Run one docker command on the host. Every command "
	    "is checked against the host's policy for this account, recorded, "
	    "and run without a shell or a terminal; call help for what is "
	    "allowed. A denial or a non-zero exit status is a result with "
	    "isError.",
	    "inputSchema", "type", "object", "properties",
	    "command", "type", "string", "description", "the docker command "
	    "line as it would be typed over ssh, e.g. \"docker ps -a\"",
	    "stdin", "type", "string", "description", "standard input for "
	    "docker, e.g. a Dockerfile for \"docker build -\" (default: none)",
	    "required", "command", "additionalProperties", 0);
	if (s->structured)
		json_object_set_new(t, "outputSchema", json_pack("{s:s, "
		    "s:{s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s, s:[sss]}, "
		    "s:{s:s}, s:{s:s}}, s:[sssss]}",
		    "type", "object", "properties",
		    "exit_status", "type", "integer",
		    "stdout", "type", "string",
		    "stderr", "type", "string",
		    "truncated", "type", "boolean",
		    "verdict", "type", "string", "enum", "allow", "deny",
		    "error",
		    "rule", "type", "string",
		    "reason", "type", "string",
		    "required", "exit_status", "stdout", "stderr", "truncated",
		    "verdict"));
	if (ro)
		json_object_set_new(t, "annotations", json_pack("{s:b, s:b, "
		    "s:b}", "readOnlyHint", 1, "idempotentHint", 1,
		    "openWorldHint", 0));
	else
		json_object_set_new(t, "annotations", json_pack("{s:b, s:b, "
		    "s:b, s:b}", "readOnlyHint", 0, "destructiveHint", 1,
		    "idempotentHint", 0, "openWorldHint", 1));
	return t;
}

static json_t *
help_tool(void)
{
	return json_pack("{s:s, s:s, s:s, s:{s:s, s:{}, s:b}, s:{s:b, s:b, "
	    "s:b}}",
	    "name", "help",
	    "title", "what this account may run",
	    "description", "The docker commands this account may run and "
	    "their constraints, as JSON (what `help --json` prints over ssh).",
	    "inputSchema", "type", "object", "properties",
	    "additionalProperties", 0,
	    "annotations", "readOnlyHint", 1, "idempotentHint", 1,
	    "openWorldHint", 0);
}

/* docker, help, and docker_read when the role has read-only commands. */
static json_t *
tools_list(const struct server *s)
{
	json_t *tools = json_pack("[o, o]", docker_tool(s, 0), help_tool());

	if (s->ops->read_tool)
		json_array_append_new(tools, docker_tool(s, 1));
	return json_pack("{s:o}", "tools", tools);
}

/* Copy p (n bytes) as valid UTF-8: each invalid byte becomes U+FFFD. */
static json_t *
text(const char *p, size_t n)
{
	static const char rep[] = "\xef\xbf\xbd";
	struct capture b = { NULL, 0, 0, 0, -1 };
	json_t *j;
	size_t i = 0, k;

	b.p = xmalloc(3 * n + 1);
	while (i < n) {
		for (k = 4; k > 0; k--)
			if (i + k <= n && utf8_valid(p + i, k) &&
			    memchr(p + i, '\0', k) == NULL)
				break;
		if (k == 0) {
			if (p[i] == '\0')
				b.p[b.len++] = '\0';
			else {
				memcpy(b.p + b.len, rep, 3);
				b.len += 3;
			}
			i++;
			continue;
		}
		memcpy(b.p + b.len, p + i, k);
		b.len += k;
		i += k;
	}
	j = json_stringn(b.p, b.len);
	free(b.p);
	return j != NULL ? j : json_string("");
}

/* ------------------------------------------------------------------ */
/* Workers                                                              */
/* ------------------------------------------------------------------ */

static void
capture_close(struct capture *c)
{
	if (c->fd != -1)
		(void)close(c->fd);
	c->fd = -1;
}

/*
 * Read what fd holds now; keep up to max bytes, count the rest.  Closes
 * the fd at EOF or on an error.
 */
static void
capture_read(struct capture *c, size_t max)
{
	char buf[MCP_READ_CHUNK];
	ssize_t n;
	size_t keep;

	while (c->fd != -1) {
		n = read(c->fd, buf, sizeof(buf));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 && errno == EAGAIN)
			return;
		if (n <= 0) {
			capture_close(c);
			return;
		}
		c->total += (size_t)n;
		keep = c->len < max ? max - c->len : 0;
		keep = keep < (size_t)n ? keep : (size_t)n;
		if (keep == 0)
			continue;
		if (c->len + keep + 1 > c->cap) {
			c->cap = c->len + keep + 1;
			c->p = xreallocarray(c->p, c->cap, 1);
		}
		memcpy(c->p + c->len, buf, keep);
		c->len += keep;
		c->p[c->len] = '\0';
	}
}

/* Close every descriptor of the server in a worker: client and calls. */
static void
close_server_fds(struct server *s, int keep_a, int keep_b, int keep_c)
{
	struct call *c;
	size_t i;

	for (i = 0; i < MCP_MAX_CALLS; i++) {
		c = &s->calls[i];
		if (!c->used)
			continue;
		capture_close(&c->out);
		capture_close(&c->err);
		capture_close(&c->res);
		if (c->pidfd != -1)
			(void)close(c->pidfd);
	}
	if (s->infd > 2 && s->infd != keep_a && s->infd != keep_b &&
	    s->infd != keep_c)
		(void)close(s->infd);
	if (s->outfd > 2 && s->outfd != keep_a && s->outfd != keep_b &&
	    s->outfd != keep_c)
		(void)close(s->outfd);
}

/* The call's stdin: a sealed memfd with data, or /dev/null. */
static int
stdin_fd(const char *data, size_t len)
{
	int fd;
	ssize_t n;

	if (data == NULL)
		return open("/dev/null", O_RDONLY | O_CLOEXEC);
	if ((fd = memfd_create("dockergate-mcp-stdin", MFD_CLOEXEC)) == -1)
		return -1;
	while (len > 0) {
		if ((n = write(fd, data, len)) == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			(void)close(fd);
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	if (lseek(fd, 0, SEEK_SET) == -1) {
		(void)close(fd);
		return -1;
	}
	return fd;
}

static void
put_outcome(int fd, const struct mcp_outcome *o)
{
	json_t *r;
	char *t;

	r = json_pack("{s:i, s:b, s:b, s:o, s:o}", "exit_status", o->status,
	    "allowed", o->allowed, "refused", o->refused, "rule",
	    text(o->rule, strnlen(o->rule, sizeof(o->rule))), "reason",
	    text(o->reason, strnlen(o->reason, sizeof(o->reason))));
	if (r != NULL && (t = json_dumps(r, MCP_DUMP_FLAGS)) != NULL) {
		(void)write_all(fd, t, strlen(t));
		free(t);
	}
	json_decref(r);
}

/*
 * The worker: fds 0-2 the call's, every other fd of the server and the
 * server's ends of this call's pipes closed (or cancelling could not be
 * seen), its own process group; runs the pipeline and never returns.
 */
static void __attribute__((noreturn))
worker(struct server *s, const struct mcp_msg *m, int in, int p[3][2])
{
	struct mcp_outcome o;
	struct mcp_job job;
	char *id;
	int status, i;

	(void)setpgid(0, 0);
	close_server_fds(s, in, p[0][1], p[1][1]);
	for (i = 0; i < 3; i++)
		(void)close(p[i][0]);
	if (dup2(in, STDIN_FILENO) == -1 ||
	    dup2(p[0][1], STDOUT_FILENO) == -1 ||
	    dup2(p[1][1], STDERR_FILENO) == -1)
		_exit(127);
	for (i = 0; i < 2; i++)
		if (p[i][1] > STDERR_FILENO)
			(void)close(p[i][1]);
	if (in > STDERR_FILENO)
		(void)close(in);
	memset(&o, 0, sizeof(o));
	id = json_dumps(m->id, JSON_ENCODE_ANY | MCP_DUMP_FLAGS);
	job.command = m->command;
	job.rpc_id = id != NULL ? id : "null";
	job.read_only = m->tool == MCP_TOOL_DOCKER_READ;
	status = s->ops->run(s->ops->ctx, &job, &o);
	o.status = status;
	(void)fflush(NULL);
	put_outcome(p[2][1], &o);
	_exit(status & 0xff);
}

static void
capture_init(struct capture *c, int fd)
{
	memset(c, 0, sizeof(*c));
	c->fd = fd;
	(void)fcntl(fd, F_SETFL, O_NONBLOCK);
}

/* Fork the worker for m into slot c: 0, or -1 with *errstr. */
static int
start_call(struct server *s, struct call *c, const struct mcp_msg *m,
    const char **errstr)
{
	int p[3][2] = { { -1, -1 }, { -1, -1 }, { -1, -1 } };
	int in, i, r = -1;
	pid_t pid;

	*errstr = "cannot start a worker for the call";
	if ((in = stdin_fd(m->stdin_data, m->stdin_len)) == -1)
		return -1;
	for (i = 0; i < 3; i++)
		if (pipe2(p[i], O_CLOEXEC) == -1)
			goto done;
	if ((pid = fork()) == -1)
		goto done;
	if (pid == 0)
		worker(s, m, in, p);
	memset(c, 0, sizeof(*c));
	c->used = 1;
	c->pid = pid;
	c->id = json_incref(m->id);
	capture_init(&c->out, p[0][0]);
	capture_init(&c->err, p[1][0]);
	capture_init(&c->res, p[2][0]);
	p[0][0] = p[1][0] = p[2][0] = -1;
	/* Without pidfds (old kernels, valgrind) the end of the result pipe,
	 * which only the worker holds, says that it ended. */
	if ((c->pidfd = (int)syscall(SYS_pidfd_open, pid, 0)) != -1)
		(void)fcntl(c->pidfd, F_SETFD, FD_CLOEXEC);
	r = 0;
done:
	(void)close(in);
	for (i = 0; i < 3; i++) {
		if (p[i][0] != -1)
			(void)close(p[i][0]);
		if (p[i][1] != -1)
			(void)close(p[i][1]);
	}
	return r;
}

/* End a call as a vanished client would: close its output pipes. */
static void
cancel_call(struct call *c)
{
	if (c->cancelled)
		return;
	c->cancelled = 1;
	capture_close(&c->out);
	capture_close(&c->err);
	(void)clock_gettime(CLOCK_MONOTONIC, &c->kill_at);
	c->kill_at.tv_sec += MCP_KILL_SEC;
}

static void
add_text(json_t *content, json_t *t)
{
	json_array_append_new(content, json_pack("{s:s, s:o}", "type",
	    "text", "text", t));
}

/* The worker's result record, or a stand-in when it wrote none. */
static json_t *
outcome(struct call *c, int wstatus)
{
	json_t *o = NULL;

	if (c->res.len > 0)
		o = json_loadb(c->res.p, c->res.len, 0, NULL);
	if (json_is_object(o) && json_is_integer(json_object_get(o,
	    "exit_status")) && json_is_boolean(json_object_get(o,
	    "allowed")) && json_is_boolean(json_object_get(o, "refused")) &&
	    json_is_string(json_object_get(o, "rule")) &&
	    json_is_string(json_object_get(o, "reason")))
		return o;
	json_decref(o);
	return json_pack("{s:i, s:b, s:b, s:s, s:s}", "exit_status",
	    WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 +
	    (WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0), "allowed", 0,
	    "refused", 1, "rule", "", "reason", "the worker ended without a "
	    "result");
}

static json_t *
status_line(json_int_t st, const char *verdict, const struct call *c)
{
	char *t;
	json_t *j;

	t = xasprintf("exit status %lld%s%s%s", (long long)st,
	    strcmp(verdict, "allow") == 0 ? "" : strcmp(verdict, "deny") ==
	    0 ? " (refused by dockergate)" : " (dockergate error)",
	    c->out.total > c->out.len ? "; stdout truncated to its first "
	    "bytes (MCP_OUTPUT_MAX)" : "", c->err.total > c->err.len ?
	    "; stderr truncated to its first bytes (MCP_OUTPUT_MAX)" : "");
	j = json_string(t);
	free(t);
	return j;
}

/* The tools/call result of a finished worker. */
static json_t *
call_result(const struct server *s, struct call *c, int wstatus)
{
	json_t *o = outcome(c, wstatus), *r, *content = json_array();
	json_int_t st = json_integer_value(json_object_get(o, "exit_status"));
	const char *verdict;
	int truncated = c->out.total > c->out.len ||
	    c->err.total > c->err.len;

	verdict = json_is_true(json_object_get(o, "allowed")) ? "allow" :
	    json_is_true(json_object_get(o, "refused")) && (st == 77 ||
	    st == 65) ? "deny" : "error";
	if (c->out.len > 0)
		add_text(content, text(c->out.p, c->out.len));
	if (c->err.len > 0)
		add_text(content, text(c->err.p, c->err.len));
	add_text(content, status_line(st, verdict, c));
	r = json_pack("{s:o, s:b}", "content", content, "isError", st != 0);
	if (s->structured)
		json_object_set_new(r, "structuredContent", json_pack("{s:I, "
		    "s:o, s:o, s:b, s:s, s:O, s:O}", "exit_status", st,
		    "stdout", text(c->out.p, c->out.len), "stderr",
		    text(c->err.p, c->err.len), "truncated", truncated,
		    "verdict", verdict, "rule", json_object_get(o, "rule"),
		    "reason", json_object_get(o, "reason")));
	json_decref(o);
	return r;
}

/* A tool result that is an error of ours, not docker's. */
static json_t *
tool_error(const struct server *s, const char *why)
{
	json_t *r;

	r = json_pack("{s:[{s:s, s:s}], s:b}", "content", "type", "text",
	    "text", why, "isError", 1);
	if (s->structured)
		json_object_set_new(r, "structuredContent", json_pack("{s:i, "
		    "s:s, s:s, s:b, s:s, s:s, s:s}", "exit_status", 69,
		    "stdout", "", "stderr", why, "truncated", 0, "verdict",
		    "error", "rule", "", "reason", why));
	return r;
}

static void start_queued(struct server *);

/* The worker ended: read what is left, answer, free the slot. */
static void
finish_call(struct server *s, struct call *c)
{
	int wstatus = 0, b;

	while (waitpid(c->pid, &wstatus, 0) == -1 && errno == EINTR)
		;
	capture_read(&c->out, MCP_OUTPUT_MAX);
	capture_read(&c->err, MCP_OUTPUT_MAX);
	capture_read(&c->res, MCP_RESULT_MAX);
	if (!c->cancelled) {
		s->cur = c->batch;
		send_result(s, c->id, call_result(s, c, wstatus));
		s->cur = 0;
	}
	capture_close(&c->out);
	capture_close(&c->err);
	capture_close(&c->res);
	if (c->pidfd != -1)
		(void)close(c->pidfd);
	free(c->out.p);
	free(c->err.p);
	free(c->res.p);
	json_decref(c->id);
	b = c->batch;
	memset(c, 0, sizeof(*c));
	batch_settle(s, b);
	start_queued(s);
}

static struct call *
free_slot(struct server *s)
{
	size_t i;

	for (i = 0; i < MCP_MAX_CALLS; i++)
		if (!s->calls[i].used)
			return &s->calls[i];
	return NULL;
}

/* Start m now, or answer why not; does not free m. */
static void
run_call(struct server *s, struct call *c, const struct mcp_msg *m)
{
	const char *err;
	int cur = s->cur;

	if (start_call(s, c, m, &err) == 0) {
		c->batch = m->batch;
		return;
	}
	s->cur = m->batch;
	send_result(s, m->id, tool_error(s, err));
	s->cur = cur;
	batch_settle(s, m->batch);
}

static void
start_queued(struct server *s)
{
	struct call *c;

	while (s->nqueued > 0 && !s->eof && (c = free_slot(s)) != NULL) {
		run_call(s, c, &s->queue[0]);
		mcp_msg_free(&s->queue[0]);
		s->nqueued--;
		memmove(s->queue, s->queue + 1, s->nqueued *
		    sizeof(s->queue[0]));
	}
}

/* ------------------------------------------------------------------ */
/* Dispatch                                                             */
/* ------------------------------------------------------------------ */

static void
initialize(struct server *s, const struct mcp_msg *m)
{
	static const char *const versions[] = MCP_VERSIONS;
	const char *v = MCP_VERSION_LATEST;
	json_t *r;
	size_t i;

	if (s->initialized) {
		send_error(s, m->id, MCP_INVALID_REQUEST, "already "
		    "initialized");
		return;
	}
	for (i = 0; i < sizeof(versions) / sizeof(versions[0]); i++)
		if (strcmp(m->version, versions[i]) == 0)
			v = versions[i];
	s->structured = strcmp(v, "2025-06-18") == 0;
	s->batches = strcmp(v, MCP_BATCH_VERSION) == 0;
	s->initialized = 1;
	r = json_pack("{s:s, s:{s:{s:b}}, s:{s:s, s:s}}", "protocolVersion",
	    v, "capabilities", "tools", "listChanged", 0, "serverInfo",
	    "name", "dockergate", "version", s->ops->server_version);
	if (s->ops->instructions != NULL)
		json_object_set_new(r, "instructions",
		    json_string(s->ops->instructions));
	send_result(s, m->id, r);
}

static void
help_call(struct server *s, const struct mcp_msg *m)
{
	char *id = json_dumps(m->id, JSON_ENCODE_ANY | MCP_DUMP_FLAGS);
	const char *err = "help is not available";
	char *t = s->ops->help(s->ops->ctx, id != NULL ? id : "null", &err);

	if (t == NULL)
		send_result(s, m->id, tool_error(s, err));
	else
		send_result(s, m->id, json_pack("{s:[{s:s, s:o}], s:b}",
		    "content", "type", "text", "text", text(t, strlen(t)),
		    "isError", 0));
	free(t);
	free(id);
}

/* A tools/call of docker: run, queue or refuse; takes m when queued. */
static int
docker_call(struct server *s, struct mcp_msg *m)
{
	struct call *c;
	size_t i;

	for (i = 0; i < MCP_MAX_CALLS; i++)
		if (s->calls[i].used && json_equal(s->calls[i].id, m->id)) {
			send_error(s, m->id, MCP_INVALID_REQUEST, "a call "
			    "with this id is still running");
			return 0;
		}
	if ((c = free_slot(s)) != NULL) {
		batch_owe(s, m->batch);
		run_call(s, c, m);
		return 0;
	}
	if (s->nqueued == MCP_MAX_QUEUED) {
		send_result(s, m->id, tool_error(s, "too many calls at once: "
		    "MCP_MAX_CALLS run and MCP_MAX_QUEUED wait; retry when "
		    "one has ended"));
		return 0;
	}
	batch_owe(s, m->batch);
	s->queue[s->nqueued++] = *m;
	return 1;
}

static void
cancel(struct server *s, const json_t *id)
{
	size_t i;

	for (i = 0; i < MCP_MAX_CALLS; i++)
		if (s->calls[i].used && json_equal(s->calls[i].id, id))
			cancel_call(&s->calls[i]);
	for (i = 0; i < s->nqueued; i++)
		if (json_equal(s->queue[i].id, id)) {
			batch_settle(s, s->queue[i].batch);
			mcp_msg_free(&s->queue[i]);
			s->nqueued--;
			memmove(s->queue + i, s->queue + i + 1, (s->nqueued -
			    i) * sizeof(s->queue[0]));
			break;
		}
}

/* Handle m; returns 1 when m was kept (queued), else the caller frees. */
static int
dispatch(struct server *s, struct mcp_msg *m)
{
	if (m->kind == MCP_K_ERROR) {
		send_error(s, m->id, m->code, m->error);
		return 0;
	}
	if (m->kind == MCP_K_CANCELLED) {
		cancel(s, m->cancel_id);
		return 0;
	}
	if (m->kind == MCP_K_IGNORE || m->kind == MCP_K_INITIALIZED)
		return 0;
	if (m->kind == MCP_K_PING) {
		send_result(s, m->id, json_object());
		return 0;
	}
	if (m->kind == MCP_K_INITIALIZE) {
		initialize(s, m);
		return 0;
	}
	if (!s->initialized) {
		send_error(s, m->id, MCP_INVALID_REQUEST, "not initialized: "
		    "send initialize first");
		return 0;
	}
	if (m->kind == MCP_K_TOOLS_LIST)
		send_result(s, m->id, tools_list(s));
	else if (m->tool == MCP_TOOL_DOCKER_READ && !s->ops->read_tool)
		send_error(s, m->id, MCP_INVALID_PARAMS, "unknown tool "
		    "(tools/list says which there are)");
	else if (m->tool == MCP_TOOL_HELP)
		help_call(s, m);
	else
		return docker_call(s, m);
	return 0;
}

/* The line is a JSON array (white space may come first). */
static int
is_batch(const char *line, size_t len)
{
	size_t i;

	for (i = 0; i < len && strchr(" \t\r\n", line[i]) != NULL; i++)
		;
	return i < len && line[i] == '[';
}

/* One message of batch b, handled as a line of its own would be. */
static void
batch_message(struct server *s, int b, const json_t *el)
{
	struct mcp_msg m;
	char *t;

	if (!json_is_object(el)) {
		send_error(s, NULL, MCP_INVALID_REQUEST, "a message of a "
		    "batch is a JSON object");
		return;
	}
	if ((t = json_dumps(el, MCP_DUMP_FLAGS)) == NULL) {
		send_error(s, NULL, MCP_INVALID_REQUEST, "a message of the "
		    "batch cannot be read");
		return;
	}
	mcp_parse(t, strlen(t), &m);
	free(t);
	m.batch = b;
	if (m.kind == MCP_K_INITIALIZE)
		send_error(s, m.id, MCP_INVALID_REQUEST, "initialize must not "
		    "be part of a batch");
	else if (dispatch(s, &m) == 1)
		return;
	mcp_msg_free(&m);
}

/* A free batch slot (1 + index), or 0. */
static int
batch_slot(struct server *s)
{
	int i;

	for (i = 0; i < MCP_BATCHES_OPEN; i++)
		if (!s->batch[i].used)
			return i + 1;
	return 0;
}

/*
 * A JSON-RPC batch (2025-03-26 sessions): every message handled as its
 * own line would be, the answers sent together as one array once the last
 * tool call of the batch has ended.
 */
static void
on_batch(struct server *s, const char *line, size_t len)
{
	json_t *a;
	size_t i;
	int b;

	a = json_loadb(line, len, JSON_REJECT_DUPLICATES, NULL);
	if (a == NULL || !json_is_array(a))
		send_error(s, NULL, MCP_PARSE_ERROR, "parse error: not one "
		    "JSON value, or a duplicate key");
	else if (json_array_size(a) == 0)
		send_error(s, NULL, MCP_INVALID_REQUEST, "an empty batch");
	else if (json_array_size(a) > MCP_BATCH_MAX)
		send_error(s, NULL, MCP_INVALID_REQUEST, "a batch of more than "
		    "MCP_BATCH_MAX messages");
	else if ((b = batch_slot(s)) == 0)
		send_error(s, NULL, MCP_INVALID_REQUEST, "MCP_BATCHES_OPEN "
		    "batches wait for their calls; send this one later");
	else {
		s->batch[b - 1].used = s->batch[b - 1].open = 1;
		s->batch[b - 1].replies = json_array();
		s->cur = b;
		for (i = 0; i < json_array_size(a); i++)
			batch_message(s, b, json_array_get(a, i));
		s->cur = 0;
		s->batch[b - 1].open = 0;
		s->batch[b - 1].owed++;		/* settled at once below */
		batch_settle(s, b);
	}
	json_decref(a);
}

static void
on_line(void *ctx, const char *line, size_t len)
{
	struct server *s = ctx;
	struct mcp_msg m;

	if (line == NULL) {
		send_error(s, NULL, MCP_INVALID_REQUEST, "message over "
		    "MCP_MSG_MAX bytes: discarded");
		return;
	}
	if (s->batches && is_batch(line, len)) {
		on_batch(s, line, len);
		return;
	}
	mcp_parse(line, len, &m);
	if (dispatch(s, &m) == 0)
		mcp_msg_free(&m);
}

/* ------------------------------------------------------------------ */
/* The loop                                                             */
/* ------------------------------------------------------------------ */

/* Input ended or the client stopped reading: end everything running. */
static void
end_input(struct server *s)
{
	size_t i;

	s->eof = 1;
	for (i = 0; i < MCP_MAX_CALLS; i++)
		if (s->calls[i].used)
			cancel_call(&s->calls[i]);
	for (i = 0; i < s->nqueued; i++) {
		batch_settle(s, s->queue[i].batch);
		mcp_msg_free(&s->queue[i]);
	}
	s->nqueued = 0;
}

static void
read_input(struct server *s)
{
	char buf[MCP_READ_CHUNK];
	ssize_t n;

	n = read(s->infd, buf, sizeof(buf));
	if (n == -1 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		end_input(s);
		return;
	}
	mcp_reader_push(&s->rd, buf, (size_t)n, on_line, s);
}

static int
busy(const struct server *s)
{
	size_t i;

	for (i = 0; i < MCP_MAX_CALLS; i++)
		if (s->calls[i].used)
			return 1;
	return 0;
}

static void
watch(struct pollfd *p, size_t *n, int fd)
{
	if (fd == -1)
		return;
	p[*n].fd = fd;
	p[*n].events = POLLIN;
	p[*n].revents = 0;
	(*n)++;
}

/* Milliseconds until the next kill of a cancelled worker, or -1. */
static int
next_timeout(struct server *s)
{
	struct timespec now;
	long ms, best = -1;
	size_t i;

	(void)clock_gettime(CLOCK_MONOTONIC, &now);
	for (i = 0; i < MCP_MAX_CALLS; i++) {
		struct call *c = &s->calls[i];

		if (!c->used || !c->cancelled || c->killed)
			continue;
		ms = (long)(c->kill_at.tv_sec - now.tv_sec) * MCP_MS_PER_SEC +
		    (c->kill_at.tv_nsec - now.tv_nsec) / 1000000L;
		if (ms <= 0) {
			(void)kill(-c->pid, SIGKILL);
			c->killed = 1;
			continue;
		}
		if (best == -1 || ms < best)
			best = ms;
	}
	return best > 60 * MCP_MS_PER_SEC ? 60 * (int)MCP_MS_PER_SEC :
	    (int)best;
}

/* After poll: read every call's pipes, finish the workers that ended. */
static void
service_calls(struct server *s)
{
	struct pollfd p = { -1, POLLIN, 0 };
	size_t i;

	for (i = 0; i < MCP_MAX_CALLS; i++) {
		struct call *c = &s->calls[i];

		if (!c->used)
			continue;
		capture_read(&c->out, MCP_OUTPUT_MAX);
		capture_read(&c->err, MCP_OUTPUT_MAX);
		capture_read(&c->res, MCP_RESULT_MAX);
		p.fd = c->pidfd;
		p.revents = 0;
		if (c->pidfd == -1 ? c->res.fd == -1 :
		    poll(&p, 1, 0) == 1 && p.revents != 0)
			finish_call(s, c);
	}
}

int
mcp_serve(const struct mcp_ops *ops, int infd, int outfd,
    const char **errstr)
{
	struct pollfd p[MCP_POLL_MAX];
	struct server *s;
	size_t n, i;
	int r = 0;

	s = xcalloc(1, sizeof(*s));
	s->ops = ops;
	s->infd = infd;
	s->outfd = outfd;
	while (!s->eof || busy(s)) {
		n = 0;
		if (!s->eof)
			watch(p, &n, s->infd);
		for (i = 0; i < MCP_MAX_CALLS; i++) {
			if (!s->calls[i].used)
				continue;
			watch(p, &n, s->calls[i].out.fd);
			watch(p, &n, s->calls[i].err.fd);
			watch(p, &n, s->calls[i].res.fd);
			watch(p, &n, s->calls[i].pidfd);
		}
		if (poll(p, n, next_timeout(s)) == -1 && errno != EINTR) {
			*errstr = "poll failed";
			r = -1;
			end_input(s);
			break;
		}
		if (!s->eof && p[0].revents != 0)
			read_input(s);
		service_calls(s);
		if (s->gone && !s->eof)
			end_input(s);
	}
	/* Only after a poll failure: make sure no worker outlives us. */
	for (i = 0; i < MCP_MAX_CALLS; i++)
		if (s->calls[i].used) {
			(void)kill(-s->calls[i].pid, SIGKILL);
			finish_call(s, &s->calls[i]);
		}
	mcp_reader_free(&s->rd);
	free(s);
	return r;
}
