// Writes model::Library as C++ bindings — what MSVC's `#import` gives, for any C++17 compiler
// with the Windows SDK headers (MinGW-w64 g++, clang, MSVC): one header per library plus the
// support header tlbkit_com.h beside it. Layer: writers.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/library.h"
#include "model/library_set.h"
#include "support/diagnostics.h"

namespace tlbkit::cppw {

/// The options `#import` users know, as `tlbkit import --cpp` takes them.
struct CppOptions {
  /// --namespace NAME: the namespace of the main library's declarations (default: the library's
  /// name). Libraries it refers to always use their own name.
  std::string namespace_name;
  bool no_namespace = false;          // --no-namespace: declarations at global scope
  bool raw_interfaces_only = false;   // --raw-interfaces-only: raw vtables only, no raw_ prefix
  bool named_guids = false;           // --named-guids: LIBID_/IID_/DIID_/CLSID_ constants
  std::vector<std::pair<std::string, std::string>> renames;  // --rename OLD=NEW (library names)
  std::vector<std::string> excludes;  // --exclude NAME: types left out
  std::string raw_method_prefix = "raw_";  // --raw-method-prefix
  std::string high_method_prefix;          // --high-method-prefix
  /// The input's file name for the banner line (no directory: output must not depend on where
  /// the input lives).
  std::string input_name;
};

/// The file name of a library's header: "<library name>.h" (the name made a safe file name, with
/// a trailing _ while it is the name of a header the SDK's headers include: ocidl_.h).
std::string header_name(const model::Library& lib);

/// The header for `lib`. `set` holds the libraries at hand (the main one, --tlb-path and
/// --reference ones, stdole): types of another library in `set` are spelled as that library's
/// header declares them (and the header includes it); stdole's types map to the Windows headers'
/// own declarations; a type of a library not at hand becomes a stand-in that still compiles
/// (an interface pointer → IUnknown*), with warning TK7001 naming what is missing.
/// Problems are reported in TK70xx; the text is always complete and compiles.
std::string write_header(const model::Library& lib, const model::LibrarySet& set,
                         const CppOptions& opts, support::DiagEngine& diags);

/// The support header every generated header includes, and its file name.
inline constexpr std::string_view kSupportHeaderName = "tlbkit_com.h";
std::string_view support_header_text();

}  // namespace tlbkit::cppw
