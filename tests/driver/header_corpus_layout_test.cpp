// Struct layouts read from the SDK's headers (MinGW-w64's <windows.h>, <ole2.h>, <olectl.h>,
// <mshtml.h>, <exdisp.h>, <activscp.h>) held to what the corpus typelibs record for the same
// types (issue 5): for every record and union of every corpus library (each TYPELIB resource)
// that the headers also declare — by name, tag aside — size, alignment and the offset of every
// field of the same name are equal, for the library's own platform (win32 or win64).
// The one accepted difference is computed, not listed: a C header gives a conformant array
// (IDL `[size_is(n)] T x[]`, sized 0 in a typelib) as a trailing `T x[1]`, so the struct is bigger
// in C by that element and its padding. Layer: tests (driver).
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "driver/corpus_util.h"
#include "readers/cheader/cheader_reader.h"
#include "readers/tlb/tlb_reader.h"

using namespace tlbkit;
using namespace tlbkit::testing;
namespace m = tlbkit::model;

namespace {

/// How the SDK knows a struct with or without its tag: tagRECT, _RECT and RECT are one.
std::string key(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name.rfind("tag", 0) == 0) name = name.substr(3);
  return name.substr(std::min(name.find_first_not_of('_'), name.size()));
}

const std::vector<m::Variable>* fields_of(const m::TypeInfo& t) {
  if (auto* r = std::get_if<m::RecordDef>(&t.def)) return &r->fields;
  if (auto* u = std::get_if<m::UnionDef>(&t.def)) return &u->fields;
  return nullptr;
}

/// The header's records and unions by key, read for one target.
std::map<std::string, m::TypeInfo> header_layouts(m::SysKind target) {
  // In this build's folder: two builds' test runs (Release, ASan) may run at once.
  const std::filesystem::path dir = std::filesystem::path(TLBKIT_BINARY_DIR) / "header-corpus-layout";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "sdk_types.h").string();
  std::ofstream(path) << "#include <windows.h>\n#include <ole2.h>\n#include <olectl.h>\n"
                         "#include <mshtml.h>\n#include <exdisp.h>\n#include <activscp.h>\n";
  cheader::CHeaderOptions opts;
  opts.target = target;
  opts.include_patterns = {"*"};  // every SDK header's declarations, not only this file's
  support::DiagEngine diags;
  auto lib = cheader::read_cheader(path, opts, diags);
  REQUIRE_MESSAGE(lib, "the SDK headers do not read (is mingw-w64-x86-64-dev installed?)");
  std::map<std::string, m::TypeInfo> out;
  for (m::TypeInfo& t : lib->types)
    if (fields_of(t) != nullptr) out.emplace(key(t.name), std::move(t));
  return out;
}

/// A trailing `T x[1]`: C's spelling of a conformant array.
bool ends_in_one_element_array(const std::vector<m::Variable>& fields) {
  if (fields.empty()) return false;
  const auto* a = std::get_if<m::CArray>(&fields.back().type.v);
  return a != nullptr && a->bounds.size() == 1 && a->bounds[0].count == 1;
}

}  // namespace

TEST_CASE("header struct layouts equal what the corpus typelibs record") {
  std::map<m::SysKind, std::map<std::string, m::TypeInfo>> header;
  header[m::SysKind::Win32] = header_layouts(m::SysKind::Win32);
  header[m::SysKind::Win64] = header_layouts(m::SysKind::Win64);
  size_t compared = 0, conformant = 0, fields_compared = 0;
  for (const CorpusCase& c : corpus_cases()) {
    std::string bytes = slurp(c.input);
    std::span<const uint8_t> span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    support::DiagEngine diags;
    auto lib = tlb::read_typelib(span, c.input.string(),
                                 c.resource ? std::optional<uint32_t>(c.resource) : std::nullopt, diags);
    REQUIRE_MESSAGE(lib, c.display());
    auto side = header.find(lib->syskind);
    if (side == header.end()) continue;  // win16 libraries: no header target
    for (const m::TypeInfo& t : lib->types) {
      const auto* tf = fields_of(t);
      if (tf == nullptr) continue;
      auto it = side->second.find(key(t.name));
      if (it == side->second.end()) continue;
      const m::TypeInfo& h = it->second;
      const auto* hf = fields_of(h);
      CAPTURE(c.display());
      CAPTURE(t.name);
      ++compared;
      CHECK(t.layout.alignment == h.layout.alignment);
      if (t.layout.size != h.layout.size) {
        // Accepted only as C's [1] for a conformant array: the typelib's size is smaller.
        const bool explained = ends_in_one_element_array(*hf) && t.layout.size < h.layout.size;
        CHECK_MESSAGE(explained, "size: typelib " << t.layout.size << ", header " << h.layout.size);
        conformant += explained ? 1 : 0;
      }
      for (const m::Variable& f : *tf) {
        auto same = std::find_if(hf->begin(), hf->end(),
                                 [&](const m::Variable& g) { return g.name == f.name; });
        if (same == hf->end()) continue;  // C and IDL may name a union's arms differently
        ++fields_compared;
        CHECK_MESSAGE(f.offset == same->offset, "field " << f.name);
      }
    }
  }
  MESSAGE(compared << " records and unions of the corpus typelibs found in the SDK headers, "
                   << fields_compared << " fields compared; " << conformant
                   << " bigger in C by a trailing [1] for a conformant array");
  // The corpus holds at least these many (57 when this test was written): far fewer means the
  // headers or the typelibs stopped reading, not that they agree.
  CHECK(compared >= 50);
}
