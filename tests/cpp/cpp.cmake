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

# ---- End to end: programs against Wine's real COM runtime (tests/cpp/e2e/NAME_e2e.cpp) ------------
# For each program, the bindings are generated into the build folder from a corpus library, then
# the program is built with MinGW-w64 (static: the prefix needs no MinGW runtime DLLs). The
# targets are not part of ALL (a generator in progress must not break everyone's build): the
# fixture test cpp_e2e_NAME_build builds one, cpp_e2e_NAME runs it under Wine
# (tests/cpp/e2e/run-e2e.sh, one private prefix for all in the build folder).
set(tlbkit_e2e_dir ${CMAKE_CURRENT_BINARY_DIR}/cpp-e2e)
# tlbkit_cpp_e2e(NAME INPUT HEADER [IMPORT-OPTION...]): INPUT relative to the source folder.
function(tlbkit_cpp_e2e name library header)
  set(exe ${tlbkit_e2e_dir}/${name}_e2e.exe)
  set(src ${CMAKE_CURRENT_LIST_DIR}/e2e/${name}_e2e.cpp)
  set(gen ${tlbkit_e2e_dir}/${name})
  if(TLBKIT_MINGW_CXX)
    add_custom_command(
      OUTPUT ${gen}/${header}
      COMMAND ${CMAKE_COMMAND} -E rm -rf ${gen}
      COMMAND $<TARGET_FILE:tlbkit> import ${PROJECT_SOURCE_DIR}/${library} ${ARGN} --cpp ${gen}
      DEPENDS tlbkit ${PROJECT_SOURCE_DIR}/${library}
              ${PROJECT_SOURCE_DIR}/lib/writers/cpp/runtime/tlbkit_com.h
      COMMENT "Generating C++ bindings for ${library} (tlbkit import --cpp)"
      VERBATIM)
    add_custom_command(
      OUTPUT ${exe}
      COMMAND ${TLBKIT_MINGW_CXX} -std=c++17 -O1 -Wall -Wextra -Werror -static -I ${gen}
              -o ${exe} ${src} -lole32 -loleaut32 -luuid
      DEPENDS ${src} ${gen}/${header}
      COMMENT "Building the end-to-end program tests/cpp/e2e/${name}_e2e.cpp (MinGW-w64)"
      VERBATIM)
    add_custom_target(cpp_e2e_${name}_exe DEPENDS ${exe})
    add_test(NAME cpp_e2e_${name}_build
             COMMAND ${CMAKE_COMMAND} --build ${PROJECT_BINARY_DIR} --target cpp_e2e_${name}_exe)
    # One build at a time: two ninja runs in one build folder (ctest -j) would clash.
    set_tests_properties(cpp_e2e_${name}_build PROPERTIES FIXTURES_SETUP cpp_e2e_${name}
                         RESOURCE_LOCK tlbkit_build_folder LABELS "runtime;cpp" TIMEOUT 600)
  endif()
  add_test(NAME cpp_e2e_${name} COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/e2e/run-e2e.sh ${exe})
  set_tests_properties(cpp_e2e_${name} PROPERTIES SKIP_RETURN_CODE 77 LABELS "runtime;cpp"
                       TIMEOUT 600)
  if(TLBKIT_MINGW_CXX)
    set_tests_properties(cpp_e2e_${name} PROPERTIES FIXTURES_REQUIRED cpp_e2e_${name})
  endif()
endfunction()
if(NOT TLBKIT_MINGW_CXX)
  message(STATUS "x86_64-w64-mingw32-g++ not found: cpp_e2e_* will skip")
endif()
# Scripting.Dictionary and FileSystemObject (the proof issue 4 names).
tlbkit_cpp_e2e(scrrun testdata/corpus/wine/scrrun.dll Scripting.h)
# MSXML 6: DOMDocument60, XPath, a parse error, and an event sink's Advise/Unadvise.
tlbkit_cpp_e2e(msxml6 testdata/corpus/wine/msxml6.dll MSXML2.h)
# The generated dispinterface (Invoke) wrappers driving the real Scripting.Dictionary.
tlbkit_cpp_e2e(dispatch tests/cpp/e2e/dispatch_e2e.idl DispatchE2E.h
               -I ${PROJECT_SOURCE_DIR}/testdata/idl/wine-include
               -I ${PROJECT_SOURCE_DIR}/testdata/idl/wine-headers)
# Issue 5: bindings generated from a C header (widl's msxml6.h, read as C) driving MSXML 6.
tlbkit_cpp_e2e(header_msxml6 testdata/cheader/widl-h/msxml6.h msxml6.h
               --clang-arg=-x --clang-arg=c -D__msxml_h__)
# The generated event sinks called through the generated wrappers (no COM server needed).
tlbkit_cpp_e2e(events tests/cpp/e2e/events_e2e.idl EventsE2E.h
               -I ${PROJECT_SOURCE_DIR}/testdata/idl/wine-include
               -I ${PROJECT_SOURCE_DIR}/testdata/idl/wine-headers)
