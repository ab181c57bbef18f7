// Writes model::Library as IDL that MIDL, widl and tlbkit compile back into the same type
// library: importlib for referenced libraries, every attribute kept, help strings escaped.
// Layer: writers.
#pragma once
#include <string>

#include "model/library.h"
#include "support/diagnostics.h"

namespace tlbkit::idlw {

// The output: a header line naming the tool; stand-ins for OLE Automation's base types (the
// compilers know them by name); forward declarations of the library's interfaces; declarations of
// the imported types it names (found by name in the importlib'd libraries); aliases used before
// their place; then the library block with importlib("file") for each imported library and every
// type at its place in library order. Attributes widl 8.0 refuses are kept, outside
// an `#if` only widl takes. Imported types are written by UserType::name, so call
// model::resolve_import_names with the imported libraries at hand first.

/// Without a diagnostics engine: a library IDL cannot express (a name that is a keyword, a
/// character outside Windows-1252, …) comes out with one `#error` line per problem at the top.
std::string write_idl(const model::Library& lib);

/// Reports each part of `lib` that IDL cannot express as an error (TK6001, naming the type and
/// member); the text is still written, with a stand-in at each such place.
std::string write_idl(const model::Library& lib, support::DiagEngine& diags);

}  // namespace tlbkit::idlw
