/*
 * dumptable.c: prints the command table for tests/check-drift.sh.
 *
 * One line per flag: CANON<TAB>--LONG<TAB>SHORT-or-dash<TAB>bool|value.
 * Root flags are printed under the name "(global)".  The persistent --help
 * is printed for every command that does not define "help" itself, with
 * its -h only where the command does not use -h for something else.
 *
 * Invariants: test-only; it MUST NOT be linked into the gateway.
 */
#include <stdio.h>

#include "commands.h"

static void
dump_flag(const char *canon, const struct flagdef *f, int withshort)
{
	printf("%s\t--%s\t", canon, f->name);
	if (withshort && f->shorthand != 0)
		printf("-%c", f->shorthand);
	else
		printf("-");
	printf("\t%s\n", f->type == VT_BOOL ? "bool" : "value");
}

static void
dump_set(const char *canon, const struct flagdef *set)
{
	const struct flagdef *f;

	for (f = set; f->name[0] != '\0'; f++)
		dump_flag(canon, f, 1);
}

static void
dump_command(const struct cmddef *c)
{
	const struct flagdef *f;
	size_t i;

	for (i = 0; i < CMD_MAX_FLAGSETS; i++)
		if (commands_flagset(c, i) != NULL)
			dump_set(c->name, commands_flagset(c, i));
	for (f = commands_persistent_flags; f->name[0] != '\0'; f++) {
		if (commands_flag(c, f->name) != f)
			continue;
		dump_flag(c->name, f, commands_short(c, f->shorthand) == f);
	}
}

int
main(void)
{
	const struct cmddef *c;

	dump_set("(global)", commands_global_flags);
	dump_set("(global)", commands_persistent_flags);
	for (c = commands_table; c->name[0] != '\0'; c++)
		dump_command(c);
	return ferror(stdout) ? 1 : 0;
}
