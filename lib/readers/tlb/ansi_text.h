// Text in type libraries: ANSI bytes in the writer's code page, which the runtime converts with
// CP_ACP. tlbkit reads them as Windows-1252 (the code page of an en-US Windows, and of the
// runtime the corpus listings come from) and keeps them as UTF-8. Layer: readers.
#pragma once
#include <span>
#include <string>

namespace tlbkit::tlb {

/// Windows-1252 bytes → UTF-8. Bytes 1252 leaves undefined map to the same code point, as
/// Windows' own table does. Stops at the first NUL when `c_string` (names are C strings to the
/// runtime); otherwise keeps every byte (a BSTR value may hold NULs).
std::string ansi_to_utf8(std::span<const uint8_t> bytes, bool c_string);

}  // namespace tlbkit::tlb
