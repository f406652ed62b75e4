/*
 * test_redact.c: environment redaction of docker inspect output.
 *
 * Golden pairs in tests/data/redact: NAME.in is what docker 20.10 printed
 * (container, container --size, image, a container + image + volume mix,
 * network, not found, a service after an update, a task; plugin.in by hand
 * after docker's plugin inspect), NAME.out the same bytes with every Env
 * value masked by an independent line edit.  Then one case per shape and
 * reject path, escaping and number formatting, and the size limits.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"
#include "redact.h"

#define DATA		"tests/data/redact"
#define SECRET		"s3cr3t"	/* in every secret value of DATA */

static char *
slurp(const char *name, size_t *len)
{
	char path[256];
	struct stat st;
	char *buf;
	int fd;

	(void)snprintf(path, sizeof(path), "%s/%s", DATA, name);
	fd = open(path, O_RDONLY);
	if (fd == -1)
		fail_msg("%s: %s", path, strerror(errno));
	assert_int_equal(fstat(fd, &st), 0);
	buf = malloc((size_t)st.st_size + 1);
	assert_non_null(buf);
	assert_int_equal(read(fd, buf, (size_t)st.st_size), st.st_size);
	buf[st.st_size] = '\0';
	(void)close(fd);
	*len = (size_t)st.st_size;
	return buf;
}

/* ---------------------------------------------------------- golden */

static void
golden(const char *name)
{
	char in[64], want_name[64], *src, *want, *out = NULL;
	const char *err = NULL;
	size_t len, wlen, olen;

	(void)snprintf(in, sizeof(in), "%s.in", name);
	(void)snprintf(want_name, sizeof(want_name), "%s.out", name);
	src = slurp(in, &len);
	want = slurp(want_name, &wlen);
	if (redact_inspect(src, len, &out, &olen, &err) != 0)
		fail_msg("%s: %s", name, err);
	assert_int_equal(olen, strlen(out));
	if (olen != wlen || memcmp(out, want, wlen) != 0) {
		print_message("%s: got\n%s", name, out);
		fail_msg("%s: output differs from %s", name, want_name);
	}
	assert_null(strstr(out, SECRET));
	free(src);
	free(want);
	free(out);
}

static void
test_golden(void **state)
{
	static const char *const names[] = { "container", "container-size",
	    "image", "mixed", "network", "notfound", "service", "task",
	    "plugin", "image-classic", "volume-opts", "network-opts",
	    "container-opts" };
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(names); i++)
		golden(names[i]);
}

/*
 * Build arguments alone (redact_env: false, no history in the role): the
 * classic builder's "|N K=V" and history lines are masked, the image's
 * environment is not.
 */
static void
test_build_args_only(void **state)
{
	char *src, *want, *out = NULL;
	const char *err = NULL;
	size_t len, wlen, olen;

	(void)state;
	src = slurp("image-classic.in", &len);
	want = slurp("image-classic.build.out", &wlen);
	if (redact_build_args(src, len, &out, &olen, &err) != 0)
		fail_msg("%s", err);
	if (olen != wlen || memcmp(out, want, wlen) != 0)
		fail_msg("got\n%s", out);
	assert_null(strstr(out, "ghp_"));
	assert_null(strstr(out, "cmd-s3cr3t"));
	assert_null(strstr(out, "ep-s3cr3t"));
	assert_non_null(strstr(out, "APP_KEY=app-s3cr3t"));
	free(out);
	free(src);
	free(want);
}

/* Unredacted, docker's bytes come back unchanged: the encoder is exact. */
static void
test_identity_without_env(void **state)
{
	char *src, *out = NULL;
	const char *err = NULL;
	size_t len, olen;

	(void)state;
	src = slurp("network.in", &len);
	assert_int_equal(redact_inspect(src, len, &out, &olen, &err), 0);
	assert_int_equal(olen, len);
	assert_memory_equal(out, src, len);
	free(src);
	free(out);
}

/* docker service inspect --pretty is text: refused, nothing returned. */
static void
test_pretty_refused(void **state)
{
	char *src, *out = (char *)1;
	const char *err = NULL;
	size_t len, olen = 7;

	(void)state;
	src = slurp("service-pretty.txt", &len);
	assert_int_equal(redact_inspect(src, len, &out, &olen, &err), -1);
	assert_null(out);
	assert_int_equal(olen, 0);
	assert_non_null(strstr(err, "not valid JSON"));
	free(src);
}

