#!/usr/bin/env bash
# The comparison the runtime tests rely on (tests/oracle/lib.sh oracle_check): identical listings
# pass; a difference passes only when a checked-in file records exactly it, with a reason; any
# other difference, or a recorded one without a reason, fails. Needs no Wine.
# Run as: bash runtime_compare.sh TLBKIT_EXE SOURCE_DIR. Layer: tests.
set -euo pipefail
source "$2/tests/oracle/lib.sh"
oracle_init "$2"
w=$ORACLE_WORK
fail() { echo "FAIL: $*"; exit 1; }

printf 'library L\ntype A kind=1\ntype B kind=1\n' >"$w/ref"
cp "$w/ref" "$w/same"
printf 'library L\ntype A kind=2\ntype B kind=1\n' >"$w/other"
{ echo "Reason: A is a union here, for a test."
  diff -u --label expected --label runtime "$w/ref" "$w/other" || true; } >"$w/allowed.diff"
sed -n '/^--- /,$p' "$w/allowed.diff" >"$w/no-reason.diff"
printf 'library L\ntype A kind=3\ntype B kind=1\n' >"$w/third"

oracle_check same "$w/ref" "$w/same" >/dev/null || fail "identical listings were refused"
if oracle_check unexplained "$w/ref" "$w/other" >/dev/null; then fail "an unrecorded difference passed"; fi
oracle_check recorded "$w/ref" "$w/other" "$w/allowed.diff" >/dev/null ||
  fail "the recorded difference was refused"
if oracle_check no-reason "$w/ref" "$w/other" "$w/no-reason.diff" >/dev/null; then
  fail "a recorded difference without a reason passed"
fi
if oracle_check another "$w/ref" "$w/third" "$w/allowed.diff" >/dev/null; then
  fail "a difference other than the recorded one passed"
fi
[ "$ORACLE_TOTAL/$ORACLE_SAME/$ORACLE_EXPLAINED/$ORACLE_FAILED" = 5/1/1/3 ] ||
  fail "counts $ORACLE_TOTAL/$ORACLE_SAME/$ORACLE_EXPLAINED/$ORACLE_FAILED"

# A compiler failure passes only with a recorded reason whose expected messages all appear.
printf 'error: #error no literal for this\n' >"$w/log"
printf 'No literal exists, for a test.\nexpect: no literal for\n' >"$w/skip"
printf 'Another reason.\nexpect: something else\n' >"$w/wrong.skip"
oracle_fail skipped "failed" "$w/skip" "$w/log" >/dev/null || fail "a recorded compile failure was refused"
if oracle_fail unrecorded "failed" >/dev/null; then fail "an unrecorded compile failure passed"; fi
if oracle_fail other "failed" "$w/wrong.skip" "$w/log" >/dev/null; then
  fail "a compile failure with other messages than recorded passed"
fi
[ "$ORACLE_SKIPPED/$ORACLE_FAILED" = 1/5 ] || fail "counts after skips $ORACLE_SKIPPED/$ORACLE_FAILED"
if oracle_summary selftest >/dev/null; then fail "the summary passed with failures"; fi
echo "oracle_check and oracle_fail: 8 of 8 cases behave"
