// Writes a readable tree of a library for a person in a terminal — OleView's view, without
// Windows. Layer: writers.
#pragma once
#include <string>

#include "model/library.h"
#include "model/library_set.h"

namespace tlbkit::text {

std::string write_text(const model::Library& lib, const model::LibrarySet& set);

}  // namespace tlbkit::text
