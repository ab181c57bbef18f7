// Diagnostic engine and formatting. Layer: support.
#include "support/diagnostics.h"

#include <cstdio>

namespace tlbkit::support {

void DiagEngine::report(Diagnostic d) {
  if (d.severity == Severity::Error) {
    if (too_many_errors()) return;
    ++errors_;
  }
  diags_.push_back(std::move(d));
}

void DiagEngine::error(std::string code, Location where, std::string message) {
  report({Severity::Error, std::move(code), std::move(where), std::move(message), {}});
}

void DiagEngine::warning(std::string code, Location where, std::string message) {
  report({Severity::Warning, std::move(code), std::move(where), std::move(message), {}});
}

namespace {
const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::string location_prefix(const Location& l, DiagStyle style) {
  if (l.file.empty()) return "tlbkit: ";
  std::string s = l.file;
  if (l.offset) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(*l.offset));
    return s + (style == DiagStyle::Msvc ? "(offset " : ": offset ") + buf +
           (style == DiagStyle::Msvc ? "): " : ": ");
  }
  if (l.line == 0) return s + ": ";
  if (style == DiagStyle::Msvc)
    return s + "(" + std::to_string(l.line) + "," + std::to_string(l.column) + "): ";
  return s + ":" + std::to_string(l.line) + ":" + std::to_string(l.column) + ": ";
}

void append(std::string& out, const Diagnostic& d, DiagStyle style) {
  out += location_prefix(d.where, style);
  if (style == DiagStyle::Msvc) {
    out += std::string(severity_name(d.severity)) + " " + d.code + ": " + d.message;
  } else {
    out += std::string(severity_name(d.severity)) + ": " + d.message;
    if (!d.code.empty()) out += " [" + d.code + "]";
  }
  out += "\n";
  for (const Diagnostic& n : d.notes) append(out, n, style);
}
}  // namespace

std::string format_diagnostic(const Diagnostic& d, DiagStyle style) {
  std::string out;
  append(out, d, style);
  return out;
}

}  // namespace tlbkit::support
