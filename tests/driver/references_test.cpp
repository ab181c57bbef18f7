// Referenced libraries: --tlb-path and --reference make another library's types available, found
// by LIBID and version (never by file name), and the listing then equals what the runtime lists
// when that library is available (testdata/references/). Layer: tests (driver).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "driver/corpus_util.h"
#include "driver/driver.h"
#include "driver/inputs.h"
#include "readers/tlb/tlb_reader.h"

using namespace tlbkit;
using namespace tlbkit::testing;
namespace fs = std::filesystem;

namespace {
const std::string kVb6 = source_dir() + "/testdata/corpus/ms/VB6.OLB";
const std::string kVbvm = source_dir() + "/testdata/corpus/ms/msvbvm60.dll";

std::string inspect(driver::Options o, int& rc) {
  o.input = kVb6;
  o.output = "out";
  support::DiagEngine diags;
  support::MemorySink sink;
  rc = driver::run(o, diags, sink);
  return sink.files["out"];
}

fs::path fresh_dir(const char* name) {
  fs::path d = fs::temp_directory_path() / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}
}  // namespace

TEST_CASE("--tlb-path finds an imported library by LIBID and version; the listing is the runtime's") {
  fs::path dir = fresh_dir("tlbkit-ref-path");
  fs::copy_file(kVbvm, dir / "any-name-at-all.bin");  // found by content, not by file name
  driver::Options o;
  o.format = "oleaut";
  o.tlb_paths = {dir.string()};
  int rc = 0;
  std::string got = inspect(o, rc);
  CHECK(rc == 0);
  CHECK(got == slurp(source_dir() + "/testdata/references/VB6.OLB.with-VBRUN.oleaut.txt"));
  CHECK(got.find("udt(VBRUN.DataObject)") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("--reference FILE makes every TYPELIB resource of the file available") {
  driver::Options o;
  o.format = "oleaut";
  o.references = {kVbvm};
  int rc = 0;
  CHECK(inspect(o, rc) ==
        slurp(source_dir() + "/testdata/references/VB6.OLB.with-VBRUN.oleaut.txt"));
}

TEST_CASE("without the library the types stay references by LIBID, listed as `?`") {
  driver::Options o;
  o.format = "oleaut";
  int rc = 0;
  CHECK(inspect(o, rc) == slurp(kVb6 + ".oleaut.txt"));
  support::DiagEngine diags;
  auto lib = driver::load_library(kVb6, std::nullopt, diags);
  REQUIRE(lib);
  model::LibrarySet set;
  driver::gather_references(*lib, {}, {}, set, diags);
  bool kept = false;
  for (const auto& imp : lib->imports)
    if (imp.libid.to_string() == "{EA544A21-C82D-11D1-A3E4-00A0C90AEA82}") {
      kept = imp.name.empty() && imp.version.major == 6 && imp.file == "MSVBVM60.DLL\\3";
    }
  CHECK(kept);
}

TEST_CASE("a library with the right LIBID but another major version is not taken") {
  // Patch the major version in the MSFT header of msvbvm60.dll's resource 3 (VBRUN 6.0 → 5.0).
  std::string bytes = slurp(kVbvm);
  support::DiagEngine diags;
  std::vector<uint8_t> raw(bytes.begin(), bytes.end());
  auto res = tlb::list_typelib_resources(raw, kVbvm, diags);
  uint64_t at = 0;
  for (const auto& r : res)
    if (r.id == 3) at = r.file_offset;
  REQUIRE(at != 0);
  REQUIRE(bytes.compare(at, 4, "MSFT") == 0);
  REQUIRE(bytes[at + 0x18] == 6);  // header 0x18: version, low WORD = major
  bytes[at + 0x18] = 5;
  fs::path dir = fresh_dir("tlbkit-ref-version");
  std::ofstream(dir / "MSVBVM60.DLL", std::ios::binary) << bytes;  // even under the recorded name
  driver::Options o;
  o.format = "oleaut";
  o.tlb_paths = {dir.string()};
  int rc = 0;
  CHECK(inspect(o, rc) == slurp(kVb6 + ".oleaut.txt"));
  fs::remove_all(dir);
}

TEST_CASE("OLE Automation's libraries are built in") {
  auto libs = driver::builtin_libraries();
  REQUIRE(libs.size() == 2);
  CHECK(libs[0].name == "stdole");
  CHECK(libs[0].version.major == 2);
  CHECK(libs[1].version.major == 1);
  CHECK(*libs[0].libid == model::stdole_libid());
}
