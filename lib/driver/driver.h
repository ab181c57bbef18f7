// The pipeline behind every command: options → read the input → find referenced libraries →
// write the requested output. cmd/main.cpp only fills Options and calls run_main. Layer: driver.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "support/diagnostics.h"
#include "support/output_sink.h"

namespace tlbkit::driver {

enum class Command : uint8_t { Inspect, Export, Import };

struct Options {
  Command command = Command::Inspect;
  std::string input;                     // may end in "\N" to pick TYPELIB resource N
  /// export with more than one INPUT (a batch): each is written to OUTPUT_DIR/<stem>.tlb, the
  /// IDL files they import read once for all; `input` is then unused. ADDITIVE.
  std::vector<std::string> inputs;
  std::optional<uint32_t> resource;      // --resource N (wins over a "\N" suffix)
  bool list_resources = false;           // --list-resources: list the TYPELIB resources
  std::string format = "text";           // inspect: text | json | idl | oleaut
  std::string output = "-";              // -o FILE; "-" = standard output
  std::vector<std::string> tlb_paths;    // --tlb-path DIR: where referenced libraries are found
  std::vector<std::string> references;   // --reference FILE: a referenced library
  /// --target: the platform a written library (and an IDL input's layout) is for. Default: an
  /// IDL input is compiled for win64; a typelib or JSON input keeps its own.
  std::optional<std::string> target;      // "win32" | "win64"
  std::vector<std::string> include_dirs;  // -I DIR: IDL #include/import search path
  std::vector<std::string> defines;       // -D NAME[=VALUE]
  std::vector<std::string> undefines;     // -U NAME
  // Header input (C/C++ read with libclang).
  std::string sysroot;                           // --sysroot DIR
  std::vector<std::string> clang_args;           // --clang-arg ARG
  std::vector<std::string> header_includes;      // --include PATTERN
  std::string dll;                               // --dll NAME
  std::string dll_map;                           // --dll-map FILE
  support::DiagStyle diag_style = support::DiagStyle::Gcc;

  // import: C++ bindings (as MSVC's #import) and/or a JSON descriptor.
  std::string cpp_dir;                   // --cpp DIR: <Lib>.h per library + tlbkit_com.h
  std::string json_output;               // --json FILE
  std::string cpp_namespace;             // --namespace NAME (default: the library's name)
  bool no_namespace = false;             // --no-namespace
  bool raw_interfaces_only = false;      // --raw-interfaces-only
  bool named_guids = false;              // --named-guids
  std::vector<std::string> renames;      // --rename OLD=NEW
  /// --exclude: a header's declarations matching the pattern are not taken; import --cpp leaves a
  /// type of that name out (declared elsewhere), as #import's exclude().
  std::vector<std::string> excludes;
  std::optional<std::string> raw_method_prefix;   // --raw-method-prefix P (default raw_)
  std::optional<std::string> high_method_prefix;  // --high-method-prefix P (default none)
};

/// Exit codes, as the design fixes them.
inline constexpr int kExitOk = 0, kExitInputError = 1, kExitUsage = 2, kExitInternal = 3;

/// Runs one command; diagnostics go to `diags`, outputs to `sink`. Returns the exit code.
int run(const Options& opts, support::DiagEngine& diags, support::OutputSink& sink);

/// run() with diagnostics printed to stderr and outputs written to disk/stdout.
int run_main(const Options& opts);

/// The output formats `inspect` accepts, for the command line's help and checks.
const std::vector<std::string>& inspect_formats();
/// The targets `export --target` accepts.
const std::vector<std::string>& targets();

}  // namespace tlbkit::driver
