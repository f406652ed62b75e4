/*
 * mounts.c: -v, --mount and --tmpfs values read the way the docker CLI and
 * then the daemon read them (dockergate.yaml(5), MOUNTS AND BINDS).
 *
 * Invariants:
 * - The type of a mount MUST be the daemon's: a -v source that is absolute
 *   after the CLI's rewrite of '.'-relative sources is a bind, whatever the
 *   rest of the spec says.
 * - A bind source MUST be returned absolute and lexically cleaned, with
 *   `dotdot` set when the source as typed had a ".." component, so that
 *   the caller never compares the raw text.
 * - --mount keys MUST be compared case-insensitively and the last
 *   occurrence of a key MUST win, as in the CLI; a key, mode or value we do
 *   not know MUST be an error, never ignored.
 * - Anything the CLI or the daemon could read in more than one way (the
 *   drive-letter quirk of -v, a ':' in a rewritten source, non-ASCII text
 *   that Go's Unicode lower-casing could fold to ASCII, carriage returns in
 *   CSV) MUST be an error.
 * - A target at or below /proc, /sys or /dev MUST be reported by
 *   mounts_target_kernel, judged on the cleaned target ("//proc/.",
 *   "/x/../proc/" are "/proc"; Linux paths do not fold case).
 * - On error *m MUST be left empty (all members NULL), so freeing it is
 *   always safe.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "mounts.h"
#include "util.h"

#define MOUNTS_MAX_SPEC		8192	/* bytes in one -v/--mount/--tmpfs */
#define MOUNTS_MAX_FIELDS	64	/* CSV fields in one --mount value */
#define MOUNTS_MAX_KEY		32	/* bytes in one --mount key */
#define VOLUME_MAX_FIELDS	3	/* source:target:mode */

/* Families of --mount keys that are only valid with one type. */
#define FAM_BIND	0x1u
#define FAM_VOLUME	0x2u
#define FAM_IMAGE	0x4u
#define FAM_TMPFS	0x8u

static char errbuf[256];

static int
fail(struct mount *m, const char **errstr, const char *msg)
{
	mounts_free(m);
	*errstr = msg;
	return -1;
}

char *
mounts_clean_path(const char *path)
{
	const char *s, *e;
	char *out;
	size_t n, o;

	if (path == NULL || path[0] != '/')
		return NULL;
	out = xmalloc(strlen(path) + 1);
	out[0] = '/';
	o = 1;
	for (s = path; *s != '\0'; s = e) {
		while (*s == '/')
			s++;
		if (*s == '\0')
			break;
		for (e = s; *e != '\0' && *e != '/'; e++)
			;
		n = (size_t)(e - s);
		if (n == 1 && s[0] == '.')
			continue;
		if (n == 2 && s[0] == '.' && s[1] == '.') {
			/* ".." at the root stays at the root (path.Clean). */
			while (o > 1 && out[o - 1] != '/')
				o--;
			if (o > 1)
				o--;
			continue;
		}
		if (o > 1)
			out[o++] = '/';
		memcpy(out + o, s, n);
		o += n;
	}
	out[o] = '\0';
	return out;
}

int
mounts_under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return strncmp(path, dir, n) == 0 && (path[n] == '\0' ||
	    path[n] == '/');
}

/*
 * A volume or tmpfs over the kernel's trees is the runc CVE-2019-16884
 * pattern: runc then writes AppArmor labels and sysctls into files the
 * mount supplies.  /dev/shm is exempt: an ordinary tmpfs that docker
 * mounts itself and that containers share by design (--ipc, -v).
 */
int
mounts_target_kernel(const struct mount *m)
{
	static const char *const trees[] = { "/proc", "/sys", "/dev" };
	size_t i;

	if (m == NULL || m->target == NULL)
		return 0;
	if (mounts_under(m->target, "/dev/shm"))
		return 0;
	for (i = 0; i < sizeof(trees) / sizeof(trees[0]); i++)
		if (mounts_under(m->target, trees[i]))
			return 1;
	return 0;
}

