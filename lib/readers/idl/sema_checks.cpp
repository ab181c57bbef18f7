// The IDL reader's checks on what it emits: a retval that is not the last parameter, two members
// of one interface sharing a DISPID, and types OLE Automation cannot carry in an [oleautomation]
// or [dual] interface or a dispinterface. Layer: readers.
#include <cstdio>
#include <unordered_map>

#include "readers/idl/sema_internal.h"

namespace tlbkit::idl::sema {

namespace m = tlbkit::model;

void Sema::check_function(const m::Function& f, const ast::Method& meth, const Unit* u,
                          bool automation) {
  const std::vector<ast::Param>* params = nullptr;
  if (!meth.decl.ops.empty() && meth.decl.ops.front().kind == ast::DeclOp::Kind::Function) {
    params = &meth.decl.ops.front().params;
  }
  const bool last_is_retval =
      !f.params.empty() && (f.params.back().flags & m::paramflag::RetVal) != 0;
  for (size_t i = 0; i + 1 < f.params.size(); ++i) {
    if (!(f.params[i].flags & m::paramflag::RetVal)) continue;
    SourcePos pos = params && i < params->size() ? (*params)[i].pos : meth.pos;
    if (last_is_retval) {
      // Two [retval]s, the last one last (wmp.idl): widl takes it, so a warning only.
      warning(u, pos, "TK5207", "'" + meth.decl.name + "' has more than one [retval] parameter");
    } else {
      error(u, pos, "TK5207", "the [retval] parameter of '" + meth.decl.name +
                                  "' must be the last parameter");
    }
  }
  if (params) check_unique_names(*params, u, "parameter", meth.decl.name);
  if (!automation || !params || last_types_.size() != params->size() + 1) return;
  // A void pointer is a warning too, as MIDL's MIDL2039 ("interface does not conform to
  // [oleautomation]") is: stdole2's IPicture.Render takes one, in Microsoft's stdole2.tlb
  // (testdata/corpus/ms) and in Wine's, and IDL written from either must compile again.
  const bool void_error = false;
  for (size_t i = 0; i < params->size(); ++i) {
    const ast::Param& p = (*params)[i];
    check_automation_type(last_types_[i + 1], u, p.pos,
                          "parameter '" + p.decl.name + "' of '" + meth.decl.name + "'", void_error);
  }
  check_automation_type(last_types_.front(), u, meth.pos,
                        "the result of '" + meth.decl.name + "'", void_error);
}

template <typename Member>
void Sema::check_unique_names(const std::vector<Member>& members, const Unit* u,
                              const char* what, const std::string& owner) {
  std::unordered_map<std::string, size_t> seen;
  for (size_t i = 0; i < members.size(); ++i) {
    const std::string& name = members[i].decl.name;
    if (name.empty()) continue;
    auto [it, inserted] = seen.try_emplace(name, i);
    if (!inserted)
      error(u, members[i].pos, "TK5218",
            std::string("duplicate ") + what + " name '" + name + "' in '" + owner + "'");
  }
}
template void Sema::check_unique_names(const std::vector<ast::Param>&, const Unit*, const char*,
                                       const std::string&);
template void Sema::check_unique_names(const std::vector<ast::Member>&, const Unit*, const char*,
                                       const std::string&);

namespace {
/// VARTYPEs an Automation (oleautomation/dual) method may use, directly or behind pointers and
/// in SAFEARRAYs (MIDL's list: the VARIANT-compatible types).
bool automation_vt(uint16_t vt) {
  switch (vt) {
    case m::vt::I2: case m::vt::I4: case m::vt::R4: case m::vt::R8: case m::vt::Cy:
    case m::vt::Date: case m::vt::Bstr: case m::vt::Dispatch: case m::vt::Error:
    case m::vt::Bool: case m::vt::Variant: case m::vt::Unknown: case m::vt::Decimal:
    case m::vt::I1: case m::vt::UI1: case m::vt::UI2: case m::vt::UI4: case m::vt::Int:
    case m::vt::UInt: case m::vt::Void: case m::vt::HResult: case m::vt::I8: case m::vt::UI8:
    case m::vt::UserDefined: case m::vt::Ptr: case m::vt::SafeArray:
      return true;
    default:
      return false;
  }
}
}  // namespace

void Sema::check_automation_type(const TyP& t, const Unit* u, const SourcePos& pos,
                                 const std::string& what, bool void_pointer_is_error) {
  TyP cur = t;
  for (int guard = 0; guard < 16 && cur; ++guard) {
    // A handle (a wire_marshal typedef such as HWND) means nothing to Automation, but widl
    // takes it and wuapi.idl has one: a warning. A void pointer is an error, as in MIDL.
    if (cur->k == Ty::K::Entity && cur->ent && cur->ent->kind == EKind::Alias &&
        !cur->ent->wire_name.empty() && type_vt(cur) == m::vt::UserDefined) {
      warning(u, pos, "TK5209", what + " is a handle ('" + cur->ent->name +
                                    "'), which OLE Automation cannot carry");
      return;
    }
    if (cur->k == Ty::K::Pointer && cur->ref && cur->ref->k == Ty::K::Void) {
      std::string msg = what + " is a void pointer, which OLE Automation cannot carry";
      if (void_pointer_is_error) error(u, pos, "TK5209", msg);
      else warning(u, pos, "TK5209", msg);
      return;
    }
    uint16_t vt = type_vt(cur);
    if (vt == 0) return;  // already reported as undefined
    if (!automation_vt(vt)) {
      // A warning, as MIDL's MIDL2039 and as widl (which does not check) accept it.
      warning(u, pos, "TK5209", what + " has a type OLE Automation cannot carry (VARTYPE " +
                                    std::to_string(vt) + ")");
      return;
    }
    if (vt != m::vt::Ptr && vt != m::vt::SafeArray) return;
    TyP next = cur;
    while (next && next->k == Ty::K::Entity && next->ent && next->ent->kind == EKind::Alias) {
      next = aliasee(*next->ent);
    }
    if (!next) return;
    cur = next->ref;
  }
}

void Sema::check_dispids(uint32_t type_index, const Entity& e,
                         const std::vector<SourcePos>& positions) {
  std::unordered_map<int32_t, std::string> ids;
  size_t k = 0;
  auto check = [&](int32_t id, const std::string& name) {
    SourcePos pos = k < positions.size() ? positions[k] : e.pos;
    ++k;
    auto [it, inserted] = ids.try_emplace(id, name);
    if (!inserted && it->second != name) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "0x%08X", static_cast<uint32_t>(id));
      error(e.unit, pos, "TK5208", "'" + name + "' and '" + it->second + "' of '" + e.name +
                                         "' have the same id " + buf);
    }
  };
  const m::TypeDef& def = lib_.types[type_index].def;
  if (const auto* i = std::get_if<m::InterfaceDef>(&def)) {
    for (const m::Function& f : i->functions) check(f.memid, f.name);
  } else if (const auto* d = std::get_if<m::DispatchDef>(&def)) {
    for (const m::Variable& v : d->properties) check(v.memid, v.name);
    for (const m::Function& f : d->methods) check(f.memid, f.name);
  }
}

}  // namespace tlbkit::idl::sema
