/*
 * test_grammar.c: argv -> request exactly as pflag/cobra read it, and the
 * round trip parse(render(x)) == x for every accepted case.
 */
#include "testutil.h"

#include "cmdline.h"
#include "grammar.h"
#include "render.h"
#include "util.h"

struct accept_case {
	const char *in;		/* the words after "docker", as shell text */
	const char *argv;	/* rendered canonical argv, space-joined */
};

static const struct accept_case accepts[] = {
	/* compose: group flags between the group word and the subcommand */
	{ "compose up", "docker compose up" },
	{ "compose -f a.yml -f b.yml --project-directory /srv/x -p app up -d",
	    "docker compose --file=a.yml --file=b.yml "
	    "--project-directory=/srv/x --project-name=app up --detach=true" },
	{ "compose -fa.yml ps -aq", "docker compose --file=a.yml ps "
	    "--all=true --quiet=true" },
	{ "compose --dry-run down --dry-run", "docker compose --dry-run=true "
	    "down --dry-run=true" },
	{ "-D compose --env-file .env.prod logs -f web", "docker "
	    "--debug=true compose --env-file=.env.prod logs --follow=true web" },
	{ "compose up web -d", "docker compose up --detach=true web" },
	{ "compose run --rm web sh -c 'ls -l'", "docker compose run "
	    "--rm=true web sh -c ls -l" },
	{ "compose run web --rm", "docker compose run web --rm" },
	{ "compose exec -T web ls", "docker compose exec --no-tty=true web "
	    "ls" },
	{ "compose -f - up", "docker compose --file=- up" },
	{ "compose logs -- -web", "docker compose logs -- -web" },
	{ "compose -h up", "docker compose --help=true up" },
	{ "build -t local/x --network host -", "docker image build "
	    "--tag=local/x --network=host -" },
	{ "ps", "docker container ls" },
	{ "container ls -a", "docker container ls --all=true" },
	{ "container list -a", "docker container ls --all=true" },
	{ "container ps -q", "docker container ls --quiet=true" },
	{ "ps --format '{{.Names}}'", "docker container ls --format={{.Names}}" },
	{ "ps -a --filter name=web", "docker container ls --all=true "
	    "--filter=name=web" },
	{ "ps --help", "docker container ls --help=true" },
	{ "ps -h", "docker container ls --help=true" },
	{ "-D ps", "docker --debug=true container ls" },
	{ "--log-level=debug ps", "docker --log-level=debug container ls" },
	{ "-l warn ps", "docker --log-level=warn container ls" },
	/* short groups: bools, then the first value flag takes the rest */
	{ "run -itv/:/h alpine", "docker container run --interactive=true "
	    "--tty=true --volume=/:/h alpine" },
	{ "run -tv=/x:/y alpine", "docker container run --tty=true "
	    "--volume=/x:/y alpine" },
	{ "run -eFOO alpine", "docker container run --env=FOO alpine" },
	{ "run -e=FOO=bar alpine", "docker container run --env=FOO=bar "
	    "alpine" },
	{ "run -e= alpine", "docker container run --env== alpine" },
	{ "run -eit alpine", "docker container run --env=it alpine" },
	{ "run -ite FOO alpine", "docker container run --interactive=true "
	    "--tty=true --env=FOO alpine" },
	{ "run -d=false alpine", "docker container run --detach=false "
	    "alpine" },
	{ "run -it=false alpine", "docker container run --interactive=true "
	    "--tty=false alpine" },
	/* value flags take the next word unconditionally */
	{ "run -e --privileged alpine", "docker container run "
	    "--env=--privileged alpine" },
	{ "run --name --rm alpine", "docker container run --name=--rm "
	    "alpine" },
	{ "run --name= alpine", "docker container run --name= alpine" },
	{ "run --label=a=b=c alpine", "docker container run --label=a=b=c "
	    "alpine" },
	/* bools never take the next word */
	{ "run --privileged false alpine", "docker container run "
	    "--privileged=true false alpine" },
	{ "run --privileged=0 alpine", "docker container run "
	    "--privileged=false alpine" },
	{ "run --rm=F alpine", "docker container run --rm=false alpine" },
	{ "run --rm=TRUE alpine", "docker container run --rm=true alpine" },
	/* a single-dash long name is a short group */
	{ "run -privileged alpine", "docker container run "
	    "--publish=rivileged alpine" },
	/* non-interspersed: everything after the image is the command */
	{ "run alpine --privileged", "docker container run alpine "
	    "--privileged" },
	{ "run alpine -- ls", "docker container run alpine -- ls" },
	{ "run -- alpine", "docker container run alpine" },
	{ "run --rm alpine sh -c 'echo hi; exit 3'", "docker container run "
	    "--rm=true alpine sh -c echo hi; exit 3" },
	/* run's own shorthands that differ from the globals */
	{ "run -h x alpine", "docker container run --hostname=x alpine" },
	{ "run -c 512 alpine", "docker container run --cpu-shares=512 "
	    "alpine" },
	{ "run -l k=v alpine", "docker container run --label=k=v alpine" },
	{ "run --net=host alpine", "docker container run --network=host "
	    "alpine" },
	{ "run --net-alias x alpine", "docker container run "
	    "--network-alias=x alpine" },
	{ "run --cpu-shares 0x10 -m 512m --memory-swap -1 alpine",
	    "docker container run --cpu-shares=0x10 --memory=512m "
	    "--memory-swap=-1 alpine" },
	{ "run --health-interval 1m30s --cpus 1.5 alpine", "docker container "
	    "run --health-interval=1m30s --cpus=1.5 alpine" },
	{ "run -m 1.5gb --cpus 2 alpine", "docker container run "
	    "--memory=1.5gb --cpus=2 alpine" },
	{ "run --memory '1.5 GiB' alpine", "docker container run "
	    "--memory=1.5 GiB alpine" },
	{ "run --ip 10.0.0.1 alpine", "docker container run --ip=10.0.0.1 "
	    "alpine" },
	{ "container run alpine", "docker container run alpine" },
	{ "create --name x alpine", "docker container create --name=x "
	    "alpine" },
	/* interspersed: flags after positionals */
	{ "rm c1 -f", "docker container rm --force=true c1" },
	{ "rm -- -weird", "docker container rm -- -weird" },
	{ "container remove c1", "docker container rm c1" },
	{ "exec -it c sh -c 'id'", "docker container exec --interactive=true "
	    "--tty=true c sh -c id" },
	{ "top c aux", "docker container top c aux" },
	{ "top c -ef", "docker container top c -ef" },
	{ "tag a b", "docker image tag a b" },
	{ "images", "docker image ls" },
	{ "image list", "docker image ls" },
	{ "rmi x", "docker image rm x" },
	{ "image remove x", "docker image rm x" },
	{ "image history -H x", "docker image history --human=true x" },
	{ "system df", "docker system df" },
	{ "info", "docker system info" },
	{ "logs -f --tail 10 web", "docker container logs --follow=true "
	    "--tail=10 web" },
	{ "logs -n5 web", "docker container logs --tail=5 web" },
	{ "network ls", "docker network ls" },
	{ "volume list", "docker volume ls" },
	{ "restart -t 5 web", "docker container restart --time=5 web" },
	{ "restart --timeout=5 web", "docker container restart --time=5 web" },
	{ "system dial-stdio", "docker system dial-stdio" },
};

