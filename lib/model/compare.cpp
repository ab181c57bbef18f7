// Finding the first difference between two libraries. Each function returns nullopt when its two
// values are equal, "" when they differ right there, or the path below them that differs.
// Layer: model.
#include "model/compare.h"

#include <algorithm>
#include <optional>
#include <string_view>

namespace tlbkit::model {

namespace {
using D = std::optional<std::string>;

void append_sub(std::string& out, const std::string& sub) {
  if (sub.empty()) return;
  if (sub[0] != '[') out += '.';
  out += sub;
}

/// `name` followed by the path below it.
D field(std::string_view name, const D& sub) {
  if (!sub) return std::nullopt;
  std::string out(name);
  append_sub(out, *sub);
  return out;
}

D element(size_t i, const D& sub) {
  std::string out = "[";
  out += std::to_string(i);
  out += ']';
  append_sub(out, *sub);
  return out;
}

template <typename T>
D leaf(const T& a, const T& b) {
  return a == b ? D{} : D{""};
}

/// The first differing element, or the first element one list has and the other has not.
template <typename T, typename F>
D list(const std::vector<T>& a, const std::vector<T>& b, F each) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i)
    if (D d = each(a[i], b[i])) return element(i, d);
  if (a.size() != b.size()) return element(n, "");
  return std::nullopt;
}

D value(const Value& a, const Value& b) {
  if (a == b) return std::nullopt;
  if (a.vt != b.vt) return "vt";
  return "data";
}

D optional_value(const std::optional<Value>& a, const std::optional<Value>& b) {
  if (a && b) return value(*a, *b);
  return leaf(a.has_value(), b.has_value());
}

D custom(const CustomData& a, const CustomData& b) {
  return list(a, b, [](const CustomDatum& x, const CustomDatum& y) -> D {
    if (x.guid != y.guid) return "guid";
    return field("value", value(x.value, y.value));
  });
}

D docs(const Docs& a, const Docs& b) {
  if (a.helpstring != b.helpstring) return "helpstring";
  if (a.helpcontext != b.helpcontext) return "helpcontext";
  return field("helpstringcontext", leaf(a.helpstringcontext, b.helpstringcontext));
}

D type_ref(const TypeRef& a, const TypeRef& b);

D user_type(const UserType& a, const UserType& b) {
  if (a.import != b.import) return "import";
  if (a.name != b.name) return "name";
  if (a.guid != b.guid) return "guid";
  return field("index", leaf(a.index, b.index));
}

D type_ref(const TypeRef& a, const TypeRef& b) {
  if (a == b) return std::nullopt;
  if (a.v.index() != b.v.index()) return "";
  if (const auto* p = std::get_if<Pointer>(&a.v))
    return field("pointee", type_ref(*p->pointee, *std::get<Pointer>(b.v).pointee));
  if (const auto* s = std::get_if<SafeArray>(&a.v))
    return field("element", type_ref(*s->element, *std::get<SafeArray>(b.v).element));
  if (const auto* c = std::get_if<CArray>(&a.v)) {
    const CArray& cb = std::get<CArray>(b.v);
    if (D d = field("element", type_ref(*c->element, *cb.element))) return d;
    return field("bounds", list(c->bounds, cb.bounds, leaf<ArrayBound>));
  }
  if (const auto* u = std::get_if<UserType>(&a.v)) return user_type(*u, std::get<UserType>(b.v));
  return "vt";  // BaseType
}

D param(const Param& a, const Param& b) {
  if (a.name != b.name) return "name";
  if (D d = field("type", type_ref(a.type, b.type))) return d;
  if (a.flags != b.flags) return "flags";
  if (D d = field("default_value", optional_value(a.default_value, b.default_value))) return d;
  return field("custom", custom(a.custom, b.custom));
}

D function(const Function& a, const Function& b) {
  if (a.name != b.name) return "name";
  if (a.memid != b.memid) return "memid";
  if (a.funckind != b.funckind) return "funckind";
  if (a.invkind != b.invkind) return "invkind";
  if (a.callconv != b.callconv) return "callconv";
  if (a.vtable_offset != b.vtable_offset) return "vtable_offset";
  if (a.flags != b.flags) return "flags";
  if (D d = field("result", type_ref(a.result, b.result))) return d;
  if (D d = field("params", list(a.params, b.params, param))) return d;
  if (a.optional_count != b.optional_count) return "optional_count";
  if (D d = field("docs", docs(a.docs, b.docs))) return d;
  if (a.entry != b.entry) return "entry";
  return field("custom", custom(a.custom, b.custom));
}

