// model::compute_layout on small hand-built libraries: C layout of records, unions and arrays
// for win32 and win64, aliases and enums, vtable slots through local and imported bases, the
// dispinterface and module conventions of widl and MIDL, and the warnings for what is not at
// hand. The expected values are worked out by hand from the C layout rules. Layer: tests.
#include "model/layout.h"

#include <doctest/doctest.h>

#include <string>

using namespace tlbkit;
using namespace tlbkit::model;

namespace {

const Guid kIUnknown = *Guid::parse("{00000000-0000-0000-C000-000000000046}");
const Guid kIDispatch = *Guid::parse("{00020400-0000-0000-C000-000000000046}");
const Guid kOtherLib = *Guid::parse("{11111111-2222-3333-4444-555555555555}");

Variable field(std::string name, TypeRef type) {
  Variable v;
  v.name = std::move(name);
  v.type = std::move(type);
  return v;
}
TypeRef base(uint16_t t) { return TypeRef::base(t); }
TypeRef local(uint32_t index, std::string name = "") {
  return TypeRef{UserType{std::nullopt, std::move(name), std::nullopt, index}};
}
TypeRef carray(TypeRef element, std::vector<uint32_t> counts) {
  CArray a{std::move(element), {}};
  for (uint32_t c : counts) a.bounds.push_back({0, c});
  return TypeRef{std::move(a)};
}
TypeInfo type(std::string name, TypeDef def) {
  TypeInfo t;
  t.name = std::move(name);
  t.def = std::move(def);
  return t;
}
Function fn(std::string name) {
  Function f;
  f.name = std::move(name);
  return f;
}
std::vector<Function> fns(std::initializer_list<const char*> names) {
  std::vector<Function> out;
  for (const char* n : names) out.push_back(fn(n));
  return out;
}
ImplType base_ref(TypeRef t) { return ImplType{std::move(t), 0, {}}; }

/// Lays `lib` out for `target` and returns it; the warnings go to `diags`.
Library laid_out(Library lib, SysKind target, support::DiagEngine& diags,
                 const LibrarySet* refs = nullptr, LayoutStyle style = LayoutStyle::Widl) {
  compute_layout(lib, target, refs, diags, style);
  return lib;
}
Library laid_out(Library lib, SysKind target) {
  support::DiagEngine d;
  Library out = laid_out(std::move(lib), target, d);
  CHECK(d.all().empty());
  return out;
}

const std::vector<Variable>& fields(const TypeInfo& t) {
  if (const auto* r = std::get_if<RecordDef>(&t.def)) return r->fields;
  return std::get<UnionDef>(t.def).fields;
}
std::vector<uint32_t> offsets(const TypeInfo& t) {
  std::vector<uint32_t> out;
  for (const Variable& v : fields(t)) out.push_back(v.offset);
  return out;
}
std::vector<int32_t> vtable_offsets(const std::vector<Function>& fs) {
  std::vector<int32_t> out;
  for (const Function& f : fs) out.push_back(f.vtable_offset);
  return out;
}
const std::vector<Function>& functions(const TypeInfo& t) {
  if (const auto* i = std::get_if<InterfaceDef>(&t.def)) return i->functions;
  if (const auto* d = std::get_if<DispatchDef>(&t.def)) return d->methods;
  return std::get<ModuleDef>(t.def).functions;
}

bool has_code(const support::DiagEngine& d, const std::string& code) {
  for (const auto& x : d.all())
    if (x.code == code && x.severity == support::Severity::Warning) return true;
  return false;
}

/// An imported "stdole" with IUnknown (3 functions) and IDispatch : IUnknown (4 functions).
Library stdole_like() {
  Library lib;
  lib.name = "stdole";
  lib.libid = stdole_libid();
  lib.version = {2, 0};
  TypeInfo unk = type("IUnknown", InterfaceDef{{}, fns({"QueryInterface", "AddRef", "Release"})});
  unk.guid = kIUnknown;
  TypeInfo disp =
      type("IDispatch",
           InterfaceDef{{base_ref(local(0))},
                        fns({"GetTypeInfoCount", "GetTypeInfo", "GetIDsOfNames", "Invoke"})});
  disp.guid = kIDispatch;
  lib.types = {unk, disp};
  return lib;
}
TypeRef imported(std::string name, Guid guid) {
  return TypeRef{UserType{0u, std::move(name), guid, std::nullopt}};
}
Library importing_stdole() {
  Library lib;
  lib.name = "L";
  lib.imports.push_back({stdole_libid(), {2, 0}, 0, "stdole2.tlb", "stdole"});
  return lib;
}

}  // namespace

