// The MSFT reader on small corpus files: specific facts of the model it builds (library
// attributes, imports, duals, dispinterfaces, records, enums, modules, defaults, custom data,
// layouts for win32 and win64), and for damaged files one diagnostic with the file offset,
// never a hang or an unbounded allocation. Layer: tests.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "readers/tlb/tlb_reader.h"
#include "driver/corpus_util.h"
#include "support/byte_reader.h"
#include "tlbformat/msft_format.h"

using namespace tlbkit;
namespace fmt = tlbformat::msft;

namespace {

model::Library read(const std::string& rel) {
  auto bytes = testing::corpus_bytes(rel);
  support::DiagEngine d;
  auto lib = tlb::read_typelib(bytes, rel, std::nullopt, d);
  REQUIRE_MESSAGE(lib, rel);
  CHECK_FALSE(d.has_errors());
  return *lib;
}

const model::TypeInfo& type(const model::Library& lib, const std::string& name) {
  for (const auto& t : lib.types)
    if (t.name == name) return t;
  FAIL("no type " << name);
  throw 0;
}

support::Guid guid(const char* s) { return *support::Guid::parse(s); }

const model::UserType& user(const model::TypeRef& t) { return std::get<model::UserType>(t.v); }
const model::TypeRef& pointee(const model::TypeRef& t) {
  return *std::get<model::Pointer>(t.v).pointee;
}

void put32(std::vector<uint8_t>& b, size_t at, uint32_t v) { std::memcpy(b.data() + at, &v, 4); }
uint32_t get32(const std::vector<uint8_t>& b, size_t at) { return support::ByteReader(b).u32(at); }

/// Blob offset of segment `s`'s directory entry in a bare MSFT file.
size_t segment_entry(const std::vector<uint8_t>& b, fmt::Segment s) {
  uint32_t n = get32(b, fmt::header::kNrTypeInfos);
  uint32_t helpdll = (get32(b, fmt::header::kVarFlags) & fmt::kVarFlagsHelpDll) ? 4 : 0;
  return fmt::header::kSize + 4 * n + helpdll + uint32_t(s) * fmt::kSegmentEntrySize;
}
uint32_t segment_offset(const std::vector<uint8_t>& b, fmt::Segment s) {
  return get32(b, segment_entry(b, s));
}

struct Outcome {
  std::optional<model::Library> lib;
  support::DiagEngine diags;
};
std::unique_ptr<Outcome> try_read(const std::vector<uint8_t>& bytes) {
  auto o = std::make_unique<Outcome>();
  o->lib = tlb::read_typelib(bytes, "bad.tlb", std::nullopt, o->diags);
  return o;
}

}  // namespace

TEST_CASE("library attributes, custom data in the runtime's order, and the stdole import") {
  auto lib = read("widl/netfw_win32.tlb");
  CHECK(lib.name == "NetFwPublicTypeLib");
  CHECK(lib.libid == guid("{DB4F3345-3EF8-45ED-B976-25A6D3B81B71}"));
  CHECK(lib.version == model::Version{1, 0});
  CHECK(lib.syskind == model::SysKind::Win32);
  CHECK(lib.lcid == 0);
  CHECK(lib.flags == 0);  // as declared: the runtime's FHASDISKIMAGE is not part of the file
  // widl pushes each item at the head of the list; the runtime (and the model) report them in
  // the order they were added.
  REQUIRE(lib.custom.size() == 3);
  CHECK(lib.custom[0].guid == guid("{DE77BA65-517C-11D1-A2DA-0000F8773CE9}"));
  CHECK(lib.custom[0].value.vt == model::vt::Bstr);
  CHECK(std::get<std::string>(lib.custom[0].value.data).rfind("Created by WIDL", 0) == 0);
  CHECK(lib.custom[1].guid == guid("{DE77BA63-517C-11D1-A2DA-0000F8773CE9}"));
  CHECK(lib.custom[1].value.vt == model::vt::UI4);
  REQUIRE(lib.imports.size() == 1);
  CHECK(lib.imports[0].libid == model::stdole_libid());
  CHECK(lib.imports[0].version == model::Version{2, 0});
  CHECK(lib.imports[0].file == "stdole2.tlb");
}

