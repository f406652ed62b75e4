/*
 * audit.c: decision and exit records as JSON lines, to syslog (authpriv)
 * and/or an append-only file.
 *
 * Security invariants:
 * - Every untrusted string MUST be made valid UTF-8 without NUL before it
 *   reaches jansson (json_string returns NULL on invalid UTF-8 and the
 *   record would be lost): invalid bytes and NUL become the visible text
 *   "\xNN".  Scalar strings are cut, with a marker, at AUDIT_MAX_STRING
 *   bytes of their JSON encoding.
 * - A record MUST NOT split into lines for any reader: C0 and C1 controls
 *   (U+0085 NEL among them) and U+2028, U+2029 are written as \uXXXX.
 * - A decision record MUST hold what runs whole: the raw command up to
 *   AUDIT_MAX_COMMAND (= CMDLINE_MAX_BYTES, checked at compile time) and
 *   the canonical argv up to AUDIT_MAX_ARGV elements and
 *   AUDIT_MAX_ARGV_BYTES; an allow that does not fit is refused
 *   (audit_fits), so no record is ever cut while docker runs the rest.
 *   Denials are cut with a marker instead.  No record can exceed
 *   AUDIT_MAX_RECORD (checked at compile time below).
 * - The decision, the rule and the ids MUST come first in a record, so
 *   a relay that cuts a long line keeps them.
 * - A record MUST be built completely in memory and reach the file in
 *   exactly one write(2) on an O_APPEND descriptor, so concurrent
 *   gateways never interleave.  A short write is a failure, and the
 *   partial line is cut off again when nobody appended after it.
 * - The file MUST be opened with O_NOFOLLOW and MUST be a regular file.
 * - Syslog MUST count as a sink only when the socket took the whole
 *   message (glibc's syslog(3) cannot report a loss); a record over
 *   AUDIT_SYSLOG_MAX is sent as a bounded summary that does not count.
 * - A failure MUST be reported to the caller, who decides (exit 69 when
 *   audit is required); this module never exits or prints.
 */
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "audit.h"
#include "cmdline.h"
#include "grammar.h"
#include "util.h"

#define AUDIT_MARKER		"\xe2\x80\xa6(truncated)"	/* …(truncated) */
#define AUDIT_MARKER_LEN	(sizeof(AUDIT_MARKER) - 1)
#define AUDIT_SESSION_BYTES	16	/* random bytes of a session id */
#define AUDIT_TS_LEN		64	/* "2026-11-29T04:06:39.123Z" + NUL, with
					   room for any int in struct tm */
#define AUDIT_ERRBUF		256	/* message buffer */
#define AUDIT_STRINGS		6	/* untrusted scalar strings a record holds */
#define AUDIT_FIXED		512	/* keys, ts, session, numbers, braces */
#define AUDIT_ESC_BYTE		5	/* encoded cost of "\xNN": \\xNN */
#define AUDIT_ESC_CTRL		6	/* encoded cost of \u00XX */
#define AUDIT_SUMMARY_STRINGS	7	/* strings of a summary record */
#define AUDIT_SYSLOG_HEAD	64	/* "<PRI>Mmm dd hh:mm:ss dockergate[PID]: " */
#define AUDIT_TIME_LEN		32	/* "Mmm dd hh:mm:ss" + NUL, with room */
#define AUDIT_DUMP_FLAGS	(JSON_COMPACT | JSON_PRESERVE_ORDER)
#define AUDIT_FNV_OFFSET	0xcbf29ce484222325ULL	/* FNV-1a 64 basis */
#define AUDIT_FNV_PRIME		0x100000001b3ULL	/* FNV-1a 64 prime */

/* Every command the command line lets through fits a record whole. */
_Static_assert(AUDIT_MAX_COMMAND >= CMDLINE_MAX_BYTES,
    "the audit record cannot hold every command that may run");
_Static_assert(AUDIT_ESC_MAX >= AUDIT_ESC_CTRL &&
    AUDIT_ESC_MAX >= AUDIT_ESC_BYTE, "AUDIT_ESC_MAX is not the worst case");
_Static_assert(AUDIT_MAX_ARGV >= CMDLINE_MAX_ARGC + GRAMMAR_MAX_FLAGS,
    "the audit record cannot hold every word and flag that may run");
_Static_assert(AUDIT_MAX_ARGV_BYTES >= AUDIT_ESC_MAX * CMDLINE_MAX_BYTES,
    "the audit record cannot hold the words of every command that may run");

