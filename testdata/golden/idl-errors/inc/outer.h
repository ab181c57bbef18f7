/* Included by error-in-include.idl; includes the file with the error. */
#include "inner.h"
