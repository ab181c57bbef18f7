// The MSFT writer's library-wide tables (doc §5.2-§5.8): names and strings in the ANSI code
// page, GUIDs, type and array descriptors, values, custom-data lists, imports and the coclass
// reference table, each shared by content. Layer: writers.
#include "writers/tlb/msft_tables.h"

#include <bit>

#include "support/utf8.h"
#include "tlbformat/msft_format.h"
#include "writers/tlb/msft_hash.h"

namespace tlbkit::tlbw {

namespace fmt = tlbformat::msft;
namespace vt = model::vt;

namespace {

// Windows-1252 bytes 0x80-0x9F as Unicode (the table the reader decodes with; the bytes the
// code page leaves undefined map to the C1 control of the same value).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

char32_t decode_utf8(std::string_view s, size_t i, size_t n) {
  auto b = [&](size_t k) { return char32_t(static_cast<unsigned char>(s[k])); };
  if (n == 2) return (b(i) & 0x1F) << 6 | (b(i + 1) & 0x3F);
  if (n == 3) return (b(i) & 0x0F) << 12 | (b(i + 1) & 0x3F) << 6 | (b(i + 2) & 0x3F);
  return (b(i) & 0x07) << 18 | (b(i + 1) & 0x3F) << 12 | (b(i + 2) & 0x3F) << 6 | (b(i + 3) & 0x3F);
}

std::optional<uint8_t> to_cp1252(char32_t c) {
  if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) return uint8_t(c);
  for (uint8_t k = 0; k < 32; ++k)
    if (kCp1252High[k] == c) return uint8_t(0x80 + k);
  return std::nullopt;
}

/// Case-insensitive key of an ANSI name: the runtime compares names without case (doc §5.3).
std::string fold(const std::string& ansi) {
  std::string k = ansi;
  for (char& ch : k) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z') ch = char(c - 32);
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) ch = char(c - 32);  // Latin-1 lower case
  }
  return k;
}

/// The VARIANT-compatible "sub-VT" the format stores beside an inline VARTYPE (doc §5.5).
uint16_t sub_vt(uint16_t v) {
  switch (v) {
    case vt::Int: return vt::I4;
    case vt::UInt: return vt::UI4;
    case vt::Void: return vt::Empty;
    case vt::LpStr:
    case vt::LpWStr: return 0x7FFE;
    default: return v;
  }
}

int32_t inline_type(uint16_t v) {
  return int32_t(fmt::kInlineTypeFlag | uint32_t(sub_vt(v) & 0x7FFF) << 16 | v);
}

// Typedesc "mix" words (doc §5.5): the pointee/element is another descriptor.
constexpr uint16_t kMixRefDescriptor = 0x7FFF;  // a PTR or USERDEFINED descriptor
constexpr uint16_t kMixOtherDescriptor = 0x7FFE;
// ImpFiles name WORD: (length << 2) | 1, the low bits always 01 (doc §5.6).
constexpr uint16_t kImpFileNameFlags = 1;
// GUID entry hreftypes (doc §5.2).
constexpr int32_t kGuidHrefImportedLibrary = 2;
constexpr int32_t kGuidHrefCustomKey = -1;

}  // namespace

std::string to_ansi(std::string_view s, bool& lossy) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += char(c);
      ++i;
      continue;
    }
    size_t n = support::utf8_length(s, i);
    std::optional<uint8_t> b = n ? to_cp1252(decode_utf8(s, i, n)) : std::nullopt;
    if (!b) lossy = true;
    out += char(b.value_or('?'));
    i += n ? n : 1;
  }
  return out;
}

Tables::Tables(const model::Library& lib, const model::LibrarySet* refs, uint32_t syskind,
               uint32_t hash_lcid, Reporter& rep)
    : lib_(lib), refs_(refs), syskind_(syskind), hash_lcid_(hash_lcid), rep_(rep),
      name_buckets_(0x80, -1),  // 128 name buckets (doc §4, header res48)
      guid_buckets_(0x20, -1) {}  // 32 GUID buckets (doc §4, header res44)

