/* Selection: what the named header declares is taken, what it includes is not (unless an
   --include pattern names it or its file), and --exclude leaves names or files out. */
#include "select_dep.h"

struct Mine { struct Dep d; };
struct MineToo { int x; };
int MineFunc(int a);
