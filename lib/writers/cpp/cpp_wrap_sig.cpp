// The C++ writer's wrapper part: signatures, default arguments, and writing a wrapper's
// declaration and definition (see cpp_wrap_sig.h). Layer: writers.
#include "writers/cpp/cpp_wrap_sig.h"

#include "writers/cpp/cpp_core.h"

#include <utility>
#include <variant>

namespace tlbkit::cppw::wrap {

namespace {
// A base chain longer than this is a cycle in bad input.
constexpr size_t kMaxBaseDepth = 64;
}  // namespace

namespace {

// A VARIANT parameter's [defaultvalue] as a tlbkit::variant of the value's own VARTYPE (the
// literal alone would pick the constructor of its C++ type: VT_I4 for a short, VT_I2 for a
// VARIANT_BOOL); "" when it cannot be written.
std::string variant_default(Context& cx, const model::Value& v) {
  namespace vt = model::vt;
  const auto* i = std::get_if<int64_t>(&v.data);
  switch (v.vt) {
    case vt::Bool: return i ? (*i ? "true" : "false") : "";
    case vt::Bstr: case vt::LpStr: case vt::LpWStr:
      return value_literal(cx, v, model::TypeRef::base(vt::Bstr));
    case vt::Empty: return "::tlbkit::variant()";
    default: break;
  }
  static constexpr std::pair<uint16_t, const char*> kTypes[] = {
      {vt::I1, "signed char"}, {vt::UI1, "unsigned char"}, {vt::I2, "short"},
      {vt::UI2, "unsigned short"}, {vt::I4, "long"}, {vt::UI4, "unsigned long"},
      {vt::Int, "int"}, {vt::UInt, "unsigned int"}, {vt::I8, "long long"},
      {vt::UI8, "unsigned long long"}, {vt::R4, "float"}, {vt::R8, "double"}};
  for (const auto& [type_vt, cpp] : kTypes) {
    if (type_vt != v.vt) continue;
    std::string lit = value_literal(cx, v, model::TypeRef::base(v.vt));
    return lit.empty() ? "" : "::tlbkit::variant(static_cast<" + std::string(cpp) + ">(" + lit + "))";
  }
  return "";
}

}  // namespace

std::string default_argument(Context& cx, const model::Param& p, const TypeShape& s) {
  if (p.default_value && s.shape == Shape::Variant) {
    if (std::string d = variant_default(cx, *p.default_value); !d.empty()) return d;
  } else if (p.default_value) {
    const auto& data = p.default_value->data;
    if (s.shape == Shape::Bool) {
      if (const auto* i = std::get_if<int64_t>(&data)) return *i ? "true" : "false";
      if (const auto* d = std::get_if<double>(&data)) return *d != 0 ? "true" : "false";
    } else if (std::string lit = value_literal(cx, *p.default_value, p.type); !lit.empty()) {
      return lit;
    }
  }
  if ((p.flags & model::paramflag::Opt) && s.shape == Shape::Variant)
    return "::tlbkit::variant::missing()";
  return "";
}

void trailing_defaults(std::vector<Param>& params) {
  for (size_t i = params.size(); i-- > 0;) {
    if (!params[i].def.empty()) continue;
    for (size_t j = 0; j < i; ++j) params[j].def.clear();
    return;
  }
}

std::string iid_expression(const model::TypeInfo& t, const std::string& member) {
  return t.guid && !member.empty() ? member : "::GUID{}";
}

std::string declare_iid(Context& cx, const model::TypeInfo& t, MemberNames& names,
                        std::string& decls) {
  if (!t.guid) return "";
  std::string member = names.take("_tlbkit_iid");
  // Qualified: a member may have the struct's name (Word's Range::InStory(Range* Range)).
  decls.append("  static constexpr const ::GUID& ").append(member).append(" = ::tlbkit::uuid_of<");
  decls.append(qualified(cx, index_of(cx, t))).append(">::value;\n");
  return member;
}

std::string fresh_local(const std::vector<Param>& params, std::string base) {
  for (bool clash = true; clash;) {
    clash = false;
    for (const auto& p : params)
      if (p.name == base) clash = true;
    if (clash) base += '_';
  }
  return base;
}

void write(const Context& cx, const model::TypeInfo& t, const Signature& sig,
           const std::string& body, Out& out) {
  // Appended piece by piece: a header holds tens of thousands of these (mshtml.tlb), and
  // temporaries built by operator+ were a good part of the writer's time.
  std::string& d = out.decls;
  std::string& f = out.defs;
  d.append("  ").append(sig.result).append(" ").append(sig.name).append("(");
  f.append("inline ").append(sig.result).append(" ").append(local_name(cx, index_of(cx, t)));
  f.append("::").append(sig.name).append("(");
  bool first = true;
  for (const auto& p : sig.params) {
    if (!first) d.append(", "), f.append(", ");
    first = false;
    d.append(p.type).append(" ").append(p.name);
    if (!p.def.empty()) d.append(" = ").append(p.def);
    f.append(p.type).append(" ").append(p.name);
  }
  d.append(");\n");
  f.append(") {\n").append(body).append("}\n");
}

void reserve_raw_names(Context& cx, const model::TypeInfo& t, MemberNames& names) {
  const model::Library* lib = &cx.lib;
  const model::TypeInfo* type = &t;
  for (size_t depth = 0; type && depth < kMaxBaseDepth; ++depth) {
    const auto* d = std::get_if<model::InterfaceDef>(&type->def);
    if (!d) return;
    for (const model::Function& f : d->functions) names.reserve(raw_method_name(cx, *type, f));
    if (d->bases.empty()) return;
    const auto* u = std::get_if<model::UserType>(&d->bases.front().type.v);
    if (!u) return;
    auto found = cx.set.resolve(*lib, *u);
    lib = found.library, type = found.type;
  }
}

bool is_hresult(const model::TypeRef& t) {
  const auto* b = std::get_if<model::BaseType>(&t.v);
  return b && b->vt == model::vt::HResult;
}

size_t retval_index(const model::Function& f) {
  for (size_t i = f.params.size(); i-- > 0;)
    if ((f.params[i].flags & model::paramflag::RetVal) &&
        std::holds_alternative<model::Pointer>(f.params[i].type.v))
      return i;
  return kNone;
}

std::vector<const model::Function*> dispatched_methods(Context& cx, const model::DispatchDef& d) {
  std::vector<const model::Function*> out;
  if (!d.wraps || !d.methods.empty()) {
    for (const auto& f : d.methods) out.push_back(&f);
    return out;
  }
  std::vector<const model::InterfaceDef*> chain;
  const model::TypeRef* next = &*d.wraps;
  while (next && chain.size() < kMaxBaseDepth) {
    const auto* u = std::get_if<model::UserType>(&next->v);
    if (!u) break;
    auto found = cx.set.resolve(cx.lib, *u);
    // Types of another library would be spelled relative to it: only this library's are used.
    if (found.library != &cx.lib || !found.type) break;
    const auto* i = std::get_if<model::InterfaceDef>(&found.type->def);
    if (!i) break;
    chain.push_back(i);
    next = i->bases.empty() ? nullptr : &i->bases.front().type;
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    for (const auto& f : (*it)->functions) out.push_back(&f);
  return out;
}

}  // namespace tlbkit::cppw::wrap
