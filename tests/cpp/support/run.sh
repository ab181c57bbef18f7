#!/usr/bin/env bash
# run.sh - runs the support header's runtime test (support_runtime_test.exe) under Wine, in a
# private prefix beside the .exe (made on first use). Layer: tests (tooling).
#
#   run.sh EXE
#
# Exit status: the program's (0 = every check passed); 77 when Wine or the .exe is missing
# (the test then skips).
set -euo pipefail
exe=${1:-}
if [ -z "$exe" ] || [ ! -f "$exe" ]; then
  echo "run.sh: the test program is not built ('$exe'; needs x86_64-w64-mingw32-g++)" >&2
  exit 77
fi
wine=$(command -v wine || command -v wine64 || true)
if [ -z "$wine" ] && [ -x /usr/lib/wine/wine64 ]; then wine=/usr/lib/wine/wine64; fi
if [ -z "$wine" ]; then echo "run.sh: wine is not installed (apt-get install wine wine64)" >&2; exit 77; fi

exe=$(readlink -f "$exe")
export WINEDEBUG=-all
export WINEPREFIX=$(dirname "$exe")/wineprefix
unset DISPLAY WAYLAND_DISPLAY  # no window may open; nothing here needs one
# The first run creates the prefix (Scripting.Dictionary is Wine's builtin scrrun, registered
# there by default); its start-up chatter goes to stderr, the program's checks to stdout.
cd "$(dirname "$exe")"
"$wine" "$exe"
