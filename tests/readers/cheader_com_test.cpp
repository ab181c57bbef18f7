// The header reader's COM part on small fixtures (testdata/cheader/com): IIDs from every form a
// header writes them in, bases and MSVC vtable order through a chain, overloads, what C++ allows
// and an interface cannot hold, the C form against the C++ form, coclasses from CLSIDs,
// parameter directions (SAL, MIDL comments, inference), properties, and an IDispatch heir under
// <windows.h>; for win64 and win32 where pointer sizes show. Layer: tests.
#include <doctest/doctest.h>

#include <cctype>
#include <string>
#include <vector>

#include "driver/corpus_util.h"
#include "model/compare.h"
#include "model/library.h"
#include "readers/cheader/cheader_reader.h"
#include "readers/cheader_fixture.h"
#include "readers/tlb/tlb_reader.h"

using namespace tlbkit;
namespace m = tlbkit::model;
namespace pf = tlbkit::model::paramflag;

namespace {

using Read = testing::HeaderRead;
using testing::find;
using testing::get;

cheader::CHeaderOptions target(m::SysKind k) {
  cheader::CHeaderOptions o;
  o.target = k;
  return o;
}

/// Read as C (the C form of a header that has both behind `#ifdef __cplusplus`).
cheader::CHeaderOptions as_c(m::SysKind k) {
  cheader::CHeaderOptions o = target(k);
  o.clang_args = {"-x", "c"};
  return o;
}

Read read(const std::string& name, const cheader::CHeaderOptions& opts = {}) {
  return testing::read_fixture("com", name, opts);
}

const m::InterfaceDef& iface(const m::Library& lib, const std::string& name) {
  const m::TypeInfo& t = get(lib, name);
  const auto* i = std::get_if<m::InterfaceDef>(&t.def);
  REQUIRE_MESSAGE(i != nullptr, name << " is no interface");
  return *i;
}

/// The n-th function of an interface.
const m::Function& fn(const m::Library& lib, const std::string& name, size_t n) {
  const m::InterfaceDef& i = iface(lib, name);
  REQUIRE_MESSAGE(n < i.functions.size(), name << " has " << i.functions.size() << " functions");
  return i.functions[n];
}

std::vector<std::string> names(const m::InterfaceDef& i) {
  std::vector<std::string> out;
  for (const m::Function& f : i.functions) out.push_back(f.name);
  return out;
}

std::vector<uint16_t> flags(const m::Function& f) {
  std::vector<uint16_t> out;
  for (const m::Param& p : f.params) out.push_back(p.flags);
  return out;
}

/// The base an interface names: "stdole.IDispatch" for an import, "IBase" for a local type (and
/// then its index must be that type's).
std::string base_of(const m::Library& lib, const std::string& name) {
  const m::InterfaceDef& i = iface(lib, name);
  if (i.bases.empty()) return "<none>";
  REQUIRE(i.bases.size() == 1);
  const auto* u = std::get_if<m::UserType>(&i.bases[0].type.v);
  REQUIRE(u != nullptr);
  if (u->import) return lib.imports.at(*u->import).name + "." + u->name;
  REQUIRE(u->index);
  REQUIRE(*u->index < lib.types.size());
  CHECK(lib.types[*u->index].name == u->name);
  return u->name;
}

m::Guid guid(const char* s) {
  auto g = m::Guid::parse(s);
  REQUIRE(g);
  return *g;
}

std::vector<const support::Diagnostic*> diags_of(const support::DiagEngine& d,
                                                 const std::string& code) {
  std::vector<const support::Diagnostic*> out;
  for (const support::Diagnostic& x : d.all()) {
    if (x.code == code) out.push_back(&x);
  }
  return out;
}

/// The one diagnostic of `code` whose message contains `text`; its line.
uint32_t line_of(const support::DiagEngine& d, const std::string& code, const std::string& text) {
  const support::Diagnostic* hit = nullptr;
  for (const support::Diagnostic* x : diags_of(d, code)) {
    if (x->message.find(text) == std::string::npos) continue;
    CHECK_MESSAGE(hit == nullptr, "two " << code << " about " << text);
    hit = x;
  }
  REQUIRE_MESSAGE(hit != nullptr, "no " << code << " about " << text);
  CHECK(hit->severity == support::Severity::Warning);
  return hit->where.line;
}

uint32_t ptr_size(m::SysKind k) { return k == m::SysKind::Win32 ? 4 : 8; }

m::TypeRef base(uint16_t vt) { return m::TypeRef::base(vt); }
m::TypeRef ptr(m::TypeRef t) { return m::TypeRef::pointer_to(std::move(t)); }

std::string user_name(const m::TypeRef& t) {
  const auto* u = std::get_if<m::UserType>(&t.v);
  return u ? u->name : std::string("<not a user type>");
}

const m::TypeRef& pointee(const m::TypeRef& t) {
  const auto* p = std::get_if<m::Pointer>(&t.v);
  REQUIRE(p != nullptr);
  return *p->pointee;
}

const m::SysKind kTargets[] = {m::SysKind::Win64, m::SysKind::Win32};

}  // namespace

// ---- IIDs --------------------------------------------------------------------------------------

