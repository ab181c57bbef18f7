// One SLTG type info block → one model type: the block header, the member data (implemented
// interfaces, functions with their parameters, variables and constants) and the tail with the
// counts and sizes. Layer: readers.
#include "readers/tlb/sltg_typeinfo.h"

#include <optional>
#include <string>
#include <vector>

#include "tlbformat/sltg_format.h"

namespace tlbkit::tlb::sltg {

namespace fmt = tlbformat::sltg;
using model::TypeKind;

namespace {

/// The counts and offsets of the tail a reader needs.
struct Tail {
  uint16_t funcs = 0, vars = 0, impls = 0;
  uint16_t funcs_off = 0, vars_off = 0, impls_off = 0;
  uint16_t alias_type = 0, simple_alias = 0;
};

Tail read_tail(const ByteReader& r, uint64_t t) {
  Tail tl;
  tl.funcs = r.u16(t + fmt::tail::kFuncCount, "function count");
  tl.vars = r.u16(t + fmt::tail::kVarCount, "variable count");
  tl.impls = r.u16(t + fmt::tail::kImplCount, "implemented interface count");
  tl.funcs_off = r.u16(t + fmt::tail::kFuncsOffset, "functions offset");
  tl.vars_off = r.u16(t + fmt::tail::kVarsOffset, "variables offset");
  tl.impls_off = r.u16(t + fmt::tail::kImplsOffset, "implemented interfaces offset");
  tl.alias_type = r.u16(t + fmt::tail::kAliasType, "alias type");
  tl.simple_alias = r.u16(t + fmt::tail::kSimpleAlias, "alias kind");
  return tl;
}

/// Follows a chain of `count` member records from `first`, `size` bytes at least each; calls
/// `read(offset)` for each and expects it to return the next record's offset. A chain that ends
/// early, loops, or holds more records than the member data could is an error.
template <typename ReadOne>
void walk_chain(const TypeBlock& tb, uint16_t first, uint16_t count, uint32_t size,
                const char* what, ReadOne read) {
  if (count == 0) return;
  uint64_t room = tb.members_end - tb.members;
  if (uint64_t{count} * size > room)
    fail(tb.members, std::to_string(count) + " " + what + " records cannot fit in " +
                         std::to_string(room) + " bytes of member data");
  std::vector<bool> seen(room, false);
  uint16_t off = first;
  for (uint16_t i = 0; i < count; ++i) {
    if (off == fmt::kNoOffset16)
      fail(tb.members, std::string("the ") + what + " chain ends after " + std::to_string(i) +
                           " of " + std::to_string(count) + " records");
    uint64_t at = member_offset(tb, off, tb.members, what);
    if (at + size > tb.members_end)
      fail(at, std::string(what) + " record extends past the member data");
    if (seen[off]) fail(at, std::string("the ") + what + " chain loops");
    seen[off] = true;
    off = read(at);
  }
}

std::vector<model::ImplType> read_impls(const Context& cx, const TypeBlock& tb, const Tail& tl,
                                        TypeKind kind) {
  std::vector<model::ImplType> out;
  if (tl.impls_off == fmt::kNoOffset16) return out;
  walk_chain(tb, tl.impls_off, tl.impls, fmt::impl::kSize, "implemented interface",
             [&](uint64_t at) {
               if (cx.r.u16(at, "implemented interface") != fmt::kImplMagic)
                 fail(at, "bad implemented-interface record magic (expected 0x004a)");
               uint16_t ref = cx.r.u16(at + fmt::impl::kRef, "implemented interface reference");
               // A dispinterface's record counts its reference after its properties: in all
               // 131 dispinterfaces of the corpus the WORD is cVars + the index [bytes].
               if (kind == TypeKind::Dispatch && ref >= tl.vars)
                 ref = static_cast<uint16_t>(ref - tl.vars);
               model::ImplType impl;
               impl.type = model::TypeRef{reference(tb, ref, at + fmt::impl::kRef)};
               impl.flags = cx.r.u8(at + fmt::impl::kFlags, "impl type flags");
               out.push_back(std::move(impl));
               return cx.r.u16(at + fmt::impl::kNext, "implemented interface chain");
             });
  return out;
}

/// Fills the DLL entry of a module function from the module's entry table (`dll_table`, a blob
/// offset), where the function's vtable WORD locates its entry.
void read_dll_entry(Context& cx, const TypeBlock& tb, uint64_t dll_table, uint16_t slot,
                    model::Function& f, std::string& dll) {
  uint64_t e = dll_table + fmt::dll_table::kHeaderSize + slot;
  if (e + fmt::dll_table::kEntrySize > tb.end)
    fail(e, "the DLL entry of module function " + f.name + " lies outside its block");
  uint16_t kind = cx.r.u16(e + fmt::dll_table::kKind, "DLL entry");
  if (kind != fmt::dll_table::kByOrdinal) {
    cx.warn("TK2210", e,
            "DLL entry kind " + std::to_string(kind) + " of module function " + f.name +
                " is not understood; the entry is left out");
    return;
  }
  uint16_t name = cx.r.u16(e + fmt::dll_table::kDllName, "DLL name");
  std::string this_dll = cx.lib.names.at(name & ~fmt::kArgInlineBit, e + fmt::dll_table::kDllName);
  if (dll.empty())
    dll = this_dll;
  else if (dll != this_dll)
    cx.warn(
        "TK2211", e,
        "module function " + f.name + " comes from " + this_dll + ", not from the module's " + dll);
  f.entry.v = cx.r.u16(e + fmt::dll_table::kOrdinal, "DLL ordinal");
}

std::vector<model::Param> read_params(Context& cx, const TypeBlock& tb, uint64_t at, unsigned count,
                                      unsigned optional) {
  std::vector<model::Param> out(count);
  uint64_t pos = at;
  for (unsigned i = 0; i < count; ++i) {
    model::Param& p = out[i];
    uint16_t name = member_word(cx, tb, pos, "parameter");
    pos += 2;
    bool inline_type = name == fmt::kArgNoNameInline ||
                       (name != fmt::kArgNoNameOffset && (name & fmt::kArgInlineBit));
    if (name != fmt::kArgNoNameInline && name != fmt::kArgNoNameOffset)
      p.name = cx.lib.names.at(name & ~fmt::kArgInlineBit, pos - 2);
    if (inline_type) {
      p.type = read_type(cx, tb, pos, &p.flags);
    } else {
      uint16_t off = member_word(cx, tb, pos, "parameter type offset");
      p.type = read_type_at(cx, tb, off, pos, &p.flags);
      pos += 2;
    }
    // The file keeps only how many trailing parameters are optional (typelib.c SLTG_DoFuncs).
    if (count - i <= optional) p.flags |= model::paramflag::Opt;
  }
  return out;
}

model::FuncKind func_kind(uint8_t magic, uint64_t at) {
  switch (magic & ~fmt::kFuncHasFlags) {
    case fmt::kFuncVirtual:
      return model::FuncKind::PureVirtual;
    case fmt::kFuncDispatch:
      return model::FuncKind::Dispatch;
    case fmt::kFuncStatic:
      return model::FuncKind::Static;
    default:
      fail(at, "unknown function record magic " + ByteReader::hex(magic));
  }
}

model::InvokeKind invoke_kind(uint8_t inv, uint64_t at) {
  switch (inv >> 4) {
    case 1:
      return model::InvokeKind::Func;
    case 2:
      return model::InvokeKind::PropertyGet;
    case 4:
      return model::InvokeKind::PropertyPut;
    case 8:
      return model::InvokeKind::PropertyPutRef;
    default:
      fail(at, "invalid INVOKEKIND " + std::to_string(inv >> 4));
  }
}

/// One function record at `at`; returns the offset of the next.
uint16_t read_function(Context& cx, const TypeBlock& tb, uint64_t at,
                       std::optional<uint64_t> dll_table, std::vector<model::Function>& out,
                       std::string& dll) {
  const ByteReader& r = cx.r;
  model::Function f;
  uint8_t magic = r.u8(at + fmt::func::kMagic);
  f.funckind = func_kind(magic, at);
  bool has_flags = magic & fmt::kFuncHasFlags;
  if (at + fmt::func::kSize + (has_flags ? 2 : 0) > tb.members_end)
    fail(at, "function record extends past the member data");
  f.invkind = invoke_kind(r.u8(at + fmt::func::kInvoke), at + fmt::func::kInvoke);
  f.name = cx.lib.names.at(r.u16(at + fmt::func::kName), at + fmt::func::kName);
  f.memid = r.i32(at + fmt::func::kMemId);
  uint8_t cc_params = r.u8(at + fmt::func::kCallConvParams);
  f.callconv = static_cast<model::CallConv>(cc_params & 0x07);  // bits 0-2
  unsigned params = cc_params >> 3;                             // bits 3-7
  uint8_t ret_opt = r.u8(at + fmt::func::kRetOpt);
  f.optional_count = static_cast<int16_t>((ret_opt & 0x7E) >> 1);  // bits 1-6
  if (ret_opt & fmt::func::kReturnInline) {
    uint64_t pos = at + fmt::func::kReturn;
    f.result = read_type(cx, tb, pos);
  } else {
    f.result = read_type_at(cx, tb, r.u16(at + fmt::func::kReturn), at + fmt::func::kReturn);
  }
  uint16_t vtable = r.u16(at + fmt::func::kVtable);
  // Bit 0 of the WORD is not part of the offset (typelib.c SLTG_DoFuncs masks it). A dispatch
  // function has no slot, and a static one's WORD locates its DLL entry instead.
  if (f.funckind == model::FuncKind::PureVirtual) f.vtable_offset = vtable & ~1;
  if (has_flags) f.flags = r.u16(at + fmt::func::kFlags);
  f.docs.helpcontext = member_help_context(cx, tb, r.u16(at + fmt::func::kHelpContext), at);
  f.docs.helpstring = member_help_string(cx, tb, r.u16(at + fmt::func::kHelpString), at);
  if (params) {
    uint64_t args = member_offset(tb, r.u16(at + fmt::func::kArgs), at, "parameters");
    f.params = read_params(cx, tb, args, params, static_cast<unsigned>(f.optional_count));
  }
  if (f.funckind == model::FuncKind::Static && dll_table)
    read_dll_entry(cx, tb, *dll_table, vtable, f, dll);
  out.push_back(std::move(f));
  return r.u16(at + fmt::func::kNext);
}

/// A constant's value: inline in the record, or at a member offset (typelib.c SLTG_DoVars).
model::Value read_constant(Context& cx, const TypeBlock& tb, uint64_t at, uint8_t flags,
                           uint16_t value, const model::TypeRef& type) {
  namespace vt = model::vt;
  // The runtime reports these as VT_INT, whatever the declared type (typelib.c SLTG_DoVars).
  if (flags & fmt::var::kValueInline) return {vt::Int, int64_t{value}};
  uint64_t data = member_offset(tb, value, at, "constant");
  const auto* base = std::get_if<model::BaseType>(&type.v);
  uint16_t t = base ? base->vt : vt::Ptr;
  if (t == vt::Bstr || t == vt::LpStr || t == vt::LpWStr) {
    uint16_t len = cx.r.u16(data, "string constant");
    if (len == fmt::kNoString) return {vt::Bstr, std::monostate{}};
    if (data + 2 + len > tb.members_end) fail(data, "string constant extends past the member data");
    return {vt::Bstr, ansi_to_utf8(cx.r.bytes(data + 2, len, "string constant"), false)};
  }
  if (data + 4 > tb.members_end) fail(data, "constant extends past the member data");
  if (t != vt::I2 && t != vt::UI2 && t != vt::I4 && t != vt::UI4 && t != vt::Int && t != vt::UInt)
    cx.warn("TK2212", at,
            "a constant of this type is not understood; its value is read as a "
            "32-bit integer");
  return {vt::Int, int64_t{cx.r.i32(data, "constant")}};
}

/// One variable record at `at`; returns the offset of the next.
uint16_t read_variable(Context& cx, const TypeBlock& tb, uint64_t at,
                       std::vector<model::Variable>& out) {
  const ByteReader& r = cx.r;
  model::Variable v;
  uint8_t magic = r.u8(at + fmt::var::kMagic);
  if ((magic & ~fmt::kVarHasFlags) != fmt::kVarMagic)
    fail(at, "bad variable record magic " + ByteReader::hex(magic) + " (expected 0x0a or 0x2a)");
  bool has_flags = magic & fmt::kVarHasFlags;
  if (at + fmt::var::kSize + (has_flags ? 2 : 0) > tb.members_end)
    fail(at, "variable record extends past the member data");
  uint8_t flags = r.u8(at + fmt::var::kFlags);
  uint16_t name = r.u16(at + fmt::var::kName);
  if (name == fmt::kSameNameAsPrevious)
    v.name = out.empty() ? std::string() : out.back().name;
  else
    v.name = cx.lib.names.at(name, at + fmt::var::kName);
  if (flags & fmt::var::kTypeInline) {
    uint64_t pos = at + fmt::var::kType;
    v.type = read_type(cx, tb, pos);
  } else {
    v.type = read_type_at(cx, tb, r.u16(at + fmt::var::kType), at + fmt::var::kType);
  }
  v.memid = r.i32(at + fmt::var::kMemId);
  uint16_t value = r.u16(at + fmt::var::kValue);
  if (flags & fmt::var::kDispatch) {
    v.varkind = model::VarKind::Dispatch;
  } else if (flags & fmt::var::kConst) {
    v.varkind = model::VarKind::Const;
    v.value = read_constant(cx, tb, at, flags, value, v.type);
  } else {
    v.varkind = model::VarKind::PerInstance;
    v.offset = value;
  }
  if (has_flags) v.flags = r.u16(at + fmt::var::kVarFlags);
  if (flags & fmt::var::kReadOnly) v.flags |= model::varflag::ReadOnly;
  v.docs.helpcontext = member_help_context(cx, tb, r.u16(at + fmt::var::kHelpContext), at);
  v.docs.helpstring = member_help_string(cx, tb, r.u16(at + fmt::var::kHelpString), at);
  out.push_back(std::move(v));
  return r.u16(at + fmt::var::kNext);
}

std::vector<model::Variable> read_variables(Context& cx, const TypeBlock& tb, const Tail& tl) {
  std::vector<model::Variable> out;
  if (tl.vars_off == fmt::kNoOffset16) return out;
  walk_chain(tb, tl.vars_off, tl.vars, fmt::var::kSize, "variable",
             [&](uint64_t at) { return read_variable(cx, tb, at, out); });
  return out;
}

std::vector<model::Function> read_functions(Context& cx, const TypeBlock& tb, const Tail& tl,
                                            std::optional<uint64_t> dll_table, std::string& dll) {
  std::vector<model::Function> out;
  if (tl.funcs_off == fmt::kNoOffset16) return out;
  walk_chain(tb, tl.funcs_off, tl.funcs, fmt::func::kSize, "function",
             [&](uint64_t at) { return read_function(cx, tb, at, dll_table, out, dll); });
  return out;
}

/// The kind-specific part of the type.
model::TypeDef read_definition(Context& cx, const TypeBlock& tb, const Tail& tl, TypeKind kind,
                               std::optional<uint64_t> dll_table) {
  std::string dll;
  switch (kind) {
    case TypeKind::Enum:
      return model::EnumDef{read_variables(cx, tb, tl)};
    case TypeKind::Record:
      return model::RecordDef{read_variables(cx, tb, tl)};
    case TypeKind::Union:
      return model::UnionDef{read_variables(cx, tb, tl)};
    case TypeKind::Alias:
      if (tl.simple_alias) return model::AliasDef{model::TypeRef::base(tl.alias_type)};
      return model::AliasDef{read_type_at(cx, tb, tl.alias_type, tb.tail + fmt::tail::kAliasType)};
    case TypeKind::Interface: {
      model::InterfaceDef d;
      d.bases = read_impls(cx, tb, tl, kind);
      d.functions = read_functions(cx, tb, tl, std::nullopt, dll);
      return d;
    }
    case TypeKind::Dispatch: {
      model::DispatchDef d;
      d.properties = read_variables(cx, tb, tl);
      d.methods = read_functions(cx, tb, tl, std::nullopt, dll);
      d.bases = read_impls(cx, tb, tl, kind);
      return d;
    }
    case TypeKind::Coclass:
      return model::CoclassDef{read_impls(cx, tb, tl, kind)};
    case TypeKind::Module: {
      model::ModuleDef d;
      d.constants = read_variables(cx, tb, tl);
      d.functions = read_functions(cx, tb, tl, dll_table, dll);
      d.dll = dll;
      return d;
    }
  }
  fail(tb.start, "unknown TYPEKIND");
}

/// The size of a pointer in the library's SYSKIND (typelib.c get_ptr_size).
uint32_t pointer_size(const model::Library& lib) {
  return lib.syskind == model::SysKind::Win64 ? 8 : 4;
}

/// Locates the member data and the tail of the block at `b`.
TypeBlock locate(const ByteReader& r, const Block& block) {
  TypeBlock tb;
  tb.start = block.offset;
  tb.end = block.offset + block.size;
  uint32_t members = r.u32(tb.start + fmt::ti_header::kMembers, "member table offset");
  uint64_t mh = tb.start + members;
  if (members > block.size || block.size - members < fmt::member_header::kSize)
    fail(tb.start + fmt::ti_header::kMembers, "the member header lies outside the block");
  uint32_t size = r.u32(mh + fmt::member_header::kDataSize, "member data size");
  tb.members = mh + fmt::member_header::kSize;
  if (size > tb.end - tb.members || tb.end - tb.members - size < fmt::tail::kSize)
    fail(mh, "the member data (" + std::to_string(size) +
                 " bytes) and the tail do not fit in the block");
  tb.members_end = tb.members + size;
  tb.tail = tb.members_end;
  tb.help_base = r.u32(tb.tail + fmt::tail::kHelpContextBase, "help context base");
  return tb;
}

}  // namespace

model::TypeInfo read_type_info(Context& cx, const Block& block, const TypeEntry& entry) {
  const ByteReader& r = cx.r;
  const uint64_t b = block.offset;
  uint16_t magic = r.u16(b + fmt::ti_header::kMagic, "type info block");
  if (magic != fmt::kTypeInfoMagic)
    fail(b, "bad type info block magic " + ByteReader::hex(magic) + " (expected 0x0501)");
  if (block.size < fmt::ti_header::kSize) fail(b, "type info block too short");
  TypeBlock tb = locate(r, block);
  uint8_t kind = r.u8(b + fmt::ti_header::kTypeKind, "TYPEKIND");
  if (kind > static_cast<uint8_t>(TypeKind::Union))
    fail(b + fmt::ti_header::kTypeKind, "invalid TYPEKIND " + std::to_string(kind));
  uint32_t refs = r.u32(b + fmt::ti_header::kRefTable, "reference table offset");
  if (refs != fmt::kNoOffset32) {
    if (refs >= block.size)
      fail(b + fmt::ti_header::kRefTable, "reference table outside the block");
    read_references(cx, tb, b + refs);
  }
  uint32_t dll = r.u32(b + fmt::ti_header::kDllTable, "DLL table offset");
  if (dll != fmt::kNoOffset32 && dll >= block.size)
    fail(b + fmt::ti_header::kDllTable, "DLL entry table outside the block");
  model::TypeInfo ti;
  ti.name = entry.name;
  if (!entry.guid.is_null()) ti.guid = entry.guid;
  // TYPEFLAGS: bits 0-4 in the top of one byte, the rest in the next (typelib.c).
  ti.flags = static_cast<uint16_t>(r.u8(b + fmt::ti_header::kTypeFlags1) >> 3 |
                                   r.u8(b + fmt::ti_header::kTypeFlags2) << 5);
  ti.version = {r.u16(b + fmt::ti_header::kMajor), r.u16(b + fmt::ti_header::kMinor)};
  ti.docs.helpstring = entry.helpstring;
  ti.docs.helpcontext = entry.helpcontext;
  ti.layout.size = r.u16(tb.tail + fmt::tail::kSizeInstance);
  ti.layout.alignment = r.u16(tb.tail + fmt::tail::kAlignment);
  ti.layout.vtable_size = r.u16(tb.tail + fmt::tail::kSizeVft);
  Tail tl = read_tail(r, tb.tail);
  std::optional<uint64_t> dll_table;
  if (dll != fmt::kNoOffset32) dll_table = b + dll;
  ti.def = read_definition(cx, tb, tl, static_cast<TypeKind>(kind), dll_table);
  // A dispinterface's tail holds IDispatch's vtable size (28); an MSFT library holds, for the
  // same dispinterface, 4 bytes per method (MIDL's stdole2.tlb vs olepro32.dll's Font and
  // Picture), and the runtime's SLTG reader sets that too (typelib.c SLTG_ProcessDispatch).
  if (auto* d = std::get_if<model::DispatchDef>(&ti.def))
    ti.layout.vtable_size = static_cast<uint16_t>(d->methods.size() * pointer_size(cx.out));
  return ti;
}

}  // namespace tlbkit::tlb::sltg
