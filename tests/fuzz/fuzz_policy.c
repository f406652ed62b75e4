/*
 * fuzz_policy.c: libFuzzer harness for the policy loader (policy_parse).
 *
 * Parses the input as a policy file, checks the documented properties of
 * the result, frees.  Besides the sanitizers, it aborts when one breaks.
 *
 * Invariants checked:
 * - On success errs MUST stay empty and the policy MUST be complete: every
 *   role has 1..POLICY_MAX_RULES rules, every rule at least one command
 *   and a where, paths are absolute, the host is a unix:// socket and the
 *   timeout is within 0..30 days.
 * - On failure *out MUST be NULL and errs MUST hold 1..POLICY_MAX_ERRORS
 *   problems, each starting with the file name.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"

#define FUZZ_NAME	"fuzz.yaml"
#define FUZZ_MAX_TIMEOUT (30L * 24 * 3600)

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_rule(const struct rule *r)
{
	size_t i;

	if (r->where == NULL || r->ncmds == 0 || r->line < 1 || r->col < 1)
		abort();
	for (i = 0; i < r->ncmds; i++)
		if (r->cmds[i] == NULL || r->cmds[i]->name[0] == '\0')
			abort();
	for (i = 0; i < r->nbinds; i++)
		if (r->binds[i].path == NULL || r->binds[i].path[0] != '/')
			abort();
	if (r->unsafe & RISK_NEVER)
		abort();
}

static void
check_policy(const struct policy *p)
{
	size_t i, j;

	if (p->binary[0] != '/' || p->config_dir[0] != '/' ||
	    strncmp(p->host, "unix:///", 8) != 0 ||
	    (p->audit_file != NULL && p->audit_file[0] != '/') ||
	    p->timeout < 0 || p->timeout > FUZZ_MAX_TIMEOUT || p->nroles == 0)
		abort();
	for (i = 0; i < p->nroles; i++) {
		if (p->roles[i].nrules == 0 ||
		    p->roles[i].nrules > POLICY_MAX_RULES ||
		    policy_role(p, p->roles[i].name) != &p->roles[i])
			abort();
		for (j = 0; j < p->roles[i].nrules; j++)
			check_rule(&p->roles[i].rules[j]);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strv errs = { NULL, 0, 0 };
	struct policy *p = NULL;
	size_t i;

	if (policy_parse((const char *)data, size, FUZZ_NAME, &p, &errs) == 0) {
		if (p == NULL || errs.n != 0)
			abort();
		check_policy(p);
	} else {
		if (p != NULL || errs.n == 0 || errs.n > POLICY_MAX_ERRORS)
			abort();
		for (i = 0; i < errs.n; i++)
			if (strncmp(errs.v[i], FUZZ_NAME ":",
			    sizeof(FUZZ_NAME)) != 0)
				abort();
	}
	policy_free(p);
	strv_free(&errs);
	return 0;
}
