/*
 * trust.h: the one answer to "can anyone but root change what this path
 * names?", for the policy file, the docker binary and config directory,
 * the compose plugin and files, and doctor's checks of the programs sshd
 * runs.  The rule is stated once, in trust.c.
 */
#ifndef DG_TRUST_H
#define DG_TRUST_H

#include <stddef.h>

#define TRUST_MAX_SYMLINKS	40	/* symlinks followed in one path (ELOOP) */

/* What the path must name in the end. */
enum trust_kind {
	TRUST_FILE,		/* a regular file */
	TRUST_EXEC,		/* a regular file with an execute bit */
	TRUST_DIR,		/* a directory */
	TRUST_ANY		/* a regular file or a directory */
};

/*
 * Walk the absolute path as the kernel resolves it, following symlinks,
 * and judge every directory passed through, every symlink and the final
 * object by the rule in trust.c.  Returns 0 when trusted, with the
 * resolved path in resolved (when not NULL; len bytes, PATH_MAX is
 * enough), or -1 with *errstr ("PATH: why") and errno set (ENOENT when a
 * component does not exist, EPERM when one is not trusted).
 */
int	 trust_path(const char *path, enum trust_kind kind, char *resolved,
	    size_t len, const char **errstr);

#endif
