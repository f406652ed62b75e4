/*
 * test_mounts.c: -v, --mount and --tmpfs values, and the CSV reader.
 *
 * Every reject path of mounts.c has a case here; the adversarial spellings
 * of the escape catalogue (case-folded keys, last-key-wins, relative and
 * ".." sources, quoted fields, volume driver options) are accept cases that
 * check the type and source the daemon would see.
 */
#include "testutil.h"

#include "mounts.h"
#include "util.h"

#define CWD	"/home/u"

struct mcase {
	const char	*in;
	enum mount_type	 type;
	const char	*source;	/* NULL: expect NULL */
	const char	*target;
	int		 readonly;
	int		 dotdot;
	const char	*propagation;
	int		 driver;	/* has_driver | has_driver_opts << 1 */
	int		 create_src;
};

struct rcase {
	const char	*in;
	const char	*msg;		/* substring of the message */
};

static const struct mcase vol_ok[] = {
	{ "/etc:/h", MOUNT_BIND, "/etc", "/h", 0, 0, NULL, 0, 0 },
	{ "/:/h:ro", MOUNT_BIND, "/", "/h", 1, 0, NULL, 0, 0 },
	{ "/allowed/path/../../../:/host", MOUNT_BIND, "/", "/host", 0, 1,
	    NULL, 0, 0 },
	{ "//srv/./a/:/x/", MOUNT_BIND, "/srv/a", "/x", 0, 0, NULL, 0, 0 },
	{ ".:/x", MOUNT_BIND, CWD, "/x", 0, 0, NULL, 0, 0 },
	{ "..:/x", MOUNT_BIND, "/home", "/x", 0, 1, NULL, 0, 0 },
	{ "./a:/x", MOUNT_BIND, CWD "/a", "/x", 0, 0, NULL, 0, 0 },
	{ "../../..:/x", MOUNT_BIND, "/", "/x", 0, 1, NULL, 0, 0 },
	{ ".hidden:/x", MOUNT_BIND, CWD "/.hidden", "/x", 0, 0, NULL, 0, 0 },
	{ "/etc", MOUNT_ANON, NULL, "/etc", 0, 0, NULL, 0, 0 },
	{ "/x", MOUNT_ANON, NULL, "/x", 0, 0, NULL, 0, 0 },
	{ "appdata:/etc", MOUNT_VOLUME, "appdata", "/etc", 0, 0, NULL, 0, 0 },
	{ "a1:/d:ro,nocopy", MOUNT_VOLUME, "a1", "/d", 1, 0, NULL, 0, 0 },
	{ "/m:/m:rshared", MOUNT_BIND, "/m", "/m", 0, 0, "rshared", 0, 0 },
	{ "/m:/m:ro,Z,rslave,consistent", MOUNT_BIND, "/m", "/m", 1, 0,
	    "rslave", 0, 0 },
	{ "/m:/m:rw", MOUNT_BIND, "/m", "/m", 0, 0, NULL, 0, 0 },
	{ "/a/b/../c:/t/../u", MOUNT_BIND, "/a/c", "/u", 0, 1, NULL, 0, 0 },
};

static const struct rcase vol_bad[] = {
	{ "", "empty" },
	{ "a:/data", "drive-letter" },
	{ "/x:b:/y", "drive-letter" },
	{ "\xc3\xa9:/data", "drive-letter" },
	{ "/a::/b", "empty section" },
	{ ":/b", "empty section" },
	{ "/a:/b:", "empty section" },
	{ "/a:/b:ro:x", "too many colons" },
	{ "~/x:/y", "invalid volume name" },
	{ "foo/bar:/y", "invalid volume name" },
	{ "x:/y", "drive-letter" },
	{ "_x:/y", "invalid volume name" },
	{ "\\\\srv\\x:/y", "invalid volume name" },
	{ "/a:/", "must not be /" },
	{ "/a:/x/..", "must not be /" },
	{ "/a:rel", "absolute" },
	{ "/a:ro", "absolute" },
	{ "rel", "absolute" },
	{ "ab", "absolute" },
	{ "/:", "invalid volume spec" },
	{ "a:", "invalid volume spec" },
	{ "/a:/b:bogus", "invalid volume mode" },
	{ "/a:/b:ro,", "invalid volume mode" },
	{ "/a:/b:ro,rw", "conflicting" },
	{ "/a:/b:shared,private", "conflicting" },
	{ "/a:/b:RO", "invalid volume mode" },
	{ "/a:/b:z,Z", "conflicting" },
};

