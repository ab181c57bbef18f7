// The on-disk facts of the SLTG type library format (the old ICreateTypeLib/MkTypLib format):
// magic numbers, structure sizes and field offsets, bit fields. Used by the SLTG reader.
// Sources: "doc §10" is shared/docs/typelib-format.md; "typelib.h" and "typelib.c" are Wine's
// dlls/oleaut32 files, "winedump" is Wine's tools/winedump/tlb.c (all read for facts only);
// "[bytes]" marks a fact checked against the six SLTG files of testdata/corpus/ms (stdole32.tlb,
// olepro32.dll, ir41_32original.dll, VBAEN32.OLB, VEN2232.OLB, XL5EN32.OLB).
// All structures are byte-packed, little-endian. Layer: tlbformat.
//
// Where the corpus bytes correct or complete doc §10 (written from sources only):
// - The library block's name (+0x04) is a WORD name-table offset (winedump reads a string there).
// - The library block stores a LANGID; the runtime reports the primary language as the LCID when
//   the sublanguage is neutral, else 0. The DWORD after it is 0 or 0x00010000, not always 0.
// - The name-table "jump" 0x0200 form is real (VBAEN32, VEN2232, XL5EN32); names are padded to
//   an even offset with one byte of garbage; the names are followed by DWORD 0x01FFFF01.
// - The help dictionary's first WORD is the longest decoded string + 1; a leaf is one byte and a
//   NUL-terminated word; the branch offset is big-endian; an empty word ends a string.
// - Type info header +0x06 is, for a module, the offset of its DLL entry table (below).
// - The tail DWORD at +0x18 is the base of the members' help contexts (below).
// - A function's INVOKEKIND byte has 0, 2 or 0xA in its low nibble, not always 2. A dispatch
//   function's vtable WORD is 0xFFFF; a static function's locates its DLL entry.
// - An impl record's reference WORD is a plain index (type words use 4 x index), but in a
//   dispinterface it is cVars + index.
// - The member header's first WORD is 1, 3, 5 or 7.
// - A C array's descriptor is a 32-bit SAFEARRAY: bounds at +16.
#pragma once
#include <cstdint>

