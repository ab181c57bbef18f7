// The MSFT writer's bytes where a mistake would be silent (the runtime would load the file and
// show the same listing): the name hash against the hashes real MIDL- and widl-built files store,
// the hash chains FindName/IsName walk, GUID hash chains, a dual interface's record, custom data
// of every VARTYPE, module entries by name and by ordinal, shared type descriptors, and the
// models that cannot be written. Layer: tests.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <set>

#include "model/compare.h"
#include "model/library_set.h"
#include "readers/tlb/tlb_reader.h"
#include "writers/oleaut/oleaut_writer.h"
#include "writers/tlb/msft_hash.h"
#include "writers/tlb/tlb_writer.h"
#include "tlb_writer_raw.h"

using namespace tlbkit;
using namespace tlbkit::model;
using namespace tlbkit::testing;
namespace fmt = tlbformat::msft;
using S = tlbformat::msft::Segment;

namespace {

const Guid kIDispatch = *Guid::parse("{00020400-0000-0000-C000-000000000046}");

Guid guid_n(uint8_t n) {
  Guid g = *Guid::parse("{5E1F0000-1234-4321-ABCD-0123456789AB}");
  g.bytes[0] = n;
  return g;
}

Library base_lib(SysKind sk = SysKind::Win64) {
  Library lib;
  lib.name = "TestLib";
  lib.libid = *Guid::parse("{12345678-1234-1234-1234-123456789ABC}");
  lib.version = {1, 2};
  lib.syskind = sk;
  lib.imports = {{stdole_libid(), {2, 0}, 0, "stdole2.tlb", "stdole"}};
  return lib;
}

TypeRef idispatch() { return TypeRef{UserType{0u, "IDispatch", kIDispatch, std::nullopt}}; }
TypeRef local(uint32_t i, std::string name) {
  return TypeRef{UserType{std::nullopt, std::move(name), std::nullopt, i}};
}

RawMsft write(const Library& lib) {
  support::DiagEngine d;
  auto bytes = tlbw::write_typelib(lib, d);
  std::string msgs;
  for (const auto& x : d.all()) msgs += x.code + " " + x.message + "\n";
  REQUIRE_MESSAGE(bytes, msgs);
  // With TLBW_DUMP_DIR set, each file is kept (N.tlb) for the real runtime, beside the listing
  // tlbkit's runtime emulation gives for it (N.emulated.txt).
  if (const char* dump = std::getenv("TLBW_DUMP_DIR")) {
    static int n = 0;
    const std::string stem = std::string(dump) + "/unit" + std::to_string(++n);
    std::ofstream(stem + ".tlb", std::ios::binary) << *bytes;
    support::DiagEngine rd;
    std::span<const uint8_t> s(reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size());
    if (auto back = tlb::read_typelib(s, "written", std::nullopt, rd)) {
      LibrarySet set;
      for (const char* rel : {"wine/stdole2.tlb", "wine/stdole32.tlb"}) {
        std::vector<uint8_t> b = corpus_bytes(rel);
        support::DiagEngine d2;
        set.add(*tlb::read_typelib(b, rel, std::nullopt, d2));
      }
      resolve_import_names(*back, set);
      std::ofstream(stem + ".emulated.txt", std::ios::binary) << oleaut::write_listing(*back, set);
    }
  }
  return RawMsft{*bytes};
}

Library read_back(const RawMsft& r) {
  support::DiagEngine d;
  std::span<const uint8_t> s(reinterpret_cast<const uint8_t*>(r.b.data()), r.b.size());
  auto lib = tlb::read_typelib(s, "written", std::nullopt, d);
  REQUIRE(lib);
  return *lib;
}

Library stdole2() {
  std::vector<uint8_t> b = corpus_bytes("wine/stdole2.tlb");
  support::DiagEngine d;
  auto lib = tlb::read_typelib(b, "stdole2.tlb", std::nullopt, d);
  REQUIRE(lib);
  return *lib;
}

/// Write, read back, compare. An MSFT file does not hold the names of imported libraries and
/// types (only LIBIDs, GUIDs and indexes): the reader gets them back from the libraries at hand.
void check_round_trip(const Library& lib) {
  Library back = read_back(write(lib));
  LibrarySet set;
  set.add(stdole2());
  resolve_import_names(back, set);
  CHECK_MESSAGE(diff(lib, back).empty(), "differs at " << diff(lib, back));
}

/// Every name entry: {offset, text, stored 16-bit hash}, walking NameTab as the runtime does.
struct NameEntry {
  int32_t off;
  std::string text;
  uint32_t hash16;
  int32_t href;
};
std::vector<NameEntry> name_entries(const RawMsft& r) {
  std::vector<NameEntry> out;
  auto [start, len] = r.seg(S::NameTab);
  for (uint32_t off = 0; start >= 0 && off < len;) {
    uint32_t at = uint32_t(start) + off;
    uint32_t nl = r.u32(at + fmt::name::kNameLen);
    out.push_back({int32_t(off), r.name(int32_t(off)), nl >> 16, r.i32(at)});
    off += std::max<uint32_t>((12 + (nl & 0xFF) + 3) & ~3u, 8);
  }
  return out;
}

/// ITypeLib::FindName as native oleaut32 is documented to do it: hash the name with the
/// header's LCID and SYSKIND, walk that bucket's chain, compare without case.
int32_t find_name(const RawMsft& r, const std::string& name) {
  uint32_t h = tlbw::name_hash(r.syskind(), r.header(fmt::header::kLcid), name);
  auto [names, len] = r.seg(S::NameTab);
  int32_t e = r.i32(uint32_t(r.seg(S::NameHashTab).first) + 4 * (h & 0x7F));
  for (int steps = 0; e != -1 && steps < 100000; ++steps) {
    uint32_t at = uint32_t(names + e);
    if ((r.u32(at + 8) >> 16) == (h & 0xFFFF) && r.name(e).size() == name.size()) {
      std::string a = r.name(e), b = name;
      for (auto& c : a) c = char(toupper(static_cast<unsigned char>(c)));
      for (auto& c : b) c = char(toupper(static_cast<unsigned char>(c)));
      if (a == b) return e;
    }
    e = r.i32(at + fmt::name::kNextHash);
  }
  return -1;
}

}  // namespace

