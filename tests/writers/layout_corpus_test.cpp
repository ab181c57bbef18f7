// model::compute_layout held to the corpus: every typelib's layout facts
// (sizes, alignments, vtable sizes, field offsets, vtable offsets) are erased
// and recomputed for its own SysKind, and must equal what its tool recorded,
// apart from a short list of explained exceptions; and the win32 and win64
// builds of the same library (widl's four, MIDL's and tlbexp's pairs) are
// computed from each other. Layer: tests.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "driver/corpus_util.h"
#include "model/layout.h"
#include "model/library_set.h"
#include "readers/tlb/tlb_reader.h"

using namespace tlbkit;
using namespace tlbkit::model;

namespace {

/// Where a recomputed fact differs from the recorded one.
enum class Fact : uint8_t {
  Shape,           // a type's size or alignment, or a field offset
  Vtable,          // an interface's vtable size or a function's vtable offset
  DispatchOffset,  // a dispinterface method's (meaningless) vtable offset
};

struct Difference {
  std::string type;
  std::string what;
  Fact fact;
};

std::optional<Library> read_corpus(const std::filesystem::path& path, uint32_t resource) {
  std::string bytes = testing::slurp(path);
  support::DiagEngine d;
  std::span<const uint8_t> span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  return tlb::read_typelib(span, path.filename().string(),
                           resource ? std::optional<uint32_t>(resource) : std::nullopt, d);
}
Library read_rel(const std::string& rel) {
  auto lib = read_corpus(testing::source_dir() + "/testdata/corpus/" + rel, 0);
  REQUIRE_MESSAGE(lib, "cannot read " << rel);
  return *lib;
}

/// OLE Automation's libraries, which the corpus libraries import their base
/// interfaces from: stdole2 (MSFT libraries) and stdole32 (the old SLTG ones).
const LibrarySet& automation_set() {
  static const LibrarySet set = [] {
    LibrarySet s;
    s.add(read_rel("wine/stdole2.tlb"));
    s.add(read_rel("ms/stdole32.tlb"));
    return s;
  }();
  return set;
}

std::vector<Function>* functions_of(TypeDef& d) {
  if (auto* i = std::get_if<InterfaceDef>(&d)) return &i->functions;
  if (auto* m = std::get_if<ModuleDef>(&d)) return &m->functions;
  if (auto* x = std::get_if<DispatchDef>(&d)) return &x->methods;
  return nullptr;
}
std::vector<Variable>* fields_of(TypeDef& d) {
  if (auto* r = std::get_if<RecordDef>(&d)) return &r->fields;
  if (auto* u = std::get_if<UnionDef>(&d)) return &u->fields;
  return nullptr;
}

/// Erases every fact compute_layout derives, and the SysKind.
void erase_layout(Library& lib) {
  lib.syskind = SysKind::Win16;
  for (TypeInfo& t : lib.types) {
    t.layout = {};
    if (auto* fs = functions_of(t.def))
      for (Function& f : *fs) f.vtable_offset = 0;
    if (auto* vs = fields_of(t.def))
      for (Variable& v : *vs) v.offset = 0;
  }
}

/// Every layout fact of `got` that differs from `want` (two versions of the
/// same library).
std::vector<Difference> differences(const Library& want, const Library& got) {
  std::vector<Difference> out;
  REQUIRE(want.types.size() == got.types.size());
  if (want.syskind != got.syskind) out.push_back({"", "syskind", Fact::Shape});
  for (size_t i = 0; i < want.types.size(); ++i) {
    TypeInfo w = want.types[i], g = got.types[i];
    REQUIRE(w.def.index() == g.def.index());
    const bool dispatch = std::holds_alternative<DispatchDef>(w.def);
    auto num = [](auto a, auto b) { return std::to_string(a) + " recorded, " + std::to_string(b); };
    if (w.layout.size != g.layout.size)
      out.push_back({w.name, "size " + num(w.layout.size, g.layout.size), Fact::Shape});
    if (w.layout.alignment != g.layout.alignment)
      out.push_back(
          {w.name, "alignment " + num(w.layout.alignment, g.layout.alignment), Fact::Shape});
    if (w.layout.vtable_size != g.layout.vtable_size)
      out.push_back(
          {w.name, "vtable size " + num(w.layout.vtable_size, g.layout.vtable_size), Fact::Vtable});
    if (auto* wf = functions_of(w.def)) {
      auto* gf = functions_of(g.def);
      for (size_t k = 0; k < wf->size(); ++k)
        if ((*wf)[k].vtable_offset != (*gf)[k].vtable_offset)
          out.push_back({w.name,
                         (*wf)[k].name + " vtable offset " +
                             num((*wf)[k].vtable_offset, (*gf)[k].vtable_offset),
                         dispatch ? Fact::DispatchOffset : Fact::Vtable});
    }
    if (auto* wv = fields_of(w.def)) {
      auto* gv = fields_of(g.def);
      for (size_t k = 0; k < wv->size(); ++k)
        if ((*wv)[k].offset != (*gv)[k].offset)
          out.push_back({w.name, (*wv)[k].name + " offset " + num((*wv)[k].offset, (*gv)[k].offset),
                         Fact::Shape});
    }
  }
  return out;
}

/// The tool that built each corpus library (testdata/corpus/*/PROVENANCE.md,
/// SHARED-README.md), for the few facts the tools record differently.
LayoutStyle style_of(const std::string& rel) {
  if (rel.rfind("widl/", 0) == 0 || rel.rfind("wine/", 0) == 0 || rel.rfind("reactos/", 0) == 0)
    return LayoutStyle::Widl;
  if (rel.find("WasatchNET") != std::string::npos || rel.find("AccUnit") != std::string::npos)
    return LayoutStyle::Tlbexp;
  return LayoutStyle::Midl;  // MIDL, mktyplib, the Office and VB6 builds
}

/// Recorded facts compute_layout does not reproduce, each with the reason.
/// `type` empty: any type of the library; `fact`: the only kind of fact allowed
/// to differ.
struct KnownException {
  const char* library;
  const char* type;
  Fact fact;
  const char* why;
};
const KnownException kKnown[] = {
    {"ms/VB6.OLB", "", Fact::Vtable,
     "VB6 records its own classes' vtables: a property's Get/Let/Set share or "
     "skip slots and "
     "members the library does not list take slots, so the offsets are not "
     "consecutive"},
    {"ms/vbWidgets.dll", "", Fact::Vtable,
     "a VB6 compiler output: public variables' Get/Let/Set slots and hidden "
     "members leave "
     "gaps in the recorded vtable offsets"},
    {"ms/AccessCodeLib.AccUnit.tlb", "IConfigurator", Fact::Vtable,
     "tlbexp keeps the vtable slot of a .NET member it could not export: the "
     "first listed "
     "method sits at slot 8, not 7"},
    {"ms/AccessCodeLib.AccUnit.tlb", "ITestSummary", Fact::Vtable,
     "the same tlbexp gap as IConfigurator"},
    {"ms/XL5EN32.OLB", "", Fact::DispatchOffset,
     "Excel 5's SLTG library records 0 as every dispinterface method's vtable "
     "offset, where "
     "MIDL and widl number them one pointer apart (the runtime ignores the "
     "value)"},
    {"ms/sltg-bare/XL5EN32.res1.sltg.tlb", "", Fact::DispatchOffset,
     "the same bytes as XL5EN32.OLB's TYPELIB resource"},
    {"reactos/stdole2.tlb", "Font", Fact::Shape,
     "this ReactOS build records size 8 and alignment 8 for the dispinterface "
     "Font in a win32 "
     "library, unlike its other dispinterfaces (4 and 4) and unlike Wine's and "
     "Microsoft's "
     "stdole2"},
};

const KnownException* known(const std::string& rel, const Difference& d) {
  for (const KnownException& k : kKnown)
    if (rel == k.library && (std::string(k.type).empty() || d.type == k.type) && d.fact == k.fact)
      return &k;
  return nullptr;
}

std::string rel_of(const testing::CorpusCase& c) {
  std::string p = std::filesystem::relative(c.input, testing::source_dir() + "/testdata/corpus")
                      .generic_string();
  return p;
}

}  // namespace

