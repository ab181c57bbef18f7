// The MSFT library-wide tables: header, segment directory, names, strings, GUIDs and imports,
// parsed once and looked up by offset as the runtime does (doc §3-§5.6). Layer: readers.
#include "readers/tlb/msft_tables.h"

#include <algorithm>

#include "readers/tlb/ansi_text.h"

namespace tlbkit::tlb::msft {

namespace fmt = tlbformat::msft;
using support::ByteReader;
using support::ReadError;

// ---- TextTable ----------------------------------------------------------------------------------

void TextTable::add(uint32_t offset, std::string text) {
  offsets_.push_back(offset);
  texts_.push_back(std::move(text));
}

const std::string* TextTable::at(int32_t offset) const {
  if (offset < 0) return nullptr;
  auto it = std::lower_bound(offsets_.begin(), offsets_.end(), static_cast<uint32_t>(offset));
  if (it == offsets_.end() || *it != static_cast<uint32_t>(offset)) return nullptr;
  return &texts_[static_cast<size_t>(it - offsets_.begin())];
}

// ---- Header and directory -----------------------------------------------------------------------

void MsftFile::load() {
  read_header();
  read_directory();
  read_names();
  read_strings();
  read_imports();
  const SegmentRange& td = seg(Segment::TypedescTab);
  typedesc_count_ = td.present ? td.length / fmt::kTypedescEntrySize : 0;
  typedesc_cache_.resize(typedesc_count_);
  // A sound library uses about one type node per 6 bytes (a 12-byte parameter record holds a
  // type of one or two nodes); allow far more, and a floor for tiny files.
  type_node_budget_ = r_.size() + (uint64_t{1} << 16);
  // A sound library copies each string a few times at most (writers share equal help strings);
  // custom-data lists are not shared at all.
  text_budget_ = 8 * uint64_t{r_.size()} + (uint64_t{1} << 20);
  const SegmentRange& cd = seg(Segment::CDGuids);
  custom_node_budget_ = 4 * uint64_t{cd.length / fmt::cdguid::kSize} + 1024;
}

void MsftFile::read_header() {
  namespace h = fmt::header;
  if (r_.u32(h::kMagic1, "MSFT header") != fmt::kMagicMsft)
    throw ReadError(0, "not an MSFT type library (bad magic)");
  r_.require(0, h::kSize, "MSFT header");
  auto i = [&](uint32_t off) { return r_.i32(off); };
  hdr_.posguid = i(h::kPosGuid);
  hdr_.lcid = i(h::kLcid);
  hdr_.lcid2 = i(h::kLcid2);
  hdr_.varflags = i(h::kVarFlags);
  hdr_.version = i(h::kVersion);
  hdr_.flags = i(h::kFlags);
  hdr_.nrtypeinfos = i(h::kNrTypeInfos);
  hdr_.helpstring = i(h::kHelpString);
  hdr_.helpstringcontext = i(h::kHelpStringContext);
  hdr_.helpcontext = i(h::kHelpContext);
  hdr_.name_offset = i(h::kNameOffset);
  hdr_.helpfile = i(h::kHelpFile);
  hdr_.custom_data = i(h::kCustomDataOffset);
  hdr_.dispatchpos = i(h::kDispatchPos);
  // The type count sizes the offset array before the directory: it must fit in the blob.
  uint64_t room = r_.size() > h::kSize ? (r_.size() - h::kSize) / 4 : 0;
  if (hdr_.nrtypeinfos < 0 || static_cast<uint64_t>(hdr_.nrtypeinfos) > room)
    throw ReadError(h::kNrTypeInfos,
                    "type info count " + std::to_string(hdr_.nrtypeinfos) + " is impossible");
  if (hdr_.varflags & fmt::kVarFlagsHelpDll) hdr_.helpstringdll = r_.i32(h::kSize, "help DLL");
}

void MsftFile::read_directory() {
  uint64_t dir = fmt::header::kSize + 4 * uint64_t(hdr_.nrtypeinfos) +
                 ((hdr_.varflags & fmt::kVarFlagsHelpDll) ? 4 : 0);
  r_.require(dir, fmt::kSegmentCount * fmt::kSegmentEntrySize, "segment directory");
  for (uint32_t s = 0; s < fmt::kSegmentCount; ++s) {
    uint64_t e = dir + s * fmt::kSegmentEntrySize;
    int32_t off = r_.i32(e + fmt::segment::kOffset);
    int32_t len = r_.i32(e + fmt::segment::kLength);
    // Wine refuses a file whose first two entries lack the 0x0F marker: it has no directory.
    if (s < 2 && r_.u32(e + fmt::segment::kRes0c) != fmt::kSegmentRes0c)
      throw ReadError(e, "no segment directory where the header says it is");
    if (off == -1) continue;
    std::string name(fmt::segment_name(static_cast<Segment>(s)));
    if (off < 0 || len < 0)
      throw ReadError(e, "segment " + name + " has a negative offset or length");
    if (!r_.contains(uint32_t(off), uint32_t(len)))
      throw ReadError(e, "segment " + name + " (offset " + ByteReader::hex(uint32_t(off)) + ", " +
                             std::to_string(len) + " bytes) extends past the end");
    segs_[s] = {uint32_t(off), uint32_t(len), true};
  }
}

uint64_t MsftFile::in_segment(Segment s, int64_t off, const char* what) const {
  const SegmentRange& g = seg(s);
  if (!g.present)
    throw ReadError(0, std::string(what) + " refers to the " + std::string(fmt::segment_name(s)) +
                           " segment, which is absent");
  int64_t at = int64_t{g.offset} + off;
  if (at < 0) throw ReadError(g.offset, std::string(what) + " has a negative offset");
  return uint64_t(at);
}

uint32_t MsftFile::syskind() const { return uint32_t(hdr_.varflags) & fmt::kVarFlagsSysKindMask; }
uint32_t MsftFile::pointer_size() const { return fmt::pointer_size(syskind()); }

// ---- Names, strings, GUIDs ----------------------------------------------------------------------

void MsftFile::read_names() {
  const SegmentRange& g = seg(Segment::NameTab);
  if (!g.present) return;
  // Walked as Wine walks it (MSFT_ReadAllNames): 12-byte intro, length in the low byte of
  // namelen, each entry rounded up to 4 bytes and at least 8.
  for (uint32_t offs = 0; offs < g.length;) {
    uint64_t at = uint64_t{g.offset} + offs;
    uint32_t len = r_.u32(at + fmt::name::kNameLen, "name table entry") & fmt::name::kLengthMask;
    names_.add(offs, ansi_to_utf8(r_.bytes(at + fmt::name::kText, len, "name"), true));
    uint32_t piece = (fmt::name::kIntroSize + len + 3) & ~3u;
    offs += std::max(piece, fmt::name::kMinEntry);
  }
}

void MsftFile::read_strings() {
  const SegmentRange& g = seg(Segment::StringTab);
  if (!g.present) return;
  // MSFT_ReadAllStrings: INT16 length, the bytes, rounded up to 4 and at least 8.
  for (uint32_t offs = 0; offs < g.length;) {
    uint64_t at = uint64_t{g.offset} + offs;
    int16_t len = r_.i16(at, "string table entry");
    if (len < 0) throw ReadError(at, "string table entry with a negative length");
    auto ulen = static_cast<uint32_t>(len);
    strings_.add(offs, ansi_to_utf8(r_.bytes(at + fmt::string::kLengthSize, ulen, "string"), true));
    uint32_t piece = (fmt::string::kLengthSize + ulen + 3) & ~3u;
    offs += std::max(piece, fmt::string::kMinEntry);
  }
}

void MsftFile::charge_text(uint64_t bytes, uint64_t where) const {
  text_bytes_ += bytes;
  if (text_bytes_ > text_budget_)
    throw ReadError(where, "strings are referenced so often that they would expand to more than " +
                               std::to_string(text_budget_) + " bytes");
}

const std::string* MsftFile::string(int32_t off) const {
  const std::string* s = strings_.at(off);
  if (s) charge_text(s->size(), seg(Segment::StringTab).offset + uint32_t(off));
  return s;
}

std::optional<support::Guid> MsftFile::guid(int32_t off) const {
  const SegmentRange& g = seg(Segment::GuidTab);
  // The runtime knows the GUID entries at multiples of 24 inside the table; anything else is "no
  // GUID".
  if (!g.present || off < 0 || uint32_t(off) >= g.length || off % fmt::kGuidEntrySize != 0)
    return std::nullopt;
  return r_.guid(uint64_t{g.offset} + uint32_t(off), "GUID table entry");
}

int32_t MsftFile::name_hreftype(int32_t off) const {
  if (off < 0) return -1;
  return r_.i32(in_segment(Segment::NameTab, off, "type name") + fmt::name::kHrefType,
                "name table entry");
}

// ---- Imports ------------------------------------------------------------------------------------

void MsftFile::read_imports() {
  namespace f = fmt::impfile;
  const SegmentRange& files = seg(Segment::ImpFiles);
  // Wine reads ImpFiles only when its offset is positive.
  if (files.present && files.offset > 0) {
    const uint64_t end = uint64_t{files.offset} + files.length;
    for (uint64_t at = files.offset; at < end;) {
      model::ImportedLibrary lib;
      lib.libid = guid(r_.i32(at + f::kGuid, "import file entry")).value_or(support::Guid{});
      lib.lcid = r_.u32(at + f::kLcid, "import file entry");
      lib.version = {r_.u16(at + f::kVersion), r_.u16(at + f::kVersion + 2)};
      uint32_t len =
          uint32_t{r_.u16(at + f::kNameSize, "import file entry")} >> f::kNameLengthShift;
      lib.file = ansi_to_utf8(r_.bytes(at + f::kName, len, "import file name"), true);
      impfile_index_.emplace(uint32_t(at - files.offset), uint32_t(imports_.size()));
      imports_.push_back(std::move(lib));
      at = (at + f::kName + len + 3) & ~uint64_t{3};
    }
  }
  const SegmentRange& infos = seg(Segment::ImpInfo);
  if (!infos.present) return;
  namespace i = fmt::impinfo;
  for (uint32_t offs = 0; offs + i::kSize <= infos.length; offs += i::kSize) {
    uint64_t at = uint64_t{infos.offset} + offs;
    uint32_t flags = r_.u32(at + i::kFlags);
    auto file = impfile_index_.find(r_.u32(at + i::kImpFile));
    if (file == impfile_index_.end()) continue;  // Wine: "Cannot find a reference"
    ImportRef ref;
    ref.import = file->second;
    int32_t target = r_.i32(at + i::kGuidOrIndex);
    ref.by_guid = flags & i::kOffsetIsGuid;
    if (ref.by_guid)
      ref.guid = guid(target).value_or(support::Guid{});
    else
      ref.index = uint32_t(target);
    impinfos_.emplace(offs, ref);
  }
}

// ---- References ---------------------------------------------------------------------------------

void MsftFile::index_typeinfo(uint32_t index, int32_t hreftype, const std::string& name) {
  typeinfo_by_href_.emplace(hreftype, std::make_pair(index, name));
}

model::UserType MsftFile::user_type(int32_t href) const {
  auto key = static_cast<int32_t>(uint32_t(href) & ~fmt::kHrefLowBits);
  model::UserType u;
  if (!(uint32_t(href) & fmt::kHrefImportBit)) {
    if (auto it = typeinfo_by_href_.find(key); it != typeinfo_by_href_.end()) {
      u.index = it->second.first;
      u.name = it->second.second;
      return u;
    }
  }
  if (auto it = impinfos_.find(uint32_t(key)); key >= 0 && it != impinfos_.end()) {
    u.import = it->second.import;
    if (it->second.by_guid)
      u.guid = it->second.guid;
    else
      u.index = it->second.index;
    return u;
  }
  u.index = kDanglingIndex;
  return u;
}

}  // namespace tlbkit::tlb::msft
