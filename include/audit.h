/*
 * audit.h: decision and exit records, JSON lines, to syslog (authpriv)
 * and/or a file opened O_APPEND, each record one write(2).
 */
#ifndef DG_AUDIT_H
#define DG_AUDIT_H

#include <stddef.h>
#include <time.h>

/*
 * What a record holds.  The caps of a record are caps of what may run: a
 * decision record holds every command the command line lets through whole
 * (static asserts in audit.c tie these to CMDLINE_MAX_BYTES,
 * CMDLINE_MAX_ARGC and GRAMMAR_MAX_FLAGS), and a canonical argv that does
 * not fit a record is refused (audit_fits), never cut while docker runs it.
 */
#define AUDIT_MAX_STRING	4096	/* encoded bytes kept of user, role,
					   client, rule, reason, plugin */
#define AUDIT_MAX_COMMAND	65536	/* raw command bytes kept: every
					   command that may run */
#define AUDIT_ESC_MAX		6	/* encoded bytes of one input byte at
					   worst (\u00XX) */
#define AUDIT_MAX_ARGV		2048	/* canonical argv elements a record
					   holds; more is refused */
#define AUDIT_MAX_ARGV_BYTES	(384 * 1024)	/* encoded bytes of all argv
					   elements; more is refused */
#define AUDIT_MAX_RECORD	(1024 * 1024)	/* bytes of one record */

/*
 * Syslog: records go to the local socket as glibc's syslog(3) frames them
 * ("<PRI>Mmm dd hh:mm:ss dockergate[PID]: JSON", facility authpriv), but
 * written by us so that a lost record is known.
 */
#define AUDIT_SYSLOG_PATH	"/dev/log"	/* the local syslog socket */
#define AUDIT_SYSLOG_MAX	8192	/* bytes of one syslog message, header
					   included: common relay limit */
#define AUDIT_SYSLOG_WAIT_MS	2000	/* a full syslog queue may delay a
					   record this long, then it is lost */
#define AUDIT_SYSLOG_NAP_MS	10	/* pause between tries on ENOBUFS */
#define AUDIT_SUMMARY_STRING	512	/* encoded bytes of each string of a
					   syslog summary record */

struct audit {
	int	 fd;			/* -1: no file */
	char	*file;			/* its path, or NULL */
	int	 use_syslog;
	int	 logfd;			/* syslog socket, -1: not connected */
	int	 logstream;		/* it is a stream socket */
	int	 required;
	char	 session[33];		/* 128 random bits, hex */
	char	*user;
	char	*role;
	char	*client;		/* "ADDR PORT" or "" */
};

/*
 * What one request (a call of the session) adds to its records.  Every
 * member may be NULL; a NULL struct audit_call adds nothing.  Not owned.
 */
struct audit_call {
	const char *plugin;		/* CLI plugin the command runs
					   (compose): in the decision */
	const char *request;		/* held request id (approval.c): in
					   the decision and exit records */
	const char *approval;		/* nonce of the approval the call
					   used: in the decision */
	const char *rpc_id;		/* an MCP call's JSON-RPC id as JSON
					   text (an integer or a string):
					   in the decision and exit records */
};

/*
 * Open the sinks.  file may be NULL.  Returns 0, or -1 with *errstr (the
 * file could not be opened; if required is 0 the caller may go on).
 */
int	 audit_open(struct audit *, const char *file, int use_syslog,
	    int required, const char *user, const char *role,
	    const char *client, const char **errstr);

/*
 * Whether a decision record holds command (cmdlen bytes) and argv whole:
 * AUDIT_MAX_COMMAND bytes of command, AUDIT_MAX_ARGV elements and
 * AUDIT_MAX_ARGV_BYTES encoded bytes of argv.  Returns 0, or -1 with
 * *errstr saying which cap the command exceeds; the caller refuses it.
 */
int	 audit_fits(const char *command, size_t cmdlen, char *const *argv,
	    const char **errstr);

/*
 * Write the decision record.  command is the raw client string (any bytes),
 * argv the canonical argv (NULL when the command did not parse); allow is
 * 1, 0 (deny) or AUDIT_OBSERVE (it runs, reason says why the rules deny
 * it; logged at a denial's priority).  Returns 0
 * when at least one sink took the whole record, -1 with *errstr otherwise
 * (also, writing nothing, for an allow whose command does not fit a record).
 * Syslog counts as taking it only when the socket accepted the whole
 * message; a record over AUDIT_SYSLOG_MAX goes to syslog as a summary
 * (decision, ids, record_bytes, record_fnv1a64, record_file) that does not
 * count.
 */
#define AUDIT_OBSERVE	2	/* audit_decision's allow: runs only
					   because the role is in observe
					   mode ("decision": "observe") */
int	 audit_decision(struct audit *, const struct audit_call *,
	    const char *command, size_t cmdlen, char *const *argv, int allow,
	    const char *rule, const char *reason, const char **errstr);

/*
 * Write the exit record: exit status, or signal if killed.  Docker has run:
 * a failure cannot undo that, the caller only reports it.
 */
int	 audit_exit(struct audit *, const struct audit_call *, int status,
	    int sig, long duration_ms, const char **errstr);

/*
 * Write a reap record (dockergate reap): the container's ID and name,
 * its expiry (unix seconds) and result ("removed", "gone", "failed").
 * Returns as audit_exit.
 */
int	 audit_reap(struct audit *, const char *id, const char *name,
	    long long expires, const char *result, const char **errstr);

/*
 * Write a held record (approval: true): the request id (call->request),
 * the rule, the command and canonical argv, and what notify did ("none",
 * "ok" or why it failed).  Returns as audit_decision.
 */
int	 audit_held(struct audit *, const struct audit_call *,
	    const char *command, size_t cmdlen, char *const *argv,
	    const char *rule, const char *notify, const char **errstr);

/*
 * Write root's answer to a held request: event "approved" (with the
 * expiry, unix seconds) or "denied" (with the reason), the request id,
 * the account and role it was for, and by, who decided.
 */
int	 audit_approval(struct audit *, const char *event, const char *request,
	    const char *user, const char *role, const char *by,
	    long long expires, const char *reason, const char **errstr);

void	 audit_close(struct audit *);

/*
 * Whether the syslog socket takes connections now (for doctor): connects
 * as audit records would, sends nothing.  0, or -1 with *errstr.
 */
int	 audit_syslog_probe(const char **errstr);

/*
 * gmtime_r without the time zone: glibc's reads /etc/localtime on first
 * use even for UTC.  Sets the date and time fields of *tm (not tm_wday,
 * tm_yday, tm_isdst, tm_gmtoff, tm_zone).
 */
void	 audit_gmtime(time_t, struct tm *);

/*
 * Encode s (any bytes, len of them) as a JSON string: invalid UTF-8 bytes
 * become the visible text "\\xNN", control bytes (C0, DEL aside, and C1)
 * and the line separators U+2028, U+2029 are escaped as \uXXXX, and the
 * result is cut at AUDIT_MAX_STRING encoded bytes with a "…(truncated)"
 * marker.  Returns a new string including the quotes; caller frees.
 */
char	*audit_json_string(const char *s, size_t len);

#endif
