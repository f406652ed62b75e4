/*
 * fuzz_redact.c: libFuzzer harness for the inspect redactor
 * (redact_inspect).
 *
 * Redacts the input, checks the documented properties of the result,
 * frees.  Besides the sanitizers, it aborts when one breaks.
 *
 * Invariants checked:
 * - On failure *out MUST be NULL, *outlen 0 and *errstr set: nothing of
 *   the input can be shown.
 * - On success *out MUST be NUL-terminated at *outlen, end in a newline
 *   (unless empty) and redact to itself: output is valid input, and a
 *   second pass masks nothing new (every Env value is masked already).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "redact.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_fixed_point(const char *out, size_t outlen)
{
	const char *err = NULL;
	char *again = NULL;
	size_t alen = 0;

	if (redact_inspect(out, outlen, &again, &alen, &err) != 0)
		abort();
	if (alen != outlen || memcmp(again, out, outlen) != 0)
		abort();
	free(again);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *err = NULL;
	char *out = NULL;
	size_t outlen = 0;

	if (redact_inspect((const char *)data, size, &out, &outlen,
	    &err) != 0) {
		if (out != NULL || outlen != 0 || err == NULL)
			abort();
		return 0;
	}
	if (out == NULL || out[outlen] != '\0' || strlen(out) > outlen ||
	    (outlen > 0 && out[outlen - 1] != '\n'))
		abort();
	check_fixed_point(out, outlen);
	free(out);
	return 0;
}
