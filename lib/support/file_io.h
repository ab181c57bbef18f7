// Reading input files whole, with diagnostics-ready error messages. Layer: support.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace tlbkit::support {

/// Reads a regular file. On failure returns false and sets `error` ("no such file", "is a
/// directory", …).
bool read_file(const std::string& path, std::vector<uint8_t>& out, std::string& error);

}  // namespace tlbkit::support
