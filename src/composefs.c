/*
 * composefs.c: the filesystem side of compose.c: reading the files the
 * decision inspects, and finding the compose CLI plugin.
 *
 * Invariants:
 * - A file or directory MUST be reported trusted only when trust_path
 *   (trust.c, the one rule) says so: then the caller can not change what
 *   compose will read after the check.
 * - A file is opened once and examined on the descriptor (fstat), never
 *   stat-then-open; only regular files and directories are accepted, and
 *   at most COMPOSE_MAX_BYTES are read.
 * - The plugin is looked up only in the docker CLI's system plugin
 *   directories, in the CLI's order, and the first one present is the
 *   only candidate (the CLI does not fall back either).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compose.h"
#include "decide.h"
#include "trust.h"
#include "util.h"

static char errbuf[PATH_MAX + 128];

/* The docker CLI's system plugin directories (manager_unix.go), in order. */
static const char *const plugin_dirs[] = {
	"/usr/local/lib/docker/cli-plugins",
	"/usr/local/libexec/docker/cli-plugins",
	"/usr/lib/docker/cli-plugins",
	"/usr/libexec/docker/cli-plugins",
	NULL,
};

/* Read at most COMPOSE_MAX_BYTES of fd; NULL with *errstr. */
static char *
read_capped(int fd, size_t *len, const char **errstr)
{
	char *buf = xmalloc(COMPOSE_MAX_BYTES + 1);
	ssize_t n;

	*len = 0;
	while ((n = read(fd, buf + *len, COMPOSE_MAX_BYTES + 1 - *len)) > 0)
		*len += (size_t)n;
	if (n < 0 || *len > COMPOSE_MAX_BYTES) {
		*errstr = n < 0 ? strerror(errno) : "file too large";
		free(buf);
		return NULL;
	}
	buf[*len] = '\0';
	return buf;
}

int
compose_read_file(void *ctx, const char *path, char **resolved,
    char **content, size_t *len, int *trusted, const char **errstr)
{
	struct stat st;
	const char *terr;
	char *rp;
	int fd;

	(void)ctx;
	*resolved = *content = NULL;
	*len = 0;
	*trusted = 0;
	if (path[0] != '/') {
		*errstr = errfmt(errbuf, sizeof(errbuf), "%.200s is not an "
		    "absolute path", path);
		return -1;
	}
	if ((rp = realpath(path, NULL)) == NULL)
		return errno == ENOENT || errno == ENOTDIR ? 1 : (*errstr =
		    errfmt(errbuf, sizeof(errbuf), "%.200s: %s", path,
		    strerror(errno)), -1);
	fd = open(rp, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0 || fstat(fd, &st) != 0 ||
	    !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "%.200s: %s", path,
		    fd < 0 ? strerror(errno) : "not a file or directory");
		if (fd >= 0)
			(void)close(fd);
		free(rp);
		return -1;
	}
	if (S_ISREG(st.st_mode) &&
	    (*content = read_capped(fd, len, errstr)) == NULL) {
		(void)close(fd);
		free(rp);
		return -1;
	}
	(void)close(fd);
	*trusted = trust_path(path, TRUST_ANY, NULL, 0, &terr) == 0;
	*resolved = rp;
	return 0;
}

void
compose_resolver_init(struct resolver *r)
{
	r->file = compose_read_file;
}

const char *
compose_plugin_path(void)
{
	static char path[PATH_MAX];
	struct stat st;
	const char *err;
	size_t i;

	for (i = 0; plugin_dirs[i] != NULL; i++) {
		(void)snprintf(path, sizeof(path), "%s/docker-compose",
		    plugin_dirs[i]);
		if (lstat(path, &st) != 0)
			continue;
		if (trust_path(path, TRUST_EXEC, NULL, 0, &err) == 0)
			return path;
		return NULL;	/* the CLI would run this one: refuse */
	}
	return NULL;
}
