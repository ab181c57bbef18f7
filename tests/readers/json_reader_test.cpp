// The JSON reader on hand-written descriptors: what a valid one turns into, and for each kind of
// mistake the one diagnostic it gets — with file:line:column and the JSON path of the bad
// element — and never a crash or a partial library. Layer: tests.
#include <doctest/doctest.h>

#include <string>

#include "readers/json/json_locate.h"
#include "readers/json/json_reader.h"

using namespace tlbkit;

namespace {
// Line numbers of this document matter to the tests below.
const std::string kDoc = R"({
  "$schema": "https://tlbkit.dev/schemas/tlbkit.schema.json",
  "formatVersion": 1,
  "name": "L",
  "version": "1.0",
  "lcid": 0,
  "syskind": "win32",
  "imports": [
    {"libid": "{00020430-0000-0000-C000-000000000046}", "version": "2.0", "lcid": 0, "file": "stdole2.tlb", "name": "stdole"}
  ],
  "types": [
    {
      "kind": "interface",
      "name": "I",
      "layout": {"size": 4, "alignment": 4, "vtableSize": 28},
      "bases": [{"type": {"user": "IUnknown", "import": 0}}],
      "functions": [
        {"name": "F", "memid": 1, "invkind": "func", "funckind": "purevirtual", "callconv": "stdcall", "vtableOffset": 0, "result": "HRESULT", "params": [{"name": "p", "type": "I4", "flags": ["in"]}]}
      ]
    }
  ]
}
)";

/// kDoc with the one occurrence of `from` replaced by `to`.
std::string with(const std::string& from, const std::string& to) {
  size_t pos = kDoc.find(from);
  REQUIRE_MESSAGE(pos != std::string::npos, from);
  REQUIRE_MESSAGE(kDoc.find(from, pos + 1) == std::string::npos, from);
  return kDoc.substr(0, pos) + to + kDoc.substr(pos + from.size());
}

/// The single diagnostic reading `text` gives, in gcc style; the read must fail.
std::string error_of(const std::string& text) {
  support::DiagEngine diags;
  auto lib = json::read_json(text, "in.json", diags);
  CHECK_FALSE(lib.has_value());
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].severity == support::Severity::Error);
  return support::format_diagnostic(diags.all()[0], support::DiagStyle::Gcc);
}

/// 1-based column of `needle` on 1-based line `line` of `text`.
uint32_t column_of(const std::string& text, int line, const std::string& needle) {
  size_t pos = 0;
  for (int i = 1; i < line; ++i) pos = text.find('\n', pos) + 1;
  size_t at = text.find(needle, pos);
  REQUIRE(at < text.find('\n', pos));
  return static_cast<uint32_t>(at - pos + 1);
}

std::string at(int line, uint32_t column) {
  return "in.json:" + std::to_string(line) + ":" + std::to_string(column) + ": error: ";
}
}  // namespace

TEST_CASE("a valid descriptor reads into the library it describes") {
  support::DiagEngine diags;
  auto lib = json::read_json(kDoc, "in.json", diags);
  REQUIRE(lib);
  CHECK_FALSE(diags.has_errors());
  CHECK(lib->name == "L");
  CHECK(lib->version == model::Version{1, 0});
  CHECK(lib->syskind == model::SysKind::Win32);
  CHECK_FALSE(lib->libid.has_value());
  REQUIRE(lib->imports.size() == 1);
  CHECK(lib->imports[0].libid == model::stdole_libid());
  REQUIRE(lib->types.size() == 1);
  const auto& itf = std::get<model::InterfaceDef>(lib->types[0].def);
  REQUIRE(itf.bases.size() == 1);
  CHECK(std::get<model::UserType>(itf.bases[0].type.v).import == 0u);
  REQUIRE(itf.functions.size() == 1);
  const model::Function& f = itf.functions[0];
  CHECK(f.name == "F");
  CHECK(f.memid == 1);
  CHECK(f.funckind == model::FuncKind::PureVirtual);
  CHECK(f.result == model::TypeRef::base(model::vt::HResult));
  REQUIRE(f.params.size() == 1);
  CHECK(f.params[0].flags == model::paramflag::In);
  CHECK(f.params[0].type == model::TypeRef::base(model::vt::I4));
  CHECK(lib->types[0].layout == model::TypeLayout{4, 4, 28});
}

