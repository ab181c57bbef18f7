// Writes the "oleaut listing" of a library: what the OLE Automation runtime (ITypeLib/ITypeInfo,
// in a 64-bit process) reports for it, in the format of shared/tools/oracle/FORMAT.md.
// Layer: writers.
#pragma once
#include <string>

#include "model/library.h"
#include "model/library_set.h"

namespace tlbkit::oleaut {

/// Which of the runtime's two type library loaders read the library. They report a few things
/// differently: the MSFT loader adds LIBFLAG_FHASDISKIMAGE, reports the header's help-string
/// context as the library's help context, and gives a library built for another pointer size
/// pointer-sized interfaces and aliases; the SLTG loader does none of that. A library from any
/// other source is listed as the runtime would list it written as MSFT.
enum class Loader : uint8_t { Msft, Sltg };

struct ListingOptions {
  Loader loader = Loader::Msft;
};

/// `set` holds the libraries the runtime would find registered (OLE Automation's, and any given
/// with --tlb-path/--reference); types of other libraries print as `?`, as the runtime does.
std::string write_listing(const model::Library& lib, const model::LibrarySet& set,
                          const ListingOptions& options = {});

}  // namespace tlbkit::oleaut
