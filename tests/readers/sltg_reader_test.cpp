// The SLTG reader on the old-format libraries of the corpus: specific facts of the model it builds
// (library attributes, records and C arrays, vtable interfaces, dispinterfaces, coclasses,
// aliases, enums and string constants, modules with their DLL entries, compressed help strings,
// relative help contexts, imports of stdole), the help-string decoder on a hand-made dictionary,
// and damaged files: one diagnostic with the file offset, never a crash or a hang. Layer: tests.
#include <doctest/doctest.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "readers/tlb/sltg_internal.h"
#include "readers/tlb/tlb_reader.h"
#include "driver/corpus_util.h"
#include "support/byte_reader.h"

using namespace tlbkit;
namespace vt = model::vt;

namespace {

/// A bare SLTG file read with read_sltg itself.
model::Library read_bare(const std::string& rel) {
  auto bytes = testing::corpus_bytes(rel);
  support::DiagEngine d;
  auto lib = tlb::read_sltg(bytes, 0, rel, d);
  REQUIRE_MESSAGE(lib, rel);
  CHECK(d.all().empty());
  return *lib;
}

/// A PE file's SLTG TYPELIB resource, through the container.
model::Library read_pe(const std::string& rel) {
  auto bytes = testing::corpus_bytes(rel);
  support::DiagEngine d;
  auto lib = tlb::read_typelib(bytes, rel, std::nullopt, d);
  REQUIRE_MESSAGE(lib, rel);
  CHECK(d.all().empty());
  return *lib;
}

const model::TypeInfo& type(const model::Library& lib, const std::string& name) {
  for (const auto& t : lib.types)
    if (t.name == name) return t;
  FAIL("no type " << name);
  throw 0;
}

template <typename Def>
const Def& def(const model::Library& lib, const std::string& name) {
  return std::get<Def>(type(lib, name).def);
}

const model::Function& function(const std::vector<model::Function>& fs, const std::string& name,
                                model::InvokeKind inv = model::InvokeKind::Func) {
  for (const auto& f : fs)
    if (f.name == name && f.invkind == inv) return f;
  FAIL("no function " << name);
  throw 0;
}

const model::Variable& variable(const std::vector<model::Variable>& vs, const std::string& name) {
  for (const auto& v : vs)
    if (v.name == name) return v;
  FAIL("no variable " << name);
  throw 0;
}

support::Guid guid(const char* s) { return *support::Guid::parse(s); }
const model::UserType& user(const model::TypeRef& t) { return std::get<model::UserType>(t.v); }
const model::TypeRef& pointee(const model::TypeRef& t) {
  return *std::get<model::Pointer>(t.v).pointee;
}
model::TypeRef ptr(model::TypeRef t) { return model::TypeRef::pointer_to(std::move(t)); }
model::TypeRef base(uint16_t v) { return model::TypeRef::base(v); }

}  // namespace

TEST_CASE("stdole32 (SLTG): library attributes, the LCID from the LANGID, type order") {
  auto lib = read_bare("ms/sltg-bare/stdole32.res1.sltg.tlb");
  CHECK(lib.name == "stdole");
  CHECK(lib.libid == model::stdole_libid());
  CHECK(lib.version == model::Version{1, 0});
  CHECK(lib.lcid == 0);  // the file stores LANGID 0x409: a sublanguage, so LCID 0
  CHECK(lib.syskind == model::SysKind::Win32);
  CHECK(lib.flags == model::libflag::Restricted);
  CHECK(lib.docs.helpstring == "OLE Automation");
  CHECK(lib.helpfile.empty());
  CHECK(lib.imports.empty());
  std::vector<std::string> names;
  for (const auto& t : lib.types) names.push_back(t.name);
  CHECK(names == std::vector<std::string>{"GUID", "DISPPARAMS", "EXCEPINFO", "IUnknown",
                                          "IDispatch", "IEnumVARIANT"});
}

