#!/usr/bin/env bash
# A corrupted count must never become a giant allocation: with the address space capped by
# `ulimit -v`, every field near the start of a library set to a huge value still gives exit 0 or
# 1 — never 3 (std::bad_alloc) or a signal — and a large sound library still reads in the cap.
# Usage: bash memory_limit.sh TLBKIT_EXE SOURCE_DIR
set -u
exe=$1
src=$2
corpus=$src/testdata/corpus
limit_kb=$((1024 * 1024))  # 1 GiB: far above what a sound read of ms/mshtml.tlb needs

# AddressSanitizer reserves terabytes of shadow memory, so it cannot run under ulimit -v; the
# sanitizer build caps allocations with ASAN_OPTIONS instead (tests/CMakeLists.txt).
if grep -qa __asan_init "$exe"; then
  echo "skipped: AddressSanitizer build"
  exit 77
fi
command -v python3 >/dev/null || { echo "skipped: python3 is needed to make the inputs"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

# The damaged copies: one file per field. MSFT fields are aligned 32-bit words; SLTG's are packed
# 16-bit words at any byte.
python3 - "$corpus" "$tmp" <<'EOF'
import struct, sys
corpus, out = sys.argv[1], sys.argv[2]
def damaged(rel, tag, step, width, value, span):
    data = open(f"{corpus}/{rel}", "rb").read()
    for off in range(0, min(len(data), span) - width + 1, step):
        b = bytearray(data)
        b[off:off + width] = value.to_bytes(width, "little")
        open(f"{out}/{tag}-{off:05d}.tlb", "wb").write(b)
damaged("widl/netfw_win32.tlb", "msft", 4, 4, 0x7FFFFFFF, 4096)
damaged("ms/sltg-bare/stdole32.res1.sltg.tlb", "sltg", 1, 2, 0xFFFF, 1024)
EOF

run_capped() {
  (ulimit -v "$limit_kb" && exec "$exe" inspect "$@" >/dev/null 2>"$tmp/err")
}

count=0
for f in "$tmp"/*.tlb; do
  run_capped "$f" --format json
  rc=$?
  count=$((count + 1))
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    echo "FAIL: $(basename "$f"): exit $rc under ulimit -v $limit_kb: $(head -c 300 "$tmp/err")" >&2
    failures=$((failures + 1))
    [ "$failures" -ge 20 ] && break
  fi
done

for f in ms/mshtml.tlb wine/mshtml.tlb; do
  run_capped "$corpus/$f" --format json
  rc=$?
  [ "$rc" -eq 0 ] || { echo "FAIL: $f: exit $rc under ulimit -v $limit_kb: $(head -c 300 "$tmp/err")" >&2; failures=$((failures + 1)); }
done

if [ "$failures" -ne 0 ]; then
  echo "$failures of $count damaged inputs (or the sound ones) failed" >&2
  exit 1
fi
echo "memory limit: $count damaged inputs each exited 0 or 1 under ulimit -v $limit_kb"
