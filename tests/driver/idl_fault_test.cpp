// Bad IDL proof (issue 3, "never a crash"): the 51 library IDL files of testdata/idl/wine-include
// truncated at many points and with tokens deleted, duplicated and swapped, and inputs built to
// hurt (deep nesting, exploding macros, include and import cycles, binary garbage, NUL bytes,
// very long lines) must each end in a library or in errors that ALL carry file:line:column —
// never a crash, a hang, an exception or an unbounded allocation. Each run happens in a forked
// child with a time limit (and, without ASan, an address-space cap), so a crash or a hang is
// reported as a failure naming its input instead of taking the test program down. Layer: tests.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "driver/corpus_util.h"
#include "driver/inputs.h"
#include "readers/idl/idl_reader.h"
#include "readers/idl/parser.h"
#include "readers/idl/preprocessor.h"

using namespace tlbkit;
using namespace tlbkit::testing;
namespace fs = std::filesystem;

namespace {

// ---- Tuning ----------------------------------------------------------------------------------
// The whole file must stay under about a minute on two cores in a normal build. A full read_idl
// of a library file also reads everything it imports (oaidl.idl, objidl.idl …), so most edited
// files are only preprocessed and parsed (the stages that meet the damage first), and a few per
// file go through read_idl whole. TLBKIT_FAULT_SCALE=N multiplies the counts for a deeper run.
constexpr size_t kTruncations = 12;        // evenly spaced cuts per file, parse only
constexpr size_t kFullTruncations = 2;     // of which this many also run read_idl whole
constexpr size_t kTokenEdits = 12;         // token deletions/duplications/swaps per file
constexpr size_t kFullTokenEdits = 1;      // of which this many also run read_idl whole
constexpr size_t kBigFileBytes = 200000;   // files above this get a quarter of the runs
constexpr uint64_t kSeed = 0x69646c6661756c74ull;  // "idlfault": fixed, so every run is the same
#if defined(__SANITIZE_ADDRESS__)
#define TLBKIT_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TLBKIT_TEST_ASAN 1
#endif
#endif
#ifdef TLBKIT_TEST_ASAN
constexpr unsigned kSanitizerSlowdown = 3;
#else
constexpr unsigned kSanitizerSlowdown = 1;
#endif
constexpr unsigned kRunSeconds = 20 * kSanitizerSlowdown;  // wall time: past this, a hang
// CPU time and memory one run may use, far above what any real file needs (mshtml.idl, 1.1 MB
// with its imports, takes well under a second and 200 MB): more is a finding, since a small
// input that costs gigabytes or many seconds lets anyone stall a build.
constexpr double kRunCpuSeconds = 5.0 * kSanitizerSlowdown;
constexpr uint64_t kRunExtraRssBytes = 1ull << 30;  // above the test program's own (not under ASan)
constexpr uint64_t kAddressSpaceBytes = 3ull << 30;  // more than any sound run needs
constexpr size_t kReported = 10;           // problems shown in full; all are counted

uint64_t scale() {
  const char* s = std::getenv("TLBKIT_FAULT_SCALE");
  long v = s ? std::atol(s) : 1;
  return v > 0 ? static_cast<uint64_t>(v) : 1;
}

// ---- Inputs ----------------------------------------------------------------------------------

const std::string& wine_dir() {
  static const std::string d = source_dir() + "/testdata/idl/wine-include";
  return d;
}

/// The C headers the SDK IDL files import (basetsd.h, guiddef.h).
const std::string& headers_dir() {
  static const std::string d = source_dir() + "/testdata/idl/wine-headers";
  return d;
}

/// True when a line starts (after blanks) with `library NAME`. (Not std::regex: GCC 12 reports
/// false maybe-uninitialized warnings inside <regex> in sanitizer builds.)
bool has_library_block(const std::string& text) {
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    size_t i = text.find_first_not_of(" \t", at);
    if (i != std::string::npos && i < end && text.compare(i, 7, "library") == 0 && i + 8 < end &&
        (text[i + 7] == ' ' || text[i + 7] == '\t')) {
      size_t name = text.find_first_not_of(" \t", i + 7);
      if (name < end && (std::isalnum(static_cast<unsigned char>(text[name])) || text[name] == '_'))
        return true;
    }
    at = end + 1;
  }
  return false;
}

