/*
 * cmdline.h: the client's command string -> argv, as a POSIX shell would
 * split words, with no expansion of any kind.
 */
#ifndef DG_CMDLINE_H
#define DG_CMDLINE_H

#include <stddef.h>
#include "util.h"

#define CMDLINE_MAX_BYTES	65536	/* whole command string */
#define CMDLINE_MAX_ARGC	1024	/* words after splitting */
#define CMDLINE_MAX_ARGLEN	16384	/* bytes in one word */

/*
 * Split s into words.  Single quotes, double quotes (where backslash escapes
 * only $ ` " \ and newline) and backslash outside quotes are honoured;
 * unquoted ; & | < > ( ) $ ` and any newline, CR, NUL, other control byte or
 * invalid UTF-8 are errors.  On success fills out (caller frees with
 * strv_free) and returns 0.  On error returns -1, sets *errstr to a message
 * naming the character and its 1-based column.
 */
int	 cmdline_split(const char *s, size_t len, struct strv *out,
	    const char **errstr);

/*
 * Strip the leading command word: `docker ARGS` and `sudo docker ARGS` are
 * accepted and *rest is set to the index of the first ARG; anything else
 * (a path, env, VAR=value, another program) is refused with -1 and *errstr.
 */
int	 cmdline_docker(const struct strv *words, size_t *rest,
	    const char **errstr);

#endif
