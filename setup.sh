#!/usr/bin/env bash
# setup.sh — installs what tlbkit needs on Debian 12 (only what is missing), builds it, and with
# `test` runs the whole test suite. The README's two commands and .ci/run call this.
#   bash setup.sh          install + build (build/cmd/tlbkit)
#   bash setup.sh test     install + build + ctest, then the reader and fault tests again under
#                          ASan/UBSan (build-asan/). The test suite also needs Wine and MinGW-w64
#                          (typelibs tlbkit writes are listed by the real OLE Automation runtime)
#                          and widl (the peer compiler the IDL tests compare against); the
#                          generated C++ is compiled with MinGW-w64 (x86_64, i686) and clang
#                          and run under Wine.
set -euo pipefail
cd "$(dirname "$0")"
mode=${1:-build}

packages=(cmake ninja-build g++ libcli11-dev nlohmann-json3-dev doctest-dev libclang-dev
          mingw-w64-x86-64-dev mingw-w64-i686-dev)
[ "$mode" = test ] && packages+=(python3-jsonschema wine wine64 g++-mingw-w64-x86-64 g++-mingw-w64-i686
                                  clang wine64-tools)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup.sh: installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DTLBKIT_WERROR=ON >/dev/null
cmake --build build -j "$jobs"
[ "$mode" = test ] || exit 0

ctest --test-dir build --output-on-failure -j "$jobs"

# The fault tests (truncated and corrupted inputs), the readers' tests (IDL included) and both
# fuzz targets' seeds again, under AddressSanitizer and UndefinedBehaviorSanitizer.
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
ctest --preset asan -j "$jobs" -R "^(readers_test|idl_test|driver_test|fuzz_tlb_reader_seeds|fuzz_idl_reader_seeds)$"
