// The MSFT writer against the whole corpus: every typelib (MSFT and SLTG, every TYPELIB resource)
// is read, written, and read back; the model read back must equal the one written, the emulated
// runtime listing of the written file must equal that of the original (read with the MSFT
// loader's rules, since the written file is MSFT), and writing twice gives the same bytes.
// With TLBW_DUMP_DIR set, the written files are kept there for the real runtime (the oracle).
// Layer: tests.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "driver/corpus_util.h"
#include "model/compare.h"
#include "model/library_set.h"
#include "readers/tlb/tlb_reader.h"
#include "writers/oleaut/oleaut_writer.h"
#include "writers/tlb/tlb_writer.h"

using namespace tlbkit;
using namespace tlbkit::testing;

namespace {

std::optional<model::Library> read_bytes(const std::string& bytes, const std::string& name,
                                         std::optional<uint32_t> res, std::string& errors) {
  support::DiagEngine d;
  std::span<const uint8_t> span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  auto lib = tlb::read_typelib(span, name, res, d);
  for (const auto& x : d.all())
    if (x.severity == support::Severity::Error) errors += x.code + " " + x.message + "\n";
  return lib;
}

/// OLE Automation's libraries as the runtime has them registered (Wine's, as the driver builds in).
model::LibrarySet stdole_set() {
  model::LibrarySet set;
  for (const char* rel : {"wine/stdole2.tlb", "wine/stdole32.tlb"}) {
    std::string e;
    auto lib = read_bytes(slurp(source_dir() + "/testdata/corpus/" + rel), rel, std::nullopt, e);
    REQUIRE_MESSAGE(lib, e);
    set.add(*lib);
  }
  return set;
}

std::string listing(model::Library lib, const model::LibrarySet& set) {
  model::resolve_import_names(lib, set);
  return oleaut::write_listing(lib, set, {oleaut::Loader::Msft});
}

std::string first_line_difference(const std::string& a, const std::string& b) {
  auto la = split_lines(a), lb = split_lines(b);
  size_t i = 0;
  while (i < la.size() && i < lb.size() && la[i] == lb[i]) ++i;
  if (i == la.size() && i == lb.size()) return "";
  return "line " + std::to_string(i + 1) + "\n  original: " + (i < la.size() ? la[i] : "<end>") +
         "\n  written:  " + (i < lb.size() ? lb[i] : "<end>");
}

}  // namespace

TEST_CASE("every corpus typelib survives read → write → read with the same model and listing") {
  const model::LibrarySet set = stdole_set();
  const char* dump = std::getenv("TLBW_DUMP_DIR");
  int same_model = 0, same_listing = 0, n = 0;
  for (const CorpusCase& c : corpus_cases()) {
    CAPTURE(c.display());
    ++n;
    std::string err;
    auto orig = read_bytes(slurp(c.input), c.input.string(),
                           c.resource ? std::optional<uint32_t>(c.resource) : std::nullopt, err);
    REQUIRE_MESSAGE(orig, err);
    support::DiagEngine d;
    auto bytes = tlbw::write_typelib(*orig, d, &set);
    std::string wdiag;
    for (const auto& x : d.all()) wdiag += x.code + " " + x.message + "\n";
    REQUIRE_MESSAGE(bytes, wdiag);
    support::DiagEngine d2;
    auto again = tlbw::write_typelib(*orig, d2, &set);
    REQUIRE(again);
    CHECK_MESSAGE(*again == *bytes, "writing twice gives different bytes");
    if (dump) {
      // Named after the listing it is compared with: dir_X[.N].tlb, and the emulated MSFT-loader
      // listing of the original beside it (the reference for SLTG originals).
      std::string stem = c.listing.parent_path().filename().string() + "_" +
                         c.listing.filename().string().substr(0, c.listing.filename().string().size() - 11);
      std::ofstream(std::filesystem::path(dump) / (stem + ".tlb"), std::ios::binary) << *bytes;
      std::ofstream(std::filesystem::path(dump) / (stem + ".emulated.txt"), std::ios::binary)
          << listing(*orig, set);
    }
    std::string rerr;
    auto back = read_bytes(*bytes, "written", std::nullopt, rerr);
    REQUIRE_MESSAGE(back, rerr);
    std::string where = model::diff(*orig, *back);
    CHECK_MESSAGE(where.empty(), "model differs at " << where);
    if (where.empty()) ++same_model;
    std::string ldiff = first_line_difference(listing(*orig, set), listing(*back, set));
    CHECK_MESSAGE(ldiff.empty(), "listing differs at " << ldiff);
    if (ldiff.empty()) ++same_listing;
  }
  MESSAGE(same_model << " of " << n << " models and " << same_listing << " of " << n
                     << " listings survive the round trip");
}
