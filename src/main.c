/*
 * main.c: the pipeline, nothing else.
 *
 *   session:  options -> context -> policy -> audit
 *   request:  evaluate (cmdline -> grammar -> resolve -> decide -> render)
 *             -> audit -> run
 *
 * A session (one ssh connection) holds who is asking and under which
 * policy; a call holds one request on its way down.  evaluate() is the
 * one way a command string becomes a verdict and a canonical argv, for
 * forced mode, -c and --explain alike; it writes nothing.
 *
 * Invariants:
 * - Options come from our own command line only (set by the admin in
 *   ForceCommand or authorized_keys), never from the client's environment.
 * - Every refusal is exactly one "dockergate: " line on stderr and, once
 *   the policy is loaded, one audit record; nothing runs unless the decision
 *   record was written (or audit is not required).
 * - Only main and run.c exit or exec.
 */
#include <sys/random.h>
#include <sys/types.h>

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <sysexits.h>
#include <unistd.h>

#include <jansson.h>

#include "approval.h"
#include "audit.h"
#include "cmdline.h"
#include "commands.h"
#include "compose.h"
#include "decide.h"
#include "dockerfile.h"
#include "doctor.h"
#include "engine.h"
#include "grammar.h"
#include "help.h"
#include "learn.h"
#include "mcp.h"
#include "policy.h"
#include "quota.h"
#include "reap.h"
#include "render.h"
#include "resolve.h"
#include "redact.h"
#include "run.h"
#include "trust.h"
#include "util.h"

#define DG_VERSION	"0.1.0"
#define EX_REFUSED	1	/* interactive login refused, usage */
#define MCP_NONCE_BYTES	8	/* random bytes of an MCP call's session
				   label, after the session id */

enum mode { MODE_FORCED, MODE_CHECK, MODE_EXPLAIN };

struct opts {
	enum mode	 mode;
	const char	*policy;
	const char	*role;
	const char	*command;	/* -c STRING or --explain STRING */
	int		 json;
	int		 content_only;	/* --check --content-only */
	int		 mcp;		/* --mcp: serve MCP on stdin/stdout */
};

/* Who is asking, under which policy: one per connection. */
struct session {
	struct opts	 o;
	struct passwd	*pw;
	const char	*role;
	struct policy	*pol;
	struct audit	 audit;
	int		 audit_open;
	char		 cwd[PATH_MAX];
	const char	*label;		/* SESSION_LABEL value when not
					   audit.session: an MCP call's own */
};

/* Everything one request accumulates on its way down the pipeline. */
struct call {
	struct session	*s;
	const char	*command;	/* raw client string, or NULL */
	struct strv	 words;
	struct request	 req;
	struct verdict	 v;
	struct strv	 argv;		/* canonical: what runs */
	struct audit_call ac;		/* what its records add */
	int		 labelled;	/* argv labels containers with the
					   session (CMD_SESSION_LABEL) */
	char		*in;		/* a build's standard input, read
					   whole (compose_build_stdin) */
	size_t		 inlen;
	int		 quota_fd;	/* the role's quota lock, or -1 */
	long		 quota_count;	/* containers counted under it */
	int		 quota_done;	/* holder's pipe (quota_hold), or -1 */
	char		 request[APPROVAL_ID_LEN + 1];	/* held request id */
	char		 nonce[APPROVAL_NONCE_LEN + 1];	/* approval used */
};

/*
 * Seed jansson's hash function from getrandom(2).  Left to itself, jansson
 * opens and reads /dev/urandom when the first object is made.  If no
 * random bytes come, seed 0 leaves that to jansson.
 */
static void
seed_json(void)
{
	uint32_t seed = 0;

	if (getrandom(&seed, sizeof(seed), GRND_NONBLOCK) != sizeof(seed))
		seed = 0;
	json_object_seed(seed);
}

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: dockergate [--policy FILE] [--role NAME] [-c STRING]\n"
	    "       dockergate --check [--content-only] [--policy FILE]\n"
	    "       dockergate --explain [--policy FILE] [--role NAME] "
	    "[--json] STRING\n"
	    "       dockergate doctor [--policy FILE] --user NAME "
	    "[--sshd-config FILE] [--json]\n"
	    "       dockergate reap [--policy FILE] [--dry-run]\n"
	    "       dockergate pending [--policy FILE] [--json]\n"
	    "       dockergate approve [--policy FILE] [--ttl D] [--yes] ID\n"
	    "       dockergate deny [--policy FILE] [--reason TEXT] ID\n"
	    "       dockergate learn [--policy FILE] --audit FILE "
	    "[--role NAME] [--since TIME]\n"
	    "       dockergate --mcp [--policy FILE] [--role NAME]\n"
	    "       dockergate --version | --help\n");
}