Tables::Segments& Tables::finish() {
  for (int32_t b : guid_buckets_) seg_.guidhash.i32(b);
  for (int32_t b : name_buckets_) seg_.namehash.i32(b);
  return seg_;
}

// ---- Names and strings --------------------------------------------------------------------------

int32_t Tables::add_name_entry(const std::string& ansi, int32_t href, uint8_t flags) {
  Bytes& t = seg_.names;
  auto off = int32_t(t.size());
  uint32_t hash = name_hash(syskind_, hash_lcid_, ansi);
  int32_t& bucket = name_buckets_[hash & 0x7F];  // bucket = hash & 0x7F (doc §5.3)
  t.i32(href);
  t.i32(bucket);  // pushed at the head of its bucket
  t.u32(uint32_t(ansi.size()) | uint32_t(flags) << 8 | (hash & 0xFFFF) << 16);
  t.raw(ansi);
  t.pad4();
  bucket = off;
  ++name_count_;
  name_chars_ += uint32_t(ansi.size());
  return off;
}

int32_t Tables::name(std::string_view name, int32_t href, uint8_t flags, const std::string& where) {
  if (name.empty()) return -1;
  if (auto it = names_seen_.find(std::string(name)); it != names_seen_.end()) return it->second;
  const int32_t off = new_name(name, href, flags, where);
  if (off >= 0) names_seen_.emplace(std::string(name), off);
  return off;
}

int32_t Tables::new_name(std::string_view name, int32_t href, uint8_t flags,
                         const std::string& where) {
  bool lossy = false;
  std::string ansi = to_ansi(name, lossy);
  if (lossy)
    rep_.warning("TK6010", where, "name '" + std::string(name) +
                                      "' has characters Windows-1252 cannot hold; written as '?'");
  if (ansi.size() > fmt::name::kLengthMask) {
    rep_.error("TK6011", where, "name longer than 255 bytes, the most a name entry holds");
    return -1;
  }
  std::string key = fold(ansi);
  if (auto it = names_by_key_.find(key); it != names_by_key_.end()) return it->second;
  int32_t off = add_name_entry(ansi, href, flags);
  names_by_key_.emplace(std::move(key), off);
  return off;
}

int32_t Tables::member_name(std::string_view nm, const MemberUse& use, const std::string& where) {
  int32_t off = name(nm, -1, 0, where);
  if (off < 0) return off;
  const auto at = uint32_t(off);
  char& flags = seg_.names.b[at + fmt::name::kNameLen + 1];
  if (int32_t(seg_.names.get32(at + fmt::name::kHrefType)) == -1) {
    seg_.names.put32(at + fmt::name::kHrefType, uint32_t(use.owner));
    if (use.once) flags = char(flags | nameflag::kOnce);
  } else {
    flags = char(flags & ~nameflag::kOnce);
  }
  if (use.scoped) flags = char(flags | nameflag::kScoped);
  return off;
}

int32_t Tables::type_name(std::string_view nm, uint32_t index, const std::string& where) {
  const auto href = int32_t(index * fmt::typeinfo::kSize);
  if (nm.empty()) {
    rep_.error("TK6012", where, "type without a name");
    return -1;
  }
  bool lossy = false;
  std::string key = fold(to_ansi(nm, lossy));
  auto it = names_by_key_.find(key);
  if (it != names_by_key_.end() && !type_name_entry_.count(it->second)) {
    // A member name first: the entry now names this type too.
    const auto at = uint32_t(it->second);
    seg_.names.put32(at + fmt::name::kHrefType, uint32_t(href));
    seg_.names.b[at + fmt::name::kNameLen + 1] = char(nameflag::kType);
    type_name_entry_.insert(it->second);
    return it->second;
  }
  if (it != names_by_key_.end()) {
    // Another type has this name: an entry of its own, so each type keeps its HREFTYPE.
    bool l2 = false;
    int32_t off = add_name_entry(to_ansi(nm, l2), href, nameflag::kType);
    type_name_entry_.insert(off);
    return off;
  }
  int32_t off = name(nm, href, nameflag::kType, where);
  if (off >= 0) type_name_entry_.insert(off);
  return off;
}

