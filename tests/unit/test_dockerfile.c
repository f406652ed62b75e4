/*
 * test_dockerfile: the Dockerfile parser (dockerfile.c), table-driven:
 * directives, continuations, comments, heredocs, JSON and shell forms,
 * flags, ONBUILD, ARG and FROM, and the inputs it must refuse; the
 * standard-input sniffing and the tar context reader.
 */
#include "testutil.h"

#include "commands.h"
#include "dockerfile.h"

struct dfcase {
	const char	*name;
	const char	*in;
	const char	*args;		/* --build-arg values, ' '-separated */
	int		 ok;
	const char	*want;		/* findings ("LINE RISK IMAGE|..."),
					   or an error substring */
};

static const struct dfcase cases[] = {
	{ "plain", "FROM local/base\nRUN echo hi\nCOPY . /x\n", NULL, 1,
	    "1 - local/base" },
	{ "loopback add", "FROM local/base\nADD http://127.0.0.1:18777/"
	    "secret.txt /loot.txt\n", NULL, 1,
	    "1 - local/base|2 remote-sources -" },
	{ "lower case", "from local/base\nadd http://127.0.0.1/x /y\n", NULL,
	    1, "1 - local/base|2 remote-sources -" },
	{ "mixed case", "FrOm local/base\naDd https://h/x /y\n", NULL, 1,
	    "1 - local/base|2 remote-sources -" },
	{ "continuation splits url", "FROM local/base\nADD http\\\n"
	    "://127.0.0.1/x /y\n", NULL, 1,
	    "1 - local/base|2 remote-sources -" },
	{ "continuation with comment and blank", "FROM local/base\nADD \\\n"
	    "# a comment\n\n   http://a/b \\\n  /y\n", NULL, 1,
	    "1 - local/base|2 remote-sources -" },
	{ "continuation with blanks after escape", "FROM local/base\n"
	    "RUN true \\ \t\nADD http://a/b /y\n", NULL, 1,
	    "1 - local/base" },
	{ "escape backtick", "# escape=`\nFROM local/base\nADD http`\n"
	    "://x/y /z\n", NULL, 1, "2 - local/base|3 remote-sources -" },
	{ "escape backtick: backslash does not continue",
	    "# escape=`\nFROM local/base\nRUN echo \\\nADD http://x /y\n",
	    NULL, 1, "2 - local/base|4 remote-sources -" },
	{ "escape directive after an instruction is a comment",
	    "FROM local/base\n# escape=`\nRUN echo `\nADD http://x /y\n",
	    NULL, 1, "1 - local/base|4 remote-sources -" },
	{ "escape directive with leading blanks", "  # escape=`\n"
	    "FROM local/base\nRUN echo \\\nADD http://x /y\n", NULL, 1,
	    "2 - local/base|4 remote-sources -" },
	{ "escape repeated", "# escape=`\n# escape=\\\nFROM local/base\n",
	    NULL, 0, "repeated" },
	{ "escape invalid", "# escape=x\nFROM local/base\n", NULL, 0,
	    "escape" },
	{ "syntax directive", "# syntax=docker/dockerfile:1\n"
	    "FROM local/base\n", NULL, 1,
	    "1 remote-sources -|2 - local/base" },
	{ "syntax directive, case and spaces", "#  SYNTAX = x/y \n"
	    "FROM local/base\n", NULL, 1,
	    "1 remote-sources -|2 - local/base" },
	{ "syntax after escape", "# escape=`\n# syntax=x/y\n"
	    "FROM local/base\n", NULL, 1, "2 remote-sources -|3 - local/base" },
	{ "check directive", "# check=skip=all\nFROM local/base\n", NULL, 1,
	    "2 - local/base" },
	{ "syntax build-arg", "FROM local/base\n", "BUILDKIT_SYNTAX=x/y", 1,
	    "1 - local/base|0 remote-sources -" },
	{ "heredoc body is not an instruction", "FROM local/base\n"
	    "RUN <<EOF\nADD http://x/y /z\nEOF\n", NULL, 1,
	    "1 - local/base" },
	{ "instruction after heredoc", "FROM local/base\nRUN <<EOF\n"
	    "echo\nEOF\nADD http://a/b /c\n", NULL, 1,
	    "1 - local/base|5 remote-sources -" },
	{ "heredoc chomp", "FROM local/base\nRUN <<-EOF\n\techo\n\tEOF\n"
	    "ADD http://a/b /c\n", NULL, 1,
	    "1 - local/base|5 remote-sources -" },
	{ "heredoc without chomp keeps tab terminator", "FROM local/base\n"
	    "RUN <<EOF\n\tEOF\nADD http://a/b /c\nEOF\n", NULL, 1,
	    "1 - local/base" },
	{ "heredoc quoted", "FROM local/base\nRUN <<'EOF'\n$x\nEOF\n"
	    "ADD http://a/b /c\n", NULL, 1,
	    "1 - local/base|5 remote-sources -" },
	{ "heredoc double quoted", "FROM local/base\nCOPY <<\"EOF\" /x\n"
	    "hi\nEOF\n", NULL, 1, "1 - local/base" },
	{ "two heredocs", "FROM local/base\nRUN <<A cat /dev/stdin <<B\na\n"
	    "A\nb\nB\nADD http://a/b /c\n", NULL, 1,
	    "1 - local/base|7 remote-sources -" },
	{ "heredoc with fd", "FROM local/base\nRUN 3<<EOF cat\nx\nEOF\n"
	    "ADD http://a/b /c\n", NULL, 1,
	    "1 - local/base|5 remote-sources -" },
	{ "heredoc add", "FROM local/base\nADD <<EOF /x\nhttp://a/b\nEOF\n",
	    NULL, 1, "1 - local/base" },
	{ "not a heredoc: here-string", "FROM local/base\nRUN cat <<<EOF\n"
	    "ADD http://a/b /c\n", NULL, 1,
	    "1 - local/base|3 remote-sources -" },
	{ "not a heredoc: quoted", "FROM local/base\nRUN echo '<<EOF'\n"
	    "ADD http://a/b /c\n", NULL, 1,
	    "1 - local/base|3 remote-sources -" },
	{ "no heredoc in JSON form", "FROM local/base\nRUN [\"sh\", "
	    "\"<<EOF\"]\nADD http://a/b /c\n", NULL, 1,
	    "1 - local/base|3 remote-sources -" },
	{ "heredoc under ONBUILD", "FROM local/base\nONBUILD RUN <<EOF\n"
	    "ADD http://a/b /c\nEOF\n", NULL, 0, "ONBUILD with" },
	{ "heredoc with blanks after <<", "FROM local/base\nRUN <<  EOF\n"
	    "ADD http://a/b /c\nEOF\nADD http://d/e /f\n", NULL, 1,
	    "1 - local/base|5 remote-sources -" },
	{ "no heredoc: blank after <<-", "FROM local/base\nRUN <<- EOF\n"
	    "x\n\tEOF\nADD http://d/e /f\n", NULL, 0,
	    "unknown instruction x" },
	{ "heredoc unterminated", "FROM local/base\nRUN <<EOF\necho\n", NULL,
	    0, "unterminated heredoc" },
	{ "heredoc name unreadable", "FROM local/base\nRUN <<E\\OF\nx\n",
	    NULL, 0, "heredoc" },
	{ "heredoc named like an instruction", "FROM local/base\n"
	    "RUN <<CMD\nADD http://x/y /z\nCMD\n", NULL, 0,
	    "named like an instruction" },
	{ "heredoc after variable", "FROM local/base\nRUN cat $X<<EOF\nx\n"
	    "EOF\n", NULL, 0, "variable" },
	{ "heredocs limit", "FROM local/base\nRUN <<A <<A <<A <<A <<A <<A "
	    "<<A <<A <<A <<A <<A <<A <<A <<A <<A <<A <<A <<A <<A <<A <<A <<A "
	    "<<A <<A <<A <<A <<A <<A <<A <<A <<A <<A <<A\n", NULL, 0,
	    "heredocs" },
	{ "json add", "FROM local/base\nADD [\"http://127.0.0.1/x\", "
	    "\"/x\"]\n", NULL, 1, "1 - local/base|2 remote-sources -" },
	{ "json add with unicode escape", "FROM local/base\nADD "
	    "[\"\\u0068ttp\\u003a//x/y\", \"/x\"]\n", NULL, 1,
	    "1 - local/base|2 remote-sources -" },
	{ "json add, two sources, local first", "FROM local/base\nADD "
	    "[\"a\", \"git@h:r.git\", \"/x\"]\n", NULL, 1,
	    "1 - local/base|2 remote-sources -" },
	{ "json local add", "FROM local/base\nADD [\"a b\", \"/x\"]\n", NULL,
	    1, "1 - local/base" },
	{ "shell form starting with [", "FROM local/base\n"
	    "RUN [ -d /x ] || mkdir /x\n", NULL, 1, "1 - local/base" },
	{ "onbuild add", "FROM local/base\nONBUILD ADD http://x/y /z\n",
	    NULL, 1, "1 - local/base|2 remote-sources -" },
	{ "onbuild lower case with flags", "FROM local/base\nonbuild add "
	    "--chmod=644 http://x/y /z\n", NULL, 1,
	    "1 - local/base|2 remote-sources -" },
	{ "onbuild onbuild", "FROM local/base\nONBUILD ONBUILD RUN x\n",
	    NULL, 0, "ONBUILD onbuild" },
	{ "onbuild from", "FROM local/base\nONBUILD FROM x\n", NULL, 0,
	    "ONBUILD from" },
	{ "git ssh scp form", "FROM local/base\nADD git@github.com:a/b.git "
	    "/x\n", NULL, 1, "1 - local/base|2 remote-sources -" },
	{ "git scheme", "FROM local/base\nADD git://h/r /x\n", NULL, 1,
	    "1 - local/base|2 remote-sources -" },
	{ "ssh scheme", "FROM local/base\nADD ssh://git@h/r /x\n", NULL, 1,
	    "1 - local/base|2 remote-sources -" },
	{ "github.com form", "FROM local/base\nADD github.com/a/b /x\n",
	    NULL, 1, "1 - local/base|2 remote-sources -" },
	{ "dot git without scheme", "FROM local/base\nADD h/r.git /x\n",
	    NULL, 1, "1 - local/base|2 remote-sources -" },
	{ "dot git with fragment", "FROM local/base\nADD h/r.git#main /x\n",
	    NULL, 1, "1 - local/base|2 remote-sources -" },
	{ "dot github is local", "FROM local/base\nADD .github .gitignore "
	    "/x/\n", NULL, 1, "1 - local/base" },
	{ "quoted url", "FROM local/base\nADD \"http://x/y\" /z\n", NULL, 1,
	    "1 - local/base|2 remote-sources -" },
	{ "url broken by quotes", "FROM local/base\nADD h'ttp'://x/y /z\n",
	    NULL, 1, "1 - local/base|2 remote-sources -" },
	{ "variable source", "FROM local/base\nARG U\nADD $U /z\n", NULL, 1,
	    "1 - local/base|3 remote-sources -" },
	{ "add flags", "FROM local/base\nADD --chown=1:1 --chmod=644 --link "
	    "--checksum=sha256:00 --keep-git-dir=true --exclude=*.md a /z\n",
	    NULL, 1, "1 - local/base" },
	{ "copy flags", "FROM local/base\nCOPY --parents --link "
	    "--chown=a:b --exclude=x a /z\n", NULL, 1, "1 - local/base" },
	{ "unknown add flag", "FROM local/base\nADD --bogus a /z\n", NULL, 0,
	    "unknown flag --bogus" },
	{ "flag on cmd", "FROM local/base\nCMD --x=1 a\n", NULL, 0,
	    "unknown flag" },
	{ "healthcheck flags", "FROM local/base\nHEALTHCHECK --interval=5s "
	    "--retries=3 CMD true\n", NULL, 1, "1 - local/base" },
	{ "run network host", "FROM local/base\nRUN --network=host true\n",
	    NULL, 1, "1 - local/base|2 host-namespaces -" },
	{ "run network host quoted", "FROM local/base\n"
	    "RUN --network=\"host\" true\n", NULL, 1,
	    "1 - local/base|2 host-namespaces -" },
	{ "run network none and default", "FROM local/base\n"
	    "RUN --network=none true\nRUN --network=default true\n", NULL, 1,
	    "1 - local/base" },
	{ "run network unknown", "FROM local/base\nRUN --network=bridge "
	    "true\n", NULL, 0, "unknown network" },
	{ "run security insecure", "FROM local/base\n"
	    "RUN --security=insecure true\n", NULL, 1,
	    "1 - local/base|2 privileged -" },
	{ "run security sandbox", "FROM local/base\n"
	    "RUN --security=sandbox true\n", NULL, 1, "1 - local/base" },
	{ "run mount secret", "FROM local/base\n"
	    "RUN --mount=type=secret,id=x cat /run/secrets/x\n", NULL, 1,
	    "1 - local/base|2 remote-sources -" },
	{ "run mount ssh upper case", "FROM local/base\n"
	    "RUN --mount=TYPE=SSH true\n", NULL, 1,
	    "1 - local/base|2 remote-sources -" },
	{ "run mount bind from image", "FROM local/base\n"
	    "RUN --mount=type=bind,from=local/tools,target=/t true\n", NULL,
	    1, "1 - local/base|2 remote-sources local/tools" },
	{ "run mount cache from stage", "FROM local/base AS b\n"
	    "RUN --mount=type=cache,from=B,target=/t true\n", NULL, 1,
	    "1 - local/base" },
	{ "run mount tmpfs", "FROM local/base\n"
	    "RUN --mount=type=tmpfs,target=/t true\n", NULL, 1,
	    "1 - local/base" },
	{ "run mount variable", "FROM local/base\n"
	    "RUN --mount=type=$T true\n", NULL, 0, "variables" },
	{ "run mount unknown key", "FROM local/base\n"
	    "RUN --mount=type=bind,evil=1 true\n", NULL, 0, "unknown option" },
	{ "run mount unknown type", "FROM local/base\n"
	    "RUN --mount=type=device,target=/t true\n", NULL, 0,
	    "unknown type" },
	{ "run unknown flag", "FROM local/base\nRUN --device=x true\n", NULL,
	    0, "unknown flag" },
	{ "copy from image", "FROM local/base\nCOPY --from=local/tools /a "
	    "/b\n", NULL, 1, "1 - local/base|2 - local/tools" },
	{ "copy from stage and index", "FROM local/base AS build\n"
	    "FROM local/base\nCOPY --from=BUILD /a /b\nCOPY --from=0 /a /b\n",
	    NULL, 1, "1 - local/base|2 - local/base" },
	{ "copy from index past the stages is an image",
	    "FROM local/base\nCOPY --from=7 /a /b\n", NULL, 1,
	    "1 - local/base|2 - 7" },
	{ "copy from variable", "FROM local/base\nARG X\nCOPY --from=$X /a "
	    "/b\n", NULL, 0, "variable" },
	{ "from stage", "FROM local/base AS b\nFROM b\nFROM scratch\n", NULL,
	    1, "1 - local/base" },
	{ "from platform", "FROM --platform=$BUILDPLATFORM local/base\n",
	    NULL, 1, "1 - local/base" },
	{ "from meta arg", "ARG BASE=local/base\nFROM ${BASE}\n", NULL, 1,
	    "2 - local/base" },
	{ "from meta arg and tag", "ARG T=1\nARG B=local/base:$T\nFROM $B\n",
	    NULL, 1, "3 - local/base:1" },
	{ "from build-arg", "ARG BASE=local/base\nFROM $BASE\n",
	    "BASE=alpine", 1, "2 - alpine" },
	{ "from build-arg undeclared is ignored", "ARG BASE=local/base\n"
	    "FROM $BASE\n", "OTHER=alpine", 1, "2 - local/base" },
	{ "from build-arg without value", "ARG BASE=local/base\n"
	    "FROM $BASE\n", "BASE", 0, "not set" },
	{ "from build-args unknown (compose)", "ARG BASE=local/base\n"
	    "FROM $BASE\n", "*", 0, "not set" },
	{ "from arg without default", "ARG BASE\nFROM $BASE\n", NULL, 0,
	    "not set" },
	{ "from undeclared", "FROM $BASE\n", NULL, 0, "not set" },
	{ "from modifier", "ARG B=x\nFROM ${B:-alpine}\n", NULL, 0,
	    "expansion" },
	{ "from stage arg is not meta", "FROM local/base\nARG B=alpine\n"
	    "FROM $B\n", NULL, 0, "not set" },
	{ "crlf", "FROM local/base\r\nADD http://x /y\r\n", NULL, 1,
	    "1 - local/base|2 remote-sources -" },
	{ "bom", "\xef\xbb\xbf# syntax=x\nFROM local/base\n", NULL, 1,
	    "1 remote-sources -|2 - local/base" },
	{ "non-ascii in comment", "# caf\xc3\xa9\nFROM local/base\n", NULL,
	    1, "2 - local/base" },
	{ "non-ascii in instruction", "FROM local/base\nRUN echo "
	    "\xc2\xa0\n", NULL, 0, "non-ASCII" },
	{ "nbsp as separator", "FROM local/base\nADD\xc2\xa0http://x /y\n",
	    NULL, 0, "non-ASCII" },
	{ "control byte", "FROM local/base\nRUN echo \x01\n", NULL, 0,
	    "control" },
	{ "invalid utf-8", "# \xff\nFROM local/base\n", NULL, 0, "UTF-8" },
	{ "unknown instruction", "FROM local/base\nFETCH http://x\n", NULL,
	    0, "unknown instruction" },
	{ "instruction before from", "RUN true\nFROM local/base\n", NULL, 0,
	    "before the first FROM" },
	{ "no from", "# nothing\n", NULL, 0, "no FROM" },
	{ "empty", "", NULL, 0, "no FROM" },
	{ "from too many words", "FROM a b c d\n", NULL, 0, "AS name" },
	{ "add without destination", "FROM local/base\nADD http://x\n",
	    NULL, 0, "destination" },
	{ "slash-slash syntax form", "//syntax=x\nFROM local/base\n", NULL, 0,
	    "unknown instruction" },
};

