// Reads C and C++ headers into model::Library with libclang: DLL functions, structs and unions
// with the target's layout, enums, typedefs, constants, and COM interfaces in the SDK's C++ and C
// forms, for an explicit Windows target. Layer: readers.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/library.h"
#include "support/diagnostics.h"

namespace tlbkit::cheader {

/// One line of a --dll-map file: functions whose name matches `pattern` (a glob: * and ?) live
/// in `dll`.
struct DllRule {
  std::string pattern;
  std::string dll;
};

struct CHeaderOptions {
  /// --target: win64 parses for x86_64-w64-mingw32, win32 for i686-w64-mingw32; layouts are the
  /// target's (long is 32 bits).
  model::SysKind target = model::SysKind::Win64;
  std::vector<std::string> include_dirs;  // -I DIR
  std::vector<std::string> defines;       // -D NAME[=VALUE]
  std::vector<std::string> undefines;     // -U NAME
  /// --sysroot DIR; empty: clang's own search, which finds MinGW-w64's headers
  /// (/usr/x86_64-w64-mingw32, /usr/i686-w64-mingw32) for the MinGW triples.
  std::string sysroot;
  /// --clang-arg ARG (repeatable): passed to clang as is, after tlbkit's own arguments.
  std::vector<std::string> clang_args;
  /// --include PATTERN / --exclude PATTERN (globs with * and ?). A declaration is taken when it
  /// is in the named header, or its name or its header's file name matches an --include
  /// pattern; and neither its name nor its header's file name matches an --exclude pattern. A
  /// type a taken declaration needs is carried along as its dependency even when not taken.
  std::vector<std::string> include_patterns;
  std::vector<std::string> exclude_patterns;
  /// --dll NAME: the DLL of every function no --dll-map rule places.
  std::string dll;
  /// --dll-map FILE, read with read_dll_map: the first matching rule wins.
  std::vector<DllRule> dll_rules;
};

/// The declarations of `path` as a library named after the header's file stem, with a LIBID
/// derived from that name (so `export` can write it), sizes and offsets as clang lays them out for
/// opts.target, and stdole imported for the OLE Automation types (IUnknown, IDispatch, GUID …).
/// nullopt when errors were reported (clang's among them, in tlbkit's format).
std::optional<model::Library> read_cheader(const std::string& path, const CHeaderOptions& opts,
                                           support::DiagEngine& diags);

/// Reads a --dll-map file: one `PATTERN DLL` per line; blank lines and lines starting with '#'
/// are skipped. nullopt (with a file:line:col error) on a malformed line or an unreadable file.
std::optional<std::vector<DllRule>> read_dll_map(const std::string& path,
                                                 support::DiagEngine& diags);

}  // namespace tlbkit::cheader
