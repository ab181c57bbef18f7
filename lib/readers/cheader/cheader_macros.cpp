// Constants: object-like #defines of the taken headers whose tokens evaluate to an integer or a
// string (C's integer arithmetic with Windows' type widths, casts to integer types, references
// to other macros and to enumerators), and `const` variables of integer or string type. They
// become the constants of the header's module. Layer: readers.
#include <limits>

#include "readers/cheader/cheader_state.h"

namespace tlbkit::cheader::detail {

namespace m = tlbkit::model;

namespace {

constexpr int32_t kVarMemidBase = 0x40000000;  // widl's numbering of constants (cheader_decls)
constexpr int kMaxMacroDepth = 32;             // macro references nest; a cycle stops here

struct Tok {
  CXTokenKind kind;
  std::string text;
};

std::vector<Tok> tokens_of(CXTranslationUnit tu, CXSourceRange range) {
  Tokens t(tu, range);
  std::vector<Tok> out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    if (t.kind(i) != CXToken_Comment) out.push_back({t.kind(i), t.text(i)});
  }
  return out;
}

/// A value narrowed to C's type: 32-bit int/unsigned, or 64-bit.
IntValue normalize(IntValue x) {
  if (!x.is_64) {
    auto u = static_cast<uint32_t>(static_cast<uint64_t>(x.v));
    x.v = x.is_unsigned ? static_cast<int64_t>(u) : static_cast<int64_t>(static_cast<int32_t>(u));
  }
  return x;
}

void append_utf8(std::string& out, uint32_t cp) {
  // Past Unicode, or a lone surrogate: the replacement character.
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// The text of a quoted literal body with C's escapes decoded, as UTF-8 (an escaped code is
/// taken as a code point). nullopt on a malformed escape.
std::optional<std::string> unescape(std::string_view body) {
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i >= body.size()) return std::nullopt;
    char e = body[i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '\\': case '\'': case '"': case '?': out += e; break;
      case 'x': case 'u': case 'U': {
        uint32_t cp = 0;
        size_t max = e == 'x' ? 8 : e == 'u' ? 4 : 8, n = 0;
        while (n < max && i + 1 < body.size() && hex_digit(body[i + 1]) >= 0) {
          cp = cp * 16 + static_cast<uint32_t>(hex_digit(body[++i]));
          ++n;
        }
        if (n == 0) return std::nullopt;
        append_utf8(out, cp);
        break;
      }
      default: {
        if (e < '0' || e > '7') return std::nullopt;
        uint32_t cp = static_cast<uint32_t>(e - '0');
        for (int n = 1; n < 3 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7';
             ++n) {
          cp = cp * 8 + static_cast<uint32_t>(body[++i] - '0');
        }
        append_utf8(out, cp);
      }
    }
  }
  return out;
}

/// True for well-formed UTF-8 (the model's text); a literal with other bytes is no constant.
bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = 0;  // continuation bytes
    if (c >= 0x80) {
      if ((c & 0xe0) == 0xc0) n = 1;
      else if ((c & 0xf0) == 0xe0) n = 2;
      else if ((c & 0xf8) == 0xf0) n = 3;
      else return false;
    }
    if (s.size() - i - 1 < n) return false;
    for (size_t k = 1; k <= n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return false;
    }
    i += n + 1;
  }
  return true;
}

/// A string literal's prefix (L, u8, u, U or none) and decoded text.
std::optional<std::pair<std::string, std::string>> string_literal(const std::string& t) {
  size_t q = t.find('"');
  if (q == std::string::npos || q > 2 || t.size() < q + 2 || t.back() != '"') return std::nullopt;
  std::string prefix = t.substr(0, q);
  if (!prefix.empty() && prefix != "L" && prefix != "u8" && prefix != "u" && prefix != "U")
    return std::nullopt;
  auto text = unescape(std::string_view(t).substr(q + 1, t.size() - q - 2));
  if (!text || !valid_utf8(*text)) return std::nullopt;
  return std::make_pair(prefix, *text);
}

