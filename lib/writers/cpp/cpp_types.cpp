// The C++ writer's type spelling: what a UserType refers to (this library, another library at
// hand, stdole mapped to the SDK, a stand-in for a library not at hand) and C declarators for
// fields, parameters and aliases. Layer: writers.
#include <algorithm>
#include <array>
#include <utility>

#include "writers/cpp/cpp_core.h"

namespace tlbkit::cppw {
namespace {

/// stdole's types that the Windows SDK headers declare themselves (checked against MinGW-w64's
/// ocidl.h/olectl.h/oaidl.h: each compiles as `using X = ::<sdk>;`), sorted by stdole name.
/// The dispinterfaces Font, Picture and FontEvents are the SDK's IFontDisp, IPictureDisp and
/// IFontEventsDisp; the coclasses StdFont and StdPicture stand for their default interfaces.
constexpr std::array<std::pair<std::string_view, std::string_view>, 34> kStdoleSdk = {{
    {"DISPPARAMS", "::DISPPARAMS"},
    {"EXCEPINFO", "::EXCEPINFO"},
    {"Font", "::IFontDisp"},
    {"FontEvents", "::IFontEventsDisp"},
    {"GUID", "::GUID"},
    {"IDispatch", "::IDispatch"},
    {"IEnumVARIANT", "::IEnumVARIANT"},
    {"IFont", "::IFont"},
    {"IFontDisp", "::IFontDisp"},
    {"IFontEventsDisp", "::IFontEventsDisp"},
    {"IPicture", "::IPicture"},
    {"IPictureDisp", "::IPictureDisp"},
    {"IUnknown", "::IUnknown"},
    {"OLE_CANCELBOOL", "::OLE_CANCELBOOL"},
    {"OLE_COLOR", "::OLE_COLOR"},
    {"OLE_ENABLEDEFAULTBOOL", "::OLE_ENABLEDEFAULTBOOL"},
    {"OLE_HANDLE", "::OLE_HANDLE"},
    {"OLE_OPTEXCLUSIVE", "::OLE_OPTEXCLUSIVE"},
    {"OLE_TRISTATE", "::OLE_TRISTATE"},
    {"OLE_XPOS_CONTAINER", "::OLE_XPOS_CONTAINER"},
    {"OLE_XPOS_HIMETRIC", "::OLE_XPOS_HIMETRIC"},
    {"OLE_XPOS_PIXELS", "::OLE_XPOS_PIXELS"},
    {"OLE_XSIZE_CONTAINER", "::OLE_XSIZE_CONTAINER"},
    {"OLE_XSIZE_HIMETRIC", "::OLE_XSIZE_HIMETRIC"},
    {"OLE_XSIZE_PIXELS", "::OLE_XSIZE_PIXELS"},
    {"OLE_YPOS_CONTAINER", "::OLE_YPOS_CONTAINER"},
    {"OLE_YPOS_HIMETRIC", "::OLE_YPOS_HIMETRIC"},
    {"OLE_YPOS_PIXELS", "::OLE_YPOS_PIXELS"},
    {"OLE_YSIZE_CONTAINER", "::OLE_YSIZE_CONTAINER"},
    {"OLE_YSIZE_HIMETRIC", "::OLE_YSIZE_HIMETRIC"},
    {"OLE_YSIZE_PIXELS", "::OLE_YSIZE_PIXELS"},
    {"Picture", "::IPictureDisp"},
    {"StdFont", "::IFontDisp"},
    {"StdPicture", "::IPictureDisp"},
}};

bool is_interface_kind(model::TypeKind k) {
  return k == model::TypeKind::Interface || k == model::TypeKind::Dispatch;
}

std::string qualify(const std::string& ns, const std::string& name) {
  return ns.empty() ? "::" + name : "::" + ns + "::" + name;
}

Target stand_in(bool under_pointer) {
  Target r;
  r.missing = true;
  r.cpp = under_pointer ? "::IUnknown" : "int32_t";
  r.kind = under_pointer ? model::TypeKind::Interface : model::TypeKind::Enum;
  return r;
}

/// Which type of a library not at hand a reference names: by name when the reader knew it, else
/// by GUID or index (a typelib refers to another library's types by those alone).
std::string missing_key(const model::UserType& ref) {
  std::string key = (ref.import ? std::to_string(*ref.import) : std::string("local")) + ":";
  if (!ref.name.empty()) return key + ref.name;
  if (ref.guid) return key + ref.guid->to_string();
  return key + "#" + (ref.index ? std::to_string(*ref.index) : std::string("?"));
}

struct UseScan {
  CoreState& c;
  void walk(const model::TypeRef& t, bool out, int pointers) {
    if (auto* p = std::get_if<model::Pointer>(&t.v)) return walk(*p->pointee, out, pointers + 1);
    if (auto* a = std::get_if<model::CArray>(&t.v)) return walk(*a->element, out, pointers);
    if (auto* s = std::get_if<model::SafeArray>(&t.v)) return walk(*s->element, false, 0);
    if (auto* u = std::get_if<model::UserType>(&t.v)) {
      bool& v = c.value_like[missing_key(*u)];
      v = v || pointers == 0 || (pointers == 1 && out);
    }
  }
  void function(const model::Function& f) {
    walk(f.result, false, 0);
    for (const model::Param& p : f.params) walk(p.type, p.flags & model::paramflag::Out, 0);
  }
  void vars(const std::vector<model::Variable>& vs) {
    for (const model::Variable& v : vs) walk(v.type, false, 0);
  }
  void type(const model::TypeInfo& t) {
    if (auto* i = std::get_if<model::InterfaceDef>(&t.def))
      for (const auto& f : i->functions) function(f);
    if (auto* d = std::get_if<model::DispatchDef>(&t.def)) {
      for (const auto& f : d->methods) function(f);
      vars(d->properties);
    }
    if (auto* m = std::get_if<model::ModuleDef>(&t.def)) {
      for (const auto& f : m->functions) function(f);
      vars(m->constants);
    }
    if (auto* r = std::get_if<model::RecordDef>(&t.def)) vars(r->fields);
    if (auto* un = std::get_if<model::UnionDef>(&t.def)) vars(un->fields);
    if (auto* a = std::get_if<model::AliasDef>(&t.def)) walk(a->target, false, 0);
  }
};

/// The stand-in for a type not at hand: one spelling for every use of it in this library, so a
/// raw method and the wrapper calling it agree (see CoreState::value_like).
Target stand_in_for(Context& cx, const model::Library& from, const model::UserType& ref,
                    bool under_pointer) {
  if (&from != &cx.lib) return stand_in(under_pointer);
  CoreState& c = core(cx);
  if (!c.scanned) {
    c.scanned = true;
    UseScan scan{c};
    for (const model::TypeInfo& t : cx.lib.types) scan.type(t);
  }
  auto it = c.value_like.find(missing_key(ref));
  bool value = it != c.value_like.end() ? it->second : !under_pointer;
  Target r = stand_in(!value);
  // A value of unknown size behind a pointer ([out] Size*): void*, never a pointer to a 4-byte
  // stand-in the callee would write past.
  if (value && under_pointer) r.cpp = "void";
  return r;
}

void warn_missing(Context& cx, const model::Library& from, const model::UserType& ref) {
  const std::string type = !ref.name.empty() ? "'" + ref.name + "'"
                           : ref.guid        ? "the type " + ref.guid->to_string()
                           : ref.index       ? "type #" + std::to_string(*ref.index)
                                             : std::string("a type");
  if (!ref.import || *ref.import >= from.imports.size()) {
    // A reference into the library itself that leads nowhere (a damaged or partial library).
    if (!cx.warned.insert("TK7001:" + from.name + ":" + ref.name).second) return;
    cx.diags.warning("TK7001", {},
                     type + " of " + from.name + " itself cannot be found: it is a stand-in in " +
                         header_name(cx.lib));
    return;
  }
  const model::ImportedLibrary& imp = from.imports[*ref.import];
  if (!cx.warned.insert("TK7001:" + imp.libid.to_string()).second) return;
  const std::string what = (imp.name.empty() ? "" : imp.name + " ") + imp.libid.to_string() +
                           " " + std::to_string(imp.version.major) + "." +
                           std::to_string(imp.version.minor) +
                           (imp.file.empty() ? "" : " (" + imp.file + ")");
  cx.diags.warning("TK7001", {},
                   "library " + what + " is not at hand (give it with --tlb-path or --reference): "
                   "its types are stand-ins in " + header_name(cx.lib) + " (the first: " + type +
                   " of that library)");
}

const char* base_spelling(uint16_t vt) {
  namespace v = model::vt;
  switch (vt) {
    case v::I1: return "CHAR";
    case v::UI1: return "BYTE";
    case v::I2: return "SHORT";
    case v::UI2: return "USHORT";
    case v::I4: return "LONG";
    case v::UI4: return "ULONG";
    case v::Int: return "INT";
    case v::UInt: return "UINT";
    case v::I8: return "LONGLONG";
    case v::UI8: return "ULONGLONG";
    case v::R4: return "FLOAT";
    case v::R8: return "DOUBLE";
    case v::Cy: return "CY";
    case v::Date: return "DATE";
    case v::Bstr: return "BSTR";
    case v::Error: return "SCODE";
    case v::Bool: return "VARIANT_BOOL";
    case v::Variant: return "VARIANT";
    case v::Decimal: return "DECIMAL";
    case v::HResult: return "HRESULT";
    case v::LpStr: return "LPSTR";
    case v::LpWStr: return "LPWSTR";
    case v::IntPtr: return "INT_PTR";
    case v::UIntPtr: return "UINT_PTR";
    case v::FileTime: return "FILETIME";
    case v::Blob: case v::BlobObject: return "BLOB";
    case v::Clsid: return "CLSID";
    default: return nullptr;
  }
}

struct Spell {
  Context& cx;
  const model::Library& lib;
  bool* approx;
  bool abstract_ok;

