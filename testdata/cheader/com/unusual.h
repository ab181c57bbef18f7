/* What an interface description cannot hold, reported with its location: a non-virtual member,
   overloaded virtual methods (laid out as MSVC does: grouped at the first, last declared first), a
   data member, a base that is no COM interface; and a method name <windows.h>'s A/W macros
   rewrite (GetObject → GetObjectA) kept as written. */
#include "com_prelude.h"

#define GetObject GetObjectA

struct Plain { int x; };

MIDL_INTERFACE("77777777-0000-0000-0000-000000000001")
IUnusual : public IUnknown, public Plain {
  virtual HRESULT STDMETHODCALLTYPE Load(LONG a) = 0;
  virtual HRESULT STDMETHODCALLTYPE Other(void) = 0;
  virtual HRESULT STDMETHODCALLTYPE Load(BSTR b) = 0;
  HRESULT Helper() { return 0; }
  int data;
  virtual HRESULT STDMETHODCALLTYPE GetObject(LONG a) = 0;
};

/* A parameter's name those macros rewrite (exdisp.h's PutFindText(FindText)) is kept too. */
#define FindText FindTextW
MIDL_INTERFACE("77777777-0000-0000-0000-000000000002")
IUnusualNames : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE PutFindText(BSTR FindText) = 0;
};
