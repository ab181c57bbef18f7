// model::diff: "" for equal libraries, otherwise the path of the first difference, at every
// level of the model. Layer: tests.
#include <doctest/doctest.h>

#include "model/compare.h"
#include "writers/json_sample_library.h"

using namespace tlbkit;
using namespace tlbkit::testing;

namespace {
model::InterfaceDef& interface_of(model::Library& lib) {
  return std::get<model::InterfaceDef>(lib.types[4].def);
}
}  // namespace

TEST_CASE("equal libraries have no difference") {
  CHECK(model::diff(sample_library(), sample_library()) == "");
  CHECK(model::diff(model::Library{}, model::Library{}) == "");
}

TEST_CASE("library attributes, docs, custom data and imports") {
  const model::Library a = sample_library();
  model::Library b = a;
  b.name = "Other";
  CHECK(model::diff(a, b) == "name");
  b = a;
  b.libid.reset();
  CHECK(model::diff(a, b) == "libid");
  b = a;
  b.syskind = model::SysKind::Win64;
  CHECK(model::diff(a, b) == "syskind");
  b = a;
  b.docs.helpstringcontext = 1;
  CHECK(model::diff(a, b) == "docs.helpstringcontext");
  b = a;
  b.custom[2].value.data = std::string("other");
  CHECK(model::diff(a, b) == "custom[2].value.data");
  b = a;
  b.custom[1].value.vt = model::vt::R4;
  CHECK(model::diff(a, b) == "custom[1].value.vt");
  b = a;
  b.custom[0].guid = model::Guid{};
  CHECK(model::diff(a, b) == "custom[0].guid");
  b = a;
  b.imports[0].version.minor = 1;
  CHECK(model::diff(a, b) == "imports[0].version");
  b = a;
  b.imports.push_back(b.imports[0]);
  CHECK(model::diff(a, b) == "imports[1]");
  CHECK(model::diff(b, a) == "imports[1]");
}

TEST_CASE("types: attributes, kind, and the first of several differences") {
  const model::Library a = sample_library();
  model::Library b = a;
  b.types[3].flags = 0;
  CHECK(model::diff(a, b) == "types[3].flags");
  b = a;
  b.types[1].layout.alignment = 8;
  CHECK(model::diff(a, b) == "types[1].layout");
  b = a;
  b.types[2].def = model::RecordDef{std::get<model::UnionDef>(a.types[2].def).fields};
  CHECK(model::diff(a, b) == "types[2].def");
  b = a;
  b.types.pop_back();
  CHECK(model::diff(a, b) == "types[8]");
  // Two differences: the first in library order is named.
  b = a;
  b.types[6].name = "X";
  b.types[2].version.major = 9;
  CHECK(model::diff(a, b) == "types[2].version");
}

TEST_CASE("members, parameters and type references, down to the innermost difference") {
  const model::Library a = sample_library();
  model::Library b = a;
  interface_of(b).functions[0].params[2].type =
      model::TypeRef::pointer_to(model::TypeRef::base(model::vt::I2));
  CHECK(model::diff(a, b) == "types[4].functions[0].params[2].type.pointee.vt");
  b = a;
  interface_of(b).functions[0].params[2].type = model::TypeRef::base(model::vt::I4);
  CHECK(model::diff(a, b) == "types[4].functions[0].params[2].type");
  b = a;
  interface_of(b).functions[0].params[1].default_value.reset();
  CHECK(model::diff(a, b) == "types[4].functions[0].params[1].default_value");
  b = a;
  interface_of(b).functions[1].params[0].default_value->data = 2.0;
  CHECK(model::diff(a, b) == "types[4].functions[1].params[0].default_value.data");
  b = a;
  interface_of(b).functions[0].params[0].custom.clear();
  CHECK(model::diff(a, b) == "types[4].functions[0].params[0].custom[0]");
  b = a;
  interface_of(b).functions[2].callconv = model::CallConv::StdCall;
  CHECK(model::diff(a, b) == "types[4].functions[2].callconv");
  b = a;
  interface_of(b).functions[0].docs.helpstring = "";
  CHECK(model::diff(a, b) == "types[4].functions[0].docs.helpstring");
  b = a;
  interface_of(b).bases[0].flags = 1;
  CHECK(model::diff(a, b) == "types[4].bases[0].flags");
  b = a;
  std::get<model::UserType>(interface_of(b).bases[0].type.v).guid.reset();
  CHECK(model::diff(a, b) == "types[4].bases[0].type.guid");

  auto fields = [](model::Library& l) -> std::vector<model::Variable>& {
    return std::get<model::RecordDef>(l.types[1].def).fields;
  };
  b = a;
  std::get<model::CArray>(fields(b)[3].type.v).bounds[1].count = 5;
  CHECK(model::diff(a, b) == "types[1].fields[3].type.bounds[1]");
  b = a;
  *std::get<model::CArray>(fields(b)[3].type.v).element = model::TypeRef::base(model::vt::I1);
  CHECK(model::diff(a, b) == "types[1].fields[3].type.element.vt");
  b = a;
  *std::get<model::SafeArray>(fields(b)[2].type.v).element = model::TypeRef::base(model::vt::I1);
  CHECK(model::diff(a, b) == "types[1].fields[2].type.element.vt");
  b = a;
  std::get<model::UserType>(fields(b)[5].type.v).index = 6;
  CHECK(model::diff(a, b) == "types[1].fields[5].type.index");
  b = a;
  fields(b)[0].offset = 1;
  CHECK(model::diff(a, b) == "types[1].fields[0].offset");
}

TEST_CASE("every kind's own content is named by its field") {
  const model::Library a = sample_library();
  model::Library b = a;
  std::get<model::EnumDef>(b.types[0].def).values[1].value->data = int64_t{0};
  CHECK(model::diff(a, b) == "types[0].values[1].value.data");
  b = a;
  std::get<model::AliasDef>(b.types[3].def).target = model::TypeRef::base(model::vt::I4);
  CHECK(model::diff(a, b) == "types[3].target");
  b = a;
  std::get<model::DispatchDef>(b.types[5].def).properties[0].memid = 9;
  CHECK(model::diff(a, b) == "types[5].properties[0].memid");
  b = a;
  std::get<model::DispatchDef>(b.types[5].def).methods[0].result = model::TypeRef::base(model::vt::Void);
  CHECK(model::diff(a, b) == "types[5].methods[0].result.vt");
  b = a;
  std::get<model::DispatchDef>(b.types[5].def).wraps.reset();
  CHECK(model::diff(a, b) == "types[5].wraps");
  b = a;
  std::get<model::CoclassDef>(b.types[6].def).interfaces[1].custom[0].value.data = int64_t{0};
  CHECK(model::diff(a, b) == "types[6].interfaces[1].custom[0].value.data");
  b = a;
  std::get<model::ModuleDef>(b.types[7].def).dll = "x.dll";
  CHECK(model::diff(a, b) == "types[7].dll");
  b = a;
  std::get<model::ModuleDef>(b.types[7].def).functions[1].entry.v = uint16_t{13};
  CHECK(model::diff(a, b) == "types[7].functions[1].entry");
  b = a;
  std::get<model::ModuleDef>(b.types[7].def).constants[0].varkind = model::VarKind::Const;
  CHECK(model::diff(a, b) == "types[7].constants[0].varkind");
}