  /// `inner` is the declarator so far ("x", "*x", "(*x)[4]"); `under_pointer`: reached
  /// through a pointer (an incomplete or abstract type is fine there).
  std::string operator()(const model::TypeRef& t, const std::string& inner,
                         bool under_pointer) const {
    if (auto* b = std::get_if<model::BaseType>(&t.v)) return leaf(base(b->vt), inner);
    if (auto* p = std::get_if<model::Pointer>(&t.v)) {
      if (std::holds_alternative<model::CArray>(p->pointee->v))
        return (*this)(*p->pointee, "(*" + inner + ")", true);
      return (*this)(*p->pointee, "*" + inner, true);
    }
    if (std::holds_alternative<model::SafeArray>(t.v))
      return leaf(sdk(cx, "SAFEARRAY") + "*", inner);
    if (auto* a = std::get_if<model::CArray>(&t.v)) {
      std::string dims;
      for (const model::ArrayBound& b : a->bounds) dims += "[" + std::to_string(b.count) + "]";
      if (a->bounds.empty()) dims = "[1]", *approx = true;
      return (*this)(*a->element, inner + dims, under_pointer);
    }
    const auto& u = std::get<model::UserType>(t.v);
    Target r = resolve_from(cx, lib, u, under_pointer);
    if (r.missing && !under_pointer) *approx = true;
    std::string s = r.cpp;
    if (!under_pointer && !abstract_ok && !r.missing && is_interface_kind(r.kind)) s += "*";
    return leaf(s, inner);
  }

