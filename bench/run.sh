#!/usr/bin/env bash
# The benchmark, one command: builds a Release tlbkit (and bench/bench_main.cpp) if needed, then
# measures reading every corpus typelib and writing its JSON — time and peak memory per library,
# and how both grow with the library's size — then the two MSHTML libraries alone, in process
# and as whole `tlbkit inspect --format json` runs. Usage: bench/run.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-bench}

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTLBKIT_BENCH=ON \
    -DTLBKIT_TESTS=OFF >/dev/null
fi
if ! cmake --build "$build" -j2 --target tlbkit_bench tlbkit >"$build/bench-build.log" 2>&1; then
  cat "$build/bench-build.log" >&2
  exit 1
fi

# One core, as the target is stated: pin to the first CPU this process may use.
pin=()
if command -v taskset >/dev/null; then
  cpu=$(taskset -cp $$ | sed 's/.*: *//; s/[-,].*//')
  pin=(taskset -c "$cpu")
fi

echo "tlbkit benchmark — $(uname -m), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), one core used"
echo
"${pin[@]}" "$build/bench/tlbkit_bench" "$root/testdata/corpus" wine/mshtml.tlb ms/mshtml.tlb

# Whole-process figures: the command a user runs (process start, stdole built in, JSON to a pipe).
if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq time >/dev/null; else sudo apt-get install -y -qq time >/dev/null; fi
fi
echo
echo "Whole command: tlbkit inspect FILE --format json >/dev/null (best of 5; peak from /usr/bin/time)"
printf '%-20s %10s %10s\n' "file" "wall ms" "peak MB"
for f in wine/mshtml.tlb ms/mshtml.tlb; do
  best_ms="" best_kb=""
  for _ in 1 2 3 4 5; do
    t0=$(date +%s%N)
    kb=$({ "${pin[@]}" /usr/bin/time -f "%M" "$build/cmd/tlbkit" inspect "$root/testdata/corpus/$f" \
           --format json >/dev/null; } 2>&1 | tail -1)
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    if [ -z "$best_ms" ] || [ "$ms" -lt "$best_ms" ]; then best_ms=$ms; fi
    if [ -z "$best_kb" ] || [ "$kb" -lt "$best_kb" ]; then best_kb=$kb; fi
  done
  printf '%-20s %10s %10.1f\n' "$f" "$best_ms" "$(awk "BEGIN {print $best_kb / 1024}")"
done
