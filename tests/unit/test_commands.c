/* test_commands.c: the command table and its lookups. */
#include "testutil.h"

#include "commands.h"

#define MAX_WORDS	4

/* Splits "a b" into words (in buf); returns the count. */
static size_t
split_words(const char *s, char *buf, size_t len, char **w)
{
	size_t n = 0;
	char *p;

	assert_true(strlen(s) < len);
	strcpy(buf, s);
	for (p = strtok(buf, " "); p != NULL && n < MAX_WORDS;
	    p = strtok(NULL, " "))
		w[n++] = p;
	return n;
}

static const struct cmddef *
lookup(const char *s, size_t *used)
{
	char buf[256], *w[MAX_WORDS];
	size_t n;

	n = split_words(s, buf, sizeof(buf), w);
	return commands_lookup(w, n, used);
}

static void
test_every_alias_resolves(void **state)
{
	const struct cmdalias *a;
	const struct cmddef *c;
	size_t used, n;
	char buf[256], *w[MAX_WORDS];

	(void)state;
	for (a = commands_aliases; a->words[0] != '\0'; a++) {
		n = split_words(a->words, buf, sizeof(buf), w);
		c = commands_lookup(w, n, &used);
		assert_non_null(c);
		assert_string_equal(c->name, a->canon);
		assert_int_equal(used, n);
	}
}

static void
test_canon_is_own_alias(void **state)
{
	const struct cmddef *c;
	const struct cmdalias *a;
	int found;

	(void)state;
	for (c = commands_table; c->name[0] != '\0'; c++) {
		found = 0;
		for (a = commands_aliases; a->words[0] != '\0'; a++)
			if (strcmp(a->words, c->name) == 0 &&
			    strcmp(a->canon, c->name) == 0)
				found = 1;
		if (!found)
			fail_msg("%s is not its own spelling", c->name);
		assert_ptr_equal(commands_find(c->name), c);
	}
}

static void
test_no_duplicate_spelling(void **state)
{
	const struct cmdalias *a, *b;

	(void)state;
	for (a = commands_aliases; a->words[0] != '\0'; a++)
		for (b = a + 1; b->words[0] != '\0'; b++)
			if (strcmp(a->words, b->words) == 0)
				fail_msg("spelling %s twice", a->words);
}

static const struct {
	const char	*words;
	const char	*canon;
	size_t		 used;
} spellings[] = {
	{ "ps", "container ls", 1 },
	{ "container ps", "container ls", 2 },
	{ "container list", "container ls", 2 },
	{ "container ls -a", "container ls", 2 },
	{ "rm", "container rm", 1 },
	{ "container remove", "container rm", 2 },
	{ "rmi", "image rm", 1 },
	{ "image rmi", "image rm", 2 },
	{ "image remove", "image rm", 2 },
	{ "images", "image ls", 1 },
	{ "image list", "image ls", 2 },
	{ "build", "image build", 1 },
	{ "builder build", "image build", 2 },
	{ "builder prune", "builder prune", 2 },
	{ "info", "system info", 1 },
	{ "events", "system events", 1 },
	{ "inspect", "inspect", 1 },
	{ "container inspect", "container inspect", 2 },
	{ "stack up", "stack deploy", 2 },
	{ "stack down", "stack rm", 2 },
	{ "stack remove", "stack rm", 2 },
	{ "network list", "network ls", 2 },
	{ "volume remove", "volume rm", 2 },
	{ "run alpine", "container run", 1 },
	{ "exec", "container exec", 1 },
	{ "tag", "image tag", 1 },
	{ "system dial-stdio", "system dial-stdio", 2 },
	{ "compose up", "compose up", 2 },
	{ "compose", "compose", 1 },
	{ "version", "version", 1 },
	{ "login", "login", 1 },
};

static void
test_spellings(void **state)
{
	const struct cmddef *c;
	size_t i, used;

	(void)state;
	for (i = 0; i < NELEM(spellings); i++) {
		c = lookup(spellings[i].words, &used);
		if (c == NULL)
			fail_msg("%s: not found", spellings[i].words);
		assert_string_equal(c->name, spellings[i].canon);
		assert_int_equal(used, spellings[i].used);
	}
}

static const char *const bad_spellings[] = {
	"PS", "Run", "contain", "container", "container LS", "image",
	"remove", "list", "docker", "trust", "buildx", "bake", "help",
	"completion", "__complete", "ps\t", " ps", "", "container  ls",
	"system", "image build2", "stack", "context",
};

static void
test_bad_spellings(void **state)
{
	char *w[2];
	size_t i, used;

	(void)state;
	for (i = 0; i < NELEM(bad_spellings); i++) {
		w[0] = (char *)bad_spellings[i];
		used = 99;
		if (commands_lookup(w, 1, &used) != NULL)
			fail_msg("'%s' found", bad_spellings[i]);
		assert_int_equal(used, 0);
	}
	assert_null(commands_lookup(NULL, 0, &used));
	w[0] = "ps";
	assert_null(commands_lookup(w, 0, &used));
	assert_non_null(commands_lookup(w, 1, NULL));
	w[0] = "container";
	w[1] = NULL;
	assert_null(commands_lookup(w, 2, &used));
	assert_null(commands_find("ps"));
	assert_null(commands_find(NULL));
	assert_null(commands_find("container  run"));
}

