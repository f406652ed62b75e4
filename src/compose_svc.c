/*
 * compose_svc.c: the keys of one compose service, each turned into the
 * docker run (or build) flag it means and held to the same checks through
 * the decision's hooks (compose_impl.h).
 *
 * Invariants:
 * - A key that is not in service_keys[] MUST be denied.
 * - Every key that a docker run flag expresses MUST name that flag (long
 *   name) in service_keys[], so the rule's deny_flags hold as for run;
 *   keys whose values can carry a risk class MUST take the full check.
 * - Every label a container or its image gets (labels, build.labels,
 *   deploy.labels, label_file lines) MUST pass docker run --label's check.
 * - A service the subcommand does not act on (pj->judge 0) MUST still
 *   have every file it names checked (env_file, label_file, build,
 *   develop) and its hooks and never-allowed keys judged (compose runs
 *   pre_stop on stop and down, a provider's program on down); only its
 *   other keys are skipped.
 * The project, its files and top-level definitions are compose.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "commands.h"
#include "compose_impl.h"
#include "mounts.h"
#include "util.h"

/* What the checks of one service found. */
struct svcstate {
	int		 build;
	int		 extends;
	char		*image;
	yaml_node_t	*imagenode;
};

/* A service key and how it is checked. */
struct svckey {
	const char	*name;
	int		(*fn)(struct project *, yaml_node_t *,
			    const struct svckey *, struct svcstate *);
	const char	*flag;		/* the docker run flag it becomes */
};

/* ------------------------------------------------------------------ */
/* Service keys */

/* Scalar or list of scalars -> one run flag each. */
static int
item_flag(struct project *pj, yaml_node_t *n, void *arg)
{
	const struct svckey *k = arg;
	char *v;
	int r;

	if ((v = cx_str(pj, n)) == NULL)
		return -1;
	r = cx_run_flag(pj, n, k->flag, v);
	free(v);
	return r;
}

static int
k_list(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	(void)st;
	return cx_each_item(pj, v, item_flag, (void *)k);
}

static int
k_bool(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	char *s;
	int r = 0;

	(void)st;
	if ((s = cx_str(pj, v)) == NULL)
		return -1;
	if (cx_truthy(s))
		r = cx_run_flag(pj, v, k->flag, "true");
	free(s);
	return r;
}

/* For messages: a scalar, a list's first scalar, else what. */
static const char *
shown(struct project *pj, const yaml_node_t *v, const char *what)
{
	if (v->type == YAML_SEQUENCE_NODE &&
	    v->data.sequence.items.start < v->data.sequence.items.top)
		v = cx_node(pj->cur, *v->data.sequence.items.start);
	return cx_sval(v) != NULL ? cx_sval(v) : what;
}

/*
 * A key whose value carries no risk class in docker run (ports, restart,
 * hostname, ...): the run flag it maps to is held to the rule's
 * deny_flags.  Not interpolated: the value is shown, never judged.
 */
static int
k_named(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	(void)st;
	if ((v->type == YAML_SEQUENCE_NODE &&
	    v->data.sequence.items.start == v->data.sequence.items.top) ||
	    (v->type == YAML_MAPPING_NODE &&
	    v->data.mapping.pairs.start == v->data.mapping.pairs.top))
		return 0;	/* [] or {}: sets nothing */
	return cx_run_named(pj, v, k->flag, shown(pj, v, k->name));
}

/* Keys of a mapping that are run flags of their own (healthcheck, ...). */
struct subflag {
	const char	*key;
	const char	*flag;
};

static int
sub_named(struct project *pj, yaml_node_t *v, const struct subflag *t)
{
	yaml_node_t *n;

	for (; t->key != NULL; t++)
		if ((n = cx_get(pj->cur, v, t->key)) != NULL &&
		    cx_run_named(pj, n, t->flag, shown(pj, n, t->key)) != 0)
			return -1;
	return 0;
}

static int
k_healthcheck(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	static const struct subflag t[] = {
		{ "test", "health-cmd" },
		{ "interval", "health-interval" },
		{ "timeout", "health-timeout" },
		{ "retries", "health-retries" },
		{ "start_period", "health-start-period" },
		{ "start_interval", "health-start-interval" },
		{ "disable", "no-healthcheck" },
		{ NULL, NULL },
	};

	(void)k;
	(void)st;
	return sub_named(pj, v, t);
}

/* networks: [NAME] or {NAME: {aliases, ipv4_address, ...}}. */
static int
network_pair(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	static const struct subflag t[] = {
		{ "aliases", "network-alias" },
		{ "ipv4_address", "ip" },
		{ "ipv6_address", "ip6" },
		{ "link_local_ips", "link-local-ip" },
		{ "mac_address", "mac-address" },
		{ NULL, NULL },
	};

	(void)arg;
	pj->net_given = 1;
	if (cx_run_named(pj, k, "network", cx_sval(k)) != 0 ||
	    cx_network_key(pj, k, cx_sval(k), 0) != 0)
		return -1;
	return v->type == YAML_MAPPING_NODE ? sub_named(pj, v, t) : 0;
}

static int
network_item(struct project *pj, yaml_node_t *n, void *arg)
{
	char *s;
	int r;

	(void)arg;
	pj->net_given = 1;
	if (cx_run_named(pj, n, "network", shown(pj, n, "networks")) != 0)
		return -1;
	if (!pj->judge || pj->h->network == NULL)
		return 0;	/* not interpolated where nothing judges it */
	if ((s = cx_str(pj, n)) == NULL)
		return -1;
	r = cx_network_key(pj, n, s, 0);
	free(s);
	return r;
}