/*
 * The CLI's rewrite of a source (v28.2+): not absolute and starting with
 * '.' -> filepath.Abs against cwd.  Returns a new string, or NULL with
 * *errstr when cwd is unusable.
 */
static char *
rewrite_source(const char *src, const char *cwd, const char **errstr)
{
	char *joined, *abs;

	if (src[0] != '.')
		return xstrdup(src);
	if (cwd == NULL || cwd[0] != '/') {
		*errstr = "relative mount source without an absolute working "
		    "directory";
		return NULL;
	}
	joined = xasprintf("%s/%s", cwd, src);
	abs = mounts_clean_path(joined);
	free(joined);
	return abs;
}

/* Local-driver volume names: ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$ */
static int
volume_name_valid(const char *s)
{
	size_t i;

	if (!isalnum((unsigned char)s[0]) || s[1] == '\0')
		return 0;
	for (i = 1; s[i] != '\0'; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_' &&
		    s[i] != '.' && s[i] != '-')
			return 0;
	return 1;
}

/* Container-side path: absolute, not "/"; m->target gets the clean form. */
static int
set_target(struct mount *m, const char *target, const char **errstr)
{
	char *t;

	if (target == NULL || target[0] == '\0') {
		*errstr = "mount target is required";
		return -1;
	}
	if ((t = mounts_clean_path(target)) == NULL) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "mount target must be absolute: %.64s", target);
		return -1;
	}
	if (strcmp(t, "/") == 0) {
		free(t);
		*errstr = "mount target must not be /";
		return -1;
	}
	m->target = t;
	return 0;
}

/*
 * Classify a source the daemon's way and store it: absolute -> bind
 * (cleaned, dotdot noted), else a local volume name.  raw is the source
 * as the client typed it.
 */
static int
set_source(struct mount *m, const char *raw, const char *cwd, int bindonly,
    const char **errstr)
{
	char *src;

	if ((src = rewrite_source(raw, cwd, errstr)) == NULL)
		return -1;
	if (src[0] == '/') {
		m->type = MOUNT_BIND;
		m->source = mounts_clean_path(src);
		m->dotdot = path_has_dotdot(raw);
		free(src);
		return 0;
	}
	if (bindonly || !volume_name_valid(src)) {
		*errstr = errfmt(errbuf, sizeof(errbuf), bindonly ?
		    "bind source must be absolute: %.64s" :
		    "invalid volume name: %.64s", raw);
		free(src);
		return -1;
	}
	m->type = MOUNT_VOLUME;
	m->source = src;
	return 0;
}

/* -v mode options, each class at most once (daemon linuxValidMountMode). */
static const struct {
	const char	*name;
	unsigned	 class;
} volmodes[] = {
	{ "rw", 0 }, { "ro", 0 }, { "z", 1 }, { "Z", 1 },
	{ "private", 2 }, { "rprivate", 2 }, { "shared", 2 },
	{ "rshared", 2 }, { "slave", 2 }, { "rslave", 2 },
	{ "nocopy", 3 },
	{ "consistent", 4 }, { "cached", 4 }, { "delegated", 4 },
};

static int
volume_option(struct mount *m, const char *opt, unsigned *seen,
    const char **errstr)
{
	size_t i;

	for (i = 0; i < sizeof(volmodes) / sizeof(volmodes[0]); i++) {
		if (strcmp(opt, volmodes[i].name) != 0)
			continue;
		if (*seen & (1u << volmodes[i].class)) {
			*errstr = errfmt(errbuf, sizeof(errbuf),
			    "conflicting volume mode: %.32s", opt);
			return -1;
		}
		*seen |= 1u << volmodes[i].class;
		if (strcmp(opt, "ro") == 0)
			m->readonly = 1;
		if (volmodes[i].class == 2)
			m->propagation = xstrdup(opt);
		return 0;
	}
	*errstr = errfmt(errbuf, sizeof(errbuf), "invalid volume mode: %.32s",
	    opt);
	return -1;
}

