/*
 * probe.c: dockergate-probe, the deployment attacked from outside.
 *
 * Connects to sshd as the gateway's account with libssh, verifies the host
 * key, authenticates with a public key, then knocks on every door an SSH
 * client has (DESIGN §2.1, §5): shell, pty, exec, subsystem, env,
 * forwardings in both directions, agent, X11.  Each door is a row of a
 * table; each is reported closed, OPEN or not tested.  A separate program:
 * the only user of libssh, never linked into the gateway.
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
 *   "not tested", or an error (exit 2).
 * - Remote output is bounded and printed with control bytes replaced.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libssh/libssh.h>

#define PROBE_EX_CLOSED		0	/* every door tested is closed */
#define PROBE_EX_OPEN		1	/* a door is open */
#define PROBE_EX_ERROR		2	/* usage, connect, host key, auth */
#define PROBE_TIMEOUT_SEC	10	/* connect, and each door */
#define PROBE_POLL_MS		100	/* one read wait on a channel */
#define PROBE_ERR_MAX		512	/* bytes kept of a remote stderr */
#define PROBE_OUT_MAX		512	/* bytes kept of a remote stdout */
#define PROBE_DETAIL_MAX	512	/* bytes of one door's detail */
#define PROBE_DEFAULT_PORT	22
#define PROBE_EXIT_PARSE	65	/* the gateway's: unparseable */
#define PROBE_EXIT_DENIED	77	/* the gateway's: denied */
#define PROBE_EXIT_CONFIG	78	/* the gateway's: bad policy */
#define PROBE_DOCKER_SOCK	"/var/run/docker.sock"
#define PROBE_REFUSAL		"dockergate: "	/* the gateway's own stderr */
#define PROBE_ENV_VALUE		"/dg-probe"	/* value of env requests */

enum result { R_CLOSED, R_OPEN, R_UNTESTED, R_ERROR };

static const char *const result_names[] = {
	"closed", "OPEN", "not tested", "error"
};

struct probe {
	ssh_session	 s;
	int		 port;
	const char	*socket;	/* --socket PATH, or NULL */
	char		 detail[PROBE_DETAIL_MAX];
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
	(void)say(p, R_ERROR, "cannot open a session channel: %s",
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
		return R_ERROR;
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
		return R_ERROR;
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
		return R_ERROR;
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
		return R_ERROR;
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
		return R_ERROR;
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
 * A refused channel open.  sshd gives one answer ("open failed") both for
 * a forbidden forwarding and for a target that does not accept, so only an
 * open that succeeds proves the door open: point it at a live target.
 */
static enum result
open_failed(struct probe *p, const char *what)
{
	if (!ssh_is_connected(p->s))
		return say(p, R_ERROR, "%s: %s", what, ssh_get_error(p->s));
	return say(p, R_CLOSED, "%s refused (%s)", what, ssh_get_error(p->s));
}

static enum result
door_tcpip(struct probe *p, const struct door *d)
{
	ssh_channel ch = ssh_channel_new(p->s);
	enum result res;

	(void)d;
	if (ch == NULL)
		return say(p, R_ERROR, "%s", ssh_get_error(p->s));
	if (ssh_channel_open_forward(ch, "127.0.0.1", p->port, "127.0.0.1",
	    0) == SSH_OK)
		res = say(p, R_OPEN, "direct-tcpip to 127.0.0.1:%d opened",
		    p->port);
	else
		res = open_failed(p, "direct-tcpip");
	channel_done(ch);
	return res;
}

static enum result
door_streamlocal(struct probe *p, const struct door *d)
{
	const char *path = d->arg ? d->arg : p->socket;
	ssh_channel ch;
	enum result res;

	if (path == NULL)
		return say(p, R_UNTESTED, "no --socket given");
	if ((ch = ssh_channel_new(p->s)) == NULL)
		return say(p, R_ERROR, "%s", ssh_get_error(p->s));
	if (ssh_channel_open_forward_unix(ch, path, "127.0.0.1", 0) ==
	    SSH_OK)
		res = say(p, R_OPEN, "direct-streamlocal to %s opened: the "
		    "raw Docker API, past any forced command", path);
	else
		res = open_failed(p, "direct-streamlocal");
	channel_done(ch);
	return res;
}

static enum result
door_tcpip_forward(struct probe *p, const struct door *d)
{
	int bound = 0;

	(void)d;
	if (ssh_channel_listen_forward(p->s, "127.0.0.1", 0, &bound) !=
	    SSH_OK)
		return say(p, R_CLOSED, "tcpip-forward refused");
	(void)ssh_channel_cancel_forward(p->s, "127.0.0.1", bound);
	return say(p, R_OPEN, "tcpip-forward accepted: the server listened "
	    "on 127.0.0.1:%d", bound);
}

static enum result
door_streamlocal_forward(struct probe *p, const struct door *d)
{
	(void)d;
	return say(p, R_UNTESTED, "libssh has no client call for "
	    "streamlocal-forward@openssh.com; sshd allows it exactly when it "
	    "allows direct-streamlocal (AllowStreamLocalForwarding, "
	    "DisableForwarding)");
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
		return R_ERROR;
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
		return R_ERROR;
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
	{ "direct-streamlocal " PROBE_DOCKER_SOCK, PROBE_DOCKER_SOCK, 0,
	    door_streamlocal },
	{ "direct-streamlocal --socket", NULL, 0, door_streamlocal },
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

static void
report(int json, int first, const char *name, enum result r,
    const char *detail)
{
	if (!json) {
		printf("%-7s %s: %s\n", result_names[r], name, detail);
		return;
	}
	printf("%s\n  {\"door\": ", first ? "[" : ",");
	json_str(name);
	printf(", \"result\": ");
	json_str(result_names[r]);
	printf(", \"detail\": ");
	json_str(detail);
	putchar('}');
}

/* Try every door; the exit status. */
static int
knock(struct probe *p, int json)
{
	char name[PROBE_DETAIL_MAX];
	size_t i;
	int open = 0, error = 0;
	enum result r;

	for (i = 0; i < sizeof(doors) / sizeof(doors[0]); i++) {
		p->detail[0] = '\0';
		r = doors[i].fn(p, &doors[i]);
		(void)snprintf(name, sizeof(name), "%s", doors[i].name);
		if (doors[i].fn == door_streamlocal && doors[i].arg == NULL &&
		    p->socket != NULL)
			(void)snprintf(name, sizeof(name),
			    "direct-streamlocal %s", p->socket);
		report(json, i == 0, name, r, p->detail);
		open |= r == R_OPEN;
		error |= r == R_ERROR;
	}
	if (json)
		printf("\n]\n");
	return open ? PROBE_EX_OPEN : error ? PROBE_EX_ERROR :
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
	const char	*identity, *known_hosts, *socket, *target;
};

static int
parse_args(int argc, char **argv, struct opts *o)
{
	char *end;
	int i;

	memset(o, 0, sizeof(*o));
	o->port = PROBE_DEFAULT_PORT;
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
		else if (strcmp(argv[i], "--socket") == 0 && i + 1 < argc)
			o->socket = argv[++i];
		else if (strcmp(argv[i], "--json") == 0)
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
	if (parse_args(argc, argv, &o) != 0) {
		fprintf(stderr, "usage: dockergate-probe [-p PORT] "
		    "[-i IDENTITY] [-k KNOWN_HOSTS] [--accept-unknown-host-key]"
		    " [--json] [--socket PATH] USER@HOST\n");
		goto out;
	}
	p.port = o.port;
	p.socket = o.socket;
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
