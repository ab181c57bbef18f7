// header_msxml6_e2e.cpp — the header reader's end-to-end program (issue 5): written against the
// C++ bindings `tlbkit import testdata/cheader/widl-h/msxml6.h --cpp DIR` generates from a C
// header (widl's msxml6.h, read as C), it drives Wine's real MSXML 6 runtime: a DOMDocument60
// created through the interface's creator with the CLSID the header's DEFINE_GUID gave, XML
// loaded, XPath answered through methods whose [out, retval] the reader inferred, properties
// read and written, a parse error reported. Built by tests/cpp/cpp.cmake, run under Wine by
// tests/cpp/e2e/run-e2e.sh. Exit 0 when every check holds, 1 otherwise. Layer: tests (e2e).
#include <cstdio>
#include <string>

#include "msxml6.h"

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
  std::printf("-- DOMDocument60 through bindings generated from a C header\n");
  // A header gives a coclass its CLSID but not its interfaces: the creator is the interface's.
  auto doc = msxml6::IXMLDOMDocument3Ptr::create(msxml6::DOMDocument60::clsid);
  CHECK(doc);
  doc->Putasync(false);
  CHECK(!doc->Getasync());

  bool loaded = doc->loadXML(L"<shop><item price='3'>apple</item><item price='5'>pear</item></shop>");
  CHECK(loaded);
  std::printf("loadXML: %d\n", loaded);

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

  // QueryInterface to the base the header declared: IXMLDOMDocument3 → IXMLDOMNode.
  auto node = doc.as<msxml6::IXMLDOMNode>();
  CHECK(node);
  CHECK(node->GetnodeName().wstr() == L"#document");

  // A parse error: loadXML answers false and parseError says why.
  bool bad = doc->loadXML(L"<shop><item></shop>");
  CHECK(!bad);
  auto err = doc->GetparseError();
  CHECK(err->GeterrorCode() != 0);
  std::printf("bad XML: loadXML = %d, errorCode 0x%08lX, reason: %s\n", bad,
              static_cast<unsigned long>(err->GeterrorCode()), err->Getreason().utf8().c_str());
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
