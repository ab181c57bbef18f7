#!/usr/bin/env bash
# The header reader's benchmark (issue 5), one command: reading bench/mshtml_all.h — a header that
# includes <windows.h>, <ole2.h> and MinGW-w64's <mshtml.h>, taking all of MSHTML's declarations
# (`--include mshtml.h`) — against `clang -fsyntax-only` on the same file, in the same run, pinned
# to one core, interleaved, best of REPEAT. Target: tlbkit at most 1.5× clang's time.
#   bench/cheader.sh [BUILD_DIR | TLBKIT_EXE] [REPEAT]
# BUILD_DIR (default build-bench) gets a Release tlbkit if it has none; a path to a tlbkit
# executable is used as it is (the test suite runs it so, REPEAT 1, to keep it working: ctest
# bench_cheader). Exit 0 when every run succeeded, 1 when one failed, 77 when clang is missing.
# Layer: bench.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
arg=${1:-$root/build-bench}
repeat=${2:-5}
input=$root/bench/mshtml_all.h
target=x86_64-w64-mingw32

command -v clang >/dev/null || { echo "SKIP: clang is not installed (apt-get install clang)"; exit 77; }
if [ -f "$arg" ] && [ -x "$arg" ]; then
  tlbkit=$(realpath "$arg")
else
  build=$(realpath -m "$arg")
  if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTLBKIT_TESTS=OFF >/dev/null
  fi
  cmake --build "$build" -j2 --target tlbkit >"$build/bench-build.log" 2>&1 ||
    { cat "$build/bench-build.log" >&2; exit 1; }
  tlbkit=$build/cmd/tlbkit
fi

pin=()
if command -v taskset >/dev/null; then
  cpu=$(taskset -cp $$ | sed 's/.*: *//; s/[-,].*//')
  pin=(taskset -c "$cpu")
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The three jobs: clang's parse alone, tlbkit reading the header (inspect: the model, summarised),
# and tlbkit writing the JSON descriptor of all of it (import --json).
declare -A cmd
cmd[clang]="clang -fsyntax-only -x c++ --target=$target $input"
cmd[inspect]="$tlbkit inspect $input --target win64 --include mshtml.h -o $out/inspect.txt"
cmd[json]="$tlbkit import $input --target win64 --include mshtml.h --json $out/mshtml.json"
jobs=(clang inspect json)

# run JOB → "WALL_MS CPU_MS" of one run (CPU: user + system, steadier on a shared machine).
run() {
  local t0 t1 c
  TIMEFORMAT='%3U %3S'
  t0=$(date +%s%N)
  # shellcheck disable=SC2086  # the command lines above split on spaces (no path has one)
  if ! c=$( { time "${pin[@]}" ${cmd[$1]} >"$out/$1.log" 2>&1; } 2>&1 ); then
    echo "FAIL: $1 failed: ${cmd[$1]}" >&2
    cat "$out/$1.log" >&2
    return 1
  fi
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $(echo "$c" | tail -n 1 | awk '{ printf "%.0f", ($1 + $2) * 1000 }')"
}

declare -A wall cpums
for _ in $(seq "$repeat"); do
  for j in "${jobs[@]}"; do  # interleaved, so a noisy moment hits all
    read -r w c < <(run "$j") || exit 1
    [ -n "${w:-}" ] || exit 1
    if [ -z "${wall[$j]:-}" ] || [ "$w" -lt "${wall[$j]}" ]; then wall[$j]=$w; fi
    if [ -z "${cpums[$j]:-}" ] || [ "$c" -lt "${cpums[$j]}" ]; then cpums[$j]=$c; fi
  done
done

# What was read, by kind, from inspect's text view (one line "KIND NAME" per type, at column 0).
read_counts=$(grep -oE '^(interface|dispinterface|coclass|enum|struct|union|typedef|module) ' "$out/inspect.txt" |
  sort | uniq -c | awk '{ printf "%s%d %s", (NR > 1 ? ", " : ""), $1, $2 }')
echo "header reading — bench/mshtml_all.h (<windows.h>, <ole2.h>, <mshtml.h>), $target," \
     "$(clang --version | head -1 | sed 's/ (.*//'), one core, best of $repeat"
printf '%-8s %-92s %8s %8s\n' job command "wall ms" "CPU ms"
for j in "${jobs[@]}"; do
  printf '%-8s %-92s %8s %8s\n' "$j" "$(echo "${cmd[$j]}" | sed "s|$root/||g; s|$out/||g; s|$tlbkit|tlbkit|")" \
    "${wall[$j]}" "${cpums[$j]}"
done
echo "read: $read_counts; JSON descriptor $(wc -c <"$out/mshtml.json") bytes"
awk -v c="${wall[clang]}" -v i="${wall[inspect]}" -v j="${wall[json]}" \
    -v cc="${cpums[clang]}" -v ic="${cpums[inspect]}" -v jc="${cpums[json]}" \
  'BEGIN { printf "ratio tlbkit inspect / clang: %.2f (CPU %.2f; target ≤ 1.50)\n", i / c, ic / cc
           printf "ratio tlbkit import --json / clang: %.2f (CPU %.2f; target ≤ 1.50)\n", j / c, jc / cc }'