TEST_CASE("cheader COM: every form a header writes an IID in gives the interface its IID") {
  Read r = read("cpp_forms.h");
  REQUIRE(r.lib);
  CHECK(r.diags.error_count() == 0);
  const std::pair<const char*, const char*> cases[] = {
      {"IMidl", "11111111-0000-0000-0000-000000000001"},      // MIDL_INTERFACE (+ __CRT_UUID_DECL)
      {"ICrtOnly", "11111111-0000-0000-0000-000000000002"},   // __CRT_UUID_DECL alone
      {"IDeclspec", "11111111-0000-0000-0000-000000000003"},  // DECLSPEC_UUID DECLSPEC_NOVTABLE
      {"IMsUuid", "11111111-0000-0000-0000-000000000004"},    // __declspec(uuid("{…}"))
      {"IDefined", "11111111-0000-0000-0000-000000000005"},   // DEFINE_GUID(IID_…)
      {"IExtern", "11111111-0000-0000-0000-000000000006"},    // EXTERN_GUID(IID_…)
      {"IConst", "11111111-0000-0000-0000-000000000007"},     // const IID IID_… = {…}
      {"ISkipped", "11111111-0000-0000-0000-00000000000a"},   // the #else branch's, not #ifdef's
  };
  for (const auto& [name, g] : cases) {
    CAPTURE(name);
    const m::TypeInfo& t = get(*r.lib, name);
    CHECK(t.guid == guid(g));
    CHECK(base_of(*r.lib, name) == "stdole.IUnknown");
  }
  // The GUID variables are no constants of the library.
  for (const m::TypeInfo& t : r.lib->types) {
    if (const auto* mod = std::get_if<m::ModuleDef>(&t.def)) CHECK(mod->constants.empty());
  }
}

TEST_CASE("cheader COM: an interface without an IID is read, without one, and warned about") {
  Read r = read("cpp_forms.h");
  REQUIRE(r.lib);
  const m::TypeInfo& t = get(*r.lib, "INoIid");
  CHECK_FALSE(t.guid);
  CHECK(names(iface(*r.lib, "INoIid")) == std::vector<std::string>{"Go"});
  REQUIRE(diags_of(r.diags, "TK8048").size() == 1);
  const support::Diagnostic& d = *diags_of(r.diags, "TK8048").front();
  CHECK(d.where.line == 42);
  CHECK(d.where.column == 8);
  CHECK(d.where.file.find("cpp_forms.h") != std::string::npos);
  CHECK(d.message.find("INoIid") != std::string::npos);
}

TEST_CASE("cheader COM: IIDs that disagree: the declaration's uuid is kept, the other warned") {
  Read r = read("cpp_forms.h");
  REQUIRE(r.lib);
  CHECK(get(*r.lib, "IMismatch").guid == guid("11111111-0000-0000-0000-000000000008"));
  CHECK(line_of(r.diags, "TK8052", "IID_IMismatch") == 49);
  // The interfaces whose sources agree (IMidl: MIDL_INTERFACE and __CRT_UUID_DECL) are not.
  CHECK(diags_of(r.diags, "TK8052").size() == 1);
  CHECK(diags_of(r.diags, "TK8051").empty());
}

// ---- Bases and vtable order --------------------------------------------------------------------

TEST_CASE("cheader COM: a chain of three from IDispatch: bases, inherited slots, MEMBERIDs") {
  for (m::SysKind k : kTargets) {
    CAPTURE(static_cast<int>(k));
    Read r = read("cpp_chain.h", target(k));
    REQUIRE(r.lib);
    CHECK(r.diags.all().empty());
    const int32_t p = static_cast<int32_t>(ptr_size(k));
    CHECK(base_of(*r.lib, "IBase") == "stdole.IDispatch");
    CHECK(base_of(*r.lib, "IMiddle") == "IBase");
    CHECK(base_of(*r.lib, "ILeaf") == "IMiddle");
    // IDispatch's 7 slots, then each interface's own after its ancestors'.
    struct Want {
      const char* iface;
      size_t n;
      const char* name;
      int32_t slot;
      int32_t memid;  // 0x60000000 | ancestors << 16 | n, as widl and MIDL number them
    };
    const Want want[] = {
        {"IBase", 0, "One", 7, 0x60020000},   {"IBase", 1, "Two", 8, 0x60020001},
        {"IMiddle", 0, "Three", 9, 0x60030000}, {"ILeaf", 0, "Four", 10, 0x60040000},
        {"ILeaf", 1, "Five", 11, 0x60040001},
    };
    for (const Want& w : want) {
      CAPTURE(w.name);
      const m::Function& f = fn(*r.lib, w.iface, w.n);
      CHECK(f.name == w.name);
      CHECK(f.vtable_offset == w.slot * p);
      CHECK(f.memid == w.memid);
      CHECK(f.callconv == m::CallConv::StdCall);
      CHECK(f.funckind == m::FuncKind::PureVirtual);
    }
    CHECK(get(*r.lib, "IBase").layout.vtable_size == 9 * p);
    CHECK(get(*r.lib, "IMiddle").layout.vtable_size == 10 * p);
    CHECK(get(*r.lib, "ILeaf").layout.vtable_size == 12 * p);
    CHECK(get(*r.lib, "ILeaf").layout.size == ptr_size(k));
    for (const char* n : {"IBase", "IMiddle", "ILeaf"}) {
      CHECK((get(*r.lib, n).flags & m::typeflag::Dispatchable) != 0);
    }
  }
}

