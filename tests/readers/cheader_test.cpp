// The header reader's core on small fixture headers (testdata/cheader/unit): layouts for both
// targets, #pragma pack, bit-fields, nested and anonymous members, enums, typedef naming, type
// mapping, DLL functions and their modules, constants, selection, and clang's diagnostics.
// Layer: tests.
#include <doctest/doctest.h>

#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "model/library.h"
#include "readers/cheader/cheader_reader.h"
#include "readers/cheader_fixture.h"

using namespace tlbkit;
namespace m = tlbkit::model;

namespace {

std::string unit(const std::string& name) {
  return std::string(TLBKIT_SOURCE_DIR) + "/testdata/cheader/unit/" + name;
}

using Read = testing::HeaderRead;
using testing::find;
using testing::get;

Read read(const std::string& name, const cheader::CHeaderOptions& opts = {}) {
  return testing::read_fixture("unit", name, opts);
}

const std::vector<m::Variable>& fields(const m::TypeInfo& t) {
  if (const auto* u = std::get_if<m::UnionDef>(&t.def)) return u->fields;
  return std::get<m::RecordDef>(t.def).fields;
}

const m::Variable& field(const m::TypeInfo& t, const std::string& name) {
  for (const m::Variable& v : fields(t)) {
    if (v.name == name) return v;
  }
  FAIL("no field " << name << " in " << t.name);
  throw 0;
}

const m::Function& function(const m::Library& lib, const std::string& name) {
  for (const m::TypeInfo& t : lib.types) {
    if (const auto* mod = std::get_if<m::ModuleDef>(&t.def)) {
      for (const m::Function& f : mod->functions) {
        if (f.name == name) return f;
      }
    }
  }
  FAIL("no function " << name);
  throw 0;
}

const m::Variable* constant(const m::Library& lib, const std::string& name) {
  for (const m::TypeInfo& t : lib.types) {
    if (const auto* mod = std::get_if<m::ModuleDef>(&t.def)) {
      for (const m::Variable& v : mod->constants) {
        if (v.name == name) return &v;
      }
    }
  }
  return nullptr;
}

m::TypeRef base(uint16_t vt) { return m::TypeRef::base(vt); }

std::string user_name(const m::TypeRef& t) {
  const auto* u = std::get_if<m::UserType>(&t.v);
  return u ? u->name : std::string("<not a user type>");
}

unsigned count(const support::DiagEngine& d, const std::string& code) {
  unsigned n = 0;
  for (const support::Diagnostic& x : d.all()) n += x.code == code ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("cheader: the library is named after the header, with a stable LIBID") {
  Read a = read("layout.h");
  REQUIRE(a.lib);
  CHECK(a.lib->name == "layout");
  REQUIRE(a.lib->libid);
  CHECK(a.lib->version == m::Version{1, 0});
  CHECK(a.lib->syskind == m::SysKind::Win64);
  Read b = read("layout.h");
  CHECK(b.lib->libid == a.lib->libid);
  CHECK(*b.lib == *a.lib);  // deterministic
  Read c = read("funcs.h");
  CHECK(c.lib->libid != a.lib->libid);
  // RFC 9562 version 8 and the RFC 4122 variant.
  CHECK((a.lib->libid->bytes[7] >> 4) == 8);
  CHECK((a.lib->libid->bytes[8] >> 6) == 2);
}

TEST_CASE("cheader: layouts follow the target (long is 32 bits, pointers 4 or 8)") {
  Read w64 = read("layout.h");
  cheader::CHeaderOptions o32;
  o32.target = m::SysKind::Win32;
  Read w32 = read("layout.h", o32);
  REQUIRE(w64.lib);
  REQUIRE(w32.lib);
  CHECK(w32.lib->syskind == m::SysKind::Win32);
  const m::TypeInfo& s64 = get(*w64.lib, "Sizes");
  const m::TypeInfo& s32 = get(*w32.lib, "Sizes");
  CHECK(field(s64, "l").type == base(m::vt::I4));
  CHECK(field(s64, "l").offset == 4);
  CHECK(field(s32, "l").offset == 4);
  CHECK(field(s64, "p").offset == 8);
  CHECK(field(s32, "p").offset == 8);
  CHECK(field(s64, "lp").offset == 16);
  CHECK(field(s64, "lp").type == base(m::vt::I8));
  CHECK(field(s32, "lp").offset == 12);
  CHECK(field(s32, "lp").type == base(m::vt::I4));
  CHECK(field(s64, "d").offset == 24);
  CHECK(field(s32, "d").offset == 16);
  CHECK(s64.layout.size == 32);
  CHECK(s64.layout.alignment == 8);
  CHECK(s32.layout.size == 24);
}

TEST_CASE("cheader: #pragma pack is honoured") {
  Read r = read("layout.h");
  REQUIRE(r.lib);
  const m::TypeInfo& p = get(*r.lib, "Packed");
  CHECK(field(p, "b").offset == 1);
  CHECK(field(p, "c").offset == 5);
  CHECK(p.layout.size == 7);
  CHECK(p.layout.alignment == 1);
}

TEST_CASE("cheader: bit-fields keep their storage unit, bit and width") {
  Read r = read("layout.h");
  REQUIRE(r.lib);
  const m::TypeInfo& b = get(*r.lib, "Bits");
  CHECK_FALSE(field(b, "a").bits);
  REQUIRE(field(b, "b").bits);
  CHECK(field(b, "b").offset == 4);
  CHECK(*field(b, "b").bits == m::BitField{0, 3});
  CHECK(field(b, "c").offset == 4);
  CHECK(*field(b, "c").bits == m::BitField{3, 5});
  CHECK(field(b, "d").offset == 8);  // MS layout: another type starts a new unit
  CHECK(*field(b, "d").bits == m::BitField{0, 4});
  CHECK(field(b, "e").offset == 16);
  CHECK(*field(b, "e").bits == m::BitField{0, 40});
  CHECK(field(b, "e").type == base(m::vt::UI8));
  CHECK(b.layout.size == 24);
}

TEST_CASE("cheader: nested, tagless and anonymous members become types of their own") {
  Read r = read("layout.h");
  REQUIRE(r.lib);
  const m::TypeInfo& o = get(*r.lib, "Outer");
  // An anonymous member has no name (as clang and the IDL reader see it), a type of its own.
  REQUIRE(fields(o).size() == 5);
  const m::Variable& u = fields(o)[1];
  CHECK(u.name.empty());
  CHECK(u.offset == 4);
  const m::TypeInfo& ut = get(*r.lib, user_name(u.type));
  CHECK(ut.name == "__TLBKIT_layout_generated_name_00000000");
  CHECK(std::holds_alternative<m::UnionDef>(ut.def));
  CHECK(field(ut, "y").type == base(m::vt::R4));
  const m::Variable& s = field(o, "s");
  CHECK(s.offset == 8);
  CHECK(user_name(s.type) == "__TLBKIT_layout_generated_name_00000001");
  const m::Variable& in = field(o, "in");
  CHECK(in.offset == 12);
  CHECK(user_name(in.type) == "Inner");
  CHECK(get(*r.lib, "Inner").layout.size == 2);
  const m::Variable& second = fields(o)[4];
  CHECK(second.name.empty());
  CHECK(second.offset == 14);
  CHECK(fields(get(*r.lib, user_name(second.type))).size() == 2);
  CHECK(o.layout.size == 16);
  // Two anonymous unions are two types (clang's USR is the same for both).
  const m::TypeInfo& two = get(*r.lib, "TwoUnions");
  REQUIRE(fields(two).size() == 2);
  const m::TypeInfo& u1 = get(*r.lib, user_name(fields(two)[0].type));
  const m::TypeInfo& u2 = get(*r.lib, user_name(fields(two)[1].type));
  CHECK(u1.name != u2.name);
  CHECK(fields(u1)[0].name == "a");
  CHECK(fields(u2)[0].name == "c");
  CHECK(u2.layout.size == 2);
  CHECK(fields(two)[1].offset == 4);
  // `union { … } DUMMYUNIONNAME;` (the macro empty): the SDK's name, as the IDL spells it.
  const m::TypeInfo& dummied = get(*r.lib, "Dummied");
  REQUIRE(fields(dummied).size() == 2);
  CHECK(fields(dummied)[1].name == "DUMMYUNIONNAME");
  CHECK(fields(dummied)[1].offset == 4);
  CHECK(fields(get(*r.lib, user_name(fields(dummied)[1].type)))[1].name == "b");
  const m::TypeInfo& e = get(*r.lib, "Either");
  CHECK(std::holds_alternative<m::UnionDef>(e.def));
  CHECK(e.layout.size == 8);
  CHECK(field(e, "d").offset == 0);
}

TEST_CASE("cheader: C types map as the IDL reader maps the same names") {
  Read r = read("types.h");
  REQUIRE(r.lib);
  const m::TypeInfo& t = get(*r.lib, "tagMAPPED");  // the tag names a tagged struct
  CHECK(field(t, "lng").type == base(m::vt::I4));
  CHECK(field(t, "dw").type == base(m::vt::UI4));
  CHECK(field(t, "i").type == base(m::vt::Int));
  CHECK(field(t, "l").type == base(m::vt::I4));
  CHECK(field(t, "b").type == base(m::vt::I4));  // wtypes.idl's BOOL (MinGW's is an int)
  CHECK(field(t, "vb").type == base(m::vt::Bool));
  CHECK(field(t, "bs").type == base(m::vt::Bstr));
  CHECK(field(t, "v").type == base(m::vt::Variant));
  CHECK(field(t, "hr").type == base(m::vt::HResult));
  CHECK(field(t, "sc").type == base(m::vt::Error));
  CHECK(field(t, "dt").type == base(m::vt::Date));
  CHECK(field(t, "cy").type == base(m::vt::Cy));
  CHECK(field(t, "dec").type == base(m::vt::Decimal));
  CHECK(field(t, "s").type == base(m::vt::LpStr));
  CHECK(field(t, "cw").type == base(m::vt::LpWStr));
  CHECK(field(t, "os").type == base(m::vt::LpWStr));
  CHECK(field(t, "wc").type == base(m::vt::I2));
  CHECK(field(t, "uc").type == base(m::vt::UI1));
  CHECK(field(t, "us").type == base(m::vt::UI2));
  CHECK(field(t, "ull").type == base(m::vt::UI8));
  CHECK(field(t, "f").type == base(m::vt::R4));
  CHECK(field(t, "d").type == base(m::vt::R8));
  CHECK(field(t, "unk").type == base(m::vt::Unknown));
  CHECK(field(t, "disp").type == base(m::vt::Dispatch));
  CHECK(field(t, "ppunk").type == m::TypeRef::pointer_to(base(m::vt::Unknown)));
  CHECK(field(t, "pbs").type == m::TypeRef::pointer_to(base(m::vt::Bstr)));
  m::CArray grid{base(m::vt::I2), {{0, 2}, {0, 3}}};
  CHECK(field(t, "grid").type == m::TypeRef{grid});
  CHECK(field(t, "grid").offset == 200);
  // Handles wtypes.idl marshals as a RemotableHandle: its wire alias, as the IDL reader has it.
  CHECK(user_name(field(t, "wnd").type) == "wireHWND");
  CHECK(user_name(field(t, "dc").type) == "wireHDC");
  const m::TypeInfo& wire = get(*r.lib, "wireHWND");
  const auto& target = std::get<m::AliasDef>(wire.def).target;
  const auto* p = std::get_if<m::Pointer>(&target.v);
  REQUIRE(p);
  CHECK(user_name(*p->pointee) == "_RemotableHandle");
  CHECK(wire.layout.size == 8);
  const m::TypeInfo& rh = get(*r.lib, "_RemotableHandle");
  CHECK(rh.layout.size == 8);
  CHECK(field(rh, "u").offset == 4);
  int handles = 0;
  for (const m::TypeInfo& x : r.lib->types) handles += x.name == "_RemotableHandle" ? 1 : 0;
  CHECK(handles == 1);
  CHECK(find(*r.lib, "HWND__") == nullptr);
}

TEST_CASE("cheader: OLE Automation's types are stdole's, imported once") {
  Read r = read("types.h");
  REQUIRE(r.lib);
  REQUIRE(r.lib->imports.size() == 1);
  const m::ImportedLibrary& imp = r.lib->imports.front();
  CHECK(imp.libid == m::stdole_libid());
  CHECK(imp.version == m::Version{2, 0});
  CHECK(imp.file == "stdole2.tlb");
  CHECK(imp.name == "stdole");
  const m::TypeInfo& t = get(*r.lib, "tagMAPPED");
  m::UserType guid{0, "GUID", std::nullopt, 0};  // a record: by index
  CHECK(field(t, "g").type == m::TypeRef{guid});
  m::UserType font{0, "IFont", support::Guid::parse("{BEF6E002-A874-101A-8BBA-00AA00300CAB}"),
                   std::nullopt};  // an interface: by GUID
  CHECK(field(t, "font").type == m::TypeRef::pointer_to(m::TypeRef{font}));
  CHECK(find(*r.lib, "GUID") == nullptr);
  CHECK(find(*r.lib, "_GUID") == nullptr);
  // REFIID and const GUID& are pointers to it.
  const m::Function& f = function(*r.lib, "UsesRefs");
  REQUIRE(f.params.size() == 2);
  CHECK(f.params[0].type == m::TypeRef::pointer_to(m::TypeRef{guid}));
  CHECK(f.params[1].type == m::TypeRef::pointer_to(m::TypeRef{guid}));
}

TEST_CASE("cheader: a stdole type the header declares itself is the header's own") {
  Read r = read("own_stdole.h");
  REQUIRE(r.lib);
  const m::TypeRef& x = field(get(*r.lib, "UsesOwn"), "x").type;
  const auto* u = std::get_if<m::UserType>(&x.v);
  REQUIRE(u);
  CHECK_FALSE(u->import);
  CHECK(u->name == "OLE_XPOS_PIXELS");
  CHECK(std::get<m::AliasDef>(get(*r.lib, "OLE_XPOS_PIXELS").def).target == base(m::vt::I4));
  CHECK(r.lib->imports.empty());
}

TEST_CASE("cheader: typedef naming follows the IDL reader") {
  Read r = read("types.h");
  REQUIRE(r.lib);
  // Tagless: the typedef is an alias of a struct with a generated name.
  const m::TypeInfo& tagless = get(*r.lib, "TAGLESS");
  const auto* alias = std::get_if<m::AliasDef>(&tagless.def);
  REQUIRE(alias);
  CHECK(user_name(alias->target).rfind("__TLBKIT_types_generated_name_", 0) == 0);
  CHECK(tagless.layout.size == 4);
  // `typedef enum COLOR {…} COLOR`: the enum itself; `typedef enum tagSHAPE {…} SHAPE`: the tag.
  const m::TypeInfo& color = get(*r.lib, "COLOR");
  REQUIRE(std::holds_alternative<m::EnumDef>(color.def));
  const auto& values = std::get<m::EnumDef>(color.def).values;
  REQUIRE(values.size() == 3);
  CHECK(values[1].name == "GREEN");
  CHECK(values[1].value == m::Value{m::vt::I4, int64_t{5}});
  CHECK(values[2].value == m::Value{m::vt::I4, int64_t{6}});
  CHECK(values[0].varkind == m::VarKind::Const);
  CHECK(color.layout.size == 4);
  const m::TypeInfo& shape = get(*r.lib, "tagSHAPE");
  CHECK(std::get<m::EnumDef>(shape.def).values[0].value == m::Value{m::vt::I4, int64_t{-1}});
  // A typedef naming a tagged type otherwise is an alias of it (the IDL reader's reading of a
  // [public] typedef; a header does not say which were public, so every one of its own is kept).
  CHECK(user_name(std::get<m::AliasDef>(get(*r.lib, "SHAPE").def).target) == "tagSHAPE");
  CHECK(user_name(std::get<m::AliasDef>(get(*r.lib, "MAPPED").def).target) == "tagMAPPED");
  // References name the typedef as written: the alias, the alias of the tagless, the enum.
  const m::TypeInfo& u = get(*r.lib, "UsesTypedefs");
  CHECK(user_name(field(u, "m").type) == "MAPPED");
  CHECK(user_name(field(u, "t").type) == "TAGLESS");
  CHECK(user_name(field(u, "c").type) == "COLOR");
  CHECK(user_name(field(u, "ml").type) == "MYLONG");
  // A typedef of a base type is an alias; the SDK's typedefs (LONG, DWORD) are seen through.
  CHECK(std::get<m::AliasDef>(get(*r.lib, "MYLONG").def).target == base(m::vt::I4));
  CHECK(find(*r.lib, "LONG") == nullptr);
}

TEST_CASE("cheader: a function pointer keeps its signature") {
  Read r = read("types.h");
  REQUIRE(r.lib);
  CHECK(user_name(field(get(*r.lib, "UsesTypedefs"), "proc").type) == "MYPROC");
  const m::TypeRef& proc = std::get<m::AliasDef>(get(*r.lib, "MYPROC").def).target;
  const auto* p = std::get_if<m::Pointer>(&proc.v);
  REQUIRE(p);
  CHECK(*p->pointee == base(m::vt::Void));
  REQUIRE(p->function);
  const m::FunctionSig& sig = **p->function;
  CHECK(sig.result == base(m::vt::I8));  // LRESULT on win64
  CHECK(sig.callconv == m::CallConv::StdCall);  // CALLBACK
  REQUIRE(sig.params.size() == 2);
  CHECK(sig.params[1].type == base(m::vt::UInt));
  CHECK_FALSE(sig.variadic);
}

TEST_CASE("cheader: DLL functions, calling conventions and variadic") {
  cheader::CHeaderOptions opts;
  opts.dll = "things.dll";
  Read r = read("funcs.h", opts);
  REQUIRE(r.lib);
  const m::Function& open = function(*r.lib, "OpenThing");
  CHECK(open.funckind == m::FuncKind::Static);
  CHECK(open.callconv == m::CallConv::StdCall);  // WINAPI, though win64 has one convention
  CHECK(open.result == base(m::vt::HResult));
  REQUIRE(open.params.size() == 3);
  CHECK(open.params[0].name == "name");
  CHECK(open.params[0].type == base(m::vt::LpWStr));
  CHECK(open.params[0].flags == m::paramflag::In);
  CHECK(open.params[1].type == base(m::vt::UI4));
  CHECK(open.entry == m::DllEntry{std::string("OpenThing")});
  CHECK(function(*r.lib, "StdThing").callconv == m::CallConv::StdCall);
  CHECK(function(*r.lib, "CdeclThing").callconv == m::CallConv::CDecl);
  CHECK(function(*r.lib, "PlainThing").callconv == m::CallConv::CDecl);
  CHECK(function(*r.lib, "CloseThing").callconv == m::CallConv::StdCall);  // in extern "C"
  // A declaration opening with a macro (__declspec(dllimport)), as MinGW's all do.
  CHECK(function(*r.lib, "ImportedThing").callconv == m::CallConv::StdCall);
  const m::Function& fmt = function(*r.lib, "FormatThing");
  CHECK(fmt.variadic);
  CHECK(fmt.params.size() == 2);
  CHECK_FALSE(open.variadic);
  // Inline helpers are not DLL functions.
  for (const m::TypeInfo& t : r.lib->types) {
    if (const auto* mod = std::get_if<m::ModuleDef>(&t.def)) {
      for (const m::Function& f : mod->functions) CHECK(f.name != "Helper");
    }
  }
  // One module for the DLL, named after it.
  const m::TypeInfo& mod = get(*r.lib, "things");
  CHECK(std::get<m::ModuleDef>(mod.def).dll == "things.dll");
  CHECK(std::get<m::ModuleDef>(mod.def).functions.size() == 7);
  CHECK(count(r.diags, "TK8004") == 0);
}

TEST_CASE("cheader: win32 calling conventions come from clang") {
  cheader::CHeaderOptions opts;
  opts.target = m::SysKind::Win32;
  Read r = read("funcs.h", opts);
  REQUIRE(r.lib);
  CHECK(function(*r.lib, "OpenThing").callconv == m::CallConv::StdCall);
  CHECK(function(*r.lib, "CdeclThing").callconv == m::CallConv::CDecl);
  CHECK(function(*r.lib, "PlainThing").callconv == m::CallConv::CDecl);
  CHECK(function(*r.lib, "ImportedThing").callconv == m::CallConv::StdCall);
}

TEST_CASE("cheader: functions without a DLL get one warning and the header's module") {
  Read r = read("funcs.h");
  REQUIRE(r.lib);
  REQUIRE(count(r.diags, "TK8004") == 1);
  for (const support::Diagnostic& d : r.diags.all()) {
    if (d.code != "TK8004") continue;
    CHECK(d.severity == support::Severity::Warning);
    CHECK(d.message.find("7 function") != std::string::npos);
    CHECK(d.message.find("--dll") != std::string::npos);
    CHECK(d.where.line == 6);
  }
  const m::TypeInfo& mod = get(*r.lib, "funcs");
  CHECK(std::get<m::ModuleDef>(mod.def).dll.empty());
  CHECK(mod.layout.size == 7);
}

TEST_CASE("cheader: a DLL map places functions, first match wins") {
  support::DiagEngine d;
  auto rules = cheader::read_dll_map(unit("dlls.map"), d);
  REQUIRE(rules);
  REQUIRE(rules->size() == 3);
  CHECK((*rules)[0].pattern == "Open*");
  CHECK((*rules)[0].dll == "thing.dll");
  cheader::CHeaderOptions opts;
  opts.dll_rules = *rules;
  opts.dll = "fallback.dll";
  Read r = read("funcs.h", opts);
  REQUIRE(r.lib);
  // OpenThing: `Open*` comes before `*Thing`; CloseThing: `*Thing` comes before `Close*`.
  const auto& thing = std::get<m::ModuleDef>(get(*r.lib, "thing").def);
  REQUIRE(thing.functions.size() == 1);
  CHECK(thing.functions[0].name == "OpenThing");
  CHECK(thing.dll == "thing.dll");
  const auto& other = std::get<m::ModuleDef>(get(*r.lib, "other").def);
  CHECK(other.functions.size() == 6);
  CHECK(other.dll == "other.dll");
  CHECK(find(*r.lib, "fallback") == nullptr);  // every function has a rule
  CHECK(count(r.diags, "TK8004") == 0);
}

TEST_CASE("cheader: a malformed DLL map line is one located error") {
  support::DiagEngine d;
  CHECK_FALSE(cheader::read_dll_map(unit("bad.map"), d));
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].code == "TK8006");
  CHECK(d.all()[0].where.line == 2);
  CHECK(d.all()[0].where.column == 1);
  support::DiagEngine d2;
  CHECK_FALSE(cheader::read_dll_map(unit("no_such.map"), d2));
  CHECK(d2.all().size() == 1);
}