static void
help(void)
{
	printf("dockergate %s: SSH forced-command gateway for Docker\n\n",
	    DG_VERSION);
	usage(stdout);
	printf("\nsshd runs it as ForceCommand; it reads SSH_ORIGINAL_COMMAND,"
	    " checks the parsed\ndocker command against the policy (default "
	    POLICY_DEFAULT_PATH "),\nrecords the decision and runs docker with"
	    " a canonical argv.\n\n"
	    "  --policy FILE   policy file\n"
	    "  --role NAME     role in the policy (default: login name)\n"
	    "  -c STRING       run STRING (login-shell mode)\n"
	    "  --check         validate the policy, print every problem\n"
	    "  --content-only  with --check: no owner/mode checks (build "
	    "time)\n"
	    "  --explain STR   decide STRING without running it\n"
	    "  --json          with --explain: one JSON object\n"
	    "  --mcp           serve MCP on stdin/stdout (client command "
	    "mcp)\n"
	    "  doctor          audit the sshd and account set-up (as root)\n"
	    "  reap            remove containers past their lifetime (as root)\n"
	    "  --dry-run       with reap: list them, remove nothing\n"
	    "  pending         list requests held for approval (as root)\n"
	    "  approve ID      approve a held request, once (as root; --ttl, "
	    "--yes)\n"
	    "  deny ID         deny a held request (as root; --reason)\n"
	    "  learn           print the policy with a role's rules learnt "
	    "from the audit\n"
	    "  --audit FILE    with learn: the audit file (JSON lines)\n"
	    "  --since TIME    with learn: records from TIME on (UTC, "
	    "YYYY-MM-DD[THH:MM:SS])\n\n"
	    "Exit status: docker's own when run; 65 unparseable command; "
	    "77 denied;\n78 policy error; 69 service unavailable; 75 held "
	    "for approval;\n1 interactive login refused.\nSee dockergate(8), "
	    "dockergate.yaml(5).\n");
}

/*
 * Refusal of call c: one stderr line, and an audit record when we can
 * write one.
 */
static int
refuse(struct call *c, int status, const char *what, const char *why)
{
	struct session *s = c->s;
	const char *err = "";
	int lost = 0;

	if (s->audit_open && s->o.mode == MODE_FORCED)
		lost = audit_decision(&s->audit, &c->ac,
		    c->command ? c->command : "",
		    c->command ? strlen(c->command) : 0,
		    c->argv.n ? c->argv.v : NULL, 0, c->v.rule,
		    why[0] ? why : what, &err) != 0;
	/* Still one line: a lost record is said in it (69 says it already;
	 * a policy with no sink keeps no records to lose). */
	lost = lost && status != EX_UNAVAILABLE && (s->pol->audit_syslog ||
	    s->pol->audit_file != NULL);
	fprintf(stderr, "dockergate: %s%s%s%s%s%s\n", what, why[0] ? ": " :
	    "", why, lost ? " (audit record not written: " : "",
	    lost ? err : "", lost ? ")" : "");
	/* Refused after the decision allowed it (the docker binary, the
	 * audit log, the quota lock): the call did not run all the same. */
	if (c->v.allow) {
		c->v.allow = 0;
		(void)snprintf(c->v.reason, sizeof(c->v.reason), "%s%s%s",
		    what, why[0] ? ": " : "", why);
	}
	return status;
}

static int
parse_opts(int argc, char **argv, struct opts *o)
{
	int i;

	memset(o, 0, sizeof(*o));
	o->policy = POLICY_DEFAULT_PATH;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--policy") == 0 && i + 1 < argc)
			o->policy = argv[++i];
		else if (strcmp(argv[i], "--role") == 0 && i + 1 < argc)
			o->role = argv[++i];
		else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			o->command = argv[++i];
		else if (strcmp(argv[i], "--check") == 0)
			o->mode = MODE_CHECK;
		else if (strcmp(argv[i], "--content-only") == 0)
			o->content_only = 1;
		else if (strcmp(argv[i], "--explain") == 0)
			o->mode = MODE_EXPLAIN;
		else if (strcmp(argv[i], "--json") == 0)
			o->json = 1;
		else if (strcmp(argv[i], "--mcp") == 0)
			o->mcp = 1;
		else if (o->mode == MODE_EXPLAIN && o->command == NULL &&
		    i == argc - 1)
			o->command = argv[i];
		else
			return -1;
	}
	if (o->mode == MODE_EXPLAIN && o->command == NULL)
		return -1;
	if (o->mcp && (o->mode != MODE_FORCED || o->command != NULL))
		return -1;
	/* Only a check may skip the file checks: nothing runs on it. */
	if (o->content_only && o->mode != MODE_CHECK)
		return -1;
	return 0;
}

