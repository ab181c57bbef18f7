// The IDL declaration of each kind of type — enum, struct, union, alias, interface,
// dispinterface, coclass, module — with its members and every attribute the model records.
// Layer: writers.
#include "model/automation_names.h"
#include "writers/idl/idl_emit.h"
#include "writers/idl/idl_text.h"

namespace tlbkit::idlw {

using namespace model;

namespace {

/// Adds the attribute of each set bit but those in `skip`; bits outside `widl_ok` are ones widl
/// 8.0 refuses in that place (Attrs keeps them for the other compilers).
void add_flags(Attrs& a, uint16_t flags, std::span<const names::Named> table, uint16_t skip,
               uint16_t widl_ok) {
  for (const names::Named& f : table)
    if ((flags & f.value) && !(skip & f.value)) a.add(std::string(f.name), (widl_ok & f.value) != 0);
}

/// The type flags widl 8.0 accepts as attributes on each kind of type (tried one by one).
uint16_t widl_type_flags(Place at) {
  using namespace typeflag;
  switch (at) {
    case Place::Interface: return Hidden | Dual | NonExtensible | OleAutomation | Restricted | Proxy;
    case Place::Coclass: return AppObject | Licensed | Hidden | Control | Restricted | Aggregatable;
    default: return Hidden | Restricted;
  }
}

/// Whether widl 8.0 stores this default value as the library has it (tried with widl 8.0 for each
/// base type): integers for integer, VARIANT_BOOL, VARIANT and user-defined (enum) parameters,
/// text for BSTR and VARIANT ones. It cannot parse a real literal, and writes nothing or garbage
/// for hyper, currency, date, SCODE, HRESULT and pointer parameters.
bool widl_writes_default(const TypeRef& param_type, const Value& v) {
  if (std::holds_alternative<UserType>(param_type.v)) return std::holds_alternative<int64_t>(v.data);
  const auto* b = std::get_if<BaseType>(&param_type.v);
  if (!b) return false;
  if (std::holds_alternative<std::string>(v.data)) return b->vt == vt::Bstr || b->vt == vt::Variant;
  // NULL for a null string: widl reads it as the integer 0 and stores a VT_I2.
  if (!std::holds_alternative<int64_t>(v.data)) return false;
  switch (b->vt) {
    case vt::I1: case vt::UI1: case vt::I2: case vt::UI2: case vt::I4: case vt::UI4:
    case vt::Int: case vt::UInt: case vt::Bool: case vt::Variant: return true;
    default: return false;
  }
}

constexpr uint16_t kAllFlags = 0xFFFF;
constexpr uint16_t kWidlFuncFlags =  // widl 8.0 refuses usesgetlasterror and replaceable
    static_cast<uint16_t>(kAllFlags & ~(funcflag::UsesGetLastError | funcflag::Replaceable));

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

Attrs Emitter::type_attrs(const TypeInfo& t, Place at, const std::string& what) {
  Attrs a;
  if (at == Place::Alias) a.add("public");
  if (at == Place::Interface) a.add("odl");
  a.add(guid_attr(t.guid));
  if (t.version.major || t.version.minor)
    a.add("version(" + std::to_string(t.version.major) + "." + std::to_string(t.version.minor) + ")",
          at != Place::Dispinterface);
  docs(a, t.docs, at, what);
  // Dispatchable follows from the kind (a dispinterface, a dual interface) and CanCreate is the
  // absence of noncreatable: the compilers set both themselves.
  add_flags(a, t.flags, names::type_flags(), typeflag::Dispatchable | typeflag::CanCreate,
            widl_type_flags(at));
  if (at == Place::Coclass && !(t.flags & typeflag::CanCreate)) a.add("noncreatable");
  custom(a, t.custom, at, what);
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
  Attrs a = type_attrs(t, Place::Enum, what);
  line("  typedef " + a.inline_text() + "enum " + name + " {");
  for (size_t i = 0; i < d.values.size(); ++i) {
    const Variable& v = d.values[i];
    std::string vw = what + "." + v.name;
    Attrs va;
    // widl 8.0 takes only [hidden] on an enum value (each VARFLAG tried; it stores 0x40).
    add_flags(va, v.flags, names::var_flags(), 0, varflag::Hidden);
    docs(va, v.docs, Place::EnumValue, vw);
    custom(va, v.custom, Place::EnumValue, vw);
    std::string value = v.value ? literal(*v.value, vw) : "0";
    line("    " + va.inline_text() + ident(v.name, vw) + " = " + value + (i + 1 < d.values.size() ? "," : ""));
  }
  line("  } " + name + ";");
}

void Emitter::fields_decl(const TypeInfo& t, const std::vector<Variable>& fields, const char* keyword) {
  std::string what = std::string(keyword) + " " + t.name;
  std::string name = ident(t.name, what);
  Attrs a = type_attrs(t, Place::Record, what);
  line("  typedef " + a.inline_text() + keyword + " " + name + " {");
  for (const Variable& v : fields) {
    std::string vw = what + "." + v.name;
    Attrs va;
    add_flags(va, v.flags, names::var_flags(), 0, varflag::ReadOnly);
    docs(va, v.docs, Place::Field, vw);
    custom(va, v.custom, Place::Field, vw);
    line("    " + va.inline_text() + declaration(v.type, ident(v.name, vw)) + ";");
  }
  line("  } " + name + ";");
}

void Emitter::alias_decl(const TypeInfo& t, const AliasDef& d) {
  std::string what = "typedef " + t.name;
  std::string attrs = type_attrs(t, Place::Alias, what).inline_text();
  std::string indent = at_file_scope_ ? "" : "  ";
  line(indent + "typedef " + attrs + declaration(d.target, ident(t.name, what)) + ";");
}

void Emitter::interface_decl(const TypeInfo& t, const InterfaceDef& d) {
  std::string what = "interface " + t.name;
  out_ += type_attrs(t, Place::Interface, what).block_text("  ");
  std::string head = "  interface " + ident(t.name, what);
  if (d.bases.size() > 1) problem(what, "an interface has at most one base in IDL");
  if (!d.bases.empty()) head += " : " + type(d.bases.front().type);
  line(head + " {");
  for (const Function& f : d.functions) line("    " + function(f, false, true, what) + ";");
  line("  };");
}

void Emitter::dispatch_decl(const TypeInfo& t, const DispatchDef& d) {
  std::string what = "dispinterface " + t.name;
  out_ += type_attrs(t, Place::Dispinterface, what).block_text("  ");
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
  out_ += type_attrs(t, Place::Coclass, what).block_text("  ");
  line("  coclass " + ident(t.name, what) + " {");
  for (const ImplType& i : d.interfaces) {
    Attrs a;
    add_flags(a, i.flags, names::impl_flags(), 0, kAllFlags);
    custom(a, i.custom, Place::Impl, what);
    line("    " + a.inline_text() + impl_keyword(i.type) + type(i.type) + ";");
  }
  line("  };");
}

void Emitter::module_decl(const TypeInfo& t, const ModuleDef& d) {
  std::string what = "module " + t.name;
  Attrs a = type_attrs(t, Place::Module, what);
  if (!d.dll.empty()) a.add("dllname(" + str(d.dll, what + " dllname") + ")");
  out_ += a.block_text("  ");
  line("  module " + ident(t.name, what) + " {");
  for (const Variable& v : d.constants) {
    std::string vw = what + "." + v.name;
    Attrs va;
    add_flags(va, v.flags, names::var_flags(), 0,
              static_cast<uint16_t>(kAllFlags & ~varflag::Replaceable));  // widl refuses it here
    docs(va, v.docs, Place::ModuleConst, vw);
    custom(va, v.custom, Place::ModuleConst, vw);
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
  add_flags(a, f.flags, names::func_flags(), 0, kWidlFuncFlags);
  if (f.optional_count == -1) a.add("vararg");
  docs(a, f.docs, Place::Function, what);
  custom(a, f.custom, Place::Function, what);
  std::string s = a.inline_text() + type(f.result) + " " + std::string(callconv_keyword(f.callconv)) +
                  ident(f.name, what) + "(";
  // A defaulted parameter is optional by its default. widl counts each parameter written
  // `optional` in cParamsOpt, so `optional` goes on only as many defaulted ones (the last) as
  // the library's count needs beyond the plain optional parameters.
  int64_t budget = f.optional_count;
  for (const Param& p : f.params)
    if ((p.flags & paramflag::Opt) && !p.default_value) --budget;
  std::vector<bool> counted(f.params.size(), false);
  for (size_t i = f.params.size(); i-- > 0 && budget > 0;)
    if ((f.params[i].flags & paramflag::Opt) && f.params[i].default_value) {
      counted[i] = true;
      --budget;
    }
  for (size_t i = 0; i < f.params.size(); ++i)
    s += (i ? ", " : "") + param(f.params[i], counted[i], what);
  return s + ")";
}

std::string Emitter::param(const Param& p, bool counted_optional, const std::string& owner) {
  std::string what = owner + "(" + p.name + ")";
  Attrs a;
  if (p.flags & paramflag::In) a.add("in");
  if (p.flags & paramflag::Out) a.add("out");
  if (p.flags & paramflag::Lcid) a.add("lcid");
  if (p.flags & paramflag::RetVal) a.add("retval");
  if ((p.flags & paramflag::Opt) && (!p.default_value || counted_optional)) a.add("optional");
  if (p.default_value)
    a.add("defaultvalue(" + literal(*p.default_value, what + " default") + ")",
          widl_writes_default(p.type, *p.default_value));
  custom(a, p.custom, Place::Param, what);
  std::string name = p.name.empty() ? "" : ident(p.name, what);
  return a.inline_text() + declaration(p.type, name);
}

std::string Emitter::property(const Variable& v, const std::string& owner) {
  std::string what = owner + "." + v.name;
  Attrs a;
  if (v.memid != kMemberIdNil) a.add("id(" + hex32(static_cast<uint32_t>(v.memid)) + ")");
  add_flags(a, v.flags, names::var_flags(), 0, varflag::ReadOnly);
  docs(a, v.docs, Place::Property, what);
  custom(a, v.custom, Place::Property, what);
  return a.inline_text() + declaration(v.type, ident(v.name, what));
}

}  // namespace tlbkit::idlw