TEST_CASE("cheader: #defines and const variables become constants") {
  Read r = read("consts.h");
  REQUIRE(r.lib);
  auto value = [&](const std::string& n) -> std::optional<m::Value> {
    const m::Variable* v = constant(*r.lib, n);
    if (!v) return std::nullopt;
    CHECK(v->varkind == m::VarKind::Const);
    return v->value;
  };
  CHECK(value("C_INT") == m::Value{m::vt::I4, int64_t{42}});
  CHECK(value("C_NEG") == m::Value{m::vt::I4, int64_t{-5}});
  CHECK(value("C_HEX") == m::Value{m::vt::I4, int64_t{16}});
  CHECK(value("C_HR") == m::Value{m::vt::I4, int64_t{-2147467259}});  // cast to HRESULT
  CHECK(value("C_SUM") == m::Value{m::vt::I4, int64_t{74}});
  CHECK(value("C_SHIFT") == m::Value{m::vt::UI4, int64_t{0x80000000}});
  CHECK(value("C_BIG") == m::Value{m::vt::I8, int64_t{0x100000000}});
  CHECK(value("C_ENUM") == m::Value{m::vt::I4, int64_t{11}});
  CHECK(value("C_TERN") == m::Value{m::vt::I4, int64_t{1}});
  CHECK(value("C_STR") == m::Value{m::vt::LpStr, std::string("hello")});
  CHECK(value("C_WSTR") == m::Value{m::vt::LpWStr, std::string("wide\xE2\x98\xBA")});
  CHECK(value("C_CAT") == m::Value{m::vt::LpStr, std::string("abcd")});
  CHECK(value("kInt") == m::Value{m::vt::I4, int64_t{7}});
  CHECK(constant(*r.lib, "kInt")->type == base(m::vt::Int));
  CHECK(value("kBig") == m::Value{m::vt::UI8, int64_t{-1}});
  CHECK(value("kWide") == m::Value{m::vt::LpWStr, std::string("wc")});
  CHECK(value("kNarrow") == m::Value{m::vt::LpStr, std::string("n")});
  // Not constants: the include guard, function-like, pointer, float, unevaluable, non-const.
  for (const char* n : {"CONSTS_H_", "C_FN", "C_PTR", "C_FLOAT", "C_DIV0", "C_UNKNOWN",
                        "notConst"}) {
    CHECK_MESSAGE(constant(*r.lib, n) == nullptr, n);
  }
  // Nothing from <windows.h> itself.
  CHECK(constant(*r.lib, "MAX_PATH") == nullptr);
  const m::TypeInfo& mod = get(*r.lib, "consts");
  CHECK(std::get<m::ModuleDef>(mod.def).dll.empty());
  CHECK(r.diags.all().empty());
}

