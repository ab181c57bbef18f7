// Tests of the IDL preprocessor: each directive, macro expansion by the C rules, #if
// expressions, includes, and each error with its exact location. Files come from an in-memory
// map. Layer: tests.
#include <doctest/doctest.h>

#include <chrono>
#include <sys/resource.h>
#include <map>
#include <string>
#include <vector>

#include "readers/idl/lexer.h"
#include "readers/idl/preprocessor.h"

using namespace tlbkit;
using namespace tlbkit::idl;

namespace {

struct Run {
  support::DiagEngine diags{0};
  std::optional<TokenStream> ts;

  /// The tokens' spellings joined by single spaces (Pragma tokens as "#pragma(TEXT)").
  std::string text() const {
    std::string s;
    if (!ts) return s;
    for (const Token& t : ts->tokens) {
      if (t.kind == TokKind::End) break;
      if (!s.empty()) s += ' ';
      s += t.kind == TokKind::Pragma ? "#pragma(" + t.text + ")" : token_spelling(t);
    }
    return s;
  }
  std::vector<const support::Diagnostic*> with_code(const std::string& code) const {
    std::vector<const support::Diagnostic*> v;
    for (const auto& d : diags.all())
      if (d.code == code) v.push_back(&d);
    return v;
  }
  const Token& token(size_t i) const { return ts->tokens.at(i); }
};

using Files = std::map<std::string, std::string>;

void run_pp(Run& r, const Files& files, PreprocessOptions opts = {},
            const std::string& main = "main.idl") {
  opts.read_file = [files](const std::string& p) -> std::optional<std::string> {
    auto it = files.find(p);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  r.ts = preprocess(main, opts, r.diags);
}

std::string pp_text(const std::string& src, PreprocessOptions opts = {}) {
  Run r;
  run_pp(r, {{"main.idl", src}}, std::move(opts));
  CHECK_MESSAGE(!r.diags.has_errors(), src);
  return r.text();
}

void check_at(const support::Diagnostic& d, const std::string& file, uint32_t line,
              uint32_t column) {
  CHECK(d.where.file == file);
  CHECK(d.where.line == line);
  CHECK(d.where.column == column);
}

}  // namespace

TEST_CASE("preprocessor: a file without directives passes its tokens through, End last") {
  Run r;
  run_pp(r, {{"main.idl", "interface I { HRESULT f([in] int a); };"}});
  REQUIRE(r.ts);
  CHECK(r.text() == "interface I { HRESULT f ( [ in ] int a ) ; } ;");
  CHECK(r.ts->tokens.back().kind == TokKind::End);
  REQUIRE(r.ts->sources.files.size() == 1);
  CHECK(r.ts->sources.files[0].path == "main.idl");
  CHECK_FALSE(r.ts->sources.files[0].included_from.has_value());
}

TEST_CASE("preprocessor: the main file missing gives nullopt and one error") {
  Run r;
  run_pp(r, {}, {}, "nowhere.idl");
  CHECK_FALSE(r.ts.has_value());
  REQUIRE(r.diags.all().size() == 1);
  CHECK(r.diags.all()[0].code == "TK5014");
  CHECK(r.diags.all()[0].where.file == "nowhere.idl");
}

TEST_CASE("preprocessor: object-like and function-like macros") {
  CHECK(pp_text("#define N 10\n#define SQ(x) ((x) * (x))\nN SQ(N + 1) SQ((1, 2))") ==
        "10 ( ( 10 + 1 ) * ( 10 + 1 ) ) ( ( ( 1 , 2 ) ) * ( ( 1 , 2 ) ) )");
  // A function-like macro's name without '(' is just a name.
  CHECK(pp_text("#define f(x) [x]\nf; f (1) f\n(2)") == "f ; [ 1 ] [ 2 ]");
  // "(-1)" after a space is a replacement list, not a parameter list.
  CHECK(pp_text("#define DISPID_X (-525)\nDISPID_X") == "( - 525 )");
  CHECK(pp_text("#define E\n#define F()\n[E F()]") == "[ ]");
  CHECK(pp_text("#define A 1\n#undef A\nA") == "A");
}

TEST_CASE("preprocessor: # stringizes and ## pastes") {
  CHECK(pp_text("#define S(x) #x\nS(a  +  \"q\\n\" 'c')") == R"("a + \"q\\n\" 'c'")");
  Run r;
  run_pp(r, {{"main.idl", "#define S(x) #x\nS( L\"w\" )"}});
  REQUIRE(r.ts->tokens.size() == 2);
  CHECK(r.token(0).kind == TokKind::String);
  CHECK(r.token(0).text == "L\"w\"");
  CHECK(pp_text("#define CAT(a, b) a ## b\nCAT(x, 1) CAT(0x, 1F) CAT(, y) CAT(z, ) CAT(,)") ==
        "x1 0x1F y z");
  // Arguments of ## are not expanded first; the result is rescanned.
  CHECK(pp_text("#define CAT(a, b) a ## b\n#define x1 done\n#define y Y\nCAT(x, 1) CAT(y, y)") ==
        "done yy");
  CHECK(pp_text("#define GLUE(a, b, c) a ## b ## c\nGLUE(1, 2, 3) GLUE(, , 3) GLUE(1, , )") ==
        "123 3 1");
}

TEST_CASE("preprocessor: variadic macros") {
  CHECK(pp_text("#define V(...) f(__VA_ARGS__)\nV() V(1) V(1, 2, (3, 4))") ==
        "f ( ) f ( 1 ) f ( 1 , 2 , ( 3 , 4 ) )");
  CHECK(pp_text("#define V(a, ...) a: __VA_ARGS__;\nV(1) V(1, 2, 3)") == "1 : ; 1 : 2 , 3 ;");
  CHECK(pp_text("#define G(fmt, args...) p(fmt, ## args)\nG(x) G(x, 1, 2)") ==
        "p ( x ) p ( x , 1 , 2 )");
  CHECK(pp_text("#define H(fmt, ...) p(fmt, ## __VA_ARGS__)\nH(x) H(x, y)") ==
        "p ( x ) p ( x , y )");
}

TEST_CASE("preprocessor: a macro is not re-expanded inside its own expansion") {
  CHECK(pp_text("#define foo foo\nfoo") == "foo");
  CHECK(pp_text("#define a b\n#define b a\na b") == "a b");
  CHECK(pp_text("#define f(x) x f\nf(1)(2)") == "1 f ( 2 )");
  // C99 6.10.3.5, example 3.
  std::string src =
      "#define x 3\n#define f(a) f(x * (a))\n#undef x\n#define x 2\n#define g f\n"
      "#define z z[0]\n#define h g(~\n#define m(a) a(w)\n#define w 0,1\n"
      "#define t(a) a\n#define p() int\n#define q(x) x\n#define r(x,y) x ## y\n"
      "f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);\n"
      "g(x+(3,4)-w) | h 5) & m\n(f)^m(m);\n";
  CHECK(pp_text(src) ==
        "f ( 2 * ( y + 1 ) ) + f ( 2 * ( f ( 2 * ( z [ 0 ] ) ) ) ) % f ( 2 * ( 0 ) ) + t ( 1 ) ; "
        "f ( 2 * ( 2 + ( 3 , 4 ) - 0 , 1 ) ) | f ( 2 * ( ~ 5 ) ) & f ( 2 * ( 0 , 1 ) ) ^ m ( 0 , 1 ) ;");
}

TEST_CASE("preprocessor: expanded tokens carry the position of the macro's use") {
  Run r;
  run_pp(r, {{"main.idl", "#define PAIR(a) a, 7\n\n  x PAIR(y)"}});
  REQUIRE(r.ts->tokens.size() == 5);
  CHECK(r.token(1).text == "y");
  CHECK(r.token(1).pos.line == 3);
  CHECK(r.token(1).pos.column == 10);  // an argument keeps its own place
  CHECK(r.token(2).text == ",");
  CHECK(r.token(2).pos.line == 3);
  CHECK(r.token(2).pos.column == 5);  // the use of PAIR
  CHECK(r.token(3).pos.column == 5);
  CHECK(r.token(1).space_before);  // the expansion's first token takes the name's spacing
}

TEST_CASE("preprocessor: __FILE__ and __LINE__") {
  Run r;
  run_pp(r, {{"main.idl", "#include \"d/inc.h\"\n__LINE__"}, {"d/inc.h", "__FILE__ __LINE__"}});
  CHECK(r.text() == "\"d/inc.h\" 1 2");
  CHECK(r.token(0).text == "d/inc.h");
  CHECK(r.token(0).kind == TokKind::String);
  CHECK(r.token(1).kind == TokKind::Number);
}

TEST_CASE("preprocessor: predefined macros, then -D, then -U; target_macros") {
  PreprocessOptions o;
  o.predefined = {{"P", "1"}, {"Q", "2"}};
  o.defines = {{"Q", std::string("3")}, {"R", std::nullopt}, {"F(x)", std::string("<x>")},
               {"EMPTY", std::string()}};
  o.undefines = {"P"};
  CHECK(pp_text("P Q R F(4) [EMPTY]", o) == "P 3 1 < 4 > [ ]");

  auto has = [](const std::vector<std::pair<std::string, std::string>>& m, const char* name) {
    for (const auto& [n, v] : m)
      if (n == name) return true;
    return false;
  };
  auto w64 = target_macros(model::SysKind::Win64);
  auto w32 = target_macros(model::SysKind::Win32);
  for (const char* name : {"__WIDL__", "__midl", "_WIN32"}) {
    CHECK(has(w64, name));
    CHECK(has(w32, name));
  }
  CHECK(has(w64, "_WIN64"));
  CHECK_FALSE(has(w32, "_WIN64"));
  PreprocessOptions t;
  t.predefined = w64;
  CHECK(pp_text("#if defined(_WIN64) && __midl >= 500 && __WIDL__\nyes\n#endif", t) == "yes");
}

TEST_CASE("preprocessor: #if, #ifdef, #ifndef, #elif, #else, #endif") {
  CHECK(pp_text("#define A\n#ifdef A\na\n#else\nb\n#endif\n#ifndef A\nc\n#endif") == "a");
  CHECK(pp_text("#if 0\nx\n#elif 0\ny\n#elif 2\nz\n#elif 1\nw\n#else\nv\n#endif") == "z");
  CHECK(pp_text("#if 0\n#if 1\nx\n#else\ny\n#endif\n#else\nz\n#endif") == "z");
  CHECK(pp_text("#if 1\nx\n#elif 1/0\ny\n#endif") == "x");  // not evaluated
  CHECK(pp_text("#define D\n#if defined D && defined(D) && !defined(E)\nok\n#endif") == "ok");
  CHECK(pp_text("#if UNKNOWN == 0 && !UNKNOWN\nzero\n#endif") == "zero");
  // The operand of `defined` is not expanded; `defined` may come out of a macro.
  CHECK(pp_text("#define D E\n#if defined D && !defined E\nraw\n#endif") == "raw");
  CHECK(pp_text("#define D\n#define HAVE_D defined(D)\n#define HAVE_Q defined Q\n"
                "#if HAVE_D && !HAVE_Q\nviamacro\n#endif") == "viamacro");
  // A skipped group may hold anything, even what would not lex.
  CHECK(pp_text("#if 0\nit's \"unterminated\n@ #bogus\n#endif\nend") == "end");
}

TEST_CASE("preprocessor: #if constant expressions") {
  const char* truths[] = {
      "1 + 2 * 3 == 7",  "(1 + 2) * 3 == 9", "7 / 2 == 3",   "-7 / 2 == -3",  "7 % 3 == 1",
      "1 << 4 == 16",    "-16 >> 2 == -4",   "0x1F == 31",   "010 == 8",      "0b101 == 5",
      "10L == 10",       "10UL == 10u",      "100i64 == 100", "'A' == 65",    "'\\n' == 10",
      "L'\\x263A' == 0x263A", "-1 < 0",      "!(-1 < 0u)",   "~0 == -1",      "!0 && !!5",
      "(3 & 5) == 1",    "(3 | 5) == 7",     "(3 ^ 5) == 6", "1 ? 2 : 0",     "(0 ? 1 : 2) == 2",
      "0 || 1",          "1 || 1 / 0",       "!(0 && 1 / 0)", "2 > 1 && 1 >= 1 && 1 <= 1",
      "1 != 2",          "(1, 2) == 2",      "0xFFFFFFFFFFFFFFFF == -1",
      "18446744073709551615 > 0",            "(-9223372036854775807 - 1) / -1 < 0"};
  for (const char* e : truths) {
    std::string expr = e;
    CAPTURE(expr);
    CHECK(pp_text(std::string("#if ") + e + "\nyes\n#else\nno\n#endif") == "yes");
  }
}

TEST_CASE("preprocessor: #if errors are located, and count as false") {
  struct Case {
    const char* src;
    uint32_t column;
  } cases[] = {{"#if 1 / 0\nx\n#endif", 7},   {"#if 1 % (2 - 2)\nx\n#endif", 7},
               {"#if\nx\n#endif", 1},         {"#if 1 +\nx\n#endif", 7},
               {"#if (1\nx\n#endif", 6},      {"#if 1.5\nx\n#endif", 5},
               {"#if 1 2\nx\n#endif", 7},     {"#if \"s\"\nx\n#endif", 5},
               {"#if defined(\nx\n#endif", 5}, {"#if 1 ? 2\nx\n#endif", 9},
               {"#if 08\nx\n#endif", 5}};
  for (const Case& c : cases) {
    std::string src = c.src;
    CAPTURE(src);
    Run r;
    run_pp(r, {{"main.idl", c.src}});
    CHECK(r.text().empty());
    auto errs = r.with_code("TK5040");
    REQUIRE(errs.size() == 1);
    CHECK(r.diags.error_count() == 1);
    check_at(*errs[0], "main.idl", 1, c.column);
  }
}

TEST_CASE("preprocessor: unbalanced conditionals are located errors") {
  Run r;
  run_pp(r, {{"main.idl", "a\n#else\nb\n#endif\n#elif 1\n#if 1\n#else\n#else\n#elif 1\nc"}});
  auto errs = r.with_code("TK5030");
  REQUIRE(errs.size() == 5);
  check_at(*errs[0], "main.idl", 2, 1);  // #else without #if
  check_at(*errs[1], "main.idl", 4, 1);  // #endif without #if
  check_at(*errs[2], "main.idl", 5, 1);  // #elif without #if
  check_at(*errs[3], "main.idl", 8, 1);  // #else after #else
  check_at(*errs[4], "main.idl", 9, 1);  // #elif after #else
  auto open = r.with_code("TK5031");
  REQUIRE(open.size() == 1);
  check_at(*open[0], "main.idl", 6, 1);  // the #if never closed
}

TEST_CASE("preprocessor: #ifdef without a name is an error") {
  Run r;
  run_pp(r, {{"main.idl", "#ifdef\n#endif\n#ifndef 3\n#endif"}});
  auto errs = r.with_code("TK5030");
  REQUIRE(errs.size() == 2);
  check_at(*errs[0], "main.idl", 1, 1);
  check_at(*errs[1], "main.idl", 3, 9);
}

TEST_CASE("preprocessor: #include searches the including file's folder, then -I") {
  Files files = {{"src/main.idl", "#include \"a.h\"\n#include <b.h>\n#include \"sub/c.h\"\nend"},
                 {"src/a.h", "local_a"},
                 {"inc/a.h", "wrong_a"},
                 {"src/b.h", "wrong_b"},
                 {"inc/b.h", "inc_b"},
                 {"inc/sub/c.h", "#include \"d.h\"\n"},
                 {"inc/sub/d.h", "d_next_to_c"}};
  PreprocessOptions o;
  o.include_dirs = {"inc"};
  Run r;
  run_pp(r, files, o, "src/main.idl");
  CHECK_FALSE(r.diags.has_errors());
  CHECK(r.text() == "local_a inc_b d_next_to_c end");
  const auto& f = r.ts->sources.files;
  REQUIRE(f.size() == 5);
  CHECK(f[1].path == "src/a.h");
  CHECK(f[2].path == "inc/b.h");
  CHECK(f[3].path == "inc/sub/c.h");
  CHECK(f[4].path == "inc/sub/d.h");
  REQUIRE(f[4].included_from.has_value());
  CHECK(f[4].included_from->file == 3);
  CHECK(f[4].included_from->line == 1);
  CHECK(f[4].included_from->column == 10);
  // The included tokens carry their own file's positions.
  CHECK(r.token(0).pos.file == 1);
  CHECK(r.token(2).pos.file == 4);
  CHECK(r.token(3).pos.file == 0);
  CHECK(r.token(3).pos.line == 4);
}

TEST_CASE("preprocessor: a missing include is one error at the #include with the chain") {
  Run r;
  run_pp(r, {{"main.idl", "a\n#include \"mid.h\"\nb"}, {"mid.h", "m\n  #include <x.idl>\nn"}});
  CHECK(r.text() == "a m n b");
  REQUIRE(r.diags.all().size() == 1);
  const support::Diagnostic& d = r.diags.all()[0];
  CHECK(d.code == "TK5010");
  CHECK(d.message == "cannot open include file 'x.idl'");
  check_at(d, "mid.h", 2, 12);
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].severity == support::Severity::Note);
  CHECK(d.notes[0].message == "included from here");
  CHECK(d.notes[0].where.file == "main.idl");
  CHECK(d.notes[0].where.line == 2);
  CHECK(d.notes[0].where.column == 10);
  check_at(d.notes[0], "main.idl", 2, 10);
}

