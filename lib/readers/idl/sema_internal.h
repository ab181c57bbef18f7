// The IDL reader's semantic pass (internal): the parsed files, the entities they declare, the C
// types sema resolves, and the emitter that builds model::Library in widl's order. Shared by the
// sema_*.cpp files only. Layer: readers.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/library.h"
#include "readers/idl/ast.h"
#include "readers/idl/token.h"
#include "support/diagnostics.h"

namespace tlbkit::idl::sema {

/// One parsed file with the map that turns its positions into locations.
struct Unit {
  ast::File file;
  SourceMap sources;
  bool is_main = false;
  bool declared = false;  // the declaration pass has run over it (each file once)
  bool declaring = false;  // … or is running (an import cycle stops here)
};

/// Finds and parses the file an `import "x.idl"` names (cached; nullptr when it cannot be read,
/// after reporting it at `pos` of `from`).
struct ImportResolver {
  virtual ~ImportResolver() = default;
  virtual Unit* import(const Unit& from, const std::string& name, const SourcePos& pos) = 0;
};

enum class EKind : uint8_t { Struct, Union, Enum, Alias, Interface, Dispatch, Coclass, Module };

struct Entity;

/// A C type as sema resolves it from a TypeSpec and a declarator.
struct Ty {
  enum class K : uint8_t { Basic, Void, Pointer, Array, SafeArray, Entity, Imported, Function,
                           Error };
  K k = K::Error;
  uint16_t vt = 0;                  // Basic: its VARTYPE
  uint8_t char_kind = 0;            // Basic: 1 for char, 2 for wchar_t ([string] → LPSTR/LPWSTR)
  std::string name;                 // Imported: the name of a type only an importlib declares
  std::shared_ptr<const Ty> ref;    // Pointer: pointee; Array/SafeArray: element
  uint32_t count = 0;               // Array: element count
  bool conformant = false;          // Array: `[]`, `[*]` or a non-constant size
  Entity* ent = nullptr;            // Entity
};
using TyP = std::shared_ptr<const Ty>;

/// A named thing a file declares: a type, an interface, a coclass, a module.
struct Entity {
  EKind kind = EKind::Struct;
  std::string name;       // as declared; generated names are given when first needed
  ast::Attrs attrs;       // effective attributes (a typedef's, for a typedef'd record or enum)
  const Unit* unit = nullptr;
  SourcePos pos;
  bool defined = false;   // has a body (records, enums, interfaces, coclasses)
  // Where the body is.
  const ast::RecordSpec* record = nullptr;
  const ast::EnumSpec* enumeration = nullptr;
  const ast::Interface* iface = nullptr;
  const ast::Coclass* coclass = nullptr;
  const ast::Module* module = nullptr;
  /// The inner union of an encapsulated union (`record` is the outer spec), or the outer
  /// struct that holds it.
  bool encap_inner = false;
  Entity* encap_union = nullptr;  // outer struct: its inner union
  // Alias: `typedef spec decl`.
  const ast::TypeSpec* alias_spec = nullptr;
  const ast::Declarator* alias_decl = nullptr;
  TyP aliasee;
  bool resolving = false;
  bool is_public = false;
  Entity* wire_type = nullptr;  // wire_marshal(T)'s T, resolved lazily
  std::string wire_name;
  // Emission.
  std::optional<uint32_t> index;  // in the library being built
};

/// A `const` declaration or an enumerator, for constant expressions.
struct ConstSym {
  const ast::Expr* expr = nullptr;  // const: its value expression
  const Unit* unit = nullptr;
  std::optional<int64_t> value;     // enumerators: known; consts: cached
  std::optional<std::string> text;  // a string constant
  bool evaluating = false;
};

/// A value of a constant expression: an integer, or a string.
struct CValue {
  bool is_string = false;
  int64_t i = 0;
  std::string s;
  bool is_float = false;
  double d = 0;
};

/// Everything the pass knows. The declaration pass fills the tables; the emitter builds `lib`.
class Sema {
 public:
  Sema(support::DiagEngine& diags, model::SysKind target, std::string file_id,
       ImportResolver& imports)
      : diags_(diags), target_(target), file_id_(std::move(file_id)), imports_(imports) {}

