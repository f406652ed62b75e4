/*
 * netrules.c: the networks a request joins, as docker reads them, for
 * networks: and network: in dockergate.yaml(5).  It reports facts
 * (struct netrules_fact); decide.c holds them to the rule and words the
 * reason.
 *
 * Invariants:
 * - Every network a request joins MUST be reported: each --network/--net
 *   occurrence of run and create, the network of network connect, and
 *   the default bridge a run or create without one joins.
 * - Names are compared as the daemon compares them, case-sensitively
 *   (moby's FindNetwork: full ID, then exact name, then ID prefix); a
 *   long syntax name= MUST match both as written and lower-cased (docker
 *   CLIs 20.10 and 28.2 lower-case it, docker/cli's current source does
 *   not).
 * - A name of hex digits only could reach another network by ID prefix
 *   (the daemon falls back to ID prefixes when no network has the name):
 *   it MUST be listed literally, not through a wildcard.
 * - host and container:X, exactly as docker spells them, are network
 *   modes, not names: their risk classes judge them.  Any other spelling
 *   (HOST) is a network name to the daemon and MUST be held to the list.
 *   Neither can be a default (a default is added after the risk checks).
 * - No wording: what the user reads is decide.c's.  Pure: no I/O.
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
	{ "compose", 2 },	/* compose.c finds its services' networks,
				   decide.c's hook_network holds them; the
				   default cannot be given to compose, only
				   refused */
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

/*
 * host, container:X: a network mode as the daemon reads it (moby compares
 * "host" and the "container" prefix exactly; "HOST" is a network name).
 */
static int
is_mode(const char *name)
{
	return strcmp(name, "host") == 0 ||
	    strncmp(name, "container:", 10) == 0;
}

static int
all_hex(const char *s)
{
	return *s != '\0' && strspn(s, "0123456789abcdefABCDEF") == strlen(s);
}

/* 1 if name, read as it is, is one of networks. */
static int
listed_as(const struct strv *networks, const char *name)
{
	return all_hex(name) ? strv_has(networks, name) :
	    glob_any(networks, name);
}

int
netrules_listed(const struct strv *networks, const char *name,
    unsigned reading)
{
	char *low, *p;
	int ok;

	if (!listed_as(networks, name))
		return 0;
	if (!(reading & NR_LOWERED))
		return 1;
	low = xstrdup(name);
	for (p = low; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	ok = is_mode(low) || listed_as(networks, low);
	free(low);
	return ok;
}

unsigned
netrules_reading(const char *name)
{
	return all_hex(name) ? NR_IDPREFIX : 0;
}

const char *
netrules_default_problem(const struct strv *networks, const char *name)
{
	/* any case: a default is added after the risk checks */
	if (strcasecmp(name, "host") == 0 ||
	    strncasecmp(name, "container:", 10) == 0)
		return "host and container: are risk classes, never a default";
	if (networks->n > 0 && !netrules_listed(networks, name,
	    netrules_reading(name)))
		return "the default network is not one of networks";
	return NULL;
}

char *
netrules_inject(const char *name)
{
	return xasprintf("--network=%s", name);
}

/* A new fact of kind at the end of out. */
static struct netrules_fact *
add_fact(struct netrules_facts *out, enum netrules_kind kind)
{
	struct netrules_fact *f;

	out->v = xreallocarray(out->v, out->n + 1, sizeof(*out->v));
	f = &out->v[out->n++];
	memset(f, 0, sizeof(*f));
	f->kind = kind;
	return f;
}

/* One --network occurrence: its name and how the engine may read it. */
static void
read_flag(const struct flagval *fv, struct netrules_facts *out)
{
	struct netrules_fact *f;
	const char *err = NULL;
	char *name;

	if (values_network_name(fv->value, &name, &err) != 0) {
		f = add_fact(out, NR_UNREADABLE);
		f->err = err;
	} else {
		f = add_fact(out, NR_FLAG);
		f->name = name;
		/* only the long syntax's name differs from the value */
		f->reading = netrules_reading(name) |
		    (is_mode(name) ? NR_MODE : 0) |
		    (strcmp(name, fv->value) != 0 ? NR_LOWERED : 0);
	}
	f->flag = commands_flag_canon(fv->def);
	f->value = fv->value;
}

void
netrules_read(const struct request *req, struct netrules_facts *out)
{
	int takes = netrules_command_takes(req->cmd->name);
	struct netrules_fact *f;
	size_t i, given = 0;

	out->v = NULL;
	out->n = 0;
	if (takes == 0 || strcmp(req->cmd->name, "compose") == 0)
		return;
	if (takes == 1) {	/* network connect NETWORK CONTAINER */
		if (req->nargs < 1)
			return;
		f = add_fact(out, NR_CONNECT);
		f->name = xstrdup(req->args[0]);
		f->reading = netrules_reading(f->name);
		return;
	}
	for (i = 0; i < req->nflags; i++)
		if (strcmp(commands_flag_canon(req->flags[i].def),
		    "network") == 0) {
			read_flag(&req->flags[i], out);
			given++;
		}
	if (given > 0)
		return;
	/* the CLI sends the mode "default"; the daemon makes it "bridge" */
	f = add_fact(out, NR_BRIDGE);
	f->name = xstrdup("default");
	f->alias = "bridge";
}

void
netrules_facts_free(struct netrules_facts *nf)
{
	size_t i;

	if (nf == NULL)
		return;
	for (i = 0; i < nf->n; i++)
		free(nf->v[i].name);
	free(nf->v);
	nf->v = NULL;
	nf->n = 0;
}