/* Worst case: every string, command and argv element with a marker. */
_Static_assert(AUDIT_STRINGS * (AUDIT_MAX_STRING + AUDIT_MARKER_LEN + 2) +
    AUDIT_ESC_MAX * AUDIT_MAX_COMMAND + AUDIT_MARKER_LEN + 2 +
    AUDIT_MAX_ARGV_BYTES + AUDIT_MAX_ARGV * (AUDIT_MARKER_LEN + 3) + 2 +
    AUDIT_FIXED + 1 <= AUDIT_MAX_RECORD, "an audit record can overflow");

/* A summary always fits one syslog message. */
_Static_assert(AUDIT_SYSLOG_HEAD + AUDIT_SUMMARY_STRINGS *
    (AUDIT_SUMMARY_STRING + AUDIT_MARKER_LEN + 2) + AUDIT_FIXED <=
    AUDIT_SYSLOG_MAX, "a syslog summary record can overflow");

static char errbuf[AUDIT_ERRBUF];

/* ------------------------------------------------------------------ */
/* Untrusted strings                                                    */
/* ------------------------------------------------------------------ */

struct sbuf {
	char	*p;
	size_t	 len;
	size_t	 cap;
	int	 cut;		/* sanitize left something out */
};

static void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = xreallocarray(b->p, b->cap, 1);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* Length of the valid UTF-8 character at s (left bytes), 0 if invalid. */
static size_t
utf8_char(const unsigned char *s, size_t left)
{
	size_t n;

	if (*s == 0)
		return 0;
	if (*s < 0x80)
		return 1;
	if ((*s & 0xe0) == 0xc0)
		n = 2;
	else if ((*s & 0xf0) == 0xe0)
		n = 3;
	else if ((*s & 0xf8) == 0xf0)
		n = 4;
	else
		return 0;
	return n <= left && utf8_valid((const char *)s, n) ? n : 0;
}

/* Bytes the JSON encoding of one ASCII byte takes (as jansson writes it). */
static size_t
ascii_cost(unsigned char c)
{
	if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' ||
	    c == '\r' || c == '\t')
		return 2;
	return c < 0x20 ? AUDIT_ESC_CTRL : 1;
}

/*
 * Whether the valid UTF-8 character at p (n bytes) is one that readers
 * take as a line break or control and that jansson leaves raw: C1
 * (U+0080-U+009F, NEL among them), U+2028, U+2029.  Being lead bytes, 0xc2
 * and 0xe2 also mark such a character in any valid UTF-8 text.
 */
static int
raw_separator(const unsigned char *p, size_t n)
{
	if (n == 2)
		return p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f;
	if (n == 3)
		return p[0] == 0xe2 && p[1] == 0x80 &&
		    (p[2] == 0xa8 || p[2] == 0xa9);
	return 0;
}

/* The encoded cost of the input at p (left bytes); *n: bytes it takes. */
static size_t
char_cost(const unsigned char *p, size_t left, size_t *n)
{
	*n = utf8_char(p, left);
	if (*n == 1)
		return ascii_cost(*p);
	if (*n == 0)
		return AUDIT_ESC_BYTE;
	return raw_separator(p, *n) ? AUDIT_ESC_CTRL : *n;
}

/* The encoded bytes of s (len bytes), quotes excluded. */
static size_t
enc_cost(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n, cost = 0;

	while (i < len) {
		cost += char_cost(p + i, len - i, &n);
		i += n ? n : 1;
	}
	return cost;
}

/*
 * Make s (len bytes, any content) valid UTF-8 without NUL into b, cut so
 * that its JSON encoding holds at most limit bytes (the marker is added
 * beyond that).  Returns the encoded bytes used, marker excluded.
 */
static size_t
sanitize(struct sbuf *b, const char *s, size_t len, size_t limit)
{
	const unsigned char *p = (const unsigned char *)s;
	char hex[AUDIT_ESC_BYTE];
	size_t i = 0, n, cost, used = 0;

	sb_add(b, "", 0);
	while (i < len) {
		cost = char_cost(p + i, len - i, &n);
		if (used + cost > limit) {
			sb_add(b, AUDIT_MARKER, AUDIT_MARKER_LEN);
			b->cut = 1;
			break;
		}
		if (n == 0) {
			(void)snprintf(hex, sizeof(hex), "\\x%02x", p[i]);
			sb_add(b, hex, sizeof(hex) - 1);
			n = 1;
		} else
			sb_add(b, s + i, n);
		used += cost;
		i += n;
	}
	return used;
}

/*
 * The JSON text buf (len bytes, valid UTF-8 as jansson writes it) with
 * every raw separator written as \uXXXX.  Only strings hold non-ASCII
 * bytes, so the escape lands inside a string.  Caller frees; *outlen set.
 */
