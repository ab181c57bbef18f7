// What only a C header gives (bit-fields, function pointers, C variadic functions) in the writers
// that cannot or can partly hold it: the typelib writer warns once per type naming the members
// and still writes the library; the C++ writer declares bit-fields as bit-fields. Layer: tests.
#include <doctest/doctest.h>

#include <string>

#include "model/library_set.h"
#include "support/diagnostics.h"
#include "writers/cpp/cpp_writer.h"
#include "writers/tlb/tlb_writer.h"

using namespace tlbkit;
using namespace tlbkit::model;

namespace {
Variable field(std::string name, TypeRef type, uint32_t offset) {
  Variable v;
  v.name = std::move(name);
  v.type = std::move(type);
  v.offset = offset;
  return v;
}

/// struct Flags { UINT a : 3; UINT b : 5; void (*cb)(int); };  and a variadic module function.
Library c_library() {
  Library lib;
  lib.name = "CStuff";
  lib.libid = Guid::parse("{5A1F0000-0000-4000-8000-000000000001}");
  lib.syskind = SysKind::Win64;
  RecordDef r;
  r.fields = {field("a", TypeRef::base(vt::UI4), 0), field("b", TypeRef::base(vt::UI4), 0)};
  r.fields[0].bits = BitField{0, 3};
  r.fields[1].bits = BitField{3, 5};
  FunctionSig sig;
  sig.result = TypeRef::base(vt::Void);
  sig.params = {Param{"n", TypeRef::base(vt::I4), 0, {}, {}}};
  TypeRef cb = TypeRef::pointer_to(TypeRef::base(vt::Void));
  std::get<Pointer>(cb.v).function = sig;
  r.fields.push_back(field("cb", cb, 8));
  TypeInfo rec;
  rec.name = "Flags";
  rec.layout = {16, 8, 0};
  rec.def = r;
  ModuleDef m;
  m.dll = "msvcrt.dll";
  Function printf_fn;
  printf_fn.name = "printf";
  printf_fn.funckind = FuncKind::Static;
  printf_fn.callconv = CallConv::CDecl;
  printf_fn.result = TypeRef::base(vt::Int);
  printf_fn.params = {Param{"format", TypeRef::base(vt::LpStr), paramflag::In, {}, {}}};
  printf_fn.entry.v = std::string("printf");
  printf_fn.variadic = true;
  m.functions = {printf_fn};
  TypeInfo mod;
  mod.name = "msvcrt";
  mod.def = m;
  lib.types = {rec, mod};
  return lib;
}

std::string all_text(const support::DiagEngine& diags) {
  std::string out;
  for (const auto& d : diags.all()) out += support::format_diagnostic(d, support::DiagStyle::Gcc);
  return out;
}
}  // namespace

TEST_CASE("typelib writer: bit-fields, function pointers and variadic functions are reported") {
  support::DiagEngine diags;
  auto bytes = tlbw::write_typelib(c_library(), diags);
  REQUIRE(bytes);  // still written: each is held as what the format can hold
  CHECK_FALSE(diags.has_errors());
  const std::string text = all_text(diags);
  CHECK(text.find("bit-fields (a, b) are written as their whole storage units") !=
        std::string::npos);
  CHECK(text.find("function pointers (cb) are written as void*") != std::string::npos);
  CHECK(text.find("variadic functions (printf) are written without their '...'") !=
        std::string::npos);
  CHECK(text.find("[TK6059]") != std::string::npos);
}

TEST_CASE("typelib writer: a library without C-only features gets no TK6059") {
  Library lib = c_library();
  lib.types.pop_back();
  auto& r = std::get<RecordDef>(lib.types[0].def);
  r.fields.pop_back();
  for (Variable& v : r.fields) v.bits.reset();
  support::DiagEngine diags;
  REQUIRE(tlbw::write_typelib(lib, diags));
  CHECK(all_text(diags).find("TK6059") == std::string::npos);
}

TEST_CASE("C++ writer: a bit-field is declared with its width and kept out of offsetof checks") {
  LibrarySet set;
  const Library& stored = set.add(c_library());
  support::DiagEngine diags;
  std::string text = cppw::write_header(stored, set, {}, diags);
  CHECK(text.find("ULONG a : 3;") != std::string::npos);
  CHECK(text.find("ULONG b : 5;") != std::string::npos);
  CHECK(text.find("offsetof(Flags, a)") == std::string::npos);
  CHECK(text.find("offsetof(Flags, cb) == 8") != std::string::npos);
}
