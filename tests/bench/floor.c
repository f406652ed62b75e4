/*
 * floor.c: the least a forced-command wrapper can do: start /usr/bin/true
 * with posix_spawn (clone(CLONE_VM | CLONE_VFORK) in glibc), wait, and exit
 * with its status.  tests/bench/run.sh times it next to the gateway, so
 * that the ratio to a bare exec that no wrapper can beat on the machine is
 * measured rather than guessed.  Not part of the gateway.
 */
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

int
main(void)
{
	char *argv[] = { "true", NULL };
	pid_t pid;
	int st;

	if (posix_spawn(&pid, "/usr/bin/true", NULL, NULL, argv, environ) != 0)
		return 127;
	if (waitpid(pid, &st, 0) == -1)
		return 127;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