int32_t Tables::string(std::string_view s, const std::string& where) {
  if (s.empty()) return -1;
  bool lossy = false;
  std::string ansi = to_ansi(s, lossy);
  if (lossy)
    rep_.warning("TK6013", where, "text has characters Windows-1252 cannot hold; written as '?'");
  // The runtime reads the length as a signed 16-bit value (doc §5.4).
  if (ansi.size() > 0x7FFF) {
    rep_.error("TK6014", where, "text longer than 32767 bytes, the most a string entry holds");
    return -1;
  }
  if (auto it = strings_.find(ansi); it != strings_.end()) return it->second;
  Bytes& t = seg_.strings;
  auto off = int32_t(t.size());
  t.u16(uint16_t(ansi.size()));
  t.raw(ansi);
  t.pad4();
  while (t.size() - uint32_t(off) < fmt::string::kMinEntry) t.u32(0x57575757);
  strings_.emplace(std::move(ansi), off);
  return off;
}

// ---- GUIDs and imports --------------------------------------------------------------------------

int32_t Tables::guid(const support::Guid& g, int32_t href) {
  if (auto it = guids_.find(g); it != guids_.end()) {
    // A GUID first met as a custom-data key takes the role it is met in later (the typeinfo or
    // import it names), which is what a lookup by GUID needs.
    const auto at = uint32_t(it->second) + 16;
    if (int32_t(seg_.guids.get32(at)) == kGuidHrefCustomKey) seg_.guids.put32(at, uint32_t(href));
    return it->second;
  }
  Bytes& t = seg_.guids;
  auto off = int32_t(t.size());
  int32_t& bucket = guid_buckets_[guid_hash(g)];
  t.raw(std::string_view(reinterpret_cast<const char*>(g.bytes.data()), g.bytes.size()));
  t.i32(href);
  t.i32(bucket);
  bucket = off;
  guids_.emplace(g, off);
  return off;
}

void Tables::add_imports() {
  for (size_t i = 0; i < lib_.imports.size(); ++i) {
    const model::ImportedLibrary& imp = lib_.imports[i];
    const std::string where = "imports[" + std::to_string(i) + "]";
    Bytes& t = seg_.impfiles;
    impfile_offsets_.push_back(int32_t(t.size()));
    bool lossy = false;
    std::string file = to_ansi(imp.file, lossy);
    if (file.size() >= 0x4000) {
      rep_.error("TK6020", where, "import file name longer than 16383 bytes");
      file.clear();
    }
    if (file.size() < 3)
      rep_.warning("TK6021", where,
                   "import file name '" + imp.file +
                       "' is shorter than 3 bytes; some readers step over such entries wrongly");
    t.i32(guid(imp.libid, kGuidHrefImportedLibrary));
    t.u32(imp.lcid);
    t.u32(uint32_t(imp.version.major) | uint32_t(imp.version.minor) << 16);
    t.u16(uint16_t(file.size() << fmt::impfile::kNameLengthShift | kImpFileNameFlags));
    t.raw(file);
    t.pad4();
  }
}

int32_t Tables::import_ref(const model::UserType& u, uint8_t kind, const std::string& where) {
  if (*u.import >= lib_.imports.size()) {
    rep_.error("TK6022", where,
               "type '" + u.name + "' refers to import " + std::to_string(*u.import) +
                   ", but the library has " + std::to_string(lib_.imports.size()));
    return -1;
  }
  if (!u.guid && !u.index) {
    rep_.error("TK6023", where,
               "imported type '" + u.name + "' has neither a GUID nor an index to be found by");
    return -1;
  }
  const bool by_guid = u.guid.has_value();
  auto key = std::make_tuple(*u.import, by_guid, u.guid.value_or(support::Guid{}),
                             by_guid ? 0u : *u.index);
  if (auto it = impinfo_.find(key); it != impinfo_.end()) return it->second | 1;
  // The type's own TYPEKIND when its library is at hand (doc §5.6: bits 24-31).
  if (refs_)
    if (const model::TypeInfo* found = refs_->resolve(lib_, u).type)
      kind = uint8_t(model::stored_kind(*found));
  Bytes& t = seg_.impinfo;
  auto off = int32_t(t.size());
  uint32_t flags = uint32_t(impinfo_.size() & 0xFFFF) | uint32_t(kind) << 24;
  if (by_guid) flags |= fmt::impinfo::kOffsetIsGuid;
  int32_t target = by_guid ? guid(*u.guid, off + 1) : int32_t(*u.index);
  t.u32(flags);
  t.i32(impfile_offsets_.at(*u.import));
  t.i32(target);
  impinfo_.emplace(key, off);
  return off | int32_t(fmt::kHrefImportBit);
}

