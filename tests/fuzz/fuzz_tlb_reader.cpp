// libFuzzer target for the binary type library reader: reads the input as a typelib (and, for a
// PE file, its TYPELIB resources 1 and 2), then writes every output of a library that read.
// Built as a fuzzer with -DTLBKIT_FUZZ=ON (clang), and always with replay_main.cpp so its seed
// corpus (testdata/fuzz/tlb) runs as an ordinary test. Layer: tests.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>

#include "driver/inputs.h"
#include "model/library_set.h"
#include "readers/tlb/tlb_reader.h"
#include "writers/json/json_writer.h"
#include "writers/oleaut/oleaut_writer.h"
#include "writers/text/text_writer.h"

namespace {

using namespace tlbkit;

const model::LibrarySet& builtin_set() {
  static const model::LibrarySet set = [] {
    model::LibrarySet s;
    for (auto& lib : driver::builtin_libraries()) s.add(std::move(lib));
    return s;
  }();
  return set;
}

/// TLBKIT_FUZZ_STRICT=1 also treats a rejection without a byte offset as a finding (the fault
/// tests' rule); off by default so that fuzzing is not stopped by it before it finds crashes.
bool strict() {
  static const bool on = [] {
    const char* s = std::getenv("TLBKIT_FUZZ_STRICT");
    return s && *s == '1';
  }();
  return on;
}

void read_one(std::span<const uint8_t> bytes, std::optional<uint32_t> resource) {
  const std::string path = "fuzz-input";
  support::DiagEngine diags;
  // An exception escaping here is a finding: the driver would exit 3 (internal error).
  auto lib = tlb::read_typelib(bytes, path, resource, diags);
  if (!lib || diags.has_errors()) {
    bool located = false;
    for (const auto& d : diags.all())
      located |= d.severity == support::Severity::Error && d.where.offset.has_value();
    if (!diags.has_errors() || (strict() && !located)) {
      std::fprintf(stderr, "rejected without a located error (%zu diagnostics)\n", diags.all().size());
      std::abort();
    }
    return;
  }
  model::resolve_import_names(*lib, builtin_set());
  (void)json::write_json(*lib);
  (void)oleaut::write_listing(*lib, builtin_set());
  (void)text::write_text(*lib, builtin_set());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::span<const uint8_t> bytes(data, size);
  read_one(bytes, std::nullopt);
  if (size >= 2 && data[0] == 'M' && data[1] == 'Z') read_one(bytes, 2u);
  return 0;
}
