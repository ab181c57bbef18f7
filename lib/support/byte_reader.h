// ByteReader: bounds-checked little-endian reads over a byte span. Every failure throws
// ReadError with the offending offset, so binary readers never read out of bounds. Layer: support.
#pragma once
#include <cstdint>
#include <cstring>
#include <span>
#include <stdexcept>
#include <string>

#include "support/guid.h"

namespace tlbkit::support {

/// A malformed-input error at a byte offset of the blob being read (not yet file-relative).
struct ReadError : std::runtime_error {
  ReadError(uint64_t off, const std::string& what) : std::runtime_error(what), offset(off) {}
  uint64_t offset;
};

class ByteReader {
 public:
  explicit ByteReader(std::span<const uint8_t> data) : data_(data) {}

  size_t size() const { return data_.size(); }
  std::span<const uint8_t> data() const { return data_; }

  /// True if [off, off+len) lies inside the data.
  bool contains(uint64_t off, uint64_t len) const {
    return off <= data_.size() && len <= data_.size() - off;
  }
  void require(uint64_t off, uint64_t len, const char* what) const {
    if (!contains(off, len))
      throw ReadError(off, std::string(what) + " at offset " + hex(off) + " (" +
                               std::to_string(len) + " bytes) extends past the end of the data (" +
                               std::to_string(data_.size()) + " bytes)");
  }

  uint8_t u8(uint64_t off, const char* what = "byte") const {
    require(off, 1, what);
    return data_[off];
  }
  uint16_t u16(uint64_t off, const char* what = "16-bit value") const {
    require(off, 2, what);
    return static_cast<uint16_t>(data_[off] | (data_[off + 1] << 8));
  }
  uint32_t u32(uint64_t off, const char* what = "32-bit value") const {
    require(off, 4, what);
    uint32_t v;
    std::memcpy(&v, data_.data() + off, 4);  // hosts are little-endian (checked in CMake)
    return v;
  }
  int16_t i16(uint64_t off, const char* what = "16-bit value") const {
    return static_cast<int16_t>(u16(off, what));
  }
  int32_t i32(uint64_t off, const char* what = "32-bit value") const {
    return static_cast<int32_t>(u32(off, what));
  }
  uint64_t u64(uint64_t off, const char* what = "64-bit value") const {
    require(off, 8, what);
    uint64_t v;
    std::memcpy(&v, data_.data() + off, 8);
    return v;
  }
  Guid guid(uint64_t off, const char* what = "GUID") const {
    require(off, 16, what);
    Guid g;
    std::memcpy(g.bytes.data(), data_.data() + off, 16);
    return g;
  }
  std::span<const uint8_t> bytes(uint64_t off, uint64_t len, const char* what = "bytes") const {
    require(off, len, what);
    return data_.subspan(off, len);
  }
  std::string str(uint64_t off, uint64_t len, const char* what = "string") const {
    auto b = bytes(off, len, what);
    return std::string(reinterpret_cast<const char*>(b.data()), b.size());
  }

  static std::string hex(uint64_t v) {
    static const char* digits = "0123456789abcdef";
    std::string s;
    do {
      s.insert(s.begin(), digits[v & 15]);
      v >>= 4;
    } while (v);
    return "0x" + s;
  }

 private:
  std::span<const uint8_t> data_;
};

}  // namespace tlbkit::support
