/*
 * test_trust.c: the one trust rule (trust.c), on a tree laid out as NixOS
 * lays out its store and /etc, and every way to plant something in it.
 * Needs root (chown); as another user each case is skipped.
 */
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <limits.h>
#include <unistd.h>

#include "testutil.h"
#include "trust.h"

#define BUILD_UID	30001	/* a Nix build user (nixbld1) */
#define NIXBLD_GID	30000	/* the nixbld group */

static char root[64];

static const char *
at(const char *rel)
{
	static char p[4][PATH_MAX];
	static int i;

	i = (i + 1) % 4;
	if (snprintf(p[i], sizeof(p[i]), "%s/%s", root, rel) >=
	    (int)sizeof(p[i]))
		fail_msg("path too long: %s", rel);
	return p[i];
}

static void
dir(const char *rel, mode_t mode, uid_t uid, gid_t gid)
{
	const char *p = at(rel);

	assert_int_equal(mkdir(p, 0700), 0);
	assert_int_equal(chown(p, uid, gid), 0);
	assert_int_equal(chmod(p, mode), 0);
}

static void
file(const char *rel, mode_t mode, uid_t uid)
{
	FILE *f = fopen(at(rel), "w");

	assert_non_null(f);
	fputs("#!/bin/sh\n", f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chown(at(rel), uid, 0), 0);
	assert_int_equal(chmod(at(rel), mode), 0);
}

static void
link_as(const char *target, const char *rel, uid_t uid)
{
	assert_int_equal(symlink(target, at(rel)), 0);
	assert_int_equal(lchown(at(rel), uid, 0), 0);
}

/*
 * root/nix/store        root:nixbld 1775 (as NixOS has it)
 *   aaa-docker/bin/docker            root 0555: a store path
 *   bbb-policy.yaml                  root 0444: a file store path
 *   ccc-evil/bin/docker              owned by a build user
 *   ddd-link -> aaa-docker           root-owned link in the store
 *   eee-link -> aaa-docker           a build user's link in the store
 *   fff-evil.yaml                    a build user's file
 * root/etc/static -> ../nix/store/ggg-etc   (NixOS's /etc/static)
 * root/nix/store/ggg-etc/dockergate/policy.yaml -> ../../bbb-policy.yaml
 * root/etc/dockergate/policy.yaml -> ../static/dockergate/policy.yaml
 * root/gw    root 0775, not sticky;  root/gw/docker
 * root/ww    root 0777;  root/ww/link -> ../nix/store/aaa-docker/bin/docker
 * root/tmp   root 1777;  tmp/mine (root), tmp/theirs (nobody)
 */
