#!/usr/bin/env bash
# `tlbkit export A.idl B.idl … -o DIR` on the command line: several INPUTs reach the batch, each
# DIR/<stem>.tlb is byte-identical to a run of its own, a failing input is reported, exits 1 and
# stops none of the others, and several inputs with -o naming a file is a usage error (exit 2).
# Usage: bash export_batch.sh TLBKIT_EXE SOURCE_DIR. Layer: tests.
set -u
exe=$1
src=$2
inc=$src/testdata/idl/wine-include
flags=(-I "$inc" -I "$src/testdata/idl/wine-headers" -L "$src/testdata/corpus/wine")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

printf 'import "oaidl.idl";\n[uuid(6d1f3f52-33c1-4bfa-9e3c-2b7a3bb0a002)]\nlibrary Broken {\n  typedef struct S { NoSuchType x; } S;\n};\n' \
  >"$tmp/broken.idl"
inputs=("$inc/taskschd.idl" "$tmp/broken.idl" "$inc/netfw.idl" "$inc/bits.idl" "$inc/bits1_5.idl")

"$exe" export "${inputs[@]}" "${flags[@]}" -o "$tmp/batch" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "batch with a broken input: exit $rc, expected 1"
grep -q "broken.idl:4:.*NoSuchType" "$tmp/err" || fail "the broken input's error is not reported"
[ -e "$tmp/batch/broken.tlb" ] && fail "the broken input was written"
for f in taskschd netfw bits bits1_5; do
  "$exe" export "$inc/$f.idl" "${flags[@]}" -o "$tmp/$f.single.tlb" 2>/dev/null ||
    fail "$f alone does not compile"
  cmp -s "$tmp/$f.single.tlb" "$tmp/batch/$f.tlb" ||
    fail "$f: the batch output differs from a run of its own"
done

"$exe" export "$inc/taskschd.idl" "$inc/netfw.idl" "${flags[@]}" -o "$tmp/taskschd.single.tlb" \
  >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "two inputs with -o naming a file: exit $rc, expected 2"
grep -q TK9003 "$tmp/err" || fail "two inputs with -o naming a file: no TK9003"

[ "$failures" -eq 0 ] || exit 1
echo "export batch: ok"
