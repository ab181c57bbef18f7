// OutputSink: where writers put their files. DiskSink writes each file through a temporary and a
// rename, so no half-written file is ever left, and skips files whose bytes did not change.
// MemorySink keeps files for tests. Layer: support.
#pragma once
#include <map>
#include <string>

namespace tlbkit::support {

class OutputSink {
 public:
  virtual ~OutputSink() = default;
  /// Stores the whole content of one output; "-" means standard output. Returns an error
  /// message, or an empty string on success.
  virtual std::string put(const std::string& path, const std::string& bytes) = 0;
};

class MemorySink : public OutputSink {
 public:
  std::string put(const std::string& path, const std::string& bytes) override {
    files[path] = bytes;
    return {};
  }
  std::map<std::string, std::string> files;
};

class DiskSink : public OutputSink {
 public:
  std::string put(const std::string& path, const std::string& bytes) override;
};

}  // namespace tlbkit::support
