// The IDL reader's semantic pass: what read_idl builds from small IDL files held in memory (the
// rules widl follows, checked against widl 8.0 by hand), and the located diagnostics for bad
// input. Layer: tests.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "readers/idl/idl_reader.h"
#include "readers/tlb/tlb_reader.h"

using namespace tlbkit;
namespace m = tlbkit::model;

namespace {

struct Result {
  std::optional<m::Library> lib;
  std::vector<support::Diagnostic> diags;
  const support::Diagnostic* find(const std::string& code) const {
    for (const auto& d : diags) {
      if (d.code == code) return &d;
    }
    return nullptr;
  }
};

std::optional<m::Library> stdole2(support::DiagEngine& d) {
  std::ifstream in(std::string(TLBKIT_SOURCE_DIR) + "/testdata/corpus/wine/stdole2.tlb",
                   std::ios::binary);
  std::vector<uint8_t> b((std::istreambuf_iterator<char>(in)), {});
  return tlb::read_typelib(b, "stdole2.tlb", std::nullopt, d);
}

/// Reads "main.idl" from `files` (a name → text map; nothing is read from disk but stdole2.tlb).
Result run(std::map<std::string, std::string> files,
           m::SysKind target = m::SysKind::Win64) {
  idl::IdlOptions o;
  o.target = target;
  o.include_dirs.push_back("inc");
  o.read_file = [files](const std::string& p) -> std::optional<std::string> {
    auto it = files.find(p);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  o.load_importlib = [](const std::string& f, support::DiagEngine& d)
      -> std::optional<m::Library> {
    if (f == "stdole2.tlb") return stdole2(d);
    return std::nullopt;
  };
  support::DiagEngine diags(0);
  Result r;
  r.lib = idl::read_idl("main.idl", o, diags);
  r.diags = diags.all();
  return r;
}

/// A minimal IDispatch/IUnknown world, as oaidl.idl and unknwn.idl give it.
const char* kBase = R"(
typedef long HRESULT;
[object, uuid(00000000-0000-0000-C000-000000000046)]
interface IUnknown { HRESULT QueryInterface(); unsigned long AddRef(); unsigned long Release(); }
[object, uuid(00020400-0000-0000-C000-000000000046)]
interface IDispatch : IUnknown { HRESULT GetTypeInfoCount(); }
typedef [wire_marshal(long)] short *BSTR;
typedef short VARIANT_BOOL;
typedef struct tagVARIANT { long x; } VARIANT;
)";

std::string lib(const std::string& body) {
  return std::string("import \"inc/base.idl\";\n[uuid(11111111-2222-3333-4444-555555555555), "
                     "version(1.2)]\nlibrary L {\nimportlib(\"stdole2.tlb\");\n") +
         body + "\n}\n";
}

const m::TypeInfo* type_named(const m::Library& l, const std::string& name) {
  for (const auto& t : l.types) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::string dump(const Result& r) {
  std::string out;
  for (const auto& d : r.diags) out += support::format_diagnostic(d, support::DiagStyle::Gcc) + "\n";
  return out;
}

std::string where(const support::Diagnostic& d) {
  return d.where.file + ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column);
}

}  // namespace

