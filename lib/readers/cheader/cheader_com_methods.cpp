// An interface's methods as model functions: get_X/put_X/putref_X turned back into properties
// (widl and MIDL write [propget] X as get_X), parameter directions from the source or inferred
// where the header says none (widl's headers never do), MEMBERIDs and vtable offsets.
// Layer: readers (private to readers/cheader).
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "readers/cheader/cheader_com_internal.h"

namespace tlbkit::cheader::detail {

namespace m = model;

/// `t` with the sugar over a pointer removed (a typedef of a function pointer, `struct` …),
/// keeping the sugar under it, so a function pointer's parameter types keep their names.
CXType pointer_type(CXType t) {
  for (int guard = 0; guard < 64 && t.kind != CXType_Pointer; ++guard) {
    if (t.kind == CXType_Typedef) {
      t = clang_getTypedefDeclUnderlyingType(clang_getTypeDeclaration(t));
    } else if (t.kind == CXType_Elaborated) {
      t = clang_Type_getNamedType(t);
    } else {
      return clang_getCanonicalType(t);
    }
  }
  return t;
}

namespace {

/// The MEMBERID widl and MIDL give the n-th function of an interface without [id]: 0x60000000 |
/// (number of ancestors << 16) | n (tlbkit's IDL reader: readers/idl/sema_emit.cpp).
constexpr int32_t kFuncMemidBase = 0x60000000;
/// The largest vtable offset a typelib holds (an INT16 whose bit 0 is a flag; model/layout.cpp).
constexpr uint32_t kMaxVtableOffset = 0x7FFC;

bool is_pointer(CXType t) { return clang_getCanonicalType(t).kind == CXType_Pointer; }

/// get_X whose last parameter is a pointer → propget X; put_X / putref_X with a parameter →
/// propput / propputref X. Anything else is a plain method of its own name.
std::pair<m::InvokeKind, std::string> property_of(const RawMethod& rm) {
  const std::string& n = rm.name;
  const size_t count = rm.param_types.size();
  auto after = [&](std::string_view p) {
    return n.size() > p.size() && n.compare(0, p.size(), p) == 0 ? n.substr(p.size())
                                                                  : std::string();
  };
  if (std::string x = after("get_"); !x.empty() && count > 0 && is_pointer(rm.param_types.back()))
    return {m::InvokeKind::PropertyGet, x};
  if (std::string x = after("putref_"); !x.empty() && count > 0)
    return {m::InvokeKind::PropertyPutRef, x};
  if (std::string x = after("put_"); !x.empty() && count > 0)
    return {m::InvokeKind::PropertyPut, x};
  return {m::InvokeKind::Func, n};
}

/// A string or buffer element: char, wchar_t, and the typedef names Windows gives UTF-16 units
/// (WCHAR, OLECHAR are unsigned short in C).
bool is_text_unit(CXType pointee) {
  CXTypeKind k = clang_getCanonicalType(pointee).kind;
  // `WCHAR *` (of a `WCHAR **` parameter) is spelled with WCHAR but is a pointer.
  if (k == CXType_Pointer) return false;
  if (k == CXType_Char_S || k == CXType_Char_U || k == CXType_SChar || k == CXType_UChar ||
      k == CXType_WChar)
    return true;
  std::string s = spelling(pointee);
  return s.find("WCHAR") != std::string::npos || s.find("OLECHAR") != std::string::npos;
}

bool is_void(CXType t) { return clang_getCanonicalType(t).kind == CXType_Void; }

bool is_hresult(CXType t) { return spelling(t) == "HRESULT"; }

/// The direction of a parameter the source says nothing about (widl's headers never say), as
/// far as the rules are right on Wine's IDL files (see tests/readers/cheader_com_test.cpp):
///  - the value a property get returns: [out, retval];
///  - a pointer to a non-const pointer (IFoo **, void **, BSTR *, LPWSTR *), number, enum or
///    record that is not an interface: [out]; and [retval] too when it is the last parameter of
///    an HRESULT method of an interface deriving from IDispatch;
///  - a VARIANT * is [in], but the last one of such an automation method is [out, retval];
///  - everything else (values, const pointees, strings, void *, interface pointers): [in].
uint16_t inferred_flags(Context& cx, const RawMethod& rm, m::InvokeKind kind, size_t i,
                        bool automation) {
  using namespace m::paramflag;
  const bool last = i + 1 == rm.param_types.size();
  if (kind == m::InvokeKind::PropertyGet && last) return Out | RetVal;
  const bool retval = last && automation && is_hresult(rm.result);
  CXType t = rm.param_types[i];
  if (clang_getCanonicalType(t).kind != CXType_Pointer) return In;
  // The pointee with its typedef names where the parameter's type has them.
  CXType pointee = clang_getPointeeType(pointer_type(t));
  if (clang_isConstQualifiedType(pointee) || is_void(pointee) || is_text_unit(pointee)) return In;
  CXType pc = clang_getCanonicalType(pointee);
  if (pc.kind == CXType_Record) {
    CXCursor decl = clang_getTypeDeclaration(pc);
    std::string tag = spelling(decl);
    if (tag == "tagVARIANT") return retval ? Out | RetVal : In;
    // An interface (IFoo *) or a handle (HWND: struct HWND__ *).
    if (is_com_interface(cx, decl) || (tag.size() > 2 && tag.substr(tag.size() - 2) == "__"))
      return In;
    // A record (RECT *): filled by a Get method, read by the others.
    if (rm.name.rfind("Get", 0) != 0) return In;
  }
  return retval ? Out | RetVal : Out;
}

/// The text of a C string literal token (L"…", "…") as UTF-8; nullopt for an escape this does
/// not know (then the default is left out rather than guessed).
std::optional<std::string> string_literal(std::string_view t) {
  while (!t.empty() && t.front() != '"') t.remove_prefix(1);  // L, u, U, u8
  if (t.size() < 2 || t.back() != '"') return std::nullopt;
  t = t.substr(1, t.size() - 2);
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '\\') {
      out += t[i];  // the source's bytes: UTF-8 already
      continue;
    }
    if (++i >= t.size()) return std::nullopt;
    switch (t[i]) {
      case '\\': case '"': case '\'': case '?': out += t[i]; break;
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case '0': out += '\0'; break;
      default: return std::nullopt;
    }
  }
  return out;
}

