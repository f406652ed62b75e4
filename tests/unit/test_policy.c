/*
 * test_policy.c: the policy loader (src/policy.c).
 *
 * Every reject path has a case with its exact message and position; the
 * good policies check every key, the defaults and the normalizations.  The
 * policy_load cases need root-owned files and run only as root.
 */
#include "testutil.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "approval.h"
#include "commands.h"
#include "imageref.h"
#include "policy.h"

/* Five lines of preamble: the first rule is on line 5, column 9. */
#define HEAD	"version: 1\nroles:\n  r:\n    allow:\n"

struct bad {
	const char	*name;
	const char	*yaml;
	const char	*want;	/* one problem must contain this */
};

static const struct bad bad_cases[] = {
	/* Strictness: keys, anchors, aliases, tags, documents. */
	{ "unknown rule key", HEAD "      - command: ps\n"
	    "        contaners: [a]\n",
	    "t.yaml:6:9: unknown key \"contaners\" in rule; did you mean "
	    "\"containers\"?" },
	{ "unknown top key", "version: 1\nrole: {}\n",
	    "t.yaml:2:1: unknown key \"role\" in policy; did you mean "
	    "\"roles\"?" },
	{ "unknown docker key", "version: 1\ndocker:\n  bin: /x\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:3:3: unknown key \"bin\" in docker" },
	{ "unknown audit key", "version: 1\naudit: {sislog: true}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:9: unknown key \"sislog\" in audit; did you mean "
	    "\"syslog\"?" },
	{ "unknown role key", HEAD "      - ps\n    deny: [rm]\n",
	    "t.yaml:6:5: unknown key \"deny\" in role" },
	{ "duplicate top key", "version: 1\nversion: 1\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:1: duplicate key \"version\" in policy" },
	{ "duplicate rule key", HEAD "      - command: ps\n"
	    "        command: logs\n",
	    "t.yaml:6:9: duplicate key \"command\" in rule" },
	{ "duplicate role", HEAD "      - ps\n  r:\n    allow: [ps]\n",
	    "t.yaml:6:3: duplicate key \"r\" in roles" },
	{ "duplicate label", HEAD "      - command: rm\n"
	    "        labels: {a: x, a: y}\n",
	    "t.yaml:6:24: duplicate key \"a\" in labels" },
	{ "anchor", HEAD "      - &a ps\n",
	    "t.yaml:5:9: anchors are not allowed (&a)" },
	{ "anchor on mapping", HEAD "      - &m {command: ps}\n",
	    "t.yaml:5:9: anchors are not allowed (&m)" },
	{ "alias", HEAD "      - &a ps\n      - *a\n",
	    "t.yaml:6:9: aliases are not allowed (*a)" },
	{ "merge key", HEAD "      - command: ps\n        <<: {owned: true}\n",
	    "t.yaml:6:9: unknown key \"<<\" in rule" },
	{ "tag", HEAD "      - !!str ps\n",
	    "t.yaml:5:9: tags are not allowed (tag:yaml.org,2002:str)" },
	{ "local tag", "version: !x 1\nroles: {r: {allow: [ps]}}\n",
	    "t.yaml:1:10: tags are not allowed (!x)" },
	{ "tag directive", "%TAG !e! tag:example.com,2000:\n---\n"
	    "version: 1\nroles: {r: {allow: [ps]}}\n",
	    "t.yaml:1:1: %TAG directives are not allowed" },
	{ "two documents", "version: 1\nroles: {r: {allow: [ps]}}\n---\n"
	    "version: 1\n",
	    "t.yaml:3:1: only one YAML document is allowed" },
	{ "invalid yaml", "version: 1\nroles: [\n",
	    "t.yaml:3:1: syntax error: did not find expected node content" },
	{ "bad indentation", "version: 1\n roles: x\n",
	    "t.yaml:2:7: syntax error: mapping values are not allowed" },
	{ "too deep",
	    "version: 1\nx: [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]\n",
	    "t.yaml:2:19: nesting deeper than 16 levels" },
	{ "empty file", "",
	    "t.yaml:1:1: empty policy: \"version\" and \"roles\" are "
	    "required" },
	{ "not a mapping", "- ps\n",
	    "t.yaml:1:1: the policy must be a mapping, not a list" },
	{ "nul byte", "version: 1\0\n", "t.yaml: not UTF-8 text" },
	{ "bad utf-8", "version: 1\n# \xff\n", "t.yaml: not UTF-8 text" },
	{ "complex key", "version: 1\n? [a]\n: b\nroles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:3: a key must be a single value, not a list" },

	/* version */
	{ "version 2", "version: 2\nroles: {r: {allow: [ps]}}\n",
	    "t.yaml:1:10: unsupported version 2: this dockergate reads "
	    "version 1" },
	{ "version quoted", "version: \"1\"\nroles: {r: {allow: [ps]}}\n",
	    "t.yaml:1:10: version must be a decimal integer" },
	{ "version octal", "version: 01\nroles: {r: {allow: [ps]}}\n",
	    "t.yaml:1:10: version must be a decimal integer" },
	{ "version hex", "version: 0x1\nroles: {r: {allow: [ps]}}\n",
	    "t.yaml:1:10: version must be a decimal integer" },
	{ "version list", "version: [1]\nroles: {r: {allow: [ps]}}\n",
	    "t.yaml:1:10: version must be a single value, not a list" },
	{ "missing version", "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:1:1: missing key \"version\" (must be 1)" },
	{ "missing roles", "version: 1\n",
	    "t.yaml:1:1: missing key \"roles\"" },

	/* docker: */
	{ "docker list", "version: 1\ndocker: []\nroles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:9: docker must be a mapping, not a list" },
	{ "binary relative", "version: 1\ndocker: {binary: docker}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:18: docker.binary must be an absolute path: \"docker\"" },
	{ "binary dotdot", "version: 1\ndocker: {binary: /usr/../tmp/d}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:18: docker.binary must not contain \"..\"" },
	{ "binary list", "version: 1\ndocker: {binary: [/a]}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:18: docker.binary must be a single value, not a list" },
	{ "binary null", "version: 1\ndocker: {binary: ~}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:18: docker.binary must not be empty" },
	{ "host tcp", "version: 1\ndocker: {host: \"tcp://10.0.0.1:2375\"}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:16: docker.host must be unix:///PATH, a local socket: "
	    "\"tcp://10.0.0.1:2375\"" },
	{ "host ssh", "version: 1\ndocker: {host: \"ssh://h\"}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:16: docker.host must be unix:///PATH" },
	{ "host relative", "version: 1\ndocker: {host: \"unix://run/d.sock\"}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:16: docker.host socket must be an absolute path" },
	{ "host map", "version: 1\ndocker: {host: {}}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:16: docker.host must be a single value, not a mapping" },
	{ "config_dir relative", "version: 1\ndocker: {config_dir: cfg}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:22: docker.config_dir must be an absolute path" },
	{ "timeout days", "version: 1\ndocker: {timeout: 1d}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:19: docker.timeout: bad duration \"1d\"" },
	{ "timeout order", "version: 1\ndocker: {timeout: 1m1h}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:19: docker.timeout: bad duration \"1m1h\"" },
	{ "timeout trailing", "version: 1\ndocker: {timeout: 1h30}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:19: docker.timeout: bad duration" },
	{ "timeout negative", "version: 1\ndocker: {timeout: -1}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:19: docker.timeout: bad duration" },
	{ "timeout too long", "version: 1\ndocker: {timeout: 721h}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:19: docker.timeout: bad duration \"721h\"" },
	{ "timeout seconds too long", "version: 1\ndocker: {timeout: 2592001}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:19: docker.timeout: bad duration" },
	{ "timeout huge", "version: 1\ndocker: {timeout: 99999999999999h}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:19: docker.timeout: bad duration" },
	{ "timeout list", "version: 1\ndocker: {timeout: [1h]}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:19: docker.timeout must be a single value, not a list" },

	/* audit: */
	{ "audit scalar", "version: 1\naudit: yes\nroles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:8: audit must be a mapping, not a single value" },
	{ "syslog yes", "version: 1\naudit: {syslog: yes}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:17: audit.syslog must be true or false" },
	{ "syslog quoted", "version: 1\naudit: {syslog: \"true\"}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:17: audit.syslog must be true or false" },
	{ "required 1", "version: 1\naudit: {required: 1}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:19: audit.required must be true or false" },
	{ "required TRUE", "version: 1\naudit: {required: TRUE}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:19: audit.required must be true or false" },
	{ "audit file relative", "version: 1\naudit: {file: audit.log}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:15: audit.file must be an absolute path" },
	{ "audit file list", "version: 1\naudit: {file: []}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:15: audit.file must be a single value, not a list" },
	{ "audit nowhere", "version: 1\naudit: {syslog: false}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:8: audit.required is true but neither audit.syslog nor "
	    "audit.file is set" },

	/* roles: and allow: */
	{ "roles list", "version: 1\nroles: [r]\n",
	    "t.yaml:2:8: roles must be a mapping, not a list" },
	{ "roles empty", "version: 1\nroles: {}\n",
	    "t.yaml:2:8: roles: no roles defined" },
	{ "role scalar", "version: 1\nroles: {r: ps}\n",
	    "t.yaml:2:12: a role must be a mapping, not a single value" },
	{ "role without allow", "version: 1\nroles: {r: {}}\n",
	    "t.yaml:2:9: role \"r\" has no allow list" },
	{ "allow empty", "version: 1\nroles: {r: {allow: []}}\n",
	    "t.yaml:2:20: role \"r\" allows nothing: empty allow list" },
	{ "allow mapping", "version: 1\nroles: {r: {allow: {ps: 1}}}\n",
	    "t.yaml:2:20: allow must be a list, not a mapping" },
	{ "role name", "version: 1\nroles: {\"a b\": {allow: [ps]}}\n",
	    "t.yaml:2:9: bad role name \"a b\"" },
	{ "role name dash", "version: 1\nroles: {-x: {allow: [ps]}}\n",
	    "t.yaml:2:9: bad role name \"-x\"" },

	/* Commands */
	{ "unknown command", HEAD "      - stat\n",
	    "t.yaml:5:9: unknown command \"stat\"; did you mean \"stats\"?" },
	{ "unknown command in list", HEAD "      - [logs, inspekt]\n",
	    "t.yaml:5:16: unknown command \"inspekt\"; did you mean "
	    "\"inspect\"?" },
	{ "unknown command key", HEAD "      - command: [restrat]\n",
	    "t.yaml:5:19: unknown command \"restrat\"; did you mean "
	    "\"restart\"?" },
	{ "unknown command no hint", HEAD "      - frobnicate\n",
	    "t.yaml:5:9: unknown command \"frobnicate\"" },
	{ "command double space", HEAD "      - \"container  ls\"\n",
	    "t.yaml:5:9: unknown command \"container  ls\"" },
	{ "command extra word", HEAD "      - \"ps ls\"\n",
	    "t.yaml:5:9: unknown command \"ps ls\"" },
	{ "command group only", HEAD "      - container\n",
	    "t.yaml:5:9: unknown command \"container\"" },
	{ "command null", HEAD "      -\n      - ps\n",
	    "t.yaml:5:8: command must not be empty" },
	{ "command mapping", HEAD "      - command: {ps: 1}\n",
	    "t.yaml:5:18: command must be a single value, not a mapping" },
	{ "command list empty", HEAD "      - command: []\n",
	    "t.yaml:5:18: command: empty list" },
	{ "rule without command", HEAD "      - containers: [a]\n",
	    "t.yaml:5:9: rule has no command" },
	{ "rule empty list", HEAD "      - []\n",
	    "t.yaml:5:9: command: empty list" },

	/* Rule keys: types and values */
	{ "containers scalar", HEAD "      - command: ps\n"
	    "        containers: a\n",
	    "t.yaml:6:21: containers must be a list, not a single value" },
	{ "containers empty", HEAD "      - command: ps\n"
	    "        containers: []\n",
	    "t.yaml:6:21: containers: empty list; leave the key out instead" },
	{ "containers control", HEAD "      - command: ps\n"
	    "        containers: [\"a\\tb\"]\n",
	    "t.yaml:6:22: containers must not contain control characters" },
	{ "labels list", HEAD "      - command: rm\n        labels: [a]\n",
	    "t.yaml:6:17: labels must be a mapping, not a list" },
	{ "labels empty", HEAD "      - command: rm\n        labels: {}\n",
	    "t.yaml:6:17: labels: empty mapping" },
	{ "label value list", HEAD "      - command: rm\n"
	    "        labels: {a: [b]}\n",
	    "t.yaml:6:21: a label value must be a single value, not a list" },
	{ "owned 1", HEAD "      - command: ps\n        owned: 1\n",
	    "t.yaml:6:16: owned must be true or false" },
	{ "own yes", HEAD "      - command: run\n        own: yes\n",
	    "t.yaml:6:14: own must be true or false" },
	{ "redact_env no", HEAD "      - command: inspect\n"
	    "        redact_env: no\n",
	    "t.yaml:6:21: redact_env must be true or false" },
	{ "images scalar", HEAD "      - command: run\n"
	    "        images: alpine\n",
	    "t.yaml:6:17: images must be a list, not a single value" },
	{ "images empty", HEAD "      - command: run\n        images: []\n",
	    "t.yaml:6:17: images: empty list" },
	{ "images invalid", HEAD "      - command: run\n"
	    "        images: [\"a//b\"]\n",
	    "t.yaml:6:18: images: invalid pattern \"a//b\"" },
	{ "mounts host", HEAD "      - command: run\n        mounts: host\n",
	    "t.yaml:6:17: mounts must be none or named, not \"host\"" },
	{ "mounts list", HEAD "      - command: run\n        mounts: [none]\n",
	    "t.yaml:6:17: mounts must be a single value, not a list" },
	{ "binds scalar", HEAD "      - command: run\n        binds: /srv\n",
	    "t.yaml:6:16: binds must be a list, not a single value" },
	{ "binds relative", HEAD "      - command: run\n"
	    "        binds: [\"srv:ro\"]\n",
	    "t.yaml:6:17: binds must be an absolute path: \"srv\"" },
	{ "binds dotdot", HEAD "      - command: run\n"
	    "        binds: [\"/srv/../etc\"]\n",
	    "t.yaml:6:17: binds must not contain \"..\": \"/srv/../etc\"" },
	{ "binds mode", HEAD "      - command: run\n"
	    "        binds: [\"/srv:rx\"]\n",
	    "t.yaml:6:17: binds: \"/srv:rx\": only :ro or :rw may follow the "
	    "path" },
	{ "binds colon", HEAD "      - command: run\n"
	    "        binds: [\"/a:/b:ro\"]\n",
	    "t.yaml:6:17: binds: \"/a:/b:ro\": only :ro or :rw may follow" },
	{ "deny_flags scalar", HEAD "      - command: run\n"
	    "        deny_flags: publish\n",
	    "t.yaml:6:21: deny_flags must be a list, not a single value" },
	{ "deny_flags not a flag", HEAD "      - command: ps\n"
	    "        deny_flags: [publish]\n",
	    "t.yaml:6:22: deny_flags: \"publish\" is not a flag of \"ps\"" },
	{ "deny_flags before command", HEAD "      - deny_flags: [publsh]\n"
	    "        command: [run, create]\n",
	    "t.yaml:5:22: deny_flags: \"publsh\" is not a flag of \"run\", "
	    "\"create\"; did you mean \"publish\"?" },
	{ "deny_flags dashes", HEAD "      - command: run\n"
	    "        deny_flags: [--publish]\n",
	    "t.yaml:6:22: deny_flags: write flag names without dashes: "
	    "\"--publish\"" },
	{ "deny_flags short", HEAD "      - command: run\n"
	    "        deny_flags: [p]\n",
	    "t.yaml:6:22: deny_flags: write the long name \"publish\", not "
	    "\"p\"" },
	{ "unsafe unknown", HEAD "      - command: run\n"
	    "        unsafe: [gpu]\n",
	    "t.yaml:6:18: unsafe: unknown risk class \"gpu\"; did you mean "
	    "\"gpus\"? (valid: privileged, host-mounts, host-namespaces, "
	    "other-containers, capabilities, devices, gpus, security-options, "
	    "kernel, client-files, volume-drivers, log-egress, data-loss, "
	    "image-tags, remote-sources)" },
	{ "unsafe never", HEAD "      - command: run\n"
	    "        unsafe: [never]\n",
	    "t.yaml:6:18: unsafe: \"never\" can not be allowed by any policy" },
	{ "unsafe scalar", HEAD "      - command: run\n        unsafe: gpus\n",
	    "t.yaml:6:17: unsafe must be a list, not a single value" },
	{ "subcommands without compose", HEAD "      - command: ps\n"
	    "        subcommands: [up]\n",
	    "t.yaml:6:22: subcommands and projects apply only to compose" },
	{ "projects without compose", HEAD "      - command: ps\n"
	    "        projects: [/srv]\n",
	    "t.yaml:6:19: subcommands and projects apply only to compose" },
	{ "own on a command that starts nothing", HEAD "      - command: "
	    "[run, import]\n        own: true\n",
	    "own: true applies to run, create, service create and compose "
	    "only, not to \"import\"" },
	{ "volumes without named mounts", HEAD "      - command: run\n"
	    "        volumes: [\"scratch-*\"]\n",
	    "t.yaml:6:18: volumes: needs mounts: named" },
	{ "volumes on compose", HEAD "      - command: compose\n"
	    "        subcommands: [up]\n        projects: [/srv]\n"
	    "        mounts: named\n        volumes: [x]\n",
	    "volumes: does not apply to compose rules" },
	{ "volumes not a name", HEAD "      - command: run\n"
	    "        mounts: named\n        volumes: [\"/srv/x\"]\n",
	    "volumes: \"/srv/x\" is not a volume name glob" },
	{ "volumes empty name", HEAD "      - command: run\n"
	    "        mounts: named\n        volumes: [\"\"]\n",
	    "is not a volume name glob" },
	{ "subcommand unknown", HEAD "      - command: compose\n"
	    "        subcommands: [upp]\n",
	    "t.yaml:6:23: subcommands: unknown compose subcommand \"upp\"; did "
	    "you mean \"up\"?" },
	{ "subcommand hidden", HEAD "      - command: compose\n"
	    "        subcommands: [alpha]\n",
	    "t.yaml:6:23: subcommands: unknown compose subcommand \"alpha\"" },
	/* "bridge" and "build" tie; the table's alphabetical order decides. */
	{ "subcommand tie: first in order", HEAD "      - command: compose\n"
	    "        subcommands: [b]\n",
	    "t.yaml:6:23: subcommands: unknown compose subcommand \"b\"; did "
	    "you mean \"bridge\"?" },
	{ "subcommands empty", HEAD "      - command: compose\n"
	    "        subcommands: []\n",
	    "t.yaml:6:22: subcommands: empty list" },
	{ "projects relative", HEAD "      - command: compose\n"
	    "        projects: [\"stacks/*\"]\n",
	    "t.yaml:6:20: projects must be an absolute path: \"stacks/*\"" },
	{ "projects dotdot", HEAD "      - command: compose\n"
	    "        projects: [\"/srv/stacks/../../etc\"]\n",
	    "t.yaml:6:20: projects must not contain \"..\"" },
	{ "contexts relative", HEAD "      - command: build\n"
	    "        contexts: [src]\n",
	    "t.yaml:6:20: contexts must be an absolute path: \"src\"" },
	{ "contexts scalar", HEAD "      - command: build\n"
	    "        contexts: /src\n",
	    "t.yaml:6:19: contexts must be a list, not a single value" },
	/* approvals (issue 18) */
	{ "approval without approvals", HEAD "      - command: rm\n"
	    "        approval: true\n",
	    "t.yaml:6:19: approval: true needs the top-level approvals: "
	    "block" },
	{ "approval not bool", "version: 1\napprovals: {}\n" "roles:\n"
	    "  r:\n    allow:\n      - command: rm\n        approval: yes\n",
	    "t.yaml:7:19: approval must be true or false" },
	{ "approvals ttl bad", "version: 1\napprovals: {ttl: 15x}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:18: approvals.ttl: bad duration \"15x\"" },
	{ "approvals ttl zero", "version: 1\napprovals: {ttl: 0}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:18: approvals.ttl: bad duration \"0\"" },
	{ "approvals wait too long", "version: 1\napprovals: {wait: 2h}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:19: approvals.wait: bad duration \"2h\"" },
	{ "approvals dir relative", "version: 1\napprovals: {dir: x/y}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:18: approvals.dir must be an absolute path" },
	{ "approvals notify relative", "version: 1\napprovals:\n"
	    "  notify: [dg-notify]\nroles: {r: {allow: [ps]}}\n",
	    "t.yaml:3:12: approvals.notify must be an absolute path" },
	{ "approvals notify empty", "version: 1\napprovals:\n"
	    "  notify: []\nroles: {r: {allow: [ps]}}\n",
	    "t.yaml:3:11: approvals.notify: empty list" },
	{ "approvals unknown key", "version: 1\napprovals: {wiat: 1m}\n"
	    "roles: {r: {allow: [ps]}}\n",
	    "t.yaml:2:13: unknown key \"wiat\" in approvals; did you mean "
	    "\"wait\"?" },
};