/* "LINE RISK IMAGE|..." of a report. */
static char *
summary(const struct df_report *r)
{
	char *s = xstrdup(""), *n, risk[128];
	unsigned bit;
	size_t i;

	for (i = 0; i < r->n; i++) {
		risk[0] = '\0';
		for (bit = 1; bit != 0; bit <<= 1)
			if ((r->v[i].risk & bit) && commands_risk_name(bit))
				(void)snprintf(risk + strlen(risk),
				    sizeof(risk) - strlen(risk), "%s%s",
				    risk[0] ? "+" : "",
				    commands_risk_name(bit));
		n = xasprintf("%s%s%zu %s %s", s, i ? "|" : "", r->v[i].line,
		    risk[0] ? risk : "-", r->v[i].image ? r->v[i].image : "-");
		free(s);
		s = n;
	}
	return s;
}

static int
run_case(const struct dfcase *c)
{
	struct strv args = { NULL, 0, 0 };
	struct df_report rep;
	const char *err = NULL, *p = c->args;
	char *got = NULL;
	size_t n;
	int r, bad = 0;

	while (p != NULL && *p != '\0') {
		n = strcspn(p, " ");
		strv_take(&args, xstrndup(p, n));
		p += n + (p[n] == ' ');
	}
	r = dockerfile_check(c->in, strlen(c->in), c->args ? &args : NULL,
	    &rep, &err);
	if (r == 0) {
		got = summary(&rep);
		bad = !c->ok || strcmp(got, c->want) != 0;
	} else
		bad = c->ok || strstr(err, c->want) == NULL;
	if (bad)
		print_error("%s: got %s \"%s\", want %s \"%s\"\n", c->name,
		    r == 0 ? "findings" : "error", r == 0 ? got : err,
		    c->ok ? "findings" : "error", c->want);
	free(got);
	dockerfile_report_free(&rep);
	strv_free(&args);
	return bad;
}