static int
k_networks(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	(void)k;
	(void)st;
	if (v->type == YAML_MAPPING_NODE)
		return cx_each_pair(pj, v, network_pair, NULL);
	return cx_each_item(pj, v, network_item, NULL);
}

/*
 * The owner label, exactly so spelled, among a service's own labels: the
 * decision's owner hook says whether the rule makes it the role's (own:
 * true and the role's name); *done is 0 when it is some other label.
 */
static int
owner_label(struct project *pj, const yaml_node_t *n, const char *cmd,
    const char *key, const char *value, int *done)
{
	*done = strcmp(key, OWNER_LABEL) == 0 && strcmp(cmd, RUN_CMD) == 0 &&
	    pj->key != NULL && strcmp(pj->key, "labels") == 0 &&
	    pj->h->owner != NULL;
	if (!*done || !pj->judge)
		return 0;
	if (pj->h->owner(pj->h->ctx, value != NULL ? value : "") != 0)
		return cx_refail(pj, n);
	pj->owned = 1;
	return 0;
}

/*
 * Labels, held to the check of docker run --label (the reserved
 * dockergate. prefix, in any case): only the key matters, but for the
 * owner label under own: true (owner_label).  A mapping's keys are not
 * interpolated by compose; a variable in one is refused all the same.  A
 * list item "KEY[=VALUE]" is interpolated whole.
 */
static int
label_pair(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	const char *cmd = arg;
	char *kv, *val;
	int r, done;

	if (strchr(cx_sval(k), '$') != NULL)
		return cx_fail(pj, k, "a variable in a label name can not be "
		    "checked");
	if (strcmp(cx_sval(k), OWNER_LABEL) == 0 && cx_sval(v) != NULL &&
	    pj->judge && pj->h->owner != NULL) {
		if ((val = cx_str(pj, v)) == NULL)
			return -1;
		r = owner_label(pj, v, cmd, cx_sval(k), val, &done);
		free(val);
		if (done)
			return r;
	}
	kv = xasprintf("%s=", cx_sval(k));
	r = cx_hook_flag(pj, k, cmd, "label", kv);
	free(kv);
	return r;
}

static int
label_item(struct project *pj, yaml_node_t *n, void *arg)
{
	const char *cmd = arg;
	char *s, *eq;
	int r, done;

	if ((s = cx_str(pj, n)) == NULL)
		return -1;
	if ((eq = strchr(s, '=')) != NULL) {
		*eq = '\0';
		r = owner_label(pj, n, cmd, s, eq + 1, &done);
		*eq = '=';
		if (done) {
			free(s);
			return r;
		}
		eq[1] = '\0';
	}
	r = cx_hook_flag(pj, n, cmd, "label", s);
	free(s);
	return r;
}

/* labels of a service, its build (image labels) or its deploy section. */
static int
labels_of(struct project *pj, yaml_node_t *v, const char *cmd)
{
	if (v == NULL)
		return 0;
	if (v->type == YAML_MAPPING_NODE)
		return cx_each_pair(pj, v, label_pair, (void *)cmd);
	return cx_each_item(pj, v, label_item, (void *)cmd);
}

static int
k_labels(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	(void)k;
	(void)st;
	return labels_of(pj, v, RUN_CMD);
}

/* "service:NAME" joins a service of this project; else as docker run. */
static int
k_nsmode(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	char *s;
	int r;

	(void)st;
	if ((s = cx_str(pj, v)) == NULL)
		return -1;
	/* as --network container:ID would be: deny_flags still apply */
	if (strncmp(s, "service:", 8) == 0)
		r = strv_has(&pj->services, s + 8) ? cx_run_named(pj, v,
		    k->flag, s) : cx_fail(pj, v, "%s is not a service of "
		    "this project", s + 8);
	else
		r = cx_run_flag(pj, v, k->flag, s);
	if (strcmp(k->name, "network_mode") == 0)
		pj->net_given = 1;
	/* none, bridge, or a network's own name: held to the rule's
	 * networks as docker run --network NAME is */
	if (r == 0 && strcmp(k->name, "network_mode") == 0 &&
	    strcasecmp(s, "host") != 0 && strncmp(s, "service:", 8) != 0 &&
	    strncasecmp(s, "container:", 10) != 0 && pj->judge &&
	    pj->h->network != NULL && pj->h->network(pj->h->ctx, s, 0) != 0)
		r = cx_refail(pj, v);
	free(s);
	return r;
}

/* Pairs of a mapping -> "k=v" run flags (sysctls, storage_opt). */
static int
pair_flag(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	const struct svckey *sk = arg;
	char *s, *kv;
	int r;

	if ((s = cx_str(pj, v)) == NULL)
		return -1;
	kv = xasprintf("%s=%s", cx_sval(k), s);
	r = cx_run_flag(pj, v, sk->flag, kv);
	free(kv);
	free(s);
	return r;
}

static int
k_map(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	(void)st;
	if (v->type == YAML_MAPPING_NODE)
		return cx_each_pair(pj, v, pair_flag, (void *)k);
	return cx_each_item(pj, v, item_flag, (void *)k);
}