static int
volume_mode(struct mount *m, const char *mode, const char **errstr)
{
	char *copy, *p, *opt;
	unsigned seen = 0;
	int rc = -1;

	copy = p = xstrdup(mode);
	while ((opt = strsep(&p, ",")) != NULL) {
		if (volume_option(m, opt, &seen, errstr) == -1)
			goto out;
	}
	rc = 0;
out:
	free(copy);
	return rc;
}

/*
 * 1 if a field buffer is exactly one rune that Go's unicode.IsLetter could
 * call a letter: the CLI then keeps the next ':' inside the field.  Any
 * single non-ASCII rune counts, to stay on the safe side.
 */
static int
drive_letter(const char *s, size_t n)
{
	size_t i, runes = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			runes++;
	if (runes != 1)
		return 0;
	return isalpha((unsigned char)s[0]) || (unsigned char)s[0] >= 0x80;
}

/* Split a -v spec into at most three non-empty fields (volumespec.Parse). */
static int
volume_split(const char *spec, char *f[VOLUME_MAX_FIELDS], size_t *nf,
    const char **errstr)
{
	const char *s, *e;

	*nf = 0;
	for (s = spec;; s = e + 1) {
		e = strchr(s, ':');
		if (e == NULL)
			e = s + strlen(s);
		if (*e == ':' && drive_letter(s, (size_t)(e - s))) {
			*errstr = "volume spec with a drive-letter-like "
			    "field is ambiguous";
			return -1;
		}
		if (e == s) {
			*errstr = "empty section between colons in volume spec";
			return -1;
		}
		if (*nf == VOLUME_MAX_FIELDS) {
			*errstr = "too many colons in volume spec";
			return -1;
		}
		f[(*nf)++] = xstrndup(s, (size_t)(e - s));
		if (*e == '\0')
			return 0;
	}
}

static void
free_fields(char *f[VOLUME_MAX_FIELDS], size_t nf)
{
	while (nf > 0)
		free(f[--nf]);
}

int
mounts_parse_volume(const char *spec, const char *cwd, struct mount *m,
    const char **errstr)
{
	char *f[VOLUME_MAX_FIELDS];
	size_t nf = 0;
	int rc = -1;

	memset(m, 0, sizeof(*m));
	if (spec == NULL || spec[0] == '\0')
		return fail(m, errstr, "empty volume spec");
	if (strlen(spec) > MOUNTS_MAX_SPEC)
		return fail(m, errstr, "volume spec too long");
	if (strlen(spec) <= 2) {
		/* volumespec.Parse: 1 or 2 bytes are an anonymous target. */
		if (strchr(spec, ':') != NULL)
			return fail(m, errstr, "invalid volume spec");
		m->type = MOUNT_ANON;
		if (set_target(m, spec, errstr) == -1)
			return fail(m, errstr, *errstr);
		return 0;
	}
	if (volume_split(spec, f, &nf, errstr) == -1)
		goto out;
	if (nf == 1) {
		m->type = MOUNT_ANON;
		rc = set_target(m, f[0], errstr);
		goto out;
	}
	if (set_source(m, f[0], cwd, 0, errstr) == -1 ||
	    set_target(m, f[1], errstr) == -1)
		goto out;
	if (strchr(m->source, ':') != NULL) {
		/* The daemon would split the rewritten source again. */
		*errstr = "volume source contains ':'";
		goto out;
	}
	if (nf == 3 && volume_mode(m, f[2], errstr) == -1)
		goto out;
	rc = 0;
out:
	free_fields(f, nf);
	if (rc == -1)
		return fail(m, errstr, *errstr);
	return 0;
}

int
mounts_parse_tmpfs(const char *spec, struct mount *m, const char **errstr)
{
	char *path;
	const char *colon;
	int rc;

	memset(m, 0, sizeof(*m));
	if (spec == NULL || spec[0] == '\0')
		return fail(m, errstr, "empty tmpfs spec");
	if (strlen(spec) > MOUNTS_MAX_SPEC)
		return fail(m, errstr, "tmpfs spec too long");
	colon = strchr(spec, ':');
	path = xstrndup(spec, colon ? (size_t)(colon - spec) : strlen(spec));
	m->type = MOUNT_TMPFS;
	rc = set_target(m, path, errstr);
	free(path);
	if (rc == -1)
		return fail(m, errstr, *errstr);
	return 0;
}

