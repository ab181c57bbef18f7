#!/usr/bin/env bash
# The IDL compiler benchmark, one command: compiles every IDL file of testdata/idl/wine-include
# that holds a library block into a win64 type library with tlbkit (`tlbkit export`) and with
# widl 8.0 (`widl --win64 -t`, Debian wine64-tools), in the same run, best of REPEAT rounds per
# tool: widl one process per file (all it can do); tlbkit both one process per file and in one
# batch invocation (`tlbkit export A.idl B.idl … -o DIR`, each imported IDL file read once).
# Prints each total, both ratios, and which files each fails on.
# Usage: bench/idl_vs_widl.sh [BUILD_DIR] [REPEAT]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath -m "${1:-$root/build-bench}")  # absolute: taskset runs it by path
repeat=${2:-3}
command -v widl >/dev/null || { echo "widl not found (apt-get install wine64-tools)" >&2; exit 1; }

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTLBKIT_BENCH=ON \
    -DTLBKIT_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j2 --target tlbkit >"$build/bench-build.log" 2>&1 ||
  { cat "$build/bench-build.log" >&2; exit 1; }
tlbkit=$build/cmd/tlbkit

inc=$root/testdata/idl/wine-include
libdir=$root/testdata/corpus/wine
# The two C headers wtypes.idl imports, which widl finds in its own built-in include folder.
hdr=$root/testdata/idl/wine-headers
mapfile -t files < <(grep -l '^[[:space:]]*library[[:space:]]' "$inc"/*.idl | sort)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Both tools run inside the scratch folder: widl leaves a temporary folder in the current
# directory each time it crashes.
cd "$out"

pin=()
if command -v taskset >/dev/null; then
  cpu=$(taskset -cp $$ | sed 's/.*: *//; s/[-,].*//')
  pin=(taskset -c "$cpu")
fi

# compile_all TOOL: one round; fills $out/TOOL.fail with the failing files. No subprocess but
# the compilers (their CPU time is measured as the shell's children's).
compile_all() {
  local tool=$1 f name
  if [ "$tool" = tlbkit-batch ]; then
    rm -rf "$out/batch"
    "${pin[@]}" "$tlbkit" export "${files[@]}" --target win64 -I "$inc" -I "$hdr" -L "$libdir" \
      -o "$out/batch" >/dev/null 2>&1 || true
    return
  fi
  for f in "${files[@]}"; do
    name=${f##*/}
    name=${name%.idl}
    if [ "$tool" = tlbkit ]; then
      "${pin[@]}" "$tlbkit" export "$f" --target win64 -I "$inc" -I "$hdr" -L "$libdir" \
        -o "$out/$name.tlbkit.tlb" >/dev/null 2>&1 || echo "$name" >>"$out/$tool.fail"
    else
      "${pin[@]}" widl --win64 -t -I "$inc" -L "$libdir" -o "$out/$name.widl.tlb" "$f" \
        >/dev/null 2>&1 || echo "$name" >>"$out/$tool.fail"
    fi
  done
}

# run_all TOOL → sets $total_ms (wall clock) and $cpu_ms (user + system time of the compilers:
# steadier than the wall clock on a shared machine) of one round.
run_all() {
  local tool=$1 t0 t1 f name
  : >"$out/$tool.fail"
  TIMEFORMAT='%3U %3S'
  t0=$(date +%s%N)
  { time compile_all "$tool"; } 2>"$out/$tool.time"
  t1=$(date +%s%N)
  total_ms=$(( (t1 - t0) / 1000000 ))
  # The last line: the shell reports a compiler's crash on the same stream, before it.
  cpu_ms=$(tail -n 1 "$out/$tool.time" | awk '{ printf "%.0f", ($1 + $2) * 1000 }')
  if [ "$tool" = tlbkit-batch ]; then
    for f in "${files[@]}"; do  # a failing input writes nothing; the others are still written
      name=${f##*/}
      name=${name%.idl}
      [ -s "$out/batch/$name.tlb" ] || echo "$name" >>"$out/$tool.fail"
    done
  fi
}

declare -A best cpu
for _ in $(seq "$repeat"); do
  for tool in widl tlbkit tlbkit-batch; do  # interleaved, so a noisy moment hits all
    run_all "$tool"
    if [ -z "${best[$tool]:-}" ] || [ "$total_ms" -lt "${best[$tool]}" ]; then
      best[$tool]=$total_ms
    fi
    if [ -z "${cpu[$tool]:-}" ] || [ "$cpu_ms" -lt "${cpu[$tool]}" ]; then
      cpu[$tool]=$cpu_ms
    fi
  done
done

echo "IDL → typelib, ${#files[@]} library IDL files of testdata/idl/wine-include, win64," \
     "one core, best of $repeat"
printf '%-13s %-22s %10s %8s %8s\n' tool how "total ms" "CPU ms" failures
for tool in widl tlbkit tlbkit-batch; do
  how="one process per file"
  [ "$tool" = tlbkit-batch ] && how="one process, all files"
  printf '%-13s %-22s %10s %8s %8s\n' "$tool" "$how" "${best[$tool]}" "${cpu[$tool]}" \
    "$(wc -l <"$out/$tool.fail")"
done
awk -v a="${best[tlbkit]}" -v c="${best[tlbkit-batch]}" -v b="${best[widl]}" \
    -v ac="${cpu[tlbkit]}" -v cc="${cpu[tlbkit-batch]}" -v bc="${cpu[widl]}" \
  'BEGIN { printf "ratio tlbkit/widl, one process per file: %.2f (CPU %.2f; target ≤ 0.50)\n", a / b, ac / bc
           printf "ratio tlbkit/widl, tlbkit batch:         %.2f (CPU %.2f; target ≤ 0.50)\n", c / b, cc / bc }'
echo "widl fails on:         $(tr '\n' ' ' <"$out/widl.fail")"
for tool in tlbkit tlbkit-batch; do
  printf '%-22s %s\n' "$tool fails on:" "$(tr '\n' ' ' <"$out/$tool.fail")"
  worse=$(comm -23 <(sort "$out/$tool.fail") <(sort "$out/widl.fail") | tr '\n' ' ')
  echo "  … where widl succeeds: ${worse:-none}"
done
