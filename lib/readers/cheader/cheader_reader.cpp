// The header reader's entry point: parses a header with libclang for the Windows target, turns
// clang's diagnostics into tlbkit's, chooses the declarations to take, and builds the library
// from them. Layer: readers.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "readers/cheader/cheader_state.h"

namespace tlbkit::cheader {

namespace m = tlbkit::model;
using detail::Context;

namespace {

// ---- Library identity --------------------------------------------------------------------------

/// The header's file stem as an identifier: other characters become '_', a leading digit gets one.
std::string identifier_stem(const std::string& path) {
  std::string s = std::filesystem::path(path).stem().string();
  for (char& ch : s) {
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_') ch = '_';
  }
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s.front()))) s.insert(0, "_");
  return s;
}

/// FNV-1a, 64 bits (offset basis 0xcbf29ce484222325, prime 0x100000001b3: the published
/// constants), so a LIBID never depends on the platform's std::hash.
uint64_t fnv1a(std::string_view text, uint64_t h) {
  for (unsigned char ch : text) {
    h ^= ch;
    h *= 0x100000001b3ULL;
  }
  return h;
}

/// A name-based LIBID: two FNV-1a hashes of "tlbkit.cheader:" + name fill the 16 bytes, then the
/// RFC 9562 version nibble is set to 8 (custom/vendor-defined: not SHA-1 or MD5 based) and the
/// variant bits to 10 (RFC 4122), so the same header name always gives the same LIBID.
m::Guid libid_for(const std::string& name) {
  std::string key = "tlbkit.cheader:" + name;
  uint64_t a = fnv1a(key, 0xcbf29ce484222325ULL);
  uint64_t b = fnv1a(key, a ^ 0x9e3779b97f4a7c15ULL);
  m::Guid g;
  for (int i = 0; i < 8; ++i) {
    g.bytes[static_cast<size_t>(i)] = static_cast<uint8_t>(a >> (8 * i));
    g.bytes[static_cast<size_t>(8 + i)] = static_cast<uint8_t>(b >> (8 * i));
  }
  g.bytes[7] = static_cast<uint8_t>((g.bytes[7] & 0x0f) | 0x80);  // Data3's high nibble: version
  g.bytes[8] = static_cast<uint8_t>((g.bytes[8] & 0x3f) | 0x80);  // Data4[0]'s top bits: variant
  return g;
}

// ---- clang's command line ---------------------------------------------------------------------

/// clang's resource directory (its own stddef.h, x86intrin.h …): libclang finds it relative to
/// its own path, which fails when the shared library lives elsewhere than the LLVM tree (Debian's
/// /usr/lib/x86_64-linux-gnu/libclang-14.so). Probed from the version libclang reports, in the
/// places LLVM installs it; "" when none holds its headers (clang's own guess then applies).
std::string resource_dir() {
  std::string version = detail::take(clang_getClangVersion());
  size_t at = version.find("version ");
  if (at == std::string::npos) return {};
  std::string full;
  for (size_t i = at + 8; i < version.size() && (std::isdigit(static_cast<unsigned char>(version[i])) ||
                                                 version[i] == '.');
       ++i) {
    full += version[i];
  }
  std::string major = full.substr(0, full.find('.'));
  if (major.empty()) return {};
  const std::string roots[] = {"/usr/lib/llvm-" + major + "/lib/clang/", "/usr/lib/clang/",
                               "/usr/lib64/clang/", "/usr/local/lib/clang/"};
  for (const std::string& root : roots) {
    for (const std::string& v : {full, major}) {
      std::error_code ec;
      if (std::filesystem::exists(root + v + "/include/stddef.h", ec)) return root + v;
    }
  }
  return {};
}

std::vector<std::string> clang_arguments(const CHeaderOptions& opts) {
  std::vector<std::string> args;
  bool has_x = false, has_resource = false;
  for (const std::string& a : opts.clang_args) {
    if (a == "-x" || a.rfind("-x", 0) == 0) has_x = true;
    if (a.rfind("-resource-dir", 0) == 0) has_resource = true;
  }
  if (!has_x) args.insert(args.end(), {"-x", "c++", "-std=c++17"});
  args.push_back(opts.target == m::SysKind::Win32 ? "--target=i686-w64-mingw32"
                                                  : "--target=x86_64-w64-mingw32");
  args.push_back("-fms-extensions");
  if (!has_resource) {
    if (std::string r = resource_dir(); !r.empty()) args.insert(args.end(), {"-resource-dir", r});
  }
  for (const std::string& d : opts.include_dirs) args.push_back("-I" + d);
  for (const std::string& d : opts.defines) args.push_back("-D" + d);
  for (const std::string& u : opts.undefines) args.push_back("-U" + u);
  if (!opts.sysroot.empty()) args.push_back("--sysroot=" + opts.sysroot);
  args.insert(args.end(), opts.clang_args.begin(), opts.clang_args.end());
  return args;
}

