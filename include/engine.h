/*
 * engine.h: a minimal, GET-only Docker Engine API client over the policy's
 * unix socket, for the lookups decide() needs (containers, images, swarm
 * services).
 */
#ifndef DG_ENGINE_H
#define DG_ENGINE_H

#include <stddef.h>
#include "decide.h"
#include "util.h"

#define ENGINE_TIMEOUT_MS	5000	/* whole request: connect+write+read */
#define ENGINE_MAX_HEADER	(64 * 1024)	/* status line and headers */
#define ENGINE_MAX_FIELDS	100	/* header lines in one response */
#define ENGINE_MAX_BODY		(4 * 1024 * 1024)	/* decoded body */
#define ENGINE_MAX_RESPONSE	(2 * ENGINE_MAX_BODY)	/* raw bytes read */
#define ENGINE_MAX_REF		512	/* bytes of a container/image/service
					   ref */
#define ENGINE_MAX_LABELS	1024	/* labels of one container/service */
#define ENGINE_MAX_TAGS		1024	/* repo tags of one image */
#define ENGINE_API_VERSION	"1.41"	/* Docker 20.10; older daemons fail */

/* A parsed response: status and decoded body (NUL-terminated). */
struct engine_resp {
	int	 status;
	char	*body;		/* owned; body[bodylen] == '\0' */
	size_t	 bodylen;
};

/*
 * Parse one complete HTTP/1.1 response (all bytes up to the server's close)
 * strictly: "HTTP/1.x NNN reason" status line, CRLF line ends, token field
 * names, no obs-fold, no control bytes, at most ENGINE_MAX_HEADER bytes and
 * ENGINE_MAX_FIELDS fields; the body framed by one Content-Length, or by
 * "Transfer-Encoding: chunked" (never both), or else by the end of input;
 * no byte may follow a framed body.  On success returns 0, *status and a
 * new NUL-terminated *body of *bodylen <= ENGINE_MAX_BODY bytes (caller
 * frees); on error -1, *body NULL and *errstr.
 */
int	 engine_parse_response(const char *buf, size_t len, int *status,
	    char **body, size_t *bodylen, const char **errstr);

/*
 * Percent-encode one path segment: every byte outside [A-Za-z0-9._-]
 * becomes %XX.  Returns a new string (caller frees).
 */
char	*engine_escape(const char *seg);

/*
 * GET path (starting with '/', sent as is) from host ("unix:///PATH"),
 * within timeout_ms.  Returns 0 and fills *resp (free with
 * engine_resp_free), whatever the status; -1 with *errstr when no
 * well-formed response came back; *unavailable is then 1.
 */
int	 engine_get(const char *host, const char *path, int timeout_ms,
	    struct engine_resp *resp, int *unavailable, const char **errstr);

void	 engine_resp_free(struct engine_resp *);	/* members; NULL ok */

/*
 * Look up a container by name, full ID or unique ID prefix, as the daemon
 * resolves it for the docker CLI (an ambiguous prefix is an error).  Fills
 * *t: id (64 lowercase hex), name (no leading '/'), labels (Config.Labels,
 * less every reserved "dockergate." label that may have come from the
 * container's image: one the image, looked up by the container's image ID,
 * carries with the same value, or any when that image is gone); free with
 * decide_target_free.  Returns 0, or -1 with *errstr; on -1,
 * *unavailable is 1 when the engine could not be asked or failed (connect
 * error, timeout, malformed answer, 5xx) and 0 when it answered (no such
 * container, ambiguous, invalid reference).
 */
int	 engine_container(const char *host, const char *ref, struct target *t,
	    int *unavailable, const char **errstr);

/*
 * Look up a swarm service (GET /services/{ref}) by name, full ID or unique
 * ID prefix, as the daemon resolves it for the docker CLI (an ambiguous
 * prefix is an error).  Fills *t: id (25 lowercase base-36 digits), name
 * (Spec.Name), labels (Spec.Labels, not the containers' labels); free with
 * decide_target_free.  Returns and sets *unavailable as engine_container;
 * a daemon that is not a swarm manager answers 503: unavailable.
 */
int	 engine_service(const char *host, const char *ref, struct target *t,
	    int *unavailable, const char **errstr);

/*
 * Look up an image (by ID, ID prefix or reference) and append its
 * RepoTags to *repotags (possibly none).  Returns and sets *unavailable
 * as engine_container.
 */
int	 engine_image_tags(const char *host, const char *ref,
	    struct strv *repotags, int *unavailable, const char **errstr);

/*
 * Count the containers, running or not, that carry label ("KEY=VALUE")
 * in Config.Labels (GET /containers/json?all=1 with a label filter).  One
 * whose image gave it the label counts too: the count errs high.
 * Returns 0 and *n, or -1 with *errstr and *unavailable as
 * engine_container (any status but 200 is an error).
 */
int	 engine_count_labelled(const char *host, const char *label, long *n,
	    int *unavailable, const char **errstr);

/*
 * Append to *ids the full IDs of the containers, running or not, that
 * carry label ("KEY" for any value, or "KEY=VALUE"), as the listing
 * gives them (image-inherited labels included: look each up with
 * engine_container to judge its own).  Returns as engine_count_labelled.
 */
int	 engine_list_labelled(const char *host, const char *label,
	    struct strv *ids, int *unavailable, const char **errstr);

#endif
