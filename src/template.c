/*
 * template.c: decide whether a docker --format template can print a value
 * that redact_env hides.  A single-pass lexer that follows Go's
 * text/template/parse lexer, a recursive-descent checker over its items
 * that types every value against an allowlist of field paths.
 *
 * Security invariants:
 * - A template MUST be refused unless every value it prints, passes to a
 *   function, compares, counts or walks (range, with, index) is typed by
 *   the allowlist of its object type.  A path not on the list is refused,
 *   whatever docker would make of it (Go field names are case-sensitive,
 *   so ".config" is simply not on the list).
 * - Only values marked W ("whole") may be printed or passed to a function
 *   that prints: scalars and sub-objects with nothing masked beneath.  An
 *   S (struct), L (list) or M (map) entry holds masked values somewhere
 *   below and can only be walked into, never shown whole.
 * - The lexer MUST split a template where Go splits it: comments, string
 *   and raw literals (which may hold "}}"), trim markers.  Where it cannot
 *   be sure it agrees with Go (non-ASCII in an action, char constants,
 *   non-decimal numbers) it refuses.
 * - Variables other than $ (the root), declarations, define, template,
 *   block, break, continue, nil and call are refused outright.
 * - Input length, lexical items, nesting depth and path length are bounded
 *   (TEMPLATE_MAX_*).  No I/O, no allocation; the only state is the
 *   message buffer.
 */
#include <stdio.h>
#include <string.h>

#include "template.h"

/* Allowlist kinds. */
enum kind {
	K_NONE = 0,
	K_W = 'W',	/* printable: nothing masked at or below it */
	K_S = 'S',	/* struct: only its listed fields */
	K_L = 'L',	/* list: elements are PATH[] */
	K_M = 'M',	/* map: values are PATH.* */
	K_V = 'V',	/* a literal or a function's result: printable, but
			   no field, index or range into it */
};

struct tpath {
	char		 kind;
	const char	*path;
};

/*
 * The allowlists.  Left out on purpose: every Env (redact.c masks it),
 * Cmd, Entrypoint, Path, Args, OnBuild, Shell, Healthcheck (commands can
 * carry secrets and build arguments), ContainerConfig (the build step of
 * an image: build args), driver and log options (HostConfig.LogConfig
 * .Config, HostConfig.StorageOpt, GraphDriver.Data, endpoint DriverOpts,
 * volume Options and Status, network Options and IPAM.Options, the
 * service's LogDriver and TaskTemplate.Networks), and PreviousSpec.
 */
