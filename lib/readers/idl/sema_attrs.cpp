// The IDL reader's attributes: GUIDs, versions, help, custom data, and the TYPEFLAGS, FUNCFLAGS
// and VARFLAGS each attribute sets, as widl records them. Layer: readers.
#include "readers/idl/sema_internal.h"

namespace tlbkit::idl::sema {

namespace m = tlbkit::model;

const ast::Attr* Sema::find_attr(const ast::Attrs& attrs, std::string_view name) {
  for (const ast::Attr& a : attrs) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

std::optional<m::Guid> Sema::attr_guid(const ast::Attrs& attrs, const Unit* u) {
  const ast::Attr* a = find_attr(attrs, "uuid");
  if (!a || a->args.empty()) return std::nullopt;
  std::optional<m::Guid> g = m::Guid::parse(a->args.front().text);
  if (!g) {
    error(u, a->pos, "TK5220", "bad uuid '" + a->args.front().text + "'");
  }
  return g;
}

std::optional<std::string> Sema::attr_string(const ast::Attrs& attrs, std::string_view name) {
  const ast::Attr* a = find_attr(attrs, name);
  if (!a || a->args.empty()) return std::nullopt;
  return a->args.front().text;
}

std::optional<int64_t> Sema::attr_int(const ast::Attrs& attrs, std::string_view name,
                                      const Unit* u) {
  const ast::Attr* a = find_attr(attrs, name);
  if (!a || a->args.empty()) return std::nullopt;
  return eval_int(a->args.front(), u);
}

// version(1.2) reaches sema as one number "1.2" (or "1" alone): major before the dot, minor after.
m::Version Sema::attr_version(const ast::Attrs& attrs) {
  m::Version v;
  const ast::Attr* a = find_attr(attrs, "version");
  if (!a || a->args.empty()) return v;
  const std::string& t = a->args.front().text;
  size_t dot = t.find('.');
  auto num = [](const std::string& s) {
    uint32_t x = 0;
    for (char c : s) {
      if (c < '0' || c > '9') break;
      x = x * 10 + static_cast<uint32_t>(c - '0');
      if (x > 0xffff) return uint16_t{0xffff};
    }
    return static_cast<uint16_t>(x);
  };
  v.major = num(t.substr(0, dot));
  if (dot != std::string::npos) v.minor = num(t.substr(dot + 1));
  return v;
}

// custom(guid, value): widl stores an integer as VT_I4 and a string as VT_BSTR.
m::CustomData Sema::attr_custom(const ast::Attrs& attrs, const Unit* u) {
  m::CustomData out;
  for (const ast::Attr& a : attrs) {
    if (a.name != "custom") continue;
    if (a.args.size() != 2) {
      error(u, a.pos, "TK5221", "custom() takes a GUID and a value");
      continue;
    }
    std::optional<m::Guid> g = m::Guid::parse(a.args[0].text);
    if (!g) {
      error(u, a.pos, "TK5220", "bad uuid '" + a.args[0].text + "' in custom()");
      continue;
    }
    std::optional<CValue> v = eval(a.args[1], u);
    if (!v) continue;
    m::CustomDatum d;
    d.guid = *g;
    if (v->is_string) {
      d.value.vt = m::vt::Bstr;
      d.value.data = v->s;
    } else if (v->is_float) {
      d.value.vt = m::vt::R8;
      d.value.data = v->d;
    } else {
      d.value.vt = m::vt::I4;
      d.value.data = static_cast<int64_t>(static_cast<int32_t>(static_cast<uint32_t>(v->i)));
    }
    out.push_back(std::move(d));
  }
  return out;
}

m::Docs Sema::attr_docs(const ast::Attrs& attrs, const Unit* u) {
  m::Docs d;
  if (auto s = attr_string(attrs, "helpstring")) d.helpstring = *s;
  if (auto c = attr_int(attrs, "helpcontext", u)) d.helpcontext = static_cast<uint32_t>(*c);
  if (auto c = attr_int(attrs, "helpstringcontext", u)) {
    d.helpstringcontext = static_cast<uint32_t>(*c);
  }
  return d;
}

uint16_t Sema::type_flags(const ast::Attrs& attrs, m::TypeKind kind) {
  namespace tf = m::typeflag;
  uint16_t f = kind == m::TypeKind::Coclass ? tf::CanCreate : 0;
  for (const ast::Attr& a : attrs) {
    const std::string& n = a.name;
    bool coclass = kind == m::TypeKind::Coclass;
    if (n == "aggregatable" && coclass) f |= tf::Aggregatable;
    else if (n == "appobject" && coclass) f |= tf::AppObject;
    else if (n == "control" && coclass) f |= tf::Control;
    else if (n == "dual") f |= tf::Dual | tf::OleAutomation;
    else if (n == "hidden") f |= tf::Hidden;
    else if (n == "licensed") f |= tf::Licensed;
    else if (n == "noncreatable") f = static_cast<uint16_t>(f & ~tf::CanCreate);
    else if (n == "nonextensible") f |= tf::NonExtensible;
    else if (n == "oleautomation") f |= tf::OleAutomation;
    else if (n == "proxy") f |= tf::Proxy;
    else if (n == "restricted") f |= tf::Restricted;
  }
  return f;
}

uint16_t Sema::func_flags(const ast::Attrs& attrs) {
  namespace ff = m::funcflag;
  uint16_t f = 0;
  for (const ast::Attr& a : attrs) {
    const std::string& n = a.name;
    if (n == "bindable") f |= ff::Bindable;
    else if (n == "defaultbind") f |= ff::DefaultBind;
    else if (n == "defaultcollelem") f |= ff::DefaultCollelem;
    else if (n == "displaybind") f |= ff::DisplayBind;
    else if (n == "hidden") f |= ff::Hidden;
    else if (n == "immediatebind") f |= ff::ImmediateBind;
    else if (n == "nonbrowsable") f |= ff::NonBrowsable;
    else if (n == "requestedit") f |= ff::RequestEdit;
    else if (n == "restricted") f |= ff::Restricted;
    else if (n == "source") f |= ff::Source;
    else if (n == "uidefault") f |= ff::UiDefault;
    else if (n == "usesgetlasterror") f |= ff::UsesGetLastError;
  }
  return f;
}

uint16_t Sema::var_flags(const ast::Attrs& attrs) {
  namespace vf = m::varflag;
  uint16_t f = 0;
  for (const ast::Attr& a : attrs) {
    const std::string& n = a.name;
    if (n == "bindable") f |= vf::Bindable;
    else if (n == "defaultbind") f |= vf::DefaultBind;
    else if (n == "defaultcollelem") f |= vf::DefaultCollelem;
    else if (n == "displaybind") f |= vf::DisplayBind;
    else if (n == "hidden") f |= vf::Hidden;
    else if (n == "immediatebind") f |= vf::ImmediateBind;
    else if (n == "nonbrowsable") f |= vf::NonBrowsable;
    else if (n == "readonly") f |= vf::ReadOnly;
    else if (n == "requestedit") f |= vf::RequestEdit;
    else if (n == "restricted") f |= vf::Restricted;
    else if (n == "source") f |= vf::Source;
    else if (n == "uidefault") f |= vf::UiDefault;
  }
  return f;
}

namespace {
/// Attributes allowed on a library, a coclass and a module (widl's "inapplicable attribute"
/// error otherwise). custom() on a coclass is allowed as MIDL allows it (widl refuses it), so a
/// typelib written as IDL compiles again.
bool allowed(std::string_view where, std::string_view attr) {
  static constexpr std::string_view kLibrary[] = {
      "uuid", "version", "lcid", "helpstring", "helpcontext", "helpfile", "helpstringdll",
      "helpstringcontext", "control", "hidden", "restricted", "custom", "id"};
  static constexpr std::string_view kCoclass[] = {
      "uuid", "version", "helpstring", "helpcontext", "helpfile", "helpstringcontext",
      "helpstringdll", "aggregatable", "appobject", "control", "hidden", "licensed",
      "noncreatable", "restricted", "threading", "progid", "vi_progid", "default",
      "custom", "marshaling_behavior", "contract", "activatable", "static", "composable",
      "deprecated"};
  static constexpr std::string_view kModule[] = {
      "uuid", "version", "helpstring", "helpcontext", "helpfile", "helpstringcontext",
      "helpstringdll", "dllname", "hidden", "restricted", "custom"};
  auto in = [&](const auto& list) {
    for (std::string_view s : list) {
      if (s == attr) return true;
    }
    return false;
  };
  // Interfaces and typedefs take many attributes: refuse only those that belong to a member,
  // a parameter, a coclass or a module (widl's "inapplicable attribute").
  static constexpr std::string_view kMemberOnly[] = {
      "propget", "propput", "propputref", "in", "out", "retval", "optional", "defaultvalue",
      "vararg", "entry", "readonly", "bindable", "displaybind", "defaultbind", "requestedit",
      "immediatebind", "defaultcollelem", "usesgetlasterror", "size_is", "length_is",
      "switch_is", "iid_is", "aggregatable", "appobject", "noncreatable", "licensed"};
  static constexpr std::string_view kInterfaceToo[] = {"dllname"};
  static constexpr std::string_view kTypedefToo[] = {"dllname", "dual", "oleautomation",
                                                     "object", "odl"};
  if (where == "library") return in(kLibrary);
  if (where == "coclass") return in(kCoclass);
  if (where == "module") return in(kModule);
  if (where == "interface") return !in(kMemberOnly) && !in(kInterfaceToo);
  if (where == "typedef") return !in(kMemberOnly) && !in(kTypedefToo);
  return true;
}
}  // namespace

void Sema::check_attrs(const ast::Attrs& attrs, const char* where, const Unit* u) {
  for (const ast::Attr& a : attrs) {
    if (!allowed(where, a.name)) {
      std::string w(where);
      const char* article = w[0] == 'i' ? "an " : "a ";
      error(u, a.pos, "TK5202", "attribute '" + a.name + "' is not allowed on " + article + w);
    }
  }
}

}  // namespace tlbkit::idl::sema