TEST_CASE("stdole32 (SLTG): a record with a C array read from its 32-bit SAFEARRAY") {
  auto lib = read_bare("ms/sltg-bare/stdole32.res1.sltg.tlb");
  const auto& t = type(lib, "GUID");
  CHECK_FALSE(t.guid);  // all zero in the file
  CHECK(t.layout == model::TypeLayout{16, 4, 0});
  const auto& r = std::get<model::RecordDef>(t.def);
  REQUIRE(r.fields.size() == 4);
  CHECK(r.fields[0].name == "Data1");
  CHECK(r.fields[0].type == base(vt::UI4));
  CHECK(r.fields[0].memid == 0x40000000);
  CHECK(r.fields[0].varkind == model::VarKind::PerInstance);
  CHECK(r.fields[2].offset == 6);
  CHECK(r.fields[3].offset == 8);
  CHECK(r.fields[3].type == model::TypeRef{model::CArray{base(vt::UI1), {{0, 8}}}});
  const auto& e = std::get<model::RecordDef>(type(lib, "EXCEPINFO").def);
  CHECK(variable(e.fields, "pfnDeferredFillIn").type == ptr(base(vt::Void)));
}

TEST_CASE("stdole32 (SLTG): vtable interfaces, their base, parameters and local references") {
  auto lib = read_bare("ms/sltg-bare/stdole32.res1.sltg.tlb");
  const auto& unk = def<model::InterfaceDef>(lib, "IUnknown");
  CHECK(unk.bases.empty());
  REQUIRE(unk.functions.size() == 3);
  const auto& qi = unk.functions[0];
  CHECK(qi.name == "QueryInterface");
  CHECK(qi.memid == 0x60000000);
  CHECK(qi.funckind == model::FuncKind::PureVirtual);
  CHECK(qi.callconv == model::CallConv::StdCall);
  CHECK(qi.vtable_offset == 0);
  CHECK(qi.result == base(vt::HResult));
  REQUIRE(qi.params.size() == 2);
  CHECK(qi.params[0].name == "riid");
  CHECK(qi.params[0].flags == model::paramflag::In);
  const auto& riid = user(pointee(qi.params[0].type));
  CHECK_FALSE(riid.import);
  CHECK(riid.name == "GUID");
  CHECK(riid.index == 0u);
  CHECK(qi.params[1].type == ptr(ptr(base(vt::Void))));
  CHECK(qi.params[1].flags == model::paramflag::Out);
  CHECK(unk.functions[1].vtable_offset == 4);
  CHECK(unk.functions[2].vtable_offset == 8);
  CHECK(type(lib, "IUnknown").layout == model::TypeLayout{4, 4, 12});

  const auto& disp = def<model::InterfaceDef>(lib, "IDispatch");
  REQUIRE(disp.bases.size() == 1);
  CHECK(user(disp.bases[0].type).name == "IUnknown");
  CHECK(user(disp.bases[0].type).index == 3u);
  const auto& invoke = function(disp.functions, "Invoke");
  CHECK(invoke.vtable_offset == 24);
  REQUIRE(invoke.params.size() == 8);
  CHECK(user(pointee(invoke.params[4].type)).name == "DISPPARAMS");
  CHECK(invoke.params[7].name == "puArgErr");

  const auto& clone = function(def<model::InterfaceDef>(lib, "IEnumVARIANT").functions, "Clone");
  CHECK(user(pointee(pointee(clone.params[0].type))).index == 5u);
}