TEST_CASE("text that is not JSON: TK3001 where parsing stopped") {
  // A missing comma: the parser stops at the next key, line 7.
  CHECK(error_of(with("\"lcid\": 0,\n", "\"lcid\": 0\n")) ==
        at(7, 3) + "not valid JSON: expected ',' or '}' after an object member [TK3001]\n");
  CHECK(error_of(with("\"formatVersion\": 1", "\"formatVersion\": tru")) ==
        at(3, 20) + "not valid JSON: invalid literal (true, false and null are the only ones) [TK3001]\n");
  std::string cut = kDoc.substr(0, kDoc.find("\"types\""));
  CHECK(error_of(cut) == at(11, 3) + "not valid JSON: expected a property name in double quotes [TK3001]\n");
  CHECK(error_of("") == "in.json:1:1: error: not valid JSON: unexpected end of input; expected a value [TK3001]\n");
  CHECK(error_of("{\"a\": \"\xC3(\"}") ==
        "in.json:1:8: error: not valid JSON: bytes that are not UTF-8 in a string [TK3001]\n");
  CHECK(error_of(kDoc + "{}") == at(23, 1) + "not valid JSON: unexpected text after the JSON value [TK3001]\n");
}

TEST_CASE("a member of the wrong type: its path and where its value starts") {
  CHECK(error_of(with("\"name\": \"L\"", "\"name\": 5")) ==
        at(4, 11) + "$.name: expected a string [TK3002]\n");
  CHECK(error_of(with("\"lcid\": 0,\n", "\"lcid\": -1,\n")) ==
        at(6, 11) + "$.lcid: expected an integer from 0 to 4294967295 [TK3002]\n");
  CHECK(error_of(with("\"memid\": 1", "\"memid\": 4294967296")) ==
        at(18, column_of(kDoc, 18, "1, \"invkind\"")) +
            "$.types[0].functions[0].memid: expected an integer from -2147483648 to 2147483647 "
            "[TK3002]\n");
  CHECK(error_of(with("\"memid\": 1", "\"memid\": 1.5")).find("expected an integer") !=
        std::string::npos);
  CHECK(error_of(with("\"lcid\": 0,\n", "\"lcid\": 0,\n  \"custom\": {},\n")) ==
        at(7, 13) + "$.custom: expected an array [TK3002]\n");
  CHECK(error_of("[]") == "in.json:1:1: error: $: expected an object [TK3002]\n");
}

TEST_CASE("an unknown property is reported at its key") {
  CHECK(error_of(with("\"lcid\": 0,\n", "\"lcid\": 0, \"colour\": 1,\n")) ==
        at(6, 14) + "$.colour: unknown property \"colour\" [TK3002]\n");
  // Inside a one-line type reference, deep in the document.
  std::string text = with("\"type\": \"I4\"", "\"type\": {\"pointer\": \"I4\", \"const\": true}");
  CHECK(error_of(text) == at(18, column_of(text, 18, "\"const\"")) +
                              "$.types[0].functions[0].params[0].type.const: unknown property "
                              "\"const\" [TK3002]\n");
  // A key only found with its escapes decoded.
  text = with("\"lcid\": 0,\n", "\"lcid\": 0, \"\\u0063olour\": 1,\n");
  CHECK(error_of(text) == at(6, 14) + "$.colour: unknown property \"colour\" [TK3002]\n");
  // A member that belongs to another kind.
  text = with("\"bases\": [", "\"fields\": [], \"bases\": [");
  CHECK(error_of(text) == at(16, 7) + "$.types[0].fields: unknown property \"fields\" [TK3002]\n");
}

