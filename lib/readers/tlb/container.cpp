// STUB — replaced by the PE/TYPELIB container reader. Layer: readers.
#include "readers/tlb/tlb_reader.h"

namespace tlbkit::tlb {

bool looks_like_typelib(std::span<const uint8_t> file) {
  if (file.size() < 4) return false;
  return (file[0] == 'M' && file[1] == 'Z') || (file[0] == 'M' && file[1] == 'S' && file[2] == 'F' && file[3] == 'T') ||
         (file[0] == 'S' && file[1] == 'L' && file[2] == 'T' && file[3] == 'G');
}

std::vector<TypelibResource> list_typelib_resources(std::span<const uint8_t>, const std::string& path,
                                                    support::DiagEngine& diags) {
  diags.error("TK1099", support::Location::in_file(path), "PE reading not implemented yet");
  return {};
}

std::optional<model::Library> read_typelib(std::span<const uint8_t> file, const std::string& path,
                                           std::optional<uint32_t>, support::DiagEngine& diags) {
  return read_msft(file, 0, path, diags);
}

}  // namespace tlbkit::tlb