// ---- Diagnostics ------------------------------------------------------------------------------

support::Diagnostic convert(CXDiagnostic d, support::Severity sev) {
  support::Diagnostic out;
  out.severity = sev;
  out.code = sev == support::Severity::Warning ? "TK8002" : "TK8001";
  out.where = detail::location_of(clang_getDiagnosticLocation(d));
  // The spelling is clang's message without its [-Wflag] (that is clang_getDiagnosticOption's).
  out.message = detail::take(clang_getDiagnosticSpelling(d));
  CXDiagnosticSet children = clang_getChildDiagnostics(d);
  unsigned n = clang_getNumDiagnosticsInSet(children);
  for (unsigned i = 0; i < n; ++i) {
    CXDiagnostic c = clang_getDiagnosticInSet(children, i);
    out.notes.push_back(convert(c, support::Severity::Note));
    clang_disposeDiagnostic(c);
  }
  return out;
}

/// Reports clang's warnings and errors (notes only attached to them); true when any was an error.
bool report_clang(CXTranslationUnit tu, support::DiagEngine& diags) {
  bool errors = false;
  unsigned n = clang_getNumDiagnostics(tu);
  for (unsigned i = 0; i < n; ++i) {
    CXDiagnostic d = clang_getDiagnostic(tu, i);
    CXDiagnosticSeverity s = clang_getDiagnosticSeverity(d);
    if (s == CXDiagnostic_Warning) {
      diags.report(convert(d, support::Severity::Warning));
    } else if (s == CXDiagnostic_Error || s == CXDiagnostic_Fatal) {
      diags.report(convert(d, support::Severity::Error));
      errors = true;
    }
    clang_disposeDiagnostic(d);
  }
  return errors;
}

// ---- The walk ---------------------------------------------------------------------------------

/// Top-level declarations in source order: the translation unit's, and those inside extern "C"
/// blocks (namespaces are not entered).
std::vector<CXCursor> top_level(CXTranslationUnit tu) {
  std::vector<CXCursor> out;
  std::vector<CXCursor> pending{clang_getTranslationUnitCursor(tu)};
  // Depth is bounded by the nesting of extern "C" blocks; each is visited once.
  auto visit = [&out](CXCursor parent, auto& self) -> void {
    detail::visit_children(parent, [&](CXCursor c) {
      // libclang 14 shows an `extern "C" { … }` block as an unexposed declaration.
      CXCursorKind k = clang_getCursorKind(c);
      if (k == CXCursor_LinkageSpec || k == CXCursor_UnexposedDecl) {
        self(c, self);
      } else {
        out.push_back(c);
      }
      return CXChildVisit_Continue;
    });
  };
  visit(pending.front(), visit);
  return out;
}

bool is_integer_kind(CXTypeKind k) {
  return (k >= CXType_Char_U && k <= CXType_Int128 && k != CXType_Char16 && k != CXType_Char32) ||
         k == CXType_Bool;
}

/// Notes an integer typedef of any file (for casts in #defines).
void note_typedef(Context& cx, CXCursor c) {
  CXType t = clang_getCanonicalType(clang_getTypedefDeclUnderlyingType(c));
  if (!is_integer_kind(t.kind)) return;
  long long size = clang_Type_getSizeOf(t);
  bool is_signed = t.kind >= CXType_Char_S && t.kind <= CXType_Int128;
  if (size > 0 && size <= 8) cx.state->int_typedefs[detail::spelling(c)] = {int(size), is_signed};
}

void read_top_level(Context& cx, const std::vector<CXCursor>& cursors) {
  for (CXCursor c : cursors) note_guid(cx, c);
  for (CXCursor c : cursors) {
    if (cx.diags.too_many_errors()) return;
    switch (clang_getCursorKind(c)) {
      case CXCursor_TypedefDecl:
        note_typedef(cx, c);
        if (cx.taken(c)) cx.declare(c);
        break;
      case CXCursor_StructDecl:
      case CXCursor_UnionDecl:
      case CXCursor_ClassDecl:
      case CXCursor_EnumDecl:
        // Tagless ones are read through the typedef that names them.
        if (clang_isCursorDefinition(c) && !detail::spelling(c).empty() && cx.taken(c)) {
          cx.declare(c);
        }
        break;
      case CXCursor_FunctionDecl:
        if (cx.taken(c)) detail::read_function(cx, c);
        break;
      case CXCursor_VarDecl:
        if (cx.taken(c)) detail::read_const_var(cx, c);
        break;
      default:
        break;
    }
  }
  // #defines last: libclang lists a file's macros before its declarations, and a #define may
  // use an enumerator or cast to a typedef declared anywhere.
  for (CXCursor c : cursors) {
    if (cx.diags.too_many_errors()) return;
    if (clang_getCursorKind(c) == CXCursor_MacroDefinition && !clang_Cursor_isMacroFunctionLike(c) &&
        !clang_Cursor_isMacroBuiltin(c)) {
      detail::read_macro(cx, c, cx.taken(c));
    }
  }
}

