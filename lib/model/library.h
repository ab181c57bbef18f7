// The neutral interop model: plain values describing one COM library — its attributes, the
// libraries it imports, and its types. Every reader fills it, every writer reads it; nothing
// here belongs to one input format. Layer: model.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/automation.h"
#include "support/box.h"
#include "support/guid.h"

namespace tlbkit::model {

using support::Box;
using support::Guid;

struct Version {
  uint16_t major = 0, minor = 0;
  friend bool operator==(const Version&, const Version&) = default;
};

/// A typed constant: a default value, an enum or module constant, or a custom-data value.
/// `vt` is the VARTYPE it has in the library (VT_I4, VT_BSTR, VT_BOOL, …).
struct Value {
  uint16_t vt = vt::Empty;
  /// Integers (I1…UI8, INT, UINT, BOOL, ERROR, HRESULT, CY as its scaled 64-bit integer) are
  /// held as int64 (unsigned types zero-extended, UI8 as its bit pattern); R4/R8/DATE as double;
  /// BSTR/LPSTR/LPWSTR as UTF-8 text; EMPTY/NULL and unrepresentable values as monostate.
  std::variant<std::monostate, int64_t, double, std::string> data;
  friend bool operator==(const Value&, const Value&) = default;
};

struct CustomDatum {
  Guid guid;
  Value value;
  friend bool operator==(const CustomDatum&, const CustomDatum&) = default;
};
using CustomData = std::vector<CustomDatum>;

/// Help text of a library, type or member.
struct Docs {
  std::string helpstring;
  uint32_t helpcontext = 0;
  uint32_t helpstringcontext = 0;
  friend bool operator==(const Docs&, const Docs&) = default;
};

// ---- Type references -------------------------------------------------------------------------

struct TypeRef;

/// A user-defined type: a type of this library (import empty), or of an imported library
/// (`import` indexes Library::imports). The name is always filled when known; a type imported by
/// GUID keeps its GUID, one imported by position keeps its index in that library, so the
/// reference survives even when the other library is not at hand.
struct UserType {
  std::optional<uint32_t> import;
  std::string name;
  std::optional<Guid> guid;
  /// For a local type: its index in Library::types. For an imported one: its index in the other
  /// library when the reference is by position (old-format and import-by-index files).
  std::optional<uint32_t> index;
  friend bool operator==(const UserType&, const UserType&) = default;
};

struct FunctionSig;
/// A pointer. `function` is set for a C function pointer (read from a header): a type library
/// cannot hold one, so the pointee is VT_VOID (what a typelib writer writes, with a warning) and
/// `function` keeps the signature for JSON and C++.
struct Pointer {
  Box<TypeRef> pointee;
  std::optional<Box<FunctionSig>> function = std::nullopt;
  friend bool operator==(const Pointer&, const Pointer&) = default;
};
struct SafeArray {
  Box<TypeRef> element;
  friend bool operator==(const SafeArray&, const SafeArray&) = default;
};
struct ArrayBound {
  int32_t lower = 0;
  uint32_t count = 0;
  friend bool operator==(const ArrayBound&, const ArrayBound&) = default;
};
/// A C array; bounds outermost first.
struct CArray {
  Box<TypeRef> element;
  std::vector<ArrayBound> bounds;
  friend bool operator==(const CArray&, const CArray&) = default;
};
/// A base VARTYPE: VT_I4, VT_BSTR, VT_VOID, VT_HRESULT, …
struct BaseType {
  uint16_t vt = vt::Empty;
  friend bool operator==(const BaseType&, const BaseType&) = default;
};

struct TypeRef {
  std::variant<BaseType, Pointer, SafeArray, CArray, UserType> v;
  friend bool operator==(const TypeRef&, const TypeRef&) = default;

