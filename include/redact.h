/*
 * redact.h: redaction of what docker prints about environments, build
 * arguments, driver options and exec command lines.  Pure: bytes in,
 * bytes out, no I/O.  The executor calls redact_inspect / redact_build_args
 * on the docker CLI's whole stdout (run_exec_filtered), and the event
 * filters on each line of `docker events --format '{{json .}}'`
 * (run_exec_lines), before a byte of it reaches the client.
 */
#ifndef DG_REDACT_H
#define DG_REDACT_H

#include <stddef.h>

#define REDACT_MAX_INPUT	(32 * 1024 * 1024)	/* bytes parsed */
#define REDACT_MAX_OUTPUT	(64 * 1024 * 1024)	/* bytes re-encoded */
#define REDACT_MAX_DEPTH	64	/* JSON nesting levels accepted */
#define REDACT_MASK		"<redacted>"	/* what replaces a value */
#define REDACT_MAX_LINE		(1024 * 1024)	/* bytes of one event line */

/* What a verdict asks to be redacted (verdict.redact, decide.c). */
#define REDACT_ENV	0x1	/* environments, driver options: and all
				   of REDACT_BUILD */
#define REDACT_BUILD	0x2	/* build arguments only (|N K=V prefixes
				   of Cmd / Entrypoint, history lines) */
#define REDACT_EVENTS	0x4	/* docker events: exec command lines;
				   docker runs with --format {{json .}} */
#define REDACT_EVENTS_TEXT 0x8	/* ... and the client gets the CLI's
				   default text lines, not JSON */

/*
 * Redact the output of docker inspect / container, image, volume, network,
 * service inspect (no --format): json (len bytes, need not be
 * NUL-terminated) must be one JSON array of objects, without duplicate
 * keys.  At any depth:
 * - every member named "Env" whose value is a list (Config.Env,
 *   ContainerConfig.Env, Spec.TaskTemplate.ContainerSpec.Env,
 *   PreviousSpec..., Spec.ContainerSpec.Env of tasks, plugin Settings.Env)
 *   has each "KEY=VALUE" string replaced by "KEY=<redacted>" (a string
 *   without '=' is kept) and the "Value" of each plugin {"Name": ...,
 *   "Value": ...} object masked;
 * - every string below a driver-option member ("Options": volume, network,
 *   IPAM, log driver, mount driver config; "DriverOpts"; "StorageOpt";
 *   "Config" of a "LogConfig") is replaced by "<redacted>", keys kept;
 * - build arguments, as redact_build_args.
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

/*
 * redact_inspect for build arguments only: a "Cmd" or "Entrypoint" list
 * (Config, ContainerConfig) that starts with "|N" (the classic builder's
 * record of N build arguments) has its next N "KEY=VALUE" entries masked
 * as "KEY=<redacted>"; a "CreatedBy" / "created_by" string holding such a
 * "|N " prefix has everything after it replaced by "<redacted>".  Same
 * input, output and errors as redact_inspect.
 */
int	 redact_build_args(const char *json, size_t len, char **out,
	    size_t *outlen, const char **errstr);

/*
 * One line of `docker events --format '{{json .}}'` (len bytes, a trailing
 * newline allowed; at most REDACT_MAX_LINE): a JSON object without
 * duplicate keys.  "Action" and the legacy "status", when they carry a
 * payload after ": " (exec_create: CMD, exec_start: CMD, and any other
 * but health_status: starting|healthy|unhealthy), read "ACTION: <redacted>".
 * redact_event_json gives the line as the CLI's {{json .}} prints it
 * (compact, one newline); redact_event_text as the CLI prints an event by
 * default: "TIME TYPE ACTION ID (k=v, ...)", TIME in local time as
 * 2006-01-02T15:04:05.000000000Z07:00, attributes sorted by key.
 * Returns 0 with *out (NUL-terminated, caller frees), or -1 with *errstr.
 */
int	 redact_event_json(const char *line, size_t len, char **out,
	    size_t *outlen, const char **errstr);
int	 redact_event_text(const char *line, size_t len, char **out,
	    size_t *outlen, const char **errstr);

#endif
