/*
 * test_cmdline.c: the command-string lexer and the docker command word.
 *
 * Every reject path of cmdline_split has a case here, and every case checks
 * the column the message reports.  The caps are tested exactly at the limit
 * (accepted) and one past it (refused).
 */
#include "testutil.h"

#include "cmdline.h"

#define MAXW	16	/* words in the longest expected split below */

struct accept_case {
	const char	*in;
	const char	*words[MAXW + 1];	/* NULL-terminated */
};

struct reject_case {
	const char	*in;
	size_t		 len;		/* 0: strlen(in) */
	const char	*msg;		/* substring of the message */
	size_t		 col;		/* column in the message; 0: none */
};

struct docker_case {
	const char	*in;
	int		 rv;
	size_t		 rest;		/* when rv == 0 */
	const char	*msg;		/* substring, when rv == -1 */
};

static const struct accept_case accepts[] = {
	{ "docker ps", { "docker", "ps" } },
	{ "  docker   ps  ", { "docker", "ps" } },
	{ "docker\tps", { "docker", "ps" } },
	{ "\tdocker \t\tps\t", { "docker", "ps" } },
	{ "docker", { "docker" } },
	{ "docker ps --format '{{.Names}}'",
	    { "docker", "ps", "--format", "{{.Names}}" } },
	{ "docker ps --format {{.Names}}",
	    { "docker", "ps", "--format", "{{.Names}}" } },
	{ "docker ps --format \"table {{.Names}}\\t{{.Status}}\"",
	    { "docker", "ps", "--format", "table {{.Names}}\\t{{.Status}}" } },
	{ "a'b'\"c\"", { "abc" } },
	{ "\"a b\"'c d'e\\ f", { "a bc de f" } },
	{ "'' \"\"", { "", "" } },
	{ "echo '' a", { "echo", "", "a" } },
	{ "echo ''a a'' \"\"b", { "echo", "a", "a", "b" } },
	{ "docker run --rm alpine sh -c 'echo hi; exit 3'",
	    { "docker", "run", "--rm", "alpine", "sh", "-c",
	    "echo hi; exit 3" } },
	{ "docker exec web sh -c \"echo 'hi there'\"",
	    { "docker", "exec", "web", "sh", "-c", "echo 'hi there'" } },
	{ "echo 'a\"b' \"a'b\"", { "echo", "a\"b", "a'b" } },
	/* Double quotes: \ escapes only $ ` " \ ... */
	{ "echo \"\\$HOME\" \"\\`id\\`\"", { "echo", "$HOME", "`id`" } },
	{ "echo \"a\\\"b\" \"a\\\\b\"", { "echo", "a\"b", "a\\b" } },
	/* ... and stays literal before anything else. */
	{ "echo \"a\\nb\" \"\\x\" \"\\'\" \"\\;\"",
	    { "echo", "a\\nb", "\\x", "\\'", "\\;" } },
	{ "echo \"\\\\\\\"\"", { "echo", "\\\"" } },
	/* Backslash outside quotes quotes the next byte. */
	{ "echo a\\ b \\; \\' \\\" \\\\ \\$x \\a",
	    { "echo", "a b", ";", "'", "\"", "\\", "$x", "a" } },
	/* Single quotes: everything is data, backslash included. */
	{ "echo 'a\\b' '$HOME' '`id`' 'a\\'",
	    { "echo", "a\\b", "$HOME", "`id`", "a\\" } },
	{ "echo '; & | < > ( )' \"; & | < > ( )\"",
	    { "echo", "; & | < > ( )", "; & | < > ( )" } },
	/* No globbing, no tilde, no braces, no comments, no assignments. */
	{ "echo * ? [a] ~ ~/x #x {a,b} a=b ! % ^ ]",
	    { "echo", "*", "?", "[a]", "~", "~/x", "#x", "{a,b}", "a=b",
	    "!", "%", "^", "]" } },
	{ "docker run -e FOO=bar -v vol:/data alpine",
	    { "docker", "run", "-e", "FOO=bar", "-v", "vol:/data",
	    "alpine" } },
	/* UTF-8 words, quoted or not, escaped or not. */
	{ "docker run --name café alpine",
	    { "docker", "run", "--name", "café", "alpine" } },
	{ "echo 'héllo wörld' 日本 \"ü\" \\é \"\\é\" 🐳",
	    { "echo", "héllo wörld", "日本", "ü", "é", "\\é", "🐳" } },
	/* A tab inside quotes is data. */
	{ "echo 'a\tb' \"c\td\"", { "echo", "a\tb", "c\td" } },
};

