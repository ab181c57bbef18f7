// Reads MIDL/ODL IDL into model::Library: preprocesses, parses the file and what it imports,
// resolves names (importlib'd type libraries included), and builds the library as MIDL would put
// it in a type library. Layer: readers.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/library.h"
#include "support/diagnostics.h"

namespace tlbkit::idl {

/// Files preprocessed and parsed once for many read_idl calls (a batch `export`): what they
/// import, and the main files themselves (one may be another's import). Exact: every file, main or
/// imported, is preprocessed from a fresh macro state (the predefined macros and -D/-U only), so
/// its parse depends only on the path it was found under and on the options, never on the
/// importer. Entries are keyed by that path; the cache remembers the options of its first use
/// and is not used by a read_idl whose options differ, nor by one with its own read_file (a
/// function cannot be compared). An import whose reading reported errors is
/// not kept (its diagnostics come again each time); one with warnings replays them. One read_idl
/// at a time.
class ImportCache;
std::shared_ptr<ImportCache> make_import_cache();

struct IdlOptions {
  std::vector<std::string> include_dirs;  // -I
  std::vector<std::pair<std::string, std::optional<std::string>>> defines;  // -D
  std::vector<std::string> undefines;                                      // -U
  model::SysKind target = model::SysKind::Win64;  // --target: predefined macros and layout
  /// Finds the library an `importlib("file")` names (on -L/--tlb-path, or built in for
  /// stdole2.tlb/stdole32.tlb); nullopt when not found (the reader reports it at the importlib).
  std::function<std::optional<model::Library>(const std::string& file,
                                              support::DiagEngine& diags)>
      load_importlib;
  /// Reads a source file; default: the disk.
  std::function<std::optional<std::string>(const std::string& path)> read_file;
  /// Optional, shared by the read_idl calls of one batch (see ImportCache). ADDITIVE.
  std::shared_ptr<ImportCache> import_cache;
};

/// The library block of `path`, with every type declared in it or referenced from it, in the
/// order MIDL puts them in a type library, sizes and vtable offsets computed for opts.target,
/// and `imports` filled from the importlibs. A file without a library block gives a Library with
/// no name and no LIBID holding every type the file itself declares (what `inspect` shows; the
/// typelib writer refuses it). nullopt when errors were reported.
std::optional<model::Library> read_idl(const std::string& path, const IdlOptions& opts,
                                       support::DiagEngine& diags);

}  // namespace tlbkit::idl
