// The IDL preprocessor's macros: #define, and expansion by the C rules — arguments expanded
// before substitution, # and ##, __VA_ARGS__; a macro is disabled while its expansion is
// rescanned (an end marker below the expansion enables it again), and its name met meanwhile is
// marked never to expand, so expansion always ends (the C rule, as GCC implements it).
// Layer: readers.
#include <algorithm>

#include "readers/idl/pp_internal.h"

namespace tlbkit::idl::pp {

namespace {
bool is_punct(const Token& t, const char* s) { return t.kind == TokKind::Punct && t.text == s; }

std::string quote(const std::string& s) {
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') q += '\\';
    q += c;
  }
  return q + "\"";
}

bool same_definition(const Macro& a, const Macro& b) {
  if (a.function_like != b.function_like || a.variadic != b.variadic || a.params != b.params ||
      a.builtin != b.builtin || a.body.size() != b.body.size())
    return false;
  for (size_t i = 0; i < a.body.size(); ++i) {
    const Token& x = a.body[i].tok;
    const Token& y = b.body[i].tok;
    if (x.kind != y.kind || token_spelling(x) != token_spelling(y) ||
        (i > 0 && x.space_before != y.space_before))
      return false;
  }
  return true;
}
}  // namespace

// ---- definitions ----

void Preprocessor::define_text(const std::string& spec) {
  Lexer lex(spec, 0, nullptr, nullptr);
  define(lex, {}, true);
}

void Preprocessor::define(Lexer& lex, const SourcePos& where, bool from_command_line) {
  auto fail = [&](const SourcePos& pos, std::string msg) {
    if (from_command_line)
      diags_.error("TK5020", support::Location::in_file("<command line>"), std::move(msg));
    else
      error(pos, "TK5020", std::move(msg));
    lex.skip_line();
  };
  bool bol = false;
  if (lex.at_eol()) return fail(where, "no macro name given in #define directive");
  Token name;
  lex.next(name, bol);
  if (name.kind != TokKind::Identifier) return fail(name.pos, "macro names must be identifiers");
  if (name.text == "defined") return fail(name.pos, "'defined' cannot be used as a macro name");
  auto m = std::make_shared<Macro>();
  Token t;
  bool have = !lex.at_eol();
  if (have) lex.next(t, bol);
  if (have && is_punct(t, "(") && !t.space_before) {
    m->function_like = true;
    for (bool first = true;; first = false) {
      if (lex.at_eol()) return fail(t.pos, "missing ')' in macro parameter list");
      Token p;
      lex.next(p, bol);
      if (first && is_punct(p, ")")) break;
      if (is_punct(p, "...")) {
        m->variadic = true;
        m->params.push_back("__VA_ARGS__");
      } else if (p.kind == TokKind::Identifier && p.text != "__VA_ARGS__") {
        if (std::find(m->params.begin(), m->params.end(), p.text) != m->params.end())
          return fail(p.pos, "duplicate macro parameter '" + p.text + "'");
        m->params.push_back(p.text);
      } else {
        return fail(p.pos, "expected a parameter name in the macro parameter list");
      }
      if (lex.at_eol()) return fail(p.pos, "missing ')' in macro parameter list");
      Token sep;
      lex.next(sep, bol);
      if (!m->variadic && is_punct(sep, "...")) {  // GNU "name..."
        m->variadic = true;
        if (lex.at_eol()) return fail(sep.pos, "missing ')' in macro parameter list");
        lex.next(sep, bol);
      }
      if (is_punct(sep, ")")) break;
      if (m->variadic || !is_punct(sep, ","))
        return fail(sep.pos, "expected ',' or ')' in the macro parameter list");
    }
    have = !lex.at_eol();
    if (have) lex.next(t, bol);
  }
  while (have) {
    Macro::Item item{t, -1};
    if (m->function_like && t.kind == TokKind::Identifier) {
      auto it = std::find(m->params.begin(), m->params.end(), t.text);
      if (it != m->params.end()) item.param = static_cast<int>(it - m->params.begin());
    }
    m->body.push_back(std::move(item));
    have = !lex.at_eol();
    if (have) lex.next(t, bol);
  }
  if (!m->body.empty()) {
    m->body.front().tok.space_before = false;
    if (is_punct(m->body.front().tok, "##") || is_punct(m->body.back().tok, "##")) {
      if (from_command_line) return fail(where, "'##' cannot appear at either end of a macro");
      error(m->body.front().tok.pos, "TK5025", "'##' cannot appear at either end of a macro");
      return;
    }
  }
  if (m->function_like)
    for (size_t i = 0; i < m->body.size(); ++i)
      if (is_punct(m->body[i].tok, "#") && (i + 1 == m->body.size() || m->body[i + 1].param < 0)) {
        if (from_command_line) return fail(where, "'#' is not followed by a macro parameter");
        error(m->body[i].tok.pos, "TK5025", "'#' is not followed by a macro parameter");
        return;
      }
  auto old = macros_.find(name.text);
  if (old != macros_.end() && !same_definition(*old->second, *m)) {
    if (from_command_line)
      diags_.warning("TK5021", support::Location::in_file("<command line>"),
                     "'" + name.text + "' redefined");
    else
      warning(name.pos, "TK5021", "'" + name.text + "' redefined");
  }
  if (old != macros_.end()) retired_.push_back(std::move(old->second));
  name_bits_[name_bit(name.text)] = true;
  macros_[name.text] = std::move(m);
}