static const struct reject_case rejects[] = {
	/* Unquoted metacharacters. */
	{ "docker ps; id", 0, "unquoted ';'", 10 },
	{ "docker ps && id", 0, "unquoted '&'", 11 },
	{ "docker ps &", 0, "unquoted '&'", 11 },
	{ "docker ps | sh", 0, "unquoted '|'", 11 },
	{ "docker ps > /tmp/x", 0, "unquoted '>'", 11 },
	{ "docker ps</etc/passwd", 0, "unquoted '<'", 10 },
	{ "docker ps (x)", 0, "unquoted '('", 11 },
	{ "docker ps x)", 0, "unquoted ')'", 12 },
	{ "echo $HOME", 0, "unquoted '$'", 6 },
	{ "echo a$", 0, "unquoted '$'", 7 },
	{ "echo `id`", 0, "unquoted '`'", 6 },
	{ "echo 'a'$x", 0, "unquoted '$'", 9 },
	{ "é;", 0, "unquoted ';'", 2 },
	{ "日本 $x", 0, "unquoted '$'", 4 },
	/* $ and ` inside double quotes. */
	{ "echo \"$HOME\"", 0, "'$' inside double quotes", 7 },
	{ "echo \"`id`\"", 0, "'`' inside double quotes", 7 },
	{ "echo \"a\\\\$x\"", 0, "'$' inside double quotes", 10 },
	{ "echo \"$(id)\"", 0, "'$' inside double quotes", 7 },
	/* Control bytes, quoted or not. */
	{ "docker ps\n", 0, "newline", 10 },
	{ "docker ps\nid", 0, "newline", 10 },
	{ "docker 'a\nb'", 0, "newline", 10 },
	{ "docker \"a\\\nb\"", 0, "newline", 11 },
	{ "docker\rps", 0, "carriage return", 7 },
	{ "docker\0ps", 9, "NUL byte", 7 },
	{ "docker '\0'", 10, "NUL byte", 9 },
	{ "docker \x01", 0, "control byte 0x01", 8 },
	{ "docker \x1b[31m", 0, "control byte 0x1b", 8 },
	{ "docker '\x1b[2J'", 0, "control byte 0x1b", 9 },
	{ "docker \x7f", 0, "DEL", 8 },
	{ "docker \x0b", 0, "control byte 0x0b", 8 },
	{ "docker \x0c", 0, "control byte 0x0c", 8 },
	/* Invalid UTF-8. */
	{ "docker \xff", 0, "invalid UTF-8", 8 },
	{ "docker é\xc3", 0, "invalid UTF-8", 9 },
	{ "docker \xc0\xaf", 0, "invalid UTF-8", 8 },
	{ "docker \xed\xa0\x80", 0, "invalid UTF-8", 8 },
	{ "docker \xf4\x90\x80\x80", 0, "invalid UTF-8", 8 },
	{ "docker a\x80", 0, "invalid UTF-8", 9 },
	{ "docker '\xe2\x82'", 0, "invalid UTF-8", 9 },
	/* Unicode controls, separators and bidi overrides. */
	{ "docker \xc2\x85", 0, "U+0085", 8 },
	{ "docker '\xc2\x9b'", 0, "U+009B", 9 },
	{ "docker \xe2\x80\xa8", 0, "U+2028", 8 },
	{ "docker \xe2\x80\xae", 0, "U+202E", 8 },
	{ "docker é\xe2\x81\xa6", 0, "U+2066", 9 },
	/* Unterminated quotes, trailing backslash. */
	{ "docker 'abc", 0, "unterminated single quote", 8 },
	{ "docker \"abc", 0, "unterminated double quote", 8 },
	{ "docker \"abc\\\"", 0, "unterminated double quote", 8 },
	{ "docker \"abc\\", 0, "unterminated double quote", 8 },
	{ "docker 'a'\"b'", 0, "unterminated double quote", 11 },
	{ "docker ps \\", 0, "trailing backslash", 11 },
	{ "docker ps\\", 0, "trailing backslash", 10 },
	/* Nothing to run. */
	{ "", 0, "empty command", 0 },
	{ "   \t  ", 0, "empty command", 0 },
};

