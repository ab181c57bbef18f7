/* Layouts as clang computes them for the target: long is 32 bits on both, pointers and LONG_PTR
   follow the target; #pragma pack; MS bit-fields; nested, tagless and anonymous members. */
#include <windows.h>

struct Sizes {
  char c;
  long l;          /* 4 bytes on win32 and win64 */
  void *p;         /* 4 or 8 */
  LONG_PTR lp;     /* 4 or 8 */
  double d;
};

#pragma pack(push, 1)
struct Packed {
  char a;
  int b;           /* offset 1 */
  short c;         /* offset 5 */
};
#pragma pack(pop)

struct Bits {
  char a;
  int b : 3;       /* unit at 4, bit 0 */
  int c : 5;       /* same unit, bit 3 */
  short d : 4;     /* a new unit (another type): at 8 */
  unsigned long long e : 40;
};

struct Outer {
  int a;
  union {          /* anonymous member: DUMMYUNIONNAME */
    int x;
    float y;
  };
  struct {         /* tagless type of a named field */
    int q;
  } s;
  struct Inner {   /* nested named struct: a type of its own */
    short z;
  } in;
  struct {         /* a second anonymous member: DUMMYSTRUCTNAME */
    char m;
    char n;
  };
};

union Either {
  int i;
  double d;
};

struct TwoUnions {  /* two anonymous unions: clang gives both one USR; two types all the same */
  union {
    int a;
    float b;
  };
  union {
    short c;
    char d;
  };
};

struct Dummied {    /* an anonymous member the source names with the SDK's empty macro */
  int k;
  union {
    int a;
    float b;
  } DUMMYUNIONNAME;
};
