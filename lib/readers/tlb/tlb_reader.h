// Reads binary type libraries — MSFT and SLTG, bare or as TYPELIB resources of PE32/PE32+
// files — into model::Library. Layer: readers.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/library.h"
#include "support/diagnostics.h"

namespace tlbkit::tlb {

/// One TYPELIB resource of a PE file: its resource ID and where its bytes are in the file.
struct TypelibResource {
  uint32_t id = 0;
  uint64_t file_offset = 0;
  uint64_t size = 0;
};

/// True if `file` starts like something read_typelib understands (MSFT, SLTG or PE "MZ").
bool looks_like_typelib(std::span<const uint8_t> file);

/// The two binary type library formats.
enum class TypelibFormat : uint8_t { Msft, Sltg };

/// The format of the library read_typelib would read from `file` (for a PE file, from TYPELIB
/// resource `resource_id`, default 1); nullopt when there is none. Reports nothing.
std::optional<TypelibFormat> typelib_format(std::span<const uint8_t> file,
                                            std::optional<uint32_t> resource_id);

/// The TYPELIB resources of a PE file, in resource-ID order. Reports an error (and returns an
/// empty list) when the PE structure is broken or holds no TYPELIB resource.
std::vector<TypelibResource> list_typelib_resources(std::span<const uint8_t> file,
                                                    const std::string& path,
                                                    support::DiagEngine& diags);

/// Reads one library from `file`: the whole file when it is a bare MSFT/SLTG library, otherwise
/// the TYPELIB resource `resource_id` (default 1) of a PE file. Errors are reported with the
/// file's path and the byte offset in the file; nullopt when the library could not be read.
std::optional<model::Library> read_typelib(std::span<const uint8_t> file, const std::string& path,
                                           std::optional<uint32_t> resource_id,
                                           support::DiagEngine& diags);

// The two formats, on the bytes of one library (`base` = the blob's offset in the file, for
// diagnostics). Used by read_typelib.
std::optional<model::Library> read_msft(std::span<const uint8_t> blob, uint64_t base,
                                        const std::string& path, support::DiagEngine& diags);
std::optional<model::Library> read_sltg(std::span<const uint8_t> blob, uint64_t base,
                                        const std::string& path, support::DiagEngine& diags);

}  // namespace tlbkit::tlb