struct errors {
	struct strv	 e;
	struct policy	*p;
};

static int
has_error(const struct strv *e, const char *want)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (strstr(e->v[i], want) != NULL)
			return 1;
	return 0;
}

static void
dump_errors(const char *name, const struct strv *e)
{
	size_t i;

	fprintf(stderr, "case \"%s\": %zu problems\n", name, e->n);
	for (i = 0; i < e->n; i++)
		fprintf(stderr, "  %s\n", e->v[i]);
}

static void
test_bad(void **state)
{
	const struct bad *c = *state;
	struct strv e = { NULL, 0, 0 };
	struct policy *p = (struct policy *)1;
	size_t len = strlen(c->yaml);
	int r;

	if (strcmp(c->name, "nul byte") == 0)
		len = sizeof("version: 1\0\n") - 1;
	r = policy_parse(c->yaml, len, "t.yaml", &p, &e);
	if (r != -1 || !has_error(&e, c->want)) {
		dump_errors(c->name, &e);
		fprintf(stderr, "  wanted: %s\n", c->want);
	}
	assert_int_equal(r, -1);
	assert_null(p);
	assert_true(e.n > 0 && e.n <= POLICY_MAX_ERRORS);
	assert_true(has_error(&e, c->want));
	strv_free(&e);
}

