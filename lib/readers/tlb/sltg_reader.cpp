// The SLTG (old-format, ICreateTypeLib) type library reader: the file header and its chain of
// blocks, then the library block (last) and one type info block per type. Every offset and count
// is checked; a problem in one type info is reported and the next is still read, so one run
// reports them all, but any error fails the read. Layer: readers.
#include <algorithm>
#include <string>
#include <vector>

#include "readers/tlb/sltg_internal.h"
#include "readers/tlb/tlb_reader.h"
#include "tlbformat/sltg_format.h"

namespace tlbkit::tlb {

namespace {

namespace fmt = tlbformat::sltg;
using sltg::Block;
using sltg::fail;
using support::ByteReader;

/// The NUL-terminated index name at `offset` of the index area [index, index + size).
std::string index_name(const ByteReader& r, uint64_t index, uint32_t size, uint16_t offset,
                       uint64_t where) {
  if (offset >= size) fail(where, "block index name offset lies outside the index area");
  auto rest = r.bytes(index + offset, size - offset, "index area");
  for (size_t i = 0; i < rest.size(); ++i)
    if (rest[i] == 0) return std::string(reinterpret_cast<const char*>(rest.data()), i);
  fail(where, "block index name runs past the index area");
}

/// The file header and the blocks in chain order; the last is the library block.
std::vector<Block> read_blocks(const ByteReader& r) {
  if (r.u32(fmt::header::kMagic, "SLTG header") != fmt::kMagic) fail(0, "not an SLTG type library");
  uint16_t count = r.u16(fmt::header::kBlockCount, "block count");
  if (count < 2) fail(fmt::header::kBlockCount, "an SLTG file needs at least one block entry");
  const uint32_t entries = count - 1u;  // the WORD counts one more than there are entries
  const uint64_t index = fmt::header::kSize + uint64_t{entries} * fmt::block_entry::kSize;
  const uint16_t index_size = r.u16(fmt::header::kIndexSize, "index size");
  r.require(fmt::header::kSize, index - fmt::header::kSize, "block entries");
  // The index area opens with "\1CompObj" and "dir" (typelib.c checks both).
  constexpr uint64_t kMagicNames = sizeof fmt::kCompObjName + sizeof fmt::kDirName;
  if (index_size < kMagicNames ||
      r.str(index, sizeof fmt::kCompObjName, "index area") !=
          std::string(fmt::kCompObjName, sizeof fmt::kCompObjName) ||
      r.str(index + sizeof fmt::kCompObjName, sizeof fmt::kDirName, "index area") !=
          std::string(fmt::kDirName, sizeof fmt::kDirName))
    fail(index, "the index area does not start with \"\\1CompObj\" and \"dir\"");
  uint64_t pos = index + index_size + r.u16(fmt::header::kPadSize, "pad size");
  std::vector<Block> blocks;
  std::vector<bool> seen(entries, false);
  uint32_t e = r.u16(fmt::header::kFirstBlock, "first block");
  uint64_t link = fmt::header::kFirstBlock;  // where `e` was read, for diagnostics
  while (true) {
    if (e < 1 || e > entries)
      fail(link,
           "the block chain names entry " + std::to_string(e) + " of " + std::to_string(entries));
    if (seen[e - 1]) fail(link, "the block chain loops back to entry " + std::to_string(e));
    seen[e - 1] = true;
    uint64_t entry = fmt::header::kSize + uint64_t{e - 1} * fmt::block_entry::kSize;
    Block b;
    b.offset = pos;
    b.size = r.u32(entry + fmt::block_entry::kLength);
    b.index_name =
        index_name(r, index, index_size, r.u16(entry + fmt::block_entry::kIndexString), entry);
    // Blocks follow one another, so a bad length shows as a later block past the end: name the
    // entry whose block does not fit, not an offset outside the file.
    if (!r.contains(pos, b.size))
      fail(entry, "block " + std::to_string(e) + " (\"" + b.index_name + "\", " +
                      std::to_string(b.size) + " bytes at " + ByteReader::hex(pos) +
                      ") runs past the end of the data (" + std::to_string(r.size()) + " bytes)");
    blocks.push_back(b);
    pos += b.size;
    link = entry + fmt::block_entry::kNext;
    e = r.u16(link);
    if (e == 0) break;
  }
  if (blocks.size() != entries)
    fail(fmt::header::kBlockCount, "the block chain holds " + std::to_string(blocks.size()) +
                                       " of the " + std::to_string(entries) + " blocks");
  return blocks;
}

/// The LCID the runtime reports for the LANGID the file stores: the primary language when the
/// sublanguage is neutral, else 0 (typelib.c SLTG_ReadLibBlk). Matches how Windows registers
/// these libraries: stdole32.tlb (LANGID 0x409) under LCID 0, VBA (LANGID 9) under 9.
uint32_t lcid_of(uint16_t langid) {
  const uint16_t primary = langid & 0x3FF, sub = langid >> 10;  // winnt.h PRIMARYLANGID/SUBLANGID
  return sub == 0 ? primary : 0;
}

model::Library library_attributes(const sltg::LibraryBlock& lb, uint64_t where) {
  model::Library lib;
  lib.name = lb.name;
  lib.libid = lb.libid;
  lib.version = lb.version;
  lib.lcid = lcid_of(lb.langid);
  if (lb.syskind > static_cast<uint16_t>(model::SysKind::Win64))
    fail(where, "invalid SYSKIND " + std::to_string(lb.syskind));
  lib.syskind = static_cast<model::SysKind>(lb.syskind);
  lib.flags = lb.flags;
  lib.docs.helpstring = lb.helpstring;
  lib.docs.helpcontext = lb.helpcontext;  // SLTG has no help-string context
  lib.helpfile = lb.helpfile;
  return lib;
}

/// TK2201: the file's structure is broken, nothing can be read. TK2202: one type info is broken
/// (the others are still read, so that every broken one is reported).
/// The location is the offset the error names, or the end of the data when that lies beyond it
/// (a truncated file: what is missing starts at its end).
void report(support::DiagEngine& diags, const std::string& path, uint64_t base, uint64_t size,
            const char* code, const std::string& what, const support::ReadError& e) {
  diags.error(code, support::Location::at_offset(path, base + std::min(e.offset, size)),
              what + e.what());
}

}  // namespace

void sltg::Context::warn(const char* code, uint64_t offset, std::string message) const {
  diags.warning(code, support::Location::at_offset(path, base + offset), std::move(message));
}

std::optional<model::Library> read_sltg(std::span<const uint8_t> blob, uint64_t base,
                                        const std::string& path, support::DiagEngine& diags) {
  ByteReader r(blob);
  try {
    std::vector<Block> blocks = read_blocks(r);
    const Block& lib_block = blocks.back();
    sltg::LibraryBlock lb = sltg::read_library_block(r, lib_block);
    if (lb.types.size() != blocks.size() - 1)
      fail(lib_block.offset, "the library block lists " + std::to_string(lb.types.size()) +
                                 " types for " + std::to_string(blocks.size() - 1) + " blocks");
    model::Library lib = library_attributes(lb, lib_block.offset);
    sltg::Context cx{r, lb, lib, diags, path, base, {}};
    bool ok = true;
    for (size_t i = 0; i + 1 < blocks.size() && !diags.too_many_errors(); ++i) {
      try {
        // Both lists must be in the same order (typelib.c compares the index names too).
        if (blocks[i].index_name != lb.types[i].index_name)
          fail(lb.types[i].where, "type entry " + std::to_string(i) + " names block \"" +
                                      lb.types[i].index_name + "\", the chain has \"" +
                                      blocks[i].index_name + "\"");
        lib.types.push_back(sltg::read_type_info(cx, blocks[i], lb.types[i]));
      } catch (const support::ReadError& e) {
        report(diags, path, base, blob.size(), "TK2202",
               "cannot read type " + std::to_string(i) + " (" + lb.types[i].name +
                   ") of the SLTG type library: ",
               e);
        ok = false;
      }
    }
    if (!ok) return std::nullopt;
    return lib;
  } catch (const support::ReadError& e) {
    report(diags, path, base, blob.size(), "TK2201", "cannot read the SLTG type library: ", e);
    return std::nullopt;
  }
}

}  // namespace tlbkit::tlb
