// Issue 3's bar for the parser: every one of Wine 8.0's 305 SDK IDL files in
// testdata/idl/wine-include preprocesses and parses with no error, and the whole set parses in
// bounded time; plus a robustness test on truncated and mutated real files. Layer: tests.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "readers/idl/parser.h"
#include "readers/idl/preprocessor.h"

using namespace tlbkit;
using namespace tlbkit::idl;

namespace {

std::string wine_include_dir() {
  return std::string(TLBKIT_SOURCE_DIR) + "/testdata/idl/wine-include";
}

std::vector<std::string> wine_idl_files() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(wine_include_dir())) {
    if (e.path().extension() == ".idl") files.push_back(e.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

PreprocessOptions wine_options() {
  PreprocessOptions o;
  o.include_dirs.push_back(wine_include_dir());
  o.predefined = target_macros(model::SysKind::Win64);
  return o;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

size_t count_statements(const std::vector<ast::Statement>& stmts) {
  size_t n = stmts.size();
  for (const auto& s : stmts) {
    if (const auto* lib = std::get_if<ast::Library>(&s.v)) n += count_statements(lib->body);
    if (const auto* itf = std::get_if<ast::Interface>(&s.v)) {
      n += count_statements(itf->body) + itf->methods.size() + itf->properties.size();
    }
  }
  return n;
}

}  // namespace

TEST_CASE("parser: all 305 Wine SDK IDL files parse with no error") {
  std::vector<std::string> files = wine_idl_files();
  CHECK(files.size() == 305);
  PreprocessOptions opts = wine_options();
  size_t clean = 0, parser_clean = 0, parsed_statements = 0;
  double parse_seconds = 0;
  for (const std::string& name : files) {
    support::DiagEngine diags(0);
    std::string path = wine_include_dir() + "/" + name;
    std::optional<TokenStream> ts = preprocess(path, opts, diags);
    REQUIRE_MESSAGE(ts.has_value(), name);
    auto t0 = std::chrono::steady_clock::now();
    ast::File file = parse(*ts, name, diags);
    parse_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    parsed_statements += count_statements(file.statements);
    bool parser_error = false;  // the parser's own codes, TK5100-TK5199
    for (const auto& d : diags.all()) parser_error = parser_error || d.code.rfind("TK51", 0) == 0;
    if (!parser_error) ++parser_clean;
    if (!diags.has_errors()) {
      ++clean;
      CHECK_MESSAGE(!file.statements.empty(), name << " parsed to nothing");
      continue;
    }
    std::string text;
    size_t shown = 0;
    for (const auto& d : diags.all()) {
      if (shown++ < 5) text += support::format_diagnostic(d, support::DiagStyle::Gcc) + "\n";
    }
    FAIL_CHECK(name << ": " << diags.error_count() << " errors\n" << text);
  }
  MESSAGE(clean << "/" << files.size() << " files preprocess and parse cleanly (" << parser_clean
                << " without a parser error); " << parsed_statements << " statements; parse time "
                << parse_seconds << " s");
  CHECK(clean == files.size());
}

TEST_CASE("parser: truncated and mutated real files give errors, never a crash or a hang") {
  // Prefixes and byte mutations of a few large files: whatever the parser meets, it must
  // return, within the error limit, in time proportional to the input.
  const char* names[] = {"oaidl.idl", "objidl.idl", "ocidl.idl", "propidl.idl", "wtypes.idl"};
  auto t0 = std::chrono::steady_clock::now();
  size_t runs = 0;
  double parse_secs = 0, worst = 0;
  for (const char* name : names) {
    std::string original = read_text(wine_include_dir() + "/" + name);
    REQUIRE(!original.empty());
    std::vector<std::string> variants;
    for (size_t k = 1; k <= 16; ++k)
      variants.push_back(original.substr(0, original.size() * k / 17));
    // Deterministic mutations: replace one byte in 24 places with each of a few hostile bytes.
    const char hostile[] = {'{', '}', ';', '(', ')', '[', ']', '*', ',', 'x'};
    for (size_t k = 0; k < 24; ++k) {
      std::string m = original;
      size_t at = (original.size() * (2 * k + 1)) / 48;
      m[at] = hostile[k % sizeof(hostile)];
      variants.push_back(std::move(m));
    }
    for (const std::string& v : variants) {
      PreprocessOptions opts = wine_options();
      opts.read_file = [&](const std::string& p) -> std::optional<std::string> {
        if (p == "mutant.idl") return v;
        std::string s = read_text(p);
        if (s.empty()) return std::nullopt;
        return s;
      };
      support::DiagEngine diags;
      std::optional<TokenStream> ts = preprocess("mutant.idl", opts, diags);
      REQUIRE(ts.has_value());
      auto p0 = std::chrono::steady_clock::now();
      ast::File f = parse(*ts, "mutant.idl", diags);
      double p = std::chrono::duration<double>(std::chrono::steady_clock::now() - p0).count();
      parse_secs += p;
      worst = std::max(worst, p);
      CHECK(diags.error_count() <= 50);
      ++runs;
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  MESSAGE(runs << " truncated/mutated files preprocessed and parsed in " << secs
               << " s; parsing alone " << parse_secs << " s, the slowest " << worst << " s");
  // Linear recovery: no mutant may take the parser much longer than a whole real file does.
  CHECK(worst < 1.0);
  CHECK(secs < 120);
}

TEST_CASE("parser: hostile nesting gives an error, not a stack overflow") {
  auto repeat = [](const std::string& piece, int n) {
    std::string r;
    for (int i = 0; i < n; ++i) r += piece;
    return r;
  };
  const std::string sources[] = {
      "const int x = " + repeat("(", 100000) + "1" + repeat(")", 100000) + ";",
      "const int x = " + repeat("~", 100000) + "1;",
      "typedef struct s { " + repeat("struct { ", 50000) + "int x; } y;",
      "typedef int " + repeat("(", 100000) + "x" + repeat(")", 100000) + ";",
      "library L { " + repeat("library M { ", 50000),
  };
  for (const std::string& src : sources) {
    PreprocessOptions opts;
    opts.read_file = [&](const std::string&) -> std::optional<std::string> { return src; };
    support::DiagEngine diags;
    std::optional<TokenStream> ts = preprocess("deep.idl", opts, diags);
    REQUIRE(ts.has_value());
    ast::File f = parse(*ts, "deep.idl", diags);
    bool nesting = false;
    for (const auto& d : diags.all()) nesting = nesting || d.code == "TK5102";
    CHECK_MESSAGE(nesting, "no nesting-depth error for " << src.substr(0, 30));
  }
}