/* ------------------------------------------------------------------ */
/* Good policies */

static struct policy *
parse_ok(const char *yaml)
{
	struct strv e = { NULL, 0, 0 };
	struct policy *p = NULL;

	if (policy_parse(yaml, strlen(yaml), "t.yaml", &p, &e) != 0)
		dump_errors("parse_ok", &e);
	assert_int_equal(e.n, 0);
	assert_non_null(p);
	strv_free(&e);
	return p;
}

static const struct cmddef *
cmd(const char *spelling)
{
	char *words[4], *copy = strdup(spelling), *w = copy;
	const struct cmddef *c;
	size_t n = 0, used = 0;

	while (w != NULL && n < 4) {
		words[n++] = w;
		if ((w = strchr(w, ' ')) != NULL)
			*w++ = '\0';
	}
	c = commands_lookup(words, n, &used);
	free(copy);
	assert_non_null(c);
	assert_int_equal(used, n);
	return c;
}

static void
test_defaults(void **state)
{
	struct policy *p;
	const struct rule *r;

	(void)state;
	p = parse_ok("version: 1\nroles:\n  ci:\n    allow: [ps]\n");
	assert_string_equal(p->file, "t.yaml");
	assert_string_equal(p->binary, POLICY_DEFAULT_BINARY);
	assert_string_equal(p->host, POLICY_DEFAULT_HOST);
	assert_string_equal(p->config_dir, POLICY_DEFAULT_CONFIG);
	assert_int_equal(p->timeout, POLICY_DEFAULT_TIMEOUT);
	assert_int_equal(p->audit_syslog, 1);
	assert_null(p->audit_file);
	assert_int_equal(p->audit_required, 1);
	assert_int_equal(p->nroles, 1);
	assert_string_equal(p->roles[0].name, "ci");
	assert_int_equal(p->roles[0].nrules, 1);
	r = &p->roles[0].rules[0];
	assert_string_equal(r->where, "roles.ci.allow[0]");
	assert_int_equal(r->line, 4);
	assert_int_equal(r->col, 13);
	assert_int_equal(r->ncmds, 1);
	assert_ptr_equal(r->cmds[0], cmd("ps"));
	assert_int_equal(r->containers.n, 0);
	assert_int_equal(r->nlabels, 0);
	assert_int_equal(r->owned, 0);
	assert_int_equal(r->own, 0);
	assert_int_equal(r->images.n, 0);
	assert_int_equal(r->mounts, MOUNTS_NONE);
	assert_int_equal(r->nbinds, 0);
	assert_int_equal(r->deny_flags.n, 0);
	assert_int_equal(r->unsafe, 0);
	assert_int_equal(r->subcommands.n, 0);
	assert_int_equal(r->projects.n, 0);
	assert_int_equal(r->contexts.n, 0);
	assert_int_equal(r->redact_env, 1);
	policy_free(p);
}