/* ulimits: NAME: N or NAME: {soft: N, hard: N}. */
static int
ulimit_pair(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	char *soft = NULL, *hard = NULL, *val;
	int r = -1;

	(void)arg;
	if (v->type == YAML_MAPPING_NODE) {
		if ((soft = cx_str(pj, cx_get(pj->cur, v, "soft"))) == NULL ||
		    (hard = cx_str(pj, cx_get(pj->cur, v, "hard"))) == NULL)
			goto out;
		val = xasprintf("%s=%s:%s", cx_sval(k), soft, hard);
	} else {
		if ((soft = cx_str(pj, v)) == NULL)
			goto out;
		val = xasprintf("%s=%s", cx_sval(k), soft);
	}
	r = cx_run_flag(pj, v, "ulimit", val);
	free(val);
out:
	free(soft);
	free(hard);
	return r;
}

static int
k_ulimits(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	(void)k;
	(void)st;
	return cx_each_pair(pj, v, ulimit_pair, NULL);
}

/* devices: "SRC[:DST[:PERM]]" or {source, target, permissions}. */
static int
device_item(struct project *pj, yaml_node_t *n, void *arg)
{
	char *src;
	int r;

	(void)arg;
	if (n->type != YAML_MAPPING_NODE)
		return item_flag(pj, n, (void *)arg);
	if ((src = cx_str(pj, cx_get(pj->cur, n, "source"))) == NULL)
		return -1;
	r = cx_run_flag(pj, n, "device", src);
	free(src);
	return r;
}

static int
k_devices(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	(void)st;
	return cx_each_item(pj, v, device_item, (void *)k);
}

/*
 * blkio_config: each device entry {path, rate|weight} becomes the run flag
 * of the same meaning, "PATH:VALUE", so its path is judged as there (the
 * daemon stats it as root; compose does not hold it to /dev/ as the CLI
 * does).  weight is a number: no risk.
 */
static const struct {
	const char	*key;
	const char	*flag;
} blkio_flags[] = {
	{ "weight_device", "blkio-weight-device" },
	{ "device_read_bps", "device-read-bps" },
	{ "device_read_iops", "device-read-iops" },
	{ "device_write_bps", "device-write-bps" },
	{ "device_write_iops", "device-write-iops" },
};

static int
blkio_item(struct project *pj, yaml_node_t *n, void *arg)
{
	char *path, *v;
	int r;

	if (n->type != YAML_MAPPING_NODE)
		return cx_fail(pj, n, "a blkio_config device must be a "
		    "mapping with path");
	if ((path = cx_str(pj, cx_get(pj->cur, n, "path"))) == NULL)
		return -1;
	v = xasprintf("%s:1", path);
	r = cx_run_flag(pj, n, arg, v);
	free(v);
	free(path);
	return r;
}

static int
blkio_pair(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	const char *key = cx_sval(k);
	size_t i;

	(void)arg;
	/* A number: no risk, but the rule's deny_flags still see it. */
	if (key != NULL && strcmp(key, "weight") == 0)
		return cx_run_named(pj, k, "blkio-weight", cx_sval(v) ?
		    cx_sval(v) : "");
	for (i = 0; i < sizeof(blkio_flags) / sizeof(blkio_flags[0]); i++)
		if (key != NULL && strcmp(key, blkio_flags[i].key) == 0)
			return cx_each_item(pj, v, blkio_item,
			    (void *)blkio_flags[i].flag);
	return cx_fail(pj, k, "unknown blkio_config key %.60s (refused)",
	    key != NULL ? key : "");
}

static int
k_blkio(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	(void)k;
	(void)st;
	return cx_each_pair(pj, v, blkio_pair, NULL);
}

/* volumes_from: a service of this project, else as docker run. */
static int
volfrom_item(struct project *pj, yaml_node_t *n, void *arg)
{
	char *s, *c;
	int r;

	(void)arg;
	if ((s = cx_str(pj, n)) == NULL)
		return -1;
	if ((c = strchr(s, ':')) != NULL && strncmp(s, "container:", 10) != 0)
		*c = '\0';
	if (strncmp(s, "container:", 10) != 0 && strv_has(&pj->services, s))
		r = cx_run_named(pj, n, "volumes-from", s);
	else
		r = cx_run_flag(pj, n, "volumes-from", s);
	free(s);
	return r;
}

static int
k_volumes_from(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	(void)k;
	(void)st;
	return cx_each_item(pj, v, volfrom_item, NULL);
}

/* A short volume: relative sources are the project's; "~" is refused. */
static int
short_volume(struct project *pj, yaml_node_t *n)
{
	char *s, *abs = NULL, *spec;
	const char *colon;
	int r;

	if ((s = cx_str(pj, n)) == NULL)
		return -1;
	if (s[0] == '~') {
		free(s);
		return cx_fail(pj, n, "\"~\" sources are expanded by compose "
		    "on the gateway host and are refused");
	}
	spec = s;
	if (s[0] == '.') {
		colon = strchr(s, ':');
		abs = xstrndup(s, colon != NULL ? (size_t)(colon - s) :
		    strlen(s));
		spec = cx_join(pj->cur->dir, abs);
		free(abs);
		abs = xasprintf("%s%s", spec != NULL ? spec : "/",
		    colon != NULL ? colon : "");
		free(spec);
		spec = abs;
	}
	r = cx_run_flag(pj, n, "volume", spec);
	free(s);
	free(abs);
	return r;
}

/* CSV-safe: what we put in a --mount field must not add fields. */
static int
csv_safe(const char *s)
{
	return strpbrk(s, ",\"\r\n") == NULL;
}

