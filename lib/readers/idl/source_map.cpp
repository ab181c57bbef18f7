// SourceMap: turning a token's position into a diagnostic location with its include chain.
// Layer: readers.
#include "readers/idl/token.h"

namespace tlbkit::idl {

support::Location SourceMap::location(const SourcePos& pos) const {
  support::Location l;
  if (pos.file < files.size()) l.file = files[pos.file].path;
  l.line = pos.line;
  l.column = pos.column;
  return l;
}

std::vector<support::Diagnostic> SourceMap::include_chain(const SourcePos& pos) const {
  std::vector<support::Diagnostic> notes;
  uint32_t file = pos.file;
  // Bounded by the number of files, so a malformed map cannot loop.
  for (size_t guard = 0; file < files.size() && guard < files.size(); ++guard) {
    const std::optional<SourcePos>& from = files[file].included_from;
    if (!from) break;
    // The note is located at the #include, so its text need not repeat the place.
    notes.push_back({support::Severity::Note, "", location(*from), "included from here", {}});
    file = from->file;
  }
  return notes;
}

void SourceMap::error(support::DiagEngine& diags, const std::string& code, const SourcePos& pos,
                      std::string message) const {
  diags.report({support::Severity::Error, code, location(pos), std::move(message),
                include_chain(pos)});
}

void SourceMap::warning(support::DiagEngine& diags, const std::string& code,
                        const SourcePos& pos, std::string message) const {
  diags.report({support::Severity::Warning, code, location(pos), std::move(message),
                include_chain(pos)});
}

}  // namespace tlbkit::idl