static void
test_groups(void **state)
{
	const char *yes[] = { "container", "image", "system", "network",
	    "volume", "plugin", "context", "builder", "stack", "swarm",
	    "compose" };
	const char *no[] = { "ps", "run", "contain", "", "Container",
	    "containers" };
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(yes); i++)
		assert_int_equal(commands_is_group(yes[i]), 1);
	for (i = 0; i < NELEM(no); i++)
		if (commands_is_group(no[i]))
			fail_msg("%s is a group", no[i]);
	assert_int_equal(commands_is_group(NULL), 0);
}

/* Every long name and shorthand reachable in one command is unique. */
static void
check_unique(const struct cmddef *c)
{
	const struct flagdef *f, *g;
	size_t i, j;

	for (i = 0; i < CMD_MAX_FLAGSETS; i++) {
		if (commands_flagset(c, i) == NULL)
			continue;
		for (f = commands_flagset(c, i); f->name[0] != '\0'; f++) {
			if (commands_flag(c, f->name) != f)
				fail_msg("%s: --%s twice", c->name, f->name);
			if (f->shorthand != 0 &&
			    commands_short(c, f->shorthand) != f)
				fail_msg("%s: -%c twice", c->name,
				    f->shorthand);
			for (j = i + 1; j < CMD_MAX_FLAGSETS; j++)
				for (g = commands_flagset(c, j); g != NULL &&
				    g->name[0] != '\0'; g++)
					if (strcmp(f->name, g->name) == 0)
						fail_msg("%s: --%s in two sets",
						    c->name, f->name);
		}
	}
}

static void
test_flags_unique(void **state)
{
	const struct cmddef *c;

	(void)state;
	for (c = commands_table; c->name[0] != '\0'; c++)
		check_unique(c);
}

static void
check_flag_rows(const struct cmddef *c, const struct flagdef *set)
{
	const struct flagdef *f, *t;

	for (f = set; f->name[0] != '\0'; f++) {
		if (f->risk != 0 && commands_why(f->why) == NULL)
			fail_msg("%s: --%s: risk without why", c->name,
			    f->name);
		if (f->name[0] == '\0' || f->name[0] == '-' ||
		    strchr(f->name, '=') != NULL)
			fail_msg("%s: bad flag name '%s'", c->name, f->name);
		/* redaction relies on the kind, not on the name */
		if ((c->traits & CMD_SHOWS_ENV) &&
		    (strcmp(f->name, "format") == 0 ||
		    strcmp(f->name, "pretty") == 0) && f->kind != VK_OUTPUT)
			fail_msg("%s: --%s must be VK_OUTPUT", c->name,
			    f->name);
		if (f->alias_of[0] == '\0')
			continue;
		t = commands_flag(c, f->alias_of);
		if (t == NULL || t == f || t->alias_of[0] != '\0' ||
		    t->type != f->type || t->kind != f->kind ||
		    t->risk != f->risk)
			fail_msg("%s: --%s: bad alias_of", c->name, f->name);
		assert_string_equal(commands_flag_canon(f), f->alias_of);
	}
}

static void
test_flag_rows(void **state)
{
	const struct cmddef *c;
	size_t i;

	(void)state;
	for (c = commands_table; c->name[0] != '\0'; c++) {
		for (i = 0; i < CMD_MAX_FLAGSETS; i++)
			if (commands_flagset(c, i) != NULL)
				check_flag_rows(c, commands_flagset(c, i));
		if (c->risk != 0 && commands_why(c->why) == NULL)
			fail_msg("%s: risk without why", c->name);
		if (c->summary[0] == '\0')
			fail_msg("%s: no summary", c->name);
		if (c->maxargs != CMD_ARGS_UNBOUNDED &&
		    (c->maxargs < c->minargs || c->minargs < 0))
			fail_msg("%s: bad arg counts", c->name);
	}
	check_flag_rows(commands_find("version"), commands_global_flags);
}

/* A string that fills its array has no NUL: the row would run into the next. */
#define FITS(a)	(strnlen((a), sizeof(a)) < sizeof(a))

static void
check_set_fits(const char *cmd, const struct flagdef *set)
{
	const struct flagdef *f;

	for (f = set; f != NULL; f++) {
		if (!FITS(f->name) || !FITS(f->alias_of))
			fail_msg("%s: a flag name does not fit its row", cmd);
		if (f->name[0] == '\0')
			break;
		if (f->why != 0 && commands_why(f->why) == NULL)
			fail_msg("%s: --%s: reason %u has no text", cmd,
			    f->name, f->why);
		if (f->risk == 0 && f->why != 0)
			fail_msg("%s: --%s: reason without risk", cmd,
			    f->name);
	}
}

/*
 * The tables hold their strings inside the rows and name flag sets and
 * reasons by number (commands.c): every string fits with its NUL, every
 * number is a valid one, and the alias index covers every spelling.
 */
