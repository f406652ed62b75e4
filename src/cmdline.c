/*
 * cmdline.c: the client's command string -> argv, without a shell.
 *
 * The string comes from SSH_ORIGINAL_COMMAND (or -c STRING): the client
 * chose every byte of it.  Words are split as a POSIX shell splits them,
 * and nothing is ever expanded.
 *
 * Invariants:
 * - The length cap MUST be checked before anything else reads the string;
 *   the word-count and word-length caps MUST be checked before a word is
 *   stored or a byte appended, so no allocation grows past a cap.
 * - NUL, newline, CR and every other C0 control byte and DEL MUST be
 *   refused wherever they appear, quoted or not; so MUST the C1 controls
 *   (U+0080..U+009F), the line/paragraph separators (U+2028, U+2029) and
 *   the bidirectional overrides (U+202A..U+202E, U+2066..U+2069), which
 *   can forge or hide text in an audit log or on a terminal.  Tab is a
 *   word separator outside quotes and data inside them.
 * - Invalid UTF-8 MUST be refused before lexing.
 * - Unquoted ; & | < > ( ) $ and ` MUST be errors: a user who wrote them
 *   expected a shell to act on them, and we will not guess.  $ and ` MUST
 *   be errors inside double quotes too (a shell would expand them there);
 *   inside single quotes every byte is data.
 * - Nothing is expanded or globbed: * ? [ ] ~ # { } = ! and % are plain
 *   data and reach docker byte for byte.  (A shell would start a comment
 *   at an unquoted word-initial #; we keep it as an argument, which the
 *   grammar then has to accept or refuse like any other word.)
 * - Every error MUST name the offending character (never echo a control
 *   byte) and its column: 1-based, counted in characters (code points) of
 *   the input, so it matches what the user typed.
 * - On error the output vector MUST be left empty, never half-filled.
 * - cmdline_docker MUST accept only `docker ...` and `sudo docker ...`:
 *   no path, no env, no VAR=value, no sudo option, no other program.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmdline.h"

#define SEPARATORS	" \t"		/* word separators outside quotes */
#define METACHARS	";&|<>()$`"	/* refused unquoted */
#define DQ_REFUSED	"$`"		/* refused inside double quotes */
#define DQ_ESCAPABLE	"$`\"\\"	/* a backslash escapes these in "" */

enum lexstate {
	ST_BLANK,	/* between words */
	ST_WORD,	/* in a word, unquoted */
	ST_SINGLE,	/* inside '...' */
	ST_DOUBLE,	/* inside "..." */
	ST_ESCAPE,	/* after an unquoted backslash */
	ST_DQESCAPE	/* after a backslash inside "..." */
};

struct lexer {
	const char	*s;
	size_t		 pos;		/* byte being lexed */
	enum lexstate	 st;
	size_t		 wstart;	/* byte offset where the word began */
	size_t		 qstart;	/* offset of open quote or backslash */
	char		*word;		/* CMDLINE_MAX_ARGLEN + 1 bytes */
	size_t		 wlen;
	struct strv	 words;
};

/* A code point range refused anywhere in the input. */
struct cprange {
	uint32_t	 lo;
	uint32_t	 hi;
	const char	*what;
};

static const struct cprange refused_cp[] = {
	{ 0x0080, 0x009f, "C1 control character" },
	{ 0x2028, 0x2029, "line/paragraph separator" },
	{ 0x202a, 0x202e, "bidirectional control" },
	{ 0x2066, 0x2069, "bidirectional control" },
};

static char errbuf[256];

