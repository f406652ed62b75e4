/*
 * fuzz_dockerfile.c: libFuzzer harness for the Dockerfile parser and the
 * build context reader (dockerfile.c).
 *
 * The input is read as standard input of "docker build -" would be: sniffed,
 * and as a Dockerfile or, for a tar archive, the Dockerfile found in it;
 * then the input is also parsed as a Dockerfile directly, with build args.
 *
 * Invariants checked:
 * - The parser MUST either fail with a message or return findings that
 *   each carry a reason, and at most DF_FINDINGS_MAX of them.
 * - A Dockerfile found in a tar archive MUST lie inside the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dockerfile.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check(const char *buf, size_t len, const struct strv *args)
{
	struct df_report rep;
	const char *err = NULL;
	size_t i;

	if (dockerfile_check(buf, len, args, &rep, &err) != 0) {
		if (err == NULL || err[0] == '\0' || rep.n != 0)
			abort();
		return;
	}
	if (rep.n > DF_FINDINGS_MAX)
		abort();
	for (i = 0; i < rep.n; i++)
		if (rep.v[i].what[0] == '\0' ||
		    (rep.v[i].risk == 0 && rep.v[i].image == NULL))
			abort();
	dockerfile_report_free(&rep);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *argv[] = { "B=local/b", "BUILDKIT_X=1", NULL };
	const struct strv args = { argv, 2, 2 };
	const char *buf = (const char *)data, *file = NULL, *err = NULL;
	size_t flen = 0;

	if (size > BUILD_STDIN_MAX)
		return 0;
	switch (dockerfile_sniff(buf, size)) {
	case DF_INPUT_TAR:
		if (dockerfile_tar_find(buf, size, NULL, &file, &flen,
		    &err) == 0) {
			if (file < buf || flen > size ||
			    (size_t)(file - buf) > size - flen)
				abort();
			check(file, flen, NULL);
		} else if (err == NULL)
			abort();
		break;
	case DF_INPUT_TEXT:
	case DF_INPUT_COMPRESSED:
		break;
	}
	check(buf, size, &args);
	return 0;
}
