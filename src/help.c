/*
 * help.c: the client's `help`: what this role may run.
 *
 * Invariants:
 * - The output MUST be derived from the loaded policy and the command
 *   table only, so that it can never promise more than decide() allows.
 * - It prints policy text (admin-written, validated at load) and table
 *   data, never client input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "commands.h"
#include "decide.h"
#include "help.h"
#include "policy.h"
#include "reslimits.h"
#include "util.h"

/* The note after the commands; the risk classes go between HEAD and TAIL. */
#define HELP_NOTE_HEAD "Flags of a risk class ("
#define HELP_NOTE_TAIL ") are refused unless a rule lists the class in " \
	"unsafe. -H, --context, --config, --tls*, docker context, docker " \
	"plugin and docker system dial-stdio are never available. Limits: " \
	"a default is added when the command leaves the flag out; no " \
	"value may pass a max (0 or -1 meaning no limit is over it)."

#define HELP_OBSERVE_NOTE "this role is in observe mode: requests the " \
	"rules below deny are still run and recorded as \"observe\", so " \
	"that an operator can learn a policy from them (dockergate learn); " \
	"what no policy allows stays refused. Once the role is enforced, " \
	"only the commands below will be available."

static int
shorter(const char *word, void *ctx)
{
	const char **best = ctx;

	if (strlen(word) < strlen(*best))
		*best = word;
	return 0;
}

/* The shortest spelling of a command ("ps" for "container ls"). */
static const char *
short_name(const struct cmddef *c)
{
	const char *best = c->name;

	(void)commands_spellings(c, shorter, &best);
	return best;
}

static int
append_class(const char *name, void *ctx)
{
	char **list = ctx, *n;

	n = xasprintf("%s%s%s", *list, (*list)[0] != '\0' ? ", " : "", name);
	free(*list);
	*list = n;
	return 0;
}

/*
 * The note, listing every risk class a policy may name in the table's
 * order, so that a class added to commands.c is listed here.  Caller frees.
 */
static char *
note_text(void)
{
	char *list = xstrdup(""), *s;

	(void)commands_each_risk(append_class, &list);
	s = xasprintf("%s%s%s", HELP_NOTE_HEAD, list, HELP_NOTE_TAIL);
	free(list);
	return s;
}

/* A string list as a JSON array. */
static json_t *
strv_json(const struct strv *sv)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < sv->n; i++)
		json_array_append_new(a, json_string(sv->v[i]));
	return a;
}

static int
append_word(const char *word, void *ctx)
{
	json_array_append_new(ctx, json_string(word));
	return 0;
}

static json_t *
spellings_json(const struct cmddef *c)
{
	json_t *arr = json_array();

	(void)commands_spellings(c, append_word, arr);
	return arr;
}

static json_t *
unsafe_json(unsigned bits)
{
	json_t *a = json_array();
	unsigned b;

	for (b = 1; b != 0 && b != RISK_NEVER; b <<= 1)
		if (bits & b)
			json_array_append_new(a,
			    json_string(commands_risk_name(b)));
	return a;
}

/* limits: {NAME: {default, max}} as written in the policy. */
static json_t *
limits_json(const struct limits *lim)
{
	json_t *o = json_object(), *l;
	int id;

	for (id = 0; id < LIMIT_COUNT; id++) {
		if (!lim->l[id].has_default && !lim->l[id].has_max)
			continue;
		l = json_object();
		if (lim->l[id].has_default)
			json_object_set_new(l, "default",
			    json_string(lim->l[id].deftext));
		if (lim->l[id].has_max)
			json_object_set_new(l, "max",
			    json_string(lim->l[id].maxtext));
		json_object_set_new(o, reslimits_name(id), l);
	}
	return o;
}

