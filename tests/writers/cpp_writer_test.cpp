// The C++ writer's core: names (keywords and Windows macros escaped, --rename, clashes),
// stand-ins for libraries not at hand (TK7001), types of other libraries and of stdole, record
// layout checks, dependency order, vtable slots and placeholders, --exclude, namespaces, GUID and
// literal spelling, determinism. Layer: tests.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "model/library_set.h"
#include "readers/idl/idl_reader.h"
#include "writers/cpp/cpp_emit.h"
#include "writers/cpp/cpp_reserved.h"
#include "writers/idl_test_util.h"

using namespace tlbkit;
using namespace tlbkit::testing::idl;

namespace {

/// An IDL library (`idl` is the file's whole text), read for `target` with stdole2 at hand.
struct Lib {
  model::LibrarySet set;
  const model::Library* lib = nullptr;
};

void add_stdole(model::LibrarySet& set) {
  std::string errors;
  auto stdole = read_tlb(source("testdata/corpus/wine/stdole2.tlb"), 0, errors);
  REQUIRE_MESSAGE(stdole, errors);
  set.add(std::move(*stdole));
}

std::optional<model::Library> parse(const std::string& idl, model::SysKind target,
                                    const std::string& name = "t.idl") {
  idl::IdlOptions opts;
  opts.target = target;
  opts.include_dirs = {source("testdata/idl/wine-include").string(),
                       source("testdata/idl/wine-headers").string()};
  opts.load_importlib = [](const std::string& f,
                           support::DiagEngine&) -> std::optional<model::Library> {
    std::string why;
    return read_tlb(source("testdata/corpus/wine/" + f), 0, why);
  };
  opts.read_file = [idl, name](const std::string& path) -> std::optional<std::string> {
    if (path == name) return idl;
    if (!fs::exists(path)) return std::nullopt;
    return slurp_file(path);
  };
  support::DiagEngine diags;
  auto read = idl::read_idl(name, opts, diags);
  REQUIRE_MESSAGE(read, diag_text(diags));
  return read;
}

void load(Lib& l, const std::string& idl, model::SysKind target = model::SysKind::Win64) {
  add_stdole(l.set);
  l.lib = &l.set.add(*parse(idl, target));
}

struct Out {
  std::string text, warnings;
};

Out header(const Lib& l, cppw::CppOptions opts = {}) {
  support::DiagEngine diags;
  Out o;
  o.text = cppw::write_header(*l.lib, l.set, opts, diags);
  for (const auto& d : diags.all()) o.warnings += d.code + " " + d.message + "\n";
  return o;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}
size_t pos(const std::string& text, const std::string& part) {
  size_t p = text.find(part);
  REQUIRE_MESSAGE(p != std::string::npos, "missing: " << part << "\n" << text);
  return p;
}

constexpr const char* kPrologue = R"idl(
import "oaidl.idl";
[uuid(7B0C0C00-0000-4000-8000-000000000001), version(1.0), helpstring("Core test")]
library CoreLib {
  importlib("stdole2.tlb");
)idl";

std::string lib_idl(const std::string& body) { return std::string(kPrologue) + body + "\n};\n"; }

}  // namespace

TEST_CASE("cpp core: reserved names are keywords and the Windows headers' breaking macros") {
  for (const char* k : {"class", "and", "xor_eq", "co_await", "requires", "char8_t", "delete"})
    CHECK_MESSAGE(cppw::is_cpp_keyword(k), k);
  for (const char* m : {"DELETE", "ERROR", "IN", "OUT", "min", "max", "interface", "small",
                        "TRUE", "CONST", "VOID", "FONTSIZE", "RGB", "MAKELONG", "offsetof"})
    CHECK_MESSAGE(cppw::is_breaking_macro(m), m);
  // A macro whose expansion is one identifier (GetObject → GetObjectW) changes nothing.
  for (const char* ok : {"GetObject", "CreateFile", "Count", "Item", "Name", "Value", "LONG"})
    CHECK_MESSAGE(!cppw::is_reserved_name(ok), ok);

  model::Library lib;
  model::LibrarySet set;
  cppw::CppOptions opts;
  opts.renames = {{"Shape", "Figure"}, {"Old", "class"}};
  support::DiagEngine diags;
  cppw::Context cx{lib, set, opts, diags, "", {}, {}, {}, nullptr};
  CHECK(cppw::ident(cx, "DELETE") == "DELETE_");
  CHECK(cppw::ident(cx, "and") == "and_");
  CHECK(cppw::ident(cx, "Count") == "Count");
  CHECK(cppw::ident(cx, "Shape") == "Figure");
  CHECK(cppw::ident(cx, "Old") == "class_");  // a rename to a keyword is escaped too
  CHECK(cppw::ident(cx, "2D Point") == "_2D_Point");
  CHECK(cppw::ident(cx, "") == "_");
}

