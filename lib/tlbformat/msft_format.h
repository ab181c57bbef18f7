// The on-disk facts of the MSFT type library format (the ICreateTypeLib2 format): magic numbers,
// header and record field offsets, segment ids, bit fields. Shared by the MSFT reader and, later,
// the MSFT writer. Every fact names its source: "doc §N" is shared/docs/typelib-format.md,
// "typelib.h" is Wine's dlls/oleaut32/typelib.h (structure layouts, read for facts only).
// Layer: tlbformat.
#pragma once
#include <cstdint>
#include <string_view>

namespace tlbkit::tlbformat::msft {

// ---- Signatures (doc §1, §3) --------------------------------------------------------------------
inline constexpr uint32_t kMagicMsft = 0x5446534D;  // "MSFT", first DWORD of an MSFT blob
inline constexpr uint32_t kMagicSltg = 0x47544C53;  // "SLTG", first DWORD of an SLTG blob
inline constexpr uint32_t kMagic2 = 0x00010002;     // header 0x04 in every known writer

// ---- Header (doc §3; typelib.h MSFT_Header), 0x54 bytes of INTs ---------------------------------
namespace header {
inline constexpr uint32_t kMagic1 = 0x00, kMagic2 = 0x04, kPosGuid = 0x08, kLcid = 0x0C,
                          kLcid2 = 0x10, kVarFlags = 0x14, kVersion = 0x18, kFlags = 0x1C,
                          kNrTypeInfos = 0x20, kHelpString = 0x24, kHelpStringContext = 0x28,
                          kHelpContext = 0x2C, kNameTableCount = 0x30, kNameTableChars = 0x34,
                          kNameOffset = 0x38, kHelpFile = 0x3C, kCustomDataOffset = 0x40,
                          kRes44 = 0x44, kRes48 = 0x48, kDispatchPos = 0x4C, kNImpInfos = 0x50;
inline constexpr uint32_t kSize = 0x54;
}  // namespace header

// varflags (header 0x14), doc §3.
inline constexpr uint32_t kVarFlagsSysKindMask = 0x0F;  // SYSKIND in bits 0-3
inline constexpr uint32_t kVarFlagsHelpFile = 0x10;     // a help file is named
inline constexpr uint32_t kVarFlagsHelpDll = 0x100;     // HELPDLLFLAG: one INT follows the header

// ---- Segment directory (doc §4; typelib.h MSFT_SegDir) ------------------------------------------
inline constexpr uint32_t kSegmentCount = 15;
inline constexpr uint32_t kSegmentEntrySize = 16;  // offset, length, res08 (-1), res0c (0x0F)
inline constexpr uint32_t kSegmentRes0c = 0x0F;    // Wine refuses a file when entry 0 or 1 differs
namespace segment {
inline constexpr uint32_t kOffset = 0, kLength = 4, kRes08 = 8, kRes0c = 12;
}
enum class Segment : uint32_t {
  TypeInfoTab = 0,
  ImpInfo = 1,
  ImpFiles = 2,
  RefTab = 3,
  GuidHashTab = 4,
  GuidTab = 5,
  NameHashTab = 6,
  NameTab = 7,
  StringTab = 8,
  TypedescTab = 9,
  ArrayDesc = 10,
  CustData = 11,
  CDGuids = 12,
  Res0e = 13,
  Res0f = 14
};
/// "TypeInfoTab", "NameTab", … for diagnostics.
std::string_view segment_name(Segment s);

// ---- TypeInfo table record, MSFT_TypeInfoBase (doc §5.1), 0x64 bytes ---------------------------
namespace typeinfo {
inline constexpr uint32_t kSize = 0x64;
inline constexpr uint32_t kTypeKind = 0x00, kMemOffset = 0x04, kCElement = 0x18, kPosGuid = 0x2C,
                          kFlags = 0x30, kNameOffset = 0x34, kVersion = 0x38, kDocStringOffs = 0x3C,
                          kHelpStringContext = 0x40, kHelpContext = 0x44, kOCustData = 0x48,
                          kCImplTypes = 0x4C /*INT16*/, kCbSizeVft = 0x4E /*INT16*/, kSize_ = 0x50,
                          kDatatype1 = 0x54, kDatatype2 = 0x58;
}  // namespace typeinfo
// typekind field bits (doc §5.1): TKIND in bits 0-3, cbAlignment in bits 11-15.
inline constexpr uint32_t kTypeKindMask = 0x0F;
inline constexpr uint32_t kTypeKindAlignShift = 11;
inline constexpr uint32_t kTypeKindAlignMask = 0x1F;

// ---- GUID table entry (doc §5.2): GUID, INT hreftype, INT next_hash ----------------------------
inline constexpr uint32_t kGuidEntrySize = 24;

// ---- Name table entry, MSFT_NameIntro (doc §5.3) ------------------------------------------------
namespace name {
inline constexpr uint32_t kHrefType = 0, kNextHash = 4, kNameLen = 8, kText = 12;
inline constexpr uint32_t kIntroSize = 12;
inline constexpr uint32_t kLengthMask = 0xFF;  // only the low byte of namelen is the length
inline constexpr uint32_t kMinEntry = 8;       // Wine's reader never steps less than 8 bytes
}  // namespace name

// ---- String table entry (doc §5.4): WORD length, ANSI bytes, padded to 4, at least 8 bytes -----
namespace string {
inline constexpr uint32_t kLengthSize = 2;
inline constexpr uint32_t kMinEntry = 8;
}  // namespace string

// ---- Type descriptors (doc §5.5) ----------------------------------------------------------------
// A DataType INT with bit 31 set is an inline VARTYPE; Wine keeps only the low 12 bits
// (VT_TYPEMASK).
inline constexpr uint32_t kInlineTypeFlag = 0x80000000;
inline constexpr uint32_t kVtTypeMask = 0x0FFF;
inline constexpr uint32_t kTypedescEntrySize = 8;  // INT a (vt | mix<<16), INT b
// ArrayDesc entry: INT element DataType, WORD cDims, WORD cDims*8, then cDims {cElements, lLbound}.
inline constexpr uint32_t kArrayDescHeader = 8;
inline constexpr uint32_t kArrayBoundSize = 8;

// ---- Imports (doc §5.6; typelib.h MSFT_ImpInfo) -------------------------------------------------
namespace impfile {
inline constexpr uint32_t kGuid = 0, kLcid = 4, kVersion = 8, kNameSize = 12 /*WORD*/, kName = 14;
inline constexpr uint32_t kNameLengthShift = 2;  // the WORD holds (length << 2) | flags
}  // namespace impfile
namespace impinfo {
inline constexpr uint32_t kSize = 12;
inline constexpr uint32_t kFlags = 0, kImpFile = 4, kGuidOrIndex = 8;
inline constexpr uint32_t kOffsetIsGuid = 0x00010000;  // MSFT_IMPINFO_OFFSET_IS_GUID
}  // namespace impinfo

// ---- Reference table record, MSFT_RefRecord (doc §5.7) ------------------------------------------
namespace reftab {
inline constexpr uint32_t kSize = 16;
inline constexpr uint32_t kRefType = 0, kFlags = 4, kOCustData = 8, kNext = 12;
}  // namespace reftab

// ---- Custom data list node, MSFT_CDGuid (doc §5.8) ----------------------------------------------
namespace cdguid {
inline constexpr uint32_t kSize = 12;
inline constexpr uint32_t kGuidOffset = 0, kDataOffset = 4, kNext = 8;
}  // namespace cdguid

// ---- Value encoding (doc §5.8) ------------------------------------------------------------------
// Bit 31 set: inline value, VARTYPE in bits 26-30, the value in bits 0-25 (never sign-extended).
inline constexpr uint32_t kInlineValueFlag = 0x80000000;
inline constexpr uint32_t kInlineValueVtShift = 26;
inline constexpr uint32_t kInlineValueVtMask = 0x1F;
inline constexpr uint32_t kInlineValueMask = 0x03FFFFFF;
inline constexpr uint32_t kNullBstrLength = 0xFFFFFFFF;  // a BSTR value of length -1 is NULL

// ---- Member block (doc §6) ----------------------------------------------------------------------
// INT infolen; records; INT memid[n]; INT nameoff[n]; INT recoff[n] (n = cFuncs + cVars).
namespace func {  // MSFT_FuncRecord (doc §6.1; typelib.h)
inline constexpr uint32_t kInfo = 0x00, kDataType = 0x04, kFlags = 0x08,
                          kVtableOffset = 0x0C /*INT16*/, kFkccic = 0x10, kNrArgs = 0x14 /*INT16*/,
                          kNrOArgs = 0x16 /*INT16*/, kHelpContext = 0x18, kOHelpString = 0x1C,
                          kOEntry = 0x20, kHelpStringContext = 0x2C, kOCustData = 0x30,
                          kOArgCustData = 0x34;
inline constexpr uint32_t kFixedSize = 0x18;   // the fields up to nroargs
inline constexpr uint32_t kSizeMask = 0xFFFF;  // Info's low WORD is the record size
inline constexpr uint32_t kParamSize = 12;     // MSFT_ParameterInfo: DataType, oName, Flags
inline constexpr uint32_t kParamName = 4, kParamFlags = 8;
inline constexpr uint32_t kDefaultSize = 4;  // one value encoding per parameter
// FKCCIC bits (doc §6.1).
inline constexpr uint32_t kFuncKindMask = 0x7;
inline constexpr uint32_t kInvKindShift = 3, kInvKindMask = 0xF;
inline constexpr uint32_t kHasCustData = 0x80;
inline constexpr uint32_t kCallConvShift = 8, kCallConvMask = 0xF;
inline constexpr uint32_t kHasDefaults = 0x1000;
inline constexpr uint32_t kEntryIsOrdinal = 0x2000;
}  // namespace func
namespace var {  // MSFT_VarRecord (doc §6.2; typelib.h)
inline constexpr uint32_t kInfo = 0x00, kDataType = 0x04, kFlags = 0x08, kVarKind = 0x0C /*INT16*/,
                          kOffsValue = 0x10, kHelpContext = 0x14, kHelpString = 0x18,
                          kOCustData = 0x20, kHelpStringContext = 0x24;
inline constexpr uint32_t kFixedSize = 0x14;
inline constexpr uint32_t kSizeMask = 0xFF;  // Wine masks the variable record size to 8 bits
}  // namespace var

// ---- HREFTYPE (doc §8) --------------------------------------------------------------------------
inline constexpr uint32_t kHrefImportBit = 0x1;  // set: ImpInfo offset | 1
inline constexpr uint32_t kHrefDualBit = 0x2;    // runtime-only: the interface half of a dual
inline constexpr uint32_t kHrefLowBits = 0x3;    // masked off before any lookup

/// Pointer size of a SYSKIND (Wine's get_ptr_size): 8 for SYS_WIN64, 4 for the others.
inline constexpr uint32_t pointer_size(uint32_t syskind) { return syskind == 3 ? 8 : 4; }

}  // namespace tlbkit::tlbformat::msft