TEST_CASE("cheader: only what the named header declares is taken, with its dependencies") {
  cheader::CHeaderOptions opts;
  Read r = read("select.h", opts);
  REQUIRE(r.lib);
  CHECK(find(*r.lib, "Mine"));
  CHECK(find(*r.lib, "MineToo"));
  CHECK(find(*r.lib, "Dep"));  // a dependency of Mine
  CHECK(find(*r.lib, "Unused") == nullptr);
  CHECK(find(*r.lib, "DepFunc") == nullptr);
  // Nothing of <windows.h>: the layout fixture's library holds its own types only.
  Read l = read("layout.h");
  REQUIRE(l.lib);
  CHECK(find(*l.lib, "tagRECT") == nullptr);
  CHECK(l.lib->types.size() == 14);  // Sizes … Either, TwoUnions, Dummied and their unions
}

TEST_CASE("cheader: --include takes more, by name or by file; --exclude leaves out") {
  cheader::CHeaderOptions by_file;
  by_file.include_patterns = {"select_dep.h"};
  Read a = read("select.h", by_file);
  REQUIRE(a.lib);
  CHECK(find(*a.lib, "Unused"));
  CHECK(find(*a.lib, "Mine"));

  cheader::CHeaderOptions by_name;
  by_name.include_patterns = {"Unu*"};
  Read b = read("select.h", by_name);
  REQUIRE(b.lib);
  CHECK(find(*b.lib, "Unused"));

  cheader::CHeaderOptions excl;
  excl.exclude_patterns = {"MineT?o"};
  Read c = read("select.h", excl);
  REQUIRE(c.lib);
  CHECK(find(*c.lib, "Mine"));
  CHECK(find(*c.lib, "MineToo") == nullptr);

  cheader::CHeaderOptions excl_file;
  excl_file.exclude_patterns = {"*/select.h"};
  Read d = read("select.h", excl_file);
  REQUIRE(d.lib);
  CHECK(d.lib->types.empty());
}