static const struct tpath container_paths[] = {
	{ 'W', "Id" }, { 'W', "Created" }, { 'W', "Name" },
	{ 'W', "RestartCount" }, { 'W', "Driver" }, { 'W', "Platform" },
	{ 'W', "Image" }, { 'W', "LogPath" }, { 'W', "ResolvConfPath" },
	{ 'W', "HostnamePath" }, { 'W', "HostsPath" }, { 'W', "MountLabel" },
	{ 'W', "ProcessLabel" }, { 'W', "AppArmorProfile" }, { 'W', "SizeRw" },
	{ 'W', "SizeRootFs" }, { 'W', "ExecIDs" }, { 'W', "State" },
	{ 'W', "Mounts" },
	{ 'S', "GraphDriver" }, { 'W', "GraphDriver.Name" },
	{ 'S', "HostConfig" }, { 'W', "HostConfig.NetworkMode" },
	{ 'W', "HostConfig.RestartPolicy" }, { 'W', "HostConfig.AutoRemove" },
	{ 'W', "HostConfig.Privileged" }, { 'W', "HostConfig.ReadonlyRootfs" },
	{ 'W', "HostConfig.PublishAllPorts" },
	{ 'W', "HostConfig.PortBindings" }, { 'W', "HostConfig.Memory" },
	{ 'W', "HostConfig.NanoCpus" }, { 'W', "HostConfig.CpuShares" },
	{ 'W', "HostConfig.PidMode" }, { 'W', "HostConfig.IpcMode" },
	{ 'W', "HostConfig.UsernsMode" }, { 'W', "HostConfig.Runtime" },
	{ 'W', "HostConfig.CapAdd" }, { 'W', "HostConfig.CapDrop" },
	{ 'W', "HostConfig.Binds" }, { 'W', "HostConfig.Init" },
	{ 'S', "HostConfig.LogConfig" }, { 'W', "HostConfig.LogConfig.Type" },
	{ 'S', "Config" }, { 'W', "Config.Hostname" },
	{ 'W', "Config.Domainname" }, { 'W', "Config.User" },
	{ 'W', "Config.Image" }, { 'W', "Config.WorkingDir" },
	{ 'W', "Config.Labels" }, { 'W', "Config.StopSignal" },
	{ 'W', "Config.StopTimeout" }, { 'W', "Config.ExposedPorts" },
	{ 'W', "Config.Volumes" }, { 'W', "Config.Tty" },
	{ 'W', "Config.OpenStdin" }, { 'W', "Config.StdinOnce" },
	{ 'W', "Config.AttachStdin" }, { 'W', "Config.AttachStdout" },
	{ 'W', "Config.AttachStderr" },
	{ 'S', "NetworkSettings" }, { 'W', "NetworkSettings.Bridge" },
	{ 'W', "NetworkSettings.SandboxID" },
	{ 'W', "NetworkSettings.SandboxKey" },
	{ 'W', "NetworkSettings.HairpinMode" },
	{ 'W', "NetworkSettings.LinkLocalIPv6Address" },
	{ 'W', "NetworkSettings.LinkLocalIPv6PrefixLen" },
	{ 'W', "NetworkSettings.Ports" }, { 'W', "NetworkSettings.EndpointID" },
	{ 'W', "NetworkSettings.Gateway" },
	{ 'W', "NetworkSettings.GlobalIPv6Address" },
	{ 'W', "NetworkSettings.GlobalIPv6PrefixLen" },
	{ 'W', "NetworkSettings.IPAddress" },
	{ 'W', "NetworkSettings.IPPrefixLen" },
	{ 'W', "NetworkSettings.IPv6Gateway" },
	{ 'W', "NetworkSettings.MacAddress" },
	{ 'M', "NetworkSettings.Networks" },
	{ 'S', "NetworkSettings.Networks.*" },
	{ 'W', "NetworkSettings.Networks.*.IPAMConfig" },
	{ 'W', "NetworkSettings.Networks.*.Links" },
	{ 'W', "NetworkSettings.Networks.*.Aliases" },
	{ 'W', "NetworkSettings.Networks.*.MacAddress" },
	{ 'W', "NetworkSettings.Networks.*.NetworkID" },
	{ 'W', "NetworkSettings.Networks.*.EndpointID" },
	{ 'W', "NetworkSettings.Networks.*.Gateway" },
	{ 'W', "NetworkSettings.Networks.*.IPAddress" },
	{ 'W', "NetworkSettings.Networks.*.IPPrefixLen" },
	{ 'W', "NetworkSettings.Networks.*.IPv6Gateway" },
	{ 'W', "NetworkSettings.Networks.*.GlobalIPv6Address" },
	{ 'W', "NetworkSettings.Networks.*.GlobalIPv6PrefixLen" },
	{ 'W', "NetworkSettings.Networks.*.DNSNames" },
	{ 0, NULL }
};

static const struct tpath image_paths[] = {
	{ 'W', "Id" }, { 'W', "RepoTags" }, { 'W', "RepoDigests" },
	{ 'W', "Parent" }, { 'W', "Comment" }, { 'W', "Created" },
	{ 'W', "DockerVersion" }, { 'W', "Author" }, { 'W', "Architecture" },
	{ 'W', "Variant" }, { 'W', "Os" }, { 'W', "OsVersion" },
	{ 'W', "Size" }, { 'W', "VirtualSize" }, { 'W', "RootFS" },
	{ 'W', "Metadata" },
	{ 'S', "GraphDriver" }, { 'W', "GraphDriver.Name" },
	{ 'S', "Config" }, { 'W', "Config.Hostname" },
	{ 'W', "Config.Domainname" }, { 'W', "Config.User" },
	{ 'W', "Config.Image" }, { 'W', "Config.WorkingDir" },
	{ 'W', "Config.Labels" }, { 'W', "Config.StopSignal" },
	{ 'W', "Config.ExposedPorts" }, { 'W', "Config.Volumes" },
	{ 0, NULL }
};

static const struct tpath volume_paths[] = {
	{ 'W', "Name" }, { 'W', "Driver" }, { 'W', "Mountpoint" },
	{ 'W', "CreatedAt" }, { 'W', "Scope" }, { 'W', "Labels" },
	{ 'W', "UsageData" },
	{ 0, NULL }
};

