/*
 * netrules.h: the networks a rule lets a container join (issue 16, item
 * 4), and the network a run or create gets when it names none.
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
 * networks (when given).
 */
const char *netrules_default_problem(const struct strv *networks,
	    const char *name);

/*
 * Hold req to the rule's networks (globs; empty: any) and network
 * default (NULL: none): every --network/--net of run and create, and the
 * network of network connect, must be listed; host and container: are
 * left to their risk classes.  A run or create without a network joins
 * the daemon's default bridge, which must be listed as "default" or
 * "bridge", unless the default is added to inject ("--network=NAME").
 * Returns 0, or -1 with a one-line reason in buf.
 */
int	 netrules_check(const struct strv *networks, const char *deflt,
	    const struct request *req, struct strv *inject, char *buf,
	    size_t len);

/*
 * The network name (a real one, as the engine knows it: compose's
 * "<project>_<key>", an external or name:d network, a network_mode)
 * that what joins, held to networks (empty: any).  Returns 0, or -1 with
 * a one-line reason in buf.
 */
int	 netrules_check_name(const struct strv *networks, const char *what,
	    const char *name, char *buf, size_t len);

#endif
