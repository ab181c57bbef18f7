/* MinGW-w64's mshtml.h (all of MSHTML's interfaces), which the COM tests read with
   `--include mshtml.h` and hold against Wine's mshtml.tlb (testdata/corpus/wine): vtable slots,
   names and property kinds. Read alone, as the compile and runtime scripts read every fixture,
   it gives only its own small interface. */
#include <windows.h>
#include <ole2.h>
#include <mshtml.h>

MIDL_INTERFACE("dddddddd-0000-0000-0000-000000000001")
ISdkUser : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE Go(LONG a) = 0;
};
