// The MSFT type library reader (the ICreateTypeLib2 format, doc §2-§9): library attributes,
// imports, and each typeinfo as a model type. A dual interface (TKIND_DISPATCH + FDUAL) becomes an
// InterfaceDef with typeflag::Dual; a pure dispinterface a DispatchDef whose base is what the
// header's dispatchpos names (the runtime reports it as impl 0). Sizes, alignments and vtable
// sizes are copied as the file records them, for its own SYSKIND. Layer: readers.
#include <string>

#include "readers/tlb/msft_members.h"
#include "readers/tlb/msft_tables.h"
#include "readers/tlb/tlb_reader.h"

namespace tlbkit::tlb {

namespace {

namespace fmt = tlbformat::msft;
namespace ti = tlbformat::msft::typeinfo;
using msft::MsftFile;
using msft::Segment;
using support::Location;
using support::ReadError;

/// Reports problems of one library read, with file offsets (blob base + offset).
struct Reporter {
  support::DiagEngine& diags;
  const std::string& path;
  uint64_t base;

  void error(const std::string& code, uint64_t off, const std::string& msg) const {
    diags.error(code, Location::at_offset(path, base + off), msg);
  }
  void warning(const std::string& code, uint64_t off, const std::string& msg) const {
    diags.warning(code, Location::at_offset(path, base + off), msg);
  }
};

/// The raw MSFT_TypeInfoBase fields a type is built from (doc §5.1).
struct TypeInfoBase {
  uint64_t at = 0;  // blob offset of the record
  uint32_t typekind = 0, cfuncs = 0, cvars = 0;
  int32_t memoffset = -1, posguid = -1, name_offset = -1, docstring = -1, custom = -1;
  int32_t datatype1 = -1;
  uint32_t flags = 0, version = 0, helpstringcontext = 0, helpcontext = 0, size = 0;
  uint16_t cimpltypes = 0, cbsizevft = 0;

  model::TypeKind kind() const { return model::TypeKind(typekind & fmt::kTypeKindMask); }
};

TypeInfoBase read_base(const MsftFile& file, uint32_t index) {
  const auto& r = file.reader();
  TypeInfoBase b;
  b.at = file.in_segment(Segment::TypeInfoTab, int64_t{index} * ti::kSize, "type info");
  r.require(b.at, ti::kSize, "type info record");
  b.typekind = r.u32(b.at + ti::kTypeKind);
  b.memoffset = r.i32(b.at + ti::kMemOffset);
  uint32_t elements = r.u32(b.at + ti::kCElement);
  b.cfuncs = elements & 0xFFFF;  // cElement: low WORD functions, high WORD variables
  b.cvars = elements >> 16;
  b.posguid = r.i32(b.at + ti::kPosGuid);
  b.flags = r.u32(b.at + ti::kFlags);
  b.name_offset = r.i32(b.at + ti::kNameOffset);
  b.version = r.u32(b.at + ti::kVersion);
  b.docstring = r.i32(b.at + ti::kDocStringOffs);
  b.helpstringcontext = r.u32(b.at + ti::kHelpStringContext);
  b.helpcontext = r.u32(b.at + ti::kHelpContext);
  b.custom = r.i32(b.at + ti::kOCustData);
  b.cimpltypes = r.u16(b.at + ti::kCImplTypes);
  b.cbsizevft = r.u16(b.at + ti::kCbSizeVft);
  b.size = r.u32(b.at + ti::kSize_);
  b.datatype1 = r.i32(b.at + ti::kDatatype1);
  return b;
}

/// Builds one type from its record. Throws ReadError; problems that lose nothing the runtime
/// would show are warnings.
class TypeBuilder {
 public:
  TypeBuilder(const MsftFile& file, const Reporter& rep) : file_(file), rep_(rep) {}

