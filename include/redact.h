/*
 * redact.h: environment redaction of `docker inspect` output.  Pure: bytes
 * in, bytes out, no I/O; the executor (run_exec_filtered) calls it on the
 * docker CLI's whole stdout before a byte of it reaches the client.
 */
#ifndef DG_REDACT_H
#define DG_REDACT_H

#include <stddef.h>

#define REDACT_MAX_INPUT	(32 * 1024 * 1024)	/* bytes parsed */
#define REDACT_MAX_OUTPUT	(64 * 1024 * 1024)	/* bytes re-encoded */
#define REDACT_MAX_DEPTH	64	/* JSON nesting levels accepted */
#define REDACT_MASK		"<redacted>"	/* what replaces a value */

/*
 * Redact the output of docker inspect / container inspect / service
 * inspect (no --format): json (len bytes, need not be NUL-terminated) must
 * be one JSON array of objects, without duplicate keys.  Every member
 * named "Env" whose value is a list (Config.Env, ContainerConfig.Env,
 * Spec.TaskTemplate.ContainerSpec.Env, PreviousSpec..., Spec.ContainerSpec
 * .Env of tasks, plugin Settings.Env, at any depth) has each "KEY=VALUE"
 * string replaced by "KEY=<redacted>" (a string without '=' is kept) and
 * the "Value" of each plugin {"Name": ..., "Value": ...} object masked.
 * The result is encoded as the docker CLI prints it (4-space indent, Go's
 * string escaping, one trailing newline).  Empty input gives empty output.
 *
 * Returns 0 with *out (NUL-terminated, caller frees) and *outlen, or -1
 * with *errstr and *out == NULL: not JSON, duplicate keys, not an array of
 * objects, an Env that is not a list of strings / plugin objects where one
 * is expected, deeper than REDACT_MAX_DEPTH, over the size limits.
 */
int	 redact_inspect(const char *json, size_t len, char **out,
	    size_t *outlen, const char **errstr);

#endif
