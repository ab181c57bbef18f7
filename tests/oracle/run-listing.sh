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
# listing says "loadfail 0x…"); 2 on a usage error; 77 when Wine or the .exe is missing (the
# tests then skip).
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
trap 'rm -rf "$empty"' EXIT
cd "$empty"
status=0
"$wine" "$exe" -o "$(win_path "$outdir")" "${args[@]}" 2>/dev/null || status=$?
# Every listing must exist, or the program itself failed (e.g. Wine could not start it).
for i in "${!files[@]}"; do
  if [ ! -f "$outdir/$((i + 1)).txt" ]; then
    echo "run-listing.sh: no listing for ${files[$i]} (wine exit status $status)" >&2
    exit 2
  fi
done
[ "$status" -le 1 ] || exit 2
exit "$status"
