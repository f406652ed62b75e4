/*
 * imageref.c: image references read the way docker's reference package
 * (distribution/reference ParseNormalizedNamed) reads them, and policy
 * patterns matched against the normalized form.
 *
 * Invariants:
 * - A reference MUST be normalized (default domain docker.io, legacy
 *   index.docker.io folded into it, "library/" for single-component
 *   docker.io names, tag "latest" when there is neither tag nor digest)
 *   before any comparison; the policy never sees the typed text.
 * - Anything docker's grammar rejects MUST be rejected here (upper case in
 *   the path, empty components, bad separators, an '@' without a valid
 *   digest, names longer than IMAGEREF_MAX_NAME).
 * - A glob star in a pattern's repository MUST NOT cross '/' (fnmatch with
 *   FNM_PATHNAME), so "ollama/STAR" (STAR = '*') does not match
 *   "ollama/a/b".  A pattern that names a tag MUST NOT match a reference
 *   that carries a digest: the digest, not the tag, selects the image.
 * - A registry host that is this host (loopback, link-local, unspecified,
 *   or a name the resolver maps to loopback without DNS) MUST be reported
 *   by imageref_local_registry in every spelling the daemon would dial:
 *   IPv4 the way inet_aton reads it (glibc's resolver does), IPv6 by
 *   address, not text, names without regard to case.
 * - A string that the daemon could also take as an image ID (prefix) MUST
 *   be reported by imageref_is_id so the caller does not judge it as a name:
 *   the daemon tries the name, then any ID that starts with the string, of
 *   whatever length (moby's digest set has no shortest prefix).
 */
#include <arpa/inet.h>
#include <netinet/in.h>

#include <ctype.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "imageref.h"
#include "util.h"

#define IMAGEREF_MAX_INPUT	1024	/* bytes in a reference or pattern */
#define IMAGEREF_MAX_NAME	255	/* NameTotalLengthMax: domain/path */
#define IMAGEREF_MAX_TAG	128	/* [\w][\w.-]{0,127} */
#define IMAGEREF_ID_LEN		64	/* sha256 hex digits */

#define DEFAULT_DOMAIN		"docker.io"
#define LEGACY_DOMAIN		"index.docker.io"
#define OFFICIAL_PREFIX		"library/"
#define IMAGEREF_MAX_HOST	IMAGEREF_MAX_NAME /* bytes of a registry host */

static char errbuf[256];

/* The pieces of a reference or pattern as typed, before normalization. */
struct parts {
	char	*name;		/* everything before tag and digest */
	char	*tag;		/* or NULL */
	char	*digest;	/* or NULL */
};

static void
parts_free(struct parts *p)
{
	free(p->name);
	free(p->tag);
	free(p->digest);
	memset(p, 0, sizeof(*p));
}

/* Split "name[:tag][@digest]": the tag ':' is the last one after '/'. */
static void
split_parts(const char *s, struct parts *p)
{
	const char *at, *colon, *slash, *end;

	memset(p, 0, sizeof(*p));
	at = strchr(s, '@');
	end = at ? at : s + strlen(s);
	if (at != NULL)
		p->digest = xstrdup(at + 1);
	colon = memrchr(s, ':', (size_t)(end - s));
	slash = memrchr(s, '/', (size_t)(end - s));
	if (colon != NULL && (slash == NULL || colon > slash)) {
		p->tag = xstrndup(colon + 1, (size_t)(end - colon - 1));
		end = colon;
	}
	p->name = xstrndup(s, (size_t)(end - s));
}

static int
is_lower_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* [a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)* over s[0..n) */
static int
path_component_valid(const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n) {
		if (!is_lower_alnum((unsigned char)s[i]))
			return 0;
		while (i < n && is_lower_alnum((unsigned char)s[i]))
			i++;
		if (i == n)
			return 1;
		k = i;
		if (s[i] == '.' || (s[i] == '_' && (i + 1 >= n ||
		    s[i + 1] != '_')))
			i++;
		else if (s[i] == '_')
			i += 2;
		else
			while (i < n && s[i] == '-')
				i++;
		if (i == k || i == n)
			return 0;
	}
	return n > 0;
}

