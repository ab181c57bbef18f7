// The strict JSON parser: recursive descent over the text, depth-limited, building flat arrays
// of nodes, array items and object members. Layer: readers.
#include "readers/json/json_parse.h"

#include <charconv>
#include <limits>

#include "support/utf8.h"

namespace tlbkit::json {

const Member* Document::find(const Node& object, std::string_view key) const {
  for (const Member& m : members(object))
    if (m.key == key) return &m;
  return nullptr;
}

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

using support::utf8_length;

void append_utf8(std::string& out, uint32_t cp) {
  auto byte = [&](uint32_t v) { out += static_cast<char>(static_cast<unsigned char>(v)); };
  if (cp < 0x80) {
    byte(cp);
  } else if (cp < 0x800) {
    byte(0xC0 | (cp >> 6));
    byte(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    byte(0xE0 | (cp >> 12));
    byte(0x80 | ((cp >> 6) & 0x3F));
    byte(0x80 | (cp & 0x3F));
  } else {
    byte(0xF0 | (cp >> 18));
    byte(0x80 | ((cp >> 12) & 0x3F));
    byte(0x80 | ((cp >> 6) & 0x3F));
    byte(0x80 | (cp & 0x3F));
  }
}
}  // namespace

class Parser {
 public:
  Parser(std::string_view text, int max_depth) : t_(text), max_depth_(max_depth) {}

