// `tlbkit import`: which files it writes (the library's header, its referenced libraries' headers,
// the support header), the usage errors, determinism, no output on failure, and damaged inputs.
// What the headers contain is tested by the writer's tests, the goldens and the compile tests.
// Layer: tests (driver).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "driver/corpus_util.h"
#include "driver/driver.h"
#include "writers/cpp/cpp_writer.h"
#include "writers/json/json_writer.h"

using namespace tlbkit;
using namespace tlbkit::testing;
namespace fs = std::filesystem;

namespace {
driver::Options import_options(const std::string& input) {
  driver::Options o;
  o.command = driver::Command::Import;
  o.input = input;
  o.cpp_dir = "gen";
  return o;
}

struct Run {
  int rc = 0;
  support::DiagEngine diags;
  support::MemorySink sink;
};
void run(const driver::Options& o, Run& r) { r.rc = driver::run(o, r.diags, r.sink); }

bool has_code(const support::DiagEngine& d, const std::string& code) {
  for (const auto& x : d.all())
    if (x.code == code) return true;
  return false;
}
}  // namespace

TEST_CASE("import --cpp writes the library's header and the support header") {
  Run r;
  run(import_options(source_dir() + "/testdata/corpus/wine/scrrun.dll"), r);
  CHECK(r.rc == 0);
  REQUIRE(r.sink.files.size() == 2);
  REQUIRE(r.sink.files.count("gen/Scripting.h"));
  REQUIRE(r.sink.files.count("gen/tlbkit_com.h"));
  CHECK(r.sink.files["gen/tlbkit_com.h"] == std::string(cppw::support_header_text()));
  // The banner names the input file, never its directory.
  const std::string& h = r.sink.files["gen/Scripting.h"];
  CHECK(h.find("scrrun.dll") != std::string::npos);
  CHECK(h.find(source_dir()) == std::string::npos);
}

TEST_CASE("import --cpp writes a header for each referenced library found, not for stdole") {
  Run r;
  driver::Options o = import_options(source_dir() + "/testdata/corpus/ms/VB6.OLB");
  o.tlb_paths = {source_dir() + "/testdata/corpus/ms"};
  run(o, r);
  CHECK(r.rc == 0);
  CHECK(r.sink.files.count("gen/VB.h"));
  CHECK(r.sink.files.count("gen/VBRUN.h"));  // VB refers to VBRUN (msvbvm60.dll)
  CHECK(r.sink.files.size() == 3);
  // Without the search path VBRUN is not at hand: only VB's own header.
  Run alone;
  run(import_options(source_dir() + "/testdata/corpus/ms/VB6.OLB"), alone);
  CHECK(alone.sink.files.count("gen/VBRUN.h") == 0);
}

TEST_CASE("import output does not depend on where the input lives") {
  fs::path tmp = fs::temp_directory_path() / "tlbkit-import-test";
  fs::create_directories(tmp);
  fs::copy_file(source_dir() + "/testdata/corpus/wine/scrrun.dll", tmp / "scrrun.dll",
                fs::copy_options::overwrite_existing);
  Run a, b, c;
  run(import_options(source_dir() + "/testdata/corpus/wine/scrrun.dll"), a);
  run(import_options((tmp / "scrrun.dll").string()), b);
  run(import_options(source_dir() + "/testdata/corpus/wine/scrrun.dll"), c);
  CHECK(a.sink.files == b.sink.files);
  CHECK(a.sink.files == c.sink.files);
  fs::remove_all(tmp);
}

TEST_CASE("import --json writes the same descriptor as inspect --format json") {
  Run r;
  driver::Options o = import_options(source_dir() + "/testdata/corpus/wine/scrrun.dll");
  o.cpp_dir.clear();
  o.json_output = "scrrun.json";
  run(o, r);
  CHECK(r.rc == 0);
  Run i;
  driver::Options io;
  io.input = o.input;
  io.format = "json";
  io.output = "inspect.json";
  run(io, i);
  REQUIRE(r.sink.files.count("scrrun.json"));
  CHECK(r.sink.files["scrrun.json"] == i.sink.files["inspect.json"]);
}

TEST_CASE("import usage errors: one diagnostic, exit 2, nothing written") {
  const std::string scrrun = source_dir() + "/testdata/corpus/wine/scrrun.dll";
  SUBCASE("no output asked for") {
    Run r;
    driver::Options o = import_options(scrrun);
    o.cpp_dir.clear();
    run(o, r);
    CHECK(r.rc == driver::kExitUsage);
    CHECK(has_code(r.diags, "TK9007"));
    CHECK(r.sink.files.empty());
  }
  SUBCASE("--rename without '='") {
    Run r;
    driver::Options o = import_options(scrrun);
    o.renames = {"Dictionary"};
    run(o, r);
    CHECK(r.rc == driver::kExitUsage);
    CHECK(has_code(r.diags, "TK9005"));
    CHECK(r.sink.files.empty());
  }
  SUBCASE("--cpp names a file") {
    Run r;
    driver::Options o = import_options(scrrun);
    o.cpp_dir = scrrun;
    run(o, r);
    CHECK(r.rc == driver::kExitUsage);
    CHECK(has_code(r.diags, "TK9008"));
    CHECK(r.sink.files.empty());
  }
  SUBCASE("an unreadable input") {
    Run r;
    run(import_options(source_dir() + "/testdata/no-such-file.tlb"), r);
    CHECK(r.rc == driver::kExitInputError);
    CHECK(r.sink.files.empty());
  }
}

TEST_CASE("import --cpp of damaged libraries: a header or one located error, never a crash") {
  // Whatever a reader accepts from a damaged file (garbage names, impossible vtable offsets,
  // dangling references, cycles) must still give a bounded, ASCII header or a clean failure.
  fs::path dir = fs::temp_directory_path() / "tlbkit-import-damaged";
  fs::create_directories(dir);
  int written = 0, refused = 0;
  for (const char* name : {"ms/VersInfoEx.tlb", "ms/UevCustomActionTypes.tlb", "ms/MSADDNDR.TLB",
                           "ms/OpenGEXHelper.tlb", "ms/WasatchNET.x86.tlb"}) {
    const std::string original = slurp(source_dir() + "/testdata/corpus/" + name);
    REQUIRE(!original.empty());
    Rng rng{original.size()};  // the same mutations on every run and machine
    for (int round = 0; round < 60; ++round) {
      std::string bytes = original;
      for (int k = 0; k < 1 + round % 8; ++k) {
        size_t at = rng.below(bytes.size());
        bytes[at] = static_cast<char>(rng.next() & 0xff);
      }
      const fs::path file = dir / "damaged.tlb";
      {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      }
      Run r;
      driver::Options o = import_options(file.string());
      CHECK_NOTHROW(run(o, r));
      CHECK((r.rc == driver::kExitOk || r.rc == driver::kExitInputError));
      if (r.rc != driver::kExitOk) {
        ++refused;
        CHECK(r.sink.files.empty());
        continue;
      }
      ++written;
      for (const auto& [path, text] : r.sink.files) {
        CHECK(text.size() < 64u * 1024 * 1024);
        bool ascii = true;
        for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
        CHECK_MESSAGE(ascii, path << " of " << name << " round " << round);
      }
    }
  }
  fs::remove_all(dir);
  MESSAGE("damaged libraries: " << written << " headers written, " << refused << " refused");
  CHECK(written > 0);  // the mutations must reach the writer, not only the reader's checks
}
