// The streaming JSON emitter. Layer: writers.
#include "writers/json/json_emitter.h"

#include <array>
#include <charconv>
#include <cmath>

#include "support/utf8.h"

namespace tlbkit::json {

namespace {
constexpr char kHex[] = "0123456789abcdef";

void append_u_escape(std::string& out, unsigned cp) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 0xF];
}

using support::utf8_length;

/// Bytes a JSON string can hold as they are: printable ASCII other than '"' and '\\'.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (unsigned c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();
}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  size_t run = 0;  // start of the pending run of bytes copied as they are
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (kPlain[c]) {
      ++i;
      continue;
    }
    size_t n = c >= 0x80 ? utf8_length(s, i) : 0;
    if (n != 0) {
      i += n;
      continue;
    }
    out.append(s.data() + run, i - run);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default: append_u_escape(out, c < 0x80 ? c : 0xDC00u + c); break;
    }
    run = ++i;
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void Emitter::newline_indent(size_t depth) {
  out_ += '\n';
  out_.append(depth * 2, ' ');
}

void Emitter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  Level& l = stack_.back();
  if (!l.empty) out_ += l.one_line ? ", " : ",";
  if (!l.one_line) newline_indent(stack_.size());
  l.empty = false;
}

void Emitter::key(std::string_view k) {
  before_value();
  out_ += '"';
  out_ += k;  // the descriptor's own keys: plain ASCII, nothing to escape
  out_ += "\": ";
  after_key_ = true;
}

void Emitter::open(char c, bool one_line) {
  before_value();
  out_ += c;
  bool inside_one_line = !stack_.empty() && stack_.back().one_line;
  stack_.push_back({one_line || inside_one_line, true});
}

void Emitter::close(char c) {
  Level l = stack_.back();
  stack_.pop_back();
  if (!l.empty && !l.one_line) newline_indent(stack_.size());
  out_ += c;
  if (stack_.empty()) out_ += '\n';
}

void Emitter::string(std::string_view s) {
  before_value();
  append_json_string(out_, s);
}

void Emitter::boolean(bool v) {
  before_value();
  out_ += v ? "true" : "false";
}

void Emitter::integer(int64_t v) {
  before_value();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}

void Emitter::unsigned_integer(uint64_t v) {
  before_value();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}

void Emitter::real(double v) {
  if (std::isnan(v)) return string("NaN");
  if (std::isinf(v)) return string(v > 0 ? "Infinity" : "-Infinity");
  before_value();
  char buf[40];
  auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest form that round-trips
  std::string_view text(buf, static_cast<size_t>(r.ptr - buf));
  out_ += text;
  if (text.find_first_of(".e") == std::string_view::npos) out_ += ".0";
}

}  // namespace tlbkit::json
