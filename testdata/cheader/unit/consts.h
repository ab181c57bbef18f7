/* Constants: #defines that evaluate to integers (casts, suffixes, operators, references to other
   macros and enumerators) or strings, and const variables; include guards, function-like macros
   and unevaluable ones are not constants. */
#ifndef CONSTS_H_
#define CONSTS_H_
#include <windows.h>

enum Level { LOW = 1, HIGH = 10 };

#define C_INT 42
#define C_NEG (-5)
#define C_HEX 0x10
#define C_HR ((HRESULT)0x80004005L)
#define C_SUM (C_INT + C_HEX * 2)
#define C_SHIFT (1u << 31)
#define C_BIG 0x100000000
#define C_ENUM (HIGH + 1)
#define C_TERN (C_INT > 40 ? 1 : 2)
#define C_STR "hello"
#define C_WSTR L"wide\x263A"
#define C_CAT "ab" "cd"
#define C_FN(x) ((x) + 1)
#define C_PTR ((HANDLE)-1)
#define C_FLOAT 1.5
#define C_DIV0 (1 / 0)
#define C_UNKNOWN (NOT_DEFINED_ANYWHERE + 1)

const int kInt = 7;
const unsigned long long kBig = 0xFFFFFFFFFFFFFFFFull;
static const wchar_t kWide[] = L"wc";
const char *const kNarrow = "n";
int notConst = 3;
#endif