TEST_CASE("sema: library header, importlib'd base and default MEMBERIDs") {
  Result r = run({{"inc/base.idl", kBase},
                  {"main.idl", lib(R"(
[object, uuid(21111111-2222-3333-4444-555555555555), dual]
interface IA : IDispatch {
  HRESULT F([in] long a);
  [propget] HRESULT P([out, retval] long *v);
  [propput, id(9)] HRESULT P([in] long v);
}
[object, uuid(31111111-2222-3333-4444-555555555555)]
interface IB : IUnknown { HRESULT G(); }
)")}});
  REQUIRE_MESSAGE(r.lib, dump(r));
  const m::Library& l = *r.lib;
  CHECK(l.name == "L");
  CHECK(l.version == m::Version{1, 2});
  REQUIRE(l.types.size() == 2);
  const auto& ia = l.types[0];
  CHECK(ia.name == "IA");
  // dual: TYPEFLAG_FDUAL | FOLEAUTOMATION, and FDISPATCHABLE for deriving from IDispatch.
  CHECK(ia.flags == (m::typeflag::Dual | m::typeflag::OleAutomation | m::typeflag::Dispatchable));
  const auto& def = std::get<m::InterfaceDef>(ia.def);
  // The base is stdole's IDispatch (importlib wins over the IDL declaration).
  REQUIRE(def.bases.size() == 1);
  const auto& base = std::get<m::UserType>(def.bases[0].type.v);
  CHECK(base.import == 0u);
  CHECK(base.name == "IDispatch");
  REQUIRE(l.imports.size() == 1);
  CHECK(l.imports[0].file == "stdole2.tlb");
  CHECK(l.imports[0].version == m::Version{2, 0});
  REQUIRE(def.functions.size() == 3);
  CHECK(def.functions[0].memid == 0x60020000);  // two inherited interfaces
  CHECK(def.functions[1].memid == 0x60020001);
  // A propput shares its propget's MEMBERID, even over an explicit id().
  CHECK(def.functions[2].memid == 0x60020001);
  CHECK(def.functions[2].params[0].name.empty());  // a put's value has no name
  CHECK(def.functions[1].params[0].flags == (m::paramflag::Out | m::paramflag::RetVal));
  const auto& ib = std::get<m::InterfaceDef>(l.types[1].def);
  CHECK(ib.functions[0].memid == 0x60010000);
  CHECK(l.types[1].flags == 0);
  // Layout ran: vtable offsets after IDispatch's 7 slots.
  CHECK(def.functions[0].vtable_offset == 7 * 8);
}

TEST_CASE("sema: widl's order pulls referenced types in where they are first used") {
  Result r = run({{"inc/base.idl", kBase},
                  {"main.idl", std::string("import \"inc/base.idl\";\n"
                                           "typedef struct tagOut { long a; } Out;\n"
                                           "typedef enum { E1, E2 = E1 + 4 } AnonE;\n") +
                                   lib(R"(
typedef struct tagIn { Out o; AnonE e; } In;
)")}});
  REQUIRE_MESSAGE(r.lib, dump(r));
  const m::Library& l = *r.lib;
  REQUIRE(l.types.size() == 4);
  CHECK(l.types[0].name == "tagIn");
  CHECK(l.types[1].name == "tagOut");  // a typedef that is not public is seen through
  // A tagless typedef'd enum is public: the alias, then the enum under a generated name.
  CHECK(l.types[2].name == "AnonE");
  CHECK(m::stored_kind(l.types[2]) == m::TypeKind::Alias);
  CHECK(l.types[3].name == "__WIDL_main_generated_name_00000000");
  const auto& en = std::get<m::EnumDef>(l.types[3].def);
  REQUIRE(en.values.size() == 2);
  CHECK(en.values[1].value == m::Value{m::vt::I4, int64_t{4}});
  CHECK(en.values[1].memid == 0x40000001);
}

TEST_CASE("sema: names take the first spelling of the library's name table") {
  Result r = run({{"inc/base.idl", kBase},
                  {"main.idl", lib(R"(
typedef struct tagS { long value; } S;
[object, uuid(21111111-2222-3333-4444-555555555555), oleautomation]
interface IA : IUnknown { HRESULT Value([in] S s, [in] long VALUE); }
)")}});
  REQUIRE_MESSAGE(r.lib, dump(r));
  const auto& f = std::get<m::InterfaceDef>(r.lib->types[1].def).functions[0];
  CHECK(f.name == "value");
  CHECK(f.params[1].name == "value");
}

TEST_CASE("sema: dispinterfaces, coclasses and modules") {
  Result r = run({{"inc/base.idl", kBase},
                  {"main.idl", lib(R"(
[uuid(21111111-2222-3333-4444-555555555555)]
dispinterface D { properties: long p; [id(5)] BSTR q; methods: void m(); [id(7)] void n([optional] VARIANT v); }
[object, uuid(31111111-2222-3333-4444-555555555555)]
interface IW : IDispatch { HRESULT W(); }
[uuid(41111111-2222-3333-4444-555555555555)]
dispinterface DW { interface IW; }
[uuid(51111111-2222-3333-4444-555555555555), noncreatable,
 custom(61111111-2222-3333-4444-555555555555, "cc")]
coclass C { [source] dispinterface D; interface IW; }
[dllname("x.dll")] module M { [entry("fx")] long __stdcall fx(long a); [entry(3)] void g([in] long b, ...); const long K = 6 * 7; }
)")}});
  REQUIRE_MESSAGE(r.lib, dump(r));
  const m::Library& l = *r.lib;
  const auto* d = type_named(l, "D");
  REQUIRE(d);
  CHECK(d->flags == m::typeflag::Dispatchable);
  const auto& dd = std::get<m::DispatchDef>(d->def);
  REQUIRE(dd.properties.size() == 2);
  CHECK(dd.properties[0].memid == 0x40000002);  // numbered after the two methods
  CHECK(dd.properties[1].memid == 5);
  CHECK(dd.methods[0].memid == 0x60000000);
  CHECK(dd.methods[1].memid == 7);
  CHECK(dd.methods[1].optional_count == 1);
  CHECK(dd.methods[1].funckind == m::FuncKind::Dispatch);
  const auto* dw = type_named(l, "DW");
  REQUIRE(dw);
  REQUIRE(std::get<m::DispatchDef>(dw->def).wraps);
  const auto* c = type_named(l, "C");
  REQUIRE(c);
  CHECK(c->flags == 0);  // noncreatable takes FCANCREATE away
  // custom() on a coclass: MIDL takes it (widl refuses it).
  REQUIRE(c->custom.size() == 1);
  CHECK(c->custom[0].value == m::Value{m::vt::Bstr, std::string("cc")});
  const auto& cc = std::get<m::CoclassDef>(c->def);
  REQUIRE(cc.interfaces.size() == 2);
  // No explicit default: the first of each kind becomes it.
  CHECK(cc.interfaces[0].flags == (m::implflag::Source | m::implflag::Default));
  CHECK(cc.interfaces[1].flags == m::implflag::Default);
  // The module is named "m": the method m() put that spelling in the name table first.
  const auto* mo = type_named(l, "m");
  REQUIRE(mo);
  const auto& md = std::get<m::ModuleDef>(mo->def);
  CHECK(md.dll == "x.dll");
  REQUIRE(md.functions.size() == 2);
  CHECK(md.functions[0].entry.v == m::DllEntry{std::string("fx")}.v);
  CHECK(md.functions[1].entry.v == m::DllEntry{uint16_t{3}}.v);
  CHECK(md.functions[0].funckind == m::FuncKind::Static);
  CHECK(md.functions[1].memid == 0x60000001);
  // Module constants are kept, as MIDL keeps them.
  REQUIRE(md.constants.size() == 1);
  CHECK(md.constants[0].name == "K");
  CHECK(md.constants[0].varkind == m::VarKind::Const);
  CHECK(md.constants[0].value == m::Value{m::vt::I4, int64_t{42}});
}

TEST_CASE("sema: base types, strings, arrays and default values") {
  Result r = run({{"inc/base.idl", std::string(kBase) +
                                       "typedef [string] wchar_t *LPWSTR2;\n"
                                       "typedef enum tagE { EA, EB } E;\n"
                                       "typedef double DATE;\n"},
                  {"main.idl", lib(R"(
[object, uuid(21111111-2222-3333-4444-555555555555)]
interface IA : IUnknown {
  HRESULT F([in] int a, [in] unsigned short b, [in] hyper c, [in] wchar_t d, [in] boolean e,
            [in] byte f, [in] LPWSTR2 g, [in] IUnknown *h, [in] IDispatch **i,
            [in] SAFEARRAY(BSTR) j, [in] VARIANT_BOOL k, [in] long l[2][3],
            [in, defaultvalue(-1)] short m, [in, defaultvalue("s")] BSTR n,
            [in, defaultvalue(EB)] E o, [in, defaultvalue("v")] VARIANT p,
            [in, defaultvalue(5)] hyper q, [in, defaultvalue(1.5)] DATE r);
}
)")}});
  REQUIRE_MESSAGE(r.lib, dump(r));
  const auto& ps = std::get<m::InterfaceDef>(r.lib->types[0].def).functions[0].params;
  REQUIRE(ps.size() == 18);
  auto base = [](const m::TypeRef& t) {
    const auto* b = std::get_if<m::BaseType>(&t.v);
    return b ? b->vt : uint16_t{0xffff};
  };
  CHECK(base(ps[0].type) == m::vt::Int);
  CHECK(base(ps[1].type) == m::vt::UI2);
  CHECK(base(ps[2].type) == m::vt::I8);
  CHECK(base(ps[3].type) == m::vt::I2);   // widl: wchar_t is a short
  CHECK(base(ps[4].type) == m::vt::I1);   // widl: boolean is a signed char
  CHECK(base(ps[5].type) == m::vt::UI1);
  CHECK(base(ps[6].type) == m::vt::LpWStr);
  CHECK(base(ps[7].type) == m::vt::Unknown);
  CHECK(ps[8].type == m::TypeRef::pointer_to(m::TypeRef::base(m::vt::Dispatch)));
  CHECK(ps[9].type == m::TypeRef::safearray_of(m::TypeRef::base(m::vt::Bstr)));
  CHECK(base(ps[10].type) == m::vt::Bool);
  const auto* arr = std::get_if<m::CArray>(&ps[11].type.v);
  REQUIRE(arr);
  CHECK(arr->bounds == std::vector<m::ArrayBound>{{0, 2}, {0, 3}});
  CHECK(ps[12].default_value == m::Value{m::vt::I2, int64_t{-1}});
  CHECK(ps[12].flags == (m::paramflag::In | m::paramflag::Opt | m::paramflag::HasDefault));
  CHECK(ps[13].default_value == m::Value{m::vt::Bstr, std::string("s")});
  CHECK(ps[14].default_value == m::Value{m::vt::I4, int64_t{1}});
  CHECK(ps[15].default_value == m::Value{m::vt::Bstr, std::string("v")});  // as MIDL has it
  CHECK(ps[16].default_value == m::Value{m::vt::I8, int64_t{5}});
  CHECK(ps[17].default_value == m::Value{m::vt::Date, 1.5});
}

TEST_CASE("sema: a file without a library holds the types it declares") {
  Result r = run({{"main.idl", "typedef struct tagA { long x; } A;\nenum B { B1 };\n"}});
  REQUIRE_MESSAGE(r.lib, dump(r));
  CHECK(r.lib->name.empty());
  CHECK_FALSE(r.lib->libid);
  REQUIRE(r.lib->types.size() == 2);
  CHECK(r.lib->types[0].name == "tagA");
  CHECK(r.lib->types[1].name == "B");
}

TEST_CASE("sema: import cycles are safe and each file is read once") {
  Result r = run({{"inc/a.idl", "import \"b.idl\";\ntypedef long TA;\n"},
                  {"inc/b.idl", "import \"a.idl\";\ntypedef long TB;\n"},
                  {"main.idl", "import \"inc/a.idl\";\nimport \"inc/b.idl\";\n"
                               "typedef struct tagX { TA a; TB b; } X;\n"}});
  REQUIRE_MESSAGE(r.lib, dump(r));
  CHECK(r.diags.empty());
}

// ---- diagnostics, each with its exact location ----------------------------------------------

TEST_CASE("sema diagnostics: undefined type and undefined constant") {
  Result r = run({{"inc/base.idl", kBase},
                  {"main.idl", lib("typedef struct tagS {\n  Nope x;\n} S;\n"
                                   "enum E { E1 = 2 * NOCONST };")}});
  CHECK_FALSE(r.lib);
  const auto* d = r.find("TK5203");
  REQUIRE(d);
  CHECK(where(*d) == "main.idl:6:3");
  CHECK(d->message.find("Nope") != std::string::npos);
  const auto* c = r.find("TK5213");
  REQUIRE(c);
  CHECK(where(*c) == "main.idl:8:19");
  CHECK(c->message.find("NOCONST") != std::string::npos);
}

TEST_CASE("sema diagnostics: duplicate names, dispids and GUIDs") {
  Result r = run({{"inc/base.idl", kBase},
                  {"main.idl", lib(R"(typedef long T;
typedef short T;
[uuid(21111111-2222-3333-4444-555555555555)]
dispinterface D { properties: [id(1)] long a; methods: [id(1)] void b(); }
[uuid(21111111-2222-3333-4444-555555555555)]
coclass C { dispinterface D; }
)")}});
  CHECK_FALSE(r.lib);
  const auto* dup = r.find("TK5201");
  REQUIRE(dup);
  CHECK(where(*dup) == "main.idl:6:15");
  const auto* dispid = r.find("TK5208");
  REQUIRE(dispid);
  CHECK(where(*dispid) == "main.idl:8:57");  // the second id()
  const auto* guid = r.find("TK5206");
  REQUIRE(guid);
  CHECK(where(*guid) == "main.idl:10:1");
}

TEST_CASE("sema diagnostics: attribute not allowed, retval not last, automation types") {
  Result r = run({{"inc/base.idl", kBase},
                  {"main.idl", lib(R"([uuid(21111111-2222-3333-4444-555555555555), dual]
coclass C { }
[object, uuid(31111111-2222-3333-4444-555555555555), oleautomation]
interface IA : IUnknown { HRESULT F([out, retval] long *a, [in] long b); HRESULT G([in] PSTR2 s); }
typedef [string] char *PSTR2;
)")}});
  CHECK_FALSE(r.lib);
  const auto* attr = r.find("TK5202");
  REQUIRE(attr);
  CHECK(where(*attr) == "main.idl:5:46");
  const auto* retval = r.find("TK5207");
  REQUIRE(retval);
  CHECK(retval->severity == support::Severity::Error);
  CHECK(where(*retval) == "main.idl:8:37");
  const auto* autom = r.find("TK5209");
  REQUIRE(autom);
  CHECK(autom->severity == support::Severity::Warning);
  CHECK(where(*autom) == "main.idl:8:84");
}

TEST_CASE("sema diagnostics: missing importlib, missing import, undefined interface") {
  Result r = run({{"main.idl", R"(import "nothere.idl";
[uuid(11111111-2222-3333-4444-555555555555)]
library L {
  importlib("nothere.tlb");
  interface INever;
  coclass C { interface INever; }
}
)"}});
  CHECK_FALSE(r.lib);
  const auto* imp = r.find("TK5230");
  REQUIRE(imp);
  CHECK(where(*imp) == "main.idl:1:1");
  const auto* il = r.find("TK5231");
  REQUIRE(il);
  CHECK(where(*il) == "main.idl:4:3");
  const auto* undef = r.find("TK5205");
  REQUIRE(undef);
  CHECK(where(*undef) == "main.idl:5:3");
}

TEST_CASE("sema: a result type that pulls in another interface (no dangling state)") {
  // Encoding IA::Get's result adds IB, whose own functions are built meanwhile.
  Result r = run({{"inc/base.idl", std::string(kBase) + "interface IB;\n"},
                  {"main.idl", lib(R"(
[object, uuid(21111111-2222-3333-4444-555555555555), oleautomation]
interface IA : IUnknown { IB *Get([in] long a); }
[object, uuid(31111111-2222-3333-4444-555555555555), oleautomation]
interface IB : IUnknown { HRESULT H([in] long a, [in] short b, [in] BSTR c); }
)")}});
  REQUIRE_MESSAGE(r.lib, dump(r));
  REQUIRE(r.lib->types.size() == 2);
  CHECK(r.lib->types[0].name == "IA");
  CHECK(r.lib->types[1].name == "IB");
  const auto& get = std::get<m::InterfaceDef>(r.lib->types[0].def).functions[0];
  CHECK(get.result == m::TypeRef::pointer_to(m::TypeRef{m::UserType{std::nullopt, "IB",
                                                                    std::nullopt, 1}}));
  CHECK(r.diags.empty());
}

TEST_CASE("sema diagnostics: a dual interface not derived from IDispatch loses dual, with a warning") {
  Result r = run({{"inc/base.idl", kBase},
                  {"main.idl", lib(R"([object, uuid(21111111-2222-3333-4444-555555555555), dual]
interface ID : IUnknown { HRESULT F(); }
)")}});
  REQUIRE_MESSAGE(r.lib, dump(r));
  CHECK(r.lib->types[0].flags == m::typeflag::OleAutomation);
  const auto* w = r.find("TK5225");
  REQUIRE(w);
  CHECK(w->severity == support::Severity::Warning);
  CHECK(where(*w) == "main.idl:6:1");
}

// Bad input never crashes the reader: real library files cut short or with lines dropped (the
// imports still read from the repository) give a library or located errors.
TEST_CASE("sema: truncated and mutated library files never crash") {
  const std::string dir = std::string(TLBKIT_SOURCE_DIR) + "/testdata/idl/wine-include/";
  // TLBKIT_SEMA_FUZZ=N runs N cases per file (and on all four widl files) for a longer hunt.
  const char* more = std::getenv("TLBKIT_SEMA_FUZZ");
  const int cases = more ? std::atoi(more) : 24;
  std::vector<const char*> files = {"netfw.idl", "taskschd.idl"};
  if (more) files = {"netfw.idl", "taskschd.idl", "wuapi.idl", "msxml6.idl"};
  for (const char* name : files) {
    std::ifstream in(dir + name, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    REQUIRE(text.size() > 1000);
    uint32_t seed = 12345;
    auto next = [&seed] {
      seed = seed * 1103515245u + 12345u;  // a fixed LCG: the same cases on every run
      return seed >> 8;
    };
    for (int i = 0; i < cases; ++i) {
      std::string variant;
      if (i % 2 == 0) {
        variant = text.substr(0, next() % text.size());
      } else {
        variant = text;
        for (int k = 0; k < 5; ++k) {  // drop five random lines
          size_t at = next() % variant.size();
          size_t bol = variant.rfind('\n', at);
          size_t eol = variant.find('\n', at);
          bol = bol == std::string::npos ? 0 : bol;
          eol = eol == std::string::npos ? variant.size() : eol;
          variant.erase(bol, eol - bol);
        }
      }
      idl::IdlOptions o;
      o.include_dirs.push_back(dir);
      o.include_dirs.push_back(std::string(TLBKIT_SOURCE_DIR) + "/testdata/idl/wine-headers");
      const std::string main_path = dir + name;
      o.read_file = [&](const std::string& p) -> std::optional<std::string> {
        if (p == main_path) return variant;
        std::ifstream f(p, std::ios::binary);
        if (!f) return std::nullopt;
        return std::string((std::istreambuf_iterator<char>(f)), {});
      };
      o.load_importlib = [](const std::string& f, support::DiagEngine& d)
          -> std::optional<m::Library> {
        if (f == "stdole2.tlb") return stdole2(d);
        return std::nullopt;
      };
      support::DiagEngine diags(0);
      std::optional<m::Library> l = idl::read_idl(main_path, o, diags);
      CAPTURE(name);
      CAPTURE(i);
      CHECK((l.has_value() || diags.has_errors()));
      for (const auto& d : diags.all()) {
        if (d.severity == support::Severity::Error) CHECK(!d.where.file.empty());
      }
    }
  }
}

TEST_CASE("sema: a typedef of BSTR or VARIANT_BOOL is its C type, as widl has it") {
  // widl 8.0 recognises BSTR, VARIANT_BOOL … by the name written; `typedef BSTR MyStr` is seen
  // through to BSTR's C definition (checked with widl: `short*` and `short`).
  Result r = run({{"inc/base.idl", kBase},
                  {"main.idl", lib(R"(typedef BSTR MyStr;
typedef VARIANT_BOOL MyBool;
[object, uuid(21111111-2222-3333-4444-555555555555)]
interface IQ : IUnknown { HRESULT F([in] MyStr s, [in] MyBool b, [in] BSTR c); }
)")}});
  REQUIRE_MESSAGE(r.lib, dump(r));
  const auto& ps = std::get<m::InterfaceDef>(r.lib->types[0].def).functions[0].params;
  REQUIRE(ps.size() == 3);
  CHECK(ps[0].type == m::TypeRef::pointer_to(m::TypeRef::base(m::vt::I2)));
  CHECK(ps[1].type == m::TypeRef::base(m::vt::I2));
  CHECK(ps[2].type == m::TypeRef::base(m::vt::Bstr));
}

TEST_CASE("sema diagnostics: member attributes on an interface or a typedef; two retvals; void*") {
  Result r = run({{"inc/base.idl", kBase},
                  {"main.idl", lib(R"([object, uuid(21111111-2222-3333-4444-555555555555), propget]
interface IW : IUnknown { HRESULT F([out, retval] long *a, [out, retval] long *b); }
typedef [dllname("x.dll")] struct tagW { long a; } W;
[object, uuid(31111111-2222-3333-4444-555555555555), dual]
interface IV : IDispatch { HRESULT G([in] void *p); }
)")}});
  CHECK_FALSE(r.lib);
  std::vector<std::string> attr_errors;
  for (const auto& d : r.diags) {
    if (d.code == "TK5202") attr_errors.push_back(where(d));
  }
  CAPTURE(dump(r));
  CHECK(attr_errors == std::vector<std::string>{"main.idl:5:54", "main.idl:7:10"});
  // Two [retval]s with the last one last (as wmp.idl has, and widl takes): a warning.
  const auto* two = r.find("TK5207");
  REQUIRE(two);
  CHECK(two->severity == support::Severity::Warning);
  CHECK(where(*two) == "main.idl:6:37");
  const auto* vp = r.find("TK5209");
  REQUIRE(vp);
  CHECK(vp->severity == support::Severity::Warning);  // as MIDL's MIDL2039
  CHECK(where(*vp) == "main.idl:9:38");
}
