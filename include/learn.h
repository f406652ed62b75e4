/*
 * learn.h: dockergate learn: the narrowest rules that allow what a role
 * was seen to run (allow and observe decision records of the audit file),
 * written into the policy in place of the role's own.
 */
#ifndef DG_LEARN_H
#define DG_LEARN_H

#include <stddef.h>
#include "policy.h"

#define LEARN_LINE_MAX		(1024 * 1024 + 2)	/* bytes of one audit
					   line: AUDIT_MAX_RECORD, newline */
#define LEARN_MAX_RECORDS	100000	/* records taken for one role */
#define LEARN_WHY_MAX		512	/* bytes of why a record is skipped */
#define LEARN_TS_MAX		24	/* "2026-12-06T08:00:00.000Z" */
#define LEARN_PROBE_CWD		"/nonexistent/dockergate-learn"
					/* a second working directory: a
					   mount source that moves with it is
					   relative, and the audit record has
					   no working directory */

/* Exit status of learn_main beyond DESIGN §4.2's. */
#define LEARN_EX_NOTHING	65	/* no record of the role was usable */
#define LEARN_EX_USAGE		1	/* usage, or no such role */

struct learn;

/*
 * Start learning rules for role of pol (kept by reference) from records
 * at or after since ("YYYY-MM-DD[THH[:MM[:SS[.mmm]]]][Z]", UTC; NULL: all).
 * Returns NULL with *errstr when since is malformed or role is not in pol.
 */
struct learn *learn_new(const struct policy *pol, const char *role,
	    const char *since, const char **errstr);

/*
 * One line of the audit file.  Returns 1 when the line is an allow or
 * observe decision of the role in time and was learnt; 0 when it is not
 * one (another event, role, decision or time, help); -1 with why (whylen
 * bytes) when it is one that cannot be allowed narrowly: it adds nothing.
 */
int	 learn_line(struct learn *, const char *line, size_t len, char *why,
	    size_t whylen);

/* Records learnt so far. */
size_t	 learn_count(const struct learn *);

/*
 * The policy text (len bytes, the file pol was parsed from) with the
 * role's mapping replaced by mode: enforce and the learnt rules; comments
 * inside the role are not kept.  note is a comment line put above the
 * rules (NULL: none).  Returns the text (caller frees), or NULL with
 * *errstr (nothing learnt, or the span does not fit the text).
 */
char	*learn_policy(const struct learn *, const char *text, size_t len,
	    const char *note, const char **errstr);

void	 learn_free(struct learn *);		/* accepts NULL */

/* dockergate learn --policy FILE --audit FILE [--role R] [--since T] */
int	 learn_main(int argc, char **argv);

#endif