TEST_CASE("a dual interface is an InterfaceDef with the Dual flag, its vtable functions and base") {
  auto win32 = read("widl/netfw_win32.tlb");
  auto win64 = read("widl/netfw_win64.tlb");
  for (const model::Library* lib : {&win32, &win64}) {
    const uint32_t ptr = lib->syskind == model::SysKind::Win64 ? 8 : 4;
    CAPTURE(ptr);
    const auto& t = type(*lib, "INetFwRemoteAdminSettings");
    CHECK(model::stored_kind(t) == model::TypeKind::Dispatch);
    CHECK((t.flags & model::typeflag::Dual));
    const auto& d = std::get<model::InterfaceDef>(t.def);
    // Sizes as the file records them for its own pointer size: IDispatch's 7 slots + 8 own.
    CHECK(t.layout == model::TypeLayout{ptr, uint16_t(ptr), uint16_t(15 * ptr)});
    REQUIRE(d.bases.size() == 1);
    const auto& base = user(d.bases[0].type);
    CHECK(base.import == 0u);
    CHECK(base.guid == guid("{00020400-0000-0000-C000-000000000046}"));
    REQUIRE(d.functions.size() == 8);
    const auto& get = d.functions[0];
    CHECK(get.name == "IpVersion");
    CHECK(get.invkind == model::InvokeKind::PropertyGet);
    CHECK(get.funckind == model::FuncKind::PureVirtual);
    CHECK(get.vtable_offset == int32_t(7 * ptr));
    CHECK(get.result == model::TypeRef::base(model::vt::HResult));
    REQUIRE(get.params.size() == 1);
    CHECK(get.params[0].flags == (model::paramflag::Out | model::paramflag::RetVal));
    const auto& local = user(pointee(get.params[0].type));
    CHECK_FALSE(local.import);
    CHECK(local.name == "NET_FW_IP_VERSION_");
    CHECK(lib->types[*local.index].name == "NET_FW_IP_VERSION_");
    // The propput half: same member id, the value parameter without a name.
    CHECK(d.functions[1].memid == get.memid);
    CHECK(d.functions[1].invkind == model::InvokeKind::PropertyPut);
    CHECK(d.functions[1].params[0].name.empty());
  }
}

TEST_CASE("enum constants: VAR_CONST values and the INT type") {
  auto lib = read("widl/netfw_win64.tlb");
  const auto& e = std::get<model::EnumDef>(type(lib, "NET_FW_SCOPE_").def);
  REQUIRE(e.values.size() == 4);
  CHECK(e.values[1].name == "NET_FW_SCOPE_LOCAL_SUBNET");
  CHECK(e.values[1].varkind == model::VarKind::Const);
  CHECK(e.values[1].memid == 0x40000001);
  CHECK(e.values[1].type == model::TypeRef::base(model::vt::Int));
  CHECK(e.values[1].value == model::Value{model::vt::I4, int64_t{1}});
}

TEST_CASE("stdole2 (PE32+): records, C arrays, dispinterfaces with properties, coclasses") {
  auto lib = read("wine/stdole2.tlb");
  const auto& g = type(lib, "GUID");
  CHECK(g.layout.size == 16);
  const auto& fields = std::get<model::RecordDef>(g.def).fields;
  REQUIRE(fields.size() == 4);
  CHECK(fields[3].name == "Data4");
  CHECK(fields[3].offset == 8);
  const auto& arr = std::get<model::CArray>(fields[3].type.v);
  CHECK(*arr.element == model::TypeRef::base(model::vt::UI1));
  REQUIRE(arr.bounds.size() == 1);
  CHECK(arr.bounds[0].lower == 0);
  CHECK(arr.bounds[0].count == 8);

  const auto& font = type(lib, "Font");
  const auto& disp = std::get<model::DispatchDef>(font.def);
  // The base is what the header's dispatchpos names (the runtime's impl 0): IDispatch, which
  // Wine's stdole2 imports from stdole 2.0 — itself.
  REQUIRE(disp.bases.size() == 1);
  const auto& base = user(disp.bases[0].type);
  REQUIRE(base.import);
  CHECK(lib.imports[*base.import].libid == model::stdole_libid());
  CHECK(base.guid == guid("{00020400-0000-0000-C000-000000000046}"));
  CHECK_FALSE(disp.wraps);
  REQUIRE(disp.properties.size() == 8);
  CHECK(disp.properties[0].name == "Name");
  CHECK(disp.properties[0].varkind == model::VarKind::Dispatch);
  CHECK(disp.properties[0].type == model::TypeRef::base(model::vt::Bstr));

  const auto& cls = std::get<model::CoclassDef>(type(lib, "StdFont").def);
  REQUIRE(cls.interfaces.size() == 2);
  CHECK(user(cls.interfaces[0].type).name == "Font");
  CHECK(cls.interfaces[0].flags == model::implflag::Default);
  CHECK(user(cls.interfaces[1].type).name == "IFont");
  CHECK(cls.interfaces[1].flags == 0);

  const auto& alias = std::get<model::AliasDef>(type(lib, "OLE_COLOR").def);
  CHECK(alias.target == model::TypeRef::base(model::vt::UI4));
}

