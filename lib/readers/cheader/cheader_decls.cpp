// Structs and unions with clang's layout for the target (offsets, bit-fields, #pragma pack,
// nested and anonymous members), enums, typedefs, and DLL functions in their modules.
// Layer: readers.
#include <filesystem>

#include "readers/cheader/cheader_state.h"

namespace tlbkit::cheader::detail {

namespace m = tlbkit::model;

namespace {

// widl numbers fields and constants from 0x40000000 and module functions from 0x60000000
// (its add_var_desc / add_func_desc defaults), which the IDL reader follows.
constexpr int32_t kVarMemidBase = 0x40000000;
constexpr int32_t kFuncMemidBase = 0x60000000;

uint32_t non_negative(long long v) {
  return v > 0 && v <= 0xffffffffLL ? static_cast<uint32_t>(v) : 0u;
}

m::TypeLayout layout_of(CXType t) {
  long long align = clang_Type_getAlignOf(t);
  return m::TypeLayout{non_negative(clang_Type_getSizeOf(t)),
                       static_cast<uint16_t>(align > 0 && align <= 0xffff ? align : 0), 0};
}

m::TypeRef mapped_for(Context& cx, CXType t, CXCursor declaring) {
  CXCursor saved = cx.state->declaring;
  cx.state->declaring = declaring;
  m::TypeRef r = cx.map_type(t);
  cx.state->declaring = saved;
  return r;
}

m::Variable field(Context& cx, CXCursor c, uint32_t n) {
  m::Variable v;
  v.name = spelling(c);
  v.memid = kVarMemidBase + static_cast<int32_t>(n);
  v.varkind = m::VarKind::PerInstance;
  CXType ft = clang_getCursorType(c);
  v.type = mapped_for(cx, ft, c);
  long long bits = clang_Cursor_getOffsetOfField(c);
  if (bits < 0) bits = 0;
  if (clang_Cursor_isBitField(c)) {
    // The storage unit is one of the declared type (MS bit-field layout: a new unit starts when
    // the declared type changes or the bits run out), found by rounding the bit offset down.
    long long unit_bits = clang_Type_getSizeOf(ft) * 8;
    if (unit_bits <= 0) unit_bits = 8;
    long long start = bits / unit_bits * unit_bits;
    v.offset = non_negative(start / 8);
    int width = clang_getFieldDeclBitWidth(c);
    v.bits = m::BitField{static_cast<uint16_t>(bits - start),
                         static_cast<uint16_t>(width > 0 ? width : 0)};
  } else {
    v.offset = non_negative(bits / 8);
  }
  return v;
}

/// A field name reachable from `rec` through anonymous members ("" when it has none).
std::string first_named_leaf(CXCursor rec, int depth) {
  std::string found;
  if (depth > 16) return found;
  visit_children(rec, [&](CXCursor c) {
    CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_FieldDecl && !spelling(c).empty()) {
      found = spelling(c);
    } else if ((k == CXCursor_StructDecl || k == CXCursor_UnionDecl) &&
               clang_Cursor_isAnonymousRecordDecl(c)) {
      found = first_named_leaf(c, depth + 1);
    }
    return found.empty() ? CXChildVisit_Continue : CXChildVisit_Break;
  });
  return found;
}

/// The name an anonymous member's source gives it through a macro that expands to nothing: the
/// SDK's DUMMYUNIONNAME, DUMMYSTRUCTNAME2 … (`union { … } DUMMYUNIONNAME;`: its name when
/// NONAMELESSUNION is defined, and the name the IDL widl read gave it). "" for none, and for
/// widl's __C89_NAMELESSUNIONNAME1 …, its spelling of a member the IDL leaves nameless.
std::string dummy_name(Context& cx, CXCursor parent, CXCursor c) {
  CXSourceRange after = clang_getRange(clang_getRangeEnd(clang_getCursorExtent(c)),
                                       clang_getRangeEnd(clang_getCursorExtent(parent)));
  Tokens toks(cx.tu, after);
  for (size_t i = 0; i < toks.size() && i < 2; ++i) {
    std::string t = toks.text(i);
    if (t == "}") continue;  // the member's own closing brace, where its extent ends
    if (toks.kind(i) == CXToken_Identifier &&
        (glob_match("DUMMYUNIONNAME*", t) || glob_match("DUMMYSTRUCTNAME*", t))) {
      return t;
    }
    break;
  }
  return {};
}

/// An anonymous struct or union member (`union { … };`, and `union { … } DUMMYUNIONNAME;` where
/// the macro is empty, unless NONAMELESSUNION is defined): a field of its own generated type,
/// with no name as clang sees it and the IDL reader (as widl) reads a nameless member, or the
/// SDK's dummy name when the source spells one (dummy_name). Its offset is that of any field
/// inside it, less that field's offset within it.
m::Variable anonymous_member(Context& cx, CXCursor parent, CXCursor c, uint32_t n) {
  m::Variable v;
  v.name = dummy_name(cx, parent, c);
  v.memid = kVarMemidBase + static_cast<int32_t>(n);
  v.varkind = m::VarKind::PerInstance;
  CXType at = clang_getCursorType(c);
  v.type = mapped_for(cx, at, c);
  std::string leaf = first_named_leaf(c, 0);
  if (!leaf.empty()) {
    long long outer = clang_Type_getOffsetOf(clang_getCursorType(parent), leaf.c_str());
    long long inner = clang_Type_getOffsetOf(at, leaf.c_str());
    if (outer >= 0 && inner >= 0 && outer >= inner) v.offset = non_negative((outer - inner) / 8);
  }
  return v;
}

bool is_stdcall_word(const std::string& w) {
  static const char* const kWords[] = {
      "__stdcall", "_stdcall", "stdcall", "__pascal", "WINAPI", "APIENTRY", "CALLBACK",
      "PASCAL", "NTAPI", "WSAAPI", "STDAPI", "STDAPI_", "STDAPICALLTYPE", "STDMETHODCALLTYPE",
      "WINOLEAPI", "WINOLEAPI_", "WINOLEAUTAPI", "WINOLEAUTAPI_", "STDAPIVCALLTYPE"};
  for (const char* k : kWords) {
    if (w == k) return w != "STDAPIVCALLTYPE";
  }
  return false;
}

std::string dll_of(const Context& cx, const std::string& name) {
  for (const DllRule& r : cx.opts.dll_rules) {
    if (glob_match(r.pattern, name)) return r.dll;
  }
  return cx.opts.dll;
}

/// A DLL's file stem as a module name: "kernel32.dll" → kernel32.
std::string module_name(const std::string& dll) {
  std::string s = std::filesystem::path(dll).stem().string();
  for (char& ch : s) {
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_') ch = '_';
  }
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s.front()))) s.insert(0, "_");
  return s;
}

}  // namespace

