// support_dispatch_test.cpp - the support header's IDispatch side: invoke() against a recording
// object and Wine's real Scripting.Dictionary, connection and dispatch_sink with a fake
// connection point, a vtable sink, and event_arg. Layer: tests (runtime).
#include "support_check.h"

#include <functional>
#include <initializer_list>
#include <iterator>
#include <string>
#include <type_traits>
#include <vector>

using namespace support_test;

namespace {

struct recording_dispatch : tlbkit::sink_base<IDispatch> {
  recording_dispatch() : sink_base<IDispatch>(kOtherIid) {}
  ~recording_dispatch() override { ++g_sinks_destroyed; }
  UINT args = 0, named = 0;
  DISPID named_id = 0;
  WORD flags_seen = 0;
  bool result_given = false;
  std::wstring first, last;  // rgvarg[0] and rgvarg[cArgs-1] as text
  static HRESULT STDMETHODCALLTYPE fill_in(EXCEPINFO* info) {
    info->bstrDescription = SysAllocString(L"Deferred description");
    info->bstrSource = SysAllocString(L"Recorder");
    info->bstrHelpFile = SysAllocString(L"rec.hlp");
    info->dwHelpContext = 7;
    info->scode = E_ACCESSDENIED;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetTypeInfoCount(UINT* n) override {
    *n = 0;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetTypeInfo(UINT, LCID, ITypeInfo**) override { return E_NOTIMPL; }
  HRESULT STDMETHODCALLTYPE GetIDsOfNames(REFIID, LPOLESTR*, UINT, LCID, DISPID*) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE Invoke(DISPID id, REFIID, LCID, WORD flags, DISPPARAMS* p,
                                   VARIANT* result, EXCEPINFO* info, UINT*) override {
    args = p->cArgs;
    named = p->cNamedArgs;
    named_id = named != 0 ? p->rgdispidNamedArgs[0] : 0;
    flags_seen = flags;
    result_given = result != nullptr;
    if (args != 0) {
      first = variant(p->rgvarg[0]).to_bstr().wstr();
      last = variant(p->rgvarg[args - 1]).to_bstr().wstr();
    }
    if (id == 1) {  // deferred fill-in
      info->pfnDeferredFillIn = fill_in;
      return DISP_E_EXCEPTION;
    }
    if (id == 2) {  // a wCode only
      info->wCode = 5;
      info->bstrDescription = SysAllocString(L"Code five");
      return DISP_E_EXCEPTION;
    }
    if (id == 3) return DISP_E_MEMBERNOTFOUND;
    if (result != nullptr) {
      V_VT(result) = VT_I4;
      V_I4(result) = 99;
    }
    return S_OK;
  }
};

void test_invoke_recorded() {
  com_ptr<recording_dispatch> rec = tlbkit::make_sink<recording_dispatch>();
  variant r = tlbkit::invoke(rec.get(), 10, DISPATCH_METHOD, {L"a", 2, L"c"});
  CHECK(r.to_long() == 99);
  CHECK(rec->args == 3);
  CHECK(rec->named == 0);
  CHECK(rec->first == L"c");  // declaration order reversed
  CHECK(rec->last == L"a");
  CHECK(rec->result_given);
  tlbkit::invoke(rec.get(), 11, DISPATCH_PROPERTYPUT, {L"index", L"value"});
  CHECK(rec->named == 1);
  CHECK(rec->named_id == DISPID_PROPERTYPUT);
  CHECK(rec->first == L"value");  // the value is rgvarg[0], the named one
  CHECK(rec->flags_seen == DISPATCH_PROPERTYPUT);
  CHECK(!rec->result_given);
  tlbkit::invoke(rec.get(), 12, DISPATCH_PROPERTYPUTREF, {L"v"});
  CHECK(rec->named_id == DISPID_PROPERTYPUT);
  tlbkit::invoke(rec.get(), 13, DISPATCH_PROPERTYGET, {});
  CHECK(rec->args == 0);
  try {
    tlbkit::invoke(rec.get(), 1, DISPATCH_METHOD, {}, kSupportedIid);
    CHECK(false);
  } catch (const tlbkit::unauthorized_access_error& e) {
    CHECK(e.hresult() == E_ACCESSDENIED);
    CHECK(e.description() == L"Deferred description");
    CHECK(e.source() == L"Recorder");
    CHECK(e.help_file() == L"rec.hlp");
    CHECK(e.help_context() == 7);
    CHECK(same(e.guid(), kSupportedIid));
  }
  try {
    tlbkit::invoke(rec.get(), 2, DISPATCH_METHOD, {});
    CHECK(false);
  } catch (const tlbkit::com_error& e) {
    CHECK(e.hresult() == tlbkit::detail::hr_of(0x80040205ul));
    CHECK(e.description() == L"Code five");
  }
  CHECK_THROWS_AS(tlbkit::invoke(rec.get(), 3, DISPATCH_METHOD, {}), tlbkit::member_not_found_error);
  CHECK_THROWS_AS(tlbkit::invoke(nullptr, 3, DISPATCH_METHOD, {}), tlbkit::null_reference_error);
  const int destroyed = g_sinks_destroyed;
  rec.reset();
  CHECK(g_sinks_destroyed == destroyed + 1);
}

DISPID dispid_of(IDispatch* object, const wchar_t* name) {
  LPOLESTR names[1] = {const_cast<LPOLESTR>(name)};
  DISPID id = DISPID_UNKNOWN;
  static constexpr GUID null_iid = {0, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0}};
  tlbkit::check(object->GetIDsOfNames(null_iid, names, 1, LOCALE_USER_DEFAULT, &id), object,
                IID_IDispatch);
  return id;
}

void test_dictionary() {
  const CLSID dictionary = {0xEE09B103, 0x97E0, 0x11CF, {0x97, 0x8F, 0x00, 0xA0, 0x24, 0x63, 0xE0, 0x6F}};
  com_ptr<IDispatch> dict;
  try {
    dict = com_ptr<IDispatch>::create(dictionary, CLSCTX_INPROC_SERVER);
  } catch (const tlbkit::com_error& e) {
    std::printf("Scripting.Dictionary: %s\n", e.what());
  }
  CHECK(dict);
  if (!dict) return;
  const DISPID add = dispid_of(dict, L"Add");
  const DISPID item = dispid_of(dict, L"Item");
  const DISPID count = dispid_of(dict, L"Count");
  const DISPID exists = dispid_of(dict, L"Exists");
  const DISPID remove = dispid_of(dict, L"Remove");
  CHECK_THROWS_AS(dispid_of(dict, L"NoSuchMember"), tlbkit::member_not_found_error);

  tlbkit::invoke(dict, add, DISPATCH_METHOD, {L"a", 1});
  tlbkit::invoke(dict, add, DISPATCH_METHOD, {L"b", L"two"});
  CHECK(tlbkit::invoke(dict, count, DISPATCH_PROPERTYGET, {}).as<long>() == 2);
  CHECK(tlbkit::invoke(dict, item, DISPATCH_PROPERTYGET, {L"b"}).to_bstr() == bstr(L"two"));
  CHECK(tlbkit::invoke(dict, item, DISPATCH_PROPERTYGET, {L"a"}).as<int>() == 1);
  CHECK(tlbkit::invoke(dict, exists, DISPATCH_METHOD, {L"a"}).as<bool>());
  CHECK(!tlbkit::invoke(dict, exists, DISPATCH_METHOD, {L"zz"}).as<bool>());
  tlbkit::invoke(dict, item, DISPATCH_PROPERTYPUT, {L"a", 5});  // named DISPID_PROPERTYPUT
  CHECK(tlbkit::invoke(dict, item, DISPATCH_PROPERTYGET, {L"a"}).as<int>() == 5);

  // What does Wine's Dictionary do on a duplicate Add? (printed for the report)
  com_ptr<ISupportErrorInfo> sei = dict.try_as<ISupportErrorInfo>();
  std::printf("Scripting.Dictionary supports ISupportErrorInfo: %s\n", sei ? "yes" : "no");
  try {
    tlbkit::invoke(dict, add, DISPATCH_METHOD, {L"a", 3});
    CHECK(false);
  } catch (const tlbkit::com_error& e) {
    std::printf("duplicate Add through invoke: %s; source \"%s\"\n", e.what(),
                bstr(e.source()).utf8().c_str());
    CHECK(e.hresult() == tlbkit::detail::hr_of(0x800A01C9ul));  // CTL_E_KEY_ALREADY_EXISTS (457)
    // Wine answers DISP_E_EXCEPTION with only scode set (no description, no ISupportErrorInfo):
    // the text is the support header's English one; Windows' scrrun gives the same words.
    CHECK(e.description() == L"This key is already associated with an element of this collection");
  }
  try {
    tlbkit::invoke(dict, remove, DISPATCH_METHOD, {L"nothing"});
    CHECK(false);
  } catch (const tlbkit::com_error& e) {
    std::printf("Remove of a missing key: %s\n", e.what());
    CHECK(FAILED(e.hresult()));
  }
  tlbkit::invoke(dict, remove, DISPATCH_METHOD, {L"a"});
  CHECK(tlbkit::invoke(dict, count, DISPATCH_PROPERTYGET, {}).to_long() == 1);
  CHECK_THROWS_AS(tlbkit::invoke(dict, count, DISPATCH_PROPERTYGET, {1, 2, 3}), tlbkit::dispatch_error);
  CHECK_THROWS_AS(tlbkit::invoke(dict, 0x7777, DISPATCH_METHOD, {}), tlbkit::member_not_found_error);
}

// A connection point that keeps the sink it is given, and its container.
struct fake_point : IConnectionPoint {
  ULONG refs = 1;
  IUnknown* sink = nullptr;  // the sink's iid-interface, AddRef'd while advised
  int advises = 0, unadvises = 0;
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** out) override {
    *out = nullptr;
    if (!same(riid, IID_IUnknown) && !same(riid, IID_IConnectionPoint)) return E_NOINTERFACE;
    *out = static_cast<IConnectionPoint*>(this);
    AddRef();
    return S_OK;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return ++refs; }
  ULONG STDMETHODCALLTYPE Release() override { return --refs; }
  HRESULT STDMETHODCALLTYPE GetConnectionInterface(IID* iid) override {
    *iid = kEventsIid;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE GetConnectionPointContainer(IConnectionPointContainer**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE Advise(IUnknown* s, DWORD* cookie) override {
    if (sink != nullptr) return CONNECT_E_ADVISELIMIT;
    void* p = nullptr;
    if (FAILED(s->QueryInterface(kEventsIid, &p))) return CONNECT_E_CANNOTCONNECT;
    sink = static_cast<IUnknown*>(p);
    ++advises;
    *cookie = 77;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE Unadvise(DWORD cookie) override {
    if (cookie != 77 || sink == nullptr) return CONNECT_E_NOCONNECTION;
    sink->Release();
    sink = nullptr;
    ++unadvises;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE EnumConnections(IEnumConnections**) override { return E_NOTIMPL; }
};

struct fake_source : IConnectionPointContainer {
  ULONG refs = 1;
  fake_point point;
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** out) override {
    *out = nullptr;
    if (!same(riid, IID_IUnknown) && !same(riid, IID_IConnectionPointContainer))
      return E_NOINTERFACE;
    *out = static_cast<IConnectionPointContainer*>(this);
    AddRef();
    return S_OK;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return ++refs; }
  ULONG STDMETHODCALLTYPE Release() override { return --refs; }
  HRESULT STDMETHODCALLTYPE EnumConnectionPoints(IEnumConnectionPoints**) override {
    return E_NOTIMPL;
  }
  HRESULT STDMETHODCALLTYPE FindConnectionPoint(REFIID riid, IConnectionPoint** out) override {
    *out = nullptr;
    if (!same(riid, kEventsIid)) return CONNECT_E_NOCONNECTION;
    point.AddRef();
    *out = &point;
    return S_OK;
  }
  // Fires event `id` with positional arguments given in declaration order.
  HRESULT fire(DISPID id, std::initializer_list<VARIANT> args) {
    if (point.sink == nullptr) return E_UNEXPECTED;
    IDispatch* d = nullptr;
    if (FAILED(point.sink->QueryInterface(IID_IDispatch, reinterpret_cast<void**>(&d))))
      return E_NOINTERFACE;
    std::vector<VARIANT> reversed(std::rbegin(args), std::rend(args));
    DISPPARAMS p = {reversed.data(), nullptr, static_cast<UINT>(reversed.size()), 0};
    static constexpr GUID null_iid = {0, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0}};
    const HRESULT hr = d->Invoke(id, null_iid, 0, DISPATCH_METHOD, &p, nullptr, nullptr, nullptr);
    d->Release();
    return hr;
  }
};

// A vtable event interface as a generated header declares one, with its uuid_of.
struct IVtableEvents : IUnknown {
  virtual HRESULT STDMETHODCALLTYPE Changed(long value) = 0;
};

}  // namespace

template <> struct tlbkit::uuid_of<IVtableEvents> {
  static constexpr GUID value = {0x6B1E0004, 0x1111, 0x4222, {0x83, 0x33, 0, 0, 0, 0, 0, 4}};
};

namespace {

class vtable_sink : public tlbkit::sink_base<IVtableEvents> {
 public:
  vtable_sink() : sink_base<IVtableEvents>(tlbkit::uuid_of<IVtableEvents>::value) {}
  ~vtable_sink() override { ++g_sinks_destroyed; }
  long last = 0;
  HRESULT STDMETHODCALLTYPE Changed(long value) override {
    last = value;
    return S_OK;
  }
};

void test_vtable_sink() {
  com_ptr<vtable_sink> sink = tlbkit::make_sink<vtable_sink>();
  com_ptr<IVtableEvents> events = sink.as<IVtableEvents>();  // the user's uuid_of
  CHECK(events.get() == static_cast<IVtableEvents*>(sink.get()));
  CHECK(!sink.try_as<IDispatch>());  // not a dispinterface sink
  CHECK(sink.try_as<IUnknown>());
  events->Changed(12);
  CHECK(sink->last == 12);
  const int destroyed = g_sinks_destroyed;
  events.reset();
  CHECK(g_sinks_destroyed == destroyed);
  sink.reset();
  CHECK(g_sinks_destroyed == destroyed + 1);
}

// A sink as the generated code writes one: callbacks per event, dispatch by DISPID.
class test_events : public tlbkit::dispatch_sink {
 public:
  test_events() : dispatch_sink(kEventsIid) {}
  ~test_events() override { ++g_sinks_destroyed; }
  std::function<void(long, tlbkit::bstr, VARIANT_BOOL*)> changed;
  std::function<void()> failing;
  ULONG refs() {
    AddRef();
    return Release();
  }

