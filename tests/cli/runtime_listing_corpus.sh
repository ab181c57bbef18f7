#!/usr/bin/env bash
# The project's listing program (tests/oracle) against the stored reference listings: every
# TYPELIB of testdata/corpus, loaded by the real OLE Automation runtime under Wine, must list
# exactly as X.oleaut.txt / X.N.oleaut.txt says — which shows the program equals the oracle the
# references came from, so the other runtime_*.sh tests may judge tlbkit's typelibs with it.
# Run as: bash runtime_listing_corpus.sh TLBKIT_EXE SOURCE_DIR (exit 77 = skip). Layer: tests.
set -euo pipefail
source "$2/tests/oracle/lib.sh"
oracle_init "$2"
oracle_need_listing_program

mapfile -t cases < <(oracle_corpus_cases)
files=()
for c in "${cases[@]}"; do
  IFS=$'\t' read -r input resource _ <<<"$c"
  f="$ORACLE_SRC/testdata/corpus/$input"
  [ "$resource" = 0 ] || f="$f\\$resource"
  files+=("$f")
done
start=$EPOCHREALTIME
oracle_list "$ORACLE_WORK/out" "${files[@]}"
echo "listed ${#files[@]} typelibs in one Wine run in $(oracle_seconds_since "$start") s"

status=0
for i in "${!cases[@]}"; do
  IFS=$'\t' read -r input resource listing <<<"${cases[$i]}"
  oracle_check "$listing" "$ORACLE_SRC/testdata/corpus/$listing" "$ORACLE_WORK/out/$((i + 1)).txt" || status=1
done
oracle_summary "runtime listing of the corpus" || status=1
exit $status
