// The C++ writer's wrapper part, shared pieces: type shapes (aliases seen through) and unique
// member names (see cpp_wrap_common.h). Layer: writers.
#include "writers/cpp/cpp_wrap_common.h"

#include "writers/cpp/cpp_reserved.h"

#include <array>
#include <limits>
#include <variant>

namespace tlbkit::cppw::wrap {

namespace {

using model::TypeKind;
namespace vt = model::vt;

// Aliases of aliases are followed this deep at most: a cycle in bad input must not hang.
constexpr int kMaxAliasDepth = 32;

TypeShape scalar(uint16_t v) {
  TypeShape s;
  s.shape = Shape::Scalar;
  s.vt = v;
  return s;
}

TypeShape of_base(uint16_t v) {
  TypeShape s;
  switch (v) {
    case vt::Void: s.shape = Shape::Void; return s;
    case vt::HResult: s.shape = Shape::HResult; return s;
    case vt::Bool: s.shape = Shape::Bool; s.vt = v; return s;
    case vt::Bstr: s.shape = Shape::Bstr; s.vt = v; return s;
    case vt::Variant: s.shape = Shape::Variant; s.vt = v; return s;
    case vt::Dispatch:
      s.shape = Shape::Interface, s.vt = v, s.cls = "::IDispatch";
      return s;
    case vt::Unknown:
      s.shape = Shape::Interface, s.vt = v, s.cls = "::IUnknown";
      return s;
    case vt::I1: case vt::UI1: case vt::I2: case vt::UI2: case vt::I4: case vt::UI4:
    case vt::I8: case vt::UI8: case vt::Int: case vt::UInt: case vt::R4: case vt::R8:
    case vt::Cy: case vt::Date: case vt::Error: case vt::Decimal: case vt::IntPtr:
    case vt::UIntPtr:
      return scalar(v);
    default: return s;  // LPSTR, LPWSTR and the rest: Other
  }
}

// Whether an interface (or dispinterface) is reached through IDispatch: VT_DISPATCH in a VARIANT.
bool dispatchable(const model::TypeInfo& t) {
  if (std::holds_alternative<model::DispatchDef>(t.def)) return true;
  return (t.flags & (model::typeflag::Dual | model::typeflag::Dispatchable)) != 0;
}

// Whether a coclass's default interface is reached through IDispatch.
bool default_is_dispatch(const model::LibrarySet& set, const model::Library& lib,
                         const model::CoclassDef& c) {
  const model::ImplType* pick = nullptr;
  for (const auto& i : c.interfaces) {
    if (i.flags & model::implflag::Source) continue;
    if (!pick || (i.flags & model::implflag::Default)) pick = &i;
    if (i.flags & model::implflag::Default) break;
  }
  const auto* u = pick ? std::get_if<model::UserType>(&pick->type.v) : nullptr;
  if (!u) return false;
  auto found = set.resolve(lib, *u);
  return found.type && (dispatchable(*found.type) || found.type->name == "IDispatch");
}

struct Walker {
  Context& cx;
  int depth = 0;

