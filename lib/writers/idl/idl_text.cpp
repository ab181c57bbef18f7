// String literals, constant literals and identifier checks of IDL output. Layer: writers.
#include "writers/idl/idl_text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

#include "support/utf8.h"

namespace tlbkit::idlw {

using namespace model;

namespace {

// Windows-1252 bytes 0x80-0x9F and the Unicode characters they stand for (the code page's
// published table); bytes 0xA0-0xFF are Latin-1. 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned
// and map to the C1 control of the same value, as Windows' "best fit" table does.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

std::optional<char> to_cp1252(char32_t c) {
  if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) return static_cast<char>(c);
  for (size_t i = 0; i < kCp1252High.size(); ++i)
    if (kCp1252High[i] == c) return static_cast<char>(0x80 + i);
  return std::nullopt;
}

char32_t decode_utf8(std::string_view s, size_t i, size_t n) {
  auto b = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
  if (n == 2) return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
  if (n == 3) return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
}

// The words widl 8.0 refuses as a parameter name (checked one by one with widl 8.0: its lexer,
// tools/widl/parser.l, reserves them outside attribute lists), plus C's `const` and `int`, which
// it reads as part of the type. Attribute names (`in`, `id`, `string`) and WinRT words stay usable.
constexpr std::string_view kKeywords[] = {
    "FALSE", "NULL", "TRUE", "__cdecl", "__fastcall", "__int32", "__int3264", "__int64",
    "__pascal", "__stdcall", "_cdecl", "_fastcall", "_pascal", "_stdcall", "boolean", "byte",
    "case", "cdecl", "char", "coclass", "const", "cpp_quote", "default", "dispinterface",
    "double", "enum", "error_status_t", "extern", "float", "handle_t", "hyper", "import",
    "importlib", "inline", "int", "interface", "library", "long", "methods", "module", "pascal",
    "properties", "short", "signed", "sizeof", "small", "static", "stdcall", "struct", "switch",
    "typedef", "union", "unsigned", "void", "wchar_t"};

std::string double_text(double d) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string s(buf, ec == std::errc() ? end : buf);
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";  // keep it a real, not an integer
  return s;
}

std::optional<std::string> integer_literal(uint16_t v, int64_t i) {
  switch (v) {
    case vt::UI8: return std::to_string(static_cast<uint64_t>(i));
    case vt::UI4:
    case vt::UInt:
    case vt::HResult:
    case vt::Error:
      // Beyond INT32_MAX a decimal literal would not fit the compilers' 32-bit int: hex does.
      if (i > 0x7FFFFFFF || i < 0) return hex32(static_cast<uint32_t>(i));
      return std::to_string(i);
    case vt::Cy: return std::nullopt;  // a scaled integer: IDL has no currency literal
    default: return std::to_string(i);
  }
}

}  // namespace

std::optional<std::string> string_literal(std::string_view s, std::string* bad) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n' || c == '\r') {
      // A line break cannot stand in a string (MIDL and tlbkit end the string at the line), so
      // it is written as C's escape, which MIDL and tlbkit translate; widl 8.0 does not (it
      // keeps the backslash), which only its timestamps and module constants ever hold.
      out += c == '\n' ? "\\n" : "\\r";
      ++i;
      continue;
    }
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    size_t n = support::utf8_length(s, i);
    if (n == 0) {
      if (bad) *bad = "a byte that is not UTF-8";
      return std::nullopt;
    }
    char32_t cp = decode_utf8(s, i, n);
    std::optional<char> b = to_cp1252(cp);
    if (!b) {
      if (bad) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
        *bad = buf;
      }
      return std::nullopt;
    }
    out += *b;
    i += n;
  }
  return out + "\"";
}

bool usable_identifier(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return std::find(std::begin(kKeywords), std::end(kKeywords), name) == std::end(kKeywords);
}

std::optional<std::string> value_literal(const Value& v) {
  struct Visitor {
    uint16_t vt;
    std::optional<std::string> operator()(std::monostate) const {
      // A string type without text is a null string (VB's vbNullString), not an empty one.
      if (vt == vt::Bstr || vt == vt::LpStr || vt == vt::LpWStr) return "NULL";
      if (vt == vt::Dispatch || vt == vt::Unknown) return "0";  // a null interface pointer
      return std::nullopt;
    }
    std::optional<std::string> operator()(int64_t i) const { return integer_literal(vt, i); }
    std::optional<std::string> operator()(double d) const {
      if (vt == vt::Date) return std::nullopt;  // no date literal in IDL
      return double_text(d);
    }
    std::optional<std::string> operator()(const std::string& s) const { return string_literal(s); }
  };
  return std::visit(Visitor{v.vt}, v.data);
}

std::string hex32(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08X", static_cast<unsigned>(v));
  return buf;
}

}  // namespace tlbkit::idlw
