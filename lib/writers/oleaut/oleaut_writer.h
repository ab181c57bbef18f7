// Writes the "oleaut listing" of a library: what the OLE Automation runtime (ITypeLib/ITypeInfo,
// in a 64-bit process) reports for it, in the format of shared/tools/oracle/FORMAT.md.
// Layer: writers.
#pragma once
#include <string>

#include "model/library.h"
#include "model/library_set.h"

namespace tlbkit::oleaut {

/// `set` holds the libraries the runtime would find registered (OLE Automation's, and any given
/// with --tlb-path/--reference); types of other libraries print as `?`, as the runtime does.
std::string write_listing(const model::Library& lib, const model::LibrarySet& set);

}  // namespace tlbkit::oleaut
