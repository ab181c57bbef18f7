// Writes a library as IDL: the plan (which declarations must precede the library block so that
// every name is declared before use, while each type is still declared at its own place in the
// library so the compiler numbers the types in the same order), the prelude of OLE Automation
// names, type spelling and the library block. Layer: writers.
#include "writers/idl/idl_writer.h"

#include <algorithm>

#include "writers/idl/idl_emit.h"
#include "writers/idl/idl_text.h"

namespace tlbkit::idlw {

using namespace model;

// ---- Attrs -----------------------------------------------------------------------------------

namespace {
// widl defines __WIDL__ and MIDL __midl; tlbkit's reader defines both (it reads Wine's headers
// as widl does), and takes every attribute MIDL takes, so it reads the MIDL side.
constexpr std::string_view kWidl = "defined(__WIDL__) && !defined(__midl)";
constexpr std::string_view kNotWidl = "!defined(__WIDL__) || defined(__midl)";

std::string joined(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}
}  // namespace

std::string Attrs::inline_text() const {
  auto one = [](const std::vector<std::string>& v) { return v.empty() ? "" : "[" + joined(v, ", ") + "] "; };
  if (widl_ == other_) return one(other_);
  if (widl_.empty()) return "\n#if " + std::string(kNotWidl) + "\n" + one(other_) + "\n#endif\n";
  return "\n#if " + std::string(kWidl) + "\n" + one(widl_) + "\n#else\n" + one(other_) + "\n#endif\n";
}

std::string Attrs::block_text(const std::string& indent) const {
  auto one = [&](const std::vector<std::string>& v) -> std::string {
    if (v.empty()) return "";
    return indent + "[\n" + indent + "  " + joined(v, ",\n" + indent + "  ") + "\n" + indent + "]\n";
  };
  if (widl_ == other_) return one(other_);
  if (widl_.empty()) return "#if " + std::string(kNotWidl) + "\n" + one(other_) + "#endif\n";
  return "#if " + std::string(kWidl) + "\n" + one(widl_) + "#else\n" + one(other_) + "#endif\n";
}

// ---- Problems and spelling -------------------------------------------------------------------

void Emitter::problem(const std::string& what, const std::string& message) {
  diags_.error("TK6001", support::Location::in_file(lib_.name), what + ": " + message);
}

std::string Emitter::ident(const std::string& name, const std::string& what) {
  if (!usable_identifier(name))
    problem(what, "the name '" + name + "' cannot be written as an IDL identifier");
  return name;
}

std::string Emitter::str(const std::string& text, const std::string& what) {
  std::string bad;
  if (auto s = string_literal(text, &bad)) return *s;
  problem(what, "the text holds " + bad + ", which has no Windows-1252 byte for IDL");
  return "\"\"";
}

std::string Emitter::literal(const Value& v, const std::string& what) {
  if (auto s = value_literal(v)) return *s;
  problem(what, "the constant (VARTYPE " + std::to_string(v.vt) + ") has no IDL literal");
  return "0";
}

void Emitter::docs(Attrs& a, const Docs& d, Place at, const std::string& what) {
  // widl 8.0 takes no help attributes on enum values, struct fields or dispinterface properties.
  bool ok = at != Place::EnumValue && at != Place::Field && at != Place::Property;
  if (!d.helpstring.empty()) a.add("helpstring(" + str(d.helpstring, what + " helpstring") + ")", ok);
  if (d.helpcontext) a.add("helpcontext(" + hex32(d.helpcontext) + ")", ok);
  if (d.helpstringcontext) a.add("helpstringcontext(" + hex32(d.helpstringcontext) + ")", ok);
}

void Emitter::custom(Attrs& a, const CustomData& cd, Place at, const std::string& what) {
  // widl 8.0 takes no custom() on a coclass or an enum value.
  bool ok = at != Place::Coclass && at != Place::EnumValue;
  for (const CustomDatum& c : cd) {
    std::string g = c.guid.to_string();  // "{…}"; custom() takes the bare form
    a.add("custom(" + g.substr(1, g.size() - 2) + ", " + literal(c.value, what + " custom data") + ")", ok);
  }
}

const TypeInfo* Emitter::local(const UserType& u, size_t* index) const {
  if (u.import) return nullptr;
  if (u.index && *u.index < lib_.types.size()) {
    if (index) *index = *u.index;
    return &lib_.types[*u.index];
  }
  for (size_t i = 0; i < lib_.types.size(); ++i)
    if (lib_.types[i].name == u.name) {
      if (index) *index = i;
      return &lib_.types[i];
    }
  return nullptr;
}

namespace {
/// The tag keyword a local type needs before its typedef is declared, or "" when its plain name
/// is already declared (interfaces and coclasses are declared ahead of the library block).
const char* tag_keyword(const TypeDef& d) {
  if (std::holds_alternative<RecordDef>(d)) return "struct ";
  if (std::holds_alternative<UnionDef>(d)) return "union ";
  if (std::holds_alternative<EnumDef>(d)) return "enum ";
  return "";
}
}  // namespace

std::string Emitter::type(const TypeRef& r) {
  if (const auto* b = std::get_if<BaseType>(&r.v)) {
    std::string_view n = vt::idl_name(b->vt);
    if (n.empty()) {
      problem("type", "VARTYPE " + std::to_string(b->vt) + " has no IDL spelling");
      return "void";
    }
    return std::string(n);
  }
  if (const auto* p = std::get_if<Pointer>(&r.v)) {
    if (std::holds_alternative<CArray>(p->pointee->v)) problem("type", "a pointer to a C array has no IDL spelling");
    return type(*p->pointee) + "*";
  }
  if (const auto* s = std::get_if<SafeArray>(&r.v)) return "SAFEARRAY(" + type(*s->element) + ")";
  if (const auto* a = std::get_if<CArray>(&r.v)) {
    problem("type", "a C array is only written as a declaration");
    return type(*a->element);
  }
  const auto& u = std::get<UserType>(r.v);
  size_t idx = 0;
  if (const TypeInfo* t = local(u, &idx)) {
    bool declared = !at_file_scope_ && idx < current_;
    return (declared ? "" : tag_keyword(t->def)) + t->name;
  }
  return u.name.empty() ? "void" : u.name;
}

std::string Emitter::declaration(const TypeRef& r, const std::string& name) {
  const auto* a = std::get_if<CArray>(&r.v);
  if (!a) return name.empty() ? type(r) : type(r) + " " + name;
  std::string s = type(*a->element) + " " + name;
  for (const ArrayBound& b : a->bounds) {
    if (b.lower != 0) problem(name, "a C array with lower bound " + std::to_string(b.lower) + " has no IDL spelling");
    // A conformant array (`T a[]`, sized at run time) is recorded with count 0.
    s += b.count ? "[" + std::to_string(b.count) + "]" : "[]";
  }
  return s;
}

// ---- Plan ------------------------------------------------------------------------------------

void Emitter::scan_ref(size_t from, const TypeRef& r, bool under_pointer, bool as_base,
                       int32_t inherited_slots) {
  if (const auto* p = std::get_if<Pointer>(&r.v)) return scan_ref(from, *p->pointee, true, false, -1);
  if (const auto* s = std::get_if<SafeArray>(&r.v)) return scan_ref(from, *s->element, under_pointer, false, -1);
  if (const auto* a = std::get_if<CArray>(&r.v)) return scan_ref(from, *a->element, under_pointer, false, -1);
  const auto* u = std::get_if<UserType>(&r.v);
  if (!u) return;
  if (!u->import) {
    size_t idx = 0;
    if (const TypeInfo* t = local(*u, &idx); t && idx > from && std::holds_alternative<AliasDef>(t->def))
      hoisted_.insert(idx);
    return;
  }
  used_imports_.insert(*u->import);
  if (u->name.empty()) {
    // Reported once per library: the cause is that library not being at hand.
    if (unnamed_imports_.insert(*u->import).second) {
      std::string file = *u->import < lib_.imports.size() ? lib_.imports[*u->import].file : "?";
      problem("import " + file, "types of this library are referred to without their names (is it at "
                                "hand to resolve them?); IDL names an imported type by its name");
    }
    return;
  }
  auto [it, fresh] = imported_.try_emplace(u->name);
  if (fresh) imported_order_.push_back(u->name);
  if (under_pointer || as_base) it->second.interface_like = true;
  if (u->name == "GUID" && *u->import < lib_.imports.size() && lib_.imports[*u->import].libid == stdole_libid())
    it->second.stdole_guid = true;
  if (as_base) it->second.base_slots = std::max(it->second.base_slots, inherited_slots);
}

void Emitter::scan_type(size_t i, const TypeInfo& t) {
  const uint32_t ptr = lib_.syskind == SysKind::Win64 ? 8 : 4;  // vtable slot size per SYSKIND
  auto funcs = [&](const std::vector<Function>& fs) {
    for (const Function& f : fs) {
      scan_ref(i, f.result, false, false, -1);
      for (const Param& p : f.params) scan_ref(i, p.type, false, false, -1);
    }
  };
  auto vars = [&](const std::vector<Variable>& vs) {
    for (const Variable& v : vs) scan_ref(i, v.type, false, false, -1);
  };
  std::visit(
      [&](const auto& d) {
        using D = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<D, RecordDef> || std::is_same_v<D, UnionDef>) vars(d.fields);
        if constexpr (std::is_same_v<D, AliasDef>) scan_ref(i, d.target, false, false, -1);
        if constexpr (std::is_same_v<D, InterfaceDef>) {
          // Slots the base brings: the first own method's slot, or the whole table's size.
          int32_t slots = d.functions.empty() ? int32_t{t.layout.vtable_size} / int32_t(ptr)
                                              : d.functions.front().vtable_offset / int32_t(ptr);
          for (const ImplType& b : d.bases) scan_ref(i, b.type, false, true, slots);
          funcs(d.functions);
        }
        if constexpr (std::is_same_v<D, DispatchDef>) {
          // Its base (IDispatch) is implied by the keyword and never written: not scanned.
          if (d.wraps) scan_ref(i, *d.wraps, true, false, -1);
          funcs(d.methods);
          vars(d.properties);
        }
        if constexpr (std::is_same_v<D, CoclassDef>)  // widl wants these defined, not only named
          for (const ImplType& c : d.interfaces) scan_ref(i, c.type, true, true, 3);
        if constexpr (std::is_same_v<D, ModuleDef>) {
          funcs(d.functions);
          vars(d.constants);
        }
      },
      t.def);
}