TEST_CASE(
    "every corpus typelib's layout facts are recomputed as its tool "
    "recorded them") {
  std::set<std::pair<std::string, uint32_t>> seen;
  std::set<const KnownException*> used;
  unsigned total = 0, identical = 0, explained = 0, msft = 0, msft_identical = 0;
  for (const testing::CorpusCase& c : testing::corpus_cases()) {
    const std::string rel = rel_of(c);
    if (!seen.insert({rel, c.resource}).second) continue;
    std::optional<Library> recorded = read_corpus(c.input, c.resource);
    if (!recorded) continue;  // the reader's own tests cover files it rejects
    ++total;
    std::string bytes = testing::slurp(c.input);
    const bool is_msft =
        tlb::typelib_format({reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()},
                            c.resource ? std::optional<uint32_t>(c.resource) : std::nullopt) ==
        tlb::TypelibFormat::Msft;
    msft += is_msft;
    Library computed = *recorded;
    erase_layout(computed);
    support::DiagEngine d;
    // The tool is told by the library's custom data; it agrees with the corpus's provenance.
    CHECK_MESSAGE(recorded_style(*recorded) == style_of(rel), c.display());
    compute_layout(computed, recorded->syskind, &automation_set(), d, recorded_style(*recorded));
    for (const auto& x : d.all()) MESSAGE(c.display() << ": " << x.code << " " << x.message);
    CHECK_MESSAGE(d.all().empty(), c.display());
    std::vector<Difference> diffs = differences(*recorded, computed);
    if (diffs.empty()) {
      ++identical;
      msft_identical += is_msft;
      continue;
    }
    ++explained;
    for (const Difference& x : diffs) {
      const KnownException* k = known(rel, x);
      CHECK_MESSAGE(k != nullptr, c.display() << ": " << x.type << ": " << x.what);
      if (k) used.insert(k);
    }
  }
  MESSAGE(identical << " of " << total << " corpus libraries identical (MSFT: " << msft_identical
                    << " of " << msft << "); " << explained
                    << " differ only as the known exceptions explain");
  CHECK(total >= 40);
  CHECK(identical + explained == total);
  // Every exception still describes a real difference (else it must go).
  for (const KnownException& k : kKnown)
    CHECK_MESSAGE(used.count(&k) == 1, "unused exception: " << k.library << " " << k.type);
}