static const struct mcase mnt_ok[] = {
	{ "type=bind,src=/srv,dst=/s", MOUNT_BIND, "/srv", "/s", 0, 0, NULL,
	    0, 0 },
	{ "TYPE=BIND,SOURCE=/,TARGET=/h", MOUNT_BIND, "/", "/h", 0, 0, NULL,
	    0, 0 },
	{ "type=volume,src=ok,type=bind,src=/,dst=/h", MOUNT_BIND, "/", "/h",
	    0, 0, NULL, 0, 0 },
	{ "type=bind,src=./../..,dst=/h", MOUNT_BIND, "/", "/h", 0, 1, NULL,
	    0, 0 },
	{ "type=bind,src=.,dst=/h", MOUNT_BIND, CWD, "/h", 0, 0, NULL, 0, 0 },
	{ "\"source=/a,b\",target=/x,type=bind", MOUNT_BIND, "/a,b", "/x", 0,
	    0, NULL, 0, 0 },
	{ "type=bind,\"src=/a\"\"q\",dst=/x", MOUNT_BIND, "/a\"q", "/x", 0, 0,
	    NULL, 0, 0 },
	{ "  type=bind,src=/a,dst=/x  ", MOUNT_BIND, "/a", "/x", 0, 0, NULL,
	    0, 0 },
	{ "type=bind,src=/a,dst=/x\ntype=volume", MOUNT_BIND, "/a", "/x", 0,
	    0, NULL, 0, 0 },
	{ "type=bind,src=/a,dst=/x,readonly", MOUNT_BIND, "/a", "/x", 1, 0,
	    NULL, 0, 0 },
	{ "type=bind,src=/a,dst=/x,ro=1,ro=false", MOUNT_BIND, "/a", "/x", 0,
	    0, NULL, 0, 0 },
	{ "type=bind,src=/a,dst=/x,RO=true", MOUNT_BIND, "/a", "/x", 1, 0,
	    NULL, 0, 0 },
	{ "type=bind,src=/mnt,dst=/m,bind-propagation=RShared", MOUNT_BIND,
	    "/mnt", "/m", 0, 0, "rshared", 0, 0 },
	{ "type=bind,src=/a,dst=/x,ro,bind-recursive=writable", MOUNT_BIND,
	    "/a", "/x", 0, 0, NULL, 0, 0 },
	{ "type=bind,src=/a,dst=/x,ro,bind-recursive=readonly", MOUNT_BIND,
	    "/a", "/x", 1, 0, NULL, 0, 0 },
	{ "type=bind,src=/a,dst=/x,bind-recursive=disabled", MOUNT_BIND,
	    "/a", "/x", 0, 0, NULL, 0, 0 },
	{ "type=bind,src=/new,dst=/x,bind-create-src", MOUNT_BIND, "/new",
	    "/x", 0, 0, NULL, 0, 1 },
	{ "src=data,dst=/d", MOUNT_VOLUME, "data", "/d", 0, 0, NULL, 0, 0 },
	{ "dst=/d", MOUNT_ANON, NULL, "/d", 0, 0, NULL, 0, 0 },
	{ "type=volume,dst=/host,volume-driver=local,volume-opt=type=none,"
	    "volume-opt=device=/,volume-opt=o=bind", MOUNT_ANON, NULL,
	    "/host", 0, 0, NULL, 3, 0 },
	{ "type=volume,src=v1,destination=/d,volume-nocopy,"
	    "volume-subpath=a,volume-label=x=y,consistency=cached",
	    MOUNT_VOLUME, "v1", "/d", 0, 0, NULL, 0, 0 },
	{ "type=tmpfs,dst=/t,tmpfs-size=64m,tmpfs-mode=1777", MOUNT_TMPFS,
	    NULL, "/t", 0, 0, NULL, 0, 0 },
	{ "type=image,src=alpine,dst=/i,image-subpath=/etc", MOUNT_IMAGE,
	    "alpine", "/i", 0, 0, NULL, 0, 0 },
	{ "type=npipe,src=x,dst=/p", MOUNT_OTHER, "x", "/p", 0, 0, NULL, 0,
	    0 },
	{ "type=Cluster,dst=/p", MOUNT_OTHER, NULL, "/p", 0, 0, NULL, 0, 0 },
	{ "type=api-socket,src=./s,dst=/p", MOUNT_OTHER, CWD "/s", "/p", 0, 0,
	    NULL, 0, 0 },
};