static void
test_cases(void **state)
{
	size_t i;
	int bad = 0;

	(void)state;
	for (i = 0; i < NELEM(cases); i++)
		bad += run_case(&cases[i]);
	assert_int_equal(bad, 0);
}

/* The limits: a line, an instruction count. */
static void
test_limits(void **state)
{
	struct df_report rep;
	const char *err;
	char *big;
	size_t i, n;

	(void)state;
	n = DF_LINE_MAX + 64;
	big = xmalloc(n + 32);
	(void)snprintf(big, 32, "FROM local/base\nRUN ");
	memset(big + strlen(big), 'x', n);
	big[n] = '\0';
	assert_int_equal(dockerfile_check(big, strlen(big), NULL, &rep, &err),
	    -1);
	assert_non_null(strstr(err, "longer than"));
	free(big);
	big = xstrdup("FROM local/base\n");
	for (i = 0; i < DF_INSTR_MAX; i++) {
		char *t = xasprintf("%sRUN x\n", big);

		free(big);
		big = t;
	}
	assert_int_equal(dockerfile_check(big, strlen(big), NULL, &rep, &err),
	    -1);
	assert_non_null(strstr(err, "instructions"));
	free(big);
}

/* ------------------------------------------------------------------ */
/* tar */

struct tent {
	const char	*name;
	char		 type;
	const char	*data;
};

