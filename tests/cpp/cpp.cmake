# cpp.cmake — end-to-end programs and compile checks of generated C++ (empty for now).
