#!/usr/bin/env bash
# compile-corpus.sh — issue 4's proof that generated C++ compiles: for every typelib of
# testdata/corpus (every TYPELIB resource of a PE file), the library IDL files behind
# testdata/corpus/widl (compiled for win32 and win64) and every golden case of
# testdata/golden/cpp and every header fixture of testdata/cheader, runs `tlbkit import --cpp` and compiles a translation unit including the
# headers written with `-std=c++17 -Wall -Wextra -Werror -fsyntax-only` (the golden cases also
# with -DUNICODE). Layer: tests (tooling).
#
#   compile-corpus.sh TLBKIT SOURCE_DIR COMPILER_ID OUTDIR
#
# COMPILER_ID: gcc64 (x86_64-w64-mingw32-g++), gcc32 (i686-w64-mingw32-g++; win32 libraries and
# the golden cases only) or clang64 (clang++ --target=x86_64-w64-windows-gnu with MinGW's
# libstdc++). Two compiles run at a time. Prints a table; exit 0 when all compile, 1 when one
# does not (naming it with its first error lines), 2 on a usage error, 77 when the compiler is
# missing. The generated headers and each compiler's output stay in OUTDIR/<case>/.
# Environment: TLBKIT_CPP_ONLY=REGEX limits the run to the cases whose name matches (debugging).
set -euo pipefail

# ---- One case (run by xargs): generate, then compile ---------------------------------------------
if [ "${1:-}" = --case ]; then
  dir=$2
  mapfile -t cmd <"$dir/compile.cmd"
  mapfile -t gen <"$dir/import.args"
  rm -rf "$dir/gen" "$dir/status"
  mkdir -p "$dir/gen"
  if ! (cd "$SOURCE_DIR" && "$TLBKIT" import "${gen[@]}" --cpp "$dir/gen") >"$dir/import.out" 2>&1; then
    echo import-failed >"$dir/status"
    exit 0
  fi
  : >"$dir/tu.cpp"
  for h in "$dir"/gen/*.h; do
    [ "${h##*/}" = tlbkit_com.h ] && continue
    printf '#include "%s"\n' "${h##*/}" >>"$dir/tu.cpp"
  done
  if ! grep -q include "$dir/tu.cpp"; then
    echo no-header >"$dir/status"
    exit 0
  fi
  t0=$(date +%s%N)
  rc=0
  "${cmd[@]}" -I "$dir/gen" "$dir/tu.cpp" >"$dir/compile.out" 2>&1 || rc=$?
  echo $(( ($(date +%s%N) - t0) / 1000000 )) >"$dir/ms"
  if [ "$rc" -eq 0 ]; then echo ok >"$dir/status"; else echo compile-failed >"$dir/status"; fi
  exit 0
fi

if [ $# -ne 4 ]; then
  echo "usage: compile-corpus.sh TLBKIT SOURCE_DIR COMPILER_ID OUTDIR" >&2
  exit 2
fi
tlbkit=$(readlink -f "$1")
src=$(readlink -f "$2")
compiler=$3
out=$(readlink -m "$4")
flags=(-std=c++17 -Wall -Wextra -Werror -fsyntax-only)
mingw_cxx=/usr/lib/gcc/x86_64-w64-mingw32/12-posix/include/c++
case "$compiler" in
  gcc64) cxx=x86_64-w64-mingw32-g++ ;;
  gcc32) cxx=i686-w64-mingw32-g++ ;;
  clang64)
    cxx=clang++
    # Debian's clang finds MinGW's libstdc++ only when told where it is.
    flags+=(--target=x86_64-w64-windows-gnu -isystem "$mingw_cxx" -isystem "$mingw_cxx/x86_64-w64-mingw32")
    [ -d "$mingw_cxx" ] || { echo "compile-corpus.sh: MinGW's libstdc++ is not at $mingw_cxx" >&2; exit 77; }
    ;;
  *) echo "compile-corpus.sh: unknown compiler '$compiler' (gcc64, gcc32 or clang64)" >&2; exit 2 ;;
esac
command -v "$cxx" >/dev/null || { echo "compile-corpus.sh: $cxx is not installed" >&2; exit 77; }
[ -x "$tlbkit" ] || { echo "compile-corpus.sh: $tlbkit is not an executable" >&2; exit 2; }

mkdir -p "$out"
rm -rf "${out:?}"/cases
mkdir -p "$out/cases"
corpus=$src/testdata/corpus
tlb_path=()
for d in "$corpus"/*/; do tlb_path+=(--tlb-path "${d%/}"); done

# add_case NAME PLATFORM IMPORT-ARG...: one case; PLATFORM (win32, win64, other) decides whether
# gcc32 compiles it (golden cases say "any": all compilers). $extra_flags go to the compiler.
extra_flags=()
add_case() {
  local name=$1 platform=$2
  shift 2
  if [ -n "${TLBKIT_CPP_ONLY:-}" ] && ! [[ $name =~ $TLBKIT_CPP_ONLY ]]; then return; fi
  if [ "$compiler" = gcc32 ] && [ "$platform" != win32 ] && [ "$platform" != any ]; then return; fi
  local d=$out/cases/$name
  mkdir -p "$d"
  printf '%s\n' "$@" >"$d/import.args"
  printf '%s\n' "$cxx" "${flags[@]}" ${extra_flags[@]+"${extra_flags[@]}"} >"$d/compile.cmd"
  echo "$platform" >"$d/platform"
}

# The platform a typelib is for, as the text view states it ("syskind win32").
platform_of() {
  local p
  p=$("$tlbkit" inspect "$@" 2>/dev/null | grep -m1 -io 'syskind[^a-z0-9]*win[0-9]*' | grep -io 'win[0-9]*$' || true)
  echo "${p:-other}" | tr 'A-Z' 'a-z'
}

# 1. Every typelib of the corpus; PE files with several TYPELIB resources: each resource.
while IFS= read -r f; do
  rel=${f#"$corpus"/}
  base=$(echo "$rel" | tr '/' '_')
  mapfile -t res < <("$tlbkit" inspect "$f" --list-resources 2>/dev/null | sed -nE 's/.*\\([0-9]+) offset=.*/\1/p' || true)
  if [ "${#res[@]}" -le 1 ]; then
    add_case "$base" "$(platform_of "$f")" "$f" "${tlb_path[@]}"
  else
    for r in "${res[@]}"; do
      add_case "$base.$r" "$(platform_of "$f" --resource "$r")" "$f" --resource "$r" "${tlb_path[@]}"
    done
  fi
