// The IDL writer on small focused libraries: golden outputs in testdata/golden/idl/ (one per
// construct: type kinds, interfaces, dispinterfaces, coclasses and modules, library attributes
// and imports), each compiled by widl when installed; string and constant spelling; names IDL
// cannot carry; determinism. UPDATE_GOLDENS=1 rewrites the goldens (refused when CI=true).
#include <doctest/doctest.h>

#include "readers/idl/idl_reader.h"
#include "writers/idl_test_util.h"
#include "writers/idl/idl_text.h"
#include "writers/idl/idl_writer.h"

using namespace tlbkit;
using namespace tlbkit::testing::idl;

namespace {

bool env_is(const char* name, const char* value) {
  const char* v = std::getenv(name);
  return v && std::string(v) == value;
}

/// Compares `got` with the golden file, or rewrites it under UPDATE_GOLDENS=1.
void check_golden(const std::string& got, const fs::path& golden) {
  if (env_is("UPDATE_GOLDENS", "1")) {
    REQUIRE_MESSAGE(!env_is("CI", "true"), "UPDATE_GOLDENS is refused when CI=true");
    std::ofstream(golden, std::ios::binary) << got;
    MESSAGE("rewrote " << golden.string());
    return;
  }
  REQUIRE_MESSAGE(fs::exists(golden), golden.string() << " is missing (UPDATE_GOLDENS=1 writes it)");
  std::string want = slurp_file(golden);
  if (got == want) return;
  std::istringstream a(want), b(got);
  std::string la, lb;
  int line = 1;
  while (std::getline(a, la) && std::getline(b, lb) && la == lb) ++line;
  FAIL_CHECK(golden.string() << " differs at line " << line << "\n  golden: " << la
                             << "\n  now:    " << lb << "\n(UPDATE_GOLDENS=1 rewrites it)");
}

/// One golden case: testdata/golden/idl/NAME.json → NAME.idl; with widl at hand, the IDL must
/// also compile.
void golden_case(const std::string& name) {
  std::string errors;
  auto lib = read_json_file(source("testdata/golden/idl/" + name + ".json"), errors);
  REQUIRE_MESSAGE(lib, errors);
  model::LibrarySet set = stdole_set();
  model::resolve_import_names(*lib, set);
  support::DiagEngine diags;
  std::string idl = idlw::write_idl(*lib, diags);
  CHECK_MESSAGE(!diags.has_errors(), diag_text(diags));
  check_golden(idl, source("testdata/golden/idl/" + name + ".idl"));
  // tlbkit's own IDL reader takes it back without an error.
  {
    ScratchDir dir("idlw-reader");
    fs::path file = dir.path() / (name + ".idl");
    std::ofstream(file, std::ios::binary) << idl;
    idl::IdlOptions opts;
    opts.target = lib->syskind;
    opts.load_importlib = [](const std::string& f, support::DiagEngine&) -> std::optional<model::Library> {
      std::string why;  // (a file that is not there: the reader reports it at the importlib)
      return read_tlb(source("testdata/corpus/wine/" + f), 0, why);
    };
    support::DiagEngine reader_diags;
    auto back = idl::read_idl(file.string(), opts, reader_diags);
    CHECK_MESSAGE(back, diag_text(reader_diags));
    CHECK_MESSAGE(!reader_diags.has_errors(), diag_text(reader_diags));
  }
  if (!have_widl()) return;
  ScratchDir dir("idlw-golden");
  std::string widl_errors;
  auto back = compile_with_widl(idl, lib->syskind == model::SysKind::Win64, dir, widl_errors);
  CHECK_MESSAGE(back, widl_errors);
}

model::Library tiny_library() {
  model::Library lib;
  lib.name = "Tiny";
  lib.libid = model::Guid::parse("{7A0C0009-0000-4000-8000-000000000001}");
  lib.version = {1, 0};
  model::TypeInfo e;
  e.name = "Mode";
  model::Variable v;
  v.name = "ModeOn";
  v.varkind = model::VarKind::Const;
  v.type = model::TypeRef::base(model::vt::Int);
  v.value = model::Value{model::vt::I4, int64_t{1}};
  e.def = model::EnumDef{{v}};
  lib.types.push_back(e);
  return lib;
}

}  // namespace

TEST_CASE("IDL golden: enums, structs, unions and aliases") { golden_case("types"); }
TEST_CASE("IDL golden: interfaces, dual, every function and parameter attribute") {
  golden_case("interfaces");
}
TEST_CASE("IDL golden: dispinterfaces in both forms") { golden_case("dispinterfaces"); }
TEST_CASE("IDL golden: coclasses and modules") { golden_case("coclasses"); }
TEST_CASE("IDL golden: library attributes, importlib and imported types") { golden_case("library"); }

