// The IDL preprocessor's #if/#elif expressions: `defined`, macro expansion, then a C constant
// expression over 64-bit integers with C's signed/unsigned rules. Layer: readers.
#include <limits>

#include "readers/idl/pp_internal.h"

namespace tlbkit::idl::pp {

namespace {

struct Value {
  uint64_t bits = 0;
  bool is_unsigned = false;
  int64_t s() const { return static_cast<int64_t>(bits); }
  bool truth() const { return bits != 0; }
};

Value make_bool(bool b) { return {b ? 1u : 0u, false}; }

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

int precedence(const Token& t) {
  if (t.kind != TokKind::Punct) return 0;
  static const std::pair<const char*, int> kTable[] = {
      {"||", 1}, {"&&", 2}, {"|", 3},  {"^", 4},  {"&", 5},  {"==", 6}, {"!=", 6},
      {"<", 7},  {">", 7},  {"<=", 7}, {">=", 7}, {"<<", 8}, {">>", 8}, {"+", 9},
      {"-", 9},  {"*", 10}, {"/", 10}, {"%", 10}};
  for (const auto& [op, prec] : kTable)
    if (t.text == op) return prec;
  return 0;
}

class ExprParser {
 public:
  ExprParser(const std::vector<PPToken>& toks, const SourceMap& map, support::DiagEngine& diags,
             const SourcePos& directive)
      : t_(toks), map_(map), diags_(diags), directive_(directive) {}

  bool parse(Value& v) {
    v = comma(true);
    if (!failed_ && i_ < t_.size())
      fail(t_[i_].tok.pos, "missing binary operator before '" + token_spelling(t_[i_].tok) + "'");
    return !failed_;
  }

 private:
  bool at(const char* p) const {
    return i_ < t_.size() && t_[i_].tok.kind == TokKind::Punct && t_[i_].tok.text == p;
  }
  SourcePos here() const {
    if (i_ < t_.size()) return t_[i_].tok.pos;
    return t_.empty() ? directive_ : t_.back().tok.pos;
  }
  void fail(const SourcePos& pos, std::string msg) {
    if (!failed_) map_.error(diags_, "TK5040", pos, std::move(msg));
    failed_ = true;
  }

  /// One level of recursion (a unary operator, a '(' or a '?'): past kMaxDepth the expression
  /// fails instead of exhausting the stack (20000 nested parentheses would).
  struct Nest {
    ExprParser& p;
    explicit Nest(ExprParser& parser) : p(parser) {
      if (++p.depth_ > kMaxDepth)
        p.fail(p.here(), "#if expression nested too deeply (more than " +
                             std::to_string(kMaxDepth) + " levels)");
    }
    ~Nest() { --p.depth_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;
  };
  // As the parser's limit on nesting (parser_internal.h); far above any real #if.
  static constexpr int kMaxDepth = 200;

  Value comma(bool ev) {
    Value v = conditional(ev);
    while (!failed_ && at(",")) {
      ++i_;
      v = conditional(ev);
    }
    return v;
  }

  Value conditional(bool ev) {
    Value c = binary(1, ev);
    if (failed_ || !at("?")) return c;
    Nest nest(*this);
    if (failed_) return {};
    ++i_;
    Value a = comma(ev && c.truth());
    if (!failed_ && !at(":")) fail(here(), "expected ':' in a conditional expression");
    if (failed_) return {};
    ++i_;
    Value b = conditional(ev && !c.truth());
    Value r = c.truth() ? a : b;
    r.is_unsigned = a.is_unsigned || b.is_unsigned;
    return r;
  }

  Value binary(int min_prec, bool ev) {
    Value lhs = unary(ev);
    for (;;) {
      if (failed_ || i_ >= t_.size()) return lhs;
      int prec = precedence(t_[i_].tok);
      if (prec == 0 || prec < min_prec) return lhs;
      const Token& op = t_[i_].tok;
      ++i_;
      if (op.text == "&&") {
        Value rhs = binary(prec + 1, ev && lhs.truth());
        lhs = make_bool(lhs.truth() && rhs.truth());
      } else if (op.text == "||") {
        Value rhs = binary(prec + 1, ev && !lhs.truth());
        lhs = make_bool(lhs.truth() || rhs.truth());
      } else {
        Value rhs = binary(prec + 1, ev);
        if (failed_) return {};
        lhs = apply(op, lhs, rhs, ev);
      }
    }
  }

