/* A syntax error: reported at its line and column, and no library. */
struct Broken {
  int x
  int y;
};