// ---- C++ base classes -------------------------------------------------------------------------

namespace {

/// The definitions of a C++ struct's base classes, in declaration order; `is_virtual` is set when
/// one is a virtual base.
std::vector<CXCursor> bases_of(CXCursor decl, bool& is_virtual) {
  std::vector<CXCursor> out;
  visit_children(decl, [&](CXCursor c) {
    if (clang_getCursorKind(c) == CXCursor_CXXBaseSpecifier) {
      if (clang_isVirtualBase(c)) is_virtual = true;
      CXCursor def = clang_getTypeDeclaration(clang_getCanonicalType(clang_getCursorType(c)));
      CXCursor full = clang_getCursorDefinition(def);
      out.push_back(clang_Cursor_isNull(full) ? def : full);
    }
    return CXChildVisit_Continue;
  });
  return out;
}

/// True when the record declares data of its own: a field or an anonymous member.
bool has_own_data(CXCursor decl) {
  bool found = false;
  visit_children(decl, [&](CXCursor c) {
    CXCursorKind k = clang_getCursorKind(c);
    found = k == CXCursor_FieldDecl ||
            ((k == CXCursor_StructDecl || k == CXCursor_UnionDecl) &&
             clang_Cursor_isAnonymousRecordDecl(c));
    return found ? CXChildVisit_Break : CXChildVisit_Continue;
  });
  return found;
}

bool has_virtual_method(CXCursor decl) {
  bool found = false;
  visit_children(decl, [&](CXCursor c) {
    CXCursorKind k = clang_getCursorKind(c);
    found = (k == CXCursor_CXXMethod || k == CXCursor_Destructor) && clang_CXXMethod_isVirtual(c);
    return found ? CXChildVisit_Break : CXChildVisit_Continue;
  });
  return found;
}

/// Bounds the walks through a class's bases: each class visited costs one, so a hostile
/// hierarchy (every class deriving from two of the level below: 2^depth paths) stays finite;
/// far more than real headers' hierarchies need.
struct Budget {
  int left = 4096;
  bool spend() { return --left >= 0; }
};

/// True when the record and its bases hold data (an empty base takes no room in the layout);
/// true too when the budget runs out (the class is then left out).
bool holds_data(CXCursor decl, Budget& budget) {
  if (!budget.spend() || has_own_data(decl)) return true;
  bool is_virtual = false;
  for (CXCursor b : bases_of(decl, is_virtual)) {
    if (holds_data(b, budget)) return true;
  }
  return false;
}

/// True for data-only inheritance the flattening accounts for: no virtual method or base
/// anywhere, and at most one base holding data at every level, so that base sits at offset 0
/// (the Itanium C++ ABI, which MinGW's targets follow, puts a non-polymorphic class's first
/// non-empty base at offset 0 and lays empty bases out at no cost).
bool plain_data(CXCursor decl, Budget& budget) {
  if (!budget.spend() || has_virtual_method(decl)) return false;
  bool is_virtual = false;
  int with_data = 0;
  for (CXCursor b : bases_of(decl, is_virtual)) {
    if (!clang_isCursorDefinition(b) || !plain_data(b, budget)) return false;
    with_data += holds_data(b, budget) ? 1 : 0;
    if (with_data > 1) return false;
  }
  return !is_virtual && budget.left >= 0;
}

/// The fields of `decl` in layout order: those of its base holding data first (at offset 0, see
/// plain_data), then its own.
void collect_fields(Context& cx, CXCursor decl, std::vector<m::Variable>& fields,
                    Budget& budget) {
  bool is_virtual = false;
  if (budget.spend()) {
    for (CXCursor b : bases_of(decl, is_virtual)) {
      if (holds_data(b, budget)) collect_fields(cx, b, fields, budget);
    }
  }
  visit_children(decl, [&](CXCursor c) {
    CXCursorKind k = clang_getCursorKind(c);
    auto n = static_cast<uint32_t>(fields.size());
    if (k == CXCursor_FieldDecl) {
      fields.push_back(field(cx, c, n));
    } else if ((k == CXCursor_StructDecl || k == CXCursor_UnionDecl) &&
               clang_Cursor_isAnonymousRecordDecl(c)) {
      fields.push_back(anonymous_member(cx, decl, c, n));
    }
    return CXChildVisit_Continue;
  });
}

}  // namespace