TEST_CASE("a record of char and double: 8-aligned double on both targets, as MIDL and widl") {
  Library lib;
  lib.types.push_back(type("S", RecordDef{{field("c", base(vt::I1)), field("d", base(vt::R8))}}));
  for (SysKind k : {SysKind::Win32, SysKind::Win64}) {
    Library out = laid_out(lib, k);
    CHECK(out.syskind == k);
    CHECK(out.types[0].layout == TypeLayout{16, 8, 0});
    CHECK(offsets(out.types[0]) == std::vector<uint32_t>{0, 8});
  }
}

TEST_CASE("pointer-sized and VARIANT fields differ between win32 and win64") {
  Library lib;
  lib.types.push_back(type("S", RecordDef{{field("c", base(vt::I1)), field("b", base(vt::Bstr)),
                                           field("v", base(vt::Variant)), field("s", base(vt::I2)),
                                           field("p", TypeRef::pointer_to(base(vt::I4))),
                                           field("a", TypeRef::safearray_of(base(vt::I4)))}}));
  Library w32 = laid_out(lib, SysKind::Win32);
  // c@0, BSTR@4, VARIANT (16, 8-aligned)@8, short@24, pointer@28, SAFEARRAY@32 → 36 → 40.
  CHECK(offsets(w32.types[0]) == std::vector<uint32_t>{0, 4, 8, 24, 28, 32});
  CHECK(w32.types[0].layout == TypeLayout{40, 8, 0});
  Library w64 = laid_out(lib, SysKind::Win64);
  // c@0, BSTR@8, VARIANT (24)@16, short@40, pointer@48, SAFEARRAY@56 → 64.
  CHECK(offsets(w64.types[0]) == std::vector<uint32_t>{0, 8, 16, 40, 48, 56});
  CHECK(w64.types[0].layout == TypeLayout{64, 8, 0});
}

TEST_CASE("DECIMAL, CY, DATE, hyper and small scalars") {
  Library lib;
  lib.types.push_back(type("S", RecordDef{{field("c", base(vt::UI1)), field("d", base(vt::Decimal)),
                                           field("b", base(vt::Bool)), field("cy", base(vt::Cy)),
                                           field("f", base(vt::R4)), field("dt", base(vt::Date)),
                                           field("c2", base(vt::I1)), field("h", base(vt::I8))}}));
  Library out = laid_out(lib, SysKind::Win32);
  CHECK(offsets(out.types[0]) == std::vector<uint32_t>{0, 8, 24, 32, 40, 48, 56, 64});
  CHECK(out.types[0].layout == TypeLayout{72, 8, 0});
  Library small;
  small.types.push_back(type("T", RecordDef{{field("a", base(vt::I2)), field("b", base(vt::I1))}}));
  CHECK(laid_out(small, SysKind::Win64).types[0].layout == TypeLayout{4, 2, 0});
}

