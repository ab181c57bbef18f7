// `tlbkit export` and `inspect --format idl` through the whole pipeline: IDL → typelib for both
// targets judged by the runtime's listing of widl's typelib, a compiled library converted to the
// other target, typelib → IDL → typelib, determinism, and no output on failure. The real runtime
// judges the same files in tests/cli/runtime_*.sh. Layer: tests (driver).
#include <doctest/doctest.h>

#include <filesystem>

#include "driver/corpus_util.h"
#include "driver/written_listing.h"
#include "driver/driver.h"
#include "driver/inputs.h"

using namespace tlbkit;
using namespace tlbkit::testing;
namespace fs = std::filesystem;

namespace {
const std::string kIdlDir = source_dir() + "/testdata/idl/wine-include";
const std::string kHeaders = source_dir() + "/testdata/idl/wine-headers";
const std::string kWine = source_dir() + "/testdata/corpus/wine";

driver::Options export_options(const std::string& input, const std::string& target) {
  driver::Options o;
  o.command = driver::Command::Export;
  o.input = input;
  o.output = "out.tlb";
  o.target = target;
  o.include_dirs = {kIdlDir, kHeaders};
  o.tlb_paths = {kWine};
  return o;
}

/// Runs the driver into memory; returns the one output (empty when none was written).
std::string run(const driver::Options& o, int& rc, support::DiagEngine& diags) {
  support::MemorySink sink;
  rc = driver::run(o, diags, sink);
  return sink.files.count(o.output) ? sink.files[o.output] : std::string();
}

/// A stored listing without widl's three build-time custom-data lines.
std::string without_widl_timestamps(const std::string& listing) {
  std::string out;
  for (const std::string& line : split_lines(listing))
    if (line.find("{DE77BA63-") == std::string::npos &&
        line.find("{DE77BA64-") == std::string::npos &&
        line.find("{DE77BA65-") == std::string::npos)
      out += line + "\n";
  return out;
}
}  // namespace

TEST_CASE("export: the four widl libraries from IDL list as widl's typelibs, for both targets") {
  for (const char* name : {"taskschd", "netfw", "wuapi", "msxml6"}) {
    for (const char* target : {"win32", "win64"}) {
      CAPTURE(name);
      CAPTURE(target);
      support::DiagEngine diags;
      int rc = -1;
      std::string bytes = run(export_options(kIdlDir + "/" + name + ".idl", target), rc, diags);
      REQUIRE(rc == 0);
      std::string want = without_widl_timestamps(slurp(
          source_dir() + "/testdata/corpus/widl/" + name + "_" + target + ".tlb.oleaut.txt"));
      CHECK(listing_of(bytes) == want);
      // Deterministic: a second run gives the same bytes.
      support::DiagEngine again;
      CHECK(run(export_options(kIdlDir + "/" + name + ".idl", target), rc, again) == bytes);
    }
  }
}

TEST_CASE("export --target converts a compiled library: widl's win64 netfw becomes its win32") {
  for (auto [from, to, target] :
       {std::tuple{"netfw_win64", "netfw_win32", "win32"},
        std::tuple{"wuapi_win32", "wuapi_win64", "win64"}}) {
    CAPTURE(from);
    support::DiagEngine diags;
    int rc = -1;
    std::string bytes =
        run(export_options(source_dir() + "/testdata/corpus/widl/" + from + ".tlb", target), rc,
            diags);
    REQUIRE(rc == 0);
    CHECK(listing_of(bytes) ==
          slurp(source_dir() + "/testdata/corpus/widl/" + to + ".tlb.oleaut.txt"));
  }
}

TEST_CASE("export without --target keeps a compiled library's own platform") {
  support::DiagEngine diags;
  int rc = -1;
  driver::Options o = export_options(source_dir() + "/testdata/corpus/widl/taskschd_win32.tlb",
                                     "win32");
  o.target.reset();
  std::string bytes = run(o, rc, diags);
  REQUIRE(rc == 0);
  CHECK(listing_of(bytes) ==
        slurp(source_dir() + "/testdata/corpus/widl/taskschd_win32.tlb.oleaut.txt"));
}