std::optional<int32_t> Tables::href(const model::UserType& u, uint8_t kind,
                                    const std::string& where) {
  if (u.import) {
    int32_t h = import_ref(u, kind, where);
    if (h < 0) return std::nullopt;
    return h;
  }
  if (u.index) {
    if (*u.index < lib_.types.size()) return int32_t(*u.index * fmt::typeinfo::kSize);
  } else {
    for (size_t i = 0; i < lib_.types.size(); ++i)
      if (!u.name.empty() && lib_.types[i].name == u.name)
        return int32_t(i * fmt::typeinfo::kSize);
  }
  rep_.error("TK6024", where, "reference to '" + u.name + "' names no type of this library");
  return std::nullopt;
}

// ---- Type descriptors ---------------------------------------------------------------------------

int32_t Tables::typedesc(uint32_t a, int32_t b) {
  const uint64_t key = uint64_t{a} << 32 | uint32_t(b);
  if (auto it = typedescs_.find(key); it != typedescs_.end()) return it->second;
  auto off = int32_t(seg_.typedesc.size());
  seg_.typedesc.u32(a);
  seg_.typedesc.i32(b);
  typedescs_.emplace(key, off);
  return off;
}

int32_t Tables::element(const model::TypeRef& t, uint16_t flag, uint16_t& mix,
                        const std::string& where, uint32_t depth) {
  // The runtime reads an inline pointee from its own table of VARTYPEs 0..VT_LPWSTR; any other
  // base type needs a descriptor entry of its own.
  if (auto* b = std::get_if<model::BaseType>(&t.v)) {
    if (b->vt <= vt::LpWStr) {
      mix = uint16_t(sub_vt(b->vt) | flag);
      return inline_type(b->vt);
    }
    mix = kMixOtherDescriptor;
    return typedesc(b->vt, 0);
  }
  bool ref = std::holds_alternative<model::Pointer>(t.v) ||
             std::holds_alternative<model::UserType>(t.v);
  mix = ref ? kMixRefDescriptor : kMixOtherDescriptor;
  return nested_type(t, where, depth);
}

int32_t Tables::data_type(const model::TypeRef& t, const std::string& where) {
  return nested_type(t, where, 0);
}

