/*
 * test_values.c: the risk a flag value adds (capabilities, security options,
 * network and namespace modes, reserved labels, working directories).
 */
#include "testutil.h"

#include "values.h"

struct vcase {
	enum vkind	 kind;
	const char	*value;
	int		 rv;		/* 0 or -1 */
	unsigned	 risk;
};

#define SEC	RISK_SECURITY_OPTIONS
#define HNS	RISK_HOST_NAMESPACES
#define OTH	RISK_OTHER_CONTAINERS

static const struct vcase cases[] = {
	/* capabilities */
	{ VK_CAPADD, "SYS_ADMIN", 0, RISK_CAPABILITIES },
	{ VK_CAPADD, "cap_sys_admin", 0, RISK_CAPABILITIES },
	{ VK_CAPADD, "Sys_Admin", 0, RISK_CAPABILITIES },
	{ VK_CAPADD, "CAP_ALL", 0, RISK_CAPABILITIES },
	{ VK_CAPADD, "all", 0, RISK_CAPABILITIES },
	{ VK_CAPADD, " NET_RAW ", 0, RISK_CAPABILITIES },
	{ VK_CAPADD, "", -1, 0 },
	{ VK_CAPADD, "   ", -1, 0 },
	{ VK_CAPADD, "SYS ADMIN", -1, 0 },
	{ VK_CAPADD, "SYS-ADMIN", -1, 0 },
	{ VK_CAPADD, "\xc5\xbfys_admin", -1, 0 },	/* U+017F folds to S */
	/* security options */
	{ VK_SECOPT, "no-new-privileges", 0, 0 },
	{ VK_SECOPT, "no-new-privileges=true", 0, 0 },
	{ VK_SECOPT, "no-new-privileges:true", 0, 0 },
	{ VK_SECOPT, "no-new-privileges=1", 0, 0 },
	{ VK_SECOPT, "no-new-privileges=false", 0, SEC },
	{ VK_SECOPT, "no-new-privileges:false", 0, SEC },
	{ VK_SECOPT, "no-new-privileges=F", 0, SEC },
	{ VK_SECOPT, "No-New-Privileges=0", 0, SEC },
	{ VK_SECOPT, "no-new-privileges=maybe", -1, 0 },
	{ VK_SECOPT, "no-new-privileges=", -1, 0 },
	{ VK_SECOPT, "label=disable", 0, SEC },
	{ VK_SECOPT, "label:disable", 0, SEC },
	{ VK_SECOPT, "label=type:spc_t", 0, SEC },
	{ VK_SECOPT, "apparmor=unconfined", 0, SEC },
	{ VK_SECOPT, "apparmor:unconfined", 0, SEC },
	{ VK_SECOPT, "APPARMOR=unconfined", 0, SEC },
	{ VK_SECOPT, "seccomp=unconfined", 0, SEC },
	{ VK_SECOPT, "seccomp:unconfined", 0, SEC },
	{ VK_SECOPT, "seccomp=builtin", 0, SEC },
	{ VK_SECOPT, "seccomp=/etc/shadow", 0, SEC | RISK_CLIENT_FILES },
	{ VK_SECOPT, "seccomp:/tmp/p.json", 0, SEC | RISK_CLIENT_FILES },
	{ VK_SECOPT, "systempaths=unconfined", 0, SEC },
	{ VK_SECOPT, "writable-cgroups=true", 0, SEC },
	{ VK_SECOPT, "whatever=x", 0, SEC },
	{ VK_SECOPT, "disable", -1, 0 },
	{ VK_SECOPT, "apparmor=", -1, 0 },
	{ VK_SECOPT, "apparmor:", -1, 0 },
	{ VK_SECOPT, "", -1, 0 },
	/* network */
	{ VK_NETWORK, "host", 0, HNS },
	{ VK_NETWORK, "HOST", 0, HNS },
	{ VK_NETWORK, "Host", 0, HNS },
	{ VK_NETWORK, "container:victim", 0, OTH },
	{ VK_NETWORK, "Container:victim", 0, OTH },
	{ VK_NETWORK, "bridge", 0, 0 },
	{ VK_NETWORK, "none", 0, 0 },
	{ VK_NETWORK, "default", 0, 0 },
	{ VK_NETWORK, "mynet", 0, 0 },
	{ VK_NETWORK, "", 0, 0 },
	{ VK_NETWORK, "name=HOST", 0, HNS },
	{ VK_NETWORK, "Name=host,alias=x", 0, HNS },
	{ VK_NETWORK, "name=mynet,alias=x,name=host", 0, HNS },
	{ VK_NETWORK, "name=container:victim", 0, OTH },
	{ VK_NETWORK, "\"name=container:victim\",alias=a", 0, OTH },
	{ VK_NETWORK, "name=mynet,ip=10.0.0.2,driver-opt=a=b", 0, 0 },
	{ VK_NETWORK, "name= host ", 0, 0 },	/* no \w=\w: a name */
	{ VK_NETWORK, "ip=1, name = host ", 0, HNS },
	{ VK_NETWORK, "x y=z", -1, 0 },
	{ VK_NETWORK, "alias=x", -1, 0 },
	{ VK_NETWORK, "name=", 0, 0 },	/* no \w=\w: a name */
	{ VK_NETWORK, "name=,alias=x", -1, 0 },
	{ VK_NETWORK, "name=x,bogus=1", -1, 0 },
	{ VK_NETWORK, "host,name=x", -1, 0 },
	{ VK_NETWORK, "name=cont\xc4\xb0ner:v", -1, 0 },
	{ VK_NETWORK, "name=x\"y\"", -1, 0 },
	/* pid, ipc, uts */
	{ VK_NSMODE, "host", 0, HNS },
	{ VK_NSMODE, "container:victim", 0, OTH },
	{ VK_NSMODE, "private", 0, 0 },
	{ VK_NSMODE, "shareable", 0, 0 },
	{ VK_NSMODE, "none", 0, 0 },
	{ VK_NSMODE, "", 0, 0 },
	{ VK_NSMODE, "HOST", -1, 0 },
	{ VK_NSMODE, "container:", -1, 0 },
	{ VK_NSMODE, "ns:/proc/1/ns/pid", -1, 0 },
	/* userns, cgroupns */
	{ VK_USERNS, "host", 0, HNS },
	{ VK_USERNS, "", 0, 0 },
	{ VK_USERNS, "private", -1, 0 },
	{ VK_USERNS, "Host", -1, 0 },
	{ VK_CGROUPNS, "host", 0, HNS },
	{ VK_CGROUPNS, "private", 0, 0 },
	{ VK_CGROUPNS, "", 0, 0 },
	{ VK_CGROUPNS, "HOST", -1, 0 },
	/* labels */
	{ VK_LABEL, "dockergate.owner=me", 0, RISK_NEVER },
	{ VK_LABEL, " \tdockergate.owner=me", 0, RISK_NEVER },
	{ VK_LABEL, "DockerGate.owner", 0, RISK_NEVER },
	{ VK_LABEL, "com.example.x=dockergate.y", 0, 0 },
	{ VK_LABEL, "dockergate=1", 0, 0 },
	/* commit/import --change: a Dockerfile line */
	{ VK_CHANGE, "LABEL dockergate.owner=me", 0, RISK_NEVER },
	{ VK_CHANGE, "label a=1 DockerGate.session=x", 0, RISK_NEVER },
	{ VK_CHANGE, "LABEL \"dockergate\".owner=me", 0, RISK_NEVER },
	{ VK_CHANGE, "LABEL 'docker'gate.owner=me", 0, RISK_NEVER },
	{ VK_CHANGE, "LABEL dockergate\\.owner=me", 0, RISK_NEVER },
	{ VK_CHANGE, "LABEL docker`gate.owner me", 0, RISK_NEVER },
	{ VK_CHANGE, "ONBUILD LABEL dockergate.owner=me", 0, RISK_NEVER },
	{ VK_CHANGE, "LABEL a=1 docker\\", 0, RISK_NEVER },
	{ VK_CHANGE, "LABEL a=1 docker` ", 0, RISK_NEVER },
	{ VK_CHANGE, "ENV A=1\nLABEL x=1", 0, RISK_NEVER },
	{ VK_CHANGE, "LABEL ${P}.owner=me", 0, RISK_NEVER },
	{ VK_CHANGE, " onbuild LABEL $P=me", 0, RISK_NEVER },
	{ VK_CHANGE, "LABEL com.example.team=a", 0, 0 },
	{ VK_CHANGE, "ENV PATH=$PATH:/x", 0, 0 },
	{ VK_CHANGE, "CMD [\"sh\", \"-c\", \"echo $HOME\"]", 0, 0 },
	{ VK_CHANGE, "LABELS a=$b", 0, 0 },	/* not LABEL: the daemon refuses */
	/* working directory */
	{ VK_WORKDIR, "/proc/self/fd/7", 0, RISK_KERNEL },
	{ VK_WORKDIR, "/proc", 0, RISK_KERNEL },
	{ VK_WORKDIR, "//sys/../sys/kernel", 0, RISK_KERNEL },
	{ VK_WORKDIR, "/x/../proc/1", 0, RISK_KERNEL },
	{ VK_WORKDIR, "/procfs", 0, 0 },
	{ VK_WORKDIR, "/app", 0, 0 },
	{ VK_WORKDIR, "", 0, 0 },
	{ VK_WORKDIR, "proc/self", -1, 0 },
	/* by flag only */
	{ VK_PLAIN, "anything", 0, 0 },
	{ VK_VOLUME, "/:/h", 0, 0 },
	{ VK_MOUNT, "type=bind,src=/,dst=/h", 0, 0 },
	{ VK_TMPFS, "/t", 0, 0 },
	{ VK_IMAGE, "evil/x", 0, 0 },
	{ VK_OUTPUT, "{{.Config.Env}}", 0, 0 },
};