bool same_name_nocase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

/// A type library holds one type per name, without regard to case: a module named after the
/// header or its DLL (legacy.h with --dll legacy.dll and --dll-map, ILegacy.h declaring ILegacy)
/// that another type already names gets a suffix saying what it is (_constants for the header's
/// module of constants alone, _functions for it with functions, _dll for a DLL's), then a number
/// if that is taken too.
void unique_module_names(Context& cx) {
  std::vector<m::TypeInfo>& types = cx.lib.types;
  auto clashes = [&](const std::string& name, size_t self) {
    for (size_t i = 0; i < types.size(); ++i) {
      if (i != self && same_name_nocase(types[i].name, name)) return true;
    }
    return false;
  };
  for (const auto& [dll, idx] : cx.state->modules) {
    m::TypeInfo& t = types[idx];
    if (!clashes(t.name, idx)) continue;
    const auto& mod = std::get<m::ModuleDef>(t.def);
    std::string base =
        t.name + (!dll.empty() ? "_dll" : mod.functions.empty() ? "_constants" : "_functions");
    std::string name = base;
    for (int n = 2; clashes(name, idx); ++n) name = base + std::to_string(n);
    t.name = name;
  }
}

void finish(Context& cx) {
  detail::Context::State& st = *cx.state;
  if (st.functions_without_dll > 0) {
    cx.diags.warning("TK8004", st.first_without_dll,
                     std::to_string(st.functions_without_dll) +
                         " function(s) have no DLL: they are in module '" + st.stem +
                         "' with no DLL name; give --dll NAME or --dll-map FILE");
  }
  if (!st.cxx_helpers.empty()) {
    support::Diagnostic w;
    w.severity = support::Severity::Warning;
    w.code = "TK8008";
    w.where = st.first_cxx_helper;
    w.message = std::to_string(st.cxx_helpers.size()) +
                " C++ class(es) are no type of their own (see the notes)";
    for (const auto& [name, note] : st.cxx_helpers) {
      support::Diagnostic n;
      n.severity = support::Severity::Note;
      n.where = note.second;
      n.message = "'" + name + "' " + note.first;
      w.notes.push_back(std::move(n));
    }
    cx.diags.report(std::move(w));
  }
  unique_module_names(cx);
  // A module's size is the number of its functions and its alignment 1, as widl records them
  // (model/layout.cpp, the compiler the IDL reader follows).
  for (const auto& [dll, idx] : st.modules) {
    m::TypeInfo& t = cx.lib.types[idx];
    const auto& mod = std::get<m::ModuleDef>(t.def);
    t.layout = m::TypeLayout{static_cast<uint32_t>(mod.functions.size()), 1, 0};
  }
}

}  // namespace

