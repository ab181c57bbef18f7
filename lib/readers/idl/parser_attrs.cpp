// The IDL parser's attribute lists: `[uuid(…), helpstring("…"), size_is(, n), custom(guid, v)]`,
// with the few attributes whose arguments are a GUID or a type rather than expressions.
// Layer: readers.
#include <cctype>

#include "readers/idl/parser_internal.h"

namespace tlbkit::idl::detail {

namespace {

/// Attributes whose one argument is a type, not an expression.
bool takes_type(std::string_view name) {
  return name == "wire_marshal" || name == "transmit_as" || name == "user_marshal" ||
         name == "switch_type" || name == "represent_as" || name == "implicit_handle";
}

/// Attributes whose arguments are expressions (MIDL's and ODL's): a syntax error in them is
/// reported. Other attributes are kept whatever their arguments (parse_attr).
bool is_known_attr(std::string_view name) {
  static constexpr std::string_view kNames[] = {"id",
                                                "helpstring",
                                                "helpcontext",
                                                "helpfile",
                                                "helpstringdll",
                                                "helpstringcontext",
                                                "version",
                                                "lcid",
                                                "defaultvalue",
                                                "size_is",
                                                "length_is",
                                                "max_is",
                                                "min_is",
                                                "first_is",
                                                "last_is",
                                                "byte_count",
                                                "switch_is",
                                                "iid_is",
                                                "case",
                                                "range",
                                                "call_as",
                                                "dllname",
                                                "entry",
                                                "custom",
                                                "pointer_default",
                                                "endpoint",
                                                "annotation",
                                                "string",
                                                "in",
                                                "out",
                                                "retval",
                                                "optional",
                                                "propget",
                                                "propput",
                                                "propputref",
                                                "source",
                                                "default",
                                                "hidden",
                                                "restricted",
                                                "dual",
                                                "oleautomation",
                                                "nonextensible",
                                                "object",
                                                "local",
                                                "public"};
  for (std::string_view x : kNames) {
    if (Parser::same_text(name, x)) return true;
  }
  return false;
}

/// 8-4-4-4-12 hexadecimal digits.
bool is_guid_text(std::string_view s) {
  static constexpr size_t kGroups[] = {8, 4, 4, 4, 12};
  size_t i = 0;
  for (size_t g = 0; g < 5; ++g) {
    if (g > 0) {
      if (i >= s.size() || s[i] != '-') return false;
      ++i;
    }
    for (size_t n = 0; n < kGroups[g]; ++n, ++i) {
      if (i >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
    }
  }
  return i == s.size();
}

}  // namespace

ast::Attrs Parser::parse_attrs() {
  // Consecutive lists merge: `[in] [out] T *p`, `[uuid(…)] [local] interface I`.
  ast::Attrs attrs;
  while (accept_punct("[")) {
    // Empty entries are skipped, as widl does: `[object, uuid(…),]`, and wuapi.idl's `[ , …]`.
    while (!is_punct("]")) {
      if (accept_punct(",")) continue;
      attrs.push_back(parse_attr());
      if (!is_punct(",")) break;
    }
    expect_punct("]", "to close the attribute list");
  }
  return attrs;
}

ast::Attr Parser::parse_attr() {
  ast::Attr a;
  a.pos = cur().pos;
  a.name = expect_ident("an attribute name", "in attribute list");
  if (!accept_punct("(")) return a;
  if (a.name == "uuid" || a.name == "async_uuid") {
    a.args.push_back(parse_guid_arg(a.name, false));
  } else if (takes_type(a.name)) {
    a.args.push_back(parse_type_arg());
  } else if (is_known_attr(a.name)) {
    parse_attr_args(a);
  } else {
    // An attribute this parser does not know is kept for sema to judge; when its arguments
    // are not expressions, their spelling is kept instead of reporting a syntax error.
    size_t save = pos_;
    ++quiet_;
    try {
      parse_attr_args(a);
      expect_punct(")", "");
      --quiet_;
    } catch (const SyntaxError&) {
      --quiet_;
      pos_ = save;
      a.args.clear();
      a.args.push_back(raw_attr_arg());
      expect_punct(")", "to close the arguments of '" + a.name + "'");
    }
    return a;
  }
  expect_punct(")", "to close the arguments of '" + a.name + "'");
  return a;
}

void Parser::parse_attr_args(ast::Attr& a) {
  if (!is_punct(")")) {
    for (size_t i = 0;; ++i) {
      if (is_punct(",") || is_punct(")")) {  // an empty argument: size_is(, n)
        ast::Expr empty;
        empty.kind = ast::Expr::Kind::Name;
        empty.pos = cur().pos;
        a.args.push_back(std::move(empty));
      } else if (i == 0 && a.name == "custom") {
        a.args.push_back(parse_guid_arg(a.name, true));
      } else {
        a.args.push_back(parse_expr());
      }
      if (!accept_punct(",")) break;
    }
  }
}

ast::Expr Parser::raw_attr_arg() {
  ast::Expr e;
  e.kind = ast::Expr::Kind::Name;
  e.pos = cur().pos;
  int parens = 0;
  while (!at_end()) {
    if (parens == 0 && (is_punct(")") || is_punct("]") || is_punct(";"))) break;
    if (is_punct("(")) ++parens;
    if (is_punct(")")) --parens;
    if (!e.text.empty() && cur().space_before) e.text += ' ';
    bool quoted = cur().kind == TokKind::String || cur().kind == TokKind::WideString ||
                  cur().kind == TokKind::Char;
    e.text += quoted ? cur().spelling : cur().text;
    advance();
  }
  return e;
}

ast::Expr Parser::parse_guid_arg(std::string_view attr, bool until_comma) {
  ast::Expr e;
  e.kind = ast::Expr::Kind::String;
  e.pos = cur().pos;
  if (cur().kind == TokKind::String) {
    e.text = cur().text;
    advance();
  } else {
    // A bare GUID lexes as several tokens (numbers, names, '-', and pp-numbers such as
    // "0bc5e-4ef9"): rebuilt from their spelling, which must have no gap.
    bool first = true;
    while (!at_end() && !is_punct(")") && !(until_comma && is_punct(",")) && !is_punct("]") &&
           !is_punct(";")) {
      const Token& t = cur();
      bool piece =
          t.kind == TokKind::Number || t.kind == TokKind::Identifier || is_punct_tok(t, "-");
      if (!piece) break;
      if (!first && t.space_before) {
        fail("TK5106", t.pos, "unexpected space inside the GUID of '" + std::string(attr) + "'");
      }
      e.text += t.text;
      first = false;
      advance();
    }
  }
  if (!is_guid_text(e.text)) {
    fail("TK5107", e.pos,
         "malformed GUID in '" + std::string(attr) + "': expected " +
             "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX, found " +
             (e.text.empty() ? describe(cur()) : "'" + e.text + "'"));
  }
  return e;
}

ast::Expr Parser::parse_type_arg() {
  // wire_marshal(wireBSTR), switch_type(unsigned short): a Name expression spelling the type,
  // with the full type (and its abstract declarator, if any) kept alongside.
  ast::Expr e;
  e.kind = ast::Expr::Kind::Name;
  e.pos = cur().pos;
  ast::TypeSpec t = parse_type_spec();
  e.text = t.name;
  ast::Declarator d = parse_declarator(true);
  e.type.push_back(std::move(t));
  // implicit_handle(handle_t h) names a variable: its declarator keeps the name.
  if (!d.ops.empty() || !d.name.empty()) e.abstract.push_back(std::move(d));
  return e;
}

}  // namespace tlbkit::idl::detail