/* ---------------------------------------------------------- cases */

struct rcase {
	const char	*in;
	const char	*out;	/* expected output, or NULL */
	const char	*err;	/* expected error substring, or NULL */
};

#define ONE(body)	"[\n    {\n" body "\n    }\n]\n"

static const struct rcase cases[] = {
	/* shapes that pass */
	{ "[]", "[]\n", NULL },
	{ "[]\n", "[]\n", NULL },
	{ " [ ] ", "[]\n", NULL },
	{ "[{}]", "[\n    {}\n]\n", NULL },
	{ "[{\"Config\":{\"Env\":null}}]",
	  ONE("        \"Config\": {\n            \"Env\": null\n        }"),
	  NULL },
	{ "[{\"Config\":{\"Env\":[]}}]",
	  ONE("        \"Config\": {\n            \"Env\": []\n        }"),
	  NULL },
	{ "[{\"Config\":null}]", ONE("        \"Config\": null"), NULL },
	{ "[{\"Env\":[\"A=1=2\",\"NOEQ\",\"=v\",\"\",\"E=\"]}]",
	  ONE("        \"Env\": [\n"
	      "            \"A=<redacted>\",\n"
	      "            \"NOEQ\",\n"
	      "            \"=<redacted>\",\n"
	      "            \"\",\n"
	      "            \"E=<redacted>\"\n"
	      "        ]"), NULL },
	/* an Env list anywhere is masked */
	{ "[{\"X\":[{\"Y\":{\"Env\":[\"S=1\"]}}]}]",
	  ONE("        \"X\": [\n            {\n                \"Y\": {\n"
	      "                    \"Env\": [\n"
	      "                        \"S=<redacted>\"\n"
	      "                    ]\n                }\n            }\n"
	      "        ]"), NULL },
	/* a label or option named Env is no environment */
	{ "[{\"Labels\":{\"Env\":\"prod\"}}]",
	  ONE("        \"Labels\": {\n"
	      "            \"Env\": \"prod\"\n        }"),
	  NULL },
	/* plugin environments */
	{ "[{\"Config\":{\"Env\":[{\"Name\":\"A\",\"Value\":\"s\"},"
	  "{\"Name\":\"B\",\"Value\":null},{\"Name\":\"C\"}]}}]",
	  ONE("        \"Config\": {\n            \"Env\": [\n"
	      "                {\n                    \"Name\": \"A\",\n"
	      "                    \"Value\": \"<redacted>\"\n"
	      "                },\n"
	      "                {\n                    \"Name\": \"B\",\n"
	      "                    \"Value\": null\n                },\n"
	      "                {\n                    \"Name\": \"C\"\n"
	      "                }\n            ]\n        }"), NULL },
	/* NUL inside a string survives, and is masked like any byte */
	{ "[{\"Env\":[\"A\\u0000B=x\\u0000y\"],\"s\":\"\\u0000\"}]",
	  ONE("        \"Env\": [\n            \"A\\u0000B=<redacted>\"\n"
	      "        ],\n        \"s\": \"\\u0000\""), NULL },
	/* Go's escaping, EscapeHTML off (raw < > & in the input) */
	{ "[{\"s\":\"<>&\\u2028\\u2029\\u0001\\u001f\\\"\\\\\\/\\b\\f\\n\\r\\t"
	  "\x7f \xc3\xa9\xe2\x82\xac\"}]",
	  ONE("        \"s\": \"<>&\\u2028\\u2029\\u0001\\u001f\\\"\\\\/"
	      "\\u0008\\u000c\\n\\r\\t\x7f \xc3\xa9\xe2\x82\xac\""), NULL },
	/* ... and on (docker escaped them: service inspect) */
	{ "[{\"a\\u0026b\":\"\\u003cc\\u003e\",\"Env\":[\"K=v\"]}]",
	  ONE("        \"a\\u0026b\": \"\\u003cc\\u003e\",\n"
	      "        \"Env\": [\n"
	      "            \"K=\\u003credacted\\u003e\"\n        ]"), NULL },
	/* an escaped backslash before "u0026" is no evidence */
	{ "[{\"s\":\"\\\\u0026\",\"Env\":[\"K=v\"]}]",
	  ONE("        \"s\": \"\\\\u0026\",\n"
	      "        \"Env\": [\n            \"K=<redacted>\"\n        ]"),
	  NULL },
	/* numbers as Go prints them */
	{ "[{\"a\":0,\"b\":-1,\"c\":9223372036854775807,\"d\":1.5,"
	  "\"e\":1e-7,\"f\":1e21,\"g\":0.1,\"h\":123456.789,\"i\":-0.0,"
	  "\"j\":1e300,\"k\":1e20,\"l\":0.000001,\"m\":-1.5e-7,"
	  "\"n\":5e-324,\"o\":9007199254740993.0,\"p\":5.0}]",
	  ONE("        \"a\": 0,\n        \"b\": -1,\n"
	      "        \"c\": 9223372036854775807,\n        \"d\": 1.5,\n"
	      "        \"e\": 1e-7,\n        \"f\": 1e+21,\n"
	      "        \"g\": 0.1,\n        \"h\": 123456.789,\n"
	      "        \"i\": 0,\n        \"j\": 1e+300,\n"
	      "        \"k\": 1e+20,\n"
	      "        \"l\": 0.000001,\n        \"m\": -1.5e-7,\n"
	      "        \"n\": 5e-324,\n        \"o\": 9007199254740992,\n"
	      "        \"p\": 5"), NULL },
	{ "[{\"t\":true,\"f\":false,\"n\":null,\"o\":{},\"a\":[]}]",
	  ONE("        \"t\": true,\n        \"f\": false,\n"
	      "        \"n\": null,\n        \"o\": {},\n        \"a\": []"),
	  NULL },

	/* build arguments: "|N" then N entries, wherever a Cmd is */
	{ "[{\"Cmd\":[\"|1\",\"T=s\",\"|1\",\"U=v\"]}]",
	  ONE("        \"Cmd\": [\n            \"|1\",\n"
	      "            \"T=<redacted>\",\n            \"|1\",\n"
	      "            \"U=v\"\n        ]"), NULL },
	{ "[{\"Cmd\":[\"|3\",\"T=s\",\"NOEQ\"]}]",
	  ONE("        \"Cmd\": [\n            \"|3\",\n"
	      "            \"T=<redacted>\",\n"
	      "            \"<redacted>\"\n        ]"), NULL },
	{ "[{\"Cmd\":[\"|x\",\"T=s\"],\"Entrypoint\":[\"|\",\"T=s\"]}]",
	  ONE("        \"Cmd\": [\n            \"|x\",\n"
	      "            \"T=s\"\n        ],\n"
	      "        \"Entrypoint\": [\n            \"|\",\n"
	      "            \"T=s\"\n        ]"), NULL },
	{ "[{\"Cmd\":\"|1 T=s sh\",\"Entrypoint\":[\"|2 A=1 B=2 sh\"]}]",
	  ONE("        \"Cmd\": \"|1 <redacted>\",\n"
	      "        \"Entrypoint\": [\n"
	      "            \"|2 <redacted>\"\n        ]"), NULL },
	{ "[{\"CreatedBy\":\"RUN |12 A=b c\",\"created_by\":\"a|1 b\"}]",
	  ONE("        \"CreatedBy\": \"RUN |12 <redacted>\",\n"
	      "        \"created_by\": \"a|1 b\""), NULL },
	{ "[{\"Cmd\":[\"|99999999999999999999999\",\"A=s\",\"b\"]}]",
	  ONE("        \"Cmd\": [\n"
	      "            \"|99999999999999999999999\",\n"
	      "            \"A=<redacted>\",\n"
	      "            \"<redacted>\"\n        ]"), NULL },
	{ "[{\"Cmd\":[\"|1\",7]}]", NULL, "build argument is not a string" },
	/* driver options: every string below, keys kept */
	{ "[{\"Options\":{\"o\":\"pw\",\"n\":1,\"l\":[\"a\"]},"
	  "\"DriverOpts\":null,\"StorageOpt\":{\"size\":\"1G\"}}]",
	  ONE("        \"Options\": {\n            \"o\": \"<redacted>\",\n"
	      "            \"n\": 1,\n            \"l\": [\n"
	      "                \"<redacted>\"\n            ]\n        },\n"
	      "        \"DriverOpts\": null,\n"
	      "        \"StorageOpt\": {\n"
	      "            \"size\": \"<redacted>\"\n        }"), NULL },
	{ "[{\"LogConfig\":{\"Type\":\"t\",\"Config\":{\"k\":\"v\"}},"
	  "\"Config\":{\"Hostname\":\"h\"},"
	  "\"Labels\":{\"Options\":\"o\",\"Cmd\":\"|1 x\"}}]",
	  ONE("        \"LogConfig\": {\n            \"Type\": \"t\",\n"
	      "            \"Config\": {\n"
	      "                \"k\": \"<redacted>\"\n            }\n"
	      "        },\n        \"Config\": {\n"
	      "            \"Hostname\": \"h\"\n        },\n"
	      "        \"Labels\": {\n            \"Options\": \"o\",\n"
	      "            \"Cmd\": \"|1 x\"\n        }"), NULL },

	/* not docker inspect output */
	{ "{}", NULL, "not a JSON array" },
	{ "[1]", NULL, "not an array of objects" },
	{ "[{}, []]", NULL, "not an array of objects" },
	{ "\"x\"", NULL, "not valid JSON" },
	{ "[{", NULL, "not valid JSON" },
	{ "[]x", NULL, "not valid JSON" },
	{ "[][]", NULL, "not valid JSON" },
	{ "[{\"s\":\"\xff\"}]", NULL, "not valid JSON" },
	{ "[{\"a\":18446744073709551615}]", NULL, "not valid JSON" },
	{ "ID:\t\tjtxg\nEnv:\t\tA=1\n", NULL, "not valid JSON" },
	/* duplicate keys could hide a second Env */
	{ "[{\"Config\":{\"Env\":[\"A=1\"],\"Env\":[\"B=2\"]}}]", NULL,
	  "duplicate" },
	{ "[{\"Config\":{},\"Config\":{\"Env\":[\"B=2\"]}}]", NULL,
	  "duplicate" },
	/* Env in the wrong shape */
	{ "[{\"Config\":{\"Env\":\"A=1\"}}]", NULL,
	  "Config.Env is not a list" },
	{ "[{\"Config\":{\"Env\":{\"A\":\"1\"}}}]", NULL,
	  "Config.Env is not a list" },
	{ "[{\"Config\":\"x\"}]", NULL, "Config is not an object" },
	{ "[{\"Spec\":{\"TaskTemplate\":{\"ContainerSpec\":[]}}}]", NULL,
	  "Spec.TaskTemplate.ContainerSpec is not an object" },
	{ "[{\"PreviousSpec\":{\"TaskTemplate\":{\"ContainerSpec\":"
	  "{\"Env\":1}}}}]", NULL,
	  "PreviousSpec.TaskTemplate.ContainerSpec.Env is not a list" },
	{ "[{\"Settings\":{\"Env\":true}}]", NULL,
	  "Settings.Env is not a list" },
	{ "[{\"Config\":{\"Env\":[1]}}]", NULL, "Env entry is not a string" },
	{ "[{\"Config\":{\"Env\":[null]}}]", NULL,
	  "Env entry is not a string" },
	{ "[{\"Config\":{\"Env\":[[\"A=1\"]]}}]", NULL,
	  "Env entry is not a string" },
	{ "[{\"Config\":{\"Env\":[{\"Name\":\"A\",\"Value\":1}]}}]", NULL,
	  "Value is not a string" },
	{ "[{\"Networks\":{\"Env\":{}}}]", NULL, "an Env is an object" },
};

