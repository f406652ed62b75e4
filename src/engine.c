/*
 * engine.c: a minimal Engine API client: GET over the unix socket, strict
 * HTTP/1.1 response parsing, JSON through jansson.
 *
 * Security invariants:
 * - The client MUST only send GET requests, to the policy's unix socket,
 *   and every byte of a client-chosen reference MUST reach the request
 *   line percent-encoded, so no reference can change the method, the
 *   route or the headers.
 * - Every request MUST finish within ENGINE_TIMEOUT_MS; every size read
 *   (headers, fields, body, raw bytes, labels, tags) MUST be capped.
 * - A response MUST be parsed strictly (see engine.h); anything not
 *   understood is an error, never a guess, and an error never yields a
 *   target.
 * - A container MUST come back with a 64-hex Id and a name, a swarm
 *   service with a 25-character lowercase base-36 ID and a name, and the
 *   ID or the name MUST match the reference asked for: an answer about
 *   another object is refused.
 * - A reserved ("dockergate.") label a container carries MUST NOT count
 *   as its own when the image it was created from (by ID) carries the same
 *   key and value, or can no longer be looked up (drop_inherited).
 * - Not found and ambiguous are the engine's answers (deny); no answer,
 *   a malformed one or a 5xx means the engine is unavailable (exit 69).
 * - This module never exits, prints or keeps state between calls.
 */
#include <sys/socket.h>
#include <sys/un.h>

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "decide.h"
#include "engine.h"
#include "util.h"
#include "values.h"

#define ENGINE_MSG_MAX		200	/* bytes of a daemon message we repeat */
#define ENGINE_VERSION_MAX	16	/* bytes of an "N.NN" API version */
#define ENGINE_READ_CHUNK	16384	/* bytes per read(2) */
#define ENGINE_ID_LEN		64	/* hex digits of a full ID */
#define ENGINE_SWARM_ID_LEN	25	/* base-36 digits of a swarm ID */
#define ENGINE_AMBIGUOUS	"multiple IDs found with provided prefix"

static char errbuf[512];

/* ---------------------------------------------------------- parser */

/* What the header block says about the body. */
struct head {
	int	 status;
	int	 chunked;
	int	 has_length;
	size_t	 length;
	size_t	 nfields;
};

static int
fail(const char **errstr, const char *msg)
{
	*errstr = msg;
	return -1;
}

static int
is_tchar(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* Field values and reason phrases: VCHAR, SP, HTAB, obs-text. */
static int
text_ok(const char *s, size_t n)
{
	size_t i;
	unsigned char c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return 0;
	}
	return 1;
}

/* "HTTP/1.x NNN[ reason]" without its CRLF. */
static int
parse_status(const char *l, size_t n, int *status, const char **errstr)
{
	if (n < 12 || memcmp(l, "HTTP/1.", 7) != 0 ||
	    (l[7] != '0' && l[7] != '1') || l[8] != ' ')
		return fail(errstr, "malformed status line");
	if (l[9] < '1' || l[9] > '5' || l[10] < '0' || l[10] > '9' ||
	    l[11] < '0' || l[11] > '9')
		return fail(errstr, "malformed status code");
	if (n > 12 && (l[12] != ' ' || !text_ok(l + 13, n - 13)))
		return fail(errstr, "malformed reason phrase");
	*status = (l[9] - '0') * 100 + (l[10] - '0') * 10 + (l[11] - '0');
	if (*status < 200)
		return fail(errstr, "unexpected informational response");
	return 0;
}

/* A decimal Content-Length, at most ENGINE_MAX_BODY. */
static int
parse_length(const char *v, size_t n, size_t *len, const char **errstr)
{
	size_t i, x = 0;

	if (n == 0)
		return fail(errstr, "empty Content-Length");
	for (i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9')
			return fail(errstr, "malformed Content-Length");
		x = x * 10 + (size_t)(v[i] - '0');
		if (x > ENGINE_MAX_BODY)
			return fail(errstr, "response body too large");
	}
	*len = x;
	return 0;
}

