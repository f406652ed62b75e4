/*
 * reap.h: container lifetimes (issue 16): lifetime: on an own: true rule
 * labels each container with its expiry, and `dockergate reap` (root,
 * from a timer) stops and removes the containers past it.
 */
#ifndef DG_REAP_H
#define DG_REAP_H

#include <stddef.h>

#include "labels.h"

#define LIFETIME_MAX	(366L * 24 * 3600)	/* longest lifetime: 366 days */
#define LIFETIME_TEXT_MAX 16		/* bytes of "2h" as written */
#define REAP_EXPIRES_MAX 20		/* digits of an expiry label */
#define REAP_MAX	10000		/* containers one run looks at */
#define REAP_EX_USAGE	1		/* invalid arguments (as the gateway) */
#define REAP_OUT_MAX	4096		/* bytes of docker rm's output kept */
#define REAP_TRIES	10		/* docker rm attempts per container */
#define REAP_RETRY_MS	500		/* between them */

struct reap_item {
	char		*id;		/* full 64-hex ID */
	char		*name;
	long long	 expires;	/* unix seconds */
};

/*
 * A policy duration: a positive decimal integer and one unit, s, m, h or
 * d ("90m", "2h"), at most LIFETIME_MAX.  Returns 0 and *secs, or -1 with
 * *errstr.
 */
int	 lifetime_parse(const char *text, long *secs, const char **errstr);

/*
 * The containers on host whose own REAP_LABEL (not one their image gave
 * them: engine_container's rule) is a valid expiry at or before now.
 * Returns 0 with *items (free with reap_items_free), or -1 with *errstr
 * (the engine could not be asked).  A label that is not a decimal number
 * of seconds is skipped, never reaped.
 */
int	 reap_select(const char *host, long long now, struct reap_item **items,
	    size_t *n, const char **errstr);
void	 reap_items_free(struct reap_item *, size_t);

/* dockergate reap [--policy FILE] [--dry-run]: exit status as DESIGN. */
int	 reap_main(int argc, char **argv);

#endif
