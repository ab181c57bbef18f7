// dispatch_e2e.cpp — the generated dispinterface wrappers (IDispatch::Invoke with DISPIDs and
// flags, arguments converted to VARIANTs, results back) against the real Scripting.Dictionary
// under Wine, through tests/cpp/e2e/dispatch_e2e.idl's description of it. Exit 0 when every
// check holds, 1 otherwise. Layer: tests (e2e).
#include <cstdio>

#include "DispatchE2E.h"

namespace {

int failures = 0;

#define CHECK(cond)                                                         \
  do {                                                                      \
    if (!(cond)) {                                                          \
      std::printf("%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                           \
    }                                                                       \
  } while (0)

void dictionary_through_invoke() {
  CLSID clsid{};
  CHECK(SUCCEEDED(CLSIDFromProgID(L"Scripting.Dictionary", &clsid)));
  auto object = ::tlbkit::com_ptr<::IDispatch>::create(clsid);
  // QueryInterface for the dispinterface's IID (the dual IDictionary answers it).
  ::tlbkit::com_ptr<DispatchE2E::DDictionary> dict = object.as<DispatchE2E::DDictionary>();

  ::tlbkit::variant k1(L"apple"), v1(10), k2(L"pear"), v2(L"green");
  dict->Add(k1.native(), v1.native());  // DISPATCH_METHOD, two VT_BYREF|VT_VARIANT arguments
  dict->Add(k2.native(), v2.native());
  CHECK(dict->GetCount() == 2);  // a property: DISPATCH_PROPERTYGET, the result as LONG
  CHECK(dict->GetItem(k1.native()).to_long() == 10);
  CHECK(dict->GetItem(k2.native()).to_bstr().wstr() == L"green");
  ::tlbkit::variant missing(L"cherry");
  CHECK(dict->Exists(k2.native()));  // VARIANT_BOOL as bool
  CHECK(!dict->Exists(missing.native()));
  std::printf("Count = %ld, Item(apple) = %ld\n", static_cast<long>(dict->GetCount()),
              dict->GetItem(k1.native()).to_long());

  ::tlbkit::variant eleven(11);
  dict->PutItem(k1.native(), eleven.native());  // DISPATCH_PROPERTYPUT: the value is named
  CHECK(dict->GetItem(k1.native()).to_long() == 11);
  CHECK(dict->GetCompareMode() == DispatchE2E::BinaryCompare);  // an enum result
  CHECK((dict->Keys().type() & VT_ARRAY) != 0);                 // a VARIANT result
  CHECK(dict->NewEnum().try_as<IEnumVARIANT>());                // an interface result

  bool thrown = false;
  try {
    dict->Add(k2.native(), v1.native());  // a duplicate key: the EXCEPINFO becomes the exception
  } catch (const ::tlbkit::com_error& e) {
    thrown = true;
    std::printf("duplicate Add threw: %s\n", e.what());
    CHECK(e.hresult() == static_cast<HRESULT>(0x800A01C9));
    CHECK(!e.description().empty());
  }
  CHECK(thrown);

  // CompareMode cannot change while the dictionary holds items: empty it first.
  dict->Remove(k1.native());
  dict->Remove(k2.native());
  CHECK(dict->GetCount() == 0);
  dict->PutCompareMode(DispatchE2E::TextCompare);  // an enum argument (VT_I4)
  CHECK(dict->GetCompareMode() == DispatchE2E::TextCompare);

  // `dispinterface X { interface Y; }`: Y's methods through Invoke.
  // The object does not know this view's IID; a dispinterface's struct is IDispatch plus
  // non-virtual wrappers, so any IDispatch of the object serves.
  auto* view = static_cast<DispatchE2E::DDictionaryView*>(object.get());
  view->Add(k1.native(), v1.native());
  CHECK(view->GetCount() == 1);
  ::tlbkit::variant upper(L"APPLE");
  CHECK(dict->Exists(upper.native()));  // TextCompare matches case-insensitively
}

}  // namespace

int main() {
  CoInitialize(nullptr);
  try {
    dictionary_through_invoke();
  } catch (const ::tlbkit::com_error& e) {
    std::printf("unexpected exception: %s\n", e.what());
    ++failures;
  }
  CoUninitialize();
  std::printf(failures ? "FAILED: %d failed checks\n" : "PASSED: 0 failed checks\n", failures);
  return failures ? 1 : 0;
}
