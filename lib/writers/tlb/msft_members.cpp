// MSFT member blocks (doc §6): function records (§6.1) and variable records (§6.2), written so
// the runtime reads them back as they are in the model: functions first, records contiguous,
// optional fields kept up to the last one that holds something. Layer: writers.
#include "writers/tlb/msft_members.h"

#include <algorithm>
#include <map>

#include "tlbformat/msft_format.h"

namespace tlbkit::tlbw {

namespace f = tlbformat::msft::func;
namespace v = tlbformat::msft::var;
namespace pf = model::paramflag;

namespace {

// Allocation hints the records carry (doc §5.5: 32-bit FUNCDESC 52, ELEMDESC 16, PARAMDESCEX
// 24; VARDESC 36, VARIANT 16). Readers ignore them.
constexpr uint32_t kFuncDescSize = 52, kElemDescSize = 16, kParamDescExSize = 24;
constexpr uint32_t kVarDescSize = 36, kVariantSize = 16;
// FKCCIC bits 14 and 15: one of [lcid]/[retval] present, or both (doc §6.1, widl).
constexpr uint32_t kOneLcidOrRetval = 0x4000, kLcidAndRetval = 0x8000;
// Optional function fields by position (doc §6.1).
enum FuncOpt : size_t { HelpContext, HelpString, Entry, Res9, ResA, HelpStringContext, CustData,
                        ArgCustData };
// Optional variable fields by position (doc §6.2).
enum VarOpt : size_t { VHelpContext, VHelpString, VRes9, VCustData, VHelpStringContext };

struct Record {
  Bytes bytes;
  int32_t memid = 0;
  int32_t name = -1;
};

/// Bytes the runtime allocates for the TYPEDESCs and ARRAYDESCs nested below a type (doc §5.5:
/// TYPEDESC 8, ARRAYDESC 20 + 8 per extra dimension), as widl counts them for the size hints.
uint32_t nested_size(const model::TypeRef& t) {
  if (auto* p = std::get_if<model::Pointer>(&t.v)) return 8 + nested_size(*p->pointee);
  if (auto* s = std::get_if<model::SafeArray>(&t.v)) return 8 + nested_size(*s->element);
  if (auto* a = std::get_if<model::CArray>(&t.v))
    return 20 + 8 * uint32_t(a->bounds.empty() ? 0 : a->bounds.size() - 1) +
           nested_size(*a->element);
  return 0;
}

/// FKCCIC bits 16-31: the functions sharing a memid form a cycle (doc §6.1). MIDL links each to
/// the one of the next lower INVOKEKIND, the lowest to the highest (msado15: propget → propputref
/// → propput → propget, whatever their order); equal kinds go by index.
std::vector<uint32_t> same_memid_cycle(const std::vector<model::Function>& funcs) {
  std::map<int32_t, std::vector<uint32_t>> groups;
  for (uint32_t i = 0; i < funcs.size(); ++i) groups[funcs[i].memid].push_back(i);
  std::vector<uint32_t> next(funcs.size());
  for (auto& [memid, idx] : groups) {
    std::stable_sort(idx.begin(), idx.end(), [&](uint32_t a, uint32_t b) {
      return uint32_t(funcs[a].invkind) < uint32_t(funcs[b].invkind);
    });
    for (size_t k = 0; k < idx.size(); ++k)
      next[idx[k]] = idx[(k + idx.size() - 1) % idx.size()];
  }
  return next;
}

/// Keeps the optional fields up to the last one that is present.
void trim(std::vector<int32_t>& opt, const std::vector<bool>& present) {
  size_t keep = 0;
  for (size_t i = 0; i < present.size(); ++i)
    if (present[i]) keep = i + 1;
  opt.resize(keep);
}

Record function(Tables& t, const model::Function& fn, uint32_t index, uint32_t next_same,
                const MemberNames& names, const std::string& where) {
  const auto nargs = uint32_t(fn.params.size());
  if (nargs > 0x7FFF)
    t.rep().error("TK6040", where, "more than 32767 parameters");
  bool defaults = false, arg_custom = false;
  uint32_t lcid_retval = 0;
  for (const model::Param& p : fn.params) {
    defaults |= p.default_value.has_value();
    arg_custom |= !p.custom.empty();
    lcid_retval += (p.flags & pf::Lcid) ? 1 : 0;
    lcid_retval += (p.flags & pf::RetVal) ? 1 : 0;
  }
  const bool custom = arg_custom || !fn.custom.empty();
  std::vector<std::string> pw(nargs);  // each parameter's place, for diagnostics
  for (uint32_t j = 0; j < nargs; ++j) pw[j] = where + " param " + std::to_string(j);
  const bool ordinal = std::holds_alternative<uint16_t>(fn.entry.v);

  std::vector<int32_t> opt(ArgCustData + nargs, -1);
  std::vector<bool> present(opt.size(), false);
  opt[HelpContext] = int32_t(fn.docs.helpcontext);
  present[HelpContext] = fn.docs.helpcontext != 0;
  opt[HelpString] = t.string(fn.docs.helpstring, where);
  present[HelpString] = opt[HelpString] != -1;
  if (ordinal)
    opt[Entry] = std::get<uint16_t>(fn.entry.v);
  else if (auto* s = std::get_if<std::string>(&fn.entry.v))
    opt[Entry] = t.string(*s, where + " entry");
  present[Entry] = opt[Entry] != -1 || ordinal;
  opt[HelpStringContext] = int32_t(fn.docs.helpstringcontext);
  present[HelpStringContext] = fn.docs.helpstringcontext != 0;
  opt[CustData] = t.custom(fn.custom, where);
  present[CustData] = custom;
  for (uint32_t j = 0; j < nargs; ++j) {
    opt[ArgCustData + j] =
        t.custom(fn.params[j].custom, pw[j]);
    // With any custom data, MIDL and widl keep every parameter's slot (doc §6.1 example).
    present[ArgCustData + j] = custom;
  }
  trim(opt, present);

  const uint32_t size = f::kFixedSize + 4 * uint32_t(opt.size()) +
                        (defaults ? nargs * f::kDefaultSize : 0) + nargs * f::kParamSize;
  if (size > f::kSizeMask) t.rep().error("TK6041", where, "function record larger than 64 KB");
  if (fn.vtable_offset < -0x8000 || fn.vtable_offset > 0xFFFF)
    t.rep().error("TK6042", where, "vtable offset does not fit the record's 16 bits");

  uint32_t fkccic = uint32_t(fn.funckind) | uint32_t(fn.invkind) << f::kInvKindShift |
                    uint32_t(fn.callconv) << f::kCallConvShift | next_same << 16;
  if (custom) fkccic |= f::kHasCustData;
  if (defaults) fkccic |= f::kHasDefaults;
  if (ordinal) fkccic |= f::kEntryIsOrdinal;
  if (lcid_retval == 1) fkccic |= kOneLcidOrRetval;
  if (lcid_retval >= 2) fkccic |= kLcidAndRetval;

  Record r;
  r.memid = fn.memid;
  r.name = t.member_name(fn.name, names.funcs, where);
  Bytes& b = r.bytes;
  b.u32(size | index << 16);
  b.i32(t.data_type(fn.result, where + " result"));
  b.u32(fn.flags);
  b.u16(uint16_t(fn.vtable_offset));
  uint32_t hint = kFuncDescSize + nargs * kElemDescSize + nested_size(fn.result);
  for (const model::Param& p : fn.params)
    hint += nested_size(p.type) + (p.default_value ? kParamDescExSize : 0);
  b.u16(uint16_t(hint));
  b.u32(fkccic);
  b.u16(uint16_t(nargs));
  b.u16(uint16_t(fn.optional_count));
  for (int32_t o : opt) b.i32(o);
  if (defaults)
    for (uint32_t j = 0; j < nargs; ++j) {
      const model::Param& p = fn.params[j];
      b.i32(p.default_value ? t.value(*p.default_value, pw[j]) : -1);
    }
  for (uint32_t j = 0; j < nargs; ++j) {
    const model::Param& p = fn.params[j];
    b.i32(t.data_type(p.type, pw[j]));
    b.i32(t.name(p.name, -1, 0, pw[j]));
    // The runtime reads a default only from a parameter flagged as having one.
    b.u32(uint32_t(p.flags | (p.default_value ? pf::HasDefault : 0)));
  }
  return r;
}

Record variable(Tables& t, const model::Variable& var, uint32_t index, const MemberNames& names,
                const std::string& where) {
  std::vector<int32_t> opt(VHelpStringContext + 1, -1);
  std::vector<bool> present(opt.size(), false);
  opt[VHelpContext] = int32_t(var.docs.helpcontext);
  present[VHelpContext] = var.docs.helpcontext != 0;
  opt[VHelpString] = t.string(var.docs.helpstring, where);
  present[VHelpString] = opt[VHelpString] != -1;
  opt[VCustData] = t.custom(var.custom, where);
  present[VCustData] = opt[VCustData] != -1;
  opt[VHelpStringContext] = int32_t(var.docs.helpstringcontext);
  present[VHelpStringContext] = var.docs.helpstringcontext != 0;
  trim(opt, present);

  const bool is_const = var.varkind == model::VarKind::Const;
  const uint32_t size = v::kFixedSize + 4 * uint32_t(opt.size());
  Record r;
  Bytes& b = r.bytes;
  b.u32(size | index << 16);
  b.i32(t.data_type(var.type, where));
  b.u32(var.flags);
  b.u16(uint16_t(var.varkind));
  b.u16(uint16_t(kVarDescSize + (is_const ? kVariantSize : 0) + nested_size(var.type)));
  if (is_const)
    b.i32(t.value(var.value.value_or(model::Value{}), where));
  else
    b.u32(var.offset);
  for (int32_t o : opt) b.i32(o);
  r.memid = var.memid;
  r.name = t.member_name(var.name, names.vars, where);
  return r;
}

}  // namespace

Bytes member_block(Tables& t, const std::vector<model::Function>& funcs,
                   const std::vector<model::Variable>& vars, const MemberNames& names,
                   const std::string& where) {
  Bytes out;
  if (funcs.empty() && vars.empty()) return out;
  std::vector<Record> recs;
  recs.reserve(funcs.size() + vars.size());
  const std::vector<uint32_t> next = same_memid_cycle(funcs);
  for (uint32_t i = 0; i < funcs.size(); ++i)
    recs.push_back(function(t, funcs[i], i, next[i], names,
                            where + ".functions[" + std::to_string(i) + "] (" + funcs[i].name + ")"));
  for (uint32_t i = 0; i < vars.size(); ++i)
    recs.push_back(variable(t, vars[i], uint32_t(funcs.size()) + i, names,
                            where + ".variables[" + std::to_string(i) + "] (" + vars[i].name + ")"));
  uint32_t infolen = 0;
  for (const Record& r : recs) infolen += r.bytes.size();
  out.u32(infolen);
  for (const Record& r : recs) out.raw(r.bytes.b);
  for (const Record& r : recs) out.i32(r.memid);
  for (const Record& r : recs) out.i32(r.name);
  uint32_t at = 0;
  for (const Record& r : recs) {
    out.u32(at);
    at += r.bytes.size();
  }
  return out;
}

}  // namespace tlbkit::tlbw