static const struct rcase mnt_bad[] = {
	{ "", "empty" },
	{ "   ", "empty" },
	{ "\n", "empty" },
	{ "source=\"/a,b\",target=/x", "bare \"" },
	{ "type=bind,src=/a,dst=/x\"", "bare \"" },
	{ "\"type=bind\"x,src=/a", "extraneous" },
	{ "\"type=bind,src=/a", "extraneous" },
	{ "type=bind, \"src=/a\",dst=/x", "bare \"" },
	{ "type=bind,src=/a\r\n,dst=/x", "carriage return" },
	{ "type=bind,src=/a,dst=/x,bogus=1", "unknown --mount option" },
	{ "type=bind,src=/a,dst=/x,bind-nonrecursive", "bind-nonrecursive" },
	{ "type=bind,src=/a,dst=/x,bind-create-src=yes", "bind-create-src" },
	{ "type=volume,dst=/x,volume-nocopy=2", "volume-nocopy" },
	{ "type=bind,src=/a,dst=/x,bind-nonrecursive=true",
	    "bind-nonrecursive" },
	{ "type=bind, src=/a,dst=/x", "white space" },
	{ "type=bind,src =/a,dst=/x", "white space" },
	{ "type=bind,src= /a,dst=/x", "white space" },
	{ "type=bind,src=/a\t,dst=/x", "white space" },
	{ "type=bind,src=/a\xc2\xa0,dst=/x", "white space" },
	{ "type=bind,src=/a\xe2\x80\x83,dst=/x", "white space" },
	{ "type=bind,src=,dst=/x", "non-empty" },
	{ "type=bind,src,dst=/x", "non-empty" },
	{ "type,src=/a,dst=/x", "non-empty" },
	{ "type=bind,src=/a,dst=/x,ro=yes", "option ro=yes" },
	{ "type=bind,src=/a,dst=/x,ro=TRUE", "option ro=TRUE" },
	{ "type=bind,src=/a,dst=/x,readonly=t", "option readonly=t" },
	{ "type=bind,src=/a,dst=/x,bind-propagation=up", "bind-propagation" },
	{ "type=bind,src=/a,dst=/x,bind-recursive=on", "bind-recursive" },
	{ "type=bind,src=/a,dst=/x,bind-recursive=writable",
	    "needs readonly" },
	{ "type=bind,src=/a,dst=/x,consistency=fast", "consistency" },
	{ "type=b\xc4\xb0nd,src=/a,dst=/x", "type" },
	{ "typ\xc4\xb0=bind,src=/a,dst=/x", "unknown" },
	{ "type=bind,src=/a,dst=/x,volume-nocopy", "cannot mix" },
	{ "type=bind,src=/a,dst=/x,volume-opt=o=bind", "cannot mix" },
	{ "src=/a,dst=/x,bind-propagation=rshared", "cannot mix" },
	{ "type=volume,dst=/x,tmpfs-size=1m", "cannot mix" },
	{ "type=tmpfs,dst=/x,image-subpath=/a", "cannot mix" },
	{ "type=bind,dst=/x", "needs a source" },
	{ "type=bind,src=rel,dst=/x", "absolute" },
	{ "type=bind,src=/a", "target is required" },
	{ "type=bind,src=/a,dst=rel", "absolute" },
	{ "type=bind,src=/a,dst=/", "must not be /" },
	{ "src=/etc,dst=/x", "a path" },
	{ "src=foo/bar,dst=/x", "invalid volume name" },
	{ "src=./x,dst=/x", "a path" },
	{ "type=tmpfs,src=/a,dst=/x", "must not have a source" },
	{ "type=image,dst=/x", "needs a source" },
	{ "type=tmpfs,dst=/x,tmpfs-mode=999", "tmpfs-mode" },
	{ "type=averyveryverylongtype,dst=/x", "type" },
};