static const char full_policy[] =
    "# every key\n"
    "version: 1\n"
    "docker:\n"
    "  binary: /usr/local/bin/docker\n"
    "  host: unix:///run/docker.sock\n"
    "  config_dir: /etc/dg/cfg\n"
    "  timeout: 1h30m\n"
    "audit:\n"
    "  syslog: False\n"
    "  file: /var/log/dg/audit.jsonl\n"
    "  required: True\n"
    "roles:\n"
    "  ai-worker:\n"
    "    allow:\n"
    "      - ps\n"						/* 15 */
    "      - [logs, \"container inspect\", stats]\n"
    "      - - start\n"
    "        - stop\n"
    "      - command: [start, stop, restart]\n"		/* 19 */
    "        containers: [ollama, \"webui-*\"]\n"
    "        owned: true\n"
    "      - command: rm\n"
    "        labels: {com.example.agent: \"true\", tier: web}\n"
    "        own: false\n"
    "      - command: run\n"					/* 25 */
    "        images: [alpine, \"ollama/*\"]\n"
    "        mounts: named\n"
    "        binds: [\"/srv//shared/./data/:ro\", /scratch:rw, /]\n"
    "        deny_flags: [publish, network]\n"
    "        unsafe: [gpus, devices]\n"
    "        own: true\n"
    "        redact_env: false\n"
    "      - command: compose\n"				/* 33 */
    "        subcommands: [ps, logs, up, down, restart, pull]\n"
    "        projects: [\"/srv/stacks/*\", \"/opt//x/\"]\n"
    "      - command: build\n"
    "        images: [\"local/*\"]\n"
    "        contexts: [\"/srv/build/*\", \"-\"]\n"
    "  ci:\n"
    "    allow:\n"
    "      - command: \"container restart\"\n"
    "        containers: [web, worker]\n";