TEST_CASE("cheader COM: overloads are laid out as MSVC does, and what is no method is warned") {
  // Microsoft KB 131104: all overloads of a name are laid out together, in reverse order of
  // declaration, at the place of the name's first declaration.
  for (m::SysKind k : kTargets) {
    CAPTURE(static_cast<int>(k));
    Read r = read("unusual.h", target(k));
    REQUIRE(r.lib);
    const int32_t p = static_cast<int32_t>(ptr_size(k));
    const m::InterfaceDef& i = iface(*r.lib, "IUnusual");
    // GetObject as written, not as `#define GetObject GetObjectA` makes it.
    CHECK(names(i) == std::vector<std::string>{"Load", "Load", "Other", "GetObject"});
    REQUIRE(i.functions.size() == 4);
    CHECK(i.functions[0].params.at(0).type == base(m::vt::Bstr));  // Load(BSTR b), declared last
    CHECK(i.functions[0].params.at(0).name == "b");
    CHECK(i.functions[1].params.at(0).type == base(m::vt::I4));  // Load(LONG a), declared first
    for (size_t n = 0; n < 4; ++n) {
      CHECK(i.functions[n].vtable_offset == static_cast<int32_t>(3 + n) * p);
      // Two overloads are two members: MEMBERIDs of their own.
      CHECK(i.functions[n].memid == static_cast<int32_t>(0x60010000 + n));
    }
    CHECK(get(*r.lib, "IUnusual").layout.vtable_size == 7 * p);
    // The non-COM base is no base; IUnknown is.
    CHECK(base_of(*r.lib, "IUnusual") == "stdole.IUnknown");
    CHECK(line_of(r.diags, "TK8040", "'Plain'") == 12);
    CHECK(line_of(r.diags, "TK8042", "IUnusual::Load") == 15);  // at the second Load
    CHECK(line_of(r.diags, "TK8041", "IUnusual::Helper") == 16);
    CHECK(line_of(r.diags, "TK8045", "'data'") == 17);
    // A parameter's name as written too (`#define FindText FindTextW`).
    CHECK(fn(*r.lib, "IUnusualNames", 0).params.at(0).name == "FindText");
    CHECK(r.diags.error_count() == 0);
  }
}

TEST_CASE("cheader COM: a second base, a virtual base, a destructor, an override: warned, MSVC's slots") {
  for (m::SysKind k : kTargets) {
    CAPTURE(static_cast<int>(k));
    Read r = read("bases.h", target(k));
    REQUIRE(r.lib);
    CHECK(r.diags.error_count() == 0);
    const int32_t p = static_cast<int32_t>(ptr_size(k));
    // MSVC extends the first base's vtable: C follows IFirst's 4 slots.
    CHECK(base_of(*r.lib, "ITwoBases") == "IFirst");
    CHECK(fn(*r.lib, "ITwoBases", 0).vtable_offset == 4 * p);
    CHECK(fn(*r.lib, "ITwoBases", 0).memid == 0x60020000);
    CHECK(line_of(r.diags, "TK8040", "a second base") == 20);
    CHECK(line_of(r.diags, "TK8040", "virtually") == 25);
    CHECK(base_of(*r.lib, "IVirtualBase") == "stdole.IUnknown");
    // MSVC's virtual destructor takes one slot (the deleting destructor): E is the fifth.
    CHECK(line_of(r.diags, "TK8043", "IWithDtor") == 31);
    CHECK(names(iface(*r.lib, "IWithDtor")) == std::vector<std::string>{"E"});
    CHECK(fn(*r.lib, "IWithDtor", 0).vtable_offset == 4 * p);
    CHECK(get(*r.lib, "IWithDtor").layout.vtable_size == 5 * p);
    // An override (with a body: a pure one is silent) has its base's slot: F follows IFirst's.
    CHECK(line_of(r.diags, "TK8044", "IOverrides::A") == 37);
    CHECK(names(iface(*r.lib, "IOverrides")) == std::vector<std::string>{"F"});
    CHECK(fn(*r.lib, "IOverrides", 0).vtable_offset == 4 * p);
    CHECK(base_of(*r.lib, "IOverrides") == "IFirst");
    CHECK(diags_of(r.diags, "TK8040").size() == 2);
    // Pure virtual methods without IUnknown: an interface without a base, slots from 0.
    CHECK(get(*r.lib, "ICallback").guid == guid("aaaaaaaa-0000-0000-0000-000000000008"));
    CHECK(base_of(*r.lib, "ICallback") == "<none>");
    CHECK(names(iface(*r.lib, "ICallback")) == std::vector<std::string>{"Notify", "Done"});
    CHECK(fn(*r.lib, "ICallback", 1).vtable_offset == p);
    CHECK(fn(*r.lib, "ICallback", 1).memid == 0x60000001);
    CHECK(get(*r.lib, "ICallback").layout.vtable_size == 2 * p);
  }
}

TEST_CASE("cheader COM: calling conventions and variadic methods on win32 and win64") {
  Read w32 = read("bases.h", target(m::SysKind::Win32));
  Read w64 = read("bases.h", target(m::SysKind::Win64));
  REQUIRE(w32.lib);
  REQUIRE(w64.lib);
  CHECK(fn(*w32.lib, "ICallConv", 0).callconv == m::CallConv::StdCall);
  CHECK(fn(*w32.lib, "ICallConv", 1).callconv == m::CallConv::CDecl);
  CHECK(fn(*w32.lib, "ICallConv", 2).callconv == m::CallConv::CDecl);
  // win64 has one convention; a type library records it as stdcall (as widl does).
  for (size_t n = 0; n < 3; ++n) CHECK(fn(*w64.lib, "ICallConv", n).callconv == m::CallConv::StdCall);
  for (const Read* r : {&w32, &w64}) {
    CHECK_FALSE(fn(*r->lib, "ICallConv", 1).variadic);
    CHECK(fn(*r->lib, "ICallConv", 2).variadic);
    CHECK(fn(*r->lib, "ICallConv", 2).params.size() == 1);
  }
}

