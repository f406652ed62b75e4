/*
 * fuzz_imageref.c: libFuzzer harness for image references and patterns.
 *
 * Parses the input as a reference and as a pattern, matches the pattern
 * against the reference, frees.
 *
 * Invariants checked:
 * - A parsed reference MUST have a domain, a path, a tag or a digest, and
 *   `full` MUST parse again to the same `full` (normalization is a fixed
 *   point).
 * - A normalized pattern MUST normalize to itself.
 * - A reference MUST match the pattern made from its own `full`.
 * - Whether the registry is this host (imageref_local_registry) MUST be
 *   the same for `full` parsed again, and never so for docker.io.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "imageref.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_ref(const struct imageref *r)
{
	struct imageref again;
	const char *errstr = NULL;
	char *pat;

	if (r->domain == NULL || r->path == NULL || r->full == NULL ||
	    (r->tag == NULL && r->digest == NULL))
		abort();
	if (imageref_parse(r->full, &again, &errstr) != 0 ||
	    strcmp(again.full, r->full) != 0)
		abort();
	if (imageref_local_registry(r) != imageref_local_registry(&again) ||
	    (strcmp(r->domain, "docker.io") == 0 &&
	    imageref_local_registry(r)))
		abort();
	imageref_free(&again);
	if ((pat = imageref_pattern(r->full, &errstr)) == NULL)
		abort();
	if (!imageref_match(pat, r))
		abort();
	free(pat);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct imageref r;
	const char *errstr = NULL;
	char *buf, *pat, *again;

	if ((buf = malloc(size + 1)) == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	if (imageref_parse(buf, &r, &errstr) == 0)
		check_ref(&r);
	else if (errstr == NULL || r.full != NULL)
		abort();
	(void)imageref_is_id(buf);
	if ((pat = imageref_pattern(buf, &errstr)) != NULL) {
		if ((again = imageref_pattern(pat, &errstr)) == NULL ||
		    strcmp(again, pat) != 0)
			abort();
		free(again);
		if (r.full != NULL)
			(void)imageref_match(pat, &r);
		free(pat);
	}
	imageref_free(&r);
	free(buf);
	return 0;
}
