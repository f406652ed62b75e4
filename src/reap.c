/*
 * reap.c: lifetimes (lifetime: in dockergate.yaml(5)).  A rule's lifetime:
 * is read here; the session labels each container it starts
 * REAP_LABEL=<expiry> (main.c); `dockergate reap`, run by root from a timer,
 * removes the containers whose own label says they have expired.
 *
 * Invariants:
 * - Only a container's own label counts: one its image carries (the
 *   caller may build or pull such an image) is ignored, as
 *   engine_container drops it.
 * - A label that is not a plain decimal number of seconds is never
 *   reaped.
 * - Removing a container that is already gone is not an error: reaps may
 *   run concurrently and repeatedly.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "decide.h"
#include "engine.h"
#include "policy.h"
#include "reap.h"
#include "run.h"
#include "util.h"


int
lifetime_parse(const char *text, long *secs, const char **errstr)
{
	static const struct { char unit; long mult; } units[] = {
		{ 's', 1 }, { 'm', 60 }, { 'h', 3600 }, { 'd', 86400 } };
	size_t len = strlen(text), i;
	long v = 0;
	const char *p;

	*secs = 0;
	if (len < 2 || len >= LIFETIME_TEXT_MAX || text[0] == '0')
		goto bad;
	for (p = text; p < text + len - 1; p++) {
		if (*p < '0' || *p > '9')
			goto bad;
		v = v * 10 + (*p - '0');
	}
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (text[len - 1] == units[i].unit) {
			if (v > LIFETIME_MAX / units[i].mult)
				break;
			*secs = v * units[i].mult;
			return 0;
		}
bad:
	*errstr = "a duration is a positive whole number and one unit, s, "
	    "m, h or d (\"90m\", \"2h\"), at most 366d";
	return -1;
}

/* A plain decimal expiry, or -1. */
static long long
expiry(const char *s)
{
	long long v = 0;
	size_t n = strlen(s), i;

	if (n == 0 || n > REAP_EXPIRES_MAX - 2 || (s[0] == '0' && n > 1))
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* The expiry of one container by its own labels, or -1 (none, gone). */
static int
own_expiry(const char *host, const char *id, struct target *t,
    long long *exp, const char **errstr)
{
	int unavailable = 0;
	size_t i;

	*exp = -1;
	if (engine_container(host, id, t, &unavailable, errstr) != 0)
		return unavailable ? -1 : 0;	/* gone since the listing */
	for (i = 0; i < t->nlabels; i++)
		if (strcmp(t->labels[i].key, REAP_LABEL) == 0)
			*exp = expiry(t->labels[i].value);
	return 0;
}

int
reap_select(const char *host, long long now, struct reap_item **items,
    size_t *n, const char **errstr)
{
	struct strv ids = { NULL, 0, 0 };
	struct target t;
	long long exp;
	int unavailable;
	size_t i;

	*items = NULL;
	*n = 0;
	if (engine_list_labelled(host, REAP_LABEL, &ids, &unavailable,
	    errstr) != 0)
		return -1;
	for (i = 0; i < ids.n && i < REAP_MAX; i++) {
		memset(&t, 0, sizeof(t));
		if (own_expiry(host, ids.v[i], &t, &exp, errstr) != 0) {
			reap_items_free(*items, *n);
			*items = NULL;
			*n = 0;
			strv_free(&ids);
			return -1;
		}
		if (exp >= 0 && exp <= now) {
			*items = xreallocarray(*items, *n + 1, sizeof(**items));
			(*items)[*n].id = xstrdup(t.id);
			(*items)[*n].name = xstrdup(t.name);
			(*items)[(*n)++].expires = exp;
		}
		decide_target_free(&t);
	}
	strv_free(&ids);
	return 0;
}

void
reap_items_free(struct reap_item *it, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(it[i].id);
		free(it[i].name);
	}
	free(it);
}

/* 1 if the engine no longer knows id (an error answer, not a failure). */
static int
gone(const struct policy *pol, const char *id)
{
	struct target t;
	const char *err;
	int unavailable = 0;

	memset(&t, 0, sizeof(t));
	if (engine_container(pol->host, id, &t, &unavailable, &err) != 0)
		return !unavailable;
	decide_target_free(&t);
	return 0;
}

