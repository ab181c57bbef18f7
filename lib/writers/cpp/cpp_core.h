// Internal to the C++ writer's core (cpp_names.cpp, cpp_types.cpp, cpp_decls.cpp,
// cpp_writer.cpp): the caches behind Context and the helpers the core's files share.
// Layer: writers.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "writers/cpp/cpp_emit.h"

namespace tlbkit::cppw {

/// The namespace-scope names one library's header gives its types (by type index), computed the
/// same way for the main library and for every other library at hand, so a reference to another
/// library's type is spelled as that library's header declares it.
struct LibNames {
  std::vector<std::string> types;
  std::set<std::string> taken;  // every namespace-scope name given so far
};

struct CoreState {
  std::map<const model::Library*, LibNames> libs;
  std::map<const model::Function*, std::string> raw_names;
  /// Member names an interface struct's own raw methods may not take: the struct's name, the
  /// names it inherits (raw methods of its bases, IUnknown's and IDispatch's) and its own.
  std::map<const model::TypeInfo*, std::set<std::string>> members;
  std::map<const model::TypeInfo*, uint32_t> slots;  // vtable slots of a generated struct
  /// Namespace-scope names of enumerators and module constants of this header.
  std::map<const model::Variable*, std::string> scoped;
  std::map<uint32_t, std::string> ptr_names;           // "<Name>Ptr" by type index
  std::map<const model::TypeInfo*, bool> exact;        // records whose layout C++ reproduces
  /// Types of this library's references that are not at hand, by "<import>:<name>": true when
  /// some use shows a value (by value, or the one pointer of an [out] parameter), so its
  /// stand-in is int32_t everywhere; false for ones only seen as interface pointers (IUnknown).
  std::map<std::string, bool> value_like;
  bool scanned = false;
  // Cycle guards (a library may inherit from itself or alias in a circle: never recurse forever).
  std::set<const model::TypeInfo*> alias_guard, slot_guard, base_guard, name_guard;
};

CoreState& core(Context& cx);

// ---- Names (cpp_names.cpp) ----------------------------------------------------------------------

/// A C++ identifier from any text: characters outside [A-Za-z0-9_] become '_', a leading digit
/// gets a '_' in front, a keyword or breaking macro gets a trailing '_'. No --rename.
std::string sanitize_ident(std::string_view name);
/// A namespace-scope name (already an identifier) clear of the SDK's global names under
/// --no-namespace; unchanged otherwise.
std::string scoped_ident(const Context& cx, std::string name);
/// ident() for a parameter or field: also escaped when it would hide a Windows type name the
/// core writes unqualified (LONG, BSTR, VARIANT, …) from the declarations after it.
std::string member_ident(const Context& cx, std::string_view name);
/// The namespace named after a library: its name as an identifier, never "tlbkit" or "std".
std::string namespace_name_for(std::string_view library_name);
/// The namespace a library's header uses ("" under --no-namespace, which the driver applies to
/// every header it writes).
std::string namespace_of(const Context& cx, const model::Library& lib);
/// The type names of `lib`'s header (computed once).
const LibNames& names_of(Context& cx, const model::Library& lib);
/// `base` made unique among `taken` by trailing '_', then taken.
std::string unique_in(std::set<std::string>& taken, std::string base);
/// Text safe inside a // comment: ASCII only (others as \uXXXX), one line, no trigraphs, no
/// trailing backslash.
std::string comment_text(std::string_view text);
/// The names of the members an interface's struct already has before its own raw methods.
const std::set<std::string>& member_names(Context& cx, const model::Library& lib,
                                          const model::TypeInfo& t);

// ---- Types (cpp_types.cpp) ----------------------------------------------------------------------

/// A Windows SDK type name as spelled in this header: "LONG", or "::LONG" when a name of this
/// header's namespace would hide it.
std::string sdk(Context& cx, std::string_view name);
/// The SDK declaration a type of stdole maps to ("::IDispatch"), or "" when the SDK has none.
std::string_view stdole_sdk_name(std::string_view stdole_name);
bool is_stdole(const model::Library& lib);
/// The kind of a type's definition (a dual interface is an Interface here).
model::TypeKind kind_of(const model::TypeInfo& t);
/// True when the type is declared by this header (local, not excluded, not mapped to the SDK).
bool declared_here(const Context& cx, uint32_t index);
bool is_excluded(const Context& cx, std::string_view name);

/// What a UserType of `from` names: a library and type (nullptr when not at hand).
struct Found {
  const model::Library* lib = nullptr;
  const model::TypeInfo* type = nullptr;
  uint32_t index = 0;
};
Found find_type(Context& cx, const model::Library& from, const model::UserType& ref);
/// resolve() for a reference made from any library at hand (an alias's target, a base).
Target resolve_from(Context& cx, const model::Library& from, const model::UserType& ref,
                    bool under_pointer);

/// A declaration with an exact flag: `approx` is set when a stand-in had to be used (a type not
/// at hand by value, an unknown VARTYPE), so layout checks of the record are left out.
std::string declare_in(Context& cx, const model::Library& from, const model::TypeRef& t,
                       std::string_view name, bool* approx, bool abstract_ok = false);
/// A parameter's or result's type: arrays decay, `void` by value becomes `void*`.
std::string param_type(Context& cx, const model::TypeRef& t);

// ---- Vtables (cpp_decls.cpp) --------------------------------------------------------------------

uint32_t pointer_size(const model::Library& lib);
/// The vtable slots the struct generated for `t` (of `lib`) has, inherited ones included.
uint32_t struct_slots(Context& cx, const model::Library& lib, const model::TypeInfo& t);

/// The base a generated interface struct derives from and how many slots that base has.
struct BaseInfo {
  std::string cpp;         // "::IDispatch", "::Lib::IBase"
  uint32_t slots = 3;
  const model::Library* lib = nullptr;  // base at hand: its library and type
  const model::TypeInfo* type = nullptr;
  bool dispatch_root = false;  // derives from IDispatch (directly or through the SDK)
};
BaseInfo base_of(Context& cx, const model::Library& lib, const model::TypeInfo& t);
/// Each function's slot in the struct, in function order (nullopt: not in the vtable).
std::vector<std::optional<uint32_t>> function_slots(const model::Library& lib,
                                                   const model::TypeInfo& t, uint32_t base_slots);

// ---- Sections (cpp_decls.cpp) -------------------------------------------------------------------

/// The type index of `t` in `lib` (t must be one of its types).
inline uint32_t index_in(const model::Library& lib, const model::TypeInfo& t) {
  return static_cast<uint32_t>(&t - lib.types.data());
}
/// "::Ns::Name" for a local type (or "::Name" with no namespace).
std::string qualified(const Context& cx, uint32_t index);

void emit_enum(Context& cx, const model::TypeInfo& t, uint32_t index, std::string& out);
void emit_alias(Context& cx, const model::TypeInfo& t, uint32_t index, std::string& out);
void emit_record(Context& cx, const model::TypeInfo& t, uint32_t index, std::string& out);
void emit_module(Context& cx, const model::TypeInfo& t, uint32_t index, std::string& out);
void emit_interface(Context& cx, const model::TypeInfo& t, uint32_t index, std::string& out,
                    std::string& defs);
void emit_dispinterface(Context& cx, const model::TypeInfo& t, uint32_t index, std::string& out,
                        std::string& defs);

}  // namespace tlbkit::cppw
