/* C++ that a COM interface description cannot hold, each reported with its location and laid
   out as MSVC lays it out: a second COM base (single inheritance: the first base's vtable is
   extended), a virtual base, a virtual destructor (one slot in MSVC's ABI), a method overriding
   its base's with a body (no slot of its own; a pure redeclaration is silent, see
   declare_interface.h); and calling conventions on win32 (__cdecl, variadic). */
#include "com_prelude.h"

MIDL_INTERFACE("aaaaaaaa-0000-0000-0000-000000000001")
IFirst : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE A(void) = 0;
};

MIDL_INTERFACE("aaaaaaaa-0000-0000-0000-000000000002")
IOther : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE B(void) = 0;
  virtual HRESULT STDMETHODCALLTYPE B2(void) = 0;
};

MIDL_INTERFACE("aaaaaaaa-0000-0000-0000-000000000003")
ITwoBases : public IFirst, public IOther {
  virtual HRESULT STDMETHODCALLTYPE C(void) = 0;
};

MIDL_INTERFACE("aaaaaaaa-0000-0000-0000-000000000004")
IVirtualBase : virtual public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE D(void) = 0;
};

MIDL_INTERFACE("aaaaaaaa-0000-0000-0000-000000000005")
IWithDtor : public IUnknown {
  virtual ~IWithDtor() {}
  virtual HRESULT STDMETHODCALLTYPE E(void) = 0;
};

MIDL_INTERFACE("aaaaaaaa-0000-0000-0000-000000000006")
IOverrides : public IFirst {
  virtual HRESULT STDMETHODCALLTYPE A(void) { return 0; }
  virtual HRESULT STDMETHODCALLTYPE F(void) = 0;
};

MIDL_INTERFACE("aaaaaaaa-0000-0000-0000-000000000007")
ICallConv : public IUnknown {
  virtual HRESULT __stdcall Std(LONG a) = 0;
  virtual HRESULT __cdecl Cdecl(LONG a) = 0;
  virtual HRESULT __cdecl Varargs(LONG count, ...) = 0;
};

/* An abstract class of pure virtual methods without IUnknown (sapi.h's ISpNotifyCallback): an
   interface without a base, its slots from 0. */
struct DECLSPEC_UUID("aaaaaaaa-0000-0000-0000-000000000008") ICallback {
  virtual HRESULT STDMETHODCALLTYPE Notify(LONG code) = 0;
  virtual void STDMETHODCALLTYPE Done(void) = 0;
};
