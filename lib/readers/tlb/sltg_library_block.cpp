// The SLTG library block: the library's attributes, one entry per type info (name, GUID, help),
// the compressed help-string dictionary and the name table. Layer: readers.
#include <string>

#include "readers/tlb/sltg_internal.h"
#include "tlbformat/sltg_format.h"

namespace tlbkit::tlb::sltg {

namespace fmt = tlbformat::sltg;

void fail(uint64_t offset, const std::string& message) {
  throw support::ReadError(offset, message);
}

namespace {

/// A WORD length (or 0xFFFF for none) and that many ANSI bytes; advances `pos`.
std::string length_prefixed(const ByteReader& r, uint64_t& pos, const char* what) {
  uint16_t len = r.u16(pos, what);
  pos += 2;
  if (len == fmt::kNoString) return {};
  std::string s = ansi_to_utf8(r.bytes(pos, len, what), false);
  pos += len;
  return s;
}

/// Skips a length-prefixed string; returns its raw bytes (index names are compared raw).
std::string length_prefixed_raw(const ByteReader& r, uint64_t& pos, const char* what) {
  uint16_t len = r.u16(pos, what);
  pos += 2;
  if (len == fmt::kNoString) return {};
  std::string s = r.str(pos, len, what);
  pos += len;
  return s;
}

TypeEntry read_type_entry(const ByteReader& r, uint64_t& pos, const LibraryBlock& lib) {
  TypeEntry e;
  e.where = pos;
  e.index_name = length_prefixed_raw(r, pos, "type entry index name");
  length_prefixed_raw(r, pos, "type entry second name");
  pos += 2;  // WORD 0xFFFF
  uint16_t name = r.u16(pos, "type entry name offset");
  e.name = lib.names.at(name, pos);
  pos += 2;
  uint16_t help_bits = r.u16(pos, "type entry help string length");
  pos += 2;
  r.require(pos, help_bits, "type entry help string");
  if (help_bits != 0) e.helpstring = decode_help_string(r, lib.help, pos, pos + help_bits);
  pos += help_bits;
  pos += 2;  // WORD 0xFFFF
  e.helpcontext = r.u32(pos, "type entry help context");
  pos += 4;
  pos += 2;  // WORD 0xFFFF
  e.guid = r.guid(pos, "type entry GUID");
  pos += 16;
  e.kind = r.u16(pos, "type entry TYPEKIND");
  pos += 2;
  return e;
}

/// The name table at `at`: its header (whose size the first WORD tells), the hash buckets, the
/// size of the names, the names.
NameTable read_name_table(const ByteReader& r, uint64_t at, uint64_t block_end) {
  uint16_t jump = r.u16(at, "name table header");
  uint64_t pos = at;
  if (jump == fmt::kNameTableJumpShort)
    pos += fmt::kNameTableShortHeader;
  else if (jump == fmt::kNameTableJumpLong)
    pos += fmt::kNameTableLongHeader;
  else
    fail(at, "unknown name table header " + ByteReader::hex(jump) + " (expected 0xffff or 0x200)");
  pos += fmt::kNameHashSize;
  uint32_t size = r.u32(pos, "name table size");
  pos += 4;
  if (pos > block_end || size > block_end - pos)
    fail(pos - 4, "the name table (" + std::to_string(size) +
                      " bytes) extends past the end of the library block");
  return NameTable(&r, pos, size);
}

/// The help dictionary at `pos`, which must end before the name table at `names_at`.
HelpDictionary read_help_dictionary(const ByteReader& r, uint64_t pos, uint64_t names_at) {
  HelpDictionary d;
  d.max_length = r.u16(pos + fmt::help_dict::kMaxLength, "help dictionary header");
  d.size = r.u32(pos + fmt::help_dict::kSize, "help dictionary size");
  d.data = pos + fmt::help_dict::kData;
  if (d.data > names_at || d.size > names_at - d.data)
    fail(pos, "the help-string dictionary (" + std::to_string(d.size) +
                  " bytes) overlaps the name table");
  return d;
}

}  // namespace

uint64_t NameTable::text_start(uint32_t offset, uint64_t where) const {
  if (r_ == nullptr) fail(where, "name used before the name table was read");
  uint64_t text = uint64_t{offset} + fmt::kNamePrefixSize;
  if (text >= size_)
    fail(where, "name offset " + ByteReader::hex(offset) + " lies outside the name table (" +
                    std::to_string(size_) + " bytes)");
  return start_ + text;
}

std::string NameTable::raw_at(uint32_t offset, uint64_t where) const {
  uint64_t text = text_start(offset, where);
  auto rest = r_->bytes(text, start_ + size_ - text, "name");
  for (size_t i = 0; i < rest.size(); ++i)
    if (rest[i] == 0) return std::string(reinterpret_cast<const char*>(rest.data()), i);
  fail(where, "the name at name-table offset " + ByteReader::hex(offset) +
                  " runs past the end of the name table");
}

std::string NameTable::at(uint32_t offset, uint64_t where) const {
  std::string raw = raw_at(offset, where);
  return ansi_to_utf8({reinterpret_cast<const uint8_t*>(raw.data()), raw.size()}, true);
}

LibraryBlock read_library_block(const ByteReader& r, const Block& block) {
  LibraryBlock lib;
  const uint64_t b = block.offset, end = block.offset + block.size;
  uint16_t magic = r.u16(b + fmt::lib_block::kMagic, "library block");
  if (magic != fmt::kLibBlockMagic)
    fail(b, "the last block is not a library block (magic " + ByteReader::hex(magic) +
                ", expected 0x51cc)");
  uint16_t name = r.u16(b + fmt::lib_block::kName, "library name offset");
  uint64_t pos = b + fmt::lib_block::kSkipped;
  length_prefixed_raw(r, pos, "library block");
  lib.helpstring = length_prefixed(r, pos, "library help string");
  lib.helpfile = length_prefixed(r, pos, "library help file");
  lib.helpcontext = r.u32(pos, "library help context");
  lib.syskind = r.u16(pos + 4, "library SYSKIND");
  lib.langid = r.u16(pos + 6, "library LANGID");
  lib.flags = r.u16(pos + 12, "library flags");  // after a DWORD of unknown use
  lib.version = {r.u16(pos + 14, "library version"), r.u16(pos + 16, "library version")};
  lib.libid = r.guid(pos + 18, "LIBID");
  pos += 34 + fmt::kLibBlockTableSize;
  uint16_t count = r.u16(pos, "type count");
  pos += 2;
  // The entries need the name table and the dictionary, which come after them: find those first.
  uint64_t entries = pos;
  for (uint16_t i = 0; i < count; ++i) {  // skip to the end of the entries
    length_prefixed_raw(r, pos, "type entry index name");
    length_prefixed_raw(r, pos, "type entry second name");
    pos += 4;
    pos += 2 + uint64_t{r.u16(pos, "type entry help string length")};
    pos += 2 + 4 + 2 + 16 + 2;
    if (pos > end) fail(entries, "the type entries run past the end of the library block");
  }
  uint32_t names_rel = r.u32(pos, "name table offset");
  if (names_rel > block.size) fail(pos, "the name table offset lies outside the library block");
  lib.help = read_help_dictionary(r, pos + 4, b + names_rel);
  lib.names = read_name_table(r, b + names_rel, end);
  lib.name = lib.names.at(name, b + fmt::lib_block::kName);
  lib.types.reserve(count);
  for (uint16_t i = 0; i < count; ++i) lib.types.push_back(read_type_entry(r, entries, lib));
  return lib;
}

}  // namespace tlbkit::tlb::sltg
