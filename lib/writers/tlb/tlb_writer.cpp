// The MSFT type library writer: the header (doc §3), the segment directory (§4), one
// MSFT_TypeInfoBase per type (§5.1, §7) and the member blocks (§6), from a model::Library. The
// tables themselves are built by msft_tables.cpp, the member records by msft_members.cpp.
//
// What an MSFT file cannot hold, so a model read back differs there (none of it occurs in the
// corpus, whose 51 libraries read back identical): the names of imported libraries and types
// (only LIBIDs, GUIDs and indexes are stored; the reader gets names from the libraries at hand);
// a value on a variable that is not a constant, and a constant without one (read back as
// VT_EMPTY); LPSTR/LPWSTR values (stored as BSTR); a default value on a parameter not flagged
// PARAMFLAG_FHASDEFAULT (the flag is added: the runtime reads defaults only with it); a
// dispinterface that wraps an interface but has no base (it gets IDispatch); bit 0 of a vtable
// offset (readers mask it). Layer: writers.
#include "writers/tlb/tlb_writer.h"

#include "tlbformat/msft_format.h"
#include "writers/tlb/msft_hash.h"
#include "writers/tlb/msft_members.h"
#include "writers/tlb/msft_tables.h"

namespace tlbkit::tlbw {

namespace {

namespace fmt = tlbformat::msft;
namespace ti = tlbformat::msft::typeinfo;
using model::TypeKind;

// Header constants every writer uses (doc §3, §12).
constexpr uint32_t kVarFlagsAlways = 0x40;
constexpr uint32_t kLcidDefault = 0x409;  // the name-hash LCID when the library sets none
constexpr uint32_t kRes44 = 0x20, kRes48 = 0x80;
constexpr int32_t kGuidHrefLibrary = -2;  // GUID entry hreftype of the LIBID (doc §5.2)
// MSFT_TypeInfoBase constants (doc §5.1).
constexpr uint32_t kTypeKindAlways = 0x20;     // bit 5: set by every writer
constexpr uint32_t kTypeKindDispBase = 0x10;   // bit 4: a dual, or a wrapping dispinterface
constexpr uint32_t kTypeKindHintShift = 6;     // bits 6-10: widl's alignment hint
constexpr uint32_t kTypeKindIndexShift = 16;   // bits 16-31: the typeinfo index
constexpr int32_t kRes4 = 3, kRes19 = -1;
// The most types, functions or variables the 16-bit counts and indexes of the format hold.
constexpr size_t kMaxCount = 0xFFFF;

// IID_IDispatch {00020400-0000-0000-C000-000000000046}: what the header's dispatchpos names.
const support::Guid& iid_idispatch() {
  static const support::Guid g = *support::Guid::parse("{00020400-0000-0000-C000-000000000046}");
  return g;
}

/// One type's MSFT_TypeInfoBase and its member block.
struct TypeRecord {
  Bytes base;      // the 0x64-byte MSFT_TypeInfoBase, memoffset still 0
  Bytes members;   // its member block (may be empty)
};

class Writer {
 public:
  Writer(const model::Library& lib, const model::LibrarySet* refs, Reporter& rep)
      : lib_(lib), rep_(rep), syskind_(uint32_t(lib.syskind)),
        hash_lcid_(lib.lcid ? lib.lcid : kLcidDefault),
        ptr_(fmt::pointer_size(syskind_)), t_(lib, refs, syskind_, hash_lcid_, rep) {}

  std::optional<std::string> run();

 private:
  struct Shape;
  Shape shape(uint32_t index, const std::string& where);
  void dispatch_shape(const model::DispatchDef& d, const std::string& where, Shape& s);
  TypeRecord type_record(uint32_t index, int32_t name);
  int32_t base_href(const std::vector<model::ImplType>& bases, const std::string& where);
  uint32_t datatype2(uint32_t index, const model::InterfaceDef& d);
  int32_t dispatch_href();
  std::string header(uint32_t nr);
  std::optional<std::string> assemble(std::vector<TypeRecord>& recs);