static int
load_policy(struct session *s)
{
	struct strv errs = { NULL, 0, 0 };
	int perm = 0;
	size_t i;

	if ((s->o.content_only ? policy_load_content(s->o.policy, &s->pol,
	    &errs) : policy_load(s->o.policy, &s->pol, &errs, &perm)) == 0)
		return 0;
	if (s->o.mode == MODE_CHECK) {
		for (i = 0; i < errs.n; i++)
			printf("%s\n", errs.v[i]);
		fprintf(stderr, "dockergate: %s: %zu problem%s\n",
		    s->o.policy, errs.n, errs.n == 1 ? "" : "s");
	} else {
		fprintf(stderr, "dockergate: configuration error: %s\n",
		    errs.n ? errs.v[0] : s->o.policy);
		syslog(LOG_AUTHPRIV | LOG_ERR, "configuration error: %s",
		    errs.n ? errs.v[0] : s->o.policy);
	}
	strv_free(&errs);
	return -1;
}

/* --check: a role in observe mode runs what its rules deny; say so. */
static void
observe_warning(const struct policy *pol)
{
	size_t i;

	for (i = 0; i < pol->nroles; i++)
		if (pol->roles[i].observe)
			fprintf(stderr, "dockergate: warning: role %s is in "
			    "observe mode: requests its rules deny are run "
			    "(dockergate learn, then mode: enforce)\n",
			    pol->roles[i].name);
}

/* Who is asking: the account, the role, where from. */
static int
context(struct session *s)
{
	if ((s->pw = getpwuid(getuid())) == NULL) {
		fprintf(stderr, "dockergate: unknown user id %u\n",
		    (unsigned)getuid());
		return -1;
	}
	s->role = s->o.role != NULL ? s->o.role : s->pw->pw_name;
	if (getcwd(s->cwd, sizeof(s->cwd)) == NULL)
		(void)snprintf(s->cwd, sizeof(s->cwd), "%s", s->pw->pw_dir);
	return 0;
}

static const char *
client_addr(char *buf, size_t len)
{
	const char *c = getenv("SSH_CONNECTION");
	const char *sp1, *sp2;

	/* "CLIENT_IP CLIENT_PORT SERVER_IP SERVER_PORT": keep the first two */
	if (c == NULL || (sp1 = strchr(c, ' ')) == NULL ||
	    (sp2 = strchr(sp1 + 1, ' ')) == NULL)
		return "";
	(void)snprintf(buf, len, "%.*s", (int)(sp2 - c), c);
	return buf;
}

static int
open_audit(struct session *s)
{
	char client[128];
	const char *err;

	if (audit_open(&s->audit, s->pol->audit_file, s->pol->audit_syslog,
	    s->pol->audit_required, s->pw->pw_name, s->role,
	    client_addr(client, sizeof(client)), &err) != 0 &&
	    s->pol->audit_required) {
		fprintf(stderr, "dockergate: audit log unavailable: %s\n",
		    err);
		audit_close(&s->audit);
		return -1;
	}
	s->audit_open = 1;
	return 0;
}

/*
 * A build from standard input ("-" as its context or Dockerfile): read all
 * of it, at most BUILD_STDIN_MAX bytes, so that the decision checks the
 * Dockerfile and docker gets exactly the bytes checked.  0, or -1 with
 * *errstr (too long: denied; unreadable).
 */
static int
read_build_stdin(struct call *c, const char **errstr)
{
	size_t cap = 0;
	ssize_t n;

	if (!compose_build_stdin(&c->req))
		return 0;
	c->in = xstrdup("");
	for (;;) {
		if (c->inlen == cap) {
			cap = cap ? 2 * cap : 65536;
			c->in = xreallocarray(c->in, cap + 1, 1);
		}
		n = read(STDIN_FILENO, c->in + c->inlen, cap - c->inlen);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		c->inlen += (size_t)n;
		if (c->inlen > BUILD_STDIN_MAX) {
			*errstr = "the build's standard input is longer than "
			    "BUILD_STDIN_MAX (16 MiB); build from a context "
			    "directory the rule allows instead";
			return -1;
		}
	}
	if (n == -1) {
		*errstr = "cannot read the build's standard input";
		return -1;
	}
	c->in[c->inlen] = '\0';
	return 0;
}