Derived derived_reading(CXCursor decl, CXCursor& base) {
  // A polymorphic class that is no interface has a hidden vtable pointer among its data, which
  // neither a type library nor the bindings' plain struct can hold.
  if (has_virtual_method(decl)) return Derived::LeftOut;
  bool is_virtual = false;
  std::vector<CXCursor> bases = bases_of(decl, is_virtual);
  if (bases.empty()) return Derived::Plain;
  Budget budget;
  if (!plain_data(decl, budget)) return Derived::LeftOut;
  std::vector<CXCursor> with_data;
  for (CXCursor b : bases) {
    if (holds_data(b, budget)) with_data.push_back(b);
  }
  if (budget.left < 0) return Derived::LeftOut;
  CXType self = clang_getCursorType(decl);
  if (!has_own_data(decl) && with_data.size() == 1) {
    // Its base's layout, unless an empty base displaced the base from offset 0.
    CXType b = clang_getCursorType(with_data.front());
    if (clang_Type_getSizeOf(self) != clang_Type_getSizeOf(b) ||
        clang_Type_getAlignOf(self) != clang_Type_getAlignOf(b)) {
      return Derived::LeftOut;
    }
    base = with_data.front();
    return Derived::AsBase;
  }
  // The base's fields at their offsets in it: true when the base is at offset 0, which the own
  // data then shows by starting no later than where the base's size puts it.
  long long base_end =
      with_data.empty() ? 0 : clang_Type_getSizeOf(clang_getCursorType(with_data.front()));
  bool consistent = true;
  visit_children(decl, [&](CXCursor c) {
    if (clang_getCursorKind(c) != CXCursor_FieldDecl) return CXChildVisit_Continue;
    long long align = clang_Type_getAlignOf(clang_getCursorType(c));
    long long first = clang_Cursor_getOffsetOfField(c) / 8;
    if (align > 0 && base_end > 0) consistent = first <= (base_end + align - 1) / align * align;
    return CXChildVisit_Break;
  });
  return consistent ? Derived::Flattened : Derived::LeftOut;
}

