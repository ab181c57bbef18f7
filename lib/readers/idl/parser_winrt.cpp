// The IDL parser's WinRT declarations (Wine's windows.*.idl): namespaces, runtimeclass,
// delegate, apicontract, declare blocks, dotted names and type arguments. Layer: readers.
#include "readers/idl/parser_internal.h"

namespace tlbkit::idl::detail {

bool Parser::starts_winrt() const {
  if (cur().kind != TokKind::Identifier) return false;
  const std::string& w = cur().text;
  const Token& next = peek(1);
  if (w == "declare") return is_punct_tok(next, "{");
  if (next.kind != TokKind::Identifier) return false;
  return w == "namespace" || w == "runtimeclass" || w == "delegate" || w == "apicontract";
}

std::string Parser::parse_dotted_name() {
  std::string name = expect_ident("a name", "");
  while (is_punct(".") && peek(1).kind == TokKind::Identifier) {
    advance();
    name += '.';
    name += cur().text;
    advance();
  }
  return name;
}

std::vector<ast::Param> Parser::parse_generic_args() {
  DepthGuard guard(*this);
  std::vector<ast::Param> args;
  advance();  // '<'
  do {
    ast::Param p;
    p.pos = cur().pos;
    p.type = parse_type_spec();
    p.decl = parse_declarator(true);
    args.push_back(std::move(p));
  } while (accept_punct(","));
  expect_punct(">", "to close the type arguments");
  return args;
}

std::vector<std::string> Parser::parse_generic_params() {
  std::vector<std::string> params;
  advance();  // '<'
  do {
    params.push_back(expect_ident("a type parameter name", "in '<…>'"));
    type_names_.insert(params.back());
  } while (accept_punct(","));
  expect_punct(">", "to close the type parameters");
  return params;
}

void Parser::parse_winrt(std::vector<ast::Statement>& out, ast::Attrs attrs) {
  ast::Winrt w;
  w.pos = cur().pos;
  w.attrs = std::move(attrs);
  const std::string kw = cur().text;
  advance();
  if (kw == "delegate") {
    w.kind = ast::Winrt::Kind::Delegate;
    parse_delegate(w);
  } else if (kw == "declare") {
    w.kind = ast::Winrt::Kind::Declare;
    parse_declare(w);
  } else {
    w.name = parse_dotted_name();
    type_names_.insert(w.name);
    if (kw == "runtimeclass") {
      w.kind = ast::Winrt::Kind::RuntimeClass;
      parse_runtimeclass(w);
    } else {
      w.kind = kw == "namespace" ? ast::Winrt::Kind::Namespace : ast::Winrt::Kind::ApiContract;
      expect_punct("{", ("to open the " + kw + " body").c_str());
      w.has_body = true;
      parse_statements(w.body, Scope::Library, true);
      expect_punct("}", ("to close the " + kw + " body").c_str());
      accept_punct(";");
    }
  }
  out.push_back({std::move(w)});
}

void Parser::parse_runtimeclass(ast::Winrt& w) {
  if (accept_punct(";")) return;  // forward
  expect_punct("{", "to open the runtimeclass body");
  w.has_body = true;
  while (!is_punct("}") && !at_end() && !diags_.too_many_errors()) {
    size_t start = pos_;
    try {
      ast::CoclassItem item;
      item.pos = cur().pos;
      if (is_punct("[")) item.attrs = parse_attrs();
      if (!is_ident("interface")) fail_expected("'interface'", "in a runtimeclass body");
      advance();
      ast::TypeSpec t = parse_type_spec();
      item.name = t.name;
      expect_punct(";", "after the interface name");
      w.items.push_back(std::move(item));
    } catch (const SyntaxError&) {
      recover(start);
    }
  }
  expect_punct("}", "to close the runtimeclass body");
  accept_punct(";");
}

void Parser::parse_delegate(ast::Winrt& w) {
  ast::Method m;
  m.pos = cur().pos;
  m.result = parse_type_spec();
  m.decl.pos = cur().pos;
  m.decl.name = expect_ident("a delegate name", "");
  w.name = m.decl.name;
  type_names_.insert(w.name);
  if (is_punct("<")) w.generic_params = parse_generic_params();
  if (!is_punct("(")) fail_expected("'('", "after the delegate name");
  m.decl.ops.push_back(parse_function_suffix());
  expect_punct(";", "after delegate declaration");
  w.signature.push_back(std::move(m));
}

void Parser::parse_declare(ast::Winrt& w) {
  expect_punct("{", "to open the declare block");
  w.has_body = true;
  while (!is_punct("}") && !at_end() && !diags_.too_many_errors()) {
    size_t start = pos_;
    try {
      if (is_ident("interface")) {  // interface Windows.Foundation.IReference<INT32>;
        advance();
        w.instances.push_back(parse_type_spec());
        expect_punct(";", "after the interface instance");
      } else {
        parse_statement(w.body, Scope::Library);
      }
    } catch (const SyntaxError&) {
      recover(start);
    }
  }
  expect_punct("}", "to close the declare block");
  accept_punct(";");
}

}  // namespace tlbkit::idl::detail
