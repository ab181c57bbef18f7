// The import command: C++ bindings (a portable #import) and JSON descriptors of a library.
// Layer: driver.
#pragma once
#include <string>

#include "driver/driver.h"
#include "model/library.h"
#include "model/library_set.h"
#include "support/diagnostics.h"
#include "support/output_sink.h"

namespace tlbkit::driver {

/// Writes what opts asks for (--cpp DIR and/or --json FILE) for `lib`, whose input file is
/// `input_file`; `set` holds the referenced libraries found. Returns the exit code.
int import_library(const Options& opts, const std::string& input_file, const model::Library& lib,
                   const model::LibrarySet& set, support::DiagEngine& diags,
                   support::OutputSink& sink);

}  // namespace tlbkit::driver