TEST_CASE("XL5EN32 (SLTG): dispinterfaces with properties, their stdole base, relative help") {
  auto lib = read_bare("ms/sltg-bare/XL5EN32.res1.sltg.tlb");
  CHECK(lib.name == "Excel");
  CHECK(lib.libid == guid("{00020813-0000-0000-C000-000000000046}"));
  CHECK(lib.lcid == 9);  // LANGID 9: neutral sublanguage, so the primary language
  CHECK(lib.docs.helpstring == "Microsoft Excel 5.0 Object Library");
  CHECK(lib.docs.helpcontext == 65535);
  CHECK(lib.docs.helpstringcontext == 0);
  CHECK(lib.helpfile == "VBA_XL.HLP");
  CHECK(lib.types.size() == 133);
  REQUIRE(lib.imports.size() == 1);
  CHECK(lib.imports[0].libid == model::stdole_libid());
  CHECK(lib.imports[0].version == model::Version{1, 0});
  CHECK(lib.imports[0].file == "stdole.tlb");

  const auto& g = type(lib, "_Global");
  CHECK(g.docs.helpcontext == 81942);
  const auto& d = std::get<model::DispatchDef>(g.def);
  REQUIRE(d.bases.size() == 1);  // the record says cVars + 0: reference 0, stdole's IDispatch
  CHECK(user(d.bases[0].type).import == 0u);
  CHECK(user(d.bases[0].type).index == 4u);
  CHECK_FALSE(d.wraps);
  CHECK(d.methods.size() == 32);
  CHECK(d.properties.size() == 13);
  CHECK(g.layout.vtable_size == 32 * 4);  // 4 bytes per method, as an MSFT file records it
  const auto& addins = d.methods[0];
  CHECK(addins.name == "AddIns");
  CHECK(addins.memid == 0x225);
  CHECK(addins.funckind == model::FuncKind::Dispatch);
  CHECK(addins.callconv == model::CallConv::CDecl);
  CHECK(addins.vtable_offset == 0);
  CHECK(addins.result == base(vt::Variant));
  CHECK(addins.optional_count == 1);
  REQUIRE(addins.params.size() == 1);
  CHECK(addins.params[0].name == "Index");
  CHECK(addins.params[0].flags == model::paramflag::Opt);
  CHECK(addins.docs.helpcontext == 66085);        // tail base 0x10225 + 0
  CHECK(d.methods[1].docs.helpcontext == 65684);  // WORD 0x647: base - 401
  const auto& cell = variable(d.properties, "ActiveCell");
  CHECK(cell.varkind == model::VarKind::Dispatch);
  CHECK(cell.memid == 0x131);
  CHECK(cell.type == base(vt::Variant));

  // The even form: a DWORD help context in the member data.
  const auto& app = def<model::DispatchDef>(lib, "Application");
  CHECK(function(app.methods, "Acos").docs.helpcontext == 98403);

  const auto& co = def<model::CoclassDef>(lib, "_ExcelApplication");
  REQUIRE(co.interfaces.size() == 1);
  CHECK(user(co.interfaces[0].type).name == "_Global");
  CHECK(co.interfaces[0].flags == model::implflag::Default);
  CHECK(type(lib, "_ExcelApplication").flags ==
        (model::typeflag::AppObject | model::typeflag::CanCreate));

  const auto& consts = def<model::EnumDef>(lib, "Constants");
  REQUIRE(consts.values.size() == 808);
  CHECK(consts.values[0].name == "xlDialogOptionsArabic");
  CHECK(consts.values[0].varkind == model::VarKind::Const);
  CHECK(consts.values[0].value == model::Value{vt::Int, int64_t{496}});
  CHECK(variable(consts.values, "xlXYScatter").value == model::Value{vt::Int, int64_t{-4169}});
}

TEST_CASE("VBAEN32 (SLTG in PE): modules with DLL entries, help strings, relative contexts") {
  auto lib = read_pe("ms/VBAEN32.OLB");
  CHECK(lib.name == "VBA");
  CHECK(lib.docs.helpcontext == 1009553);
  const auto& strings = type(lib, "Strings");
  CHECK(strings.docs.helpstring == "Procedures used to perform string manipulations");
  CHECK(strings.docs.helpcontext == 1011396);
  CHECK(strings.layout == model::TypeLayout{2, 1, 0});
  const auto& m = std::get<model::ModuleDef>(strings.def);
  CHECK(m.dll == "VBA32.DLL");
  REQUIRE(m.functions.size() == 26);
  const auto& asc = m.functions[0];
  CHECK(asc.name == "Asc");
  CHECK(asc.funckind == model::FuncKind::Static);
  CHECK(asc.vtable_offset == 0);
  CHECK(asc.entry == model::DllEntry{uint16_t{516}});
  CHECK(asc.result == base(vt::I2));
  CHECK(asc.docs.helpstring ==
        "Returns the character code corresponding to the first letter in a string");
  CHECK(asc.docs.helpcontext == 1009247);  // the tail base: WORD 0x0001
  CHECK(m.functions[1].entry == model::DllEntry{uint16_t{537}});
  CHECK(m.functions[1].vtable_offset == 0);           // its WORD 0x10 locates the DLL entry
  CHECK(m.functions[1].docs.helpcontext == 1011359);  // WORD 0x2101: + 2112
  CHECK(m.functions[2].docs.helpcontext == 1008866);  // WORD 0x05F7: - 381

  const auto& consts = def<model::ModuleDef>(lib, "Constants");
  const auto& empty = variable(consts.constants, "vbEmpty");
  CHECK(empty.type == base(vt::I2));
  CHECK(empty.value == model::Value{vt::Int, int64_t{0}});
  CHECK(empty.docs.helpstring == "Return value constant for VarType");
  CHECK(empty.docs.helpcontext == 1012527);

  // A parameter name starting with "_": its odd name WORD says the type follows inline.
  const auto& input =
      function(def<model::ModuleDef>(lib, "_HiddenModule").functions, "_B_str_InputB");
  REQUIRE(input.params.size() == 2);
  CHECK(input.params[0].name == "_InputB_P1");
  CHECK(input.params[0].type == base(vt::I4));
  CHECK(input.params[1].type == base(vt::I2));
  // A property put's value has no name.
  const auto& put = function(def<model::ModuleDef>(lib, "DateTime").functions, "_B_str_Date",
                             model::InvokeKind::PropertyPut);
  REQUIRE(put.params.size() == 1);
  CHECK(put.params[0].name.empty());
  CHECK(put.params[0].type == base(vt::Bstr));
}

