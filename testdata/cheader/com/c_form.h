/* The C form (read with -x c): `interface X { CONST_VTBL XVtbl *lpVtbl; }`, methods from the Vtbl's
   function pointers without `This`, the base found from the leading slots (IUnknown's three, or
   the longest other interface whose slots begin these), widl's group comments naming a base
   that adds nothing; the Vtbl structs are no types of their own. */
#include "com_prelude.h"

DEFINE_GUID(IID_ICBase, 0x33333333, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x01);
typedef interface ICBase ICBase;
typedef struct ICBaseVtbl {
  BEGIN_INTERFACE
  /*** IUnknown methods ***/
  HRESULT (STDMETHODCALLTYPE *QueryInterface)(ICBase *This, REFIID riid, void **ppvObject);
  ULONG (STDMETHODCALLTYPE *AddRef)(ICBase *This);
  ULONG (STDMETHODCALLTYPE *Release)(ICBase *This);
  /*** ICBase methods ***/
  HRESULT (STDMETHODCALLTYPE *Get)(ICBase *This, LONG index, BSTR *value);
  END_INTERFACE
} ICBaseVtbl;
interface ICBase { CONST_VTBL ICBaseVtbl *lpVtbl; };

/* Same leading slots as ICBase by name, different parameter types: not ICBase's heir. */
DEFINE_GUID(IID_ICLookalike, 0x33333333, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x02);
typedef interface ICLookalike ICLookalike;
typedef struct ICLookalikeVtbl {
  HRESULT (STDMETHODCALLTYPE *QueryInterface)(ICLookalike *This, REFIID riid, void **ppvObject);
  ULONG (STDMETHODCALLTYPE *AddRef)(ICLookalike *This);
  ULONG (STDMETHODCALLTYPE *Release)(ICLookalike *This);
  HRESULT (STDMETHODCALLTYPE *Get)(ICLookalike *This, BSTR name, BSTR *value);
  HRESULT (STDMETHODCALLTYPE *Put)(ICLookalike *This, BSTR name, BSTR value);
} ICLookalikeVtbl;
interface ICLookalike { CONST_VTBL ICLookalikeVtbl *lpVtbl; };

DEFINE_GUID(IID_ICDerived, 0x33333333, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x03);
typedef interface ICDerived ICDerived;
typedef struct ICDerivedVtbl {
  /*** IUnknown methods ***/
  HRESULT (STDMETHODCALLTYPE *QueryInterface)(ICDerived *This, REFIID riid, void **ppvObject);
  ULONG (STDMETHODCALLTYPE *AddRef)(ICDerived *This);
  ULONG (STDMETHODCALLTYPE *Release)(ICDerived *This);
  /*** ICBase methods ***/
  HRESULT (STDMETHODCALLTYPE *Get)(ICDerived *This, LONG index, BSTR *value);
  /*** ICDerived methods ***/
  HRESULT (STDMETHODCALLTYPE *Put)(ICDerived *This, LONG index, /* [in] */ BSTR value);
} ICDerivedVtbl;
interface ICDerived { CONST_VTBL ICDerivedVtbl *lpVtbl; };

/* Adds nothing to ICBase: only widl's comments tell its base. */
DEFINE_GUID(IID_ICSame, 0x33333333, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x04);
typedef interface ICSame ICSame;
typedef struct ICSameVtbl {
  /*** IUnknown methods ***/
  HRESULT (STDMETHODCALLTYPE *QueryInterface)(ICSame *This, REFIID riid, void **ppvObject);
  ULONG (STDMETHODCALLTYPE *AddRef)(ICSame *This);
  ULONG (STDMETHODCALLTYPE *Release)(ICSame *This);
  /*** ICBase methods ***/
  HRESULT (STDMETHODCALLTYPE *Get)(ICSame *This, LONG index, BSTR *value);
} ICSameVtbl;
interface ICSame { CONST_VTBL ICSameVtbl *lpVtbl; };

/* A dispinterface as widl writes it in C: IDispatch's slots only, its GUID named DIID_. */
DEFINE_GUID(DIID_DCEvents, 0x33333333, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x05);
typedef interface DCEvents DCEvents;
typedef struct DCEventsVtbl {
  /*** IUnknown methods ***/
  HRESULT (STDMETHODCALLTYPE *QueryInterface)(DCEvents *This, REFIID riid, void **ppvObject);
  ULONG (STDMETHODCALLTYPE *AddRef)(DCEvents *This);
  ULONG (STDMETHODCALLTYPE *Release)(DCEvents *This);
  /*** IDispatch methods ***/
  HRESULT (STDMETHODCALLTYPE *GetTypeInfoCount)(DCEvents *This, UINT *pctinfo);
  HRESULT (STDMETHODCALLTYPE *GetTypeInfo)(DCEvents *This, UINT i, ULONG lcid, void **info);
  HRESULT (STDMETHODCALLTYPE *GetIDsOfNames)(DCEvents *This, REFIID riid, LPWSTR *names, UINT n,
                                             ULONG lcid, LONG *ids);
  HRESULT (STDMETHODCALLTYPE *Invoke)(DCEvents *This, LONG id, REFIID riid, ULONG lcid,
                                      unsigned short f, void *params, void *result, void *excep,
                                      UINT *arg);
} DCEventsVtbl;
interface DCEvents { CONST_VTBL DCEventsVtbl *lpVtbl; };
