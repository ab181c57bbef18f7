// The IDL reader held to widl: for taskschd, netfw, wuapi and msxml6 of Wine 8.0's SDK, on win32
// and win64, the runtime listing of the library read_idl builds equals the listing of the typelib
// widl 8.0 made from the same file (testdata/corpus/widl), minus widl's three timestamp lines.
// Layer: tests.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/compare.h"
#include "model/library_set.h"
#include "readers/idl/idl_reader.h"
#include "readers/tlb/tlb_reader.h"
#include "writers/oleaut/oleaut_writer.h"

using namespace tlbkit;

namespace {

std::string src(const std::string& rel) { return std::string(TLBKIT_SOURCE_DIR) + "/" + rel; }

std::vector<uint8_t> bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

std::string text_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// widl's listing without its three timestamp custom-data lines ({DE77BA63/64/65-…}).
std::string without_timestamps(const std::string& listing) {
  std::istringstream in(listing);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.find("{DE77BA6") != std::string::npos &&
        line.find("-517C-11D1-A2DA-0000F8773CE9}") != std::string::npos) {
      continue;
    }
    out += line;
    out += '\n';
  }
  return out;
}

std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream ia(a), ib(b);
  std::string la, lb;
  for (int n = 1;; ++n) {
    bool ea = !std::getline(ia, la), eb = !std::getline(ib, lb);
    if (ea && eb) return "";
    if (ea != eb || la != lb) {
      return "line " + std::to_string(n) + "\n  ours: " + (ea ? "<end>" : la) +
             "\n  widl: " + (eb ? "<end>" : lb);
    }
  }
}

/// importlib("x.tlb") → testdata/corpus/wine/x.tlb, as `-L testdata/corpus/wine` finds it.
std::optional<model::Library> load_importlib(const std::string& file, support::DiagEngine& d) {
  std::string path = src("testdata/corpus/wine/" + file);
  if (!std::filesystem::exists(path)) return std::nullopt;
  std::vector<uint8_t> b = bytes_of(path);
  return tlb::read_typelib(b, file, std::nullopt, d);
}

struct Built {
  std::optional<model::Library> lib;
  model::LibrarySet set;
  std::string diags;
};

Built build(const std::string& name, model::SysKind target) {
  Built out;
  idl::IdlOptions o;
  o.include_dirs.push_back(src("testdata/idl/wine-include"));
  // basetsd.h and guiddef.h, which wtypes.idl imports: widl finds them in its own include folder.
  o.include_dirs.push_back(src("testdata/idl/wine-headers"));
  o.target = target;
  o.load_importlib = [&out](const std::string& f, support::DiagEngine& d) {
    std::optional<model::Library> l = load_importlib(f, d);
    if (l) out.set.add(*l);
    return l;
  };
  support::DiagEngine diags(0);
  out.lib = idl::read_idl(src("testdata/idl/wine-include/" + name + ".idl"), o, diags);
  for (const support::Diagnostic& d : diags.all()) {
    if (d.severity == support::Severity::Error) {
      out.diags += support::format_diagnostic(d, support::DiagStyle::Gcc) + "\n";
    }
  }
  return out;
}

void check_against_widl(const std::string& name, model::SysKind target) {
  const std::string suffix = target == model::SysKind::Win64 ? "_win64" : "_win32";
  CAPTURE(name);
  CAPTURE(suffix);
  Built b = build(name, target);
  REQUIRE_MESSAGE(b.lib.has_value(), b.diags);
  std::string ours = oleaut::write_listing(*b.lib, b.set);
  std::string widl = without_timestamps(
      text_of(src("testdata/corpus/widl/" + name + suffix + ".tlb.oleaut.txt")));
  if (const char* dump = std::getenv("TLBKIT_DUMP_LISTING")) {
    std::ofstream(std::string(dump) + "/" + name + suffix + ".txt") << ours;
  }
  std::string where = first_difference(ours, widl);
  if (!where.empty()) {
    // Name the first differing model path too: it is quicker to act on than a listing line.
    support::DiagEngine d;
    std::vector<uint8_t> tlb = bytes_of(src("testdata/corpus/widl/" + name + suffix + ".tlb"));
    std::optional<model::Library> theirs = tlb::read_typelib(tlb, name, std::nullopt, d);
    std::string path = theirs ? model::diff(*b.lib, *theirs) : "(widl's file unreadable)";
    FAIL_CHECK("listing differs at " << where << "\nmodel differs at " << path);
  }
}

}  // namespace

TEST_CASE("widl listings: taskschd") {
  check_against_widl("taskschd", model::SysKind::Win32);
  check_against_widl("taskschd", model::SysKind::Win64);
}

TEST_CASE("widl listings: netfw") {
  check_against_widl("netfw", model::SysKind::Win32);
  check_against_widl("netfw", model::SysKind::Win64);
}

TEST_CASE("widl listings: wuapi") {
  check_against_widl("wuapi", model::SysKind::Win32);
  check_against_widl("wuapi", model::SysKind::Win64);
}

