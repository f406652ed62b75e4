/*
 * test_template.c: the --format template checker (template.c).
 *
 * A table of templates that must be allowed (the idioms agents use to
 * read status) and of templates that must be refused, one per way of
 * reaching a value redact_env hides: the plain path, case, whole objects,
 * variables, with, range, index, printf/print/json, parentheses, trim
 * markers, comments and string literals that hide delimiters, nested
 * templates, pipelines into json, call, and the lexical corners where a
 * checker could split the text differently from Go.
 */
#include "testutil.h"
#include "template.h"

struct tcase {
	enum template_obj	 obj;
	const char		*tmpl;
};

#define C	TEMPLATE_CONTAINER
#define I	TEMPLATE_IMAGE
#define V	TEMPLATE_VOLUME
#define N	TEMPLATE_NETWORK
#define S	TEMPLATE_SERVICE

static const struct tcase allowed[] = {
	{ C, "{{.State.Status}}" },
	{ C, "{{.NetworkSettings.IPAddress}}" },
	{ C, "{{json .State.Health}}" },
	{ C, "{{.RestartCount}} {{.State.ExitCode}}" },
	{ C, "{{ .State.Running }}" },
	{ C, "{{- .State.Status -}}" },
	{ C, "{{-\t.State.Status\n-}}" },
	{ C, "{{/* a comment */}}{{.Name}}" },
	{ C, "{{- /* trimmed comment */ -}}{{.Name}}" },
	{ C, "{{json .State}}" },
	{ C, "{{.State}}" },
	{ C, "{{.State | json}}" },
	{ C, "{{.Name | printf \"%s\"}}" },
	{ C, "{{printf \"%s:%d\" .Name .RestartCount}}" },
	{ C, "{{printf \"}}\" }}{{.Id}}" },
	{ C, "{{printf `}} {{.Config.Env}}` }}{{.Id}}" },
	{ C, "{{if .State.Running}}up{{else}}down{{end}}" },
	{ C, "{{if eq .State.Status \"running\"}}1{{else if "
	    ".State.Dead}}2{{end}}" },
	{ C, "{{range .Mounts}}{{.Source}}:{{.Destination}} {{end}}" },
	{ C, "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}" },
	{ C, "{{range .NetworkSettings.Networks}}{{$.Name}}{{end}}" },
	{ C, "{{(index .NetworkSettings.Networks \"bridge\").IPAddress}}" },
	{ C, "{{index .Config.Labels \"com.docker.compose.service\"}}" },
	{ C, "{{.Config.Labels.maintainer}}" },
	{ C, "{{with .Config}}{{.Image}}{{end}}" },
	{ C, "{{with .State.Health}}{{.Status}}{{end}}" },
	{ C, "{{len .Mounts}} {{len .NetworkSettings.Networks}}" },
	{ C, "{{upper .State.Status}} {{lower .Name}} {{title .Name}}" },
	{ C, "{{truncate .Id 12}} {{pad .Name 1 2}}" },
	{ C, "{{join (split .Name \"/\") \",\"}}" },
	{ C, "{{slice .Id 0 12}}" },
	{ C, "{{if and .State.Running (not .State.Paused)}}ok{{end}}" },
	{ C, "{{or .State.Error \"none\"}}" },
	{ C, "{{json .NetworkSettings.Ports}}" },
	{ C, "{{.HostConfig.RestartPolicy.Name}} "
	    "{{.HostConfig.LogConfig.Type}}" },
	{ C, "{{$.State.Status}}" },
	{ C, "{{(.State).Status}} {{(.Config).Image}}" },
	{ C, "plain {{.Name}} text with }} and {{\"{{\"}}" },
	{ C, "{{\"\\\"}}{{.Config.Env}}\"}}" },
	{ C, "{{`{{.Config.Env}}`}}" },
	{ C, "{{.Config.Image}} {{.Config.User}} {{.Config.WorkingDir}}" },
	{ C, "{{ -3 }}{{.Name}}" },
	{ I, "{{.Id}} {{json .RepoTags}} {{.Config.Labels}}" },
	{ I, "{{.Os}}/{{.Architecture}} {{.Size}}" },
	{ V, "{{.Mountpoint}} {{.Driver}} {{json .Labels}}" },
	{ N, "{{range .IPAM.Config}}{{.Subnet}}{{end}} {{.Driver}}" },
	{ N, "{{json .Containers}}" },
	{ S, "{{.Spec.Name}} {{.Spec.TaskTemplate.ContainerSpec.Image}}" },
	{ S, "{{json .Endpoint}} {{.Spec.Mode.Replicated.Replicas}}" },
};

