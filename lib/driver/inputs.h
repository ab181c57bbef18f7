// Loading inputs: recognising an input by content or extension, splitting a "file.dll\N"
// resource suffix, and finding referenced libraries (--tlb-path, --reference, and OLE
// Automation's own, built in). Layer: driver.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/library.h"
#include "model/library_set.h"
#include "support/diagnostics.h"

namespace tlbkit::idl {
class ImportCache;
}

namespace tlbkit::driver {

/// "dir\\file.dll\\2" → {"dir\\file.dll", 2} when the whole path does not name a file itself and
/// everything after the last backslash is decimal, as LoadTypeLib reads it.
struct InputPath {
  std::string file;
  std::optional<uint32_t> resource;
};
InputPath split_resource_suffix(const std::string& path);

/// What reading a source input (IDL or a C/C++ header) needs besides the file: its search paths
/// and macros, the target it is compiled for, and where importlib'd libraries are found; for a
/// header also clang's arguments, which declarations to take and which DLL functions live in.
struct SourceOptions {
  std::vector<std::string> include_dirs;  // -I
  std::vector<std::string> defines;       // -D NAME[=VALUE]
  std::vector<std::string> undefines;     // -U NAME
  model::SysKind target = model::SysKind::Win64;
  std::vector<std::string> tlb_paths;     // -L/--tlb-path: importlib("x.tlb") is looked up here
  std::vector<std::string> references;    // --reference: also matched by file name
  /// Shared by the inputs of one batch: each imported IDL file is read once. ADDITIVE.
  std::shared_ptr<idl::ImportCache> import_cache;
  // Headers only.
  std::string sysroot;                            // --sysroot DIR
  std::vector<std::string> clang_args;            // --clang-arg ARG
  std::vector<std::string> include_patterns;      // --include PATTERN
  std::vector<std::string> exclude_patterns;      // --exclude PATTERN
  std::string dll;                                // --dll NAME
  std::string dll_map;                            // --dll-map FILE
};

/// Reads any supported input (typelib, PE with TYPELIB, JSON, IDL, C/C++ header) into a library.
std::optional<model::Library> load_library(const std::string& file,
                                           std::optional<uint32_t> resource,
                                           const SourceOptions& source,
                                           support::DiagEngine& diags);
inline std::optional<model::Library> load_library(const std::string& file,
                                                  std::optional<uint32_t> resource,
                                                  support::DiagEngine& diags) {
  return load_library(file, resource, SourceOptions{}, diags);
}

/// True when `file` is read as IDL source (.idl, .odl).
bool is_source_input(const std::string& file);
/// True when `file` is read as a C/C++ header (.h, .hh, .hpp, .hxx, .h++).
bool is_header_input(const std::string& file);

/// The library an IDL `importlib("name")` refers to: a file of that name in the --tlb-path
/// directories or among the --reference files, else OLE Automation's own (stdole2.tlb,
/// stdole32.tlb, built in). nullopt when none is found.
std::optional<model::Library> find_importlib(const std::string& name, const SourceOptions& source,
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