  Value apply(const Token& op, Value a, Value b, bool ev) {
    const std::string& o = op.text;
    bool u = a.is_unsigned || b.is_unsigned;
    if (o == "<<" || o == ">>") {
      // A shift count outside 0..63 gives 0 (or -1 for a negative value shifted right) instead
      // of C's undefined behaviour.
      bool left = o == "<<";
      int64_t n = b.is_unsigned && b.bits > 64 ? 64 : b.s();
      if (n < 0) {
        left = !left;
        n = n < -64 ? 64 : -n;
      }
      Value r{0, a.is_unsigned};
      if (left) {
        r.bits = n >= 64 ? 0 : a.bits << n;
      } else if (a.is_unsigned) {
        r.bits = n >= 64 ? 0 : a.bits >> n;
      } else {
        r.bits = static_cast<uint64_t>(n >= 64 ? (a.s() < 0 ? -1 : 0) : a.s() >> n);
      }
      return r;
    }
    if (o == "==") return make_bool(a.bits == b.bits);
    if (o == "!=") return make_bool(a.bits != b.bits);
    if (o == "<") return make_bool(u ? a.bits < b.bits : a.s() < b.s());
    if (o == ">") return make_bool(u ? a.bits > b.bits : a.s() > b.s());
    if (o == "<=") return make_bool(u ? a.bits <= b.bits : a.s() <= b.s());
    if (o == ">=") return make_bool(u ? a.bits >= b.bits : a.s() >= b.s());
    Value r{0, u};
    if (o == "+") r.bits = a.bits + b.bits;  // unsigned arithmetic wraps, as two's complement
    else if (o == "-") r.bits = a.bits - b.bits;
    else if (o == "*") r.bits = a.bits * b.bits;
    else if (o == "&") r.bits = a.bits & b.bits;
    else if (o == "|") r.bits = a.bits | b.bits;
    else if (o == "^") r.bits = a.bits ^ b.bits;
    else if (o == "/" || o == "%") {
      if (b.bits == 0) {
        if (ev) fail(op.pos, "division by zero in #if");
        return r;
      }
      bool div = o == "/";
      if (u) {
        r.bits = div ? a.bits / b.bits : a.bits % b.bits;
      } else if (a.s() == std::numeric_limits<int64_t>::min() && b.s() == -1) {
        r.bits = div ? a.bits : 0;  // the one signed division that overflows
      } else {
        r.bits = static_cast<uint64_t>(div ? a.s() / b.s() : a.s() % b.s());
      }
    }
    return r;
  }

  Value unary(bool ev) {
    if (failed_) return {};
    if (i_ >= t_.size()) {
      fail(here(), "expected a value in the #if expression");
      return {};
    }
    const Token& t = t_[i_].tok;
    if (t.kind == TokKind::Punct) {
      Nest nest(*this);  // each operator and '(' is one more level of recursion
      if (failed_) return {};
      if (t.text == "+" || t.text == "-" || t.text == "~" || t.text == "!") {
        ++i_;
        Value v = unary(ev);
        if (t.text == "-") v.bits = 0 - v.bits;
        else if (t.text == "~") v.bits = ~v.bits;
        else if (t.text == "!") v = make_bool(!v.truth());
        return v;
      }
      if (t.text == "(") {
        ++i_;
        Value v = comma(ev);
        if (!failed_ && !at(")")) fail(here(), "missing ')' in the #if expression");
        ++i_;
        return v;
      }
    }
    ++i_;
    if (t.kind == TokKind::Number) return number(t);
    if (t.kind == TokKind::Char) return character(t);
    if (t.kind == TokKind::Identifier) return {};  // an identifier that is not a macro is 0
    fail(t.pos, "'" + token_spelling(t) + "' is not valid in a #if expression");
    return {};
  }

