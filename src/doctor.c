/*
 * doctor.c: `dockergate doctor`, the local audit of a deployment.
 *
 * The gateway protects nothing if sshd leaves another door open to an
 * account that can reach the Docker socket (DESIGN §2.1).  doctor reads
 * sshd's effective configuration for the account (sshd -T -C ...), the
 * account's passwd/shadow entry, home and authorized_keys, and the files
 * the policy names, and prints one PASS/WARN/FAIL line per check with the
 * exact fix.  The checks are a table; each is a function of the gathered
 * context.
 *
 * Security invariants:
 * - doctor MUST only read: it changes no file, no account, no config.
 * - sshd MUST be run through run_capture (absolute path, empty environment,
 *   stdin on /dev/null, bounded output and time); no shell, no PATH search.
 * - The account name MUST be validated before it is placed into sshd's -C
 *   connection spec, so it cannot add match criteria of its own.
 * - Files the account owns (authorized_keys) MUST be read with bounded
 *   size and line length and parsed without trusting them; a line doctor
 *   cannot parse MUST count against the deployment, never for it.
 * - A check whose inputs could not be gathered MUST NOT report PASS: it is
 *   skipped, and the check that gathers the input reports the FAIL.
 * - Exit 0 MUST mean that no check FAILed.
 * - Every program a login can run (ForceCommand, command=, the login
 *   shell) MUST pass the gateway's trust walk (trust_path, trust.c), after
 *   the login shell's -c word splitting; text whose meaning to the shell
 *   doctor cannot tell MUST FAIL.
 * - Key options MUST count only when no other login (certificate, host,
 *   GSSAPI, password, AuthorizedKeysCommand) bypasses them, every file
 *   sshd may read was read, and only root may rewrite those files.
 */
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/xattr.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <shadow.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "audit.h"
#include "cmdline.h"
#include "doctor.h"
#include "policy.h"
#include "run.h"
#include "trust.h"
#include "util.h"

#define DOCTOR_ERRBUF		512	/* module message buffer */
#define DOCTOR_USER_MAX		32	/* bytes of an account name */

static char errbuf[DOCTOR_ERRBUF];

/* ------------------------------------------------------------------ */
/* sshd -T output                                                       */
/* ------------------------------------------------------------------ */

int
doctor_sshcfg_parse(const char *text, struct doctor_sshcfg *cfg,
    const char **errstr)
{
	const char *p = text, *e, *sp;
	size_t n, i;

	memset(cfg, 0, sizeof(*cfg));
	for (n = 1; *p != '\0'; p = *e ? e + 1 : e, n++) {
		e = p + strcspn(p, "\n");
		if (e == p)
			continue;
		if (n > DOCTOR_SSHD_MAX_LINES) {
			*errstr = "sshd -T: too many lines";
			goto fail;
		}
		if ((sp = memchr(p, ' ', (size_t)(e - p))) == NULL ||
		    sp == p) {
			*errstr = errfmt(errbuf, sizeof(errbuf),
			    "sshd -T: line %zu: no value", n);
			goto fail;
		}
		strv_take(&cfg->keys, xstrndup(p, (size_t)(sp - p)));
		strv_take(&cfg->values, xstrndup(sp + 1,
		    (size_t)(e - sp - 1)));
		for (i = 0; cfg->keys.v[cfg->keys.n - 1][i] != '\0'; i++)
			cfg->keys.v[cfg->keys.n - 1][i] = (char)tolower(
			    (unsigned char)cfg->keys.v[cfg->keys.n - 1][i]);
	}
	if (cfg->keys.n == 0) {
		*errstr = "sshd -T: no output";
		goto fail;
	}
	return 0;
fail:
	doctor_sshcfg_free(cfg);
	return -1;
}

const char *
doctor_sshcfg_get(const struct doctor_sshcfg *cfg, const char *key)
{
	size_t i;

	for (i = 0; i < cfg->keys.n; i++)
		if (strcmp(cfg->keys.v[i], key) == 0)
			return cfg->values.v[i];
	return NULL;
}

void
doctor_sshcfg_free(struct doctor_sshcfg *cfg)
{
	if (cfg == NULL)
		return;
	strv_free(&cfg->keys);
	strv_free(&cfg->values);
}

/* ------------------------------------------------------------------ */
/* authorized_keys options                                              */
/* ------------------------------------------------------------------ */

/* Key types a line may start with when it carries no options. */
static const char *const key_prefixes[] = {
	"ssh-", "ecdsa-sha2-", "sk-ssh-", "sk-ecdsa-sha2-", NULL
};

/* Flag options: which permission they set, and to what. */
static const struct keyflag {
	const char	*name;
	size_t		 off;
	int		 val;
} keyflags[] = {
	{ "pty",		offsetof(struct doctor_keyopts, pty), 1 },
	{ "no-pty",		offsetof(struct doctor_keyopts, pty), 0 },
	{ "user-rc",		offsetof(struct doctor_keyopts, user_rc), 1 },
	{ "no-user-rc",		offsetof(struct doctor_keyopts, user_rc), 0 },
	{ "port-forwarding",	offsetof(struct doctor_keyopts, port_fwd), 1 },
	{ "no-port-forwarding",	offsetof(struct doctor_keyopts, port_fwd), 0 },
	{ "agent-forwarding",	offsetof(struct doctor_keyopts, agent_fwd), 1 },
	{ "no-agent-forwarding", offsetof(struct doctor_keyopts, agent_fwd), 0 },
	{ "x11-forwarding",	offsetof(struct doctor_keyopts, x11_fwd), 1 },
	{ "no-x11-forwarding",	offsetof(struct doctor_keyopts, x11_fwd), 0 },
};

/* Options sshd knows that change nothing doctor checks. */
static const char *const key_ignored[] = {
	"cert-authority", "no-touch-required", "touch-required",
	"verify-required", "from", "permitopen", "permitlisten",
	"principals", "tunnel", "expiry-time", NULL
};

static int
listed(const char *const *list, const char *name, size_t n)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == n && strncasecmp(*list, name, n) == 0)
			return 1;
	return 0;
}

/* A quoted option value at *pp ('"' first); unescapes \" only, as sshd. */
static char *
quoted_value(const char **pp)
{
	const char *p = *pp + 1;
	char *v = xmalloc(strlen(p) + 1);
	size_t n = 0;

	for (; *p != '\0' && *p != '"'; p++) {
		if (p[0] == '\\' && p[1] == '"')
			p++;
		v[n++] = *p;
	}
	if (*p != '"') {
		free(v);
		return NULL;
	}
	v[n] = '\0';
	*pp = p + 1;
	return v;
}

/* Apply option name (n bytes, value v or NULL); -1 with *errstr if bad. */
static int
apply_option(struct doctor_keyopts *o, const char *name, size_t n, char *v,
    const char **errstr)
{
	size_t i;

	for (i = 0; i < sizeof(keyflags) / sizeof(keyflags[0]); i++)
		if (strlen(keyflags[i].name) == n && v == NULL &&
		    strncasecmp(keyflags[i].name, name, n) == 0) {
			*(int *)(void *)((char *)o + keyflags[i].off) =
			    keyflags[i].val;
			return 0;
		}
	if (n == 8 && v == NULL && strncasecmp(name, "restrict", n) == 0) {
		o->restricted = 1;
		o->pty = o->user_rc = o->port_fwd = o->agent_fwd =
		    o->x11_fwd = 0;
	} else if (n == 7 && v != NULL && strncasecmp(name, "command", n) ==
	    0 && o->command == NULL) {
		o->command = v;
		return 0;
	} else if (n == 11 && v != NULL &&
	    strncasecmp(name, "environment", n) == 0)
		o->nenv++;
	else if (!listed(key_ignored, name, n)) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "bad option %.*s",
		    (int)n, name);
		free(v);
		return -1;
	}
	free(v);
	return 0;
}

