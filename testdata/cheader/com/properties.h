/* get_X / put_X / putref_X as widl and MIDL write [propget] / [propput] / [propputref] X: turned
   back into properties sharing one MEMBERID; get_ whose last parameter is no pointer stays a
   method. */
#include "com_prelude.h"

MIDL_INTERFACE("66666666-0000-0000-0000-000000000001")
IProps : public IDispatch {
  virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR *name) = 0;
  virtual HRESULT STDMETHODCALLTYPE put_Name(BSTR name) = 0;
  virtual HRESULT STDMETHODCALLTYPE putref_Name(IUnknown *name) = 0;
  virtual HRESULT STDMETHODCALLTYPE get_Item(LONG index, VARIANT_BOOL *item) = 0;
  virtual HRESULT STDMETHODCALLTYPE get_Odd(LONG notapointer) = 0;
  virtual HRESULT STDMETHODCALLTYPE Other(void) = 0;
};
