// The IDL reader's declaration pass: walks each file (its imports first, as widl parses them) and
// records the types, interfaces, coclasses, modules, constants and enumerators it declares, so
// names resolve in O(1) later. Layer: readers.
#include <cstdio>

#include "readers/idl/sema_internal.h"

namespace tlbkit::idl::sema {

namespace {
std::string tag_key(char kind, const std::string& tag) {
  std::string k(1, kind);
  k += ':';
  k += tag;
  return k;
}
}  // namespace

void Sema::error(const Unit* u, const SourcePos& pos, const std::string& code, std::string msg) {
  if (u) {
    u->sources.error(diags_, code, pos, std::move(msg));
  } else {
    diags_.error(code, {}, std::move(msg));
  }
}

void Sema::error_noted(const Unit* u, const SourcePos& pos, const std::string& code,
                       std::string msg, const Unit* earlier, const SourcePos& earlier_pos,
                       std::string note) {
  support::Diagnostic d{support::Severity::Error, code, {}, std::move(msg), {}};
  if (u) {
    d.where = u->sources.location(pos);
    d.notes = u->sources.include_chain(pos);
  }
  if (earlier)
    d.notes.push_back({support::Severity::Note, "", earlier->sources.location(earlier_pos),
                       std::move(note), {}});
  diags_.report(std::move(d));
}

void Sema::warning(const Unit* u, const SourcePos& pos, const std::string& code,
                   std::string msg) {
  if (u) {
    u->sources.warning(diags_, code, pos, std::move(msg));
  } else {
    diags_.warning(code, {}, std::move(msg));
  }
}

// widl names a tagless typedef'd struct, union or enum (and an encapsulated union's inner
// union) "__WIDL_<file>_generated_name_<8 hex digits>", counting every name it generates across
// all the files of the run, in the order it reads them.
std::string Sema::gen_name() {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08X", gen_counter_++);
  return "__WIDL_" + file_id_ + "_generated_name_" + buf;
}

Entity* Sema::find_type(const std::string& name) const {
  auto it = names_.find(name);
  return it == names_.end() ? nullptr : it->second;
}

Entity* Sema::find_tag(char kind, const std::string& tag) const {
  auto it = tags_.find(tag_key(kind, tag));
  return it == tags_.end() ? nullptr : it->second;
}

Entity* Sema::new_entity(EKind kind, std::string name, const Unit& u, SourcePos pos) {
  auto e = std::make_unique<Entity>();
  e->kind = kind;
  e->name = std::move(name);
  e->unit = &u;
  e->pos = pos;
  entities_.push_back(std::move(e));
  return entities_.back().get();
}

void Sema::register_name(Entity* e, const Unit& u, const SourcePos& pos) {
  auto [it, inserted] = names_.try_emplace(e->name, e);
  if (inserted || it->second == e) return;
  Entity* old = it->second;
  // A redefinition in the file being compiled is an error. A typedef repeating one an imported
  // file made (directmanipulation.idl's `typedef void* HWND;`) applies from there on; uses
  // before it keep the first (bound_).
  if (u.is_main && old->unit && old->unit->is_main) {
    error_noted(&u, pos, "TK5201", "duplicate name '" + e->name + "'", old->unit, old->pos,
                "'" + e->name + "' was first declared here");
  }
  it->second = e;
}

void Sema::declare_unit(Unit& u) {
  if (u.declared || u.declaring) return;
  u.declaring = true;
  declare_statements(u.file.statements, u);
  u.declaring = false;
  u.declared = true;
}

void Sema::declare_statements(const std::vector<ast::Statement>& stmts, Unit& u) {
  for (const ast::Statement& s : stmts) {
    if (diags_.too_many_errors()) return;
    declare_statement(s, u);
  }
}

void Sema::declare_statement(const ast::Statement& s, Unit& u) {
  if (const auto* imp = std::get_if<ast::Import>(&s.v)) {
    for (const std::string& f : imp->files) {
      if (Unit* iu = imports_.import(u, f, imp->pos)) declare_unit(*iu);
    }
  } else if (const auto* td = std::get_if<ast::Typedef>(&s.v)) {
    declare_typedef(*td, u);
  } else if (const auto* tdecl = std::get_if<ast::TypeDecl>(&s.v)) {
    Entity* e = declare_spec(tdecl->type, u, nullptr, false);
    if (e && !tdecl->attrs.empty()) e->attrs = tdecl->attrs;
  } else if (const auto* c = std::get_if<ast::Const>(&s.v)) {
    declare_spec(c->type, u, nullptr, false);
    ConstSym sym;
    sym.expr = &c->value;
    sym.unit = &u;
    consts_[c->decl.name] = std::move(sym);
  } else if (const auto* meth = std::get_if<ast::Method>(&s.v)) {
    bind_method(*meth);
  } else if (const auto* v = std::get_if<ast::Variable>(&s.v)) {
    declare_spec(v->type, u, nullptr, false);
  } else if (const auto* i = std::get_if<ast::Interface>(&s.v)) {
    declare_interface(*i, u);
  } else if (const auto* cc = std::get_if<ast::Coclass>(&s.v)) {
    Entity* e = find_type(cc->name);
    if (!e || e->kind != EKind::Coclass || (e->defined && cc->has_body)) {
      if (e && e->kind == EKind::Coclass && u.is_main && e->unit && e->unit->is_main) {
        error(&u, cc->pos, "TK5201", "duplicate coclass '" + cc->name + "'");
      }
      e = new_entity(EKind::Coclass, cc->name, u, cc->pos);
      register_name(e, u, cc->pos);
    }
    if (cc->has_body) {
      e->defined = true;
      e->coclass = cc;
      e->attrs = cc->attrs;
      e->unit = &u;
      e->pos = cc->pos;
    }
  } else if (const auto* m = std::get_if<ast::Module>(&s.v)) {
    Entity* e = new_entity(EKind::Module, m->name, u, m->pos);
    e->defined = true;
    e->module = m;
    e->attrs = m->attrs;
    register_name(e, u, m->pos);
    declare_statements(m->body, u);
  } else if (const auto* lib = std::get_if<ast::Library>(&s.v)) {
    declare_statements(lib->body, u);
  }
}

void Sema::declare_interface(const ast::Interface& i, Unit& u) {
  EKind kind = i.is_dispinterface ? EKind::Dispatch : EKind::Interface;
  Entity* e = find_type(i.name);
  bool reuse = e && (e->kind == EKind::Interface || e->kind == EKind::Dispatch) &&
               !(e->defined && i.has_body);
  if (!reuse) {
    if (e && e->defined && i.has_body && u.is_main && e->unit && e->unit->is_main) {
      error(&u, i.pos, "TK5201", "duplicate interface '" + i.name + "'");
    }
    e = new_entity(kind, i.name, u, i.pos);
    register_name(e, u, i.pos);
  }
  if (i.has_body) {
    if (u.is_main) check_attrs(i.attrs, "interface", &u);
    e->kind = kind;
    e->defined = true;
    e->iface = &i;
    e->attrs = i.attrs;
    e->unit = &u;
    e->pos = i.pos;
    declare_statements(i.body, u);
    declare_members(i.properties, u);
    for (const ast::Method& m : i.methods) bind_method(m);
  }
}

Entity* Sema::declare_spec(const ast::TypeSpec& spec, Unit& u, const ast::Attrs*, bool) {
  switch (spec.kind) {
    case ast::TypeSpec::Kind::Record: {
      if (spec.record.empty()) return nullptr;
      const ast::RecordSpec& r = spec.record.front();
      if (r.has_body) return declare_record(r, u);
      char k = r.is_union ? 'u' : 's';
      if (Entity* e = find_tag(k, r.tag)) return e;
      Entity* e = new_entity(r.is_union ? EKind::Union : EKind::Struct, r.tag, u, r.pos);
      tags_[tag_key(k, r.tag)] = e;
      return e;
    }
    case ast::TypeSpec::Kind::Enum: {
      if (spec.enumeration.empty()) return nullptr;
      const ast::EnumSpec& en = spec.enumeration.front();
      if (en.has_body) return declare_enum(en, u);
      if (Entity* e = find_tag('e', en.tag)) return e;
      Entity* e = new_entity(EKind::Enum, en.tag, u, en.pos);
      tags_[tag_key('e', en.tag)] = e;
      return e;
    }
    case ast::TypeSpec::Kind::SafeArray:
      if (!spec.element.empty()) declare_spec(spec.element.front(), u, nullptr, false);
      return nullptr;
    case ast::TypeSpec::Kind::Named:
      return nullptr;
  }
  return nullptr;
}

void Sema::declare_members(const std::vector<ast::Member>& ms, Unit& u) {
  for (const ast::Member& m : ms) {
    declare_spec(m.type, u, nullptr, false);
    bind_spec(m.type);
    bind_decl(m.decl);
  }
}

void Sema::bind_spec(const ast::TypeSpec& spec) {
  if (spec.kind == ast::TypeSpec::Kind::SafeArray) {
    for (const ast::TypeSpec& e : spec.element) bind_spec(e);
    for (const ast::Declarator& d : spec.element_decl) bind_decl(d);
    return;
  }
  if (spec.kind != ast::TypeSpec::Kind::Named) return;
  // Only a typedef can be declared again (an interface or coclass twice is an error): binding
  // other names would change nothing.
  Entity* e = find_type(spec.name);
  if (e && e->kind == EKind::Alias) bound_[&spec] = e;
}

void Sema::bind_decl(const ast::Declarator& d) {
  for (const ast::DeclOp& op : d.ops) {
    for (const ast::Param& p : op.params) {
      bind_spec(p.type);
      bind_decl(p.decl);
    }
  }
}

void Sema::bind_method(const ast::Method& m) {
  bind_spec(m.result);
  bind_decl(m.decl);
}

Entity* Sema::declare_record(const ast::RecordSpec& r, Unit& u) {
  char k = r.is_union && r.switch_field.empty() ? 'u' : 's';
  EKind kind = k == 'u' ? EKind::Union : EKind::Struct;
  Entity* e = nullptr;
  if (!r.tag.empty()) {
    e = find_tag(k, r.tag);
    if (e && e->defined) {
      if (u.is_main && e->unit && e->unit->is_main) {
        error(&u, r.pos, "TK5201", "duplicate definition of '" + r.tag + "'");
      }
      e = nullptr;
    }
  }
  if (!e) {
    e = new_entity(kind, r.tag, u, r.pos);
    if (!r.tag.empty()) tags_[tag_key(k, r.tag)] = e;
  }
  e->defined = true;
  e->record = &r;
  e->unit = &u;
  e->pos = r.pos;
  by_node_[&r] = e;
  declare_members(r.members, u);
  if (!r.switch_field.empty()) {
    declare_members(r.switch_field, u);
    // widl names an encapsulated union's inner union as soon as it reads the union.
    Entity* inner = new_entity(EKind::Union, gen_name(), u, r.pos);
    inner->defined = true;
    inner->record = &r;
    inner->encap_inner = true;
    e->encap_union = inner;
  }
  return e;
}

Entity* Sema::declare_enum(const ast::EnumSpec& en, Unit& u) {
  Entity* e = nullptr;
  if (!en.tag.empty()) {
    e = find_tag('e', en.tag);
    if (e && e->defined) {
      if (u.is_main && e->unit && e->unit->is_main) {
        error(&u, en.pos, "TK5201", "duplicate definition of 'enum " + en.tag + "'");
      }
      e = nullptr;
    }
  }
  if (!e) {
    e = new_entity(EKind::Enum, en.tag, u, en.pos);
    if (!en.tag.empty()) tags_[tag_key('e', en.tag)] = e;
  }
  e->defined = true;
  e->enumeration = &en;
  e->unit = &u;
  e->pos = en.pos;
  by_node_[&en] = e;
  // Enumerators are constants from here on: later values and expressions may use them.
  int64_t next = 0;
  for (const ast::Enumerator& v : en.values) {
    if (v.value) {
      if (std::optional<int64_t> x = eval_int(*v.value, &u)) next = *x;
    }
    ConstSym sym;
    sym.unit = &u;
    sym.value = next;
    consts_[v.name] = std::move(sym);
    ++next;
  }
  return e;
}

void Sema::declare_typedef(const ast::Typedef& t, Unit& u) {
  if (u.is_main) check_attrs(t.attrs, "typedef", &u);
  Entity* te = declare_spec(t.type, u, &t.attrs, true);
  bind_spec(t.type);
  for (const ast::Declarator& d : t.decls) bind_decl(d);
  ast::Attrs attrs = t.attrs;
  // A typedef with a uuid, or of a tagless struct/union/enum, is public: the alias itself goes
  // into the library (widl's rule).
  bool is_public = has_attr(attrs, "public") || has_attr(attrs, "uuid");
  if (te && (t.type.kind == ast::TypeSpec::Kind::Record ||
             t.type.kind == ast::TypeSpec::Kind::Enum)) {
    if (te->name.empty()) {
      te->name = gen_name();
      is_public = true;
    }
    // widl gives the record or enum the typedef's attributes (but not its uuid, which only the
    // alias records).
    ast::Attrs copied;
    for (const ast::Attr& a : attrs) {
      if (a.name != "uuid") copied.push_back(a);
    }
    te->attrs = std::move(copied);
  }
  for (const ast::Declarator& d : t.decls) {
    if (d.name.empty()) continue;
    if (te && d.ops.empty() && d.name == te->name) {
      // `typedef enum X {…} X;`: no alias, the enum itself takes the typedef's attributes.
      te->attrs = attrs;
      by_node_[&d] = te;
      register_name(te, u, d.pos);
      continue;
    }
    Entity* a = new_entity(EKind::Alias, d.name, u, d.pos);
    a->attrs = attrs;
    a->alias_spec = &t.type;
    a->alias_decl = &d;
    a->is_public = is_public;
    a->defined = true;
    if (const ast::Attr* wm = find_attr(attrs, "wire_marshal")) {
      if (!wm->args.empty()) a->wire_name = wm->args.front().text;
    }
    by_node_[&d] = a;
    register_name(a, u, d.pos);
  }
}

}  // namespace tlbkit::idl::sema