static char *
escape_separators(const char *buf, size_t len, size_t *outlen)
{
	const unsigned char *p = (const unsigned char *)buf;
	struct sbuf b = { NULL, 0, 0, 0 };
	char esc[AUDIT_ESC_CTRL + 1];
	size_t i = 0, n;

	sb_add(&b, "", 0);
	while (i < len) {
		n = p[i] == 0xe2 ? 3 : 2;
		if ((p[i] == 0xc2 || p[i] == 0xe2) && n <= len - i &&
		    raw_separator(p + i, n)) {
			(void)snprintf(esc, sizeof(esc), "\\u%04X", n == 2 ?
			    p[i + 1] : 0x2000 | (p[i + 2] & 0x3f) |
			    ((p[i + 1] & 0x3f) << 6));
			sb_add(&b, esc, AUDIT_ESC_CTRL);
			i += n;
		} else
			sb_add(&b, buf + i++, 1);
	}
	*outlen = b.len;
	return b.p;
}

/* A jansson string of s, sanitized and bounded; NULL only without memory. */
static json_t *
jstr(const char *s, size_t len, size_t limit, size_t *used, int *cut)
{
	struct sbuf b = { NULL, 0, 0, 0 };
	json_t *j;
	size_t u;

	if (s == NULL)
		s = "";
	u = sanitize(&b, s, len, limit);
	j = json_stringn(b.p, b.len);
	if (cut != NULL)
		*cut = b.cut;
	free(b.p);
	if (used != NULL)
		*used = u;
	return j;
}

static json_t *
jstrl(const char *s, size_t limit)
{
	return jstr(s, s ? strlen(s) : 0, limit, NULL, NULL);
}

/* The raw command: its first AUDIT_MAX_COMMAND bytes, whole. */
static json_t *
jcommand(const char *command, size_t cmdlen)
{
	struct sbuf b = { NULL, 0, 0, 0 };
	json_t *j;

	if (command == NULL)
		cmdlen = 0;
	(void)sanitize(&b, command ? command : "", cmdlen > AUDIT_MAX_COMMAND ?
	    AUDIT_MAX_COMMAND : cmdlen, SIZE_MAX);
	if (cmdlen > AUDIT_MAX_COMMAND)
		sb_add(&b, AUDIT_MARKER, AUDIT_MARKER_LEN);
	j = json_stringn(b.p, b.len);
	free(b.p);
	return j;
}

char *
audit_json_string(const char *s, size_t len)
{
	json_t *j;
	char *dump = NULL, *out = NULL;
	size_t n;

	if ((j = jstr(s, len, AUDIT_MAX_STRING, NULL, NULL)) != NULL)
		dump = json_dumps(j, AUDIT_DUMP_FLAGS | JSON_ENCODE_ANY);
	if (dump != NULL)
		out = escape_separators(dump, strlen(dump), &n);
	json_decref(j);
	free(dump);
	return out;
}

/*
 * argv, bounded in count and in total size; json null for NULL.  An
 * element cut short ends the array; past AUDIT_MAX_ARGV elements the last
 * slot is the marker.  Only denials get here cut (audit_fits).
 */
static json_t *
jargv(char *const *argv)
{
	json_t *arr, *el;
	size_t i, budget = AUDIT_MAX_ARGV_BYTES, used;
	int last, cut = 0;

	if (argv == NULL)
		return json_null();
	if ((arr = json_array()) == NULL)
		return NULL;
	for (i = 0; argv[i] != NULL && !cut; i++) {
		last = i == AUDIT_MAX_ARGV - 1 && argv[i + 1] != NULL;
		if (last)
			el = json_string(AUDIT_MARKER);
		else {
			el = jstr(argv[i], strlen(argv[i]), budget, &used,
			    &cut);
			budget -= used;
		}
		if (json_array_append_new(arr, el) == -1) {
			json_decref(arr);
			return NULL;
		}
		if (last)
			break;
	}
	return arr;
}

int
audit_fits(const char *command, size_t cmdlen, char *const *argv,
    const char **errstr)
{
	size_t i, bytes = 0;

	if (command != NULL && cmdlen > AUDIT_MAX_COMMAND) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "the command is "
		    "longer than the %d bytes an audit record holds",
		    AUDIT_MAX_COMMAND);
		return -1;
	}
	for (i = 0; argv != NULL && argv[i] != NULL; i++) {
		if (i == AUDIT_MAX_ARGV) {
			*errstr = errfmt(errbuf, sizeof(errbuf), "its "
			    "canonical argv has more than the %d words an "
			    "audit record holds", AUDIT_MAX_ARGV);
			return -1;
		}
		bytes += enc_cost(argv[i], strlen(argv[i]));
	}
	if (bytes > AUDIT_MAX_ARGV_BYTES) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "its canonical argv "
		    "takes %zu bytes encoded, more than the %d an audit record "
		    "holds", bytes, AUDIT_MAX_ARGV_BYTES);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Records                                                              */