  TypeShape user(const model::Library& from, const model::UserType& u) {
    const model::Library* lib = nullptr;
    const model::TypeInfo* type = nullptr;
    TypeKind kind = TypeKind::Alias;
    std::string cls;
    bool missing = true;
    if (&from == &cx.lib) {
      Target tg = resolve(cx, u);
      lib = tg.lib, type = tg.type, kind = tg.kind, cls = tg.cpp, missing = tg.missing;
    } else {
      // Another library's type (through an alias): the core's stand-in for one not at hand is
      // IUnknown under a pointer.
      auto found = cx.set.resolve(from, u);
      lib = found.library, type = found.type;
      kind = type ? model::stored_kind(*type) : TypeKind::Interface;
      if (!type) cls = "::IUnknown";
    }
    if (!type) {
      TypeShape s;
      s.missing = missing;
      if (kind == TypeKind::Interface || kind == TypeKind::Dispatch) {
        s.shape = Shape::Interface, s.bare = true;
        s.vt = kind == TypeKind::Dispatch || cls == "::IDispatch" ? vt::Dispatch : vt::Unknown;
        s.cls = cls;
      } else if (kind == TypeKind::Enum) {
        s.shape = Shape::Enum, s.vt = vt::I4;
      } else if (kind == TypeKind::Record || kind == TypeKind::Union) {
        s.shape = Shape::Record;
      }
      return s;
    }
    if (const auto* a = std::get_if<model::AliasDef>(&type->def)) {
      if (++depth > kMaxAliasDepth) return {};
      // An alias of an interface keeps it bare, for the pointer above it.
      if (const auto* target = std::get_if<model::UserType>(&a->target.v)) {
        TypeShape s = user(*lib, *target);
        if (s.bare && s.cls.empty() && !s.coclass) s.cls = cls;
        return s;
      }
      return walk(*lib, a->target);
    }
    TypeShape s;
    if (std::holds_alternative<model::EnumDef>(type->def)) {
      s.shape = Shape::Enum, s.vt = vt::I4;
    } else if (std::holds_alternative<model::RecordDef>(type->def) ||
               std::holds_alternative<model::UnionDef>(type->def)) {
      s.shape = Shape::Record, s.vt = vt::Record;
    } else if (std::holds_alternative<model::InterfaceDef>(type->def) ||
               std::holds_alternative<model::DispatchDef>(type->def)) {
      // An interface named by value: only meaningful under a pointer (see walk).
      s.shape = Shape::Interface, s.bare = true;
      s.vt = dispatchable(*type) || cls == "::IDispatch" ? vt::Dispatch : vt::Unknown;
      s.cls = cls;
    } else if (const auto* c = std::get_if<model::CoclassDef>(&type->def)) {
      s.shape = Shape::Interface, s.bare = true, s.coclass = true;
      s.vt = default_is_dispatch(cx.set, *lib, *c) ? vt::Dispatch : vt::Unknown;
    }
    return s;
  }