void
mounts_free(struct mount *m)
{
	if (m == NULL)
		return;
	free(m->source);
	free(m->target);
	free(m->propagation);
	memset(m, 0, sizeof(*m));
}

/*
 * One quoted field starting at *pp (just past the opening quote).  Appends
 * the unquoted text to out; leaves *pp after the closing quote.
 */
static int
csv_quoted(const char **pp, char *buf, size_t *blen, const char **errstr)
{
	const char *p = *pp;

	for (;;) {
		if (*p == '\0') {
			*errstr = "extraneous or missing \" in quoted-field";
			return -1;
		}
		if (*p == '"' && p[1] == '"') {
			buf[(*blen)++] = '"';
			p += 2;
			continue;
		}
		if (*p == '"') {
			p++;
			break;
		}
		buf[(*blen)++] = *p++;
	}
	if (*p != ',' && *p != '\n' && *p != '\0') {
		*errstr = "extraneous or missing \" in quoted-field";
		return -1;
	}
	*pp = p;
	return 0;
}

/* One field starting at *pp; leaves *pp on its terminator. */
static int
csv_field(const char **pp, char *buf, const char **errstr)
{
	const char *p = *pp;
	size_t blen = 0;

	if (*p == '"') {
		p++;
		if (csv_quoted(&p, buf, &blen, errstr) == -1)
			return -1;
	} else {
		for (; *p != ',' && *p != '\n' && *p != '\0'; p++) {
			if (*p == '"') {
				*errstr = "bare \" in non-quoted-field";
				return -1;
			}
			buf[blen++] = *p;
		}
	}
	buf[blen] = '\0';
	*pp = p;
	return 0;
}

int
mounts_csv(const char *s, struct strv *out, const char **errstr)
{
	const char *p;
	char *buf = NULL;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (strchr(s, '\r') != NULL) {
		/* encoding/csv folds some \r\n pairs; never guess. */
		*errstr = "carriage return in CSV value";
		return -1;
	}
	for (p = s; *p == '\n'; p++)
		;	/* encoding/csv skips leading empty lines */
	if (*p == '\0') {
		*errstr = "empty CSV value";
		return -1;
	}
	buf = xmalloc(strlen(p) + 1);	/* a field is never longer */
	for (;;) {
		if (out->n == MOUNTS_MAX_FIELDS) {
			*errstr = "too many CSV fields";
			goto out;
		}
		if (csv_field(&p, buf, errstr) == -1)
			goto out;
		strv_push(out, buf);
		if (*p != ',')
			break;	/* end of record: the rest is ignored */
		p++;
	}
	rc = 0;
out:
	free(buf);
	if (rc == -1)
		strv_free(out);
	return rc;
}

/* --mount keys as the docker CLI reads them, after lower-casing. */
enum mkey {
	MK_TYPE, MK_SOURCE, MK_TARGET, MK_READONLY, MK_CONSISTENCY,
	MK_BPROP, MK_BRECURSIVE, MK_BNONRECURSIVE, MK_BCREATE,
	MK_VSUBPATH, MK_VNOCOPY, MK_VLABEL, MK_VDRIVER, MK_VOPT,
	MK_ISUBPATH, MK_TSIZE, MK_TMODE,
};