TEST_CASE(
    "a win32 build computed for win64 has the win64 build's layout "
    "facts, and back") {
  struct Pair {
    const char* win32;
    const char* win64;
    LayoutStyle style;
  };
  const Pair pairs[] = {
      {"widl/taskschd_win32.tlb", "widl/taskschd_win64.tlb", LayoutStyle::Widl},
      {"widl/netfw_win32.tlb", "widl/netfw_win64.tlb", LayoutStyle::Widl},
      {"widl/wuapi_win32.tlb", "widl/wuapi_win64.tlb", LayoutStyle::Widl},
      {"widl/msxml6_win32.tlb", "widl/msxml6_win64.tlb", LayoutStyle::Widl},
      // ms/PROVENANCE.md: the same IDL through MIDL 8.01 for both targets, and
      // one assembly through tlbexp /win32 and /win64.
      {"ms/VersInfoExPlus.tlb", "ms/VersInfoEx.tlb", LayoutStyle::Midl},
      {"ms/WasatchNET.x86.tlb", "ms/WasatchNET.x64.tlb", LayoutStyle::Tlbexp},
  };
  for (const Pair& p : pairs) {
    CAPTURE(p.win32);
    const Library w32 = read_rel(p.win32), w64 = read_rel(p.win64);
    REQUIRE(w32.syskind == SysKind::Win32);
    REQUIRE(w64.syskind == SysKind::Win64);
    for (bool up : {true, false}) {
      Library from = up ? w32 : w64;
      const Library& want = up ? w64 : w32;
      support::DiagEngine d;
      compute_layout(from, want.syskind, &automation_set(), d, p.style);
      CHECK(d.all().empty());
      std::vector<Difference> diffs = differences(want, from);
      for (const Difference& x : diffs)
        MESSAGE((up ? "to win64: " : "to win32: ") << x.type << ": " << x.what);
      CHECK(diffs.empty());
    }
    // The pair really differs, so the test above tests something.
    CHECK_FALSE(differences(w64, w32).empty());
  }
}
