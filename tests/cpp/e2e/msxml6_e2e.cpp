// msxml6_e2e.cpp — the second end-to-end program of issue 4: written against the C++ bindings
// `tlbkit import testdata/corpus/wine/msxml6.dll --cpp DIR` generates (MSXML2.h), it drives
// Wine's real MSXML 6 runtime: a DOMDocument60 made through the coclass creator loads XML,
// answers XPath queries and reports a parse error; an event sink generated for the document's
// [default, source] dispinterface XMLDOMDocumentEvents is subscribed and unsubscribed (Advise /
// Unadvise through the RAII connection). Built by tests/cpp/cpp.cmake, run under Wine by
// tests/cpp/e2e/run-e2e.sh. Exit 0 when every check holds, 1 otherwise. Layer: tests (e2e).
#include <cstdio>
#include <string>

#include "MSXML2.h"

namespace {

int failures = 0;

// CHECK(cond): records and prints a failed check with its place; the program goes on.
#define CHECK(cond)                                                              \
  do {                                                                           \
    if (!(cond)) {                                                               \
      std::printf("%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);      \
      ++failures;                                                                \
    }                                                                            \
  } while (0)

void document() {
  std::printf("-- MSXML2.DOMDocument60\n");
  auto doc = MSXML2::DOMDocument60::create();
  CHECK(doc);
  doc->Putasync(false);

  // Subscribe to the document's events before loading: Advise must succeed, and the
  // connection's destructor (here: disconnect) unadvises.
  auto sink = ::tlbkit::make_sink<MSXML2::DOMDocument60::events>();
  int ready_changes = 0;
  sink->on_onreadystatechange([&] { ++ready_changes; });
  ::tlbkit::connection conn = sink->advise(doc);
  CHECK(conn.connected());
  CHECK(conn.cookie() != 0);
  std::printf("advised XMLDOMDocumentEvents: cookie %lu\n", static_cast<unsigned long>(conn.cookie()));

  bool loaded = doc->loadXML(L"<shop><item price='3'>apple</item><item price='5'>pear</item></shop>");
  CHECK(loaded);
  std::printf("loadXML: %d; onreadystatechange events seen: %d\n", loaded, ready_changes);

  auto root = doc->GetdocumentElement();
  CHECK(root);
  CHECK(root->GetnodeName().wstr() == L"shop");

  auto pear = doc->selectSingleNode(L"/shop/item[@price='5']");
  CHECK(pear);
  if (pear) {
    std::printf("selectSingleNode(/shop/item[@price='5']).text = %s\n", pear->Gettext().utf8().c_str());
    CHECK(pear->Gettext().wstr() == L"pear");
  }
  auto items = doc->getElementsByTagName(L"item");
  CHECK(items->Getlength() == 2);
  CHECK(items->Getitem(0)->Gettext().wstr() == L"apple");
  std::printf("getElementsByTagName(item).length = %ld\n", static_cast<long>(items->Getlength()));

  // A parse error: loadXML answers false and parseError says why.
  bool bad = doc->loadXML(L"<shop><item></shop>");
  CHECK(!bad);
  auto err = doc->GetparseError();
  CHECK(err->GeterrorCode() != 0);
  std::printf("bad XML: loadXML = %d, errorCode 0x%08lX, reason: %s\n", bad,
              static_cast<unsigned long>(err->GeterrorCode()), err->Getreason().utf8().c_str());

  conn.disconnect();
  CHECK(!conn.connected());
  std::printf("unadvised\n");
}

}  // namespace

int main() {
  if (FAILED(CoInitializeEx(nullptr, COINIT_APARTMENTTHREADED))) {
    std::printf("CoInitializeEx failed\n");
    return 1;
  }
  try {
    document();
  } catch (const std::exception& e) {
    std::printf("unexpected exception: %s\n", e.what());
    ++failures;
  }
  CoUninitialize();
  std::printf("%s: %d failed checks\n", failures ? "FAILED" : "PASSED", failures);
  return failures ? 1 : 0;
}
