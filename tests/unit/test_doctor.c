/*
 * test_doctor.c: the pure parts of doctor (sshd -T output, authorized_keys
 * options, AcceptEnv patterns, AuthorizedKeysFile expansion, forced
 * command recognition) and run_capture, which doctor runs sshd -T with.
 */
#include <unistd.h>

#include "testutil.h"
#include "doctor.h"
#include "run.h"

/* ------------------------------------------------------------------ */
/* sshd -T                                                              */
/* ------------------------------------------------------------------ */

static const char sshd_t[] =
    "port 22\n"
    "x11forwarding no\n"
    "DisableForwarding yes\n"
    "forcecommand /usr/local/bin/dockergate --policy \"/a b\"\n"
    "authorizedkeysfile .ssh/authorized_keys .ssh/authorized_keys2\n"
    "acceptenv LANG\n"
    "acceptenv LC_*\n"
    "subsystem sftp /usr/lib/openssh/sftp-server\n";

static void
test_sshcfg_parse(void **state)
{
	struct doctor_sshcfg cfg;
	const char *err = NULL;
	size_t i, n = 0;

	(void)state;
	assert_int_equal(doctor_sshcfg_parse(sshd_t, &cfg, &err), 0);
	assert_string_equal(doctor_sshcfg_get(&cfg, "port"), "22");
	/* keywords are lower-cased, values kept as they are */
	assert_string_equal(doctor_sshcfg_get(&cfg, "disableforwarding"),
	    "yes");
	assert_string_equal(doctor_sshcfg_get(&cfg, "forcecommand"),
	    "/usr/local/bin/dockergate --policy \"/a b\"");
	assert_string_equal(doctor_sshcfg_get(&cfg, "authorizedkeysfile"),
	    ".ssh/authorized_keys .ssh/authorized_keys2");
	assert_null(doctor_sshcfg_get(&cfg, "permittty"));
	/* repeated keywords: first by get, every one in the vectors */
	assert_string_equal(doctor_sshcfg_get(&cfg, "acceptenv"), "LANG");
	for (i = 0; i < cfg.keys.n; i++)
		n += strcmp(cfg.keys.v[i], "acceptenv") == 0;
	assert_int_equal(n, 2);
	doctor_sshcfg_free(&cfg);
}

static void
test_sshcfg_reject(void **state)
{
	static const char *const bad[] = {
		"", "\n\n", "port\n", "port 22\nnovalue\n", " leading 1\n",
	};
	struct doctor_sshcfg cfg;
	const char *err;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(bad); i++) {
		err = NULL;
		assert_int_equal(doctor_sshcfg_parse(bad[i], &cfg, &err), -1);
		assert_non_null(err);
		assert_int_equal(cfg.keys.n, 0);
	}
	doctor_sshcfg_free(NULL);
}

static void
test_sshcfg_too_long(void **state)
{
	struct doctor_sshcfg cfg;
	const char *err = NULL;
	size_t i, n = DOCTOR_SSHD_MAX_LINES + 1;
	char *t = xmalloc(n * 4 + 1);

	(void)state;
	for (i = 0; i < n; i++)
		memcpy(t + i * 4, "a b\n", 4);
	t[n * 4] = '\0';
	assert_int_equal(doctor_sshcfg_parse(t, &cfg, &err), -1);
	assert_non_null(strstr(err, "too many"));
	free(t);
}

/* ------------------------------------------------------------------ */
/* authorized_keys                                                      */
/* ------------------------------------------------------------------ */

#define KEY	"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx0 me@host"

struct keycase {
	const char	*line;
	int		 ret;
	int		 restricted, pty, user_rc, port_fwd, agent_fwd, x11_fwd;
	const char	*command;
};

