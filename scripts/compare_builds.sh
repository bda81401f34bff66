#!/usr/bin/env bash
# Build the site at two revisions and compare every file byte for byte.
#   scripts/compare_builds.sh REV [REV2]     (REV2: the working tree when left out)
# Used to show that a change that should not change the output (a refactoring) does not.
# Both builds use the same date and public address; each runs the heritage package of its own tree.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)
python="$here/.venv/bin/python"
[ -x "$python" ] || { echo "Run make build once first (it creates .venv)." >&2; exit 2; }
work=$(mktemp -d)
trap 'git worktree remove --force "$work/a" >/dev/null 2>&1 || true; git worktree remove --force "$work/b" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

tree_of() {  # REV or "" → a folder holding that tree
  if [ -z "$1" ]; then echo "$here"; else git worktree add --detach --quiet "$work/$2" "$1" && echo "$work/$2"; fi
}
build() {  # TREE OUT
  (cd "$1" && HERITAGE_TODAY="${HERITAGE_TODAY:-2026-11-30}" SITE_URL="${SITE_URL:-https://heritage.example.org/}" \
     PYTHONPATH="$1" NO_MKDOCS_2_WARNING=1 "$python" -m mkdocs build --quiet --site-dir "$2")
}
a=$(tree_of "$1" a)
b=$(tree_of "${2:-}" b)
# Each tree shares this checkout's media cache, so neither redraws photos.
for t in "$a" "$b"; do [ "$t" = "$here" ] || { [ -d "$here/.cache" ] && ln -s "$here/.cache" "$t/.cache"; } || true; done
build "$a" "$work/site-a"
build "$b" "$work/site-b"
if diff -r "$work/site-a" "$work/site-b" >"$work/diff"; then
  echo "identical: $(find "$work/site-a" -type f | wc -l) files, $(du -sb "$work/site-a" | cut -f1) bytes"
else
  head -40 "$work/diff"
  echo "DIFFERENT: $(grep -c '^diff\|^Only in' "$work/diff") files differ" >&2
  exit 1
fi
