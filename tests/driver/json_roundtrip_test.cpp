// JSON round trips over the whole corpus: every typelib (each TYPELIB resource with a listing)
// read through the driver, written as JSON, read back — the model must be identical and the
// JSON byte-identical when written again. Also the driver's side of JSON input: a descriptor is
// an input like any other, and a bad one fails with a located diagnostic and exit code 1.
// Layer: tests.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "driver/corpus_util.h"
#include "driver/driver.h"
#include "driver/inputs.h"
#include "model/compare.h"
#include "readers/json/json_reader.h"
#include "writers/json/json_writer.h"

using namespace tlbkit;
using namespace tlbkit::testing;

namespace {
std::string diag_text(const support::DiagEngine& diags) {
  std::string out;
  for (const auto& d : diags.all()) out += support::format_diagnostic(d, support::DiagStyle::Gcc);
  return out;
}

std::optional<model::Library> load(const CorpusCase& c, std::string& diags_out) {
  support::DiagEngine diags;
  auto lib = driver::load_library(c.input.string(),
                                  c.resource ? std::optional<uint32_t>(c.resource) : std::nullopt,
                                  diags);
  diags_out = diag_text(diags);
  return lib;
}

/// A scratch directory of this test, emptied first.
std::filesystem::path scratch(const std::string& name) {
  auto dir = std::filesystem::path(TLBKIT_BINARY_DIR) / "test-scratch" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}
}  // namespace

TEST_CASE("every corpus typelib round-trips through JSON into an identical model") {
  auto cases = corpus_cases();
  REQUIRE(cases.size() >= 50);
  int exact = 0;
  for (const CorpusCase& c : cases) {
    CAPTURE(c.display());
    std::string diags;
    auto lib = load(c, diags);
    if (!lib) {
      FAIL_CHECK("cannot read the typelib: " << diags);
      continue;
    }
    std::string text = json::write_json(*lib);
    support::DiagEngine back_diags;
    auto back = json::read_json(text, c.display() + ".json", back_diags);
    if (!back) {
      FAIL_CHECK("the JSON does not read back: " << diag_text(back_diags));
      continue;
    }
    std::string where = model::diff(*lib, *back);
    CHECK_MESSAGE(where.empty(), "first difference at " << where);
    CHECK_MESSAGE(json::write_json(*lib) == text, "writing the same model twice differs");
    CHECK_MESSAGE(json::write_json(*back) == text, "the read-back model writes other JSON");
    if (where.empty()) ++exact;
  }
  MESSAGE(exact << " of " << cases.size() << " corpus libraries round-trip exactly");
}

TEST_CASE("inspect on the JSON that inspect wrote writes the same JSON, for every corpus typelib") {
  // Through the whole driver this time, references gathered and import names filled in.
  auto dir = scratch("json_fixed_point");
  int same = 0;
  auto inspect = [](const std::string& input, uint32_t resource, std::string& out) {
    driver::Options o;
    o.input = input;
    if (resource) o.resource = resource;
    o.format = "json";
    o.output = "out";
    support::DiagEngine diags;
    support::MemorySink sink;
    int rc = driver::run(o, diags, sink);
    out = sink.files["out"];
    return rc == driver::kExitOk ? std::string() : "exit " + std::to_string(rc) + ": " + diag_text(diags);
  };
  auto cases = corpus_cases();
  for (size_t i = 0; i < cases.size(); ++i) {
    const CorpusCase& c = cases[i];
    CAPTURE(c.display());
    std::string first, second;
    std::string error = inspect(c.input.string(), c.resource, first);
    if (!error.empty()) {
      FAIL_CHECK("inspect on the typelib failed: " << error);
      continue;
    }
    auto json_file = dir / (std::to_string(i) + ".json");
    write_file(json_file, first);
    error = inspect(json_file.string(), 0, second);
    CHECK_MESSAGE(error.empty(), "inspect on its JSON failed: " << error);
    bool equal = first == second;
    CHECK_MESSAGE(equal, "the JSON of the JSON differs");
    same += equal ? 1 : 0;
  }
  MESSAGE(same << " of " << cases.size() << " corpus descriptors are a fixed point of inspect");
}

TEST_CASE("a bad descriptor through the driver: one located diagnostic, exit code 1, no output") {
  auto dir = scratch("json_bad");
  const std::string bad =
      "{\n  \"$schema\": \"https://tlbkit.dev/schemas/tlbkit.schema.json\",\n"
      "  \"formatVersion\": 1,\n  \"name\": [],\n  \"version\": \"1.0\"\n}\n";
  write_file(dir / "bad.json", bad);
  write_file(dir / "broken.json", "{\n  \"name\": \"x\",,\n}\n");
  for (const auto& [file, expected] :
       {std::pair<std::string, std::string>{"bad.json", ":4:11: error: $.name: expected a string [TK3002]\n"},
        {"broken.json", ":2:15: error: not valid JSON: "}}) {
    CAPTURE(file);
    driver::Options o;
    o.input = (dir / file).string();
    o.format = "json";
    o.output = "out";
    support::DiagEngine diags;
    support::MemorySink sink;
    CHECK(driver::run(o, diags, sink) == driver::kExitInputError);
    REQUIRE(diags.all().size() == 1);
    std::string text = diag_text(diags);
    CHECK(text.rfind(o.input + expected, 0) == 0);
    CHECK(sink.files.count("out") == 0);
  }
}

#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
TEST_CASE("writing the JSON of the largest libraries stays fast (optimised builds)") {
  // The target is the whole job on wine/mshtml.tlb — read and write — well under 50 ms; here
  // only a generous bound on writing, the best of three, so a loaded machine does not fail it.
  for (std::string name : {"wine/mshtml.tlb", "ms/mshtml.tlb"}) {
    CAPTURE(name);
    CorpusCase c;
    c.input = source_dir() + "/testdata/corpus/" + name;
    std::string diags;
    auto lib = load(c, diags);
    REQUIRE_MESSAGE(lib, diags);
    double best_ms = 1e9;
    size_t size = 0;
    for (int i = 0; i < 3; ++i) {
      auto t0 = std::chrono::steady_clock::now();
      size = json::write_json(*lib).size();
      std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - t0;
      best_ms = std::min(best_ms, ms.count());
    }
    MESSAGE(name << ": JSON of " << size << " bytes written in " << best_ms << " ms");
    CHECK(best_ms < 100);
  }
}
#endif
