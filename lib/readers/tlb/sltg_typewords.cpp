// SLTG type descriptions and references: a type info's reference table ("*\R…" strings naming a
// type of this library or of an imported one), the WORD streams that describe a type, and the
// members' help contexts and strings, which live in the same member data. Layer: readers.
#include <cstdlib>
#include <string>

#include "readers/tlb/sltg_typeinfo.h"
#include "tlbformat/sltg_format.h"

namespace tlbkit::tlb::sltg {

namespace fmt = tlbformat::sltg;
namespace vt = model::vt;
using model::TypeRef;

namespace {

/// Type descriptions nest (pointer to array of pointer …); this bounds the nesting, so a
/// corrupted stream cannot build a value too deep to copy or destroy.
constexpr size_t kMaxTypeNesting = 32;

bool parse_hex(std::string_view s, uint32_t& out) {
  if (s.empty() || s.size() > 8) return false;
  out = 0;
  for (char c : s) {
    int d = (c >= '0' && c <= '9')   ? c - '0'
            : (c >= 'a' && c <= 'f') ? c - 'a' + 10
            : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                     : -1;
    if (d < 0) return false;
    out = out << 4 | static_cast<uint32_t>(d);
  }
  return true;
}

bool parse_decimal16(std::string_view s, uint16_t& out) {
  if (s.empty() || s.size() > 5) return false;
  uint32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  if (v > 0xFFFF) return false;
  out = static_cast<uint16_t>(v);
  return true;
}

/// "*\G{LIBID}#maj.min#lcid#path#" (typelib.c SLTG_DoRefs) → an imported library.
model::ImportedLibrary parse_import(const std::string& text, uint64_t where) {
  auto bad = [&]() -> model::ImportedLibrary {
    fail(where, "malformed library reference \"" + text + "\"");
  };
  if (text.size() < 3 + 38 || text.compare(0, 3, "*\\G") != 0) return bad();
  model::ImportedLibrary imp;
  auto libid = support::Guid::parse(std::string_view(text).substr(3, 38));
  if (!libid) return bad();
  imp.libid = *libid;
  std::string_view rest = std::string_view(text).substr(3 + 38);
  if (rest.size() < 2 || rest.front() != '#' || rest.back() != '#') return bad();
  rest = rest.substr(1, rest.size() - 2);  // "maj.min#lcid#path"
  size_t h1 = rest.find('#');
  size_t h2 = h1 == std::string_view::npos ? h1 : rest.find('#', h1 + 1);
  if (h2 == std::string_view::npos) return bad();
  std::string_view ver = rest.substr(0, h1), lcid = rest.substr(h1 + 1, h2 - h1 - 1);
  std::string_view path = rest.substr(h2 + 1);
  size_t dot = ver.find('.');
  if (dot == std::string_view::npos || !parse_decimal16(ver.substr(0, dot), imp.version.major) ||
      !parse_decimal16(ver.substr(dot + 1), imp.version.minor) || !parse_hex(lcid, imp.lcid))
    return bad();
  size_t slash = path.find_last_of("\\/:");
  std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
  imp.file = ansi_to_utf8({reinterpret_cast<const uint8_t*>(file.data()), file.size()}, true);
  return imp;
}

/// One "*\R<lib>*#<n>" string → a model reference.
model::UserType parse_reference(Context& cx, const std::string& text, uint64_t where) {
  size_t star = text.find("*#");
  uint32_t lib = 0, n = 0;
  if (text.compare(0, 3, "*\\R") != 0 || star == std::string::npos ||
      !parse_hex(std::string_view(text).substr(3, star - 3), lib) ||
      !parse_hex(std::string_view(text).substr(star + 2), n))
    fail(where, "malformed type reference \"" + text + "\"");
  model::UserType u;
  u.index = n;
  if (lib == fmt::kLocalLibrary) {
    if (n >= cx.lib.types.size())
      fail(where, "type reference \"" + text + "\" names type " + std::to_string(n) + " of " +
                      std::to_string(cx.lib.types.size()));
    u.name = cx.lib.types[n].name;
    return u;
  }
  std::string lib_text = cx.lib.names.raw_at(lib, where);
  auto [it, added] =
      cx.import_by_text.try_emplace(lib_text, static_cast<uint32_t>(cx.out.imports.size()));
  if (added) cx.out.imports.push_back(parse_import(lib_text, where));
  u.import = it->second;
  return u;
}

/// The bounds of a C array: a 32-bit SAFEARRAY at member offset `offset`.
std::vector<model::ArrayBound> read_array_bounds(const Context& cx, const TypeBlock& tb,
                                                 uint16_t offset, uint64_t where) {
  uint64_t sa = member_offset(tb, offset, where, "C array descriptor");
  uint16_t dims = cx.r.u16(sa + fmt::safearray::kDims, "C array dimensions");
  uint64_t bounds = sa + fmt::safearray::kBounds;
  uint64_t bytes = uint64_t{dims} * fmt::safearray::kBoundSize;
  if (bounds > tb.members_end || bytes > tb.members_end - bounds)
    fail(sa, "a C array's " + std::to_string(dims) + " bounds extend past the member data");
  std::vector<model::ArrayBound> out(dims);
  for (uint16_t i = 0; i < dims; ++i) {
    uint64_t b = bounds + uint64_t{i} * fmt::safearray::kBoundSize;
    out[i].count = cx.r.u32(b, "C array bound");
    out[i].lower = cx.r.i32(b + 4, "C array bound");
  }
  return out;
}

/// A type word's PARAMFLAGS (typelib.c SLTG_DoElem).
uint16_t param_flags(uint16_t w) {
  using fmt::typeword::kIn, fmt::typeword::kOut;
  uint16_t f = 0;
  if ((w & (kIn | kOut)) == (kIn | kOut))
    f = 0;
  else if (w & kIn)
    f = model::paramflag::In | model::paramflag::Out;
  else if (w & kOut)
    f = model::paramflag::Out;
  else
    f = model::paramflag::In;
  if (w & fmt::typeword::kLcid) f |= model::paramflag::Lcid;
  if (w & fmt::typeword::kRetVal) f |= model::paramflag::RetVal;
  return f;
}

uint16_t type_word(const Context& cx, const TypeBlock& tb, uint64_t pos) {
  return member_word(cx, tb, pos, "type description");
}

}  // namespace

uint16_t member_word(const Context& cx, const TypeBlock& tb, uint64_t pos, const char* what) {
  if (pos < tb.members || pos + 2 > tb.members_end)
    fail(pos, std::string(what) + " runs outside the member data");
  return cx.r.u16(pos, what);
}

uint64_t member_offset(const TypeBlock& tb, uint32_t offset, uint64_t where, const char* what) {
  if (offset >= tb.members_end - tb.members)
    fail(where, std::string(what) + " at member offset " + ByteReader::hex(offset) +
                    " lies outside the member data (" +
                    std::to_string(tb.members_end - tb.members) + " bytes)");
  return tb.members + offset;
}

void read_references(Context& cx, TypeBlock& tb, uint64_t at) {
  if (cx.r.u8(at, "reference table") != fmt::kRefTableMagic || cx.r.u8(at + 1, "reference table"))
    fail(at, "bad reference table magic (expected 0xdf 0x00)");
  uint32_t count8 = cx.r.u32(at + fmt::ref_table::kCount8, "reference count");
  if (count8 % fmt::ref_table::kInfoSize != 0)
    fail(at + fmt::ref_table::kCount8,
         "reference table size " + std::to_string(count8) + " is not a multiple of 8");
  uint64_t pos = at + fmt::ref_table::kInfos;
  if (pos > tb.end || count8 > tb.end - pos)
    fail(at, "the reference table extends past the end of its block");
  pos += count8 + fmt::ref_table::kGapAfterInfos;
  uint32_t n = count8 / fmt::ref_table::kInfoSize;
  tb.refs.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t where = pos;
    uint16_t len = cx.r.u16(pos, "type reference");
    if (len == fmt::kNoString || pos + 2 + len > tb.end)
      fail(where, "type reference " + std::to_string(i) + " is missing or too long");
    tb.refs.push_back(parse_reference(cx, cx.r.str(pos + 2, len, "type reference"), where));
    pos += 2 + uint64_t{len};
  }
  if (cx.r.u8(pos, "reference table end") != fmt::kRefTableMagic)
    fail(pos, "the reference table does not end with 0xdf");
}

