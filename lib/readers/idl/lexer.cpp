// The IDL reader's lexer: C preprocessing tokens from one source buffer. Layer: readers.
#include "readers/idl/lexer.h"

#include <array>
#include <cstdio>
#include <cstring>

#include "readers/tlb/ansi_text.h"

namespace tlbkit::idl {

namespace {
bool is_ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c); }
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Punctuators of three and two characters, longest first; any other punctuator is one char.
constexpr std::array<const char*, 3> kPunct3 = {"...", "<<=", ">>="};
constexpr std::array<const char*, 22> kPunct2 = {
    "..", "::", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=",
    "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "##"};
constexpr const char* kPunct1 = "()[]{};,:.=<>+-*/%&|^!~?#";
}  // namespace

void append_utf8(std::string& out, uint32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

Lexer::Lexer(std::string_view src, uint32_t file, const SourceMap* map,
             support::DiagEngine* diags)
    : src_(src), file_(file), map_(map), diags_(diags) {
  // A UTF-8 byte order mark is not part of the text.
  if (src_.size() >= 3 && std::memcmp(src_.data(), "\xEF\xBB\xBF", 3) == 0) i_ = 3;
  skip_splices();
}

void Lexer::error(const SourcePos& pos, const char* code, std::string msg) {
  if (quiet_ || !map_ || !diags_) return;
  // TK5004 (an unknown or oversized escape) is only a warning, as in C compilers.
  if (std::strcmp(code, "TK5004") == 0)
    map_->warning(*diags_, code, pos, std::move(msg));
  else
    map_->error(*diags_, code, pos, std::move(msg));
}

// A backslash at the end of a line joins the next line to it (C translation phase 2).
void Lexer::skip_splices() {
  while (i_ < src_.size() && src_[i_] == '\\') {
    size_t j = i_ + 1;
    if (j < src_.size() && src_[j] == '\r') ++j;
    if (j >= src_.size() || src_[j] != '\n') return;
    i_ = j + 1;
    ++line_;
    col_ = 1;
  }
}

char Lexer::peek(size_t k) const {
  size_t j = i_;
  for (size_t n = 0; n < k && j < src_.size(); ++n) {
    ++j;
    while (j < src_.size() && src_[j] == '\\') {  // look through splices, as advance() does
      size_t e = j + 1;
      if (e < src_.size() && src_[e] == '\r') ++e;
      if (e >= src_.size() || src_[e] != '\n') break;
      j = e + 1;
    }
  }
  return j < src_.size() ? src_[j] : '\0';
}

void Lexer::advance() {
  if (i_ >= src_.size()) return;
  if (src_[i_] == '\n') {
    ++line_;
    col_ = 1;
  } else {
    ++col_;
  }
  ++i_;
  skip_splices();
}

void Lexer::skip_block_comment() {
  SourcePos start = here();
  advance();  // '/'
  advance();  // '*'
  while (i_ < src_.size()) {
    if (cur() == '*' && peek(1) == '/') {
      advance();
      advance();
      return;
    }
    advance();
  }
  error(start, "TK5003", "unterminated comment");
}

void Lexer::skip_line_comment() {
  for (;;) {
    // Up to the line break or a backslash (which may splice the next line into the comment).
    size_t j = i_;
    while (j < src_.size() && src_[j] != '\n' && src_[j] != '\\') ++j;
    col_ += static_cast<uint32_t>(j - i_);
    i_ = j;
    if (i_ >= src_.size() || src_[i_] == '\n') return;
    size_t before = i_;
    skip_splices();                // a line splice: the comment goes on on the next line
    if (i_ == before) advance();  // a plain backslash
  }
}

bool Lexer::skip_space(bool cross_lines, bool& saw_newline) {
  bool skipped = false;
  while (i_ < src_.size()) {
    char c = cur();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      advance();
    } else if (c == '\n') {
      if (!cross_lines) break;
      saw_newline = true;
      advance();
    } else if (c == '/' && peek(1) == '*') {
      skip_block_comment();
    } else if (c == '/' && peek(1) == '/') {
      skip_line_comment();
    } else {
      break;
    }
    skipped = true;
  }
  if (skipped) space_ = true;
  return skipped;
}

bool Lexer::at_eol() {
  bool nl = false;
  skip_space(false, nl);
  return i_ >= src_.size() || cur() == '\n';
}

