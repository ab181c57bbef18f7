// compute_layout: record/union sizes and field offsets, alias and enum sizes, vtable sizes and
// function vtable offsets for a target SysKind, following what MIDL and widl record in MSFT
// type libraries (facts checked against testdata/corpus by tests/writers/layout_corpus_test.cpp).
// Layer: model.
#include "model/layout.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace tlbkit::model {

namespace {

/// Size and alignment of a value of some type, in bytes.
struct Shape {
  uint32_t size = 0;
  uint32_t align = 1;
};

uint64_t round_up(uint64_t v, uint32_t a) { return a <= 1 ? v : (v + a - 1) / a * a; }
/// Sizes and offsets are 32-bit in the model (and the MSFT format); absurd arrays saturate.
uint32_t clamp32(uint64_t v) { return uint32_t(std::min<uint64_t>(v, 0xFFFFFFFFu)); }

/// A record's or union's shape and each field's offset (0 for fields that are not per-instance).
struct FieldsLayout {
  Shape shape;
  std::vector<uint32_t> offsets;
};

// IIDs of the two interfaces every COM vtable starts with (the SDK's unknwn.idl, oaidl.idl).
const Guid& iid_iunknown() {
  static const Guid g = *Guid::parse("{00000000-0000-0000-C000-000000000046}");
  return g;
}
const Guid& iid_idispatch() {
  static const Guid g = *Guid::parse("{00020400-0000-0000-C000-000000000046}");
  return g;
}

// IUnknown has 3 slots (QueryInterface, AddRef, Release); IDispatch adds 4 (GetTypeInfoCount,
// GetTypeInfo, GetIDsOfNames, Invoke) — unknwn.idl / oaidl.idl.
constexpr uint32_t kIUnknownSlots = 3;
constexpr uint32_t kIDispatchSlots = 7;

/// Size and alignment of a base VARTYPE (oaidl.h/wtypes.h definitions under the target's natural
/// C layout). 8-byte scalars are 8-aligned on win32 too: MIDL's struct layouts in the corpus
/// (UevCustomActionTypes.tlb, activeds.tlb) put doubles and VARIANTs at 8-byte boundaries.
Shape base_shape(uint16_t t, uint32_t ptr) {
  switch (t) {
    case vt::I1:
    case vt::UI1:
      return {1, 1};
    case vt::I2:
    case vt::UI2:
    case vt::Bool:
      return {2, 2};
    case vt::I4:
    case vt::UI4:
    case vt::Int:
    case vt::UInt:
    case vt::R4:
    case vt::Error:
    case vt::HResult:
      return {4, 4};
    case vt::I8:
    case vt::UI8:
    case vt::R8:
    case vt::Cy:
    case vt::Date:
      return {8, 8};
    // FILETIME is two DWORDs; CLSID a GUID (DWORD, 2 WORDs, 8 bytes).
    case vt::FileTime:
      return {8, 4};
    case vt::Clsid:
      return {16, 4};
    // DECIMAL: WORD, BYTE, BYTE, ULONG, ULONGLONG = 16 bytes, 8-aligned.
    case vt::Decimal:
      return {16, 8};
    // VARIANT: 8-byte header + a 2-pointer (BRECORD) or 8-byte payload: 16 on win32, 24 on win64.
    case vt::Variant:
      return {ptr == 8 ? 24u : 16u, 8};
    case vt::Void:
    case vt::Empty:
    case vt::Null:
      return {0, 1};
    default:
      return {ptr, ptr};  // BSTR, LPSTR, LPWSTR, IUnknown*, IDispatch*, PTR, SAFEARRAY …
  }
}

/// True when a reference that cannot be resolved names the interface `iid` (by GUID, or by name
/// when it has no GUID).
bool names(const UserType& u, const Guid& iid, const char* name) {
  if (u.guid) return *u.guid == iid;
  return u.name == name;
}

/// Computes layouts for one target over the library being laid out and the libraries it
/// imports, memoising each type's shape and vtable slot count.
class Layouter {
 public:
  Layouter(SysKind target, const LibrarySet& refs, LayoutStyle style, support::DiagEngine& diags)
      : ptr_(target == SysKind::Win64 ? 8u : 4u), refs_(refs), style_(style), diags_(diags) {}

  uint32_t ptr() const { return ptr_; }

