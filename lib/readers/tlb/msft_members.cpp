// MSFT member blocks (doc §6): function records (§6.1), variable records (§6.2) and the memid,
// name and offset arrays after them, read the way the runtime reads them (Wine's MSFT_DoFuncs and
// MSFT_DoVars, read for the facts): functions walked sequentially by record size, variables from
// the first variable's offset on, optional fields present as far as the record size says.
// Layer: readers.
#include "readers/tlb/msft_members.h"

namespace tlbkit::tlb::msft {

namespace fmt = tlbformat::msft;
namespace f = tlbformat::msft::func;
namespace v = tlbformat::msft::var;
using support::ByteReader;
using support::ReadError;

namespace {

/// The block: INT infolen, the records, then memid[n], nameoff[n], recoff[n].
struct Block {
  const MsftFile& file;
  const ByteReader& r;
  uint64_t start = 0;   // memoffset
  uint64_t arrays = 0;  // start of memid[]
  uint32_t n = 0;       // cFuncs + cVars

  enum Array : uint32_t { MemId = 0, NameOff = 1, RecOff = 2 };
  int32_t at(Array a, uint32_t i) const { return r.i32(arrays + (uint64_t{a} * n + i) * 4); }
};

Block open_block(const MsftFile& file, int32_t memoffset, uint32_t cfuncs, uint32_t cvars) {
  const ByteReader& r = file.reader();
  if (memoffset < 0) throw ReadError(0, "member block at a negative offset");
  uint64_t start = uint32_t(memoffset);
  int32_t infolen = r.i32(start, "member block");
  if (infolen < 0) throw ReadError(start, "member block with a negative length");
  Block b{file, r, start, start + 4 + uint32_t(infolen), cfuncs + cvars};
  // Every record is at least the fixed part long: check the counts against the bytes present
  // before anything is allocated for them.
  uint64_t least = uint64_t{cfuncs} * f::kFixedSize + uint64_t{cvars} * v::kFixedSize;
  r.require(start + 4, least, "member records");
  r.require(b.arrays, uint64_t{b.n} * 12, "member id, name and offset arrays");
  return b;
}

model::Docs docs(const MsftFile& file, int32_t helpstring, uint32_t ctx, uint32_t strctx) {
  model::Docs d;
  if (const std::string* s = file.string(helpstring)) d.helpstring = *s;
  d.helpcontext = ctx;
  d.helpstringcontext = strctx;
  return d;
}

bool is_property(model::InvokeKind k) {
  return k == model::InvokeKind::PropertyGet || k == model::InvokeKind::PropertyPut ||
         k == model::InvokeKind::PropertyPutRef;
}

/// The parameters of the function record at `rec` (size `len`): MSFT_ParameterInfo entries are
/// the last 12·nrargs bytes, the default-value array (when present) the 4·nrargs before them.
void read_params(const MsftFile& file, uint64_t rec, uint32_t len, uint32_t fkccic,
                 int32_t optional, model::Function& fn, uint32_t nargs) {
  const ByteReader& r = file.reader();
  const uint64_t params = rec + len - uint64_t{nargs} * f::kParamSize;
  const uint64_t defaults = params - uint64_t{nargs} * f::kDefaultSize;
  fn.params.resize(nargs);
  for (uint32_t j = 0; j < nargs; ++j) {
    model::Param& p = fn.params[j];
    uint64_t pi = params + uint64_t{j} * f::kParamSize;
    p.type = file.type(r.i32(pi));
    int32_t oname = r.i32(pi + f::kParamName);
    if (const std::string* s = oname != -1 ? file.name(oname) : nullptr) p.name = *s;
    p.flags = uint16_t(r.u32(pi + f::kParamFlags));
    if ((p.flags & model::paramflag::HasDefault) && (fkccic & f::kHasDefaults))
      p.default_value = file.value(r.i32(defaults + uint64_t{j} * f::kDefaultSize));
    if (optional > int32_t(f::kOArgCustData + 4 * j) && (fkccic & f::kHasCustData))
      p.custom = file.custom_data(r.i32(rec + f::kOArgCustData + 4 * j));
  }
}

/// One function record at `rec`; returns its size.
uint32_t read_function(const MsftFile& file, uint64_t rec, model::Function& fn) {
  const ByteReader& r = file.reader();
  uint32_t len = r.u32(rec + f::kInfo, "function record") & f::kSizeMask;
  r.require(rec, len, "function record");
  if (len < f::kFixedSize) throw ReadError(rec, "function record shorter than its fixed part");
  uint32_t fkccic = r.u32(rec + f::kFkccic);
  int16_t nrargs = r.i16(rec + f::kNrArgs);
  if (nrargs < 0) throw ReadError(rec, "function record with a negative parameter count");
  auto nargs = uint32_t(nrargs);
  uint32_t tail =
      nargs * f::kParamSize + ((fkccic & f::kHasDefaults) ? nargs * f::kDefaultSize : 0);
  if (tail > len - f::kFixedSize)
    throw ReadError(rec,
                    "function record too short for its " + std::to_string(nargs) + " parameters");
  // Optional fields are present as far as the record reaches before the parameter data.
  const auto optional = int32_t(len - tail);
  auto has = [&](uint32_t field) { return optional > int32_t(field); };

  fn.funckind = model::FuncKind(fkccic & f::kFuncKindMask);
  fn.invkind = model::InvokeKind((fkccic >> f::kInvKindShift) & f::kInvKindMask);
  fn.callconv = model::CallConv((fkccic >> f::kCallConvShift) & f::kCallConvMask);
  // Bit 0 of the vtable offset is a writer's flag, not part of the offset (doc §6.1).
  fn.vtable_offset = uint16_t(r.i16(rec + f::kVtableOffset) & ~1);
  fn.flags = uint16_t(r.u32(rec + f::kFlags));
  fn.optional_count = r.i16(rec + f::kNrOArgs);
  fn.result = file.type(r.i32(rec + f::kDataType));
  fn.docs = docs(file, has(f::kOHelpString) ? r.i32(rec + f::kOHelpString) : -1,
                 has(f::kHelpContext) ? r.u32(rec + f::kHelpContext) : 0,
                 has(f::kHelpStringContext) ? r.u32(rec + f::kHelpStringContext) : 0);
  if (has(f::kOEntry)) {
    int32_t entry = r.i32(rec + f::kOEntry);
    if (fkccic & f::kEntryIsOrdinal)
      fn.entry.v = uint16_t(entry);
    else if (const std::string* s = file.string(entry))
      fn.entry.v = *s;
  }
  if (has(f::kOCustData) && (fkccic & f::kHasCustData))
    fn.custom = file.custom_data(r.i32(rec + f::kOCustData));
  read_params(file, rec, len, fkccic, optional, fn, nargs);
  return len;
}

/// One variable record at `rec`; returns its size (Wine keeps only its low 8 bits).
uint32_t read_variable(const MsftFile& file, uint64_t rec, model::Variable& var) {
  const ByteReader& r = file.reader();
  uint32_t len = r.u32(rec + v::kInfo, "variable record") & v::kSizeMask;
  r.require(rec, len, "variable record");
  if (len < v::kFixedSize) throw ReadError(rec, "variable record shorter than its fixed part");
  auto has = [&](uint32_t field) { return len > field; };
  var.varkind = model::VarKind(uint16_t(r.i16(rec + v::kVarKind)));
  var.flags = uint16_t(r.u32(rec + v::kFlags));
  var.type = file.type(r.i32(rec + v::kDataType));
  int32_t value = r.i32(rec + v::kOffsValue);
  if (var.varkind == model::VarKind::Const)
    var.value = file.value(value);
  else
    var.offset = uint32_t(value);
  var.docs = docs(file, has(v::kHelpString) ? r.i32(rec + v::kHelpString) : -1,
                  has(v::kHelpContext) ? r.u32(rec + v::kHelpContext) : 0,
                  has(v::kHelpStringContext) ? r.u32(rec + v::kHelpStringContext) : 0);
  if (has(v::kOCustData)) var.custom = file.custom_data(r.i32(rec + v::kOCustData));
  return len;
}

}  // namespace

Members read_members(const MsftFile& file, int32_t memoffset, uint32_t cfuncs, uint32_t cvars) {
  Members m;
  if (cfuncs + cvars == 0) return m;
  Block b = open_block(file, memoffset, cfuncs, cvars);
  const uint64_t records = b.start + 4;
  m.functions.resize(cfuncs);
  uint64_t rec = records;
  for (uint32_t i = 0; i < cfuncs; ++i) {
    model::Function& fn = m.functions[i];
    rec += read_function(file, rec, fn);
    fn.memid = b.at(Block::MemId, i);
    int32_t name = b.at(Block::NameOff, i);
    // A propget/propput pair may record its name once: the second half borrows the first's.
    if (name == -1 && i > 0 && is_property(m.functions[i - 1].invkind) && is_property(fn.invkind))
      fn.name = m.functions[i - 1].name;
    else if (const std::string* s = file.name(name))
      fn.name = *s;
  }
  if (cvars == 0) return m;
  m.variables.resize(cvars);
  int32_t first = b.at(Block::RecOff, cfuncs);
  if (first < 0) throw ReadError(b.arrays, "variable records at a negative offset");
  rec = records + uint32_t(first);
  for (uint32_t i = 0; i < cvars; ++i) {
    model::Variable& var = m.variables[i];
    rec += read_variable(file, rec, var);
    var.memid = b.at(Block::MemId, cfuncs + i);
    if (const std::string* s = file.name(b.at(Block::NameOff, cfuncs + i))) var.name = *s;
  }
  return m;
}

}  // namespace tlbkit::tlb::msft