// ---- Records, enums, typedefs -----------------------------------------------------------------

void read_record(Context& cx, CXCursor decl, m::TypeInfo& t) {
  bool is_union = clang_getCursorKind(decl) == CXCursor_UnionDecl;
  std::vector<m::Variable> fields;
  if (clang_isCursorDefinition(decl)) {
    t.layout = layout_of(clang_getCursorType(decl));
    Budget budget;
    collect_fields(cx, decl, fields, budget);
  }
  // An opaque struct (declared, never defined) stays an empty record of unknown size.
  if (is_union) {
    t.def = m::UnionDef{std::move(fields)};
  } else {
    t.def = m::RecordDef{std::move(fields)};
  }
}

void read_enum(Context& cx, CXCursor decl, m::TypeInfo& t) {
  // An enum is an INT in a type library whatever its C++ underlying type.
  t.layout = m::TypeLayout{4, 4, 0};
  m::EnumDef e;
  bool is_unsigned = false;
  CXType under = clang_getCanonicalType(clang_getEnumDeclIntegerType(decl));
  is_unsigned = under.kind == CXType_UInt || under.kind == CXType_ULong ||
                under.kind == CXType_ULongLong || under.kind == CXType_UChar ||
                under.kind == CXType_UShort;
  visit_children(decl, [&](CXCursor c) {
    if (clang_getCursorKind(c) != CXCursor_EnumConstantDecl) return CXChildVisit_Continue;
    int64_t value = is_unsigned ? static_cast<int64_t>(clang_getEnumConstantDeclUnsignedValue(c))
                                : clang_getEnumConstantDeclValue(c);
    m::Variable v;
    v.name = spelling(c);
    v.memid = kVarMemidBase + static_cast<int32_t>(e.values.size());
    v.varkind = m::VarKind::Const;
    v.type = m::TypeRef::base(m::vt::Int);
    // Stored as a VT_I4, narrowed to 32 bits as widl stores an enumerator.
    v.value = m::Value{m::vt::I4, static_cast<int64_t>(static_cast<int32_t>(
                                      static_cast<uint32_t>(static_cast<uint64_t>(value))))};
    // An enumerator is an int in C (GCC's unsigned underlying type aside) unless it needs more.
    cx.state->ints[v.name] = IntValue{value, value > 0x7fffffff, false};
    e.values.push_back(std::move(v));
    return CXChildVisit_Continue;
  });
  t.def = std::move(e);
}