  Shape shape_of(const Library& from, const TypeRef& t) {
    struct V {
      Layouter& self;
      const Library& from;
      Shape operator()(const BaseType& b) const { return base_shape(b.vt, self.ptr_); }
      Shape operator()(const Pointer&) const { return {self.ptr_, self.ptr_}; }
      Shape operator()(const SafeArray&) const { return {self.ptr_, self.ptr_}; }
      Shape operator()(const CArray& a) const {
        Shape e = self.shape_of(from, *a.element);
        uint64_t n = 1;
        for (const ArrayBound& b : a.bounds) n = clamp32(n * b.count);
        return {clamp32(n * e.size), e.align};
      }
      Shape operator()(const UserType& u) const { return self.user_shape(from, u); }
    };
    return std::visit(V{*this, from}, t.v);
  }

  /// The shape of a whole type of `owner`.
  Shape type_shape(const Library& owner, uint32_t index) {
    auto key = std::make_pair(&owner, index);
    if (auto it = shapes_.find(key); it != shapes_.end()) return it->second;
    const TypeInfo& t = owner.types[index];
    if (in_progress_.count(key)) {
      warn_once("TK4103",
                "type '" + t.name + "' contains itself by value; counted as pointer-sized");
      return {ptr_, ptr_};
    }
    in_progress_.insert(key);
    Shape s = compute_shape(owner, t);
    in_progress_.erase(key);
    shapes_[key] = s;
    return s;
  }

  /// Number of vtable slots of an interface type of `owner`, inherited ones included.
  uint32_t slots(const Library& owner, uint32_t index) {
    auto key = std::make_pair(&owner, index);
    if (auto it = slots_.find(key); it != slots_.end()) return it->second;
    const TypeInfo& t = owner.types[index];
    uint32_t n = 0;
    if (in_progress_slots_.count(key)) {
      warn_once("TK4104", "interface '" + t.name + "' inherits from itself");
      return 0;
    }
    in_progress_slots_.insert(key);
    if (const auto* i = std::get_if<InterfaceDef>(&t.def)) {
      n = inherited(owner, t, i->bases) + uint32_t(i->functions.size());
    } else if (const auto* d = std::get_if<DispatchDef>(&t.def)) {
      // A pure dispinterface's vtable is IDispatch's; one that wraps an interface has that
      // interface's.
      const UserType* w = d->wraps ? std::get_if<UserType>(&d->wraps->v) : nullptr;
      n = w ? base_slots(owner, t, *w) : kIDispatchSlots;
    } else if (const auto* a = std::get_if<AliasDef>(&t.def)) {
      if (const auto* u = std::get_if<UserType>(&a->target.v)) n = base_slots(owner, t, *u);
    }
    in_progress_slots_.erase(key);
    slots_[key] = n;
    return n;
  }

  /// Slots inherited through `bases` (at most one for an interface).
  uint32_t inherited(const Library& owner, const TypeInfo& t, const std::vector<ImplType>& bases) {
    if (bases.empty()) return 0;
    const auto* u = std::get_if<UserType>(&bases.front().type.v);
    if (!u) return 0;
    return base_slots(owner, t, *u);
  }

  uint32_t base_slots(const Library& owner, const TypeInfo& t, const UserType& u) {
    LibrarySet::Found f = find(owner, u);
    if (f.type) return slots(*f.library, f.index);
    if (names(u, iid_iunknown(), "IUnknown")) return kIUnknownSlots;
    if (names(u, iid_idispatch(), "IDispatch")) return kIDispatchSlots;
    warn_once("TK4101", "base interface '" + display(u) + "' of '" + t.name +
                            "' is not at hand; its slots are not counted in vtable offsets");
    return 0;
  }

  /// Lays out fields in declaration order (a union's all at 0), each at its alignment capped by
  /// the packing; the record is padded to its largest alignment.
  FieldsLayout fields_layout(const Library& owner, const std::vector<Variable>& fields,
                             bool is_union) {
    FieldsLayout out;
    uint64_t end = 0;
    for (const Variable& v : fields) {
      if (v.varkind != VarKind::PerInstance) {
        out.offsets.push_back(0);
        continue;
      }
      Shape s = shape_of(owner, v.type);
      uint32_t a = std::min(s.align, kPack);
      out.shape.align = std::max(out.shape.align, a);
      uint64_t at = is_union ? 0 : round_up(end, a);
      out.offsets.push_back(clamp32(at));
      end = std::max(end, at + s.size);
    }
    out.shape.size = clamp32(round_up(end, out.shape.align));
    return out;
  }

  LayoutStyle style() const { return style_; }

 private:
  /// The type a reference names: in `from` itself when local, else in the imported library
  /// found in the set.
  LibrarySet::Found find(const Library& from, const UserType& u) const {
    return refs_.resolve(from, u);
  }

