#!/bin/sh
# tests/check-drift.sh: the command table (src/commands.c) against the
# installed docker CLIs.  Run from the project root by tests/check.sh with
# $BUILD set.
#
# For every docker CLI found and every command of the table (except the
# compose plugin), `docker WORDS --help` is run offline with a clean
# environment and its Options/Flags section is compared with the table.
# It fails on a flag the CLI has and the table lacks, and on a flag whose
# arity (bool vs value) or shorthand differs.  The table is the union over
# CLI versions, so table rows the CLI lacks are expected and not reported.
BUILD=${BUILD:-build}
DOCKERS="/usr/local/bin/docker /usr/bin/docker"

# Known, genuine version differences: "CLI-VERSION-PREFIX CANON --LONG WHAT".
# docker 20.10 gives -t to --time on stop/restart; 23.0+ renamed it
# --timeout (-t) and kept --time hidden, without shorthand.  The table
# gives -t to --time, which every CLI reads (the canonical argv must run
# on Debian's 20.10 too); -t means the same in both.
ALLOW="28. container stop --timeout short
28. container restart --timeout short
29. container stop --timeout short
29. container restart --timeout short"

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/home"

sanflags=
[ "${SANITIZE:-0}" = 1 ] && sanflags="-fsanitize=address,undefined"
# shellcheck disable=SC2046
if ! ${CC:-cc} $sanflags -Iinclude tests/tools/dumptable.c "$BUILD/libdg.a" \
    $(pkg-config --libs yaml-0.1 jansson) -o "$BUILD/dumptable"; then
	echo "check-drift: cannot build $BUILD/dumptable" >&2
	exit 1
fi
"$BUILD/dumptable" > "$tmp/table" || exit 1

# Prints "--long<TAB>short-or-dash<TAB>bool|value" for each flag of the
# Options:/Flags:/Global Options: sections of a --help text on stdin.  A
# type word after the name means the flag takes a value.
parse_help() {
	awk '
	/^(Global )?(Options|Flags):$/ { sec = 1; next }
	sec && (/^$/ || /^[^ ]/) { sec = 0 }
	sec && (/^  -[^ ], --[A-Za-z0-9]/ || /^      --[A-Za-z0-9]/) {
		line = $0
		sub(/^ +/, "", line)
		short = "-"
		if (line ~ /^-[^-], /) {
			short = substr(line, 1, 2)
			line = substr(line, 5)
		}
		n = split(line, w, / /)
		long = w[1]
		arity = (n >= 2 && w[2] != "") ? "value" : "bool"
		printf "%s\t%s\t%s\n", long, short, arity
	}'
}

allowed() {	# version canon long what
	printf '%s\n' "$ALLOW" | while read -r v c1 c2 l w; do
		case $1 in "$v"*) ;; *) continue ;; esac
		[ "$c1 $c2" = "$2" ] && [ "$l" = "$3" ] && [ "$w" = "$4" ] &&
		    echo yes && break
	done
}

fail=0
checked=0
problems=0
found=0
report() {
	echo "drift: $*"
	problems=$((problems + 1))
}

check_flag() {	# docker version canon long short arity
	row=$(awk -F '\t' -v c="$3" -v l="$4" \
	    '$1 == c && $2 == l { print $3 "\t" $4; exit }' "$tmp/table")
	if [ -z "$row" ]; then
		report "$1 ($2): $3: $4 is missing from the table"
		return
	fi
	tshort=${row%%	*}
	tarity=${row#*	}
	if [ "$tarity" != "$6" ]; then
		report "$1 ($2): $3: $4 is $6 in the CLI, $tarity in the table"
	fi
	if [ "$tshort" != "$5" ] && [ -z "$(allowed "$2" "$3" "$4" short)" ]
	then
		report "$1 ($2): $3: $4 has shorthand $5 in the CLI," \
		    "$tshort in the table"
	fi
}

check_command() {	# docker version canon
	words=$3
	[ "$3" = "(global)" ] && words=
	# shellcheck disable=SC2086
	env -i HOME="$tmp/home" PATH=/usr/bin:/bin \
	    DOCKER_HOST="unix://$tmp/none.sock" \
	    "$1" $words --help > "$tmp/help" 2>&1 < /dev/null
	# A command this CLI version lacks prints its parent's usage.
	if [ -n "$words" ] &&
	    ! grep -q "^Usage:.*docker $words " "$tmp/help" &&
	    ! grep -q "^Usage:.*docker $words\$" "$tmp/help"; then
		return
	fi
	checked=$((checked + 1))
	parse_help < "$tmp/help" > "$tmp/flags"
	while IFS='	' read -r long short arity; do
		[ "$long" = "--help" ] && continue
		check_flag "$1" "$2" "$3" "$long" "$short" "$arity"
	done < "$tmp/flags"
}

for docker in $DOCKERS; do
	[ -x "$docker" ] || continue
	found=$((found + 1))
	ver=$(env -i HOME="$tmp/home" "$docker" --version 2>/dev/null |
	    sed -n 's/^Docker version \([0-9][0-9.]*\).*/\1/p')
	[ -n "$ver" ] || ver=unknown
	cut -f1 "$tmp/table" | uniq > "$tmp/canons"
	while read -r canon; do
		case $canon in compose) continue ;; esac
		check_command "$docker" "$ver" "$canon"
	done < "$tmp/canons"
	[ "$problems" = 0 ] || fail=1
	echo "drift: $docker ($ver): $checked commands, $problems problems"
	checked=0
	problems=0
done

if [ "$found" = 0 ]; then
	if [ "${CI:-}" = true ]; then
		echo "drift: no docker CLI installed" >&2
		exit 1
	fi
	echo "drift: skipped: no docker CLI installed"
	exit 0
fi
[ "$fail" = 0 ] && echo "drift: ok" || echo "drift: FAILED"
exit "$fail"