/* The framing fields; every other field is checked and ignored. */
static int
framing_field(struct head *h, const char *name, size_t nlen, const char *v,
    size_t vlen, const char **errstr)
{
	if (nlen == 14 && strncasecmp(name, "Content-Length", 14) == 0) {
		if (h->has_length)
			return fail(errstr, "repeated Content-Length");
		h->has_length = 1;
		return parse_length(v, vlen, &h->length, errstr);
	}
	if (nlen == 17 && strncasecmp(name, "Transfer-Encoding", 17) == 0) {
		if (h->chunked)
			return fail(errstr, "repeated Transfer-Encoding");
		if (vlen != 7 || strncasecmp(v, "chunked", 7) != 0)
			return fail(errstr, "unsupported Transfer-Encoding");
		h->chunked = 1;
	}
	return 0;
}

/* "name: value" without its CRLF. */
static int
parse_field(struct head *h, const char *l, size_t n, const char **errstr)
{
	size_t nlen = 0, v, e = n;

	if (++h->nfields > ENGINE_MAX_FIELDS)
		return fail(errstr, "too many header fields");
	if (l[0] == ' ' || l[0] == '\t')
		return fail(errstr, "folded header line (obs-fold)");
	while (nlen < n && is_tchar((unsigned char)l[nlen]))
		nlen++;
	if (nlen == 0 || nlen == n || l[nlen] != ':')
		return fail(errstr, "malformed header field");
	for (v = nlen + 1; v < e && (l[v] == ' ' || l[v] == '\t'); v++)
		;
	while (e > v && (l[e - 1] == ' ' || l[e - 1] == '\t'))
		e--;
	if (!text_ok(l + v, e - v))
		return fail(errstr, "control byte in header field");
	return framing_field(h, l, nlen, l + v, e - v, errstr);
}

/*
 * Length of the line at p (up to n bytes) without its CRLF, in *llen; the
 * offset after the CRLF is returned, 0 when there is no complete line.
 * A LF without CR before it is an error (-1).
 */
static long
crlf_line(const char *p, size_t n, size_t *llen)
{
	const char *lf;

	if ((lf = memchr(p, '\n', n)) == NULL)
		return 0;
	if (lf == p || lf[-1] != '\r')
		return -1;
	*llen = (size_t)(lf - p) - 1;
	return (long)(lf - p) + 1;
}

/* Status line and fields; *off is set past the empty line. */
static int
parse_head(const char *buf, size_t len, struct head *h, size_t *off,
    const char **errstr)
{
	size_t pos = 0, llen = 0, cap;
	long adv;

	memset(h, 0, sizeof(*h));
	cap = len < ENGINE_MAX_HEADER ? len : ENGINE_MAX_HEADER;
	for (;;) {
		adv = crlf_line(buf + pos, cap - pos, &llen);
		if (adv < 0)
			return fail(errstr, "line not ended by CRLF");
		if (adv == 0)
			return fail(errstr, cap < len ? "response header too "
			    "large" : "truncated response header");
		if (pos == 0 && parse_status(buf, llen, &h->status,
		    errstr) != 0)
			return -1;
		if (pos != 0 && llen == 0)
			break;
		if (pos != 0 && parse_field(h, buf + pos, llen, errstr) != 0)
			return -1;
		pos += (size_t)adv;
	}
	*off = pos + (size_t)adv;
	if (h->chunked && h->has_length)
		return fail(errstr, "both Content-Length and Transfer-Encoding");
	return 0;
}

/* A chunk-size line: hex digits only (no extensions), bounded. */
static int
chunk_size(const char *l, size_t n, size_t *size, const char **errstr)
{
	size_t i, x = 0;
	int d;

	if (n == 0)
		return fail(errstr, "empty chunk size");
	for (i = 0; i < n; i++) {
		if (l[i] >= '0' && l[i] <= '9')
			d = l[i] - '0';
		else if ((l[i] | 0x20) >= 'a' && (l[i] | 0x20) <= 'f')
			d = (l[i] | 0x20) - 'a' + 10;
		else
			return fail(errstr, "malformed chunk size");
		x = x * 16 + (size_t)d;
		if (x > ENGINE_MAX_BODY)
			return fail(errstr, "response body too large");
	}
	*size = x;
	return 0;
}

