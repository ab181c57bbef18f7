// Naming places in a JSON descriptor for diagnostics: the JSON path of an element and the line
// and column of a byte offset. Layer: readers.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tlbkit::json {

/// One step of a JSON path: an object key or an array index.
using PathStep = std::variant<std::string, size_t>;
using JsonPath = std::vector<PathStep>;

/// "$.types[3].functions[0][\"odd key\"]", JSONPath's notation.
std::string format_path(const JsonPath& path);

/// 1-based line and column of byte `offset`; columns count characters (UTF-8 sequences).
struct LineColumn {
  uint32_t line, column;
};
LineColumn line_column(std::string_view text, size_t offset);

}  // namespace tlbkit::json