TEST_CASE("name hash: known values from widl bytes (doc §13)") {
  // "TestLib" and "ISimple" in a widl-built win64 library with LCID 0x409: namelen words
  // 0xACCC0007 and 0x3F493807.
  CHECK((tlbw::name_hash(3, 0x409, "TestLib") & 0xFFFF) == 0xACCC);
  CHECK((tlbw::name_hash(3, 0x409, "ISimple") & 0xFFFF) == 0x3F49);
  CHECK((tlbw::name_hash(3, 0x409, "ISimple") >> 16) == 16);  // the Latin table's offset
  // Case and the W→V, Y→U folding do not change the hash.
  CHECK(tlbw::name_hash(1, 0x409, "window") == tlbw::name_hash(1, 0x409, "VINDOV"));
  CHECK(tlbw::name_hash(1, 0x409, "Yes") == tlbw::name_hash(1, 0x409, "UES"));
}

TEST_CASE("name hash: equals the hash stored for every name of every real MSFT file") {
  // MIDL-built (ms/), Wine-built (wine/) and widl-built (widl/) libraries, win32 and win64,
  // LCID 0 and 9: thousands of names.
  size_t checked = 0, files = 0;
  for (const CorpusCase& c : corpus_cases()) {
    if (c.resource) continue;
    std::string rel = std::filesystem::relative(c.input, source_dir() + "/testdata/corpus").string();
    RawMsft r = corpus_msft(rel);
    if (r.b.empty()) continue;  // SLTG
    ++files;
    const uint32_t lcid = r.header(fmt::header::kLcid), sk = r.syskind();
    for (const NameEntry& e : name_entries(r)) {
      CAPTURE(rel);
      CAPTURE(e.text);
      CHECK((tlbw::name_hash(sk, lcid, e.text) & 0xFFFF) == e.hash16);
      ++checked;
    }
  }
  CHECK(files >= 30);
  CHECK(checked > 10000);
  MESSAGE(checked << " names in " << files << " files");
}

TEST_CASE("GUID hash: every GUID of a real file hangs in the bucket guid_hash names") {
  RawMsft r = corpus_msft("ms/msado15.dll");
  REQUIRE(!r.b.empty());
  auto [gt, glen] = r.seg(S::GuidTab);
  auto [ht, hlen] = r.seg(S::GuidHashTab);
  REQUIRE(hlen == 0x80);
  std::set<int32_t> reached;
  for (uint32_t bucket = 0; bucket < 32; ++bucket)
    for (int32_t e = r.i32(uint32_t(ht) + 4 * bucket); e != -1; e = r.i32(uint32_t(gt + e) + 20)) {
      Guid g;
      for (uint32_t k = 0; k < 16; ++k) g.bytes[k] = uint8_t(r.b[uint32_t(gt + e) + k]);
      CHECK(tlbw::guid_hash(g) == bucket);
      reached.insert(e);
    }
  CHECK(reached.size() == glen / 24);
}

