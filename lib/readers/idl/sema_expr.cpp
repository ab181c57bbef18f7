// The IDL reader's constant evaluation: C constant expressions over numbers, characters,
// strings, enumerators and `const` declarations, as attribute arguments, enum values, array
// sizes and default values need them. Layer: readers.
#include <cstdlib>
#include <limits>

#include "readers/idl/sema_internal.h"

namespace tlbkit::idl::sema {

namespace {

constexpr int kMaxDepth = 200;  // expressions nest no deeper in real files; bounds recursion

/// Parses a C integer or floating literal with its suffixes ("0x10", "10L", "1.5", "077").
std::optional<CValue> parse_number(const std::string& text) {
  CValue v;
  std::string t = text;
  bool is_hex = t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X');
  bool is_float = !is_hex && t.find_first_of(".eE") != std::string::npos;
  if (is_float) {
    while (!t.empty() && (t.back() == 'f' || t.back() == 'F' || t.back() == 'l' ||
                          t.back() == 'L')) {
      t.pop_back();
    }
    char* end = nullptr;
    v.d = std::strtod(t.c_str(), &end);
    if (end == t.c_str() || *end != '\0') return std::nullopt;
    v.is_float = true;
    v.i = static_cast<int64_t>(v.d);
    return v;
  }
  while (!t.empty() && (t.back() == 'u' || t.back() == 'U' || t.back() == 'l' || t.back() == 'L')) {
    t.pop_back();
  }
  if (t.empty()) return std::nullopt;
  int base = 10;
  size_t start = 0;
  if (is_hex) {
    base = 16;
    start = 2;
  } else if (t.size() > 1 && t[0] == '0') {
    base = 8;
    start = 1;
  }
  uint64_t x = 0;
  for (size_t i = start; i < t.size(); ++i) {
    char c = t[i];
    unsigned d;
    if (c >= '0' && c <= '9') {
      d = static_cast<unsigned>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      d = static_cast<unsigned>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      d = static_cast<unsigned>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
    if (d >= static_cast<unsigned>(base)) return std::nullopt;
    x = x * static_cast<uint64_t>(base) + d;  // wraps on overflow, as a C compiler warns
  }
  v.i = static_cast<int64_t>(x);
  return v;
}

CValue int_value(int64_t i) {
  CValue v;
  v.i = i;
  return v;
}

}  // namespace

std::optional<int64_t> Sema::eval_int(const ast::Expr& e, const Unit* u) {
  std::optional<CValue> v = eval(e, u);
  if (!v) return std::nullopt;
  if (v->is_string) {
    error(u, e.pos, "TK5210", "an integer constant is needed here, not a string");
    return std::nullopt;
  }
  return v->i;
}

std::optional<CValue> Sema::eval(const ast::Expr& e, const Unit* u, int depth) {
  if (depth > kMaxDepth) {
    error(u, e.pos, "TK5211", "constant expression nested too deeply");
    return std::nullopt;
  }
  using K = ast::Expr::Kind;
  switch (e.kind) {
    case K::Number: {
      std::optional<CValue> v = parse_number(e.text);
      if (!v) error(u, e.pos, "TK5212", "bad number '" + e.text + "'");
      return v;
    }
    case K::String:
    case K::WideString: {
      CValue v;
      v.is_string = true;
      v.s = e.text;
      return v;
    }
    case K::Char:
      return int_value(e.text.empty() ? 0 : static_cast<signed char>(e.text[0]));
    case K::Name: {
      if (e.text == "TRUE") return int_value(1);
      if (e.text == "FALSE" || e.text == "NULL") return int_value(0);
      auto it = consts_.find(e.text);
      if (it == consts_.end()) {
        error(u, e.pos, "TK5213", "undefined constant '" + e.text + "'");
        return std::nullopt;
      }
      ConstSym& c = it->second;
      if (c.value) return int_value(*c.value);
      if (c.text) {
        CValue v;
        v.is_string = true;
        v.s = *c.text;
        return v;
      }
      if (!c.expr || c.evaluating) {
        error(u, e.pos, "TK5214", "constant '" + e.text + "' depends on itself");
        return std::nullopt;
      }
      c.evaluating = true;
      std::optional<CValue> v = eval(*c.expr, c.unit, depth + 1);
      // `it` stays valid: evaluation never inserts into consts_.
      it->second.evaluating = false;
      if (v) {
        if (v->is_string) {
          it->second.text = v->s;
        } else if (!v->is_float) {
          it->second.value = v->i;
        }
      }
      return v;
    }
    case K::Cast:
    case K::Unary:
    case K::Binary:
    case K::Conditional:
    case K::Sizeof:
      break;
  }
  if (e.kind == K::Sizeof) {
    error(u, e.pos, "TK5215", "sizeof is not supported in a constant expression here");
    return std::nullopt;
  }
  std::vector<CValue> ops;
  for (const ast::Expr& o : e.operands) {
    std::optional<CValue> v = eval(o, u, depth + 1);
    if (!v) return std::nullopt;
    ops.push_back(std::move(*v));
  }
  if (e.kind == K::Cast) {
    if (ops.size() != 1) return std::nullopt;
    return ops[0];
  }
  for (const CValue& o : ops) {
    if (o.is_string) {
      error(u, e.pos, "TK5210", "operator '" + e.op + "' applied to a string");
      return std::nullopt;
    }
  }
  if (e.kind == K::Conditional) {
    if (ops.size() != 3) return std::nullopt;
    return ops[0].i ? ops[1] : ops[2];
  }
  if (e.kind == K::Unary) {
    if (ops.size() != 1) return std::nullopt;
    CValue v = ops[0];
    if (e.op == "-") {
      v.i = static_cast<int64_t>(0ULL - static_cast<uint64_t>(v.i));
      v.d = -v.d;
    } else if (e.op == "~") {
      v.i = ~v.i;
    } else if (e.op == "!") {
      v = int_value(v.i == 0 ? 1 : 0);
    } else if (e.op != "+") {
      error(u, e.pos, "TK5216", "operator '" + e.op + "' is not allowed in a constant");
      return std::nullopt;
    }
    return v;
  }
  if (ops.size() != 2) return std::nullopt;
  const uint64_t a = static_cast<uint64_t>(ops[0].i), b = static_cast<uint64_t>(ops[1].i);
  const int64_t sa = ops[0].i, sb = ops[1].i;
  const std::string& op = e.op;
  if (op == "+") return int_value(static_cast<int64_t>(a + b));
  if (op == "-") return int_value(static_cast<int64_t>(a - b));
  if (op == "*") return int_value(static_cast<int64_t>(a * b));
  if (op == "/" || op == "%") {
    if (sb == 0) {
      error(u, e.pos, "TK5217", "division by zero in a constant expression");
      return std::nullopt;
    }
    if (sa == std::numeric_limits<int64_t>::min() && sb == -1) return int_value(sa);
    return int_value(op == "/" ? sa / sb : sa % sb);
  }
  if (op == "<<") return int_value(static_cast<int64_t>(a << (b & 63)));
  if (op == ">>") return int_value(sa >> (b & 63));
  if (op == "&") return int_value(static_cast<int64_t>(a & b));
  if (op == "|") return int_value(static_cast<int64_t>(a | b));
  if (op == "^") return int_value(static_cast<int64_t>(a ^ b));
  if (op == "&&") return int_value(sa && sb);
  if (op == "||") return int_value(sa || sb);
  if (op == "==") return int_value(sa == sb);
  if (op == "!=") return int_value(sa != sb);
  if (op == "<") return int_value(sa < sb);
  if (op == ">") return int_value(sa > sb);
  if (op == "<=") return int_value(sa <= sb);
  if (op == ">=") return int_value(sa >= sb);
  error(u, e.pos, "TK5216", "operator '" + op + "' is not allowed in a constant");
  return std::nullopt;
}

}  // namespace tlbkit::idl::sema
