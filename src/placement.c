/*
 * placement.c: cgroup_parent on a rule (dockergate.yaml(5)).  The value is
 * a slice name ("dockergate-agents.slice", for the systemd cgroup driver)
 * or a relative or absolute cgroup path of plain components (cgroupfs
 * driver); the containers of the rule are put there, and a caller may not
 * choose another place.
 *
 * Invariants:
 * - Every spelling of --cgroup-parent (the table's canonical name) MUST be
 *   reported as PL_GIVEN; decide.c refuses it under a cgroup_parent rule.
 * - A cgroup_parent MUST be plain components: no "..", ".", empty or
 *   '-'-leading component, at most PLACEMENT_MAX bytes.
 * - No wording about the request: decide.c's.  Pure: no I/O.
 */
#include <string.h>

#include "commands.h"
#include "grammar.h"
#include "placement.h"
#include "util.h"

const char *
placement_problem(const char *name)
{
	const char *p = name;
	size_t n;

	if (strlen(name) > PLACEMENT_MAX)
		return "longer than 255 bytes";
	if (*p == '/')
		p++;
	for (;;) {
		n = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV"
		    "WXYZ0123456789_.-");
		if (n == 0 || p[0] == '.' || p[0] == '-')
			break;
		p += n;
		if (*p == '\0')
			return NULL;
		if (*p++ != '/')
			break;
	}
	return "each component must be letters, digits, '_', '.' or '-', "
	    "not starting with '.' or '-'";
}

void
placement_read(const struct request *req, struct placement_fact *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	out->kind = PL_DAEMON;
	for (i = 0; i < req->nflags; i++)
		if (strcmp(commands_flag_canon(req->flags[i].def),
		    "cgroup-parent") == 0) {
			out->kind = PL_GIVEN;
			out->flag = commands_flag_canon(req->flags[i].def);
			out->value = req->flags[i].value;
			return;
		}
}

char *
placement_inject(const char *parent)
{
	return xasprintf("--cgroup-parent=%s", parent);
}