TEST_CASE("cheader: <windows.h>, <ole2.h> and <ocidl.h> parse out of the box for both targets") {
  for (m::SysKind k : {m::SysKind::Win64, m::SysKind::Win32}) {
    cheader::CHeaderOptions opts;
    opts.target = k;
    Read r = read("types.h", opts);
    CHECK(r.lib);
    for (const support::Diagnostic& d : r.diags.all()) {
      CHECK_MESSAGE(d.severity != support::Severity::Error, d.message);
    }
  }
}

TEST_CASE("cheader: a missing include is exactly one located error") {
  Read r = read("missing_include.h");
  CHECK_FALSE(r.lib);
  REQUIRE(r.diags.all().size() == 1);
  const support::Diagnostic& d = r.diags.all().front();
  CHECK(d.code == "TK8001");
  CHECK(d.severity == support::Severity::Error);
  CHECK(d.where.file.find("missing_include.h") != std::string::npos);
  CHECK(d.where.line == 2);
  CHECK(d.where.column == 10);
  CHECK(d.message.find("no_such_header_anywhere.h") != std::string::npos);
  CHECK(d.message.find("[-W") == std::string::npos);
}

TEST_CASE("cheader: a syntax error is located and gives no library") {
  Read r = read("syntax_error.h");
  CHECK_FALSE(r.lib);
  REQUIRE(r.diags.error_count() >= 1);
  const support::Diagnostic& d = r.diags.all().front();
  CHECK(d.code == "TK8001");
  CHECK(d.where.line == 3);
  CHECK(d.where.column == 8);
}

