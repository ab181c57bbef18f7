// support_runtime_test.cpp - exercises every part of the support header tlbkit_com.h against
// small COM objects written here and Wine's real Scripting.Dictionary (scrrun). A Windows
// console program run under Wine by run.sh; prints each failed check as file:line and exits 1
// when any failed. This unit: bstr, variant, safearray, com_ptr, errors, and main; the
// IDispatch side is in support_dispatch_test.cpp. Layer: tests (runtime).
#include "support_check.h"

#include <string>
#include <typeinfo>
#include <utility>

using namespace support_test;

// Defined in second_tu.cpp (the header included by two units links).
tlbkit::bstr second_tu_text();
void second_tu_raise();

namespace {

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

void support_test::run_value_tests() {
  test_bstr();
  test_variant_ctors();
  test_variant_conversions();
  test_variant_ownership();
  test_variant_interfaces();
  test_safearray();
  test_com_ptr();
  test_errors();
  test_two_units();
}

int main() {
  const HRESULT init = CoInitializeEx(nullptr, COINIT_APARTMENTTHREADED);
  if (FAILED(init)) {
    std::printf("CoInitializeEx failed: 0x%08lX\n", static_cast<unsigned long>(init));
    return 1;
  }
  // Each group in its own try: an unexpected exception fails its group, not the others.
  for (void (*group)() : {run_value_tests, run_dispatch_tests}) {
    try {
      group();
    } catch (const std::exception& e) {
      ++g_failures;
      std::printf("unexpected exception: %s\n", e.what());
    }
  }
  CoUninitialize();
  std::printf("%d checks, %d failed\n", g_checks, g_failures);
  return g_failures == 0 ? 0 : 1;
}
