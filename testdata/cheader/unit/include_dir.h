/* -I reaches clang: <extra.h> is in inc/, found only with -I. */
#include <extra.h>

struct UsesExtra { struct FromIncludeDir e; };
