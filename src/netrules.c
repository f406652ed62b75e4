/*
 * netrules.c: the networks a container may join (issue 16, item 4).
 *
 * Invariants:
 * - Every network a request joins MUST be held to the rule's networks:
 *   each --network/--net occurrence of run and create, the network of
 *   network connect, and the default bridge a run without one joins.
 * - Names are compared as docker compares them, case-sensitively; a long
 *   syntax name= MUST match both as written and lower-cased (older
 *   docker CLIs, 20.10 among them, lower-case it).
 * - A name of hex digits only could reach another network by ID prefix
 *   (the daemon falls back to ID prefixes when no network has the name):
 *   it MUST be listed literally, not through a wildcard.
 * - host and container: are not names: their risk classes judge them, and
 *   neither can be a default (a default is added after the risk checks).
 * - Pure: no I/O.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "grammar.h"
#include "netrules.h"
#include "util.h"
#include "values.h"

/* The commands that join a network, and whether a default applies. */
static const struct {
	const char	*canon;
	int		 takes;		/* 2: a default is added */
} netcmds[] = {
	{ "container run", 2 },
	{ "container create", 2 },
	{ "network connect", 1 },
	{ "compose", 2 },	/* compose.c judges its services' networks
				   (netrules_check_name); the default cannot
				   be given to compose, only refused */
	{ NULL, 0 },
};

int
netrules_command_takes(const char *canon)
{
	size_t i;

	for (i = 0; netcmds[i].canon != NULL; i++)
		if (strcmp(canon, netcmds[i].canon) == 0)
			return netcmds[i].takes;
	return 0;
}

/* host, container:X: a risk class, not a network name. */
static int
is_mode(const char *name)
{
	return strcasecmp(name, "host") == 0 ||
	    strncasecmp(name, "container:", 10) == 0;
}

static int
all_hex(const char *s)
{
	return *s != '\0' && strspn(s, "0123456789abcdefABCDEF") == strlen(s);
}

/* 1 if name (as written and lower-cased) is one of networks. */
static int
listed(const struct strv *networks, const char *name)
{
	char *low = xstrdup(name), *p;
	int ok;

	for (p = low; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	if (all_hex(name))
		ok = strv_has(networks, name) && strv_has(networks, low);
	else
		ok = glob_any(networks, name) && glob_any(networks, low);
	free(low);
	return ok;
}

const char *
netrules_default_problem(const struct strv *networks, const char *name)
{
	if (is_mode(name))
		return "host and container: are risk classes, never a default";
	if (networks->n > 0 && !listed(networks, name))
		return "the default network is not one of networks";
	return NULL;
}

static int
refuse(char *buf, size_t len, const char *what, const char *name,
    const struct strv *networks)
{
	char list[200] = "";
	size_t i;

	for (i = 0; i < networks->n; i++) {
		if (i > 0)
			(void)strncat(list, ", ", sizeof(list) - strlen(list) - 1);
		(void)strncat(list, networks->v[i], sizeof(list) -
		    strlen(list) - 1);
	}
	(void)snprintf(buf, len, "%s joins the network %.64s%s, which is not "
	    "in this rule's networks (%s)", what, name, all_hex(name) ?
	    " (hex digits: it could name another network by ID prefix, so "
	    "it must be listed literally)" : "", list);
	return -1;
}

int
netrules_check_name(const struct strv *networks, const char *what,
    const char *name, char *buf, size_t len)
{
	if (networks->n == 0 || listed(networks, name))
		return 0;
	return refuse(buf, len, what, name, networks);
}

/* Every --network of run/create; *given set when one was. */
static int
check_flags(const struct strv *networks, const struct request *req,
    int *given, char *buf, size_t len)
{
	const struct flagval *fv;
	const char *err;
	char *name, what[96];
	size_t i;
	int r = 0;

	for (i = 0; i < req->nflags && r == 0; i++) {
		fv = &req->flags[i];
		if (strcmp(commands_flag_canon(fv->def), "network") != 0)
			continue;
		*given = 1;
		if (values_network_name(fv->value, &name, &err) != 0) {
			(void)snprintf(buf, len, "--network %.64s: %s",
			    fv->value, err);
			return -1;
		}
		(void)snprintf(what, sizeof(what), "--network %.64s",
		    fv->value);
		if (!is_mode(name) && networks->n > 0 &&
		    !listed(networks, name))
			r = refuse(buf, len, what, name, networks);
		free(name);
	}
	return r;
}

int
netrules_check(const struct strv *networks, const char *deflt,
    const struct request *req, struct strv *inject, char *buf, size_t len)
{
	int takes = netrules_command_takes(req->cmd->name), given = 0;

	if ((networks->n == 0 && deflt == NULL) || takes == 0 ||
	    strcmp(req->cmd->name, "compose") == 0)
		return 0;
	if (takes == 1)		/* network connect NETWORK CONTAINER */
		return req->nargs < 1 || networks->n == 0 ||
		    listed(networks, req->args[0]) ? 0 : refuse(buf, len,
		    "docker network connect", req->args[0], networks);
	if (check_flags(networks, req, &given, buf, len) != 0)
		return -1;
	if (given)
		return 0;
	if (deflt != NULL) {
		strv_take(inject, xasprintf("--network=%s", deflt));
		return 0;
	}
	if (listed(networks, "default") || listed(networks, "bridge"))
		return 0;
	(void)snprintf(buf, len, "a container without --network joins the "
	    "default bridge network, which this rule's networks do not list: "
	    "give --network");
	return -1;
}
