// The C++ writer's wrapper part, shared pieces: what a parameter or result type is once aliases
// are seen through (so wrappers know how to lift it to bstr/variant/bool/com_ptr and how to pass
// it to IDispatch::Invoke), and unique member names inside one struct. Layer: writers.
#pragma once
#include <cstdint>
#include <unordered_set>
#include <string>
#include <string_view>

#include "writers/cpp/cpp_emit.h"

namespace tlbkit::cppw::wrap {

/// What a type is for the wrappers, aliases resolved.
enum class Shape : uint8_t {
  Void,       // VT_VOID
  HResult,    // VT_HRESULT
  Bool,       // VARIANT_BOOL
  Bstr,       // BSTR
  Variant,    // VARIANT
  Interface,  // an interface pointer (IDispatch*, IUnknown*, IFoo*): `cls` is its class
  SafeArray,  // SAFEARRAY(T): `vt` is the element's VARTYPE (0 when it has none)
  Enum,       // an enum (or a stand-in used by value), passed as VT_I4
  Record,     // a record or union by value
  Scalar,     // an arithmetic or CY/DATE/DECIMAL/SCODE value: `vt`
  Pointer,    // a pointer to something other than an interface: `pointee` describes it
  Other,      // anything else (LPSTR, C arrays, coclasses by value): passed through unchanged
};

struct Pointee;

struct TypeShape {
  Shape shape = Shape::Other;
  uint16_t vt = 0;  // VARTYPE (Scalar: its own; SafeArray: the element's; Interface: 9 or 13)
  /// Interface: the class, fully qualified ("::Scripting::IFile", "::IDispatch"); empty when the
  /// spelling is not a plain pointer to a class (an alias of a pointer, say).
  std::string cls;
  /// Pointer: what it points to (Shape::Other when unknown). Interface here means IFoo**.
  Shape pointee = Shape::Other;
  uint16_t pointee_vt = 0;  // the VARTYPE a VT_BYREF argument carries for it; 0: none
  bool pointee_coclass = false;  // Pointer: to a coclass pointer
  /// An interface named without a pointer (internal: only its pointer is a value).
  bool bare = false;
  bool missing = false;  // a type of a library not at hand (a stand-in)
  /// Interface: a coclass named where its default interface is meant (VB does this). The core
  /// spells it as the coclass's struct, which is no COM class: `cls` is empty.
  bool coclass = false;
};

/// The shape of `t` as written in `from` (cx.lib for a type of the library being written).
TypeShape shape_of(Context& cx, const model::Library& from, const model::TypeRef& t);
inline TypeShape shape_of(Context& cx, const model::TypeRef& t) { return shape_of(cx, cx.lib, t); }

/// The VARTYPE a SAFEARRAY element or VT_BYREF target of this shape has; 0 when none.
uint16_t variant_vt(const TypeShape& s);

/// The SDK name of a VARTYPE for generated code ("VT_BSTR"), or its number.
std::string vt_name(uint16_t vt);

/// The index of a type of the library being written.
uint32_t index_of(const Context& cx, const model::TypeInfo& t);

/// A DISPID as a C++ expression.
std::string dispid_literal(int32_t id);

/// Member names of one struct: every name given is unique (a clash gets a trailing '_') and
/// never the struct's own name.
class MemberNames {
 public:
  explicit MemberNames(std::string struct_name);
  void reserve(const std::string& name) { used_.insert(name); }
  bool taken(const std::string& name) const { return used_.count(name) != 0; }
  std::string take(std::string name);

 private:
  // Only looked up, never iterated: hash order cannot reach the output.
  std::unordered_set<std::string> used_;
};

/// The names IUnknown and IDispatch give every interface struct: a wrapper of that name would
/// hide the virtual method.
void reserve_com_names(MemberNames& names);

/// A wrapper's name: Get/Put/PutRef + name for property accessors, high_method_prefix + name for
/// methods.
std::string wrapper_base_name(Context& cx, const model::Function& f);

/// The location of this header's diagnostics.
support::Location where(const Context& cx);

/// Whether a function is one of IUnknown's or IDispatch's own methods repeated in a
/// dispinterface (typelibs made by old tools list them, restricted, with memids 0x6000xxxx).
bool is_com_base_method(const model::Function& f);

}  // namespace tlbkit::cppw::wrap
