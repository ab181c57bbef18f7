// Small hand-built libraries for the text writer's tests: one type of every kind, with the
// attributes the view must show. Layer: tests.
#pragma once
#include "model/library.h"
#include "model/library_set.h"

namespace tlbkit::testing {

inline model::Guid guid(const char* text) { return *model::Guid::parse(text); }

inline model::TypeRef udt_local(uint32_t index, std::string name) {
  model::UserType u;
  u.index = index;
  u.name = std::move(name);
  return model::TypeRef{u};
}

inline model::TypeRef udt_import(uint32_t import, std::string name, std::optional<model::Guid> g) {
  model::UserType u;
  u.import = import;
  u.name = std::move(name);
  u.guid = g;
  return model::TypeRef{u};
}

inline model::Param param(std::string name, model::TypeRef t, uint16_t flags) {
  model::Param p;
  p.name = std::move(name);
  p.type = std::move(t);
  p.flags = flags;
  return p;
}

inline model::Value int_value(uint16_t vt, int64_t v) { return model::Value{vt, v}; }
inline model::Value text_value(std::string s) { return model::Value{model::vt::Bstr, std::move(s)}; }

/// A stand-in for OLE Automation's library: IDispatch (a dispatch-less interface here) and GUID.
inline model::Library small_stdole() {
  using namespace model;
  Library s;
  s.name = "stdole";
  s.libid = stdole_libid();
  s.version = {2, 0};
  TypeInfo guid_t;
  guid_t.name = "GUID";
  guid_t.def = RecordDef{};
  TypeInfo idisp;
  idisp.name = "IDispatch";
  idisp.guid = guid("{00020400-0000-0000-C000-000000000046}");
  idisp.def = InterfaceDef{};
  s.types = {guid_t, idisp};
  return s;
}

}  // namespace tlbkit::testing
