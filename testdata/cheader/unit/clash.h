/* Module names never repeat another type's name (a type library holds one type per name, case
   aside): the header's stem is also a struct's name here, and so is the first suffix tried. */
#include <windows.h>

#define CLASH_MAX 42

struct Clash {
  int x;
};

typedef struct clash_constants {
  int y;
} clash_constants;

HRESULT WINAPI CreateClash(int n);
