// C/C++ headers as the input of every command (issue 5): `inspect` in each format, `import
// --json` and `--cpp`, `export` to a typelib that reads back as the model the header gave; the
// header options (--target, -I, -D, --include/--exclude, --dll, --dll-map, --clang-arg) reach the
// reader through the driver; a header that does not parse gives one located error and writes
// nothing, whatever the command. The real runtime judges the typelibs in
// tests/cli/runtime_headers.sh. Layer: tests (driver).
#include <doctest/doctest.h>

#include <cctype>
#include <string>
#include <vector>

#include "driver/corpus_util.h"
#include "driver/written_listing.h"
#include "driver/driver.h"
#include "driver/inputs.h"

using namespace tlbkit;
using namespace tlbkit::testing;

namespace {
const std::string kUnit = source_dir() + "/testdata/cheader/unit/";
const std::string kWidlH = source_dir() + "/testdata/cheader/widl-h/";

struct Run {
  int rc = -1;
  support::DiagEngine diags;
  support::MemorySink sink;
  const std::string& file(const std::string& name) {
    static const std::string none;
    auto it = sink.files.find(name);
    return it == sink.files.end() ? none : it->second;
  }
};

driver::Options options(driver::Command c, const std::string& input) {
  driver::Options o;
  o.command = c;
  o.input = input;
  return o;
}

driver::Options inspect(const std::string& input, const std::string& format) {
  driver::Options o = options(driver::Command::Inspect, input);
  o.format = format;
  o.output = "out." + format;
  return o;
}

void run(const driver::Options& o, Run& r) { r.rc = driver::run(o, r.diags, r.sink); }

size_t count_code(const support::DiagEngine& d, const std::string& code) {
  size_t n = 0;
  for (const auto& x : d.all()) n += x.code == code ? 1 : 0;
  return n;
}

bool contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

TEST_CASE("headers: inspect reads a widl header in every format") {
  const std::string h = kWidlH + "taskschd.h";
  Run text, json, idl, oleaut;
  run(inspect(h, "text"), text);
  run(inspect(h, "json"), json);
  run(inspect(h, "idl"), idl);
  run(inspect(h, "oleaut"), oleaut);
  for (Run* r : {&text, &json, &idl, &oleaut}) REQUIRE(r->rc == 0);
  CHECK(contains(text.file("out.text"), "interface ITaskService"));
  CHECK(contains(text.file("out.text"), "{2FABA4C7-4DA9-4013-9697-20CC3FD40F85}"));
  CHECK(contains(json.file("out.json"), "\"name\": \"ITaskService\""));
  CHECK(contains(idl.file("out.idl"), "interface ITaskService : IDispatch"));
  CHECK(contains(oleaut.file("out.oleaut"), "ITaskService"));
}

TEST_CASE("headers: import --json writes what inspect --format json prints; --cpp writes bindings") {
  const std::string h = kWidlH + "taskschd.h";
  Run j, i, c;
  driver::Options oj = options(driver::Command::Import, h);
  oj.json_output = "taskschd.json";
  run(oj, j);
  run(inspect(h, "json"), i);
  REQUIRE(j.rc == 0);
  REQUIRE(i.rc == 0);
  CHECK(j.file("taskschd.json") == i.file("out.json"));

  driver::Options oc = options(driver::Command::Import, h);
  oc.cpp_dir = "gen";
  run(oc, c);
  REQUIRE(c.rc == 0);
  const std::string& bindings = c.file("gen/taskschd.h");
  CHECK(contains(bindings, "ITaskService"));
  CHECK_FALSE(c.file("gen/tlbkit_com.h").empty());
}

TEST_CASE("headers: export writes a typelib that lists as the header's model, for each target") {
  for (const char* target : {"win64", "win32"}) {
    CAPTURE(target);
    const std::string h = kWidlH + "taskschd.h";
    driver::Options oe = options(driver::Command::Export, h);
    oe.target = target;
    oe.output = "taskschd.tlb";
    driver::Options ol = inspect(h, "oleaut");
    ol.target = target;
    Run e, l;
    run(oe, e);
    run(ol, l);
    REQUIRE(e.rc == 0);
    REQUIRE(l.rc == 0);
    const std::string listing = listing_of(e.file("taskschd.tlb"));
    // A typelib keeps one spelling per name, case aside (its name table is case-insensitive: the
    // first spelling written wins, as MIDL's does), so the two agree up to case.
    CHECK(lower(listing) == lower(l.file("out.oleaut")));
    CHECK(contains(listing, std::string(" syskind=") + (std::string(target) == "win64" ? "3" : "1")));
  }
}

TEST_CASE("headers: the same header and options give the same bytes") {
  driver::Options o = options(driver::Command::Export, kUnit + "layout.h");
  o.output = "a.tlb";
  Run a, b;
  run(o, a);
  run(o, b);
  REQUIRE(a.rc == 0);
  CHECK_FALSE(a.file("a.tlb").empty());
  CHECK(a.file("a.tlb") == b.file("a.tlb"));
}

TEST_CASE("headers: the reader's options reach it through the driver") {
  SUBCASE("--dll names the DLL of the module functions") {
    driver::Options o = inspect(kUnit + "funcs.h", "idl");
    o.dll = "thing.dll";
    Run r;
    run(o, r);
    REQUIRE(r.rc == 0);
    CHECK(contains(r.file("out.idl"), "dllname(\"thing.dll\")"));
  }
  SUBCASE("--dll-map gives each function its DLL") {
    driver::Options o = inspect(kUnit + "funcs.h", "json");
    o.dll_map = kUnit + "dlls.map";
    Run r;
    run(o, r);
    REQUIRE(r.rc == 0);
    CHECK(contains(r.file("out.json"), "thing.dll"));
    CHECK(contains(r.file("out.json"), "other.dll"));
  }
  SUBCASE("-I finds an included header") {
    driver::Options o = inspect(kUnit + "include_dir.h", "text");
    Run without, with;
    run(o, without);
    CHECK(without.rc != 0);
    o.include_dirs = {kUnit + "inc"};
    run(o, with);
    REQUIRE(with.rc == 0);
    CHECK(contains(with.file("out.text"), "UsesExtra"));
  }
  SUBCASE("--include and --exclude choose the headers and names whose declarations are taken") {
    driver::Options o = inspect(kUnit + "select.h", "text");
    Run named, more, fewer;
    run(o, named);
    o.header_includes = {"select_dep.h"};
    run(o, more);
    o.header_includes.clear();
    o.excludes = {"MineToo"};
    run(o, fewer);
    REQUIRE(named.rc == 0);
    REQUIRE(more.rc == 0);
    REQUIRE(fewer.rc == 0);
    // By default: what select.h declares, and what that needs (Dep), not the rest of select_dep.h.
    CHECK(contains(named.file("out.text"), "struct MineToo\n"));
    CHECK(contains(named.file("out.text"), "struct Dep\n"));
    CHECK_FALSE(contains(named.file("out.text"), "struct Unused\n"));
    CHECK(contains(more.file("out.text"), "struct Unused\n"));
    CHECK_FALSE(contains(fewer.file("out.text"), "struct MineToo\n"));
    CHECK(contains(fewer.file("out.text"), "struct Mine\n"));
  }
  SUBCASE("--target win32 lays pointers out in 4 bytes") {
    driver::Options o = inspect(kUnit + "layout.h", "json");
    Run w64, w32;
    run(o, w64);
    o.target = "win32";
    run(o, w32);
    REQUIRE(w64.rc == 0);
    REQUIRE(w32.rc == 0);
    CHECK(contains(w64.file("out.json"), "\"syskind\": \"win64\""));
    CHECK(contains(w32.file("out.json"), "\"syskind\": \"win32\""));
    CHECK(w64.file("out.json") != w32.file("out.json"));
  }
}

TEST_CASE("headers: a header that does not parse writes nothing, whatever the command") {
  const std::string h = kUnit + "missing_include.h";
  std::vector<driver::Options> all;
  all.push_back(inspect(h, "text"));
  all.push_back(inspect(h, "json"));
  driver::Options e = options(driver::Command::Export, h);
  e.output = "x.tlb";
  all.push_back(e);
  driver::Options j = options(driver::Command::Import, h);
  j.json_output = "x.json";
  all.push_back(j);
  driver::Options c = options(driver::Command::Import, h);
  c.cpp_dir = "gen";
  all.push_back(c);
  for (const driver::Options& o : all) {
    Run r;
    run(o, r);
    CHECK(r.rc == 1);
    CHECK(r.sink.files.empty());
    REQUIRE(r.diags.all().size() >= 1);
    const auto& d = r.diags.all().front();
    CHECK(d.severity == support::Severity::Error);
    CHECK(d.where.file.find("missing_include.h") != std::string::npos);
    CHECK(d.where.line == 2);
    CHECK(d.where.column == 10);
    CHECK(contains(d.message, "no_such_header_anywhere.h"));
    CHECK(r.diags.error_count() == 1);
  }
}

TEST_CASE("headers: what a typelib cannot hold is reported when exporting, kept in JSON") {
  // layout.h has bit-fields; the typelib writer says it drops them (TK6059), JSON keeps them.
  driver::Options e = options(driver::Command::Export, kUnit + "layout.h");
  e.output = "l.tlb";
  Run r, j;
  run(e, r);
  REQUIRE(r.rc == 0);
  CHECK(count_code(r.diags, "TK6059") >= 1);
  run(inspect(kUnit + "layout.h", "json"), j);
  REQUIRE(j.rc == 0);
  CHECK(contains(j.file("out.json"), "\"bitField\""));
}
