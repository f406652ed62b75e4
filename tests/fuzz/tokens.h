/*
 * tokens.h: bytes -> argv -> request for the grammar harnesses
 * (fuzz_grammar.c, fuzz_roundtrip.c), so that the fuzzer speaks in docker
 * words instead of discovering "--security-opt" one byte at a time.
 *
 * The vocabulary is built once from the command table: every spelling word
 * of commands_aliases, every flag of every command (and the global and
 * persistent ones) as --long, --long=, -s, -s=, short groups made of a
 * command's bool shorthands with and without a value shorthand at the end,
 * and a list of values that matter to the decision.  It is sorted and
 * deduplicated, so an index means the same word between runs of one build.
 *
 * Encoding, read left to right until the input or TOK_MAX_ARGC ends:
 *	0xff L B...	a raw word: the next L bytes (fewer at the end of the
 *			input; stops at a NUL byte: argv words cannot hold one)
 *	0xfe X Y	one word: the concatenation of tokens X and Y (each a
 *			vocabulary or raw token), e.g. "--mount=" "type=bind..."
 *	H L		vocabulary word number (H << 8 | L) % size
 * Seeds written as raw words (tests/fuzz/mkseeds.py) stay valid whatever the
 * table becomes.
 *
 * Invariants:
 * - Every word handed out MUST be a heap string the size of its contents,
 *   so the sanitizers see a read past its end.
 * - tokens_decode MUST NOT read past size and MUST return a NULL-terminated
 *   vector of at most TOK_MAX_ARGC words.
 */
#ifndef DG_FUZZ_TOKENS_H
#define DG_FUZZ_TOKENS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "grammar.h"
#include "util.h"

#define TOK_MAX_ARGC	96	/* words decoded from one input */
#define TOK_RAW		0xff	/* marker: raw word follows */
#define TOK_JOIN	0xfe	/* marker: concatenate the next two tokens */

static const char *const tok_values[] = {
	"", "-", "--", "/", "//", ".", "..", "./x", "../..", "/etc/../",
	"/:/h", "/:/h:ro", "/etc:/e:rw", ".:/h", "..:/h", "named:/x",
	"named:/x:ro", "/var/run/docker.sock:/s", "/run/dg:/d", "x",
	"host", "none", "bridge", "default", "private", "container:x",
	"container:", "name=host", "name=bridge", "name=host,alias=a",
	"true", "false", "True", "TRUE", "t", "T", "1", "0", "f", "F", "yes",
	"0x10", "010", "0b1", "-1", "1.5", "512m", "1g", "10s", "1h30m",
	"1.5.5", "1e3", "9223372036854775808", "::1", "127.0.0.1",
	"type=bind,src=/,dst=/h", "type=bind,source=/,target=/h,readonly",
	"Type=Bind,Src=/,Dst=/h", "type=volume,src=v,dst=/v",
	"type=volume,src=v,dst=/v,volume-driver=local",
	"type=volume,src=v,dst=/v,volume-opt=type=none,volume-opt=o=bind,"
	    "volume-opt=device=/",
	"type=tmpfs,dst=/t", "type=tmpfs,tmpfs-size=1m,dst=/t",
	"type=image,src=alpine,dst=/i", "\"type=bind\",src=/,dst=/h",
	"type=bind,src=/a,dst=/x,bind-propagation=rshared",
	"/t:rw,size=1m", "/t", "sys_admin", "SYS_ADMIN", "CAP_SYS_ADMIN",
	"cap_sys_admin", "ALL", "all", "NET_ADMIN", "chown",
	"seccomp=unconfined", "seccomp:unconfined", "apparmor=unconfined",
	"label=disable", "label:disable", "no-new-privileges",
	"no-new-privileges:true", "no-new-privileges=false",
	"systempaths=unconfined", "/dev/sda", "/dev/sda:/dev/x:rwm",
	"c 1:3 rwm", "a *:* rwm", "all", "device=0", "\"device=0,1\"",
	"kernel.shmmax=1", "net.ipv4.ip_forward=1", "nofile=10:20",
	"nproc=1", "runc", "nvidia", "syslog", "json-file", "max-size=1m",
	"alpine", "alpine:3", "docker.io/library/alpine:latest",
	"alpine@sha256:" "0123456789abcdef0123456789abcdef"
	    "0123456789abcdef0123456789abcdef",
	"localhost:5000/x", "dgtest", "web", "webui-1", "a=b", "a", "=",
	"=x", "k=v=w", "label=com.example.agent=true", "status=running",
	"dockergate.owner=x", "{{.Names}}", "{{json .}}", "table {{.ID}}",
	"sh", "-c", "echo hi", "/bin/sh", "-it", "ps", "up", "down",
	"/srv/stacks/app", "compose.yaml", "-f", "Dockerfile", "8080:80",
	"127.0.0.1:80:80/udp", "-test.v", "-test.run=x", "--help", "-h",
	"\xc3\xa9", "\xff", "a b", "'", "\"", "\\", "$HOME", "`id`", ";",
	"\t",
};

static struct {
	char	**w;
	size_t	  n;
	size_t	  cap;
	int	  ready;
} tok_vocab;

static void
tok_add(const char *w)
{
	if (tok_vocab.n == tok_vocab.cap) {
		tok_vocab.cap = tok_vocab.cap ? tok_vocab.cap * 2 : 1024;
		tok_vocab.w = xreallocarray(tok_vocab.w, tok_vocab.cap,
		    sizeof(*tok_vocab.w));
	}
	tok_vocab.w[tok_vocab.n++] = xstrdup(w);
}

