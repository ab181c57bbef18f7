// Golden test of the diagnostics `tlbkit export` prints for bad IDL (issue 3: compiler-style
// errors with file:line:column and the include chain, many per run, never a crash): each
// testdata/golden/idl-errors/NAME.idl is compiled through the driver as the command line does
// (-I testdata/idl/wine-include -I testdata/idl/wine-headers, -L testdata/corpus/wine), and what it prints (gcc style), its
// exit code and whether it wrote an output must equal NAME.txt. UPDATE_GOLDENS=1 rewrites the
// goldens (refused when CI=true); review the diff before committing. Layer: tests.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "driver/corpus_util.h"
#include "driver/driver.h"
#include "support/output_sink.h"

using namespace tlbkit;
using namespace tlbkit::testing;
namespace fs = std::filesystem;

namespace {

const std::string kCaseDir = "testdata/golden/idl-errors";

bool env_is(const char* name, const char* value) {
  const char* v = std::getenv(name);
  return v && std::string(v) == value;
}

/// Paths in diagnostics are printed as given; the test gives absolute ones and shows them
/// relative to the source tree, so the goldens do not depend on where the tree is.
std::string relative_paths(std::string text) {
  const std::string prefix = source_dir() + "/";
  for (size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at))
    text.erase(at, prefix.size());
  return text;
}

/// What the command line shows for `tlbkit export NAME.idl -o out.tlb -I … -L …`: every
/// diagnostic, then the exit code and the outputs written.
std::string compile(const std::string& name) {
  driver::Options o;
  o.command = driver::Command::Export;
  o.input = source_dir() + "/" + kCaseDir + "/" + name;
  o.output = "out.tlb";
  o.include_dirs = {source_dir() + "/testdata/idl/wine-include",
                    source_dir() + "/testdata/idl/wine-headers"};
  o.tlb_paths = {source_dir() + "/testdata/corpus/wine"};
  support::DiagEngine diags;
  support::MemorySink sink;
  int rc = driver::run(o, diags, sink);
  std::string out;
  for (const auto& d : diags.all()) out += support::format_diagnostic(d, support::DiagStyle::Gcc);
  out += "exit " + std::to_string(rc) + "\n";
  for (const auto& [path, bytes] : sink.files) out += "wrote " + path + "\n";
  return relative_paths(out);
}

void check_golden(const std::string& got, const fs::path& golden) {
  if (env_is("UPDATE_GOLDENS", "1")) {
    REQUIRE_MESSAGE(!env_is("CI", "true"), "UPDATE_GOLDENS is refused when CI=true");
    std::ofstream(golden, std::ios::binary) << got;
    MESSAGE("rewrote " << golden.string());
    return;
  }
  REQUIRE_MESSAGE(fs::exists(golden), golden.string() << " is missing (UPDATE_GOLDENS=1 writes it)");
  const std::string want = slurp(golden);
  CHECK_MESSAGE(got == want, golden.filename().string() << " differs (UPDATE_GOLDENS=1 rewrites it)\n"
                                                        << "--- golden\n" << want << "--- now\n" << got);
}

/// The checks every case must pass whatever its golden says: an error (not only warnings),
/// every error located at file:line:column in a file of the case, exit code 1, no output.
void check_rules(const std::string& got) {
  bool any_error = false;
  for (const std::string& line : split_lines(got)) {
    if (line.find(": error: ") == std::string::npos) continue;
    any_error = true;
    // "path:LINE:COL: error: …"
    std::string head = line.substr(0, line.find(": error: "));
    size_t c2 = head.rfind(':'), c1 = c2 == std::string::npos ? c2 : head.rfind(':', c2 - 1);
    bool located = c1 != std::string::npos && c1 > 0 &&
                   std::atoi(head.substr(c1 + 1, c2 - c1 - 1).c_str()) > 0 &&
                   std::atoi(head.substr(c2 + 1).c_str()) > 0;
    CHECK_MESSAGE(located, "error without file:line:column: " << line);
    CHECK_MESSAGE(head.rfind(kCaseDir + "/", 0) == 0, "error outside the case's files: " << line);
  }
  CHECK_MESSAGE(any_error, "no error reported:\n" << got);
  CHECK_MESSAGE(got.find("exit 1\n") != std::string::npos, "exit code is not 1:\n" << got);
  CHECK_MESSAGE(got.find("\nwrote ") == std::string::npos, "an output was written:\n" << got);
}

