/*
 * help.h: what a role may run, for people (`help`) and agents
 * (`help --json`).
 */
#ifndef DG_HELP_H
#define DG_HELP_H

#include "policy.h"

/*
 * The role's allowed commands and their constraints, as text or as one JSON
 * object.  Returns a new string (caller frees).
 */
char	*help_text(const struct role *role);
char	*help_json(const struct role *role);

#endif
