/*
 * mounts.h: -v / --volume, --mount and --tmpfs specs -> normalized mounts,
 * read the way the docker CLI and then the daemon read them.
 */
#ifndef DG_MOUNTS_H
#define DG_MOUNTS_H

enum mount_type {
	MOUNT_BIND,	/* host path */
	MOUNT_VOLUME,	/* named volume */
	MOUNT_ANON,	/* anonymous volume (no source) */
	MOUNT_TMPFS,
	MOUNT_IMAGE,	/* --mount type=image */
	MOUNT_OTHER,	/* npipe, cluster, anything else: never allowed */
};

struct mount {
	enum mount_type	 type;
	char		*source;	/* bind: absolute, lexically cleaned
					   ('.'-relative resolved against cwd);
					   volume: name; else NULL */
	char		*target;
	int		 readonly;
	int		 has_driver;	/* volume-driver given */
	int		 has_driver_opts;/* volume-opt given */
	int		 create_src;	/* bind-create-src */
	int		 dotdot;	/* the source as given had a ".."
					   component */
	char		*propagation;	/* bind-propagation or -v mode, or
					   NULL */
};

/*
 * Parse one -v spec.  cwd is the directory relative sources are resolved
 * against (the docker CLI's working directory).  Returns 0 or -1 with
 * *errstr.  The caller frees with mounts_free.
 */
int	 mounts_parse_volume(const char *spec, const char *cwd,
	    struct mount *m, const char **errstr);

/* Parse one --mount CSV value (case-insensitive keys, last key wins). */
int	 mounts_parse_mount(const char *csv, const char *cwd,
	    struct mount *m, const char **errstr);

/* Parse one --tmpfs value. */
int	 mounts_parse_tmpfs(const char *spec, struct mount *m,
	    const char **errstr);

void	 mounts_free(struct mount *);	/* frees members; accepts NULL */

/*
 * Lexically clean an absolute path ("//a/./b/../c" -> "/a/c").  Returns a
 * new string (caller frees); NULL if path is not absolute.
 */
char	*mounts_clean_path(const char *path);

/* 1 if the clean absolute path is dir or below it ("/proc", "/proc/x"). */
int	 mounts_under(const char *path, const char *dir);

/*
 * 1 if the mount's target (clean) is at or below /proc, /sys or /dev, the
 * kernel's interfaces inside the container, other than /dev/shm.
 */
int	 mounts_target_kernel(const struct mount *m);

/*
 * Split one Go encoding/csv record (first line only, fields quoted only when
 * they start with '"').  Returns 0 and fills out, or -1 with *errstr.
 */
struct strv;
int	 mounts_csv(const char *s, struct strv *out, const char **errstr);

#endif