  /// Declaration pass over a file (recursing into its imports first, as widl parses them).
  void declare_unit(Unit& u);
  /// Adds an importlib'd library: its types become resolvable by name.
  void add_importlib(std::string file, model::Library lib);
  /// Builds the library from the main file's library block (or its top-level types).
  model::Library build(const Unit& main);

  // ---- shared helpers (used across the sema_*.cpp files) ----
  /// An error with a note pointing at an earlier place ("first declared here").
  void error_noted(const Unit* u, const SourcePos& pos, const std::string& code, std::string msg,
                   const Unit* earlier, const SourcePos& earlier_pos, std::string note);
  void error(const Unit* u, const SourcePos& pos, const std::string& code, std::string msg);
  void warning(const Unit* u, const SourcePos& pos, const std::string& code, std::string msg);

  // sema_expr.cpp
  std::optional<CValue> eval(const ast::Expr& e, const Unit* u, int depth = 0);
  std::optional<int64_t> eval_int(const ast::Expr& e, const Unit* u);

  // sema_types.cpp
  TyP resolve(const ast::TypeSpec& spec, const ast::Declarator* decl, const Unit* u,
              size_t first_op = 0);
  TyP aliasee(Entity& alias);
  uint16_t type_vt(const TyP& t);
  model::TypeRef encode_var(TyP t);
  model::TypeRef encode_type(uint16_t vt, TyP t);
  bool is_enum(const TyP& t);

  // sema_attrs.cpp
  static const ast::Attr* find_attr(const ast::Attrs& attrs, std::string_view name);
  static bool has_attr(const ast::Attrs& attrs, std::string_view name) {
    return find_attr(attrs, name) != nullptr;
  }
  std::optional<model::Guid> attr_guid(const ast::Attrs& attrs, const Unit* u);
  std::optional<std::string> attr_string(const ast::Attrs& attrs, std::string_view name);
  std::optional<int64_t> attr_int(const ast::Attrs& attrs, std::string_view name, const Unit* u);
  model::Version attr_version(const ast::Attrs& attrs);
  model::CustomData attr_custom(const ast::Attrs& attrs, const Unit* u);
  model::Docs attr_docs(const ast::Attrs& attrs, const Unit* u);
  uint16_t type_flags(const ast::Attrs& attrs, model::TypeKind kind);
  static uint16_t func_flags(const ast::Attrs& attrs);
  static uint16_t var_flags(const ast::Attrs& attrs);
  void check_attrs(const ast::Attrs& attrs, const char* where, const Unit* u);

  // sema_symbols.cpp
  Entity* find_type(const std::string& name) const;
  Entity* find_tag(char kind, const std::string& tag) const;
  std::string gen_name();

  // sema_emit.cpp / sema_emit_types.cpp
  uint32_t add_type(Entity& e);
  std::string canon(const std::string& name);

  support::DiagEngine& diags_;
  model::SysKind target_;

 private:
  friend struct Declarer;
  friend struct Emitter;

  // sema_symbols.cpp
  void declare_statements(const std::vector<ast::Statement>& stmts, Unit& u);
  void declare_statement(const ast::Statement& s, Unit& u);
  Entity* declare_spec(const ast::TypeSpec& spec, Unit& u, const ast::Attrs* typedef_attrs,
                       bool typedefd);
  Entity* declare_record(const ast::RecordSpec& r, Unit& u);
  Entity* declare_enum(const ast::EnumSpec& e, Unit& u);
  void declare_members(const std::vector<ast::Member>& ms, Unit& u);
  void bind_spec(const ast::TypeSpec& spec);
  void bind_decl(const ast::Declarator& d);
  void bind_method(const ast::Method& m);
  void declare_typedef(const ast::Typedef& t, Unit& u);
  void declare_interface(const ast::Interface& i, Unit& u);
  Entity* new_entity(EKind kind, std::string name, const Unit& u, SourcePos pos);
  void register_name(Entity* e, const Unit& u, const SourcePos& pos);