int32_t Tables::nested_type(const model::TypeRef& t, const std::string& where, uint32_t depth) {
  // The runtime's readers stop following descriptors long before this (real types nest about
  // five deep); a deeper type is refused rather than recursed into without bound.
  constexpr uint32_t kMaxDepth = 64;
  if (depth > kMaxDepth) {
    rep_.error("TK6027", where, "type nests pointers and arrays more than 64 deep");
    return -1;
  }
  if (auto* b = std::get_if<model::BaseType>(&t.v)) return inline_type(b->vt);
  if (auto* p = std::get_if<model::Pointer>(&t.v)) {
    uint16_t mix = 0;
    int32_t inner = element(*p->pointee, vt::ByRef, mix, where, depth + 1);
    return typedesc(vt::Ptr | uint32_t(mix) << 16, inner);
  }
  if (auto* s = std::get_if<model::SafeArray>(&t.v)) {
    uint16_t mix = 0;
    int32_t inner = element(*s->element, vt::Array, mix, where, depth + 1);
    return typedesc(vt::SafeArray | uint32_t(mix) << 16, inner);
  }
  if (auto* a = std::get_if<model::CArray>(&t.v)) {
    // cDims*8 must fit the descriptor's high WORD (doc §5.5).
    if (a->bounds.empty() || a->bounds.size() > 0xFFFF / fmt::kArrayBoundSize) {
      rep_.error("TK6025", where,
                 "C array with " + std::to_string(a->bounds.size()) + " dimensions");
      return -1;
    }
    Bytes d;
    d.i32(nested_type(*a->element, where, depth + 1));
    auto dims = uint16_t(a->bounds.size());
    d.u16(dims);
    d.u16(uint16_t(dims * fmt::kArrayBoundSize));
    for (const model::ArrayBound& bd : a->bounds) {
      d.u32(bd.count);
      d.i32(bd.lower);
    }
    int32_t off;
    if (auto it = arraydescs_.find(d.b); it != arraydescs_.end()) {
      off = it->second;
    } else {
      off = int32_t(seg_.arraydesc.size());
      seg_.arraydesc.raw(d.b);
      arraydescs_.emplace(d.b, off);
    }
    return typedesc(vt::CArray | uint32_t(kMixOtherDescriptor) << 16, off);
  }
  const auto& u = std::get<model::UserType>(t.v);
  // The TYPEKIND of an imported type is not in the model; a type used by reference is most
  // often an interface (TKIND_INTERFACE = 3); readers ignore the byte (doc §5.6).
  std::optional<int32_t> h = href(u, 3, where);
  if (!h) return -1;
  return typedesc(vt::UserDefined | uint32_t(kMixRefDescriptor) << 16, *h);
}

// ---- Values and custom data ---------------------------------------------------------------------

namespace {

/// The inline encoding of `v` when the runtime decodes it back to the same value (doc §5.8).
std::optional<uint32_t> inline_value(const model::Value& v) {
  if (v.vt > fmt::kInlineValueVtMask) return std::nullopt;
  const uint32_t tag = fmt::kInlineValueFlag | uint32_t(v.vt) << fmt::kInlineValueVtShift;
  if (std::holds_alternative<std::monostate>(v.data))
    return (v.vt == vt::Empty || v.vt == vt::Null) ? std::optional<uint32_t>(tag) : std::nullopt;
  const int64_t* i = std::get_if<int64_t>(&v.data);
  if (!i) return std::nullopt;
  auto in = [&](int64_t lo, int64_t hi) { return *i >= lo && *i <= hi; };
  switch (v.vt) {
    case vt::I1: if (in(-128, 127)) return tag | (uint32_t(*i) & 0xFF); break;
    case vt::UI1: if (in(0, 0xFF)) return tag | uint32_t(*i); break;
    case vt::I2:
    case vt::Bool: if (in(-32768, 32767)) return tag | (uint32_t(*i) & 0xFFFF); break;
    case vt::UI2: if (in(0, 0xFFFF)) return tag | uint32_t(*i); break;
    case vt::I4:
    case vt::UI4:
    case vt::Int:
    case vt::UInt: if (in(0, fmt::kInlineValueMask)) return tag | uint32_t(*i); break;
    default: break;
  }
  return std::nullopt;
}

uint64_t bits_of(const model::Value& v, bool single) {
  if (auto* i = std::get_if<int64_t>(&v.data)) return uint64_t(*i);
  if (auto* d = std::get_if<double>(&v.data)) {
    if (single) return std::bit_cast<uint32_t>(static_cast<float>(*d));
    return std::bit_cast<uint64_t>(*d);
  }
  return 0;
}

/// How many data bytes follow the VARTYPE in a CustData value (doc §5.8; -1: a BSTR).
int payload_size(uint16_t t) {
  switch (t) {
    case vt::Empty: case vt::Null: case vt::I2: case vt::I4: case vt::R4: case vt::Error:
    case vt::Bool: case vt::I1: case vt::UI1: case vt::UI2: case vt::UI4: case vt::Int:
    case vt::UInt: case vt::Void: case vt::HResult:
      return 4;
    // DECIMAL and FILETIME: 8 bytes, as the runtime reads them back (doc §5.8).
    case vt::R8: case vt::Cy: case vt::Date: case vt::I8: case vt::UI8: case vt::Decimal:
    case vt::FileTime:
      return 8;
    case vt::Bstr:
      return -1;
    default:
      return 0;
  }
}

}  // namespace

