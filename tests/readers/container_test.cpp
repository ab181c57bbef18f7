// Where a typelib's bytes live: TYPELIB resources of PE32 and PE32+ files listed by ID and
// picked one by one, bare MSFT files, and each broken container reported once, with the file and
// a byte offset. Layer: tests.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "readers/tlb/tlb_reader.h"
#include "driver/corpus_util.h"
#include "support/byte_reader.h"

using namespace tlbkit;

namespace {

std::vector<uint32_t> ids(const std::vector<tlb::TypelibResource>& rs) {
  std::vector<uint32_t> out;
  for (const auto& r : rs) out.push_back(r.id);
  return out;
}

bool has_code(const support::DiagEngine& d, const std::string& code) {
  for (const auto& x : d.all())
    if (x.code == code) return true;
  return false;
}

/// The offset of the first occurrence of `needle` in `hay`, or npos.
size_t find(const std::vector<uint8_t>& hay, const std::vector<uint8_t>& needle) {
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end());
  return it == hay.end() ? std::string::npos : size_t(it - hay.begin());
}

const std::vector<uint8_t> kTypelibUtf16 = {'T', 0, 'Y', 0, 'P', 0, 'E', 0, 'L', 0, 'I', 0, 'B', 0};

}  // namespace

TEST_CASE("the TYPELIB resources of PE32 files are listed by ID, each an MSFT blob") {
  struct Case {
    const char* file;
    std::vector<uint32_t> ids;
  };
  for (const Case& c : {Case{"ms/FM20.DLL", {1, 2}}, Case{"ms/vbscript.dll", {1, 2, 3}},
                        Case{"ms/msvbvm60.dll", {1, 3}}}) {
    CAPTURE(c.file);
    auto bytes = testing::corpus_bytes(c.file);
    support::DiagEngine d;
    auto found = tlb::list_typelib_resources(bytes, c.file, d);
    CHECK_FALSE(d.has_errors());
    CHECK(ids(found) == c.ids);
    for (const auto& r : found) {
      REQUIRE(r.file_offset + r.size <= bytes.size());
      CHECK(std::memcmp(bytes.data() + r.file_offset, "MSFT", 4) == 0);
    }
  }
}

TEST_CASE("a PE32+ file's TYPELIB resource is found (Wine's stdole2.tlb)") {
  auto bytes = testing::corpus_bytes("wine/stdole2.tlb");
  support::DiagEngine d;
  auto found = tlb::list_typelib_resources(bytes, "stdole2.tlb", d);
  REQUIRE(ids(found) == std::vector<uint32_t>{1});
  auto lib = tlb::read_typelib(bytes, "stdole2.tlb", std::nullopt, d);
  REQUIRE(lib);
  CHECK(lib->name == "stdole");
  CHECK(lib->syskind == model::SysKind::Win64);
}

TEST_CASE("file\\N picks TYPELIB resource N; the default is 1") {
  auto bytes = testing::corpus_bytes("ms/vbscript.dll");
  support::DiagEngine d;
  auto one = tlb::read_typelib(bytes, "vbscript.dll", std::nullopt, d);
  auto first = tlb::read_typelib(bytes, "vbscript.dll", 1, d);
  auto second = tlb::read_typelib(bytes, "vbscript.dll", 2, d);
  auto third = tlb::read_typelib(bytes, "vbscript.dll", 3, d);
  REQUIRE((one && first && second && third));
  CHECK_FALSE(d.has_errors());
  CHECK(*one == *first);
  // Three different libraries (the last two share a LIBID, with different versions).
  CHECK(first->name == "VBScript_Global");
  CHECK(second->name == "VBScript_RegExp_10");
  CHECK(third->name == "VBScript_RegExp_55");
  CHECK(third->version == model::Version{5, 5});
}

TEST_CASE("asking for a resource ID the file lacks names the IDs it has") {
  auto bytes = testing::corpus_bytes("ms/msvbvm60.dll");
  support::DiagEngine d;
  CHECK_FALSE(tlb::read_typelib(bytes, "msvbvm60.dll", 2, d));
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].code == "TK1103");
  CHECK(d.all()[0].where.file == "msvbvm60.dll");
  CHECK(d.all()[0].message.find("1, 3") != std::string::npos);
  CHECK(d.all()[0].where.offset);  // the TYPELIB ID directory
}

TEST_CASE("a PE file without a TYPELIB resource gets one clear error") {
  auto bytes = testing::corpus_bytes("reactos/stdole2.tlb");  // a PE32 file
  size_t at = find(bytes, kTypelibUtf16);
  REQUIRE(at != std::string::npos);
  bytes[at + 12] = 'X';  // the resource type is now "TYPELIX"
  support::DiagEngine d;
  CHECK(tlb::list_typelib_resources(bytes, "x.dll", d).empty());
  CHECK_FALSE(tlb::read_typelib(bytes, "x.dll", std::nullopt, d));
  REQUIRE(d.error_count() == 2);  // once for the listing, once for the read
  CHECK(d.all()[0].code == "TK1102");
  CHECK(d.all()[0].message == "PE file has no TYPELIB resource");
  REQUIRE(d.all()[0].where.offset);
  CHECK(*d.all()[0].where.offset < at);  // the resource tree's root, before the names
}