// ---- The C form --------------------------------------------------------------------------------

TEST_CASE("cheader COM: the C form gives the same interfaces as the C++ form") {
  for (m::SysKind k : kTargets) {
    CAPTURE(static_cast<int>(k));
    Read cpp = read("twin.h", target(k));
    Read c = read("twin.h", as_c(k));
    REQUIRE(cpp.lib);
    REQUIRE(c.lib);
    CHECK(cpp.diags.all().empty());
    CHECK(c.diags.all().empty());
    // Not vacuous: the C++ reading is what it should be …
    const int32_t p = static_cast<int32_t>(ptr_size(k));
    const m::Library& lib = *cpp.lib;
    CHECK(get(lib, "ITwinBase").guid == guid("99999999-0000-0000-0000-000000000001"));
    CHECK(get(lib, "ITwinAuto").guid == guid("99999999-0000-0000-0000-000000000003"));
    CHECK(base_of(lib, "ITwinBase") == "stdole.IUnknown");
    CHECK(base_of(lib, "ITwinDerived") == "ITwinBase");
    CHECK(base_of(lib, "ITwinAuto") == "stdole.IDispatch");
    CHECK(names(iface(lib, "ITwinDerived")) == std::vector<std::string>{"Put", "Swap"});
    const m::Function& swap = fn(lib, "ITwinDerived", 1);
    CHECK(swap.vtable_offset == 5 * p);
    CHECK(swap.memid == 0x60020001);
    //    order: /* [in] */ LONG * (inferred alone it would be [out]); area: /* [out][in] */;
    //    other: _Outptr_; bounds: const; name: a string; window: a handle.
    CHECK(flags(swap) == std::vector<uint16_t>{pf::In, pf::In | pf::Out, pf::Out, pf::In, pf::In,
                                               pf::In});
    CHECK(swap.params.at(1).type == swap.params.at(3).type);  // RECT * and const RECT *
    CHECK(user_name(pointee(swap.params.at(1).type)) == "tagRECT");
    CHECK(user_name(pointee(pointee(swap.params.at(2).type))) == "ITwinBase");
    CHECK(names(iface(lib, "ITwinAuto")) == std::vector<std::string>{"Size", "Size", "Find"});
    CHECK(fn(lib, "ITwinAuto", 0).invkind == m::InvokeKind::PropertyGet);
    CHECK(fn(lib, "ITwinAuto", 1).invkind == m::InvokeKind::PropertyPut);
    CHECK(fn(lib, "ITwinAuto", 0).vtable_offset == 7 * p);
    CHECK(flags(fn(lib, "ITwinAuto", 2)) == std::vector<uint16_t>{pf::In, pf::In, pf::Out | pf::RetVal});
    CHECK(fn(lib, "ITwinAuto", 2).params.at(0).type == base(m::vt::Bstr));
    CHECK(fn(lib, "ITwinAuto", 2).params.at(1).type == base(m::vt::Bool));
    // … and the C reading is the same library, to the last parameter name and direction (the
    // Vtbl structs become no types; `This` is no parameter).
    CHECK(m::diff(*cpp.lib, *c.lib) == "");
    CHECK(*cpp.lib == *c.lib);
  }
}

TEST_CASE("cheader COM: a C interface's base is found by its slots' signatures and widl's comments") {
  for (m::SysKind k : kTargets) {
    CAPTURE(static_cast<int>(k));
    Read r = read("c_form.h", as_c(k));
    REQUIRE(r.lib);
    const int32_t p = static_cast<int32_t>(ptr_size(k));
    CHECK(base_of(*r.lib, "ICBase") == "stdole.IUnknown");
    CHECK(fn(*r.lib, "ICBase", 0).vtable_offset == 3 * p);
    // Same first slot name as ICBase, other parameter types: IUnknown's heir, not ICBase's.
    CHECK(base_of(*r.lib, "ICLookalike") == "stdole.IUnknown");
    CHECK(names(iface(*r.lib, "ICLookalike")) == std::vector<std::string>{"Get", "Put"});
    CHECK(fn(*r.lib, "ICLookalike", 0).params.at(0).type == base(m::vt::Bstr));
    // ICBase's slots, then its own: only those are its methods.
    CHECK(base_of(*r.lib, "ICDerived") == "ICBase");
    CHECK(names(iface(*r.lib, "ICDerived")) == std::vector<std::string>{"Put"});
    CHECK(fn(*r.lib, "ICDerived", 0).vtable_offset == 4 * p);
    CHECK(fn(*r.lib, "ICDerived", 0).memid == 0x60020000);
    CHECK(fn(*r.lib, "ICDerived", 0).params.at(0).name == "index");
    // Exactly ICBase's slots: only the group comments say it is ICBase's heir.
    CHECK(base_of(*r.lib, "ICSame") == "ICBase");
    CHECK(iface(*r.lib, "ICSame").functions.empty());
    CHECK(get(*r.lib, "ICSame").layout.vtable_size == 4 * p);
    // A dispinterface's C form: IDispatch's slots, its GUID named DIID_DCEvents.
    CHECK(get(*r.lib, "DCEvents").guid == guid("33333333-0000-0000-0000-000000000005"));
    CHECK(base_of(*r.lib, "DCEvents") == "stdole.IDispatch");
    CHECK(iface(*r.lib, "DCEvents").functions.empty());
    // The Vtbl structs are no types.
    for (const m::TypeInfo& t : r.lib->types) CHECK(t.name.find("Vtbl") == std::string::npos);
    CHECK(r.diags.all().empty());
  }
}

