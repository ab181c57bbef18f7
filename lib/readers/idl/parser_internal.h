// The IDL parser's private state and grammar functions, shared by parser*.cpp (statements,
// types and declarators, expressions, attributes). Layer: readers.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "readers/idl/ast.h"
#include "readers/idl/parser.h"
#include "support/diagnostics.h"

namespace tlbkit::idl::detail {

/// Thrown after a syntax error has been reported; the innermost statement loop catches it and
/// skips to the next statement boundary.
struct SyntaxError {};

/// Where a statement stands: decides what a body may hold and how errors read.
enum class Scope : uint8_t { File, Library, Interface, Module };

class Parser {
 public:
  Parser(const TokenStream& stream, support::DiagEngine& diags);
  ast::File parse_file(const std::string& path);

  // ---- token cursor (parser.cpp) ----
  // The cursor always rests on a token that is not a Pragma: pragmas inside a declaration are
  // skipped, pragmas between statements become Pragma statements (emit_pragmas).
  const Token& cur() const { return (*toks_)[pos_]; }
  const Token& peek(size_t n) const;  // n-th non-pragma token after cur(); End at the end
  void advance();
  bool at_end() const { return cur().kind == TokKind::End; }
  bool is_punct(std::string_view p) const { return is_punct_tok(cur(), p); }
  bool is_ident(std::string_view w) const { return is_ident_tok(cur(), w); }
  static bool is_punct_tok(const Token& t, std::string_view p) {
    return t.kind == TokKind::Punct && same_text(t.text, p);
  }
  static bool is_ident_tok(const Token& t, std::string_view w) {
    return t.kind == TokKind::Identifier && same_text(t.text, w);
  }
  /// String equality without a library call: the parser compares every token against short
  /// keywords and punctuators, and this is its hottest path.
  static bool same_text(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }
  bool accept_punct(std::string_view p);
  void expect_punct(std::string_view p, std::string_view context);
  std::string expect_ident(std::string_view what, std::string_view context);
  [[noreturn]] void fail(const std::string& code, const SourcePos& pos, std::string message);
  [[noreturn]] void fail_expected(std::string_view what, std::string_view context);
  static std::string describe(const Token& t);

  /// Counts nesting (expressions, declarators, bodies) so hostile input gets an error instead
  /// of exhausting the stack.
  class DepthGuard {
   public:
    explicit DepthGuard(Parser& p);
    ~DepthGuard() { --p_.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    Parser& p_;
  };

  // ---- statements (parser.cpp, parser_decls.cpp) ----
  void parse_statements(std::vector<ast::Statement>& out, Scope scope, bool until_brace);
  void parse_statement(std::vector<ast::Statement>& out, Scope scope);
  void emit_pragmas(std::vector<ast::Statement>& out);
  void recover(size_t start);
  bool declarators_follow() const;
  void parse_import(std::vector<ast::Statement>& out);
  void parse_importlib(std::vector<ast::Statement>& out);
  void parse_cpp_quote(std::vector<ast::Statement>& out);
  void parse_midl_pragma(std::vector<ast::Statement>& out);
  void parse_interface(std::vector<ast::Statement>& out, ast::Attrs attrs);
  void parse_dispinterface_body(ast::Interface& itf);
  void parse_coclass(std::vector<ast::Statement>& out, ast::Attrs attrs);
  void parse_module(std::vector<ast::Statement>& out, ast::Attrs attrs);
  void parse_library(std::vector<ast::Statement>& out, ast::Attrs attrs);
  void parse_typedef(std::vector<ast::Statement>& out, ast::Attrs attrs);
  void parse_declaration(std::vector<ast::Statement>& out, ast::Attrs attrs, Scope scope);
  ast::Method parse_method(ast::Attrs attrs);
  std::string string_literal(std::string_view context);

  // ---- types and declarators (parser_types.cpp) ----
  bool starts_type() const;                   // cur() can begin a type
  bool starts_type_at(const Token& t) const;  // used for cast / sizeof detection
  ast::TypeSpec parse_type_spec();
  ast::RecordSpec parse_record();
  ast::EnumSpec parse_enum();
  void parse_members(std::vector<ast::Member>& out, bool in_union);
  ast::Declarator parse_declarator(bool abstract_ok);
  ast::Declarator parse_declarator_inner(bool abstract_ok, std::string& unclaimed_cc);
  void parse_decl_suffixes(ast::Declarator& d, std::string& cc);
  ast::DeclOp parse_array_suffix();
  ast::DeclOp parse_function_suffix();
  ast::Param parse_param();
  bool is_callconv_at(size_t ahead) const;

  // ---- WinRT (parser_winrt.cpp) ----
  bool starts_winrt() const;  // cur() begins a WinRT declaration
  void parse_winrt(std::vector<ast::Statement>& out, ast::Attrs attrs);
  void parse_runtimeclass(ast::Winrt& w);
  void parse_delegate(ast::Winrt& w);
  void parse_declare(ast::Winrt& w);
  std::string parse_dotted_name();                  // `Windows.Foundation.IAsyncAction`
  std::vector<ast::Param> parse_generic_args();     // `<HSTRING, IFoo *>`
  std::vector<std::string> parse_generic_params();  // `<TKey, TValue>`

  // ---- expressions (parser_expr.cpp) ----
  ast::Expr parse_expr();  // a conditional expression (no comma operator)
  ast::Expr parse_binary(int min_prec);
  ast::Expr parse_unary();
  ast::Expr parse_postfix();
  ast::Expr parse_primary();
  bool looks_like_cast() const;  // cur() is '(' opening a type name

  // ---- attributes (parser_attrs.cpp) ----
  ast::Attrs parse_attrs();  // cur() is '['
  ast::Attr parse_attr();
  void parse_attr_args(ast::Attr& a);  // expression arguments, up to the ')'
  ast::Expr raw_attr_arg();            // an unknown attribute's arguments, as spelled
  ast::Expr parse_guid_arg(std::string_view attr, bool until_comma);
  ast::Expr parse_type_arg();

  // Names this file declares, so `(NAME)-1` reads as a cast only when NAME may be a type.
  std::unordered_set<std::string> type_names_;
  std::unordered_set<std::string> value_names_;

 private:
  std::vector<Token> fallback_;  // used when the stream is empty or lacks its End token
  const std::vector<Token>* toks_;
  const SourceMap& sources_;
  support::DiagEngine& diags_;
  size_t pos_ = 0;
  size_t unscanned_ = 0;  // first raw index not yet checked for statement-level pragmas
  int depth_ = 0;
  int quiet_ = 0;  // > 0 while trying a parse that may fail without an error (parse_attr)
};

/// Deepest nesting accepted (parentheses, declarators, bodies); far above anything real files
/// use, far below what the stack can hold.
inline constexpr int kMaxDepth = 200;

}  // namespace tlbkit::idl::detail
