// Round trip of every corpus typelib through IDL and widl 8.0: the library is written as IDL,
// compiled by widl (skipped when widl is not installed), read back, and compared with the
// original model after the normalisations widl forces (each with its reason below). Cases widl
// cannot reproduce are listed with the reason; one that starts passing must leave the list.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>

#include "model/compare.h"
#include "driver/corpus_util.h"
#include "writers/idl/idl_writer.h"
#include "writers/idl_test_util.h"

using namespace tlbkit;
using namespace tlbkit::testing::idl;

namespace {

void for_each_ref(model::TypeRef& r, const std::function<void(model::UserType&)>& fn) {
  std::visit(
      [&](auto& x) {
        using X = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<X, model::Pointer>) for_each_ref(*x.pointee, fn);
        if constexpr (std::is_same_v<X, model::SafeArray> || std::is_same_v<X, model::CArray>)
          for_each_ref(*x.element, fn);
        if constexpr (std::is_same_v<X, model::UserType>) fn(x);
      },
      r.v);
}

void for_each_ref(model::Library& lib, const std::function<void(model::UserType&)>& fn) {
  auto funcs = [&](std::vector<model::Function>& fs) {
    for (auto& f : fs) {
      for_each_ref(f.result, fn);
      for (auto& p : f.params) for_each_ref(p.type, fn);
    }
  };
  auto vars = [&](std::vector<model::Variable>& vs) {
    for (auto& v : vs) for_each_ref(v.type, fn);
  };
  auto impls = [&](std::vector<model::ImplType>& is) {
    for (auto& i : is) for_each_ref(i.type, fn);
  };
  for (auto& t : lib.types)
    std::visit(
        [&](auto& d) {
          using D = std::decay_t<decltype(d)>;
          if constexpr (std::is_same_v<D, model::EnumDef>) vars(d.values);
          if constexpr (std::is_same_v<D, model::RecordDef> || std::is_same_v<D, model::UnionDef>)
            vars(d.fields);
          if constexpr (std::is_same_v<D, model::AliasDef>) for_each_ref(d.target, fn);
          if constexpr (std::is_same_v<D, model::InterfaceDef>) {
            impls(d.bases);
            funcs(d.functions);
          }
          if constexpr (std::is_same_v<D, model::DispatchDef>) {
            impls(d.bases);
            funcs(d.methods);
            vars(d.properties);
            if (d.wraps) for_each_ref(*d.wraps, fn);
          }
          if constexpr (std::is_same_v<D, model::CoclassDef>) impls(d.interfaces);
          if constexpr (std::is_same_v<D, model::ModuleDef>) {
            funcs(d.functions);
            vars(d.constants);
          }
        },
        t.def);
}

void for_each_param(model::TypeInfo& t, const std::function<void(model::Param&)>& fn) {
  auto funcs = [&](std::vector<model::Function>& fs) {
    for (auto& f : fs)
      for (auto& p : f.params) fn(p);
  };
  if (auto* i = std::get_if<model::InterfaceDef>(&t.def)) funcs(i->functions);
  if (auto* d = std::get_if<model::DispatchDef>(&t.def)) funcs(d->methods);
  if (auto* m = std::get_if<model::ModuleDef>(&t.def)) funcs(m->functions);
}

