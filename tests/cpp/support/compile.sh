#!/usr/bin/env bash
# compile.sh - the support header compiles warning-free with every compiler at hand:
# x86_64-w64-mingw32-g++, i686-w64-mingw32-g++ and clang++ --target=x86_64-w64-windows-gnu,
# alone, after <windows.h> (plain, NOMINMAX, WIN32_LEAN_AND_MEAN), and with the runtime test's
# uses of its templates (-fsyntax-only). Layer: tests (tooling).
#
#   compile.sh HEADER_DIR WORK_DIR
#
# Exit status: 0 when every compiler found passes; 1 on a failure; 77 when none is installed.
set -uo pipefail
header_dir=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
flags=(-std=c++17 -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Werror -fsyntax-only)
mingw_cxx=/usr/lib/gcc/x86_64-w64-mingw32/12-posix/include/c++

preludes=("" "#include <windows.h>" $'#define NOMINMAX\n#include <windows.h>'
          $'#define WIN32_LEAN_AND_MEAN\n#include <windows.h>'
          $'#define NOMINMAX\n#define WIN32_LEAN_AND_MEAN\n#include <windows.h>'
          $'#define UNICODE\n#define _UNICODE\n#include <windows.h>')
for i in "${!preludes[@]}"; do
  printf '%s\n#include "tlbkit_com.h"\nint main() { return 0; }\n' "${preludes[$i]}" > "$work/prelude$i.cpp"
done

ran=0
failed=0
check() {  # NAME COMPILER OPTION... : compiles every prelude file and the runtime test
  local name=$1; shift
  ran=$((ran + 1))
  for f in "$work"/prelude*.cpp "$here"/support_*_test.cpp; do
    # The compiler, the common flags, then the check's own (a later -std wins).
    if ! "$1" "${flags[@]}" "${@:2}" -I "$header_dir" -I "$here" "$f"; then
      echo "compile.sh: $name fails on $(basename "$f")" >&2
      failed=1
    fi
  done
  echo "compile.sh: $name done"
}
if command -v x86_64-w64-mingw32-g++ >/dev/null; then
  check gcc64 x86_64-w64-mingw32-g++
  check gcc64-c++20 x86_64-w64-mingw32-g++ -std=c++20  # users may build with a newer standard
fi
if command -v i686-w64-mingw32-g++ >/dev/null; then check gcc32 i686-w64-mingw32-g++; fi
if command -v clang++ >/dev/null && [ -d "$mingw_cxx" ]; then
  check clang64 clang++ --target=x86_64-w64-windows-gnu -isystem "$mingw_cxx" \
    -isystem "$mingw_cxx/x86_64-w64-mingw32"
fi
if [ $ran -eq 0 ]; then echo "compile.sh: no Windows C++ compiler found" >&2; exit 77; fi
exit $failed