static const struct keycase keycases[] = {
	{ KEY, 1, 0, 1, 1, 1, 1, 1, NULL },
	{ "ecdsa-sha2-nistp256 AAAA x", 1, 0, 1, 1, 1, 1, 1, NULL },
	{ "sk-ssh-ed25519@openssh.com AAAA x", 1, 0, 1, 1, 1, 1, 1, NULL },
	{ "", 0, 0, 1, 1, 1, 1, 1, NULL },
	{ "   # comment", 0, 0, 1, 1, 1, 1, 1, NULL },
	{ "\n", 0, 0, 1, 1, 1, 1, 1, NULL },
	{ "restrict " KEY, 1, 1, 0, 0, 0, 0, 0, NULL },
	{ "RESTRICT " KEY, 1, 1, 0, 0, 0, 0, 0, NULL },
	{ "restrict,command=\"/usr/local/bin/dockergate --role ci\" " KEY, 1,
	    1, 0, 0, 0, 0, 0, "/usr/local/bin/dockergate --role ci" },
	{ "command=\"/x/dockergate\",restrict " KEY, 1, 1, 0, 0, 0, 0, 0,
	    "/x/dockergate" },
	/* restrict first, then an option turns one permission back on */
	{ "restrict,pty " KEY, 1, 1, 1, 0, 0, 0, 0, NULL },
	{ "restrict,port-forwarding " KEY, 1, 1, 0, 0, 1, 0, 0, NULL },
	{ "restrict,user-rc,X11-forwarding " KEY, 1, 1, 0, 1, 0, 0, 1, NULL },
	/* the old spelling: everything off, but no "restrict" */
	{ "no-pty,no-user-rc,no-port-forwarding,no-agent-forwarding,"
	    "no-X11-forwarding " KEY, 1, 0, 0, 0, 0, 0, 0, NULL },
	/* \" inside the quotes is a quote; a comma inside is data */
	{ "command=\"/bin/echo \\\"a,b\\\"\" " KEY, 1, 0, 1, 1, 1, 1, 1,
	    "/bin/echo \"a,b\"" },
	{ "from=\"10.0.0.0/8\",restrict,environment=\"A=b\" " KEY, 1, 1, 0,
	    0, 0, 0, 0, NULL },
	{ "\trestrict\t" KEY, 1, 1, 0, 0, 0, 0, 0, NULL },
};

static void
test_key_parse(void **state)
{
	struct doctor_keyopts o;
	const char *err;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(keycases); i++) {
		const struct keycase *k = &keycases[i];

		err = NULL;
		assert_int_equal(doctor_key_parse(k->line, &o, &err), k->ret);
		assert_int_equal(o.restricted, k->restricted);
		assert_int_equal(o.pty, k->pty);
		assert_int_equal(o.user_rc, k->user_rc);
		assert_int_equal(o.port_fwd, k->port_fwd);
		assert_int_equal(o.agent_fwd, k->agent_fwd);
		assert_int_equal(o.x11_fwd, k->x11_fwd);
		if (k->command == NULL)
			assert_null(o.command);
		else
			assert_string_equal(o.command, k->command);
		doctor_keyopts_free(&o);
	}
	doctor_keyopts_free(NULL);
}

static void
test_key_environment(void **state)
{
	struct doctor_keyopts o;
	const char *err;

	(void)state;
	assert_int_equal(doctor_key_parse("environment=\"A=1\","
	    "environment=\"B=2\" " KEY, &o, &err), 1);
	assert_int_equal(o.nenv, 2);
	doctor_keyopts_free(&o);
}

static void
test_key_reject(void **state)
{
	static const char *const bad[] = {
		"command=\"unterminated " KEY,
		"command=unquoted " KEY,
		"restrict,,pty " KEY,
		"frobnicate " KEY,
		"restrict=\"x\" " KEY,
		"restrict;command=\"x\" " KEY,
		"command=\"a\",command=\"b\" " KEY,
		"pty,",
	};
	struct doctor_keyopts o;
	const char *err;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(bad); i++) {
		err = NULL;
		assert_int_equal(doctor_key_parse(bad[i], &o, &err), -1);
		assert_non_null(err);
		assert_null(o.command);
	}
}

