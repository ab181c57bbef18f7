// Names a generated header cannot use as they are: C++ keywords and the Windows headers' macros
// that would break a declaration (see cpp_reserved.cpp for how the table was made). Layer: writers.
#pragma once
#include <string_view>

namespace tlbkit::cppw {

/// A C++20 keyword or alternative token ("class", "and", "co_await", …).
bool is_cpp_keyword(std::string_view name);
/// A macro of <windows.h>/<ole2.h>/<olectl.h>/<ocidl.h> (or the standard headers the generated
/// code includes) that is function-like or whose expansion is not a plain identifier.
bool is_breaking_macro(std::string_view name);
/// Either of the above: the name needs a trailing '_'.
bool is_reserved_name(std::string_view name);
/// A name the Windows SDK headers (or their macros) already use at global scope
/// (cpp_sdk_names.cpp): a namespace-scope name under --no-namespace needs a trailing '_'.
bool is_sdk_global(std::string_view name);
/// True when `stem` (any case) names a header the support header includes, directly or not.
bool is_sdk_header_stem(std::string_view stem);

}  // namespace tlbkit::cppw
