// A strict JSON parser (RFC 8259, UTF-8) for the descriptor reader. Every value remembers where
// it starts in the text, so a bad element is reported at its line and column; the document is
// a few flat arrays, so parsing and freeing a large descriptor costs little. Layer: readers.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tlbkit::json {

struct Node {
  enum class Type : uint8_t { Null, Boolean, Integer, Unsigned, Real, String, Array, Object };
  Type type = Type::Null;
  bool boolean = false;
  uint32_t first = 0, count = 0;  // Array/Object: the range of its items/members in the Document
  size_t offset = 0;              // byte offset of the value's first character
  /// Integer: a whole number that fits int64. Unsigned: one above INT64_MAX that fits uint64.
  /// Real: any other number.
  union Number {
    int64_t i;
    uint64_t u;
    double d;
  } number{0};
  std::string_view string;  // String: the decoded text

  bool is_integer() const { return type == Type::Integer || type == Type::Unsigned; }
  bool is_number() const { return is_integer() || type == Type::Real; }
};

struct Member {
  std::string_view key;  // decoded
  size_t key_offset;     // where the key's opening quote is
  uint32_t value;        // node index
};

class Document {
 public:
  const Node& root() const { return nodes_.front(); }
  const Node& node(uint32_t index) const { return nodes_[index]; }
  /// The element node indexes of an array.
  std::span<const uint32_t> items(const Node& array) const {
    return std::span<const uint32_t>(items_).subspan(array.first, array.count);
  }
  std::span<const Member> members(const Node& object) const {
    return std::span<const Member>(members_).subspan(object.first, object.count);
  }
  /// The member `key` of an object, or null.
  const Member* find(const Node& object, std::string_view key) const;

 private:
  friend class Parser;
  std::vector<Node> nodes_;
  std::vector<uint32_t> items_;
  std::vector<Member> members_;
  std::deque<std::string> decoded_;  // strings that had escapes (a deque keeps them in place)
};

struct ParseError {
  std::string message;
  size_t offset;
};

/// Parses `text` as one JSON value. Beyond the RFC it refuses nesting deeper than `max_depth`;
/// repeated keys are left for the caller to judge (Document keeps every member). A UTF-8
/// byte-order mark at the start is skipped. A string escape of a lone low surrogate
/// U+DC80…U+DCFF stands for the single byte 0x80…0xFF, so that text that was not UTF-8 in its
/// library survives (the JSON writer writes such bytes so); other lone surrogates are errors.
std::variant<Document, ParseError> parse(std::string_view text, int max_depth);

}  // namespace tlbkit::json
