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
 * - A flag or command with risk != 0 MUST carry a why.  RISK_NEVER marks
 *   what no policy may allow (CLI redirection, raw API access, plugins);
 *   commands_risk_lookup() MUST NOT return it.
 * - The persistent --help/-h applies to a command only when the command
 *   does not define the same long name or shorthand itself (run/create:
 *   -h is --hostname).
 * - The tables are const and the lookups do no allocation and no I/O.
 */
#include <stddef.h>
#include <string.h>

#include "commands.h"

#define CMD_MAX_WORDS	3	/* words in the longest spelling */

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
	{ "detach-keys", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "no-stdin", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "sig-proxy", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef container_commit_flags[] = {
	{ "author", 'a', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "change", 'c', VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "message", 'm', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "pause", 'p', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef container_cp_flags[] = {
	{ "archive", 'a', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "follow-link", 'L', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef container_flags[] = {
	{ "add-host", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "annotation", 0, VT_MAP, VK_PLAIN, 0, NULL, NULL },
	{ "attach", 'a', VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "blkio-weight", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "blkio-weight-device", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "cap-add", 0, VT_LIST, VK_CAPADD, 0, NULL, NULL },
	{ "cap-drop", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "cgroup-parent", 0, VT_STRING, VK_PLAIN, RISK_KERNEL, NULL,
	    "places the container in a host cgroup of the client's choice" },
	{ "cgroupns", 0, VT_STRING, VK_CGROUPNS, 0, NULL, NULL },
	{ "cidfile", 0, VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI writes a file on the gateway host" },
	{ "cpu-count", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "cpu-percent", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "cpu-period", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "cpu-quota", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "cpu-rt-period", 0, VT_INT, VK_PLAIN, RISK_KERNEL, NULL,
	    "grants real-time CPU scheduling" },
	{ "cpu-rt-runtime", 0, VT_INT, VK_PLAIN, RISK_KERNEL, NULL,
	    "grants real-time CPU scheduling" },
	{ "cpu-shares", 'c', VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "cpus", 0, VT_DECIMAL, VK_PLAIN, 0, NULL, NULL },
	{ "cpuset-cpus", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "cpuset-mems", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "device", 0, VT_LIST, VK_PLAIN, RISK_DEVICES, NULL,
	    "passes a host device into the container" },
	{ "device-cgroup-rule", 0, VT_LIST, VK_PLAIN, RISK_DEVICES, NULL,
	    "lets the container use host devices" },
	{ "device-read-bps", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "device-read-iops", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "device-write-bps", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "device-write-iops", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "disable-content-trust", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "dns", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "dns-opt", 0, VT_LIST, VK_PLAIN, 0, "dns-option", NULL },
	{ "dns-option", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "dns-search", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "domainname", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "entrypoint", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "env", 'e', VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "env-file", 0, VT_LIST, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI reads a file on the gateway host" },
	{ "expose", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "gpus", 0, VT_GPU, VK_PLAIN, RISK_GPUS, NULL,
	    "gives the container host GPUs" },
	{ "group-add", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "health-cmd", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "health-interval", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "health-retries", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "health-start-interval", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "health-start-period", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "health-timeout", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "help", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "hostname", 'h', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "init", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "interactive", 'i', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "io-maxbandwidth", 0, VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "io-maxiops", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "ip", 0, VT_IP, VK_PLAIN, 0, NULL, NULL },
	{ "ip6", 0, VT_IP, VK_PLAIN, 0, NULL, NULL },
	{ "ipc", 0, VT_STRING, VK_NSMODE, 0, NULL, NULL },
	{ "isolation", 0, VT_STRING, VK_PLAIN, RISK_KERNEL, NULL,
	    "selects the isolation technology" },
	{ "kernel-memory", 0, VT_BYTES, VK_PLAIN, RISK_KERNEL, NULL,
	    "sets kernel memory limits (deprecated)" },
	{ "label", 'l', VT_LIST, VK_LABEL, 0, NULL, NULL },
	{ "label-file", 0, VT_LIST, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI reads a file on the gateway host" },
	{ "link", 0, VT_LIST, VK_PLAIN, RISK_OTHER_CONTAINERS, NULL,
	    "links to another container" },
	{ "link-local-ip", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "log-driver", 0, VT_STRING, VK_PLAIN, RISK_LOG_EGRESS, NULL,
	    "sends container output to a log driver of the client's choice" },
	{ "log-opt", 0, VT_LIST, VK_PLAIN, RISK_LOG_EGRESS, NULL,
	    "configures where container logs are sent" },
	{ "mac-address", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "memory", 'm', VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "memory-reservation", 0, VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "memory-swap", 0, VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "memory-swappiness", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "mount", 0, VT_MOUNT, VK_MOUNT, 0, NULL, NULL },
	{ "name", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "net", 0, VT_NETWORK, VK_NETWORK, 0, "network", NULL },
	{ "net-alias", 0, VT_LIST, VK_PLAIN, 0, "network-alias", NULL },
	{ "network", 0, VT_NETWORK, VK_NETWORK, 0, NULL, NULL },
	{ "network-alias", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "no-healthcheck", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "oom-kill-disable", 0, VT_BOOL, VK_PLAIN, RISK_KERNEL, NULL,
	    "lets the container exhaust host memory" },
	{ "oom-score-adj", 0, VT_INT, VK_PLAIN, RISK_KERNEL, NULL,
	    "changes how the host kernel chooses OOM victims" },
	{ "pid", 0, VT_STRING, VK_NSMODE, 0, NULL, NULL },
	{ "pids-limit", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "platform", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "privileged", 0, VT_BOOL, VK_PLAIN, RISK_PRIVILEGED, NULL,
	    "gives the container full root on the host" },
	{ "publish", 'p', VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "publish-all", 'P', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "pull", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "read-only", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "restart", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "rm", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "runtime", 0, VT_STRING, VK_PLAIN, RISK_KERNEL, NULL,
	    "selects another container runtime" },
	{ "security-opt", 0, VT_LIST, VK_SECOPT, 0, NULL, NULL },
	{ "shm-size", 0, VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "stop-signal", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "stop-timeout", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "storage-opt", 0, VT_LIST, VK_PLAIN, RISK_KERNEL, NULL,
	    "passes options to the host storage driver" },
	{ "sysctl", 0, VT_MAP, VK_PLAIN, RISK_KERNEL, NULL,
	    "changes kernel parameters of the container" },
	{ "tmpfs", 0, VT_LIST, VK_TMPFS, 0, NULL, NULL },
	{ "tty", 't', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "ulimit", 0, VT_ULIMIT, VK_PLAIN, RISK_KERNEL, NULL,
	    "raises resource limits above the daemon defaults" },
	{ "use-api-socket", 0, VT_BOOL, VK_PLAIN, RISK_PRIVILEGED, NULL,
	    "mounts the Docker API socket (root on the host) and registry "
	    "credentials into the container" },
	{ "user", 'u', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "userns", 0, VT_STRING, VK_USERNS, 0, NULL, NULL },
	{ "uts", 0, VT_STRING, VK_NSMODE, 0, NULL, NULL },
	{ "volume", 'v', VT_LIST, VK_VOLUME, 0, NULL, NULL },
	{ "volume-driver", 0, VT_STRING, VK_PLAIN, RISK_VOLUME_DRIVERS, NULL,
	    "a volume driver can mount host or remote storage" },
	{ "volumes-from", 0, VT_LIST, VK_PLAIN, RISK_OTHER_CONTAINERS, NULL,
	    "mounts another container's volumes and binds" },
	{ "workdir", 'w', VT_STRING, VK_WORKDIR, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef container_exec_flags[] = {
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "detach-keys", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "env", 'e', VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "env-file", 0, VT_LIST, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI reads a file on the gateway host" },
	{ "interactive", 'i', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "privileged", 0, VT_BOOL, VK_PLAIN, RISK_PRIVILEGED, NULL,
	    "gives the command full root on the host" },
	{ "tty", 't', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "user", 'u', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "workdir", 'w', VT_STRING, VK_WORKDIR, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef container_export_flags[] = {
	{ "output", 'o', VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI writes a file on the gateway host" },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef container_inspect_flags[] = {
	{ "format", 'f', VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "size", 's', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef container_kill_flags[] = {
	{ "signal", 's', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef container_logs_flags[] = {
	{ "details", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "follow", 'f', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "since", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "tail", 'n', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "timestamps", 't', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "until", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef container_ls_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, NULL, NULL },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "last", 'n', VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "latest", 'l', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "size", 's', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef container_prune_flags[] = {
	{ "filter", 0, VT_FILTER, VK_PLAIN, 0, NULL, NULL },
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef container_restart_flags[] = {
	{ "signal", 's', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	/*
	 * docker >= 23 calls -t --timeout and keeps --time as a deprecated
	 * alias; 20.10 (Debian 12's docker.io) knows only --time.  The
	 * canonical argv writes --time, which every CLI from 20.10 on reads.
	 */
	{ "time", 't', VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "timeout", 0, VT_INT, VK_PLAIN, 0, "time", NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef container_rm_flags[] = {
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "link", 'l', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "volumes", 'v', VT_BOOL, VK_PLAIN, RISK_DATA_LOSS, NULL,
	    "removes the container's anonymous volumes" },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef run_flags[] = {
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "detach-keys", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "sig-proxy", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef container_start_flags[] = {
	{ "attach", 'a', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "checkpoint", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "checkpoint-dir", 0, VT_STRING, VK_PLAIN, RISK_HOST_MOUNTS, NULL,
	    "the daemon uses a host directory of the client's choice" },
	{ "detach-keys", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "interactive", 'i', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef container_stats_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "no-stream", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef container_update_flags[] = {
	{ "blkio-weight", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "cpu-period", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "cpu-quota", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "cpu-rt-period", 0, VT_INT, VK_PLAIN, RISK_KERNEL, NULL,
	    "grants real-time CPU scheduling" },
	{ "cpu-rt-runtime", 0, VT_INT, VK_PLAIN, RISK_KERNEL, NULL,
	    "grants real-time CPU scheduling" },
	{ "cpu-shares", 'c', VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "cpus", 0, VT_DECIMAL, VK_PLAIN, 0, NULL, NULL },
	{ "cpuset-cpus", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "cpuset-mems", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "kernel-memory", 0, VT_BYTES, VK_PLAIN, RISK_KERNEL, NULL,
	    "sets kernel memory limits (deprecated)" },
	{ "memory", 'm', VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "memory-reservation", 0, VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "memory-swap", 0, VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "pids-limit", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "restart", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef image_build_flags[] = {
	{ "add-host", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "allow", 0, VT_ARRAY, VK_PLAIN, RISK_NEVER, NULL,
	    "grants build entitlements (host network, insecure, devices)" },
	{ "annotation", 0, VT_ARRAY, VK_PLAIN, 0, NULL, NULL },
	{ "attest", 0, VT_ARRAY, VK_PLAIN, 0, NULL, NULL },
	{ "build-arg", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "build-context", 0, VT_ARRAY, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI reads a directory on the gateway host" },
	{ "builder", 0, VT_STRING, VK_PLAIN, RISK_NEVER, NULL,
	    "selects a buildx builder, which may run privileged" },
	{ "cache-from", 0, VT_SLICE, VK_PLAIN, 0, NULL, NULL },
	{ "cache-to", 0, VT_ARRAY, VK_PLAIN, 0, NULL, NULL },
	{ "call", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "cgroup-parent", 0, VT_STRING, VK_PLAIN, RISK_KERNEL, NULL,
	    "places the container in a host cgroup of the client's choice" },
	{ "check", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "compress", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "cpu-period", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "cpu-quota", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "cpu-shares", 'c', VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "cpuset-cpus", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "cpuset-mems", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "disable-content-trust", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "file", 'f', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "force-rm", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "iidfile", 0, VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI writes a file on the gateway host" },
	{ "isolation", 0, VT_STRING, VK_PLAIN, RISK_KERNEL, NULL,
	    "selects the isolation technology" },
	{ "label", 0, VT_LIST, VK_LABEL, 0, NULL, NULL },
	{ "load", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "memory", 'm', VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "memory-swap", 0, VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "metadata-file", 0, VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI writes a file on the gateway host" },
	{ "network", 0, VT_STRING, VK_NETWORK, 0, NULL, NULL },
	{ "no-cache", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-cache-filter", 0, VT_ARRAY, VK_PLAIN, 0, NULL, NULL },
	{ "output", 'o', VT_ARRAY, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI writes the build result to the gateway host" },
	{ "platform", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "policy", 0, VT_ARRAY, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI reads a policy file on the gateway host" },
	{ "progress", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "provenance", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "pull", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "push", 0, VT_BOOL, VK_PLAIN, RISK_NEVER, NULL,
	    "pushes the built image to a registry; use docker push" },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "rm", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "sbom", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "secret", 0, VT_ARRAY, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI reads a secret file on the gateway host" },
	{ "security-opt", 0, VT_SLICE, VK_SECOPT, 0, NULL, NULL },
	{ "shm-size", 0, VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "squash", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "ssh", 0, VT_ARRAY, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "exposes SSH keys or agent sockets of the gateway host" },
	{ "stream", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "tag", 't', VT_LIST, VK_PLAIN, RISK_IMAGE_TAGS, NULL,
	    "writes an image tag that other services may run" },
	{ "target", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "ulimit", 0, VT_ULIMIT, VK_PLAIN, RISK_KERNEL, NULL,
	    "raises resource limits above the daemon defaults" },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef image_history_flags[] = {
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "human", 'H', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "platform", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef image_import_flags[] = {
	{ "change", 'c', VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "message", 'm', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "platform", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef image_inspect_flags[] = {
	{ "format", 'f', VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "platform", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef image_load_flags[] = {
	{ "input", 'i', VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI reads a file on the gateway host" },
	{ "platform", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef image_ls_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "digests", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, NULL, NULL },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "tree", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef image_prune_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, RISK_DATA_LOSS, NULL,
	    "removes all unused images, not just dangling ones" },
	{ "filter", 0, VT_FILTER, VK_PLAIN, 0, NULL, NULL },
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef image_pull_flags[] = {
	{ "all-tags", 'a', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "disable-content-trust", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "platform", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef image_rm_flags[] = {
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-prune", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "platform", 0, VT_SLICE, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef image_save_flags[] = {
	{ "output", 'o', VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI writes a file on the gateway host" },
	{ "platform", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef system_df_flags[] = {
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "verbose", 'v', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef system_events_flags[] = {
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, NULL, NULL },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "since", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "until", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef system_info_flags[] = {
	{ "format", 'f', VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef system_prune_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, RISK_DATA_LOSS, NULL,
	    "removes all unused images, not just dangling ones" },
	{ "filter", 0, VT_FILTER, VK_PLAIN, 0, NULL, NULL },
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "volumes", 0, VT_BOOL, VK_PLAIN, RISK_DATA_LOSS, NULL,
	    "removes unused volumes and their data" },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef inspect_flags[] = {
	{ "format", 'f', VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "size", 's', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "type", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef version_flags[] = {
	{ "format", 'f', VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "kubeconfig", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef network_connect_flags[] = {
	{ "alias", 0, VT_SLICE, VK_PLAIN, 0, NULL, NULL },
	{ "driver-opt", 0, VT_SLICE, VK_PLAIN, 0, NULL, NULL },
	{ "gw-priority", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "ip", 0, VT_IP, VK_PLAIN, 0, NULL, NULL },
	{ "ip6", 0, VT_IP, VK_PLAIN, 0, NULL, NULL },
	{ "link", 0, VT_LIST, VK_PLAIN, RISK_OTHER_CONTAINERS, NULL,
	    "links to another container" },
	{ "link-local-ip", 0, VT_SLICE, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef network_create_flags[] = {
	{ "attachable", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "aux-address", 0, VT_MAP, VK_PLAIN, 0, NULL, NULL },
	{ "config-from", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "config-only", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "driver", 'd', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "gateway", 0, VT_SLICE, VK_PLAIN, 0, NULL, NULL },
	{ "ingress", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "internal", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "ip-range", 0, VT_SLICE, VK_PLAIN, 0, NULL, NULL },
	{ "ipam-driver", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "ipam-opt", 0, VT_MAP, VK_PLAIN, 0, NULL, NULL },
	{ "ipv4", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "ipv6", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "label", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "opt", 'o', VT_MAP, VK_PLAIN, RISK_KERNEL, NULL,
	    "driver options configure host networking" },
	{ "scope", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "subnet", 0, VT_SLICE, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef network_disconnect_flags[] = {
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef network_inspect_flags[] = {
	{ "format", 'f', VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "verbose", 'v', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef network_ls_flags[] = {
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, NULL, NULL },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef volume_create_flags[] = {
	{ "availability", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "driver", 'd', VT_STRING, VK_PLAIN, RISK_VOLUME_DRIVERS, NULL,
	    "a volume driver can mount host or remote storage" },
	{ "group", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "label", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "limit-bytes", 0, VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "name", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "opt", 'o', VT_MAP, VK_PLAIN, RISK_HOST_MOUNTS, NULL,
	    "volume driver options can bind-mount any host path" },
	{ "required-bytes", 0, VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "scope", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "secret", 0, VT_MAP, VK_PLAIN, 0, NULL, NULL },
	{ "sharing", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "topology-preferred", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "topology-required", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "type", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef volume_ls_flags[] = {
	{ "cluster", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, NULL, NULL },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef volume_prune_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, RISK_DATA_LOSS, NULL,
	    "removes all unused volumes, not just anonymous ones" },
	{ "filter", 0, VT_FILTER, VK_PLAIN, 0, NULL, NULL },
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef volume_update_flags[] = {
	{ "availability", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef plugin_create_flags[] = {
	{ "compress", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef plugin_enable_flags[] = {
	{ "timeout", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef plugin_install_flags[] = {
	{ "alias", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "disable", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "disable-content-trust", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "grant-all-permissions", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef plugin_push_flags[] = {
	{ "disable-content-trust", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef plugin_upgrade_flags[] = {
	{ "disable-content-trust", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "grant-all-permissions", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "skip-remote-check", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef context_create_flags[] = {
	{ "default-stack-orchestrator", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "description", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "docker", 0, VT_MAP, VK_PLAIN, 0, NULL, NULL },
	{ "from", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "kubernetes", 0, VT_MAP, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef context_export_flags[] = {
	{ "kubeconfig", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef context_ls_flags[] = {
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef context_update_flags[] = {
	{ "default-stack-orchestrator", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "description", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "docker", 0, VT_MAP, VK_PLAIN, 0, NULL, NULL },
	{ "kubernetes", 0, VT_MAP, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef builder_prune_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "filter", 0, VT_FILTER, VK_PLAIN, 0, NULL, NULL },
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "keep-storage", 0, VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef config_create_flags[] = {
	{ "label", 'l', VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "template-driver", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef config_inspect_flags[] = {
	{ "format", 'f', VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "pretty", 0, VT_BOOL, VK_OUTPUT, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef config_ls_flags[] = {
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, NULL, NULL },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef secret_create_flags[] = {
	{ "driver", 'd', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "label", 'l', VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "template-driver", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef node_ps_flags[] = {
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, NULL, NULL },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "no-resolve", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef node_update_flags[] = {
	{ "availability", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "label-add", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "label-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "role", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef service_create_flags[] = {
	{ "cap-add", 0, VT_LIST, VK_CAPADD, 0, NULL, NULL },
	{ "cap-drop", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "config", 0, VT_LIST, VK_PLAIN, RISK_OTHER_CONTAINERS, NULL,
	    "gives the service a swarm config that other services use" },
	{ "constraint", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "container-label", 0, VT_LIST, VK_LABEL, 0, NULL, NULL },
	{ "credential-spec", 0, VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "may name a credential spec file" },
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "dns", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "dns-option", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "dns-search", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "endpoint-mode", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "entrypoint", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "env", 'e', VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "env-file", 0, VT_LIST, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI reads a file on the gateway host" },
	{ "generic-resource", 0, VT_LIST, VK_PLAIN, RISK_GPUS, NULL,
	    "claims node resources such as GPUs" },
	{ "group", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "health-cmd", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "health-interval", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "health-retries", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "health-start-interval", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "health-start-period", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "health-timeout", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "host", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "hostname", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "init", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "isolation", 0, VT_STRING, VK_PLAIN, RISK_KERNEL, NULL,
	    "selects the isolation technology" },
	{ "label", 'l', VT_LIST, VK_LABEL, 0, NULL, NULL },
	{ "limit-cpu", 0, VT_DECIMAL, VK_PLAIN, 0, NULL, NULL },
	{ "limit-memory", 0, VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "limit-pids", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "log-driver", 0, VT_STRING, VK_PLAIN, RISK_LOG_EGRESS, NULL,
	    "sends container output to a log driver of the client's choice" },
	{ "log-opt", 0, VT_LIST, VK_PLAIN, RISK_LOG_EGRESS, NULL,
	    "configures where container logs are sent" },
	{ "max-concurrent", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "mode", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "mount", 0, VT_MOUNT, VK_MOUNT, 0, NULL, NULL },
	{ "name", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "network", 0, VT_NETWORK, VK_NETWORK, 0, NULL, NULL },
	{ "no-healthcheck", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-resolve-image", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "oom-score-adj", 0, VT_INT, VK_PLAIN, RISK_KERNEL, NULL,
	    "changes how the host kernel chooses OOM victims" },
	{ "placement-pref", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "publish", 'p', VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "read-only", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "replicas", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "replicas-max-per-node", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "reserve-cpu", 0, VT_DECIMAL, VK_PLAIN, 0, NULL, NULL },
	{ "reserve-memory", 0, VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "restart-condition", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "restart-delay", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "restart-max-attempts", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "restart-window", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "rollback-delay", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "rollback-failure-action", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "rollback-max-failure-ratio", 0, VT_DECIMAL, VK_PLAIN, 0, NULL,
	    NULL },
	{ "rollback-monitor", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "rollback-order", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "rollback-parallelism", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "secret", 0, VT_LIST, VK_PLAIN, RISK_OTHER_CONTAINERS, NULL,
	    "gives the service a swarm secret that other services use" },
	{ "stop-grace-period", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "stop-signal", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "sysctl", 0, VT_LIST, VK_PLAIN, RISK_KERNEL, NULL,
	    "changes kernel parameters of the container" },
	{ "tty", 't', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "ulimit", 0, VT_ULIMIT, VK_PLAIN, RISK_KERNEL, NULL,
	    "raises resource limits above the daemon defaults" },
	{ "update-delay", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "update-failure-action", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "update-max-failure-ratio", 0, VT_DECIMAL, VK_PLAIN, 0, NULL, NULL },
	{ "update-monitor", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "update-order", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "update-parallelism", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "user", 'u', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "with-registry-auth", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "workdir", 'w', VT_STRING, VK_WORKDIR, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef service_logs_flags[] = {
	{ "details", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "follow", 'f', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-resolve", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-task-ids", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "raw", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "since", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "tail", 'n', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "timestamps", 't', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef service_rollback_flags[] = {
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef service_scale_flags[] = {
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef service_update_flags[] = {
	{ "args", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "cap-add", 0, VT_LIST, VK_CAPADD, 0, NULL, NULL },
	{ "cap-drop", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "config-add", 0, VT_LIST, VK_PLAIN, RISK_OTHER_CONTAINERS, NULL,
	    "gives the service a swarm config that other services use" },
	{ "config-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "constraint-add", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "constraint-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "container-label-add", 0, VT_LIST, VK_LABEL, 0, NULL, NULL },
	{ "container-label-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "credential-spec", 0, VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "may name a credential spec file" },
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "dns-add", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "dns-option-add", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "dns-option-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "dns-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "dns-search-add", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "dns-search-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "endpoint-mode", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "entrypoint", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "env-add", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "env-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "force", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "generic-resource-add", 0, VT_LIST, VK_PLAIN, RISK_GPUS, NULL,
	    "claims node resources such as GPUs" },
	{ "generic-resource-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "group-add", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "group-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "health-cmd", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "health-interval", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "health-retries", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "health-start-interval", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "health-start-period", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "health-timeout", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "host-add", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "host-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "hostname", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "image", 0, VT_STRING, VK_IMAGE, 0, NULL, NULL },
	{ "init", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "isolation", 0, VT_STRING, VK_PLAIN, RISK_KERNEL, NULL,
	    "selects the isolation technology" },
	{ "label-add", 0, VT_LIST, VK_LABEL, 0, NULL, NULL },
	{ "label-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "limit-cpu", 0, VT_DECIMAL, VK_PLAIN, 0, NULL, NULL },
	{ "limit-memory", 0, VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "limit-pids", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "log-driver", 0, VT_STRING, VK_PLAIN, RISK_LOG_EGRESS, NULL,
	    "sends container output to a log driver of the client's choice" },
	{ "log-opt", 0, VT_LIST, VK_PLAIN, RISK_LOG_EGRESS, NULL,
	    "configures where container logs are sent" },
	{ "max-concurrent", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "mount-add", 0, VT_MOUNT, VK_MOUNT, 0, NULL, NULL },
	{ "mount-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "network-add", 0, VT_NETWORK, VK_NETWORK, 0, NULL, NULL },
	{ "network-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "no-healthcheck", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-resolve-image", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "oom-score-adj", 0, VT_INT, VK_PLAIN, RISK_KERNEL, NULL,
	    "changes how the host kernel chooses OOM victims" },
	{ "placement-pref-add", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "placement-pref-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "publish-add", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "publish-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "read-only", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "replicas", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "replicas-max-per-node", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "reserve-cpu", 0, VT_DECIMAL, VK_PLAIN, 0, NULL, NULL },
	{ "reserve-memory", 0, VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "restart-condition", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "restart-delay", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "restart-max-attempts", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "restart-window", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "rollback", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "rollback-delay", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "rollback-failure-action", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "rollback-max-failure-ratio", 0, VT_DECIMAL, VK_PLAIN, 0, NULL,
	    NULL },
	{ "rollback-monitor", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "rollback-order", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "rollback-parallelism", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "secret-add", 0, VT_LIST, VK_PLAIN, RISK_OTHER_CONTAINERS, NULL,
	    "gives the service a swarm secret that other services use" },
	{ "secret-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "stop-grace-period", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "stop-signal", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "sysctl-add", 0, VT_LIST, VK_PLAIN, RISK_KERNEL, NULL,
	    "changes kernel parameters of the container" },
	{ "sysctl-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "tty", 't', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "ulimit-add", 0, VT_ULIMIT, VK_PLAIN, RISK_KERNEL, NULL,
	    "raises resource limits above the daemon defaults" },
	{ "ulimit-rm", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "update-delay", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "update-failure-action", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "update-max-failure-ratio", 0, VT_DECIMAL, VK_PLAIN, 0, NULL, NULL },
	{ "update-monitor", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "update-order", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "update-parallelism", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "user", 'u', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "with-registry-auth", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "workdir", 'w', VT_STRING, VK_WORKDIR, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef stack_config_flags[] = {
	{ "compose-file", 'c', VT_SLICE, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI reads compose files on the gateway host" },
	{ "skip-interpolation", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef stack_deploy_flags[] = {
	{ "compose-file", 'c', VT_SLICE, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI reads compose files on the gateway host" },
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "orchestrator", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "prune", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "resolve-image", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "with-registry-auth", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef stack_ls_flags[] = {
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "orchestrator", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef stack_ps_flags[] = {
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, NULL, NULL },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "no-resolve", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "orchestrator", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef stack_rm_flags[] = {
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "orchestrator", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef stack_services_flags[] = {
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, NULL, NULL },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "orchestrator", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef swarm_ca_flags[] = {
	{ "ca-cert", 0, VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI reads a file on the gateway host" },
	{ "ca-key", 0, VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "the docker CLI reads a file on the gateway host" },
	{ "cert-expiry", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "external-ca", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "rotate", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef swarm_init_flags[] = {
	{ "advertise-addr", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "autolock", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "availability", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "cert-expiry", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "data-path-addr", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "data-path-port", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "default-addr-pool", 0, VT_SLICE, VK_PLAIN, 0, NULL, NULL },
	{ "default-addr-pool-mask-length", 0, VT_UINT, VK_PLAIN, 0, NULL,
	    NULL },
	{ "dispatcher-heartbeat", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "external-ca", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "force-new-cluster", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "listen-addr", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "max-snapshots", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "snapshot-interval", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "task-history-limit", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef swarm_join_flags[] = {
	{ "advertise-addr", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "availability", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "data-path-addr", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "listen-addr", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "token", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef swarm_join_token_flags[] = {
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "rotate", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef swarm_update_flags[] = {
	{ "autolock", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "cert-expiry", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "dispatcher-heartbeat", 0, VT_DURATION, VK_PLAIN, 0, NULL, NULL },
	{ "external-ca", 0, VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "max-snapshots", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "snapshot-interval", 0, VT_UINT, VK_PLAIN, 0, NULL, NULL },
	{ "task-history-limit", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef checkpoint_create_flags[] = {
	{ "checkpoint-dir", 0, VT_STRING, VK_PLAIN, RISK_HOST_MOUNTS, NULL,
	    "the daemon uses a host directory of the client's choice" },
	{ "leave-running", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef checkpoint_ls_flags[] = {
	{ "checkpoint-dir", 0, VT_STRING, VK_PLAIN, RISK_HOST_MOUNTS, NULL,
	    "the daemon uses a host directory of the client's choice" },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef manifest_annotate_flags[] = {
	{ "arch", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "os", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "os-features", 0, VT_SLICE, VK_PLAIN, 0, NULL, NULL },
	{ "os-version", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "variant", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef manifest_create_flags[] = {
	{ "amend", 'a', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "insecure", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef manifest_inspect_flags[] = {
	{ "insecure", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "verbose", 'v', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef manifest_push_flags[] = {
	{ "insecure", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "purge", 'p', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef login_flags[] = {
	{ "password", 'p', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "password-stdin", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "username", 'u', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef search_flags[] = {
	{ "filter", 'f', VT_FILTER, VK_PLAIN, 0, NULL, NULL },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "limit", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

const struct flagdef commands_global_flags[] = {
	{ "config", 0, VT_STRING, VK_PLAIN, RISK_NEVER, NULL,
	    "--config selects another docker CLI configuration" },
	{ "context", 'c', VT_STRING, VK_PLAIN, RISK_NEVER, NULL,
	    "-c/--context selects another Docker engine" },
	{ "debug", 'D', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "host", 'H', VT_LIST, VK_PLAIN, RISK_NEVER, NULL,
	    "-H/--host selects another Docker engine" },
	{ "log-level", 'l', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "tls", 0, VT_BOOL, VK_PLAIN, RISK_NEVER, NULL,
	    "--tls changes how the docker CLI reaches the engine" },
	{ "tlscacert", 0, VT_STRING, VK_PLAIN, RISK_NEVER, NULL,
	    "--tlscacert reads a file on the gateway host" },
	{ "tlscert", 0, VT_STRING, VK_PLAIN, RISK_NEVER, NULL,
	    "--tlscert reads a file on the gateway host" },
	{ "tlskey", 0, VT_STRING, VK_PLAIN, RISK_NEVER, NULL,
	    "--tlskey reads a file on the gateway host" },
	{ "tlsverify", 0, VT_BOOL, VK_PLAIN, RISK_NEVER, NULL,
	    "--tlsverify changes how the docker CLI reaches the engine" },
	{ "version", 'v', VT_BOOL, VK_PLAIN, RISK_NEVER, NULL,
	    "use `docker version`" },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
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
	{ "all-resources", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "ansi", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "compatibility", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "dry-run", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "env-file", 0, VT_ARRAY, VK_PLAIN, 0, NULL, NULL },
	{ "file", 'f', VT_ARRAY, VK_PLAIN, 0, NULL, NULL },
	{ "insecure-registry", 0, VT_ARRAY, VK_PLAIN, RISK_NEVER, NULL,
	    "lets compose talk to registries without TLS" },
	{ "no-ansi", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "parallel", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "profile", 0, VT_ARRAY, VK_PLAIN, 0, NULL, NULL },
	{ "progress", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "project-directory", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "project-name", 'p', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "verbose", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "version", 'v', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "workdir", 0, VT_STRING, VK_PLAIN, RISK_NEVER, NULL,
	    "is a deprecated spelling; write --project-directory" },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

/* Persistent flags of compose: accepted after the subcommand too. */
static const struct flagdef compose_persistent_flags[] = {
	{ "dry-run", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_attach_flags[] = {
	{ "detach-keys", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "index", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "no-stdin", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "sig-proxy", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_build_flags[] = {
	{ "build-arg", 0, VT_ARRAY, VK_PLAIN, 0, NULL, NULL },
	{ "builder", 0, VT_STRING, VK_PLAIN, RISK_NEVER, NULL,
	    "selects a buildx builder, which may run privileged" },
	{ "check", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },	/* uncertain */
	{ "memory", 'm', VT_BYTES, VK_PLAIN, 0, NULL, NULL },
	{ "no-cache", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "print", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "pull", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "push", 0, VT_BOOL, VK_PLAIN, RISK_NEVER, NULL,
	    "pushes the built images to a registry; use compose push" },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "ssh", 0, VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "exposes SSH keys or agent sockets of the gateway host" },
	{ "with-dependencies", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_commit_flags[] = {
	{ "author", 'a', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "change", 'c', VT_LIST, VK_PLAIN, 0, NULL, NULL },
	{ "index", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "message", 'm', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "pause", 'p', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_config_flags[] = {
	{ "environment", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },	/* uncertain */
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "hash", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "images", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "networks", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-consistency", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-interpolate", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-normalize", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-path-resolution", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "output", 'o', VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "compose writes a file on the gateway host" },
	{ "profiles", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "resolve-image-digests", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "services", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "variables", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "volumes", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_cp_flags[] = {
	{ "all", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "archive", 'a', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "follow-link", 'L', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "index", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_create_flags[] = {
	{ "build", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "force-recreate", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-build", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-recreate", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "pull", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "quiet-pull", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "remove-orphans", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "scale", 0, VT_ARRAY, VK_PLAIN, 0, NULL, NULL },
	{ "yes", 'y', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_down_flags[] = {
	{ "remove-orphans", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "rmi", 0, VT_STRING, VK_PLAIN, RISK_DATA_LOSS, NULL,
	    "removes the project's images" },
	{ "timeout", 't', VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "volumes", 'v', VT_BOOL, VK_PLAIN, RISK_DATA_LOSS, NULL,
	    "removes the project's volumes and their data" },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_events_flags[] = {
	{ "json", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "since", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "until", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

/* Like docker exec; -e KEY without a value reads compose's environment. */
static const struct flagdef compose_exec_flags[] = {
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "env", 'e', VT_ARRAY, VK_PLAIN, 0, NULL, NULL },
	{ "index", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "interactive", 'i', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-tty", 'T', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "privileged", 0, VT_BOOL, VK_PLAIN, RISK_PRIVILEGED, NULL,
	    "gives the command full root on the host" },
	{ "tty", 't', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "user", 'u', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "workdir", 'w', VT_STRING, VK_WORKDIR, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_export_flags[] = {
	{ "index", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "output", 'o', VT_STRING, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "compose writes a file on the gateway host" },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_images_flags[] = {
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_kill_flags[] = {
	{ "remove-orphans", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "signal", 's', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_logs_flags[] = {
	{ "follow", 'f', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "index", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "no-color", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-log-prefix", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "since", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "tail", 'n', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "timestamps", 't', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "until", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_ls_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "filter", 0, VT_FILTER, VK_PLAIN, 0, NULL, NULL },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_port_flags[] = {
	{ "index", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "protocol", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_ps_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "filter", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "orphans", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "services", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "status", 0, VT_ARRAY, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_pull_flags[] = {
	{ "ignore-buildable", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "ignore-pull-failures", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "include-deps", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "policy", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_push_flags[] = {
	{ "ignore-push-failures", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "include-deps", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_restart_flags[] = {
	{ "no-deps", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "timeout", 't', VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_rm_flags[] = {
	{ "force", 'f', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "stop", 's', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "volumes", 'v', VT_BOOL, VK_PLAIN, RISK_DATA_LOSS, NULL,
	    "removes the containers' anonymous volumes and their data" },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

/* Like docker run; compose.c refuses relative -v sources (see there). */
static const struct flagdef compose_run_flags[] = {
	{ "build", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "cap-add", 0, VT_ARRAY, VK_CAPADD, 0, NULL, NULL },
	{ "cap-drop", 0, VT_ARRAY, VK_PLAIN, 0, NULL, NULL },
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "entrypoint", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "env", 'e', VT_ARRAY, VK_PLAIN, 0, NULL, NULL },
	{ "env-from-file", 0, VT_ARRAY, VK_PLAIN, RISK_CLIENT_FILES, NULL,
	    "compose reads a file on the gateway host" },
	{ "interactive", 'i', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "label", 'l', VT_ARRAY, VK_LABEL, 0, NULL, NULL },
	{ "name", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "no-deps", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-tty", 'T', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "publish", 'p', VT_ARRAY, VK_PLAIN, 0, NULL, NULL },
	{ "pull", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "quiet-pull", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "remove-orphans", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "rm", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "service-ports", 'P', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "tty", 't', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "use-aliases", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "user", 'u', VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "volume", 'v', VT_ARRAY, VK_VOLUME, 0, NULL, NULL },
	{ "workdir", 'w', VT_STRING, VK_WORKDIR, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_scale_flags[] = {
	{ "no-deps", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_stats_flags[] = {
	{ "all", 'a', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "no-stream", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-trunc", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_stop_flags[] = {
	{ "timeout", 't', VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_up_flags[] = {
	{ "abort-on-container-exit", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "abort-on-container-failure", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "always-recreate-deps", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "attach", 0, VT_ARRAY, VK_PLAIN, 0, NULL, NULL },
	{ "attach-dependencies", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "build", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "detach", 'd', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "exit-code-from", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "force-recreate", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "menu", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-attach", 0, VT_ARRAY, VK_PLAIN, 0, NULL, NULL },
	{ "no-build", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-color", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-deps", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-log-prefix", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-recreate", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "no-start", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "pull", 0, VT_STRING, VK_PLAIN, 0, NULL, NULL },
	{ "quiet-pull", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "remove-orphans", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "renew-anon-volumes", 'V', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "scale", 0, VT_ARRAY, VK_PLAIN, 0, NULL, NULL },
	{ "timeout", 't', VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "timestamps", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "wait", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "wait-timeout", 0, VT_INT, VK_PLAIN, 0, NULL, NULL },
	{ "watch", 'w', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "yes", 'y', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_version_flags[] = {
	{ "format", 'f', VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "short", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_volumes_flags[] = {
	{ "format", 0, VT_STRING, VK_OUTPUT, 0, NULL, NULL },
	{ "quiet", 'q', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_wait_flags[] = {
	{ "down-project", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

static const struct flagdef compose_watch_flags[] = {
	{ "no-up", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "prune", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ "quiet", 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

const struct flagdef commands_persistent_flags[] = {
	{ "help", 'h', VT_BOOL, VK_PLAIN, 0, NULL, NULL },
	{ NULL, 0, VT_BOOL, VK_PLAIN, 0, NULL, NULL },
};

const struct cmddef commands_table[] = {
	{ "container attach", { container_attach_flags },
	    1, P_CONTAINER, P_NONE, 1, 1,
	    0, NULL,
	    "Attach local standard input, output, and error streams to a "
	    "running container",
	    0 },
	{ "container commit", { container_commit_flags },
	    0, P_CONTAINER, P_IMAGE_TAG, 1, 2,
	    0, NULL,	/* the target is judged against the rule's images */
	    "Create a new image from a container's changes",
	    0 },
	{ "container cp", { container_cp_flags },
	    1, P_CPPATH, P_CPPATH, 2, 2,
	    RISK_CLIENT_FILES,
	    "copies files to or from the gateway host",
	    "Copy files/folders between a container and the local filesystem",
	    0 },
	{ "container create", { container_flags },
	    0, P_IMAGE, P_CMD, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Create a new container",
	    0 },
	{ "container diff", { NULL },
	    1, P_CONTAINER, P_NONE, 1, 1,
	    0, NULL,
	    "Inspect changes to files or directories on a container's "
	    "filesystem",
	    0 },
	{ "container exec", { container_exec_flags },
	    0, P_CONTAINER, P_CMD, 2, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Execute a command in a running container",
	    0 },
	{ "container export", { container_export_flags },
	    1, P_CONTAINER, P_NONE, 1, 1,
	    0, NULL,
	    "Export a container's filesystem as a tar archive",
	    0 },
	{ "container inspect", { container_inspect_flags },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Display detailed information on one or more containers",
	    CMD_SHOWS_ENV },
	{ "container kill", { container_kill_flags },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Kill one or more running containers",
	    0 },
	{ "container logs", { container_logs_flags },
	    1, P_CONTAINER, P_NONE, 1, 1,
	    0, NULL,
	    "Fetch the logs of a container",
	    0 },
	{ "container ls", { container_ls_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "List containers",
	    CMD_LABEL_SCOPE },
	{ "container pause", { NULL },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Pause all processes within one or more containers",
	    0 },
	{ "container port", { NULL },
	    1, P_CONTAINER, P_ANY, 1, 2,
	    0, NULL,
	    "List port mappings or a specific mapping for the container",
	    0 },
	{ "container prune", { container_prune_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Remove all stopped containers",
	    0 },
	{ "container rename", { NULL },
	    1, P_CONTAINER, P_ANY, 2, 2,
	    0, NULL,
	    "Rename a container",
	    0 },
	{ "container restart", { container_restart_flags },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Restart one or more containers",
	    0 },
	{ "container rm", { container_rm_flags },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Remove one or more containers",
	    0 },
	{ "container run", { container_flags, run_flags },
	    0, P_IMAGE, P_CMD, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Create and run a new container from an image",
	    0 },
	{ "container start", { container_start_flags },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Start one or more stopped containers",
	    0 },
	{ "container stats", { container_stats_flags },
	    1, P_CONTAINER, P_CONTAINER, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Display a live stream of container(s) resource usage statistics",
	    0 },
	{ "container stop", { container_restart_flags },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Stop one or more running containers",
	    0 },
	{ "container top", { NULL },
	    0, P_CONTAINER, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Display the running processes of a container",
	    0 },
	{ "container unpause", { NULL },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Unpause all processes within one or more containers",
	    0 },
	{ "container update", { container_update_flags },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Update configuration of one or more containers",
	    0 },
	{ "container wait", { NULL },
	    1, P_CONTAINER, P_CONTAINER, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Block until one or more containers stop, then print their exit "
	    "codes",
	    0 },
	{ "image build", { image_build_flags },
	    1, P_CONTEXT, P_NONE, 1, 1,
	    0, NULL,
	    "Build an image from a Dockerfile",
	    CMD_BUILD },
	{ "image history", { image_history_flags },
	    1, P_IMAGE, P_NONE, 1, 1,
	    0, NULL,
	    "Show the history of an image",
	    0 },
	{ "image import", { image_import_flags },
	    1, P_PATH, P_IMAGE_TAG, 1, 2,
	    0, NULL,	/* the source path and the tag are judged as positionals */
	    "Import the contents from a tarball to create a filesystem image",
	    0 },
	{ "image inspect", { image_inspect_flags },
	    1, P_IMAGE, P_IMAGE, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Display detailed information on one or more images",
	    CMD_SHOWS_ENV },	/* Config.Env, ContainerConfig.Env */
	{ "image load", { image_load_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    RISK_IMAGE_TAGS,
	    "writes the image tags named inside the archive",
	    "Load an image from a tar archive or STDIN",
	    0 },
	{ "image ls", { image_ls_flags },
	    1, P_IMAGE, P_NONE, 0, 1,
	    0, NULL,
	    "List images",
	    0 },
	{ "image prune", { image_prune_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Remove unused images",
	    0 },
	{ "image pull", { image_pull_flags },
	    1, P_IMAGE, P_NONE, 1, 1,
	    0, NULL,
	    "Download an image from a registry",
	    0 },
	{ "image push", { image_pull_flags },
	    1, P_IMAGE, P_NONE, 1, 1,
	    0, NULL,
	    "Upload an image to a registry",
	    0 },
	{ "image rm", { image_rm_flags },
	    1, P_IMAGE, P_IMAGE, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Remove one or more images",
	    0 },
	{ "image save", { image_save_flags },
	    1, P_IMAGE, P_IMAGE, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Save one or more images to a tar archive (streamed to STDOUT by "
	    "default)",
	    0 },
	{ "image tag", { NULL },
	    0, P_ANY, P_IMAGE_TAG, 2, 2,	/* the source is only read */
	    0, NULL,	/* the target is judged against the rule's images */
	    "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
	    0 },
	{ "system df", { system_df_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Show docker disk usage",
	    0 },
	{ "system dial-stdio", { NULL },
	    1, P_NONE, P_NONE, 0, 0,
	    RISK_NEVER,
	    "system dial-stdio is a raw tunnel to the Docker API",
	    "Proxy the stdio stream to the daemon connection",
	    0 },
	{ "system events", { system_events_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Get real time events from the server",
	    CMD_LABEL_SCOPE },
	{ "system info", { system_info_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Display system-wide information",
	    0 },
	{ "system prune", { system_prune_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Remove unused data",
	    0 },
	{ "inspect", { inspect_flags },
	    1, P_OBJECT, P_OBJECT, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Return low-level information on Docker objects",
	    CMD_SHOWS_ENV },
	{ "version", { version_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Show the Docker version information",
	    0 },
	{ "network connect", { network_connect_flags },
	    1, P_NETWORK, P_CONTAINER, 2, 2,
	    0, NULL,
	    "Connect a container to a network",
	    0 },
	{ "network create", { network_create_flags },
	    1, P_NETWORK, P_NONE, 1, 1,
	    0, NULL,
	    "Create a network",
	    0 },
	{ "network disconnect", { network_disconnect_flags },
	    1, P_NETWORK, P_CONTAINER, 2, 2,
	    0, NULL,
	    "Disconnect a container from a network",
	    0 },
	{ "network inspect", { network_inspect_flags },
	    1, P_NETWORK, P_NETWORK, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Display detailed information on one or more networks",
	    0 },
	{ "network ls", { network_ls_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "List networks",
	    0 },
	{ "network prune", { container_prune_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Remove all unused networks",
	    0 },
	{ "network rm", { network_disconnect_flags },
	    1, P_NETWORK, P_NETWORK, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Remove one or more networks",
	    0 },
	{ "volume create", { volume_create_flags },
	    1, P_VOLUME, P_NONE, 0, 1,
	    0, NULL,
	    "Create a volume",
	    0 },
	{ "volume inspect", { system_info_flags },
	    1, P_VOLUME, P_VOLUME, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Display detailed information on one or more volumes",
	    0 },
	{ "volume ls", { volume_ls_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "List volumes",
	    0 },
	{ "volume prune", { volume_prune_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    RISK_DATA_LOSS,
	    "removes volumes and their data",
	    "Remove unused local volumes",
	    0 },
	{ "volume rm", { network_disconnect_flags },
	    1, P_VOLUME, P_VOLUME, 1, CMD_ARGS_UNBOUNDED,
	    RISK_DATA_LOSS,
	    "removes volumes and their data",
	    "Remove one or more volumes. You cannot remove a volume that is "
	    "in use by a container.",
	    0 },
	{ "volume update", { volume_update_flags },
	    1, P_VOLUME, P_NONE, 0, 1,
	    0, NULL,
	    "Update a volume (cluster volumes only)",
	    0 },
	{ "plugin create", { plugin_create_flags },
	    1, P_ANY, P_ANY, 2, 2,
	    RISK_NEVER,
	    "engine plugins run with host privileges",
	    "Create a plugin from a rootfs and configuration. Plugin data "
	    "directory must contain config.json and rootfs directory.",
	    0 },
	{ "plugin disable", { network_disconnect_flags },
	    1, P_ANY, P_ANY, 1, 1,
	    RISK_NEVER,
	    "engine plugins run with host privileges",
	    "Disable a plugin",
	    0 },
	{ "plugin enable", { plugin_enable_flags },
	    1, P_ANY, P_ANY, 1, 1,
	    RISK_NEVER,
	    "engine plugins run with host privileges",
	    "Enable a plugin",
	    0 },
	{ "plugin inspect", { system_info_flags },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER,
	    "engine plugins run with host privileges",
	    "Display detailed information on one or more plugins",
	    0 },
	{ "plugin install", { plugin_install_flags },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER,
	    "engine plugins run with host privileges",
	    "Install a plugin",
	    0 },
	{ "plugin ls", { network_ls_flags },
	    1, P_ANY, P_ANY, 0, 0,
	    RISK_NEVER,
	    "engine plugins run with host privileges",
	    "List plugins",
	    0 },
	{ "plugin push", { plugin_push_flags },
	    1, P_ANY, P_ANY, 1, 1,
	    RISK_NEVER,
	    "engine plugins run with host privileges",
	    "Push a plugin to a registry",
	    0 },
	{ "plugin rm", { network_disconnect_flags },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER,
	    "engine plugins run with host privileges",
	    "Remove one or more plugins",
	    0 },
	{ "plugin set", { NULL },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER,
	    "engine plugins run with host privileges",
	    "Change settings for a plugin",
	    0 },
	{ "plugin upgrade", { plugin_upgrade_flags },
	    1, P_ANY, P_ANY, 1, 2,
	    RISK_NEVER,
	    "engine plugins run with host privileges",
	    "Upgrade an existing plugin",
	    0 },
	{ "context create", { context_create_flags },
	    1, P_ANY, P_ANY, 1, 1,
	    RISK_NEVER,
	    "contexts redirect the docker CLI to another engine",
	    "Create a context",
	    0 },
	{ "context export", { context_export_flags },
	    1, P_ANY, P_ANY, 1, 2,
	    RISK_NEVER,
	    "contexts redirect the docker CLI to another engine",
	    "Export a context to a tar archive FILE or a tar stream on "
	    "STDOUT.",
	    0 },
	{ "context import", { NULL },
	    1, P_ANY, P_ANY, 2, 2,
	    RISK_NEVER,
	    "contexts redirect the docker CLI to another engine",
	    "Import a context from a tar or zip file",
	    0 },
	{ "context inspect", { system_info_flags },
	    1, P_ANY, P_ANY, 0, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER,
	    "contexts redirect the docker CLI to another engine",
	    "Display detailed information on one or more contexts",
	    0 },
	{ "context ls", { context_ls_flags },
	    1, P_ANY, P_ANY, 0, 0,
	    RISK_NEVER,
	    "contexts redirect the docker CLI to another engine",
	    "List contexts",
	    0 },
	{ "context rm", { network_disconnect_flags },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER,
	    "contexts redirect the docker CLI to another engine",
	    "Remove one or more contexts",
	    0 },
	{ "context show", { NULL },
	    1, P_ANY, P_ANY, 0, 0,
	    RISK_NEVER,
	    "contexts redirect the docker CLI to another engine",
	    "Print the name of the current context",
	    0 },
	{ "context update", { context_update_flags },
	    1, P_ANY, P_ANY, 1, 1,
	    RISK_NEVER,
	    "contexts redirect the docker CLI to another engine",
	    "Update a context",
	    0 },
	{ "context use", { NULL },
	    1, P_ANY, P_ANY, 1, 1,
	    RISK_NEVER,
	    "contexts redirect the docker CLI to another engine",
	    "Set the current docker context",
	    0 },
	{ "builder prune", { builder_prune_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Remove build cache",
	    0 },
	{ "config create", { config_create_flags },
	    1, P_ANY, P_PATH, 2, 2,
	    RISK_CLIENT_FILES,
	    "the docker CLI reads a file on the gateway host",
	    "Create a config from a file or STDIN",
	    0 },
	{ "config inspect", { config_inspect_flags },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Display detailed information on one or more configs",
	    0 },
	{ "config ls", { config_ls_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "List configs",
	    0 },
	{ "config rm", { NULL },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Remove one or more configs",
	    0 },
	{ "secret create", { secret_create_flags },
	    1, P_ANY, P_PATH, 1, 2,
	    RISK_CLIENT_FILES,
	    "the docker CLI reads a file on the gateway host",
	    "Create a secret from a file or STDIN as content",
	    0 },
	{ "secret inspect", { config_inspect_flags },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Display detailed information on one or more secrets",
	    0 },
	{ "secret ls", { config_ls_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "List secrets",
	    0 },
	{ "secret rm", { NULL },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Remove one or more secrets",
	    0 },
	{ "node demote", { NULL },
	    1, P_NODE, P_NODE, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Demote one or more nodes from manager in the swarm",
	    0 },
	{ "node inspect", { config_inspect_flags },
	    1, P_NODE, P_NODE, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Display detailed information on one or more nodes",
	    0 },
	{ "node ls", { config_ls_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "List nodes in the swarm",
	    0 },
	{ "node promote", { NULL },
	    1, P_NODE, P_NODE, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Promote one or more nodes to manager in the swarm",
	    0 },
	{ "node ps", { node_ps_flags },
	    1, P_NODE, P_NODE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "List tasks running on one or more nodes, defaults to current "
	    "node",
	    0 },
	{ "node rm", { network_disconnect_flags },
	    1, P_NODE, P_NODE, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Remove one or more nodes from the swarm",
	    0 },
	{ "node update", { node_update_flags },
	    1, P_NODE, P_NONE, 1, 1,
	    0, NULL,
	    "Update a node",
	    0 },
	{ "service create", { service_create_flags },
	    0, P_IMAGE, P_CMD, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Create a new service",
	    0 },
	{ "service inspect", { config_inspect_flags },
	    1, P_SERVICE, P_SERVICE, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Display detailed information on one or more services",
	    CMD_SHOWS_ENV },
	{ "service logs", { service_logs_flags },
	    1, P_SERVICE, P_NONE, 1, 1,
	    0, NULL,
	    "Fetch the logs of a service or task",
	    0 },
	{ "service ls", { config_ls_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "List services",
	    0 },
	{ "service ps", { node_ps_flags },
	    1, P_SERVICE, P_SERVICE, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "List the tasks of one or more services",
	    0 },
	{ "service rm", { NULL },
	    1, P_SERVICE, P_SERVICE, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Remove one or more services",
	    0 },
	{ "service rollback", { service_rollback_flags },
	    1, P_SERVICE, P_NONE, 1, 1,
	    0, NULL,
	    "Revert changes to a service's configuration",
	    0 },
	{ "service scale", { service_scale_flags },
	    1, P_SERVICE, P_SERVICE, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Scale one or multiple replicated services",
	    0 },
	{ "service update", { service_update_flags },
	    1, P_SERVICE, P_NONE, 1, 1,
	    0, NULL,
	    "Update a service",
	    0 },
	{ "stack config", { stack_config_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Outputs the final config file, after doing merges and "
	    "interpolations",
	    0 },
	{ "stack deploy", { stack_deploy_flags },
	    1, P_ANY, P_NONE, 1, 1,
	    0, NULL,
	    "Deploy a new stack or update an existing stack",
	    0 },
	{ "stack ls", { stack_ls_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "List stacks",
	    0 },
	{ "stack ps", { stack_ps_flags },
	    1, P_ANY, P_NONE, 1, 1,
	    0, NULL,
	    "List the tasks in the stack",
	    0 },
	{ "stack rm", { stack_rm_flags },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Remove one or more stacks",
	    0 },
	{ "stack services", { stack_services_flags },
	    1, P_ANY, P_NONE, 1, 1,
	    0, NULL,
	    "List the services in the stack",
	    0 },
	{ "swarm ca", { swarm_ca_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Display and rotate the root CA",
	    0 },
	{ "swarm init", { swarm_init_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Initialize a swarm",
	    0 },
	{ "swarm join", { swarm_join_flags },
	    1, P_ANY, P_NONE, 1, 1,
	    0, NULL,
	    "Join a swarm as a node and/or manager",
	    0 },
	{ "swarm join-token", { swarm_join_token_flags },
	    1, P_ANY, P_NONE, 1, 1,
	    0, NULL,
	    "Manage join tokens",
	    0 },
	{ "swarm leave", { network_disconnect_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Leave the swarm",
	    0 },
	{ "swarm unlock", { NULL },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Unlock swarm",
	    0 },
	{ "swarm unlock-key", { swarm_join_token_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Manage the unlock key",
	    0 },
	{ "swarm update", { swarm_update_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Update the swarm",
	    0 },
	{ "checkpoint create", { checkpoint_create_flags },
	    1, P_CONTAINER, P_ANY, 2, 2,
	    0, NULL,
	    "Create a checkpoint from a running container",
	    0 },
	{ "checkpoint ls", { checkpoint_ls_flags },
	    1, P_CONTAINER, P_NONE, 1, 1,
	    0, NULL,
	    "List checkpoints for a container",
	    0 },
	{ "checkpoint rm", { checkpoint_ls_flags },
	    1, P_CONTAINER, P_ANY, 2, 2,
	    0, NULL,
	    "Remove a checkpoint",
	    0 },
	{ "manifest annotate", { manifest_annotate_flags },
	    1, P_ANY, P_ANY, 2, 2,
	    RISK_CLIENT_FILES,
	    "manifest lists live in the docker CLI configuration directory",
	    "Add additional information to a local image manifest",
	    0 },
	{ "manifest create", { manifest_create_flags },
	    1, P_ANY, P_ANY, 2, CMD_ARGS_UNBOUNDED,
	    RISK_CLIENT_FILES,
	    "manifest lists live in the docker CLI configuration directory",
	    "Create a local manifest list for annotating and pushing to a "
	    "registry",
	    0 },
	{ "manifest inspect", { manifest_inspect_flags },
	    1, P_ANY, P_ANY, 1, 2,
	    0, NULL,
	    "Display an image manifest, or manifest list",
	    0 },
	{ "manifest push", { manifest_push_flags },
	    1, P_ANY, P_NONE, 1, 1,
	    RISK_CLIENT_FILES,
	    "manifest lists live in the docker CLI configuration directory",
	    "Push a manifest list to a repository",
	    0 },
	{ "manifest rm", { NULL },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    RISK_CLIENT_FILES,
	    "manifest lists live in the docker CLI configuration directory",
	    "Delete one or more manifest lists from local storage",
	    0 },
	{ "login", { login_flags },
	    1, P_ANY, P_NONE, 0, 1,
	    RISK_CLIENT_FILES,
	    "stores registry credentials in the docker CLI configuration",
	    "Authenticate to a registry.",
	    0 },
	{ "logout", { NULL },
	    1, P_ANY, P_NONE, 0, 1,
	    RISK_CLIENT_FILES,
	    "changes registry credentials in the docker CLI configuration",
	    "Log out from a registry.",
	    0 },
	{ "search", { search_flags },
	    1, P_ANY, P_NONE, 1, 1,
	    0, NULL,
	    "Search Docker Hub for images",
	    0 },
	{ "compose", { compose_global_flags },
	    0, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Docker Compose (plugin): docker compose [FLAGS] SUBCOMMAND",
	    CMD_GROUP_FLAGS },
	{ "compose attach", { compose_attach_flags, compose_persistent_flags },
	    1, P_SERVICE, P_NONE, 1, 1,
	    0, NULL,
	    "Attach local standard input, output, and error streams to a "
	    "service's running container",
	    CMD_PROJECT },
	{ "compose build", { compose_build_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Build or rebuild services",
	    CMD_PROJECT },
	{ "compose commit", { compose_commit_flags, compose_persistent_flags },
	    1, P_SERVICE, P_IMAGE_TAG, 1, 2,
	    0, NULL,
	    "Create a new image from a service container's changes",
	    CMD_PROJECT },
	{ "compose config", { compose_config_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Parse, resolve and render compose file in canonical format",
	    CMD_PROJECT | CMD_SHOWS_ENV },
	{ "compose cp", { compose_cp_flags, compose_persistent_flags },
	    1, P_CPPATH, P_CPPATH, 2, 2,
	    RISK_CLIENT_FILES,
	    "copies files between a container and the gateway host",
	    "Copy files/folders between a service container and the local"
	    " filesystem",
	    CMD_PROJECT },
	{ "compose create", { compose_create_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Creates containers for a service",
	    CMD_PROJECT },
	{ "compose down", { compose_down_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Stop and remove containers, networks",
	    CMD_PROJECT },
	{ "compose events", { compose_events_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Receive real time events from containers",
	    CMD_PROJECT },
	{ "compose exec", { compose_exec_flags, compose_persistent_flags },
	    0, P_SERVICE, P_CMD, 2, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Execute a command in a running container",
	    CMD_PROJECT },
	{ "compose export", { compose_export_flags, compose_persistent_flags },
	    1, P_SERVICE, P_NONE, 1, 1,
	    0, NULL,
	    "Export a service container's filesystem as a tar archive",
	    CMD_PROJECT },
	{ "compose images", { compose_images_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "List images used by the created containers",
	    CMD_PROJECT },
	{ "compose kill", { compose_kill_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Force stop service containers",
	    CMD_PROJECT },
	{ "compose logs", { compose_logs_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "View output from containers",
	    CMD_PROJECT },
	{ "compose ls", { compose_ls_flags, compose_persistent_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "List running compose projects",
	    0 },
	{ "compose pause", { compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Pause services",
	    CMD_PROJECT },
	{ "compose port", { compose_port_flags, compose_persistent_flags },
	    1, P_SERVICE, P_ANY, 2, 2,
	    0, NULL,
	    "Print the public port for a port binding",
	    CMD_PROJECT },
	{ "compose ps", { compose_ps_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "List containers",
	    CMD_PROJECT },
	{ "compose pull", { compose_pull_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Pull service images",
	    CMD_PROJECT },
	{ "compose push", { compose_push_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Push service images",
	    CMD_PROJECT },
	{ "compose restart",
	    { compose_restart_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Restart service containers",
	    CMD_PROJECT },
	{ "compose rm", { compose_rm_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Removes stopped service containers",
	    CMD_PROJECT },
	{ "compose run", { compose_run_flags, compose_persistent_flags },
	    0, P_SERVICE, P_CMD, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Run a one-off command on a service",
	    CMD_PROJECT },
	{ "compose scale", { compose_scale_flags, compose_persistent_flags },
	    1, P_ANY, P_ANY, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Scale services",
	    CMD_PROJECT },
	{ "compose start", { compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Start services",
	    CMD_PROJECT },
	{ "compose stats", { compose_stats_flags, compose_persistent_flags },
	    1, P_SERVICE, P_NONE, 0, 1,
	    0, NULL,
	    "Display a live stream of container(s) resource usage statistics",
	    CMD_PROJECT },
	{ "compose stop", { compose_stop_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Stop services",
	    CMD_PROJECT },
	{ "compose top", { compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Display the running processes",
	    CMD_PROJECT },
	{ "compose unpause", { compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Unpause services",
	    CMD_PROJECT },
	{ "compose up", { compose_up_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Create and start containers",
	    CMD_PROJECT },
	{ "compose version",
	    { compose_version_flags, compose_persistent_flags },
	    1, P_NONE, P_NONE, 0, 0,
	    0, NULL,
	    "Show the Docker Compose version information",
	    0 },
	{ "compose volumes",
	    { compose_volumes_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "List volumes",
	    CMD_PROJECT },
	{ "compose wait", { compose_wait_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 1, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Block until containers of all (or specified) services stop.",
	    CMD_PROJECT },
	{ "compose watch", { compose_watch_flags, compose_persistent_flags },
	    1, P_SERVICE, P_SERVICE, 0, CMD_ARGS_UNBOUNDED,
	    0, NULL,
	    "Watch build context for service and rebuild/refresh "
	    "containers when files are updated",
	    CMD_PROJECT },
	{ "compose alpha", { compose_persistent_flags },
	    0, P_ANY, P_ANY, 0, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER, "experimental commands are not supported",
	    "Experimental commands",
	    0 },
	{ "compose bridge", { compose_persistent_flags },
	    0, P_ANY, P_ANY, 0, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER, "writes converted project files on the gateway host",
	    "Convert compose files into another model",
	    0 },
	{ "compose publish", { compose_persistent_flags },
	    0, P_ANY, P_ANY, 0, CMD_ARGS_UNBOUNDED,
	    RISK_NEVER,
	    "uploads the project, with its environment files, to a registry",
	    "Publish compose application",
	    0 },
	{ NULL, { NULL }, 0, P_NONE, P_NONE, 0, 0, 0, NULL, NULL, 0 },
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
	{ NULL, NULL },
};


/* ---------------------------------------------------------------------- */

const struct cmddef *
commands_find(const char *canon)
{
	const struct cmddef *c;

	if (canon == NULL)
		return NULL;
	for (c = commands_table; c->name != NULL; c++)
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
#define ALIAS_MAX	2048	/* spellings in commands_aliases */

static short	 alias_head[256];
static short	 alias_chain[ALIAS_MAX];
static int	 alias_indexed;
static const struct cmddef *alias_cmd[ALIAS_MAX];	/* canon, memoized */

static void
index_aliases(void)
{
	const struct cmdalias *a;
	int i, n = 0;

	for (i = 0; i < 256; i++)
		alias_head[i] = -1;
	for (a = commands_aliases; a->words != NULL && n < ALIAS_MAX; a++)
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
	if (alias_cmd[best] == NULL)
		alias_cmd[best] = commands_find(commands_aliases[best].canon);
	return alias_cmd[best];
}

int
commands_is_group(const char *word)
{
	const struct cmdalias *a;
	size_t len;

	if (word == NULL)
		return 0;
	len = strlen(word);
	for (a = commands_aliases; a->words != NULL; a++)
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
	for (g = commands_table; g->name != NULL; g++)
		if ((g->traits & CMD_GROUP_FLAGS) && strlen(g->name) == len &&
		    strncmp(g->name, cmd->name, len) == 0)
			return g;
	return NULL;
}

/* The command's own flag named `name' (long), searching all its sets. */
static const struct flagdef *
own_flag(const struct cmddef *cmd, const char *name, char c)
{
	const struct flagdef *f;
	size_t i;

	for (i = 0; i < CMD_MAX_FLAGSETS; i++) {
		if (cmd->flagsets[i] == NULL)
			continue;
		for (f = cmd->flagsets[i]; f->name != NULL; f++) {
			if (name != NULL && strcmp(f->name, name) == 0)
				return f;
			if (name == NULL && c != 0 && f->shorthand == c)
				return f;
		}
	}
	return NULL;
}

static const struct flagdef *
set_flag(const struct flagdef *set, const char *name, char c)
{
	const struct flagdef *f;

	for (f = set; f->name != NULL; f++) {
		if (name != NULL && strcmp(f->name, name) == 0)
			return f;
		if (name == NULL && c != 0 && f->shorthand == c)
			return f;
	}
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
	return set_flag(commands_persistent_flags, name, 0);
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
	if ((f = set_flag(commands_persistent_flags, NULL, c)) == NULL)
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
	return f->alias_of != NULL ? f->alias_of : f->name;
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
