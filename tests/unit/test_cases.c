/*
 * test_cases.c: every decision case of tests/data/decide/NAME.case (format:
 * tests/README.md), three ways from one reader (casefile.h):
 *   test_cases                   decide() with the file's fake resolver;
 *                                help checks through help_text/help_json
 *   test_cases --explain DG DIR  each case through DG --explain --json,
 *                                each help check through DG -c help
 *                                (policies written to DIR, root-owned)
 *   test_cases --e2e DIR         list the cases marked e2e for
 *                                tests/e2e/t-37-cases.sh
 *   test_cases --list DIR        list every case, likewise
 * A malformed case file fails every mode with FILE:LINE.
 */
#include "testutil.h"
#include "decidecase.h"
#include "casefile.h"

#include <sys/wait.h>

#include <fcntl.h>
#include <jansson.h>
#include <signal.h>
#include <unistd.h>

#define EXPLAIN_MAX_OUT	(256 * 1024)	/* bytes of --explain output read */
#define EX_OK_		0		/* sysexits, as DESIGN.md lists them */
#define EX_DATAERR_	65
#define EX_UNAVAILABLE_	69
#define EX_NOPERM_	77

/* Read every case file of CF_DIR: 0, or -1 with the problem printed. */
static int
read_all_files(struct cfile **files, size_t *n)
{
	struct strv names = { NULL, 0, 0 };
	char msg[512];
	size_t i;
	int rc = 0;

	*files = NULL;
	*n = 0;
	if (cf_list(CF_DIR, &names) != 0 || names.n == 0) {
		print_error("%s: no case files\n", CF_DIR);
		strv_free(&names);
		return -1;
	}
	*files = xcalloc(names.n, sizeof(**files));
	for (i = 0; i < names.n; i++, (*n)++)
		if (cf_read(names.v[i], &(*files)[i], msg, sizeof(msg)) != 0) {
			print_error("%s\n", msg);
			rc = -1;
		}
	strv_free(&names);
	return rc;
}

static void
free_files(struct cfile *files, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		cf_free(&files[i]);
	free(files);
}

/*
 * Every case of every file, through decide() with its fake resolver, and
 * every help check through help_text()/help_json().
 */
static void
test_files(void **state)
{
	struct cfile *files;
	struct policy *pol;
	size_t n, i, j, total = 0, helps = 0;
	int bad = 0;

	(void)state;
	if (read_all_files(&files, &n) != 0)
		fail_msg("a case file is malformed (above)");
	for (i = 0; i < n; i++) {
		if (cf_policy(&files[i], &pol) != 0) {
			bad++;
			continue;
		}
		for (j = 0; j < files[i].ncases; j++, total++)
			bad += cf_run(&files[i], pol, &files[i].cases[j]);
		for (j = 0; j < files[i].nhelps; j++, helps++)
			bad += cf_help_run(&files[i], pol, &files[i].helps[j]);
		policy_free(pol);
	}
	print_message("%zu cases and %zu help checks in %zu files, %d "
	    "failed\n", total, helps, n, bad);
	free_files(files, n);
	assert_int_equal(bad, 0);
	assert_true(total > 0);
}

