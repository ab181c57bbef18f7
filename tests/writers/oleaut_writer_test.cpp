// The oleaut listing writer's emulation of the runtime, one rule at a time, on small hand-built
// libraries with Wine's stdole2 (read from the corpus) at hand: library flags and help context,
// the dispatch view of a dual (inherited functions, [retval], HRESULT, [lcid]), the 64-bit view of
// a win32 library, failing functions, names and docs looked up by member id, module entries,
// qualified and unresolvable type names, and value texts. Layer: tests.
#include "writers/oleaut/oleaut_writer.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include "driver/corpus_util.h"
#include "model/library_set.h"
#include "readers/tlb/tlb_reader.h"
#include "writers/oleaut/variant_text.h"

using namespace tlbkit;
using namespace tlbkit::model;

namespace {

Library read_stdole() {
  std::vector<uint8_t> b = testing::corpus_bytes("wine/stdole2.tlb");
  support::DiagEngine d;
  auto lib = tlb::read_typelib(b, "stdole2.tlb", std::nullopt, d);
  REQUIRE(lib);
  return *lib;
}

/// A set with Wine's stdole2, as every listing has.
struct World {
  LibrarySet set;
  World() { set.add(read_stdole()); }
};

const Guid kIDispatch = *Guid::parse("{00020400-0000-0000-C000-000000000046}");
const Guid kIUnknown = *Guid::parse("{00000000-0000-0000-C000-000000000046}");

TypeRef imported(uint32_t import, const Guid& g) {
  UserType u;
  u.import = import;
  u.guid = g;
  return TypeRef{u};
}
TypeRef local(uint32_t index) {
  UserType u;
  u.index = index;
  return TypeRef{u};
}
TypeRef ptr(TypeRef t) { return TypeRef::pointer_to(std::move(t)); }
TypeRef base(uint16_t v) { return TypeRef::base(v); }

Param param(std::string name, TypeRef t, uint16_t flags) {
  Param p;
  p.name = std::move(name);
  p.type = std::move(t);
  p.flags = flags;
  return p;
}

Function func(std::string name, int32_t memid, int32_t vtoff, TypeRef result,
              std::vector<Param> params, InvokeKind ik = InvokeKind::Func) {
  Function f;
  f.name = std::move(name);
  f.memid = memid;
  f.vtable_offset = vtoff;
  f.result = std::move(result);
  f.params = std::move(params);
  f.invkind = ik;
  return f;
}

/// A win32 library importing stdole 2.0, with no types yet.
Library win32_lib() {
  Library l;
  l.name = "L";
  l.libid = *Guid::parse("{11111111-2222-3333-4444-555555555555}");
  l.version = {1, 0};
  l.syskind = SysKind::Win32;
  l.imports.push_back({stdole_libid(), {2, 0}, 0, "stdole2.tlb", ""});
  return l;
}

TypeInfo dual(std::string name, std::vector<Function> fs, uint16_t vtable_size, TypeRef base_type) {
  TypeInfo t;
  t.name = std::move(name);
  t.flags = typeflag::Dual | typeflag::OleAutomation | typeflag::Dispatchable;
  t.layout = {4, 4, vtable_size};
  InterfaceDef d;
  d.bases.push_back(ImplType{std::move(base_type), 0, {}});
  d.functions = std::move(fs);
  t.def = std::move(d);
  return t;
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

bool has_line(const std::string& listing, const std::string& line) {
  for (const auto& l : lines(listing))
    if (l == line) return true;
  return false;
}

}  // namespace

TEST_CASE("library line: LIBFLAG_FHASDISKIMAGE added, the help-string context as help context") {
  World w;
  Library l = win32_lib();
  l.flags = libflag::Control;
  l.lcid = 0x409;
  l.docs = {"doc \"q\"\tx", 5, 7};
  l.helpfile = "h.chm";
  l.custom.push_back({kIUnknown, Value{vt::I4, int64_t{-3}}});
  auto out = lines(oleaut::write_listing(l, w.set));
  REQUIRE(out.size() == 2);
  CHECK(out[0] ==
        "library L guid={11111111-2222-3333-4444-555555555555} version=1.0 lcid=1033 syskind=1 "
        "flags=0xa helpstring=\"doc \\\"q\\\"\\tx\" helpcontext=7 helpfile=\"h.chm\"");
  CHECK(out[1] == "  custom {00000000-0000-0000-C000-000000000046} vt3:-3");
}

TEST_CASE("a dual of a win32 library, as its dispatch view in a 64-bit process") {
  World w;
  Library l = win32_lib();
  // HRESULT Get([in] long a, [in, lcid] long lcid, [out, retval] BSTR* r) at slot 7 (offset 28).
  std::vector<Function> fs;
  fs.push_back(func("Get", 1, 28, base(vt::HResult),
                    {param("a", base(vt::I4), paramflag::In),
                     param("lcid", base(vt::I4), paramflag::In | paramflag::Lcid),
                     param("r", ptr(base(vt::Bstr)), paramflag::Out | paramflag::RetVal)}));
  fs.push_back(func("Go", 2, 32, base(vt::HResult), {}));
  fs.push_back(func("Sum", 3, 36, base(vt::I4), {param("x", base(vt::I4), paramflag::In)}));
  l.types.push_back(dual("IThing", std::move(fs), 44, imported(0, kIDispatch)));
  std::string s = oleaut::write_listing(l, w.set);
  auto out = lines(s);
  // TKIND_DISPATCH: 44/4 = 11 functions, IDispatch's vtable, no FOLEAUTOMATION, pointer size 8.
  CHECK(out[1] ==
        "type IThing kind=4 guid={00000000-0000-0000-0000-000000000000} flags=0x1040 size=8 "
        "align=8 funcs=11 vars=0 impls=1 vft=56 version=0.0 helpstring=\"\" helpcontext=0");
  CHECK(out[2] == "  dualpartner IThing");
  CHECK(out[3] == "  impl stdole.IDispatch flags=0x0");
  // IUnknown's and IDispatch's functions first, from stdole, with stdole's type names.
  CHECK(out[4].rfind("  func QueryInterface memid=0x60000000 funckind=4 ", 0) == 0);
  CHECK(out[5] == "    param riid type=ptr(udt(stdole.GUID)) flags=0x1 default=-");
  CHECK(has_line(s,
                 "  func Get memid=0x1 funckind=4 invkind=1 callconv=4 params=1 optional=0 "
                 "vtoffset=56 flags=0x0 returns=vt8 helpstring=\"\" helpcontext=0"));
  CHECK(has_line(s, "    param a type=vt3 flags=0x1 default=-"));
  CHECK(has_line(s,
                 "  func Go memid=0x2 funckind=4 invkind=1 callconv=4 params=0 optional=0 "
                 "vtoffset=64 flags=0x0 returns=vt24 helpstring=\"\" helpcontext=0"));
  CHECK(has_line(s,
                 "  func Sum memid=0x3 funckind=4 invkind=1 callconv=4 params=1 optional=0 "
                 "vtoffset=72 flags=0x0 returns=vt3 helpstring=\"\" helpcontext=0"));
  // The file's vtable counts one slot more than there are functions: the runtime fails it.
  CHECK(out.back() == "  func #10 fail");
}

TEST_CASE("the dispatch view fails where the runtime fails") {
  World w;
  SUBCASE("a [retval] that is no pointer fails that function") {
    Library l = win32_lib();
    l.types.push_back(dual("I",
                           {func("F", 1, 28, base(vt::HResult),
                                 {param("r", base(vt::I4), paramflag::Out | paramflag::RetVal)})},
                           32, imported(0, kIDispatch)));
    CHECK(lines(oleaut::write_listing(l, w.set)).back() == "  func #7 fail");
  }
  SUBCASE("a base the runtime cannot load fails every function") {
    Library l = win32_lib();
    l.imports.push_back(
        {*Guid::parse("{99999999-0000-0000-0000-000000000000}"), {1, 0}, 0, "x.tlb", ""});
    l.types.push_back(
        dual("I", {func("F", 1, 28, base(vt::HResult), {})}, 32, imported(1, kIDispatch)));
    auto out = lines(oleaut::write_listing(l, w.set));
    REQUIRE(out.size() == 4 + 8);
    CHECK(out[3] == "  impl stdole.IDispatch flags=0x0");  // impl 0 is the header's IDispatch
    for (size_t i = 4; i < out.size(); ++i)
      CHECK(out[i] == "  func #" + std::to_string(i - 4) + " fail");
  }
}

TEST_CASE("names and docs are looked up by member id: a propput after its propget has '?' params") {
  World w;
  Library l = win32_lib();
  std::vector<Function> fs;
  fs.push_back(func("P", 5, 28, base(vt::HResult),
                    {param("v", ptr(base(vt::I4)), paramflag::Out | paramflag::RetVal)},
                    InvokeKind::PropertyGet));
  fs.back().docs.helpstring = "the P";
  fs.push_back(func("P", 5, 32, base(vt::HResult), {param("nv", base(vt::I4), paramflag::In)},
                    InvokeKind::PropertyPut));
  fs.back().docs.helpstring = "never shown";
  l.types.push_back(dual("I", std::move(fs), 36, imported(0, kIDispatch)));
  std::string s = oleaut::write_listing(l, w.set);
  CHECK(has_line(s,
                 "  func P memid=0x5 funckind=4 invkind=4 callconv=4 params=1 optional=0 "
                 "vtoffset=64 flags=0x0 returns=vt24 helpstring=\"the P\" helpcontext=0"));
  CHECK(has_line(s, "    param ? type=vt3 flags=0x1 default=-"));
}

TEST_CASE("an interface of a win32 library: vtable offsets in 8-byte slots, its own vtable size") {
  World w;
  Library l = win32_lib();
  TypeInfo t;
  t.name = "IPlain";
  t.layout = {4, 4, 16};
  InterfaceDef d;
  d.bases.push_back(ImplType{imported(0, kIUnknown), 0, {}});
  d.functions.push_back(
      func("M", 0x60010000, 12, base(vt::HResult), {param("p", ptr(local(0)), paramflag::In)}));
  t.def = d;
  l.types.push_back(t);
  auto out = lines(oleaut::write_listing(l, w.set));
  REQUIRE(out.size() == 5);
  CHECK(out[1] ==
        "type IPlain kind=3 guid={00000000-0000-0000-0000-000000000000} flags=0x0 size=8 "
        "align=8 funcs=1 vars=0 impls=1 vft=16 version=0.0 helpstring=\"\" helpcontext=0");
  CHECK(out[2] == "  impl stdole.IUnknown flags=0x0");
  CHECK(out[3] ==
        "  func M memid=0x60010000 funckind=1 invkind=1 callconv=4 params=1 optional=0 "
        "vtoffset=24 flags=0x0 returns=vt25 helpstring=\"\" helpcontext=0");
  CHECK(out[4] == "    param p type=ptr(udt(IPlain)) flags=0x1 default=-");
}

TEST_CASE("aliases of a win32 library get the sizes the runtime computes for a 64-bit process") {
  World w;
  Library l = win32_lib();
  auto alias = [](std::string name, TypeRef target, uint32_t size, uint16_t align) {
    TypeInfo t;
    t.name = std::move(name);
    t.layout = {size, align, 0};
    t.def = AliasDef{std::move(target)};
    return t;
  };
  TypeInfo rec;
  rec.name = "R";
  rec.layout = {12, 4, 0};
  rec.def = RecordDef{};
  l.types.push_back(rec);                                   // 0
  l.types.push_back(alias("PI", ptr(base(vt::I4)), 4, 4));  // pointer: 8/8
  l.types.push_back(alias("D", base(vt::R8), 8, 4));        // alignment 8
  l.types.push_back(alias("S", base(vt::I2), 2, 2));        // 2/2
  l.types.push_back(alias("V", base(vt::Variant), 16, 4));  // VARIANT: 24/8
  l.types.push_back(alias("AR", local(0), 12, 4));          // the record's
  CArray arr{base(vt::I2), {{0, 3}, {0, 4}}};
  l.types.push_back(alias("A", TypeRef{arr}, 24, 2));  // (3+4)*2, align 2
  auto out = lines(oleaut::write_listing(l, w.set));
  auto size_align = [&](size_t i) {
    auto s = out[i];
    auto p = s.find(" size=");
    return s.substr(p, s.find(" funcs=") - p);
  };
  CHECK(size_align(2) == " size=8 align=8");
  CHECK(size_align(3) == " size=8 align=8");
  CHECK(size_align(4) == " size=2 align=2");
  CHECK(size_align(5) == " size=24 align=8");
  CHECK(size_align(6) == " size=12 align=4");
  CHECK(size_align(7) == " size=14 align=2");
}

TEST_CASE("module functions show their DLL and entry point, by name or ordinal") {
  World w;
  Library l = win32_lib();
  TypeInfo t;
  t.name = "M";
  ModuleDef m;
  m.dll = "x.dll";
  m.functions.push_back(func("ByName", 1, 0, base(vt::I4), {}));
  m.functions.back().funckind = FuncKind::Static;
  m.functions.back().entry.v = std::string("Named");
  m.functions.push_back(func("ByOrdinal", 2, 0, base(vt::I4), {}));
  m.functions.back().funckind = FuncKind::Static;
  m.functions.back().entry.v = uint16_t{12};
  m.functions.push_back(func("None", 3, 0, base(vt::I4), {}));
  m.functions.back().funckind = FuncKind::Static;
  t.def = m;
  l.types.push_back(t);
  std::string s = oleaut::write_listing(l, w.set);
  CHECK(s.find("helpcontext=0 dll=\"x.dll\" entry=\"Named\"\n") != std::string::npos);
  CHECK(s.find("helpcontext=0 dll=\"x.dll\" entry=#12\n") != std::string::npos);
  CHECK(s.find("helpcontext=0 dll=\"x.dll\" entry=#0\n") != std::string::npos);
}

TEST_CASE("a type of a library not at hand prints as '?'") {
  World w;
  Library l = win32_lib();
  l.imports.push_back(
      {*Guid::parse("{99999999-0000-0000-0000-000000000000}"), {1, 0}, 0, "x.tlb", ""});
  TypeInfo rec;
  rec.name = "R";
  RecordDef r;
  Variable v;
  v.name = "f";
  v.memid = 0x40000000;
  v.type = ptr(imported(1, kIUnknown));
  r.fields.push_back(v);
  rec.def = r;
  l.types.push_back(rec);
  CHECK(has_line(oleaut::write_listing(l, w.set),
                 "  var f memid=0x40000000 varkind=0 flags=0x0 type=ptr(udt(?)) offset=0 "
                 "helpstring=\"\" helpcontext=0"));
}

TEST_CASE("values as VariantChangeTypeEx(en-US) prints them") {
  using oleaut::variant_text;
  CHECK(variant_text({vt::Bool, int64_t{-1}}) == "-1");
  CHECK(variant_text({vt::Bool, int64_t{0}}) == "0");
  CHECK(variant_text({vt::I2, int64_t{-2}}) == "-2");
  CHECK(variant_text({vt::UI4, int64_t{4000000000}}) == "4000000000");
  CHECK(variant_text({vt::R4, double{1.5}}) == "1.5");
  CHECK(variant_text({vt::R4, double{0.1f}}) == "0.1");
  CHECK(variant_text({vt::R4, double{123456789.0f}}) == "1.234568E+08");
  CHECK(variant_text({vt::R4, double{-0.0}}) == "0");
  CHECK(variant_text({vt::R8, double{1e20}}) == "1E+20");
  CHECK(variant_text({vt::R8, double{0.1}}) == "0.1");
  CHECK(variant_text({vt::Cy, int64_t{30000}}) == "3");
  CHECK(variant_text({vt::Date, double{40000.25}}) == "7/6/2009 6:00:00 AM");
  CHECK(variant_text({vt::Date, double{0.5}}) == "12:00:00 PM");
  CHECK(variant_text({vt::Date, double{40000.0}}) == "7/6/2009");
  CHECK(variant_text({vt::I8, int64_t{-5}}) == "-5");
  CHECK(variant_text({vt::Empty, std::monostate{}}) == "");
  CHECK_FALSE(variant_text({vt::Null, std::monostate{}}));
  CHECK_FALSE(variant_text({vt::Error, int64_t{5}}));
  CHECK_FALSE(variant_text({vt::Unknown, std::monostate{}}));
  CHECK_FALSE(variant_text({vt::Variant, std::monostate{}}));
}

TEST_CASE("a library the SLTG loader read: no FHASDISKIMAGE, its help context, no size fix-ups") {
  World w;
  Library l = win32_lib();
  l.flags = libflag::Restricted;
  l.docs = {"", 65535, 0};
  TypeInfo t;
  t.name = "IPlain";
  t.layout = {4, 4, 12};
  t.def = InterfaceDef{};
  l.types.push_back(t);
  oleaut::ListingOptions sltg;
  sltg.loader = oleaut::Loader::Sltg;
  auto out = lines(oleaut::write_listing(l, w.set, sltg));
  REQUIRE(out.size() == 2);
  CHECK(out[0].find(" flags=0x1 helpstring=\"\" helpcontext=65535 ") != std::string::npos);
  CHECK(out[1].find(" size=4 align=4 ") != std::string::npos);
  auto msft = lines(oleaut::write_listing(l, w.set));
  CHECK(msft[0].find(" flags=0x9 helpstring=\"\" helpcontext=0 ") != std::string::npos);
  CHECK(msft[1].find(" size=8 align=8 ") != std::string::npos);
}
