/*
 * audit.c: decision and exit records as JSON lines, to syslog (authpriv)
 * and/or an append-only file.
 *
 * Security invariants:
 * - Every untrusted string MUST be made valid UTF-8 without NUL before it
 *   reaches jansson (json_string returns NULL on invalid UTF-8 and the
 *   record would be lost): invalid bytes and NUL become the visible text
 *   "\xNN", and the string is cut, with a marker, at AUDIT_MAX_STRING
 *   bytes of its JSON encoding.
 * - argv MUST be bounded: at most AUDIT_MAX_ARGV elements and
 *   AUDIT_MAX_ARGV_BYTES encoded bytes, so that no record can exceed
 *   AUDIT_MAX_RECORD (checked at compile time below).
 * - A record MUST be built completely in memory and reach the file in
 *   exactly one write(2) on an O_APPEND descriptor, so concurrent
 *   gateways never interleave.  A short write is a failure, and the
 *   partial line is cut off again when nobody appended after it.
 * - The file MUST be opened with O_NOFOLLOW and MUST be a regular file.
 * - A failure MUST be reported to the caller, who decides (exit 69 when
 *   audit is required); this module never exits or prints.
 */
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "audit.h"
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
#define AUDIT_DUMP_FLAGS	(JSON_COMPACT | JSON_PRESERVE_ORDER)

/* Worst case: every string, every argv element with a marker, quotes. */
_Static_assert(AUDIT_STRINGS * (AUDIT_MAX_STRING + AUDIT_MARKER_LEN + 2) +
    AUDIT_MAX_ARGV_BYTES + AUDIT_MAX_ARGV * (AUDIT_MARKER_LEN + 3) + 2 +
    AUDIT_FIXED + 1 <= AUDIT_MAX_RECORD, "an audit record can overflow");

static char errbuf[AUDIT_ERRBUF];

/* ------------------------------------------------------------------ */
/* Untrusted strings                                                    */
/* ------------------------------------------------------------------ */

