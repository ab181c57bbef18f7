// Writes model::Library as IDL that MIDL, widl and tlbkit compile back into the same type
// library: importlib for referenced libraries, every attribute kept, help strings escaped.
// Layer: writers.
#pragma once
#include <string>

#include "model/library.h"
#include "support/diagnostics.h"

namespace tlbkit::idlw {

/// Without a diagnostics engine: a library IDL cannot express (a name that is a keyword, a
/// character outside Windows-1252, …) comes out with one `#error` line per problem at the top.
std::string write_idl(const model::Library& lib);

/// Reports each part of `lib` that IDL cannot express as an error (TK6001, naming the type and
/// member); the text is still written, with a stand-in at each such place.
std::string write_idl(const model::Library& lib, support::DiagEngine& diags);

}  // namespace tlbkit::idlw
