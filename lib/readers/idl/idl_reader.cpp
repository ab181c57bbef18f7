// read_idl: preprocesses and parses the main file and each file it imports (once each, found next
// to the importing file or on -I), loads the importlib'd libraries, runs the semantic pass and
// computes the layout for the target. Layer: readers.
#include "readers/idl/idl_reader.h"

#include <filesystem>
#include <map>
#include <memory>

#include "model/layout.h"
#include "model/library_set.h"
#include "readers/idl/parser.h"
#include "readers/idl/preprocessor.h"
#include "readers/idl/sema_internal.h"

namespace tlbkit::idl {

namespace {

std::string dir_of(const std::string& path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? std::string{} : path.substr(0, slash + 1);
}

/// widl's file id for generated names: the input's base name without its extension, with
/// anything but letters and digits made '_'.
std::string file_id(const std::string& path) {
  std::string base = path.substr(dir_of(path).size());
  size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot != 0) base.resize(dot);
  for (char& c : base) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) c = '_';
  }
  return base;
}

/// What decides how an imported file reads: everything of IdlOptions the preprocessor sees.
struct CacheKey {
  std::vector<std::string> include_dirs;
  std::vector<std::pair<std::string, std::optional<std::string>>> defines;
  std::vector<std::string> undefines;
  model::SysKind target = model::SysKind::Win64;
  bool operator==(const CacheKey&) const = default;
};

CacheKey cache_key(const IdlOptions& opts) {
  return {opts.include_dirs, opts.defines, opts.undefines, opts.target};
}

}  // namespace

class ImportCache {
 public:
  struct Entry {
    std::unique_ptr<sema::Unit> unit;
    std::vector<support::Diagnostic> warnings;  // what reading it reported, replayed on each use
  };
  std::optional<CacheKey> key;
  std::map<std::string, Entry> units;  // by the path the file was found under
  std::map<std::string, bool> exists;
};

std::shared_ptr<ImportCache> make_import_cache() { return std::make_shared<ImportCache>(); }

namespace {

/// The cache opts may use, or nullptr.
ImportCache* usable_cache(const IdlOptions& opts) {
  ImportCache* c = opts.import_cache.get();
  if (!c || opts.read_file) return nullptr;
  CacheKey k = cache_key(opts);
  if (!c->key) c->key = std::move(k);
  return *c->key == k ? c : nullptr;
}

class Reader final : public sema::ImportResolver {
 public:
  Reader(const IdlOptions& opts, support::DiagEngine& diags)
      : opts_(opts), diags_(diags), cache_(usable_cache(opts)) {
    pp_.include_dirs = opts.include_dirs;
    pp_.defines = opts.defines;
    pp_.undefines = opts.undefines;
    pp_.predefined = target_macros(opts.target);
    pp_.read_file = opts.read_file;
  }

  /// Preprocesses and parses one file; nullptr when it cannot be read (reported by preprocess).
  sema::Unit* load(const std::string& path, bool is_main) {
    auto it = units_.find(path);
    if (it != units_.end()) return it->second;
    if (cache_) {
      if (auto c = cache_->units.find(path); c != cache_->units.end())
        return reuse(path, c->second, is_main);
    }
    const size_t diags_before = diags_.all().size();
    const unsigned errors_before = diags_.error_count();
    std::optional<TokenStream> ts = preprocess(path, pp_, diags_);
    if (!ts) {
      units_[path] = nullptr;
      return nullptr;
    }
    auto u = std::make_unique<sema::Unit>();
    u->file = parse(*ts, path, diags_);
    u->sources = std::move(ts->sources);
    u->is_main = is_main;
    sema::Unit* raw = u.get();
    units_[path] = raw;
    // Main files too: a batch may compile a file another one imports (dhtmled.idl, mshtml.idl).
    // Not a file read past the error limit: its errors went uncounted and its parse stopped.
    if (cache_ && diags_.error_count() == errors_before && !diags_.too_many_errors()) {
      ImportCache::Entry& e = cache_->units[path];
      e.warnings.assign(diags_.all().begin() + static_cast<std::ptrdiff_t>(diags_before),
                        diags_.all().end());
      e.unit = std::move(u);
    } else {
      owned_.push_back(std::move(u));
    }
    return raw;
  }

