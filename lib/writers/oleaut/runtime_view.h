// An emulation of what the OLE Automation runtime (ITypeLib/ITypeInfo, Wine 8.0's, in a 64-bit
// process) reports for a model library: type attributes in a 64-bit process, the dispatch view of
// dispinterfaces and duals (inherited functions, [retval] as the result, …), references resolved
// through the libraries at hand, member names and documentation looked up by member id. Each rule
// names the runtime behaviour it reproduces. Layer: writers.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/library.h"
#include "model/library_set.h"

namespace tlbkit::oleaut {

/// One type info as the runtime holds it: a type of some library.
struct TypeHandle {
  const model::Library* lib = nullptr;
  const model::TypeInfo* type = nullptr;
  uint32_t index = 0;
  explicit operator bool() const { return type != nullptr; }
};

/// TYPEATTR as GetTypeAttr reports it in a 64-bit process.
struct TypeAttr {
  model::TypeKind kind = model::TypeKind::Enum;
  uint16_t flags = 0;
  uint32_t size = 0;
  uint16_t alignment = 0;
  uint32_t funcs = 0, vars = 0, impls = 0;
  uint16_t vtable_size = 0;
};

/// FUNCDESC as GetFuncDesc reports it. Types are those of `lib` (the library holding the
/// function, which for inherited functions is not the listed one).
struct FuncDesc {
  const model::Function* src = nullptr;
  const model::Library* lib = nullptr;
  model::FuncKind funckind = model::FuncKind::PureVirtual;
  int16_t vtable_offset = 0;
  uint32_t params = 0;  // cParams, after the dispatch view drops [retval] and [lcid]
  model::TypeRef result;
};

/// A function of the chain a dispinterface's functions come from, with its library.
struct FuncRef {
  const model::Function* fn = nullptr;
  const model::Library* lib = nullptr;
};

/// A member's documentation, as GetDocumentation(memid) finds it.
struct MemberDocs {
  std::string helpstring;
  uint32_t helpcontext = 0;
};

class RuntimeView {
 public:
  /// `sltg`: a library the runtime's SLTG loader read, which gets no pointer-size fix-ups (every
  /// other library is taken as loaded from an MSFT file).
  explicit RuntimeView(const model::LibrarySet& set, const model::Library* sltg = nullptr)
      : set_(set), sltg_(sltg) {}

  // ---- References (GetRefTypeInfo) -------------------------------------------------------------
  /// The type a reference of `from` names, or an empty handle when the runtime cannot load it.
  TypeHandle resolve(const model::Library& from, const model::TypeRef& ref) const;
  TypeHandle resolve(const model::Library& from, const model::UserType& ref) const;
  /// The text the listing gives a type: `vtN`, `ptr(…)`, `udt(NAME)` with NAME qualified as
  /// `LIB.NAME` when it lives in a library other than `listed`, `udt(?)` when it cannot be loaded.
  std::string type_text(const model::Library& from, const model::TypeRef& t,
                        const model::Library& listed) const;
  std::string ref_name(const TypeHandle& h, const model::Library& listed) const;
  /// What every dispinterface reports as impl 0: IDispatch, as the header's dispatchpos names it.
  TypeHandle dispatch_interface(const TypeHandle& h) const;

  // ---- GetTypeAttr -----------------------------------------------------------------------------
  TypeAttr type_attr(const TypeHandle& h) const;

  // ---- GetFuncDesc / GetNames / GetDocumentation / GetDllEntry ----------------------------------
  /// GetFuncDesc(index); nullopt where the runtime fails ("func #N fail").
  std::optional<FuncDesc> func_desc(const TypeHandle& h, uint32_t index) const;
  std::vector<std::string> names(const TypeHandle& h, int32_t memid) const;
  MemberDocs docs(const TypeHandle& h, int32_t memid) const;
  /// The function GetDllEntry(memid, invkind) describes, in a module.
  const model::Function* dll_entry(const TypeHandle& h, int32_t memid,
                                   model::InvokeKind invkind) const;

  // ---- Members of a type as the runtime stores them ---------------------------------------------
  static const std::vector<model::Function>& own_functions(const model::TypeInfo& t);
  static const std::vector<model::Variable>& own_variables(const model::TypeInfo& t);
  /// impltypes[0]: what the runtime follows to inherited members.
  static const model::TypeRef* first_impl(const model::TypeInfo& t);

 private:
  struct Layout {
    uint32_t size = 0;
    uint16_t alignment = 0;
  };
  const std::vector<Layout>& layouts_in_64bit_process(const model::Library& lib) const;
  bool size_instance(const model::Library& lib, const std::vector<Layout>& fixed,
                     const model::TypeRef& t, uint32_t& size, uint16_t& align, int depth) const;
  Layout layout_of(const TypeHandle& h, const model::Library& lib,
                   const std::vector<Layout>& fixed) const;
  const std::optional<std::vector<FuncRef>>& dispatch_functions(const TypeHandle& h) const;
  std::vector<std::string> names_in(const TypeHandle& h, int32_t memid, bool dispinterface,
                                    int depth) const;
  MemberDocs docs_in(const TypeHandle& h, int32_t memid, int depth) const;

  const model::LibrarySet& set_;
  const model::Library* sltg_;
  mutable std::map<const model::Library*, std::vector<Layout>> layouts_;
  mutable std::map<std::pair<const model::Library*, uint32_t>, std::optional<std::vector<FuncRef>>>
      dispatch_cache_;
};

}  // namespace tlbkit::oleaut
