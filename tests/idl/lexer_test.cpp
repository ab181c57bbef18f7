// Tests of the IDL lexer: token kinds, decoded strings, punctuators, positions, errors.
// Layer: tests.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "readers/idl/lexer.h"
#include "readers/idl/token.h"

using namespace tlbkit;
using namespace tlbkit::idl;

namespace {
struct Lexed {
  std::vector<Token> tokens;  // without the End token
  std::vector<bool> bol;
  support::DiagEngine diags;
  SourceMap map;
};

void lex_all(const std::string& src, Lexed& out) {
  out.map.files.push_back({"t.idl", std::nullopt});
  Lexer lex(src, 0, &out.map, &out.diags);
  for (int guard = 0; guard < 100000; ++guard) {
    Token t;
    bool bol = false;
    lex.next(t, bol);
    if (t.kind == TokKind::End) return;
    out.tokens.push_back(t);
    out.bol.push_back(bol);
  }
  FAIL("the lexer did not reach the end");
}

std::vector<std::string> texts(const Lexed& l) {
  std::vector<std::string> v;
  for (const Token& t : l.tokens) v.push_back(t.text);
  return v;
}
}  // namespace

TEST_CASE("lexer: identifiers, pp-numbers and GUID pieces stay one token") {
  Lexed l;
  std::string src = "uuid(DE77BA65-517C-11D1-A2DA-0000F8773CE9) 0x1Fu 10L 1.5e-3 x1";
  lex_all(src, l);
  CHECK(texts(l) == std::vector<std::string>{"uuid", "(", "DE77BA65", "-", "517C", "-", "11D1",
                                             "-", "A2DA", "-", "0000F8773CE9", ")", "0x1Fu",
                                             "10L", "1.5e-3", "x1"});
  CHECK(l.tokens[0].kind == TokKind::Identifier);
  CHECK(l.tokens[4].kind == TokKind::Number);
  CHECK(l.tokens[10].kind == TokKind::Number);
  CHECK(l.tokens[14].kind == TokKind::Number);
  CHECK_FALSE(l.diags.has_errors());
}

TEST_CASE("lexer: punctuators by longest match") {
  Lexed l;
  lex_all("a...b..c::d->e##f#g<<=h>>i<=j!=k&&l||m", l);
  CHECK(texts(l) == std::vector<std::string>{"a", "...", "b", "..", "c", "::", "d", "->", "e",
                                             "##", "f", "#", "g", "<<=", "h", ">>", "i", "<=",
                                             "j", "!=", "k", "&&", "l", "||", "m"});
  for (size_t i = 1; i < l.tokens.size(); i += 2) CHECK(l.tokens[i].kind == TokKind::Punct);
}

TEST_CASE("lexer: strings decode every C escape; the spelling stays as written") {
  Lexed l;
  lex_all(R"("a\tb\n\\\"\x41\101\u00e9\?" L"w\x263A" 'c' '\'' L'\x41' "\xE9")", l);
  REQUIRE(l.tokens.size() == 6);
  CHECK(l.tokens[0].kind == TokKind::String);
  CHECK(l.tokens[0].text == "a\tb\n\\\"AA\xC3\xA9?");
  CHECK(l.tokens[0].spelling == R"("a\tb\n\\\"\x41\101\u00e9\?")");
  CHECK(l.tokens[1].kind == TokKind::WideString);
  CHECK(l.tokens[1].text == "w\xE2\x98\xBA");  // U+263A in UTF-8
  CHECK(l.tokens[1].spelling == R"(L"w\x263A")");
  CHECK(l.tokens[2].kind == TokKind::Char);
  CHECK(l.tokens[2].text == "c");
  CHECK(l.tokens[3].text == "'");
  CHECK(l.tokens[4].kind == TokKind::Char);
  CHECK(l.tokens[4].text == "A");
  CHECK(l.tokens[4].spelling == R"(L'\x41')");
  CHECK(l.tokens[5].text == "\xC3\xA9");  // byte 0xE9 read as Windows-1252: é
  CHECK_FALSE(l.diags.has_errors());
}