TEST_CASE("default parameter values and doc strings (MIDL's id3com.tlb)") {
  auto lib = read("ms/id3com.tlb");
  const auto& t = type(lib, "IID3ComTag");
  CHECK(t.docs.helpstring == "IID3ComTag Interface");
  const auto& fs = std::get<model::InterfaceDef>(t.def).functions;
  auto f = std::find_if(fs.begin(), fs.end(), [](const auto& x) { return x.name == "FindFrame"; });
  REQUIRE(f != fs.end());
  CHECK(f->docs.helpstring == "method FindFrame");
  REQUIRE(f->params.size() == 3);
  const auto& p = f->params[1];
  CHECK(p.name == "CreateNewIfNotFound");
  CHECK(p.flags == (model::paramflag::In | model::paramflag::Opt | model::paramflag::HasDefault));
  CHECK(p.default_value == model::Value{model::vt::Bool, int64_t{-1}});
  CHECK_FALSE(f->params[0].default_value);
}

TEST_CASE("a module: its DLL and the entry point of each function (mktyplib's VBLLVM.tlb)") {
  auto lib = read("ms/VBLLVM.tlb");
  const auto& m = std::get<model::ModuleDef>(type(lib, "VBLLVM").def);
  CHECK(m.dll == "vbllvm");
  REQUIRE(m.functions.size() == 843);
  CHECK(m.functions[0].name == "LLVMVerifyModule");
  CHECK(m.functions[0].funckind == model::FuncKind::Static);
  CHECK(m.functions[0].entry.v ==
        decltype(m.functions[0].entry.v){std::string("LLVMVerifyModule")});
  CHECK(user(m.functions[0].result).name == "LLVMBool");
}

TEST_CASE("a TYPELIB resource's problems are reported at their offset in the PE file") {
  auto bytes = testing::corpus_bytes("reactos/stdole2.tlb");
  support::DiagEngine d;
  auto res = tlb::list_typelib_resources(bytes, "x.dll", d);
  REQUIRE(res.size() == 1);
  std::vector<uint8_t> blob(bytes.begin() + long(res[0].file_offset),
                            bytes.begin() + long(res[0].file_offset + res[0].size));
  size_t marker = segment_entry(blob, fmt::Segment::TypeInfoTab) + fmt::segment::kRes0c;
  bytes[res[0].file_offset + marker] = 0;  // no longer a segment directory
  CHECK_FALSE(tlb::read_typelib(bytes, "x.dll", std::nullopt, d));
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].code == "TK2101");
  CHECK(d.all()[0].where.offset == res[0].file_offset + marker - fmt::segment::kRes0c);
}