TEST_CASE("IDL output is deterministic and names the tool without a path or a time") {
  std::string errors;
  auto lib = read_json_file(source("testdata/golden/idl/interfaces.json"), errors);
  REQUIRE_MESSAGE(lib, errors);
  model::Library copy = *lib;
  std::string a = idlw::write_idl(*lib), b = idlw::write_idl(copy);
  CHECK(a == b);
  std::string first = a.substr(0, a.find('\n'));
  CHECK(first.rfind("// IDL written by tlbkit", 0) == 0);
  CHECK(first.find('/', 2) == std::string::npos);  // no path
  CHECK(first.find(':') == std::string::npos);     // no clock time
}

TEST_CASE("IDL strings: only quote and backslash escaped, text in Windows-1252") {
  CHECK(*idlw::string_literal("a\"b\\c") == "\"a\\\"b\\\\c\"");
  // widl translates no other escape: a tab is written as itself. A line break cannot stand in
  // a string, so it is C's escape, which MIDL and tlbkit read.
  CHECK(*idlw::string_literal("t\tn\nr\r") == "\"t\tn\\nr\\r\"");
  CHECK(*idlw::string_literal("caf\xC3\xA9 \xE2\x82\xAC") == "\"caf\xE9 \x80\"");
  std::string bad;
  CHECK_FALSE(idlw::string_literal("\xE4\xB8\xAD", &bad));  // U+4E2D has no Windows-1252 byte
  CHECK(bad == "U+4E2D");
  CHECK_FALSE(idlw::string_literal("\xFF"));  // not UTF-8
}

TEST_CASE("IDL constants: each VARTYPE spelled so it is read back with its value") {
  using model::Value;
  namespace vt = model::vt;
  CHECK(*idlw::value_literal(Value{vt::I4, int64_t{-5}}) == "-5");
  CHECK(*idlw::value_literal(Value{vt::UI4, int64_t{0xFFFFFFFF}}) == "0xFFFFFFFF");
  CHECK(*idlw::value_literal(Value{vt::Bool, int64_t{-1}}) == "-1");
  CHECK(*idlw::value_literal(Value{vt::R8, 2.5}) == "2.5");
  CHECK(*idlw::value_literal(Value{vt::R8, 3.0}) == "3.0");  // stays a real
  CHECK(*idlw::value_literal(Value{vt::Bstr, std::string("x")}) == "\"x\"");
  CHECK(*idlw::value_literal(Value{vt::Bstr, std::monostate{}}) == "NULL");
  CHECK(*idlw::value_literal(Value{vt::Dispatch, std::monostate{}}) == "0");
  CHECK_FALSE(idlw::value_literal(Value{vt::Cy, int64_t{15000}}));  // no currency literal
  CHECK_FALSE(idlw::value_literal(Value{vt::Empty, std::monostate{}}));
}

TEST_CASE("IDL identifiers: keywords and non-identifiers are reported, not written") {
  CHECK(idlw::usable_identifier("Value"));
  CHECK(idlw::usable_identifier("in"));  // an attribute name, free outside attribute lists
  CHECK_FALSE(idlw::usable_identifier("interface"));
  CHECK_FALSE(idlw::usable_identifier("default"));
  CHECK_FALSE(idlw::usable_identifier("2nd"));
  CHECK_FALSE(idlw::usable_identifier("caf\xC3\xA9"));

  model::Library lib = tiny_library();
  lib.types[0].name = "struct";
  support::DiagEngine diags;
  idlw::write_idl(lib, diags);
  REQUIRE(diags.has_errors());
  CHECK(diags.all()[0].code == "TK6001");
  CHECK(diags.all()[0].message.find("'struct'") != std::string::npos);
  // Without an engine, the problem is in the text, where a compiler stops on it.
  std::string text = idlw::write_idl(lib);
  CHECK(text.rfind("#error ", 0) == 0);
}

TEST_CASE("IDL output: a character outside Windows-1252 is reported") {
  model::Library lib = tiny_library();
  lib.docs.helpstring = "\xE4\xB8\xAD";
  support::DiagEngine diags;
  idlw::write_idl(lib, diags);
  REQUIRE(diags.has_errors());
  CHECK(diags.all()[0].message.find("U+4E2D") != std::string::npos);
}

