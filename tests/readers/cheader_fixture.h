// What the header reader's fixture tests share (cheader_test, cheader_com_test): reading a
// fixture of testdata/cheader with its diagnostics kept, and finding a type of the result.
// Layer: tests.
#pragma once
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "model/library.h"
#include "readers/cheader/cheader_reader.h"

namespace tlbkit::testing {

/// A header read: the library (none on error) and every diagnostic.
struct HeaderRead {
  std::optional<model::Library> lib;
  support::DiagEngine diags;
};

/// Reads testdata/cheader/FOLDER/NAME.
inline HeaderRead read_fixture(const std::string& folder, const std::string& name,
                               const cheader::CHeaderOptions& opts) {
  HeaderRead r;
  r.lib = cheader::read_cheader(
      std::string(TLBKIT_SOURCE_DIR) + "/testdata/cheader/" + folder + "/" + name, opts, r.diags);
  return r;
}

inline const model::TypeInfo* find(const model::Library& lib, const std::string& name) {
  for (const model::TypeInfo& t : lib.types) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

/// The type of that name; the test stops when there is none.
inline const model::TypeInfo& get(const model::Library& lib, const std::string& name) {
  const model::TypeInfo* t = find(lib, name);
  REQUIRE_MESSAGE(t != nullptr, "no type " << name);
  return *t;
}

}  // namespace tlbkit::testing