void Emitter::plan() {
  for (const TypeInfo& t : lib_.types)
    if (!local_names_.insert(t.name).second)
      problem("type " + t.name, "two types of the library have this name; IDL cannot declare both");
  for (size_t i = 0; i < lib_.types.size(); ++i) scan_type(i, lib_.types[i]);
  for (const std::string& n : imported_order_)
    if (local_names_.count(n))
      problem("imported type " + n, "a type of this library has the same name; IDL names both alike");
}

// ---- Before the library block ----------------------------------------------------------------

void Emitter::prelude() {
  // OLE Automation's base types, declared as small stand-ins rather than by importing the SDK's
  // oaidl.idl, so the output compiles on its own and cannot clash with a library's own names.
  // The compilers know these types by name: the stand-ins' contents are never written.
  struct Item {
    const char* name;
    const char* text;
  };
  static constexpr Item kItems[] = {
      {"HRESULT", "typedef long HRESULT;"},
      {"SCODE", "typedef long SCODE;"},
      {"VARIANT_BOOL", "typedef short VARIANT_BOOL;"},
      {"DATE", "typedef double DATE;"},
      {"CURRENCY", "typedef struct tlbkit_CURRENCY { hyper value; } CURRENCY;"},
      {"DECIMAL", "typedef struct tlbkit_DECIMAL { hyper lo; hyper hi; } DECIMAL;"},
      {"VARIANT", "typedef struct tlbkit_VARIANT { hyper lo; hyper hi; } VARIANT;"},
      {"BSTR", "typedef [string] wchar_t *BSTR;"},
      {"LPSTR", "typedef [string] char *LPSTR;"},
      {"LPWSTR", "typedef [string] wchar_t *LPWSTR;"},
  };
  line("// OLE Automation's types, known to the compilers by name.");
  for (const Item& it : kItems)
    if (!local_names_.count(it.name)) line(it.text);
}