static int
mount_field(struct project *pj, yaml_node_t *m, struct strv *f,
    const char *key, const char *name)
{
	yaml_node_t *v = cx_get(pj->cur, m, key);
	char *s;

	if (v == NULL)
		return 0;
	if ((s = cx_str(pj, v)) == NULL)
		return -1;
	if (!csv_safe(s)) {
		free(s);
		return cx_fail(pj, v, "commas and quotes are refused in %s",
		    key);
	}
	if (strcmp(key, "source") == 0 && (s[0] == '.' || s[0] == '~')) {
		char *a = s[0] == '.' ? cx_join(pj->cur->dir, s) : NULL;

		free(s);
		if (a == NULL)
			return cx_fail(pj, v, "\"~\" sources are refused");
		s = a;
	}
	strv_take(f, xasprintf("%s=%s", name, s));
	free(s);
	return 0;
}

/* Long volume syntax -> --mount CSV, read the way docker run reads it. */
static int
long_volume(struct project *pj, yaml_node_t *n)
{
	static const char *const known[] = { "type", "source", "target",
	    "read_only", "bind", "volume", "tmpfs", "consistency", "image",
	    NULL };
	struct strv f = { NULL, 0, 0 };
	yaml_node_t *b, *ro, *tm;
	yaml_node_pair_t *pr;
	const char *key;
	char *csv, *s = NULL;
	size_t i;
	int r = -1, ok;

	for (pr = n->data.mapping.pairs.start;
	    pr < n->data.mapping.pairs.top; pr++) {
		key = cx_sval(cx_node(pj->cur, pr->key));
		for (i = 0, ok = 0; known[i] != NULL && !ok; i++)
			ok = key != NULL && strcmp(key, known[i]) == 0;
		if (!ok)
			return cx_fail(pj, cx_node(pj->cur, pr->key), "unknown "
			    "volume key");
	}
	if (mount_field(pj, n, &f, "type", "type") != 0 ||
	    mount_field(pj, n, &f, "source", "source") != 0 ||
	    mount_field(pj, n, &f, "target", "target") != 0)
		goto out;
	b = cx_get(pj->cur, n, "bind");
	if (b != NULL && mount_field(pj, b, &f, "propagation",
	    "bind-propagation") != 0)
		goto out;
	/* tmpfs.size: bytes, or units as RAMInBytes reads them (compose-go
	 * UnitBytes), the way --mount tmpfs-size= is read */
	tm = cx_get(pj->cur, n, "tmpfs");
	if (tm != NULL && mount_field(pj, tm, &f, "size", "tmpfs-size") != 0)
		goto out;
	if ((ro = cx_get(pj->cur, n, "read_only")) != NULL) {
		if ((s = cx_str(pj, ro)) == NULL)
			goto out;
		if (cx_truthy(s))
			strv_push(&f, "readonly");
	}
	csv = xcalloc(1, 1);
	for (i = 0; i < f.n; i++) {
		char *t = xasprintf("%s%s%s", csv, i ? "," : "", f.v[i]);

		free(csv);
		csv = t;
	}
	r = cx_run_flag(pj, n, "mount", csv);
	free(csv);
out:
	free(s);
	strv_free(&f);
	return r;
}

static int
volume_item(struct project *pj, yaml_node_t *n, void *arg)
{
	(void)arg;
	if (n->type == YAML_MAPPING_NODE)
		return long_volume(pj, n);
	return short_volume(pj, n);
}

static int
k_volumes(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	(void)k;
	(void)st;
	return cx_each_item(pj, v, volume_item, NULL);
}

/* env_file / label_file: PATH or {path, required}; arg: cx_want or NULL. */
int
cx_envfile_item(struct project *pj, yaml_node_t *n, void *arg)
{
	yaml_node_t *p = n, *req;
	char *s, *rq = NULL;
	enum cx_want want = arg != NULL ? *(enum cx_want *)arg : CX_ENVFILE;
	int found = 0, r, optional = 0;

	if (n->type == YAML_MAPPING_NODE) {
		p = cx_get(pj->cur, n, "path");
		if ((req = cx_get(pj->cur, n, "required")) != NULL) {
			if ((rq = cx_str(pj, req)) == NULL)
				return -1;
			optional = !cx_truthy(rq);
			free(rq);
		}
	}
	if ((s = cx_str(pj, p)) == NULL)
		return -1;
	r = cx_resource(pj, n, s, &found, want);
	if (r == 0 && !found && !optional)
		r = cx_fail(pj, n, "%s does not exist", s);
	free(s);
	return r;
}

/*
 * env_file, label_file: compose reads them on the gateway host, confined
 * to the project (cx_resource), so --env-file's client-files class does
 * not apply; the run flag is held to deny_flags.
 */
static int
k_files(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	enum cx_want want = strcmp(k->name, "label_file") == 0 ?
	    CX_LABELFILE : CX_ENVFILE;

	if (k_named(pj, v, k, st) != 0)
		return -1;
	return cx_each_item(pj, v, cx_envfile_item, &want);
}

/* logging: {driver, options}. */
static int
logopt_pair(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	char *s, *kv;
	int r;

	(void)arg;
	if ((s = cx_str(pj, v)) == NULL)
		return -1;
	kv = xasprintf("%s=%s", cx_sval(k), s);
	r = cx_run_flag(pj, v, "log-opt", kv);
	free(kv);
	free(s);
	return r;
}

