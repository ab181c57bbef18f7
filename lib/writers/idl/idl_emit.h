// The IDL writer's state shared by its two halves: the plan (what goes before the library block,
// how each type reference is spelled) in idl_writer.cpp, and the declarations of each kind of
// type in idl_types.cpp. Internal to the IDL writer. Layer: writers.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/library.h"
#include "support/diagnostics.h"

namespace tlbkit::idlw {

/// Collects the attributes of one declaration and writes them as `[a, b(c)] `. When widl 8.0
/// refuses some that MIDL and tlbkit take (a help string on a struct field, `nonextensible` on a
/// dispinterface), the list is written twice: for widl without them (under
/// `#if defined(__WIDL__) && !defined(__midl)`: widl defines only the first, MIDL only the
/// second, tlbkit both) and for the others with them.
class Attrs {
 public:
  /// An attribute every compiler takes, or (widl_accepts false) one widl refuses.
  void add(std::string a, bool widl_accepts = true) {
    if (a.empty()) return;
    if (widl_accepts) widl_.push_back(a);
    other_.push_back(std::move(a));
  }
  bool empty() const { return widl_.empty() && other_.empty(); }
  /// `[a, b] ` in the line, or "" when there is none.
  std::string inline_text() const;
  /// One attribute a line, indented, for a type or library heading; "" when there is none.
  std::string block_text(const std::string& indent) const;

 private:
  std::vector<std::string> widl_;
  std::vector<std::string> other_;
};

/// Where an attribute list stands, for what widl 8.0 accepts there (each checked with widl 8.0).
enum class Place : uint8_t {
  Library, Enum, Record, Alias, Interface, Dispinterface, Coclass, Module, EnumValue, Field,
  Property, Function, ModuleConst, Impl, Param
};

class Emitter {
 public:
  Emitter(const model::Library& lib, support::DiagEngine& diags) : lib_(lib), diags_(diags) {}
  std::string run();

 private:
  // ---- Plan (idl_writer.cpp) ----
  void plan();
  void scan_type(size_t index, const model::TypeInfo& t);
  void scan_ref(size_t from, const model::TypeRef& r, bool under_pointer, bool as_base,
                int32_t inherited_slots);
  const model::TypeInfo* local(const model::UserType& u, size_t* index = nullptr) const;
  void prelude();
  void prelude_interfaces();
  void imported_declarations();
  void hoisted_aliases();
  void emit_hoisted(size_t index, std::set<size_t>& done);
  void library_block();
  std::string import_file(const model::ImportedLibrary& imp);

  // ---- Spelling (idl_writer.cpp) ----
  std::string type(const model::TypeRef& r);
  std::string declaration(const model::TypeRef& r, const std::string& name);
  std::string ident(const std::string& name, const std::string& what);
  std::string str(const std::string& text, const std::string& what);
  std::string literal(const model::Value& v, const std::string& what);
  void docs(Attrs& a, const model::Docs& d, Place at, const std::string& what);
  void custom(Attrs& a, const model::CustomData& cd, Place at, const std::string& what);
  void problem(const std::string& what, const std::string& message);

  // ---- Types (idl_types.cpp) ----
  void type_decl(size_t index);
  Attrs type_attrs(const model::TypeInfo& t, Place at, const std::string& what);
  void enum_decl(const model::TypeInfo& t, const model::EnumDef& d);
  void fields_decl(const model::TypeInfo& t, const std::vector<model::Variable>& fields,
                   const char* keyword);
  void alias_decl(const model::TypeInfo& t, const model::AliasDef& d);
  void interface_decl(const model::TypeInfo& t, const model::InterfaceDef& d);
  void dispatch_decl(const model::TypeInfo& t, const model::DispatchDef& d);
  void coclass_decl(const model::TypeInfo& t, const model::CoclassDef& d);
  void module_decl(const model::TypeInfo& t, const model::ModuleDef& d);
  std::string function(const model::Function& f, bool module_function, bool with_id,
                       const std::string& what);
  std::string param(const model::Param& p, bool counted_optional, const std::string& what);
  std::string property(const model::Variable& v, const std::string& what);
  std::string impl_keyword(const model::TypeRef& r) const;

  void line(const std::string& s) { out_ += s + "\n"; }

  const model::Library& lib_;
  support::DiagEngine& diags_;
  std::string out_;

  /// Library order of the type being written; local records, unions and enums before it are
  /// declared and are named by their typedef name, later ones by their tag (`struct X`).
  size_t current_ = 0;
  bool at_file_scope_ = false;
  /// Aliases referenced before their place in the library: they are declared before the
  /// library block, since an IDL name must be declared before its use.
  std::set<size_t> hoisted_;
  std::set<size_t> hoist_emitted_;
  /// Imported types by name, in order of first reference: how they must be declared.
  struct Imported {
    bool interface_like = false;  // named through a pointer, as a base or implemented
    int32_t base_slots = -1;      // used as a base: the vtable slots it must have
    bool stdole_guid = false;     // stdole's GUID: widl must know its size (a field by value)
  };
  std::vector<std::string> imported_order_;
  std::map<std::string, Imported> imported_;
  std::set<std::string> local_names_;
  std::set<uint32_t> used_imports_;
  std::set<uint32_t> unnamed_imports_;
};

}  // namespace tlbkit::idlw