/* 1-based column of byte offset off: code points before it, plus one. */
static size_t
column(const char *s, size_t off)
{
	size_t i, col = 1;

	for (i = 0; i < off; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			col++;
	return col;
}

/* A printable name for a C0 control byte or DEL, for messages. */
static const char *
ctlname(unsigned char c, char *buf, size_t len)
{
	switch (c) {
	case '\0':
		return "NUL byte";
	case '\n':
		return "newline";
	case '\r':
		return "carriage return";
	case 0x7f:
		return "DEL (0x7f)";
	default:
		return errfmt(buf, len, "control byte 0x%02x", c);
	}
}

/* Refuses any C0 control byte but tab, and DEL. */
static int
check_controls(const char *s, size_t len, const char **errstr)
{
	char name[32];
	unsigned char c;
	size_t i;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if ((c >= 0x20 && c != 0x7f) || c == '\t')
			continue;
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "%s at column %zu: control characters are not accepted, "
		    "even inside quotes", ctlname(c, name, sizeof(name)),
		    column(s, i));
		return -1;
	}
	return 0;
}

/* Length of the UTF-8 sequence a lead byte announces; 0 if none. */
static size_t
seqlen(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if ((c & 0xe0) == 0xc0)
		return 2;
	if ((c & 0xf0) == 0xe0)
		return 3;
	if ((c & 0xf8) == 0xf0)
		return 4;
	return 0;
}

/* Refuses invalid UTF-8, locating the first bad sequence for the message. */
static int
check_utf8(const char *s, size_t len, const char **errstr)
{
	size_t i = 0, n;

	if (utf8_valid(s, len))
		return 0;
	while (i < len) {
		n = seqlen((unsigned char)s[i]);
		if (n == 0 || n > len - i || !utf8_valid(s + i, n))
			break;
		i += n;
	}
	*errstr = errfmt(errbuf, sizeof(errbuf),
	    "invalid UTF-8 at column %zu", column(s, i));
	return -1;
}

/* Decodes the sequence at s (valid UTF-8 of length n). */
static uint32_t
decode(const unsigned char *s, size_t n)
{
	static const unsigned char leadmask[] = { 0, 0x7f, 0x1f, 0x0f, 0x07 };
	uint32_t cp = s[0] & leadmask[n];
	size_t k;

	for (k = 1; k < n; k++)
		cp = (cp << 6) | (s[k] & 0x3f);
	return cp;
}

/* Refuses the code points in refused_cp.  Input is valid UTF-8. */
static int
check_codepoints(const char *s, size_t len, const char **errstr)
{
	size_t i, k, n;
	uint32_t cp;

	for (i = 0; i < len; i += n) {
		n = seqlen((unsigned char)s[i]);
		if (n <= 1)
			continue;
		cp = decode((const unsigned char *)s + i, n);
		for (k = 0; k < sizeof(refused_cp) / sizeof(refused_cp[0]); k++)
			if (cp >= refused_cp[k].lo && cp <= refused_cp[k].hi)
				goto refuse;
	}
	return 0;
refuse:
	*errstr = errfmt(errbuf, sizeof(errbuf),
	    "%s U+%04X at column %zu: not accepted, even inside quotes",
	    refused_cp[k].what, (unsigned int)cp, column(s, i));
	return -1;
}

/* Everything that is checked on the whole string before lexing. */
static int
precheck(const char *s, size_t len, const char **errstr)
{
	if (len > CMDLINE_MAX_BYTES) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "command is %zu bytes; the limit is %d", len,
		    CMDLINE_MAX_BYTES);
		return -1;
	}
	if (check_controls(s, len, errstr) == -1 ||
	    check_utf8(s, len, errstr) == -1 ||
	    check_codepoints(s, len, errstr) == -1)
		return -1;
	return 0;
}

/* Appends one byte to the current word, enforcing the word-length cap. */
static int
append(struct lexer *lx, char c, const char **errstr)
{
	if (lx->wlen >= CMDLINE_MAX_ARGLEN) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "word at column %zu is longer than %d bytes",
		    column(lx->s, lx->wstart), CMDLINE_MAX_ARGLEN);
		return -1;
	}
	lx->word[lx->wlen++] = c;
	return 0;
}