/// An integer literal with its C type (Windows' widths: long is 32 bits).
std::optional<IntValue> int_literal(const std::string& t) {
  size_t end = t.size();
  bool u = false;
  int longs = 0;
  bool i64 = false;
  std::string lower;
  for (char c : t) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.size() > 3 && lower.compare(lower.size() - 3, 3, "i64") == 0) {
    i64 = true;
    end -= 3;
    if (end > 0 && lower[end - 1] == 'u') {
      u = true;
      --end;
    }
  }
  while (end > 0 && (lower[end - 1] == 'u' || lower[end - 1] == 'l')) {
    if (lower[end - 1] == 'u') u = true; else ++longs;
    --end;
  }
  std::string_view digits(lower.data(), end);
  int base = 10;
  size_t i = 0;
  if (digits.size() > 2 && digits[0] == '0' && digits[1] == 'x') {
    base = 16;
    i = 2;
  } else if (digits.size() > 2 && digits[0] == '0' && digits[1] == 'b') {
    base = 2;
    i = 2;
  } else if (digits.size() > 1 && digits[0] == '0') {
    base = 8;
    i = 1;
  }
  if (i >= digits.size()) {
    if (digits != "0") return std::nullopt;
  }
  uint64_t v = 0;
  for (; i < digits.size(); ++i) {
    int d = hex_digit(digits[i]);
    if (d < 0 || d >= base) return std::nullopt;  // a float, or not a number
    if (v > (std::numeric_limits<uint64_t>::max() - static_cast<uint64_t>(d)) /
                static_cast<uint64_t>(base))
      return std::nullopt;  // too big for any C integer type
    v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  IntValue out;
  out.v = static_cast<int64_t>(v);
  // C's rules: the first of int, unsigned (not for a decimal without u), long long, unsigned
  // long long that holds the value; `u` drops the signed ones, `ll`/`i64` the 32-bit ones.
  bool wide = longs >= 2 || i64;
  if (!wide && !u && v <= 0x7fffffffULL) return out;
  if (!wide && (u || base != 10) && v <= 0xffffffffULL) {
    out.is_unsigned = true;
    return out;
  }
  out.is_64 = true;
  out.is_unsigned = u || v > 0x7fffffffffffffffULL;
  return out;
}

std::optional<IntValue> char_literal(const std::string& t) {
  size_t q = t.find('\'');
  if (q == std::string::npos || t.size() < q + 3 || t.back() != '\'') return std::nullopt;
  auto text = unescape(std::string_view(t).substr(q + 1, t.size() - q - 2));
  if (!text || text->empty()) return std::nullopt;
  auto ch = static_cast<unsigned char>(text->front());
  // A plain char literal is an int holding a (signed) char; a wide one its code unit.
  IntValue out;
  out.v = q == 0 ? static_cast<int64_t>(static_cast<signed char>(ch)) : static_cast<int64_t>(ch);
  return out;
}

/// The evaluator: C's constant expressions over one macro's tokens.
class Evaluator {
 public:
  Evaluator(Context& cx, std::vector<Tok> toks, int depth)
      : cx_(cx), toks_(std::move(toks)), depth_(depth) {}

  std::optional<IntValue> integer() {
    std::optional<IntValue> v = conditional();
    if (!v || pos_ != toks_.size()) return std::nullopt;
    return v;
  }

 private:
  const Tok* peek() const { return pos_ < toks_.size() ? &toks_[pos_] : nullptr; }
  bool accept(std::string_view p) {
    const Tok* t = peek();
    if (t && t->kind == CXToken_Punctuation && t->text == p) {
      ++pos_;
      return true;
    }
    return false;
  }

  std::optional<IntValue> conditional() {
    std::optional<IntValue> c = binary(0);
    if (!c || !accept("?")) return c;
    std::optional<IntValue> a = conditional();
    if (!a || !accept(":")) return std::nullopt;
    std::optional<IntValue> b = conditional();
    if (!b) return std::nullopt;
    return c->v != 0 ? a : b;
  }

  static int precedence(std::string_view op) {
    static const std::pair<std::string_view, int> kOps[] = {
        {"||", 1}, {"&&", 2}, {"|", 3},  {"^", 4},  {"&", 5},  {"==", 6}, {"!=", 6},
        {"<", 7},  {">", 7},  {"<=", 7}, {">=", 7}, {"<<", 8}, {">>", 8}, {"+", 9},
        {"-", 9},  {"*", 10}, {"/", 10}, {"%", 10}};
    for (const auto& [o, p] : kOps) {
      if (op == o) return p;
    }
    return -1;
  }