/* The reader refuses what it does not understand, with NAME:LINE. */
static void
test_reader_strict(void **state)
{
	static const struct { const char *text, *want; } bad[] = {
		{ "> version: 1\nallow r docker ps\n", "t:2: unknown" },
		{ "> version: 1\nallow r | docker ps => \"\"\n",
		    "t:2: an empty" },
		{ "> version: 1\npermit r | docker ps\n", "t:2: unknown" },
		{ "> version: 1\nallow  r | docker ps\n", "t:2: two spaces" },
		{ "> version: 1\nallow r | docker ps \n", "t:2: trailing" },
		{ "> version: 1\nallow r | docker ps", "t:2: the last line" },
		{ "> version: 1\nallow r colour=red | docker ps\n",
		    "t:2: unknown or repeated option" },
		{ "> version: 1\nallow r redact=env,all | docker ps\n",
		    "t:2: redact= takes" },
		{ "> version: 1\nallow r stdin=\"a\\q\" | docker ps\n",
		    "t:2: unknown escape" },
		{ "> version: 1\nallow r stdin=\"a | docker ps\n",
		    "t:2: a quoted string is not closed" },
		{ "> version: 1\nallow r | docker ps => a => b\n",
		    "t:2: a command is needed" },
		{ "> version: 1\nallow r |  => x\n", "t:2: a command" },
		{ "> version: 1\nallow r | docker ps\nresolver path\n",
		    "t:3: a directive after the first case" },
		{ "> version: 1\nresolver path nonsense\n", "t:2: resolver" },
		{ "> version: 1\nresolver none path\n", "t:2: resolver none" },
		{ "> version: 1\nfail container x maybe gone\n", "t:2: fail" },
		{ "> version: 1\ncontainer web id=1 colour=red\n",
		    "t:2: an object takes" },
		{ "> version: 1\nimage 0123 label=a=b\n", "t:2: an image" },
		{ "> version: 1\npath relative/x\n", "t:2: path /ABSOLUTE" },
		{ "> version: 1\npolicy policy/ai-worker.yaml\n",
		    "t:2: a second policy" },
		{ "policy policy/ai-worker.yaml\n> version: 1\n",
		    "t:2: a second policy" },
		{ "policy /nonexistent.yaml\n", "t:1: cannot read the policy" },
		{ "include /nonexistent.state\n", "t:1: cannot read the incl" },
		{ "> version: 1\nexplain maybe\n", "t:2: unknown or malformed" },
		{ "> version: 1\n\tallow r | docker ps\n", "t:2: a tab" },
		{ "> version: 1\nheld r e2e | docker ps\n",
		    "t:2: a held case cannot be e2e" },
		{ "> version: 1\nobserve r e2e | docker ps\n",
		    "t:2: an observe case cannot be e2e" },
		{ "> version: 1\nobserved r | docker ps\n", "t:2: unknown" },
		{ "> version: 1\nallow r parser | docker ps\n",
		    "t:2: parser goes with deny only" },
		{ "> version: 1\nobserve r parser | docker ps\n",
		    "t:2: parser goes with deny only" },
		{ "> version: 1\ndeny r parser parser | docker ps\n",
		    "t:2: unknown or repeated option" },
		{ "> version: 1\nallow r rule= | docker ps\n",
		    "t:2: unknown or repeated option" },
		{ "> version: 1\nallow r rule=a rule=a | docker ps\n",
		    "t:2: unknown or repeated option" },
		{ "> version: 1\nhold r | docker ps\n", "t:2: unknown" },
		{ "> version: 1\nhelp r\n", "t:2: a help check is" },
		{ "> version: 1\nhelp r =>\n", "t:2: a help check is" },
		{ "> version: 1\nhelp  r => x\n", "t:2: a help check is" },
		{ "> version: 1\nhelp r => x\nresolver none\n",
		    "t:3: a directive after the first case" },
		{ "> version: 1\nhelp-json r => \"\"\n", "t:2: an empty" },
		{ "> version: 1\nhelp r => \"\\q\"\n", "t:2: unknown escape" },
		{ "> version: 1\nhelp r ==> x\n", "t:2: a help check is" },
		{ "> version: 1\nhelp-jsonr => x\n", "t:2: unknown" },
	};
	struct cfile f;
	char msg[512];
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(bad); i++) {
		memset(&f, 0, sizeof(f));
		f.path = xstrdup("t");
		msg[0] = '\0';
		if (cf_read_text(&f, "t", bad[i].text, msg, sizeof(msg)) == 0 ||
		    strstr(msg, bad[i].want) == NULL)
			fail_msg("%s: got \"%s\", want \"%s\"", bad[i].text,
			    msg, bad[i].want);
		cf_free(&f);
	}
}