static void
test_cases(void **state)
{
	const char *err;
	char *out;
	size_t i, olen;
	int r;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		err = NULL;
		out = (char *)1;
		r = redact_inspect(cases[i].in, strlen(cases[i].in), &out,
		    &olen, &err);
		if (cases[i].out != NULL) {
			if (r != 0)
				fail_msg("case %zu: %s", i, err);
			if (strcmp(out, cases[i].out) != 0)
				fail_msg("case %zu: got\n%s\nwant\n%s", i, out,
				    cases[i].out);
			assert_int_equal(olen, strlen(cases[i].out));
			free(out);
			continue;
		}
		if (r != -1)
			fail_msg("case %zu: accepted: %s", i, out);
		assert_null(out);
		assert_non_null(err);
		if (strstr(err, cases[i].err) == NULL)
			fail_msg("case %zu: error \"%s\", want \"%s\"", i, err,
			    cases[i].err);
	}
}

/* Input need not be NUL-terminated; len is what counts. */
static void
test_len_bounds(void **state)
{
	const char text[] = "[]garbage";
	char *out = NULL;
	const char *err = NULL;
	size_t olen = 9;

	(void)state;
	assert_int_equal(redact_inspect(text, 2, &out, &olen, &err), 0);
	assert_string_equal(out, "[]\n");
	free(out);
	assert_int_equal(redact_inspect(text, 0, &out, &olen, &err), 0);
	assert_string_equal(out, "");
	assert_int_equal(olen, 0);
	free(out);
}

