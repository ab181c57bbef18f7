/* Parameter directions as a header writes them: SAL (_In_, _Out_, _Inout_, _Outptr_,
   _COM_Outptr_, _Out_writes_(n), _In_opt_, _Out_opt_, _In_reads_(n), __RPC__in,
   __RPC__deref_out_opt, IN/OUT) and MIDL's comments ([in], [retval][out], [optional][in],
   [in, out], [lcid][in], each in a comment before its parameter); and what is inferred where it
   writes none. */
#include "com_prelude.h"

MIDL_INTERFACE("55555555-0000-0000-0000-000000000001")
ISal : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE Sal(_In_ LONG a, _Out_ LONG *b, _Inout_ LONG *c,
                                        _Outptr_ IUnknown **d, _COM_Outptr_ void **e,
                                        _Out_writes_(count) LONG *f, UINT count) = 0;
  virtual HRESULT STDMETHODCALLTYPE Rpc(__RPC__in LPCWSTR a, __RPC__deref_out_opt BSTR *b,
                                        IN LONG c, OUT LONG *d) = 0;
  virtual HRESULT STDMETHODCALLTYPE Midl(
      /* [in] */ LONG a,
      /* [optional][in] */ LONG b,
      /* [out][in] */ LONG *c,
      /* [in, out] */ LONG *d,
      /* [lcid][in] */ ULONG e,
      /* [retval][out] */ LONG *f) = 0;
  /* SAL's _opt_ says a pointer may be null ([unique]), not that the parameter is [optional]. */
  virtual HRESULT STDMETHODCALLTYPE Opt(_In_opt_ IUnknown *a, _Out_opt_ LONG *b,
                                        _In_reads_(n) LONG *c, UINT n) = 0;
  /* A comment that is not MIDL's says nothing: `value` is inferred. */
  virtual HRESULT STDMETHODCALLTYPE Prose(/* the value in or out */ LONG *value) = 0;
};

MIDL_INTERFACE("55555555-0000-0000-0000-000000000002")
IInferred : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE Plain(LONG a, const RECT *in_rect, LPCWSTR text, HWND w,
                                          IUnknown *obj, void *buffer, LONG *count,
                                          IUnknown **result) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRect(RECT *rect) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRect(RECT *rect) = 0;
  virtual HRESULT STDMETHODCALLTYPE Text(WCHAR **made, WCHAR *given, OLECHAR **also) = 0;
};

MIDL_INTERFACE("55555555-0000-0000-0000-000000000003")
IAuto : public IDispatch {
  virtual HRESULT STDMETHODCALLTYPE Find(BSTR name, IAuto **found) = 0;
  virtual HRESULT STDMETHODCALLTYPE Count(LONG *count) = 0;
  virtual ULONG STDMETHODCALLTYPE Peek(LONG *value) = 0;
};

/* C++ default arguments, as widl writes [defaultvalue(x)]: [in, optional] with the value, typed
   as the IDL reader types it (an enum's as a long); a pointer's default is none a typelib holds. */
enum Mode { ModeA, ModeB };
MIDL_INTERFACE("55555555-0000-0000-0000-000000000004")
IDefaults : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE Go(LONG a = -1, BSTR s = L"x\"y", VARIANT_BOOL b = -1,
                                       ULONG u = 0xFFFFFFFF, enum Mode m = ModeB,
                                       /* [out] */ LONG *out = 0) = 0;
};
