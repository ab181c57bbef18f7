// COM interfaces in headers: the C++ form (MIDL_INTERFACE, DECLSPEC_UUID, __declspec(uuid) on a
// struct deriving from IUnknown) and the C form (lpVtbl), their IIDs, and coclasses from CLSIDs.
// Layer: readers (private to readers/cheader).
//
// Vtable order is the MSVC ABI's: the base's slots (IUnknown 3, IDispatch 7, a base from the
// header its own count), then this interface's new virtual functions in declaration order, with
// MSVC's one twist: overloads of one name are grouped at the first one's place, in reverse
// declaration order (a typelib cannot hold overloads, so that is also warned about).
#include <algorithm>
#include <set>

#include "readers/cheader/cheader_com_internal.h"

namespace tlbkit::cheader::detail {

namespace m = model;

namespace {

/// IUnknown's and IDispatch's slots (unknwn.idl, oaidl.idl).
const std::vector<std::string>& iunknown_slots() {
  static const std::vector<std::string> k{"QueryInterface", "AddRef", "Release"};
  return k;
}
const std::vector<std::string>& idispatch_slots() {
  static const std::vector<std::string> k{"QueryInterface", "AddRef",        "Release",
                                          "GetTypeInfoCount", "GetTypeInfo", "GetIDsOfNames",
                                          "Invoke"};
  return k;
}
constexpr int kMaxDepth = 64;  // bound on base chains (a header cannot make a cycle, but guard)

uint32_t pointer_size(const Context& cx) {
  return cx.opts.target == m::SysKind::Win32 ? 4u : 8u;
}

bool is_record_kind(CXCursorKind k) {
  return k == CXCursor_StructDecl || k == CXCursor_ClassDecl;
}

/// The definition of the record a cursor (a record or a typedef of one) names; null when none.
CXCursor record_definition(CXCursor c) {
  if (clang_getCursorKind(c) == CXCursor_TypedefDecl) {
    CXType t = clang_getCanonicalType(clang_getTypedefDeclUnderlyingType(c));
    c = clang_getTypeDeclaration(t);
  }
  if (!is_record_kind(clang_getCursorKind(c))) return clang_getNullCursor();
  return clang_getCursorDefinition(c);
}

CXCursor type_definition(CXType t) {
  return record_definition(clang_getTypeDeclaration(clang_getCanonicalType(t)));
}

/// The record definitions a C++ class derives from, with their base specifiers.
std::vector<std::pair<CXCursor, CXCursor>> bases_of(CXCursor decl) {
  std::vector<std::pair<CXCursor, CXCursor>> out;
  visit_children(decl, [&](CXCursor c) {
    CXCursorKind k = clang_getCursorKind(c);
    // Attributes (__declspec(uuid(…)), novtable) come first, then the bases, then the members.
    if (clang_isAttribute(k)) return CXChildVisit_Continue;
    if (k != CXCursor_CXXBaseSpecifier) return CXChildVisit_Break;
    out.emplace_back(type_definition(clang_getCursorType(c)), c);
    return CXChildVisit_Continue;
  });
  return out;
}

bool has_virtual_method(CXCursor decl) {
  bool any = false;
  visit_children(decl, [&](CXCursor c) {
    if (clang_getCursorKind(c) == CXCursor_CXXMethod && clang_CXXMethod_isVirtual(c)) {
      any = true;
      return CXChildVisit_Break;
    }
    return CXChildVisit_Continue;
  });
  return any;
}

/// An abstract class of pure virtual methods only, without data: an interface that does not
/// derive from IUnknown (sapi.h's ISpNotifyCallback), which a type library can hold too.
bool is_pure_abstract(CXCursor decl) {
  bool any = false, pure = true;
  visit_children(decl, [&](CXCursor c) {
    switch (clang_getCursorKind(c)) {
      case CXCursor_CXXMethod:
        any = true;
        if (!clang_CXXMethod_isPureVirtual(c)) pure = false;
        break;
      case CXCursor_FieldDecl:
      case CXCursor_Constructor:
      case CXCursor_Destructor:
      case CXCursor_FunctionTemplate:
      case CXCursor_VarDecl:
        pure = false;
        break;
      default:
        break;
    }
    return pure ? CXChildVisit_Continue : CXChildVisit_Break;
  });
  return any && pure;
}

bool is_cpp_com(CXCursor decl, int depth) {
  if (clang_Cursor_isNull(decl) || depth > kMaxDepth) return false;
  if (spelling(decl) == "IUnknown") return has_virtual_method(decl);
  auto bases = bases_of(decl);
  for (const auto& [base, spec] : bases) {
    if (is_cpp_com(base, depth + 1)) return true;
  }
  return bases.empty() && is_pure_abstract(decl);
}

bool is_function_pointer(CXType t) {
  t = clang_getCanonicalType(t);
  if (t.kind != CXType_Pointer) return false;
  CXTypeKind k = clang_getCanonicalType(clang_getPointeeType(t)).kind;
  return k == CXType_FunctionProto || k == CXType_FunctionNoProto;
}

/// The fields of a record, in order.
std::vector<CXCursor> fields_of(CXCursor decl) {
  std::vector<CXCursor> out;
  visit_children(decl, [&](CXCursor c) {
    if (clang_getCursorKind(c) == CXCursor_FieldDecl) out.push_back(c);
    return CXChildVisit_Continue;
  });
  return out;
}

/// A struct of function pointers only (at least one).
bool all_function_pointers(CXCursor decl) {
  bool any = false, all = true;
  visit_children(decl, [&](CXCursor c) {
    if (clang_getCursorKind(c) != CXCursor_FieldDecl) return CXChildVisit_Continue;
    any = true;
    if (!is_function_pointer(clang_getCursorType(c))) {
      all = false;
      return CXChildVisit_Break;
    }
    return CXChildVisit_Continue;
  });
  return any && all;
}

/// The Vtbl struct of a C interface (its first field is `lpVtbl`, a pointer to a struct of
/// function pointers); null when `decl` is not one.
CXCursor c_vtbl_of(CXCursor decl) {
  CXCursor first = clang_getNullCursor();
  visit_children(decl, [&](CXCursor c) {
    if (clang_getCursorKind(c) != CXCursor_FieldDecl) return CXChildVisit_Continue;
    first = c;
    return CXChildVisit_Break;
  });
  if (clang_Cursor_isNull(first) || spelling(first) != "lpVtbl") return clang_getNullCursor();
  CXType t = clang_getCanonicalType(clang_getCursorType(first));
  if (t.kind != CXType_Pointer) return clang_getNullCursor();
  CXCursor vtbl = type_definition(clang_getPointeeType(t));
  if (clang_Cursor_isNull(vtbl) || !all_function_pointers(vtbl)) return clang_getNullCursor();
  return vtbl;
}

/// The widl group comment `/*** IFoo methods ***/` → "IFoo"; "" for any other text.
std::string group_comment(std::string_view c) {
  constexpr std::string_view open = "/***", close = "methods ***/";
  if (c.size() < open.size() + close.size() || c.substr(0, open.size()) != open ||
      c.substr(c.size() - close.size()) != close)
    return {};
  std::string_view mid = c.substr(open.size(), c.size() - open.size() - close.size());
  while (!mid.empty() && mid.front() == ' ') mid.remove_prefix(1);
  while (!mid.empty() && mid.back() == ' ') mid.remove_suffix(1);
  return std::string(mid);
}

/// The name widl's group comments give the base of a C interface (see CInterface).
std::string hinted_base(Context& cx, CXCursor vtbl, const std::string& self) {
  CXSourceRange ext = clang_getCursorExtent(vtbl);
  FileText from = file_text(cx, clang_getRangeStart(ext));
  FileText to = file_text(cx, clang_getRangeEnd(ext));
  if (from.text.empty() || from.file != to.file || to.offset < from.offset) return {};
  std::vector<std::string> groups;
  RawLexer lx(from.text.substr(0, to.offset), from.offset);
  for (RawToken t = lx.next(); t.kind != RawToken::Kind::End; t = lx.next()) {
    if (t.kind != RawToken::Kind::Comment) continue;
    // An interface that adds no methods has no group of its own.
    std::string g = group_comment(t.text);
    if (!g.empty() && g != self) groups.push_back(std::move(g));
  }
  return groups.empty() ? std::string() : groups.back();
}

CInterface describe_c(Context& cx, CXCursor decl, CXCursor vtbl) {
  CInterface ci{spelling(decl), decl, {}, {}, hinted_base(cx, vtbl, spelling(decl))};
  for (CXCursor f : fields_of(vtbl)) {
    std::string name = spelling(f);
    std::string sig = name + "(";
    CXType fn = clang_getCanonicalType(clang_getPointeeType(pointer_type(clang_getCursorType(f))));
    int n = clang_getNumArgTypes(fn);
    for (int i = 1; i < n; ++i) {
      if (i > 1) sig += ",";
      sig += spelling(clang_getArgType(fn, static_cast<unsigned>(i)));
    }
    ci.names.push_back(std::move(name));
    ci.sigs.push_back(sig + ")");
  }
  return ci;
}

/// Lists the C interfaces of the translation unit once (for finding a C interface's base).
const std::vector<CInterface>& c_interfaces(Context& cx) {
  ComMemo& mm = memo(cx);
  if (mm.c_interfaces_listed) return mm.c_interfaces;
  mm.c_interfaces_listed = true;
  auto look = [&](CXCursor c, auto& self) -> void {
    CXCursorKind k = clang_getCursorKind(c);
    // libclang 14 shows extern "C" blocks as UnexposedDecl.
    if (k == CXCursor_LinkageSpec || k == CXCursor_UnexposedDecl || k == CXCursor_Namespace) {
      visit_children(c, [&](CXCursor inner) {
        self(inner, self);
        return CXChildVisit_Continue;
      });
      return;
    }
    if (k != CXCursor_StructDecl || !clang_isCursorDefinition(c)) return;
    CXCursor vtbl = c_vtbl_of(c);
    if (!clang_Cursor_isNull(vtbl)) mm.c_interfaces.push_back(describe_c(cx, c, vtbl));
  };
  visit_children(clang_getTranslationUnitCursor(cx.tu), [&](CXCursor c) {
    look(c, look);
    return CXChildVisit_Continue;
  });
  return mm.c_interfaces;
}

// ---- What every interface shares ---------------------------------------------------------------

/// Where a base's place in the chain is known: how many vtable slots it fills, how many
/// ancestors the derived interface then has, and whether IDispatch is among them.
struct BaseInfo {
  std::optional<m::TypeRef> ref;  // the ImplType's type
  uint32_t slots = 0;
  uint32_t parents = 0;  // ancestors of the interface being read (the base and its own)
  bool dispatch = false;
};

/// An interface of either form, its methods read: its base, methods, flags and layout (a
/// pointer's size and alignment, and the vtable of all its slots, inherited ones included).
void finish_interface(Context& cx, m::TypeInfo& t, const BaseInfo& base,
                      const std::vector<RawMethod>& raws, size_t slots) {
  m::InterfaceDef def;
  if (base.ref) def.bases.push_back(m::ImplType{*base.ref, 0, {}});
  def.functions = make_methods(cx, raws, base.parents, base.dispatch);
  if (base.dispatch) t.flags |= m::typeflag::Dispatchable;
  const uint32_t ptr = pointer_size(cx);
  t.layout = m::TypeLayout{ptr, static_cast<uint16_t>(ptr),
                           static_cast<uint16_t>(std::min<size_t>(slots * ptr, 0xFFFF))};
  t.def = std::move(def);
}

BaseInfo stdole_base(Context& cx, const std::string& name) {
  BaseInfo b;
  b.ref = cx.stdole(name);
  b.slots = name == "IDispatch" ? 7 : 3;
  b.parents = name == "IDispatch" ? 2 : 1;
  b.dispatch = name == "IDispatch";
  return b;
}

/// The ImplType type of a base declared in this header (read through the core).
std::optional<m::TypeRef> local_base_ref(Context& cx, CXCursor base) {
  std::string name = spelling(base);
  if (name == "IUnknown" || name == "IDispatch") return cx.stdole(name);
  if (auto idx = cx.declare(base))
    return m::TypeRef{m::UserType{std::nullopt, name, std::nullopt, *idx}};
  return std::nullopt;
}

/// An interface's IID: the uuid on its declaration, else __CRT_UUID_DECL's (or a uuid written on
/// another declaration of it), else IID_<name>'s or DIID_<name>'s. Sources that disagree are warned about (for a
/// taken interface: the SDK's own headers are not the user's to fix).
std::optional<support::Guid> interface_guid(Context& cx, CXCursor decl, const std::string& name) {
  scan_guids(cx, file_text(cx, clang_getCursorLocation(decl)));
  std::vector<std::pair<std::string, support::Guid>> found;
  if (auto g = uuid_on_declaration(cx, decl)) found.emplace_back("its declaration's uuid", *g);
  if (auto it = cx.guids.by_type.find(name); it != cx.guids.by_type.end())
    found.emplace_back("the uuid given to '" + name + "'", it->second);
  // widl and MIDL name a dispinterface's GUID DIID_<name>.
  for (const char* prefix : {"IID_", "DIID_"}) {
    if (auto it = cx.guids.by_symbol.find(prefix + name); it != cx.guids.by_symbol.end())
      found.emplace_back(prefix + name, it->second);
  }
  if (found.empty()) return std::nullopt;
  for (const auto& [what, g] : found) {
    if (g == found.front().second || !cx.taken(decl)) continue;
    cx.diags.warning("TK8052", location_of(decl),
                     "interface '" + name + "': " + what + " is " + g.to_string() + ", but " +
                         found.front().first + " is " + found.front().second.to_string() +
                         "; keeping the latter");
    break;
  }
  return found.front().second;
}

// ---- The C++ form ------------------------------------------------------------------------------

/// The vtable slots a C++ interface's own declarations add, and the methods among them: new
/// virtual functions (overloads grouped MSVC's way), a virtual destructor's slot (no method).
/// What the model cannot hold is warned about when `warn`.
struct CppOwn {
  std::vector<CXCursor> methods;  // in vtable order
  uint32_t slots = 0;
  std::vector<uint32_t> method_slots;  // each method's slot relative to the first own slot
};

CppOwn cpp_own(Context& cx, CXCursor decl, bool warn) {
  const std::string iface = spelling(decl);
  auto warning = [&](CXCursor c, const std::string& msg) {
    if (warn) cx.diags.warning("TK8041", location_of(c), msg);
  };
  // Slot entries in declaration order: a method, or a destructor's slot (null cursor).
  std::vector<CXCursor> entries;
  visit_children(decl, [&](CXCursor c) {
    switch (clang_getCursorKind(c)) {
      case CXCursor_CXXMethod: {
        if (!clang_CXXMethod_isVirtual(c)) {
          warning(c, "'" + iface + "::" + spelling(c) +
                         "' is not virtual: not part of the interface's vtable, left out");
          break;
        }
        CXCursor* over = nullptr;
        unsigned n_over = 0;
        clang_getOverriddenCursors(c, &over, &n_over);
        clang_disposeOverriddenCursors(over);
        if (n_over > 0) {
          // A pure redeclaration changes nothing (DECLARE_INTERFACE_ headers list IUnknown's
          // methods again in every interface); an implementation in an interface is odd.
          if (warn && !clang_CXXMethod_isPureVirtual(c))
            cx.diags.warning("TK8044", location_of(c),
                             "'" + iface + "::" + spelling(c) +
                                 "' overrides a base method: it has the base's slot, left out");
          break;
        }
        entries.push_back(c);
        break;
      }
      case CXCursor_FunctionTemplate:
        warning(c, "member template '" + iface + "::" + spelling(c) +
                       "' is not part of the interface's vtable, left out");
        break;
      case CXCursor_Destructor:
        if (clang_CXXMethod_isVirtual(c)) {
          if (warn)
            cx.diags.warning("TK8043", location_of(c),
                             "virtual destructor of '" + iface +
                                 "' takes a vtable slot an interface cannot describe");
          entries.push_back(clang_getNullCursor());
        }
        break;
      case CXCursor_FieldDecl:
      case CXCursor_VarDecl:
        if (warn)
          cx.diags.warning("TK8045", location_of(c),
                           "data member '" + spelling(c) + "' of interface '" + iface +
                               "' cannot be described, left out");
        break;
      default:
        break;
    }
    return CXChildVisit_Continue;
  });
  // MSVC: overloads of one name take the first one's place, last-declared first.
  CppOwn own;
  std::vector<bool> placed(entries.size(), false);
  std::set<std::string> warned;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (placed[i]) continue;
    if (clang_Cursor_isNull(entries[i])) {
      placed[i] = true;
      ++own.slots;
      continue;
    }
    const std::string name = spelling(entries[i]);
    std::vector<size_t> group;
    for (size_t j = i; j < entries.size(); ++j) {
      if (!placed[j] && !clang_Cursor_isNull(entries[j]) && spelling(entries[j]) == name)
        group.push_back(j);
    }
    if (group.size() > 1 && warn && warned.insert(name).second) {
      cx.diags.warning("TK8042", location_of(entries[group[1]]),
                       "overloaded virtual methods '" + iface + "::" + name +
                           "': laid out as MSVC does (grouped, last declared first); a type "
                           "library cannot hold two methods of one name");
    }
    for (auto it = group.rbegin(); it != group.rend(); ++it) {
      placed[*it] = true;
      own.methods.push_back(entries[*it]);
      own.method_slots.push_back(own.slots++);
    }
  }
  return own;
}

/// Where a C++ interface's base places it; `warn` reports what the model cannot hold.
BaseInfo cpp_base(Context& cx, CXCursor decl, bool warn, int depth = 0);

/// The slots and ancestors of a C++ interface itself (as a base of another).
BaseInfo cpp_as_base(Context& cx, CXCursor decl, int depth) {
  const std::string name = spelling(decl);
  if (name == "IUnknown" || name == "IDispatch") return stdole_base(cx, name);
  BaseInfo b;
  ComMemo& mm = memo(cx);
  BaseInfo own_base = cpp_base(cx, decl, false, depth + 1);
  auto it = mm.cpp_slots.find(name);
  uint32_t own = it != mm.cpp_slots.end() ? it->second
                                           : mm.cpp_slots.emplace(name, cpp_own(cx, decl, false).slots)
                                                 .first->second;
  b.slots = own_base.slots + own;
  b.parents = own_base.parents + 1;
  b.dispatch = own_base.dispatch;
  return b;
}

BaseInfo cpp_base(Context& cx, CXCursor decl, bool warn, int depth) {
  if (depth > kMaxDepth) return {};
  const std::string iface = spelling(decl);
  BaseInfo out;
  bool have = false;
  for (const auto& [base, spec] : bases_of(decl)) {
    const std::string bname = clang_Cursor_isNull(base) ? spelling(spec) : spelling(base);
    if (clang_isVirtualBase(spec) && warn) {
      cx.diags.warning("TK8040", location_of(spec),
                       "'" + iface + "' derives virtually from '" + bname +
                           "': a COM interface's base is never virtual");
    }
    const bool com = is_cpp_com(base, 0);
    if (have || !com) {
      if (warn)
        cx.diags.warning("TK8040", location_of(spec),
                         "'" + iface + "' derives from '" + bname + "', " +
                             (com ? "a second base" : "not a COM interface") +
                             ": an interface has one base, the first COM one is kept");
      continue;
    }
    have = true;
    out = cpp_as_base(cx, base, depth);
    out.ref = depth == 0 ? local_base_ref(cx, base) : std::nullopt;
  }
  return out;
}

void read_cpp_interface(Context& cx, CXCursor decl, m::TypeInfo& t) {
  // What the model cannot hold is the user's to know about in their own interfaces, not in the
  // SDK's that come along as dependencies (servprov.h's member template QueryService<Q>).
  const bool warn = cx.taken(decl);
  BaseInfo base = cpp_base(cx, decl, warn);
  CppOwn own = cpp_own(cx, decl, warn);
  memo(cx).cpp_slots.emplace(t.name, own.slots);
  std::vector<RawMethod> raws;
  const bool win32 = cx.opts.target == m::SysKind::Win32;
  for (size_t k = 0; k < own.methods.size(); ++k) {
    CXCursor c = own.methods[k];
    RawMethod rm;
    rm.cursor = c;
    rm.name = written_name(cx, c);
    rm.result = clang_getCursorResultType(c);
    int n = clang_Cursor_getNumArguments(c);
    for (int i = 0; i < n; ++i) {
      CXCursor p = clang_Cursor_getArgument(c, static_cast<unsigned>(i));
      rm.params.push_back(p);
      rm.param_types.push_back(clang_getCursorType(p));
    }
    rm.params_from = clang_getCursorLocation(c);
    CXType ft = clang_getCursorType(c);
    rm.variadic = clang_isFunctionTypeVariadic(ft) != 0;
    if (win32 && clang_getFunctionTypeCallingConv(ft) == CXCallingConv_C)
      rm.callconv = m::CallConv::CDecl;
    rm.slot = base.slots + own.method_slots[k];
    raws.push_back(std::move(rm));
  }
  finish_interface(cx, t, base, raws, base.slots + own.slots);
}

// ---- The C form --------------------------------------------------------------------------------

bool proper_prefix(const std::vector<std::string>& p, const std::vector<std::string>& of) {
  return p.size() < of.size() && std::equal(p.begin(), p.end(), of.begin());
}

/// The other C interface of the translation unit a C interface derives from: the one widl's
/// group comments name if its slots are a prefix of these, else the longest whose slots (names
/// and parameter types) are a proper prefix.
const CInterface* c_base_candidate(Context& cx, const CInterface& self) {
  const CInterface* best = nullptr;
  for (const CInterface& ci : c_interfaces(cx)) {
    if (ci.name == self.name) continue;
    // The named base may add nothing (msxml6's IXMLDOMDocumentFragment : IXMLDOMNode): then
    // its slots are all of these; without the name such a pair is ambiguous.
    if (ci.name == self.hinted_base && ci.sigs.size() <= self.sigs.size() &&
        std::equal(ci.sigs.begin(), ci.sigs.end(), self.sigs.begin()))
      return &ci;
    if (!proper_prefix(ci.sigs, self.sigs)) continue;
    if (!best || ci.sigs.size() > best->sigs.size()) best = &ci;
  }
  return best;
}

/// The base of a C interface: IDispatch's 7 slots or IUnknown's 3 by name, unless a longer
/// interface of the header matches; else the candidate above.
BaseInfo c_base(Context& cx, const CInterface& self, int depth) {
  // An interface that adds nothing to IDispatch or IUnknown has exactly their slots.
  auto starts_with = [&](const std::vector<std::string>& p) {
    return p.size() <= self.names.size() && self.name != "IUnknown" && self.name != "IDispatch" &&
           std::equal(p.begin(), p.end(), self.names.begin());
  };
  // widl's group comments naming IDispatch or IUnknown settle it when the slots agree.
  if (self.hinted_base == "IDispatch" && starts_with(idispatch_slots()))
    return stdole_base(cx, "IDispatch");
  if (self.hinted_base == "IUnknown" && starts_with(iunknown_slots()))
    return stdole_base(cx, "IUnknown");
  const CInterface* cand = depth > kMaxDepth ? nullptr : c_base_candidate(cx, self);
  const size_t len = cand ? cand->sigs.size() : 0;
  if (cand && cand->name == "IDispatch") return stdole_base(cx, "IDispatch");
  // Before IUnknown: IDispatch's slots begin with IUnknown's, so a header that declares only
  // IUnknown's C form (no oaidl.h) offers IUnknown as the longest candidate of an IDispatch heir.
  if (len <= 7 && starts_with(idispatch_slots())) return stdole_base(cx, "IDispatch");
  if (cand && cand->name == "IUnknown") return stdole_base(cx, "IUnknown");
  if (len <= 3 && starts_with(iunknown_slots())) return stdole_base(cx, "IUnknown");
  if (!cand) return {};
  BaseInfo b = c_base(cx, *cand, depth + 1);
  b.slots = static_cast<uint32_t>(len);
  b.parents += 1;
  if (depth == 0) b.ref = local_base_ref(cx, cand->decl);
  return b;
}

void read_c_interface(Context& cx, CXCursor decl, CXCursor vtbl, m::TypeInfo& t) {
  std::vector<CXCursor> fields = fields_of(vtbl);
  BaseInfo base = c_base(cx, describe_c(cx, decl, vtbl), 0);
  if (base.slots == 0 && t.name != "IUnknown") {
    cx.diags.warning("TK8047", location_of(decl),
                     "the vtable of C interface '" + t.name +
                         "' does not begin with IUnknown's methods: no base");
  }
  const bool win32 = cx.opts.target == m::SysKind::Win32;
  std::vector<RawMethod> raws;
  for (size_t k = base.slots; k < fields.size(); ++k) {
    CXCursor f = fields[k];
    // Typedef names kept (BSTR, VARIANT_BOOL): the canonical type would lose them.
    CXType fn = clang_getPointeeType(pointer_type(clang_getCursorType(f)));
    RawMethod rm;
    rm.cursor = f;
    rm.name = written_name(cx, f);
    rm.result = clang_getResultType(fn);
    rm.params_from = clang_getCursorLocation(f);
    std::vector<CXCursor> parms;
    visit_children(f, [&](CXCursor c) {
      if (clang_getCursorKind(c) == CXCursor_ParmDecl) parms.push_back(c);
      return CXChildVisit_Continue;
    });
    int n = clang_getNumArgTypes(fn);
    bool named = parms.size() == static_cast<size_t>(std::max(n, 0));
    // `This` is a pointer to the interface itself; a method without one keeps all it has.
    const bool has_this =
        n >= 1 && clang_equalCursors(
                      type_definition(clang_getPointeeType(clang_getArgType(fn, 0))), decl);
    if (!has_this) {
      cx.diags.warning("TK8046", location_of(f),
                       "method '" + rm.name + "' of C interface '" + t.name +
                           "' has no `This` parameter (a pointer to '" + t.name + "' first)");
    }
    const int first = has_this ? 1 : 0;
    for (int i = first; i < n; ++i) {
      rm.param_types.push_back(clang_getArgType(fn, static_cast<unsigned>(i)));
      if (named) rm.params.push_back(parms[size_t(i)]);
    }
    // The end of `This` is where the next parameter's annotations begin.
    if (named && has_this) rm.params_from = clang_getRangeEnd(clang_getCursorExtent(parms[0]));
    rm.variadic = fn.kind == CXType_FunctionProto && clang_isFunctionTypeVariadic(fn) != 0;
    if (win32 && clang_getFunctionTypeCallingConv(fn) == CXCallingConv_C)
      rm.callconv = m::CallConv::CDecl;
    rm.slot = static_cast<uint32_t>(k);
    raws.push_back(std::move(rm));
  }
  finish_interface(cx, t, base, raws, fields.size());
}

// ---- Coclasses ---------------------------------------------------------------------------------

bool is_guid_type(CXType t) {
  std::string s = spelling(clang_getTypeDeclaration(clang_getCanonicalType(t)));
  return s == "_GUID" || s == "GUID";
}

void make_coclass(Context& cx, const std::string& name, const support::Guid& g) {
  ComMemo& mm = memo(cx);
  if (name.empty() || mm.coclasses.count(name) != 0) return;
  for (const m::TypeInfo& t : cx.lib.types) {
    if (t.name == name) return;  // the name is a type already (an interface, a struct …)
  }
  m::TypeInfo t;
  t.name = name;
  t.guid = g;
  // A header does not say a class is creatable, but a CLSID is there to create it with.
  t.flags = m::typeflag::CanCreate;
  // widl's coclass layout: a pointer's size, aligned to 4 (model/layout.cpp).
  t.layout = m::TypeLayout{pointer_size(cx), 4, 0};
  t.def = m::CoclassDef{};
  mm.coclasses.emplace(name, static_cast<uint32_t>(cx.lib.types.size()));
  cx.lib.types.push_back(std::move(t));
}

}  // namespace