/* ---------------------------------------------------------- events */

/* docker 28's {{json .}} of an exec_create, with the legacy fields. */
#define EV_ID	"3f4e2a0c1b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f"
#define EV_EXEC	"{\"status\":\"exec_create: sh -c PGPASSWORD=s3cr3t psql\"," \
	"\"id\":\"" EV_ID "\",\"from\":\"dgtest\",\"Type\":\"container\"," \
	"\"Action\":\"exec_create: sh -c PGPASSWORD=s3cr3t psql\"," \
	"\"Actor\":{\"ID\":\"" EV_ID "\",\"Attributes\":{\"execID\":\"e1\"," \
	"\"image\":\"dgtest\",\"name\":\"web\"}},\"scope\":\"local\"," \
	"\"time\":1765000000,\"timeNano\":1765000000012345678}\n"

struct ecase {
	const char	*in;
	const char	*json;	/* redact_event_json's output, or NULL */
	const char	*text;	/* redact_event_text's output (TZ=UTC) */
	const char	*err;	/* expected error substring, or NULL */
};

static const struct ecase ecases[] = {
	{ EV_EXEC,
	  "{\"status\":\"exec_create: <redacted>\",\"id\":\"" EV_ID "\","
	  "\"from\":\"dgtest\",\"Type\":\"container\","
	  "\"Action\":\"exec_create: <redacted>\","
	  "\"Actor\":{\"ID\":\"" EV_ID "\",\"Attributes\":{\"execID\":\"e1\","
	  "\"image\":\"dgtest\",\"name\":\"web\"}},\"scope\":\"local\","
	  "\"time\":1765000000,\"timeNano\":1765000000012345678}\n",
	  "2025-12-06T05:46:40.012345678Z container exec_create: <redacted> "
	  EV_ID " (execID=e1, image=dgtest, name=web)\n", NULL },
	/* no legacy fields (API 1.52), exec_start; attributes sorted */
	{ "{\"Type\":\"container\",\"Action\":\"exec_start: bash -lc 'export "
	  "T=s3cr3t'\",\"Actor\":{\"ID\":\"c1\",\"Attributes\":{\"z\":\"1\","
	  "\"a\":\"x y\"}},\"scope\":\"local\",\"time\":0,\"timeNano\":0}",
	  "{\"Type\":\"container\",\"Action\":\"exec_start: <redacted>\","
	  "\"Actor\":{\"ID\":\"c1\",\"Attributes\":{\"z\":\"1\","
	  "\"a\":\"x y\"}},\"scope\":\"local\",\"time\":0,\"timeNano\":0}\n",
	  "container exec_start: <redacted> c1 (a=x y, z=1)\n", NULL },
	/* any payload is masked; health states are kept */
	{ "{\"Type\":\"container\",\"Action\":\"health_status: healthy\","
	  "\"Actor\":{\"ID\":\"c1\"},\"time\":1}",
	  "{\"Type\":\"container\",\"Action\":\"health_status: healthy\","
	  "\"Actor\":{\"ID\":\"c1\"},\"time\":1}\n",
	  "1970-01-01T00:00:01.000000000Z container health_status: healthy "
	  "c1\n", NULL },
	{ "{\"Type\":\"container\",\"Action\":\"health_status: healthy; "
	  "s3cr3t\",\"Actor\":{\"ID\":\"c1\",\"Attributes\":{}}}",
	  "{\"Type\":\"container\",\"Action\":\"health_status: <redacted>\","
	  "\"Actor\":{\"ID\":\"c1\",\"Attributes\":{}}}\n",
	  "container health_status: <redacted> c1\n", NULL },
	{ "{\"Type\":\"container\",\"Action\":\"future_thing:s3cr3t\"}",
	  "{\"Type\":\"container\",\"Action\":\"future_thing: <redacted>\"}\n",
	  "container future_thing: <redacted> \n", NULL },
	{ "{\"Type\":\"network\",\"Action\":\"connect\",\"Actor\":{\"ID\":"
	  "\"n1\",\"Attributes\":{\"container\":\"c\",\"name\":\"b<r>&\"}},"
	  "\"timeNano\":-1}",
	  "{\"Type\":\"network\",\"Action\":\"connect\",\"Actor\":{\"ID\":"
	  "\"n1\",\"Attributes\":{\"container\":\"c\",\"name\":\"b<r>&\"}},"
	  "\"timeNano\":-1}\n",
	  "1969-12-31T23:59:59.999999999Z network connect n1 (container=c, "
	  "name=b<r>&)\n", NULL },
	/* refused: nothing of it is shown */
	{ "exec_create: sh -c PGPASSWORD=s3cr3t\n", NULL, NULL,
	  "not valid JSON" },
	{ "{\"Action\":\"exec_create: a\",\"Action\":\"x\"}", NULL, NULL,
	  "duplicate" },
	{ "{\"Action\":[\"exec_create: s3cr3t\"]}", NULL, NULL,
	  "not a string" },
	{ "{\"status\":{\"a\":\"s3cr3t\"}}", NULL, NULL, "not a string" },
	{ "[]", NULL, NULL, "not an event object" },
	{ "{\"Actor\":\"s3cr3t\"}", NULL, NULL, "not an event object" },
	{ "{\"Actor\":{\"Attributes\":{\"a\":1}}}", "-", NULL,
	  "attribute is not a string" },
	{ "{} {}", NULL, NULL, "not valid JSON" },
};

