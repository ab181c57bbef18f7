#!/usr/bin/env bash
# typelib -> IDL -> typelib, judged by the real runtime: every corpus typelib written as IDL by
# `tlbkit inspect X --format idl`, then compiled again for the original's target by
# `tlbkit export` and by widl 8.0 (`widl -t`), must give a typelib the OLE Automation runtime
# (Wine, through tests/oracle) lists as the original (a half is skipped, said so, while tlbkit
# cannot read IDL or when widl is not installed):
#  - MSFT original: as the runtime lists the original (X.oleaut.txt);
#  - SLTG original: as tlbkit lists its direct MSFT rewrite (`tlbkit export X` then `tlbkit
#    inspect --format oleaut`), because the runtime's SLTG loader is buggy and sees the library
#    through another loader (runtime_roundtrip.sh holds that rewrite to the runtime).
# widl's three timestamp custom-data lines are dropped from both sides (widl writes them; the
# widl-made originals hold them, and their IDL need not). A difference passes only
# when tests/oracle/allowed/idl-{tlbkit,widl}/X.diff records it with a reason; a compiler that
# cannot compile the IDL (e.g. an importlib whose library is not in the repository) fails unless
# X.skip there says why. Run as: bash runtime_idl_roundtrip.sh TLBKIT_EXE SOURCE_DIR (exit 77 =
# skip). Layer: tests.
set -euo pipefail
tlbkit=$1
source "$2/tests/oracle/lib.sh"
oracle_init "$2"
oracle_need_listing_program
oracle_need_export "$tlbkit"
oracle_need_idl_output "$tlbkit"
corpus="$ORACLE_SRC/testdata/corpus"
include="$ORACLE_SRC/testdata/idl/wine-include"
w=$ORACLE_WORK
mkdir -p "$w/idl" "$w/ref" "$w/direct" "$w/tk" "$w/wd" "$w/log"
compilers=()
if why=$(oracle_reads_idl "$tlbkit"); then compilers+=(tlbkit); else echo "note: $why; only widl compiles the IDL"; fi
widl=$(command -v widl || true)
if [ -n "$widl" ]; then compilers+=(widl); else echo "note: widl is not installed (Debian: wine64-tools)"; fi
if [ ${#compilers[@]} -eq 0 ]; then echo "SKIP: no compiler can compile IDL here"; exit 77; fi

status=0
written=() refs=() names=() allows=()
# compile COMPILER I: compiles case I's IDL with tlbkit or widl into $w/{tk,wd}/I.tlb.
compile() {
  # Wine's stdole first: widl cannot read the SLTG stdole32.tlb that lies beside ms/ files.
  local search=(-I "$include" -I "$ORACLE_SRC/testdata/idl/wine-headers" -L "$corpus/wine"
                -L "$(dirname "$corpus/$input")")
  if [ "$1" = tlbkit ]; then
    "$tlbkit" export "$w/idl/$2.idl" --target "$target" "${search[@]}" -o "$w/tk/$2.tlb"
  else
    # In the work folder: widl leaves a temporary folder in the current directory when it
    # crashes.
    (cd "$w" && "$widl" -t "--$target" "${search[@]}" -o "$w/wd/$2.tlb" "$w/idl/$2.idl")
  fi
}

mapfile -t cases < <(oracle_corpus_cases)
for i in "${!cases[@]}"; do
  IFS=$'\t' read -r input resource listing <<<"${cases[$i]}"
  stem=${listing%.oleaut.txt}
  res=(); [ "$resource" = 0 ] || res=(--resource "$resource")
  target=$(oracle_target "$corpus/$listing")
  if ! "$tlbkit" inspect "$corpus/$input" "${res[@]}" --format idl -o "$w/idl/$i.idl" >"$w/log/$i" 2>&1; then
    oracle_fail "$listing" "tlbkit inspect --format idl failed: $(head -3 "$w/log/$i")" || status=1
    continue
  fi
  ref="$corpus/$listing"
  if [ "$(oracle_format "$tlbkit" "$corpus/$input" "$resource")" = SLTG ]; then
    ref="$w/ref/$i.txt"
    if ! { "$tlbkit" export "$corpus/$input" "${res[@]}" -o "$w/direct/$i.tlb" &&
           "$tlbkit" inspect "$w/direct/$i.tlb" --format oleaut -o "$ref"; } >"$w/log/$i" 2>&1; then
      oracle_fail "$listing" "the direct rewrite of the SLTG original failed: $(head -3 "$w/log/$i")" || status=1
      continue
    fi
  fi
  for compiler in "${compilers[@]}"; do
    dir=tk; [ "$compiler" = widl ] && dir=wd
    allowed="$ORACLE_ALLOWED/idl-$compiler/$stem"
    if ! compile "$compiler" "$i" >"$w/log/$i.$compiler" 2>&1; then
      oracle_fail "$listing ($compiler)" "$compiler cannot compile the IDL: $(head -5 "$w/log/$i.$compiler")" \
        "$allowed.skip" "$w/log/$i.$compiler" || status=1
      continue
    fi
    written+=("$w/$dir/$i.tlb") refs+=("$ref") names+=("$listing ($compiler)")
    allows+=("$allowed.diff")
  done
done

if [ ${#written[@]} -gt 0 ]; then
  start=$EPOCHREALTIME
  oracle_list "$w/out" "${written[@]}"
  echo "listed ${#written[@]} recompiled typelibs in one Wine run in $(oracle_seconds_since "$start") s"
  for k in "${!written[@]}"; do
    # widl's timestamps: in what widl writes, and in the reference when widl made the original.
    got="$w/out/$((k + 1)).txt"
    oracle_strip_widl_stamps "$got" "$got.nostamps"
    oracle_strip_widl_stamps "${refs[$k]}" "$w/out/ref.$((k + 1)).txt"
    oracle_check "${names[$k]}" "$w/out/ref.$((k + 1)).txt" "$got.nostamps" "${allows[$k]}" || status=1
  done
fi
oracle_summary "typelib -> tlbkit inspect --format idl -> tlbkit export / widl -> runtime" || status=1
exit $status