  std::optional<IntValue> binary(int min_prec) {
    std::optional<IntValue> lhs = unary();
    while (lhs) {
      const Tok* t = peek();
      if (!t || t->kind != CXToken_Punctuation) break;
      int p = precedence(t->text);
      if (p < 0 || p < min_prec) break;
      std::string op = t->text;
      ++pos_;
      std::optional<IntValue> rhs = binary(p + 1);
      if (!rhs) return std::nullopt;
      lhs = apply(op, *lhs, *rhs);
    }
    return lhs;
  }

  static std::optional<IntValue> apply(const std::string& op, IntValue a, IntValue b) {
    IntValue r;
    if (op == "<<" || op == ">>") {
      r = a;  // the left operand's type
      if (b.v < 0 || b.v >= (a.is_64 ? 64 : 32)) return std::nullopt;
      auto ua = static_cast<uint64_t>(a.v);
      if (op == "<<") {
        r.v = static_cast<int64_t>(ua << b.v);
      } else {
        r.v = a.is_unsigned ? static_cast<int64_t>(ua >> b.v) : a.v >> b.v;
      }
      return normalize(r);
    }
    // The usual arithmetic conversions with int 32 and long long 64 bits.
    r.is_64 = a.is_64 || b.is_64;
    if (a.is_64 == b.is_64) {
      r.is_unsigned = a.is_unsigned || b.is_unsigned;
    } else {
      r.is_unsigned = a.is_64 ? a.is_unsigned : b.is_unsigned;
    }
    a.is_64 = b.is_64 = r.is_64;
    a.is_unsigned = b.is_unsigned = r.is_unsigned;
    a = normalize(a);
    b = normalize(b);
    auto ua = static_cast<uint64_t>(a.v), ub = static_cast<uint64_t>(b.v);
    bool cmp = false;
    int64_t cv = 0;
    if (op == "+") r.v = static_cast<int64_t>(ua + ub);
    else if (op == "-") r.v = static_cast<int64_t>(ua - ub);
    else if (op == "*") r.v = static_cast<int64_t>(ua * ub);
    else if (op == "/" || op == "%") {
      if (ub == 0) return std::nullopt;
      if (r.is_unsigned) {
        r.v = static_cast<int64_t>(op == "/" ? ua / ub : ua % ub);
      } else {
        if (b.v == -1 && a.v == std::numeric_limits<int64_t>::min()) return std::nullopt;
        r.v = op == "/" ? a.v / b.v : a.v % b.v;
      }
    } else if (op == "&") r.v = static_cast<int64_t>(ua & ub);
    else if (op == "|") r.v = static_cast<int64_t>(ua | ub);
    else if (op == "^") r.v = static_cast<int64_t>(ua ^ ub);
    else {
      cmp = true;
      bool lt = r.is_unsigned ? ua < ub : a.v < b.v;
      bool eq = ua == ub;
      if (op == "==") cv = eq;
      else if (op == "!=") cv = !eq;
      else if (op == "<") cv = lt;
      else if (op == ">") cv = !lt && !eq;
      else if (op == "<=") cv = lt || eq;
      else if (op == ">=") cv = !lt;
      else if (op == "&&") cv = a.v != 0 && b.v != 0;
      else if (op == "||") cv = a.v != 0 || b.v != 0;
      else return std::nullopt;
    }
    if (cmp) return IntValue{cv, false, false};
    return normalize(r);
  }

  /// `(type)` ahead: the integer type's (size, signed); nullopt when the parentheses hold no
  /// integer type name (an expression, or a cast to a pointer, which is no integer constant).
  std::optional<std::pair<int, bool>> cast_type() {
    size_t i = pos_;
    std::vector<std::string> words;
    while (i < toks_.size() && (toks_[i].kind == CXToken_Identifier ||
                                toks_[i].kind == CXToken_Keyword)) {
      words.push_back(toks_[i].text);
      ++i;
    }
    if (words.empty() || i >= toks_.size() || toks_[i].text != ")") return std::nullopt;
    std::optional<std::pair<int, bool>> type;
    if (words.size() == 1) {
      auto it = cx_.state->int_typedefs.find(words.front());
      if (it != cx_.state->int_typedefs.end() && !cx_.state->macros.count(words.front())) {
        type = it->second;
      }
    }
    if (!type) {
      bool is_unsigned = false, any = false;
      int longs = 0, size = 4;
      for (const std::string& w : words) {
        if (w == "unsigned") { is_unsigned = true; any = true; }
        else if (w == "signed" || w == "const" || w == "volatile") any = any || w == "signed";
        else if (w == "int" || w == "__int32") any = true;
        else if (w == "long") { ++longs; any = true; }
        else if (w == "short" || w == "__int16") { size = 2; any = true; }
        else if (w == "char" || w == "__int8") { size = 1; any = true; }
        else if (w == "__int64") { size = 8; any = true; }
        else return std::nullopt;
      }
      if (!any) return std::nullopt;
      if (longs >= 2) size = 8;
      type = std::make_pair(size, !is_unsigned);
    }
    pos_ = i + 1;
    return type;
  }

