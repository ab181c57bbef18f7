/* Structs in the C form's shape that break its rules, each reported: a vtable that does not begin
   with IUnknown's methods (an interface without a base), and a method without `This` (its
   parameters all kept). */
#include "com_prelude.h"

DEFINE_GUID(IID_IOdd, 0xcccccccc, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x01);
typedef struct IOdd IOdd;
typedef struct IOddVtbl {
  HRESULT (STDMETHODCALLTYPE *Notify)(IOdd *This, LONG code);
} IOddVtbl;
struct IOdd { const IOddVtbl *lpVtbl; };

DEFINE_GUID(IID_INoThis, 0xcccccccc, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x02);
typedef struct INoThis INoThis;
typedef struct INoThisVtbl {
  HRESULT (STDMETHODCALLTYPE *QueryInterface)(INoThis *This, REFIID riid, void **ppvObject);
  ULONG (STDMETHODCALLTYPE *AddRef)(INoThis *This);
  ULONG (STDMETHODCALLTYPE *Release)(INoThis *This);
  HRESULT (STDMETHODCALLTYPE *Bare)(RECT *area, LONG code);
} INoThisVtbl;
struct INoThis { const INoThisVtbl *lpVtbl; };
