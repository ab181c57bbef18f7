/* Wide characters read alike in C and C++: in C, wchar_t is MinGW's typedef of unsigned short,
   in C++ a builtin type; either way WCHAR is widl's wchar_t, a short (I2). */
#include <windows.h>

struct Wide {
  WCHAR wc;
  WCHAR *pw;
  wchar_t raw[4];
};
