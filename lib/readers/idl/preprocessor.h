// The IDL preprocessor: reads a file and what it #includes, runs the C preprocessor's directives
// and macro expansion, and produces the token stream the parser reads. Layer: readers.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/automation.h"
#include "readers/idl/token.h"
#include "support/diagnostics.h"

namespace tlbkit::idl {

struct PreprocessOptions {
  /// -I: searched in order for <…> includes, and after the including file's folder for "…".
  std::vector<std::string> include_dirs;
  /// -D NAME[=VALUE] (nullopt value = "1") and -U NAME, applied in order after the predefined
  /// macros.
  std::vector<std::pair<std::string, std::optional<std::string>>> defines;
  std::vector<std::string> undefines;
  /// Macros every translation unit starts with (the target's, e.g. __midl, _WIN32, _WIN64).
  std::vector<std::pair<std::string, std::string>> predefined;
  /// Reads a file; nullopt when it does not exist. Default: the disk. Tests pass a map.
  std::function<std::optional<std::string>(const std::string& path)> read_file;
};

/// The macros a translation unit starts with for a target, as MIDL/widl predefine them
/// (__midl, __WIDL__, _WIN32, _WIN64 …).
std::vector<std::pair<std::string, std::string>> target_macros(model::SysKind target);

struct TokenStream {
  std::vector<Token> tokens;  // ends with one TokKind::End
  SourceMap sources;
};

/// Preprocesses `path` (and everything it includes). Errors (missing file, include cycle,
/// #error, bad directive or expression) are reported with file:line:column and the include
/// chain; the stream is still returned for what could be read, so the parser can report more.
/// nullopt only when the main file itself cannot be read.
std::optional<TokenStream> preprocess(const std::string& path, const PreprocessOptions& opts,
                                      support::DiagEngine& diags);

}  // namespace tlbkit::idl
