// The syntax tree of one IDL file, as written: what the parser builds and the semantic pass
// (sema) turns into a model::Library. Nothing is resolved here — names are names, expressions
// are unevaluated. Layer: readers.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "readers/idl/token.h"
#include "support/box.h"

namespace tlbkit::idl::ast {

using support::Box;

struct TypeSpec;
struct Declarator;
struct Statement;

// ---- Expressions -----------------------------------------------------------------------------

/// A C constant expression, unevaluated. `op` is the operator spelling for Unary/Binary
/// ("-", "~", "!", "+", "*", "<<", "&&", …), "?" for the conditional.
struct Expr {
  enum class Kind : uint8_t {
    Number,      // text = the pp-number spelling ("0x10", "10L", "1.5")
    String,      // text = decoded bytes
    WideString,  // text = decoded bytes (UTF-8)
    Char,        // text = decoded character
    Name,        // text = an identifier (an enum constant, a const, a parameter, TRUE …)
    Unary,       // op operands[0]
    Binary,      // operands[0] op operands[1]
    Conditional, // operands[0] ? operands[1] : operands[2]
    Cast,        // (type) operands[0]
    Sizeof,      // sizeof(type) — type set — or sizeof expr — operands[0]
  };
  Kind kind = Kind::Number;
  std::string text;
  std::string op;
  std::vector<Expr> operands;
  std::vector<TypeSpec> type;        // Cast / Sizeof(type): exactly one element
  std::vector<Declarator> abstract;  // … and its abstract declarator ("(char *)"), 0 or 1
  SourcePos pos;
};

/// An attribute: `uuid(…)`, `helpstring("…")`, `id(5)`, `size_is(n, *m)`, `custom(guid, value)`.
/// uuid's argument, whatever its spelling (bare or quoted), is given as one String expression
/// holding the GUID text "12345678-1234-…". An empty argument (`size_is(, n)`) is an Expr of
/// Kind::Name with empty text.
/// (Parser additions:) async_uuid's argument and custom's first argument, bare or quoted, are
/// likewise one String expression with the GUID text. The attributes taking a type
/// (wire_marshal, transmit_as, user_marshal, switch_type, represent_as, implicit_handle) have
/// one Name expression: text = the type's name, `type` = the full TypeSpec and `abstract` its
/// declarator when it has one (`transmit_as(FOO *)`; `implicit_handle(handle_t h)` keeps "h"). Member access and indexing in arguments (`size_is(p->n)`, WinRT's
/// `contract(Windows.Foundation.UniversalApiContract, 1.0)`) are Binary expressions with op
/// "->", "." or "[]" (the member name is a Name operand). An attribute the parser does not
/// know, whose arguments are not expressions, keeps them as one Name expression holding their
/// spelling (`[frob(int x)]` → "int x").
struct Attr {
  std::string name;
  std::vector<Expr> args;
  SourcePos pos;
};
using Attrs = std::vector<Attr>;

// ---- Types and declarators -------------------------------------------------------------------

struct Member;
struct Param;

/// A struct or union body (or a reference to one by tag, has_body = false).
struct RecordSpec {
  bool is_union = false;
  std::string tag;  // empty when anonymous
  bool has_body = false;
  std::vector<Member> members;
  /// Encapsulated union: `union tag switch (long kind) name { case 1: … }`.
  std::vector<Member> switch_field;  // 0 or 1 element
  std::string union_name;            // the name after the switch (empty when not given)
  SourcePos pos;
};

struct Enumerator {
  Attrs attrs;
  std::string name;
  std::optional<Expr> value;
  SourcePos pos;
};

struct EnumSpec {
  std::string tag;  // empty when anonymous
  bool has_body = false;
  std::vector<Enumerator> values;
  SourcePos pos;
};

/// Declaration specifiers: the type before a declarator.
struct TypeSpec {
  enum class Kind : uint8_t {
    Named,      // a base type or typedef name: name = "unsigned long", "BSTR", "IUnknown", "void"
    Record,     // record: struct/union, defined here or referenced by tag
    Enum,       // enumeration: defined here or referenced by tag
    SafeArray,  // SAFEARRAY(element): element has one TypeSpec, element_decl its declarator
  };
  Kind kind = Kind::Named;
  std::string name;
  /// Qualifiers and modifiers as written, in order: "const", "volatile", "__int3264" … (the
  /// base-type words such as "unsigned" and "long" are part of `name`, normalised with single
  /// spaces: "unsigned long", "long long", "unsigned __int64", "signed char").
  /// (Parser note) storage classes written with the type (`extern`, `static`) are kept here too.
  std::vector<std::string> qualifiers;
  std::vector<RecordSpec> record;      // Kind::Record: exactly one
  std::vector<EnumSpec> enumeration;   // Kind::Enum: exactly one
  std::vector<TypeSpec> element;       // Kind::SafeArray: exactly one
  std::vector<Declarator> element_decl;  // Kind::SafeArray: 0 or 1 (SAFEARRAY(BSTR *))
  SourcePos pos;
  /// (Parser addition, WinRT) Kind::Named written with a namespace and type arguments:
  /// `Windows.Foundation.Collections.IVector<HSTRING>` gives name
  /// "Windows.Foundation.Collections.IVector" and one argument (type + abstract declarator).
  std::vector<Param> generic_args;
};

/// One step of a C declarator, read from the name outward: `int *a[3]` is a: Array(3), Pointer.
/// `HRESULT (STDMETHODCALLTYPE *pfn)(int)` is pfn: Pointer, Function.
struct DeclOp {
  enum class Kind : uint8_t { Pointer, Array, Function };
  Kind kind = Kind::Pointer;
  std::vector<std::string> qualifiers;  // Pointer: "const", "__RPC_FAR", … after the '*'
  /// Array: the size expression; none for `[]`; `[*]` is a Name expression "*". A range
  /// `[lo..hi]` gives two operands in a Binary ".." expression.
  std::optional<Expr> size;
  std::vector<Param> params;  // Function: the parameters (`(void)` gives none)
  bool varargs = false;       // Function: `...` at the end
  std::string callconv;       // Function: "__stdcall", "STDMETHODCALLTYPE", … when written
};

struct Declarator {
  std::string name;  // empty for an abstract declarator (a cast, an unnamed parameter)
  std::vector<DeclOp> ops;
  std::optional<Expr> bits;  // a bit-field width (`int x : 3`)
  SourcePos pos;
};

/// A field of a struct or union, or a dispinterface property.
struct Member {
  Attrs attrs;
  TypeSpec type;
  Declarator decl;
  /// In an encapsulated or non-encapsulated union: `case 1: case 2:` values, or `default:`.
  /// (Parser note) An empty arm (`default: ;`, `[case(0)] ;`) is a Member whose type.name and
  /// decl.name are empty; an anonymous struct/union member has an empty decl.name.
  std::vector<Expr> cases;
  bool is_default_case = false;
  SourcePos pos;
};

struct Param {
  Attrs attrs;
  TypeSpec type;
  Declarator decl;
  SourcePos pos;
};

// ---- Declarations ----------------------------------------------------------------------------

/// A method, a module function, or a function prototype at file level:
/// decl.ops.front() is the Function step (with the parameters); the rest applies to the result
/// type, as in C (`HRESULT *Foo(int)` → ops = Function, Pointer).
struct Method {
  Attrs attrs;
  TypeSpec result;
  Declarator decl;
  SourcePos pos;
};

/// `typedef [attrs] type decl, decl…;`
struct Typedef {
  Attrs attrs;
  TypeSpec type;
  std::vector<Declarator> decls;
  SourcePos pos;
};

/// A type declared on its own: `struct tag {…};`, `enum tag {…};`, `union …;`, with any
/// attributes written before it.
struct TypeDecl {
  Attrs attrs;
  TypeSpec type;
  SourcePos pos;
};

/// `const type name = value;`
struct Const {
  TypeSpec type;
  Declarator decl;
  Expr value;
  SourcePos pos;
  /// (Parser addition) attributes written before it: `[helpstring("…")] const int K = 1;` in
  /// an ODL module. The `const` keyword itself is not repeated in type.qualifiers.
  Attrs attrs;
};

/// A variable declaration at file level or in a module (`extern const GUID x;`): kept so
/// real files parse; sema may ignore it.
struct Variable {
  Attrs attrs;
  TypeSpec type;
  std::vector<Declarator> decls;
  SourcePos pos;
};

/// `interface I : Base { … }` (object or not), `interface I;` (forward), and dispinterface in
/// both forms.
struct Interface {
  Attrs attrs;
  std::string name;
  std::string base;  // empty when none
  bool is_dispinterface = false;
  bool has_body = false;  // false for a forward declaration `interface I;`
  /// interface: methods, and the typedefs/consts/cpp_quotes/imports written in its body.
  std::vector<Statement> body;
  /// dispinterface, properties:/methods: form.
  std::vector<Member> properties;
  std::vector<Method> methods;
  /// dispinterface, `interface I;` form: the interface it dispatches to.
  std::string wraps;
  SourcePos pos;
  /// (Parser additions, WinRT) `interface IVector<T> : IInspectable requires IIterable<T>`:
  /// the type parameters and the required interfaces. A dotted base keeps its dots.
  std::vector<std::string> generic_params;
  std::vector<TypeSpec> required;
};

/// One entry of a coclass body: `[default, source] interface IFoo;` (or dispinterface).
struct CoclassItem {
  Attrs attrs;
  std::string name;
  bool is_dispinterface = false;
  SourcePos pos;
};

struct Coclass {
  Attrs attrs;
  std::string name;
  bool has_body = false;
  std::vector<CoclassItem> items;
  SourcePos pos;
};

/// `module M { functions; consts; }`: body holds Method and Const statements.
struct Module {
  Attrs attrs;
  std::string name;
  std::vector<Statement> body;
  SourcePos pos;
};

/// `library L { … }`.
struct Library {
  Attrs attrs;
  std::string name;
  std::vector<Statement> body;
  SourcePos pos;
};

struct Import {  // import "a.idl", "b.idl";
  std::vector<std::string> files;
  SourcePos pos;
};
struct ImportLib {  // importlib("stdole2.tlb");
  std::string file;
  SourcePos pos;
};
struct CppQuote {  // cpp_quote("…"): text decoded, spelling as written
  std::string text;
  SourcePos pos;
};
/// `#pragma …` that reached the parser, or `midl_pragma warning(…)`: kept as text.
struct Pragma {
  std::string text;
  SourcePos pos;
};

/// (Parser addition) WinRT declarations, as in Wine's windows.*.idl: `namespace A.B { … }`,
/// `runtimeclass C { [default] interface I; }`, `delegate HRESULT D<T>(…);`,
/// `apicontract X {};` and `declare { interface IVector<HSTRING>; }`. They have no place in a
/// type library; they are kept so those files parse (sema may ignore them).
struct Winrt {
  enum class Kind : uint8_t { Namespace, RuntimeClass, Delegate, ApiContract, Declare };
  Kind kind = Kind::Namespace;
  Attrs attrs;
  std::string name;  // dotted for a namespace ("Windows.Foundation"); empty for declare
  bool has_body = false;  // false for a forward `runtimeclass C;`
  std::vector<Statement> body;     // Namespace, ApiContract, Declare (forward runtimeclasses)
  std::vector<CoclassItem> items;  // RuntimeClass: its interfaces (dotted names)
  std::vector<Method> signature;   // Delegate: exactly one
  std::vector<std::string> generic_params;  // Delegate: `delegate HRESULT H<T>(…)`
  std::vector<TypeSpec> instances;  // Declare: the interfaces instantiated (`IVector<HSTRING>`)
  SourcePos pos;
};

struct Statement {
  std::variant<Import, ImportLib, CppQuote, Pragma, Typedef, TypeDecl, Const, Variable, Method,
               Interface, Coclass, Module, Library, Winrt>
      v;
};

/// One parsed file (the main file or an imported one).
struct File {
  std::string path;
  std::vector<Statement> statements;
};

}  // namespace tlbkit::idl::ast
