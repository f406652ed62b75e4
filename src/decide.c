/*
 * decide.c: the decision, a pure function of (policy, role, request,
 * resolver).
 *
 * Invariants:
 * - decide() MUST NOT do I/O or keep state: lookups go through the
 *   resolver, and without a resolver whatever needs one is denied.
 * - A request is allowed iff one rule of the role accepts all of it: the
 *   command, every flag occurrence (not only the last one docker keeps),
 *   every mount, every positional.  Anything not understood is denied.
 * - Risk classes are judged on normalized values (mounts.c, values.c,
 *   imageref.c), never on the raw text.
 * - RISK_NEVER can not be opted into by any rule.
 * - Observe mode runs only what the widest rule a policy can write would
 *   accept (widest_rule): what no policy allows stays denied there too.
 * - Every denial names what was refused and why, and the rule it was held
 *   to, in one line.
 */
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "compose.h"
#include "decide.h"
#include "grammar.h"
#include "imageref.h"
#include "mounts.h"
#include "netrules.h"
#include "placement.h"
#include "policy.h"
#include "quota.h"
#include "redact.h"
#include "template.h"
#include "reslimits.h"
#include "util.h"
#include "values.h"

#define LIST_MAX	400	/* bytes of a "what is allowed" list */
#define ROLE_LIST_MAX	640	/* bytes of the list of a role's commands */

/* The state of checking one request against one rule. */
struct check {
	const struct policy	*pol;
	const char		*role;
	const struct rule	*rule;
	const struct request	*req;
	const struct resolver	*res;
	char			 reason[DECIDE_REASON_MAX];
	int			 unavailable;
	struct pin		*pins;
	size_t			 npins;
	struct strv		 extra;		/* flags to add if accepted */
	struct strv		 filters;	/* label filters "K=V" to add */
	struct pin		*fixes;		/* flag values to rewrite */
	size_t			 nfixes;
	long			 creates;	/* containers the request may
						   create (max_containers) */
	unsigned		 redact;	/* REDACT_* for the verdict */
	int			 collect;	/* decide_needs: count missing
						   risk classes, do not deny */
	unsigned		 needed;	/* the classes it counted */
	int			 widest;	/* rule is widest_rule() */
};

static int
deny(struct check *ck, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int
deny(struct check *ck, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(ck->reason, sizeof(ck->reason), fmt, ap);
	va_end(ap);
	return -1;
}

/* "a, b, c" of the risk class names in bits. */
static void
risk_text(unsigned bits, char *buf, size_t len)
{
	unsigned b;

	buf[0] = '\0';
	for (b = 1; b != 0; b <<= 1) {
		if ((bits & b) == 0)
			continue;
		if (buf[0] != '\0')
			(void)strncat(buf, ", ", len - strlen(buf) - 1);
		(void)strncat(buf, commands_risk_name(b), len - strlen(buf) - 1);
	}
}

/* "a, b, c" of a string list, cut at LIST_MAX. */
static void
list_text(const struct strv *sv, char *buf, size_t len)
{
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < sv->n; i++) {
		if (i > 0)
			(void)strncat(buf, ", ", len - strlen(buf) - 1);
		(void)strncat(buf, sv->v[i], len - strlen(buf) - 1);
	}
}

static int
rule_names(const struct rule *r, const struct cmddef *c)
{
	size_t i;

	for (i = 0; i < r->ncmds; i++)
		if (r->cmds[i] == c || r->cmds[i] == commands_group(c))
			return 1;
	return 0;
}

static int
rule_scoped(const struct rule *r)
{
	return r->containers.n > 0 || r->nlabels > 0 || r->owned;
}

/* Deny unless the rule opted into every class in risk. */
static int
need_unsafe(struct check *ck, unsigned risk, const char *what,
    const char *why)
{
	char names[256];
	unsigned missing = risk & ~ck->rule->unsafe;

	if (risk & RISK_NEVER)
		return deny(ck, "%s is never allowed: %s", what,
		    why != NULL ? why : "it bypasses the gateway");
	if (missing == 0)
		return 0;
	if (ck->collect) {
		ck->needed |= missing;
		return 0;
	}
	risk_text(missing, names, sizeof(names));
	/* what the client may do instead; what the operator may add */
	return deny(ck, "%s %s (risk class %s); %sunsafe: [%s] in the rule "
	    "allows it", what, why != NULL ? why : "is risky", names,
	    what[0] == '-' ? "leave it out, or " : "", names);
}

/* 1 if a normalized reference matches one of the rule's images. */
static int
images_match(const struct rule *r, const struct imageref *ir)
{
	size_t i;

	for (i = 0; i < r->images.n; i++)
		if (imageref_match(r->images.v[i], ir))
			return 1;
	return 0;
}

/* A tag the command would write: inside images patterns, or image-tags. */
static int
check_written_tag(struct check *ck, const char *what, const char *ref)
{
	struct imageref ir;
	const char *err;
	char allowed[LIST_MAX];
	int ok = 0;

	if (ck->rule->unsafe & RISK_IMAGE_TAGS)
		return 0;
	if (imageref_parse(ref, &ir, &err) != 0)
		return deny(ck, "%s: invalid image reference \"%.200s\": %s",
		    what, ref, err);
	ok = images_match(ck->rule, &ir);
	if (!ok) {
		list_text(&ck->rule->images, allowed, sizeof(allowed));
		(void)deny(ck, "%s writes the tag %s, outside this rule's "
		    "images (risk class image-tags; allowed: %s)", what,
		    ir.full, allowed[0] ? allowed : "none");
	}
	imageref_free(&ir);
	return ok ? 0 : -1;
}

/* 1 if the engine's spelling of a tag matches one of the rule's images. */
static int
tag_allowed(const struct rule *r, const char *tag)
{
	struct imageref ir;
	const char *err;
	int ok = 0;

	if (imageref_parse(tag, &ir, &err) != 0)
		return 0;
	ok = images_match(r, &ir);
	imageref_free(&ir);
	return ok;
}

/*
 * An image given by ID under a rule that limits images: allowed when one
 * of its repo tags is.  An untagged image has no name to judge: denied.
 */
static int
check_image_id(struct check *ck, const char *ref)
{
	struct strv tags = { NULL, 0, 0 };
	const char *err;
	char allowed[LIST_MAX];
	size_t i;
	int unavailable = 0, ok = 0;

	if (ck->res == NULL || ck->res->image == NULL)
		return deny(ck, "image %.100s could be an image ID (hex "
		    "digits) and images cannot be looked up here", ref);
	if (ck->res->image(ck->res->ctx, ref, &tags, &unavailable,
	    &err) != 0 && unavailable) {
		ck->unavailable = 1;
		strv_free(&tags);
		return deny(ck, "image %.100s: %s", ref, err);
	}
	for (i = 0; i < tags.n && !ok; i++)
		ok = tag_allowed(ck->rule, tags.v[i]);
	strv_free(&tags);
	if (ok)
		return 0;
	/* one answer for no such image, an ambiguous prefix, no tag allowed */
	list_text(&ck->rule->images, allowed, sizeof(allowed));
	return deny(ck, "image %.100s is not one this rule may use, by name "
	    "or by ID (allowed images: %s)", ref, allowed);
}

/*
 * Where the daemon may contact the image's registry (CMD_PULLS), a
 * registry on this host (loopback, link-local: the daemon would send
 * requests to the host's own services) is refused unless one of the
 * rule's images names it: pattern domains are literal.
 */
static int
check_registry(struct check *ck, const struct imageref *ir)
{
	if (!(ck->req->cmd->traits & CMD_PULLS) ||
	    !imageref_local_registry(ir) || images_match(ck->rule, ir))
		return 0;
	return deny(ck, "image %s names the registry %s, which is this host "
	    "(loopback or link-local); only a rule whose images name that "
	    "registry allows it", ir->full, ir->domain);
}

/*
 * An image named by reference (pull, push: never an ID; run's when it is
 * not an ID): inside the rule's images, from no registry on this host.
 */
