#!/usr/bin/env bash
# The command line's exit codes (0 ok, 1 input error, 2 usage error — never 3 or a signal for bad
# input) and its promise that a failed run writes no output file and leaves an existing one as
# it was. Usage: bash exit_codes.sh TLBKIT_EXE SOURCE_DIR
set -u
exe=$1
src=$2
corpus=$src/testdata/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect CODE WHAT -- ARGS...: runs tlbkit ARGS, checks the exit code; stderr is kept in $tmp/err.
expect() {
  local want=$1 what=$2
  shift 3
  "$exe" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    fail "$what: exit $got, expected $want (tlbkit $*)"
    sed 's/^/    /' "$tmp/err" >&2
  fi
}

# stderr_has TEXT WHAT: the last run's diagnostics mention TEXT.
stderr_has() {
  grep -qF -- "$1" "$tmp/err" || fail "$2: stderr does not mention '$1': $(head -c 300 "$tmp/err")"
}

no_file() {
  [ ! -e "$1" ] || fail "$2: $1 exists after a failed run"
  ls "$tmp"/*.tlbkit-tmp >/dev/null 2>&1 && fail "$2: a temporary output file was left behind"
}

# ---- Usage errors: exit 2 ---------------------------------------------------------------------
expect 2 "no subcommand" --
expect 2 "unknown flag" -- inspect "$corpus/widl/netfw_win32.tlb" --no-such-flag
expect 2 "unknown format" -- inspect "$corpus/widl/netfw_win32.tlb" --format xml -o "$tmp/u.json"
no_file "$tmp/u.json" "unknown format"
expect 2 "missing input argument" -- inspect
expect 2 "bad --resource value" -- inspect "$corpus/ms/olepro32.dll" --resource abc

# ---- Input errors: exit 1, one clear diagnostic, no output ------------------------------------
expect 1 "missing path" -- inspect "$tmp/no-such.tlb" --format json -o "$tmp/m.json"
stderr_has "no-such.tlb" "missing path"
no_file "$tmp/m.json" "missing path"

mkdir "$tmp/adir"
expect 1 "a directory" -- inspect "$tmp/adir" --format json -o "$tmp/d.json"
stderr_has "adir" "a directory"
no_file "$tmp/d.json" "a directory"

printf 'this is not a type library\n' >"$tmp/words.tlb"
expect 1 "wrong magic" -- inspect "$tmp/words.tlb" -o "$tmp/w.txt"
stderr_has "words.tlb: offset 0x" "wrong magic"
no_file "$tmp/w.txt" "wrong magic"

expect 1 "absent TYPELIB resource" -- inspect "$corpus/ms/olepro32.dll\\9" -o "$tmp/r.txt"
stderr_has "olepro32.dll" "absent TYPELIB resource"
no_file "$tmp/r.txt" "absent TYPELIB resource"

for f in widl/netfw_win32.tlb ms/sltg-bare/stdole32.res1.sltg.tlb wine/stdole2.tlb; do
  for n in 0 10 100 1000 4000; do
    head -c "$n" "$corpus/$f" >"$tmp/cut.tlb"
    for fmt in json oleaut text; do
      expect 1 "$f cut to $n bytes ($fmt)" -- inspect "$tmp/cut.tlb" --format "$fmt" -o "$tmp/cut.out"
      stderr_has "cut.tlb: offset 0x" "$f cut to $n bytes ($fmt)"
      no_file "$tmp/cut.out" "$f cut to $n bytes ($fmt)"
    done
  done
done

# A failed run leaves an existing output exactly as it was.
printf 'previous\n' >"$tmp/keep.json"
expect 1 "failed run over an existing output" -- inspect "$tmp/cut.tlb" --format json -o "$tmp/keep.json"
[ "$(cat "$tmp/keep.json")" = "previous" ] || fail "a failed run changed an existing output file"

# msvc-style diagnostics carry the offset too.
expect 1 "msvc diagnostics" -- --diagnostics-format msvc inspect "$tmp/words.tlb"
stderr_has "words.tlb(offset 0x" "msvc diagnostics"

# ---- Headers (issue 5): clang's errors located, one error for a missing include, no output ------
hdr=$src/testdata/cheader/unit
expect 1 "header with a missing include" -- import "$hdr/missing_include.h" --cpp "$tmp/hgen" --json "$tmp/h.json"
stderr_has "missing_include.h:2:10: error: " "header with a missing include"
stderr_has "no_such_header_anywhere.h" "header with a missing include"
[ "$(grep -c 'error' "$tmp/err")" -eq 1 ] || fail "header with a missing include: not exactly one error: $(cat "$tmp/err")"
no_file "$tmp/h.json" "header with a missing include"
no_file "$tmp/hgen" "header with a missing include"
expect 1 "header with a syntax error" -- export "$hdr/syntax_error.h" -o "$tmp/s.tlb"
stderr_has "syntax_error.h:" "header with a syntax error"
no_file "$tmp/s.tlb" "header with a syntax error"
expect 1 "msvc diagnostics for a header" -- --diagnostics-format msvc inspect "$hdr/missing_include.h"
stderr_has "missing_include.h(2,10)" "msvc diagnostics for a header"
expect 2 "bad --target" -- inspect "$hdr/layout.h" --target win16
expect 1 "missing --dll-map file" -- inspect "$hdr/funcs.h" --dll-map "$tmp/no-such.map" -o "$tmp/f.txt"
stderr_has "no-such.map" "missing --dll-map file"
no_file "$tmp/f.txt" "missing --dll-map file"
expect 1 "bad --dll-map line" -- inspect "$hdr/funcs.h" --dll-map "$hdr/bad.map" -o "$tmp/f.txt"
stderr_has "bad.map:" "bad --dll-map line"
no_file "$tmp/f.txt" "bad --dll-map line"
# The header options on the real command line: -I, -D, --clang-arg (here: read as C), --dll-map.
expect 0 "header with -I" -- inspect "$hdr/include_dir.h" -I "$hdr/inc" -o "$tmp/i.txt"
grep -q "struct UsesExtra" "$tmp/i.txt" || fail "header with -I: UsesExtra not read"
expect 0 "header read as C" -- inspect "$src/testdata/cheader/widl-h/msxml6.h" --clang-arg=-x --clang-arg=c \
  -D__msxml_h__ --target win32 -o "$tmp/x.txt"
grep -q "interface IXMLDOMNode" "$tmp/x.txt" || fail "header read as C: IXMLDOMNode not read"
expect 0 "header with --dll-map" -- inspect "$hdr/funcs.h" --dll-map "$hdr/dlls.map" --format idl -o "$tmp/f.idl"
grep -q 'dllname("thing.dll")' "$tmp/f.idl" || fail "header with --dll-map: no module for thing.dll"

# ---- Success: exit 0 and the output is written -----------------------------------------------
expect 0 "a good library" -- inspect "$corpus/widl/netfw_win32.tlb" --format json -o "$tmp/ok.json"
[ -s "$tmp/ok.json" ] || fail "a good library: no output written"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "exit codes: all checks passed"
