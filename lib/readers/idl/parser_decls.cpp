// The IDL parser's declarations: interface, dispinterface, coclass, module, library, typedef,
// const, variables and function prototypes. Layer: readers.
#include "readers/idl/parser_internal.h"

namespace tlbkit::idl::detail {

void Parser::parse_interface(std::vector<ast::Statement>& out, ast::Attrs attrs) {
  ast::Interface itf;
  itf.pos = cur().pos;
  itf.attrs = std::move(attrs);
  itf.is_dispinterface = cur().text == "dispinterface";
  const char* kw = itf.is_dispinterface ? "after 'dispinterface'" : "after 'interface'";
  advance();
  if (cur().kind != TokKind::Identifier) fail_expected("an interface name", kw);
  itf.name = parse_dotted_name();
  type_names_.insert(itf.name);
  if (is_punct("<")) itf.generic_params = parse_generic_params();
  if (accept_punct(";")) {  // a forward declaration
    out.push_back({std::move(itf)});
    return;
  }
  if (!itf.is_dispinterface && accept_punct(":")) {
    if (cur().kind != TokKind::Identifier) fail_expected("a base interface name", "after ':'");
    itf.base = parse_dotted_name();
  }
  if (is_ident("requires")) {  // WinRT: interface I : IInspectable requires A, B<T>
    advance();
    do {
      itf.required.push_back(parse_type_spec());
    } while (accept_punct(","));
  }
  expect_punct("{", "to open the interface body");
  itf.has_body = true;
  if (itf.is_dispinterface) {
    parse_dispinterface_body(itf);
  } else {
    parse_statements(itf.body, Scope::Interface, true);
  }
  expect_punct("}", "to close the interface body");
  accept_punct(";");
  out.push_back({std::move(itf)});
}

void Parser::parse_dispinterface_body(ast::Interface& itf) {
  DepthGuard guard(*this);
  enum class Part : uint8_t { None, Properties, Methods } part = Part::None;
  while (!is_punct("}") && !at_end() && !diags_.too_many_errors()) {
    size_t start = pos_;
    try {
      if (cur().kind == TokKind::Identifier && is_punct_tok(peek(1), ":") &&
          (cur().text == "properties" || cur().text == "methods")) {
        part = cur().text == "properties" ? Part::Properties : Part::Methods;
        advance();
        advance();
        continue;
      }
      if (is_ident("interface")) {  // dispinterface D { interface I; }
        advance();
        itf.wraps = expect_ident("an interface name", "after 'interface'");
        expect_punct(";", "after the interface name");
        continue;
      }
      if (accept_punct(";")) continue;
      ast::Attrs attrs;
      if (is_punct("[")) attrs = parse_attrs();
      if (part == Part::Methods) {
        itf.methods.push_back(parse_method(std::move(attrs)));
        continue;
      }
      if (part == Part::None) {
        fail_expected("'properties:', 'methods:' or 'interface'", "in a dispinterface body");
      }
      ast::Member m;
      m.pos = cur().pos;
      m.attrs = std::move(attrs);
      m.type = parse_type_spec();
      m.decl = parse_declarator(false);
      expect_punct(";", "after property declaration");
      itf.properties.push_back(std::move(m));
    } catch (const SyntaxError&) {
      recover(start);
    }
  }
}

ast::Method Parser::parse_method(ast::Attrs attrs) {
  ast::Method m;
  m.pos = cur().pos;
  m.attrs = std::move(attrs);
  m.result = parse_type_spec();
  m.decl = parse_declarator(false);
  if (m.decl.ops.empty() || m.decl.ops.front().kind != ast::DeclOp::Kind::Function) {
    fail("TK5104", m.decl.pos, "expected a method, but '" + m.decl.name + "' is not a function");
  }
  expect_punct(";", "after method declaration");
  return m;
}

void Parser::parse_coclass(std::vector<ast::Statement>& out, ast::Attrs attrs) {
  ast::Coclass cc;
  cc.pos = cur().pos;
  cc.attrs = std::move(attrs);
  advance();
  cc.name = expect_ident("a coclass name", "after 'coclass'");
  type_names_.insert(cc.name);
  if (accept_punct(";")) {
    out.push_back({std::move(cc)});
    return;
  }
  expect_punct("{", "to open the coclass body");
  cc.has_body = true;
  while (!is_punct("}") && !at_end() && !diags_.too_many_errors()) {
    size_t start = pos_;
    try {
      ast::CoclassItem item;
      item.pos = cur().pos;
      if (is_punct("[")) item.attrs = parse_attrs();
      if (is_ident("dispinterface")) {
        item.is_dispinterface = true;
      } else if (!is_ident("interface")) {
        fail_expected("'interface' or 'dispinterface'", "in a coclass body");
      }
      advance();
      item.name = expect_ident("an interface name", "in a coclass body");
      expect_punct(";", "after the interface name");
      cc.items.push_back(std::move(item));
    } catch (const SyntaxError&) {
      recover(start);
    }
  }
  expect_punct("}", "to close the coclass body");
  accept_punct(";");
  out.push_back({std::move(cc)});
}

void Parser::parse_module(std::vector<ast::Statement>& out, ast::Attrs attrs) {
  ast::Module mod;
  mod.pos = cur().pos;
  mod.attrs = std::move(attrs);
  advance();
  mod.name = expect_ident("a module name", "after 'module'");
  expect_punct("{", "to open the module body");
  parse_statements(mod.body, Scope::Module, true);
  expect_punct("}", "to close the module body");
  accept_punct(";");
  out.push_back({std::move(mod)});
}

void Parser::parse_library(std::vector<ast::Statement>& out, ast::Attrs attrs) {
  ast::Library lib;
  lib.pos = cur().pos;
  lib.attrs = std::move(attrs);
  advance();
  lib.name = expect_ident("a library name", "after 'library'");
  expect_punct("{", "to open the library body");
  parse_statements(lib.body, Scope::Library, true);
  expect_punct("}", "to close the library body");
  accept_punct(";");
  out.push_back({std::move(lib)});
}

void Parser::parse_typedef(std::vector<ast::Statement>& out, ast::Attrs attrs) {
  ast::Typedef td;
  td.pos = cur().pos;
  td.attrs = std::move(attrs);
  advance();
  if (is_punct("[")) {
    ast::Attrs more = parse_attrs();
    for (auto& a : more) td.attrs.push_back(std::move(a));
  }
  td.type = parse_type_spec();
  do {
    td.decls.push_back(parse_declarator(false));
    type_names_.insert(td.decls.back().name);
  } while (accept_punct(","));
  expect_punct(";", "after typedef");
  out.push_back({std::move(td)});
}

namespace {

bool is_function(const ast::Declarator& d) {
  return !d.ops.empty() && d.ops.front().kind == ast::DeclOp::Kind::Function;
}

}  // namespace

void Parser::parse_declaration(std::vector<ast::Statement>& out, ast::Attrs attrs, Scope scope) {
  SourcePos pos = cur().pos;
  ast::TypeSpec type = parse_type_spec();
  if (accept_punct(";")) {  // struct tag {…}; enum tag {…}; union tag;
    if (type.kind == ast::TypeSpec::Kind::Named || type.kind == ast::TypeSpec::Kind::SafeArray) {
      fail("TK5105", pos, "declaration of type '" + type.name + "' declares nothing");
    }
    out.push_back({ast::TypeDecl{std::move(attrs), std::move(type), pos}});
    return;
  }
  ast::Declarator first = parse_declarator(false);
  if (is_function(first) && !is_punct(",") && !is_punct("=")) {
    const char* ctx =
        scope == Scope::Interface ? "after method declaration" : "after function declaration";
    expect_punct(";", ctx);
    out.push_back({ast::Method{std::move(attrs), std::move(type), std::move(first), pos}});
    return;
  }
  if (accept_punct("=")) {  // const T name = value;
    ast::Const c;
    c.pos = pos;
    c.attrs = std::move(attrs);
    c.type = std::move(type);
    // The keyword that makes this a constant is the statement's, not part of the type.
    auto& q = c.type.qualifiers;
    for (auto it = q.begin(); it != q.end(); ++it) {
      if (*it == "const") {
        q.erase(it);
        break;
      }
    }
    c.decl = std::move(first);
    c.value = parse_expr();
    value_names_.insert(c.decl.name);
    expect_punct(";", "after constant declaration");
    out.push_back({std::move(c)});
    return;
  }
  ast::Variable var;
  var.pos = pos;
  var.attrs = std::move(attrs);
  var.type = std::move(type);
  var.decls.push_back(std::move(first));
  while (accept_punct(",")) var.decls.push_back(parse_declarator(false));
  expect_punct(";", "after declaration");
  out.push_back({std::move(var)});
}

}  // namespace tlbkit::idl::detail