TEST_CASE("VEN2232 (SLTG in PE): string and 32-bit constants, FUNCFLAGS, coclasses") {
  auto lib = read_pe("ms/VEN2232.OLB");
  CHECK(lib.version == model::Version{2, 1});
  const auto& consts = def<model::ModuleDef>(lib, "Constants").constants;
  CHECK(variable(consts, "vbCrLf").type == base(vt::LpStr));
  CHECK(variable(consts, "vbCrLf").value == model::Value{vt::Bstr, std::string("\r\n")});
  CHECK(variable(consts, "vbNullChar").value == model::Value{vt::Bstr, std::string(1, '\0')});
  CHECK(variable(consts, "vbObjectError").value == model::Value{vt::Int, int64_t{-2147221504}});
  bool hidden = false;
  for (const auto& t : lib.types)
    if (auto* m = std::get_if<model::ModuleDef>(&t.def))
      for (const auto& f : m->functions) hidden |= f.flags == model::funcflag::Hidden;
  CHECK(hidden);  // records with magic 0xAB carry a FUNCFLAGS WORD
  const auto& err = def<model::CoclassDef>(lib, "ErrObject");
  REQUIRE(err.interfaces.size() == 1);
  CHECK(user(err.interfaces[0].type).name == "_ErrObject");
  const auto& ierr = def<model::InterfaceDef>(lib, "_ErrObject");
  REQUIRE(ierr.bases.size() == 1);
  CHECK(user(ierr.bases[0].type).import == 0u);
  CHECK(lib.imports[0].file == "STDOLE.TLB");
}

TEST_CASE("olepro32 (SLTG in PE): type help strings, aliases, read-only dispatch properties") {
  auto lib = read_pe("ms/olepro32.dll");
  CHECK(type(lib, "IFont").docs.helpstring == "Font Object");
  CHECK(type(lib, "IPicture").docs.helpstring == "Picture Object");
  CHECK(def<model::AliasDef>(lib, "OLE_COLOR").target == base(vt::UI4));
  CHECK(user(def<model::AliasDef>(lib, "IFontDisp").target).name == "Font");
  const auto& font = type(lib, "Font");
  CHECK(font.layout.vtable_size == 0);  // no methods
  const auto& pic = def<model::DispatchDef>(lib, "Picture");
  REQUIRE(pic.methods.size() == 1);
  CHECK(pic.methods[0].name == "Render");
  CHECK(pic.methods[0].callconv == model::CallConv::StdCall);
  const auto& handle = variable(pic.properties, "Handle");
  CHECK(handle.flags == model::varflag::ReadOnly);
  CHECK(user(handle.type).name == "OLE_HANDLE");
  CHECK(variable(pic.properties, "hPal").flags == 0);
  const auto& sf = def<model::CoclassDef>(lib, "StdFont");
  REQUIRE(sf.interfaces.size() == 2);
  CHECK(user(sf.interfaces[1].type).name == "IFont");
}

TEST_CASE("ir41_32original (SLTG in PE): dual interfaces and member help strings") {
  auto lib = read_pe("ms/ir41_32original.dll");
  const auto& t = type(lib, "IIndeoDecodeOA");
  CHECK((t.flags & model::typeflag::Dual));
  CHECK(model::stored_kind(t) == model::TypeKind::Dispatch);
  CHECK(t.docs.helpstring == "Indeo Decode OA interface");
  const auto& d = std::get<model::InterfaceDef>(t.def);
  REQUIRE(d.bases.size() == 1);
  CHECK(user(d.bases[0].type).import == 0u);
  CHECK(user(d.bases[0].type).index == 4u);
  CHECK(d.functions[0].name == "SetSequenceData");
  CHECK(d.functions[0].vtable_offset == 28);
  CHECK(d.functions[0].docs.helpstring == "Sends Sequence data to the codec");
  const auto& dither = def<model::EnumDef>(lib, "DITHER_SELECTIONS");
  CHECK(dither.values[0].name == "DITHER_OFF");
}

