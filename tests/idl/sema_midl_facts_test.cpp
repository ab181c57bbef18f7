// The IDL reader on facts tlbkit's IDL writer writes back from MIDL-made type libraries (found by
// the runtime IDL round trip, tests/cli/runtime_idl_roundtrip.sh): a module constant's help and
// custom data, a null string constant or default, a method's calling convention, and the
// custom-data flag of a parameter. Layer: tests.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "readers/idl/idl_reader.h"

using namespace tlbkit;
namespace m = tlbkit::model;

namespace {

std::optional<m::Library> read_main(const std::string& text) {
  idl::IdlOptions o;
  o.target = m::SysKind::Win64;
  o.read_file = [text](const std::string& p) -> std::optional<std::string> {
    if (p == "main.idl") return text;
    return std::nullopt;
  };
  support::DiagEngine diags(0);
  auto lib = idl::read_idl("main.idl", o, diags);
  REQUIRE_MESSAGE(!diags.has_errors(), (diags.all().empty() ? "" : diags.all().front().message));
  return lib;
}

const char* kHeader = R"(
typedef [string] char *LPSTR;
[uuid(7A0C0009-0000-4000-8000-0000000000E1), version(1.0)]
library L {
)";

}  // namespace

TEST_CASE("IDL sema: a module constant keeps its help and custom data; = NULL is a null string") {
  auto lib = read_main(std::string(kHeader) + R"(
  [uuid(7A0C0009-0000-4000-8000-0000000000E2), dllname("x.dll")]
  module Constants {
    [helpstring("h"), helpcontext(0x10), helpstringcontext(0x20),
     custom(7A0C0009-0000-4000-8000-0000000000E3, 5)] const long K = 1;
    const LPSTR vbNullString = NULL;
  };
};
)");
  REQUIRE(lib);
  REQUIRE(lib->types.size() == 1);
  const auto& mod = std::get<m::ModuleDef>(lib->types[0].def);
  REQUIRE(mod.constants.size() == 2);
  CHECK(mod.constants[0].docs.helpstring == "h");
  CHECK(mod.constants[0].docs.helpcontext == 0x10u);
  CHECK(mod.constants[0].docs.helpstringcontext == 0x20u);
  CHECK(mod.constants[0].custom.size() == 1);
  CHECK(mod.constants[1].value == m::Value{m::vt::Bstr, std::monostate{}});
}

TEST_CASE("IDL sema: __cdecl and __pascal on a method are its calling convention") {
  auto lib = read_main(std::string(kHeader) + R"(
  [uuid(7A0C0009-0000-4000-8000-0000000000E4), dllname("x.dll")]
  module M {
    [entry("A")] long __cdecl A();
    [entry("B")] long __pascal B();
    [entry("C")] long C();
  };
};
)");
  REQUIRE(lib);
  const auto& mod = std::get<m::ModuleDef>(lib->types[0].def);
  REQUIRE(mod.functions.size() == 3);
  CHECK(mod.functions[0].callconv == m::CallConv::CDecl);
  CHECK(mod.functions[1].callconv == m::CallConv::Pascal);
  CHECK(mod.functions[2].callconv == m::CallConv::StdCall);
}

TEST_CASE("IDL sema: a parameter with custom data is flagged PARAMFLAG_FHASCUSTDATA") {
  auto lib = read_main(std::string(kHeader) + R"(
  [uuid(7A0C0009-0000-4000-8000-0000000000E5), dllname("x.dll")]
  module M {
    [entry("A")] long A([in, custom(7A0C0009-0000-4000-8000-0000000000E6, 1)] long a, [in] long b);
  };
};
)");
  REQUIRE(lib);
  const auto& f = std::get<m::ModuleDef>(lib->types[0].def).functions.at(0);
  REQUIRE(f.params.size() == 2);
  CHECK((f.params[0].flags & m::paramflag::HasCustData) != 0);
  CHECK((f.params[1].flags & m::paramflag::HasCustData) == 0);
}

TEST_CASE("IDL sema: defaultvalue(NULL) on a string parameter is a null string") {
  auto lib = read_main(std::string(kHeader) + R"(
  typedef [string] wchar_t *BSTR;
  [uuid(7A0C0009-0000-4000-8000-0000000000E7), dllname("x.dll")]
  module M {
    [entry("A")] long A([in, defaultvalue(NULL)] BSTR s, [in, defaultvalue(0)] long n);
  };
};
)");
  REQUIRE(lib);
  const auto& f = std::get<m::ModuleDef>(lib->types[0].def).functions.at(0);
  REQUIRE(f.params.size() == 2);
  CHECK(f.params[0].default_value == m::Value{m::vt::Bstr, std::monostate{}});
  CHECK(f.params[1].default_value == m::Value{m::vt::I4, int64_t{0}});
}

TEST_CASE("IDL sema: a void pointer in a dispinterface method is a warning, not an error") {
  // stdole2's Picture.Render takes one (Microsoft's stdole2.tlb, and Wine's made by widl).
  idl::IdlOptions o;
  o.target = m::SysKind::Win64;
  const std::string text = std::string(kHeader) + R"(
  [uuid(7A0C0009-0000-4000-8000-0000000000E8)]
  dispinterface Picture {
  properties:
  methods:
    [id(6)] void Render([in] long hdc, [in] void* prcWBounds);
  };
};
)";
  o.read_file = [text](const std::string& p) -> std::optional<std::string> {
    if (p == "main.idl") return text;
    return std::nullopt;
  };
  support::DiagEngine diags(0);
  auto lib = idl::read_idl("main.idl", o, diags);
  CHECK(lib);
  CHECK_FALSE(diags.has_errors());
  bool warned = false;
  for (const auto& d : diags.all()) warned = warned || (d.code == "TK5209" && d.severity == support::Severity::Warning);
  CHECK(warned);
}
