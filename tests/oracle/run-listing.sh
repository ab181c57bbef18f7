#!/usr/bin/env bash
# run-listing.sh — runs the project's listing program (tlbkit-listing.exe, built from
# tests/oracle/tlbkit_listing.cpp) under Wine: lists many type libraries with the real OLE
# Automation runtime in ONE Wine start-up. Layer: tests (tooling).
#
#   run-listing.sh OUTDIR FILE...     writes the listing of the i-th FILE (1-based) to OUTDIR/i.txt
#
# FILE is a Unix path; "file.dll\N" (quote it) names the N-th TYPELIB resource of a PE file.
# Environment: TLBKIT_LISTING_EXE (the .exe; required), TLBKIT_WINEPREFIX (default: "wineprefix"
# beside the .exe, made on first use). Exit status: 0; 1 if a file could not be loaded (its
# listing says "loadfail 0x…") or the runtime crashed on it (its listing says "crash"); 2 on a
# usage error or when the program cannot run; 77 when Wine or the .exe is missing (the tests
# then skip).
set -euo pipefail
if [ $# -lt 2 ]; then echo "usage: run-listing.sh OUTDIR FILE..." >&2; exit 2; fi
exe=${TLBKIT_LISTING_EXE:-}
if [ -z "$exe" ] || [ ! -f "$exe" ]; then
  echo "run-listing.sh: the listing program is not built (TLBKIT_LISTING_EXE='$exe'; needs x86_64-w64-mingw32-g++)" >&2
  exit 77
fi
wine=$(command -v wine || command -v wine64 || true)
if [ -z "$wine" ] && [ -x /usr/lib/wine/wine64 ]; then wine=/usr/lib/wine/wine64; fi
if [ -z "$wine" ]; then echo "run-listing.sh: wine is not installed (apt-get install wine wine64)" >&2; exit 77; fi

exe=$(readlink -f "$exe")
export WINEDEBUG=-all
export WINEPREFIX=${TLBKIT_WINEPREFIX:-$(dirname "$exe")/wineprefix}
unset DISPLAY WAYLAND_DISPLAY  # no window may open; nothing here needs one

# "Z:" is Wine's drive for "/" in every prefix, so a Unix path maps without starting Wine.
win_path() { local p=${1//\//\\}; printf 'Z:%s' "$p"; }

outdir=$1; shift
mkdir -p "$outdir"
outdir=$(readlink -f "$outdir")
rm -f "$outdir"/[0-9]*.txt  # a listing left from an earlier run must not pass for a new one
files=("$@")
args=()
for f in "$@"; do
  base=${f%\\*}; idx=""; [ "$base" != "$f" ] && idx="\\${f##*\\}"
  [ -e "$base" ] || { echo "run-listing.sh: $base: no such file" >&2; exit 2; }
  args+=("$(win_path "$(readlink -f "$base")")$idx")
done

# The prefix: made once (wineboot -i), like a Windows machine with OLE Automation (stdole 1.0 and
# 2.0) registered for win32 and win64 — the machine the reference listings describe. A lock makes
# concurrent first use (ctest -j) safe; the marker is written only when the prefix is complete.
mkdir -p "$(dirname "$WINEPREFIX")"
exec 9>"$WINEPREFIX.lock"
flock 9
if [ ! -f "$WINEPREFIX/.tlbkit-listing-ready" ]; then
  rm -rf "$WINEPREFIX"
  "$wine" wineboot -i >/dev/null 2>&1 || true
  key='HKCR\Typelib\{00020430-0000-0000-C000-000000000046}'
  "$wine" reg add "$key\\1.0\\0\\win32" /ve /d 'C:\windows\system32\stdole32.tlb' /f >/dev/null 2>&1
  "$wine" reg add "$key\\2.0\\0\\win32" /ve /d 'C:\windows\system32\stdole2.tlb' /f >/dev/null 2>&1
  wineserver_bin=$(command -v wineserver || true)
  [ -n "$wineserver_bin" ] && "$wineserver_bin" -w  # registry flushed to disk before we go on
  touch "$WINEPREFIX/.tlbkit-listing-ready"
fi
flock -u 9

# Run from an empty directory: for an import it cannot find in the registry the runtime searches
# the current directory, and would find (and register) what happens to lie there.
empty=$(mktemp -d)
scratch=$(mktemp -d)
trap 'rm -rf "$empty" "$scratch"' EXIT
cd "$empty"

# One Wine run lists every file. Should the runtime crash on one (Wine's own oleaut32 faults on
# some libraries, and a broken typelib may make it fault), that file's listing says "crash" and a
# new run goes on with the files after it. The files go in a list file: a Windows command line
# holds at most 32767 characters.
status=0 done_count=0 n=${#args[@]}
while [ "$done_count" -lt "$n" ]; do
  rm -f "$scratch"/*.txt
  printf '%s\n' "${args[@]:done_count}" >"$scratch/list"
  rc=0
  "$wine" "$exe" -o "$(win_path "$scratch")" "@$(win_path "$scratch/list")" >/dev/null 2>&1 || rc=$?
  [ "$rc" -ne 1 ] || status=1
  made=0
  while [ -f "$scratch/$((made + 1)).txt" ]; do
    mv "$scratch/$((made + 1)).txt" "$outdir/$((done_count + made + 1)).txt"
    made=$((made + 1))
  done
  done_count=$((done_count + made))
  [ "$done_count" -lt "$n" ] || break
  if [ "$made" -eq 0 ] && [ "$done_count" -eq 0 ]; then
    # Nothing listed at all: a crash on the first file, or a program that cannot start. Without
    # arguments a working program prints its usage and exits with status 2.
    probe=0
    "$wine" "$exe" >/dev/null 2>&1 </dev/null || probe=$?
    if [ "$probe" -ne 2 ]; then
      echo "run-listing.sh: the listing program does not run under Wine (status $probe)" >&2
      exit 2
    fi
  fi
  echo "run-listing.sh: the runtime crashed listing ${files[$done_count]} (status $rc)" >&2
  echo crash >"$outdir/$((done_count + 1)).txt"
  status=1 done_count=$((done_count + 1))
done
exit "$status"
