/*
 * fuzz_compose.c: libFuzzer harness for the compose project checker.
 *
 * The input is a compose file: every path under /srv/stacks/f/ reads as
 * the input (so include and extends load it again), .env included; the
 * decision's hooks allow everything except values containing "deny".
 *
 * Invariants checked:
 * - compose_check returns 0 or -1; on -1 the reason is a non-empty,
 *   NUL-terminated line that starts with "compose: ".
 * - Nothing leaks or overflows (sanitizers).
 */
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *argv[] = { "compose", "--project-directory",
	    "/srv/stacks/f", "up" };
	char reason[DECIDE_REASON_MAX];
	struct compose_hooks h = { .ctx = NULL, .flag = fz_flag,
	    .named = fz_flag, .image = fz_image, .tag = fz_tag,
	    .reason = reason, .reasonlen = sizeof(reason), .risk = fz_risk };
	struct resolver res;
	struct request req;
	struct rule rule;
	const char *err;
	int r;

	if (size > COMPOSE_MAX_BYTES)
		return 0;
	in = data;
	inlen = size;
	memset(&res, 0, sizeof(res));
	res.cwd = "/srv/stacks/f";
	res.file = fz_file;
	memset(&rule, 0, sizeof(rule));
	strv_push(&rule.projects, "/srv/stacks/*");
	strv_push(&rule.subcommands, "up");
	if (grammar_parse(argv, 4, &req, &err) != 0)
		abort();
	reason[0] = '\0';
	r = compose_check(&rule, &req, &res, &h);
	if (r != 0 && (r != -1 || strncmp(reason, "compose: ", 9) != 0))
		abort();
	grammar_free(&req);
	strv_free(&rule.projects);
	strv_free(&rule.subcommands);
	return 0;
}
