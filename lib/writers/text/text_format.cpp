// Strings, numbers, flag names, values and type names of the text view. Layer: writers.
#include "writers/text/text_format.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <span>

#include "model/automation_names.h"

namespace tlbkit::text {

using namespace model;

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(static_cast<uint8_t>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string hex(uint64_t v, int digits) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%0*llX", digits, static_cast<unsigned long long>(v));
  return buf;
}

std::string guid_text(const Guid& g) { return g.to_string(); }

namespace {
/// Names of the set bits, in bit order; bits the table does not name are printed as hex. The
/// names are the shared ones of model/automation_names.h: the IDL attributes that set each bit.
std::string flag_names(uint16_t flags, std::span<const names::Named> table) {
  std::string out;
  auto add = [&](std::string_view s) {
    if (!out.empty()) out += ", ";
    out += s;
  };
  uint16_t named = 0;
  for (const names::Named& f : table) {
    if (flags & f.value) add(f.name);
    named = static_cast<uint16_t>(named | f.value);
  }
  if (uint16_t rest = static_cast<uint16_t>(flags & ~named)) add(hex(rest));
  return out;
}
}  // namespace

std::string type_flag_names(uint16_t flags) { return flag_names(flags, names::type_flags()); }
std::string func_flag_names(uint16_t flags) { return flag_names(flags, names::func_flags()); }
std::string var_flag_names(uint16_t flags) { return flag_names(flags, names::var_flags()); }
std::string lib_flag_names(uint16_t flags) { return flag_names(flags, names::lib_flags()); }
std::string impl_flag_names(uint16_t flags) { return flag_names(flags, names::impl_flags()); }

std::string_view syskind_name(SysKind s) {
  switch (s) {
    case SysKind::Win16: return "win16";
    case SysKind::Win32: return "win32";
    case SysKind::Mac: return "mac";
    case SysKind::Win64: return "win64";
  }
  return "?";
}

std::string_view callconv_name(CallConv c) {
  switch (c) {
    case CallConv::FastCall: return "__fastcall";
    case CallConv::CDecl: return "__cdecl";
    case CallConv::Pascal: return "__pascal";
    case CallConv::MacPascal: return "__macpascal";
    case CallConv::StdCall: return "__stdcall";
    case CallConv::FpFastCall: return "__fpfastcall";
    case CallConv::Syscall: return "__syscall";
    case CallConv::MpwCDecl: return "__mpwcdecl";
    case CallConv::MpwPascal: return "__mpwpascal";
  }
  return "__callconv?";
}

std::string vt_text(uint16_t v) {
  if (std::string_view idl = vt::idl_name(v); !idl.empty()) return std::string(idl);
  switch (v) {  // VARTYPEs IDL has no keyword for: their wtypes.h names
    case vt::Empty: return "VT_EMPTY";
    case vt::Null: return "VT_NULL";
    case vt::Ptr: return "VT_PTR";
    case vt::SafeArray: return "VT_SAFEARRAY";
    case vt::CArray: return "VT_CARRAY";
    case vt::UserDefined: return "VT_USERDEFINED";
    case vt::Record: return "VT_RECORD";
    case vt::IntPtr: return "INT_PTR";
    case vt::UIntPtr: return "UINT_PTR";
    case vt::FileTime: return "FILETIME";
    case vt::Blob: return "BLOB";
    case vt::Clsid: return "CLSID";
    default: return "VT_" + hex(v);
  }
}

namespace {
std::string double_text(double d) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string s(buf, ec == std::errc() ? end : buf);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";  // keep it visibly a real
  return s;
}

std::string integer_text(uint16_t v, int64_t i) {
  switch (v) {
    case vt::UI8: return std::to_string(static_cast<uint64_t>(i));
    case vt::HResult:
    case vt::Error: return hex(static_cast<uint32_t>(i), 8);
    case vt::Cy: {  // CURRENCY: a 64-bit integer scaled by 10000 (wtypes.h, CY)
      uint64_t mag = i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
      char frac[8];
      std::snprintf(frac, sizeof frac, "%04u", static_cast<unsigned>(mag % 10000));
      std::string s = i < 0 ? "-" : "";
      s += std::to_string(mag / 10000);
      s += '.';
      return s + frac;
    }
    default: return std::to_string(i);
  }
}
}  // namespace

