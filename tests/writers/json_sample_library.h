// A small hand-built library that uses every part of the model — every kind, every type
// reference, every kind of value, custom data and docs at every level, unknown flag bits and
// constants without names — for the JSON writer, reader and compare tests. Layer: tests.
#pragma once
#include <cstdint>
#include <limits>

#include "model/library.h"

namespace tlbkit::testing {

inline model::Guid guid_of(const char* text) { return *model::Guid::parse(text); }

inline model::Value int_value(uint16_t vt, int64_t v) { return model::Value{vt, v}; }
inline model::Value double_value(uint16_t vt, double v) { return model::Value{vt, v}; }
inline model::Value text_value(uint16_t vt, std::string v) { return model::Value{vt, std::move(v)}; }

inline model::TypeRef user_ref(std::string name, std::optional<uint32_t> index,
                               std::optional<uint32_t> import = std::nullopt,
                               std::optional<model::Guid> guid = std::nullopt) {
  model::UserType u;
  u.import = import;
  u.name = std::move(name);
  u.guid = guid;
  u.index = index;
  return model::TypeRef{std::move(u)};
}

inline model::Variable constant(std::string name, int32_t memid, model::Value v) {
  model::Variable var;
  var.name = std::move(name);
  var.memid = memid;
  var.varkind = model::VarKind::Const;
  var.type = model::TypeRef::base(v.vt);
  var.value = std::move(v);
  return var;
}

inline model::Variable field(std::string name, model::TypeRef type, uint32_t offset) {
  model::Variable var;
  var.name = std::move(name);
  var.varkind = model::VarKind::PerInstance;
  var.type = std::move(type);
  var.offset = offset;
  return var;
}

inline model::Param param(std::string name, model::TypeRef type, uint16_t flags) {
  model::Param p;
  p.name = std::move(name);
  p.type = std::move(type);
  p.flags = flags;
  return p;
}

inline model::TypeInfo type_named(std::string name, model::TypeDef def) {
  model::TypeInfo t;
  t.name = std::move(name);
  t.def = std::move(def);
  return t;
}

/// Every kind, in this order: 0 enum, 1 record, 2 union, 3 alias, 4 interface, 5 dispinterface,
/// 6 coclass, 7 module, 8 a dual interface.
inline model::Library sample_library() {
  using namespace model;
  namespace vt = model::vt;
  Library lib;
  lib.name = "Sample";
  lib.libid = guid_of("{12345678-1234-5678-9ABC-DEF012345678}");
  lib.version = {2, 5};
  lib.lcid = 0x409;
  lib.syskind = SysKind::Win32;
  lib.flags = libflag::Hidden | libflag::Control | 0x100;  // 0x100: no name
  lib.docs = {"Sample \"library\"\twith\\escapes\n", 17, 0x12345};
  lib.helpfile = "sample.chm";
  lib.helpstringdll = "sample.dll";
  lib.custom = {{guid_of("{00000001-0000-0000-0000-000000000001}"), int_value(vt::I4, -5)},
                {guid_of("{00000002-0000-0000-0000-000000000002}"), double_value(vt::R8, 0.1)},
                {guid_of("{00000003-0000-0000-0000-000000000003}"), text_value(vt::Bstr, "héllo 😀")},
                {guid_of("{00000004-0000-0000-0000-000000000004}"), Value{vt::Empty, {}}}};
  lib.imports = {{stdole_libid(), {2, 0}, 0, "stdole2.tlb", "stdole"}};

  // 0: enum
  EnumDef e;
  e.values = {constant("One", 1, int_value(vt::I4, 1)),
              constant("Minus", -2, int_value(vt::I4, -2147483647 - 1))};
  e.values[1].docs = {"minus", 3, 0};
  e.values[1].custom = {{guid_of("{00000005-0000-0000-0000-000000000005}"), int_value(vt::UI1, 255)}};
  TypeInfo t0 = type_named("Colors", e);
  t0.guid = guid_of("{AAAAAAAA-0000-0000-0000-000000000000}");
  t0.layout = {4, 4, 0};
  lib.types.push_back(t0);

  // 1: record with every kind of type reference
  RecordDef r;
  CArray arr;
  arr.element = TypeRef::base(vt::UI1);
  arr.bounds = {{0, 16}, {-3, 4}};
  r.fields = {field("a", TypeRef::base(vt::I4), 0),
              field("b", TypeRef::pointer_to(TypeRef::pointer_to(user_ref("Colors", 0))), 4),
              field("c", TypeRef::safearray_of(TypeRef::base(vt::Bstr)), 8),
              field("d", TypeRef{arr}, 12),
              field("e", user_ref("GUID", std::nullopt, 0, guid_of("{00020400-0000-0000-C000-000000000046}")), 76),
              field("f", user_ref("IUnknown", 5, 0), 92),
              field("g", TypeRef::base(0x4003), 96),   // VT_BYREF|VT_I4: no single name
              field("h", TypeRef::base(vt::Void), 100)};
  r.fields[7].flags = varflag::ReadOnly | varflag::Hidden | 0x8000;
  // What only a C header gives: a bit-field and a function pointer.
  r.fields.push_back(field("bits", TypeRef::base(vt::UI4), 104));
  r.fields.back().bits = BitField{3, 5};
  FunctionSig sig;
  sig.callconv = CallConv::FastCall;
  sig.result = TypeRef::base(vt::I4);
  sig.params = {Param{"hwnd", TypeRef::pointer_to(TypeRef::base(vt::Void)), 0, {}, {}},
                Param{"", TypeRef::base(vt::LpStr), 0, {}, {}}};
  sig.variadic = true;
  TypeRef callback = TypeRef::pointer_to(TypeRef::base(vt::Void));
  std::get<Pointer>(callback.v).function = sig;
  r.fields.push_back(field("callback", callback, 108));
  TypeInfo t1 = type_named("Rec", r);
  t1.version = {1, 2};
  t1.layout = {116, 4, 0};
  lib.types.push_back(t1);

  // 2: union
  UnionDef u;
  u.fields = {field("i", TypeRef::base(vt::I8), 0), field("r", TypeRef::base(vt::R8), 0)};
  TypeInfo t2 = type_named("Uni", u);
  t2.layout = {8, 8, 0};
  lib.types.push_back(t2);

  // 3: alias
  TypeInfo t3 = type_named("PRec", AliasDef{TypeRef::pointer_to(user_ref("Rec", 1))});
  t3.flags = typeflag::Hidden;
  t3.layout = {4, 4, 0};
  lib.types.push_back(t3);

  // 4: interface
  InterfaceDef itf;
  itf.bases = {{user_ref("IUnknown", std::nullopt, 0, guid_of("{00000000-0000-0000-C000-000000000046}")), 0, {}}};
  Function f1;
  f1.name = "Method";
  f1.memid = 0x60010000;
  f1.vtable_offset = 12;
  f1.flags = funcflag::Hidden | funcflag::Restricted | 0x4000;
  f1.result = TypeRef::base(vt::HResult);
  f1.params = {param("in", TypeRef::base(vt::Bstr), paramflag::In),
               param("opt", TypeRef::base(vt::Variant), paramflag::In | paramflag::Opt | paramflag::HasDefault),
               param("", TypeRef::pointer_to(TypeRef::base(vt::I4)), paramflag::Out | paramflag::RetVal)};
  f1.params[1].default_value = text_value(vt::Bstr, "");
  f1.params[0].custom = {{guid_of("{00000006-0000-0000-0000-000000000006}"), text_value(vt::LpStr, "x")}};
  f1.optional_count = 1;
  f1.docs = {"does it", 1, 2};
  f1.custom = {{guid_of("{00000007-0000-0000-0000-000000000007}"), double_value(vt::R4, 1.5f)}};
  Function f2;
  f2.name = "Prop";
  f2.memid = kMemberIdNil;
  f2.invkind = InvokeKind::PropertyPutRef;
  f2.funckind = FuncKind::Virtual;
  f2.callconv = CallConv::CDecl;
  f2.vtable_offset = 16;
  f2.result = TypeRef::base(vt::Void);
  f2.params = {param("v", TypeRef::base(vt::R8), paramflag::In | paramflag::HasDefault | 0x1000)};
  f2.params[0].default_value = double_value(vt::R8, 1e300);
  f2.optional_count = -1;
  Function f3 = f2;
  f3.name = "Odd";
  f3.invkind = static_cast<InvokeKind>(3);   // no name
  f3.funckind = static_cast<FuncKind>(9);
  f3.callconv = static_cast<CallConv>(42);
  f3.params.clear();
  itf.functions = {f1, f2, f3};
  TypeInfo t4 = type_named("IThing", itf);
  t4.guid = guid_of("{BBBBBBBB-0000-0000-0000-000000000000}");
  t4.flags = typeflag::OleAutomation | typeflag::NonExtensible;
  t4.docs = {"a thing", 0, 9};
  t4.custom = {{guid_of("{00000008-0000-0000-0000-000000000008}"), int_value(vt::UI8, -1)},
               {guid_of("{00000009-0000-0000-0000-000000000009}"), int_value(vt::I8, std::numeric_limits<int64_t>::min())}};
  t4.layout = {4, 4, 24};
  lib.types.push_back(t4);

  // 5: dispinterface
  DispatchDef d;
  d.bases = {{user_ref("IDispatch", 6, 0), 0, {}}};
  Function m;
  m.name = "Run";
  m.memid = 7;
  m.funckind = FuncKind::Dispatch;
  m.result = TypeRef::base(vt::Variant);
  d.methods = {m};
  Variable prop;
  prop.name = "Visible";
  prop.memid = 8;
  prop.varkind = VarKind::Dispatch;
  prop.type = TypeRef::base(vt::Bool);
  prop.offset = 3;  // unusual for a dispatch property, but the model keeps it
  d.properties = {prop};
  d.wraps = user_ref("IThing", 4);
  TypeInfo t5 = type_named("DThing", d);
  t5.layout = {4, 4, 28};
  lib.types.push_back(t5);

  // 6: coclass
  CoclassDef cc;
  cc.interfaces = {{user_ref("IThing", 4), implflag::Default, {}},
                   {user_ref("DThing", 5), implflag::Source | implflag::Default | 0x20,
                    {{guid_of("{0000000A-0000-0000-0000-00000000000A}"), int_value(vt::Bool, -1)}}}};
  TypeInfo t6 = type_named("Thing", cc);
  t6.guid = guid_of("{CCCCCCCC-0000-0000-0000-000000000000}");
  t6.flags = typeflag::CanCreate | 0x8000;
  lib.types.push_back(t6);

  // 7: module
  ModuleDef mod;
  mod.dll = "thing.dll";
  Function byname;
  byname.name = "Beep";
  byname.funckind = FuncKind::Static;
  byname.result = TypeRef::base(vt::Void);
  byname.entry.v = std::string("BeepW");
  Function byordinal = byname;
  byordinal.name = "Beep2";
  byordinal.entry.v = uint16_t{12};
  byordinal.callconv = CallConv::CDecl;
  byordinal.variadic = true;  // a C `...` function
  mod.functions = {byname, byordinal};
  Variable c = constant("Greeting", 0, text_value(vt::Bstr, std::string("nul\0inside", 10)));
  c.varkind = VarKind::Static;
  mod.constants = {c, constant("Big", 1, int_value(vt::Cy, 123456789012345))};
  TypeInfo t7 = type_named("Mod", mod);
  lib.types.push_back(t7);

  // 8: dual interface, and a type without a GUID or docs
  InterfaceDef dual;
  dual.bases = {{user_ref("IDispatch", std::nullopt, 0), 0, {}}};
  TypeInfo t8 = type_named("IDual", dual);
  t8.flags = typeflag::Dual | typeflag::Dispatchable;
  t8.guid = Guid{};  // a null GUID is still a GUID
  lib.types.push_back(t8);
  return lib;
}

}  // namespace tlbkit::testing