  /// One warning per distinct problem, however many references run into it.
  void warn_once(const char* code, std::string message) {
    if (warned_.insert(message).second) diags_.warning(code, {}, std::move(message));
  }

  static std::string display(const UserType& u) {
    if (!u.name.empty()) return u.name;
    if (u.guid) return u.guid->to_string();
    return "?";
  }

  Shape user_shape(const Library& from, const UserType& u) {
    LibrarySet::Found f = find(from, u);
    if (!f.type) {
      warn_once("TK4102",
                "type '" + display(u) + "' is not at hand; its size is taken as a pointer's");
      return {ptr_, ptr_};
    }
    return type_shape(*f.library, f.index);
  }

  Shape compute_shape(const Library& owner, const TypeInfo& t) {
    struct V {
      Layouter& self;
      const Library& owner;
      Shape operator()(const EnumDef&) const { return {4, 4}; }  // an enum is an INT
      Shape operator()(const RecordDef& r) const {
        return self.fields_layout(owner, r.fields, false).shape;
      }
      Shape operator()(const UnionDef& u) const {
        return self.fields_layout(owner, u.fields, true).shape;
      }
      Shape operator()(const AliasDef& a) const { return self.shape_of(owner, a.target); }
      // Interfaces, dispinterfaces and coclasses have the size of a pointer. Their alignment on
      // win64 depends on the tool (win32: 4 everywhere):
      //  - widl: the pointer size, but 4 for a coclass (corpus/widl/*_win64, corpus/wine);
      //  - MIDL: the pointer size, but 4 for a pure dispinterface (msado15.dll's
      //    ConnectionEvents; id3com.tlb, VersInfoEx.tlb);
      //  - tlbexp: 4 for all three (WasatchNET.x64.tlb, AccessCodeLib.AccUnit.tlb).
      Shape operator()(const InterfaceDef&) const {
        return {self.ptr_, self.style_ == LayoutStyle::Tlbexp ? 4u : self.ptr_};
      }
      Shape operator()(const DispatchDef&) const {
        return {self.ptr_, self.style_ == LayoutStyle::Widl ? self.ptr_ : 4u};
      }
      Shape operator()(const CoclassDef&) const {
        return {self.ptr_, self.style_ == LayoutStyle::Midl ? self.ptr_ : 4u};
      }
      // A module's alignment is 1 for every tool. Its size: widl records the number of its
      // functions (a module of 3 functions: 3); MIDL and mktyplib record 2 whatever the count
      // (msvbvm60.dll's modules of 20-55 functions, VBLLVM.tlb).
      Shape operator()(const ModuleDef& m) const {
        if (self.style_ == LayoutStyle::Widl) return {uint32_t(m.functions.size()), 1};
        return {2, 1};
      }
    };
    return std::visit(V{*this, owner}, t.def);
  }

  // Default structure packing of MIDL and widl (/Zp8).
  static constexpr uint32_t kPack = 8;