TEST_CASE("nested records and unions") {
  Library lib;
  // 0: union U { char; double; BSTR; }   1: struct S { long a; U u; char c; }
  // 2: union V { S s; VARIANT v; }        3: struct T { char c; V v; }
  lib.types.push_back(type("U", UnionDef{{field("c", base(vt::I1)), field("d", base(vt::R8)),
                                          field("b", base(vt::Bstr))}}));
  lib.types.push_back(type(
      "S", RecordDef{{field("a", base(vt::I4)), field("u", local(0)), field("c", base(vt::I1))}}));
  lib.types.push_back(type("V", UnionDef{{field("s", local(1)), field("v", base(vt::Variant))}}));
  lib.types.push_back(type("T", RecordDef{{field("c", base(vt::I1)), field("v", local(2))}}));
  Library w32 = laid_out(lib, SysKind::Win32);
  CHECK(w32.types[0].layout == TypeLayout{8, 8, 0});
  CHECK(offsets(w32.types[0]) == std::vector<uint32_t>{0, 0, 0});
  CHECK(w32.types[1].layout == TypeLayout{24, 8, 0});
  CHECK(offsets(w32.types[1]) == std::vector<uint32_t>{0, 8, 16});
  CHECK(w32.types[2].layout == TypeLayout{24, 8, 0});
  CHECK(w32.types[3].layout == TypeLayout{32, 8, 0});
  CHECK(offsets(w32.types[3]) == std::vector<uint32_t>{0, 8});
  Library w64 = laid_out(lib, SysKind::Win64);
  CHECK(w64.types[2].layout == TypeLayout{24, 8, 0});  // VARIANT 24 = S 24
  // A union whose largest member is pointer-sized only on win64.
  Library p;
  p.types.push_back(type("P", UnionDef{{field("i", base(vt::I4)), field("p", base(vt::Unknown))}}));
  CHECK(laid_out(p, SysKind::Win32).types[0].layout == TypeLayout{4, 4, 0});
  CHECK(laid_out(p, SysKind::Win64).types[0].layout == TypeLayout{8, 8, 0});
}

TEST_CASE("C arrays: element size times every bound, element alignment") {
  Library lib;
  lib.types.push_back(
      type("S", RecordDef{{field("c", base(vt::I1)), field("arr", carray(base(vt::I1), {3})),
                           field("l2", carray(base(vt::I4), {2, 3})),
                           field("b", carray(base(vt::Bstr), {2}))}}));
  Library w32 = laid_out(lib, SysKind::Win32);
  CHECK(offsets(w32.types[0]) == std::vector<uint32_t>{0, 1, 4, 28});
  CHECK(w32.types[0].layout == TypeLayout{36, 4, 0});
  Library w64 = laid_out(lib, SysKind::Win64);
  CHECK(offsets(w64.types[0]) == std::vector<uint32_t>{0, 1, 4, 32});
  CHECK(w64.types[0].layout == TypeLayout{48, 8, 0});
}

TEST_CASE("aliases take their target's shape; enums are INTs") {
  Library lib;
  lib.types.push_back(type("S", RecordDef{{field("c", base(vt::I1)), field("d", base(vt::R8))}}));
  lib.types.push_back(type("AS", AliasDef{local(0)}));
  lib.types.push_back(type("PCH", AliasDef{TypeRef::pointer_to(base(vt::I1))}));
  lib.types.push_back(type("E", EnumDef{}));
  lib.types.push_back(type("AE", AliasDef{local(3)}));
  Library w32 = laid_out(lib, SysKind::Win32);
  CHECK(w32.types[1].layout == TypeLayout{16, 8, 0});
  CHECK(w32.types[2].layout == TypeLayout{4, 4, 0});
  CHECK(w32.types[3].layout == TypeLayout{4, 4, 0});
  CHECK(w32.types[4].layout == TypeLayout{4, 4, 0});
  CHECK(laid_out(lib, SysKind::Win64).types[2].layout == TypeLayout{8, 8, 0});
}

TEST_CASE("an interface chain over an imported IDispatch counts every inherited slot") {
  LibrarySet refs;
  refs.add(stdole_like());
  Library lib = importing_stdole();
  // 0: IMid : stdole.IDispatch { m1; m2 }   1: IDerived : IMid { d1 }   2: dual IDual : IDerived
  lib.types.push_back(
      type("IMid", InterfaceDef{{base_ref(imported("IDispatch", kIDispatch))}, fns({"m1", "m2"})}));
  lib.types.push_back(type("IDerived", InterfaceDef{{base_ref(local(0))}, fns({"d1"})}));
  TypeInfo dual = type("IDual", InterfaceDef{{base_ref(local(1))}, fns({"x1", "x2"})});
  dual.flags = typeflag::Dual;
  lib.types.push_back(dual);
  for (SysKind k : {SysKind::Win32, SysKind::Win64}) {
    support::DiagEngine d;
    Library out = laid_out(lib, k, d, &refs);
    CHECK(d.all().empty());
    const int32_t p = k == SysKind::Win64 ? 8 : 4;
    CHECK(vtable_offsets(functions(out.types[0])) == std::vector<int32_t>{7 * p, 8 * p});
    CHECK(out.types[0].layout == TypeLayout{uint32_t(p), uint16_t(p), uint16_t(9 * p)});
    CHECK(vtable_offsets(functions(out.types[1])) == std::vector<int32_t>{9 * p});
    CHECK(out.types[1].layout.vtable_size == 10 * p);
    CHECK(vtable_offsets(functions(out.types[2])) == std::vector<int32_t>{10 * p, 11 * p});
    CHECK(out.types[2].layout.vtable_size == 12 * p);
  }
}

