/*
 * fuzz_roundtrip.c: libFuzzer harness for the render round trip (issue 7
 * item 2): what runs MUST be what was checked.
 *
 * The input is decoded into words drawn from the command table (tokens.h)
 * and parsed; every request the grammar accepts is rendered, the rendered
 * argv is parsed again and compared.
 *
 * Invariants checked:
 * - render_argv MUST start with "docker" and its words after it MUST parse
 *   (grammar_parse succeeds) to a request equal to the original
 *   (grammar_equal).
 * - Rendering is a fixed point: rendering the re-parsed request MUST give
 *   the same words.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar.h"
#include "render.h"
#include "tokens.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
same_words(const struct strv *a, const struct strv *b)
{
	size_t i;

	if (a->n != b->n)
		abort();
	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]) != 0)
			abort();
}

static void
roundtrip(const struct request *req)
{
	struct strv out = { NULL, 0, 0 }, again_out = { NULL, 0, 0 };
	struct request again;
	const char *errstr = NULL;
	size_t i;

	(void)render_argv(req, NULL, &out);
	if (out.n < 2 || strcmp(out.v[0], "docker") != 0)
		abort();
	if (grammar_parse(out.v + 1, out.n - 1, &again, &errstr) != 0) {
		fprintf(stderr, "roundtrip: rendered argv refused: %s\n",
		    errstr);
		for (i = 0; i < out.n; i++)
			fprintf(stderr, "  [%zu] \"%s\"\n", i, out.v[i]);
		abort();
	}
	if (!grammar_equal(req, &again)) {
		fprintf(stderr, "roundtrip: parse(render(r)) != r\n");
		for (i = 0; i < out.n; i++)
			fprintf(stderr, "  [%zu] \"%s\"\n", i, out.v[i]);
		abort();
	}
	(void)render_argv(&again, NULL, &again_out);
	same_words(&out, &again_out);
	grammar_free(&again);
	strv_free(&again_out);
	strv_free(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tokens_parse(data, size, roundtrip);
	return 0;
}