  uint32_t ptr_;
  const LibrarySet& refs_;
  LayoutStyle style_;
  support::DiagEngine& diags_;
  using Key = std::pair<const Library*, uint32_t>;
  std::map<Key, Shape> shapes_;
  std::map<Key, uint32_t> slots_;
  std::set<Key> in_progress_, in_progress_slots_;  // cycle guards
  std::set<std::string> warned_;
};

void set_offsets(Layouter& l, const Library& lib, std::vector<Variable>& fields, bool is_union) {
  FieldsLayout f = l.fields_layout(lib, fields, is_union);
  for (size_t k = 0; k < fields.size(); ++k)
    if (fields[k].varkind == VarKind::PerInstance) fields[k].offset = f.offsets[k];
}

/// True when `wrapped` is a type of this library that comes after type `index`.
bool wraps_later(const TypeRef& wrapped, uint32_t index) {
  const auto* u = std::get_if<UserType>(&wrapped.v);
  return u && !u->import && u->index && *u->index > index;
}

uint16_t narrow16(uint32_t v) { return uint16_t(std::min<uint32_t>(v, 0xFFFF)); }

/// The largest vtable offset a typelib can hold: MSFT stores it as an INT16 whose bit 0 is a flag
/// (typelib-format.md §6.1), so offsets past it saturate instead of wrapping.
constexpr uint32_t kMaxVtableOffset = 0x7FFC;
int32_t vtable_offset(uint32_t slot, uint32_t ptr) {
  return int32_t(std::min<uint64_t>(uint64_t{slot} * ptr, kMaxVtableOffset));
}

void lay_out_members(Layouter& l, const Library& snapshot, uint32_t index, TypeInfo& t) {
  const uint32_t ptr = l.ptr();
  if (auto* r = std::get_if<RecordDef>(&t.def)) {
    set_offsets(l, snapshot, r->fields, false);
  } else if (auto* u = std::get_if<UnionDef>(&t.def)) {
    set_offsets(l, snapshot, u->fields, true);
  } else if (auto* i = std::get_if<InterfaceDef>(&t.def)) {
    uint32_t slots = l.slots(snapshot, index);
    uint32_t first = slots - uint32_t(i->functions.size());
    for (uint32_t k = 0; k < i->functions.size(); ++k)
      i->functions[k].vtable_offset = vtable_offset(first + k, ptr);
    t.layout.vtable_size = narrow16(slots * ptr);
  } else if (auto* d = std::get_if<DispatchDef>(&t.def)) {
    // Dispinterface functions have no vtable slot, but both tools number them as if they had:
    // method k at k pointers, and one pointer per method as cbSizeVft (widl's msxml6
    // XMLDOMDocumentEvents; stdole2.tlb's Picture: 1 method, 4 on win32 / 8 on win64).
    // One that wraps an interface (`dispinterface X { interface Y; }`) records Y's vtable size
    // (widl and MIDL: MSWORD.OLB's ApplicationEvents2).
    for (uint32_t k = 0; k < d->methods.size(); ++k)
      d->methods[k].vtable_offset = vtable_offset(k, ptr);
    // MIDL records 0 when the wrapped interface comes later in the library (it has not laid it
    // out yet): MSWORD.OLB's ApplicationEvents, before IApplicationEvents.
    uint32_t slots = d->wraps ? l.slots(snapshot, index) : uint32_t(d->methods.size());
    if (d->wraps && l.style() == LayoutStyle::Midl && wraps_later(*d->wraps, index)) slots = 0;
    t.layout.vtable_size = narrow16(slots * ptr);
  } else if (auto* m = std::get_if<ModuleDef>(&t.def)) {
    for (Function& f : m->functions) f.vtable_offset = 0;  // static functions: no vtable
  }
}

}  // namespace

LayoutStyle recorded_style(const Library& lib) {
  // MIDL and widl both write {DE77BA65-517C-11D1-A2DA-0000F8773CE9} = "Created by <tool> version
  // …" (typelib-format.md); tlbexp writes {90883F05-3D28-11D2-8F17-00A0C9A6186D} = the exporting
  // assembly's name (corpus/ms: WasatchNET, AccessCodeLib.AccUnit).
  const Guid created_by = *Guid::parse("{DE77BA65-517C-11D1-A2DA-0000F8773CE9}");
  const Guid exported_from = *Guid::parse("{90883F05-3D28-11D2-8F17-00A0C9A6186D}");
  for (const CustomDatum& c : lib.custom) {
    if (c.guid == exported_from) return LayoutStyle::Tlbexp;
    const auto* text = std::get_if<std::string>(&c.value.data);
    if (c.guid == created_by && text && text->rfind("Created by WIDL", 0) == 0)
      return LayoutStyle::Widl;
  }
  return LayoutStyle::Midl;
}

LayoutStyle source_style(const Library& lib) {
  const Guid created_by = *Guid::parse("{DE77BA65-517C-11D1-A2DA-0000F8773CE9}");
  for (const CustomDatum& c : lib.custom) {
    const auto* text = std::get_if<std::string>(&c.value.data);
    if (c.guid == created_by && text && text->rfind("Created by MIDL", 0) == 0)
      return LayoutStyle::Midl;
  }
  return recorded_style(lib) == LayoutStyle::Tlbexp ? LayoutStyle::Tlbexp : LayoutStyle::Widl;
}

void compute_layout(Library& lib, SysKind target, const LibrarySet* refs,
                    support::DiagEngine& diags) {
  compute_layout(lib, target, refs, diags, LayoutStyle::Widl);
}

void compute_layout(Library& lib, SysKind target, const LibrarySet* refs,
                    support::DiagEngine& diags, LayoutStyle style) {
  LibrarySet empty;
  const LibrarySet& set = refs ? *refs : empty;
  // Shapes are computed over an unchanged copy, so a type's members can be rewritten while
  // other types still refer to the library.
  const Library snapshot = lib;
  Layouter l(target, set, style, diags);
  for (uint32_t i = 0; i < lib.types.size(); ++i) {
    TypeInfo& t = lib.types[i];
    Shape s = l.type_shape(snapshot, i);
    t.layout = TypeLayout{s.size, narrow16(s.align), 0};
    lay_out_members(l, snapshot, i, t);
  }
  lib.syskind = target;
}

}  // namespace tlbkit::model
