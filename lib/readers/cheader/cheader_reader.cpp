// The header reader's entry point: parses a header with libclang for the Windows target and
// builds the library from what it declares. Layer: readers.
// STUB (contract commit): replaced by the core reader.
#include "readers/cheader/cheader_internal.h"

namespace tlbkit::cheader {

std::optional<model::Library> read_cheader(const std::string& path, const CHeaderOptions&,
                                           support::DiagEngine& diags) {
  diags.error("TK8099", support::Location::in_file(path), "reading headers is not implemented yet");
  return std::nullopt;
}

std::optional<std::vector<DllRule>> read_dll_map(const std::string& path,
                                                 support::DiagEngine& diags) {
  diags.error("TK8099", support::Location::in_file(path), "--dll-map is not implemented yet");
  return std::nullopt;
}

}  // namespace tlbkit::cheader
