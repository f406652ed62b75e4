/*
 * values.c: the risk a flag's value adds, read the way the docker CLI and
 * the daemon read it (dockergate.yaml(5), RISK CLASSES).
 *
 * Invariants:
 * - Values MUST be normalized (case, "CAP_" prefix, legacy ':' separators,
 *   --network long syntax) before they are compared; the risk decision
 *   never looks at the typed text.
 * - Where docker compares case-sensitively but a case variant could still
 *   reach the same setting through another path (--network long syntax
 *   lower-cases), every case variant MUST be treated as the risky one.
 * - Non-ASCII text in a name that docker case-folds MUST be an error: Go's
 *   Unicode case mapping folds e.g. U+017F to 'S' and U+0130 to 'i'.
 * - A value we cannot read MUST be an error (denied), never "no risk".
 * - Only values that take privileges away may return no risk.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "mounts.h"
#include "util.h"
#include "values.h"

#define VALUES_MAX_NAME		64	/* bytes in a capability name */

static char errbuf[256];

static const char WHY_CAP[] = "adds Linux capabilities";
static const char WHY_SECOPT[] = "loosens the container's confinement";
static const char WHY_SECCOMP_FILE[] =
    "makes the docker CLI read a seccomp profile file on this host";
static const char WHY_HOSTNS[] = "joins a namespace of the host";
static const char WHY_OTHERNS[] = "joins another container's namespace";
static const char WHY_LABEL[] =
    "sets a label with the reserved dockergate. prefix";
static const char WHY_CHANGE_LABEL[] =
    "names the reserved dockergate. label prefix";
static const char WHY_CHANGE_SPLIT[] = "continues into the next --change "
    "line (a line break or a trailing escape)";
static const char WHY_CHANGE_EXPAND[] = "is a LABEL or ONBUILD line with $, "
    "which can expand to the reserved dockergate. label prefix";
static const char WHY_PRUNE_DANGLING[] = "a dangling= filter can widen the "
    "prune to every unused image, as -a does";
static const char WHY_WORKDIR[] = "puts the working directory under /proc, "
    "/sys or /dev/fd (runc CVE-2024-21626 class)";

static const char WHY_VOLDRIVER[] = "a volume driver other than the "
    "built-in local one can mount host or remote storage";

static const char WHY_DEVPATH[] = "names a path that is not a clean path "
    "under /dev, which the daemon would look up on the host as root";

static int
bad(const char **errstr, const char *what, const char *value)
{
	*errstr = errfmt(errbuf, sizeof(errbuf), "invalid %s: %.64s", what,
	    value);
	return -1;
}

char *
values_cap_normalize(const char *name)
{
	char buf[VALUES_MAX_NAME];
	size_t len, i;

	if (name == NULL)
		return NULL;
	while (isspace((unsigned char)*name))
		name++;
	for (len = strlen(name); len > 0 &&
	    isspace((unsigned char)name[len - 1]); len--)
		;
	if (len == 0 || len >= sizeof(buf))
		return NULL;
	for (i = 0; i < len; i++) {
		/* ASCII only: Go's ToUpper folds some non-ASCII letters. */
		if (!isalnum((unsigned char)name[i]) && name[i] != '_')
			return NULL;
		buf[i] = (char)toupper((unsigned char)name[i]);
	}
	buf[len] = '\0';
	if (strncmp(buf, "CAP_", 4) == 0 && buf[4] != '\0')
		return xstrdup(buf + 4);
	return xstrdup(buf);
}

static int
risk_cap(const char *value, unsigned *risk, const char **why,
    const char **errstr)
{
	char *cap;

	if ((cap = values_cap_normalize(value)) == NULL)
		return bad(errstr, "capability", value);
	free(cap);
	/* Every capability, "ALL" included, is beyond the default set. */
	*risk = RISK_CAPABILITIES;
	*why = WHY_CAP;
	return 0;
}

/* Go strconv.ParseBool: 1 true, 0 false, -1 not a bool. */
static int
go_bool(const char *v)
{
	static const char *const t[] = { "1", "t", "T", "TRUE", "true",
	    "True", NULL };
	static const char *const f[] = { "0", "f", "F", "FALSE", "false",
	    "False", NULL };
	size_t i;

	for (i = 0; t[i] != NULL; i++)
		if (strcmp(v, t[i]) == 0)
			return 1;
	for (i = 0; f[i] != NULL; i++)
		if (strcmp(v, f[i]) == 0)
			return 0;
	return -1;
}