/*
 * docker rm -f ID; "gone" when another reap (or anyone) removed it first.
 * A removal already in progress elsewhere fails docker rm: try again a
 * few times before calling it failed.
 */
static const char *
remove_one(const struct policy *pol, const struct passwd *pw,
    const struct reap_item *it)
{
	char *argv[] = { "docker", "container", "rm", "--force=true",
	    it->id, NULL };
	struct run_spec spec;
	const char *err;
	char *out;
	int status, r, try;

	memset(&spec, 0, sizeof(spec));
	spec.binary = pol->binary;
	spec.argv = argv;
	spec.host = pol->host;
	spec.config_dir = pol->config_dir;
	spec.home = pw->pw_dir;
	spec.user = pw->pw_name;
	for (try = 0; try < REAP_TRIES; try++) {
		out = NULL;
		status = -1;
		r = run_capture_docker(&spec, &out, REAP_OUT_MAX, &status,
		    &err);
		free(out);
		if (r == 0 && status == 0)
			return "removed";
		if (gone(pol, it->id))
			return "gone";
		(void)usleep(REAP_RETRY_MS * 1000);
	}
	return "failed";
}

static int
reap_all(const struct policy *pol, struct audit *a, int dry_run)
{
	struct passwd *pw = getpwuid(geteuid());
	struct reap_item *it;
	const char *err, *res;
	size_t n, i;
	int rc = 0;

	if (pw == NULL) {
		fprintf(stderr, "dockergate: reap: who am I?\n");
		return EX_UNAVAILABLE;
	}
	if (reap_select(pol->host, (long long)time(NULL), &it, &n, &err) != 0) {
		fprintf(stderr, "dockergate: reap: unavailable: %s\n", err);
		return EX_UNAVAILABLE;
	}
	for (i = 0; i < n; i++) {
		res = dry_run ? "would remove" : remove_one(pol, pw, &it[i]);
		printf("%s %s %s (expired at %lld)\n", res, it[i].id,
		    it[i].name, it[i].expires);
		if (strcmp(res, "failed") == 0)
			rc = EX_UNAVAILABLE;
		if (!dry_run && audit_reap(a, it[i].id, it[i].name,
		    it[i].expires, res, &err) != 0 && pol->audit_required) {
			fprintf(stderr, "dockergate: reap: audit log "
			    "unavailable: %s\n", err);
			rc = EX_UNAVAILABLE;
			break;
		}
	}
	reap_items_free(it, n);
	return rc;
}

int
reap_main(int argc, char **argv)
{
	struct strv errs = { NULL, 0, 0 };
	const char *path = POLICY_DEFAULT_PATH, *err;
	struct policy *pol = NULL;
	struct audit a;
	int i, dry_run = 0, perm = 0, rc;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--policy") == 0 && i + 1 < argc)
			path = argv[++i];
		else if (strcmp(argv[i], "--dry-run") == 0)
			dry_run = 1;
		else {
			fprintf(stderr, "usage: dockergate reap [--policy FILE] "
			    "[--dry-run]\ndockergate: invalid arguments\n");
			return REAP_EX_USAGE;
		}
	}
	if (policy_load(path, &pol, &errs, &perm) != 0) {
		fprintf(stderr, "dockergate: configuration error: %s\n",
		    errs.n ? errs.v[0] : path);
		strv_free(&errs);
		return EX_CONFIG;
	}
	memset(&a, 0, sizeof(a));
	if (!dry_run && audit_open(&a, pol->audit_file, pol->audit_syslog,
	    pol->audit_required, "root", "", "", &err) != 0 &&
	    pol->audit_required) {
		fprintf(stderr, "dockergate: reap: audit log unavailable: %s\n",
		    err);
		policy_free(pol);
		return EX_UNAVAILABLE;
	}
	rc = reap_all(pol, &a, dry_run);
	if (!dry_run)
		audit_close(&a);
	policy_free(pol);
	return rc;
}