TEST_CASE("written names: stored hashes, one bucket each, FindName finds every name") {
  std::vector<uint8_t> bytes = corpus_bytes("wine/mshtml.tlb");
  support::DiagEngine d;
  auto lib = tlb::read_typelib(bytes, "mshtml.tlb", std::nullopt, d);
  REQUIRE(lib);
  RawMsft r = write(*lib);
  std::vector<NameEntry> entries = name_entries(r);
  CHECK(entries.size() == r.header(fmt::header::kNameTableCount));
  uint32_t chars = 0;
  std::set<std::string> folded;
  for (const NameEntry& e : entries) {
    chars += uint32_t(e.text.size());
    CHECK((tlbw::name_hash(r.syskind(), r.header(fmt::header::kLcid), e.text) & 0xFFFF) == e.hash16);
    CHECK(find_name(r, e.text) == e.off);
    std::string f = e.text;
    for (auto& c : f) c = char(toupper(static_cast<unsigned char>(c)));
    folded.insert(f);
  }
  CHECK(chars == r.header(fmt::header::kNameTableChars));
  // Names are unique without regard to case: FindName can return only one entry per name.
  CHECK(folded.size() == entries.size());
  // Each type is found by any spelling, and its entry names the type (hreftype = its offset).
  for (uint32_t i = 0; i < lib->types.size(); i += 37) {
    std::string lower = lib->types[i].name;
    for (auto& c : lower) c = char(tolower(static_cast<unsigned char>(c)));
    int32_t e = find_name(r, lower);
    REQUIRE(e >= 0);
    CHECK(r.i32(uint32_t(r.seg(S::NameTab).first + e)) == int32_t(i * fmt::typeinfo::kSize));
  }
}

TEST_CASE("a dual interface is one TKIND_DISPATCH record with FDUAL; its interface half derives") {
  Library lib = base_lib();
  TypeInfo dual;
  dual.name = "IDual";
  dual.guid = guid_n(1);
  dual.flags = typeflag::Dual | typeflag::Dispatchable | typeflag::OleAutomation;
  dual.layout = {8, 8, 8 * 8};
  Function go;
  go.name = "Go";
  go.memid = 1;
  go.vtable_offset = 7 * 8;
  go.result = TypeRef::base(vt::HResult);
  dual.def = InterfaceDef{{ImplType{idispatch(), 0, {}}}, {go}};
  TypeInfo derived;
  derived.name = "IDerived";
  derived.guid = guid_n(2);
  derived.layout = {8, 8, 9 * 8};
  Function more = go;
  more.name = "More";
  more.memid = 0x60020000;
  more.vtable_offset = 8 * 8;
  derived.def = InterfaceDef{{ImplType{local(0, "IDual"), 0, {}}}, {more}};
  lib.types = {dual, derived};
  RawMsft r = write(lib);

  const uint32_t t0 = r.typeinfo(0), t1 = r.typeinfo(1);
  CHECK((r.u32(t0) & 0xF) == uint32_t(TypeKind::Dispatch));
  CHECK((r.u32(t0) & 0x10) != 0);  // widl's "dual or based dispinterface" bit
  CHECK((r.u32(t0 + fmt::typeinfo::kFlags) & typeflag::Dual) != 0);
  CHECK(r.u16(t0 + fmt::typeinfo::kCImplTypes) == 1);
  CHECK(r.u16(t0 + fmt::typeinfo::kCbSizeVft) == 64);
  const int32_t base = r.i32(t0 + fmt::typeinfo::kDatatype1);
  CHECK((base & 1) == 1);  // an import: IDispatch from stdole
  CHECK(r.i32(fmt::header::kDispatchPos) == base);  // the header names the same IDispatch
  // The vtable functions stay pure virtual with their real offsets in the file.
  const uint32_t rec = uint32_t(r.i32(t0 + fmt::typeinfo::kMemOffset)) + 4;
  CHECK((r.u32(rec + fmt::func::kFkccic) & 7) == uint32_t(FuncKind::PureVirtual));
  CHECK(r.u16(rec + fmt::func::kVtableOffset) == 56);
  // The derived interface's base is the dual's typeinfo offset (the runtime adds bit 1 to ask
  // for its interface half).
  CHECK((r.u32(t1) & 0xF) == uint32_t(TypeKind::Interface));
  CHECK(r.i32(t1 + fmt::typeinfo::kDatatype1) == 0);
  check_round_trip(lib);

  LibrarySet set;
  std::vector<uint8_t> std2 = corpus_bytes("wine/stdole2.tlb");
  support::DiagEngine d;
  set.add(*tlb::read_typelib(std2, "stdole2.tlb", std::nullopt, d));
  std::string listing = oleaut::write_listing(read_back(r), set);
  CHECK(listing.find("type IDual kind=4") != std::string::npos);
  CHECK(listing.find("dualpartner IDual") != std::string::npos);
}

TEST_CASE("a dual without any dispinterface still gets IDispatch in the header from stdole") {
  Library lib = base_lib();
  TypeInfo a;
  a.name = "IA";
  a.guid = guid_n(1);
  a.flags = typeflag::Dual | typeflag::Dispatchable;
  a.layout = {8, 8, 56};
  a.def = InterfaceDef{{ImplType{TypeRef{UserType{0u, "IUnknown",
                                                  *Guid::parse("{00000000-0000-0000-C000-000000000046}"),
                                                  std::nullopt}},
                                 0, {}}},
                       {}};
  lib.types = {a};
  RawMsft r = write(lib);
  int32_t dp = r.i32(fmt::header::kDispatchPos);
  REQUIRE(dp >= 0);
  REQUIRE((dp & 1) == 1);
  // The ImpInfo entry names IID_IDispatch by GUID.
  auto [ii, ilen] = r.seg(S::ImpInfo);
  uint32_t e = uint32_t(ii + (dp & ~3));
  CHECK((r.u32(e) & fmt::impinfo::kOffsetIsGuid) != 0);
  uint32_t g = uint32_t(r.seg(S::GuidTab).first + r.i32(e + 8));
  CHECK(r.b.substr(g, 16) == std::string(reinterpret_cast<const char*>(kIDispatch.bytes.data()), 16));
}