static void
check_full_docker(const struct policy *p)
{
	assert_string_equal(p->binary, "/usr/local/bin/docker");
	assert_string_equal(p->host, "unix:///run/docker.sock");
	assert_string_equal(p->config_dir, "/etc/dg/cfg");
	assert_int_equal(p->timeout, 5400);
	assert_int_equal(p->audit_syslog, 0);
	assert_string_equal(p->audit_file, "/var/log/dg/audit.jsonl");
	assert_int_equal(p->audit_required, 1);
	assert_int_equal(p->nroles, 2);
}

static void
check_full_short_forms(const struct role *ai)
{
	const struct rule *r = ai->rules;

	assert_int_equal(r[0].ncmds, 1);
	assert_int_equal(r[0].line, 15);
	assert_int_equal(r[1].ncmds, 3);
	assert_ptr_equal(r[1].cmds[0], cmd("logs"));
	assert_ptr_equal(r[1].cmds[1], cmd("container inspect"));
	assert_ptr_equal(r[1].cmds[2], cmd("stats"));
	assert_int_equal(r[2].ncmds, 2);
	assert_ptr_equal(r[2].cmds[1], cmd("stop"));
	assert_int_equal(r[3].ncmds, 3);
	assert_string_equal(r[3].where, "roles.ai-worker.allow[3]");
	assert_int_equal(r[3].line, 19);
	assert_int_equal(r[3].col, 9);
	assert_int_equal(r[3].containers.n, 2);
	assert_string_equal(r[3].containers.v[1], "webui-*");
	assert_int_equal(r[3].owned, 1);
	assert_int_equal(r[4].nlabels, 2);
	assert_string_equal(r[4].labels[0].key, "com.example.agent");
	assert_string_equal(r[4].labels[0].value, "true");
	assert_string_equal(r[4].labels[1].value, "web");
}

static void
check_full_run(const struct rule *r)
{
	const char *errstr;
	char *want;

	assert_ptr_equal(r->cmds[0], cmd("run"));
	assert_int_equal(r->images.n, 2);
	want = imageref_pattern("alpine", &errstr);
	assert_non_null(want);
	assert_string_equal(r->images.v[0], want);
	assert_non_null(strstr(r->images.v[0], "docker.io/library/alpine"));
	free(want);
	assert_int_equal(r->mounts, MOUNTS_NAMED);
	assert_int_equal(r->nbinds, 3);
	assert_string_equal(r->binds[0].path, "/srv/shared/data");
	assert_int_equal(r->binds[0].readonly, 1);
	assert_string_equal(r->binds[1].path, "/scratch");
	assert_int_equal(r->binds[1].readonly, 0);
	assert_string_equal(r->binds[2].path, "/");
	assert_int_equal(r->deny_flags.n, 2);
	assert_string_equal(r->deny_flags.v[0], "publish");
	assert_string_equal(r->deny_flags.v[1], "network");
	assert_int_equal(r->unsafe, RISK_GPUS | RISK_DEVICES);
	assert_int_equal(r->own, 1);
	assert_int_equal(r->redact_env, 0);
}

static void
test_full(void **state)
{
	struct policy *p;
	const struct role *ai, *ci;
	const struct rule *r;

	(void)state;
	p = parse_ok(full_policy);
	check_full_docker(p);
	ai = policy_role(p, "ai-worker");
	assert_non_null(ai);
	assert_int_equal(ai->nrules, 8);
	check_full_short_forms(ai);
	check_full_run(&ai->rules[5]);
	r = &ai->rules[6];
	assert_int_equal(r->subcommands.n, 6);
	assert_string_equal(r->subcommands.v[5], "pull");
	assert_string_equal(r->projects.v[0], "/srv/stacks/*");
	assert_string_equal(r->projects.v[1], "/opt/x");
	r = &ai->rules[7];
	assert_string_equal(r->contexts.v[0], "/srv/build/*");
	assert_string_equal(r->contexts.v[1], "-");
	ci = policy_role(p, "ci");
	assert_non_null(ci);
	assert_ptr_equal(ci->rules[0].cmds[0], cmd("restart"));
	assert_string_equal(ci->rules[0].where, "roles.ci.allow[0]");
	assert_null(policy_role(p, "CI"));
	assert_null(policy_role(p, "nobody"));
	assert_null(policy_role(NULL, "ci"));
	policy_free(p);
}