TEST_CASE("IDL output: an alias used before its place is declared before the library block") {
  std::string errors;
  auto lib = read_json_file(source("testdata/golden/idl/types.json"), errors);
  REQUIRE_MESSAGE(lib, errors);
  std::string idl = idlw::write_idl(*lib);
  size_t later = idl.find("typedef [public] long Later;");
  REQUIRE(later != std::string::npos);
  CHECK(later < idl.find("\nlibrary GoldTypes"));
  // …while an alias used only after its place stays there, in library order.
  size_t size = idl.find("typedef [public] Point Size;");
  CHECK(size > idl.find("\nlibrary GoldTypes"));
  CHECK(size < idl.find("typedef [helpstring(\"a shape\")"));
}

TEST_CASE("IDL output: `optional` beside a default only where the library counts it") {
  model::Function f;
  f.name = "F";
  f.result = model::TypeRef::base(model::vt::HResult);
  model::Param a;
  a.name = "a";
  a.type = model::TypeRef::base(model::vt::Variant);
  a.flags = model::paramflag::In | model::paramflag::Opt;
  model::Param b = a;
  b.name = "b";
  b.type = model::TypeRef::base(model::vt::I4);
  b.flags = model::paramflag::In | model::paramflag::Opt | model::paramflag::HasDefault;
  b.default_value = model::Value{model::vt::I4, int64_t{3}};
  f.params = {a, b};
  model::Library lib = tiny_library();
  model::TypeInfo i;
  i.name = "IF";
  i.guid = model::Guid::parse("{7A0C0009-0000-4000-8000-000000000002}");
  i.def = model::InterfaceDef{{}, {f}};
  lib.types.push_back(i);

  lib.types[1].def = model::InterfaceDef{{}, {f}};
  std::get<model::InterfaceDef>(lib.types[1].def).functions[0].optional_count = 1;
  std::string one = idlw::write_idl(lib);
  CHECK(one.find("[in, optional] VARIANT a, [in, defaultvalue(3)] long b") != std::string::npos);

  std::get<model::InterfaceDef>(lib.types[1].def).functions[0].optional_count = 2;
  std::string two = idlw::write_idl(lib);
  CHECK(two.find("[in, optional] VARIANT a, [in, optional, defaultvalue(3)] long b") != std::string::npos);
}

TEST_CASE("IDL output: imported types declared by how they are used; unused importlib a comment") {
  model::Library lib = tiny_library();
  model::ImportedLibrary other;
  other.libid = *model::Guid::parse("{7A0C0009-0000-4000-8000-0000000000AA}");
  other.version = {1, 0};
  other.file = "other.tlb";
  other.name = "Other";
  model::ImportedLibrary unused = other;
  unused.libid = *model::Guid::parse("{7A0C0009-0000-4000-8000-0000000000BB}");
  unused.file = "unused.tlb";
  lib.imports = {other, unused};
  auto imported = [](std::string name) {
    model::UserType u;
    u.import = 0;
    u.name = std::move(name);
    return model::TypeRef{u};
  };
  model::Function f;
  f.name = "F";
  f.result = model::TypeRef::base(model::vt::HResult);
  f.vtable_offset = 5 * 8;  // after the base's five slots (win64 pointers)
  f.params = {model::Param{"p", model::TypeRef::pointer_to(imported("IThing")), model::paramflag::In, {}, {}},
              model::Param{"e", imported("Mode2"), model::paramflag::In, {}, {}}};
  model::TypeInfo i;
  i.name = "IDerived";
  i.guid = model::Guid::parse("{7A0C0009-0000-4000-8000-000000000003}");
  i.def = model::InterfaceDef{{model::ImplType{imported("IOtherBase"), 0, {}}}, {f}};
  lib.types.push_back(i);
  support::DiagEngine diags;
  std::string idl = idlw::write_idl(lib, diags);
  CHECK_MESSAGE(!diags.has_errors(), diag_text(diags));
  // A base needs its slots counted (5: IUnknown's 3 and two more); a pointer target is named;
  // a type used by value is a public alias, which the compilers look up in the importlib.
  CHECK(idl.find("interface IOtherBase : IUnknown { HRESULT tlbkit_slot3(); HRESULT tlbkit_slot4(); };") !=
        std::string::npos);
  CHECK(idl.find("\ninterface IThing;\n") != std::string::npos);
  CHECK(idl.find("\ntypedef [public] long Mode2;\n") != std::string::npos);
  CHECK(idl.find("  importlib(\"other.tlb\");") != std::string::npos);
  CHECK(idl.find("  // importlib(\"unused.tlb\");") != std::string::npos);
}