TEST_CASE("cheader: clang's warnings come out as TK8002 without the flag name") {
  cheader::CHeaderOptions redef;
  redef.defines = {"C_INT=1"};
  Read w = read("consts.h", redef);
  REQUIRE(w.lib);
  REQUIRE(count(w.diags, "TK8002") == 1);
  for (const support::Diagnostic& d : w.diags.all()) {
    if (d.code != "TK8002") continue;
    CHECK(d.severity == support::Severity::Warning);
    CHECK(d.message.find("redefined") != std::string::npos);
    CHECK(d.message.find("[-W") == std::string::npos);
    CHECK(d.where.line == 10);
  }
}

TEST_CASE("cheader: a header that does not exist is a file error") {
  Read r = read("no_such_header.h");
  CHECK_FALSE(r.lib);
  REQUIRE(r.diags.all().size() == 1);
  CHECK(r.diags.all()[0].code == "TK8003");
}

TEST_CASE("cheader: -I and -U reach clang") {
  Read without = read("include_dir.h");
  CHECK_FALSE(without.lib);
  cheader::CHeaderOptions opts;
  opts.include_dirs = {unit("inc")};
  Read with = read("include_dir.h", opts);
  REQUIRE(with.lib);
  CHECK(user_name(field(get(*with.lib, "UsesExtra"), "e").type) == "FromIncludeDir");
  cheader::CHeaderOptions undef;
  undef.defines = {"C_INT=7"};
  undef.undefines = {"C_INT"};
  Read r = read("consts.h", undef);
  REQUIRE(r.lib);  // -U after -D: no redefinition warning
  CHECK(count(r.diags, "TK8002") == 0);
}