  model::TypeInfo build(const TypeInfoBase& b) {
    model::TypeInfo t;
    if (const std::string* s = file_.name(b.name_offset)) t.name = *s;
    t.guid = file_.guid(b.posguid);
    t.flags = uint16_t(b.flags);
    t.version = {uint16_t(b.version), uint16_t(b.version >> 16)};
    if (const std::string* s = file_.string(b.docstring)) t.docs.helpstring = *s;
    t.docs.helpcontext = b.helpcontext;
    t.docs.helpstringcontext = b.helpstringcontext;
    t.layout.size = b.size;
    t.layout.alignment =
        uint16_t((b.typekind >> fmt::kTypeKindAlignShift) & fmt::kTypeKindAlignMask);
    t.layout.vtable_size = b.cbsizevft;
    msft::Members m = msft::read_members(file_, b.memoffset, b.cfuncs, b.cvars);
    t.def = definition(b, t.flags, m);
    t.custom = file_.custom_data(b.custom);
    return t;
  }

 private:
  model::TypeDef definition(const TypeInfoBase& b, uint16_t flags, msft::Members& m) {
    switch (b.kind()) {
      case model::TypeKind::Enum:
        return model::EnumDef{only_vars(b, m)};
      case model::TypeKind::Record:
        return model::RecordDef{only_vars(b, m)};
      case model::TypeKind::Union:
        return model::UnionDef{only_vars(b, m)};
      case model::TypeKind::Alias:
        none(b, m);
        return model::AliasDef{file_.type(b.datatype1)};
      case model::TypeKind::Module:
        return module(b, m);
      case model::TypeKind::Interface:
        return interface(b, m);
      case model::TypeKind::Dispatch:
        if ((flags & model::typeflag::Dual) && m.variables.empty()) return interface(b, m);
        return dispatch(b, m);
      case model::TypeKind::Coclass:
        none(b, m);
        return model::CoclassDef{coclass_impls(b)};
    }
    throw ReadError(b.at, "unknown type kind " + std::to_string(b.typekind & fmt::kTypeKindMask));
  }

  void dropped(const TypeInfoBase& b, const char* what) {
    rep_.warning(
        "TK2110", b.at,
        std::string("type info records ") + what + " its kind cannot have; they are ignored");
  }
  std::vector<model::Variable> only_vars(const TypeInfoBase& b, msft::Members& m) {
    if (!m.functions.empty()) dropped(b, "functions");
    return std::move(m.variables);
  }
  void none(const TypeInfoBase& b, msft::Members& m) {
    if (!m.functions.empty() || !m.variables.empty()) dropped(b, "members");
  }

  model::ImplType impl(const TypeInfoBase& b, int32_t href, uint16_t flags = 0) {
    model::UserType u = file_.user_type(href);
    if (file_.dangling(u))
      rep_.warning("TK2111", b.at,
                   "reference " + support::ByteReader::hex(uint32_t(href)) +
                       " names no type of this library or its imports");
    return model::ImplType{model::TypeRef{std::move(u)}, flags, {}};
  }

  /// The one base an interface records (datatype1), when it says it has one.
  std::vector<model::ImplType> base(const TypeInfoBase& b) {
    std::vector<model::ImplType> out;
    if (b.cimpltypes == 0 || (b.kind() == model::TypeKind::Dispatch && b.datatype1 == -1))
      return out;
    if (b.cimpltypes > 1)
      rep_.warning("TK2112", b.at,
                   "interface claims " + std::to_string(b.cimpltypes) +
                       " base interfaces; only the first is recorded");
    out.push_back(impl(b, b.datatype1));
    return out;
  }

  model::TypeDef interface(const TypeInfoBase& b, msft::Members& m) {
    if (!m.variables.empty()) dropped(b, "variables");
    return model::InterfaceDef{base(b), std::move(m.functions)};
  }

  model::TypeDef dispatch(const TypeInfoBase& b, msft::Members& m) {
    model::DispatchDef d;
    // The runtime reports IDispatch (the header's dispatchpos) as every dispinterface's impl 0;
    // datatype1, when set, is the interface it dispatches to.
    if (b.cimpltypes > 0) d.bases.push_back(impl(b, file_.header().dispatchpos));
    if (b.cimpltypes > 0 && b.datatype1 != -1) d.wraps = impl(b, b.datatype1).type;
    d.methods = std::move(m.functions);
    d.properties = std::move(m.variables);
    return d;
  }

  model::TypeDef module(const TypeInfoBase& b, msft::Members& m) {
    model::ModuleDef d;
    if (const std::string* s = file_.string(b.datatype1)) d.dll = *s;
    d.functions = std::move(m.functions);
    d.constants = std::move(m.variables);
    return d;
  }