/// An integer kept as the IDL reader keeps it for `vt`: unsigned types zero-extended, signed
/// ones sign-extended, from their width.
int64_t narrow(int64_t v, uint16_t vt) {
  switch (vt) {
    case m::vt::I1: return static_cast<int8_t>(v);
    case m::vt::UI1: return static_cast<uint8_t>(v);
    case m::vt::I2: case m::vt::Bool: return static_cast<int16_t>(v);
    case m::vt::UI2: return static_cast<uint16_t>(v);
    case m::vt::UI4: case m::vt::UInt: return static_cast<uint32_t>(v);
    case m::vt::I8: case m::vt::UI8: return v;
    default: return static_cast<int32_t>(v);
  }
}

/// A C++ default argument (`LONG lFlags = 1`, `BSTR name = L""`: widl writes [defaultvalue] so)
/// as the typelib's default value, typed as the IDL reader types it (an enum's and a VARIANT's as
/// VT_I4); nullopt when the parameter has none or it is no constant of a type a typelib holds.
std::optional<m::Value> default_argument(Context& cx, CXCursor param, const m::TypeRef& type) {
  CXCursor expr = clang_getNullCursor();
  visit_children(param, [&](CXCursor c) {
    if (clang_isExpression(clang_getCursorKind(c))) expr = c;
    return CXChildVisit_Continue;
  });
  if (clang_Cursor_isNull(expr)) return std::nullopt;
  uint16_t vt = m::vt::I4;  // enums (user types) and VARIANTs
  if (const auto* b = std::get_if<m::BaseType>(&type.v)) {
    vt = b->vt == m::vt::Variant ? m::vt::I4 : b->vt;
  } else if (!std::holds_alternative<m::UserType>(type.v) ||
             clang_getCanonicalType(clang_getCursorType(param)).kind != CXType_Enum) {
    return std::nullopt;
  }
  if (vt == m::vt::Bstr || vt == m::vt::LpStr || vt == m::vt::LpWStr) {
    // The literal's own text: libclang evaluates only narrow strings.
    CXSourceRange r = clang_getCursorExtent(expr);
    FileText a = file_text(cx, clang_getRangeStart(r));
    FileText b = file_text(cx, clang_getRangeEnd(r));
    if (a.text.empty() || a.file != b.file || b.offset <= a.offset || b.offset > a.text.size())
      return std::nullopt;
    auto text = string_literal(a.text.substr(a.offset, b.offset - a.offset));
    if (!text) return std::nullopt;
    return m::Value{m::vt::Bstr, *text};
  }
  CXEvalResult r = clang_Cursor_Evaluate(expr);
  if (r == nullptr) return std::nullopt;
  std::optional<m::Value> out;
  const CXEvalResultKind k = clang_EvalResult_getKind(r);
  if (k == CXEval_Int) {
    const int64_t v = clang_EvalResult_isUnsignedInt(r)
                          ? static_cast<int64_t>(clang_EvalResult_getAsUnsigned(r))
                          : clang_EvalResult_getAsLongLong(r);
    if (vt == m::vt::R4 || vt == m::vt::R8) out = m::Value{vt, static_cast<double>(v)};
    else out = m::Value{vt, narrow(v, vt)};
  } else if (k == CXEval_Float && (vt == m::vt::R4 || vt == m::vt::R8)) {
    out = m::Value{vt, clang_EvalResult_getAsDouble(r)};
  }
  clang_EvalResult_dispose(r);
  return out;
}

