#!/bin/sh
# Installs the Debian/Ubuntu packages that building and testing dockergate
# need, when they are missing.  Used by .ci/run and `make deps` (as root).
set -eu
pkgs="build-essential pkg-config libyaml-dev libjansson-dev libcmocka-dev
	libssh-dev openssh-server openssh-client docker.io busybox-static
	clang libclang-rt-14-dev hyperfine python3 sudo time curl iproute2
	procps passwd acl mandoc valgrind cppcheck clang-tidy clang-tools-14
	nix-bin debhelper dpkg-dev lintian man-db autopkgtest"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
	    missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