static void
test_values(void **state)
{
	struct flagdef def;
	const char *why, *errstr;
	unsigned risk;
	size_t i;
	int rv;

	(void)state;
	memset(&def, 0, sizeof(def));
	(void)snprintf(def.name, sizeof(def.name), "x");
	def.type = VT_STRING;
	for (i = 0; i < NELEM(cases); i++) {
		print_message("case %d: %s\n", cases[i].kind, cases[i].value);
		def.kind = cases[i].kind;
		errstr = NULL;
		why = "unset";
		rv = values_risk(&def, cases[i].value, &risk, &why, &errstr);
		assert_int_equal(rv, cases[i].rv);
		if (rv == -1) {
			assert_non_null(errstr);
			continue;
		}
		assert_int_equal(risk, cases[i].risk);
		if (risk == 0)
			assert_null(why);
		else
			assert_non_null(why);
	}
}

static void
test_bool_and_null(void **state)
{
	struct flagdef def;
	const char *why, *errstr = NULL;
	unsigned risk;

	(void)state;
	memset(&def, 0, sizeof(def));
	(void)snprintf(def.name, sizeof(def.name), "privileged");
	def.type = VT_BOOL;
	def.kind = VK_CAPADD;
	assert_int_equal(values_risk(&def, "true", &risk, &why, &errstr), 0);
	assert_int_equal(risk, 0);
	assert_int_equal(values_risk(&def, NULL, &risk, &why, &errstr), -1);
	assert_int_equal(values_risk(NULL, "x", &risk, &why, &errstr), -1);
}

