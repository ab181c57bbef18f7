# cpp.cmake — issue 4's proof for generated C++: the corpus compile checks (three compilers) and
# the end-to-end program against Wine's real Scripting runtime. Included from tests/CMakeLists.txt
# after oracle.cmake (which finds TLBKIT_MINGW_CXX) and the cli_* tests. Layer: tests (build).

# ---- Every corpus library, widl IDL file and golden case compiles (tests/cpp/compile-corpus.sh) ---
# The headers are generated and compiled when the test runs, not at build time: a generator that
# writes code which does not compile fails these tests, never the build of the rest.
foreach(id gcc64 gcc32 clang64)
  add_test(NAME cpp_compile_${id}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/compile-corpus.sh $<TARGET_FILE:tlbkit>
                   ${PROJECT_SOURCE_DIR} ${id} ${CMAKE_CURRENT_BINARY_DIR}/cpp-compile/${id})
  set_tests_properties(cpp_compile_${id} PROPERTIES SKIP_RETURN_CODE 77 LABELS cpp TIMEOUT 3600)
endforeach()

# The golden test of the generated code (tests/cli/cpp_golden.sh, wired with the other cli tests).
if(TEST cli_cpp_golden)
  set_property(TEST cli_cpp_golden APPEND PROPERTY LABELS cpp)
endif()

# ---- End to end: tests/cpp/e2e/scrrun_e2e.cpp against Wine's scrrun.dll ---------------------------
# The bindings are generated into the build folder from the corpus's scrrun.dll, then the program
# is built with MinGW-w64 (static: the prefix needs no MinGW runtime DLLs). The target is not part
# of ALL (a generator in progress must not break everyone's build): the fixture test
# cpp_e2e_scrrun_build builds it, cpp_e2e_scrrun runs it under Wine (tests/cpp/e2e/run-e2e.sh).
set(tlbkit_e2e_dir ${CMAKE_CURRENT_BINARY_DIR}/cpp-e2e)
set(tlbkit_e2e_scrrun_exe ${tlbkit_e2e_dir}/scrrun_e2e.exe)
if(TLBKIT_MINGW_CXX)
  set(tlbkit_e2e_flags -std=c++17 -O1 -Wall -Wextra -Werror -static)
  set(tlbkit_e2e_support ${PROJECT_SOURCE_DIR}/lib/writers/cpp/runtime/tlbkit_com.h)
  add_custom_command(
    OUTPUT ${tlbkit_e2e_dir}/scrrun/Scripting.h
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${tlbkit_e2e_dir}/scrrun
    COMMAND $<TARGET_FILE:tlbkit> import ${PROJECT_SOURCE_DIR}/testdata/corpus/wine/scrrun.dll
            --cpp ${tlbkit_e2e_dir}/scrrun
    DEPENDS tlbkit ${PROJECT_SOURCE_DIR}/testdata/corpus/wine/scrrun.dll ${tlbkit_e2e_support}
    COMMENT "Generating C++ bindings for Wine's scrrun.dll (tlbkit import --cpp)"
    VERBATIM)
  add_custom_command(
    OUTPUT ${tlbkit_e2e_scrrun_exe}
    COMMAND ${TLBKIT_MINGW_CXX} ${tlbkit_e2e_flags} -I ${tlbkit_e2e_dir}/scrrun
            -o ${tlbkit_e2e_scrrun_exe} ${CMAKE_CURRENT_LIST_DIR}/e2e/scrrun_e2e.cpp
            -lole32 -loleaut32 -luuid
    DEPENDS ${CMAKE_CURRENT_LIST_DIR}/e2e/scrrun_e2e.cpp ${tlbkit_e2e_dir}/scrrun/Scripting.h
    COMMENT "Building the end-to-end program tests/cpp/e2e/scrrun_e2e.cpp (MinGW-w64)"
    VERBATIM)
  add_custom_target(cpp_e2e_scrrun_exe DEPENDS ${tlbkit_e2e_scrrun_exe})
  add_test(NAME cpp_e2e_scrrun_build
           COMMAND ${CMAKE_COMMAND} --build ${PROJECT_BINARY_DIR} --target cpp_e2e_scrrun_exe)
  set_tests_properties(cpp_e2e_scrrun_build PROPERTIES FIXTURES_SETUP cpp_e2e LABELS "runtime;cpp"
                       TIMEOUT 600)
else()
  message(STATUS "x86_64-w64-mingw32-g++ not found: cpp_e2e_* will skip")
endif()
add_test(NAME cpp_e2e_scrrun
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/e2e/run-e2e.sh ${tlbkit_e2e_scrrun_exe})
set_tests_properties(cpp_e2e_scrrun PROPERTIES SKIP_RETURN_CODE 77 LABELS "runtime;cpp" TIMEOUT 600)
if(TLBKIT_MINGW_CXX)
  set_tests_properties(cpp_e2e_scrrun PROPERTIES FIXTURES_REQUIRED cpp_e2e)
endif()
