// The IDL parser's constant expressions: C precedence, casts, sizeof, the conditional, and the
// member and index forms attribute arguments use (size_is(p->n), length_is(a[0])). Layer: readers.
#include "readers/idl/parser_internal.h"

namespace tlbkit::idl::detail {

namespace {

/// C binary operator precedence, higher binds tighter; 0 = not a binary operator.
int binary_precedence(const Token& t) {
  if (t.kind != TokKind::Punct || t.text.empty() || t.text.size() > 2) return 0;
  char a = t.text[0], b = t.text.size() == 2 ? t.text[1] : '\0';
  switch (a) {
    case '|':
      return b == '|' ? 1 : b == '\0' ? 3 : 0;
    case '&':
      return b == '&' ? 2 : b == '\0' ? 5 : 0;
    case '^':
      return b == '\0' ? 4 : 0;
    case '=':
    case '!':
      return b == '=' ? 6 : 0;
    case '<':
    case '>':
      return b == a ? 8 : (b == '\0' || b == '=') ? 7 : 0;
    case '+':
    case '-':
      return b == '\0' ? 9 : 0;
    case '*':
    case '/':
    case '%':
      return b == '\0' ? 10 : 0;
    default:
      return 0;
  }
}

ast::Expr make(ast::Expr::Kind kind, SourcePos pos) {
  ast::Expr e;
  e.kind = kind;
  e.pos = pos;
  return e;
}

}  // namespace

ast::Expr Parser::parse_expr() {
  DepthGuard guard(*this);
  ast::Expr cond = parse_binary(1);
  if (!is_punct("?")) return cond;
  ast::Expr e = make(ast::Expr::Kind::Conditional, cond.pos);
  e.op = "?";
  advance();
  e.operands.push_back(std::move(cond));
  e.operands.push_back(parse_expr());
  expect_punct(":", "in conditional expression");
  e.operands.push_back(parse_expr());
  return e;
}

ast::Expr Parser::parse_binary(int min_prec) {
  ast::Expr lhs = parse_unary();
  while (true) {
    int prec = binary_precedence(cur());
    if (prec < min_prec || prec == 0) return lhs;
    ast::Expr e = make(ast::Expr::Kind::Binary, lhs.pos);
    e.op = cur().text;
    advance();
    e.operands.push_back(std::move(lhs));
    e.operands.push_back(parse_binary(prec + 1));  // left-associative
    lhs = std::move(e);
  }
}

bool Parser::looks_like_cast() const {
  const Token& t1 = peek(1);
  if (t1.kind != TokKind::Identifier) return false;
  if (starts_type_at(t1)) return true;
  if (value_names_.count(t1.text) != 0) return false;
  // A name this file does not declare: `(LPVOID *)x`, `(SCRIPTTHREADID)-1`, `(ULONG)c` read as
  // casts, as they would with the SDK's types in scope.
  const Token& t2 = peek(2);
  if (is_punct_tok(t2, "*")) return true;
  if (!is_punct_tok(t2, ")")) return false;
  const Token& t3 = peek(3);
  switch (t3.kind) {
    case TokKind::Number:
    case TokKind::Identifier:
    case TokKind::String:
    case TokKind::WideString:
    case TokKind::Char:
      return true;
    case TokKind::Punct:
      return t3.text == "(" || t3.text == "-" || t3.text == "~" || t3.text == "!" || t3.text == "+";
    default:
      return false;
  }
}

ast::Expr Parser::parse_unary() {
  DepthGuard guard(*this);
  SourcePos pos = cur().pos;
  if (cur().kind == TokKind::Punct) {
    const std::string& p = cur().text;
    if (p == "-" || p == "+" || p == "~" || p == "!" || p == "*" || p == "&") {
      ast::Expr e = make(ast::Expr::Kind::Unary, pos);
      e.op = p;
      advance();
      e.operands.push_back(parse_unary());
      return e;
    }
    if (p == "(" && looks_like_cast()) {
      ast::Expr e = make(ast::Expr::Kind::Cast, pos);
      advance();
      e.type.push_back(parse_type_spec());
      ast::Declarator d = parse_declarator(true);
      if (!d.ops.empty()) e.abstract.push_back(std::move(d));
      expect_punct(")", "to close the cast");
      e.operands.push_back(parse_unary());
      return e;
    }
  }
  if (is_ident("sizeof")) {
    ast::Expr e = make(ast::Expr::Kind::Sizeof, pos);
    advance();
    if (is_punct("(") && looks_like_cast()) {
      advance();
      e.type.push_back(parse_type_spec());
      ast::Declarator d = parse_declarator(true);
      if (!d.ops.empty()) e.abstract.push_back(std::move(d));
      expect_punct(")", "to close sizeof");
    } else {
      e.operands.push_back(parse_unary());
    }
    return e;
  }
  return parse_postfix();
}

ast::Expr Parser::parse_postfix() {
  ast::Expr e = parse_primary();
  while (true) {
    // `a->b`, `a.b` and `a[i]` are Binary expressions with op "->", "." and "[]"; the member
    // name is a Name operand. `a..b` (an array range) is not a member access.
    bool dot = is_punct(".") && !is_punct_tok(peek(1), ".");
    if (is_punct("->") || dot) {
      ast::Expr m = make(ast::Expr::Kind::Binary, e.pos);
      m.op = cur().text;
      advance();
      ast::Expr name = make(ast::Expr::Kind::Name, cur().pos);
      name.text = expect_ident("a member name", "after '" + m.op + "'");
      m.operands.push_back(std::move(e));
      m.operands.push_back(std::move(name));
      e = std::move(m);
    } else if (is_punct("[")) {
      ast::Expr ix = make(ast::Expr::Kind::Binary, e.pos);
      ix.op = "[]";
      advance();
      ix.operands.push_back(std::move(e));
      ix.operands.push_back(parse_expr());
      expect_punct("]", "to close the index");
      e = std::move(ix);
    } else {
      return e;
    }
  }
}

ast::Expr Parser::parse_primary() {
  const Token& t = cur();
  switch (t.kind) {
    case TokKind::Number: {
      ast::Expr e = make(ast::Expr::Kind::Number, t.pos);
      e.text = t.text;
      advance();
      return e;
    }
    case TokKind::String:
    case TokKind::WideString: {
      ast::Expr e = make(
          t.kind == TokKind::String ? ast::Expr::Kind::String : ast::Expr::Kind::WideString, t.pos);
      // Adjacent literals concatenate; one wide piece makes the whole literal wide.
      while (cur().kind == TokKind::String || cur().kind == TokKind::WideString) {
        if (cur().kind == TokKind::WideString) e.kind = ast::Expr::Kind::WideString;
        e.text += cur().text;
        advance();
      }
      return e;
    }
    case TokKind::Char: {
      ast::Expr e = make(ast::Expr::Kind::Char, t.pos);
      e.text = t.text;
      advance();
      return e;
    }
    case TokKind::Identifier: {
      ast::Expr e = make(ast::Expr::Kind::Name, t.pos);
      e.text = t.text;
      advance();
      return e;
    }
    default:
      break;
  }
  if (accept_punct("(")) {
    ast::Expr e = parse_expr();
    expect_punct(")", "to close the parenthesised expression");
    return e;
  }
  fail_expected("an expression", "");
}

}  // namespace tlbkit::idl::detail
