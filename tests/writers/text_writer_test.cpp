// Golden tests of the text view (inspect --format text) on small hand-built libraries: the
// header, every kind of type, member signatures, and type names through the LibrarySet.
#include <doctest/doctest.h>

#include "writers/text/text_format.h"
#include "writers/text/text_writer.h"
#include "writers/text_model_fixture.h"

using namespace tlbkit;
using namespace tlbkit::model;
using namespace tlbkit::testing;

namespace {

Library demo_library() {
  Library lib;
  lib.name = "DemoLib";
  lib.libid = guid("{11111111-2222-3333-4444-555555555555}");
  lib.version = {1, 2};
  lib.lcid = 0x409;
  lib.syskind = SysKind::Win32;
  lib.flags = libflag::Control | libflag::HasDiskImage;
  lib.docs.helpstring = "Demo \"library\"\n";
  lib.docs.helpcontext = 0x10;
  lib.helpfile = "demo.chm";
  lib.helpstringdll = "demores.dll";
  lib.custom = {{guid("{DE77BA64-517C-11D1-A2DA-0000F8773CE9}"), int_value(vt::UI4, 7)},
                {guid("{DE77BA65-517C-11D1-A2DA-0000F8773CE9}"), text_value("made by hand")}};
  lib.imports = {{stdole_libid(), {2, 0}, 0, "stdole2.tlb", ""},
                 {guid("{99999999-0000-0000-0000-000000000001}"), {3, 1}, 0x409, "other.tlb", ""}};
  return lib;
}

TypeInfo enum_type() {
  TypeInfo t;
  t.name = "Colors";
  t.layout = {4, 4, 0};
  EnumDef e;
  auto value = [](std::string name, int64_t v) {
    Variable var;
    var.name = std::move(name);
    var.varkind = VarKind::Const;
    var.type = TypeRef::base(vt::Int);
    var.value = int_value(vt::I4, v);
    return var;
  };
  e.values = {value("Red", 0), value("Green", 1), value("Blue", -1)};
  e.values[1].docs.helpstring = "green";
  t.def = e;
  return t;
}

TypeInfo record_type() {
  TypeInfo t;
  t.name = "Point";
  t.layout = {24, 4, 0};
  auto field = [](std::string name, TypeRef ty, uint32_t off) {
    Variable v;
    v.name = std::move(name);
    v.type = std::move(ty);
    v.offset = off;
    return v;
  };
  CArray arr{TypeRef::base(vt::I2), {{0, 4}, {1, 3}}};
  t.def = RecordDef{{field("x", TypeRef::base(vt::I4), 0), field("y", TypeRef::base(vt::I4), 4),
                     field("grid", TypeRef{arr}, 8), field("name", TypeRef::base(vt::Bstr), 20)}};
  return t;
}

TypeInfo union_type() {
  TypeInfo t;
  t.name = "Number";
  Variable l, d;
  l.name = "l";
  l.type = TypeRef::base(vt::I4);
  d.name = "d";
  d.type = TypeRef::base(vt::R8);
  t.def = UnionDef{{l, d}};
  t.layout = {8, 8, 0};
  return t;
}

TypeInfo alias_type() {
  TypeInfo t;
  t.name = "HANDLE_T";
  t.flags = typeflag::Hidden;
  t.def = AliasDef{TypeRef::pointer_to(TypeRef::base(vt::Void))};
  return t;
}

Function method(std::string name, int32_t memid, InvokeKind ik, TypeRef result,
                std::vector<Param> params) {
  Function f;
  f.name = std::move(name);
  f.memid = memid;
  f.invkind = ik;
  f.result = std::move(result);
  f.params = std::move(params);
  return f;
}

TypeInfo dual_interface() {
  TypeInfo t;
  t.name = "IShape";
  t.guid = guid("{AAAAAAAA-0000-0000-0000-000000000001}");
  t.flags = typeflag::Dual | typeflag::OleAutomation | typeflag::Dispatchable;
  t.layout = {4, 4, 48};
  t.docs.helpstring = "A shape";
  InterfaceDef d;
  d.bases = {{udt_import(0, "IDispatch", guid("{00020400-0000-0000-C000-000000000046}")), 0, {}}};
  const TypeRef hr = TypeRef::base(vt::HResult);
  Function get = method("Name", 0x60020000, InvokeKind::PropertyGet, hr,
                        {param("index", TypeRef::base(vt::I4), paramflag::In),
                         param("value", TypeRef::pointer_to(TypeRef::base(vt::Bstr)),
                               paramflag::Out | paramflag::RetVal)});
  get.docs.helpstring = "The name";
  Function put = method("Name", 0x60020000, InvokeKind::PropertyPut, hr,
                        {param("index", TypeRef::base(vt::I4), paramflag::In),
                         param("", TypeRef::base(vt::Bstr), paramflag::In)});
  Param dx = param("dx", TypeRef::base(vt::I4),
                   paramflag::In | paramflag::Opt | paramflag::HasDefault);
  dx.default_value = int_value(vt::I4, 5);
  Function move = method(
      "Move", 1, InvokeKind::Func, hr,
      {dx, param("riid", TypeRef::pointer_to(udt_import(0, "GUID", std::nullopt)), paramflag::In),
       param("other", udt_import(1, "", guid("{99999999-0000-0000-0000-0000000000AA}")),
             paramflag::In),
       param("where", TypeRef::pointer_to(udt_local(1, "Point")),
             paramflag::Out | paramflag::RetVal)});
  move.flags = funcflag::Restricted | funcflag::Hidden;
  move.custom = {{guid("{0F21F359-AB84-41E8-9A78-36D110E6D2F9}"), text_value("Move.It")}};
  Function sum = method("Sum", 2, InvokeKind::Func, hr,
                        {param("items", TypeRef::safearray_of(TypeRef::base(vt::Variant)),
                               paramflag::In)});
  sum.optional_count = -1;
  Function raw = method("Raw", 3, InvokeKind::Func, TypeRef::base(vt::I4), {});
  raw.callconv = CallConv::CDecl;
  d.functions = {get, put, move, sum, raw};
  t.def = d;
  return t;
}

TypeInfo dispinterface_type() {
  TypeInfo t;
  t.name = "DShapeEvents";
  t.guid = guid("{AAAAAAAA-0000-0000-0000-000000000002}");
  t.flags = typeflag::Hidden | typeflag::Dispatchable;
  DispatchDef d;
  d.bases = {{udt_import(0, "IDispatch", std::nullopt), 0, {}}};
  Variable count;
  count.name = "Count";
  count.memid = 1;
  count.varkind = VarKind::Dispatch;
  count.flags = varflag::ReadOnly;
  count.type = TypeRef::base(vt::I4);
  d.properties = {count};
  Function clicked = method("Clicked", 2, InvokeKind::Func, TypeRef::base(vt::Void),
                            {param("x", TypeRef::base(vt::I4), paramflag::In)});
  clicked.funckind = FuncKind::Dispatch;
  d.methods = {clicked};
  t.def = d;
  return t;
}

TypeInfo coclass_type() {
  TypeInfo t;
  t.name = "Shape";
  t.guid = guid("{AAAAAAAA-0000-0000-0000-000000000003}");
  t.flags = typeflag::CanCreate;
  t.version = {1, 0};
  UserType missing;
  missing.import = 1;
  missing.index = 7;
  t.def = CoclassDef{{{udt_local(4, "IShape"), implflag::Default, {}},
                      {udt_local(5, "DShapeEvents"), implflag::Default | implflag::Source, {}},
                      {TypeRef{missing}, implflag::Restricted, {}}}};
  return t;
}

TypeInfo module_type() {
  TypeInfo t;
  t.name = "Native";
  ModuleDef m;
  m.dll = "native.dll";
  Variable max;
  max.name = "MaxSize";
  max.varkind = VarKind::Const;
  max.type = TypeRef::base(vt::I4);
  max.value = int_value(vt::I4, 100);
  Variable greeting = max;
  greeting.name = "Greeting";
  greeting.type = TypeRef::base(vt::LpWStr);
  greeting.value = Value{vt::LpWStr, std::string("hi\tthere")};
  m.constants = {max, greeting};
  Function compute = method("Compute", 0x60000000, InvokeKind::Func, TypeRef::base(vt::R8),
                            {param("x", TypeRef::base(vt::R8), paramflag::In)});
  compute.funckind = FuncKind::Static;
  compute.entry.v = std::string("ComputeW");
  Function by_ordinal = method("Beep", 0x60000001, InvokeKind::Func, TypeRef::base(vt::Void), {});
  by_ordinal.funckind = FuncKind::Static;
  by_ordinal.callconv = CallConv::CDecl;
  by_ordinal.entry.v = uint16_t{12};
  m.functions = {compute, by_ordinal};
  t.def = m;
  return t;
}

Library full_library() {
  Library lib = demo_library();
  lib.types = {enum_type(),      record_type(),        union_type(),   alias_type(),
               dual_interface(), dispinterface_type(), coclass_type(), module_type()};
  return lib;
}

LibrarySet set_with_stdole() {
  LibrarySet set;
  set.add(small_stdole());
  return set;
}

const char* const kFullExpected = R"(library DemoLib
  libid             {11111111-2222-3333-4444-555555555555}
  version           1.2
  lcid              0x0409
  syskind           win32
  flags             control, hasdiskimage
  helpstring        "Demo \"library\"\n"
  helpcontext       0x00000010
  helpfile          "demo.chm"
  helpstringdll     "demores.dll"
  custom            {DE77BA64-517C-11D1-A2DA-0000F8773CE9} = unsigned long 7
  custom            {DE77BA65-517C-11D1-A2DA-0000F8773CE9} = BSTR "made by hand"
  import            stdole {00020430-0000-0000-C000-000000000046} 2.0 lcid 0x0000 file "stdole2.tlb"
  import            ? {99999999-0000-0000-0000-000000000001} 3.1 lcid 0x0409 file "other.tlb" (not at hand)
  types             8

enum Colors
  layout            size 4, align 4
  values (3)
    Red = 0
    [helpstring("green")] Green = 1
    Blue = -1

struct Point
  layout            size 24, align 4
  fields (4)
    long x;  // offset 0
    long y;  // offset 4
    short grid[4][1..3];  // offset 8
    BSTR name;  // offset 20

union Number
  layout            size 8, align 8
  fields (2)
    long l;  // offset 0
    double d;  // offset 0

typedef void* HANDLE_T
  flags             hidden

interface IShape : stdole.IDispatch
  guid              {AAAAAAAA-0000-0000-0000-000000000001}
  flags             dual, oleautomation, dispatchable
  helpstring        "A shape"
  layout            size 4, align 4, vtable 48 bytes
  functions (5)
    [id(0x60020000), propget, helpstring("The name")] HRESULT Name([in] long index, [out, retval] BSTR* value);
    [id(0x60020000), propput] HRESULT Name([in] long index, [in] BSTR);
    [id(0x00000001), restricted, hidden, custom({0F21F359-AB84-41E8-9A78-36D110E6D2F9}, "Move.It")] HRESULT Move([in, optional, defaultvalue(5)] long dx, [in] stdole.GUID* riid, [in] ?.{99999999-0000-0000-0000-0000000000AA} other, [out, retval] Point* where);
    [id(0x00000002), vararg] HRESULT Sum([in] SAFEARRAY(VARIANT) items);
    [id(0x00000003)] long __cdecl Raw();

dispinterface DShapeEvents : stdole.IDispatch
  guid              {AAAAAAAA-0000-0000-0000-000000000002}
  flags             hidden, dispatchable
  properties (1)
    [id(0x00000001), readonly] long Count;
  methods (1)
    [id(0x00000002)] void Clicked([in] long x);

coclass Shape
  guid              {AAAAAAAA-0000-0000-0000-000000000003}
  flags             cancreate
  version           1.0
  interfaces (3)
    [default] interface IShape;
    [default, source] dispinterface DShapeEvents;
    [restricted] interface ?.?;

module Native
  dll               "native.dll"
  constants (2)
    const long MaxSize = 100;
    const LPWSTR Greeting = "hi\tthere";
  functions (2)
    [id(0x60000000), entry("ComputeW")] double Compute([in] double x);
    [id(0x60000001), entry(12)] void __cdecl Beep();
)";

}  // namespace

