// The core header reader's private state behind Context::State, and the helpers its files share
// (declarations, functions, constants). Layer: readers (private to readers/cheader).
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "readers/cheader/cheader_internal.h"

namespace tlbkit::cheader::detail {

/// An integer a constant expression evaluated to, with its C type's signedness and width.
struct IntValue {
  int64_t v = 0;
  bool is_unsigned = false;
  bool is_64 = false;
};

struct Context::State {
  CXFile main_file = nullptr;
  std::string stem;  // the header's file stem as an identifier: the library's name
  /// Each declaration read (by USR, which is stable across runs) → its index in lib.types.
  std::map<std::string, uint32_t> by_usr;
  std::optional<uint32_t> stdole_import;  // index in lib.imports once stdole is used
  uint32_t generated = 0;                 // counter of generated names for tagless types
  std::map<std::string, uint32_t> modules;  // DLL ("" for none) → index of its ModuleDef
  std::set<std::string> members;            // function and constant names already placed
  uint32_t functions_without_dll = 0;
  support::Location first_without_dll;
  /// Integer constants by name (enumerators and evaluated macros) for #define evaluation.
  std::map<std::string, IntValue> ints;
  /// Object-like macros seen so far (any file): name → the cursor of the definition.
  std::map<std::string, CXCursor> macros;
  /// Integer typedef names (any file) → (size in bytes, signed), for casts in #defines.
  std::map<std::string, std::pair<int, bool>> int_typedefs;
  /// --include/--exclude verdicts on files, cached by file (lookups only, never iterated).
  std::map<const void*, int> file_verdict;
  /// The cursor whose tokens tell a function pointer's calling convention on win64 (the field,
  /// parameter or typedef being read), null cursor otherwise.
  CXCursor declaring = clang_getNullCursor();
  int nesting = 0;  // declare()'s recursion depth
  bool too_deep_reported = false;
  /// C++ classes read as their base or left out (see derived_reading): name → what became of it
  /// and where, for one warning at the end.
  std::map<std::string, std::pair<std::string, support::Location>> cxx_helpers;
  support::Location first_cxx_helper;  // the first met, where the warning points
};

/// How a C++ struct or class (not a COM interface) is read.
enum class Derived {
  Plain,      // no base classes and no virtual methods: a record as it stands
  Flattened,  // data-only inheritance: the bases' fields lead, at clang's offsets
  AsBase,     // one base and no data of its own (constructors, methods): it is its base
  LeftOut,    // virtual methods or bases, or a layout the flattening cannot account for (two
              // bases holding data, a base moved from offset 0 by an empty one)
};
/// Which reading a struct/class definition gets; `base` is set to the base's definition for
/// AsBase.
Derived derived_reading(CXCursor decl, CXCursor& base);

/// The generated name for a tagless struct, union or enum (deterministic: a counter in reading
/// order, after the header's stem).
std::string generated_name(Context& cx);
/// True for a tag a tool generated for a tagless type (widl's `__WIDL_<file>_generated_name_N`,
/// tlbkit's own): the typedef naming such a type is an alias of it, as for a tagless one.
bool is_generated_tag(std::string_view tag);

/// declare() for a typedef: the alias it becomes, or the struct/enum it names (see
/// cheader_decls.cpp for the rule, the IDL reader's); nullopt for one that becomes no type.
std::optional<uint32_t> declare_typedef(Context& cx, CXCursor decl, const std::string& usr);
/// The type underneath sugar that names nothing (elaborated `struct X`, attributes).
CXType strip_sugar(CXType t);

/// The calling convention of a function type, with `decl`'s tokens deciding on win64 where the
/// ABI has one convention and clang drops __stdcall (see cheader_decls.cpp).
model::CallConv callconv_of(Context& cx, CXType fn, CXCursor decl);
/// A C function type as a signature (for function pointers).
model::FunctionSig signature_of(Context& cx, CXType fn);

/// Reads a top-level function declaration into its DLL's module.
void read_function(Context& cx, CXCursor fn);
/// Reads an object-like #define of a taken header into the constants module when its value
/// evaluates to an integer or a string; notes every object-like macro for later references.
void read_macro(Context& cx, CXCursor def, bool taken);
/// Reads a `const` variable of integer or string type into the constants module.
void read_const_var(Context& cx, CXCursor var);
/// The module named after `dll` (its stem), or after the header when `dll` is empty; created at
/// first use.
model::ModuleDef& module_for(Context& cx, const std::string& dll);

/// True for a name OLE Automation gives its own meaning (BSTR, HRESULT, VARIANT … IUnknown,
/// IDispatch, stdole2's types): no local type is made for it.
bool is_automation_name(std::string_view name);
/// True for the struct DECLARE_HANDLE declares (`struct NAME__ { int unused; }`): no type of its
/// own, a pointer to it is a handle (see cheader_types.cpp).
bool is_declared_handle(CXCursor decl);
/// True for a declaration of one of stdole2's types other than IUnknown and IDispatch (IFont,
/// IPicture, OLE_COLOR …) in the user's header (ocidl.h declares IFont): the header's own type,
/// as the IDL reader reads ocidl.idl's, not a reference to stdole's.
bool declares_stdole_type(Context& cx, CXCursor decl);
/// The stdole2 type names (see cheader_types.cpp), for the selection of OLE Automation's types.
bool is_stdole_name(std::string_view name);

}  // namespace tlbkit::cheader::detail
