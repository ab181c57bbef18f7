// support_runtime_test.cpp - exercises every part of the support header tlbkit_com.h against
// small COM objects written here and Wine's real Scripting.Dictionary (scrrun). A Windows
// console program run under Wine by run.sh; prints each failed check as file:line and exits 1
// when any failed. Layer: tests (runtime).
#include "tlbkit_com.h"

#include <cstdio>
#include <cstring>
#include <iterator>
#include <string>
#include <typeinfo>

namespace {

int g_checks = 0;    // test-program counters, reported at the end
int g_failures = 0;
int g_sinks_destroyed = 0;  // sink_base must delete its object at the last Release

#define CHECK(cond)                                                               \
  do {                                                                            \
    ++g_checks;                                                                   \
    if (!(cond)) {                                                                \
      ++g_failures;                                                               \
      std::printf("%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);        \
    }                                                                             \
  } while (0)

#define CHECK_THROWS_AS(expr, E)                                                  \
  do {                                                                            \
    ++g_checks;                                                                   \
    bool caught_ = false;                                                         \
    try {                                                                         \
      (void)(expr);                                                               \
    } catch (const E&) {                                                          \
      caught_ = true;                                                             \
    } catch (...) {                                                               \
    }                                                                             \
    if (!caught_) {                                                               \
      ++g_failures;                                                               \
      std::printf("%s:%d: CHECK_THROWS_AS failed: %s throws %s\n", __FILE__, __LINE__, \
                  #expr, #E);                                                     \
    }                                                                             \
  } while (0)

using tlbkit::bstr;
using tlbkit::com_ptr;
using tlbkit::variant;

bool same(const GUID& a, const GUID& b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// Interface ids invented for the test objects.
constexpr GUID kSupportedIid = {0x6B1E0001, 0x1111, 0x4222, {0x83, 0x33, 0, 0, 0, 0, 0, 1}};
constexpr GUID kOtherIid = {0x6B1E0002, 0x1111, 0x4222, {0x83, 0x33, 0, 0, 0, 0, 0, 2}};
constexpr GUID kEventsIid = {0x6B1E0003, 0x1111, 0x4222, {0x83, 0x33, 0, 0, 0, 0, 0, 3}};

// A stack object with a visible reference count that supports error info for kSupportedIid.
struct error_object : ISupportErrorInfo {
  ULONG refs = 1;
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** out) override {
    if (out == nullptr) return E_POINTER;
    *out = nullptr;
    if (!same(riid, IID_IUnknown) && !same(riid, IID_ISupportErrorInfo)) return E_NOINTERFACE;
    *out = static_cast<ISupportErrorInfo*>(this);
    AddRef();
    return S_OK;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return ++refs; }
  ULONG STDMETHODCALLTYPE Release() override { return --refs; }
  HRESULT STDMETHODCALLTYPE InterfaceSupportsErrorInfo(REFIID riid) override {
    return same(riid, kSupportedIid) ? S_OK : S_FALSE;
  }
};

// Sets the thread's error object as a failing method would.
void set_error_info(const wchar_t* description) {
  ICreateErrorInfo* create = nullptr;
  if (FAILED(CreateErrorInfo(&create))) return;
  create->SetDescription(const_cast<LPOLESTR>(description));
  create->SetSource(const_cast<LPOLESTR>(L"Test.Source"));
  create->SetHelpFile(const_cast<LPOLESTR>(L"help.chm"));
  create->SetHelpContext(42);
  create->SetGUID(kSupportedIid);
  IErrorInfo* info = nullptr;
  if (SUCCEEDED(create->QueryInterface(IID_IErrorInfo, reinterpret_cast<void**>(&info)))) {
    SetErrorInfo(0, info);
    info->Release();
  }
  create->Release();
}

bool error_info_pending() {
  IErrorInfo* info = nullptr;
  const HRESULT hr = GetErrorInfo(0, &info);
  if (info != nullptr) info->Release();
  return hr == S_OK;
}

// The exact class raise() throws for hr (by typeid), or false when it throws nothing.
template <class E> bool raises_exactly(HRESULT hr) {
  try {
    tlbkit::raise(hr);
  } catch (const tlbkit::com_error& e) {
    return typeid(e) == typeid(E) && e.hresult() == hr;
  }
  return false;
}

void test_bstr() {
  const char* utf8 = "h\xC3\xA9llo \xE2\x82\xAC";  // "hello" with e-acute, then a euro sign
  bstr b(utf8);
  CHECK(b.length() == 7);
  CHECK(b.wstr() == std::wstring(L"h\u00e9llo \u20ac"));
  CHECK(b.utf8() == utf8);
  CHECK(SysStringLen(b.get()) == 7);
  bstr copy(b);
  CHECK(copy == b);
  CHECK(copy.get() != b.get());
  bstr moved(std::move(copy));
  CHECK(moved == b);
  CHECK(copy.get() == nullptr);  // NOLINT(bugprone-use-after-move): moved-from state is specified
  bstr w = L"wide";
  CHECK(w.wstr() == L"wide");
  CHECK(w != b);
  bstr s(std::wstring(L"x\0y", 3));
  CHECK(s.length() == 3);  // embedded NUL kept
  bstr from_string(std::string("a\0\xC3\xA9", 4));
  CHECK(from_string.wstr() == std::wstring(L"a\0\u00e9", 3));
  CHECK(bstr(std::string()).get() != nullptr);  // an empty string, not a null BSTR
  bstr empty;
  CHECK(empty.get() == nullptr);
  CHECK(empty.empty());
  CHECK(empty == bstr(L""));
  CHECK(empty.utf8().empty());
  *w.out() = SysAllocString(L"from out");
  CHECK(w.wstr() == L"from out");
  BSTR raw = w.detach();
  CHECK(w.get() == nullptr);
  bstr back = bstr::attach(raw);
  CHECK(back.get() == raw);
  back = b;
  CHECK(back == b);
}

enum class color : int { red = 1, green = 2 };

void test_variant_ctors() {
  CHECK(variant().type() == VT_EMPTY);
  CHECK(variant().is_empty());
  CHECK(variant(true).type() == VT_BOOL);
  CHECK(variant(true).get().boolVal == VARIANT_TRUE);
  CHECK(variant(static_cast<signed char>(-5)).type() == VT_I1);
  CHECK(variant(static_cast<unsigned char>(200)).type() == VT_UI1);
  CHECK(variant(static_cast<short>(-300)).type() == VT_I2);
  CHECK(variant(static_cast<unsigned short>(60000)).type() == VT_UI2);
  CHECK(variant(7).type() == VT_I4);
  CHECK(variant(7u).type() == VT_UI4);
  CHECK(variant(7L).type() == VT_I4);
  CHECK(variant(7UL).type() == VT_UI4);
  CHECK(variant(7LL).type() == VT_I8);
  CHECK(variant(7ULL).type() == VT_UI8);
  CHECK(variant(1.5f).type() == VT_R4);
  CHECK(variant(1.5).type() == VT_R8);
  CHECK(variant(L"text").type() == VT_BSTR);
  CHECK(variant(std::wstring(L"text")).type() == VT_BSTR);
  CHECK(variant(bstr(L"text")).type() == VT_BSTR);
  CHECK(variant(bstr()).get().bstrVal != nullptr);  // VT_BSTR holds "" rather than null
  CY cy;
  cy.int64 = 12345;
  CHECK(variant(cy).type() == VT_CY);
  CHECK(variant(cy).as<CY>().int64 == 12345);
  DECIMAL dec;
  VarDecFromR8(1.25, &dec);
  CHECK(variant(dec).type() == VT_DECIMAL);
  CHECK(variant(dec).as<double>() == 1.25);
  CHECK(variant::of(VT_BOOL, VARIANT_TRUE).to_variant_bool() == VARIANT_TRUE);
  CHECK(variant::of(VT_BOOL, 0).to_bool() == false);
  CHECK(variant::of(VT_ERROR, E_FAIL).type() == VT_ERROR);
  CHECK(variant::of(VT_ERROR, E_FAIL).get().scode == E_FAIL);
  CHECK(variant::of(VT_I2, static_cast<long long>(color::green)).as<color>() == color::green);
  CHECK(variant::of(VT_UI8, 1LL << 40).as<unsigned long long>() == (1ULL << 40));
  CHECK_THROWS_AS(variant::of(VT_BSTR, 1), tlbkit::dispatch_error);
  CHECK(variant::date(45000.5).type() == VT_DATE);
  CHECK(variant::date(45000.5).as<double>() == 45000.5);
  CHECK(variant::missing().is_missing());
  CHECK(variant::missing().type() == VT_ERROR);
  CHECK(!variant(5).is_missing());
}

void test_variant_conversions() {
  CHECK(variant(true).as<bool>());
  CHECK(variant(static_cast<signed char>(-5)).as<int>() == -5);
  CHECK(variant(static_cast<unsigned char>(200)).as<unsigned char>() == 200);
  CHECK(variant(static_cast<short>(-300)).as<short>() == -300);
  CHECK(variant(static_cast<unsigned short>(60000)).as<unsigned short>() == 60000);
  CHECK(variant(-7).as<long>() == -7);
  CHECK(variant(7u).as<unsigned int>() == 7u);
  CHECK(variant(4000000000UL).as<unsigned long>() == 4000000000UL);
  CHECK(variant(-(1LL << 40)).as<long long>() == -(1LL << 40));
  CHECK(variant(1.5f).as<float>() == 1.5f);
  CHECK(variant(L"42").as<int>() == 42);
  CHECK(variant(L"42").to_long() == 42);
  CHECK(variant(L"-9000000000").to_longlong() == -9000000000LL);
  CHECK(variant(42).as<bstr>() == bstr(L"42"));
  CHECK(variant(42).to_bstr().wstr() == L"42");
  CHECK(variant(42).as<std::wstring>() == L"42");
  CHECK(variant(L"h\u00e9").as<std::string>() == "h\xC3\xA9");
  CHECK(variant(2.5).as<int>() == 2);  // banker's rounding, as the runtime does
  CHECK(variant(3.5).as<int>() == 4);
  CHECK(variant(L"0.5").to_double() == 0.5);
  CHECK(variant(1).to_bool());
  CHECK(variant(2).as<color>() == color::green);
  CHECK(variant(1.5).as<CY>().int64 == 15000);  // CY is scaled by 10000
  CHECK(variant(L"1.25").as<DECIMAL>().scale == 2);
  CHECK(variant(variant(L"1.25").as<DECIMAL>()).as<double>() == 1.25);
  CHECK_THROWS_AS(variant(L"abc").as<int>(), tlbkit::type_mismatch_error);
  CHECK_THROWS_AS(variant(L"abc").as<int>(), tlbkit::dispatch_error);
  CHECK_THROWS_AS(variant(100000).as<short>(), tlbkit::dispatch_error);  // DISP_E_OVERFLOW
  try {
    (void)variant(100000).as<short>();
  } catch (const tlbkit::com_error& e) {
    CHECK(e.hresult() == DISP_E_OVERFLOW);
  }
  variant(5).as<void>();
}

void test_variant_ownership() {
  variant s(L"shared");
  variant copy(s);
  CHECK(copy.get().bstrVal != s.get().bstrVal);
  CHECK(copy.to_bstr() == bstr(L"shared"));
  variant moved(std::move(copy));
  CHECK(moved.to_bstr() == bstr(L"shared"));
  CHECK(copy.is_empty());  // NOLINT(bugprone-use-after-move)
  variant assigned;
  assigned = s;
  CHECK(assigned.to_bstr() == bstr(L"shared"));
  VARIANT raw = assigned.detach();
  CHECK(assigned.is_empty());
  CHECK(raw.vt == VT_BSTR);
  variant back = variant::attach(raw);
  CHECK(back.to_bstr() == bstr(L"shared"));
  variant from_raw(back.get());  // VariantCopy
  CHECK(from_raw.get().bstrVal != back.get().bstrVal);
  VARIANT* out = back.out();
  CHECK(out->vt == VT_EMPTY);
  V_VT(out) = VT_I4;
  V_I4(out) = 9;
  CHECK(back.to_long() == 9);
  CHECK(back.native() == out);

  long target = 5;
  variant ref = variant::by_ref(VT_I4, &target);
  CHECK(ref.type() == (VT_BYREF | VT_I4));
  CHECK(ref.as<long>() == 5);
  target = 7;
  CHECK(ref.as<long>() == 7);
  variant value = ref.as<variant>();  // reads through the reference
  CHECK(value.type() == VT_I4);
  target = 8;
  CHECK(value.to_long() == 7);
}

void test_variant_interfaces() {
  error_object obj;
  {
    variant u(static_cast<IUnknown*>(&obj));
    CHECK(u.type() == VT_UNKNOWN);
    CHECK(obj.refs == 2);
    com_ptr<ISupportErrorInfo> sei = u.as<com_ptr<ISupportErrorInfo>>();
    CHECK(sei.get() == &obj);
    CHECK(obj.refs == 3);
    CHECK_THROWS_AS(u.as<com_ptr<IDispatch>>(), tlbkit::invalid_cast_error);
    CHECK(u.to_unknown().get() == static_cast<IUnknown*>(&obj));
    variant copy(u);
    CHECK(obj.refs == 4);
    IUnknown* p = &obj;
    variant ref = variant::by_ref(VT_UNKNOWN, &p);
    CHECK(ref.as<com_ptr<IUnknown>>().get() == &obj);
  }
  CHECK(obj.refs == 1);
  CHECK(!variant().as<com_ptr<IUnknown>>());
  CHECK(!variant(static_cast<IDispatch*>(nullptr)).to_dispatch());
  CHECK_THROWS_AS(variant(5).to_unknown(), tlbkit::com_error);
}

void test_safearray() {
  tlbkit::safearray none;
  CHECK(none.count() == 0);
  CHECK(none.get() == nullptr);
  CHECK(none.element_type() == VT_EMPTY);
  tlbkit::safearray a = tlbkit::safearray::create_vector(VT_I4, 3);
  CHECK(a.count() == 3);
  CHECK(a.element_type() == VT_I4);
  CHECK(a.lower_bound() == 0);
  a.set(0, 10);
  a.set(1, L"20");  // converted to the element type
  a.set(2, 30.0);
  CHECK(a.at(0).type() == VT_I4);
  CHECK(a.at(1).to_long() == 20);
  CHECK(a.at(2).as<int>() == 30);
  CHECK_THROWS_AS(a.at(3), tlbkit::dispatch_error);  // DISP_E_BADINDEX
  CHECK_THROWS_AS(a.set(0, L"x"), tlbkit::type_mismatch_error);
  tlbkit::safearray copy(a);
  CHECK(copy.get() != a.get());
  copy.set(0, 11);
  CHECK(a.at(0).to_long() == 10);
  CHECK(copy.at(0).to_long() == 11);
  variant v(a.get(), VT_I4);
  CHECK(v.type() == (VT_ARRAY | VT_I4));
  CHECK(v.get().parray != a.get());
  variant whole(a);  // the element type comes from the array
  CHECK(whole.type() == (VT_ARRAY | VT_I4));
  tlbkit::safearray taken = whole.as<tlbkit::safearray>();
  CHECK(taken.count() == 3);
  CHECK(taken.get() != whole.get().parray);
  CHECK(taken.at(2).to_long() == 30);
  SAFEARRAY* array_ref = a.get();
  CHECK(variant::by_ref(VT_ARRAY | VT_I4, &array_ref).as<tlbkit::safearray>().count() == 3);
  CHECK_THROWS_AS(variant(5).as<tlbkit::safearray>(), tlbkit::type_mismatch_error);
  tlbkit::safearray moved(std::move(copy));
  CHECK(moved.count() == 3);
  CHECK(copy.get() == nullptr);  // NOLINT(bugprone-use-after-move)

  tlbkit::safearray strings = tlbkit::safearray::create_vector(VT_BSTR, 2);
  strings.set(0, L"zero");
  strings.set(1, 1);
  CHECK(strings.at(0).to_bstr() == bstr(L"zero"));
  CHECK(strings.at(1).to_bstr() == bstr(L"1"));
  tlbkit::safearray variants = tlbkit::safearray::create_vector(VT_VARIANT, 1);
  variants.set(0, L"inside");
  CHECK(variants.at(0).type() == VT_BSTR);

  SAFEARRAY* raw = strings.detach();
  CHECK(strings.get() == nullptr);
  tlbkit::safearray back = tlbkit::safearray::attach(raw);
  CHECK(back.count() == 2);
  SAFEARRAY** out = back.out();
  CHECK(*out == nullptr);
  *out = SafeArrayCreateVector(VT_UI1, 0, 5);
  CHECK(back.count() == 5);
  CHECK(back.element_type() == VT_UI1);
}

void test_com_ptr() {
  error_object obj;
  {
    com_ptr<IUnknown> p(static_cast<IUnknown*>(&obj));
    CHECK(obj.refs == 2);
    com_ptr<IUnknown> copy(p);
    CHECK(obj.refs == 3);
    com_ptr<IUnknown> moved(std::move(copy));
    CHECK(obj.refs == 3);
    CHECK(!copy);  // NOLINT(bugprone-use-after-move)
    CHECK(moved == p);
    moved.reset();
    CHECK(obj.refs == 2);
    com_ptr<ISupportErrorInfo> sei = p.as<ISupportErrorInfo>();
    CHECK(obj.refs == 3);
    CHECK(sei->InterfaceSupportsErrorInfo(kSupportedIid) == S_OK);  // operator->
    CHECK((*sei).InterfaceSupportsErrorInfo(kOtherIid) == S_FALSE);
    CHECK(!p.try_as<IDispatch>());
    CHECK_THROWS_AS(p.as<IDispatch>(), tlbkit::invalid_cast_error);
    CHECK(obj.refs == 3);
    com_ptr<IUnknown> base = sei;  // converting constructor: AddRef, no QueryInterface
    CHECK(obj.refs == 4);
    ISupportErrorInfo* raw = sei.detach();
    CHECK(!sei);
    CHECK(obj.refs == 4);
    sei.attach(raw);
    CHECK(obj.refs == 4);
    ISupportErrorInfo* plain = sei;  // operator T*
    CHECK(plain == &obj);
    com_ptr<ISupportErrorInfo> taken(raw, false);
    taken.detach();  // `taken` never owned a reference of its own
    com_ptr<IUnknown> out;
    CHECK(SUCCEEDED(obj.QueryInterface(IID_IUnknown, out.put_void())));
    CHECK(obj.refs == 5);
    *out.put() = nullptr;  // put() released the previous one
    CHECK(obj.refs == 4);
    p = nullptr;
    CHECK(obj.refs == 3);
  }
  CHECK(obj.refs == 1);
  com_ptr<IUnknown> null;
  CHECK_THROWS_AS(null->AddRef(), tlbkit::null_reference_error);
  CHECK_THROWS_AS(null.as<IDispatch>(), tlbkit::null_reference_error);
  CHECK(!null.try_as<IDispatch>());
  try {
    (void)null.operator->();
  } catch (const tlbkit::com_error& e) {
    CHECK(e.hresult() == E_POINTER);
  }
  const CLSID unknown_clsid = {0x6B1E00FF, 0x1111, 0x4222, {0x83, 0x33, 0, 0, 0, 0, 0, 0xFF}};
  CHECK_THROWS_AS(com_ptr<IDispatch>::create(unknown_clsid), tlbkit::com_error);
}

void test_errors() {
  error_object obj;
  // The object supports error info for the interface called: every field comes through.
  set_error_info(L"Bad thing");
  try {
    tlbkit::raise(E_INVALIDARG, &obj, kSupportedIid);
  } catch (const tlbkit::argument_error& e) {
    CHECK(e.hresult() == E_INVALIDARG);
    CHECK(e.description() == L"Bad thing");
    CHECK(e.source() == L"Test.Source");
    CHECK(e.help_file() == L"help.chm");
    CHECK(e.help_context() == 42);
    CHECK(same(e.guid(), kSupportedIid));
    CHECK(std::string(e.what()) == "Bad thing (0x80070057)");
    CHECK(e.error_info() != nullptr);
    tlbkit::com_error copy = e;  // copies share the details
    CHECK(copy.description() == L"Bad thing");
  }
  CHECK(!error_info_pending());
  CHECK(obj.refs == 1);
  // Not supported for this interface: the stale error object is read (cleared) but not used.
  set_error_info(L"Stale");
  try {
    tlbkit::raise(E_INVALIDARG, &obj, kOtherIid);
  } catch (const tlbkit::com_error& e) {
    CHECK(e.description() == L"The parameter is incorrect");
    CHECK(e.source().empty());
    CHECK(e.error_info() == nullptr);
    CHECK(same(e.guid(), GUID_NULL));
    CHECK(std::string(e.what()) == "The parameter is incorrect (0x80070057)");
  }
  CHECK(!error_info_pending());
  // No object at all: the same.
  set_error_info(L"Stale");
  try {
    tlbkit::raise(E_FAIL);
  } catch (const tlbkit::com_error& e) {
    CHECK(e.description() == L"Unspecified error");
  }
  CHECK(!error_info_pending());
  // check(): success codes pass through.
  CHECK(tlbkit::check(S_FALSE, &obj, kSupportedIid) == S_FALSE);
  CHECK_THROWS_AS(tlbkit::check(E_NOTIMPL, &obj, kSupportedIid), tlbkit::not_implemented_error);

  // The hierarchy, by HRESULT (tlbimp-rules.md section 3).
  CHECK(raises_exactly<tlbkit::argument_error>(E_INVALIDARG));
  CHECK(raises_exactly<tlbkit::argument_error>(tlbkit::detail::hr_of(0x800A01C1ul)));
  CHECK(raises_exactly<tlbkit::invalid_cast_error>(E_NOINTERFACE));
  CHECK(raises_exactly<tlbkit::null_reference_error>(E_POINTER));
  CHECK(raises_exactly<tlbkit::out_of_memory_error>(E_OUTOFMEMORY));
  CHECK(raises_exactly<tlbkit::unauthorized_access_error>(E_ACCESSDENIED));
  CHECK(raises_exactly<tlbkit::not_implemented_error>(E_NOTIMPL));
  CHECK(raises_exactly<tlbkit::divide_by_zero_error>(DISP_E_DIVBYZERO));
  CHECK(raises_exactly<tlbkit::parameter_count_error>(DISP_E_BADPARAMCOUNT));
  CHECK(raises_exactly<tlbkit::type_mismatch_error>(DISP_E_TYPEMISMATCH));
  CHECK(raises_exactly<tlbkit::member_not_found_error>(DISP_E_MEMBERNOTFOUND));
  CHECK(raises_exactly<tlbkit::member_not_found_error>(DISP_E_UNKNOWNNAME));
  CHECK(raises_exactly<tlbkit::dispatch_error>(DISP_E_OVERFLOW));
  CHECK(raises_exactly<tlbkit::dispatch_error>(DISP_E_EXCEPTION));
  CHECK(raises_exactly<tlbkit::file_not_found_error>(tlbkit::detail::hr_of(0x80070002ul)));
  CHECK(raises_exactly<tlbkit::file_not_found_error>(tlbkit::detail::hr_of(0x800A0035ul)));
  CHECK(raises_exactly<tlbkit::directory_not_found_error>(tlbkit::detail::hr_of(0x800A004Cul)));
  CHECK(raises_exactly<tlbkit::index_out_of_range_error>(tlbkit::detail::hr_of(0x800A0009ul)));
  CHECK(raises_exactly<tlbkit::com_error>(E_FAIL));
  CHECK(raises_exactly<tlbkit::com_error>(tlbkit::detail::hr_of(0x800A01C9ul)));
  CHECK_THROWS_AS(tlbkit::raise(DISP_E_TYPEMISMATCH), tlbkit::dispatch_error);
  CHECK_THROWS_AS(tlbkit::raise(tlbkit::detail::hr_of(0x80070003ul)), tlbkit::io_error);

  // Messages: the table, the system's English text, else the number.
  try {
    tlbkit::raise(tlbkit::detail::hr_of(0x800A01C9ul));
  } catch (const tlbkit::com_error& e) {
    CHECK(std::string(e.what()) ==
          "This key is already associated with an element of this collection (0x800A01C9)");
  }
  try {
    tlbkit::raise(tlbkit::detail::hr_of(0x800A0009ul));
  } catch (const tlbkit::com_error& e) {
    CHECK(e.description() == L"Subscript out of range");
  }
  try {
    tlbkit::raise(tlbkit::detail::hr_of(0x80070020ul));  // ERROR_SHARING_VIOLATION: not in the table
  } catch (const tlbkit::com_error& e) {
    const std::string what = e.what();
    std::printf("system text for 0x80070020: %s\n", what.c_str());
    CHECK(what.compare(0, 8, "HRESULT ") != 0);
    CHECK(what.size() > 13 && what.compare(what.size() - 13, 13, " (0x80070020)") == 0);
  }
  try {
    tlbkit::raise(tlbkit::detail::hr_of(0x8004ABCDul));
  } catch (const tlbkit::com_error& e) {
    CHECK(std::string(e.what()) == "HRESULT 0x8004ABCD");
    CHECK(e.description() == L"HRESULT 0x8004ABCD");
  }
}

// An IDispatch that records how it was called, for invoke()'s argument handling.
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

VARIANT raw_of(VARTYPE vt, void* byref) {
  VARIANT v;
  VariantInit(&v);
  V_VT(&v) = vt;
  V_BYREF(&v) = byref;
  return v;
}

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

// Defined in second_tu.cpp (the header included by two units links).
tlbkit::bstr second_tu_text();
void second_tu_raise();

namespace {

void test_two_units() {
  CHECK(second_tu_text() == bstr(L"from the second unit"));
  CHECK_THROWS_AS(second_tu_raise(), tlbkit::type_mismatch_error);
  CHECK(same(tlbkit::uuid_of<IDispatch>::value, IID_IDispatch));
  CHECK(same(tlbkit::uuid_of<IUnknown>::value, IID_IUnknown));
  CHECK(same(tlbkit::uuid_of<IEnumVARIANT>::value, IID_IEnumVARIANT));
  CHECK(same(tlbkit::uuid_of<IFont>::value, IID_IFont));
  CHECK(same(tlbkit::uuid_of<IFontDisp>::value, IID_IFontDisp));
  CHECK(same(tlbkit::uuid_of<IPicture>::value, IID_IPicture));
  CHECK(same(tlbkit::uuid_of<IPictureDisp>::value, IID_IPictureDisp));
  CHECK(same(tlbkit::uuid_of<IErrorInfo>::value, IID_IErrorInfo));
  CHECK(same(tlbkit::uuid_of<ICreateErrorInfo>::value, IID_ICreateErrorInfo));
  CHECK(same(tlbkit::uuid_of<ISupportErrorInfo>::value, IID_ISupportErrorInfo));
  CHECK(same(tlbkit::uuid_of<IConnectionPointContainer>::value, IID_IConnectionPointContainer));
  CHECK(same(tlbkit::uuid_of<IConnectionPoint>::value, IID_IConnectionPoint));
  CHECK(same(tlbkit::uuid_of<ITypeInfo>::value, IID_ITypeInfo));
  CHECK(same(tlbkit::uuid_of<ITypeLib>::value, IID_ITypeLib));
  CHECK(same(tlbkit::uuid_of<IEnumConnections>::value, IID_IEnumConnections));
  CHECK(same(tlbkit::uuid_of<IEnumConnectionPoints>::value, IID_IEnumConnectionPoints));
  CHECK(same(tlbkit::uuid_of<IClassFactory>::value, IID_IClassFactory));
}

}  // namespace

int main() {
  const HRESULT init = CoInitializeEx(nullptr, COINIT_APARTMENTTHREADED);
  if (FAILED(init)) {
    std::printf("CoInitializeEx failed: 0x%08lX\n", static_cast<unsigned long>(init));
    return 1;
  }
  try {
    test_bstr();
    test_variant_ctors();
    test_variant_conversions();
    test_variant_ownership();
    test_variant_interfaces();
    test_safearray();
    test_com_ptr();
    test_errors();
    test_invoke_recorded();
    test_dictionary();
    test_events_and_connection();
    test_event_arg();
    test_two_units();
    test_vtable_sink();
  } catch (const std::exception& e) {
    ++g_failures;
    std::printf("unexpected exception: %s\n", e.what());
  }
  CoUninitialize();
  std::printf("%d checks, %d failed\n", g_checks, g_failures);
  return g_failures == 0 ? 0 : 1;
}
