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

/// The conventions for a library compiled from source (IDL): those of the tool whose stamp the
/// source carries (`custom({DE77BA65-…}, "Created by MIDL …")` kept by an IDL written from a
/// MIDL-built typelib, or tlbexp's), widl's otherwise — the compiler tlbkit is measured against.
LayoutStyle source_style(const Library& lib);

/// Recomputes every layout fact of `lib` for `target` and sets lib.syskind = target. Types of
/// other libraries (imported bases, fields of imported record types) are looked up in `refs`
/// (which may be null); a type that cannot be found is reported as a warning and counted as
/// pointer-sized, so the computation always completes.
///
/// Warnings (no location; the message names the types): TK4101 a base interface not at hand —
/// its slots are not counted (IUnknown and IDispatch are known by IID or name and count 3 and
/// 7 without their library); TK4102 a field or alias type not at hand (pointer-sized); TK4103
/// a record that contains itself by value; TK4104 an interface that inherits from itself.
/// Facts it sets: TypeInfo::layout for every kind, Variable::offset of per-instance fields,
/// Function::vtable_offset of interface functions ((inherited slots + index) × pointer size),
/// dispinterface methods (index × pointer size, as both tools number them) and module
/// functions (0).
void compute_layout(Library& lib, SysKind target, const LibrarySet* refs,
                    support::DiagEngine& diags);
/// The same, with the conventions of one tool (the overload above follows widl's, whose
/// listings the issue holds tlbkit to).
void compute_layout(Library& lib, SysKind target, const LibrarySet* refs,
                    support::DiagEngine& diags, LayoutStyle style);

}  // namespace tlbkit::model
