// The IDL reader's emitter: walks the library block as widl does (add_entry), adding each type
// the first time it is declared or referenced — referenced types are pulled in on the spot, a
// base interface before the interface deriving from it — and names as a type library's
// case-insensitive name table keeps them. Interfaces, dispinterfaces, coclasses and modules
// here; records, enums and aliases in sema_emit_types.cpp. Layer: readers.
#include "readers/idl/sema_internal.h"

namespace tlbkit::idl::sema {

namespace m = tlbkit::model;

namespace {
// widl's default MEMBERIDs: 0x60000000 | (inherited interfaces << 16) | index for functions,
// 0x40000000 | index for variables (write_msft.c, add_func_desc / add_var_desc).
constexpr int32_t kFuncMemidBase = 0x60000000;

// IID_IDispatch: every dispinterface derives from stdole's IDispatch.
m::Guid iid_idispatch() { return *m::Guid::parse("00020400-0000-0000-C000-000000000046"); }

std::string lower(const std::string& s) {
  std::string r = s;
  for (char& c : r) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return r;
}
}  // namespace

// A type library keeps each name once, case-insensitively: the first spelling stored is the one
// every later use gets back ("A" after a field "a" reads "a").
std::string Sema::canon(const std::string& name) {
  if (name.empty()) return name;
  auto [it, inserted] = name_table_.try_emplace(lower(name), name);
  return it->second;
}

void Sema::add_importlib(std::string file, m::Library lib) {
  size_t k = importlibs_.size();
  for (uint32_t i = 0; i < lib.types.size(); ++i) {
    imported_names_.try_emplace(lib.types[i].name, k, i);
  }
  importlibs_.push_back({std::move(file), std::move(lib), std::nullopt});
}

uint32_t Sema::import_index(size_t k) {
  ImportLib& il = importlibs_[k];
  if (il.model_index) return *il.model_index;
  for (uint32_t i = 0; i < lib_.imports.size(); ++i) {
    if (il.lib.libid && lib_.imports[i].libid == *il.lib.libid) {
      il.model_index = i;
      return i;
    }
  }
  m::ImportedLibrary imp;
  imp.libid = il.lib.libid.value_or(m::Guid{});
  imp.version = il.lib.version;
  imp.lcid = lib_.lcid;  // widl records the importing library's LCID
  std::string f = il.file;
  size_t slash = f.find_last_of("/\\");
  imp.file = slash == std::string::npos ? f : f.substr(slash + 1);
  imp.name = il.lib.name;
  il.model_index = static_cast<uint32_t>(lib_.imports.size());
  lib_.imports.push_back(std::move(imp));
  return *il.model_index;
}

std::optional<m::TypeRef> Sema::import_ref(const std::string& name) {
  auto it = imported_names_.find(name);
  if (it == imported_names_.end()) return std::nullopt;
  auto [k, ti] = it->second;
  const m::TypeInfo& t = importlibs_[k].lib.types[ti];
  m::UserType ut;
  ut.import = import_index(k);
  ut.name = t.name;
  if (t.guid) {
    ut.guid = t.guid;
  } else {
    ut.index = ti;
  }
  return m::TypeRef{std::move(ut)};
}

m::TypeRef Sema::stdole_idispatch() {
  m::Guid stdole = m::stdole_libid();
  for (size_t k = 0; k < importlibs_.size(); ++k) {
    if (importlibs_[k].lib.libid == stdole) {
      m::UserType ut;
      ut.import = import_index(k);
      ut.name = "IDispatch";
      ut.guid = iid_idispatch();
      return m::TypeRef{std::move(ut)};
    }
  }
  // Not importlib'd: widl records stdole2.tlb anyway (version 2.0).
  uint32_t idx = 0;
  bool found = false;
  for (uint32_t i = 0; i < lib_.imports.size(); ++i) {
    if (lib_.imports[i].libid == stdole) {
      idx = i;
      found = true;
    }
  }
  if (!found) {
    m::ImportedLibrary imp;
    imp.libid = stdole;
    imp.version = {2, 0};
    imp.lcid = lib_.lcid;
    imp.file = "stdole2.tlb";
    imp.name = "stdole";
    idx = static_cast<uint32_t>(lib_.imports.size());
    lib_.imports.push_back(std::move(imp));
  }
  m::UserType ut;
  ut.import = idx;
  ut.name = "IDispatch";
  ut.guid = iid_idispatch();
  return m::TypeRef{std::move(ut)};
}

uint32_t Sema::create_typeinfo(Entity& e, m::TypeKind kind, m::TypeDef def) {
  if (e.name.empty()) e.name = gen_name();
  m::TypeInfo ti;
  ti.name = canon(e.name);
  ti.guid = attr_guid(e.attrs, e.unit);
  ti.flags = type_flags(e.attrs, kind);
  ti.version = attr_version(e.attrs);
  ti.docs = attr_docs(e.attrs, e.unit);
  ti.custom = attr_custom(e.attrs, e.unit);
  ti.def = std::move(def);
  if (ti.guid) {
    auto [it, inserted] = guids_.try_emplace(*ti.guid, e.unit, e.pos);
    if (!inserted) {
      error_noted(e.unit, e.pos, "TK5206",
                  "duplicate uuid " + ti.guid->to_string() + " on '" + e.name + "'",
                  it->second.first, it->second.second, "the uuid was first used here");
    }
  }
  uint32_t idx = static_cast<uint32_t>(lib_.types.size());
  lib_.types.push_back(std::move(ti));
  e.index = idx;
  return idx;
}

uint32_t Sema::add_type(Entity& e) {
  if (e.index) return *e.index;
  switch (e.kind) {
    case EKind::Struct:
    case EKind::Union:
      return add_record(e, e);
    case EKind::Enum:
      return add_enum(e, e);
    case EKind::Alias:
      return add_alias(e);
    case EKind::Interface:
      return add_interface(e);
    case EKind::Dispatch:
      return add_dispinterface(e);
    case EKind::Coclass:
      return add_coclass(e);
    case EKind::Module:
      return add_module(e);
  }
  return 0;
}

m::TypeRef Sema::user_ref(TyP t) {
  if (!t) return m::TypeRef::base(m::vt::Void);
  if (t->k == Ty::K::Imported) {
    if (auto r = import_ref(t->name)) return *r;
    return m::TypeRef::base(m::vt::Void);
  }
  if (t->k != Ty::K::Entity || !t->ent) return m::TypeRef::base(m::vt::Void);
  Entity* e = t->ent;
  if (!e->index) {
    // A name an importlib'd library declares is that library's type (widl's find_importinfo),
    // unless this library already holds it.
    if (auto r = import_ref(e->name)) return *r;
    // Typedefs that are not public are seen through (up to one already in the library); a
    // wire_marshal typedef is its wire type.
    for (int guard = 0; guard < 64 && e->kind == EKind::Alias && !e->is_public; ++guard) {
      if (!e->wire_name.empty()) {
        if (Entity* w = find_type(e->wire_name)) {
          e = w;
          break;
        }
      }
      TyP a = aliasee(*e);
      if (!a || a->k != Ty::K::Entity || !a->ent) return encode_type(type_vt(a), a);
      e = a->ent;
    }
  }
  uint32_t idx = add_type(*e);
  m::UserType ut;
  ut.name = lib_.types[idx].name;
  ut.index = idx;
  return m::TypeRef{std::move(ut)};
}

Entity* Sema::interface_base(const Entity& e) {
  if (!e.iface || e.iface->base.empty()) return nullptr;
  Entity* b = find_type(e.iface->base);
  if (b && (b->kind == EKind::Interface || b->kind == EKind::Dispatch)) return b;
  return nullptr;
}

namespace {
/// The base interface name of an importlib'd interface, "" when none.
std::string imported_base(const m::TypeInfo& t) {
  const auto* i = std::get_if<m::InterfaceDef>(&t.def);
  if (!i || i->bases.empty()) return {};
  const auto* ut = std::get_if<m::UserType>(&i->bases.front().type.v);
  return ut ? ut->name : std::string{};
}
}  // namespace

// The ancestors of an interface, by name, through IDL declarations and importlib'd libraries.
uint32_t Sema::count_inherited(const Entity& e, uint32_t*) {
  uint32_t n = 0;
  std::string name = e.iface ? e.iface->base : std::string{};
  for (int guard = 0; guard < 64 && !name.empty(); ++guard) {
    ++n;
    Entity* b = find_type(name);
    if (b && b->iface) {
      name = b->iface->base;
    } else if (auto it = imported_names_.find(name); it != imported_names_.end()) {
      name = imported_base(importlibs_[it->second.first].lib.types[it->second.second]);
    } else {
      break;
    }
  }
  return n;
}

bool Sema::derives_from_idispatch(const Entity& e) {
  std::string name = e.iface ? e.iface->base : std::string{};
  for (int guard = 0; guard < 64 && !name.empty(); ++guard) {
    if (name == "IDispatch") return true;
    Entity* b = find_type(name);
    if (b && b->iface) {
      name = b->iface->base;
    } else if (auto it = imported_names_.find(name); it != imported_names_.end()) {
      name = imported_base(importlibs_[it->second.first].lib.types[it->second.second]);
    } else {
      break;
    }
  }
  return false;
}

uint32_t Sema::add_interface(Entity& e) {
  if (e.index) return *e.index;
  if (e.kind == EKind::Dispatch) return add_dispinterface(e);
  if (!e.defined || !e.iface) {
    error(e.unit, e.pos, "TK5205", "interface '" + e.name + "' is referenced but not defined");
    return create_typeinfo(e, m::TypeKind::Interface, m::InterfaceDef{});
  }
  const std::string& base_name = e.iface->base;
  Entity* base = interface_base(e);
  bool base_imported = !base_name.empty() && imported_names_.count(base_name) != 0;
  // widl (after MIDL) adds the base first, unless the base has no base itself (IUnknown).
  if (base && !base_imported && base->iface && !base->iface->base.empty() && !base->index) {
    add_interface(*base);
  }
  if (e.index) return *e.index;
  uint32_t idx = create_typeinfo(e, m::TypeKind::Interface, m::InterfaceDef{});
  {
    m::TypeInfo& ti = lib_.types[idx];
    if (derives_from_idispatch(e)) {
      ti.flags |= m::typeflag::Dispatchable;
    } else {
      if (ti.flags & m::typeflag::Dual) {
        // MIDL refuses it; widl drops the flag: so does tlbkit, with a warning.
        warning(e.unit, e.pos, "TK5225", "dual interface '" + e.name +
                                             "' does not derive from IDispatch: not dual");
      }
      ti.flags = static_cast<uint16_t>(ti.flags & ~m::typeflag::Dual);
    }
  }
  if (!base_name.empty()) {
    m::ImplType impl;
    if (base_imported) {
      impl.type = *import_ref(base_name);
    } else if (base) {
      uint32_t bi = add_interface(*base);
      impl.type = m::TypeRef{m::UserType{std::nullopt, lib_.types[bi].name, std::nullopt, bi}};
    } else {
      error(e.unit, e.iface->pos, "TK5203", "undefined base interface '" + base_name + "'");
    }
    if (base_imported || base) std::get<m::InterfaceDef>(lib_.types[idx].def).bases.push_back(impl);
  }
  uint32_t parents = count_inherited(e, nullptr);
  int32_t memid_base = kFuncMemidBase | static_cast<int32_t>(parents << 16);
  bool automation = has_attr(e.attrs, "oleautomation") || has_attr(e.attrs, "dual");
  int32_t n = 0;
  std::vector<SourcePos> positions;
  for (const ast::Statement& s : e.iface->body) {
    const auto* meth = std::get_if<ast::Method>(&s.v);
    if (!meth || has_attr(meth->attrs, "local")) continue;
    m::Function f = make_func(*meth, e.unit, idx, memid_base | n, m::FuncKind::PureVirtual);
    check_function(f, *meth, e.unit, automation);
    std::get<m::InterfaceDef>(lib_.types[idx].def).functions.push_back(std::move(f));
    const ast::Attr* id = find_attr(meth->attrs, "id");
    positions.push_back(id ? id->pos : meth->pos);
    ++n;
  }
  check_dispids(idx, e, positions);
  return idx;
}

uint32_t Sema::add_dispinterface(Entity& e) {
  if (e.index) return *e.index;
  if (!e.defined || !e.iface) {
    error(e.unit, e.pos, "TK5205",
          "dispinterface '" + e.name + "' is referenced but not defined");
    return create_typeinfo(e, m::TypeKind::Dispatch, m::DispatchDef{});
  }
  uint32_t idx = create_typeinfo(e, m::TypeKind::Dispatch, m::DispatchDef{});
  lib_.types[idx].flags |= m::typeflag::Dispatchable;
  m::TypeRef disp = stdole_idispatch();
  std::get<m::DispatchDef>(lib_.types[idx].def).bases.push_back({disp, 0, {}});
  const ast::Interface& i = *e.iface;
  if (!i.wraps.empty()) {
    std::optional<m::TypeRef> w;
    if (Entity* we = find_type(i.wraps); we && we->kind == EKind::Interface) {
      uint32_t wi = add_interface(*we);
      w = m::TypeRef{m::UserType{std::nullopt, lib_.types[wi].name, std::nullopt, wi}};
    } else {
      w = import_ref(i.wraps);
    }
    if (!w) {
      error(e.unit, i.pos, "TK5203", "undefined interface '" + i.wraps + "'");
    } else {
      std::get<m::DispatchDef>(lib_.types[idx].def).wraps = *w;
    }
  }
  // Properties come first, numbered after the methods (widl's add_dispinterface_typeinfo).
  uint32_t vi = static_cast<uint32_t>(i.methods.size());
  std::vector<SourcePos> positions;
  for (const ast::Member& p : i.properties) {
    const ast::Attr* id = find_attr(p.attrs, "id");
    positions.push_back(id ? id->pos : p.pos);
    m::Variable v = make_field(p, e.unit, vi++, m::VarKind::Dispatch);
    std::get<m::DispatchDef>(lib_.types[idx].def).properties.push_back(std::move(v));
  }
  int32_t n = 0;
  for (const ast::Method& meth : i.methods) {
    if (has_attr(meth.attrs, "local")) continue;
    m::Function f = make_func(meth, e.unit, idx, kFuncMemidBase | n, m::FuncKind::Dispatch);
    check_function(f, meth, e.unit, true);
    std::get<m::DispatchDef>(lib_.types[idx].def).methods.push_back(std::move(f));
    const ast::Attr* id = find_attr(meth.attrs, "id");
    positions.push_back(id ? id->pos : meth.pos);
    ++n;
  }
  check_dispids(idx, e, positions);
  return idx;
}

uint32_t Sema::add_coclass(Entity& e) {
  if (e.index) return *e.index;
  if (!e.defined || !e.coclass) {
    error(e.unit, e.pos, "TK5205", "coclass '" + e.name + "' is referenced but not defined");
    return create_typeinfo(e, m::TypeKind::Coclass, m::CoclassDef{});
  }
  check_attrs(e.attrs, "coclass", e.unit);
  uint32_t idx = create_typeinfo(e, m::TypeKind::Coclass, m::CoclassDef{});
  bool have_default = false, have_default_source = false;
  std::optional<size_t> first, first_source;
  for (const ast::CoclassItem& item : e.coclass->items) {
    m::ImplType impl;
    Entity* ie = find_type(item.name);
    std::optional<m::TypeRef> ref;
    // widl adds a coclass's interfaces to the library even when an importlib has them.
    if (ie && (ie->kind == EKind::Interface || ie->kind == EKind::Dispatch)) {
      uint32_t ii = add_interface(*ie);
      ref = m::TypeRef{m::UserType{std::nullopt, lib_.types[ii].name, std::nullopt, ii}};
    } else if (auto r = import_ref(item.name)) {
      ref = r;
    }
    if (!ref) {
      error(e.unit, item.pos, "TK5203", "undefined interface '" + item.name + "'");
      continue;
    }
    impl.type = *ref;
    for (const ast::Attr& a : item.attrs) {
      if (a.name == "default") impl.flags |= m::implflag::Default;
      else if (a.name == "defaultvtable") impl.flags |= m::implflag::DefaultVtable;
      else if (a.name == "restricted") impl.flags |= m::implflag::Restricted;
      else if (a.name == "source") impl.flags |= m::implflag::Source;
      else error(e.unit, a.pos, "TK5202",
                 "attribute '" + a.name + "' is not allowed on a coclass interface");
    }
    impl.custom = attr_custom(item.attrs, e.unit);
    auto& list = std::get<m::CoclassDef>(lib_.types[idx].def).interfaces;
    if (impl.flags & m::implflag::Default) {
      (impl.flags & m::implflag::Source ? have_default_source : have_default) = true;
    }
    // Without an explicit default, the first unrestricted interface of each kind is it.
    if (!(impl.flags & m::implflag::Restricted)) {
      if (impl.flags & m::implflag::Source) {
        if (!first_source) first_source = list.size();
      } else if (!first) {
        first = list.size();
      }
    }
    list.push_back(std::move(impl));
  }
  auto& list = std::get<m::CoclassDef>(lib_.types[idx].def).interfaces;
  if (!have_default && first) list[*first].flags |= m::implflag::Default;
  if (!have_default_source && first_source) list[*first_source].flags |= m::implflag::Default;
  return idx;
}

uint32_t Sema::add_module(Entity& e) {
  if (e.index) return *e.index;
  check_attrs(e.attrs, "module", e.unit);
  m::ModuleDef def;
  if (auto dll = attr_string(e.attrs, "dllname")) def.dll = *dll;
  uint32_t idx = create_typeinfo(e, m::TypeKind::Module, std::move(def));
  if (!e.module) return idx;
  int32_t n = 0;
  uint32_t nconst = 0;
  for (const ast::Statement& s : e.module->body) {
    if (const auto* c = std::get_if<ast::Const>(&s.v)) {
      // MIDL records a module's constants (widl 8.0 drops them; no widl-compiled file has one).
      m::Variable v;
      v.memid = 0x40000000 + static_cast<int32_t>(nconst++);
      v.varkind = m::VarKind::Const;
      TyP t = resolve(c->type, &c->decl, e.unit);
      v.type = encode_var(t);
      uint16_t vt = type_vt(t);
      if (std::optional<CValue> cv = eval(c->value, e.unit)) {
        if (cv->is_string) {
          v.value = m::Value{vt == m::vt::LpStr || vt == m::vt::LpWStr ? vt : m::vt::Bstr, cv->s};
        } else if (cv->is_float) {
          v.value = m::Value{vt == m::vt::R4 ? m::vt::R4 : m::vt::R8, cv->d};
        } else if (cv->i == 0 && (vt == m::vt::LpStr || vt == m::vt::LpWStr || vt == m::vt::Bstr)) {
          // `const LPSTR s = NULL;`: a null string (VB's vbNullString), as MIDL stores it.
          v.value = m::Value{m::vt::Bstr, std::monostate{}};
        } else {
          v.value = m::Value{m::vt::I4, static_cast<int64_t>(static_cast<int32_t>(cv->i))};
        }
      }
      v.docs = attr_docs(c->attrs, e.unit);  // helpstring, helpcontext, helpstringcontext
      v.custom = attr_custom(c->attrs, e.unit);
      v.name = canon(c->decl.name);
      std::get<m::ModuleDef>(lib_.types[idx].def).constants.push_back(std::move(v));
      continue;
    }
    const auto* meth = std::get_if<ast::Method>(&s.v);
    if (!meth || has_attr(meth->attrs, "local")) continue;
    m::Function f = make_func(*meth, e.unit, idx, kFuncMemidBase | n, m::FuncKind::Static);
    check_function(f, *meth, e.unit, false);
    std::get<m::ModuleDef>(lib_.types[idx].def).functions.push_back(std::move(f));
    ++n;
  }
  return idx;
}

}  // namespace tlbkit::idl::sema
