// The import command: C++ bindings for the library and for each library it refers to that is at
// hand, the support header beside them, and/or a JSON descriptor. Layer: driver.
#include "driver/import.h"

#include <filesystem>
#include <map>
#include <set>

#include "writers/cpp/cpp_writer.h"
#include "writers/json/json_writer.h"

namespace tlbkit::driver {
namespace {

/// --rename OLD=NEW pairs; a malformed one is a usage error (TK9005).
bool parse_renames(const std::vector<std::string>& in,
                   std::vector<std::pair<std::string, std::string>>& out,
                   support::DiagEngine& diags) {
  for (const std::string& r : in) {
    size_t eq = r.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == r.size()) {
      diags.error("TK9005", {}, "--rename takes OLD=NEW, not '" + r + "'");
      return false;
    }
    out.emplace_back(r.substr(0, eq), r.substr(eq + 1));
  }
  return true;
}

cppw::CppOptions cpp_options(const Options& opts) {
  cppw::CppOptions o;
  o.namespace_name = opts.cpp_namespace;
  o.no_namespace = opts.no_namespace;
  o.raw_interfaces_only = opts.raw_interfaces_only;
  o.named_guids = opts.named_guids;
  o.excludes = opts.excludes;
  if (opts.raw_method_prefix) o.raw_method_prefix = *opts.raw_method_prefix;
  if (opts.high_method_prefix) o.high_method_prefix = *opts.high_method_prefix;
  return o;
}

/// The libraries `lib` refers to (transitively) that are at hand, stdole excepted (its types map
/// to the Windows headers' own), in order of first reference.
std::vector<const model::Library*> referenced(const model::Library& lib,
                                              const model::LibrarySet& set) {
  std::vector<const model::Library*> out;
  std::set<const model::Library*> seen;
  std::vector<const model::Library*> todo{&lib};
  for (size_t i = 0; i < todo.size(); ++i) {
    for (uint32_t k = 0; k < todo[i]->imports.size(); ++k) {
      const model::Library* r = set.imported(*todo[i], k);
      if (!r || (r->libid && *r->libid == model::stdole_libid()) || !seen.insert(r).second)
        continue;
      if (r->libid && lib.libid && *r->libid == *lib.libid) continue;
      out.push_back(r);
      todo.push_back(r);
    }
  }
  return out;
}

/// The file name a referenced library is known by: what an import of it records.
std::string recorded_file(const model::Library& of, const model::Library& main,
                          const std::vector<const model::Library*>& refs) {
  std::vector<const model::Library*> all{&main};
  all.insert(all.end(), refs.begin(), refs.end());
  for (const model::Library* l : all)
    for (const auto& imp : l->imports)
      if (of.libid && imp.libid == *of.libid && !imp.file.empty()) return imp.file;
  return of.name;
}

int write_cpp(const Options& opts, const std::string& input_file, const model::Library& lib,
              const model::LibrarySet& set, support::DiagEngine& diags,
              support::OutputSink& sink) {
  namespace fs = std::filesystem;
  cppw::CppOptions main_opts = cpp_options(opts);
  if (!parse_renames(opts.renames, main_opts.renames, diags)) return kExitUsage;
  main_opts.input_name = fs::path(input_file).filename().string();

  std::vector<const model::Library*> refs = referenced(lib, set);
  // Every header is generated before any is written: a failure leaves no partial set behind.
  std::map<std::string, std::string> files;
  std::map<std::string, std::string> owner;  // header name → library, to refuse two in one file
  auto add = [&](const model::Library& l, const cppw::CppOptions& o) {
    std::string name = cppw::header_name(l);
    auto [it, fresh] = owner.emplace(name, l.name);
    if (!fresh) {
      diags.error("TK9006", {}, "two libraries named '" + l.name + "' would both be written to '" +
                                    name + "'");
      return;
    }
    files[name] = cppw::write_header(l, set, o, diags);
  };
  add(lib, main_opts);
  for (const model::Library* r : refs) {
    cppw::CppOptions o = cpp_options(opts);
    o.namespace_name.clear();  // a referenced library keeps its own name as its namespace
    o.excludes.clear();
    o.input_name = recorded_file(*r, lib, refs);
    add(*r, o);
  }
  if (diags.has_errors()) return kExitInputError;
  files[std::string(cppw::kSupportHeaderName)] = std::string(cppw::support_header_text());
  for (const auto& [name, text] : files) {
    if (std::string e = sink.put((fs::path(opts.cpp_dir) / name).string(), text); !e.empty()) {
      diags.error("TK1010", support::Location::in_file(opts.cpp_dir), e);
      return kExitInputError;
    }
  }
  return kExitOk;
}
}  // namespace

int import_library(const Options& opts, const std::string& input_file, const model::Library& lib,
                   const model::LibrarySet& set, support::DiagEngine& diags,
                   support::OutputSink& sink) {
  if (opts.cpp_dir.empty() && opts.json_output.empty()) {
    diags.error("TK9007", {}, "import writes C++ bindings or a JSON descriptor: give --cpp DIR "
                              "and/or --json FILE");
    return kExitUsage;
  }
  if (!opts.cpp_dir.empty()) {
    std::error_code ec;
    if (std::filesystem::exists(opts.cpp_dir, ec) &&
        !std::filesystem::is_directory(opts.cpp_dir, ec)) {
      diags.error("TK9008", support::Location::in_file(opts.cpp_dir),
                  "--cpp names a directory, and this is a file");
      return kExitUsage;
    }
    if (int rc = write_cpp(opts, input_file, lib, set, diags, sink); rc != kExitOk) return rc;
  }
  if (!opts.json_output.empty()) {
    if (std::string e = sink.put(opts.json_output, json::write_json(lib)); !e.empty()) {
      diags.error("TK1010", support::Location::in_file(opts.json_output), e);
      return kExitInputError;
    }
  }
  return diags.has_errors() ? kExitInputError : kExitOk;
}

}  // namespace tlbkit::driver