void read_typedef(Context& cx, CXCursor decl, m::TypeInfo& t) {
  t.layout = layout_of(clang_getCursorType(decl));
  t.def = m::AliasDef{mapped_for(cx, clang_getTypedefDeclUnderlyingType(decl), decl)};
}

// The IDL reader keeps a typedef as an alias when it is [public] or has a [uuid] (widl's rule,
// sema_symbols.cpp declare_typedef) and sees through the others; a header keeps no attributes
// (widl -h drops them), so every typedef the user's header declares is kept, as the typedefs
// the IDL reader keeps are: `typedef struct tag {…} Name;` is the struct `tag` and the alias
// `Name` of it; `typedef struct {…} Name;` makes `Name` an alias of the tagless struct, which
// gets a generated name; `typedef enum X {…} X;` is the enum alone; a typedef of a base type, a
// pointer or a function pointer is an alias. References name the alias (cheader_types.cpp
// map_typedef). A typedef of the SDK's naming a tagged struct is that struct.
std::optional<uint32_t> declare_typedef(Context& cx, CXCursor decl, const std::string& usr) {
  std::string name = spelling(decl);
  if (name.empty() || (is_automation_name(name) && !declares_stdole_type(cx, decl))) {
    return std::nullopt;
  }
  CXType under = strip_sugar(clang_getTypedefDeclUnderlyingType(decl));
  if (under.kind == CXType_Record || under.kind == CXType_Enum) {
    CXCursor rec = clang_getTypeDeclaration(under);
    std::string tag = spelling(rec);
    if (is_automation_name(tag) && !declares_stdole_type(cx, rec)) return std::nullopt;
    if (!tag.empty() && !is_generated_tag(tag)) {
      std::optional<uint32_t> target = cx.declare(rec);
      if (tag == name || !target || !cx.taken(decl)) return target;
      // An interface or coclass named otherwise (`typedef IFoo *LPFOO` aside) stays itself.
      const m::TypeDef& def = cx.lib.types[*target].def;
      if (!std::holds_alternative<m::RecordDef>(def) && !std::holds_alternative<m::UnionDef>(def) &&
          !std::holds_alternative<m::EnumDef>(def)) {
        return target;
      }
    }
  }
  m::TypeInfo t;
  t.name = name;
  auto idx = static_cast<uint32_t>(cx.lib.types.size());
  cx.lib.types.push_back(t);
  cx.state->by_usr.emplace(usr, idx);
  read_typedef(cx, decl, t);
  cx.lib.types[idx] = std::move(t);
  return idx;
}

// ---- Functions --------------------------------------------------------------------------------

// On win32 clang's calling convention is the declared one. On win64 there is one convention and
// clang drops __stdcall from the type, so the declaration's own words decide: StdCall when the
// tokens before its name say __stdcall or a Windows macro that means it (WINAPI, CALLBACK,
// STDAPI, STDMETHODCALLTYPE …), CDecl otherwise — what the same declaration means on win32.
m::CallConv callconv_of(Context& cx, CXType fn, CXCursor decl) {
  if (cx.lib.syskind == m::SysKind::Win32) {
    switch (clang_getFunctionTypeCallingConv(fn)) {
      case CXCallingConv_X86StdCall: return m::CallConv::StdCall;
      case CXCallingConv_X86FastCall: return m::CallConv::FastCall;
      case CXCallingConv_X86Pascal: return m::CallConv::Pascal;
      default: return m::CallConv::CDecl;
    }
  }
  if (clang_Cursor_isNull(decl)) return m::CallConv::CDecl;
  // From where the declaration is written to its name, both as expanded in the same file: a
  // declaration opening with a macro (MinGW's WINBASEAPI, i.e. __declspec(dllimport)) has its
  // extent start inside that macro's definition, which gives no range to the name.
  CXFile from_file = nullptr, name_file = nullptr;
  unsigned from = 0, name = 0;
  clang_getExpansionLocation(clang_getRangeStart(clang_getCursorExtent(decl)), &from_file,
                             nullptr, nullptr, &from);
  clang_getExpansionLocation(clang_getCursorLocation(decl), &name_file, nullptr, nullptr, &name);
  if (from_file == nullptr || name_file == nullptr || !clang_File_isEqual(from_file, name_file) ||
      name < from) {
    return m::CallConv::CDecl;
  }
  CXSourceRange before = clang_getRange(clang_getLocationForOffset(cx.tu, from_file, from),
                                        clang_getLocationForOffset(cx.tu, name_file, name));
  Tokens toks(cx.tu, before);
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks.kind(i) == CXToken_Identifier || toks.kind(i) == CXToken_Keyword) {
      if (is_stdcall_word(toks.text(i))) return m::CallConv::StdCall;
    }
  }
  return m::CallConv::CDecl;
}

