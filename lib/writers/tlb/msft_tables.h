// The MSFT writer's library-wide tables (doc §5): names with their hash table, strings, GUIDs
// with theirs, type descriptors and array descriptors, values, custom-data lists, imports and
// the coclass reference table — each entry added once and found again by content, the way MIDL
// and widl share them. Internal to writers/tlb. Layer: writers.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/library.h"
#include "model/library_set.h"
#include "support/diagnostics.h"

namespace tlbkit::tlbw {

/// A growing little-endian byte buffer.
struct Bytes {
  std::string b;
  uint32_t size() const { return uint32_t(b.size()); }
  void u8(uint8_t v) { b.push_back(char(v)); }
  void u16(uint16_t v) {
    u8(uint8_t(v));
    u8(uint8_t(v >> 8));
  }
  void u32(uint32_t v) {
    const char le[4] = {char(v), char(v >> 8), char(v >> 16), char(v >> 24)};
    b.append(le, 4);
  }
  void i32(int32_t v) { u32(uint32_t(v)); }
  void raw(std::string_view s) { b.append(s); }
  /// Pads to a multiple of 4 with 0x57 ('W'), the filler MIDL, widl and oleaut32 use (doc §5.3).
  void pad4() {
    while (b.size() % 4) u8(0x57);
  }
  uint32_t get32(uint32_t at) const {
    uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = v << 8 | uint8_t(b[at + uint32_t(i)]);
    return v;
  }
  void put32(uint32_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) b[at + uint32_t(i)] = char(uint8_t(v >> (8 * i)));
  }
};

/// Collects the writer's diagnostics; every problem names its place in the model.
struct Reporter {
  support::DiagEngine& diags;
  std::string library;  // for the location
  bool failed = false;
  void error(const std::string& code, const std::string& where, const std::string& msg) {
    failed = true;
    diags.error(code, support::Location::in_file(library), where + ": " + msg);
  }
  void warning(const std::string& code, const std::string& where, const std::string& msg) {
    diags.warning(code, support::Location::in_file(library), where + ": " + msg);
  }
};

/// UTF-8 → Windows-1252, the ANSI code page the reader assumes; characters it cannot hold become
/// '?', and `lossy` is set.
std::string to_ansi(std::string_view utf8, bool& lossy);

/// Name-table entry flags byte (doc §5.3; observed values, meaning inferred): widl sets 0x38 on
/// type names, 0x10 on a member name's first use by a variable or module function (cleared when
/// another member reuses it), 0x20 on names of module and enum members.
namespace nameflag {
inline constexpr uint8_t kType = 0x38, kOnce = 0x10, kScoped = 0x20;
}

/// How a member uses its name (which flags its name entry gets).
struct MemberUse {
  int32_t owner = -1;   // the typeinfo offset the entry names on first use
  bool once = false;    // a variable or a module function: 0x10 until the name is reused
  bool scoped = false;  // a module or enum member: 0x20
};

class Tables {
 public:
  Tables(const model::Library& lib, const model::LibrarySet* refs, uint32_t syskind,
         uint32_t hash_lcid, Reporter& rep);

  /// One ImpFiles entry per imported library, in the model's order (doc §5.6).
  void add_imports();

  // ---- Names (doc §5.3) ----
  /// NameTab offset of `name`, added (with hreftype `href`) unless an entry equal to it, ignoring
  /// case, exists. -1 for an empty name.
  int32_t name(std::string_view name, int32_t href, uint8_t flags, const std::string& where);
  /// The name entry of a function or variable, flagged as MIDL and widl flag it.
  int32_t member_name(std::string_view name, const MemberUse& use, const std::string& where);
  /// The name entry of typeinfo `index`: its hreftype is the typeinfo's offset, which is how the
  /// runtime finds the type (mandatory, doc §5.3). Shared with a member name, never with another
  /// type's.
  int32_t type_name(std::string_view name, uint32_t index, const std::string& where);

  // ---- Strings (doc §5.4) ----
  /// StringTab offset of `s`, or -1 for an empty string.
  int32_t string(std::string_view s, const std::string& where);

  // ---- GUIDs (doc §5.2) ----
  int32_t guid(const support::Guid& g, int32_t href);

  // ---- Types (doc §5.5, §8) ----
  /// The DataType INT of a type: an inline VARTYPE or a TypedescTab offset. -1 on error.
  int32_t data_type(const model::TypeRef& t, const std::string& where);
  /// The HREFTYPE of a user type (local: typeinfo offset; imported: ImpInfo offset | 1), or
  /// nullopt after reporting that it names nothing. `kind` is the TYPEKIND recorded for an
  /// imported type (the model does not keep it).
  std::optional<int32_t> href(const model::UserType& u, uint8_t kind, const std::string& where);

  // ---- Values and custom data (doc §5.8) ----
  /// A value encoding: inline when the runtime decodes it back exactly, else a CustData offset.
  int32_t value(const model::Value& v, const std::string& where);
  /// CDGuids offset of the head of a new list holding `cd`, or -1 when it is empty.
  int32_t custom(const model::CustomData& cd, const std::string& where);

  // ---- Coclass references (doc §5.7) ----
  int32_t reftab(const std::vector<model::ImplType>& impls, const std::string& where);

  /// The finished segments, in directory order (doc §4); an empty one is absent.
  struct Segments {
    Bytes impinfo, impfiles, reftab, guidhash, guids, namehash, names, strings, typedesc,
        arraydesc, custdata, cdguids;
  };
  /// Fills the two hash-table segments from the buckets; call once, after the last entry.
  Segments& finish();
  uint32_t name_count() const { return name_count_; }
  uint32_t name_chars() const { return name_chars_; }
  uint32_t impinfo_count() const { return uint32_t(impinfo_.size()); }
  Reporter& rep() { return rep_; }

 private:
  int32_t add_name_entry(const std::string& ansi, int32_t href, uint8_t flags);
  int32_t new_name(std::string_view name, int32_t href, uint8_t flags, const std::string& where);
  int32_t typedesc(uint32_t a, int32_t b);
  int32_t element(const model::TypeRef& t, uint16_t byref_or_array, uint16_t& mix,
                  const std::string& where, uint32_t depth);
  int32_t nested_type(const model::TypeRef& t, const std::string& where, uint32_t depth);
  int32_t import_ref(const model::UserType& u, uint8_t kind, const std::string& where);
  int32_t custdata_entry(const std::string& bytes);

  const model::Library& lib_;
  const model::LibrarySet* refs_;
  uint32_t syskind_, hash_lcid_;
  Reporter& rep_;
  Segments seg_;
  std::vector<int32_t> name_buckets_, guid_buckets_;
  // Lookups only (never iterated), so hash maps keep the output deterministic.
  std::unordered_map<std::string, int32_t> names_by_key_;  // case-folded ANSI → entry
  std::unordered_map<std::string, int32_t> names_seen_;    // exact UTF-8 → entry (a shortcut)
  std::unordered_set<int32_t> type_name_entry_;            // entries that name a typeinfo
  std::unordered_map<std::string, int32_t> strings_;       // ANSI → entry
  std::map<support::Guid, int32_t> guids_;                 // GUID → entry
  std::unordered_map<uint64_t, int32_t> typedescs_;        // the entry's two INTs → entry
  std::unordered_map<std::string, int32_t> arraydescs_, custdata_;
  std::map<std::tuple<uint32_t, bool, support::Guid, uint32_t>, int32_t> impinfo_;
  std::vector<int32_t> impfile_offsets_;
  uint32_t name_count_ = 0, name_chars_ = 0;
};

}  // namespace tlbkit::tlbw