 protected:
  HRESULT on_invoke(DISPID id, WORD, DISPPARAMS* params, VARIANT*) override {
    if (id == 1 && changed) {
      changed(tlbkit::event_arg<long>(params, 0), tlbkit::event_arg<tlbkit::bstr>(params, 1),
              tlbkit::event_arg<VARIANT_BOOL*>(params, 2));
      return S_OK;
    }
    if (id == 2 && failing) {
      failing();
      return S_OK;
    }
    return DISP_E_MEMBERNOTFOUND;
  }
};


void test_events_and_connection() {
  fake_source source;
  com_ptr<test_events> sink = tlbkit::make_sink<test_events>();
  CHECK(sink->refs() == 1);
  CHECK(same(sink->sink_iid(), kEventsIid));
  CHECK(sink.try_as<IDispatch>());
  CHECK(sink.try_as<IUnknown>());
  CHECK(!sink.try_as<ISupportErrorInfo>());
  UINT n = 5;
  CHECK(sink->GetTypeInfoCount(&n) == S_OK && n == 0);
  long got_number = 0;
  std::wstring got_text;
  sink->changed = [&](long number, tlbkit::bstr text, VARIANT_BOOL* cancel) {
    got_number = number;
    got_text = text.wstr();
    if (cancel != nullptr) *cancel = VARIANT_TRUE;
  };
  sink->failing = [] { throw tlbkit::argument_error(E_INVALIDARG); };
  {
    tlbkit::connection c(&source, kEventsIid, sink.get());
    CHECK(c.connected());
    CHECK(c.cookie() == 77);
    CHECK(source.point.advises == 1);
    CHECK(sink->refs() == 2);  // the source holds the sink
    VARIANT_BOOL cancel = VARIANT_FALSE;
    VARIANT number;
    VariantInit(&number);
    V_VT(&number) = VT_I4;
    V_I4(&number) = 42;
    variant text(L"hello");
    CHECK(source.fire(1, {number, text.get(), raw_of(VT_BYREF | VT_BOOL, &cancel)}) == S_OK);
    CHECK(got_number == 42);
    CHECK(got_text == L"hello");
    CHECK(cancel == VARIANT_TRUE);
    CHECK(source.fire(2, {}) == E_INVALIDARG);  // the callback's exception, as an HRESULT
    CHECK(source.fire(9, {}) == DISP_E_MEMBERNOTFOUND);
    tlbkit::connection moved(std::move(c));
    CHECK(!c.connected());  // NOLINT(bugprone-use-after-move)
    CHECK(moved.connected());
    CHECK(source.point.unadvises == 0);
  }
  CHECK(source.point.unadvises == 1);
  CHECK(sink->refs() == 1);
  CHECK(source.refs == 1);
  CHECK(source.point.refs == 1);
  {
    tlbkit::connection c(&source, kEventsIid, sink.get());
    c.disconnect();
    CHECK(!c.connected());
    CHECK(source.point.unadvises == 2);
    tlbkit::connection other;
    CHECK(!other.connected());
    other = tlbkit::connection(&source, kEventsIid, sink.get());
    CHECK(other.connected());
    other = tlbkit::connection();
    CHECK(source.point.unadvises == 3);
  }
  CHECK_THROWS_AS(tlbkit::connection(&source, kOtherIid, sink.get()), tlbkit::com_error);
  error_object not_a_source;
  CHECK_THROWS_AS(tlbkit::connection(&not_a_source, kEventsIid, sink.get()),
                  tlbkit::invalid_cast_error);
  CHECK(sink->refs() == 1);
  const int destroyed = g_sinks_destroyed;
  sink.reset();
  CHECK(g_sinks_destroyed == destroyed + 1);
}

void test_event_arg() {
  VARIANT_BOOL flag = VARIANT_TRUE;
  double number = 2.5;
  VARIANT args[4];  // rgvarg order: last argument first
  for (VARIANT& v : args) VariantInit(&v);
  args[3] = variant(L"7").detach();                      // argument 0
  args[2] = raw_of(VT_BYREF | VT_BOOL, &flag);           // argument 1
  args[1] = variant::missing().detach();                 // argument 2
  args[0] = raw_of(VT_BYREF | VT_R8, &number);           // argument 3
  DISPPARAMS p = {args, nullptr, 4, 0};
  CHECK(tlbkit::event_arg<int>(&p, 0) == 7);
  CHECK(tlbkit::event_arg<tlbkit::bstr>(&p, 0) == bstr(L"7"));
  CHECK(tlbkit::event_arg<color>(&p, 0) == static_cast<color>(7));
  CHECK(tlbkit::event_arg<VARIANT_BOOL*>(&p, 1) == &flag);
  CHECK(tlbkit::event_arg<bool>(&p, 1));  // a value read through the reference
  CHECK(tlbkit::event_arg<long>(&p, 2) == 0);  // missing: T{}
  CHECK(tlbkit::event_arg<VARIANT*>(&p, 2) == nullptr);
  CHECK(tlbkit::event_arg<double*>(&p, 3) == &number);
  CHECK(tlbkit::event_arg<double>(&p, 3) == 2.5);
  CHECK(tlbkit::event_arg<long>(&p, 9) == 0);  // beyond cArgs
  CHECK(tlbkit::event_arg<VARIANT*>(&p, 0) == &args[3]);  // by value: the VARIANT itself
  CHECK(tlbkit::event_arg<variant>(&p, 3).type() == VT_R8);
  CHECK_THROWS_AS(tlbkit::event_arg<double*>(&p, 1), tlbkit::type_mismatch_error);
  CHECK_THROWS_AS(tlbkit::event_arg<long*>(&p, 0), tlbkit::type_mismatch_error);
  CHECK(tlbkit::event_arg<int>(nullptr, 0) == 0);
  VariantClear(&args[3]);

  // Interface pointers and strings passed by value.
  error_object obj;
  {
    VARIANT by_value[2];
    by_value[1] = variant(static_cast<IUnknown*>(&obj)).detach();  // argument 0
    by_value[0] = variant(L"text").detach();                        // argument 1
    DISPPARAMS q = {by_value, nullptr, 2, 0};
    CHECK(tlbkit::event_arg<IUnknown*>(&q, 0) == static_cast<IUnknown*>(&obj));
    CHECK(tlbkit::event_arg<ISupportErrorInfo*>(&q, 0) == &obj);  // QueryInterface, borrowed
    CHECK(obj.refs == 2);  // only the VARIANT's reference
    CHECK_THROWS_AS(tlbkit::event_arg<IDispatch*>(&q, 0), tlbkit::invalid_cast_error);
    CHECK(tlbkit::event_arg<com_ptr<ISupportErrorInfo>>(&q, 0).get() == &obj);
    CHECK(std::wstring(tlbkit::event_arg<wchar_t*>(&q, 1)) == L"text");
    CHECK(tlbkit::event_arg<wchar_t*>(&q, 1) == V_BSTR(&by_value[0]));
    VariantClear(&by_value[0]);
    VariantClear(&by_value[1]);
  }
  CHECK(obj.refs == 1);
  // A narrow string must not become VT_BOOL through the pointer-to-bool conversion.
  CHECK(!(std::is_convertible<const char*, variant>::value));
}


}  // namespace

void support_test::run_dispatch_tests() {
  test_invoke_recorded();
  test_dictionary();
  test_events_and_connection();
  test_event_arg();
  test_vtable_sink();
}
