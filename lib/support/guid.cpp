// Guid text conversions. Layer: support.
#include "support/guid.h"

#include <cstdio>

namespace tlbkit::support {

bool Guid::is_null() const {
  for (uint8_t b : bytes)
    if (b != 0) return false;
  return true;
}

std::string Guid::to_string() const {
  const auto& b = bytes;
  char buf[40];
  std::snprintf(buf, sizeof buf,
                "{%02X%02X%02X%02X-%02X%02X-%02X%02X-%02X%02X-%02X%02X%02X%02X%02X%02X}", b[3], b[2],
                b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
                b[15]);
  return buf;
}

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<Guid> Guid::parse(std::string_view t) {
  if (t.size() == 38 && t.front() == '{' && t.back() == '}') t = t.substr(1, 36);
  if (t.size() != 36 || t[8] != '-' || t[13] != '-' || t[18] != '-' || t[23] != '-')
    return std::nullopt;
  // Text order of the 16 bytes, mapped to their memory positions (Data1..3 are little-endian).
  static constexpr int kMemIndex[16] = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
  Guid g;
  int k = 0;
  for (size_t i = 0; i < t.size(); i += 2) {
    if (t[i] == '-') {
      --i;
      continue;
    }
    int hi = hex_value(t[i]), lo = hex_value(t[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    g.bytes[static_cast<size_t>(kMemIndex[k++])] = static_cast<uint8_t>(hi * 16 + lo);
  }
  return g;
}

}  // namespace tlbkit::support
