// second_tu.cpp - a second translation unit of the support header's runtime test: the header
// holds only inline definitions, so two units including it link (no duplicate symbols), and
// exceptions and objects cross between them. Layer: tests (runtime).
#include "tlbkit_com.h"

tlbkit::bstr second_tu_text() { return tlbkit::bstr(L"from the second unit"); }

void second_tu_raise() {
  tlbkit::raise(DISP_E_TYPEMISMATCH, nullptr, tlbkit::uuid_of<IDispatch>::value);
}