void golden_case(const std::string& stem) {
  CAPTURE(stem);
  std::string got = compile(stem + ".idl");
  check_rules(got);
  check_golden(got, fs::path(source_dir()) / kCaseDir / (stem + ".txt"));
}

}  // namespace

TEST_CASE("idl diagnostics golden: every case has its golden and every golden its case") {
  for (const auto& e : fs::directory_iterator(fs::path(source_dir()) / kCaseDir)) {
    fs::path p = e.path();
    if (p.extension() == ".idl") CHECK_MESSAGE(fs::exists(fs::path(p).replace_extension(".txt")), p.string());
    if (p.extension() == ".txt") CHECK_MESSAGE(fs::exists(fs::path(p).replace_extension(".idl")), p.string());
  }
}

TEST_CASE("idl diagnostics golden: a syntax error") { golden_case("syntax-error"); }
TEST_CASE("idl diagnostics golden: two errors in one file, both reported") { golden_case("two-errors"); }
TEST_CASE("idl diagnostics golden: an error in an #included file, with the include chain") {
  golden_case("error-in-include");
}
TEST_CASE("idl diagnostics golden: a missing #include") { golden_case("missing-include"); }
TEST_CASE("idl diagnostics golden: a missing import") { golden_case("missing-import"); }
TEST_CASE("idl diagnostics golden: an include cycle") { golden_case("include-cycle"); }
TEST_CASE("idl diagnostics golden: #error") { golden_case("pp-error"); }
TEST_CASE("idl diagnostics golden: an undefined type") { golden_case("undefined-type"); }
TEST_CASE("idl diagnostics golden: a duplicate name") { golden_case("duplicate-name"); }
TEST_CASE("idl diagnostics golden: a duplicate dispid") { golden_case("duplicate-dispid"); }
TEST_CASE("idl diagnostics golden: a duplicate GUID") { golden_case("duplicate-guid"); }
TEST_CASE("idl diagnostics golden: a missing importlib") { golden_case("missing-importlib"); }
TEST_CASE("idl diagnostics golden: an undefined base interface and coclass interface") {
  golden_case("undefined-base");
}
TEST_CASE("idl diagnostics golden: an undefined constant") { golden_case("undefined-constant"); }
TEST_CASE("idl diagnostics golden: an error inside an imported .idl") {
  golden_case("error-in-import");
}
TEST_CASE("idl diagnostics golden: an attribute where it is not allowed") {
  golden_case("attribute-not-allowed");
}
TEST_CASE("idl diagnostics golden: a [retval] that is not the last parameter") {
  golden_case("retval-not-last");
}
TEST_CASE("idl diagnostics golden: two fields, two parameters of one name") {
  golden_case("duplicate-member");
}
TEST_CASE("idl diagnostics golden: types OLE Automation cannot carry in a dual interface warn") {
  // Warnings, as MIDL's MIDL2039: located, exit 0, the library written.
  std::string got = compile("non-automation-type.idl");
  size_t warnings = 0;
  for (const std::string& line : split_lines(got))
    if (line.find(": warning: ") != std::string::npos &&
        line.rfind(kCaseDir + "/non-automation-type.idl:", 0) == 0)
      ++warnings;
  CHECK(warnings == 2);
  CHECK(got.find(": error: ") == std::string::npos);
  CHECK(got.find("exit 0\nwrote out.tlb\n") != std::string::npos);
  check_golden(got, fs::path(source_dir()) / kCaseDir / "non-automation-type.txt");
}
