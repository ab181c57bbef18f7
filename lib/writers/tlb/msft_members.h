// Writing one MSFT typeinfo's member block (doc §6): function records with their parameters,
// default values and custom data, variable records, and the memid/name/offset arrays.
// Internal to writers/tlb. Layer: writers.
#pragma once
#include <string>
#include <vector>

#include "model/library.h"
#include "writers/tlb/msft_tables.h"

namespace tlbkit::tlbw {

struct MemberNames {
  int32_t href = -1;       // the hreftype member name entries get (the owning typeinfo's offset)
  uint8_t func_flags = 0;  // name-entry flags of function names
  uint8_t var_flags = 0;   // … of variable names
};

/// The member block (INT infolen, records, memid[], nameoff[], recoff[]) of a typeinfo with
/// these members; empty when it has none. `where` names the type for diagnostics.
Bytes member_block(Tables& t, const std::vector<model::Function>& funcs,
                   const std::vector<model::Variable>& vars, const MemberNames& names,
                   const std::string& where);

}  // namespace tlbkit::tlbw