TEST_CASE("text view: every kind of type, in library order, with IDL-like members") {
  LibrarySet set = set_with_stdole();
  std::string got = text::write_text(full_library(), set);
  CHECK(got == kFullExpected);
  // Byte for byte the same on a second run: nothing depends on addresses or time.
  CHECK(text::write_text(full_library(), set) == got);
}

TEST_CASE("text view: an import's types print as LIB.NAME once the library is at hand") {
  Library lib = full_library();
  lib.imports[0].name = "";
  LibrarySet none;
  std::string alone = text::write_text(lib, none);
  // Without stdole at hand the library name is unknown, the type keeps the name it records.
  CHECK(alone.find("interface IShape : ?.IDispatch\n") != std::string::npos);
  CHECK(alone.find("  import            ? {00020430-0000-0000-C000-000000000046} 2.0 lcid "
                   "0x0000 file \"stdole2.tlb\" (not at hand)\n") != std::string::npos);
  LibrarySet set = set_with_stdole();
  std::string with = text::write_text(lib, set);
  CHECK(with.find("interface IShape : stdole.IDispatch\n") != std::string::npos);
}

TEST_CASE("text view: a type imported by position is named from the library at hand") {
  Library lib = demo_library();
  TypeInfo a;
  a.name = "Ref";
  UserType by_index;
  by_index.import = 0;
  by_index.index = 1;  // stdole's second type: IDispatch
  a.def = AliasDef{TypeRef{by_index}};
  lib.types = {a};
  LibrarySet set = set_with_stdole();
  CHECK(text::write_text(lib, set).find("typedef stdole.IDispatch Ref\n") != std::string::npos);
  LibrarySet none;
  CHECK(text::write_text(lib, none).find("typedef ?.? Ref\n") != std::string::npos);
}

