/* The few SDK declarations the COM fixtures need, spelled as MinGW-w64 spells them
   (MIDL_INTERFACE is `struct`, DECLSPEC_UUID, __CRT_UUID_DECL and the SAL macros are nothing),
   so most COM tests parse in milliseconds without <windows.h>. Included, so never taken. */
#ifndef COM_PRELUDE_H
#define COM_PRELUDE_H

typedef long HRESULT;
typedef long LONG;
typedef unsigned long ULONG;
typedef unsigned long DWORD;
typedef unsigned int UINT;
typedef int BOOL;
typedef short VARIANT_BOOL;
#ifdef __cplusplus
typedef wchar_t WCHAR;
#else
typedef unsigned short WCHAR;
#endif
typedef WCHAR OLECHAR;
typedef OLECHAR *BSTR;
typedef WCHAR *LPWSTR;
typedef const WCHAR *LPCWSTR;
typedef struct _GUID {
  unsigned long Data1;
  unsigned short Data2;
  unsigned short Data3;
  unsigned char Data4[8];
} GUID;
typedef GUID IID;
typedef GUID CLSID;
typedef struct tagRECT { LONG left, top, right, bottom; } RECT;
typedef struct HWND__ { int unused; } *HWND;

#ifdef __cplusplus
#define EXTERN_C extern "C"
#define REFIID const IID &
#else
#define EXTERN_C extern
#define REFIID const IID *const
#endif
#ifdef _WIN64
#define STDMETHODCALLTYPE
#else
#define STDMETHODCALLTYPE __stdcall
#endif
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) EXTERN_C const GUID name
#define EXTERN_GUID(itf, l1, s1, s2, c1, c2, c3, c4, c5, c6, c7, c8) EXTERN_C const IID itf
#define MIDL_INTERFACE(x) struct
#define DECLSPEC_UUID(x)
#define DECLSPEC_NOVTABLE
#define __CRT_UUID_DECL(type, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8)
#define interface struct
#define CONST_VTBL const
#define BEGIN_INTERFACE
#define END_INTERFACE

#define _In_
#define _In_opt_
#define _Out_
#define _Out_opt_
#define _Inout_
#define _Outptr_
#define _COM_Outptr_
#define _Out_writes_(n)
#define _In_reads_(n)
#define __RPC__in
#define __RPC__deref_out_opt
#define IN
#define OUT

#ifdef __cplusplus
MIDL_INTERFACE("00000000-0000-0000-C000-000000000046")
IUnknown {
  virtual HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void **ppvObject) = 0;
  virtual ULONG STDMETHODCALLTYPE AddRef(void) = 0;
  virtual ULONG STDMETHODCALLTYPE Release(void) = 0;
};
MIDL_INTERFACE("00020400-0000-0000-C000-000000000046")
IDispatch : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE GetTypeInfoCount(UINT *pctinfo) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetTypeInfo(UINT i, ULONG lcid, void **info) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetIDsOfNames(REFIID riid, LPWSTR *names, UINT n,
                                                  ULONG lcid, LONG *ids) = 0;
  virtual HRESULT STDMETHODCALLTYPE Invoke(LONG id, REFIID riid, ULONG lcid, unsigned short f,
                                           void *params, void *result, void *excep,
                                           UINT *arg) = 0;
};
#else
typedef struct IUnknown IUnknown;
typedef struct IUnknownVtbl {
  HRESULT (STDMETHODCALLTYPE *QueryInterface)(IUnknown *This, REFIID riid, void **ppvObject);
  ULONG (STDMETHODCALLTYPE *AddRef)(IUnknown *This);
  ULONG (STDMETHODCALLTYPE *Release)(IUnknown *This);
} IUnknownVtbl;
struct IUnknown { CONST_VTBL IUnknownVtbl *lpVtbl; };
#endif

#endif