static const struct mcase tmpfs_ok[] = {
	{ "/run", MOUNT_TMPFS, NULL, "/run", 0, 0, NULL, 0, 0 },
	{ "/run:rw,size=64m,exec", MOUNT_TMPFS, NULL, "/run", 0, 0, NULL, 0,
	    0 },
	{ "/a/../b/", MOUNT_TMPFS, NULL, "/b", 0, 0, NULL, 0, 0 },
};

static const struct rcase tmpfs_bad[] = {
	{ "", "empty" },
	{ ":size=1m", "required" },
	{ "run", "absolute" },
	{ "/", "must not be /" },
	{ "/..:x", "must not be /" },
};

static void
check_mount(const struct mcase *c, const struct mount *m)
{
	print_message("case: %s\n", c->in);
	assert_int_equal(m->type, c->type);
	if (c->source == NULL)
		assert_null(m->source);
	else
		assert_string_equal(m->source, c->source);
	assert_string_equal(m->target, c->target);
	assert_int_equal(m->readonly, c->readonly);
	assert_int_equal(m->dotdot, c->dotdot);
	if (c->propagation == NULL)
		assert_null(m->propagation);
	else
		assert_string_equal(m->propagation, c->propagation);
	assert_int_equal(m->has_driver, c->driver & 1);
	assert_int_equal(m->has_driver_opts, (c->driver >> 1) & 1);
	assert_int_equal(m->create_src, c->create_src);
}

typedef int (*parsefn)(const char *, struct mount *, const char **);

static int
p_volume(const char *s, struct mount *m, const char **errstr)
{
	return mounts_parse_volume(s, CWD, m, errstr);
}

static int
p_mount(const char *s, struct mount *m, const char **errstr)
{
	return mounts_parse_mount(s, CWD, m, errstr);
}

static void
run_ok(parsefn fn, const struct mcase *cases, size_t n)
{
	struct mount m;
	const char *errstr = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		if (fn(cases[i].in, &m, &errstr) != 0)
			fail_msg("%s: %s", cases[i].in, errstr);
		check_mount(&cases[i], &m);
		mounts_free(&m);
	}
}

static void
run_bad(parsefn fn, const struct rcase *cases, size_t n)
{
	struct mount m;
	const char *errstr = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		print_message("reject: %s\n", cases[i].in);
		errstr = NULL;
		assert_int_equal(fn(cases[i].in, &m, &errstr), -1);
		assert_non_null(errstr);
		if (strstr(errstr, cases[i].msg) == NULL)
			fail_msg("%s: message '%s' lacks '%s'", cases[i].in,
			    errstr, cases[i].msg);
		assert_null(m.source);
		assert_null(m.target);
		assert_null(m.propagation);
		mounts_free(&m);
	}
}

static void
test_volume_ok(void **state)
{
	(void)state;
	run_ok(p_volume, vol_ok, NELEM(vol_ok));
}

static void
test_volume_bad(void **state)
{
	(void)state;
	run_bad(p_volume, vol_bad, NELEM(vol_bad));
}

static void
test_mount_ok(void **state)
{
	(void)state;
	run_ok(p_mount, mnt_ok, NELEM(mnt_ok));
}

static void
test_mount_bad(void **state)
{
	(void)state;
	run_bad(p_mount, mnt_bad, NELEM(mnt_bad));
}

static void
test_tmpfs(void **state)
{
	(void)state;
	run_ok(mounts_parse_tmpfs, tmpfs_ok, NELEM(tmpfs_ok));
	run_bad(mounts_parse_tmpfs, tmpfs_bad, NELEM(tmpfs_bad));
}

