/* An inheritance chain from IDispatch: slots counted through the chain (IDispatch 7, then each
   interface's own), bases named, MEMBERIDs numbered by ancestors; read for win32 and win64. */
#include "com_prelude.h"

MIDL_INTERFACE("22222222-0000-0000-0000-000000000001")
IBase : public IDispatch {
  virtual HRESULT STDMETHODCALLTYPE One(LONG a) = 0;
  virtual HRESULT STDMETHODCALLTYPE Two(LONG a) = 0;
};

MIDL_INTERFACE("22222222-0000-0000-0000-000000000002")
IMiddle : public IBase {
  virtual HRESULT STDMETHODCALLTYPE Three(LONG a) = 0;
};

MIDL_INTERFACE("22222222-0000-0000-0000-000000000003")
ILeaf : public IMiddle {
  virtual HRESULT STDMETHODCALLTYPE Four(LONG a) = 0;
  virtual HRESULT STDMETHODCALLTYPE Five(LONG a) = 0;
};