static int
check_image_name(struct check *ck, const char *ref)
{
	struct imageref ir;
	const char *err;
	char allowed[LIST_MAX];
	int pulls = (ck->req->cmd->traits & CMD_PULLS) != 0, r;

	if (ck->rule->images.n == 0 && !pulls)
		return 0;
	if (imageref_parse(ref, &ir, &err) != 0) {
		/* an ID names an image already here: no registry is asked */
		if (ck->rule->images.n == 0 && imageref_is_id(ref))
			return 0;
		return deny(ck, "invalid image reference \"%.200s\": %s", ref,
		    err);
	}
	list_text(&ck->rule->images, allowed, sizeof(allowed));
	if (ck->rule->images.n > 0 && !images_match(ck->rule, &ir))
		r = deny(ck, "image %s is not allowed (allowed images: %s)",
		    ir.full, allowed);
	else
		r = check_registry(ck, &ir);
	imageref_free(&ir);
	return r;
}

/*
 * An image the command reads (run, create, rmi, compose, services): what
 * could also be an image ID is looked up, as the daemon would, not judged
 * as a name.
 */
static int
check_image(struct check *ck, const char *ref)
{
	if (ck->rule->images.n > 0 && imageref_is_id(ref))
		return check_image_id(ck, ref);
	return check_image_name(ck, ref);
}

static int
bind_allowed(const struct rule *r, const char *path, int readonly,
    const struct bindspec **hit)
{
	size_t i, n;

	for (i = 0; i < r->nbinds; i++) {
		n = strlen(r->binds[i].path);
		if (strcmp(r->binds[i].path, "/") != 0 &&
		    (strncmp(path, r->binds[i].path, n) != 0 ||
		    (path[n] != '\0' && path[n] != '/')))
			continue;
		*hit = &r->binds[i];
		if (!r->binds[i].readonly || readonly)
			return 1;
	}
	return 0;
}

static void
binds_text(const struct rule *r, char *buf, size_t len)
{
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < r->nbinds; i++) {
		if (i > 0)
			(void)strncat(buf, ", ", len - strlen(buf) - 1);
		(void)strncat(buf, r->binds[i].path, len - strlen(buf) - 1);
		if (r->binds[i].readonly)
			(void)strncat(buf, ":ro", len - strlen(buf) - 1);
	}
}

static int
propagates(const char *prop)
{
	return prop != NULL && (strstr(prop, "shared") != NULL ||
	    strstr(prop, "slave") != NULL);
}

/* A host path: inside binds, no "..", not swappable by the caller. */
static int
check_bind(struct check *ck, const char *what, const struct mount *m)
{
	const struct bindspec *hit = NULL;
	char *resolved = NULL, list[LIST_MAX];
	const char *err;
	int writable = 0, r = -1;

	if (ck->rule->unsafe & RISK_HOST_MOUNTS)
		return 0;
	if (ck->rule->nbinds == 0)
		return deny(ck, "%s mounts the host path %s (risk class "
		    "host-mounts); this rule allows no host paths", what,
		    m->source);
	if (m->dotdot)
		return deny(ck, "%s: \"..\" in a host path is refused", what);
	if (propagates(m->propagation))
		return deny(ck, "%s: mount propagation %s reaches the host "
		    "(risk class host-mounts)", what, m->propagation);
	if (ck->res == NULL || ck->res->path == NULL)
		return deny(ck, "%s: host paths cannot be checked here", what);
	if (ck->res->path(ck->res->ctx, m->source, &resolved, &writable,
	    &err) != 0)
		return deny(ck, "%s: %s", what, err);
	binds_text(ck->rule, list, sizeof(list));
	if (writable)
		(void)deny(ck, "%s: %s or a directory above it is writable by "
		    "the caller, so it could be swapped for a link", what,
		    m->source);
	else if (!bind_allowed(ck->rule, resolved, m->readonly, &hit))
		(void)deny(ck, hit != NULL ? "%s: %s may only be mounted "
		    "read-only (allowed: %s)" : "%s mounts the host path %s, "
		    "outside this rule's binds (allowed: %s)", what, resolved,
		    list);
	else
		r = 0;
	free(resolved);
	return r;
}

static int
check_mount(struct check *ck, const char *what, const struct mount *m)
{
	if (mounts_target_kernel(m) && need_unsafe(ck, RISK_KERNEL, what,
	    "mounts over /proc, /sys or /dev, whose files runc writes "
	    "(CVE-2019-16884)") != 0)
		return -1;
	switch (m->type) {
	case MOUNT_BIND:
		return check_bind(ck, what, m);
	case MOUNT_VOLUME:
	case MOUNT_ANON:
		if (ck->rule->mounts != MOUNTS_NAMED)
			return deny(ck, "%s: volumes are not allowed by this "
			    "rule (mounts: none)", what);
		/* the local driver's options bind any host path, as volume
		 * create -o does: host-mounts, whatever the driver */
		if (m->has_driver_opts && need_unsafe(ck, RISK_HOST_MOUNTS,
		    what, "sets volume driver options, which can bind-mount "
		    "host paths and devices") != 0)
			return -1;
		if (m->has_driver || m->has_driver_opts)
			return need_unsafe(ck, RISK_VOLUME_DRIVERS, what,
			    "sets volume driver options, which can mount "
			    "host paths and devices");
		/* a named volume: any, or one that volumes: names */
		if (m->type == MOUNT_VOLUME && ck->rule->volumes.n > 0 &&
		    !glob_any(&ck->rule->volumes, m->source)) {
			char list[LIST_MAX];

			list_text(&ck->rule->volumes, list, sizeof(list));
			return deny(ck, "%s: the volume %s is not among this "
			    "rule's volumes (allowed: %s)", what, m->source,
			    list);
		}
		return 0;
	case MOUNT_TMPFS:
		return 0;
	default:
		return deny(ck, "%s: this mount type is not allowed", what);
	}
}

/* A -v, --mount or --tmpfs value. */
static int
check_mount_flag(struct check *ck, const struct flagval *fv,
    const char *what)
{
	struct mount m;
	const char *err, *cwd;
	int r;

	memset(&m, 0, sizeof(m));
	cwd = ck->res != NULL && ck->res->cwd != NULL ? ck->res->cwd : "/";
	if (fv->def->kind == VK_VOLUME)
		r = mounts_parse_volume(fv->value, cwd, &m, &err);
	else if (fv->def->kind == VK_MOUNT)
		r = mounts_parse_mount(fv->value, cwd, &m, &err);
	else
		r = mounts_parse_tmpfs(fv->value, &m, &err);
	if (r != 0)
		r = deny(ck, "%s: %s", what, err);
	else
		r = check_mount(ck, what, &m);
	mounts_free(&m);
	return r;
}

/* values_risk on every item: CSV items for slices, else the value. */
static int
value_risk(struct check *ck, const struct flagval *fv, const char *what)
{
	struct strv items = { NULL, 0, 0 };
	const char *why, *err;
	unsigned risk;
	size_t i;
	int r = 0;

	if (fv->def->type == VT_SLICE) {
		if (mounts_csv(fv->value, &items, &err) != 0)
			return deny(ck, "%s: %s", what, err);
	} else
		strv_push(&items, fv->value);
	for (i = 0; i < items.n && r == 0; i++) {
		if (values_risk(fv->def, items.v[i], &risk, &why, &err) != 0)
			r = deny(ck, "%s: %s", what, err);
		else if (risk != 0)
			r = need_unsafe(ck, risk, what, why);
	}
	strv_free(&items);
	return r;
}

/* The rule's deny_flags: by the flag's long name. */
static int
check_deny_flag(struct check *ck, const char *name, const char *what)
{
	if (strv_has(&ck->rule->deny_flags, name))
		return deny(ck, "%s is denied by this rule (deny_flags)%s",
		    what, what[0] == '-' ? "; leave it out" : "");
	return 0;
}

static int
check_flag(struct check *ck, const struct flagval *fv)
{
	const struct flagdef *d = fv->def;
	const char *name = commands_flag_canon(d);
	char what[300];

	if (d->type == VT_BOOL)
		(void)snprintf(what, sizeof(what), "--%s%s", name,
		    strcmp(fv->value, "true") == 0 ? "" : "=false");
	else
		(void)snprintf(what, sizeof(what), "--%s %.200s", name,
		    fv->value);
	if (check_deny_flag(ck, name, what) != 0)
		return -1;
	if (d->type == VT_BOOL && strcmp(fv->value, "true") != 0)
		return 0;
	/* VK_PLATFORM rewrites the positional's tag: judged by class alone */
	if ((d->risk & RISK_IMAGE_TAGS) && d->kind != VK_PLATFORM) {
		if (check_written_tag(ck, what, fv->value) != 0)
			return -1;
		if (need_unsafe(ck, d->risk & ~RISK_IMAGE_TAGS, what,
		    commands_why(d->why)) != 0)
			return -1;
	} else if (need_unsafe(ck, d->risk, what, commands_why(d->why)) != 0)
		return -1;
	if (d->kind == VK_VOLUME || d->kind == VK_MOUNT || d->kind == VK_TMPFS)
		return check_mount_flag(ck, fv, what);
	if (d->kind == VK_TASK_FILTER && rule_scoped(ck->rule) &&
	    values_filter_key_is(fv->value, "service"))
		return deny(ck, "%s adds services to the ones named, outside "
		    "this rule's containers", what);
	return value_risk(ck, fv, what);
}

