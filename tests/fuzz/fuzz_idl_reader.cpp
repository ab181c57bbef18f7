// libFuzzer target for the IDL reader: the input is a main .idl in an in-memory file map, next to
// a few small fixed files it may #include or import; it is preprocessed and parsed alone, then
// read whole (read_idl: imports, importlib of the built-in stdole2, semantics, layout), and a
// library that reads is written as a type library. Never a crash; every error carries
// file:line:column. Built as a fuzzer with -DTLBKIT_FUZZ=ON (clang), and always with
// replay_main.cpp so testdata/fuzz/idl (seeds and kept reproducers) runs as a test. Layer: tests.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>

#include "driver/inputs.h"
#include "readers/idl/idl_reader.h"
#include "readers/idl/parser.h"
#include "readers/idl/preprocessor.h"
#include "writers/tlb/tlb_writer.h"

namespace {

using namespace tlbkit;

/// The fixed files beside the input: imports with declarations (the Automation basics, and more), a header with macros, a
/// header that includes itself (a cycle), and a guarded header. Small, so each run stays fast.
const std::map<std::string, std::string>& fixed_files() {
  static const std::map<std::string, std::string> files = {
      {"inc/mini.idl",  // the few Automation names the seeds use (what oaidl.idl would give)
       "typedef long HRESULT; typedef long SCODE; typedef double DATE;\n"
       "typedef unsigned short* BSTR; typedef short VARIANT_BOOL;\n"
       "typedef struct tagCY { __int64 int64; } CURRENCY;\n"
       "typedef struct tagDEC { unsigned short r; unsigned char s, g; unsigned long h;"
       " unsigned __int64 l; } DECIMAL;\n"
       "typedef struct tagVARIANT { unsigned short vt; double pad[2]; } VARIANT;\n"
       "typedef struct _GUID { unsigned long a; unsigned short b, c; unsigned char d[8]; } GUID;\n"
       "typedef GUID IID; typedef const IID* REFIID; typedef void* handle_t;\n"
       "[object, local, uuid(00000000-0000-0000-C000-000000000046), pointer_default(unique)]\n"
       "interface IUnknown { HRESULT QueryInterface([in] REFIID riid, [out] void** ppv);"
       " unsigned long AddRef(); unsigned long Release(); }\n"
       "[object, uuid(00020400-0000-0000-C000-000000000046), pointer_default(unique)]\n"
       "interface IDispatch : IUnknown { HRESULT GetTypeInfoCount([out] unsigned int* n); }\n"},
      {"inc/base.idl",
       "#ifndef BASE_IDL\n#define BASE_IDL\nimport \"mini.idl\";\n"
       "typedef struct tagPOINTB { long x; long y; } POINTB;\n"
       "typedef enum tagKIND { K_A = 1, K_B = K_A << 2 } KIND;\n"
       "[object, uuid(0B0B0B0B-0000-0000-C000-000000000046), pointer_default(unique)]\n"
       "interface IBase : IUnknown { HRESULT Get([out, retval] long* v); }\n"
       "#endif\n"},
      {"inc/defs.h",
       "#define DISPID_FIRST 100\n#define STR(x) #x\n#define CAT(a, b) a##b\n"
       "#define GUID_A 1A2B3C4D-0000-0000-0000-000000000001\n"
       "#define VARGS(...) __VA_ARGS__\n"},
      {"inc/cycle.h", "#include \"cycle.h\"\nconst long CYC = 1;\n"},
      {"inc/guarded.h", "#pragma once\ntypedef long GUARDED;\n"},
  };
  return files;
}

bool env_on(const char* name) {
  const char* s = std::getenv(name);
  return s && *s == '1';
}

/// TLBKIT_FUZZ_STRICT=1 also treats an error without file:line:column as a finding (the replay
/// test's rule); off by default so that fuzzing is not stopped by it before it finds crashes.
bool strict() {
  static const bool on = env_on("TLBKIT_FUZZ_STRICT");
  return on;
}

/// TLBKIT_FUZZ_VERBOSE=1 prints every diagnostic (for looking at one input by hand).
bool verbose() {
  static const bool on = env_on("TLBKIT_FUZZ_VERBOSE");
  return on;
}

/// Every error must say file:line:column; a failed read must have said why.
void check(const support::DiagEngine& diags, bool failed, const char* stage) {
  if (failed && !diags.has_errors()) {
    std::fprintf(stderr, "%s failed without an error\n", stage);
    std::abort();
  }
  for (const auto& d : diags.all()) {
    if (verbose())
      std::fprintf(stderr, "%s| %s", stage, support::format_diagnostic(d, support::DiagStyle::Gcc).c_str());
    if (d.severity != support::Severity::Error) continue;
    if (d.where.file.empty() || d.where.line == 0 || d.where.column == 0) {
      std::fprintf(stderr, "%s: error without file:line:column: %s\n", stage, d.message.c_str());
      if (strict()) std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string main_path = "main.idl";
  std::string text(reinterpret_cast<const char*>(data), size);
  auto read_file = [&](const std::string& path) -> std::optional<std::string> {
    if (path == main_path) return text;
    auto it = fixed_files().find(path);
    if (it == fixed_files().end()) return std::nullopt;
    return it->second;
  };
  // An exception escaping from here is a finding: the driver would exit 3 (internal error).
  {
    support::DiagEngine diags;
    idl::PreprocessOptions pp;
    pp.include_dirs = {"inc"};
    pp.predefined = idl::target_macros(model::SysKind::Win64);
    pp.read_file = read_file;
    auto ts = idl::preprocess(main_path, pp, diags);
    if (!ts) std::abort();  // the main file is always there
    (void)idl::parse(*ts, main_path, diags);
    check(diags, false, "parse");
  }
  support::DiagEngine diags;
  idl::IdlOptions opts;
  opts.include_dirs = {"inc"};
  opts.target = size % 2 ? model::SysKind::Win32 : model::SysKind::Win64;
  opts.read_file = read_file;
  driver::SourceOptions none;
  opts.load_importlib = [&none](const std::string& name, support::DiagEngine& d) {
    return driver::find_importlib(name, none, d);  // only the built-in stdole2/stdole32
  };
  auto lib = idl::read_idl(main_path, opts, diags);
  check(diags, !lib, "read_idl");
  if (lib && !lib->name.empty()) {
    support::DiagEngine wdiags;
    (void)tlbw::write_typelib(*lib, wdiags);
  }
  return 0;
}
