// The IDL reader's emitter, continued: records, unions (encapsulated ones as a struct holding the
// discriminant and a union), enums and aliases; functions, parameters and fields; the library
// header; and the walk over the library block (add_entry). Layer: readers.
#include <cstring>

#include "readers/idl/sema_internal.h"

namespace tlbkit::idl::sema {

namespace m = tlbkit::model;

namespace {
constexpr int32_t kVarMemidBase = 0x40000000;  // widl's add_var_desc default

/// A value narrowed to the VARTYPE it is stored with (widl's get_ulong_val, then the runtime's
/// reading of it as that type).
int64_t narrow(int64_t v, uint16_t vt) {
  switch (vt) {
    case m::vt::I1: return static_cast<int8_t>(static_cast<uint8_t>(v & 0xff));
    case m::vt::UI1: return v & 0xff;
    case m::vt::I2:
    case m::vt::Bool: return static_cast<int16_t>(static_cast<uint16_t>(v & 0xffff));
    case m::vt::UI2: return v & 0xffff;
    case m::vt::UI4:
    case m::vt::UInt: return v & 0xffffffff;
    default: return static_cast<int32_t>(static_cast<uint32_t>(v & 0xffffffff));
  }
}
}  // namespace

// `e` names the typeinfo; `body` (e itself, or the record an alias names) gives the fields.
uint32_t Sema::add_record(Entity& e, Entity& body) {
  if (e.index) return *e.index;
  bool is_union = body.kind == EKind::Union;
  m::TypeKind kind = is_union ? m::TypeKind::Union : m::TypeKind::Record;
  if (!body.defined || !body.record) {
    error(e.unit, e.pos, "TK5205", std::string(is_union ? "union '" : "struct '") + e.name +
                                       "' is referenced but not defined");
  }
  uint32_t idx = is_union ? create_typeinfo(e, kind, m::UnionDef{})
                          : create_typeinfo(e, kind, m::RecordDef{});
  if (!body.record) return idx;
  const ast::RecordSpec& rec = *body.record;
  check_unique_names(rec.members, body.unit, "field", e.name);
  auto push = [&](m::Variable v) {
    if (is_union) {
      std::get<m::UnionDef>(lib_.types[idx].def).fields.push_back(std::move(v));
    } else {
      std::get<m::RecordDef>(lib_.types[idx].def).fields.push_back(std::move(v));
    }
  };
  uint32_t n = 0;
  if (body.encap_union) {
    // Encapsulated union: the discriminant, then the union under its name ("tagged_union" when
    // the IDL gives none).
    if (!rec.switch_field.empty()) push(make_field(rec.switch_field.front(), body.unit,
                                                         n++, m::VarKind::PerInstance));
    m::Variable v;
    v.memid = kVarMemidBase + static_cast<int32_t>(n);
    Ty t;
    t.k = Ty::K::Entity;
    t.ent = body.encap_union;
    v.type = encode_var(std::make_shared<const Ty>(t));
    v.name = canon(rec.union_name.empty() ? "tagged_union" : rec.union_name);
    push(std::move(v));
    return idx;
  }
  for (const ast::Member& f : rec.members) {
    if (f.decl.name.empty() && f.type.kind == ast::TypeSpec::Kind::Named &&
        (f.type.name.empty() || f.type.name == "void")) {
      continue;  // an empty union arm (`[default] ;`)
    }
    push(make_field(f, body.unit, n++, m::VarKind::PerInstance));
  }
  return idx;
}

uint32_t Sema::add_enum(Entity& e, Entity& body) {
  if (e.index) return *e.index;
  if (!body.defined || !body.enumeration) {
    error(e.unit, e.pos, "TK5205", "enum '" + e.name + "' is referenced but not defined");
  }
  uint32_t idx = create_typeinfo(e, m::TypeKind::Enum, m::EnumDef{});
  if (!body.enumeration) return idx;
  int64_t next = 0;
  int32_t n = 0;
  for (const ast::Enumerator& en : body.enumeration->values) {
    if (en.value) {
      if (auto x = eval_int(*en.value, body.unit)) next = *x;
    }
    m::Variable v;
    v.memid = kVarMemidBase + n++;
    v.varkind = m::VarKind::Const;
    v.flags = var_flags(en.attrs);
    v.type = m::TypeRef::base(m::vt::Int);
    v.value = m::Value{m::vt::I4, narrow(next, m::vt::I4)};
    v.docs = attr_docs(en.attrs, body.unit);
    v.custom = attr_custom(en.attrs, body.unit);
    v.name = canon(en.name);
    std::get<m::EnumDef>(lib_.types[idx].def).values.push_back(std::move(v));
    ++next;
  }
  return idx;
}

// widl adds a typedef that is not public as the kind of type it names, under the typedef's
// name (`typedef SYSTEMTIME ADS_UTC_TIME` used in a field gives a record "SYSTEMTIME").
uint32_t Sema::add_as_real(Entity& alias) {
  if (alias.index) return *alias.index;
  TyP t = aliasee(alias);
  for (int guard = 0; guard < 64 && t && t->k == Ty::K::Entity && t->ent &&
                      t->ent->kind == EKind::Alias;
       ++guard) {
    t = aliasee(*t->ent);
  }
  if (!t || t->k != Ty::K::Entity || !t->ent) return add_alias(alias);
  Entity& body = *t->ent;
  switch (body.kind) {
    case EKind::Struct:
    case EKind::Union:
      return add_record(alias, body);
    case EKind::Enum:
      return add_enum(alias, body);
    default:
      return add_type(body);
  }
}

uint32_t Sema::add_alias(Entity& e) {
  if (e.index) return *e.index;
  uint32_t idx = create_typeinfo(e, m::TypeKind::Alias, m::AliasDef{});
  TyP a = aliasee(e);
  m::TypeRef target = encode_type(type_vt(a), a);
  std::get<m::AliasDef>(lib_.types[idx].def).target = std::move(target);
  return idx;
}

m::Variable Sema::make_field(const ast::Member& f, const Unit* u, uint32_t index,
                             m::VarKind vk) {
  m::Variable v;
  v.memid = kVarMemidBase + static_cast<int32_t>(index);
  if (auto id = attr_int(f.attrs, "id", u)) v.memid = static_cast<int32_t>(*id);
  v.varkind = vk;
  v.flags = var_flags(f.attrs);
  v.type = encode_var(resolve(f.type, &f.decl, u));
  v.docs = attr_docs(f.attrs, u);
  v.custom = attr_custom(f.attrs, u);
  v.name = canon(f.decl.name);
  return v;
}

std::optional<m::Value> Sema::default_value(const ast::Expr& ex, const TyP& t, const Unit* u) {
  // widl takes a pointer parameter's default as a value of the pointee's type (a VARIANT* one
  // as an empty VARIANT), and a VARIANT's as a VT_I4.
  TyP vt_of = t;
  for (int guard = 0; guard < 64 && vt_of && vt_of->k == Ty::K::Entity && vt_of->ent &&
                      vt_of->ent->kind == EKind::Alias && type_vt(vt_of) == m::vt::Ptr;
       ++guard) {
    vt_of = aliasee(*vt_of->ent);
  }
  bool via_pointer = false;
  if (vt_of && vt_of->k == Ty::K::Pointer && vt_of->ref) {
    vt_of = vt_of->ref;
    via_pointer = true;
  }
  uint16_t vt = is_enum(vt_of) ? m::vt::I4 : type_vt(vt_of);
  if (vt == m::vt::Variant && !via_pointer) vt = m::vt::I4;
  std::optional<CValue> v = eval(ex, u);
  if (!v) return std::nullopt;
  if (v->is_string) {
    // A VARIANT may default to a string (MIDL stores a VT_BSTR; widl refuses it).
    if (vt == m::vt::Variant || (vt == m::vt::I4 && type_vt(vt_of) == m::vt::Variant)) {
      return m::Value{m::vt::Bstr, v->s};
    }
    if (vt != m::vt::Bstr) {
      error(u, ex.pos, "TK5222", "string default value applied to a non-string type");
      return std::nullopt;
    }
    return m::Value{vt, v->s};
  }
  // defaultvalue(NULL) on a string parameter: a null string, as MIDL stores it (msvbvm60.dll's
  // GetObject ServerName).
  if (v->i == 0 && !v->is_float && (vt == m::vt::Bstr || vt == m::vt::LpStr || vt == m::vt::LpWStr))
    return m::Value{m::vt::Bstr, std::monostate{}};
  switch (vt) {
    case m::vt::R4: {
      if (v->is_float) return m::Value{vt, v->d};
      // widl stores an integer default's bits as the float (1 becomes 1.4e-45).
      uint32_t bits = static_cast<uint32_t>(v->i);
      float fl;
      static_assert(sizeof fl == sizeof bits);
      std::memcpy(&fl, &bits, sizeof fl);
      return m::Value{vt, static_cast<double>(fl)};
    }
    case m::vt::R8:
    case m::vt::Date:
      return m::Value{vt, v->is_float ? v->d : static_cast<double>(v->i)};
    case m::vt::I8:
    case m::vt::UI8:
      return m::Value{vt, v->i};
    case m::vt::Cy:  // a currency is held as its value × 10000
      return m::Value{vt, v->is_float ? static_cast<int64_t>(v->d * 10000.0) : v->i * 10000};
    case m::vt::I2: case m::vt::I4: case m::vt::Bool: case m::vt::I1: case m::vt::UI1:
    case m::vt::UI2: case m::vt::UI4: case m::vt::Int: case m::vt::UInt: case m::vt::HResult:
    case m::vt::Error:
      return m::Value{vt, narrow(v->i, vt)};
    case m::vt::Ptr:
    case m::vt::Variant:
      // widl records a VARIANT's default as an empty VARIANT.
      return m::Value{m::vt::Variant, std::monostate{}};
    case m::vt::Dispatch:
    case m::vt::Unknown:
      return m::Value{vt, std::monostate{}};
    default:
      return m::Value{m::vt::I4, narrow(v->i, m::vt::I4)};
  }
}

m::Function Sema::make_func(const ast::Method& meth, const Unit* u, uint32_t type_index,
                            int32_t default_memid, m::FuncKind fk) {
  m::Function f;
  f.name = canon(meth.decl.name);
  f.memid = default_memid;
  f.funckind = fk;
  f.flags = func_flags(meth.attrs);
  if (auto id = attr_int(meth.attrs, "id", u)) f.memid = static_cast<int32_t>(*id);
  if (has_attr(meth.attrs, "propget")) f.invkind = m::InvokeKind::PropertyGet;
  if (has_attr(meth.attrs, "propput")) f.invkind = m::InvokeKind::PropertyPut;
  if (has_attr(meth.attrs, "propputref")) f.invkind = m::InvokeKind::PropertyPutRef;
  f.docs = attr_docs(meth.attrs, u);
  f.custom = attr_custom(meth.attrs, u);
  // A calling convention written on the method: MIDL records it (FUNCDESC.callconv; XL5EN32's
  // __cdecl dispinterface methods); widl 8.0 always records stdcall.
  if (!meth.decl.ops.empty() && meth.decl.ops.front().kind == ast::DeclOp::Kind::Function) {
    const std::string& cc = meth.decl.ops.front().callconv;
    if (cc == "__cdecl" || cc == "_cdecl" || cc == "cdecl") f.callconv = m::CallConv::CDecl;
    if (cc == "__pascal" || cc == "_pascal" || cc == "pascal") f.callconv = m::CallConv::Pascal;
  }
  if (const ast::Attr* en = find_attr(meth.attrs, "entry"); en && !en->args.empty()) {
    if (en->args.front().kind == ast::Expr::Kind::String ||
        en->args.front().kind == ast::Expr::Kind::WideString) {
      f.entry.v = en->args.front().text;
    } else if (auto o = eval_int(en->args.front(), u)) {
      f.entry.v = static_cast<uint16_t>(*o);
    }
  }
  // A function with the name of an earlier one (a property's get/put pair) shares its MEMBERID.
  // Building a type's functions is never interleaved with another type's (types a function
  // pulls in are built while resolving its types, after this lookup), so one table serves.
  if (func_ids_type_ != type_index) {
    func_ids_.clear();
    func_ids_type_ = type_index;
    const m::TypeDef& def = lib_.types[type_index].def;
    const std::vector<m::Function>* prior = nullptr;
    if (const auto* i = std::get_if<m::InterfaceDef>(&def)) prior = &i->functions;
    if (const auto* d = std::get_if<m::DispatchDef>(&def)) prior = &d->methods;
    if (const auto* mo = std::get_if<m::ModuleDef>(&def)) prior = &mo->functions;
    if (prior) {
      for (const m::Function& p : *prior) func_ids_.try_emplace(p.name, p.memid);
    }
  }
  auto [id_it, fresh] = func_ids_.try_emplace(f.name, f.memid);
  if (!fresh) f.memid = id_it->second;
  // Encoding may add other types, and so run make_func again: keep this call's types local.
  std::vector<TyP> types;
  types.push_back(resolve(meth.result, &meth.decl, u, 1));
  f.result = encode_var(TyP(types.back()));
  static const std::vector<ast::Param> kNone;
  const std::vector<ast::Param>& params =
      !meth.decl.ops.empty() && meth.decl.ops.front().kind == ast::DeclOp::Kind::Function
          ? meth.decl.ops.front().params
          : kNone;
  int16_t optional = 0;
  bool defaults = false;
  for (const ast::Param& p : params) {
    m::Param mp;
    TyP t = resolve(p.type, &p.decl, u);
    types.push_back(t);
    mp.type = encode_var(t);
    for (const ast::Attr& a : p.attrs) {
      if (a.name == "in") mp.flags |= m::paramflag::In;
      else if (a.name == "out") mp.flags |= m::paramflag::Out;
      else if (a.name == "lcid") mp.flags |= m::paramflag::Lcid;
      else if (a.name == "retval") mp.flags |= m::paramflag::RetVal;
      else if (a.name == "optional") {
        mp.flags |= m::paramflag::Opt;
        ++optional;
      } else if (a.name == "defaultvalue" && !a.args.empty()) {
        mp.flags |= m::paramflag::Opt | m::paramflag::HasDefault;
        defaults = true;
        mp.default_value = default_value(a.args.front(), t, u);
      }
    }
    mp.custom = attr_custom(p.attrs, u);
    // A parameter with custom data says so in its flags, as in MIDL's files (msvbvm60.dll's
    // Compare parameters: 0x71); widl 8.0 leaves the flag out.
    if (!mp.custom.empty()) mp.flags |= m::paramflag::HasCustData;
    f.params.push_back(std::move(mp));
  }
  f.optional_count = optional;
  if (has_attr(meth.attrs, "vararg")) {
    if (optional || defaults) {
      warning(u, meth.pos, "TK5223",
              "vararg ignored on a function with optional or defaultvalue parameters");
    } else {
      f.optional_count = -1;
    }
  }
  last_types_ = std::move(types);
  // Names last, as widl stores them; a property put's value parameter has none.
  bool put = f.invkind == m::InvokeKind::PropertyPut || f.invkind == m::InvokeKind::PropertyPutRef;
  for (size_t i = 0; i < params.size(); ++i) {
    if (put && i + 1 == params.size()) continue;
    f.params[i].name = canon(params[i].decl.name);
  }
  return f;
}

void Sema::add_entry(const ast::Statement& s, const Unit& u) {
  if (diags_.too_many_errors()) return;
  if (const auto* td = std::get_if<ast::Typedef>(&s.v)) {
    for (const ast::Declarator& d : td->decls) {
      auto it = by_node_.find(&d);
      if (it == by_node_.end()) continue;
      Entity& alias = *it->second;
      if (alias.is_public) {
        add_alias(alias);
        continue;
      }
      if (alias.kind != EKind::Alias) {
        add_type(alias);  // `typedef enum X {…} X;`: the enum itself
        continue;
      }
      // Not public: the type it names goes in, when it is one a library holds (a typedef of a
      // typedef as the kind of type underneath, under the inner typedef's name).
      TyP t = aliasee(alias);
      if (!t || t->k != Ty::K::Entity || !t->ent || t->ent->kind == EKind::Module) continue;
      if (t->ent->kind == EKind::Alias) {
        TyP r = aliasee(*t->ent);
        for (int guard = 0; guard < 64 && r && r->k == Ty::K::Entity && r->ent &&
                            r->ent->kind == EKind::Alias;
             ++guard) {
          r = aliasee(*r->ent);
        }
        // A typedef of a base type or a pointer adds nothing.
        if (r && r->k == Ty::K::Entity && r->ent && r->ent->kind != EKind::Module) {
          add_as_real(*t->ent);
        }
      } else {
        add_type(*t->ent);
      }
    }
  } else if (const auto* tdecl = std::get_if<ast::TypeDecl>(&s.v)) {
    const void* node = nullptr;
    if (!tdecl->type.record.empty()) node = &tdecl->type.record.front();
    if (!tdecl->type.enumeration.empty()) node = &tdecl->type.enumeration.front();
    auto it = by_node_.find(node);
    if (it != by_node_.end()) add_type(*it->second);
  } else if (const auto* i = std::get_if<ast::Interface>(&s.v)) {
    if (Entity* e = find_type(i->name)) {
      add_type(*e);
    }
  } else if (const auto* c = std::get_if<ast::Coclass>(&s.v)) {
    if (Entity* e = find_type(c->name); e && (c->has_body || e->defined)) add_type(*e);
  } else if (const auto* mo = std::get_if<ast::Module>(&s.v)) {
    for (const auto& ent : entities_) {
      if (ent->module == mo) {
        add_module(*ent);
        break;
      }
    }
  }
  (void)u;
}

m::Library Sema::build(const Unit& main) {
  lib_ = m::Library{};
  lib_.syskind = target_;
  const ast::Library* libnode = nullptr;
  for (const ast::Statement& s : main.file.statements) {
    if (const auto* l = std::get_if<ast::Library>(&s.v)) {
      libnode = l;
      break;
    }
  }
  if (!libnode) {
    for (const ast::Statement& s : main.file.statements) add_entry(s, main);
    return std::move(lib_);
  }
  const ast::Attrs& a = libnode->attrs;
  check_attrs(a, "library", &main);
  namespace lf = m::libflag;
  for (const ast::Attr& at : a) {
    if (at.name == "control") lib_.flags |= lf::Control;
    else if (at.name == "hidden") lib_.flags |= lf::Hidden;
    else if (at.name == "restricted") lib_.flags |= lf::Restricted;
  }
  if (auto l = attr_int(a, "lcid", &main)) lib_.lcid = static_cast<uint32_t>(*l);
  if (auto h = attr_string(a, "helpfile")) lib_.helpfile = *h;
  if (auto h = attr_string(a, "helpstringdll")) lib_.helpstringdll = *h;
  lib_.docs = attr_docs(a, &main);
  lib_.libid = attr_guid(a, &main);
  if (!lib_.libid) {
    error(&main, libnode->pos, "TK5224", "library '" + libnode->name + "' has no uuid");
  }
  lib_.version = attr_version(a);
  lib_.name = canon(libnode->name);
  lib_.custom = attr_custom(a, &main);
  for (const ast::Statement& s : libnode->body) add_entry(s, main);
  return std::move(lib_);
}

}  // namespace tlbkit::idl::sema
