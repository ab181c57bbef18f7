// STUB — replaced by the listing writer. Layer: writers.
#include "writers/oleaut/oleaut_writer.h"

namespace tlbkit::oleaut {
std::string write_listing(const model::Library& lib, const model::LibrarySet&) { return "library " + lib.name + "\n"; }
}  // namespace tlbkit::oleaut
