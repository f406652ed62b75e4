#!/bin/sh
# Installs the Debian/Ubuntu packages that building and testing dockergate
# need, when they are missing.  Used by .ci/run and `make deps` (as root).
set -eu
pkgs="build-essential pkg-config libyaml-dev libjansson-dev libcmocka-dev
	libssh-dev openssh-server openssh-client docker.io busybox-static
	clang libclang-rt-14-dev hyperfine python3 sudo time curl iproute2
	procps passwd acl mandoc valgrind cppcheck clang-tidy clang-tools-14
	nix-bin debhelper dpkg-dev lintian man-db autopkgtest nodejs"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
	    missing="$missing $p"
done
export DEBIAN_FRONTEND=noninteractive
if [ -n "$missing" ]; then
	echo "installing:$missing"
	apt-get update -q
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing
fi
# npm: Debian's package, unless the nodejs installed brings its own.
command -v npm >/dev/null 2>&1 ||
    apt-get install -y -q --no-install-recommends npm
# The MCP e2e and benchmark client: the official MCP TypeScript SDK at the
# version tests/mcp/package-lock.json pins, into tests/mcp/node_modules
# (git-ignored), no install scripts run.
cd "$(dirname "$0")/mcp"
[ node_modules/.package-lock.json -nt package-lock.json ] ||
    npm ci --no-audit --no-fund --ignore-scripts
