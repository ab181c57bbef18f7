/* C++ structs deriving from structs: data-only inheritance is flattened (the base's fields lead,
   at clang's offsets); a class adding only constructors or methods to one base is read as that
   base (d3d11.h's CD3D11_BOX : D3D11_BOX); a polymorphic one is left out. */
#include <windows.h>

struct Point {
  int x;
  int y;
};

struct Point3 : Point {   /* flattened: x, y, z */
  int z;
};

struct Weighted : Point3 { /* two levels: x, y, z, w */
  double w;
};

struct Empty {};

struct Tagged : Empty, Point { /* an empty base takes no room: x, y, tag */
  char tag;
};

struct CPoint : public Point { /* a helper: read as Point */
  CPoint() {}
  CPoint(int a, int b) { x = a; y = b; }
  int sum() const { return x + y; }
};

struct Virt : Point { /* polymorphic: left out */
  virtual ~Virt();
  int q;
};

struct UsesHelper { /* a field of the helper's type is of its base's */
  CPoint p;
  short s;
};

struct Poly { /* virtual methods and data, no interface: left out (a hidden vtable pointer) */
  virtual void f() = 0;
  int state;
};

struct HasEmpty : Empty { /* flattened: v */
  int v;
};

struct Displaced : Empty, HasEmpty { /* HasEmpty's Empty cannot share offset 0 with this Empty:
                                        HasEmpty is at 4, so this is not HasEmpty: left out */
};

struct Displaced2 : Empty, HasEmpty { /* the same, with data: left out */
  int w;
};
