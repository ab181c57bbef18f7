/* MinGW-w64's mshtml.h (all of MSHTML's interfaces), which the COM tests read with
   `--include mshtml.h` and hold against Wine's mshtml.tlb (testdata/corpus/wine): vtable slots,
   names and property kinds; and read as C (the C form of all of them) against itself read as
   C++. Read alone, as the compile and runtime scripts read every fixture, it gives only its own
   small interface. */
#include <windows.h>
#include <ole2.h>
#include <mshtml.h>

/* In objbase.h's macros, so that the file reads as C too (the C form of every interface). */
DEFINE_GUID(IID_ISdkUser, 0xdddddddd, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x01);
#undef INTERFACE
#define INTERFACE ISdkUser
DECLARE_INTERFACE_(ISdkUser, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(Go)(THIS_ LONG a) PURE;
};
#undef INTERFACE
