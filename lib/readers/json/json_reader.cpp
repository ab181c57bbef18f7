// Reads the JSON interop descriptor (schemas/tlbkit.schema.json) back into model::Library: the
// exact inverse of writers/json, so typelib → JSON → model gives the model it started from.
// json_parse parses the text; the conversion below checks every element and stops at the first
// bad one, which is reported once with its JSON path and its line and column. Layer: readers.
#include "readers/json/json_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "model/automation_names.h"
#include "readers/json/json_locate.h"
#include "readers/json/json_parse.h"
#include "tlbformat/json_descriptor.h"

namespace tlbkit::json {

namespace {
using namespace model;
namespace nm = model::names;

static_assert(std::variant_size_v<TypeDef> == 8, "a new kind needs reading here");

/// Deeper nesting than any descriptor has (a type reference nests one level per pointer); the
/// limit keeps the conversion's recursion bounded on hostile input.
constexpr int kMaxDepth = 256;

/// The first problem found: what is wrong, at which JSON path, at which byte. Thrown inside the
/// conversion, caught by read_json; it never leaves this file.
struct Failure {
  std::string message;
  JsonPath path;
  size_t offset;
};

class Converter;

/// One JSON object being read: its members are taken by name, and any member nobody took is
/// an error once the object is done.
class Obj {
 public:
  Obj(Converter& c, const Node& j);
  bool has(std::string_view key) const;
  /// Reads a required member with `read(member)`.
  template <typename F>
  auto req(std::string_view key, F read);
  /// Reads an optional member, if present, with `read(member)`.
  template <typename F>
  void opt(std::string_view key, F read);
  /// Fails on the first member that was not read.
  void done();

 private:
  Converter& c_;
  const Node& j_;
  std::vector<std::string_view> taken_;
};

class Converter {
 public:
  explicit Converter(const Document& doc) : doc_(doc) {}
  const Document& doc() const { return doc_; }
  Library library();

  /// Fails at the element of the current path (the root when the path is empty).
  [[noreturn]] void fail(std::string message) {
    JsonPath path;
    for (const Frame& f : path_) path.push_back(f.step);
    throw Failure{std::move(message), std::move(path),
                  path_.empty() ? doc_.root().offset : path_.back().offset};
  }
  /// Runs `f` with `step`, whose element starts at `offset`, appended to the current path.
  template <typename F>
  auto at(PathStep step, size_t offset, F f) {
    path_.push_back(Frame{std::move(step), offset});
    struct Pop {
      std::vector<Frame>& p;
      ~Pop() { p.pop_back(); }
    } pop{path_};
    return f();
  }

