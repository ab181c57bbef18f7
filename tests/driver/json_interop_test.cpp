// The descriptor is ordinary JSON that other tools read: for every corpus library, a standard
// JSON library (nlohmann_json) parses tlbkit's output, and what it writes back — other
// whitespace, other escaping — reads into the same model through tlbkit's reader. A
// differential test of the writer and of tlbkit's own strict parser. Layer: tests.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "driver/corpus_util.h"
#include "driver/inputs.h"
#include "model/compare.h"
#include "readers/json/json_reader.h"
#include "writers/json/json_writer.h"

using namespace tlbkit;
using namespace tlbkit::testing;

TEST_CASE("every corpus descriptor is standard JSON, and its re-serialisation reads back equal") {
  auto cases = corpus_cases();
  REQUIRE(cases.size() >= 50);
  for (const CorpusCase& c : cases) {
    CAPTURE(c.display());
    support::DiagEngine diags;
    auto lib = driver::load_library(
        c.input.string(), c.resource ? std::optional<uint32_t>(c.resource) : std::nullopt, diags);
    REQUIRE(lib);
    std::string ours = json::write_json(*lib);
    nlohmann::ordered_json parsed;
    REQUIRE_NOTHROW(parsed = nlohmann::ordered_json::parse(ours));
    CHECK(parsed.at("formatVersion") == 1);
    CHECK(parsed.at("name") == lib->name);
    // Compact, ASCII-escaped: every byte of layout and escaping differs from tlbkit's own.
    std::string theirs = parsed.dump(-1, ' ', true);
    REQUIRE(theirs != ours);
    support::DiagEngine back_diags;
    auto back = json::read_json(theirs, "nlohmann.json", back_diags);
    REQUIRE(back);
    CHECK_MESSAGE(*back == *lib, model::diff(*lib, *back));
  }
}