TEST_CASE("cheader COM: objbase.h's DECLARE_INTERFACE_ macros, read as C++ and as C") {
  for (m::SysKind k : kTargets) {
    CAPTURE(static_cast<int>(k));
    Read cpp = read("declare_interface.h", target(k));
    Read c = read("declare_interface.h", as_c(k));
    REQUIRE(cpp.lib);
    REQUIRE(c.lib);
    // IUnknown's methods declared again are pure redeclarations: no warning, no slots.
    CHECK(cpp.diags.all().empty());
    CHECK(c.diags.all().empty());
    const int32_t p = static_cast<int32_t>(ptr_size(k));
    const m::Library& lib = *cpp.lib;
    CHECK(get(lib, "IHandMade").guid == guid("bbbbbbbb-0000-0000-0000-000000000001"));
    CHECK(base_of(lib, "IHandMade") == "stdole.IUnknown");
    CHECK(names(iface(lib, "IHandMade")) == std::vector<std::string>{"Open", "Read", "Close"});
    CHECK(fn(lib, "IHandMade", 0).vtable_offset == 3 * p);
    CHECK(flags(fn(lib, "IHandMade", 1)) == std::vector<uint16_t>{pf::Out, pf::In, pf::Out});
    CHECK(fn(lib, "IHandMade", 2).result == base(m::vt::Void));
    CHECK(get(lib, "IHandMade").layout.vtable_size == 6 * p);
    // DECLARE_INTERFACE_IID_: the IID with the name; the base's methods listed again.
    CHECK(get(lib, "IHandMade2").guid == guid("bbbbbbbb-0000-0000-0000-000000000002"));
    CHECK(base_of(lib, "IHandMade2") == "IHandMade");
    CHECK(names(iface(lib, "IHandMade2")) == std::vector<std::string>{"Seek"});
    CHECK(fn(lib, "IHandMade2", 0).vtable_offset == 6 * p);
    CHECK(flags(fn(lib, "IHandMade2", 0)) == std::vector<uint16_t>{pf::In, pf::Out});
    CHECK(m::diff(*cpp.lib, *c.lib) == "");
    CHECK(*cpp.lib == *c.lib);
  }
}

TEST_CASE("cheader COM: C structs in the C form's shape that break its rules are reported") {
  for (bool c : {false, true}) {
    CAPTURE(c);
    Read r = read("c_odd.h", c ? as_c(m::SysKind::Win64) : target(m::SysKind::Win64));
    REQUIRE(r.lib);
    // No IUnknown slots first: an interface without a base, its slots from 0.
    CHECK(line_of(r.diags, "TK8047", "'IOdd'") == 11);
    CHECK(base_of(*r.lib, "IOdd") == "<none>");
    CHECK(fn(*r.lib, "IOdd", 0).vtable_offset == 0);
    CHECK(fn(*r.lib, "IOdd", 0).memid == 0x60000000);
    CHECK(fn(*r.lib, "IOdd", 0).params.size() == 1);  // `This` left out
    // No `This`: every parameter kept.
    CHECK(line_of(r.diags, "TK8046", "'Bare'") == 19);
    const m::Function& bare = fn(*r.lib, "INoThis", 0);
    REQUIRE(bare.params.size() == 2);
    CHECK(bare.params[0].name == "area");
    CHECK(user_name(pointee(bare.params[0].type)) == "tagRECT");
    CHECK(bare.params[1].name == "code");
    CHECK(r.diags.all().size() == 2);
  }
}

// ---- Coclasses ---------------------------------------------------------------------------------

TEST_CASE("cheader COM: CLSIDs and uuid-decorated class declarations become coclasses") {
  Read r = read("coclass.h");
  REQUIRE(r.lib);
  CHECK(r.diags.all().empty());
  const std::pair<const char*, const char*> want[] = {
      {"Scheduler", "44444444-0000-0000-0000-000000000001"},  // both: one coclass
      {"Gadget", "44444444-0000-0000-0000-000000000002"},     // CLSID_Gadget only
      {"Widget", "44444444-0000-0000-0000-000000000003"},     // class DECLSPEC_UUID only
  };
  REQUIRE(r.lib->types.size() == 3);  // no IForward, no second Scheduler, no CLSID constants
  for (size_t n = 0; n < 3; ++n) {
    const m::TypeInfo& t = r.lib->types[n];
    CAPTURE(t.name);
    CHECK(t.name == want[n].first);
    CHECK(t.guid == guid(want[n].second));
    const auto* cc = std::get_if<m::CoclassDef>(&t.def);
    REQUIRE(cc != nullptr);
    CHECK(cc->interfaces.empty());  // a header does not say what a class implements
    CHECK((t.flags & m::typeflag::CanCreate) != 0);
  }
}