TEST_CASE("lexer: comments, line splices, positions and space_before") {
  Lexed l;
  lex_all("a /* x\n y */ b // c\n  c\\\nd e(f)\n\tg", l);
  CHECK(texts(l) == std::vector<std::string>{"a", "b", "cd", "e", "(", "f", ")", "g"});
  CHECK(l.tokens[0].pos.line == 1);
  CHECK(l.tokens[0].pos.column == 1);
  CHECK(l.tokens[1].pos.line == 2);
  CHECK(l.tokens[1].pos.column == 7);
  CHECK(l.tokens[2].pos.line == 3);
  CHECK(l.tokens[2].pos.column == 3);
  CHECK(l.tokens[3].pos.line == 4);
  CHECK(l.tokens[3].pos.column == 3);
  CHECK(l.tokens[6].pos.column == 6);
  CHECK(l.tokens[7].pos.line == 5);
  CHECK(l.tokens[7].pos.column == 2);
  CHECK(l.bol == std::vector<bool>{true, false, true, false, false, false, false, true});
  CHECK(l.tokens[1].space_before);
  CHECK(l.tokens[3].space_before);
  CHECK_FALSE(l.tokens[4].space_before);
  CHECK_FALSE(l.tokens[5].space_before);
  CHECK_FALSE(l.diags.has_errors());
}

TEST_CASE("lexer: identifiers and // comments read in runs keep splices and columns") {
  // An identifier spliced twice, a // comment continued by a splice (its next line is comment
  // too), a backslash inside a comment that is no splice, and columns after long runs.
  Lexed l;
  lex_all("long_name_1\\\nx\\\r\ny z // a \\\n still comment\nw // p\\q\n  v", l);
  CHECK(texts(l) == std::vector<std::string>{"long_name_1xy", "z", "w", "v"});
  REQUIRE(l.tokens.size() == 4);
  CHECK(l.tokens[1].pos.line == 3);
  CHECK(l.tokens[1].pos.column == 3);
  CHECK(l.tokens[2].pos.line == 5);
  CHECK(l.tokens[2].pos.column == 1);
  CHECK(l.tokens[3].pos.line == 6);
  CHECK(l.tokens[3].pos.column == 3);
  CHECK_FALSE(l.diags.has_errors());
}

TEST_CASE("lexer: a bad character is one located error and lexing goes on") {
  Lexed l;
  lex_all("a @ b\n  `c", l);
  CHECK(texts(l) == std::vector<std::string>{"a", "b", "c"});
  REQUIRE(l.diags.all().size() == 2);
  CHECK(l.diags.all()[0].code == "TK5001");
  CHECK(l.diags.all()[0].where.file == "t.idl");
  CHECK(l.diags.all()[0].where.line == 1);
  CHECK(l.diags.all()[0].where.column == 3);
  CHECK(l.diags.all()[1].where.line == 2);
  CHECK(l.diags.all()[1].where.column == 3);
}

TEST_CASE("lexer: unterminated string, char and comment are located errors") {
  Lexed l;
  lex_all("x \"abc\ny 'q\nz /* never", l);
  CHECK(texts(l) == std::vector<std::string>{"x", "abc", "y", "q", "z"});
  REQUIRE(l.diags.all().size() == 3);
  CHECK(l.diags.all()[0].code == "TK5002");
  CHECK(l.diags.all()[0].where.line == 1);
  CHECK(l.diags.all()[0].where.column == 3);
  CHECK(l.diags.all()[1].code == "TK5002");
  CHECK(l.diags.all()[1].where.line == 2);
  CHECK(l.diags.all()[1].where.column == 3);
  CHECK(l.diags.all()[2].code == "TK5003");
  CHECK(l.diags.all()[2].where.line == 3);
  CHECK(l.diags.all()[2].where.column == 3);
}

TEST_CASE("lexer: a run of bad bytes is one error; CRLF line ends and splices work") {
  Lexed l;
  lex_all(std::string("a \x01\x02\xff\xfe b \x01 c", 12), l);
  CHECK(texts(l) == std::vector<std::string>{"a", "b", "c"});
  REQUIRE(l.diags.all().size() == 2);
  CHECK(l.diags.all()[0].where.column == 3);
  CHECK(l.diags.all()[1].where.column == 10);
  CHECK(l.diags.all()[0].message == "invalid byte 0x01 in the source");

  Lexed crlf;
  lex_all("a\r\nb\\\r\nc \"s\"\r\n  d", crlf);
  CHECK(texts(crlf) == std::vector<std::string>{"a", "bc", "s", "d"});
  CHECK(crlf.tokens[1].pos.line == 2);
  CHECK(crlf.tokens[3].pos.line == 4);
  CHECK(crlf.tokens[3].pos.column == 3);
  CHECK_FALSE(crlf.diags.has_errors());
}

TEST_CASE("lexer: a UTF-8 byte order mark is skipped; raw UTF-8 in strings is kept") {
  Lexed l;
  lex_all("\xEF\xBB\xBFx \"caf\xC3\xA9\"", l);
  REQUIRE(l.tokens.size() == 2);
  CHECK(l.tokens[0].text == "x");
  CHECK(l.tokens[1].text == "caf\xC3\xA9");
  CHECK_FALSE(l.diags.has_errors());
}
