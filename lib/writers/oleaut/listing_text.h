// Small text helpers of the listing writer: concatenation by appending (GCC 12 misreports
// `"literal" + std::string` chains under -O3 as overlapping copies), numbers and hex. Layer:
// writers.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace tlbkit::oleaut {

inline std::string_view piece(std::string_view s) { return s; }
inline std::string_view piece(const std::string& s) { return s; }
inline std::string_view piece(const char* s) { return s; }

/// The concatenation of its arguments (strings, string views, literals).
template <typename... A>
std::string cat(const A&... parts) {
  std::string s;
  (s.append(piece(parts)), ...);
  return s;
}

inline std::string num(int64_t v) { return std::to_string(v); }
inline std::string hex(uint32_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  do {
    s.insert(s.begin(), kDigits[v & 15]);
    v >>= 4;
  } while (v);
  return "0x" + s;
}

}  // namespace tlbkit::oleaut