int32_t Tables::custdata_entry(const std::string& bytes) {
  if (auto it = custdata_.find(bytes); it != custdata_.end()) return it->second;
  auto off = int32_t(seg_.custdata.size());
  seg_.custdata.raw(bytes);
  seg_.custdata.pad4();
  custdata_.emplace(bytes, off);
  return off;
}

int32_t Tables::value(const model::Value& v0, const std::string& where) {
  model::Value v = v0;
  if (v.vt == vt::LpStr || v.vt == vt::LpWStr) {
    // The runtime reads no text for these VARTYPEs; MIDL stores string constants as BSTRs.
    rep_.warning("TK6030", where, "string value of an LPSTR/LPWSTR type is stored as a BSTR");
    v.vt = vt::Bstr;
  }
  if (std::optional<uint32_t> in = inline_value(v)) return int32_t(*in);
  Bytes d;
  d.u16(v.vt);
  int size = payload_size(v.vt);
  if (size == 4) {
    d.u32(uint32_t(bits_of(v, v.vt == vt::R4)));
  } else if (size == 8) {
    uint64_t bits = bits_of(v, false);
    d.u32(uint32_t(bits));
    d.u32(uint32_t(bits >> 32));
  } else if (size < 0) {
    if (auto* s = std::get_if<std::string>(&v.data)) {
      bool lossy = false;
      std::string ansi = to_ansi(*s, lossy);
      if (lossy)
        rep_.warning("TK6031", where, "text has characters Windows-1252 cannot hold; written as '?'");
      d.u32(uint32_t(ansi.size()));
      d.raw(ansi);
    } else {
      d.u32(fmt::kNullBstrLength);
    }
  } else if (!std::holds_alternative<std::monostate>(v.data)) {
    rep_.warning("TK6032", where,
                 "a value of VARTYPE " + std::to_string(v.vt) +
                     " cannot be stored in a type library; only its type is kept");
  }
  return custdata_entry(d.b);
}

int32_t Tables::custom(const model::CustomData& cd, const std::string& where) {
  int32_t head = -1;
  // Each item goes to the head of the list, as MIDL and widl add them; the runtime reports the
  // list from the tail, in the author's order (doc §5.8).
  for (const model::CustomDatum& d : cd) {
    // Stored as the format allows, but the runtime cannot copy a VT_HRESULT VARIANT: Wine 8.0's
    // GetAllCustData then fails for the whole list (checked with the oracle).
    if (d.value.vt == vt::HResult)
      rep_.warning("TK6033", where,
                   "custom data of VT_HRESULT: the runtime fails to return this custom-data list");
    int32_t g = guid(d.guid, kGuidHrefCustomKey);
    int32_t val = value(d.value, where + " custom data");
    auto off = int32_t(seg_.cdguids.size());
    seg_.cdguids.i32(g);
    seg_.cdguids.i32(val);
    seg_.cdguids.i32(head);
    head = off;
  }
  return head;
}

int32_t Tables::reftab(const std::vector<model::ImplType>& impls, const std::string& where) {
  if (impls.empty()) return -1;
  const auto first = int32_t(seg_.reftab.size());
  for (size_t i = 0; i < impls.size(); ++i) {
    const std::string w = where + ".interfaces[" + std::to_string(i) + "]";
    const auto* u = std::get_if<model::UserType>(&impls[i].type.v);
    int32_t h = -1;
    if (!u)
      rep_.error("TK6026", w, "an implemented interface must be a user-defined type");
    else
      h = href(*u, 3, w).value_or(-1);  // TKIND_INTERFACE: what a coclass lists
    int32_t cd = custom(impls[i].custom, w);
    seg_.reftab.i32(h);
    seg_.reftab.u32(impls[i].flags);
    seg_.reftab.i32(cd);
    seg_.reftab.i32(i + 1 < impls.size() ? int32_t(seg_.reftab.size() + 4) : -1);
  }
  return first;
}

}  // namespace tlbkit::tlbw
