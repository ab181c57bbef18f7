// The IDL preprocessor's internals, shared by its files: preprocessor.cpp (files, includes and
// directives), pp_macro.cpp (macro definition and expansion), pp_expr.cpp (#if expressions).
// Layer: readers.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "readers/idl/lexer.h"
#include "readers/idl/preprocessor.h"

namespace tlbkit::idl::pp {

// Bounds that keep hostile input from exhausting time or memory. The largest Wine 8.0
// translation unit, mshtml.idl, gives 0.91 million tokens from 1.14 million tokens of macro
// substitution; the bounds are several times that.
inline constexpr size_t kMaxIncludeDepth = 200;       // as GCC's default
inline constexpr size_t kMaxIncludes = 100000;        // #include operations per translation unit
inline constexpr size_t kMaxIncludedBytes = 256u << 20;  // text read through #include, in total
inline constexpr size_t kMaxOutputTokens = 4000000;   // tokens handed to the parser
inline constexpr size_t kMaxExpansionWork = 16000000; // tokens produced by macro substitution
inline constexpr unsigned kMaxArgNesting = 256;       // nested argument pre-expansions
// Memory one macro use met in the text may take, its arguments' pre-expansion and rescans
// included (token objects and their text): the token counts above bound time, not memory, since
// many nested expansions are alive at once (a 147-byte doubling macro took 1.9 GB). All 305
// Wine SDK files preprocess well within it (idl_test's wine-include cases).
inline constexpr size_t kMaxExpansionBytes = 32u << 20;

struct Macro;

/// A token on its way through macro expansion. `no_expand` marks a macro's name met while that
/// macro was being expanded: by the C rule it never expands, even later. A token with `end_of`
/// set is no token but the end of an expansion of that macro, which is then enabled again.
struct PPToken {
  Token tok;
  bool no_expand = false;
  const Macro* end_of = nullptr;
};

enum class Builtin : uint8_t { None, File, Line };

struct Macro {
  bool function_like = false;
  bool variadic = false;  // the last parameter takes the rest of the arguments
  Builtin builtin = Builtin::None;
  std::vector<std::string> params;
  /// The replacement list; `param` is the parameter index an identifier names, or -1.
  struct Item {
    Token tok;
    int param = -1;
  };
  std::vector<Item> body;
  /// How many of its expansions are being rescanned: while non-zero, its name does not expand.
  mutable unsigned active = 0;
};

/// Where unexpanded tokens come from: tokens pushed back (a stack: the next one is last), then
/// either a fixed list (a macro argument, a directive's line) or the files being read.
struct Input {
  std::vector<PPToken> pending;
  const std::vector<PPToken>* list = nullptr;
  size_t index = 0;
};

/// One #if group being processed (only groups whose text is read; skipped nested groups are
/// counted, not stacked).
struct Cond {
  SourcePos where;
  bool taken = false;      // some branch of the group has been selected
  bool seen_else = false;
};

/// One file being read.
struct FileCtx {
  std::unique_ptr<Lexer> lex;
  uint32_t file = 0;     // index in SourceMap::files (changes with #line)
  std::string path;      // as found: the folder for "…" includes, the key for guards and cycles
  size_t cond_base = 0;  // conds_ size when the file started
  // Include-guard detection: the file's first directive is #ifndef X, its #endif is the file's
  // last directive, and nothing but it holds tokens.
  enum class Guard : uint8_t { Start, Inside, After, None } guard = Guard::Start;
  std::string guard_macro;
  size_t guard_cond = 0;
};

struct FileInfo {
  bool exists = false;
  std::string text;
  bool once = false;             // #pragma once
  std::string guard;             // confirmed include guard macro
  bool open = false;             // on the include stack now
};

class Preprocessor {
 public:
  Preprocessor(const PreprocessOptions& opts, support::DiagEngine& diags, TokenStream& out);
  /// Runs the translation unit; false when the main file cannot be read.
  bool run(const std::string& path);

  // --- pp_macro.cpp ---
  /// Defines a macro from a `#define` line (`lex` after the directive name) or, when `lex`
  /// reads a command-line definition, with errors located at `where`.
  void define(Lexer& lex, const SourcePos& where, bool from_command_line = false);
  /// -D and the predefined macros: `spec` is "NAME VALUE" or "NAME(ARGS) VALUE".
  void define_text(const std::string& spec);
  /// __FILE__ and __LINE__.
  void define_builtins();
  void undefine(const std::string& name);
  bool is_defined(const std::string& name) const { return macros_.count(name) != 0; }
  /// The next fully macro-expanded token of `in`.
  PPToken expand_next(Input& in);
  /// Expands a list of tokens on its own (a macro argument, a directive line).
  std::vector<PPToken> expand_list(const std::vector<PPToken>& list);