  const model::Library& lib_;
  Reporter& rep_;
  uint32_t syskind_, hash_lcid_, ptr_;
  Tables t_;
  int32_t lib_guid_ = -1, lib_name_ = -1, lib_help_ = -1, lib_helpfile_ = -1, lib_helpdll_ = -1,
          lib_custom_ = -1, dispatch_ = -1;
  bool dispatch_seen_ = false;
};

std::string where_type(const model::Library& lib, uint32_t i) {
  return "types[" + std::to_string(i) + "] (" + lib.types[i].name + ")";
}

int32_t Writer::base_href(const std::vector<model::ImplType>& bases, const std::string& where) {
  if (bases.empty()) return -1;
  if (bases.size() > 1)
    rep_.error("TK6050", where, "an interface records at most one base interface");
  const auto* u = std::get_if<model::UserType>(&bases[0].type.v);
  if (!u) {
    rep_.error("TK6051", where, "a base interface must be a user-defined type");
    return -1;
  }
  return t_.href(*u, uint8_t(TypeKind::Interface), where + ".bases[0]").value_or(-1);
}

/// (inherited function count << 16) | inheritance depth (doc §5.1); readers ignore it.
uint32_t Writer::datatype2(uint32_t index, const model::InterfaceDef& d) {
  uint32_t slots = lib_.types[index].layout.vtable_size / ptr_;
  uint32_t inherited = slots > d.functions.size() ? slots - uint32_t(d.functions.size()) : 0;
  uint32_t depth = 0;
  const model::InterfaceDef* cur = &d;
  // Walk the local bases; an imported one ends the chain (IUnknown is depth 1, IDispatch 2).
  while (cur && !cur->bases.empty() && depth < lib_.types.size() + 2) {
    ++depth;
    const auto* u = std::get_if<model::UserType>(&cur->bases[0].type.v);
    if (!u || u->import || !u->index || *u->index >= lib_.types.size()) {
      if (u && (u->guid == iid_idispatch() || (!u->guid && u->name == "IDispatch"))) ++depth;
      break;
    }
    cur = std::get_if<model::InterfaceDef>(&lib_.types[*u->index].def);
  }
  return inherited << 16 | depth;
}

/// What a type's kind puts into its record: its members, implemented-type count, datatype1/2
/// (doc §7), and typekind bits.
struct Writer::Shape {
  const std::vector<model::Function>* funcs = nullptr;
  const std::vector<model::Variable>* vars = nullptr;
  MemberNames names;
  uint32_t cimpl = 0, dt2 = 0, kind_bits = 0, hint = 0;
  int32_t dt1 = -1;
};

void Writer::dispatch_shape(const model::DispatchDef& d, const std::string& where, Shape& s) {
  s.funcs = &d.methods;
  s.vars = &d.properties;
  dispatch_seen_ = true;
  // The runtime reports the header's dispatchpos as every dispinterface's impl 0; datatype1 is
  // the interface it dispatches to (doc §7).
  s.cimpl = uint32_t(d.bases.size());
  if (d.wraps && s.cimpl == 0) {
    rep_.warning("TK6052", where,
                 "a dispinterface that wraps an interface records IDispatch as its base");
    s.cimpl = 1;
  }
  if (!d.bases.empty()) {
    int32_t b = base_href(d.bases, where);
    if (dispatch_ == -1)
      dispatch_ = b;
    else if (b != dispatch_)
      rep_.warning("TK6053", where,
                   "dispinterfaces name different bases; the format records one IDispatch for "
                   "all of them");
  }
  if (d.wraps) {
    s.kind_bits |= kTypeKindDispBase;
    if (const auto* u = std::get_if<model::UserType>(&d.wraps->v))
      s.dt1 = t_.href(*u, uint8_t(TypeKind::Interface), where + ".wraps").value_or(-1);
    else
      rep_.error("TK6054", where, "a wrapped interface must be a user-defined type");
  }
}

Writer::Shape Writer::shape(uint32_t index, const std::string& where) {
  const model::TypeInfo& ty = lib_.types[index];
  const auto href = int32_t(index * ti::kSize);
  Shape s;
  // Functions and variables name their first owner; variables and module functions are
  // flagged "used once", module and enum members "scoped" (doc §5.3).
  s.names = {{href, false, false}, {href, true, false}};
  s.hint = ty.layout.alignment;  // widl's alignment hint (bits 6-10)
  if (auto* e = std::get_if<model::EnumDef>(&ty.def)) {
    s.vars = &e->values;
    s.names.vars.scoped = true;
  } else if (auto* r = std::get_if<model::RecordDef>(&ty.def)) {
    s.vars = &r->fields;
  } else if (auto* un = std::get_if<model::UnionDef>(&ty.def)) {
    s.vars = &un->fields;
  } else if (auto* a = std::get_if<model::AliasDef>(&ty.def)) {
    s.dt1 = t_.data_type(a->target, where);
  } else if (auto* m = std::get_if<model::ModuleDef>(&ty.def)) {
    s.funcs = &m->functions;
    s.vars = &m->constants;
    s.names.funcs = {href, true, true};
    s.names.vars.scoped = true;
    s.dt1 = t_.string(m->dll, where + " dll");
  } else if (auto* i = std::get_if<model::InterfaceDef>(&ty.def)) {
    s.funcs = &i->functions;
    s.cimpl = uint32_t(i->bases.size());
    s.dt1 = base_href(i->bases, where);
    s.dt2 = datatype2(index, *i);
    s.hint = 8;  // widl writes 8 here for every interface (doc §5.1)
    if (model::stored_kind(ty) == TypeKind::Dispatch) {  // a dual
      s.kind_bits |= kTypeKindDispBase;
      dispatch_seen_ = true;
    }
  } else if (auto* d = std::get_if<model::DispatchDef>(&ty.def)) {
    dispatch_shape(*d, where, s);
  } else if (auto* c = std::get_if<model::CoclassDef>(&ty.def)) {
    s.cimpl = uint32_t(c->interfaces.size());
    s.dt1 = t_.reftab(c->interfaces, where);
    s.hint = 8;
  }
  static const std::vector<model::Function> no_funcs;
  static const std::vector<model::Variable> no_vars;
  if (!s.funcs) s.funcs = &no_funcs;
  if (!s.vars) s.vars = &no_vars;
  if (s.funcs->size() > kMaxCount || s.vars->size() > kMaxCount || s.cimpl > 0x7FFF)
    rep_.error("TK6055", where, "more members than the format's 16-bit counts hold");
  if (ty.layout.alignment > fmt::kTypeKindAlignMask)
    rep_.error("TK6056", where,
               "alignment " + std::to_string(ty.layout.alignment) + " does not fit 5 bits");
  return s;
}

namespace {
bool has_function_pointer(const model::TypeRef& t) {
  if (const auto* p = std::get_if<model::Pointer>(&t.v))
    return p->function || has_function_pointer(*p->pointee);
  if (const auto* a = std::get_if<model::CArray>(&t.v)) return has_function_pointer(*a->element);
  if (const auto* s = std::get_if<model::SafeArray>(&t.v)) return has_function_pointer(*s->element);
  return false;
}

/// What a type read from a C header holds that the format cannot: bit-fields (each is written
/// as its whole storage unit, so fields sharing one overlap), function pointers (written as
/// void*, the signature lost) and C variadic functions (written without the `...`). One warning
/// per type, naming the members.
void report_c_only(const model::TypeInfo& ty, const std::string& where, Reporter& rep) {
  std::vector<std::string> bits, fnptrs, variadic;
  auto vars = [&](const std::vector<model::Variable>& vs) {
    for (const model::Variable& v : vs) {
      if (v.bits) bits.push_back(v.name);
      if (has_function_pointer(v.type)) fnptrs.push_back(v.name);
    }
  };
  auto funcs = [&](const std::vector<model::Function>& fs) {
    for (const model::Function& f : fs) {
      if (f.variadic) variadic.push_back(f.name);
      bool fp = has_function_pointer(f.result);
      for (const model::Param& p : f.params) fp = fp || has_function_pointer(p.type);
      if (fp) fnptrs.push_back(f.name);
    }
  };
  if (const auto* r = std::get_if<model::RecordDef>(&ty.def)) vars(r->fields);
  if (const auto* u = std::get_if<model::UnionDef>(&ty.def)) vars(u->fields);
  if (const auto* m = std::get_if<model::ModuleDef>(&ty.def)) {
    vars(m->constants);
    funcs(m->functions);
  }
  if (const auto* i = std::get_if<model::InterfaceDef>(&ty.def)) funcs(i->functions);
  if (const auto* a = std::get_if<model::AliasDef>(&ty.def); a && has_function_pointer(a->target))
    fnptrs.push_back(ty.name);
  auto list = [](const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  };
  std::string what;
  if (!bits.empty())
    what += "bit-fields (" + list(bits) + ") are written as their whole storage units";
  if (!fnptrs.empty())
    what += std::string(what.empty() ? "" : "; ") + "function pointers (" + list(fnptrs) +
            ") are written as void*";
  if (!variadic.empty())
    what += std::string(what.empty() ? "" : "; ") + "variadic functions (" + list(variadic) +
            ") are written without their '...'";
  if (!what.empty())
    rep.warning("TK6059", where, "a type library cannot hold what this C declaration has: " + what);
}
}  // namespace

TypeRecord Writer::type_record(uint32_t index, int32_t name) {
  report_c_only(lib_.types[index], where_type(lib_, index), rep_);
  const model::TypeInfo& ty = lib_.types[index];
  const std::string where = where_type(lib_, index);
  const Shape s = shape(index, where);
  TypeRecord rec;
  rec.members = member_block(t_, *s.funcs, *s.vars, s.names, where);
  // MSFT_TypeInfoBase, field by field (doc §5.1).
  Bytes& b = rec.base;
  b.u32(uint32_t(model::stored_kind(ty)) | kTypeKindAlways | s.kind_bits |
        (s.hint & 0x1F) << kTypeKindHintShift |
        (ty.layout.alignment & fmt::kTypeKindAlignMask) << fmt::kTypeKindAlignShift |
        index << kTypeKindIndexShift);
  b.u32(0);  // memoffset, placed once the segments are laid out
  b.u32(0);  // res2: an allocation hint, ignored
  b.i32(rec.members.size() ? 0 : -1);  // res3: widl's -1 for "no members"
  b.i32(kRes4);
  b.u32(0);  // res5
  b.u32(uint32_t(s.funcs->size() & 0xFFFF) | uint32_t(s.vars->size() & 0xFFFF) << 16);
  for (int k = 0; k < 4; ++k) b.u32(0);  // res7..resA
  b.i32(ty.guid ? t_.guid(*ty.guid, int32_t(index * ti::kSize)) : -1);
  b.u32(ty.flags);
  b.i32(name);
  b.u32(uint32_t(ty.version.major) | uint32_t(ty.version.minor) << 16);
  b.i32(t_.string(ty.docs.helpstring, where));
  b.u32(ty.docs.helpstringcontext);
  b.u32(ty.docs.helpcontext);
  b.i32(t_.custom(ty.custom, where));
  b.u16(uint16_t(s.cimpl));
  b.u16(ty.layout.vtable_size);
  b.u32(ty.layout.size);
  b.i32(s.dt1);
  b.u32(s.dt2);
  b.u32(0);  // res18
  b.i32(kRes19);
  return rec;
}

/// The HREFTYPE of IDispatch for the header when no dispinterface named it: a local type with
/// its IID, else a base interface imported by that IID, else one made for an import of stdole.
int32_t Writer::dispatch_href() {
  for (size_t i = 0; i < lib_.types.size(); ++i)
    if (lib_.types[i].guid == iid_idispatch()) return int32_t(i * ti::kSize);
  for (const model::TypeInfo& ty : lib_.types)
    if (auto* d = std::get_if<model::InterfaceDef>(&ty.def))
      for (const model::ImplType& b : d->bases)
        if (auto* u = std::get_if<model::UserType>(&b.type.v); u && u->import && u->guid == iid_idispatch())
          return t_.href(*u, uint8_t(TypeKind::Interface), "IDispatch").value_or(-1);
  for (size_t k = 0; k < lib_.imports.size(); ++k)
    if (lib_.imports[k].libid == model::stdole_libid()) {
      model::UserType u{uint32_t(k), "IDispatch", iid_idispatch(), std::nullopt};
      return t_.href(u, uint8_t(TypeKind::Interface), "IDispatch").value_or(-1);
    }
  rep_.warning("TK6057", "library",
               "dual interfaces or dispinterfaces, but no IDispatch to name in the header: the "
               "library imports no stdole");
  return -1;
}

/// The header (doc §3), the help-DLL INT when there is one, and the typeinfo offsets.
std::string Writer::header(uint32_t nr) {
  Bytes h;
  uint32_t varflags = kVarFlagsAlways | syskind_;
  if (lib_helpfile_ != -1) varflags |= fmt::kVarFlagsHelpFile;
  if (lib_helpdll_ != -1) varflags |= fmt::kVarFlagsHelpDll;
  h.u32(fmt::kMagicMsft);
  h.u32(fmt::kMagic2);
  h.i32(lib_guid_);
  h.u32(hash_lcid_);
  h.u32(lib_.lcid);
  h.u32(varflags);
  h.u32(uint32_t(lib_.version.major) | uint32_t(lib_.version.minor) << 16);
  h.u32(lib_.flags);
  h.u32(nr);
  h.i32(lib_help_);
  h.u32(lib_.docs.helpstringcontext);  // 0x28 (doc §3)
  h.u32(lib_.docs.helpcontext);        // 0x2C
  h.u32(t_.name_count());
  h.u32(t_.name_chars());
  h.i32(lib_name_);
  h.i32(lib_helpfile_);
  h.i32(lib_custom_);
  h.u32(kRes44);
  h.u32(kRes48);
  h.i32(dispatch_);
  h.u32(t_.impinfo_count());
  if (lib_helpdll_ != -1) h.i32(lib_helpdll_);
  for (uint32_t i = 0; i < nr; ++i) h.u32(i * ti::kSize);
  return h.b;
}

std::optional<std::string> Writer::run() {
  const auto nr = uint32_t(lib_.types.size());
  lib_guid_ = t_.guid(*lib_.libid, kGuidHrefLibrary);
  t_.add_imports();
  lib_name_ = t_.name(lib_.name, -1, 0, "library");
  lib_help_ = t_.string(lib_.docs.helpstring, "library");
  lib_helpfile_ = t_.string(lib_.helpfile, "library helpfile");
  lib_helpdll_ = t_.string(lib_.helpstringdll, "library helpstringdll");
  lib_custom_ = t_.custom(lib_.custom, "library");
  std::vector<TypeRecord> recs;
  recs.reserve(nr);
  // Each type's name, then its members' names, in library order as widl adds them: where
  // names differ only in case, the first spelling is the one every user of the entry gets.
  for (uint32_t i = 0; i < nr; ++i)
    recs.push_back(type_record(i, t_.type_name(lib_.types[i].name, i, where_type(lib_, i))));
  if (dispatch_ == -1 && dispatch_seen_) dispatch_ = dispatch_href();
  if (rep_.failed) return std::nullopt;
  return assemble(recs);
}

/// Lays the file out: header, directory, the segments in widl's order, the member blocks.
std::optional<std::string> Writer::assemble(std::vector<TypeRecord>& recs) {
  const auto nr = uint32_t(recs.size());
  Tables::Segments& s = t_.finish();
  Bytes typeinfos;
  for (const TypeRecord& r : recs) typeinfos.raw(r.base.b);
  std::string head = header(nr);
  const uint32_t dir_at = uint32_t(head.size());
  // Physical order of the segments, as widl writes them (doc §2); directory order differs.
  using S = fmt::Segment;
  const std::vector<std::pair<S, const Bytes*>> order = {
      {S::TypeInfoTab, &typeinfos}, {S::GuidHashTab, &s.guidhash}, {S::GuidTab, &s.guids},
      {S::RefTab, &s.reftab},       {S::ImpInfo, &s.impinfo},      {S::ImpFiles, &s.impfiles},
      {S::NameHashTab, &s.namehash}, {S::NameTab, &s.names},      {S::StringTab, &s.strings},
      {S::TypedescTab, &s.typedesc}, {S::ArrayDesc, &s.arraydesc}, {S::CustData, &s.custdata},
      {S::CDGuids, &s.cdguids}};
  std::vector<std::pair<int32_t, uint32_t>> dir(fmt::kSegmentCount, {-1, 0});
  uint64_t at = dir_at + fmt::kSegmentCount * fmt::kSegmentEntrySize;
  for (const auto& [id, bytes] : order) {
    if (bytes->size() == 0) continue;
    dir[uint32_t(id)] = {int32_t(at), bytes->size()};
    at += bytes->size();
  }
  // Member blocks follow the last segment, in type order (doc §6).
  for (uint32_t i = 0; i < nr; ++i) {
    typeinfos.put32(i * ti::kSize + ti::kMemOffset, uint32_t(at));
    at += recs[i].members.size();
  }
  if (at > 0x7FFFFFFF) {
    rep_.error("TK6058", "library", "the type library would exceed 2 GB, past the format's offsets");
    return std::nullopt;
  }
  Bytes out;
  out.b.reserve(size_t(at));
  out.raw(head);
  for (const auto& [off, len] : dir) {
    out.i32(off);
    out.u32(len);
    out.i32(-1);                    // res08
    out.u32(fmt::kSegmentRes0c);   // res0c: Wine refuses the file without it
  }
  for (const auto& [id, bytes] : order) out.raw(bytes->b);
  for (const TypeRecord& r : recs) out.raw(r.members.b);
  return std::move(out.b);
}

}  // namespace

std::optional<std::string> write_typelib(const model::Library& lib, support::DiagEngine& diags,
                                         const model::LibrarySet* refs) {
  Reporter rep{diags, lib.name.empty() ? std::string("<library>") : lib.name};
  if (!lib.libid) rep.error("TK6001", "library", "the library has no LIBID (uuid)");
  if (lib.name.empty()) rep.error("TK6002", "library", "the library has no name");
  if (lib.syskind != model::SysKind::Win32 && lib.syskind != model::SysKind::Win64)
    rep.error("TK6003", "library", "only Win32 and Win64 type libraries can be written");
  if (lib.types.size() > kMaxCount)
    rep.error("TK6004", "library",
              std::to_string(lib.types.size()) + " types; the format's indexes hold 65535");
  if (!name_hash_table_known(lib.lcid ? lib.lcid : kLcidDefault))
    rep.warning("TK6005", "library",
                "name hashes for this LCID's language use the Latin table; non-ASCII names may "
                "not be found by ITypeLib::FindName");
  if (rep.failed) return std::nullopt;
  Writer w(lib, refs, rep);
  return w.run();
}

}  // namespace tlbkit::tlbw