static void
test_rows_fit(void **state)
{
	const struct cmddef *c;
	const struct cmdalias *a;
	const char *w;
	size_t i, n = 0;
	unsigned why;

	(void)state;
	for (c = commands_table; ; c++) {
		if (!FITS(c->name) || !FITS(c->summary))
			fail_msg("a command name or summary does not fit");
		if (c->name[0] == '\0')
			break;
		for (i = 0; i < CMD_MAX_FLAGSETS; i++)
			if (c->flagsets[i] != 0 &&
			    commands_flagset(c, i) == NULL)
				fail_msg("%s: flag set %u unknown", c->name,
				    c->flagsets[i]);
		for (i = 0; i < CMD_MAX_FLAGSETS; i++)
			check_set_fits(c->name, commands_flagset(c, i));
		if (c->why != 0 && commands_why(c->why) == NULL)
			fail_msg("%s: reason %u has no text", c->name, c->why);
	}
	check_set_fits("(global)", commands_global_flags);
	check_set_fits("(persistent)", commands_persistent_flags);
	assert_null(commands_flagset(c, 0));
	assert_null(commands_flagset(NULL, 0));
	assert_null(commands_flagset(commands_find("compose"),
	    CMD_MAX_FLAGSETS));
	for (a = commands_aliases; ; a++) {
		if (!FITS(a->words) || !FITS(a->canon))
			fail_msg("a spelling does not fit its row");
		if (a->words[0] == '\0')
			break;
		n++;
	}
	if (n > CMD_ALIASES_MAX)
		fail_msg("%zu spellings, the index holds %d", n,
		    CMD_ALIASES_MAX);
	/* Reasons: 0 is none; each one after it has a text, up to the end. */
	assert_null(commands_why(0));
	for (why = 1; (w = commands_why(why)) != NULL; why++)
		if (w[0] == '\0' || strnlen(w, CMD_WHY_MAX) >= CMD_WHY_MAX)
			fail_msg("reason %u: no text or too long", why);
	assert_true(why > 1);
	assert_null(commands_why(why + 1));
	assert_null(commands_why(1000));
}

static void
test_risk_names(void **state)
{
	unsigned bit;
	const char *name;
	int n = 0;

	(void)state;
	for (bit = 1; bit != 0; bit <<= 1) {
		if ((name = commands_risk_name(bit)) == NULL)
			continue;
		n++;
		/* the name is an array in the row (no pointer): it fits */
		if (strnlen(name, CMD_RISK_MAX) >= CMD_RISK_MAX)
			fail_msg("risk class %u: name too long", bit);
		if (bit == RISK_NEVER) {
			assert_string_equal(name, "never");
			assert_int_equal(commands_risk_lookup(name), 0);
			continue;
		}
		assert_int_equal(commands_risk_lookup(name), bit);
	}
	assert_int_equal(n, 16);
	assert_int_equal(commands_risk_lookup("privileged"), RISK_PRIVILEGED);
	assert_int_equal(commands_risk_lookup("image-tags"), RISK_IMAGE_TAGS);
	assert_int_equal(commands_risk_lookup("Privileged"), 0);
	assert_int_equal(commands_risk_lookup("privileged "), 0);
	assert_int_equal(commands_risk_lookup(""), 0);
	assert_int_equal(commands_risk_lookup("none"), 0);
	assert_int_equal(commands_risk_lookup(NULL), 0);
	assert_null(commands_risk_name(0));
	assert_null(commands_risk_name(RISK_PRIVILEGED | RISK_GPUS));
}

struct walk {
	unsigned	last;	/* bit of the class visited last */
	unsigned	seen;	/* bits of the classes visited */
};

static int
next_class(const char *name, void *ctx)
{
	struct walk *w = ctx;
	unsigned bit = commands_risk_lookup(name);

	/* a class a policy can name, each once, in bit order */
	if (bit == 0 || bit <= w->last)
		fail_msg("commands_each_risk: %s out of order or unknown",
		    name);
	w->last = bit;
	w->seen |= bit;
	return 0;
}

static int
stop_at_second(const char *name, void *ctx)
{
	(void)name;
	return ++*(int *)ctx == 2 ? 7 : 0;
}

/* The walk help.c lists the classes from: every class lookup knows. */
static void
test_each_risk(void **state)
{
	struct walk w = { 0, 0 };
	unsigned bit, known = 0;
	const char *name;
	int n = 0;

	(void)state;
	for (bit = 1; bit != 0; bit <<= 1)
		if ((name = commands_risk_name(bit)) != NULL &&
		    commands_risk_lookup(name) == bit)
			known |= bit;
	assert_int_equal(commands_each_risk(next_class, &w), 0);
	assert_int_equal(w.seen, known);
	assert_false(w.seen & RISK_NEVER);
	assert_int_equal(commands_each_risk(stop_at_second, &n), 7);
	assert_int_equal(n, 2);
}

static const struct cmddef *
cmd(const char *canon)
{
	const struct cmddef *c;

	if ((c = commands_find(canon)) == NULL)
		fail_msg("no command %s", canon);
	return c;
}

/* Shorthand c of command canon is --long ("" for: no such shorthand). */
static const struct {
	const char	*canon;
	char		 c;
	const char	*long_name;
} shorts[] = {
	{ "container run", 'h', "hostname" },
	{ "container create", 'h', "hostname" },
	{ "container run", 'c', "cpu-shares" },
	{ "container run", 'l', "label" },
	{ "container run", 'v', "volume" },
	{ "container run", 'p', "publish" },
	{ "container run", 'w', "workdir" },
	{ "container run", 'H', "" },
	{ "container run", 'D', "" },
	{ "image history", 'H', "human" },
	{ "container rm", 'l', "link" },
	{ "container rm", 'v', "volumes" },
	{ "container rm", 'h', "help" },
	{ "container ls", 'h', "help" },
	{ "container stop", 't', "time" },
	{ "container ls", 'H', "" },
	{ "container ls", 'c', "" },
	{ "container exec", 'w', "workdir" },
	{ "image build", 't', "tag" },
	{ "image build", 'f', "file" },
	{ "image save", 'o', "output" },
	{ "image load", 'i', "input" },
	{ "system info", 'f', "format" },
	{ "version", 'v', "" },
	{ "container logs", 'n', "tail" },
};

