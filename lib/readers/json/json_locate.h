// Finding things in JSON text that has already parsed: where the element at a JSON path starts,
// where a key repeats inside one object, and the line and column of a byte offset. The JSON
// reader converts a parsed document that no longer knows its positions; when it meets a bad
// element it asks these for the place to report. Layer: readers.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tlbkit::json {

/// One step of a JSON path: an object key or an array index.
using PathStep = std::variant<std::string, size_t>;
using JsonPath = std::vector<PathStep>;

/// "$.types[3].functions[0]['odd key']", JSONPath's notation.
std::string format_path(const JsonPath& path);

/// Byte offset where the element at `path` starts in `text` (or where its key starts, with
/// `at_key` and a path ending in a key). `text` must be valid JSON. Returns the offset of the
/// deepest element found when the path leads nowhere.
size_t locate(std::string_view text, const JsonPath& path, bool at_key);

/// The first key that repeats inside one object of `text` (valid JSON): its byte offset and its
/// path, or nullopt when no object repeats a key.
struct DuplicateKey {
  size_t offset;
  JsonPath path;
};
std::optional<DuplicateKey> find_duplicate_key(std::string_view text);

/// 1-based line and column of byte `offset`; columns count characters (UTF-8 sequences).
struct LineColumn {
  uint32_t line, column;
};
LineColumn line_column(std::string_view text, size_t offset);

}  // namespace tlbkit::json