TEST_CASE("custom data of every VARTYPE a library stores: encodings and round trip") {
  Library lib = base_lib();
  struct Item {
    Value v;
    std::optional<uint32_t> inline_word;  // expected inline encoding
    std::string stored;                   // else the expected CustData bytes (hex-free raw)
  };
  auto val = [](uint16_t t, auto d) { return Value{t, d}; };
  const std::vector<Item> items = {
      {val(vt::I4, int64_t{42}), 0x8C00002A, ""},
      {val(vt::I4, int64_t{-1}), std::nullopt, std::string("\x03\x00\xFF\xFF\xFF\xFF\x57\x57", 8)},
      {val(vt::I4, int64_t{0x4000000}), std::nullopt, std::string("\x03\x00\x00\x00\x00\x04\x57\x57", 8)},
      {val(vt::I2, int64_t{-2}), 0x8800FFFE, ""},
      {val(vt::Bool, int64_t{-1}), 0xAC00FFFF, ""},
      {val(vt::I1, int64_t{-3}), 0xC00000FD, ""},
      {val(vt::UI1, int64_t{200}), 0xC40000C8, ""},
      {val(vt::UI2, int64_t{65535}), 0xC800FFFF, ""},
      {val(vt::UI4, int64_t{0xFFFFFFFF}), std::nullopt, std::string("\x13\x00\xFF\xFF\xFF\xFF\x57\x57", 8)},
      {val(vt::Int, int64_t{7}), 0xD8000007, ""},
      {val(vt::UInt, int64_t{8}), 0xDC000008, ""},
      {val(vt::I8, int64_t{-5}), std::nullopt, std::string("\x14\x00\xFB\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x57\x57", 12)},
      {val(vt::UI8, int64_t{5}), std::nullopt, std::string("\x15\x00\x05\0\0\0\0\0\0\0\x57\x57", 12)},
      {val(vt::R4, 1.5), std::nullopt, std::string("\x04\x00\x00\x00\xC0\x3F\x57\x57", 8)},
      {val(vt::R8, 2.0), std::nullopt, std::string("\x05\x00\0\0\0\0\0\0\x00\x40\x57\x57", 12)},
      {val(vt::Cy, int64_t{15000}), std::nullopt, std::string("\x06\x00\x98\x3A\0\0\0\0\0\0\x57\x57", 12)},
      {val(vt::Date, 1.0), std::nullopt, std::string("\x07\x00\0\0\0\0\0\0\xF0\x3F\x57\x57", 12)},
      {val(vt::Bstr, std::string("hi")), std::nullopt, std::string("\x08\x00\x02\0\0\0hi", 8)},
      {Value{vt::Bstr, std::monostate{}}, std::nullopt, std::string("\x08\x00\xFF\xFF\xFF\xFF\x57\x57", 8)},
      {val(vt::Error, int64_t{0x80004005}), std::nullopt, std::string("\x0A\x00\x05\x40\x00\x80\x57\x57", 8)},
      {val(vt::HResult, int64_t{1}), std::nullopt, std::string("\x19\x00\x01\0\0\0\x57\x57", 8)},
      {Value{vt::Empty, std::monostate{}}, 0x80000000, ""},
      {Value{vt::Null, std::monostate{}}, 0x84000000, ""},
  };
  for (size_t i = 0; i < items.size(); ++i)
    lib.custom.push_back({guid_n(uint8_t(i + 1)), items[i].v});
  // HRESULT's data: the reader keeps it as a signed 32-bit value.
  RawMsft r = write(lib);
  auto [cd, cdlen] = r.seg(S::CDGuids);
  auto [gt, glen] = r.seg(S::GuidTab);
  auto [data, dlen] = r.seg(S::CustData);
  size_t seen = 0;
  for (int32_t node = r.i32(fmt::header::kCustomDataOffset); node != -1;
       node = r.i32(uint32_t(cd + node) + 8), ++seen) {
    REQUIRE(seen < items.size());
    uint32_t g = uint32_t(gt + r.i32(uint32_t(cd + node)));
    const size_t i = uint8_t(r.b[g]) - 1u;
    REQUIRE(i < items.size());
    CAPTURE(i);
    const int32_t enc = r.i32(uint32_t(cd + node) + 4);
    if (items[i].inline_word) {
      CHECK(uint32_t(enc) == *items[i].inline_word);
    } else {
      REQUIRE(enc >= 0);
      CHECK(r.b.substr(uint32_t(data + enc), items[i].stored.size()) == items[i].stored);
    }
    // The list runs from the last item added back to the first, as MIDL writes it.
    CHECK(i == items.size() - 1 - seen);
  }
  CHECK(seen == items.size());
  Library back = read_back(r);
  REQUIRE(back.custom.size() == items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    CAPTURE(i);
    Value want = items[i].v;
    if (want.vt == vt::Error) want.data = int64_t{int32_t(0x80004005)};  // 32-bit, signed
    CHECK(back.custom[i].value == want);
  }
}