static void
test_spellings(void **state)
{
	struct policy *p;
	const struct rule *r;

	(void)state;
	p = parse_ok(HEAD "      - [ps, \"container ls\", \"container list\"]\n"
	    "      - [\"system df\", \"image inspect\", \"network ls\"]\n");
	r = p->roles[0].rules;
	assert_ptr_equal(r[0].cmds[0], r[0].cmds[1]);
	assert_ptr_equal(r[0].cmds[0], r[0].cmds[2]);
	assert_ptr_equal(r[1].cmds[0], cmd("system df"));
	assert_ptr_equal(r[1].cmds[2], cmd("network ls"));
	policy_free(p);
}

static void
test_durations(void **state)
{
	static const struct {
		const char	*in;
		long		 secs;
	} cases[] = {
		{ "0", 0 }, { "90", 90 }, { "90s", 90 }, { "15m", 900 },
		{ "1h", 3600 }, { "1h30m", 5400 }, { "2h0m5s", 7205 },
		{ "1m30s", 90 }, { "\"45s\"", 45 }, { "720h", 2592000 },
		{ "2592000", 2592000 },
	};
	struct policy *p;
	char *yaml;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		if (asprintf(&yaml, "version: 1\ndocker: {timeout: %s}\n"
		    "roles: {r: {allow: [ps]}}\n", cases[i].in) < 0)
			fail();
		p = parse_ok(yaml);
		assert_int_equal(p->timeout, cases[i].secs);
		policy_free(p);
		free(yaml);
	}
}

/* Several problems are all reported, each once, in file order. */
static void
test_collects_all(void **state)
{
	static const char yaml[] = HEAD
	    "      - command: ps\n"
	    "        contaners: [a]\n"
	    "      - stat\n"
	    "      - command: run\n"
	    "        mounts: host\n";
	struct strv e = { NULL, 0, 0 };
	struct policy *p;

	(void)state;
	assert_int_equal(policy_parse(yaml, sizeof(yaml) - 1, "t.yaml", &p,
	    &e), -1);
	assert_null(p);
	assert_int_equal(e.n, 3);
	assert_non_null(strstr(e.v[0], "t.yaml:6:9:"));
	assert_non_null(strstr(e.v[1], "t.yaml:7:9:"));
	assert_non_null(strstr(e.v[2], "t.yaml:9:17:"));
	strv_free(&e);
}

/* An unknown command does not also make its deny_flags errors. */
static void
test_one_error_per_cause(void **state)
{
	static const char yaml[] = HEAD
	    "      - command: [run, frobnicate]\n"
	    "        deny_flags: [publish, nonsense]\n";
	struct strv e = { NULL, 0, 0 };
	struct policy *p;

	(void)state;
	assert_int_equal(policy_parse(yaml, sizeof(yaml) - 1, "t.yaml", &p,
	    &e), -1);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0], "t.yaml:5:24: unknown command \"frobnicate\"");
	strv_free(&e);
}

static void
test_error_cap(void **state)
{
	struct strv e = { NULL, 0, 0 };
	struct policy *p;
	char *yaml, *w;
	size_t i;

	(void)state;
	yaml = w = malloc(300 * 16 + 64);
	w += sprintf(w, "version: 1\n");
	for (i = 0; i < 300; i++)
		w += sprintf(w, "k%zu: 1\n", i);
	assert_int_equal(policy_parse(yaml, strlen(yaml), "t.yaml", &p, &e),
	    -1);
	assert_int_equal(e.n, POLICY_MAX_ERRORS);
	strv_free(&e);
	free(yaml);
}

static void
test_too_many_rules(void **state)
{
	struct strv e = { NULL, 0, 0 };
	struct policy *p;
	char *yaml, *w;
	size_t i;

	(void)state;
	yaml = w = malloc((POLICY_MAX_RULES + 2) * 12 + 64);
	w += sprintf(w, HEAD);
	for (i = 0; i <= POLICY_MAX_RULES; i++)
		w += sprintf(w, "      - ps\n");
	assert_int_equal(policy_parse(yaml, strlen(yaml), "t.yaml", &p, &e),
	    -1);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0], "t.yaml:4101:9: role \"r\": more than "
	    "4096 rules");
	strv_free(&e);
	/* Exactly the limit is fine. */
	w -= strlen("      - ps\n");
	*w = '\0';
	p = parse_ok(yaml);
	assert_int_equal(p->roles[0].nrules, POLICY_MAX_RULES);
	policy_free(p);
	free(yaml);
}

static void
test_too_large(void **state)
{
	struct strv e = { NULL, 0, 0 };
	struct policy *p;
	char *yaml;

	(void)state;
	yaml = calloc(1, POLICY_MAX_BYTES + 2);
	memset(yaml, '#', POLICY_MAX_BYTES + 1);
	assert_int_equal(policy_parse(yaml, POLICY_MAX_BYTES + 1, "t.yaml",
	    &p, &e), -1);
	assert_string_equal(e.v[0], "t.yaml: larger than 1048576 bytes");
	strv_free(&e);
	free(yaml);
}

/* Messages never carry control bytes from the input. */
static void
test_sanitized(void **state)
{
	static const char yaml[] = "version: 1\n\"a\\e[31mb\": 1\n";
	struct strv e = { NULL, 0, 0 };
	struct policy *p;
	size_t i;

	(void)state;
	assert_int_equal(policy_parse(yaml, sizeof(yaml) - 1, "t.yaml", &p,
	    &e), -1);
	assert_true(e.n >= 1);
	for (i = 0; i < e.n; i++)
		assert_null(strchr(e.v[i], '\033'));
	strv_free(&e);
}

static void
test_examples(void **state)
{
	static const char *const files[] = {
		"policy/ai-worker.yaml", "policy/ci-restart.yaml",
		"policy/read-only.yaml",
	};
	struct strv e = { NULL, 0, 0 };
	struct policy *p;
	char buf[65536];
	size_t i, n;
	FILE *f;

	(void)state;
	for (i = 0; i < NELEM(files); i++) {
		if ((f = fopen(files[i], "r")) == NULL)
			skip();		/* not run from the project root */
		n = fread(buf, 1, sizeof(buf), f);
		fclose(f);
		if (policy_parse(buf, n, files[i], &p, &e) != 0)
			dump_errors(files[i], &e);
		assert_int_equal(e.n, 0);
		policy_free(p);
	}
}

