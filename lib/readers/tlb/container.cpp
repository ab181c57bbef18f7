// Where a type library's bytes live: a bare MSFT/SLTG file, or a TYPELIB resource of a PE32/PE32+
// file. Walks the PE headers and the resource tree with every field checked, lists the TYPELIB
// resources by ID, picks one (`file.dll\N`, default 1, as LoadTypeLib does) and hands its bytes
// to the MSFT or SLTG reader. Layer: readers.
//
// PE facts (doc §1.1 of shared/docs/typelib-format.md, and the PE/COFF specification): "MZ" at 0,
// e_lfanew at 0x3C, "PE\0\0", a 20-byte COFF header, the optional header (magic 0x10B or 0x20B)
// with the data directories, the section table, and a three-level resource tree (type, ID,
// language) whose type level names "TYPELIB".
#include <algorithm>
#include <string>

#include "readers/tlb/tlb_reader.h"
#include "support/byte_reader.h"
#include "tlbformat/msft_format.h"

namespace tlbkit::tlb {

namespace {

using support::ByteReader;
using support::Location;
using support::ReadError;

// ---- PE facts -----------------------------------------------------------------------------------
constexpr uint16_t kDosMagic = 0x5A4D;         // "MZ"
constexpr uint32_t kDosLfanew = 0x3C;          // e_lfanew: file offset of the NT headers
constexpr uint32_t kNtSignature = 0x00004550;  // "PE\0\0"
constexpr uint32_t kCoffNumberOfSections = 6;  // offsets from the NT signature
constexpr uint32_t kCoffSizeOfOptionalHeader = 20;
constexpr uint32_t kOptionalHeader = 24;  // optional header follows the 20-byte COFF header
constexpr uint16_t kPe32Magic = 0x10B, kPe32PlusMagic = 0x20B;
// NumberOfRvaAndSizes and the data directories, from the optional header's start.
constexpr uint32_t kPe32NumberOfRvaAndSizes = 92, kPe32DataDirectories = 96;
constexpr uint32_t kPe32PlusNumberOfRvaAndSizes = 108, kPe32PlusDataDirectories = 112;
constexpr uint32_t kDataDirectorySize = 8;       // RVA, size
constexpr uint32_t kResourceDirectoryIndex = 2;  // IMAGE_DIRECTORY_ENTRY_RESOURCE
constexpr uint32_t kSectionHeaderSize = 40;
constexpr uint32_t kSectionVirtualSize = 8, kSectionVirtualAddress = 12, kSectionSizeOfRawData = 16,
                   kSectionPointerToRawData = 20;
// IMAGE_RESOURCE_DIRECTORY: 16 bytes, named-entry count at 12, ID-entry count at 14, then
// 8-byte entries (name or ID, then offset), named ones first.
constexpr uint32_t kResDirSize = 16, kResDirNamedCount = 12, kResDirIdCount = 14;
constexpr uint32_t kResEntrySize = 8;
constexpr uint32_t kResHighBit = 0x80000000;  // name: string offset; target: subdirectory
// IMAGE_RESOURCE_DATA_ENTRY: OffsetToData (an RVA), Size, CodePage, Reserved.
constexpr uint32_t kResDataSize = 16;
// LoadTypeLib's default resource ID when the path has no "\N".
constexpr uint32_t kDefaultResourceId = 1;

struct Section {
  uint32_t virtual_address = 0, virtual_size = 0, raw_size = 0, raw_pointer = 0;
};

/// The parts of a PE file the resource walk needs.
struct PeImage {
  std::vector<Section> sections;
  uint64_t resource_root = 0;  // file offset of the root resource directory
  bool has_resources = false;
  uint64_t resource_entry = 0;  // file offset of the resource data-directory entry (or of the
                                // optional header when it has none)
};

/// Maps an RVA to a file offset through the section holding it; the `len` bytes from there must
/// lie in that section's raw data and in the file.
uint64_t rva_to_offset(const ByteReader& r, const PeImage& pe, uint32_t rva, uint32_t len,
                       uint64_t where, const char* what) {
  for (const Section& s : pe.sections) {
    uint32_t span = std::max(s.virtual_size, s.raw_size);
    if (rva < s.virtual_address || rva - s.virtual_address >= span) continue;
    uint64_t delta = rva - s.virtual_address;
    if (delta + len > s.raw_size)
      throw ReadError(where, std::string(what) + " (RVA " + ByteReader::hex(rva) +
                                 ") lies outside the raw data of its section");
    uint64_t off = uint64_t{s.raw_pointer} + delta;
    r.require(off, len, what);
    return off;
  }
  throw ReadError(
      where, std::string(what) + " (RVA " + ByteReader::hex(rva) + ") is not inside any section");
}

PeImage read_pe_headers(const ByteReader& r) {
  if (r.u16(0, "DOS header") != kDosMagic) throw ReadError(0, "not a PE file (no MZ signature)");
  uint32_t nt = r.u32(kDosLfanew, "e_lfanew");
  if (r.u32(nt, "NT signature") != kNtSignature)
    throw ReadError(nt, "no PE signature at e_lfanew (" + ByteReader::hex(nt) + ")");
  uint16_t nsections = r.u16(uint64_t{nt} + kCoffNumberOfSections, "COFF header");
  uint16_t opt_size = r.u16(uint64_t{nt} + kCoffSizeOfOptionalHeader, "COFF header");
  uint64_t opt = uint64_t{nt} + kOptionalHeader;
  uint16_t magic = r.u16(opt, "optional header magic");
  uint32_t count_at = 0, dirs_at = 0;
  if (magic == kPe32Magic) {
    count_at = kPe32NumberOfRvaAndSizes;
    dirs_at = kPe32DataDirectories;
  } else if (magic == kPe32PlusMagic) {
    count_at = kPe32PlusNumberOfRvaAndSizes;
    dirs_at = kPe32PlusDataDirectories;
  } else {
    throw ReadError(opt, "unknown optional header magic " + ByteReader::hex(magic) +
                             " (expected 0x10b for PE32 or 0x20b for PE32+)");
  }
  PeImage pe;
  uint64_t sec = opt + opt_size;
  r.require(sec, uint64_t{nsections} * kSectionHeaderSize, "section table");
  pe.sections.reserve(nsections);
  for (uint32_t i = 0; i < nsections; ++i) {
    uint64_t s = sec + uint64_t{i} * kSectionHeaderSize;
    pe.sections.push_back({r.u32(s + kSectionVirtualAddress), r.u32(s + kSectionVirtualSize),
                           r.u32(s + kSectionSizeOfRawData), r.u32(s + kSectionPointerToRawData)});
  }
  uint32_t ndirs = r.u32(opt + count_at, "NumberOfRvaAndSizes");
  uint64_t dir = opt + dirs_at + uint64_t{kResourceDirectoryIndex} * kDataDirectorySize;
  pe.resource_entry = opt;
  if (ndirs <= kResourceDirectoryIndex || dir + kDataDirectorySize > opt + opt_size) return pe;
  pe.resource_entry = dir;
  uint32_t rva = r.u32(dir, "resource directory entry");
  uint32_t size = r.u32(dir + 4, "resource directory entry");
  if (rva == 0 || size == 0) return pe;
  pe.resource_root = rva_to_offset(r, pe, rva, kResDirSize, dir, "resource directory");
  pe.has_resources = true;
  return pe;
}

struct DirEntry {
  uint32_t name = 0;    // ID, or (high bit set) string offset from the root
  uint32_t target = 0;  // subdirectory (high bit set) or data entry, offset from the root
};

std::vector<DirEntry> read_directory(const ByteReader& r, uint64_t root, uint32_t at) {
  uint64_t d = root + at;
  uint32_t n = uint32_t{r.u16(d + kResDirNamedCount, "resource directory")} +
               r.u16(d + kResDirIdCount, "resource directory");
  // The count is checked against the bytes present before anything is allocated for it.
  r.require(d + kResDirSize, uint64_t{n} * kResEntrySize, "resource directory entries");
  std::vector<DirEntry> out;
  out.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t e = d + kResDirSize + uint64_t{i} * kResEntrySize;
    out.push_back({r.u32(e), r.u32(e + 4)});
  }
  return out;
}

/// True if a named entry's UTF-16 name (WORD length, then text, at root + offset) is "TYPELIB",
/// compared case-insensitively as FindResource does.
bool names_typelib(const ByteReader& r, uint64_t root, uint32_t name) {
  static constexpr std::string_view kType = "TYPELIB";
  uint64_t s = root + (name & ~kResHighBit);
  uint16_t len = r.u16(s, "resource name");
  if (len != kType.size()) return false;
  for (uint32_t i = 0; i < len; ++i) {
    uint16_t c = r.u16(s + 2 + 2 * i, "resource name");
    if (c >= 'a' && c <= 'z') c = static_cast<uint16_t>(c - 'a' + 'A');
    if (c != static_cast<unsigned char>(kType[i])) return false;
  }
  return true;
}

uint32_t subdirectory(uint64_t where, const DirEntry& e) {
  if (!(e.target & kResHighBit))
    throw ReadError(where, "resource tree entry should be a directory but is a data entry");
  return e.target & ~kResHighBit;
}

/// The language entry to use, as FindResource picks one: neutral, then US English, then the
/// first.
const DirEntry& pick_language(const std::vector<DirEntry>& langs) {
  static constexpr uint32_t kPreferred[] = {0x0000, 0x0409, 0x0400};
  for (uint32_t lang : kPreferred)
    for (const DirEntry& e : langs)
      if (!(e.name & kResHighBit) && e.name == lang) return e;
  return langs.front();
}

/// The TYPELIB resources, and where they were looked for: the file offset of the TYPELIB ID
/// directory, or of the resource tree (or its empty directory entry) when there is none.
struct ResourceList {
  std::vector<TypelibResource> found;
  uint64_t directory = 0;
};

ResourceList walk_resources(const ByteReader& r, const PeImage& pe) {
  ResourceList out;
  out.directory = pe.has_resources ? pe.resource_root : pe.resource_entry;
  if (!pe.has_resources) return out;
  const uint64_t root = pe.resource_root;
  for (const DirEntry& type : read_directory(r, root, 0)) {
    if (!(type.name & kResHighBit) || !names_typelib(r, root, type.name)) continue;
    out.directory = root + subdirectory(root, type);
    for (const DirEntry& id : read_directory(r, root, subdirectory(root, type))) {
      if (id.name & kResHighBit) continue;  // LoadTypeLib asks for numeric IDs only
      auto langs = read_directory(r, root, subdirectory(root, id));
      if (langs.empty()) continue;
      const DirEntry& lang = pick_language(langs);
      if (lang.target & kResHighBit)
        throw ReadError(root, "resource tree deeper than type/ID/language");
      uint64_t data = root + lang.target;
      r.require(data, kResDataSize, "resource data entry");
      uint32_t rva = r.u32(data), size = r.u32(data + 4);
      uint64_t off = rva_to_offset(r, pe, rva, size, data, "TYPELIB resource data");
      out.found.push_back({id.name, off, size});
    }
    break;  // one "TYPELIB" type directory
  }
  std::sort(out.found.begin(), out.found.end(),
            [](const TypelibResource& a, const TypelibResource& b) { return a.id < b.id; });
  return out;
}

/// The TYPELIB resources of a PE file; each problem reported once, with an offset.
ResourceList list_resources(std::span<const uint8_t> file, const std::string& path,
                            support::DiagEngine& diags) {
  ByteReader r(file);
  try {
    ResourceList list = walk_resources(r, read_pe_headers(r));
    if (list.found.empty())
      diags.error("TK1102", Location::at_offset(path, list.directory),
                  "PE file has no TYPELIB resource");
    return list;
  } catch (const ReadError& e) {
    diags.error("TK1101", Location::at_offset(path, e.offset),
                std::string("malformed PE file: ") + e.what());
    return {};
  }
}

bool is_pe(std::span<const uint8_t> file) {
  return file.size() >= 2 && file[0] == 'M' && file[1] == 'Z';
}

uint32_t first_dword(std::span<const uint8_t> b) { return b.size() < 4 ? 0 : ByteReader(b).u32(0); }

/// Hands a blob to the reader its signature names.
std::optional<model::Library> read_blob(std::span<const uint8_t> blob, uint64_t base,
                                        const std::string& path, support::DiagEngine& diags) {
  uint32_t magic = first_dword(blob);
  if (magic == tlbformat::msft::kMagicMsft) return read_msft(blob, base, path, diags);
  if (magic == tlbformat::msft::kMagicSltg) return read_sltg(blob, base, path, diags);
  diags.error("TK1104", Location::at_offset(path, base),
              blob.size() < 4 ? "type library data is shorter than 4 bytes"
                              : "type library data has neither the MSFT nor the SLTG signature");
  return std::nullopt;
}

}  // namespace