/* ------------------------------------------------------------------ */

/*
 * Days since 1970-01-01 to a proleptic Gregorian date, by 400-year eras of
 * 146097 days counted from 0000-03-01 (so that the leap day ends a year).
 */
void
audit_gmtime(time_t t, struct tm *tm)
{
	long long days = (long long)(t / 86400), secs = (long long)(t % 86400);
	long long era, yoe, doe, doy, mp, year;

	if (secs < 0) {
		secs += 86400;
		days--;
	}
	days += 719468;			/* 0000-03-01 to 1970-01-01 */
	era = (days >= 0 ? days : days - 146096) / 146097;
	doe = days - era * 146097;	/* [0, 146096] */
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);	/* from March 1 */
	mp = (5 * doy + 2) / 153;	/* March = 0 */
	year = yoe + era * 400 + (mp >= 10);
	memset(tm, 0, sizeof(*tm));
	tm->tm_year = (int)(year - 1900);
	tm->tm_mon = (int)(mp < 10 ? mp + 2 : mp - 10);
	tm->tm_mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_sec = (int)(secs % 60);
}

static void
timestamp(char *buf, size_t len)
{
	struct timespec ts;
	struct tm tm;

	(void)clock_gettime(CLOCK_REALTIME, &ts);
	audit_gmtime(ts.tv_sec, &tm);
	(void)snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000L);
}

/*
 * Add key: val to rec; val is consumed, also after a failure or when rec
 * is NULL (json_object_set_new drops its reference).  Returns rec, or NULL
 * after freeing it if anything was missing.
 */
static json_t *
add(json_t *rec, const char *key, json_t *val)
{
	if (json_object_set_new(rec, key, val) == -1) {
		json_decref(rec);
		return NULL;
	}
	return rec;
}

/*
 * Undo a partial append of written bytes: only when the file still ends
 * where our write ended, so that no later writer's record is cut.  Returns
 * 0 if the fragment is gone, -1 if it had to stay (a concurrent append on
 * a full filesystem; readers must then skip one unparsable line).
 */
static int
rollback(int fd, size_t written)
{
	struct stat st;
	off_t end;

	if ((end = lseek(fd, 0, SEEK_CUR)) == -1 || fstat(fd, &st) == -1)
		return -1;
	if (st.st_size != end || (size_t)end < written)
		return -1;
	return ftruncate(fd, end - (off_t)written);
}

/* One write(2) of the whole line; a short write is undone and fails. */
static int
write_line(int fd, const char *buf, size_t len, const char **errstr)
{
	ssize_t w;

	do
		w = write(fd, buf, len);
	while (w == -1 && errno == EINTR);
	if (w >= 0 && (size_t)w == len)
		return 0;
	if (w > 0)
		*errstr = errfmt(errbuf, sizeof(errbuf), "cannot write audit "
		    "record: short write (%zd of %zu bytes%s)", w, len,
		    rollback(fd, (size_t)w) == 0 ? ", undone" : "");
	else
		*errstr = errfmt(errbuf, sizeof(errbuf), "cannot write audit "
		    "record: %s", w == 0 ? "nothing written" : strerror(errno));
	return -1;
}

/* ------------------------------------------------------------------ */
/* Syslog                                                               */
/* ------------------------------------------------------------------ */

/* Connect to AUDIT_SYSLOG_PATH: datagram, or stream where it is one. */
static int
log_connect(struct audit *a, const char **errstr)
{
	struct sockaddr_un sun;
	int fd, type = SOCK_DGRAM, e;

	if (a->logfd != -1)
		return 0;
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	memcpy(sun.sun_path, AUDIT_SYSLOG_PATH, sizeof(AUDIT_SYSLOG_PATH));
	for (;;) {
		if ((fd = socket(AF_UNIX, type | SOCK_CLOEXEC | SOCK_NONBLOCK,
		    0)) == -1)
			break;
		if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0) {
			a->logfd = fd;
			a->logstream = type == SOCK_STREAM;
			return 0;
		}
		e = errno;
		(void)close(fd);
		errno = e;
		if (e != EPROTOTYPE || type == SOCK_STREAM)
			break;
		type = SOCK_STREAM;
	}
	*errstr = errfmt(errbuf, sizeof(errbuf), "syslog %s: %s",
	    AUDIT_SYSLOG_PATH, strerror(errno));
	return -1;
}