D variable(const Variable& a, const Variable& b) {
  if (a.name != b.name) return "name";
  if (a.memid != b.memid) return "memid";
  if (a.varkind != b.varkind) return "varkind";
  if (a.flags != b.flags) return "flags";
  if (D d = field("type", type_ref(a.type, b.type))) return d;
  if (D d = field("value", optional_value(a.value, b.value))) return d;
  if (a.offset != b.offset) return "offset";
  if (D d = field("docs", docs(a.docs, b.docs))) return d;
  return field("custom", custom(a.custom, b.custom));
}

D impl_type(const ImplType& a, const ImplType& b) {
  if (D d = field("type", type_ref(a.type, b.type))) return d;
  if (a.flags != b.flags) return "flags";
  return field("custom", custom(a.custom, b.custom));
}

/// The content of two types of the same kind, named by the kind's own fields.
struct DefDiff {
  const TypeDef& other;
  template <typename T>
  const T& b() const {
    return std::get<T>(other);
  }
  D operator()(const EnumDef& a) const { return field("values", list(a.values, b<EnumDef>().values, variable)); }
  D operator()(const RecordDef& a) const { return field("fields", list(a.fields, b<RecordDef>().fields, variable)); }
  D operator()(const UnionDef& a) const { return field("fields", list(a.fields, b<UnionDef>().fields, variable)); }
  D operator()(const AliasDef& a) const { return field("target", type_ref(a.target, b<AliasDef>().target)); }
  D operator()(const InterfaceDef& a) const {
    const InterfaceDef& o = b<InterfaceDef>();
    if (D d = field("bases", list(a.bases, o.bases, impl_type))) return d;
    return field("functions", list(a.functions, o.functions, function));
  }
  D operator()(const DispatchDef& a) const {
    const DispatchDef& o = b<DispatchDef>();
    if (D d = field("bases", list(a.bases, o.bases, impl_type))) return d;
    if (D d = field("methods", list(a.methods, o.methods, function))) return d;
    if (D d = field("properties", list(a.properties, o.properties, variable))) return d;
    if (a.wraps && o.wraps) return field("wraps", type_ref(*a.wraps, *o.wraps));
    return field("wraps", leaf(a.wraps.has_value(), o.wraps.has_value()));
  }
  D operator()(const CoclassDef& a) const {
    return field("interfaces", list(a.interfaces, b<CoclassDef>().interfaces, impl_type));
  }
  D operator()(const ModuleDef& a) const {
    const ModuleDef& o = b<ModuleDef>();
    if (a.dll != o.dll) return "dll";
    if (D d = field("functions", list(a.functions, o.functions, function))) return d;
    return field("constants", list(a.constants, o.constants, variable));
  }
};

D type_info(const TypeInfo& a, const TypeInfo& b) {
  if (a.name != b.name) return "name";
  if (a.guid != b.guid) return "guid";
  if (a.flags != b.flags) return "flags";
  if (a.version != b.version) return "version";
  if (D d = field("docs", docs(a.docs, b.docs))) return d;
  if (D d = field("custom", custom(a.custom, b.custom))) return d;
  if (a.layout != b.layout) return "layout";
  if (a.def.index() != b.def.index()) return "def";
  return std::visit(DefDiff{b.def}, a.def);
}

D import(const ImportedLibrary& a, const ImportedLibrary& b) {
  if (a.libid != b.libid) return "libid";
  if (a.version != b.version) return "version";
  if (a.lcid != b.lcid) return "lcid";
  if (a.file != b.file) return "file";
  return field("name", leaf(a.name, b.name));
}

D library(const Library& a, const Library& b) {
  if (a.name != b.name) return "name";
  if (a.libid != b.libid) return "libid";
  if (a.version != b.version) return "version";
  if (a.lcid != b.lcid) return "lcid";
  if (a.syskind != b.syskind) return "syskind";
  if (a.flags != b.flags) return "flags";
  if (D d = field("docs", docs(a.docs, b.docs))) return d;
  if (a.helpfile != b.helpfile) return "helpfile";
  if (a.helpstringdll != b.helpstringdll) return "helpstringdll";
  if (D d = field("custom", custom(a.custom, b.custom))) return d;
  if (D d = field("imports", list(a.imports, b.imports, import))) return d;
  return field("types", list(a.types, b.types, type_info));
}
}  // namespace

std::string diff(const Library& a, const Library& b) {
  if (a == b) return "";
  D d = library(a, b);
  // Unreachable while library() visits every field; a safe answer if a field is ever missed.
  return d && !d->empty() ? *d : "(library)";
}

}  // namespace tlbkit::model