/* Parse the option list at p up to the first unquoted blank. */
static int
parse_options(const char *p, struct doctor_keyopts *o, const char **errstr)
{
	const char *name;
	char *v;
	size_t n;

	for (;;) {
		name = p;
		n = strspn(p, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");
		p += n;
		v = NULL;
		if (*p == '=' && (p++, *p != '"' ||
		    (v = quoted_value(&p)) == NULL)) {
			*errstr = "unterminated or unquoted option value";
			return -1;
		}
		if (n == 0 || apply_option(o, name, n, v, errstr) != 0) {
			if (n == 0)
				*errstr = "empty option";
			return -1;
		}
		if (*p == ' ' || *p == '\t')
			return 0;
		if (*p++ != ',') {
			*errstr = "options not followed by a key";
			return -1;
		}
	}
}

int
doctor_key_parse(const char *line, struct doctor_keyopts *o,
    const char **errstr)
{
	const char *p = line + strspn(line, " \t");
	size_t i;

	memset(o, 0, sizeof(*o));
	o->pty = o->user_rc = o->port_fwd = o->agent_fwd = o->x11_fwd = 1;
	if (*p == '\0' || *p == '#' || *p == '\n' || *p == '\r')
		return 0;
	for (i = 0; key_prefixes[i] != NULL; i++)
		if (strncmp(p, key_prefixes[i], strlen(key_prefixes[i])) == 0)
			return 1;
	if (parse_options(p, o, errstr) != 0) {
		doctor_keyopts_free(o);
		return -1;
	}
	return 1;
}

void
doctor_keyopts_free(struct doctor_keyopts *o)
{
	if (o == NULL)
		return;
	free(o->command);
	o->command = NULL;
}

/* ------------------------------------------------------------------ */
/* AcceptEnv, AuthorizedKeysFile, forced commands                       */
/* ------------------------------------------------------------------ */

/*
 * Names that change what runs before or inside the gateway: the dynamic
 * loader's, the docker CLI's, and the shells' start-up files.  A pattern
 * matching any of them, or naming an LD_ / DOCKER_ prefix, is dangerous.
 */
static const char *const env_names[] = {
	"LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT", "DOCKER_HOST",
	"DOCKER_CONFIG", "DOCKER_CONTEXT", "DOCKER_CERT_PATH", "BASH_ENV",
	"ENV", NULL
};
static const char *const env_prefixes[] = { "LD_", "DOCKER_", NULL };

int
doctor_env_dangerous(const char *pattern, const char **name)
{
	size_t i;

	/* sshd's match_pattern knows * and ? only: no escapes. */
	for (i = 0; env_names[i] != NULL; i++)
		if (fnmatch(pattern, env_names[i], FNM_NOESCAPE) == 0) {
			*name = env_names[i];
			return 1;
		}
	for (i = 0; env_prefixes[i] != NULL; i++)
		if (strncmp(pattern, env_prefixes[i],
		    strlen(env_prefixes[i])) == 0) {
			*name = pattern;
			return 1;
		}
	return 0;
}

char *
doctor_expand_keyfile(const char *tok, const char *home, const char *user,
    unsigned uid)
{
	char *out = xstrdup(""), *tmp;
	size_t i;

	for (i = 0; tok[i] != '\0'; i++) {
		if (tok[i] != '%')
			tmp = xasprintf("%s%c", out, tok[i]);
		else if (tok[++i] == 'h')
			tmp = xasprintf("%s%s", out, home);
		else if (tok[i] == 'u')
			tmp = xasprintf("%s%s", out, user);
		else if (tok[i] == 'U')
			tmp = xasprintf("%s%u", out, uid);
		else if (tok[i] == '%')
			tmp = xasprintf("%s%%", out);
		else {
			free(out);
			return NULL;
		}
		free(out);
		out = tmp;
	}
	/* As sshd: a relative path, once expanded, is below the home. */
	if (out[0] != '/') {
		tmp = xasprintf("%s/%s", home, out);
		free(out);
		out = tmp;
	}
	return out;
}

/* Bytes a forced command may hold unquoted: the shell leaves them alone. */
static const char plain_chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "abcdefghijklmnopqrstuvwxyz0123456789/._+:=,@%-";

/*
 * sshd runs a forced command as `<login shell> -c '<command>'`: accept only
 * text whose words the shell cannot change (no expansion, glob, operator,
 * redirection, comment or escape) and whose first word is unquoted.
 */
static int
shell_plain(const char *cmd, const char **errstr)
{
	const char *p, *first = cmd + strspn(cmd, " \t");
	char what[16];
	int q = 0;

	for (p = cmd; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 && *p != ' ' && *p != '\t')
			break;
		if (*p == 0x7f || (q == 0 && *p != ' ' && *p != '\t' &&
		    *p != '\'' && *p != '"' && strchr(plain_chars, *p) == NULL))
			break;
		if (q == '"' && strchr("$`\\!", *p) != NULL)
			break;
		if (q == 0 && (*p == '\'' || *p == '"'))
			q = (unsigned char)*p;
		else if (*p == q)
			q = 0;
		if (q != 0 && p < first + strcspn(first, " \t"))
			break;
	}
	if (*p == '\0' && q == 0)
		return 0;
	if (*p == '\0')
		(void)snprintf(what, sizeof(what), "an open quote");
	else if (isprint((unsigned char)*p))
		(void)snprintf(what, sizeof(what), "`%c`", *p);
	else
		(void)snprintf(what, sizeof(what), "byte 0x%02x",
		    (unsigned char)*p);
	*errstr = errfmt(errbuf, sizeof(errbuf), "%s at column %zu: doctor "
	    "cannot tell exactly what the login shell runs", what,
	    (size_t)(p - cmd) + 1);
	return -1;
}

int
doctor_runs_gateway(const char *command, struct strv *words,
    const char **errstr)
{
	const char *base;

	memset(words, 0, sizeof(*words));
	if (shell_plain(command, errstr) != 0 ||
	    cmdline_split(command, strlen(command), words, errstr) != 0)
		return -1;
	if (words->n == 0) {
		*errstr = "empty command";
		return 0;
	}
	base = strrchr(words->v[0], '/');
	base = base ? base + 1 : words->v[0];
	if (strcmp(base, DOCTOR_GATEWAY_NAME) != 0) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "runs %s, not %s",
		    words->v[0], DOCTOR_GATEWAY_NAME);
		return 0;
	}
	if (words->v[0][0] != '/') {
		*errstr = "the gateway is not named by an absolute path";
		return 0;
	}
	return 1;
}

/* ------------------------------------------------------------------ */
/* The gathered context                                                 */
/* ------------------------------------------------------------------ */

enum status { ST_PASS, ST_WARN, ST_FAIL };

struct result {
	enum status	status;
	char		detail[DOCTOR_MAX_TEXT];
	char		fix[DOCTOR_MAX_TEXT];
};

/* What the account's authorized_keys files say, summed over all lines. */
struct keys {
	const char	*akcommand;	/* AuthorizedKeysCommand, or NULL */
	size_t		 nkeys;
	size_t		 nrestrict;	/* restrict and nothing re-enabled */
	size_t		 ngateway;	/* command= runs the gateway */
	size_t		 nbad;		/* lines failing the forced check */
	char		 bad[DOCTOR_MAX_TEXT];	/* the first such, why */
	size_t		 nfiles;	/* key files read */
	char		 unread[DOCTOR_MAX_TEXT];	/* a file sshd may read
							   and doctor could not,
							   or a list too long */
	char		 rewrite[DOCTOR_MAX_TEXT];	/* a file someone other
							   than root may
							   rewrite, and how */
};

struct ctx {
	const char	*user;
	const char	*policy_path;
	const char	*sshd_config;
	int		 json;
	int		 have_account, have_sshd, have_policy;
	char		*home, *shell;
	uid_t		 uid;
	gid_t		 gid;
	gid_t		 groups[DOCTOR_MAX_GROUPS];
	int		 ngroups;
	const char	*pwfield;	/* the usable password hash's field */
	struct doctor_sshcfg cfg;
	struct keys	 keys;
	struct policy	*pol;
	struct strv	 fc_words;	/* ForceCommand, split; n == 0: none */
};

#define NEED_ACCOUNT	0x1
#define NEED_SSHD	0x2
#define NEED_POLICY	0x4