// ---- Directions --------------------------------------------------------------------------------

TEST_CASE("cheader COM: SAL annotations give directions") {
  Read r = read("directions.h");
  REQUIRE(r.lib);
  // _In_ _Out_ _Inout_ _Outptr_ _COM_Outptr_ _Out_writes_(count), then `count` inferred.
  CHECK(flags(fn(*r.lib, "ISal", 0)) ==
        std::vector<uint16_t>{pf::In, pf::Out, pf::In | pf::Out, pf::Out, pf::Out, pf::Out, pf::In});
  // __RPC__in __RPC__deref_out_opt IN OUT.
  CHECK(flags(fn(*r.lib, "ISal", 1)) == std::vector<uint16_t>{pf::In, pf::Out, pf::In, pf::Out});
  // _In_opt_ _Out_opt_ _In_reads_(n): no [optional] (SAL's _opt_ means a null pointer may pass);
  // `c` is [in] though a LONG * is inferred [out].
  const m::Function& opt = fn(*r.lib, "ISal", 3);
  CHECK(opt.name == "Opt");
  CHECK(flags(opt) == std::vector<uint16_t>{pf::In, pf::Out, pf::In, pf::In});
}

TEST_CASE("cheader COM: MIDL's comments give directions; other comments say nothing") {
  Read r = read("directions.h");
  REQUIRE(r.lib);
  const m::Function& midl = fn(*r.lib, "ISal", 2);
  CHECK(midl.name == "Midl");
  CHECK(flags(midl) == std::vector<uint16_t>{pf::In, pf::In | pf::Opt, pf::In | pf::Out,
                                             pf::In | pf::Out, pf::In | pf::Lcid,
                                             pf::Out | pf::RetVal});
  const m::Function& prose = fn(*r.lib, "ISal", 4);
  CHECK(prose.name == "Prose");
  CHECK(flags(prose) == std::vector<uint16_t>{pf::Out});  // inferred, not [in, out] from prose
}

TEST_CASE("cheader COM: directions are inferred where the header writes none") {
  Read r = read("directions.h");
  REQUIRE(r.lib);
  // LONG a, const RECT *, LPCWSTR, HWND, IUnknown *, void *, LONG *, IUnknown **: only the
  // pointers to something written are [out]; no [retval] outside an IDispatch heir.
  CHECK(flags(fn(*r.lib, "IInferred", 0)) ==
        std::vector<uint16_t>{pf::In, pf::In, pf::In, pf::In, pf::In, pf::In, pf::Out, pf::Out});
  // A record pointer: filled by a Get method, read by the others.
  CHECK(flags(fn(*r.lib, "IInferred", 1)) == std::vector<uint16_t>{pf::Out});
  CHECK(flags(fn(*r.lib, "IInferred", 2)) == std::vector<uint16_t>{pf::In});
  // A string is [in]; a pointer to one (WCHAR **, spelled with WCHAR) is [out].
  CHECK(flags(fn(*r.lib, "IInferred", 3)) == std::vector<uint16_t>{pf::Out, pf::In, pf::Out});
  // An IDispatch heir's HRESULT method: the last [out] is [out, retval].
  CHECK(flags(fn(*r.lib, "IAuto", 0)) == std::vector<uint16_t>{pf::In, pf::Out | pf::RetVal});
  CHECK(flags(fn(*r.lib, "IAuto", 1)) == std::vector<uint16_t>{pf::Out | pf::RetVal});
  // Not when the method returns something else than an HRESULT.
  CHECK(flags(fn(*r.lib, "IAuto", 2)) == std::vector<uint16_t>{pf::Out});
}

TEST_CASE("cheader COM: a C++ default argument is [in, optional, defaultvalue]") {
  Read r = read("directions.h");
  REQUIRE(r.lib);
  const m::Function& go = fn(*r.lib, "IDefaults", 0);
  REQUIRE(go.params.size() == 6);
  const uint16_t def = pf::In | pf::Opt | pf::HasDefault;
  CHECK(flags(go) == std::vector<uint16_t>{def, def, def, def, def, pf::Out});
  const m::Value want[] = {
      {m::vt::I4, int64_t{-1}},
      {m::vt::Bstr, std::string("x\"y")},  // L"x\"y": the escape undone
      {m::vt::Bool, int64_t{-1}},
      {m::vt::UI4, int64_t{0xFFFFFFFF}},  // unsigned: zero-extended
      {m::vt::I4, int64_t{1}},            // an enum's, as a long (ModeB)
  };
  for (size_t k = 0; k < 5; ++k) {
    CAPTURE(k);
    REQUIRE(go.params[k].default_value);
    CHECK(*go.params[k].default_value == want[k]);
  }
  CHECK_FALSE(go.params[5].default_value);  // `LONG *out = 0`: none a typelib holds
  CHECK(go.optional_count == 0);            // [optional] alone counts there, not defaultvalue
}

// ---- Properties --------------------------------------------------------------------------------