/* Decode a chunked body that must end exactly at the end of input. */
static int
dechunk(const char *p, size_t n, char *out, size_t *outlen,
    const char **errstr)
{
	size_t pos = 0, total = 0, llen = 0, size;
	long adv;

	for (;;) {
		adv = crlf_line(p + pos, n - pos, &llen);
		if (adv <= 0)
			return fail(errstr, adv < 0 ? "chunk size line not "
			    "ended by CRLF" : "truncated chunked body");
		if (chunk_size(p + pos, llen, &size, errstr) != 0)
			return -1;
		pos += (size_t)adv;
		if (size == 0)
			break;
		if (size > ENGINE_MAX_BODY - total)
			return fail(errstr, "response body too large");
		if (n - pos < size + 2)
			return fail(errstr, "truncated chunk");
		if (p[pos + size] != '\r' || p[pos + size + 1] != '\n')
			return fail(errstr, "chunk not ended by CRLF");
		memcpy(out + total, p + pos, size);
		total += size;
		pos += size + 2;
	}
	/* No trailer fields: the last chunk is followed by an empty line. */
	if (n - pos != 2 || p[pos] != '\r' || p[pos + 1] != '\n')
		return fail(errstr, n - pos < 2 ? "truncated chunked body" :
		    "trailer fields or bytes after the last chunk");
	*outlen = total;
	return 0;
}

/* The body after the head, framed as the head says. */
static int
parse_body(const struct head *h, const char *p, size_t n, char **body,
    size_t *bodylen, const char **errstr)
{
	char *out;
	size_t outlen = n;

	if (h->has_length && n != h->length)
		return fail(errstr, n < h->length ? "truncated response body" :
		    "bytes after the response body");
	if (!h->chunked && n > ENGINE_MAX_BODY)
		return fail(errstr, "response body too large");
	/* A chunked body decodes to fewer bytes than it takes. */
	out = xmalloc(n + 1);
	if (h->chunked && dechunk(p, n, out, &outlen, errstr) != 0) {
		free(out);
		return -1;
	}
	if (!h->chunked && n > 0)
		memcpy(out, p, n);
	out[outlen] = '\0';
	*body = out;
	*bodylen = outlen;
	return 0;
}

int
engine_parse_response(const char *buf, size_t len, int *status, char **body,
    size_t *bodylen, const char **errstr)
{
	struct head h;
	size_t off = 0;

	*body = NULL;
	*bodylen = 0;
	*status = 0;
	if (parse_head(buf, len, &h, &off, errstr) != 0)
		return -1;
	if (parse_body(&h, buf + off, len - off, body, bodylen, errstr) != 0)
		return -1;
	*status = h.status;
	return 0;
}

char *
engine_escape(const char *seg)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i, n = strlen(seg), o = 0;
	unsigned char c;
	char *out;

	out = xreallocarray(NULL, n + 1, 3);
	for (i = 0; i < n; i++) {
		c = (unsigned char)seg[i];
		if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || c == '.' || c == '_' ||
		    c == '-') {
			out[o++] = (char)c;
			continue;
		}
		out[o++] = '%';
		out[o++] = hex[c >> 4];
		out[o++] = hex[c & 0xf];
	}
	out[o] = '\0';
	return out;
}

/* ------------------------------------------------------- transport */

/* Wait for events on fd until the deadline; 0 ready, -1 timeout/error. */
static int
wait_fd(int fd, short events, long long deadline, const char **errstr)
{
	struct pollfd pfd;
	long long left;
	int r;

	pfd.fd = fd;
	pfd.events = events;
	for (;;) {
		if ((left = deadline - monotonic_ms()) <= 0)
			return fail(errstr, "the Docker engine did not answer "
			    "in time");
		r = poll(&pfd, 1, (int)left);
		if (r > 0)
			return 0;
		if (r < 0 && errno != EINTR)
			return fail(errstr, "poll on the engine socket failed");
	}
}

/* "unix:///PATH" into addr. */
static int
socket_addr(const char *host, struct sockaddr_un *addr, const char **errstr)
{
	const char *p;

	if (host == NULL || strncmp(host, "unix://", 7) != 0 ||
	    host[7] != '/')
		return fail(errstr, "the engine host is not unix:///PATH");
	p = host + 7;
	memset(addr, 0, sizeof(*addr));
	addr->sun_family = AF_UNIX;
	if (strlen(p) >= sizeof(addr->sun_path))
		return fail(errstr, "the engine socket path is too long");
	memcpy(addr->sun_path, p, strlen(p));
	return 0;
}

