// STUB — replaced by the MSFT reader. Layer: readers.
#include "readers/tlb/tlb_reader.h"

namespace tlbkit::tlb {
std::optional<model::Library> read_msft(std::span<const uint8_t>, uint64_t base, const std::string& path,
                                        support::DiagEngine& diags) {
  diags.error("TK2099", support::Location::at_offset(path, base), "MSFT reading not implemented yet");
  return std::nullopt;
}
}  // namespace tlbkit::tlb
