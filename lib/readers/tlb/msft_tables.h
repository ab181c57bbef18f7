// The MSFT reader's view of one library blob: the header, the segment directory and the
// library-wide tables (names, strings, GUIDs, imports, type descriptors), each parsed once and
// looked up by offset, the way the runtime reads them. Internal to readers/tlb. Layer: readers.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/library.h"
#include "support/byte_reader.h"
#include "tlbformat/msft_format.h"

namespace tlbkit::tlb::msft {

using tlbformat::msft::Segment;

/// One entry of the segment directory; `present` is false for offset -1.
struct SegmentRange {
  uint32_t offset = 0;
  uint32_t length = 0;
  bool present = false;
};

/// The 21 header INTs the reader uses (doc §3).
struct Header {
  int32_t posguid = -1, lcid = 0, lcid2 = 0, varflags = 0, version = 0, flags = 0;
  int32_t nrtypeinfos = 0, helpstring = -1, helpstringcontext = 0, helpcontext = 0;
  int32_t name_offset = -1, helpfile = -1, custom_data = -1, dispatchpos = -1;
  int32_t helpstringdll = -1;  // the INT after the header, when varflags has HELPDLLFLAG
};

/// A table of text entries (NameTab or StringTab) by entry offset.
class TextTable {
 public:
  void add(uint32_t offset, std::string text);
  /// The entry starting exactly at `offset`, or nullptr (the runtime's "no name").
  const std::string* at(int32_t offset) const;
  size_t size() const { return offsets_.size(); }

 private:
  std::vector<uint32_t> offsets_;  // ascending, as parsed
  std::vector<std::string> texts_;
};

/// An import: the ImpInfo entry at some offset, naming a library (ImpFiles) and a type in it.
struct ImportRef {
  uint32_t import = 0;  // index into Library::imports
  bool by_guid = false;
  support::Guid guid;  // by_guid
  uint32_t index = 0;  // !by_guid: typeinfo index in the other library
};

/// A reference that names nothing: kept as a UserType whose index can never resolve, so every
/// consumer sees "not found" (the runtime prints `?`).
inline constexpr uint32_t kDanglingIndex = 0xFFFFFFFF;

class MsftFile {
 public:
  MsftFile(std::span<const uint8_t> blob) : r_(blob) {}

  /// Parses header, directory and the library-wide tables. Throws support::ReadError.
  void load();

  const support::ByteReader& reader() const { return r_; }
  const Header& header() const { return hdr_; }
  const SegmentRange& seg(Segment s) const { return segs_[static_cast<uint32_t>(s)]; }
  /// Blob offset of `off` inside segment `s`; throws when the segment is absent.
  uint64_t in_segment(Segment s, int64_t off, const char* what) const;

  uint32_t syskind() const;
  uint32_t pointer_size() const;

  const std::string* name(int32_t off) const { return names_.at(off); }
  /// A StringTab entry; what callers copy of it counts against the text budget.
  const std::string* string(int32_t off) const;
  std::optional<support::Guid> guid(int32_t off) const;
  /// The `hreftype` of the name entry at `off`, read even when `off` is not an entry start
  /// (Wine's MSFT_ReadHreftype); -1 for a negative offset.
  int32_t name_hreftype(int32_t off) const;

  std::vector<model::ImportedLibrary>& imports() { return imports_; }

  /// Type index of every typeinfo, by the HREFTYPE its name entry declares (first one wins).
  void index_typeinfo(uint32_t index, int32_t hreftype, const std::string& name);
  /// What an HREFTYPE names, resolved as the runtime resolves it: a local typeinfo by its
  /// name-entry HREFTYPE (low bit clear), else an ImpInfo entry by offset.
  model::UserType user_type(int32_t href) const;
  bool dangling(const model::UserType& u) const {
    return !u.import && u.index && *u.index == kDanglingIndex;
  }

  /// A DataType INT (inline VARTYPE or TypedescTab offset) as a type reference. Throws on a
  /// descriptor chain deeper than any real type (a cycle).
  model::TypeRef type(int32_t datatype) const;

  /// A value encoding (inline, or a CustData offset), as the runtime decodes it.
  model::Value value(int32_t encoded) const;
  /// The custom-data list starting at a CDGuids offset (-1: none), in the runtime's order.
  model::CustomData custom_data(int32_t head) const;

 private:
  void read_header();
  void read_directory();
  void read_names();
  void read_strings();
  void read_imports();
  model::TypeRef typedesc(uint32_t index, uint32_t depth) const;
  model::TypeRef carray(int32_t offset, uint32_t depth) const;
  model::TypeRef data_type(int32_t datatype, uint32_t depth) const;

  support::ByteReader r_;
  Header hdr_;
  std::array<SegmentRange, tlbformat::msft::kSegmentCount> segs_{};
  TextTable names_, strings_;
  std::vector<model::ImportedLibrary> imports_;
  std::unordered_map<uint32_t, uint32_t> impfile_index_;  // ImpFiles offset → import index
  std::unordered_map<uint32_t, ImportRef> impinfos_;      // ImpInfo offset → import
  std::unordered_map<int32_t, std::pair<uint32_t, std::string>> typeinfo_by_href_;
  uint32_t typedesc_count_ = 0;
  mutable std::vector<std::optional<model::TypeRef>> typedesc_cache_;  // by TypedescTab index
  // Type references handed out, counted in nodes, against a budget proportional to the blob:
  // shared descriptors must not let a small file expand into a huge model.
  mutable uint64_t type_nodes_ = 0;
  uint64_t type_node_budget_ = 0;
  // Likewise the text copied out of StringTab and CustData (help strings and string values may
  // be shared by any number of members) and the custom-data nodes read (lists may be shared).
  void charge_text(uint64_t bytes, uint64_t where) const;
  mutable uint64_t text_bytes_ = 0;
  uint64_t text_budget_ = 0;
  mutable uint64_t custom_nodes_ = 0;
  uint64_t custom_node_budget_ = 0;
};

}  // namespace tlbkit::tlb::msft
