/*
 * test_compose.c: what a compose case line cannot say: the table of
 * service keys and the run flags they mean, which subcommands start
 * nothing, and the env-file syntax check.  The compose and build decision
 * cases (over tests/data/compose, a tree standing for "/srv") are
 * compose.case and build-stdin.case in tests/data/decide, and compose
 * without a file resolver is compose-no-files.case, run by test_cases.
 */
#include "testutil.h"

#include "commands.h"
#include "compose.h"
#include "compose_impl.h"
#include "util.h"

/*
 * Every service key maps to the docker run flag it means, or is one of
 * compose's own keys; a key held to deny_flags only must be one whose run
 * flag carries no risk class (or a file compose confines itself).
 */
static void
test_key_table(void **state)
{
	static const char *const own[] = { "attach", "build", "command",
	    "configs", "credential_spec", "depends_on", "deploy", "develop",
	    "extends", "image", "models", "post_start", "pre_stop",
	    "profiles", "provider", "scale", "secrets", NULL };
	static const char *const confined[] = { "env_file", "label_file",
	    "links", NULL };
	const struct cmddef *run = commands_find("container run");
	const struct flagdef *f;
	const char *key, *flag;
	size_t i, j, n = 0;
	int named, listed;

	(void)state;
	for (i = 0; (key = cx_service_key(i, &flag, &named)) != NULL; i++) {
		for (j = 0, listed = 0; own[j] != NULL; j++)
			listed |= strcmp(own[j], key) == 0;
		if (flag == NULL) {
			if (!listed)
				fail_msg("service key %s maps to no run flag",
				    key);
			continue;
		}
		n++;
		if ((f = commands_flag(run, flag)) == NULL)
			fail_msg("%s: no --%s in docker run", key, flag);
		for (j = 0, listed = 0; confined[j] != NULL; j++)
			listed |= strcmp(confined[j], key) == 0;
		if (named && !listed && (f->kind != VK_PLAIN || f->risk != 0))
			fail_msg("%s: --%s has a risk class; it needs the full "
			    "check", key, flag);
	}
	assert_true(n > 70);
}

/*
 * Issue 17: the command table says which compose subcommands start
 * nothing; none that starts, creates, builds, pulls or runs a command
 * in a container may say so, and only restart and start act on
 * dependents.
 */
static void
test_starts_nothing(void **state)
{
	static const char *const starts[] = { "up", "create", "run", "start",
	    "restart", "build", "pull", "push", "scale", "watch", "exec",
	    "attach", "commit", "cp", "export", NULL };
	static const char *const nothing[] = { "ps", "logs", "top", "images",
	    "port", "events", "stats", "volumes", "wait", "stop", "down", "rm",
	    "kill", "pause", "unpause", "config", "ls", "version", NULL };
	const struct cmddef *c;
	char name[CMD_NAME_MAX];
	size_t i, n = 0;

	(void)state;
	for (i = 0; starts[i] != NULL; i++) {
		(void)snprintf(name, sizeof(name), "compose %s", starts[i]);
		assert_non_null(c = commands_find(name));
		if (c->traits & CMD_STARTS_NOTHING)
			fail_msg("%s is marked as starting nothing", name);
		if (((c->traits & CMD_DEPENDENTS) != 0) !=
		    (strcmp(starts[i], "start") == 0 ||
		    strcmp(starts[i], "restart") == 0))
			fail_msg("%s: CMD_DEPENDENTS", name);
	}
	for (i = 0; nothing[i] != NULL; i++) {
		(void)snprintf(name, sizeof(name), "compose %s", nothing[i]);
		assert_non_null(c = commands_find(name));
		assert_true(c->traits & CMD_STARTS_NOTHING);
	}
	for (i = 0; commands_table[i].name[0] != '\0'; i++)
		n += (commands_table[i].traits & CMD_STARTS_NOTHING) != 0;
	assert_int_equal(n, NELEM(nothing) - 1);
}

/* The env-file syntax check, line by line: what compose reads, and not. */
static void
test_dotenv_bad(void **state)
{
	static const char nul[] = "A=1\nB\0=2\n";
	static const struct {
		const char	*text;
		size_t		 bad;
	} t[] = {
		{ "", 0 },
		{ "A=1\nB=2", 0 },
		{ "# c\n\n  \t\nexport A=1\n", 0 },
		{ "A = \"x y\" # c\r\nB='z'\n", 0 },
		{ "A: b\nKEY\nx.y-z[1]=v\nI=\"a \\\" b\"\n", 0 },
		{ "s3cret\n", 0 },		/* a bare key: inherited */
		{ "export=1\n", 0 },		/* a key named export */
		{ "export\n", 0 },
		{ "A=1\n-----BEGIN KEY-----\n", 2 },
		{ "hunter2!\n", 1 },
		{ "A B=1\n", 1 },
		{ "A=\"open\nB=1\"\n", 1 },	/* multi-line value */
		{ "A='x' junk!\n", 1 },
		{ "=1\n", 1 },
		{ "\xc3\xa9=1\n", 1 },		/* stricter than compose */
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(t); i++)
		if (cx_dotenv_bad(t[i].text, strlen(t[i].text)) != t[i].bad)
			fail_msg("case %zu: line %zu, want %zu", i,
			    cx_dotenv_bad(t[i].text, strlen(t[i].text)),
			    t[i].bad);
	assert_int_equal(cx_dotenv_bad(nul, sizeof(nul) - 1), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dotenv_bad),
		cmocka_unit_test(test_key_table),
		cmocka_unit_test(test_starts_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
