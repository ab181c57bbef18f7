// JSON paths and line/column positions for diagnostics. Layer: readers.
#include "readers/json/json_locate.h"

namespace tlbkit::json {

namespace {
bool is_identifier(const std::string& k) {
  if (k.empty() || (k[0] >= '0' && k[0] <= '9')) return false;
  for (char c : k)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '_' || c == '$'))
      return false;
  return true;
}

/// `k` as a JSON string literal: quotes and backslashes escaped, control characters as \u00XX.
void append_quoted(std::string& out, const std::string& k) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char c : k) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      out += "\\u00";
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    } else {
      out += c;
    }
  }
  out += '"';
}
}  // namespace

std::string format_path(const JsonPath& path) {
  std::string out = "$";
  for (const PathStep& step : path) {
    // Appends one piece at a time: GCC 12 warns falsely (-Wrestrict) on "x" + string + "y".
    if (const auto* index = std::get_if<size_t>(&step)) {
      out += '[';
      out += std::to_string(*index);
      out += ']';
    } else if (const auto& k = std::get<std::string>(step); is_identifier(k)) {
      out += '.';
      out += k;
    } else {
      out += '[';
      append_quoted(out, k);
      out += ']';
    }
  }
  return out;
}

LineColumn line_column(std::string_view text, size_t offset) {
  LineColumn lc{1, 1};
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++lc.line;
      lc.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++lc.column;
    }
  }
  return lc;
}

}  // namespace tlbkit::json