static int
k_logging(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	yaml_node_t *d, *o;
	char *s;
	int r = 0;

	(void)k;
	(void)st;
	if ((d = cx_get(pj->cur, v, "driver")) != NULL) {
		if ((s = cx_str(pj, d)) == NULL)
			return -1;
		r = cx_run_flag(pj, d, "log-driver", s);
		free(s);
	}
	if (r == 0 && (o = cx_get(pj->cur, v, "options")) != NULL)
		r = cx_each_pair(pj, o, logopt_pair, NULL);
	return r;
}

static int
k_image(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	(void)k;
	free(st->image);
	st->image = cx_str(pj, v);
	st->imagenode = v;
	return st->image != NULL ? 0 : -1;
}

static int
k_extends(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	(void)pj;
	(void)v;
	(void)k;
	st->extends = 1;	/* its file was loaded and is checked whole */
	return 0;
}

static int
k_never(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	(void)st;
	return cx_fail(pj, v, "%s", k->flag);
}

/* gpus: "all" or a list of device requests. */
static int
k_gpus(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	(void)k;
	(void)st;
	return cx_run_flag(pj, v, "gpus", "all");
}

/*
 * USER[:GROUP] names root: "root", or a number that is 0 however written
 * ("00": the runtime reads the number).
 */
static int
is_root_user(const char *s)
{
	size_t n = strcspn(s, ":");

	if (n == 4 && strncmp(s, "root", 4) == 0)
		return 1;
	return n > 0 && strspn(s, "0") == n;
}

/* A hook's other keys, as the flags of docker exec (and run) they mean. */
static const struct subflag hookflags[] = {
	{ "user", "user" },
	{ "environment", "env" },
	{ NULL, NULL },
};

/* post_start / pre_stop: {command, user, privileged, ...}. */
static int
hook_item(struct project *pj, yaml_node_t *n, void *arg)
{
	yaml_node_t *p, *u, *w;
	char *s;
	int r = 0;

	(void)arg;
	if (n->type != YAML_MAPPING_NODE)
		return cx_fail(pj, n, "a hook must be a mapping");
	if ((p = cx_get(pj->cur, n, "privileged")) != NULL) {
		if ((s = cx_str(pj, p)) == NULL)
			return -1;
		if (cx_truthy(s))
			r = cx_run_flag(pj, p, "privileged", "true");
		free(s);
	}
	if (r == 0 && (u = cx_get(pj->cur, n, "user")) != NULL &&
	    pj->judge && !(pj->rule->unsafe & RISK_PRIVILEGED)) {
		if ((s = cx_str(pj, u)) == NULL)
			return -1;
		if (is_root_user(s))
			r = cx_fail(pj, u, "a lifecycle hook as root is "
			    "refused (risk class privileged)");
		free(s);
	}
	/* compose execs the hook as docker exec --workdir would */
	if (r == 0 && (w = cx_get(pj->cur, n, "working_dir")) != NULL) {
		if ((s = cx_str(pj, w)) == NULL)
			return -1;
		r = cx_hook_flag(pj, w, EXEC_CMD, "workdir", s);
		free(s);
	}
	return r == 0 ? sub_named(pj, n, hookflags) : r;
}

static int
k_hooks(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	(void)k;
	(void)st;
	return cx_each_item(pj, v, hook_item, NULL);
}

/* develop.watch[]: path inside the project; exec hooks as above. */
static int
watch_item(struct project *pj, yaml_node_t *n, void *arg)
{
	yaml_node_t *p, *x;
	char *s;
	int r, found;

	(void)arg;
	if (n->type != YAML_MAPPING_NODE)
		return cx_fail(pj, n, "a watch rule must be a mapping");
	if ((p = cx_get(pj->cur, n, "path")) == NULL)
		return cx_fail(pj, n, "a watch rule needs a path");
	if ((s = cx_str(pj, p)) == NULL)
		return -1;
	r = cx_resource(pj, p, s, &found, CX_ANY);
	free(s);
	if (r == 0 && (x = cx_get(pj->cur, n, "exec")) != NULL)
		r = hook_item(pj, x, NULL);
	return r;
}

static int
develop_pair(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	(void)arg;
	if (strcmp(cx_sval(k), "watch") != 0)
		return cx_fail(pj, k, "unknown develop key %.60s", cx_sval(k));
	return cx_each_item(pj, v, watch_item, NULL);
}

static int
k_develop(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	(void)k;
	(void)st;
	return cx_each_pair(pj, v, develop_pair, NULL);
}

/*
 * deploy: compose applies resources and restart_policy to the container
 * as the run flags below; resources.reservations.devices gives devices
 * away; labels are checked as labels.
 */
static int
k_deploy(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	static const struct subflag limits[] = {
		{ "cpus", "cpus" },
		{ "memory", "memory" },
		{ "pids", "pids-limit" },
		{ NULL, NULL },
	}, reserv[] = {
		{ "memory", "memory-reservation" },
		{ NULL, NULL },
	}, top[] = {
		{ "restart_policy", "restart" },
		{ NULL, NULL },
	};
	yaml_node_t *res, *d;

	(void)k;
	(void)st;
	res = cx_get(pj->cur, v, "resources");
	if (sub_named(pj, v, top) != 0 ||
	    sub_named(pj, cx_get(pj->cur, res, "limits"), limits) != 0 ||
	    sub_named(pj, cx_get(pj->cur, res, "reservations"), reserv) != 0 ||
	    labels_of(pj, cx_get(pj->cur, v, "labels"), RUN_CMD) != 0)
		return -1;
	d = cx_get(pj->cur, cx_get(pj->cur, res, "reservations"), "devices");
	if (d == NULL)
		return 0;
	return cx_run_flag(pj, d, "gpus", "all") != 0 ? -1 :
	    cx_run_flag(pj, d, "device",
	    "deploy.resources.reservations.devices");
}