/* ------------------------------------------------------------------ */
/* policy_load: ownership and mode, which need root-owned files */

static char tmpdir[64];
static int tmpdir_made;		/* mkdtemp succeeded: teardown removes it */

static void
need_root(void)
{
	if (geteuid() != 0)
		skip();
}

static char *
write_file(const char *name, const char *text, mode_t mode)
{
	char *path;
	int fd;

	if (asprintf(&path, "%s/%s", tmpdir, name) < 0)
		fail();
	(void)unlink(path);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd != -1);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	assert_int_equal(fchmod(fd, mode), 0);
	close(fd);
	return path;
}

static const char small[] = "version: 1\nroles: {ci: {allow: [ps]}}\n";

static void
load_fails(const char *path, const char *want, int want_perm)
{
	struct strv e = { NULL, 0, 0 };
	struct policy *p = (struct policy *)1;
	int perm = -1;

	assert_int_equal(policy_load(path, &p, &e, &perm), -1);
	assert_null(p);
	if (!has_error(&e, want))
		dump_errors(path, &e);
	assert_true(has_error(&e, want));
	assert_int_equal(perm, want_perm);
	strv_free(&e);
}

static int
load_setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/run/dg-test-policy.XXXXXX");
	if (geteuid() != 0)
		return 0;
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	tmpdir_made = 1;
	return chmod(tmpdir, 0755) == -1 ? -1 : 0;
}

static int
load_teardown(void **state)
{
	char *cmd;
	int rc;

	(void)state;
	/* not strchr(tmpdir, 'X'): mkdtemp's own letters may be an X */
	if (!tmpdir_made)
		return 0;
	tmpdir_made = 0;
	if (asprintf(&cmd, "rm -rf '%s'", tmpdir) < 0)
		return -1;
	rc = system(cmd) == 0 ? 0 : -1;
	free(cmd);
	return rc;
}

static void
test_load_ok(void **state)
{
	struct strv e = { NULL, 0, 0 };
	struct policy *p = NULL;
	char *path;
	int perm = -1;

	(void)state;
	need_root();
	path = write_file("good.yaml", small, 0644);
	assert_int_equal(policy_load(path, &p, &e, &perm), 0);
	assert_int_equal(e.n, 0);
	assert_int_equal(perm, 0);
	assert_non_null(policy_role(p, "ci"));
	assert_string_equal(p->file, path);
	policy_free(p);
	free(path);
}

static void
test_load_syntax(void **state)
{
	char *path, *want;

	(void)state;
	need_root();
	path = write_file("syntax.yaml", "version: 1\nroles: [\n", 0600);
	if (asprintf(&want, "%s:3:1: syntax error", path) < 0)
		fail();
	load_fails(path, want, 0);
	free(want);
	free(path);
}

static void
test_load_group_writable(void **state)
{
	char *path;

	(void)state;
	need_root();
	path = write_file("gw.yaml", small, 0664);
	load_fails(path, ": must be owned by root and not writable by group "
	    "or others", 1);
	free(path);
	path = write_file("ww.yaml", small, 0646);
	load_fails(path, ": must be owned by root", 1);
	free(path);
}

static void
test_load_not_root(void **state)
{
	char *path;

	(void)state;
	need_root();
	path = write_file("nobody.yaml", small, 0644);
	assert_int_equal(chown(path, 65534, 65534), 0);
	load_fails(path, ": must be owned by root and not writable by group "
	    "or others", 1);
	free(path);
}

/* Loads through path; p->file is the name as given. */
static void
load_ok(const char *path)
{
	struct strv e = { NULL, 0, 0 };
	struct policy *p = NULL;
	int perm = -1;

	if (policy_load(path, &p, &e, &perm) != 0)
		dump_errors(path, &e);
	assert_non_null(p);
	assert_int_equal(perm, 0);
	assert_string_equal(p->file, path);
	policy_free(p);
	strv_free(&e);
}

/* approvals.notify runs for every held request: root's, or --check fails. */
static void
test_load_notify(void **state)
{
	char *notify, *path, *text;

	(void)state;
	need_root();
	notify = write_file("notify", "#!/bin/sh\n", 0755);
	assert_int_equal(chown(notify, 65534, 65534), 0);
	if (asprintf(&text, "version: 1\napprovals:\n  notify: [%s]\n"
	    "roles: {r: {allow: [ps]}}\n", notify) < 0)
		fail();
	path = write_file("notify.yaml", text, 0644);
	load_fails(path, "notify.yaml:3:11: approvals.notify: ", 0);
	assert_int_equal(chown(notify, 0, 0), 0);
	load_ok(path);
	free(text);
	free(path);
	free(notify);
}

/*
 * Links are followed and judged (trust.c): a link in a trusted directory
 * to a trusted file loads (/etc/dockergate/policy.yaml -> /etc/static/...
 * on NixOS); a link planted in a writable directory, or one to a file
 * others may write, does not.
 */
static void
test_load_symlink(void **state)
{
	char *path, *link, *ww, *wwlink, *gw, *gwlink;

	(void)state;
	need_root();
	path = write_file("target.yaml", small, 0644);
	gw = write_file("gwtarget.yaml", small, 0664);
	if (asprintf(&link, "%s/link.yaml", tmpdir) < 0 ||
	    asprintf(&ww, "%s/wwdir", tmpdir) < 0 ||
	    asprintf(&wwlink, "%s/wwdir/link.yaml", tmpdir) < 0 ||
	    asprintf(&gwlink, "%s/gwlink.yaml", tmpdir) < 0)
		fail();
	(void)unlink(link);
	assert_int_equal(symlink(path, link), 0);
	load_ok(link);
	(void)mkdir(ww, 0755);
	assert_int_equal(chmod(ww, 0777), 0);
	(void)unlink(wwlink);
	assert_int_equal(symlink(path, wwlink), 0);
	load_fails(wwlink, "must be owned by root and not writable", 1);
	(void)unlink(gwlink);
	assert_int_equal(symlink(gw, gwlink), 0);
	load_fails(gwlink, ": must be owned by root and not writable by group",
	    1);
	free(gwlink);
	free(wwlink);
	free(ww);
	free(link);
	free(gw);
	free(path);
}

