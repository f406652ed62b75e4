/*
 * approval.h: a person in the loop (issue 18).  A rule with
 * approval: true allows a request only once root has approved that exact
 * request: held requests wait in DIR/requests, root's decisions in
 * DIR/approved.  The scheme and its limits are stated in approval.c.
 */
#ifndef DG_APPROVAL_H
#define DG_APPROVAL_H

#include <sys/types.h>

#include <stddef.h>
#include <time.h>

struct policy;
struct strv;

#define APPROVAL_DEFAULT_DIR	"/var/lib/dockergate/approvals"
#define APPROVAL_DEFAULT_TTL	(15 * 60)	/* seconds an approval lasts */
#define APPROVAL_DEFAULT_WAIT	0		/* seconds a session waits */
#define APPROVAL_MAX_TTL	(7L * 24 * 3600)	/* longest ttl */
#define APPROVAL_MAX_WAIT	3600L		/* longest wait */
#define APPROVAL_REQUESTS	"requests"	/* root 1733: the accounts' */
#define APPROVAL_APPROVED	"approved"	/* root 0755: root's decisions */
#define APPROVAL_REQUESTS_MODE	01733		/* exact mode of requests/ */
#define APPROVAL_ID_LEN		16		/* hex digits of a request id */
#define APPROVAL_NONCE_LEN	32		/* hex digits of an approval's
						   nonce (128 random bits) */
#define APPROVAL_USED_PREFIX	"used-"		/* requests/used-NONCE */
#define APPROVAL_DENIED_SUFFIX	".denied"	/* approved/ID.denied */
#define APPROVAL_FILE_MAX	(512 * 1024)	/* bytes of a request or
						   decision file */
#define APPROVAL_REASON_MAX	512		/* bytes of a denial reason */
#define APPROVAL_PENDING_MAX	10000		/* entries pending reads */
#define APPROVAL_POLL_MS	1000		/* re-check while waiting even
						   when inotify is silent */
#define APPROVAL_NOTIFY_MAX_ARGS 32		/* words of notify */
#define APPROVAL_NOTIFY_MS	10000		/* notify may run this long */
#define APPROVAL_NOTIFY_PATH	"/usr/sbin:/usr/bin:/sbin:/bin"	/* its PATH */
#define APPROVAL_EX_USAGE	1		/* bad arguments, no such id */

/* What a held request is: who asks, under which role, to run what. */
struct approval_req {
	const char	*user;		/* the account's login name */
	uid_t		 uid;
	const char	*role;
	const char	*rule;		/* "roles.R.allow[N]" */
	char *const	*argv;		/* canonical, NULL-terminated */
	const char	*command;	/* the raw client string */
	const char	*client;	/* "ADDR PORT" or "" */
	const char	*session;	/* the audit session id */
};

/* Root's answer to a request, as approval_check found it. */
enum approval_state {
	APPROVAL_NONE,		/* no usable decision (yet) */
	APPROVAL_GRANTED,	/* approved, and now used up by this call */
	APPROVAL_DENIED		/* denied after the request was held */
};

/*
 * The request id: APPROVAL_ID_LEN hex digits of a hash over user, role
 * and every argv element (each NUL-terminated), so the same request sent
 * again finds its approval.  The id only finds files: what an approval
 * covers is compared in full.  id holds APPROVAL_ID_LEN + 1 bytes.
 */
void	 approval_id(const char *user, const char *role, char *const *argv,
	    char *id);

/*
 * Whether dir holds the layout: dir trusted (trust.c), dir/approved a
 * root-owned directory not writable by group or others, dir/requests a
 * root-owned directory of mode APPROVAL_REQUESTS_MODE.  0, or -1 with
 * *errstr (the caller exits 69).
 */
int	 approval_layout(const char *dir, const char **errstr);

/*
 * Look for root's decision on request rq (id): an approval in
 * dir/approved/ID counts only when the file is root-owned, a regular file
 * not writable by group or others, names rq's user, uid, role and exact
 * argv, has not expired at now and was never used; using it creates
 * dir/requests/used-NONCE (O_EXCL), so it counts once.  A denial counts
 * when held is not NULL and the denial is newer than it (the request
 * file's mtime).  Returns 0 with *st (GRANTED: nonce, APPROVAL_NONCE_LEN
 * + 1 bytes, names the approval used; DENIED: reason holds root's), or
 * -1 with *errstr.
 */
int	 approval_check(const char *dir, const char *id,
	    const struct approval_req *rq, time_t now,
	    const struct timespec *held, enum approval_state *st, char *nonce,
	    char *reason, size_t rlen, const char **errstr);

/*
 * Hold rq: write dir/requests/ID (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600,
 * owned by the caller), or keep the one already there if the caller owns
 * it.  Returns 0 with *created, *held (the file's mtime) and *json (the
 * request as written, for notify; caller frees), or -1 with *errstr.
 */
int	 approval_hold(const char *dir, const char *id,
	    const struct approval_req *rq, time_t now, int *created,
	    struct timespec *held, char **json, const char **errstr);

/*
 * Run notify (argv; argv[0] absolute and trusted) with json on its
 * standard input, an environment of PATH only, other output to
 * /dev/null, for at most APPROVAL_NOTIFY_MS.  0 when it exited 0, else -1
 * with *errstr.  Never a reason to allow anything.
 */
int	 approval_notify(char *const *argv, const char *json,
	    const char **errstr);

/*
 * Wait at most ms for a change in dir/approved (inotify, and at most
 * APPROVAL_POLL_MS between looks).  Returns 1 when the client went away
 * (SIGHUP, SIGPIPE, SIGTERM, SIGINT, or standard input hung up), else 0.
 */
int	 approval_wait(int ifd, long ms);

/* An inotify descriptor watching dir/approved, or -1 (then: polling). */
int	 approval_watch(const char *dir);

struct audit;
struct audit_call;

#define APPROVAL_MSG_MAX	1024	/* bytes of approval_gate's message */

/*
 * The held flow for a request a rule with approval: true allowed (the
 * caller runs it only if this returns 0): the layout must be safe; an
 * approval covering rq is used (id and nonce set; call->request and
 * call->approval point to them, for the decision and exit records); else the request is held
 * (approval_hold), notify runs on a new one, the held record is written,
 * and the session waits up to the policy's wait for root's decision.
 * Returns 0 (approved, used now), EX_NOPERM (denied by root), EX_TEMPFAIL
 * (no decision in time, or the client went away) or EX_UNAVAILABLE, with
 * what follows "dockergate: denied: " / "held for approval: " /
 * "unavailable: " in msg.  id: APPROVAL_ID_LEN + 1 bytes; nonce:
 * APPROVAL_NONCE_LEN + 1.
 */
int	 approval_gate(const struct policy *pol, struct audit *au,
	    struct audit_call *call, const struct approval_req *rq, char *id,
	    char *nonce, char *msg, size_t msglen);

/*
 * dockergate pending [--json] | approve [--ttl D] [--yes] ID |
 * deny [--reason TEXT] ID, each also taking --policy FILE: root only.
 * Exit status as dockergate(8).
 */
int	 approval_main(int argc, char **argv);

#endif