TEST_CASE("preprocessor: an include cycle is an error with the chain, not a hang") {
  Run r;
  run_pp(r, {{"main.idl", "#include \"a.h\"\nend"},
             {"a.h", "a\n#include \"b.h\"\n"},
             {"b.h", "b\n#include \"a.h\"\n"}});
  CHECK(r.text() == "a b end");
  auto errs = r.with_code("TK5011");
  REQUIRE(errs.size() == 1);
  check_at(*errs[0], "b.h", 2, 10);
  REQUIRE(errs[0]->notes.size() == 2);
  CHECK(errs[0]->notes[0].message == "included from here");
  CHECK(errs[0]->notes[0].where.file == "a.h");
  CHECK(errs[0]->notes[0].where.line == 2);
  CHECK(errs[0]->notes[1].where.file == "main.idl");
  CHECK(errs[0]->notes[1].where.line == 1);
  CHECK(r.diags.error_count() == 1);
}

TEST_CASE("preprocessor: include guards and #pragma once include a file once") {
  Run r;
  run_pp(r, {{"main.idl",
              "#include \"g.h\"\n#include \"g.h\"\n#include \"o.h\"\n#include \"o.h\"\n"
              "#include \"self.h\"\n"},
             {"g.h", "#ifndef G_H\n#define G_H\ng\n#include \"g.h\"\n#endif\n"},
             {"o.h", "#pragma once\no\n"},
             {"self.h", "#ifndef S_H\n#define S_H\ns\n#include \"self.h\"\n#endif\n"}});
  CHECK_FALSE(r.diags.has_errors());
  CHECK(r.text() == "g o s");
}