static int
connect_engine(const char *host, long long deadline, int *fdp,
    const char **errstr)
{
	struct sockaddr_un addr;
	socklen_t elen = sizeof(int);
	int fd, err = 0;

	if (socket_addr(host, &addr, errstr) != 0)
		return -1;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd == -1)
		return fail(errstr, "cannot create a socket");
	if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == -1) {
		err = errno;
		if (err == EINPROGRESS) {
			if (wait_fd(fd, POLLOUT, deadline, errstr) != 0) {
				close(fd);
				return -1;
			}
			if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err,
			    &elen) != 0)
				err = errno;
		}
	}
	if (err != 0) {
		close(fd);
		*errstr = errfmt(errbuf, sizeof(errbuf), "cannot connect to "
		    "the Docker engine at %s: %s", addr.sun_path,
		    strerror(err));
		return -1;
	}
	*fdp = fd;
	return 0;
}

static int
send_all(int fd, const char *p, size_t n, long long deadline,
    const char **errstr)
{
	ssize_t w;

	while (n > 0) {
		if (wait_fd(fd, POLLOUT, deadline, errstr) != 0)
			return -1;
		w = send(fd, p, n, MSG_NOSIGNAL);
		if (w < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (w <= 0)
			return fail(errstr, "cannot send to the Docker engine");
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Read until the engine closes; at most ENGINE_MAX_RESPONSE bytes. */
static int
read_response(int fd, long long deadline, char **bufp, size_t *lenp,
    const char **errstr)
{
	char *buf = NULL;
	size_t len = 0, cap = 0;
	ssize_t r;

	for (;;) {
		if (cap - len < ENGINE_READ_CHUNK) {
			if (cap >= ENGINE_MAX_RESPONSE) {
				free(buf);
				return fail(errstr, "the engine's response is "
				    "too large");
			}
			cap = cap == 0 ? 2 * ENGINE_READ_CHUNK : cap * 2;
			buf = xreallocarray(buf, cap + 1, 1);
		}
		if (wait_fd(fd, POLLIN, deadline, errstr) != 0) {
			free(buf);
			return -1;
		}
		r = read(fd, buf + len, ENGINE_READ_CHUNK);
		if (r < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (r < 0) {
			free(buf);
			return fail(errstr, "cannot read from the Docker engine");
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	*bufp = buf;
	*lenp = len;
	return 0;
}

int
engine_get(const char *host, const char *path, int timeout_ms,
    struct engine_resp *resp, int *unavailable, const char **errstr)
{
	long long deadline = monotonic_ms() + timeout_ms;
	char *req = NULL, *raw = NULL;
	size_t rawlen = 0;
	int fd = -1, r = -1;

	memset(resp, 0, sizeof(*resp));
	*unavailable = 1;
	if (connect_engine(host, deadline, &fd, errstr) != 0)
		goto out;
	req = xasprintf("GET %s HTTP/1.1\r\nHost: docker\r\n"
	    "User-Agent: dockergate\r\nConnection: close\r\n\r\n", path);
	if (send_all(fd, req, strlen(req), deadline, errstr) != 0 ||
	    read_response(fd, deadline, &raw, &rawlen, errstr) != 0)
		goto out;
	if (engine_parse_response(raw, rawlen, &resp->status, &resp->body,
	    &resp->bodylen, errstr) != 0) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "malformed answer "
		    "from the Docker engine: %s", *errstr);
		goto out;
	}
	*unavailable = 0;
	r = 0;
out:
	if (fd != -1)
		close(fd);
	free(req);
	free(raw);
	return r;
}

void
engine_resp_free(struct engine_resp *resp)
{
	if (resp == NULL)
		return;
	free(resp->body);
	memset(resp, 0, sizeof(*resp));
}

/* -------------------------------------------------------- API calls */

/* A JSON document from a body; NULL when it is not an object. */
static json_t *
load_object(const struct engine_resp *resp)
{
	json_t *j;

	j = json_loadb(resp->body, resp->bodylen, JSON_REJECT_DUPLICATES,
	    NULL);
	if (j != NULL && !json_is_object(j)) {
		json_decref(j);
		j = NULL;
	}
	return j;
}

/* The daemon's error "message", printable ASCII, cut; "" if none. */
static void
daemon_message(const struct engine_resp *resp, char *buf, size_t len)
{
	json_t *j = load_object(resp);
	const char *m = json_string_value(json_object_get(j, "message"));
	size_t i, o = 0;

	for (i = 0; m != NULL && m[i] != '\0' && o + 1 < len &&
	    o < ENGINE_MSG_MAX; i++)
		buf[o++] = (m[i] >= 0x20 && m[i] < 0x7f) ? m[i] : '?';
	buf[o] = '\0';
	json_decref(j);
}

/* "N.M" with N, M at most four digits each, into a comparable number. */
static long
api_number(const char *v)
{
	char *end;
	long maj, min;

	if (v == NULL || strlen(v) >= ENGINE_VERSION_MAX ||
	    v[0] < '0' || v[0] > '9')
		return -1;
	maj = strtol(v, &end, 10);
	if (*end != '.' || end[1] < '0' || end[1] > '9' || maj > 9999)
		return -1;
	min = strtol(end + 1, &end, 10);
	if (*end != '\0' || min > 9999)
		return -1;
	return maj * 10000 + min;
}

/*
 * The API version to retry with after a 400 at ENGINE_API_VERSION: the
 * daemon's minimum when it is newer than ours (Docker 29 refuses anything
 * below 1.44).  0 and *ver when there is one, else -1.
 */
static int
negotiate(const char *host, char *ver, size_t len)
{
	struct engine_resp resp;
	const char *err, *min;
	json_t *j = NULL;
	int unavailable, r = -1;

	if (engine_get(host, "/version", ENGINE_TIMEOUT_MS, &resp,
	    &unavailable, &err) != 0)
		return -1;
	if (resp.status == 200 && (j = load_object(&resp)) != NULL) {
		min = json_string_value(json_object_get(j, "MinAPIVersion"));
		if (api_number(min) > api_number(ENGINE_API_VERSION)) {
			(void)snprintf(ver, len, "%s", min);
			r = 0;
		}
	}
	json_decref(j);
	engine_resp_free(&resp);
	return r;
}

/* GET /vVERSION/rest, renegotiating once when the daemon is too new. */
static int
api_get(const char *host, const char *rest, struct engine_resp *resp,
    int *unavailable, const char **errstr)
{
	char ver[ENGINE_VERSION_MAX], *path;
	int r;

	path = xasprintf("/v%s%s", ENGINE_API_VERSION, rest);
	r = engine_get(host, path, ENGINE_TIMEOUT_MS, resp, unavailable,
	    errstr);
	free(path);
	if (r != 0 || resp->status != 400 ||
	    negotiate(host, ver, sizeof(ver)) != 0)
		return r;
	engine_resp_free(resp);
	path = xasprintf("/v%s%s", ver, rest);
	r = engine_get(host, path, ENGINE_TIMEOUT_MS, resp, unavailable,
	    errstr);
	free(path);
	return r;
}

/*
 * Any status but 200 as an error; what is "container" or "image".  Docker
 * 20.10 answers an ambiguous ID prefix with a 500: that is an answer
 * (deny), not a failure of the engine.
 */
static int
status_error(const struct engine_resp *resp, const char *what,
    int *unavailable, const char **errstr)
{
	char msg[ENGINE_MSG_MAX + 1];

	if (resp->status == 404) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "no such %s", what);
		return -1;
	}
	daemon_message(resp, msg, sizeof(msg));
	*unavailable = resp->status >= 500 &&
	    strncasecmp(msg, ENGINE_AMBIGUOUS, strlen(ENGINE_AMBIGUOUS)) != 0;
	*errstr = errfmt(errbuf, sizeof(errbuf), "%s lookup %s (HTTP %d)%s%s",
	    what, *unavailable ? "failed in the Docker engine" :
	    "refused by the Docker engine", resp->status, msg[0] ? ": " : "",
	    msg);
	return -1;
}

/* A reference a client may ask about. */
static int
ref_ok(const char *ref, const char *what, const char **errstr)
{
	size_t n = strlen(ref);

	if (n == 0 || n > ENGINE_MAX_REF || !utf8_valid(ref, n) ||
	    strcmp(ref, ".") == 0 || strcmp(ref, "..") == 0) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "invalid %s reference "
		    "(empty, over %d bytes, or not a name)", what,
		    ENGINE_MAX_REF);
		return -1;
	}
	return 0;
}