static void
test_events(void **state)
{
	const char *err;
	char *out;
	size_t i, olen;
	int r;

	(void)state;
	assert_int_equal(setenv("TZ", "UTC", 1), 0);
	tzset();
	for (i = 0; i < NELEM(ecases); i++) {
		const struct ecase *c = &ecases[i];

		err = NULL;
		r = redact_event_json(c->in, strlen(c->in), &out, &olen, &err);
		if (c->json != NULL && strcmp(c->json, "-") != 0) {
			if (r != 0)
				fail_msg("event %zu json: %s", i, err);
			if (strcmp(out, c->json) != 0)
				fail_msg("event %zu json: got\n%s", i, out);
			assert_int_equal(olen, strlen(out));
			free(out);
		} else if (c->json == NULL) {
			if (r != -1)
				fail_msg("event %zu json accepted: %s", i, out);
			assert_null(out);
		} else
			free(out);
		r = redact_event_text(c->in, strlen(c->in), &out, &olen, &err);
		if (c->text != NULL) {
			if (r != 0)
				fail_msg("event %zu text: %s", i, err);
			if (strcmp(out, c->text) != 0)
				fail_msg("event %zu text: got\n%s", i, out);
			free(out);
			continue;
		}
		if (r != -1)
			fail_msg("event %zu text accepted: %s", i, out);
		assert_null(out);
		if (strstr(err, c->err) == NULL)
			fail_msg("event %zu: error \"%s\", want \"%s\"", i, err,
			    c->err);
	}
}

