// Small helpers over the model types. Layer: model.
#include "model/library.h"

namespace tlbkit::model {

TypeKind stored_kind(const TypeInfo& t) {
  struct Visitor {
    const TypeInfo& t;
    TypeKind operator()(const EnumDef&) const { return TypeKind::Enum; }
    TypeKind operator()(const RecordDef&) const { return TypeKind::Record; }
    TypeKind operator()(const UnionDef&) const { return TypeKind::Union; }
    TypeKind operator()(const AliasDef&) const { return TypeKind::Alias; }
    TypeKind operator()(const InterfaceDef&) const {
      return (t.flags & typeflag::Dual) ? TypeKind::Dispatch : TypeKind::Interface;
    }
    TypeKind operator()(const DispatchDef&) const { return TypeKind::Dispatch; }
    TypeKind operator()(const CoclassDef&) const { return TypeKind::Coclass; }
    TypeKind operator()(const ModuleDef&) const { return TypeKind::Module; }
  };
  return std::visit(Visitor{t}, t.def);
}

Guid stdole_libid() { return *Guid::parse("{00020430-0000-0000-C000-000000000046}"); }

std::string_view vt::idl_name(uint16_t v) {
  switch (v) {
    case I2: return "short";
    case I4: return "long";
    case R4: return "float";
    case R8: return "double";
    case Cy: return "CURRENCY";
    case Date: return "DATE";
    case Bstr: return "BSTR";
    case Dispatch: return "IDispatch*";
    case Error: return "SCODE";
    case Bool: return "VARIANT_BOOL";
    case Variant: return "VARIANT";
    case Unknown: return "IUnknown*";
    case Decimal: return "DECIMAL";
    case I1: return "char";
    case UI1: return "unsigned char";
    case UI2: return "unsigned short";
    case UI4: return "unsigned long";
    case I8: return "hyper";
    case UI8: return "unsigned hyper";
    case Int: return "int";
    case UInt: return "unsigned int";
    case Void: return "void";
    case HResult: return "HRESULT";
    case LpStr: return "LPSTR";
    case LpWStr: return "LPWSTR";
    default: return "";
  }
}

}  // namespace tlbkit::model