TEST_CASE("custom data on the type, function, parameter, variable and implemented interface") {
  Library lib = base_lib();
  CustomData one = {{guid_n(9), Value{vt::I4, int64_t{1}}}};
  TypeInfo rec;
  rec.name = "Rec";
  rec.custom = one;
  rec.layout = {4, 4, 0};
  Variable f;
  f.name = "x";
  f.memid = 0x40000000;
  f.type = TypeRef::base(vt::I4);
  f.custom = one;
  rec.def = RecordDef{{f}};
  TypeInfo itf;
  itf.name = "IThing";
  itf.guid = guid_n(3);
  itf.layout = {8, 8, 32};
  Function fn;
  fn.name = "Do";
  fn.memid = 0x60010000;
  fn.vtable_offset = 24;
  fn.result = TypeRef::base(vt::HResult);
  fn.custom = one;
  Param p;
  p.name = "a";
  p.type = TypeRef::base(vt::I4);
  p.flags = paramflag::In;
  p.custom = one;
  Param q = p;
  q.name = "b";
  q.custom = {};
  fn.params = {q, p};  // custom data on the second parameter only
  itf.def = InterfaceDef{{ImplType{TypeRef{UserType{0u, "IUnknown",
                                                    *Guid::parse("{00000000-0000-0000-C000-000000000046}"),
                                                    std::nullopt}},
                                   0, {}}},
                         {fn}};
  TypeInfo co;
  co.name = "Thing";
  co.guid = guid_n(4);
  co.flags = typeflag::CanCreate;
  co.layout = {8, 8, 0};
  co.def = CoclassDef{{ImplType{local(1, "IThing"), implflag::Default, one}}};
  lib.types = {rec, itf, co};
  check_round_trip(lib);
  // The function record keeps a custom-data slot for every parameter, the last one's empty
  // (-1) included, as MIDL and widl write it: 7 optional fields + 2 slots.
  itf.def = InterfaceDef{std::get<InterfaceDef>(itf.def).bases, {fn}};
  std::get<InterfaceDef>(itf.def).functions[0].params = {p, q};
  lib.types = {rec, itf, co};
  RawMsft r = write(lib);
  const uint32_t frec = uint32_t(r.i32(r.typeinfo(1) + fmt::typeinfo::kMemOffset)) + 4;
  CHECK((r.u32(frec) & 0xFFFF) == fmt::func::kFixedSize + 9 * 4 + 2 * fmt::func::kParamSize);
  CHECK((r.u32(frec + fmt::func::kFkccic) & fmt::func::kHasCustData) != 0);
  CHECK(r.i32(frec + fmt::func::kOArgCustData) >= 0);
  CHECK(r.i32(frec + fmt::func::kOArgCustData + 4) == -1);
  check_round_trip(lib);
}

TEST_CASE("module functions: DLL entries by name and by ordinal; constants") {
  Library lib = base_lib(SysKind::Win32);
  TypeInfo m;
  m.name = "Kernel";
  m.layout = {0, 0, 0};
  Function byname;
  byname.name = "Ticks";
  byname.memid = 0x60000000;
  byname.funckind = FuncKind::Static;
  byname.result = TypeRef::base(vt::UI4);
  byname.entry.v = std::string("GetTickCount");
  Function byord = byname;
  byord.name = "Beep";
  byord.memid = 0x60000001;
  byord.entry.v = uint16_t{17};
  Variable c;
  c.name = "MaxPath";
  c.memid = 0x40000000;
  c.varkind = VarKind::Const;
  c.type = TypeRef::base(vt::I4);
  c.value = Value{vt::I4, int64_t{260}};
  m.def = ModuleDef{"kernel32.dll", {byname, byord}, {c}};
  lib.types = {m};
  RawMsft r = write(lib);
  const uint32_t t0 = r.typeinfo(0);
  auto [st, stlen] = r.seg(S::StringTab);
  auto str = [&](int32_t off) {
    uint32_t at = uint32_t(st + off);
    return r.b.substr(at + 2, r.u16(at));
  };
  CHECK(str(r.i32(t0 + fmt::typeinfo::kDatatype1)) == "kernel32.dll");
  uint32_t rec0 = uint32_t(r.i32(t0 + fmt::typeinfo::kMemOffset)) + 4;
  uint32_t rec1 = rec0 + (r.u32(rec0) & 0xFFFF);
  CHECK((r.u32(rec0 + fmt::func::kFkccic) & fmt::func::kEntryIsOrdinal) == 0);
  CHECK(str(r.i32(rec0 + fmt::func::kOEntry)) == "GetTickCount");
  CHECK((r.u32(rec1 + fmt::func::kFkccic) & fmt::func::kEntryIsOrdinal) != 0);
  CHECK(r.i32(rec1 + fmt::func::kOEntry) == 17);
  CHECK((r.u32(rec1 + fmt::func::kFkccic) & 7) == uint32_t(FuncKind::Static));
  check_round_trip(lib);
}

