// The C++ writer's coclass creators and event sinks (see cpp_emit.h and cpp-spec's "Coclass" and
// "Event sink"): a coclass struct with its CLSID, default interface, create() and events; a sink
// class per [source] interface forwarding each event to a std::function. Layer: writers.
#include <algorithm>
#include <optional>
#include <set>
#include <utility>
#include <variant>
#include <vector>

#include "writers/cpp/cpp_core.h"
#include "writers/cpp/cpp_emit.h"
#include "writers/cpp/cpp_wrap_common.h"
#include "writers/cpp/cpp_wrap_sig.h"

namespace tlbkit::cppw {

using wrap::Shape;
using wrap::TypeShape;

namespace {

namespace implflag = model::implflag;

// ---- Coclass ------------------------------------------------------------------------------------

// The coclass's [default] interface of the given kind (source or not): the one flagged default,
// else the first, as the runtime picks it.
const model::ImplType* pick(const model::CoclassDef& c, bool source) {
  const model::ImplType* first = nullptr;
  for (const auto& i : c.interfaces) {
    if (((i.flags & implflag::Source) != 0) != source) continue;
    if (i.flags & implflag::Default) return &i;
    if (!first) first = &i;
  }
  return first;
}

// ---- Event sinks ----------------------------------------------------------------------------------

// The type an event callback receives a dispinterface event's argument as (event_arg<T>).
std::string event_arg_type(Context& cx, const model::TypeRef& t) {
  TypeShape s = wrap::shape_of(cx, t);
  switch (s.shape) {
    case Shape::Bstr: return "::tlbkit::bstr";
    case Shape::Bool: return "bool";
    case Shape::Interface:
      if (!s.cls.empty()) return "::tlbkit::com_ptr<" + s.cls + ">";
      break;
    case Shape::Enum: return raw_type(cx, t);
    case Shape::Scalar:
      if (s.vt != model::vt::Error) return raw_type(cx, t);
      break;
    case Shape::Pointer:
      // By reference: the caller's variable, when event_arg can check its VARTYPE.
      if (s.pointee_vt && s.pointee != Shape::Record &&
          !(s.pointee == Shape::Interface && s.pointee_coclass))
        return raw_type(cx, t);
      break;
    case Shape::SafeArray: return "::tlbkit::safearray";
    default: break;
  }
  return "::tlbkit::variant";
}

// One event: its setter, the member holding the callback, and the callback's type.
struct Event {
  std::string setter, member, function_type;
};

Event name_event(Context& cx, wrap::MemberNames& names, const model::Function& f,
                 const std::string& result, const std::vector<std::string>& args) {
  Event e;
  const std::string base = ident(cx, f.name);
  e.setter = names.take("on_" + base);
  e.member = names.take("m_" + base);
  e.function_type = "std::function<" + result + "(";
  for (size_t i = 0; i < args.size(); ++i) e.function_type += (i ? ", " : "") + args[i];
  e.function_type += ")>";
  return e;
}

std::string setter_text(const Event& e) {
  return "  void " + e.setter + "(" + e.function_type + " callback) { " + e.member +
         " = std::move(callback); }\n";
}

std::string members_text(const std::vector<Event>& events) {
  std::string out = events.empty() ? "" : " private:\n";
  for (const auto& e : events) out += "  " + e.function_type + " " + e.member + ";\n";
  return out;
}

std::string advise_text(const std::string& name) {
  return "  ::tlbkit::connection " + name +
         "(::IUnknown* source) { return ::tlbkit::connection(source, sink_iid(), this); }\n";
}

void reserve_sink_names(wrap::MemberNames& names) {
  wrap::reserve_com_names(names);
  for (const char* n : {"on_invoke", "sink_iid", "dispatch_sink", "sink_base"}) names.reserve(n);
}

// A sink for a dispinterface: dispatch_sink whose on_invoke switches over the DISPIDs.
void dispatch_sink(Context& cx, const model::TypeInfo& t, const model::DispatchDef& d,
                   const std::string& sink, std::string& decls) {
  wrap::MemberNames names(sink);
  reserve_sink_names(names);
  const std::string advise = names.take("advise");
  std::vector<Event> events;
  std::string setters, cases;
  std::set<int32_t> seen;
  for (const model::Function* f : wrap::dispatched_methods(cx, d)) {
    // Two events with one DISPID would be two equal case labels: the first one is kept.
    if (wrap::is_com_base_method(*f) || f->invkind != model::InvokeKind::Func ||
        !seen.insert(f->memid).second)
      continue;
    size_t rv = wrap::is_hresult(f->result) ? wrap::retval_index(*f) : wrap::kNone;
    const auto* res = std::get_if<model::BaseType>(&f->result.v);
    const bool returns = rv != wrap::kNone ||
                         !(res && (res->vt == model::vt::Void || res->vt == model::vt::HResult));
    std::vector<std::string> types;
    std::string call_args;
    for (size_t i = 0; i < f->params.size(); ++i) {
      if (i == rv || (f->params[i].flags & model::paramflag::Lcid)) continue;
      types.push_back(event_arg_type(cx, f->params[i].type));
      call_args += (call_args.empty() ? "" : ", ") + std::string("::tlbkit::event_arg<") +
                   types.back() + ">(params, " + std::to_string(types.size() - 1) + ")";
    }
    Event e = name_event(cx, names, *f, returns ? "::tlbkit::variant" : "void", types);
    setters += setter_text(e);
    cases += "      case " + wrap::dispid_literal(f->memid) + ":\n";
    if (returns)
      cases += "        if (" + e.member + ") {\n          ::tlbkit::variant value = " + e.member +
               "(" + call_args + ");\n          if (result) *result = value.detach();\n        }\n";
    else
      cases += "        if (" + e.member + ") " + e.member + "(" + call_args + ");\n";
    cases += "        return S_OK;\n";
    events.push_back(std::move(e));
  }
  decls += "class " + sink + " : public ::tlbkit::dispatch_sink {\n public:\n  " + sink +
           "() : ::tlbkit::dispatch_sink(" + "::tlbkit::uuid_of<" +
           qualified(cx, wrap::index_of(cx, t)) + ">::value) {}\n" + setters +
           advise_text(advise) +
           " protected:\n"
           "  HRESULT on_invoke(DISPID id, WORD flags, DISPPARAMS* params, VARIANT* result) "
           "override {\n"
           "    (void)flags;\n    (void)params;\n    (void)result;\n"
           "    switch (id) {\n" + cases +
           "      default:\n        return DISP_E_MEMBERNOTFOUND;\n    }\n  }\n" +
           members_text(events) + "};\n";
}

// The interfaces a vtable sink implements, most derived first, and whether the chain ends at
// IDispatch. Empty `why` when every slot of the struct the core declares can be overridden here:
// the chain stays in this library down to IUnknown or IDispatch, every method is a __stdcall
// virtual one, and the slots leave no gap (the core fills gaps with methods the sink cannot know).
struct Chain {
  std::vector<const model::TypeInfo*> types;
  std::vector<std::vector<std::optional<uint32_t>>> slots;  // function_slots of each type
  bool dispatch = false;
  std::string why;
};

Chain vtable_chain(Context& cx, const model::TypeInfo& t) {
  Chain c;
  const model::TypeInfo* type = &t;
  std::vector<uint32_t> used;
  while (c.types.size() < 64) {
    const auto* d = std::get_if<model::InterfaceDef>(&type->def);
    if (!d) return c.why = "its base is not an interface", c;
    BaseInfo b = base_of(cx, cx.lib, *type);
    auto slots = function_slots(cx.lib, *type, b.slots);
    for (size_t i = 0; i < d->functions.size(); ++i) {
      const model::Function& f = d->functions[i];
      if (!slots[i]) continue;
      if (f.callconv != model::CallConv::StdCall)
        return c.why = "method " + comment_text(f.name) + " is not __stdcall", c;
      used.push_back(*slots[i]);
    }
    c.types.push_back(type);
    c.slots.push_back(std::move(slots));
    if (!b.type || is_stdole(*b.lib)) {
      if (b.cpp != "::IUnknown" && b.cpp != "::IDispatch")
        return c.why = "its base " + b.cpp + " is not IUnknown or IDispatch", c;
      c.dispatch = b.cpp == "::IDispatch";
      std::sort(used.begin(), used.end());
      for (size_t i = 0; i < used.size(); ++i)
        if (used[i] != b.slots + i)
          return c.why = "its vtable has slots the library does not describe", c;
      return c;
    }
    // A base of another library would be spelled relative to that library: not overridden here.
    if (b.lib != &cx.lib) return c.why = "its base " + b.cpp + " is in another library", c;
    type = b.type;
  }
  c.why = "its bases form a cycle";
  return c;
}

std::string vtable_override(Context& cx, const model::TypeInfo& owner, const model::Function& f,
                            const Event& e) {
  std::string params, args;
  for (size_t i = 0; i < f.params.size(); ++i) {
    const std::string n = param_name(cx, f, i);
    params += (i ? ", " : "") + raw_type(cx, f.params[i].type) + " " + n;
    args += (i ? ", " : "") + n;
  }
  const std::string call = e.member + "(" + args + ")";
  std::string out = "  " + raw_type(cx, f.result) + " STDMETHODCALLTYPE " +
                    raw_method_name(cx, owner, f) + "(" + params + ") override {\n";
  if (wrap::is_hresult(f.result)) {
    // The event source must never see a C++ exception: it becomes a failed HRESULT.
    out += "    try {\n      if (" + e.member + ") " + call +
           ";\n    } catch (...) {\n      return E_FAIL;\n    }\n    return S_OK;\n";
  } else if (wrap::shape_of(cx, f.result).shape == Shape::Void) {
    out += "    if (" + e.member + ") " + call + ";\n";
  } else {
    out += "    return " + e.member + " ? " + call + " : " + raw_type(cx, f.result) + "{};\n";
  }
  return out + "  }\n";
}

// IDispatch's methods for a sink of an interface derived from it (a dual one). No type
// information; Invoke calls the raw method of the DISPID, its arguments converted by event_arg.
constexpr const char* kDispatchInfoStubs =
    "  HRESULT STDMETHODCALLTYPE GetTypeInfoCount(UINT* count) override {\n"
    "    if (count) *count = 0;\n    return S_OK;\n  }\n"
    "  HRESULT STDMETHODCALLTYPE GetTypeInfo(UINT, LCID, ::ITypeInfo** out) override {\n"
    "    if (out) *out = nullptr;\n    return E_NOTIMPL;\n  }\n"
    "  HRESULT STDMETHODCALLTYPE GetIDsOfNames(REFIID, LPOLESTR*, UINT, LCID, DISPID*) override {\n"
    "    return E_NOTIMPL;\n  }\n";

// The case of `f` in the dual sink's Invoke, or "" when an argument has a type event_arg cannot
// give as the raw method takes it (VARIANT or a record by value, an array), or the method
// returns something else than an HRESULT.
std::string invoke_case(Context& cx, const model::TypeInfo& owner, const model::Function& f) {
  if (!wrap::is_hresult(f.result)) return "";
  std::string args;
  for (size_t i = 0; i < f.params.size(); ++i) {
    const model::Param& p = f.params[i];
    if (p.flags & (model::paramflag::Lcid | model::paramflag::RetVal)) return "";
    TypeShape s = wrap::shape_of(cx, p.type);
    bool ok = false;
    switch (s.shape) {
      case Shape::Bstr: case Shape::Bool: case Shape::Enum: ok = true; break;
      case Shape::Scalar: ok = s.vt != model::vt::Error; break;
      case Shape::Interface: ok = !s.cls.empty(); break;
      case Shape::Pointer:
        ok = s.pointee_vt && s.pointee != Shape::Record && !s.pointee_coclass;
        break;
      default: break;
    }
    if (!ok) return "";
    args += std::string(i ? ", " : "") + "::tlbkit::event_arg<" + raw_type(cx, p.type) +
            ">(params, " + std::to_string(i) + ")";
  }
  return "        case " + wrap::dispid_literal(f.memid) + ":\n          return this->" +
         raw_method_name(cx, owner, f) + "(" + args + ");\n";
}

std::string dual_invoke(const std::string& cases) {
  return "  HRESULT STDMETHODCALLTYPE Invoke(DISPID id, REFIID, LCID, WORD, DISPPARAMS* params, "
         "VARIANT*, EXCEPINFO*, UINT*) override {\n"
         "    (void)params;\n"
         "    try {\n"
         "      switch (id) {\n" + cases +
         "        default:\n          return DISP_E_MEMBERNOTFOUND;\n      }\n"
         "    } catch (const ::tlbkit::com_error& e) {\n      return e.hresult();\n"
         "    } catch (...) {\n      return E_FAIL;\n    }\n  }\n";
}

// A sink for a vtable interface: sink_base<X> overriding each raw method to call its callback.
void vtable_sink(Context& cx, const model::TypeInfo& t, const std::string& sink,
                 std::string& decls) {
  Chain chain = vtable_chain(cx, t);
  if (!chain.why.empty()) {
    decls += "// " + sink + ": no event sink (" + chain.why + ").\n";
    cx.diags.warning("TK7021", wrap::where(cx),
                     t.name + ": no event sink: " + chain.why);
    return;
  }
  wrap::MemberNames names(sink);
  reserve_sink_names(names);
  for (size_t k = 0; k < chain.types.size(); ++k) {
    const auto& fs = std::get<model::InterfaceDef>(chain.types[k]->def).functions;
    for (size_t i = 0; i < fs.size(); ++i)
      if (chain.slots[k][i]) names.reserve(raw_method_name(cx, *chain.types[k], fs[i]));
  }
  const std::string advise = names.take("advise");
  std::vector<Event> events;
  std::string setters, overrides, cases;
  std::set<int32_t> seen;
  for (size_t k = chain.types.size(); k-- > 0;) {
    const model::TypeInfo& owner = *chain.types[k];
    const auto& fs = std::get<model::InterfaceDef>(owner.def).functions;
    for (size_t i = 0; i < fs.size(); ++i) {
      if (!chain.slots[k][i]) continue;  // IUnknown's or IDispatch's own, declared again
      const model::Function& f = fs[i];
      std::vector<std::string> types;
      for (const auto& p : f.params) types.push_back(raw_type(cx, p.type));
      const std::string result = wrap::is_hresult(f.result) ? "void" : raw_type(cx, f.result);
      Event e = name_event(cx, names, f, result, types);
      setters += setter_text(e);
      overrides += vtable_override(cx, owner, f, e);
      // Two methods with one DISPID would be two equal case labels: the first one is kept.
      if (chain.dispatch && f.memid != model::kMemberIdNil && !seen.count(f.memid))
        if (std::string c = invoke_case(cx, owner, f); !c.empty()) {
          seen.insert(f.memid);
          cases += c;
        }
      events.push_back(std::move(e));
    }
  }
  const std::string iface = qualified(cx, wrap::index_of(cx, t));
  decls += "class " + sink + " : public ::tlbkit::sink_base<" + iface + "> {\n public:\n  " +
           sink + "() : ::tlbkit::sink_base<" + iface + ">(::tlbkit::uuid_of<" + iface +
           ">::value) {}\n" + setters + advise_text(advise) + overrides +
           (chain.dispatch ? kDispatchInfoStubs + dual_invoke(cases) : "") + members_text(events) + "};\n";
}

}  // namespace

void emit_coclass(Context& cx, const model::TypeInfo& t, std::string& decls, std::string& defs) {
  const auto* c = std::get_if<model::CoclassDef>(&t.def);
  if (!c) return;
  const std::string name = local_name(cx, wrap::index_of(cx, t));
  wrap::MemberNames names(name);
  std::string members, events, clsid;
  if (t.guid) {
    clsid = names.take("clsid");
    members += "  static constexpr ::GUID " + clsid + " = " + guid_initializer(*t.guid) + ";\n";
  }
  if (const model::ImplType* def = pick(*c, false)) {
    const auto* u = std::get_if<model::UserType>(&def->type.v);
    Target tg = u ? resolve(cx, *u) : Target{};
    const bool known = u && !tg.missing && !tg.cpp.empty() &&
                       (tg.kind == model::TypeKind::Interface ||
                        tg.kind == model::TypeKind::Dispatch);
    if (known) {
      members += "  using " + names.take("default_interface") + " = " + tg.cpp + ";\n";
      // A [noncreatable] coclass (no TYPEFLAG_FCANCREATE) is only handed out by other objects.
      if (!cx.opts.raw_interfaces_only && !clsid.empty() &&
          (t.flags & model::typeflag::CanCreate)) {
        const std::string ptr = "::tlbkit::com_ptr<" + tg.cpp + ">";
        const std::string create = names.take("create");
        members += "  static " + ptr + " " + create + "(DWORD context = CLSCTX_ALL);\n";
        defs += "inline " + ptr + " " + name + "::" + create + "(DWORD context) {\n  return " +
                ptr + "::create(" + clsid + ", context);\n}\n";
      }
    }
  }
  if (const model::ImplType* src = pick(*c, true); src && !cx.opts.raw_interfaces_only) {
    const auto* u = std::get_if<model::UserType>(&src->type.v);
    if (u && !u->import) {
      auto found = cx.set.resolve(cx.lib, *u);
      const bool sinkable = found.type && found.library == &cx.lib &&
                            (!std::holds_alternative<model::InterfaceDef>(found.type->def) ||
                             vtable_chain(cx, *found.type).why.empty());
      if (sinkable)
        if (auto it = cx.sink_names.find(found.index); it != cx.sink_names.end())
          events = "  using " + names.take("events") + " = " + it->second + ";\n";
    }
  }
  // `events` names a sink class: the core writes the sinks before the coclasses.
  decls += "struct " + name + " {\n" + members + events + "};\n";
}

void emit_event_sink(Context& cx, const model::TypeInfo& t, std::string& decls, std::string&) {
  if (cx.opts.raw_interfaces_only) return;
  auto it = cx.sink_names.find(wrap::index_of(cx, t));
  if (it == cx.sink_names.end()) return;
  if (const auto* d = std::get_if<model::DispatchDef>(&t.def))
    dispatch_sink(cx, t, *d, it->second, decls);
  else if (std::holds_alternative<model::InterfaceDef>(t.def))
    vtable_sink(cx, t, it->second, decls);
}

}  // namespace tlbkit::cppw