TEST_CASE("IDL output: types of a library not at hand are reported once for that library") {
  model::Library lib = tiny_library();
  model::ImportedLibrary other;
  other.libid = *model::Guid::parse("{7A0C0009-0000-4000-8000-0000000000AA}");
  other.file = "absent.tlb";
  lib.imports = {other};
  model::UserType nameless;
  nameless.import = 0;
  nameless.guid = model::Guid::parse("{7A0C0009-0000-4000-8000-0000000000CC}");
  model::TypeInfo a;
  a.name = "AliasA";
  a.def = model::AliasDef{model::TypeRef{nameless}};
  model::TypeInfo b = a;
  b.name = "AliasB";
  lib.types.push_back(a);
  lib.types.push_back(b);
  support::DiagEngine diags;
  idlw::write_idl(lib, diags);
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].message.find("absent.tlb") != std::string::npos);
}

TEST_CASE("IDL output: a coclass naming stdole's interfaces reads back naming them in stdole") {
  // The stand-ins widl needs for IUnknown/IDispatch/imported interfaces are hidden from tlbkit
  // and MIDL, which find them in the importlib: a stand-in named in a coclass would otherwise
  // be copied into the library as a local interface (FM20.DLL's NewFont).
  model::Library lib = tiny_library();
  model::ImportedLibrary stdole;
  stdole.libid = model::stdole_libid();
  stdole.version = {2, 0};
  stdole.file = "stdole2.tlb";
  stdole.name = "stdole";
  lib.imports = {stdole};
  model::UserType disp;
  disp.import = 0;
  disp.name = "IDispatch";
  disp.guid = model::Guid::parse("{00020400-0000-0000-C000-000000000046}");
  model::TypeInfo c;
  c.name = "Thing";
  c.guid = model::Guid::parse("{7A0C0009-0000-4000-8000-000000000004}");
  c.def = model::CoclassDef{{model::ImplType{model::TypeRef{disp}, model::implflag::Default, {}}}};
  lib.types.push_back(c);
  support::DiagEngine diags;
  std::string idl = idlw::write_idl(lib, diags);
  REQUIRE_MESSAGE(!diags.has_errors(), diag_text(diags));
  ScratchDir dir("idlw-stdole-coclass");
  fs::path file = dir.path() / "thing.idl";
  std::ofstream(file, std::ios::binary) << idl;
  idl::IdlOptions opts;
  opts.target = model::SysKind::Win64;
  opts.load_importlib = [](const std::string& f, support::DiagEngine&) -> std::optional<model::Library> {
    std::string why;
    return read_tlb(source("testdata/corpus/wine/" + f), 0, why);
  };
  support::DiagEngine reader_diags;
  auto back = idl::read_idl(file.string(), opts, reader_diags);
  REQUIRE_MESSAGE(back, diag_text(reader_diags));
  REQUIRE(back->types.size() == 2);  // Mode and Thing: no local IDispatch or IUnknown
  const auto* co = std::get_if<model::CoclassDef>(&back->types[1].def);
  REQUIRE(co);
  REQUIRE(co->interfaces.size() == 1);
  const auto* ut = std::get_if<model::UserType>(&co->interfaces[0].type.v);
  REQUIRE(ut);
  CHECK(ut->import.has_value());
  CHECK(ut->name == "IDispatch");
}

TEST_CASE("IDL output: stdole's GUID stands in for widl as a 16-byte struct, not an interface") {
  // A record holding a GUID by value is laid out by widl from the stand-in: an interface stand-in
  // gave it a pointer's size (activeds.tlb's tagTYPEATTR, 64 bytes instead of 76).
  model::Library lib = tiny_library();
  model::ImportedLibrary stdole;
  stdole.libid = model::stdole_libid();
  stdole.version = {2, 0};
  stdole.file = "stdole2.tlb";
  stdole.name = "stdole";
  lib.imports = {stdole};
  model::UserType guid;
  guid.import = 0;
  guid.name = "GUID";
  model::Variable field;
  field.name = "id";
  field.type = model::TypeRef{guid};
  model::TypeInfo r;
  r.name = "HoldsGuid";
  r.def = model::RecordDef{{field}};
  lib.types.push_back(r);
  support::DiagEngine diags;
  std::string idl = idlw::write_idl(lib, diags);
  REQUIRE_MESSAGE(!diags.has_errors(), diag_text(diags));
  CHECK(idl.find("typedef struct tlbkit_GUID { long Data1; short Data2; short Data3; unsigned char Data4[8]; } GUID;") !=
        std::string::npos);
  CHECK(idl.find("\ninterface GUID;") == std::string::npos);
}
