// The JSON writer on small hand-built models: the exact layout of a descriptor, constants by
// name with unknown values kept as numbers, values with their exact datum, string escaping,
// determinism, and that what it writes reads back into the same model. Layer: tests.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>

#include "model/compare.h"
#include "readers/json/json_reader.h"
#include "writers/json/json_emitter.h"
#include "writers/json/json_writer.h"
#include "writers/json_sample_library.h"

using namespace tlbkit;
using namespace tlbkit::testing;

namespace {
bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string escaped(std::string_view s) {
  std::string out;
  json::append_json_string(out, s);
  return out;
}

std::optional<model::Library> read_back(const std::string& text, std::string* diag_text = nullptr) {
  support::DiagEngine diags;
  auto lib = json::read_json(text, "back.json", diags);
  for (const auto& d : diags.all())
    if (diag_text) *diag_text += support::format_diagnostic(d, support::DiagStyle::Gcc);
  return lib;
}
}  // namespace

TEST_CASE("a small library is written exactly so: fixed key order, 2-space indent, one line per member") {
  model::Library lib;
  lib.name = "Tiny";
  lib.libid = guid_of("{11111111-2222-3333-4444-555555555555}");
  lib.version = {1, 0};
  lib.syskind = model::SysKind::Win64;
  lib.imports = {{model::stdole_libid(), {2, 0}, 0, "stdole2.tlb", "stdole"}};
  model::InterfaceDef itf;
  itf.bases = {{user_ref("IUnknown", std::nullopt, 0), 0, {}}};
  model::Function f;
  f.name = "Get";
  f.memid = 0x60010000;
  f.vtable_offset = 24;
  f.invkind = model::InvokeKind::PropertyGet;
  f.result = model::TypeRef::base(model::vt::HResult);
  f.params = {param("value", model::TypeRef::pointer_to(model::TypeRef::base(model::vt::Bstr)),
                    model::paramflag::Out | model::paramflag::RetVal)};
  itf.functions = {f};
  model::TypeInfo t = type_named("ITiny", itf);
  t.guid = guid_of("{66666666-7777-8888-9999-AAAAAAAAAAAA}");
  t.flags = model::typeflag::OleAutomation;
  t.layout = {8, 8, 32};
  lib.types = {t};

  const std::string expected = R"({
  "$schema": "https://tlbkit.dev/schemas/tlbkit.schema.json",
  "formatVersion": 1,
  "name": "Tiny",
  "libid": "{11111111-2222-3333-4444-555555555555}",
  "version": "1.0",
  "lcid": 0,
  "syskind": "win64",
  "imports": [
    {"libid": "{00020430-0000-0000-C000-000000000046}", "version": "2.0", "lcid": 0, "file": "stdole2.tlb", "name": "stdole"}
  ],
  "types": [
    {
      "kind": "interface",
      "name": "ITiny",
      "guid": "{66666666-7777-8888-9999-AAAAAAAAAAAA}",
      "flags": ["oleautomation"],
      "layout": {"size": 8, "alignment": 8, "vtableSize": 32},
      "bases": [
        {"type": {"user": "IUnknown", "import": 0}}
      ],
      "functions": [
        {"name": "Get", "memid": 1610678272, "invkind": "propget", "vtableOffset": 24, "result": "HRESULT", "params": [{"name": "value", "type": {"pointer": "BSTR"}, "flags": ["out", "retval"]}]}
      ]
    }
  ]
}
)";
  CHECK(json::write_json(lib) == expected);
}

TEST_CASE("an empty library still names its schema, format version and empty lists") {
  model::Library lib;
  std::string out = json::write_json(lib);
  CHECK(out == R"({
  "$schema": "https://tlbkit.dev/schemas/tlbkit.schema.json",
  "formatVersion": 1,
  "name": "",
  "version": "0.0",
  "lcid": 0,
  "syskind": "win64",
  "imports": [],
  "types": []
}
)");
}

