/*
 * doctor.h: `dockergate doctor`, the local audit of a deployment: sshd's
 * effective configuration for the account, the account itself and the
 * files the gateway trusts (DESIGN §2.1, §5).
 */
#ifndef DG_DOCTOR_H
#define DG_DOCTOR_H

#include <stddef.h>
#include "util.h"

#define DOCTOR_SSHD_MAX_OUT	(256 * 1024)	/* bytes of sshd -T output */
#define DOCTOR_SSHD_TIMEOUT	15	/* seconds sshd -T may take */
#define DOCTOR_SSHD_MAX_LINES	4096	/* lines of sshd -T output */
#define DOCTOR_KEYS_MAX_BYTES	(1024 * 1024)	/* one authorized_keys file */
#define DOCTOR_KEYS_MAX_WORDS	64	/* AuthorizedKeysFile words: every
					   run of them is read as a path */
#define DOCTOR_KEY_MAX_LINE	16384	/* bytes of one authorized_keys line */
#define DOCTOR_MAX_GROUPS	1024	/* supplementary groups of the account */
#define DOCTOR_MAX_TEXT		1024	/* bytes of one detail or fix */
#define DOCTOR_ROLES_TEXT	512	/* bytes of the list of roles in
					   observe mode */
#define DOCTOR_GATEWAY_PATH	"/usr/local/bin/dockergate"	/* in fixes */
#define DOCTOR_GATEWAY_NAME	"dockergate"	/* basename of the gateway */

#define DOCTOR_EX_OK		0	/* nothing FAILed */
#define DOCTOR_EX_FAIL		1	/* a check FAILed, or usage */
#define DOCTOR_EX_CONFIG	78	/* the policy is missing, bad or unsafe */

/* sshd -T output: parallel vectors of lower-case keywords and values. */
struct doctor_sshcfg {
	struct strv	keys;
	struct strv	values;
};

/*
 * Parse `sshd -T` output ("keyword value..." per line) into cfg; keywords
 * are lower-cased, repeated keywords (acceptenv, subsystem) kept in order.
 * Returns 0, or -1 with *errstr (empty output, too many lines, a line
 * without a value).  Free with doctor_sshcfg_free.
 */
int	 doctor_sshcfg_parse(const char *text, struct doctor_sshcfg *cfg,
	    const char **errstr);

/* The value of the first line with keyword key, or NULL. */
const char *doctor_sshcfg_get(const struct doctor_sshcfg *, const char *key);

void	 doctor_sshcfg_free(struct doctor_sshcfg *);	/* accepts NULL */

/* Options of one authorized_keys line, as sshd would apply them. */
struct doctor_keyopts {
	int	 restricted;	/* "restrict" given */
	int	 pty;		/* effective permissions after all options */
	int	 user_rc;
	int	 port_fwd;
	int	 agent_fwd;
	int	 x11_fwd;
	int	 nenv;		/* environment="..." options */
	char	*command;	/* command="..." value, unescaped, or NULL */
};

/*
 * Parse one authorized_keys line.  Returns 1 for a key line with *o filled
 * (free with doctor_keyopts_free), 0 for a blank or comment line, -1 with
 * *errstr for a line sshd would reject (unterminated quote, bad option).
 */
int	 doctor_key_parse(const char *line, struct doctor_keyopts *o,
	    const char **errstr);

void	 doctor_keyopts_free(struct doctor_keyopts *);	/* accepts NULL */

/*
 * 1 if the AcceptEnv pattern admits a name the account must never set
 * (LD_*, DOCKER_*, BASH_ENV, ENV, or everything), with *name set to one
 * such name; 0 otherwise.
 */
int	 doctor_env_dangerous(const char *pattern, const char **name);

/*
 * Expand one AuthorizedKeysFile token as sshd does: %h home, %u user,
 * %U uid, %% a percent; a relative result is below home.  Returns the
 * path (caller frees), or NULL for an unknown % sequence.
 */
char	*doctor_expand_keyfile(const char *tok, const char *home,
	    const char *user, unsigned uid);

/*
 * Split a forced command (ForceCommand or command="...") into words as the
 * login shell's -c would, and check that it runs the gateway: an unquoted
 * absolute path named dockergate first.  Text the shell could expand or
 * reinterpret (globs, ~, $, `, backslash, operators, redirections, #,
 * braces) cannot be told and is refused.  Returns 1 (words filled, caller
 * frees), 0 (not the gateway, *errstr says why), or -1 (cannot be told,
 * *errstr).
 * The caller still owes the program the trust walk (trust_path).
 */
int	 doctor_runs_gateway(const char *command, struct strv *words,
	    const char **errstr);

/* `dockergate doctor ...`: argv[0] is "doctor".  Returns the exit status. */
int	 doctor_main(int argc, char **argv);

#endif
