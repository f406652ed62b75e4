/*
 * probe.c: dockergate-probe, the deployment attacked from outside.
 *
 * Connects to sshd as the gateway's account with libssh, verifies the host
 * key, authenticates with a public key, then knocks on every door an SSH
 * client has (dockergate-probe(1)): shell, pty, exec, subsystem, env,
 * forwardings in both directions, agent, X11.  Each door is a row of a
 * table; each is reported closed, OPEN, unknown or not tested.  A door
 * that forwards is tried at every target on its list (Docker's TCP ports
 * and sshd's at each loopback spelling, Docker's socket paths, listen
 * addresses, and the operator's --target, --socket, --listen): sshd
 * compares the host string it is sent, so each spelling is a permission
 * of its own.  A separate program: the only user of libssh, never linked
 * into the gateway.
 *
 * Security invariants:
 * - The server's host key MUST match KNOWN_HOSTS; an unknown key is used
 *   only with --accept-unknown-host-key, a changed key never.
 * - Only public-key authentication is attempted; no password is ever sent.
 * - ~/.ssh/config MUST NOT be read: the doors tried are ours, not a
 *   config's.
 * - The probe MUST NOT send data through an open forwarding beyond opening
 *   it, and MUST cancel a remote listener it got.
 * - A door that could not be tried MUST NOT be reported closed: it is
 *   "not tested", or "unknown" (exit 2).  A door with targets is closed
 *   only when every target was tried and refused; a target sshd permits
 *   but cannot connect to is OPEN (the permission exists).
 * - A refusal counts only when libssh reported it for this very channel
 *   open or request; any other failure makes the target unknown.
 * - Remote output is bounded and printed with control bytes replaced.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libssh/libssh.h>
#include <libssh/libssh_version.h>

#define PROBE_EX_CLOSED		0	/* every door tested is closed */
#define PROBE_EX_OPEN		1	/* a door is open */
#define PROBE_EX_ERROR		2	/* usage, connect, auth; door unknown */
#define PROBE_TIMEOUT_SEC	10	/* connect, and each door */
#define PROBE_POLL_MS		100	/* one read wait on a channel */
#define PROBE_ERR_MAX		512	/* bytes kept of a remote stderr */
#define PROBE_OUT_MAX		512	/* bytes kept of a remote stdout */
#define PROBE_DETAIL_MAX	512	/* bytes of one door's detail */
#define PROBE_NOTE_MAX		256	/* bytes of one target's outcome */
#define PROBE_HOST_MAX		255	/* bytes of a --target/--listen host */
#define PROBE_ADDR_MAX		(PROBE_HOST_MAX + 8)	/* "[host]:port" */
#define PROBE_SUN_PATH_MAX	107	/* bytes of a socket path (sun_path) */
#define PROBE_USER_MAX		16	/* --target, --listen, --socket each */
#define PROBE_TRY_MAX		(PROBE_USER_MAX + 16)	/* targets of a door */
#define PROBE_PATHS_MAX		(PROBE_USER_MAX + 2)	/* + Docker's two */
#define PROBE_DEFAULT_PORT	22
#define PROBE_DOCKER_TCP	2375	/* dockerd's plain TCP port */
#define PROBE_DOCKER_TLS	2376	/* dockerd's TLS port */
#define PROBE_ORIG_HOST		"127.0.0.1"	/* originator we announce */
#define PROBE_ORIG_PORT		0
#define PROBE_OPEN_PROHIBITED	1	/* RFC 4254 5.1 reason codes */
#define PROBE_OPEN_CONNECT_FAILED 2
/* The first OpenSSH that tells prohibited from connect failed apart. */
#define PROBE_OPENSSH_REASONS	SSH_VERSION_INT(7, 5, 0)
#define PROBE_LIBSSH_OPEN_FAIL	"Channel opening failure: channel "
#define PROBE_LIBSSH_OPEN_CODE	" error ("	/* then CODE ")" */
#define PROBE_LIBSSH_FWD_FAIL	"Global request tcpip-forward failed"
#define PROBE_EXIT_PARSE	65	/* the gateway's: unparseable */
#define PROBE_EXIT_DENIED	77	/* the gateway's: denied */
#define PROBE_EXIT_CONFIG	78	/* the gateway's: bad policy */
#define PROBE_REFUSAL		"dockergate: "	/* the gateway's own stderr */
#define PROBE_ENV_VALUE		"/dg-probe"	/* value of env requests */

enum result { R_CLOSED, R_OPEN, R_UNTESTED, R_UNKNOWN };

static const char *const result_names[] = {
	"closed", "OPEN", "not tested", "unknown"
};

/* The loopback spellings for direct-tcpip: sshd compares the string. */
static const char *const loopback[] = {
	"127.0.0.1", "localhost", "::1", "0.0.0.0"
};

/* The Docker socket paths for direct-streamlocal, before --socket. */
static const char *const docker_socks[] = {
	"/var/run/docker.sock", "/run/docker.sock"
};

_Static_assert(sizeof(docker_socks) / sizeof(docker_socks[0]) == 2,
    "PROBE_PATHS_MAX counts the Docker socket paths");

