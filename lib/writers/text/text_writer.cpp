// STUB — replaced by the text writer. Layer: writers.
#include "writers/text/text_writer.h"

namespace tlbkit::text {
std::string write_text(const model::Library& lib, const model::LibrarySet&) { return "library " + lib.name + "\n"; }
}  // namespace tlbkit::text
