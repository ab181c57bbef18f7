// The IDL preprocessor: files, #include search, include guards and cycles, and the directives
// other than #define (pp_macro.cpp) and #if expressions (pp_expr.cpp). Layer: readers.
#include "readers/idl/preprocessor.h"

#include <algorithm>

#include "readers/idl/pp_internal.h"
#include "support/file_io.h"

namespace tlbkit::idl {

std::vector<std::pair<std::string, std::string>> target_macros(model::SysKind target) {
  // widl 8.0 defines __WIDL__ as its version, major * 0x10000 + minor * 0x100 (widl.c,
  // add_widl_version_define; `widl -E` prints 0x80000), and _WIN32=1 for every target.
  // MIDL defines __midl as major * 100 + minor (Microsoft's "Using the __midl Predefined
  // Constant": MIDL 8.01 gives 801), and its C preprocessor (cl.exe for the target) defines
  // _WIN64 for 64-bit targets. widl does not define _WIN64; MIDL does, so tlbkit does.
  std::vector<std::pair<std::string, std::string>> m = {
      {"__WIDL__", "0x80000"}, {"__midl", "801"}, {"_WIN32", "1"}};
  if (target == model::SysKind::Win64) m.emplace_back("_WIN64", "1");
  return m;
}

namespace pp {

namespace {
std::optional<std::string> read_disk(const std::string& path) {
  std::vector<uint8_t> bytes;
  std::string err;
  if (!support::read_file(path, bytes, err)) return std::nullopt;
  return std::string(bytes.begin(), bytes.end());
}

bool is_punct(const Token& t, const char* s) { return t.kind == TokKind::Punct && t.text == s; }

std::string folder_of(const std::string& path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

bool is_absolute(const std::string& p) {
  return (!p.empty() && (p[0] == '/' || p[0] == '\\')) ||
         (p.size() >= 2 && p[1] == ':' &&
          ((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z')));
}

// Joins a folder and a relative name without touching the disk, so paths stay as given.
std::string join(const std::string& dir, std::string name) {
  while (name.size() > 2 && name[0] == '.' && name[1] == '/') name.erase(0, 2);
  if (dir.empty() || dir == ".") return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}
}  // namespace

Preprocessor::Preprocessor(const PreprocessOptions& opts, support::DiagEngine& diags,
                           TokenStream& out)
    : opts_(opts), diags_(diags), out_(out) {}

const std::string* Preprocessor::read_cached(const std::string& path) {
  auto it = files_.find(path);
  if (it == files_.end()) {
    FileInfo fi;
    std::optional<std::string> text = opts_.read_file ? opts_.read_file(path) : read_disk(path);
    fi.exists = text.has_value();
    if (text) fi.text = std::move(*text);
    it = files_.emplace(path, std::move(fi)).first;
  }
  return it->second.exists ? &it->second.text : nullptr;
}

bool Preprocessor::run(const std::string& path) {
  if (!read_cached(path)) {
    diags_.error("TK5014", support::Location::in_file(path), "cannot open file '" + path + "'");
    return false;
  }
  define_builtins();
  for (const auto& [name, value] : opts_.predefined) define_text(name + " " + value);
  for (const auto& [name, value] : opts_.defines) define_text(name + " " + value.value_or("1"));
  for (const std::string& name : opts_.undefines) undefine(name);
  push_file(path, std::nullopt);
  // Room for one token per byte of the main file: pages of a vector that are never written cost
  // nothing, while growing a vector of tens of megabytes by doubling copies and faults in twice
  // the memory (mshtml.idl: 0.9 million tokens).
  out_.tokens.reserve(std::min(files_[path].text.size() + 16, kMaxOutputTokens + 1));
  for (;;) {
    // When all that expansions left is read (end markers aside, which next_raw would drop
    // anyway), a new macro use in the text may begin: the memory bound counts afresh.
    while (!top_.pending.empty() && top_.pending.back().end_of) {
      --top_.pending.back().end_of->active;
      top_.pending.pop_back();
    }
    if (top_.pending.empty()) expansion_bytes_ = 0;
    PPToken t = expand_next(top_);
    if (t.tok.kind != TokKind::End && out_.tokens.size() >= kMaxOutputTokens) {
      error(t.tok.pos, "TK5026",
            "the translation unit is too large (more than " + std::to_string(kMaxOutputTokens) +
                " tokens); the rest is not read");
      t.tok.kind = TokKind::End;
      t.tok.text.clear();
    }
    bool end = t.tok.kind == TokKind::End;
    out_.tokens.push_back(std::move(t.tok));
    if (end) break;
  }
  return true;
}

bool Preprocessor::push_file(const std::string& path, std::optional<SourcePos> from) {
  const std::string* text = read_cached(path);
  if (!text) return false;
  auto index = static_cast<uint32_t>(out_.sources.files.size());
  out_.sources.files.push_back({path, from});
  FileCtx f;
  f.lex = std::make_unique<Lexer>(*text, index, &out_.sources, &diags_);
  f.file = index;
  f.path = path;
  f.cond_base = conds_.size();
  stack_.push_back(std::move(f));
  files_[path].open = true;
  return true;
}

void Preprocessor::end_of_file() {
  FileCtx& f = stack_.back();
  while (conds_.size() > f.cond_base) {
    error(conds_.back().where, "TK5031", "unterminated conditional directive");
    conds_.pop_back();
  }
  FileInfo& fi = files_[f.path];
  if (f.guard == FileCtx::Guard::After) fi.guard = f.guard_macro;
  f.guard = FileCtx::Guard::None;
  fi.open = false;
}

PPToken Preprocessor::next_raw(Input& in) {
  while (!in.pending.empty()) {
    PPToken t = std::move(in.pending.back());
    in.pending.pop_back();
    if (!t.end_of) return t;
    --t.end_of->active;  // the end of an expansion: its macro may expand again
  }
  if (in.list) {
    if (in.index < in.list->size()) return (*in.list)[in.index++];
    PPToken end;
    if (!in.list->empty()) end.tok.pos = in.list->back().tok.pos;
    return end;
  }
  return file_next();
}

PPToken Preprocessor::file_next() {
  for (;;) {
    FileCtx& f = stack_.back();
    PPToken p;
    bool bol = false;
    f.lex->next(p.tok, bol);
    if (p.tok.kind == TokKind::End) {
      end_of_file();
      if (stack_.size() == 1) return p;
      stack_.pop_back();
      continue;
    }
    if (bol && is_punct(p.tok, "#")) {
      PPToken produced;
      if (directive(p.tok, produced)) return produced;
      continue;
    }
    if (f.guard != FileCtx::Guard::Inside) f.guard = FileCtx::Guard::None;
    return p;
  }
}

void Preprocessor::extra_tokens(Lexer& lex, const char* directive) {
  if (lex.at_eol()) return;
  warning(lex.here(), "TK5060", std::string("extra tokens at end of #") + directive + " directive");
  lex.skip_line();
}

bool Preprocessor::directive(const Token& hash, PPToken& out) {
  Lexer& lex = *stack_.back().lex;
  if (lex.at_eol()) return false;  // the null directive
  Token name;
  bool bol = false;
  lex.next(name, bol);
  if (name.kind == TokKind::Number) {  // GCC's line marker, "# 12 "file""
    do_line(lex, name);
    return false;
  }
  const std::string& d = name.text;
  {
    FileCtx& f = stack_.back();
    if (f.guard == FileCtx::Guard::Start && d != "ifndef") f.guard = FileCtx::Guard::None;
    if (f.guard == FileCtx::Guard::After) f.guard = FileCtx::Guard::None;
  }
  if (name.kind != TokKind::Identifier) {
    error(name.pos, "TK5052", "invalid preprocessing directive");
    lex.skip_line();
  } else if (d == "define") {
    define(lex, name.pos);
  } else if (d == "undef") {
    Token id;
    bool missing = lex.at_eol();
    if (missing || (lex.next(id, bol), id.kind != TokKind::Identifier)) {
      error(missing ? name.pos : id.pos, "TK5020", "macro names must be identifiers");
      lex.skip_line();
    } else {
      undefine(id.text);
      extra_tokens(lex, "undef");
    }
  } else if (d == "include") {
    do_include(lex, hash, name);
  } else if (d == "if" || d == "ifdef" || d == "ifndef" || d == "elif" || d == "else" ||
             d == "endif") {
    do_conditional(lex, d, hash);
  } else if (d == "pragma") {
    SourcePos at;
    std::string text = lex.rest_of_line(&at);
    if (text == "once") {
      files_[stack_.back().path].once = true;
      return false;
    }
    out.tok.kind = TokKind::Pragma;
    out.tok.text = std::move(text);
    out.tok.pos = hash.pos;
    out.tok.space_before = true;
    return true;
  } else if (d == "line") {
    do_line(lex, name);
  } else if (d == "error") {
    error(hash.pos, "TK5050", "#error " + lex.rest_of_line());
  } else if (d == "warning") {
    warning(hash.pos, "TK5051", "#warning " + lex.rest_of_line());
  } else {
    error(name.pos, "TK5052", "invalid preprocessing directive #" + d);
    lex.skip_line();
  }
  return false;
}

std::optional<std::string> Preprocessor::find_include(const std::string& raw, bool angled) {
  std::string name = raw;
  for (char& c : name)
    if (c == '\\') c = '/';  // SDK files written on Windows
  if (is_absolute(name)) return read_cached(name) ? std::optional(name) : std::nullopt;
  if (!angled) {
    std::string p = join(folder_of(stack_.back().path), name);
    if (read_cached(p)) return p;
  }
  for (const std::string& dir : opts_.include_dirs) {
    std::string p = join(dir, name);
    if (read_cached(p)) return p;
  }
  return std::nullopt;
}

void Preprocessor::do_include(Lexer& lex, const Token& hash, const Token& name_tok) {
  (void)hash;
  std::string name;
  SourcePos at = name_tok.pos;
  bool angled = false;
  bool ok = false;
  if (lex.next_char_is('"')) {
    Token t;
    bool bol = false;
    lex.next(t, bol);
    at = t.pos;
    // A header name is not a string literal: backslashes are path separators, not escapes.
    ok = t.spelling.size() >= 2 && t.spelling.back() == '"';
    if (ok) name = t.spelling.substr(1, t.spelling.size() - 2);
  } else if (lex.next_char_is('<')) {
    angled = true;
    ok = lex.header_name(name, at);
    if (!ok) {
      lex.skip_line();
      return;
    }
  } else if (!lex.at_eol()) {
    // A computed include: the macro-expanded line must give "name" or <name>.
    std::vector<PPToken> raw;
    while (!lex.at_eol()) {
      PPToken t;
      bool bol = false;
      lex.next(t.tok, bol);
      raw.push_back(std::move(t));
    }
    std::vector<PPToken> line = expand_list(raw);
    if (!line.empty()) at = line.front().tok.pos;
    if (line.size() == 1 && line[0].tok.kind == TokKind::String) {
      name = line[0].tok.text;
      ok = true;
    } else if (line.size() >= 2 && is_punct(line.front().tok, "<") &&
               is_punct(line.back().tok, ">")) {
      for (size_t i = 1; i + 1 < line.size(); ++i) name += token_spelling(line[i].tok);
      angled = ok = true;
    }
  }
  if (!ok || name.empty()) {
    error(at, "TK5013", "#include expects \"FILENAME\" or <FILENAME>");
    lex.skip_line();
    return;
  }
  extra_tokens(lex, "include");
  if (++includes_ > kMaxIncludes) {
    if (includes_ == kMaxIncludes + 1)
      error(at, "TK5012", "too many #include operations (more than " +
                              std::to_string(kMaxIncludes) + ")");
    return;
  }
  if (stack_.size() >= kMaxIncludeDepth) {
    error(at, "TK5012", "#include nested too deeply (more than " +
                            std::to_string(kMaxIncludeDepth) + " levels)");
    return;
  }
  std::optional<std::string> path = find_include(name, angled);
  if (!path) {
    error(at, "TK5010", "cannot open include file '" + name + "'");
    return;
  }
  FileInfo& fi = files_[*path];
  if (fi.once || (!fi.guard.empty() && is_defined(fi.guard))) return;
  if (fi.open) {
    // A file including itself again is harmless when its include guard is already defined (it
    // would read as nothing); otherwise it would never end.
    for (const FileCtx& f : stack_)
      if (f.path == *path && f.guard == FileCtx::Guard::Inside && is_defined(f.guard_macro))
        return;
    error(at, "TK5011",
          "#include cycle: '" + name + "' is already being read (see the include chain)");
    return;
  }
  // Files without guards included over and over (a fan of includes doubling at each level)
  // would otherwise be read again and again.
  included_bytes_ += fi.text.size();
  if (included_bytes_ > kMaxIncludedBytes) {
    if (included_bytes_ - fi.text.size() <= kMaxIncludedBytes)
      error(at, "TK5012", "too much text included (more than " +
                              std::to_string(kMaxIncludedBytes >> 20) + " MiB)");
    return;
  }
  push_file(*path, at);
}

void Preprocessor::do_line(Lexer& lex, const Token& name_tok) {
  std::vector<PPToken> raw;
  if (name_tok.kind == TokKind::Number) raw.push_back({name_tok, false, nullptr});
  while (!lex.at_eol()) {
    PPToken t;
    bool bol = false;
    lex.next(t.tok, bol);
    raw.push_back(std::move(t));
  }
  std::vector<PPToken> line = name_tok.kind == TokKind::Number ? raw : expand_list(raw);
  uint64_t n = 0;
  bool ok = !line.empty() && line[0].tok.kind == TokKind::Number;
  if (ok)
    for (char c : line[0].tok.text) {
      if (c < '0' || c > '9' || n > 2147483647) {
        ok = false;
        break;
      }
      n = n * 10 + static_cast<uint64_t>(c - '0');
    }
  if (!ok || n == 0 || n > 2147483647) {
    error(line.empty() ? name_tok.pos : line[0].tok.pos, "TK5053",
          "#line expects a line number between 1 and 2147483647");
    return;
  }
  FileCtx& f = stack_.back();
  uint32_t file = f.file;
  if (line.size() >= 2 && line[1].tok.kind == TokKind::String && line[1].tok.text.empty()) {
    // An empty name would leave every later diagnostic without a location: the name stays. An
    // unterminated string was reported by the lexer already.
    const std::string& sp = line[1].tok.spelling;
    if (sp.size() >= 2 && sp.back() == '"')
      error(line[1].tok.pos, "TK5053", "#line file name is empty; the file name is unchanged");
  } else if (line.size() >= 2 && line[1].tok.kind == TokKind::String) {
    file = static_cast<uint32_t>(out_.sources.files.size());
    out_.sources.files.push_back({line[1].tok.text, out_.sources.files[f.file].included_from});
  } else if (line.size() >= 2 && name_tok.kind != TokKind::Number) {
    warning(line[1].tok.pos, "TK5060", "extra tokens at end of #line directive");
  }
  f.file = file;
  f.lex->relocate(file, static_cast<uint32_t>(n));
}

void Preprocessor::do_conditional(Lexer& lex, const std::string& d, const Token& hash) {
  FileCtx& f = stack_.back();
  bool have_group = conds_.size() > f.cond_base;
  if (d == "if" || d == "ifdef" || d == "ifndef") {
    bool value = false;
    if (d == "if") {
      value = eval_condition(lex, hash.pos);
    } else {
      Token id;
      bool bol = false;
      bool missing = lex.at_eol();
      if (missing || (lex.next(id, bol), id.kind != TokKind::Identifier)) {
        error(missing ? hash.pos : id.pos, "TK5030",
              "#" + d + " expects a macro name");
        lex.skip_line();
      } else {
        value = is_defined(id.text) == (d == "ifdef");
        extra_tokens(lex, d.c_str());
        if (d == "ifndef" && f.guard == FileCtx::Guard::Start && value) {
          f.guard = FileCtx::Guard::Inside;
          f.guard_macro = id.text;
          f.guard_cond = conds_.size();
        }
      }
    }
    if (f.guard == FileCtx::Guard::Start) f.guard = FileCtx::Guard::None;
    conds_.push_back({hash.pos, value, false});
    if (!value) skip_group();
    return;
  }
  if (!have_group) {
    error(hash.pos, "TK5030", "#" + d + " without #if");
    lex.skip_line();
    return;
  }
  Cond& c = conds_.back();
  if (f.guard == FileCtx::Guard::Inside && f.guard_cond == conds_.size() - 1) {
    f.guard = d == "endif" ? FileCtx::Guard::After : FileCtx::Guard::None;
  }
  if (d == "endif") {
    conds_.pop_back();
    extra_tokens(lex, "endif");
    return;
  }
  if (c.seen_else) error(hash.pos, "TK5030", "#" + d + " after #else");
  if (d == "else") {
    c.seen_else = true;
    extra_tokens(lex, "else");
  } else {
    lex.skip_line();  // an #elif after a selected group is not evaluated
  }
  c.taken = true;
  skip_group();
}

void Preprocessor::skip_group() {
  Lexer& lex = *stack_.back().lex;
  lex.set_quiet(true);
  unsigned depth = 0;
  for (;;) {
    Token t;
    bool bol = false;
    lex.next(t, bol);
    if (t.kind == TokKind::End) break;  // end_of_file() reports the open group
    if (!bol || !is_punct(t, "#")) {
      lex.skip_line();
      continue;
    }
    if (lex.at_eol()) continue;
    Token d;
    lex.next(d, bol);
    const std::string& n = d.text;
    if (d.kind != TokKind::Identifier) {
      lex.skip_line();
    } else if (n == "if" || n == "ifdef" || n == "ifndef") {
      ++depth;
      lex.skip_line();
    } else if (n == "endif") {
      if (depth == 0) {
        lex.set_quiet(false);
        conds_.pop_back();
        extra_tokens(lex, "endif");
        return;
      }
      --depth;
      lex.skip_line();
    } else if (depth == 0 && (n == "elif" || n == "else")) {
      Cond& c = conds_.back();
      lex.set_quiet(false);
      if (c.seen_else) error(t.pos, "TK5030", "#" + n + " after #else");
      if (n == "else") {
        c.seen_else = true;
        if (!c.taken) {
          c.taken = true;
          extra_tokens(lex, "else");
          return;
        }
        lex.skip_line();
      } else if (!c.taken && !c.seen_else) {
        if (eval_condition(lex, t.pos)) {
          c.taken = true;
          return;
        }
      } else {
        lex.skip_line();
      }
      lex.set_quiet(true);
    } else {
      lex.skip_line();
    }
  }
  lex.set_quiet(false);
}

}  // namespace pp

std::optional<TokenStream> preprocess(const std::string& path, const PreprocessOptions& opts,
                                      support::DiagEngine& diags) {
  TokenStream ts;
  pp::Preprocessor p(opts, diags, ts);
  if (!p.run(path)) return std::nullopt;
  return ts;
}

}  // namespace tlbkit::idl