namespace detail {

/// How deep declare() may recurse through dependencies (a struct holding a struct …): far more
/// than real headers need, far less than the stack allows.
constexpr int kMaxNesting = 200;

bool Context::taken(CXCursor decl) const {
  CXFile file = nullptr;
  clang_getExpansionLocation(clang_getCursorLocation(decl), &file, nullptr, nullptr, nullptr);
  if (file == nullptr) return false;
  // The file's verdict: 1 taken (the named header, or one --include names), 0 not, -1 excluded.
  auto [it, fresh] = state->file_verdict.emplace(file, 0);
  if (fresh) {
    std::string full = take(clang_getFileName(file));
    std::string base = std::filesystem::path(full).filename().string();
    int verdict = clang_File_isEqual(file, state->main_file) ? 1 : 0;
    for (const std::string& p : opts.include_patterns) {
      if (glob_match(p, base) || glob_match(p, full)) verdict = 1;
    }
    for (const std::string& p : opts.exclude_patterns) {
      if (glob_match(p, base) || glob_match(p, full)) verdict = -1;
    }
    it->second = verdict;
  }
  if (it->second < 0) return false;
  if (opts.include_patterns.empty() && opts.exclude_patterns.empty()) return it->second == 1;
  std::string name = spelling(decl);
  for (const std::string& p : opts.exclude_patterns) {
    if (glob_match(p, name)) return false;
  }
  if (it->second == 1) return true;
  for (const std::string& p : opts.include_patterns) {
    if (glob_match(p, name)) return true;
  }
  return false;
}

namespace {

/// A C++ struct (not an interface): nullopt when it is read as a record (flattened when it has
/// bases), else what declare() returns for it — its base's type when it adds only constructors
/// or methods to one base (d3d11.h's CD3D11_BOX : D3D11_BOX: a user of the header wants
/// D3D11_BOX, which is what an interface takes), nothing when it is polymorphic (a hidden vtable
/// pointer among its data) or its layout is beyond the flattening. Either way it is noted for
/// finish()'s warning.
std::optional<std::optional<uint32_t>> cxx_class(Context& cx, CXCursor decl,
                                                 const std::string& tag, const std::string& usr) {
  CXCursor base = clang_getNullCursor();
  Derived d = derived_reading(decl, base);
  if (d == Derived::Plain || d == Derived::Flattened) return std::nullopt;
  std::string what;
  std::optional<uint32_t> idx;
  if (d == Derived::AsBase) {
    idx = cx.declare(base);
    what = "adds only constructors or methods to '" + spelling(base) + "': read as it";
    if (idx) cx.state->by_usr.emplace(usr, *idx);
  } else {
    what = "is beyond a plain struct's layout (virtual methods and their hidden vtable pointer, "
           "virtual bases, two bases holding data, or a base an empty one moves from offset 0): "
           "left out";
  }
  if (cx.state->cxx_helpers.empty()) cx.state->first_cxx_helper = location_of(decl);
  cx.state->cxx_helpers.emplace(tag, std::make_pair(what, location_of(decl)));
  return idx;
}

}  // namespace

std::optional<uint32_t> Context::declare(CXCursor decl) {
  CXCursorKind kind = clang_getCursorKind(decl);
  if (kind != CXCursor_TypedefDecl) {
    CXCursor def = clang_getCursorDefinition(decl);
    if (!clang_Cursor_isNull(def)) decl = def;
  }
  std::string usr = take(clang_getCursorUSR(decl));
  if (usr.empty()) usr = "@loc:" + std::to_string(clang_hashCursor(decl));
  // clang gives every anonymous union of a struct one USR (S@Ua), and so each anonymous
  // struct or union member its place in the file as well.
  if (kind != CXCursor_TypedefDecl && clang_Cursor_isAnonymousRecordDecl(decl)) {
    CXFile file = nullptr;
    unsigned offset = 0;
    clang_getSpellingLocation(clang_getCursorLocation(decl), &file, nullptr, nullptr, &offset);
    usr += "@" + take(clang_getFileName(file)) + "@" + std::to_string(offset);
  }
  if (auto it = state->by_usr.find(usr); it != state->by_usr.end()) return it->second;
  if (kind == CXCursor_TypedefDecl) return declare_typedef(*this, decl, usr);

  m::TypeInfo t;
  switch (kind) {
    case CXCursor_StructDecl:
    case CXCursor_ClassDecl:
    case CXCursor_UnionDecl:
    case CXCursor_EnumDecl: {
      std::string tag = spelling(decl);
      // stdole's (unless the user's header declares it), or a base type
      if (is_automation_name(tag) && !declares_stdole_type(*this, decl)) return std::nullopt;
      // A template specialization (MinGW's __mingw_uuidof_s<IFoo> …) is C++ machinery, and a
      // C interface's struct of function pointers is part of the interface.
      if (!clang_Cursor_isNull(clang_getSpecializedCursorTemplate(decl))) return std::nullopt;
      if (kind != CXCursor_EnumDecl && is_com_vtbl(*this, decl)) return std::nullopt;
      if (kind == CXCursor_StructDecl && is_declared_handle(decl)) return std::nullopt;
      // A class known only by its CLSID (`class DECLSPEC_UUID("…") Foo;`) is its coclass.
      if (!clang_isCursorDefinition(decl)) {
        if (std::optional<uint32_t> co = coclass_named(*this, tag)) return co;
      }
      if (kind != CXCursor_EnumDecl && kind != CXCursor_UnionDecl &&
          clang_isCursorDefinition(decl) && !is_com_interface(*this, decl)) {
        std::optional<std::optional<uint32_t>> as = cxx_class(*this, decl, tag, usr);
        if (as) return *as;
      }
      t.name = tag.empty() ? generated_name(*this) : tag;
      break;
    }
    default:
      return std::nullopt;
  }
  // Types read as dependencies of types being read nest by recursion: bounded.
  if (state->nesting >= kMaxNesting) {
    if (!state->too_deep_reported) {
      state->too_deep_reported = true;
      diags.warning("TK8007", location_of(decl),
                    "types nest more than " + std::to_string(kMaxNesting) +
                        " deep as dependencies of each other; '" + t.name +
                        "' and deeper ones are left out (read as void)");
    }
    return std::nullopt;
  }
  struct Nest {
    int& n;
    explicit Nest(int& x) : n(x) { ++n; }
    ~Nest() { --n; }
  } nest(state->nesting);
  // The slot first (a record may point to itself), then its contents.
  auto idx = static_cast<uint32_t>(lib.types.size());
  lib.types.push_back(t);
  state->by_usr.emplace(usr, idx);
  if (kind == CXCursor_EnumDecl) {
    read_enum(*this, decl, t);
  } else if (kind != CXCursor_UnionDecl && is_com_interface(*this, decl)) {
    read_interface(*this, decl, t);
  } else {
    read_record(*this, decl, t);
  }
  lib.types[idx] = std::move(t);
  return idx;
}

}  // namespace detail

