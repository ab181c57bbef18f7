// The COM reader's own insides, shared by cheader_com*.cpp: what it remembers between calls, and
// the small lexer over a header's raw text that finds GUIDs and parameter annotations (MinGW
// expands MIDL_INTERFACE, DECLSPEC_UUID and the SAL macros to nothing, so the AST has neither).
// Layer: readers (private to readers/cheader).
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "readers/cheader/cheader_internal.h"

namespace tlbkit::cheader::detail {

/// One C-form interface of the translation unit: its struct and the raw names of every vtable
/// slot (inherited ones included), so a derived C interface can find its base by prefix.
struct CInterface {
  std::string name;
  CXCursor decl;
  std::vector<std::string> names;  // each slot's method name
  std::vector<std::string> sigs;   // … with its parameter types after This: "Item(long,IFoo **)"
  /// widl's `/*** IBase methods ***/` comments in the Vtbl name each group of slots: the name of
  /// the group before the last one (the base), when there are such comments.
  std::string hinted_base;
};

struct ComMemo {
  std::set<const void*> scanned_files;                  // CXFiles searched for GUIDs already
  std::map<std::string, uint32_t> coclasses;            // coclass name → index in lib.types
  std::map<std::string, uint32_t> cpp_slots;            // C++ interface → vtable slots
  bool c_interfaces_listed = false;                     // c_interfaces filled (once per TU)
  std::vector<CInterface> c_interfaces;                 // in translation-unit order
  /// Each file's name and text (clang's buffer), by CXFile: looked up, never iterated.
  std::map<const void*, std::pair<std::string, std::string_view>> files;
  /// Each file's byte ranges the preprocessor skipped, sorted (by CXFile).
  std::map<const void*, std::vector<std::pair<size_t, size_t>>> skipped;
  /// Where each GUID in GuidTable was given ("S:IID_IFoo" by_symbol, "T:IFoo" by_type): file, offset.
  std::map<std::string, std::pair<const void*, size_t>> given_at;
};

ComMemo& memo(Context& cx);

// ---- Methods (cheader_com_methods.cpp) ---------------------------------------------------------

/// One vtable method as the header writes it, before it becomes a model function.
struct RawMethod {
  CXCursor cursor;                  // the CXXMethod, or the C form's FieldDecl
  std::string name;                 // as written (get_X)
  CXType result;
  std::vector<CXCursor> params;     // ParmDecls (the C form's This left out); may be empty …
  std::vector<CXType> param_types;  // … when the types are known only from the function type
  CXSourceLocation params_from;     // where the first parameter's annotations may start
  bool variadic = false;
  model::CallConv callconv = model::CallConv::StdCall;
  uint32_t slot = 0;  // its vtable slot (inherited slots included)
};

/// The model functions of one interface's own methods: get_X/put_X/putref_X as properties,
/// types through cx.map_type, directions from the source or inferred, MEMBERIDs as the IDL
/// reader gives a method without [id] (a property's accessors share one), vtable offsets.
/// `parents`: the interface's number of ancestors; `automation`: it derives from IDispatch.
std::vector<model::Function> make_methods(Context& cx, const std::vector<RawMethod>& methods,
                                          uint32_t parents, bool automation);

/// A method's or parameter's name as the header writes it: `GetObject`, not the `GetObjectA`
/// <windows.h>'s A/W macros turn it into.
std::string written_name(Context& cx, CXCursor decl);

/// `t` with the sugar over a pointer removed (typedef, elaborated), keeping the sugar under it.
CXType pointer_type(CXType t);

// ---- Raw text (cheader_com_text.cpp) -----------------------------------------------------------

/// One token of raw header text: enough of C's lexical grammar to skip comments, strings and
/// balanced parentheses, and to read numbers and identifiers.
struct RawToken {
  enum class Kind : uint8_t { Ident, Number, String, Comment, Punct, End };
  Kind kind = Kind::End;
  std::string_view text;
  size_t offset = 0;  // in the file
};

/// Lexes `text` from `pos`; next() returns Kind::End at the end.
class RawLexer {
 public:
  RawLexer(std::string_view text, size_t pos = 0) : text_(text), pos_(pos) {}
  RawToken next();
  /// The next token that is not a comment.
  RawToken next_code();
  size_t pos() const { return pos_; }

 private:
  std::string_view text_;
  size_t pos_;
};

/// The text of the file a location is in (clang's buffer, not copied), its name, and the byte
/// offset of the location's expansion point; empty text when unknown. Cached per file.
struct FileText {
  const void* file = nullptr;  // the CXFile
  std::string_view name;       // held by ComMemo::files
  std::string_view text;
  size_t offset = 0;
};
FileText file_text(Context& cx, CXSourceLocation l);

/// Searches a file's text once for DEFINE_GUID, DEFINE_OLEGUID, EXTERN_GUID, __CRT_UUID_DECL,
/// MIDL_INTERFACE, DECLSPEC_UUID, __declspec(uuid), DECLARE_INTERFACE_IID[_] and
/// `const IID X = {…}`, filling cx.guids.
void scan_guids(Context& cx, const FileText& f);

/// The uuid written on a declaration itself (DECLSPEC_UUID("…"), __declspec(uuid("…")),
/// MIDL_INTERFACE("…")) between its start and its name; nullopt when none.
std::optional<support::Guid> uuid_on_declaration(Context& cx, CXCursor decl);

/// paramflag bits an annotation token says: SAL (_In_, _Out_opt_, __RPC__in …), IN/OUT, or a
/// MIDL comment (/* [retval][out] */). 0 for anything else.
uint16_t annotation_flags(const RawToken& t);

/// The annotations' paramflag bits in the source from `from` (the previous parameter's end, or
/// the function's name) to the start of `param`.
uint16_t flags_between(Context& cx, CXSourceLocation from, CXCursor param);

}  // namespace tlbkit::cheader::detail