TEST_CASE("cheader: --sysroot replaces where MinGW-w64's headers are looked for") {
  cheader::CHeaderOptions opts;
  opts.sysroot = unit("inc");  // holds no windows.h
  Read r = read("layout.h", opts);
  CHECK_FALSE(r.lib);
  REQUIRE(r.diags.all().size() == 1);
  CHECK(r.diags.all()[0].message.find("windows.h") != std::string::npos);
}

TEST_CASE("cheader: --clang-arg passes arguments through (here: C instead of C++)") {
  cheader::CHeaderOptions opts;
  opts.clang_args = {"-x", "c"};
  Read r = read("layout.h", opts);
  REQUIRE(r.lib);
  CHECK(get(*r.lib, "Outer").layout.size == 16);
  // In C, wchar_t is MinGW's typedef of unsigned short: read as C++'s wchar_t is (WCHAR: I2).
  for (const cheader::CHeaderOptions& o : {opts, cheader::CHeaderOptions{}}) {
    Read w = read("wide.h", o);
    REQUIRE(w.lib);
    const m::TypeInfo& wide = get(*w.lib, "Wide");
    CHECK(field(wide, "wc").type == base(m::vt::I2));
    CHECK(field(wide, "pw").type == m::TypeRef::pointer_to(base(m::vt::I2)));
    CHECK(field(wide, "raw").type == m::TypeRef{m::CArray{base(m::vt::I2), {{0, 4}}}});
  }
  // In C++ `extern "C"` parses; in C it is a syntax error.
  Read f = read("funcs.h", opts);
  CHECK_FALSE(f.lib);
}