TEST_CASE("preprocessor: #include nested too deeply is an error, not a crash") {
  Files files;
  for (int i = 0; i < 300; ++i)
    files["f" + std::to_string(i) + ".h"] = "#include \"f" + std::to_string(i + 1) + ".h\"\n";
  files["main.idl"] = "#include \"f0.h\"\nend";
  Run r;
  run_pp(r, files);
  CHECK(r.text() == "end");
  auto errs = r.with_code("TK5012");
  REQUIRE(errs.size() == 1);
  CHECK(errs[0]->where.file == "f198.h");
  CHECK(r.diags.error_count() == 1);
}

TEST_CASE("preprocessor: an include fan without guards is bounded") {
  // Each level includes the next twice: 2^40 inclusions of files that give no tokens.
  Files files;
  for (int i = 0; i < 40; ++i) {
    std::string next = "l" + std::to_string(i + 1) + ".h";
    files["l" + std::to_string(i) + ".h"] = "#include \"" + next + "\"\n#include \"" + next + "\"\n";
  }
  files["l40.h"] = "#if 0\n" + std::string(4096, 'x') + "\n#endif\n";
  files["main.idl"] = "#include \"l0.h\"\nend";
  auto start = std::chrono::steady_clock::now();
  Run r;
  run_pp(r, files);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(r.text() == "end");
  CHECK(r.with_code("TK5012").size() == 1);
  CHECK(r.diags.error_count() == 1);
  CHECK(seconds < 30);
}