static const struct mountkey {
	const char	*name;
	enum mkey	 key;
	int		 bare;		/* may appear without "=value" */
	unsigned	 family;	/* type it requires, or 0 */
} mountkeys[] = {
	{ "type",		MK_TYPE,		0, 0 },
	{ "source",		MK_SOURCE,		0, 0 },
	{ "src",		MK_SOURCE,		0, 0 },
	{ "target",		MK_TARGET,		0, 0 },
	{ "dst",		MK_TARGET,		0, 0 },
	{ "destination",	MK_TARGET,		0, 0 },
	{ "readonly",		MK_READONLY,		1, 0 },
	{ "ro",			MK_READONLY,		1, 0 },
	{ "consistency",	MK_CONSISTENCY,		0, 0 },
	{ "bind-propagation",	MK_BPROP,		0, FAM_BIND },
	{ "bind-recursive",	MK_BRECURSIVE,		0, FAM_BIND },
	{ "bind-nonrecursive",	MK_BNONRECURSIVE,	1, FAM_BIND },
	{ "bind-create-src",	MK_BCREATE,		1, FAM_BIND },
	{ "volume-subpath",	MK_VSUBPATH,		0, FAM_VOLUME },
	{ "volume-nocopy",	MK_VNOCOPY,		1, FAM_VOLUME },
	{ "volume-label",	MK_VLABEL,		0, FAM_VOLUME },
	{ "volume-driver",	MK_VDRIVER,		0, FAM_VOLUME },
	{ "volume-opt",		MK_VOPT,		0, FAM_VOLUME },
	{ "image-subpath",	MK_ISUBPATH,		0, FAM_IMAGE },
	{ "tmpfs-size",		MK_TSIZE,		0, FAM_TMPFS },
	{ "tmpfs-mode",		MK_TMODE,		0, FAM_TMPFS },
};

/* What the --mount fields said, before the type decides what it means. */
struct mstate {
	char		 type[16];
	const char	*source;	/* points into the CSV fields */
	const char	*target;
	const char	*recursive;	/* bind-recursive value */
	unsigned	 families;
};

/*
 * 1 if s starts or ends with white space as Go's strings.TrimSpace sees it
 * (ASCII, NEL, NBSP and the Unicode space separators).
 */
static int
edge_space(const char *s)
{
	static const char *const uspace[] = {
		"\xc2\x85", "\xc2\xa0", "\xe1\x9a\x80", "\xe2\x80\xa8",
		"\xe2\x80\xa9", "\xe2\x80\xaf", "\xe2\x81\x9f", "\xe3\x80\x80",
	};
	size_t i, n, l = strlen(s);

	if (l == 0)
		return 0;
	if (isspace((unsigned char)s[0]) || isspace((unsigned char)s[l - 1]))
		return 1;
	for (i = 0; i < sizeof(uspace) / sizeof(uspace[0]); i++) {
		n = strlen(uspace[i]);
		if (l >= n && (memcmp(s, uspace[i], n) == 0 ||
		    memcmp(s + l - n, uspace[i], n) == 0))
			return 1;
	}
	/* U+2000..U+200A: e2 80 80..8a */
	if ((l >= 3 && memcmp(s, "\xe2\x80", 2) == 0 &&
	    (unsigned char)s[2] <= 0x8a) || (l >= 3 &&
	    memcmp(s + l - 3, "\xe2\x80", 2) == 0 &&
	    (unsigned char)s[l - 1] <= 0x8a))
		return 1;
	return 0;
}

/*
 * ASCII lower-case copy into buf.  Non-ASCII is an error: Go's Unicode
 * ToLower folds e.g. U+0130 and U+212A to ASCII letters.
 */
static int
lower_ascii(const char *s, char *buf, size_t len)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++) {
		if ((unsigned char)s[i] >= 0x80 || i + 1 >= len)
			return -1;
		buf[i] = (char)tolower((unsigned char)s[i]);
	}
	buf[i] = '\0';
	return 0;
}

/* The v29.2.1+ bool spellings; anything else is an error. */
static int
parse_bool(const char *val, int *b)
{
	if (val == NULL || strcmp(val, "1") == 0 || strcmp(val, "true") == 0)
		*b = 1;
	else if (strcmp(val, "0") == 0 || strcmp(val, "false") == 0)
		*b = 0;
	else
		return -1;
	return 0;
}

static int
one_of(const char *val, const char *const *set)
{
	for (; *set != NULL; set++)
		if (strcmp(val, *set) == 0)
			return 1;
	return 0;
}