static int
label_matches(const struct target *t, const char *key, const char *value)
{
	size_t i;

	for (i = 0; i < t->nlabels; i++)
		if (strcmp(t->labels[i].key, key) == 0)
			return strcmp(t->labels[i].value, value) == 0;
	return 0;
}

/* Name globs, labels (all) and ownership of one resolved container. */
static int
target_in_scope(const struct check *ck, const struct target *t)
{
	const struct rule *r = ck->rule;
	size_t i;
	int ok = r->containers.n == 0 || glob_any(&r->containers, t->name);

	for (i = 0; i < r->nlabels && ok; i++)
		ok = label_matches(t, r->labels[i].key, r->labels[i].value);
	if (ok && r->owned)
		ok = label_matches(t, OWNER_LABEL, ck->role);
	return ok;
}

/* A target lookup of the resolver: container or service. */
typedef int (*lookup_fn)(void *, const char *, struct target *, int *,
    const char **);

/*
 * The one answer for a target the caller may not act on: not in scope,
 * not found, ambiguous prefix.  It repeats only what the caller typed and
 * the rule's own scope, never the name, ID or labels the engine answered
 * with, so that a denial is no "docker ps" for targets outside the scope,
 * and "not found" and "ambiguous" are no oracle either.  The audit record
 * carries the same words (the operator can resolve the typed reference).
 */
static int
deny_target(struct check *ck, const char *what, const char *ref)
{
	char list[LIST_MAX];

	list_text(&ck->rule->containers, list, sizeof(list));
	return deny(ck, "%s %.100s is not one this rule may act on "
	    "(allowed: %s%s%s)", what, ref, list[0] ? list : "any name",
	    ck->rule->nlabels ? ", with the rule's labels" : "",
	    ck->rule->owned ? ", owned by this role" : "");
}

/*
 * Target argument argi of a rule that limits containers: the first reflen
 * bytes name it (what: "container", "service"), looked up through lookup
 * (NULL: denied), held to target_in_scope and pinned to the full ID; the
 * rest of the argument (service scale's "=REPLICAS") follows the ID.  An
 * engine that could not be asked is the only failure with its own words
 * (exit 69); they say nothing about containers.
 */
static int
check_target(struct check *ck, size_t argi, size_t reflen, lookup_fn lookup,
    const char *what)
{
	const char *arg = ck->req->args[argi], *err;
	char *ref;
	struct target t;
	int unavailable = 0, r = -1, found;

	if (!rule_scoped(ck->rule))
		return 0;
	if (lookup == NULL)
		return deny(ck, "%s %.100s: this rule limits containers and "
		    "%ss cannot be looked up here", what, arg, what);
	memset(&t, 0, sizeof(t));
	ref = xstrndup(arg, reflen);
	found = lookup(ck->res->ctx, ref, &t, &unavailable, &err) == 0;
	if (!found && unavailable) {
		ck->unavailable = 1;
		(void)deny(ck, "%s %.100s: %s", what, ref, err);
	} else if (!found || !target_in_scope(ck, &t))
		(void)deny_target(ck, what, ref);
	else {
		ck->pins = xreallocarray(ck->pins, ck->npins + 1,
		    sizeof(*ck->pins));
		ck->pins[ck->npins].arg = argi;
		ck->pins[ck->npins++].value = xasprintf("%s%s", t.id,
		    arg + reflen);
		r = 0;
	}
	free(ref);
	decide_target_free(&t);
	return r;
}

static int
check_container(struct check *ck, size_t argi)
{
	return check_target(ck, argi, strlen(ck->req->args[argi]),
	    ck->res != NULL ? ck->res->container : NULL, "container");
}

/*
 * A swarm service: the policy's containers, labels and owned keys scope
 * services by their name and their own labels.  Swarm names and IDs never
 * hold '=', so service scale's NAME=REPLICAS is judged by NAME.
 */
static int
check_service(struct check *ck, size_t argi)
{
	return check_target(ck, argi, strcspn(ck->req->args[argi], "="),
	    ck->res != NULL ? ck->res->service : NULL, "service");
}

/* A service positional outside compose (compose.c judges compose's). */
static int
swarm_service(const struct cmddef *c, enum pkind kind)
{
	return kind == P_SERVICE && commands_group(c) == NULL;
}

static int
check_path_arg(struct check *ck, const char *arg)
{
	char what[300];

	if (strcmp(arg, "-") == 0)
		return 0;
	(void)snprintf(what, sizeof(what), "the path %.200s", arg);
	return need_unsafe(ck, RISK_CLIENT_FILES, what,
	    "would be read or written by the docker CLI on this host");
}

/* A container's new name stays inside the rule's name globs. */
static int
check_new_name(struct check *ck, const char *name)
{
	const struct rule *r = ck->rule;
	char list[LIST_MAX];

	if (r->containers.n == 0 || glob_any(&r->containers,
	    name[0] == '/' ? name + 1 : name))
		return 0;
	list_text(&r->containers, list, sizeof(list));
	return deny(ck, "the new name %.100s is outside this rule's "
	    "containers (allowed: %s)", name, list);
}

/* Does the rule name the typed inspect command of object type? */
static int
covers(const struct rule *r, const char *type)
{
	const struct inspecttype *t = commands_inspect_type(type);
	const struct cmddef *c;

	if (t == NULL || t->cmd[0] == '\0' || (c = commands_find(t->cmd)) ==
	    NULL || (c->risk & RISK_NEVER))
		return 0;
	return rule_names(r, c);
}

/* "container, image" of the types the rule covers; their number. */
static size_t
covered(const struct rule *r, char *buf, size_t len, const char **only)
{
	const struct inspecttype *t;
	size_t n = 0;

	buf[0] = '\0';
	for (t = commands_inspect_types; t->type[0] != '\0'; t++) {
		if (!covers(r, t->type))
			continue;
		if (n++ > 0)
			(void)strncat(buf, ", ", len - strlen(buf) - 1);
		(void)strncat(buf, t->type, len - strlen(buf) - 1);
		*only = t->type;
	}
	return n;
}

/*
 * The type of a generic inspect's object, the way docker's autodetection
 * tries a container first: a container if the engine knows one by that
 * name, else an image when the rule covers images.  NULL with ck->reason.
 */
static const char *
object_type(struct check *ck, const char *arg, const char *list)
{
	struct target t;
	const char *err;
	int unavailable = 0, r;

	if (ck->res == NULL || ck->res->container == NULL) {
		(void)deny(ck, "docker inspect %.100s: the object's type cannot "
		    "be looked up here; give --type (this rule covers: %s)",
		    arg, list);
		return NULL;
	}
	memset(&t, 0, sizeof(t));
	r = ck->res->container(ck->res->ctx, arg, &t, &unavailable, &err);
	decide_target_free(&t);
	if (r == 0)
		return "container";
	if (unavailable) {
		ck->unavailable = 1;
		(void)deny(ck, "docker inspect %.100s: %s", arg, err);
		return NULL;
	}
	if (covers(ck->rule, "image"))
		return "image";
	(void)deny(ck, "docker inspect %.100s: no such container, and this "
	    "rule covers no other type without --type (it covers: %s)", arg,
	    list);
	return NULL;
}

/* Hold each name to the typed command's checks (images: the rule's). */
static int
check_typed(struct check *ck, const char *type)
{
	size_t i;

	for (i = 0; i < ck->req->nargs && strcmp(type, "image") == 0; i++)
		if (check_image(ck, ck->req->args[i]) != 0)
			return -1;
	return 0;
}

/*
 * Generic inspect reaches only the object types whose typed inspect
 * command the same rule names (per rule: that rule's redact_env and
 * scoping hold).  The type is fixed before docker runs: the client's
 * --type, the one type the rule covers, or the type of every name as
 * looked up; the canonical argv then carries --type, so docker's own
 * autodetection never picks another type.
 */