/*
 * The resolver's count for max_containers: in a session, lock the role's
 * quota (once) and count its containers; --explain takes no lock and
 * counts nothing (it shows what a session would run with none).
 */
static int
count_owned(void *ctx, const char *role, long *n, int *unavailable,
    const char **errstr)
{
	struct call *c = ctx;
	char label[QUOTA_LABEL_MAX];

	*n = 0;
	if (c->s->o.mode != MODE_FORCED)
		return 0;
	if (c->quota_fd == -1 && quota_lock(QUOTA_LOCK_DIR, role,
	    QUOTA_LOCK_WAIT_MS, &c->quota_fd, errstr) != 0) {
		*unavailable = 1;
		return -1;
	}
	(void)snprintf(label, sizeof(label), OWNER_LABEL "=%s", role);
	if (engine_count_labelled(c->s->pol->host, label, n, unavailable,
	    errstr) != 0)
		return -1;
	c->quota_count = *n;
	return 0;
}

/*
 * The request of c, from its command string to its verdict and canonical
 * argv: split, parse, read a build's standard input, resolve, decide,
 * render.  Writes nothing and keeps no record.  0 when allowed, else the
 * status to exit with (65 unparseable, 77 denied, 69 unavailable) and the
 * reason in c->v.reason.  The argv is the same for the same request and
 * engine state: the session's own labels come after (label_session).
 */
static int
evaluate(struct session *s, struct call *c)
{
	struct resolver res;
	const char *err;
	size_t rest;

	if (cmdline_split(c->command, strlen(c->command), &c->words,
	    &err) != 0) {
		(void)snprintf(c->v.reason, sizeof(c->v.reason), "%s", err);
		return EX_DATAERR;
	}
	if (cmdline_docker(&c->words, &rest, &err) != 0 ||
	    grammar_parse(c->words.v + rest, c->words.n - rest, &c->req,
	    &err) != 0 || read_build_stdin(c, &err) != 0) {
		(void)snprintf(c->v.reason, sizeof(c->v.reason), "%s", err);
		return EX_NOPERM;
	}
	resolve_init(&res, s->cwd, s->pol->host);
	compose_resolver_init(&res);
	res.stdin_data = c->in;
	res.stdin_len = c->inlen;
	res.count = count_owned;
	res.count_ctx = c;
	(void)decide(s->pol, s->role, &c->req, &res, &c->v);
	/* Held on only for the quota rule that allowed the request. */
	if (c->quota_fd != -1 && (!c->v.allow || !c->v.quota)) {
		(void)close(c->quota_fd);
		c->quota_fd = -1;
	}
	(void)render_argv(&c->req, &c->v, &c->argv);
	if (c->v.allow)
		return 0;
	return c->v.unavailable ? EX_UNAVAILABLE : EX_NOPERM;
}

/* What a refusal by evaluate() says first. */
static const char *
refusal(int status)
{
	switch (status) {
	case EX_DATAERR:
		return "cannot parse command";
	case EX_UNAVAILABLE:
		return "unavailable";
	default:
		return "denied";
	}
}

/*
 * In a session, the containers an allowed request starts carry the
 * session (for run_end_session) and, under a rule with a lifetime, their
 * expiry (for reap).  --explain shows none: its argv stays the same from
 * run to run.
 */
static void
label_session(struct session *s, struct call *c)
{
	struct render_session rs;

	rs.id = !s->audit_open ? NULL : s->label != NULL ? s->label :
	    s->audit.session;
	rs.now = (long long)time(NULL);
	c->labelled = rs.id != NULL &&
	    (c->req.cmd->traits & CMD_SESSION_LABEL);
	strv_free(&c->argv);
	(void)render_session_argv(&c->req, &c->v, &rs, &c->argv);
}

/* Print argv so that a POSIX shell would read it back word for word. */
static void
print_argv(FILE *f, char *const *argv)
{
	const char *p;
	size_t i;

	for (i = 0; argv[i] != NULL; i++) {
		fputs(i ? " " : "", f);
		if (argv[i][0] != '\0' && strspn(argv[i], "abcdefghijklmnopqr"
		    "stuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=./:,@%+") ==
		    strlen(argv[i])) {
			fputs(argv[i], f);
			continue;
		}
		fputc('\'', f);
		for (p = argv[i]; *p != '\0'; p++)
			*p == '\'' ? fputs("'\\''", f) : fputc(*p, f);
		fputc('\'', f);
	}
	fputc('\n', f);
}

