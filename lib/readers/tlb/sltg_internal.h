// Shared pieces of the SLTG reader: the parts of the file located once (blocks, name table,
// help-string dictionary, per-type entries of the library block) and the per-library state the
// type info readers fill (imported libraries). Every read goes through support::ByteReader, so a
// bad offset throws support::ReadError with the offset in the blob. Layer: readers.
#pragma once
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "model/library.h"
#include "readers/tlb/ansi_text.h"
#include "support/byte_reader.h"
#include "support/diagnostics.h"

namespace tlbkit::tlb::sltg {

using support::ByteReader;

/// Throws ReadError at `offset` with `message`: a structure that is present but wrong.
[[noreturn]] void fail(uint64_t offset, const std::string& message);

/// One block of the file, in chain order.
struct Block {
  uint64_t offset = 0;
  uint64_t size = 0;
  std::string index_name;  // its name in the index area ("dir" for the library block)
};

/// The name table: every name is an 8-byte prefix and a NUL-terminated ANSI string; a WORD name
/// offset counts from the first prefix.
class NameTable {
 public:
  NameTable() = default;
  NameTable(const ByteReader* r, uint64_t start, uint64_t size)
      : r_(r), start_(start), size_(size) {}
  /// The name at `offset` (UTF-8). Throws when it does not lie inside the table.
  std::string at(uint32_t offset, uint64_t where) const;
  /// The raw bytes of the C string at `offset`, for the reference strings ("*\G{…}#…").
  std::string raw_at(uint32_t offset, uint64_t where) const;

 private:
  uint64_t text_start(uint32_t offset, uint64_t where) const;
  const ByteReader* r_ = nullptr;
  uint64_t start_ = 0, size_ = 0;
};

/// The dictionary the compressed help strings are decoded with.
struct HelpDictionary {
  uint64_t data = 0;        // blob offset of the first node
  uint32_t size = 0;        // bytes of nodes
  uint16_t max_length = 0;  // longest decoded string, NUL included
};

/// Decodes a compressed help string whose bits start at `offset` and may run to `limit`
/// (exclusive). Stops at the dictionary's end-of-string leaf or when the bits run out.
std::string decode_help_string(const ByteReader& r, const HelpDictionary& dict, uint64_t offset,
                               uint64_t limit);

/// What the library block says about one type info.
struct TypeEntry {
  std::string index_name;
  std::string name;
  std::string helpstring;
  uint32_t helpcontext = 0;
  support::Guid guid;
  uint16_t kind = 0;
  uint64_t where = 0;  // blob offset of the entry, for diagnostics
};

/// The library block: the library's attributes, the type entries, the name table, the help
/// dictionary.
struct LibraryBlock {
  std::string name;
  std::string helpstring, helpfile;
  uint32_t helpcontext = 0;
  uint16_t syskind = 0, langid = 0, flags = 0;
  model::Version version;
  support::Guid libid;
  std::vector<TypeEntry> types;
  NameTable names;
  HelpDictionary help;
};

/// Reads the library block (the last block of the chain).
LibraryBlock read_library_block(const ByteReader& r, const Block& block);

/// What the type info readers share: the bytes, the library block, and the imported libraries
/// found so far (one per distinct "*\G…" string).
struct Context {
  const ByteReader& r;
  const LibraryBlock& lib;
  model::Library& out;
  support::DiagEngine& diags;
  const std::string& path;
  uint64_t base;                                   // the blob's offset in the file, for diagnostics
  std::map<std::string, uint32_t> import_by_text;  // "*\G…" string → index in out.imports

  /// A warning at blob offset `offset`.
  void warn(const char* code, uint64_t offset, std::string message) const;
};

/// Reads one type info block into a model type.
model::TypeInfo read_type_info(Context& cx, const Block& block, const TypeEntry& entry);

}  // namespace tlbkit::tlb::sltg
