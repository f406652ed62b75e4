/*
 * values.h: what a flag's value means for risk.  Capability names, security
 * options, network and namespace modes are normalized here before any
 * comparison; mounts are read by mounts.c.
 */
#ifndef DG_VALUES_H
#define DG_VALUES_H

#include "commands.h"

/*
 * Risk classes that this occurrence of flag def with value adds beyond
 * def->risk (which applies regardless of the value, for bools only when the
 * value is "true").  Mount-like kinds (VK_VOLUME, VK_MOUNT, VK_TMPFS) return
 * 0 here: decide() judges them from the parsed mount.  Returns 0 and sets
 * *risk and *why (a static reason, or NULL when *risk is 0), or -1 with
 * *errstr when the value is malformed (denied).
 */
int	 values_risk(const struct flagdef *def, const char *value,
	    unsigned *risk, const char **why, const char **errstr);

/* 1 if a --filter KEY=VALUE has key `key' as docker reads it (spaces
 * around it trimmed, any case). */
int	 values_filter_key_is(const char *filter, const char *key);

/*
 * 1 if a label key (or a KEY=VALUE starting with it) has the prefix the
 * gateway reserves for its own labels ("dockergate.", any case).
 */
int	 values_label_reserved(const char *key);

/*
 * The network a --network value names (short form, or the last name= of
 * the long syntax), trimmed, as written: *name is new (caller frees).
 * Returns 0, or -1 with *errstr.
 */
int	 values_network_name(const char *value, char **name,
	    const char **errstr);

/* Normalize a capability name: "cap_sys_admin" -> "SYS_ADMIN", "all" -> "ALL".
 * Returns a new string (caller frees). */
char	*values_cap_normalize(const char *name);

#endif