static int
check_object(struct check *ck)
{
	const struct request *q = ck->req;
	const char *type = grammar_last_value(q->flags, q->nflags, "type");
	const char *only = NULL, *t;
	char list[LIST_MAX];
	size_t i;

	if (rule_scoped(ck->rule))
		return deny(ck, "a rule that limits containers allows only "
		    "docker container inspect");
	if (covered(ck->rule, list, sizeof(list), &only) == 0)
		return deny(ck, "docker inspect reaches only the object types "
		    "whose inspect command the same rule allows, and this "
		    "rule allows none (e.g. add container inspect)");
	if (type != NULL) {
		if (!covers(ck->rule, type))
			return deny(ck, "docker inspect --type %.40s: not "
			    "allowed by this rule (it covers: %s)", type, list);
		return check_typed(ck, type);
	}
	if (strchr(list, ',') != NULL)
		for (i = 0, only = NULL; i < q->nargs; i++) {
			if ((t = object_type(ck, q->args[i], list)) == NULL)
				return -1;
			if (only != NULL && strcmp(only, t) != 0)
				return deny(ck, "docker inspect: %.100s is "
				    "of type %s, %.100s of type %s; inspect "
				    "them separately", q->args[0], only,
				    q->args[i], t);
			only = t;
		}
	if (only == NULL)	/* minargs 1: not reached */
		return deny(ck, "docker inspect names no object");
	strv_take(&ck->extra, xasprintf("--type=%s", only));
	return check_typed(ck, only);
}

static int
check_arg(struct check *ck, size_t i, enum pkind kind)
{
	const char *arg = ck->req->args[i];

	switch (kind) {
	case P_IMAGE:
		return check_image(ck, arg);
	case P_IMAGE_NAME:
		return check_image_name(ck, arg);
	case P_IMAGE_TAG:
		return check_written_tag(ck, "the target", arg);
	case P_CONTAINER:
		return check_container(ck, i);
	case P_SERVICE:
		if (!swarm_service(ck->req->cmd, kind))
			return 0;
		return check_service(ck, i);
	case P_PATH:
	case P_CPPATH:
		return check_path_arg(ck, arg);
	case P_NEWNAME:
		return check_new_name(ck, arg);
	case P_PSARGS:
		if (ck->rule->redact_env)
			return deny(ck, "ps options (%.60s) can print the "
			    "processes' environment, which redact_env hides; "
			    "leave them out (redact_env: false in the rule "
			    "allows them)", arg);
		return 0;
	case P_OBJECT:
		return i == 0 ? check_object(ck) : 0;
	default:
		return 0;
	}
}

/*
 * A listing under a rule that limits containers: by labels (and owner)
 * only, the labels become --filter label=K=V, which docker ANDs with any
 * filter the client gave, so the client cannot widen it.  Name globs have
 * no exact filter: denied.
 */
static int
scope_listing(struct check *ck)
{
	const struct rule *r = ck->rule;
	size_t i;

	if (!(ck->req->cmd->traits & CMD_LABEL_SCOPE) || r->containers.n > 0)
		return deny(ck, "docker %s cannot be limited to this rule's "
		    "containers; name the containers", ck->req->cmd->name);
	for (i = 0; i < r->nlabels; i++)
		strv_take(&ck->filters, xasprintf("%s=%s", r->labels[i].key,
		    r->labels[i].value));
	if (r->owned)
		strv_take(&ck->filters, xasprintf(OWNER_LABEL "=%s",
		    ck->role));
	return 0;
}

static int
takes_containers(const struct cmddef *c)
{
	return c->pfirst == P_CONTAINER || c->prest == P_CONTAINER ||
	    swarm_service(c, c->pfirst) || swarm_service(c, c->prest);
}

/* A flag of kind VK_IMAGE (service update --image) names an image to run. */
static int
check_image_flags(struct check *ck)
{
	const struct request *q = ck->req;
	size_t i;

	for (i = 0; i < q->nflags; i++)
		if (q->flags[i].def->kind == VK_IMAGE &&
		    check_image(ck, q->flags[i].value) != 0)
			return -1;
	return 0;
}

static int
check_args(struct check *ck)
{
	const struct request *q = ck->req;
	size_t i;

	if (rule_scoped(ck->rule) && (!takes_containers(q->cmd) ||
	    q->nargs == 0) && scope_listing(ck) != 0)
		return -1;
	for (i = 0; i < q->nargs; i++)
		if (check_arg(ck, i, i == 0 ? q->cmd->pfirst :
		    q->cmd->prest) != 0)
			return -1;
	return check_image_flags(ck);
}

/* The first flag of kind VK_OUTPUT, or NULL. */
static const struct flagval *
output_flag(const struct request *q)
{
	size_t i;

	for (i = 0; i < q->nflags; i++)
		if (q->flags[i].def->kind == VK_OUTPUT)
			return &q->flags[i];
	return NULL;
}

static int	role_names(const struct role *, const struct cmddef *);

/* docker events' own JSON, the one --format the events filter renders. */
static int
events_json_format(const char *f)
{
	return strcmp(f, "json") == 0 || strcmp(f, "{{json .}}") == 0 ||
	    strcmp(f, "{{ json . }}") == 0;
}

/*
 * docker events under redact_env: docker runs with --format {{json .}}
 * and every line is filtered (redact.c masks exec command lines), then
 * shown as the client's JSON or as the CLI's default text; any other
 * template could not be rendered from the filtered event: denied.
 */
static int
check_events(struct check *ck)
{
	const char *f = grammar_last_value(ck->req->flags, ck->req->nflags,
	    "format");

	if (f != NULL && f[0] != '\0' && !events_json_format(f))
		return deny(ck, "--format is not available for docker %s "
		    "when exec command lines are redacted: only the default "
		    "output and --format json can be (redact_env: false in "
		    "the rule allows it)", ck->req->cmd->name);
	ck->redact = REDACT_EVENTS | (f == NULL || f[0] == '\0' ?
	    REDACT_EVENTS_TEXT : 0);
	strv_take(&ck->extra, xstrdup("--format={{json .}}"));
	return 0;
}

/*
 * tmpl is safe for the object type of every --type of the request (a
 * generic inspect), or without one for the command's own (template.c).
 */
static int
template_ok(const struct request *q, const char *tmpl, const char **why)
{
	enum template_obj obj;
	size_t i;
	int typed = 0;

	for (i = 0; i < q->nflags; i++) {
		if (strcmp(commands_flag_canon(q->flags[i].def), "type") != 0)
			continue;
		typed = 1;
		if (template_object(q->flags[i].value, &obj) != 0) {
			*why = "no list of fields for this --type";
			return 0;
		}
		if (template_check(tmpl, obj, why) != 0)
			return 0;
	}
	return typed || (template_command(q->cmd->name, &obj) == 0 &&
	    template_check(tmpl, obj, why) == 0);
}

/*
 * Every output flag must be a --format template that template_ok()
 * accepts: its text output holds no hidden value, so it needs no
 * redaction.  Else deny, saying what is allowed instead.
 */
static int
check_template(struct check *ck)
{
	const struct request *q = ck->req;
	const struct flagval *fv;
	const char *why;
	size_t i;

	for (i = 0; i < q->nflags; i++) {
		fv = &q->flags[i];
		why = "";
		if (fv->def->kind != VK_OUTPUT || (fv->def->type == VT_STRING &&
		    template_ok(q, fv->value, &why)))
			continue;
		return deny(ck, "--%s %.100s is not available for docker %s "
		    "when environment values are redacted%s%.200s: use "
		    "--format with fields such as .State.Status, .State.Health,"
		    " .NetworkSettings.IPAddress, or no --format for redacted "
		    "JSON; environment, commands, build arguments and "
		    "driver/log options stay hidden (redact_env: false in the "
		    "rule allows it)", commands_flag_canon(fv->def), fv->value,
		    q->cmd->name, why[0] != '\0' ? ": " : "", why);
	}
	return 0;
}

/*
 * Under redact_env the JSON output is redacted (redact.c): environments,
 * driver options, build arguments; a --format template is allowed when it
 * prints only listed fields (template.c), anything else is denied: other
 * templates, service inspect --pretty (text); compose config and compose
 * events are decide_unavailable().  Without redact_env, an image's build
 * arguments are still masked unless the role may run docker history,
 * which shows them anyway.
 */
