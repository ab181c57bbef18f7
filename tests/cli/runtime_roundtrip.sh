#!/usr/bin/env bash
# Round trip judged by the real runtime: every corpus typelib, read and written again by
# `tlbkit export X -o T.tlb` (for the input's own target), must load in the OLE Automation runtime
# (Wine, through tests/oracle) and list as the original does.
#  - MSFT original: runtime listing of T = X.oleaut.txt (the runtime's listing of the original).
#  - SLTG original: Wine's SLTG loader has its own bugs (testdata/corpus/RUNTIME-BUGS.md) and an
#    SLTG library is seen through another loader than the MSFT file tlbkit writes, so the
#    original's runtime listing is no judge. There: runtime listing of T = `tlbkit inspect T
#    --format oleaut` (tlbkit's own account of the file it wrote, which its reader and runtime
#    emulation give independently of the writer).
# A resource other than the first of a PE file is picked with `export --resource N`, or, while
# export has no such option, taken through `inspect --resource N --format json` (said so).
# A difference passes only when tests/oracle/allowed/roundtrip/X.diff records it with a reason.
# Run as: bash runtime_roundtrip.sh TLBKIT_EXE SOURCE_DIR (exit 77 = skip). Layer: tests.
set -euo pipefail
tlbkit=$1
source "$2/tests/oracle/lib.sh"
oracle_init "$2"
oracle_need_listing_program
oracle_need_export "$tlbkit"
corpus="$ORACLE_SRC/testdata/corpus"
allowed="$ORACLE_ALLOWED/roundtrip"
w=$ORACLE_WORK
mkdir -p "$w/tlb" "$w/ref" "$w/log"

export_has_resource=no
"$tlbkit" export --help 2>/dev/null | grep -q -- '--resource' && export_has_resource=yes
mapfile -t cases < <(oracle_corpus_cases)
status=0
written=() refs=() names=() allows=()
for i in "${!cases[@]}"; do
  IFS=$'\t' read -r input resource listing <<<"${cases[$i]}"
  stem=${listing%.oleaut.txt}
  out="$w/tlb/$i.tlb"
  args=("$corpus/$input" -o "$out")
  if [ "$resource" != 0 ]; then
    if [ "$export_has_resource" = yes ]; then
      args+=(--resource "$resource")
    else
      # `tlbkit export` cannot pick a resource: the library goes through JSON on its way.
      echo "note: $listing via JSON (tlbkit export has no --resource)"
      "$tlbkit" inspect "$corpus/$input" --resource "$resource" --format json -o "$w/tlb/$i.json"
      args=("$w/tlb/$i.json" --target "$(oracle_target "$corpus/$listing")" -o "$out")
    fi
  fi
  if ! "$tlbkit" export "${args[@]}" >"$w/log/$i" 2>&1; then
    oracle_fail "$listing" "tlbkit export failed: $(head -3 "$w/log/$i")" "$allowed/$stem.skip" "$w/log/$i" || status=1
    continue
  fi
  ref="$corpus/$listing"
  if [ "$(oracle_format "$tlbkit" "$corpus/$input" "$resource")" = SLTG ]; then
    ref="$w/ref/$i.txt"
    if ! "$tlbkit" inspect "$out" --format oleaut -o "$ref" >"$w/log/$i" 2>&1; then
      oracle_fail "$listing" "tlbkit inspect of the written file failed: $(head -3 "$w/log/$i")" || status=1
      continue
    fi
  fi
  written+=("$out") refs+=("$ref") names+=("$listing") allows+=("$allowed/$stem.diff")
done

if [ ${#written[@]} -gt 0 ]; then
  start=$EPOCHREALTIME
  oracle_list "$w/out" "${written[@]}"
  echo "listed ${#written[@]} written typelibs in one Wine run in $(oracle_seconds_since "$start") s"
  for k in "${!written[@]}"; do
    oracle_check "${names[$k]}" "${refs[$k]}" "$w/out/$((k + 1)).txt" "${allows[$k]}" || status=1
  done
fi
oracle_summary "typelib -> tlbkit export -> runtime" || status=1
exit $status