TEST_CASE("type descriptors are shared: BSTR* twice is one TypedescTab entry") {
  Library lib = base_lib();
  TypeInfo itf;
  itf.name = "IStr";
  itf.guid = guid_n(5);
  itf.layout = {8, 8, 40};
  Function a;
  a.name = "A";
  a.memid = 0x60010000;
  a.vtable_offset = 24;
  a.result = TypeRef::base(vt::HResult);
  a.params = {Param{"s", TypeRef::pointer_to(TypeRef::base(vt::Bstr)),
                    paramflag::Out | paramflag::RetVal, std::nullopt, {}}};
  Function b = a;
  b.name = "B";
  b.memid = 0x60010001;
  b.vtable_offset = 32;
  // A C array and a SAFEARRAY, with a default value.
  b.params.push_back(Param{"arr", TypeRef{CArray{TypeRef::base(vt::I2), {{0, 3}, {1, 4}}}},
                           paramflag::In, std::nullopt, {}});
  b.params.push_back(Param{"sa", TypeRef::safearray_of(TypeRef::base(vt::Variant)),
                           paramflag::In | paramflag::Opt | paramflag::HasDefault,
                           Value{vt::I4, int64_t{-7}}, {}});
  itf.def = InterfaceDef{{}, {a, b}};
  lib.types = {itf};
  RawMsft r = write(lib);
  auto [td, tdlen] = r.seg(S::TypedescTab);
  // BSTR*: {VT_PTR | (VT_BSTR | VT_BYREF) << 16, inline BSTR} (doc §5.5), stored once.
  CHECK(r.u32(uint32_t(td)) == 0x4008001A);
  CHECK(r.u32(uint32_t(td) + 4) == 0x80080008);
  std::set<std::pair<uint32_t, uint32_t>> entries;
  for (uint32_t k = 0; k < tdlen; k += 8) entries.insert({r.u32(uint32_t(td) + k), r.u32(uint32_t(td) + k + 4)});
  CHECK(entries.size() == tdlen / 8);  // no entry twice
  // short[3][4] from 0 and 1: {element, cDims | cDims*8 << 16, {3, 0}, {4, 1}}.
  auto [ad, adlen] = r.seg(S::ArrayDesc);
  CHECK(r.u32(uint32_t(ad)) == 0x80020002);
  CHECK(r.u32(uint32_t(ad) + 4) == 0x00100002);
  CHECK(r.u32(uint32_t(ad) + 8) == 3);
  CHECK(r.u32(uint32_t(ad) + 20) == 1);
  check_round_trip(lib);
}

TEST_CASE("models that cannot be written are refused with a located error") {
  auto code_of = [](const Library& lib) {
    support::DiagEngine d;
    auto bytes = tlbw::write_typelib(lib, d);
    CHECK_FALSE(bytes);
    return d.all().empty() ? std::string() : d.all().back().code;
  };
  Library nolibid = base_lib();
  nolibid.libid.reset();
  CHECK(code_of(nolibid) == "TK6001");
  Library noname = base_lib();
  noname.name.clear();
  CHECK(code_of(noname) == "TK6002");
  Library win16 = base_lib(SysKind::Win16);
  CHECK(code_of(win16) == "TK6003");
  Library dangling = base_lib();
  TypeInfo al;
  al.name = "Bad";
  al.def = AliasDef{local(99, "Nothing")};
  dangling.types = {al};
  CHECK(code_of(dangling) == "TK6024");
  Library unfindable = base_lib();
  al.def = AliasDef{TypeRef{UserType{0u, "Who", std::nullopt, std::nullopt}}};
  unfindable.types = {al};
  CHECK(code_of(unfindable) == "TK6023");
  Library deep = base_lib();
  TypeRef t = TypeRef::base(vt::I4);
  for (int i = 0; i < 100; ++i) t = TypeRef::pointer_to(t);
  al.def = AliasDef{t};
  deep.types = {al};
  CHECK(code_of(deep) == "TK6027");
  Library badimport = base_lib();
  al.def = AliasDef{TypeRef{UserType{5u, "Who", kIDispatch, std::nullopt}}};
  badimport.types = {al};
  CHECK(code_of(badimport) == "TK6022");
}

TEST_CASE("imports by index survive; the same model gives the same bytes") {
  Library lib = base_lib(SysKind::Win32);
  TypeInfo al;
  al.name = "Color";
  al.layout = {4, 4, 0};
  al.def = AliasDef{TypeRef{UserType{0u, stdole2().types.at(3).name, std::nullopt, 3u}}};
  lib.types = {al};
  check_round_trip(lib);
  support::DiagEngine d;
  CHECK(*tlbw::write_typelib(lib, d) == *tlbw::write_typelib(lib, d));
}