TEST_CASE("cheader: hostile nesting is bounded and reported, never a crash") {
  Read r = read("deep_nesting.h");
  REQUIRE(r.lib);
  CHECK(count(r.diags, "TK8007") == 1);
  CHECK(find(*r.lib, "Top"));
  CHECK(find(*r.lib, "S249"));
  CHECK(find(*r.lib, "S0") == nullptr);  // beyond the bound
  CHECK(constant(*r.lib, "DEEP_PARENS") == nullptr);
  REQUIRE(constant(*r.lib, "SHALLOW_PARENS"));
  CHECK(constant(*r.lib, "SHALLOW_PARENS")->value == m::Value{m::vt::I4, int64_t{7}});
}

TEST_CASE("cheader: C++ derived structs flattened or read as their base; polymorphic ones out") {
  for (m::SysKind target : {m::SysKind::Win64, m::SysKind::Win32}) {
    cheader::CHeaderOptions o;
    o.target = target;
    Read r = read("derived.h", o);
    REQUIRE(r.lib);
    // Data-only inheritance: the base's fields lead, at clang's offsets, and the size is clang's.
    const m::TypeInfo& p3 = get(*r.lib, "Point3");
    REQUIRE(fields(p3).size() == 3);
    CHECK(fields(p3)[0].name == "x");
    CHECK(field(p3, "y").offset == 4);
    CHECK(field(p3, "z").offset == 8);
    CHECK(p3.layout.size == 12);
    const m::TypeInfo& w = get(*r.lib, "Weighted");
    REQUIRE(fields(w).size() == 4);
    CHECK(field(w, "z").offset == 8);
    CHECK(field(w, "w").offset == 16);
    CHECK(w.layout.size == 24);
    CHECK(fields(w)[3].memid == 0x40000003);  // numbered through, base fields included
    const m::TypeInfo& tg = get(*r.lib, "Tagged");  // an empty base takes no room
    REQUIRE(fields(tg).size() == 3);
    CHECK(field(tg, "x").offset == 0);
    CHECK(field(tg, "tag").offset == 8);
    CHECK(tg.layout.size == 12);
    // A class adding only constructors and methods is its base; a polymorphic one is left out.
    CHECK(find(*r.lib, "CPoint") == nullptr);
    CHECK(find(*r.lib, "Virt") == nullptr);
    CHECK(find(*r.lib, "Poly") == nullptr);
    // An empty base that displaces the base holding data from offset 0: left out, not misread.
    CHECK(find(*r.lib, "Displaced") == nullptr);
    CHECK(find(*r.lib, "Displaced2") == nullptr);
    CHECK(field(get(*r.lib, "HasEmpty"), "v").offset == 0);
    CHECK(user_name(field(get(*r.lib, "UsesHelper"), "p").type) == "Point");
    CHECK(field(get(*r.lib, "UsesHelper"), "s").offset == 8);
    // One warning, a located note per class.
    REQUIRE(count(r.diags, "TK8008") == 1);
    for (const support::Diagnostic& d : r.diags.all()) {
      if (d.code != "TK8008") continue;
      REQUIRE(d.notes.size() == 5);
      CHECK(d.notes[0].message.find("'CPoint'") != std::string::npos);
      CHECK(d.notes[0].where.line == 25);
      CHECK(d.notes[1].message.find("'Displaced'") != std::string::npos);
      CHECK(d.notes[1].message.find("left out") != std::string::npos);  // not read as HasEmpty
      CHECK(d.notes[2].message.find("'Displaced2'") != std::string::npos);
      CHECK(d.notes[3].message.find("'Poly'") != std::string::npos);
      CHECK(d.notes[4].message.find("'Virt'") != std::string::npos);
    }
  }
}