bool looks_like_typelib(std::span<const uint8_t> file) {
  uint32_t magic = first_dword(file);
  return is_pe(file) || magic == tlbformat::msft::kMagicMsft ||
         magic == tlbformat::msft::kMagicSltg;
}

std::optional<TypelibFormat> typelib_format(std::span<const uint8_t> file,
                                            std::optional<uint32_t> resource_id) {
  std::span<const uint8_t> blob = file;
  if (is_pe(file)) {
    support::DiagEngine quiet;
    blob = {};
    for (const TypelibResource& res : list_typelib_resources(file, "", quiet))
      if (res.id == resource_id.value_or(kDefaultResourceId))
        blob = file.subspan(res.file_offset, res.size);
  }
  uint32_t magic = first_dword(blob);
  if (magic == tlbformat::msft::kMagicMsft) return TypelibFormat::Msft;
  if (magic == tlbformat::msft::kMagicSltg) return TypelibFormat::Sltg;
  return std::nullopt;
}

std::vector<TypelibResource> list_typelib_resources(std::span<const uint8_t> file,
                                                    const std::string& path,
                                                    support::DiagEngine& diags) {
  return list_resources(file, path, diags).found;
}

std::optional<model::Library> read_typelib(std::span<const uint8_t> file, const std::string& path,
                                           std::optional<uint32_t> resource_id,
                                           support::DiagEngine& diags) {
  if (!is_pe(file)) return read_blob(file, 0, path, diags);
  ResourceList resources = list_resources(file, path, diags);
  if (resources.found.empty()) return std::nullopt;
  uint32_t want = resource_id.value_or(kDefaultResourceId);
  for (const TypelibResource& res : resources.found)
    if (res.id == want)
      return read_blob(file.subspan(res.file_offset, res.size), res.file_offset, path, diags);
  std::string ids;
  for (const TypelibResource& res : resources.found)
    ids += (ids.empty() ? "" : ", ") + std::to_string(res.id);
  diags.error("TK1103", Location::at_offset(path, resources.directory),
              "PE file has no TYPELIB resource " + std::to_string(want) + " (it has " + ids + ")");
  return std::nullopt;
}

}  // namespace tlbkit::tlb