/* Listen addresses for tcpip-forward; "" is every address. */
static const char *const listen_hosts[] = {
	"127.0.0.1", "localhost", "0.0.0.0", ""
};

/* Built-in targets of a door: 4 spellings times 3 ports. */
_Static_assert(PROBE_TRY_MAX >= PROBE_USER_MAX + 4 * 3,
    "PROBE_TRY_MAX must hold every target of one door");

/* A --target or --listen: the host as sent, the port. */
struct hostport {
	char	 host[PROBE_HOST_MAX + 1];
	int	 port;
};

/* One target tried: as spelled in the report, and what it answered. */
struct try {
	char		 what[PROBE_ADDR_MAX];
	enum result	 r;
	char		 note[PROBE_NOTE_MAX];
};

struct probe {
	ssh_session	 s;
	int		 port;
	const char	*path;		/* direct-streamlocal: this path */
	char		 detail[PROBE_DETAIL_MAX];
	struct try	 tries[PROBE_TRY_MAX];	/* this door's targets */
	size_t		 ntries;
	unsigned int	 last_chan;	/* newest channel in an open failure */
	int		 nchan;		/* last_chan is set */
	int		 pending;	/* a global request went unanswered */
	struct hostport	 targets[PROBE_USER_MAX];	/* --target */
	size_t		 ntargets;
	struct hostport	 listens[PROBE_USER_MAX];	/* --listen */
	size_t		 nlistens;
	const char	*paths[PROBE_PATHS_MAX];	/* Docker's, --socket */
	size_t		 npaths;
	size_t		 nsockets;	/* --socket given */
};

/* What a finished remote command left: status and bounded output. */
struct ran {
	int	 status;		/* -1: none received */
	int	 done;			/* remote EOF seen */
	char	 out[PROBE_OUT_MAX];
	char	 err[PROBE_ERR_MAX];
};

struct door {
	const char	*name;
	const char	*arg;	/* command, variable, path; NULL: --socket */
	int		 expect;	/* exit status for exec doors */
	enum result	(*fn)(struct probe *, const struct door *);
};