static const struct tcase denied[] = {
	/* the paths themselves, any spelling */
	{ C, "{{.Config.Env}}" },
	{ C, "{{json .Config.Env}}" },
	{ C, "{{.config.env}}" },
	{ C, "{{.CONFIG.Env}}" },
	{ C, "{{.Config.Cmd}}" },
	{ C, "{{.Config.Entrypoint}}" },
	{ C, "{{.Args}}" },
	{ C, "{{.Path}}" },
	{ C, "{{.HostConfig.LogConfig.Config}}" },
	{ C, "{{.HostConfig.LogConfig}}" },
	{ C, "{{.HostConfig.StorageOpt}}" },
	{ C, "{{.GraphDriver.Data}}" },
	{ C, "{{range .NetworkSettings.Networks}}{{.DriverOpts}}{{end}}" },
	{ C, "{{.NetworkSettings.Networks.bridge.DriverOpts}}" },
	{ C, "{{.NoSuchField}}" },
	{ I, "{{.ContainerConfig.Cmd}}" },
	{ I, "{{.ContainerConfig}}" },
	{ I, "{{.Config.Env}}" },
	{ I, "{{.Config.Cmd}}" },
	{ I, "{{.State.Status}}" },
	{ V, "{{.Options}}" },
	{ V, "{{.Status}}" },
	{ N, "{{.Options}}" },
	{ N, "{{.IPAM.Options}}" },
	{ S, "{{.Spec.TaskTemplate.ContainerSpec.Env}}" },
	{ S, "{{.Spec.TaskTemplate.LogDriver.Options}}" },
	{ S, "{{.Spec.TaskTemplate.Networks}}" },
	{ S, "{{.PreviousSpec}}" },
	{ S, "{{json .Spec}}" },
	/* whole objects that hold hidden values */
	{ C, "{{.}}" },
	{ C, "{{json .}}" },
	{ C, "{{. | json}}" },
	{ C, "{{.Config}}" },
	{ C, "{{json .Config}}" },
	{ C, "{{.HostConfig}}" },
	{ C, "{{.NetworkSettings}}" },
	{ C, "{{.NetworkSettings.Networks}}" },
	{ C, "{{json .NetworkSettings.Networks}}" },
	{ C, "{{$}}" },
	{ C, "{{json $}}" },
	{ C, "{{printf \"%v\" .}}" },
	{ C, "{{printf \"%+v\" .Config}}" },
	{ C, "{{print .Config}}" },
	{ C, "{{println .HostConfig}}" },
	{ C, "{{.Config | printf \"%v\"}}" },
	{ C, "{{.Config | json}}" },
	{ C, "{{html .Config}}" },
	{ C, "{{urlquery .Config}}" },
	{ C, "{{js .}}" },
	/* variables */
	{ C, "{{$e := .Config.Env}}{{$e}}" },
	{ C, "{{$c := .Config}}{{$c.Env}}" },
	{ C, "{{$x := .Name}}{{$x}}" },
	{ C, "{{$x = .Name}}" },
	{ C, "{{range $i, $e := .Config.Env}}{{$e}}{{end}}" },
	{ C, "{{range $e := .Mounts}}{{$e}}{{end}}" },
	{ C, "{{if $x := .State}}{{end}}" },
	{ C, "{{$.Config}}" },
	{ C, "{{$x.Name}}" },
	{ C, "{{$x}}" },
	{ C, "{{$.Config.Env}}" },
	{ C, "{{range .Mounts}}{{$.Config.Env}}{{end}}" },
	/* with, range, index */
	{ C, "{{with .Config}}{{.Env}}{{end}}" },
	{ C, "{{with .Config}}{{.}}{{end}}" },
	{ C, "{{with .Config}}{{json .}}{{end}}" },
	{ C, "{{with .Config.Env}}{{.}}{{end}}" },
	{ C, "{{with .HostConfig.LogConfig}}{{.Config}}{{end}}" },
	{ C, "{{with .State}}{{else}}{{.Config.Env}}{{end}}" },
	{ C, "{{range .Config.Env}}{{.}}{{end}}" },
	{ C, "{{range .Config}}{{.}}{{end}}" },
	{ C, "{{range .NetworkSettings.Networks}}{{.}}{{end}}" },
	{ C, "{{range .Mounts}}{{else}}{{.Config}}{{end}}" },
	{ C, "{{index .Config.Env 0}}" },
	{ C, "{{index . \"Config\"}}" },
	{ C, "{{index .Config \"Env\"}}" },
	{ C, "{{(index .Config.Env 0)}}" },
	{ C, "{{index .NetworkSettings.Networks \"bridge\"}}" },
	{ C, "{{(index .NetworkSettings.Networks \"b\").DriverOpts}}" },
	{ C, "{{slice .Config.Env 0 1}}" },
	{ C, "{{len .Config.Env}}" },
	{ C, "{{if eq (index .Config.Env 0) \"A=b\"}}y{{end}}" },
	{ C, "{{if .Config.Env}}y{{end}}" },
	{ C, "{{not .Config.Env}}" },
	{ C, "{{or .Config.Env .Name}}" },
	{ C, "{{and .Name .Config}}" },
	/* parentheses and chains */
	{ C, "{{(.Config).Env}}" },
	{ C, "{{(.Config)}}" },
	{ C, "{{(.).Config.Env}}" },
	{ C, "{{(json .Config)}}" },
	{ C, "{{(printf \"%s\" .Name).Foo}}" },
	{ C, "{{(truncate .Name 3).Foo}}" },
	{ C, "{{json.Config}}" },
	{ C, "{{..Config}}" },
	{ C, "{{(.Name) (.Id)}}" },
	{ C, "{{.Name .Id}}" },
	{ C, "{{.Name | .Id}}" },
	{ C, "{{\"x\".Name}}" },
	{ C, "{{3.Name}}" },
	/* functions */
	{ C, "{{call .Config.Env}}" },
	{ C, "{{call .Name}}" },
	{ C, "{{nosuchfunc .Name}}" },
	{ C, "{{printf \"%s\" nosuchfunc}}" },
	/* nested templates and other keywords */
	{ C, "{{define \"x\"}}{{.Config.Env}}{{end}}{{template \"x\" .}}" },
	{ C, "{{template \"x\" .}}" },
	{ C, "{{block \"x\" .}}{{.Config}}{{end}}" },
	{ C, "{{range .Mounts}}{{break}}{{end}}" },
	{ C, "{{range .Mounts}}{{continue}}{{end}}" },
	{ C, "{{nil}}" },
	{ C, "{{printf \"%v\" nil}}" },
	{ C, "{{with .State}}{{else with .Config}}{{.Env}}{{end}}" },
	{ C, "{{range .Mounts}}{{else if .Name}}{{end}}" },
	{ C, "{{if .Name}}" },
	{ C, "{{end}}" },
	{ C, "{{else}}" },
	{ C, "{{if .Name}}{{else}}{{else}}{{end}}" },
	/* lexical corners */
	{ C, "" },
	{ C, "json" },
	{ C, "pretty" },
	{ C, "{{/* {{.Name}} */}}" },
	{ C, "{{/* x */ .Config.Env}}" },
	{ C, "{{/* x */ .Config.Env}}{{.Name}}" },
	{ C, "{{\"\\\\\"}}{{.Config.Env}}" },
	{ C, "{{`\\`}}{{.Config.Env}}" },
	{ C, "{{\"\\\"}}{{.Config.Env}}" },
	{ C, "{{/* unclosed {{.Name}}" },
	{ C, "{{ /* not a comment */ }}" },
	{ C, "{{.Name" },
	{ C, "{{.Name}" },
	{ C, "{{\"}}\" .Config}}" },
	{ C, "{{`}}` | printf \"%s%v\" .Config}}" },
	{ C, "{{\"abc}}" },
	{ C, "{{\"a\nb\"}}" },
	{ C, "{{`abc}}" },
	{ C, "{{.Name-}}" },
	{ C, "{{-.Name}}" },
	{ C, "{{.Name -}} {{.Config -}}" },
	{ C, "{{'a'}}" },
	{ C, "{{0x10}}" },
	{ C, "{{1e3}}" },
	{ C, "{{1.5}}" },
	{ C, "{{.5}}" },
	{ C, "{{1_000}}" },
	{ C, "{{1i}}" },
	{ C, "{{.Config\xc3\xa9}}" },
	{ C, "{{.Conf\xc4\xb1g.Env}}" },
	{ C, "{{{.Name}}}" },
	{ C, "{{.Name}}{{(.Config}}" },
	{ C, "{{.Name)}}" },
	{ C, "{{}}" },
	{ C, "{{ }}" },
	{ C, "{{|.Name}}" },
	{ C, "{{.Name|}}" },
	{ C, "{{.Name,.Id}}" },
	{ C, "{{.Name!}}" },
	/* unknown object type */
	{ (enum template_obj)99, "{{.Name}}" },
};