TEST_CASE("cheader: handles and pointer-sized integers as wtypes.idl and basetsd.h have them") {
  for (m::SysKind target : {m::SysKind::Win64, m::SysKind::Win32}) {
    cheader::CHeaderOptions o;
    o.target = target;
    Read r = read("handles.h", o);
    REQUIRE(r.lib);
    const m::TypeRef void_ptr = m::TypeRef::pointer_to(base(m::vt::Void));
    const m::TypeInfo& h = get(*r.lib, "Handles");
    for (const char* f : {"inst", "kl", "mine"}) {
      const std::string alias = user_name(field(h, f).type);
      CHECK(std::get<m::AliasDef>(get(*r.lib, alias).def).target == void_ptr);
    }
    CHECK(user_name(field(h, "inst").type) == "HINSTANCE");
    CHECK(user_name(field(h, "kl").type) == "HKL");
    CHECK(user_name(field(h, "mine").type) == "MYHANDLE");
    CHECK(find(*r.lib, "MYHANDLE__") == nullptr);
    CHECK(find(*r.lib, "HINSTANCE__") == nullptr);
    CHECK(user_name(field(h, "wnd").type) == "wireHWND");  // a RemotableHandle: unchanged
    bool w64 = target == m::SysKind::Win64;
    CHECK(field(h, "wp").type == base(w64 ? m::vt::UI8 : m::vt::UI4));
    CHECK(field(h, "lp").type == base(w64 ? m::vt::I8 : m::vt::I4));
    // A typedef of the header's own is an alias, referenced by its name.
    CHECK(user_name(field(h, "cookie").type) == "COOKIE");
    CHECK(std::get<m::AliasDef>(get(*r.lib, "COOKIE").def).target == base(m::vt::UI4));
  }
}

namespace {

std::vector<const m::TypeInfo*> modules_of(const m::Library& lib) {
  std::vector<const m::TypeInfo*> out;
  for (const m::TypeInfo& t : lib.types) {
    if (std::holds_alternative<m::ModuleDef>(t.def)) out.push_back(&t);
  }
  return out;
}

/// No two types of the library share a name, case aside.
bool names_unique(const m::Library& lib) {
  std::set<std::string> seen;
  for (const m::TypeInfo& t : lib.types) {
    std::string k = t.name;
    for (char& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!seen.insert(k).second) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("cheader: module names never repeat another type's; one DLL's module has the constants") {
  SUBCASE("no DLL: the header's module, renamed past the struct of its name") {
    Read r = read("clash.h");
    REQUIRE(r.lib);
    auto mods = modules_of(*r.lib);
    REQUIRE(mods.size() == 1);
    CHECK(mods[0]->name == "clash_functions");
    CHECK(names_unique(*r.lib));
  }
  SUBCASE("--dll: one module, with the functions and the constants") {
    cheader::CHeaderOptions o;
    o.dll = "clash.dll";
    Read r = read("clash.h", o);
    REQUIRE(r.lib);
    auto mods = modules_of(*r.lib);
    REQUIRE(mods.size() == 1);
    const auto& mod = std::get<m::ModuleDef>(mods[0]->def);
    CHECK(mod.dll == "clash.dll");
    CHECK(mod.functions.size() == 1);
    REQUIRE(mod.constants.size() == 1);
    CHECK(mod.constants[0].name == "CLASH_MAX");
    CHECK(mods[0]->name == "clash_dll");
    CHECK(names_unique(*r.lib));
  }
  SUBCASE("a DLL map: the DLL's module and the constants' module, each unique") {
    cheader::CHeaderOptions o;
    o.dll_rules = {{"Create*", "clash.dll"}};
    Read r = read("clash.h", o);
    REQUIRE(r.lib);
    auto mods = modules_of(*r.lib);
    REQUIRE(mods.size() == 2);
    std::set<std::string> names{mods[0]->name, mods[1]->name};
    CHECK(names == std::set<std::string>{"clash_constants2", "clash_dll"});
    CHECK(names_unique(*r.lib));
  }
}

TEST_CASE("cheader: a hostile class hierarchy (2^n paths through its bases) is bounded") {
  Read r = read("deep_bases.h");
  REQUIRE(r.lib);
  CHECK(find(*r.lib, "Top") == nullptr);  // its bases' walk ran out of budget: left out
  CHECK(find(*r.lib, "E0a") != nullptr);  // plain empty structs stay
  REQUIRE(count(r.diags, "TK8008") == 1);
}