bool Lexer::next_char_is(char c) { return !at_eol() && cur() == c; }

void Lexer::skip_line() {
  // Comments still count: a block comment that starts here may hide the line break.
  while (!at_eol()) {
    char c = cur();
    if (c == '"' || c == '\'') {
      Token t;
      lex_quoted(t, c, false);
    } else {
      advance();
    }
  }
}

std::string Lexer::rest_of_line(SourcePos* pos) {
  at_eol();
  if (pos) *pos = here();
  std::string out;
  while (i_ < src_.size() && cur() != '\n') {
    char c = cur();
    if (c == '/' && (peek(1) == '*' || peek(1) == '/')) {
      bool nl = false;
      skip_space(false, nl);
      out += ' ';
      continue;
    }
    out += c;
    advance();
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t' || out.back() == '\r'))
    out.pop_back();
  return out;
}

bool Lexer::header_name(std::string& name, SourcePos& pos) {
  at_eol();
  pos = here();
  advance();  // '<'
  name.clear();
  while (i_ < src_.size() && cur() != '\n' && cur() != '>') {
    name += cur();
    advance();
  }
  if (cur() != '>') {
    error(pos, "TK5013", "missing '>' to end the #include file name");
    return false;
  }
  advance();
  return true;
}

void Lexer::next(Token& t, bool& bol) {
  bool space = false;
  bool in_bad_run = false;
  for (;;) {
    bool nl = false;
    bool skipped = skip_space(true, nl);
    space = skipped || space;
    if (nl) bol_ = true;
    char c = cur();
    bool ok = i_ >= src_.size() || is_ident_start(c) || is_digit(c) || c == '"' || c == '\'' ||
              (c != '\0' && std::strchr(kPunct1, c) != nullptr);
    if (ok) break;
    // A character no token starts with is dropped, with one error for a run of them (a binary
    // file gives one error per stretch of garbage, not one per byte).
    if (!in_bad_run || skipped) {
      unsigned char u = static_cast<unsigned char>(c);
      char buf[64];
      if (u >= 0x20 && u < 0x7F)
        std::snprintf(buf, sizeof buf, "invalid character '%c' in the source", c);
      else
        std::snprintf(buf, sizeof buf, "invalid byte 0x%02X in the source", u);
      error(here(), "TK5001", buf);
    }
    in_bad_run = true;
    advance();
    space = true;
  }
  t.text.clear();
  t.spelling.clear();
  t.pos = here();
  t.space_before = space || space_ || bol_;
  bol = bol_;
  bol_ = false;
  space_ = false;
  if (i_ >= src_.size()) {
    t.kind = TokKind::End;
    return;
  }
  char c = cur();
  if (c == 'L' && (peek(1) == '"' || peek(1) == '\'')) {
    advance();
    lex_quoted(t, cur(), true);
    t.spelling.insert(0, 1, 'L');
  } else if (is_ident_start(c)) {
    lex_identifier(t);
  } else if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
    lex_number(t);
  } else if (c == '"' || c == '\'') {
    lex_quoted(t, c, false);
  } else {
    lex_punct(t);
  }
}

void Lexer::lex_identifier(Token& t) {
  t.kind = TokKind::Identifier;
  for (;;) {
    // The run of identifier characters up to a possible line splice, taken at once (no line
    // break inside it, so only the column moves).
    size_t j = i_;
    while (j < src_.size() && is_ident_char(src_[j])) ++j;
    t.text.append(src_.data() + i_, j - i_);
    col_ += static_cast<uint32_t>(j - i_);
    i_ = j;
    size_t before = i_;
    skip_splices();
    if (i_ == before || i_ >= src_.size() || !is_ident_char(src_[i_])) return;
  }
}

// A C pp-number: a digit (or '.' digit), then digits, letters, '_', '.' and e+ e- p+ p- pairs.
// This keeps GUID pieces such as 0000F8773CE9 one token. It stops before "..", which IDL uses
// as its own punctuator.
void Lexer::lex_number(Token& t) {
  t.kind = TokKind::Number;
  while (i_ < src_.size()) {
    char c = cur();
    if ((c == '+' || c == '-') && !t.text.empty()) {
      char p = t.text.back();
      if (p != 'e' && p != 'E' && p != 'p' && p != 'P') break;
    } else if (c == '.') {
      if (peek(1) == '.') break;
    } else if (!is_ident_char(c)) {
      break;
    }
    t.text += c;
    advance();
  }
}

