// read_file. Layer: support.
#include "support/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace tlbkit::support {

bool read_file(const std::string& path, std::vector<uint8_t>& out, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    error = "no such file";
    return false;
  }
  if (fs::is_directory(st)) {
    error = "is a directory, not a file";
    return false;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    error = std::strerror(errno);
    return false;
  }
  out.clear();
  uint8_t buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.insert(out.end(), buf, buf + n);
  bool bad = std::ferror(f) != 0;
  std::fclose(f);
  if (bad) {
    error = "read error";
    return false;
  }
  return true;
}

}  // namespace tlbkit::support