static void
test_load_missing(void **state)
{
	char *path, *want;

	(void)state;
	need_root();
	if (asprintf(&path, "%s/missing.yaml", tmpdir) < 0 ||
	    asprintf(&want, "%s: cannot open: No such file or directory",
	    path) < 0)
		fail();
	load_fails(path, want, 0);
	free(want);
	free(path);
}

/* A directory on the way is world-writable (sticky or not) or not root's. */
static void
test_load_parents(void **state)
{
	static const struct {
		const char	*dir;
		mode_t		 mode;
		uid_t		 uid;
	} cases[] = {
		{ "ww", 0777, 0 }, { "gw", 0775, 0 },
		{ "nobody", 0755, 65534 }, { "nobodysticky", 01777, 65534 },
	};
	char *dir, *path, *want;
	size_t i;

	(void)state;
	need_root();
	for (i = 0; i < NELEM(cases); i++) {
		if (asprintf(&dir, "%s/%s", tmpdir, cases[i].dir) < 0 ||
		    asprintf(&path, "%s/p.yaml", cases[i].dir) < 0)
			fail();
		assert_int_equal(mkdir(dir, 0755), 0);
		free(write_file(path, small, 0644));
		assert_int_equal(chmod(dir, cases[i].mode), 0);
		assert_int_equal(chown(dir, cases[i].uid, 0), 0);
		free(path);
		if (asprintf(&path, "%s/p.yaml", dir) < 0 ||
		    asprintf(&want, "%s: directory %s must be owned by root "
		    "and not writable by group or others", path, dir) < 0)
			fail();
		load_fails(path, want, 1);
		free(want);
		free(path);
		free(dir);
	}
}

/*
 * A root-owned sticky directory writable by others (the Nix store, /tmp)
 * holds the policy safely only when the entry is root's: nobody else can
 * rename or replace it there.
 */
static void
test_load_sticky(void **state)
{
	char *dir, *path;

	(void)state;
	need_root();
	if (asprintf(&dir, "%s/store", tmpdir) < 0)
		fail();
	assert_int_equal(mkdir(dir, 0755), 0);
	assert_int_equal(chmod(dir, 01775), 0);
	path = write_file("store/p.yaml", small, 0444);
	load_ok(path);
	assert_int_equal(chown(path, 65534, 65534), 0);
	load_fails(path, "is in a shared (sticky) directory and must be owned "
	    "by root", 1);
	assert_int_equal(chown(path, 0, 0), 0);
	assert_int_equal(chmod(dir, 0775), 0);	/* not sticky */
	load_fails(path, "must be owned by root and not writable by group", 1);
	free(path);
	free(dir);
}

static void
test_load_fifo(void **state)
{
	char *path;

	(void)state;
	need_root();
	if (asprintf(&path, "%s/fifo.yaml", tmpdir) < 0)
		fail();
	assert_int_equal(mkfifo(path, 0644), 0);
	load_fails(path, ": not a regular file", 1);
	free(path);
}

static void
test_load_large(void **state)
{
	char *big, *path;

	(void)state;
	need_root();
	big = malloc(POLICY_MAX_BYTES + 2);
	memset(big, '#', POLICY_MAX_BYTES + 1);
	big[POLICY_MAX_BYTES + 1] = '\0';
	path = write_file("big.yaml", big, 0644);
	load_fails(path, ": larger than 1048576 bytes", 0);
	free(path);
	free(big);
}

/* approvals: and approval: true (issue 18), and their defaults. */
static void
test_approvals(void **state)
{
	struct policy *p;

	(void)state;
	p = parse_ok("version: 1\nroles: {r: {allow: [ps]}}\n");
	assert_false(p->approvals.set);
	assert_string_equal(p->approvals.dir, APPROVAL_DEFAULT_DIR);
	assert_int_equal(p->approvals.ttl, APPROVAL_DEFAULT_TTL);
	assert_int_equal(p->approvals.wait, APPROVAL_DEFAULT_WAIT);
	assert_false(p->roles[0].rules[0].approval);
	policy_free(p);
	p = parse_ok("version: 1\napprovals:\n  dir: /srv/appr\n"
	    "  ttl: 1h\n  wait: 2m\n  notify: [/usr/bin/dg-notify, -q]\n"
	    "roles:\n  r:\n    allow:\n      - ps\n      - command: rm\n"
	    "        approval: true\n");
	assert_true(p->approvals.set);
	assert_string_equal(p->approvals.dir, "/srv/appr");
	assert_int_equal(p->approvals.ttl, 3600);
	assert_int_equal(p->approvals.wait, 120);
	assert_int_equal(p->approvals.notify.n, 2);
	assert_string_equal(p->approvals.notify.v[1], "-q");
	assert_int_equal(p->approvals.notify_line, 6);
	assert_false(p->roles[0].rules[0].approval);
	assert_true(p->roles[0].rules[1].approval);
	policy_free(p);
}

int
main(void)
{
	const struct CMUnitTest good[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_spellings),
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_collects_all),
		cmocka_unit_test(test_one_error_per_cause),
		cmocka_unit_test(test_error_cap),
		cmocka_unit_test(test_too_many_rules),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_sanitized),
		cmocka_unit_test(test_examples),
		cmocka_unit_test(test_approvals),
	};
	const struct CMUnitTest load[] = {
		cmocka_unit_test(test_load_ok),
		cmocka_unit_test(test_load_syntax),
		cmocka_unit_test(test_load_group_writable),
		cmocka_unit_test(test_load_not_root),
		cmocka_unit_test(test_load_symlink),
		cmocka_unit_test(test_load_missing),
		cmocka_unit_test(test_load_parents),
		cmocka_unit_test(test_load_sticky),
		cmocka_unit_test(test_load_fifo),
		cmocka_unit_test(test_load_large),
		cmocka_unit_test(test_load_notify),
	};
	struct CMUnitTest bad[NELEM(bad_cases)];
	size_t i;
	int fails = 0;

	for (i = 0; i < NELEM(bad_cases); i++) {
		memset(&bad[i], 0, sizeof(bad[i]));
		bad[i].name = bad_cases[i].name;
		bad[i].test_func = test_bad;
		bad[i].initial_state = (void *)&bad_cases[i];
	}
	fails += _cmocka_run_group_tests("policy_bad", bad, NELEM(bad),
	    NULL, NULL);
	fails += cmocka_run_group_tests_name("policy_good", good, NULL, NULL);
	fails += cmocka_run_group_tests_name("policy_load", load, load_setup,
	    load_teardown);
	return fails != 0;
}