TEST_CASE("preprocessor: malformed #include lines") {
  Run r;
  run_pp(r, {{"main.idl", "#include\n#include <a.h\n#include nothing\n#include \"\"\n"}});
  CHECK(r.with_code("TK5013").size() == 4);
  check_at(*r.with_code("TK5013")[0], "main.idl", 1, 2);
  check_at(*r.with_code("TK5013")[1], "main.idl", 2, 10);
  // A computed include is expanded first.
  Run c;
  run_pp(c, {{"main.idl", "#define H \"h.h\"\n#include H\n"}, {"h.h", "from_h"}});
  CHECK_FALSE(c.diags.has_errors());
  CHECK(c.text() == "from_h");
}

TEST_CASE("preprocessor: #pragma becomes a Pragma token; #pragma once does not") {
  Run r;
  run_pp(r, {{"main.idl", "a\n  #  pragma   pack(push, 8)  \n#pragma once\nb"}});
  CHECK(r.text() == "a #pragma(pack(push, 8)) b");
  REQUIRE(r.ts->tokens.size() == 4);
  CHECK(r.token(1).kind == TokKind::Pragma);
  CHECK(r.token(1).pos.line == 2);
  CHECK(r.token(1).pos.column == 3);
}

TEST_CASE("preprocessor: #line renumbers lines and may rename the file") {
  Run r;
  run_pp(r, {{"main.idl", "a\n#line 100\nb\n#line 7 \"other.idl\"\nc\n# 42 \"gnu.idl\" 2\nd"}});
  CHECK_FALSE(r.diags.has_errors());
  CHECK(r.token(1).pos.line == 100);
  CHECK(r.token(2).pos.line == 7);
  CHECK(r.ts->sources.files[r.token(2).pos.file].path == "other.idl");
  CHECK(r.token(3).pos.line == 42);
  CHECK(r.ts->sources.location(r.token(3).pos).file == "gnu.idl");
  Run bad;
  run_pp(bad, {{"main.idl", "#line x\n#line 0\n"}});
  CHECK(bad.with_code("TK5053").size() == 2);
}