static void
log_disconnect(struct audit *a)
{
	if (a->logfd != -1)
		(void)close(a->logfd);
	a->logfd = -1;
}

int
audit_syslog_probe(const char **errstr)
{
	struct audit a;

	memset(&a, 0, sizeof(a));
	a.logfd = -1;
	if (log_connect(&a, errstr) == -1)
		return -1;
	log_disconnect(&a);
	return 0;
}

/*
 * Send buf whole: one datagram, or every byte of a stream.  A full queue
 * (EAGAIN, ENOBUFS) is waited for until AUDIT_SYSLOG_WAIT_MS have passed.
 * Returns 0, or -1 with errno.
 */
static int
log_send(struct audit *a, const char *buf, size_t len)
{
	struct pollfd pfd;
	long long end = monotonic_ms() + AUDIT_SYSLOG_WAIT_MS, left;
	size_t off = 0;
	ssize_t w;

	while (off < len) {
		w = send(a->logfd, buf + off, len - off,
		    MSG_NOSIGNAL | MSG_DONTWAIT);
		if (w > 0 && (a->logstream || (size_t)w == len)) {
			off += (size_t)w;
			continue;
		}
		if (w >= 0)
			errno = EMSGSIZE;	/* a datagram is never cut */
		if (errno == EINTR)
			continue;
		if (errno != EAGAIN && errno != EWOULDBLOCK &&
		    errno != ENOBUFS)
			return -1;
		if ((left = end - monotonic_ms()) <= 0)
			return -1;
		pfd.fd = a->logfd;
		pfd.events = POLLOUT;
		if (errno == ENOBUFS)	/* not polled for: nap, try again */
			(void)poll(NULL, 0, left < AUDIT_SYSLOG_NAP_MS ?
			    (int)left : AUDIT_SYSLOG_NAP_MS);
		else
			(void)poll(&pfd, 1, (int)left);
	}
	return 0;
}

/*
 * "<PRI>Mmm dd hh:mm:ss dockergate[PID]: " as glibc's syslog(3) writes
 * it (local time, C locale month), facility authpriv.  Returns its length.
 */
static size_t
log_header(char *buf, size_t len, int prio)
{
	char tbuf[AUDIT_TIME_LEN];
	time_t now = time(NULL);
	struct tm tm;
	int n;

	if (localtime_r(&now, &tm) == NULL ||
	    strftime(tbuf, sizeof(tbuf), "%h %e %T", &tm) == 0)
		tbuf[0] = '\0';
	n = snprintf(buf, len, "<%d>%s dockergate[%ld]: ", LOG_AUTHPRIV |
	    prio, tbuf, (long)getpid());
	return n > 0 && (size_t)n < len ? (size_t)n : 0;
}

/*
 * One syslog message of msg (len bytes, at most AUDIT_SYSLOG_MAX with the
 * header); a stream message ends with NUL, as glibc ends it.  A refused
 * connection (syslogd restarted) is tried once more.  0, or -1 with
 * *errstr.
 */
static int
log_message(struct audit *a, int prio, const char *msg, size_t len,
    const char **errstr)
{
	char *buf = xmalloc(AUDIT_SYSLOG_MAX + 1);
	size_t h = log_header(buf, AUDIT_SYSLOG_HEAD, prio), n;
	int tries, r = -1;

	if (h == 0 || h + len > AUDIT_SYSLOG_MAX) {
		*errstr = "cannot build syslog message";
		goto done;
	}
	memcpy(buf + h, msg, len);
	buf[h + len] = '\0';
	for (tries = 0; tries < 2 && r == -1; tries++) {
		if (log_connect(a, errstr) == -1)
			goto done;
		n = h + len + (a->logstream ? 1 : 0);
		if ((r = log_send(a, buf, n)) == -1) {
			*errstr = errfmt(errbuf, sizeof(errbuf), "syslog %s: "
			    "%s", AUDIT_SYSLOG_PATH, strerror(errno));
			log_disconnect(a);
			if (errno != ECONNREFUSED && errno != ENOTCONN &&
			    errno != EPIPE && errno != ECONNRESET)
				break;
		}
	}
done:
	free(buf);
	return r;
}

/* ------------------------------------------------------------------ */
/* Emitting                                                             */
/* ------------------------------------------------------------------ */

/* What a decision record says, and the time it says it. */
struct drec {
	const char	*ts;
	const char	*command;
	size_t		 cmdlen;
	char *const	*argv;
	int		 allow;
	const char	*rule;
	const char	*reason;
	const struct audit_call *call;	/* or NULL */
};

