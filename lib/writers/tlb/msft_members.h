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
  MemberUse funcs;  // how function names are flagged
  MemberUse vars;   // how variable names are flagged
};

/// The member block (INT infolen, records, memid[], nameoff[], recoff[]) of a typeinfo with
/// these members; empty when it has none. `where` names the type for diagnostics.
Bytes member_block(Tables& t, const std::vector<model::Function>& funcs,
                   const std::vector<model::Variable>& vars, const MemberNames& names,
                   const std::string& where);

}  // namespace tlbkit::tlbw
