# support.cmake - the support header's own tests: cpp_support_runtime builds
# tests/cpp/support/support_*_test.cpp and second_tu.cpp with MinGW-w64 into one program and
# runs it under Wine (tests/cpp/e2e/run-e2e.sh, as the end-to-end programs);
# cpp_support_compile compiles lib/writers/cpp/runtime/tlbkit_com.h alone, after <windows.h>
# in its usual configurations, and the test program's template uses, with every compiler at hand
# (compile.sh). Included from tests/CMakeLists.txt after oracle.cmake (which finds
# TLBKIT_MINGW_CXX). Without MinGW-w64 nothing is built and the tests skip (exit 77).
# Layer: tests (build).

set(tlbkit_support_dir ${PROJECT_SOURCE_DIR}/lib/writers/cpp/runtime)
set(tlbkit_support_src ${CMAKE_CURRENT_LIST_DIR}/support_runtime_test.cpp
                       ${CMAKE_CURRENT_LIST_DIR}/support_dispatch_test.cpp
                       ${CMAKE_CURRENT_LIST_DIR}/second_tu.cpp)
set(tlbkit_support_exe ${CMAKE_CURRENT_BINARY_DIR}/cpp-support/support_runtime_test.exe)

if(TLBKIT_MINGW_CXX)
  set(tlbkit_support_flags -std=c++17 -O1 -Wall -Wextra -Wpedantic -Wshadow -Wconversion)
  if(TLBKIT_WERROR)
    list(APPEND tlbkit_support_flags -Werror)
  endif()
  # Static: the .exe needs no MinGW runtime DLLs inside the Wine prefix.
  add_custom_command(
    OUTPUT ${tlbkit_support_exe}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/cpp-support
    COMMAND ${TLBKIT_MINGW_CXX} ${tlbkit_support_flags} -static -I ${tlbkit_support_dir}
            -o ${tlbkit_support_exe} ${tlbkit_support_src} -lole32 -loleaut32 -luuid
    DEPENDS ${tlbkit_support_src} ${CMAKE_CURRENT_LIST_DIR}/support_check.h
            ${tlbkit_support_dir}/tlbkit_com.h
    COMMENT "Building the support header's runtime test tests/cpp/support/support_runtime_test.exe (MinGW-w64)"
    VERBATIM)
  add_custom_target(cpp_support_runtime_exe ALL DEPENDS ${tlbkit_support_exe})
else()
  message(STATUS "x86_64-w64-mingw32-g++ not found: cpp_support_runtime will skip")
endif()

add_test(NAME cpp_support_runtime
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/../e2e/run-e2e.sh ${tlbkit_support_exe})
set_tests_properties(cpp_support_runtime PROPERTIES SKIP_RETURN_CODE 77 LABELS runtime
                     TIMEOUT 600)

add_test(NAME cpp_support_compile
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/compile.sh ${tlbkit_support_dir}
                 ${CMAKE_CURRENT_BINARY_DIR}/cpp-support-compile)
set_tests_properties(cpp_support_compile PROPERTIES SKIP_RETURN_CODE 77 LABELS cpp TIMEOUT 600)