/* Identifies a file record from its syslog summary. */
struct digest {
	size_t		 bytes;		/* the line, newline excluded */
	uint64_t	 fnv;		/* FNV-1a 64 of those bytes */
};

static uint64_t
fnv1a(const char *s, size_t len)
{
	uint64_t h = AUDIT_FNV_OFFSET;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= AUDIT_FNV_PRIME;
	}
	return h;
}

/*
 * An MCP request id, given as JSON text: kept as the integer or string it
 * is; anything else (the caller's bug) as an escaped string, so that the
 * record is never lost.
 */
static json_t *
rpc_id(const char *text)
{
	json_t *v = json_loads(text, JSON_DECODE_ANY, NULL);

	if (json_is_integer(v) || (json_is_string(v) &&
	    json_string_length(v) <= AUDIT_MAX_STRING / AUDIT_ESC_MAX &&
	    utf8_valid(json_string_value(v), json_string_length(v))))
		return v;
	json_decref(v);
	return jstrl(text, AUDIT_MAX_STRING);
}

/*
 * The decision record: decision and ids first, bulk last.  With dg, the
 * bounded summary for syslog instead: no command or argv, the size and
 * digest of the whole record and the file that holds it.
 */
static json_t *
decision_record(const struct audit *a, const struct drec *d,
    const struct digest *dg)
{
	size_t lim = dg ? AUDIT_SUMMARY_STRING : AUDIT_MAX_STRING;
	char hex[sizeof(uint64_t) * 2 + 1];
	json_t *rec = json_object();

	rec = add(rec, "event", json_string("decision"));
	rec = add(rec, "decision", json_string(d->allow == AUDIT_OBSERVE ?
	    "observe" : d->allow ? "allow" : "deny"));
	rec = add(rec, "rule", jstrl(d->rule, lim));
	rec = add(rec, "session", json_string(a->session));
	if (d->call != NULL && d->call->rpc_id != NULL)
		rec = add(rec, "rpc_id", rpc_id(d->call->rpc_id));
	rec = add(rec, "user", jstrl(a->user, lim));
	rec = add(rec, "role", jstrl(a->role, lim));
	rec = add(rec, "ts", json_string(d->ts));
	rec = add(rec, "client", jstrl(a->client, lim));
	rec = add(rec, "reason", jstrl(d->reason, lim));
	if (d->call != NULL && d->call->plugin != NULL)
		rec = add(rec, "plugin", jstrl(d->call->plugin, lim));
	if (d->call != NULL && d->call->request != NULL)
		rec = add(rec, "request", jstrl(d->call->request, lim));
	if (d->call != NULL && d->call->approval != NULL)
		rec = add(rec, "approval", jstrl(d->call->approval, lim));
	if (dg == NULL) {
		rec = add(rec, "command", jcommand(d->command, d->cmdlen));
		return add(rec, "argv", jargv(d->argv));
	}
	(void)snprintf(hex, sizeof(hex), "%016llx", (unsigned long long)dg->fnv);
	rec = add(rec, "record_bytes", json_integer((json_int_t)dg->bytes));
	rec = add(rec, "record_fnv1a64", json_string(hex));
	return add(rec, "record_file", a->file ? jstrl(a->file, lim) :
	    json_null());
}

/*
 * rec as one JSON line without the newline, separators escaped (caller
 * frees), or NULL with *errstr.  Consumes rec.
 */
static char *
dump(json_t *rec, size_t *len, const char **errstr)
{
	char *buf = NULL, *out = NULL;
	size_t n;

	*errstr = "cannot build audit record: out of memory";
	if (rec == NULL)
		goto done;
	/* Measure first (a NULL buffer is jansson's way to ask). */
	n = json_dumpb(rec, NULL, 0, AUDIT_DUMP_FLAGS);
	if (n == 0 || n >= AUDIT_MAX_RECORD) {
		*errstr = "cannot build audit record: too large";
		goto done;
	}
	buf = xmalloc(n);
	if (json_dumpb(rec, buf, n, AUDIT_DUMP_FLAGS) == n)
		out = escape_separators(buf, n, len);
done:
	free(buf);
	json_decref(rec);
	return out;
}

/*
 * To syslog: the record, or for a decision record over AUDIT_SYSLOG_MAX
 * its summary, which does not count.  0 when syslog took the whole record.
 */