TEST_CASE("preprocessor: #error, #warning and unknown directives") {
  Run r;
  run_pp(r, {{"main.idl", "a\n#error this is /* c */ bad\n #warning careful\n#frobnicate x\n"
                          "#\nb"}});
  CHECK(r.text() == "a b");
  auto e = r.with_code("TK5050");
  REQUIRE(e.size() == 1);
  CHECK(e[0]->message == "#error this is  bad");
  check_at(*e[0], "main.idl", 2, 1);
  auto w = r.with_code("TK5051");
  REQUIRE(w.size() == 1);
  CHECK(w[0]->severity == support::Severity::Warning);
  check_at(*w[0], "main.idl", 3, 2);
  auto u = r.with_code("TK5052");
  REQUIRE(u.size() == 1);
  check_at(*u[0], "main.idl", 4, 2);
  CHECK(r.diags.error_count() == 2);
}

TEST_CASE("preprocessor: macro errors are located") {
  Run r;
  run_pp(r, {{"main.idl", "#define F(a, b) a b\n"
                          "F(1)\n"                 // too few arguments
                          "#define 3 x\n"          // not an identifier
                          "#define G(a, a) a\n"    // duplicate parameter
                          "#define H(a) #b\n"      // # without a parameter
                          "#define P(a) ## a\n"    // ## at the start
                          "#define C(a, b) a ## b\n"
                          "C(+, -)\n"              // not one token
                          "F(1,\n"}});             // never closed
  auto count = r.with_code("TK5022");
  REQUIRE(count.size() == 1);
  check_at(*count[0], "main.idl", 2, 1);
  auto def = r.with_code("TK5020");
  REQUIRE(def.size() == 2);
  check_at(*def[0], "main.idl", 3, 9);
  check_at(*def[1], "main.idl", 4, 14);
  auto hash = r.with_code("TK5025");
  REQUIRE(hash.size() == 2);
  check_at(*hash[0], "main.idl", 5, 14);
  check_at(*hash[1], "main.idl", 6, 14);
  auto paste = r.with_code("TK5024");
  REQUIRE(paste.size() == 1);
  check_at(*paste[0], "main.idl", 8, 1);
  auto open = r.with_code("TK5023");
  REQUIRE(open.size() == 1);
  check_at(*open[0], "main.idl", 9, 1);
}