TEST_CASE("help strings: a bit stream walks the dictionary's tree once per word") {
  // Root: a branch (bit 1: the next node, "Hello"; bit 0: the node at 10, another branch whose
  // bit 1 gives "world" and bit 0 the empty end-of-string word).
  std::vector<uint8_t> b = {0x80, 0x00, 0x0A,                    // 0: branch
                            0x00, 'H',  'e',  'l', 'l', 'o', 0,  // 3: leaf
                            0x80, 0x00, 0x14,                    // 10: branch
                            0x00, 'w',  'o',  'r', 'l', 'd', 0,  // 13: leaf
                            0x00, 0,                             // 20: leaf, empty
                            0xA0, 0xFF};                         // 22: bits 1 01 00 (+junk)
  support::ByteReader r(b);
  tlb::sltg::HelpDictionary dict{0, 22, 20};
  CHECK(tlb::sltg::decode_help_string(r, dict, 22, 24) == "Hello world");
  CHECK(tlb::sltg::decode_help_string(r, dict, 22, 22).empty());  // no bits at all
  dict.max_length = 6;  // "Hello world" is longer than the dictionary allows
  CHECK_THROWS_AS(tlb::sltg::decode_help_string(r, dict, 22, 24), support::ReadError);
  b[2] = 0x40;  // a branch that leads outside the dictionary
  dict.max_length = 20;
  CHECK_THROWS_AS(tlb::sltg::decode_help_string(r, dict, 22, 24), support::ReadError);
}

// ---- Damaged files ---------------------------------------------------------------------------

namespace {

struct Outcome {
  std::optional<model::Library> lib;
  support::DiagEngine diags;
};

std::unique_ptr<Outcome> try_read(const std::vector<uint8_t>& bytes, uint64_t base = 0) {
  auto o = std::make_unique<Outcome>();
  o->lib = tlb::read_sltg(bytes, base, "bad.tlb", o->diags);
  return o;
}

/// A failed read reports errors, each with the file and an offset inside the file.
void check_rejected(const Outcome& o, size_t file_size, uint64_t base = 0) {
  CHECK_FALSE(o.lib);
  REQUIRE(o.diags.has_errors());
  for (const auto& d : o.diags.all()) {
    if (d.severity != support::Severity::Error) continue;
    CHECK(d.where.file == "bad.tlb");
    REQUIRE(d.where.offset);
    CHECK(*d.where.offset >= base);
    CHECK(*d.where.offset <= base + file_size);
  }
}

void put16(std::vector<uint8_t>& b, size_t at, uint16_t v) { std::memcpy(b.data() + at, &v, 2); }
uint16_t get16(const std::vector<uint8_t>& b, size_t at) { return support::ByteReader(b).u16(at); }
uint32_t get32(const std::vector<uint8_t>& b, size_t at) { return support::ByteReader(b).u32(at); }

// stdole32.res1.sltg.tlb: 7 block entries from 0x24; blocks from 0xB4 (GUID's first, at 0xB4,
// 0xD5 bytes), the library block at 0x7D2 with its name table at 0x9AA.
constexpr size_t kGuidBlock = 0xB4, kLibBlock = 0x7D2, kNameTable = 0x9AA;

}  // namespace

TEST_CASE("damaged SLTG: a wrong magic, a looping or short block chain, a bad library block") {
  const auto good = testing::corpus_bytes("ms/sltg-bare/stdole32.res1.sltg.tlb");
  {
    auto b = good;
    b[0] = 'X';
    auto o = try_read(b);
    check_rejected(*o, b.size());
    CHECK(o->diags.all()[0].code == "TK2201");
  }
  {
    auto b = good;
    put16(b, 0x24 + 8 * 0 + 6, 1);  // the first entry's "next" names itself
    auto o = try_read(b);
    check_rejected(*o, b.size());
    CHECK(o->diags.all()[0].message.find("loops") != std::string::npos);
  }
  {
    auto b = good;
    put16(b, 0x24 + 8 * 2 + 6, 0);  // the chain stops after three blocks
    check_rejected(*try_read(b), b.size());
  }
  {
    auto b = good;
    put16(b, kLibBlock, 0x1234);  // not a library block
    auto o = try_read(b, 0x2B0);  // as inside stdole32.tlb: offsets count from the resource
    check_rejected(*o, b.size(), 0x2B0);
    CHECK(*o->diags.all()[0].where.offset == 0x2B0 + kLibBlock);
  }
  {
    auto b = good;
    put16(b, kNameTable, 0x1234);  // an unknown name table header
    auto o = try_read(b);
    check_rejected(*o, b.size());
    CHECK(*o->diags.all()[0].where.offset == kNameTable);
  }
  {
    auto b = good;
    put16(b, kLibBlock + 4, 0xFFF0);  // the library's name offset, far outside the names
    check_rejected(*try_read(b), b.size());
  }
}

