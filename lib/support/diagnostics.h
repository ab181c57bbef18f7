// Diagnostics: one engine collects what readers and writers report; consumers print. The library
// never prints and never exits. Layer: support.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tlbkit::support {

enum class Severity : uint8_t { Note, Warning, Error };

/// Where a diagnostic points: a text position (line/column, 1-based) or a byte offset in binary
/// input. An empty file name means "no location" (e.g. a usage problem).
struct Location {
  std::string file;
  uint32_t line = 0, column = 0;          // text input; 0 = unknown
  std::optional<uint64_t> offset;         // binary input: byte offset in the file
  static Location at_offset(std::string file, uint64_t off) {
    Location l;
    l.file = std::move(file);
    l.offset = off;
    return l;
  }
  static Location in_file(std::string file) {
    Location l;
    l.file = std::move(file);
    return l;
  }
};

/// Stable codes: never reuse one. TK1xxx input files and containers, TK2xxx type library format,
/// TK3xxx JSON, TK4xxx references between libraries, TK9xxx usage.
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;  // "TK2001"
  Location where;
  std::string message;
  std::vector<Diagnostic> notes;
};

class DiagEngine {
 public:
  explicit DiagEngine(unsigned error_limit = 50) : error_limit_(error_limit) {}

  void report(Diagnostic d);
  void error(std::string code, Location where, std::string message);
  void warning(std::string code, Location where, std::string message);

  bool has_errors() const { return errors_ > 0; }
  unsigned error_count() const { return errors_; }
  /// True once the error limit is reached: readers stop early instead of flooding.
  bool too_many_errors() const { return error_limit_ != 0 && errors_ >= error_limit_; }
  const std::vector<Diagnostic>& all() const { return diags_; }

 private:
  std::vector<Diagnostic> diags_;
  unsigned errors_ = 0;
  unsigned error_limit_;
};

enum class DiagStyle : uint8_t { Gcc, Msvc };

/// "file:12:5: error: message [TK1001]", "file: offset 0x1a40: error: …", or MSBuild's
/// "file(12,5): error TK1001: message".
std::string format_diagnostic(const Diagnostic& d, DiagStyle style);

}  // namespace tlbkit::support