/* Pattern components: the path characters plus '*' and '?'. */
static int
pattern_component_valid(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_lower_alnum((unsigned char)s[i]) &&
		    strchr("._-*?", s[i]) == NULL)
			return 0;
	return n > 0;
}

static int
path_valid(const char *path, int pattern)
{
	const char *s, *e;

	for (s = path;; s = e + 1) {
		if ((e = strchr(s, '/')) == NULL)
			e = s + strlen(s);
		if (pattern ? !pattern_component_valid(s, (size_t)(e - s)) :
		    !path_component_valid(s, (size_t)(e - s)))
			return 0;
		if (*e == '\0')
			return 1;
	}
}

/* domain-component: [a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9] */
static int
host_valid(const char *s, size_t n)
{
	size_t i, start = 0;

	if (n >= 2 && s[0] == '[')	/* \[[a-fA-F0-9:]+\] */
		return s[n - 1] == ']' && n > 2 &&
		    strspn(s + 1, "0123456789abcdefABCDEF:") == n - 2;
	for (i = 0; i <= n; i++) {
		if (i < n && s[i] != '.') {
			if (!isalnum((unsigned char)s[i]) && s[i] != '-')
				return 0;
			continue;
		}
		if (i == start || s[start] == '-' || s[i - 1] == '-')
			return 0;
		start = i + 1;
	}
	return 1;
}

static int
domain_valid(const char *d)
{
	const char *colon;
	size_t n = strlen(d);

	colon = (d[0] == '[') ? strstr(d, "]:") : strchr(d, ':');
	if (colon != NULL && d[0] == '[')
		colon++;
	if (colon == NULL)
		return host_valid(d, n);
	n = strlen(colon + 1);
	return n > 0 && strspn(colon + 1, "0123456789") == n &&
	    host_valid(d, (size_t)(colon - d));
}

/* [\w][\w.-]{0,127}, plus '*' and '?' in patterns */
static int
tag_valid(const char *t, int pattern)
{
	size_t i, n = strlen(t);
	const char *extra = pattern ? "_.-*?" : "_.-";

	if (n == 0 || n > IMAGEREF_MAX_TAG || t[0] == '.' || t[0] == '-')
		return 0;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)t[i]) &&
		    strchr(extra, t[i]) == NULL)
			return 0;
	return 1;
}

static int
hexlen(const char *s, int lower_only)
{
	size_t n = strspn(s, lower_only ? "0123456789abcdef" :
	    "0123456789abcdefABCDEF");

	return s[n] == '\0' ? (int)n : -1;
}

/* go-digest: only the registered algorithms, lower-case hex of its size. */
static int
digest_valid(const char *d)
{
	static const struct {
		const char	*prefix;
		int		 hex;
	} algos[] = {
		{ "sha256:", 64 }, { "sha384:", 96 }, { "sha512:", 128 },
	};
	size_t i, n;

	for (i = 0; i < sizeof(algos) / sizeof(algos[0]); i++) {
		n = strlen(algos[i].prefix);
		if (strncmp(d, algos[i].prefix, n) == 0)
			return hexlen(d + n, 1) == algos[i].hex;
	}
	return 0;
}

/*
 * splitDockerDomain: the first component is a domain if it contains '.'
 * or ':', is "localhost", or has upper case; else docker.io.
 */