/* Where the engine answers about one kind of object. */
struct route {
	const char	*kind;		/* path segment: "containers" */
	const char	*what;		/* for messages: "container" */
	const char	*suffix;	/* after the reference: "/json" or "" */
	int		 slash;		/* a leading '/' is the daemon's name
					   prefix, not part of the name */
};

static const struct route route_container = {
	"containers", "container", "/json", 1 };
static const struct route route_image = { "images", "image", "/json", 1 };
/* GET /services/{id}: swarm names never start with '/'. */
static const struct route route_service = { "services", "service", "", 0 };

/* Look up ref at /KIND/<ref>SUFFIX into *doc (caller decrefs). */
static int
api_lookup(const char *host, const struct route *rt, const char *ref,
    json_t **doc, int *unavailable, const char **errstr)
{
	struct engine_resp resp;
	char *esc, *rest;
	int r;

	*doc = NULL;
	*unavailable = 0;
	if (ref_ok(ref, rt->what, errstr) != 0)
		return -1;
	/*
	 * The daemon keys container names as "/name" and takes either
	 * spelling; sent escaped, "/web" would be "//web", which its router
	 * redirects.
	 */
	esc = engine_escape(rt->slash && ref[0] == '/' && ref[1] != '\0' ?
	    ref + 1 : ref);
	rest = xasprintf("/%s/%s%s", rt->kind, esc, rt->suffix);
	r = api_get(host, rest, &resp, unavailable, errstr);
	free(esc);
	free(rest);
	if (r != 0)
		return -1;
	if (resp.status != 200)
		r = status_error(&resp, rt->what, unavailable, errstr);
	else if ((*doc = load_object(&resp)) == NULL) {
		*unavailable = 1;
		*errstr = errfmt(errbuf, sizeof(errbuf), "the Docker engine "
		    "answered the %s lookup with invalid JSON", rt->what);
		r = -1;
	}
	engine_resp_free(&resp);
	return r;
}