static void
test_shorthands(void **state)
{
	const struct flagdef *f;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(shorts); i++) {
		f = commands_short(cmd(shorts[i].canon), shorts[i].c);
		if (shorts[i].long_name[0] == '\0') {
			if (f != NULL)
				fail_msg("%s -%c is --%s", shorts[i].canon,
				    shorts[i].c, f->name);
			continue;
		}
		if (f == NULL)
			fail_msg("%s -%c missing", shorts[i].canon,
			    shorts[i].c);
		assert_string_equal(f->name, shorts[i].long_name);
	}
	assert_null(commands_short(cmd("container ls"), 0));
	assert_null(commands_short(NULL, 'a'));
}

static void
test_run_help(void **state)
{
	const struct flagdef *f;

	(void)state;
	/* run defines its own --help without -h; it is not the persistent */
	f = commands_flag(cmd("container run"), "help");
	assert_non_null(f);
	assert_int_equal(f->shorthand, 0);
	assert_int_equal(f->type, VT_BOOL);
	f = commands_flag(cmd("container ls"), "help");
	assert_ptr_equal(f, &commands_persistent_flags[0]);
	assert_null(commands_flag(cmd("container ls"), "Help"));
	assert_null(commands_flag(cmd("container ls"), "hel"));
	assert_null(commands_flag(cmd("container ls"), ""));
	assert_null(commands_flag(cmd("container ls"), NULL));
	assert_null(commands_flag(NULL, "help"));
	assert_non_null(commands_flag(cmd("compose"), "file"));
	assert_null(commands_flag(cmd("compose up"), "file"));
	assert_ptr_equal(commands_flag(cmd("compose"), "help"),
	    &commands_persistent_flags[0]);
	assert_ptr_equal(commands_flag(cmd("compose ps"), "help"),
	    &commands_persistent_flags[0]);
}

static const struct {
	const char	*canon;
	const char	*flag;
	enum vtype	 type;
	enum vkind	 kind;
	unsigned	 risk;
} flagspots[] = {
	{ "container run", "privileged", VT_BOOL, VK_PLAIN, RISK_PRIVILEGED },
	{ "container create", "privileged", VT_BOOL, VK_PLAIN,
	    RISK_PRIVILEGED },
	{ "container exec", "privileged", VT_BOOL, VK_PLAIN,
	    RISK_PRIVILEGED },
	{ "container run", "use-api-socket", VT_BOOL, VK_PLAIN,
	    RISK_PRIVILEGED },
	{ "container run", "device", VT_LIST, VK_PLAIN, RISK_DEVICES },
	{ "container run", "gpus", VT_GPU, VK_PLAIN, RISK_GPUS },
	{ "container run", "cap-add", VT_LIST, VK_CAPADD, 0 },
	{ "container run", "cap-drop", VT_LIST, VK_PLAIN, 0 },
	{ "container run", "security-opt", VT_LIST, VK_SECOPT, 0 },
	{ "container run", "network", VT_NETWORK, VK_NETWORK, 0 },
	{ "container run", "net", VT_NETWORK, VK_NETWORK, 0 },
	{ "container run", "pid", VT_STRING, VK_NSMODE, 0 },
	{ "container run", "userns", VT_STRING, VK_USERNS, 0 },
	{ "container run", "cgroupns", VT_STRING, VK_CGROUPNS, 0 },
	{ "container run", "volumes-from", VT_LIST, VK_PLAIN,
	    RISK_OTHER_CONTAINERS },
	{ "container run", "volume", VT_LIST, VK_VOLUME, 0 },
	{ "container run", "mount", VT_MOUNT, VK_MOUNT, 0 },
	{ "container run", "tmpfs", VT_LIST, VK_TMPFS, 0 },
	{ "container run", "sysctl", VT_MAP, VK_PLAIN, RISK_KERNEL },
	{ "container run", "cidfile", VT_STRING, VK_PLAIN, RISK_CLIENT_FILES },
	{ "container run", "env-file", VT_LIST, VK_PLAIN, RISK_CLIENT_FILES },
	{ "container run", "log-driver", VT_STRING, VK_PLAIN,
	    RISK_LOG_EGRESS },
	{ "container run", "label", VT_LIST, VK_LABEL, 0 },
	{ "container run", "workdir", VT_STRING, VK_WORKDIR, 0 },
	{ "container run", "ip", VT_IP, VK_PLAIN, 0 },
	{ "container run", "cpus", VT_DECIMAL, VK_PLAIN, 0 },
	{ "container run", "memory", VT_BYTES, VK_PLAIN, 0 },
	{ "container run", "ulimit", VT_ULIMIT, VK_PLAIN, RISK_KERNEL },
	{ "container run", "detach", VT_BOOL, VK_PLAIN, 0 },
	{ "container rm", "volumes", VT_BOOL, VK_PLAIN, RISK_DATA_LOSS },
	{ "container rm", "link", VT_BOOL, VK_PLAIN, 0 },
	{ "system prune", "volumes", VT_BOOL, VK_PLAIN, RISK_DATA_LOSS },
	{ "system prune", "all", VT_BOOL, VK_PLAIN, RISK_DATA_LOSS },
	{ "image prune", "all", VT_BOOL, VK_PLAIN, RISK_DATA_LOSS },
	{ "volume prune", "all", VT_BOOL, VK_PLAIN, RISK_DATA_LOSS },
	{ "image build", "tag", VT_LIST, VK_PLAIN, RISK_IMAGE_TAGS },
	{ "image build", "file", VT_STRING, VK_PLAIN, 0 },	/* compose.c */
	{ "image build", "iidfile", VT_STRING, VK_PLAIN, RISK_CLIENT_FILES },
	{ "image build", "metadata-file", VT_STRING, VK_PLAIN,
	    RISK_CLIENT_FILES },
	{ "image build", "output", VT_ARRAY, VK_PLAIN, RISK_CLIENT_FILES },
	{ "image build", "ssh", VT_ARRAY, VK_PLAIN, RISK_CLIENT_FILES },
	{ "image build", "build-context", VT_ARRAY, VK_PLAIN,
	    RISK_CLIENT_FILES },
	{ "image build", "allow", VT_ARRAY, VK_PLAIN, RISK_NEVER },
	{ "image build", "builder", VT_STRING, VK_PLAIN, RISK_NEVER },
	{ "image build", "network", VT_STRING, VK_NETWORK, 0 },
	{ "compose", "file", VT_ARRAY, VK_PROJECT_FILE, 0 },
	{ "compose", "env-file", VT_ARRAY, VK_PROJECT_FILE, 0 },
	{ "compose", "project-directory", VT_STRING, VK_PROJECT_FILE, 0 },
	{ "compose", "project-name", VT_STRING, VK_PLAIN, 0 },
	{ "service ps", "filter", VT_FILTER, VK_TASK_FILTER, 0 },
	{ "node ps", "filter", VT_FILTER, VK_TASK_FILTER, 0 },
	{ "container start", "attach", VT_BOOL, VK_PLAIN,
	    RISK_OTHER_CONTAINERS },
	{ "container start", "interactive", VT_BOOL, VK_PLAIN,
	    RISK_OTHER_CONTAINERS },
	{ "compose", "workdir", VT_STRING, VK_PLAIN, RISK_NEVER },
	{ "compose run", "volume", VT_ARRAY, VK_VOLUME, 0 },
	{ "compose run", "cap-add", VT_ARRAY, VK_CAPADD, 0 },
	{ "compose run", "env-from-file", VT_ARRAY, VK_PLAIN,
	    RISK_CLIENT_FILES },
	{ "compose run", "workdir", VT_STRING, VK_WORKDIR, 0 },
	{ "compose run", "dry-run", VT_BOOL, VK_PLAIN, 0 },
	{ "compose exec", "privileged", VT_BOOL, VK_PLAIN, RISK_PRIVILEGED },
	{ "compose down", "volumes", VT_BOOL, VK_PLAIN, RISK_DATA_LOSS },
	{ "compose down", "rmi", VT_STRING, VK_PLAIN, RISK_DATA_LOSS },
	{ "compose rm", "volumes", VT_BOOL, VK_PLAIN, RISK_DATA_LOSS },
	{ "compose config", "output", VT_STRING, VK_PLAIN, RISK_CLIENT_FILES },
	{ "compose export", "output", VT_STRING, VK_PLAIN, RISK_CLIENT_FILES },
	{ "compose build", "ssh", VT_STRING, VK_PLAIN, RISK_CLIENT_FILES },
	{ "image build", "secret", VT_ARRAY, VK_PLAIN, RISK_CLIENT_FILES },
	{ "image save", "output", VT_STRING, VK_PLAIN, RISK_CLIENT_FILES },
	{ "container export", "output", VT_STRING, VK_PLAIN,
	    RISK_CLIENT_FILES },
	{ "image load", "input", VT_STRING, VK_PLAIN, RISK_CLIENT_FILES },
	{ "network connect", "alias", VT_SLICE, VK_PLAIN, 0 },
	{ "image rm", "platform", VT_SLICE, VK_PLAIN, 0 },
	{ "container ls", "filter", VT_FILTER, VK_PLAIN, 0 },
	{ "container logs", "since", VT_STRING, VK_PLAIN, 0 },
	{ "container stop", "time", VT_INT, VK_PLAIN, 0 },
	{ "image history", "human", VT_BOOL, VK_PLAIN, 0 },
	{ "volume create", "opt", VT_MAP, VK_PLAIN, RISK_HOST_MOUNTS },
};