/* Local time as Go prints it: the zone's offset, or Z. */
static void
test_event_zone(void **state)
{
	static const char ev[] = "{\"Type\":\"t\",\"Action\":\"a\","
	    "\"Actor\":{\"ID\":\"i\"},\"time\":1765000000,\"timeNano\":0}";
	const char *err = NULL;
	char *out = NULL;
	size_t olen;

	(void)state;
	assert_int_equal(setenv("TZ", "<+0530>-5:30", 1), 0);
	tzset();
	assert_int_equal(redact_event_text(ev, strlen(ev), &out, &olen, &err),
	    0);
	assert_string_equal(out, "2025-12-06T11:16:40.000000000+05:30 t a i\n");
	free(out);
	assert_int_equal(setenv("TZ", "<-03>3", 1), 0);
	tzset();
	assert_int_equal(redact_event_text(ev, strlen(ev), &out, &olen, &err),
	    0);
	assert_string_equal(out, "2025-12-06T02:46:40.000000000-03:00 t a i\n");
	free(out);
	assert_int_equal(unsetenv("TZ"), 0);
	tzset();
}

/* One line is bounded. */
static void
test_event_line_cap(void **state)
{
	const char *err = NULL;
	char *in, *out = NULL;
	size_t olen, n = REDACT_MAX_LINE + 1;

	(void)state;
	in = malloc(n + 1);
	assert_non_null(in);
	memset(in, ' ', n);
	in[0] = '{';
	in[n - 1] = '}';
	in[n] = '\0';
	assert_int_equal(redact_event_json(in, n, &out, &olen, &err), -1);
	assert_non_null(strstr(err, "over"));
	assert_null(out);
	free(in);
}