TEST_CASE("text view: dangling references and unnamed flag bits do not break the view") {
  Library lib;
  lib.name = "Broken";
  TypeInfo t;
  t.name = "T";
  t.flags = 0x8000;
  UserType dangling;
  dangling.index = 42;  // no such local type
  UserType bad_import;
  bad_import.import = 9;  // no such import
  bad_import.name = "X";
  InterfaceDef d;
  d.bases = {{TypeRef{dangling}, 0, {}}};
  Function f = method("F", -4, InvokeKind::Func, TypeRef{bad_import},
                      {param("p", TypeRef::base(0x4003), 0x140)});
  f.flags = 0x8000;
  d.functions = {f};
  t.def = d;
  lib.types = {t};
  LibrarySet set;
  std::string got = text::write_text(lib, set);
  CHECK(got.find("interface T : ?\n  flags             0x8000\n") != std::string::npos);
  CHECK(got.find("[id(0xFFFFFFFC), 0x8000] ?.X F([paramflags(0x100)] VT_0x4003 p);") !=
        std::string::npos);
  CHECK(got.find("  libid             (none)\n") != std::string::npos);
}

TEST_CASE("text format helpers: values, strings and flags") {
  CHECK(text::quoted("a\"b\\c\x01") == "\"a\\\"b\\\\c\\x01\"");
  CHECK(text::value_literal(Value{vt::R8, 1.5}) == "1.5");
  CHECK(text::value_literal(Value{vt::R8, 2.0}) == "2.0");
  CHECK(text::value_literal(Value{vt::Cy, int64_t{-15000}}) == "-1.5000");
  CHECK(text::value_literal(Value{vt::UI8, int64_t{-1}}) == "18446744073709551615");
  CHECK(text::value_literal(Value{vt::HResult, int64_t{0x80004005}}) == "0x80004005");
  CHECK(text::value_literal(Value{vt::Empty, std::monostate{}}) == "empty");
  CHECK(text::value_literal(Value{vt::Null, std::monostate{}}) == "NULL");
  CHECK(text::value_literal(Value{vt::Bstr, std::monostate{}}) == "NULL");
  CHECK(text::value_literal(Value{vt::Bstr, std::string()}) == "\"\"");
  CHECK(text::value_literal(Value{vt::I4, std::monostate{}}) == "?");
  CHECK(text::typed_value(Value{vt::Bool, int64_t{-1}}) == "VARIANT_BOOL -1");
  CHECK(text::type_flag_names(typeflag::Dual | typeflag::Hidden) == "hidden, dual");
  CHECK(text::type_flag_names(0) == "");
  CHECK(text::impl_flag_names(implflag::DefaultVtable | 0x10) == "defaultvtable, 0x10");
  CHECK(text::vt_text(vt::IntPtr) == "INT_PTR");
  CHECK(text::vt_text(vt::Dispatch) == "IDispatch*");
}