static void
test_relative_needs_cwd(void **state)
{
	struct mount m;
	const char *errstr = NULL;

	(void)state;
	assert_int_equal(mounts_parse_volume(".:/x", NULL, &m, &errstr), -1);
	assert_non_null(strstr(errstr, "working directory"));
	assert_int_equal(mounts_parse_volume(".:/x", "rel", &m, &errstr), -1);
	assert_int_equal(mounts_parse_mount("type=bind,src=.,dst=/x", NULL,
	    &m, &errstr), -1);
	assert_int_equal(mounts_parse_volume(".:/x", "/a:b", &m, &errstr), -1);
	assert_non_null(strstr(errstr, "contains ':'"));
	/* An absolute source does not need the working directory. */
	assert_int_equal(mounts_parse_volume("/a:/x", NULL, &m, &errstr), 0);
	mounts_free(&m);
	mounts_free(NULL);
}

static void
test_too_long(void **state)
{
	struct mount m;
	const char *errstr = NULL;
	char *big;

	(void)state;
	big = malloc(9000);
	memset(big, 'a', 8999);
	big[0] = '/';
	big[8999] = '\0';
	assert_int_equal(mounts_parse_volume(big, CWD, &m, &errstr), -1);
	assert_int_equal(mounts_parse_mount(big, CWD, &m, &errstr), -1);
	assert_int_equal(mounts_parse_tmpfs(big, &m, &errstr), -1);
	free(big);
}

static void
test_clean_path(void **state)
{
	static const char *const cases[][2] = {
		{ "/", "/" }, { "//", "/" }, { "/.", "/" }, { "/..", "/" },
		{ "/../..", "/" }, { "/a/", "/a" }, { "//a/./b/../c", "/a/c" },
		{ "/a/b/../../..", "/" }, { "/a/..b/.c", "/a/..b/.c" },
		{ "/a//b///c", "/a/b/c" }, { "/a/b/..", "/a" },
		{ "/abc/../def", "/def" },
	};
	size_t i;
	char *p;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		p = mounts_clean_path(cases[i][0]);
		assert_non_null(p);
		assert_string_equal(p, cases[i][1]);
		free(p);
	}
	assert_null(mounts_clean_path("a/b"));
	assert_null(mounts_clean_path(""));
	assert_null(mounts_clean_path(NULL));
}

static void
test_csv(void **state)
{
	struct strv sv;
	const char *errstr = NULL;

	(void)state;
	assert_int_equal(mounts_csv("a,\"b,c\",,\"d\"\"e\"", &sv, &errstr), 0);
	assert_int_equal(sv.n, 4);
	assert_string_equal(sv.v[0], "a");
	assert_string_equal(sv.v[1], "b,c");
	assert_string_equal(sv.v[2], "");
	assert_string_equal(sv.v[3], "d\"e");
	strv_free(&sv);
	assert_int_equal(mounts_csv("\n\na,b\nc,d", &sv, &errstr), 0);
	assert_int_equal(sv.n, 2);
	assert_string_equal(sv.v[1], "b");
	strv_free(&sv);
	assert_int_equal(mounts_csv("\"a\nb\",c\nd", &sv, &errstr), 0);
	assert_int_equal(sv.n, 2);
	assert_string_equal(sv.v[0], "a\nb");
	strv_free(&sv);
	assert_int_equal(mounts_csv("a,", &sv, &errstr), 0);
	assert_int_equal(sv.n, 2);
	strv_free(&sv);
	assert_int_equal(mounts_csv("", &sv, &errstr), -1);
	assert_int_equal(mounts_csv("\n\n", &sv, &errstr), -1);
	assert_int_equal(mounts_csv("a\"b", &sv, &errstr), -1);
	assert_int_equal(mounts_csv("\"a\" ,b", &sv, &errstr), -1);
	assert_int_equal(mounts_csv("\"a", &sv, &errstr), -1);
	assert_null(sv.v);
}

