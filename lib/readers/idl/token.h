// The IDL reader's tokens and source positions: what the preprocessor hands the parser, and how
// a position becomes a diagnostic location with its include chain. Layer: readers.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "support/diagnostics.h"

namespace tlbkit::idl {

/// A position in a source file: `file` indexes SourceMap::files; line and column are 1-based.
/// A token produced by a macro expansion carries the position of the macro's use.
struct SourcePos {
  uint32_t file = 0;
  uint32_t line = 0, column = 0;
};

enum class TokKind : uint8_t {
  Identifier,  // names and keywords alike: the parser decides what is a keyword
  Number,      // a C "pp-number": 12, 0x1F, 10L, 1.5e3, and also 0000F8773CE9 (GUID pieces)
  String,      // "…" — text holds the decoded bytes (escapes processed, no quotes)
  WideString,  // L"…" — likewise
  Char,        // '…' — text holds the decoded character(s)
  Punct,       // one punctuator, longest match: ( ) [ ] { } ; , : . ... = == != < <= << >> …
  Pragma,      // a `#pragma` line that is not the preprocessor's own: text = the rest of the
               // line after "pragma", trimmed, not macro-expanded ("pack(push, 8)")
  End,         // end of the translation unit: always the last token
};

// The small members first, packed into 16 bytes: a translation unit holds up to a million
// tokens at once (mshtml.idl), and 80 bytes a token instead of 96 is 14 MB less to fault in.
struct Token {
  TokKind kind = TokKind::End;
  /// True when whitespace or a line break preceded the token (uuid(…) is rebuilt from the
  /// tokens between its parentheses, and must not contain gaps).
  bool space_before = false;
  SourcePos pos;
  std::string text;
  /// For String/WideString/Char: the spelling as written in the source, quotes included (a
  /// writer that wants to keep a string verbatim, like cpp_quote, uses it).
  std::string spelling;
};

/// One file the preprocessor read: its path as it was found (relative paths stay relative, so
/// diagnostics and outputs do not depend on the working directory), and where it was included.
struct SourceFile {
  std::string path;
  std::optional<SourcePos> included_from;  // nullopt for the main file
};

class SourceMap {
 public:
  std::vector<SourceFile> files;

  /// file:line:column of `pos`.
  support::Location location(const SourcePos& pos) const;
  /// "included from here" notes located at each #include, innermost include first.
  std::vector<support::Diagnostic> include_chain(const SourcePos& pos) const;
  /// An error at `pos` with its include chain as notes.
  void error(support::DiagEngine& diags, const std::string& code, const SourcePos& pos,
             std::string message) const;
  void warning(support::DiagEngine& diags, const std::string& code, const SourcePos& pos,
               std::string message) const;
};

}  // namespace tlbkit::idl