static int
check_redaction(struct check *ck)
{
	const struct cmddef *c = ck->req->cmd;
	const struct role *role = policy_role(ck->pol, ck->role);
	const struct flagval *out;
	int history;

	if ((c->traits & CMD_SHOWS_EXEC) && ck->rule->redact_env)
		return check_events(ck);
	/* the widest rule stands for any role: one that may run history */
	history = ck->widest || (role != NULL && role_names(role,
	    commands_find("image history")));
	if (!(c->traits & CMD_SHOWS_ENV) || (!ck->rule->redact_env &&
	    (history || !(c->traits & CMD_SHOWS_BUILD))))
		return 0;
	if ((out = output_flag(ck->req)) != NULL) {
		if (ck->rule->redact_env)
			return check_template(ck);
		return deny(ck, "--%s is not available for docker %s when "
		    "build arguments are redacted: only JSON output can be "
		    "redacted (allowing docker history in the role allows it)",
		    commands_flag_canon(out->def), c->name);
	}
	ck->redact = ck->rule->redact_env ? REDACT_ENV : REDACT_BUILD;
	return 0;
}

/*
 * Limits (reslimits.c reports what a request sets; here it is held to the
 * rule's struct limits).  limit_hold is a scan's context: the limits whose
 * default the request is given once every finding has passed.
 */
struct limit_hold {
	struct check	*ck;
	unsigned	 add;		/* bit 1 << limit id */
};

/* 0 if v (LIMITS_NONE: no limit) is within f->scale times the cap of
 * f's limit, or the denial naming --flag value. */
static int
over_cap(struct check *ck, const struct limit_finding *f, const char *value,
    long long v)
{
	const struct limitspec *s = &ck->rule->limits.l[f->limit];
	long long capv = s->max > LLONG_MAX / f->scale ? LLONG_MAX :
	    f->scale * s->max;

	if (v != LIMITS_NONE && v <= capv)
		return 0;
	return deny(ck, "--%s %.64s %s over the cap %s max %s", f->flag,
	    value, v == LIMITS_NONE ? "means no limit, which is" : "is",
	    reslimits_name(f->limit), s->maxtext);
}

/* The reason finding f breaks its limit's cap or default (not amounts:
 * over_cap words those). */
static int
deny_limit(struct check *ck, const struct limit_finding *f)
{
	const struct limitspec *s = &ck->rule->limits.l[f->limit];
	const char *name = reslimits_name(f->limit), *max = s->maxtext;

	switch (f->kind) {
	case LK_NO_SIZE:
		return deny(ck, "--%s %.64s has no size, and this rule caps %s "
		    "at %s: add size=%s to its options", f->flag, f->value,
		    name, max, max);
	case LK_NO_TMPFS_SIZE:
		return deny(ck, "--%s %.64s has no tmpfs-size, and this rule "
		    "caps %s at %s: add tmpfs-size=%s", f->flag, f->value, name,
		    max, max);
	case LK_CFS_ALONE:
		return deny(ck, "--%s %.64s: this rule caps %s at %s; give the "
		    "service cpus instead", f->flag, f->value, name, max);
	case LK_UNSET:
		return deny(ck, "without --%s the container has no %s limit, "
		    "and this rule caps %s at %s: give --%s (at most %s)",
		    f->flag, name, name, max, f->flag, max);
	case LK_SERVICE_UNSET:
		if (s->has_default)
			return deny(ck, "this rule gives %s a default of %s, "
			    "which compose cannot be given from outside: set "
			    "%s: %s in the service", name, s->deftext, f->flag,
			    s->deftext);
		return deny(ck, "without %s the service has no %s limit, and "
		    "this rule caps %s at %s: set %s (at most %s) in the "
		    "service", f->flag, name, name, max, f->flag, max);
	case LK_LOG:
		return deny(ck, "without --%s max-size the %s log has no "
		    "limit, and this rule caps %s at %s: give --%s "
		    "max-size=SIZE", f->flag, f->value2, name, max, f->flag);
	default:	/* LK_UNREADABLE, LK_LOG_UNREADABLE */
		return deny(ck, "--%s%s%s %.64s: the value cannot be read, and "
		    "this rule caps %s", f->flag, f->key != NULL ? " " : "",
		    f->key != NULL ? f->key : "", f->value, name);
	}
}

/* --cpu-quota with --cpu-period: the CPUs they give against the cap. */
static int
hold_cfs(struct check *ck, const struct limit_finding *f)
{
	char what[80];

	(void)snprintf(what, sizeof(what), "%.24s --cpu-period %.24s",
	    f->value != NULL ? f->value : "(none)",
	    f->value2 != NULL ? f->value2 : "(none)");
	return over_cap(ck, f, what, f->amount);
}

/*
 * A json-file or local log: without max-size it takes the rule's default
 * (added for run and create) or the driver's own; max-size x max-file
 * against the cap.
 */
static int
hold_log(struct limit_hold *h, const struct limit_finding *f)
{
	const struct limitspec *s = &h->ck->rule->limits.l[f->limit];
	long long size = f->amount;
	char what[96];

	if (f->value == NULL && s->has_default && f->adds) {
		size = s->def;
		h->add |= 1u << f->limit;
	}
	if (!s->has_max)
		return 0;
	if (f->value == NULL && size == LIMITS_NONE)
		return deny_limit(h->ck, f);
	(void)snprintf(what, sizeof(what), "max-size=%.24s max-file=%lld "
	    "(%.12s)", f->value != NULL ? f->value : "(none)", f->files,
	    f->value2);
	return over_cap(h->ck, f, what, reslimits_log_total(size, f->files));
}

/* A finding held to its limit (reslimits_fn): 0, or -1 denied. */
static int
hold_limit(void *ctx, const struct limit_finding *f)
{
	struct limit_hold *h = ctx;
	const struct limitspec *s = &h->ck->rule->limits.l[f->limit];

	switch (f->kind) {
	case LK_AMOUNT:
		return s->has_max ? over_cap(h->ck, f, f->value, f->amount) : 0;
	case LK_CFS:
		return s->has_max ? hold_cfs(h->ck, f) : 0;
	case LK_NO_SIZE:
	case LK_NO_TMPFS_SIZE:	/* adds: fix_tmpfs gives it the cap */
		return s->has_max && !f->adds ? deny_limit(h->ck, f) : 0;
	case LK_UNSET:
		if (f->adds && s->has_default)
			h->add |= 1u << f->limit;
		/* a default only helps where it is added (not services) */
		return f->no_limit && s->has_max &&
		    !(s->has_default && f->adds) ? deny_limit(h->ck, f) : 0;
	case LK_SERVICE_UNSET:
		return s->has_default || (f->no_limit && s->has_max) ?
		    deny_limit(h->ck, f) : 0;
	case LK_LOG:
		return hold_log(h, f);
	case LK_LOG_UNREADABLE:	/* read for the default as well */
		return s->has_max || s->has_default ? deny_limit(h->ck, f) : 0;
	default:		/* LK_UNREADABLE, LK_CFS_ALONE */
		return s->has_max ? deny_limit(h->ck, f) : 0;
	}
}

/* The request's limit findings held to the rule; then the defaults of
 * those it leaves out are added. */
static int
hold_limits(struct check *ck)
{
	const struct limits *lim = &ck->rule->limits;
	struct limit_hold h = { ck, 0 };
	char *flag;
	int id;

	if (!lim->any)
		return 0;
	if (reslimits_scan(ck->req, hold_limit, &h) != 0)
		return -1;
	for (id = 0; id < LIMIT_COUNT; id++)
		if ((h.add & (1u << id)) && (flag = reslimits_default_flag(id,
		    lim->l[id].deftext, lim->l[id].def)) != NULL)
			strv_take(&ck->extra, flag);
	return 0;
}

/* A tmpfs without a size under a tmpfs-size cap gets the cap. */
static void
fix_tmpfs(struct check *ck)
{
	const struct limits *lim = &ck->rule->limits;
	char *v;
	size_t i;

	if (!lim->any || !lim->l[LIMIT_TMPFS].has_max)
		return;
	for (i = 0; i < ck->req->nflags; i++) {
		if ((v = reslimits_tmpfs_fix(ck->req, &ck->req->flags[i],
		    lim->l[LIMIT_TMPFS].max)) == NULL)
			continue;
		ck->fixes = xreallocarray(ck->fixes, ck->nfixes + 1,
		    sizeof(*ck->fixes));
		ck->fixes[ck->nfixes].arg = i;
		ck->fixes[ck->nfixes++].value = v;
	}
}

