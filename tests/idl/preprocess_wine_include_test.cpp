// Every one of Wine 8.0's SDK IDL files (testdata/idl/wine-include) preprocesses without an
// error for both targets, and mutilated copies of a few never crash or hang. Layer: tests.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "driver/corpus_util.h"
#include "readers/idl/preprocessor.h"

using namespace tlbkit;
using namespace tlbkit::idl;

using tlbkit::testing::slurp;
using tlbkit::testing::source_dir;

namespace {
const char* kIncludeRel = "testdata/idl/wine-include";

std::vector<std::string> wine_idl_files() {
  std::vector<std::string> out;
  for (auto& e : std::filesystem::directory_iterator(source_dir() + "/" + kIncludeRel))
    if (e.path().extension() == ".idl") out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string first_diagnostics(const support::DiagEngine& diags) {
  std::string s;
  for (size_t i = 0; i < diags.all().size() && i < 5; ++i)
    s += support::format_diagnostic(diags.all()[i], support::DiagStyle::Gcc);
  return s;
}
}  // namespace

TEST_CASE("preprocess: all 305 Wine SDK IDL files, win32 and win64, without an error") {
  std::vector<std::string> files = wine_idl_files();
  CHECK(files.size() == 305);
  std::string dir = source_dir() + "/" + kIncludeRel;
  size_t clean = 0, tokens = 0, pragmas = 0;
  auto start = std::chrono::steady_clock::now();
  for (model::SysKind target : {model::SysKind::Win32, model::SysKind::Win64}) {
    PreprocessOptions opts;
    opts.include_dirs = {dir};
    opts.predefined = target_macros(target);
    for (const std::string& f : files) {
      support::DiagEngine diags;
      std::optional<TokenStream> ts = preprocess(dir + "/" + f, opts, diags);
      REQUIRE(ts.has_value());
      CHECK_MESSAGE(!diags.has_errors(), f << ":\n" << first_diagnostics(diags));
      REQUIRE(!ts->tokens.empty());
      CHECK(ts->tokens.back().kind == TokKind::End);
      if (!diags.has_errors()) ++clean;
      tokens += ts->tokens.size();
      for (const Token& t : ts->tokens) pragmas += t.kind == TokKind::Pragma;
    }
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - start).count();
  MESSAGE(clean << " of " << 2 * files.size() << " preprocessed cleanly; " << tokens
                << " tokens, " << pragmas << " pragmas, " << ms << " ms");
  CHECK(clean == 2 * files.size());
  CHECK(pragmas > 0);
}
