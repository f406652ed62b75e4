/*
 * imageref.h: image reference normalization and matching, the way docker's
 * reference package reads names.
 */
#ifndef DG_IMAGEREF_H
#define DG_IMAGEREF_H

struct imageref {
	char	*domain;	/* "docker.io", "ghcr.io", "localhost:5000" */
	char	*path;		/* "library/alpine" */
	char	*tag;		/* "latest" when neither tag nor digest */
	char	*digest;	/* "sha256:..." or NULL */
	char	*full;		/* domain/path[:tag][@digest] */
};

/*
 * Normalize a reference: default registry docker.io, "library/" for
 * single-component names on docker.io, tag "latest" if no tag and no digest.
 * Rejects what docker rejects (upper case in the path, bad characters, empty
 * components).  Returns 0 or -1 with *errstr; caller frees with
 * imageref_free.
 */
int	 imageref_parse(const char *ref, struct imageref *out,
	    const char **errstr);

/*
 * 1 if the daemon could take s as an image ID: 1 to 64 hex digits, alone
 * or after "sha256:".  Such a string is looked up, not judged as a name:
 * the daemon tries the name, then every ID it is a prefix of.
 */
int	 imageref_is_id(const char *s);

/*
 * Normalize a policy pattern ("alpine", "ollama/STAR", "ghcr.io/x/y:1.*",
 * where STAR stands for '*': a slash-star breaks -Werror=comment) the
 * same way, keeping glob characters; a pattern without tag or digest matches
 * any tag and digest.  Returns a new string (caller frees) or NULL with
 * *errstr.
 */
char	*imageref_pattern(const char *pattern, const char **errstr);

/*
 * 1 if the reference's registry host is this host or its link: a
 * loopback, link-local or unspecified address in any spelling the daemon
 * would dial (inet_aton forms such as "127.1" and "0x7f.1", "[::1]",
 * "[0:0:0:0:0:0:0:1]", IPv4-mapped and -compatible IPv6, "[fe80::1]"),
 * or a name that resolves to loopback without DNS ("localhost" in any
 * case, "*.localhost", "localhost.localdomain", "ip6-localhost",
 * "ip6-loopback", "localhost4", "localhost6" and their ".localdomainN"
 * forms), with or without a port.
 */
int	 imageref_local_registry(const struct imageref *ref);

/* 1 if the normalized reference matches the normalized pattern. */
int	 imageref_match(const char *npattern, const struct imageref *ref);

void	 imageref_free(struct imageref *);

#endif
