/*
 * fuzz_engine.c: libFuzzer harness for the Engine API response parser.
 *
 * Parses the input as one whole HTTP response, frees.  Besides the
 * sanitizers, it aborts when a documented property of the output breaks.
 *
 * Invariants checked:
 * - On success the status MUST be 200..599 and the body MUST be a new
 *   buffer of at most ENGINE_MAX_BODY bytes, NUL-terminated at bodylen,
 *   never longer than the input.
 * - On error the body MUST be NULL and errstr MUST be set.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *errstr = NULL;
	char *buf, *body = NULL;
	size_t bodylen = 0;
	int status = 0;

	/* Exactly size bytes, no terminator: the parser must honour len. */
	if ((buf = malloc(size ? size : 1)) == NULL)
		return 0;
	if (size > 0)
		memcpy(buf, data, size);
	if (engine_parse_response(buf, size, &status, &body, &bodylen,
	    &errstr) == 0) {
		if (status < 200 || status > 599 || body == NULL ||
		    bodylen > ENGINE_MAX_BODY || bodylen > size ||
		    body[bodylen] != '\0')
			abort();
	} else if (body != NULL || errstr == NULL)
		abort();
	free(body);
	free(buf);
	return 0;
}
