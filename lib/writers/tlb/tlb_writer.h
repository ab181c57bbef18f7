// Writes model::Library as an MSFT type library — the format MIDL and widl write and the OLE
// Automation runtime loads — for the library's SysKind. Deterministic: no timestamps, the same
// model gives the same bytes. Layer: writers.
#pragma once
#include <optional>
#include <string>

#include "model/library.h"
#include "model/library_set.h"
#include "support/diagnostics.h"

namespace tlbkit::tlbw {

/// The bytes of the type library, or nullopt after reporting why `lib` cannot be written (no
/// LIBID, a reference that names no type, a count past the format's limits, …). Sizes, offsets
/// and vtable offsets are taken from the model as they are (model::compute_layout fills them).
/// `refs`, when given, holds the imported libraries: each reference to an imported type then
/// records that type's TYPEKIND, as MIDL does (the model does not keep it; without `refs` an
/// interface is assumed, which the runtime ignores).
std::optional<std::string> write_typelib(const model::Library& lib, support::DiagEngine& diags,
                                         const model::LibrarySet* refs = nullptr);

}  // namespace tlbkit::tlbw