// ---- The core's entry points -------------------------------------------------------------------

bool is_com_interface(Context&, CXCursor decl) {
  CXCursor def = record_definition(decl);
  if (clang_Cursor_isNull(def)) return false;
  if (!clang_Cursor_isNull(c_vtbl_of(def))) return true;
  return clang_getCursorKind(def) == CXCursor_StructDecl ||
                 clang_getCursorKind(def) == CXCursor_ClassDecl
             ? is_cpp_com(def, 0)
             : false;
}

bool is_com_vtbl(Context&, CXCursor decl) {
  CXCursor def = record_definition(decl);
  if (clang_Cursor_isNull(def) || !all_function_pointers(def)) return false;
  // Its methods take the interface whose lpVtbl points here as `This`.
  std::vector<CXCursor> fields = fields_of(def);
  CXType fn = clang_getCanonicalType(
      clang_getPointeeType(clang_getCanonicalType(clang_getCursorType(fields.front()))));
  if (clang_getNumArgTypes(fn) < 1) return false;
  CXCursor self = type_definition(clang_getPointeeType(clang_getArgType(fn, 0)));
  return !clang_Cursor_isNull(self) && clang_equalCursors(c_vtbl_of(self), def);
}

void read_interface(Context& cx, CXCursor decl, m::TypeInfo& t) {
  CXCursor def = record_definition(decl);
  if (clang_Cursor_isNull(def)) return;
  t.name = spelling(def);
  t.guid = interface_guid(cx, def, t.name);
  if (!t.guid && cx.taken(def)) {
    cx.diags.warning("TK8048", location_of(def),
                     "interface '" + t.name + "' has no IID (no MIDL_INTERFACE, uuid, IID_" +
                         t.name + " or DIID_" + t.name + " in its header)");
  }
  CXCursor vtbl = c_vtbl_of(def);
  if (!clang_Cursor_isNull(vtbl)) {
    read_c_interface(cx, def, vtbl, t);
  } else {
    read_cpp_interface(cx, def, t);
  }
}

