/*
 * mcp.h: the gateway as a Model Context Protocol server on stdin/stdout
 * (client command `mcp`, or dockergate --mcp): newline-delimited JSON-RPC
 * 2.0 as the MCP stdio transport specifies, one worker process per tool
 * call, each running the same pipeline as a forced command.
 */
#ifndef DG_MCP_H
#define DG_MCP_H

#include <stddef.h>

#include <jansson.h>

struct request;
struct role;

#define MCP_MSG_MAX	(1024 * 1024)	/* bytes of one incoming message; a
					   longer one is discarded up to its
					   newline and answered -32600 */
#define MCP_READ_CHUNK	65536		/* bytes read from stdin at once */
#define MCP_OUTPUT_MAX	(256 * 1024)	/* bytes of a call's stdout, and of
					   its stderr, kept; the rest is read
					   and discarded */
#define MCP_MAX_CALLS	8		/* tool calls running at once */
#define MCP_MAX_QUEUED	32		/* calls waiting for a free slot;
					   more are refused (isError) */
#define MCP_RESULT_MAX	16384		/* bytes of a worker's result record */
#define MCP_BATCH_MAX	16		/* messages in one JSON-RPC batch
					   (2025-03-26 sessions only); a
					   longer batch is answered -32600 */
#define MCP_BATCHES_OPEN 4		/* batches waiting for their tool
					   calls, each holding its answers
					   until the last; another batch is
					   answered -32600 */
#define MCP_BATCH_VERSION "2025-03-26"	/* the one revision with batches */
#define MCP_ID_MAX	256		/* bytes of a string request id */
#define MCP_RULE_MAX	256		/* bytes of a result's rule */
#define MCP_REASON_MAX	1024		/* bytes of a result's reason */
#define MCP_KILL_SEC	60		/* a cancelled worker still running
					   this long after its pipes were
					   closed is killed (SIGKILL) */
#define MCP_TTY_FLAG	"tty"		/* the docker flag (run, create,
					   exec, compose run/exec) that asks
					   for a pseudo-terminal */

/* JSON-RPC 2.0 error codes. */
#define MCP_PARSE_ERROR		(-32700)
#define MCP_INVALID_REQUEST	(-32600)
#define MCP_METHOD_NOT_FOUND	(-32601)
#define MCP_INVALID_PARAMS	(-32602)

/* The protocol versions spoken, newest first; the first is the answer to
 * any other. */
#define MCP_VERSION_LATEST	"2025-06-18"
#define MCP_VERSIONS		{ "2025-06-18", "2025-03-26", "2024-11-05" }

/* What one incoming message is, after mcp_parse. */
enum mcp_kind {
	MCP_K_ERROR,		/* answer code/error (id when it was valid) */
	MCP_K_IGNORE,		/* a response, or a notification we ignore */
	MCP_K_INITIALIZE,
	MCP_K_INITIALIZED,	/* notifications/initialized */
	MCP_K_PING,
	MCP_K_TOOLS_LIST,
	MCP_K_TOOLS_CALL,
	MCP_K_CANCELLED,	/* notifications/cancelled */
};

enum mcp_tool {
	MCP_TOOL_NONE,
	MCP_TOOL_DOCKER,	/* arguments: command, stdin? */
	MCP_TOOL_HELP,		/* no arguments */
	MCP_TOOL_DOCKER_READ,	/* as docker; read-only commands only */
};

struct mcp_msg {
	enum mcp_kind	 kind;
	json_t		*root;		/* the parsed message, owned */
	json_t		*id;		/* request id (string or integer),
					   borrowed from root; NULL if none */
	int		 code;		/* MCP_K_ERROR: JSON-RPC code */
	const char	*error;		/* MCP_K_ERROR: what is wrong
					   (static text) */
	const char	*version;	/* initialize: protocolVersion asked */
	enum mcp_tool	 tool;		/* tools/call */
	const char	*command;	/* docker, docker_read: the command
					   line */
	const char	*stdin_data;	/* docker: stdin, or NULL */
	size_t		 stdin_len;
	json_t		*cancel_id;	/* notifications/cancelled: requestId,
					   borrowed; NULL if missing */
	int		 batch;		/* 1 + the server's batch it came in,
					   or 0 */
};

