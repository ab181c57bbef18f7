// The C++ writer's wrapper part: one wrapper's signature, its default arguments, and how its
// declaration (inside the struct) and inline definition (after every type) are written.
// Layer: writers.
#pragma once
#include <string>
#include <vector>

#include "writers/cpp/cpp_emit.h"
#include "writers/cpp/cpp_wrap_common.h"

namespace tlbkit::cppw::wrap {

/// A wrapper parameter: its C++ type and name, the expression the body passes on, and its
/// default argument ("" for none).
struct Param {
  std::string name, type, arg, def;
};

struct Signature {
  std::string result, name;
  std::vector<Param> params;
};

/// Where the declarations and definitions go.
struct Out {
  std::string& decls;
  std::string& defs;
};

/// The default argument of an [in] parameter lifted to `s`: its [defaultvalue] when
/// value_literal can write it (true/false for a bool), variant::missing() for an [optional]
/// VARIANT, else "".
std::string default_argument(Context& cx, const model::Param& p, const TypeShape& s);

/// C++ allows defaults only on a trailing run of parameters: drops every default before the last
/// parameter that has none.
void trailing_defaults(std::vector<Param>& params);

/// The IID a wrapper of `t` passes to ::tlbkit::check/invoke: the struct's own static member
/// `member` (declared by declare_iid) when `t` has a GUID, else ::GUID{} (no uuid_of
/// specialisation exists; the exception then names no interface).
std::string iid_expression(const model::TypeInfo& t, const std::string& member);

/// When `t` has a GUID, takes the name of the struct's IID member from `names` and appends its
/// declaration to `decls`: `static constexpr const ::GUID& _tlbkit_iid = uuid_of<T>::value;`.
/// Spelling uuid_of<::Lib::T>::value once per struct instead of in every wrapper body shortens
/// the bodies (mshtml.tlb has some 50 000) and the compile. Returns the member's name ("" none).
std::string declare_iid(Context& cx, const model::TypeInfo& t, MemberNames& names,
                        std::string& decls);

/// `base`, or base_ / base__ … when a parameter already has that name.
std::string fresh_local(const std::vector<Param>& params, std::string base);

/// Appends the declaration to out.decls and the inline definition (with `body`) to out.defs.
void write(const Context& cx, const model::TypeInfo& t, const Signature& sig,
           const std::string& body, Out& out);

bool is_hresult(const model::TypeRef& t);

inline constexpr size_t kNone = static_cast<size_t>(-1);

/// The index of the last [out, retval] pointer parameter; kNone when there is none.
size_t retval_index(const model::Function& f);

/// The methods a dispinterface dispatches: its own, or for `dispinterface X { interface Y; }`
/// those of Y and of Y's bases in this library (base first).
std::vector<const model::Function*> dispatched_methods(Context& cx, const model::DispatchDef& d);

/// Reserves the raw method names of `t` and of every base interface at hand.
void reserve_raw_names(Context& cx, const model::TypeInfo& t, MemberNames& names);

}  // namespace tlbkit::cppw::wrap