static void
test_csv_fields_max(void **state)
{
	struct strv sv;
	const char *errstr = NULL;
	char buf[256];

	(void)state;
	memset(buf, ',', 63);
	buf[63] = '\0';		/* 64 fields: the limit */
	assert_int_equal(mounts_csv(buf, &sv, &errstr), 0);
	assert_int_equal(sv.n, 64);
	strv_free(&sv);
	buf[63] = ',';
	buf[64] = '\0';		/* 65 fields */
	assert_int_equal(mounts_csv(buf, &sv, &errstr), -1);
	assert_non_null(strstr(errstr, "too many"));
}

/* Targets over the kernel's trees, in every spelling the parsers take. */
static void
test_target_kernel(void **state)
{
	static const struct {
		int		 kind;	/* 0 -v, 1 --mount, 2 --tmpfs */
		const char	*spec;
		int		 kernel;
	} ks[] = {
		{ 2, "/proc", 1 }, { 2, "//proc", 1 }, { 2, "/proc/.", 1 },
		{ 2, "/x/../proc", 1 }, { 2, "/proc/", 1 },
		{ 2, "/sys/fs/cgroup:rw", 1 }, { 2, "/dev", 1 },
		{ 2, "/dev/mqueue", 1 }, { 0, "vol:/proc/sys", 1 },
		{ 0, "/proc", 1 }, { 0, "vol:/sys/", 1 },
		{ 0, "/srv/x:/dev/pts:ro", 1 },
		{ 1, "type=tmpfs,dst=/proc", 1 },
		{ 1, "TYPE=TMPFS,DESTINATION=//sys", 1 },
		{ 1, "type=volume,src=vol,target=/sys/kernel", 1 },
		{ 1, "type=bind,src=/srv/x,dst=/x/../../dev", 1 },
		{ 2, "/dev/shm", 0 }, { 0, "vol:/dev/shm", 0 },
		{ 0, "vol:/dev/shm/x", 0 }, { 2, "/Proc", 0 },
		{ 2, "/procfs", 0 }, { 2, "/devices", 0 },
		{ 0, "vol:/system", 0 },
		{ 1, "type=tmpfs,dst=/run", 0 }, { 2, "/dev/shmx", 1 },
	};
	struct mount m;
	const char *err = NULL;
	size_t i;
	int r;

	(void)state;
	for (i = 0; i < NELEM(ks); i++) {
		print_message("kernel: %s\n", ks[i].spec);
		if (ks[i].kind == 0)
			r = mounts_parse_volume(ks[i].spec, "/", &m, &err);
		else if (ks[i].kind == 1)
			r = mounts_parse_mount(ks[i].spec, "/", &m, &err);
		else
			r = mounts_parse_tmpfs(ks[i].spec, &m, &err);
		assert_int_equal(r, 0);
		assert_int_equal(mounts_target_kernel(&m), ks[i].kernel);
		mounts_free(&m);
	}
	assert_int_equal(mounts_target_kernel(NULL), 0);
}

/*
 * The one ".." rule of util.c, which mounts.c (a bind source's dotdot) and
 * policy.c (projects, contexts) share: a component, not a substring.
 */
static void
test_path_has_dotdot(void **state)
{
	static const char *const yes[] = { "..", "../a", "a/..", "a/../b",
	    "/a/..", "a//..", "..//a", "/..", "a/../", NULL };
	static const char *const no[] = { "", "/", ".", "...", "a..b", "..a",
	    "a..", "/a/.../b", "./a", "a/./b", "//", NULL };
	size_t i;

	(void)state;
	for (i = 0; yes[i] != NULL; i++)
		if (!path_has_dotdot(yes[i]))
			fail_msg("\"%s\" has a \"..\" component", yes[i]);
	for (i = 0; no[i] != NULL; i++)
		if (path_has_dotdot(no[i]))
			fail_msg("\"%s\" has no \"..\" component", no[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_path_has_dotdot),
		cmocka_unit_test(test_volume_ok),
		cmocka_unit_test(test_volume_bad),
		cmocka_unit_test(test_mount_ok),
		cmocka_unit_test(test_mount_bad),
		cmocka_unit_test(test_tmpfs),
		cmocka_unit_test(test_relative_needs_cwd),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_clean_path),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_csv_fields_max),
		cmocka_unit_test(test_target_kernel),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