namespace tlbkit::tlbformat::sltg {

// ---- File header (doc §10.1; typelib.h SLTG_Header) [bytes] ------------------------------------
inline constexpr uint32_t kMagic = 0x47544C53;  // "SLTG"
namespace header {
inline constexpr uint32_t kMagic = 0x00;
inline constexpr uint32_t kBlockCount = 0x04;  // WORD: number of block entries + 1
inline constexpr uint32_t kPadSize = 0x06;     // WORD: bytes of zero after the index area (9)
inline constexpr uint32_t kIndexSize = 0x08;   // WORD: bytes of the index-string area
inline constexpr uint32_t kFirstBlock = 0x0A;  // WORD: 1-based entry of the first block
inline constexpr uint32_t kSize = 0x24;        // then the block entries
}  // namespace header

// Block entry (typelib.h SLTG_BlkEntry): DWORD length, WORD index-string offset (from the start
// of the index area), WORD next entry (1-based; 0 = this is the last block, the library block).
namespace block_entry {
inline constexpr uint32_t kLength = 0, kIndexString = 4, kNext = 6;
inline constexpr uint32_t kSize = 8;
}  // namespace block_entry

// The index area opens with these two NUL-terminated names (typelib.h SLTG_Magic), then one
// 10-character name per type info block [bytes].
inline constexpr char kCompObjName[] = "\1CompObj";
inline constexpr char kDirName[] = "dir";

// ---- Library block, the last block (doc §10.2; typelib.h SLTG_LibBlk) [bytes] ------------------
inline constexpr uint16_t kLibBlockMagic = 0x51CC;
namespace lib_block {
inline constexpr uint32_t kMagic = 0x00;
inline constexpr uint32_t kName = 0x04;     // WORD: name-table offset of the library's name
inline constexpr uint32_t kSkipped = 0x06;  // WORD 0xFFFF, else a byte count to skip
// Then: help string and help file (each WORD length or 0xFFFF, then ANSI bytes), DWORD help
// context, WORD syskind, WORD LANGID, DWORD (unknown), WORD LIBFLAGS, WORD major, WORD minor,
// GUID LIBID.
}  // namespace lib_block
inline constexpr uint16_t kNoString = 0xFFFF;  // a length-prefixed string that is absent
// After the LIBID: 0x40 bytes of an unknown table (doc §10.2), then WORD type count.
inline constexpr uint32_t kLibBlockTableSize = 0x40;

// Per-type entry in the library block (winedump dump_sltg_other_typeinfo) [bytes]: index name
// and other name (length-prefixed), WORD 0xFFFF, WORD name-table offset of the type's name, WORD
// length + that many bytes of compressed help string, WORD 0xFFFF, DWORD help context,
// WORD 0xFFFF, GUID, WORD TYPEKIND.

// After the type entries: DWORD offset (from the library block's start) of the name table; the
// compressed help-string dictionary fills the space up to it: WORD longest string + 1,
// DWORD dictionary size, then the dictionary (winedump decode_string) [bytes].
namespace help_dict {
inline constexpr uint32_t kMaxLength = 0;  // WORD: longest decoded string, NUL included
inline constexpr uint32_t kSize = 2;       // DWORD: bytes of dictionary that follow
inline constexpr uint32_t kData = 6;
inline constexpr uint8_t kBranch = 0x80;  // a node: 0x80, then a big-endian WORD "go to" offset
inline constexpr uint32_t kBranchSize = 3;
}  // namespace help_dict

// ---- Name table (doc §10.2; typelib.c ITypeLib2_Constructor_SLTG, winedump) [bytes] ------------
// WORD "jump", then a fixed-size area, then 0x200 bytes (hash buckets), then DWORD size of the
// names; each name is an 8-byte prefix followed by NUL-terminated ANSI text. Every WORD name
// offset in the file is relative to the first prefix and points at a prefix.
inline constexpr uint16_t kNameTableJumpShort = 0xFFFF;  // 10 more header bytes follow
inline constexpr uint16_t kNameTableJumpLong = 0x0200;   // 0x2A more header bytes follow
inline constexpr uint32_t kNameTableShortHeader = 2 + 0x0A;
inline constexpr uint32_t kNameTableLongHeader = 2 + 0x2A;
inline constexpr uint32_t kNameHashSize = 0x200;
inline constexpr uint32_t kNamePrefixSize = 8;

// ---- Type info block (doc §10.3; typelib.h SLTG_TypeInfoHeader) [bytes] ------------------------
inline constexpr uint16_t kTypeInfoMagic = 0x0501;
namespace ti_header {
inline constexpr uint32_t kMagic = 0x00;
inline constexpr uint32_t kRefTable = 0x02;  // DWORD offset from the block, or 0xFFFFFFFF
inline constexpr uint32_t kDllTable = 0x06;  // DWORD offset of a module's DLL entries, or ~0
inline constexpr uint32_t kMembers = 0x0A;   // DWORD offset of the member header
inline constexpr uint32_t kMajor = 0x12, kMinor = 0x14;  // WORD version
inline constexpr uint32_t kTypeFlags1 = 0x1A;            // BYTE: bits 3-7 = TYPEFLAGS bits 0-4
inline constexpr uint32_t kTypeFlags2 = 0x1B;            // BYTE: TYPEFLAGS >> 5
inline constexpr uint32_t kTypeKind = 0x1D;              // BYTE: TYPEKIND
inline constexpr uint32_t kSize = 0x22;
}  // namespace ti_header
inline constexpr uint32_t kNoOffset32 = 0xFFFFFFFF;

// Reference table (typelib.h SLTG_RefInfo) [bytes]: BYTE 0xDF, BYTE 0, 0x42 bytes of 0xFF,
// DWORD 8 x count, count x 8 unknown bytes, 7 bytes (WORD 0xFFFF, BYTE 1, DWORD 0), count
// length-prefixed strings "*\R<hex>*#<hex>", BYTE 0xDF.
inline constexpr uint8_t kRefTableMagic = 0xDF;
namespace ref_table {
inline constexpr uint32_t kCount8 = 0x44;  // DWORD: 8 x number of references
inline constexpr uint32_t kInfos = 0x48;   // 8 bytes per reference
inline constexpr uint32_t kInfoSize = 8;
inline constexpr uint32_t kGapAfterInfos = 7;
}  // namespace ref_table
inline constexpr uint32_t kLocalLibrary = 0xFFFF;  // "*\Rffff*#n": type n of this library
// A reference to another library names, at a name-table offset, "*\G{LIBID}#maj.min#lcid#path#"
// (versions decimal, LCID hex: typelib.c SLTG_DoRefs) [bytes].

// Member header (typelib.h SLTG_MemberHeader): WORD, WORD 0xFFFF, BYTE 1, DWORD byte count of the
// member data that follows. Every member offset is relative to the start of the member data.
namespace member_header {
inline constexpr uint32_t kDataSize = 5;
inline constexpr uint32_t kSize = 9;
}  // namespace member_header

// Tail, right after the member data (typelib.h SLTG_TypeInfoTail), 0x36 bytes of WORDs [bytes].
namespace tail {
inline constexpr uint32_t kFuncCount = 0x00, kVarCount = 0x02, kImplCount = 0x04;
inline constexpr uint32_t kFuncsOffset = 0x08, kVarsOffset = 0x0A, kImplsOffset = 0x0C;
inline constexpr uint32_t kAliasType = 0x14;        // a VT, or the offset of an alias's type words
inline constexpr uint32_t kHelpContextBase = 0x18;  // DWORD: members' help contexts are relative
inline constexpr uint32_t kSimpleAlias = 0x1C;      // non-zero: kAliasType is the VT itself
inline constexpr uint32_t kSizeInstance = 0x20, kAlignment = 0x22, kSizeVft = 0x28;
inline constexpr uint32_t kSize = 0x36;
}  // namespace tail
inline constexpr uint16_t kNoOffset16 = 0xFFFF;  // an absent offset, and the end of a chain

// ---- Member records (typelib.h SLTG_ImplInfo / SLTG_Function / SLTG_Variable) [bytes] ---------
inline constexpr uint16_t kImplMagic = 0x004A;
namespace impl {
inline constexpr uint32_t kNext = 0x02, kFlags = 0x06, kRef = 0x0A;
inline constexpr uint32_t kSize = 0x16;
}  // namespace impl

inline constexpr uint8_t kFuncVirtual = 0x4C, kFuncDispatch = 0xCB, kFuncStatic = 0x8B;
inline constexpr uint8_t kFuncHasFlags = 0x20;  // a WORD of FUNCFLAGS follows the record
namespace func {
inline constexpr uint32_t kMagic = 0x00;
inline constexpr uint32_t kInvoke = 0x01;  // BYTE: high nibble = INVOKEKIND
inline constexpr uint32_t kNext = 0x02, kName = 0x04, kMemId = 0x06;
inline constexpr uint32_t kHelpContext = 0x0A, kHelpString = 0x0C, kArgs = 0x0E;
inline constexpr uint32_t kCallConvParams = 0x10;  // BYTE: bits 0-2 CALLCONV, 3-7 cParams
inline constexpr uint32_t kRetOpt = 0x11;  // BYTE: bit 7 return type inline, bits 1-6 cParamsOpt
inline constexpr uint32_t kReturn = 0x12, kVtable = 0x14, kFlags = 0x16;
inline constexpr uint32_t kSize = 0x16;
inline constexpr uint8_t kReturnInline = 0x80;
}  // namespace func
// A parameter is WORD name + type: an odd name offset (name | 1) means the type words follow
// inline, an even one that the next WORD is the offset of the type words (winedump; Wine's
// reader guesses the same from the text) [bytes]. 0xFFFF: no name, type inline; 0xFFFE: no name,
// type offset.
inline constexpr uint16_t kArgNoNameInline = 0xFFFF, kArgNoNameOffset = 0xFFFE;
inline constexpr uint16_t kArgInlineBit = 0x0001;

inline constexpr uint8_t kVarMagic = 0x0A, kVarHasFlags = 0x20;  // 0x2A: a VARFLAGS WORD follows
namespace var {
inline constexpr uint32_t kMagic = 0x00, kFlags = 0x01, kNext = 0x02, kName = 0x04;
inline constexpr uint32_t kValue = 0x06;  // oInst, an inline constant, or the constant's offset
inline constexpr uint32_t kType = 0x08, kMemId = 0x0A, kHelpContext = 0x0E, kHelpString = 0x10;
inline constexpr uint32_t kVarFlags = 0x12;
inline constexpr uint32_t kSize = 0x12;
inline constexpr uint8_t kTypeInline = 0x02, kValueInline = 0x08, kConst = 0x10;
inline constexpr uint8_t kDispatch = 0x40, kReadOnly = 0x80;
}  // namespace var
inline constexpr uint16_t kSameNameAsPrevious = 0xFFFE;

// A member's WORD help context [bytes: VBAEN32.OLB against the same constants and functions in
// msvbvm60.dll's MSFT library]: 0xFFFE none; odd: tail base + (w >> 2), or minus when bit 1 is
// set; other even values: offset in the member data of a DWORD help context.
inline constexpr uint16_t kNoHelpContext = 0xFFFE;
inline constexpr uint16_t kHelpContextRelative = 0x0001, kHelpContextNegative = 0x0002;
inline constexpr uint16_t kNoHelpString = 0xFFFF;

// ---- Type words (typelib.c SLTG_DoType / SLTG_DoElem) [bytes] ----------------------------------
namespace typeword {
inline constexpr uint16_t kVtMask = 0x003F;
inline constexpr uint16_t kPointerMask = 0x0E00;        // all three set: "pointer to" the VT
inline constexpr uint16_t kIn = 0x8000, kOut = 0x4000;  // both set: no direction; neither: in
inline constexpr uint16_t kLcid = 0x2000, kRetVal = 0x0080;
}  // namespace typeword
// VT_CARRAY is followed by the offset of a 32-bit SAFEARRAY (cDims, fFeatures, cbElements,
// cLocks, pvData: 16 bytes, then cDims x {cElements, lLbound}) and then the element's words;
// VT_SAFEARRAY by an unused offset and the element's words; VT_USERDEFINED by 4 x the reference.
namespace safearray {
inline constexpr uint32_t kDims = 0;
inline constexpr uint32_t kBounds = 16;  // 32-bit layout; a 64-bit SAFEARRAY has them at 24
inline constexpr uint32_t kBoundSize = 8;
}  // namespace safearray

// ---- A module's DLL entry table, at ti_header::kDllTable [bytes: VBAEN32.OLB, VEN2232.OLB] ------
// A 0x15-byte header whose DWORD at 0x11 is the byte count of the entries; then 16-byte entries:
// WORD kind (1 = by ordinal), WORD name-table offset of the DLL name | 1, WORD ordinal, WORD
// (previous entry), 8 bytes of zero. A static function's vtable WORD is its entry's offset.
namespace dll_table {
inline constexpr uint32_t kEntriesSize = 0x11;
inline constexpr uint32_t kHeaderSize = 0x15;
inline constexpr uint32_t kKind = 0, kDllName = 2, kOrdinal = 4;
inline constexpr uint32_t kEntrySize = 16;
inline constexpr uint16_t kByOrdinal = 1;
}  // namespace dll_table

}  // namespace tlbkit::tlbformat::sltg