struct reject_case {
	const char *in;
	const char *err;	/* substring of the error */
};

static const struct reject_case rejects[] = {
	{ "", "no docker command" },
	{ "-H tcp://x ps", "refused" },
	{ "-Htcp://x ps", "refused" },
	{ "--host=unix:///x ps", "refused" },
	{ "--context x ps", "refused" },
	{ "-c x ps", "refused" },
	{ "--config /tmp/c ps", "refused" },
	{ "--tlsverify ps", "refused" },
	{ "--tlscacert=/x ps", "refused" },
	{ "--version", "refused" },
	{ "-v", "refused" },
	{ "-- ps", "\"--\" before the command word" },
	{ "-- -H tcp://x ps", "\"--\" before the command word" },
	{ "--help ps", "unknown flag" },
	{ "container --help ls", "flags between" },
	{ "container -a ls", "flags between" },
	{ "container", "subcommand" },
	{ "container nosuch", "subcommand" },
	{ "nosuch", "unknown docker command" },
	{ "PS", "unknown docker command" },
	{ "Run alpine", "unknown docker command" },
	{ "run --privileged=yes alpine", "invalid value" },
	{ "run --privileged= alpine", "invalid value" },
	{ "run --privilege alpine", "unknown flag: --privilege" },
	{ "run --Privileged alpine", "unknown flag" },
	{ "run", "at least 1" },
	{ "run --name", "needs an argument" },
	{ "run -e", "needs an argument" },
	{ "run ---x alpine", "bad flag syntax" },
	{ "run --=v alpine", "bad flag syntax" },
	{ "run -itest.x alpine", "-test" },
	{ "-test.v ps", "-test" },
	{ "run -d= alpine", "unknown shorthand flag: '='" },
	{ "run -Z alpine", "unknown shorthand flag: 'Z'" },
	{ "ps -H x", "unknown shorthand flag: 'H'" },
	{ "ps -v", "unknown shorthand flag: 'v'" },
	{ "ps extra", "at most 0" },
	{ "logs a b", "at most 1" },
	{ "run --cpu-shares abc alpine", "invalid value" },
	{ "run --cpu-shares 1_000 alpine", "invalid value" },
	{ "run --memory 1q alpine", "invalid value" },
	{ "run --health-interval 30 alpine", "invalid value" },
	{ "run --cpus 1,5 alpine", "invalid value" },
	{ "run --cpus 1. alpine", "invalid value" },
	{ "run --cpus .5 alpine", "invalid value" },
	{ "run --cpus 1.5.2 alpine", "invalid value" },
	{ "run --cpus 2g alpine", "invalid value" },
	{ "run --memory 1.g alpine", "invalid value" },
	{ "run --memory .5g alpine", "invalid value" },
	{ "run --memory 1gg alpine", "invalid value" },
	{ "run --ip 10.0.0.999 alpine", "invalid value" },
	{ "ps --filter name", "invalid value" },
	{ "exec c", "at least 2" },
	{ "tag a", "at least 2" },
	{ "tag a b c", "at most 2" },
	/* compose: group flags only before the subcommand, from its set */
	{ "compose", "missing subcommand for docker compose" },
	{ "compose -f c.yml", "missing subcommand for docker compose" },
	{ "compose upp", "unknown or missing subcommand for docker compose: "
	    "upp" },
	{ "compose -- up", "\"--\" between \"compose\"" },
	{ "compose --privileged up", "unknown flag: --privileged (compose)" },
	{ "compose -d up", "unknown shorthand flag: 'd'" },
	{ "compose --workdir /x up", "--workdir is refused" },
	{ "compose --insecure-registry x up", "refused" },
	{ "compose up --file x", "unknown flag: --file (compose up)" },
	{ "compose -f", "needs an argument" },
	{ "compose run --volumes /:/h svc", "unknown flag: --volumes" },
	{ "compose run --labels a=b svc", "unknown flag: --labels" },
	{ "compose run --no-TTY svc", "unknown flag: --no-TTY" },
	{ "compose exec --no-TTY svc sh", "unknown flag: --no-TTY" },
	{ "compose up --y", "unknown flag: --y" },
	{ "compose down --volume", "unknown flag: --volume" },
	{ "compose exec svc", "at least 2" },
	{ "compose ls extra", "at most 0" },
	{ "compose cp a", "at least 2" },
	{ "compose up --timeout x", "invalid value" },
	{ "compose compose up", "unknown or missing subcommand" },
	{ "buildx bake -f evil.hcl", "unknown docker command" },
	{ "builder bake", "unknown or missing subcommand" },
};

