/* The header the header reader's benchmark reads (bench/cheader.sh): the SDK's base headers and
   all of MSHTML's interfaces, from MinGW-w64's headers. */
#include <windows.h>
#include <ole2.h>
#include <mshtml.h>