/* A build context of a compose service: in the project, or listed. */
static int
compose_context(struct project *pj, yaml_node_t *n, const char *s)
{
	if (strncmp(s, "docker-image://", 15) == 0 ||
	    strncmp(s, "service:", 8) == 0 || strncmp(s, "target:", 7) == 0)
		return 0;
	if (compose_is_remote(s))
		return strv_has(&pj->rule->contexts, s) ? 0 : cx_fail(pj, n,
		    "the remote build context %.200s is not in this rule's "
		    "contexts", s);
	return cx_resource(pj, n, s, NULL, CX_DIR);
}

static int
addctx_pair(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	char *s;
	int r;

	(void)k;
	(void)arg;
	if ((s = cx_str(pj, v)) == NULL)
		return -1;
	r = compose_context(pj, v, s);
	free(s);
	return r;
}

static int
addctx_item(struct project *pj, yaml_node_t *n, void *arg)
{
	char *s, *eq;
	int r;

	(void)arg;
	if ((s = cx_str(pj, n)) == NULL)
		return -1;
	eq = strchr(s, '=');
	r = compose_context(pj, n, eq != NULL ? eq + 1 : s);
	free(s);
	return r;
}

/* cache_from / cache_to: registry caches only, no local files. */
static int
cache_item(struct project *pj, yaml_node_t *n, void *arg)
{
	char *s;
	int r = 0;

	(void)arg;
	if ((s = cx_str(pj, n)) == NULL)
		return -1;
	/* buildx lower-cases the keys (and the type), as docker build does */
	if (strcasestr(s, "type=local") != NULL ||
	    strcasestr(s, "type=tar") != NULL ||
	    strcasestr(s, "src=") != NULL || strcasestr(s, "dest=") != NULL)
		r = cx_fail(pj, n, "a local build cache reads or writes files "
		    "on the gateway host (risk class client-files)");
	free(s);
	return r;
}

static int
tag_item(struct project *pj, yaml_node_t *n, void *arg)
{
	char *s;
	int r;

	(void)arg;
	if ((s = cx_str(pj, n)) == NULL)
		return -1;
	r = cx_hook_tag(pj, n, s);
	free(s);
	return r;
}

static int
build_scalar(struct project *pj, yaml_node_t *v, const char *cmd,
    const char *flag)
{
	char *s;
	int r;

	if ((s = cx_str(pj, v)) == NULL)
		return -1;
	r = cx_hook_flag(pj, v, cmd, flag, s);
	free(s);
	return r;
}

/* One key of a build mapping. */
static int
build_pair(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	static const char *const safe[] = { "args", "dockerfile_inline",
	    "extra_hosts", "labels", "no_cache", "pull", "shm_size",
	    "target", "platforms", "secrets", "provenance", "sbom",
	    "no_cache_filter", "dockerfile", NULL };
	const char *key = cx_sval(k);
	size_t i;

	(void)arg;
	for (i = 0; safe[i] != NULL; i++)
		if (strcmp(key, safe[i]) == 0)
			return 0;
	if (strcmp(key, "context") == 0)
		return addctx_item(pj, v, NULL);
	if (strcmp(key, "network") == 0)
		return build_scalar(pj, v, BUILD_CMD, "network");
	if (strcmp(key, "isolation") == 0)
		return build_scalar(pj, v, BUILD_CMD, "isolation");
	if (strcmp(key, "ssh") == 0)
		return cx_hook_flag(pj, v, BUILD_CMD, "ssh", "default");
	if (strcmp(key, "privileged") == 0)
		return k_bool(pj, v, &(struct svckey){ "privileged", NULL,
		    "privileged" }, NULL);
	if (strcmp(key, "ulimits") == 0)
		return k_ulimits(pj, v, NULL, NULL);
	if (strcmp(key, "additional_contexts") == 0)
		return v->type == YAML_MAPPING_NODE ?
		    cx_each_pair(pj, v, addctx_pair, NULL) :
		    cx_each_item(pj, v, addctx_item, NULL);
	if (strcmp(key, "cache_from") == 0 || strcmp(key, "cache_to") == 0)
		return cx_each_item(pj, v, cache_item, NULL);
	if (strcmp(key, "tags") == 0)
		return cx_each_item(pj, v, tag_item, NULL);
	if (strcmp(key, "entitlements") == 0)
		return cx_fail(pj, v, "build entitlements are never allowed");
	return cx_fail(pj, k, "unknown build key %.60s", key);
}

/* dockerfile_inline: held to the Dockerfile check as a file would be. */
static int
build_inline(struct project *pj, yaml_node_t *b)
{
	yaml_node_t *n = cx_get(pj->cur, b, "dockerfile_inline");
	char *s;
	int r;

	if (n == NULL)
		return 0;
	if ((s = cx_str(pj, n)) == NULL)
		return -1;
	r = cx_dockerfile(pj, n, "dockerfile_inline", s, strlen(s),
	    &cx_any_args);
	free(s);
	return r;
}

/*
 * The Dockerfile: relative to the context, inside the project, held to
 * the Dockerfile check (dockerfile.c); without a dockerfile key the
 * context's Dockerfile, if it has one.  b NULL: "build: CONTEXT" (c).
 */
