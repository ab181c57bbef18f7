// The MSFT name and GUID hashes (doc §5.2, §5.3). The name hash is the runtime's
// LHashValOfNameSysA; its Latin lookup table (the "offset 16" table of English, German and most
// Latin-script languages) is a fact of oleaut32 (Wine's dlls/oleaut32/hash.c, Lookup_16/409, read
// for the values). Layer: writers.
#include "writers/tlb/msft_hash.h"

#include <array>

namespace tlbkit::tlbw {

namespace {

// Windows code page bytes 0x80-0xFF of the Latin table: accents fold to the base letter.
constexpr std::array<uint8_t, 128> kLatinHigh = {
    0x7F, 0x7F, 0x82, 0x46, 0x84, 0x85, 0x86, 0x87, 0x7F, 0x89, 0x53, 0x8B, 0x8C, 0x7F, 0x7F, 0x7F,  // 0x80
    0x7F, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x96, 0x98, 0x99, 0x53, 0x9B, 0x8C, 0x7F, 0x7F, 0x55,  // 0x90
    0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0x41, 0xAB, 0xAC, 0x96, 0xAE, 0xAF,  // 0xA0
    0xB0, 0xB1, 0x32, 0x33, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0x31, 0x4F, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF,  // 0xB0
    0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x43, 0x45, 0x45, 0x45, 0x45, 0x49, 0x49, 0x49, 0x49,  // 0xC0
    0x44, 0x4E, 0x4F, 0x4F, 0x4F, 0x4F, 0x4F, 0xD7, 0x4F, 0x55, 0x55, 0x55, 0x55, 0x55, 0xDE, 0xDF,  // 0xD0
    0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x43, 0x45, 0x45, 0x45, 0x45, 0x49, 0x49, 0x49, 0x49,  // 0xE0
    0x44, 0x4E, 0x4F, 0x4F, 0x4F, 0x4F, 0x4F, 0xF7, 0x4F, 0x55, 0x55, 0x55, 0x55, 0x55, 0xDE, 0x55,  // 0xF0
};

// The ASCII half of the Latin table (doc §5.3): identity, except lower case folds to upper case,
// W/w fold to V and Y/y to U, and '/' hashes as 0.
uint8_t latin(uint8_t c) {
  if (c >= 0x80) return kLatinHigh[c - 0x80];
  if (c >= 'a' && c <= 'z') c = uint8_t(c - 'a' + 'A');
  if (c == 'W') return 'V';
  if (c == 'Y') return 'U';
  if (c == '/') return 0;
  return c;
}

constexpr uint32_t kLatinOffset = 16;
constexpr uint32_t kSysMac = 2;  // SYS_MAC: the low bit of the high WORD

/// The lookup-table offset the runtime picks for PRIMARYLANGID(lcid) (doc §5.3).
uint32_t table_offset(uint32_t lcid) {
  const uint32_t lang = lcid & 0x3FF, sub = (lcid >> 10) & 0x3F;
  switch (lang) {
    case 0x05: case 0x0E: case 0x15: case 0x1B: case 0x0A: return 32;  // cs, hu, pl, sk, es
    case 0x0D: return 48;                                              // he
    case 0x11: return 64;                                              // ja
    case 0x12: return 80;                                              // ko
    case 0x04: return 112;                                             // zh
    case 0x08: return 128;                                             // el
    case 0x0F: return 144;                                             // is
    case 0x1F: return 160;                                             // tr
    case 0x14: return sub == 2 ? 176 : kLatinOffset;                   // nn / nb
    case 0x01: case 0x29: return 208;                                  // ar, fa
    case 0x19: return 224;                                             // ru
    default: return kLatinOffset;
  }
}

}  // namespace

bool name_hash_table_known(uint32_t lcid) { return table_offset(lcid) == kLatinOffset; }

uint32_t name_hash(uint32_t syskind, uint32_t lcid, std::string_view ansi_name) {
  uint32_t lo = 0x0DEADBEE;  // the runtime's seed (doc §5.3)
  for (char ch : ansi_name) {
    if (ch == 0) break;  // the runtime hashes a C string
    lo = lo * 37 + latin(static_cast<uint8_t>(ch));
  }
  lo = (lo % 65599) & 0xFFFF;  // 65599: the runtime's prime modulus
  return ((table_offset(lcid) | (syskind == kSysMac ? 1u : 0u)) << 16) | lo;
}

uint32_t guid_hash(const support::Guid& g) {
  uint32_t h = 0;
  for (size_t i = 0; i < 16; i += 2) h ^= uint32_t(g.bytes[i]) | uint32_t(g.bytes[i + 1]) << 8;
  return h & 0x1F;  // 32 buckets
}

}  // namespace tlbkit::tlbw