void Preprocessor::undefine(const std::string& name) {
  auto it = macros_.find(name);
  if (it == macros_.end()) return;
  retired_.push_back(std::move(it->second));
  macros_.erase(it);
}

void Preprocessor::define_builtins() {
  for (auto [name, kind] : {std::pair{"__FILE__", Builtin::File}, {"__LINE__", Builtin::Line}}) {
    auto m = std::make_shared<Macro>();
    m->builtin = kind;
    name_bits_[name_bit(name)] = true;
    macros_[name] = std::move(m);
  }
}

// ---- expansion ----

bool Preprocessor::charge(size_t tokens, const SourcePos& pos) {
  work_ += tokens;
  if (work_ <= kMaxExpansionWork) return true;
  if (!work_exceeded_)
    error(pos, "TK5026",
          "macro expansion too large (more than " + std::to_string(kMaxExpansionWork) +
              " tokens); macros are no longer expanded");
  work_exceeded_ = true;
  return false;
}

bool Preprocessor::charge_bytes(const PPToken& t, const SourcePos& pos) {
  expansion_bytes_ += sizeof(PPToken) + t.tok.text.size() + t.tok.spelling.size();
  if (expansion_bytes_ <= kMaxExpansionBytes) return !work_exceeded_;
  if (!work_exceeded_)
    error(pos, "TK5026",
          "macro expansion too large (more than " + std::to_string(kMaxExpansionBytes >> 20) +
              " MiB for one macro use); macros are no longer expanded");
  work_exceeded_ = true;
  return false;
}

PPToken Preprocessor::expand_next(Input& in) {
  for (;;) {
    PPToken t = next_raw(in);
    if (in_condition_ && t.tok.kind == TokKind::Identifier && t.tok.text == "defined")
      return defined_operator(in, t);
    if (t.tok.kind != TokKind::Identifier || t.no_expand || work_exceeded_ ||
        !name_bits_[name_bit(t.tok.text)])
      return t;
    auto it = macros_.find(t.tok.text);
    if (it == macros_.end()) return t;
    std::shared_ptr<const Macro> m = it->second;
    if (m->active != 0) {
      t.no_expand = true;  // its own name inside its expansion: never expands
      return t;
    }
    if (m->builtin != Builtin::None) return builtin_token(*m, t);
    if (!expand_macro(in, t, *m)) return t;
  }
}

std::vector<PPToken> Preprocessor::expand_list(const std::vector<PPToken>& list) {
  if (arg_nesting_ >= kMaxArgNesting) {
    if (!list.empty() && !nesting_reported_)
      error(list.front().tok.pos, "TK5026", "macro arguments nested too deeply");
    nesting_reported_ = true;
    return list;
  }
  ++arg_nesting_;
  Input in;
  in.list = &list;
  std::vector<PPToken> out;
  out.reserve(list.size());
  for (;;) {
    PPToken t = expand_next(in);
    if (t.tok.kind == TokKind::End) break;
    // Past the bound the expansion is abandoned: its caller drops what it has.
    if (!charge_bytes(t, t.tok.pos)) break;
    out.push_back(std::move(t));
  }
  --arg_nesting_;
  return out;
}