/* Starts a word at the current byte, enforcing the word-count cap. */
static int
start_word(struct lexer *lx, const char **errstr)
{
	if (lx->words.n >= CMDLINE_MAX_ARGC) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "more than %d words: word %d starts at column %zu",
		    CMDLINE_MAX_ARGC, CMDLINE_MAX_ARGC + 1,
		    column(lx->s, lx->pos));
		return -1;
	}
	lx->wstart = lx->pos;
	lx->wlen = 0;
	lx->st = ST_WORD;
	return 0;
}

/* Ends the current word: a copy goes into the vector. */
static void
end_word(struct lexer *lx)
{
	strv_take(&lx->words, xstrndup(lx->word, lx->wlen));
	lx->st = ST_BLANK;
}

/* An unquoted byte inside a word. */
static int
lex_word(struct lexer *lx, char c, const char **errstr)
{
	if (strchr(SEPARATORS, c) != NULL) {
		end_word(lx);
		return 0;
	}
	if (c == '\'' || c == '"' || c == '\\') {
		lx->qstart = lx->pos;
		lx->st = c == '\'' ? ST_SINGLE : c == '"' ? ST_DOUBLE :
		    ST_ESCAPE;
		return 0;
	}
	if (strchr(METACHARS, c) != NULL) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "unquoted '%c' at column %zu: shell metacharacters are "
		    "not interpreted; quote it if it is data", c,
		    column(lx->s, lx->pos));
		return -1;
	}
	return append(lx, c, errstr);
}

/* A byte inside double quotes. */
static int
lex_double(struct lexer *lx, char c, const char **errstr)
{
	if (c == '"') {
		lx->st = ST_WORD;
		return 0;
	}
	if (c == '\\') {
		lx->st = ST_DQESCAPE;
		return 0;
	}
	if (strchr(DQ_REFUSED, c) != NULL) {
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "'%c' inside double quotes at column %zu: a shell would "
		    "expand it; use single quotes if it is data", c,
		    column(lx->s, lx->pos));
		return -1;
	}
	return append(lx, c, errstr);
}

/*
 * The byte after a backslash inside double quotes.  Only $ ` " \ are
 * escaped; before anything else the backslash is literal, as in sh.
 * (Backslash-newline cannot occur: precheck refused every newline.)
 */
static int
lex_dqescape(struct lexer *lx, char c, const char **errstr)
{
	lx->st = ST_DOUBLE;
	if (strchr(DQ_ESCAPABLE, c) == NULL &&
	    append(lx, '\\', errstr) == -1)
		return -1;
	return append(lx, c, errstr);
}

/* One byte, dispatched on the lexer state. */
static int
lex_byte(struct lexer *lx, char c, const char **errstr)
{
	switch (lx->st) {
	case ST_BLANK:
		if (strchr(SEPARATORS, c) != NULL)
			return 0;
		if (start_word(lx, errstr) == -1)
			return -1;
		return lex_word(lx, c, errstr);
	case ST_WORD:
		return lex_word(lx, c, errstr);
	case ST_SINGLE:
		if (c == '\'') {
			lx->st = ST_WORD;
			return 0;
		}
		return append(lx, c, errstr);
	case ST_DOUBLE:
		return lex_double(lx, c, errstr);
	case ST_ESCAPE:
		lx->st = ST_WORD;
		return append(lx, c, errstr);
	case ST_DQESCAPE:
		return lex_dqescape(lx, c, errstr);
	}
	*errstr = "internal error: bad lexer state";
	return -1;
}

/* End of input: finish the last word or report what was left open. */
static int
lex_end(struct lexer *lx, const char **errstr)
{
	switch (lx->st) {
	case ST_BLANK:
		return 0;
	case ST_WORD:
		end_word(lx);
		return 0;
	case ST_SINGLE:
	case ST_DOUBLE:
	case ST_DQESCAPE:
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "unterminated %s quote opened at column %zu",
		    lx->st == ST_SINGLE ? "single" : "double",
		    column(lx->s, lx->qstart));
		return -1;
	case ST_ESCAPE:
		*errstr = errfmt(errbuf, sizeof(errbuf),
		    "trailing backslash at column %zu: nothing follows it to "
		    "quote", column(lx->s, lx->qstart));
		return -1;
	}
	*errstr = "internal error: bad lexer state";
	return -1;
}