  std::variant<Document, ParseError> run() {
    try {
      if (t_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
      space();
      value(0);
      space();
      if (pos_ < t_.size()) fail("unexpected text after the JSON value", pos_);
      return std::move(doc_);
    } catch (const ParseError& e) {
      return e;
    }
  }

 private:
  [[noreturn]] void fail(std::string message, size_t at) { throw ParseError{std::move(message), at}; }
  char peek() const { return pos_ < t_.size() ? t_[pos_] : '\0'; }
  bool at_end() const { return pos_ >= t_.size(); }
  void space() {
    while (pos_ < t_.size() && is_space(t_[pos_])) ++pos_;
  }

  uint32_t value(int depth) {
    if (at_end()) fail("unexpected end of input; expected a value", pos_);
    auto index = static_cast<uint32_t>(doc_.nodes_.size());
    doc_.nodes_.push_back(Node{});
    doc_.nodes_[index].offset = pos_;
    char c = t_[pos_];
    if (c == '{') {
      object(index, depth + 1);
    } else if (c == '[') {
      array(index, depth + 1);
    } else if (c == '"') {
      std::string_view s = string();
      doc_.nodes_[index].type = Node::Type::String;
      doc_.nodes_[index].string = s;
    } else if (c == '-' || is_digit(c)) {
      number(index);
    } else if (c == 't' || c == 'f' || c == 'n') {
      literal(index);
    } else {
      fail("unexpected character; expected a value", pos_);
    }
    return index;
  }

  void enter(int depth) {
    if (depth > max_depth_)
      fail("JSON nested more than " + std::to_string(max_depth_) + " levels deep", pos_);
    ++pos_;
    space();
  }

  void object(uint32_t index, int depth) {
    enter(depth);
    size_t base = pending_members_.size();
    if (peek() == '}') {
      ++pos_;
    } else {
      for (;;) {
        if (peek() != '"') fail("expected a property name in double quotes", pos_);
        size_t key_offset = pos_;
        std::string_view key = string();
        space();
        if (peek() != ':') fail("expected ':' after a property name", pos_);
        ++pos_;
        space();
        uint32_t v = value(depth);
        pending_members_.push_back(Member{key, key_offset, v});
        space();
        if (peek() == ',') {
          ++pos_;
          space();
          continue;
        }
        if (peek() == '}') {
          ++pos_;
          break;
        }
        fail(at_end() ? "unexpected end of input; expected ',' or '}'"
                      : "expected ',' or '}' after an object member", pos_);
      }
    }
    Node& n = doc_.nodes_[index];
    n.type = Node::Type::Object;
    n.first = static_cast<uint32_t>(doc_.members_.size());
    n.count = static_cast<uint32_t>(pending_members_.size() - base);
    doc_.members_.insert(doc_.members_.end(), pending_members_.begin() + static_cast<long>(base),
                         pending_members_.end());
    pending_members_.resize(base);
  }

  void array(uint32_t index, int depth) {
    enter(depth);
    size_t base = pending_items_.size();
    if (peek() == ']') {
      ++pos_;
    } else {
      for (;;) {
        pending_items_.push_back(value(depth));
        space();
        if (peek() == ',') {
          ++pos_;
          space();
          continue;
        }
        if (peek() == ']') {
          ++pos_;
          break;
        }
        fail(at_end() ? "unexpected end of input; expected ',' or ']'"
                      : "expected ',' or ']' after an array element", pos_);
      }
    }
    Node& n = doc_.nodes_[index];
    n.type = Node::Type::Array;
    n.first = static_cast<uint32_t>(doc_.items_.size());
    n.count = static_cast<uint32_t>(pending_items_.size() - base);
    doc_.items_.insert(doc_.items_.end(), pending_items_.begin() + static_cast<long>(base),
                       pending_items_.end());
    pending_items_.resize(base);
  }

  /// `pos_` at the opening quote. Strings without escapes are views of the text itself.
  std::string_view string() {
    size_t open = pos_;
    size_t i = open + 1;
    for (;;) {
      if (i >= t_.size()) fail("unterminated string", open);
      auto c = static_cast<unsigned char>(t_[i]);
      if (c == '"') {
        pos_ = i + 1;
        return t_.substr(open + 1, i - open - 1);
      }
      if (c == '\\') break;
      i += checked_char(i);
    }
    std::string& out = doc_.decoded_.emplace_back(t_.substr(open + 1, i - open - 1));
    for (;;) {
      if (i >= t_.size()) fail("unterminated string", open);
      char c = t_[i];
      if (c == '"') break;
      if (c == '\\') {
        if (i + 1 >= t_.size()) fail("unterminated string", open);
        i = escape(i, out);
        continue;
      }
      size_t n = checked_char(i);
      out.append(t_.substr(i, n));
      i += n;
    }
    pos_ = i + 1;
    return out;
  }

  /// The length of the (unescaped) character at `i` inside a string; fails on control
  /// characters and bytes that are not UTF-8.
  size_t checked_char(size_t i) {
    auto c = static_cast<unsigned char>(t_[i]);
    if (c < 0x20) fail("control character in a string (it must be written as an escape)", i);
    if (c < 0x80) return 1;
    size_t n = utf8_length(t_, i);
    if (n == 0) fail("bytes that are not UTF-8 in a string", i);
    return n;
  }

  uint32_t hex4(size_t i) {
    if (i + 4 > t_.size()) fail("invalid \\u escape: four hex digits must follow", i);
    uint32_t v = 0;
    for (size_t k = i; k < i + 4; ++k) {
      char c = t_[k];
      uint32_t d = is_digit(c) ? static_cast<uint32_t>(c - '0')
                   : (c >= 'a' && c <= 'f') ? static_cast<uint32_t>(c - 'a' + 10)
                   : (c >= 'A' && c <= 'F') ? static_cast<uint32_t>(c - 'A' + 10)
                                            : 16;
      if (d == 16) fail("invalid \\u escape: four hex digits must follow", i);
      v = v * 16 + d;
    }
    return v;
  }

  /// `i` at a backslash; appends what the escape stands for and returns the position after it.
  size_t escape(size_t i, std::string& out) {
    switch (t_[i + 1]) {  // string() made sure there is a character after the backslash
      case '"': out += '"'; return i + 2;
      case '\\': out += '\\'; return i + 2;
      case '/': out += '/'; return i + 2;
      case 'b': out += '\b'; return i + 2;
      case 'f': out += '\f'; return i + 2;
      case 'n': out += '\n'; return i + 2;
      case 'r': out += '\r'; return i + 2;
      case 't': out += '\t'; return i + 2;
      case 'u': break;
      default: fail("invalid escape in a string", i);
    }
    uint32_t cp = hex4(i + 2);
    size_t next = i + 6;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (t_.substr(next, 2) != "\\u") fail("a high surrogate escape must be followed by a low one", i);
      uint32_t low = hex4(next + 2);
      if (low < 0xDC00 || low > 0xDFFF) fail("a high surrogate escape must be followed by a low one", i);
      append_utf8(out, 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00));
      return next + 6;
    }
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
      // U+DC80…U+DCFF alone: one byte that was not UTF-8 (see json_parse.h).
      if (cp < 0xDC80 || cp > 0xDCFF) fail("a low surrogate escape without a high one", i);
      out += static_cast<char>(static_cast<unsigned char>(cp & 0xFF));
      return next;
    }
    append_utf8(out, cp);
    return next;
  }

  void number(uint32_t index) {
    size_t start = pos_;
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
    } else if (is_digit(peek())) {
      while (is_digit(peek())) ++pos_;
    } else {
      fail("invalid number", start);
    }
    bool integral = true;
    if (peek() == '.') {
      ++pos_;
      if (!is_digit(peek())) fail("invalid number: a digit must follow '.'", start);
      while (is_digit(peek())) ++pos_;
      integral = false;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!is_digit(peek())) fail("invalid number: a digit must follow the exponent", start);
      while (is_digit(peek())) ++pos_;
      integral = false;
    }
    const char* b = t_.data() + start;
    const char* e = t_.data() + pos_;
    Node& n = doc_.nodes_[index];
    if (integral) {
      if (*b == '-') {
        if (std::from_chars(b, e, n.number.i).ec == std::errc{}) {
          n.type = Node::Type::Integer;
          return;
        }
      } else if (std::from_chars(b, e, n.number.u).ec == std::errc{}) {
        if (n.number.u <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
          n.number.i = static_cast<int64_t>(n.number.u);
          n.type = Node::Type::Integer;
        } else {
          n.type = Node::Type::Unsigned;
        }
        return;
      }
    }
    auto r = std::from_chars(b, e, n.number.d);
    if (r.ec != std::errc{} || r.ptr != e) fail("number out of range", start);
    n.type = Node::Type::Real;
  }

  void literal(uint32_t index) {
    Node& n = doc_.nodes_[index];
    for (std::string_view word : {"true", "false", "null"}) {
      if (t_.substr(pos_, word.size()) != word) continue;
      n.type = word == "null" ? Node::Type::Null : Node::Type::Boolean;
      n.boolean = word == "true";
      pos_ += word.size();
      return;
    }
    fail("invalid literal (true, false and null are the only ones)", pos_);
  }

  std::string_view t_;
  int max_depth_;
  size_t pos_ = 0;
  Document doc_;
  std::vector<uint32_t> pending_items_;   // items of the arrays being parsed, innermost last
  std::vector<Member> pending_members_;  // members of the objects being parsed, likewise
};

std::variant<Document, ParseError> parse(std::string_view text, int max_depth) {
  return Parser(text, max_depth).run();
}

}  // namespace tlbkit::json