static const struct tpath network_paths[] = {
	{ 'W', "Name" }, { 'W', "Id" }, { 'W', "Created" }, { 'W', "Scope" },
	{ 'W', "Driver" }, { 'W', "EnableIPv4" }, { 'W', "EnableIPv6" },
	{ 'W', "Internal" }, { 'W', "Attachable" }, { 'W', "Ingress" },
	{ 'W', "ConfigOnly" }, { 'W', "ConfigFrom" }, { 'W', "Labels" },
	{ 'W', "Containers" }, { 'W', "Peers" },
	{ 'S', "IPAM" }, { 'W', "IPAM.Driver" }, { 'W', "IPAM.Config" },
	{ 0, NULL }
};

static const struct tpath service_paths[] = {
	{ 'W', "ID" }, { 'W', "Version" }, { 'W', "CreatedAt" },
	{ 'W', "UpdatedAt" }, { 'W', "Endpoint" }, { 'W', "ServiceStatus" },
	{ 'W', "UpdateStatus" }, { 'W', "JobStatus" },
	{ 'S', "Spec" }, { 'W', "Spec.Name" }, { 'W', "Spec.Labels" },
	{ 'W', "Spec.Mode" }, { 'W', "Spec.EndpointSpec" },
	{ 'W', "Spec.UpdateConfig" }, { 'W', "Spec.RollbackConfig" },
	{ 'S', "Spec.TaskTemplate" },
	{ 'W', "Spec.TaskTemplate.RestartPolicy" },
	{ 'W', "Spec.TaskTemplate.Placement" },
	{ 'W', "Spec.TaskTemplate.Resources" },
	{ 'W', "Spec.TaskTemplate.ForceUpdate" },
	{ 'W', "Spec.TaskTemplate.Runtime" },
	{ 'S', "Spec.TaskTemplate.ContainerSpec" },
	{ 'W', "Spec.TaskTemplate.ContainerSpec.Image" },
	{ 'W', "Spec.TaskTemplate.ContainerSpec.Labels" },
	{ 'W', "Spec.TaskTemplate.ContainerSpec.Hostname" },
	{ 'W', "Spec.TaskTemplate.ContainerSpec.User" },
	{ 'W', "Spec.TaskTemplate.ContainerSpec.Dir" },
	{ 'W', "Spec.TaskTemplate.ContainerSpec.Init" },
	{ 'W', "Spec.TaskTemplate.ContainerSpec.StopSignal" },
	{ 'W', "Spec.TaskTemplate.ContainerSpec.ReadOnly" },
	{ 0, NULL }
};

static const struct {
	const char		*name;
	enum template_obj	 obj;
	const struct tpath	*paths;
} objects[] = {
	{ "container", TEMPLATE_CONTAINER, container_paths },
	{ "image", TEMPLATE_IMAGE, image_paths },
	{ "volume", TEMPLATE_VOLUME, volume_paths },
	{ "network", TEMPLATE_NETWORK, network_paths },
	{ "service", TEMPLATE_SERVICE, service_paths },
};

/* Functions: docker's (templates.go) and Go's builtins. */
enum fclass {
	F_PRINT,	/* every argument printable; result printable */
	F_ANY,		/* one argument of any known type (len, not) */
	F_INDEX,	/* index: walks a list or map */
	F_SLICE,	/* slice: a printable value or a list */
};

static const struct {
	const char	*name;
	enum fclass	 class;
} funcs[] = {
	{ "json", F_PRINT }, { "join", F_PRINT }, { "split", F_PRINT },
	{ "lower", F_PRINT }, { "upper", F_PRINT }, { "title", F_PRINT },
	{ "pad", F_PRINT }, { "truncate", F_PRINT }, { "print", F_PRINT },
	{ "printf", F_PRINT }, { "println", F_PRINT }, { "html", F_PRINT },
	{ "js", F_PRINT }, { "urlquery", F_PRINT }, { "eq", F_PRINT },
	{ "ne", F_PRINT }, { "lt", F_PRINT }, { "le", F_PRINT },
	{ "gt", F_PRINT }, { "ge", F_PRINT }, { "and", F_PRINT },
	{ "or", F_PRINT }, { "len", F_ANY }, { "not", F_ANY },
	{ "index", F_INDEX }, { "slice", F_SLICE },
};

/* Go's keywords; none of them may appear as an operand. */
static const char *const keywords[] = {
	"block", "break", "continue", "define", "else", "end", "if", "nil",
	"range", "template", "with",
};

enum tok {
	T_LDELIM, T_RDELIM, T_SPACE, T_PIPE, T_LPAREN, T_RPAREN, T_DOT,
	T_FIELD, T_VAR, T_IDENT, T_STRING, T_NUMBER,
};