TEST_CASE("cheader COM: get_/put_/putref_ are properties sharing one MEMBERID") {
  Read r = read("properties.h");
  REQUIRE(r.lib);
  const m::InterfaceDef& i = iface(*r.lib, "IProps");
  CHECK(names(i) == std::vector<std::string>{"Name", "Name", "Name", "Item", "get_Odd", "Other"});
  REQUIRE(i.functions.size() == 6);
  const m::InvokeKind kinds[] = {m::InvokeKind::PropertyGet, m::InvokeKind::PropertyPut,
                                 m::InvokeKind::PropertyPutRef, m::InvokeKind::PropertyGet,
                                 m::InvokeKind::Func, m::InvokeKind::Func};
  const int32_t memids[] = {0x60020000, 0x60020000, 0x60020000, 0x60020003, 0x60020004,
                            0x60020005};
  for (size_t n = 0; n < 6; ++n) {
    CAPTURE(n);
    CHECK(i.functions[n].invkind == kinds[n]);
    CHECK(i.functions[n].memid == memids[n]);
    CHECK(i.functions[n].vtable_offset == static_cast<int32_t>((7 + n) * 8));
  }
  // The got value is [out, retval]; the put value is [in] and nameless (as the IDL reader has it).
  CHECK(flags(i.functions[0]) == std::vector<uint16_t>{pf::Out | pf::RetVal});
  CHECK(i.functions[0].params.at(0).type == ptr(base(m::vt::Bstr)));
  CHECK(flags(i.functions[1]) == std::vector<uint16_t>{pf::In});
  CHECK(i.functions[1].params.at(0).name.empty());
  CHECK(i.functions[1].params.at(0).type == base(m::vt::Bstr));
  CHECK(i.functions[2].params.at(0).name.empty());
  CHECK(i.functions[2].params.at(0).type == base(m::vt::Unknown));
  // An indexed property keeps its index.
  CHECK(flags(i.functions[3]) == std::vector<uint16_t>{pf::In, pf::Out | pf::RetVal});
  CHECK(i.functions[3].params.at(0).name == "index");
  // get_Odd returns nothing through a pointer: a method of its own name.
  CHECK(flags(i.functions[4]) == std::vector<uint16_t>{pf::In});
}

// ---- The SDK's own headers ---------------------------------------------------------------------

TEST_CASE("cheader COM: an IDispatch heir in a header including <windows.h> and <ole2.h>") {
  for (m::SysKind k : kTargets) {
    CAPTURE(static_cast<int>(k));
    Read r = read("windows_dispatch.h", target(k));
    REQUIRE(r.lib);
    // DEFINE_GUID and MIDL_INTERFACE agree; IServiceProvider's member template is the SDK's
    // business, not warned about.
    CHECK(r.diags.all().empty());
    // The header's own interface, and of the SDK's only the one it uses.
    std::vector<std::string> interfaces;
    for (const m::TypeInfo& t : r.lib->types) {
      if (std::holds_alternative<m::InterfaceDef>(t.def)) interfaces.push_back(t.name);
    }
    CHECK(interfaces == std::vector<std::string>{"IGreeter", "IServiceProvider"});
    CHECK(names(iface(*r.lib, "IServiceProvider")) == std::vector<std::string>{"QueryService"});
    const m::TypeInfo& t = get(*r.lib, "IGreeter");
    CHECK(t.guid == guid("88888888-0000-0000-0000-000000000001"));
    CHECK(base_of(*r.lib, "IGreeter") == "stdole.IDispatch");
    // A vtable interface deriving from IDispatch; a header cannot say it is [dual].
    CHECK((t.flags & m::typeflag::Dispatchable) != 0);
    CHECK((t.flags & m::typeflag::Dual) == 0);
    const int32_t p = static_cast<int32_t>(ptr_size(k));
    CHECK(t.layout.vtable_size == 12 * p);
    const m::Function& greet = fn(*r.lib, "IGreeter", 0);
    CHECK(greet.name == "Greet");
    CHECK(greet.vtable_offset == 7 * p);
    CHECK(greet.result == base(m::vt::HResult));
    REQUIRE(greet.params.size() == 3);
    CHECK(greet.params[0].type == base(m::vt::Bstr));
    CHECK(greet.params[1].type == base(m::vt::Variant));
    CHECK(greet.params[2].type == ptr(base(m::vt::Bstr)));
    CHECK(flags(greet) == std::vector<uint16_t>{pf::In, pf::In, pf::Out | pf::RetVal});
    CHECK(fn(*r.lib, "IGreeter", 1).invkind == m::InvokeKind::PropertyGet);
    CHECK(fn(*r.lib, "IGreeter", 2).invkind == m::InvokeKind::PropertyPut);
    CHECK(fn(*r.lib, "IGreeter", 1).memid == fn(*r.lib, "IGreeter", 2).memid);
    const m::Function& other = fn(*r.lib, "IGreeter", 3);
    CHECK(other.name == "Friend");
    CHECK(user_name(pointee(pointee(other.params.at(0).type))) == "IGreeter");
    CHECK(flags(other) == std::vector<uint16_t>{pf::Out | pf::RetVal});
    CHECK(other.vtable_offset == 10 * p);
  }
}

