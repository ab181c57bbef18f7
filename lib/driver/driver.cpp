// The pipeline: read → gather references → write. Layer: driver.
#include "driver/driver.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <map>

#include "driver/import.h"
#include "driver/inputs.h"
#include "model/layout.h"
#include "model/library_set.h"
#include "readers/idl/idl_reader.h"
#include "readers/tlb/tlb_reader.h"
#include "support/file_io.h"
#include "writers/idl/idl_writer.h"
#include "writers/json/json_writer.h"
#include "writers/oleaut/oleaut_writer.h"
#include "writers/text/text_writer.h"
#include "writers/tlb/tlb_writer.h"

namespace tlbkit::driver {

const std::vector<std::string>& inspect_formats() {
  static const std::vector<std::string> formats = {"text", "json", "idl", "oleaut"};
  return formats;
}

const std::vector<std::string>& targets() {
  static const std::vector<std::string> names = {"win32", "win64"};
  return names;
}

namespace {
int exit_code_for(const support::DiagEngine& diags) {
  return diags.has_errors() ? kExitInputError : kExitOk;
}

/// --list-resources: one line per TYPELIB resource of a PE file (or the bare library itself).
int list_resources(const std::string& file, support::DiagEngine& diags,
                   support::OutputSink& sink, const std::string& output) {
  std::vector<uint8_t> bytes;
  std::string error;
  if (!support::read_file(file, bytes, error)) {
    diags.error("TK1001", support::Location::in_file(file), "cannot read input: " + error);
    return kExitInputError;
  }
  std::string out;
  if (bytes.size() >= 2 && bytes[0] == 'M' && bytes[1] == 'Z') {
    for (const auto& r : tlb::list_typelib_resources(bytes, file, diags)) {
      support::DiagEngine quiet;
      auto lib = tlb::read_typelib(bytes, file, r.id, quiet);
      out += file + "\\" + std::to_string(r.id) + " offset=" + std::to_string(r.file_offset) +
             " size=" + std::to_string(r.size) + " library=" + (lib ? lib->name : "?") + "\n";
    }
  } else if (auto lib = tlb::read_typelib(bytes, file, std::nullopt, diags)) {
    out += file + " offset=0 size=" + std::to_string(bytes.size()) + " library=" + lib->name +
           "\n";
  }
  if (diags.has_errors()) return kExitInputError;
  if (std::string e = sink.put(output, out); !e.empty()) {
    diags.error("TK1010", support::Location::in_file(output), e);
    return kExitInputError;
  }
  return kExitOk;
}
/// The listing writer emulates the runtime's loader of the input's format (MSFT unless it is an
/// SLTG type library).
oleaut::ListingOptions listing_options(const InputPath& in) {
  oleaut::ListingOptions o;
  std::vector<uint8_t> bytes;
  std::string error;
  if (support::read_file(in.file, bytes, error) &&
      tlb::typelib_format(bytes, in.resource) == tlb::TypelibFormat::Sltg)
    o.loader = oleaut::Loader::Sltg;
  return o;
}
}  // namespace

namespace {
model::SysKind target_of(const std::string& name) {
  return name == "win32" ? model::SysKind::Win32 : model::SysKind::Win64;
}

SourceOptions source_options(const Options& opts,
                             std::shared_ptr<idl::ImportCache> cache = nullptr) {
  SourceOptions s;
  s.import_cache = std::move(cache);
  s.include_dirs = opts.include_dirs;
  s.defines = opts.defines;
  s.undefines = opts.undefines;
  if (opts.target) s.target = target_of(*opts.target);
  s.tlb_paths = opts.tlb_paths;
  s.references = opts.references;
  s.sysroot = opts.sysroot;
  s.clang_args = opts.clang_args;
  s.include_patterns = opts.header_includes;
  s.exclude_patterns = opts.excludes;
  s.dll = opts.dll;
  s.dll_map = opts.dll_map;
  return s;
}

bool put(support::OutputSink& sink, const std::string& path, const std::string& bytes,
         support::DiagEngine& diags) {
  if (std::string e = sink.put(path, bytes); !e.empty()) {
    diags.error("TK1010", support::Location::in_file(path), e);
    return false;
  }
  return true;
}

/// inspect: one view of the library.
int inspect(const Options& opts, const InputPath& in, model::Library& lib,
            const model::LibrarySet& set, support::DiagEngine& diags,
            support::OutputSink& sink) {
  std::string out;
  if (opts.format == "json") {
    out = json::write_json(lib);
  } else if (opts.format == "oleaut") {
    out = oleaut::write_listing(lib, set, listing_options(in));
  } else if (opts.format == "text") {
    out = text::write_text(lib, set);
  } else if (opts.format == "idl") {
    out = idlw::write_idl(lib);
  } else {
    diags.error("TK9001", {}, "unknown format '" + opts.format + "'");
    return kExitUsage;
  }
  if (!put(sink, opts.output, out, diags)) return kExitInputError;
  return exit_code_for(diags);
}

/// export: the library as an MSFT type library for the target. A compiled input keeps its own
/// platform unless --target asks for another, which recomputes its layout.
int export_typelib(const Options& opts, model::Library& lib, const model::LibrarySet& set,
                   support::DiagEngine& diags, support::OutputSink& sink) {
  if (opts.output.empty() || opts.output == "-") {
    diags.error("TK9002", {}, "export writes a binary type library: name it with -o OUT.tlb");
    return kExitUsage;
  }
  if (opts.target && target_of(*opts.target) != lib.syskind)
    model::compute_layout(lib, target_of(*opts.target), &set, diags,
                          model::recorded_style(lib));
  if (diags.has_errors()) return kExitInputError;
  auto bytes = tlbw::write_typelib(lib, diags);
  if (!bytes || diags.has_errors()) return kExitInputError;
  if (!put(sink, opts.output, *bytes, diags)) return kExitInputError;
  return exit_code_for(diags);
}
}  // namespace

namespace {
/// One input, one command; `cache` (may be null) is shared by the inputs of a batch.
int run_one(const Options& opts, const std::shared_ptr<idl::ImportCache>& cache,
            support::DiagEngine& diags, support::OutputSink& sink) {
  InputPath in = split_resource_suffix(opts.input);
  if (opts.resource) in.resource = opts.resource;
  if (opts.list_resources) return list_resources(in.file, diags, sink, opts.output);

  auto lib = load_library(in.file, in.resource, source_options(opts, cache), diags);
  if (!lib || diags.has_errors()) return kExitInputError;

  model::LibrarySet set;
  gather_references(*lib, opts.tlb_paths, opts.references, set, diags);
  if (diags.has_errors()) return exit_code_for(diags);

  if (opts.command == Command::Export) return export_typelib(opts, *lib, set, diags, sink);
  if (opts.command == Command::Import) return import_library(opts, in.file, *lib, set, diags, sink);
  return inspect(opts, in, *lib, set, diags, sink);
}

/// export of several inputs: -o names a directory (created when missing); each input becomes
/// DIR/<stem>.tlb with its own diagnostics and error limit, one failing input does not stop the
/// others, and imported IDL files are read once for all of them.
int export_batch(const Options& opts, support::DiagEngine& diags, support::OutputSink& sink) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (opts.output.empty() || opts.output == "-" ||
      (fs::exists(opts.output, ec) && !fs::is_directory(opts.output, ec))) {
    diags.error("TK9003", {}, "export with several inputs writes one type library each: name "
                              "a directory with -o DIR");
    return kExitUsage;
  }
  std::map<std::string, std::string> by_stem;
  for (const std::string& input : opts.inputs) {
    std::string stem = fs::path(split_resource_suffix(input).file).stem().string();
    auto [it, fresh] = by_stem.emplace(stem, input);
    if (!fresh) {
      diags.error("TK9004", {}, "'" + it->second + "' and '" + input + "' would both be written to '" +
                                    stem + ".tlb'");
      return kExitUsage;
    }
  }
  auto cache = idl::make_import_cache();
  int rc = kExitOk;
  for (const std::string& input : opts.inputs) {
    Options one = opts;
    one.inputs.clear();
    one.input = input;
    one.output = (fs::path(opts.output) / (fs::path(split_resource_suffix(input).file).stem()
                                               .string() + ".tlb")).string();
    support::DiagEngine own;
    rc = std::max(rc, run_one(one, cache, own, sink));
    for (const support::Diagnostic& d : own.all()) diags.report(d);
  }
  return rc;
}
}  // namespace

int run(const Options& opts, support::DiagEngine& diags, support::OutputSink& sink) {
  if (opts.command == Command::Export && opts.inputs.size() > 1)
    return export_batch(opts, diags, sink);
  if (opts.inputs.size() == 1 && opts.input.empty()) {
    Options one = opts;
    one.input = opts.inputs.front();
    return run_one(one, nullptr, diags, sink);
  }
  return run_one(opts, nullptr, diags, sink);
}

int run_main(const Options& opts) {
  // A batch reports every input's diagnostics (each input has its own error limit).
  support::DiagEngine diags = opts.inputs.size() > 1 ? support::DiagEngine(0) : support::DiagEngine();
  support::DiskSink sink;
  int rc;
  try {
    rc = run(opts, diags, sink);
  } catch (const std::exception& e) {
    diags.error("TK9999", {}, std::string("internal error: ") + e.what());
    rc = kExitInternal;
  }
  for (const auto& d : diags.all())
    std::fputs(support::format_diagnostic(d, opts.diag_style).c_str(), stderr);
  return rc;
}

}  // namespace tlbkit::driver