static void
test_flag_spots(void **state)
{
	const struct flagdef *f;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(flagspots); i++) {
		f = commands_flag(cmd(flagspots[i].canon), flagspots[i].flag);
		if (f == NULL)
			fail_msg("%s --%s missing", flagspots[i].canon,
			    flagspots[i].flag);
		if (f->type != flagspots[i].type ||
		    f->kind != flagspots[i].kind ||
		    f->risk != flagspots[i].risk)
			fail_msg("%s --%s: wrong row", flagspots[i].canon,
			    flagspots[i].flag);
	}
}

static void
test_aliases_of_flags(void **state)
{
	(void)state;
	assert_string_equal(commands_flag_canon(commands_flag(
	    cmd("container run"), "net")), "network");
	assert_string_equal(commands_flag_canon(commands_flag(
	    cmd("container create"), "net-alias")), "network-alias");
	assert_string_equal(commands_flag_canon(commands_flag(
	    cmd("container run"), "dns-opt")), "dns-option");
	assert_string_equal(commands_flag_canon(commands_flag(
	    cmd("container run"), "network")), "network");
	assert_null(commands_flag_canon(NULL));
}

static void
test_interspersed(void **state)
{
	const char *fixed[] = { "container run", "container create",
	    "container exec", "container commit", "container top",
	    "image tag", "service create", "compose", "compose run",
	    "compose exec" };
	const char *free_[] = { "container ls", "container rm",
	    "container start", "image build", "container logs", "inspect" };
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(fixed); i++)
		assert_int_equal(cmd(fixed[i])->interspersed, 0);
	for (i = 0; i < NELEM(free_); i++)
		assert_int_equal(cmd(free_[i])->interspersed, 1);
}