/* ------------------------------------------------------------------ */
/* AcceptEnv                                                            */
/* ------------------------------------------------------------------ */

static void
test_env_dangerous(void **state)
{
	static const char *const bad[] = {
		"*", "LD_*", "LD_PRELOAD", "L?_PRELOAD", "*_PRELOAD",
		"DOCKER_*", "DOCKER_HOST", "DOCKER_TLS_VERIFY", "D*",
		"BASH_ENV", "BASH_*", "ENV", "E*", "?NV", "LD_BIND_NOW",
	};
	static const char *const good[] = {
		"LANG", "LC_*", "LC_ALL", "TZ", "COLORTERM", "XMODIFIERS",
		"GIT_PROTOCOL", "ENVIRONMENT", "LANGUAGE",
	};
	const char *name;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(bad); i++) {
		name = NULL;
		assert_int_equal(doctor_env_dangerous(bad[i], &name), 1);
		assert_non_null(name);
	}
	for (i = 0; i < NELEM(good); i++)
		assert_int_equal(doctor_env_dangerous(good[i], &name), 0);
}

/* ------------------------------------------------------------------ */
/* AuthorizedKeysFile, forced commands                                  */
/* ------------------------------------------------------------------ */

static void
test_expand_keyfile(void **state)
{
	static const struct {
		const char	*tok, *want;
	} cases[] = {
		{ ".ssh/authorized_keys", "/home/ai/.ssh/authorized_keys" },
		{ "/etc/ssh/keys/%u", "/etc/ssh/keys/ai" },
		{ "%h/.ssh/k", "/home/ai/.ssh/k" },
		{ "/k/%U", "/k/1001" },
		{ "/k/100%%", "/k/100%" },
		{ "keys/%u.%U", "/home/ai/keys/ai.1001" },
	};
	char *p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		p = doctor_expand_keyfile(cases[i].tok, "/home/ai", "ai", 1001);
		assert_non_null(p);
		assert_string_equal(p, cases[i].want);
		free(p);
	}
	assert_null(doctor_expand_keyfile("/k/%x", "/home/ai", "ai", 1));
	assert_null(doctor_expand_keyfile("/k/%", "/home/ai", "ai", 1));
}

static void
test_runs_gateway(void **state)
{
	static const struct {
		const char	*cmd;
		int		 want;
	} cases[] = {
		{ "/usr/local/bin/dockergate", 1 },
		{ "/usr/local/bin/dockergate --policy '/etc/a b.yaml'", 1 },
		{ "/opt/dg/dockergate --role ci", 1 },
		{ "dockergate", 0 },			/* PATH search */
		{ "/bin/sh -c dockergate", 0 },
		{ "/usr/bin/dockergate-probe", 0 },
		{ "internal-sftp", 0 },
		{ "", -1 },				/* the lexer refuses it */
		{ "/usr/local/bin/dockergate; /bin/sh", -1 },
		{ "/usr/local/bin/dockergate $(id)", -1 },
		{ "/usr/local/bin/dockergate 'open", -1 },
		/* what sh -c would expand or reinterpret (issue 21) */
		{ "/w/?in/dockergate", -1 },		/* glob */
		{ "/w/[b]in/dockergate", -1 },
		{ "/usr/local/bin/dockergate --policy /p/*.yaml", -1 },
		{ "/usr/local/bin/dockergate ~/p.yaml", -1 },	/* tilde */
		{ "/usr/local/bin/dockergate \"$HOME\"", -1 },
		{ "/usr/local/bin/dockergate \"`id`\"", -1 },
		{ "/usr/local/bin/dockergate\\ x", -1 },	/* escape */
		{ "/usr/local/bin/dockergate {a,b}", -1 },	/* bash braces */
		{ "/usr/local/bin/dockergate # c", -1 },	/* comment */
		{ "/usr/local/bin/dockergate >/tmp/x", -1 },
		{ "/usr/local/bin/dockergate && /bin/sh", -1 },
		{ "'/usr/local/bin/dockergate'", -1 },	/* quoted first word */
		{ "\"/usr/local/bin/\"dockergate", -1 },
		{ "/usr/local/bin/dockergate\n/bin/sh", -1 },
		{ "exec /usr/local/bin/dockergate", 0 },
		{ "A=b /usr/local/bin/dockergate", 0 },	/* assignment */
		{ "/usr/local/bin/dockergate --policy=/e/p.yaml --role ci", 1 },
		{ "/usr/local/bin/dockergate --policy \"/e/a b.yaml\"", 1 },
	};
	struct strv w;
	const char *err;
	size_t i;
	int r;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		err = NULL;
		r = doctor_runs_gateway(cases[i].cmd, &w, &err);
		assert_int_equal(r, cases[i].want);
		if (r != 1)
			assert_non_null(err);
		strv_free(&w);
	}
	assert_int_equal(doctor_runs_gateway("/a/dockergate --policy '/x y'",
	    &w, &err), 1);
	assert_int_equal(w.n, 3);
	assert_string_equal(w.v[2], "/x y");
	strv_free(&w);
}

