/* A header in the SDK's own terms: <windows.h> and <ole2.h>, an interface deriving from IDispatch
   with MIDL_INTERFACE, VARIANT and BSTR parameters, and its IID from DEFINE_GUID; an SDK
   interface it uses (IServiceProvider, whose C++ form has a member template) comes along. */
#include <windows.h>
#include <ole2.h>
#include <servprov.h>

DEFINE_GUID(IID_IGreeter, 0x88888888, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x01);
MIDL_INTERFACE("88888888-0000-0000-0000-000000000001")
IGreeter : public IDispatch {
  virtual HRESULT STDMETHODCALLTYPE Greet(BSTR who, VARIANT options, BSTR *greeting) = 0;
  virtual HRESULT STDMETHODCALLTYPE get_Count(LONG *count) = 0;
  virtual HRESULT STDMETHODCALLTYPE put_Count(LONG count) = 0;
  virtual HRESULT STDMETHODCALLTYPE Friend(IGreeter **other) = 0;
  virtual HRESULT STDMETHODCALLTYPE Serve(IServiceProvider *provider) = 0;
};