/*
 * Parse one message (len bytes, no newline) into *m.  Never fails: what is
 * wrong is m->kind MCP_K_ERROR with the code and text to answer.  Caller
 * frees with mcp_msg_free.
 */
void	 mcp_parse(const char *line, size_t len, struct mcp_msg *m);
void	 mcp_msg_free(struct mcp_msg *);

/* Splits the input stream into messages, never holding more than
 * MCP_MSG_MAX bytes of one. */
struct mcp_reader {
	char	*buf;
	size_t	 len, cap;
	int	 skipping;	/* discarding an over-long line */
};

/*
 * Called for each complete line (without its newline; a trailing CR is
 * dropped), or with line NULL for a line over MCP_MSG_MAX (discarded).
 * Empty lines are skipped.
 */
typedef void (*mcp_line_fn)(void *ctx, const char *line, size_t len);

void	 mcp_reader_push(struct mcp_reader *, const char *data, size_t len,
	    mcp_line_fn fn, void *ctx);
void	 mcp_reader_free(struct mcp_reader *);

/* What a tools/call of the docker tool asks the gateway for. */
struct mcp_job {
	const char	*command;	/* as typed over ssh */
	const char	*rpc_id;	/* the request id as JSON text, for the
					   audit records */
	int		 read_only;	/* a call of docker_read: the parsed
					   command must be CMD_READS_ONLY
					   (mcp_read_refused) */
};

/* How the gateway's pipeline ended for one call (the worker fills it). */
struct mcp_outcome {
	int	 status;		/* the call's exit status */
	int	 allowed;		/* the decision allowed it */
	int	 refused;		/* dockergate refused it (denied,
					   unparseable, unavailable): the
					   reason is dockergate's */
	char	 rule[MCP_RULE_MAX];
	char	 reason[MCP_REASON_MAX];
};

/*
 * The gateway as mcp_serve sees it.
 *
 * run: in a worker process of its own (forked by mcp_serve, its own
 * process group), with stdin the call's stdin (or /dev/null), stdout and
 * stderr pipes read by the server: run the whole per-request pipeline for
 * job (parse, decide, audit, execute), fill *out and return the exit
 * status.  When the server cancels the call (notifications/cancelled, end
 * of input) it closes those pipes: the executor then ends docker as for a
 * client that went away and still writes the exit record.
 *
 * help: the role's help --json text (caller frees), or NULL with *errstr
 * (no such role, audit record not written); rpc_id as in mcp_job (audit).
 *
 * read_tool: offer docker_read (decide_role_offers(role,
 * CMD_READS_ONLY)); without it a call of docker_read is an unknown tool.
 */
struct mcp_ops {
	void	*ctx;
	int	(*run)(void *ctx, const struct mcp_job *job,
		    struct mcp_outcome *out);
	char	*(*help)(void *ctx, const char *rpc_id, const char **errstr);
	const char *server_version;	/* serverInfo.version */
	const char *instructions;	/* for the client's model, or NULL */
	int	 read_tool;
};

/*
 * Serve MCP on infd/outfd until end of input (or a client that stopped
 * reading): answer requests, run each tools/call of docker in a worker
 * (at most MCP_MAX_CALLS at once, MCP_MAX_QUEUED waiting), end cancelled
 * calls, and at the end, end the running ones and wait for every worker.
 * Nothing but protocol messages is written to outfd.  Returns 0, or -1
 * with *errstr when the server itself could not go on (poll failed).
 */
int	 mcp_serve(const struct mcp_ops *, int infd, int outfd,
	    const char **errstr);

/*
 * What MCP mode refuses in a parsed request, whatever the policy says:
 * a pseudo-terminal (MCP_TTY_FLAG true).  NULL, or the reason.
 */
const char *mcp_refused(const struct request *);

/*
 * What docker_read refuses in a parsed request: a command the table does
 * not mark CMD_READS_ONLY.  NULL, or the reason.
 */
const char *mcp_read_refused(const struct request *);

#endif
