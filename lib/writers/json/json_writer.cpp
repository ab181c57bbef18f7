// Writes model::Library as the JSON interop descriptor described by schemas/tlbkit.schema.json.
// Every field of the model is written, or omitted only where it holds the default the JSON
// reader restores, so a descriptor reads back into an identical model. Constants are spelled by
// name (flags as lists of names, VARTYPEs as "I4", kinds as "propget"); a value without a name
// is kept as its number so nothing is lost. Library and types are spread over lines; each
// member (function, variable, implemented interface) is one line, so that a grep finds a whole
// signature and a large library stays a few times the size of its typelib. Layer: writers.
#include "writers/json/json_writer.h"

#include <algorithm>
#include <functional>
#include <type_traits>
#include <variant>

#include "model/automation_names.h"
#include "tlbformat/json_descriptor.h"
#include "writers/json/json_emitter.h"

namespace tlbkit::json {

namespace {
using namespace model;
namespace nm = model::names;

static_assert(std::variant_size_v<TypeDef> == 8, "a new kind needs a name in def_kinds()");

class Writer {
 public:
  explicit Writer(std::string& out) : e_(out) {}
  void library(const Library& lib);

 private:
  Emitter e_;

  // ---- Constants -------------------------------------------------------------------------------
  /// A flags word as the names of its bits, in bit order; bits without a name are kept as one
  /// number at the end of the list.
  void flags(std::string_view key, uint16_t value, std::span<const nm::Named> table) {
    if (value == 0) return;
    e_.key(key);
    e_.begin_array(true);
    uint16_t rest = value;
    for (const nm::Named& n : table) {
      if ((value & n.value) == 0) continue;
      e_.string(n.name);
      rest = static_cast<uint16_t>(rest & ~n.value);
    }
    if (rest != 0) e_.integer(rest);
    e_.end_array();
  }
  /// An enumeration by name, or by number when it has none.
  void named(uint16_t value, std::span<const nm::Named> table) {
    std::string_view n = nm::name_of(table, value);
    if (n.empty())
      e_.integer(value);
    else
      e_.string(n);
  }
  void named(std::string_view key, uint16_t value, std::span<const nm::Named> table) {
    e_.key(key);
    named(value, table);
  }
  void version(std::string_view key, const Version& v) {
    e_.key(key);
    e_.string(std::to_string(v.major) + "." + std::to_string(v.minor));
  }
  void guid(std::string_view key, const std::optional<Guid>& g) {
    if (!g) return;
    e_.key(key);
    e_.string(g->to_string());
  }
  void text(std::string_view key, const std::string& s) {
    if (s.empty()) return;
    e_.key(key);
    e_.string(s);
  }
  void number(std::string_view key, int64_t v, bool always = false) {
    if (v == 0 && !always) return;
    e_.key(key);
    e_.integer(v);
  }

  // ---- Values, docs, custom data -----------------------------------------------------------
  /// The members of a Value: "vt", then its datum under a key naming the datum's kind.
  void value_members(const Value& v) {
    named("vt", v.vt, nm::vartypes());
    if (const auto* i = std::get_if<int64_t>(&v.data)) {
      e_.key("int");
      e_.integer(*i);
    } else if (const auto* d = std::get_if<double>(&v.data)) {
      e_.key("double");
      e_.real(*d);
    } else if (const auto* s = std::get_if<std::string>(&v.data)) {
      e_.key("text");
      e_.string(*s);
    }
  }
  void value(std::string_view key, const std::optional<Value>& v) {
    if (!v) return;
    e_.key(key);
    e_.begin_object(true);
    value_members(*v);
    e_.end_object();
  }
  void docs(const Docs& d) {
    text("helpstring", d.helpstring);
    number("helpcontext", d.helpcontext);
    number("helpstringcontext", d.helpstringcontext);
  }
  void custom(const CustomData& cd) {
    if (cd.empty()) return;
    e_.key("custom");
    e_.begin_array();
    for (const CustomDatum& c : cd) {
      e_.begin_object(true);
      guid("guid", c.guid);
      value_members(c.value);
      e_.end_object();
    }
    e_.end_array();
  }

  // ---- Type references -----------------------------------------------------------------------
  void type_ref(const TypeRef& t);
  void type_ref(std::string_view key, const TypeRef& t) {
    e_.key(key);
    type_ref(t);
  }

