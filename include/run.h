/*
 * run.h: the executor.  Builds the child's world from nothing and runs the
 * docker CLI; the only module besides main that forks, execs or exits.
 */
#ifndef DG_RUN_H
#define DG_RUN_H

#include <sys/types.h>

#define RUN_PATH	"/usr/sbin:/usr/bin:/sbin:/bin"	/* the child's PATH */
#define RUN_GRACE_SEC	10	/* SIGTERM -> SIGKILL after a timeout */
#define RUN_MAX_ENV	16	/* entries of the child's environment */
#define RUN_CAPTURE_TIMEOUT_SEC 30	/* run_capture_docker with no timeout */
#define RUN_MAX_FILTERED_BYTES	(32 * 1024 * 1024)	/* stdout filtered */
#define RUN_MAX_LINE_BYTES	(1024 * 1024)	/* one line, run_exec_lines */
#define RUN_SESSION_MAX_KILL	64	/* containers run_end_session kills */
#define RUN_SESSION_LS_MAX	65536	/* bytes of docker output read there */
#define RUN_SESSION_ID_MAX	64	/* bytes of a session ID */

struct run_spec {
	const char	*binary;	/* absolute docker path */
	char *const	*argv;		/* canonical argv, argv[0] "docker" */
	const char	*host;		/* DOCKER_HOST */
	const char	*config_dir;	/* DOCKER_CONFIG */
	const char	*home, *user;	/* of the calling account */
	long		 timeout;	/* seconds, 0 = never */
	long		 grace;		/* SIGTERM -> SIGKILL, 0 = RUN_GRACE_SEC */
	/*
	 * stdin_data non-NULL: run_exec gives docker these stdin_len bytes
	 * as its standard input (what the gateway read and checked, e.g. a
	 * build's Dockerfile) instead of the client's.
	 */
	const char	*stdin_data;
	size_t		 stdin_len;
};

struct run_result {
	int	 status;	/* exit status, or -1 if killed */
	int	 sig;		/* signal that killed it, or 0 */
	int	 timed_out;	/* ended by the policy's timeout */
	int	 client_gone;	/* stdout's reader (sshd) went away */
	long	 duration_ms;
};

/*
 * Process hygiene for the gateway itself, first thing in main: fds 0-2 open
 * (on /dev/null if closed), all others closed, umask 077, no core dumps,
 * PR_SET_NO_NEW_PRIVS, SIGPIPE ignored.  Returns 0 or -1 with *errstr.
 */
int	 run_sanitize(const char **errstr);

/* Build the child's environment into env (RUN_MAX_ENV + 1 slots). */
void	 run_build_env(const struct run_spec *, char **env, size_t nenv);

/* Free the entries run_build_env allocated (env itself is the caller's). */
void	 run_free_env(char **env);

/*
 * fork + execve the docker CLI (its stdin spec->stdin_data when set, else
 * ours), forward SIGHUP/SIGINT/SIGTERM, enforce the
 * timeout (SIGTERM, RUN_GRACE_SEC, SIGKILL), end it when the client goes
 * away (the reader of our stdout or stderr, a pipe or socket, is gone:
 * SIGHUP, RUN_GRACE_SEC, SIGKILL), wait.  Returns 0 with *res, or -1 with
 * *errstr when it could not be started (exit 69).
 */
int	 run_exec(const struct run_spec *, struct run_result *res,
	    const char **errstr);

/*
 * A stdout filter (e.g. redact_inspect): in (len bytes, NUL-terminated) to
 * *out (caller frees) and *outlen; 0, or -1 with *errstr.
 */
typedef int (*run_filter_fn)(const char *in, size_t len, char **out,
    size_t *outlen, const char **errstr);

/*
 * run_exec with the child's stdout on a pipe: read all of it (at most
 * RUN_MAX_FILTERED_BYTES, else the child is killed), reap the child, and
 * write filter(output) to fd 1; signals, the timeout and a client that
 * went away as run_exec (then nothing is written: res->client_gone).
 * Fails closed: when the output is too long, cannot be read or the filter
 * fails, nothing at all is written to fd 1.  Returns 0 with *res, or -1
 * with *errstr (exit 69); after -1, *res holds the child's exit if it ran
 * (all zero if it could not be started).
 */
int	 run_exec_filtered(const struct run_spec *, run_filter_fn filter,
	    struct run_result *res, const char **errstr);

/*
 * run_exec_filtered line by line, for output that never ends (docker
 * events): each complete line of the child's stdout is given to filter
 * (with its newline) and the result written to fd 1 at once.  Signals, the
 * timeout and a client that went away as run_exec (a failed write to fd 1
 * counts as the client gone).  Fails closed: a line the filter refuses
 * ends the child, and neither it nor anything after it is written; so is
 * a line over RUN_MAX_LINE_BYTES; an unterminated last line is dropped.
 * Returns 0 with *res, or -1 with *errstr (exit 69; lines before the
 * failure were written).
 */
int	 run_exec_lines(const struct run_spec *, run_filter_fn filter,
	    struct run_result *res, const char **errstr);

/*
 * Run a helper program (e.g. sshd -T for doctor) and capture its stdout:
 * fork + execve(path, argv) with an environment of PATH=RUN_PATH only,
 * stdin and stderr on /dev/null, stdout read into *out (NUL-terminated,
 * caller frees) up to max bytes; killed after timeout seconds.  *status is
 * the exit status, or 128+N when killed by signal N.  Returns 0, or -1
 * with *errstr when it could not run, timed out or wrote more than max.
 */
int	 run_capture(const char *path, char *const argv[], char **out,
	    size_t max, long timeout, int *status, const char **errstr);

/*
 * run_capture for the docker CLI of spec: spec's binary, argv and the
 * environment run_exec gives docker, killed after spec->timeout seconds
 * (RUN_CAPTURE_TIMEOUT_SEC when 0).  Same results as run_capture.
 */
int	 run_capture_docker(const struct run_spec *, char **out, size_t max,
	    int *status, const char **errstr);

/*
 * After a timeout or a client that went away: the container a session
 * started (labelled SESSION_LABEL=session by render_session_argv) can
 * outlive the docker CLI, since a PID 1 without a handler ignores the
 * SIGTERM or SIGHUP docker proxied to it.  Kill the session's running
 * containers with spec's docker and environment, never one that only
 * inherited the label from its image.  0, or -1 with *errstr (the ones
 * that could be checked are still killed).
 */
int	 run_end_session(const struct run_spec *, const char *session,
	    const char **errstr);

#endif