struct token {
	enum tok	 t;
	const char	*s;	/* into the template */
	size_t		 n;
};

/* The template lexer's position in the text. */
struct tlexer {
	const char	*s;
	size_t		 pos;
	int		 paren;
	struct token	*tok;
	size_t		 ntok;
	const char	*err;
};

/* A typed value: its kind and, for S, L and M, its path. */
struct ty {
	enum kind	 kind;
	char		 path[TEMPLATE_MAX_PATH];
};

enum block { B_IF, B_RANGE, B_WITH };

/* An open {{if}}, {{range}} or {{with}} block. */
struct tframe {
	enum block	 kind;
	int		 in_else;
	struct ty	 dot;	/* dot inside the block */
	struct ty	 outer;	/* dot in its else branch */
};

/* The template checker: the tokens, where it is, the open blocks. */
struct tparser {
	const struct token	*tok;
	size_t			 ntok;
	size_t			 i;
	const struct tpath	*paths;
	const char		*objname;
	struct tframe		 stack[TEMPLATE_MAX_DEPTH];
	size_t			 nstack;
	int			 parens;
	const char		*err;
};

static char errbuf[TEMPLATE_MAX_PATH + 128];

/* ------------------------------------------------------------ lexer */

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int
is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_';
}

/* Length of a right delimiter at pos: 4 for " -}}", 2 for "}}", else 0. */
static size_t
at_rdelim(const struct tlexer *l)
{
	const char *p = l->s + l->pos;

	if (is_space(p[0]) && p[1] == '-' && strncmp(p + 2, "}}", 2) == 0)
		return 4;
	if (strncmp(p, "}}", 2) == 0)
		return 2;
	return 0;
}

/* Go's atTerminator: what may follow a field, variable or word. */
static int
at_terminator(const struct tlexer *l)
{
	char c = l->s[l->pos];

	return is_space(c) || c == '\0' || strchr(".,|:()", c) != NULL ||
	    strncmp(l->s + l->pos, "}}", 2) == 0;
}

static int
lex_fail(struct tlexer *l, const char *why)
{
	l->err = why;
	return -1;
}

static int
emit(struct tlexer *l, enum tok t, size_t start)
{
	if (l->ntok >= TEMPLATE_MAX_TOKENS)
		return lex_fail(l, "the template is too long");
	l->tok[l->ntok].t = t;
	l->tok[l->ntok].s = l->s + start;
	l->tok[l->ntok].n = l->pos - start;
	l->ntok++;
	return 0;
}

/* "..." with Go's rule: a backslash escapes any byte but NUL and LF. */
static int
lex_quote(struct tlexer *l, size_t start)
{
	char c;

	for (l->pos++;; l->pos++) {
		c = l->s[l->pos];
		if (c == '\\' && l->s[l->pos + 1] != '\0' &&
		    l->s[l->pos + 1] != '\n') {
			l->pos++;
			continue;
		}
		if (c == '\0' || c == '\n' || c == '\\')
			return lex_fail(l, "unterminated quoted string");
		if (c == '"')
			break;
	}
	l->pos++;
	return emit(l, T_STRING, start);
}

static int
lex_raw(struct tlexer *l, size_t start)
{
	const char *e = strchr(l->s + l->pos + 1, '`');

	if (e == NULL)
		return lex_fail(l, "unterminated raw quoted string");
	l->pos = (size_t)(e - l->s) + 1;
	return emit(l, T_STRING, start);
}

/* ".Name", "." alone, "$" or "$name"; Go's lexFieldOrVariable. */
static int
lex_field(struct tlexer *l, size_t start, enum tok t)
{
	size_t n = 0;

	for (l->pos++; is_alnum(l->s[l->pos]); l->pos++)
		n++;
	if (!at_terminator(l))
		return lex_fail(l, "bad character in a field or variable "
		    "name");
	if (t == T_FIELD && n == 0)
		t = T_DOT;
	return emit(l, t, start);
}

/* Decimal integers only: Go's other number forms are refused. */
static int
lex_number(struct tlexer *l, size_t start)
{
	size_t n = 0;

	if (l->s[l->pos] == '+' || l->s[l->pos] == '-')
		l->pos++;
	for (; l->s[l->pos] >= '0' && l->s[l->pos] <= '9'; l->pos++)
		n++;
	if (n == 0 || is_alnum(l->s[l->pos]) || l->s[l->pos] == '.' ||
	    !at_terminator(l))
		return lex_fail(l, "only decimal integers are allowed as "
		    "numbers");
	return emit(l, T_NUMBER, start);
}