/// What widl 8.0 does differently from the tools that made the corpus, whatever its input says.
void normalise(model::Library& lib) {
  // widl stamps each library with three custom-data entries of its own: build time, version
  // and a "Created by WIDL" text ({DE77BA63/64/65-517C-11D1-A2DA-0000F8773CE9}).
  std::erase_if(lib.custom, [](const model::CustomDatum& c) {
    std::string g = c.guid.to_string();
    return g.rfind("{DE77BA6", 0) == 0 && g.find("-517C-11D1-A2DA-0000F8773CE9}") != std::string::npos;
  });
  // widl records only the imported libraries a type refers to, in order of first reference;
  // the files behind them are the same. Compare the libraries referred to, by identity.
  std::vector<uint32_t> order;
  for_each_ref(lib, [&](model::UserType& u) {
    if (u.import && std::find(order.begin(), order.end(), *u.import) == order.end())
      order.push_back(*u.import);
  });
  std::vector<model::ImportedLibrary> kept;
  for (uint32_t i : order)
    if (i < lib.imports.size()) kept.push_back(lib.imports[i]);
  for_each_ref(lib, [&](model::UserType& u) {
    if (u.import)
      u.import = static_cast<uint32_t>(std::find(order.begin(), order.end(), *u.import) - order.begin());
  });
  // widl records the version, LCID and file of the library it finds on -L, not those the
  // original recorded (stdole 2.0 from "stdole2.tlb" where an old library said "STDOLE.TLB").
  // widl refers to an imported type by GUID; old libraries by its position in the other
  // library. With the names resolved, the name says which type it is.
  for_each_ref(lib, [&](model::UserType& u) {
    if (u.import && !u.name.empty()) {
      u.guid.reset();
      u.index.reset();
    }
  });
  for (auto& k : kept) {
    k.file.clear();
    k.version = {};
    k.lcid = 0;
  }
  lib.imports = kept;
  for (auto& t : lib.types) {
    // widl writes a fixed size and alignment for every kind but records and unions (a coclass
    // aligned to 4 on win64, an interface without base 8 bytes on win32), unlike MIDL.
    if (!std::holds_alternative<model::RecordDef>(t.def) && !std::holds_alternative<model::UnionDef>(t.def)) {
      t.layout.size = 0;
      t.layout.alignment = 0;
    }
    // widl marks every dispinterface, and every interface that derives from IDispatch,
    // dispatchable; mktyplib and old SLTG libraries did not.
    if (std::holds_alternative<model::InterfaceDef>(t.def) || std::holds_alternative<model::DispatchDef>(t.def))
      t.flags = static_cast<uint16_t>(t.flags & ~model::typeflag::Dispatchable);
    for_each_param(t, [](model::Param& p) {
      // widl sets no PARAMFLAG_FHASCUSTDATA for a parameter with custom data (MIDL and VB do).
      p.flags = static_cast<uint16_t>(p.flags & ~model::paramflag::HasCustData);
      // An integer literal in custom() is stored as VT_I4 by widl, whatever width it had.
      for (auto& c : p.custom)
        if (std::holds_alternative<int64_t>(c.value.data)) c.value.vt = model::vt::I4;
    });
    if (auto* e = std::get_if<model::EnumDef>(&t.def))
      for (auto& v : e->values) {
        // widl stores every enum constant as VT_I4 (MIDL and mktyplib: VT_INT or VT_I4), and
        // refuses attributes on enum values, so their flags, help and custom data are lost.
        if (v.value) v.value->vt = model::vt::I4;
        v.flags = 0;
        v.docs = {};
        v.custom.clear();
      }
    if (auto* m = std::get_if<model::ModuleDef>(&t.def)) {
      // widl 8.0 writes no module constants, and an entry point's name comes out as "#".
      m->constants.clear();
      for (auto& f : m->functions)
        if (std::holds_alternative<std::string>(f.entry.v)) f.entry.v = std::string("#");
    }
  }
}

