/*
 * fuzz_mounts.c: libFuzzer harness for -v, --mount and --tmpfs values and
 * the CSV reader.
 *
 * The first byte picks nothing: every input goes through all four parsers,
 * then is freed.  Besides the sanitizers, it aborts when a documented
 * property of the output breaks.
 *
 * Invariants checked:
 * - On success the target MUST be absolute, clean and not "/"; a bind
 *   source MUST be absolute and equal to its own lexical clean.
 * - On error errstr MUST be set and the mount MUST be empty.
 * - mounts_csv MUST yield at least one field on success, none on error.
 * - mounts_target_kernel MUST only report targets under /proc, /sys, /dev.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mounts.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_clean(const char *p)
{
	char *c;

	if (p == NULL || (c = mounts_clean_path(p)) == NULL)
		abort();
	if (strcmp(c, p) != 0)
		abort();
	free(c);
}

static void
check(int rc, const char *errstr, struct mount *m)
{
	if (rc == -1) {
		if (errstr == NULL || m->source != NULL ||
		    m->target != NULL || m->propagation != NULL)
			abort();
		return;
	}
	check_clean(m->target);
	if (strcmp(m->target, "/") == 0)
		abort();
	if (m->type == MOUNT_BIND)
		check_clean(m->source);
	/* kernel trees only, judged on the clean target */
	if (mounts_target_kernel(m) && strncmp(m->target, "/proc", 5) != 0 &&
	    strncmp(m->target, "/sys", 4) != 0 &&
	    strncmp(m->target, "/dev", 4) != 0)
		abort();
	if ((m->type == MOUNT_ANON || m->type == MOUNT_TMPFS) &&
	    m->source != NULL)
		abort();
	mounts_free(m);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mount m;
	struct strv sv;
	const char *errstr;
	char *buf;
	int rc;

	if ((buf = malloc(size + 1)) == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	/* Separate statements: argument order is unspecified in C. */
	errstr = NULL;
	rc = mounts_parse_volume(buf, "/home/u", &m, &errstr);
	check(rc, errstr, &m);
	errstr = NULL;
	rc = mounts_parse_mount(buf, "/home/u", &m, &errstr);
	check(rc, errstr, &m);
	errstr = NULL;
	rc = mounts_parse_tmpfs(buf, &m, &errstr);
	check(rc, errstr, &m);
	errstr = NULL;
	if (mounts_csv(buf, &sv, &errstr) == 0) {
		if (sv.n == 0 || sv.v[sv.n] != NULL)
			abort();
	} else if (errstr == NULL || sv.v != NULL)
		abort();
	strv_free(&sv);
	free(mounts_clean_path(buf));
	free(buf);
	return 0;
}
