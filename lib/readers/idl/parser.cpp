// The IDL parser's entry point, token cursor, error reporting and statement-level recovery; the
// grammar lives in parser_decls.cpp, parser_types.cpp, parser_expr.cpp, parser_attrs.cpp.
// Layer: readers.
#include "readers/idl/parser.h"

#include "readers/idl/parser_internal.h"

namespace tlbkit::idl {

namespace detail {

Parser::Parser(const TokenStream& stream, support::DiagEngine& diags)
    : toks_(&stream.tokens), sources_(stream.sources), diags_(diags) {
  // The contract promises a final End token; a stream without one is read as if it had it.
  if (toks_->empty() || toks_->back().kind != TokKind::End) {
    fallback_ = *toks_;
    Token end;
    if (!fallback_.empty()) end.pos = fallback_.back().pos;
    fallback_.push_back(end);
    toks_ = &fallback_;
  }
  while (cur().kind == TokKind::Pragma) ++pos_;
}

const Token& Parser::peek(size_t n) const {
  size_t i = pos_;
  while (n > 0 && (*toks_)[i].kind != TokKind::End) {
    ++i;
    if ((*toks_)[i].kind != TokKind::Pragma) --n;
  }
  return (*toks_)[i];
}

void Parser::advance() {
  if (at_end()) return;
  ++pos_;
  while (cur().kind == TokKind::Pragma) ++pos_;
}

bool Parser::accept_punct(std::string_view p) {
  if (!is_punct(p)) return false;
  advance();
  return true;
}

void Parser::expect_punct(std::string_view p, std::string_view context) {
  if (accept_punct(p)) return;
  fail_expected("'" + std::string(p) + "'", context);
}

std::string Parser::expect_ident(std::string_view what, std::string_view context) {
  if (cur().kind != TokKind::Identifier) fail_expected(what, context);
  std::string name = cur().text;
  advance();
  return name;
}

std::string Parser::describe(const Token& t) {
  switch (t.kind) {
    case TokKind::End:
      return "end of file";
    case TokKind::String:
    case TokKind::WideString:
    case TokKind::Char:
      return t.spelling.empty() ? "'" + t.text + "'" : t.spelling;
    default:
      return "'" + t.text + "'";
  }
}

void Parser::fail(const std::string& code, const SourcePos& pos, std::string message) {
  // Past the error limit the parse unwinds quietly: every loop checks too_many_errors().
  if (quiet_ == 0 && !diags_.too_many_errors()) {
    sources_.error(diags_, code, pos, std::move(message));
  }
  throw SyntaxError{};
}

void Parser::fail_expected(std::string_view what, std::string_view context) {
  std::string msg = "expected " + std::string(what);
  if (!context.empty()) msg += " " + std::string(context);
  msg += ", found " + describe(cur());
  fail("TK5101", cur().pos, std::move(msg));
}

Parser::DepthGuard::DepthGuard(Parser& p) : p_(p) {
  if (p_.depth_ >= kMaxDepth) {
    p_.fail("TK5102", p_.cur().pos,
            "nesting too deep (more than " + std::to_string(kMaxDepth) + " levels)");
  }
  ++p_.depth_;
}

ast::File Parser::parse_file(const std::string& path) {
  ast::File file;
  file.path = path;
  parse_statements(file.statements, Scope::File, false);
  return file;
}

void Parser::emit_pragmas(std::vector<ast::Statement>& out) {
  for (size_t i = unscanned_; i < pos_; ++i) {
    const Token& t = (*toks_)[i];
    if (t.kind == TokKind::Pragma) out.push_back({ast::Pragma{t.text, t.pos}});
  }
  unscanned_ = pos_;
}

void Parser::parse_statements(std::vector<ast::Statement>& out, Scope scope, bool until_brace) {
  DepthGuard guard(*this);
  while (true) {
    // Pragmas met while reading the previous statement's tail belong inside it, not here.
    if (unscanned_ < pos_) {
      size_t i = pos_;
      while (i > unscanned_ && (*toks_)[i - 1].kind == TokKind::Pragma) --i;
      unscanned_ = i;
    }
    emit_pragmas(out);
    if (diags_.too_many_errors() || at_end()) return;
    if (until_brace && is_punct("}")) return;
    size_t start = pos_;
    try {
      parse_statement(out, scope);
    } catch (const SyntaxError&) {
      recover(start);
    }
  }
}

namespace {

bool is_block_keyword(std::string_view w) {
  return w == "interface" || w == "dispinterface" || w == "coclass" || w == "library" ||
         w == "module" || w == "namespace" || w == "runtimeclass" || w == "apicontract" ||
         w == "declare";
}

/// Words that begin a statement and nothing else: skipping after an error stops before them.
bool is_sync_keyword(const Token& t) {
  if (t.kind != TokKind::Identifier) return false;
  const std::string& w = t.text;
  return is_block_keyword(w) || w == "typedef" || w == "import" || w == "importlib" ||
         w == "cpp_quote" || w == "midl_pragma";
}

}  // namespace

void Parser::recover(size_t start) {
  // The brace depth reached since the statement began: skipping stops at the ';' or '}' that
  // ends the statement at its own level, before a '}' that closes the enclosing body, or before
  // a keyword that can only begin the next statement.
  long depth = 0;
  // A block (interface, library …) ends at its '}'; a declaration whose braces belong to a type
  // (`typedef struct {…} S;`) ends at the ';' after its declarators.
  bool block = false, before_brace = true;
  for (size_t i = start; i < pos_; ++i) {
    const Token& t = (*toks_)[i];
    if (is_punct_tok(t, "{")) {
      ++depth;
      before_brace = false;
    }
    if (is_punct_tok(t, "}") && depth > 0) --depth;
    if (before_brace && t.kind == TokKind::Identifier && is_block_keyword(t.text)) block = true;
  }
  while (!at_end()) {
    if (depth == 0 && pos_ > start && is_sync_keyword(cur())) return;
    if (is_punct("{")) {
      ++depth;
    } else if (is_punct("}")) {
      if (depth == 0) break;
      if (--depth == 0) {
        advance();
        if (accept_punct(";") || block || !declarators_follow()) return;
        continue;
      }
    } else if (is_punct(";") && depth == 0) {
      advance();
      return;
    }
    advance();
  }
  // Always move: a stray token the statement could not start with is dropped.
  if (pos_ == start && !at_end()) advance();
}

bool Parser::declarators_follow() const {
  // After `typedef struct {…}`: `S;`, `S, *PS;`, `A[2];`, `*P;`, `(*F)(…);`.
  if (is_punct("*") || is_punct("(")) return true;
  if (cur().kind != TokKind::Identifier) return false;
  const Token& next = peek(1);
  return is_punct_tok(next, ";") || is_punct_tok(next, ",") || is_punct_tok(next, "[");
}

void Parser::parse_statement(std::vector<ast::Statement>& out, Scope scope) {
  if (accept_punct(";")) return;  // an empty statement, as after `cpp_quote(…);`
  if (cur().kind == TokKind::Identifier) {
    const std::string& w = cur().text;
    if (w == "import") return parse_import(out);
    if (w == "importlib") return parse_importlib(out);
    if (w == "cpp_quote") return parse_cpp_quote(out);
    if (w == "midl_pragma") return parse_midl_pragma(out);
  }
  ast::Attrs attrs;
  if (is_punct("[")) attrs = parse_attrs();
  if (cur().kind == TokKind::Identifier) {
    const std::string& w = cur().text;
    if (w == "interface" || w == "dispinterface") return parse_interface(out, std::move(attrs));
    if (w == "coclass") return parse_coclass(out, std::move(attrs));
    if (w == "module") return parse_module(out, std::move(attrs));
    if (w == "library") return parse_library(out, std::move(attrs));
    if (w == "typedef") return parse_typedef(out, std::move(attrs));
    if (starts_winrt()) return parse_winrt(out, std::move(attrs));
  }
  if (!starts_type()) {
    fail("TK5103", cur().pos, "expected a declaration, found " + describe(cur()));
  }
  parse_declaration(out, std::move(attrs), scope);
}

std::string Parser::string_literal(std::string_view context) {
  if (cur().kind != TokKind::String && cur().kind != TokKind::WideString) {
    fail_expected("a string", context);
  }
  std::string text;
  // Adjacent literals concatenate, as in C.
  while (cur().kind == TokKind::String || cur().kind == TokKind::WideString) {
    text += cur().text;
    advance();
  }
  return text;
}

void Parser::parse_import(std::vector<ast::Statement>& out) {
  ast::Import imp;
  imp.pos = cur().pos;
  advance();
  do {
    imp.files.push_back(string_literal("after 'import'"));
  } while (accept_punct(","));
  expect_punct(";", "after import");
  out.push_back({std::move(imp)});
}

void Parser::parse_importlib(std::vector<ast::Statement>& out) {
  ast::ImportLib lib;
  lib.pos = cur().pos;
  advance();
  expect_punct("(", "after 'importlib'");
  lib.file = string_literal("in importlib");
  expect_punct(")", "after the importlib file name");
  accept_punct(";");
  out.push_back({std::move(lib)});
}

void Parser::parse_cpp_quote(std::vector<ast::Statement>& out) {
  ast::CppQuote q;
  q.pos = cur().pos;
  advance();
  expect_punct("(", "after 'cpp_quote'");
  q.text = string_literal("in cpp_quote");
  expect_punct(")", "after the cpp_quote string");
  out.push_back({std::move(q)});
}

void Parser::parse_midl_pragma(std::vector<ast::Statement>& out) {
  // midl_pragma warning(disable: 2111): kept as the text after the keyword, as a #pragma is.
  ast::Pragma p;
  p.pos = cur().pos;
  advance();
  p.text = expect_ident("a pragma name", "after 'midl_pragma'");
  if (!is_punct("(")) fail_expected("'('", "after the midl_pragma name");
  int parens = 0;
  do {
    if (is_punct("(")) ++parens;
    if (is_punct(")")) --parens;
    if (cur().space_before) p.text += ' ';
    p.text += cur().kind == TokKind::String ? cur().spelling : cur().text;
    advance();
  } while (parens > 0 && !at_end() && !is_punct(";"));
  if (parens > 0) fail_expected("')'", "to close the midl_pragma arguments");
  accept_punct(";");
  out.push_back({std::move(p)});
}

}  // namespace detail

ast::File parse(const TokenStream& stream, const std::string& path, support::DiagEngine& diags) {
  detail::Parser parser(stream, diags);
  return parser.parse_file(path);
}

}  // namespace tlbkit::idl
