// Positions in JSON text that has already parsed. Everything here scans forward from the start
// and trusts that the text is valid JSON, but never reads past its end. Layer: readers.
#include "readers/json/json_locate.h"

#include <nlohmann/json.hpp>

namespace tlbkit::json {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class Scanner {
 public:
  explicit Scanner(std::string_view text) : t_(text) {}

  char at(size_t pos) const { return pos < t_.size() ? t_[pos] : '\0'; }
  size_t size() const { return t_.size(); }

  /// Where the document's first value starts (after a UTF-8 byte-order mark, which nlohmann
  /// accepts, and white space).
  size_t start() const {
    size_t pos = t_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    return space(pos);
  }
  size_t space(size_t pos) const {
    while (pos < t_.size() && is_space(t_[pos])) ++pos;
    return pos;
  }
  /// `pos` at an opening quote; returns the position after the closing one.
  size_t string(size_t pos) const {
    for (++pos; pos < t_.size() && t_[pos] != '"'; ++pos)
      if (t_[pos] == '\\') ++pos;
    return pos + 1;
  }
  /// `pos` at the first character of a value; returns the position after it.
  size_t value(size_t pos) const {
    char c = at(pos);
    if (c == '"') return string(pos);
    if (c != '{' && c != '[') {
      while (pos < t_.size() && !is_space(t_[pos]) && t_[pos] != ',' && t_[pos] != '}' &&
             t_[pos] != ']')
        ++pos;
      return pos;
    }
    size_t depth = 0;
    while (pos < t_.size()) {
      c = t_[pos];
      if (c == '"') {
        pos = string(pos);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if ((c == '}' || c == ']') && --depth == 0) return pos + 1;
      ++pos;
    }
    return pos;
  }
  /// The decoded text of the string literal in [begin, end).
  std::string key(size_t begin, size_t end) const {
    std::string_view raw = t_.substr(begin, end - begin);
    if (raw.size() >= 2 && raw.find('\\') == std::string_view::npos)
      return std::string(raw.substr(1, raw.size() - 2));
    auto j = nlohmann::json::parse(raw, nullptr, false);
    return j.is_string() ? j.get<std::string>() : std::string(raw);
  }

 private:
  std::string_view t_;
};

/// Within the object at `pos`: the start of the value of `key` (or of the key itself).
std::optional<size_t> find_member(const Scanner& s, size_t pos, const std::string& key,
                                  bool at_key) {
  if (s.at(pos) != '{') return std::nullopt;
  for (pos = s.space(pos + 1); s.at(pos) == '"';) {
    size_t key_start = pos;
    size_t key_end = s.string(pos);
    pos = s.space(s.space(key_end) + 1);  // past ':'
    if (s.key(key_start, key_end) == key) return at_key ? key_start : pos;
    pos = s.space(s.value(pos));
    if (s.at(pos) != ',') return std::nullopt;
    pos = s.space(pos + 1);
  }
  return std::nullopt;
}

std::optional<size_t> find_element(const Scanner& s, size_t pos, size_t index) {
  if (s.at(pos) != '[') return std::nullopt;
  pos = s.space(pos + 1);
  for (size_t i = 0; i < index; ++i) {
    if (s.at(pos) == ']' || pos >= s.size()) return std::nullopt;
    pos = s.space(s.value(pos));
    if (s.at(pos) != ',') return std::nullopt;
    pos = s.space(pos + 1);
  }
  return s.at(pos) == ']' ? std::nullopt : std::optional<size_t>(pos);
}

bool is_identifier(const std::string& k) {
  if (k.empty() || (k[0] >= '0' && k[0] <= '9')) return false;
  for (char c : k)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '_' || c == '$'))
      return false;
  return true;
}
}  // namespace

std::string format_path(const JsonPath& path) {
  std::string out = "$";
  for (const PathStep& step : path) {
    // Appends one piece at a time: GCC 12 warns falsely (-Wrestrict) on "x" + string + "y".
    if (const auto* index = std::get_if<size_t>(&step)) {
      out += '[';
      out += std::to_string(*index);
      out += ']';
    } else if (const auto& k = std::get<std::string>(step); is_identifier(k)) {
      out += '.';
      out += k;
    } else {
      out += '[';
      out += nlohmann::json(k).dump();
      out += ']';
    }
  }
  return out;
}

size_t locate(std::string_view text, const JsonPath& path, bool at_key) {
  Scanner s(text);
  size_t pos = s.start();
  for (size_t i = 0; i < path.size(); ++i) {
    bool last = i + 1 == path.size();
    std::optional<size_t> next;
    if (const auto* index = std::get_if<size_t>(&path[i]))
      next = find_element(s, pos, *index);
    else
      next = find_member(s, pos, std::get<std::string>(path[i]), at_key && last);
    if (!next) return pos;
    pos = *next;
  }
  return pos;
}

std::optional<DuplicateKey> find_duplicate_key(std::string_view text) {
  struct Frame {
    bool object;
    size_t index = 0;
    std::vector<std::string> keys;  // every key so far; the last is the current member's
  };
  Scanner s(text);
  std::vector<Frame> stack;
  auto path = [&] {
    JsonPath p;
    for (const Frame& f : stack) {
      if (f.object)
        p.emplace_back(f.keys.back());
      else
        p.emplace_back(f.index);
    }
    return p;
  };
  size_t pos = s.start();
  bool expect_key = false;  // at the first character of a key, not of a value
  while (pos < s.size()) {
    char c = s.at(pos);
    if (expect_key) {
      size_t end = s.string(pos);
      std::string k = s.key(pos, end);
      Frame& f = stack.back();
      for (const std::string& seen : f.keys)
        if (seen == k) {
          f.keys.push_back(k);
          return DuplicateKey{pos, path()};
        }
      f.keys.push_back(std::move(k));
      pos = s.space(s.space(end) + 1);  // past ':'
      expect_key = false;
      continue;
    }
    if (c == '{' || c == '[') {
      stack.push_back(Frame{c == '{', 0, {}});
      pos = s.space(pos + 1);
      if (s.at(pos) == '}' || s.at(pos) == ']') {
        stack.pop_back();
        ++pos;
      } else {
        expect_key = c == '{';
        continue;
      }
    } else {
      pos = s.value(pos);
    }
    // After a value: a separator, or the end of one or more containers.
    for (pos = s.space(pos); !stack.empty() && (s.at(pos) == '}' || s.at(pos) == ']');
         pos = s.space(pos + 1))
      stack.pop_back();
    if (stack.empty()) break;
    if (s.at(pos) != ',') break;  // not valid JSON: nothing more to find
    pos = s.space(pos + 1);
    if (stack.back().object)
      expect_key = true;
    else
      ++stack.back().index;
  }
  return std::nullopt;
}

LineColumn line_column(std::string_view text, size_t offset) {
  LineColumn lc{1, 1};
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++lc.line;
      lc.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++lc.column;
    }
  }
  return lc;
}

}  // namespace tlbkit::json