const model::UserType& reference(const TypeBlock& tb, uint32_t index, uint64_t where) {
  if (index >= tb.refs.size())
    fail(where, "reference " + std::to_string(index) + " is not in the type's reference table (" +
                    std::to_string(tb.refs.size()) + " entries)");
  return tb.refs[index];
}

TypeRef read_type(const Context& cx, const TypeBlock& tb, uint64_t& pos, uint16_t* flags) {
  enum class Wrap : uint8_t { Pointer, SafeArray, CArray };
  struct Layer {
    Wrap wrap;
    std::vector<model::ArrayBound> bounds;
  };
  std::vector<Layer> layers;
  const uint64_t start = pos;
  if (flags) *flags = param_flags(type_word(cx, tb, pos));
  TypeRef leaf;
  for (bool done = false; !done;) {
    if (layers.size() > kMaxTypeNesting) fail(start, "a type description is nested too deeply");
    uint16_t w = type_word(cx, tb, pos);
    pos += 2;
    if ((w & fmt::typeword::kPointerMask) == fmt::typeword::kPointerMask)
      layers.push_back({Wrap::Pointer, {}});
    switch (w & fmt::typeword::kVtMask) {
      case vt::Ptr:
        layers.push_back({Wrap::Pointer, {}});
        break;
      case vt::UserDefined: {
        // The next WORD is 4 x the reference's index (typelib.c SLTG_DoType).
        uint16_t ref = type_word(cx, tb, pos);
        leaf = TypeRef{reference(tb, ref / 4u, pos)};
        pos += 2;
        done = true;
        break;
      }
      case vt::CArray:
        layers.push_back({Wrap::CArray, read_array_bounds(cx, tb, type_word(cx, tb, pos), pos)});
        pos += 2;
        break;
      case vt::SafeArray:
        type_word(cx, tb, pos);  // the offset of a SAFEARRAY descriptor nobody needs
        pos += 2;
        layers.push_back({Wrap::SafeArray, {}});
        break;
      default:
        leaf = TypeRef::base(w & fmt::typeword::kVtMask);
        done = true;
    }
  }
  for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
    switch (it->wrap) {
      case Wrap::Pointer:
        leaf = TypeRef::pointer_to(std::move(leaf));
        break;
      case Wrap::SafeArray:
        leaf = TypeRef::safearray_of(std::move(leaf));
        break;
      case Wrap::CArray:
        leaf = TypeRef{model::CArray{std::move(leaf), std::move(it->bounds)}};
        break;
    }
  }
  return leaf;
}

TypeRef read_type_at(const Context& cx, const TypeBlock& tb, uint16_t offset, uint64_t where,
                     uint16_t* flags) {
  uint64_t pos = member_offset(tb, offset, where, "type description");
  return read_type(cx, tb, pos, flags);
}

uint32_t member_help_context(const Context& cx, const TypeBlock& tb, uint16_t word,
                             uint64_t where) {
  if (word == fmt::kNoHelpContext) return 0;
  if (word & fmt::kHelpContextRelative) {
    uint32_t delta = word >> 2;
    return (word & fmt::kHelpContextNegative) ? tb.help_base - delta : tb.help_base + delta;
  }
  uint64_t at = member_offset(tb, word, where, "help context");
  if (at + 4 > tb.members_end) fail(where, "a help context extends past the member data");
  return cx.r.u32(at, "help context");
}

std::string member_help_string(const Context& cx, const TypeBlock& tb, uint16_t word,
                               uint64_t where) {
  if (word == fmt::kNoHelpString) return {};
  uint64_t at = member_offset(tb, word, where, "help string");
  return decode_help_string(cx.r, cx.lib.help, at, tb.members_end);
}

}  // namespace tlbkit::tlb::sltg