struct sbuf {
	char	*p;
	size_t	 len;
	size_t	 cap;
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
		n = utf8_char(p + i, len - i);
		if (n == 1)
			cost = ascii_cost(p[i]);
		else
			cost = n ? n : AUDIT_ESC_BYTE;
		if (used + cost > limit) {
			sb_add(b, AUDIT_MARKER, AUDIT_MARKER_LEN);
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

/* A jansson string of s, sanitized and bounded; NULL only without memory. */
static json_t *
jstr(const char *s, size_t len, size_t limit, size_t *used)
{
	struct sbuf b = { NULL, 0, 0 };
	json_t *j;
	size_t u;

	if (s == NULL)
		s = "";
	u = sanitize(&b, s, len, limit);
	j = json_stringn(b.p, b.len);
	free(b.p);
	if (used != NULL)
		*used = u;
	return j;
}

static json_t *
jstr0(const char *s)
{
	return jstr(s, s ? strlen(s) : 0, AUDIT_MAX_STRING, NULL);
}

char *
audit_json_string(const char *s, size_t len)
{
	json_t *j;
	char *out = NULL;

	if ((j = jstr(s, len, AUDIT_MAX_STRING, NULL)) != NULL)
		out = json_dumps(j, AUDIT_DUMP_FLAGS | JSON_ENCODE_ANY);
	json_decref(j);
	return out;
}

/* argv, bounded in count and in total size; json null for NULL. */
static json_t *
jargv(char *const *argv)
{
	json_t *arr, *el;
	size_t i, budget = AUDIT_MAX_ARGV_BYTES, used, lim;
	int last;

	if (argv == NULL)
		return json_null();
	if ((arr = json_array()) == NULL)
		return NULL;
	for (i = 0; argv[i] != NULL; i++) {
		/* The last slot says that something was left out. */
		last = budget == 0 ||
		    (i == AUDIT_MAX_ARGV - 1 && argv[i + 1] != NULL);
		if (last)
			el = json_string(AUDIT_MARKER);
		else {
			lim = budget < AUDIT_MAX_STRING ? budget :
			    AUDIT_MAX_STRING;
			el = jstr(argv[i], strlen(argv[i]), lim, &used);
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

/* A record with its common head: ts, event, session. */
static json_t *
record_head(const struct audit *a, const char *event)
{
	char ts[AUDIT_TS_LEN];
	json_t *rec;

	timestamp(ts, sizeof(ts));
	if ((rec = json_object()) == NULL)
		return NULL;
	if (json_object_set_new(rec, "ts", json_string(ts)) == -1 ||
	    json_object_set_new(rec, "event", json_string(event)) == -1 ||
	    json_object_set_new(rec, "session", json_string(a->session)) ==
	    -1) {
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

/*
 * Serialize rec and hand it to the sinks.  0 when a sink took it: the file
 * write succeeded, or there is no file and syslog is on (syslog cannot
 * report failure).  Consumes rec.
 */
static int
emit(struct audit *a, json_t *rec, int prio, const char **errstr)
{
	char *buf = NULL;
	size_t n;
	int ret = -1;

	if (rec == NULL) {
		*errstr = "cannot build audit record: out of memory";
		goto done;
	}
	/* Measure first (a NULL buffer is jansson's way to ask), then
	 * encode into a buffer of that size + the newline. */
	n = json_dumpb(rec, NULL, 0, AUDIT_DUMP_FLAGS);
	if (n == 0 || n >= AUDIT_MAX_RECORD) {
		*errstr = "cannot build audit record: too large";
		goto done;
	}
	buf = xmalloc(n + 1);
	if (json_dumpb(rec, buf, n, AUDIT_DUMP_FLAGS) != n) {
		*errstr = "cannot build audit record: out of memory";
		goto done;
	}
	if (a->use_syslog)
		syslog(prio, "%.*s", (int)n, buf);
	buf[n++] = '\n';
	if (a->fd != -1)
		ret = write_line(a->fd, buf, n, errstr);
	else if (a->use_syslog)
		ret = 0;
	else
		*errstr = "no audit sink is configured";
done:
	free(buf);
	json_decref(rec);
	return ret;
}

/*
 * Set keys[i] to vals[i] in rec.  Every value is consumed, also after a
 * failure or when rec is NULL (json_object_set_new drops its reference);
 * returns rec, or NULL after freeing it if anything was missing.
 */
static json_t *
set_all(json_t *rec, const char *const *keys, json_t **vals, size_t n)
{
	size_t i;
	int ok = rec != NULL;

	for (i = 0; i < n; i++)
		if (json_object_set_new(rec, keys[i], vals[i]) == -1)
			ok = 0;
	if (!ok) {
		json_decref(rec);
		return NULL;
	}
	return rec;
}

int
audit_decision(struct audit *a, const char *command, size_t cmdlen,
    char *const *argv, int allow, const char *rule, const char *reason,
    const char **errstr)
{
	static const char *const keys[] = { "user", "role", "client",
	    "command", "argv", "decision", "rule", "reason" };
	json_t *vals[sizeof(keys) / sizeof(keys[0])];
	json_t *rec;

	rec = record_head(a, "decision");
	vals[0] = jstr0(a->user);
	vals[1] = jstr0(a->role);
	vals[2] = jstr0(a->client);
	vals[3] = jstr(command, command ? cmdlen : 0, AUDIT_MAX_STRING, NULL);
	vals[4] = jargv(argv);
	vals[5] = json_string(allow ? "allow" : "deny");
	vals[6] = jstr0(rule);
	vals[7] = jstr0(reason);
	rec = set_all(rec, keys, vals, sizeof(keys) / sizeof(keys[0]));
	if (rec != NULL && a->plugin != NULL &&
	    json_object_set_new(rec, "plugin", jstr0(a->plugin)) == -1) {
		json_decref(rec);
		rec = NULL;
	}
	return emit(a, rec, allow ? LOG_INFO : LOG_WARNING, errstr);
}

int
audit_exit(struct audit *a, int status, int sig, long duration_ms,
    const char **errstr)
{
	static const char *const keys[] = { "status", "signal",
	    "duration_ms" };
	json_t *vals[sizeof(keys) / sizeof(keys[0])];
	json_t *rec;

	rec = record_head(a, "exit");
	vals[0] = sig ? json_null() : json_integer(status);
	vals[1] = sig ? json_integer(sig) : json_null();
	vals[2] = json_integer(duration_ms);
	rec = set_all(rec, keys, vals, sizeof(keys) / sizeof(keys[0]));
	return emit(a, rec, LOG_INFO, errstr);
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
	memset(a, 0, sizeof(*a));
	a->fd = -1;
	a->use_syslog = use_syslog;
	a->required = required;
	a->user = xstrdup(user ? user : "");
	a->role = xstrdup(role ? role : "");
	a->client = xstrdup(client ? client : "");
	if (use_syslog)
		openlog("dockergate", LOG_PID | LOG_NDELAY, LOG_AUTHPRIV);
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
	if (a->use_syslog)
		closelog();
	a->fd = -1;
	a->use_syslog = 0;
	free(a->user);
	free(a->role);
	free(a->client);
	a->user = a->role = a->client = NULL;
}