  // ---- Members and types ---------------------------------------------------------------------
  void param(const Param& p);
  void signature(const FunctionSig& sig);
  void function(const Function& f);
  void variable(const Variable& v);
  void impl_types(std::string_view key, const std::vector<ImplType>& list);
  void functions(std::string_view key, const std::vector<Function>& list);
  void variables(std::string_view key, const std::vector<Variable>& list);
  void type_info(const TypeInfo& t);
  void type_content(const TypeDef& def);
  void import(const ImportedLibrary& imp);
};

void Writer::type_ref(const TypeRef& t) {
  if (const auto* b = std::get_if<BaseType>(&t.v)) return named(b->vt, nm::vartypes());
  e_.begin_object(true);
  if (const auto* p = std::get_if<Pointer>(&t.v)) {
    type_ref("pointer", *p->pointee);
    if (p->function) signature(**p->function);
  } else if (const auto* sa = std::get_if<SafeArray>(&t.v)) {
    type_ref("safearray", *sa->element);
  } else if (const auto* ca = std::get_if<CArray>(&t.v)) {
    type_ref("carray", *ca->element);
    e_.key("bounds");
    e_.begin_array();
    for (const ArrayBound& b : ca->bounds) {
      e_.begin_object();
      number("lower", b.lower, true);
      number("count", b.count, true);
      e_.end_object();
    }
    e_.end_array();
  } else if (const auto* u = std::get_if<UserType>(&t.v)) {
    e_.key("user");
    e_.string(u->name);
    if (u->import) number("import", *u->import, true);
    guid("guid", u->guid);
    if (u->index) number("index", *u->index, true);
  }
  e_.end_object();
}

void Writer::param(const Param& p) {
  e_.begin_object(true);
  e_.key("name");
  e_.string(p.name);
  type_ref("type", p.type);
  flags("flags", p.flags, nm::param_flags());
  value("default", p.default_value);
  custom(p.custom);
  e_.end_object();
}

// A C function pointer's signature (read from a header), beside its "pointer": "VOID".
void Writer::signature(const FunctionSig& sig) {
  e_.key("function");
  e_.begin_object(true);
  if (sig.callconv != CallConv::CDecl)  // C's default
    named("callconv", static_cast<uint16_t>(sig.callconv), nm::call_convs());
  type_ref("result", sig.result);
  e_.key("params");
  e_.begin_array(true);
  for (const Param& p : sig.params) param(p);
  e_.end_array();
  if (sig.variadic) {
    e_.key("variadic");
    e_.boolean(true);
  }
  e_.end_object();
}

void Writer::function(const Function& f) {
  e_.begin_object(true);
  e_.key("name");
  e_.string(f.name);
  number("memid", f.memid, true);
  // Like IDL attributes, the kinds are written only when they are not the usual ones.
  if (f.invkind != InvokeKind::Func)
    named("invkind", static_cast<uint16_t>(f.invkind), nm::invoke_kinds());
  if (f.funckind != FuncKind::PureVirtual)
    named("funckind", static_cast<uint16_t>(f.funckind), nm::func_kinds());
  if (f.callconv != CallConv::StdCall)
    named("callconv", static_cast<uint16_t>(f.callconv), nm::call_convs());
  number("vtableOffset", f.vtable_offset, true);
  flags("flags", f.flags, nm::func_flags());
  type_ref("result", f.result);
  e_.key("params");
  e_.begin_array(true);
  for (const Param& p : f.params) param(p);
  e_.end_array();
  number("optionalCount", f.optional_count);
  docs(f.docs);
  if (const auto* name = std::get_if<std::string>(&f.entry.v)) {
    e_.key("entry");
    e_.string(*name);
  } else if (const auto* ordinal = std::get_if<uint16_t>(&f.entry.v)) {
    number("entry", *ordinal, true);
  }
  if (f.variadic) {
    e_.key("variadic");
    e_.boolean(true);
  }
  custom(f.custom);
  e_.end_object();
}

void Writer::variable(const Variable& v) {
  e_.begin_object(true);
  e_.key("name");
  e_.string(v.name);
  number("memid", v.memid, true);
  if (v.varkind != VarKind::PerInstance)
    named("varkind", static_cast<uint16_t>(v.varkind), nm::var_kinds());
  flags("flags", v.flags, nm::var_flags());
  type_ref("type", v.type);
  value("value", v.value);
  number("offset", v.offset, v.varkind == VarKind::PerInstance);  // a field's offset, even 0
  if (v.bits) {
    e_.key("bitField");
    e_.begin_object(true);
    number("bit", v.bits->bit, true);
    number("width", v.bits->width, true);
    e_.end_object();
  }
  docs(v.docs);
  custom(v.custom);
  e_.end_object();
}

void Writer::impl_types(std::string_view key, const std::vector<ImplType>& list) {
  e_.key(key);
  e_.begin_array();
  for (const ImplType& i : list) {
    e_.begin_object(true);
    type_ref("type", i.type);
    flags("flags", i.flags, nm::impl_flags());
    custom(i.custom);
    e_.end_object();
  }
  e_.end_array();
}

void Writer::functions(std::string_view key, const std::vector<Function>& list) {
  e_.key(key);
  e_.begin_array();
  for (const Function& f : list) function(f);
  e_.end_array();
}

void Writer::variables(std::string_view key, const std::vector<Variable>& list) {
  e_.key(key);
  e_.begin_array();
  for (const Variable& v : list) variable(v);
  e_.end_array();
}

void Writer::type_content(const TypeDef& def) {
  struct Visitor {
    Writer& w;
    void operator()(const EnumDef& d) const { w.variables("values", d.values); }
    void operator()(const RecordDef& d) const { w.variables("fields", d.fields); }
    void operator()(const UnionDef& d) const { w.variables("fields", d.fields); }
    void operator()(const AliasDef& d) const { w.type_ref("target", d.target); }
    void operator()(const InterfaceDef& d) const {
      w.impl_types("bases", d.bases);
      w.functions("functions", d.functions);
    }
    void operator()(const DispatchDef& d) const {
      w.impl_types("bases", d.bases);
      w.functions("methods", d.methods);
      w.variables("properties", d.properties);
      if (d.wraps) w.type_ref("wraps", *d.wraps);
    }
    void operator()(const CoclassDef& d) const { w.impl_types("interfaces", d.interfaces); }
    void operator()(const ModuleDef& d) const {
      w.e_.key("dll");
      w.e_.string(d.dll);
      w.functions("functions", d.functions);
      w.variables("constants", d.constants);
    }
  };
  std::visit(Visitor{*this}, def);
}

void Writer::type_info(const TypeInfo& t) {
  e_.begin_object();
  e_.key("kind");
  e_.string(nm::def_kinds()[t.def.index()]);
  e_.key("name");
  e_.string(t.name);
  guid("guid", t.guid);
  flags("flags", t.flags, nm::type_flags());
  if (t.version != Version{}) version("version", t.version);
  docs(t.docs);
  custom(t.custom);
  e_.key("layout");
  e_.begin_object(true);
  number("size", t.layout.size, true);
  number("alignment", t.layout.alignment, true);
  number("vtableSize", t.layout.vtable_size, true);
  e_.end_object();
  type_content(t.def);
  e_.end_object();
}

void Writer::import(const ImportedLibrary& imp) {
  e_.begin_object(true);
  guid("libid", imp.libid);
  version("version", imp.version);
  number("lcid", imp.lcid, true);
  e_.key("file");
  e_.string(imp.file);
  e_.key("name");
  e_.string(imp.name);
  e_.end_object();
}

void Writer::library(const Library& lib) {
  e_.begin_object();
  e_.key("$schema");
  e_.string(kSchemaId);
  number("formatVersion", kFormatVersion, true);
  e_.key("name");
  e_.string(lib.name);
  guid("libid", lib.libid);
  version("version", lib.version);
  number("lcid", lib.lcid, true);
  named("syskind", static_cast<uint16_t>(lib.syskind), nm::sys_kinds());
  flags("flags", lib.flags, nm::lib_flags());
  docs(lib.docs);
  text("helpfile", lib.helpfile);
  text("helpstringdll", lib.helpstringdll);
  custom(lib.custom);
  e_.key("imports");
  e_.begin_array();
  for (const ImportedLibrary& imp : lib.imports) import(imp);
  e_.end_array();
  e_.key("types");
  e_.begin_array();
  for (const TypeInfo& t : lib.types) type_info(t);
  e_.end_array();
  e_.end_object();
}
}  // namespace

namespace {
/// A generous guess of the descriptor's size, so that the string is allocated once: growing it
/// step by step copies it several times and touches twice the memory. Pages reserved but never
/// written cost no memory. The figures are bytes per item, a little above the corpus's largest.
size_t size_guess(const Library& lib) {
  struct Count {
    size_t n = 0;
    void operator()(const Function& f) { n += 320 + 96 * f.params.size(); }
    void operator()(const Variable&) { n += 192; }
    void operator()(const ImplType&) { n += 128; }
  } c;
  for (const TypeInfo& t : lib.types) {
    c.n += 512;
    std::visit(
        [&](const auto& d) {
          using D = std::decay_t<decltype(d)>;
          if constexpr (std::is_same_v<D, EnumDef>) std::for_each(d.values.begin(), d.values.end(), std::ref(c));
          if constexpr (std::is_same_v<D, RecordDef> || std::is_same_v<D, UnionDef>)
            std::for_each(d.fields.begin(), d.fields.end(), std::ref(c));
          if constexpr (std::is_same_v<D, InterfaceDef>) {
            std::for_each(d.bases.begin(), d.bases.end(), std::ref(c));
            std::for_each(d.functions.begin(), d.functions.end(), std::ref(c));
          }
          if constexpr (std::is_same_v<D, DispatchDef>) {
            std::for_each(d.bases.begin(), d.bases.end(), std::ref(c));
            std::for_each(d.methods.begin(), d.methods.end(), std::ref(c));
            std::for_each(d.properties.begin(), d.properties.end(), std::ref(c));
          }
          if constexpr (std::is_same_v<D, CoclassDef>)
            std::for_each(d.interfaces.begin(), d.interfaces.end(), std::ref(c));
          if constexpr (std::is_same_v<D, ModuleDef>) {
            std::for_each(d.functions.begin(), d.functions.end(), std::ref(c));
            std::for_each(d.constants.begin(), d.constants.end(), std::ref(c));
          }
        },
        t.def);
  }
  return 4096 + c.n;
}
}  // namespace

std::string write_json(const model::Library& lib) {
  std::string out;
  out.reserve(size_guess(lib));
  Writer(out).library(lib);
  return out;
}

}  // namespace tlbkit::json
