// `tlbkit export A.idl B.idl … -o DIR` (a batch, imported IDL files read once for all inputs):
// each output byte-identical to the one a run of its own writes, the same diagnostics, a failing
// input that stops none of the others, and the usage errors. Layer: tests (driver).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "driver/corpus_util.h"
#include "driver/driver.h"

using namespace tlbkit;
using namespace tlbkit::testing;
namespace fs = std::filesystem;

namespace {
const std::string kIdlDir = source_dir() + "/testdata/idl/wine-include";
const std::string kHeaders = source_dir() + "/testdata/idl/wine-headers";
const std::string kWine = source_dir() + "/testdata/corpus/wine";

driver::Options batch_options(std::vector<std::string> inputs, const std::string& out) {
  driver::Options o;
  o.command = driver::Command::Export;
  o.inputs = std::move(inputs);
  o.output = out;
  o.include_dirs = {kIdlDir, kHeaders};
  o.tlb_paths = {kWine};
  return o;
}

std::string formatted(const support::DiagEngine& diags) {
  std::string s;
  for (const support::Diagnostic& d : diags.all())
    s += support::format_diagnostic(d, support::DiagStyle::Gcc);
  return s;
}

/// A library IDL that imports the SDK (so the batch has read oaidl.idl before it) and then
/// uses a type nobody declares.
std::string write_bad_idl() {
  fs::path dir = fs::temp_directory_path() / "tlbkit-export-batch-test";
  fs::create_directories(dir);
  fs::path p = dir / "broken.idl";
  std::ofstream(p) << "import \"oaidl.idl\";\n"
                      "[uuid(6d1f3f52-33c1-4bfa-9e3c-2b7a3bb0a001), version(1.0)]\n"
                      "library Broken {\n"
                      "  typedef struct S { NoSuchType x; } S;\n"
                      "};\n";
  return p.string();
}
}  // namespace

TEST_CASE("export batch: every output as its own run writes it, a failing input stops no other") {
  // bits1_5.idl imports bits.idl (a main file read before as an import of the next one) and
  // bits2_0.idl imports bits1_5.idl (an import read before as a main file).
  const std::vector<std::string> names = {"taskschd", "netfw",   "wuapi",  "msxml6",
                                          "bits",     "bits2_0", "bits1_5", "natupnp",
                                          "gameux",   "msdasc",  "comsvcs"};
  std::vector<std::string> inputs;
  for (const std::string& n : names) inputs.push_back(kIdlDir + "/" + n + ".idl");
  const std::string bad = write_bad_idl();
  inputs.insert(inputs.begin() + 3, bad);  // in the middle: the inputs after it still compile

  support::MemorySink batch_sink;
  support::DiagEngine batch_diags(0);
  int rc = driver::run(batch_options(inputs, "outdir"), batch_diags, batch_sink);
  CHECK(rc == driver::kExitInputError);

  std::string singles_diags;
  for (const std::string& input : inputs) {
    driver::Options one = batch_options({}, "one.tlb");
    one.input = input;
    support::MemorySink sink;
    support::DiagEngine diags;
    int one_rc = driver::run(one, diags, sink);
    singles_diags += formatted(diags);
    const std::string stem = fs::path(input).stem().string();
    const std::string batch_out = (fs::path("outdir") / (stem + ".tlb")).string();
    CAPTURE(stem);
    if (input == bad) {
      CHECK(one_rc == driver::kExitInputError);
      CHECK(batch_sink.files.count(batch_out) == 0);
      continue;
    }
    REQUIRE(one_rc == driver::kExitOk);
    REQUIRE(batch_sink.files.count(batch_out) == 1);
    CHECK(batch_sink.files[batch_out] == sink.files["one.tlb"]);
  }
  CHECK(batch_sink.files.size() == names.size());
  // The same diagnostics, in input order: those of files read from the cache included.
  CHECK(formatted(batch_diags) == singles_diags);
  CHECK(formatted(batch_diags).find("NoSuchType") != std::string::npos);
}

TEST_CASE("export batch: -o must be a directory, and two inputs may not share an output") {
  const std::string a = kIdlDir + "/taskschd.idl", b = kIdlDir + "/netfw.idl";
  support::MemorySink sink;
  {
    support::DiagEngine diags;
    // An existing regular file cannot be the output directory.
    CHECK(driver::run(batch_options({a, b}, a), diags, sink) == driver::kExitUsage);
    CHECK(formatted(diags).find("TK9003") != std::string::npos);
  }
  {
    support::DiagEngine diags;
    CHECK(driver::run(batch_options({a, b}, "-"), diags, sink) == driver::kExitUsage);
  }
  {
    support::DiagEngine diags;
    CHECK(driver::run(batch_options({a, kWine + "/../taskschd.idl"}, "outdir"), diags, sink) ==
          driver::kExitUsage);
    CHECK(formatted(diags).find("TK9004") != std::string::npos);
  }
  CHECK(sink.files.empty());
}