static int
octal(const char *s)
{
	size_t n = strspn(s, "01234567");

	return n > 0 && n <= 11 && s[n] == '\0' && strtoul(s, NULL, 8) <=
	    0xffffffffUL;
}

static const char *const propagations[] = { "private", "rprivate",
	"shared", "rshared", "slave", "rslave", NULL };
static const char *const consistencies[] = { "default", "consistent",
	"cached", "delegated", NULL };
static const char *const recursives[] = { "enabled", "disabled",
	"writable", "readonly", NULL };

/* Keys whose value is lower-cased and checked against a set. */
static int
mount_enum(struct mount *m, struct mstate *st, enum mkey k, const char *val)
{
	char low[MOUNTS_MAX_KEY];

	if (lower_ascii(val, low, sizeof(low)) == -1)
		return -1;
	switch (k) {
	case MK_TYPE:
		if (strlen(low) >= sizeof(st->type))
			return -1;
		memcpy(st->type, low, strlen(low) + 1);
		return 0;
	case MK_CONSISTENCY:
		return one_of(low, consistencies) ? 0 : -1;
	case MK_BPROP:
		if (!one_of(low, propagations))
			return -1;
		free(m->propagation);
		m->propagation = xstrdup(low);
		return 0;
	default:
		return -1;
	}
}

/* Apply one key; val is NULL for a bare key. */
static int
mount_key(struct mount *m, struct mstate *st, const struct mountkey *mk,
    const char *val)
{
	st->families |= mk->family;
	switch (mk->key) {
	case MK_TYPE:
	case MK_CONSISTENCY:
	case MK_BPROP:
		return mount_enum(m, st, mk->key, val);
	case MK_SOURCE:
		st->source = val;
		return 0;
	case MK_TARGET:
		st->target = val;
		return 0;
	case MK_READONLY:
		return parse_bool(val, &m->readonly);
	case MK_BRECURSIVE:
		st->recursive = val;
		return one_of(val, recursives) ? 0 : -1;
	case MK_BNONRECURSIVE:
		return -1;	/* removed in v29.0 */
	case MK_BCREATE:
		return parse_bool(val, &m->create_src);
	case MK_VNOCOPY: {
		int b;

		return parse_bool(val, &b);
	}
	case MK_VDRIVER:
		m->has_driver = 1;
		return 0;
	case MK_VOPT:
		m->has_driver_opts = 1;
		return 0;
	case MK_TMODE:
		return octal(val) ? 0 : -1;
	case MK_VSUBPATH:
	case MK_VLABEL:
	case MK_ISUBPATH:
	case MK_TSIZE:
		return 0;
	}
	return -1;
}

static const struct mountkey *
mount_lookup(const char *key)
{
	char low[MOUNTS_MAX_KEY];
	size_t i;

	if (lower_ascii(key, low, sizeof(low)) == -1)
		return NULL;
	for (i = 0; i < sizeof(mountkeys) / sizeof(mountkeys[0]); i++)
		if (strcmp(low, mountkeys[i].name) == 0)
			return &mountkeys[i];
	return NULL;
}

/* One "key[=value]" field; field is modified (split at the first '='). */
static int
mount_field(struct mount *m, struct mstate *st, char *field,
    const char **errstr)
{
	const struct mountkey *mk;
	char *val;

	if ((val = strchr(field, '=')) != NULL)
		*val++ = '\0';
	if (edge_space(field) || (val != NULL && edge_space(val))) {
		*errstr = "white space around a --mount key or value";
		return -1;
	}
	if ((mk = mount_lookup(field)) == NULL) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "unknown --mount option: %.32s", field);
		return -1;
	}
	if ((val == NULL && !mk->bare) || (val != NULL && *val == '\0')) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "--mount option %s needs a non-empty value", mk->name);
		return -1;
	}
	if (mount_key(m, st, mk, val) == -1) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "invalid --mount option %s=%.64s", mk->name,
		    val ? val : "");
		return -1;
	}
	return 0;
}

