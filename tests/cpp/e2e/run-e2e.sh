#!/usr/bin/env bash
# run-e2e.sh — runs an end-to-end program of generated C++ bindings (a MinGW-w64 .exe built by
# tests/cpp/cpp.cmake) under Wine, in a private prefix beside it. Layer: tests (tooling).
#
#   run-e2e.sh EXE [ARG...]
#
# Prints what the program prints; exits with its status (0 = every check held), 77 when the
# program or Wine is missing (the test then skips).
set -euo pipefail
if [ $# -lt 1 ]; then echo "usage: run-e2e.sh EXE [ARG...]" >&2; exit 2; fi
exe=$1
shift
if [ ! -f "$exe" ]; then
  echo "run-e2e.sh: $exe is not built (needs x86_64-w64-mingw32-g++)" >&2
  exit 77
fi
wine=$(command -v wine || command -v wine64 || true)
if [ -z "$wine" ] && [ -x /usr/lib/wine/wine64 ]; then wine=/usr/lib/wine/wine64; fi
if [ -z "$wine" ]; then echo "run-e2e.sh: wine is not installed (apt-get install wine wine64)" >&2; exit 77; fi

exe=$(readlink -f "$exe")
export WINEDEBUG=-all
export WINEPREFIX=${TLBKIT_E2E_WINEPREFIX:-$(dirname "$exe")/wineprefix}
unset DISPLAY WAYLAND_DISPLAY  # no window may open; nothing here needs one

# The prefix is made once (wineboot -i registers Wine's built-in COM servers, scrrun.dll and
# msxml6.dll among them); a lock makes concurrent first use safe, the marker says it is complete.
mkdir -p "$(dirname "$WINEPREFIX")"
exec 9>"$WINEPREFIX.lock"
flock 9
if [ ! -f "$WINEPREFIX/.tlbkit-e2e-ready" ]; then
  rm -rf "$WINEPREFIX"
  "$wine" wineboot -i >/dev/null 2>&1 || true
  wineserver_bin=$(command -v wineserver || true)
  [ -n "$wineserver_bin" ] && "$wineserver_bin" -w
  touch "$WINEPREFIX/.tlbkit-e2e-ready"
fi
flock -u 9

# The program writes its temporary files under %TEMP% of the prefix; run from a scratch folder.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
rc=0
"$wine" "$exe" "$@" || rc=$?
echo "run-e2e.sh: ${exe##*/} exited with status $rc"
exit "$rc"