static enum result
say(struct probe *p, enum result r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static enum result
say(struct probe *p, enum result r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(p->detail, sizeof(p->detail), fmt, ap);
	va_end(ap);
	return r;
}

/* Append n bytes to a bounded, NUL-terminated buffer. */
static void
keep(char *buf, size_t size, const char *data, size_t n)
{
	size_t len = strlen(buf);

	if (n > size - 1 - len)
		n = size - 1 - len;
	memcpy(buf + len, data, n);
	buf[len + n] = '\0';
}

/* The first line of remote text, control bytes replaced, for a detail. */
static const char *
first_line(char *s)
{
	char *c;

	s[strcspn(s, "\r\n")] = '\0';
	for (c = s; *c != '\0'; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			*c = '?';
	return s;
}

/* Send EOF, read both streams to the end or the timeout, get the status. */
static void
finish(ssh_channel ch, struct ran *r)
{
	time_t deadline = time(NULL) + PROBE_TIMEOUT_SEC;
	char buf[4096];
	int n, e;

	memset(r, 0, sizeof(*r));
	(void)ssh_channel_send_eof(ch);
	while (!ssh_channel_is_eof(ch) && time(NULL) < deadline) {
		e = ssh_channel_read_timeout(ch, buf, sizeof(buf), 1,
		    PROBE_POLL_MS);
		if (e > 0)
			keep(r->err, sizeof(r->err), buf, (size_t)e);
		n = ssh_channel_read_timeout(ch, buf, sizeof(buf), 0,
		    PROBE_POLL_MS);
		if (n > 0)
			keep(r->out, sizeof(r->out), buf, (size_t)n);
		if (n < 0 || e < 0)
			break;
	}
	r->done = ssh_channel_is_eof(ch);
	r->status = r->done ? ssh_channel_get_exit_status(ch) : -1;
}

/*
 * The gateway refused: non-zero status and its own stderr line, or one of
 * its own refusal statuses (sshd discards a subsystem's stderr).
 */
static int
refused(const struct ran *r)
{
	if (!r->done || r->status <= 0)
		return 0;
	return strstr(r->err, PROBE_REFUSAL) != NULL ||
	    r->status == PROBE_EXIT_PARSE || r->status == PROBE_EXIT_DENIED ||
	    r->status == PROBE_EXIT_CONFIG;
}

static ssh_channel
session_channel(struct probe *p)
{
	ssh_channel ch = ssh_channel_new(p->s);

	if (ch != NULL && ssh_channel_open_session(ch) == SSH_OK)
		return ch;
	ssh_channel_free(ch);
	(void)say(p, R_UNKNOWN, "cannot open a session channel: %s",
	    ssh_get_error(p->s));
	return NULL;
}

/* Close only a channel that opened: libssh would send EOF for the rest. */
static void
channel_done(ssh_channel ch)
{
	if (ssh_channel_is_open(ch))
		(void)ssh_channel_close(ch);
	ssh_channel_free(ch);
}

/* A request was accepted: what the remote did with it. */
static enum result
ran_result(struct probe *p, ssh_channel ch, const char *what)
{
	struct ran r;

	finish(ch, &r);
	if (refused(&r))
		return say(p, R_CLOSED, "%s accepted, dockergate refused it "
		    "(exit %d%s%s)", what, r.status, r.err[0] ? ": " : "",
		    first_line(r.err));
	return say(p, R_OPEN, "%s accepted and %s (exit %d)", what,
	    r.done ? "something other than dockergate answered" :
	    "still running after EOF", r.status);
}

static enum result
door_shell(struct probe *p, const struct door *d)
{
	ssh_channel ch;
	enum result res;

	(void)d;
	if ((ch = session_channel(p)) == NULL)
		return R_UNKNOWN;
	if (ssh_channel_request_shell(ch) != SSH_OK)
		res = say(p, R_CLOSED, "shell request refused");
	else
		res = ran_result(p, ch, "shell request");
	channel_done(ch);
	return res;
}

static enum result
door_pty(struct probe *p, const struct door *d)
{
	ssh_channel ch;
	enum result res;

	(void)d;
	if ((ch = session_channel(p)) == NULL)
		return R_UNKNOWN;
	if (ssh_channel_request_pty(ch) == SSH_OK)
		res = say(p, R_OPEN, "pty-req accepted: a terminal is "
		    "allocated");
	else
		res = say(p, R_CLOSED, "pty-req refused");
	channel_done(ch);
	return res;
}

/* exec d->arg; closed when the gateway answers with d->expect. */
static enum result
door_exec(struct probe *p, const struct door *d)
{
	ssh_channel ch;
	enum result res;
	struct ran r;

	if ((ch = session_channel(p)) == NULL)
		return R_UNKNOWN;
	if (ssh_channel_request_exec(ch, d->arg) != SSH_OK) {
		res = say(p, d->expect == 0 ? R_OPEN : R_CLOSED, "exec "
		    "refused: %s", ssh_get_error(p->s));
	} else {
		finish(ch, &r);
		res = say(p, r.status == d->expect ? R_CLOSED : R_OPEN,
		    "exit %d, expected %d%s%s", r.status, d->expect,
		    r.err[0] ? ": " : "", first_line(r.err));
	}
	channel_done(ch);
	return res;
}

static enum result
door_subsystem(struct probe *p, const struct door *d)
{
	ssh_channel ch;
	enum result res;

	if ((ch = session_channel(p)) == NULL)
		return R_UNKNOWN;
	if (ssh_channel_request_subsystem(ch, d->arg) != SSH_OK)
		res = say(p, R_CLOSED, "subsystem request refused");
	else
		res = ran_result(p, ch, "subsystem request");
	channel_done(ch);
	return res;
}

/* env NAME: OPEN when sshd accepts the request (AcceptEnv). */
static enum result
door_env(struct probe *p, const struct door *d)
{
	ssh_channel ch;
	enum result res;
	struct ran r;

	if ((ch = session_channel(p)) == NULL)
		return R_UNKNOWN;
	if (ssh_channel_request_env(ch, d->arg, PROBE_ENV_VALUE) == SSH_OK)
		res = say(p, R_OPEN, "sshd accepted %s (AcceptEnv): it "
		    "reaches the forced command's shell", d->arg);
	else
		res = say(p, R_CLOSED, "env request refused");
	if (ssh_channel_request_exec(ch, "help") == SSH_OK)
		finish(ch, &r);
	channel_done(ch);
	return res;
}

/*
 * Targets: each door that takes one (a forward) is tried at every target
 * on its list; the list, and what each answered, is reported with it.
 */

/* The target list of the door being tried; NULL when a duplicate. */
static struct try *
try_add(struct probe *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static struct try *
try_add(struct probe *p, const char *fmt, ...)
{
	char what[PROBE_ADDR_MAX];
	va_list ap;
	size_t i;

	va_start(ap, fmt);
	(void)vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	for (i = 0; i < p->ntries; i++)
		if (strcmp(p->tries[i].what, what) == 0)
			return NULL;
	if (p->ntries == PROBE_TRY_MAX)
		return NULL;	/* cannot happen: see PROBE_TRY_MAX */
	memcpy(p->tries[p->ntries].what, what, sizeof(what));
	p->tries[p->ntries].r = R_UNKNOWN;
	p->tries[p->ntries].note[0] = '\0';
	return &p->tries[p->ntries++];
}

static void
note(struct try *t, enum result r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
note(struct try *t, enum result r, const char *fmt, ...)
{
	va_list ap;

	t->r = r;
	va_start(ap, fmt);
	(void)vsnprintf(t->note, sizeof(t->note), fmt, ap);
	va_end(ap);
}

/* host:port as sshd and ssh(1) spell it: an IPv6 address in brackets. */
static struct try *
try_hostport(struct probe *p, const char *host, int port)
{
	if (strchr(host, ':') != NULL)
		return try_add(p, "[%s]:%d", host, port);
	return try_add(p, "%s:%d", host[0] ? host : "''", port);
}

/*
 * Parse libssh's text for SSH_MSG_CHANNEL_OPEN_FAILURE: "Channel opening
 * failure: channel ID error (CODE) TEXT"; 0, or -1 when e is another text.
 */
static int
parse_open_failure(const char *e, unsigned long *chan, unsigned long *code,
    const char **text)
{
	const size_t plen = strlen(PROBE_LIBSSH_OPEN_FAIL);
	const size_t clen = strlen(PROBE_LIBSSH_OPEN_CODE);
	char *end;

	if (strncmp(e, PROBE_LIBSSH_OPEN_FAIL, plen) != 0 ||
	    e[plen] < '0' || e[plen] > '9')
		return -1;
	errno = 0;
	*chan = strtoul(e + plen, &end, 10);
	if (errno != 0 || strncmp(end, PROBE_LIBSSH_OPEN_CODE, clen) != 0 ||
	    end[clen] < '0' || end[clen] > '9')
		return -1;
	*code = strtoul(end + clen, &end, 10);
	if (errno != 0 || *end != ')' || *chan > UINT_MAX || *code > INT_MAX)
		return -1;
	*text = end + 1 + (end[1] == ' ');
	return 0;
}

/*
 * Before a channel open: note the channel of the open failure libssh last
 * reported, if any, so that open_reason never reads it for the next one.
 */
static void
open_mark(struct probe *p)
{
	unsigned long chan, code;
	const char *text;

	if (parse_open_failure(ssh_get_error(p->s), &chan, &code, &text) ==
	    0) {
		p->last_chan = (unsigned int)chan;
		p->nchan = 1;
	}
}

/*
 * The reason code of the channel open that just failed, or -1 when the
 * failure was something else (connection lost, timeout, an error text
 * this libssh does not write).  libssh reports SSH_MSG_CHANNEL_OPEN_FAILURE
 * only as text; its channel number must be newer than the one open_mark
 * saw, so a stale message from an earlier open is never taken for this.
 */
static int
open_reason(struct probe *p, const char **text)
{
	unsigned long chan, code;

	*text = "";
	if (!ssh_is_connected(p->s) ||
	    ssh_get_error_code(p->s) != SSH_REQUEST_DENIED ||
	    parse_open_failure(ssh_get_error(p->s), &chan, &code, text) != 0 ||
	    (p->nchan > 0 && chan <= p->last_chan)) {
		*text = "";
		return -1;
	}
	p->last_chan = (unsigned int)chan;
	p->nchan = 1;
	return (int)code;
}

/*
 * What a refused direct-tcpip says.  sshd (OpenSSH 7.5 and later) answers
 * a forbidden target "administratively prohibited" and a permitted one it
 * could not connect to "connect failed": the latter is an open door, as
 * the permission exists.  Older sshd answer "prohibited" to both.
 */
static void
tcpip_refused(struct probe *p, struct try *t)
{
	int v = ssh_get_openssh_version(p->s);
	const char *text;

	switch (open_reason(p, &text)) {
	case PROBE_OPEN_PROHIBITED:
		if (v != 0 && v < PROBE_OPENSSH_REASONS)
			note(t, R_UNKNOWN, "refused, but this sshd (before "
			    "OpenSSH 7.5) also says so when it may connect "
			    "and nothing listens");
		else
			note(t, R_CLOSED, "administratively prohibited");
		break;
	case PROBE_OPEN_CONNECT_FAILED:
		note(t, R_OPEN, "permitted: sshd tried to connect (%s)", text);
		break;
	default:
		note(t, R_UNKNOWN, "%s", ssh_get_error(p->s));
	}
}

/* One direct-tcpip channel to host:port, opened and closed at once. */
static void
try_tcpip(struct probe *p, const char *host, int port)
{
	struct try *t = try_hostport(p, host, port);
	ssh_channel ch;
	int rc;

	if (t == NULL)
		return;
	if ((ch = ssh_channel_new(p->s)) == NULL) {
		note(t, R_UNKNOWN, "%s", ssh_get_error(p->s));
		return;
	}
	open_mark(p);
	rc = ssh_channel_open_forward(ch, host, port, PROBE_ORIG_HOST,
	    PROBE_ORIG_PORT);
	if (rc == SSH_OK)
		note(t, R_OPEN, "channel opened: something listens");
	else if (rc == SSH_AGAIN)
		note(t, R_UNKNOWN, "no answer in %d s", PROBE_TIMEOUT_SEC);
	else
		tcpip_refused(p, t);
	channel_done(ch);
}

/*
 * The door's result from its targets: OPEN when one opened, closed only
 * when every target was tried and refused, else unknown.
 */
static enum result
tally(struct probe *p, const char *why_closed)
{
	char opened[PROBE_DETAIL_MAX] = "";
	size_t i, nopen = 0, nunknown = 0;

	for (i = 0; i < p->ntries; i++) {
		if (p->tries[i].r == R_OPEN) {
			if (nopen++ > 0)
				keep(opened, sizeof(opened), ", ", 2);
			keep(opened, sizeof(opened), p->tries[i].what,
			    strlen(p->tries[i].what));
		} else if (p->tries[i].r != R_CLOSED)
			nunknown++;
	}
	if (nopen > 0)
		return say(p, R_OPEN, "opened by %s (%zu of %zu target%s)",
		    opened, nopen, p->ntries, p->ntries == 1 ? "" : "s");
	if (nunknown > 0 || p->ntries == 0)
		return say(p, R_UNKNOWN, "%zu of %zu targets could not be "
		    "tried: not every target was refused", nunknown,
		    p->ntries);
	return say(p, R_CLOSED, "%s (%zu target%s)", why_closed, p->ntries,
	    p->ntries == 1 ? "" : "s");
}

/* The Docker TCP ports and sshd's own, at each loopback spelling. */
static enum result
door_tcpip(struct probe *p, const struct door *d)
{
	const int ports[] = { PROBE_DOCKER_TCP, PROBE_DOCKER_TLS, p->port };
	size_t h, i;

	(void)d;
	for (i = 0; i < sizeof(ports) / sizeof(ports[0]); i++)
		for (h = 0; h < sizeof(loopback) / sizeof(loopback[0]); h++)
			try_tcpip(p, loopback[h], ports[i]);
	for (i = 0; i < p->ntargets; i++)
		try_tcpip(p, p->targets[i].host, p->targets[i].port);
	return tally(p, "every target administratively prohibited");
}

/*
 * direct-streamlocal to p->path.  OpenSSH answers a forbidden path and a
 * path where nothing listens alike ("connect failed", "open failed"), so
 * only an open channel proves the door open.
 */
static enum result
door_streamlocal(struct probe *p, const struct door *d)
{
	struct try *t = try_add(p, "%s", p->path);
	const char *text;
	ssh_channel ch;
	int rc;

	(void)d;
	if (t == NULL || (ch = ssh_channel_new(p->s)) == NULL)
		return say(p, R_UNKNOWN, "%s", ssh_get_error(p->s));
	open_mark(p);
	rc = ssh_channel_open_forward_unix(ch, p->path, PROBE_ORIG_HOST,
	    PROBE_ORIG_PORT);
	if (rc == SSH_OK)
		note(t, R_OPEN, "channel opened: the raw Docker API, past "
		    "any forced command");
	else if (rc == SSH_AGAIN)
		note(t, R_UNKNOWN, "no answer in %d s", PROBE_TIMEOUT_SEC);
	else if ((rc = open_reason(p, &text)) == PROBE_OPEN_PROHIBITED ||
	    rc == PROBE_OPEN_CONNECT_FAILED)
		note(t, R_CLOSED, "refused, or nothing listens there (sshd "
		    "answers both alike: %s)", text);
	else
		note(t, R_UNKNOWN, "%s", ssh_get_error(p->s));
	channel_done(ch);
	return tally(p, "refused");
}

/* Cancel a listener the server granted; a note on the outcome. */
static const char *
cancel_listen(struct probe *p, const char *host, int port)
{
	int rc = ssh_channel_cancel_forward(p->s, host, port);

	if (rc == SSH_AGAIN)
		p->pending = 1;
	return rc == SSH_OK ? "" : " (cancel refused: it listens until the "
	    "probe disconnects)";
}

/*
 * One tcpip-forward request; a listener granted is cancelled at once.
 * libssh waits for a pending global request's answer before it sends the
 * next, so after a request without an answer no later answer is this one.
 */
static void
try_listen(struct probe *p, const char *host, int port)
{
	struct try *t = try_hostport(p, host, port);
	int bound = 0, rc;

	if (t == NULL)
		return;
	if (p->pending) {
		note(t, R_UNKNOWN, "not tried: an earlier request is still "
		    "unanswered");
		return;
	}
	rc = ssh_channel_listen_forward(p->s, host, port, &bound);
	if (rc == SSH_OK) {
		port = port ? port : bound;
		note(t, R_OPEN, "the server listened on port %d%s", port,
		    cancel_listen(p, host, port));
	} else if (rc == SSH_AGAIN) {
		p->pending = 1;
		note(t, R_UNKNOWN, "no answer in %d s", PROBE_TIMEOUT_SEC);
	} else if (ssh_is_connected(p->s) &&
	    ssh_get_error_code(p->s) == SSH_REQUEST_DENIED &&
	    strcmp(ssh_get_error(p->s), PROBE_LIBSSH_FWD_FAIL) == 0)
		note(t, R_CLOSED, "refused, or the port is taken");
	else
		note(t, R_UNKNOWN, "%s", ssh_get_error(p->s));
}

/* Remote forwards: any port (0), the Docker ports, --listen. */
static enum result
door_tcpip_forward(struct probe *p, const struct door *d)
{
	const int ports[] = { 0, PROBE_DOCKER_TCP, PROBE_DOCKER_TLS };
	size_t h, i;

	(void)d;
	for (i = 0; i < sizeof(ports) / sizeof(ports[0]); i++)
		for (h = 0; h < sizeof(listen_hosts) / sizeof(listen_hosts[0]);
		    h++)
			try_listen(p, listen_hosts[h], ports[i]);
	for (i = 0; i < p->nlistens; i++)
		try_listen(p, p->listens[i].host, p->listens[i].port);
	return tally(p, "every request refused");
}

static enum result
door_streamlocal_forward(struct probe *p, const struct door *d)
{
	(void)d;
	return say(p, R_UNTESTED, "libssh has no client call for "
	    "streamlocal-forward@openssh.com; sshd allows it when it allows "
	    "remote forwarding of Unix sockets (AllowStreamLocalForwarding "
	    "yes or remote, and no DisableForwarding)");
}

/*
 * libssh sends auth-agent-req without want-reply, so sshd's answer is not
 * observable; only a session that shows SSH_AUTH_SOCK proves it open.
 */
static enum result
door_agent(struct probe *p, const struct door *d)
{
	ssh_channel ch;
	enum result res;
	struct ran r;

	(void)d;
	if ((ch = session_channel(p)) == NULL)
		return R_UNKNOWN;
	if (ssh_channel_request_auth_agent(ch) != SSH_OK ||
	    ssh_channel_request_exec(ch, "echo \"$SSH_AUTH_SOCK\"") !=
	    SSH_OK) {
		channel_done(ch);
		return say(p, R_CLOSED, "request refused");
	}
	finish(ch, &r);
	if (strchr(r.out, '/') != NULL)
		res = say(p, R_OPEN, "the session has SSH_AUTH_SOCK=%s",
		    first_line(r.out));
	else if (r.status == 0)
		res = say(p, R_CLOSED, "no SSH_AUTH_SOCK in the session");
	else
		res = say(p, R_UNTESTED, "sshd does not answer "
		    "auth-agent-req (no want-reply) and the forced command "
		    "hides SSH_AUTH_SOCK (exit %d)", r.status);
	channel_done(ch);
	return res;
}

static enum result
door_x11(struct probe *p, const struct door *d)
{
	ssh_channel ch;
	enum result res;

	(void)d;
	if ((ch = session_channel(p)) == NULL)
		return R_UNKNOWN;
	if (ssh_channel_request_x11(ch, 0, NULL, NULL, 0) == SSH_OK)
		res = say(p, R_OPEN, "x11-req accepted");
	else
		res = say(p, R_CLOSED, "x11-req refused");
	channel_done(ch);
	return res;
}

/* Every door, in the order tried. */
static const struct door doors[] = {
	{ "shell", NULL, 0, door_shell },
	{ "pty", NULL, 0, door_pty },
	{ "exec help", "help", 0, door_exec },
	{ "exec denied", "docker run --privileged busybox true",
	    PROBE_EXIT_DENIED, door_exec },
	{ "exec metachar", "docker ps; id", PROBE_EXIT_PARSE, door_exec },
	{ "subsystem sftp", "sftp", 0, door_subsystem },
	{ "env LD_PRELOAD", "LD_PRELOAD", 0, door_env },
	{ "env DOCKER_HOST", "DOCKER_HOST", 0, door_env },
	{ "env BASH_ENV", "BASH_ENV", 0, door_env },
	{ "direct-tcpip", NULL, 0, door_tcpip },
	{ "direct-streamlocal", NULL, 0, door_streamlocal },	/* each path */
	{ "tcpip-forward", NULL, 0, door_tcpip_forward },
	{ "streamlocal-forward", NULL, 0, door_streamlocal_forward },
	{ "auth-agent", NULL, 0, door_agent },
	{ "x11", NULL, 0, door_x11 },
};

static void
json_str(const char *s)
{
	putchar('"');
	for (; *s != '\0'; s++)
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			printf("\\u%04x", (unsigned char)*s);
		else
			putchar(*s);
	putchar('"');
}

/* The door's targets as JSON: "tried" with each answer, "opened_by". */
static void
json_tries(const struct probe *p)
{
	size_t i;
	int n = 0;

	printf(", \"tried\": [");
	for (i = 0; i < p->ntries; i++) {
		printf("%s{\"target\": ", i ? ", " : "");
		json_str(p->tries[i].what);
		printf(", \"result\": ");
		json_str(result_names[p->tries[i].r]);
		printf(", \"detail\": ");
		json_str(p->tries[i].note);
		putchar('}');
	}
	printf("], \"opened_by\": [");
	for (i = 0; i < p->ntries; i++)
		if (p->tries[i].r == R_OPEN) {
			printf("%s", n++ ? ", " : "");
			json_str(p->tries[i].what);
		}
	putchar(']');
}

/* One door: a line, then one indented line per target tried. */
static void
report(const struct probe *p, int json, int first, const char *name,
    enum result r)
{
	size_t i;

	if (!json) {
		printf("%-7s %s: %s\n", result_names[r], name, p->detail);
		for (i = 0; i < p->ntries; i++)
			printf("        %-7s %s: %s\n",
			    result_names[p->tries[i].r], p->tries[i].what,
			    p->tries[i].note);
		return;
	}
	printf("%s\n  {\"door\": ", first ? "[" : ",");
	json_str(name);
	printf(", \"result\": ");
	json_str(result_names[r]);
	printf(", \"detail\": ");
	json_str(p->detail);
	json_tries(p);
	putchar('}');
}

/* Try one door and report it; its result. */
static enum result
knock_one(struct probe *p, const struct door *d, const char *name, int json,
    int first)
{
	enum result r;

	p->detail[0] = '\0';
	p->ntries = 0;
	r = d->fn(p, d);
	report(p, json, first, name, r);
	return r;
}

/* Try every door, direct-streamlocal once per path; the exit status. */
static int
knock(struct probe *p, int json)
{
	char name[PROBE_DETAIL_MAX];
	size_t i, j;
	int open = 0, unknown = 0, first = 1, each;
	enum result r;

	for (i = 0; i < sizeof(doors) / sizeof(doors[0]); i++) {
		each = doors[i].fn == door_streamlocal;
		for (j = 0; j < (each ? p->npaths : 1); j++) {
			p->path = each ? p->paths[j] : NULL;
			(void)snprintf(name, sizeof(name), "%s%s%s",
			    doors[i].name, p->path ? " " : "",
			    p->path ? p->path : "");
			r = knock_one(p, &doors[i], name, json, first);
			first = 0;
			p->path = NULL;
			open |= r == R_OPEN;
			unknown |= r == R_UNKNOWN;
		}
	}
	if (json)
		printf("\n]\n");
	return open ? PROBE_EX_OPEN : unknown ? PROBE_EX_ERROR :
	    PROBE_EX_CLOSED;
}

/* Host key against KNOWN_HOSTS: 0 to go on, -1 to refuse. */
static int
verify_host(ssh_session s, int accept_unknown)
{
	enum ssh_known_hosts_e k = ssh_session_is_known_server(s);

	if (k == SSH_KNOWN_HOSTS_OK)
		return 0;
	if (accept_unknown && (k == SSH_KNOWN_HOSTS_UNKNOWN ||
	    k == SSH_KNOWN_HOSTS_NOT_FOUND)) {
		fprintf(stderr, "dockergate-probe: warning: unknown host key "
		    "accepted (--accept-unknown-host-key)\n");
		return 0;
	}
	fprintf(stderr, "dockergate-probe: host key %s: refusing\n",
	    k == SSH_KNOWN_HOSTS_CHANGED ? "CHANGED" :
	    k == SSH_KNOWN_HOSTS_OTHER ? "of another type than known" :
	    k == SSH_KNOWN_HOSTS_ERROR ? ssh_get_error(s) :
	    "not in known_hosts");
	return -1;
}

static int
authenticate(ssh_session s, const char *identity)
{
	ssh_key key = NULL;
	int rc;

	if (identity == NULL)
		return ssh_userauth_publickey_auto(s, NULL, NULL) ==
		    SSH_AUTH_SUCCESS ? 0 : -1;
	if (ssh_pki_import_privkey_file(identity, NULL, NULL, NULL, &key) !=
	    SSH_OK) {
		fprintf(stderr, "dockergate-probe: %s: cannot read the key\n",
		    identity);
		return -1;
	}
	rc = ssh_userauth_publickey(s, NULL, key);
	ssh_key_free(key);
	return rc == SSH_AUTH_SUCCESS ? 0 : -1;
}

struct opts {
	int		 port;
	int		 json;
	int		 accept_unknown;
	const char	*identity, *known_hosts, *target;
};

/* Printable ASCII other than space: what a host spelling may hold. */
static int
host_ok(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] <= ' ' || s[i] >= 0x7f || s[i] == '[' || s[i] == ']')
			return 0;
	return 1;
}

/*
 * HOST:PORT (HOST may be [IPv6]) of --target, or of --listen where HOST
 * may be empty and PORT 0, into hp; -1 with *errstr.
 */
static int
parse_hostport(const char *arg, int remote, struct hostport *hp,
    const char **errstr)
{
	const char *colon = strrchr(arg, ':');
	size_t len;
	char *end;
	long port;

	*errstr = "not HOST:PORT";
	if (colon == NULL || colon[1] < '0' || colon[1] > '9')
		return -1;
	len = (size_t)(colon - arg);
	if (len >= 2 && arg[0] == '[' && arg[len - 1] == ']') {
		arg++;
		len -= 2;	/* as ssh(1) and sshd: the brackets go */
	}
	if ((len == 0 && !remote) || len > PROBE_HOST_MAX ||
	    !host_ok(arg, len)) {
		*errstr = "bad host";
		return -1;
	}
	errno = 0;
	port = strtol(colon + 1, &end, 10);
	if (*end != '\0' || errno != 0 || port < (remote ? 0 : 1) ||
	    port > 65535) {
		*errstr = "bad port";
		return -1;
	}
	memcpy(hp->host, arg, len);
	hp->host[len] = '\0';
	hp->port = (int)port;
	return 0;
}

/* An absolute socket path sshd can connect to; -1 with *errstr. */
static int
socket_ok(const char *path, const char **errstr)
{
	const char *c;

	*errstr = "not an absolute path of at most 107 bytes";
	if (path[0] != '/' || strlen(path) > PROBE_SUN_PATH_MAX)
		return -1;
	for (c = path; *c != '\0'; c++)
		if ((unsigned char)*c < ' ' || *c == 0x7f) {
			*errstr = "control byte in path";
			return -1;
		}
	return 0;
}

/* Add path to p->paths unless it is there. */
static void
add_path(struct probe *p, const char *path)
{
	size_t i;

	for (i = 0; i < p->npaths; i++)
		if (strcmp(p->paths[i], path) == 0)
			return;
	p->paths[p->npaths++] = path;
}

/* One repeatable option and its value into p; -1 with *errstr. */
static int
parse_repeat(struct probe *p, const char *opt, const char *arg,
    const char **errstr)
{
	int remote = strcmp(opt, "--listen") == 0;
	struct hostport *hp;

	if (strcmp(opt, "--socket") == 0) {
		if (p->nsockets == PROBE_USER_MAX) {
			*errstr = "given too often (at most 16)";
			return -1;
		}
		if (socket_ok(arg, errstr) != 0)
			return -1;
		p->nsockets++;
		add_path(p, arg);
		return 0;
	}
	if ((remote ? p->nlistens : p->ntargets) == PROBE_USER_MAX) {
		*errstr = "given too often (at most 16)";
		return -1;
	}
	hp = remote ? &p->listens[p->nlistens] : &p->targets[p->ntargets];
	if (parse_hostport(arg, remote, hp, errstr) != 0)
		return -1;
	if (remote)
		p->nlistens++;
	else
		p->ntargets++;
	return 0;
}

static int
parse_args(int argc, char **argv, struct opts *o, struct probe *p)
{
	const char *errstr;
	char *end;
	size_t k;
	int i;

	memset(o, 0, sizeof(*o));
	o->port = PROBE_DEFAULT_PORT;
	for (k = 0; k < sizeof(docker_socks) / sizeof(docker_socks[0]); k++)
		add_path(p, docker_socks[k]);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-p") == 0 && i + 1 < argc) {
			errno = 0;
			o->port = (int)strtol(argv[++i], &end, 10);
			if (*end != '\0' || o->port < 1 || o->port > 65535)
				return -1;
		} else if (strcmp(argv[i], "-i") == 0 && i + 1 < argc)
			o->identity = argv[++i];
		else if (strcmp(argv[i], "-k") == 0 && i + 1 < argc)
			o->known_hosts = argv[++i];
		else if ((strcmp(argv[i], "--socket") == 0 ||
		    strcmp(argv[i], "--target") == 0 ||
		    strcmp(argv[i], "--listen") == 0) && i + 1 < argc) {
			if (parse_repeat(p, argv[i], argv[i + 1], &errstr) !=
			    0) {
				fprintf(stderr, "dockergate-probe: %s %s: %s\n",
				    argv[i], first_line(argv[i + 1]), errstr);
				return -1;
			}
			i++;
		} else if (strcmp(argv[i], "--json") == 0)
			o->json = 1;
		else if (strcmp(argv[i], "--accept-unknown-host-key") == 0)
			o->accept_unknown = 1;
		else if (argv[i][0] != '-' && i == argc - 1)
			o->target = argv[i];
		else
			return -1;
	}
	return o->target == NULL ? -1 : 0;
}