static void
words_of(const char *in, struct strv *w)
{
	const char *err = NULL;

	memset(w, 0, sizeof(*w));
	if (in[0] == '\0')
		return;
	if (cmdline_split(in, strlen(in), w, &err) != 0)
		fail_msg("cmdline_split(%s): %s", in, err);
}

static void
test_accepts(void **state)
{
	struct request req, again;
	struct strv w, out;
	const char *err;
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < NELEM(accepts); i++) {
		words_of(accepts[i].in, &w);
		if (grammar_parse(w.v, w.n, &req, &err) != 0)
			fail_msg("%s: unexpected error: %s", accepts[i].in, err);
		memset(&out, 0, sizeof(out));
		render_argv(&req, NULL, &out);
		s = words_joined(&out);
		if (strcmp(s, accepts[i].argv) != 0)
			fail_msg("%s:\n got  %s\n want %s", accepts[i].in, s,
			    accepts[i].argv);
		/* the property: parse(render(x)) == x */
		if (grammar_parse(out.v + 1, out.n - 1, &again, &err) != 0)
			fail_msg("%s: rendered argv does not parse: %s",
			    accepts[i].in, err);
		if (!grammar_equal(&req, &again))
			fail_msg("%s: parse(render(x)) != x", accepts[i].in);
		free(s);
		grammar_free(&again);
		grammar_free(&req);
		strv_free(&out);
		strv_free(&w);
	}
}