static int
emit_syslog(struct audit *a, const char *line, size_t n, int prio,
    const struct drec *d, const char **errstr)
{
	struct digest dg;
	char *sum;
	size_t sn;

	if (n + AUDIT_SYSLOG_HEAD <= AUDIT_SYSLOG_MAX)
		return log_message(a, prio, line, n, errstr);
	dg.bytes = n;
	dg.fnv = fnv1a(line, n);
	if (d != NULL && (sum = dump(decision_record(a, d, &dg), &sn,
	    errstr)) != NULL) {
		(void)log_message(a, prio, sum, sn, errstr);
		free(sum);
	}
	*errstr = errfmt(errbuf, sizeof(errbuf), "the audit record takes "
	    "%zu bytes, more than the %d a syslog message holds", n,
	    AUDIT_SYSLOG_MAX);
	return -1;
}

/*
 * Serialize rec and hand it to the sinks.  0 when a sink took the whole
 * record: the file write succeeded, or syslog accepted it whole.  d: the
 * decision rec says, for a syslog summary (NULL for an exit record).
 * Consumes rec.
 */
static int
emit(struct audit *a, json_t *rec, int prio, const struct drec *d,
    const char **errstr)
{
	const char *ferr = NULL, *serr = NULL;
	char *line;
	size_t n;
	int fok = 0, sok = 0;

	if ((line = dump(rec, &n, errstr)) == NULL)
		return -1;
	if (a->use_syslog)
		sok = emit_syslog(a, line, n, prio, d, &serr) == 0;
	if (a->fd != -1) {
		line = xreallocarray(line, n + 1, 1);
		line[n] = '\n';
		fok = write_line(a->fd, line, n + 1, &ferr) == 0;
	}
	free(line);
	if (fok || sok)
		return 0;
	if (a->fd == -1 && !a->use_syslog)
		*errstr = "no audit sink is configured";
	else
		*errstr = ferr != NULL ? ferr : serr;
	return -1;
}

int
audit_decision(struct audit *a, const struct audit_call *call,
    const char *command, size_t cmdlen, char *const *argv, int allow,
    const char *rule, const char *reason, const char **errstr)
{
	char ts[AUDIT_TS_LEN];
	struct drec d;

	/* What runs is recorded whole, or it does not run. */
	if (allow && audit_fits(command, cmdlen, argv, errstr) == -1)
		return -1;
	timestamp(ts, sizeof(ts));
	d.ts = ts;
	d.command = command;
	d.cmdlen = cmdlen;
	d.argv = argv;
	d.allow = allow;
	d.rule = rule;
	d.reason = reason;
	d.call = call;
	/* observe: run, but a denial of the rules, logged as one */
	return emit(a, decision_record(a, &d, NULL), allow == 1 ? LOG_INFO :
	    LOG_WARNING, &d, errstr);
}

int
audit_exit(struct audit *a, const struct audit_call *call, int status,
    int sig, long duration_ms, const char **errstr)
{
	char ts[AUDIT_TS_LEN];
	json_t *rec = json_object();

	timestamp(ts, sizeof(ts));
	rec = add(rec, "event", json_string("exit"));
	rec = add(rec, "session", json_string(a->session));
	if (call != NULL && call->rpc_id != NULL)
		rec = add(rec, "rpc_id", rpc_id(call->rpc_id));
	rec = add(rec, "ts", json_string(ts));
	rec = add(rec, "status", sig ? json_null() : json_integer(status));
	rec = add(rec, "signal", sig ? json_integer(sig) : json_null());
	rec = add(rec, "duration_ms", json_integer(duration_ms));
	if (call != NULL && call->request != NULL)
		rec = add(rec, "request", jstrl(call->request,
		    AUDIT_MAX_STRING));
	return emit(a, rec, LOG_INFO, NULL, errstr);
}

int
audit_held(struct audit *a, const struct audit_call *call,
    const char *command, size_t cmdlen, char *const *argv, const char *rule,
    const char *notify, const char **errstr)
{
	char ts[AUDIT_TS_LEN];
	json_t *rec = json_object();

	if (audit_fits(command, cmdlen, argv, errstr) == -1)
		return -1;
	timestamp(ts, sizeof(ts));
	rec = add(rec, "event", json_string("held"));
	rec = add(rec, "request", jstrl(call != NULL && call->request != NULL ?
	    call->request : "", AUDIT_MAX_STRING));
	rec = add(rec, "rule", jstrl(rule, AUDIT_MAX_STRING));
	rec = add(rec, "session", json_string(a->session));
	rec = add(rec, "user", jstrl(a->user, AUDIT_MAX_STRING));
	rec = add(rec, "role", jstrl(a->role, AUDIT_MAX_STRING));
	rec = add(rec, "ts", json_string(ts));
	rec = add(rec, "client", jstrl(a->client, AUDIT_MAX_STRING));
	rec = add(rec, "notify", jstrl(notify, AUDIT_MAX_STRING));
	rec = add(rec, "command", jcommand(command, cmdlen));
	rec = add(rec, "argv", jargv(argv));
	return emit(a, rec, LOG_NOTICE, NULL, errstr);
}

