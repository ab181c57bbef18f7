/* A hand-written header in objbase.h's macros (DECLARE_INTERFACE_, STDMETHOD, THIS_, PURE), as
   DirectX and the shell write theirs: IUnknown's methods listed again in the interface (pure
   redeclarations: no slots of their own, nothing to warn about), SAL, a void method. Read as C
   (the macros then make the C form) it must give the same interface. */
#include <windows.h>
#include <objbase.h>

DEFINE_GUID(IID_IHandMade, 0xbbbbbbbb, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x01);
#undef INTERFACE
#define INTERFACE IHandMade
DECLARE_INTERFACE_(IHandMade, IUnknown)
{
    /*** IUnknown methods ***/
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    /*** IHandMade methods ***/
    STDMETHOD(Open)(THIS_ LPCWSTR path, DWORD flags) PURE;
    STDMETHOD(Read)(THIS_ _Out_writes_(size) BYTE *buffer, UINT size, _Out_ UINT *read) PURE;
    STDMETHOD_(void, Close)(THIS) PURE;
};
#undef INTERFACE

/* DECLARE_INTERFACE_IID_ gives the IID with the name; an heir of IHandMade lists all its base's
   methods again too (as the C form needs them). */
#define INTERFACE IHandMade2
DECLARE_INTERFACE_IID_(IHandMade2, IHandMade, "bbbbbbbb-0000-0000-0000-000000000002")
{
    /*** IUnknown methods ***/
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    /*** IHandMade methods ***/
    STDMETHOD(Open)(THIS_ LPCWSTR path, DWORD flags) PURE;
    STDMETHOD(Read)(THIS_ _Out_writes_(size) BYTE *buffer, UINT size, _Out_ UINT *read) PURE;
    STDMETHOD_(void, Close)(THIS) PURE;
    /*** IHandMade2 methods ***/
    STDMETHOD(Seek)(THIS_ LONG offset, _Out_opt_ ULONG *position) PURE;
};
#undef INTERFACE