static void
test_rejects(void **state)
{
	struct request req;
	struct strv w;
	const char *err = NULL;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(rejects); i++) {
		words_of(rejects[i].in, &w);
		if (grammar_parse(w.v, w.n, &req, &err) == 0)
			fail_msg("%s: accepted, expected \"%s\"", rejects[i].in,
			    rejects[i].err);
		if (strstr(err, rejects[i].err) == NULL)
			fail_msg("%s: error \"%s\" lacks \"%s\"", rejects[i].in,
			    err, rejects[i].err);
		assert_null(req.cmd);
		strv_free(&w);
	}
}

/* Positionals and flags are kept apart exactly. */
static void
test_structure(void **state)
{
	static char *argv[] = { "run", "--rm", "-v", "data:/d", "alpine",
	    "-v", "/:/h", NULL };
	struct request req;
	const char *err;

	(void)state;
	assert_int_equal(grammar_parse(argv, 7, &req, &err), 0);
	assert_string_equal(req.cmd->name, "container run");
	assert_int_equal(req.nflags, 2);
	assert_string_equal(req.flags[1].value, "data:/d");
	assert_int_equal(req.nargs, 3);
	assert_string_equal(req.args[0], "alpine");
	assert_string_equal(req.args[1], "-v");
	assert_string_equal(req.args[2], "/:/h");
	grammar_free(&req);
	grammar_free(&req);	/* idempotent on a freed request */
}

static void
test_values(void **state)
{
	const char *err;
	int b;

	(void)state;
	assert_int_equal(grammar_parse_bool("t", &b), 0);
	assert_true(b);
	assert_int_equal(grammar_parse_bool("False", &b), 0);
	assert_false(b);
	assert_int_equal(grammar_parse_bool("yes", &b), -1);
	assert_int_equal(grammar_parse_bool("", &b), -1);
	assert_int_equal(grammar_check_value(VT_INT, "-0o17", &err), 0);
	assert_int_equal(grammar_check_value(VT_INT, "0b101", &err), 0);
	assert_int_equal(grammar_check_value(VT_INT, "99999999999999999999",
	    &err), -1);
	assert_int_equal(grammar_check_value(VT_UINT, "-1", &err), -1);
	assert_int_equal(grammar_check_value(VT_INT, "08", &err), -1);
	assert_int_equal(grammar_check_value(VT_DURATION, "1.5h", &err), 0);
	assert_int_equal(grammar_check_value(VT_DURATION, "0", &err), 0);
	assert_int_equal(grammar_check_value(VT_DURATION, "1x", &err), -1);
	assert_int_equal(grammar_check_value(VT_BYTES, "1.5GiB", &err), 0);
	assert_int_equal(grammar_check_value(VT_BYTES, "512 m", &err), 0);
	assert_int_equal(grammar_check_value(VT_BYTES, "m", &err), -1);
	assert_int_equal(grammar_check_value(VT_IP, "", &err), 0);
	assert_int_equal(grammar_check_value(VT_IP, "::1", &err), 0);
}

/* The flag cap is enforced. */
static void
test_too_many_flags(void **state)
{
	char **argv = xcalloc(GRAMMAR_MAX_FLAGS + 3, sizeof(*argv));
	struct request req;
	const char *err;
	size_t i;

	(void)state;
	argv[0] = "ps";
	for (i = 1; i <= GRAMMAR_MAX_FLAGS + 1; i++)
		argv[i] = "-a";
	assert_int_equal(grammar_parse(argv, GRAMMAR_MAX_FLAGS + 2, &req,
	    &err), -1);
	assert_non_null(strstr(err, "flags"));
	free(argv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepts),
		cmocka_unit_test(test_rejects),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_too_many_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
