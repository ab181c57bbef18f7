#include "cycle_a.h"
const long IN_B = 2;
