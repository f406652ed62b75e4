/*
 * commands.c: the docker CLI as data.
 *
 * Invariants:
 * - Every docker command and flag the gateway accepts MUST be a row here;
 *   a command, spelling or flag that is not in these tables is unknown and
 *   MUST be denied by the caller.  Nothing here is matched by prefix,
 *   abbreviation or case folding: docker does none of that either.
 * - Every flag MUST carry the value type docker's --help prints, so that a
 *   value flag always consumes its value and a bool never does; a wrong
 *   arity here would let a value be read as a flag or the reverse.
 * - A flag or command with risk != 0 MUST carry a why (a W_* reason whose
 *   text is in whys[]).  RISK_NEVER marks what no policy may allow (CLI
 *   redirection, raw API access, plugins); commands_risk_lookup() MUST NOT
 *   return it.
 * - The persistent --help/-h applies to a command only when the command
 *   does not define the same long name or shorthand itself (run/create:
 *   -h is --hostname).
 * - The tables are const and the lookups do no allocation and no I/O.
 * - The tables MUST NOT hold pointers (flagsets[] is the one exception):
 *   see "The tables hold no pointers" below.
 */
#include <stddef.h>
#include <string.h>

#include "commands.h"

#define CMD_MAX_WORDS	3	/* words in the longest spelling */

/*
 * The tables hold no pointers.  In a position-independent executable every
 * pointer in static data is a relocation that the dynamic loader writes at
 * start-up, and each page it writes is a copy-on-write fault in every run of
 * the gateway (this table was 16 of them).  So names are arrays inside the
 * rows, reasons are numbers into whys[] and flag sets numbers into
 * flagsets[], the one small pointer table left.  Each reason and each
 * flag set is listed once (WHYS, FLAGSETS); its number and its entry are
 * made from that list.
 */

/* Why a flag or command is risky, for messages (flagdef.why, cmddef.why). */
#define WHYS(X) \
	X(W_CGROUP_PARENT, \
	    "places the container in a host cgroup of the client's choice") \
	X(W_CLI_WRITES_FILE, \
	    "the docker CLI writes a file on the gateway host") \
	X(W_RT_SCHED, "grants real-time CPU scheduling") \
	X(W_DEVICE, "passes a host device into the container") \
	X(W_DEVICE_CGROUP, "lets the container use host devices") \
	X(W_CLI_READS_FILE, "the docker CLI reads a file on the gateway host") \
	X(W_GPUS, "gives the container host GPUs") \
	X(W_ISOLATION, "selects the isolation technology") \
	X(W_KERNEL_MEMORY, "sets kernel memory limits (deprecated)") \
	X(W_LINK, "links to another container") \
	X(W_STACK_DEPLOY, "stack files are not checked (compose projects " \
	    "are)") \
	X(W_SERVICE_UPDATE, "changes what a service runs, with the " \
	    "secrets, mounts and networks its creator gave it") \
	X(W_SWARM_CONTROL, "controls swarm membership or keys: another " \
	    "manager would control this host") \
	X(W_START_ATTACH, "attaches to the container's input and output, " \
	    "as docker attach does, even when it already runs") \
	X(W_LOG_DRIVER, \
	    "sends container output to a log driver of the client's choice") \
	X(W_LOG_OPTS, "configures where container logs are sent") \
	X(W_NO_OOM_KILL, "lets the container exhaust host memory") \
	X(W_OOM, "changes how the host kernel chooses OOM victims") \
	X(W_PRIVILEGED, "gives the container full root on the host") \
	X(W_RUNTIME, "selects another container runtime") \
	X(W_STORAGE_OPT, "passes options to the host storage driver") \
	X(W_SYSCTL, "changes kernel parameters of the container") \
	X(W_ULIMIT, "raises resource limits above the daemon defaults") \
	X(W_USE_API_SOCKET, \
	    "mounts the Docker API socket (root on the host) and registry " \
	    "credentials into the container") \
	X(W_VOLUME_DRIVER, "a volume driver can mount host or remote storage") \
	X(W_VOLUMES_FROM, "mounts another container's volumes and binds") \
	X(W_EXEC_PRIVILEGED, "gives the command full root on the host") \
	X(W_RM_VOLUMES, "removes the container's anonymous volumes") \
	X(W_HOST_DIR, \
	    "the daemon uses a host directory of the client's choice") \
	X(W_ENTITLEMENTS, \
	    "grants build entitlements (host network, insecure, devices)") \
	X(W_CLI_READS_DIR, \
	    "the docker CLI reads a directory on the gateway host") \
	X(W_BUILDER, "selects a buildx builder, which may run privileged") \
	X(W_CLI_WRITES_BUILD, \
	    "the docker CLI writes the build result to the gateway host") \
	X(W_CLI_READS_POLICY, \
	    "the docker CLI reads a policy file on the gateway host") \
	X(W_BUILD_PUSH, \
	    "pushes the built image to a registry; use docker push") \
	X(W_CLI_READS_SECRET, \
	    "the docker CLI reads a secret file on the gateway host") \
	X(W_SSH, "exposes SSH keys or agent sockets of the gateway host") \
	X(W_IMAGE_TAG, "writes an image tag that other services may run") \
	X(W_PLATFORM, "may pull another platform's variant under the image's " \
	    "local tag") \
	X(W_PRUNE_ALL_IMAGES, \
	    "removes all unused images, not just dangling ones") \
	X(W_PRUNE_VOLUMES, "removes unused volumes and their data") \
	X(W_PRUNE_ALL_CACHE, "removes all build cache, not just dangling " \
	    "records: cache mounts (RUN --mount=type=cache) too") \
	X(W_NETWORK_DRIVER_OPTS, "driver options configure host networking") \
	X(W_VOLUME_DRIVER_OPTS, \
	    "volume driver options can bind-mount any host path") \
	X(W_PRUNE_ALL_VOLUMES, \
	    "removes all unused volumes, not just anonymous ones") \
	X(W_SWARM_CONFIG, \
	    "gives the service a swarm config that other services use") \
	X(W_CREDENTIAL_SPEC, "may name a credential spec file") \
	X(W_GENERIC_RESOURCES, "claims node resources such as GPUs") \
	X(W_SWARM_SECRET, \
	    "gives the service a swarm secret that other services use") \
	X(W_CLI_READS_COMPOSE, \
	    "the docker CLI reads compose files on the gateway host") \
	X(W_GLOBAL_CONFIG, \
	    "--config selects another docker CLI configuration") \
	X(W_GLOBAL_CONTEXT, "-c/--context selects another Docker engine") \
	X(W_GLOBAL_HOST, "-H/--host selects another Docker engine") \
	X(W_GLOBAL_TLS, "--tls changes how the docker CLI reaches the engine") \
	X(W_GLOBAL_TLSCACERT, "--tlscacert reads a file on the gateway host") \
	X(W_GLOBAL_TLSCERT, "--tlscert reads a file on the gateway host") \
	X(W_GLOBAL_TLSKEY, "--tlskey reads a file on the gateway host") \
	X(W_GLOBAL_TLSVERIFY, \
	    "--tlsverify changes how the docker CLI reaches the engine") \
	X(W_USE_VERSION, "use `docker version`") \
	X(W_INSECURE_REGISTRY, "lets compose talk to registries without TLS") \
	X(W_WORKDIR_SPELLING, \
	    "is a deprecated spelling; write --project-directory") \
	X(W_COMPOSE_BUILD_PUSH, \
	    "pushes the built images to a registry; use compose push") \
	X(W_COMPOSE_WRITES_FILE, "compose writes a file on the gateway host") \
	X(W_COMPOSE_RMI, "removes the project's images") \
	X(W_COMPOSE_DOWN_VOLUMES, \
	    "removes the project's volumes and their data") \
	X(W_COMPOSE_RM_VOLUMES, \
	    "removes the containers' anonymous volumes and their data") \
	X(W_COMPOSE_READS_FILE, "compose reads a file on the gateway host") \
	X(W_CP, "copies files to or from the gateway host") \
	X(W_LOAD_TAGS, "writes the image tags named inside the archive") \
	X(W_DIAL_STDIO, "system dial-stdio is a raw tunnel to the Docker API") \
	X(W_VOLUME_RM, "removes volumes and their data") \
	X(W_PLUGIN, "engine plugins run with host privileges") \
	X(W_CONTEXT, "contexts redirect the docker CLI to another engine") \
	X(W_MANIFEST, \
	    "manifest lists live in the docker CLI configuration directory") \
	X(W_LOGIN, \
	    "stores registry credentials in the docker CLI configuration") \
	X(W_LOGOUT, \
	    "changes registry credentials in the docker CLI configuration") \
	X(W_COMPOSE_CP, \
	    "copies files between a container and the gateway host") \
	X(W_EXPERIMENTAL, "experimental commands are not supported") \
	X(W_COMPOSE_BRIDGE, \
	    "writes converted project files on the gateway host") \
	X(W_COMPOSE_PUBLISH, \
	    "uploads the project, with its environment files, to a registry")

#define WHY_ENUM(name, text)	name,
#define WHY_TEXT(name, text)	[name] = { text },

enum why {
	W_NONE,
	WHYS(WHY_ENUM)
	W_COUNT
};

_Static_assert(W_COUNT <= 256, "flagdef.why holds a reason in a byte");

static const char whys[W_COUNT][CMD_WHY_MAX] = { WHYS(WHY_TEXT) };

/*
 * Rows name their fields (designated initializers); a field a row leaves
 * out is zero, which for every field means "nothing": no shorthand, a
 * value read by flag only (VK_PLAIN), no risk and no reason, no alias, no
 * flag set, no trait.  A reviewer reads a row as its list of exceptions.
 */
_Static_assert(VK_PLAIN == 0 && W_NONE == 0 && RISK_NONE == 0,
    "an omitted flagdef field must mean none");

/* Ends a flag set. */
#define FLAGS_END	{ .name = "" }

/*
 * The flag tables: the union of docker CLI 28.2 and 20.10 (their --help,
 * checked by tests/check-drift.sh) plus the hidden flags the CLI still reads
 * (--net, --net-alias, --dns-opt, --kernel-memory, stop --time, volume
 * create --name, the 20.10 BuildKit build flags).  Types follow the --help
 * type word: strings/ipNetSlice -> VT_SLICE, stringToString -> VT_MAP,
 * float -> VT_DECIMAL, swarm's custom types (port, pref, config, secret,
 * external-ca) -> VT_LIST.  Rows are sorted by long name; commands whose
 * flags are identical share one array.
 */

