#!/bin/sh
# The escape catalogue and the ordinary commands, through --explain under
# policy/ai-worker.yaml (see tests/escapes/run.py).
. tests/lib.sh
d=$(dg_secure_dir) || exit 1
trap 'rm -rf "$d"' EXIT
cp policy/ai-worker.yaml "$d/policy.yaml" && chmod 644 "$d/policy.yaml"
threats=../shared/reference/threats.md
if [ ! -f "$threats" ]; then
	if [ "${CI:-}" = true ]; then
		echo "missing $threats" >&2
		exit 1
	fi
	threats=-
fi
python3 tests/escapes/run.py "$DG" "$d/policy.yaml" ai-worker "$threats"
