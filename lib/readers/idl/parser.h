// The IDL parser: turns the preprocessor's tokens into the syntax tree of one file, reporting
// syntax errors with their location and recovering at ';' and '}' so one run reports many.
// Layer: readers.
#pragma once
#include "readers/idl/ast.h"
#include "readers/idl/preprocessor.h"
#include "support/diagnostics.h"

namespace tlbkit::idl {

/// Parses a whole token stream. Always returns a tree of what could be read; errors go to
/// `diags` (through stream.sources, so they carry the include chain).
ast::File parse(const TokenStream& stream, const std::string& path, support::DiagEngine& diags);

}  // namespace tlbkit::idl