int
audit_approval(struct audit *a, const char *event, const char *request,
    const char *user, const char *role, const char *by, long long expires,
    const char *reason, const char **errstr)
{
	char ts[AUDIT_TS_LEN];
	json_t *rec = json_object();

	timestamp(ts, sizeof(ts));
	rec = add(rec, "event", json_string(event));
	rec = add(rec, "request", jstrl(request, AUDIT_MAX_STRING));
	rec = add(rec, "session", json_string(a->session));
	rec = add(rec, "ts", json_string(ts));
	rec = add(rec, "user", jstrl(user != NULL ? user : "",
	    AUDIT_MAX_STRING));
	rec = add(rec, "role", jstrl(role != NULL ? role : "",
	    AUDIT_MAX_STRING));
	rec = add(rec, "by", jstrl(by, AUDIT_MAX_STRING));
	if (expires > 0)
		rec = add(rec, "expires", json_integer(expires));
	else
		rec = add(rec, "reason", jstrl(reason, AUDIT_MAX_STRING));
	return emit(a, rec, LOG_NOTICE, NULL, errstr);
}

int
audit_reap(struct audit *a, const char *id, const char *name,
    long long expires, const char *result, const char **errstr)
{
	char ts[AUDIT_TS_LEN];
	json_t *rec = json_object();

	timestamp(ts, sizeof(ts));
	rec = add(rec, "event", json_string("reap"));
	rec = add(rec, "session", json_string(a->session));
	rec = add(rec, "ts", json_string(ts));
	rec = add(rec, "container", json_string(id));
	rec = add(rec, "name", jstrl(name, AUDIT_MAX_STRING));
	rec = add(rec, "expires", json_integer(expires));
	rec = add(rec, "result", json_string(result));
	return emit(a, rec, LOG_INFO, NULL, errstr);
}

/* ------------------------------------------------------------------ */
/* Sinks                                                                */
/* ------------------------------------------------------------------ */

/* 128 random bits as hex; all zeroes only if the kernel has no entropy. */
static int
new_session(char *out)
{
	unsigned char r[AUDIT_SESSION_BYTES];
	ssize_t n;
	size_t i;

	memset(r, 0, sizeof(r));
	do
		n = getrandom(r, sizeof(r), 0);
	while (n == -1 && errno == EINTR);
	for (i = 0; i < sizeof(r); i++)
		(void)snprintf(out + 2 * i, 3, "%02x", r[i]);
	return n == (ssize_t)sizeof(r) ? 0 : -1;
}

static int
open_file(const char *file, const char **errstr)
{
	struct stat st;
	int fd;

	/* O_NONBLOCK: a FIFO planted there must not hang the gateway. */
	fd = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC |
	    O_NOFOLLOW | O_NOCTTY | O_NONBLOCK, 0600);
	if (fd == -1) {
		*errstr = errfmt(errbuf, sizeof(errbuf), "%s: %s", file,
		    errno == ELOOP ? "is a symbolic link" : strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "%s: not a regular file", file);
		(void)close(fd);
		return -1;
	}
	return fd;
}

int
audit_open(struct audit *a, const char *file, int use_syslog, int required,
    const char *user, const char *role, const char *client,
    const char **errstr)
{
	const char *lerr;

	memset(a, 0, sizeof(*a));
	a->fd = -1;
	a->logfd = -1;
	a->use_syslog = use_syslog;
	a->required = required;
	a->user = xstrdup(user ? user : "");
	a->role = xstrdup(role ? role : "");
	a->client = xstrdup(client ? client : "");
	a->file = file ? xstrdup(file) : NULL;
	/* Connected now, as LOG_NDELAY did; a failure shows per record. */
	if (use_syslog)
		(void)log_connect(a, &lerr);
	if (file != NULL && (a->fd = open_file(file, errstr)) == -1)
		return -1;
	/* Still usable (all-zero session) if the caller goes on. */
	if (new_session(a->session) == -1) {
		*errstr = "cannot get random bytes for the session id";
		return -1;
	}
	return 0;
}

void
audit_close(struct audit *a)
{
	if (a == NULL)
		return;
	if (a->fd != -1)
		(void)close(a->fd);
	log_disconnect(a);
	a->fd = -1;
	a->use_syslog = 0;
	free(a->user);
	free(a->role);
	free(a->client);
	free(a->file);
	a->user = a->role = a->client = a->file = NULL;
}
