/*
 * stub.c: replays fuzz inputs through a libFuzzer harness without libFuzzer,
 * so `make check` runs every corpus with any compiler.
 *
 *	fuzz_NAME-replay PATH...
 *
 * A PATH that is a directory contributes each regular file in it, in
 * sorted order (so a failure reproduces); a PATH that is a file contributes
 * itself.  Prints "replayed N inputs" and exits 0; a harness that crashes
 * or aborts is the failure.
 *
 * Invariants:
 * - Each input MUST be handed over in a heap buffer of exactly its size,
 *   as libFuzzer does, so the sanitizers catch a read past the end.
 * - A PATH that cannot be read MUST fail the run (exit 1): a corpus that
 *   silently replays nothing would pass without testing anything.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define STUB_MAX_INPUT	(16 * 1024 * 1024)	/* bytes in one input file */

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Reads all of fd into a new buffer of exactly st_size bytes. */
static int
slurp(int fd, uint8_t **bufp, size_t *lenp)
{
	struct stat st;
	uint8_t *buf;
	size_t off = 0;
	ssize_t r;

	if (fstat(fd, &st) == -1)
		return -1;
	if (!S_ISREG(st.st_mode) || st.st_size > STUB_MAX_INPUT) {
		errno = EINVAL;
		return -1;
	}
	if ((buf = malloc(st.st_size ? (size_t)st.st_size : 1)) == NULL)
		return -1;
	while (off < (size_t)st.st_size) {
		r = read(fd, buf + off, (size_t)st.st_size - off);
		if (r <= 0) {
			free(buf);
			errno = r == 0 ? EIO : errno;
			return -1;
		}
		off += (size_t)r;
	}
	*bufp = buf;
	*lenp = off;
	return 0;
}

/* Runs the harness on one file, relative to dirfd. */
static int
replay_file(int dirfd, const char *name, const char *shown)
{
	uint8_t *buf = NULL;
	size_t len = 0;
	int fd;

	if ((fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC)) == -1 ||
	    slurp(fd, &buf, &len) == -1) {
		fprintf(stderr, "replay: %s: %s\n", shown, strerror(errno));
		if (fd != -1)
			close(fd);
		return -1;
	}
	close(fd);
	(void)LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

/* Skips dot entries and anything that is not a regular file. */
static int
is_input(const struct dirent *d)
{
	return d->d_name[0] != '.' &&
	    (d->d_type == DT_REG || d->d_type == DT_UNKNOWN);
}

/* Replays every regular file of a directory in sorted order. */
static int
replay_dir(const char *path, size_t *count)
{
	struct dirent **ents = NULL;
	struct stat st;
	int dfd, i, n, rv = 0;

	if ((dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 ||
	    (n = scandir(path, &ents, is_input, alphasort)) == -1) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		if (dfd != -1)
			close(dfd);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (rv == 0 &&
		    fstatat(dfd, ents[i]->d_name, &st, 0) == 0 &&
		    S_ISREG(st.st_mode)) {
			if (replay_file(dfd, ents[i]->d_name,
			    ents[i]->d_name) == -1)
				rv = -1;
			else
				(*count)++;
		}
		free(ents[i]);
	}
	free(ents);
	close(dfd);
	return rv;
}

int
main(int argc, char **argv)
{
	struct stat st;
	size_t count = 0;
	int i;

	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) == -1) {
			fprintf(stderr, "replay: %s: %s\n", argv[i],
			    strerror(errno));
			return 1;
		}
		if (S_ISDIR(st.st_mode)) {
			if (replay_dir(argv[i], &count) == -1)
				return 1;
		} else if (replay_file(AT_FDCWD, argv[i], argv[i]) == -1)
			return 1;
		else
			count++;
	}
	printf("replayed %zu inputs\n", count);
	return 0;
}