TEST_CASE("flags are lists of names; bits without a name are kept as one number") {
  std::string out = json::write_json(sample_library());
  CHECK(contains(out, R"("flags": ["control", "hidden", 256])"));                  // library
  CHECK(contains(out, R"("flags": ["readonly", "hidden", 32768])"));               // variable
  CHECK(contains(out, R"("flags": ["restricted", "hidden", 16384])"));             // function
  CHECK(contains(out, R"("flags": ["in", "hasdefault", 4096])"));                  // param
  CHECK(contains(out, R"("flags": ["default", "source", 32])"));                   // impl type
  CHECK(contains(out, R"("flags": ["cancreate", 32768])"));                        // type
  CHECK(contains(out, R"("flags": ["in", "optional", "hasdefault"])"));
  CHECK(contains(out, R"("flags": ["out", "retval"])"));
  CHECK_FALSE(contains(out, R"("flags": [])"));  // no flags: no member
}

TEST_CASE("kinds, VARTYPEs and enumerations are names; values without one stay numbers") {
  std::string out = json::write_json(sample_library());
  CHECK(contains(out, R"("kind": "dispinterface")"));
  CHECK(contains(out, R"("invkind": "propputref")"));
  CHECK(contains(out, R"("funckind": "virtual")"));
  CHECK(contains(out, R"("callconv": "cdecl")"));
  CHECK(contains(out, R"("varkind": "dispatch")"));
  CHECK(contains(out, R"("syskind": "win32")"));
  CHECK(contains(out, R"("invkind": 3)"));
  CHECK(contains(out, R"("funckind": 9)"));
  CHECK(contains(out, R"("callconv": 42)"));
  CHECK(contains(out, R"("type": 16387)"));  // VT_BYREF|VT_I4
  CHECK(contains(out, R"("type": {"safearray": "BSTR"})"));
  CHECK(contains(out, R"("type": {"carray": "UI1", "bounds": [{"lower": 0, "count": 16}, {"lower": -3, "count": 4}]})"));
  CHECK(contains(out, R"("type": {"pointer": {"pointer": {"user": "Colors", "index": 0}}})"));
  CHECK(contains(out, R"("type": {"user": "GUID", "import": 0, "guid": "{00020400-0000-0000-C000-000000000046}"})"));
}

TEST_CASE("values keep their VARTYPE and their exact datum") {
  std::string out = json::write_json(sample_library());
  CHECK(contains(out, R"("vt": "I4", "int": -2147483648)"));
  CHECK(contains(out, R"("vt": "I8", "int": -9223372036854775808)"));
  CHECK(contains(out, R"("vt": "UI8", "int": -1)"));  // UI8 as its bit pattern, as the model holds it
  CHECK(contains(out, R"("vt": "R8", "double": 0.1})"));
  CHECK(contains(out, R"("vt": "R8", "double": 1e+300})"));
  CHECK(contains(out, R"("vt": "R4", "double": 1.5})"));
  CHECK(contains(out, R"("vt": "BSTR", "text": "nul\u0000inside"})"));
  CHECK(contains(out, R"("vt": "BSTR", "text": ""})"));
  CHECK(contains(out, R"({"guid": "{00000004-0000-0000-0000-000000000004}", "vt": "EMPTY"})"));
  CHECK(contains(out, R"("entry": "BeepW")"));
  CHECK(contains(out, R"("entry": 12)"));
}