static void
explain_json(const struct call *c, int parsed)
{
	json_t *o = json_object(), *a = json_array();
	size_t i;
	char *out;

	json_object_set_new(o, "verdict", json_string(c->v.observe ?
	    "observe" : c->v.allow ? "allow" : "deny"));
	json_object_set_new(o, "rule", json_string(c->v.rule));
	json_object_set_new(o, "reason", json_string(c->v.reason));
	json_object_set_new(o, "command", json_string(c->command));
	for (i = 0; i < c->words.n; i++)
		json_array_append_new(a, json_string(c->words.v[i]));
	json_object_set_new(o, "words", a);
	a = json_array();
	for (i = 0; i < c->argv.n; i++)
		json_array_append_new(a, json_string(c->argv.v[i]));
	json_object_set_new(o, "argv", parsed ? a : json_null());
	if (!parsed)
		json_decref(a);
	if ((out = json_dumps(o, JSON_PRESERVE_ORDER | JSON_COMPACT)) != NULL)
		printf("%s\n", out);
	free(out);
	json_decref(o);
}

static int
explain(struct session *s, struct call *c)
{
	int status;

	c->command = s->o.command;
	status = evaluate(s, c);
	if (s->o.json)
		explain_json(c, c->req.cmd != NULL);
	else {
		printf("verdict: %s\nrule: %s\nreason: %s\nargv: ",
		    c->v.observe ? "observe" : c->v.allow ? "allow" : "deny",
		    c->v.rule, c->v.reason);
		if (c->argv.n)
			print_argv(stdout, c->argv.v);
		else
			printf("-\n");
	}
	if (status != 0)
		fprintf(stderr, "dockergate: %s: %s\n", refusal(status),
		    c->v.reason);
	return status;
}

/* No command: a shell request.  Say what may be run, refuse the shell. */
static int
shell_request(struct session *s, struct call *c)
{
	const struct role *r = policy_role(s->pol, s->role);
	char *t;

	if (r != NULL) {
		t = help_text(r);
		fputs(t, stdout);
		free(t);
	}
	return refuse(c, EX_REFUSED, "interactive login is not available",
	    "");
}

static int
client_help(struct session *s, struct call *c, int json)
{
	const struct role *r = policy_role(s->pol, s->role);
	const char *err;
	char *t;

	if (r == NULL)
		return refuse(c, EX_NOPERM, "denied", "no such role");
	t = json ? help_json(r) : help_text(r);
	fputs(t, stdout);
	free(t);
	if (audit_decision(&s->audit, &c->ac, c->command, strlen(c->command),
	    NULL, 1, "", "help", &err) != 0 && s->pol->audit_required) {
		fprintf(stderr, "dockergate: audit: %s\n", err);
		return EX_UNAVAILABLE;
	}
	return 0;
}

/* An sftp (or other) subsystem forced through our command. */
static int
is_subsystem(const char *cmd)
{
	size_t n = strcspn(cmd, " \t");
	const char *base = cmd;
	const char *p;

	for (p = cmd; p < cmd + n; p++)
		if (*p == '/')
			base = p + 1;
	if (n == 13 && strncmp(cmd, "internal-sftp", 13) == 0)
		return 1;
	return (size_t)(cmd + n - base) == 11 &&
	    strncmp(base, "sftp-server", 11) == 0;
}

static int
trusted(struct session *s, struct call *c)
{
	const char *err;

	/* compose is a CLI plugin: only a root-owned one in a system dir. */
	if (commands_group(c->req.cmd) != NULL &&
	    (c->ac.plugin = compose_plugin_path()) == NULL)
		return refuse(c, EX_UNAVAILABLE, "unavailable", "the compose "
		    "plugin is not installed in a root-owned system plugin "
		    "directory");

	if (trust_path(s->pol->binary, TRUST_EXEC, NULL, 0, &err) != 0)
		return refuse(c, EX_UNAVAILABLE, "docker binary not usable",
		    err);
	if (trust_path(s->pol->config_dir, TRUST_DIR, NULL, 0, &err) != 0)
		return refuse(c, EX_CONFIG, "docker config_dir not usable",
		    err);
	return 0;
}

/*
 * Keep the quota lock until docker has created the containers the request
 * may create (quota.c): one for run and create, compose's count for
 * compose.  The holder lets go once the role's count has grown by that
 * many (quota_hold waits for it to pass the number given).
 */