static int
lex_ident(struct tlexer *l, size_t start)
{
	while (is_alnum(l->s[l->pos]))
		l->pos++;
	if (!at_terminator(l))
		return lex_fail(l, "bad character in a name");
	return emit(l, T_IDENT, start);
}

static int
lex_paren(struct tlexer *l, size_t start, char c)
{
	l->pos++;
	if (c == '(' && ++l->paren > TEMPLATE_MAX_DEPTH)
		return lex_fail(l, "parentheses nest too deep");
	if (c == ')' && --l->paren < 0)
		return lex_fail(l, "unexpected right parenthesis");
	return emit(l, c == '(' ? T_LPAREN : T_RPAREN, start);
}

/* A run of spaces, leaving the one that starts " -}}". */
static int
lex_space(struct tlexer *l, size_t start)
{
	while (is_space(l->s[l->pos]) && at_rdelim(l) != 4)
		l->pos++;
	return l->pos > start ? emit(l, T_SPACE, start) : 0;
}

/* One item inside an action; Go's lexInsideAction. */
static int
lex_item(struct tlexer *l)
{
	size_t start = l->pos;
	char c = l->s[l->pos];

	if (is_space(c))
		return lex_space(l, start);
	if (c == '|') {
		l->pos++;
		return emit(l, T_PIPE, start);
	}
	if (c == '(' || c == ')')
		return lex_paren(l, start, c);
	if (c == '"')
		return lex_quote(l, start);
	if (c == '`')
		return lex_raw(l, start);
	if (c == '$')
		return lex_field(l, start, T_VAR);
	if (c == '.' && !(l->s[l->pos + 1] >= '0' && l->s[l->pos + 1] <= '9'))
		return lex_field(l, start, T_FIELD);
	if (c == '.' || c == '+' || c == '-' || (c >= '0' && c <= '9'))
		return lex_number(l, start);
	if (is_alnum(c))
		return lex_ident(l, start);
	if (c == ':' || c == '=' || c == ',')
		return lex_fail(l, "variables are not allowed");
	if (c == '\'')
		return lex_fail(l, "character constants are not allowed");
	if (c == '\0')
		return lex_fail(l, "unclosed action");
	return lex_fail(l, "unexpected character in an action");
}

static int
lex_action(struct tlexer *l)
{
	size_t n, start;

	for (;;) {
		if ((n = at_rdelim(l)) > 0) {
			if (l->paren != 0)
				return lex_fail(l, "unclosed left parenthesis");
			start = l->pos;
			l->pos += n;
			return emit(l, T_RDELIM, start);
		}
		if (lex_item(l) != 0)
			return -1;
	}
}

/* A comment, {{/ * ... * /}}: skipped whole, as Go does; it must end at
 * the right delimiter. */
static int
lex_comment(struct tlexer *l)
{
	const char *e = strstr(l->s + l->pos + 2, "*/");
	size_t n;

	if (e == NULL)
		return lex_fail(l, "unclosed comment");
	l->pos = (size_t)(e - l->s) + 2;
	if ((n = at_rdelim(l)) == 0)
		return lex_fail(l, "comment ends before closing delimiter");
	l->pos += n;
	return 0;
}

/* Text is skipped; each "{{" starts an action or a comment. */
static int
lex_all(struct tlexer *l)
{
	const char *p;
	size_t trim, start;

	while ((p = strstr(l->s + l->pos, "{{")) != NULL) {
		start = (size_t)(p - l->s);
		l->pos = start + 2;
		trim = l->s[l->pos] == '-' && is_space(l->s[l->pos + 1]) ?
		    2 : 0;
		if (strncmp(l->s + l->pos + trim, "/*", 2) == 0) {
			l->pos += trim;
			if (lex_comment(l) != 0)
				return -1;
			continue;
		}
		if (emit(l, T_LDELIM, start) != 0)
			return -1;
		l->pos += trim;
		l->paren = 0;
		if (lex_action(l) != 0)
			return -1;
	}
	return 0;
}

/* ----------------------------------------------------------- checker */

static int
fail(struct tparser *p, const char *why)
{
	p->err = why;
	return -1;
}

static const struct token *
peek(const struct tparser *p)
{
	return p->i < p->ntok ? &p->tok[p->i] : NULL;
}

static int
peek_is(const struct tparser *p, enum tok t)
{
	return p->i < p->ntok && p->tok[p->i].t == t;
}

