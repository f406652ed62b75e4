/*
 * main.c: the pipeline, nothing else.
 *
 *   context -> cmdline -> grammar -> policy -> decide -> render -> audit -> run
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
#define SESSION_LABEL	"dockergate.session"	/* on the containers a
							   session's run starts */
#define SESSION_MAX_KILL 64	/* containers killed at a session's end */
#define SESSION_LS_MAX	65536	/* bytes of docker output read there */
#define EX_REFUSED	1	/* interactive login refused, usage */

enum mode { MODE_FORCED, MODE_CHECK, MODE_EXPLAIN };

struct opts {
	enum mode	 mode;
	const char	*policy;
	const char	*role;
	const char	*command;	/* -c STRING or --explain STRING */
	int		 json;
	int		 content_only;	/* --check --content-only */
};

/* Everything one request accumulates on its way down the pipeline. */
struct session {
	struct opts	 o;
	struct passwd	*pw;
	const char	*role;
	struct policy	*pol;
	struct audit	 audit;
	int		 audit_open;
	const char	*command;	/* raw client string, or NULL */
	struct strv	 words;
	struct request	 req;
	struct verdict	 v;
	struct strv	 argv;		/* canonical */
	int		 labelled;	/* argv labels containers with the
					   session (CMD_SESSION_LABEL) */
	char		*in;		/* a build's standard input, read
					   whole (compose_build_stdin) */
	size_t		 inlen;
	char		 cwd[PATH_MAX];
	int		 quota_fd;	/* the role's quota lock, or -1 */
	long		 quota_count;	/* containers counted under it */
	int		 quota_done;	/* holder's pipe (quota_hold), or -1 */
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
	    "  doctor          audit the sshd and account set-up (as root)\n"
	    "  reap            remove containers past their lifetime (as root)\n"
	    "  --dry-run       with reap: list them, remove nothing\n\n"
	    "Exit status: docker's own when run; 65 unparseable command; "
	    "77 denied;\n78 policy error; 69 service unavailable; 1 "
	    "interactive login refused.\nSee dockergate(8), "
	    "dockergate.yaml(5).\n");
}

/* Refusal: one stderr line, and an audit record when we can write one. */
static int
refuse(struct session *s, int status, const char *what, const char *why)
{
	const char *err = "";
	int lost = 0;

	if (s->audit_open && s->o.mode == MODE_FORCED)
		lost = audit_decision(&s->audit, s->command ? s->command : "",
		    s->command ? strlen(s->command) : 0, s->argv.n ?
		    s->argv.v : NULL, 0, s->v.rule, why[0] ? why : what,
		    &err) != 0;
	/* Still one line: a lost record is said in it (69 says it already;
	 * a policy with no sink keeps no records to lose). */
	lost = lost && status != EX_UNAVAILABLE && (s->pol->audit_syslog ||
	    s->pol->audit_file != NULL);
	fprintf(stderr, "dockergate: %s%s%s%s%s%s\n", what, why[0] ? ": " :
	    "", why, lost ? " (audit record not written: " : "",
	    lost ? err : "", lost ? ")" : "");
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
		else if (o->mode == MODE_EXPLAIN && o->command == NULL &&
		    i == argc - 1)
			o->command = argv[i];
		else
			return -1;
	}
	if (o->mode == MODE_EXPLAIN && o->command == NULL)
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

/* Split and parse; the status to exit with on failure, else 0. */
static int
parse_request(struct session *s)
{
	const char *err;
	size_t rest;

	if (cmdline_split(s->command, strlen(s->command), &s->words,
	    &err) != 0)
		return refuse(s, EX_DATAERR, "cannot parse command", err);
	if (cmdline_docker(&s->words, &rest, &err) != 0)
		return refuse(s, EX_NOPERM, "denied", err);
	if (grammar_parse(s->words.v + rest, s->words.n - rest, &s->req,
	    &err) != 0)
		return refuse(s, EX_NOPERM, "denied", err);
	return 0;
}