/* ---------------------------------------------------------- limits */

/* "[{\"a\":" + n "[" + body + n "]" + "}]" */
static char *
nested(int n, const char *body)
{
	size_t blen = strlen(body), len = 8 + 2 * (size_t)n + blen;
	char *s = malloc(len + 1), *p = s;

	assert_non_null(s);
	p += sprintf(p, "[{\"a\":");
	memset(p, '[', (size_t)n);
	p += n;
	memcpy(p, body, blen);
	p += blen;
	memset(p, ']', (size_t)n);
	p += n;
	(void)strcpy(p, "}]");
	return s;
}

static void
test_depth(void **state)
{
	const char *err = NULL;
	char *in, *out = NULL;
	size_t olen;

	(void)state;
	/* the scalar sits at level n + 2 (top array 0, object 1) */
	in = nested(REDACT_MAX_DEPTH - 2, "1");
	assert_int_equal(redact_inspect(in, strlen(in), &out, &olen, &err), 0);
	free(out);
	free(in);
	in = nested(REDACT_MAX_DEPTH - 1, "1");
	assert_int_equal(redact_inspect(in, strlen(in), &out, &olen, &err),
	    -1);
	assert_non_null(strstr(err, "nested deeper"));
	assert_null(out);
	free(in);
	/* beyond jansson's own limit too */
	in = nested(5000, "");
	assert_int_equal(redact_inspect(in, strlen(in), &out, &olen, &err),
	    -1);
	assert_null(out);
	free(in);
}

static void
test_input_cap(void **state)
{
	const char *err = NULL;
	char *in, *out = NULL;
	size_t olen, n = REDACT_MAX_INPUT + 1;

	(void)state;
	in = malloc(n);
	assert_non_null(in);
	memset(in, ' ', n);
	in[0] = '[';
	in[n - 1] = ']';
	assert_int_equal(redact_inspect(in, n, &out, &olen, &err), -1);
	assert_non_null(strstr(err, "is over"));
	assert_null(out);
	/* exactly at the cap is parsed */
	in[n - 2] = ']';
	assert_int_equal(redact_inspect(in, n - 1, &out, &olen, &err), 0);
	assert_string_equal(out, "[]\n");
	free(out);
	free(in);
}

/* Deep indentation can blow small input up: the output is capped too. */
static void
test_output_cap(void **state)
{
	const char *err = NULL;
	char *in, *out = NULL, *p;
	size_t olen, i, n = 300000;
	int depth = REDACT_MAX_DEPTH - 2;

	(void)state;
	in = malloc(16 + 2 * (size_t)depth + 2 * n);
	assert_non_null(in);
	p = in + sprintf(in, "[{\"a\":");
	memset(p, '[', (size_t)depth);
	p += depth;
	for (i = 0; i < n; i++) {
		*p++ = '0';
		*p++ = ',';
	}
	p[-1] = ' ';
	memset(p, ']', (size_t)depth);
	p += depth;
	(void)strcpy(p, "}]");
	assert_int_equal(redact_inspect(in, strlen(in), &out, &olen, &err),
	    -1);
	assert_non_null(strstr(err, "redacted docker inspect output is over"));
	assert_null(out);
	free(in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden),
		cmocka_unit_test(test_identity_without_env),
		cmocka_unit_test(test_build_args_only),
		cmocka_unit_test(test_pretty_refused),
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_len_bounds),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_input_cap),
		cmocka_unit_test(test_output_cap),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_event_zone),
		cmocka_unit_test(test_event_line_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