/// The wine-include files holding a `library` block, sorted.
const std::vector<fs::path>& library_files() {
  static const std::vector<fs::path> files = [] {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(wine_dir())) {
      if (e.path().extension() != ".idl") continue;
      if (has_library_block(slurp(e.path()))) out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
  }();
  return files;
}

using DiskCache = std::map<std::string, std::optional<std::string>>;

/// Every file of wine-include, read once in the parent so that no child reads the disk again.
std::shared_ptr<DiskCache> wine_cache() {
  static const std::shared_ptr<DiskCache> cache = [] {
    auto c = std::make_shared<DiskCache>();
    for (const std::string& dir : {wine_dir(), headers_dir()})
      for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file()) (*c)[dir + "/" + e.path().filename().string()] = slurp(e.path());
    return c;
  }();
  return cache;
}

/// Files read from disk once; `overrides` replace some of them (or add files that do not exist).
struct FileMap {
  std::map<std::string, std::string> overrides;
  std::shared_ptr<DiskCache> disk = wine_cache();

  std::optional<std::string> read(const std::string& path) const {
    if (auto it = overrides.find(path); it != overrides.end()) return it->second;
    auto it = disk->find(path);
    if (it != disk->end()) return it->second;
    std::optional<std::string> text;
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) text = slurp(path);
    return (*disk)[path] = text;
  }
};

// ---- One run ---------------------------------------------------------------------------------

enum class Stage : uint8_t { Parse, Full };

/// What a run broke, or "" when it kept every rule. Runs in the child.
std::string run_once(const std::string& main, const FileMap& files, Stage stage) {
  support::DiagEngine diags;
  auto read = [&files](const std::string& p) { return files.read(p); };
  bool failed = false;
  try {
    if (stage == Stage::Parse) {
      idl::PreprocessOptions pp;
      pp.include_dirs = {wine_dir(), headers_dir()};
      pp.predefined = idl::target_macros(model::SysKind::Win64);
      pp.read_file = read;
      auto ts = idl::preprocess(main, pp, diags);
      if (!ts) return "preprocess returned nothing for a file that exists";
      (void)idl::parse(*ts, main, diags);
    } else {
      idl::IdlOptions o;
      o.include_dirs = {wine_dir(), headers_dir()};
      o.read_file = read;
      driver::SourceOptions src;
      src.tlb_paths = {source_dir() + "/testdata/corpus/wine"};
      o.load_importlib = [src](const std::string& name, support::DiagEngine& d) {
        return driver::find_importlib(name, src, d);
      };
      failed = !idl::read_idl(main, o, diags);
    }
  } catch (const std::exception& e) {
    return std::string("exception: ") + e.what();
  }
  if (failed && !diags.has_errors()) return "read_idl failed without an error";
  for (const auto& d : diags.all()) {
    if (d.severity != support::Severity::Error) continue;
    if (d.where.file.empty() || d.where.line == 0 || d.where.column == 0)
      return "error without file:line:column: " + support::format_diagnostic(d, support::DiagStyle::Gcc);
  }
  return {};
}

/// The test program's resident size now (the child starts with it).
[[maybe_unused]] uint64_t own_rss_bytes() {
  std::ifstream statm("/proc/self/statm");
  uint64_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident * static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
}

/// Runs run_once in a forked child under a time limit and an address-space cap; returns "" or
/// what went wrong (a rule broken, a signal, a hang, too much CPU time or memory).
std::string run_isolated(const std::string& main, const FileMap& files, Stage stage) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  std::fflush(nullptr);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    close(fds[0]);
    // The test framework's crash handlers would report the child's crash as the parent's test
    // failing; the child dies of its signal and the parent names the input instead.
    for (int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGALRM}) std::signal(sig, SIG_DFL);
#ifndef TLBKIT_TEST_ASAN
    rlimit cap{kAddressSpaceBytes, kAddressSpaceBytes};
    setrlimit(RLIMIT_AS, &cap);
