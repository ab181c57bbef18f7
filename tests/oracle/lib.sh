# lib.sh — shell helpers shared by the runtime tests (tests/cli/runtime_*.sh): the corpus cases,
# one batched Wine run for many listings, and comparison against a reference listing where the
# only differences allowed are those recorded, with a reason, in tests/oracle/allowed/. Sourced,
# not run. Layer: tests (tooling).

# oracle_init SOURCE_DIR: sets ORACLE_SRC, ORACLE_RUN (the runner) and ORACLE_WORK (a scratch
# directory removed on exit, kept when TLBKIT_KEEP_WORK=1), and the counters of oracle_check.
oracle_init() {
  ORACLE_SRC=$(cd "$1" && pwd)
  ORACLE_RUN="$ORACLE_SRC/tests/oracle/run-listing.sh"
  ORACLE_WORK=$(mktemp -d "${TMPDIR:-/tmp}/tlbkit-runtime.XXXXXX")
  if [ "${TLBKIT_KEEP_WORK:-0}" = 1 ]; then
    echo "work directory: $ORACLE_WORK"
  else
    trap 'rm -rf "$ORACLE_WORK"' EXIT
  fi
  ORACLE_TOTAL=0 ORACLE_SAME=0 ORACLE_EXPLAINED=0 ORACLE_SKIPPED=0 ORACLE_FAILED=0
  ORACLE_ALLOWED="$ORACLE_SRC/tests/oracle/allowed"
}

# oracle_need_listing_program: skips the test (exit 77) when the listing program cannot run here.
oracle_need_listing_program() {
  if [ -z "${TLBKIT_LISTING_EXE:-}" ] || [ ! -f "$TLBKIT_LISTING_EXE" ]; then
    echo "SKIP: the runtime listing program is not built (needs x86_64-w64-mingw32-g++ when configuring)"
    exit 77
  fi
  if ! command -v wine >/dev/null && ! command -v wine64 >/dev/null && [ ! -x /usr/lib/wine/wine64 ]; then
    echo "SKIP: wine is not installed (apt-get install wine wine64)"
    exit 77
  fi
}

# oracle_need_export TLBKIT: skips the test (exit 77) while `tlbkit export` does not exist (the
# top-level help lists it among the subcommands; `tlbkit export --help` alone is no proof, since
# an unknown subcommand then prints the top-level help and succeeds).
oracle_need_export() {
  if ! "$1" --help 2>/dev/null | grep -qE '^ +export( |$)'; then
    echo "SKIP: \`tlbkit export\` does not exist yet"
    exit 77
  fi
}

# oracle_need_idl_output TLBKIT: skips the test (exit 77) while `tlbkit inspect` has no IDL output.
oracle_need_idl_output() {
  if ! "$1" inspect --help 2>/dev/null | grep -E -- '--format' | grep -qw idl; then
    echo "SKIP: \`tlbkit inspect --format idl\` does not exist yet"
    exit 77
  fi
}

# oracle_reads_idl TLBKIT: fails (printing why) while `tlbkit export` says IDL input is "not
# supported yet" (any other failure on a one-line library is left to the tests to report).
oracle_reads_idl() {
  local probe="$ORACLE_WORK/probe"
  mkdir -p "$probe"
  printf '[uuid(8e4b9a51-3d3c-4c55-9c51-2f1f6b0c1a01)] library Probe { };\n' >"$probe/probe.idl"
  if ! "$1" export "$probe/probe.idl" -o "$probe/probe.tlb" >"$probe/log" 2>&1 &&
     grep -q "not supported yet" "$probe/log"; then
    echo "\`tlbkit export\` does not read IDL yet: $(head -1 "$probe/log")"
    return 1
  fi
}

# oracle_need_idl_input TLBKIT: skips the test (exit 77) while `tlbkit export` cannot read IDL.
oracle_need_idl_input() {
  local why
  why=$(oracle_reads_idl "$1") || { echo "SKIP: $why"; exit 77; }
}

# oracle_corpus_cases: one line per corpus listing, "INPUT<TAB>RESOURCE<TAB>LISTING" (paths
# relative to testdata/corpus; RESOURCE 0 = the file itself, N = its TYPELIB resource N, whose
# listing is X.N.oleaut.txt), sorted.
oracle_corpus_cases() {
  (cd "$ORACLE_SRC/testdata/corpus" && find . -name '*.oleaut.txt' | sed 's|^\./||' | LC_ALL=C sort) |
    while read -r listing; do
      local stem=${listing%.oleaut.txt}
      if [ -f "$ORACLE_SRC/testdata/corpus/$stem" ]; then
        printf '%s\t0\t%s\n' "$stem" "$listing"
      else
        printf '%s\t%s\t%s\n' "${stem%.*}" "${stem##*.}" "$listing"
      fi
    done
}

# oracle_list OUTDIR FILE...: the runtime's listings of FILEs, in ONE Wine run, as OUTDIR/i.txt.
# A file the runtime refuses gets a listing "loadfail 0x…", which the comparison then shows.
oracle_list() {
  local rc=0
  bash "$ORACLE_RUN" "$@" || rc=$?
  if [ "$rc" -eq 77 ]; then echo "SKIP: the listing program cannot run"; exit 77; fi
  if [ "$rc" -gt 1 ]; then echo "FAIL: the listing program failed (status $rc)"; exit 1; fi
}