  // --- pp_expr.cpp ---
  /// Evaluates an #if/#elif line (tokens after the directive name); errors count as false.
  bool eval_condition(Lexer& lex, const SourcePos& directive_pos);

 private:
  // preprocessor.cpp
  PPToken next_raw(Input& in);
  PPToken file_next();
  bool push_file(const std::string& path, std::optional<SourcePos> from);
  void end_of_file();
  /// Handles a directive after its '#'; true when it produced a token for the stream (`out`).
  bool directive(const Token& hash, PPToken& out);
  void do_include(Lexer& lex, const Token& hash, const Token& name_tok);
  void do_line(Lexer& lex, const Token& name_tok);
  void do_conditional(Lexer& lex, const std::string& name, const Token& hash);
  /// Skips the lines of a false group up to the #elif/#else that selects text or the #endif.
  void skip_group();
  const std::string* read_cached(const std::string& path);
  std::optional<std::string> find_include(const std::string& name, bool angled);
  void extra_tokens(Lexer& lex, const char* directive);
  void error(const SourcePos& pos, const char* code, std::string msg) {
    out_.sources.error(diags_, code, pos, std::move(msg));
  }
  void warning(const SourcePos& pos, const char* code, std::string msg) {
    out_.sources.warning(diags_, code, pos, std::move(msg));
  }

  // pp_macro.cpp
  bool expand_macro(Input& in, const PPToken& name, const Macro& m);
  bool collect_args(Input& in, const PPToken& name, const Macro& m,
                    std::vector<std::vector<PPToken>>& args);
  std::vector<PPToken> substitute(const Macro& m, std::vector<std::vector<PPToken>>& args,
                                  const PPToken& name);
  PPToken stringize(const std::vector<PPToken>& arg, const SourcePos& pos);
  /// Pastes `rhs` onto `lhs` (##); false (with an error at `at`, the macro's use) when the
  /// result is not one token.
  bool paste(PPToken& lhs, const PPToken& rhs, const SourcePos& at);
  PPToken builtin_token(const Macro& m, const PPToken& name);
  /// `defined X` or `defined(X)` on an #if line, read unexpanded after `defined` (also when
  /// `defined` comes out of a macro, as GCC and MSVC allow): a Number token 1 or 0.
  PPToken defined_operator(Input& in, const PPToken& op);
  bool charge(size_t tokens, const SourcePos& pos);
  /// Counts memory `t` takes in the expansion under way; false (with one error) past the bound.
  bool charge_bytes(const PPToken& t, const SourcePos& pos);

  const PreprocessOptions& opts_;
  support::DiagEngine& diags_;
  TokenStream& out_;
  // shared_ptr: an expansion keeps its macro alive while a directive read among its arguments
  // redefines or undefines it.
  std::unordered_map<std::string, std::shared_ptr<const Macro>> macros_;
  /// A cheap filter before the hash lookup: bit name_bit(X) is set for every name ever defined,
  /// so most identifiers (keywords, type names) are known not to be macros without hashing.
  /// 64 Ki bits, as an SDK translation unit defines thousands of macros (DISPID headers).
  std::vector<bool> name_bits_ = std::vector<bool>(65536, false);
  static size_t name_bit(const std::string& n) {
    auto at = [&n](size_t i) { return static_cast<size_t>(static_cast<unsigned char>(n[i])); };
    size_t k = n.size();  // identifiers are never empty
    return (at(0) * 131 + at(k / 2) * 31 + at(k - 1) * 7 + at(k > 1 ? k - 2 : 0) * 17 +
            k * 1031) & 65535;
  }
  /// Macros undefined or redefined stay alive here: an end-of-expansion marker may point to one.
  std::vector<std::shared_ptr<const Macro>> retired_;
  Input top_;
  std::vector<FileCtx> stack_;
  std::vector<Cond> conds_;
  std::map<std::string, FileInfo> files_;  // by path; std::map keeps texts at stable addresses
  size_t includes_ = 0;
  size_t included_bytes_ = 0;
  size_t work_ = 0;
  size_t expansion_bytes_ = 0;  // since the current macro use in the text began (run() resets)
  bool work_exceeded_ = false;
  unsigned arg_nesting_ = 0;
  bool nesting_reported_ = false;
  bool in_condition_ = false;     // expanding an #if line: `defined` is an operator
  bool condition_failed_ = false; // a `defined` without a name was met on it
};

}  // namespace tlbkit::idl::pp
