// The IDL parser's types and C declarators: base types, struct/union (encapsulated and not),
// enum, SAFEARRAY, pointers, arrays, function declarators, calling conventions. Layer: readers.

#include "readers/idl/parser_internal.h"

namespace tlbkit::idl::detail {

namespace {

bool one_of(std::string_view w, std::initializer_list<std::string_view> words) {
  for (std::string_view x : words) {
    if (Parser::same_text(w, x)) return true;
  }
  return false;
}

/// Words that combine into one C base type ("unsigned long int", "long long").
bool is_base_word(std::string_view w) {
  return one_of(w, {"signed", "unsigned", "short", "long", "int", "char", "small", "hyper",
                    "__int8", "__int16", "__int32", "__int64", "__int3264", "double", "float"});
}

/// Type qualifiers and storage classes written before or after the base type.
bool is_type_qualifier(std::string_view w) {
  return one_of(w, {"const", "volatile", "extern", "static", "__const"});
}

/// Words after a '*' that qualify that pointer (MIDL and Windows header spellings).
bool is_pointer_qualifier(std::string_view w) {
  return one_of(w, {"const", "volatile", "__const", "restrict", "__restrict", "__ptr32", "__ptr64",
                    "__unaligned", "__RPC_FAR", "__RPC_far", "__far", "__near", "far", "near",
                    "__uptr", "__sptr"});
}

/// Calling conventions as the SDK spells them, recognised even where an unknown word would be
/// read otherwise (after a '*').
bool is_known_callconv(std::string_view w) {
  // clang-format off
  static constexpr std::string_view kNames[] = {
      "__stdcall", "_stdcall", "__cdecl", "_cdecl", "__fastcall", "__pascal", "__thiscall",
      "__vectorcall", "WINAPI", "WINAPIV", "CALLBACK", "APIENTRY", "STDMETHODCALLTYPE",
      "STDMETHODVCALLTYPE", "STDAPICALLTYPE", "STDAPIVCALLTYPE", "__RPC_USER", "__RPC_API",
      "__RPC_STUB", "RPC_ENTRY", "PASCAL", "CDECL", "NTAPI"};
  // clang-format on
  for (std::string_view x : kNames) {
    if (Parser::same_text(w, x)) return true;
  }
  return false;
}

/// Words that begin a statement, never a type.
bool is_statement_keyword(std::string_view w) {
  return one_of(w, {"typedef", "interface", "dispinterface", "coclass", "library", "module",
                    "import", "importlib", "cpp_quote", "midl_pragma", "case", "default"});
}

}  // namespace

bool Parser::starts_type() const {
  return cur().kind == TokKind::Identifier && !is_statement_keyword(cur().text);
}

bool Parser::starts_type_at(const Token& t) const {
  if (t.kind != TokKind::Identifier) return false;
  return is_base_word(t.text) || is_type_qualifier(t.text) ||
         one_of(t.text, {"void", "struct", "union", "enum", "SAFEARRAY", "boolean", "byte",
                         "wchar_t", "handle_t", "error_status_t"}) ||
         type_names_.count(t.text) != 0;
}

ast::TypeSpec Parser::parse_type_spec() {
  DepthGuard guard(*this);
  ast::TypeSpec t;
  t.pos = cur().pos;
  auto qualifiers = [&] {
    while (cur().kind == TokKind::Identifier && is_type_qualifier(cur().text)) {
      t.qualifiers.push_back(cur().text);
      advance();
    }
  };
  qualifiers();
  // C style `interface IFoo *p` (as in `typedef interface IFoo *LPFOO;`) names the interface.
  if (is_ident("interface") && peek(1).kind == TokKind::Identifier) advance();
  if (cur().kind != TokKind::Identifier || is_statement_keyword(cur().text)) {
    fail_expected("a type", "");
  }
  const std::string& w = cur().text;
  if (w == "struct" || w == "union") {
    t.kind = ast::TypeSpec::Kind::Record;
    t.record.push_back(parse_record());
  } else if (w == "enum") {
    t.kind = ast::TypeSpec::Kind::Enum;
    t.enumeration.push_back(parse_enum());
  } else if (w == "SAFEARRAY" && is_punct_tok(peek(1), "(")) {
    t.kind = ast::TypeSpec::Kind::SafeArray;
    t.name = "SAFEARRAY";
    advance();
    advance();
    t.element.push_back(parse_type_spec());
    ast::Declarator d = parse_declarator(true);
    if (!d.ops.empty() || !d.name.empty()) t.element_decl.push_back(std::move(d));
    expect_punct(")", "to close SAFEARRAY(");
  } else if (is_base_word(w)) {
    while (cur().kind == TokKind::Identifier && is_base_word(cur().text)) {
      if (!t.name.empty()) t.name += ' ';
      t.name += cur().text;
      advance();
      // `unsigned const long` is legal C; keep the qualifier, go on with the base type.
      qualifiers();
    }
  } else {
    t.name = parse_dotted_name();
    if (is_punct("<")) t.generic_args = parse_generic_args();
  }
  qualifiers();
  return t;
}

ast::RecordSpec Parser::parse_record() {
  ast::RecordSpec r;
  r.pos = cur().pos;
  r.is_union = cur().text == "union";
  advance();
  if (cur().kind == TokKind::Identifier && !is_ident("switch")) {
    r.tag = cur().text;
    advance();
  }
  if (r.is_union && is_ident("switch")) {  // encapsulated union
    advance();
    expect_punct("(", "after 'switch'");
    ast::Member sw;
    sw.pos = cur().pos;
    sw.type = parse_type_spec();
    sw.decl = parse_declarator(false);
    expect_punct(")", "after the switch field");
    r.switch_field.push_back(std::move(sw));
    if (cur().kind == TokKind::Identifier) {
      r.union_name = cur().text;
      advance();
    }
    if (!is_punct("{")) fail_expected("'{'", "to open the encapsulated union body");
  }
  if (accept_punct("{")) {
    r.has_body = true;
    parse_members(r.members, r.is_union);
    expect_punct("}", r.is_union ? "to close the union body" : "to close the struct body");
  } else if (r.tag.empty()) {
    fail_expected("a tag or '{'", r.is_union ? "after 'union'" : "after 'struct'");
  }
  return r;
}

void Parser::parse_members(std::vector<ast::Member>& out, bool in_union) {
  DepthGuard guard(*this);
  while (!is_punct("}") && !at_end()) {
    ast::Member proto;
    proto.pos = cur().pos;
    while (in_union) {  // case labels of an encapsulated union
      if (is_ident("case")) {
        advance();
        proto.cases.push_back(parse_expr());
        expect_punct(":", "after the case value");
      } else if (is_ident("default") && is_punct_tok(peek(1), ":")) {
        advance();
        advance();
        proto.is_default_case = true;
      } else {
        break;
      }
    }
    if (is_punct("[")) proto.attrs = parse_attrs();
    if (accept_punct(";")) {  // an empty arm: `default: ;`, `[case(0)] ;`
      out.push_back(std::move(proto));
      continue;
    }
    proto.type = parse_type_spec();
    if (accept_punct(";")) {  // an anonymous struct or union, or a bare type
      out.push_back(std::move(proto));
      continue;
    }
    do {
      ast::Member m = proto;
      if (!is_punct(":")) m.decl = parse_declarator(false);
      m.decl.pos = m.decl.name.empty() ? cur().pos : m.decl.pos;
      if (accept_punct(":")) m.decl.bits = parse_expr();  // a bit-field
      out.push_back(std::move(m));
    } while (accept_punct(","));
    expect_punct(";", "after member declaration");
  }
}

ast::EnumSpec Parser::parse_enum() {
  ast::EnumSpec e;
  e.pos = cur().pos;
  advance();
  if (cur().kind == TokKind::Identifier) {
    e.tag = cur().text;
    advance();
  }
  if (!accept_punct("{")) {
    if (e.tag.empty()) fail_expected("a tag or '{'", "after 'enum'");
    return e;
  }
  e.has_body = true;
  while (!is_punct("}")) {
    ast::Enumerator v;
    v.pos = cur().pos;
    if (is_punct("[")) v.attrs = parse_attrs();
    v.name = expect_ident("an enumerator name", "in enum");
    value_names_.insert(v.name);
    if (accept_punct("=")) v.value = parse_expr();
    e.values.push_back(std::move(v));
    if (!accept_punct(",")) break;
  }
  expect_punct("}", "to close the enum body");
  return e;
}

bool Parser::is_callconv_at(size_t ahead) const {
  const Token& t = peek(ahead);
  if (t.kind != TokKind::Identifier) return false;
  if (is_known_callconv(t.text)) return true;
  if (is_pointer_qualifier(t.text)) return false;
  // An unknown word stands for a calling convention only where C allows one:
  // `(CALLBACK *pfn)` and `HRESULT CALLBACK Name(…)`; elsewhere `int a b;` stays an error.
  const Token& next = peek(ahead + 1);
  if (is_punct_tok(next, "*")) return true;
  return next.kind == TokKind::Identifier && is_punct_tok(peek(ahead + 2), "(");
}

ast::Declarator Parser::parse_declarator(bool abstract_ok) {
  std::string unclaimed;
  return parse_declarator_inner(abstract_ok, unclaimed);
}

ast::Declarator Parser::parse_declarator_inner(bool abstract_ok, std::string& unclaimed_cc) {
  DepthGuard guard(*this);
  ast::Declarator d;
  d.pos = cur().pos;
  std::string cc;
  while (is_callconv_at(0)) {  // `(CALLBACK *pfn)`, `HRESULT __stdcall Foo(…)`
    cc = cur().text;
    advance();
  }
  std::vector<ast::DeclOp> pointers;
  while (is_punct("*")) {
    advance();
    ast::DeclOp p;
    p.kind = ast::DeclOp::Kind::Pointer;
    while (cur().kind == TokKind::Identifier && !is_known_callconv(cur().text) &&
           (is_pointer_qualifier(cur().text) || is_callconv_at(0))) {
      p.qualifiers.push_back(cur().text);
      advance();
    }
    pointers.push_back(std::move(p));
    while (cur().kind == TokKind::Identifier && is_known_callconv(cur().text)) {
      cc = cur().text;  // `void * __stdcall f(void)`
      advance();
    }
  }
  std::string pending = cc;
  if (is_punct("(")) {
    const Token& t1 = peek(1);
    bool nested = is_punct_tok(t1, "*") || is_punct_tok(t1, "(");
    if (t1.kind == TokKind::Identifier) {
      const Token& t2 = peek(2);
      nested = is_callconv_at(1) || (!abstract_ok && !starts_type_at(t1)) ||
               (is_punct_tok(t2, ")") && !starts_type_at(t1));
    }
    if (nested) {
      advance();
      std::string inner_cc;
      ast::Declarator inner = parse_declarator_inner(abstract_ok, inner_cc);
      expect_punct(")", "to close the declarator");
      d.name = std::move(inner.name);
      d.pos = inner.pos;
      d.ops = std::move(inner.ops);
      if (!inner_cc.empty()) pending = inner_cc;
    } else if (!abstract_ok) {
      fail_expected("a name", "in declarator");
    }
  } else if (cur().kind == TokKind::Identifier && !is_statement_keyword(cur().text)) {
    d.name = cur().text;
    d.pos = cur().pos;
    advance();
  } else if (!abstract_ok) {
    fail_expected("a name", "in declarator");
  }
  parse_decl_suffixes(d, pending);
  for (auto it = pointers.rbegin(); it != pointers.rend(); ++it) d.ops.push_back(std::move(*it));
  unclaimed_cc = pending;
  return d;
}

void Parser::parse_decl_suffixes(ast::Declarator& d, std::string& cc) {
  while (true) {
    if (is_punct("[")) {
      d.ops.push_back(parse_array_suffix());
    } else if (is_punct("(")) {
      ast::DeclOp f = parse_function_suffix();
      f.callconv = std::move(cc);
      cc.clear();
      d.ops.push_back(std::move(f));
    } else {
      return;
    }
  }
}

namespace {

ast::Expr number_or_name(std::string text, SourcePos pos) {
  ast::Expr e;
  bool digit = !text.empty() && text[0] >= '0' && text[0] <= '9';
  e.kind = digit ? ast::Expr::Kind::Number : ast::Expr::Kind::Name;
  e.text = std::move(text);
  e.pos = pos;
  return e;
}

}  // namespace

ast::DeclOp Parser::parse_array_suffix() {
  ast::DeclOp op;
  op.kind = ast::DeclOp::Kind::Array;
  SourcePos pos = cur().pos;
  advance();
  if (accept_punct("]")) return op;
  if (is_punct("*") && is_punct_tok(peek(1), "]")) {
    ast::Expr star;
    star.kind = ast::Expr::Kind::Name;
    star.text = "*";
    star.pos = cur().pos;
    op.size = std::move(star);
    advance();
    advance();
    return op;
  }
  ast::Expr range;
  range.kind = ast::Expr::Kind::Binary;
  range.op = "..";
  range.pos = pos;
  size_t dots = cur().kind == TokKind::Number ? cur().text.find("..") : std::string::npos;
  if (dots != std::string::npos) {
    // `[1..5]` lexes as one pp-number "1..5" (and `[0..N]` as "0..N").
    range.operands.push_back(number_or_name(cur().text.substr(0, dots), cur().pos));
    std::string rest = cur().text.substr(dots + 2);
    SourcePos p = cur().pos;
    advance();
    if (rest.empty()) {
      range.operands.push_back(parse_expr());
    } else {
      range.operands.push_back(number_or_name(std::move(rest), p));
    }
    op.size = std::move(range);
  } else {
    ast::Expr lo = parse_expr();
    bool two_dots = is_punct(".") && is_punct_tok(peek(1), ".");
    if (two_dots || is_punct("..")) {
      advance();
      if (two_dots) advance();
      range.operands.push_back(std::move(lo));
      range.operands.push_back(parse_expr());
      op.size = std::move(range);
    } else {
      op.size = std::move(lo);
    }
  }
  expect_punct("]", "to close the array bound");
  return op;
}

ast::DeclOp Parser::parse_function_suffix() {
  ast::DeclOp op;
  op.kind = ast::DeclOp::Kind::Function;
  advance();
  if (accept_punct(")")) return op;
  if (is_ident("void") && is_punct_tok(peek(1), ")")) {
    advance();
    advance();
    return op;
  }
  while (true) {
    if (accept_punct("...")) {
      op.varargs = true;
      break;
    }
    op.params.push_back(parse_param());
    if (!accept_punct(",")) break;
  }
  expect_punct(")", "to close the parameter list");
  return op;
}

ast::Param Parser::parse_param() {
  ast::Param p;
  p.pos = cur().pos;
  if (is_punct("[")) p.attrs = parse_attrs();
  p.type = parse_type_spec();
  p.decl = parse_declarator(true);
  if (p.decl.name.empty() && p.decl.ops.empty()) p.decl.pos = cur().pos;
  return p;
}

}  // namespace tlbkit::idl::detail
