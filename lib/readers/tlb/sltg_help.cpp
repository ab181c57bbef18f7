// Compressed SLTG help strings. The library block holds a dictionary shaped as a binary tree:
// a branch node is 0x80 and a big-endian WORD offset, and says "next bit 1: the node right after
// me; next bit 0: the node at that offset"; any other node is a leaf, one byte and then a
// NUL-terminated word. A help string is a stream of bits (MSB first) naming words one after
// another; they are joined with single spaces, and a leaf with an empty word ends the string.
// Facts from Wine's winedump (tools/winedump/tlb.c, decode_string), checked against every help
// string of the corpus: each decodes to English text, and the longest has exactly the length the
// dictionary's header announces. Layer: readers.
#include <optional>
#include <string>

#include "readers/tlb/sltg_internal.h"
#include "tlbformat/sltg_format.h"

namespace tlbkit::tlb::sltg {

namespace fmt = tlbformat::sltg;

namespace {

/// Reads the bits of one help string, most significant bit first.
class BitStream {
 public:
  BitStream(const ByteReader& r, uint64_t pos, uint64_t end) : r_(r), pos_(pos), end_(end) {}
  /// The next bit, or -1 when the stream is exhausted.
  int next() {
    if (left_ == 0) {
      if (pos_ >= end_) return -1;
      byte_ = r_.u8(pos_++, "help string");
      left_ = 8;
    }
    --left_;
    return (byte_ >> left_) & 1;
  }

 private:
  const ByteReader& r_;
  uint64_t pos_, end_;
  uint8_t byte_ = 0;
  int left_ = 0;
};

/// Walks the tree from the root to a leaf; returns the leaf's word, or nullopt when the bits ran
/// out first.
std::optional<std::string> next_word(const ByteReader& r, const HelpDictionary& d,
                                     BitStream& bits) {
  const uint64_t end = d.data + d.size;
  uint64_t node = d.data;
  while (true) {
    if (node >= end) fail(node, "a help-string dictionary branch leads outside the dictionary");
    if (r.u8(node, "help dictionary") != fmt::help_dict::kBranch) break;
    int bit = bits.next();
    if (bit < 0) return std::nullopt;
    if (bit) {
      node += fmt::help_dict::kBranchSize;
    } else {
      uint16_t to = static_cast<uint16_t>(r.u8(node + 1, "help dictionary") << 8 |
                                          r.u8(node + 2, "help dictionary"));
      node = d.data + to;
    }
  }
  // A leaf: one byte, then the word up to its NUL, inside the dictionary.
  uint64_t text = node + 1;
  uint64_t n = 0;
  while (true) {
    if (text + n >= end) fail(node, "a help-string dictionary word runs past the dictionary");
    if (r.u8(text + n, "help dictionary") == 0) break;
    ++n;
  }
  return r.str(text, n, "help dictionary word");
}

}  // namespace

std::string decode_help_string(const ByteReader& r, const HelpDictionary& dict, uint64_t offset,
                               uint64_t limit) {
  if (dict.size == 0) fail(offset, "a help string is present but the library has no dictionary");
  BitStream bits(r, offset, limit);
  std::string text;
  while (auto word = next_word(r, dict, bits)) {
    if (word->empty()) break;  // the end-of-string leaf
    if (!text.empty()) text += ' ';
    text += *word;
    // The header gives the longest string with its NUL; longer means the bits are not a string.
    if (text.size() >= dict.max_length)
      fail(offset, "a help string decodes to more than the " + std::to_string(dict.max_length) +
                       " bytes the dictionary allows");
  }
  return ansi_to_utf8({reinterpret_cast<const uint8_t*>(text.data()), text.size()}, false);
}

}  // namespace tlbkit::tlb::sltg
