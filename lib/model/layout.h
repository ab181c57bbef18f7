// Derived layout facts, computed once for a target: record and union sizes, alignments and field
// offsets; alias and enum sizes; vtable sizes and each function's vtable offset (inherited slots
// included, also from imported bases). Readers of inputs that do not record them (IDL, headers)
// and writers that change a library's target use it. Layer: model.
#pragma once
#include "model/library.h"
#include "model/library_set.h"
#include "support/diagnostics.h"

namespace tlbkit::model {

/// Whose conventions to follow where the tools record different values for the same type: the
/// cbAlignment of interfaces, dispinterfaces and coclasses on win64, and a module's size (see
/// layout.cpp for the rules and the corpus files they come from).
enum class LayoutStyle : uint8_t { Widl, Midl, Tlbexp };

/// The conventions of the tool that built a library read from a typelib, told by the custom data
/// it leaves on the library: widl's "Created by WIDL …" ({DE77BA65-…}), tlbexp's assembly name
/// ({90883F05-…}); Midl otherwise (MIDL, mktyplib, VB6, the Office builds).
LayoutStyle recorded_style(const Library& lib);

/// Recomputes every layout fact of `lib` for `target` and sets lib.syskind = target. Types of
/// other libraries (imported bases, fields of imported record types) are looked up in `refs`
/// (which may be null); a type that cannot be found is reported as a warning and counted as
/// pointer-sized, so the computation always completes.
void compute_layout(Library& lib, SysKind target, const LibrarySet* refs,
                    support::DiagEngine& diags);
/// The same, with the conventions of one tool (the overload above follows widl's, whose
/// listings the issue holds tlbkit to).
void compute_layout(Library& lib, SysKind target, const LibrarySet* refs,
                    support::DiagEngine& diags, LayoutStyle style);

}  // namespace tlbkit::model