static void
test_positionals(void **state)
{
	const struct cmddef *c;

	(void)state;
	c = cmd("container run");
	assert_int_equal(c->pfirst, P_IMAGE);
	assert_int_equal(c->prest, P_CMD);
	assert_int_equal(c->minargs, 1);
	c = cmd("container exec");
	assert_int_equal(c->pfirst, P_CONTAINER);
	assert_int_equal(c->prest, P_CMD);
	assert_int_equal(c->minargs, 2);
	assert_int_equal(cmd("image pull")->pfirst, P_IMAGE_NAME);
	assert_int_equal(cmd("image push")->pfirst, P_IMAGE_NAME);
	assert_int_equal(cmd("image rm")->pfirst, P_IMAGE);
	assert_int_equal(cmd("container rename")->prest, P_NEWNAME);
	assert_int_equal(cmd("container top")->prest, P_PSARGS);
	c = cmd("image tag");
	assert_int_equal(c->prest, P_IMAGE_TAG);
	assert_int_equal(c->minargs, 2);
	assert_int_equal(c->maxargs, 2);
	assert_int_equal(cmd("container cp")->pfirst, P_CPPATH);
	assert_int_equal(cmd("image build")->pfirst, P_CONTEXT);
	assert_int_equal(cmd("compose exec")->minargs, 2);
	assert_int_equal(cmd("compose exec")->prest, P_CMD);
	assert_int_equal(cmd("compose cp")->pfirst, P_CPPATH);
	assert_int_equal(cmd("compose ls")->maxargs, 0);
	assert_int_equal(cmd("image build")->maxargs, 1);
	assert_int_equal(cmd("inspect")->pfirst, P_OBJECT);
	assert_int_equal(cmd("container ls")->maxargs, 0);
	assert_int_equal(cmd("version")->maxargs, 0);
	assert_int_equal(cmd("network connect")->prest, P_CONTAINER);
	assert_int_equal(cmd("container stop")->maxargs, CMD_ARGS_UNBOUNDED);
}

static void
test_command_risks(void **state)
{
	const struct cmddef *c;

	(void)state;
	assert_int_equal(cmd("system dial-stdio")->risk, RISK_NEVER);
	assert_int_equal(cmd("volume rm")->risk, RISK_DATA_LOSS);
	assert_int_equal(cmd("volume prune")->risk, RISK_DATA_LOSS);
	/* written tags are judged as P_IMAGE_TAG positionals, by images */
	assert_int_equal(cmd("image tag")->risk, 0);
	assert_int_equal(cmd("image tag")->prest, P_IMAGE_TAG);
	assert_int_equal(cmd("container commit")->risk, 0);
	assert_int_equal(cmd("container commit")->prest, P_IMAGE_TAG);
	assert_int_equal(cmd("image load")->risk, RISK_IMAGE_TAGS);
	assert_int_equal(cmd("image import")->pfirst, P_PATH);
	assert_int_equal(cmd("image import")->prest, P_IMAGE_TAG);
	assert_int_equal(cmd("compose")->risk, 0);
	assert_true(cmd("compose")->traits & CMD_GROUP_FLAGS);
	assert_true(cmd("compose cp")->risk & RISK_CLIENT_FILES);
	assert_int_equal(cmd("compose publish")->risk, RISK_NEVER);
	assert_true(cmd("compose up")->traits & CMD_PROJECT);
	assert_false(cmd("compose ls")->traits & CMD_PROJECT);
	assert_true(cmd("compose config")->traits & CMD_SHOWS_ENV);
	assert_true(cmd("image build")->traits & CMD_BUILD);
	assert_ptr_equal(commands_group(cmd("compose up")), cmd("compose"));
	assert_null(commands_group(cmd("container run")));
	assert_null(commands_group(cmd("compose")));
	assert_true(cmd("container cp")->risk & RISK_CLIENT_FILES);
	assert_true(cmd("login")->risk & RISK_CLIENT_FILES);
	assert_int_equal(cmd("container prune")->risk, 0);
	assert_int_equal(cmd("container run")->risk, 0);
	for (c = commands_table; c->name[0] != '\0'; c++)
		if (strncmp(c->name, "plugin ", 7) == 0 ||
		    strncmp(c->name, "context ", 8) == 0)
			assert_int_equal(c->risk, RISK_NEVER);
	c = cmd("compose");
	assert_non_null(commands_flagset(c, 0));
	assert_int_equal(c->pfirst, P_NONE);
	assert_true(cmd("container run")->traits & CMD_SESSION_LABEL);
	assert_ptr_equal(lookup("run", NULL), cmd("container run"));
	for (c = commands_table; c->name[0] != '\0'; c++)
		if ((c->traits & CMD_SESSION_LABEL) &&
		    strcmp(c->name, "container run") != 0)
			fail_msg("%s: session label on a command that does "
			    "not run an attached container", c->name);
	assert_true(cmd("container inspect")->traits & CMD_SHOWS_ENV);
	assert_true(cmd("inspect")->traits & CMD_SHOWS_ENV);
	assert_false(cmd("container ls")->traits & CMD_SHOWS_ENV);
}