static void
skip_space(struct tparser *p)
{
	while (peek_is(p, T_SPACE))
		p->i++;
}

static int
tok_is(const struct token *t, const char *word)
{
	return t->n == strlen(word) && strncmp(t->s, word, t->n) == 0;
}

static int
is_keyword(const struct token *t)
{
	size_t i;

	for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (tok_is(t, keywords[i]))
			return 1;
	return 0;
}

static enum kind
field_kind(const struct tparser *p, const char *path)
{
	const struct tpath *e;

	for (e = p->paths; e->path != NULL; e++)
		if (strcmp(e->path, path) == 0)
			return (enum kind)e->kind;
	return K_NONE;
}

static int
printable(const struct ty *t)
{
	return t->kind == K_W || t->kind == K_V;
}

static const struct ty *
dot(const struct tparser *p)
{
	static const struct ty root = { K_S, "" };

	return p->nstack > 0 ? &p->stack[p->nstack - 1].dot : &root;
}

/* Move t to PATH + suffix (".Name", "[]", ".*") if that is listed. */
static int
step(struct tparser *p, struct ty *t, const char *sep, const char *name,
    size_t n)
{
	char path[TEMPLATE_MAX_PATH];
	int r;

	r = snprintf(path, sizeof(path), "%s%s%.*s", t->path,
	    t->path[0] == '\0' && sep[0] == '.' ? "" : sep, (int)n, name);
	if (r < 0 || (size_t)r >= sizeof(path))
		return fail(p, "a field path is too long");
	if ((t->kind = field_kind(p, path)) == K_NONE) {
		(void)snprintf(errbuf, sizeof(errbuf), "%s%s.%.*s is not "
		    "allowed for a%s %s", t->path[0] != '\0' ? "." : "",
		    t->path, (int)n, name,
		    p->objname[0] == 'i' ? "n" : "", p->objname);
		return fail(p, errbuf);
	}
	(void)snprintf(t->path, sizeof(t->path), "%s", path);
	return 0;
}

/* .Name on t; name excludes the dot. */
static int
field(struct tparser *p, struct ty *t, const char *name, size_t n)
{
	switch (t->kind) {
	case K_W:
		return 0;	/* all below a W value may be shown */
	case K_S:
		return step(p, t, ".", name, n);
	case K_M:
		return step(p, t, ".", "*", 1);
	default:
		return fail(p, "a field of a list or of a function's result "
		    "is not allowed");
	}
}

/* An element of t: index, range. */
static int
element(struct tparser *p, struct ty *t)
{
	switch (t->kind) {
	case K_W:
		return 0;
	case K_L:
		return step(p, t, "", "[]", 2);
	case K_M:
		return step(p, t, ".", "*", 1);
	default:
		return fail(p, "only a list or a map can be indexed or ranged "
		    "over");
	}
}

/* A chain of .Field items right after an operand. */
static int
chain(struct tparser *p, struct ty *t)
{
	const struct token *k;

	while ((k = peek(p)) != NULL && k->t == T_FIELD) {
		p->i++;
		if (field(p, t, k->s + 1, k->n - 1) != 0)
			return -1;
	}
	return 0;
}

static int	pipeline(struct tparser *, enum tok, struct ty *);

static int
find_func(const struct token *t, enum fclass *class)
{
	size_t i;

	for (i = 0; i < sizeof(funcs) / sizeof(funcs[0]); i++)
		if (tok_is(t, funcs[i].name)) {
			*class = funcs[i].class;
			return 0;
		}
	return -1;
}

/* Apply a function of class c to args; the result in *res. */
static int
apply(struct tparser *p, enum fclass c, struct ty *args, size_t n,
    struct ty *res)
{
	size_t i;

	for (i = (c == F_PRINT ? 0 : 1); i < n; i++)
		if (!printable(&args[i]))
			return fail(p, "a function may only be given "
			    "printable values (scalars and objects with "
			    "nothing hidden)");
	res->kind = K_V;
	res->path[0] = '\0';
	if (c == F_PRINT || n == 0)
		return 0;
	if (c == F_ANY)
		return n == 1 ? 0 : fail(p, "len and not take one argument");
	*res = args[0];
	if (c == F_SLICE)
		return printable(res) || res->kind == K_L ? 0 :
		    fail(p, "only a printable value or a list can be sliced");
	for (i = 1; i < n; i++)		/* F_INDEX */
		if (element(p, res) != 0)
			return -1;
	return 0;
}

