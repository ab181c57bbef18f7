// Guid: a 16-byte GUID in Windows memory layout, with the registry text form. Layer: support.
#pragma once
#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tlbkit::support {

struct Guid {
  // Data1 (LE u32), Data2 (LE u16), Data3 (LE u16), Data4[8]: as stored in a typelib.
  std::array<uint8_t, 16> bytes{};

  bool is_null() const;
  /// "{00020400-0000-0000-C000-000000000046}" (upper case, braces), as StringFromGUID2 prints it.
  std::string to_string() const;
  /// Accepts the text form with or without braces, any case; nullopt if malformed.
  static std::optional<Guid> parse(std::string_view text);

  friend bool operator==(const Guid&, const Guid&) = default;
  friend auto operator<=>(const Guid&, const Guid&) = default;
};

}  // namespace tlbkit::support
