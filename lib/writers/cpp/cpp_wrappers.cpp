// The C++ writer's wrapper part: throwing wrappers of vtable/dual interfaces (retval as result,
// GetX/PutX/PutRefX, owning bstr/variant/safearray, default arguments) and Invoke wrappers of
// dispinterfaces (see cpp_emit.h and cpp-spec's "Wrappers"/"Dispinterfaces"). Layer: writers.
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

#include "writers/cpp/cpp_core.h"
#include "writers/cpp/cpp_emit.h"
#include "writers/cpp/cpp_wrap_common.h"
#include "writers/cpp/cpp_wrap_sig.h"

namespace tlbkit::cppw {

using wrap::Shape;
using wrap::TypeShape;
using wrap::is_hresult;
using wrap::kNone;
using wrap::retval_index;

namespace {

namespace vt = model::vt;

bool is_virtual(const model::Function& f) {
  return f.funckind == model::FuncKind::PureVirtual || f.funckind == model::FuncKind::Virtual;
}

// ---- Vtable wrappers ------------------------------------------------------------------------------

// A parameter of a vtable wrapper: BSTR/VARIANT/VARIANT* [in] as const bstr&/variant&,
// VARIANT_BOOL [in] as bool, everything else (out parameters included) as the raw type.
wrap::Param vtable_param(Context& cx, const model::Function& f, size_t i) {
  const model::Param& p = f.params[i];
  wrap::Param w;
  w.name = param_name(cx, f, i);
  w.type = raw_type(cx, p.type);
  w.arg = w.name;
  if (p.flags & model::paramflag::Out) return w;
  TypeShape s = wrap::shape_of(cx, p.type);
  switch (s.shape) {
    case Shape::Bstr:
      w.type = "const ::tlbkit::bstr&", w.arg = w.name + ".get()";
      break;
    case Shape::Variant:
      w.type = "const ::tlbkit::variant&", w.arg = w.name + ".get()";
      break;
    case Shape::Bool:
      w.type = "bool", w.arg = "(" + w.name + " ? VARIANT_TRUE : VARIANT_FALSE)";
      break;
    case Shape::Pointer:
      // [in] VARIANT* (scrrun's Dictionary keys, say): the callee only reads it, so it takes
      // any value a variant holds, as [in] VARIANT does. Better than #import's raw VARIANT*.
      if (s.pointee == Shape::Variant && !s.missing)
        w.type = "const ::tlbkit::variant&",
        w.arg = "const_cast<VARIANT*>(&" + w.name + ".get())";
      break;
    default: break;
  }
  w.def = wrap::default_argument(cx, p, s);
  return w;
}

// How a wrapper receives the [out, retval] value: a local of type `local_type` (initialised by
// `init`), passed to the raw method as &local or local + arg_suffix (.out()/.put()), returned as
// local + ret_suffix, of type `type`.
struct Retval {
  std::string type, local_type, init, arg_suffix, ret_suffix;
  bool by_address = true;  // pass &local (else local.out()/put())
};

std::optional<Retval> lift_retval(Context& cx, const model::Param& p) {
  const auto* ptr = std::get_if<model::Pointer>(&p.type.v);
  if (!ptr || std::holds_alternative<model::CArray>(ptr->pointee->v)) return std::nullopt;
  TypeShape s = wrap::shape_of(cx, *ptr->pointee);
  // A pointer to a type not at hand is the stand-in IUnknown* itself, not a place for a value.
  if (s.missing && s.shape != Shape::Interface) return std::nullopt;
  Retval r;
  switch (s.shape) {
    case Shape::Void: return std::nullopt;
    case Shape::Bstr: r.type = r.local_type = "::tlbkit::bstr"; break;
    case Shape::Variant: r.type = r.local_type = "::tlbkit::variant"; break;
    case Shape::SafeArray: r.type = r.local_type = "::tlbkit::safearray"; break;
    case Shape::Bool:
      r.type = "bool", r.local_type = "VARIANT_BOOL", r.init = " = 0", r.ret_suffix = " != 0";
      return r;
    case Shape::Interface:
      if (s.cls.empty()) return std::nullopt;
      r.type = r.local_type = "::tlbkit::com_ptr<" + s.cls + ">";
      r.by_address = false, r.arg_suffix = ".put()";
      return r;
    default:
      r.type = r.local_type = raw_type(cx, *ptr->pointee);
      r.init = "{}";
      return r;
  }
  r.by_address = false, r.arg_suffix = ".out()";
  return r;
}

// A wrapper body returning the lifted [out, retval] value.
std::string lifted_body(const std::string& raw, const std::string& args, const std::string& iid,
                        const std::string& local, const Retval& r, std::string& result) {
  result = r.type;
  return "  " + r.local_type + " " + local + r.init + ";\n"
         "  ::tlbkit::check(this->" + raw + "(" + args + "), this, " + iid + ");\n"
         "  return " + local + r.ret_suffix + ";\n";
}

// A wrapper body without a retval: the success HRESULT (void for a put), or for a function that
// does not return an HRESULT its own result, forwarded (VARIANT_BOOL as bool).
std::string plain_body(Context& cx, const model::Function& f, const std::string& raw,
                       const std::string& args, const std::string& iid, std::string& result) {
  const std::string call = "this->" + raw + "(" + args + ")";
  if (is_hresult(f.result)) {
    const bool put = f.invkind == model::InvokeKind::PropertyPut ||
                     f.invkind == model::InvokeKind::PropertyPutRef;
    result = put ? "void" : "HRESULT";
    return std::string(put ? "  " : "  return ") + "::tlbkit::check(" + call + ", this, " + iid +
           ");\n";
  }
  TypeShape rs = wrap::shape_of(cx, f.result);
  if (rs.shape == Shape::Void) {
    result = "void";
    return "  " + call + ";\n";
  }
  if (rs.shape == Shape::Bool) {
    result = "bool";
    return "  return " + call + " != 0;\n";
  }
  result = raw_type(cx, f.result);
  return "  return " + call + ";\n";
}

void emit_vtable_wrapper(Context& cx, const model::TypeInfo& t, const model::Function& f,
                         const std::string& iid, wrap::MemberNames& names, wrap::Out& out) {
  const std::string raw = raw_method_name(cx, t, f);
  wrap::Signature sig;
  sig.name = names.take(wrap::wrapper_base_name(cx, f));
  const bool hr = is_hresult(f.result);
  size_t rv = hr ? retval_index(f) : kNone;
  std::optional<Retval> lifted = rv != kNone ? lift_retval(cx, f.params[rv]) : std::nullopt;
  if (!lifted) rv = kNone;
  for (size_t i = 0; i < f.params.size(); ++i)
    if (i != rv) sig.params.push_back(vtable_param(cx, f, i));
  wrap::trailing_defaults(sig.params);

  const std::string local = wrap::fresh_local(sig.params, "_result");
  // The raw call's arguments in the raw method's order (the retval, by MIDL's rule the last, is
  // where the library puts it).
  std::string args;
  for (size_t i = 0, j = 0; i < f.params.size(); ++i) {
    if (!args.empty()) args += ", ";
    if (i == rv)
      args += (lifted->by_address ? "&" : "") + local + lifted->arg_suffix;
    else
      args += sig.params[j++].arg;
  }
  std::string body = lifted ? lifted_body(raw, args, iid, local, *lifted, sig.result)
                            : plain_body(cx, f, raw, args, iid, sig.result);
  wrap::write(cx, t, sig, body, out);
}

// ---- Dispinterface wrappers -----------------------------------------------------------------------

// The C++ type an integer or floating VARTYPE is converted to so that tlbkit::variant's matching
// constructor makes exactly that VARTYPE ("" when the value passes as it is).
std::string variant_cast_type(uint16_t v) {
  switch (v) {
    case vt::I1: return "signed char";
    case vt::UI1: return "unsigned char";
    case vt::I2: return "short";
    case vt::UI2: return "unsigned short";
    case vt::I4: return "long";
    case vt::UI4: return "unsigned long";
    case vt::I8: return "long long";
    case vt::UI8: return "unsigned long long";
    case vt::Int: return "int";
    case vt::UInt: return "unsigned int";
    case vt::R4: return "float";
    case vt::R8: return "double";
    case vt::IntPtr: return "LONG_PTR";
    case vt::UIntPtr: return "ULONG_PTR";
    default: return "";
  }
}

// An Invoke wrapper's parameter `name` of type `t`: its C++ type and the tlbkit::variant
// expression that carries it. Empty `why` on success; else why it cannot be passed.
std::string dispatch_arg(Context& cx, const model::TypeRef& t, wrap::Param& w) {
  TypeShape s = wrap::shape_of(cx, t);
  w.type = raw_type(cx, t);
  w.arg = w.name;
  const bool direct = std::holds_alternative<model::BaseType>(t.v);
  switch (s.shape) {
    case Shape::Bstr: w.type = "const ::tlbkit::bstr&"; return "";
    case Shape::Variant: w.type = "const ::tlbkit::variant&"; return "";
    case Shape::Bool: w.type = "bool"; return "";
    case Shape::Interface:
      // A coclass pointer is its default interface's pointer under another C++ type.
      if (s.coclass)
        w.arg = std::string("reinterpret_cast<") +
                (s.vt == vt::Dispatch ? "::IDispatch*>(" : "::IUnknown*>(") + w.name + ")";
      return "";
    case Shape::Enum:
      w.arg = "::tlbkit::variant::of(VT_I4, static_cast<long long>(" + w.name + "))";
      return "";
    case Shape::Scalar:
      if (s.vt == vt::Date) {
        w.arg = "::tlbkit::variant::date(" + w.name + ")";
      } else if (s.vt == vt::Error) {
        w.arg = "::tlbkit::variant::of(VT_ERROR, static_cast<long long>(" + w.name + "))";
      } else if (std::string c = variant_cast_type(s.vt);
                 !c.empty() && (!direct || s.vt == vt::I1 || s.vt == vt::IntPtr ||
                                s.vt == vt::UIntPtr)) {
        w.arg = "static_cast<" + c + ">(" + w.name + ")";
      }
      return "";
    case Shape::SafeArray:
      if (!s.vt) return "an array of a type a VARIANT cannot hold";
      w.arg = "::tlbkit::variant(" + w.name + ", " + wrap::vt_name(s.vt) + ")";
      return "";
    case Shape::Pointer:
      if (!s.pointee_vt || s.pointee == Shape::Record) return "a pointer to a type a VARIANT cannot refer to";
      w.arg = "::tlbkit::variant::by_ref(" + wrap::vt_name(s.pointee_vt) + ", " + w.name + ")";
      return "";
    case Shape::Record: return "a record passed by value";
    default:
      return "a type a VARIANT cannot hold";
  }
}

// What an Invoke wrapper returns for a result of type `t` (nullptr: none), and how the returned
// tlbkit::variant becomes it.
struct DispResult {
  std::string type = "void";
  std::string conv;  // appended to the invoke(...) expression
};

DispResult dispatch_result(Context& cx, const model::TypeRef* t) {
  DispResult r;
  if (!t) return r;
  TypeShape s = wrap::shape_of(cx, *t);
  const auto as = [&r](std::string type) {
    r.conv = ".as<" + type + ">()";
    r.type = std::move(type);
  };
  switch (s.shape) {
    case Shape::Void:
    case Shape::HResult: return r;
    case Shape::Bstr: as("::tlbkit::bstr"); return r;
    case Shape::Bool: as("bool"); return r;
    case Shape::Interface:
      if (!s.cls.empty()) {
        as("::tlbkit::com_ptr<" + s.cls + ">");
        return r;
      }
      break;
    case Shape::Enum: as(raw_type(cx, *t)); return r;
    case Shape::Scalar:
      if (s.vt != vt::Error) {
        as(raw_type(cx, *t));
        return r;
      }
      break;
    case Shape::SafeArray: as("::tlbkit::safearray"); return r;
    default: break;
  }
  // VARIANT itself, and what has no conversion (SCODE, records, pointers): the VARIANT.
  r.type = "::tlbkit::variant";
  return r;
}

const char* invoke_flags(model::InvokeKind k) {
  switch (k) {
    case model::InvokeKind::PropertyGet: return "DISPATCH_PROPERTYGET";
    case model::InvokeKind::PropertyPut: return "DISPATCH_PROPERTYPUT";
    case model::InvokeKind::PropertyPutRef: return "DISPATCH_PROPERTYPUTREF";
    default: return "DISPATCH_METHOD";
  }
}

std::string invoke_body(const std::string& dispid, const char* flags,
                        const std::vector<wrap::Param>& params, const std::string& iid,
                        const DispResult& r) {
  std::string args;
  for (const auto& p : params) args += (args.empty() ? "" : ", ") + p.arg;
  // A property get or put has a short call of its own (get_property<T>/put_property): they are
  // most of a large library's wrappers, and invoke's initializer list and .as<T>() cost the
  // compiler noticeably more per body.
  const std::string_view f = flags;
  if (f == "DISPATCH_PROPERTYGET" && params.empty()) {
    std::string t = r.conv.empty() ? "" : "<" + r.type + ">";
    std::string call = "::tlbkit::get_property" + t + "(this, " + dispid + ", " + iid + ")";
    return r.type == "void" ? "  " + call + ";\n" : "  return " + call + ";\n";
  }
  if (f == "DISPATCH_PROPERTYPUT" && params.size() == 1 && r.type == "void")
    return "  ::tlbkit::put_property(this, " + dispid + ", " + args + ", " + iid + ");\n";
  std::string call = "::tlbkit::invoke(this, " + dispid + ", " + flags + ", {" + args + "}, " +
                     iid + ")";
  if (r.type == "void") return "  " + call + ";\n";
  return "  return " + call + r.conv + ";\n";
}

void not_wrapped(Context& cx, const model::TypeInfo& t, const std::string& member,
                 const std::string& param, const std::string& why, wrap::Out& out) {
  out.decls += "  // " + member + ": no wrapper (parameter " + param + " is " + why + ").\n";
  cx.diags.warning("TK7020", wrap::where(cx),
                   t.name + "." + member + ": no dispinterface wrapper: parameter " + param +
                       " is " + why);
}

void emit_dispatch_method(Context& cx, const model::TypeInfo& t, const model::Function& f,
                          const std::string& iid, wrap::MemberNames& names, wrap::Out& out) {
  const std::string base = wrap::wrapper_base_name(cx, f);
  const model::TypeRef* result = &f.result;
  size_t rv = kNone;
  if (is_hresult(f.result)) {
    rv = retval_index(f);
    result = rv != kNone ? &*std::get<model::Pointer>(f.params[rv].type.v).pointee : nullptr;
  }
  wrap::Signature sig;
  for (size_t i = 0; i < f.params.size(); ++i) {
    const model::Param& p = f.params[i];
    // The [lcid] argument is Invoke's own lcid, not one of the arguments.
    if (i == rv || (p.flags & model::paramflag::Lcid)) continue;
    wrap::Param w;
    w.name = param_name(cx, f, i);
    if (std::string why = dispatch_arg(cx, p.type, w); !why.empty())
      return not_wrapped(cx, t, base, w.name, why, out);
    if (!(p.flags & model::paramflag::Out)) w.def = wrap::default_argument(cx, p, wrap::shape_of(cx, p.type));
    sig.params.push_back(std::move(w));
  }
  wrap::trailing_defaults(sig.params);
  DispResult r = dispatch_result(cx, result);
  sig.result = r.type;
  sig.name = names.take(base);
  wrap::write(cx, t, sig,
              invoke_body(wrap::dispid_literal(f.memid), invoke_flags(f.invkind), sig.params,
                          iid, r),
              out);
}

void emit_dispatch_property(Context& cx, const model::TypeInfo& t, const model::Variable& v,
                            const std::string& iid, wrap::MemberNames& names, wrap::Out& out) {
  const std::string base = ident(cx, v.name);
  const std::string id = wrap::dispid_literal(v.memid);
  wrap::Signature get;
  DispResult r = dispatch_result(cx, &v.type);
  get.result = r.type;
  get.name = names.take("Get" + base);
  wrap::write(cx, t, get, invoke_body(id, "DISPATCH_PROPERTYGET", {}, iid, r), out);
  if (v.flags & model::varflag::ReadOnly) return;
  wrap::Param w;
  w.name = "value";
  if (std::string why = dispatch_arg(cx, v.type, w); !why.empty())
    return not_wrapped(cx, t, "Put" + base, w.name, why, out);
  wrap::Signature put;
  put.result = "void";
  put.name = names.take("Put" + base);
  put.params.push_back(std::move(w));
  wrap::write(cx, t, put, invoke_body(id, "DISPATCH_PROPERTYPUT", put.params, iid, DispResult{}),
              out);
}

}  // namespace

void emit_interface_wrappers(Context& cx, const model::TypeInfo& t, std::string& decls,
                             std::string& defs) {
  if (cx.opts.raw_interfaces_only) return;
  const auto* d = std::get_if<model::InterfaceDef>(&t.def);
  if (!d) return;
  wrap::MemberNames names(local_name(cx, wrap::index_of(cx, t)));
  wrap::reserve_com_names(names);
  wrap::reserve_raw_names(cx, t, names);
  // Only what the core declares in the struct: a function outside the vtable, or one repeating
  // IUnknown's or IDispatch's slots, has no raw method to call.
  auto slots = function_slots(cx.lib, t, base_of(cx, cx.lib, t).slots);
  std::vector<const model::Function*> wrapped;
  for (size_t i = 0; i < d->functions.size(); ++i)
    if (slots[i] && is_virtual(d->functions[i])) wrapped.push_back(&d->functions[i]);
  if (wrapped.empty()) return;
  const std::string iid = wrap::iid_expression(t, wrap::declare_iid(cx, t, names, decls));
  wrap::Out out{decls, defs};
  for (const model::Function* f : wrapped) emit_vtable_wrapper(cx, t, *f, iid, names, out);
}

}  // namespace tlbkit::cppw

namespace tlbkit::cppw {

void emit_dispatch_wrappers(Context& cx, const model::TypeInfo& t, std::string& decls,
                            std::string& defs) {
  if (cx.opts.raw_interfaces_only) return;
  const auto* d = std::get_if<model::DispatchDef>(&t.def);
  if (!d) return;
  wrap::MemberNames names(local_name(cx, wrap::index_of(cx, t)));
  wrap::reserve_com_names(names);
  std::vector<const model::Function*> methods;
  for (const model::Function* f : wrap::dispatched_methods(cx, *d))
    if (!wrap::is_com_base_method(*f)) methods.push_back(f);
  if (methods.empty() && d->properties.empty()) return;
  const std::string iid = wrap::iid_expression(t, wrap::declare_iid(cx, t, names, decls));
  wrap::Out out{decls, defs};
  for (const model::Function* f : methods) emit_dispatch_method(cx, t, *f, iid, names, out);
  for (const model::Variable& v : d->properties) emit_dispatch_property(cx, t, v, iid, names, out);
}

}  // namespace tlbkit::cppw