  std::optional<IntValue> unary() {
    const Tok* t = peek();
    // Parentheses and unary operators nest by recursion: bounded, so a hostile macro cannot
    // exhaust the stack.
    if (!t || nesting_ > kMaxNesting) return std::nullopt;
    struct Nest {
      int& n;
      explicit Nest(int& x) : n(x) { ++n; }
      ~Nest() { --n; }
    } nest(nesting_);
    if (t->kind == CXToken_Punctuation) {
      std::string op = t->text;
      if (op == "(") {
        ++pos_;
        if (auto type = cast_type()) {
          std::optional<IntValue> v = unary();
          if (!v) return std::nullopt;
          return cast(*v, type->first, type->second);
        }
        std::optional<IntValue> v = conditional();
        if (!v || !accept(")")) return std::nullopt;
        return v;
      }
      if (op == "-" || op == "+" || op == "~" || op == "!") {
        ++pos_;
        std::optional<IntValue> v = unary();
        if (!v) return std::nullopt;
        if (op == "-") v->v = static_cast<int64_t>(0 - static_cast<uint64_t>(v->v));
        if (op == "~") v->v = ~v->v;
        if (op == "!") return IntValue{v->v == 0, false, false};
        return normalize(*v);
      }
      return std::nullopt;
    }
    ++pos_;
    if (t->kind == CXToken_Literal) {
      if (t->text.find('\'') != std::string::npos) return char_literal(t->text);
      return int_literal(t->text);
    }
    if (t->kind == CXToken_Keyword && (t->text == "true" || t->text == "false")) {
      return IntValue{t->text == "true", false, false};
    }
    if (t->kind == CXToken_Identifier) return name(t->text);
    return std::nullopt;
  }

  static IntValue cast(IntValue v, int size, bool is_signed) {
    auto u = static_cast<uint64_t>(v.v);
    if (size < 8) {
      uint64_t mask = (uint64_t{1} << (size * 8)) - 1;
      u &= mask;
      if (is_signed && (u >> (size * 8 - 1)) != 0) u |= ~mask;
    }
    IntValue r{static_cast<int64_t>(u), false, false};
    if (size == 8) {
      r.is_64 = true;
      r.is_unsigned = !is_signed;
    } else if (size == 4) {
      r.is_unsigned = !is_signed;
    }
    return normalize(r);  // narrower types promote to int
  }

  std::optional<IntValue> name(const std::string& n) {
    State& st = *cx_.state;
    if (auto it = st.ints.find(n); it != st.ints.end()) return it->second;
    auto mac = st.macros.find(n);
    if (mac == st.macros.end() || depth_ >= kMaxMacroDepth) return std::nullopt;
    std::vector<Tok> body = tokens_of(cx_.tu, clang_getCursorExtent(mac->second));
    if (body.size() < 2) return std::nullopt;
    body.erase(body.begin());
    return Evaluator(cx_, std::move(body), depth_ + 1).integer();
  }

  using State = Context::State;
  Context& cx_;
  std::vector<Tok> toks_;
  int depth_;
  size_t pos_ = 0;
  int nesting_ = 0;
  static constexpr int kMaxNesting = 256;
};

/// Adjacent string literals (optionally in parentheses): (wide, text).
std::optional<std::pair<bool, std::string>> string_value(const std::vector<Tok>& toks) {
  size_t b = 0, e = toks.size();
  while (e - b >= 2 && toks[b].text == "(" && toks[e - 1].text == ")") {
    ++b;
    --e;
  }
  if (b >= e) return std::nullopt;
  bool wide = false;
  std::string text;
  for (size_t i = b; i < e; ++i) {
    if (toks[i].kind != CXToken_Literal) return std::nullopt;
    auto lit = string_literal(toks[i].text);
    if (!lit) return std::nullopt;
    if (!lit->first.empty() && lit->first != "u8") wide = true;
    text += lit->second;
  }
  return std::make_pair(wide, text);
}

