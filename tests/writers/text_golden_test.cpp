// Golden test of the text view on real corpus typelibs: the view of each must equal the file
// kept in testdata/golden/text/. UPDATE_GOLDENS=1 rewrites the goldens (refused when CI=true, so
// CI can never bless its own output); review the diff before committing.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/library_set.h"
#include "readers/tlb/tlb_reader.h"
#include "writers/text/text_writer.h"

using namespace tlbkit;
namespace fs = std::filesystem;

namespace {

fs::path source(const std::string& rel) { return fs::path(TLBKIT_SOURCE_DIR) / rel; }

std::vector<uint8_t> bytes_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  return {reinterpret_cast<const uint8_t*>(s.data()),
          reinterpret_cast<const uint8_t*>(s.data()) + s.size()};
}

std::optional<model::Library> read(const fs::path& p, std::string& errors) {
  support::DiagEngine diags;
  auto lib = tlb::read_typelib(bytes_of(p), p.filename().string(), std::nullopt, diags);
  for (const auto& d : diags.all()) errors += support::format_diagnostic(d, support::DiagStyle::Gcc);
  return diags.has_errors() ? std::nullopt : lib;
}

bool env_is(const char* name, const char* value) {
  const char* v = std::getenv(name);
  return v && std::string(v) == value;
}

/// Compares `got` with the golden file, or rewrites it under UPDATE_GOLDENS=1.
void check_golden(const std::string& got, const fs::path& golden) {
  if (env_is("UPDATE_GOLDENS", "1")) {
    REQUIRE_MESSAGE(!env_is("CI", "true"), "UPDATE_GOLDENS is refused when CI=true");
    fs::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << got;
    MESSAGE("rewrote " << golden.string());
    return;
  }
  REQUIRE_MESSAGE(fs::exists(golden), golden.string() << " is missing (UPDATE_GOLDENS=1 writes it)");
  std::ifstream in(golden, std::ios::binary);
  std::ostringstream want;
  want << in.rdbuf();
  if (got == want.str()) return;
  // Name the first differing line rather than dumping two large texts.
  std::istringstream a(want.str()), b(got);
  std::string la, lb;
  int line = 1;
  while (std::getline(a, la) && std::getline(b, lb) && la == lb) ++line;
  FAIL_CHECK(golden.string() << " differs at line " << line << "\n  golden: " << la
                             << "\n  now:    " << lb << "\n(UPDATE_GOLDENS=1 rewrites it)");
}

}  // namespace

TEST_CASE("text view golden: widl's netfw_win32.tlb, stdole at hand") {
  std::string errors;
  auto stdole = read(source("testdata/corpus/wine/stdole2.tlb"), errors);
  REQUIRE_MESSAGE(stdole, errors);
  auto lib = read(source("testdata/corpus/widl/netfw_win32.tlb"), errors);
  REQUIRE_MESSAGE(lib, errors);
  model::LibrarySet set;
  set.add(std::move(*stdole));
  model::resolve_import_names(*lib, set);
  check_golden(text::write_text(*lib, set), source("testdata/golden/text/netfw_win32.tlb.txt"));
}

TEST_CASE("text view golden: stdole32's SLTG library, alone") {
  std::string errors;
  auto lib = read(source("testdata/corpus/ms/sltg-bare/stdole32.res1.sltg.tlb"), errors);
  REQUIRE_MESSAGE(lib, errors);
  model::LibrarySet none;
  check_golden(text::write_text(*lib, none), source("testdata/golden/text/stdole32.res1.sltg.tlb.txt"));
}