static void
set(struct result *r, enum status st, const char *fix, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
set(struct result *r, enum status st, const char *fix, const char *fmt, ...)
{
	va_list ap;

	r->status = st;
	va_start(ap, fmt);
	(void)vsnprintf(r->detail, sizeof(r->detail), fmt, ap);
	va_end(ap);
	(void)snprintf(r->fix, sizeof(r->fix), "%s", fix ? fix : "");
}

static const char *
fixfmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Format a fix into a static buffer (valid until the next call). */
static const char *
fixfmt(const char *fmt, ...)
{
	static char buf[DOCTOR_MAX_TEXT];
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return buf;
}

static int
in_groups(const struct ctx *c, gid_t g)
{
	int i;

	for (i = 0; i < c->ngroups; i++)
		if (c->groups[i] == g)
			return 1;
	return g == c->gid;
}

/* Mode-bit answer to "may the account write this?" (ACLs aside). */
static int
writable_by(const struct ctx *c, const struct stat *st)
{
	if (c->uid == 0)
		return 1;
	if (st->st_uid == c->uid)
		return (st->st_mode & S_IWUSR) != 0;
	if (in_groups(c, st->st_gid))
		return (st->st_mode & S_IWGRP) != 0;
	return (st->st_mode & S_IWOTH) != 0;
}

static int
has_acl(const char *path)
{
	return getxattr(path, "system.posix_acl_access", NULL, 0) >= 0;
}

static int
is_no(const struct ctx *c, const char *key)
{
	const char *v = doctor_sshcfg_get(&c->cfg, key);

	return v != NULL && strcmp(v, "no") == 0;
}

static int
is_none(const struct ctx *c, const char *key)
{
	const char *v = doctor_sshcfg_get(&c->cfg, key);

	return v != NULL && strcmp(v, "none") == 0;
}

static const char *
cfgval(const struct ctx *c, const char *key)
{
	const char *v = doctor_sshcfg_get(&c->cfg, key);

	return v ? v : "(unset)";
}

static const char *bypass_login(const struct ctx *, char *, size_t);

/*
 * Key options decide only when every login is a key line doctor read from
 * a file only root may rewrite: no AuthorizedKeysCommand, no certificate,
 * host, GSSAPI or password login, no unread file.
 */
static int
keys_decide(const struct ctx *c)
{
	char why[DOCTOR_MAX_TEXT];

	return c->keys.akcommand == NULL && c->keys.nkeys > 0 &&
	    c->keys.unread[0] == '\0' && c->keys.rewrite[0] == '\0' &&
	    bypass_login(c, why, sizeof(why)) == NULL;
}

/* Every key restricted / forced to the gateway, and nothing else. */
static int
keys_all_restricted(const struct ctx *c)
{
	return keys_decide(c) && c->keys.nrestrict == c->keys.nkeys;
}

static int
keys_all_forced(const struct ctx *c)
{
	return keys_decide(c) && c->keys.ngateway == c->keys.nkeys;
}

/* Why key options do not decide, for a detail; "" if they do. */
static const char *
keys_why_not(const struct ctx *c)
{
	static char buf[DOCTOR_MAX_TEXT];
	char why[DOCTOR_MAX_TEXT];
	const char *b;

	if ((b = bypass_login(c, why, sizeof(why))) != NULL)
		(void)snprintf(buf, sizeof(buf), "; key options do not bind "
		    "%s logins", b);
	else if (c->keys.akcommand != NULL)
		(void)snprintf(buf, sizeof(buf), "; keys from "
		    "AuthorizedKeysCommand %s are not seen", c->keys.akcommand);
	else if (c->keys.unread[0] != '\0')
		(void)snprintf(buf, sizeof(buf), "; %.900s", c->keys.unread);
	else if (c->keys.rewrite[0] != '\0')
		(void)snprintf(buf, sizeof(buf), "; %.900s", c->keys.rewrite);
	else
		buf[0] = '\0';
	return buf;
}

/* ------------------------------------------------------------------ */
/* Gathering: account, sshd -T, authorized_keys, policy                 */
/* ------------------------------------------------------------------ */

static int
valid_user(const char *u)
{
	size_t n = strlen(u);

	return n > 0 && n <= DOCTOR_USER_MAX && u[0] != '-' &&
	    strspn(u, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789._-") == n;
}

/* A hash crypt(3) could match: not locked (! or *), not the "x" marker. */
static int
hash_usable(const char *h)
{
	return h != NULL && h[0] != '!' && h[0] != '*' && strcmp(h, "x") != 0;
}

/*
 * The field of a usable password, as NSS returns the entries, or NULL.
 * pam_unix checks the passwd field unless it is "x" (or "##user"), then
 * the shadow field; sshd without PAM checks the shadow field when there
 * is an entry, else the passwd field.  Either is a password login.
 */
static const char *
usable_password(const char *user, const struct passwd *pw)
{
	const char *pf = pw->pw_passwd;
	struct spwd *sp;
	int shadowed;

	shadowed = strcmp(pf, "x") == 0 || (pf[0] == '#' && pf[1] == '#' &&
	    strcmp(pf + 2, user) == 0);
	if (!shadowed && hash_usable(pf))
		return "/etc/passwd";
	if ((sp = getspnam(user)) != NULL && hash_usable(sp->sp_pwdp))
		return "/etc/shadow";
	return NULL;
}

static void
check_account(struct ctx *c, struct result *r)
{
	struct passwd *pw;
	int n = DOCTOR_MAX_GROUPS;

	if ((pw = getpwnam(c->user)) == NULL) {
		set(r, ST_FAIL, fixfmt("useradd -m -s /bin/sh %s", c->user),
		    "no such account %s", c->user);
		return;
	}
	c->home = xstrdup(pw->pw_dir);
	/* as sshd's do_child: an empty shell field means /bin/sh */
	c->shell = xstrdup(pw->pw_shell[0] ? pw->pw_shell : "/bin/sh");
	c->uid = pw->pw_uid;
	c->gid = pw->pw_gid;
	c->pwfield = usable_password(c->user, pw);
	if (getgrouplist(c->user, c->gid, c->groups, &n) == -1) {
		set(r, ST_FAIL, NULL, "%s is in more than %d groups",
		    c->user, DOCTOR_MAX_GROUPS);
		return;
	}
	c->ngroups = n;
	c->have_account = 1;
	set(r, c->uid == 0 ? ST_FAIL : ST_PASS, c->uid == 0 ?
	    "use an unprivileged account" : NULL, "%s: uid %u, home %s",
	    c->user, (unsigned)c->uid, c->home);
}

/*
 * A forced command runs the gateway (doctor_runs_gateway) and the program
 * it names passes the gateway's own trust walk; the words in *w.
 */
static int
runs_trusted_gateway(const char *command, struct strv *w, const char **err)
{
	if (doctor_runs_gateway(command, w, err) != 1)
		return 0;
	return trust_path(w->v[0], TRUST_EXEC, NULL, 0, err) == 0;
}

/* Count one authorized_keys line; remember the first that falls short. */
static void
keys_line(struct ctx *c, const char *path, size_t n, int r,
    const struct doctor_keyopts *o, const char *err)
{
	struct strv w = { NULL, 0, 0 };
	const char *why = NULL;
	int restricted, forced;

	restricted = r == 1 && o->restricted && !(o->pty || o->user_rc ||
	    o->port_fwd || o->agent_fwd || o->x11_fwd);
	forced = r == 1 && o->command != NULL &&
	    runs_trusted_gateway(o->command, &w, &err);
	strv_free(&w);
	c->keys.nkeys++;
	c->keys.nrestrict += restricted;
	c->keys.ngateway += forced;
	if (r == -1)
		why = err;
	else if (!o->restricted)
		why = "key without restrict";
	else if (!restricted)
		why = "restrict is undone by a later option";
	else if (o->command == NULL)
		why = "key without command=";
	else if (!forced)
		why = err;
	if (why != NULL && c->keys.nbad++ == 0)
		(void)snprintf(c->keys.bad, sizeof(c->keys.bad), "%s:%zu: %s",
		    path, n, why);
}

static void
keys_unread(struct ctx *c, const char *path, const char *why)
{
	if (c->keys.unread[0] == '\0')
		(void)snprintf(c->keys.unread, sizeof(c->keys.unread),
		    "key file %s: %s (sshd may read it; doctor did not)",
		    path, why);
}

/*
 * Open a key file for reading only if it is a regular file: the path may
 * pass through directories the account controls, and opening a device or
 * FIFO it points to could block or act.  Returns the descriptor, or -1
 * with errno (0: not a regular file, which sshd skips too).
 */
static int
keys_open(const char *path, struct stat *st)
{
	char proc[64];
	int pfd, fd, e;

	if ((pfd = open(path, O_PATH | O_CLOEXEC)) == -1)
		return -1;
	fd = -1;
	if (fstat(pfd, st) == -1)
		e = errno;
	else if (!S_ISREG(st->st_mode))
		e = 0;
	else {
		(void)snprintf(proc, sizeof(proc), "/proc/self/fd/%d", pfd);
		fd = open(proc, O_RDONLY | O_NOCTTY | O_CLOEXEC);
		e = errno;
	}
	(void)close(pfd);
	errno = e;
	return fd;
}

/*
 * Read one authorized_keys file (bounded) into c->keys.  Missing is
 * normal; what sshd skips (not a regular file) is skipped; any other
 * failure is noted in c->keys.unread.
 */
static void
keys_file(struct ctx *c, const char *path)
{
	char line[DOCTOR_KEY_MAX_LINE];
	struct doctor_keyopts o;
	struct stat st;
	const char *err = "";
	FILE *f;
	size_t n = 0, total = 0;
	int fd, r;

	memset(&o, 0, sizeof(o));
	if ((fd = keys_open(path, &st)) == -1) {
		if (errno != ENOENT && errno != ENOTDIR && errno != 0)
			keys_unread(c, path, strerror(errno));
		return;
	}
	if ((f = fdopen(fd, "r")) == NULL) {
		keys_unread(c, path, strerror(errno));
		(void)close(fd);
		return;
	}
	c->keys.nfiles++;
	if (trust_path(path, TRUST_FILE, NULL, 0, &err) != 0 &&
	    c->keys.rewrite[0] == '\0')
		(void)snprintf(c->keys.rewrite, sizeof(c->keys.rewrite),
		    "someone other than root may rewrite key file %s (%s)",
		    path, err);
	while (fgets(line, sizeof(line), f) != NULL) {
		n++;
		if ((total += strlen(line)) > DOCTOR_KEYS_MAX_BYTES) {
			keys_line(c, path, n, -1, &o, "file too large");
			break;
		}
		if ((r = doctor_key_parse(line, &o, &err)) != 0)
			keys_line(c, path, n, r, &o, err);
		doctor_keyopts_free(&o);
	}
	if (ferror(f))
		keys_unread(c, path, "read error");
	(void)fclose(f);
}

/* One candidate entry of AuthorizedKeysFile: n bytes at tok. */
static void
keys_entry(struct ctx *c, const char *tok, size_t n)
{
	char *t = xstrndup(tok, n), *path;

	if ((path = doctor_expand_keyfile(t, c->home, c->user,
	    (unsigned)c->uid)) == NULL)
		keys_unread(c, t, "unknown %-sequence");
	else
		keys_file(c, path);
	free(path);
	free(t);
}

/*
 * sshd -T prints the AuthorizedKeysFile entries joined by spaces and
 * unquoted, so an entry with a space cannot be told from two.  Read every
 * run of consecutive words as a path: the entries sshd reads are among
 * them, and a path that does not exist adds nothing.
 */
static void
load_keys(struct ctx *c)
{
	const char *files = doctor_sshcfg_get(&c->cfg, "authorizedkeysfile");
	const char *akc = doctor_sshcfg_get(&c->cfg, "authorizedkeyscommand");
	size_t sp[DOCTOR_KEYS_MAX_WORDS], nsp = 0, i, j, b, e, len;

	if (akc != NULL && strcmp(akc, "none") != 0)
		c->keys.akcommand = akc;
	if (files == NULL || strcmp(files, "none") == 0)
		return;
	len = strlen(files);
	for (i = 0; i < len; i++) {
		if (files[i] != ' ')
			continue;
		if (nsp + 1 == DOCTOR_KEYS_MAX_WORDS) {
			(void)snprintf(c->keys.unread, sizeof(c->keys.unread),
			    "AuthorizedKeysFile has more than %d words; doctor "
			    "reads at most %d", DOCTOR_KEYS_MAX_WORDS,
			    DOCTOR_KEYS_MAX_WORDS);
			return;
		}
		sp[nsp++] = i;
	}
	sp[nsp] = len;
	for (i = 0; i <= nsp; i++)
		for (j = i; j <= nsp; j++) {
			b = i == 0 ? 0 : sp[i - 1] + 1;
			e = sp[j];
			if (e > b)
				keys_entry(c, files + b, e - b);
		}
}

static const char *
exitstr(int status)
{
	static char buf[16];

	(void)snprintf(buf, sizeof(buf), "%d", status);
	return buf;
}

/*
 * Where sshd is: Debian's path, then NixOS's system profile (a link into
 * the store).  The first that exists is the one; doctor runs it as root,
 * so it must pass the trust walk.  NULL with *err when none is usable.
 */
static const char *
sshd_path(const char **err)
{
	static const char *const paths[] = { "/usr/sbin/sshd",
	    "/run/current-system/sw/bin/sshd", NULL };
	size_t i;

	for (i = 0; paths[i] != NULL; i++) {
		if (access(paths[i], F_OK) != 0)
			continue;
		return trust_path(paths[i], TRUST_EXEC, NULL, 0, err) == 0 ?
		    paths[i] : NULL;
	}
	*err = "no sshd at /usr/sbin/sshd or /run/current-system/sw/bin/sshd";
	return NULL;
}

static void
check_sshd_config(struct ctx *c, struct result *r)
{
	char spec[DOCTOR_USER_MAX + 64];
	char *argv[7], *out = NULL;
	const char *err, *fc, *sshd;
	int i = 0, status;

	(void)snprintf(spec, sizeof(spec), "user=%s,host=localhost,"
	    "addr=127.0.0.1", c->user);
	if ((sshd = sshd_path(&err)) == NULL) {
		set(r, ST_FAIL, fixfmt("install OpenSSH's sshd root-owned, in "
		    "root-owned directories"), "cannot ask sshd for its "
		    "configuration: %s", err);
		return;
	}
	argv[i++] = (char *)sshd;
	argv[i++] = "-T";
	if (c->sshd_config != NULL) {
		argv[i++] = "-f";
		argv[i++] = (char *)c->sshd_config;
	}
	argv[i++] = "-C";
	argv[i++] = spec;
	argv[i] = NULL;
	if (run_capture(sshd, argv, &out, DOCTOR_SSHD_MAX_OUT,
	    DOCTOR_SSHD_TIMEOUT, &status, &err) != 0 || status != 0 ||
	    doctor_sshcfg_parse(out, &c->cfg, &err) != 0) {
		set(r, ST_FAIL, fixfmt("run `%s -T%s%s -C %s` and correct "
		    "what it reports", sshd, c->sshd_config ?
		    " -f " : "", c->sshd_config ? c->sshd_config : "", spec),
		    "cannot read sshd's effective configuration: %s%s",
		    out == NULL || status == 0 ? err : "sshd -T exited ",
		    out == NULL || status == 0 ? "" : exitstr(status));
		free(out);
		return;
	}
	free(out);
	c->have_sshd = 1;
	fc = doctor_sshcfg_get(&c->cfg, "forcecommand");
	if (fc != NULL && strcmp(fc, "none") != 0 &&
	    doctor_runs_gateway(fc, &c->fc_words, &err) != 1)
		strv_free(&c->fc_words);
	load_keys(c);
	set(r, ST_PASS, NULL, "sshd -T -C %s", spec);
}

static void
check_policy(struct ctx *c, struct result *r)
{
	struct strv errs = { NULL, 0, 0 };
	int perm = 0;

	if (policy_load(c->policy_path, &c->pol, &errs, &perm) == 0) {
		c->have_policy = 1;
		set(r, ST_PASS, NULL, "%s loads; root-owned, not writable by "
		    "group or others", c->policy_path);
		return;
	}
	set(r, ST_FAIL, perm ? fixfmt("chown root:root %s && chmod go-w %s "
	    "(and each parent directory named)", c->policy_path,
	    c->policy_path) : fixfmt("dockergate --check --policy %s shows "
	    "every problem", c->policy_path), "%s", errs.n ? errs.v[0] :
	    c->policy_path);
	strv_free(&errs);
}

/* ------------------------------------------------------------------ */
/* sshd checks                                                          */
/* ------------------------------------------------------------------ */

/* The kbd-interactive setting (its older name on older sshd). */
static const char *
kbd_value(const struct ctx *c)
{
	const char *v = doctor_sshcfg_get(&c->cfg,
	    "kbdinteractiveauthentication");

	if (v == NULL)
		v = doctor_sshcfg_get(&c->cfg,
		    "challengeresponseauthentication");
	return v ? v : "(unset)";
}

/* sshd asks for a password (pam_unix, or crypt(3) without PAM) at all. */
static int
password_asked(const struct ctx *c)
{
	return !is_no(c, "passwordauthentication") ||
	    (strcmp(kbd_value(c), "no") != 0 && !is_no(c, "usepam"));
}

/*
 * A password login sshd would accept: PasswordAuthentication with a
 * usable password in the files, or with PAM or Kerberos (which doctor
 * cannot see into), or keyboard-interactive through PAM.
 */
static const char *
password_login(const struct ctx *c, char *buf, size_t n)
{
	const char *krb = doctor_sshcfg_get(&c->cfg, "kerberosauthentication");
	int pam = !is_no(c, "usepam");
	int outside = pam || (krb != NULL && strcmp(krb, "no") != 0);

	if (!is_no(c, "passwordauthentication") && (c->pwfield != NULL ||
	    outside))
		(void)snprintf(buf, n, "password (PasswordAuthentication %s, "
		    "UsePAM %s%s%s)", cfgval(c, "passwordauthentication"),
		    cfgval(c, "usepam"), c->pwfield ? ", a password in " : "",
		    c->pwfield ? c->pwfield : "");
	else if (strcmp(kbd_value(c), "no") != 0 && pam)
		(void)snprintf(buf, n, "keyboard-interactive "
		    "(KbdInteractiveAuthentication %s, UsePAM %s)",
		    kbd_value(c), cfgval(c, "usepam"));
	else
		return NULL;
	return buf;
}

/* A login that no authorized_keys line governs (in buf), or NULL. */
static const char *
bypass_login(const struct ctx *c, char *buf, size_t n)
{
	static const char *const none[] = { "trustedusercakeys",
	    "authorizedprincipalsfile", "authorizedprincipalscommand", NULL };
	static const char *const no[] = { "hostbasedauthentication",
	    "gssapiauthentication", NULL };
	const char *v;
	size_t i;

	for (i = 0; none[i] != NULL; i++)
		if ((v = doctor_sshcfg_get(&c->cfg, none[i])) != NULL &&
		    strcmp(v, "none") != 0) {
			(void)snprintf(buf, n, "certificate (%s %s)", none[i],
			    v);
			return buf;
		}
	for (i = 0; no[i] != NULL; i++)
		if ((v = doctor_sshcfg_get(&c->cfg, no[i])) != NULL &&
		    strcmp(v, "no") != 0) {
			(void)snprintf(buf, n, "%s (%s %s)", i == 0 ?
			    "host-based" : "GSSAPI", no[i], v);
			return buf;
		}
	return password_login(c, buf, n);
}

/* ChrootDirectory for the account, or NULL. */
static const char *
chroot_dir(const struct ctx *c)
{
	const char *v = doctor_sshcfg_get(&c->cfg, "chrootdirectory");

	return c->have_sshd && v != NULL && strcmp(v, "none") != 0 ? v : NULL;
}

static void
check_chroot(struct ctx *c, struct result *r)
{
	const char *v = chroot_dir(c);

	if (v == NULL)
		set(r, ST_PASS, NULL, "ChrootDirectory none");
	else
		set(r, ST_FAIL, fixfmt("remove ChrootDirectory from the "
		    "`Match User %s` block (the gateway needs the host's "
		    "docker CLI, socket and policy)", c->user),
		    "ChrootDirectory %s: sshd runs the jail's login shell and "
		    "the jail's copy of the forced command, with the jail's "
		    "libraries; doctor checks only the host's", v);
}

static void
check_authkeys(struct ctx *c, struct result *r)
{
	if (c->keys.unread[0] != '\0')
		set(r, ST_FAIL, strncmp(c->keys.unread, "key file", 8) == 0 ?
		    "make the file readable by root, or remove it from "
		    "AuthorizedKeysFile" : "list fewer AuthorizedKeysFile "
		    "entries (one root-owned file per account is enough)",
		    "%s", c->keys.unread);
	else if (c->keys.rewrite[0] != '\0')
		set(r, ST_WARN, fixfmt("AuthorizedKeysFile /etc/ssh/"
		    "authorized_keys/%%u (root-owned, mode 0644)"), "%s: its "
		    "key options count for nothing", c->keys.rewrite);
	else
		set(r, ST_PASS, NULL, "%zu key line(s) in %zu file(s), every "
		    "AuthorizedKeysFile entry read%s", c->keys.nkeys,
		    c->keys.nfiles, c->keys.akcommand ? " (keys from "
		    "AuthorizedKeysCommand are not seen)" : "");
}

static void
check_forced_keys(struct ctx *c, struct result *r)
{
	char fix[DOCTOR_MAX_TEXT], why[DOCTOR_MAX_TEXT];
	const char *login;

	(void)snprintf(fix, sizeof(fix), "in a `Match User %s` block: "
	    "ForceCommand %s --policy %s", c->user, DOCTOR_GATEWAY_PATH,
	    c->policy_path);
	if ((login = bypass_login(c, why, sizeof(why))) != NULL)
		set(r, ST_FAIL, fix, "no ForceCommand, and %s logins carry no "
		    "command= line", login);
	else if (c->keys.akcommand != NULL)
		set(r, ST_FAIL, fix, "no ForceCommand, and keys from "
		    "AuthorizedKeysCommand %s cannot be checked",
		    c->keys.akcommand);
	else if (c->keys.unread[0] != '\0')
		set(r, ST_FAIL, fix, "no ForceCommand; %s", c->keys.unread);
	else if (c->keys.nkeys == 0)
		set(r, ST_WARN, fix, "no ForceCommand and no authorized key: "
		    "nothing forces %s", DOCTOR_GATEWAY_NAME);
	else if (c->keys.nbad > 0)
		set(r, ST_FAIL, fixfmt("%s; or prefix every key with "
		    "restrict,command=\"%s --policy %s\" (a root-owned "
		    "gateway)", fix, DOCTOR_GATEWAY_PATH, c->policy_path),
		    "no ForceCommand; %s", c->keys.bad);
	else if (c->keys.rewrite[0] != '\0')
		set(r, ST_FAIL, fixfmt("AuthorizedKeysFile /etc/ssh/"
		    "authorized_keys/%%u (root-owned, mode 0644), or %s", fix),
		    "no ForceCommand, and %s: a rewritten key would not be "
		    "forced", c->keys.rewrite);
	else
		set(r, ST_PASS, NULL, "every key (%zu) has restrict,command=%s "
		    "naming a root-owned gateway", c->keys.nkeys,
		    DOCTOR_GATEWAY_NAME);
}

static void
check_forced(struct ctx *c, struct result *r)
{
	const char *fc = doctor_sshcfg_get(&c->cfg, "forcecommand");
	struct strv w = { NULL, 0, 0 };
	const char *err;

	if (chroot_dir(c) != NULL) {
		set(r, ST_FAIL, fixfmt("remove ChrootDirectory %s",
		    chroot_dir(c)), "under ChrootDirectory %s the jail's "
		    "files run, not the ones doctor checks", chroot_dir(c));
		return;
	}
	if (fc == NULL || strcmp(fc, "none") == 0) {
		check_forced_keys(c, r);
		return;
	}
	if (doctor_runs_gateway(fc, &w, &err) != 1)
		set(r, ST_FAIL, fixfmt("ForceCommand %s --policy %s",
		    DOCTOR_GATEWAY_PATH, c->policy_path),
		    "ForceCommand %s: %s", fc, err);
	else if (trust_path(w.v[0], TRUST_EXEC, NULL, 0, &err) != 0)
		set(r, ST_FAIL, fixfmt("chown root:root %s && chmod 0755 %s "
		    "(and go-w on every directory above it), or ForceCommand "
		    "%s --policy %s", w.v[0], w.v[0], DOCTOR_GATEWAY_PATH,
		    c->policy_path), "gateway binary: %s", err);
	else
		set(r, ST_PASS, NULL, "ForceCommand %s", fc);
	strv_free(&w);
}

/* The forwarding settings and what "open" means for each. */
static const struct fwd {
	const char	*key;
	const char	*what;
} fwds[] = {
	{ "allowstreamlocalforwarding",	"stream-local forwarding" },
	{ "allowtcpforwarding",		"TCP forwarding" },
	{ "allowagentforwarding",	"agent forwarding" },
	{ "x11forwarding",		"X11 forwarding" },
	{ "permittunnel",		"tunnel forwarding" },
};

/* Why key options do not close what sshd leaves open, for a detail. */
static const char *
open_why(const struct ctx *c)
{
	const char *w = keys_why_not(c);

	if (w[0] == '\0' && c->keys.nkeys > 0)
		return "; not every key has restrict";
	return w;
}

/* sshd leaves fwds[i] open: not disabled, and for TCP some peer allowed. */
static int
fwd_open(const struct ctx *c, size_t i)
{
	if (strcmp(cfgval(c, "disableforwarding"), "yes") == 0 &&
	    strcmp(fwds[i].key, "permittunnel") != 0)
		return 0;	/* DisableForwarding does not cover tunnels */
	if (is_no(c, fwds[i].key))
		return 0;
	return strcmp(fwds[i].key, "allowtcpforwarding") != 0 ||
	    !is_none(c, "permitopen") || !is_none(c, "permitlisten");
}

static void
check_forwarding(struct ctx *c, struct result *r)
{
	char open[DOCTOR_MAX_TEXT] = "";
	const char *fix;
	size_t i, len;
	int tcp;

	for (i = 0; i < sizeof(fwds) / sizeof(fwds[0]); i++) {
		if (!fwd_open(c, i))
			continue;
		tcp = strcmp(fwds[i].key, "allowtcpforwarding") == 0;
		len = strlen(open);
		(void)snprintf(open + len, sizeof(open) - len, "%s%s (%s %s%s%s"
		    "%s%s)", len ? ", " : "", fwds[i].what, fwds[i].key,
		    cfgval(c, fwds[i].key), tcp ? ", permitopen " : "",
		    tcp ? cfgval(c, "permitopen") : "", tcp ?
		    ", permitlisten " : "", tcp ? cfgval(c, "permitlisten") :
		    "");
	}
	fix = fixfmt("DisableForwarding yes and PermitTunnel no in the `Match "
	    "User %s` block", c->user);
	if (open[0] == '\0' && strcmp(cfgval(c, "disableforwarding"),
	    "yes") == 0)
		set(r, ST_PASS, NULL, "DisableForwarding yes, PermitTunnel no");
	else if (open[0] == '\0')
		set(r, ST_PASS, NULL, "every kind of forwarding is off");
	else if (keys_all_restricted(c))
		set(r, ST_WARN, fix, "open in sshd, closed only by restrict "
		    "on every key: %s", open);
	else
		set(r, ST_FAIL, fix, "open: %s%s", open, open_why(c));
}

/* "KEY no", else PASS/WARN when every key carries restrict, else FAIL. */
static void
check_no(struct ctx *c, struct result *r, const char *key, const char *opt,
    enum status with_restrict)
{
	const char *fix = fixfmt("%s no in the `Match User %s` block", opt,
	    c->user);

	if (is_no(c, key))
		set(r, ST_PASS, NULL, "%s no", opt);
	else if (keys_all_restricted(c))
		set(r, with_restrict, with_restrict == ST_PASS ? NULL : fix,
		    "%s %s, but restrict on every key (%zu) turns it off", opt,
		    cfgval(c, key), c->keys.nkeys);
	else
		set(r, ST_FAIL, fix, "%s %s%s", opt, cfgval(c, key),
		    open_why(c));
}

static void
check_tty(struct ctx *c, struct result *r)
{
	check_no(c, r, "permittty", "PermitTTY", ST_WARN);
}

static void
check_userrc(struct ctx *c, struct result *r)
{
	check_no(c, r, "permituserrc", "PermitUserRC", ST_PASS);
}

static void
check_userenv(struct ctx *c, struct result *r)
{
	if (is_no(c, "permituserenvironment"))
		set(r, ST_PASS, NULL, "PermitUserEnvironment no");
	else
		set(r, ST_FAIL, "PermitUserEnvironment no",
		    "PermitUserEnvironment %s: ~/.ssh/environment and "
		    "environment= reach the forced command",
		    cfgval(c, "permituserenvironment"));
}

static void
check_acceptenv(struct ctx *c, struct result *r)
{
	const char *name;
	size_t i, n = 0;

	for (i = 0; i < c->cfg.keys.n; i++) {
		if (strcmp(c->cfg.keys.v[i], "acceptenv") != 0)
			continue;
		n++;
		if (doctor_env_dangerous(c->cfg.values.v[i], &name)) {
			set(r, ST_FAIL, fixfmt("remove `%s` from AcceptEnv "
			    "(keep at most LANG LC_*)", c->cfg.values.v[i]),
			    "AcceptEnv %s admits %s", c->cfg.values.v[i],
			    name);
			return;
		}
	}
	set(r, ST_PASS, NULL, n ? "no AcceptEnv pattern admits LD_*, "
	    "DOCKER_*, BASH_ENV or ENV" : "no AcceptEnv");
}

static void
check_subsystems(struct ctx *c, struct result *r)
{
	size_t i;

	if (c->fc_words.n > 0) {
		set(r, ST_PASS, NULL, "subsystem requests are forced through "
		    "ForceCommand");
		return;
	}
	if (keys_all_forced(c)) {
		set(r, ST_PASS, NULL, "subsystem requests are forced through "
		    "command= on every key");
		return;
	}
	for (i = 0; i < c->cfg.keys.n; i++)
		if (strcmp(c->cfg.keys.v[i], "subsystem") == 0) {
			set(r, ST_FAIL, fixfmt("in a `Match User %s` block: "
			    "ForceCommand %s (subsystems are then forced "
			    "through it)", c->user, DOCTOR_GATEWAY_PATH),
			    "Subsystem %s runs without a forced command",
			    c->cfg.values.v[i]);
			return;
		}
	set(r, ST_PASS, NULL, "no subsystem");
}

/* The role and policy the ForceCommand names, against the policy. */
static void
check_role(struct ctx *c, struct result *r)
{
	const char *role = c->user, *pol = NULL;
	size_t i;

	if (c->fc_words.n == 0) {
		set(r, ST_WARN, NULL, "no ForceCommand: per-key roles are not "
		    "checked");
		return;
	}
	for (i = 1; i + 1 < c->fc_words.n; i++)
		if (strcmp(c->fc_words.v[i], "--role") == 0)
			role = c->fc_words.v[i + 1];
		else if (strcmp(c->fc_words.v[i], "--policy") == 0)
			pol = c->fc_words.v[i + 1];
	if (pol == NULL)
		pol = POLICY_DEFAULT_PATH;
	if (strcmp(pol, c->policy_path) != 0)
		set(r, ST_WARN, fixfmt("dockergate doctor --policy %s --user "
		    "%s", pol, c->user), "ForceCommand uses policy %s, doctor "
		    "checked %s", pol, c->policy_path);
	else if (policy_role(c->pol, role) == NULL)
		set(r, ST_FAIL, fixfmt("add roles: %s: to %s, or pass --role "
		    "in ForceCommand", role, pol), "role %s is not in %s: every "
		    "request is denied", role, pol);
	else
		set(r, ST_PASS, NULL, "role %s is in %s", role, pol);
}

/* Roles in observe mode run what their rules deny: say so, loudly. */
static void
check_mode(struct ctx *c, struct result *r)
{
	char names[DOCTOR_ROLES_TEXT];
	size_t i, n = 0, len = 0;
	int w;

	names[0] = '\0';
	for (i = 0; i < c->pol->nroles && len < sizeof(names) - 1; i++) {
		if (!c->pol->roles[i].observe)
			continue;
		w = snprintf(names + len, sizeof(names) - len, "%s%s",
		    n++ > 0 ? ", " : "", c->pol->roles[i].name);
		len = w < 0 || (size_t)w >= sizeof(names) - len ?
		    sizeof(names) - 1 : len + (size_t)w;
	}
	if (n == 0)
		set(r, ST_PASS, NULL, "no role is in observe mode");
	else
		set(r, ST_WARN, fixfmt("dockergate learn --policy %s --audit "
		    "FILE --role ROLE, then mode: enforce", c->policy_path),
		    "role%s in observe mode (requests the rules deny are run): "
		    "%s", n == 1 ? "" : "s", names);
}

/* ------------------------------------------------------------------ */
/* Account checks                                                       */
/* ------------------------------------------------------------------ */

static void
check_shell(struct ctx *c, struct result *r)
{
	const char *base = strrchr(c->shell, '/'), *err;
	int gateway;

	base = base ? base + 1 : c->shell;
	gateway = c->shell[0] == '/' && strcmp(base, DOCTOR_GATEWAY_NAME) == 0;
	/* sshd runs every command, forced or not, through the shell */
	if (chroot_dir(c) != NULL)
		set(r, ST_FAIL, fixfmt("remove ChrootDirectory %s",
		    chroot_dir(c)), "under ChrootDirectory %s sshd runs the "
		    "jail's %s, not the host's", chroot_dir(c), c->shell);
	else if ((gateway || strcmp(c->shell, "/bin/sh") == 0 ||
	    strcmp(c->shell, "/usr/bin/sh") == 0) &&
	    trust_path(c->shell, TRUST_EXEC, NULL, 0, &err) != 0)
		set(r, ST_FAIL, fixfmt("usermod -s /bin/sh %s", c->user),
		    "login shell: %s (sshd runs it for every request)", err);
	else if (gateway && c->fc_words.n > 0)
		set(r, ST_FAIL, fixfmt("usermod -s /bin/sh %s", c->user),
		    "login shell %s with a ForceCommand: sshd runs %s -c "
		    "'<ForceCommand>', whose options are then ignored",
		    c->shell, DOCTOR_GATEWAY_NAME);
	else if (gateway || strcmp(c->shell, "/bin/sh") == 0 ||
	    strcmp(c->shell, "/usr/bin/sh") == 0)
		set(r, ST_PASS, NULL, "login shell %s", c->shell);
	else
		set(r, ST_FAIL, fixfmt("usermod -s /bin/sh %s", c->user),
		    "login shell %s: sshd runs the forced command with it%s",
		    c->shell, strcmp(base, "bash") == 0 ? ", and bash reads "
		    "~/.bashrc first when started by sshd" : "");
}

static void
check_password(struct ctx *c, struct result *r)
{
	const char *off = fixfmt("PasswordAuthentication no and "
	    "KbdInteractiveAuthentication no in the `Match User %s` block",
	    c->user);
	char fix[DOCTOR_MAX_TEXT];

	(void)snprintf(fix, sizeof(fix), "%susermod -p '*' %s; or %s",
	    c->pwfield && strcmp(c->pwfield, "/etc/passwd") == 0 ? "pwconv "
	    "&& " : "", c->user, off);
	if (c->pwfield != NULL && password_asked(c))
		set(r, ST_FAIL, fix, "%s has a usable password in %s (pam_unix "
		    "reads /etc/passwd's field unless it is x) and sshd asks "
		    "for one (PasswordAuthentication %s, "
		    "KbdInteractiveAuthentication %s, UsePAM %s)", c->user,
		    c->pwfield, cfgval(c, "passwordauthentication"),
		    kbd_value(c), cfgval(c, "usepam"));
	else if (c->pwfield != NULL)
		set(r, ST_WARN, fix, "%s has a usable password in %s; sshd "
		    "does not ask for one now", c->user, c->pwfield);
	else if (password_asked(c) && !is_no(c, "usepam"))
		set(r, ST_WARN, off, "no usable password in /etc/passwd or "
		    "/etc/shadow, but sshd asks PAM for one: PAM modules other "
		    "than pam_unix and NSS sources other than files are not "
		    "visible to doctor");
	else
		set(r, ST_PASS, NULL, "no usable password in /etc/passwd or "
		    "/etc/shadow%s", password_asked(c) ? "" : ", and sshd asks "
		    "for none");
}

/* A directory the account's sshd files live in: owner, mode. */
static int
bad_dir(const struct ctx *c, const char *path, struct result *r)
{
	struct stat st;

	if (stat(path, &st) == -1)
		return errno == ENOENT ? 0 : (set(r, ST_FAIL, NULL, "%s: %s",
		    path, strerror(errno)), 1);
	if ((st.st_uid == c->uid || st.st_uid == 0) &&
	    (st.st_mode & (S_IWGRP | S_IWOTH)) == 0)
		return 0;
	set(r, ST_FAIL, fixfmt("chown %s %s && chmod go-w %s", c->user, path,
	    path), "%s is owned by uid %u, mode %04o: others can plant files "
	    "sshd reads", path, (unsigned)st.st_uid,
	    (unsigned)st.st_mode & 07777);
	return 1;
}

static void
check_home(struct ctx *c, struct result *r)
{
	char *ssh = xasprintf("%s/.ssh", c->home);

	if (!bad_dir(c, c->home, r) && !bad_dir(c, ssh, r))
		set(r, ST_PASS, NULL, "%s and %s are not writable by others",
		    c->home, ssh);
	free(ssh);
}

/* ~/.ssh/NAME must not exist; how bad it is depends on sshd. */
static void
check_dotfile(struct ctx *c, struct result *r, const char *name,
    int disabled)
{
	char *path = xasprintf("%s/.ssh/%s", c->home, name);
	struct stat st;

	if (lstat(path, &st) == -1 && errno == ENOENT)
		set(r, ST_PASS, NULL, "no %s", path);
	else
		set(r, disabled ? ST_WARN : ST_FAIL, fixfmt("rm %s", path),
		    "%s exists%s", path, disabled ? " (sshd ignores it)" :
		    " and sshd uses it");
	free(path);
}

static void
check_rcfile(struct ctx *c, struct result *r)
{
	check_dotfile(c, r, "rc", c->have_sshd &&
	    (is_no(c, "permituserrc") || keys_all_restricted(c)));
}

static void
check_envfile(struct ctx *c, struct result *r)
{
	check_dotfile(c, r, "environment", c->have_sshd &&
	    is_no(c, "permituserenvironment"));
}

/* ------------------------------------------------------------------ */
/* Files the policy names                                               */
/* ------------------------------------------------------------------ */

static void
check_socket(struct ctx *c, struct result *r)
{
	const char *path = c->pol->host;
	struct group *gr;
	struct stat st;

	if (strncmp(path, "unix://", 7) != 0) {
		set(r, ST_WARN, NULL, "docker.host %s is not a unix socket: "
		    "not checked", path);
		return;
	}
	path += 7;
	if (stat(path, &st) == -1) {
		set(r, ST_WARN, NULL, "%s: %s (is dockerd running?)", path,
		    strerror(errno));
		return;
	}
	gr = getgrgid(st.st_gid);
	if (!S_ISSOCK(st.st_mode))
		set(r, ST_FAIL, NULL, "%s is not a socket", path);
	else if (writable_by(c, &st))
		set(r, ST_PASS, NULL, "%s reaches %s (group %s)", c->user,
		    path, gr ? gr->gr_name : "?");
	else if (has_acl(path))
		set(r, ST_WARN, fixfmt("getfacl %s", path), "%s has an ACL; "
		    "doctor does not evaluate ACLs", path);
	else
		set(r, ST_FAIL, gr ? fixfmt("usermod -aG %s %s", gr->gr_name,
		    c->user) : fixfmt("setfacl -m u:%s:rw %s", c->user, path),
		    "%s cannot reach %s (mode %04o)", c->user, path,
		    (unsigned)st.st_mode & 07777);
}

static void
check_trusted(struct result *r, const char *what, const char *path,
    enum trust_kind kind)
{
	const char *err;

	if (trust_path(path, kind, NULL, 0, &err) == 0)
		set(r, ST_PASS, NULL, "%s %s is root-owned, not writable by "
		    "others", what, path);
	else
		set(r, ST_FAIL, fixfmt("chown root:root %s && chmod go-w %s "
		    "(and every parent directory)", path, path), "%s", err);
}

static void
check_binary(struct ctx *c, struct result *r)
{
	check_trusted(r, "docker binary", c->pol->binary, TRUST_EXEC);
}

static void
check_configdir(struct ctx *c, struct result *r)
{
	check_trusted(r, "docker config_dir", c->pol->config_dir, TRUST_DIR);
}

static void
check_audit(struct ctx *c, struct result *r)
{
	const char *f = c->pol->audit_file;
	struct group *gr = getgrgid(c->gid);
	char *dir;
	struct stat st, dst;
	const char *fix;

	if (f == NULL) {
		set(r, c->pol->audit_syslog ? ST_PASS : ST_WARN,
		    c->pol->audit_syslog ? NULL : "audit: syslog: true",
		    c->pol->audit_syslog ? "syslog only" : "no audit sink");
		return;
	}
	fix = fixfmt("install -o root -g %s -m 0660 /dev/null %s",
	    gr ? gr->gr_name : "GROUP", f);
	dir = xstrdup(f);
	*strrchr(dir, '/') = '\0';
	if (stat(f, &st) == -1)
		set(r, stat(dir[0] ? dir : "/", &dst) == 0 &&
		    writable_by(c, &dst) ? ST_WARN : ST_FAIL, fix, "%s: %s",
		    f, strerror(errno));
	else if (!S_ISREG(st.st_mode))
		set(r, ST_FAIL, fix, "%s is not a regular file", f);
	else if (!writable_by(c, &st))
		set(r, c->pol->audit_required ? ST_FAIL : ST_WARN, fix,
		    "%s cannot append to %s: every request is %s", c->user, f,
		    c->pol->audit_required ? "denied" : "unrecorded");
	else if (stat(dir[0] ? dir : "/", &dst) == 0 && writable_by(c, &dst))
		set(r, ST_WARN, fixfmt("chown root %s && chmod go-w %s", dir,
		    dir), "%s may replace %s (directory writable)", c->user, f);
	else
		set(r, ST_PASS, NULL, "%s may append to %s", c->user, f);
	free(dir);
}

/* ------------------------------------------------------------------ */
/* The syslog sink (issue 21)                                           */
/* ------------------------------------------------------------------ */

/*
 * audit.syslog: /dev/log must be a socket the account may write to and a
 * daemon listens on.  FAIL when it is the only sink of a required audit
 * (the gateway then denies every request with 69), else WARN.
 */
static void
check_audit_syslog(struct ctx *c, struct result *r)
{
	const char *path = AUDIT_SYSLOG_PATH, *err, *fix;
	int only = c->pol->audit_required && c->pol->audit_file == NULL;
	enum status bad = only ? ST_FAIL : ST_WARN;
	const char *loss = only ? "every request is denied" :
	    "syslog records are lost";
	struct stat st;

	fix = "run a syslog daemon that listens on " AUDIT_SYSLOG_PATH
	    " (systemd-journald, rsyslog), or set audit.file";
	if (!c->pol->audit_syslog)
		set(r, ST_PASS, NULL, "syslog not used");
	else if (stat(path, &st) == -1)
		set(r, bad, fix, "%s: %s: %s", path, strerror(errno), loss);
	else if (!S_ISSOCK(st.st_mode))
		set(r, bad, fix, "%s is not a socket: %s", path, loss);
	else if (!writable_by(c, &st))
		set(r, bad, fixfmt("chmod 0666 %s", path), "%s cannot write "
		    "to %s (mode %04o): %s", c->user, path,
		    (unsigned)st.st_mode & 07777, loss);
	else if (audit_syslog_probe(&err) == -1)
		set(r, bad, fix, "%s (is the syslog daemon running?): %s",
		    err, loss);
	else
		set(r, ST_PASS, NULL, "%s may write to %s, a syslog daemon "
		    "listens", c->user, path);
}

/* ------------------------------------------------------------------ */
/* The table, output, main                                              */
/* ------------------------------------------------------------------ */

/* In order: a row may use what earlier rows gathered. */
static const struct check {
	const char	*name;
	int		 needs;
	void		(*fn)(struct ctx *, struct result *);
} checks[] = {
	{ "account",			0,		check_account },
	{ "sshd-config",		NEED_ACCOUNT,	check_sshd_config },
	{ "chroot-directory",		NEED_SSHD,	check_chroot },
	{ "authorized-keys",		NEED_SSHD,	check_authkeys },
	{ "forced-command",		NEED_SSHD,	check_forced },
	{ "forwarding",			NEED_SSHD,	check_forwarding },
	{ "permit-tty",			NEED_SSHD,	check_tty },
	{ "permit-user-rc",		NEED_SSHD,	check_userrc },
	{ "permit-user-environment",	NEED_SSHD,	check_userenv },
	{ "accept-env",			NEED_SSHD,	check_acceptenv },
	{ "subsystems",			NEED_SSHD,	check_subsystems },
	{ "login-shell",		NEED_ACCOUNT,	check_shell },
	{ "password",			NEED_ACCOUNT | NEED_SSHD,
					check_password },
	{ "home-permissions",		NEED_ACCOUNT,	check_home },
	{ "user-rc-file",		NEED_ACCOUNT,	check_rcfile },
	{ "user-environment-file",	NEED_ACCOUNT,	check_envfile },
	{ "policy",			0,		check_policy },
	{ "policy-role",		NEED_SSHD | NEED_POLICY, check_role },
	{ "policy-mode",		NEED_POLICY,	check_mode },
	{ "docker-socket",		NEED_ACCOUNT | NEED_POLICY,
					check_socket },
	{ "docker-binary",		NEED_POLICY,	check_binary },
	{ "docker-config",		NEED_POLICY,	check_configdir },
	{ "audit",			NEED_ACCOUNT | NEED_POLICY,
					check_audit },
	{ "audit-syslog",		NEED_ACCOUNT | NEED_POLICY,
					check_audit_syslog },
};

static const char *const status_names[] = { "PASS", "WARN", "FAIL" };

/* A JSON string from text that may hold bytes of a user's files. */
static json_t *
jstr(const char *s)
{
	char *t;
	json_t *j;
	size_t i;

	if (utf8_valid(s, strlen(s)))
		return json_string(s);
	t = xstrdup(s);
	for (i = 0; t[i] != '\0'; i++)
		if ((unsigned char)t[i] >= 0x80)
			t[i] = '?';
	j = json_string(t);
	free(t);
	return j;
}

static void
emit(const struct ctx *c, json_t *arr, const char *name,
    const struct result *r)
{
	json_t *o;

	if (!c->json) {
		printf("%s  %s: %s%s%s\n", status_names[r->status], name,
		    r->detail, r->fix[0] ? "; fix: " : "", r->fix);
		return;
	}
	o = json_object();
	json_object_set_new(o, "check", json_string(name));
	json_object_set_new(o, "status", json_string(
	    status_names[r->status]));
	json_object_set_new(o, "detail", jstr(r->detail));
	json_object_set_new(o, "fix", r->fix[0] ? jstr(r->fix) :
	    json_null());
	json_array_append_new(arr, o);
}

static int
have(const struct ctx *c, int needs)
{
	return (!(needs & NEED_ACCOUNT) || c->have_account) &&
	    (!(needs & NEED_SSHD) || c->have_sshd) &&
	    (!(needs & NEED_POLICY) || c->have_policy);
}

/* Run every check; the exit status. */
static int
run_checks(struct ctx *c)
{
	json_t *arr = json_array();
	struct result r;
	char *out;
	size_t i;
	int failed = 0, policy_failed = 0;

	for (i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		if (!have(c, checks[i].needs))
			continue;
		memset(&r, 0, sizeof(r));
		checks[i].fn(c, &r);
		emit(c, arr, checks[i].name, &r);
		failed |= r.status == ST_FAIL;
		policy_failed |= r.status == ST_FAIL &&
		    checks[i].fn == check_policy;
	}
	if (c->json && (out = json_dumps(arr, JSON_INDENT(2) |
	    JSON_PRESERVE_ORDER)) != NULL) {
		printf("%s\n", out);
		free(out);
	}
	json_decref(arr);
	return policy_failed ? DOCTOR_EX_CONFIG : failed ? DOCTOR_EX_FAIL :
	    DOCTOR_EX_OK;
}

static int
parse_args(int argc, char **argv, struct ctx *c)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--policy") == 0 && i + 1 < argc)
			c->policy_path = argv[++i];
		else if (strcmp(argv[i], "--user") == 0 && i + 1 < argc)
			c->user = argv[++i];
		else if (strcmp(argv[i], "--sshd-config") == 0 &&
		    i + 1 < argc)
			c->sshd_config = argv[++i];
		else if (strcmp(argv[i], "--json") == 0)
			c->json = 1;
		else
			return -1;
	}
	return c->user == NULL ? -1 : 0;
}

int
doctor_main(int argc, char **argv)
{
	struct ctx c;
	int r;

	memset(&c, 0, sizeof(c));
	c.policy_path = POLICY_DEFAULT_PATH;
	if (parse_args(argc, argv, &c) != 0) {
		fprintf(stderr, "usage: dockergate doctor [--policy FILE] "
		    "--user NAME [--sshd-config FILE] [--json]\n");
		return DOCTOR_EX_FAIL;
	}
	if (!valid_user(c.user)) {
		fprintf(stderr, "dockergate: doctor: invalid account name\n");
		return DOCTOR_EX_FAIL;
	}
	if (geteuid() != 0) {
		fprintf(stderr, "dockergate: doctor must run as root (it "
		    "reads sshd's configuration and /etc/shadow)\n");
		return DOCTOR_EX_FAIL;
	}
	r = run_checks(&c);
	free(c.home);
	free(c.shell);
	doctor_sshcfg_free(&c.cfg);
	strv_free(&c.fc_words);
	policy_free(c.pol);
	return r;
}
