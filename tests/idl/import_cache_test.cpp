// The IDL reader's shared import cache (IdlOptions::import_cache, a batch `export`): a library
// read through it is the library read without it, whichever files came before; options that
// change how a file reads keep the cache out; a file read past the error limit is not kept.
// Layer: tests (readers).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "driver/corpus_util.h"
#include "model/compare.h"
#include "readers/idl/idl_reader.h"

using namespace tlbkit;
namespace fs = std::filesystem;

namespace {
const std::string kInc = tlbkit::testing::source_dir() + "/testdata/idl/wine-include";
const std::string kHeaders = tlbkit::testing::source_dir() + "/testdata/idl/wine-headers";

idl::IdlOptions sdk_options() {
  idl::IdlOptions o;
  o.include_dirs = {kInc, kHeaders};
  return o;
}

model::Library read_ok(const std::string& path, const idl::IdlOptions& o) {
  support::DiagEngine diags;
  auto lib = idl::read_idl(path, o, diags);
  REQUIRE_MESSAGE(lib, path);
  return *lib;
}

/// A folder with an imported file whose struct depends on a macro, and a library using it.
fs::path write_macro_files() {
  fs::path dir = fs::temp_directory_path() / "tlbkit-import-cache-test";
  fs::create_directories(dir);
  std::ofstream(dir / "part.idl") << "#ifdef WIDE\n"
                                     "typedef struct S { long a; long b; } S;\n"
                                     "#else\n"
                                     "typedef struct S { long a; } S;\n"
                                     "#endif\n";
  std::ofstream(dir / "lib.idl") << "import \"part.idl\";\n"
                                    "[uuid(6d1f3f52-33c1-4bfa-9e3c-2b7a3bb0a003), version(1.0)]\n"
                                    "library L {\n"
                                    "  typedef struct W { S s; } W;\n"
                                    "};\n";
  return dir;
}
}  // namespace

TEST_CASE("import cache: each library as read without it, in any order") {
  // bits1_5 imports bits (read before as a main file), bits2_0 imports bits1_5; the SDK files
  // come from the cache from the second library on. (Libraries without importlib: no loader.)
  const std::vector<std::string> names = {"bits",           "commoncontrols", "bits2_0",
                                          "bits1_5",        "thumbcache",     "bits"};
  idl::IdlOptions cached = sdk_options();
  cached.import_cache = idl::make_import_cache();
  for (const std::string& n : names) {
    CAPTURE(n);
    const std::string path = kInc + "/" + n + ".idl";
    CHECK(model::diff(read_ok(path, cached), read_ok(path, sdk_options())) == "");
  }
}

TEST_CASE("import cache: not used by a read with other macros") {
  const fs::path dir = write_macro_files();
  const std::string lib = (dir / "lib.idl").string();
  idl::IdlOptions wide;
  wide.defines = {{"WIDE", std::nullopt}};
  wide.import_cache = idl::make_import_cache();
  model::Library first = read_ok(lib, wide);
  idl::IdlOptions narrow;
  narrow.import_cache = wide.import_cache;  // same cache, other macros
  model::Library second = read_ok(lib, narrow);
  CHECK(model::diff(second, read_ok(lib, idl::IdlOptions{})) == "");
  CHECK(model::diff(first, second) != "");  // the macro does change the library
}

TEST_CASE("import cache: a file read past the error limit is not kept") {
  const fs::path dir = write_macro_files();
  const std::string lib = (dir / "lib.idl").string();
  idl::IdlOptions o;
  o.import_cache = idl::make_import_cache();
  {
    support::DiagEngine full(1);
    full.error("TK0000", {}, "an earlier error");
    (void)idl::read_idl(lib, o, full);  // reads quietly, the parse unwinding at once
  }
  CHECK(model::diff(read_ok(lib, o), read_ok(lib, idl::IdlOptions{})) == "");
}
