// The IDL preprocessor (first step): reads the main file, drops directive lines, and hands the
// tokens on. Layer: readers.
#include "readers/idl/preprocessor.h"

#include "readers/idl/lexer.h"
#include "support/file_io.h"

namespace tlbkit::idl {

std::vector<std::pair<std::string, std::string>> target_macros(model::SysKind target) {
  std::vector<std::pair<std::string, std::string>> m = {{"__WIDL__", "1"}, {"__midl", "501"}};
  m.emplace_back("_WIN32", "1");
  if (target == model::SysKind::Win64) m.emplace_back("_WIN64", "1");
  return m;
}

namespace {
std::optional<std::string> read_disk(const std::string& path) {
  std::vector<uint8_t> bytes;
  std::string err;
  if (!support::read_file(path, bytes, err)) return std::nullopt;
  return std::string(bytes.begin(), bytes.end());
}
}  // namespace

std::optional<TokenStream> preprocess(const std::string& path, const PreprocessOptions& opts,
                                      support::DiagEngine& diags) {
  std::optional<std::string> text = opts.read_file ? opts.read_file(path) : read_disk(path);
  if (!text) {
    diags.error("TK5014", support::Location::in_file(path), "cannot open file '" + path + "'");
    return std::nullopt;
  }
  TokenStream ts;
  ts.sources.files.push_back({path, std::nullopt});
  Lexer lex(*text, 0, &ts.sources, &diags);
  Token t;
  bool bol = false;
  for (;;) {
    lex.next(t, bol);
    if (t.kind == TokKind::End) break;
    if (bol && t.kind == TokKind::Punct && t.text == "#") {
      lex.skip_line();
      continue;
    }
    ts.tokens.push_back(t);
  }
  ts.tokens.push_back(t);
  return ts;
}

}  // namespace tlbkit::idl