std::optional<m::Library> read_cheader(const std::string& path, const CHeaderOptions& opts,
                                       support::DiagEngine& diags) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    diags.error("TK8003", support::Location::in_file(path), "cannot read the header: no such file");
    return std::nullopt;
  }
  std::vector<std::string> args = clang_arguments(opts);
  std::vector<const char*> argv;
  argv.reserve(args.size());
  for (const std::string& a : args) argv.push_back(a.c_str());

  detail::Index index;
  CXTranslationUnit raw = nullptr;
  // Function bodies are skipped (only declarations matter); the detailed preprocessing record
  // gives the #defines and the macro uses (DEFINE_GUID …), at no measurable cost on <windows.h>.
  unsigned flags = CXTranslationUnit_SkipFunctionBodies |
                   CXTranslationUnit_DetailedPreprocessingRecord;
  CXErrorCode err = clang_parseTranslationUnit2(index.get(), path.c_str(), argv.data(),
                                                static_cast<int>(argv.size()), nullptr, 0, flags,
                                                &raw);
  detail::TranslationUnit tu(raw);
  if (err != CXError_Success || tu.get() == nullptr) {
    diags.error("TK8003", support::Location::in_file(path),
                "libclang could not parse the header (error " + std::to_string(int(err)) + ")");
    return std::nullopt;
  }
  if (report_clang(tu.get(), diags)) return std::nullopt;

  m::Library lib;
  lib.syskind = opts.target;
  detail::Context::State state;
  state.stem = identifier_stem(path);
  state.main_file = clang_getFile(tu.get(), path.c_str());
  lib.name = state.stem;
  lib.libid = libid_for(lib.name);
  lib.version = m::Version{1, 0};
  lib.lcid = 0;
  Context cx{opts, diags, tu.get(), lib, {}, &state};
  read_top_level(cx, top_level(tu.get()));
  finish(cx);
  if (diags.has_errors()) return std::nullopt;
  return lib;
}

std::optional<std::vector<DllRule>> read_dll_map(const std::string& path,
                                                 support::DiagEngine& diags) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error("TK8005", support::Location::in_file(path), "cannot read the DLL map");
    return std::nullopt;
  }
  std::vector<DllRule> rules;
  std::string line;
  uint32_t line_no = 0;
  bool ok = true;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::pair<std::string, uint32_t>> words;  // word, 1-based column
    for (size_t i = 0; i < line.size();) {
      if (std::isspace(static_cast<unsigned char>(line[i]))) {
        ++i;
        continue;
      }
      size_t start = i;
      while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
      words.emplace_back(line.substr(start, i - start), static_cast<uint32_t>(start + 1));
    }
    if (words.empty() || words.front().first.front() == '#') continue;
    if (words.size() != 2) {
      support::Location at = support::Location::in_file(path);
      at.line = line_no;
      at.column = words.size() > 2 ? words[2].second : words.front().second;
      diags.error("TK8006", at,
                  words.size() > 2 ? "unexpected text after 'PATTERN DLL'"
                                   : "expected 'PATTERN DLL' (a function name pattern and a DLL)");
      ok = false;
      continue;
    }
    rules.push_back(DllRule{words[0].first, words[1].first});
  }
  if (!ok) return std::nullopt;
  return rules;
}

}  // namespace tlbkit::cheader
