// The C++ writer's names: identifiers from library names (--rename, keyword and macro escaping,
// clash resolution), raw method and parameter names, GUID initializers, constant literals and
// comment text. Layer: writers.
#include <cmath>
#include <cstdio>

#include "support/utf8.h"
#include "writers/cpp/cpp_core.h"
#include "writers/cpp/cpp_reserved.h"

namespace tlbkit::cppw {

CoreState& core(Context& cx) {
  if (!cx.core) cx.core = std::make_shared<CoreState>();
  return *cx.core;
}

std::string sanitize_ident(std::string_view name) {
  std::string out;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_';
    out += ok ? c : '_';
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(out.begin(), '_');
  while (is_reserved_name(out)) out += '_';  // "X_" may be a macro too (_SYSTEMTIME_ is one)
  return out;
}

std::string ident(const Context& cx, std::string_view name) {
  for (const auto& [from, to] : cx.opts.renames)
    if (from == name) return sanitize_ident(to);
  return sanitize_ident(name);
}

std::string scoped_ident(const Context& cx, std::string name) {
  // At global scope (--no-namespace) the SDK's own names are taken: IFont, Rectangle, …
  while (cx.opts.no_namespace && (is_sdk_global(name) || is_reserved_name(name) ||
                                  name == "tlbkit" || name == "std"))
    name += '_';
  return name;
}

std::string namespace_name_for(std::string_view library_name) {
  std::string ns = sanitize_ident(library_name);
  // The support header's namespace and the standard library's are taken, and so is every name
  // the SDK declares at global scope (a library read from select.h is not namespace ::select).
  while (ns == "tlbkit" || ns == "std" || is_sdk_global(ns) || is_reserved_name(ns)) ns += '_';
  return ns;
}

std::string namespace_of(const Context& cx, const model::Library& lib) {
  if (cx.opts.no_namespace) return "";
  if (&lib == &cx.lib) return cx.ns;
  return namespace_name_for(lib.name);
}

std::string unique_in(std::set<std::string>& taken, std::string base) {
  while (is_reserved_name(base) || !taken.insert(base).second) base += '_';
  return base;
}

const LibNames& names_of(Context& cx, const model::Library& lib) {
  CoreState& c = core(cx);
  auto it = c.libs.find(&lib);
  if (it != c.libs.end()) return it->second;
  LibNames n;
  // Types take their names first, in library order, so every header that refers to them
  // computes the same names whatever else its own namespace holds.
  for (const model::TypeInfo& t : lib.types) {
    std::string name = scoped_ident(cx, ident(cx, t.name));
    // An interface struct named like a method it inherits would hide that method behind its
    // constructor name (p->Release() in com_ptr would name the struct).
    bool iface = std::holds_alternative<model::InterfaceDef>(t.def) ||
                 std::holds_alternative<model::DispatchDef>(t.def);
    if (iface)
      for (const char* m : {"QueryInterface", "AddRef", "Release", "GetTypeInfoCount",
                            "GetTypeInfo", "GetIDsOfNames", "Invoke"})
        if (name == m) name += '_';
    n.types.push_back(unique_in(n.taken, name));
  }
  return c.libs.emplace(&lib, std::move(n)).first->second;
}

namespace {
bool hides_sdk_type(std::string_view name) {
  // The Windows type names the core writes unqualified (cpp_types.cpp's base_spelling and
  // SAFEARRAY): a parameter or field of that name would hide the type from the declarations
  // after it in the same list or struct.
  static constexpr std::string_view kNames[] = {
      "BLOB",     "BSTR",      "BYTE",   "CHAR",     "CLSID",        "CY",      "DATE",
      "DECIMAL",  "DOUBLE",    "FILETIME", "FLOAT",  "HRESULT",      "INT",     "INT_PTR",
      "LONG",     "LONGLONG",  "LPSTR",  "LPWSTR",   "SAFEARRAY",    "SCODE",   "SHORT",
      "UINT",     "UINT_PTR",  "ULONG",  "ULONGLONG", "USHORT",      "VARIANT", "VARIANT_BOOL",
      "int32_t"};
  for (std::string_view n : kNames)
    if (n == name) return true;
  return false;
}
}  // namespace

// ---- Members --------------------------------------------------------------------------------

namespace {

std::string composed_method_name(const Context& cx, const model::Library& lib,
                                 const model::Function& f) {
  std::string name;
  for (const auto& [from, to] : cx.opts.renames)
    if (from == f.name) name = to;
  if (name.empty()) name = f.name;
  switch (f.invkind) {
    case model::InvokeKind::PropertyGet: return sanitize_ident("get_" + name);
    case model::InvokeKind::PropertyPut: return sanitize_ident("put_" + name);
    case model::InvokeKind::PropertyPutRef: return sanitize_ident("putref_" + name);
    case model::InvokeKind::Func: break;
  }
  auto hides = [](std::string id) { return hides_sdk_type(id) ? id + "_" : id; };
  // The SDK declares stdole's interfaces without a prefix; so does --raw-interfaces-only.
  std::string prefix = (cx.opts.raw_interfaces_only || is_stdole(lib)) ? ""
                                                                        : cx.opts.raw_method_prefix;
  return hides(sanitize_ident(prefix + name));
}

const std::vector<model::Function>* functions_of(const model::TypeInfo& t) {
  if (auto* i = std::get_if<model::InterfaceDef>(&t.def)) return &i->functions;
  if (auto* d = std::get_if<model::DispatchDef>(&t.def)) return &d->methods;
  return nullptr;
}

}  // namespace

const std::set<std::string>& member_names(Context& cx, const model::Library& lib,
                                          const model::TypeInfo& t) {
  CoreState& c = core(cx);
  if (auto it = c.members.find(&t); it != c.members.end()) return it->second;
  std::set<std::string> taken;
  if (!c.name_guard.insert(&t).second) return c.members[&t];  // a base cycle: nothing inherited
  uint32_t index = static_cast<uint32_t>(&t - lib.types.data());
  if (index < lib.types.size()) taken.insert(names_of(cx, lib).types[index]);
  for (const char* n : {"QueryInterface", "AddRef", "Release"}) taken.insert(n);
  BaseInfo base = std::holds_alternative<model::InterfaceDef>(t.def) ? base_of(cx, lib, t)
                                                                      : BaseInfo{};
  if (base.dispatch_root || std::holds_alternative<model::DispatchDef>(t.def))
    for (const char* n : {"GetTypeInfoCount", "GetTypeInfo", "GetIDsOfNames", "Invoke"})
      taken.insert(n);
  if (base.type && base.lib) {
    const std::set<std::string>& inherited = member_names(cx, *base.lib, *base.type);
    taken.insert(inherited.begin(), inherited.end());
  }
  if (const auto* fs = functions_of(t))
    for (const model::Function& f : *fs)
      c.raw_names[&f] = unique_in(taken, composed_method_name(cx, lib, f));
  c.name_guard.erase(&t);
  return c.members[&t] = std::move(taken);
}

std::string raw_method_name(Context& cx, const model::TypeInfo& owner, const model::Function& f) {
  CoreState& c = core(cx);
  if (auto it = c.raw_names.find(&f); it != c.raw_names.end()) return it->second;
  member_names(cx, cx.lib, owner);
  if (auto it = c.raw_names.find(&f); it != c.raw_names.end()) return it->second;
  return composed_method_name(cx, cx.lib, f);  // not a function of `owner`: no clash check
}


std::string member_ident(const Context& cx, std::string_view name) {
  std::string s = ident(cx, name);
  return hides_sdk_type(s) ? s + "_" : s;
}

std::string param_name(const Context& cx, const model::Function& f, size_t i) {
  auto plain = [&](size_t k) {
    return f.params[k].name.empty() ? std::string() : member_ident(cx, f.params[k].name);
  };
  std::string name = plain(i);
  bool repeated = false;
  for (size_t k = 0; k < i && !name.empty(); ++k) repeated = repeated || plain(k) == name;
  if (name.empty() || repeated || name.rfind("_arg", 0) == 0) return "_arg" + std::to_string(i + 1);
  return name;
}

// ---- GUIDs and literals ------------------------------------------------------------------------

std::string guid_initializer(const support::Guid& g) {
  const auto& b = g.bytes;
  // Data1/Data2/Data3 are stored little-endian in Guid::bytes (see support/guid.h).
  uint32_t d1 = uint32_t(b[0]) | uint32_t(b[1]) << 8 | uint32_t(b[2]) << 16 | uint32_t(b[3]) << 24;
  unsigned d2 = unsigned(b[4]) | unsigned(b[5]) << 8, d3 = unsigned(b[6]) | unsigned(b[7]) << 8;
  char buf[128];
  std::snprintf(buf, sizeof buf,
                "{0x%08x, 0x%04x, 0x%04x, {0x%02x, 0x%02x, 0x%02x, 0x%02x, 0x%02x, 0x%02x, "
                "0x%02x, 0x%02x}}",
                static_cast<unsigned>(d1), d2, d3, b[8], b[9], b[10], b[11], b[12], b[13], b[14],
                b[15]);
  return buf;
}

namespace {

/// Decodes UTF-8; an invalid byte comes back as itself (and `bad` is set).
std::vector<uint32_t> code_points(std::string_view s) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < s.size();) {
    size_t n = support::utf8_length(s, i);
    auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(s[k])); };
    if (n == 0) {
      out.push_back(b(i) < 0x80 ? b(i) : 0xFFFD);
      ++i;
      continue;
    }
    uint32_t cp = n == 2 ? b(i) & 0x1F : n == 3 ? b(i) & 0x0F : b(i) & 0x07;
    for (size_t k = 1; k < n; ++k) cp = cp << 6 | (b(i + k) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string hex(uint32_t v, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*X", digits, static_cast<unsigned>(v));
  return buf;
}

/// A string literal body: ASCII printable kept (quote, backslash and '?' escaped: no trigraph or
/// escape can form), others as \uXXXX/\UXXXXXXXX (wide) or octal escapes of the UTF-8 bytes.
std::string string_literal(std::string_view utf8, bool wide) {
  std::string out = wide ? "L\"" : "\"";
  if (wide) {
    for (uint32_t cp : code_points(utf8)) {
      if (cp == '"' || cp == '\\' || cp == '?') out += '\\', out += static_cast<char>(cp);
      else if (cp >= 0x20 && cp < 0x7F) out += static_cast<char>(cp);
      else if (cp < 0xA0) out += "\\x" + hex(cp, 4) + "\" L\"";  // no hex digit can follow
      else if (cp <= 0xFFFF) out += "\\u" + hex(cp, 4);
      else out += "\\U" + hex(cp, 8);
    }
  } else {
    for (char ch : utf8) {
      auto u = static_cast<unsigned char>(ch);
      if (ch == '"' || ch == '\\' || ch == '?') out += '\\', out += ch;
      else if (u >= 0x20 && u < 0x7F) out += ch;
      else {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\%03o", u);
        out += buf;
      }
    }
  }
  return out + "\"";
}

std::string double_literal(double d, bool single) {
  if (!std::isfinite(d)) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, single ? "%.9g" : "%.17g", d);
  std::string s = buf;
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return single ? s + "f" : s;
}