  // sema_emit.cpp
  void add_entry(const ast::Statement& s, const Unit& u);
  uint32_t create_typeinfo(Entity& e, model::TypeKind kind, model::TypeDef def);
  uint32_t add_interface(Entity& e);
  uint32_t add_dispinterface(Entity& e);
  uint32_t add_coclass(Entity& e);
  uint32_t add_module(Entity& e);
  uint32_t add_record(Entity& e, Entity& body);
  uint32_t add_enum(Entity& e, Entity& body);
  uint32_t add_as_real(Entity& alias);
  uint32_t add_alias(Entity& e);
  model::Function make_func(const ast::Method& m, const Unit* u, uint32_t type_index,
                            int32_t default_memid, model::FuncKind fk);
  model::Variable make_field(const ast::Member& m, const Unit* u, uint32_t index,
                             model::VarKind vk);
  model::TypeRef user_ref(TyP t);
  std::optional<model::TypeRef> import_ref(const std::string& name);
  model::TypeRef stdole_idispatch();
  uint32_t import_index(size_t lib);
  Entity* interface_base(const Entity& e);
  bool derives_from_idispatch(const Entity& e);
  uint32_t count_inherited(const Entity& e, uint32_t* funcs);
  std::optional<model::Value> default_value(const ast::Expr& e, const TyP& t, const Unit* u);
  /// Two members of one declaration with the same name (fields, parameters): TK5218.
  template <typename Member>
  void check_unique_names(const std::vector<Member>& members, const Unit* u, const char* what,
                          const std::string& owner);
  void check_function(const model::Function& f, const ast::Method& m, const Unit* u,
                      bool automation);
  void check_automation_type(const TyP& t, const Unit* u, const SourcePos& pos,
                             const std::string& what, bool void_pointer_is_error = true);
  void check_dispids(uint32_t type_index, const Entity& e,
                     const std::vector<SourcePos>& positions);

  // The types make_func resolved last (the result, then each parameter), for check_function.
  std::vector<TyP> last_types_;
  // The MEMBERID each function name of the type being built has (name → memid), so a property's
  // get/put pair shares one without a scan per function.
  std::unordered_map<std::string, int32_t> func_ids_;
  uint32_t func_ids_type_ = UINT32_MAX;
  std::string file_id_;
  ImportResolver& imports_;
  std::vector<std::unique_ptr<Entity>> entities_;
  std::unordered_map<std::string, Entity*> names_;  // typedefs, interfaces, coclasses, modules
  std::unordered_map<std::string, Entity*> tags_;   // "s:tag", "u:tag", "e:tag"
  std::unordered_map<const void*, Entity*> by_node_;  // RecordSpec/EnumSpec → entity
  /// A type name's meaning where it is written: a later typedef of the same name does not change
  /// an earlier use (widl resolves names as it parses).
  std::unordered_map<const ast::TypeSpec*, Entity*> bound_;
  std::unordered_map<std::string, ConstSym> consts_;
  uint32_t gen_counter_ = 0;

  struct ImportLib {
    std::string file;
    model::Library lib;
    std::optional<uint32_t> model_index;  // in lib_.imports, once referenced
  };
  std::vector<ImportLib> importlibs_;
  std::unordered_map<std::string, std::pair<size_t, uint32_t>> imported_names_;

  model::Library lib_;
  std::unordered_map<std::string, std::string> name_table_;  // lower-case → first spelling
  std::map<model::Guid, std::pair<const Unit*, SourcePos>, std::less<>> guids_;
};

/// `unsigned long` → VT_UI4 …: the VARTYPE of a C base type's words, 0 when not one.
uint16_t basic_vt(const std::string& words, model::SysKind target);

}  // namespace tlbkit::idl::sema