void Emitter::prelude_interfaces() {
  // IUnknown and IDispatch: only their vtable sizes (3 and 7 slots) matter when they are
  // imported from stdole; a library that defines them itself declares them in its block.
  // When stdole is importlib'd only widl needs these stand-ins: MIDL and tlbkit find an
  // importlib'd library's interfaces there by name, whereas a stand-in named in a coclass would
  // be copied into the library as a local interface (widl copies it anyway: a widl bug,
  // recorded where it shows). Without stdole every compiler needs them.
  bool stdole = false;
  for (uint32_t i : used_imports_) stdole = stdole || lib_.imports[i].libid == stdole_libid();
  if (stdole) line("#if " + std::string(kWidl));
  if (!local_names_.count("IUnknown"))
    line("[odl, uuid(00000000-0000-0000-C000-000000000046)] interface IUnknown {\n"
         "  HRESULT QueryInterface(); unsigned long AddRef(); unsigned long Release();\n};");
  if (!local_names_.count("IDispatch"))
    line("[odl, uuid(00020400-0000-0000-C000-000000000046)] interface IDispatch : IUnknown {\n"
         "  HRESULT GetTypeInfoCount(); HRESULT GetTypeInfo(); HRESULT GetIDsOfNames();\n"
         "  HRESULT Invoke();\n};");
  if (stdole) line("#endif");
}

