/*
 * fuzz_compose.c: libFuzzer harness for the compose project checker.
 *
 * The input is a compose file: every path under /srv/stacks/f/ reads as
 * the input (so include and extends load it again), .env included; the
 * decision's hooks allow everything except values containing "deny".
 *
 * Invariants checked:
 * - compose_check returns 0 or -1; on -1 the refusal says where, in a
 *   NUL-terminated line that starts with "compose: ".
 * - Nothing leaks or overflows (sanitizers).
 */
#include <fnmatch.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "decide.h"
#include "grammar.h"
#include "mounts.h"
#include "policy.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const uint8_t	*in;
static size_t		 inlen;

static int
fz_file(void *ctx, const char *path, char **resolved, char **content,
    size_t *len, int *trusted, const char **errstr)
{
	(void)ctx;
	(void)errstr;
	*trusted = 1;
	*content = NULL;
	*len = 0;
	if (strcmp(path, "/srv/stacks/f") == 0) {
		*resolved = xstrdup(path);
		return 0;
	}
	if (strncmp(path, "/srv/stacks/f/", 14) != 0 ||
	    strstr(path, "/../") != NULL)
		return 1;
	*resolved = mounts_clean_path(path);
	*content = xmalloc(inlen + 1);
	memcpy(*content, in, inlen);
	(*content)[inlen] = '\0';
	*len = inlen;
	return 0;
}

static int
fz_flag(void *ctx, const struct flagval *fv)
{
	(void)ctx;
	return strstr(fv->value, "deny") != NULL ? -1 : 0;
}

static int
fz_image(void *ctx, const char *ref)
{
	(void)ctx;
	return strstr(ref, "deny") != NULL ? -1 : 0;
}

static int
fz_tag(void *ctx, const char *what, const char *ref)
{
	(void)what;
	return fz_image(ctx, ref);
}

static int
fz_risk(void *ctx, unsigned risk, const char *what)
{
	(void)ctx;
	(void)what;
	return risk != 0 ? -1 : 0;
}

/* The rule: projects "/srv/stacks/" and a glob, subcommand up, no more. */
static int
fz_rule_has(void *ctx, enum compose_ask what, const char *value)
{
	(void)ctx;
	switch (what) {
	case CA_PROJECTS:
		return 1;
	case CA_PROJECT:
		return fnmatch("/srv/stacks/*", value, FNM_PATHNAME) == 0;
	case CA_SUBCOMMAND:
		return strcmp(value, "up") == 0;
	default:
		return 0;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *argv[] = { "compose", "--project-directory",
	    "/srv/stacks/f", "up" };
	struct compose_refusal cr;
	struct compose_hooks h = { .ctx = NULL, .rule_has = fz_rule_has,
	    .flag = fz_flag,
	    .named = fz_flag, .image = fz_image, .tag = fz_tag,
	    .risk = fz_risk };
	struct resolver res;
	struct request req;
	const char *err;
	int r;

	if (size > COMPOSE_MAX_BYTES)
		return 0;
	in = data;
	inlen = size;
	memset(&res, 0, sizeof(res));
	res.cwd = "/srv/stacks/f";
	res.file = fz_file;
	if (grammar_parse(argv, 4, &req, &err) != 0)
		abort();
	r = compose_check(&req, &res, &h, &cr);
	if (r != 0 && (r != -1 || strncmp(cr.where, "compose: ", 9) != 0))
		abort();
	grammar_free(&req);
	return 0;
}
