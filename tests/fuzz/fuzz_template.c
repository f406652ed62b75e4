/*
 * fuzz_template.c: libFuzzer harness for the --format template checker
 * (template_check).
 *
 * The first byte picks the object type, the rest is the template.
 *
 * Invariants checked:
 * - A refusal MUST set a non-empty *errstr.
 * - The verdict MUST be the same on a second call (no state leaks
 *   between calls).
 * - An allowed template followed by an action that prints the
 *   environment, or the whole object, MUST be refused: nothing an
 *   allowed template leaves open (a comment, a string, a block, a
 *   parenthesis) can swallow or change what follows it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "template.h"

#define FUZZ_OBJECTS	5	/* enum template_obj values */

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const leaks[] = {
	"{{.Config.Env}}", "{{json .}}", "{{.}}", "{{$}}",
	"{{.Spec.TaskTemplate.ContainerSpec.Env}}", "{{.Options}}",
};

static void
check_suffixes(const char *t, size_t len, enum template_obj obj)
{
	const char *err = NULL;
	char *buf;
	size_t i, n;

	for (i = 0; i < sizeof(leaks) / sizeof(leaks[0]); i++) {
		n = strlen(leaks[i]);
		if ((buf = malloc(len + n + 1)) == NULL)
			return;
		memcpy(buf, t, len);
		memcpy(buf + len, leaks[i], n + 1);
		if (len + n <= TEMPLATE_MAX_LEN &&
		    template_check(buf, obj, &err) == 0)
			abort();
		free(buf);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum template_obj obj;
	const char *err = NULL, *err2 = NULL;
	char *t;
	int r;

	if (size == 0)
		return 0;
	obj = (enum template_obj)(data[0] % FUZZ_OBJECTS);
	if ((t = malloc(size)) == NULL)
		return 0;
	memcpy(t, data + 1, size - 1);
	t[size - 1] = '\0';
	r = template_check(t, obj, &err);
	if (r != 0 && (err == NULL || err[0] == '\0'))
		abort();
	if (template_check(t, obj, &err2) != r)
		abort();
	if (r == 0)
		check_suffixes(t, strlen(t), obj);
	free(t);
	return 0;
}