static int
build_dockerfile(struct project *pj, yaml_node_t *b, yaml_node_t *c)
{
	yaml_node_t *d = NULL;
	char *cs = NULL, *ds = NULL, *p = NULL;
	int r = -1, found;

	if (b != NULL) {
		c = cx_get(pj->cur, b, "context");
		d = cx_get(pj->cur, b, "dockerfile");
		if (cx_get(pj->cur, b, "dockerfile_inline") != NULL)
			return build_inline(pj, b);
	}
	if ((d != NULL && (ds = cx_str(pj, d)) == NULL) ||
	    (c != NULL && (cs = cx_str(pj, c)) == NULL))
		goto out;
	if (cs != NULL && compose_is_remote(cs)) {
		r = 0;		/* a path inside the remote context */
		goto out;
	}
	p = xasprintf("%s/%s", cs != NULL ? cs : ".", ds != NULL ? ds :
	    "Dockerfile");
	r = cx_resource(pj, d != NULL ? d : c != NULL ? c : b,
	    ds != NULL && ds[0] == '/' ? ds : p, d != NULL ? NULL : &found,
	    CX_DOCKERFILE);
out:
	free(cs);
	free(ds);
	free(p);
	return r;
}

static int
k_build(struct project *pj, yaml_node_t *v, const struct svckey *k,
    struct svcstate *st)
{
	(void)k;
	st->build = 1;
	if (v->type == YAML_SCALAR_NODE)
		return addctx_item(pj, v, NULL) != 0 ? -1 :
		    build_dockerfile(pj, NULL, v);
	if (cx_each_pair(pj, v, build_pair, NULL) != 0)
		return -1;
	return build_dockerfile(pj, v, NULL);
}

/*
 * Every service key compose knows, and the docker run flag (long name) it
 * maps to: the flag is held to the rule's deny_flags, and where its value
 * can carry a risk class (fn other than k_named) to every check of docker
 * run.  flag NULL: no run flag (compose's own keys: depends_on, scale,
 * ...; command and entrypoint's positional arguments; configs and secrets,
 * checked at the top level).  k_never: flag is the reason.
 */
static const struct svckey service_keys[] = {
	{ "annotations", k_named, "annotation" },
	{ "attach", NULL, NULL },
	{ "blkio_config", k_blkio, "blkio-weight" },
	{ "build", k_build, NULL },
	{ "cap_add", k_list, "cap-add" },
	{ "cap_drop", k_list, "cap-drop" },
	{ "cgroup", k_nsmode, "cgroupns" },
	{ "cgroup_parent", k_list, "cgroup-parent" },
	{ "command", NULL, NULL },
	{ "configs", NULL, NULL },
	{ "container_name", k_named, "name" },
	{ "cpu_count", k_named, "cpu-count" },
	{ "cpu_percent", k_named, "cpu-percent" },
	{ "cpu_period", k_named, "cpu-period" },
	{ "cpu_quota", k_named, "cpu-quota" },
	{ "cpu_rt_period", k_list, "cpu-rt-period" },
	{ "cpu_rt_runtime", k_list, "cpu-rt-runtime" },
	{ "cpu_shares", k_named, "cpu-shares" },
	{ "cpus", k_named, "cpus" },
	{ "cpuset", k_named, "cpuset-cpus" },
	{ "credential_spec", k_never, "credential_spec is not supported" },
	{ "depends_on", NULL, NULL },
	{ "deploy", k_deploy, NULL },
	{ "develop", k_develop, NULL },
	{ "device_cgroup_rules", k_list, "device-cgroup-rule" },
	{ "devices", k_devices, "device" },
	{ "dns", k_named, "dns" },
	{ "dns_opt", k_named, "dns-option" },
	{ "dns_search", k_named, "dns-search" },
	{ "domainname", k_named, "domainname" },
	{ "entrypoint", k_named, "entrypoint" },
	{ "env_file", k_files, "env-file" },
	{ "environment", k_named, "env" },
	{ "expose", k_named, "expose" },
	{ "extends", k_extends, NULL },
	{ "external_links", k_list, "link" },
	{ "extra_hosts", k_named, "add-host" },
	{ "gpus", k_gpus, "gpus" },
	{ "group_add", k_named, "group-add" },
	{ "healthcheck", k_healthcheck, "health-cmd" },
	{ "hostname", k_named, "hostname" },
	{ "image", k_image, NULL },
	{ "init", k_bool, "init" },
	{ "ipc", k_nsmode, "ipc" },
	{ "isolation", k_list, "isolation" },
	{ "label_file", k_files, "label-file" },
	{ "labels", k_labels, "label" },
	{ "links", k_named, "link" },	/* services of this project */
	{ "logging", k_logging, "log-driver" },
	{ "mac_address", k_named, "mac-address" },
	{ "mem_limit", k_named, "memory" },
	{ "mem_reservation", k_named, "memory-reservation" },
	{ "mem_swappiness", k_named, "memory-swappiness" },
	{ "memswap_limit", k_named, "memory-swap" },
	{ "models", k_never, "models are not supported" },
	{ "network_mode", k_nsmode, "network" },
	{ "networks", k_networks, "network" }, /* top-level: checked */
	{ "oom_kill_disable", k_bool, "oom-kill-disable" },
	{ "oom_score_adj", k_list, "oom-score-adj" },
	{ "pid", k_nsmode, "pid" },
	{ "pids_limit", k_named, "pids-limit" },
	{ "platform", k_list, "platform" },	/* image-tags: the full check */
	{ "ports", k_named, "publish" },
	{ "post_start", k_hooks, NULL },
	{ "pre_stop", k_hooks, NULL },
	{ "privileged", k_bool, "privileged" },
	{ "profiles", NULL, NULL },
	{ "provider", k_never, "provider services run a host program "
	    "of the file's choice and are never allowed" },
	{ "pull_policy", k_named, "pull" },
	{ "read_only", k_bool, "read-only" },
	{ "restart", k_named, "restart" },
	{ "runtime", k_list, "runtime" },
	{ "scale", NULL, NULL },
	{ "secrets", NULL, NULL },	/* top-level secrets are checked */
	{ "security_opt", k_list, "security-opt" },
	{ "shm_size", k_named, "shm-size" },
	{ "stdin_open", k_bool, "interactive" },
	{ "stop_grace_period", k_named, "stop-timeout" },
	{ "stop_signal", k_named, "stop-signal" },
	{ "storage_opt", k_map, "storage-opt" },
	{ "sysctls", k_map, "sysctl" },
	{ "tmpfs", k_list, "tmpfs" },
	{ "tty", k_bool, "tty" },
	{ "ulimits", k_ulimits, "ulimit" },
	{ "use_api_socket", k_bool, "use-api-socket" },
	{ "user", k_named, "user" },
	{ "userns_mode", k_list, "userns" },
	{ "uts", k_nsmode, "uts" },
	{ "volume_driver", k_list, "volume-driver" },
	{ "volumes", k_volumes, "volume" },
	{ "volumes_from", k_volumes_from, "volumes-from" },
	{ "working_dir", k_list, "workdir" },
	{ NULL, NULL, NULL },
};

