// STUB — replaced by the JSON reader. Layer: readers.
#include "readers/json/json_reader.h"

namespace tlbkit::json {
std::optional<model::Library> read_json(std::string_view, const std::string& path, support::DiagEngine& diags) {
  diags.error("TK3099", support::Location::in_file(path), "JSON reading not implemented yet");
  return std::nullopt;
}
}  // namespace tlbkit::json
