// Reading one MSFT typeinfo's member block (doc §6): function and variable records with their
// parameters, defaults, documentation and custom data. Internal to readers/tlb. Layer: readers.
#pragma once
#include <vector>

#include "model/library.h"
#include "readers/tlb/msft_tables.h"

namespace tlbkit::tlb::msft {

struct Members {
  std::vector<model::Function> functions;
  std::vector<model::Variable> variables;
};

/// The members of the typeinfo whose block starts at `memoffset`. Throws support::ReadError.
Members read_members(const MsftFile& file, int32_t memoffset, uint32_t cfuncs, uint32_t cvars);

}  // namespace tlbkit::tlb::msft
