/*
 * test_help.c: `help` and `help --json` say what decide() allows, and mark
 * what it can never allow.
 */
#include "testutil.h"

#include <jansson.h>

#include "commands.h"
#include "help.h"
#include "policy.h"
#include "util.h"

static const char text[] =
    "version: 1\n"
    "roles:\n"
    "  r:\n"
    "    allow:\n"
    "      - [ps, container inspect]\n"
    "      - command: run\n"
    "        images: [alpine]\n"
    "        binds: [\"/srv/x:ro\"]\n"
    "        unsafe: [gpus]\n"
    "        deny_flags: [publish]\n"
    "      - command: inspect\n"
    "        redact_env: false\n"
    "      - compose\n"
    "      - command: compose\n"
    "        subcommands: [ps, up]\n"
    "        projects: [\"/srv/stacks/*\"]\n"
    "      - command: rm\n"
    "        approval: true\n"
    "approvals: {}\n";

static struct policy *pol;

static int
setup(void **state)
{
	struct strv errs = { NULL, 0, 0 };

	(void)state;
	return policy_parse(text, strlen(text), "t.yaml", &pol, &errs);
}

static int
teardown(void **state)
{
	(void)state;
	policy_free(pol);
	return 0;
}

static void
test_text(void **state)
{
	char *t = help_text(policy_role(pol, "r"));

	(void)state;
	assert_non_null(strstr(t, "    docker ps\n"));
	assert_non_null(strstr(t, "    docker run\n"));
	assert_non_null(strstr(t, "images: docker.io/library/alpine"));
	assert_non_null(strstr(t, "host path: /srv/x (read-only)"));
	assert_non_null(strstr(t, "unsafe classes allowed: gpus"));
	assert_non_null(strstr(t, "denied flags: publish"));
	/* redacted, so available; --format is refused per request */
	assert_non_null(strstr(t, "    docker container inspect\n"));
	assert_non_null(strstr(t, "docker compose (unavailable"));
	assert_non_null(strstr(t, "compose subcommands: ps, up"));
	assert_non_null(strstr(t, "compose projects: /srv/stacks/*"));
	/* redact_env: false makes generic inspect available */
	assert_non_null(strstr(t, "    docker inspect\n"));
	/* approval: true: the agent learns it will wait (exit 75) */
	assert_non_null(strstr(t, "waits for a person's approval: held "
	    "requests exit 75"));
	/* only under the rule that has it */
	assert_null(strstr(strstr(t, "waits for") + 1, "waits for"));
	free(t);
}

static json_t *
entry(json_t *cmds, const char *name, const char *rule)
{
	json_t *e;
	size_t i;

	json_array_foreach(cmds, i, e)
		if (strcmp(json_string_value(json_object_get(e, "command")),
		    name) == 0 && strcmp(json_string_value(json_object_get(e,
		    "rule")), rule) == 0)
			return e;
	return NULL;
}

static void
test_json(void **state)
{
	char *s = help_json(policy_role(pol, "r"));
	json_error_t jerr;
	json_t *root, *cmds, *e;

	(void)state;
	root = json_loads(s, 0, &jerr);
	assert_non_null(root);
	assert_string_equal(json_string_value(json_object_get(root, "role")),
	    "r");
	cmds = json_object_get(root, "commands");
	assert_int_equal(json_array_size(cmds), 7);
	e = entry(cmds, "container rm", "roles.r.allow[5]");
	assert_true(json_is_true(json_object_get(e, "approval")));
	e = entry(cmds, "container ls", "roles.r.allow[0]");
	assert_null(json_object_get(e, "approval"));
	e = entry(cmds, "compose", "roles.r.allow[4]");
	assert_true(json_is_true(json_object_get(e, "available")));
	assert_string_equal(json_string_value(json_array_get(
	    json_object_get(e, "subcommands"), 1)), "up");
	e = entry(cmds, "container ls", "roles.r.allow[0]");
	assert_non_null(e);
	assert_true(json_is_true(json_object_get(e, "available")));
	e = entry(cmds, "container inspect", "roles.r.allow[0]");
	assert_true(json_is_true(json_object_get(e, "available")));
	e = entry(cmds, "compose", "roles.r.allow[3]");
	assert_true(json_is_false(json_object_get(e, "available")));
	assert_non_null(json_object_get(e, "unavailable_because"));
	e = entry(cmds, "container run", "roles.r.allow[1]");
	assert_string_equal(json_string_value(json_array_get(
	    json_object_get(e, "images"), 0)), "docker.io/library/alpine");
	assert_true(json_is_true(json_object_get(json_array_get(
	    json_object_get(e, "binds"), 0), "readonly")));
	assert_string_equal(json_string_value(json_array_get(
	    json_object_get(e, "unsafe"), 0)), "gpus");
	json_decref(root);
	free(s);
}

/*
 * The note lists every risk class a policy may name, in bit order, so that
 * a class added to the table can not be missing from help.  The expected
 * list is made from the name/lookup pair, not from help's own walk.
 */
static void
test_note(void **state)
{
	char want[512] = "Flags of a risk class (", *t, *j;
	const char *name, *note;
	unsigned bit;
	json_t *root;
	size_t n = 0;

	(void)state;
	for (bit = 1; bit != 0; bit <<= 1) {
		if ((name = commands_risk_name(bit)) == NULL ||
		    commands_risk_lookup(name) != bit)
			continue;
		if (n++ > 0)
			(void)strncat(want, ", ", sizeof(want) - strlen(want) -
			    1);
		(void)strncat(want, name, sizeof(want) - strlen(want) - 1);
	}
	(void)strncat(want, ") are refused unless a rule lists the class in "
	    "unsafe.", sizeof(want) - strlen(want) - 1);
	assert_true(strlen(want) < sizeof(want) - 1);
	assert_true(n > 1);
	t = help_text(policy_role(pol, "r"));
	if (strstr(t, want) == NULL)
		fail_msg("help text does not list the classes as\n%s", want);
	j = help_json(policy_role(pol, "r"));
	root = json_loads(j, 0, NULL);
	assert_non_null(root);
	note = json_string_value(json_object_get(root, "note"));
	assert_non_null(note);
	assert_memory_equal(note, want, strlen(want));
	assert_non_null(strstr(t, note));
	json_decref(root);
	free(j);
	free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_note),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
