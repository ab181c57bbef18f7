// The runtime's view of a model library (Wine 8.0's oleaut32 typelib.c, read for the facts; each
// function below says which behaviour it reproduces). Layer: writers.
#include "writers/oleaut/runtime_view.h"

#include <algorithm>

#include "writers/oleaut/listing_text.h"

namespace tlbkit::oleaut {

namespace vt = model::vt;
using model::TypeKind;

namespace {
// A 64-bit process: pointers, and the vtable of IDispatch (7 methods) GetTypeAttr reports for
// every dispinterface.
constexpr uint32_t kPointerSize = 8;
constexpr uint16_t kIDispatchVtableSize = 7 * kPointerSize;
constexpr uint32_t kVariantSize = 24, kDecimalSize = 16;
// Chains of bases (and aliases of aliases) deeper than this are cycles; the runtime would
// recurse forever, tlbkit reports the member as failing.
constexpr int kMaxChain = 64;

uint32_t file_pointer_size(const model::Library& lib) {
  return lib.syskind == model::SysKind::Win64 ? 8 : 4;  // Wine's get_ptr_size
}

support::Guid libid_of(const model::Library& lib) { return lib.libid.value_or(support::Guid{}); }

const support::Guid& iid_idispatch() {
  static const support::Guid g = *support::Guid::parse("{00020400-0000-0000-C000-000000000046}");
  return g;
}
}  // namespace

// ---- Members as stored --------------------------------------------------------------------------

const std::vector<model::Function>& RuntimeView::own_functions(const model::TypeInfo& t) {
  static const std::vector<model::Function> none;
  if (auto* d = std::get_if<model::InterfaceDef>(&t.def)) return d->functions;
  if (auto* d = std::get_if<model::DispatchDef>(&t.def)) return d->methods;
  if (auto* d = std::get_if<model::ModuleDef>(&t.def)) return d->functions;
  return none;
}

const std::vector<model::Variable>& RuntimeView::own_variables(const model::TypeInfo& t) {
  static const std::vector<model::Variable> none;
  if (auto* d = std::get_if<model::EnumDef>(&t.def)) return d->values;
  if (auto* d = std::get_if<model::RecordDef>(&t.def)) return d->fields;
  if (auto* d = std::get_if<model::UnionDef>(&t.def)) return d->fields;
  if (auto* d = std::get_if<model::DispatchDef>(&t.def)) return d->properties;
  if (auto* d = std::get_if<model::ModuleDef>(&t.def)) return d->constants;
  return none;
}

const model::TypeRef* RuntimeView::first_impl(const model::TypeInfo& t) {
  // A dispinterface's stored impl type is the interface it wraps (datatype1), not the IDispatch
  // GetRefTypeOfImplType(0) reports.
  if (auto* d = std::get_if<model::InterfaceDef>(&t.def))
    return d->bases.empty() ? nullptr : &d->bases.front().type;
  if (auto* d = std::get_if<model::DispatchDef>(&t.def)) return d->wraps ? &*d->wraps : nullptr;
  if (auto* d = std::get_if<model::CoclassDef>(&t.def))
    return d->interfaces.empty() ? nullptr : &d->interfaces.front().type;
  return nullptr;
}

// ---- References ---------------------------------------------------------------------------------

TypeHandle RuntimeView::resolve(const model::Library& from, const model::TypeRef& ref) const {
  const auto* u = std::get_if<model::UserType>(&ref.v);
  return u ? resolve(from, *u) : TypeHandle{};
}

TypeHandle RuntimeView::resolve(const model::Library& from, const model::UserType& ref) const {
  auto found = set_.resolve(from, ref);
  if (!found.type) return {};
  return {found.library, found.type, found.index};
}

std::string RuntimeView::ref_name(const TypeHandle& h, const model::Library& listed) const {
  if (!h) return "?";
  // The listing qualifies a type of another library (compared by LIBID) with that library's name.
  if (libid_of(*h.lib) != libid_of(listed)) return cat(h.lib->name, ".", h.type->name);
  return h.type->name;
}

std::string RuntimeView::type_text(const model::Library& from, const model::TypeRef& t,
                                   const model::Library& listed) const {
  struct V {
    const RuntimeView& rv;
    const model::Library& from;
    const model::Library& listed;
    std::string operator()(const model::BaseType& b) const { return cat("vt", num(b.vt)); }
    std::string operator()(const model::Pointer& p) const {
      return cat("ptr(", rv.type_text(from, *p.pointee, listed), ")");
    }
    std::string operator()(const model::SafeArray& s) const {
      return cat("safearray(", rv.type_text(from, *s.element, listed), ")");
    }
    std::string operator()(const model::CArray& a) const {
      std::string s = cat("carray(", rv.type_text(from, *a.element, listed));
      for (const auto& b : a.bounds) {
        s += ',';
        s += std::to_string(b.lower);
        s += ':';
        s += std::to_string(b.count);
      }
      s += ')';
      return s;
    }
    std::string operator()(const model::UserType& u) const {
      return cat("udt(", rv.ref_name(rv.resolve(from, u), listed), ")");
    }
  };
  return std::visit(V{*this, from, listed}, t.v);
}

TypeHandle RuntimeView::dispatch_interface(const TypeHandle& h) const {
  // GetRefTypeOfImplType(0) of any TKIND_DISPATCH answers the header's dispatchpos: the IDispatch
  // the library imports. A pure dispinterface records it as its base; a dual records its own
  // base instead, so the library's IDispatch is found as the runtime would load it: stdole's.
  if (auto* d = std::get_if<model::DispatchDef>(&h.type->def))
    return d->bases.empty() ? TypeHandle{} : resolve(*h.lib, d->bases.front().type);
  for (const model::TypeInfo& t : h.lib->types)
    if (auto* d = std::get_if<model::DispatchDef>(&t.def); d && !d->bases.empty())
      if (TypeHandle found = resolve(*h.lib, d->bases.front().type)) return found;
  const model::Library* lib =
      libid_of(*h.lib) == model::stdole_libid() ? h.lib : set_.find(model::stdole_libid(), {2, 0});
  if (!lib) return {};
  for (uint32_t i = 0; i < lib->types.size(); ++i)
    if (lib->types[i].guid == iid_idispatch()) return {lib, &lib->types[i], i};
  return {};
}

// ---- GetTypeAttr in a 64-bit process ------------------------------------------------------------

/// TLB_size_instance for SYS_WIN64: the size and alignment the runtime computes for a type when
/// it fixes an alias of a library built for another pointer size. C arrays multiply the element
/// size by the SUM of the dimensions (as the runtime does); a failure leaves what was computed.
bool RuntimeView::size_instance(const model::Library& lib, const std::vector<Layout>& fixed,
                                const model::TypeRef& t, uint32_t& size, uint16_t& align,
                                int depth) const {
  if (depth > kMaxChain) return false;
  if (auto* a = std::get_if<model::CArray>(&t.v)) {
    size = 0;
    for (const auto& b : a->bounds) size += b.count;
    uint32_t sub = 0;
    if (!size_instance(lib, fixed, *a->element, sub, align, depth + 1)) return false;
    size *= sub;
    return true;
  }
  if (std::get_if<model::UserType>(&t.v)) {
    TypeHandle h = resolve(lib, t);
    if (!h) return false;
    Layout l = layout_of(h, lib, fixed);
    size = l.size;
    align = l.alignment;
    return true;
  }
  uint16_t v = vt::Ptr;
  if (auto* b = std::get_if<model::BaseType>(&t.v)) v = b->vt;
  switch (v) {
    case vt::Void:
      size = 0;
      break;
    case vt::I1:
    case vt::UI1:
      size = 1;
      break;
    case vt::I2:
    case vt::Bool:
    case vt::UI2:
      size = 2;
      break;
    case vt::I4:
    case vt::R4:
    case vt::Error:
    case vt::UI4:
    case vt::Int:
    case vt::UInt:
    case vt::HResult:
      size = 4;
      break;
    case vt::R8:
    case vt::I8:
    case vt::UI8:
    case vt::Date:
    case vt::Cy:
      size = 8;
      break;
    case vt::Bstr:
    case vt::Dispatch:
    case vt::Unknown:
    case vt::Ptr:
    case vt::SafeArray:
    case vt::LpStr:
    case vt::LpWStr:
      size = kPointerSize;
      break;
    case vt::Variant:
      size = kVariantSize;
      break;
    case vt::Decimal:
      size = kDecimalSize;
      break;
    default:
      return false;
  }
  align = static_cast<uint16_t>(size < 4 ? size : 4);
  return true;
}

/// GetTypeAttr's size and alignment of a referenced type: from its library's 64-bit view (for
/// the library being fixed, whatever the fix-up has reached so far).
RuntimeView::Layout RuntimeView::layout_of(const TypeHandle& h, const model::Library& lib,
                                           const std::vector<Layout>& fixed) const {
  if (h.lib == &lib) return fixed[h.index];
  return layouts_in_64bit_process(*h.lib)[h.index];
}

/// TLB_fix_typeinfo_ptr_size: a library the MSFT loader reads that was built for another
/// pointer size gets, in index order, pointer-sized interfaces, dispinterfaces and coclasses, and
/// recomputed aliases. (The SLTG loader fixes nothing.)
const std::vector<RuntimeView::Layout>& RuntimeView::layouts_in_64bit_process(
    const model::Library& lib) const {
  if (auto it = layouts_.find(&lib); it != layouts_.end()) return it->second;
  std::vector<Layout>& out = layouts_[&lib];
  out.reserve(lib.types.size());
  for (const model::TypeInfo& t : lib.types) out.push_back({t.layout.size, t.layout.alignment});
  if (file_pointer_size(lib) == kPointerSize || &lib == sltg_) return out;
  for (uint32_t i = 0; i < lib.types.size(); ++i) {
    const model::TypeInfo& t = lib.types[i];
    Layout& l = out[i];
    TypeKind k = model::stored_kind(t);
    if (k == TypeKind::Interface || k == TypeKind::Dispatch || k == TypeKind::Coclass) {
      l = {kPointerSize, kPointerSize};
      continue;
    }
    auto* alias = std::get_if<model::AliasDef>(&t.def);
    if (!alias) continue;
    uint16_t v = vt::UserDefined;
    if (auto* b = std::get_if<model::BaseType>(&alias->target.v)) v = b->vt;
    if (std::holds_alternative<model::Pointer>(alias->target.v)) v = vt::Ptr;
    if (std::holds_alternative<model::SafeArray>(alias->target.v)) v = vt::SafeArray;
    if (std::holds_alternative<model::CArray>(alias->target.v)) v = vt::CArray;
    switch (v) {
      case vt::Bstr:
      case vt::Dispatch:
      case vt::Unknown:
      case vt::Ptr:
      case vt::SafeArray:
      case vt::LpStr:
      case vt::LpWStr:
        l = {kPointerSize, kPointerSize};
        break;
      case vt::CArray:
      case vt::UserDefined:
        size_instance(lib, out, alias->target, l.size, l.alignment, 0);
        break;
      case vt::Variant:
        l = {kVariantSize, kPointerSize};
        break;
      default:
        l.alignment = static_cast<uint16_t>(l.size < kPointerSize ? l.size : kPointerSize);
    }
  }
  return out;
}

TypeAttr RuntimeView::type_attr(const TypeHandle& h) const {
  const model::TypeInfo& t = *h.type;
  TypeAttr a;
  a.kind = model::stored_kind(t);
  a.flags = t.flags;
  Layout l = layouts_in_64bit_process(*h.lib)[h.index];
  a.size = l.size;
  a.alignment = l.alignment;
  a.funcs = static_cast<uint32_t>(own_functions(t).size());
  a.vars = static_cast<uint32_t>(own_variables(t).size());
  a.vtable_size = t.layout.vtable_size;
  if (auto* d = std::get_if<model::InterfaceDef>(&t.def)) a.impls = uint32_t(d->bases.size());
  if (auto* d = std::get_if<model::DispatchDef>(&t.def)) a.impls = uint32_t(d->bases.size());
  if (auto* d = std::get_if<model::CoclassDef>(&t.def)) a.impls = uint32_t(d->interfaces.size());
  if (a.kind == TypeKind::Dispatch) {
    // Every TKIND_DISPATCH: the functions include the inherited ones (the file's vtable size over
    // its pointer size), the vtable is IDispatch's, and FOLEAUTOMATION is not reported.
    a.funcs = t.layout.vtable_size / file_pointer_size(*h.lib);
    a.vtable_size = kIDispatchVtableSize;
    a.flags &= static_cast<uint16_t>(~model::typeflag::OleAutomation);
  }
  return a;
}

// ---- GetFuncDesc --------------------------------------------------------------------------------

/// ITypeInfoImpl_GetInternalDispatchFuncDesc: a TKIND_DISPATCH's functions are those of its
/// impl-type chain, the root's first, then its own. A link that cannot be loaded makes every
/// function fail.
const std::optional<std::vector<FuncRef>>& RuntimeView::dispatch_functions(
    const TypeHandle& h) const {
  auto key = std::make_pair(h.lib, h.index);
  if (auto it = dispatch_cache_.find(key); it != dispatch_cache_.end()) return it->second;
  std::optional<std::vector<FuncRef>>& out = dispatch_cache_[key];
  std::vector<TypeHandle> chain{h};
  while (const model::TypeRef* next = first_impl(*chain.back().type)) {
    TypeHandle base = resolve(*chain.back().lib, *next);
    if (!base || chain.size() > size_t(kMaxChain)) return out;  // nullopt: all fail
    chain.push_back(base);
  }
  out.emplace();
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    for (const model::Function& f : own_functions(*it->type)) out->push_back({&f, it->lib});
  return out;
}

/// The vtable offset a 64-bit process reports: none for FUNC_DISPATCH (the reader drops it), else
/// the file's offset rescaled to 8-byte slots, kept in the 16-bit FUNCDESC field without its low
/// two bits.
static int16_t offset_in_64bit_process(const model::Function& f, const model::Library& lib) {
  if (f.funckind == model::FuncKind::Dispatch) return 0;
  auto slot =
      static_cast<uint32_t>(uint16_t(f.vtable_offset)) * kPointerSize / file_pointer_size(lib);
  return static_cast<int16_t>(uint16_t(slot) & 0xFFFC);
}

/// The dispatch view of a vtable function (TLB_AllocAndInitFuncDesc for a dispinterface): a
/// [retval] parameter becomes the result, else an HRESULT result becomes void; a trailing [lcid]
/// is dropped. False where the runtime fails (E_UNEXPECTED: a [retval] that is no pointer).
static bool dispatch_view_of_vtable_function(const model::Function& f, FuncDesc& d) {
  d.funckind = model::FuncKind::Dispatch;
  if (f.funckind == model::FuncKind::Dispatch) return true;
  if (d.params && (f.params[d.params - 1].flags & model::paramflag::RetVal)) {
    auto* p = std::get_if<model::Pointer>(&f.params[d.params - 1].type.v);
    if (!p) return false;
    d.result = *p->pointee;
    --d.params;
  } else if (auto* b = std::get_if<model::BaseType>(&d.result.v); b && b->vt == vt::HResult) {
    d.result = model::TypeRef::base(vt::Void);
  }
  if (d.params && (f.params[d.params - 1].flags & model::paramflag::Lcid)) --d.params;
  return true;
}

std::optional<FuncDesc> RuntimeView::func_desc(const TypeHandle& h, uint32_t index) const {
  const bool dispinterface = model::stored_kind(*h.type) == TypeKind::Dispatch;
  FuncRef ref;
  if (dispinterface) {
    const auto& all = dispatch_functions(h);
    if (!all || index >= all->size()) return std::nullopt;
    ref = (*all)[index];
  } else {
    const auto& own = own_functions(*h.type);
    if (index >= own.size()) return std::nullopt;
    ref = {&own[index], h.lib};
  }
  const model::Function& f = *ref.fn;
  FuncDesc d;
  d.src = &f;
  d.lib = ref.lib;
  d.funckind = f.funckind;
  d.params = static_cast<uint32_t>(f.params.size());
  d.result = f.result;
  d.vtable_offset = offset_in_64bit_process(f, *ref.lib);
  if (dispinterface && !dispatch_view_of_vtable_function(f, d)) return std::nullopt;
  return d;
}

// ---- GetNames, GetDocumentation, GetDllEntry ----------------------------------------------------

std::vector<std::string> RuntimeView::names(const TypeHandle& h, int32_t memid) const {
  return names_in(h, memid, model::stored_kind(*h.type) == TypeKind::Dispatch, 0);
}

/// typeinfo_getnames: the first function with the member id (its name and parameter names, up
/// to the first unnamed one, without the parameters the dispatch view drops), else the first
/// variable, else the same search in impltypes[0] of an interface or dispinterface.
std::vector<std::string> RuntimeView::names_in(const TypeHandle& h, int32_t memid,
                                               bool dispinterface, int depth) const {
  const model::TypeInfo& t = *h.type;
  const auto& funcs = own_functions(t);
  auto f = std::find_if(funcs.begin(), funcs.end(),
                        [&](const model::Function& x) { return x.memid == memid; });
  if (f != funcs.end()) {
    if (f->name.empty()) return {};
    std::vector<std::string> out{f->name};
    size_t params = f->params.size();
    if (dispinterface && f->funckind != model::FuncKind::Dispatch) {
      if (params && (f->params[params - 1].flags & model::paramflag::RetVal)) --params;
      if (params && (f->params[params - 1].flags & model::paramflag::Lcid)) --params;
    }
    for (size_t i = 0; i < params && !f->params[i].name.empty(); ++i)
      out.push_back(f->params[i].name);
    return out;
  }
  const auto& vars = own_variables(t);
  auto v = std::find_if(vars.begin(), vars.end(),
                        [&](const model::Variable& x) { return x.memid == memid; });
  if (v != vars.end()) return {v->name};
  TypeKind k = model::stored_kind(t);
  const model::TypeRef* next = first_impl(t);
  if (!next || (k != TypeKind::Interface && k != TypeKind::Dispatch) || depth > kMaxChain)
    return {};
  TypeHandle base = resolve(*h.lib, *next);
  return base ? names_in(base, memid, dispinterface, depth + 1) : std::vector<std::string>{};
}

MemberDocs RuntimeView::docs(const TypeHandle& h, int32_t memid) const {
  return docs_in(h, memid, 0);
}

/// ITypeInfo::GetDocumentation for a member: the first function with the id, else the first
/// variable, else the same in impltypes[0] of an interface or dispinterface.
MemberDocs RuntimeView::docs_in(const TypeHandle& h, int32_t memid, int depth) const {
  const model::TypeInfo& t = *h.type;
  for (const model::Function& f : own_functions(t))
    if (f.memid == memid) return {f.docs.helpstring, f.docs.helpcontext};
  for (const model::Variable& v : own_variables(t))
    if (v.memid == memid) return {v.docs.helpstring, v.docs.helpcontext};
  TypeKind k = model::stored_kind(t);
  const model::TypeRef* next = first_impl(t);
  if (!next || (k != TypeKind::Interface && k != TypeKind::Dispatch) || depth > kMaxChain)
    return {};
  TypeHandle base = resolve(*h.lib, *next);
  return base ? docs_in(base, memid, depth + 1) : MemberDocs{};
}

const model::Function* RuntimeView::dll_entry(const TypeHandle& h, int32_t memid,
                                              model::InvokeKind invkind) const {
  for (const model::Function& f : own_functions(*h.type))
    if (f.memid == memid && f.invkind == invkind) return &f;
  return nullptr;
}

}  // namespace tlbkit::oleaut