std::string value_literal(const Value& v) {
  struct Visitor {
    uint16_t vt;
    std::string operator()(std::monostate) const {
      if (vt == vt::Empty) return "empty";
      // A string type without text is a null string (VB's vbNullString), not an empty one.
      if (vt == vt::Null || vt == vt::Bstr || vt == vt::LpStr || vt == vt::LpWStr) return "NULL";
      return "?";
    }
    std::string operator()(int64_t i) const { return integer_text(vt, i); }
    std::string operator()(double d) const { return double_text(d); }
    std::string operator()(const std::string& s) const { return quoted(s); }
  };
  return std::visit(Visitor{v.vt}, v.data);
}

std::string typed_value(const Value& v) { return vt_text(v.vt) + " " + value_literal(v); }

// ---- Type names --------------------------------------------------------------------------

std::string TypeNamer::library_qualifier(uint32_t import) const {
  if (import >= lib_.imports.size()) return "?";
  if (!lib_.imports[import].name.empty()) return lib_.imports[import].name;
  if (const Library* other = set_.imported(lib_, import)) return other->name;
  return "?";
}

std::string TypeNamer::bare_name(const UserType& u) const {
  if (auto found = set_.resolve(lib_, u); found.type) return found.type->name;
  if (!u.name.empty()) return u.name;
  if (u.guid) return guid_text(*u.guid);
  return "?";
}

std::string TypeNamer::user_type(const UserType& u) const {
  if (!u.import) return bare_name(u);
  std::string q = library_qualifier(*u.import);
  q += '.';
  q += bare_name(u);
  return q;
}

namespace {
std::string bounds_text(const std::vector<ArrayBound>& bounds) {
  std::string out;
  for (const ArrayBound& b : bounds) {
    // (Appended piecewise: GCC 12 warns falsely on `"[" + std::string` under -O3.)
    out += '[';
    if (b.lower == 0) {
      out += std::to_string(b.count);
    } else {  // IDL has no lower bounds; show the index range as VB would
      int64_t upper = int64_t{b.lower} + int64_t{b.count} - 1;
      out += std::to_string(b.lower);
      out += "..";
      out += std::to_string(upper);
    }
    out += ']';
  }
  return out;
}
}  // namespace

std::string TypeNamer::type(const TypeRef& t) const {
  struct Visitor {
    const TypeNamer& n;
    std::string operator()(const BaseType& b) const { return vt_text(b.vt); }
    std::string operator()(const Pointer& p) const { return n.type(*p.pointee) + "*"; }
    std::string operator()(const SafeArray& s) const {
      return "SAFEARRAY(" + n.type(*s.element) + ")";
    }
    std::string operator()(const CArray& a) const {
      return n.type(*a.element) + bounds_text(a.bounds);
    }
    std::string operator()(const UserType& u) const { return n.user_type(u); }
  };
  return std::visit(Visitor{*this}, t.v);
}

std::string TypeNamer::declaration(const TypeRef& t, const std::string& name) const {
  if (const auto* a = std::get_if<CArray>(&t.v))
    return type(*a->element) + " " + name + bounds_text(a->bounds);
  std::string ty = type(t);
  return name.empty() ? ty : ty + " " + name;
}

std::string_view TypeNamer::interface_keyword(const TypeRef& t) const {
  if (const auto* u = std::get_if<UserType>(&t.v))
    if (auto found = set_.resolve(lib_, *u); found.type)
      if (std::holds_alternative<DispatchDef>(found.type->def)) return "dispinterface";
  return "interface";
}

}  // namespace tlbkit::text
