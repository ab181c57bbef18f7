// Helpers for the IDL writer's tests: reading corpus and golden inputs, OLE Automation's library
// for import names, and running widl 8.0 when it is installed. Layer: tests.
#pragma once
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "model/library_set.h"
#include "readers/json/json_reader.h"
#include "readers/tlb/tlb_reader.h"

namespace tlbkit::testing::idl {

namespace fs = std::filesystem;

inline fs::path source(const std::string& rel) { return fs::path(TLBKIT_SOURCE_DIR) / rel; }

inline std::string slurp_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string diag_text(const support::DiagEngine& d) {
  std::string s;
  for (const auto& x : d.all()) s += support::format_diagnostic(x, support::DiagStyle::Gcc);
  return s;
}

/// A binary library (resource 0 = the default one); nullopt with `errors` filled on failure.
inline std::optional<model::Library> read_tlb(const fs::path& p, uint32_t resource, std::string& errors) {
  std::string s = slurp_file(p);
  std::vector<uint8_t> b(s.begin(), s.end());
  support::DiagEngine diags;
  auto lib = tlb::read_typelib(b, p.filename().string(),
                               resource ? std::optional<uint32_t>(resource) : std::nullopt, diags);
  errors += diag_text(diags);
  return diags.has_errors() ? std::nullopt : lib;
}

inline std::optional<model::Library> read_json_file(const fs::path& p, std::string& errors) {
  support::DiagEngine diags;
  auto lib = json::read_json(slurp_file(p), p.filename().string(), diags);
  errors += diag_text(diags);
  return diags.has_errors() ? std::nullopt : lib;
}

/// OLE Automation's libraries from the corpus: what names imported stdole types, as a tool
/// with the libraries at hand would.
inline model::LibrarySet stdole_set() {
  model::LibrarySet set;
  for (const char* f : {"testdata/corpus/wine/stdole2.tlb", "testdata/corpus/wine/stdole32.tlb"}) {
    std::string errors;
    auto lib = read_tlb(source(f), 0, errors);
    REQUIRE_MESSAGE(lib, errors);
    set.add(std::move(*lib));
  }
  return set;
}

/// True when `widl` (Wine's IDL compiler, Debian package wine64-tools) is on PATH.
inline bool have_widl() { return std::system("widl -V > /dev/null 2>&1") == 0; }

/// A fresh directory for one test's files, removed with the object.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& tag) {
    std::random_device rd;  // a fresh name, so parallel test runs do not share files
    for (int attempt = 0; attempt < 16 && path_.empty(); ++attempt) {
      fs::path p = fs::temp_directory_path() / ("tlbkit-" + tag + "-" + std::to_string(rd()));
      if (fs::create_directory(p)) path_ = p;
    }
    REQUIRE_MESSAGE(!path_.empty(), "cannot make a scratch directory for " << tag);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

/// Compiles `idl_text` with widl for the library's SYSKIND, with the corpus's importlib files on
/// -L. Returns the compiled library, or nullopt with widl's messages in `errors`.
inline std::optional<model::Library> compile_with_widl(const std::string& idl_text, bool win64,
                                                       const ScratchDir& dir, std::string& errors) {
  fs::path idl = dir.path() / "in.idl", tlb = dir.path() / "out.tlb", log = dir.path() / "widl.log";
  std::ofstream(idl, std::ios::binary) << idl_text;
  // Run inside the scratch folder: widl leaves its temporary folder in the current directory
  // when it crashes (it does on libraries of more than 512 types).
  std::string cmd = "cd '" + dir.path().string() + "' && " + std::string("widl -t ") + (win64 ? "--win64" : "--win32") + " -I '" +
                    source("testdata/idl/wine-include").string() + "' -L '" +
                    source("testdata/corpus/wine").string() + "' -o '" + tlb.string() + "' '" +
                    idl.string() + "' > '" + log.string() + "' 2>&1";
  int rc = std::system(cmd.c_str());
  if (rc != 0) {
    errors = "widl failed (" + std::to_string(rc) + "): " + slurp_file(log);
    return std::nullopt;
  }
  return read_tlb(tlb, 0, errors);
}

}  // namespace tlbkit::testing::idl