static int
hold_quota(struct session *s, struct call *c, const char **errstr)
{
	char label[QUOTA_LABEL_MAX];
	long wanted = c->v.quota_new > 0 ? c->v.quota_new : 1;
	int fd = c->quota_fd;

	c->quota_fd = -1;
	(void)snprintf(label, sizeof(label), OWNER_LABEL "=%s", s->role);
	return quota_hold(fd, s->pol->host, label,
	    c->quota_count + wanted - 1, &c->quota_done, errstr);
}

/* Record the decision, run c's canonical argv, record how it ended. */
static int
execute(struct session *s, struct call *c)
{
	struct run_spec spec;
	struct run_result res;
	const char *err;
	int r;

	/* Whatever way in: an approval: true request runs only with an
	 * approval used for it (held()). */
	if (c->v.approval && c->ac.approval == NULL)
		return refuse(c, EX_NOPERM, "denied", "this rule needs a "
		    "person's approval and none was used");
	/* A cap of the record is a cap of what runs, sinks or not. */
	if (audit_fits(c->command, strlen(c->command), c->argv.v, &err) != 0)
		return refuse(c, EX_DATAERR, "command too long", err);
	if (audit_decision(&s->audit, &c->ac, c->command, strlen(c->command),
	    c->argv.v, c->v.observe ? AUDIT_OBSERVE : 1, c->v.rule,
	    c->v.observe ? c->v.reason : "", &err) != 0 &&
	    s->pol->audit_required)
		return refuse(c, EX_UNAVAILABLE, "audit log unavailable", err);
	memset(&spec, 0, sizeof(spec));
	spec.binary = s->pol->binary;
	spec.argv = c->argv.v;
	spec.host = s->pol->host;
	spec.config_dir = s->pol->config_dir;
	spec.home = s->pw->pw_dir;
	spec.user = s->pw->pw_name;
	spec.timeout = s->pol->timeout;
	spec.stdin_data = c->in;
	spec.stdin_len = c->inlen;
	if (c->quota_fd != -1 && hold_quota(s, c, &err) != 0)
		return refuse(c, EX_UNAVAILABLE, "unavailable", err);
	if (c->v.redact & REDACT_EVENTS)
		r = run_exec_lines(&spec, (c->v.redact & REDACT_EVENTS_TEXT) ?
		    redact_event_text : redact_event_json, &res, &err);
	else if (c->v.redact != 0)
		r = run_exec_filtered(&spec, (c->v.redact & REDACT_ENV) ?
		    redact_inspect : redact_build_args, &res, &err);
	else
		r = run_exec(&spec, &res, &err);
	if (r != 0) {
		fprintf(stderr, "dockergate: unavailable: %s\n", err);
		c->v.allow = 0;
		(void)snprintf(c->v.reason, sizeof(c->v.reason),
		    "unavailable: %s", err);
		(void)audit_exit(&s->audit, &c->ac, EX_UNAVAILABLE, 0, 0, &err);
		return EX_UNAVAILABLE;
	}
	/* No message once the client is gone: nobody reads it, and a write
	 * to the closed pipe would end us before the exit record. */
	if ((res.timed_out || res.client_gone) && c->labelled &&
	    run_end_session(&spec, s->label != NULL ? s->label :
	    s->audit.session, &err) != 0 &&
	    !res.client_gone)
		fprintf(stderr, "dockergate: timeout: containers of this "
		    "session may still run: %s\n", err);
	(void)audit_exit(&s->audit, &c->ac, res.status, res.sig,
	    res.duration_ms, &err);
	return res.sig != 0 ? 128 + res.sig : res.status;
}

static void	call_init(struct call *, struct session *);
static void	call_free(struct call *);
static int	held(struct session *, struct call *);

/*
 * One MCP tools/call of docker, in the worker mcp.c forked for it (fds 0-2
 * are the call's): the forced-command pipeline for job->command, its audit
 * records with the call's JSON-RPC id, its containers labelled with a value
 * of their own (the session id and a nonce), so that ending this call ends
 * only them.  No pseudo-terminal in MCP mode (mcp_refused); docker_read
 * runs read-only commands only (mcp_read_refused).
 */