/* One operand; a function name sets *fn instead of typing *t. */
static int
operand(struct tparser *p, struct ty *t, const struct token **fn)
{
	const struct token *k = &p->tok[p->i++];

	*fn = NULL;
	t->kind = K_V;
	t->path[0] = '\0';
	switch (k->t) {
	case T_IDENT:
		if (is_keyword(k))
			return fail(p, "a keyword is not a value");
		if (!tok_is(k, "true") && !tok_is(k, "false"))
			*fn = k;
		break;
	case T_STRING:
	case T_NUMBER:
		break;
	case T_DOT:
		*t = *dot(p);
		break;
	case T_FIELD:
		*t = *dot(p);
		if (field(p, t, k->s + 1, k->n - 1) != 0)
			return -1;
		return chain(p, t);
	case T_VAR:
		if (k->n != 1)
			return fail(p, "variables other than $ are not "
			    "allowed");
		*t = *dot(p);
		t->kind = K_S;
		t->path[0] = '\0';
		return chain(p, t);
	case T_LPAREN:
		if (++p->parens > TEMPLATE_MAX_DEPTH)
			return fail(p, "parentheses nest too deep");
		if (pipeline(p, T_RPAREN, t) != 0)
			return -1;
		p->parens--;
		p->i++;		/* the ')' pipeline() stopped at */
		return chain(p, t);
	default:
		return fail(p, "unexpected item in a command");
	}
	if (peek_is(p, T_FIELD))
		return fail(p, "a field of a literal, of dot or of a "
		    "function's result is not allowed");
	return 0;
}

/* Go's command: operands separated by spaces, up to | ) or }}. */
static int
command(struct tparser *p, const struct ty *piped, struct ty *res)
{
	struct ty args[TEMPLATE_MAX_ARGS + 1];
	const struct token *fn = NULL, *k, *f;
	enum fclass c;
	size_t n = 0;

	for (;;) {
		if ((k = peek(p)) == NULL)
			return fail(p, "unclosed action");
		if (k->t == T_PIPE || k->t == T_RPAREN || k->t == T_RDELIM)
			break;
		if (n >= TEMPLATE_MAX_ARGS)
			return fail(p, "too many arguments");
		if (operand(p, &args[n], &f) != 0)
			return -1;
		if (n == 0)
			fn = f;
		else if (f != NULL && (find_func(f, &c) != 0 ||
		    apply(p, c, NULL, 0, &args[n]) != 0))
			return fail(p, "unknown or refused function");
		n++;
		if (!peek_is(p, T_SPACE) && !peek_is(p, T_PIPE) &&
		    !peek_is(p, T_RPAREN) && !peek_is(p, T_RDELIM))
			return fail(p, "operands must be separated by spaces");
		skip_space(p);
	}
	if (n == 0)
		return fail(p, "empty command");
	if (fn == NULL) {
		if (n > 1 || piped != NULL)
			return fail(p, "arguments given to a value that is "
			    "not a function");
		*res = args[0];
		return 0;
	}
	if (find_func(fn, &c) != 0)
		return fail(p, "unknown or refused function (call, template "
		    "functions other than docker's)");
	if (piped != NULL)
		args[n++] = *piped;
	return apply(p, c, args + 1, n - 1, res);
}

/* Commands joined by |, up to the end item (left unconsumed). */
static int
pipeline(struct tparser *p, enum tok end, struct ty *res)
{
	struct ty prev;
	int piped = 0;

	for (;;) {
		skip_space(p);
		if (command(p, piped ? &prev : NULL, res) != 0)
			return -1;
		if (peek_is(p, T_PIPE)) {
			p->i++;
			prev = *res;
			piped = 1;
			continue;
		}
		if (peek_is(p, end))
			return 0;
		return fail(p, end == T_RPAREN ? "unbalanced parentheses" :
		    "unexpected item in an action");
	}
}

static int
push(struct tparser *p, enum block kind, const struct ty *in)
{
	struct tframe *f;

	if (p->nstack >= TEMPLATE_MAX_DEPTH)
		return fail(p, "blocks nest too deep");
	f = &p->stack[p->nstack];
	f->kind = kind;
	f->in_else = 0;
	f->outer = *dot(p);
	f->dot = *in;
	p->nstack++;
	return 0;
}

