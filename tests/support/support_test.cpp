// Unit tests of the support layer: GUIDs, the bounds-checked reader, diagnostics, output sinks.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "support/byte_reader.h"
#include "support/diagnostics.h"
#include "support/guid.h"
#include "support/output_sink.h"

using namespace tlbkit::support;

TEST_CASE("GUID text form round-trips and uses Windows byte order") {
  auto g = Guid::parse("{00020400-0000-0000-C000-000000000046}");
  REQUIRE(g);
  CHECK(g->bytes[0] == 0x00);
  CHECK(g->bytes[1] == 0x04);
  CHECK(g->bytes[8] == 0xC0);
  CHECK(g->to_string() == "{00020400-0000-0000-C000-000000000046}");
  CHECK(Guid::parse("e34cb9f1-c7f7-424c-be29-027dcc09363a")->to_string() ==
        "{E34CB9F1-C7F7-424C-BE29-027DCC09363A}");
  CHECK_FALSE(Guid::parse("{00020400-0000-0000-C000-00000000004}"));
  CHECK_FALSE(Guid::parse("{00020400-0000-0000-C000-00000000004G}"));
}

TEST_CASE("ByteReader reads little-endian and refuses out-of-bounds reads") {
  const uint8_t data[] = {0x4d, 0x53, 0x46, 0x54, 0x02, 0x00};
  ByteReader r(data);
  CHECK(r.u32(0) == 0x5446534d);
  CHECK(r.u16(4) == 2);
  CHECK_THROWS_AS(r.u32(4), ReadError);
  CHECK_THROWS_AS(r.u8(6), ReadError);
  CHECK_THROWS_AS(r.bytes(2, UINT64_MAX), ReadError);
  try {
    r.u32(3, "header field");
  } catch (const ReadError& e) {
    CHECK(e.offset == 3);
    CHECK(std::string(e.what()).find("header field") != std::string::npos);
  }
}

TEST_CASE("Diagnostics format in gcc and msvc styles, with byte offsets for binary input") {
  DiagEngine d;
  d.error("TK2001", Location::at_offset("a.tlb", 0x1a40), "bad thing");
  Location text;
  text.file = "a.idl";
  text.line = 12;
  text.column = 5;
  d.warning("TK5001", text, "odd thing");
  REQUIRE(d.all().size() == 2);
  CHECK(d.has_errors());
  CHECK(format_diagnostic(d.all()[0], DiagStyle::Gcc) ==
        "a.tlb: offset 0x1a40: error: bad thing [TK2001]\n");
  CHECK(format_diagnostic(d.all()[1], DiagStyle::Gcc) ==
        "a.idl:12:5: warning: odd thing [TK5001]\n");
  CHECK(format_diagnostic(d.all()[1], DiagStyle::Msvc) ==
        "a.idl(12,5): warning TK5001: odd thing\n");
}

TEST_CASE("The error limit stops a flood") {
  DiagEngine d(3);
  for (int i = 0; i < 10; ++i) d.error("TK1", {}, "e");
  CHECK(d.error_count() == 3);
  CHECK(d.too_many_errors());
}

TEST_CASE("DiskSink replaces files whole and leaves no temporary behind") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "tlbkit-sink-test";
  fs::remove_all(dir);
  DiskSink sink;
  std::string path = (dir / "sub" / "out.txt").string();
  CHECK(sink.put(path, "one").empty());
  CHECK(sink.put(path, "two").empty());
  std::ifstream in(path);
  std::string s;
  std::getline(in, s);
  CHECK(s == "two");
  CHECK_FALSE(fs::exists(path + ".tlbkit-tmp"));
  CHECK_FALSE(sink.put((dir / "missing-dir-is-file" / "x").string() + std::string(1, '\0'), "x").empty() == false);
  fs::remove_all(dir);
}

TEST_CASE("DiskSink leaves an output alone when its bytes did not change") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "tlbkit-sink-unchanged";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string path = (dir / "out.txt").string();
  DiskSink sink;
  REQUIRE(sink.put(path, "same").empty());
  auto old_time = fs::file_time_type::clock::now() - std::chrono::hours(1);
  fs::last_write_time(path, old_time);
  CHECK(sink.put(path, "same").empty());
  CHECK(fs::last_write_time(path) == old_time);  // not rewritten
  CHECK(sink.put(path, "diff").empty());          // same size, other bytes: rewritten
  CHECK(fs::last_write_time(path) != old_time);
  fs::remove_all(dir);
}
