// tlbkit's command line: maps CLI11 options onto driver::Options and calls the driver. No logic
// lives here. Layer: cmd.
#include <CLI/CLI.hpp>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "driver/driver.h"

namespace {
using tlbkit::driver::Options;

/// The options every command that reads an input shares: the input, how referenced libraries
/// are found, and how IDL source is preprocessed.
/// Repeatable options take one value per use (`-I a -I b`), so a following INPUT is not
/// swallowed by the list.
/// `many`: INPUT may be given several times (export's batch: -o is then a directory).
void add_input_options(CLI::App* cmd, Options& opts, bool many = false) {
  const char* what =
      "a .tlb/.olb, a PE file with a TYPELIB resource (file.dll\\N picks resource N), a JSON "
      "descriptor, IDL (.idl/.odl), or a C/C++ header (.h/.hpp/.hxx, read with libclang)";
  if (many)
    cmd->add_option("INPUT", opts.inputs,
                    std::string(what) + "; several inputs are each written to DIR/<stem>.tlb "
                    "with -o DIR, imported IDL files read once for all")
        ->required();
  else
    cmd->add_option("INPUT", opts.input, what)->required();
  cmd->add_option("--resource", opts.resource, "the TYPELIB resource ID to read (default 1)");
  cmd->add_option("-L,--tlb-path", opts.tlb_paths,
                  "a directory where referenced libraries (and IDL importlibs) are found")
      ->allow_extra_args(false);
  cmd->add_option("--reference", opts.references, "a referenced library file")
      ->allow_extra_args(false);
  cmd->add_option("-I", opts.include_dirs,
                  "IDL, headers: a directory searched by #include and import")
      ->allow_extra_args(false);
  cmd->add_option("-D", opts.defines, "IDL, headers: define a macro, NAME or NAME=VALUE")
      ->allow_extra_args(false);
  cmd->add_option("-U", opts.undefines, "IDL, headers: undefine a macro")
      ->allow_extra_args(false);
  cmd->add_option("--target", opts.target,
                  "the platform: win32 or win64 (IDL and headers default win64; a compiled "
                  "library keeps its own unless told)")
      ->check(CLI::IsMember(tlbkit::driver::targets()));
  cmd->add_option("--sysroot", opts.sysroot,
                  "headers: the SDK's root (default: clang finds MinGW-w64's)");
  cmd->add_option("--clang-arg", opts.clang_args, "headers: an argument passed to clang as is")
      ->allow_extra_args(false);
  cmd->add_option("--include", opts.header_includes,
                  "headers: also take declarations whose name or header file matches PATTERN "
                  "(* and ?), e.g. --include mshtml.h")
      ->allow_extra_args(false);
  cmd->add_option("--exclude", opts.excludes,
                  "headers: leave out declarations whose name or header matches PATTERN; "
                  "import --cpp: leave the type NAME out (declared elsewhere)")
      ->allow_extra_args(false);
  cmd->add_option("--dll", opts.dll, "headers: the DLL the header's functions live in");
  cmd->add_option("--dll-map", opts.dll_map,
                  "headers: a file of `FUNCTION-PATTERN DLL` lines (first match wins, then --dll)");
}
}  // namespace

int main(int argc, char** argv) {
  using namespace tlbkit;
#if defined(__GLIBC__)
  // Compiling IDL allocates and frees token and tree buffers of megabytes, file after imported
  // file. glibc's default top pad (128 KiB) gives that memory back to the kernel at each free and
  // faults it in again at the next file; a 64 MiB pad keeps it (measured: a third fewer page
  // faults, 15% less time for a library that imports oaidl.idl). Not in the library: the process
  // decides how its allocator behaves.
  mallopt(M_TOP_PAD, 64 << 20);
#endif
  CLI::App app{"tlbkit: read, convert and inspect COM type libraries, IDL and headers"};
  app.require_subcommand(1);
  driver::Options opts;
  std::string diag_format = "gcc";

  auto* inspect = app.add_subcommand("inspect", "look inside a library");
  add_input_options(inspect, opts);
  inspect->add_option("--format", opts.format, "text (default), json, idl or oleaut")
      ->check(CLI::IsMember(driver::inspect_formats()));
  inspect->add_option("-o,--output", opts.output, "write here instead of standard output");
  inspect->add_flag("--list-resources", opts.list_resources,
                    "list the TYPELIB resources of a PE file");

  auto* exp = app.add_subcommand("export", "write an MSFT type library (midl /tlb, tlbexp)");
  add_input_options(exp, opts, true);
  exp->add_option("-o,--output", opts.output,
                  "the type library to write (a directory for several inputs)")
      ->required();
  auto* imp = app.add_subcommand(
      "import", "bindings from a library: C++ headers (a portable #import), a JSON descriptor");
  add_input_options(imp, opts);
  imp->add_option("--cpp", opts.cpp_dir,
                  "write C++ bindings here: <Library>.h per library and tlbkit_com.h");
  imp->add_option("--json", opts.json_output, "write the library's JSON descriptor here");
  imp->add_option("--namespace", opts.cpp_namespace,
                  "C++: the namespace of the declarations (default: the library's name)");
  imp->add_flag("--no-namespace", opts.no_namespace, "C++: declarations at global scope");
  imp->add_flag("--raw-interfaces-only", opts.raw_interfaces_only,
                "C++: raw vtable interfaces only, no wrappers (raw methods without a prefix)");
  imp->add_flag("--named-guids", opts.named_guids,
                "C++: LIBID_/IID_/DIID_/CLSID_ constants");
  imp->add_option("--rename", opts.renames, "C++: rename a library name, OLD=NEW")
      ->allow_extra_args(false);
  imp->add_option("--raw-method-prefix", opts.raw_method_prefix,
                  "C++: prefix of raw vtable methods (default raw_)");
  imp->add_option("--high-method-prefix", opts.high_method_prefix,
                  "C++: prefix of the throwing wrapper methods (default none)");

  app.add_option("--diagnostics-format", diag_format, "gcc (default) or msvc")
      ->check(CLI::IsMember({"gcc", "msvc"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? driver::kExitOk : driver::kExitUsage;
  }
  if (imp->parsed()) opts.command = driver::Command::Import;
  if (exp->parsed()) {
    opts.command = driver::Command::Export;
    if (opts.inputs.size() == 1) opts.input = opts.inputs.front();
  }
  opts.diag_style = diag_format == "msvc" ? support::DiagStyle::Msvc : support::DiagStyle::Gcc;
  return driver::run_main(opts);
}
