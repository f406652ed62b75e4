/*
 * dockerfile.h: a Dockerfile read as BuildKit's frontend parser reads it,
 * to report what a build would fetch or pull before the daemon runs it:
 * remote ADD sources, RUN steps that leave the sandbox or reach secrets,
 * and the images FROM, COPY --from and RUN --mount from= pull.  Also the
 * build context on standard input: a Dockerfile or a tar archive, told
 * apart as the docker CLI tells them apart.
 */
#ifndef DG_DOCKERFILE_H
#define DG_DOCKERFILE_H

#include <stddef.h>
#include "util.h"

#define BUILD_STDIN_MAX	(16 * 1024 * 1024)	/* bytes of a build's
						   standard input that are
						   read and checked; more
						   is denied */
#define DF_LINE_MAX	65535	/* bytes of one line (bufio.Scanner's) */
#define DF_LOGICAL_MAX	(256 * 1024)	/* bytes of one instruction joined
					   from continuation lines */
#define DF_INSTR_MAX	4096	/* instructions of one Dockerfile */
#define DF_HEREDOC_MAX	32	/* heredocs of one instruction */
#define DF_WORDS_MAX	512	/* words, flags or JSON items of one
				   instruction */
#define DF_META_MAX	256	/* ARGs before the first FROM */
#define DF_STAGES_MAX	256	/* FROM instructions (build stages) */
#define DF_FINDINGS_MAX	1024	/* findings one Dockerfile may report */
#define DF_WHAT_MAX	160	/* bytes of an instruction quoted in a
				   finding */
#define DF_TAR_BLOCK	512	/* a tar header or data block */
#define DF_TAR_ENTRIES_MAX 65536	/* entries of a tar context read */
#define DF_TAR_NAME_MAX	256	/* bytes of an entry name (ustar: 255) */
#define DF_DEFAULT_NAME	"Dockerfile"	/* -f when none is given */

/* What a build's standard input holds (docker/cli DetectArchiveReader). */
enum df_input {
	DF_INPUT_TEXT,		/* a Dockerfile */
	DF_INPUT_TAR,		/* an uncompressed tar context */
	DF_INPUT_COMPRESSED,	/* gzip, bzip2, xz or zstd: not read */
};

/* One thing the build would do that the rule must allow. */
struct df_finding {
	size_t	 line;		/* 1-based line of the instruction */
	unsigned risk;		/* enum risk bits it needs, or 0 */
	char	*image;		/* an image the build pulls, or NULL */
	char	 what[DF_WHAT_MAX];	/* e.g. "ADD http://x/y" */
};

struct df_report {
	struct df_finding *v;
	size_t	 n;
	size_t	 cap;
};

/*
 * Parse the Dockerfile buf (len bytes, need not be NUL-terminated) and
 * report in *rep (free with dockerfile_report_free) every remote source,
 * risky RUN flag and pulled image.  buildargs are the client's
 * --build-arg values ("NAME=VALUE" or "NAME"), used to resolve FROM.
 * Anything the parser does not understand, or cannot resolve where it
 * matters, is an error: -1 with *errstr ("line N: ..."), *rep freed.
 */
int	 dockerfile_check(const char *buf, size_t len,
	    const struct strv *buildargs, struct df_report *rep,
	    const char **errstr);

void	 dockerfile_report_free(struct df_report *);	/* members only */

/* What standard input holds, by its first bytes, as the docker CLI sees. */
enum df_input dockerfile_sniff(const char *buf, size_t len);

/*
 * The Dockerfile name (the -f value, or NULL for the default) inside the
 * tar archive buf: *file points into buf, *flen its size.  0, or -1 with
 * *errstr when the archive is truncated or odd (pax or GNU long-name
 * headers, an entry name with "..", a link or duplicate entry as the
 * Dockerfile, both Dockerfile and dockerfile) or holds no such file.
 */
int	 dockerfile_tar_find(const char *buf, size_t len, const char *name,
	    const char **file, size_t *flen, const char **errstr);

#endif