TEST_CASE("doubles: shortest text that reads back bit for bit, always floating point") {
  std::string out;
  json::Emitter e(out);
  e.begin_array(true);
  for (double d : {1.0, -0.0, 0.5, 1e21, 5e-324, std::numeric_limits<double>::max(),
                   std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                   -std::numeric_limits<double>::infinity()})
    e.real(d);
  e.end_array();
  CHECK(out == "[1.0, -0.0, 0.5, 1e+21, 5e-324, 1.7976931348623157e+308, \"NaN\", \"Infinity\", "
               "\"-Infinity\"]\n");

  // Every awkward double survives writer → reader exactly (compared as bits, so -0.0 counts).
  model::Library lib;
  const double awkward[] = {0.1, 1.0 / 3, 2.0 / 3, 5e-324, 2.2250738585072014e-308, 1e23,
                            9007199254740993.0, 123456789.123456789, -0.0,
                            std::numeric_limits<double>::max(), std::numeric_limits<double>::infinity()};
  for (double d : awkward)
    lib.custom.push_back({model::Guid{}, double_value(model::vt::R8, d)});
  auto back = read_back(json::write_json(lib));
  REQUIRE(back);
  REQUIRE(back->custom.size() == std::size(awkward));
  for (size_t i = 0; i < std::size(awkward); ++i) {
    CAPTURE(awkward[i]);
    double got = std::get<double>(back->custom[i].value.data);
    CHECK(std::memcmp(&got, &awkward[i], sizeof got) == 0);
  }
}

TEST_CASE("NaN is written as \"NaN\" and read back as NaN") {
  model::Library lib;
  lib.custom.push_back({model::Guid{}, double_value(model::vt::R8, std::nan(""))});
  std::string out = json::write_json(lib);
  CHECK(contains(out, R"("vt": "R8", "double": "NaN")"));
  auto back = read_back(out);
  REQUIRE(back);
  CHECK(std::isnan(std::get<double>(back->custom[0].value.data)));
}

TEST_CASE("strings: JSON escapes for quotes, backslashes and control characters; UTF-8 kept") {
  CHECK(escaped("plain") == R"("plain")");
  CHECK(escaped("a\"b\\c") == R"("a\"b\\c")");
  CHECK(escaped("\n\r\t\b\f") == R"("\n\r\t\b\f")");
  CHECK(escaped(std::string("\x01\x1f\0", 3)) == R"("\u0001\u001f\u0000")");
  CHECK(escaped("\x7f") == "\"\x7f\"");
  CHECK(escaped("h\xC3\xA9llo \xF0\x9F\x98\x80") == "\"h\xC3\xA9llo \xF0\x9F\x98\x80\"");
  // Bytes that are not UTF-8 are kept as escapes of U+DC80…U+DCFF, one per byte.
  CHECK(escaped("a\xE9z") == R"("a\udce9z")");
  CHECK(escaped("\xC3") == R"("\udcc3")");              // truncated sequence
  CHECK(escaped("\xC0\xAF") == R"("\udcc0\udcaf")");    // overlong
  CHECK(escaped("\xED\xA0\x80") == R"("\udced\udca0\udc80")");  // a UTF-16 surrogate
  CHECK(escaped("\xF4\x90\x80\x80") == R"("\udcf4\udc90\udc80\udc80")");  // past U+10FFFF
}

TEST_CASE("members holding their default are left out; a null GUID is not a missing GUID") {
  std::string out = json::write_json(sample_library());
  CHECK(contains(out, R"("guid": "{00000000-0000-0000-0000-000000000000}")"));
  // The record type has no GUID, no flags, no docs and no custom data.
  auto rec = out.find(R"("name": "Rec")");
  auto layout = out.find(R"("layout")", rec);
  std::string head = out.substr(rec, layout - rec);
  CHECK(head == "\"name\": \"Rec\",\n      \"version\": \"1.2\",\n      ");
  // A function without optional parameters, docs, entry or custom data; kinds that are the usual
  // ones (func, purevirtual, stdcall, perinstance) are not written.
  CHECK(contains(out, "\n        {\"name\": \"Run\", \"memid\": 7, \"funckind\": \"dispatch\", "
                      "\"vtableOffset\": 0, \"result\": \"VARIANT\", \"params\": []}\n"));
  CHECK(contains(out, "\n        {\"name\": \"a\", \"memid\": -1, \"type\": \"I4\", \"offset\": 0},\n"));
  CHECK_FALSE(contains(out, "\"invkind\": \"func\""));
  CHECK_FALSE(contains(out, "\"funckind\": \"purevirtual\""));
  CHECK_FALSE(contains(out, "\"callconv\": \"stdcall\""));
  CHECK_FALSE(contains(out, "\"varkind\": \"perinstance\""));
}

