// The C++ writer's wrapper part on one small IDL library: vtable wrappers (retval lifting,
// GetX/PutX/PutRefX, bstr/variant/bool/com_ptr/safearray, [optional] and [defaultvalue] as
// default arguments, names that clash), dispinterface Invoke wrappers (DISPID, flags, argument
// order and conversion, properties, `dispinterface X { interface Y; }`), coclass structs and
// event sinks (dispinterface and vtable), and --raw-interfaces-only. Layer: tests.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "model/library_set.h"
#include "readers/idl/idl_reader.h"
#include "writers/cpp/cpp_emit.h"
#include "writers/idl_test_util.h"

using namespace tlbkit;
using namespace tlbkit::testing::idl;

namespace {

constexpr const char* kIdl = R"idl(
import "oaidl.idl";
[uuid(7A0C0C00-0000-4000-8000-000000000001), version(1.0)]
library WrapLib {
  importlib("stdole2.tlb");
  typedef [uuid(7A0C0C00-0000-4000-8000-000000000010)] enum Mode { ModeA = 0, ModeB = 1 } Mode;
  typedef [uuid(7A0C0C00-0000-4000-8000-000000000011)] struct Pt { long x; long y; } Pt;
  interface IItem;
  typedef IItem* ItemRef;
  [object, uuid(7A0C0C00-0000-4000-8000-000000000002), dual, oleautomation]
  interface IItem : IDispatch {
    [propget, id(1)] HRESULT Name([out, retval] BSTR* value);
    [propput, id(1)] HRESULT Name([in] BSTR value);
    [propget, id(2)] HRESULT Visible([out, retval] VARIANT_BOOL* value);
    [propputref, id(3)] HRESULT Parent([in] IDispatch* value);
    [propget, id(3)] HRESULT Parent([out, retval] IDispatch** value);
    [id(4)] HRESULT Find([in] BSTR key, [in, optional] VARIANT start, [out, retval] IItem** found);
    [id(5)] HRESULT Add([in] long count, [in, defaultvalue(7)] long step,
                        [in, defaultvalue(-1)] VARIANT_BOOL flag);
    [id(6)] HRESULT Skip([in, defaultvalue(1)] long a, [in] long b);
    [id(7)] HRESULT Items([out, retval] SAFEARRAY(VARIANT)* items);
    [id(8)] HRESULT Split([in] long a, [out] long* b);
    [id(9)] HRESULT Current([out, retval] VARIANT* v);
    [id(10)] HRESULT Kind([out, retval] Mode* m);
    [id(11)] HRESULT GetName([in] VARIANT_BOOL full);
    [id(12)] HRESULT Self([out, retval] ItemRef* me);
    [id(13)] HRESULT Pick([in, defaultvalue(3)] VARIANT which, [in, defaultvalue("x")] VARIANT label);
    [id(14)] HRESULT Has([in] VARIANT* key, [in, out] VARIANT* state, [out, retval] VARIANT_BOOL* yes);
  };
  [uuid(7A0C0C00-0000-4000-8000-000000000003)]
  dispinterface DItem {
    properties:
      [id(1)] long Size;
      [id(2), readonly] BSTR Title;
    methods:
      [id(3)] void Show([in] BSTR text, [in, optional] VARIANT opt);
      [id(4)] BSTR Lookup([in] long index, [in] Mode m);
      [id(5), propget] IDispatch* Owner();
      [id(5), propput] void Owner([in] IDispatch* rhs);
      [id(6), propputref] void Link([in] IDispatch* rhs);
      [id(7)] void Move([in] Pt where);
      [id(8)] void Fetch([out] long* n, [in, out] VARIANT* v);
      [id(9)] VARIANT_BOOL Ok();
      [id(-4)] void Invoke([in] short s);
      [id(10)] SAFEARRAY(BSTR) Names();
  };
  [uuid(7A0C0C00-0000-4000-8000-000000000004)]
  dispinterface DItemEvents {
    properties:
    methods:
      [id(1)] void Changed([in] BSTR name, [in] long n);
      [id(2)] void Closing([in, out] VARIANT_BOOL* cancel);
      [id(3)] void Picked([in] IItem* item, [in] Mode m);
  };
  [object, uuid(7A0C0C00-0000-4000-8000-000000000005), oleautomation]
  interface IItemSink : IUnknown {
    HRESULT Fired([in] long code, [in] BSTR what);
  };
  [uuid(7A0C0C00-0000-4000-8000-000000000006)]
  dispinterface DWrap { interface IItem; };
  [object, uuid(7A0C0C00-0000-4000-8000-00000000000B), dual, oleautomation]
  interface IDualEvents : IDispatch {
    [id(1)] HRESULT Ping([in] long n, [in] BSTR s);
    [id(2)] HRESULT Carry([in] VARIANT v);
  };
  [object, uuid(7A0C0C00-0000-4000-8000-000000000009), oleautomation]
  interface GetLength : IUnknown {
    [propget] HRESULT Length([out, retval] long* n);
  };
  [uuid(7A0C0C00-0000-4000-8000-000000000007)]
  coclass Widget {
    [default] interface IItem;
    [default, source] dispinterface DItemEvents;
    [source] interface IItemSink;
  };
  [uuid(7A0C0C00-0000-4000-8000-000000000008)]
  coclass Other {
    interface IItem;
    [source] interface IItemSink;
  };
  [uuid(7A0C0C00-0000-4000-8000-00000000000C), noncreatable]
  coclass HandedOut {
    [default] interface IItem;
  };
};
)idl";