// ---- A whole SDK header against a type library of the same interfaces -------------------------

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// "" when the header's functions are the typelib's (names compared without case: a typelib
/// keeps one spelling per name, the first it meets — Wine's has `scrollIntoView` where
/// IHTMLCaret says ScrollIntoView), else the first difference.
std::string compare_functions(const std::vector<m::Function>& tlb,
                              const std::vector<m::Function>& header) {
  if (tlb.size() != header.size())
    return std::to_string(tlb.size()) + " functions, header " + std::to_string(header.size());
  for (size_t i = 0; i < tlb.size(); ++i) {
    const m::Function& a = tlb[i];
    const m::Function& b = header[i];
    if (lower(a.name) != lower(b.name)) return "function " + a.name + " vs " + b.name;
    if (a.invkind != b.invkind) return a.name + ": invoke kind";
    if (a.vtable_offset != b.vtable_offset)
      return a.name + ": vtable offset " + std::to_string(a.vtable_offset) + " vs " +
             std::to_string(b.vtable_offset);
    if (a.params.size() != b.params.size()) return a.name + ": parameter count";
  }
  return {};
}

/// Parameters of the header's functions with a default argument, and how many of them the
/// typelib gives the same default value (functions already matched by compare_functions).
struct Defaults {
  size_t header = 0, same = 0;
  std::string first_difference;
};
void compare_defaults(const std::vector<m::Function>& tlb, const std::vector<m::Function>& header,
                      Defaults& d) {
  for (size_t i = 0; i < tlb.size() && i < header.size(); ++i) {
    for (size_t k = 0; k < tlb[i].params.size() && k < header[i].params.size(); ++k) {
      const m::Param& a = tlb[i].params[k];
      const m::Param& b = header[i].params[k];
      if ((b.flags & pf::HasDefault) == 0) continue;
      ++d.header;
      if (a.flags == b.flags && a.default_value == b.default_value) {
        ++d.same;
      } else if (d.first_difference.empty()) {
        d.first_difference = header[i].name + "(" + b.name + ")";
      }
    }
  }
}

}  // namespace

TEST_CASE("cheader COM: MinGW's mshtml.h has Wine's mshtml.tlb's vtables and properties") {
  // Two descriptions of MSHTML from two sources (MinGW-w64's SDK header, Wine's IDL through
  // widl), both win64: every interface of the typelib (a dual one as its vtable half) that the
  // header declares must have the same IID, vtable size, and functions in the same slots with
  // the same names and property kinds.
  cheader::CHeaderOptions o = target(m::SysKind::Win64);
  o.include_patterns = {"mshtml.h"};
  Read h = read("sdk_mshtml.h", o);
  REQUIRE(h.lib);
  CHECK(h.diags.error_count() == 0);
  auto bytes = testing::corpus_bytes("wine/mshtml.tlb");
  support::DiagEngine td;
  auto tlb = tlb::read_typelib(bytes, "wine/mshtml.tlb", std::nullopt, td);
  REQUIRE(tlb);
  REQUIRE(tlb->syskind == m::SysKind::Win64);
  size_t compared = 0;
  Defaults defaults;
  for (const m::TypeInfo& t : tlb->types) {
    const auto* ti = std::get_if<m::InterfaceDef>(&t.def);
    const m::TypeInfo* mine = find(*h.lib, t.name);
    if (ti == nullptr || mine == nullptr) continue;
    CAPTURE(t.name);
    const auto* hi = std::get_if<m::InterfaceDef>(&mine->def);
    REQUIRE(hi != nullptr);
    ++compared;
    CHECK(mine->guid == t.guid);
    CHECK(mine->layout.vtable_size == t.layout.vtable_size);
    CHECK(compare_functions(ti->functions, hi->functions) == "");
    compare_defaults(ti->functions, hi->functions, defaults);
  }
  MESSAGE("mshtml: " << compared << " interfaces compared; " << defaults.same << " of "
                     << defaults.header << " default arguments are the typelib's defaultvalues");
  // widl writes [defaultvalue(x)] as a C++ default argument: read back as [in, optional,
  // hasdefault] with its value. (The two IDL sources differ on a few; none may differ here.)
  CHECK(defaults.header >= 50);
  CHECK_MESSAGE(defaults.same == defaults.header, "first: " << defaults.first_difference);
  CHECK(compared >= 200);  // 230 with Wine 8.0's mshtml.tlb and Debian's MinGW-w64 headers
}

TEST_CASE("cheader COM: MinGW's mshtml.h read as C gives what it gives as C++") {
  // Some 880 interfaces in their C form (lpVtbl structs, bases found by slot signatures and widl's
  // comments) against their C++ form — the same library but for what C cannot write: default
  // arguments.
  cheader::CHeaderOptions o = target(m::SysKind::Win64);
  o.include_patterns = {"mshtml.h"};
  Read cpp = read("sdk_mshtml.h", o);
  o.clang_args = {"-x", "c"};
  Read c = read("sdk_mshtml.h", o);
  REQUIRE(cpp.lib);
  REQUIRE(c.lib);
  size_t interfaces = 0, defaults = 0;
  for (m::TypeInfo& t : cpp.lib->types) {
    auto* i = std::get_if<m::InterfaceDef>(&t.def);
    if (i == nullptr) continue;
    ++interfaces;
    for (m::Function& f : i->functions) {
      for (m::Param& p : f.params) {
        if ((p.flags & pf::HasDefault) == 0) continue;
        ++defaults;
        p.flags = static_cast<uint16_t>(p.flags & ~(pf::Opt | pf::HasDefault));
        p.default_value.reset();
      }
    }
  }
  MESSAGE("mshtml as C and C++: " << interfaces << " interfaces, " << defaults
                                  << " default arguments (C++ only)");
  CHECK(interfaces >= 800);
  CHECK(defaults >= 50);
  CHECK(m::diff(*cpp.lib, *c.lib) == "");
}
