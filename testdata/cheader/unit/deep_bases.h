/* A hostile hierarchy: every empty class derives from both of the level below, so the paths
   through the bases double at each level (2^12 here); walking them is bounded (cheader_decls.cpp
   Budget) and such classes are left out, never a hang. */
struct E0a {};
struct E0b {};
struct E1a : E0a, E0b {};
struct E1b : E0a, E0b {};
struct E2a : E1a, E1b {};
struct E2b : E1a, E1b {};
struct E3a : E2a, E2b {};
struct E3b : E2a, E2b {};
struct E4a : E3a, E3b {};
struct E4b : E3a, E3b {};
struct E5a : E4a, E4b {};
struct E5b : E4a, E4b {};
struct E6a : E5a, E5b {};
struct E6b : E5a, E5b {};
struct E7a : E6a, E6b {};
struct E7b : E6a, E6b {};
struct E8a : E7a, E7b {};
struct E8b : E7a, E7b {};
struct E9a : E8a, E8b {};
struct E9b : E8a, E8b {};
struct E10a : E9a, E9b {};
struct E10b : E9a, E9b {};
struct E11a : E10a, E10b {};
struct E11b : E10a, E10b {};
struct E12a : E11a, E11b {};
struct E12b : E11a, E11b {};
struct Top : E12a {
  int x;
};