static int
setup(void **state)
{
	(void)state;
	if (geteuid() != 0)
		return 0;
	(void)snprintf(root, sizeof(root), "/run/dg-test-trust.XXXXXX");
	if (mkdtemp(root) == NULL || chmod(root, 0755) == -1)
		return -1;
	dir("nix", 0755, 0, 0);
	dir("nix/store", 01775, 0, NIXBLD_GID);
	dir("nix/store/aaa-docker", 0555, 0, 0);
	assert_int_equal(chmod(at("nix/store/aaa-docker"), 0755), 0);
	dir("nix/store/aaa-docker/bin", 0555, 0, 0);
	file("nix/store/aaa-docker/bin/docker", 0555, 0);
	assert_int_equal(chmod(at("nix/store/aaa-docker"), 0555), 0);
	file("nix/store/bbb-policy.yaml", 0444, 0);
	dir("nix/store/ccc-evil", 0755, BUILD_UID, NIXBLD_GID);
	dir("nix/store/ccc-evil/bin", 0755, BUILD_UID, NIXBLD_GID);
	file("nix/store/ccc-evil/bin/docker", 0555, 0);
	link_as("aaa-docker", "nix/store/ddd-link", 0);
	link_as("aaa-docker", "nix/store/eee-link", BUILD_UID);
	file("nix/store/fff-evil.yaml", 0444, BUILD_UID);
	dir("nix/store/ggg-etc", 0555, 0, 0);
	assert_int_equal(chmod(at("nix/store/ggg-etc"), 0755), 0);
	dir("nix/store/ggg-etc/dockergate", 0555, 0, 0);
	assert_int_equal(chmod(at("nix/store/ggg-etc/dockergate"), 0755), 0);
	link_as("../../bbb-policy.yaml",
	    "nix/store/ggg-etc/dockergate/policy.yaml", 0);
	dir("etc", 0755, 0, 0);
	link_as("../nix/store/ggg-etc", "etc/static", 0);
	dir("etc/dockergate", 0755, 0, 0);
	link_as("../static/dockergate/policy.yaml", "etc/dockergate/policy.yaml",
	    0);
	dir("gw", 0775, 0, 0);
	file("gw/docker", 0555, 0);
	dir("ww", 0777, 0, 0);
	link_as("../nix/store/aaa-docker/bin/docker", "ww/link", 0);
	dir("tmp", 01777, 0, 0);
	file("tmp/mine", 0555, 0);
	file("tmp/theirs", 0555, 65534);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[sizeof(root) + 16];

	(void)state;
	if (root[0] == '\0')
		return 0;
	(void)snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

struct tcase {
	const char	*rel;
	enum trust_kind	 kind;
	const char	*err;	/* substring; NULL: trusted */
	const char	*resolved;	/* relative to root; NULL: not checked */
};

static void
run_cases(const struct tcase *c, size_t n)
{
	char res[PATH_MAX], want[PATH_MAX];
	const char *err;
	size_t i;
	int r;

	for (i = 0; i < n; i++) {
		err = NULL;
		res[0] = '\0';
		r = trust_path(at(c[i].rel), c[i].kind, res, sizeof(res), &err);
		if (c[i].err == NULL && r != 0)
			fail_msg("%s: unexpected error: %s", c[i].rel, err);
		if (c[i].err != NULL && (r != -1 || err == NULL ||
		    strstr(err, c[i].err) == NULL))
			fail_msg("%s: want \"%s\", got %d \"%s\"", c[i].rel,
			    c[i].err, r, err ? err : "");
		if (c[i].err == NULL && c[i].resolved != NULL) {
			if (snprintf(want, sizeof(want), "%s/%s", root,
			    c[i].resolved) >= (int)sizeof(want))
				fail_msg("too long: %s", c[i].resolved);
			if (strcmp(res, want) != 0)
				fail_msg("%s: resolved %s, want %s", c[i].rel,
				    res, want);
		}
	}
}

#define SKIP_UNLESS_ROOT() do { if (geteuid() != 0) skip(); } while (0)

/* What NixOS makes: trusted. */
static void
test_nix_layout(void **state)
{
	static const struct tcase cases[] = {
		{ "nix/store/aaa-docker/bin/docker", TRUST_EXEC, NULL,
		    "nix/store/aaa-docker/bin/docker" },
		{ "nix/store/bbb-policy.yaml", TRUST_FILE, NULL, NULL },
		{ "nix/store/ddd-link/bin/docker", TRUST_EXEC, NULL,
		    "nix/store/aaa-docker/bin/docker" },
		{ "etc/dockergate/policy.yaml", TRUST_FILE, NULL,
		    "nix/store/bbb-policy.yaml" },
		{ "etc/static/dockergate/policy.yaml", TRUST_ANY, NULL,
		    "nix/store/bbb-policy.yaml" },
		{ "nix/store/aaa-docker", TRUST_DIR, NULL, NULL },
		{ "nix/store/aaa-docker/bin/../bin/docker", TRUST_EXEC, NULL,
		    "nix/store/aaa-docker/bin/docker" },
		{ "tmp/mine", TRUST_EXEC, NULL, NULL },
	};

	(void)state;
	SKIP_UNLESS_ROOT();
	run_cases(cases, NELEM(cases));
}

/* Every way to plant something in that layout: refused. */
static void
test_nix_planted(void **state)
{
	static const struct tcase cases[] = {
		/* a store path owned by a build user */
		{ "nix/store/ccc-evil/bin/docker", TRUST_EXEC,
		    "ccc-evil is in a shared (sticky) directory and must be "
		    "owned by root, not uid 30001", NULL },
		{ "nix/store/fff-evil.yaml", TRUST_FILE,
		    "must be owned by root, not uid 30001", NULL },
		/* a build user's link in the store, to a good path */
		{ "nix/store/eee-link/bin/docker", TRUST_EXEC,
		    "eee-link is in a shared (sticky) directory", NULL },
		/* a sticky directory's entry owned by someone else */
		{ "tmp/theirs", TRUST_EXEC, "not uid 65534", NULL },
		/* the store itself, or /tmp, as a config directory */
		{ "nix/store", TRUST_DIR, "must be owned by root and not "
		    "writable by group or others", NULL },
		{ "tmp", TRUST_DIR, "must be owned by root and not writable",
		    NULL },
		/* a group-writable directory without the sticky bit */
		{ "gw/docker", TRUST_EXEC, "directory", NULL },
		/* a link planted in a writable directory, to a good target */
		{ "ww/link", TRUST_EXEC, "must be owned by root and not "
		    "writable by group or others", NULL },
		{ "nix/store/aaa-docker/bin/docker/", TRUST_EXEC,
		    "not a regular file", NULL },
		{ "nix/store/aaa-docker", TRUST_FILE, "not a regular file",
		    NULL },
		{ "nix/store/bbb-policy.yaml", TRUST_EXEC, "not executable",
		    NULL },
	};

	(void)state;
	SKIP_UNLESS_ROOT();
	run_cases(cases, NELEM(cases));
}

/* The store stays trusted once its group lost the sticky bit?  No. */
static void
test_not_sticky(void **state)
{
	static const struct tcase cases[] = {
		{ "nix/store/aaa-docker/bin/docker", TRUST_EXEC,
		    "directory", NULL },
		{ "etc/dockergate/policy.yaml", TRUST_FILE, "directory",
		    NULL },
	};

	(void)state;
	SKIP_UNLESS_ROOT();
	assert_int_equal(chmod(at("nix/store"), 0775), 0);
	run_cases(cases, NELEM(cases));
	assert_int_equal(chmod(at("nix/store"), 01775), 0);
}

/* A caller who is not root: the shared store is still fine for it. */
static void
test_as_nobody(void **state)
{
	pid_t pid;
	int st;

	(void)state;
	SKIP_UNLESS_ROOT();
	if ((pid = fork()) == 0) {
		const char *err;

		if (setgid(65534) == -1 || setuid(65534) == -1)
			_exit(2);
		if (trust_path(at("etc/dockergate/policy.yaml"), TRUST_FILE,
		    NULL, 0, &err) != 0)
			_exit(3);
		if (trust_path(at("nix/store/ccc-evil/bin/docker"),
		    TRUST_EXEC, NULL, 0, &err) != -1 || errno != EPERM)
			_exit(4);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

static void
test_errno(void **state)
{
	const char *err;

	(void)state;
	SKIP_UNLESS_ROOT();
	assert_int_equal(trust_path(at("nix/store/nothere"), TRUST_FILE, NULL,
	    0, &err), -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(trust_path("relative", TRUST_FILE, NULL, 0, &err),
	    -1);
	assert_non_null(strstr(err, "must be an absolute path"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nix_layout),
		cmocka_unit_test(test_nix_planted),
		cmocka_unit_test(test_not_sticky),
		cmocka_unit_test(test_as_nobody),
		cmocka_unit_test(test_errno),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