TEST_CASE("a missing property is reported at the object that lacks it") {
  std::string text = with("  \"syskind\": \"win32\",\n", "");
  CHECK(error_of(text) == at(1, 1) + "$: missing property \"syskind\" [TK3002]\n");
  text = with("\"vtableSize\": 28", "\"vtable\": 28");
  CHECK(error_of(text) == at(15, 17) + "$.types[0].layout: missing property \"vtableSize\" [TK3002]\n");
  text = with("\"params\": [{\"name\": \"p\", ", "\"params\": [{");
  CHECK(error_of(text).find("$.types[0].functions[0].params[0]: missing property \"name\"") !=
        std::string::npos);
}

TEST_CASE("names that are not known: VARTYPEs, flags, kinds") {
  std::string text = with("\"type\": \"I4\"", "\"type\": \"I5\"");
  std::string e = error_of(text);
  CHECK(e.rfind(at(18, column_of(text, 18, "\"I5\"")) +
                    "$.types[0].functions[0].params[0].type: unknown VARTYPE \"I5\" (known: EMPTY, NULL, I2, I4",
                0) == 0);
  text = with("\"flags\": [\"in\"]", "\"flags\": [\"in\", \"sideways\"]");
  CHECK(error_of(text).rfind(at(18, column_of(text, 18, "\"sideways\"")) +
                                 "$.types[0].functions[0].params[0].flags[1]: unknown flag \"sideways\"",
                             0) == 0);
  text = with("\"kind\": \"interface\"", "\"kind\": \"struct\"");
  CHECK(error_of(text).rfind(at(13, 15) + "$.types[0].kind: unknown kind \"struct\"", 0) == 0);
  text = with("\"invkind\": \"func\"", "\"invkind\": \"method\"");
  CHECK(error_of(text).find("unknown invoke kind \"method\" (known: func, propget, propput, propputref)") != std::string::npos);
  text = with("\"syskind\": \"win32\"", "\"syskind\": 256");
  CHECK(error_of(text) == at(7, 14) + "$.syskind: expected an integer from 0 to 255 [TK3002]\n");
  text = with("\"type\": \"I4\"", "\"type\": true");
  CHECK(error_of(text).find("params[0].type: expected a type") != std::string::npos);
}

TEST_CASE("values, GUIDs and versions must be well formed") {
  std::string text = with("\"version\": \"1.0\"", "\"version\": \"1.0.0\"");
  CHECK(error_of(text) == at(5, 14) + "$.version: expected a version \"MAJOR.MINOR\", each from 0 to 65535 [TK3002]\n");
  for (const char* bad : {"\"1\"", "\".1\"", "\"1.\"", "\"65536.0\"", "\"-1.0\"", "\"+1.0\"", "\"1. 0\""}) {
    CAPTURE(bad);
    CHECK(error_of(with("\"version\": \"1.0\"", std::string("\"version\": ") + bad)).find("$.version: expected a version") != std::string::npos);
  }
  text = with("\"libid\": \"{00020430", "\"libid\": \"{X0020430");
  CHECK(error_of(text).find("$.imports[0].libid: expected a GUID") != std::string::npos);
  text = with("\"flags\": [\"in\"]", "\"flags\": [\"in\"], \"default\": {\"vt\": \"I4\", \"int\": 1, \"text\": \"1\"}");
  CHECK(error_of(text).find("params[0].default: a value has at most one of") != std::string::npos);
  text = with("\"flags\": [\"in\"]", "\"flags\": [\"in\"], \"default\": {\"vt\": \"R8\", \"double\": \"lots\"}");
  CHECK(error_of(text).find("params[0].default.double: expected a number, \"NaN\"") != std::string::npos);
  text = with("\"flags\": [\"in\"]", "\"flags\": [\"in\"], \"default\": {\"int\": 1}");
  CHECK(error_of(text).find("params[0].default: missing property \"vt\"") != std::string::npos);
}

