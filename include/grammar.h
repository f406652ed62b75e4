/*
 * grammar.h: argv -> request, exactly as the docker CLI (cobra + pflag)
 * would read it, driven by the command table.
 */
#ifndef DG_GRAMMAR_H
#define DG_GRAMMAR_H

#include <stddef.h>
#include "commands.h"

#define GRAMMAR_MAX_FLAGS	512	/* flag occurrences in one request */

struct flagval {
	const struct flagdef *def;
	char		*value;		/* bools: "true"/"false"; others as
					   given (the text docker will see) */
};

struct request {
	const struct cmddef *cmd;
	struct flagval	*globals;	/* root flags before the command */
	size_t		 nglobals;
	struct flagval	*flags;		/* command flags, in order */
	size_t		 nflags;
	char		**args;		/* positionals, in order */
	size_t		 nargs;
	struct flagval	*gflags;	/* flags of a CMD_GROUP_FLAGS group
					   ("compose"), between the group
					   word and the subcommand */
	size_t		 ngflags;
};

/*
 * Parse argv (the words after "docker") into req.  Returns 0, or -1 with
 * *errstr naming the offending word: unknown command or flag, missing or
 * malformed value, a refused global flag, too few or too many arguments.
 */
int	 grammar_parse(char *const *argv, size_t argc, struct request *req,
	    const char **errstr);

/* Release what grammar_parse allocated; accepts a zeroed request. */
void	 grammar_free(struct request *);

/*
 * The value of the last of the n flags fv whose canonical name is name (the
 * one pflag keeps for a flag given more than once), or NULL.
 */
const char *grammar_last_value(const struct flagval *fv, size_t n,
	    const char *name);

/* 1 if both requests mean the same command line. */
int	 grammar_equal(const struct request *, const struct request *);

/*
 * Strict value checks used by the parser and by tests: Go ParseBool,
 * ParseInt(s, 0, 64), ParseUint, time.ParseDuration, RAMInBytes, decimal.
 * Each returns 0 if valid, -1 otherwise.
 */
int	 grammar_parse_bool(const char *s, int *out);
int	 grammar_check_value(enum vtype, const char *s, const char **errstr);

#endif