done < <(find "$corpus" -type f ! -name '*.txt' ! -name '*.diff' ! -name '*.md' | LC_ALL=C sort)

# 2. The library IDL files the widl typelibs were made from, for both targets.
inc=$src/testdata/idl/wine-include
for x in taskschd netfw wuapi msxml6; do
  for t in win32 win64; do
    add_case "idl_${x}_$t" "$t" "$inc/$x.idl" --target "$t" -I "$inc" -I "$src/testdata/idl/wine-headers" \
      --tlb-path "$corpus/wine"
  done
done

# 3. The golden cases, as tests/cli/cpp_golden.sh generates them: input.idl (or .tlb) with the options of
# case.args (one argument a line, relative to the source folder, where tlbkit runs), beside the
# libraries they import.
for c in "$src"/testdata/golden/cpp/*/; do
  c=${c%/}
  input=input.idl
  [ -f "$c/$input" ] || input=input.tlb
  [ -f "$c/$input" ] || continue
  args=("testdata/golden/cpp/${c##*/}/$input" --tlb-path "testdata/golden/cpp/${c##*/}"
        -I testdata/idl/wine-include -I testdata/idl/wine-headers)
  if [ -f "$c/case.args" ]; then
    while IFS= read -r a; do
      [ -z "$a" ] || [ "${a:0:1}" = "#" ] || args+=("$a")
    done <"$c/case.args"
  fi
  add_case "golden_${c##*/}" any "${args[@]}"
  # Again with UNICODE: the <windows.h> macros then expand to their W names.
  extra_flags=(-DUNICODE -D_UNICODE)
  add_case "golden_${c##*/}.unicode" any "${args[@]}"
  extra_flags=()
done

# 4. Headers (issue 5): every header fixture of testdata/cheader that parses, read by the header
# reader for win64 and win32. The bindings' static_asserts then hold clang's layout (as libclang
# computed it) against the compiler's. Their functions go to the DLL the fixture's test names, or
# none: bindings do not call DLL functions.
# A fixture that needs more options has them in testdata/cheader/fixture-options.txt.
while IFS= read -r h; do
  rel=${h#"$src"/testdata/cheader/}
  base=header_$(echo "${rel%.h}" | tr '/' '_')
  more=()
  read -r -a more < <(awk -v f="testdata/cheader/$rel" '$1 == f { $1 = ""; print }' \
                        "$src/testdata/cheader/fixture-options.txt") || true
  for t in win32 win64; do
    add_case "${base}_$t" "$t" "$h" --target "$t" -I "$(dirname "$h")" ${more[@]+"${more[@]}"}
  done
done < <(find "$src/testdata/cheader" -name '*.h' ! -name 'missing_include.h' ! -name 'syntax_error.h' \
           ! -name 'bad_*' | LC_ALL=C sort)

# Two at a time: the machine is shared.
export TLBKIT=$tlbkit SOURCE_DIR=$src
find "$out/cases" -mindepth 1 -maxdepth 1 -type d -print0 | LC_ALL=C sort -z |
  xargs -0 -n1 -P2 bash "$(readlink -f "$0")" --case

# ---- The table ------------------------------------------------------------------------------------
total=0 passed=0
failed=()
printf '%-48s %-8s %-8s %-15s %8s\n' case platform compiler result "ms"
for d in $(find "$out/cases" -mindepth 1 -maxdepth 1 -type d | LC_ALL=C sort); do
  total=$((total + 1))
  st=$(cat "$d/status" 2>/dev/null || echo not-run)
  printf '%-48s %-8s %-8s %-15s %8s\n' "${d##*/}" "$(cat "$d/platform")" "$compiler" "$st" "$(cat "$d/ms" 2>/dev/null || echo -)"
  if [ "$st" = ok ]; then passed=$((passed + 1)); else failed+=("$d"); fi
done
echo
echo "$compiler: $passed of $total cases compile (headers and compiler output in $out/cases)"
for d in "${failed[@]}"; do
  echo
  echo "FAILED: ${d##*/} with $compiler ($(cat "$d/status" 2>/dev/null || echo not-run)): tlbkit import $(tr '\n' ' ' <"$d/import.args")"
  if [ -s "$d/compile.out" ]; then
    grep -m8 -E 'error|warning' "$d/compile.out" | sed 's|'"$d"'/gen/||g' || head -n 8 "$d/compile.out"
  else
    head -n 8 "$d/import.out" 2>/dev/null || true
  fi
done
[ "${#failed[@]}" -eq 0 ]
