// The two hash functions of the MSFT format: the runtime's name hash (LHashValOfNameSysA, which
// ITypeLib::FindName/IsName use to pick a NameHashTab bucket) and the GUID hash (GuidHashTab).
// Internal to writers/tlb. Layer: writers.
#pragma once
#include <cstdint>
#include <string_view>

#include "support/guid.h"

namespace tlbkit::tlbw {

/// LHashValOfNameSysA(syskind, lcid, name) for a name already in the library's ANSI code page
/// (doc §5.3): the table offset for PRIMARYLANGID(lcid) in the high WORD, the string hash in
/// the low WORD.
uint32_t name_hash(uint32_t syskind, uint32_t lcid, std::string_view ansi_name);

/// True when name_hash knows the exact lookup table for this LCID's language (the Latin table,
/// offset 16); for other languages it hashes ASCII letters as that table does, which is right
/// only where the language's table agrees.
bool name_hash_table_known(uint32_t lcid);

/// GuidHashTab bucket of a GUID (doc §5.2): the XOR of its eight little-endian WORDs, & 0x1F.
uint32_t guid_hash(const support::Guid& g);

}  // namespace tlbkit::tlbw
