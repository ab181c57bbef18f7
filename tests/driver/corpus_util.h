// Helpers for tests over the corpus in testdata/corpus: finding the typelibs with their runtime
// listings, applying a recorded "runtime-bugs" patch to a listing, and a fixed PRNG for damaged
// inputs. Layer: tests.
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace tlbkit::testing {

/// splitmix64: a small, fixed, portable PRNG.
struct Rng {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  uint64_t below(uint64_t n) { return n ? next() % n : 0; }
};

inline std::string source_dir() { return TLBKIT_SOURCE_DIR; }

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::string line;
  std::istringstream in(s);
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

/// The bytes of a file under testdata/corpus/ ("ms/FM20.DLL"); the test stops if it is missing.
inline std::vector<uint8_t> corpus_bytes(const std::string& rel) {
  std::string s = slurp(source_dir() + "/testdata/corpus/" + rel);
  REQUIRE_MESSAGE(!s.empty(), "cannot read testdata/corpus/" << rel);
  return {s.begin(), s.end()};
}

/// One corpus case: a typelib file, the TYPELIB resource (0 = default) and its runtime listing.
struct CorpusCase {
  std::filesystem::path input;
  uint32_t resource = 0;
  std::filesystem::path listing;  // X.oleaut.txt or X.N.oleaut.txt
  std::string display() const {
    return input.filename().string() + (resource ? "\\" + std::to_string(resource) : "");
  }
};

/// Every listing under testdata/corpus, sorted by path.
inline std::vector<CorpusCase> corpus_cases() {
  namespace fs = std::filesystem;
  std::vector<CorpusCase> out;
  for (auto& e : fs::recursive_directory_iterator(source_dir() + "/testdata/corpus")) {
    std::string name = e.path().filename().string();
    const std::string suffix = ".oleaut.txt";
    if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    std::string stem = name.substr(0, name.size() - suffix.size());
    CorpusCase c;
    c.listing = e.path();
    fs::path dir = e.path().parent_path();
    if (fs::exists(dir / stem)) {
      c.input = dir / stem;
    } else {
      auto dot = stem.rfind('.');
      if (dot == std::string::npos) continue;
      c.input = dir / stem.substr(0, dot);
      c.resource = static_cast<uint32_t>(std::stoul(stem.substr(dot + 1)));
    }
    out.push_back(c);
  }
  std::sort(out.begin(), out.end(), [](const CorpusCase& a, const CorpusCase& b) {
    return a.listing < b.listing;
  });
  return out;
}

/// Applies a unified diff (as `diff -u runtime.txt tlbkit.txt` writes it) to `lines`. Context
/// and removed lines must match exactly; returns nullopt (with `error` set) when they do not.
inline std::optional<std::vector<std::string>> apply_unified_diff(
    const std::vector<std::string>& lines, const std::string& patch, std::string& error) {
  std::vector<std::string> out;
  size_t pos = 0;  // next unconsumed line of `lines`
  auto plines = split_lines(patch);
  for (size_t i = 0; i < plines.size(); ++i) {
    const std::string& h = plines[i];
    if (h.rfind("@@ -", 0) != 0) continue;
    size_t start = std::stoul(h.substr(4));
    if (start > 0) --start;
    if (start < pos || start > lines.size()) {
      error = "hunk out of order or out of range: " + h;
      return std::nullopt;
    }
    out.insert(out.end(), lines.begin() + static_cast<long>(pos), lines.begin() + static_cast<long>(start));
    pos = start;
    for (++i; i < plines.size() && plines[i].rfind("@@", 0) != 0; ++i) {
      const std::string& l = plines[i];
      if (l.empty()) continue;
      char tag = l[0];
      std::string text = l.substr(1);
      if (tag == '+') {
        out.push_back(text);
      } else if (tag == '-' || tag == ' ') {
        if (pos >= lines.size() || lines[pos] != text) {
          error = "patch does not match the listing near: " + l;
          return std::nullopt;
        }
        if (tag == ' ') out.push_back(text);
        ++pos;
      }
    }
    --i;
  }
  out.insert(out.end(), lines.begin() + static_cast<long>(pos), lines.end());
  return out;
}

}  // namespace tlbkit::testing