static json_t *
rule_json(const struct rule *r, const struct cmddef *c)
{
	json_t *o = json_object(), *labels = json_object(), *binds;
	const char *why = decide_unavailable(r, c);
	size_t i;

	json_object_set_new(o, "command", json_string(c->name));
	json_object_set_new(o, "available", json_boolean(why == NULL));
	if (why != NULL)
		json_object_set_new(o, "unavailable_because",
		    json_string(why));
	json_object_set_new(o, "spellings", spellings_json(c));
	json_object_set_new(o, "summary", json_string(c->summary));
	json_object_set_new(o, "rule", json_string(r->where));
	json_object_set_new(o, "images", strv_json(&r->images));
	json_object_set_new(o, "containers", strv_json(&r->containers));
	json_object_set_new(o, "subcommands", strv_json(&r->subcommands));
	json_object_set_new(o, "projects", strv_json(&r->projects));
	json_object_set_new(o, "contexts", strv_json(&r->contexts));
	for (i = 0; i < r->nlabels; i++)
		json_object_set_new(labels, r->labels[i].key,
		    json_string(r->labels[i].value));
	json_object_set_new(o, "labels", labels);
	json_object_set_new(o, "owned", json_boolean(r->owned));
	json_object_set_new(o, "mounts", json_string(r->mounts ==
	    MOUNTS_NAMED ? "named" : "none"));
	json_object_set_new(o, "volumes", strv_json(&r->volumes));
	binds = json_array();
	for (i = 0; i < r->nbinds; i++)
		json_array_append_new(binds, json_pack("{s:s,s:b}", "path",
		    r->binds[i].path, "readonly", r->binds[i].readonly));
	json_object_set_new(o, "binds", binds);
	json_object_set_new(o, "unsafe", unsafe_json(r->unsafe));
	json_object_set_new(o, "deny_flags", strv_json(&r->deny_flags));
	json_object_set_new(o, "redact_env", json_boolean(r->redact_env));
	if (r->limits.any)
		json_object_set_new(o, "limits", limits_json(&r->limits));
	if (r->networks.n > 0)
		json_object_set_new(o, "networks", strv_json(&r->networks));
	if (r->network != NULL)
		json_object_set_new(o, "network", json_string(r->network));
	if (r->max_containers > 0)
		json_object_set_new(o, "max_containers",
		    json_integer(r->max_containers));
	if (r->own)
		json_object_set_new(o, "own", json_true());
	if (r->lifetime > 0)
		json_object_set_new(o, "lifetime_seconds",
		    json_integer(r->lifetime));
	if (r->cgroup_parent != NULL)
		json_object_set_new(o, "cgroup_parent",
		    json_string(r->cgroup_parent));
	if (r->approval)	/* the agent must expect exit 75 and a wait */
		json_object_set_new(o, "approval", json_true());
	return o;
}

char *
help_json(const struct role *role)
{
	json_t *root = json_object(), *cmds = json_array();
	size_t i, j;
	char *s, *out, *note = note_text();

	for (i = 0; i < role->nrules; i++)
		for (j = 0; j < role->rules[i].ncmds; j++)
			json_array_append_new(cmds, rule_json(&role->rules[i],
			    role->rules[i].cmds[j]));
	json_object_set_new(root, "role", json_string(role->name));
	json_object_set_new(root, "usage", json_string(
	    "ssh HOST 'docker COMMAND [ARGS...]'"));
	json_object_set_new(root, "commands", cmds);
	json_object_set_new(root, "note", json_string(note));
	free(note);
	json_object_set_new(root, "mode", json_string(role->observe ?
	    "observe" : "enforce"));
	if (role->observe)
		json_object_set_new(root, "warning", json_string(
		    HELP_OBSERVE_NOTE));
	s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	out = xasprintf("%s\n", s != NULL ? s : "{}");
	free(s);
	return out;
}

/* Append to a growing string. */
static void
cat(char **buf, const char *fmt, const char *a, const char *b)
{
	char *add = xasprintf(fmt, a, b), *n;

	n = xasprintf("%s%s", *buf, add);
	free(add);
	free(*buf);
	*buf = n;
}

static void
cat_list(char **buf, const char *label, const struct strv *sv)
{
	size_t i;

	if (sv->n == 0)
		return;
	cat(buf, "%s%s", "      ", label);
	for (i = 0; i < sv->n; i++)
		cat(buf, "%s%s", i ? ", " : " ", sv->v[i]);
	cat(buf, "%s%s", "\n", "");
}

