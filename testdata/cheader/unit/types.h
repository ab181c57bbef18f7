/* C types as the IDL reader gives the same names: Windows' base types, OLE Automation's names,
   stdole's types, pointers, arrays, references, function pointers, and the typedef naming rules
   (tag vs tagless struct, `typedef enum X {...} X`). */
#include <windows.h>
#include <ole2.h>
#include <ocidl.h>

typedef struct tagMAPPED {
  LONG lng;
  DWORD dw;
  int i;
  long l;
  BOOL b;
  VARIANT_BOOL vb;
  BSTR bs;
  VARIANT v;
  HRESULT hr;
  SCODE sc;
  DATE dt;
  CY cy;
  DECIMAL dec;
  LPSTR s;
  LPCWSTR cw;
  LPOLESTR os;
  WCHAR wc;
  unsigned char uc;
  USHORT us;
  ULONGLONG ull;
  float f;
  double d;
  IUnknown *unk;
  IDispatch *disp;
  IUnknown **ppunk;
  GUID g;
  IFont *font;
  short grid[2][3];
  BSTR *pbs;
  HWND wnd;
  HDC dc;
} MAPPED;

typedef struct { int a; } TAGLESS;
typedef enum COLOR { RED, GREEN = 5, BLUE } COLOR;
typedef enum tagSHAPE { SQUARE = -1, ROUND = 0x7fffffff } SHAPE;
typedef LRESULT (CALLBACK *MYPROC)(HWND hwnd, UINT msg);
typedef LONG MYLONG;

struct UsesTypedefs {
  MAPPED m;          /* the struct behind a typedef of a tagged struct: tagMAPPED */
  TAGLESS t;         /* the alias of a tagless struct */
  COLOR c;
  MYLONG ml;         /* a typedef of a base type is seen through */
  MYPROC proc;
};

HRESULT WINAPI UsesRefs(REFIID riid, const GUID &g);
