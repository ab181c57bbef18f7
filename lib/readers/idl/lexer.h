// The IDL reader's lexer: turns one source buffer into C preprocessing tokens (identifiers,
// pp-numbers, strings, chars, punctuators) with positions, handling comments and line splices.
// The preprocessor drives it line by line for directives. Layer: readers.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "readers/idl/token.h"
#include "support/diagnostics.h"

namespace tlbkit::idl {

class Lexer {
 public:
  /// `src` must outlive the lexer. Errors go to `diags` located through `map` (which must hold
  /// `file`); both may be null for a silent lexer (token pasting checks).
  Lexer(std::string_view src, uint32_t file, const SourceMap* map, support::DiagEngine* diags);

  /// The next token (TokKind::End at the end of the buffer). `bol` is set when the token is the
  /// first on its line (after a line break or at the start of the buffer).
  void next(Token& out, bool& bol);
  /// Skips spaces and comments on the current line; true when the line (or the buffer) ends
  /// there, i.e. the next token would start a new line.
  bool at_eol();
  /// True when the next character (after spaces and comments on this line) is `c`.
  bool next_char_is(char c);
  /// Reads a `<name>` header name at the current point (after at_eol() returned false and
  /// next_char_is('<')). False, with an error, when the '>' is missing on this line.
  bool header_name(std::string& name, SourcePos& pos);
  /// The raw rest of the line (comments become one space), trimmed; leaves the lexer at the line
  /// break. `pos` receives where the text starts.
  std::string rest_of_line(SourcePos* pos = nullptr);
  /// Skips everything up to the end of the current line.
  void skip_line();
  /// Silences diagnostics (inside a skipped #if group, where any text is allowed).
  void set_quiet(bool quiet) { quiet_ = quiet; }
  bool at_end() { return i_ >= src_.size(); }
  /// #line: the line after the current one becomes `next_line` of `file`.
  void relocate(uint32_t file, uint32_t next_line) {
    file_ = file;
    // The line break that ends the directive counts the line up; when none follows (the
    // directive ends the buffer), what comes next (the end) is on `next_line` itself, never 0.
    bool break_follows = src_.find_first_of("\r\n", i_) != std::string_view::npos;
    line_ = break_follows ? next_line - 1 : next_line;
  }
  /// Where the next character is.
  SourcePos here() const { return {file_, line_, col_}; }

 private:
  char cur() const { return i_ < src_.size() ? src_[i_] : '\0'; }
  char peek(size_t k) const;
  void advance();
  void skip_splices();
  /// Skips spaces, tabs and comments; stops at a line break unless `cross_lines`. Returns true
  /// when anything was skipped.
  bool skip_space(bool cross_lines, bool& saw_newline);
  void skip_block_comment();
  void skip_line_comment();  // from "//" to the line break (not consumed)
  void lex_identifier(Token& t);
  void lex_number(Token& t);
  void lex_quoted(Token& t, char quote, bool wide);
  void lex_punct(Token& t);
  /// Decodes one escape after the backslash into `out` (UTF-8 for code points).
  void decode_escape(std::string& out, bool wide);
  void error(const SourcePos& pos, const char* code, std::string msg);

  std::string_view src_;
  size_t i_ = 0;
  uint32_t file_;
  uint32_t line_ = 1, col_ = 1;
  bool bol_ = true;
  bool space_ = false;  // spaces or comments were skipped before the next token
  bool quiet_ = false;
  const SourceMap* map_;
  support::DiagEngine* diags_;
};

/// The text a token is written as: the spelling of strings and chars, the text of the rest.
inline const std::string& token_spelling(const Token& t) {
  return t.kind == TokKind::String || t.kind == TokKind::WideString || t.kind == TokKind::Char
             ? t.spelling
             : t.text;
}

/// Appends code point `cp` to `out` as UTF-8 (a code point past U+10FFFF or a surrogate becomes
/// U+FFFD).
void append_utf8(std::string& out, uint32_t cp);

}  // namespace tlbkit::idl
