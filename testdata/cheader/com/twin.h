/* One set of interfaces in both forms a MIDL or widl header gives them: the C++ form, and (read
   as C) the C form with its Vtbl structs and widl's group comments. Read either way, the reader
   must make the same library: names, IIDs, bases, slots, properties, parameter types, names and
   directions (MIDL comments, SAL, and inferred where none is written). */
#include "com_prelude.h"

DEFINE_GUID(IID_ITwinBase, 0x99999999, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x01);
DEFINE_GUID(IID_ITwinDerived, 0x99999999, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x02);
DEFINE_GUID(IID_ITwinAuto, 0x99999999, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x03);

#if defined(__cplusplus) && !defined(CINTERFACE)

MIDL_INTERFACE("99999999-0000-0000-0000-000000000001")
ITwinBase : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE Get(LONG index, BSTR *value) = 0;
};

MIDL_INTERFACE("99999999-0000-0000-0000-000000000002")
ITwinDerived : public ITwinBase {
  virtual HRESULT STDMETHODCALLTYPE Put(LONG index, /* [in] */ BSTR value) = 0;
  virtual HRESULT STDMETHODCALLTYPE Swap(
      /* [in] */ LONG *order,
      /* [out][in] */ RECT *area,
      _Outptr_ ITwinBase **other,
      const RECT *bounds,
      LPCWSTR name,
      HWND window) = 0;
};

MIDL_INTERFACE("99999999-0000-0000-0000-000000000003")
ITwinAuto : public IDispatch {
  virtual HRESULT STDMETHODCALLTYPE get_Size(LONG *size) = 0;
  virtual HRESULT STDMETHODCALLTYPE put_Size(LONG size) = 0;
  virtual HRESULT STDMETHODCALLTYPE Find(BSTR name, VARIANT_BOOL exact,
                                         ITwinDerived **found) = 0;
};

#else

typedef interface ITwinBase ITwinBase;
typedef struct ITwinBaseVtbl {
  BEGIN_INTERFACE
  /*** IUnknown methods ***/
  HRESULT (STDMETHODCALLTYPE *QueryInterface)(ITwinBase *This, REFIID riid, void **ppvObject);
  ULONG (STDMETHODCALLTYPE *AddRef)(ITwinBase *This);
  ULONG (STDMETHODCALLTYPE *Release)(ITwinBase *This);
  /*** ITwinBase methods ***/
  HRESULT (STDMETHODCALLTYPE *Get)(ITwinBase *This, LONG index, BSTR *value);
  END_INTERFACE
} ITwinBaseVtbl;
interface ITwinBase { CONST_VTBL ITwinBaseVtbl *lpVtbl; };

typedef interface ITwinDerived ITwinDerived;
typedef struct ITwinDerivedVtbl {
  BEGIN_INTERFACE
  /*** IUnknown methods ***/
  HRESULT (STDMETHODCALLTYPE *QueryInterface)(ITwinDerived *This, REFIID riid, void **ppvObject);
  ULONG (STDMETHODCALLTYPE *AddRef)(ITwinDerived *This);
  ULONG (STDMETHODCALLTYPE *Release)(ITwinDerived *This);
  /*** ITwinBase methods ***/
  HRESULT (STDMETHODCALLTYPE *Get)(ITwinDerived *This, LONG index, BSTR *value);
  /*** ITwinDerived methods ***/
  HRESULT (STDMETHODCALLTYPE *Put)(ITwinDerived *This, LONG index, /* [in] */ BSTR value);
  HRESULT (STDMETHODCALLTYPE *Swap)(
      ITwinDerived *This,
      /* [in] */ LONG *order,
      /* [out][in] */ RECT *area,
      _Outptr_ ITwinBase **other,
      const RECT *bounds,
      LPCWSTR name,
      HWND window);
  END_INTERFACE
} ITwinDerivedVtbl;
interface ITwinDerived { CONST_VTBL ITwinDerivedVtbl *lpVtbl; };

typedef interface ITwinAuto ITwinAuto;
typedef struct ITwinAutoVtbl {
  BEGIN_INTERFACE
  /*** IUnknown methods ***/
  HRESULT (STDMETHODCALLTYPE *QueryInterface)(ITwinAuto *This, REFIID riid, void **ppvObject);
  ULONG (STDMETHODCALLTYPE *AddRef)(ITwinAuto *This);
  ULONG (STDMETHODCALLTYPE *Release)(ITwinAuto *This);
  /*** IDispatch methods ***/
  HRESULT (STDMETHODCALLTYPE *GetTypeInfoCount)(ITwinAuto *This, UINT *pctinfo);
  HRESULT (STDMETHODCALLTYPE *GetTypeInfo)(ITwinAuto *This, UINT i, ULONG lcid, void **info);
  HRESULT (STDMETHODCALLTYPE *GetIDsOfNames)(ITwinAuto *This, REFIID riid, LPWSTR *names,
                                             UINT n, ULONG lcid, LONG *ids);
  HRESULT (STDMETHODCALLTYPE *Invoke)(ITwinAuto *This, LONG id, REFIID riid, ULONG lcid,
                                      unsigned short f, void *params, void *result,
                                      void *excep, UINT *arg);
  /*** ITwinAuto methods ***/
  HRESULT (STDMETHODCALLTYPE *get_Size)(ITwinAuto *This, LONG *size);
  HRESULT (STDMETHODCALLTYPE *put_Size)(ITwinAuto *This, LONG size);
  HRESULT (STDMETHODCALLTYPE *Find)(ITwinAuto *This, BSTR name, VARIANT_BOOL exact,
                                    ITwinDerived **found);
  END_INTERFACE
} ITwinAutoVtbl;
interface ITwinAuto { CONST_VTBL ITwinAutoVtbl *lpVtbl; };

#endif
