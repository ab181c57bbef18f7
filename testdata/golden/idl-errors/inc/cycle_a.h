#include "cycle_b.h"
const long IN_A = 1;