TEST_CASE("preprocessor: a redefinition with a different body is a warning") {
  Run r;
  run_pp(r, {{"main.idl", "#define A 1\n#define A 1\n#define A 2\nA"}});
  CHECK(r.text() == "2");
  auto w = r.with_code("TK5021");
  REQUIRE(w.size() == 1);
  check_at(*w[0], "main.idl", 3, 9);
  CHECK_FALSE(r.diags.has_errors());
}

TEST_CASE("preprocessor: exponential macro expansion is stopped with an error") {
  // m40 would give 2^41 tokens: the output bound stops it. e40 gives none but needs 2^41
  // substitutions: the work bound stops it.
  for (const char* leaf : {"x x", ""}) {
    std::string src = std::string("#define m0 ") + leaf + "\n";
    for (int i = 1; i <= 40; ++i)
      src += "#define m" + std::to_string(i) + " m" + std::to_string(i - 1) + " m" +
             std::to_string(i - 1) + "\n";
    src += "m40\nafter\n";
    auto start = std::chrono::steady_clock::now();
    Run r;
    run_pp(r, {{"main.idl", src}});
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    auto errs = r.with_code("TK5026");
    REQUIRE(errs.size() == 1);
    check_at(*errs[0], "main.idl", 42, 1);
    CHECK(r.diags.error_count() == 1);
    CHECK(seconds < 30);
    REQUIRE(r.ts);
    CHECK(r.ts->tokens.back().kind == TokKind::End);
  }
}

