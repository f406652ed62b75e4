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

/*
 * Render req into out (argv[0] is "docker").  v may be NULL; otherwise its
 * pins replace container arguments and its extra_flags are added.  Returns 0.
 */
int	 render_argv(const struct request *req, const struct verdict *v,
	    struct strv *out);

#endif
