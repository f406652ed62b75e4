/*
 * util.h: small helpers shared by every module.
 *
 * Allocation failure is not bad input: the x* allocators report
 * "dockergate: out of memory" on stderr and _exit(69) (service unavailable).
 * Everything else in the program returns errors instead of exiting.
 */
#ifndef DG_UTIL_H
#define DG_UTIL_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

/* A growable NULL-terminated vector of owned strings. */
struct strv {
	char	**v;		/* v[n] == NULL whenever v != NULL */
	size_t	  n;
	size_t	  cap;
};

void	 strv_push(struct strv *, const char *);	/* copies */
void	 strv_take(struct strv *, char *);		/* takes ownership */
void	 strv_free(struct strv *);			/* accepts NULL */
int	 strv_has(const struct strv *, const char *);	/* 1 if an element
							   equals the string */

/*
 * Formats into a module's static message buffer and returns it.  The text is
 * valid until the next call from the same module (each module owns one
 * buffer); callers copy it if they keep it.
 */
const char *errfmt(char *buf, size_t len, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* 1 if s is valid UTF-8 with no NUL, 0 otherwise. */
int	 utf8_valid(const char *s, size_t len);

/*
 * 1 if name matches one of the globs: fnmatch(3) with no flags, so '*'
 * matches '/' too (container and volume names).
 */
int	 glob_any(const struct strv *globs, const char *name);

/*
 * 1 if path, split at '/', has a ".." component ("..", "a/../b", "a//..");
 * "..." and "a..b" are names, not "..".
 */
int	 path_has_dotdot(const char *path);

/* CLOCK_MONOTONIC in milliseconds, for deadlines. */
long long monotonic_ms(void);

#endif