TEST_CASE("an imported type's TYPEKIND is recorded from the libraries at hand, as MIDL does") {
  Library std2 = stdole2();
  LibrarySet set;
  set.add(std2);
  Library lib = base_lib(SysKind::Win32);
  // Every type of stdole2, by position: its ImpInfo records that type's own kind.
  for (uint32_t i = 0; i < std2.types.size(); ++i) {
    TypeInfo al;
    al.name = "A" + std::to_string(i);
    al.layout = {4, 4, 0};
    al.def = AliasDef{TypeRef{UserType{0u, std2.types[i].name, std::nullopt, i}}};
    lib.types.push_back(al);
  }
  support::DiagEngine d;
  auto bytes = tlbw::write_typelib(lib, d, &set);
  REQUIRE(bytes);
  RawMsft r{*bytes};
  auto [ii, ilen] = r.seg(S::ImpInfo);
  REQUIRE(ilen == 12 * std2.types.size());
  std::set<uint32_t> kinds;
  for (uint32_t k = 0; k < ilen; k += 12) {
    const uint32_t index = r.u32(uint32_t(ii) + k + 8);
    REQUIRE(index < std2.types.size());
    CHECK((r.u32(uint32_t(ii) + k) >> 24) == uint32_t(stored_kind(std2.types[index])));
    kinds.insert(r.u32(uint32_t(ii) + k) >> 24);
  }
  CHECK(kinds.size() >= 3);  // stdole2 has interfaces, dispinterfaces, aliases, records, enums
}

TEST_CASE("library attributes: help file and help DLL flags, the extra INT, contexts, LCIDs") {
  Library lib = base_lib(SysKind::Win32);
  lib.helpfile = "lib.chm";
  lib.helpstringdll = "libres.dll";
  lib.docs = {"The library", 17, 23};
  lib.lcid = 0x407;
  lib.flags = libflag::Control | libflag::Hidden;
  RawMsft r = write(lib);
  namespace h = fmt::header;
  CHECK(r.header(h::kVarFlags) == (0x40u | 1u | fmt::kVarFlagsHelpFile | fmt::kVarFlagsHelpDll));
  CHECK(r.header(h::kLcid) == 0x407);   // the name-hash LCID
  CHECK(r.header(h::kLcid2) == 0x407);  // TLIBATTR.lcid
  CHECK(r.header(h::kHelpStringContext) == 23);
  CHECK(r.header(h::kHelpContext) == 17);
  CHECK(r.header(h::kVersion) == 0x00020001);  // 1.2: minor in the high WORD
  // The help DLL's StringTab offset sits right after the header, before the (empty) type list.
  auto [st, stlen] = r.seg(S::StringTab);
  uint32_t dll = uint32_t(st + r.i32(h::kSize));
  CHECK(r.b.substr(dll + 2, r.u16(dll)) == "libres.dll");
  CHECK(r.directory() == h::kSize + 4);
  check_round_trip(lib);
  // Without a library LCID the names are hashed for 0x409, and TLIBATTR.lcid stays 0.
  Library plain = base_lib();
  RawMsft p = write(plain);
  CHECK(p.header(h::kLcid) == 0x409);
  CHECK(p.header(h::kLcid2) == 0);
  CHECK(p.header(h::kVarFlags) == 0x43);
}

TEST_CASE("function records keep optional fields up to the last one present") {
  Library lib = base_lib();
  TypeInfo itf;
  itf.name = "IOpt";
  itf.guid = guid_n(6);
  itf.layout = {8, 8, 48};
  Function plain;
  plain.name = "Plain";
  plain.memid = 0x60010000;
  plain.vtable_offset = 24;
  plain.result = TypeRef::base(vt::HResult);
  plain.params = {Param{"a", TypeRef::base(vt::I4), paramflag::In, std::nullopt, {}}};
  Function help = plain;
  help.name = "Help";
  help.memid = 0x60010001;
  help.vtable_offset = 32;
  help.docs.helpstring = "helps";
  Function ctx = plain;
  ctx.name = "Ctx";
  ctx.memid = 0x60010002;
  ctx.vtable_offset = 40;
  ctx.docs.helpstringcontext = 5;  // the 6th optional field
  itf.def = InterfaceDef{{}, {plain, help, ctx}};
  lib.types = {itf};
  RawMsft r = write(lib);
  uint32_t rec = uint32_t(r.i32(r.typeinfo(0) + fmt::typeinfo::kMemOffset)) + 4;
  const uint32_t fixed = fmt::func::kFixedSize, param = fmt::func::kParamSize;
  CHECK((r.u32(rec) & 0xFFFF) == fixed + param);  // no optional field
  rec += r.u32(rec) & 0xFFFF;
  CHECK((r.u32(rec) & 0xFFFF) == fixed + 2 * 4 + param);  // HelpContext, oHelpString
  CHECK(r.i32(rec + fmt::func::kHelpContext) == 0);
  rec += r.u32(rec) & 0xFFFF;
  CHECK((r.u32(rec) & 0xFFFF) == fixed + 6 * 4 + param);  // … up to HelpStringContext
  CHECK(r.i32(rec + fmt::func::kOEntry) == -1);
  CHECK(r.i32(rec + fmt::func::kHelpStringContext) == 5);
  check_round_trip(lib);
}