#endif
    alarm(kRunSeconds);
    std::string problem = run_once(main, files, stage);
    if (!problem.empty()) {
      size_t off = 0;
      while (off < problem.size()) {
        ssize_t n = write(fds[1], problem.data() + off, problem.size() - off);
        if (n <= 0) break;
        off += static_cast<size_t>(n);
      }
    }
    _exit(problem.empty() ? 0 : 1);
  }
  close(fds[1]);
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  close(fds[0]);
  int status = 0;
  rusage use{};
  wait4(pid, &status, 0, &use);
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    if (sig == SIGALRM) return "hang: no result in " + std::to_string(kRunSeconds) + " s";
    return std::string("crash: signal ") + std::to_string(sig) + " (" + strsignal(sig) + ")";
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return out.empty() ? "child exited with status " + std::to_string(WEXITSTATUS(status)) : out;
  double cpu = static_cast<double>(use.ru_utime.tv_sec + use.ru_stime.tv_sec) +
               static_cast<double>(use.ru_utime.tv_usec + use.ru_stime.tv_usec) / 1e6;
  if (cpu > kRunCpuSeconds)
    return "too slow: " + std::to_string(cpu) + " s of CPU (limit " + std::to_string(kRunCpuSeconds) + ")";
#ifndef TLBKIT_TEST_ASAN
  uint64_t rss = static_cast<uint64_t>(use.ru_maxrss) * 1024;  // Linux: KiB
  if (rss > own_rss_bytes() + kRunExtraRssBytes)
    return "too much memory: " + std::to_string(rss >> 20) + " MiB resident";
#endif
  return {};
}

/// Collects problems across many runs; reports the first few in full and the count.
struct Tally {
  size_t runs = 0, problems = 0;
  std::string first;
  void add(const std::string& what, const std::string& problem) {
    ++runs;
    if (problem.empty()) return;
    if (problems++ < kReported) first += "  " + what + ": " + problem + "\n";
  }
  void check(const char* name) const {
    MESSAGE(std::string(name) << ": " << runs << " runs, " << problems << " broke a rule");
    CHECK_MESSAGE(problems == 0, std::string(name) << ": " << problems << " of " << runs
                                      << " runs broke a rule; first ones:\n" << first);
  }
};

// ---- Token edits -----------------------------------------------------------------------------

/// Byte ranges of the tokens of C-like text (identifiers, numbers, strings, punctuators), rough
/// on purpose: enough to delete, duplicate or swap whole tokens.
std::vector<std::pair<size_t, size_t>> token_spans(const std::string& s) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t i = 0;
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  while (i < s.size()) {
    char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    size_t start = i;
    if (word(c)) {
      while (i < s.size() && word(s[i])) ++i;
    } else if (c == '"' || c == '\'') {
      ++i;
      while (i < s.size() && s[i] != c && s[i] != '\n') i += s[i] == '\\' ? 2 : 1;
      i = std::min(i + 1, s.size());
    } else {
      ++i;
    }
    out.emplace_back(start, i - start);
  }
  return out;
}

std::string edit_tokens(const std::string& s, Rng& rng, std::string& what) {
  auto spans = token_spans(s);
  if (spans.size() < 2) return s;
  size_t k = rng.below(spans.size() - 1);
  auto [a, alen] = spans[k];
  auto [b, blen] = spans[k + 1];
  switch (rng.below(3)) {
    case 0:
      what = "delete token at " + std::to_string(a);
      return s.substr(0, a) + s.substr(a + alen);
    case 1:
      what = "duplicate token at " + std::to_string(a);
      return s.substr(0, a + alen) + " " + s.substr(a, alen) + s.substr(a + alen);
    default:
      what = "swap tokens at " + std::to_string(a);
      return s.substr(0, a) + s.substr(b, blen) + s.substr(a + alen, b - a - alen) +
             s.substr(a, alen) + s.substr(b + blen);
  }
}

}  // namespace

TEST_CASE("idl faults: the 51 library files of wine-include are found") {
  CHECK(library_files().size() == 51);
}

TEST_CASE("idl faults: every library file truncated at many points") {
  Tally tally;
  FileMap files;
  const uint64_t k = scale();
  for (const fs::path& p : library_files()) {
    const std::string text = slurp(p);
    size_t cuts = kTruncations * k, full = kFullTruncations * k;
    if (text.size() > kBigFileBytes) cuts = std::max<size_t>(cuts / 4, 2), full = 1;
    for (size_t i = 1; i <= cuts; ++i) {
      size_t len = text.size() * i / (cuts + 1);
      FileMap f = files;
      f.overrides[p.string()] = text.substr(0, len);
      Stage st = i % (cuts / full + 1) == 0 ? Stage::Full : Stage::Parse;
      tally.add(p.filename().string() + " cut at " + std::to_string(len) +
                    (st == Stage::Full ? " (read_idl)" : ""),
                run_isolated(p.string(), f, st));
    }
  }
  tally.check("truncations");
}