static int
mcp_call(void *ctx, const struct mcp_job *job, struct mcp_outcome *out)
{
	unsigned char nonce[MCP_NONCE_BYTES];
	char label[sizeof(((struct audit *)0)->session) + 1 +
	    2 * MCP_NONCE_BYTES];
	struct session *s = ctx;
	struct call c;
	const char *why;
	size_t i, n;
	int r;

	if (getrandom(nonce, sizeof(nonce), 0) != (ssize_t)sizeof(nonce))
		memset(nonce, 0, sizeof(nonce));
	n = (size_t)snprintf(label, sizeof(label), "%s.", s->audit.session);
	for (i = 0; i < sizeof(nonce) && n + 2 < sizeof(label); i++, n += 2)
		(void)snprintf(label + n, sizeof(label) - n, "%02x", nonce[i]);
	s->label = label;
	call_init(&c, s);
	c.command = job->command;
	c.ac.rpc_id = job->rpc_id;
	out->refused = 1;
	if ((r = evaluate(s, &c)) != 0)
		r = refuse(&c, r, refusal(r), c.v.reason);
	else if ((why = mcp_refused(&c.req)) != NULL || (job->read_only &&
	    (why = mcp_read_refused(&c.req)) != NULL)) {
		c.v.allow = 0;
		c.v.rule[0] = '\0';	/* no rule: MCP mode refuses it */
		(void)snprintf(c.v.reason, sizeof(c.v.reason), "%s", why);
		r = refuse(&c, EX_NOPERM, "denied", why);
	} else {
		/* as forced(): held for a person's approval (approval: true)
		 * in this call's worker, the other calls going on */
		if ((r = trusted(s, &c)) == 0 &&
		    (!c.v.approval || (r = held(s, &c)) == 0)) {
			label_session(s, &c);
			r = execute(s, &c);
		}
		out->refused = !c.v.allow;	/* refused after the decision */
	}
	out->allowed = c.v.allow;
	(void)snprintf(out->rule, sizeof(out->rule), "%s", c.v.rule);
	(void)snprintf(out->reason, sizeof(out->reason), "%s", c.v.reason);
	call_free(&c);
	s->label = NULL;
	return r;
}

/* MCP's help tool, in the session: what help --json prints, recorded. */
static char *
mcp_help(void *ctx, const char *rpc_id, const char **errstr)
{
	struct session *s = ctx;
	const struct role *r = policy_role(s->pol, s->role);
	struct audit_call ac = { .rpc_id = rpc_id };
	int lost;

	if (r == NULL) {
		*errstr = "denied: no such role";
		return NULL;
	}
	lost = audit_decision(&s->audit, &ac, "help --json", 11, NULL, 1, "",
	    "help", errstr) != 0 && s->pol->audit_required;
	return lost ? NULL : help_json(r);
}

/*
 * The client asked for MCP (client command "mcp", or --mcp): serve it on
 * stdin/stdout until end of input, one worker per call (mcp.c).  The
 * session is recorded as a decision ("mcp") and an exit record.
 */
static int
mcp_session(struct session *s, struct call *c)
{
	struct mcp_ops ops;
	struct timespec t0, t1;
	const char *err;
	char *what;
	int r = 0;

	c->command = "mcp";
	if (policy_role(s->pol, s->role) == NULL)
		return refuse(c, EX_NOPERM, "denied", "no such role");
	if (audit_decision(&s->audit, NULL, "mcp", 3, NULL, 1, "",
	    "mcp session", &err) != 0 && s->pol->audit_required)
		return refuse(c, EX_UNAVAILABLE, "audit log unavailable", err);
	what = xasprintf("Docker on this host through dockergate, as role "
	    "%s: every command is checked against the host's policy, "
	    "recorded, and run without a shell or a terminal. Call help "
	    "for what this role may run.", s->role);
	memset(&ops, 0, sizeof(ops));
	ops.ctx = s;
	ops.run = mcp_call;
	ops.help = mcp_help;
	ops.server_version = DG_VERSION;
	ops.instructions = what;
	ops.read_tool = decide_role_offers(policy_role(s->pol, s->role),
	    CMD_READS_ONLY);
	(void)clock_gettime(CLOCK_MONOTONIC, &t0);
	if (mcp_serve(&ops, STDIN_FILENO, STDOUT_FILENO, &err) != 0) {
		fprintf(stderr, "dockergate: mcp: %s\n", err);
		r = EX_UNAVAILABLE;
	}
	(void)clock_gettime(CLOCK_MONOTONIC, &t1);
	(void)audit_exit(&s->audit, NULL, r, 0,
	    (long)(t1.tv_sec - t0.tv_sec) * 1000 +
	    (t1.tv_nsec - t0.tv_nsec) / 1000000, &err);
	free(what);
	return r;
}

/*
 * approval: true (approval.c): c runs only with an approval of this exact
 * request (evaluate()'s argv, before the session's labels), used now;
 * else it is held: 75, or 77 when root denies it, 69; one line each.
 */