/* ------------------------------------------------------------------ */
/* run_capture                                                          */
/* ------------------------------------------------------------------ */

static void
test_capture(void **state)
{
	char *argv[] = { "echo", "hello", NULL };
	char *out = NULL;
	const char *err = NULL;
	int status = -1;

	(void)state;
	assert_int_equal(run_capture("/bin/echo", argv, &out, 64, 5, &status,
	    &err), 0);
	assert_string_equal(out, "hello\n");
	assert_int_equal(status, 0);
	free(out);
}

static void
test_capture_env_status(void **state)
{
	char *env[] = { "env", NULL };
	char *sh[] = { "sh", "-c", "echo err >&2; read x; echo \"[$x]\"; "
	    "exit 3", NULL };
	char *out = NULL;
	const char *err = NULL;
	int status = -1;

	(void)state;
	/* the environment is PATH only */
	assert_int_equal(run_capture("/usr/bin/env", env, &out, 4096, 5,
	    &status, &err), 0);
	assert_string_equal(out, "PATH=" RUN_PATH "\n");
	free(out);
	/* stdin is /dev/null, stderr discarded, the status reported */
	assert_int_equal(run_capture("/bin/sh", sh, &out, 4096, 5, &status,
	    &err), 0);
	assert_string_equal(out, "[]\n");
	assert_int_equal(status, 3);
	free(out);
}

static void
test_capture_fail(void **state)
{
	char *yes[] = { "yes", NULL };
	char *sleep[] = { "sh", "-c", "sleep 10", NULL };
	char *none[] = { "nope", NULL };
	char *out = (char *)1;
	const char *err = NULL;
	int status;

	(void)state;
	assert_int_equal(run_capture("/usr/bin/yes", yes, &out, 1000, 5,
	    &status, &err), -1);
	assert_null(out);
	assert_non_null(strstr(err, "too long"));
	assert_int_equal(run_capture("/bin/sh", sleep, &out, 1000, 1,
	    &status, &err), -1);
	assert_non_null(strstr(err, "timed out"));
	assert_int_equal(run_capture("/nonexistent/nope", none, &out, 1000,
	    1, &status, &err), -1);
	assert_non_null(strstr(err, "cannot execute"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sshcfg_parse),
		cmocka_unit_test(test_sshcfg_reject),
		cmocka_unit_test(test_sshcfg_too_long),
		cmocka_unit_test(test_key_parse),
		cmocka_unit_test(test_key_environment),
		cmocka_unit_test(test_key_reject),
		cmocka_unit_test(test_env_dangerous),
		cmocka_unit_test(test_expand_keyfile),
		cmocka_unit_test(test_runs_gateway),
		cmocka_unit_test(test_capture),
		cmocka_unit_test(test_capture_env_status),
		cmocka_unit_test(test_capture_fail),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
