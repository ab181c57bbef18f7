// Input loading and reference gathering. Layer: driver.
#include "driver/inputs.h"

#include <algorithm>
#include <filesystem>
#include <string_view>

#include "driver/builtin_data.h"
#include "readers/cheader/cheader_reader.h"
#include "readers/idl/idl_reader.h"
#include "readers/json/json_reader.h"
#include "readers/tlb/tlb_reader.h"
#include "support/file_io.h"

namespace tlbkit::driver {

InputPath split_resource_suffix(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return {path, std::nullopt};
  auto pos = path.rfind('\\');
  if (pos == std::string::npos || pos + 1 >= path.size() || path.size() - pos > 9)
    return {path, std::nullopt};
  std::string digits = path.substr(pos + 1);
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return {path, std::nullopt};
  return {path.substr(0, pos), static_cast<uint32_t>(std::stoul(digits))};
}

namespace {
bool looks_like_json(const std::vector<uint8_t>& bytes) {
  for (uint8_t c : bytes) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    return c == '{';
  }
  return false;
}

bool has_extension(const std::string& file, std::initializer_list<std::string_view> exts) {
  std::string e = std::filesystem::path(file).extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::find(exts.begin(), exts.end(), e) != exts.end();
}
}  // namespace

bool is_source_input(const std::string& file) {
  return has_extension(file, {".idl", ".odl"});
}

bool is_header_input(const std::string& file) {
  return has_extension(file, {".h", ".hh", ".hpp", ".hxx", ".h++"});
}

namespace {
std::optional<model::Library> read_source(const std::string& file, const SourceOptions& source,
                                          support::DiagEngine& diags) {
  idl::IdlOptions o;
  o.include_dirs = source.include_dirs;
  for (const std::string& d : source.defines) {
    auto eq = d.find('=');
    if (eq == std::string::npos)
      o.defines.emplace_back(d, std::nullopt);
    else
      o.defines.emplace_back(d.substr(0, eq), d.substr(eq + 1));
  }
  o.undefines = source.undefines;
  o.target = source.target;
  o.import_cache = source.import_cache;
  o.load_importlib = [&source](const std::string& name, support::DiagEngine& d) {
    return find_importlib(name, source, d);
  };
  return idl::read_idl(file, o, diags);
}

std::optional<model::Library> read_header(const std::string& file, const SourceOptions& source,
                                          support::DiagEngine& diags) {
  cheader::CHeaderOptions o;
  o.target = source.target;
  o.include_dirs = source.include_dirs;
  o.defines = source.defines;
  o.undefines = source.undefines;
  o.sysroot = source.sysroot;
  o.clang_args = source.clang_args;
  o.include_patterns = source.include_patterns;
  o.exclude_patterns = source.exclude_patterns;
  o.dll = source.dll;
  if (!source.dll_map.empty()) {
    auto rules = cheader::read_dll_map(source.dll_map, diags);
    if (!rules) return std::nullopt;
    o.dll_rules = std::move(*rules);
  }
  return cheader::read_cheader(file, o, diags);
}
}  // namespace

std::optional<model::Library> load_library(const std::string& file,
                                           std::optional<uint32_t> resource,
                                           const SourceOptions& source,
                                           support::DiagEngine& diags) {
  if (is_source_input(file)) return read_source(file, source, diags);
  if (is_header_input(file)) return read_header(file, source, diags);
  std::vector<uint8_t> bytes;
  std::string error;
  if (!support::read_file(file, bytes, error)) {
    diags.error("TK1001", support::Location::in_file(file), "cannot read input: " + error);
    return std::nullopt;
  }
  if (tlb::looks_like_typelib(bytes)) return tlb::read_typelib(bytes, file, resource, diags);
  if (looks_like_json(bytes) || has_extension(file, {".json"})) {
    std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    return json::read_json(text, file, diags);
  }
  diags.error("TK1002", support::Location::at_offset(file, 0),
              "not a type library (no MSFT or SLTG signature), a PE file, a JSON descriptor, IDL "
              "(.idl/.odl) or a C/C++ header (.h/.hpp/.hxx)");
  return std::nullopt;
}

