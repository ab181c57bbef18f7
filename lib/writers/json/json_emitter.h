// A small streaming JSON emitter writing straight into a string: 2-space indentation, "\n"
// line ends, and containers that can be kept on one line (type references, flag lists) so the
// descriptor stays readable. No intermediate tree: the whole descriptor of a large library is
// written in one pass. Layer: writers.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tlbkit::json {

class Emitter {
 public:
  explicit Emitter(std::string& out) : out_(out) {}

  /// Containers. A one-line container keeps everything inside it on one line; a container
  /// inside a one-line container is one-line as well.
  void begin_object(bool one_line = false) { open('{', one_line); }
  void end_object() { close('}'); }
  void begin_array(bool one_line = false) { open('[', one_line); }
  void end_array() { close(']'); }

  /// An object key, one of the descriptor's own (plain ASCII: written as it is); the next call
  /// writes its value.
  void key(std::string_view k);

  void string(std::string_view s);
  void integer(int64_t v);
  void unsigned_integer(uint64_t v);
  void boolean(bool v);
  /// A double with the fewest digits that read back to the same value; always with a fraction
  /// or exponent so it reads as a floating-point number. NaN and infinities cannot be JSON
  /// numbers: they are written as the strings "NaN", "Infinity", "-Infinity".
  void real(double v);

 private:
  struct Level {
    bool one_line;
    bool empty;
  };
  void open(char c, bool one_line);
  void close(char c);
  void before_value();
  void newline_indent(size_t depth);

  std::string& out_;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

/// Appends `s` as a JSON string literal (quotes included). Bytes that are not valid UTF-8 are
/// written as escapes of U+DC80…U+DCFF, one per byte (Python's "surrogateescape"), so that no
/// byte of a name is lost: tlbkit's reader turns them back into the bytes; a strict reader
/// elsewhere may reject the lone surrogates. Text from typelibs is UTF-8, so this is rare.
void append_json_string(std::string& out, std::string_view s);

}  // namespace tlbkit::json
