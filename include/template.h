/*
 * template.h: is a docker --format template safe under redact_env?  Pure:
 * a string in, a verdict out, no I/O.
 *
 * A template (Go text/template plus docker's functions) is safe when every
 * value it can print, compare, count or walk lies on the allowlist of field
 * paths of its object type (template.c), which holds no environment, no
 * build command or argument, no driver or log options, and no whole object
 * that contains any of them.  Anything the checker does not understand is
 * unsafe: variables other than $, define/template/block, call, char
 * constants, non-decimal numbers, non-ASCII bytes inside an action, ...
 */
#ifndef DG_TEMPLATE_H
#define DG_TEMPLATE_H

#include <stddef.h>

#define TEMPLATE_MAX_LEN	4096	/* bytes of one template */
#define TEMPLATE_MAX_TOKENS	1024	/* items inside actions */
#define TEMPLATE_MAX_DEPTH	16	/* nested blocks; nested parens */
#define TEMPLATE_MAX_PATH	192	/* bytes of one field path */
#define TEMPLATE_MAX_ARGS	16	/* operands of one command */

/* The Go type a template is executed on (docker's inspect types). */
enum template_obj {
	TEMPLATE_CONTAINER,	/* container inspect: ContainerJSON */
	TEMPLATE_IMAGE,		/* image inspect: ImageInspect */
	TEMPLATE_VOLUME,	/* volume inspect: volume.Volume */
	TEMPLATE_NETWORK,	/* network inspect: network.Inspect */
	TEMPLATE_SERVICE,	/* service inspect: swarm.Service */
};

/*
 * Check tmpl (NUL-terminated) for object type obj.  Returns 0 if it is
 * safe, else -1 with *errstr saying what was refused (a static string,
 * valid until the next call).  A template with no action at all is refused
 * too: docker reads some words ("json", "pretty") as other output modes.
 */
int	 template_check(const char *tmpl, enum template_obj obj,
	    const char **errstr);

/* The object type of an `inspect --type` value; -1 if none has a list. */
int	 template_object(const char *type, enum template_obj *obj);

/*
 * The object type whose template docker command cmd ("container inspect",
 * "volume inspect", ...) executes; -1 if none has a list.  For the generic
 * "inspect" the caller passes each --type value instead; without --type
 * the container list applies: none of its paths holds a hidden value in
 * any other object type docker may resolve a name to (image, network,
 * volume, service, node, task, plugin, secret, config).
 */
int	 template_command(const char *cmd, enum template_obj *obj);

#endif