  TypeShape walk(const model::Library& from, const model::TypeRef& t) {
    if (const auto* b = std::get_if<model::BaseType>(&t.v)) return of_base(b->vt);
    if (const auto* u = std::get_if<model::UserType>(&t.v)) {
      TypeShape s = user(from, *u);
      // A bare interface is not a value; it is the pointer (below) that is the interface.
      if (s.bare) {
        // A stand-in used by value is an int32_t (see cpp_emit.h's Target).
        if (!s.missing) return TypeShape{};
        TypeShape e;
        e.shape = Shape::Enum, e.vt = vt::I4, e.missing = true;
        return e;
      }
      return s;
    }
    if (const auto* sa = std::get_if<model::SafeArray>(&t.v)) {
      TypeShape e = walk(from, *sa->element);
      TypeShape s;
      s.shape = Shape::SafeArray;
      s.vt = variant_vt(e);
      return s;
    }
    if (const auto* p = std::get_if<model::Pointer>(&t.v)) {
      if (const auto* u = std::get_if<model::UserType>(&p->pointee->v)) {
        TypeShape s = user(from, *u);
        if (s.bare) {
          s.bare = false;
          return s;
        }
      }
      TypeShape inner = walk(from, *p->pointee);
      TypeShape s;
      s.shape = Shape::Pointer;
      s.pointee = inner.shape;
      s.pointee_vt = variant_vt(inner);
      s.pointee_coclass = inner.coclass;
      return s;
    }
    return {};  // C arrays
  }
};

}  // namespace

TypeShape shape_of(Context& cx, const model::Library& from, const model::TypeRef& t) {
  return Walker{cx}.walk(from, t);
}

uint16_t variant_vt(const TypeShape& s) {
  switch (s.shape) {
    case Shape::Bool: case Shape::Bstr: case Shape::Variant: case Shape::Interface:
    case Shape::Scalar:
      return s.vt;
    case Shape::Enum: return vt::I4;
    case Shape::Record: return vt::Record;
    case Shape::SafeArray: return s.vt ? static_cast<uint16_t>(vt::Array | s.vt) : 0;
    default: return 0;
  }
}

std::string vt_name(uint16_t v) {
  // The SDK's names for the VARTYPEs a wrapper argument can carry (wtypes.h).
  static constexpr std::array<std::pair<uint16_t, std::string_view>, 24> kNames{{
      {vt::I2, "VT_I2"},     {vt::I4, "VT_I4"},       {vt::R4, "VT_R4"},
      {vt::R8, "VT_R8"},     {vt::Cy, "VT_CY"},       {vt::Date, "VT_DATE"},
      {vt::Bstr, "VT_BSTR"}, {vt::Dispatch, "VT_DISPATCH"}, {vt::Error, "VT_ERROR"},
      {vt::Bool, "VT_BOOL"}, {vt::Variant, "VT_VARIANT"}, {vt::Unknown, "VT_UNKNOWN"},
      {vt::Decimal, "VT_DECIMAL"}, {vt::I1, "VT_I1"}, {vt::UI1, "VT_UI1"},
      {vt::UI2, "VT_UI2"},   {vt::UI4, "VT_UI4"},     {vt::I8, "VT_I8"},
      {vt::UI8, "VT_UI8"},   {vt::Int, "VT_INT"},     {vt::UInt, "VT_UINT"},
      {vt::Record, "VT_RECORD"}, {vt::IntPtr, "VT_INT_PTR"}, {vt::UIntPtr, "VT_UINT_PTR"},
  }};
  std::string prefix;
  uint16_t base = v;
  if (v & vt::Array) prefix = "VT_ARRAY | ", base = static_cast<uint16_t>(v & ~vt::Array);
  for (const auto& [n, s] : kNames)
    if (n == base) return prefix + std::string(s);
  return std::to_string(v);
}

uint32_t index_of(const Context& cx, const model::TypeInfo& t) {
  return static_cast<uint32_t>(&t - cx.lib.types.data());
}

std::string dispid_literal(int32_t id) {
  // INT32_MIN has no decimal literal of type int (2147483648 does not fit).
  if (id == std::numeric_limits<int32_t>::min()) return "(-2147483647 - 1)";
  return std::to_string(id);
}

MemberNames::MemberNames(std::string struct_name) { used_.insert(std::move(struct_name)); }

std::string MemberNames::take(std::string name) {
  // A composed name (Get + X) may itself be a keyword or a breaking <windows.h> macro
  // (GetFreeSpace).
  while (used_.count(name) || is_reserved_name(name)) name += '_';
  used_.insert(name);
  return name;
}

void reserve_com_names(MemberNames& names) {
  for (const char* n : {"QueryInterface", "AddRef", "Release", "GetTypeInfoCount", "GetTypeInfo",
                        "GetIDsOfNames", "Invoke"})
    names.reserve(n);
}

std::string wrapper_base_name(Context& cx, const model::Function& f) {
  std::string base = ident(cx, f.name);
  switch (f.invkind) {
    case model::InvokeKind::PropertyGet: return "Get" + base;
    case model::InvokeKind::PropertyPut: return "Put" + base;
    case model::InvokeKind::PropertyPutRef: return "PutRef" + base;
    default: return cx.opts.high_method_prefix + base;
  }
}

support::Location where(const Context& cx) { return support::Location::in_file(cx.opts.input_name); }

bool is_com_base_method(const model::Function& f) {
  if (!(f.flags & model::funcflag::Restricted)) return false;
  for (const char* n : {"QueryInterface", "AddRef", "Release", "GetTypeInfoCount", "GetTypeInfo",
                        "GetIDsOfNames", "Invoke"})
    if (f.name == n) return true;
  return false;
}

}  // namespace tlbkit::cppw::wrap
