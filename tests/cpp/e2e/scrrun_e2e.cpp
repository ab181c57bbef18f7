// scrrun_e2e.cpp — issue 4's end-to-end proof: a program written against the C++ bindings that
// `tlbkit import testdata/corpus/wine/scrrun.dll --cpp DIR` generates (Scripting.h), driving the
// real Scripting runtime under Wine: a Dictionary (add, read, check, count, enumerate three
// ways, remove, the duplicate-key exception) and a FileSystemObject (a path, a temporary text
// file written and read back). Built with MinGW-w64 by tests/cpp/cpp.cmake, run by
// tests/cpp/e2e/run-e2e.sh. Exit 0 when every check holds, 1 otherwise. Layer: tests (e2e).
#include <cstdio>
#include <string>
#include <vector>

#include "Scripting.h"

namespace {

int failures = 0;

// CHECK(cond): records and prints a failed check with its place; the program goes on, so one
// run shows every failure.
#define CHECK(cond)                                                              \
  do {                                                                           \
    if (!(cond)) {                                                               \
      std::printf("%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);      \
      ++failures;                                                                \
    }                                                                            \
  } while (0)

std::string narrow(const std::wstring& w) { return ::tlbkit::bstr(w).utf8(); }

// The elements of a VARIANT holding a one-dimensional SAFEARRAY of VARIANTs (Keys(), Items()),
// as strings.
std::vector<std::wstring> strings_of(const ::tlbkit::variant& v) {
  std::vector<std::wstring> out;
  if ((v.type() & VT_ARRAY) == 0) return out;
  SAFEARRAY* a = (v.type() & VT_BYREF) ? *v.get().pparray : v.get().parray;
  LONG lo = 0, hi = -1;
  if (FAILED(SafeArrayGetLBound(a, 1, &lo)) || FAILED(SafeArrayGetUBound(a, 1, &hi))) return out;
  for (LONG i = lo; i <= hi; ++i) {
    ::tlbkit::variant e;
    if (FAILED(SafeArrayGetElement(a, &i, e.out()))) break;
    out.push_back(e.to_bstr().wstr());
  }
  return out;
}

void dictionary() {
  std::printf("-- Scripting.Dictionary\n");
  // The IID, as the generated uuid_of and MinGW's __uuidof (the header's __CRT_UUID_DECL) give it.
  const GUID iid_dictionary = {0x42C642C1, 0x97E1, 0x11CF, {0x97, 0x8F, 0x00, 0xA0, 0x24, 0x63, 0xE0, 0x6F}};
  CHECK(IsEqualGUID(::tlbkit::uuid_of<Scripting::IDictionary>::value, iid_dictionary));
  CHECK(IsEqualGUID(__uuidof(Scripting::IDictionary), iid_dictionary));
  Scripting::IDictionaryPtr dict = Scripting::Dictionary::create();
  CHECK(dict);
  CHECK(dict->GetCount() == 0);

  // Add three pairs: string keys, values of three types. Add's [in] VARIANT* parameters take
  // any value a variant holds; a VARIANT* (native()) is copied.
  ::tlbkit::variant k1(L"apple"), k2(L"pear"), k3(L"plum"), v3(2.5);
  dict->Add(L"apple", 10);
  dict->Add(k2, L"green");
  dict->Add(k3.native(), v3.native());
  std::printf("added apple=10, pear=green, plum=2.5; Count = %ld\n", static_cast<long>(dict->GetCount()));
  CHECK(dict->GetCount() == 3);

  // Read back.
  ::tlbkit::variant got = dict->GetItem(L"apple");
  CHECK(got.type() == VT_I4);
  CHECK(got.to_long() == 10);
  CHECK(dict->GetItem(k2.native()).to_bstr().wstr() == L"green");
  CHECK(dict->GetItem(k3.native()).to_double() == 2.5);
  std::printf("Item(apple) = %ld, Item(pear) = %s\n", got.to_long(),
              dict->GetItem(k2.native()).to_bstr().utf8().c_str());

  // Exists.
  ::tlbkit::variant missing_key(L"cherry");
  bool has_pear = dict->Exists(L"pear");
  bool has_cherry = dict->Exists(missing_key);
  CHECK(has_pear);
  CHECK(!has_cherry);
  std::printf("Exists(pear) = %d, Exists(cherry) = %d\n", has_pear, has_cherry);

  // Enumerate: Keys() and Items() (SAFEARRAYs in VARIANTs), then _NewEnum's IEnumVARIANT.
  std::vector<std::wstring> keys = strings_of(dict->Keys());
  std::vector<std::wstring> items = strings_of(dict->Items());
  CHECK((keys == std::vector<std::wstring>{L"apple", L"pear", L"plum"}));
  CHECK(items.size() == 3);
  if (items.size() == 3) CHECK(items[1] == L"green");
  std::printf("Keys():");
  for (const auto& k : keys) std::printf(" %s", narrow(k).c_str());
  std::printf("\nItems():");
  for (const auto& i : items) std::printf(" %s", narrow(i).c_str());
  std::printf("\n");

  ::tlbkit::com_ptr<IEnumVARIANT> e = dict->_NewEnum().as<IEnumVARIANT>();
  std::vector<std::wstring> enumerated;
  for (;;) {
    ::tlbkit::variant v;
    ULONG fetched = 0;
    if (e->Next(1, v.out(), &fetched) != S_OK || fetched != 1) break;
    enumerated.push_back(v.to_bstr().wstr());
  }
  CHECK(enumerated == keys);
  std::printf("_NewEnum enumerated %zu keys\n", enumerated.size());

  // The exception from a duplicate key: CTL_E_KEY_ALREADY_EXISTS (0x800A01C9, "This key is
  // already associated with an element of this collection").
  bool thrown = false;
  try {
    ::tlbkit::variant again(L"other");
    dict->Add(k2.native(), again.native());
  } catch (const ::tlbkit::com_error& err) {
    thrown = true;
    std::printf("duplicate Add threw: hresult 0x%08lX, what(): %s, description: %s\n",
                static_cast<unsigned long>(err.hresult()), err.what(), narrow(err.description()).c_str());
    CHECK(err.hresult() == static_cast<HRESULT>(0x800A01C9));
    // Windows and Wine both describe it so (the runtime's text for error 457).
    CHECK(err.description().find(L"already associated") != std::wstring::npos);
    CHECK(std::string(err.what()).find("800A01C9") != std::string::npos ||
          std::string(err.what()).find("800a01c9") != std::string::npos);
  }
  CHECK(thrown);
  CHECK(dict->GetCount() == 3);

  // An enum property: TextCompare makes keys case-insensitive (CompareMode may only change
  // while the dictionary is empty, so on a second one).
  Scripting::IDictionaryPtr folded = Scripting::Dictionary::create();
  CHECK(folded->GetCompareMode() == Scripting::BinaryCompare);
  folded->PutCompareMode(Scripting::TextCompare);
  CHECK(folded->GetCompareMode() == Scripting::TextCompare);
  ::tlbkit::variant upper(L"KEY"), lower(L"key"), one(1);
  folded->Add(upper.native(), one.native());
  CHECK(folded->Exists(lower.native()));
  CHECK(!dict->Exists(lower.native()));
  std::printf("CompareMode = TextCompare: Exists(key) after Add(KEY) = %d\n", folded->Exists(lower.native()));

  // Remove one, then all.
  dict->Remove(k1.native());
  CHECK(dict->GetCount() == 2);
  CHECK(!dict->Exists(k1.native()));
  dict->RemoveAll();
  CHECK(dict->GetCount() == 0);
  std::printf("removed apple (Count 2), then all (Count %ld)\n", static_cast<long>(dict->GetCount()));
}

void file_system() {
  std::printf("-- Scripting.FileSystemObject\n");
  auto fso = Scripting::FileSystemObject::create();
  CHECK(fso);

  ::tlbkit::bstr joined = fso->BuildPath(L"C:\\folder", L"file.txt");
  std::printf("BuildPath(C:\\folder, file.txt) = %s\n", joined.utf8().c_str());
  CHECK(joined.wstr() == L"C:\\folder\\file.txt");

  ::tlbkit::bstr temp_dir = fso->GetSpecialFolder(Scripting::TemporaryFolder)->GetPath();
  ::tlbkit::bstr name = fso->GetTempName();
  ::tlbkit::bstr path = fso->BuildPath(temp_dir, name);
  std::printf("temporary file: %s\n", path.utf8().c_str());
  CHECK(!name.empty());

  {
    auto out = fso->CreateTextFile(path, true, false);
    out->WriteLine(L"first line");
    out->WriteLine(L"second line");
    out->Close();
  }
  CHECK(fso->FileExists(path));

  {
    auto in = fso->OpenTextFile(path, Scripting::ForReading);
    ::tlbkit::bstr line = in->ReadLine();
    ::tlbkit::bstr rest = in->ReadAll();
    in->Close();
    std::printf("read back: ReadLine() = \"%s\", ReadAll() = %zu characters\n", line.utf8().c_str(),
                rest.length());
    CHECK(line.wstr() == L"first line");
    CHECK(rest.wstr() == L"second line\r\n");
  }
  fso->DeleteFile(path);  // DeleteFile is a <windows.h> macro (DeleteFileA/W): both sides renamed alike
  CHECK(!fso->FileExists(path));
}

}  // namespace

int main() {
  if (FAILED(CoInitializeEx(nullptr, COINIT_APARTMENTTHREADED))) {
    std::printf("CoInitializeEx failed\n");
    return 1;
  }
  try {
    dictionary();
    file_system();
  } catch (const std::exception& e) {
    std::printf("unexpected exception: %s\n", e.what());
    ++failures;
  }
  CoUninitialize();
  std::printf("%s: %d failed checks\n", failures ? "FAILED" : "PASSED", failures);
  return failures ? 1 : 0;
}