m::Function make_method(Context& cx, const RawMethod& rm, uint32_t ptr, bool automation) {
  m::Function f;
  auto [kind, name] = property_of(rm);
  f.name = name;
  f.invkind = kind;
  f.funckind = m::FuncKind::PureVirtual;
  f.callconv = rm.callconv;
  f.variadic = rm.variadic;
  f.vtable_offset =
      static_cast<int32_t>(std::min<uint64_t>(uint64_t{rm.slot} * ptr, kMaxVtableOffset));
  f.result = cx.map_type(rm.result);
  const bool named = rm.params.size() == rm.param_types.size();
  for (size_t i = 0; i < rm.param_types.size(); ++i) {
    m::Param p;
    p.type = cx.map_type(rm.param_types[i]);
    if (named) {
      p.name = written_name(cx, rm.params[i]);  // FindText, not <windows.h>'s FindTextA
      CXSourceLocation from = i == 0 ? rm.params_from
                                     : clang_getRangeEnd(clang_getCursorExtent(rm.params[i - 1]));
      p.flags = flags_between(cx, from, rm.params[i]);
    }
    if (named) {
      // A default argument: [in, defaultvalue(x)], which a typelib records as in, optional and
      // has-default.
      if (auto v = default_argument(cx, rm.params[i], p.type)) {
        if (p.flags == 0) p.flags = m::paramflag::In;
        p.flags |= m::paramflag::Opt | m::paramflag::HasDefault;
        p.default_value = std::move(v);
      }
    }
    if (p.flags == 0) p.flags = inferred_flags(cx, rm, kind, i, automation);
    f.params.push_back(std::move(p));
  }
  // As the IDL reader (after widl) records them: a property put's value has no name.
  if ((kind == m::InvokeKind::PropertyPut || kind == m::InvokeKind::PropertyPutRef) &&
      !f.params.empty())
    f.params.back().name.clear();
  return f;
}

}  // namespace

std::vector<m::Function> make_methods(Context& cx, const std::vector<RawMethod>& methods,
                                      uint32_t parents, bool automation) {
  const uint32_t ptr = cx.opts.target == m::SysKind::Win32 ? 4u : 8u;
  const int32_t memid_base = kFuncMemidBase | static_cast<int32_t>((parents & 0xFFF) << 16);
  std::vector<m::Function> out;
  // A property's accessors share the first one's MEMBERID; C++ overloads of one name (two
  // functions of one invoke kind) are two members, each with its own.
  struct Member {
    int32_t memid;
    unsigned kinds;  // the InvokeKind bits taken
  };
  std::map<std::string, Member> members;
  int32_t n = 0;
  for (const RawMethod& rm : methods) {
    m::Function f = make_method(cx, rm, ptr, automation);
    const auto kind = static_cast<unsigned>(f.invkind);
    f.memid = memid_base | n;
    auto [it, fresh] = members.try_emplace(f.name, Member{f.memid, kind});
    if (!fresh && (it->second.kinds & kind) == 0) {
      f.memid = it->second.memid;
      it->second.kinds |= kind;
    }
    ++n;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace tlbkit::cheader::detail
