/* C++ interfaces and where their IIDs come from: MIDL_INTERFACE("…") with __CRT_UUID_DECL,
   __CRT_UUID_DECL alone, DECLSPEC_UUID("…") DECLSPEC_NOVTABLE, __declspec(uuid("…")),
   DEFINE_GUID(IID_X), EXTERN_GUID(IID_X), `const IID IID_X = {…}`, and one with none. */
#include "com_prelude.h"

MIDL_INTERFACE("11111111-0000-0000-0000-000000000001")
IMidl : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE First(LONG a) = 0;
  virtual HRESULT STDMETHODCALLTYPE Second(BSTR b, LONG c) = 0;
};
__CRT_UUID_DECL(IMidl, 0x11111111, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x01)

struct ICrtOnly : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE Go(void) = 0;
};
__CRT_UUID_DECL(ICrtOnly, 0x11111111, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x02)

struct DECLSPEC_UUID("11111111-0000-0000-0000-000000000003") DECLSPEC_NOVTABLE IDeclspec
    : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE Go(void) = 0;
};

struct __declspec(uuid("{11111111-0000-0000-0000-000000000004}")) IMsUuid : IUnknown {
  virtual HRESULT STDMETHODCALLTYPE Go(void) = 0;
};

DEFINE_GUID(IID_IDefined, 0x11111111, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x05);
struct IDefined : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE Go(void) = 0;
};

EXTERN_GUID(IID_IExtern, 0x11111111, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x06);
struct IExtern : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE Go(void) = 0;
};

extern "C" const IID IID_IConst = {0x11111111, 0x0000, 0x0000, {0, 0, 0, 0, 0, 0, 0, 7}};
struct IConst : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE Go(void) = 0;
};

struct INoIid : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE Go(void) = 0;
};

/* Two sources that disagree: the uuid on the declaration is kept, the other warned about. */
DEFINE_GUID(IID_IMismatch, 0x11111111, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x09);
MIDL_INTERFACE("11111111-0000-0000-0000-000000000008")
IMismatch : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE Go(void) = 0;
};

/* A GUID in a block the preprocessor skips is not the interface's. */
#ifdef NOT_DEFINED_ANYWHERE
DEFINE_GUID(IID_ISkipped, 0x11111111, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x0f);
#else
DEFINE_GUID(IID_ISkipped, 0x11111111, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x0a);
#endif
struct ISkipped : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE Go(void) = 0;
};
