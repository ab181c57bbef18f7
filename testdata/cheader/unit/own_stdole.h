/* A type named as one of stdole2's, declared by the header itself (as ocidl.h declares IFont):
   the header's own type, not a reference to stdole's. */
#include <windows.h>

typedef LONG OLE_XPOS_PIXELS;

struct UsesOwn {
  OLE_XPOS_PIXELS x;
};