std::string int32_literal(int64_t v) {
  auto i = static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint64_t>(v)));
  if (i == INT32_MIN) return "(-2147483647 - 1)";
  return std::to_string(i);
}

/// A literal of the VARTYPE `vt` holding `v`; "" when it has no literal.
std::string base_literal(const model::Value& v, uint16_t vt) {
  namespace vtn = model::vt;
  const int64_t* i = std::get_if<int64_t>(&v.data);
  const double* d = std::get_if<double>(&v.data);
  const std::string* s = std::get_if<std::string>(&v.data);
  if (vt == vtn::Bstr || vt == vtn::LpWStr) return s ? string_literal(*s, true) : "";
  if (vt == vtn::LpStr) return s ? string_literal(*s, false) : "";
  if (vt == vtn::R4 || vt == vtn::R8 || vt == vtn::Date) {
    double x = d ? *d : i ? static_cast<double>(*i) : NAN;
    return double_literal(x, vt == vtn::R4);
  }
  if (!i) return "";
  auto u64 = static_cast<uint64_t>(*i);
  switch (vt) {
    case vtn::Bool: return *i ? "VARIANT_TRUE" : "VARIANT_FALSE";
    case vtn::I1: return std::to_string(static_cast<int8_t>(static_cast<uint8_t>(u64)));
    case vtn::UI1: return std::to_string(static_cast<uint8_t>(u64));
    case vtn::I2: return std::to_string(static_cast<int16_t>(static_cast<uint16_t>(u64)));
    case vtn::UI2: return std::to_string(static_cast<uint16_t>(u64));
    case vtn::I4: case vtn::Int: case vtn::Error: case vtn::HResult: return int32_literal(*i);
    case vtn::UI4: case vtn::UInt: return std::to_string(static_cast<uint32_t>(u64)) + "U";
    case vtn::I8:
      if (*i == INT64_MIN) return "(-9223372036854775807LL - 1)";
      return std::to_string(*i) + "LL";
    case vtn::UI8: return std::to_string(u64) + "ULL";
    default: return "";
  }
}