TEST_CASE("widl listings: msxml6") {
  check_against_widl("msxml6", model::SysKind::Win32);
  check_against_widl("msxml6", model::SysKind::Win64);
}

// Every listing kept in testdata/idl/widl-listings (see its README: the runtime's listings of
// widl's typelibs of the other library IDL files widl compiles), apart from the differences the
// README explains.
TEST_CASE("widl listings: the library IDL files of testdata/idl/widl-listings") {
  const std::vector<std::string> known = {"cdosys_win32", "cdosys_win64",
                                          "msado15_backcompat_win32", "msado15_backcompat_win64",
                                          "uianimation_win32", "uianimation_win64",
                                          "exdisp_win64"};
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(src("testdata/idl/widl-listings"))) {
    if (e.path().extension() == ".txt") names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  REQUIRE(names.size() == 64);
  int same = 0;
  for (const std::string& n : names) {
    bool w64 = n.size() > 6 && n.compare(n.size() - 6, 6, "_win64") == 0;
    std::string idl = n.substr(0, n.size() - 6);
    Built b = build(idl, w64 ? model::SysKind::Win64 : model::SysKind::Win32);
    CAPTURE(n);
    CHECK_MESSAGE(b.lib.has_value(), b.diags);
    if (!b.lib) continue;
    std::string ours = oleaut::write_listing(*b.lib, b.set);
    std::string where =
        first_difference(ours, text_of(src("testdata/idl/widl-listings/" + n + ".txt")));
    bool expected = std::find(known.begin(), known.end(), n) != known.end();
    if (where.empty()) ++same;
    if (expected) {
      CHECK_MESSAGE(!where.empty(), "now matches: update the README and this list");
    } else {
      CHECK_MESSAGE(where.empty(), "listing differs at " << where);
    }
  }
  MESSAGE(same << " of " << names.size() << " stored listings match");
  CHECK(same == static_cast<int>(names.size() - known.size()));
}

// A development aid, not part of the suite unless TLBKIT_WIDL_DIR names a folder of widl-made
// NAME_win32.tlb/NAME_win64.tlb files: compares each with what read_idl builds from
// testdata/idl/wine-include/NAME.idl, through the emulated listing.
TEST_CASE("widl listings: every library in TLBKIT_WIDL_DIR" * doctest::skip(std::getenv("TLBKIT_WIDL_DIR") == nullptr)) {
  const std::string dir = std::getenv("TLBKIT_WIDL_DIR");
  int same = 0, total = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::string f = e.path().filename().string();
    if (e.path().extension() != ".tlb") continue;
    bool w64 = f.find("_win64.tlb") != std::string::npos;
    std::string name = f.substr(0, f.size() - std::string("_win64.tlb").size());
    std::string listed = dir + "/" + f.substr(0, f.size() - 4) + ".txt";
    model::SysKind target = w64 ? model::SysKind::Win64 : model::SysKind::Win32;
    ++total;
    Built b = build(name, target);
    if (!b.lib) {
      MESSAGE(f << ": read_idl failed\n" << b.diags.substr(0, 600));
      continue;
    }
    support::DiagEngine d;
    std::vector<uint8_t> tlb = bytes_of(e.path().string());
    std::optional<model::Library> theirs = tlb::read_typelib(tlb, f, std::nullopt, d);
    if (!theirs) continue;
    model::LibrarySet set2;
    for (const auto& imp : b.lib->imports) {
      if (auto l = load_importlib(imp.file, d)) set2.add(*l);
    }
    std::string ours = oleaut::write_listing(*b.lib, b.set);
    std::string ref = std::filesystem::exists(listed)
                          ? without_timestamps(text_of(listed))
                          : without_timestamps(oleaut::write_listing(*theirs, set2));
    std::string where = first_difference(ours, ref);
    if (where.empty()) {
      ++same;
    } else {
      MESSAGE(f << ": " << where << "\n  model: " << model::diff(*b.lib, *theirs));
    }
  }
  MESSAGE(same << " of " << total << " match");
}

// A development aid (TLBKIT_IDL_ALL=1): read_idl on every library IDL file of wine-include for
// win64, timed, with the first error of each file that fails.
TEST_CASE("widl listings: time read_idl on every library IDL" * doctest::skip(std::getenv("TLBKIT_IDL_ALL") == nullptr)) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(src("testdata/idl/wine-include"))) {
    if (e.path().extension() != ".idl") continue;
    std::string t = text_of(e.path().string());
    if (std::getenv("TLBKIT_IDL_ALL") != std::string("all") &&
        t.find("\nlibrary ") == std::string::npos && t.find("\n    library ") == std::string::npos &&
        t.find("]\nlibrary") == std::string::npos) {
      continue;
    }
    names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  auto t0 = std::chrono::steady_clock::now();
  int ok = 0;
  for (const std::string& n : names) {
    Built b = build(n, model::SysKind::Win64);
    if (b.lib) {
      ++ok;
    } else {
      MESSAGE(n << ": " << b.diags.substr(0, b.diags.find('\n')));
    }
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - t0).count();
  MESSAGE(ok << " of " << names.size() << " read in " << ms << " ms");
}