static int
is_hex_id(const char *s)
{
	size_t i;

	if (s == NULL || strlen(s) != ENGINE_ID_LEN)
		return 0;
	for (i = 0; i < ENGINE_ID_LEN; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' &&
		    s[i] <= 'f')))
			return 0;
	return 1;
}

/* A labels object (null or an object of strings) into t. */
static int
take_labels(json_t *labels, const char *what, struct target *t,
    const char **errstr)
{
	json_t *v;
	const char *k;

	if (labels == NULL || json_is_null(labels))
		return 0;
	if (!json_is_object(labels) ||
	    json_object_size(labels) > ENGINE_MAX_LABELS) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "the engine's %s "
		    "labels are malformed or too many", what);
		return -1;
	}
	t->labels = xcalloc(json_object_size(labels), sizeof(*t->labels));
	json_object_foreach(labels, k, v) {
		if (!json_is_string(v)) {
			*errstr = errfmt(errbuf, sizeof(errbuf), "a %s label "
			    "is not a string", what);
			return -1;
		}
		t->labels[t->nlabels].key = xstrdup(k);
		t->labels[t->nlabels++].value = xstrdup(json_string_value(v));
	}
	return 0;
}

/* The answer names the object asked for: by name, ID or ID prefix. */
static int
answers_ref(const struct target *t, const char *ref)
{
	const char *r = ref[0] == '/' ? ref + 1 : ref;

	return strcmp(t->name, r) == 0 ||
	    strncmp(t->id, ref, strlen(ref)) == 0;
}

/*
 * Id, Name and labels of a container document; a malformed one sets
 * *unavailable, an answer about another container does not.
 */
static int
take_container(json_t *doc, const char *ref, struct target *t,
    int *unavailable, const char **errstr)
{
	const char *id, *name;

	*unavailable = 1;
	id = json_string_value(json_object_get(doc, "Id"));
	name = json_string_value(json_object_get(doc, "Name"));
	if (!is_hex_id(id))
		return fail(errstr, "the engine's container Id is not 64 hex "
		    "digits");
	if (name == NULL || name[0] != '/' || name[1] == '\0')
		return fail(errstr, "the engine's container Name is malformed");
	t->id = xstrdup(id);
	t->name = xstrdup(name + 1);
	if (take_labels(json_object_get(json_object_get(doc, "Config"),
	    "Labels"), "container", t, errstr) != 0)
		return -1;
	*unavailable = 0;
	if (!answers_ref(t, ref))
		return fail(errstr, "the engine answered about another "
		    "container");
	return 0;
}

/* Remove label i of t (order is not kept). */
static void
drop_label(struct target *t, size_t i)
{
	free(t->labels[i].key);
	free(t->labels[i].value);
	t->labels[i] = t->labels[--t->nlabels];
}

/* 1 when image labels (a JSON object) hold key with the string value. */
static int
image_has_label(json_t *labels, const char *key, const char *value)
{
	const char *v = json_string_value(json_object_get(labels, key));

	return v != NULL && strcmp(v, value) == 0;
}