# oracle_check NAME EXPECTED ACTUAL [ALLOWED]: compares two listings. Identical: counted as such.
# Otherwise the difference (`diff -u`, labels "expected"/"runtime") must equal the hunks of the
# checked-in file ALLOWED (tests/oracle/allowed/…; its text before the first "--- " line is the
# reason, which must not be empty) — counted as explained; else the diff is printed and counted
# as a failure.
oracle_check() {
  local name=$1 expected=$2 actual=$3 allowed=${4:-}
  ORACLE_TOTAL=$((ORACLE_TOTAL + 1))
  if cmp -s "$expected" "$actual"; then
    ORACLE_SAME=$((ORACLE_SAME + 1))
    return 0
  fi
  local d="$ORACLE_WORK/diff.$ORACLE_TOTAL"
  diff -u --label expected --label runtime "$expected" "$actual" >"$d" || true
  if [ -n "$allowed" ] && [ -f "$allowed" ]; then
    local reason
    reason=$(sed -n '/^--- /q;p' "$allowed" | tr -d '[:space:]')
    if [ -z "$reason" ]; then
      echo "FAIL $name: $allowed gives no reason before its diff"
    elif cmp -s <(sed -n '/^--- /,$p' "$allowed") "$d"; then
      ORACLE_EXPLAINED=$((ORACLE_EXPLAINED + 1))
      echo "explained $name: $(sed -n '/^--- /q;p' "$allowed" | head -1)"
      return 0
    else
      echo "FAIL $name: the difference is not the one $allowed records"
    fi
  else
    echo "FAIL $name: listings differ"
  fi
  ORACLE_FAILED=$((ORACLE_FAILED + 1))
  head -n "${TLBKIT_DIFF_LINES:-60}" "$d"
  return 1
}

# oracle_seconds_since START: seconds elapsed since START (an $EPOCHREALTIME), to 0.1 s.
oracle_seconds_since() {
  awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'
}

# oracle_fail NAME MESSAGE [SKIPFILE [LOG]]: a case that could not be compared at all (a compiler
# failed). It fails, unless the checked-in SKIPFILE (tests/oracle/allowed/…/X.skip) exists, gives
# the reason on its first line, and each of its "expect: TEXT" lines names text found in LOG (the
# compiler's messages) — then it counts as not compiled, as recorded.
oracle_fail() {
  ORACLE_TOTAL=$((ORACLE_TOTAL + 1))
  local skip=${3:-} log=${4:-/dev/null} ok=no
  if [ -n "$skip" ] && [ -f "$skip" ] && [ -n "$(head -1 "$skip" | tr -d '[:space:]')" ]; then
    ok=yes
    while IFS= read -r want; do
      grep -qF -- "$want" "$log" || { ok=no; echo "  (not as recorded: no \"$want\" in the messages)"; }
    done < <(sed -n 's/^expect: //p' "$skip")
  fi
  if [ "$ok" = yes ]; then
    ORACLE_SKIPPED=$((ORACLE_SKIPPED + 1))
    echo "not compiled $1, as recorded: $(head -1 "$skip")"
    return 0
  fi
  ORACLE_FAILED=$((ORACLE_FAILED + 1))
  echo "FAIL $1: $2"
  return 1
}

# oracle_target LISTING: "win32" or "win64", from the syskind of the library line of a listing.
oracle_target() {
  case $(head -1 "$1" | grep -o ' syskind=[0-9]*') in
    " syskind=3") echo win64 ;;
    *) echo win32 ;;
  esac
}

# oracle_format TLBKIT FILE RESOURCE: "MSFT" or "SLTG", the magic at the start of the typelib
# (RESOURCE 0: the first TYPELIB resource, which is what the runtime loads for a bare file name).
oracle_format() {
  local line offset
  if [ "$3" = 0 ]; then
    line=$("$1" inspect "$2" --list-resources | head -1)
  else
    line=$("$1" inspect "$2" --list-resources | grep -F "\\$3 " | head -1)
  fi
  offset=$(sed -n 's/.* offset=\([0-9]*\) .*/\1/p' <<<"$line")
  tail -c +"$((${offset:-0} + 1))" "$2" | head -c 4
}

# oracle_strip_widl_stamps IN OUT: IN without widl's three timestamp custom-data lines, which a
# tlbkit typelib never has ({DE77BA63,64,65-517C-11D1-A2DA-0000F8773CE9}).
oracle_strip_widl_stamps() {
  grep -v -E '^ *custom \{DE77BA6[345]-517C-11D1-A2DA-0000F8773CE9\} ' "$1" >"$2" || true
}

# oracle_summary WHAT: prints "N of M identical" and exits 1 on any unexplained difference.
oracle_summary() {
  echo "$1: $ORACLE_SAME of $ORACLE_TOTAL identical, $ORACLE_EXPLAINED differ as recorded in tests/oracle/allowed/, $ORACLE_SKIPPED not compiled as recorded, $ORACLE_FAILED fail"
  [ "$ORACLE_FAILED" -eq 0 ] && [ "$ORACLE_TOTAL" -gt 0 ]
}