/// Corpus cases whose widl output cannot equal the original, and why.
const std::map<std::string, std::string>& known_differences() {
  // Reasons checked by hand on the widl output and the runtime's listing of it.
  const std::string order = "widl adds a type when a type before it first names it (MIDL adds it at its own place)";
  const std::string guid_bug = "widl 8.0 mis-writes a GUID reference when one GUID is in the library twice "
                               "(a local type with stdole's IUnknown GUID, or a dispinterface first to name IDispatch)";
  const std::string missing = "an imported library other than stdole is not in testdata (widl needs its file)";
  static const std::map<std::string, std::string> known = {
      {"ms/AccessCodeLib.AccUnit.tlb", missing},
      {"ms/FM20.DLL", guid_bug},
      {"ms/FM20.DLL\\2", guid_bug},
      {"ms/MSCOMCTL.OCX", order},
      {"ms/MSO97RT.DLL", order},
      {"ms/MSWORD.OLB", missing},
      {"ms/OpenGEXHelper.tlb", guid_bug},
      {"ms/VB6.OLB", missing},
      {"ms/VBAEN32.OLB", "a VB ParamArray's cParamsOpt of 63: widl counts [optional] parameters"},
      {"ms/VEN2232.OLB", order},
      {"ms/WasatchNET.x64.tlb", missing},
      {"ms/WasatchNET.x86.tlb", missing},
      {"ms/XL5EN32.OLB", "dispinterface methods with __cdecl: widl writes every dispatch method stdcall"},
      {"ms/sltg-bare/XL5EN32.res1.sltg.tlb", "dispinterface methods with __cdecl: widl writes every dispatch method stdcall"},
      {"ms/activeds.tlb", "a coclass implementing an imported interface: widl copies the interface in"},
      {"ms/msado15.dll", order},
      {"ms/mshtml.tlb", "widl 8.0 crashes past 512 types (its table of types has a fixed size)"},
      {"wine/mshtml.tlb", "a VARIANT* parameter's default of type VARIANT, which IDL cannot spell"},
      {"ms/msvbvm60.dll", "optional VARIANT* parameters VB did not count in cParamsOpt: widl counts [optional]"},
      {"ms/msvbvm60.dll\\3", missing},
      {"ms/msxml6.dll", order},
      {"ms/olepro32.dll", "widl imports stdole2.tlb for any dispinterface, even with no importlib"},
      {"ms/stdole2.tlb", "widl imports stdole2.tlb for any dispinterface, here stdole's own"},
      {"reactos/stdole2.tlb", "two types named LoadPictureConstants, which IDL cannot declare both"},
      {"ms/vbWidgets.dll", missing},
      {"widl/wuapi_win32.tlb", "HWND's wire type wireHWND: widl's own reference, which IDL cannot name"},
      {"widl/wuapi_win64.tlb", "HWND's wire type wireHWND: widl's own reference, which IDL cannot name"},
  };
  return known;
}

}  // namespace

TEST_CASE("IDL round trip through widl 8.0: every corpus typelib, compared as models") {
  if (!have_widl()) {
    MESSAGE("widl is not installed: skipped");
    return;
  }
  model::LibrarySet set = stdole_set();
  int same = 0, total = 0;
  std::vector<std::string> passing_known;
  for (const auto& c : testing::corpus_cases()) {
    ++total;
    // Named by path under testdata/corpus: several files share a name (ms/ and wine/ mshtml.tlb).
    std::string name = fs::relative(c.input, source("testdata/corpus")).generic_string() +
                       (c.resource ? "\\" + std::to_string(c.resource) : "");
    CAPTURE(name);
    std::string errors;
    auto lib = read_tlb(c.input, c.resource, errors);
    REQUIRE_MESSAGE(lib, errors);
    model::resolve_import_names(*lib, set);
    support::DiagEngine diags;
    std::string idl = idlw::write_idl(*lib, diags);
    std::string why;
    if (diags.has_errors()) why = "not expressible in IDL: " + diags.all()[0].message;
    ScratchDir dir("idlw-widl");
    std::optional<model::Library> back;
    if (why.empty()) {
      back = compile_with_widl(idl, lib->syskind == model::SysKind::Win64, dir, why);
      if (back) model::resolve_import_names(*back, set);
    }
    if (back) {
      normalise(*lib);
      normalise(*back);
      std::string d = model::diff(*lib, *back);
      if (!d.empty()) why = "differs at " + d;
    }
    auto known = known_differences().find(name);
    if (why.empty()) {
      ++same;
      if (known != known_differences().end()) passing_known.push_back(name);
      continue;
    }
    if (known == known_differences().end()) {
      FAIL_CHECK(name << ": " << why.substr(0, 400));
    }
  }
  MESSAGE(same << " of " << total << " corpus libraries come back from widl as the same model");
  for (const auto& n : passing_known) FAIL_CHECK(n << " now comes back the same: remove it from known_differences()");
}