/* A well-formed file reads as written: options, quoting, state. */
static void
test_reader_reads(void **state)
{
	static const char text[] =
	    "# a comment\n"
	    "> version: 1\n"
	    ">\n"
	    "> roles: {r: {allow: [ps]}}\n"
	    "resolver container image\n"
	    "container web-1 id=abc ref=ab label=team=a label=x=\n"
	    "image 0123 ref=sha256:0123 tag=alpine:3\n"
	    "fail container down unavailable cannot reach the engine\n"
	    "stdin \"FROM x\\n\"\n"
	    "\n"
	    "deny r e2e cwd=/srv stdin=\"A\\x1f\\\"B\\\"\" | docker ps -f "
	    "'a | b' => \"  spaced \"\n"
	    "allow r redact=env,events | docker ps\n"
	    "held r rule=roles.r.allow[0] | docker ps\n"
	    "observe r rule=roles.r.allow[0] | docker rmi x => not allowed\n"
	    "deny r parser | docker -H x ps => -H\n"
	    "help r => \"  x\\n\"\n"
	    "help-json r !=> a => b\n";
	struct cfile f;
	struct resolver rb;
	const struct resolver *r;
	struct target t;
	const char *err;
	char msg[512] = "";
	int un = 0;

	(void)state;
	memset(&f, 0, sizeof(f));
	f.path = xstrdup("t");
	if (cf_read_text(&f, "t", text, msg, sizeof(msg)) != 0)
		fail_msg("%s", msg);
	assert_string_equal(f.policy_text, "version: 1\n\nroles: {r: {allow: "
	    "[ps]}}\n");
	assert_int_equal(f.ncases, 5);
	assert_int_equal(f.cases[2].verdict, CF_HELD);
	assert_false(f.cases[2].parser);
	assert_int_equal(f.cases[3].verdict, CF_OBSERVE);
	assert_string_equal(f.cases[3].expect, "not allowed");
	assert_string_equal(f.cases[3].rule, "roles.r.allow[0]");
	assert_int_equal(f.cases[4].verdict, CF_DENY);
	assert_true(f.cases[4].parser);
	assert_string_equal(f.cases[4].cmd, "docker -H x ps");
	assert_string_equal(f.cases[2].rule, "roles.r.allow[0]");
	assert_null(f.cases[1].rule);
	assert_int_equal(f.cases[0].line, 11);
	assert_int_equal(f.cases[0].verdict, CF_DENY);
	assert_string_equal(f.cases[0].cmd, "docker ps -f 'a | b'");
	assert_string_equal(f.cases[0].expect, "  spaced ");
	assert_string_equal(f.cases[0].in, "A\x1f\"B\"");
	assert_string_equal(f.cases[0].cwd, "/srv");
	assert_true(f.cases[0].e2e);
	assert_int_equal(f.cases[0].redact, -1);
	assert_int_equal(f.cases[1].redact, REDACT_ENV | REDACT_EVENTS);
	assert_string_equal(f.cases[1].expect, "");
	assert_int_equal(f.nhelps, 2);
	assert_int_equal(f.helps[0].line, 16);
	assert_string_equal(f.helps[0].role, "r");
	assert_false(f.helps[0].json);
	assert_false(f.helps[0].absent);
	assert_string_equal(f.helps[0].expect, "  x\n");
	assert_true(f.helps[1].json);
	assert_true(f.helps[1].absent);
	assert_string_equal(f.helps[1].expect, "a => b");
	r = cf_resolver(&f, &f.cases[1], &rb);
	assert_non_null(r);
	assert_null(r->path);
	assert_string_equal(r->stdin_data, "FROM x\n");
	memset(&t, 0, sizeof(t));
	assert_int_equal(r->container(r->ctx, "ab", &t, &un, &err), 0);
	assert_string_equal(t.id, "abc");
	assert_int_equal(t.nlabels, 2);
	assert_string_equal(t.labels[1].key, "x");
	assert_string_equal(t.labels[1].value, "");
	decide_target_free(&t);
	memset(&t, 0, sizeof(t));
	assert_int_equal(r->container(r->ctx, "a", &t, &un, &err), -1);
	assert_int_equal(un, 0);
	assert_int_equal(r->container(r->ctx, "down", &t, &un, &err), -1);
	assert_int_equal(un, 1);
	assert_string_equal(err, "cannot reach the engine");
	cf_free(&f);
}

/* ------------------------------------------------------ --explain */

static void
write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0 && (w = write(fd, p, n)) > 0) {
		p += w;
		n -= (size_t)w;
	}
}

/* Write f's policy as DIR/NAME.yaml (root-owned, 0644): its path. */
static char *
write_policy(const struct cfile *f, const char *dir)
{
	const char *base = strrchr(f->path, '/');
	char *p = xasprintf("%s/%s.yaml", dir, base != NULL ? base + 1 :
	    f->path);
	FILE *fp;

	if ((fp = fopen(p, "w")) == NULL || fputs(f->policy_text, fp) < 0 ||
	    fclose(fp) != 0 || chmod(p, 0644) != 0) {
		fprintf(stderr, "%s: cannot write: %s\n", p, strerror(errno));
		exit(1);
	}
	return p;
}

