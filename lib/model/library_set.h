// LibrarySet: the libraries at hand while working on one library — the library itself, the ones
// found with --tlb-path/--reference, and OLE Automation's own — looked up by LIBID and version,
// never by file name. Layer: model.
#pragma once
#include <memory>
#include <vector>

#include "model/library.h"

namespace tlbkit::model {

class LibrarySet {
 public:
  /// Adds a library; the set owns it. Returns a stable reference to the stored copy.
  const Library& add(Library lib);

  /// The library with this LIBID whose major version matches and whose minor version is at
  /// least the one asked for (the newest such), as the runtime picks a registered library.
  const Library* find(const Guid& libid, Version wanted) const;

  /// The library an import of `from` refers to, or nullptr when it is not at hand.
  const Library* imported(const Library& from, uint32_t import_index) const;

  /// The type a UserType of `from` names, and the library holding it; {nullptr, nullptr} when it
  /// cannot be found (an import that is not at hand, or a dangling reference).
  struct Found {
    const Library* library = nullptr;
    const TypeInfo* type = nullptr;
    uint32_t index = 0;
  };
  Found resolve(const Library& from, const UserType& ref) const;

 private:
  std::vector<std::unique_ptr<Library>> libs_;  // unique_ptr: references stay valid on growth
};

/// Fills in what a reader could not know alone: the names of imported libraries and of types
/// imported by GUID or position, from the libraries in `set`.
void resolve_import_names(Library& lib, const LibrarySet& set);

}  // namespace tlbkit::model