static void
test_global_flags(void **state)
{
	static const struct {
		const char	*name;
		char		 c;
		unsigned	 risk;
	} g[] = {
		{ "host", 'H', RISK_NEVER }, { "context", 'c', RISK_NEVER },
		{ "config", 0, RISK_NEVER }, { "tls", 0, RISK_NEVER },
		{ "tlsverify", 0, RISK_NEVER }, { "tlscacert", 0, RISK_NEVER },
		{ "tlscert", 0, RISK_NEVER }, { "tlskey", 0, RISK_NEVER },
		{ "version", 'v', RISK_NEVER }, { "debug", 'D', 0 },
		{ "log-level", 'l', 0 },
	};
	const struct flagdef *f;
	size_t i, n = 0;
	int hit;

	(void)state;
	for (f = commands_global_flags; f->name[0] != '\0'; f++)
		n++;
	assert_int_equal(n, NELEM(g));
	for (i = 0; i < NELEM(g); i++) {
		hit = 0;
		for (f = commands_global_flags; f->name[0] != '\0'; f++) {
			if (strcmp(f->name, g[i].name) != 0)
				continue;
			hit = 1;
			assert_int_equal(f->shorthand, g[i].c);
			assert_int_equal(f->risk, g[i].risk);
		}
		assert_int_equal(hit, 1);
	}
	f = &commands_persistent_flags[0];
	assert_string_equal(f->name, "help");
	assert_int_equal(f->shorthand, 'h');
	assert_int_equal(f->risk, 0);
	assert_int_equal(commands_persistent_flags[1].name[0], '\0');
}

/*
 * Generic inspect's types: each names a typed inspect command that exists
 * (task: none), and the ones that show secrets are redacted commands.
 */
static void
test_inspect_types(void **state)
{
	const struct inspecttype *t;
	const struct cmddef *c;
	size_t n = 0;

	(void)state;
	for (t = commands_inspect_types; t->type[0] != '\0'; t++, n++) {
		assert_ptr_equal(commands_inspect_type(t->type), t);
		if (t->cmd[0] == '\0')
			continue;
		if ((c = commands_find(t->cmd)) == NULL)
			fail_msg("inspect type %s: no command %s", t->type,
			    t->cmd);
		if (c->pfirst == P_CONTAINER || c->pfirst == P_IMAGE ||
		    c->pfirst == P_VOLUME || c->pfirst == P_NETWORK)
			assert_true(c->traits & CMD_SHOWS_ENV);
	}
	assert_int_equal(n, 10);	/* docker/cli's allTypes */
	assert_null(commands_inspect_type("Container"));
	assert_null(commands_inspect_type(""));
	assert_true(commands_find("inspect")->traits & CMD_SHOWS_BUILD);
	assert_true(commands_find("system events")->traits & CMD_SHOWS_EXEC);
}

/* Appends each word to the buffer in ctx, space-separated. */
static int
collect_word(const char *word, void *ctx)
{
	char *buf = ctx;

	if (buf[0] != '\0')
		strcat(buf, " ");
	strcat(buf, word);
	return 0;
}

static int
stop_at_up(const char *word, void *ctx)
{
	(void)ctx;
	return strcmp(word, "up") == 0 ? 7 : 0;
}

/*
 * The compose subcommands a policy may name: what docker compose v2's help
 * lists (policy.c kept this list by hand before the table gave it), in
 * alphabetical order so that "did you mean" breaks ties the same way;
 * "alpha" is hidden.
 */
static void
test_subcommands(void **state)
{
	char buf[1024] = "";

	(void)state;
	assert_int_equal(commands_subcommands("compose", collect_word, buf), 0);
	assert_string_equal(buf, "attach bridge build commit config cp create "
	    "down events exec export images kill logs ls pause port ps "
	    "publish pull push restart rm run scale start stats stop top "
	    "unpause up version volumes wait watch");
	assert_int_equal(commands_subcommands("compose", stop_at_up, NULL), 7);
	buf[0] = '\0';
	assert_int_equal(commands_subcommands("swarm", collect_word, buf), 0);
	assert_string_equal(buf, "ca init join join-token leave unlock "
	    "unlock-key update");
	buf[0] = '\0';
	assert_int_equal(commands_subcommands("compos", collect_word, buf), 0);
	assert_int_equal(commands_subcommands("ps", collect_word, buf), 0);
	assert_int_equal(commands_subcommands(NULL, collect_word, buf), 0);
	assert_string_equal(buf, "");
	assert_true(commands_find("compose alpha")->traits & CMD_HIDDEN);
}

static int
count_word(const char *word, void *ctx)
{
	size_t *n = ctx;

	(void)word;
	(*n)++;
	return 0;
}

/* A command's spellings in commands_aliases order; NULL: all of them. */
static void
test_spellings_walk(void **state)
{
	const struct cmdalias *a;
	char buf[1024] = "";
	size_t n = 0, want = 0;

	(void)state;
	assert_int_equal(commands_spellings(commands_find("container ls"),
	    collect_word, buf), 0);
	assert_string_equal(buf, "container ls ps container ps container list");
	buf[0] = '\0';
	assert_int_equal(commands_spellings(commands_find("compose up"),
	    collect_word, buf), 0);
	assert_string_equal(buf, "compose up");
	for (a = commands_aliases; a->words[0] != '\0'; a++)
		want++;
	assert_int_equal(commands_spellings(NULL, count_word, &n), 0);
	assert_int_equal(n, want);
	assert_int_equal(commands_spellings(commands_find("compose up"),
	    stop_at_up, NULL), 0);
}

/* The rows of a group come in alphabetical order (commands.h). */
static void
test_groups_sorted(void **state)
{
	const struct cmddef *c;
	const char *sp, *psp;

	(void)state;
	for (c = commands_table + 1; c->name[0] != '\0'; c++) {
		sp = strchr(c->name, ' ');
		psp = strchr(c[-1].name, ' ');
		if (sp == NULL || psp == NULL || sp - c->name !=
		    psp - c[-1].name || strncmp(c->name, c[-1].name,
		    (size_t)(sp - c->name)) != 0)
			continue;
		if (strcmp(c[-1].name, c->name) >= 0)
			fail_msg("\"%s\" before \"%s\"", c[-1].name, c->name);
	}
}

