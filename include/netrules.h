/*
 * netrules.h: the networks a request joins, as docker reads them, for the
 * rule keys networks: and network: (dockergate.yaml(5)).  This module
 * reports facts about the request; decide.c holds them to the rule and
 * words the reason.
 */
#ifndef DG_NETRULES_H
#define DG_NETRULES_H

#include <stddef.h>

struct request;
struct strv;

/* 1 if a rule for command canon may carry networks: (run, create,
 * network connect, compose); 2 if it may also carry a network: default
 * (for compose: services that name no network are refused under it). */
int	 netrules_command_takes(const char *canon);

/*
 * Why name cannot be a rule's network: default, or NULL: host and
 * container: are risk classes, never defaults; the default must be one of
 * networks (when given).  For the policy loader.
 */
const char *netrules_default_problem(const struct strv *networks,
	    const char *name);

/* What a request does with networks: the kind of a struct netrules_fact. */
enum netrules_kind {
	NR_FLAG,	/* a --network (--net) of run or create */
	NR_UNREADABLE,	/* a --network value docker cannot read */
	NR_CONNECT,	/* the NETWORK of network connect */
	NR_BRIDGE,	/* a run or create without --network: it joins the
			   daemon's default bridge */
};

/* How the engine may read a name (struct netrules_fact.reading). */
#define NR_MODE		0x1	/* host or container:X exactly as docker
				   spells them: a network mode, judged by
				   its risk class, not a network name */
#define NR_LOWERED	0x2	/* the long syntax's name=: docker CLIs
				   20.10 and 28.2 lower-case it, docker/cli's
				   current source does not: either may
				   arrive */
#define NR_IDPREFIX	0x4	/* hex digits only: with no network of that
				   name the daemon takes it as a prefix of
				   another network's ID */

/* One network fact; the pointers are valid while the request is. */
struct netrules_fact {
	enum netrules_kind kind;
	const char	*flag;		/* NR_FLAG, NR_UNREADABLE: the flag's
					   canonical name ("network") */
	const char	*value;		/* NR_FLAG, NR_UNREADABLE: as typed */
	char		*name;		/* NR_FLAG, NR_CONNECT: the network it
					   names; NR_BRIDGE: the mode the CLI
					   sends ("default"); owned */
	const char	*alias;		/* NR_BRIDGE: the daemon's name for
					   that network ("bridge") */
	unsigned	 reading;	/* NR_FLAG, NR_CONNECT: NR_MODE,
					   NR_LOWERED, NR_IDPREFIX */
	const char	*err;		/* NR_UNREADABLE: why, from values.c */
};

/* The network facts of one request, in the request's order. */
struct netrules_facts {
	struct netrules_fact	*v;
	size_t			 n;
};

/*
 * The network facts of req: every --network/--net of run and create
 * (NR_FLAG, or NR_UNREADABLE), the network of network connect
 * (NR_CONNECT), or, for a run or create that gives no --network, the
 * default bridge it joins (NR_BRIDGE).  None for other commands, nor for
 * compose (compose.c reads its files).  Free with netrules_facts_free.
 */
void	 netrules_read(const struct request *req, struct netrules_facts *out);

/* Free what netrules_read filled (accepts an empty or zeroed one). */
void	 netrules_facts_free(struct netrules_facts *);

/* The NR_* reading of a name the engine gets as it is (a network connect
 * argument, a compose engine name, a default): NR_IDPREFIX or 0. */
unsigned netrules_reading(const char *name);

/*
 * 1 if networks (globs) name every network the engine may read name as,
 * given its reading: as written, and with NR_LOWERED lower-cased too
 * (where that is a mode, its risk class judges it instead); a reading of
 * hex digits only must be listed literally, not matched by a glob.  Case
 * counts: docker's network names are case-sensitive.  Pure; no verdict.
 */
int	 netrules_listed(const struct strv *networks, const char *name,
	    unsigned reading);

/* The flag a network: default adds: "--network=NAME" (caller frees). */
char	*netrules_inject(const char *name);

#endif