/* Cross-checks of opts/mount.go after all fields are read. */
static int
mount_check(struct mount *m, const struct mstate *st, const char **errstr)
{
	static const struct {
		const char	*type;
		unsigned	 family;
	} fams[] = { { "bind", FAM_BIND }, { "volume", FAM_VOLUME },
	    { "image", FAM_IMAGE }, { "tmpfs", FAM_TMPFS } };
	size_t i;

	for (i = 0; i < sizeof(fams) / sizeof(fams[0]); i++)
		if ((st->families & fams[i].family) &&
		    strcmp(st->type, fams[i].type) != 0) {
			*errstr = errfmt(errbuf, sizeof(errbuf), "cannot mix "
			    "'%s-*' options with mount type '%.16s'",
			    fams[i].type, st->type);
			return -1;
		}
	if (st->recursive != NULL && (strcmp(st->recursive, "writable") == 0 ||
	    strcmp(st->recursive, "readonly") == 0) && !m->readonly) {
		*errstr = "bind-recursive=writable|readonly needs readonly";
		return -1;
	}
	/* Sub-mounts stay writable: the mount is not read-only as a whole. */
	if (st->recursive != NULL && strcmp(st->recursive, "writable") == 0)
		m->readonly = 0;
	return 0;
}

/* Give the mount its daemon type from the collected state. */
static int
mount_classify(struct mount *m, const struct mstate *st, const char *cwd,
    const char **errstr)
{
	if (set_target(m, st->target, errstr) == -1)
		return -1;
	if (strcmp(st->type, "bind") == 0) {
		if (st->source == NULL) {
			*errstr = "bind mount needs a source";
			return -1;
		}
		return set_source(m, st->source, cwd, 1, errstr);
	}
	if (strcmp(st->type, "volume") == 0) {
		m->type = MOUNT_ANON;
		if (st->source == NULL)
			return 0;
		if (set_source(m, st->source, cwd, 0, errstr) == -1)
			return -1;
		if (m->type != MOUNT_VOLUME) {
			/* An absolute name is no local volume name. */
			*errstr = "invalid volume name (a path; use type=bind)";
			return -1;
		}
		return 0;
	}
	if (strcmp(st->type, "tmpfs") == 0) {
		m->type = MOUNT_TMPFS;
		if (st->source == NULL)
			return 0;
		*errstr = "tmpfs mount must not have a source";
		return -1;
	}
	m->type = strcmp(st->type, "image") == 0 ? MOUNT_IMAGE : MOUNT_OTHER;
	if (m->type == MOUNT_IMAGE && st->source == NULL) {
		*errstr = "image mount needs a source";
		return -1;
	}
	if (st->source != NULL &&
	    (m->source = rewrite_source(st->source, cwd, errstr)) == NULL)
		return -1;
	return 0;
}

int
mounts_parse_mount(const char *csv, const char *cwd, struct mount *m,
    const char **errstr)
{
	struct strv f = { NULL, 0, 0 };
	struct mstate st;
	char *trimmed = NULL;
	size_t i, len;
	int rc = -1;

	memset(m, 0, sizeof(*m));
	memset(&st, 0, sizeof(st));
	memcpy(st.type, "volume", sizeof("volume"));
	if (csv == NULL || strlen(csv) > MOUNTS_MAX_SPEC)
		return fail(m, errstr, "--mount value missing or too long");
	while (isspace((unsigned char)*csv))
		csv++;
	for (len = strlen(csv); len > 0 &&
	    isspace((unsigned char)csv[len - 1]); len--)
		;
	if (len == 0)
		return fail(m, errstr, "empty --mount value");
	trimmed = xstrndup(csv, len);
	if (mounts_csv(trimmed, &f, errstr) == -1)
		goto out;
	for (i = 0; i < f.n; i++)
		if (mount_field(m, &st, f.v[i], errstr) == -1)
			goto out;
	if (mount_check(m, &st, errstr) == -1 ||
	    mount_classify(m, &st, cwd, errstr) == -1)
		goto out;
	rc = 0;
out:
	strv_free(&f);
	free(trimmed);
	if (rc == -1)
		return fail(m, errstr, *errstr);
	return 0;
}