TEST_CASE("an imported base named only by position is found through the set") {
  LibrarySet refs;
  refs.add(stdole_like());
  Library lib = importing_stdole();
  lib.types.push_back(
      type("I", InterfaceDef{{base_ref(TypeRef{UserType{0u, "", std::nullopt, 1u}})}, fns({"a"})}));
  support::DiagEngine d;
  Library out = laid_out(lib, SysKind::Win32, d, &refs);
  CHECK(d.all().empty());
  CHECK(functions(out.types[0])[0].vtable_offset == 28);
}

TEST_CASE("IUnknown and IDispatch are known without their library; other bases warn") {
  Library lib = importing_stdole();
  lib.types.push_back(type("A", InterfaceDef{{base_ref(imported("", kIUnknown))}, fns({"a"})}));
  lib.types.push_back(
      type("B", InterfaceDef{{base_ref(imported("IDispatch", kIDispatch))}, fns({"b"})}));
  support::DiagEngine quiet;
  Library out = laid_out(lib, SysKind::Win64, quiet);  // no set at all
  CHECK(quiet.all().empty());
  CHECK(functions(out.types[0])[0].vtable_offset == 24);
  CHECK(functions(out.types[1])[0].vtable_offset == 56);

  lib.imports[0].libid = kOtherLib;  // a base from a library that is not at hand
  lib.types.push_back(
      type("C", InterfaceDef{{base_ref(imported("IElsewhere", kOtherLib))}, fns({"c1", "c2"})}));
  support::DiagEngine d;
  out = laid_out(lib, SysKind::Win32, d);
  CHECK(has_code(d, "TK4101"));
  CHECK(vtable_offsets(functions(out.types[2])) == std::vector<int32_t>{0, 4});
  CHECK(out.types[2].layout.vtable_size == 8);
}

TEST_CASE("a field type that is not at hand is pointer-sized, with a warning") {
  Library lib = importing_stdole();
  lib.types.push_back(
      type("S", RecordDef{{field("c", base(vt::I1)), field("x", imported("Missing", kOtherLib)),
                           field("d", base(vt::I1))}}));
  support::DiagEngine d;
  Library out = laid_out(lib, SysKind::Win64, d);
  CHECK(has_code(d, "TK4102"));
  CHECK(offsets(out.types[0]) == std::vector<uint32_t>{0, 8, 16});
  CHECK(out.types[0].layout == TypeLayout{24, 8, 0});
}

TEST_CASE("a record of an imported record is laid out for the target, not as recorded") {
  Library other;
  other.libid = kOtherLib;
  other.version = {1, 0};
  other.syskind = SysKind::Win32;
  TypeInfo inner = type("Inner", RecordDef{{field("p", base(vt::Bstr))}});
  inner.guid = *Guid::parse("{11111111-2222-3333-4444-666666666666}");
  inner.layout = {4, 4, 0};  // as a win32 library records it
  other.types.push_back(inner);
  LibrarySet refs;
  refs.add(other);
  Library lib;
  lib.imports.push_back({kOtherLib, {1, 0}, 0, "other.tlb", "Other"});
  lib.types.push_back(
      type("S", RecordDef{{field("c", base(vt::I1)), field("i", imported("Inner", *inner.guid))}}));
  support::DiagEngine d;
  Library out = laid_out(lib, SysKind::Win64, d, &refs);
  CHECK(d.all().empty());
  CHECK(offsets(out.types[0]) == std::vector<uint32_t>{0, 8});
  CHECK(out.types[0].layout == TypeLayout{16, 8, 0});
}