TEST_CASE("cpp core: escaped names in a header, enumerators unique at namespace scope") {
  Lib l;
  load(l, lib_idl(R"idl(
  typedef [uuid(7B0C0C00-0000-4000-8000-000000000010)] enum Dir { IN = 1, OUT = 2, Both = 3 } Dir;
  typedef [uuid(7B0C0C00-0000-4000-8000-000000000011)] enum Other { Both2 = 4, Dir2 = 5 } Other;
  typedef [uuid(7B0C0C00-0000-4000-8000-000000000012)] struct Rec { long ERROR; long max; } Rec;
  [object, uuid(7B0C0C00-0000-4000-8000-000000000002), oleautomation]
  interface IThing : IUnknown { HRESULT Go([in] long min, [in] long DELETE); };
)idl"));
  Out o = header(l);
  CHECK(has(o.text, "  IN_ = 1,"));
  CHECK(has(o.text, "  OUT_ = 2,"));
  CHECK(has(o.text, "  LONG ERROR_;"));
  CHECK(has(o.text, "  LONG max_;"));
  CHECK(has(o.text, "raw_Go(LONG min_, LONG DELETE_)"));
  CHECK(has(o.text, "enum Dir : int {"));
}

TEST_CASE("cpp core: a parameter or field never hides a Windows type the declaration uses") {
  using namespace model;
  Function f;
  f.name = "Put";
  f.result = TypeRef::base(vt::HResult);
  f.vtable_offset = 3 * 8;
  f.params.push_back(Param{"LONG", TypeRef::base(vt::I4), paramflag::In, {}, {}});
  f.params.push_back(Param{"count", TypeRef::base(vt::I4), paramflag::In, {}, {}});
  TypeInfo iface;
  iface.name = "IPut";
  iface.def = InterfaceDef{{}, {f}};
  TypeInfo rec;
  rec.name = "Holder";
  rec.def = RecordDef{{Variable{"VARIANT", kMemberIdNil, VarKind::PerInstance, 0,
                                TypeRef::base(vt::I4), {}, 0, {}, {}},
                       Variable{"v", kMemberIdNil, VarKind::PerInstance, 0,
                                TypeRef::base(vt::Variant), {}, 8, {}, {}}}};
  Library lib;
  lib.name = "Hide";
  lib.types = {iface, rec};
  LibrarySet set;
  const Library& stored = set.add(lib);
  support::DiagEngine diags;
  std::string text = cppw::write_header(stored, set, {}, diags);
  CHECK(has(text, "raw_Put(LONG LONG_, LONG count)"));
  CHECK(has(text, "  LONG VARIANT_;\n  VARIANT v;\n"));
}

TEST_CASE("cpp core: event sinks are named for local [source] interfaces, clear of other names") {
  Lib l;
  load(l, lib_idl(R"idl(
  [uuid(7B0C0C00-0000-4000-8000-000000000020)]
  dispinterface DEvents { properties: methods: [id(1)] void Fired([in] long n); };
  typedef [uuid(7B0C0C00-0000-4000-8000-000000000021)] struct DEventsSink { long taken; } DEventsSink;
  [object, uuid(7B0C0C00-0000-4000-8000-000000000002), oleautomation, dual]
  interface IThing : IDispatch { HRESULT Go(); };
  [uuid(7B0C0C00-0000-4000-8000-000000000004)]
  coclass Thing { [default] interface IThing; [default, source] dispinterface DEvents; };
)idl"));
  Out o = header(l);
  CHECK(has(o.text, "struct DEventsSink {"));
  CHECK(has(o.text, "DEventsSink_"));  // the sink class gives way to the library's own type
  CHECK(!has(o.text, "IThingSink"));   // only [source] interfaces get a sink
}

TEST_CASE("cpp core: a library type named like a Windows type does not hide the Windows one") {
  using namespace model;
  Function f;
  f.name = "Take";
  f.result = TypeRef::base(vt::HResult);
  f.vtable_offset = 3 * 8;
  f.params.push_back(Param{"v", TypeRef::base(vt::Variant), paramflag::In, {}, {}});
  f.params.push_back(Param{"d", TypeRef::base(vt::Date), paramflag::In, {}, {}});
  TypeInfo iface;
  iface.name = "ITake";
  iface.def = InterfaceDef{{}, {f}};
  TypeInfo mine;
  mine.name = "VARIANT";  // the library's own record of that name
  mine.def = RecordDef{};
  Library lib;
  lib.name = "Shadow";
  lib.types = {iface, mine};
  LibrarySet set;
  const Library& stored = set.add(lib);
  support::DiagEngine diags;
  std::string text = cppw::write_header(stored, set, {}, diags);
  CHECK(has(text, "raw_Take(::VARIANT v, DATE d)"));
  CHECK(has(text, "struct VARIANT {"));
}

TEST_CASE("cpp core: names the support code and inherited methods need are kept clear") {
  using namespace model;
  Function f;
  f.name = "VARIANT";  // a method of that name would hide the type from later declarations
  f.result = TypeRef::base(vt::HResult);
  f.vtable_offset = 3 * 8;
  f.params.push_back(Param{"v", TypeRef::base(vt::Variant), paramflag::In, {}, {}});
  TypeInfo iface;
  iface.name = "Release";  // com_ptr<Release> calls p->Release(): the struct's name would hide it
  iface.def = InterfaceDef{{}, {f}};
  Library lib;
  lib.name = "tlbkit";  // the support header's namespace
  lib.types = {iface};
  LibrarySet set;
  const Library& stored = set.add(lib);
  support::DiagEngine diags;
  cppw::CppOptions raw;
  raw.raw_interfaces_only = true;
  std::string text = cppw::write_header(stored, set, raw, diags);
  CHECK(has(text, "namespace tlbkit_ {"));
  CHECK(has(text, "struct Release_ : ::IUnknown {"));
  CHECK(has(text, "STDMETHODCALLTYPE VARIANT_(VARIANT v) = 0;"));
}

TEST_CASE("cpp core: module constants are inline constexpr; module functions a comment") {
  Lib l;
  load(l, lib_idl(R"idl(
  [dllname("k.dll"), uuid(7B0C0C00-0000-4000-8000-000000000030)]
  module Consts {
    const long Five = 5;
    const LPSTR Hello = "hi";
    const double Half = 0.5;
    [entry("F")] HRESULT F([in] long x);
  };
)idl"));
  Out o = header(l);
  CHECK(has(o.text, "// module Consts (k.dll): its functions are not bound: F\n"));
  CHECK(has(o.text, "inline constexpr LONG Five = 5;"));
  CHECK(has(o.text, "inline constexpr const char* Hello = \"hi\";"));
  CHECK(has(o.text, "inline constexpr DOUBLE Half = 0.5;"));
}

TEST_CASE("cpp core: a type name and an enumerator of the same name stay distinct") {
  Lib l;
  load(l, lib_idl(R"idl(
  typedef [uuid(7B0C0C00-0000-4000-8000-000000000010)] enum Color { Red = 1, Pt = 2 } Color;
  typedef [uuid(7B0C0C00-0000-4000-8000-000000000011)] struct Pt { long x; } Pt;
)idl"));
  Out o = header(l);
  CHECK(has(o.text, "struct Pt {"));
  CHECK(has(o.text, "  Pt_ = 2,"));  // the type keeps its name; the enumerator gives way
}

TEST_CASE("cpp core: records carry the library's layout, checked for its target") {
  const char* body = R"idl(
  typedef [uuid(7B0C0C00-0000-4000-8000-000000000011)] struct Rec { char c; double d; IUnknown* p; } Rec;
)idl";
  Lib l64, l32;
  load(l64, lib_idl(body), model::SysKind::Win64);
  load(l32, lib_idl(body), model::SysKind::Win32);
  Out o64 = header(l64), o32 = header(l32);
  CHECK(has(o64.text, "#pragma pack(push, 8)\nstruct Rec {\n  CHAR c;\n  DOUBLE d;\n  ::IUnknown* p;\n};\n#pragma pack(pop)\n#if defined(_WIN64)\n"));
  CHECK(has(o64.text, "static_assert(sizeof(Rec) == 24, "));
  CHECK(has(o64.text, "static_assert(alignof(Rec) == 8, "));
  CHECK(has(o64.text, "static_assert(offsetof(Rec, p) == 16, "));
  CHECK(has(o32.text, "#if !defined(_WIN64)\n"));
  CHECK(has(o32.text, "static_assert(sizeof(Rec) == 24, "));
  CHECK(has(o32.text, "static_assert(offsetof(Rec, p) == 16, "));
  CHECK(!has(o32.text, "#if defined(_WIN64)"));
}

TEST_CASE("cpp core: no layout checks for win16 and Mac libraries (no compiler of today has them)") {
  using namespace model;
  for (SysKind k : {SysKind::Win16, SysKind::Mac}) {
    TypeInfo rec;
    rec.name = "Old";
    rec.layout = TypeLayout{4, 2, 0};
    rec.def = RecordDef{{Variable{"a", kMemberIdNil, VarKind::PerInstance, 0,
                                  TypeRef::base(vt::I2), {}, 0, {}, {}},
                         Variable{"b", kMemberIdNil, VarKind::PerInstance, 0,
                                  TypeRef::base(vt::I2), {}, 2, {}, {}}}};
    Library lib;
    lib.name = "Old";
    lib.syskind = k;
    lib.types = {rec};
    LibrarySet set;
    const Library& stored = set.add(lib);
    support::DiagEngine diags;
    std::string text = cppw::write_header(stored, set, {}, diags);
    CHECK(has(text, "#pragma pack(push, 2)\nstruct Old {\n  SHORT a;\n  SHORT b;\n};"));
    CHECK(!has(text, "static_assert"));
  }
}

TEST_CASE("cpp core: records after what they hold by value, aliases before their use") {
  Lib l;
  load(l, lib_idl(R"idl(
  typedef struct Outer Outer;
  typedef [uuid(7B0C0C00-0000-4000-8000-000000000011)] struct Outer { struct Inner in; Later* p; } Outer_;
  typedef [uuid(7B0C0C00-0000-4000-8000-000000000012)] struct Inner { long a[4]; } Inner;
  typedef [uuid(7B0C0C00-0000-4000-8000-000000000013)] struct Later { long b; } Later;
)idl"));
  Out o = header(l);
  CHECK(pos(o.text, "struct Inner {") < pos(o.text, "struct Outer {"));
  CHECK(has(o.text, "  LONG a[4];"));
  CHECK(has(o.text, "  ::CoreLib::Later* p;"));  // through a pointer: the forward declaration serves
  CHECK(pos(o.text, "struct Later;") < pos(o.text, "struct Outer {"));
}

TEST_CASE("cpp core: types of a library not at hand become stand-ins, named once (TK7001)") {
  using namespace model;
  Library other;
  other.name = "Office";
  other.libid = *Guid::parse("{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}");
  other.version = {2, 1};
  Library lib;
  lib.name = "Main";
  lib.libid = *Guid::parse("{7B0C0C00-0000-4000-8000-0000000000AA}");
  lib.imports.push_back(ImportedLibrary{*other.libid, {2, 1}, 0, "mso.dll", "Office"});
  auto office = [](const char* name) {
    UserType u;
    u.import = 0;
    u.name = name;
    return TypeRef{u};
  };
  Function f;
  f.name = "Use";
  f.result = TypeRef::base(vt::HResult);
  f.params.push_back(Param{"shape", TypeRef::pointer_to(office("Shape")), paramflag::In, {}, {}});
  f.params.push_back(Param{"state", office("MsoTriState"), paramflag::In, {}, {}});
  TypeInfo iface;
  iface.name = "IUser";
  iface.guid = *Guid::parse("{7B0C0C00-0000-4000-8000-0000000000AB}");
  f.vtable_offset = 3 * 8;  // after IUnknown's slots
  iface.def = InterfaceDef{{}, {f}};
  TypeInfo rec;
  rec.name = "Holder";
  rec.def = RecordDef{{Variable{"state", kMemberIdNil, VarKind::PerInstance, 0, office("MsoTriState"),
                                {}, 0, {}, {}}}};
  std::get<RecordDef>(rec.def).fields[0].offset = 0;
  rec.layout = TypeLayout{4, 4, 0};
  lib.types = {iface, rec};
  LibrarySet set;
  const Library& stored = set.add(lib);
  support::DiagEngine diags;
  std::string text = cppw::write_header(stored, set, {}, diags);
  CHECK(has(text, "// Not at hand: Office 2.1 {2DF8D04C-5BFA-101B-BDE5-00AA0044DE52} (mso.dll)"));
  CHECK(has(text, "::IUnknown* shape, int32_t state"));
  // A field of such a type is the bytes the library records for it, so the record keeps its
  // layout, and its checks.
  CHECK(has(text, "struct alignas(4) Holder {\n  alignas(4) unsigned char state[4];"));
  CHECK(has(text, "static_assert(sizeof(Holder) == 4"));
  CHECK(!has(text, "no layout checks"));
  int tk7001 = 0;
  for (const auto& d : diags.all()) tk7001 += d.code == "TK7001";
  CHECK(tk7001 == 1);
  REQUIRE(!diags.all().empty());
  CHECK(has(diags.all()[0].message, "library Office {2DF8D04C-5BFA-101B-BDE5-00AA0044DE52} 2.1 "
                                     "(mso.dll) is not at hand"));
  CHECK((has(diags.all()[0].message, "(the first: 'Shape' of that library)") ||
         has(diags.all()[0].message, "(the first: 'MsoTriState' of that library)")));
}

TEST_CASE("cpp core: a byte stand-in starts at the recorded offset after padding; no checks on "
          "win16") {
  using namespace model;
  Library lib;
  lib.name = "Main";
  lib.libid = *Guid::parse("{7B0C0C00-0000-4000-8000-0000000000AC}");
  lib.imports.push_back(ImportedLibrary{*Guid::parse("{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}"),
                                        {2, 1}, 0, "mso.dll", "Office"});
  UserType u;
  u.import = 0;
  u.name = "Wide";
  TypeInfo rec;
  rec.name = "Holder";
  // { char c; Wide w /* 8 bytes, aligned 8 */; short s; }: w at 8, s at 16, size 24.
  rec.def = RecordDef{{Variable{"c", kMemberIdNil, VarKind::PerInstance, 0, TypeRef::base(vt::I1),
                                {}, 0, {}, {}},
                       Variable{"w", kMemberIdNil, VarKind::PerInstance, 0, TypeRef{u}, {}, 8, {}, {}},
                       Variable{"s", kMemberIdNil, VarKind::PerInstance, 0, TypeRef::base(vt::I2),
                                {}, 16, {}, {}}}};
  rec.layout = TypeLayout{24, 8, 0};
  lib.types = {rec};
  LibrarySet set;
  const Library& stored = set.add(lib);
  support::DiagEngine diags;
  std::string text = cppw::write_header(stored, set, {}, diags);
  CHECK(has(text, "  alignas(8) unsigned char w[8];"));
  CHECK(has(text, "static_assert(offsetof(Holder, s) == 16"));
  Library old = lib;
  old.syskind = SysKind::Win16;
  LibrarySet set16;
  const Library& stored16 = set16.add(old);
  std::string text16 = cppw::write_header(stored16, set16, {}, diags);
  CHECK(has(text16, "  int32_t w;"));
  CHECK(!has(text16, "static_assert"));
}

TEST_CASE("cpp core: a type of another library at hand is that library's, and its header is included") {
  Lib l;
  add_stdole(l.set);
  const model::Library& other = l.set.add(*parse(R"idl(
import "oaidl.idl";
[uuid(7B0C0C00-0000-4000-8000-0000000000B1), version(1.0)]
library OtherLib {
  importlib("stdole2.tlb");
  [object, uuid(7B0C0C00-0000-4000-8000-0000000000B2), oleautomation]
  interface IBaseThing : IUnknown { HRESULT A(); HRESULT B(); };
};
)idl", model::SysKind::Win64, "other.idl"));
  (void)other;
  // The main library refers to OtherLib's interface through an importlib of its typelib file.
  model::Library main = *parse(lib_idl(R"idl(
  [object, uuid(7B0C0C00-0000-4000-8000-000000000002), oleautomation]
  interface IDerived : IUnknown { HRESULT C([in] IFontDisp* font, [in] OLE_COLOR color); };
)idl"), model::SysKind::Win64);
  // Re-point IDerived's base at OtherLib's IBaseThing (an import), as a typelib would record it.
  main.imports.push_back(model::ImportedLibrary{*other.libid, {1, 0}, 0, "other.tlb", "OtherLib"});
  for (auto& t : main.types)
    if (t.name == "IDerived") {
      auto& def = std::get<model::InterfaceDef>(t.def);
      model::UserType u;
      u.import = static_cast<uint32_t>(main.imports.size() - 1);
      u.name = "IBaseThing";
      def.bases = {model::ImplType{model::TypeRef{u}, 0, {}}};
      for (size_t i = 0; i < def.functions.size(); ++i)
        def.functions[i].vtable_offset = static_cast<int32_t>((5 + i) * 8);
    }
  l.lib = &l.set.add(std::move(main));
  Out o = header(l);
  CHECK(has(o.text, "#include \"OtherLib.h\"\n"));
  CHECK(has(o.text, "struct IDerived : ::OtherLib::IBaseThing {"));
  CHECK(has(o.text, "raw_C(::IFontDisp* font, ::OLE_COLOR color)"));
  CHECK(!has(o.text, "_tlbkit_slot"));
  CHECK(o.warnings.empty());
}

TEST_CASE("cpp core: vtable slots of a base not at hand are kept by placeholders") {
  using namespace model;
  Library lib;
  lib.name = "Slots";
  lib.libid = *Guid::parse("{7B0C0C00-0000-4000-8000-0000000000C1}");
  lib.imports.push_back(ImportedLibrary{*Guid::parse("{7B0C0C00-0000-4000-8000-0000000000C2}"),
                                        {1, 0}, 0, "gone.tlb", "Gone"});
  UserType base;
  base.import = 0;
  base.name = "IGoneBase";
  Function f;
  f.name = "Late";
  f.result = TypeRef::base(vt::HResult);
  f.vtable_offset = 9 * 8;
  TypeInfo t;
  t.name = "ILate";
  t.guid = *Guid::parse("{7B0C0C00-0000-4000-8000-0000000000C3}");
  t.flags = typeflag::Dual;
  t.def = InterfaceDef{{ImplType{TypeRef{base}, 0, {}}}, {f}};
  lib.types = {t};
  LibrarySet set;
  const Library& stored = set.add(lib);
  support::DiagEngine diags;
  std::string text = cppw::write_header(stored, set, {}, diags);
  CHECK(has(text, "struct ILate : ::IDispatch {"));
  CHECK(has(text, "  virtual HRESULT STDMETHODCALLTYPE _tlbkit_slot7() = 0;\n"
                  "  virtual HRESULT STDMETHODCALLTYPE _tlbkit_slot8() = 0;\n"
                  "  virtual HRESULT STDMETHODCALLTYPE raw_Late() = 0;\n"));

  // A damaged offset far past any real gap: declaration order, not millions of placeholders.
  std::get<InterfaceDef>(lib.types[0].def).functions[0].vtable_offset = 50'000'000 * 8;
  LibrarySet set2;
  const Library& damaged = set2.add(lib);
  std::string small = cppw::write_header(damaged, set2, {}, diags);
  CHECK(small.size() < text.size() + 100);
  CHECK(has(small, "  virtual HRESULT STDMETHODCALLTYPE raw_Late() = 0;"));
  CHECK(!has(small, "_tlbkit_slot"));
}

TEST_CASE("cpp core: interfaces in base order; inherited names are never redeclared") {
  using namespace model;
  auto fn = [](const char* name, std::vector<Param> params) {
    Function f;
    f.name = name;
    f.result = TypeRef::base(vt::HResult);
    f.params = std::move(params);
    return f;
  };
  UserType base_ref;
  base_ref.index = 1;
  base_ref.name = "IBase";
  TypeInfo kid;  // listed before its base
  kid.name = "IKid";
  kid.guid = *Guid::parse("{7B0C0C00-0000-4000-8000-0000000000D1}");
  kid.def = InterfaceDef{{ImplType{TypeRef{base_ref}, 0, {}}},
                         {fn("Release", {}),
                          fn("Go", {Param{"x", TypeRef::base(vt::I4), paramflag::In, {}, {}}})}};
  TypeInfo base;
  base.name = "IBase";
  base.guid = *Guid::parse("{7B0C0C00-0000-4000-8000-0000000000D2}");
  base.def = InterfaceDef{{}, {fn("Go", {})}};
  Library lib;
  lib.name = "Order";
  lib.libid = *Guid::parse("{7B0C0C00-0000-4000-8000-0000000000D0}");
  // Slots as a 64-bit library records them: IBase's Go after IUnknown's three, IKid's after it.
  std::get<InterfaceDef>(base.def).functions[0].vtable_offset = 3 * 8;
  std::get<InterfaceDef>(kid.def).functions[0].vtable_offset = 4 * 8;
  std::get<InterfaceDef>(kid.def).functions[1].vtable_offset = 5 * 8;
  lib.types = {kid, base};
  LibrarySet set;
  const Library& stored = set.add(lib);
  cppw::CppOptions raw;
  raw.raw_interfaces_only = true;
  support::DiagEngine diags;
  std::string text = cppw::write_header(stored, set, raw, diags);
  CHECK(pos(text, "struct IBase : ::IUnknown {") < pos(text, "struct IKid : ::Order::IBase {"));
  // A base's name again would hide its virtual (clang's -Woverloaded-virtual) or, with the same
  // signature, override it and lose a vtable slot.
  CHECK(has(text, "STDMETHODCALLTYPE Release_() = 0;"));
  CHECK(has(text, "STDMETHODCALLTYPE Go_(LONG x) = 0;"));
  CHECK(has(text, "STDMETHODCALLTYPE Go() = 0;"));
  std::string prefixed = cppw::write_header(stored, set, {}, diags);
  CHECK(has(prefixed, "STDMETHODCALLTYPE raw_Release() = 0;"));
  CHECK(has(prefixed, "STDMETHODCALLTYPE raw_Go_(LONG x) = 0;"));
}

TEST_CASE("cpp core: --rename, --exclude, namespaces and --named-guids") {
  Lib l;
  load(l, lib_idl(R"idl(
  typedef [uuid(7B0C0C00-0000-4000-8000-000000000011)] struct Pt { long x; } Pt;
  [object, uuid(7B0C0C00-0000-4000-8000-000000000005), oleautomation]
  interface IOther : IUnknown { HRESULT X(); };
  [object, uuid(7B0C0C00-0000-4000-8000-000000000002), oleautomation]
  interface IThing : IUnknown { HRESULT Move([in] Pt where, [in] Pt* to, [in] IOther* o); };
  [uuid(7B0C0C00-0000-4000-8000-000000000004)] coclass Thing { interface IThing; };
)idl"));
  Out plain = header(l);
  CHECK(has(plain.text, "namespace CoreLib {"));
  CHECK(has(plain.text, "template <> struct uuid_of<::CoreLib::IThing>"));
  CHECK(!has(plain.text, "IID_IThing"));

  cppw::CppOptions o;
  o.renames = {{"IThing", "IWidget"}};
  o.excludes = {"Pt", "IOther"};
  o.namespace_name = "Gen";
  o.named_guids = true;
  Out r = header(l, o);
  CHECK(has(r.text, "namespace Gen {"));
  CHECK(has(r.text, "struct IWidget : ::IUnknown {"));
  CHECK(has(r.text, "template <> struct uuid_of<::Gen::IWidget>"));
  CHECK(!has(r.text, "struct Pt"));
  // As #import's exclude(): an excluded record is declared elsewhere (the SDK, the user) under
  // its own name at global scope; an excluded interface is reached as IUnknown.
  CHECK(has(r.text, "raw_Move(::Pt where, ::Pt* to, ::IUnknown* o)"));
  CHECK(!has(r.text, "struct IOther"));
  CHECK(has(r.text, "inline constexpr ::GUID LIBID_CoreLib = {0x7b0c0c00, 0x0000, 0x4000,"));
  CHECK(has(r.text, "inline constexpr ::GUID IID_IWidget = "));
  CHECK(has(r.text, "inline constexpr ::GUID CLSID_Thing = "));

  cppw::CppOptions none;
  none.no_namespace = true;
  Out n = header(l, none);
  CHECK(!has(n.text, "namespace CoreLib"));
  CHECK(has(n.text, "template <> struct uuid_of<::IThing>"));
  CHECK(has(n.text, "raw_Move(::Pt where, ::Pt* to, ::IOther* o)"));
}

TEST_CASE("cpp core: --no-namespace keeps clear of the SDK's global names") {
  Lib l;
  load(l, lib_idl(R"idl(
  typedef [uuid(7B0C0C00-0000-4000-8000-000000000011)] struct Rectangle { long w; } Rectangle;
  typedef [uuid(7B0C0C00-0000-4000-8000-000000000012)] struct _SYSTEMTIME { short y; } SysTime;
  typedef [uuid(7B0C0C00-0000-4000-8000-000000000013)] enum Shade { IFont = 1 } Shade;
)idl"));
  Out in_ns = header(l);
  CHECK(has(in_ns.text, "struct Rectangle {"));
  CHECK(has(in_ns.text, "struct _SYSTEMTIME {"));
  CHECK(has(in_ns.text, "  IFont = 1,"));
  cppw::CppOptions global;
  global.no_namespace = true;
  Out o = header(l, global);
  CHECK(has(o.text, "struct Rectangle_ {"));  // Rectangle is a GDI function
  CHECK(has(o.text, "  IFont_ = 1,"));
  // _SYSTEMTIME is winbase.h's struct tag, and _SYSTEMTIME_ one of its (empty) macros.
  CHECK(has(o.text, "struct _SYSTEMTIME__ {"));
}

TEST_CASE("cpp core: stdole's own header maps its types to the SDK's") {
  model::LibrarySet set;
  std::string errors;
  const model::Library& stdole =
      set.add(*read_tlb(source("testdata/corpus/wine/stdole2.tlb"), 0, errors));
  support::DiagEngine diags;
  std::string text = cppw::write_header(stdole, set, {}, diags);
  CHECK(has(text, "using IDispatch = ::IDispatch;"));
  CHECK(has(text, "using Font = ::IFontDisp;"));
  CHECK(has(text, "using GUID = ::GUID;"));
  CHECK(!has(text, "struct IUnknown"));
  CHECK(has(text, "typedef BSTR FONTNAME;"));
  CHECK(has(text, "typedef CY FONTSIZE_;"));  // FONTSIZE is a function-like macro of olectl.h
}

TEST_CASE("cpp core: GUID initializers and constant literals") {
  CHECK(cppw::guid_initializer(*support::Guid::parse("{00020400-0000-0000-C000-000000000046}")) ==
        "{0x00020400, 0x0000, 0x0000, {0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}}");
  model::Library lib;
  model::LibrarySet set;
  cppw::CppOptions opts;
  support::DiagEngine diags;
  cppw::Context cx{lib, set, opts, diags, "", {}, {}, {}, nullptr};
  using model::TypeRef;
  namespace vt = model::vt;
  CHECK(cppw::value_literal(cx, {vt::I4, int64_t{-2147483648LL}}, TypeRef::base(vt::I4)) ==
        "(-2147483647 - 1)");
  CHECK(cppw::value_literal(cx, {vt::I4, int64_t{7}}, TypeRef::base(vt::I4)) == "7");
  CHECK(cppw::value_literal(cx, {vt::UI4, int64_t{4294967295LL}}, TypeRef::base(vt::UI4)) ==
        "4294967295U");
  CHECK(cppw::value_literal(cx, {vt::Bool, int64_t{-1}}, TypeRef::base(vt::Bool)) ==
        "VARIANT_TRUE");
  CHECK(cppw::value_literal(cx, {vt::R8, 0.5}, TypeRef::base(vt::R8)) == "0.5");
  CHECK(cppw::value_literal(cx, {vt::R8, 2.0}, TypeRef::base(vt::R8)) == "2.0");
  CHECK(cppw::value_literal(cx, {vt::Bstr, std::string("a\"b\\c?" "?/\xC3\xA9")},
                            TypeRef::base(vt::Bstr)) == "L\"a\\\"b\\\\c\\?\\?/\\u00E9\"");
  CHECK(cppw::value_literal(cx, {vt::Bstr, std::string("x")}, TypeRef::base(vt::Variant)) ==
        "L\"x\"");
  CHECK(cppw::value_literal(cx, {vt::Bool, int64_t{0}}, TypeRef::base(vt::Variant)) == "false");
  CHECK(cppw::value_literal(cx, {vt::Empty, {}}, TypeRef::base(vt::Variant)).empty());
  CHECK(cppw::value_literal(cx, {vt::I4, int64_t{0}},
                            TypeRef::pointer_to(TypeRef::base(vt::I4))) == "nullptr");
  CHECK(cppw::value_literal(cx, {vt::Cy, int64_t{10000}}, TypeRef::base(vt::Cy)).empty());
}

TEST_CASE("cpp core: a constant of an enum or alias type is written for that type") {
  Lib l;
  load(l, lib_idl(R"idl(
  typedef [uuid(7B0C0C00-0000-4000-8000-000000000010)] enum Mode { ModeA = 0, ModeB = 1 } Mode;
  typedef [uuid(7B0C0C00-0000-4000-8000-000000000011)] short Small;
)idl"));
  support::DiagEngine diags;
  cppw::CppOptions opts;
  cppw::Context cx{*l.lib, l.set, opts, diags, "CoreLib", {}, {}, {}, nullptr};
  for (const auto& t : l.lib->types) cx.type_names.push_back(t.name);
  auto ref = [&](const char* name) {
    for (uint32_t i = 0; i < l.lib->types.size(); ++i)
      if (l.lib->types[i].name == name) {
        model::UserType u;
        u.index = i;
        u.name = name;
        return model::TypeRef{u};
      }
    FAIL("no type " << name);
    return model::TypeRef{};
  };
  CHECK(cppw::value_literal(cx, {model::vt::I4, int64_t{1}}, ref("Mode")) ==
        "static_cast<::CoreLib::Mode>(1)");
  CHECK(cppw::value_literal(cx, {model::vt::I4, int64_t{70000}}, ref("Small")) == "4464");
}

TEST_CASE("cpp core: declarators for arrays and pointers to arrays; parameters decay") {
  model::Library lib;
  model::LibrarySet set;
  cppw::CppOptions opts;
  support::DiagEngine diags;
  cppw::Context cx{lib, set, opts, diags, "", {}, {}, {}, nullptr};
  using namespace model;
  TypeRef grid{CArray{TypeRef::base(vt::I4), {ArrayBound{0, 3}, ArrayBound{0, 4}}}};
  CHECK(cppw::declare(cx, grid, "g") == "LONG g[3][4]");
  CHECK(cppw::declare(cx, TypeRef::pointer_to(grid), "p") == "LONG (*p)[3][4]");
  CHECK(cppw::declare(cx, TypeRef::pointer_to(TypeRef::pointer_to(TypeRef::base(vt::Bstr))), "b") ==
        "BSTR** b");
  CHECK(cppw::raw_type(cx, grid) == "LONG (*)[4]");
  CHECK(cppw::raw_type(cx, TypeRef::safearray_of(TypeRef::base(vt::Variant))) == "SAFEARRAY*");
  CHECK(cppw::raw_type(cx, TypeRef::base(vt::Dispatch)) == "::IDispatch*");
}

TEST_CASE("cpp core: output is deterministic and ASCII, helpstrings included") {
  Lib l;
  load(l, lib_idl("  [object, uuid(7B0C0C00-0000-4000-8000-000000000002), oleautomation, "
                  "helpstring(\"caf\xC3\xA9 ?" "?/ end\")]\n"
                  "  interface IThing : IUnknown { HRESULT Go(); };\n"));
  Out a = header(l), b = header(l);
  CHECK(a.text == b.text);
  for (char c : a.text) CHECK_MESSAGE(static_cast<unsigned char>(c) < 0x80, "non-ASCII output");
  CHECK(has(a.text, "// C++ bindings for library CoreLib 1.0 (Core test), generated by tlbkit"));
}

TEST_CASE("cpp core: a library named as an SDK global (a header's stem: select.h) gets namespace select_") {
  model::Library lib;
  lib.name = "select";
  model::LibrarySet set;
  const model::Library& stored = set.add(lib);
  support::DiagEngine diags;
  std::string text = cppw::write_header(stored, set, {}, diags);
  CHECK(has(text, "namespace select_ {"));
  CHECK_FALSE(has(text, "namespace select {"));
}

TEST_CASE("cpp core: a header is never named as one the SDK's headers include (ocidl.h -> ocidl_.h)") {
  model::Library lib;
  lib.name = "ocidl";
  CHECK(cppw::header_name(lib) == "ocidl_.h");
  lib.name = "Windows";  // Windows file names are not case-sensitive
  CHECK(cppw::header_name(lib) == "Windows_.h");
  lib.name = "taskschd";  // not included by the support header: kept
  CHECK(cppw::header_name(lib) == "taskschd.h");
}
