/*
 * fuzz_mcp.c: libFuzzer harness for the MCP message reader and parser
 * (mcp_reader_push, mcp_parse).
 *
 * The first byte picks the size of the reads the input arrives in (1 to
 * 256 bytes), so messages split at every place; each line is parsed and
 * freed.  Besides the sanitizers, it aborts when a documented property
 * breaks.
 *
 * Invariants checked:
 * - The reader MUST hand over lines without a newline, at most MCP_MSG_MAX
 *   bytes each, and never hold more than MCP_MSG_MAX + 1 bytes.
 * - mcp_parse MUST classify every line: an error carries one of the four
 *   JSON-RPC codes and a text; an id, when kept, is an integer or a string
 *   of at most MCP_ID_MAX bytes; a docker call has a command string; a
 *   cancellation has a request id.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mcp.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_msg(const struct mcp_msg *m)
{
	if (m->id != NULL && !json_is_integer(m->id) &&
	    !(json_is_string(m->id) && json_string_length(m->id) <=
	    MCP_ID_MAX))
		abort();
	switch (m->kind) {
	case MCP_K_ERROR:
		if (m->error == NULL || (m->code != MCP_PARSE_ERROR &&
		    m->code != MCP_INVALID_REQUEST &&
		    m->code != MCP_METHOD_NOT_FOUND &&
		    m->code != MCP_INVALID_PARAMS))
			abort();
		if (m->code == MCP_PARSE_ERROR && m->id != NULL)
			abort();
		break;
	case MCP_K_TOOLS_CALL:
		if (m->id == NULL || (m->tool == MCP_TOOL_DOCKER &&
		    m->command == NULL) || m->tool == MCP_TOOL_NONE)
			abort();
		if (m->stdin_data != NULL && m->stdin_data[m->stdin_len] != 0)
			abort();
		break;
	case MCP_K_CANCELLED:
		if (m->cancel_id == NULL || m->id != NULL)
			abort();
		break;
	case MCP_K_INITIALIZE:
		if (m->version == NULL || m->id == NULL)
			abort();
		break;
	case MCP_K_PING:
	case MCP_K_TOOLS_LIST:
		if (m->id == NULL)
			abort();
		break;
	case MCP_K_INITIALIZED:
	case MCP_K_IGNORE:
		break;
	default:
		abort();
	}
}

static void
on_line(void *ctx, const char *line, size_t len)
{
	struct mcp_msg m;

	(void)ctx;
	if (line == NULL)
		return;
	if (len > MCP_MSG_MAX || memchr(line, '\n', len) != NULL)
		abort();
	mcp_parse(line, len, &m);
	check_msg(&m);
	mcp_msg_free(&m);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mcp_reader r;
	size_t step, off, n;

	if (size == 0)
		return 0;
	step = (size_t)data[0] + 1;
	memset(&r, 0, sizeof(r));
	for (off = 1; off < size; off += n) {
		n = size - off < step ? size - off : step;
		mcp_reader_push(&r, (const char *)data + off, n, on_line, NULL);
		if (r.cap > MCP_MSG_MAX + 1 || r.len > MCP_MSG_MAX)
			abort();
	}
	mcp_reader_push(&r, "\n", 1, on_line, NULL);
	mcp_reader_free(&r);
	return 0;
}