  Value number(const Token& t) {
    std::string s = t.text;
    // Suffixes: C's u/l/ll in any combination, and MSVC's i8/i16/i32/i64.
    bool is_unsigned = false;
    for (;;) {
      if (!s.empty() && (s.back() == 'u' || s.back() == 'U')) {
        is_unsigned = true;
        s.pop_back();
      } else if (!s.empty() && (s.back() == 'l' || s.back() == 'L')) {
        s.pop_back();
      } else if (s.size() > 2 && (s.compare(s.size() - 3, 3, "i64") == 0 ||
                                  s.compare(s.size() - 3, 3, "i32") == 0 ||
                                  s.compare(s.size() - 3, 3, "i16") == 0)) {
        s.resize(s.size() - 3);
      } else if (s.size() > 2 && s.compare(s.size() - 2, 2, "i8") == 0) {
        s.resize(s.size() - 2);
      } else {
        break;
      }
    }
    unsigned base = 10;
    size_t k = 0;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
      base = 16;
      k = 2;
    } else if (s.size() > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
      base = 2;
      k = 2;
    } else if (s.size() > 1 && s[0] == '0') {
      base = 8;
      k = 1;
    }
    bool floating = s.find('.') != std::string::npos ||
                    (base != 16 && s.find_first_of("eE") != std::string::npos);
    if (floating) {
      fail(t.pos, "floating constant '" + t.text + "' in a #if expression");
      return {};
    }
    uint64_t v = 0;
    for (; k < s.size(); ++k) {
      auto d = static_cast<unsigned>(digit_value(s[k]));
      if (d >= base) {
        fail(t.pos, "invalid integer constant '" + t.text + "'");
        return {};
      }
      if (v > (std::numeric_limits<uint64_t>::max() - d) / base) {
        fail(t.pos, "integer constant '" + t.text + "' is too large");
        return {};
      }
      v = v * base + d;
    }
    // A value past the largest signed one is unsigned, as C gives it the unsigned type.
    return {v, is_unsigned || v > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())};
  }

  static Value character(const Token& t) {
    const std::string& s = t.text;
    bool wide = !t.spelling.empty() && t.spelling[0] == 'L';
    if (wide) {
      // The first UTF-8 code point.
      uint32_t cp = 0;
      if (!s.empty()) {
        auto b0 = static_cast<unsigned char>(s[0]);
        size_t n = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
        cp = n == 1 ? b0 : (b0 & (0x7Fu >> n));
        for (size_t k = 1; k < n && k < s.size(); ++k)
          cp = (cp << 6) | (static_cast<unsigned char>(s[k]) & 0x3Fu);
      }
      return {cp, false};
    }
    if (s.size() == 1)  // char is signed, as with MSVC and GCC on x86
      return {static_cast<uint64_t>(static_cast<int64_t>(static_cast<signed char>(s[0]))), false};
    uint64_t v = 0;  // a multi-character constant, as GCC and MSVC form it
    for (char c : s) v = ((v << 8) | static_cast<unsigned char>(c)) & 0xFFFFFFFFu;
    return {static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(v))), false};
  }

  const std::vector<PPToken>& t_;
  const SourceMap& map_;
  support::DiagEngine& diags_;
  SourcePos directive_;
  size_t i_ = 0;
  bool failed_ = false;
  int depth_ = 0;
};

}  // namespace

PPToken Preprocessor::defined_operator(Input& in, const PPToken& op) {
  PPToken value;
  value.tok.kind = TokKind::Number;
  value.tok.text = "0";
  value.tok.pos = op.tok.pos;
  value.tok.space_before = op.tok.space_before;
  auto is = [](const PPToken& t, const char* p) {
    return t.tok.kind == TokKind::Punct && t.tok.text == p;
  };
  PPToken name = next_raw(in);
  bool paren = is(name, "(");
  if (paren) name = next_raw(in);
  bool ok = name.tok.kind == TokKind::Identifier;
  if (ok && paren) {
    PPToken close = next_raw(in);
    ok = is(close, ")");
    if (!ok) in.pending.push_back(std::move(close));
  } else if (!ok) {
    in.pending.push_back(std::move(name));
  }
  if (!ok) {
    if (!condition_failed_)
      error(op.tok.pos, "TK5040", "operator 'defined' requires an identifier");
    condition_failed_ = true;
    return value;
  }
  if (is_defined(name.tok.text)) value.tok.text = "1";
  return value;
}

bool Preprocessor::eval_condition(Lexer& lex, const SourcePos& directive_pos) {
  std::vector<PPToken> raw;
  while (!lex.at_eol()) {
    PPToken t;
    bool bol = false;
    lex.next(t.tok, bol);
    raw.push_back(std::move(t));
  }
  if (raw.empty()) {
    error(directive_pos, "TK5040", "#if with no expression");
    return false;
  }
  in_condition_ = true;
  condition_failed_ = false;
  std::vector<PPToken> expanded = expand_list(raw);
  in_condition_ = false;
  if (condition_failed_) return false;
  ExprParser parser(expanded, out_.sources, diags_, directive_pos);
  Value v;
  return parser.parse(v) && v.truth();
}

}  // namespace tlbkit::idl::pp