void Emitter::imported_declarations() {
  // Interfaces stand in for widl only (see prelude_interfaces); other types for every compiler.
  std::string widl_only;
  bool any = false;
  for (const std::string& n : imported_order_) {
    if (n == "IUnknown" || n == "IDispatch" || local_names_.count(n)) continue;
    if (!any) line("\n// Types of the imported libraries, found there by name.");
    any = true;
    const Imported& im = imported_.at(n);
    std::string name = ident(n, "imported type " + n);
    if (im.stdole_guid) {
      // widl lays out a record holding a GUID by value from this stand-in (a GUID is a DWORD,
      // two WORDs and eight bytes: 16 bytes, aligned 4); an interface stand-in would give it a
      // pointer's size (activeds.tlb's tagTYPEATTR: 64 bytes instead of 76).
      widl_only += "typedef struct tlbkit_GUID { long Data1; short Data2; short Data3; unsigned char Data4[8]; } GUID;\n";
    } else if (im.base_slots >= 0) {
      // A base needs its methods counted: the derived interface's slots start after them. (A
      // coclass's interface needs a definition too; IUnknown's three slots then serve.)
      std::string s = "[odl] interface " + name + " : IUnknown {";
      for (int32_t k = 3; k < im.base_slots; ++k) s += " HRESULT tlbkit_slot" + std::to_string(k) + "();";
      widl_only += s + " };\n";
    } else if (im.interface_like) {
      widl_only += "interface " + name + ";\n";
    } else {
      line("typedef [public] long " + name + ";");
    }
  }
  if (!widl_only.empty()) out_ += "#if " + std::string(kWidl) + "\n" + widl_only + "#endif\n";
}

void Emitter::emit_hoisted(size_t index, std::set<size_t>& done) {
  if (!done.insert(index).second) return;
  const auto& a = std::get<AliasDef>(lib_.types[index].def);
  // An alias naming another local alias needs that one declared first.
  const TypeRef* r = &a.target;
  while (true) {
    if (const auto* p = std::get_if<Pointer>(&r->v)) r = &*p->pointee;
    else if (const auto* s = std::get_if<SafeArray>(&r->v)) r = &*s->element;
    else if (const auto* c = std::get_if<CArray>(&r->v)) r = &*c->element;
    else break;
  }
  if (const auto* u = std::get_if<UserType>(&r->v)) {
    size_t idx = 0;
    if (const TypeInfo* t = local(*u, &idx); t && std::holds_alternative<AliasDef>(t->def)) {
      hoisted_.insert(idx);
      emit_hoisted(idx, done);
    }
  }
  type_decl(index);
}

void Emitter::hoisted_aliases() {
  if (hoisted_.empty()) return;
  line("\n// Aliases used before their place in the library.");
  at_file_scope_ = true;
  std::set<size_t> done;
  for (size_t i : std::set<size_t>(hoisted_)) emit_hoisted(i, done);
  at_file_scope_ = false;
}

