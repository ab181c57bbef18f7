// Writes model::Library as IDL that MIDL, widl and tlbkit compile back into the same type
// library: importlib for referenced libraries, every attribute kept, help strings escaped.
// Layer: writers.
#pragma once
#include <string>

#include "model/library.h"

namespace tlbkit::idlw {

std::string write_idl(const model::Library& lib);

}  // namespace tlbkit::idlw