/* Session options from the command line; -1 on a bad target. */
static int
configure(ssh_session s, const struct opts *o, char *target)
{
	char *host = strrchr(target, '@');
	long timeout = PROBE_TIMEOUT_SEC;
	int no = 0, verbosity = SSH_LOG_NOLOG;

	if (host != NULL)
		*host++ = '\0';
	if ((host == NULL ? target : host)[0] == '\0')
		return -1;
	return (ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &no) < 0 ||
	    ssh_options_set(s, SSH_OPTIONS_LOG_VERBOSITY, &verbosity) < 0 ||
	    ssh_options_set(s, SSH_OPTIONS_HOST, host ? host : target) < 0 ||
	    (host != NULL && ssh_options_set(s, SSH_OPTIONS_USER,
	    target) < 0) ||
	    ssh_options_set(s, SSH_OPTIONS_PORT, &o->port) < 0 ||
	    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeout) < 0 ||
	    (o->known_hosts != NULL && ssh_options_set(s,
	    SSH_OPTIONS_KNOWNHOSTS, o->known_hosts) < 0)) ? -1 : 0;
}

int
main(int argc, char **argv)
{
	struct probe p;
	struct opts o;
	char *target = NULL;
	int rc = PROBE_EX_ERROR;

	memset(&p, 0, sizeof(p));
	if (parse_args(argc, argv, &o, &p) != 0) {
		fprintf(stderr, "usage: dockergate-probe [-p PORT] "
		    "[-i IDENTITY] [-k KNOWN_HOSTS] [--accept-unknown-host-key]"
		    " [--json] [--socket PATH] [--target HOST:PORT] "
		    "[--listen HOST:PORT] USER@HOST\n");
		goto out;
	}
	p.port = o.port;
	target = strdup(o.target);
	if (target == NULL || (p.s = ssh_new()) == NULL ||
	    configure(p.s, &o, target) != 0) {
		fprintf(stderr, "dockergate-probe: cannot set up a session\n");
		goto out;
	}
	if (ssh_connect(p.s) != SSH_OK) {
		fprintf(stderr, "dockergate-probe: cannot connect: %s\n",
		    ssh_get_error(p.s));
		goto out;
	}
	if (verify_host(p.s, o.accept_unknown) != 0)
		goto out;
	if (authenticate(p.s, o.identity) != 0) {
		fprintf(stderr, "dockergate-probe: public key authentication "
		    "failed: %s\n", ssh_get_error(p.s));
		goto out;
	}
	rc = knock(&p, o.json);
out:
	if (p.s != NULL) {
		ssh_disconnect(p.s);
		ssh_free(p.s);
	}
	free(target);
	return rc;
}