TEST_CASE("types whose names differ only in case keep their own name entries and references") {
  Library lib = base_lib();
  TypeInfo a;
  a.name = "Thing";
  a.layout = {4, 4, 0};
  a.def = AliasDef{TypeRef::base(vt::I4)};
  TypeInfo b = a;
  b.name = "THING";
  b.def = AliasDef{TypeRef::base(vt::R8)};
  TypeInfo c = a;
  c.name = "UsesSecond";
  c.def = AliasDef{local(1, "THING")};
  // A member spelled like the first type shares its entry (one name, any case, one entry).
  TypeInfo e;
  e.name = "E";
  e.layout = {4, 4, 0};
  Variable v;
  v.name = "Thing";
  v.memid = 0x40000000;
  v.varkind = VarKind::Const;
  v.type = TypeRef::base(vt::Int);
  v.value = Value{vt::I4, int64_t{1}};
  e.def = EnumDef{{v}};
  lib.types = {a, b, c, e};
  RawMsft r = write(lib);
  const int32_t n0 = r.i32(r.typeinfo(0) + fmt::typeinfo::kNameOffset);
  const int32_t n1 = r.i32(r.typeinfo(1) + fmt::typeinfo::kNameOffset);
  CHECK(n0 != n1);
  auto [nt, ntlen] = r.seg(S::NameTab);
  CHECK(r.i32(uint32_t(nt + n0)) == 0);     // hreftype: typeinfo 0
  CHECK(r.i32(uint32_t(nt + n1)) == 0x64);  // typeinfo 1
  check_round_trip(lib);
}

TEST_CASE("a GUID used as a custom-data key and as a type's GUID records the type") {
  Library lib = base_lib();
  lib.custom = {{guid_n(7), Value{vt::I4, int64_t{1}}}};  // met first, as a custom-data key
  TypeInfo e;
  e.name = "E";
  e.guid = guid_n(7);
  e.layout = {4, 4, 0};
  e.def = EnumDef{};
  lib.types = {TypeInfo{}, e};
  lib.types[0].name = "First";
  lib.types[0].layout = {4, 4, 0};
  lib.types[0].def = AliasDef{TypeRef::base(vt::I4)};
  RawMsft r = write(lib);
  const int32_t pos = r.i32(r.typeinfo(1) + fmt::typeinfo::kPosGuid);
  REQUIRE(pos >= 0);
  CHECK(r.i32(uint32_t(r.seg(S::GuidTab).first + pos) + 16) == 0x64);  // typeinfo 1's offset
  check_round_trip(lib);
}

TEST_CASE("functions sharing a memid are linked as MIDL links them (next lower INVOKEKIND)") {
  // msado15's Command15.ActiveConnection: propget, propputref, propput at indexes 0, 1, 2 hold
  // 1, 2, 0; its _Record.ActiveConnection (propget, propput, propputref) holds 2, 0, 1.
  auto links = [](std::vector<InvokeKind> kinds) {
    Library lib = base_lib();
    TypeInfo itf;
    itf.name = "IProp";
    itf.guid = guid_n(8);
    itf.layout = {8, 8, uint16_t(8 * (3 + kinds.size()))};
    std::vector<Function> fns;
    for (size_t i = 0; i < kinds.size(); ++i) {
      Function f;
      f.name = "Conn";
      f.memid = 5;
      f.invkind = kinds[i];
      f.vtable_offset = int32_t(8 * (3 + i));
      f.result = TypeRef::base(vt::HResult);
      f.params = {Param{"", TypeRef::base(vt::Dispatch), paramflag::In, std::nullopt, {}}};
      fns.push_back(f);
    }
    itf.def = InterfaceDef{{}, fns};
    lib.types = {itf};
    RawMsft r = write(lib);
    std::vector<uint32_t> out;
    uint32_t rec = uint32_t(r.i32(r.typeinfo(0) + fmt::typeinfo::kMemOffset)) + 4;
    for (size_t i = 0; i < kinds.size(); ++i) {
      out.push_back(r.u32(rec + fmt::func::kFkccic) >> 16);
      rec += r.u32(rec) & 0xFFFF;
    }
    return out;
  };
  using K = InvokeKind;
  CHECK(links({K::PropertyGet, K::PropertyPutRef, K::PropertyPut}) == std::vector<uint32_t>{1, 2, 0});
  CHECK(links({K::PropertyGet, K::PropertyPut, K::PropertyPutRef}) == std::vector<uint32_t>{2, 0, 1});
  CHECK(links({K::PropertyGet, K::PropertyPut}) == std::vector<uint32_t>{1, 0});
  CHECK(links({K::Func}) == std::vector<uint32_t>{0});
}
