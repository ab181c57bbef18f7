// C types as model types, with the meaning tlbkit's IDL reader gives the same names (its
// sema_types.cpp: OLE Automation's names first, IUnknown/IDispatch pointers as VT_UNKNOWN and
// VT_DISPATCH, typedefs seen through unless they name a tagless type), and OLE Automation's own
// types as stdole2.tlb's. Layer: readers.
#include <array>

#include "readers/cheader/cheader_state.h"

namespace tlbkit::cheader::detail {

namespace m = tlbkit::model;

namespace {

/// stdole2.tlb's types: name, index in the library, GUID (none for records and the
/// dispinterface aliases). Taken from testdata/corpus/wine/stdole2.tlb, the library the driver
/// builds in (driver/builtin_libraries(), which this layer cannot include); a reference to one of
/// them is by GUID when it has one and by index otherwise, as the IDL reader's import_ref makes it.
struct StdoleType {
  const char* name;
  uint32_t index;
  const char* guid;
};
constexpr std::array<StdoleType, 42> kStdole = {{
    {"GUID", 0, nullptr},
    {"DISPPARAMS", 1, nullptr},
    {"EXCEPINFO", 2, nullptr},
    {"IUnknown", 3, "{00000000-0000-0000-C000-000000000046}"},
    {"IDispatch", 4, "{00020400-0000-0000-C000-000000000046}"},
    {"IEnumVARIANT", 5, "{00020404-0000-0000-C000-000000000046}"},
    {"OLE_COLOR", 6, "{66504301-BE0F-101A-8BBB-00AA00300CAB}"},
    {"OLE_XPOS_PIXELS", 7, "{66504302-BE0F-101A-8BBB-00AA00300CAB}"},
    {"OLE_YPOS_PIXELS", 8, "{66504303-BE0F-101A-8BBB-00AA00300CAB}"},
    {"OLE_XSIZE_PIXELS", 9, "{66504304-BE0F-101A-8BBB-00AA00300CAB}"},
    {"OLE_YSIZE_PIXELS", 10, "{66504305-BE0F-101A-8BBB-00AA00300CAB}"},
    {"OLE_XPOS_HIMETRIC", 11, "{66504306-BE0F-101A-8BBB-00AA00300CAB}"},
    {"OLE_YPOS_HIMETRIC", 12, "{66504307-BE0F-101A-8BBB-00AA00300CAB}"},
    {"OLE_XSIZE_HIMETRIC", 13, "{66504308-BE0F-101A-8BBB-00AA00300CAB}"},
    {"OLE_YSIZE_HIMETRIC", 14, "{66504309-BE0F-101A-8BBB-00AA00300CAB}"},
    {"OLE_XPOS_CONTAINER", 15, "{BF030640-9069-101B-AE2D-08002B2EC713}"},
    {"OLE_YPOS_CONTAINER", 16, "{BF030641-9069-101B-AE2D-08002B2EC713}"},
    {"OLE_XSIZE_CONTAINER", 17, "{BF030642-9069-101B-AE2D-08002B2EC713}"},
    {"OLE_YSIZE_CONTAINER", 18, "{BF030643-9069-101B-AE2D-08002B2EC713}"},
    {"OLE_HANDLE", 19, "{66504313-BE0F-101A-8BBB-00AA00300CAB}"},
    {"OLE_OPTEXCLUSIVE", 20, "{6650430B-BE0F-101A-8BBB-00AA00300CAB}"},
    {"OLE_CANCELBOOL", 21, "{BF030644-9069-101B-AE2D-08002B2EC713}"},
    {"OLE_ENABLEDEFAULTBOOL", 22, "{BF030645-9069-101B-AE2D-08002B2EC713}"},
    {"OLE_TRISTATE", 23, "{6650430A-BE0F-101A-8BBB-00AA00300CAB}"},
    {"FONTNAME", 24, "{6650430D-BE0F-101A-8BBB-00AA00300CAB}"},
    {"FONTSIZE", 25, "{6650430E-BE0F-101A-8BBB-00AA00300CAB}"},
    {"FONTBOLD", 26, "{6650430F-BE0F-101A-8BBB-00AA00300CAB}"},
    {"FONTITALIC", 27, "{66504310-BE0F-101A-8BBB-00AA00300CAB}"},
    {"FONTUNDERSCORE", 28, "{66504311-BE0F-101A-8BBB-00AA00300CAB}"},
    {"FONTSTRIKETHROUGH", 29, "{66504312-BE0F-101A-8BBB-00AA00300CAB}"},
    {"IFont", 30, "{BEF6E002-A874-101A-8BBA-00AA00300CAB}"},
    {"Font", 31, "{BEF6E003-A874-101A-8BBA-00AA00300CAB}"},
    {"IFontDisp", 32, nullptr},
    {"StdFont", 33, "{0BE35203-8F91-11CE-9DE3-00AA004BB851}"},
    {"IPicture", 34, "{7BF80980-BF32-101A-8BBB-00AA00300CAB}"},
    {"Picture", 35, "{7BF80981-BF32-101A-8BBB-00AA00300CAB}"},
    {"IPictureDisp", 36, nullptr},
    {"StdPicture", 37, "{0BE35204-8F91-11CE-9DE3-00AA004BB851}"},
    {"LoadPictureConstants", 38, "{E6C8FA08-BD9F-11D0-985E-00C04FC29993}"},
    {"StdFunctions", 39, "{91209AC0-60F6-11CF-9C5D-00AA00C1489E}"},
    {"FontEvents", 40, "{4EF6100A-AF88-11D0-9846-00C04FC29993}"},
    {"IFontEventsDisp", 41, nullptr},
}};

const StdoleType* find_stdole(std::string_view name) {
  for (const StdoleType& s : kStdole) {
    if (name == s.name) return &s;
  }
  return nullptr;
}

/// Types OLE Automation knows by name, whatever their C definition (the IDL reader's list, and
/// CY, which MinGW declares as a union where wtypes.idl has a struct: the currency type either
/// way). LPCSTR, LPCWSTR, LPOLESTR and LPCOLESTR are [string] typedefs in wtypes.idl, which the
/// IDL reader reads as LPSTR/LPWSTR.
uint16_t named_vt(std::string_view name) {
  static constexpr std::pair<std::string_view, uint16_t> kNames[] = {
      {"BSTR", m::vt::Bstr},       {"CURRENCY", m::vt::Cy},      {"CY", m::vt::Cy},
      {"DATE", m::vt::Date},       {"DECIMAL", m::vt::Decimal},  {"HRESULT", m::vt::HResult},
      {"LPSTR", m::vt::LpStr},     {"LPCSTR", m::vt::LpStr},     {"LPWSTR", m::vt::LpWStr},
      {"LPCWSTR", m::vt::LpWStr},  {"LPOLESTR", m::vt::LpWStr},  {"LPCOLESTR", m::vt::LpWStr},
      {"SCODE", m::vt::Error},     {"VARIANT", m::vt::Variant},  {"VARIANT_BOOL", m::vt::Bool},
      // wtypes.idl's BOOL is a long (MinGW's an int): the IDL reader's reading of the name.
      {"BOOL", m::vt::I4},
      // In C, wchar_t is a typedef (MinGW's stddef.h: unsigned short); it is the same type as
      // C++'s builtin wchar_t, which is read as widl reads it (builtin_vt).
      {"wchar_t", m::vt::I2}};
  for (const auto& [n, vt] : kNames) {
    if (name == n) return vt;
  }
  return 0;
}

/// VARTYPEs of C's arithmetic types with Windows' sizes (long is 32 bits; wchar_t is read as a
/// short and char as signed, as widl reads them).
uint16_t builtin_vt(CXTypeKind k) {
  switch (k) {
    case CXType_Void: return m::vt::Void;
    case CXType_Bool:
    case CXType_UChar:
    case CXType_Char_U: return m::vt::UI1;
    case CXType_Char_S:
    case CXType_SChar: return m::vt::I1;
    case CXType_WChar:
    case CXType_Short: return m::vt::I2;
    case CXType_Char16:
    case CXType_UShort: return m::vt::UI2;
    case CXType_Int: return m::vt::Int;
    case CXType_UInt: return m::vt::UInt;
    case CXType_Long: return m::vt::I4;
    case CXType_Char32:
    case CXType_ULong: return m::vt::UI4;
    case CXType_LongLong: return m::vt::I8;
    case CXType_ULongLong: return m::vt::UI8;
    case CXType_Float: return m::vt::R4;
    case CXType_Double:
    case CXType_LongDouble: return m::vt::R8;
    default: return 0;
  }
}

bool is_function_type(CXType t) {
  return t.kind == CXType_FunctionProto || t.kind == CXType_FunctionNoProto;
}

m::TypeRef map(Context& cx, CXType t, int depth);

/// basetsd.h's pointer-sized integers are `[signed|unsigned] __int3264` when widl reads them
/// (testdata/idl/wine-headers/basetsd.h, its __midl branch): VT_I4/VT_UI4 on win32, VT_I8/VT_UI8
/// on win64 — where MinGW's win32 typedefs say int and unsigned int (VT_INT/VT_UINT).
uint16_t pointer_sized_vt(std::string_view name, m::SysKind target) {
  bool w64 = target == m::SysKind::Win64;
  if (name == "INT_PTR" || name == "LONG_PTR") return w64 ? m::vt::I8 : m::vt::I4;
  if (name == "UINT_PTR" || name == "ULONG_PTR") return w64 ? m::vt::UI8 : m::vt::UI4;
  return 0;
}

/// The handles wtypes.idl marshals as a RemotableHandle (`typedef [wire_marshal(wireHWND)]
/// void *HWND`, its lines 553-574): the IDL reader reads HWND as the alias wireHWND of a pointer
/// to _RemotableHandle, so the header reader makes the same three types for them.
bool is_remotable_handle(std::string_view name) {
  static constexpr std::string_view kHandles[] = {"HACCEL", "HBRUSH", "HDC",  "HFONT",
                                                  "HICON",  "HMENU",  "HWND"};
  for (std::string_view h : kHandles) {
    if (name == h) return true;
  }
  return false;
}

m::Variable int_field(const std::string& name, uint32_t n, uint32_t offset) {
  m::Variable v;
  v.name = name;
  v.memid = 0x40000000 + static_cast<int32_t>(n);  // widl's field numbering (cheader_decls)
  v.type = m::TypeRef::base(m::vt::I4);
  v.offset = offset;
  return v;
}

uint32_t add_synthetic(Context& cx, const std::string& key, m::TypeInfo t) {
  auto idx = static_cast<uint32_t>(cx.lib.types.size());
  cx.state->by_usr.emplace(key, idx);
  cx.lib.types.push_back(std::move(t));
  return idx;
}

m::TypeRef local_ref(Context& cx, uint32_t idx) {
  m::UserType ut;
  ut.name = cx.lib.types[idx].name;
  ut.index = idx;
  return m::TypeRef{std::move(ut)};
}

/// wtypes.idl's `union _RemotableHandle switch (long fContext) u { long hInproc; long hRemote; }`
/// as the IDL reader lays it out: a struct of the discriminant and a union named `u`.
m::TypeRef remotable_handle(Context& cx) {
  const std::string key = "@tlbkit:_RemotableHandle";
  if (auto it = cx.state->by_usr.find(key); it != cx.state->by_usr.end()) {
    return local_ref(cx, it->second);
  }
  m::TypeInfo rec;
  rec.name = "_RemotableHandle";
  rec.layout = m::TypeLayout{8, 4, 0};
  uint32_t idx = add_synthetic(cx, key, rec);
  m::TypeInfo un;
  un.name = generated_name(cx);
  un.layout = m::TypeLayout{4, 4, 0};
  un.def = m::UnionDef{{int_field("hInproc", 0, 0), int_field("hRemote", 1, 0)}};
  uint32_t uidx = add_synthetic(cx, "@tlbkit:_RemotableHandle.u", un);
  m::Variable u = int_field("u", 1, 4);
  u.type = local_ref(cx, uidx);
  cx.lib.types[idx].def = m::RecordDef{{int_field("fContext", 0, 0), u}};
  return local_ref(cx, idx);
}

m::TypeRef wire_handle(Context& cx, const std::string& handle) {
  const std::string key = "@tlbkit:wire" + handle;
  if (auto it = cx.state->by_usr.find(key); it != cx.state->by_usr.end()) {
    return local_ref(cx, it->second);
  }
  uint16_t ptr = cx.lib.syskind == m::SysKind::Win32 ? 4 : 8;
  m::TypeInfo alias;
  alias.name = "wire" + handle;
  alias.layout = m::TypeLayout{ptr, ptr, 0};
  uint32_t idx = add_synthetic(cx, key, alias);
  cx.lib.types[idx].def = m::AliasDef{m::TypeRef::pointer_to(remotable_handle(cx))};
  return local_ref(cx, idx);
}

/// The struct DECLARE_HANDLE(NAME) declares for a strict handle type (winnt.h:
/// `struct NAME##__ { int unused; }; typedef struct NAME##__ *NAME`): a handle, not data.
bool is_handle_struct(CXCursor decl) {
  std::string name = spelling(decl);
  if (name.size() < 3 || name.compare(name.size() - 2, 2, "__") != 0) return false;
  CXCursor def = clang_getCursorDefinition(decl);
  if (clang_Cursor_isNull(def)) return false;
  int fields = 0;
  bool unused = false;
  visit_children(def, [&](CXCursor c) {
    if (clang_getCursorKind(c) == CXCursor_FieldDecl) {
      ++fields;
      unused = spelling(c) == "unused";
    }
    return CXChildVisit_Continue;
  });
  return fields == 1 && unused;
}

/// A pointer to a DECLARE_HANDLE struct: the handle type.
bool is_handle_pointer(CXType t) {
  t = strip_sugar(t);
  if (t.kind != CXType_Pointer) return false;
  CXType pointee = strip_sugar(clang_getPointeeType(t));
  return pointee.kind == CXType_Record && is_handle_struct(clang_getTypeDeclaration(pointee));
}

/// A handle of the SDK's (HINSTANCE, HKL … DECLARE_HANDLE's, other than the RemotableHandle ones
/// above) as wtypes.idl declares them for the IDL reader (`DECLARE_HANDLE(name)` is
/// `typedef void *name` there): an alias of void* under the handle's name.
m::TypeRef handle_alias(Context& cx, const std::string& handle) {
  const std::string key = "@tlbkit:handle:" + handle;
  if (auto it = cx.state->by_usr.find(key); it != cx.state->by_usr.end()) {
    return local_ref(cx, it->second);
  }
  uint16_t ptr = cx.lib.syskind == m::SysKind::Win32 ? 4 : 8;
  m::TypeInfo alias;
  alias.name = handle;
  alias.layout = m::TypeLayout{ptr, ptr, 0};
  alias.def = m::AliasDef{m::TypeRef::pointer_to(m::TypeRef::base(m::vt::Void))};
  return local_ref(cx, add_synthetic(cx, key, std::move(alias)));
}

/// A struct, union, enum or interface declaration as a reference.
m::TypeRef decl_ref(Context& cx, CXCursor decl) {
  std::string name = spelling(decl);
  if (name == "IUnknown") return m::TypeRef::base(m::vt::Unknown);
  if (name == "IDispatch") return m::TypeRef::base(m::vt::Dispatch);
  if (find_stdole(name) && !declares_stdole_type(cx, decl)) return cx.stdole(name);
  std::optional<uint32_t> idx = cx.declare(decl);
  if (!idx) return m::TypeRef::base(m::vt::Void);
  m::UserType ut;
  ut.name = cx.lib.types[*idx].name;
  ut.index = *idx;
  return m::TypeRef{std::move(ut)};
}

/// A typedef name: OLE Automation's names, stdole's types, the alias a typedef of the user's
/// header becomes, the alias of a tagless type, or (the SDK's other typedefs) seen through to
/// what it names.
m::TypeRef map_typedef(Context& cx, CXType t, int depth) {
  CXCursor decl = clang_getTypeDeclaration(t);
  std::string name = spelling(decl);
  if (uint16_t vt = named_vt(name)) return m::TypeRef::base(vt);
  if (uint16_t vt = pointer_sized_vt(name, cx.lib.syskind)) return m::TypeRef::base(vt);
  if (is_remotable_handle(name)) return wire_handle(cx, name);
  // A typedef the user's header declares is a type of its own, named as the header names it
  // (msctf.h's TfEditCookie, wuapi.h's UpdateType for enum tagUpdateType): declare_typedef.
  if (cx.taken(decl)) {
    if (std::optional<uint32_t> idx = cx.declare(decl)) return local_ref(cx, *idx);
  }
  if (is_handle_pointer(clang_getTypedefDeclUnderlyingType(decl))) return handle_alias(cx, name);
  CXType under = strip_sugar(clang_getTypedefDeclUnderlyingType(decl));
  if (under.kind == CXType_Record || under.kind == CXType_Enum) {
    CXCursor rec = clang_getTypeDeclaration(under);
    std::string tag = spelling(rec);
    if (name == "IUnknown") return m::TypeRef::base(m::vt::Unknown);
    if (name == "IDispatch") return m::TypeRef::base(m::vt::Dispatch);
    if (find_stdole(name) && !declares_stdole_type(cx, decl)) return cx.stdole(name);
    if (tag.empty() || is_generated_tag(tag)) {
      // The typedef names a tagless type: it is an alias of it (the IDL reader's rule).
      if (std::optional<uint32_t> idx = cx.declare(decl)) return local_ref(cx, *idx);
    }
    return decl_ref(cx, rec);
  }
  // Seen through: a function pointer's calling convention is in the typedef's own words.
  CXCursor saved = cx.state->declaring;
  cx.state->declaring = decl;
  m::TypeRef r = map(cx, clang_getTypedefDeclUnderlyingType(decl), depth + 1);
  cx.state->declaring = saved;
  return r;
}

/// SAFEARRAY (oaidl's tagSAFEARRAY) behind a pointer is a SAFEARRAY of unknown element type:
/// VARIANT, the usual reading of a bare SAFEARRAY*.
bool is_safearray(CXType t) {
  t = strip_sugar(t);
  if (t.kind == CXType_Typedef) {
    std::string n = spelling(clang_getTypeDeclaration(t));
    if (n == "SAFEARRAY") return true;
    return is_safearray(clang_getTypedefDeclUnderlyingType(clang_getTypeDeclaration(t)));
  }
  return t.kind == CXType_Record && spelling(clang_getTypeDeclaration(t)) == "tagSAFEARRAY";
}

m::TypeRef map_pointer(Context& cx, CXType t, int depth) {
  CXType pointee = clang_getPointeeType(t);
  CXType bare = clang_getCanonicalType(pointee);
  if (is_function_type(bare)) {
    m::Pointer p{m::TypeRef::base(m::vt::Void)};
    // The pointee as written (libclang looks through its parentheses): the canonical type
    // would have lost the parameters' typedef names (HWND …).
    p.function = signature_of(cx, pointee);
    return m::TypeRef{std::move(p)};
  }
  if (is_safearray(pointee)) return m::TypeRef::safearray_of(m::TypeRef::base(m::vt::Variant));
  // A handle's struct is no data: the handle is an opaque pointer.
  if (is_handle_pointer(t)) return m::TypeRef::pointer_to(m::TypeRef::base(m::vt::Void));
  m::TypeRef inner = map(cx, pointee, depth + 1);
  // IUnknown and IDispatch already are pointers: `IUnknown *p` is VT_UNKNOWN.
  // (Only a pointer to the interface itself: `IUnknown **` is a pointer to VT_UNKNOWN.)
  if (const auto* b = std::get_if<m::BaseType>(&inner.v);
      b && (b->vt == m::vt::Unknown || b->vt == m::vt::Dispatch) && bare.kind == CXType_Record) {
    return inner;
  }
  return m::TypeRef::pointer_to(std::move(inner));
}

m::TypeRef map_array(Context& cx, CXType t, int depth) {
  m::CArray arr;
  CXType cur = t;
  for (int guard = 0; guard < 64; ++guard) {
    CXType s = strip_sugar(cur);
    if (s.kind == CXType_ConstantArray) {
      long long n = clang_getArraySize(s);
      arr.bounds.push_back({0, n > 0 && n <= 0x7fffffff ? static_cast<uint32_t>(n) : 0u});
    } else if (s.kind == CXType_IncompleteArray) {
      arr.bounds.push_back({0, 0});
    } else {
      break;
    }
    cur = clang_getArrayElementType(s);
  }
  arr.element = map(cx, cur, depth + 1);
  return m::TypeRef{std::move(arr)};
}

m::TypeRef map(Context& cx, CXType t, int depth) {
  // Declarators nest only so deep in real headers; the bound keeps a hostile one finite.
  if (depth > 64) return m::TypeRef::base(m::vt::Void);
  t = strip_sugar(t);
  if (uint16_t vt = builtin_vt(t.kind)) return m::TypeRef::base(vt);
  switch (t.kind) {
    case CXType_Typedef:
      return map_typedef(cx, t, depth);
    case CXType_Pointer:
    case CXType_LValueReference:
    case CXType_RValueReference:  // a reference is a pointer in the model
      return map_pointer(cx, t, depth);
    case CXType_ConstantArray:
    case CXType_IncompleteArray:
      return map_array(cx, t, depth);
    case CXType_Record:
    case CXType_Enum:
      return decl_ref(cx, clang_getTypeDeclaration(t));
    case CXType_Int128:
    case CXType_UInt128: {
      m::CArray bytes{m::TypeRef::base(m::vt::UI1), {{0, 16}}};  // no VARTYPE holds 128 bits
      return m::TypeRef{std::move(bytes)};
    }
    default:
      break;
  }
  CXType canon = clang_getCanonicalType(t);
  if (canon.kind != t.kind && canon.kind != CXType_Invalid) return map(cx, canon, depth + 1);
  return m::TypeRef::base(m::vt::Void);
}

}  // namespace

CXType strip_sugar(CXType t) {
  for (int guard = 0; guard < 64; ++guard) {
    if (t.kind == CXType_Elaborated) {
      t = clang_Type_getNamedType(t);
    } else if (t.kind == CXType_Attributed) {
      t = clang_Type_getModifiedType(t);
    } else if (t.kind == CXType_Unexposed) {
      // Decayed parameter types, template sugar …: what they stand for.
      CXType c = clang_getCanonicalType(t);
      if (c.kind == CXType_Unexposed || c.kind == CXType_Invalid) return t;
      t = c;
    } else {
      return t;
    }
  }
  return t;
}

bool is_stdole_name(std::string_view name) { return find_stdole(name) != nullptr; }

bool declares_stdole_type(Context& cx, CXCursor decl) {
  std::string name = spelling(decl);
  if (!find_stdole(name) || name == "IUnknown" || name == "IDispatch") return false;
  CXCursor def = clang_getCursorDefinition(decl);
  return cx.taken(clang_Cursor_isNull(def) ? decl : def);
}

bool is_declared_handle(CXCursor decl) { return is_handle_struct(decl); }

bool is_automation_name(std::string_view name) {
  return named_vt(name) != 0 || is_remotable_handle(name) || name == "IUnknown" ||
         name == "IDispatch" || find_stdole(name);
}

std::string generated_name(Context& cx) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08X", cx.state->generated++);
  return "__TLBKIT_" + cx.state->stem + "_generated_name_" + buf;
}

bool is_generated_tag(std::string_view tag) {
  return glob_match("__WIDL_*_generated_name_*", tag) ||
         glob_match("__TLBKIT_*_generated_name_*", tag);
}

m::TypeRef Context::map_type(CXType t) { return map(*this, t, 0); }

m::TypeRef Context::stdole(const std::string& name) {
  if (!state->stdole_import) {
    state->stdole_import = static_cast<uint32_t>(lib.imports.size());
    m::ImportedLibrary imp;
    imp.libid = m::stdole_libid();
    imp.version = m::Version{2, 0};
    imp.lcid = 0;
    imp.file = "stdole2.tlb";
    imp.name = "stdole";
    lib.imports.push_back(std::move(imp));
  }
  m::UserType ut;
  ut.import = state->stdole_import;
  ut.name = name;
  if (const StdoleType* s = find_stdole(name)) {
    if (s->guid) {
      ut.guid = support::Guid::parse(s->guid);
    } else {
      ut.index = s->index;
    }
  }
  return m::TypeRef{std::move(ut)};
}

}  // namespace tlbkit::cheader::detail