// ---- The library block -----------------------------------------------------------------------

std::string Emitter::import_file(const ImportedLibrary& imp) {
  // OLE Automation's library is found under the names it ships with today, whatever an old
  // library recorded ("STDOLE.TLB", "STDOLE2.TLB"): file names are case-sensitive off Windows,
  // and stdole 1.0's 16-bit file name has no 32/64-bit file behind it.
  if (imp.libid == stdole_libid()) return imp.version.major >= 2 ? "stdole2.tlb" : "stdole32.tlb";
  if (imp.file.empty()) problem("import " + imp.name, "the imported library records no file name");
  return imp.file;
}

void Emitter::library_block() {
  Attrs a;
  if (lib_.libid) {
    std::string g = lib_.libid->to_string();
    a.add("uuid(" + g.substr(1, g.size() - 2) + ")");
  }
  a.add("version(" + std::to_string(lib_.version.major) + "." + std::to_string(lib_.version.minor) + ")");
  if (lib_.lcid) a.add("lcid(" + std::to_string(lib_.lcid) + ")");
  docs(a, lib_.docs, Place::Library, "library");
  if (!lib_.helpfile.empty()) a.add("helpfile(" + str(lib_.helpfile, "library helpfile") + ")");
  if (!lib_.helpstringdll.empty()) a.add("helpstringdll(" + str(lib_.helpstringdll, "library helpstringdll") + ")");
  if (lib_.flags & libflag::Control) a.add("control");
  if (lib_.flags & libflag::Hidden) a.add("hidden");
  if (lib_.flags & libflag::Restricted) a.add("restricted");
  custom(a, lib_.custom, Place::Library, "library");
  out_ += "\n" + a.block_text("");
  line("library " + ident(lib_.name, "library") + "\n{");
  for (uint32_t i = 0; i < lib_.imports.size(); ++i) {
    // The compilers look names up in every importlib first: an import no type refers to could
    // only capture a local type of the same name (and they record none), so it stays a comment.
    std::string text = "importlib(" + str(import_file(lib_.imports[i]), "importlib") + ");";
    line(used_imports_.count(i) ? "  " + text : "  // " + text + "  (recorded, but no type refers to it)");
  }
  for (current_ = 0; current_ < lib_.types.size(); ++current_) {
    if (hoisted_.count(current_)) continue;
    out_ += "\n";
    type_decl(current_);
  }
  line("};");
}

std::string Emitter::run() {
  plan();
  line("// IDL written by tlbkit from the type library " + lib_.name + ".");
  line("");
  prelude();
  // Interfaces, dispinterfaces and coclasses may be named before their definition.
  bool any = false;
  for (const TypeInfo& t : lib_.types) {
    const char* kw = std::holds_alternative<InterfaceDef>(t.def)  ? "interface"
                     : std::holds_alternative<DispatchDef>(t.def) ? "dispinterface"
                     : std::holds_alternative<CoclassDef>(t.def)  ? "coclass"
                                                                  : nullptr;
    if (!kw) continue;
    if (!any) line("\n// The library's interfaces, named here so that any may refer to any.");
    any = true;
    line(std::string(kw) + " " + ident(t.name, "type " + t.name) + ";");
  }
  prelude_interfaces();
  imported_declarations();
  hoisted_aliases();
  library_block();
  // Attribute lists split for widl leave blanks at line ends; no string holds a line break, so
  // trimming them changes nothing a compiler reads.
  std::string trimmed;
  trimmed.reserve(out_.size());
  for (char c : out_) {
    if (c == '\n')
      while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
    trimmed += c;
  }
  return trimmed;
}

std::string write_idl(const Library& lib, support::DiagEngine& diags) {
  return Emitter(lib, diags).run();
}

std::string write_idl(const Library& lib) {
  support::DiagEngine diags;
  std::string idl = write_idl(lib, diags);
  if (!diags.has_errors()) return idl;
  // Without a diagnostics engine the problems go into the text, where the compiler stops on them.
  std::string head;
  for (const auto& d : diags.all()) head += "#error " + d.message + "\n";
  return head + idl;
}

}  // namespace tlbkit::idlw