/* Risk of one security option, key lower-cased, v non-empty. */
static int
secopt_key(const char *key, const char *v, unsigned *risk, const char **why,
    const char **errstr)
{
	int b;

	if (strcmp(key, "no-new-privileges") == 0) {
		if ((b = go_bool(v)) == -1)
			return bad(errstr, "no-new-privileges value", v);
		*risk = b ? 0 : RISK_SECURITY_OPTIONS;
		*why = b ? NULL : WHY_SECOPT;
		return 0;
	}
	*risk = RISK_SECURITY_OPTIONS;
	*why = WHY_SECOPT;
	if (strcmp(key, "seccomp") == 0 && strcmp(v, "builtin") != 0 &&
	    strcmp(v, "unconfined") != 0) {
		*risk |= RISK_CLIENT_FILES;
		*why = WHY_SECCOMP_FILE;
	}
	return 0;
}

/* CLI parseSecurityOpts: split at '=', else (not nnp) at ':'. */
static int
risk_secopt(const char *value, unsigned *risk, const char **why,
    const char **errstr)
{
	char *key, *v, *p;
	int rc = 0;

	key = xstrdup(value);
	for (p = key; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	if (strcmp(key, "no-new-privileges") == 0)
		goto out;	/* takes a privilege away */
	if ((v = strchr(key, '=')) == NULL)
		v = strchr(key, ':');
	if (v == NULL || v[1] == '\0') {
		rc = bad(errstr, "--security-opt", value);
		goto out;
	}
	*v = '\0';
	/* The value keeps its case: "true" vs "TRUE" matter to ParseBool. */
	rc = secopt_key(key, value + (v - key) + 1, risk, why, errstr);
out:
	free(key);
	return rc;
}

/* Risk of a network / namespace mode name after normalization. */
static void
mode_risk(const char *mode, unsigned *risk, const char **why)
{
	if (strcasecmp(mode, "host") == 0) {
		*risk = RISK_HOST_NAMESPACES;
		*why = WHY_HOSTNS;
	} else if (strncasecmp(mode, "container:", 10) == 0) {
		*risk = RISK_OTHER_CONTAINERS;
		*why = WHY_OTHERNS;
	}
}

static int
is_word(int c)
{
	return isalnum(c) || c == '_';
}

/* The unanchored regexp \w+=\w+(,\w+=\w+)* matches iff some '=' sits
 * between two word characters. */
static int
network_long(const char *s)
{
	size_t i;

	if (s[0] == '\0')
		return 0;
	for (i = 1; s[i] != '\0'; i++)
		if (s[i] == '=' && is_word((unsigned char)s[i - 1]) &&
		    is_word((unsigned char)s[i + 1]))
			return 1;
	return 0;
}

static const char *const netkeys[] = { "name", "alias", "ip", "ip6",
	"mac-address", "link-local-ip", "driver-opt", "gw-priority", NULL };

/* One lower-cased long-syntax field; sets *name for "name". */
static int
network_field(char *field, const char **name, const char **errstr)
{
	char *p, *v, *end;
	size_t i;

	for (p = field; *p != '\0'; p++) {
		if ((unsigned char)*p >= 0x80)
			return bad(errstr, "--network field (non-ASCII)",
			    field);
		*p = (char)tolower((unsigned char)*p);
	}
	if ((v = strchr(field, '=')) == NULL)
		return bad(errstr, "--network field", field);
	*v++ = '\0';
	while (isspace((unsigned char)*v))
		v++;
	for (end = v + strlen(v); end > v && isspace((unsigned char)end[-1]);)
		*--end = '\0';
	for (p = field; isspace((unsigned char)*p); p++)
		;
	for (end = p + strlen(p); end > p && isspace((unsigned char)end[-1]);)
		*--end = '\0';
	for (i = 0; netkeys[i] != NULL; i++)
		if (strcmp(p, netkeys[i]) == 0)
			break;
	if (netkeys[i] == NULL)
		return bad(errstr, "--network key", p);
	if (i == 0)
		*name = v;	/* last "name" wins */
	return 0;
}

static int
risk_network(const char *value, unsigned *risk, const char **why,
    const char **errstr)
{
	struct strv f = { NULL, 0, 0 };
	const char *name = NULL;
	size_t i;
	int rc = -1;

	if (!network_long(value)) {
		mode_risk(value, risk, why);
		return 0;
	}
	if (mounts_csv(value, &f, errstr) == -1)
		return -1;
	for (i = 0; i < f.n; i++)
		if (network_field(f.v[i], &name, errstr) == -1)
			goto out;
	if (name == NULL || *name == '\0') {
		*errstr = "--network long syntax needs name=";
		goto out;
	}
	mode_risk(name, risk, why);
	rc = 0;
out:
	strv_free(&f);
	return rc;
}

/* --pid, --ipc, --uts: host, container:X, or a private mode. */
static int
risk_nsmode(const char *value, unsigned *risk, const char **why,
    const char **errstr)
{
	static const char *const ok[] = { "", "private", "shareable", "none",
	    NULL };
	size_t i;

	if (strcmp(value, "host") == 0 ||
	    (strncmp(value, "container:", 10) == 0 && value[10] != '\0')) {
		mode_risk(value, risk, why);
		return 0;
	}
	for (i = 0; ok[i] != NULL; i++)
		if (strcmp(value, ok[i]) == 0)
			return 0;
	return bad(errstr, "namespace mode", value);
}

/* --userns (private == "") and --cgroupns (adds "private"). */
static int
risk_hostonly(const char *value, int private_ok, unsigned *risk,
    const char **why, const char **errstr)
{
	if (strcmp(value, "host") == 0) {
		mode_risk(value, risk, why);
		return 0;
	}
	if (value[0] == '\0' || (private_ok && strcmp(value, "private") == 0))
		return 0;
	return bad(errstr, "namespace mode", value);
}

int
values_label_reserved(const char *key)
{
	/* Any case: a look-alike of our own labels is reserved too. */
	return strncasecmp(key, LABEL_RESERVED, strlen(LABEL_RESERVED)) == 0;
}

/* ValidateLabel: key before '=', leading blanks removed. */
static int
risk_label(const char *value, unsigned *risk, const char **why)
{
	value += strspn(value, " \t");
	if (values_label_reserved(value)) {
		*risk = RISK_NEVER;
		*why = WHY_LABEL;
	}
	return 0;
}

/*
 * commit/import --change: the daemon joins every value with line breaks and
 * reads the whole as a Dockerfile (quotes, \\ or ` escapes, line
 * continuations, ${VAR} from the image's environment in LABEL).  Not a
 * parser, a cheap fence in front of the real check (labels an image gives
 * a container never count as the gateway's, engine_container): refuse a
 * value that spells the reserved prefix once quotes and escapes are
 * removed, one that runs into the next value, and a LABEL or ONBUILD one
 * with $.
 */
static int
risk_change(const char *value, unsigned *risk, const char **why)
{
	char *flat = xmalloc(strlen(value) + 1);
	const char *p, *last = "";
	size_t n = 0, w;

	for (p = value; *p != '\0'; p++) {
		if (!isspace((unsigned char)*p))
			last = p;
		if (strchr("\"'\\`", *p) == NULL)
			flat[n++] = *p;
	}
	flat[n] = '\0';
	value += strspn(value, " \t");
	w = strcspn(value, " \t");
	*risk = RISK_NEVER;
	if (strcasestr(flat, LABEL_RESERVED) != NULL)
		*why = WHY_CHANGE_LABEL;
	else if (strpbrk(value, "\r\n") != NULL || *last == '\\' ||
	    *last == '`')
		*why = WHY_CHANGE_SPLIT;
	else if (((w == 5 && strncasecmp(value, "LABEL", 5) == 0) ||
	    (w == 7 && strncasecmp(value, "ONBUILD", 7) == 0)) &&
	    strchr(value, '$') != NULL)
		*why = WHY_CHANGE_EXPAND;
	else
		*risk = 0;
	free(flat);
	return 0;
}

/*
 * PATH:VALUE of --device-read-bps and the like (strings.Cut at the first
 * ':', as the CLI's validators do): the daemon stats PATH as root, so a
 * path that is not clean, not under /dev/, or under /dev/fd (a link to
 * the daemon's own open files) tells whether a host file exists.
 */
static int
risk_devpath(const char *value, unsigned *risk, const char **why)
{
	char *path, *clean;
	size_t n = strcspn(value, ":");

	path = xstrndup(value, n);
	clean = mounts_clean_path(path);
	if (clean == NULL || strcmp(clean, path) != 0 ||
	    !mounts_under(clean, "/dev") || strcmp(clean, "/dev") == 0 ||
	    mounts_under(clean, "/dev/fd")) {
		*risk = RISK_DEVICES;
		*why = WHY_DEVPATH;
	}
	free(clean);
	free(path);
	return 0;
}

static int
risk_workdir(const char *value, unsigned *risk, const char **why,
    const char **errstr)
{
	char *clean;

	if (value[0] == '\0')
		return 0;	/* the image's own working directory */
	if ((clean = mounts_clean_path(value)) == NULL)
		return bad(errstr, "working directory (not absolute)", value);
	/* runc makes /dev/fd a link to /proc/self/fd in every container */
	if (mounts_under(clean, "/proc") || mounts_under(clean, "/sys") ||
	    mounts_under(clean, "/dev/fd")) {
		*risk = RISK_KERNEL;
		*why = WHY_WORKDIR;
	}
	free(clean);
	return 0;
}

/*
 * The network a --network value names: the value itself, or the last
 * name= of the long syntax, trimmed, in its own case (the docker CLIs
 * checked, 20.10 and 28.2, lower-case it; whether a given CLI does is not
 * known here: the caller must hold both).
 */
int
values_network_name(const char *value, char **name, const char **errstr)
{
	struct strv f = { NULL, 0, 0 };
	const char *v, *found = NULL;
	size_t i, n;
	int rc = -1;

	*name = NULL;
	if (!network_long(value)) {
		*name = xstrdup(value);
		return 0;
	}
	if (mounts_csv(value, &f, errstr) == -1)
		return -1;
	for (i = 0; i < f.n; i++) {
		v = f.v[i] + strspn(f.v[i], " \t");
		n = strcspn(v, "=");
		while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
			n--;
		if (n == 4 && strncasecmp(v, "name", 4) == 0 &&
		    strchr(v, '=') != NULL)
			found = strchr(v, '=') + 1;
	}
	if (found != NULL) {
		found += strspn(found, " \t");
		for (n = strlen(found); n > 0 && (found[n - 1] == ' ' ||
		    found[n - 1] == '\t'); n--)
			;
		if (n > 0) {
			*name = xstrndup(found, n);
			rc = 0;
		}
	}
	if (rc != 0)
		*errstr = "--network long syntax needs name=";
	strv_free(&f);
	return rc;
}

int
values_filter_key_is(const char *v, const char *key)
{
	size_t n;

	v += strspn(v, " \t");
	n = strcspn(v, "=");
	if (v[n] != '=')
		return 0;
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	return n == strlen(key) && strncasecmp(v, key, n) == 0;
}

/* volume create --driver: exactly "local" is no plugin (-o is judged apart). */
static int
risk_voldriver(const char *value, unsigned *risk, const char **why)
{
	if (strcmp(value, "local") != 0) {
		*risk = RISK_VOLUME_DRIVERS;
		*why = WHY_VOLDRIVER;
	}
	return 0;
}

/*
 * A prune --filter: docker ORs a dangling= value with the one -a sets, and
 * the daemon then prunes every unused image, tagged ones too.
 */
static int
risk_prune_filter(const char *value, unsigned *risk, const char **why)
{
	if (values_filter_key_is(value, "dangling")) {
		*risk = RISK_DATA_LOSS;
		*why = WHY_PRUNE_DANGLING;
	}
	return 0;
}

int
values_risk(const struct flagdef *def, const char *value, unsigned *risk,
    const char **why, const char **errstr)
{
	*risk = 0;
	*why = NULL;
	if (def == NULL || value == NULL) {
		*errstr = "values: no flag or value";
		return -1;
	}
	if (def->type == VT_BOOL)
		return 0;
	switch (def->kind) {
	case VK_CAPADD:
		return risk_cap(value, risk, why, errstr);
	case VK_SECOPT:
		return risk_secopt(value, risk, why, errstr);
	case VK_NETWORK:
		return risk_network(value, risk, why, errstr);
	case VK_NSMODE:
		return risk_nsmode(value, risk, why, errstr);
	case VK_USERNS:
		return risk_hostonly(value, 0, risk, why, errstr);
	case VK_CGROUPNS:
		return risk_hostonly(value, 1, risk, why, errstr);
	case VK_LABEL:
		return risk_label(value, risk, why);
	case VK_CHANGE:
		return risk_change(value, risk, why);
	case VK_WORKDIR:
		return risk_workdir(value, risk, why, errstr);
	case VK_PRUNE_FILTER:
		return risk_prune_filter(value, risk, why);
	case VK_DEVPATH:
		return risk_devpath(value, risk, why);
	case VK_VOLDRIVER:
		return risk_voldriver(value, risk, why);
	case VK_PLAIN:
	case VK_VOLUME:
	case VK_MOUNT:
	case VK_TMPFS:
	case VK_IMAGE:
	case VK_OUTPUT:
	case VK_TASK_FILTER:
	case VK_PROJECT_FILE:
	case VK_NAMES:
	case VK_PLATFORM:
		return 0;
	}
	*errstr = "values: unknown value kind";
	return -1;
}