static const struct docker_case dockers[] = {
	{ "docker", 0, 1, NULL },
	{ "docker ps -a", 0, 1, NULL },
	{ " docker ps", 0, 1, NULL },
	{ "'docker' ps", 0, 1, NULL },
	{ "sudo docker ps", 0, 2, NULL },
	{ "sudo docker", 0, 2, NULL },
	{ "sudo", -1, 0, "sudo alone" },
	{ "sudo -u root docker ps", -1, 0, "sudo options" },
	{ "sudo -E docker ps", -1, 0, "sudo options" },
	{ "sudo -- docker ps", -1, 0, "sudo options" },
	{ "sudo id", -1, 0, "only docker commands" },
	{ "sudo sudo docker", -1, 0, "only docker commands" },
	{ "sudo /usr/bin/docker ps", -1, 0, "paths are not accepted" },
	{ "sudo env docker ps", -1, 0, "env is not accepted" },
	{ "sudo FOO=1 docker ps", -1, 0, "environment assignments" },
	{ "/usr/bin/docker ps", -1, 0, "paths are not accepted" },
	{ "/usr/bin/env docker ps", -1, 0, "paths are not accepted" },
	{ "'/usr/bin/docker' ps", -1, 0, "paths are not accepted" },
	{ "./docker ps", -1, 0, "paths are not accepted" },
	{ "bin/docker ps", -1, 0, "paths are not accepted" },
	{ "env docker ps", -1, 0, "env is not accepted" },
	{ "env", -1, 0, "env is not accepted" },
	{ "DOCKER_HOST=tcp://x docker ps", -1, 0, "environment assignments" },
	{ "_x1=y docker", -1, 0, "environment assignments" },
	{ "A= docker", -1, 0, "environment assignments" },
	{ "=x docker", -1, 0, "only docker commands" },
	{ "1A=b docker", -1, 0, "only docker commands" },
	{ "dockerd", -1, 0, "only docker commands" },
	{ "docker-compose up", -1, 0, "only docker commands" },
	{ "Docker ps", -1, 0, "case-sensitive" },
	{ "DOCKER ps", -1, 0, "case-sensitive" },
	{ "sh -c 'docker ps'", -1, 0, "only docker commands" },
	{ "podman ps", -1, 0, "only docker commands" },
};

/* 1 if msg says "column N" with exactly that number. */
static int
has_column(const char *msg, size_t col)
{
	char want[32];
	const char *p;
	size_t n;

	n = (size_t)snprintf(want, sizeof(want), "column %zu", col);
	for (p = msg; (p = strstr(p, want)) != NULL; p++)
		if (p[n] < '0' || p[n] > '9')
			return 1;
	return 0;
}

static void
test_accept(void **state)
{
	struct strv sv;
	const char *err = NULL;
	size_t i, k;

	(void)state;
	for (i = 0; i < NELEM(accepts); i++) {
		const struct accept_case *c = &accepts[i];

		if (cmdline_split(c->in, strlen(c->in), &sv, &err) != 0)
			fail_msg("case %zu [%s]: %s", i, c->in, err);
		for (k = 0; c->words[k] != NULL; k++) {
			if (k >= sv.n)
				fail_msg("case %zu [%s]: %zu words, want more",
				    i, c->in, sv.n);
			if (strcmp(sv.v[k], c->words[k]) != 0)
				fail_msg("case %zu [%s]: word %zu [%s], want "
				    "[%s]", i, c->in, k, sv.v[k], c->words[k]);
		}
		if (k != sv.n)
			fail_msg("case %zu [%s]: %zu words, want %zu", i,
			    c->in, sv.n, k);
		assert_null(sv.v[sv.n]);
		strv_free(&sv);
	}
}

static void
test_reject(void **state)
{
	struct strv sv;
	const char *err;
	size_t i, len;

	(void)state;
	for (i = 0; i < NELEM(rejects); i++) {
		const struct reject_case *c = &rejects[i];

		len = c->len ? c->len : strlen(c->in);
		err = NULL;
		if (cmdline_split(c->in, len, &sv, &err) != -1)
			fail_msg("case %zu: accepted", i);
		assert_non_null(err);
		if (strstr(err, c->msg) == NULL)
			fail_msg("case %zu: [%s], want [%s]", i, err, c->msg);
		if (c->col != 0 && !has_column(err, c->col))
			fail_msg("case %zu: [%s], want column %zu", i, err,
			    c->col);
		/* The output is left empty on error. */
		assert_null(sv.v);
		assert_int_equal(sv.n, 0);
		/* The message never carries a control byte. */
		for (len = 0; err[len] != '\0'; len++)
			assert_true((unsigned char)err[len] >= 0x20);
	}
}

