// What the COM reader reads from a header's raw text rather than its AST: GUIDs (DEFINE_GUID,
// MIDL_INTERFACE("…") …) and parameter directions (SAL, /* [in] */), since MinGW's headers
// expand those macros to nothing. Layer: readers (private to readers/cheader).
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>

#include "readers/cheader/cheader_com_internal.h"

namespace tlbkit::cheader::detail {

namespace {

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

ComMemo& memo(Context& cx) {
  if (!cx.guids.com) cx.guids.com = std::make_shared<ComMemo>();
  return *cx.guids.com;
}

// ---- Lexer -------------------------------------------------------------------------------------

RawToken RawLexer::next() {
  const size_t n = text_.size();
  while (pos_ < n) {
    char c = text_[pos_];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '\\') {
      ++pos_;
    } else {
      break;
    }
  }
  RawToken t;
  t.offset = pos_;
  if (pos_ >= n) return t;
  const size_t start = pos_;
  const char c = text_[pos_];
  auto done = [&](RawToken::Kind k) {
    t.kind = k;
    t.text = text_.substr(start, pos_ - start);
    return t;
  };
  if (c == '/' && pos_ + 1 < n && text_[pos_ + 1] == '*') {
    size_t end = text_.find("*/", pos_ + 2);
    pos_ = end == std::string_view::npos ? n : end + 2;
    return done(RawToken::Kind::Comment);
  }
  if (c == '/' && pos_ + 1 < n && text_[pos_ + 1] == '/') {
    size_t end = text_.find('\n', pos_);
    pos_ = end == std::string_view::npos ? n : end;
    return done(RawToken::Kind::Comment);
  }
  if (c == '"' || c == '\'') {
    ++pos_;
    while (pos_ < n && text_[pos_] != c && text_[pos_] != '\n') {
      pos_ += text_[pos_] == '\\' ? 2 : 1;
    }
    pos_ = std::min(pos_ + 1, n);
    return done(RawToken::Kind::String);
  }
  if (ident_start(c)) {
    while (pos_ < n && ident_char(text_[pos_])) ++pos_;
    // L"…", u8"…": a prefixed string literal is one string token.
    std::string_view w = text_.substr(start, pos_ - start);
    if (pos_ < n && text_[pos_] == '"' && (w == "L" || w == "u" || w == "U" || w == "u8")) {
      RawLexer rest(text_, pos_);
      rest.next();
      pos_ = rest.pos();
      return done(RawToken::Kind::String);
    }
    return done(RawToken::Kind::Ident);
  }
  if (std::isdigit(static_cast<unsigned char>(c))) {
    // A pp-number: digits, letters (0x, suffixes) and dots.
    while (pos_ < n && (ident_char(text_[pos_]) || text_[pos_] == '.')) ++pos_;
    return done(RawToken::Kind::Number);
  }
  ++pos_;
  return done(RawToken::Kind::Punct);
}

RawToken RawLexer::next_code() {
  RawToken t = next();
  while (t.kind == RawToken::Kind::Comment) t = next();
  return t;
}

FileText file_text(Context& cx, CXSourceLocation l) {
  FileText out;
  CXFile file = nullptr;
  unsigned offset = 0;
  clang_getExpansionLocation(l, &file, nullptr, nullptr, &offset);
  if (file == nullptr) return out;
  // clang_getFileContents finds the file's buffer by a linear search over every source entry
  // (each macro expansion is one: hundreds of thousands under <windows.h>): once per file.
  auto& files = memo(cx).files;
  auto it = files.find(file);
  if (it == files.end()) {
    size_t size = 0;
    const char* p = clang_getFileContents(cx.tu, file, &size);
    std::string_view text = p != nullptr ? std::string_view(p, size) : std::string_view();
    it = files.emplace(file, std::make_pair(take(clang_getFileName(file)), text)).first;
  }
  if (it->second.second.empty()) return out;
  out.file = file;
  out.name = it->second.first;
  out.text = it->second.second;
  out.offset = offset;
  return out;
}

// ---- GUIDs -------------------------------------------------------------------------------------

namespace {

/// A C integer literal (0x…, decimal, octal; suffixes U/L ignored).
std::optional<uint64_t> parse_number(std::string_view s) {
  while (!s.empty() && (s.back() == 'u' || s.back() == 'U' || s.back() == 'l' || s.back() == 'L'))
    s.remove_suffix(1);
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  } else if (s.size() > 1 && s[0] == '0') {
    base = 8;
    s.remove_prefix(1);
  }
  uint64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

/// The GUID of Data1, Data2, Data3 and the eight bytes of Data4 (DEFINE_GUID's argument order),
/// laid out as Windows stores it in memory (little-endian fields).
std::optional<support::Guid> guid_of(const std::vector<uint64_t>& v) {
  if (v.size() != 11 || v[0] > 0xFFFFFFFFu || v[1] > 0xFFFF || v[2] > 0xFFFF) return std::nullopt;
  support::Guid g;
  for (int i = 0; i < 4; ++i) g.bytes[size_t(i)] = uint8_t(v[0] >> (8 * i));
  for (int i = 0; i < 2; ++i) g.bytes[size_t(4 + i)] = uint8_t(v[1] >> (8 * i));
  for (int i = 0; i < 2; ++i) g.bytes[size_t(6 + i)] = uint8_t(v[2] >> (8 * i));
  for (size_t i = 0; i < 8; ++i) {
    if (v[3 + i] > 0xFF) return std::nullopt;
    g.bytes[8 + i] = uint8_t(v[3 + i]);
  }
  return g;
}

/// Reads up to `count` integer literals, skipping the punctuation between them (`,` `{` `}`),
/// stopping at the first other token.
std::vector<uint64_t> read_numbers(RawLexer& lx, size_t count) {
  std::vector<uint64_t> out;
  while (out.size() < count) {
    RawToken t = lx.next_code();
    if (t.kind == RawToken::Kind::Punct && (t.text == "," || t.text == "{" || t.text == "}"))
      continue;
    if (t.kind != RawToken::Kind::Number) break;
    auto v = parse_number(t.text);
    if (!v) break;
    out.push_back(*v);
  }
  return out;
}

bool is_punct(const RawToken& t, char c) {
  return t.kind == RawToken::Kind::Punct && t.text.size() == 1 && t.text[0] == c;
}

/// The GUID of a "…" string literal token (braces allowed).
std::optional<support::Guid> guid_of_string(const RawToken& t) {
  if (t.kind != RawToken::Kind::String || t.text.size() < 2 || t.text.front() != '"')
    return std::nullopt;
  return support::Guid::parse(t.text.substr(1, t.text.size() - 2));
}

/// Skips a balanced parenthesised group whose `(` is the next token; false when it is not.
bool skip_group(RawLexer& lx) {
  RawLexer probe = lx;
  if (!is_punct(probe.next_code(), '(')) return false;
  int depth = 1;
  // Bounded: a decoration's argument list is short; an unbalanced one ends the search.
  for (int guard = 0; guard < 256 && depth > 0; ++guard) {
    RawToken t = probe.next_code();
    if (t.kind == RawToken::Kind::End) return false;
    if (is_punct(t, '(')) ++depth;
    if (is_punct(t, ')')) --depth;
  }
  if (depth != 0) return false;
  lx = probe;
  return true;
}

/// The name a uuid decoration applies to: the next identifier after the decoration's `)`,
/// skipping struct/class/interface keywords and further decorations (DECLSPEC_NOVTABLE,
/// __declspec(novtable) …).
std::string decorated_name(RawLexer lx) {
  for (int guard = 0; guard < 16; ++guard) {
    RawToken t = lx.next_code();
    if (t.kind == RawToken::Kind::Punct && t.text == ")") continue;
    if (t.kind != RawToken::Kind::Ident) return {};
    if (t.text == "struct" || t.text == "class" || t.text == "interface" ||
        t.text == "DECLSPEC_NOVTABLE" || t.text == "DECLSPEC_NOTHROW" || t.text == "public")
      continue;
    if (t.text == "__declspec" || t.text == "DECLSPEC_UUID" || t.text == "__attribute__") {
      if (!skip_group(lx)) return {};
      continue;
    }
    return std::string(t.text);
  }
  return {};
}

/// The byte ranges of a file the preprocessor skipped (#if 0 …), sorted, once per file.
const std::vector<std::pair<size_t, size_t>>& skipped_ranges(Context& cx, const void* file) {
  auto& cache = memo(cx).skipped;
  auto it = cache.find(file);
  if (it != cache.end()) return it->second;
  std::vector<std::pair<size_t, size_t>> out;
  if (CXSourceRangeList* list =
          clang_getSkippedRanges(cx.tu, static_cast<CXFile>(const_cast<void*>(file)))) {
    for (unsigned i = 0; i < list->count; ++i) {
      unsigned a = 0, b = 0;
      clang_getSpellingLocation(clang_getRangeStart(list->ranges[i]), nullptr, nullptr, nullptr,
                                &a);
      clang_getSpellingLocation(clang_getRangeEnd(list->ranges[i]), nullptr, nullptr, nullptr, &b);
      if (a <= b) out.emplace_back(a, b);
    }
    clang_disposeSourceRangeList(list);
  }
  std::sort(out.begin(), out.end());
  return cache.emplace(file, std::move(out)).first->second;
}

bool is_skipped(Context& cx, const void* file, size_t offset) {
  const auto& r = skipped_ranges(cx, file);
  auto it = std::upper_bound(r.begin(), r.end(), std::make_pair(offset, SIZE_MAX));
  return it != r.begin() && offset <= std::prev(it)->second;
}

/// Notes `name`'s GUID. A second, different GUID for one name is warned about — unless one of
/// the two is in a block the preprocessor skipped (`#ifdef X … #else … #endif` giving each
/// branch its own): then the live one is kept. Skipped blocks decide only such a conflict, since
/// a header read twice (its guard not outermost, as widl's) has its second reading all skipped.
void remember(Context& cx, std::map<std::string, support::Guid>& table, const char* which,
              std::string name, support::Guid g, const FileText& f, size_t offset) {
  auto& where_given = memo(cx).given_at;
  const std::string key = std::string(which) + name;
  auto [it, fresh] = table.try_emplace(std::move(name), g);
  if (fresh) {
    where_given[key] = {f.file, offset};
    return;
  }
  if (it->second == g) return;
  const auto [first_file, first_offset] = where_given[key];
  const bool first_skipped = first_file != nullptr && is_skipped(cx, first_file, first_offset);
  const bool this_skipped = is_skipped(cx, f.file, offset);
  if (first_skipped != this_skipped) {
    if (first_skipped) {
      it->second = g;
      where_given[key] = {f.file, offset};
    }
    return;
  }
  support::Location where = location_of(clang_getLocationForOffset(
      cx.tu, static_cast<CXFile>(const_cast<void*>(f.file)), static_cast<unsigned>(offset)));
  cx.diags.warning("TK8051", where,
                   "'" + it->first + "' is given a second, different GUID " + g.to_string() +
                       "; keeping " + it->second.to_string());
}

/// One GUID-giving construct at an identifier, when it is one; the lexer is left after it.
void scan_at(Context& cx, const FileText& f, const RawToken& id, RawLexer& lx) {
  std::string_view w = id.text;
  if (w == "DEFINE_GUID" || w == "EXTERN_GUID" || w == "DEFINE_OLEGUID" ||
      w == "__CRT_UUID_DECL") {
    RawLexer p = lx;
    if (!is_punct(p.next_code(), '(')) return;
    RawToken name = p.next_code();
    if (name.kind != RawToken::Kind::Ident || !is_punct(p.next_code(), ',')) return;
    std::vector<uint64_t> v = read_numbers(p, w == "DEFINE_OLEGUID" ? 3 : 11);
    if (w == "DEFINE_OLEGUID" && v.size() == 3) {
      // OLE's own GUIDs: Data4 is always C0 00 00 00 00 00 00 46 (guiddef.h).
      for (uint64_t b : {0xC0, 0, 0, 0, 0, 0, 0, 0x46}) v.push_back(b);
    }
    auto g = guid_of(v);
    if (!g) return;
    lx = p;
    const bool by_type = w == "__CRT_UUID_DECL";
    remember(cx, by_type ? cx.guids.by_type : cx.guids.by_symbol, by_type ? "T:" : "S:",
             std::string(name.text), *g, f, id.offset);
  } else if (w == "MIDL_INTERFACE" || w == "DECLSPEC_UUID" || w == "uuid") {
    RawLexer p = lx;
    if (!is_punct(p.next_code(), '(')) return;
    auto g = guid_of_string(p.next_code());
    if (!g || !is_punct(p.next_code(), ')')) return;
    lx = p;
    std::string name = decorated_name(p);
    if (!name.empty()) remember(cx, cx.guids.by_type, "T:", name, *g, f, id.offset);
  } else if (w == "DECLARE_INTERFACE_IID_" || w == "DECLARE_INTERFACE_IID") {
    RawLexer p = lx;
    if (!is_punct(p.next_code(), '(')) return;
    RawToken name = p.next_code();
    if (name.kind != RawToken::Kind::Ident || !is_punct(p.next_code(), ',')) return;
    RawToken g_tok = p.next_code();
    if (w == "DECLARE_INTERFACE_IID_" && is_punct(p.next_code(), ',')) g_tok = p.next_code();
    if (auto g = guid_of_string(g_tok)) {
      lx = p;
      remember(cx, cx.guids.by_type, "T:", std::string(name.text), *g, f, id.offset);
    }
  } else if (w == "IID" || w == "GUID" || w == "CLSID") {
    // `const IID IID_IFoo = {0x…, 0x…, 0x…, {0x…, …}};`
    RawLexer p = lx;
    RawToken name = p.next_code();
    if (name.kind != RawToken::Kind::Ident || !is_punct(p.next_code(), '=')) return;
    auto g = guid_of(read_numbers(p, 11));
    if (!g) return;
    lx = p;
    remember(cx, cx.guids.by_symbol, "S:", std::string(name.text), *g, f, id.offset);
  }
}

/// A cheap first test: is this identifier one scan_at acts on.
bool guid_word(std::string_view w) {
  if (w.size() < 3) return false;
  switch (w[0]) {
    case 'D': case 'E': case 'M': case '_': case 'u': case 'I': case 'G': case 'C':
      return w == "DEFINE_GUID" || w == "EXTERN_GUID" || w == "DEFINE_OLEGUID" ||
             w == "__CRT_UUID_DECL" || w == "MIDL_INTERFACE" || w == "DECLSPEC_UUID" ||
             w == "uuid" || w == "DECLARE_INTERFACE_IID_" || w == "DECLARE_INTERFACE_IID" ||
             w == "IID" || w == "GUID" || w == "CLSID";
    default:
      return false;
  }
}

}  // namespace

void scan_guids(Context& cx, const FileText& f) {
  if (f.text.empty() || !memo(cx).scanned_files.insert(f.file).second) return;
  RawLexer lx(f.text);
  for (RawToken t = lx.next(); t.kind != RawToken::Kind::End; t = lx.next()) {
    if (t.kind == RawToken::Kind::Ident && guid_word(t.text)) scan_at(cx, f, t, lx);
  }
}

std::optional<support::Guid> uuid_on_declaration(Context& cx, CXCursor decl) {
  CXSourceRange ext = clang_getCursorExtent(decl);
  FileText f = file_text(cx, clang_getRangeStart(ext));
  FileText name = file_text(cx, clang_getCursorLocation(decl));
  if (f.text.empty() || f.file != name.file || name.offset < f.offset ||
      name.offset - f.offset > 4096)
    return std::nullopt;
  RawLexer lx(f.text.substr(0, name.offset), f.offset);
  for (RawToken t = lx.next_code(); t.kind != RawToken::Kind::End; t = lx.next_code()) {
    if (t.kind != RawToken::Kind::Ident ||
        (t.text != "MIDL_INTERFACE" && t.text != "DECLSPEC_UUID" && t.text != "uuid"))
      continue;
    RawLexer p = lx;
    if (!is_punct(p.next_code(), '(')) continue;
    if (auto g = guid_of_string(p.next_code())) return g;
  }
  return std::nullopt;
}

std::string written_name(Context& cx, CXCursor method) {
  std::string name = spelling(method);
  // Only a name ending in A or W can be a <windows.h> A/W macro's expansion.
  if (name.size() < 2 || (name.back() != 'A' && name.back() != 'W')) return name;
  FileText f = file_text(cx, clang_getCursorLocation(method));
  if (f.text.empty() || f.offset >= f.text.size()) return name;
  RawLexer lx(f.text, f.offset);
  RawToken t = lx.next();
  if (t.kind == RawToken::Kind::Ident && t.offset == f.offset &&
      t.text.size() + 1 == name.size() && name.compare(0, t.text.size(), t.text) == 0)
    return std::string(t.text);
  return name;
}

// ---- Parameter annotations ---------------------------------------------------------------------

namespace {

bool starts(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

/// A MIDL comment: only `[word]` groups (`/* [retval][out] */`, `/* [in, out] */`), so prose in
/// a comment never counts.
uint16_t midl_comment_flags(std::string_view c) {
  if (starts(c, "/*")) c = c.substr(2, c.size() >= 4 ? c.size() - 4 : 0);
  else if (starts(c, "//")) c = c.substr(2);
  uint16_t flags = 0;
  size_t i = 0;
  bool any = false;
  while (i < c.size()) {
    char ch = c[i];
    if (ch == ' ' || ch == '\t') { ++i; continue; }
    if (ch != '[') return 0;
    size_t close = c.find(']', i);
    if (close == std::string_view::npos) return 0;
    std::string_view body = c.substr(i + 1, close - i - 1);
    // A group may list several words: [in, out].
    size_t w = 0;
    while (w < body.size()) {
      size_t e = body.find(',', w);
      std::string_view word = body.substr(w, e == std::string_view::npos ? body.size() - w : e - w);
      while (!word.empty() && word.front() == ' ') word.remove_prefix(1);
      while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
      if (word == "in") flags |= model::paramflag::In;
      else if (word == "out") flags |= model::paramflag::Out;
      else if (word == "retval") flags |= model::paramflag::RetVal;
      else if (word == "lcid") flags |= model::paramflag::Lcid;
      // [defaultvalue] is optional too; its value is not in the header (HasDefault needs one).
      else if (word == "optional" || word == "defaultvalue") flags |= model::paramflag::Opt;
      if (e == std::string_view::npos) break;
      w = e + 1;
    }
    any = true;
    i = close + 1;
  }
  return any ? flags : 0;
}

/// SAL 2 (_In_ …), SAL 1 (__in …), RPC SAL (__RPC__in …) and windef's IN/OUT, by the word's
/// head (`_In_reads_(n)` → In; `__int64` is no annotation). SAL's `_opt_` says a pointer may be
/// null ([unique]), not that the parameter is [optional]: no Opt.
uint16_t sal_flags(std::string_view w) {
  using namespace model::paramflag;
  if (w == "IN") return In;
  if (w == "OUT") return Out;
  if (starts(w, "__RPC__")) w.remove_prefix(7);
  else if (starts(w, "__")) w.remove_prefix(2);
  else if (starts(w, "_")) w.remove_prefix(1);
  else return 0;
  auto head = [](std::string_view s) { return s.substr(0, s.find('_')); };
  std::string_view h = head(w);
  std::string_view rest = h.size() < w.size() ? w.substr(h.size() + 1) : std::string_view{};
  if (h == "Deref" || h == "deref" || h == "COM") h = head(rest);
  if (h == "In" || h == "in" || h == "Reserved" || h == "reserved" || h == "Frees") return In;
  if (h == "Inout" || h == "inout") return In | Out;
  if (h == "Out" || h == "out" || h == "Outptr" || h == "outptr" || h == "Outref") return Out;
  return 0;
}

}  // namespace

uint16_t annotation_flags(const RawToken& t) {
  if (t.kind == RawToken::Kind::Comment) return midl_comment_flags(t.text);
  if (t.kind == RawToken::Kind::Ident) return sal_flags(t.text);
  return 0;
}

uint16_t flags_between(Context& cx, CXSourceLocation from, CXCursor param) {
  FileText start = file_text(cx, from);
  FileText end = file_text(cx, clang_getRangeStart(clang_getCursorExtent(param)));
  // Bounded: annotations sit right before their parameter; a far-apart pair is a macro's doing.
  if (start.text.empty() || start.file != end.file || end.offset < start.offset ||
      end.offset - start.offset > 4096)
    return 0;
  std::vector<RawToken> toks;
  RawLexer lx(start.text.substr(0, end.offset), start.offset);
  for (RawToken t = lx.next(); t.kind != RawToken::Kind::End; t = lx.next()) toks.push_back(t);
  // The annotations are the tokens after the last `(` or `,` outside parentheses …
  size_t first = toks.size();
  int depth = 0;
  while (first > 0) {
    const RawToken& t = toks[first - 1];
    if (is_punct(t, ')')) ++depth;
    if (is_punct(t, '(')) {
      if (depth == 0) break;
      --depth;
    }
    if (is_punct(t, ',') && depth == 0) break;
    --first;
  }
  // … and of those, the ones outside an annotation's own arguments (_Out_writes_(n)).
  uint16_t flags = 0;
  depth = 0;
  for (size_t i = first; i < toks.size(); ++i) {
    if (is_punct(toks[i], '(')) ++depth;
    if (is_punct(toks[i], ')')) --depth;
    if (depth == 0) flags |= annotation_flags(toks[i]);
  }
  return flags;
}

uint16_t param_flags_from_source(Context& cx, CXCursor param) {
  // From the previous parameter's end, or from the function's name for the first one.
  CXCursor parent = clang_getCursorSemanticParent(param);
  CXSourceLocation from = clang_getCursorLocation(parent);
  CXCursor prev = clang_getNullCursor();
  bool found = false;
  visit_children(parent, [&](CXCursor c) {
    if (clang_equalCursors(c, param)) {
      found = true;
      return CXChildVisit_Break;
    }
    if (clang_getCursorKind(c) == CXCursor_ParmDecl) prev = c;
    return CXChildVisit_Continue;
  });
  if (!found) return 0;
  if (!clang_Cursor_isNull(prev)) from = clang_getRangeEnd(clang_getCursorExtent(prev));
  return flags_between(cx, from, param);
}

}  // namespace tlbkit::cheader::detail