static void
tok_add_flag(const struct flagdef *f)
{
	char buf[256];

	(void)snprintf(buf, sizeof(buf), "--%s", f->name);
	tok_add(buf);
	(void)snprintf(buf, sizeof(buf), "--%s=", f->name);
	tok_add(buf);
	if (f->shorthand == 0)
		return;
	(void)snprintf(buf, sizeof(buf), "-%c", f->shorthand);
	tok_add(buf);
	(void)snprintf(buf, sizeof(buf), "-%c=", f->shorthand);
	tok_add(buf);
}

static void
tok_add_set(const struct flagdef *set)
{
	const struct flagdef *f;

	for (f = set; f != NULL && f->name[0] != '\0'; f++)
		tok_add_flag(f);
}

/* "-" + every bool shorthand of c, then that prefix + each value one. */
static void
tok_add_groups(const struct cmddef *c)
{
	const struct flagdef *f;
	char bools[64], buf[80];
	size_t i, nb = 0;

	for (i = 0; i < CMD_MAX_FLAGSETS; i++)
		for (f = commands_flagset(c, i); f != NULL &&
		    f->name[0] != '\0'; f++)
			if (f->shorthand != 0 && f->type == VT_BOOL &&
			    nb < sizeof(bools) - 1)
				bools[nb++] = f->shorthand;
	bools[nb] = '\0';
	if (nb >= 2) {
		(void)snprintf(buf, sizeof(buf), "-%s", bools);
		tok_add(buf);
	}
	for (i = 0; i < CMD_MAX_FLAGSETS; i++)
		for (f = commands_flagset(c, i); f != NULL &&
		    f->name[0] != '\0'; f++)
			if (f->shorthand != 0 && f->type != VT_BOOL) {
				(void)snprintf(buf, sizeof(buf), "-%.2s%c",
				    bools, f->shorthand);
				tok_add(buf);
			}
}

/* Adds each space-separated word of a spelling. */
static void
tok_add_words(const char *s)
{
	const char *sp;
	char *w;

	while ((sp = strchr(s, ' ')) != NULL) {
		w = xstrndup(s, (size_t)(sp - s));
		tok_add(w);
		free(w);
		s = sp + 1;
	}
	tok_add(s);
}

static int
tok_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
tok_init(void)
{
	const struct cmdalias *a;
	const struct cmddef *c;
	size_t i, j;

	if (tok_vocab.ready)
		return;
	for (a = commands_aliases; a->words[0] != '\0'; a++)
		tok_add_words(a->words);
	tok_add_set(commands_global_flags);
	tok_add_set(commands_persistent_flags);
	for (c = commands_table; c->name[0] != '\0'; c++) {
		for (i = 0; i < CMD_MAX_FLAGSETS; i++)
			tok_add_set(commands_flagset(c, i));
		tok_add_groups(c);
	}
	for (i = 0; i < sizeof(tok_values) / sizeof(tok_values[0]); i++)
		tok_add(tok_values[i]);
	qsort(tok_vocab.w, tok_vocab.n, sizeof(*tok_vocab.w), tok_cmp);
	for (i = j = 0; i < tok_vocab.n; i++) {
		if (j > 0 && strcmp(tok_vocab.w[j - 1], tok_vocab.w[i]) == 0) {
			free(tok_vocab.w[i]);
			continue;
		}
		tok_vocab.w[j++] = tok_vocab.w[i];
	}
	tok_vocab.n = j;
	tok_vocab.ready = 1;
}

/* One token at *pos (vocabulary or raw); a new string, NULL at the end. */
static char *
tok_simple(const uint8_t *d, size_t size, size_t *pos)
{
	size_t len, idx;

	if (*pos >= size)
		return NULL;
	if (d[*pos] == TOK_RAW) {
		(*pos)++;
		len = *pos < size ? d[(*pos)++] : 0;
		if (len > size - *pos)
			len = size - *pos;
		*pos += len;
		return xstrndup((const char *)d + *pos - len, len);
	}
	idx = d[(*pos)++];
	if (*pos < size)
		idx = idx << 8 | d[(*pos)++];
	return xstrdup(tok_vocab.w[idx % tok_vocab.n]);
}

/* Releases a vector from tokens_decode. */
static void
tokens_free(char **argv, size_t argc)
{
	size_t i;

	for (i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
}

/* Decodes the input into *argvp (caller frees with tokens_free). */
static size_t
tokens_decode(const uint8_t *d, size_t size, char ***argvp)
{
	char **argv, *x, *y;
	size_t pos = 0, argc = 0;

	tok_init();
	argv = xcalloc(TOK_MAX_ARGC + 1, sizeof(*argv));
	while (pos < size && argc < TOK_MAX_ARGC) {
		if (d[pos] != TOK_JOIN) {
			argv[argc++] = tok_simple(d, size, &pos);
			continue;
		}
		pos++;
		if ((x = tok_simple(d, size, &pos)) == NULL)
			break;
		if ((y = tok_simple(d, size, &pos)) == NULL)
			y = xstrdup("");
		argv[argc++] = xasprintf("%s%s", x, y);
		free(x);
		free(y);
	}
	*argvp = argv;
	return argc;
}

/*
 * The harnesses' whole input step: decode, parse, hand each accepted
 * request to accepted() and free it.  A refusal must say why and leave
 * nothing allocated in the request.
 */
static void
tokens_parse(const uint8_t *data, size_t size,
    void (*accepted)(const struct request *))
{
	struct request req;
	const char *errstr = NULL;
	char **argv;
	size_t argc;

	argc = tokens_decode(data, size, &argv);
	if (grammar_parse(argv, argc, &req, &errstr) == 0) {
		accepted(&req);
		grammar_free(&req);
	} else if (errstr == NULL || req.cmd != NULL || req.flags != NULL ||
	    req.globals != NULL || req.args != NULL)
		abort();
	tokens_free(argv, argc);
}

#endif
