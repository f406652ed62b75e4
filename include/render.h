/*
 * render.h: request -> canonical argv, so that what runs is what was
 * checked: canonical command words, every flag as --long=value (bools
 * =true/=false), positionals after "--" where a leading '-' could be read as
 * a flag.
 */
#ifndef DG_RENDER_H
#define DG_RENDER_H

#include "decide.h"
#include "grammar.h"
#include "util.h"

/* What a session adds to the containers an allowed request starts. */
struct render_session {
	const char	*id;	/* SESSION_LABEL value, or NULL */
	long long	 now;	/* unix seconds, for the lifetime's REAP_LABEL;
				   0: none */
};

/*
 * Render req into out (argv[0] is "docker").  v may be NULL; otherwise its
 * pins replace container arguments and its extra flags, label filters and
 * labels are added.  Returns 0.
 */
int	 render_argv(const struct request *req, const struct verdict *v,
	    struct strv *out);

/*
 * render_argv, plus rs's labels on a container the request starts:
 * SESSION_LABEL for a CMD_SESSION_LABEL command, REAP_LABEL for an
 * ownable one under a rule with a lifetime.  rs may be NULL.
 */
int	 render_session_argv(const struct request *req,
	    const struct verdict *v, const struct render_session *rs,
	    struct strv *out);

#endif