  static TypeRef base(uint16_t t) { return TypeRef{BaseType{t}}; }
  static TypeRef pointer_to(TypeRef t) { return TypeRef{Pointer{std::move(t)}}; }
  static TypeRef safearray_of(TypeRef t) { return TypeRef{SafeArray{std::move(t)}}; }
};

// ---- Members ---------------------------------------------------------------------------------

struct Param {
  std::string name;  // empty when the library records none (e.g. the value of a propput)
  TypeRef type;
  uint16_t flags = 0;  // paramflag::*
  std::optional<Value> default_value;
  CustomData custom;
  friend bool operator==(const Param&, const Param&) = default;
};

/// The signature behind a C function pointer.
struct FunctionSig {
  TypeRef result;
  std::vector<Param> params;
  CallConv callconv = CallConv::CDecl;
  bool variadic = false;  // C `...`
  friend bool operator==(const FunctionSig&, const FunctionSig&) = default;
};

/// Where a module function lives in its DLL: by entry-point name or by ordinal.
struct DllEntry {
  std::variant<std::monostate, std::string, uint16_t> v;
  friend bool operator==(const DllEntry&, const DllEntry&) = default;
};

struct Function {
  std::string name;
  int32_t memid = kMemberIdNil;
  FuncKind funckind = FuncKind::PureVirtual;
  InvokeKind invkind = InvokeKind::Func;
  CallConv callconv = CallConv::StdCall;
  /// Byte offset of the vtable slot, in pointers of the library's SysKind (slot × 4 on win32,
  /// × 8 on win64).
  int32_t vtable_offset = 0;
  uint16_t flags = 0;  // funcflag::*
  TypeRef result;
  std::vector<Param> params;
  /// cParamsOpt: the number of trailing optional VARIANT parameters; -1 for [vararg].
  int16_t optional_count = 0;
  Docs docs;
  DllEntry entry;  // module functions only
  CustomData custom;
  /// A C variadic function (`...`, read from a header); a type library cannot hold one ([vararg]
  /// is a different thing: a trailing SAFEARRAY of VARIANT).
  bool variadic = false;
  friend bool operator==(const Function&, const Function&) = default;
};

/// A C bit-field (read from a header): `width` bits starting `bit` bits into the storage unit
/// at Variable::offset (a unit of the field's declared type). A type library cannot hold one.
struct BitField {
  uint16_t bit = 0;
  uint16_t width = 0;
  friend bool operator==(const BitField&, const BitField&) = default;
};

/// A record or union field, an enum or module constant, or a dispinterface property.
struct Variable {
  std::string name;
  int32_t memid = kMemberIdNil;
  VarKind varkind = VarKind::PerInstance;
  uint16_t flags = 0;  // varflag::*
  TypeRef type;
  std::optional<Value> value;  // VarKind::Const
  uint32_t offset = 0;         // VarKind::PerInstance: byte offset in the record
  Docs docs;
  CustomData custom;
  std::optional<BitField> bits = std::nullopt;  // a C bit-field (headers only)
  friend bool operator==(const Variable&, const Variable&) = default;
};

/// An implemented interface of a coclass, or the base of an interface.
struct ImplType {
  TypeRef type;        // a UserType
  uint16_t flags = 0;  // implflag::*
  CustomData custom;
  friend bool operator==(const ImplType&, const ImplType&) = default;
};

// ---- Types -----------------------------------------------------------------------------------

struct EnumDef {
  std::vector<Variable> values;  // VarKind::Const
  friend bool operator==(const EnumDef&, const EnumDef&) = default;
};
struct RecordDef {
  std::vector<Variable> fields;
  friend bool operator==(const RecordDef&, const RecordDef&) = default;
};
struct UnionDef {
  std::vector<Variable> fields;
  friend bool operator==(const UnionDef&, const UnionDef&) = default;
};
struct AliasDef {
  TypeRef target;
  friend bool operator==(const AliasDef&, const AliasDef&) = default;
};
/// A vtable interface. A dual interface is one of these with typeflag::Dual set: the runtime
/// shows it as a dispinterface whose partner is this interface.
struct InterfaceDef {
  std::vector<ImplType> bases;  // zero or one base interface
  std::vector<Function> functions;
  friend bool operator==(const InterfaceDef&, const InterfaceDef&) = default;
};
/// A pure dispinterface: methods and properties reached through IDispatch::Invoke.
struct DispatchDef {
  std::vector<ImplType> bases;  // what the library records (usually stdole's IDispatch)
  std::vector<Function> methods;
  std::vector<Variable> properties;
  /// `dispinterface X { interface Y; }`: the interface whose methods this one dispatches to.
  std::optional<TypeRef> wraps;
  friend bool operator==(const DispatchDef&, const DispatchDef&) = default;
};
struct CoclassDef {
  std::vector<ImplType> interfaces;
  friend bool operator==(const CoclassDef&, const CoclassDef&) = default;
};
struct ModuleDef {
  std::string dll;
  std::vector<Function> functions;
  std::vector<Variable> constants;
  friend bool operator==(const ModuleDef&, const ModuleDef&) = default;
};

using TypeDef = std::variant<EnumDef, RecordDef, UnionDef, AliasDef, InterfaceDef, DispatchDef,
                             CoclassDef, ModuleDef>;

/// Sizes a library records for a type (cbSizeInstance, cbAlignment, cbSizeVft), for the
/// library's SysKind. Readers of binary libraries copy them; model/layout computes them for
/// inputs that do not record them.
struct TypeLayout {
  uint32_t size = 0;
  uint16_t alignment = 0;
  uint16_t vtable_size = 0;  // bytes, inherited slots included
  friend bool operator==(const TypeLayout&, const TypeLayout&) = default;
};

struct TypeInfo {
  std::string name;
  std::optional<Guid> guid;
  uint16_t flags = 0;  // typeflag::*
  Version version;
  Docs docs;
  CustomData custom;
  TypeLayout layout;
  TypeDef def;
  friend bool operator==(const TypeInfo&, const TypeInfo&) = default;
};

/// The TYPEKIND a typelib stores for a type (a dual interface is stored as TKIND_DISPATCH).
TypeKind stored_kind(const TypeInfo& t);

/// Another library this one refers to (an importlib): found by LIBID and version.
struct ImportedLibrary {
  Guid libid;
  Version version;
  uint32_t lcid = 0;
  std::string file;  // the file name the library records, without a path ("stdole2.tlb")
  std::string name;  // the library's name, when known
  friend bool operator==(const ImportedLibrary&, const ImportedLibrary&) = default;
};

struct Library {
  std::string name;
  std::optional<Guid> libid;
  Version version;
  uint32_t lcid = 0;
  SysKind syskind = SysKind::Win64;
  uint16_t flags = 0;  // libflag::* as declared (the runtime adds HasDiskImage when loading)
  Docs docs;
  std::string helpfile;
  std::string helpstringdll;
  CustomData custom;
  std::vector<ImportedLibrary> imports;
  std::vector<TypeInfo> types;  // in library order; a local UserType::index points here
  friend bool operator==(const Library&, const Library&) = default;
};

/// OLE Automation's library (stdole): {00020430-0000-0000-C000-000000000046}.
Guid stdole_libid();

}  // namespace tlbkit::model