void Lexer::decode_escape(std::string& out, bool wide) {
  SourcePos pos = here();
  advance();  // the backslash
  char c = cur();
  uint32_t value = 0;
  bool numeric = false;
  switch (c) {
    case 'n': out += '\n'; advance(); return;
    case 't': out += '\t'; advance(); return;
    case 'r': out += '\r'; advance(); return;
    case 'v': out += '\v'; advance(); return;
    case 'b': out += '\b'; advance(); return;
    case 'f': out += '\f'; advance(); return;
    case 'a': out += '\a'; advance(); return;
    case '\\': case '\'': case '"': case '?': out += c; advance(); return;
    case 'x': {
      advance();
      int digits = 0;
      while (hex_value(cur()) >= 0) {
        if (value <= 0x0FFFFFFF) value = value * 16 + static_cast<uint32_t>(hex_value(cur()));
        advance();
        ++digits;
      }
      if (digits == 0) {
        error(pos, "TK5002", "\\x used with no following hex digits");
        return;
      }
      numeric = true;
      break;
    }
    case 'u': case 'U': {
      int want = c == 'u' ? 4 : 8;
      advance();
      int digits = 0;
      while (digits < want && hex_value(cur()) >= 0) {
        value = value * 16 + static_cast<uint32_t>(hex_value(cur()));
        advance();
        ++digits;
      }
      if (digits != want) error(pos, "TK5002", "incomplete universal character name");
      append_utf8(out, value);
      return;
    }
    default:
      if (c >= '0' && c <= '7') {
        for (int n = 0; n < 3 && cur() >= '0' && cur() <= '7'; ++n) {
          value = value * 8 + static_cast<uint32_t>(cur() - '0');
          advance();
        }
        numeric = true;
        break;
      }
      error(pos, "TK5004", std::string("unknown escape sequence '\\") + c + "'");
      if (c != '\n' && c != '\0') {
        out += c;
        advance();
      }
      return;
  }
  if (!numeric) return;
  if (wide) {
    append_utf8(out, value);
  } else if (value < 0x80) {
    out += static_cast<char>(value);
  } else {
    if (value > 0xFF) error(pos, "TK5004", "escape sequence out of range for a narrow string");
    // A narrow string's bytes are in the ANSI code page, read as Windows-1252 (ansi_text.h).
    uint8_t byte = static_cast<uint8_t>(value & 0xFF);
    out += tlb::ansi_to_utf8(std::span<const uint8_t>(&byte, 1), false);
  }
}

void Lexer::lex_quoted(Token& t, char quote, bool wide) {
  t.kind = quote == '"' ? (wide ? TokKind::WideString : TokKind::String) : TokKind::Char;
  SourcePos start = here();
  size_t from = i_;
  advance();
  bool closed = false;
  while (i_ < src_.size() && cur() != '\n') {
    char c = cur();
    if (c == quote) {
      advance();
      closed = true;
      break;
    }
    if (c == '\\') {
      decode_escape(t.text, wide);
    } else {
      t.text += c;
      advance();
    }
  }
  // The spelling is the source text; a splice inside it (rare) stays in it, harmlessly.
  t.spelling.assign(src_.substr(from, i_ - from));
  if (!closed) {
    error(start, "TK5002",
          quote == '"' ? "missing terminating '\"' character" : "missing terminating ' character");
    t.spelling += quote;
  } else if (quote == '\'' && t.text.empty()) {
    error(start, "TK5005", "empty character constant");
  }
}

void Lexer::lex_punct(Token& t) {
  t.kind = TokKind::Punct;
  char c0 = cur(), c1 = peek(1), c2 = peek(2);
  for (const char* p : kPunct3)
    if (p[0] == c0 && p[1] == c1 && p[2] == c2) {
      t.text = p;
      advance();
      advance();
      advance();
      return;
    }
  for (const char* p : kPunct2)
    if (p[0] == c0 && p[1] == c1) {
      t.text = p;
      advance();
      advance();
      return;
    }
  t.text = c0;
  advance();
}

}  // namespace tlbkit::idl