/*
 * See cmdline.h.  out is overwritten (pass an empty vector); on error it
 * is left empty.  s need not be NUL-terminated; s may be NULL if len is 0.
 */
int
cmdline_split(const char *s, size_t len, struct strv *out,
    const char **errstr)
{
	struct lexer lx;
	int rv = -1;

	memset(out, 0, sizeof(*out));
	memset(&lx, 0, sizeof(lx));
	if (s == NULL)
		len = 0;
	if (precheck(s, len, errstr) == -1)
		return -1;
	lx.s = s;
	lx.st = ST_BLANK;
	lx.word = xmalloc(CMDLINE_MAX_ARGLEN + 1);
	for (lx.pos = 0; lx.pos < len; lx.pos++)
		if (lex_byte(&lx, s[lx.pos], errstr) == -1)
			goto done;
	if (lex_end(&lx, errstr) == -1)
		goto done;
	if (lx.words.n == 0) {
		*errstr = "empty command";
		goto done;
	}
	*out = lx.words;
	memset(&lx.words, 0, sizeof(lx.words));
	rv = 0;
done:
	strv_free(&lx.words);
	free(lx.word);
	return rv;
}

/* 1 if w is a shell assignment NAME=value (NAME = [A-Za-z_][A-Za-z0-9_]*). */
static int
is_assignment(const char *w)
{
	size_t i;

	if (!(w[0] == '_' || (w[0] >= 'A' && w[0] <= 'Z') ||
	    (w[0] >= 'a' && w[0] <= 'z')))
		return 0;
	for (i = 1; w[i] != '\0' && w[i] != '='; i++)
		if (!(w[i] == '_' || (w[i] >= 'A' && w[i] <= 'Z') ||
		    (w[i] >= 'a' && w[i] <= 'z') ||
		    (w[i] >= '0' && w[i] <= '9')))
			return 0;
	return w[i] == '=';
}

/* Why the command word w (not `docker`) is refused.  Static text. */
static const char *
refusal(const char *w)
{
	/* Before the path test: DOCKER_HOST=unix:///x is an assignment. */
	if (is_assignment(w))
		return "environment assignments are not accepted: give the "
		    "command as `docker ...`";
	if (strchr(w, '/') != NULL)
		return "give the command as `docker ...`; paths are not "
		    "accepted";
	if (strcmp(w, "env") == 0)
		return "env is not accepted: give the command as `docker ...`; "
		    "environment changes are not accepted";
	if (strcasecmp(w, "docker") == 0)
		return "only docker commands are accepted: command names are "
		    "case-sensitive, write `docker`";
	return "only docker commands are accepted";
}

/* See cmdline.h. */
int
cmdline_docker(const struct strv *words, size_t *rest, const char **errstr)
{
	if (words == NULL || words->n == 0 || words->v == NULL) {
		*errstr = "empty command";
		return -1;
	}
	if (strcmp(words->v[0], "docker") == 0) {
		*rest = 1;
		return 0;
	}
	if (strcmp(words->v[0], "sudo") != 0) {
		*errstr = refusal(words->v[0]);
		return -1;
	}
	if (words->n >= 2 && strcmp(words->v[1], "docker") == 0) {
		*rest = 2;
		return 0;
	}
	if (words->n < 2)
		*errstr = "sudo alone is not a command: give `docker ...`";
	else if (words->v[1][0] == '-')
		*errstr = "sudo options are not accepted: give `docker ...` "
		    "or `sudo docker ...`";
	else
		*errstr = refusal(words->v[1]);
	return -1;
}