TEST_CASE("damaged SLTG: a broken type info names the type; the others are still read") {
  const auto good = testing::corpus_bytes("ms/sltg-bare/stdole32.res1.sltg.tlb");
  auto b = good;
  put16(b, kGuidBlock, 0x0502);      // GUID's block magic
  uint32_t second = get32(b, 0x24);  // GUID's block length: DISPPARAMS follows
  put16(b, kGuidBlock + second, 0x0502);
  auto o = try_read(b);
  check_rejected(*o, b.size());
  REQUIRE(o->diags.all().size() == 2);
  CHECK(o->diags.all()[0].code == "TK2202");
  CHECK(o->diags.all()[0].message.find("(GUID)") != std::string::npos);
  CHECK(*o->diags.all()[0].where.offset == kGuidBlock);
  CHECK(o->diags.all()[1].message.find("(DISPPARAMS)") != std::string::npos);
}

TEST_CASE("damaged SLTG: huge counts, a looping member chain, an out-of-range reference") {
  const auto good = testing::corpus_bytes("ms/sltg-bare/stdole32.res1.sltg.tlb");
  // IDispatch's block: the 5th (at 0x486), members at +0xC2+9, tail after 0xDA bytes of them.
  const size_t block = 0x486, members = block + 0xC2 + 9, tail = members + 0xDA;
  REQUIRE(get16(good, block) == 0x0501);
  {
    auto b = good;
    put16(b, tail, 0xFFFF);  // cFuncs
    auto o = try_read(b);
    check_rejected(*o, b.size());
    CHECK(o->diags.all()[0].message.find("cannot fit") != std::string::npos);
  }
  {
    auto b = good;
    put16(b, members + 0x16 + 2, 0x16);  // the first function's "next" points at itself
    auto o = try_read(b);
    check_rejected(*o, b.size());
    CHECK(o->diags.all()[0].message.find("loops") != std::string::npos);
  }
  {
    auto b = good;
    put16(b, members + 0x0A, 7);  // the impl record's reference: the table has 4
    auto o = try_read(b);
    check_rejected(*o, b.size());
    CHECK(o->diags.all()[0].message.find("reference 7") != std::string::npos);
  }
  {
    auto b = good;
    // Make GetTypeInfo's itinfo parameter (inline words) a pointer to pointer to … : the stream
    // of VT_PTR words runs to the end of the member data, deeper than any real type.
    for (size_t at = members + 0x48; at + 2 <= tail; at += 2) put16(b, at, vt::Ptr);
    auto o = try_read(b);
    check_rejected(*o, b.size());
    CHECK(o->diags.all()[0].message.find("nested too deeply") != std::string::npos);
  }
}

TEST_CASE("damaged SLTG: every truncation and every byte flipped is read or rejected cleanly") {
  const auto good = testing::corpus_bytes("ms/sltg-bare/stdole32.res1.sltg.tlb");
  unsigned read = 0, rejected = 0;
  for (size_t n = 0; n < good.size(); ++n) {
    std::vector<uint8_t> b(good.begin(), good.begin() + static_cast<long>(n));
    auto o = try_read(b);
    if (o->lib) {
      ++read;
    } else {
      ++rejected;
      check_rejected(*o, b.size());
    }
  }
  for (size_t i = 0; i < good.size(); ++i) {
    auto b = good;
    b[i] ^= 0xFF;
    auto o = try_read(b);
    if (o->lib) {
      ++read;
    } else {
      ++rejected;
      check_rejected(*o, b.size());
    }
  }
  CHECK(rejected > good.size());  // every truncation at least
  MESSAGE(read << " damaged copies read, " << rejected << " rejected");
}