static void
test_allowed(void **state)
{
	const char *err;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(allowed); i++) {
		err = NULL;
		if (template_check(allowed[i].tmpl, allowed[i].obj, &err) != 0)
			fail_msg("refused %s: %s", allowed[i].tmpl, err);
	}
}

static void
test_denied(void **state)
{
	const char *err;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(denied); i++) {
		err = NULL;
		if (template_check(denied[i].tmpl, denied[i].obj, &err) == 0)
			fail_msg("allowed %s", denied[i].tmpl);
		assert_non_null(err);
		assert_true(strlen(err) > 0);
	}
}

/* The message names the refused path. */
static void
test_message(void **state)
{
	const char *err = NULL;

	(void)state;
	assert_int_equal(template_check("{{.Config.Env}}", C, &err), -1);
	assert_string_equal(err, ".Config.Env is not allowed for a "
	    "container");
	assert_int_equal(template_check("{{.Options}}", V, &err), -1);
	assert_string_equal(err, ".Options is not allowed for a volume");
}

static void
test_limits(void **state)
{
	char buf[TEMPLATE_MAX_LEN + 2];
	const char *err = NULL;
	size_t i, n;

	(void)state;
	/* Exactly the length limit, made of allowed actions: allowed. */
	memset(buf, ' ', TEMPLATE_MAX_LEN);
	memcpy(buf, "{{.Name}}", 9);
	buf[TEMPLATE_MAX_LEN] = '\0';
	assert_int_equal(template_check(buf, C, &err), 0);
	buf[TEMPLATE_MAX_LEN] = ' ';
	buf[TEMPLATE_MAX_LEN + 1] = '\0';
	assert_int_equal(template_check(buf, C, &err), -1);

	/* Too many items. */
	for (n = 0; n + 9 < TEMPLATE_MAX_LEN; n += 9)
		memcpy(buf + n, "{{.Name}}", 9);
	buf[n] = '\0';
	assert_int_equal(template_check(buf, C, &err), -1);
	assert_string_equal(err, "the template is too long");

	/* Nesting: TEMPLATE_MAX_DEPTH ifs are fine, one more is not. */
	buf[0] = '\0';
	for (i = 0; i < TEMPLATE_MAX_DEPTH; i++)
		strcat(buf, "{{if .Name}}");
	for (i = 0; i < TEMPLATE_MAX_DEPTH; i++)
		strcat(buf, "{{end}}");
	assert_int_equal(template_check(buf, C, &err), 0);
	strcpy(buf, "{{if .Name}}");
	for (i = 0; i < TEMPLATE_MAX_DEPTH; i++)
		strcat(buf, "{{if .Name}}");
	for (i = 0; i <= TEMPLATE_MAX_DEPTH; i++)
		strcat(buf, "{{end}}");
	assert_int_equal(template_check(buf, C, &err), -1);

	/* Parentheses. */
	strcpy(buf, "{{");
	for (i = 0; i <= TEMPLATE_MAX_DEPTH; i++)
		strcat(buf, "(");
	strcat(buf, ".Name");
	for (i = 0; i <= TEMPLATE_MAX_DEPTH; i++)
		strcat(buf, ")");
	strcat(buf, "}}");
	assert_int_equal(template_check(buf, C, &err), -1);
}

static void
test_object(void **state)
{
	enum template_obj o;

	(void)state;
	assert_int_equal(template_object("container", &o), 0);
	assert_int_equal(o, TEMPLATE_CONTAINER);
	assert_int_equal(template_object("image", &o), 0);
	assert_int_equal(o, TEMPLATE_IMAGE);
	assert_int_equal(template_object("service", &o), 0);
	assert_int_equal(o, TEMPLATE_SERVICE);
	assert_int_equal(template_object("Container", &o), -1);
	assert_int_equal(template_object("task", &o), -1);
	assert_int_equal(template_object("plugin", &o), -1);
	assert_int_equal(template_object("", &o), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_allowed),
		cmocka_unit_test(test_denied),
		cmocka_unit_test(test_message),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_object),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