static void
octal(char *f, size_t n, unsigned long v)
{
	char t[32];

	(void)snprintf(t, sizeof(t), "%0*lo", (int)n - 1, v);
	memcpy(f, t, n - 1);
	f[n - 1] = '\0';
}

/* A ustar archive of the entries (n), two zero blocks; *len. */
static char *
mktar(const struct tent *e, size_t n, size_t *len, int trailer)
{
	size_t cap = (n * 3 + 2) * 512 + 4096, off = 0, i, k, dl;
	char *b = xcalloc(cap, 1), *h;
	unsigned sum;

	for (i = 0; i < n; i++) {
		h = b + off;
		dl = e[i].data ? strlen(e[i].data) : 0;
		(void)snprintf(h, 100, "%s", e[i].name);
		octal(h + 100, 8, 0644);
		octal(h + 108, 8, 0);
		octal(h + 116, 8, 0);
		octal(h + 124, 12, dl);
		octal(h + 136, 12, 0);
		h[156] = e[i].type;
		memcpy(h + 257, "ustar\0" "00", 8);
		memset(h + 148, ' ', 8);
		for (sum = 0, k = 0; k < 512; k++)
			sum += (unsigned char)h[k];
		(void)snprintf(h + 148, 8, "%06o", sum);
		off += 512;
		if (dl)
			memcpy(b + off, e[i].data, dl);
		off += (dl + 511) / 512 * 512;
	}
	*len = off + (trailer ? 1024 : 0);
	return b;
}

