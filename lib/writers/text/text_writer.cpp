// The text view of a library: its header, then each type with kind, GUID, flags and layout, and
// its members as IDL-like declarations. Deterministic: library order, no addresses, no time.
// Layer: writers.
#include "writers/text/text_writer.h"

#include "writers/text/text_format.h"

namespace tlbkit::text {

using namespace model;

namespace {

/// Collects the attributes of one declaration: `[a, b(c)]`.
class Attrs {
 public:
  void add(std::string_view a) {
    if (a.empty()) return;
    if (!text_.empty()) text_ += ", ";
    text_ += a;
  }
  void docs(const Docs& d) {
    if (!d.helpstring.empty()) add("helpstring(" + quoted(d.helpstring) + ")");
    if (d.helpcontext) add("helpcontext(" + hex(d.helpcontext, 8) + ")");
    if (d.helpstringcontext) add("helpstringcontext(" + hex(d.helpstringcontext, 8) + ")");
  }
  void custom(const CustomData& cd) {
    for (const CustomDatum& c : cd) add("custom(" + guid_text(c.guid) + ", " + value_literal(c.value) + ")");
  }
  /// "[…] " or "" when there is nothing to say.
  std::string prefix() const { return text_.empty() ? "" : "[" + text_ + "] "; }

 private:
  std::string text_;
};

class Writer {
 public:
  Writer(const Library& lib, const LibrarySet& set) : lib_(lib), names_(lib, set), set_(set) {}

  std::string run() {
    header();
    for (const TypeInfo& t : lib_.types) type(t);
    return std::move(out_);
  }

 private:
  void line(int indent, std::string_view s) {
    out_.append(static_cast<size_t>(indent), ' ');
    out_ += s;
    out_ += '\n';
  }
  /// "  key               value", keys in one column so a header reads as a table.
  void prop(std::string_view key, std::string_view value) {
    std::string s(key);
    s.resize(std::max<size_t>(s.size() + 1, 18), ' ');
    line(2, s + std::string(value));
  }
  void docs_props(const Docs& d) {
    if (!d.helpstring.empty()) prop("helpstring", quoted(d.helpstring));
    if (d.helpcontext) prop("helpcontext", hex(d.helpcontext, 8));
    if (d.helpstringcontext) prop("helpstringcontext", hex(d.helpstringcontext, 8));
  }
  void custom_props(const CustomData& cd) {
    for (const CustomDatum& c : cd) prop("custom", guid_text(c.guid) + " = " + typed_value(c.value));
  }
  void section(std::string_view title, size_t count) {
    line(2, std::string(title) + " (" + std::to_string(count) + ")");
  }

  void header();
  void import_line(uint32_t i);
  void type(const TypeInfo& t);
  void type_props(const TypeInfo& t);
  std::string heading(const TypeInfo& t) const;
  void members(const TypeDef& def);
  std::string function(const Function& f, bool module_function) const;
  std::string param(const Param& p) const;
  std::string variable(const Variable& v, bool enum_value) const;
  std::string impl(const ImplType& i) const;

