/* A header including one that does not exist: exactly one located error. */
#include "no_such_header_anywhere.h"
struct AfterTheInclude { int x; };