/* "      limits: memory default 512m max 2g, tmpfs-size max 256m" */
static void
limits_text(char **buf, const struct limits *lim)
{
	const struct limitspec *s;
	int id, n = 0;

	for (id = 0; id < LIMIT_COUNT; id++) {
		s = &lim->l[id];
		if (!s->has_default && !s->has_max)
			continue;
		cat(buf, "%s%s", n++ ? ", " : "      limits: ",
		    reslimits_name(id));
		if (s->has_default)
			cat(buf, " default %s%s", s->deftext, "");
		if (s->has_max)
			cat(buf, " max %s%s", s->maxtext, "");
	}
	if (n > 0)
		cat(buf, "%s%s", "\n", "");
}

static void
rule_text(char **buf, const struct rule *r)
{
	const char *why;
	char b[512], n[24];
	size_t i;
	unsigned bit;

	cat(buf, "  %s%s\n", r->where, ":");
	for (i = 0; i < r->ncmds; i++) {
		why = decide_unavailable(r, r->cmds[i]);
		cat(buf, "    docker %s%s", short_name(r->cmds[i]), "");
		if (why != NULL)
			cat(buf, " (unavailable: %s)%s", why, "");
		cat(buf, "%s%s", "\n", "");
	}
	cat_list(buf, "images:", &r->images);
	cat_list(buf, "named volumes:", &r->volumes);
	cat_list(buf, "containers:", &r->containers);
	cat_list(buf, "compose subcommands:", &r->subcommands);
	cat_list(buf, "compose projects:", &r->projects);
	cat_list(buf, "build contexts:", &r->contexts);
	for (i = 0; i < r->nlabels; i++)
		cat(buf, "      label: %s=%s\n", r->labels[i].key,
		    r->labels[i].value);
	if (r->owned)
		cat(buf, "      %s%s\n", "only containers this role started", "");
	if (r->mounts == MOUNTS_NAMED)
		cat(buf, "      %s%s\n", "named volumes allowed", "");
	for (i = 0; i < r->nbinds; i++)
		cat(buf, "      host path: %s%s\n", r->binds[i].path,
		    r->binds[i].readonly ? " (read-only)" : "");
	b[0] = '\0';
	for (bit = 1; bit != 0 && bit != RISK_NEVER; bit <<= 1)
		if (r->unsafe & bit) {
			(void)strncat(b, " ", sizeof(b) - strlen(b) - 1);
			(void)strncat(b, commands_risk_name(bit),
			    sizeof(b) - strlen(b) - 1);
		}
	if (b[0] != '\0')
		cat(buf, "      unsafe classes allowed:%s%s\n", b, "");
	cat_list(buf, "denied flags:", &r->deny_flags);
	limits_text(buf, &r->limits);
	cat_list(buf, "networks:", &r->networks);
	if (r->network != NULL)
		cat(buf, "      network when none is given: %s%s\n", r->network,
		    "");
	if (r->max_containers > 0) {
		(void)snprintf(n, sizeof(n), "%ld", r->max_containers);
		cat(buf, "      at most %s containers of the role, running "
		    "or stopped%s\n", n, r->subcommands.n > 0 ? " (compose: "
		    "every container up, create, run or scale may create "
		    "counts)" : "");
	}
	if (r->own && r->subcommands.n > 0)
		cat(buf, "      compose services must carry the label "
		    "%s=<this role>%s\n", OWNER_LABEL, "");
	if (r->lifetime > 0) {
		(void)snprintf(n, sizeof(n), "%ld", r->lifetime);
		cat(buf, "      containers are removed %s seconds after they "
		    "are made%s\n", n, " (dockergate reap)");
	}
	if (r->cgroup_parent != NULL)
		cat(buf, "      containers go in the cgroup %s%s\n",
		    r->cgroup_parent, "");
	if (r->approval)
		cat(buf, "      waits for a person's approval: held requests "
		    "exit 75; %s%s\n", "send the same command again once "
		    "approved", "");
}

char *
help_text(const struct role *role)
{
	char *buf = xasprintf("Commands role %s may run "
	    "(ssh HOST 'docker COMMAND ...'):\n", role->name);
	char *note = note_text();
	size_t i;

	if (role->observe)
		cat(&buf, "WARNING: %s\n%s", HELP_OBSERVE_NOTE, "");
	for (i = 0; i < role->nrules; i++)
		rule_text(&buf, &role->rules[i]);
	cat(&buf, "\n%s\n%s", note, "");
	free(note);
	cat(&buf, "%s%s", "`help --json` prints this as JSON.\n", "");
	return buf;
}
