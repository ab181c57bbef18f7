// The header reader's insides, shared by its files: small RAII wrappers over libclang's C API,
// and the reading context that turns clang's declarations into model types. Layer: readers
// (private to readers/cheader; nothing outside includes clang-c).
#pragma once
#include <clang-c/Index.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/library.h"
#include "readers/cheader/cheader_reader.h"
#include "support/diagnostics.h"

namespace tlbkit::cheader::detail {

// ---- RAII over libclang (clang_raii.cpp) -------------------------------------------------------

/// Copies a CXString and disposes of it.
std::string take(CXString s);
std::string spelling(CXCursor c);
std::string spelling(CXType t);

/// Owns a CXIndex.
class Index {
 public:
  Index();
  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;
  CXIndex get() const { return index_; }

 private:
  CXIndex index_;
};

/// Owns a CXTranslationUnit (may be null when parsing failed outright).
class TranslationUnit {
 public:
  explicit TranslationUnit(CXTranslationUnit tu) : tu_(tu) {}
  ~TranslationUnit();
  TranslationUnit(const TranslationUnit&) = delete;
  TranslationUnit& operator=(const TranslationUnit&) = delete;
  CXTranslationUnit get() const { return tu_; }

 private:
  CXTranslationUnit tu_;
};

/// The raw tokens of a source range (comments included), owned.
class Tokens {
 public:
  Tokens(CXTranslationUnit tu, CXSourceRange range);
  ~Tokens();
  Tokens(const Tokens&) = delete;
  Tokens& operator=(const Tokens&) = delete;
  size_t size() const { return count_; }
  CXTokenKind kind(size_t i) const;
  std::string text(size_t i) const;
  CXSourceLocation location(size_t i) const;

 private:
  CXTranslationUnit tu_;
  CXToken* tokens_ = nullptr;
  unsigned count_ = 0;
};

/// Calls f(child) for each child of `parent`; f returns a CXChildVisitResult.
template <typename F>
void visit_children(CXCursor parent, F&& f) {
  clang_visitChildren(
      parent,
      [](CXCursor c, CXCursor, CXClientData d) { return (*static_cast<F*>(d))(c); },
      const_cast<void*>(static_cast<const void*>(&f)));
}

/// file:line:col of where a location is expanded (a macro's use, not its definition).
support::Location location_of(CXSourceLocation l);
support::Location location_of(CXCursor c);

/// Glob match with * and ?.
bool glob_match(std::string_view pattern, std::string_view text);

// ---- The reading context (cheader_reader.cpp, cheader_types.cpp) -------------------------------

/// GUIDs the header names, gathered by the COM reader from DEFINE_GUID, EXTERN_GUID,
/// __CRT_UUID_DECL, MIDL_INTERFACE, DECLSPEC_UUID and __declspec(uuid).
struct ComMemo;  // the COM reader's own memory between calls (cheader_com*.cpp)
struct GuidTable {
  std::map<std::string, support::Guid> by_symbol;  // "IID_IFoo", "CLSID_Foo" → GUID
  std::map<std::string, support::Guid> by_type;    // "IFoo" → its uuid (MIDL_INTERFACE …)
  /// COM reader: files already searched for GUIDs, coclasses made, vtable slots counted.
  /// Opaque to the core; created on first use.
  std::shared_ptr<ComMemo> com;
};

struct Context {
  const CHeaderOptions& opts;
  support::DiagEngine& diags;
  CXTranslationUnit tu;
  model::Library& lib;
  GuidTable guids;

  /// True when the declaration is one the user asked for (see CHeaderOptions::include_patterns).
  bool taken(CXCursor decl) const;
  /// The model type for a clang type, with Windows' meaning for the SDK's names (BSTR, VARIANT,
  /// HRESULT, VARIANT_BOOL, LONG …) as tlbkit's IDL reader gives them, OLE Automation's types as
  /// stdole imports, and any other user type declared (as a dependency when not taken).
  model::TypeRef map_type(CXType t);
  /// The index in lib.types of the type a struct/union/enum/typedef/interface declaration
  /// becomes, reading it when first seen; nullopt for one that becomes no type of its own.
  std::optional<uint32_t> declare(CXCursor decl);
  /// A type of OLE Automation's library (stdole2.tlb) by name: IUnknown, IDispatch, GUID …
  model::TypeRef stdole(const std::string& name);

  // Filled by cheader_reader.cpp; opaque to the kind readers.
  struct State;
  State* state = nullptr;
};

// ---- Kind readers: each fills `t` (name, guid, def, layout) for one declaration ----------------

// Records, unions, enums, typedefs, functions, constants (cheader_decls.cpp).
void read_record(Context& cx, CXCursor decl, model::TypeInfo& t);
void read_enum(Context& cx, CXCursor decl, model::TypeInfo& t);
void read_typedef(Context& cx, CXCursor decl, model::TypeInfo& t);

// COM (cheader_com.cpp).
/// True for a C++ interface (a struct or class deriving from IUnknown, or IUnknown itself, with
/// virtual methods) or a C one (a struct whose first field is `lpVtbl`, a pointer to a struct of
/// function pointers).
bool is_com_interface(Context& cx, CXCursor decl);
/// Fills `t` as an InterfaceDef: base, methods in vtable order (inherited slots counted),
/// parameter directions from SAL and /* [in] */ comments, get_/put_/putref_ as properties.
void read_interface(Context& cx, CXCursor decl, model::TypeInfo& t);
/// Notes the GUID a macro expansion (DEFINE_GUID, EXTERN_GUID, __CRT_UUID_DECL, MIDL_INTERFACE,
/// DECLSPEC_UUID) or a declaration (__declspec(uuid), `const IID x = {…}`) gives.
void note_guid(Context& cx, CXCursor c);
/// COM reader: true for the struct of function pointers behind a C interface's lpVtbl
/// (`typedef struct IFooVtbl {…} IFooVtbl;`): it becomes no type of its own (declare skips it).
bool is_com_vtbl(Context& cx, CXCursor decl);
/// COM reader: the paramflag bits (In, Out, RetVal, Opt, Lcid) a parameter's SAL annotations
/// (_In_, _Out_opt_, __RPC__in …) and MIDL comments (/* [in] */, /* [retval][out] */) say, read
/// from the source between the `(` or `,` before the ParmDecl and its type; 0 when it says none.
uint16_t param_flags_from_source(Context& cx, CXCursor param);
/// COM reader: the index in lib.types of the coclass note_guid made under this name (from
/// CLSID_<name> or `class DECLSPEC_UUID("…") <name>;`), so a typedef or forward declaration of
/// that class names it instead of becoming an empty record; nullopt when none.
std::optional<uint32_t> coclass_named(Context& cx, const std::string& name);

}  // namespace tlbkit::cheader::detail