static int
count_flag(const struct flagdef *f, void *ctx)
{
	size_t *n = ctx;

	(void)f;
	(*n)++;
	return 0;
}

static int
stop_at_quiet(const struct flagdef *f, void *ctx)
{
	(void)ctx;
	return strcmp(f->name, "quiet") == 0 ? 5 : 0;
}

/* Every flag of every set of a command, the persistent --help left out. */
static void
test_each_flag(void **state)
{
	const struct cmddef *c;
	const struct flagdef *f;
	size_t n, want, i;

	(void)state;
	for (c = commands_table; c->name[0] != '\0'; c++) {
		want = 0;
		for (i = 0; i < CMD_MAX_FLAGSETS; i++)
			for (f = commands_flagset(c, i); f != NULL &&
			    f->name[0] != '\0'; f++)
				want++;
		n = 0;
		assert_int_equal(commands_each_flag(c, count_flag, &n), 0);
		assert_int_equal(n, want);
	}
	n = 0;
	assert_int_equal(commands_each_flag(commands_find("container cp"),
	    count_flag, &n), 0);
	assert_int_equal(n, 3);		/* archive, follow-link, quiet */
	n = 0;
	assert_int_equal(commands_each_flag(commands_find("container diff"),
	    count_flag, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(commands_each_flag(commands_find("container cp"),
	    stop_at_quiet, NULL), 5);
	assert_int_equal(commands_each_flag(NULL, count_flag, &n), 0);
}

/*
 * The commands MCP's docker_read tool runs (CMD_READS_ONLY), listed here
 * so that the trait on any other row fails this test: each only reads,
 * and none has a flag that writes (a file, an image tag) or removes.
 */
static const char *const reads_only[] = {
	"container diff", "container inspect", "container logs",
	"container ls", "container port", "container stats", "container top",
	"image history", "image inspect", "image ls",
	"system df", "system events", "system info", "inspect", "version",
	"network inspect", "network ls", "volume inspect", "volume ls",
	"service inspect", "service logs", "service ls", "service ps",
	"node inspect", "node ls", "node ps",
	"stack ls", "stack ps", "stack services",
	"compose images", "compose logs", "compose ls", "compose ps",
	"compose top", "compose version",
};

#define WRITES_RISK	(RISK_DATA_LOSS | RISK_IMAGE_TAGS)

static int
writes_nothing(const struct flagdef *f, void *ctx)
{
	const char *why = commands_why(f->why);

	(void)ctx;
	if (strcmp(f->name, "output") == 0 || f->shorthand == 'o' ||
	    (f->risk & WRITES_RISK) != 0 ||
	    (why != NULL && strstr(why, "writes") != NULL)) {
		print_error("--%s writes\n", f->name);
		return 1;
	}
	return 0;
}

static void
test_reads_only(void **state)
{
	const struct cmddef *c, *g;
	size_t i, n = 0;
	int listed;

	(void)state;
	for (c = commands_table; c->name[0] != '\0'; c++) {
		listed = 0;
		for (i = 0; i < NELEM(reads_only); i++)
			if (strcmp(c->name, reads_only[i]) == 0)
				listed = 1;
		if (listed != ((c->traits & CMD_READS_ONLY) != 0))
			fail_msg("%s: CMD_READS_ONLY %s", c->name, listed ?
			    "missing" : "not in reads_only[]");
		if (!listed)
			continue;
		n++;
		if ((c->risk & WRITES_RISK) != 0 ||
		    (c->traits & (CMD_CREATES | CMD_PULLS | CMD_BUILD |
		    CMD_OWNABLE | CMD_SESSION_LABEL)) != 0)
			fail_msg("%s: read-only but creates, pulls or "
			    "removes", c->name);
		if (commands_each_flag(c, writes_nothing, NULL) != 0)
			fail_msg("%s: read-only with a flag that writes",
			    c->name);
		if ((g = commands_group(c)) != NULL &&
		    commands_each_flag(g, writes_nothing, NULL) != 0)
			fail_msg("%s: read-only with a group flag that writes",
			    c->name);
	}
	assert_int_equal(n, NELEM(reads_only));
	/* cp, export and save can write files: never read-only */
	assert_int_equal(commands_find("container cp")->traits &
	    CMD_READS_ONLY, 0);
	assert_int_equal(commands_find("image save")->traits &
	    CMD_READS_ONLY, 0);
	assert_int_equal(commands_find("container export")->traits &
	    CMD_READS_ONLY, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_alias_resolves),
		cmocka_unit_test(test_inspect_types),
		cmocka_unit_test(test_subcommands),
		cmocka_unit_test(test_groups_sorted),
		cmocka_unit_test(test_spellings_walk),
		cmocka_unit_test(test_each_flag),
		cmocka_unit_test(test_reads_only),
		cmocka_unit_test(test_canon_is_own_alias),
		cmocka_unit_test(test_no_duplicate_spelling),
		cmocka_unit_test(test_spellings),
		cmocka_unit_test(test_bad_spellings),
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_flags_unique),
		cmocka_unit_test(test_flag_rows),
		cmocka_unit_test(test_rows_fit),
		cmocka_unit_test(test_risk_names),
		cmocka_unit_test(test_each_risk),
		cmocka_unit_test(test_shorthands),
		cmocka_unit_test(test_run_help),
		cmocka_unit_test(test_flag_spots),
		cmocka_unit_test(test_aliases_of_flags),
		cmocka_unit_test(test_interspersed),
		cmocka_unit_test(test_positionals),
		cmocka_unit_test(test_command_risks),
		cmocka_unit_test(test_global_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
