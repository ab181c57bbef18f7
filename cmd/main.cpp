// tlbkit's command line: maps CLI11 options onto driver::Options and calls the driver. No logic
// lives here. Layer: cmd.
#include <CLI/CLI.hpp>

#include "driver/driver.h"

int main(int argc, char** argv) {
  using namespace tlbkit;
  CLI::App app{"tlbkit: read, convert and inspect COM type libraries, IDL and headers"};
  app.require_subcommand(1);
  driver::Options opts;
  std::string diag_format = "gcc";

  auto* inspect = app.add_subcommand("inspect", "look inside a library");
  inspect->add_option("INPUT", opts.input, "a .tlb/.olb, a PE file with a TYPELIB resource "
                                           "(file.dll\\N picks resource N), or a JSON descriptor")
      ->required();
  inspect->add_option("--format", opts.format, "text (default), json or oleaut")
      ->check(CLI::IsMember(driver::inspect_formats()));
  inspect->add_option("-o,--output", opts.output, "write here instead of standard output");
  inspect->add_option("--resource", opts.resource, "the TYPELIB resource ID to read (default 1)");
  inspect->add_flag("--list-resources", opts.list_resources,
                    "list the TYPELIB resources of a PE file");
  inspect->add_option("--tlb-path", opts.tlb_paths,
                      "a directory where referenced libraries are found by LIBID and version");
  inspect->add_option("--reference", opts.references, "a referenced library file");
  app.add_option("--diagnostics-format", diag_format, "gcc (default) or msvc")
      ->check(CLI::IsMember({"gcc", "msvc"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? driver::kExitOk : driver::kExitUsage;
  }
  opts.diag_style = diag_format == "msvc" ? support::DiagStyle::Msvc : support::DiagStyle::Gcc;
  return driver::run_main(opts);
}
