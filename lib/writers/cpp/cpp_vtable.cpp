// The C++ writer's vtables: which struct an interface derives from, how many slots that base
// has, and which slot each function takes (from Function::vtable_offset). Layer: writers.
#include <algorithm>

#include "writers/cpp/cpp_core.h"

namespace tlbkit::cppw {

uint32_t pointer_size(const model::Library& lib) {
  // Function::vtable_offset counts pointers of the library's SysKind (model/library.h).
  return lib.syskind == model::SysKind::Win64 ? 8 : 4;
}

namespace {

bool in_vtable(const model::Function& f) {
  return f.funckind != model::FuncKind::NonVirtual && f.funckind != model::FuncKind::Static;
}

/// IUnknown's 3 slots, IDispatch's 7 (unknwn.h, oaidl.h).
constexpr uint32_t kUnknownSlots = 3, kDispatchSlots = 7;

BaseInfo root_for(const model::Library& lib, const model::TypeInfo& t) {
  BaseInfo b;
  bool dispatchy = t.flags & (model::typeflag::Dual | model::typeflag::Dispatchable);
  uint32_t first = UINT32_MAX;
  if (auto* i = std::get_if<model::InterfaceDef>(&t.def))
    for (const model::Function& f : i->functions)
      if (in_vtable(f) && f.vtable_offset >= 0)
        first = std::min(first, static_cast<uint32_t>(f.vtable_offset) / pointer_size(lib));
  if (dispatchy && first >= kDispatchSlots) {
    b.cpp = "::IDispatch";
    b.slots = kDispatchSlots;
    b.dispatch_root = true;
  } else {
    b.cpp = "::IUnknown";
    b.slots = kUnknownSlots;
  }
  return b;
}

}  // namespace

std::vector<std::optional<uint32_t>> function_slots(const model::Library& lib,
                                                   const model::TypeInfo& t, uint32_t base_slots) {
  std::vector<std::optional<uint32_t>> out;
  const auto* i = std::get_if<model::InterfaceDef>(&t.def);
  if (!i) return out;
  uint32_t ptr = pointer_size(lib);
  bool valid = true;
  int64_t last = -1;
  for (const model::Function& f : i->functions) {
    if (!in_vtable(f)) continue;
    if (f.vtable_offset < 0 || f.vtable_offset % static_cast<int32_t>(ptr) != 0 ||
        f.vtable_offset <= last)
      valid = false;
    last = f.vtable_offset;
  }
  // Hidden slots between methods are real (VB's libraries have a dozen), but a gap past this
  // bound is a damaged offset: the placeholders would make the header grow without limit.
  constexpr int64_t kMaxGap = 4096;
  if (valid && last / ptr > int64_t{base_slots} + static_cast<int64_t>(i->functions.size()) + kMaxGap)
    valid = false;
  uint32_t next = base_slots;
  for (const model::Function& f : i->functions) {
    if (!in_vtable(f)) {
      out.emplace_back();
    } else if (valid) {
      // A slot below the base's is the base's own method declared again (a library's IUnknown).
      uint32_t slot = static_cast<uint32_t>(f.vtable_offset) / ptr;
      out.push_back(slot >= base_slots ? std::optional<uint32_t>(slot) : std::nullopt);
    } else {
      out.push_back(next++);  // offsets not recorded in order: declaration order
    }
  }
  return out;
}

BaseInfo base_of(Context& cx, const model::Library& lib, const model::TypeInfo& t) {
  const auto* i = std::get_if<model::InterfaceDef>(&t.def);
  if (!i || i->bases.empty()) return root_for(lib, t);
  const auto* u = std::get_if<model::UserType>(&i->bases[0].type.v);
  if (!u) return root_for(lib, t);
  Target target = resolve_from(cx, lib, *u, true);
  if (target.missing) return root_for(lib, t);
  Found f = find_type(cx, lib, *u);
  if (target.stdole) {
    BaseInfo b;
    b.cpp = target.cpp;
    b.dispatch_root = target.cpp != "::IUnknown" && target.cpp != "::IFont" &&
                      target.cpp != "::IPicture" && target.cpp != "::IEnumVARIANT";
    b.slots = b.dispatch_root ? kDispatchSlots : kUnknownSlots;
    if (f.type && std::holds_alternative<model::InterfaceDef>(f.type->def)) {
      b.slots = struct_slots(cx, *f.lib, *f.type);
      b.lib = f.lib;
      b.type = f.type;
    }
    return b;
  }
  // Through aliases to the interface itself.
  for (int hop = 0; f.type && hop < 16; ++hop) {
    const auto* a = std::get_if<model::AliasDef>(&f.type->def);
    const auto* au = a ? std::get_if<model::UserType>(&a->target.v) : nullptr;
    if (!au) break;
    Target next = resolve_from(cx, *f.lib, *au, true);
    if (next.missing || next.stdole) return root_for(lib, t);
    f = find_type(cx, *f.lib, *au);
  }
  if (!f.type || f.type == &t) return root_for(lib, t);
  BaseInfo b;
  b.cpp = "::" + (namespace_of(cx, *f.lib).empty() ? "" : namespace_of(cx, *f.lib) + "::") +
          names_of(cx, *f.lib).types.at(f.index);
  if (std::holds_alternative<model::DispatchDef>(f.type->def)) {
    b.slots = kDispatchSlots;
    b.dispatch_root = true;
    return b;
  }
  if (!std::holds_alternative<model::InterfaceDef>(f.type->def)) return root_for(lib, t);
  CoreState& c = core(cx);
  if (!c.base_guard.insert(&t).second) return root_for(lib, t);  // inherits from itself
  b.slots = struct_slots(cx, *f.lib, *f.type);
  b.dispatch_root = base_of(cx, *f.lib, *f.type).dispatch_root;
  c.base_guard.erase(&t);
  b.lib = f.lib;
  b.type = f.type;
  return b;
}

uint32_t struct_slots(Context& cx, const model::Library& lib, const model::TypeInfo& t) {
  CoreState& c = core(cx);
  if (auto it = c.slots.find(&t); it != c.slots.end()) return it->second;
  if (std::holds_alternative<model::DispatchDef>(t.def)) return c.slots[&t] = kDispatchSlots;
  if (!std::holds_alternative<model::InterfaceDef>(t.def)) return 0;
  if (!c.slot_guard.insert(&t).second) return kUnknownSlots;
  BaseInfo b = base_of(cx, lib, t);
  uint32_t n = b.slots;
  for (const auto& s : function_slots(lib, t, b.slots))
    if (s) n = std::max(n, *s + 1);
  c.slot_guard.erase(&t);
  return c.slots[&t] = n;
}

}  // namespace tlbkit::cppw