TEST_CASE("the descriptor is deterministic: same model, same bytes; plain layout") {
  model::Library lib = sample_library();
  std::string a = json::write_json(lib);
  model::Library copy = lib;
  CHECK(json::write_json(copy) == a);
  CHECK(json::write_json(lib) == a);
  CHECK(a.back() == '\n');
  CHECK(a.find('\r') == std::string::npos);
  CHECK(a.find('\t') == std::string::npos);
  size_t line_start = 0;
  while (line_start < a.size()) {
    size_t end = a.find('\n', line_start);
    std::string line = a.substr(line_start, end - line_start);
    CAPTURE(line);
    CHECK(line.find_first_not_of(' ') % 2 == 0);  // 2-space indentation
    CHECK((line.empty() || line.back() != ' '));   // no trailing space
    line_start = end + 1;
  }
}

TEST_CASE("what the writer writes, the reader reads back into an identical model") {
  model::Library lib = sample_library();
  std::string diags;
  auto back = read_back(json::write_json(lib), &diags);
  REQUIRE_MESSAGE(back, diags);
  CHECK(model::diff(lib, *back) == "");
  CHECK(*back == lib);
  CHECK(json::write_json(*back) == json::write_json(lib));
}

TEST_CASE("unnamed values round-trip: enumerations and VARTYPEs beyond the named ones") {
  model::Library lib = sample_library();
  lib.syskind = static_cast<model::SysKind>(7);
  model::Variable v = field("x", model::TypeRef::base(0xFFFF), 0);
  v.varkind = static_cast<model::VarKind>(200);
  v.value = int_value(0x2011, 5);  // VT_ARRAY|VT_UI1
  std::get<model::RecordDef>(lib.types[1].def).fields.push_back(v);
  std::string out = json::write_json(lib);
  CHECK(contains(out, R"("syskind": 7)"));
  CHECK(contains(out, R"("varkind": 200)"));
  CHECK(contains(out, R"("value": {"vt": 8209, "int": 5})"));
  auto back = read_back(out);
  REQUIRE(back);
  CHECK(model::diff(lib, *back) == "");
}

TEST_CASE("the sample library's descriptor equals its golden file (which the schema test validates)") {
  const std::string golden_path =
      std::string(TLBKIT_SOURCE_DIR) + "/tests/writers/json_sample_library.json";
  std::string out = json::write_json(sample_library());
  const char* update = std::getenv("UPDATE_GOLDENS");
  const char* ci = std::getenv("CI");
  if (update && std::string(update) == "1") {
    REQUIRE_MESSAGE(!(ci && std::string(ci) == "true"), "UPDATE_GOLDENS is refused when CI=true");
    std::ofstream(golden_path, std::ios::binary) << out;
  }
  std::ifstream in(golden_path, std::ios::binary);
  REQUIRE_MESSAGE(in, golden_path);
  std::stringstream ss;
  ss << in.rdbuf();
  CHECK(out == ss.str());
}

TEST_CASE("text that is not UTF-8 survives the round trip byte for byte") {
  model::Library lib = sample_library();
  lib.name = "Caf\xE9";                                        // Latin-1, not UTF-8
  lib.types[0].docs.helpstring = std::string("\xFF\x80\xC3", 3);  // stray bytes, a cut sequence
  lib.custom[2].value.data = std::string("\xED\xA0\x80 ok \xF0\x9F\x98\x80");  // a surrogate, then UTF-8
  std::string out = json::write_json(lib);
  CHECK(contains(out, R"("name": "Caf\udce9")"));
  CHECK(contains(out, R"("helpstring": "\udcff\udc80\udcc3")"));
  CHECK(contains(out, "\"text\": \"\\udced\\udca0\\udc80 ok \xF0\x9F\x98\x80\""));
  std::string diags;
  auto back = read_back(out, &diags);
  REQUIRE_MESSAGE(back, diags);
  CHECK(model::diff(lib, *back) == "");
}