TEST_CASE("damaged MSFT files: one error each, with the offset; no hang, no huge allocation") {
  const auto good = testing::corpus_bytes("widl/netfw_win32.tlb");
  REQUIRE(try_read(good)->lib);

  SUBCASE("a type count larger than the file") {
    auto b = good;
    put32(b, fmt::header::kNrTypeInfos, 0x7FFFFFFF);
    auto o = try_read(b);
    CHECK_FALSE(o->lib);
    REQUIRE(o->diags.error_count() == 1);
    CHECK(o->diags.all()[0].where.offset == fmt::header::kNrTypeInfos);
  }
  SUBCASE("a segment reaching past the end") {
    auto b = good;
    put32(b, segment_entry(b, fmt::Segment::NameTab) + fmt::segment::kLength, 0x01000000);
    auto o = try_read(b);
    CHECK_FALSE(o->lib);
    REQUIRE(o->diags.error_count() == 1);
    CHECK(o->diags.all()[0].message.find("NameTab") != std::string::npos);
  }
  SUBCASE("a custom-data list that loops back on itself") {
    auto b = good;
    uint32_t head = get32(b, fmt::header::kCustomDataOffset);
    uint32_t node = segment_offset(b, fmt::Segment::CDGuids) + head;
    put32(b, node + fmt::cdguid::kNext, head);
    auto o = try_read(b);
    CHECK_FALSE(o->lib);
    REQUIRE(o->diags.error_count() == 1);
    CHECK(o->diags.all()[0].message.find("cycle") != std::string::npos);
  }
  SUBCASE("a pointer type descriptor pointing at itself") {
    auto b = good;
    uint32_t td = segment_offset(b, fmt::Segment::TypedescTab);
    put32(b, td, 0x7FFF001A);  // VT_PTR to a table entry…
    put32(b, td + 4, 0);       // …the same one
    auto o = try_read(b);
    CHECK_FALSE(o->lib);
    REQUIRE(o->diags.error_count() >= 1);
    CHECK(o->diags.all()[0].message.find("cycle") != std::string::npos);
  }
  SUBCASE("a type info claiming 65535 functions and variables") {
    auto b = good;
    uint32_t ti = segment_offset(b, fmt::Segment::TypeInfoTab);
    put32(b, ti + fmt::typeinfo::kCElement, 0xFFFFFFFF);
    auto start = std::chrono::steady_clock::now();
    auto o = try_read(b);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    CHECK_FALSE(o->lib);
    REQUIRE(o->diags.error_count() == 1);
    CHECK(o->diags.all()[0].code == "TK2102");
    CHECK(o->diags.all()[0].message.rfind("type info 0:", 0) == 0);
  }
  SUBCASE("one long custom-data list shared by every type is refused, not copied into each") {
    auto b = good;
    const uint32_t guid_off = get32(b, segment_offset(b, fmt::Segment::CDGuids) +
                                           get32(b, fmt::header::kCustomDataOffset));
    const auto base = uint32_t(b.size());
    const uint32_t n = 2000;
    b.resize(base + n * fmt::cdguid::kSize);
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t node = base + i * fmt::cdguid::kSize;
      put32(b, node + fmt::cdguid::kGuidOffset, guid_off);
      put32(b, node + fmt::cdguid::kDataOffset, 0x8C00002A);  // inline VT_I4 42
      put32(b, node + fmt::cdguid::kNext, i + 1 < n ? (i + 1) * fmt::cdguid::kSize : 0xFFFFFFFF);
    }
    put32(b, segment_entry(b, fmt::Segment::CDGuids) + fmt::segment::kOffset, base);
    put32(b, segment_entry(b, fmt::Segment::CDGuids) + fmt::segment::kLength, n * 12);
    put32(b, fmt::header::kCustomDataOffset, 0);
    uint32_t ti = segment_offset(b, fmt::Segment::TypeInfoTab);
    for (uint32_t i = 0; i < get32(b, fmt::header::kNrTypeInfos); ++i)
      put32(b, ti + i * fmt::typeinfo::kSize + fmt::typeinfo::kOCustData, 0);
    auto o = try_read(b);
    CHECK_FALSE(o->lib);
    REQUIRE(o->diags.error_count() >= 1);
    CHECK(o->diags.all()[0].message.find("share more nodes") != std::string::npos);
  }
  SUBCASE("a name offset that is no entry start reads as no name, as the runtime reads it") {
    auto b = good;
    uint32_t ti = segment_offset(b, fmt::Segment::TypeInfoTab);
    put32(b, ti + fmt::typeinfo::kNameOffset, get32(b, ti + fmt::typeinfo::kNameOffset) + 4);
    auto o = try_read(b);
    REQUIRE(o->lib);
    CHECK(o->lib->types[0].name.empty());
  }
  SUBCASE("every truncation of the file is refused cleanly") {
    for (size_t len = 0; len < good.size(); len += 7) {
      std::vector<uint8_t> b(good.begin(), good.begin() + long(len));
      auto o = try_read(b);
      CHECK_FALSE(o->lib);
      CHECK(o->diags.error_count() >= 1);
    }
  }
}