TEST_CASE("preprocessor: deeply nested macro arguments are bounded") {
  std::string src = "#define f(x) x\n";
  for (int i = 0; i < 2000; ++i) src += "f(";
  src += "1";
  for (int i = 0; i < 2000; ++i) src += ")";
  Run r;
  run_pp(r, {{"main.idl", src}});
  CHECK(r.with_code("TK5026").size() == 1);
  REQUIRE(r.ts);
}

TEST_CASE("preprocessor: a bad -D is an error located at the command line") {
  PreprocessOptions o;
  o.defines = {{"1X", std::string("2")}, {"OK", std::string("3")}};
  Run r;
  run_pp(r, {{"main.idl", "OK"}}, o);
  CHECK(r.text() == "3");
  auto errs = r.with_code("TK5020");
  REQUIRE(errs.size() == 1);
  CHECK(errs[0]->where.file == "<command line>");
}

TEST_CASE("preprocessor: a #if expression nested too deeply is an error, not a stack overflow") {
  for (const std::string& expr : {std::string(20000, '(') + "1" + std::string(20000, ')'),
                                  std::string(200000, '!') + "0", std::string(20000, '~') + "1",
                                  [] {
                                    std::string s;
                                    for (int i = 0; i < 20000; ++i) s += "1 ? ";
                                    return s + "1" + std::string(20000 * 4, ' ');
                                  }()}) {
    Run r;
    run_pp(r, {{"main.idl", "#if " + expr + "\nyes\n#else\nno\n#endif\nafter\n"}});
    auto errs = r.with_code("TK5040");
    REQUIRE(errs.size() == 1);
    CHECK_MESSAGE(errs[0]->message.find("nested too deeply") != std::string::npos, errs[0]->message);
    CHECK(errs[0]->where.line == 1);
    CHECK(r.text() == "no after");  // a failed #if counts as false
  }
  // 200 levels are fine.
  CHECK(pp_text("#if " + std::string(190, '(') + "1" + std::string(190, ')') + "\nyes\n#endif\n") ==
        "yes");
  CHECK(pp_text("#if " + std::string(191, '!') + "0\nyes\n#endif\n") == "yes");
}