static void
split_domain(const char *name, char **domain, char **path)
{
	const char *slash = strchr(name, '/');
	size_t i, n;
	int isdomain = 0;

	if (slash != NULL) {
		n = (size_t)(slash - name);
		isdomain = memchr(name, '.', n) != NULL ||
		    memchr(name, ':', n) != NULL ||
		    (n == 9 && strncmp(name, "localhost", 9) == 0);
		for (i = 0; i < n; i++)
			if (isupper((unsigned char)name[i]))
				isdomain = 1;
	}
	if (!isdomain) {
		*domain = xstrdup(DEFAULT_DOMAIN);
		*path = xstrdup(name);
	} else {
		*domain = xstrndup(name, (size_t)(slash - name));
		*path = xstrdup(slash + 1);
	}
	if (strcmp(*domain, LEGACY_DOMAIN) == 0) {
		free(*domain);
		*domain = xstrdup(DEFAULT_DOMAIN);
	}
	if (strcmp(*domain, DEFAULT_DOMAIN) == 0 &&
	    strchr(*path, '/') == NULL) {
		char *p = xasprintf("%s%s", OFFICIAL_PREFIX, *path);

		free(*path);
		*path = p;
	}
}

/*
 * Validate and normalize the pieces into out (domain, path, tag, digest).
 * pattern relaxes the path and tag grammars to allow globs.
 */
static int
normalize(const char *s, int pattern, struct imageref *out,
    const char **errstr)
{
	struct parts p;
	int rc = -1;

	if (strlen(s) > IMAGEREF_MAX_INPUT) {
		*errstr = "image reference too long";
		return -1;
	}
	split_parts(s, &p);
	if (p.digest != NULL && !digest_valid(p.digest)) {
		*errstr = "invalid image digest";
		goto out;
	}
	if (p.tag != NULL && !tag_valid(p.tag, pattern)) {
		*errstr = "invalid image tag";
		goto out;
	}
	split_domain(p.name, &out->domain, &out->path);
	if (!domain_valid(out->domain) || !path_valid(out->path, pattern)) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "invalid image "
		    "name (lower case, no empty components): %.64s", p.name);
		goto out;
	}
	if (strlen(out->domain) + 1 + strlen(out->path) > IMAGEREF_MAX_NAME) {
		*errstr = "image name too long";
		goto out;
	}
	out->tag = p.tag;
	out->digest = p.digest;
	p.tag = p.digest = NULL;
	rc = 0;
out:
	parts_free(&p);
	return rc;
}

static char *
join_full(const struct imageref *r)
{
	return xasprintf("%s/%s%s%s%s%s", r->domain, r->path,
	    r->tag ? ":" : "", r->tag ? r->tag : "",
	    r->digest ? "@" : "", r->digest ? r->digest : "");
}

int
imageref_parse(const char *ref, struct imageref *out, const char **errstr)
{
	memset(out, 0, sizeof(*out));
	if (ref == NULL || ref[0] == '\0') {
		*errstr = "empty image reference";
		return -1;
	}
	/*
	 * The daemon reads these as IDs (ParseAnyReference), the CLI's
	 * grammar as names ("sha256" tagged with the hex): never a name.
	 */
	if (hexlen(ref, 1) == IMAGEREF_ID_LEN ||
	    strncmp(ref, "sha256:", 7) == 0) {
		*errstr = "an image ID is not a reference";
		return -1;
	}
	if (normalize(ref, 0, out, errstr) == -1) {
		imageref_free(out);
		return -1;
	}
	if (out->tag == NULL && out->digest == NULL)
		out->tag = xstrdup("latest");
	out->full = join_full(out);
	return 0;
}

int
imageref_is_id(const char *s)
{
	int n;

	if (s == NULL)
		return 0;
	if (strncmp(s, "sha256:", 7) == 0)
		s += 7;
	n = hexlen(s, 0);
	return n >= 1 && n <= IMAGEREF_ID_LEN;
}

char *
imageref_pattern(const char *pattern, const char **errstr)
{
	struct imageref r;
	char *full;

	if (pattern == NULL || pattern[0] == '\0') {
		*errstr = "empty image pattern";
		return NULL;
	}
	memset(&r, 0, sizeof(r));
	if (normalize(pattern, 1, &r, errstr) == -1) {
		imageref_free(&r);
		return NULL;
	}
	full = join_full(&r);
	imageref_free(&r);
	return full;
}

