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

/* Ends a flag set. */
#define FLAGS_END	{ "", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE }

/*
 * The flag tables: the union of docker CLI 28.2 and 20.10 (their --help,
 * checked by tests/check-drift.sh) plus the hidden flags of the reference
 * (--net, --net-alias, --dns-opt, --kernel-memory, stop --time, volume
 * create --name, the 20.10 BuildKit build flags).  Types follow the --help
 * type word: strings/ipNetSlice -> VT_SLICE, stringToString -> VT_MAP,
 * float -> VT_DECIMAL, swarm's custom types (port, pref, config, secret,
 * external-ca) -> VT_LIST.  Rows are sorted by long name; commands whose
 * flags are identical share one array.
 */

static const struct flagdef container_attach_flags[] = {
	{ "detach-keys", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "no-stdin", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "sig-proxy", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef container_commit_flags[] = {
	{ "author", 'a', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "change", 'c', VT_LIST, VK_CHANGE, 0, "", W_NONE },
	{ "message", 'm', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "pause", 'p', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef container_cp_flags[] = {
	{ "archive", 'a', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "follow-link", 'L', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef container_flags[] = {
	{ "add-host", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "annotation", 0, VT_MAP, VK_PLAIN, 0, "", W_NONE },
	{ "attach", 'a', VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "blkio-weight", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "blkio-weight-device", 0, VT_LIST, VK_DEVPATH, 0, "", W_NONE },
	{ "cap-add", 0, VT_LIST, VK_CAPADD, 0, "", W_NONE },
	{ "cap-drop", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "cgroup-parent", 0, VT_STRING, VK_PLAIN, RISK_KERNEL, "",
	    W_CGROUP_PARENT },
	{ "cgroupns", 0, VT_STRING, VK_CGROUPNS, 0, "", W_NONE },
	{ "cidfile", 0, VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_WRITES_FILE },
	{ "cpu-count", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "cpu-percent", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "cpu-period", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "cpu-quota", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "cpu-rt-period", 0, VT_INT, VK_PLAIN, RISK_KERNEL, "", W_RT_SCHED },
	{ "cpu-rt-runtime", 0, VT_INT, VK_PLAIN, RISK_KERNEL, "", W_RT_SCHED },
	{ "cpu-shares", 'c', VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "cpus", 0, VT_DECIMAL, VK_PLAIN, 0, "", W_NONE },
	{ "cpuset-cpus", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "cpuset-mems", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "device", 0, VT_LIST, VK_PLAIN, RISK_DEVICES, "", W_DEVICE },
	{ "device-cgroup-rule", 0, VT_LIST, VK_PLAIN, RISK_DEVICES, "",
	    W_DEVICE_CGROUP },
	{ "device-read-bps", 0, VT_LIST, VK_DEVPATH, 0, "", W_NONE },
	{ "device-read-iops", 0, VT_LIST, VK_DEVPATH, 0, "", W_NONE },
	{ "device-write-bps", 0, VT_LIST, VK_DEVPATH, 0, "", W_NONE },
	{ "device-write-iops", 0, VT_LIST, VK_DEVPATH, 0, "", W_NONE },
	{ "disable-content-trust", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "dns", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "dns-opt", 0, VT_LIST, VK_PLAIN, 0, "dns-option", W_NONE },
	{ "dns-option", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "dns-search", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "domainname", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "entrypoint", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "env", 'e', VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "env-file", 0, VT_LIST, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_READS_FILE },
	{ "expose", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "gpus", 0, VT_GPU, VK_PLAIN, RISK_GPUS, "", W_GPUS },
	{ "group-add", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "health-cmd", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "health-interval", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "health-retries", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "health-start-interval", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "health-start-period", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "health-timeout", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "help", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "hostname", 'h', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "init", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "interactive", 'i', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "io-maxbandwidth", 0, VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "io-maxiops", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "ip", 0, VT_IP, VK_PLAIN, 0, "", W_NONE },
	{ "ip6", 0, VT_IP, VK_PLAIN, 0, "", W_NONE },
	{ "ipc", 0, VT_STRING, VK_NSMODE, 0, "", W_NONE },
	{ "isolation", 0, VT_STRING, VK_PLAIN, RISK_KERNEL, "", W_ISOLATION },
	{ "kernel-memory", 0, VT_BYTES, VK_PLAIN, RISK_KERNEL, "",
	    W_KERNEL_MEMORY },
	{ "label", 'l', VT_LIST, VK_LABEL, 0, "", W_NONE },
	{ "label-file", 0, VT_LIST, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_READS_FILE },
	{ "link", 0, VT_LIST, VK_PLAIN, RISK_OTHER_CONTAINERS, "", W_LINK },
	{ "link-local-ip", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "log-driver", 0, VT_STRING, VK_PLAIN, RISK_LOG_EGRESS, "",
	    W_LOG_DRIVER },
	{ "log-opt", 0, VT_LIST, VK_PLAIN, RISK_LOG_EGRESS, "", W_LOG_OPTS },
	{ "mac-address", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "memory", 'm', VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "memory-reservation", 0, VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "memory-swap", 0, VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "memory-swappiness", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "mount", 0, VT_MOUNT, VK_MOUNT, 0, "", W_NONE },
	{ "name", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "net", 0, VT_NETWORK, VK_NETWORK, 0, "network", W_NONE },
	{ "net-alias", 0, VT_LIST, VK_PLAIN, 0, "network-alias", W_NONE },
	{ "network", 0, VT_NETWORK, VK_NETWORK, 0, "", W_NONE },
	{ "network-alias", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "no-healthcheck", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "oom-kill-disable", 0, VT_BOOL, VK_PLAIN, RISK_KERNEL, "",
	    W_NO_OOM_KILL },
	{ "oom-score-adj", 0, VT_INT, VK_PLAIN, RISK_KERNEL, "", W_OOM },
	{ "pid", 0, VT_STRING, VK_NSMODE, 0, "", W_NONE },
	{ "pids-limit", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "platform", 0, VT_STRING, VK_PLATFORM, RISK_IMAGE_TAGS, "",
	    W_PLATFORM },
	{ "privileged", 0, VT_BOOL, VK_PLAIN, RISK_PRIVILEGED, "",
	    W_PRIVILEGED },
	{ "publish", 'p', VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "publish-all", 'P', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "pull", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "read-only", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "restart", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "rm", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "runtime", 0, VT_STRING, VK_PLAIN, RISK_KERNEL, "", W_RUNTIME },
	{ "security-opt", 0, VT_LIST, VK_SECOPT, 0, "", W_NONE },
	{ "shm-size", 0, VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "stop-signal", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "stop-timeout", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "storage-opt", 0, VT_LIST, VK_PLAIN, RISK_KERNEL, "", W_STORAGE_OPT },
	{ "sysctl", 0, VT_MAP, VK_PLAIN, RISK_KERNEL, "", W_SYSCTL },
	{ "tmpfs", 0, VT_LIST, VK_TMPFS, 0, "", W_NONE },
	{ "tty", 't', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "ulimit", 0, VT_ULIMIT, VK_PLAIN, RISK_KERNEL, "", W_ULIMIT },
	{ "use-api-socket", 0, VT_BOOL, VK_PLAIN, RISK_PRIVILEGED, "",
	    W_USE_API_SOCKET },
	{ "user", 'u', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "userns", 0, VT_STRING, VK_USERNS, 0, "", W_NONE },
	{ "uts", 0, VT_STRING, VK_NSMODE, 0, "", W_NONE },
	{ "volume", 'v', VT_LIST, VK_VOLUME, 0, "", W_NONE },
	{ "volume-driver", 0, VT_STRING, VK_PLAIN, RISK_VOLUME_DRIVERS, "",
	    W_VOLUME_DRIVER },
	{ "volumes-from", 0, VT_LIST, VK_PLAIN, RISK_OTHER_CONTAINERS, "",
	    W_VOLUMES_FROM },
	{ "workdir", 'w', VT_STRING, VK_WORKDIR, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef container_exec_flags[] = {
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "detach-keys", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "env", 'e', VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "env-file", 0, VT_LIST, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_READS_FILE },
	{ "interactive", 'i', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "privileged", 0, VT_BOOL, VK_PLAIN, RISK_PRIVILEGED, "",
	    W_EXEC_PRIVILEGED },
	{ "tty", 't', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "user", 'u', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "workdir", 'w', VT_STRING, VK_WORKDIR, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef container_export_flags[] = {
	{ "output", 'o', VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_WRITES_FILE },
	FLAGS_END,
};

static const struct flagdef container_inspect_flags[] = {
	{ "format", 'f', VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "size", 's', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef container_kill_flags[] = {
	{ "signal", 's', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef container_logs_flags[] = {
	{ "details", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "follow", 'f', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "since", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "tail", 'n', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "timestamps", 't', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "until", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef container_ls_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, "", W_NONE },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "last", 'n', VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "latest", 'l', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "size", 's', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef container_prune_flags[] = {
	{ "filter", 0, VT_FILTER, VK_PLAIN, 0, "", W_NONE },
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef container_restart_flags[] = {
	{ "signal", 's', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	/*
	 * docker >= 23 calls -t --timeout and keeps --time as a deprecated
	 * alias; 20.10 (Debian 12's docker.io) knows only --time.  The
	 * canonical argv writes --time, which every CLI from 20.10 on reads.
	 */
	{ "time", 't', VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "timeout", 0, VT_INT, VK_PLAIN, 0, "time", W_NONE },
	FLAGS_END,
};

static const struct flagdef container_rm_flags[] = {
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "link", 'l', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "volumes", 'v', VT_BOOL, VK_PLAIN, RISK_DATA_LOSS, "", W_RM_VOLUMES },
	FLAGS_END,
};

static const struct flagdef run_flags[] = {
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "detach-keys", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "sig-proxy", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

/*
 * start -a/-i attach before they start, and starting a running container
 * is no error (304): on a running container they are docker attach.
 */
static const struct flagdef container_start_flags[] = {
	{ "attach", 'a', VT_BOOL, VK_PLAIN, RISK_OTHER_CONTAINERS, "",
	    W_START_ATTACH },
	{ "checkpoint", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "checkpoint-dir", 0, VT_STRING, VK_PLAIN, RISK_HOST_MOUNTS, "",
	    W_HOST_DIR },
	{ "detach-keys", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "interactive", 'i', VT_BOOL, VK_PLAIN, RISK_OTHER_CONTAINERS, "",
	    W_START_ATTACH },
	FLAGS_END,
};

static const struct flagdef container_stats_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "no-stream", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef container_update_flags[] = {
	{ "blkio-weight", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "cpu-period", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "cpu-quota", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "cpu-rt-period", 0, VT_INT, VK_PLAIN, RISK_KERNEL, "", W_RT_SCHED },
	{ "cpu-rt-runtime", 0, VT_INT, VK_PLAIN, RISK_KERNEL, "", W_RT_SCHED },
	{ "cpu-shares", 'c', VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "cpus", 0, VT_DECIMAL, VK_PLAIN, 0, "", W_NONE },
	{ "cpuset-cpus", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "cpuset-mems", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "kernel-memory", 0, VT_BYTES, VK_PLAIN, RISK_KERNEL, "",
	    W_KERNEL_MEMORY },
	{ "memory", 'm', VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "memory-reservation", 0, VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "memory-swap", 0, VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "pids-limit", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "restart", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef image_build_flags[] = {
	{ "add-host", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "allow", 0, VT_ARRAY, VK_PLAIN, RISK_NEVER, "", W_ENTITLEMENTS },
	{ "annotation", 0, VT_ARRAY, VK_PLAIN, 0, "", W_NONE },
	{ "attest", 0, VT_ARRAY, VK_PLAIN, 0, "", W_NONE },
	{ "build-arg", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "build-context", 0, VT_ARRAY, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_READS_DIR },
	{ "builder", 0, VT_STRING, VK_PLAIN, RISK_NEVER, "", W_BUILDER },
	{ "cache-from", 0, VT_SLICE, VK_PLAIN, 0, "", W_NONE },
	{ "cache-to", 0, VT_ARRAY, VK_PLAIN, 0, "", W_NONE },
	{ "call", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "cgroup-parent", 0, VT_STRING, VK_PLAIN, RISK_KERNEL, "",
	    W_CGROUP_PARENT },
	{ "check", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "compress", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "cpu-period", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "cpu-quota", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "cpu-shares", 'c', VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "cpuset-cpus", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "cpuset-mems", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "disable-content-trust", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "file", 'f', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "force-rm", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "iidfile", 0, VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_WRITES_FILE },
	{ "isolation", 0, VT_STRING, VK_PLAIN, RISK_KERNEL, "", W_ISOLATION },
	{ "label", 0, VT_LIST, VK_LABEL, 0, "", W_NONE },
	{ "load", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "memory", 'm', VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "memory-swap", 0, VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "metadata-file", 0, VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_WRITES_FILE },
	{ "network", 0, VT_STRING, VK_NETWORK, 0, "", W_NONE },
	{ "no-cache", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-cache-filter", 0, VT_ARRAY, VK_PLAIN, 0, "", W_NONE },
	{ "output", 'o', VT_ARRAY, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_WRITES_BUILD },
	{ "platform", 0, VT_STRING, VK_PLATFORM, RISK_IMAGE_TAGS, "",
	    W_PLATFORM },
	{ "policy", 0, VT_ARRAY, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_READS_POLICY },
	{ "progress", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "provenance", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "pull", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "push", 0, VT_BOOL, VK_PLAIN, RISK_NEVER, "", W_BUILD_PUSH },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "rm", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "sbom", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "secret", 0, VT_ARRAY, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_READS_SECRET },
	{ "security-opt", 0, VT_SLICE, VK_SECOPT, 0, "", W_NONE },
	{ "shm-size", 0, VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "squash", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "ssh", 0, VT_ARRAY, VK_PLAIN, RISK_CLIENT_FILES, "", W_SSH },
	{ "stream", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "tag", 't', VT_LIST, VK_PLAIN, RISK_IMAGE_TAGS, "", W_IMAGE_TAG },
	{ "target", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "ulimit", 0, VT_ULIMIT, VK_PLAIN, RISK_KERNEL, "", W_ULIMIT },
	FLAGS_END,
};

static const struct flagdef image_history_flags[] = {
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "human", 'H', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "platform", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef image_import_flags[] = {
	{ "change", 'c', VT_LIST, VK_CHANGE, 0, "", W_NONE },
	{ "message", 'm', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "platform", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef image_inspect_flags[] = {
	{ "format", 'f', VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "platform", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef image_load_flags[] = {
	{ "input", 'i', VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_READS_FILE },
	{ "platform", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef image_ls_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "digests", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, "", W_NONE },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "tree", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef image_prune_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, RISK_DATA_LOSS, "",
	    W_PRUNE_ALL_IMAGES },
	{ "filter", 0, VT_FILTER, VK_PRUNE_FILTER, 0, "", W_NONE },
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef image_pull_flags[] = {
	{ "all-tags", 'a', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "disable-content-trust", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "platform", 0, VT_STRING, VK_PLATFORM, RISK_IMAGE_TAGS, "",
	    W_PLATFORM },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef image_rm_flags[] = {
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-prune", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "platform", 0, VT_SLICE, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef image_save_flags[] = {
	{ "output", 'o', VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_WRITES_FILE },
	{ "platform", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef system_df_flags[] = {
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "verbose", 'v', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef system_events_flags[] = {
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, "", W_NONE },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "since", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "until", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef system_info_flags[] = {
	{ "format", 'f', VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef system_prune_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, RISK_DATA_LOSS, "",
	    W_PRUNE_ALL_IMAGES },
	{ "filter", 0, VT_FILTER, VK_PRUNE_FILTER, 0, "", W_NONE },
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "volumes", 0, VT_BOOL, VK_PLAIN, RISK_DATA_LOSS, "",
	    W_PRUNE_VOLUMES },
	FLAGS_END,
};

static const struct flagdef inspect_flags[] = {
	{ "format", 'f', VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "size", 's', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "type", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef version_flags[] = {
	{ "format", 'f', VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "kubeconfig", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef network_connect_flags[] = {
	{ "alias", 0, VT_SLICE, VK_PLAIN, 0, "", W_NONE },
	{ "driver-opt", 0, VT_SLICE, VK_PLAIN, 0, "", W_NONE },
	{ "gw-priority", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "ip", 0, VT_IP, VK_PLAIN, 0, "", W_NONE },
	{ "ip6", 0, VT_IP, VK_PLAIN, 0, "", W_NONE },
	{ "link", 0, VT_LIST, VK_PLAIN, RISK_OTHER_CONTAINERS, "", W_LINK },
	{ "link-local-ip", 0, VT_SLICE, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef network_create_flags[] = {
	{ "attachable", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "aux-address", 0, VT_MAP, VK_PLAIN, 0, "", W_NONE },
	{ "config-from", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "config-only", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "driver", 'd', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "gateway", 0, VT_SLICE, VK_PLAIN, 0, "", W_NONE },
	{ "ingress", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "internal", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "ip-range", 0, VT_SLICE, VK_PLAIN, 0, "", W_NONE },
	{ "ipam-driver", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "ipam-opt", 0, VT_MAP, VK_PLAIN, 0, "", W_NONE },
	{ "ipv4", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "ipv6", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "label", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "opt", 'o', VT_MAP, VK_PLAIN, RISK_KERNEL, "",
	    W_NETWORK_DRIVER_OPTS },
	{ "scope", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "subnet", 0, VT_SLICE, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef network_disconnect_flags[] = {
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef network_inspect_flags[] = {
	{ "format", 'f', VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "verbose", 'v', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef network_ls_flags[] = {
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, "", W_NONE },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef volume_create_flags[] = {
	{ "availability", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "driver", 'd', VT_STRING, VK_VOLDRIVER, 0, "", W_NONE },
	{ "group", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "label", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "limit-bytes", 0, VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "name", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "opt", 'o', VT_MAP, VK_PLAIN, RISK_HOST_MOUNTS, "",
	    W_VOLUME_DRIVER_OPTS },
	{ "required-bytes", 0, VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "scope", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "secret", 0, VT_MAP, VK_PLAIN, 0, "", W_NONE },
	{ "sharing", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "topology-preferred", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "topology-required", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "type", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef volume_ls_flags[] = {
	{ "cluster", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, "", W_NONE },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef volume_prune_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, RISK_DATA_LOSS, "",
	    W_PRUNE_ALL_VOLUMES },
	{ "filter", 0, VT_FILTER, VK_PLAIN, 0, "", W_NONE },
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef volume_update_flags[] = {
	{ "availability", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef plugin_create_flags[] = {
	{ "compress", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef plugin_enable_flags[] = {
	{ "timeout", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef plugin_install_flags[] = {
	{ "alias", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "disable", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "disable-content-trust", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "grant-all-permissions", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef plugin_push_flags[] = {
	{ "disable-content-trust", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef plugin_upgrade_flags[] = {
	{ "disable-content-trust", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "grant-all-permissions", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "skip-remote-check", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef context_create_flags[] = {
	{ "default-stack-orchestrator", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "description", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "docker", 0, VT_MAP, VK_PLAIN, 0, "", W_NONE },
	{ "from", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "kubernetes", 0, VT_MAP, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef context_export_flags[] = {
	{ "kubeconfig", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef context_ls_flags[] = {
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef context_update_flags[] = {
	{ "default-stack-orchestrator", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "description", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "docker", 0, VT_MAP, VK_PLAIN, 0, "", W_NONE },
	{ "kubernetes", 0, VT_MAP, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef builder_prune_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, RISK_DATA_LOSS, "",
	    W_PRUNE_ALL_CACHE },
	{ "filter", 0, VT_FILTER, VK_PRUNE_FILTER, 0, "", W_NONE },
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "keep-storage", 0, VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef config_create_flags[] = {
	{ "label", 'l', VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "template-driver", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef config_inspect_flags[] = {
	{ "format", 'f', VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "pretty", 0, VT_BOOL, VK_OUTPUT, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef config_ls_flags[] = {
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, "", W_NONE },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef secret_create_flags[] = {
	{ "driver", 'd', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "label", 'l', VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "template-driver", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef node_ps_flags[] = {
	{ "filter", 'f', VT_FILTER, VK_TASK_FILTER, 0, "", W_NONE },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "no-resolve", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef node_update_flags[] = {
	{ "availability", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "label-add", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "label-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "role", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef service_create_flags[] = {
	{ "cap-add", 0, VT_LIST, VK_CAPADD, 0, "", W_NONE },
	{ "cap-drop", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "config", 0, VT_LIST, VK_PLAIN, RISK_OTHER_CONTAINERS, "",
	    W_SWARM_CONFIG },
	{ "constraint", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "container-label", 0, VT_LIST, VK_LABEL, 0, "", W_NONE },
	{ "credential-spec", 0, VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CREDENTIAL_SPEC },
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "dns", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "dns-option", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "dns-search", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "endpoint-mode", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "entrypoint", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "env", 'e', VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "env-file", 0, VT_LIST, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_READS_FILE },
	{ "generic-resource", 0, VT_LIST, VK_PLAIN, RISK_GPUS, "",
	    W_GENERIC_RESOURCES },
	{ "group", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "health-cmd", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "health-interval", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "health-retries", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "health-start-interval", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "health-start-period", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "health-timeout", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "host", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "hostname", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "init", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "isolation", 0, VT_STRING, VK_PLAIN, RISK_KERNEL, "", W_ISOLATION },
	{ "label", 'l', VT_LIST, VK_LABEL, 0, "", W_NONE },
	{ "limit-cpu", 0, VT_DECIMAL, VK_PLAIN, 0, "", W_NONE },
	{ "limit-memory", 0, VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "limit-pids", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "log-driver", 0, VT_STRING, VK_PLAIN, RISK_LOG_EGRESS, "",
	    W_LOG_DRIVER },
	{ "log-opt", 0, VT_LIST, VK_PLAIN, RISK_LOG_EGRESS, "", W_LOG_OPTS },
	{ "max-concurrent", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "mode", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "mount", 0, VT_MOUNT, VK_MOUNT, 0, "", W_NONE },
	{ "name", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "network", 0, VT_NETWORK, VK_NETWORK, 0, "", W_NONE },
	{ "no-healthcheck", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-resolve-image", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "oom-score-adj", 0, VT_INT, VK_PLAIN, RISK_KERNEL, "", W_OOM },
	{ "placement-pref", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "publish", 'p', VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "read-only", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "replicas", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "replicas-max-per-node", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "reserve-cpu", 0, VT_DECIMAL, VK_PLAIN, 0, "", W_NONE },
	{ "reserve-memory", 0, VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "restart-condition", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "restart-delay", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "restart-max-attempts", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "restart-window", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "rollback-delay", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "rollback-failure-action", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "rollback-max-failure-ratio", 0, VT_DECIMAL, VK_PLAIN, 0, "",
	    W_NONE },
	{ "rollback-monitor", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "rollback-order", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "rollback-parallelism", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "secret", 0, VT_LIST, VK_PLAIN, RISK_OTHER_CONTAINERS, "",
	    W_SWARM_SECRET },
	{ "stop-grace-period", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "stop-signal", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "sysctl", 0, VT_LIST, VK_PLAIN, RISK_KERNEL, "", W_SYSCTL },
	{ "tty", 't', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "ulimit", 0, VT_ULIMIT, VK_PLAIN, RISK_KERNEL, "", W_ULIMIT },
	{ "update-delay", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "update-failure-action", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "update-max-failure-ratio", 0, VT_DECIMAL, VK_PLAIN, 0, "", W_NONE },
	{ "update-monitor", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "update-order", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "update-parallelism", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "user", 'u', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "with-registry-auth", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "workdir", 'w', VT_STRING, VK_WORKDIR, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef service_logs_flags[] = {
	{ "details", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "follow", 'f', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-resolve", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-task-ids", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "raw", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "since", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "tail", 'n', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "timestamps", 't', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef service_rollback_flags[] = {
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef service_scale_flags[] = {
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef service_update_flags[] = {
	{ "args", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "cap-add", 0, VT_LIST, VK_CAPADD, 0, "", W_NONE },
	{ "cap-drop", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "config-add", 0, VT_LIST, VK_PLAIN, RISK_OTHER_CONTAINERS, "",
	    W_SWARM_CONFIG },
	{ "config-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "constraint-add", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "constraint-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "container-label-add", 0, VT_LIST, VK_LABEL, 0, "", W_NONE },
	{ "container-label-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "credential-spec", 0, VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CREDENTIAL_SPEC },
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "dns-add", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "dns-option-add", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "dns-option-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "dns-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "dns-search-add", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "dns-search-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "endpoint-mode", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "entrypoint", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "env-add", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "env-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "force", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "generic-resource-add", 0, VT_LIST, VK_PLAIN, RISK_GPUS, "",
	    W_GENERIC_RESOURCES },
	{ "generic-resource-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "group-add", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "group-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "health-cmd", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "health-interval", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "health-retries", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "health-start-interval", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "health-start-period", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "health-timeout", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "host-add", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "host-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "hostname", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "image", 0, VT_STRING, VK_IMAGE, 0, "", W_NONE },
	{ "init", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "isolation", 0, VT_STRING, VK_PLAIN, RISK_KERNEL, "", W_ISOLATION },
	{ "label-add", 0, VT_LIST, VK_LABEL, 0, "", W_NONE },
	{ "label-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "limit-cpu", 0, VT_DECIMAL, VK_PLAIN, 0, "", W_NONE },
	{ "limit-memory", 0, VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "limit-pids", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "log-driver", 0, VT_STRING, VK_PLAIN, RISK_LOG_EGRESS, "",
	    W_LOG_DRIVER },
	{ "log-opt", 0, VT_LIST, VK_PLAIN, RISK_LOG_EGRESS, "", W_LOG_OPTS },
	{ "max-concurrent", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "mount-add", 0, VT_MOUNT, VK_MOUNT, 0, "", W_NONE },
	{ "mount-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "network-add", 0, VT_NETWORK, VK_NETWORK, 0, "", W_NONE },
	{ "network-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "no-healthcheck", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-resolve-image", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "oom-score-adj", 0, VT_INT, VK_PLAIN, RISK_KERNEL, "", W_OOM },
	{ "placement-pref-add", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "placement-pref-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "publish-add", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "publish-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "read-only", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "replicas", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "replicas-max-per-node", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "reserve-cpu", 0, VT_DECIMAL, VK_PLAIN, 0, "", W_NONE },
	{ "reserve-memory", 0, VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "restart-condition", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "restart-delay", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "restart-max-attempts", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "restart-window", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "rollback", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "rollback-delay", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "rollback-failure-action", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "rollback-max-failure-ratio", 0, VT_DECIMAL, VK_PLAIN, 0, "",
	    W_NONE },
	{ "rollback-monitor", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "rollback-order", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "rollback-parallelism", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "secret-add", 0, VT_LIST, VK_PLAIN, RISK_OTHER_CONTAINERS, "",
	    W_SWARM_SECRET },
	{ "secret-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "stop-grace-period", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "stop-signal", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "sysctl-add", 0, VT_LIST, VK_PLAIN, RISK_KERNEL, "", W_SYSCTL },
	{ "sysctl-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "tty", 't', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "ulimit-add", 0, VT_ULIMIT, VK_PLAIN, RISK_KERNEL, "", W_ULIMIT },
	{ "ulimit-rm", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "update-delay", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "update-failure-action", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "update-max-failure-ratio", 0, VT_DECIMAL, VK_PLAIN, 0, "", W_NONE },
	{ "update-monitor", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "update-order", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "update-parallelism", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "user", 'u', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "with-registry-auth", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "workdir", 'w', VT_STRING, VK_WORKDIR, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef stack_config_flags[] = {
	{ "compose-file", 'c', VT_SLICE, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_READS_COMPOSE },
	{ "skip-interpolation", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef stack_deploy_flags[] = {
	{ "compose-file", 'c', VT_SLICE, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_READS_COMPOSE },
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "orchestrator", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "prune", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "resolve-image", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "with-registry-auth", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef stack_ls_flags[] = {
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "orchestrator", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef stack_ps_flags[] = {
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, "", W_NONE },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "no-resolve", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "orchestrator", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef stack_rm_flags[] = {
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "orchestrator", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef stack_services_flags[] = {
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, "", W_NONE },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "orchestrator", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef swarm_ca_flags[] = {
	{ "ca-cert", 0, VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_READS_FILE },
	{ "ca-key", 0, VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_CLI_READS_FILE },
	{ "cert-expiry", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "external-ca", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "rotate", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef swarm_init_flags[] = {
	{ "advertise-addr", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "autolock", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "availability", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "cert-expiry", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "data-path-addr", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "data-path-port", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "default-addr-pool", 0, VT_SLICE, VK_PLAIN, 0, "", W_NONE },
	{ "default-addr-pool-mask-length", 0, VT_UINT, VK_PLAIN, 0, "",
	    W_NONE },
	{ "dispatcher-heartbeat", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "external-ca", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "force-new-cluster", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "listen-addr", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "max-snapshots", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "snapshot-interval", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "task-history-limit", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef swarm_join_flags[] = {
	{ "advertise-addr", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "availability", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "data-path-addr", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "listen-addr", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "token", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef swarm_join_token_flags[] = {
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "rotate", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef swarm_update_flags[] = {
	{ "autolock", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "cert-expiry", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "dispatcher-heartbeat", 0, VT_DURATION, VK_PLAIN, 0, "", W_NONE },
	{ "external-ca", 0, VT_LIST, VK_PLAIN, 0, "", W_NONE },
	{ "max-snapshots", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "snapshot-interval", 0, VT_UINT, VK_PLAIN, 0, "", W_NONE },
	{ "task-history-limit", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef checkpoint_create_flags[] = {
	{ "checkpoint-dir", 0, VT_STRING, VK_PLAIN, RISK_HOST_MOUNTS, "",
	    W_HOST_DIR },
	{ "leave-running", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef checkpoint_ls_flags[] = {
	{ "checkpoint-dir", 0, VT_STRING, VK_PLAIN, RISK_HOST_MOUNTS, "",
	    W_HOST_DIR },
	FLAGS_END,
};

static const struct flagdef manifest_annotate_flags[] = {
	{ "arch", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "os", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "os-features", 0, VT_SLICE, VK_PLAIN, 0, "", W_NONE },
	{ "os-version", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "variant", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef manifest_create_flags[] = {
	{ "amend", 'a', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "insecure", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef manifest_inspect_flags[] = {
	{ "insecure", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "verbose", 'v', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef manifest_push_flags[] = {
	{ "insecure", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "purge", 'p', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef login_flags[] = {
	{ "password", 'p', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "password-stdin", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "username", 'u', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef search_flags[] = {
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, "", W_NONE },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "limit", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

const struct flagdef commands_global_flags[] = {
	{ "config", 0, VT_STRING, VK_PLAIN, RISK_NEVER, "", W_GLOBAL_CONFIG },
	{ "context", 'c', VT_STRING, VK_PLAIN, RISK_NEVER, "",
	    W_GLOBAL_CONTEXT },
	{ "debug", 'D', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "host", 'H', VT_LIST, VK_PLAIN, RISK_NEVER, "", W_GLOBAL_HOST },
	{ "log-level", 'l', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "tls", 0, VT_BOOL, VK_PLAIN, RISK_NEVER, "", W_GLOBAL_TLS },
	{ "tlscacert", 0, VT_STRING, VK_PLAIN, RISK_NEVER, "",
	    W_GLOBAL_TLSCACERT },
	{ "tlscert", 0, VT_STRING, VK_PLAIN, RISK_NEVER, "", W_GLOBAL_TLSCERT },
	{ "tlskey", 0, VT_STRING, VK_PLAIN, RISK_NEVER, "", W_GLOBAL_TLSKEY },
	{ "tlsverify", 0, VT_BOOL, VK_PLAIN, RISK_NEVER, "",
	    W_GLOBAL_TLSVERIFY },
	{ "version", 'v', VT_BOOL, VK_PLAIN, RISK_NEVER, "", W_USE_VERSION },
	FLAGS_END,
};

/*
 * docker compose v2 (reference §8).  The flag lists follow docker/compose
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
	{ "all-resources", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "ansi", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "compatibility", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "dry-run", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "env-file", 0, VT_ARRAY, VK_PROJECT_FILE, 0, "", W_NONE },
	{ "file", 'f', VT_ARRAY, VK_PROJECT_FILE, 0, "", W_NONE },
	{ "insecure-registry", 0, VT_ARRAY, VK_PLAIN, RISK_NEVER, "",
	    W_INSECURE_REGISTRY },
	{ "no-ansi", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "parallel", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "profile", 0, VT_ARRAY, VK_PLAIN, 0, "", W_NONE },
	{ "progress", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "project-directory", 0, VT_STRING, VK_PROJECT_FILE, 0, "", W_NONE },
	{ "project-name", 'p', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "verbose", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "version", 'v', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "workdir", 0, VT_STRING, VK_PLAIN, RISK_NEVER, "",
	    W_WORKDIR_SPELLING },
	FLAGS_END,
};

/* Persistent flags of compose: accepted after the subcommand too. */
static const struct flagdef compose_persistent_flags[] = {
	{ "dry-run", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_attach_flags[] = {
	{ "detach-keys", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "index", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "no-stdin", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "sig-proxy", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_build_flags[] = {
	{ "build-arg", 0, VT_ARRAY, VK_PLAIN, 0, "", W_NONE },
	{ "builder", 0, VT_STRING, VK_PLAIN, RISK_NEVER, "", W_BUILDER },
	{ "check", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },	/* uncertain */
	{ "memory", 'm', VT_BYTES, VK_PLAIN, 0, "", W_NONE },
	{ "no-cache", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "print", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "pull", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "push", 0, VT_BOOL, VK_PLAIN, RISK_NEVER, "", W_COMPOSE_BUILD_PUSH },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "ssh", 0, VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, "", W_SSH },
	{ "with-dependencies", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_commit_flags[] = {
	{ "author", 'a', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "change", 'c', VT_LIST, VK_CHANGE, 0, "", W_NONE },
	{ "index", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "message", 'm', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "pause", 'p', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_config_flags[] = {
	{ "environment", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },	/* uncertain */
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "hash", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "images", 0, VT_BOOL, VK_NAMES, 0, "", W_NONE },
	{ "networks", 0, VT_BOOL, VK_NAMES, 0, "", W_NONE },
	{ "no-consistency", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-interpolate", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-normalize", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-path-resolution", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "output", 'o', VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_COMPOSE_WRITES_FILE },
	{ "profiles", 0, VT_BOOL, VK_NAMES, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "resolve-image-digests", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "services", 0, VT_BOOL, VK_NAMES, 0, "", W_NONE },
	{ "variables", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "volumes", 0, VT_BOOL, VK_NAMES, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_cp_flags[] = {
	{ "all", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "archive", 'a', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "follow-link", 'L', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "index", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_create_flags[] = {
	{ "build", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "force-recreate", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-build", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-recreate", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "pull", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "quiet-pull", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "remove-orphans", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "scale", 0, VT_ARRAY, VK_PLAIN, 0, "", W_NONE },
	{ "yes", 'y', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_down_flags[] = {
	{ "remove-orphans", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "rmi", 0, VT_STRING, VK_PLAIN, RISK_DATA_LOSS, "", W_COMPOSE_RMI },
	{ "timeout", 't', VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "volumes", 'v', VT_BOOL, VK_PLAIN, RISK_DATA_LOSS, "",
	    W_COMPOSE_DOWN_VOLUMES },
	FLAGS_END,
};

static const struct flagdef compose_events_flags[] = {
	{ "json", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "since", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "until", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

/* Like docker exec; -e KEY without a value reads compose's environment. */
static const struct flagdef compose_exec_flags[] = {
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "env", 'e', VT_ARRAY, VK_PLAIN, 0, "", W_NONE },
	{ "index", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "interactive", 'i', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-tty", 'T', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "privileged", 0, VT_BOOL, VK_PLAIN, RISK_PRIVILEGED, "",
	    W_EXEC_PRIVILEGED },
	{ "tty", 't', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "user", 'u', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "workdir", 'w', VT_STRING, VK_WORKDIR, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_export_flags[] = {
	{ "index", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "output", 'o', VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_COMPOSE_WRITES_FILE },
	FLAGS_END,
};

static const struct flagdef compose_images_flags[] = {
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_kill_flags[] = {
	{ "remove-orphans", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "signal", 's', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_logs_flags[] = {
	{ "follow", 'f', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "index", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "no-color", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-log-prefix", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "since", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "tail", 'n', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "timestamps", 't', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "until", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_ls_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "filter", 0, VT_FILTER, VK_PLAIN, 0, "", W_NONE },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_port_flags[] = {
	{ "index", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "protocol", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_ps_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "filter", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "orphans", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "services", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "status", 0, VT_ARRAY, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_pull_flags[] = {
	{ "ignore-buildable", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "ignore-pull-failures", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "include-deps", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "policy", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_push_flags[] = {
	{ "ignore-push-failures", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "include-deps", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_restart_flags[] = {
	{ "no-deps", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "timeout", 't', VT_INT, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_rm_flags[] = {
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "stop", 's', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "volumes", 'v', VT_BOOL, VK_PLAIN, RISK_DATA_LOSS, "",
	    W_COMPOSE_RM_VOLUMES },
	FLAGS_END,
};

/* Like docker run; compose.c refuses relative -v sources (see there). */
static const struct flagdef compose_run_flags[] = {
	{ "build", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "cap-add", 0, VT_ARRAY, VK_CAPADD, 0, "", W_NONE },
	{ "cap-drop", 0, VT_ARRAY, VK_PLAIN, 0, "", W_NONE },
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "entrypoint", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "env", 'e', VT_ARRAY, VK_PLAIN, 0, "", W_NONE },
	{ "env-from-file", 0, VT_ARRAY, VK_PLAIN, RISK_CLIENT_FILES, "",
	    W_COMPOSE_READS_FILE },
	{ "interactive", 'i', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "label", 'l', VT_ARRAY, VK_LABEL, 0, "", W_NONE },
	{ "name", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "no-deps", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-tty", 'T', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "publish", 'p', VT_ARRAY, VK_PLAIN, 0, "", W_NONE },
	{ "pull", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "quiet-pull", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "remove-orphans", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "rm", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "service-ports", 'P', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "tty", 't', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "use-aliases", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "user", 'u', VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "volume", 'v', VT_ARRAY, VK_VOLUME, 0, "", W_NONE },
	{ "workdir", 'w', VT_STRING, VK_WORKDIR, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_scale_flags[] = {
	{ "no-deps", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_stats_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "no-stream", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_stop_flags[] = {
	{ "timeout", 't', VT_INT, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_up_flags[] = {
	{ "abort-on-container-exit", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "abort-on-container-failure", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "always-recreate-deps", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "attach", 0, VT_ARRAY, VK_PLAIN, 0, "", W_NONE },
	{ "attach-dependencies", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "build", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "exit-code-from", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "force-recreate", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "menu", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-attach", 0, VT_ARRAY, VK_PLAIN, 0, "", W_NONE },
	{ "no-build", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-color", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-deps", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-log-prefix", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-recreate", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "no-start", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "pull", 0, VT_STRING, VK_PLAIN, 0, "", W_NONE },
	{ "quiet-pull", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "remove-orphans", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "renew-anon-volumes", 'V', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "scale", 0, VT_ARRAY, VK_PLAIN, 0, "", W_NONE },
	{ "timeout", 't', VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "timestamps", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "wait", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "wait-timeout", 0, VT_INT, VK_PLAIN, 0, "", W_NONE },
	{ "watch", 'w', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "yes", 'y', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_version_flags[] = {
	{ "format", 'f', VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "short", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_volumes_flags[] = {
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, "", W_NONE },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_wait_flags[] = {
	{ "down-project", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

static const struct flagdef compose_watch_flags[] = {
	{ "no-up", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "prune", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	{ "quiet", 0, VT_BOOL, VK_PLAIN, 0, "", W_NONE },
	FLAGS_END,
};

const struct flagdef commands_persistent_flags[] = {
	{ "help", 'h', VT_BOOL, VK_PLAIN, 0, "", W_NONE },
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

const struct cmddef commands_table[] = {
	{ "container attach", { FS_CONTAINER_ATTACH },
	    1, P_CONTAINER, P_NONE, 1, 1,
	    0, W_NONE,
	    "Attach local standard input, output, and error streams to a "
	    "running container",
	    0 },
	{ "container commit", { FS_CONTAINER_COMMIT },
	    0, P_CONTAINER, P_IMAGE_TAG, 1, 2,
	    0, W_NONE,	/* the target is judged against the rule's images */
	    "Create a new image from a container's changes",
	    0 },
	{ "container cp", { FS_CONTAINER_CP },
	    1, P_CPPATH, P_CPPATH, 2, 2,
	    RISK_CLIENT_FILES,
	    W_CP,
	    "Copy files/folders between a container and the local filesystem",
	    0 },
	{ "container create", { FS_CONTAINER },
	    0, P_IMAGE, P_CMD, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Create a new container",
	    CMD_OWNABLE | CMD_PULLS },
	{ "container diff", { FS_NONE },
	    1, P_CONTAINER, P_NONE, 1, 1,
	    0, W_NONE,
	    "Inspect changes to files or directories on a container's "
	    "filesystem",
	    0 },
	{ "container exec", { FS_CONTAINER_EXEC },
	    0, P_CONTAINER, P_CMD, 2, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Execute a command in a running container",
	    0 },
	{ "container export", { FS_CONTAINER_EXPORT },
	    1, P_CONTAINER, P_NONE, 1, 1,
	    0, W_NONE,
	    "Export a container's filesystem as a tar archive",
	    0 },
	{ "container inspect", { FS_CONTAINER_INSPECT },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Display detailed information on one or more containers",
	    CMD_SHOWS_ENV },
	{ "container kill", { FS_CONTAINER_KILL },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Kill one or more running containers",
	    0 },
	{ "container logs", { FS_CONTAINER_LOGS },
	    1, P_CONTAINER, P_NONE, 1, 1,
	    0, W_NONE,
	    "Fetch the logs of a container",
	    0 },
	{ "container ls", { FS_CONTAINER_LS },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "List containers",
	    CMD_LABEL_SCOPE },
	{ "container pause", { FS_NONE },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Pause all processes within one or more containers",
	    0 },
	{ "container port", { FS_NONE },
	    1, P_CONTAINER, P_ANY, 1, 2,
	    0, W_NONE,
	    "List port mappings or a specific mapping for the container",
	    0 },
	{ "container prune", { FS_CONTAINER_PRUNE },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "Remove all stopped containers",
	    0 },
	{ "container rename", { FS_NONE },
	    1, P_CONTAINER, P_NEWNAME, 2, 2,
	    0, W_NONE,
	    "Rename a container",
	    0 },
	{ "container restart", { FS_CONTAINER_RESTART },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Restart one or more containers",
	    0 },
	{ "container rm", { FS_CONTAINER_RM },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Remove one or more containers",
	    0 },
	{ "container run", { FS_CONTAINER, FS_RUN },
	    0, P_IMAGE, P_CMD, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Create and run a new container from an image",
	    CMD_SESSION_LABEL | CMD_OWNABLE | CMD_PULLS },
	{ "container start", { FS_CONTAINER_START },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Start one or more stopped containers",
	    0 },
	{ "container stats", { FS_CONTAINER_STATS },
	    1, P_CONTAINER, P_CONTAINER, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Display a live stream of container(s) resource usage statistics",
	    0 },
	{ "container stop", { FS_CONTAINER_RESTART },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Stop one or more running containers",
	    0 },
	{ "container top", { FS_NONE },
	    0, P_CONTAINER, P_PSARGS, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Display the running processes of a container",
	    0 },
	{ "container unpause", { FS_NONE },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Unpause all processes within one or more containers",
	    0 },
	{ "container update", { FS_CONTAINER_UPDATE },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Update configuration of one or more containers",
	    0 },
	{ "container wait", { FS_NONE },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Block until one or more containers stop, then print their exit "
	    "codes",
	    0 },
	{ "image build", { FS_IMAGE_BUILD },
	    1, P_CONTEXT, P_NONE, 1, 1,
	    0, W_NONE,
	    "Build an image from a Dockerfile",
	    CMD_BUILD | CMD_PULLS },
	{ "image history", { FS_IMAGE_HISTORY },
	    1, P_IMAGE, P_NONE, 1, 1,
	    0, W_NONE,
	    "Show the history of an image",
	    0 },
	{ "image import", { FS_IMAGE_IMPORT },
	    1, P_PATH, P_IMAGE_TAG, 1, 2,
	    0, W_NONE,	/* the source path and the tag are judged as positionals */
	    "Import the contents from a tarball to create a filesystem image",
	    0 },
	{ "image inspect", { FS_IMAGE_INSPECT },
	    1, P_IMAGE, P_IMAGE, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Display detailed information on one or more images",
	    CMD_SHOWS_ENV | CMD_SHOWS_BUILD },
	    /* Config.Env, ContainerConfig.Env; ContainerConfig.Cmd "|1 K=V" */
	{ "image load", { FS_IMAGE_LOAD },
	    1, P_NONE, P_NONE, 0, 0,
	    RISK_IMAGE_TAGS,
	    W_LOAD_TAGS,
	    "Load an image from a tar archive or STDIN",
	    0 },
	{ "image ls", { FS_IMAGE_LS },
	    1, P_IMAGE, P_NONE, 0, 1,
	    0, W_NONE,
	    "List images",
	    0 },
	{ "image prune", { FS_IMAGE_PRUNE },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "Remove unused images",
	    0 },
	{ "image pull", { FS_IMAGE_PULL },
	    1, P_IMAGE_NAME, P_NONE, 1, 1,
	    0, W_NONE,
	    "Download an image from a registry",
	    CMD_PULLS },
	{ "image push", { FS_IMAGE_PULL },
	    1, P_IMAGE_NAME, P_NONE, 1, 1,
	    0, W_NONE,
	    "Upload an image to a registry",
	    CMD_PULLS },
	{ "image rm", { FS_IMAGE_RM },
	    1, P_IMAGE, P_IMAGE, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Remove one or more images",
	    0 },
	{ "image save", { FS_IMAGE_SAVE },
	    1, P_IMAGE, P_IMAGE, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Save one or more images to a tar archive (streamed to STDOUT by "
	    "default)",
	    0 },
	{ "image tag", { FS_NONE },
	    0, P_ANY, P_IMAGE_TAG, 2, 2,	/* the source is only read */
	    0, W_NONE,	/* the target is judged against the rule's images */
	    "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
	    0 },
	{ "system df", { FS_SYSTEM_DF },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "Show docker disk usage",
	    0 },
	{ "system dial-stdio", { FS_NONE },
	    1, P_NONE, P_NONE, 0, 0,
	    RISK_NEVER,
	    W_DIAL_STDIO,
	    "Proxy the stdio stream to the daemon connection",
	    0 },
	{ "system events", { FS_SYSTEM_EVENTS },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "Get real time events from the server",
	    CMD_LABEL_SCOPE | CMD_SHOWS_EXEC },	/* exec_create: CMD */
	{ "system info", { FS_SYSTEM_INFO },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "Display system-wide information",
	    0 },
	{ "system prune", { FS_SYSTEM_PRUNE },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "Remove unused data",
	    0 },
	{ "inspect", { FS_INSPECT },
	    1, P_OBJECT, P_OBJECT, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Return low-level information on Docker objects",
	    CMD_SHOWS_ENV | CMD_SHOWS_BUILD },
	{ "version", { FS_VERSION },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "Show the Docker version information",
	    0 },
	{ "network connect", { FS_NETWORK_CONNECT },
	    1, P_NETWORK, P_CONTAINER, 2, 2,
	    0, W_NONE,
	    "Connect a container to a network",
	    0 },
	{ "network create", { FS_NETWORK_CREATE },
	    1, P_NETWORK, P_NONE, 1, 1,
	    0, W_NONE,
	    "Create a network",
	    0 },
	{ "network disconnect", { FS_NETWORK_DISCONNECT },
	    1, P_NETWORK, P_CONTAINER, 2, 2,
	    0, W_NONE,
	    "Disconnect a container from a network",
	    0 },
	{ "network inspect", { FS_NETWORK_INSPECT },
	    1, P_NETWORK, P_NETWORK, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Display detailed information on one or more networks",
	    CMD_SHOWS_ENV },	/* Options, IPAM.Options: driver options */
	{ "network ls", { FS_NETWORK_LS },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "List networks",
	    0 },
	{ "network prune", { FS_CONTAINER_PRUNE },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "Remove all unused networks",
	    0 },
	{ "network rm", { FS_NETWORK_DISCONNECT },
	    1, P_NETWORK, P_NETWORK, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Remove one or more networks",
	    0 },
	{ "volume create", { FS_VOLUME_CREATE },
	    1, P_VOLUME, P_NONE, 0, 1,
	    0, W_NONE,
	    "Create a volume",
	    0 },
	{ "volume inspect", { FS_SYSTEM_INFO },
	    1, P_VOLUME, P_VOLUME, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Display detailed information on one or more volumes",
	    CMD_SHOWS_ENV },	/* Options: driver options (passwords) */
	{ "volume ls", { FS_VOLUME_LS },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "List volumes",
	    0 },
	{ "volume prune", { FS_VOLUME_PRUNE },
	    1, P_NONE, P_NONE, 0, 0,
	    RISK_DATA_LOSS,
	    W_VOLUME_RM,
	    "Remove unused local volumes",
	    0 },
	{ "volume rm", { FS_NETWORK_DISCONNECT },
	    1, P_VOLUME, P_VOLUME, 1, CMD_ARGS_UNBOUNDED,
	    RISK_DATA_LOSS,
	    W_VOLUME_RM,
	    "Remove one or more volumes. You cannot remove a volume that is "
	    "in use by a container.",
	    0 },
	{ "volume update", { FS_VOLUME_UPDATE },
	    1, P_VOLUME, P_NONE, 0, 1,
	    0, W_NONE,
	    "Update a volume (cluster volumes only)",
	    0 },
	{ "plugin create", { FS_PLUGIN_CREATE },
	    1, P_ANY, P_ANY, 2, 2,
	    RISK_NEVER,
	    W_PLUGIN,
	    "Create a plugin from a rootfs and configuration. Plugin data "
	    "directory must contain config.json and rootfs directory.",
	    0 },
	{ "plugin disable", { FS_NETWORK_DISCONNECT },
	    1, P_ANY, P_ANY, 1, 1,
	    RISK_NEVER,
	    W_PLUGIN,
	    "Disable a plugin",
	    0 },
	{ "plugin enable", { FS_PLUGIN_ENABLE },
	    1, P_ANY, P_ANY, 1, 1,
	    RISK_NEVER,
	    W_PLUGIN,
	    "Enable a plugin",
	    0 },
	{ "plugin inspect", { FS_SYSTEM_INFO },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER,
	    W_PLUGIN,
	    "Display detailed information on one or more plugins",
	    0 },
	{ "plugin install", { FS_PLUGIN_INSTALL },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER,
	    W_PLUGIN,
	    "Install a plugin",
	    0 },
	{ "plugin ls", { FS_NETWORK_LS },
	    1, P_ANY, P_ANY, 0, 0,
	    RISK_NEVER,
	    W_PLUGIN,
	    "List plugins",
	    0 },
	{ "plugin push", { FS_PLUGIN_PUSH },
	    1, P_ANY, P_ANY, 1, 1,
	    RISK_NEVER,
	    W_PLUGIN,
	    "Push a plugin to a registry",
	    0 },
	{ "plugin rm", { FS_NETWORK_DISCONNECT },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER,
	    W_PLUGIN,
	    "Remove one or more plugins",
	    0 },
	{ "plugin set", { FS_NONE },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER,
	    W_PLUGIN,
	    "Change settings for a plugin",
	    0 },
	{ "plugin upgrade", { FS_PLUGIN_UPGRADE },
	    1, P_ANY, P_ANY, 1, 2,
	    RISK_NEVER,
	    W_PLUGIN,
	    "Upgrade an existing plugin",
	    0 },
	{ "context create", { FS_CONTEXT_CREATE },
	    1, P_ANY, P_ANY, 1, 1,
	    RISK_NEVER,
	    W_CONTEXT,
	    "Create a context",
	    0 },
	{ "context export", { FS_CONTEXT_EXPORT },
	    1, P_ANY, P_ANY, 1, 2,
	    RISK_NEVER,
	    W_CONTEXT,
	    "Export a context to a tar archive FILE or a tar stream on "
	    "STDOUT.",
	    0 },
	{ "context import", { FS_NONE },
	    1, P_ANY, P_ANY, 2, 2,
	    RISK_NEVER,
	    W_CONTEXT,
	    "Import a context from a tar or zip file",
	    0 },
	{ "context inspect", { FS_SYSTEM_INFO },
	    1, P_ANY, P_ANY, 0, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER,
	    W_CONTEXT,
	    "Display detailed information on one or more contexts",
	    0 },
	{ "context ls", { FS_CONTEXT_LS },
	    1, P_ANY, P_ANY, 0, 0,
	    RISK_NEVER,
	    W_CONTEXT,
	    "List contexts",
	    0 },
	{ "context rm", { FS_NETWORK_DISCONNECT },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER,
	    W_CONTEXT,
	    "Remove one or more contexts",
	    0 },
	{ "context show", { FS_NONE },
	    1, P_ANY, P_ANY, 0, 0,
	    RISK_NEVER,
	    W_CONTEXT,
	    "Print the name of the current context",
	    0 },
	{ "context update", { FS_CONTEXT_UPDATE },
	    1, P_ANY, P_ANY, 1, 1,
	    RISK_NEVER,
	    W_CONTEXT,
	    "Update a context",
	    0 },
	{ "context use", { FS_NONE },
	    1, P_ANY, P_ANY, 1, 1,
	    RISK_NEVER,
	    W_CONTEXT,
	    "Set the current docker context",
	    0 },
	{ "builder prune", { FS_BUILDER_PRUNE },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "Remove build cache",
	    0 },
	{ "config create", { FS_CONFIG_CREATE },
	    1, P_ANY, P_PATH, 2, 2,
	    RISK_CLIENT_FILES,
	    W_CLI_READS_FILE,
	    "Create a config from a file or STDIN",
	    0 },
	{ "config inspect", { FS_CONFIG_INSPECT },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Display detailed information on one or more configs",
	    0 },
	{ "config ls", { FS_CONFIG_LS },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "List configs",
	    0 },
	{ "config rm", { FS_NONE },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Remove one or more configs",
	    0 },
	{ "secret create", { FS_SECRET_CREATE },
	    1, P_ANY, P_PATH, 1, 2,
	    RISK_CLIENT_FILES,
	    W_CLI_READS_FILE,
	    "Create a secret from a file or STDIN as content",
	    0 },
	{ "secret inspect", { FS_CONFIG_INSPECT },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Display detailed information on one or more secrets",
	    0 },
	{ "secret ls", { FS_CONFIG_LS },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "List secrets",
	    0 },
	{ "secret rm", { FS_NONE },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Remove one or more secrets",
	    0 },
	{ "node demote", { FS_NONE },
	    1, P_NODE, P_NODE, 1, CMD_ARGS_UNBOUNDED,
	    RISK_PRIVILEGED, W_SWARM_CONTROL,
	    "Demote one or more nodes from manager in the swarm",
	    0 },
	{ "node inspect", { FS_CONFIG_INSPECT },
	    1, P_NODE, P_NODE, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Display detailed information on one or more nodes",
	    0 },
	{ "node ls", { FS_CONFIG_LS },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "List nodes in the swarm",
	    0 },
	{ "node promote", { FS_NONE },
	    1, P_NODE, P_NODE, 1, CMD_ARGS_UNBOUNDED,
	    RISK_PRIVILEGED, W_SWARM_CONTROL,
	    "Promote one or more nodes to manager in the swarm",
	    0 },
	{ "node ps", { FS_NODE_PS },
	    1, P_NODE, P_NODE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "List tasks running on one or more nodes, defaults to current "
	    "node",
	    0 },
	{ "node rm", { FS_NETWORK_DISCONNECT },
	    1, P_NODE, P_NODE, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Remove one or more nodes from the swarm",
	    0 },
	{ "node update", { FS_NODE_UPDATE },
	    1, P_NODE, P_NONE, 1, 1,
	    RISK_PRIVILEGED, W_SWARM_CONTROL,
	    "Update a node",
	    0 },
	{ "service create", { FS_SERVICE_CREATE },
	    0, P_IMAGE, P_CMD, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Create a new service",
	    CMD_OWNABLE | CMD_PULLS },
	{ "service inspect", { FS_CONFIG_INSPECT },
	    1, P_SERVICE, P_SERVICE, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Display detailed information on one or more services",
	    CMD_SHOWS_ENV },
	{ "service logs", { FS_SERVICE_LOGS },
	    1, P_SERVICE, P_NONE, 1, 1,
	    0, W_NONE,
	    "Fetch the logs of a service or task",
	    0 },
	{ "service ls", { FS_CONFIG_LS },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "List services",
	    0 },
	{ "service ps", { FS_NODE_PS },
	    1, P_SERVICE, P_SERVICE, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "List the tasks of one or more services",
	    0 },
	{ "service rm", { FS_NONE },
	    1, P_SERVICE, P_SERVICE, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Remove one or more services",
	    0 },
	{ "service rollback", { FS_SERVICE_ROLLBACK },
	    1, P_SERVICE, P_NONE, 1, 1,
	    RISK_OTHER_CONTAINERS, W_SERVICE_UPDATE,
	    "Revert changes to a service's configuration",
	    0 },
	{ "service scale", { FS_SERVICE_SCALE },
	    1, P_SERVICE, P_SERVICE, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Scale one or multiple replicated services",
	    0 },
	{ "service update", { FS_SERVICE_UPDATE },
	    1, P_SERVICE, P_NONE, 1, 1,
	    RISK_OTHER_CONTAINERS, W_SERVICE_UPDATE,
	    "Update a service",
	    CMD_PULLS },
	{ "stack config", { FS_STACK_CONFIG },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "Outputs the final config file, after doing merges and "
	    "interpolations",
	    0 },
	{ "stack deploy", { FS_STACK_DEPLOY },
	    1, P_ANY, P_NONE, 1, 1,
	    RISK_NEVER, W_STACK_DEPLOY,
	    "Deploy a new stack or update an existing stack",
	    CMD_PULLS },
	{ "stack ls", { FS_STACK_LS },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "List stacks",
	    0 },
	{ "stack ps", { FS_STACK_PS },
	    1, P_ANY, P_NONE, 1, 1,
	    0, W_NONE,
	    "List the tasks in the stack",
	    0 },
	{ "stack rm", { FS_STACK_RM },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Remove one or more stacks",
	    0 },
	{ "stack services", { FS_STACK_SERVICES },
	    1, P_ANY, P_NONE, 1, 1,
	    0, W_NONE,
	    "List the services in the stack",
	    0 },
	{ "swarm ca", { FS_SWARM_CA },
	    1, P_NONE, P_NONE, 0, 0,
	    RISK_PRIVILEGED, W_SWARM_CONTROL,
	    "Display and rotate the root CA",
	    0 },
	{ "swarm init", { FS_SWARM_INIT },
	    1, P_NONE, P_NONE, 0, 0,
	    RISK_PRIVILEGED, W_SWARM_CONTROL,
	    "Initialize a swarm",
	    0 },
	{ "swarm join", { FS_SWARM_JOIN },
	    1, P_ANY, P_NONE, 1, 1,
	    RISK_PRIVILEGED, W_SWARM_CONTROL,
	    "Join a swarm as a node and/or manager",
	    0 },
	{ "swarm join-token", { FS_SWARM_JOIN_TOKEN },
	    1, P_ANY, P_NONE, 1, 1,
	    RISK_PRIVILEGED, W_SWARM_CONTROL,
	    "Manage join tokens",
	    0 },
	{ "swarm leave", { FS_NETWORK_DISCONNECT },
	    1, P_NONE, P_NONE, 0, 0,
	    RISK_PRIVILEGED, W_SWARM_CONTROL,
	    "Leave the swarm",
	    0 },
	{ "swarm unlock", { FS_NONE },
	    1, P_NONE, P_NONE, 0, 0,
	    RISK_PRIVILEGED, W_SWARM_CONTROL,
	    "Unlock swarm",
	    0 },
	{ "swarm unlock-key", { FS_SWARM_JOIN_TOKEN },
	    1, P_NONE, P_NONE, 0, 0,
	    RISK_PRIVILEGED, W_SWARM_CONTROL,
	    "Manage the unlock key",
	    0 },
	{ "swarm update", { FS_SWARM_UPDATE },
	    1, P_NONE, P_NONE, 0, 0,
	    RISK_PRIVILEGED, W_SWARM_CONTROL,
	    "Update the swarm",
	    0 },
	{ "checkpoint create", { FS_CHECKPOINT_CREATE },
	    1, P_CONTAINER, P_ANY, 2, 2,
	    0, W_NONE,
	    "Create a checkpoint from a running container",
	    0 },
	{ "checkpoint ls", { FS_CHECKPOINT_LS },
	    1, P_CONTAINER, P_NONE, 1, 1,
	    0, W_NONE,
	    "List checkpoints for a container",
	    0 },
	{ "checkpoint rm", { FS_CHECKPOINT_LS },
	    1, P_CONTAINER, P_ANY, 2, 2,
	    0, W_NONE,
	    "Remove a checkpoint",
	    0 },
	{ "manifest annotate", { FS_MANIFEST_ANNOTATE },
	    1, P_ANY, P_ANY, 2, 2,
	    RISK_CLIENT_FILES,
	    W_MANIFEST,
	    "Add additional information to a local image manifest",
	    0 },
	{ "manifest create", { FS_MANIFEST_CREATE },
	    1, P_ANY, P_ANY, 2, CMD_ARGS_UNBOUNDED,
	    RISK_CLIENT_FILES,
	    W_MANIFEST,
	    "Create a local manifest list for annotating and pushing to a "
	    "registry",
	    0 },
	{ "manifest inspect", { FS_MANIFEST_INSPECT },
	    1, P_ANY, P_ANY, 1, 2,
	    0, W_NONE,
	    "Display an image manifest, or manifest list",
	    0 },
	{ "manifest push", { FS_MANIFEST_PUSH },
	    1, P_ANY, P_NONE, 1, 1,
	    RISK_CLIENT_FILES,
	    W_MANIFEST,
	    "Push a manifest list to a repository",
	    0 },
	{ "manifest rm", { FS_NONE },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    RISK_CLIENT_FILES,
	    W_MANIFEST,
	    "Delete one or more manifest lists from local storage",
	    0 },
	{ "login", { FS_LOGIN },
	    1, P_ANY, P_NONE, 0, 1,
	    RISK_CLIENT_FILES,
	    W_LOGIN,
	    "Authenticate to a registry.",
	    0 },
	{ "logout", { FS_NONE },
	    1, P_ANY, P_NONE, 0, 1,
	    RISK_CLIENT_FILES,
	    W_LOGOUT,
	    "Log out from a registry.",
	    0 },
	{ "search", { FS_SEARCH },
	    1, P_ANY, P_NONE, 1, 1,
	    0, W_NONE,
	    "Search Docker Hub for images",
	    0 },
	{ "compose", { FS_COMPOSE_GLOBAL },
	    0, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "Docker Compose (plugin): docker compose [FLAGS] SUBCOMMAND",
	    CMD_GROUP_FLAGS },
	{ "compose attach", { FS_COMPOSE_ATTACH, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_NONE, 1, 1,
	    0, W_NONE,
	    "Attach local standard input, output, and error streams to a "
	    "service's running container",
	    CMD_PROJECT },
	{ "compose build", { FS_COMPOSE_BUILD, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Build or rebuild services",
	    CMD_PROJECT | CMD_PULLS },
	{ "compose commit", { FS_COMPOSE_COMMIT, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_IMAGE_TAG, 1, 2,
	    0, W_NONE,
	    "Create a new image from a service container's changes",
	    CMD_PROJECT },
	{ "compose config", { FS_COMPOSE_CONFIG, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Parse, resolve and render compose file in canonical format",
	    CMD_PROJECT | CMD_SHOWS_ENV | CMD_STARTS_NOTHING },
	{ "compose cp", { FS_COMPOSE_CP, FS_COMPOSE_PERSISTENT },
	    1, P_CPPATH, P_CPPATH, 2, 2,
	    RISK_CLIENT_FILES,
	    W_COMPOSE_CP,
	    "Copy files/folders between a service container and the local"
	    " filesystem",
	    CMD_PROJECT },
	{ "compose create", { FS_COMPOSE_CREATE, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Creates containers for a service",
	    CMD_PROJECT | CMD_PULLS | CMD_CREATES },
	{ "compose down", { FS_COMPOSE_DOWN, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Stop and remove containers, networks",
	    CMD_PROJECT | CMD_STARTS_NOTHING },
	{ "compose events", { FS_COMPOSE_EVENTS, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Receive real time events from containers",
	    CMD_PROJECT | CMD_SHOWS_ENV | CMD_STARTS_NOTHING },
	    /* exec_create: CMD, unfiltered */
	{ "compose exec", { FS_COMPOSE_EXEC, FS_COMPOSE_PERSISTENT },
	    0, P_SERVICE, P_CMD, 2, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Execute a command in a running container",
	    CMD_PROJECT },
	{ "compose export", { FS_COMPOSE_EXPORT, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_NONE, 1, 1,
	    0, W_NONE,
	    "Export a service container's filesystem as a tar archive",
	    CMD_PROJECT },
	{ "compose images", { FS_COMPOSE_IMAGES, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "List images used by the created containers",
	    CMD_PROJECT | CMD_STARTS_NOTHING },
	{ "compose kill", { FS_COMPOSE_KILL, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Force stop service containers",
	    CMD_PROJECT | CMD_STARTS_NOTHING },
	{ "compose logs", { FS_COMPOSE_LOGS, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "View output from containers",
	    CMD_PROJECT | CMD_STARTS_NOTHING },
	{ "compose ls", { FS_COMPOSE_LS, FS_COMPOSE_PERSISTENT },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "List running compose projects",
	    CMD_STARTS_NOTHING },
	{ "compose pause", { FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Pause services",
	    CMD_PROJECT | CMD_STARTS_NOTHING },
	{ "compose port", { FS_COMPOSE_PORT, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_ANY, 2, 2,
	    0, W_NONE,
	    "Print the public port for a port binding",
	    CMD_PROJECT | CMD_STARTS_NOTHING },
	{ "compose ps", { FS_COMPOSE_PS, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "List containers",
	    CMD_PROJECT | CMD_STARTS_NOTHING },
	{ "compose pull", { FS_COMPOSE_PULL, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Pull service images",
	    CMD_PROJECT | CMD_PULLS },
	{ "compose push", { FS_COMPOSE_PUSH, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Push service images",
	    CMD_PROJECT | CMD_PULLS },
	{ "compose restart",
	    { FS_COMPOSE_RESTART, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Restart service containers",
	    CMD_PROJECT | CMD_DEPENDENTS },
	{ "compose rm", { FS_COMPOSE_RM, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Removes stopped service containers",
	    CMD_PROJECT | CMD_STARTS_NOTHING },
	{ "compose run", { FS_COMPOSE_RUN, FS_COMPOSE_PERSISTENT },
	    0, P_SERVICE, P_CMD, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Run a one-off command on a service",
	    CMD_PROJECT | CMD_PULLS | CMD_CREATES },
	{ "compose scale", { FS_COMPOSE_SCALE, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Scale services",
	    CMD_PROJECT | CMD_PULLS | CMD_CREATES },
	{ "compose start", { FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Start services",
	    CMD_PROJECT | CMD_DEPENDENTS },
	{ "compose stats", { FS_COMPOSE_STATS, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_NONE, 0, 1,
	    0, W_NONE,
	    "Display a live stream of container(s) resource usage statistics",
	    CMD_PROJECT | CMD_STARTS_NOTHING },
	{ "compose stop", { FS_COMPOSE_STOP, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Stop services",
	    CMD_PROJECT | CMD_STARTS_NOTHING },
	{ "compose top", { FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Display the running processes",
	    CMD_PROJECT | CMD_STARTS_NOTHING },
	{ "compose unpause", { FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Unpause services",
	    CMD_PROJECT | CMD_STARTS_NOTHING },
	{ "compose up", { FS_COMPOSE_UP, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Create and start containers",
	    CMD_PROJECT | CMD_PULLS | CMD_CREATES },
	{ "compose version",
	    { FS_COMPOSE_VERSION, FS_COMPOSE_PERSISTENT },
	    1, P_NONE, P_NONE, 0, 0,
	    0, W_NONE,
	    "Show the Docker Compose version information",
	    CMD_STARTS_NOTHING },
	{ "compose volumes",
	    { FS_COMPOSE_VOLUMES, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "List volumes",
	    CMD_PROJECT | CMD_STARTS_NOTHING },
	{ "compose wait", { FS_COMPOSE_WAIT, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 1, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Block until containers of all (or specified) services stop.",
	    CMD_PROJECT | CMD_STARTS_NOTHING },
	{ "compose watch", { FS_COMPOSE_WATCH, FS_COMPOSE_PERSISTENT },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, W_NONE,
	    "Watch build context for service and rebuild/refresh "
	    "containers when files are updated",
	    CMD_PROJECT | CMD_PULLS | CMD_CREATES },
	{ "compose alpha", { FS_COMPOSE_PERSISTENT },
	    0, P_ANY, P_ANY, 0, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER, W_EXPERIMENTAL,
	    "Experimental commands",
	    0 },
	{ "compose bridge", { FS_COMPOSE_PERSISTENT },
	    0, P_ANY, P_ANY, 0, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER, W_COMPOSE_BRIDGE,
	    "Convert compose files into another model",
	    0 },
	{ "compose publish", { FS_COMPOSE_PERSISTENT },
	    0, P_ANY, P_ANY, 0, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER,
	    W_COMPOSE_PUBLISH,
	    "Publish compose application",
	    0 },
	{ "", { FS_NONE }, 0, P_NONE, P_NONE, 0, 0, 0, W_NONE, "", 0 },
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

static const struct {
	unsigned	 bit;
	const char	*name;
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