  std::string base(uint16_t vt) const {
    namespace v = model::vt;
    if (vt == v::Void) return "void";
    if (vt == v::Dispatch) return "::IDispatch*";
    if (vt == v::Unknown) return "::IUnknown*";
    if (vt == v::Stream || vt == v::StreamedObject) return "::IStream*";
    if (vt == v::Storage || vt == v::StoredObject) return "::IStorage*";
    if (vt & v::Array) return sdk(cx, "SAFEARRAY") + "*";
    if (vt & v::ByRef) return base(static_cast<uint16_t>(vt & ~v::ByRef)) + "*";
    if (const char* s = base_spelling(vt)) return sdk(cx, s);
    *approx = true;  // EMPTY, NULL, VT_RECORD, vectors, …: no C type of known size
    return "int32_t";
  }

  static std::string leaf(const std::string& type, const std::string& inner) {
    size_t stars = 0;
    while (stars < inner.size() && inner[stars] == '*') ++stars;
    std::string out = type + inner.substr(0, stars);
    if (stars < inner.size()) {
      out += inner[stars] == '[' ? "" : " ";
      out += inner.substr(stars);
    }
    return out;
  }
};

}  // namespace

model::TypeKind kind_of(const model::TypeInfo& t) {
  struct V {
    model::TypeKind operator()(const model::EnumDef&) const { return model::TypeKind::Enum; }
    model::TypeKind operator()(const model::RecordDef&) const { return model::TypeKind::Record; }
    model::TypeKind operator()(const model::UnionDef&) const { return model::TypeKind::Union; }
    model::TypeKind operator()(const model::AliasDef&) const { return model::TypeKind::Alias; }
    model::TypeKind operator()(const model::InterfaceDef&) const {
      return model::TypeKind::Interface;
    }
    model::TypeKind operator()(const model::DispatchDef&) const {
      return model::TypeKind::Dispatch;
    }
    model::TypeKind operator()(const model::CoclassDef&) const { return model::TypeKind::Coclass; }
    model::TypeKind operator()(const model::ModuleDef&) const { return model::TypeKind::Module; }
  };
  return std::visit(V{}, t.def);
}

bool is_stdole(const model::Library& lib) { return lib.libid && *lib.libid == model::stdole_libid(); }

std::string_view stdole_sdk_name(std::string_view name) {
  auto it = std::lower_bound(kStdoleSdk.begin(), kStdoleSdk.end(), name,
                             [](const auto& e, std::string_view n) { return e.first < n; });
  return it != kStdoleSdk.end() && it->first == name ? it->second : std::string_view();
}

bool is_excluded(const Context& cx, std::string_view name) {
  return std::find(cx.opts.excludes.begin(), cx.opts.excludes.end(), name) !=
         cx.opts.excludes.end();
}

bool declared_here(const Context& cx, uint32_t index) {
  const model::TypeInfo& t = cx.lib.types.at(index);
  if (is_excluded(cx, t.name)) return false;
  return !(is_stdole(cx.lib) && !stdole_sdk_name(t.name).empty());
}

std::string sdk(Context& cx, std::string_view name) {
  if (cx.opts.no_namespace) return std::string(name);
  const LibNames& n = names_of(cx, cx.lib);
  return n.taken.count(std::string(name)) ? "::" + std::string(name) : std::string(name);
}

Found find_type(Context& cx, const model::Library& from, const model::UserType& ref) {
  model::LibrarySet::Found f = cx.set.resolve(from, ref);
  if (!f.type) return {};
  // Another copy of the library being written (a self-import, or the set's own copy): its
  // types are this header's.
  if (f.library != &cx.lib && f.library->libid && cx.lib.libid &&
      *f.library->libid == *cx.lib.libid && f.library->version == cx.lib.version &&
      f.index < cx.lib.types.size())
    return {&cx.lib, &cx.lib.types[f.index], f.index};
  return {f.library, f.type, f.index};
}

namespace {

/// The final kind through aliases, and for a coclass its default interface's target.
Target classify(Context& cx, Found f, bool under_pointer, int depth);

Target stdole_target(Context& cx, Found f, const std::string& name, bool under_pointer,
                     int depth) {
  std::string_view sdk_name = stdole_sdk_name(name);
  if (!sdk_name.empty()) {
    Target r;
    r.stdole = true;
    r.lib = f.lib;
    r.type = f.type;
    r.cpp = std::string(sdk_name);
    bool record = name == "GUID" || name == "DISPPARAMS" || name == "EXCEPINFO";
    bool iface = (!name.empty() && name[0] == 'I') || name == "Font" || name == "Picture" || name == "FontEvents" ||
                 name == "StdFont" || name == "StdPicture";
    r.kind = record ? model::TypeKind::Record
             : iface ? model::TypeKind::Interface
             : name == "OLE_TRISTATE" ? model::TypeKind::Enum
                                      : model::TypeKind::Alias;
    return r;
  }
  if (!f.type || depth > 16) return stand_in(under_pointer);
  if (auto* a = std::get_if<model::AliasDef>(&f.type->def)) {
    // FONTNAME, FONTSIZE, …: spelled as what they stand for.
    bool approx = false;
    Target r;
    r.stdole = true;
    r.lib = f.lib;
    r.type = f.type;
    r.cpp = Spell{cx, *f.lib, &approx, true}(a->target, "", under_pointer);
    r.kind = model::TypeKind::Alias;
    if (auto* u = std::get_if<model::UserType>(&a->target.v)) {
      Target inner = stdole_target(cx, find_type(cx, *f.lib, *u), u->name, under_pointer,
                                   depth + 1);
      r.kind = inner.kind;
    }
    return r;
  }
  if (std::holds_alternative<model::EnumDef>(f.type->def)) {
    Target r;
    r.stdole = true;
    r.lib = f.lib;
    r.type = f.type;
    r.cpp = "int32_t";  // LoadPictureConstants: no SDK declaration; enums are 32-bit
    r.kind = model::TypeKind::Enum;
    return r;
  }
  return stand_in(under_pointer);
}

Target classify(Context& cx, Found f, bool under_pointer, int depth) {
  Target r;
  r.lib = f.lib;
  r.type = f.type;
  r.cpp = qualify(namespace_of(cx, *f.lib), names_of(cx, *f.lib).types.at(f.index));
  r.kind = kind_of(*f.type);
  if (depth > 16) return r;
  if (auto* a = std::get_if<model::AliasDef>(&f.type->def)) {
    if (auto* u = std::get_if<model::UserType>(&a->target.v)) {
      Target inner = resolve_from(cx, *f.lib, *u, under_pointer);
      r.kind = inner.kind == model::TypeKind::Coclass ? model::TypeKind::Interface : inner.kind;
    }
    return r;
  }
  if (auto* c = std::get_if<model::CoclassDef>(&f.type->def)) {
    // A coclass used as a type is its default interface, as the runtime treats it.
    const model::ImplType* def = nullptr;
    for (const model::ImplType& i : c->interfaces)
      if (!(i.flags & model::implflag::Source) && (i.flags & model::implflag::Default)) {
        def = &i;
        break;
      }
    for (const model::ImplType& i : c->interfaces)
      if (!def && !(i.flags & model::implflag::Source)) def = &i;
    if (def)
      if (auto* u = std::get_if<model::UserType>(&def->type.v)) {
        Target inner = resolve_from(cx, *f.lib, *u, true);
        if (!inner.missing && inner.type != f.type) {
          inner.kind = model::TypeKind::Interface;
          return inner;
        }
      }
    r.cpp = "::IUnknown";
    r.kind = model::TypeKind::Interface;
    return r;
  }
  return r;
}

}  // namespace

Target resolve_from(Context& cx, const model::Library& from, const model::UserType& ref,
                    bool under_pointer) {
  bool stdole_ref = ref.import ? (*ref.import < from.imports.size() &&
                                  from.imports[*ref.import].libid == model::stdole_libid())
                               : is_stdole(from);
  Found f = find_type(cx, from, ref);
  if (stdole_ref) return stdole_target(cx, f, f.type ? f.type->name : ref.name, under_pointer, 0);
  if (!f.type) {
    warn_missing(cx, from, ref);
    return stand_in_for(cx, from, ref, under_pointer);
  }
  CoreState& c = core(cx);
  if (!c.alias_guard.insert(f.type).second) return stand_in(under_pointer);  // an alias cycle
  Target r = classify(cx, f, under_pointer, 0);
  c.alias_guard.erase(f.type);
  if (f.lib == &cx.lib && is_excluded(cx, f.type->name)) {
    // As #import's exclude(): the type is declared elsewhere (the SDK's headers, the user's
    // own), at global scope under its library name; an interface is reached as IUnknown.
    if (r.kind == model::TypeKind::Interface || r.kind == model::TypeKind::Dispatch ||
        r.kind == model::TypeKind::Coclass)
      return stand_in_for(cx, from, ref, under_pointer);
    r.cpp = "::" + f.type->name;
  }
  return r;
}

Target resolve(Context& cx, const model::UserType& ref) {
  return resolve_from(cx, cx.lib, ref, true);
}

std::string declare_in(Context& cx, const model::Library& from, const model::TypeRef& t,
                       std::string_view name, bool* approx, bool abstract_ok) {
  bool dummy = false;
  if (!approx) approx = &dummy;
  if (auto* b = std::get_if<model::BaseType>(&t.v); b && b->vt == model::vt::Void && !abstract_ok) {
    *approx = true;  // a field of type void: no C++ member has that type
    return "int32_t " + std::string(name);
  }
  return Spell{cx, from, approx, abstract_ok}(t, std::string(name), false);
}

std::string declare(Context& cx, const model::TypeRef& t, std::string_view name) {
  return declare_in(cx, cx.lib, t, name, nullptr);
}

std::string raw_type(Context& cx, const model::TypeRef& t) {
  bool approx = false;
  Spell s{cx, cx.lib, &approx, false};
  if (auto* a = std::get_if<model::CArray>(&t.v)) {
    // An array parameter is a pointer to its first element (for a multi-dimensional array, to
    // its first row).
    if (a->bounds.size() <= 1) return s(*a->element, "*", true);
    model::CArray rest{a->element, std::vector<model::ArrayBound>(a->bounds.begin() + 1,
                                                                  a->bounds.end())};
    return s(model::TypeRef{rest}, "(*)", true);
  }
  return s(t, "", false);
}

std::string param_type(Context& cx, const model::TypeRef& t) {
  std::string s = raw_type(cx, t);
  return s == "void" ? "void*" : s;
}

}  // namespace tlbkit::cppw