/*
 * A build from standard input ("-" as its context or Dockerfile): read all
 * of it, at most BUILD_STDIN_MAX bytes, so that the decision checks the
 * Dockerfile and docker gets exactly the bytes checked.  0, or -1 with
 * *errstr (too long: denied; unreadable).
 */
static int
read_build_stdin(struct session *s, const char **errstr)
{
	size_t cap = 0;
	ssize_t n;

	if (!compose_build_stdin(&s->req))
		return 0;
	s->in = xstrdup("");
	for (;;) {
		if (s->inlen == cap) {
			cap = cap ? 2 * cap : 65536;
			s->in = xreallocarray(s->in, cap + 1, 1);
		}
		n = read(STDIN_FILENO, s->in + s->inlen, cap - s->inlen);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		s->inlen += (size_t)n;
		if (s->inlen > BUILD_STDIN_MAX) {
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
	s->in[s->inlen] = '\0';
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
	struct session *s = ctx;
	char label[QUOTA_LABEL_MAX];

	*n = 0;
	if (s->o.mode != MODE_FORCED)
		return 0;
	if (s->quota_fd == -1 && quota_lock(QUOTA_LOCK_DIR, role,
	    QUOTA_LOCK_WAIT_MS, &s->quota_fd, errstr) != 0) {
		*unavailable = 1;
		return -1;
	}
	(void)snprintf(label, sizeof(label), OWNER_LABEL "=%s", role);
	if (engine_count_labelled(s->pol->host, label, n, unavailable,
	    errstr) != 0)
		return -1;
	s->quota_count = *n;
	return 0;
}

static int
decide_request(struct session *s)
{
	struct resolver res;

	resolve_init(&res, s->cwd, s->pol->host);
	compose_resolver_init(&res);
	res.stdin_data = s->in;
	res.stdin_len = s->inlen;
	res.count = count_owned;
	res.count_ctx = s;
	(void)decide(s->pol, s->role, &s->req, &res, &s->v);
	/* Held on only for the quota rule that allowed the request. */
	if (s->quota_fd != -1 && (!s->v.allow || !s->v.quota)) {
		(void)close(s->quota_fd);
		s->quota_fd = -1;
	}
	/* Only in a session (not --explain): the label names it. */
	if (s->v.allow && s->audit_open &&
	    (s->req.cmd->traits & CMD_SESSION_LABEL)) {
		strv_take(&s->v.extra_flags, xasprintf("--label="
		    SESSION_LABEL "=%s", s->audit.session));
		s->labelled = 1;
	}
	/* In a session (audit or not), never in --explain: the expiry is
	 * now's, so --explain's argv stays the same from run to run. */
	if (s->v.allow && s->o.mode == MODE_FORCED && s->v.lifetime > 0 &&
	    (s->req.cmd->traits & CMD_OWNABLE))
		strv_take(&s->v.extra_flags, xasprintf("--label=" REAP_LABEL
		    "=%lld", (long long)time(NULL) + s->v.lifetime));
	(void)render_argv(&s->req, &s->v, &s->argv);
	if (s->v.allow)
		return 0;
	if (s->v.unavailable)
		return refuse(s, EX_UNAVAILABLE, "unavailable", s->v.reason);
	return refuse(s, EX_NOPERM, "denied", s->v.reason);
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
explain_json(struct session *s, int parsed)
{
	json_t *o = json_object(), *a = json_array();
	size_t i;
	char *out;

	json_object_set_new(o, "verdict", json_string(s->v.allow ? "allow" :
	    "deny"));
	json_object_set_new(o, "rule", json_string(s->v.rule));
	json_object_set_new(o, "reason", json_string(s->v.reason));
	json_object_set_new(o, "command", json_string(s->command));
	for (i = 0; i < s->words.n; i++)
		json_array_append_new(a, json_string(s->words.v[i]));
	json_object_set_new(o, "words", a);
	a = json_array();
	for (i = 0; i < s->argv.n; i++)
		json_array_append_new(a, json_string(s->argv.v[i]));
	json_object_set_new(o, "argv", parsed ? a : json_null());
	if (!parsed)
		json_decref(a);
	if ((out = json_dumps(o, JSON_PRESERVE_ORDER | JSON_COMPACT)) != NULL)
		printf("%s\n", out);
	free(out);
	json_decref(o);
}

static int
explain(struct session *s)
{
	const char *err;
	size_t rest;
	int status = 0;

	s->command = s->o.command;
	if (cmdline_split(s->command, strlen(s->command), &s->words,
	    &err) != 0)
		status = EX_DATAERR;
	else if (cmdline_docker(&s->words, &rest, &err) != 0 ||
	    grammar_parse(s->words.v + rest, s->words.n - rest, &s->req,
	    &err) != 0 || read_build_stdin(s, &err) != 0)
		status = EX_NOPERM;
	if (status != 0)
		(void)snprintf(s->v.reason, sizeof(s->v.reason), "%s", err);
	else if (decide_request(s) != 0)
		status = s->v.unavailable ? EX_UNAVAILABLE : EX_NOPERM;
	if (s->o.json)
		explain_json(s, s->req.cmd != NULL);
	else {
		printf("verdict: %s\nrule: %s\nreason: %s\nargv: ",
		    s->v.allow ? "allow" : "deny", s->v.rule, s->v.reason);
		if (s->argv.n)
			print_argv(stdout, s->argv.v);
		else
			printf("-\n");
	}
	if (status == EX_DATAERR || (status == EX_NOPERM && !s->req.cmd))
		fprintf(stderr, "dockergate: %s: %s\n", status == EX_DATAERR ?
		    "cannot parse command" : "denied", s->v.reason);
	return status;
}

/* No command: a shell request.  Say what may be run, refuse the shell. */
static int
shell_request(struct session *s)
{
	const struct role *r = policy_role(s->pol, s->role);
	char *t;

	if (r != NULL) {
		t = help_text(r);
		fputs(t, stdout);
		free(t);
	}
	return refuse(s, EX_REFUSED, "interactive login is not available",
	    "");
}

static int
client_help(struct session *s, int json)
{
	const struct role *r = policy_role(s->pol, s->role);
	const char *err;
	char *t;

	if (r == NULL)
		return refuse(s, EX_NOPERM, "denied", "no such role");
	t = json ? help_json(r) : help_text(r);
	fputs(t, stdout);
	free(t);
	if (audit_decision(&s->audit, s->command, strlen(s->command), NULL, 1,
	    "", "help", &err) != 0 && s->pol->audit_required) {
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
trusted(struct session *s)
{
	const char *err;

	/* compose is a CLI plugin: only a root-owned one in a system dir. */
	if (commands_group(s->req.cmd) != NULL &&
	    (s->audit.plugin = compose_plugin_path()) == NULL)
		return refuse(s, EX_UNAVAILABLE, "unavailable", "the compose "
		    "plugin is not installed in a root-owned system plugin "
		    "directory");

	if (trust_path(s->pol->binary, TRUST_EXEC, NULL, 0, &err) != 0)
		return refuse(s, EX_UNAVAILABLE, "docker binary not usable",
		    err);
	if (trust_path(s->pol->config_dir, TRUST_DIR, NULL, 0, &err) != 0)
		return refuse(s, EX_CONFIG, "docker config_dir not usable",
		    err);
	return 0;
}

/*
 * 1 when container id (full, from the session's listing) is one this
 * session started: its SESSION_LABEL is its own, not its image's.
 *
 * The label alone does not prove it.  The session ID is visible on the
 * container while it runs, so a role that may commit, build or import can
 * make an image carrying SESSION_LABEL=session mid-session, and a
 * container someone else starts from it inherits that label.  A per-run
 * nonce would not help: it is just as visible.  Learning the ID from the
 * CLI (--cidfile) would mean a file docker writes on this host, for the
 * same answer.  What an image cannot fake is the value at create: the one
 * container our run creates gets the label from our --label, on an image
 * that existed before the session ID (random, in no record the client
 * reads) could be seen, so that image does not carry it; every other
 * container with the label got it from its image (the gateway refuses the
 * prefix in run --label, compose labels and service container labels),
 * and engine_container, which compares with the image by its immutable
 * ID, drops such a label.  Were the ID to leak before the create, our own
 * container would be spared, never another killed.  A container the
 * engine cannot show us is not killed: -1 with *errstr when the engine
 * failed, 0 when the container is gone.
 */
static int
session_own(const struct session *s, const char *id, const char **errstr)
{
	struct target t;
	size_t i;
	int unavailable, r = 0;

	if (engine_container(s->pol->host, id, &t, &unavailable,
	    errstr) != 0)
		return unavailable ? -1 : 0;
	for (i = 0; i < t.nlabels; i++)
		if (strcmp(t.labels[i].key, SESSION_LABEL) == 0)
			r = strcmp(t.labels[i].value, s->audit.session) == 0;
	decide_target_free(&t);
	return r;
}

/*
 * After a timeout or a client that went away: the container this session
 * started (labelled SESSION_LABEL=session) can outlive the docker CLI,
 * since a PID 1 without a handler ignores the SIGTERM or SIGHUP docker
 * proxied to it.  Kill it if it runs, with the same docker and
 * environment; never a container that only inherited the label from its
 * image (session_own).  0, or -1 with *errstr.
 */
static int
end_session_containers(const struct session *s, const struct run_spec *run,
    const char **errstr)
{
	char filter[64 + sizeof(s->audit.session)], *out = NULL, *p, *e;
	char *lsv[] = { "docker", "container", "ls", "--quiet", "--no-trunc",
	    "--filter", filter, NULL };
	char *killv[4 + SESSION_MAX_KILL + 1] = { "docker", "container",
	    "kill", "--" };
	struct run_spec spec = *run;
	const char *unseen = NULL, *err;
	size_t n = 4;
	int status, r = -1;

	(void)snprintf(filter, sizeof(filter), "label=" SESSION_LABEL "=%s",
	    s->audit.session);
	spec.argv = lsv;
	spec.timeout = RUN_CAPTURE_TIMEOUT_SEC;
	if (run_capture_docker(&spec, &out, SESSION_LS_MAX, &status,
	    errstr) != 0)
		return -1;
	if (status != 0) {
		*errstr = "docker container ls failed";
		goto done;
	}
	/* One full ID per line; anything else is not a container of ours. */
	for (p = out; *p != '\0' && n < 4 + SESSION_MAX_KILL; p = e) {
		e = p + strcspn(p, "\n");
		if (*e == '\n')
			*e++ = '\0';
		if (strlen(p) != 64 || strspn(p, "0123456789abcdef") != 64)
			continue;
		switch (session_own(s, p, &err)) {
		case 1:
			killv[n++] = p;
			break;
		case -1:
			unseen = err;
			break;
		}
	}
	killv[n] = NULL;
	r = 0;
	if (unseen != NULL) {	/* still kill the ones we could check */
		*errstr = unseen;
		r = -1;
	}
	if (n > 4) {
		char *kout = NULL;

		spec.argv = killv;
		if (run_capture_docker(&spec, &kout, SESSION_LS_MAX, &status,
		    errstr) != 0)
			r = -1;
		else if (status != 0) {
			*errstr = "docker container kill failed";
			r = -1;
		}
		free(kout);
	}
done:
	free(out);
	return r;
}

/* Keep the quota lock until docker has created the container (quota.c). */
static int
hold_quota(struct session *s, const char **errstr)
{
	char label[QUOTA_LABEL_MAX];
	int fd = s->quota_fd;

	s->quota_fd = -1;
	(void)snprintf(label, sizeof(label), OWNER_LABEL "=%s", s->role);
	return quota_hold(fd, s->pol->host, label, s->quota_count,
	    &s->quota_done, errstr);
}

static int
execute(struct session *s)
{
	struct run_spec spec;
	struct run_result res;
	const char *err;
	int r;

	/* A cap of the record is a cap of what runs, sinks or not. */
	if (audit_fits(s->command, strlen(s->command), s->argv.v, &err) != 0)
		return refuse(s, EX_DATAERR, "command too long", err);
	if (audit_decision(&s->audit, s->command, strlen(s->command),
	    s->argv.v, 1, s->v.rule, "", &err) != 0 && s->pol->audit_required)
		return refuse(s, EX_UNAVAILABLE, "audit log unavailable", err);
	memset(&spec, 0, sizeof(spec));
	spec.binary = s->pol->binary;
	spec.argv = s->argv.v;
	spec.host = s->pol->host;
	spec.config_dir = s->pol->config_dir;
	spec.home = s->pw->pw_dir;
	spec.user = s->pw->pw_name;
	spec.timeout = s->pol->timeout;
	spec.stdin_data = s->in;
	spec.stdin_len = s->inlen;
	if (s->quota_fd != -1 && hold_quota(s, &err) != 0)
		return refuse(s, EX_UNAVAILABLE, "unavailable", err);
	if (s->v.redact & REDACT_EVENTS)
		r = run_exec_lines(&spec, (s->v.redact & REDACT_EVENTS_TEXT) ?
		    redact_event_text : redact_event_json, &res, &err);
	else if (s->v.redact != 0)
		r = run_exec_filtered(&spec, (s->v.redact & REDACT_ENV) ?
		    redact_inspect : redact_build_args, &res, &err);
	else
		r = run_exec(&spec, &res, &err);
	if (r != 0) {
		fprintf(stderr, "dockergate: unavailable: %s\n", err);
		(void)audit_exit(&s->audit, EX_UNAVAILABLE, 0, 0, &err);
		return EX_UNAVAILABLE;
	}
	/* No message once the client is gone: nobody reads it, and a write
	 * to the closed pipe would end us before the exit record. */
	if ((res.timed_out || res.client_gone) && s->labelled &&
	    end_session_containers(s, &spec, &err) != 0 && !res.client_gone)
		fprintf(stderr, "dockergate: timeout: containers of this "
		    "session may still run: %s\n", err);
	(void)audit_exit(&s->audit, res.status, res.sig, res.duration_ms,
	    &err);
	return res.sig != 0 ? 128 + res.sig : res.status;
}

static int
forced(struct session *s)
{
	const char *err;
	int r;

	if (open_audit(s) != 0)
		return EX_UNAVAILABLE;
	s->command = s->o.command != NULL ? s->o.command :
	    getenv("SSH_ORIGINAL_COMMAND");
	if (s->command == NULL)
		return shell_request(s);
	if (strcmp(s->command, "help") == 0)
		return client_help(s, 0);
	if (strcmp(s->command, "help --json") == 0)
		return client_help(s, 1);
	if (is_subsystem(s->command))
		return refuse(s, EX_NOPERM, "denied", "subsystems such as sftp "
		    "are not available through dockergate");
	if ((r = parse_request(s)) != 0)
		return r;
	if (read_build_stdin(s, &err) != 0)
		return refuse(s, EX_NOPERM, "denied", err);
	if ((r = decide_request(s)) != 0 || (r = trusted(s)) != 0)
		return r;
	return execute(s);
}

static void
cleanup(struct session *s)
{
	if (s->quota_fd != -1)
		(void)close(s->quota_fd);
	if (s->quota_done != -1)
		(void)close(s->quota_done);
	if (s->audit_open)
		audit_close(&s->audit);
	strv_free(&s->argv);
	decide_verdict_free(&s->v);
	grammar_free(&s->req);
	strv_free(&s->words);
	free(s->in);
	policy_free(s->pol);
}

int
main(int argc, char **argv)
{
	struct session s;
	const char *err;
	int r;

	memset(&s, 0, sizeof(s));
	s.quota_fd = s.quota_done = -1;
	if (run_sanitize(&err) != 0) {
		fprintf(stderr, "dockergate: %s\n", err);
		return EX_UNAVAILABLE;
	}
	seed_json();
	if (argc >= 2 && strcmp(argv[1], "doctor") == 0)
		return doctor_main(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "reap") == 0)
		return reap_main(argc - 1, argv + 1);
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
		printf("%s: OK\n", s.o.policy);
		r = 0;
	} else if (s.o.mode == MODE_EXPLAIN)
		r = explain(&s);
	else
		r = forced(&s);
	cleanup(&s);
	return r;
}