PPToken Preprocessor::builtin_token(const Macro& m, const PPToken& name) {
  PPToken r;
  r.tok.pos = name.tok.pos;
  r.tok.space_before = name.tok.space_before;
  if (m.builtin == Builtin::Line) {
    r.tok.kind = TokKind::Number;
    r.tok.text = std::to_string(name.tok.pos.line);
  } else {
    r.tok.kind = TokKind::String;
    uint32_t f = name.tok.pos.file;
    r.tok.text = f < out_.sources.files.size() ? out_.sources.files[f].path : std::string();
    r.tok.spelling = quote(r.tok.text);
  }
  return r;
}

bool Preprocessor::expand_macro(Input& in, const PPToken& name, const Macro& m) {
  std::vector<std::vector<PPToken>> args;
  if (m.function_like) {
    PPToken p = next_raw(in);
    if (!is_punct(p.tok, "(")) {
      in.pending.push_back(std::move(p));  // just a name, not a use of the macro
      return false;
    }
    if (!collect_args(in, name, m, args) || work_exceeded_) return true;
  }
  std::vector<PPToken> out = substitute(m, args, name);
  if (work_exceeded_ || !charge(out.size() + 1, name.tok.pos)) return true;
  PPToken marker;
  marker.end_of = &m;  // m outlives the marker: macros_ or retired_ keeps every definition
  in.pending.push_back(std::move(marker));
  for (auto it = out.rbegin(); it != out.rend(); ++it) in.pending.push_back(std::move(*it));
  ++m.active;
  return true;
}

bool Preprocessor::collect_args(Input& in, const PPToken& name, const Macro& m,
                                std::vector<std::vector<PPToken>>& args) {
  args.assign(1, {});
  size_t depth = 0;
  for (;;) {
    PPToken t = next_raw(in);
    if (t.tok.kind == TokKind::End) {
      error(name.tok.pos, "TK5023",
            "unterminated argument list invoking macro '" + name.tok.text + "'");
      in.pending.push_back(std::move(t));
      return false;
    }
    if (t.tok.kind == TokKind::Punct) {
      if (t.tok.text == "(") {
        ++depth;
      } else if (t.tok.text == ")") {
        if (depth == 0) break;
        --depth;
      } else if (t.tok.text == "," && depth == 0 &&
                 !(m.variadic && args.size() == m.params.size())) {
        args.emplace_back();
        continue;
      }
    }
    // Past the memory bound the arguments are still read to the ')' but not kept.
    if (charge_bytes(t, name.tok.pos)) args.back().push_back(std::move(t));
  }
  size_t n = m.params.size();
  if (n == 0 && args.size() == 1 && args[0].empty()) args.clear();
  if (m.variadic && args.size() + 1 == n) args.emplace_back();  // no variable arguments
  if (args.size() != n) {
    error(name.tok.pos, "TK5022",
          "macro '" + name.tok.text + "' takes " + std::to_string(n) + " argument" +
              (n == 1 ? "" : "s") + ", but " + std::to_string(args.size()) + " given");
    return false;
  }
  return true;
}

PPToken Preprocessor::stringize(const std::vector<PPToken>& arg, const SourcePos& pos) {
  PPToken r;
  r.tok.kind = TokKind::String;
  r.tok.pos = pos;
  for (size_t k = 0; k < arg.size(); ++k) {
    if (k > 0 && arg[k].tok.space_before) r.tok.text += ' ';
    r.tok.text += token_spelling(arg[k].tok);
  }
  r.tok.spelling = quote(r.tok.text);
  return r;
}

