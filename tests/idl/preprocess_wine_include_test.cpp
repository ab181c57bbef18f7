// Every one of Wine 8.0's SDK IDL files (testdata/idl/wine-include) preprocesses without an
// error for both targets, and mutilated copies of a few never crash or hang. Layer: tests.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "driver/corpus_util.h"
#include "readers/idl/lexer.h"
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

TEST_CASE("preprocess: truncated and mutated Wine files never crash or hang") {
  std::string dir = source_dir() + "/" + kIncludeRel;
  const char* hostile[] = {"#if 1\n", "#endif\n", "#else\n", "#define x x(\n", "/*", "\"",
                           "'", "\\\n", "#define a(b) b a(\n", "#include \"SELF\"\n",
                           "#line 0\n", "#define c(...) #__VA_ARGS__ ## c\nc(c(\n", "##",
                           "#elif 1/0\n", "(((((", ")))", "#pragma\n", "\xff\xfe", "#include <"};
  uint64_t seed = 0x9E3779B97F4A7C15u;
  auto next = [&seed](size_t bound) {  // a fixed LCG: the same mutations on every run
    seed = seed * 6364136223846793005u + 1442695040888963407u;
    return static_cast<size_t>((seed >> 33) % bound);
  };
  auto start = std::chrono::steady_clock::now();
  size_t runs = 0;
  for (const char* name : {"unknwn.idl", "oaidl.idl", "msxml6.idl", "ocidl.idl"}) {
    std::string path = dir + "/" + name;
    std::string original = slurp(path);
    REQUIRE(!original.empty());
    std::vector<std::string> variants;
    for (size_t k = 1; k <= 12; ++k) variants.push_back(original.substr(0, original.size() * k / 13));
    for (int m = 0; m < 24; ++m) {
      std::string v = original;
      for (int edits = 1 + static_cast<int>(next(6)); edits > 0; --edits) {
        std::string snippet = hostile[next(std::size(hostile))];
        if (snippet == "#include \"SELF\"\n") snippet = std::string("#include \"") + name + "\"\n";
        v.insert(next(v.size()), snippet);
      }
      variants.push_back(std::move(v));
    }
    for (const std::string& text : variants) {
      PreprocessOptions opts;
      opts.include_dirs = {dir};
      opts.predefined = target_macros(model::SysKind::Win64);
      opts.read_file = [&](const std::string& p) -> std::optional<std::string> {
        if (p == path) return text;
        std::string s = slurp(p);
        if (s.empty()) return std::nullopt;
        return s;
      };
      support::DiagEngine diags;
      std::optional<TokenStream> ts = preprocess(path, opts, diags);
      REQUIRE(ts.has_value());
      REQUIRE(!ts->tokens.empty());
      CHECK(ts->tokens.back().kind == TokKind::End);
      size_t misplaced = 0;
      for (const Token& t : ts->tokens) misplaced += t.pos.file >= ts->sources.files.size();
      CHECK_MESSAGE(misplaced == 0, name);
      ++runs;
    }
  }
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  MESSAGE(runs << " mutated files preprocessed in " << seconds << " s");
  CHECK(seconds < 60);
}

#if defined(__unix__) || defined(__APPLE__)
namespace {
/// The output of a shell command (POSIX popen), or nullopt when it cannot run.
std::optional<std::string> command_output(const std::string& cmd) {
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return std::nullopt;
  std::string out;
  char buf[65536];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int rc = pclose(p);
  if (rc != 0) return std::nullopt;
  return out;
}

/// The spellings of the tokens `widl -E` prints, without its line markers and #pragma lines.
std::vector<std::string> widl_tokens(const std::string& text) {
  std::string kept;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    size_t k = text.find_first_not_of(" \t", start);
    if (k < end && text[k] != '#') kept.append(text, start, end - start);
    kept += '\n';
    start = end + 1;
  }
  Lexer lex(kept, 0, nullptr, nullptr);
  std::vector<std::string> out;
  for (;;) {
    Token t;
    bool bol = false;
    lex.next(t, bol);
    if (t.kind == TokKind::End) return out;
    out.push_back(token_spelling(t));
  }
}
}  // namespace

TEST_CASE("preprocess: the same tokens as widl -E for all 305 files (when widl is installed)") {
  if (!command_output("widl -V 2>/dev/null")) {
    MESSAGE("widl is not installed: skipped");
    return;
  }
  std::string dir = source_dir() + "/" + kIncludeRel;
  PreprocessOptions opts;
  opts.include_dirs = {dir};
  // Exactly what widl 8.0 predefines (see target_macros), so both see the same text.
  opts.predefined = {{"__WIDL__", "0x80000"}, {"_WIN32", "1"}};
  size_t same = 0;
  std::vector<std::string> files = wine_idl_files();
  for (const std::string& f : files) {
    std::optional<std::string> widl =
        command_output("widl -E --nostdinc -I '" + dir + "' '" + dir + "/" + f + "' 2>/dev/null");
    REQUIRE_MESSAGE(widl.has_value(), f);
    support::DiagEngine diags;
    std::optional<TokenStream> ts = preprocess(dir + "/" + f, opts, diags);
    REQUIRE(ts.has_value());
    std::vector<std::string> ours;
    for (const Token& t : ts->tokens)
      if (t.kind != TokKind::End && t.kind != TokKind::Pragma) ours.push_back(token_spelling(t));
    std::vector<std::string> theirs = widl_tokens(*widl);
    size_t i = 0;
    while (i < ours.size() && i < theirs.size() && ours[i] == theirs[i]) ++i;
    bool equal = i == ours.size() && i == theirs.size();
    CHECK_MESSAGE(equal, f << ": first difference at token " << i << " ('"
                           << (i < ours.size() ? ours[i] : "<end>") << "' vs widl's '"
                           << (i < theirs.size() ? theirs[i] : "<end>") << "')");
    same += equal;
  }
  MESSAGE(same << " of " << files.size() << " files give widl -E's tokens");
}
#endif