/* The message for an unquoted metacharacter, word for word. */
static void
test_message_text(void **state)
{
	struct strv sv;
	const char *err = NULL;
	const char *in = "docker ps ;";

	(void)state;
	assert_int_equal(cmdline_split(in, strlen(in), &sv, &err), -1);
	assert_string_equal(err, "unquoted ';' at column 11: shell "
	    "metacharacters are not interpreted; quote it if it is data");
}

/* len is honoured: the string need not be NUL-terminated. */
static void
test_not_terminated(void **state)
{
	static const char buf[] = { 'd', 'o', 'c', 'k', 'e', 'r', ' ', 'p',
	    's', ';', '\n' };
	struct strv sv;
	const char *err = NULL;

	(void)state;
	assert_int_equal(cmdline_split(buf, 9, &sv, &err), 0);
	assert_int_equal(sv.n, 2);
	assert_string_equal(sv.v[1], "ps");
	strv_free(&sv);
	assert_int_equal(cmdline_split(NULL, 0, &sv, &err), -1);
	assert_string_equal(err, "empty command");
}

static char *
repeat(char c, size_t n)
{
	char *s = malloc(n + 1);

	assert_non_null(s);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

/* Whole-string cap: checked before anything else looks at the bytes. */
static void
test_cap_bytes(void **state)
{
	struct strv sv;
	const char *err = NULL;
	char *s;
	size_t i;

	(void)state;
	/* 4 words of 16383 bytes, each followed by a blank: 65536 bytes. */
	s = repeat('a', CMDLINE_MAX_BYTES + 1);
	for (i = 1; i <= 4; i++)
		s[i * (CMDLINE_MAX_BYTES / 4) - 1] = ' ';
	assert_int_equal(cmdline_split(s, CMDLINE_MAX_BYTES, &sv, &err), 0);
	assert_int_equal(sv.n, 4);
	strv_free(&sv);
	s[CMDLINE_MAX_BYTES] = '\0';	/* a NUL past the cap, never seen */
	assert_int_equal(cmdline_split(s, CMDLINE_MAX_BYTES + 1, &sv, &err),
	    -1);
	assert_non_null(strstr(err, "65537 bytes; the limit is 65536"));
	assert_null(sv.v);
	free(s);
}

/* Word-count cap: 1024 words pass, the 1025th is refused where it starts. */
static void
test_cap_argc(void **state)
{
	struct strv sv;
	const char *err = NULL;
	size_t n = 2 * CMDLINE_MAX_ARGC + 1, i;
	char *s = repeat(' ', n);

	(void)state;
	for (i = 0; i < n; i += 2)
		s[i] = 'a';		/* "a a a ... a": 1025 words */
	assert_int_equal(cmdline_split(s, n - 2, &sv, &err), 0);
	assert_int_equal(sv.n, CMDLINE_MAX_ARGC);
	strv_free(&sv);
	assert_int_equal(cmdline_split(s, n, &sv, &err), -1);
	assert_non_null(strstr(err, "more than 1024 words"));
	assert_true(has_column(err, n));
	assert_null(sv.v);
	free(s);
}

/* Empty quoted words count as words too. */
static void
test_cap_argc_empty(void **state)
{
	struct strv sv;
	const char *err = NULL;
	size_t n = 3 * (CMDLINE_MAX_ARGC + 1), i;
	char *s = repeat(' ', n);

	(void)state;
	for (i = 0; i < n; i += 3)
		s[i] = '\'', s[i + 1] = '\'';
	assert_int_equal(cmdline_split(s, n - 3, &sv, &err), 0);
	assert_int_equal(sv.n, CMDLINE_MAX_ARGC);
	assert_string_equal(sv.v[CMDLINE_MAX_ARGC - 1], "");
	strv_free(&sv);
	assert_int_equal(cmdline_split(s, n, &sv, &err), -1);
	assert_true(has_column(err, n - 2));
	free(s);
}

/* Word-length cap, unquoted and quoted, counted on the unquoted word. */
static void
test_cap_arglen(void **state)
{
	struct strv sv;
	const char *err = NULL;
	size_t max = CMDLINE_MAX_ARGLEN;
	char *s = repeat('a', max + 5);

	(void)state;
	s[0] = 'x', s[1] = ' ';		/* "x aaa...": word 2 at column 3 */
	assert_int_equal(cmdline_split(s, max + 2, &sv, &err), 0);
	assert_int_equal(sv.n, 2);
	assert_int_equal(strlen(sv.v[1]), max);
	strv_free(&sv);
	assert_int_equal(cmdline_split(s, max + 3, &sv, &err), -1);
	assert_non_null(strstr(err, "longer than 16384 bytes"));
	assert_true(has_column(err, 3));
	/* "x 'aaa...'": the quotes do not count. */
	s[2] = '\'', s[max + 3] = '\'';
	assert_int_equal(cmdline_split(s, max + 4, &sv, &err), 0);
	assert_int_equal(strlen(sv.v[1]), max);
	strv_free(&sv);
	s[max + 3] = 'a', s[max + 4] = '\'';
	assert_int_equal(cmdline_split(s, max + 5, &sv, &err), -1);
	assert_non_null(strstr(err, "longer than 16384 bytes"));
	assert_true(has_column(err, 3));
	free(s);
}

/* "\x" keeps its backslash: two output bytes for the cap. */
static void
test_cap_arglen_dqescape(void **state)
{
	struct strv sv;
	const char *err = NULL;
	size_t n = CMDLINE_MAX_ARGLEN + 2, i;
	char *s = repeat('x', n + 1);

	(void)state;
	/* "\x\x...\x": MAX/2 pairs, MAX bytes out. */
	s[0] = '"', s[n - 1] = '"';
	for (i = 1; i < n - 1; i += 2)
		s[i] = '\\';
	assert_int_equal(cmdline_split(s, n, &sv, &err), 0);
	assert_int_equal(strlen(sv.v[0]), CMDLINE_MAX_ARGLEN);
	assert_memory_equal(sv.v[0], "\\x\\x", 4);
	strv_free(&sv);
	/* "x\x\x...\x": the last pair's x is one byte too many. */
	for (i = 1; i < n; i++)
		s[i] = i % 2 ? 'x' : '\\';
	s[n] = '"';
	assert_int_equal(cmdline_split(s, n + 1, &sv, &err), -1);
	assert_non_null(strstr(err, "longer than"));
	assert_true(has_column(err, 1));
	/* "xx\x...\x": the last backslash is one byte too many. */
	s[1] = 'x', s[2] = 'x';
	for (i = 3; i <= n; i++)
		s[i] = i % 2 ? '\\' : 'x';
	s[n + 1] = '"';
	assert_int_equal(cmdline_split(s, n + 2, &sv, &err), -1);
	assert_non_null(strstr(err, "longer than"));
	free(s);
}

static void
test_docker(void **state)
{
	struct strv sv;
	const char *err;
	size_t i, rest;
	int rv;

	(void)state;
	for (i = 0; i < NELEM(dockers); i++) {
		const struct docker_case *c = &dockers[i];

		err = NULL;
		if (cmdline_split(c->in, strlen(c->in), &sv, &err) != 0)
			fail_msg("case %zu [%s]: split: %s", i, c->in, err);
		rest = 99;
		rv = cmdline_docker(&sv, &rest, &err);
		if (rv != c->rv)
			fail_msg("case %zu [%s]: rv %d, want %d (%s)", i,
			    c->in, rv, c->rv, rv ? err : "");
		if (rv == 0 && rest != c->rest)
			fail_msg("case %zu [%s]: rest %zu, want %zu", i,
			    c->in, rest, c->rest);
		if (rv == -1 && strstr(err, c->msg) == NULL)
			fail_msg("case %zu [%s]: [%s], want [%s]", i, c->in,
			    err, c->msg);
		strv_free(&sv);
	}
}

static void
test_docker_messages(void **state)
{
	struct strv sv = { NULL, 0, 0 };
	const char *err = NULL;
	size_t rest;

	(void)state;
	assert_int_equal(cmdline_docker(&sv, &rest, &err), -1);
	assert_string_equal(err, "empty command");
	assert_int_equal(cmdline_docker(NULL, &rest, &err), -1);
	strv_push(&sv, "/usr/bin/docker");
	assert_int_equal(cmdline_docker(&sv, &rest, &err), -1);
	assert_string_equal(err,
	    "give the command as `docker ...`; paths are not accepted");
	strv_free(&sv);
	strv_push(&sv, "dockerd");
	assert_int_equal(cmdline_docker(&sv, &rest, &err), -1);
	assert_string_equal(err, "only docker commands are accepted");
	strv_free(&sv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accept),
		cmocka_unit_test(test_reject),
		cmocka_unit_test(test_message_text),
		cmocka_unit_test(test_not_terminated),
		cmocka_unit_test(test_cap_bytes),
		cmocka_unit_test(test_cap_argc),
		cmocka_unit_test(test_cap_argc_empty),
		cmocka_unit_test(test_cap_arglen),
		cmocka_unit_test(test_cap_arglen_dqescape),
		cmocka_unit_test(test_docker),
		cmocka_unit_test(test_docker_messages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