static const struct flagdef container_attach_flags[] = {
	{ .name = "detach-keys", .type = VT_STRING },
	{ .name = "no-stdin", .type = VT_BOOL },
	{ .name = "sig-proxy", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef container_commit_flags[] = {
	{ .name = "author", .shorthand = 'a', .type = VT_STRING },
	{ .name = "change", .shorthand = 'c', .type = VT_LIST,
	    .kind = VK_CHANGE },
	{ .name = "message", .shorthand = 'm', .type = VT_STRING },
	{ .name = "pause", .shorthand = 'p', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef container_cp_flags[] = {
	{ .name = "archive", .shorthand = 'a', .type = VT_BOOL },
	{ .name = "follow-link", .shorthand = 'L', .type = VT_BOOL },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef container_flags[] = {
	{ .name = "add-host", .type = VT_LIST },
	{ .name = "annotation", .type = VT_MAP },
	{ .name = "attach", .shorthand = 'a', .type = VT_LIST },
	{ .name = "blkio-weight", .type = VT_UINT },
	{ .name = "blkio-weight-device", .type = VT_LIST, .kind = VK_DEVPATH },
	{ .name = "cap-add", .type = VT_LIST, .kind = VK_CAPADD },
	{ .name = "cap-drop", .type = VT_LIST },
	{ .name = "cgroup-parent", .type = VT_STRING, .risk = RISK_KERNEL,
	    .why = W_CGROUP_PARENT },
	{ .name = "cgroupns", .type = VT_STRING, .kind = VK_CGROUPNS },
	{ .name = "cidfile", .type = VT_STRING, .risk = RISK_CLIENT_FILES,
	    .why = W_CLI_WRITES_FILE },
	{ .name = "cpu-count", .type = VT_INT },
	{ .name = "cpu-percent", .type = VT_INT },
	{ .name = "cpu-period", .type = VT_INT },
	{ .name = "cpu-quota", .type = VT_INT },
	{ .name = "cpu-rt-period", .type = VT_INT, .risk = RISK_KERNEL,
	    .why = W_RT_SCHED },
	{ .name = "cpu-rt-runtime", .type = VT_INT, .risk = RISK_KERNEL,
	    .why = W_RT_SCHED },
	{ .name = "cpu-shares", .shorthand = 'c', .type = VT_INT },
	{ .name = "cpus", .type = VT_DECIMAL },
	{ .name = "cpuset-cpus", .type = VT_STRING },
	{ .name = "cpuset-mems", .type = VT_STRING },
	{ .name = "device", .type = VT_LIST, .risk = RISK_DEVICES,
	    .why = W_DEVICE },
	{ .name = "device-cgroup-rule", .type = VT_LIST, .risk = RISK_DEVICES,
	    .why = W_DEVICE_CGROUP },
	{ .name = "device-read-bps", .type = VT_LIST, .kind = VK_DEVPATH },
	{ .name = "device-read-iops", .type = VT_LIST, .kind = VK_DEVPATH },
	{ .name = "device-write-bps", .type = VT_LIST, .kind = VK_DEVPATH },
	{ .name = "device-write-iops", .type = VT_LIST, .kind = VK_DEVPATH },
	{ .name = "disable-content-trust", .type = VT_BOOL },
	{ .name = "dns", .type = VT_LIST },
	{ .name = "dns-opt", .type = VT_LIST, .alias_of = "dns-option" },
	{ .name = "dns-option", .type = VT_LIST },
	{ .name = "dns-search", .type = VT_LIST },
	{ .name = "domainname", .type = VT_STRING },
	{ .name = "entrypoint", .type = VT_STRING },
	{ .name = "env", .shorthand = 'e', .type = VT_LIST },
	{ .name = "env-file", .type = VT_LIST, .risk = RISK_CLIENT_FILES,
	    .why = W_CLI_READS_FILE },
	{ .name = "expose", .type = VT_LIST },
	{ .name = "gpus", .type = VT_GPU, .risk = RISK_GPUS, .why = W_GPUS },
	{ .name = "group-add", .type = VT_LIST },
	{ .name = "health-cmd", .type = VT_STRING },
	{ .name = "health-interval", .type = VT_DURATION },
	{ .name = "health-retries", .type = VT_INT },
	{ .name = "health-start-interval", .type = VT_DURATION },
	{ .name = "health-start-period", .type = VT_DURATION },
	{ .name = "health-timeout", .type = VT_DURATION },
	{ .name = "help", .type = VT_BOOL },
	{ .name = "hostname", .shorthand = 'h', .type = VT_STRING },
	{ .name = "init", .type = VT_BOOL },
	{ .name = "interactive", .shorthand = 'i', .type = VT_BOOL },
	{ .name = "io-maxbandwidth", .type = VT_BYTES },
	{ .name = "io-maxiops", .type = VT_UINT },
	{ .name = "ip", .type = VT_IP },
	{ .name = "ip6", .type = VT_IP },
	{ .name = "ipc", .type = VT_STRING, .kind = VK_NSMODE },
	{ .name = "isolation", .type = VT_STRING, .risk = RISK_KERNEL,
	    .why = W_ISOLATION },
	{ .name = "kernel-memory", .type = VT_BYTES, .risk = RISK_KERNEL,
	    .why = W_KERNEL_MEMORY },
	{ .name = "label", .shorthand = 'l', .type = VT_LIST,
	    .kind = VK_LABEL },
	{ .name = "label-file", .type = VT_LIST, .risk = RISK_CLIENT_FILES,
	    .why = W_CLI_READS_FILE },
	{ .name = "link", .type = VT_LIST, .risk = RISK_OTHER_CONTAINERS,
	    .why = W_LINK },
	{ .name = "link-local-ip", .type = VT_LIST },
	{ .name = "log-driver", .type = VT_STRING, .risk = RISK_LOG_EGRESS,
	    .why = W_LOG_DRIVER },
	{ .name = "log-opt", .type = VT_LIST, .risk = RISK_LOG_EGRESS,
	    .why = W_LOG_OPTS },
	{ .name = "mac-address", .type = VT_STRING },
	{ .name = "memory", .shorthand = 'm', .type = VT_BYTES },
	{ .name = "memory-reservation", .type = VT_BYTES },
	{ .name = "memory-swap", .type = VT_BYTES },
	{ .name = "memory-swappiness", .type = VT_INT },
	{ .name = "mount", .type = VT_MOUNT, .kind = VK_MOUNT },
	{ .name = "name", .type = VT_STRING },
	{ .name = "net", .type = VT_NETWORK, .kind = VK_NETWORK,
	    .alias_of = "network" },
	{ .name = "net-alias", .type = VT_LIST, .alias_of = "network-alias" },
	{ .name = "network", .type = VT_NETWORK, .kind = VK_NETWORK },
	{ .name = "network-alias", .type = VT_LIST },
	{ .name = "no-healthcheck", .type = VT_BOOL },
	{ .name = "oom-kill-disable", .type = VT_BOOL, .risk = RISK_KERNEL,
	    .why = W_NO_OOM_KILL },
	{ .name = "oom-score-adj", .type = VT_INT, .risk = RISK_KERNEL,
	    .why = W_OOM },
	{ .name = "pid", .type = VT_STRING, .kind = VK_NSMODE },
	{ .name = "pids-limit", .type = VT_INT },
	{ .name = "platform", .type = VT_STRING, .kind = VK_PLATFORM,
	    .risk = RISK_IMAGE_TAGS, .why = W_PLATFORM },
	{ .name = "privileged", .type = VT_BOOL, .risk = RISK_PRIVILEGED,
	    .why = W_PRIVILEGED },
	{ .name = "publish", .shorthand = 'p', .type = VT_LIST },
	{ .name = "publish-all", .shorthand = 'P', .type = VT_BOOL },
	{ .name = "pull", .type = VT_STRING },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	{ .name = "read-only", .type = VT_BOOL },
	{ .name = "restart", .type = VT_STRING },
	{ .name = "rm", .type = VT_BOOL },
	{ .name = "runtime", .type = VT_STRING, .risk = RISK_KERNEL,
	    .why = W_RUNTIME },
	{ .name = "security-opt", .type = VT_LIST, .kind = VK_SECOPT },
	{ .name = "shm-size", .type = VT_BYTES },
	{ .name = "stop-signal", .type = VT_STRING },
	{ .name = "stop-timeout", .type = VT_INT },
	{ .name = "storage-opt", .type = VT_LIST, .risk = RISK_KERNEL,
	    .why = W_STORAGE_OPT },
	{ .name = "sysctl", .type = VT_MAP, .risk = RISK_KERNEL,
	    .why = W_SYSCTL },
	{ .name = "tmpfs", .type = VT_LIST, .kind = VK_TMPFS },
	{ .name = "tty", .shorthand = 't', .type = VT_BOOL },
	{ .name = "ulimit", .type = VT_ULIMIT, .risk = RISK_KERNEL,
	    .why = W_ULIMIT },
	{ .name = "use-api-socket", .type = VT_BOOL, .risk = RISK_PRIVILEGED,
	    .why = W_USE_API_SOCKET },
	{ .name = "user", .shorthand = 'u', .type = VT_STRING },
	{ .name = "userns", .type = VT_STRING, .kind = VK_USERNS },
	{ .name = "uts", .type = VT_STRING, .kind = VK_NSMODE },
	{ .name = "volume", .shorthand = 'v', .type = VT_LIST,
	    .kind = VK_VOLUME },
	{ .name = "volume-driver", .type = VT_STRING,
	    .risk = RISK_VOLUME_DRIVERS, .why = W_VOLUME_DRIVER },
	{ .name = "volumes-from", .type = VT_LIST,
	    .risk = RISK_OTHER_CONTAINERS, .why = W_VOLUMES_FROM },
	{ .name = "workdir", .shorthand = 'w', .type = VT_STRING,
	    .kind = VK_WORKDIR },
	FLAGS_END,
};

static const struct flagdef container_exec_flags[] = {
	{ .name = "detach", .shorthand = 'd', .type = VT_BOOL },
	{ .name = "detach-keys", .type = VT_STRING },
	{ .name = "env", .shorthand = 'e', .type = VT_LIST },
	{ .name = "env-file", .type = VT_LIST, .risk = RISK_CLIENT_FILES,
	    .why = W_CLI_READS_FILE },
	{ .name = "interactive", .shorthand = 'i', .type = VT_BOOL },
	{ .name = "privileged", .type = VT_BOOL, .risk = RISK_PRIVILEGED,
	    .why = W_EXEC_PRIVILEGED },
	{ .name = "tty", .shorthand = 't', .type = VT_BOOL },
	{ .name = "user", .shorthand = 'u', .type = VT_STRING },
	{ .name = "workdir", .shorthand = 'w', .type = VT_STRING,
	    .kind = VK_WORKDIR },
	FLAGS_END,
};

static const struct flagdef container_export_flags[] = {
	{ .name = "output", .shorthand = 'o', .type = VT_STRING,
	    .risk = RISK_CLIENT_FILES, .why = W_CLI_WRITES_FILE },
	FLAGS_END,
};

static const struct flagdef container_inspect_flags[] = {
	{ .name = "format", .shorthand = 'f', .type = VT_STRING,
	    .kind = VK_OUTPUT },
	{ .name = "size", .shorthand = 's', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef container_kill_flags[] = {
	{ .name = "signal", .shorthand = 's', .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef container_logs_flags[] = {
	{ .name = "details", .type = VT_BOOL },
	{ .name = "follow", .shorthand = 'f', .type = VT_BOOL },
	{ .name = "since", .type = VT_STRING },
	{ .name = "tail", .shorthand = 'n', .type = VT_STRING },
	{ .name = "timestamps", .shorthand = 't', .type = VT_BOOL },
	{ .name = "until", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef container_ls_flags[] = {
	{ .name = "all", .shorthand = 'a', .type = VT_BOOL },
	{ .name = "filter", .shorthand = 'f', .type = VT_FILTER },
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "last", .shorthand = 'n', .type = VT_INT },
	{ .name = "latest", .shorthand = 'l', .type = VT_BOOL },
	{ .name = "no-trunc", .type = VT_BOOL },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	{ .name = "size", .shorthand = 's', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef container_prune_flags[] = {
	{ .name = "filter", .type = VT_FILTER },
	{ .name = "force", .shorthand = 'f', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef container_restart_flags[] = {
	{ .name = "signal", .shorthand = 's', .type = VT_STRING },
	/*
	 * docker >= 23 calls -t --timeout and keeps --time as a deprecated
	 * alias; 20.10 (Debian 12's docker.io) knows only --time.  The
	 * canonical argv writes --time, which every CLI from 20.10 on reads.
	 */
	{ .name = "time", .shorthand = 't', .type = VT_INT },
	{ .name = "timeout", .type = VT_INT, .alias_of = "time" },
	FLAGS_END,
};

static const struct flagdef container_rm_flags[] = {
	{ .name = "force", .shorthand = 'f', .type = VT_BOOL },
	{ .name = "link", .shorthand = 'l', .type = VT_BOOL },
	{ .name = "volumes", .shorthand = 'v', .type = VT_BOOL,
	    .risk = RISK_DATA_LOSS, .why = W_RM_VOLUMES },
	FLAGS_END,
};

static const struct flagdef run_flags[] = {
	{ .name = "detach", .shorthand = 'd', .type = VT_BOOL },
	{ .name = "detach-keys", .type = VT_STRING },
	{ .name = "sig-proxy", .type = VT_BOOL },
	FLAGS_END,
};

/*
 * start -a/-i attach before they start, and starting a running container
 * is no error (304): on a running container they are docker attach.
 */
static const struct flagdef container_start_flags[] = {
	{ .name = "attach", .shorthand = 'a', .type = VT_BOOL,
	    .risk = RISK_OTHER_CONTAINERS, .why = W_START_ATTACH },
	{ .name = "checkpoint", .type = VT_STRING },
	{ .name = "checkpoint-dir", .type = VT_STRING, .risk = RISK_HOST_MOUNTS,
	    .why = W_HOST_DIR },
	{ .name = "detach-keys", .type = VT_STRING },
	{ .name = "interactive", .shorthand = 'i', .type = VT_BOOL,
	    .risk = RISK_OTHER_CONTAINERS, .why = W_START_ATTACH },
	FLAGS_END,
};

static const struct flagdef container_stats_flags[] = {
	{ .name = "all", .shorthand = 'a', .type = VT_BOOL },
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "no-stream", .type = VT_BOOL },
	{ .name = "no-trunc", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef container_update_flags[] = {
	{ .name = "blkio-weight", .type = VT_UINT },
	{ .name = "cpu-period", .type = VT_INT },
	{ .name = "cpu-quota", .type = VT_INT },
	{ .name = "cpu-rt-period", .type = VT_INT, .risk = RISK_KERNEL,
	    .why = W_RT_SCHED },
	{ .name = "cpu-rt-runtime", .type = VT_INT, .risk = RISK_KERNEL,
	    .why = W_RT_SCHED },
	{ .name = "cpu-shares", .shorthand = 'c', .type = VT_INT },
	{ .name = "cpus", .type = VT_DECIMAL },
	{ .name = "cpuset-cpus", .type = VT_STRING },
	{ .name = "cpuset-mems", .type = VT_STRING },
	{ .name = "kernel-memory", .type = VT_BYTES, .risk = RISK_KERNEL,
	    .why = W_KERNEL_MEMORY },
	{ .name = "memory", .shorthand = 'm', .type = VT_BYTES },
	{ .name = "memory-reservation", .type = VT_BYTES },
	{ .name = "memory-swap", .type = VT_BYTES },
	{ .name = "pids-limit", .type = VT_INT },
	{ .name = "restart", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef image_build_flags[] = {
	{ .name = "add-host", .type = VT_LIST },
	{ .name = "allow", .type = VT_ARRAY, .risk = RISK_NEVER,
	    .why = W_ENTITLEMENTS },
	{ .name = "annotation", .type = VT_ARRAY },
	{ .name = "attest", .type = VT_ARRAY },
	{ .name = "build-arg", .type = VT_LIST },
	{ .name = "build-context", .type = VT_ARRAY, .risk = RISK_CLIENT_FILES,
	    .why = W_CLI_READS_DIR },
	{ .name = "builder", .type = VT_STRING, .risk = RISK_NEVER,
	    .why = W_BUILDER },
	{ .name = "cache-from", .type = VT_SLICE },
	{ .name = "cache-to", .type = VT_ARRAY },
	{ .name = "call", .type = VT_STRING },
	{ .name = "cgroup-parent", .type = VT_STRING, .risk = RISK_KERNEL,
	    .why = W_CGROUP_PARENT },
	{ .name = "check", .type = VT_BOOL },
	{ .name = "compress", .type = VT_BOOL },
	{ .name = "cpu-period", .type = VT_INT },
	{ .name = "cpu-quota", .type = VT_INT },
	{ .name = "cpu-shares", .shorthand = 'c', .type = VT_INT },
	{ .name = "cpuset-cpus", .type = VT_STRING },
	{ .name = "cpuset-mems", .type = VT_STRING },
	{ .name = "disable-content-trust", .type = VT_BOOL },
	{ .name = "file", .shorthand = 'f', .type = VT_STRING },
	{ .name = "force-rm", .type = VT_BOOL },
	{ .name = "iidfile", .type = VT_STRING, .risk = RISK_CLIENT_FILES,
	    .why = W_CLI_WRITES_FILE },
	{ .name = "isolation", .type = VT_STRING, .risk = RISK_KERNEL,
	    .why = W_ISOLATION },
	{ .name = "label", .type = VT_LIST, .kind = VK_LABEL },
	{ .name = "load", .type = VT_BOOL },
	{ .name = "memory", .shorthand = 'm', .type = VT_BYTES },
	{ .name = "memory-swap", .type = VT_BYTES },
	{ .name = "metadata-file", .type = VT_STRING, .risk = RISK_CLIENT_FILES,
	    .why = W_CLI_WRITES_FILE },
	{ .name = "network", .type = VT_STRING, .kind = VK_NETWORK },
	{ .name = "no-cache", .type = VT_BOOL },
	{ .name = "no-cache-filter", .type = VT_ARRAY },
	{ .name = "output", .shorthand = 'o', .type = VT_ARRAY,
	    .risk = RISK_CLIENT_FILES, .why = W_CLI_WRITES_BUILD },
	{ .name = "platform", .type = VT_STRING, .kind = VK_PLATFORM,
	    .risk = RISK_IMAGE_TAGS, .why = W_PLATFORM },
	{ .name = "policy", .type = VT_ARRAY, .risk = RISK_CLIENT_FILES,
	    .why = W_CLI_READS_POLICY },
	{ .name = "progress", .type = VT_STRING },
	{ .name = "provenance", .type = VT_STRING },
	{ .name = "pull", .type = VT_BOOL },
	{ .name = "push", .type = VT_BOOL, .risk = RISK_NEVER,
	    .why = W_BUILD_PUSH },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	{ .name = "rm", .type = VT_BOOL },
	{ .name = "sbom", .type = VT_STRING },
	{ .name = "secret", .type = VT_ARRAY, .risk = RISK_CLIENT_FILES,
	    .why = W_CLI_READS_SECRET },
	{ .name = "security-opt", .type = VT_SLICE, .kind = VK_SECOPT },
	{ .name = "shm-size", .type = VT_BYTES },
	{ .name = "squash", .type = VT_BOOL },
	{ .name = "ssh", .type = VT_ARRAY, .risk = RISK_CLIENT_FILES,
	    .why = W_SSH },
	{ .name = "stream", .type = VT_BOOL },
	{ .name = "tag", .shorthand = 't', .type = VT_LIST,
	    .risk = RISK_IMAGE_TAGS, .why = W_IMAGE_TAG },
	{ .name = "target", .type = VT_STRING },
	{ .name = "ulimit", .type = VT_ULIMIT, .risk = RISK_KERNEL,
	    .why = W_ULIMIT },
	FLAGS_END,
};

static const struct flagdef image_history_flags[] = {
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "human", .shorthand = 'H', .type = VT_BOOL },
	{ .name = "no-trunc", .type = VT_BOOL },
	{ .name = "platform", .type = VT_STRING },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef image_import_flags[] = {
	{ .name = "change", .shorthand = 'c', .type = VT_LIST,
	    .kind = VK_CHANGE },
	{ .name = "message", .shorthand = 'm', .type = VT_STRING },
	{ .name = "platform", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef image_inspect_flags[] = {
	{ .name = "format", .shorthand = 'f', .type = VT_STRING,
	    .kind = VK_OUTPUT },
	{ .name = "platform", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef image_load_flags[] = {
	{ .name = "input", .shorthand = 'i', .type = VT_STRING,
	    .risk = RISK_CLIENT_FILES, .why = W_CLI_READS_FILE },
	{ .name = "platform", .type = VT_STRING },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef image_ls_flags[] = {
	{ .name = "all", .shorthand = 'a', .type = VT_BOOL },
	{ .name = "digests", .type = VT_BOOL },
	{ .name = "filter", .shorthand = 'f', .type = VT_FILTER },
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "no-trunc", .type = VT_BOOL },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	{ .name = "tree", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef image_prune_flags[] = {
	{ .name = "all", .shorthand = 'a', .type = VT_BOOL,
	    .risk = RISK_DATA_LOSS, .why = W_PRUNE_ALL_IMAGES },
	{ .name = "filter", .type = VT_FILTER, .kind = VK_PRUNE_FILTER },
	{ .name = "force", .shorthand = 'f', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef image_pull_flags[] = {
	{ .name = "all-tags", .shorthand = 'a', .type = VT_BOOL },
	{ .name = "disable-content-trust", .type = VT_BOOL },
	{ .name = "platform", .type = VT_STRING, .kind = VK_PLATFORM,
	    .risk = RISK_IMAGE_TAGS, .why = W_PLATFORM },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef image_rm_flags[] = {
	{ .name = "force", .shorthand = 'f', .type = VT_BOOL },
	{ .name = "no-prune", .type = VT_BOOL },
	{ .name = "platform", .type = VT_SLICE },
	FLAGS_END,
};

static const struct flagdef image_save_flags[] = {
	{ .name = "output", .shorthand = 'o', .type = VT_STRING,
	    .risk = RISK_CLIENT_FILES, .why = W_CLI_WRITES_FILE },
	{ .name = "platform", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef system_df_flags[] = {
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "verbose", .shorthand = 'v', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef system_events_flags[] = {
	{ .name = "filter", .shorthand = 'f', .type = VT_FILTER },
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "since", .type = VT_STRING },
	{ .name = "until", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef system_info_flags[] = {
	{ .name = "format", .shorthand = 'f', .type = VT_STRING,
	    .kind = VK_OUTPUT },
	FLAGS_END,
};

static const struct flagdef system_prune_flags[] = {
	{ .name = "all", .shorthand = 'a', .type = VT_BOOL,
	    .risk = RISK_DATA_LOSS, .why = W_PRUNE_ALL_IMAGES },
	{ .name = "filter", .type = VT_FILTER, .kind = VK_PRUNE_FILTER },
	{ .name = "force", .shorthand = 'f', .type = VT_BOOL },
	{ .name = "volumes", .type = VT_BOOL, .risk = RISK_DATA_LOSS,
	    .why = W_PRUNE_VOLUMES },
	FLAGS_END,
};

static const struct flagdef inspect_flags[] = {
	{ .name = "format", .shorthand = 'f', .type = VT_STRING,
	    .kind = VK_OUTPUT },
	{ .name = "size", .shorthand = 's', .type = VT_BOOL },
	{ .name = "type", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef version_flags[] = {
	{ .name = "format", .shorthand = 'f', .type = VT_STRING,
	    .kind = VK_OUTPUT },
	{ .name = "kubeconfig", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef network_connect_flags[] = {
	{ .name = "alias", .type = VT_SLICE },
	{ .name = "driver-opt", .type = VT_SLICE },
	{ .name = "gw-priority", .type = VT_INT },
	{ .name = "ip", .type = VT_IP },
	{ .name = "ip6", .type = VT_IP },
	{ .name = "link", .type = VT_LIST, .risk = RISK_OTHER_CONTAINERS,
	    .why = W_LINK },
	{ .name = "link-local-ip", .type = VT_SLICE },
	FLAGS_END,
};

static const struct flagdef network_create_flags[] = {
	{ .name = "attachable", .type = VT_BOOL },
	{ .name = "aux-address", .type = VT_MAP },
	{ .name = "config-from", .type = VT_STRING },
	{ .name = "config-only", .type = VT_BOOL },
	{ .name = "driver", .shorthand = 'd', .type = VT_STRING },
	{ .name = "gateway", .type = VT_SLICE },
	{ .name = "ingress", .type = VT_BOOL },
	{ .name = "internal", .type = VT_BOOL },
	{ .name = "ip-range", .type = VT_SLICE },
	{ .name = "ipam-driver", .type = VT_STRING },
	{ .name = "ipam-opt", .type = VT_MAP },
	{ .name = "ipv4", .type = VT_BOOL },
	{ .name = "ipv6", .type = VT_BOOL },
	{ .name = "label", .type = VT_LIST },
	{ .name = "opt", .shorthand = 'o', .type = VT_MAP, .risk = RISK_KERNEL,
	    .why = W_NETWORK_DRIVER_OPTS },
	{ .name = "scope", .type = VT_STRING },
	{ .name = "subnet", .type = VT_SLICE },
	FLAGS_END,
};

static const struct flagdef network_disconnect_flags[] = {
	{ .name = "force", .shorthand = 'f', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef network_inspect_flags[] = {
	{ .name = "format", .shorthand = 'f', .type = VT_STRING,
	    .kind = VK_OUTPUT },
	{ .name = "verbose", .shorthand = 'v', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef network_ls_flags[] = {
	{ .name = "filter", .shorthand = 'f', .type = VT_FILTER },
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "no-trunc", .type = VT_BOOL },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef volume_create_flags[] = {
	{ .name = "availability", .type = VT_STRING },
	{ .name = "driver", .shorthand = 'd', .type = VT_STRING,
	    .kind = VK_VOLDRIVER },
	{ .name = "group", .type = VT_STRING },
	{ .name = "label", .type = VT_LIST },
	{ .name = "limit-bytes", .type = VT_BYTES },
	{ .name = "name", .type = VT_STRING },
	{ .name = "opt", .shorthand = 'o', .type = VT_MAP,
	    .risk = RISK_HOST_MOUNTS, .why = W_VOLUME_DRIVER_OPTS },
	{ .name = "required-bytes", .type = VT_BYTES },
	{ .name = "scope", .type = VT_STRING },
	{ .name = "secret", .type = VT_MAP },
	{ .name = "sharing", .type = VT_STRING },
	{ .name = "topology-preferred", .type = VT_LIST },
	{ .name = "topology-required", .type = VT_LIST },
	{ .name = "type", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef volume_ls_flags[] = {
	{ .name = "cluster", .type = VT_BOOL },
	{ .name = "filter", .shorthand = 'f', .type = VT_FILTER },
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef volume_prune_flags[] = {
	{ .name = "all", .shorthand = 'a', .type = VT_BOOL,
	    .risk = RISK_DATA_LOSS, .why = W_PRUNE_ALL_VOLUMES },
	{ .name = "filter", .type = VT_FILTER },
	{ .name = "force", .shorthand = 'f', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef volume_update_flags[] = {
	{ .name = "availability", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef plugin_create_flags[] = {
	{ .name = "compress", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef plugin_enable_flags[] = {
	{ .name = "timeout", .type = VT_INT },
	FLAGS_END,
};

static const struct flagdef plugin_install_flags[] = {
	{ .name = "alias", .type = VT_STRING },
	{ .name = "disable", .type = VT_BOOL },
	{ .name = "disable-content-trust", .type = VT_BOOL },
	{ .name = "grant-all-permissions", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef plugin_push_flags[] = {
	{ .name = "disable-content-trust", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef plugin_upgrade_flags[] = {
	{ .name = "disable-content-trust", .type = VT_BOOL },
	{ .name = "grant-all-permissions", .type = VT_BOOL },
	{ .name = "skip-remote-check", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef context_create_flags[] = {
	{ .name = "default-stack-orchestrator", .type = VT_STRING },
	{ .name = "description", .type = VT_STRING },
	{ .name = "docker", .type = VT_MAP },
	{ .name = "from", .type = VT_STRING },
	{ .name = "kubernetes", .type = VT_MAP },
	FLAGS_END,
};

static const struct flagdef context_export_flags[] = {
	{ .name = "kubeconfig", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef context_ls_flags[] = {
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef context_update_flags[] = {
	{ .name = "default-stack-orchestrator", .type = VT_STRING },
	{ .name = "description", .type = VT_STRING },
	{ .name = "docker", .type = VT_MAP },
	{ .name = "kubernetes", .type = VT_MAP },
	FLAGS_END,
};

static const struct flagdef builder_prune_flags[] = {
	{ .name = "all", .shorthand = 'a', .type = VT_BOOL,
	    .risk = RISK_DATA_LOSS, .why = W_PRUNE_ALL_CACHE },
	{ .name = "filter", .type = VT_FILTER, .kind = VK_PRUNE_FILTER },
	{ .name = "force", .shorthand = 'f', .type = VT_BOOL },
	{ .name = "keep-storage", .type = VT_BYTES },
	FLAGS_END,
};

static const struct flagdef config_create_flags[] = {
	{ .name = "label", .shorthand = 'l', .type = VT_LIST },
	{ .name = "template-driver", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef config_inspect_flags[] = {
	{ .name = "format", .shorthand = 'f', .type = VT_STRING,
	    .kind = VK_OUTPUT },
	{ .name = "pretty", .type = VT_BOOL, .kind = VK_OUTPUT },
	FLAGS_END,
};

static const struct flagdef config_ls_flags[] = {
	{ .name = "filter", .shorthand = 'f', .type = VT_FILTER },
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef secret_create_flags[] = {
	{ .name = "driver", .shorthand = 'd', .type = VT_STRING },
	{ .name = "label", .shorthand = 'l', .type = VT_LIST },
	{ .name = "template-driver", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef node_ps_flags[] = {
	{ .name = "filter", .shorthand = 'f', .type = VT_FILTER,
	    .kind = VK_TASK_FILTER },
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "no-resolve", .type = VT_BOOL },
	{ .name = "no-trunc", .type = VT_BOOL },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef node_update_flags[] = {
	{ .name = "availability", .type = VT_STRING },
	{ .name = "label-add", .type = VT_LIST },
	{ .name = "label-rm", .type = VT_LIST },
	{ .name = "role", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef service_create_flags[] = {
	{ .name = "cap-add", .type = VT_LIST, .kind = VK_CAPADD },
	{ .name = "cap-drop", .type = VT_LIST },
	{ .name = "config", .type = VT_LIST, .risk = RISK_OTHER_CONTAINERS,
	    .why = W_SWARM_CONFIG },
	{ .name = "constraint", .type = VT_LIST },
	{ .name = "container-label", .type = VT_LIST, .kind = VK_LABEL },
	{ .name = "credential-spec", .type = VT_STRING,
	    .risk = RISK_CLIENT_FILES, .why = W_CREDENTIAL_SPEC },
	{ .name = "detach", .shorthand = 'd', .type = VT_BOOL },
	{ .name = "dns", .type = VT_LIST },
	{ .name = "dns-option", .type = VT_LIST },
	{ .name = "dns-search", .type = VT_LIST },
	{ .name = "endpoint-mode", .type = VT_STRING },
	{ .name = "entrypoint", .type = VT_STRING },
	{ .name = "env", .shorthand = 'e', .type = VT_LIST },
	{ .name = "env-file", .type = VT_LIST, .risk = RISK_CLIENT_FILES,
	    .why = W_CLI_READS_FILE },
	{ .name = "generic-resource", .type = VT_LIST, .risk = RISK_GPUS,
	    .why = W_GENERIC_RESOURCES },
	{ .name = "group", .type = VT_LIST },
	{ .name = "health-cmd", .type = VT_STRING },
	{ .name = "health-interval", .type = VT_DURATION },
	{ .name = "health-retries", .type = VT_INT },
	{ .name = "health-start-interval", .type = VT_DURATION },
	{ .name = "health-start-period", .type = VT_DURATION },
	{ .name = "health-timeout", .type = VT_DURATION },
	{ .name = "host", .type = VT_LIST },
	{ .name = "hostname", .type = VT_STRING },
	{ .name = "init", .type = VT_BOOL },
	{ .name = "isolation", .type = VT_STRING, .risk = RISK_KERNEL,
	    .why = W_ISOLATION },
	{ .name = "label", .shorthand = 'l', .type = VT_LIST,
	    .kind = VK_LABEL },
	{ .name = "limit-cpu", .type = VT_DECIMAL },
	{ .name = "limit-memory", .type = VT_BYTES },
	{ .name = "limit-pids", .type = VT_INT },
	{ .name = "log-driver", .type = VT_STRING, .risk = RISK_LOG_EGRESS,
	    .why = W_LOG_DRIVER },
	{ .name = "log-opt", .type = VT_LIST, .risk = RISK_LOG_EGRESS,
	    .why = W_LOG_OPTS },
	{ .name = "max-concurrent", .type = VT_UINT },
	{ .name = "mode", .type = VT_STRING },
	{ .name = "mount", .type = VT_MOUNT, .kind = VK_MOUNT },
	{ .name = "name", .type = VT_STRING },
	{ .name = "network", .type = VT_NETWORK, .kind = VK_NETWORK },
	{ .name = "no-healthcheck", .type = VT_BOOL },
	{ .name = "no-resolve-image", .type = VT_BOOL },
	{ .name = "oom-score-adj", .type = VT_INT, .risk = RISK_KERNEL,
	    .why = W_OOM },
	{ .name = "placement-pref", .type = VT_LIST },
	{ .name = "publish", .shorthand = 'p', .type = VT_LIST },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	{ .name = "read-only", .type = VT_BOOL },
	{ .name = "replicas", .type = VT_UINT },
	{ .name = "replicas-max-per-node", .type = VT_UINT },
	{ .name = "reserve-cpu", .type = VT_DECIMAL },
	{ .name = "reserve-memory", .type = VT_BYTES },
	{ .name = "restart-condition", .type = VT_STRING },
	{ .name = "restart-delay", .type = VT_DURATION },
	{ .name = "restart-max-attempts", .type = VT_UINT },
	{ .name = "restart-window", .type = VT_DURATION },
	{ .name = "rollback-delay", .type = VT_DURATION },
	{ .name = "rollback-failure-action", .type = VT_STRING },
	{ .name = "rollback-max-failure-ratio", .type = VT_DECIMAL },
	{ .name = "rollback-monitor", .type = VT_DURATION },
	{ .name = "rollback-order", .type = VT_STRING },
	{ .name = "rollback-parallelism", .type = VT_UINT },
	{ .name = "secret", .type = VT_LIST, .risk = RISK_OTHER_CONTAINERS,
	    .why = W_SWARM_SECRET },
	{ .name = "stop-grace-period", .type = VT_DURATION },
	{ .name = "stop-signal", .type = VT_STRING },
	{ .name = "sysctl", .type = VT_LIST, .risk = RISK_KERNEL,
	    .why = W_SYSCTL },
	{ .name = "tty", .shorthand = 't', .type = VT_BOOL },
	{ .name = "ulimit", .type = VT_ULIMIT, .risk = RISK_KERNEL,
	    .why = W_ULIMIT },
	{ .name = "update-delay", .type = VT_DURATION },
	{ .name = "update-failure-action", .type = VT_STRING },
	{ .name = "update-max-failure-ratio", .type = VT_DECIMAL },
	{ .name = "update-monitor", .type = VT_DURATION },
	{ .name = "update-order", .type = VT_STRING },
	{ .name = "update-parallelism", .type = VT_UINT },
	{ .name = "user", .shorthand = 'u', .type = VT_STRING },
	{ .name = "with-registry-auth", .type = VT_BOOL },
	{ .name = "workdir", .shorthand = 'w', .type = VT_STRING,
	    .kind = VK_WORKDIR },
	FLAGS_END,
};

static const struct flagdef service_logs_flags[] = {
	{ .name = "details", .type = VT_BOOL },
	{ .name = "follow", .shorthand = 'f', .type = VT_BOOL },
	{ .name = "no-resolve", .type = VT_BOOL },
	{ .name = "no-task-ids", .type = VT_BOOL },
	{ .name = "no-trunc", .type = VT_BOOL },
	{ .name = "raw", .type = VT_BOOL },
	{ .name = "since", .type = VT_STRING },
	{ .name = "tail", .shorthand = 'n', .type = VT_STRING },
	{ .name = "timestamps", .shorthand = 't', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef service_rollback_flags[] = {
	{ .name = "detach", .shorthand = 'd', .type = VT_BOOL },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef service_scale_flags[] = {
	{ .name = "detach", .shorthand = 'd', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef service_update_flags[] = {
	{ .name = "args", .type = VT_STRING },
	{ .name = "cap-add", .type = VT_LIST, .kind = VK_CAPADD },
	{ .name = "cap-drop", .type = VT_LIST },
	{ .name = "config-add", .type = VT_LIST, .risk = RISK_OTHER_CONTAINERS,
	    .why = W_SWARM_CONFIG },
	{ .name = "config-rm", .type = VT_LIST },
	{ .name = "constraint-add", .type = VT_LIST },
	{ .name = "constraint-rm", .type = VT_LIST },
	{ .name = "container-label-add", .type = VT_LIST, .kind = VK_LABEL },
	{ .name = "container-label-rm", .type = VT_LIST },
	{ .name = "credential-spec", .type = VT_STRING,
	    .risk = RISK_CLIENT_FILES, .why = W_CREDENTIAL_SPEC },
	{ .name = "detach", .shorthand = 'd', .type = VT_BOOL },
	{ .name = "dns-add", .type = VT_LIST },
	{ .name = "dns-option-add", .type = VT_LIST },
	{ .name = "dns-option-rm", .type = VT_LIST },
	{ .name = "dns-rm", .type = VT_LIST },
	{ .name = "dns-search-add", .type = VT_LIST },
	{ .name = "dns-search-rm", .type = VT_LIST },
	{ .name = "endpoint-mode", .type = VT_STRING },
	{ .name = "entrypoint", .type = VT_STRING },
	{ .name = "env-add", .type = VT_LIST },
	{ .name = "env-rm", .type = VT_LIST },
	{ .name = "force", .type = VT_BOOL },
	{ .name = "generic-resource-add", .type = VT_LIST, .risk = RISK_GPUS,
	    .why = W_GENERIC_RESOURCES },
	{ .name = "generic-resource-rm", .type = VT_LIST },
	{ .name = "group-add", .type = VT_LIST },
	{ .name = "group-rm", .type = VT_LIST },
	{ .name = "health-cmd", .type = VT_STRING },
	{ .name = "health-interval", .type = VT_DURATION },
	{ .name = "health-retries", .type = VT_INT },
	{ .name = "health-start-interval", .type = VT_DURATION },
	{ .name = "health-start-period", .type = VT_DURATION },
	{ .name = "health-timeout", .type = VT_DURATION },
	{ .name = "host-add", .type = VT_LIST },
	{ .name = "host-rm", .type = VT_LIST },
	{ .name = "hostname", .type = VT_STRING },
	{ .name = "image", .type = VT_STRING, .kind = VK_IMAGE },
	{ .name = "init", .type = VT_BOOL },
	{ .name = "isolation", .type = VT_STRING, .risk = RISK_KERNEL,
	    .why = W_ISOLATION },
	{ .name = "label-add", .type = VT_LIST, .kind = VK_LABEL },
	{ .name = "label-rm", .type = VT_LIST },
	{ .name = "limit-cpu", .type = VT_DECIMAL },
	{ .name = "limit-memory", .type = VT_BYTES },
	{ .name = "limit-pids", .type = VT_INT },
	{ .name = "log-driver", .type = VT_STRING, .risk = RISK_LOG_EGRESS,
	    .why = W_LOG_DRIVER },
	{ .name = "log-opt", .type = VT_LIST, .risk = RISK_LOG_EGRESS,
	    .why = W_LOG_OPTS },
	{ .name = "max-concurrent", .type = VT_UINT },
	{ .name = "mount-add", .type = VT_MOUNT, .kind = VK_MOUNT },
	{ .name = "mount-rm", .type = VT_LIST },
	{ .name = "network-add", .type = VT_NETWORK, .kind = VK_NETWORK },
	{ .name = "network-rm", .type = VT_LIST },
	{ .name = "no-healthcheck", .type = VT_BOOL },
	{ .name = "no-resolve-image", .type = VT_BOOL },
	{ .name = "oom-score-adj", .type = VT_INT, .risk = RISK_KERNEL,
	    .why = W_OOM },
	{ .name = "placement-pref-add", .type = VT_LIST },
	{ .name = "placement-pref-rm", .type = VT_LIST },
	{ .name = "publish-add", .type = VT_LIST },
	{ .name = "publish-rm", .type = VT_LIST },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	{ .name = "read-only", .type = VT_BOOL },
	{ .name = "replicas", .type = VT_UINT },
	{ .name = "replicas-max-per-node", .type = VT_UINT },
	{ .name = "reserve-cpu", .type = VT_DECIMAL },
	{ .name = "reserve-memory", .type = VT_BYTES },
	{ .name = "restart-condition", .type = VT_STRING },
	{ .name = "restart-delay", .type = VT_DURATION },
	{ .name = "restart-max-attempts", .type = VT_UINT },
	{ .name = "restart-window", .type = VT_DURATION },
	{ .name = "rollback", .type = VT_BOOL },
	{ .name = "rollback-delay", .type = VT_DURATION },
	{ .name = "rollback-failure-action", .type = VT_STRING },
	{ .name = "rollback-max-failure-ratio", .type = VT_DECIMAL },
	{ .name = "rollback-monitor", .type = VT_DURATION },
	{ .name = "rollback-order", .type = VT_STRING },
	{ .name = "rollback-parallelism", .type = VT_UINT },
	{ .name = "secret-add", .type = VT_LIST, .risk = RISK_OTHER_CONTAINERS,
	    .why = W_SWARM_SECRET },
	{ .name = "secret-rm", .type = VT_LIST },
	{ .name = "stop-grace-period", .type = VT_DURATION },
	{ .name = "stop-signal", .type = VT_STRING },
	{ .name = "sysctl-add", .type = VT_LIST, .risk = RISK_KERNEL,
	    .why = W_SYSCTL },
	{ .name = "sysctl-rm", .type = VT_LIST },
	{ .name = "tty", .shorthand = 't', .type = VT_BOOL },
	{ .name = "ulimit-add", .type = VT_ULIMIT, .risk = RISK_KERNEL,
	    .why = W_ULIMIT },
	{ .name = "ulimit-rm", .type = VT_LIST },
	{ .name = "update-delay", .type = VT_DURATION },
	{ .name = "update-failure-action", .type = VT_STRING },
	{ .name = "update-max-failure-ratio", .type = VT_DECIMAL },
	{ .name = "update-monitor", .type = VT_DURATION },
	{ .name = "update-order", .type = VT_STRING },
	{ .name = "update-parallelism", .type = VT_UINT },
	{ .name = "user", .shorthand = 'u', .type = VT_STRING },
	{ .name = "with-registry-auth", .type = VT_BOOL },
	{ .name = "workdir", .shorthand = 'w', .type = VT_STRING,
	    .kind = VK_WORKDIR },
	FLAGS_END,
};

static const struct flagdef stack_config_flags[] = {
	{ .name = "compose-file", .shorthand = 'c', .type = VT_SLICE,
	    .risk = RISK_CLIENT_FILES, .why = W_CLI_READS_COMPOSE },
	{ .name = "skip-interpolation", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef stack_deploy_flags[] = {
	{ .name = "compose-file", .shorthand = 'c', .type = VT_SLICE,
	    .risk = RISK_CLIENT_FILES, .why = W_CLI_READS_COMPOSE },
	{ .name = "detach", .shorthand = 'd', .type = VT_BOOL },
	{ .name = "orchestrator", .type = VT_STRING },
	{ .name = "prune", .type = VT_BOOL },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	{ .name = "resolve-image", .type = VT_STRING },
	{ .name = "with-registry-auth", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef stack_ls_flags[] = {
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "orchestrator", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef stack_ps_flags[] = {
	{ .name = "filter", .shorthand = 'f', .type = VT_FILTER },
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "no-resolve", .type = VT_BOOL },
	{ .name = "no-trunc", .type = VT_BOOL },
	{ .name = "orchestrator", .type = VT_STRING },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef stack_rm_flags[] = {
	{ .name = "detach", .shorthand = 'd', .type = VT_BOOL },
	{ .name = "orchestrator", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef stack_services_flags[] = {
	{ .name = "filter", .shorthand = 'f', .type = VT_FILTER },
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "orchestrator", .type = VT_STRING },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef swarm_ca_flags[] = {
	{ .name = "ca-cert", .type = VT_STRING, .risk = RISK_CLIENT_FILES,
	    .why = W_CLI_READS_FILE },
	{ .name = "ca-key", .type = VT_STRING, .risk = RISK_CLIENT_FILES,
	    .why = W_CLI_READS_FILE },
	{ .name = "cert-expiry", .type = VT_DURATION },
	{ .name = "detach", .shorthand = 'd', .type = VT_BOOL },
	{ .name = "external-ca", .type = VT_LIST },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	{ .name = "rotate", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef swarm_init_flags[] = {
	{ .name = "advertise-addr", .type = VT_STRING },
	{ .name = "autolock", .type = VT_BOOL },
	{ .name = "availability", .type = VT_STRING },
	{ .name = "cert-expiry", .type = VT_DURATION },
	{ .name = "data-path-addr", .type = VT_STRING },
	{ .name = "data-path-port", .type = VT_UINT },
	{ .name = "default-addr-pool", .type = VT_SLICE },
	{ .name = "default-addr-pool-mask-length", .type = VT_UINT },
	{ .name = "dispatcher-heartbeat", .type = VT_DURATION },
	{ .name = "external-ca", .type = VT_LIST },
	{ .name = "force-new-cluster", .type = VT_BOOL },
	{ .name = "listen-addr", .type = VT_STRING },
	{ .name = "max-snapshots", .type = VT_UINT },
	{ .name = "snapshot-interval", .type = VT_UINT },
	{ .name = "task-history-limit", .type = VT_INT },
	FLAGS_END,
};

static const struct flagdef swarm_join_flags[] = {
	{ .name = "advertise-addr", .type = VT_STRING },
	{ .name = "availability", .type = VT_STRING },
	{ .name = "data-path-addr", .type = VT_STRING },
	{ .name = "listen-addr", .type = VT_STRING },
	{ .name = "token", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef swarm_join_token_flags[] = {
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	{ .name = "rotate", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef swarm_update_flags[] = {
	{ .name = "autolock", .type = VT_BOOL },
	{ .name = "cert-expiry", .type = VT_DURATION },
	{ .name = "dispatcher-heartbeat", .type = VT_DURATION },
	{ .name = "external-ca", .type = VT_LIST },
	{ .name = "max-snapshots", .type = VT_UINT },
	{ .name = "snapshot-interval", .type = VT_UINT },
	{ .name = "task-history-limit", .type = VT_INT },
	FLAGS_END,
};

static const struct flagdef checkpoint_create_flags[] = {
	{ .name = "checkpoint-dir", .type = VT_STRING, .risk = RISK_HOST_MOUNTS,
	    .why = W_HOST_DIR },
	{ .name = "leave-running", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef checkpoint_ls_flags[] = {
	{ .name = "checkpoint-dir", .type = VT_STRING, .risk = RISK_HOST_MOUNTS,
	    .why = W_HOST_DIR },
	FLAGS_END,
};

static const struct flagdef manifest_annotate_flags[] = {
	{ .name = "arch", .type = VT_STRING },
	{ .name = "os", .type = VT_STRING },
	{ .name = "os-features", .type = VT_SLICE },
	{ .name = "os-version", .type = VT_STRING },
	{ .name = "variant", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef manifest_create_flags[] = {
	{ .name = "amend", .shorthand = 'a', .type = VT_BOOL },
	{ .name = "insecure", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef manifest_inspect_flags[] = {
	{ .name = "insecure", .type = VT_BOOL },
	{ .name = "verbose", .shorthand = 'v', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef manifest_push_flags[] = {
	{ .name = "insecure", .type = VT_BOOL },
	{ .name = "purge", .shorthand = 'p', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef login_flags[] = {
	{ .name = "password", .shorthand = 'p', .type = VT_STRING },
	{ .name = "password-stdin", .type = VT_BOOL },
	{ .name = "username", .shorthand = 'u', .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef search_flags[] = {
	{ .name = "filter", .shorthand = 'f', .type = VT_FILTER },
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "limit", .type = VT_INT },
	{ .name = "no-trunc", .type = VT_BOOL },
	FLAGS_END,
};

const struct flagdef commands_global_flags[] = {
	{ .name = "config", .type = VT_STRING, .risk = RISK_NEVER,
	    .why = W_GLOBAL_CONFIG },
	{ .name = "context", .shorthand = 'c', .type = VT_STRING,
	    .risk = RISK_NEVER, .why = W_GLOBAL_CONTEXT },
	{ .name = "debug", .shorthand = 'D', .type = VT_BOOL },
	{ .name = "host", .shorthand = 'H', .type = VT_LIST, .risk = RISK_NEVER,
	    .why = W_GLOBAL_HOST },
	{ .name = "log-level", .shorthand = 'l', .type = VT_STRING },
	{ .name = "tls", .type = VT_BOOL, .risk = RISK_NEVER,
	    .why = W_GLOBAL_TLS },
	{ .name = "tlscacert", .type = VT_STRING, .risk = RISK_NEVER,
	    .why = W_GLOBAL_TLSCACERT },
	{ .name = "tlscert", .type = VT_STRING, .risk = RISK_NEVER,
	    .why = W_GLOBAL_TLSCERT },
	{ .name = "tlskey", .type = VT_STRING, .risk = RISK_NEVER,
	    .why = W_GLOBAL_TLSKEY },
	{ .name = "tlsverify", .type = VT_BOOL, .risk = RISK_NEVER,
	    .why = W_GLOBAL_TLSVERIFY },
	{ .name = "version", .shorthand = 'v', .type = VT_BOOL,
	    .risk = RISK_NEVER, .why = W_USE_VERSION },
	FLAGS_END,
};

/*
 * docker compose v2.  The flag lists follow docker/compose
 * cmd/compose (v2.3x); there is no compose v2 on the drift test's
 * machines, so these rows are not checked against --help.  Rows marked
 * "uncertain" are from the compose source as remembered, not verified.
 * Compose's flag-name normalizers (run --volumes, --labels, --no-TTY;
 * exec --no-TTY; up/create --y; down --volume) are refused, not emulated:
 * those spellings have no row, so they are unknown flags.  Flags that make
 * the CLI read or write host files are client-files; the compose files the
 * project loads (-f, --env-file, --project-directory) are judged by
 * compose.c, not by risk class.
 */
static const struct flagdef compose_global_flags[] = {
	{ .name = "all-resources", .type = VT_BOOL },
	{ .name = "ansi", .type = VT_STRING },
	{ .name = "compatibility", .type = VT_BOOL },
	{ .name = "dry-run", .type = VT_BOOL },
	{ .name = "env-file", .type = VT_ARRAY, .kind = VK_PROJECT_FILE },
	{ .name = "file", .shorthand = 'f', .type = VT_ARRAY,
	    .kind = VK_PROJECT_FILE },
	{ .name = "insecure-registry", .type = VT_ARRAY, .risk = RISK_NEVER,
	    .why = W_INSECURE_REGISTRY },
	{ .name = "no-ansi", .type = VT_BOOL },
	{ .name = "parallel", .type = VT_INT },
	{ .name = "profile", .type = VT_ARRAY },
	{ .name = "progress", .type = VT_STRING },
	{ .name = "project-directory", .type = VT_STRING,
	    .kind = VK_PROJECT_FILE },
	{ .name = "project-name", .shorthand = 'p', .type = VT_STRING },
	{ .name = "verbose", .type = VT_BOOL },
	{ .name = "version", .shorthand = 'v', .type = VT_BOOL },
	{ .name = "workdir", .type = VT_STRING, .risk = RISK_NEVER,
	    .why = W_WORKDIR_SPELLING },
	FLAGS_END,
};

/* Persistent flags of compose: accepted after the subcommand too. */
static const struct flagdef compose_persistent_flags[] = {
	{ .name = "dry-run", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef compose_attach_flags[] = {
	{ .name = "detach-keys", .type = VT_STRING },
	{ .name = "index", .type = VT_INT },
	{ .name = "no-stdin", .type = VT_BOOL },
	{ .name = "sig-proxy", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef compose_build_flags[] = {
	{ .name = "build-arg", .type = VT_ARRAY },
	{ .name = "builder", .type = VT_STRING, .risk = RISK_NEVER,
	    .why = W_BUILDER },
	{ .name = "check", .type = VT_BOOL },	/* uncertain */
	{ .name = "memory", .shorthand = 'm', .type = VT_BYTES },
	{ .name = "no-cache", .type = VT_BOOL },
	{ .name = "print", .type = VT_BOOL },
	{ .name = "pull", .type = VT_BOOL },
	{ .name = "push", .type = VT_BOOL, .risk = RISK_NEVER,
	    .why = W_COMPOSE_BUILD_PUSH },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	{ .name = "ssh", .type = VT_STRING, .risk = RISK_CLIENT_FILES,
	    .why = W_SSH },
	{ .name = "with-dependencies", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef compose_commit_flags[] = {
	{ .name = "author", .shorthand = 'a', .type = VT_STRING },
	{ .name = "change", .shorthand = 'c', .type = VT_LIST,
	    .kind = VK_CHANGE },
	{ .name = "index", .type = VT_INT },
	{ .name = "message", .shorthand = 'm', .type = VT_STRING },
	{ .name = "pause", .shorthand = 'p', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef compose_config_flags[] = {
	{ .name = "environment", .type = VT_BOOL },	/* uncertain */
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "hash", .type = VT_STRING },
	{ .name = "images", .type = VT_BOOL, .kind = VK_NAMES },
	{ .name = "networks", .type = VT_BOOL, .kind = VK_NAMES },
	{ .name = "no-consistency", .type = VT_BOOL },
	{ .name = "no-interpolate", .type = VT_BOOL },
	{ .name = "no-normalize", .type = VT_BOOL },
	{ .name = "no-path-resolution", .type = VT_BOOL },
	{ .name = "output", .shorthand = 'o', .type = VT_STRING,
	    .risk = RISK_CLIENT_FILES, .why = W_COMPOSE_WRITES_FILE },
	{ .name = "profiles", .type = VT_BOOL, .kind = VK_NAMES },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	{ .name = "resolve-image-digests", .type = VT_BOOL },
	{ .name = "services", .type = VT_BOOL, .kind = VK_NAMES },
	{ .name = "variables", .type = VT_BOOL },
	{ .name = "volumes", .type = VT_BOOL, .kind = VK_NAMES },
	FLAGS_END,
};

static const struct flagdef compose_cp_flags[] = {
	{ .name = "all", .type = VT_BOOL },
	{ .name = "archive", .shorthand = 'a', .type = VT_BOOL },
	{ .name = "follow-link", .shorthand = 'L', .type = VT_BOOL },
	{ .name = "index", .type = VT_INT },
	FLAGS_END,
};

static const struct flagdef compose_create_flags[] = {
	{ .name = "build", .type = VT_BOOL },
	{ .name = "force-recreate", .type = VT_BOOL },
	{ .name = "no-build", .type = VT_BOOL },
	{ .name = "no-recreate", .type = VT_BOOL },
	{ .name = "pull", .type = VT_STRING },
	{ .name = "quiet-pull", .type = VT_BOOL },
	{ .name = "remove-orphans", .type = VT_BOOL },
	{ .name = "scale", .type = VT_ARRAY },
	{ .name = "yes", .shorthand = 'y', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef compose_down_flags[] = {
	{ .name = "remove-orphans", .type = VT_BOOL },
	{ .name = "rmi", .type = VT_STRING, .risk = RISK_DATA_LOSS,
	    .why = W_COMPOSE_RMI },
	{ .name = "timeout", .shorthand = 't', .type = VT_INT },
	{ .name = "volumes", .shorthand = 'v', .type = VT_BOOL,
	    .risk = RISK_DATA_LOSS, .why = W_COMPOSE_DOWN_VOLUMES },
	FLAGS_END,
};

static const struct flagdef compose_events_flags[] = {
	{ .name = "json", .type = VT_BOOL },
	{ .name = "since", .type = VT_STRING },
	{ .name = "until", .type = VT_STRING },
	FLAGS_END,
};

/* Like docker exec; -e KEY without a value reads compose's environment. */
static const struct flagdef compose_exec_flags[] = {
	{ .name = "detach", .shorthand = 'd', .type = VT_BOOL },
	{ .name = "env", .shorthand = 'e', .type = VT_ARRAY },
	{ .name = "index", .type = VT_INT },
	{ .name = "interactive", .shorthand = 'i', .type = VT_BOOL },
	{ .name = "no-tty", .shorthand = 'T', .type = VT_BOOL },
	{ .name = "privileged", .type = VT_BOOL, .risk = RISK_PRIVILEGED,
	    .why = W_EXEC_PRIVILEGED },
	{ .name = "tty", .shorthand = 't', .type = VT_BOOL },
	{ .name = "user", .shorthand = 'u', .type = VT_STRING },
	{ .name = "workdir", .shorthand = 'w', .type = VT_STRING,
	    .kind = VK_WORKDIR },
	FLAGS_END,
};

static const struct flagdef compose_export_flags[] = {
	{ .name = "index", .type = VT_INT },
	{ .name = "output", .shorthand = 'o', .type = VT_STRING,
	    .risk = RISK_CLIENT_FILES, .why = W_COMPOSE_WRITES_FILE },
	FLAGS_END,
};

static const struct flagdef compose_images_flags[] = {
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef compose_kill_flags[] = {
	{ .name = "remove-orphans", .type = VT_BOOL },
	{ .name = "signal", .shorthand = 's', .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef compose_logs_flags[] = {
	{ .name = "follow", .shorthand = 'f', .type = VT_BOOL },
	{ .name = "index", .type = VT_INT },
	{ .name = "no-color", .type = VT_BOOL },
	{ .name = "no-log-prefix", .type = VT_BOOL },
	{ .name = "since", .type = VT_STRING },
	{ .name = "tail", .shorthand = 'n', .type = VT_STRING },
	{ .name = "timestamps", .shorthand = 't', .type = VT_BOOL },
	{ .name = "until", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef compose_ls_flags[] = {
	{ .name = "all", .shorthand = 'a', .type = VT_BOOL },
	{ .name = "filter", .type = VT_FILTER },
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef compose_port_flags[] = {
	{ .name = "index", .type = VT_INT },
	{ .name = "protocol", .type = VT_STRING },
	FLAGS_END,
};

static const struct flagdef compose_ps_flags[] = {
	{ .name = "all", .shorthand = 'a', .type = VT_BOOL },
	{ .name = "filter", .type = VT_STRING },
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "no-trunc", .type = VT_BOOL },
	{ .name = "orphans", .type = VT_BOOL },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	{ .name = "services", .type = VT_BOOL },
	{ .name = "status", .type = VT_ARRAY },
	FLAGS_END,
};

static const struct flagdef compose_pull_flags[] = {
	{ .name = "ignore-buildable", .type = VT_BOOL },
	{ .name = "ignore-pull-failures", .type = VT_BOOL },
	{ .name = "include-deps", .type = VT_BOOL },
	{ .name = "policy", .type = VT_STRING },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef compose_push_flags[] = {
	{ .name = "ignore-push-failures", .type = VT_BOOL },
	{ .name = "include-deps", .type = VT_BOOL },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef compose_restart_flags[] = {
	{ .name = "no-deps", .type = VT_BOOL },
	{ .name = "timeout", .shorthand = 't', .type = VT_INT },
	FLAGS_END,
};

static const struct flagdef compose_rm_flags[] = {
	{ .name = "force", .shorthand = 'f', .type = VT_BOOL },
	{ .name = "stop", .shorthand = 's', .type = VT_BOOL },
	{ .name = "volumes", .shorthand = 'v', .type = VT_BOOL,
	    .risk = RISK_DATA_LOSS, .why = W_COMPOSE_RM_VOLUMES },
	FLAGS_END,
};

/* Like docker run; compose.c refuses relative -v sources (see there). */
static const struct flagdef compose_run_flags[] = {
	{ .name = "build", .type = VT_BOOL },
	{ .name = "cap-add", .type = VT_ARRAY, .kind = VK_CAPADD },
	{ .name = "cap-drop", .type = VT_ARRAY },
	{ .name = "detach", .shorthand = 'd', .type = VT_BOOL },
	{ .name = "entrypoint", .type = VT_STRING },
	{ .name = "env", .shorthand = 'e', .type = VT_ARRAY },
	{ .name = "env-from-file", .type = VT_ARRAY, .risk = RISK_CLIENT_FILES,
	    .why = W_COMPOSE_READS_FILE },
	{ .name = "interactive", .shorthand = 'i', .type = VT_BOOL },
	{ .name = "label", .shorthand = 'l', .type = VT_ARRAY,
	    .kind = VK_LABEL },
	{ .name = "name", .type = VT_STRING },
	{ .name = "no-deps", .type = VT_BOOL },
	{ .name = "no-tty", .shorthand = 'T', .type = VT_BOOL },
	{ .name = "publish", .shorthand = 'p', .type = VT_ARRAY },
	{ .name = "pull", .type = VT_STRING },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	{ .name = "quiet-pull", .type = VT_BOOL },
	{ .name = "remove-orphans", .type = VT_BOOL },
	{ .name = "rm", .type = VT_BOOL },
	{ .name = "service-ports", .shorthand = 'P', .type = VT_BOOL },
	{ .name = "tty", .shorthand = 't', .type = VT_BOOL },
	{ .name = "use-aliases", .type = VT_BOOL },
	{ .name = "user", .shorthand = 'u', .type = VT_STRING },
	{ .name = "volume", .shorthand = 'v', .type = VT_ARRAY,
	    .kind = VK_VOLUME },
	{ .name = "workdir", .shorthand = 'w', .type = VT_STRING,
	    .kind = VK_WORKDIR },
	FLAGS_END,
};

static const struct flagdef compose_scale_flags[] = {
	{ .name = "no-deps", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef compose_stats_flags[] = {
	{ .name = "all", .shorthand = 'a', .type = VT_BOOL },
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "no-stream", .type = VT_BOOL },
	{ .name = "no-trunc", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef compose_stop_flags[] = {
	{ .name = "timeout", .shorthand = 't', .type = VT_INT },
	FLAGS_END,
};

static const struct flagdef compose_up_flags[] = {
	{ .name = "abort-on-container-exit", .type = VT_BOOL },
	{ .name = "abort-on-container-failure", .type = VT_BOOL },
	{ .name = "always-recreate-deps", .type = VT_BOOL },
	{ .name = "attach", .type = VT_ARRAY },
	{ .name = "attach-dependencies", .type = VT_BOOL },
	{ .name = "build", .type = VT_BOOL },
	{ .name = "detach", .shorthand = 'd', .type = VT_BOOL },
	{ .name = "exit-code-from", .type = VT_STRING },
	{ .name = "force-recreate", .type = VT_BOOL },
	{ .name = "menu", .type = VT_BOOL },
	{ .name = "no-attach", .type = VT_ARRAY },
	{ .name = "no-build", .type = VT_BOOL },
	{ .name = "no-color", .type = VT_BOOL },
	{ .name = "no-deps", .type = VT_BOOL },
	{ .name = "no-log-prefix", .type = VT_BOOL },
	{ .name = "no-recreate", .type = VT_BOOL },
	{ .name = "no-start", .type = VT_BOOL },
	{ .name = "pull", .type = VT_STRING },
	{ .name = "quiet-pull", .type = VT_BOOL },
	{ .name = "remove-orphans", .type = VT_BOOL },
	{ .name = "renew-anon-volumes", .shorthand = 'V', .type = VT_BOOL },
	{ .name = "scale", .type = VT_ARRAY },
	{ .name = "timeout", .shorthand = 't', .type = VT_INT },
	{ .name = "timestamps", .type = VT_BOOL },
	{ .name = "wait", .type = VT_BOOL },
	{ .name = "wait-timeout", .type = VT_INT },
	{ .name = "watch", .shorthand = 'w', .type = VT_BOOL },
	{ .name = "yes", .shorthand = 'y', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef compose_version_flags[] = {
	{ .name = "format", .shorthand = 'f', .type = VT_STRING,
	    .kind = VK_OUTPUT },
	{ .name = "short", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef compose_volumes_flags[] = {
	{ .name = "format", .type = VT_STRING, .kind = VK_OUTPUT },
	{ .name = "quiet", .shorthand = 'q', .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef compose_wait_flags[] = {
	{ .name = "down-project", .type = VT_BOOL },
	FLAGS_END,
};

static const struct flagdef compose_watch_flags[] = {
	{ .name = "no-up", .type = VT_BOOL },
	{ .name = "prune", .type = VT_BOOL },
	{ .name = "quiet", .type = VT_BOOL },
	FLAGS_END,
};

const struct flagdef commands_persistent_flags[] = {
	{ .name = "help", .shorthand = 'h', .type = VT_BOOL },
	FLAGS_END,
};

/* The flag sets by number: commands_table rows name theirs by FS_*. */
#define FLAGSETS(X) \
	X(FS_CONTAINER_ATTACH, container_attach_flags) \
	X(FS_CONTAINER_COMMIT, container_commit_flags) \
	X(FS_CONTAINER_CP, container_cp_flags) \
	X(FS_CONTAINER, container_flags) \
	X(FS_CONTAINER_EXEC, container_exec_flags) \
	X(FS_CONTAINER_EXPORT, container_export_flags) \
	X(FS_CONTAINER_INSPECT, container_inspect_flags) \
	X(FS_CONTAINER_KILL, container_kill_flags) \
	X(FS_CONTAINER_LOGS, container_logs_flags) \
	X(FS_CONTAINER_LS, container_ls_flags) \
	X(FS_CONTAINER_PRUNE, container_prune_flags) \
	X(FS_CONTAINER_RESTART, container_restart_flags) \
	X(FS_CONTAINER_RM, container_rm_flags) \
	X(FS_RUN, run_flags) \
	X(FS_CONTAINER_START, container_start_flags) \
	X(FS_CONTAINER_STATS, container_stats_flags) \
	X(FS_CONTAINER_UPDATE, container_update_flags) \
	X(FS_IMAGE_BUILD, image_build_flags) \
	X(FS_IMAGE_HISTORY, image_history_flags) \
	X(FS_IMAGE_IMPORT, image_import_flags) \
	X(FS_IMAGE_INSPECT, image_inspect_flags) \
	X(FS_IMAGE_LOAD, image_load_flags) \
	X(FS_IMAGE_LS, image_ls_flags) \
	X(FS_IMAGE_PRUNE, image_prune_flags) \
	X(FS_IMAGE_PULL, image_pull_flags) \
	X(FS_IMAGE_RM, image_rm_flags) \
	X(FS_IMAGE_SAVE, image_save_flags) \
	X(FS_SYSTEM_DF, system_df_flags) \
	X(FS_SYSTEM_EVENTS, system_events_flags) \
	X(FS_SYSTEM_INFO, system_info_flags) \
	X(FS_SYSTEM_PRUNE, system_prune_flags) \
	X(FS_INSPECT, inspect_flags) \
	X(FS_VERSION, version_flags) \
	X(FS_NETWORK_CONNECT, network_connect_flags) \
	X(FS_NETWORK_CREATE, network_create_flags) \
	X(FS_NETWORK_DISCONNECT, network_disconnect_flags) \
	X(FS_NETWORK_INSPECT, network_inspect_flags) \
	X(FS_NETWORK_LS, network_ls_flags) \
	X(FS_VOLUME_CREATE, volume_create_flags) \
	X(FS_VOLUME_LS, volume_ls_flags) \
	X(FS_VOLUME_PRUNE, volume_prune_flags) \
	X(FS_VOLUME_UPDATE, volume_update_flags) \
	X(FS_PLUGIN_CREATE, plugin_create_flags) \
	X(FS_PLUGIN_ENABLE, plugin_enable_flags) \
	X(FS_PLUGIN_INSTALL, plugin_install_flags) \
	X(FS_PLUGIN_PUSH, plugin_push_flags) \
	X(FS_PLUGIN_UPGRADE, plugin_upgrade_flags) \
	X(FS_CONTEXT_CREATE, context_create_flags) \
	X(FS_CONTEXT_EXPORT, context_export_flags) \
	X(FS_CONTEXT_LS, context_ls_flags) \
	X(FS_CONTEXT_UPDATE, context_update_flags) \
	X(FS_BUILDER_PRUNE, builder_prune_flags) \
	X(FS_CONFIG_CREATE, config_create_flags) \
	X(FS_CONFIG_INSPECT, config_inspect_flags) \
	X(FS_CONFIG_LS, config_ls_flags) \
	X(FS_SECRET_CREATE, secret_create_flags) \
	X(FS_NODE_PS, node_ps_flags) \
	X(FS_NODE_UPDATE, node_update_flags) \
	X(FS_SERVICE_CREATE, service_create_flags) \
	X(FS_SERVICE_LOGS, service_logs_flags) \
	X(FS_SERVICE_ROLLBACK, service_rollback_flags) \
	X(FS_SERVICE_SCALE, service_scale_flags) \
	X(FS_SERVICE_UPDATE, service_update_flags) \
	X(FS_STACK_CONFIG, stack_config_flags) \
	X(FS_STACK_DEPLOY, stack_deploy_flags) \
	X(FS_STACK_LS, stack_ls_flags) \
	X(FS_STACK_PS, stack_ps_flags) \
	X(FS_STACK_RM, stack_rm_flags) \
	X(FS_STACK_SERVICES, stack_services_flags) \
	X(FS_SWARM_CA, swarm_ca_flags) \
	X(FS_SWARM_INIT, swarm_init_flags) \
	X(FS_SWARM_JOIN, swarm_join_flags) \
	X(FS_SWARM_JOIN_TOKEN, swarm_join_token_flags) \
	X(FS_SWARM_UPDATE, swarm_update_flags) \
	X(FS_CHECKPOINT_CREATE, checkpoint_create_flags) \
	X(FS_CHECKPOINT_LS, checkpoint_ls_flags) \
	X(FS_MANIFEST_ANNOTATE, manifest_annotate_flags) \
	X(FS_MANIFEST_CREATE, manifest_create_flags) \
	X(FS_MANIFEST_INSPECT, manifest_inspect_flags) \
	X(FS_MANIFEST_PUSH, manifest_push_flags) \
	X(FS_LOGIN, login_flags) \
	X(FS_SEARCH, search_flags) \
	X(FS_COMPOSE_GLOBAL, compose_global_flags) \
	X(FS_COMPOSE_PERSISTENT, compose_persistent_flags) \
	X(FS_COMPOSE_ATTACH, compose_attach_flags) \
	X(FS_COMPOSE_BUILD, compose_build_flags) \
	X(FS_COMPOSE_COMMIT, compose_commit_flags) \
	X(FS_COMPOSE_CONFIG, compose_config_flags) \
	X(FS_COMPOSE_CP, compose_cp_flags) \
	X(FS_COMPOSE_CREATE, compose_create_flags) \
	X(FS_COMPOSE_DOWN, compose_down_flags) \
	X(FS_COMPOSE_EVENTS, compose_events_flags) \
	X(FS_COMPOSE_EXEC, compose_exec_flags) \
	X(FS_COMPOSE_EXPORT, compose_export_flags) \
	X(FS_COMPOSE_IMAGES, compose_images_flags) \
	X(FS_COMPOSE_KILL, compose_kill_flags) \
	X(FS_COMPOSE_LOGS, compose_logs_flags) \
	X(FS_COMPOSE_LS, compose_ls_flags) \
	X(FS_COMPOSE_PORT, compose_port_flags) \
	X(FS_COMPOSE_PS, compose_ps_flags) \
	X(FS_COMPOSE_PULL, compose_pull_flags) \
	X(FS_COMPOSE_PUSH, compose_push_flags) \
	X(FS_COMPOSE_RESTART, compose_restart_flags) \
	X(FS_COMPOSE_RM, compose_rm_flags) \
	X(FS_COMPOSE_RUN, compose_run_flags) \
	X(FS_COMPOSE_SCALE, compose_scale_flags) \
	X(FS_COMPOSE_STATS, compose_stats_flags) \
	X(FS_COMPOSE_STOP, compose_stop_flags) \
	X(FS_COMPOSE_UP, compose_up_flags) \
	X(FS_COMPOSE_VERSION, compose_version_flags) \
	X(FS_COMPOSE_VOLUMES, compose_volumes_flags) \
	X(FS_COMPOSE_WAIT, compose_wait_flags) \
	X(FS_COMPOSE_WATCH, compose_watch_flags)

#define FS_ENUM(name, set)	name,
#define FS_SET(name, set)	[name] = (set),

enum flagset {
	FS_NONE,
	FLAGSETS(FS_ENUM)
	FS_COUNT
};

_Static_assert(FS_COUNT <= 256, "cmddef.flagsets holds a set in a byte");

static const struct flagdef *const flagsets[FS_COUNT] = { FLAGSETS(FS_SET) };

/*
 * The commands.  Each row is written in four groups: the name and flag
 * sets; how the arguments are read (interspersed: whether flags may follow
 * a positional; what the first and the other positionals name; how many);
 * the command's own risk class and its reason, only when it has one; the
 * summary `help` prints and the traits (CMD_*), only when it has some.
 */
const struct cmddef commands_table[] = {
	{ .name = "container attach", .flagsets = { FS_CONTAINER_ATTACH },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .summary = "Attach local standard input, output, and error "
	    "streams to a running container" },
	{ .name = "container commit", .flagsets = { FS_CONTAINER_COMMIT },
	    .interspersed = 0, .pfirst = P_CONTAINER, .prest = P_IMAGE_TAG,
	    .minargs = 1, .maxargs = 2,
	    /* no risk class: the target is judged against the rule's images */
	    .summary = "Create a new image from a container's changes" },
	{ .name = "container cp", .flagsets = { FS_CONTAINER_CP },
	    .interspersed = 1, .pfirst = P_CPPATH, .prest = P_CPPATH,
	    .minargs = 2, .maxargs = 2,
	    .risk = RISK_CLIENT_FILES, .why = W_CP,
	    .summary = "Copy files/folders between a container and the local "
	    "filesystem" },
	{ .name = "container create", .flagsets = { FS_CONTAINER },
	    .interspersed = 0, .pfirst = P_IMAGE, .prest = P_CMD,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Create a new container",
	    .traits = CMD_OWNABLE | CMD_PULLS },
	{ .name = "container diff", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .summary = "Inspect changes to files or directories on a "
	    "container's filesystem",
	    .traits = CMD_READS_ONLY },
	{ .name = "container exec", .flagsets = { FS_CONTAINER_EXEC },
	    .interspersed = 0, .pfirst = P_CONTAINER, .prest = P_CMD,
	    .minargs = 2, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Execute a command in a running container" },
	{ .name = "container export", .flagsets = { FS_CONTAINER_EXPORT },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .summary = "Export a container's filesystem as a tar archive" },
	{ .name = "container inspect", .flagsets = { FS_CONTAINER_INSPECT },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_CONTAINER,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Display detailed information on one or more "
	    "containers",
	    .traits = CMD_SHOWS_ENV | CMD_READS_ONLY },
	{ .name = "container kill", .flagsets = { FS_CONTAINER_KILL },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_CONTAINER,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Kill one or more running containers" },
	{ .name = "container logs", .flagsets = { FS_CONTAINER_LOGS },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .summary = "Fetch the logs of a container",
	    .traits = CMD_READS_ONLY },
	{ .name = "container ls", .flagsets = { FS_CONTAINER_LS },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "List containers",
	    .traits = CMD_LABEL_SCOPE | CMD_READS_ONLY },
	{ .name = "container pause", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_CONTAINER,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Pause all processes within one or more containers" },
	{ .name = "container port", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_ANY,
	    .minargs = 1, .maxargs = 2,
	    .summary = "List port mappings or a specific mapping for the "
	    "container",
	    .traits = CMD_READS_ONLY },
	{ .name = "container prune", .flagsets = { FS_CONTAINER_PRUNE },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "Remove all stopped containers" },
	{ .name = "container rename", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_NEWNAME,
	    .minargs = 2, .maxargs = 2,
	    .summary = "Rename a container" },
	{ .name = "container restart", .flagsets = { FS_CONTAINER_RESTART },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_CONTAINER,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Restart one or more containers" },
	{ .name = "container rm", .flagsets = { FS_CONTAINER_RM },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_CONTAINER,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Remove one or more containers" },
	{ .name = "container run", .flagsets = { FS_CONTAINER, FS_RUN },
	    .interspersed = 0, .pfirst = P_IMAGE, .prest = P_CMD,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Create and run a new container from an image",
	    .traits = CMD_SESSION_LABEL | CMD_OWNABLE | CMD_PULLS },
	{ .name = "container start", .flagsets = { FS_CONTAINER_START },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_CONTAINER,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Start one or more stopped containers" },
	{ .name = "container stats", .flagsets = { FS_CONTAINER_STATS },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_CONTAINER,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Display a live stream of container(s) resource usage "
	    "statistics",
	    .traits = CMD_READS_ONLY },
	{ .name = "container stop", .flagsets = { FS_CONTAINER_RESTART },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_CONTAINER,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Stop one or more running containers" },
	{ .name = "container top", .flagsets = { FS_NONE },
	    .interspersed = 0, .pfirst = P_CONTAINER, .prest = P_PSARGS,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Display the running processes of a container",
	    .traits = CMD_READS_ONLY },
	{ .name = "container unpause", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_CONTAINER,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Unpause all processes within one or more containers" },
	{ .name = "container update", .flagsets = { FS_CONTAINER_UPDATE },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_CONTAINER,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Update configuration of one or more containers" },
	{ .name = "container wait", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_CONTAINER,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Block until one or more containers stop, then print "
	    "their exit codes" },
	{ .name = "image build", .flagsets = { FS_IMAGE_BUILD },
	    .interspersed = 1, .pfirst = P_CONTEXT, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .summary = "Build an image from a Dockerfile",
	    .traits = CMD_BUILD | CMD_PULLS },
	{ .name = "image history", .flagsets = { FS_IMAGE_HISTORY },
	    .interspersed = 1, .pfirst = P_IMAGE, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .summary = "Show the history of an image",
	    .traits = CMD_READS_ONLY },
	{ .name = "image import", .flagsets = { FS_IMAGE_IMPORT },
	    .interspersed = 1, .pfirst = P_PATH, .prest = P_IMAGE_TAG,
	    .minargs = 1, .maxargs = 2,
	    /* no risk class: the source path and the tag are
	       judged as positionals */
	    .summary = "Import the contents from a tarball to create a "
	    "filesystem image" },
	{ .name = "image inspect", .flagsets = { FS_IMAGE_INSPECT },
	    .interspersed = 1, .pfirst = P_IMAGE, .prest = P_IMAGE,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Display detailed information on one or more images",
	    .traits = CMD_SHOWS_ENV | CMD_SHOWS_BUILD | CMD_READS_ONLY },
	    /* Config.Env, ContainerConfig.Env; ContainerConfig.Cmd "|1 K=V" */
	{ .name = "image load", .flagsets = { FS_IMAGE_LOAD },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .risk = RISK_IMAGE_TAGS, .why = W_LOAD_TAGS,
	    .summary = "Load an image from a tar archive or STDIN" },
	{ .name = "image ls", .flagsets = { FS_IMAGE_LS },
	    .interspersed = 1, .pfirst = P_IMAGE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 1,
	    .summary = "List images",
	    .traits = CMD_READS_ONLY },
	{ .name = "image prune", .flagsets = { FS_IMAGE_PRUNE },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "Remove unused images" },
	{ .name = "image pull", .flagsets = { FS_IMAGE_PULL },
	    .interspersed = 1, .pfirst = P_IMAGE_NAME, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .summary = "Download an image from a registry",
	    .traits = CMD_PULLS },
	{ .name = "image push", .flagsets = { FS_IMAGE_PULL },
	    .interspersed = 1, .pfirst = P_IMAGE_NAME, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .summary = "Upload an image to a registry",
	    .traits = CMD_PULLS },
	{ .name = "image rm", .flagsets = { FS_IMAGE_RM },
	    .interspersed = 1, .pfirst = P_IMAGE, .prest = P_IMAGE,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Remove one or more images" },
	{ .name = "image save", .flagsets = { FS_IMAGE_SAVE },
	    .interspersed = 1, .pfirst = P_IMAGE, .prest = P_IMAGE,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Save one or more images to a tar archive (streamed "
	    "to STDOUT by default)" },
	{ .name = "image tag", .flagsets = { FS_NONE },
	    .interspersed = 0, .pfirst = P_ANY, .prest = P_IMAGE_TAG,
	    .minargs = 2, .maxargs = 2,	/* the source is only read */
	    /* no risk class: the target is judged against the rule's images */
	    .summary = "Create a tag TARGET_IMAGE that refers to "
	    "SOURCE_IMAGE" },
	{ .name = "system df", .flagsets = { FS_SYSTEM_DF },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "Show docker disk usage",
	    .traits = CMD_READS_ONLY },
	{ .name = "system dial-stdio", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .risk = RISK_NEVER, .why = W_DIAL_STDIO,
	    .summary = "Proxy the stdio stream to the daemon connection" },
	{ .name = "system events", .flagsets = { FS_SYSTEM_EVENTS },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "Get real time events from the server",
	    /* exec_create: CMD */
	    .traits = CMD_LABEL_SCOPE | CMD_SHOWS_EXEC | CMD_READS_ONLY },
	{ .name = "system info", .flagsets = { FS_SYSTEM_INFO },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "Display system-wide information",
	    .traits = CMD_READS_ONLY },
	{ .name = "system prune", .flagsets = { FS_SYSTEM_PRUNE },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "Remove unused data" },
	{ .name = "inspect", .flagsets = { FS_INSPECT },
	    .interspersed = 1, .pfirst = P_OBJECT, .prest = P_OBJECT,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Return low-level information on Docker objects",
	    .traits = CMD_SHOWS_ENV | CMD_SHOWS_BUILD | CMD_READS_ONLY },
	{ .name = "version", .flagsets = { FS_VERSION },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "Show the Docker version information",
	    .traits = CMD_READS_ONLY },
	{ .name = "network connect", .flagsets = { FS_NETWORK_CONNECT },
	    .interspersed = 1, .pfirst = P_NETWORK, .prest = P_CONTAINER,
	    .minargs = 2, .maxargs = 2,
	    .summary = "Connect a container to a network" },
	{ .name = "network create", .flagsets = { FS_NETWORK_CREATE },
	    .interspersed = 1, .pfirst = P_NETWORK, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .summary = "Create a network" },
	{ .name = "network disconnect", .flagsets = { FS_NETWORK_DISCONNECT },
	    .interspersed = 1, .pfirst = P_NETWORK, .prest = P_CONTAINER,
	    .minargs = 2, .maxargs = 2,
	    .summary = "Disconnect a container from a network" },
	{ .name = "network inspect", .flagsets = { FS_NETWORK_INSPECT },
	    .interspersed = 1, .pfirst = P_NETWORK, .prest = P_NETWORK,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Display detailed information on one or more networks",
	    /* Options, IPAM.Options: driver options */
	    .traits = CMD_SHOWS_ENV | CMD_READS_ONLY },
	{ .name = "network ls", .flagsets = { FS_NETWORK_LS },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "List networks",
	    .traits = CMD_READS_ONLY },
	{ .name = "network prune", .flagsets = { FS_CONTAINER_PRUNE },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "Remove all unused networks" },
	{ .name = "network rm", .flagsets = { FS_NETWORK_DISCONNECT },
	    .interspersed = 1, .pfirst = P_NETWORK, .prest = P_NETWORK,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Remove one or more networks" },
	{ .name = "volume create", .flagsets = { FS_VOLUME_CREATE },
	    .interspersed = 1, .pfirst = P_VOLUME, .prest = P_NONE,
	    .minargs = 0, .maxargs = 1,
	    .summary = "Create a volume" },
	{ .name = "volume inspect", .flagsets = { FS_SYSTEM_INFO },
	    .interspersed = 1, .pfirst = P_VOLUME, .prest = P_VOLUME,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Display detailed information on one or more volumes",
	    /* Options: driver options (passwords) */
	    .traits = CMD_SHOWS_ENV | CMD_READS_ONLY },
	{ .name = "volume ls", .flagsets = { FS_VOLUME_LS },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "List volumes",
	    .traits = CMD_READS_ONLY },
	{ .name = "volume prune", .flagsets = { FS_VOLUME_PRUNE },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .risk = RISK_DATA_LOSS, .why = W_VOLUME_RM,
	    .summary = "Remove unused local volumes" },
	{ .name = "volume rm", .flagsets = { FS_NETWORK_DISCONNECT },
	    .interspersed = 1, .pfirst = P_VOLUME, .prest = P_VOLUME,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .risk = RISK_DATA_LOSS, .why = W_VOLUME_RM,
	    .summary = "Remove one or more volumes. You cannot remove a "
	    "volume that is in use by a container." },
	{ .name = "volume update", .flagsets = { FS_VOLUME_UPDATE },
	    .interspersed = 1, .pfirst = P_VOLUME, .prest = P_NONE,
	    .minargs = 0, .maxargs = 1,
	    .summary = "Update a volume (cluster volumes only)" },
	{ .name = "plugin create", .flagsets = { FS_PLUGIN_CREATE },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 2, .maxargs = 2,
	    .risk = RISK_NEVER, .why = W_PLUGIN,
	    .summary = "Create a plugin from a rootfs and configuration. "
	    "Plugin data directory must contain config.json and rootfs "
	    "directory." },
	{ .name = "plugin disable", .flagsets = { FS_NETWORK_DISCONNECT },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = 1,
	    .risk = RISK_NEVER, .why = W_PLUGIN,
	    .summary = "Disable a plugin" },
	{ .name = "plugin enable", .flagsets = { FS_PLUGIN_ENABLE },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = 1,
	    .risk = RISK_NEVER, .why = W_PLUGIN,
	    .summary = "Enable a plugin" },
	{ .name = "plugin inspect", .flagsets = { FS_SYSTEM_INFO },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .risk = RISK_NEVER, .why = W_PLUGIN,
	    .summary = "Display detailed information on one or more plugins" },
	{ .name = "plugin install", .flagsets = { FS_PLUGIN_INSTALL },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .risk = RISK_NEVER, .why = W_PLUGIN,
	    .summary = "Install a plugin" },
	{ .name = "plugin ls", .flagsets = { FS_NETWORK_LS },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 0, .maxargs = 0,
	    .risk = RISK_NEVER, .why = W_PLUGIN,
	    .summary = "List plugins" },
	{ .name = "plugin push", .flagsets = { FS_PLUGIN_PUSH },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = 1,
	    .risk = RISK_NEVER, .why = W_PLUGIN,
	    .summary = "Push a plugin to a registry" },
	{ .name = "plugin rm", .flagsets = { FS_NETWORK_DISCONNECT },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .risk = RISK_NEVER, .why = W_PLUGIN,
	    .summary = "Remove one or more plugins" },
	{ .name = "plugin set", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .risk = RISK_NEVER, .why = W_PLUGIN,
	    .summary = "Change settings for a plugin" },
	{ .name = "plugin upgrade", .flagsets = { FS_PLUGIN_UPGRADE },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = 2,
	    .risk = RISK_NEVER, .why = W_PLUGIN,
	    .summary = "Upgrade an existing plugin" },
	{ .name = "context create", .flagsets = { FS_CONTEXT_CREATE },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = 1,
	    .risk = RISK_NEVER, .why = W_CONTEXT,
	    .summary = "Create a context" },
	{ .name = "context export", .flagsets = { FS_CONTEXT_EXPORT },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = 2,
	    .risk = RISK_NEVER, .why = W_CONTEXT,
	    .summary = "Export a context to a tar archive FILE or a tar "
	    "stream on STDOUT." },
	{ .name = "context import", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 2, .maxargs = 2,
	    .risk = RISK_NEVER, .why = W_CONTEXT,
	    .summary = "Import a context from a tar or zip file" },
	{ .name = "context inspect", .flagsets = { FS_SYSTEM_INFO },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .risk = RISK_NEVER, .why = W_CONTEXT,
	    .summary = "Display detailed information on one or more contexts" },
	{ .name = "context ls", .flagsets = { FS_CONTEXT_LS },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 0, .maxargs = 0,
	    .risk = RISK_NEVER, .why = W_CONTEXT,
	    .summary = "List contexts" },
	{ .name = "context rm", .flagsets = { FS_NETWORK_DISCONNECT },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .risk = RISK_NEVER, .why = W_CONTEXT,
	    .summary = "Remove one or more contexts" },
	{ .name = "context show", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 0, .maxargs = 0,
	    .risk = RISK_NEVER, .why = W_CONTEXT,
	    .summary = "Print the name of the current context" },
	{ .name = "context update", .flagsets = { FS_CONTEXT_UPDATE },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = 1,
	    .risk = RISK_NEVER, .why = W_CONTEXT,
	    .summary = "Update a context" },
	{ .name = "context use", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = 1,
	    .risk = RISK_NEVER, .why = W_CONTEXT,
	    .summary = "Set the current docker context" },
	{ .name = "builder prune", .flagsets = { FS_BUILDER_PRUNE },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "Remove build cache" },
	{ .name = "config create", .flagsets = { FS_CONFIG_CREATE },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_PATH,
	    .minargs = 2, .maxargs = 2,
	    .risk = RISK_CLIENT_FILES, .why = W_CLI_READS_FILE,
	    .summary = "Create a config from a file or STDIN" },
	{ .name = "config inspect", .flagsets = { FS_CONFIG_INSPECT },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Display detailed information on one or more configs" },
	{ .name = "config ls", .flagsets = { FS_CONFIG_LS },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "List configs" },
	{ .name = "config rm", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Remove one or more configs" },
	{ .name = "secret create", .flagsets = { FS_SECRET_CREATE },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_PATH,
	    .minargs = 1, .maxargs = 2,
	    .risk = RISK_CLIENT_FILES, .why = W_CLI_READS_FILE,
	    .summary = "Create a secret from a file or STDIN as content" },
	{ .name = "secret inspect", .flagsets = { FS_CONFIG_INSPECT },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Display detailed information on one or more secrets" },
	{ .name = "secret ls", .flagsets = { FS_CONFIG_LS },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "List secrets" },
	{ .name = "secret rm", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Remove one or more secrets" },
	{ .name = "node demote", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_NODE, .prest = P_NODE,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .risk = RISK_PRIVILEGED, .why = W_SWARM_CONTROL,
	    .summary = "Demote one or more nodes from manager in the swarm" },
	{ .name = "node inspect", .flagsets = { FS_CONFIG_INSPECT },
	    .interspersed = 1, .pfirst = P_NODE, .prest = P_NODE,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Display detailed information on one or more nodes",
	    .traits = CMD_READS_ONLY },
	{ .name = "node ls", .flagsets = { FS_CONFIG_LS },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "List nodes in the swarm",
	    .traits = CMD_READS_ONLY },
	{ .name = "node promote", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_NODE, .prest = P_NODE,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .risk = RISK_PRIVILEGED, .why = W_SWARM_CONTROL,
	    .summary = "Promote one or more nodes to manager in the swarm" },
	{ .name = "node ps", .flagsets = { FS_NODE_PS },
	    .interspersed = 1, .pfirst = P_NODE, .prest = P_NODE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "List tasks running on one or more nodes, defaults to "
	    "current node",
	    .traits = CMD_READS_ONLY },
	{ .name = "node rm", .flagsets = { FS_NETWORK_DISCONNECT },
	    .interspersed = 1, .pfirst = P_NODE, .prest = P_NODE,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Remove one or more nodes from the swarm" },
	{ .name = "node update", .flagsets = { FS_NODE_UPDATE },
	    .interspersed = 1, .pfirst = P_NODE, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .risk = RISK_PRIVILEGED, .why = W_SWARM_CONTROL,
	    .summary = "Update a node" },
	{ .name = "service create", .flagsets = { FS_SERVICE_CREATE },
	    .interspersed = 0, .pfirst = P_IMAGE, .prest = P_CMD,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Create a new service",
	    .traits = CMD_OWNABLE | CMD_PULLS },
	{ .name = "service inspect", .flagsets = { FS_CONFIG_INSPECT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Display detailed information on one or more services",
	    .traits = CMD_SHOWS_ENV | CMD_READS_ONLY },
	{ .name = "service logs", .flagsets = { FS_SERVICE_LOGS },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .summary = "Fetch the logs of a service or task",
	    .traits = CMD_READS_ONLY },
	{ .name = "service ls", .flagsets = { FS_CONFIG_LS },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "List services",
	    .traits = CMD_READS_ONLY },
	{ .name = "service ps", .flagsets = { FS_NODE_PS },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "List the tasks of one or more services",
	    .traits = CMD_READS_ONLY },
	{ .name = "service rm", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Remove one or more services" },
	{ .name = "service rollback", .flagsets = { FS_SERVICE_ROLLBACK },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .risk = RISK_OTHER_CONTAINERS, .why = W_SERVICE_UPDATE,
	    .summary = "Revert changes to a service's configuration" },
	{ .name = "service scale", .flagsets = { FS_SERVICE_SCALE },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Scale one or multiple replicated services" },
	{ .name = "service update", .flagsets = { FS_SERVICE_UPDATE },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .risk = RISK_OTHER_CONTAINERS, .why = W_SERVICE_UPDATE,
	    .summary = "Update a service",
	    .traits = CMD_PULLS },
	{ .name = "stack config", .flagsets = { FS_STACK_CONFIG },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "Outputs the final config file, after doing merges "
	    "and interpolations" },
	{ .name = "stack deploy", .flagsets = { FS_STACK_DEPLOY },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .risk = RISK_NEVER, .why = W_STACK_DEPLOY,
	    .summary = "Deploy a new stack or update an existing stack",
	    .traits = CMD_PULLS },
	{ .name = "stack ls", .flagsets = { FS_STACK_LS },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "List stacks",
	    .traits = CMD_READS_ONLY },
	{ .name = "stack ps", .flagsets = { FS_STACK_PS },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .summary = "List the tasks in the stack",
	    .traits = CMD_READS_ONLY },
	{ .name = "stack rm", .flagsets = { FS_STACK_RM },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Remove one or more stacks" },
	{ .name = "stack services", .flagsets = { FS_STACK_SERVICES },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .summary = "List the services in the stack",
	    .traits = CMD_READS_ONLY },
	{ .name = "swarm ca", .flagsets = { FS_SWARM_CA },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .risk = RISK_PRIVILEGED, .why = W_SWARM_CONTROL,
	    .summary = "Display and rotate the root CA" },
	{ .name = "swarm init", .flagsets = { FS_SWARM_INIT },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .risk = RISK_PRIVILEGED, .why = W_SWARM_CONTROL,
	    .summary = "Initialize a swarm" },
	{ .name = "swarm join", .flagsets = { FS_SWARM_JOIN },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .risk = RISK_PRIVILEGED, .why = W_SWARM_CONTROL,
	    .summary = "Join a swarm as a node and/or manager" },
	{ .name = "swarm join-token", .flagsets = { FS_SWARM_JOIN_TOKEN },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .risk = RISK_PRIVILEGED, .why = W_SWARM_CONTROL,
	    .summary = "Manage join tokens" },
	{ .name = "swarm leave", .flagsets = { FS_NETWORK_DISCONNECT },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .risk = RISK_PRIVILEGED, .why = W_SWARM_CONTROL,
	    .summary = "Leave the swarm" },
	{ .name = "swarm unlock", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .risk = RISK_PRIVILEGED, .why = W_SWARM_CONTROL,
	    .summary = "Unlock swarm" },
	{ .name = "swarm unlock-key", .flagsets = { FS_SWARM_JOIN_TOKEN },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .risk = RISK_PRIVILEGED, .why = W_SWARM_CONTROL,
	    .summary = "Manage the unlock key" },
	{ .name = "swarm update", .flagsets = { FS_SWARM_UPDATE },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .risk = RISK_PRIVILEGED, .why = W_SWARM_CONTROL,
	    .summary = "Update the swarm" },
	{ .name = "checkpoint create", .flagsets = { FS_CHECKPOINT_CREATE },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_ANY,
	    .minargs = 2, .maxargs = 2,
	    .summary = "Create a checkpoint from a running container" },
	{ .name = "checkpoint ls", .flagsets = { FS_CHECKPOINT_LS },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .summary = "List checkpoints for a container" },
	{ .name = "checkpoint rm", .flagsets = { FS_CHECKPOINT_LS },
	    .interspersed = 1, .pfirst = P_CONTAINER, .prest = P_ANY,
	    .minargs = 2, .maxargs = 2,
	    .summary = "Remove a checkpoint" },
	{ .name = "manifest annotate", .flagsets = { FS_MANIFEST_ANNOTATE },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 2, .maxargs = 2,
	    .risk = RISK_CLIENT_FILES, .why = W_MANIFEST,
	    .summary = "Add additional information to a local image manifest" },
	{ .name = "manifest create", .flagsets = { FS_MANIFEST_CREATE },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 2, .maxargs = CMD_ARGS_UNBOUNDED,
	    .risk = RISK_CLIENT_FILES, .why = W_MANIFEST,
	    .summary = "Create a local manifest list for annotating and "
	    "pushing to a registry" },
	{ .name = "manifest inspect", .flagsets = { FS_MANIFEST_INSPECT },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = 2,
	    .summary = "Display an image manifest, or manifest list" },
	{ .name = "manifest push", .flagsets = { FS_MANIFEST_PUSH },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .risk = RISK_CLIENT_FILES, .why = W_MANIFEST,
	    .summary = "Push a manifest list to a repository" },
	{ .name = "manifest rm", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .risk = RISK_CLIENT_FILES, .why = W_MANIFEST,
	    .summary = "Delete one or more manifest lists from local storage" },
	{ .name = "login", .flagsets = { FS_LOGIN },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_NONE,
	    .minargs = 0, .maxargs = 1,
	    .risk = RISK_CLIENT_FILES, .why = W_LOGIN,
	    .summary = "Authenticate to a registry." },
	{ .name = "logout", .flagsets = { FS_NONE },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_NONE,
	    .minargs = 0, .maxargs = 1,
	    .risk = RISK_CLIENT_FILES, .why = W_LOGOUT,
	    .summary = "Log out from a registry." },
	{ .name = "search", .flagsets = { FS_SEARCH },
	    .interspersed = 1, .pfirst = P_ANY, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .summary = "Search Docker Hub for images" },
	{ .name = "compose", .flagsets = { FS_COMPOSE_GLOBAL },
	    .interspersed = 0, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "Docker Compose (plugin): docker compose [FLAGS] "
	    "SUBCOMMAND",
	    .traits = CMD_GROUP_FLAGS },
	{ .name = "compose alpha", .flagsets = { FS_COMPOSE_PERSISTENT },
	    .interspersed = 0, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .risk = RISK_NEVER, .why = W_EXPERIMENTAL,
	    .summary = "Experimental commands",
	    .traits = CMD_HIDDEN },
	{ .name = "compose attach",
	    .flagsets = { FS_COMPOSE_ATTACH, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .summary = "Attach local standard input, output, and error "
	    "streams to a service's running container",
	    .traits = CMD_PROJECT },
	{ .name = "compose bridge", .flagsets = { FS_COMPOSE_PERSISTENT },
	    .interspersed = 0, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .risk = RISK_NEVER, .why = W_COMPOSE_BRIDGE,
	    .summary = "Convert compose files into another model" },
	{ .name = "compose build",
	    .flagsets = { FS_COMPOSE_BUILD, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Build or rebuild services",
	    .traits = CMD_PROJECT | CMD_PULLS },
	{ .name = "compose commit",
	    .flagsets = { FS_COMPOSE_COMMIT, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_IMAGE_TAG,
	    .minargs = 1, .maxargs = 2,
	    .summary = "Create a new image from a service container's "
	    "changes",
	    .traits = CMD_PROJECT },
	{ .name = "compose config",
	    .flagsets = { FS_COMPOSE_CONFIG, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Parse, resolve and render compose file in canonical "
	    "format",
	    .traits = CMD_PROJECT | CMD_SHOWS_ENV | CMD_STARTS_NOTHING },
	{ .name = "compose cp",
	    .flagsets = { FS_COMPOSE_CP, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_CPPATH, .prest = P_CPPATH,
	    .minargs = 2, .maxargs = 2,
	    .risk = RISK_CLIENT_FILES, .why = W_COMPOSE_CP,
	    .summary = "Copy files/folders between a service container and "
	    "the local filesystem",
	    .traits = CMD_PROJECT },
	{ .name = "compose create",
	    .flagsets = { FS_COMPOSE_CREATE, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Creates containers for a service",
	    .traits = CMD_PROJECT | CMD_PULLS | CMD_CREATES },
	{ .name = "compose down",
	    .flagsets = { FS_COMPOSE_DOWN, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Stop and remove containers, networks",
	    .traits = CMD_PROJECT | CMD_STARTS_NOTHING },
	{ .name = "compose events",
	    .flagsets = { FS_COMPOSE_EVENTS, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Receive real time events from containers",
	    .traits = CMD_PROJECT | CMD_SHOWS_ENV | CMD_STARTS_NOTHING },
	    /* exec_create: CMD, unfiltered */
	{ .name = "compose exec",
	    .flagsets = { FS_COMPOSE_EXEC, FS_COMPOSE_PERSISTENT },
	    .interspersed = 0, .pfirst = P_SERVICE, .prest = P_CMD,
	    .minargs = 2, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Execute a command in a running container",
	    .traits = CMD_PROJECT },
	{ .name = "compose export",
	    .flagsets = { FS_COMPOSE_EXPORT, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_NONE,
	    .minargs = 1, .maxargs = 1,
	    .summary = "Export a service container's filesystem as a tar "
	    "archive",
	    .traits = CMD_PROJECT },
	{ .name = "compose images",
	    .flagsets = { FS_COMPOSE_IMAGES, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "List images used by the created containers",
	    .traits = CMD_PROJECT | CMD_STARTS_NOTHING | CMD_READS_ONLY },
	{ .name = "compose kill",
	    .flagsets = { FS_COMPOSE_KILL, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Force stop service containers",
	    .traits = CMD_PROJECT | CMD_STARTS_NOTHING },
	{ .name = "compose logs",
	    .flagsets = { FS_COMPOSE_LOGS, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "View output from containers",
	    .traits = CMD_PROJECT | CMD_STARTS_NOTHING | CMD_READS_ONLY },
	{ .name = "compose ls",
	    .flagsets = { FS_COMPOSE_LS, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "List running compose projects",
	    .traits = CMD_STARTS_NOTHING | CMD_READS_ONLY },
	{ .name = "compose pause", .flagsets = { FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Pause services",
	    .traits = CMD_PROJECT | CMD_STARTS_NOTHING },
	{ .name = "compose port",
	    .flagsets = { FS_COMPOSE_PORT, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_ANY,
	    .minargs = 2, .maxargs = 2,
	    .summary = "Print the public port for a port binding",
	    .traits = CMD_PROJECT | CMD_STARTS_NOTHING },
	{ .name = "compose ps",
	    .flagsets = { FS_COMPOSE_PS, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "List containers",
	    .traits = CMD_PROJECT | CMD_STARTS_NOTHING | CMD_READS_ONLY },
	{ .name = "compose publish", .flagsets = { FS_COMPOSE_PERSISTENT },
	    .interspersed = 0, .pfirst = P_ANY, .prest = P_ANY,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .risk = RISK_NEVER, .why = W_COMPOSE_PUBLISH,
	    .summary = "Publish compose application" },
	{ .name = "compose pull",
	    .flagsets = { FS_COMPOSE_PULL, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Pull service images",
	    .traits = CMD_PROJECT | CMD_PULLS },
	{ .name = "compose push",
	    .flagsets = { FS_COMPOSE_PUSH, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Push service images",
	    .traits = CMD_PROJECT | CMD_PULLS },
	{ .name = "compose restart",
	    .flagsets = { FS_COMPOSE_RESTART, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Restart service containers",
	    .traits = CMD_PROJECT | CMD_DEPENDENTS },
	{ .name = "compose rm",
	    .flagsets = { FS_COMPOSE_RM, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Removes stopped service containers",
	    .traits = CMD_PROJECT | CMD_STARTS_NOTHING },
	{ .name = "compose run",
	    .flagsets = { FS_COMPOSE_RUN, FS_COMPOSE_PERSISTENT },
	    .interspersed = 0, .pfirst = P_SERVICE, .prest = P_CMD,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Run a one-off command on a service",
	    .traits = CMD_PROJECT | CMD_PULLS | CMD_CREATES },
	{ .name = "compose scale",
	    .flagsets = { FS_COMPOSE_SCALE, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Scale services",
	    .traits = CMD_PROJECT | CMD_PULLS | CMD_CREATES },
	{ .name = "compose start", .flagsets = { FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Start services",
	    .traits = CMD_PROJECT | CMD_DEPENDENTS },
	{ .name = "compose stats",
	    .flagsets = { FS_COMPOSE_STATS, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 1,
	    .summary = "Display a live stream of container(s) resource usage "
	    "statistics",
	    .traits = CMD_PROJECT | CMD_STARTS_NOTHING },
	{ .name = "compose stop",
	    .flagsets = { FS_COMPOSE_STOP, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Stop services",
	    .traits = CMD_PROJECT | CMD_STARTS_NOTHING },
	{ .name = "compose top", .flagsets = { FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Display the running processes",
	    .traits = CMD_PROJECT | CMD_STARTS_NOTHING | CMD_READS_ONLY },
	{ .name = "compose unpause", .flagsets = { FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Unpause services",
	    .traits = CMD_PROJECT | CMD_STARTS_NOTHING },
	{ .name = "compose up",
	    .flagsets = { FS_COMPOSE_UP, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Create and start containers",
	    .traits = CMD_PROJECT | CMD_PULLS | CMD_CREATES },
	{ .name = "compose version",
	    .flagsets = { FS_COMPOSE_VERSION, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_NONE, .prest = P_NONE,
	    .minargs = 0, .maxargs = 0,
	    .summary = "Show the Docker Compose version information",
	    .traits = CMD_STARTS_NOTHING | CMD_READS_ONLY },
	{ .name = "compose volumes",
	    .flagsets = { FS_COMPOSE_VOLUMES, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "List volumes",
	    .traits = CMD_PROJECT | CMD_STARTS_NOTHING },
	{ .name = "compose wait",
	    .flagsets = { FS_COMPOSE_WAIT, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 1, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Block until containers of all (or specified) "
	    "services stop.",
	    .traits = CMD_PROJECT | CMD_STARTS_NOTHING },
	{ .name = "compose watch",
	    .flagsets = { FS_COMPOSE_WATCH, FS_COMPOSE_PERSISTENT },
	    .interspersed = 1, .pfirst = P_SERVICE, .prest = P_SERVICE,
	    .minargs = 0, .maxargs = CMD_ARGS_UNBOUNDED,
	    .summary = "Watch build context for service and rebuild/refresh "
	    "containers when files are updated",
	    .traits = CMD_PROJECT | CMD_PULLS | CMD_CREATES },
	{ .name = "" },
};

const struct cmdalias commands_aliases[] = {
	{ "container attach", "container attach" },
	{ "attach", "container attach" },
	{ "container commit", "container commit" },
	{ "commit", "container commit" },
	{ "container cp", "container cp" },
	{ "cp", "container cp" },
	{ "container create", "container create" },
	{ "create", "container create" },
	{ "container diff", "container diff" },
	{ "diff", "container diff" },
	{ "container exec", "container exec" },
	{ "exec", "container exec" },
	{ "container export", "container export" },
	{ "export", "container export" },
	{ "container inspect", "container inspect" },
	{ "container kill", "container kill" },
	{ "kill", "container kill" },
	{ "container logs", "container logs" },
	{ "logs", "container logs" },
	{ "container ls", "container ls" },
	{ "ps", "container ls" },
	{ "container ps", "container ls" },
	{ "container list", "container ls" },
	{ "container pause", "container pause" },
	{ "pause", "container pause" },
	{ "container port", "container port" },
	{ "port", "container port" },
	{ "container prune", "container prune" },
	{ "container rename", "container rename" },
	{ "rename", "container rename" },
	{ "container restart", "container restart" },
	{ "restart", "container restart" },
	{ "container rm", "container rm" },
	{ "rm", "container rm" },
	{ "container remove", "container rm" },
	{ "container run", "container run" },
	{ "run", "container run" },
	{ "container start", "container start" },
	{ "start", "container start" },
	{ "container stats", "container stats" },
	{ "stats", "container stats" },
	{ "container stop", "container stop" },
	{ "stop", "container stop" },
	{ "container top", "container top" },
	{ "top", "container top" },
	{ "container unpause", "container unpause" },
	{ "unpause", "container unpause" },
	{ "container update", "container update" },
	{ "update", "container update" },
	{ "container wait", "container wait" },
	{ "wait", "container wait" },
	{ "image build", "image build" },
	{ "build", "image build" },
	{ "builder build", "image build" },
	{ "image history", "image history" },
	{ "history", "image history" },
	{ "image import", "image import" },
	{ "import", "image import" },
	{ "image inspect", "image inspect" },
	{ "image load", "image load" },
	{ "load", "image load" },
	{ "image ls", "image ls" },
	{ "images", "image ls" },
	{ "image list", "image ls" },
	{ "image prune", "image prune" },
	{ "image pull", "image pull" },
	{ "pull", "image pull" },
	{ "image push", "image push" },
	{ "push", "image push" },
	{ "image rm", "image rm" },
	{ "rmi", "image rm" },
	{ "image remove", "image rm" },
	{ "image rmi", "image rm" },
	{ "image save", "image save" },
	{ "save", "image save" },
	{ "image tag", "image tag" },
	{ "tag", "image tag" },
	{ "system df", "system df" },
	{ "system dial-stdio", "system dial-stdio" },
	{ "system events", "system events" },
	{ "events", "system events" },
	{ "system info", "system info" },
	{ "info", "system info" },
	{ "system prune", "system prune" },
	{ "inspect", "inspect" },
	{ "version", "version" },
	{ "network connect", "network connect" },
	{ "network create", "network create" },
	{ "network disconnect", "network disconnect" },
	{ "network inspect", "network inspect" },
	{ "network ls", "network ls" },
	{ "network list", "network ls" },
	{ "network prune", "network prune" },
	{ "network rm", "network rm" },
	{ "network remove", "network rm" },
	{ "volume create", "volume create" },
	{ "volume inspect", "volume inspect" },
	{ "volume ls", "volume ls" },
	{ "volume list", "volume ls" },
	{ "volume prune", "volume prune" },
	{ "volume rm", "volume rm" },
	{ "volume remove", "volume rm" },
	{ "volume update", "volume update" },
	{ "plugin create", "plugin create" },
	{ "plugin disable", "plugin disable" },
	{ "plugin enable", "plugin enable" },
	{ "plugin inspect", "plugin inspect" },
	{ "plugin install", "plugin install" },
	{ "plugin ls", "plugin ls" },
	{ "plugin list", "plugin ls" },
	{ "plugin push", "plugin push" },
	{ "plugin rm", "plugin rm" },
	{ "plugin remove", "plugin rm" },
	{ "plugin set", "plugin set" },
	{ "plugin upgrade", "plugin upgrade" },
	{ "context create", "context create" },
	{ "context export", "context export" },
	{ "context import", "context import" },
	{ "context inspect", "context inspect" },
	{ "context ls", "context ls" },
	{ "context list", "context ls" },
	{ "context rm", "context rm" },
	{ "context remove", "context rm" },
	{ "context show", "context show" },
	{ "context update", "context update" },
	{ "context use", "context use" },
	{ "builder prune", "builder prune" },
	{ "config create", "config create" },
	{ "config inspect", "config inspect" },
	{ "config ls", "config ls" },
	{ "config list", "config ls" },
	{ "config rm", "config rm" },
	{ "config remove", "config rm" },
	{ "secret create", "secret create" },
	{ "secret inspect", "secret inspect" },
	{ "secret ls", "secret ls" },
	{ "secret list", "secret ls" },
	{ "secret rm", "secret rm" },
	{ "secret remove", "secret rm" },
	{ "node demote", "node demote" },
	{ "node inspect", "node inspect" },
	{ "node ls", "node ls" },
	{ "node list", "node ls" },
	{ "node promote", "node promote" },
	{ "node ps", "node ps" },
	{ "node rm", "node rm" },
	{ "node remove", "node rm" },
	{ "node update", "node update" },
	{ "service create", "service create" },
	{ "service inspect", "service inspect" },
	{ "service logs", "service logs" },
	{ "service ls", "service ls" },
	{ "service list", "service ls" },
	{ "service ps", "service ps" },
	{ "service rm", "service rm" },
	{ "service remove", "service rm" },
	{ "service rollback", "service rollback" },
	{ "service scale", "service scale" },
	{ "service update", "service update" },
	{ "stack config", "stack config" },
	{ "stack deploy", "stack deploy" },
	{ "stack up", "stack deploy" },
	{ "stack ls", "stack ls" },
	{ "stack list", "stack ls" },
	{ "stack ps", "stack ps" },
	{ "stack rm", "stack rm" },
	{ "stack remove", "stack rm" },
	{ "stack down", "stack rm" },
	{ "stack services", "stack services" },
	{ "swarm ca", "swarm ca" },
	{ "swarm init", "swarm init" },
	{ "swarm join", "swarm join" },
	{ "swarm join-token", "swarm join-token" },
	{ "swarm leave", "swarm leave" },
	{ "swarm unlock", "swarm unlock" },
	{ "swarm unlock-key", "swarm unlock-key" },
	{ "swarm update", "swarm update" },
	{ "checkpoint create", "checkpoint create" },
	{ "checkpoint ls", "checkpoint ls" },
	{ "checkpoint list", "checkpoint ls" },
	{ "checkpoint rm", "checkpoint rm" },
	{ "checkpoint remove", "checkpoint rm" },
	{ "manifest annotate", "manifest annotate" },
	{ "manifest create", "manifest create" },
	{ "manifest inspect", "manifest inspect" },
	{ "manifest push", "manifest push" },
	{ "manifest rm", "manifest rm" },
	{ "login", "login" },
	{ "logout", "logout" },
	{ "search", "search" },
	{ "compose", "compose" },
	{ "compose attach", "compose attach" },
	{ "compose build", "compose build" },
	{ "compose commit", "compose commit" },
	{ "compose config", "compose config" },
	{ "compose cp", "compose cp" },
	{ "compose create", "compose create" },
	{ "compose down", "compose down" },
	{ "compose events", "compose events" },
	{ "compose exec", "compose exec" },
	{ "compose export", "compose export" },
	{ "compose images", "compose images" },
	{ "compose kill", "compose kill" },
	{ "compose logs", "compose logs" },
	{ "compose ls", "compose ls" },
	{ "compose pause", "compose pause" },
	{ "compose port", "compose port" },
	{ "compose ps", "compose ps" },
	{ "compose pull", "compose pull" },
	{ "compose push", "compose push" },
	{ "compose restart", "compose restart" },
	{ "compose rm", "compose rm" },
	{ "compose run", "compose run" },
	{ "compose scale", "compose scale" },
	{ "compose start", "compose start" },
	{ "compose stats", "compose stats" },
	{ "compose stop", "compose stop" },
	{ "compose top", "compose top" },
	{ "compose unpause", "compose unpause" },
	{ "compose up", "compose up" },
	{ "compose version", "compose version" },
	{ "compose volumes", "compose volumes" },
	{ "compose wait", "compose wait" },
	{ "compose watch", "compose watch" },
	{ "compose alpha", "compose alpha" },
	{ "compose bridge", "compose bridge" },
	{ "compose publish", "compose publish" },
	{ "", "" },
};

/* docker/cli's allTypes (cli/command/system/inspect.go), type by type. */
const struct inspecttype commands_inspect_types[] = {
	{ .type = "config",	.cmd = "config inspect" },
	{ .type = "container",	.cmd = "container inspect" },
	{ .type = "image",	.cmd = "image inspect" },
	{ .type = "network",	.cmd = "network inspect" },
	{ .type = "node",	.cmd = "node inspect" },
	{ .type = "plugin",	.cmd = "plugin inspect" },
	{ .type = "secret",	.cmd = "secret inspect" },
	{ .type = "service",	.cmd = "service inspect" },
	{ .type = "task",	.cmd = "" },	/* no typed command */
	{ .type = "volume",	.cmd = "volume inspect" },
	{ .type = "",		.cmd = "" },
};


/* ---------------------------------------------------------------------- */

const struct inspecttype *
commands_inspect_type(const char *type)
{
	const struct inspecttype *t;

	for (t = commands_inspect_types; t->type[0] != '\0'; t++)
		if (strcmp(t->type, type) == 0)
			return t;
	return NULL;
}

const struct cmddef *
commands_find(const char *canon)
{
	const struct cmddef *c;

	if (canon == NULL)
		return NULL;
	for (c = commands_table; c->name[0] != '\0'; c++)
		if (strcmp(c->name, canon) == 0)
			return c;
	return NULL;
}

/*
 * Number of words of `spelling' (words separated by one space) if they equal
 * the first words of words[0..n) exactly, else 0.
 */
static size_t
spelling_match(const char *spelling, char *const *words, size_t n)
{
	const char *sp = spelling, *w;
	size_t i;

	/* One pass, stopping at the first byte that differs: this runs for
	 * every alias on every lookup (each policy rule, each request). */
	for (i = 0; i < n && i < CMD_MAX_WORDS && words[i] != NULL; i++) {
		for (w = words[i]; *sp != '\0' && *sp != ' ' && *sp == *w;
		    sp++, w++)
			;
		if (*w != '\0' || (*sp != '\0' && *sp != ' '))
			return 0;
		if (*sp == '\0')
			return i + 1;
		sp++;		/* the space between words */
	}
	return 0;
}

/*
 * Aliases by first byte, built on first use: head[c] is the first alias
 * starting with c, chain[i] the next one after alias i (-1 ends).  Static
 * arrays, no allocation; the program is single-threaded.
 */
static short	 alias_head[256];
static short	 alias_chain[CMD_ALIASES_MAX];
static int	 alias_indexed;
static short	 alias_cmd[CMD_ALIASES_MAX];	/* 1 + index of the canon
						   row in commands_table,
						   0 until first used */

static void
index_aliases(void)
{
	const struct cmdalias *a;
	int i, n = 0;

	for (i = 0; i < 256; i++)
		alias_head[i] = -1;
	for (a = commands_aliases; a->words[0] != '\0' && n < CMD_ALIASES_MAX;
	    a++)
		n++;
	/* Insert in reverse so that each chain keeps the table's order. */
	for (i = n - 1; i >= 0; i--) {
		unsigned char c = (unsigned char)commands_aliases[i].words[0];

		alias_chain[i] = alias_head[c];
		alias_head[c] = (short)i;
	}
	alias_indexed = 1;
}

const struct cmddef *
commands_lookup(char *const *words, size_t n, size_t *used)
{
	size_t m, bestn = 0;
	short i, best = -1;

	if (used != NULL)
		*used = 0;
	if (words == NULL || n == 0 || words[0] == NULL)
		return NULL;
	if (!alias_indexed)
		index_aliases();
	for (i = alias_head[(unsigned char)words[0][0]]; i != -1;
	    i = alias_chain[i]) {
		m = spelling_match(commands_aliases[i].words, words, n);
		if (m > bestn) {
			best = i;
			bestn = m;
		}
	}
	if (best == -1)
		return NULL;
	if (used != NULL)
		*used = bestn;
	if (alias_cmd[best] == 0) {
		const struct cmddef *c;

		if ((c = commands_find(commands_aliases[best].canon)) == NULL)
			return NULL;
		alias_cmd[best] = (short)(c - commands_table + 1);
	}
	return &commands_table[alias_cmd[best] - 1];
}

int
commands_is_group(const char *word)
{
	const struct cmdalias *a;
	size_t len;

	if (word == NULL)
		return 0;
	len = strlen(word);
	for (a = commands_aliases; a->words[0] != '\0'; a++)
		if (strncmp(a->words, word, len) == 0 && a->words[len] == ' ')
			return 1;
	return 0;
}

const struct cmddef *
commands_group(const struct cmddef *cmd)
{
	const struct cmddef *g;
	const char *sp;
	size_t len;

	if (cmd == NULL || (sp = strchr(cmd->name, ' ')) == NULL)
		return NULL;
	len = (size_t)(sp - cmd->name);
	for (g = commands_table; g->name[0] != '\0'; g++)
		if ((g->traits & CMD_GROUP_FLAGS) && strlen(g->name) == len &&
		    strncmp(g->name, cmd->name, len) == 0)
			return g;
	return NULL;
}

const struct flagdef *
commands_flagset(const struct cmddef *cmd, size_t i)
{
	if (cmd == NULL || i >= CMD_MAX_FLAGSETS || cmd->flagsets[i] == FS_NONE ||
	    cmd->flagsets[i] >= FS_COUNT)
		return NULL;
	return flagsets[cmd->flagsets[i]];
}

int
commands_each_flag(const struct cmddef *cmd, commands_flag_fn fn, void *ctx)
{
	const struct flagdef *f;
	size_t i;
	int rc;

	for (i = 0; i < CMD_MAX_FLAGSETS; i++)
		for (f = commands_flagset(cmd, i); f != NULL &&
		    f->name[0] != '\0'; f++)
			if ((rc = fn(f, ctx)) != 0)
				return rc;
	return 0;
}

int
commands_spellings(const struct cmddef *cmd, commands_word_fn fn, void *ctx)
{
	const struct cmdalias *a;
	int rc;

	for (a = commands_aliases; a->words[0] != '\0'; a++) {
		if (cmd != NULL && strcmp(a->canon, cmd->name) != 0)
			continue;
		if ((rc = fn(a->words, ctx)) != 0)
			return rc;
	}
	return 0;
}

int
commands_subcommands(const char *group, commands_word_fn fn, void *ctx)
{
	const struct cmddef *c;
	size_t len;
	int rc;

	if (group == NULL)
		return 0;
	len = strlen(group);
	for (c = commands_table; c->name[0] != '\0'; c++) {
		if (strncmp(c->name, group, len) != 0 || c->name[len] != ' ' ||
		    (c->traits & CMD_HIDDEN))
			continue;
		if ((rc = fn(c->name + len + 1, ctx)) != 0)
			return rc;
	}
	return 0;
}

const char *
commands_why(unsigned why)
{
	if (why == W_NONE || why >= W_COUNT)
		return NULL;
	return whys[why];
}

const struct flagdef *
commands_set_flag(const struct flagdef *set, const char *name, char c)
{
	const struct flagdef *f;

	for (f = set; f->name[0] != '\0'; f++) {
		if (name != NULL && strcmp(f->name, name) == 0)
			return f;
		if (name == NULL && c != 0 && f->shorthand == c)
			return f;
	}
	return NULL;
}

/* The command's own flag named `name' (long), searching all its sets. */
static const struct flagdef *
own_flag(const struct cmddef *cmd, const char *name, char c)
{
	const struct flagdef *set, *f;
	size_t i;

	for (i = 0; i < CMD_MAX_FLAGSETS; i++)
		if ((set = commands_flagset(cmd, i)) != NULL &&
		    (f = commands_set_flag(set, name, c)) != NULL)
			return f;
	return NULL;
}

const struct flagdef *
commands_flag(const struct cmddef *cmd, const char *name)
{
	const struct flagdef *f;

	if (cmd == NULL || name == NULL || *name == '\0')
		return NULL;
	if ((f = own_flag(cmd, name, 0)) != NULL)
		return f;
	return commands_set_flag(commands_persistent_flags, name, 0);
}

/*
 * A persistent shorthand applies only when the command defines neither that
 * shorthand nor the persistent flag's long name (run/create define their
 * own --help without -h, and -h is --hostname there).
 */
const struct flagdef *
commands_short(const struct cmddef *cmd, char c)
{
	const struct flagdef *f;

	if (cmd == NULL || c == 0)
		return NULL;
	if ((f = own_flag(cmd, NULL, c)) != NULL)
		return f;
	if ((f = commands_set_flag(commands_persistent_flags, NULL, c)) == NULL)
		return NULL;
	if (own_flag(cmd, f->name, 0) != NULL)
		return NULL;
	return f;
}

const char *
commands_flag_canon(const struct flagdef *f)
{
	if (f == NULL)
		return NULL;
	return f->alias_of[0] != '\0' ? f->alias_of : f->name;
}

/*
 * The risk classes in bit order, the order help and the policy's "valid:"
 * list print them.  RISK_NEVER comes last and is not a class a policy can
 * name.
 */
static const struct {
	unsigned	 bit;
	char		 name[CMD_RISK_MAX];
} risk_names[] = {
	{ RISK_PRIVILEGED,	"privileged" },
	{ RISK_HOST_MOUNTS,	"host-mounts" },
	{ RISK_HOST_NAMESPACES,	"host-namespaces" },
	{ RISK_OTHER_CONTAINERS, "other-containers" },
	{ RISK_CAPABILITIES,	"capabilities" },
	{ RISK_DEVICES,		"devices" },
	{ RISK_GPUS,		"gpus" },
	{ RISK_SECURITY_OPTIONS, "security-options" },
	{ RISK_KERNEL,		"kernel" },
	{ RISK_CLIENT_FILES,	"client-files" },
	{ RISK_VOLUME_DRIVERS,	"volume-drivers" },
	{ RISK_LOG_EGRESS,	"log-egress" },
	{ RISK_DATA_LOSS,	"data-loss" },
	{ RISK_IMAGE_TAGS,	"image-tags" },
	{ RISK_REMOTE_SOURCES,	"remote-sources" },
	{ RISK_NEVER,		"never" },
};

const char *
commands_risk_name(unsigned bit)
{
	size_t i;

	for (i = 0; i < sizeof(risk_names) / sizeof(risk_names[0]); i++)
		if (risk_names[i].bit == bit)
			return risk_names[i].name;
	return NULL;
}

/* RISK_NEVER is deliberately not found: a policy can not opt into it. */
unsigned
commands_risk_lookup(const char *name)
{
	size_t i;

	if (name == NULL)
		return 0;
	for (i = 0; i < sizeof(risk_names) / sizeof(risk_names[0]); i++)
		if (risk_names[i].bit != RISK_NEVER &&
		    strcmp(risk_names[i].name, name) == 0)
			return risk_names[i].bit;
	return 0;
}

int
commands_each_risk(commands_word_fn fn, void *ctx)
{
	size_t i;
	int rc;

	for (i = 0; i < sizeof(risk_names) / sizeof(risk_names[0]); i++) {
		if (risk_names[i].bit == RISK_NEVER)
			continue;
		if ((rc = fn(risk_names[i].name, ctx)) != 0)
			return rc;
	}
	return 0;
}