static const char *
tar_err(const struct tent *e, size_t n, const char *name, int trailer,
    size_t cut)
{
	const char *file, *err = NULL;
	size_t len, flen;
	char *b = mktar(e, n, &len, trailer);

	if (dockerfile_tar_find(b, len - cut, name, &file, &flen, &err) == 0)
		err = NULL;
	free(b);
	return err;
}

static void
test_tar(void **state)
{
	const struct tent ok[] = {
		{ "./", '5', NULL },
		{ "./app.txt", '0', "data" },
		{ "./Dockerfile", '0', "FROM local/base\n" },
		{ "sub/Dockerfile.x", '0', "FROM x\n" },
	};
	const struct tent dup[] = {
		{ "Dockerfile", '0', "FROM local/base\n" },
		{ "./Dockerfile", '0', "FROM evil\n" },
	};
	const struct tent both[] = {
		{ "Dockerfile", '0', "FROM local/base\n" },
		{ "dockerfile", '0', "FROM evil\n" },
	};
	const struct tent lower[] = { { "dockerfile", '0', "FROM y\n" } };
	const struct tent link[] = { { "Dockerfile", '2', NULL } };
	const struct tent dirlink[] = {
		{ "sub", '2', NULL },
		{ "sub/Dockerfile", '0', "FROM x\n" },
	};
	const struct tent pax[] = {
		{ "././@PaxHeader", 'x', "20 path=Dockerfile\n" },
		{ "x", '0', "FROM evil\n" },
	};
	const struct tent dots[] = { { "../Dockerfile", '0', "FROM x\n" } };
	const struct tent sparse[] = { { "a", 'S', "x" } };
	const char *file, *err;
	size_t len, flen;
	char *b;

	(void)state;
	b = mktar(ok, NELEM(ok), &len, 1);
	assert_int_equal(dockerfile_sniff(b, len), DF_INPUT_TAR);
	assert_int_equal(dockerfile_tar_find(b, len, NULL, &file, &flen,
	    &err), 0);
	assert_int_equal(flen, 16);
	assert_memory_equal(file, "FROM local/base\n", 16);
	assert_int_equal(dockerfile_tar_find(b, len, "sub//Dockerfile.x",
	    &file, &flen, &err), 0);
	assert_memory_equal(file, "FROM x\n", 7);
	assert_int_equal(dockerfile_tar_find(b, len, "nope", &file, &flen,
	    &err), -1);
	assert_int_equal(dockerfile_tar_find(b, len, "../x", &file, &flen,
	    &err), -1);
	free(b);
	b = mktar(lower, 1, &len, 1);
	assert_int_equal(dockerfile_tar_find(b, len, NULL, &file, &flen,
	    &err), 0);
	assert_memory_equal(file, "FROM y\n", 7);
	free(b);
	assert_non_null(strstr(tar_err(dup, 2, NULL, 1, 0), "more than one"));
	assert_non_null(strstr(tar_err(both, 2, NULL, 1, 0), "more than one"));
	assert_non_null(strstr(tar_err(link, 1, NULL, 1, 0), "link"));
	assert_non_null(strstr(tar_err(dirlink, 2, "sub/Dockerfile", 1, 0),
	    "link"));
	assert_non_null(strstr(tar_err(pax, 2, "x", 1, 0), "pax"));
	assert_non_null(strstr(tar_err(dots, 1, NULL, 1, 0), ".."));
	assert_non_null(strstr(tar_err(sparse, 1, NULL, 1, 0), "sparse"));
	assert_non_null(strstr(tar_err(ok, NELEM(ok), NULL, 0, 0),
	    "truncated"));
	assert_non_null(strstr(tar_err(ok, NELEM(ok), NULL, 1, 1030),
	    "truncated"));
}

static void
test_sniff(void **state)
{
	char block[512];

	(void)state;
	assert_int_equal(dockerfile_sniff("FROM x\n", 7), DF_INPUT_TEXT);
	assert_int_equal(dockerfile_sniff("\x1f\x8b\x08\x00", 4),
	    DF_INPUT_COMPRESSED);
	assert_int_equal(dockerfile_sniff("BZh91AY", 7), DF_INPUT_COMPRESSED);
	assert_int_equal(dockerfile_sniff("\xfd\x37\x7a\x58\x5a\x00", 6),
	    DF_INPUT_COMPRESSED);
	assert_int_equal(dockerfile_sniff("\x28\xb5\x2f\xfd", 4),
	    DF_INPUT_COMPRESSED);
	assert_int_equal(dockerfile_sniff("\x50\x2a\x4d\x18", 4),
	    DF_INPUT_COMPRESSED);
	/* 512 bytes without a valid checksum: a Dockerfile (then refused
	 * by the parser for its NUL bytes). */
	memset(block, 0, sizeof(block));
	assert_int_equal(dockerfile_sniff(block, sizeof(block)),
	    DF_INPUT_TEXT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_tar),
		cmocka_unit_test(test_sniff),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
