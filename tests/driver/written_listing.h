// The runtime's listing of typelib bytes a test wrote, as tlbkit's MSFT loader and runtime
// emulation give it (stdole built in): what tests compare with a stored or computed listing.
// Layer: tests (driver).
#pragma once
#include <doctest/doctest.h>

#include <cstdint>
#include <span>
#include <string>

#include "driver/inputs.h"
#include "model/library_set.h"
#include "readers/tlb/tlb_reader.h"
#include "writers/oleaut/oleaut_writer.h"

namespace tlbkit::testing {

inline std::string listing_of(const std::string& bytes) {
  support::DiagEngine diags;
  std::span<const uint8_t> span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  auto lib = tlb::read_typelib(span, "written.tlb", std::nullopt, diags);
  REQUIRE_MESSAGE(lib, "the written typelib does not read back");
  model::LibrarySet set;
  for (auto& b : driver::builtin_libraries()) set.add(std::move(b));
  model::resolve_import_names(*lib, set);
  return oleaut::write_listing(*lib, set);
}

}  // namespace tlbkit::testing