TEST_CASE("idl faults: tokens deleted, duplicated and swapped in every library file") {
  Tally tally;
  FileMap files;
  Rng rng{kSeed};
  const uint64_t k = scale();
  for (const fs::path& p : library_files()) {
    const std::string text = slurp(p);
    size_t edits = kTokenEdits * k, full = kFullTokenEdits * k;
    if (text.size() > kBigFileBytes) edits = std::max<size_t>(edits / 4, 2), full = 0;
    for (size_t i = 0; i < edits; ++i) {
      std::string what;
      FileMap f = files;
      f.overrides[p.string()] = edit_tokens(text, rng, what);
      Stage st = i < full ? Stage::Full : Stage::Parse;
      tally.add(p.filename().string() + ": " + what + (st == Stage::Full ? " (read_idl)" : ""),
                run_isolated(p.string(), f, st));
    }
  }
  tally.check("token edits");
}

namespace {

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

/// A hostile input: the main file and the files beside it, all in memory under hostile/.
struct Hostile {
  std::string name;
  std::map<std::string, std::string> files;  // "main.idl" first; names relative to hostile/
};

std::vector<Hostile> hostile_inputs() {
  const std::string lib_head =
      "[uuid(6a0d0d0d-0000-0000-0000-000000000001)] library L { importlib(\"stdole2.tlb\");\n";
  std::vector<Hostile> h;
  auto one = [&h](std::string name, std::string main) {
    h.push_back({std::move(name), {{"main.idl", std::move(main)}}});
  };
  // Deep nesting: each level is one more recursion in a recursive-descent reader.
  one("deep parens in #if", "#if " + repeat("(", 100000) + "1" + repeat(")", 100000) + "\n#endif\n");
  one("deep parens in a const", "const long x = " + repeat("(", 100000) + "1" + repeat(")", 100000) + ";\n");
  one("deep unary minus", "const long x = " + repeat("-", 200000) + "1;\n");
  one("deep unary not in #if", "#if " + repeat("!", 200000) + "0\n#endif\n");
  one("deep nested structs", "typedef " + repeat("struct { ", 50000) + "long x;" +
                                 repeat(" } a;", 50000) + " S;\n");
  one("deep declarator", "typedef long " + repeat("(*", 50000) + "p" + repeat(")", 50000) + ";\n");
  one("deep array declarator", "typedef long a" + repeat("[1]", 100000) + ";\n");
  one("deep #if nesting", repeat("#if 1\n", 50000) + "const long x = 1;\n" + repeat("#endif\n", 50000));
  one("deep [ in attributes", repeat("[", 100000) + "\n");
  one("deep braces", repeat("{", 100000) + repeat("}", 100000));
  one("deep libraries", repeat(lib_head, 20000));
  one("deep cast", "const long x = " + repeat("(long)", 100000) + "1;\n");
  one("deep sizeof", "const long x = " + repeat("sizeof(", 50000) + "long" + repeat(")", 50000) + ";\n");
  one("deep SAFEARRAY", "typedef " + repeat("SAFEARRAY(", 50000) + "long" + repeat(")", 50000) + " A;\n");
  one("deep macro call nesting", "#define F(x) x\nconst long x = " + repeat("F(", 50000) + "1" +
                                     repeat(")", 50000) + ";\n");
  // Long chains of declarations, each naming the one before: deep for a resolver that recurses.
  {
    constexpr int kChain = 20000;
    std::string td = lib_head + "typedef long T0;\n", st = lib_head + "typedef struct S0 { long a; } S0;\n",
                co = "const long C0 = 1;\n", en = "typedef enum { E0 = 1,\n",
                in = lib_head + "[object, uuid(6a0d0d0d-0000-0000-0000-000000000300)] interface I0 { long f0(); }\n";
    for (int i = 0; i < kChain; ++i) {
      const std::string a = std::to_string(i), b = std::to_string(i + 1);
      td += "typedef [public] T" + a + " T" + b + ";\n";
      st += "typedef struct S" + b + " { S" + a + " a; } S" + b + ";\n";
      co += "const long C" + b + " = C" + a + " + 1;\n";
      en += "E" + b + " = E" + a + " + 1,\n";
      char guid[40];
      std::snprintf(guid, sizeof guid, "6a0d0d0d-0000-0000-0001-%012x", i);
      in += "[object, uuid(" + std::string(guid) + ")] interface I" + b + " : I" + a + " { long f" + b + "(); }\n";
    }
    one("typedef chain", td + "};\n");
    one("struct chain", st + "};\n");
    one("const chain", co);
    one("enum value chain", en + "} EE;\n");
    one("interface inheritance chain", in + "};\n");
  }
  // Macros that grow: each must end (a limit, an error) in bounded time and memory.
  {
    std::string m = "#define A0 x\n";
    for (int i = 1; i <= 48; ++i)
      m += "#define A" + std::to_string(i) + " A" + std::to_string(i - 1) + " A" + std::to_string(i - 1) + "\n";
    one("object-like macro doubling 48 times", m + "A48\n");
  }
  one("function-like macro doubling 48 deep",
      "#define F(x) x x\n" + repeat("F(", 48) + "1" + repeat(")", 48) + "\n");
  one("mutually recursive macros", "#define A B\n#define B A\n#define C(x) C(x) D\n#define D C(1)\nA B C(2) D\n");
  one("big macro used many times",
      "#define BIG " + repeat("long ", 20000) + "\n" + repeat("BIG\n", 100));
  one("macro with 10000 parameters",
      [] {
        std::string p, a;
        for (int i = 0; i < 10000; ++i) p += (i ? ",p" : "p") + std::to_string(i), a += i ? ",1" : "1";
        return "#define F(" + p + ") p9999\nconst long x = F(" + a + ");\n";
      }());
  one("variadic and pasting oddities",
      "#define V(...) __VA_ARGS__ ## __VA_ARGS__\n#define S(x) #x ## #x\n#define P(a,b) a ## b\n"
      "V() V(,) S(\") P(,) P(\"a\",1) P(+,+) P(/,/) P(., .)\n#define E(x) #\nE(1)\n");
  one("unterminated macro call", "#define F(x) x\nF(1, (2\n");
  one("__FILE__ and __LINE__ included", "#include __FILE__\n#line __LINE__ __FILE__\n");
  // Includes and imports that loop or go deep.
  h.push_back({"include cycle of two", {{"main.idl", "#include \"b.h\"\n"}, {"b.h", "#include \"main.idl\"\n"}}});
  one("main file includes itself", "#include \"main.idl\"\nconst long x = 1;\n");
  one("main file imports itself", "import \"main.idl\";\nconst long x = 1;\n");
  h.push_back({"import cycle of two", {{"main.idl", "import \"b.idl\";\nconst long x = 1;\n"},
                                       {"b.idl", "import \"main.idl\";\nconst long y = 2;\n"}}});
  {
    Hostile chain{"include chain 2000 deep", {{"main.idl", "#include \"h1.h\"\n"}}};
    for (int i = 1; i <= 2000; ++i)
      chain.files["h" + std::to_string(i) + ".h"] = "#include \"h" + std::to_string(i + 1) + ".h\"\n";
    h.push_back(std::move(chain));
  }
  {
    Hostile chain{"import chain 300 deep", {{"main.idl", "import \"i1.idl\";\n"}}};
    for (int i = 1; i <= 300; ++i)
      chain.files["i" + std::to_string(i) + ".idl"] = "import \"i" + std::to_string(i + 1) + ".idl\";\n";
    h.push_back(std::move(chain));
  }
  h.push_back({"same guarded header 20000 times",
               {{"main.idl", repeat("#include \"g.h\"\n", 20000)}, {"g.h", "#pragma once\ntypedef long G;\n"}}});
  one("includes of odd names", "#include\n#include <>\n#include \"\"\n#include \".\"\n#include \"/\"\n"
                               "#include <../../../../etc/passwd>\n#include MISSING\n#include \"a\" junk\n");
  // Bytes that are not IDL.
  {
    Rng rng{kSeed ^ 1};
    std::string garbage(65536, '\0');
    for (char& c : garbage) c = static_cast<char>(rng.next() & 0xff);
    one("binary garbage", garbage);
    std::string printable = garbage;
    for (char& c : printable) c = "{}[]();,:*#\"'/\\ \n<>=abc1_"[static_cast<unsigned char>(c) % 24];
    one("punctuation garbage", printable);
  }
  static constexpr char kNuls[] =
      "interface I\0J { };\nconst long x\0 = 1;\n\"a\0b\"\n/* \0 */ // \0\n#if\0 1\n#endif\n'\0'\n";
  one("NUL bytes", std::string(kNuls, sizeof kNuls - 1));
  one("only NULs", std::string(4096, '\0'));
  one("UTF-8 BOM and invalid UTF-8", "\xEF\xBB\xBF" "const long x = 1;\n\xC3\x28 \xFF\xFE \"\xE2\x82\"\n");
  one("CR only line ends", "#define X 1\rconst long x = X;\r#if 1\r#endif\r");
  // Very long lines and tokens.
  one("1 MB identifier", "const long " + std::string(1 << 20, 'a') + " = 1;\n");
  one("1 MB string", "cpp_quote(\"" + std::string(1 << 20, 's') + "\")\n");
  one("1 MB number", "const long x = " + std::string(1 << 20, '9') + ";\n");
  one("1 MB line of enumerators", "typedef enum { " + repeat("e, ", 1 << 16) + "} E;\n");
  one("100000 line continuations", "#define X 1" + repeat(" \\\n", 100000) + "\nconst long x = X;\n");
  one("100000 errors", repeat("garbage ;\n", 100000));
  // Unterminated constructs.
  one("unterminated comment", "const long x = 1; /* never ends");
  one("unterminated string", "cpp_quote(\"never ends\n");
  one("unterminated char", "const char c = 'x\n");
  one("#if without #endif", "#if 1\nconst long x = 1;\n");
  one("#else without #if", "#else\n#endif\n#elif 1\n");
  one("unterminated library", lib_head + "interface I;\n");
  one("unterminated interface", "[object, uuid(6a0d0d0d-0000-0000-0000-000000000002)] interface I : IUnknown { HRESULT f(");
  // Numbers and directives at their edges.
  one("#if arithmetic edges", "#if 1/0\n#endif\n#if 1%0\n#endif\n#if (-9223372036854775807-1)/-1\n#endif\n"
                              "#if 1 << 64\n#endif\n#if 1 << -1\n#endif\n#if 99999999999999999999999\n#endif\n"
                              "#if 0x\n#endif\n#if 1 ? 2\n#endif\n#if defined\n#endif\n#if defined(\n#endif\n");
  one("#line edges", "#line 0\n#line 4294967295 \"x.idl\"\nconst long x = ;\n#line 99999999999999999999\n#line\n#line x\n");
  one("const arithmetic edges", "const long a = 1/0;\nconst long b = 1%0;\nconst long c = (-2147483647-1)/-1;\n"
                                "const long d = 1 << 99;\nconst hyper e = 99999999999999999999999;\n"
                                "const double f = 1e99999;\nconst long g = 'ab';\n");
  one("attribute value edges",
      lib_head + "[object, uuid(6a0d0d0d-0000-0000-0000-000000000003), version(99999999.99999999)] "
                 "interface I : IDispatch { [id(0xFFFFFFFFFFFFFFFFFFFF)] HRESULT f(); "
                 "[id(-1), helpcontext(-5)] HRESULT g(); [id(1/0)] HRESULT h(); "
                 "HRESULT k([in, defaultvalue(1/0)] long a, [in, size_is(-1)] long* b); };\n"
                 "typedef struct { long a[0]; long b[-1]; long c[4294967296]; long d[1/0]; } S; };\n");
  one("bit-field edges", "typedef struct { long a : 99999; long b : -1; long c : 0; } B;\n");
  one("enum edges", "typedef enum { A = 99999999999999999999, B, C = 1/0, D = C } E;\n");
  one("uuid edges", "[uuid(\"\")] interface A;\n[uuid(zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz)] interface B;\n"
                    "[uuid(6a0d0d0d-0000-0000-0000-0000000000011)] interface C;\n[uuid()] interface D;\n");
  return h;
}

}  // namespace

TEST_CASE("idl faults: inputs built to hurt (nesting, macros, cycles, garbage, long lines)") {
  Tally tally;
  for (const Hostile& x : hostile_inputs()) {
    FileMap f;
    for (const auto& [name, text] : x.files) f.overrides["hostile/" + name] = text;
    for (Stage st : {Stage::Parse, Stage::Full}) {
      auto t0 = std::chrono::steady_clock::now();
      std::string problem = run_isolated("hostile/main.idl", f, st);
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (std::getenv("TLBKIT_FAULT_TIMING"))
        std::printf("%6.2f s  %s%s\n", secs, x.name.c_str(), st == Stage::Full ? " (read_idl)" : "");
      tally.add(x.name + (st == Stage::Full ? " (read_idl)" : ""), problem);
    }
  }
  tally.check("hostile inputs");
}
