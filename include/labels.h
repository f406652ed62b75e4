/*
 * labels.h: the labels the gateway puts on containers, all under one
 * reserved prefix that callers may not set (values_label_reserved).  Only
 * render.c writes them into an argv (--label, --filter label=).
 */
#ifndef DG_LABELS_H
#define DG_LABELS_H

#define LABEL_RESERVED	"dockergate."		/* the prefix, any case */
#define OWNER_LABEL	"dockergate.owner"	/* own/owned: the role */
#define SESSION_LABEL	"dockergate.session"	/* the session that started
						   a run (CMD_SESSION_LABEL) */
#define REAP_LABEL	"dockergate.expires"	/* lifetime: unix seconds */

#endif
