/*
 * audit.h: decision and exit records, JSON lines, to syslog (authpriv)
 * and/or a file opened O_APPEND, each record one write(2).
 */
#ifndef DG_AUDIT_H
#define DG_AUDIT_H

#include <stddef.h>
#include <time.h>

#define AUDIT_MAX_STRING	4096	/* bytes kept of one untrusted string */
#define AUDIT_MAX_ARGV		256	/* argv elements kept in a record */
#define AUDIT_MAX_RECORD	65536	/* bytes of one record */
#define AUDIT_MAX_ARGV_BYTES	32768	/* encoded bytes of all argv kept */

struct audit {
	int	 fd;			/* -1: no file */
	int	 use_syslog;
	int	 required;
	char	 session[33];		/* 128 random bits, hex */
	char	*user;
	char	*role;
	char	*client;		/* "ADDR PORT" or "" */
	const char *plugin;		/* CLI plugin the command runs
					   (compose), or NULL: recorded in the
					   decision; not owned */
};

/*
 * Open the sinks.  file may be NULL.  Returns 0, or -1 with *errstr (the
 * file could not be opened; if required is 0 the caller may go on).
 */
int	 audit_open(struct audit *, const char *file, int use_syslog,
	    int required, const char *user, const char *role,
	    const char *client, const char **errstr);

/*
 * Write the decision record.  command is the raw client string (any bytes),
 * argv the canonical argv (NULL when the command did not parse).  Returns 0
 * when at least one sink took the whole record, -1 with *errstr otherwise.
 */
int	 audit_decision(struct audit *, const char *command, size_t cmdlen,
	    char *const *argv, int allow, const char *rule, const char *reason,
	    const char **errstr);

/* Write the exit record: exit status, or signal if killed. */
int	 audit_exit(struct audit *, int status, int sig, long duration_ms,
	    const char **errstr);

void	 audit_close(struct audit *);

/*
 * gmtime_r without the time zone: glibc's reads /etc/localtime on first
 * use even for UTC.  Sets the date and time fields of *tm (not tm_wday,
 * tm_yday, tm_isdst, tm_gmtoff, tm_zone).
 */
void	 audit_gmtime(time_t, struct tm *);

/*
 * Encode s (any bytes, len of them) as a JSON string into buf: invalid UTF-8
 * bytes become \u00XX escapes of U+FFFD-free form ("\\xNN"), control bytes
 * are escaped, and the result is cut at AUDIT_MAX_STRING input bytes with a
 * "…(truncated)" marker.  Returns a new string including the quotes.
 */
char	*audit_json_string(const char *s, size_t len);

#endif
