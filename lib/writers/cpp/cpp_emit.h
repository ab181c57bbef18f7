// Internal to the C++ bindings writer: the state of one header's generation and the services the
// core (cpp_writer.cpp, cpp_types.cpp, cpp_names.cpp: names, types, declarations, raw vtables)
// offers the wrapper part (cpp_wrappers.cpp, cpp_events.cpp: throwing wrappers, dispinterface
// Invoke calls, coclass creators, event sinks). Layer: writers.
#pragma once
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "model/library.h"
#include "model/library_set.h"
#include "support/diagnostics.h"
#include "writers/cpp/cpp_writer.h"

namespace tlbkit::cppw {

struct CoreState;  // the core's caches (names of other libraries, raw method names, slots)

/// One header's generation. Created by write_header; the wrapper part reads it and may note
/// warnings through `diags` (TK7020–TK7039 are the wrapper part's codes).
struct Context {
  const model::Library& lib;
  const model::LibrarySet& set;
  const CppOptions& opts;
  support::DiagEngine& diags;
  /// The namespace this header's declarations are in ("" with --no-namespace).
  std::string ns;
  /// Names of the library already made C++ identifiers (after --rename, keyword and macro
  /// escaping, clash resolution), by type index. Filled by the core before any emit call.
  std::vector<std::string> type_names;
  /// Event sink class names ("<name>Sink", clash-resolved) by type index, for every local
  /// interface or dispinterface a local coclass names as [source]. Filled by the core.
  std::map<uint32_t, std::string> sink_names;
  /// Warnings already given (so a missing library is named once per header, not per use).
  std::set<std::string> warned;
  /// The core's caches (cpp_core.h); made on first use when a test builds a Context by hand.
  std::shared_ptr<CoreState> core;
};

// ---- Services of the core (cpp_names.cpp / cpp_types.cpp) --------------------------------------

/// A C++ identifier for a name of the library: --rename applied; a C++ keyword, or a name that
/// is a macro of <windows.h> whose expansion is not a plain identifier (DELETE, ERROR, IN, min,
/// …), gets a trailing '_'. Used for members, parameters and enumerators alike.
std::string ident(const Context& cx, std::string_view name);

/// What a UserType refers to.
struct Target {
  const model::Library* lib = nullptr;   // nullptr: not at hand
  const model::TypeInfo* type = nullptr; // nullptr: not at hand
  /// Fully qualified C++ spelling: "::Scripting::IFile", "::IDispatch" (stdole mapped to the SDK),
  /// "::IUnknown" or "int32_t" for stand-ins of types not at hand.
  std::string cpp;
  bool stdole = false;   // a type of OLE Automation's library, mapped to the SDK's declaration
  bool missing = false;  // not at hand: `cpp` is a stand-in (warning TK7001 given once)
  /// The TYPEKIND seen through aliases (TKIND_ALIAS resolved to its final target). Interface
  /// for a stand-in used through a pointer, Enum for one used by value.
  model::TypeKind kind = model::TypeKind::Interface;
};
Target resolve(Context& cx, const model::UserType& ref);

/// The raw C++ spelling of a type as the typelib declares it: "long", "BSTR", "VARIANT",
/// "::Scripting::IFile*", "SAFEARRAY*", "VARIANT_BOOL*". A C array becomes a pointer to its
/// element (for parameters); use `declare` for fields.
std::string raw_type(Context& cx, const model::TypeRef& t);

/// A declaration of `name` with type `t`: "long x", "WCHAR name[32]", "long (*grid)[4]".
std::string declare(Context& cx, const model::TypeRef& t, std::string_view name);

/// The C++ identifier of a local type by index (cx.type_names[i]), unqualified.
inline const std::string& local_name(const Context& cx, uint32_t index) {
  return cx.type_names.at(index);
}

/// The name of a function's raw vtable method: get_X / put_X / putref_X for property accessors,
/// opts.raw_method_prefix + X for methods (no prefix under --raw-interfaces-only), made an
/// identifier and unique within its struct. The core declares it, the wrappers call it.
std::string raw_method_name(Context& cx, const model::TypeInfo& owner, const model::Function& f);

/// The C++ name of parameter i of `f`: ident(name), or "_argN" (1-based) when it has none or
/// repeats an earlier one.
std::string param_name(const Context& cx, const model::Function& f, size_t i);

/// The GUID as a C++ initializer: "{0x420b2830, 0xe718, 0x11cf, {0x89, …}}".
std::string guid_initializer(const support::Guid& g);

/// A C++ literal for a constant (enum value, default value): integers, doubles, L"strings".
/// Empty when the value cannot be written for that type (the caller leaves the default out).
std::string value_literal(Context& cx, const model::Value& v, const model::TypeRef& as);

// ---- Services of the wrapper part (cpp_wrappers.cpp / cpp_events.cpp) -----------------------------
// Each appends to `decls` (member declarations inside the type's struct, indented two spaces) and
// `defs` (inline definitions after every type is declared, like #import's .tli). None emits
// anything under --raw-interfaces-only except emit_coclass's struct.

/// High-level wrappers of a vtable or dual interface: retval as result, failure throws, property
/// accessors GetX/PutX/PutRefX, owning BSTR/VARIANT/SAFEARRAY types, default arguments.
void emit_interface_wrappers(Context& cx, const model::TypeInfo& t, std::string& decls,
                             std::string& defs);

/// Wrappers of a pure dispinterface: each calls IDispatch::Invoke with its DISPID.
void emit_dispatch_wrappers(Context& cx, const model::TypeInfo& t, std::string& decls,
                            std::string& defs);

/// A coclass: `struct Name { static const CLSID& clsid(); static DefaultPtr create(...); }` and,
/// for its default [source] interface, `using events = <sink class>`.
void emit_coclass(Context& cx, const model::TypeInfo& t, std::string& decls, std::string& defs);

/// The event sink class for an interface some coclass names as [source]: implements it
/// (IDispatch::Invoke for a dispinterface) and forwards each event to a std::function.
void emit_event_sink(Context& cx, const model::TypeInfo& t, std::string& decls,
                     std::string& defs);

}  // namespace tlbkit::cppw
