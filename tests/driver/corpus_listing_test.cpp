// The platform-fidelity test: for every typelib of the corpus, `inspect --format oleaut` must
// equal what the OLE Automation runtime listed for it (X.oleaut.txt), line for line — except
// where the runtime is shown to be wrong: X.oleaut.runtime-bugs.diff records those lines, with
// the evidence in testdata/corpus/RUNTIME-BUGS.md.
#include <doctest/doctest.h>

#include "driver/corpus_util.h"
#include "driver/driver.h"

using namespace tlbkit;
using namespace tlbkit::testing;

namespace {
std::string listing_of(const CorpusCase& c, std::string& diag_text, int& rc) {
  driver::Options o;
  o.input = c.input.string();
  if (c.resource) o.resource = c.resource;
  o.format = "oleaut";
  o.output = "out";
  support::DiagEngine diags;
  support::MemorySink sink;
  rc = driver::run(o, diags, sink);
  for (const auto& d : diags.all()) diag_text += support::format_diagnostic(d, support::DiagStyle::Gcc);
  return sink.files["out"];
}
}  // namespace

TEST_CASE("every corpus typelib lists exactly as the OLE Automation runtime lists it") {
  auto cases = corpus_cases();
  REQUIRE(cases.size() >= 50);  // 47 files, several with more than one TYPELIB resource
  int matched = 0;
  for (const CorpusCase& c : cases) {
    CAPTURE(c.display());
    std::string diags;
    int rc = 0;
    std::string ours = listing_of(c, diags, rc);
    CHECK_MESSAGE(rc == 0, diags);
    auto expected = split_lines(slurp(c.listing));
    std::filesystem::path bugs = c.listing;
    bugs.replace_extension(".runtime-bugs.diff");
    if (std::filesystem::exists(bugs)) {
      std::string err;
      auto patched = apply_unified_diff(expected, slurp(bugs), err);
      REQUIRE_MESSAGE(patched, bugs.string() << ": " << err);
      expected = *patched;
    }
    auto got = split_lines(ours);
    size_t n = std::min(expected.size(), got.size()), i = 0;
    while (i < n && expected[i] == got[i]) ++i;
    if (i == n && expected.size() == got.size()) {
      ++matched;
      continue;
    }
    std::string where = "first difference at line " + std::to_string(i + 1) + "\n  runtime: " +
                        (i < expected.size() ? expected[i] : "<end>") +
                        "\n  tlbkit:  " + (i < got.size() ? got[i] : "<end>");
    FAIL_CHECK(where);
  }
  MESSAGE(matched << " of " << cases.size() << " corpus listings match");
}

TEST_CASE("apply_unified_diff replaces exactly the recorded lines") {
  std::vector<std::string> in = {"a", "b", "c", "d"};
  std::string err;
  auto out = apply_unified_diff(in, "--- x\n+++ y\n@@ -2,2 +2,3 @@\n-b\n+B\n+B2\n c\n", err);
  REQUIRE(out);
  CHECK(*out == std::vector<std::string>{"a", "B", "B2", "c", "d"});
  CHECK_FALSE(apply_unified_diff(in, "@@ -2,1 +2,1 @@\n-x\n+y\n", err));
}