  /// A coclass's RefTab chain (doc §5.7), at most cImplTypes records.
  std::vector<model::ImplType> coclass_impls(const TypeInfoBase& b) {
    namespace rt = fmt::reftab;
    std::vector<model::ImplType> out;
    const auto& r = file_.reader();
    int32_t next = b.datatype1;
    for (uint32_t i = 0; i < b.cimpltypes && next >= 0; ++i) {
      uint64_t at = file_.in_segment(Segment::RefTab, next, "implemented interface");
      r.require(at, rt::kSize, "implemented interface record");
      model::ImplType it = impl(b, r.i32(at + rt::kRefType), uint16_t(r.u32(at + rt::kFlags)));
      it.custom = file_.custom_data(r.i32(at + rt::kOCustData));
      out.push_back(std::move(it));
      next = r.i32(at + rt::kNext);
    }
    if (out.size() < b.cimpltypes)
      rep_.warning("TK2113", b.at,
                   "coclass claims " + std::to_string(b.cimpltypes) + " interfaces but lists " +
                       std::to_string(out.size()));
    return out;
  }

  const MsftFile& file_;
  const Reporter& rep_;
};

void read_attributes(const MsftFile& file, model::Library& lib) {
  const msft::Header& h = file.header();
  if (const std::string* s = file.name(h.name_offset)) lib.name = *s;
  lib.libid = file.guid(h.posguid);
  lib.version = {uint16_t(h.version), uint16_t(uint32_t(h.version) >> 16)};
  lib.lcid = uint32_t(h.lcid2);  // what TLIBATTR.lcid reports; header lcid only keys name hashes
  lib.syskind = model::SysKind(file.syskind());
  lib.flags = uint16_t(h.flags);
  if (const std::string* s = file.string(h.helpstring)) lib.docs.helpstring = *s;
  lib.docs.helpcontext = uint32_t(h.helpcontext);
  lib.docs.helpstringcontext = uint32_t(h.helpstringcontext);
  if (const std::string* s = file.string(h.helpfile)) lib.helpfile = *s;
  if (const std::string* s = file.string(h.helpstringdll)) lib.helpstringdll = *s;
  lib.custom = file.custom_data(h.custom_data);
}

}  // namespace

std::optional<model::Library> read_msft(std::span<const uint8_t> blob, uint64_t base,
                                        const std::string& path, support::DiagEngine& diags) {
  Reporter rep{diags, path, base};
  MsftFile file(blob);
  model::Library lib;
  const unsigned errors_before = diags.error_count();
  std::vector<TypeInfoBase> bases;
  try {
    file.load();
    read_attributes(file, lib);
    lib.imports = std::move(file.imports());
    auto count = uint32_t(file.header().nrtypeinfos);
    // The records must be there before anything is allocated for them.
    if (count > 0)
      file.reader().require(file.in_segment(Segment::TypeInfoTab, 0, "type info table"),
                            uint64_t{count} * ti::kSize, "type info table");
    // Every type's own HREFTYPE comes from its name entry; index them all before any reference
    // is resolved.
    bases.reserve(count);
    for (uint32_t i = 0; i < count; ++i) {
      bases.push_back(read_base(file, i));
      std::string name;
      if (const std::string* s = file.name(bases.back().name_offset)) name = *s;
      file.index_typeinfo(i, file.name_hreftype(bases.back().name_offset), name);
    }
  } catch (const ReadError& e) {
    rep.error("TK2101", e.offset, std::string("cannot read the MSFT type library: ") + e.what());
    return std::nullopt;
  }
  TypeBuilder builder(file, rep);
  lib.types.reserve(bases.size());
  for (const TypeInfoBase& b : bases) {
    try {
      lib.types.push_back(builder.build(b));
    } catch (const ReadError& e) {
      // One bad type: report it and go on, so one run shows every problem.
      rep.error("TK2102", e.offset,
                "type info " + std::to_string(lib.types.size()) + ": " + e.what());
      lib.types.emplace_back();
    }
    if (diags.too_many_errors()) break;
  }
  if (diags.error_count() != errors_before) return std::nullopt;
  return lib;
}

}  // namespace tlbkit::tlb