TEST_CASE("a record that contains itself is reported and the computation ends") {
  Library lib;
  lib.types.push_back(type("S", RecordDef{{field("c", base(vt::I1)), field("self", local(0))}}));
  lib.types.push_back(type("I", InterfaceDef{{base_ref(local(1))}, fns({"f"})}));
  support::DiagEngine d;
  Library out = laid_out(lib, SysKind::Win32, d);
  CHECK(has_code(d, "TK4103"));
  CHECK(has_code(d, "TK4104"));
  CHECK(out.types[0].layout.size > 0);
}

TEST_CASE("dispinterfaces: methods numbered one pointer apart, a wrapped interface's vtable") {
  Library lib = importing_stdole();
  DispatchDef pure;
  pure.methods = fns({"m1", "m2", "m3"});
  lib.types.push_back(type("D", pure));
  lib.types.push_back(
      type("IA", InterfaceDef{{base_ref(imported("", kIUnknown))}, fns({"a1", "a2"})}));
  DispatchDef wrapping;
  wrapping.wraps = local(1);
  lib.types.push_back(type("DW", wrapping));
  Library w32 = laid_out(lib, SysKind::Win32);
  CHECK(vtable_offsets(functions(w32.types[0])) == std::vector<int32_t>{0, 4, 8});
  CHECK(w32.types[0].layout == TypeLayout{4, 4, 12});
  CHECK(w32.types[2].layout == TypeLayout{4, 4, 20});  // IUnknown's 3 + IA's 2
  Library w64 = laid_out(lib, SysKind::Win64);
  CHECK(w64.types[0].layout == TypeLayout{8, 8, 24});
  CHECK(w64.types[2].layout == TypeLayout{8, 8, 40});

  // MIDL records 0 for a dispinterface that wraps an interface defined after it.
  Library later = importing_stdole();
  later.types.push_back(type("DW", DispatchDef{{}, {}, {}, local(1)}));
  later.types.push_back(lib.types[1]);
  support::DiagEngine d;
  CHECK(laid_out(later, SysKind::Win32, d, nullptr, LayoutStyle::Midl).types[0].layout ==
        TypeLayout{4, 4, 0});
  CHECK(laid_out(later, SysKind::Win32).types[0].layout == TypeLayout{4, 4, 20});
}

TEST_CASE("where the tools differ: coclass, dispinterface and interface alignment, module size") {
  Library lib = importing_stdole();
  lib.types.push_back(type("C", CoclassDef{}));
  lib.types.push_back(type("D", DispatchDef{}));
  lib.types.push_back(type("I", InterfaceDef{{base_ref(imported("", kIUnknown))}, {}}));
  lib.types.push_back(type("M", ModuleDef{"x.dll", fns({"f1", "f2", "f3"}), {}}));
  support::DiagEngine d;
  auto at = [&](LayoutStyle s, SysKind k, size_t i) {
    return laid_out(lib, k, d, nullptr, s).types[i].layout;
  };
  CHECK(at(LayoutStyle::Widl, SysKind::Win64, 0) == TypeLayout{8, 4, 0});
  CHECK(at(LayoutStyle::Midl, SysKind::Win64, 0) == TypeLayout{8, 8, 0});
  CHECK(at(LayoutStyle::Tlbexp, SysKind::Win64, 0) == TypeLayout{8, 4, 0});
  CHECK(at(LayoutStyle::Widl, SysKind::Win64, 1) == TypeLayout{8, 8, 0});
  CHECK(at(LayoutStyle::Midl, SysKind::Win64, 1) == TypeLayout{8, 4, 0});
  CHECK(at(LayoutStyle::Widl, SysKind::Win64, 2) == TypeLayout{8, 8, 24});
  CHECK(at(LayoutStyle::Tlbexp, SysKind::Win64, 2) == TypeLayout{8, 4, 24});
  for (LayoutStyle s : {LayoutStyle::Widl, LayoutStyle::Midl, LayoutStyle::Tlbexp})
    for (size_t i : {0u, 1u, 2u}) CHECK(at(s, SysKind::Win32, i).alignment == 4);
  CHECK(at(LayoutStyle::Widl, SysKind::Win64, 3) == TypeLayout{3, 1, 0});
  CHECK(at(LayoutStyle::Midl, SysKind::Win32, 3) == TypeLayout{2, 1, 0});
  CHECK(d.all().empty());
}

