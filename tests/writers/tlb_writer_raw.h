// A raw view of an MSFT blob for the writer's byte-level tests: header fields, the segment
// directory, typeinfo records, name and GUID entries, read straight from the bytes with the
// format's offsets (tlbformat/msft_format.h) — independent of the reader under test. Layer: tests.
#pragma once
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>

#include "driver/corpus_util.h"
#include "readers/tlb/tlb_reader.h"
#include "tlbformat/msft_format.h"

namespace tlbkit::testing {

struct RawMsft {
  std::string b;
  uint32_t u32(uint32_t off) const {
    REQUIRE(off + 4 <= b.size());
    uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = v << 8 | uint8_t(b[off + uint32_t(i)]);
    return v;
  }
  uint16_t u16(uint32_t off) const {
    REQUIRE(off + 2 <= b.size());
    return uint16_t(uint8_t(b[off]) | uint8_t(b[off + 1]) << 8);
  }
  int32_t i32(uint32_t off) const { return int32_t(u32(off)); }
  uint32_t header(uint32_t field) const { return u32(field); }
  uint32_t syskind() const {
    return header(tlbformat::msft::header::kVarFlags) & tlbformat::msft::kVarFlagsSysKindMask;
  }
  uint32_t directory() const {
    namespace h = tlbformat::msft::header;
    return h::kSize + 4 * header(h::kNrTypeInfos) +
           ((header(h::kVarFlags) & tlbformat::msft::kVarFlagsHelpDll) ? 4 : 0);
  }
  /// {offset, length} of a segment; offset -1 when absent.
  std::pair<int32_t, uint32_t> seg(tlbformat::msft::Segment s) const {
    uint32_t e = directory() + uint32_t(s) * tlbformat::msft::kSegmentEntrySize;
    return {i32(e), u32(e + 4)};
  }
  uint32_t typeinfo(uint32_t i) const {
    return uint32_t(seg(tlbformat::msft::Segment::TypeInfoTab).first) +
           i * tlbformat::msft::typeinfo::kSize;
  }
  /// The text of the name entry at NameTab offset `off`.
  std::string name(int32_t off) const {
    uint32_t at = uint32_t(seg(tlbformat::msft::Segment::NameTab).first + off);
    uint32_t len = u32(at + 8) & 0xFF;
    return b.substr(at + 12, len);
  }
};

/// The MSFT blob of a corpus file (its first TYPELIB resource for a PE file); empty when the
/// library there is SLTG.
inline RawMsft corpus_msft(const std::string& rel) {
  std::vector<uint8_t> bytes = corpus_bytes(rel);
  RawMsft r;
  if (bytes.size() >= 2 && bytes[0] == 'M' && bytes[1] == 'Z') {
    support::DiagEngine d;
    auto res = tlb::list_typelib_resources(bytes, rel, d);
    REQUIRE(!res.empty());
    r.b.assign(bytes.begin() + long(res[0].file_offset),
               bytes.begin() + long(res[0].file_offset + res[0].size));
  } else {
    r.b.assign(bytes.begin(), bytes.end());
  }
  if (r.b.size() < 4 || r.u32(0) != tlbformat::msft::kMagicMsft) r.b.clear();
  return r;
}

}  // namespace tlbkit::testing