/*
 * Reserved labels a container may have from its image count as absent.
 *
 * The daemon gives a new container every label of its image that the
 * create request does not set itself.  A role that may build, commit or
 * import can make an image that carries the owner label or a live session
 * label (values_label_reserved: "dockergate."), and a container that
 * someone else starts from it, outside the gateway, would then look owned
 * by that role, or like one of its sessions' and be killed at that
 * session's end.  So a reserved label is the container's own only when
 * the container's image does not carry the same key with the same value:
 * a different value can only have been set at create, which through the
 * gateway only own: true and the session label do (run --label with the
 * prefix is refused).  The image is the one the container was created
 * from, by the immutable ID in .Image, never by a tag that may have moved
 * since: an image ID is a digest of its configuration, labels included, so
 * its labels now are its labels then.  An image that is gone (rmi -f) can
 * no longer show where a label came from: then no reserved label counts.
 * The same key and value set both ways (the gateway's own on an image
 * that already has it) also counts as absent: it fails closed.
 */
static int
drop_inherited(const char *host, json_t *doc, struct target *t,
    int *unavailable, const char **errstr)
{
	json_t *img = NULL, *labels;
	const char *id;
	size_t i, n = 0;
	int gone;

	for (i = 0; i < t->nlabels; i++)
		n += values_label_reserved(t->labels[i].key);
	if (n == 0)
		return 0;
	*unavailable = 1;
	id = json_string_value(json_object_get(doc, "Image"));
	if (id == NULL || strncmp(id, "sha256:", 7) != 0 || !is_hex_id(id + 7))
		return fail(errstr, "the engine's container Image is not an "
		    "image ID");
	gone = api_lookup(host, &route_image, id, &img, unavailable,
	    errstr) != 0;
	if (gone && *unavailable)
		return -1;
	*unavailable = 1;
	labels = json_object_get(json_object_get(img, "Config"), "Labels");
	if (!gone && labels != NULL && !json_is_null(labels) &&
	    !json_is_object(labels)) {
		json_decref(img);
		return fail(errstr, "the engine's image labels are malformed");
	}
	for (i = t->nlabels; i-- > 0; )
		if (values_label_reserved(t->labels[i].key) && (gone ||
		    image_has_label(labels, t->labels[i].key,
		    t->labels[i].value)))
			drop_label(t, i);
	json_decref(img);
	*unavailable = 0;
	return 0;
}

int
engine_container(const char *host, const char *ref, struct target *t,
    int *unavailable, const char **errstr)
{
	json_t *doc = NULL;
	int r;

	memset(t, 0, sizeof(*t));
	if (api_lookup(host, &route_container, ref, &doc, unavailable,
	    errstr) != 0)
		return -1;
	r = take_container(doc, ref, t, unavailable, errstr);
	if (r == 0)
		r = drop_inherited(host, doc, t, unavailable, errstr);
	if (r != 0)
		decide_target_free(t);
	json_decref(doc);
	return r;
}

/* A swarm object ID: ENGINE_SWARM_ID_LEN lowercase base-36 digits. */
static int
is_swarm_id(const char *s)
{
	size_t i;

	if (s == NULL || strlen(s) != ENGINE_SWARM_ID_LEN)
		return 0;
	for (i = 0; i < ENGINE_SWARM_ID_LEN; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' &&
		    s[i] <= 'z')))
			return 0;
	return 1;
}

/*
 * ID, Spec.Name and Spec.Labels of a service document; a malformed one
 * sets *unavailable, an answer about another service does not.
 */
static int
take_service(json_t *doc, const char *ref, struct target *t,
    int *unavailable, const char **errstr)
{
	json_t *spec = json_object_get(doc, "Spec");
	const char *id, *name;

	*unavailable = 1;
	id = json_string_value(json_object_get(doc, "ID"));
	name = json_string_value(json_object_get(spec, "Name"));
	if (!is_swarm_id(id))
		return fail(errstr, "the engine's service ID is not 25 "
		    "lowercase letters and digits");
	if (name == NULL || name[0] == '\0' || name[0] == '/')
		return fail(errstr, "the engine's service Name is malformed");
	t->id = xstrdup(id);
	t->name = xstrdup(name);
	if (take_labels(json_object_get(spec, "Labels"), "service", t,
	    errstr) != 0)
		return -1;
	*unavailable = 0;
	if (!answers_ref(t, ref))
		return fail(errstr, "the engine answered about another "
		    "service");
	return 0;
}