  const Library& lib_;
  TypeNamer names_;
  const LibrarySet& set_;
  std::string out_;
};

std::string version_text(Version v) {
  return std::to_string(v.major) + "." + std::to_string(v.minor);
}

void Writer::header() {
  line(0, "library " + lib_.name);
  prop("libid", lib_.libid ? guid_text(*lib_.libid) : "(none)");
  prop("version", version_text(lib_.version));
  prop("lcid", hex(lib_.lcid, 4));
  prop("syskind", syskind_name(lib_.syskind));
  prop("flags", lib_.flags ? lib_flag_names(lib_.flags) : "(none)");
  docs_props(lib_.docs);
  if (!lib_.helpfile.empty()) prop("helpfile", quoted(lib_.helpfile));
  if (!lib_.helpstringdll.empty()) prop("helpstringdll", quoted(lib_.helpstringdll));
  custom_props(lib_.custom);
  for (uint32_t i = 0; i < lib_.imports.size(); ++i) import_line(i);
  prop("types", std::to_string(lib_.types.size()));
}

void Writer::import_line(uint32_t i) {
  const ImportedLibrary& imp = lib_.imports[i];
  std::string name = imp.name;
  if (name.empty())
    if (const Library* other = set_.imported(lib_, i)) name = other->name;
  prop("import", (name.empty() ? "?" : name) + " " + guid_text(imp.libid) + " " +
                     version_text(imp.version) + " lcid " + hex(imp.lcid, 4) + " file " +
                     quoted(imp.file) + (set_.imported(lib_, i) ? "" : " (not at hand)"));
}

std::string Writer::heading(const TypeInfo& t) const {
  struct Visitor {
    const Writer& w;
    const TypeInfo& t;
    std::string bases(std::string s, const std::vector<ImplType>& bs) const {
      for (size_t i = 0; i < bs.size(); ++i) s += (i ? ", " : " : ") + w.names_.type(bs[i].type);
      return s;
    }
    std::string operator()(const EnumDef&) const { return "enum " + t.name; }
    std::string operator()(const RecordDef&) const { return "struct " + t.name; }
    std::string operator()(const UnionDef&) const { return "union " + t.name; }
    std::string operator()(const AliasDef& a) const {
      return "typedef " + w.names_.declaration(a.target, t.name);
    }
    std::string operator()(const InterfaceDef& d) const {
      return bases("interface " + t.name, d.bases);
    }
    std::string operator()(const DispatchDef& d) const {
      return bases("dispinterface " + t.name, d.bases);
    }
    std::string operator()(const CoclassDef&) const { return "coclass " + t.name; }
    std::string operator()(const ModuleDef&) const { return "module " + t.name; }
  };
  return std::visit(Visitor{*this, t}, t.def);
}

void Writer::type(const TypeInfo& t) {
  line(0, "");
  line(0, heading(t));
  type_props(t);
  members(t.def);
}

void Writer::type_props(const TypeInfo& t) {
  if (t.guid && !t.guid->is_null()) prop("guid", guid_text(*t.guid));
  if (t.flags) prop("flags", type_flag_names(t.flags));
  if (t.version.major || t.version.minor) prop("version", version_text(t.version));
  docs_props(t.docs);
  custom_props(t.custom);
  if (const auto* m = std::get_if<ModuleDef>(&t.def); m && !m->dll.empty()) prop("dll", quoted(m->dll));
  if (const auto* d = std::get_if<DispatchDef>(&t.def); d && d->wraps)
    prop("wraps", "interface " + names_.type(*d->wraps));
  const TypeLayout& l = t.layout;
  if (l.size || l.alignment || l.vtable_size) {
    std::string s = "size " + std::to_string(l.size) + ", align " + std::to_string(l.alignment);
    if (l.vtable_size) s += ", vtable " + std::to_string(l.vtable_size) + " bytes";
    prop("layout", s);
  }
}

void Writer::members(const TypeDef& def) {
  auto vars = [&](std::string_view title, const std::vector<Variable>& vs, bool enum_values) {
    if (vs.empty()) return;
    section(title, vs.size());
    for (const Variable& v : vs) line(4, variable(v, enum_values));
  };
  auto funcs = [&](std::string_view title, const std::vector<Function>& fs, bool module) {
    if (fs.empty()) return;
    section(title, fs.size());
    for (const Function& f : fs) line(4, function(f, module));
  };
  std::visit(
      [&](const auto& d) {
        using D = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<D, EnumDef>) vars("values", d.values, true);
        if constexpr (std::is_same_v<D, RecordDef> || std::is_same_v<D, UnionDef>)
          vars("fields", d.fields, false);
        if constexpr (std::is_same_v<D, InterfaceDef>) funcs("functions", d.functions, false);
        if constexpr (std::is_same_v<D, DispatchDef>) {
          vars("properties", d.properties, false);
          funcs("methods", d.methods, false);
        }
        if constexpr (std::is_same_v<D, CoclassDef>) {
          if (!d.interfaces.empty()) section("interfaces", d.interfaces.size());
          for (const ImplType& i : d.interfaces) line(4, impl(i));
        }
        if constexpr (std::is_same_v<D, ModuleDef>) {
          vars("constants", d.constants, false);
          funcs("functions", d.functions, true);
        }
      },
      def);
}

std::string_view invoke_attr(InvokeKind k) {
  switch (k) {
    case InvokeKind::Func: return "";
    case InvokeKind::PropertyGet: return "propget";
    case InvokeKind::PropertyPut: return "propput";
    case InvokeKind::PropertyPutRef: return "propputref";
  }
  return "invokekind?";
}

std::string entry_attr(const DllEntry& e) {
  if (const auto* name = std::get_if<std::string>(&e.v)) return "entry(" + quoted(*name) + ")";
  if (const auto* ord = std::get_if<uint16_t>(&e.v)) return "entry(" + std::to_string(*ord) + ")";
  return "";
}

std::string Writer::function(const Function& f, bool module_function) const {
  Attrs a;
  a.add("id(" + hex(static_cast<uint32_t>(f.memid), 8) + ")");
  a.add(invoke_attr(f.invkind));
  a.add(func_flag_names(f.flags));
  if (f.optional_count == -1) a.add("vararg");
  if (module_function) a.add(entry_attr(f.entry));
  a.docs(f.docs);
  a.custom(f.custom);
  std::string s = a.prefix() + names_.type(f.result) + " ";
  if (f.callconv != CallConv::StdCall) s += std::string(callconv_name(f.callconv)) + " ";
  s += f.name + "(";
  for (size_t i = 0; i < f.params.size(); ++i) s += (i ? ", " : "") + param(f.params[i]);
  return s + ");";
}

std::string Writer::param(const Param& p) const {
  Attrs a;
  if (p.flags & paramflag::In) a.add("in");
  if (p.flags & paramflag::Out) a.add("out");
  if (p.flags & paramflag::Lcid) a.add("lcid");
  if (p.flags & paramflag::RetVal) a.add("retval");
  if (p.flags & paramflag::Opt) a.add("optional");
  if (p.default_value) a.add("defaultvalue(" + value_literal(*p.default_value) + ")");
  // HasDefault and HasCustData only say that a default or custom data follows; both are shown.
  constexpr uint16_t kShown = paramflag::In | paramflag::Out | paramflag::Lcid |
                              paramflag::RetVal | paramflag::Opt | paramflag::HasDefault |
                              paramflag::HasCustData;
  if (uint16_t rest = static_cast<uint16_t>(p.flags & ~kShown)) a.add("paramflags(" + hex(rest) + ")");
  a.custom(p.custom);
  return a.prefix() + names_.declaration(p.type, p.name);
}

std::string Writer::variable(const Variable& v, bool enum_value) const {
  Attrs a;
  if (v.varkind == VarKind::Dispatch) a.add("id(" + hex(static_cast<uint32_t>(v.memid), 8) + ")");
  a.add(var_flag_names(v.flags));
  a.docs(v.docs);
  a.custom(v.custom);
  std::string value = v.value ? value_literal(*v.value) : "?";
  if (enum_value) return a.prefix() + v.name + " = " + value;
  switch (v.varkind) {
    case VarKind::Const:
      return a.prefix() + "const " + names_.declaration(v.type, v.name) + " = " + value + ";";
    case VarKind::Static: return a.prefix() + "static " + names_.declaration(v.type, v.name) + ";";
    case VarKind::PerInstance:
      return a.prefix() + names_.declaration(v.type, v.name) + ";  // offset " +
             std::to_string(v.offset);
    case VarKind::Dispatch: break;
  }
  return a.prefix() + names_.declaration(v.type, v.name) + ";";
}

std::string Writer::impl(const ImplType& i) const {
  Attrs a;
  a.add(impl_flag_names(i.flags));
  a.custom(i.custom);
  return a.prefix() + std::string(names_.interface_keyword(i.type)) + " " + names_.type(i.type) + ";";
}

}  // namespace

std::string write_text(const Library& lib, const LibrarySet& set) { return Writer(lib, set).run(); }

}  // namespace tlbkit::text
