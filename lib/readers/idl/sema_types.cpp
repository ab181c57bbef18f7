// The IDL reader's types: C type specifiers and declarators resolved to sema's Ty, their
// VARTYPE as widl decides it (get_type_vt: names such as BSTR first, public aliases as user
// types, other typedefs seen through), and their encoding as model::TypeRef. Layer: readers.
#include <sstream>

#include "readers/idl/sema_internal.h"

namespace tlbkit::idl::sema {

namespace m = tlbkit::model;

namespace {

/// Types OLE Automation knows by name, whatever their C definition (widl's list).
uint16_t builtin_name_vt(const std::string& name) {
  static const std::pair<const char*, uint16_t> kNames[] = {
      {"BSTR", m::vt::Bstr},       {"CURRENCY", m::vt::Cy},     {"DATE", m::vt::Date},
      {"DECIMAL", m::vt::Decimal}, {"HRESULT", m::vt::HResult}, {"LPSTR", m::vt::LpStr},
      {"LPWSTR", m::vt::LpWStr},   {"SCODE", m::vt::Error},     {"VARIANT", m::vt::Variant},
      {"VARIANT_BOOL", m::vt::Bool}};
  for (const auto& [n, vt] : kNames) {
    if (name == n) return vt;
  }
  return 0;
}

TyP make(Ty t) { return std::make_shared<const Ty>(std::move(t)); }

TyP error_ty() { return make(Ty{}); }

bool is_constant_expr(const ast::Expr& e,
                      const std::unordered_map<std::string, ConstSym>& consts) {
  if (e.kind == ast::Expr::Kind::Name) return e.text != "*" && consts.count(e.text) != 0;
  if (e.kind == ast::Expr::Kind::Sizeof) return false;
  for (const ast::Expr& o : e.operands) {
    if (!is_constant_expr(o, consts)) return false;
  }
  return true;
}

}  // namespace

uint16_t basic_vt(const std::string& words, m::SysKind target) {
  std::istringstream in(words);
  std::string w;
  bool is_unsigned = false, is_signed = false;
  int longs = 0;
  std::string base;
  while (in >> w) {
    if (w == "unsigned") {
      is_unsigned = true;
    } else if (w == "signed") {
      is_signed = true;
    } else if (w == "long") {
      ++longs;
    } else if (w == "int" && !base.empty()) {
    } else {
      base = w;
    }
  }
  if (base.empty() || base == "int") {
    if (longs >= 2) return is_unsigned ? m::vt::UI8 : m::vt::I8;
    if (longs == 1) return is_unsigned ? m::vt::UI4 : m::vt::I4;
    if (base.empty() && !is_unsigned && !is_signed) return 0;
    return is_unsigned ? m::vt::UInt : m::vt::Int;
  }
  if (base == "short" || base == "__int16") return is_unsigned ? m::vt::UI2 : m::vt::I2;
  if (base == "char" || base == "small" || base == "__int8") {
    return is_unsigned ? m::vt::UI1 : m::vt::I1;
  }
  if (base == "hyper" || base == "__int64") return is_unsigned ? m::vt::UI8 : m::vt::I8;
  if (base == "__int32") return is_unsigned ? m::vt::UI4 : m::vt::I4;
  if (base == "__int3264") {
    if (target == m::SysKind::Win64) return is_unsigned ? m::vt::UI8 : m::vt::I8;
    return is_unsigned ? m::vt::UI4 : m::vt::I4;
  }
  if (base == "double") return m::vt::R8;
  if (base == "float") return m::vt::R4;
  // widl reads boolean as a signed char and wchar_t as a short (as mktyplib did).
  if (base == "boolean") return m::vt::I1;
  if (base == "byte") return m::vt::UI1;
  if (base == "wchar_t") return m::vt::I2;
  if (base == "error_status_t") return m::vt::UI4;
  return 0;
}

TyP Sema::resolve(const ast::TypeSpec& spec, const ast::Declarator* decl, const Unit* u,
                  size_t first_op) {
  TyP t;
  switch (spec.kind) {
    case ast::TypeSpec::Kind::Record: {
      if (spec.record.empty()) return error_ty();
      const ast::RecordSpec& r = spec.record.front();
      auto it = by_node_.find(&r);
      Entity* e = it != by_node_.end() ? it->second : nullptr;
      if (!e) e = find_tag(r.is_union && r.switch_field.empty() ? 'u' : 's', r.tag);
      if (!e && r.has_body) e = declare_record(r, const_cast<Unit&>(*u));
      if (!e) {
        error(u, spec.pos, "TK5203", "undefined type '" + std::string(r.is_union ? "union " :
                                                                      "struct ") + r.tag + "'");
        return error_ty();
      }
      Ty x;
      x.k = Ty::K::Entity;
      x.ent = e;
      t = make(std::move(x));
      break;
    }
    case ast::TypeSpec::Kind::Enum: {
      if (spec.enumeration.empty()) return error_ty();
      const ast::EnumSpec& en = spec.enumeration.front();
      auto it = by_node_.find(&en);
      Entity* e = it != by_node_.end() ? it->second : find_tag('e', en.tag);
      if (!e) {
        error(u, spec.pos, "TK5203", "undefined type 'enum " + en.tag + "'");
        return error_ty();
      }
      Ty x;
      x.k = Ty::K::Entity;
      x.ent = e;
      t = make(std::move(x));
      break;
    }
    case ast::TypeSpec::Kind::SafeArray: {
      if (spec.element.empty()) return error_ty();
      Ty x;
      x.k = Ty::K::SafeArray;
      x.ref = resolve(spec.element.front(),
                      spec.element_decl.empty() ? nullptr : &spec.element_decl.front(), u);
      t = make(std::move(x));
      break;
    }
    case ast::TypeSpec::Kind::Named: {
      Ty x;
      if (spec.name == "void") {
        x.k = Ty::K::Void;
      } else if (uint16_t vt = basic_vt(spec.name, target_)) {
        x.k = Ty::K::Basic;
        x.vt = vt;
        if (spec.name.find("char") != std::string::npos) x.char_kind = 1;
        if (spec.name == "wchar_t") x.char_kind = 2;
      } else if (auto b = bound_.find(&spec); b != bound_.end()) {
        x.k = Ty::K::Entity;
        x.ent = b->second;
      } else if (Entity* e = find_type(spec.name)) {
        x.k = Ty::K::Entity;
        x.ent = e;
      } else if (imported_names_.count(spec.name)) {
        x.k = Ty::K::Imported;
        x.name = spec.name;
      } else {
        error(u, spec.pos, "TK5203", "undefined type '" + spec.name + "'");
        return error_ty();
      }
      t = make(std::move(x));
      break;
    }
  }
  if (!decl) return t;
  // Declarator steps are listed from the name outward; the type is built from the inside out.
  for (size_t i = decl->ops.size(); i > first_op; --i) {
    const ast::DeclOp& op = decl->ops[i - 1];
    Ty x;
    x.ref = t;
    switch (op.kind) {
      case ast::DeclOp::Kind::Pointer:
        x.k = Ty::K::Pointer;
        break;
      case ast::DeclOp::Kind::Function:
        x.k = Ty::K::Function;
        break;
      case ast::DeclOp::Kind::Array: {
        x.k = Ty::K::Array;
        x.conformant = true;
        if (op.size && is_constant_expr(*op.size, consts_)) {
          if (std::optional<int64_t> n = eval_int(*op.size, u); n && *n >= 0 && *n <= 0x7fffffff) {
            x.count = static_cast<uint32_t>(*n);
            x.conformant = false;
          }
        } else if (op.size && op.size->kind == ast::Expr::Kind::Number) {
          if (std::optional<int64_t> n = eval_int(*op.size, u); n && *n >= 0 && *n <= 0x7fffffff) {
            x.count = static_cast<uint32_t>(*n);
            x.conformant = false;
          }
        }
        break;
      }
    }
    t = make(std::move(x));
  }
  return t;
}

TyP Sema::aliasee(Entity& alias) {
  if (alias.aliasee) return alias.aliasee;
  if (alias.resolving || !alias.alias_spec) {
    error(alias.unit, alias.pos, "TK5204", "typedef '" + alias.name + "' refers to itself");
    alias.aliasee = error_ty();
    return alias.aliasee;
  }
  alias.resolving = true;
  TyP t = resolve(*alias.alias_spec, alias.alias_decl, alias.unit);
  alias.resolving = false;
  alias.aliasee = t;
  return t;
}

namespace {
/// Follows typedefs to the type underneath (bounded: a cycle was reported by aliasee()).
TyP real_type(Sema& s, TyP t) {
  for (int guard = 0; guard < 64 && t && t->k == Ty::K::Entity && t->ent &&
                      t->ent->kind == EKind::Alias;
       ++guard) {
    t = s.aliasee(*t->ent);
  }
  return t;
}

bool has_string_attr_chain(Sema& s, const TyP& t) {
  TyP cur = t;
  for (int guard = 0; guard < 64 && cur && cur->k == Ty::K::Entity && cur->ent &&
                      cur->ent->kind == EKind::Alias;
       ++guard) {
    if (Sema::has_attr(cur->ent->attrs, "string")) return true;
    cur = s.aliasee(*cur->ent);
  }
  return false;
}
}  // namespace

bool Sema::is_enum(const TyP& t) {
  TyP r = real_type(*this, t);
  return r && r->k == Ty::K::Entity && r->ent && r->ent->kind == EKind::Enum;
}

uint16_t Sema::type_vt(const TyP& t) {
  if (!t) return 0;
  switch (t->k) {
    case Ty::K::Basic:
      return t->vt;
    case Ty::K::Void:
      return m::vt::Void;
    case Ty::K::Pointer:
      return m::vt::Ptr;
    case Ty::K::Array:
      return m::vt::CArray;  // a conformant one too, with 0 elements (widl)
    case Ty::K::SafeArray:
      return m::vt::SafeArray;
    case Ty::K::Imported:
      if (uint16_t vt = builtin_name_vt(t->name)) return vt;
      if (t->name == "IUnknown") return m::vt::Unknown;
      if (t->name == "IDispatch") return m::vt::Dispatch;
      return m::vt::UserDefined;
    case Ty::K::Function:
    case Ty::K::Error:
      return 0;
    case Ty::K::Entity:
      break;
  }
  Entity* e = t->ent;
  if (uint16_t vt = builtin_name_vt(e->name)) return vt;
  if (e->kind == EKind::Alias) {
    TyP r = real_type(*this, t);
    TyP elem = r && (r->k == Ty::K::Pointer || r->k == Ty::K::Array) ? real_type(*this, r->ref)
                                                                        : nullptr;
    if (elem && elem->k == Ty::K::Basic && elem->char_kind != 0 &&
        has_string_attr_chain(*this, t)) {
      return elem->char_kind == 1 ? m::vt::LpStr : m::vt::LpWStr;
    }
    if (e->is_public || !e->wire_name.empty()) return m::vt::UserDefined;
    if (!r || (r->k == Ty::K::Entity && r->ent->kind == EKind::Alias)) return 0;
    if (r->k == Ty::K::Entity) {
      e = r->ent;
    } else {
      return type_vt(r);
    }
  }
  if (e->kind == EKind::Interface) {
    if (e->name == "IUnknown") return m::vt::Unknown;
    if (e->name == "IDispatch") return m::vt::Dispatch;
  }
  return m::vt::UserDefined;
}

m::TypeRef Sema::encode_var(TyP t) {
  if (t && t->k == Ty::K::Array) {
    m::CArray arr;
    TyP cur = t;
    while (cur && cur->k == Ty::K::Array) {
      arr.bounds.push_back({0, cur->count});
      cur = cur->ref;
    }
    arr.element = encode_var(cur);
    return m::TypeRef{std::move(arr)};
  }
  uint16_t vt = type_vt(t);
  if (vt == m::vt::Ptr && t->ref) {
    m::TypeRef inner = encode_var(t->ref);
    // IUnknown and IDispatch already are pointers: `IUnknown *p` is VT_UNKNOWN.
    uint16_t ref_vt = t->ref->k == Ty::K::Array ? 0 : type_vt(t->ref);
    if (ref_vt == m::vt::Dispatch || ref_vt == m::vt::Unknown) return inner;
    return m::TypeRef::pointer_to(std::move(inner));
  }
  return encode_type(vt, t);
}

m::TypeRef Sema::encode_type(uint16_t vt, TyP t) {
  switch (vt) {
    case m::vt::Ptr: {
      TyP r = t->k == Ty::K::Entity ? real_type(*this, t) : t;
      if (!r || !r->ref) return m::TypeRef::base(m::vt::Void);
      uint16_t next = type_vt(r->ref);
      if (next == 0) next = m::vt::Void;
      m::TypeRef target = encode_type(next, r->ref);
      if (next == m::vt::Dispatch || next == m::vt::Unknown) return target;
      return m::TypeRef::pointer_to(std::move(target));
    }
    case m::vt::SafeArray: {
      TyP r = t->k == Ty::K::Entity ? real_type(*this, t) : t;
      if (!r || !r->ref) return m::TypeRef::safearray_of(m::TypeRef::base(m::vt::Variant));
      return m::TypeRef::safearray_of(encode_type(type_vt(r->ref), r->ref));
    }
    case m::vt::CArray: {
      TyP r = t->k == Ty::K::Entity ? real_type(*this, t) : t;
      return encode_var(r);
    }
    case m::vt::UserDefined:
      return user_ref(t);
    case 0:
      return m::TypeRef::base(m::vt::Void);
    default:
      return m::TypeRef::base(vt);
  }
}

}  // namespace tlbkit::idl::sema