m::Value int_value(IntValue v) {
  if (v.is_64) return m::Value{v.is_unsigned ? m::vt::UI8 : m::vt::I8, v.v};
  return m::Value{v.is_unsigned ? m::vt::UI4 : m::vt::I4, v.v};
}

void add_constant(Context& cx, const std::string& name, m::TypeRef type, m::Value value) {
  if (!cx.state->members.insert("c:" + name).second) return;
  // With one DLL for every function (--dll and no map), its module is the header's only one and
  // takes the constants too; otherwise they have a module of their own, named after the header.
  m::ModuleDef& mod = module_for(cx, cx.opts.dll_rules.empty() ? cx.opts.dll : std::string());
  m::Variable v;
  v.name = name;
  v.memid = kVarMemidBase + static_cast<int32_t>(mod.constants.size());
  v.varkind = m::VarKind::Const;
  v.type = std::move(type);
  v.value = std::move(value);
  mod.constants.push_back(std::move(v));
}

}  // namespace

void read_macro(Context& cx, CXCursor def, bool taken) {
  std::string name = spelling(def);
  cx.state->macros[name] = def;
  if (!taken) return;
  std::vector<Tok> toks = tokens_of(cx.tu, clang_getCursorExtent(def));
  if (toks.size() < 2) return;  // `#define GUARD_H`: no value
  toks.erase(toks.begin());
  if (auto s = string_value(toks)) {
    uint16_t vt = s->first ? m::vt::LpWStr : m::vt::LpStr;
    add_constant(cx, name, m::TypeRef::base(vt), m::Value{vt, s->second});
    return;
  }
  if (std::optional<IntValue> v = Evaluator(cx, std::move(toks), 0).integer()) {
    cx.state->ints[name] = *v;
    m::Value value = int_value(*v);
    add_constant(cx, name, m::TypeRef::base(value.vt), std::move(value));
  }
}

void read_const_var(Context& cx, CXCursor var) {
  CXType type = clang_getCursorType(var);
  CXType canon = clang_getCanonicalType(type);
  CXCursor init = clang_Cursor_getVarDeclInitializer(var);
  if (clang_Cursor_isNull(init)) return;  // `extern const IID IID_IFoo;` and the like
  std::string name = spelling(var);
  bool is_const = clang_isConstQualifiedType(canon) != 0;
  CXTypeKind k = canon.kind;
  if (k == CXType_Pointer || k == CXType_ConstantArray || k == CXType_IncompleteArray) {
    CXType elem = clang_getCanonicalType(k == CXType_Pointer ? clang_getPointeeType(canon)
                                                             : clang_getArrayElementType(canon));
    bool chars = elem.kind == CXType_Char_S || elem.kind == CXType_SChar ||
                 elem.kind == CXType_WChar || elem.kind == CXType_Char16;
    // clang may show an array's const on the array type rather than on its elements.
    if (!chars || !(clang_isConstQualifiedType(elem) || (k != CXType_Pointer && is_const))) return;
    std::vector<Tok> toks = tokens_of(cx.tu, clang_getCursorExtent(init));
    if (auto s = string_value(toks)) {
      uint16_t vt = elem.kind == CXType_Char_S || elem.kind == CXType_SChar ? m::vt::LpStr
                                                                            : m::vt::LpWStr;
      add_constant(cx, name, m::TypeRef::base(vt), m::Value{vt, s->second});
    }
    return;
  }
  bool integral = (k >= CXType_Char_U && k <= CXType_Int128) || k == CXType_Enum;
  if (!is_const || !integral) return;
  CXEvalResult r = clang_Cursor_Evaluate(init);
  if (r == nullptr) return;
  if (clang_EvalResult_getKind(r) == CXEval_Int) {
    IntValue v;
    v.is_unsigned = clang_EvalResult_isUnsignedInt(r) != 0;
    v.v = v.is_unsigned ? static_cast<int64_t>(clang_EvalResult_getAsUnsigned(r))
                        : clang_EvalResult_getAsLongLong(r);
    v.is_64 = clang_Type_getSizeOf(canon) == 8;
    v = normalize(v);
    cx.state->ints[name] = v;
    add_constant(cx, name, cx.map_type(type), int_value(v));
  }
  clang_EvalResult_dispose(r);
}

}  // namespace tlbkit::cheader::detail