TEST_CASE("typelib → IDL → typelib through the driver keeps the runtime's listing") {
  // widl's three build stamps are left out on both sides, as in tests/cli/runtime_*.sh: IDL has
  // no literal for their VT_UI4 (widl and tlbkit store an integer custom() value as VT_I4).
  for (auto [name, target] : {std::pair{"wine/scrrun.dll", "win64"},
                              std::pair{"widl/netfw_win32.tlb", "win32"},
                              std::pair{"wine/stdole2.tlb", "win64"}}) {
    CAPTURE(name);
    driver::Options o;
    o.input = source_dir() + "/testdata/corpus/" + name;
    o.format = "idl";
    o.output = "out.idl";
    support::DiagEngine d1;
    int rc = -1;
    std::string idl = run(o, rc, d1);
    REQUIRE(rc == 0);
    fs::path dir = fs::temp_directory_path() / "tlbkit-export-test";
    fs::create_directories(dir);
    fs::path file = dir / "roundtrip.idl";
    {
      support::DiskSink disk;
      REQUIRE(disk.put(file.string(), idl).empty());
    }
    support::DiagEngine d2;
    std::string bytes = run(export_options(file.string(), target), rc, d2);
    for (const auto& d : d2.all())
      MESSAGE(support::format_diagnostic(d, support::DiagStyle::Gcc));
    REQUIRE(rc == 0);
    CHECK(without_widl_timestamps(listing_of(bytes)) ==
          without_widl_timestamps(
              slurp(source_dir() + "/testdata/corpus/" + std::string(name) + ".oleaut.txt")));
  }
}

TEST_CASE("export refuses standard output and leaves no file when the input is bad") {
  support::DiagEngine diags;
  int rc = -1;
  driver::Options o = export_options(kIdlDir + "/netfw.idl", "win64");
  o.output = "-";
  run(o, rc, diags);
  CHECK(rc == driver::kExitUsage);

  fs::path dir = fs::temp_directory_path() / "tlbkit-export-bad";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path idl = dir / "bad.idl";
  {
    support::DiskSink disk;
    REQUIRE(disk.put(idl.string(), "[uuid(12345678-1234-1234-1234-123456789abc)]\n"
                                   "library L {\n  interface I { void f( };\n}\n").empty());
  }
  support::DiagEngine d2;
  support::DiskSink disk;
  o = export_options(idl.string(), "win64");
  o.output = (dir / "bad.tlb").string();
  rc = driver::run(o, d2, disk);
  CHECK(rc == driver::kExitInputError);
  CHECK_FALSE(fs::exists(dir / "bad.tlb"));
  REQUIRE(d2.has_errors());
  // Located: file:line:column.
  CHECK(d2.all().front().where.file == idl.string());
  CHECK(d2.all().front().where.line == 3);
  CHECK(d2.all().front().where.column > 0);
  fs::remove_all(dir);
}

TEST_CASE("export: -D, -U and -I reach the IDL preprocessor") {
  fs::path dir = fs::temp_directory_path() / "tlbkit-export-macros";
  fs::remove_all(dir);
  fs::create_directories(dir / "inc");
  support::DiskSink disk;
  REQUIRE(disk.put((dir / "inc" / "values.h").string(), "#define FROM_INCLUDE 3\n").empty());
  REQUIRE(disk.put((dir / "m.idl").string(),
                   "#include \"values.h\"\n"
                   "[uuid(12345678-0000-0000-0000-000000000001), version(1.0)]\n"
                   "library L {\n"
                   "  typedef enum { A = VALUE, B = FROM_INCLUDE } E;\n"
                   "#ifdef EXTRA\n"
                   "  typedef enum { X = 1 } Extra;\n"
                   "#endif\n"
                   "#ifdef __WIDL__\n"
                   "  typedef enum { W = 1 } Widl;\n"
                   "#endif\n"
                   "}\n")
              .empty());
  auto compile = [&](std::vector<std::string> defines, std::vector<std::string> undefines) {
    driver::Options o;
    o.input = (dir / "m.idl").string();
    o.format = "oleaut";
    o.output = "out";
    o.include_dirs = {(dir / "inc").string()};
    o.defines = std::move(defines);
    o.undefines = std::move(undefines);
    support::DiagEngine diags;
    int rc = -1;
    std::string out = run(o, rc, diags);
    CHECK(rc == 0);
    return out;
  };
  std::string plain = compile({"VALUE=7"}, {});
  CHECK(plain.find("type E ") != std::string::npos);
  CHECK(plain.find("var A memid=") != std::string::npos);
  CHECK(plain.find("value=vt3:7") != std::string::npos);  // A = VALUE from -D
  CHECK(plain.find("value=vt3:3") != std::string::npos);  // FROM_INCLUDE, found through -I
  CHECK(plain.find("type Extra ") == std::string::npos);
  CHECK(plain.find("type Widl ") != std::string::npos);  // __WIDL__ is predefined
  std::string more = compile({"VALUE=7", "EXTRA"}, {"__WIDL__"});
  CHECK(more.find("type Extra ") != std::string::npos);
  CHECK(more.find("type Widl ") == std::string::npos);
  fs::remove_all(dir);
}
