// The IDL declaration of each kind of type — enum, struct, union, alias, interface,
// dispinterface, coclass, module — with its members and every attribute the model records.
// Layer: writers.
#include "model/automation_names.h"
#include "writers/idl/idl_emit.h"
#include "writers/idl/idl_text.h"

namespace tlbkit::idlw {

using namespace model;

namespace {

std::string flag_attrs(uint16_t flags, std::span<const names::Named> table, uint16_t skip) {
  std::string out;
  for (const names::Named& f : table)
    if ((flags & f.value) && !(skip & f.value)) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

std::string_view invoke_attr(InvokeKind k) {
  switch (k) {
    case InvokeKind::PropertyGet: return "propget";
    case InvokeKind::PropertyPut: return "propput";
    case InvokeKind::PropertyPutRef: return "propputref";
    case InvokeKind::Func: break;
  }
  return "";
}

/// The calling convention keyword, "" for stdcall (the default of every compiler).
std::string_view callconv_keyword(CallConv c) {
  switch (c) {
    case CallConv::CDecl: return "__cdecl ";
    case CallConv::Pascal: return "__pascal ";
    case CallConv::FastCall: return "__fastcall ";
    default: return "";
  }
}

std::string guid_attr(const std::optional<Guid>& g) {
  if (!g || g->is_null()) return "";
  std::string s = g->to_string();
  return "uuid(" + s.substr(1, s.size() - 2) + ")";
}

}  // namespace

Attrs Emitter::type_attrs(const TypeInfo& t, const std::string& what) {
  Attrs a;
  if (std::holds_alternative<InterfaceDef>(t.def)) a.add("odl");
  a.add(guid_attr(t.guid));
  if (t.version.major || t.version.minor)
    a.add("version(" + std::to_string(t.version.major) + "." + std::to_string(t.version.minor) + ")");
  docs(a, t.docs, what);
  // Dispatchable follows from the kind (a dispinterface, a dual interface) and CanCreate is the
  // absence of noncreatable: the compilers set both themselves.
  a.add(flag_attrs(t.flags, names::type_flags(), typeflag::Dispatchable | typeflag::CanCreate));
  if (std::holds_alternative<CoclassDef>(t.def) && !(t.flags & typeflag::CanCreate)) a.add("noncreatable");
  custom(a, t.custom, what);
  return a;
}

void Emitter::type_decl(size_t index) {
  const TypeInfo& t = lib_.types[index];
  std::visit(
      [&](const auto& d) {
        using D = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<D, EnumDef>) enum_decl(t, d);
        if constexpr (std::is_same_v<D, RecordDef>) fields_decl(t, d.fields, "struct");
        if constexpr (std::is_same_v<D, UnionDef>) fields_decl(t, d.fields, "union");
        if constexpr (std::is_same_v<D, AliasDef>) alias_decl(t, d);
        if constexpr (std::is_same_v<D, InterfaceDef>) interface_decl(t, d);
        if constexpr (std::is_same_v<D, DispatchDef>) dispatch_decl(t, d);
        if constexpr (std::is_same_v<D, CoclassDef>) coclass_decl(t, d);
        if constexpr (std::is_same_v<D, ModuleDef>) module_decl(t, d);
      },
      t.def);
}

void Emitter::enum_decl(const TypeInfo& t, const EnumDef& d) {
  std::string what = "enum " + t.name;
  std::string name = ident(t.name, what);
  Attrs a = type_attrs(t, what);
  line("  typedef " + a.inline_text() + "enum " + name + " {");
  for (size_t i = 0; i < d.values.size(); ++i) {
    const Variable& v = d.values[i];
    std::string vw = what + "." + v.name;
    Attrs va;
    docs(va, v.docs, vw);
    custom(va, v.custom, vw);
    // widl 8.0 refuses attributes on enum values ("inapplicable attribute"): they are kept as a
    // comment so the output still compiles and the reader sees what was lost.
    std::string note = va.empty() ? "" : "  /* " + va.inline_text() + "*/";
    std::string value = v.value ? literal(*v.value, vw) : "0";
    line("    " + ident(v.name, vw) + " = " + value + (i + 1 < d.values.size() ? "," : "") + note);
  }
  line("  } " + name + ";");
}

void Emitter::fields_decl(const TypeInfo& t, const std::vector<Variable>& fields, const char* keyword) {
  std::string what = std::string(keyword) + " " + t.name;
  std::string name = ident(t.name, what);
  Attrs a = type_attrs(t, what);
  line("  typedef " + a.inline_text() + keyword + " " + name + " {");
  for (const Variable& v : fields) {
    std::string vw = what + "." + v.name;
    Attrs va;
    va.add(flag_attrs(v.flags, names::var_flags(), 0));
    docs(va, v.docs, vw);
    custom(va, v.custom, vw);
    line("    " + va.inline_text() + declaration(v.type, ident(v.name, vw)) + ";");
  }
  line("  } " + name + ";");
}

void Emitter::alias_decl(const TypeInfo& t, const AliasDef& d) {
  std::string what = "typedef " + t.name;
  Attrs a;
  a.add("public");
  Attrs rest = type_attrs(t, what);
  std::string attrs = a.inline_text();
  if (!rest.empty()) attrs = "[public, " + rest.inline_text().substr(1);
  std::string indent = at_file_scope_ ? "" : "  ";
  line(indent + "typedef " + attrs + declaration(d.target, ident(t.name, what)) + ";");
}

void Emitter::interface_decl(const TypeInfo& t, const InterfaceDef& d) {
  std::string what = "interface " + t.name;
  out_ += type_attrs(t, what).block_text("  ");
  std::string head = "  interface " + ident(t.name, what);
  if (d.bases.size() > 1) problem(what, "an interface has at most one base in IDL");
  if (!d.bases.empty()) head += " : " + type(d.bases.front().type);
  line(head + " {");
  for (const Function& f : d.functions) line("    " + function(f, false, true, what) + ";");
  line("  };");
}

void Emitter::dispatch_decl(const TypeInfo& t, const DispatchDef& d) {
  std::string what = "dispinterface " + t.name;
  out_ += type_attrs(t, what).block_text("  ");
  line("  dispinterface " + ident(t.name, what) + " {");
  if (d.wraps) {
    line("    interface " + type(*d.wraps) + ";");
  } else {
    line("  properties:");
    for (const Variable& v : d.properties) line("    " + property(v, what) + ";");
    line("  methods:");
    for (const Function& f : d.methods) line("    " + function(f, false, true, what) + ";");
  }
  line("  };");
}

std::string Emitter::impl_keyword(const TypeRef& r) const {
  if (const auto* u = std::get_if<UserType>(&r.v))
    if (const TypeInfo* t = local(*u); t && std::holds_alternative<DispatchDef>(t->def))
      return "dispinterface ";
  return "interface ";
}

void Emitter::coclass_decl(const TypeInfo& t, const CoclassDef& d) {
  std::string what = "coclass " + t.name;
  out_ += type_attrs(t, what).block_text("  ");
  line("  coclass " + ident(t.name, what) + " {");
  for (const ImplType& i : d.interfaces) {
    Attrs a;
    a.add(flag_attrs(i.flags, names::impl_flags(), 0));
    custom(a, i.custom, what);
    line("    " + a.inline_text() + impl_keyword(i.type) + type(i.type) + ";");
  }
  line("  };");
}

void Emitter::module_decl(const TypeInfo& t, const ModuleDef& d) {
  std::string what = "module " + t.name;
  Attrs a = type_attrs(t, what);
  if (!d.dll.empty()) a.add("dllname(" + str(d.dll, what + " dllname") + ")");
  out_ += a.block_text("  ");
  line("  module " + ident(t.name, what) + " {");
  for (const Variable& v : d.constants) {
    std::string vw = what + "." + v.name;
    Attrs va;
    docs(va, v.docs, vw);
    custom(va, v.custom, vw);
    std::string value = v.value ? literal(*v.value, vw) : "0";
    line("    " + va.inline_text() + "const " + declaration(v.type, ident(v.name, vw)) + " = " + value + ";");
  }
  for (const Function& f : d.functions) line("    " + function(f, true, true, what) + ";");
  line("  };");
}

std::string Emitter::function(const Function& f, bool module_function, bool with_id,
                              const std::string& owner) {
  std::string what = owner + "." + f.name;
  Attrs a;
  if (module_function) {
    if (const auto* name = std::get_if<std::string>(&f.entry.v)) a.add("entry(" + str(*name, what + " entry") + ")");
    if (const auto* ord = std::get_if<uint16_t>(&f.entry.v)) a.add("entry(" + std::to_string(*ord) + ")");
  }
  if (with_id && f.memid != kMemberIdNil) a.add("id(" + hex32(static_cast<uint32_t>(f.memid)) + ")");
  a.add(std::string(invoke_attr(f.invkind)));
  a.add(flag_attrs(f.flags, names::func_flags(), 0));
  if (f.optional_count == -1) a.add("vararg");
  docs(a, f.docs, what);
  custom(a, f.custom, what);
  std::string s = a.inline_text() + type(f.result) + " " + std::string(callconv_keyword(f.callconv)) +
                  ident(f.name, what) + "(";
  for (size_t i = 0; i < f.params.size(); ++i) s += (i ? ", " : "") + param(f.params[i], what);
  return s + ")";
}

std::string Emitter::param(const Param& p, const std::string& owner) {
  std::string what = owner + "(" + p.name + ")";
  Attrs a;
  if (p.flags & paramflag::In) a.add("in");
  if (p.flags & paramflag::Out) a.add("out");
  if (p.flags & paramflag::Lcid) a.add("lcid");
  if (p.flags & paramflag::RetVal) a.add("retval");
  if (p.flags & paramflag::Opt) a.add("optional");
  if (p.default_value) a.add("defaultvalue(" + literal(*p.default_value, what + " default") + ")");
  custom(a, p.custom, what);
  std::string name = p.name.empty() ? "" : ident(p.name, what);
  return a.inline_text() + declaration(p.type, name);
}

std::string Emitter::property(const Variable& v, const std::string& owner) {
  std::string what = owner + "." + v.name;
  Attrs a;
  if (v.memid != kMemberIdNil) a.add("id(" + hex32(static_cast<uint32_t>(v.memid)) + ")");
  a.add(flag_attrs(v.flags, names::var_flags(), 0));
  docs(a, v.docs, what);
  custom(a, v.custom, what);
  return a.inline_text() + declaration(v.type, ident(v.name, what));
}

}  // namespace tlbkit::idlw