/*
 * A normalized pattern is domain/path[:tag][@digest]; compare piecewise.
 * The domain compares literally; the path glob uses FNM_PATHNAME, so '*'
 * stays within one component.
 */
int
imageref_match(const char *npattern, const struct imageref *ref)
{
	struct parts p;
	char *dom;
	int ok;

	if (npattern == NULL || ref == NULL || ref->domain == NULL ||
	    ref->path == NULL)
		return 0;
	split_parts(npattern, &p);
	/* The domain is literal ("[::1]:5000" is no bracket expression). */
	dom = xasprintf("%s/", ref->domain);
	ok = strncmp(p.name, dom, strlen(dom)) == 0 &&
	    fnmatch(p.name + strlen(dom), ref->path, FNM_PATHNAME) == 0;
	if (ok && p.digest != NULL)
		ok = ref->digest != NULL && strcmp(p.digest, ref->digest) == 0;
	if (ok && p.tag != NULL)
		ok = ref->tag != NULL && fnmatch(p.tag, ref->tag, 0) == 0 &&
		    (p.digest != NULL || ref->digest == NULL);
	free(dom);
	parts_free(&p);
	return ok;
}

/* An IPv4 address (host order) on this host: 127/8, 0/8, 169.254/16. */
static int
local_v4(uint32_t a)
{
	return (a >> 24) == 127 || (a >> 24) == 0 || (a >> 16) == 0xa9fe;
}

static int
local_v6(const struct in6_addr *a)
{
	uint32_t v4;

	if (IN6_IS_ADDR_LOOPBACK(a) || IN6_IS_ADDR_UNSPECIFIED(a) ||
	    IN6_IS_ADDR_LINKLOCAL(a))
		return 1;
	/* ::ffff:a.b.c.d and the deprecated ::a.b.c.d carry IPv4 */
	if (!IN6_IS_ADDR_V4MAPPED(a) && !IN6_IS_ADDR_V4COMPAT(a))
		return 0;
	memcpy(&v4, &a->s6_addr[12], sizeof(v4));
	return local_v4(ntohl(v4));
}

/* Names that /etc/hosts or the resolver map to loopback without DNS. */
static int
local_name(const char *h)
{
	static const char *const names[] = { "localhost",
	    "localhost.localdomain", "ip6-localhost", "ip6-loopback",
	    "localhost4", "localhost4.localdomain4", "localhost6",
	    "localhost6.localdomain6" };
	static const char suffix[] = ".localhost";	/* RFC 6761 */
	size_t i, n = strlen(h), k = sizeof(suffix) - 1;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(h, names[i]) == 0)
			return 1;
	return n > k && strcasecmp(h + n - k, suffix) == 0;
}

int
imageref_local_registry(const struct imageref *ref)
{
	char host[IMAGEREF_MAX_HOST + 1];
	struct in6_addr a6;
	struct in_addr a4;
	const char *d, *end;
	size_t n;

	if (ref == NULL || (d = ref->domain) == NULL)
		return 0;
	if (d[0] == '[') {
		d++;
		end = strchr(d, ']');
	} else
		end = strchr(d, ':');
	n = end != NULL ? (size_t)(end - d) : strlen(d);
	if (n > IMAGEREF_MAX_HOST)
		return 1;	/* not a host we can read: assume the worst */
	memcpy(host, d, n);
	host[n] = '\0';
	if (ref->domain[0] == '[')
		return inet_pton(AF_INET6, host, &a6) != 1 || local_v6(&a6);
	if (inet_aton(host, &a4) != 0)
		return local_v4(ntohl(a4.s_addr));
	return local_name(host);
}

void
imageref_free(struct imageref *r)
{
	if (r == NULL)
		return;
	free(r->domain);
	free(r->path);
	free(r->tag);
	free(r->digest);
	free(r->full);
	memset(r, 0, sizeof(*r));
}