/* {{else}} or {{else if ...}}; Go's 'else with' is refused. */
static int
else_action(struct tparser *p)
{
	struct tframe *f;
	struct ty t;

	if (p->nstack == 0 || p->stack[p->nstack - 1].in_else)
		return fail(p, "unexpected {{else}}");
	f = &p->stack[p->nstack - 1];
	skip_space(p);
	if (peek_is(p, T_IDENT) && tok_is(peek(p), "if")) {
		if (f->kind != B_IF)
			return fail(p, "{{else if}} outside {{if}}");
		p->i++;
		return pipeline(p, T_RDELIM, &t);
	}
	f->in_else = 1;
	f->dot = f->outer;
	return 0;
}

/* An action that starts with a keyword. */
static int
keyword_action(struct tparser *p, const struct token *k)
{
	struct ty t;

	if (tok_is(k, "end")) {
		if (p->nstack == 0)
			return fail(p, "unexpected {{end}}");
		p->nstack--;
		return 0;
	}
	if (tok_is(k, "else"))
		return else_action(p);
	if (!tok_is(k, "if") && !tok_is(k, "range") && !tok_is(k, "with"))
		return fail(p, "define, template, block, break, continue "
		    "and nil are not allowed");
	if (pipeline(p, T_RDELIM, &t) != 0)
		return -1;
	if (tok_is(k, "range") && element(p, &t) != 0)
		return -1;
	return push(p, tok_is(k, "if") ? B_IF : tok_is(k, "range") ?
	    B_RANGE : B_WITH, tok_is(k, "if") ? dot(p) : &t);
}

static int
action(struct tparser *p)
{
	const struct token *k;
	struct ty t;

	skip_space(p);
	if ((k = peek(p)) == NULL)
		return fail(p, "unclosed action");
	if (k->t == T_IDENT && is_keyword(k) && !tok_is(k, "nil")) {
		p->i++;
		if (keyword_action(p, k) != 0)
			return -1;
	} else {
		if (pipeline(p, T_RDELIM, &t) != 0)
			return -1;
		if (!printable(&t))
			return fail(p, "an object that holds hidden values "
			    "cannot be printed whole");
	}
	skip_space(p);
	if (!peek_is(p, T_RDELIM))
		return fail(p, "unexpected item in an action");
	p->i++;
	return 0;
}

static int
check_tokens(struct tparser *p)
{
	size_t actions = 0;

	while (p->i < p->ntok) {
		if (p->tok[p->i++].t != T_LDELIM)
			return fail(p, "unexpected item");
		if (action(p) != 0)
			return -1;
		actions++;
	}
	if (p->nstack != 0)
		return fail(p, "unclosed {{if}}, {{range}} or {{with}}");
	if (actions == 0)
		return fail(p, "the template prints no field");
	return 0;
}

int
template_object(const char *type, enum template_obj *obj)
{
	size_t i;

	for (i = 0; i < sizeof(objects) / sizeof(objects[0]); i++)
		if (strcmp(objects[i].name, type) == 0) {
			*obj = objects[i].obj;
			return 0;
		}
	return -1;
}

int
template_command(const char *cmd, enum template_obj *obj)
{
	size_t i, n;

	if (strcmp(cmd, "inspect") == 0) {
		*obj = TEMPLATE_CONTAINER;
		return 0;
	}
	for (i = 0; i < sizeof(objects) / sizeof(objects[0]); i++) {
		n = strlen(objects[i].name);
		if (strncmp(cmd, objects[i].name, n) == 0 &&
		    strcmp(cmd + n, " inspect") == 0) {
			*obj = objects[i].obj;
			return 0;
		}
	}
	return -1;
}

int
template_check(const char *tmpl, enum template_obj obj, const char **errstr)
{
	struct token tok[TEMPLATE_MAX_TOKENS];
	struct tlexer l = { tmpl, 0, 0, tok, 0, NULL };
	struct tparser p;
	size_t i;

	if (strlen(tmpl) > TEMPLATE_MAX_LEN) {
		*errstr = "the template is too long";
		return -1;
	}
	if (lex_all(&l) != 0) {
		*errstr = l.err;
		return -1;
	}
	memset(&p, 0, sizeof(p));
	p.tok = tok;
	p.ntok = l.ntok;
	for (i = 0; i < sizeof(objects) / sizeof(objects[0]); i++)
		if (objects[i].obj == obj) {
			p.paths = objects[i].paths;
			p.objname = objects[i].name;
		}
	if (p.paths == NULL) {
		*errstr = "no template is allowed for this object type";
		return -1;
	}
	if (check_tokens(&p) != 0) {
		*errstr = p.err;
		return -1;
	}
	return 0;
}
