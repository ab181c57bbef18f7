#!/usr/bin/env bash
# The four widl libraries, judged by the real runtime: for taskschd, netfw, wuapi and msxml6,
# `tlbkit export testdata/idl/wine-include/X.idl --target T -I testdata/idl/wine-include
# -I testdata/idl/wine-headers -L testdata/corpus/wine` must give a typelib the OLE Automation runtime (Wine, through
# tests/oracle) lists exactly as it lists widl 8.0's typelib for the same file and target
# (testdata/corpus/widl/X_T.tlb.oleaut.txt) — apart from widl's three timestamp custom-data lines,
# and any difference recorded with its evidence in tests/oracle/allowed/widl/X_T.diff (where widl
# is shown to be wrong). Run as: bash runtime_widl_libraries.sh TLBKIT_EXE SOURCE_DIR (exit 77 =
# skip). Layer: tests.
set -euo pipefail
tlbkit=$1
source "$2/tests/oracle/lib.sh"
oracle_init "$2"
oracle_need_listing_program
oracle_need_export "$tlbkit"
oracle_need_idl_input "$tlbkit"
idl="$ORACLE_SRC/testdata/idl/wine-include"
headers="$ORACLE_SRC/testdata/idl/wine-headers"  # the C headers the SDK IDL files import
corpus="$ORACLE_SRC/testdata/corpus"
allowed="$ORACLE_ALLOWED/widl"
w=$ORACLE_WORK
mkdir -p "$w/tlb" "$w/ref" "$w/log"

status=0
written=() names=()
for lib in taskschd netfw wuapi msxml6; do
  for target in win32 win64; do
    name=${lib}_$target
    if ! "$tlbkit" export "$idl/$lib.idl" --target "$target" -I "$idl" -I "$headers" \
        -L "$corpus/wine" -o "$w/tlb/$name.tlb" >"$w/log/$name" 2>&1; then
      oracle_fail "$name" "tlbkit export failed: $(head -5 "$w/log/$name")" || status=1
      continue
    fi
    oracle_strip_widl_stamps "$corpus/widl/$name.tlb.oleaut.txt" "$w/ref/$name.txt"
    written+=("$w/tlb/$name.tlb") names+=("$name")
  done
done

if [ ${#written[@]} -gt 0 ]; then
  start=$EPOCHREALTIME
  oracle_list "$w/out" "${written[@]}"
  echo "listed ${#written[@]} typelibs in one Wine run in $(oracle_seconds_since "$start") s"
  for k in "${!written[@]}"; do
    n=${names[$k]}
    oracle_check "$n" "$w/ref/$n.txt" "$w/out/$((k + 1)).txt" "$allowed/$n.diff" || status=1
  done
fi
oracle_summary "IDL -> tlbkit export -> runtime, against widl's typelibs" || status=1
exit $status