/// A literal a ::tlbkit::variant is constructed from, for a VARIANT parameter's default.
std::string variant_literal(const model::Value& v) {
  namespace vtn = model::vt;
  const int64_t* i = std::get_if<int64_t>(&v.data);
  switch (v.vt) {
    case vtn::Bool: return i ? (*i ? "true" : "false") : "";
    case vtn::I2: return i ? "static_cast<short>(" + base_literal(v, v.vt) + ")" : "";
    case vtn::UI1: return i ? "static_cast<unsigned char>(" + base_literal(v, v.vt) + ")" : "";
    case vtn::I4: case vtn::Int: return i ? int32_literal(*i) : "";
    case vtn::Date: {
      std::string d = base_literal(v, v.vt);
      return d.empty() ? "" : "::tlbkit::variant::date(" + d + ")";
    }
    case vtn::Bstr: case vtn::R4: case vtn::R8: case vtn::I8: case vtn::UI8: case vtn::UI4:
      return base_literal(v, v.vt);
    default: return "";  // EMPTY, NULL, ERROR, CY, DECIMAL, …: no C++ literal makes them
  }
}

}  // namespace

std::string value_literal(Context& cx, const model::Value& v, const model::TypeRef& as) {
  const model::Library* lib = &cx.lib;
  const model::TypeRef* t = &as;
  for (int hop = 0; hop < 16; ++hop) {  // through aliases, bounded
    if (auto* b = std::get_if<model::BaseType>(&t->v)) {
      if (b->vt == model::vt::Variant) return variant_literal(v);
      return base_literal(v, b->vt);
    }
    const int64_t* i = std::get_if<int64_t>(&v.data);
    if (std::holds_alternative<model::Pointer>(t->v) ||
        std::holds_alternative<model::SafeArray>(t->v))
      return (i && *i == 0) ? "nullptr" : "";
    auto* u = std::get_if<model::UserType>(&t->v);
    if (!u) return "";
    Found f = find_type(cx, *lib, *u);
    Target target = resolve_from(cx, *lib, *u, false);
    if (!f.type || target.missing) return i ? int32_literal(*i) : "";
    if (auto* a = std::get_if<model::AliasDef>(&f.type->def)) {
      lib = f.lib;
      t = &a->target;
      continue;
    }
    if (std::holds_alternative<model::EnumDef>(f.type->def))
      return i ? "static_cast<" + target.cpp + ">(" + int32_literal(*i) + ")" : "";
    return "";
  }
  return "";
}

std::string comment_text(std::string_view text) {
  std::string out;
  for (uint32_t cp : code_points(text)) {
    if (cp == '\n' || cp == '\r' || cp == '\t') out += ' ';
    else if (cp >= 0x20 && cp < 0x7F) out += static_cast<char>(cp);
    else if (cp >= 0x80) out += cp <= 0xFFFF ? "\\u" + hex(cp, 4) : "\\U" + hex(cp, 8);
  }
  for (size_t p; (p = out.find("??")) != std::string::npos;) out.replace(p, 2, "? ?");
  while (!out.empty() && (out.back() == '\\' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace tlbkit::cppw