TEST_CASE("a PE file without any resources: the error points at the empty directory entry") {
  auto bytes = testing::corpus_bytes("reactos/stdole2.tlb");
  support::ByteReader r(bytes);
  uint32_t nt = r.u32(0x3C);
  size_t entry = nt + 24 + 96 + 2 * 8;  // PE32: data directory 2 (resources)
  std::memset(bytes.data() + entry, 0, 8);
  support::DiagEngine d;
  CHECK(tlb::list_typelib_resources(bytes, "x.dll", d).empty());
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].code == "TK1102");
  CHECK(d.all()[0].where.offset == entry);
}

TEST_CASE("the resource type name is matched case-insensitively") {
  auto bytes = testing::corpus_bytes("reactos/stdole2.tlb");
  size_t at = find(bytes, kTypelibUtf16);
  REQUIRE(at != std::string::npos);
  bytes[at] = 't';
  bytes[at + 4] = 'p';
  support::DiagEngine d;
  CHECK(ids(tlb::list_typelib_resources(bytes, "x.dll", d)) == std::vector<uint32_t>{1});
}

TEST_CASE("broken PE headers are reported with the file and the offset of the bad field") {
  auto good = testing::corpus_bytes("reactos/stdole2.tlb");
  support::ByteReader r(good);
  uint32_t nt = r.u32(0x3C);

  SUBCASE("e_lfanew past the end") {
    auto b = good;
    uint32_t far = uint32_t(b.size() + 100);
    std::memcpy(b.data() + 0x3C, &far, 4);
    support::DiagEngine d;
    CHECK_FALSE(tlb::read_typelib(b, "bad.dll", std::nullopt, d));
    REQUIRE(d.error_count() == 1);
    CHECK(d.all()[0].code == "TK1101");
    CHECK(d.all()[0].where.file == "bad.dll");
    CHECK(d.all()[0].where.offset == far);
  }
  SUBCASE("no PE signature") {
    auto b = good;
    b[nt] = 'X';
    support::DiagEngine d;
    CHECK_FALSE(tlb::read_typelib(b, "bad.dll", std::nullopt, d));
    REQUIRE(d.error_count() == 1);
    CHECK(d.all()[0].where.offset == nt);
  }
  SUBCASE("an unknown optional header magic") {
    auto b = good;
    b[nt + 24] = 0x77;
    support::DiagEngine d;
    CHECK_FALSE(tlb::read_typelib(b, "bad.dll", std::nullopt, d));
    REQUIRE(d.error_count() == 1);
    CHECK(d.all()[0].where.offset == nt + 24);
    CHECK(d.all()[0].message.find("optional header magic") != std::string::npos);
  }
  SUBCASE("a section table claiming more sections than the file holds") {
    auto b = good;
    b[nt + 6] = 0xFF;
    b[nt + 7] = 0xFF;
    support::DiagEngine d;
    CHECK_FALSE(tlb::read_typelib(b, "bad.dll", std::nullopt, d));
    CHECK(has_code(d, "TK1101"));
  }
  SUBCASE("the file cut inside the headers") {
    std::vector<uint8_t> b(good.begin(), good.begin() + nt + 30);
    support::DiagEngine d;
    CHECK_FALSE(tlb::read_typelib(b, "bad.dll", std::nullopt, d));
    REQUIRE(d.error_count() == 1);
    CHECK(d.all()[0].code == "TK1101");
  }
}

TEST_CASE("bare files: MSFT read whole, a resource number ignored, other data refused") {
  auto bytes = testing::corpus_bytes("widl/netfw_win64.tlb");
  support::DiagEngine d;
  auto lib = tlb::read_typelib(bytes, "netfw.tlb", 7, d);
  REQUIRE(lib);
  CHECK(lib->name == "NetFwPublicTypeLib");
  CHECK(tlb::looks_like_typelib(bytes));

  std::vector<uint8_t> junk = {'M', 'S', 'F'};
  CHECK_FALSE(tlb::looks_like_typelib(junk));
  support::DiagEngine d2;
  CHECK_FALSE(tlb::read_typelib(junk, "junk", std::nullopt, d2));
  REQUIRE(d2.error_count() == 1);
  CHECK(d2.all()[0].code == "TK1104");
}

TEST_CASE("the format of the library a file holds, for the resource asked for") {
  auto pe = testing::corpus_bytes("ms/FM20.DLL");
  CHECK(tlb::typelib_format(pe, std::nullopt) == tlb::TypelibFormat::Msft);
  CHECK(tlb::typelib_format(pe, 2) == tlb::TypelibFormat::Msft);
  CHECK_FALSE(tlb::typelib_format(pe, 9));
  CHECK(tlb::typelib_format(testing::corpus_bytes("ms/stdole32.tlb"), std::nullopt) == tlb::TypelibFormat::Sltg);
  CHECK(tlb::typelib_format(testing::corpus_bytes("widl/wuapi_win32.tlb"), std::nullopt) ==
        tlb::TypelibFormat::Msft);
  CHECK_FALSE(tlb::typelib_format(std::vector<uint8_t>{'x', 'y', 'z', 'w'}, std::nullopt));
}