/*
 * Run argv (argv[0] the binary) in cwd with in (inlen bytes) on its
 * standard input and standard error to /dev/null: its exit status, or -1;
 * *out its standard output, at most EXPLAIN_MAX_OUT bytes (caller frees).
 */
static int
run_dg(char *const argv[], const char *cwd, const char *in, size_t inlen,
    char **out)
{
	size_t n = 0;
	int ip[2], op[2], st, fd;
	ssize_t r;
	pid_t pid;

	*out = xcalloc(EXPLAIN_MAX_OUT + 1, 1);
	if (pipe(ip) != 0 || pipe(op) != 0 || (pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		(void)dup2(ip[0], 0);
		(void)dup2(op[1], 1);
		/* verdicts are in the output; a "dockergate: " line is not */
		if ((fd = open("/dev/null", O_WRONLY)) != -1)
			(void)dup2(fd, 2);
		(void)close(ip[1]);
		(void)close(op[0]);
		if (chdir(cwd) != 0)
			_exit(126);
		execv(argv[0], argv);
		_exit(127);
	}
	(void)close(ip[0]);
	(void)close(op[1]);
	if (in != NULL)
		write_all(ip[1], in, inlen);
	(void)close(ip[1]);
	while (n < EXPLAIN_MAX_OUT && (r = read(op[0], *out + n,
	    EXPLAIN_MAX_OUT - n)) > 0)
		n += (size_t)r;
	(void)close(op[0]);
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

/* dg --explain --json for c in cwd with c's standard input (run_dg). */
static int
explain_run(const char *dg, const char *policy, const struct cfile *f,
    const struct cf_case *c, const char *cwd, char **out)
{
	char *argv[] = { (char *)dg, "--explain", "--json", "--policy",
	    (char *)policy, "--role", c->role, c->cmd, NULL };

	if (c->in != NULL)
		return run_dg(argv, cwd, c->in, c->inlen, out);
	return run_dg(argv, cwd, f->in, f->inlen, out);
}

/*
 * Does the --explain answer (status, JSON) hold c?  1 yes, 0 no (why).
 * --explain does not hold a request for approval: there a held case is
 * allowed (the hold itself is checked by the unit run).  An observe case
 * is verdict "observe", exit 0, with the reason and an argv; a parser
 * case is a denial with no argv (nothing was parsed to render).
 */
static int
explain_holds(const struct cf_case *c, int status, const char *out,
    char *why, size_t whylen)
{
	json_t *o, *a, *w;
	json_error_t je;
	const char *verdict, *reason, *rule;
	char *joined = xstrdup(""), *t;
	size_t i;
	int ok = 0;

	if ((o = json_loads(out, 0, &je)) == NULL) {
		(void)snprintf(why, whylen, "not JSON (status %d): %.200s",
		    status, out);
		free(joined);
		return 0;
	}
	verdict = json_string_value(json_object_get(o, "verdict"));
	reason = json_string_value(json_object_get(o, "reason"));
	rule = json_string_value(json_object_get(o, "rule"));
	a = json_object_get(o, "argv");
	json_array_foreach(a, i, w) {
		t = xasprintf("%s%s%s", joined, i ? " " : "",
		    json_string_value(w));
		free(joined);
		joined = t;
	}
	if (verdict == NULL || reason == NULL || rule == NULL)
		(void)snprintf(why, whylen, "no verdict, reason or rule");
	else if (c->rule != NULL && strcmp(rule, c->rule) != 0)
		ok = 0;
	else if (c->verdict == CF_ALLOW || c->verdict == CF_HELD)
		ok = status == EX_OK_ && strcmp(verdict, "allow") == 0 &&
		    strstr(joined, c->expect) != NULL;
	else if (c->verdict == CF_OBSERVE)
		ok = status == EX_OK_ && strcmp(verdict, "observe") == 0 &&
		    reason[0] != '\0' && strstr(reason, c->expect) != NULL &&
		    json_is_array(a);
	else
		ok = strcmp(verdict, "deny") == 0 && reason[0] != '\0' &&
		    strstr(reason, c->expect) != NULL &&
		    (!c->parser || json_is_null(a)) &&
		    (c->verdict == CF_UNAVAILABLE ? status == EX_UNAVAILABLE_ :
		    status == EX_NOPERM_ || status == EX_DATAERR_);
	if (!ok && verdict != NULL && reason != NULL && rule != NULL)
		(void)snprintf(why, whylen, "status %d, %s (%s) rule %s argv %s",
		    status, verdict, reason, rule, joined);
	free(joined);
	json_decref(o);
	return ok;
}

/* Why c cannot go through --explain here, or NULL. */
static const char *
explain_skip(const struct cfile *f, const struct cf_case *c, const char **cwd)
{
	struct stat st;

	*cwd = c->cwd != NULL ? c->cwd : f->cwd != NULL ? f->cwd : "/";
	if (c->noexplain != NULL)
		return c->noexplain;
	if (f->noexplain != NULL)
		return f->noexplain;
	if (stat(*cwd, &st) != 0 || !S_ISDIR(st.st_mode))
		return "its working directory does not exist here";
	return NULL;
}

/*
 * f's policy for its help checks as DIR/NAME.help.yaml: help is the
 * client's command in forced mode, which writes an audit record, so a
 * policy without an audit: section gets one writing to DIR.
 */
static char *
write_help_policy(const struct cfile *f, const char *dir)
{
	const char *base = strrchr(f->path, '/'), *t = f->policy_text;
	char *p, *a;
	FILE *fp;

	base = base != NULL ? base + 1 : f->path;
	p = xasprintf("%s/%s.help.yaml", dir, base);
	a = strncmp(t, "audit:", 6) == 0 || strstr(t, "\naudit:") != NULL ?
	    xstrdup("") : xasprintf("audit:\n  syslog: false\n  file: "
	    "%s/%s.audit.jsonl\n", dir, base);
	if ((fp = fopen(p, "w")) == NULL || fputs(t, fp) < 0 ||
	    fputs(a, fp) < 0 || fclose(fp) != 0 || chmod(p, 0644) != 0) {
		fprintf(stderr, "%s: cannot write: %s\n", p, strerror(errno));
		exit(1);
	}
	free(a);
	return p;
}

/*
 * dg -c "help" (or "help --json") as ROLE under policy, in /, with empty
 * standard input (run_dg).
 */
static int
help_exec(const char *dg, const char *policy, const struct cf_help *h,
    char **out)
{
	char *argv[] = { (char *)dg, "--policy", (char *)policy, "--role",
	    h->role, "-c", h->json ? "help --json" : "help", NULL };

	return run_dg(argv, "/", NULL, 0, out);
}

/* The help checks of f through the binary: the number that failed. */
static int
help_main(const char *dg, const char *dir, const struct cfile *f)
{
	const struct cf_help *h;
	char *pol, *out, *q;
	size_t j;
	int bad = 0, st;

	if (f->nhelps == 0)
		return 0;
	pol = write_help_policy(f, dir);
	for (j = 0; j < f->nhelps; j++) {
		h = &f->helps[j];
		st = help_exec(dg, pol, h, &out);
		if (st != EX_OK_ || out[0] == '\0' ||
		    (strstr(out, h->expect) != NULL) == h->absent) {
			q = cf_quoted(h->expect);
			printf("FAIL %s:%d: -c \"help%s\" as %s: status %d, "
			    "the output %s %s\n", f->path, h->line, h->json ?
			    " --json" : "", h->role, st, h->absent ? "holds" :
			    "lacks", q);
			free(q);
			bad++;
		}
		free(out);
	}
	free(pol);
	return bad;
}

/* Count one more skip for reason why in reasons/counts. */
static void
tally(struct strv *reasons, size_t **counts, const char *why)
{
	size_t i;

	for (i = 0; i < reasons->n && strcmp(reasons->v[i], why) != 0; i++)
		;
	if (i == reasons->n) {
		strv_push(reasons, why);
		*counts = xreallocarray(*counts, reasons->n, sizeof(**counts));
		(*counts)[i] = 0;
	}
	(*counts)[i]++;
}

static int
explain_main(const char *dg, const char *dir)
{
	struct strv reasons = { NULL, 0, 0 };
	struct cfile *files;
	const char *skip, *cwd;
	char why[1024], *pol, *out;
	size_t n, i, j, ran = 0, skipped = 0, helps = 0, *counts = NULL;
	int bad = 0, hbad = 0, st;

	/* a gateway that reads no standard input must not kill us */
	(void)signal(SIGPIPE, SIG_IGN);
	if (read_all_files(&files, &n) != 0)
		return 1;
	for (i = 0; i < n; i++) {
		pol = write_policy(&files[i], dir);
		for (j = 0; j < files[i].ncases; j++) {
			const struct cf_case *c = &files[i].cases[j];

			if ((skip = explain_skip(&files[i], c, &cwd)) != NULL) {
				skipped++;
				tally(&reasons, &counts, skip);
				continue;
			}
			ran++;
			st = explain_run(dg, pol, &files[i], c, cwd, &out);
			if (!explain_holds(c, st, out, why, sizeof(why))) {
				printf("FAIL %s:%d: %s: %s; want %s with "
				    "\"%s\"%s%s%s\n", files[i].path, c->line,
				    c->cmd, why, cf_verdict_name(c->verdict),
				    c->expect, c->rule != NULL ? ", rule " :
				    "", c->rule != NULL ? c->rule : "",
				    c->parser ? ", by the parser" : "");
				bad++;
			}
			free(out);
		}
		free(pol);
		hbad += help_main(dg, dir, &files[i]);
		helps += files[i].nhelps;
	}
	for (i = 0; i < reasons.n; i++)
		printf("skipped %zu: %s\n", counts[i], reasons.v[i]);
	printf("cases: %zu through --explain, %zu skipped (marked), "
	    "%d failed\n", ran, skipped, bad);
	printf("help checks: %zu through -c help, %d failed\n", helps, hbad);
	bad += hbad;
	strv_free(&reasons);
	free(counts);
	free_files(files, n);
	return bad != 0 || ran == 0;
}

/* ------------------------------------------------------------ --e2e */

/* s with \\, \t, \n and other control bytes escaped for printf %b. */
static void
print_escaped(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\')
			fputs("\\\\", stdout);
		else if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			printf("\\x%02x", (unsigned char)s[i]);
		else
			putchar(s[i]);
	}
}

/*
 * One line per case (all, or those marked e2e): FILE:LINE, policy file,
 * role, verdict, standard input (escaped, "-" for none), command,
 * expectation; tab-separated.  Inline policies are written to dir.
 */
static int
list_main(const char *dir, int all)
{
	struct cfile *files;
	const struct cf_case *c;
	char *pol;
	size_t n, i, j;

	if (read_all_files(&files, &n) != 0)
		return 1;
	for (i = 0; i < n; i++) {
		pol = NULL;
		for (j = 0; j < files[i].ncases; j++) {
			c = &files[i].cases[j];
			if (!c->e2e && !all)
				continue;
			if (pol == NULL)
				pol = files[i].policy_file != NULL ?
				    xstrdup(files[i].policy_file) :
				    write_policy(&files[i], dir);
			printf("%s:%d\t%s\t%s\t%s\t", files[i].path, c->line,
			    pol, c->role, cf_verdict_name(c->verdict));
			if (c->in != NULL || files[i].in != NULL)
				print_escaped(c->in != NULL ? c->in :
				    files[i].in, c->in != NULL ? c->inlen :
				    files[i].inlen);
			else
				putchar('-');
			printf("\t%s\t%s\n", c->cmd, c->expect);
		}
		free(pol);
	}
	free_files(files, n);
	return 0;
}

int
main(int argc, char *argv[])
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reader_strict),
		cmocka_unit_test(test_reader_reads),
		cmocka_unit_test(test_files),
	};

	if (argc == 4 && strcmp(argv[1], "--explain") == 0)
		return explain_main(argv[2], argv[3]);
	if (argc == 3 && strcmp(argv[1], "--e2e") == 0)
		return list_main(argv[2], 0);
	if (argc == 3 && strcmp(argv[1], "--list") == 0)
		return list_main(argv[2], 1);
	if (argc != 1) {
		fprintf(stderr, "usage: test_cases [--explain DG DIR | "
		    "--e2e DIR | --list DIR]\n");
		return 2;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
