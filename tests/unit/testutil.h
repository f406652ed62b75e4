/* testutil.h: what every cmocka unit test includes. */
#ifndef DG_TESTUTIL_H
#define DG_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

#include "util.h"

/* The words of sv joined by one space (caller frees). */
static inline char *
words_joined(const struct strv *sv)
{
	char *s = xstrdup(""), *n;
	size_t i;

	for (i = 0; i < sv->n; i++) {
		n = xasprintf("%s%s%s", s, i ? " " : "", sv->v[i]);
		free(s);
		s = n;
	}
	return s;
}

#endif
