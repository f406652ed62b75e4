/*
 * fuzz_cmdline.c: libFuzzer harness for the command-string lexer.
 *
 * Splits the input, strips the docker command word, frees.  Besides the
 * sanitizers, it aborts when a documented property of the output breaks.
 *
 * Invariants checked:
 * - On success the vector MUST hold 1..CMDLINE_MAX_ARGC words, each at most
 *   CMDLINE_MAX_ARGLEN bytes of valid UTF-8 with no control byte, and be
 *   NULL-terminated; on error it MUST be empty and errstr MUST be set.
 * - cmdline_docker MUST point *rest at word 1 or 2, within the vector.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmdline.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* 1 if w is a word the lexer may produce. */
static int
word_ok(const char *w)
{
	size_t i, len = strlen(w);

	if (len > CMDLINE_MAX_ARGLEN || !utf8_valid(w, len))
		return 0;
	for (i = 0; i < len; i++)
		if ((unsigned char)w[i] < 0x20 && w[i] != '\t')
			return 0;
		else if ((unsigned char)w[i] == 0x7f)
			return 0;
	return 1;
}

static void
check_split(const struct strv *sv)
{
	const char *errstr = NULL;
	size_t i, rest = 0;

	if (sv->n == 0 || sv->n > CMDLINE_MAX_ARGC || sv->v[sv->n] != NULL)
		abort();
	for (i = 0; i < sv->n; i++)
		if (!word_ok(sv->v[i]))
			abort();
	if (cmdline_docker(sv, &rest, &errstr) == 0) {
		if ((rest != 1 && rest != 2) || rest > sv->n ||
		    strcmp(sv->v[rest - 1], "docker") != 0)
			abort();
	} else if (errstr == NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strv sv;
	const char *errstr = NULL;
	char *buf;

	/* Exactly size bytes, no terminator: the lexer must honour len. */
	if ((buf = malloc(size ? size : 1)) == NULL)
		return 0;
	if (size > 0)
		memcpy(buf, data, size);
	if (cmdline_split(buf, size, &sv, &errstr) == 0)
		check_split(&sv);
	else if (errstr == NULL || sv.v != NULL || sv.n != 0)
		abort();
	strv_free(&sv);
	free(buf);
	return 0;
}
