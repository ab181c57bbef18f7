/* Included by select.h: a dependency of it, not taken by default. */
struct Dep { int d; };
struct Unused { int u; };
int DepFunc(int a);
