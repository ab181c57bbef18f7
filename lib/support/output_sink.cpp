// DiskSink: write-if-changed through a temporary file and an atomic rename. Layer: support.
#include "support/output_sink.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace tlbkit::support {

std::string DiskSink::put(const std::string& path, const std::string& bytes) {
  if (path == "-") {
    size_t n = std::fwrite(bytes.data(), 1, bytes.size(), stdout);
    std::fflush(stdout);
    return n == bytes.size() ? std::string{} : std::string("cannot write to standard output");
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  // Write-if-changed: an output with the same bytes is left alone (quiet incremental builds).
  // Sizes are compared first, so a changed output costs no read.
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == bytes.size() && !ec) {
    std::ifstream old(path, std::ios::binary);
    std::string current(bytes.size(), '\0');
    if (old.read(current.data(), static_cast<std::streamsize>(current.size())) && current == bytes)
      return {};
  }
  fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  fs::path tmp = target;
  tmp += ".tlbkit-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return "cannot create '" + tmp.string() + "'";
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      fs::remove(tmp, ec);
      return "cannot write '" + tmp.string() + "'";
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return "cannot rename to '" + path + "': " + ec.message();
  }
  return {};
}

}  // namespace tlbkit::support