  // ---- Scalars ---------------------------------------------------------------------------
  std::string string(const Node& j) {
    if (j.type != Node::Type::String) fail("expected a string");
    return std::string(j.string);
  }
  int64_t integer(const Node& j, int64_t lo, int64_t hi) {
    if (j.type == Node::Type::Integer && j.number.i >= lo && j.number.i <= hi) return j.number.i;
    fail("expected an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
  }
  template <typename T>
  T number(const Node& j) {
    return static_cast<T>(integer(j, std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
  }
  bool boolean(const Node& j) {
    if (j.type != Node::Type::Boolean) fail("expected true or false");
    return j.boolean;
  }
  Guid guid(const Node& j) {
    auto g = Guid::parse(string(j));
    if (!g) fail("expected a GUID like \"{00020400-0000-0000-C000-000000000046}\"");
    return *g;
  }
  Version version(const Node& j);
  /// A constant by name from `table`, or by number up to `max`.
  uint16_t named(const Node& j, std::span<const nm::Named> table, uint16_t max, const char* what);
  template <typename E>
  E enumeration(const Node& j, std::span<const nm::Named> table, const char* what) {
    return static_cast<E>(named(j, table, std::numeric_limits<uint8_t>::max(), what));
  }
  uint16_t flags(const Node& j, std::span<const nm::Named> table);
  uint16_t vartype(const Node& j) { return named(j, nm::vartypes(), 0xFFFF, "VARTYPE"); }

  /// Every element of an array, each read with `read(element)` at its index.
  template <typename F>
  auto array(const Node& j, F read) {
    using T = decltype(read(j));
    if (j.type != Node::Type::Array) fail("expected an array");
    std::vector<T> out;
    out.reserve(j.count);
    auto items = doc_.items(j);
    for (size_t i = 0; i < items.size(); ++i) {
      const Node& e = doc_.node(items[i]);
      out.push_back(at(i, e.offset, [&] { return read(e); }));
    }
    return out;
  }

  // ---- Values, docs, custom data -------------------------------------------------------------
  void value_members(Obj& o, Value& v);
  Value value(const Node& j) {
    Obj o(*this, j);
    Value v;
    value_members(o, v);
    o.done();
    return v;
  }
  void docs(Obj& o, Docs& d) {
    o.opt("helpstring", [&](const Node& m) { d.helpstring = string(m); });
    o.opt("helpcontext", [&](const Node& m) { d.helpcontext = number<uint32_t>(m); });
    o.opt("helpstringcontext", [&](const Node& m) { d.helpstringcontext = number<uint32_t>(m); });
  }
  void custom(Obj& o, CustomData& cd);

  // ---- Type references, members, types ------------------------------------------------------
  TypeRef type_ref(const Node& j, int depth = 0);
  TypeRef type_ref_object(const Node& j, int depth);
  Param param(const Node& j);
  Param param(const Node& j, int depth);
  FunctionSig signature(const Node& j, int depth);
  Function function(const Node& j);
  Variable variable(const Node& j);
  ImplType impl_type(const Node& j);
  TypeInfo type_info(const Node& j);
  TypeDef type_content(Obj& o, size_t kind);
  ImportedLibrary import(const Node& j);

 private:
  struct Frame {
    PathStep step;
    size_t offset;  // where the element (or, for an unknown key, the key) starts
  };
  const Document& doc_;
  std::vector<Frame> path_;
  size_t import_count_ = 0;
  size_t type_count_ = 0;
};

/// The first member whose key an earlier member of the same object has, or null.
const Member* repeated_key(std::span<const Member> members) {
  if (members.size() <= 16) {  // the usual case: a pairwise look is cheapest
    for (size_t i = 1; i < members.size(); ++i)
      for (size_t k = 0; k < i; ++k)
        if (members[k].key == members[i].key) return &members[i];
    return nullptr;
  }
  // Large (hostile) objects: sort by key, keeping text order among equal keys.
  std::vector<const Member*> sorted;
  for (const Member& m : members) sorted.push_back(&m);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Member* a, const Member* b) { return a->key < b->key; });
  const Member* first = nullptr;
  for (size_t i = 1; i < sorted.size(); ++i)
    if (sorted[i]->key == sorted[i - 1]->key && (!first || sorted[i]->key_offset < first->key_offset))
      first = sorted[i];
  return first;
}

Obj::Obj(Converter& c, const Node& j) : c_(c), j_(j) {
  if (j.type != Node::Type::Object) c.fail("expected an object");
  if (const Member* m = repeated_key(c.doc().members(j))) {
    std::string key(m->key);
    c.at(key, m->key_offset, [&] { c_.fail("property \"" + key + "\" appears twice"); });
  }
}

bool Obj::has(std::string_view key) const { return c_.doc().find(j_, key) != nullptr; }

template <typename F>
auto Obj::req(std::string_view key, F read) {
  const Member* m = c_.doc().find(j_, key);
  if (!m) c_.fail("missing property \"" + std::string(key) + "\"");
  taken_.push_back(key);
  const Node& v = c_.doc().node(m->value);
  return c_.at(std::string(key), v.offset, [&] { return read(v); });
}

template <typename F>
void Obj::opt(std::string_view key, F read) {
  const Member* m = c_.doc().find(j_, key);
  if (!m) return;
  taken_.push_back(key);
  const Node& v = c_.doc().node(m->value);
  c_.at(std::string(key), v.offset, [&] { read(v); });
}

void Obj::done() {
  if (j_.count == taken_.size()) return;  // keys are unique, so every member was taken
  for (const Member& m : c_.doc().members(j_)) {
    bool taken = false;
    for (std::string_view t : taken_) taken = taken || t == m.key;
    if (taken) continue;
    std::string key(m.key);
    c_.at(key, m.key_offset, [&] { c_.fail("unknown property \"" + key + "\""); });
  }
}

Version Converter::version(const Node& j) {
  const std::string& s = string(j);
  Version v;
  const char* end = s.data() + s.size();
  auto r1 = std::from_chars(s.data(), end, v.major);
  bool ok = r1.ec == std::errc{} && r1.ptr != end && *r1.ptr == '.';
  if (ok) {
    auto r2 = std::from_chars(r1.ptr + 1, end, v.minor);
    ok = r2.ec == std::errc{} && r2.ptr == end && r1.ptr + 1 != end;
  }
  if (!ok) fail("expected a version \"MAJOR.MINOR\", each from 0 to 65535");
  return v;
}

uint16_t Converter::named(const Node& j, std::span<const nm::Named> table, uint16_t max,
                          const char* what) {
  if (j.type == Node::Type::String) {
    if (auto v = nm::value_of(table, j.string)) return *v;
    std::string known;
    for (const nm::Named& n : table) known += (known.empty() ? "" : ", ") + std::string(n.name);
    fail("unknown " + std::string(what) + " \"" + std::string(j.string) + "\" (known: " + known +
         ")");
  }
  if (!j.is_integer()) fail("expected a " + std::string(what) + " name or number");
  return static_cast<uint16_t>(integer(j, 0, max));
}

uint16_t Converter::flags(const Node& j, std::span<const nm::Named> table) {
  uint16_t out = 0;
  array(j, [&](const Node& e) {
    out |= named(e, table, 0xFFFF, "flag");
    return 0;
  });
  return out;
}

void Converter::value_members(Obj& o, Value& v) {
  v.vt = o.req("vt", [&](const Node& m) { return vartype(m); });
  int data_members = 0;
  o.opt("int", [&](const Node& m) {
    ++data_members;
    v.data = integer(m, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max());
  });
  o.opt("double", [&](const Node& m) {
    ++data_members;
    if (m.type == Node::Type::Real) return void(v.data = m.number.d);
    if (m.type == Node::Type::Integer) return void(v.data = static_cast<double>(m.number.i));
    if (m.type == Node::Type::Unsigned) return void(v.data = static_cast<double>(m.number.u));
    std::string_view s = m.type == Node::Type::String ? m.string : "";
    if (s == "NaN") return void(v.data = std::numeric_limits<double>::quiet_NaN());
    if (s == "Infinity") return void(v.data = std::numeric_limits<double>::infinity());
    if (s == "-Infinity") return void(v.data = -std::numeric_limits<double>::infinity());
    fail("expected a number, \"NaN\", \"Infinity\" or \"-Infinity\"");
  });
  o.opt("text", [&](const Node& m) {
    ++data_members;
    v.data = string(m);
  });
  if (data_members > 1) fail("a value has at most one of \"int\", \"double\" and \"text\"");
}

void Converter::custom(Obj& o, CustomData& cd) {
  o.opt("custom", [&](const Node& m) {
    cd = array(m, [&](const Node& e) {
      Obj d(*this, e);
      CustomDatum c;
      c.guid = d.req("guid", [&](const Node& g) { return guid(g); });
      value_members(d, c.value);
      d.done();
      return c;
    });
  });
}

TypeRef Converter::type_ref(const Node& j, int depth) {
  if (depth > kMaxDepth) fail("type reference nested too deeply");
  if (j.type == Node::Type::String || j.is_number()) return TypeRef::base(vartype(j));
  if (j.type != Node::Type::Object)
    fail("expected a type: a VARTYPE name or number, or an object with \"pointer\", "
         "\"safearray\", \"carray\" or \"user\"");
  return type_ref_object(j, depth);
}

TypeRef Converter::type_ref_object(const Node& j, int depth) {
  Obj o(*this, j);
  auto inner = [&](const Node& m) { return type_ref(m, depth + 1); };
  TypeRef t;
  if (o.has("pointer")) {
    t = TypeRef::pointer_to(o.req("pointer", inner));
    o.opt("function", [&](const Node& m) {
      std::get<Pointer>(t.v).function = signature(m, depth + 1);
    });
  } else if (o.has("safearray")) {
    t = TypeRef::safearray_of(o.req("safearray", inner));
  } else if (o.has("carray")) {
    CArray a;
    a.element = o.req("carray", inner);
    a.bounds = o.req("bounds", [&](const Node& m) {
      return array(m, [&](const Node& e) {
        Obj b(*this, e);
        ArrayBound ab;
        ab.lower = b.req("lower", [&](const Node& v) { return number<int32_t>(v); });
        ab.count = b.req("count", [&](const Node& v) { return number<uint32_t>(v); });
        b.done();
        return ab;
      });
    });
    t = TypeRef{std::move(a)};
  } else if (o.has("user")) {
    UserType u;
    u.name = o.req("user", [&](const Node& m) { return string(m); });
    o.opt("import", [&](const Node& m) {
      u.import = number<uint32_t>(m);
      if (*u.import >= import_count_)
        fail("import " + std::to_string(*u.import) + " does not exist (the library has " +
             std::to_string(import_count_) + " imports)");
    });
    o.opt("guid", [&](const Node& m) { u.guid = guid(m); });
    o.opt("index", [&](const Node& m) {
      u.index = number<uint32_t>(m);
      if (!u.import && *u.index >= type_count_)
        fail("type " + std::to_string(*u.index) + " does not exist (the library has " +
             std::to_string(type_count_) + " types)");
    });
    t = TypeRef{std::move(u)};
  } else {
    fail("expected a type: an object with \"pointer\", \"safearray\", \"carray\" or \"user\"");
  }
  o.done();
  return t;
}

FunctionSig Converter::signature(const Node& j, int depth) {
  if (depth > kMaxDepth) fail("type reference nested too deeply");
  Obj o(*this, j);
  FunctionSig sig;
  o.opt("callconv", [&](const Node& m) {
    sig.callconv = enumeration<CallConv>(m, nm::call_convs(), "calling convention");
  });
  sig.result = o.req("result", [&](const Node& m) { return type_ref(m, depth + 1); });
  sig.params = o.req("params", [&](const Node& m) {
    return array(m, [&](const Node& e) { return param(e, depth + 1); });
  });
  o.opt("variadic", [&](const Node& m) { sig.variadic = boolean(m); });
  o.done();
  return sig;
}

Param Converter::param(const Node& j) { return param(j, 0); }

Param Converter::param(const Node& j, int depth) {
  Obj o(*this, j);
  Param p;
  p.name = o.req("name", [&](const Node& m) { return string(m); });
  p.type = o.req("type", [&](const Node& m) { return type_ref(m, depth); });
  o.opt("flags", [&](const Node& m) { p.flags = flags(m, nm::param_flags()); });
  o.opt("default", [&](const Node& m) { p.default_value = value(m); });
  custom(o, p.custom);
  o.done();
  return p;
}

Function Converter::function(const Node& j) {
  Obj o(*this, j);
  Function f;
  f.name = o.req("name", [&](const Node& m) { return string(m); });
  f.memid = o.req("memid", [&](const Node& m) { return number<int32_t>(m); });
  o.opt("invkind", [&](const Node& m) {
    f.invkind = enumeration<InvokeKind>(m, nm::invoke_kinds(), "invoke kind");
  });
  o.opt("funckind", [&](const Node& m) {
    f.funckind = enumeration<FuncKind>(m, nm::func_kinds(), "function kind");
  });
  o.opt("callconv", [&](const Node& m) {
    f.callconv = enumeration<CallConv>(m, nm::call_convs(), "calling convention");
  });
  f.vtable_offset = o.req("vtableOffset", [&](const Node& m) { return number<int32_t>(m); });
  o.opt("flags", [&](const Node& m) { f.flags = flags(m, nm::func_flags()); });
  f.result = o.req("result", [&](const Node& m) { return type_ref(m); });
  f.params = o.req("params", [&](const Node& m) {
    return array(m, [&](const Node& e) { return param(e); });
  });
  o.opt("optionalCount", [&](const Node& m) { f.optional_count = number<int16_t>(m); });
  docs(o, f.docs);
  o.opt("entry", [&](const Node& m) {
    if (m.type == Node::Type::String)
      f.entry.v = std::string(m.string);
    else if (m.is_number())
      f.entry.v = number<uint16_t>(m);
    else
      fail("expected a DLL entry point name or ordinal");
  });
  o.opt("variadic", [&](const Node& m) { f.variadic = boolean(m); });
  custom(o, f.custom);
  o.done();
  return f;
}

Variable Converter::variable(const Node& j) {
  Obj o(*this, j);
  Variable v;
  v.name = o.req("name", [&](const Node& m) { return string(m); });
  v.memid = o.req("memid", [&](const Node& m) { return number<int32_t>(m); });
  o.opt("varkind", [&](const Node& m) {
    v.varkind = enumeration<VarKind>(m, nm::var_kinds(), "variable kind");
  });
  o.opt("flags", [&](const Node& m) { v.flags = flags(m, nm::var_flags()); });
  v.type = o.req("type", [&](const Node& m) { return type_ref(m); });
  o.opt("value", [&](const Node& m) { v.value = value(m); });
  o.opt("offset", [&](const Node& m) { v.offset = number<uint32_t>(m); });
  o.opt("bitField", [&](const Node& m) {
    Obj b(*this, m);
    BitField bits;
    bits.bit = b.req("bit", [&](const Node& n) { return number<uint16_t>(n); });
    bits.width = b.req("width", [&](const Node& n) { return number<uint16_t>(n); });
    b.done();
    v.bits = bits;
  });
  docs(o, v.docs);
  custom(o, v.custom);
  o.done();
  return v;
}

ImplType Converter::impl_type(const Node& j) {
  Obj o(*this, j);
  ImplType i;
  i.type = o.req("type", [&](const Node& m) { return type_ref(m); });
  o.opt("flags", [&](const Node& m) { i.flags = flags(m, nm::impl_flags()); });
  custom(o, i.custom);
  o.done();
  return i;
}

TypeDef Converter::type_content(Obj& o, size_t kind) {
  auto functions = [&](const Node& m) { return array(m, [&](const Node& e) { return function(e); }); };
  auto variables = [&](const Node& m) { return array(m, [&](const Node& e) { return variable(e); }); };
  auto impls = [&](const Node& m) { return array(m, [&](const Node& e) { return impl_type(e); }); };
  auto type = [&](const Node& m) { return type_ref(m); };
  switch (kind) {
    case 0: return EnumDef{o.req("values", variables)};
    case 1: return RecordDef{o.req("fields", variables)};
    case 2: return UnionDef{o.req("fields", variables)};
    case 3: return AliasDef{o.req("target", type)};
    case 4: {
      InterfaceDef d;
      d.bases = o.req("bases", impls);
      d.functions = o.req("functions", functions);
      return d;
    }
    case 5: {
      DispatchDef d;
      d.bases = o.req("bases", impls);
      d.methods = o.req("methods", functions);
      d.properties = o.req("properties", variables);
      o.opt("wraps", [&](const Node& m) { d.wraps = type_ref(m); });
      return d;
    }
    case 6: return CoclassDef{o.req("interfaces", impls)};
    default: {
      ModuleDef d;
      d.dll = o.req("dll", [&](const Node& m) { return string(m); });
      d.functions = o.req("functions", functions);
      d.constants = o.req("constants", variables);
      return d;
    }
  }
}

TypeInfo Converter::type_info(const Node& j) {
  Obj o(*this, j);
  TypeInfo t;
  size_t kind = o.req("kind", [&](const Node& m) {
    const std::string& k = string(m);
    auto kinds = nm::def_kinds();
    for (size_t i = 0; i < kinds.size(); ++i)
      if (kinds[i] == k) return i;
    fail("unknown kind \"" + k + "\" (known: enum, record, union, alias, interface, "
         "dispinterface, coclass, module)");
  });
  t.name = o.req("name", [&](const Node& m) { return string(m); });
  o.opt("guid", [&](const Node& m) { t.guid = guid(m); });
  o.opt("flags", [&](const Node& m) { t.flags = flags(m, nm::type_flags()); });
  o.opt("version", [&](const Node& m) { t.version = version(m); });
  docs(o, t.docs);
  custom(o, t.custom);
  o.req("layout", [&](const Node& m) {
    Obj l(*this, m);
    t.layout.size = l.req("size", [&](const Node& v) { return number<uint32_t>(v); });
    t.layout.alignment = l.req("alignment", [&](const Node& v) { return number<uint16_t>(v); });
    t.layout.vtable_size = l.req("vtableSize", [&](const Node& v) { return number<uint16_t>(v); });
    l.done();
    return 0;
  });
  t.def = type_content(o, kind);
  o.done();
  return t;
}

ImportedLibrary Converter::import(const Node& j) {
  Obj o(*this, j);
  ImportedLibrary imp;
  imp.libid = o.req("libid", [&](const Node& m) { return guid(m); });
  imp.version = o.req("version", [&](const Node& m) { return version(m); });
  imp.lcid = o.req("lcid", [&](const Node& m) { return number<uint32_t>(m); });
  imp.file = o.req("file", [&](const Node& m) { return string(m); });
  imp.name = o.req("name", [&](const Node& m) { return string(m); });
  o.done();
  return imp;
}

/// How a bad format version looks in the message.
std::string describe(const Node& j) {
  switch (j.type) {
    case Node::Type::Integer: return std::to_string(j.number.i);
    case Node::Type::Unsigned: return std::to_string(j.number.u);
    case Node::Type::String: return "\"" + std::string(j.string) + "\"";
    default: return "(not an integer)";
  }
}

Library Converter::library() {
  Obj o(*this, doc_.root());
  // The format version first: a newer descriptor is reported as such, not as unknown members.
  o.req("formatVersion", [&](const Node& m) {
    if (m.type != Node::Type::Integer || m.number.i != kFormatVersion)
      fail("unsupported format version " + describe(m) + " (this tlbkit reads version " +
           std::to_string(kFormatVersion) + ")");
    return 0;
  });
  o.req("$schema", [&](const Node& m) {
    if (string(m) != kSchemaId) fail("expected \"" + std::string(kSchemaId) + "\"");
    return 0;
  });
  Library lib;
  lib.name = o.req("name", [&](const Node& m) { return string(m); });
  o.opt("libid", [&](const Node& m) { lib.libid = guid(m); });
  lib.version = o.req("version", [&](const Node& m) { return version(m); });
  lib.lcid = o.req("lcid", [&](const Node& m) { return number<uint32_t>(m); });
  lib.syskind = o.req("syskind", [&](const Node& m) {
    return enumeration<SysKind>(m, nm::sys_kinds(), "system kind");
  });
  o.opt("flags", [&](const Node& m) { lib.flags = flags(m, nm::lib_flags()); });
  docs(o, lib.docs);
  o.opt("helpfile", [&](const Node& m) { lib.helpfile = string(m); });
  o.opt("helpstringdll", [&](const Node& m) { lib.helpstringdll = string(m); });
  custom(o, lib.custom);
  lib.imports = o.req("imports", [&](const Node& m) {
    return array(m, [&](const Node& e) { return import(e); });
  });
  import_count_ = lib.imports.size();
  lib.types = o.req("types", [&](const Node& m) {
    type_count_ = m.type == Node::Type::Array ? m.count : 0;
    return array(m, [&](const Node& e) { return type_info(e); });
  });
  o.done();
  return lib;
}

support::Location location(std::string_view text, const std::string& path, size_t offset) {
  LineColumn lc = line_column(text, offset);
  support::Location l = support::Location::in_file(path);
  l.line = lc.line;
  l.column = lc.column;
  return l;
}
}  // namespace

std::optional<model::Library> read_json(std::string_view text, const std::string& path,
                                        support::DiagEngine& diags) {
  try {
    auto parsed = parse(text, kMaxDepth);
    if (const auto* e = std::get_if<ParseError>(&parsed)) {
      diags.error("TK3001", location(text, path, e->offset), "not valid JSON: " + e->message);
      return std::nullopt;
    }
    try {
      return Converter(std::get<Document>(parsed)).library();
    } catch (const Failure& f) {
      diags.error("TK3002", location(text, path, f.offset), format_path(f.path) + ": " + f.message);
    }
  } catch (const std::exception& e) {  // std::bad_alloc: the only exception left to expect
    diags.error("TK3003", support::Location::in_file(path),
                std::string("cannot read the JSON descriptor: ") + e.what());
  }
  return std::nullopt;
}

}  // namespace tlbkit::json
