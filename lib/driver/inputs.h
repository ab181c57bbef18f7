// Loading inputs: recognising an input by content or extension, splitting a "file.dll\N"
// resource suffix, and finding referenced libraries (--tlb-path, --reference, and OLE
// Automation's own, built in). Layer: driver.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/library.h"
#include "model/library_set.h"
#include "support/diagnostics.h"

namespace tlbkit::driver {

/// "dir\\file.dll\\2" → {"dir\\file.dll", 2} when the whole path does not name a file itself and
/// everything after the last backslash is decimal, as LoadTypeLib reads it.
struct InputPath {
  std::string file;
  std::optional<uint32_t> resource;
};
InputPath split_resource_suffix(const std::string& path);

/// Reads any supported input (typelib, PE with TYPELIB, JSON) into a library.
std::optional<model::Library> load_library(const std::string& file,
                                           std::optional<uint32_t> resource,
                                           support::DiagEngine& diags);

/// Builds the set of libraries `lib` can refer to: each --reference file, each typelib in the
/// --tlb-path directories whose LIBID and version an import asks for (transitively), and OLE
/// Automation's own libraries. Import names in `lib` are filled in from what was found.
void gather_references(model::Library& lib, const std::vector<std::string>& tlb_paths,
                       const std::vector<std::string>& references, model::LibrarySet& set,
                       support::DiagEngine& diags);

/// The libraries every Windows machine has registered: stdole 2.0 and 1.0.
std::vector<model::Library> builtin_libraries();

}  // namespace tlbkit::driver