/*
 * The rule's cgroup_parent (placement.c): the caller's own --cgroup-parent
 * is refused, the rule's added.
 */
static int
check_placement(struct check *ck)
{
	const char *parent = ck->rule->cgroup_parent;
	struct placement_fact f;

	if (parent == NULL)
		return 0;
	placement_read(ck->req, &f);
	if (f.kind == PL_GIVEN)
		return deny(ck, "--%s is set by this rule (cgroup_parent: %s), "
		    "not by the caller", f.flag, parent);
	strv_take(&ck->extra, placement_inject(parent));
	return 0;
}

/* The refusal of a network name that the rule's networks do not list. */
static int
deny_network(struct check *ck, const char *what, const char *name,
    unsigned reading)
{
	char list[200];

	list_text(&ck->rule->networks, list, sizeof(list));
	return deny(ck, "%s joins the network %.64s%s, which is not in this "
	    "rule's networks (%s)", what, name, (reading & NR_IDPREFIX) ?
	    " (hex digits: it could name another network by ID prefix, so "
	    "it must be listed literally)" : "", list);
}

/* One network fact (netrules.c) held to the rule's networks and network. */
static int
hold_network(struct check *ck, const struct netrules_fact *f)
{
	const struct strv *nets = &ck->rule->networks;
	char what[96];

	switch (f->kind) {
	case NR_UNREADABLE:
		return deny(ck, "--%s %.64s: %s", f->flag, f->value, f->err);
	case NR_FLAG:	/* a mode is its risk class's (check_flag) */
		if ((f->reading & NR_MODE) || nets->n == 0 ||
		    netrules_listed(nets, f->name, f->reading))
			return 0;
		(void)snprintf(what, sizeof(what), "--%s %.64s", f->flag,
		    f->value);
		return deny_network(ck, what, f->name, f->reading);
	case NR_CONNECT:
		if (nets->n == 0 || netrules_listed(nets, f->name, f->reading))
			return 0;
		return deny_network(ck, "docker network connect", f->name,
		    f->reading);
	case NR_BRIDGE:
		if (ck->rule->network != NULL) {
			strv_take(&ck->extra,
			    netrules_inject(ck->rule->network));
			return 0;
		}
		if (nets->n == 0 || netrules_listed(nets, f->name, 0) ||
		    netrules_listed(nets, f->alias, 0))
			return 0;
		return deny(ck, "a container without --network joins the "
		    "default bridge network, which this rule's networks do not "
		    "list: give --network");
	}
	return 0;
}

/* The networks a run, create or network connect joins (netrules.c). */
static int
check_networks(struct check *ck)
{
	struct netrules_facts nf;
	size_t i;
	int r = 0;

	if (ck->rule->networks.n == 0 && ck->rule->network == NULL)
		return 0;
	netrules_read(ck->req, &nf);
	for (i = 0; i < nf.n && r == 0; i++)
		r = hold_network(ck, &nf.v[i]);
	netrules_facts_free(&nf);
	return r;
}

/*
 * The rule's resource limits (reslimits.c): caps, and defaults added;
 * its cgroup parent (placement.c); the networks a container may join, and
 * its default (netrules.c).
 */
static int
check_limits(struct check *ck)
{
	if (hold_limits(ck) != 0 || check_placement(ck) != 0)
		return -1;
	fix_tmpfs(ck);
	return check_networks(ck);
}

/* A compose key's run flag held to the rule's caps. */
static int
limit_flag(struct check *ck, const struct flagval *fv)
{
	struct limit_hold h = { ck, 0 };

	if (!ck->rule->limits.any)
		return 0;
	return reslimits_scan_flag(fv, hold_limit, &h);
}

/* compose.c holds compose services and builds to these same checks. */
static int
hook_flag(void *ctx, const struct flagval *fv)
{
	return check_flag(ctx, fv) != 0 ? -1 : limit_flag(ctx, fv);
}

/* A compose key whose value compose confines itself: deny_flags only. */
static int
hook_named(void *ctx, const struct flagval *fv)
{
	char what[300];

	(void)snprintf(what, sizeof(what), "--%s %.200s",
	    commands_flag_canon(fv->def), fv->value);
	if (check_deny_flag(ctx, commands_flag_canon(fv->def), what) != 0)
		return -1;
	return limit_flag(ctx, fv);
}

static int
hook_image(void *ctx, const char *ref)
{
	return check_image(ctx, ref);
}

static int
hook_tag(void *ctx, const char *what, const char *ref)
{
	struct check *ck = ctx;
	struct imageref ir;
	const char *err;
	int r;

	if (check_written_tag(ck, what, ref) != 0)
		return -1;
	/* compose pull (and up's pull policy) pulls a built image's name */
	if (!(ck->req->cmd->traits & CMD_PULLS))
		return 0;
	if (imageref_parse(ref, &ir, &err) != 0)
		return deny(ck, "%s: invalid image reference \"%.200s\": %s",
		    what, ref, err);
	r = check_registry(ck, &ir);
	imageref_free(&ir);
	return r;
}

/* A Dockerfile finding (dockerfile.c): the rule must list its classes. */
static int
hook_risk(void *ctx, unsigned risk, const char *what)
{
	return need_unsafe(ctx, risk, what, "is not allowed by this rule");
}

/*
 * A compose service must set what the rule's limits give a default; under
 * own: true every service a subcommand creates containers of must carry
 * the owner label itself (compose takes no --label from outside), so that
 * they are the role's and max_containers counts them.
 */
static int
hook_service(void *ctx, unsigned set, int owned)
{
	struct check *ck = ctx;
	struct limit_hold h = { ck, 0 };

	if (ck->rule->limits.any &&
	    reslimits_scan_service(set, hold_limit, &h) != 0)
		return -1;
	if (ck->rule->own && !owned && (ck->req->cmd->traits & CMD_CREATES))
		return deny(ck, "under own: true the containers compose "
		    "creates must carry the owner label, which compose cannot "
		    "be given from outside: add \"" OWNER_LABEL ": %s\" to the "
		    "service's labels", ck->role);
	return 0;
}

/* The owner label in a compose file, under own: true: the role's own. */
static int
hook_owner(void *ctx, const char *value)
{
	struct check *ck = ctx;

	if (strcmp(value, ck->role) != 0)
		return deny(ck, "the label " OWNER_LABEL "=%.64s names another "
		    "role than %s", value, ck->role);
	return 0;
}

/*
 * A network a compose service joins (its engine name): held to the rule's
 * networks; the rule's network: default cannot be given to compose, so a
 * service that names none is refused under it with the way to name it.
 */
static int
hook_network(void *ctx, const char *name, int implicit)
{
	struct check *ck = ctx;
	unsigned reading = netrules_reading(name);
	char what[160];

	if (implicit && ck->rule->network != NULL)
		return deny(ck, "the service names no network and joins the "
		    "project's default network %.64s; this rule's network: %s "
		    "cannot be given to compose: give the service networks: "
		    "[KEY] and the file a top-level networks: {KEY: {name: %s, "
		    "external: true}}", name, ck->rule->network,
		    ck->rule->network);
	if (ck->rule->networks.n == 0 ||
	    netrules_listed(&ck->rule->networks, name, reading))
		return 0;
	(void)snprintf(what, sizeof(what), "the service%s",
	    implicit ? " (no networks: the project's default network)" : "");
	return deny_network(ck, what, name, reading);
}

/* The containers a compose subcommand may create, for max_containers. */
static int
hook_creates(void *ctx, long n)
{
	((struct check *)ctx)->creates = n;
	return 0;
}

/* A glob of list matches path as a whole path (FNM_PATHNAME). */
static int
path_listed(const struct strv *list, const char *path)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		if (fnmatch(list->v[i], path, FNM_PATHNAME) == 0)
			return 1;
	return 0;
}