TEST_CASE("references to imports and types must exist") {
  std::string text = with("\"import\": 0", "\"import\": 1");
  CHECK(error_of(text) == at(16, column_of(text, 16, "1}")) +
                              "$.types[0].bases[0].type.import: import 1 does not exist (the library "
                              "has 1 imports) [TK3002]\n");
  text = with("{\"user\": \"IUnknown\", \"import\": 0}", "{\"user\": \"I\", \"index\": 1}");
  CHECK(error_of(text).find("$.types[0].bases[0].type.index: type 1 does not exist (the library has 1 types)") != std::string::npos);
  text = with("{\"user\": \"IUnknown\", \"import\": 0}", "{\"user\": \"I\", \"index\": 0}");
  support::DiagEngine diags;
  CHECK(json::read_json(text, "in.json", diags).has_value());
}

TEST_CASE("the format version is checked first; the schema must be ours") {
  std::string text = with("\"formatVersion\": 1", "\"formatVersion\": 2, \"newThing\": 1");
  CHECK(error_of(text) == at(3, 20) + "$.formatVersion: unsupported format version 2 (this tlbkit reads version 1) [TK3002]\n");
  text = with("\"formatVersion\": 1", "\"formatVersion\": \"1\"");
  CHECK(error_of(text).find("unsupported format version \"1\"") != std::string::npos);
  text = with("\"$schema\": \"https://tlbkit.dev/", "\"$schema\": \"https://example.com/");
  CHECK(error_of(text).rfind(at(2, 14) + "$.$schema: expected \"https://tlbkit.dev/schemas/tlbkit.schema.json\"", 0) == 0);
}

TEST_CASE("a key given twice in one object is an error at its second occurrence") {
  std::string text = with("\"lcid\": 0,\n", "\"lcid\": 0, \"lcid\": 1,\n");
  CHECK(error_of(text) == at(6, 14) + "$.lcid: property \"lcid\" appears twice [TK3002]\n");
  text = with("\"alignment\": 4,", "\"alignment\": 4, \"size\": 4,");
  CHECK(error_of(text) == at(15, column_of(text, 15, "\"size\": 4, \"v")) + "$.types[0].layout.size: property \"size\" appears twice [TK3002]\n");
  // The same key in different objects is fine.
  support::DiagEngine diags;
  CHECK(json::read_json(kDoc, "in.json", diags).has_value());
}

TEST_CASE("hostile nesting is refused without exhausting the stack") {
  std::string deep(100000, '[');
  CHECK(error_of(deep + std::string(100000, ']')).find("nested more than 256 levels") != std::string::npos);
  // A type reference nested deeper than any library has, inside the depth JSON allows.
  std::string ref;
  for (int i = 0; i < 250; ++i) ref += "{\"pointer\": ";
  ref += "\"I4\"" + std::string(250, '}');
  std::string e = error_of(with("\"type\": \"I4\"", "\"type\": " + ref));
  CHECK(e.find("nested more than 256 levels") != std::string::npos);
  // Just deep enough still reads.
  ref.clear();
  for (int i = 0; i < 200; ++i) ref += "{\"pointer\": ";
  ref += "\"I4\"" + std::string(200, '}');
  support::DiagEngine diags;
  CHECK(json::read_json(with("\"type\": \"I4\"", "\"type\": " + ref), "in.json", diags).has_value());
}

TEST_CASE("JSON paths and line/column positions") {
  CHECK(json::format_path({}) == "$");
  CHECK(json::format_path({std::string("types"), size_t{3}, std::string("odd key"), std::string("$schema")}) ==
        "$.types[3][\"odd key\"].$schema");
  CHECK(json::format_path({std::string("a\"b\n")}) == "$[\"a\\\"b\\u000a\"]");
  CHECK(json::line_column("ab\ncd\xC3\xA9" "ef", 0).line == 1);
  auto lc = json::line_column("ab\ncd\xC3\xA9" "ef", 8);  // at 'f'; é is one column
  CHECK(lc.line == 2);
  CHECK(lc.column == 5);
  lc = json::line_column("ab", 99);  // past the end: the end
  CHECK(lc.column == 3);
}
