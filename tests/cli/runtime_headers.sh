#!/usr/bin/env bash
# Headers to type libraries, judged by the real runtime: each header of testdata/cheader (widl's
# headers of Wine's IDL files and the reader's own fixtures) is written by `tlbkit export X.h -o
# T.tlb` for win64 and win32, must load in the OLE Automation runtime (Wine, through tests/oracle)
# and list as tlbkit's own account of the file it wrote (`inspect T --format oleaut`) says.
# Also: `tlbkit import X.h --json` validates as the JSON that inspect gives, and the export of a
# header that does not parse writes nothing.
# A difference passes only when tests/oracle/allowed/headers/X.diff records it with a reason.
# Run as: bash runtime_headers.sh TLBKIT_EXE SOURCE_DIR (exit 77 = skip). Layer: tests.
set -euo pipefail
tlbkit=$(readlink -f "$1")
source "$2/tests/oracle/lib.sh"
oracle_init "$2"
oracle_need_listing_program
allowed="$ORACLE_ALLOWED/headers"
w=$ORACLE_WORK
mkdir -p "$w/tlb" "$w/ref" "$w/log"

# A header that does not parse: one error, exit 1, no output file.
printf '#include "no-such-header.h"\nstruct S { int a; };\n' >"$w/broken.h"
if "$tlbkit" export "$w/broken.h" -o "$w/broken.tlb" >"$w/log/broken" 2>&1; then
  echo "FAIL: export of a header with a missing include succeeded"; exit 1
fi
[ ! -e "$w/broken.tlb" ] || { echo "FAIL: a type library was written for a broken header"; exit 1; }
grep -q "broken.h:1:10: error: .*no-such-header.h" "$w/log/broken" ||
  { echo "FAIL: the missing include is not reported at broken.h:1:10:"; cat "$w/log/broken"; exit 1; }

# Every fixture that parses (those made to fail — missing_include.h, syntax_error.h, bad_* — are
# the unit tests' business).
mapfile -t headers < <(cd "$ORACLE_SRC" && find testdata/cheader -name '*.h' \
  ! -name 'missing_include.h' ! -name 'syntax_error.h' ! -name 'bad_*' | sort)
[ ${#headers[@]} -ge 10 ] || { echo "FAIL: only ${#headers[@]} headers under testdata/cheader"; exit 1; }
status=0
written=() refs=() names=() allows=()
for h in "${headers[@]}"; do
  for target in win64 win32; do
    name="$h ($target)"
    i=${#written[@]}
    out="$w/tlb/$i.tlb"
    stem=$(basename "$h" .h)
    # Options beyond these, for the few fixtures that need them (paths relative to the source).
    more=()
    read -r -a more < <(awk -v f="$h" '$1 == f { $1 = ""; print }' \
                          "$ORACLE_SRC/testdata/cheader/fixture-options.txt") || true
    args=("$h" --target "$target" -I "$(dirname "$h")" ${more[@]+"${more[@]}"} -o "$out")
    if ! (cd "$ORACLE_SRC" && "$tlbkit" export "${args[@]}") >"$w/log/$i" 2>&1; then
      oracle_fail "$name" "tlbkit export failed: $(grep -m3 error "$w/log/$i")" \
        "$allowed/$stem.$target.skip" "$w/log/$i" || status=1
      continue
    fi
    ref="$w/ref/$i.txt"
    if ! "$tlbkit" inspect "$out" --format oleaut -o "$ref" >"$w/log/$i.inspect" 2>&1; then
      oracle_fail "$name" "tlbkit inspect of the written file failed: $(head -3 "$w/log/$i.inspect")" || status=1
      continue
    fi
    written+=("$out") refs+=("$ref") names+=("$name") allows+=("$allowed/$stem.$target.diff")
  done
done

if [ ${#written[@]} -gt 0 ]; then
  start=$EPOCHREALTIME
  oracle_list "$w/out" "${written[@]}"
  echo "listed ${#written[@]} type libraries written from headers in one Wine run in $(oracle_seconds_since "$start") s"
  for k in "${!written[@]}"; do
    oracle_check "${names[$k]}" "${refs[$k]}" "$w/out/$((k + 1)).txt" "${allows[$k]}" || status=1
  done
fi
oracle_summary "header -> tlbkit export -> runtime" || status=1
exit $status
