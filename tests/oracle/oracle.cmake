# oracle.cmake — the project's runtime listing program (tests/oracle/tlbkit_listing.cpp), a
# Windows program built with MinGW-w64 and run under Wine by tests/oracle/run-listing.sh, and the
# wiring that gives the runtime tests (tests/cli/runtime_*.sh) its path. Included from
# tests/CMakeLists.txt after the cli_* tests exist. Without MinGW-w64 nothing is built and those
# tests skip (exit 77). Layer: tests (build).

find_program(TLBKIT_MINGW_CXX x86_64-w64-mingw32-g++
             DOC "MinGW-w64 C++ compiler for the runtime listing program (tests/oracle)")

set(tlbkit_listing_src ${CMAKE_CURRENT_LIST_DIR}/tlbkit_listing.cpp)
set(tlbkit_listing_exe ${CMAKE_CURRENT_BINARY_DIR}/oracle/tlbkit-listing.exe)

if(TLBKIT_MINGW_CXX)
  set(tlbkit_listing_flags -std=c++17 -O1 -Wall -Wextra -Wpedantic -Wshadow -Wconversion)
  if(TLBKIT_WERROR)
    list(APPEND tlbkit_listing_flags -Werror)
  endif()
  # Static: the .exe needs no MinGW runtime DLLs inside the Wine prefix. -municode: wmain, so
  # paths reach LoadTypeLibEx as UTF-16 unchanged.
  add_custom_command(
    OUTPUT ${tlbkit_listing_exe}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/oracle
    COMMAND ${TLBKIT_MINGW_CXX} ${tlbkit_listing_flags} -municode -static
            -o ${tlbkit_listing_exe} ${tlbkit_listing_src} -loleaut32 -lole32 -luuid
    DEPENDS ${tlbkit_listing_src}
    COMMENT "Building the runtime listing program tests/oracle/tlbkit-listing.exe (MinGW-w64)"
    VERBATIM)
  add_custom_target(tlbkit_listing ALL DEPENDS ${tlbkit_listing_exe})
  set(tlbkit_listing_env "TLBKIT_LISTING_EXE=${tlbkit_listing_exe}")
else()
  message(STATUS "x86_64-w64-mingw32-g++ not found: the runtime tests (cli_runtime_*) will skip")
  set(tlbkit_listing_env "TLBKIT_LISTING_EXE=")
endif()

# The runtime tests: they find the program (and beside it its private Wine prefix) through the
# environment, and exit 77 while what they need is missing.
file(GLOB tlbkit_runtime_tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/../cli/runtime_*.sh)
foreach(t IN LISTS tlbkit_runtime_tests)
  get_filename_component(n ${t} NAME_WE)
  if(TEST cli_${n})
    set_property(TEST cli_${n} APPEND PROPERTY ENVIRONMENT ${tlbkit_listing_env})
    set_property(TEST cli_${n} APPEND PROPERTY LABELS runtime)
    set_property(TEST cli_${n} PROPERTY TIMEOUT 900)
  endif()
endforeach()