/* What compose.c asks of the rule (enum compose_ask): 1 yes, 0 no. */
static int
hook_rule_has(void *ctx, enum compose_ask what, const char *value)
{
	const struct check *ck = ctx;
	const struct rule *r = ck->rule;
	const struct cmddef *c;
	size_t i;

	switch (what) {
	case CA_PROJECTS:
		return r->projects.n > 0;
	case CA_PROJECT:
		return path_listed(&r->projects, value);
	case CA_SUBCOMMAND:
		c = ck->req->cmd;
		for (i = 0; i < r->ncmds; i++)
			if (r->cmds[i] == c)
				return 1;
		return strv_has(&r->subcommands, value);
	case CA_CONTEXT:	/* a remote one is listed as given */
		return compose_is_remote(value) ?
		    strv_has(&r->contexts, value) :
		    path_listed(&r->contexts, value);
	case CA_PRIVILEGED:
		return (r->unsafe & RISK_PRIVILEGED) != 0;
	}
	return 0;
}

/*
 * The reason for what compose refused: where it was found, compose's own
 * words, and the reason the check of the rule gave (in ck->reason) when
 * one did.
 */
static int
deny_compose(struct check *ck, const struct compose_refusal *cr)
{
	char judged[DECIDE_REASON_MAX];

	(void)snprintf(judged, sizeof(judged), "%s", cr->judged ?
	    ck->reason : "");
	return deny(ck, "%s%s%s%s", cr->where, cr->note, cr->judged &&
	    cr->note[0] != '\0' ? ": " : "", judged);
}

/* Compose subcommands, projects and files; build contexts (compose.c). */
static int
check_compose(struct check *ck)
{
	struct compose_hooks h = { .ctx = ck, .rule_has = hook_rule_has,
	    .flag = hook_flag,
	    .named = hook_named, .image = hook_image, .tag = hook_tag,
	    .risk = hook_risk, .service = hook_service,
	    .owner = ck->rule->own ? hook_owner : NULL,
	    .creates = ck->rule->max_containers > 0 ? hook_creates : NULL,
	    .network = ck->rule->networks.n > 0 || ck->rule->network != NULL ?
	    hook_network : NULL };
	struct compose_refusal cr;

	if (!compose_applies(ck->req))
		return 0;
	if (commands_group(ck->req->cmd) != NULL)
		ck->creates = 0;	/* until compose.c counts them */
	if (compose_check(ck->req, ck->res, &h, &cr) == 0)
		return 0;
	return deny_compose(ck, &cr);
}

/*
 * Why the rule can never allow command c (NULL: it can).  names_only: the
 * request's flags all print names only (VK_NAMES, e.g. compose config
 * --services), so there is nothing for redact_env to hide.
 */
static const char *
unavailable(const struct rule *r, const struct cmddef *c, int names_only)
{
	if (c->risk & RISK_NEVER)
		return commands_why(c->why) != NULL ? commands_why(c->why) :
		    "never allowed";
	if ((c->traits & CMD_GROUP_FLAGS) && r->subcommands.n == 0)
		return "the rule lists no compose subcommands";
	if ((c->traits & CMD_SHOWS_ENV) && (c->traits & CMD_PROJECT) &&
	    r->redact_env && !names_only)
		return "it shows environment values or exec command lines "
		    "and its output cannot be redacted (redact_env: false in "
		    "the rule allows it; --services, --volumes, --networks, "
		    "--profiles and --images alone print names only)";
	return NULL;
}

const char *
decide_unavailable(const struct rule *r, const struct cmddef *c)
{
	return unavailable(r, c, 0);
}

/* A subcommand of group that rule r lists, has traits and is available. */
static int
offers_sub(const struct rule *r, const struct cmddef *group, unsigned traits)
{
	const struct cmddef *c;
	char name[CMD_NAME_MAX];
	size_t i;
	int n;

	for (i = 0; i < r->subcommands.n; i++) {
		n = snprintf(name, sizeof(name), "%s %s", group->name,
		    r->subcommands.v[i]);
		if (n < 0 || (size_t)n >= sizeof(name) ||
		    (c = commands_find(name)) == NULL)
			continue;
		if ((c->traits & traits) == traits &&
		    unavailable(r, c, 0) == NULL)
			return 1;
	}
	return 0;
}

int
decide_role_offers(const struct role *role, unsigned traits)
{
	const struct rule *r;
	const struct cmddef *c;
	size_t i, j;

	for (i = 0; i < role->nrules; i++) {
		r = &role->rules[i];
		for (j = 0; j < r->ncmds; j++) {
			c = r->cmds[j];
			if (unavailable(r, c, 0) != NULL)
				continue;
			if ((c->traits & traits) == traits)
				return 1;
			if ((c->traits & CMD_GROUP_FLAGS) &&
			    offers_sub(r, c, traits))
				return 1;
		}
	}
	return 0;
}

/* At least one flag, and every flag a VK_NAMES one set to true. */
static int
names_only(const struct request *q)
{
	size_t i;

	if (q->nflags == 0)
		return 0;
	for (i = 0; i < q->nflags; i++)
		if (q->flags[i].def->kind != VK_NAMES ||
		    strcmp(q->flags[i].value, "true") != 0)
			return 0;
	return 1;
}

/* 0 if the rule accepts the whole request; else -1 and ck->reason. */
static int
check_rule(struct check *ck)
{
	const struct request *q = ck->req;
	const char *why;
	char what[128];
	size_t i;

	if ((why = unavailable(ck->rule, q->cmd, names_only(q))) != NULL)
		return deny(ck, "docker %s is not available under this "
		    "rule: %s", q->cmd->name, why);
	(void)snprintf(what, sizeof(what), "docker %s", q->cmd->name);
	if (need_unsafe(ck, q->cmd->risk, what, commands_why(q->cmd->why)) != 0)
		return -1;
	for (i = 0; i < q->nflags; i++)
		if (check_flag(ck, &q->flags[i]) != 0)
			return -1;
	if (check_limits(ck) != 0)
		return -1;
	/* Redaction first: its denials need no engine lookup. */
	if (check_redaction(ck) != 0)
		return -1;
	if (check_args(ck) != 0 || check_compose(ck) != 0)
		return -1;
	/* The quota last (quota.c): its count takes the role's lock; a
	 * compose subcommand that creates nothing takes neither. */
	if (ck->rule->max_containers > 0 && ck->creates > 0)
		return quota_check(ck->rule->max_containers, ck->creates,
		    ck->role, ck->res, &ck->unavailable, ck->reason,
		    sizeof(ck->reason));
	return 0;
}

static void
free_pins(struct pin *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(p[i].value);
	free(p);
}

/* Whether an earlier rule of the role (or this one) named c before. */
static int
named_before(const struct role *role, size_t ri, size_t ci,
    const struct cmddef *c)
{
	size_t i, j;

	for (i = 0; i <= ri; i++)
		for (j = 0; j < (i < ri ? role->rules[i].ncmds : ci); j++)
			if (role->rules[i].cmds[j] == c)
				return 1;
	return 0;
}

/*
 * "ps, container logs, ..." of what the role may run at all, each name
 * once and whole: a list that does not fit ends in "...".
 */
static void
role_commands(const struct role *role, char *buf, size_t len)
{
	const struct cmddef *c;
	size_t i, j, n;

	buf[0] = '\0';
	for (i = 0; i < role->nrules; i++)
		for (j = 0; j < role->rules[i].ncmds; j++) {
			c = role->rules[i].cmds[j];
			if (named_before(role, i, j, c))
				continue;
			n = strlen(buf);
			if (n + strlen(c->name) + sizeof(", , ...") > len) {
				(void)snprintf(buf + n, len - n, "%s...",
				    n > 0 ? ", " : "");
				return;
			}
			(void)snprintf(buf + n, len - n, "%s%s",
			    n > 0 ? ", " : "", c->name);
		}
}

static void
first_cmd(const struct rule *r, char *buf, size_t len)
{
	(void)snprintf(buf, len, "%s", r != NULL && r->ncmds > 0 ?
	    r->cmds[0]->name : "");
}

/*
 * Try the rules naming the command whose approval is approval; on the
 * first that accepts the request fill *v and return 1.  Else 0, with the
 * first failure kept in *first and the rules tried counted in *tried.
 */
static int
try_pass(struct check *ck, const struct role *role, int approval,
    struct verdict *v, struct check *first, int *tried)
{
	size_t i;

