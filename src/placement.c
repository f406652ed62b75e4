/*
 * placement.c: cgroup_parent on a rule (dockergate.yaml(5)).  The value is
 * a slice name ("dockergate-agents.slice", for the systemd cgroup driver)
 * or a relative or absolute cgroup path of plain components (cgroupfs
 * driver); the containers of the rule are put there, and a caller may not
 * choose another place.
 */
#include <stdio.h>
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

int
placement_check(const char *parent, const struct request *req,
    struct strv *inject, char *buf, size_t len)
{
	size_t i;

	if (parent == NULL)
		return 0;
	for (i = 0; i < req->nflags; i++)
		if (strcmp(commands_flag_canon(req->flags[i].def),
		    "cgroup-parent") == 0) {
			(void)snprintf(buf, len, "--cgroup-parent is set by "
			    "this rule (cgroup_parent: %s), not by the caller",
			    parent);
			return -1;
		}
	strv_take(inject, xasprintf("--cgroup-parent=%s", parent));
	return 0;
}
