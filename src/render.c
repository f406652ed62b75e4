/*
 * render.c: request -> canonical argv.
 *
 * Invariants:
 * - Executing the rendered argv MUST mean exactly what was checked:
 *   grammar_parse(render(r)) == r for every request the grammar accepts.
 * - Every flag is written as --long=value, so no value is ever read as a
 *   separate word or as a flag, and bools carry their value explicitly.
 * - Positionals that docker could read as flags are put after "--".
 * - A group's own flags ("compose --file=...") are written between the
 *   group word and the subcommand word, where the group parses them.
 * - Container arguments pinned by the decision are replaced by full IDs,
 *   so a rename between check and use cannot redirect the command.
 * - This is the only place that writes --label and --filter into an argv:
 *   the verdict and the session carry them as data.
 */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "grammar.h"
#include "labels.h"
#include "render.h"
#include "util.h"

static void
push_words(struct strv *out, const char *name)
{
	const char *sp;

	while ((sp = strchr(name, ' ')) != NULL) {
		strv_take(out, xstrndup(name, (size_t)(sp - name)));
		name = sp + 1;
	}
	strv_push(out, name);
}

/* The flags fv[0..n), each value replaced by a fix for it (NULL: none). */
static void
push_flags(struct strv *out, const struct flagval *fv, size_t n,
    const struct verdict *v)
{
	const char *val;
	size_t i, j;

	for (i = 0; i < n; i++) {
		val = fv[i].value;
		for (j = 0; v != NULL && j < v->nfixes; j++)
			if (v->fixes[j].arg == i)
				val = v->fixes[j].value;
		strv_take(out, xasprintf("--%s=%s",
		    commands_flag_canon(fv[i].def), val));
	}
}

/* A word that pflag would not take as a positional. */
static int
flaglike(const char *s)
{
	return s[0] == '-' && s[1] != '\0';
}

/*
 * Whether "--" must precede the positionals: for interspersed commands when
 * any of them looks like a flag, otherwise when the first one does (after
 * it, words are data anyway).
 */
static int
needs_dashdash(const struct request *r, const char *const *args)
{
	size_t i;

	if (r->nargs == 0)
		return 0;
	if (!r->cmd->interspersed)
		return flaglike(args[0]);
	for (i = 0; i < r->nargs; i++)
		if (flaglike(args[i]))
			return 1;
	return 0;
}

/* The command words, with a CMD_GROUP_FLAGS group's flags after the group. */
static void
push_command(struct strv *out, const struct request *req)
{
	const struct cmddef *g = commands_group(req->cmd);

	if (g == NULL) {
		push_words(out, req->cmd->name);
		return;
	}
	push_words(out, g->name);
	push_flags(out, req->gflags, req->ngflags, NULL);
	push_words(out, req->cmd->name + strlen(g->name) + 1);
}

/* What the verdict adds: its flags, label filters and labels. */
static void
push_verdict(struct strv *out, const struct verdict *v)
{
	size_t i;

	for (i = 0; i < v->extra_flags.n; i++)
		strv_push(out, v->extra_flags.v[i]);
	for (i = 0; i < v->label_filters.n; i++)
		strv_take(out, xasprintf("--filter=label=%s",
		    v->label_filters.v[i]));
	for (i = 0; i < v->labels.n; i++)
		strv_take(out, xasprintf("--label=%s", v->labels.v[i]));
}

/* What a session adds to the containers it starts. */
static void
push_session(struct strv *out, const struct request *req,
    const struct verdict *v, const struct render_session *rs)
{
	if (rs->id != NULL && (req->cmd->traits & CMD_SESSION_LABEL))
		strv_take(out, xasprintf("--label=" SESSION_LABEL "=%s",
		    rs->id));
	if (rs->now > 0 && v->lifetime > 0 &&
	    (req->cmd->traits & CMD_OWNABLE))
		strv_take(out, xasprintf("--label=" REAP_LABEL "=%lld",
		    rs->now + (long long)v->lifetime));
}

int
render_argv(const struct request *req, const struct verdict *v,
    struct strv *out)
{
	return render_session_argv(req, v, NULL, out);
}

int
render_session_argv(const struct request *req, const struct verdict *v,
    const struct render_session *rs, struct strv *out)
{
	const char **args;
	size_t i;

	args = xcalloc(req->nargs + 1, sizeof(*args));
	for (i = 0; i < req->nargs; i++)
		args[i] = req->args[i];
	if (v != NULL)
		for (i = 0; i < v->npins; i++)
			if (v->pins[i].arg < req->nargs)
				args[v->pins[i].arg] = v->pins[i].value;
	strv_push(out, "docker");
	push_flags(out, req->globals, req->nglobals, NULL);
	push_command(out, req);
	push_flags(out, req->flags, req->nflags, v);
	if (v != NULL)
		push_verdict(out, v);
	if (v != NULL && rs != NULL)
		push_session(out, req, v, rs);
	if (needs_dashdash(req, args))
		strv_push(out, "--");
	for (i = 0; i < req->nargs; i++)
		strv_push(out, args[i]);
	free(args);
	return 0;
}
