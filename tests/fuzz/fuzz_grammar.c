/*
 * fuzz_grammar.c: libFuzzer harness for the argv parser (grammar_parse).
 *
 * The input is decoded into words drawn from the command table (tokens.h),
 * parsed as the words after "docker", checked, freed.  Besides the
 * sanitizers, it aborts when a documented property of the result breaks.
 *
 * Invariants checked:
 * - On success the request MUST name a command of the table, hold every
 *   flag under a row of that command (or of the global/persistent sets),
 *   canonical rows only (no alias_of), bools as exactly "true"/"false",
 *   no RISK_NEVER global flag, and an argument count within the command's
 *   bounds; it MUST equal itself (grammar_equal).
 * - On failure errstr MUST be set and the request MUST be left zeroed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "grammar.h"
#include "tokens.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_flags(const struct request *r, const struct flagval *fv, size_t n,
    int global)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (fv[i].def == NULL || fv[i].value == NULL ||
		    fv[i].def->alias_of[0] != '\0')
			abort();
		if (global && (fv[i].def->risk & RISK_NEVER))
			abort();
		if (!global &&
		    commands_flag(r->cmd, fv[i].def->name) != fv[i].def)
			abort();
		if (fv[i].def->type == VT_BOOL &&
		    strcmp(fv[i].value, "true") != 0 &&
		    strcmp(fv[i].value, "false") != 0)
			abort();
	}
}

static void
check_request(const struct request *r)
{
	const struct cmddef *c = r->cmd;
	size_t i;

	if (c == NULL || commands_find(c->name) != c)
		abort();
	if (r->nglobals + r->nflags > GRAMMAR_MAX_FLAGS)
		abort();
	check_flags(r, r->globals, r->nglobals, 1);
	check_flags(r, r->flags, r->nflags, 0);
	if ((int)r->nargs < c->minargs ||
	    (c->maxargs != CMD_ARGS_UNBOUNDED && (int)r->nargs > c->maxargs))
		abort();
	for (i = 0; i < r->nargs; i++)
		if (r->args[i] == NULL)
			abort();
	if (!grammar_equal(r, r))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tokens_parse(data, size, check_request);
	return 0;
}