std::optional<model::Library> find_importlib(const std::string& name, const SourceOptions& source,
                                             support::DiagEngine& diags) {
  namespace fs = std::filesystem;
  auto lower = [](std::string t) {
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
    return t;
  };
  // importlib names a file; only its last component is looked up (MIDL and widl do likewise).
  std::string wanted = lower(fs::path(name).filename().string());
  auto read_match = [&](const std::string& path) -> std::optional<model::Library> {
    std::vector<uint8_t> bytes;
    std::string error;
    if (!support::read_file(path, bytes, error) || !tlb::looks_like_typelib(bytes))
      return std::nullopt;
    return tlb::read_typelib(bytes, path, std::nullopt, diags);
  };
  for (const std::string& r : source.references)
    if (lower(fs::path(r).filename().string()) == wanted)
      if (auto lib = read_match(r)) return lib;
  for (const std::string& d : source.tlb_paths) {
    std::error_code ec;
    std::vector<std::string> here;
    for (auto it = fs::directory_iterator(d, ec); !ec && it != fs::directory_iterator();
         it.increment(ec))
      if (lower(it->path().filename().string()) == wanted) here.push_back(it->path().string());
    std::sort(here.begin(), here.end());
    for (const std::string& f : here)
      if (auto lib = read_match(f)) return lib;
  }
  for (const BuiltinBlob& b : builtin_blobs()) {
    if (lower(b.name) != "<built-in " + wanted + ">") continue;
    support::DiagEngine quiet;
    if (auto lib = tlb::read_typelib(b.bytes, b.name, std::nullopt, quiet)) return lib;
  }
  return std::nullopt;
}

std::vector<model::Library> builtin_libraries() {
  std::vector<model::Library> out;
  for (const BuiltinBlob& b : builtin_blobs()) {
    support::DiagEngine quiet;
    if (auto lib = tlb::read_typelib(b.bytes, b.name, std::nullopt, quiet))
      out.push_back(std::move(*lib));
  }
  return out;
}

namespace {
/// Every typelib under the --tlb-path directories, in a fixed (sorted) order.
std::vector<std::string> candidate_files(const std::vector<std::string>& dirs) {
  std::vector<std::string> files;
  for (const std::string& d : dirs) {
    std::error_code ec;
    std::vector<std::string> here;
    for (auto it = std::filesystem::directory_iterator(d, ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec)) here.push_back(it->path().string());
    std::sort(here.begin(), here.end());
    files.insert(files.end(), here.begin(), here.end());
  }
  return files;
}

/// Adds each library in `file` (every TYPELIB resource of a PE file).
void add_all_from(const std::string& file, std::vector<model::Library>& out,
                  support::DiagEngine& diags, bool report) {
  std::vector<uint8_t> bytes;
  std::string error;
  support::DiagEngine local;
  support::DiagEngine& d = report ? diags : local;
  if (!support::read_file(file, bytes, error)) {
    d.error("TK4001", support::Location::in_file(file), "cannot read reference: " + error);
    return;
  }
  if (!tlb::looks_like_typelib(bytes)) {
    if (report) {
      if (auto lib = load_library(file, std::nullopt, diags)) out.push_back(std::move(*lib));
    }
    return;
  }
  bool is_pe = bytes.size() >= 2 && bytes[0] == 'M' && bytes[1] == 'Z';
  if (!is_pe) {
    if (auto lib = tlb::read_typelib(bytes, file, std::nullopt, d)) out.push_back(std::move(*lib));
    return;
  }
  for (const auto& r : tlb::list_typelib_resources(bytes, file, d))
    if (auto lib = tlb::read_typelib(bytes, file, r.id, d)) out.push_back(std::move(*lib));
}
}  // namespace

void gather_references(model::Library& lib, const std::vector<std::string>& tlb_paths,
                       const std::vector<std::string>& references, model::LibrarySet& set,
                       support::DiagEngine& diags) {
  // Explicit references first, so they win over the built-in libraries on equal versions.
  std::vector<model::Library> pool;
  for (const std::string& r : references) add_all_from(r, pool, diags, true);
  for (auto& b : builtin_libraries()) pool.push_back(std::move(b));
  for (auto& l : pool) set.add(std::move(l));

  // The search path is read only when an import (of the input, or of a library taken in from
  // the path) is not at hand yet; a library is taken only when its LIBID and version match.
  if (!tlb_paths.empty()) {
    std::vector<model::Library> on_path;
    bool read = false;
    std::vector<std::pair<support::Guid, model::Version>> wanted;
    for (const auto& imp : lib.imports) wanted.emplace_back(imp.libid, imp.version);
    for (size_t i = 0; i < wanted.size() && i < 10000; ++i) {
      auto [libid, ver] = wanted[i];
      if (set.find(libid, ver)) continue;
      if (!read) {
        for (const std::string& f : candidate_files(tlb_paths)) add_all_from(f, on_path, diags, false);
        read = true;
      }
      for (auto& l : on_path) {
        if (!l.libid || *l.libid != libid || l.version.major != ver.major ||
            l.version.minor < ver.minor)
          continue;
        const model::Library& added = set.add(l);
        for (const auto& imp : added.imports) wanted.emplace_back(imp.libid, imp.version);
        break;
      }
    }
  }
  model::resolve_import_names(lib, set);
}

}  // namespace tlbkit::driver
