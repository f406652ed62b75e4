/*
 * fuzz_events.c: libFuzzer harness for the docker events line filters
 * (redact_event_json, redact_event_text).
 *
 * Filters the input both ways, checks the documented properties of the
 * result, frees.  Besides the sanitizers, it aborts when one breaks.
 *
 * Invariants checked:
 * - On failure *out MUST be NULL, *outlen 0 and *errstr set, and both
 *   renderings MUST agree on failing: nothing of the line can be shown.
 * - On success *out MUST be NUL-terminated at *outlen and end in its one
 *   newline (JSON: the only one; strings escape theirs), and the JSON
 *   MUST filter to itself: no action payload is left to mask.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "redact.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* 1 if the result is in shape, 0 if it is a failure; aborts otherwise. */
static int
checked(int r, char *out, size_t outlen, const char *err)
{
	if (r != 0) {
		if (out != NULL || outlen != 0 || err == NULL)
			abort();
		return 0;
	}
	if (out == NULL || outlen == 0 || out[outlen] != '\0' ||
	    out[outlen - 1] != '\n')
		abort();
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *err = NULL;
	char *json = NULL, *text = NULL, *again = NULL;
	size_t jlen = 0, tlen = 0, alen = 0;
	int j, t;

	/* The call first: argument evaluation order is unspecified. */
	j = redact_event_json((const char *)data, size, &json, &jlen, &err);
	j = checked(j, json, jlen, err);
	err = NULL;
	t = redact_event_text((const char *)data, size, &text, &tlen, &err);
	t = checked(t, text, tlen, err);
	/* Text may fail alone: an attribute that is not a string. */
	if (t && !j)
		abort();
	if (j) {
		if (memchr(json, '\n', jlen - 1) != NULL)
			abort();
		err = NULL;
		if (redact_event_json(json, jlen, &again, &alen, &err) != 0 ||
		    alen != jlen || memcmp(again, json, jlen) != 0)
			abort();
	}
	free(again);
	free(json);
	free(text);
	return 0;
}
