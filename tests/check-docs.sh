#!/bin/sh
# Documentation stays in step with the code: the man pages lint clean, every
# risk class and every command-line option is documented, and every example
# policy passes --check.
. tests/lib.sh
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

if ! command -v mandoc >/dev/null; then
	bad "mandoc is not installed (tests/deps.sh installs it)"
else
	out=$(mandoc -T lint -W warning man/*.[158] 2>&1 |
	    grep -v "outdated mandoc.db")
	[ -z "$out" ] && ok || bad "mandoc lint: $out"
fi
# The risk classes as the binary knows them (commands.c's table): the
# "valid:" list --check prints for an unknown class (--content-only: no owner
# check, so this needs no root).
t=$(mktemp -d) || exit 1
printf 'version: 1\nroles:\n  r:\n    allow:\n      - command: run\n%s\n' \
    '        unsafe: [-]' >"$t/classes.yaml"
classes=$("$DG" --check --content-only --policy "$t/classes.yaml" 2>&1 |
    sed -n 's/.*unknown risk class "-" (valid: \(.*\))$/\1/p' | tr -d ,)
rm -rf "$t"
[ "$(echo $classes | wc -w)" -gt 1 ] && ok ||
    bad "no list of risk classes from $DG --check"
for class in $classes; do
	grep -q -- "$class" man/dockergate.yaml.5 && ok ||
	    bad "risk class $class is not in dockergate.yaml(5)"
	grep -q -- "$class" README.md && ok ||
	    bad "risk class $class is not in README.md"
done
for opt in $("$DG" --help | grep -o -- '--[a-z][a-z-]*' | sort -u) doctor; do
	grep -q -- "${opt#--}" man/dockergate.8 && ok ||
	    bad "option $opt of --help is not in dockergate.8"
	grep -q -- "$opt" README.md && ok ||
	    bad "option $opt of --help is not in README.md"
done
d=$(dg_secure_dir) || exit 1
trap 'rm -rf "$d"' EXIT
for p in policy/*.yaml; do
	cp "$p" "$d/p.yaml" && chmod 644 "$d/p.yaml"
	"$DG" --check --policy "$d/p.yaml" >/dev/null && ok ||
	    bad "$p does not pass --check"
done
echo "docs: $pass passed, $fail failed"
[ "$fail" = 0 ]