TEST_CASE("the default overload follows widl") {
  Library lib;
  lib.types.push_back(type("C", CoclassDef{}));
  support::DiagEngine d;
  compute_layout(lib, SysKind::Win64, nullptr, d);
  CHECK(lib.types[0].layout == TypeLayout{8, 4, 0});
  CHECK(lib.syskind == SysKind::Win64);
  compute_layout(lib, SysKind::Win32, nullptr, d);
  CHECK(lib.syskind == SysKind::Win32);
  CHECK(lib.types[0].layout == TypeLayout{4, 4, 0});
}

TEST_CASE("recorded_style reads the tool from the library's custom data") {
  const Guid created_by = *Guid::parse("{DE77BA65-517C-11D1-A2DA-0000F8773CE9}");
  const Guid exported_from = *Guid::parse("{90883F05-3D28-11D2-8F17-00A0C9A6186D}");
  auto text = [](const char* s) { return Value{vt::Bstr, std::string(s)}; };
  Library lib;
  CHECK(recorded_style(lib) == LayoutStyle::Midl);
  lib.custom = {
      {created_by, text("Created by MIDL version 8.01.0628 at Mon Jan 18 21:14:07 2038\n")}};
  CHECK(recorded_style(lib) == LayoutStyle::Midl);
  lib.custom = {{created_by, text("Created by WIDL version 8.0 at Tue Nov 24 01:08:49 2026\n")}};
  CHECK(recorded_style(lib) == LayoutStyle::Widl);
  lib.custom = {{created_by, Value{vt::I4, int64_t{1}}}};
  CHECK(recorded_style(lib) == LayoutStyle::Midl);
  lib.custom = {{exported_from, text("WasatchNET, Version=1.0.2.0, Culture=neutral")}};
  CHECK(recorded_style(lib) == LayoutStyle::Tlbexp);
}

TEST_CASE("source_style: widl's conventions for IDL unless its custom data names MIDL or tlbexp") {
  const Guid created_by = *Guid::parse("{DE77BA65-517C-11D1-A2DA-0000F8773CE9}");
  const Guid exported_from = *Guid::parse("{90883F05-3D28-11D2-8F17-00A0C9A6186D}");
  auto text = [](const char* s) { return Value{vt::Bstr, std::string(s)}; };
  Library lib;
  CHECK(source_style(lib) == LayoutStyle::Widl);
  lib.custom = {
      {created_by, text("Created by MIDL version 8.01.0628 at Mon Jan 18 21:14:07 2038\n")}};
  CHECK(source_style(lib) == LayoutStyle::Midl);
  lib.custom = {{created_by, text("Created by WIDL version 8.0 at Tue Nov 24 01:08:49 2026\n")}};
  CHECK(source_style(lib) == LayoutStyle::Widl);
  lib.custom = {{exported_from, text("WasatchNET, Version=1.0.2.0, Culture=neutral")}};
  CHECK(source_style(lib) == LayoutStyle::Tlbexp);
}

TEST_CASE("one warning per missing type, however often it is used; dangling local references") {
  Library lib = importing_stdole();
  lib.types.push_back(type(
      "S", RecordDef{{field("a", imported("Missing", kOtherLib)),
                      field("b", imported("Missing", kOtherLib)), field("c", local(99, "Gone"))}}));
  lib.types.push_back(type("T", RecordDef{{field("s", local(0))}}));
  support::DiagEngine d;
  Library out = laid_out(lib, SysKind::Win32, d);
  REQUIRE(d.all().size() == 2);
  CHECK(d.all()[0].code == "TK4102");
  CHECK(d.all()[0].message.find("Missing") != std::string::npos);
  CHECK(d.all()[1].message.find("Gone") != std::string::npos);
  CHECK(offsets(out.types[0]) == std::vector<uint32_t>{0, 4, 8});
  CHECK(out.types[1].layout == TypeLayout{12, 4, 0});
}