int
engine_service(const char *host, const char *ref, struct target *t,
    int *unavailable, const char **errstr)
{
	json_t *doc = NULL;
	int r;

	memset(t, 0, sizeof(*t));
	if (api_lookup(host, &route_service, ref, &doc, unavailable,
	    errstr) != 0)
		return -1;
	if ((r = take_service(doc, ref, t, unavailable, errstr)) != 0)
		decide_target_free(t);
	json_decref(doc);
	return r;
}

/* RepoTags (null or an array of strings) onto tags. */
static int
take_tags(json_t *doc, struct strv *tags, const char **errstr)
{
	json_t *a, *v;
	const char *id;
	size_t i;

	id = json_string_value(json_object_get(doc, "Id"));
	if (id == NULL || strncmp(id, "sha256:", 7) != 0 || !is_hex_id(id + 7))
		return fail(errstr, "the engine's image Id is malformed");
	a = json_object_get(doc, "RepoTags");
	if (a == NULL || json_is_null(a))
		return 0;
	if (!json_is_array(a) || json_array_size(a) > ENGINE_MAX_TAGS)
		return fail(errstr, "the engine's image RepoTags are "
		    "malformed or too many");
	json_array_foreach(a, i, v)
		if (!json_is_string(v))
			return fail(errstr, "an image tag is not a string");
	json_array_foreach(a, i, v)
		strv_push(tags, json_string_value(v));
	return 0;
}

int
engine_image_tags(const char *host, const char *ref, struct strv *repotags,
    int *unavailable, const char **errstr)
{
	json_t *doc = NULL;
	int r;

	if (api_lookup(host, &route_image, ref, &doc, unavailable, errstr) != 0)
		return -1;
	if ((r = take_tags(doc, repotags, errstr)) != 0)
		*unavailable = 1;
	json_decref(doc);
	return r;
}

/* GET the containers (all=1) that carry label ("KEY" or "KEY=VALUE"). */
static int
list_labelled(const char *host, const char *label, json_t **doc,
    int *unavailable, const char **errstr)
{
	struct engine_resp resp;
	json_t *filt;
	char *js, *esc, *rest;
	int r;

	*doc = NULL;
	*unavailable = 0;
	filt = json_pack("{s:[s]}", "label", label);
	js = filt != NULL ? json_dumps(filt, JSON_COMPACT) : NULL;
	json_decref(filt);
	if (js == NULL) {
		*errstr = "cannot encode a container filter";
		return -1;
	}
	esc = engine_escape(js);
	free(js);
	rest = xasprintf("/containers/json?all=1&filters=%s", esc);
	free(esc);
	r = api_get(host, rest, &resp, unavailable, errstr);
	free(rest);
	if (r != 0)
		return -1;
	if (resp.status != 200)
		r = status_error(&resp, "container", unavailable, errstr);
	else if ((*doc = json_loadb(resp.body, resp.bodylen,
	    JSON_REJECT_DUPLICATES, NULL)) == NULL || !json_is_array(*doc)) {
		json_decref(*doc);
		*doc = NULL;
		*unavailable = 1;
		*errstr = "the Docker engine answered the container listing "
		    "with invalid JSON";
		r = -1;
	}
	engine_resp_free(&resp);
	return r;
}

int
engine_count_labelled(const char *host, const char *label, long *n,
    int *unavailable, const char **errstr)
{
	json_t *doc;

	*n = 0;
	if (list_labelled(host, label, &doc, unavailable, errstr) != 0)
		return -1;
	*n = (long)json_array_size(doc);
	json_decref(doc);
	return 0;
}

int
engine_list_labelled(const char *host, const char *label, struct strv *ids,
    int *unavailable, const char **errstr)
{
	json_t *doc, *c;
	const char *id;
	size_t i;

	if (list_labelled(host, label, &doc, unavailable, errstr) != 0)
		return -1;
	json_array_foreach(doc, i, c) {
		id = json_string_value(json_object_get(c, "Id"));
		if (!is_hex_id(id)) {
			json_decref(doc);
			*unavailable = 1;
			*errstr = "the Docker engine listed a container without "
			    "a full ID";
			return -1;
		}
		strv_push(ids, id);
	}
	json_decref(doc);
	return 0;
}