static void
test_workdir_named(void **state)
{
	struct flagdef def;
	const char *why = NULL, *errstr = NULL;
	unsigned risk;

	(void)state;
	memset(&def, 0, sizeof(def));
	def.type = VT_STRING;
	def.kind = VK_WORKDIR;
	assert_int_equal(values_risk(&def, "/proc/self/cwd", &risk, &why,
	    &errstr), 0);
	assert_non_null(strstr(why, "CVE-2024-21626"));
	def.kind = VK_LABEL;
	assert_int_equal(values_risk(&def, "dockergate.x=1", &risk, &why,
	    &errstr), 0);
	assert_string_equal(why,
	    "sets a label with the reserved dockergate. prefix");
}

static void
test_cap_normalize(void **state)
{
	static const char *const caps[][2] = {
		{ "cap_sys_admin", "SYS_ADMIN" }, { "Sys_Admin", "SYS_ADMIN" },
		{ "CAP_ALL", "ALL" }, { "all", "ALL" }, { " chown\t", "CHOWN" },
		{ "CAP_", "CAP_" },
	};
	char *p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(caps); i++) {
		p = values_cap_normalize(caps[i][0]);
		assert_non_null(p);
		assert_string_equal(p, caps[i][1]);
		free(p);
	}
	assert_null(values_cap_normalize(""));
	assert_null(values_cap_normalize("a.b"));
	assert_null(values_cap_normalize(NULL));
}

/* A --filter key as docker reads it: trimmed, any case, before "=". */
static void
test_filter_key(void **state)
{
	(void)state;
	assert_true(values_filter_key_is("dangling=false", "dangling"));
	assert_true(values_filter_key_is(" Dangling =0", "dangling"));
	assert_true(values_filter_key_is("\tDANGLING\t=", "dangling"));
	assert_false(values_filter_key_is("dangling", "dangling"));
	assert_false(values_filter_key_is("danglingx=1", "dangling"));
	assert_false(values_filter_key_is("label=dangling=1", "dangling"));
	assert_false(values_filter_key_is("=dangling", "dangling"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_bool_and_null),
		cmocka_unit_test(test_workdir_named),
		cmocka_unit_test(test_cap_normalize),
		cmocka_unit_test(test_filter_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