  /// A cached file, fresh for this run's semantic pass: its warnings again, its role in this
  /// run (how a file reads does not depend on it), its declaration pass not yet run.
  sema::Unit* reuse(const std::string& path, ImportCache::Entry& e, bool is_main) {
    for (const support::Diagnostic& d : e.warnings) diags_.report(d);
    e.unit->is_main = is_main;
    e.unit->declared = e.unit->declaring = false;
    units_[path] = e.unit.get();
    return e.unit.get();
  }

  sema::Unit* import(const sema::Unit& from, const std::string& name,
                     const SourcePos& pos) override {
    std::vector<std::string> candidates;
    std::string from_path =
        pos.file < from.sources.files.size() ? from.sources.files[pos.file].path : from.file.path;
    candidates.push_back(dir_of(from_path) + name);
    for (const std::string& d : opts_.include_dirs) {
      candidates.push_back(d.empty() || d.back() == '/' ? d + name : d + "/" + name);
    }
    for (const std::string& c : candidates) {
      if (auto it = units_.find(c); it != units_.end()) return it->second;
      if (cache_ && cache_->units.count(c)) return load(c, false);
      if (exists(c)) return load(c, false);
    }
    from.sources.error(diags_, "TK5230", pos, "cannot find imported file '" + name + "'");
    return nullptr;
  }

  bool exists(const std::string& path) {
    std::map<std::string, bool>& known = cache_ ? cache_->exists : exists_;
    auto it = known.find(path);
    if (it != known.end()) return it->second;
    std::error_code ec;
    bool ok = opts_.read_file ? opts_.read_file(path).has_value()
                              : std::filesystem::is_regular_file(path, ec);
    known[path] = ok;
    return ok;
  }

 private:
  const IdlOptions& opts_;
  support::DiagEngine& diags_;
  ImportCache* cache_;  // nullptr: every file read for this run only
  PreprocessOptions pp_;
  std::map<std::string, sema::Unit*> units_;  // this run's files, by path (nullptr: unreadable)
  std::vector<std::unique_ptr<sema::Unit>> owned_;  // those the cache does not keep
  std::map<std::string, bool> exists_;
};

/// The importlib statements of the main file, in order (at top level and in the library).
void collect_importlibs(const std::vector<ast::Statement>& stmts,
                        std::vector<const ast::ImportLib*>& out) {
  for (const ast::Statement& s : stmts) {
    if (const auto* il = std::get_if<ast::ImportLib>(&s.v)) out.push_back(il);
    if (const auto* lib = std::get_if<ast::Library>(&s.v)) collect_importlibs(lib->body, out);
  }
}

}  // namespace

std::optional<model::Library> read_idl(const std::string& path, const IdlOptions& opts,
                                       support::DiagEngine& diags) {
  const unsigned errors_before = diags.error_count();
  Reader reader(opts, diags);
  sema::Unit* main = reader.load(path, true);
  if (!main) return std::nullopt;
  sema::Sema s(diags, opts.target, file_id(path), reader);
  s.declare_unit(*main);

  model::LibrarySet set;
  std::vector<const ast::ImportLib*> importlibs;
  collect_importlibs(main->file.statements, importlibs);
  for (const ast::ImportLib* il : importlibs) {
    std::optional<model::Library> lib;
    if (opts.load_importlib) lib = opts.load_importlib(il->file, diags);
    if (!lib) {
      main->sources.error(diags, "TK5231", il->pos,
                          "cannot find the type library '" + il->file + "' (importlib)");
      continue;
    }
    set.add(*lib);
    s.add_importlib(il->file, std::move(*lib));
  }

  model::Library lib = s.build(*main);
  if (diags.error_count() != errors_before) return std::nullopt;
  model::compute_layout(lib, opts.target, &set, diags, model::source_style(lib));
  return lib;
}

}  // namespace tlbkit::idl
