// Small owners over libclang's C API (strings, index, translation unit, tokens), source
// locations in tlbkit's form, and the glob matcher for --include/--exclude/--dll-map.
// Layer: readers (private to readers/cheader).
#include <algorithm>
#include <vector>

#include "readers/cheader/cheader_internal.h"

namespace tlbkit::cheader::detail {

std::string take(CXString s) {
  const char* p = clang_getCString(s);
  std::string out = p != nullptr ? p : "";
  clang_disposeString(s);
  return out;
}

std::string spelling(CXCursor c) { return take(clang_getCursorSpelling(c)); }
std::string spelling(CXType t) { return take(clang_getTypeSpelling(t)); }

// excludeDeclarationsFromPCH = 0, displayDiagnostics = 0: the reader reports clang's
// diagnostics itself, in tlbkit's format.
Index::Index() : index_(clang_createIndex(0, 0)) {}
Index::~Index() {
  if (index_ != nullptr) clang_disposeIndex(index_);
}

TranslationUnit::~TranslationUnit() {
  if (tu_ != nullptr) clang_disposeTranslationUnit(tu_);
}

Tokens::Tokens(CXTranslationUnit tu, CXSourceRange range) : tu_(tu) {
  if (tu_ != nullptr) clang_tokenize(tu_, range, &tokens_, &count_);
}
Tokens::~Tokens() {
  if (tokens_ != nullptr) clang_disposeTokens(tu_, tokens_, count_);
}
CXTokenKind Tokens::kind(size_t i) const {
  return i < count_ ? clang_getTokenKind(tokens_[i]) : CXToken_Punctuation;
}
std::string Tokens::text(size_t i) const {
  return i < count_ ? take(clang_getTokenSpelling(tu_, tokens_[i])) : std::string();
}
CXSourceLocation Tokens::location(size_t i) const {
  return i < count_ ? clang_getTokenLocation(tu_, tokens_[i]) : clang_getNullLocation();
}

support::Location location_of(CXSourceLocation l) {
  CXFile file = nullptr;
  unsigned line = 0, column = 0;
  clang_getExpansionLocation(l, &file, &line, &column, nullptr);
  support::Location out;
  if (file != nullptr) out.file = take(clang_getFileName(file));
  out.line = line;
  out.column = column;
  return out;
}

support::Location location_of(CXCursor c) { return location_of(clang_getCursorLocation(c)); }

// Iterative glob with one backtrack point per '*': linear in practice, never recursive, so a
// hostile pattern cannot exhaust the stack.
bool glob_match(std::string_view pattern, std::string_view text) {
  size_t p = 0, t = 0;
  size_t star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace tlbkit::cheader::detail