/*
 * The table, for tests: the i-th key, its run flag and 1 if only the
 * rule's deny_flags apply to it; NULL past the end.
 */
const char *
cx_service_key(size_t i, const char **flag, int *named)
{
	if (i >= sizeof(service_keys) / sizeof(service_keys[0]) - 1)
		return NULL;
	*flag = service_keys[i].fn == k_never ? NULL : service_keys[i].flag;
	*named = service_keys[i].fn == k_named ||
	    service_keys[i].fn == k_files;
	return service_keys[i].name;
}

static int
service_pair(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	const struct svckey *sk;
	const char *key = cx_sval(k);
	int r, judge;

	if (strncmp(key, "x-", 2) == 0)
		return 0;
	for (sk = service_keys; sk->name != NULL; sk++)
		if (strcmp(sk->name, key) == 0)
			break;
	if (sk->name == NULL)
		return cx_fail(pj, k, "unknown service key %.60s (refused)",
		    key);
	/*
	 * Not acted on: only the files compose reads for it are checked.
	 * But compose runs pre_stop hooks on stop and down, and a provider's
	 * program on down: hooks and never-allowed keys are always judged.
	 */
	if (!pj->judge && sk->fn != k_files && sk->fn != k_build &&
	    sk->fn != k_develop && sk->fn != k_hooks && sk->fn != k_never)
		return 0;
	if (sk->fn == NULL || v->type == YAML_NO_NODE ||
	    (cx_sval(v) != NULL && *cx_sval(v) == '\0' && sk->fn != k_never))
		return 0;
	judge = pj->judge;
	pj->judge |= sk->fn == k_hooks;
	pj->key = sk->name;
	r = sk->fn(pj, v, sk, arg);
	pj->key = NULL;
	pj->judge = judge;
	return r;
}

/* One service: its keys, then the image it runs or the tag it writes. */
int
cx_check_service(struct project *pj, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	struct svcstate st;
	char *def;
	int r, built;

	(void)arg;
	memset(&st, 0, sizeof(st));
	pj->svc = cx_sval(k);
	pj->limits_set = 0;
	pj->owned = 0;
	pj->net_given = 0;
	if (v->type != YAML_MAPPING_NODE)
		r = cx_fail(pj, v, "a service must be a mapping");
	else
		r = cx_each_pair(pj, v, service_pair, &st);
	/* the rule's limit defaults: compose cannot be given them */
	if (r == 0 && pj->judge && pj->h->service != NULL &&
	    pj->h->service(pj->h->ctx, pj->limits_set, pj->owned) != 0)
		r = cx_refail(pj, k);
	/* no networks, no network_mode: compose's default network */
	if (r == 0 && !pj->net_given && v->type == YAML_MAPPING_NODE &&
	    cx_joins_default(pj, pj->svc))
		r = cx_network_key(pj, k, "default", 1);
	/* an image label is a label of every container of the image */
	pj->key = "build";
	if (r == 0 && v->type == YAML_MAPPING_NODE)
		r = labels_of(pj, cx_get(pj->cur, cx_get(pj->cur, v, "build"),
		    "labels"), BUILD_CMD);
	pj->key = "image";
	built = st.build || strv_has(&pj->built, pj->svc);
	/* an image a build writes is a tag; extends may add a build */
	if (r == 0 && st.image != NULL && (built || st.extends))
		r = cx_hook_tag(pj, st.imagenode, st.image);
	if (r == 0 && st.image != NULL && !built)
		r = cx_hook_image(pj, st.imagenode, st.image);
	if (r == 0 && st.image == NULL && st.build) {
		def = xasprintf("%s-%s", pj->name, pj->svc);
		r = cx_hook_tag(pj, v, def);
		free(def);
	}
	pj->key = NULL;
	pj->svc = NULL;
	free(st.image);
	return r;
}