m::FunctionSig signature_of(Context& cx, CXType fn) {
  m::FunctionSig sig;
  sig.callconv = callconv_of(cx, fn, cx.state->declaring);
  sig.variadic = clang_isFunctionTypeVariadic(fn) != 0;
  sig.result = cx.map_type(clang_getResultType(fn));
  int n = clang_getNumArgTypes(fn);
  for (int i = 0; i < n; ++i) {
    m::Param p;
    p.type = cx.map_type(clang_getArgType(fn, static_cast<unsigned>(i)));
    p.flags = m::paramflag::In;
    sig.params.push_back(std::move(p));
  }
  return sig;
}

m::ModuleDef& module_for(Context& cx, const std::string& dll) {
  auto it = cx.state->modules.find(dll);
  if (it == cx.state->modules.end()) {
    m::TypeInfo t;
    t.name = dll.empty() ? cx.state->stem : module_name(dll);
    t.def = m::ModuleDef{dll, {}, {}};
    it = cx.state->modules.emplace(dll, static_cast<uint32_t>(cx.lib.types.size())).first;
    cx.lib.types.push_back(std::move(t));
  }
  return std::get<m::ModuleDef>(cx.lib.types[it->second].def);
}

void read_function(Context& cx, CXCursor fn) {
  // Inline and static functions are the header's own helpers, not DLL exports.
  if (clang_Cursor_getStorageClass(fn) == CX_SC_Static || clang_Cursor_isFunctionInlined(fn)) {
    return;
  }
  std::string name = spelling(fn);
  if (name.empty() || !cx.state->members.insert("f:" + name).second) return;  // redeclared
  CXType type = clang_getCursorType(fn);
  m::Function f;
  f.name = name;
  f.funckind = m::FuncKind::Static;
  f.invkind = m::InvokeKind::Func;
  f.callconv = callconv_of(cx, type, fn);
  f.variadic = clang_isFunctionTypeVariadic(type) != 0;
  f.result = mapped_for(cx, clang_getResultType(type), fn);
  int n = clang_Cursor_getNumArguments(fn);
  for (int i = 0; i < n; ++i) {
    CXCursor arg = clang_Cursor_getArgument(fn, static_cast<unsigned>(i));
    m::Param p;
    p.name = spelling(arg);
    p.type = mapped_for(cx, clang_getCursorType(arg), arg);
    // Directions from SAL (_In_, _Out_ …) and /* [in] */ comments; [in] when none is given.
    p.flags = param_flags_from_source(cx, arg);
    if (p.flags == 0) p.flags = m::paramflag::In;
    f.params.push_back(std::move(p));
  }
  f.entry = m::DllEntry{name};
  std::string dll = dll_of(cx, name);
  if (dll.empty()) {
    if (cx.state->functions_without_dll++ == 0) cx.state->first_without_dll = location_of(fn);
  }
  m::ModuleDef& mod = module_for(cx, dll);
  f.memid = kFuncMemidBase + static_cast<int32_t>(mod.functions.size());
  mod.functions.push_back(std::move(f));
}

}  // namespace tlbkit::cheader::detail