std::optional<uint32_t> coclass_named(Context& cx, const std::string& name) {
  if (!cx.guids.com) return std::nullopt;
  auto it = cx.guids.com->coclasses.find(name);
  if (it == cx.guids.com->coclasses.end()) return std::nullopt;
  return it->second;
}

void note_guid(Context& cx, CXCursor c) {
  CXCursorKind k = clang_getCursorKind(c);
  if (k != CXCursor_VarDecl && !is_record_kind(k)) return;
  if (!cx.taken(c)) return;
  if (k == CXCursor_VarDecl) {
    const std::string name = spelling(c);
    if (name.rfind("CLSID_", 0) != 0 || !is_guid_type(clang_getCursorType(c))) return;
    scan_guids(cx, file_text(cx, clang_getCursorLocation(c)));
    auto it = cx.guids.by_symbol.find(name);
    if (it != cx.guids.by_symbol.end()) make_coclass(cx, name.substr(6), it->second);
  } else if (is_record_kind(k) && !clang_isCursorDefinition(c) &&
             clang_Cursor_isNull(clang_getCursorDefinition(c))) {
    // `class DECLSPEC_UUID("…") Foo;`: a class known only by its CLSID.
    if (auto g = uuid_on_declaration(cx, c)) make_coclass(cx, spelling(c), *g);
  }
}

}  // namespace tlbkit::cheader::detail
