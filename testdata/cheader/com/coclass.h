/* Coclasses: `class DECLSPEC_UUID("…") X;` (as widl writes them, after `typedef class X X;`) and a
   CLSID_X from DEFINE_GUID; neither says which interfaces the class implements. */
#include "com_prelude.h"

typedef class Scheduler Scheduler;
DEFINE_GUID(CLSID_Scheduler, 0x44444444, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x01);
class DECLSPEC_UUID("44444444-0000-0000-0000-000000000001") Scheduler;

DEFINE_GUID(CLSID_Gadget, 0x44444444, 0x0000, 0x0000, 0x00,0x00, 0x00,0x00,0x00,0x00,0x00,0x02);

class DECLSPEC_UUID("44444444-0000-0000-0000-000000000003") Widget;

/* An interface's forward declaration is no coclass. */
struct IForward;