TEST_CASE("preprocessor: #line at the end without a line break never gives line 0") {
  Run r;
  run_pp(r, {{"main.idl", "#if 1\n#line 1"}});  // the unterminated #if is reported at the end
  auto errs = r.with_code("TK5031");
  REQUIRE(errs.size() == 1);
  CHECK(errs[0]->where.line >= 1);
  REQUIRE(r.ts);
  CHECK(r.ts->tokens.back().pos.line == 1);  // the End token, on line 1 after the #line
  Run b;
  run_pp(b, {{"main.idl", "#line 9\nx"}});  // with a line break: the next line is 9
  CHECK(b.token(0).pos.line == 9);
}

TEST_CASE("preprocessor: an empty #line file name is an error and the name stays") {
  Run r;
  run_pp(r, {{"main.idl", "a\n#line 5 \"\"\nb\n"}});
  auto errs = r.with_code("TK5053");
  REQUIRE(errs.size() == 1);
  check_at(*errs[0], "main.idl", 2, 9);
  CHECK(r.token(1).pos.line == 5);
  CHECK(r.ts->sources.location(r.token(1).pos).file == "main.idl");
  Run u;  // unterminated: the lexer's error, and the name stays
  run_pp(u, {{"main.idl", "a\n#line 5 \"\nb\n"}});
  CHECK(u.diags.has_errors());
  for (const auto& d : u.diags.all()) CHECK(!d.where.file.empty());
  CHECK(u.ts->sources.location(u.token(1).pos).file == "main.idl");
}

namespace {
/// The process's peak resident size so far (Linux: ru_maxrss in KiB).
uint64_t peak_rss_bytes() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<uint64_t>(u.ru_maxrss) * 1024;
}
}  // namespace

TEST_CASE("preprocessor: nested macro calls are bounded in memory, not only in tokens") {
  // A 147-byte doubling through arguments took 1.9 GB; 50000 nested identity calls ran out of
  // memory copying the arguments at each of 256 levels.
  auto nest = [](const std::string& def, int n) {
    std::string s = def + "\n";
    for (int i = 0; i < n; ++i) s += "F(";
    s += "1";
    for (int i = 0; i < n; ++i) s += ")";
    return s + "\nafter\n";
  };
  for (const std::string& src : {nest("#define F(x) x x", 48), nest("#define F(x) x", 50000)}) {
    uint64_t before = peak_rss_bytes();
    Run r;
    run_pp(r, {{"main.idl", src}});
    auto errs = r.with_code("TK5026");
    REQUIRE(errs.size() == 1);
    CHECK(errs[0]->where.file == "main.idl");
    CHECK(errs[0]->where.line == 2);  // at one of the calls
    CHECK(r.diags.error_count() == 1);
    REQUIRE(r.ts);
    CHECK(r.ts->tokens.back().kind == TokKind::End);
    CHECK(peak_rss_bytes() - before < (160ull << 20));
  }
  // A big but sound expansion, used many times, is not stopped: the bound is per macro use.
  std::string big = "#define BIG";
  for (int i = 0; i < 20000; ++i) big += " long";
  std::string uses;
  for (int i = 0; i < 100; ++i) uses += "BIG\n";
  Run ok;
  run_pp(ok, {{"main.idl", big + "\n" + uses}});
  CHECK_FALSE(ok.diags.has_errors());
  CHECK(ok.ts->tokens.size() == 2000001);
}
