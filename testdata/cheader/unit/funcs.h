/* DLL functions: names, result and parameter types, calling conventions (WINAPI, __stdcall,
   __cdecl, none; WINAPI after MinGW's WINBASEAPI, a macro for __declspec(dllimport)), variadic;
   inline and static helpers are not DLL functions. */
#include <windows.h>

HRESULT WINAPI OpenThing(LPCWSTR name, DWORD flags, HANDLE *out);
int __stdcall StdThing(int a);
int __cdecl CdeclThing(int a);
int PlainThing(void);
int __cdecl FormatThing(char *buffer, const char *format, ...);
WINBASEAPI DWORD WINAPI ImportedThing(DWORD a);
static inline int Helper(int x) { return x + 1; }
extern "C" {
void WINAPI CloseThing(HANDLE h);
}
