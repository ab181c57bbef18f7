// OLE Automation's own constants (VARTYPE, TYPEKIND, TYPEFLAGS, FUNCFLAGS, VARFLAGS, PARAMFLAGS,
// IMPLTYPEFLAGS, LIBFLAGS, SYSKIND …), with the values of the Windows SDK's oaidl.h/wtypes.h.
// They describe COM, not any file format, so every reader and writer shares them. Layer: model.
#pragma once
#include <cstdint>
#include <string_view>

namespace tlbkit::model {

// VARTYPE (wtypes.h).
namespace vt {
inline constexpr uint16_t Empty = 0, Null = 1, I2 = 2, I4 = 3, R4 = 4, R8 = 5, Cy = 6, Date = 7,
                          Bstr = 8, Dispatch = 9, Error = 10, Bool = 11, Variant = 12,
                          Unknown = 13, Decimal = 14, I1 = 16, UI1 = 17, UI2 = 18, UI4 = 19,
                          I8 = 20, UI8 = 21, Int = 22, UInt = 23, Void = 24, HResult = 25,
                          Ptr = 26, SafeArray = 27, CArray = 28, UserDefined = 29, LpStr = 30,
                          LpWStr = 31, Record = 36, IntPtr = 37, UIntPtr = 38, FileTime = 64,
                          Blob = 65, Stream = 66, Storage = 67, StreamedObject = 68,
                          StoredObject = 69, BlobObject = 70, Cf = 71, Clsid = 72,
                          Vector = 0x1000, Array = 0x2000, ByRef = 0x4000;
/// IDL spelling of a base VARTYPE ("long", "BSTR", …), or "" if it has none.
std::string_view idl_name(uint16_t v);
}  // namespace vt

enum class TypeKind : uint8_t {  // TYPEKIND
  Enum = 0, Record = 1, Module = 2, Interface = 3, Dispatch = 4, Coclass = 5, Alias = 6, Union = 7
};
enum class SysKind : uint8_t { Win16 = 0, Win32 = 1, Mac = 2, Win64 = 3 };  // SYSKIND
enum class FuncKind : uint8_t { Virtual = 0, PureVirtual = 1, NonVirtual = 2, Static = 3,
                                Dispatch = 4 };                                // FUNCKIND
enum class InvokeKind : uint8_t { Func = 1, PropertyGet = 2, PropertyPut = 4,
                                  PropertyPutRef = 8 };                        // INVOKEKIND
enum class CallConv : uint8_t { FastCall = 0, CDecl = 1, MscPascal = 2, Pascal = 2, MacPascal = 3,
                                StdCall = 4, FpFastCall = 5, Syscall = 6, MpwCDecl = 7,
                                MpwPascal = 8 };                               // CALLCONV
enum class VarKind : uint8_t { PerInstance = 0, Static = 1, Const = 2, Dispatch = 3 };  // VARKIND

namespace typeflag {  // TYPEFLAGS
inline constexpr uint16_t AppObject = 0x1, CanCreate = 0x2, Licensed = 0x4, PreDeclId = 0x8,
                          Hidden = 0x10, Control = 0x20, Dual = 0x40, NonExtensible = 0x80,
                          OleAutomation = 0x100, Restricted = 0x200, Aggregatable = 0x400,
                          Replaceable = 0x800, Dispatchable = 0x1000, ReverseBind = 0x2000,
                          Proxy = 0x4000;
}
namespace funcflag {  // FUNCFLAGS
inline constexpr uint16_t Restricted = 0x1, Source = 0x2, Bindable = 0x4, RequestEdit = 0x8,
                          DisplayBind = 0x10, DefaultBind = 0x20, Hidden = 0x40,
                          UsesGetLastError = 0x80, DefaultCollelem = 0x100, UiDefault = 0x200,
                          NonBrowsable = 0x400, Replaceable = 0x800, ImmediateBind = 0x1000;
}
namespace varflag {  // VARFLAGS
inline constexpr uint16_t ReadOnly = 0x1, Source = 0x2, Bindable = 0x4, RequestEdit = 0x8,
                          DisplayBind = 0x10, DefaultBind = 0x20, Hidden = 0x40, Restricted = 0x80,
                          DefaultCollelem = 0x100, UiDefault = 0x200, NonBrowsable = 0x400,
                          Replaceable = 0x800, ImmediateBind = 0x1000;
}
namespace paramflag {  // PARAMFLAGS
inline constexpr uint16_t In = 0x1, Out = 0x2, Lcid = 0x4, RetVal = 0x8, Opt = 0x10,
                          HasDefault = 0x20, HasCustData = 0x40;
}
namespace implflag {  // IMPLTYPEFLAGS
inline constexpr uint16_t Default = 0x1, Source = 0x2, Restricted = 0x4, DefaultVtable = 0x8;
}
namespace libflag {  // LIBFLAGS
inline constexpr uint16_t Restricted = 0x1, Control = 0x2, Hidden = 0x4, HasDiskImage = 0x8;
}

/// MEMBERID_NIL, and the DISPIDs the runtime gives special meaning.
inline constexpr int32_t kMemberIdNil = -1;

}  // namespace tlbkit::model