static int
held(struct session *s, struct call *c)
{
	struct approval_req rq;
	char client[128], msg[APPROVAL_MSG_MAX];
	int r;

	memset(&rq, 0, sizeof(rq));
	rq.user = s->pw->pw_name;
	rq.uid = getuid();
	rq.role = s->role;
	rq.rule = c->v.rule;
	rq.argv = c->argv.v;
	rq.command = c->command;
	rq.client = client_addr(client, sizeof(client));
	rq.session = s->audit.session;
	r = approval_gate(s->pol, &s->audit, &c->ac, &rq, c->request,
	    c->nonce, msg, sizeof(msg));
	if (r == EX_TEMPFAIL) {	/* the held record says it */
		fprintf(stderr, "dockergate: held for approval: %s\n", msg);
		c->v.allow = 0;
		(void)snprintf(c->v.reason, sizeof(c->v.reason),
		    "held for approval: %.900s", msg);
	} else if (r != 0)
		(void)refuse(c, r, r == EX_NOPERM ? "denied" : "unavailable",
		    msg);
	return r;
}

static int
forced(struct session *s, struct call *c)
{
	int r;

	if (open_audit(s) != 0)
		return EX_UNAVAILABLE;
	if (s->o.mcp)
		return mcp_session(s, c);
	c->command = s->o.command != NULL ? s->o.command :
	    getenv("SSH_ORIGINAL_COMMAND");
	if (c->command == NULL)
		return shell_request(s, c);
	if (strcmp(c->command, "help") == 0)
		return client_help(s, c, 0);
	if (strcmp(c->command, "help --json") == 0)
		return client_help(s, c, 1);
	if (strcmp(c->command, "mcp") == 0)
		return mcp_session(s, c);
	if (is_subsystem(c->command))
		return refuse(c, EX_NOPERM, "denied", "subsystems such as sftp "
		    "are not available through dockergate");
	if ((r = evaluate(s, c)) != 0)
		return refuse(c, r, refusal(r), c->v.reason);
	if ((r = trusted(s, c)) != 0 ||
	    (c->v.approval && (r = held(s, c)) != 0))
		return r;
	label_session(s, c);
	return execute(s, c);
}

static void
call_init(struct call *c, struct session *s)
{
	memset(c, 0, sizeof(*c));
	c->s = s;
	c->quota_fd = c->quota_done = -1;
}

static void
call_free(struct call *c)
{
	if (c->quota_fd != -1)
		(void)close(c->quota_fd);
	if (c->quota_done != -1)
		(void)close(c->quota_done);
	strv_free(&c->argv);
	decide_verdict_free(&c->v);
	grammar_free(&c->req);
	strv_free(&c->words);
	free(c->in);
}

static void
session_free(struct session *s)
{
	if (s->audit_open)
		audit_close(&s->audit);
	policy_free(s->pol);
}

int
main(int argc, char **argv)
{
	struct session s;
	struct call c;
	const char *err;
	int r;

	memset(&s, 0, sizeof(s));
	call_init(&c, &s);
	if (run_sanitize(&err) != 0) {
		fprintf(stderr, "dockergate: %s\n", err);
		return EX_UNAVAILABLE;
	}
	seed_json();
	if (argc >= 2 && strcmp(argv[1], "doctor") == 0)
		return doctor_main(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "reap") == 0)
		return reap_main(argc - 1, argv + 1);
	if (argc >= 2 && (strcmp(argv[1], "pending") == 0 ||
	    strcmp(argv[1], "approve") == 0 || strcmp(argv[1], "deny") == 0))
		return approval_main(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "learn") == 0)
		return learn_main(argc - 1, argv + 1);
	if (argc == 2 && strcmp(argv[1], "--version") == 0) {
		printf("dockergate %s\n", DG_VERSION);
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		help();
		return 0;
	}
	if (parse_opts(argc, argv, &s.o) != 0) {
		usage(stderr);
		fprintf(stderr, "dockergate: invalid arguments\n");
		return EX_REFUSED;
	}
	if (context(&s) != 0)
		return EX_UNAVAILABLE;
	if (load_policy(&s) != 0)
		return EX_CONFIG;
	if (s.o.mode == MODE_CHECK) {
		observe_warning(s.pol);
		printf("%s: OK\n", s.o.policy);
		r = 0;
	} else if (s.o.mode == MODE_EXPLAIN)
		r = explain(&s, &c);
	else
		r = forced(&s, &c);
	call_free(&c);
	session_free(&s);
	return r;
}
