/*
 * fakeengine.h: a fake Docker Engine on a unix socket for the unit tests
 * (test_engine, test_services).  A forked child answers each connection
 * with the route whose request-target is exactly the one asked, 404 for any
 * other, 400 for a request the gateway's client would never send (not a
 * GET, no "Connection: close" or "Host: docker").  Include after
 * testutil.h.
 */
#ifndef DG_FAKEENGINE_H
#define DG_FAKEENGINE_H

#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <signal.h>
#include <unistd.h>

#include "util.h"

#define FAKE_MAX_REQUEST	8192	/* bytes of a request it reads */
#define FAKE_CHUNK		7	/* bytes per chunk in F_CHUNKED */

/* How a route answers; F_LENGTH (0) is the default of a three-field row. */
enum fmode { F_LENGTH, F_CHUNKED, F_RAW, F_HANG, F_CLOSE };

struct route {
	const char	*target;	/* exact request-target */
	int		 status;
	const char	*body;		/* F_RAW: the whole response */
	enum fmode	 mode;
};

struct fake {
	pid_t	 pid;
	char	 dir[64];
	char	 host[128];		/* "unix://DIR/s" */
};

static void
fake_write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0 && (w = write(fd, p, n)) > 0) {
		p += w;
		n -= (size_t)w;
	}
}

/* The response for one route, chunked in FAKE_CHUNK pieces if asked. */
static void
fake_answer(int fd, const struct route *rt)
{
	char head[256], *p;
	size_t n = strlen(rt->body), i, k;

	if (rt->mode == F_RAW) {
		fake_write_all(fd, rt->body, n);
		return;
	}
	(void)snprintf(head, sizeof(head), "HTTP/1.1 %d X\r\n"
	    "Api-Version: 1.41\r\nContent-Type: application/json\r\n%s\r\n",
	    rt->status, rt->mode == F_CHUNKED ?
	    "Transfer-Encoding: chunked\r\n" : "");
	if (rt->mode == F_LENGTH)
		(void)snprintf(head + strlen(head) - 2, 64,
		    "Content-Length: %zu\r\n\r\n", n);
	fake_write_all(fd, head, strlen(head));
	if (rt->mode == F_LENGTH) {
		fake_write_all(fd, rt->body, n);
		return;
	}
	for (i = 0; i < n; i += k) {
		k = n - i < FAKE_CHUNK ? n - i : FAKE_CHUNK;
		p = xasprintf("%zx\r\n%.*s\r\n", k, (int)k, rt->body + i);
		fake_write_all(fd, p, strlen(p));
		free(p);
	}
	fake_write_all(fd, "0\r\n\r\n", 5);
}

/* Serve one connection: a GET with Connection: close, routed exactly. */
static void
fake_serve(int fd, const struct route *routes)
{
	static const struct route nf = { NULL, 404,
	    "{\"message\":\"page not found\"}", F_LENGTH };
	static const struct route bad = { NULL, 400,
	    "{\"message\":\"bad request\"}", F_LENGTH };
	char req[FAKE_MAX_REQUEST + 1], target[FAKE_MAX_REQUEST];
	const struct route *rt = &nf;
	size_t n = 0;
	ssize_t r;

	while (n < FAKE_MAX_REQUEST && (r = read(fd, req + n,
	    FAKE_MAX_REQUEST - n)) > 0) {
		n += (size_t)r;
		req[n] = '\0';
		if (strstr(req, "\r\n\r\n") != NULL)
			break;
	}
	req[n] = '\0';
	if (sscanf(req, "GET %8000s HTTP/1.1\r\n", target) != 1 ||
	    strstr(req, "\r\nConnection: close\r\n") == NULL ||
	    strstr(req, "\r\nHost: docker\r\n") == NULL)
		rt = &bad;
	for (; rt == &nf && routes->target != NULL; routes++)
		if (strcmp(routes->target, target) == 0)
			rt = routes;
	if (rt->mode == F_HANG)
		(void)sleep(30);
	else if (rt->mode != F_CLOSE && rt->body != NULL)
		fake_answer(fd, rt);
}

/* Listen under a new /tmp directory and fork the server: 0, or -1. */
static int
fake_start(struct fake *f, const struct route *routes)
{
	struct sockaddr_un sa;
	int lfd, cfd;

	(void)snprintf(f->dir, sizeof(f->dir), "/tmp/dg-fake.XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	(void)snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/s", f->dir);
	(void)snprintf(f->host, sizeof(f->host), "unix://%s", sa.sun_path);
	if ((lfd = socket(AF_UNIX, SOCK_STREAM, 0)) < 0)
		return -1;
	if (bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) != 0 ||
	    listen(lfd, 16) != 0 || (f->pid = fork()) < 0) {
		(void)close(lfd);
		return -1;
	}
	if (f->pid == 0) {
		/* The child never returns into cmocka. */
		for (;;) {
			if ((cfd = accept(lfd, NULL, NULL)) < 0)
				_exit(1);
			fake_serve(cfd, routes);
			(void)close(cfd);
		}
	}
	(void)close(lfd);
	return 0;
}

static void
fake_stop(struct fake *f)
{
	char path[128];

	(void)kill(f->pid, SIGKILL);
	(void)waitpid(f->pid, NULL, 0);
	(void)snprintf(path, sizeof(path), "%s/s", f->dir);
	(void)unlink(path);
	(void)rmdir(f->dir);
}

#endif