/// The library above, read once, with stdole2 beside it.
struct Fixture {
  model::LibrarySet set;
  const model::Library* lib = nullptr;
  Fixture() {
    std::string errors;
    auto stdole = read_tlb(source("testdata/corpus/wine/stdole2.tlb"), 0, errors);
    REQUIRE_MESSAGE(stdole, errors);
    set.add(std::move(*stdole));
    idl::IdlOptions opts;
    opts.include_dirs = {source("testdata/idl/wine-include").string(),
                         source("testdata/idl/wine-headers").string()};
    opts.load_importlib = [](const std::string& f,
                             support::DiagEngine&) -> std::optional<model::Library> {
      std::string why;
      return read_tlb(source("testdata/corpus/wine/" + f), 0, why);
    };
    opts.read_file = [](const std::string& path) -> std::optional<std::string> {
      if (path == "wrap.idl") return std::string(kIdl);
      if (!fs::exists(path)) return std::nullopt;
      return slurp_file(path);
    };
    support::DiagEngine diags;
    auto read = idl::read_idl("wrap.idl", opts, diags);
    REQUIRE_MESSAGE(read, diag_text(diags));
    lib = &set.add(std::move(*read));
  }
  uint32_t index(const std::string& name) const {
    for (uint32_t i = 0; i < lib->types.size(); ++i)
      if (lib->types[i].name == name) return i;
    FAIL("no type " << name);
    return 0;
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

enum class Emit { Interface, Dispatch, Coclass, Sink };

/// What one emit call writes for the named type.
struct Output {
  std::string decls, defs, warnings;
};

Output emit(const std::string& type, Emit what, cppw::CppOptions opts = {}) {
  const Fixture& f = fixture();
  support::DiagEngine diags;
  cppw::Context cx{*f.lib, f.set, opts, diags, "WrapLib", {}, {}, {}, nullptr};
  for (const auto& t : f.lib->types) cx.type_names.push_back(t.name);
  cx.sink_names[f.index("DItemEvents")] = "DItemEventsSink";
  cx.sink_names[f.index("IItemSink")] = "IItemSinkSink";
  cx.sink_names[f.index("IDualEvents")] = "IDualEventsSink";
  const model::TypeInfo& t = f.lib->types[f.index(type)];
  Output out;
  switch (what) {
    case Emit::Interface: cppw::emit_interface_wrappers(cx, t, out.decls, out.defs); break;
    case Emit::Dispatch: cppw::emit_dispatch_wrappers(cx, t, out.decls, out.defs); break;
    case Emit::Coclass: cppw::emit_coclass(cx, t, out.decls, out.defs); break;
    case Emit::Sink: cppw::emit_event_sink(cx, t, out.decls, out.defs); break;
  }
  for (const auto& d : diags.all()) out.warnings += d.code + " " + d.message + "\n";
  return out;
}

/// The definition of Struct::name (from "inline" to its closing brace).
std::string def_of(const Output& o, const std::string& qualified) {
  auto at = o.defs.find(" " + qualified + "(");
  if (at == std::string::npos) return "";
  auto start = o.defs.rfind("inline ", at);
  auto end = o.defs.find("\n}\n", at);
  return o.defs.substr(start, end == std::string::npos ? std::string::npos : end + 3 - start);
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The raw method name the core gives a function of IItem (get_X, put_X, raw_X …).
std::string raw_name(const std::string& type, size_t function) {
  const Fixture& f = fixture();
  support::DiagEngine diags;
  cppw::CppOptions opts;
  cppw::Context cx{*f.lib, f.set, opts, diags, "WrapLib", {}, {}, {}, nullptr};
  for (const auto& t : f.lib->types) cx.type_names.push_back(t.name);
  const model::TypeInfo& t = f.lib->types[f.index(type)];
  return cppw::raw_method_name(cx, t, std::get<model::InterfaceDef>(t.def).functions.at(function));
}

// The struct's own IID member, which every wrapper body names (declared once per struct).
const std::string kIid = "_tlbkit_iid";

}  // namespace

TEST_CASE("C++ wrappers: a propget's [out, retval] BSTR becomes a bstr result; failure throws") {
  Output o = emit("IItem", Emit::Interface);
  CHECK(has(o.decls, "  ::tlbkit::bstr GetName();\n"));
  std::string d = def_of(o, "IItem::GetName");
  CHECK(has(d, "inline ::tlbkit::bstr IItem::GetName() {"));
  CHECK(has(d, "::tlbkit::bstr _result;"));
  CHECK(has(d, "::tlbkit::check(this->" + raw_name("IItem", 0) + "(_result.out()), this, " + kIid +
                   ");"));
  CHECK(has(d, "return _result;"));
}

TEST_CASE("C++ wrappers: the struct declares its IID once, as a member the bodies name") {
  Output o = emit("IItem", Emit::Interface);
  CHECK(has(o.decls, "  static constexpr const ::GUID& _tlbkit_iid = "
                     "::tlbkit::uuid_of<::WrapLib::IItem>::value;\n"));
  CHECK(!has(o.defs, "uuid_of"));
  Output d = emit("DItem", Emit::Dispatch);
  CHECK(has(d.decls, "  static constexpr const ::GUID& _tlbkit_iid = "
                     "::tlbkit::uuid_of<::WrapLib::DItem>::value;\n"));
  CHECK(!has(d.defs, "uuid_of"));
}

TEST_CASE("C++ wrappers: propput takes a const bstr& and returns void; propputref is PutRefX") {
  Output o = emit("IItem", Emit::Interface);
  CHECK(has(o.decls, "  void PutName(const ::tlbkit::bstr& _arg1);\n"));
  CHECK(has(def_of(o, "IItem::PutName"),
            "  ::tlbkit::check(this->" + raw_name("IItem", 1) + "(_arg1.get()), this, " + kIid +
                ");\n"));
  CHECK(has(o.decls, "  void PutRefParent(::IDispatch* _arg1);\n"));
  CHECK(has(def_of(o, "IItem::PutRefParent"), "this->" + raw_name("IItem", 3) + "(_arg1)"));
}

TEST_CASE("C++ wrappers: VARIANT_BOOL is bool both ways") {
  Output o = emit("IItem", Emit::Interface);
  CHECK(has(o.decls, "  bool GetVisible();\n"));
  std::string d = def_of(o, "IItem::GetVisible");
  CHECK(has(d, "VARIANT_BOOL _result = 0;"));
  CHECK(has(d, "(&_result)"));
  CHECK(has(d, "return _result != 0;"));
  CHECK(has(def_of(o, "IItem::GetName_"), "(full ? VARIANT_TRUE : VARIANT_FALSE)"));
}

TEST_CASE("C++ wrappers: interface, SAFEARRAY, VARIANT and enum results") {
  Output o = emit("IItem", Emit::Interface);
  CHECK(has(o.decls, "  ::tlbkit::com_ptr<::IDispatch> GetParent();\n"));
  CHECK(has(def_of(o, "IItem::GetParent"), "(_result.put())"));
  CHECK(has(o.decls, "  ::tlbkit::safearray Items();\n"));
  CHECK(has(def_of(o, "IItem::Items"), "(_result.out())"));
  CHECK(has(o.decls, "  ::tlbkit::variant Current();\n"));
  CHECK(has(o.decls, "  ::WrapLib::Mode Kind();\n"));
  CHECK(has(def_of(o, "IItem::Kind"), "::WrapLib::Mode _result{};"));
  CHECK(has(def_of(o, "IItem::Kind"), "(&_result)"));
  // A method without a retval returns the success HRESULT; other [out]s stay raw pointers.
  CHECK(has(o.decls, "  HRESULT Split(LONG a, LONG* b);\n"));
  CHECK(has(def_of(o, "IItem::Split"), "return ::tlbkit::check(this->" + raw_name("IItem", 9) +
                                           "(a, b), this, " + kIid + ");"));
}

TEST_CASE("C++ wrappers: an alias of an interface pointer is still lifted to com_ptr") {
  Output o = emit("IItem", Emit::Interface);
  CHECK(has(o.decls, "  ::tlbkit::com_ptr<::WrapLib::IItem> Self();\n"));
  CHECK(has(def_of(o, "IItem::Self"), "(_result.put())"));
}

TEST_CASE("C++ wrappers: [optional] VARIANT and [defaultvalue]s are default arguments") {
  Output o = emit("IItem", Emit::Interface);
  CHECK(has(o.decls, "  ::tlbkit::com_ptr<::WrapLib::IItem> Find(const ::tlbkit::bstr& key, "
                     "const ::tlbkit::variant& start = ::tlbkit::variant::missing());\n"));
  CHECK(has(def_of(o, "IItem::Find"), "(key.get(), start.get(), _result.put())"));
  CHECK(has(o.decls, "  HRESULT Add(LONG count, LONG step = 7, bool flag = true);\n"));
  // A VARIANT's default keeps the value's own VARTYPE.
  CHECK(has(o.decls, "  HRESULT Pick(const ::tlbkit::variant& which = ::tlbkit::variant("
                     "static_cast<long>(3)), const ::tlbkit::variant& label = L\"x\");\n"));
  // Only the trailing run gets defaults: b has none, so a cannot have one either.
  CHECK(has(o.decls, "  HRESULT Skip(LONG a, LONG b);\n"));
  // Definitions never repeat a default.
  CHECK(has(o.defs, "IItem::Add(LONG count, LONG step, bool flag) {"));
}

TEST_CASE("C++ wrappers: a name taken by another wrapper, or the struct's own name, gets a '_'") {
  Output o = emit("IItem", Emit::Interface);
  // Method GetName comes after propget Name's GetName.
  CHECK(has(o.decls, "  HRESULT GetName_(bool full);\n"));
  Output g = emit("GetLength", Emit::Interface);
  CHECK_MESSAGE(has(g.decls, "  LONG GetLength_();\n"), g.decls);
}

TEST_CASE("C++ wrappers: --high-method-prefix and --raw-interfaces-only") {
  cppw::CppOptions prefixed;
  prefixed.high_method_prefix = "Do";
  Output o = emit("IItem", Emit::Interface, prefixed);
  CHECK(has(o.decls, " DoSplit(LONG a, LONG* b);\n"));
  CHECK(has(o.decls, " GetName();\n"));  // property accessors keep Get/Put
  cppw::CppOptions raw;
  raw.raw_interfaces_only = true;
  for (auto [type, what] : {std::pair{"IItem", Emit::Interface}, std::pair{"DItem", Emit::Dispatch},
                            std::pair{"DItemEvents", Emit::Sink}}) {
    Output r = emit(type, what, raw);
    CHECK(r.decls.empty());
    CHECK(r.defs.empty());
  }
}

TEST_CASE("C++ dispinterface wrappers: properties as GetX/PutX through Invoke") {
  Output o = emit("DItem", Emit::Dispatch);
  CHECK(has(o.decls, "  LONG GetSize();\n"));
  // get_property<T>/put_property: invoke(this, id, DISPATCH_PROPERTYGET, {}, iid).as<T>() and
  // invoke(this, id, DISPATCH_PROPERTYPUT, {value}, iid), shorter to compile.
  CHECK(has(def_of(o, "DItem::GetSize"),
            "return ::tlbkit::get_property<LONG>(this, 1, " + kIid + ");"));
  CHECK(has(o.decls, "  void PutSize(LONG value);\n"));
  CHECK(has(def_of(o, "DItem::PutSize"), "::tlbkit::put_property(this, 1, value, " + kIid + ");"));
  CHECK(has(o.decls, "  ::tlbkit::bstr GetTitle();\n"));
  CHECK(!has(o.decls, "PutTitle"));  // readonly
}

TEST_CASE("C++ dispinterface wrappers: DISPID, flags, argument order and conversions") {
  Output o = emit("DItem", Emit::Dispatch);
  CHECK(has(o.decls, "  void Show(const ::tlbkit::bstr& text, const ::tlbkit::variant& opt = "
                     "::tlbkit::variant::missing());\n"));
  CHECK(has(def_of(o, "DItem::Show"), "::tlbkit::invoke(this, 3, DISPATCH_METHOD, {text, opt}, "));
  CHECK(has(o.decls, "  ::tlbkit::bstr Lookup(LONG index, ::WrapLib::Mode m);\n"));
  CHECK(has(def_of(o, "DItem::Lookup"),
            "(this, 4, DISPATCH_METHOD, {index, ::tlbkit::variant::of(VT_I4, "
            "static_cast<long long>(m))}, "));
  CHECK(has(def_of(o, "DItem::Lookup"), ").as<::tlbkit::bstr>();"));
  CHECK(has(o.decls, "  ::tlbkit::com_ptr<::IDispatch> GetOwner();\n"));
  CHECK(has(def_of(o, "DItem::GetOwner"),
            "::tlbkit::get_property<::tlbkit::com_ptr<::IDispatch>>(this, 5, _tlbkit_iid);"));
  CHECK(has(def_of(o, "DItem::PutOwner"), "::tlbkit::put_property(this, 5, _arg1, _tlbkit_iid);"));
  CHECK(has(def_of(o, "DItem::PutRefLink"), "(this, 6, DISPATCH_PROPERTYPUTREF, {_arg1}, "));
  CHECK(has(def_of(o, "DItem::Fetch"),
            "{::tlbkit::variant::by_ref(VT_I4, n), ::tlbkit::variant::by_ref(VT_VARIANT, v)}"));
  CHECK(has(o.decls, "  bool Ok();\n"));
  CHECK(has(def_of(o, "DItem::Ok"), ".as<bool>();"));
  CHECK(has(o.decls, "  ::tlbkit::safearray Names();\n"));
  CHECK(has(def_of(o, "DItem::Names"), "(this, 10, DISPATCH_METHOD, {}, "));
  CHECK(has(def_of(o, "DItem::Names"), ".as<::tlbkit::safearray>();"));
  // A member named like IDispatch's own method would hide it.
  CHECK(has(o.decls, "  void Invoke_(SHORT s);\n"));
  CHECK(has(def_of(o, "DItem::Invoke_"), "(this, -4, DISPATCH_METHOD, {s}, "));
}

TEST_CASE("C++ dispinterface wrappers: a record by value is not wrapped, with TK7020") {
  Output o = emit("DItem", Emit::Dispatch);
  CHECK(has(o.decls, "  // Move: no wrapper (parameter where is a record passed by value).\n"));
  CHECK(!has(o.defs, "DItem::Move("));
  CHECK(has(o.warnings, "TK7020 DItem.Move:"));
}

TEST_CASE("C++ dispinterface wrappers: `dispinterface X { interface Y; }` dispatches Y's methods") {
  Output o = emit("DWrap", Emit::Dispatch);
  CHECK(has(o.decls, "  ::tlbkit::bstr GetName();\n"));
  CHECK(has(def_of(o, "DWrap::GetName"), "::tlbkit::get_property<::tlbkit::bstr>(this, 1, "));
  CHECK(has(o.decls, "  ::tlbkit::com_ptr<::WrapLib::IItem> Find(const ::tlbkit::bstr& key, "
                     "const ::tlbkit::variant& start = ::tlbkit::variant::missing());\n"));
  CHECK(has(def_of(o, "DWrap::Find"), "(this, 4, DISPATCH_METHOD, {key, start}, "));
  CHECK(has(def_of(o, "DWrap::Find"), ".as<::tlbkit::com_ptr<::WrapLib::IItem>>();"));
  CHECK(has(def_of(o, "DWrap::Split"), "{a, ::tlbkit::variant::by_ref(VT_I4, b)}"));
}

TEST_CASE("C++ coclass: CLSID, default interface, create() and events") {
  const Fixture& f = fixture();
  Output o = emit("Widget", Emit::Coclass);
  CHECK(has(o.decls, "struct Widget {\n"));
  CHECK(has(o.decls, "  static constexpr ::GUID clsid = " +
                         cppw::guid_initializer(*f.lib->types[f.index("Widget")].guid) + ";\n"));
  CHECK(has(o.decls, "  using default_interface = ::WrapLib::IItem;\n"));
  CHECK(has(o.decls, "  static ::tlbkit::com_ptr<::WrapLib::IItem> create(DWORD context = "
                     "CLSCTX_ALL);\n"));
  CHECK(has(o.defs, "return ::tlbkit::com_ptr<::WrapLib::IItem>::create(clsid, context);"));
  // The [default, source] one's sink.
  CHECK(has(o.decls, "  using events = DItemEventsSink;\n"));
  // Without [default] flags: the first interface and the first source.
  Output other = emit("Other", Emit::Coclass);
  CHECK(has(other.decls, "  using default_interface = ::WrapLib::IItem;\n"));
  CHECK(has(other.decls, "  using events = IItemSinkSink;\n"));
  cppw::CppOptions raw;
  raw.raw_interfaces_only = true;
  Output r = emit("Widget", Emit::Coclass, raw);
  CHECK(has(r.decls, "clsid"));
  CHECK(!has(r.decls, "create"));
  CHECK(!has(r.decls, "events"));
}

TEST_CASE("C++ coclass: a [noncreatable] one has no create()") {
  Output o = emit("HandedOut", Emit::Coclass);
  CHECK(has(o.decls, "  using default_interface = ::WrapLib::IItem;\n"));
  CHECK(!has(o.decls, "create"));
  CHECK(!has(o.defs, "create"));
}

TEST_CASE("C++ wrappers: an [in] VARIANT* takes a const variant&; [in, out] stays a pointer") {
  Output o = emit("IItem", Emit::Interface);
  CHECK(has(o.decls, "  bool Has(const ::tlbkit::variant& key, VARIANT* state);\n"));
  CHECK(has(def_of(o, "IItem::Has"), "(const_cast<VARIANT*>(&key.get()), state, &_result)"));
}

TEST_CASE("C++ event sink for a dispinterface: on_invoke switches over the DISPIDs") {
  Output o = emit("DItemEvents", Emit::Sink);
  CHECK(has(o.decls, "class DItemEventsSink : public ::tlbkit::dispatch_sink {\n"));
  CHECK(has(o.decls, "DItemEventsSink() : ::tlbkit::dispatch_sink(::tlbkit::uuid_of<"
                     "::WrapLib::DItemEvents>::value) {}"));
  CHECK(has(o.decls, "  void on_Changed(std::function<void(::tlbkit::bstr, LONG)> callback) { "
                     "m_Changed = std::move(callback); }\n"));
  CHECK(has(o.decls, "      case 1:\n        if (m_Changed) m_Changed(::tlbkit::event_arg<"
                     "::tlbkit::bstr>(params, 0), ::tlbkit::event_arg<LONG>(params, 1));\n"
                     "        return S_OK;\n"));
  CHECK(has(o.decls, "::tlbkit::event_arg<VARIANT_BOOL*>(params, 0)"));
  CHECK(has(o.decls, "std::function<void(::tlbkit::com_ptr<::WrapLib::IItem>, ::WrapLib::Mode)>"));
  CHECK(has(o.decls, "return DISP_E_MEMBERNOTFOUND;"));
  CHECK(has(o.decls, "  ::tlbkit::connection advise(::IUnknown* source) { return "
                     "::tlbkit::connection(source, sink_iid(), this); }\n"));
}

TEST_CASE("C++ event sink for a vtable interface: each raw method calls its callback") {
  Output o = emit("IItemSink", Emit::Sink);
  CHECK(has(o.decls, "class IItemSinkSink : public ::tlbkit::sink_base<::WrapLib::IItemSink> {\n"));
  CHECK(has(o.decls, "  void on_Fired(std::function<void(LONG, BSTR)> callback)"));
  CHECK(has(o.decls, "  HRESULT STDMETHODCALLTYPE " + raw_name("IItemSink", 0) +
                         "(LONG code, BSTR what) override {\n"));
  CHECK(has(o.decls, "if (m_Fired) m_Fired(code, what);"));
  CHECK(has(o.decls, "return S_OK;"));
  CHECK(has(o.decls, "advise(::IUnknown* source)"));
  CHECK(o.warnings.empty());
}

TEST_CASE("C++ event sink for a dual interface: IDispatch too, Invoke calling the raw methods") {
  Output o = emit("IDualEvents", Emit::Sink);
  CHECK(has(o.decls, "class IDualEventsSink : public ::tlbkit::sink_base<::WrapLib::IDualEvents> {"));
  CHECK(has(o.decls, "  HRESULT STDMETHODCALLTYPE GetTypeInfoCount(UINT* count) override {"));
  CHECK(has(o.decls, "        case 1:\n          return this->" + raw_name("IDualEvents", 0) +
                         "(::tlbkit::event_arg<LONG>(params, 0), ::tlbkit::event_arg<BSTR>(params, 1));\n"));
  // A VARIANT by value has no event_arg conversion to the raw type: that DISPID is not found.
  CHECK(!has(o.decls, "        case 2:"));
  CHECK(has(o.decls, "  void on_Carry(std::function<void(VARIANT)> callback)"));
}

TEST_CASE("C++ event sink: a vtable source whose base is not at hand gets none, with TK7021") {
  // The core derives such an interface from IUnknown and fills the missing slots with methods
  // the sink cannot know, so a sink would stay abstract.
  const Fixture& f = fixture();
  model::LibrarySet set;
  model::Library lib = *f.lib;
  model::ImportedLibrary gone;
  gone.libid = *model::Guid::parse("{7A0C0C00-0000-4000-8000-0000000000FF}");
  gone.name = "Gone";
  lib.imports.push_back(gone);
  model::TypeInfo src;
  src.name = "ISource";
  src.guid = model::Guid::parse("{7A0C0C00-0000-4000-8000-00000000000A}");
  model::InterfaceDef def;
  model::UserType base;
  base.import = static_cast<uint32_t>(lib.imports.size() - 1);
  base.name = "IGoneBase";
  def.bases.push_back(model::ImplType{model::TypeRef{base}, 0, {}});
  model::Function fired;
  fired.name = "Fired";
  fired.result = model::TypeRef::base(model::vt::HResult);
  fired.vtable_offset = 9 * 8;  // slot 9: the base had six slots of its own
  def.functions.push_back(fired);
  src.def = def;
  lib.types.push_back(src);
  const model::Library& stored = set.add(std::move(lib));
  set.add(*f.set.find(model::stdole_libid(), {2, 0}));
  support::DiagEngine diags;
  cppw::CppOptions opts;
  cppw::Context cx{stored, set, opts, diags, "WrapLib", {}, {}, {}, nullptr};
  for (const auto& t : stored.types) cx.type_names.push_back(t.name);
  const uint32_t index = static_cast<uint32_t>(stored.types.size() - 1);
  cx.sink_names[index] = "ISourceSink";
  std::string decls, defs;
  cppw::emit_event_sink(cx, stored.types[index], decls, defs);
  CHECK(has(decls, "// ISourceSink: no event sink ("));
  CHECK(!has(decls, "class ISourceSink"));
  bool warned = false;
  for (const auto& d : diags.all()) warned = warned || d.code == "TK7021";
  CHECK(warned);
}
