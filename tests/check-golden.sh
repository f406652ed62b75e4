#!/bin/sh
# Golden files: token dumps (words), parsed requests (canonical argv) and
# decisions, as `dockergate --explain --json` prints them, for every line of
# tests/data/golden/*.in, compared with the .out beside it.  UPDATE=1
# rewrites the .out files (review the diff before committing it).
. tests/lib.sh
d=$(dg_secure_dir) || exit 1
trap 'rm -rf "$d"' EXIT
g=tests/data/golden
cp "$g/policy.yaml" "$d/policy.yaml" && chmod 644 "$d/policy.yaml"
fail=0
n=0
for in in "$g"/*.in; do
	out=${in%.in}.out
	got="$d/$(basename "$out")"
	while IFS= read -r line; do
		printf '$ %s\n' "$line"
		"$DG" --explain --json --policy "$d/policy.yaml" --role golden \
		    "$line" 2>&1
		echo "exit $?"
	done < "$in" > "$got"
	n=$((n + 1))
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$got" "$out"
	elif ! diff -u "$out" "$got"; then
		echo "FAIL: $out differs"
		fail=$((fail + 1))
	fi
done
echo "golden: $((n - fail)) passed, $fail failed"
[ "$fail" = 0 ]
