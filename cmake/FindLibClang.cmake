# Finds libclang's C API (Debian: libclang-dev) and defines the imported target LibClang::LibClang.
# Looks in the newest LLVM under /usr/lib/llvm-* first; LIBCLANG_ROOT overrides.
file(GLOB _llvm_roots LIST_DIRECTORIES true /usr/lib/llvm-*)
list(SORT _llvm_roots COMPARE NATURAL ORDER DESCENDING)
find_path(LIBCLANG_INCLUDE_DIR clang-c/Index.h
          HINTS ${LIBCLANG_ROOT}/include PATHS ${_llvm_roots} PATH_SUFFIXES include)
find_library(LIBCLANG_LIBRARY NAMES clang libclang
             HINTS ${LIBCLANG_ROOT}/lib PATHS ${_llvm_roots} PATH_SUFFIXES lib)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibClang
  REQUIRED_VARS LIBCLANG_LIBRARY LIBCLANG_INCLUDE_DIR
  REASON_FAILURE_MESSAGE
    "tlbkit reads C/C++ headers with libclang: install it (Debian: apt-get install libclang-dev) or set LIBCLANG_ROOT")
if(LibClang_FOUND AND NOT TARGET LibClang::LibClang)
  add_library(LibClang::LibClang UNKNOWN IMPORTED)
  set_target_properties(LibClang::LibClang PROPERTIES
    IMPORTED_LOCATION "${LIBCLANG_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LIBCLANG_INCLUDE_DIR}")
endif()