	for (i = 0; i < role->nrules; i++) {
		if (!rule_names(&role->rules[i], ck->req->cmd) ||
		    role->rules[i].approval != approval)
			continue;
		ck->rule = &role->rules[i];
		ck->pins = NULL;
		ck->npins = 0;
		ck->fixes = NULL;
		ck->nfixes = 0;
		ck->creates = 1;
		memset(&ck->extra, 0, sizeof(ck->extra));
		memset(&ck->filters, 0, sizeof(ck->filters));
		ck->reason[0] = '\0';
		ck->redact = 0;
		if (check_rule(ck) == 0) {
			v->allow = 1;
			v->redact = ck->redact;
			(void)snprintf(v->rule, sizeof(v->rule), "%s",
			    ck->rule->where);
			v->pins = ck->pins;
			v->npins = ck->npins;
			v->extra_flags = ck->extra;
			v->label_filters = ck->filters;
			v->fixes = ck->fixes;
			v->nfixes = ck->nfixes;
			v->quota = ck->rule->max_containers > 0;
			v->quota_new = ck->creates;
			v->lifetime = ck->rule->lifetime;
			v->approval = ck->rule->approval;
			if (v->approval)
				(void)snprintf(v->reason, sizeof(v->reason),
				    "held for a person's approval (approval: "
				    "true)");
			if (ck->rule->own &&
			    (ck->req->cmd->traits & CMD_OWNABLE))
				strv_take(&v->labels, xasprintf(
				    OWNER_LABEL "=%s", ck->role));
			return 1;
		}
		free_pins(ck->pins, ck->npins);
		free_pins(ck->fixes, ck->nfixes);
		strv_free(&ck->extra);
		strv_free(&ck->filters);
		if ((*tried)++ == 0)
			*first = *ck;
	}
	return 0;
}

/*
 * Try every rule naming the command; keep the first failure's reason.
 * The rules that allow at once first, then the approval: true ones: a
 * request is held only when nothing else allows it.
 */
static void
try_rules(struct check *ck, const struct role *role, struct verdict *v)
{
	struct check first;
	char cmds[80];
	int tried = 0;

	first = *ck;
	if (try_pass(ck, role, 0, v, &first, &tried) ||
	    try_pass(ck, role, 1, v, &first, &tried))
		return;
	if (tried == 0) {	/* the caller checked a rule names it: defensive */
		(void)snprintf(v->reason, sizeof(v->reason), "no rule allows "
		    "docker %s", ck->req->cmd->name);
		return;
	}
	first_cmd(first.rule, cmds, sizeof(cmds));
	v->unavailable = first.unavailable;
	(void)snprintf(v->rule, sizeof(v->rule), "%s", first.rule->where);
	(void)snprintf(v->reason, sizeof(v->reason), "%.800s (rule %.100s: %.60s)",
	    first.reason, first.rule->where, cmds);
}

/*
 * The widest rule a policy can write: every command, every risk class a
 * rule may opt into, any image, named volumes, any host path, any project
 * and build context directory (OBSERVE_PATH_DEPTH levels), no scope, no
 * redaction, no limits, no quota.  What it refuses no policy allows.
 * Caller frees with widest_free.
 */
static void
widest_rule(struct rule *w)
{
	char pat[3 * OBSERVE_PATH_DEPTH + 2];
	size_t n, i;

	memset(w, 0, sizeof(*w));
	w->where = "observe";
	for (n = 0; commands_table[n].name[0] != '\0'; n++)
		continue;
	w->cmds = xreallocarray(NULL, n, sizeof(*w->cmds));
	for (i = 0; i < n; i++)
		w->cmds[i] = &commands_table[i];
	w->ncmds = n;
	w->unsafe = ~(unsigned)RISK_NEVER;
	w->mounts = MOUNTS_NAMED;
	w->redact_env = 0;
	strv_push(&w->contexts, "-");
	(void)snprintf(pat, sizeof(pat), "/");
	strv_push(&w->projects, pat);
	strv_push(&w->contexts, pat);
	for (i = 0; i < OBSERVE_PATH_DEPTH; i++) {
		(void)snprintf(pat + 2 * i, sizeof(pat) - 2 * i, "/*");
		strv_push(&w->projects, pat);
		strv_push(&w->contexts, pat);
	}
}

static void
widest_free(struct rule *w)
{
	free(w->cmds);
	strv_free(&w->projects);
	strv_free(&w->contexts);
}

/*
 * A role in observe mode: a request its rules deny runs when the widest
 * rule accepts it, and the verdict keeps the rule and the reason it would
 * have been denied for; else it stays denied, saying what no policy allows.
 */
static void
observe(struct check *ck, struct verdict *v)
{
	struct rule w;
	char why[DECIDE_REASON_MAX];

	widest_rule(&w);
	ck->rule = &w;
	ck->widest = 1;
	ck->pins = NULL;
	ck->npins = 0;
	memset(&ck->extra, 0, sizeof(ck->extra));
	ck->reason[0] = '\0';
	ck->redact = 0;
	ck->unavailable = 0;
	if (check_rule(ck) == 0) {
		v->allow = 1;
		v->observe = 1;
		v->redact = ck->redact;
		v->pins = ck->pins;
		v->npins = ck->npins;
		v->extra_flags = ck->extra;
	} else {
		free_pins(ck->pins, ck->npins);
		strv_free(&ck->extra);
		v->unavailable = ck->unavailable;
		(void)snprintf(why, sizeof(why), "%s", ck->reason);
		(void)snprintf(v->reason, sizeof(v->reason), "%.900s (observe "
		    "mode runs only what a policy could allow)", why);
	}
	widest_free(&w);
}

static int
role_names(const struct role *role, const struct cmddef *c)
{
	size_t i;

	for (i = 0; i < role->nrules; i++)
		if (rule_names(&role->rules[i], c))
			return 1;
	return 0;
}

int
decide(const struct policy *pol, const char *rolename,
    const struct request *req, const struct resolver *res, struct verdict *v)
{
	const struct role *role;
	struct check ck;
	char cmds[ROLE_LIST_MAX];

	memset(v, 0, sizeof(*v));
	memset(&ck, 0, sizeof(ck));
	if ((role = policy_role(pol, rolename)) == NULL) {
		(void)snprintf(v->reason, sizeof(v->reason),
		    "no role \"%.100s\" in the policy", rolename);
		return 0;
	}
	if (req->cmd->risk & RISK_NEVER) {
		(void)snprintf(v->reason, sizeof(v->reason),
		    "docker %s is never allowed: %s", req->cmd->name,
		    commands_why(req->cmd->why) != NULL ?
		    commands_why(req->cmd->why) : "");
		return 0;
	}
	ck.pol = pol;
	ck.role = role->name;
	ck.req = req;
	ck.res = res;
	if (!role_names(role, req->cmd)) {
		role_commands(role, cmds, sizeof(cmds));
		(void)snprintf(v->reason, sizeof(v->reason),
		    "docker %s is not allowed for role %s (allowed: %s); "
		    "adding \"%s\" to a rule of the role allows it",
		    req->cmd->name, role->name, cmds, req->cmd->name);
	} else
		try_rules(&ck, role, v);
	if (role->observe && !v->allow && !v->unavailable)
		observe(&ck, v);
	return 0;
}

int
decide_needs(const struct policy *pol, const char *role,
    const struct rule *r, const struct request *req,
    const struct resolver *res, unsigned *need, char *reason, size_t len)
{
	struct check ck;
	int rc;

	*need = 0;
	memset(&ck, 0, sizeof(ck));
	ck.pol = pol;
	ck.role = role;
	ck.rule = r;
	ck.req = req;
	ck.res = res;
	ck.collect = 1;
	if (!rule_names(r, req->cmd))
		rc = deny(&ck, "the rule does not name docker %s",
		    req->cmd->name);
	else
		rc = check_rule(&ck);
	free_pins(ck.pins, ck.npins);
	strv_free(&ck.extra);
	if (rc == 0)
		*need = ck.needed;
	else
		(void)snprintf(reason, len, "%s", ck.reason);
	return rc;
}

void
decide_verdict_free(struct verdict *v)
{
	if (v == NULL)
		return;
	free_pins(v->pins, v->npins);
	v->pins = NULL;
	v->npins = 0;
	free_pins(v->fixes, v->nfixes);
	v->fixes = NULL;
	v->nfixes = 0;
	strv_free(&v->extra_flags);
	strv_free(&v->label_filters);
	strv_free(&v->labels);
}

void
decide_target_free(struct target *t)
{
	size_t i;

	if (t == NULL)
		return;
	free(t->id);
	free(t->name);
	for (i = 0; i < t->nlabels; i++) {
		free(t->labels[i].key);
		free(t->labels[i].value);
	}
	free(t->labels);
	memset(t, 0, sizeof(*t));
}