bool Preprocessor::paste(PPToken& lhs, const PPToken& rhs, const SourcePos& at) {
  std::string s = token_spelling(lhs.tok) + token_spelling(rhs.tok);
  Lexer lex(s, lhs.tok.pos.file, nullptr, nullptr);
  Token t, end;
  bool bol = false;
  lex.next(t, bol);
  lex.next(end, bol);
  if (t.kind == TokKind::End || end.kind != TokKind::End || token_spelling(t) != s) {
    error(at, "TK5024",
          "pasting \"" + token_spelling(lhs.tok) + "\" and \"" + token_spelling(rhs.tok) +
              "\" does not give a valid preprocessing token");
    return false;
  }
  t.pos = lhs.tok.pos;
  t.space_before = lhs.tok.space_before;
  lhs.tok = std::move(t);
  return true;
}

std::vector<PPToken> Preprocessor::substitute(const Macro& m,
                                              std::vector<std::vector<PPToken>>& args,
                                              const PPToken& name) {
  const SourcePos& at = name.tok.pos;
  std::vector<std::vector<PPToken>> expanded(args.size());
  std::vector<bool> done(args.size(), false);
  auto expanded_arg = [&](size_t p) -> const std::vector<PPToken>& {
    if (!done[p]) expanded[p] = expand_list(args[p]);
    done[p] = true;
    return expanded[p];
  };
  auto body_token = [&](const Token& tok) {
    PPToken r;
    r.tok = tok;
    r.tok.pos = at;
    return r;
  };
  std::vector<PPToken> out;
  size_t room = m.body.size();
  for (const auto& a : args) room += a.size();
  out.reserve(room);
  bool placemarker = false;  // the last thing substituted was an empty argument before ##
  size_t charged = 0;        // out's tokens counted against the memory bound
  auto over_bound = [&] {
    for (; charged < out.size(); ++charged)
      if (!charge_bytes(out[charged], at)) return true;
    return work_exceeded_;
  };
  const auto& body = m.body;
  for (size_t i = 0; i < body.size(); ++i) {
    if (over_bound()) return {};  // an argument's expansion or the output went past a bound
    const Macro::Item& item = body[i];
    bool before_paste = i + 1 < body.size() && is_punct(body[i + 1].tok, "##");
    if (m.function_like && is_punct(item.tok, "#") && i + 1 < body.size() &&
        body[i + 1].param >= 0) {
      out.push_back(stringize(args[static_cast<size_t>(body[i + 1].param)], at));
      out.back().tok.space_before = item.tok.space_before;
      placemarker = false;
      ++i;
      continue;
    }
    if (is_punct(item.tok, "##") && i + 1 < body.size()) {
      const Macro::Item& r = body[++i];
      std::vector<PPToken> single;
      const std::vector<PPToken>* rhs = &single;
      if (r.param >= 0)
        rhs = &args[static_cast<size_t>(r.param)];
      else
        single.push_back(body_token(r.tok));
      bool va = m.variadic && r.param == static_cast<int>(m.params.size()) - 1;
      if (va && !placemarker && !out.empty() && is_punct(out.back().tok, ",")) {
        // GNU ", ## __VA_ARGS__": the comma goes when there are no variable arguments.
        if (rhs->empty()) out.pop_back();
        out.insert(out.end(), rhs->begin(), rhs->end());
        continue;
      }
      if (rhs->empty()) continue;  // pasting a placemarker leaves the left side as it is
      size_t from = 0;
      if (!placemarker && !out.empty()) {
        if (!paste(out.back(), (*rhs)[0], at)) out.push_back((*rhs)[0]);
        from = 1;
      }
      out.insert(out.end(), rhs->begin() + static_cast<std::ptrdiff_t>(from), rhs->end());
      placemarker = false;
      continue;
    }
    if (item.param >= 0) {
      auto p = static_cast<size_t>(item.param);
      const std::vector<PPToken>& src = before_paste ? args[p] : expanded_arg(p);
      placemarker = before_paste && src.empty();
      size_t first = out.size();
      out.insert(out.end(), src.begin(), src.end());
      if (out.size() > first) out[first].tok.space_before = item.tok.space_before;
      continue;
    }
    out.push_back(body_token(item.tok));
    placemarker = false;
  }
  if (over_bound()) return {};
  if (!out.empty()) out.front().tok.space_before = name.tok.space_before;
  return out;
}

}  // namespace tlbkit::idl::pp
