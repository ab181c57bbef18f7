/* Handles and pointer-sized integers as the IDL reader reads wtypes.idl and basetsd.h: the SDK's
   DECLARE_HANDLE handles (HINSTANCE, HKL) are aliases of void* under their names (wtypes.idl's
   DECLARE_HANDLE is `typedef void *name`), a handle the header declares itself is its own alias
   of void* and its `struct NAME__` no type; WPARAM and LPARAM are __int3264 (4 or 8 bytes). */
#include <windows.h>

DECLARE_HANDLE(MYHANDLE);
typedef DWORD COOKIE;

struct Handles {
  HINSTANCE inst;
  HKL kl;
  MYHANDLE mine;
  MYHANDLE *pmine;
  HWND wnd;
  WPARAM wp;
  LPARAM lp;
  COOKIE cookie;
};
