#!/usr/bin/env bash
# Golden test of `tlbkit import --cpp` (issue 4): for each case folder testdata/golden/cpp/CASE/,
# runs `tlbkit import CASE/input.idl (or input.tlb) --tlb-path CASE -I <Wine's IDL> [the options
# of CASE/case.args, one argument a line] --cpp OUT` from the source folder, and compares byte
# for byte every header written (but the support header tlbkit_com.h, the writer's fixed text)
# with CASE/*.h, and what it printed plus its exit status with CASE/expected.diag. A header
# written with no golden, or a golden not written, fails too. UPDATE_GOLDENS=1 rewrites the
# goldens (refused when CI=true); read the diff before committing. The compile check of the same
# outputs is tests/cpp/compile-corpus.sh. Usage: bash cpp_golden.sh TLBKIT_EXE SOURCE_DIR.
# Layer: tests.
set -u
exe=$(readlink -f "$1")
src=$(readlink -f "$2")
cases=testdata/golden/cpp
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
update=0
if [ "${UPDATE_GOLDENS:-}" = 1 ]; then
  if [ "${CI:-}" = true ]; then echo "UPDATE_GOLDENS is refused when CI=true" >&2; exit 1; fi
  update=1
fi
failures=0 count=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

cd "$src" || exit 2
for dir in "$cases"/*/; do
  dir=${dir%/}
  name=${dir##*/}
  input=$dir/input.idl
  [ -f "$input" ] || input=$dir/input.tlb
  if [ ! -f "$input" ]; then fail "$name: no input.idl or input.tlb"; continue; fi
  count=$((count + 1))
  args=("$input" --tlb-path "$dir" -I testdata/idl/wine-include -I testdata/idl/wine-headers)
  if [ -f "$dir/case.args" ]; then
    while IFS= read -r a; do
      [ -z "$a" ] || [ "${a:0:1}" = "#" ] || args+=("$a")
    done <"$dir/case.args"
  fi
  out=$tmp/$name
  mkdir -p "$out/gen"
  rc=0
  "$exe" import "${args[@]}" --cpp "$out/gen" >"$out/raw" 2>&1 || rc=$?
  # The output folder is a temporary one: shown as OUT, so the golden does not depend on it.
  sed "s|$out/gen|OUT|g" "$out/raw" >"$out/diag"
  echo "exit $rc" >>"$out/diag"
  rm -f "$out/gen/tlbkit_com.h"

  if [ "$update" = 1 ]; then
    rm -f "$dir"/*.h
    cp "$out"/gen/*.h "$dir"/ 2>/dev/null
    cp "$out/diag" "$dir/expected.diag"
    echo "rewrote $dir"
    continue
  fi
  if ! cmp -s "$out/diag" "$dir/expected.diag"; then
    fail "$name: the diagnostics differ from $dir/expected.diag (UPDATE_GOLDENS=1 rewrites it)"
    diff -u "$dir/expected.diag" "$out/diag" 2>&1 | head -n 30 >&2
  fi
  for h in "$out"/gen/*.h; do
    [ -e "$h" ] || continue
    if [ ! -f "$dir/${h##*/}" ]; then
      fail "$name: ${h##*/} was written but has no golden in $dir"
    elif ! cmp -s "$h" "$dir/${h##*/}"; then
      fail "$name: ${h##*/} differs from its golden (UPDATE_GOLDENS=1 rewrites it)"
      diff -u "$dir/${h##*/}" "$h" | head -n 40 >&2
    fi
  done
  for g in "$dir"/*.h; do
    [ -e "$g" ] || continue
    [ -f "$out/gen/${g##*/}" ] || fail "$name: its golden ${g##*/} was not written"
  done
done

[ "$count" -gt 0 ] || fail "no case in $cases"
[ "$update" = 1 ] && exit 0
echo "cpp golden: $((count)) cases, $failures failures"
[ "$failures" -eq 0 ]
