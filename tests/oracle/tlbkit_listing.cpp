// tlbkit-listing.exe: the project's own "oleaut listing" program (format: FORMAT.md, copied in
// tests/oracle/README.md). A Windows program, built with MinGW-w64 and run under Wine, that loads
// each type library with the platform's OLE Automation runtime and prints what ITypeLib/ITypeInfo
// report, so the tests can hold tlbkit's typelibs to the real runtime. Layer: tests (tooling).
//
//   tlbkit-listing.exe FILE...            listings on stdout; with several files each is
//                                         preceded by "== FILE"
//   tlbkit-listing.exe -o DIR FILE...     the listing of the i-th FILE (1-based) in DIR\i.txt
//   @LIST in place of a FILE              the files named in LIST, a UTF-8 file, one a line
//
// FILE is a Windows path; "file.dll\N" names the N-th TYPELIB resource of a PE file (the
// runtime's own path syntax). Exit status: 0, or 1 when some file could not be loaded (its
// listing then says "loadfail 0x…"), 2 on a usage or output error.
#include <windows.h>
#include <oleauto.h>

#include <fcntl.h>
#include <io.h>

#include <cstdio>
#include <cwchar>
#include <string>
#include <vector>

namespace {

// ---- Small owners for COM objects and runtime strings -------------------------------------------

/// Holds one reference to a COM interface and releases it.
template <typename T>
class Ref {
 public:
  Ref() = default;
  Ref(const Ref&) = delete;
  Ref& operator=(const Ref&) = delete;
  ~Ref() {
    if (p_) p_->Release();
  }
  T** out() { return &p_; }
  T* operator->() const { return p_; }
  T* get() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }

 private:
  T* p_ = nullptr;
};

/// Holds a BSTR the runtime allocated and frees it.
class Bstr {
 public:
  Bstr() = default;
  Bstr(const Bstr&) = delete;
  Bstr& operator=(const Bstr&) = delete;
  ~Bstr() { SysFreeString(s_); }
  BSTR* out() { return &s_; }
  BSTR get() const { return s_; }

 private:
  BSTR s_ = nullptr;
};

// ---- Text ------------------------------------------------------------------------------------

/// UTF-16 text up to its first NUL (the listing treats every string as a C string), as UTF-8.
std::string utf8(const wchar_t* s) {
  if (!s) return {};
  int n = static_cast<int>(std::wcslen(s));
  if (n == 0) return {};
  int size = WideCharToMultiByte(CP_UTF8, 0, s, n, nullptr, 0, nullptr, nullptr);
  std::string out(static_cast<size_t>(size), '\0');
  WideCharToMultiByte(CP_UTF8, 0, s, n, out.data(), size, nullptr, nullptr);
  return out;
}

/// A string in double quotes with `"`, `\`, newline, carriage return and tab escaped.
std::string quoted(const std::string& s) {
  std::string o = "\"";
  for (char c : s) {
    switch (c) {
      case '"': o += "\\\""; break;
      case '\\': o += "\\\\"; break;
      case '\n': o += "\\n"; break;
      case '\r': o += "\\r"; break;
      case '\t': o += "\\t"; break;
      default: o += c;
    }
  }
  return o + "\"";
}

std::string dec(long long v) { return std::to_string(v); }

/// Hex without leading zeros, as the listing writes every flag word and member id.
std::string hex(unsigned long v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%lx", v);
  return buf;
}

std::string guid_text(const GUID& g) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "{%08lX-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
                static_cast<unsigned long>(g.Data1), g.Data2, g.Data3, g.Data4[0], g.Data4[1],
                g.Data4[2], g.Data4[3], g.Data4[4], g.Data4[5], g.Data4[6], g.Data4[7]);
  return buf;
}

/// VALUE: "vtN:TEXT" — a BSTR quoted, anything else converted by the runtime to text with the
/// en-US locale (0x409), "?" where that conversion fails.
std::string value_text(const VARIANT& v) {
  std::string s = "vt" + dec(V_VT(&v)) + ":";
  if (V_VT(&v) == VT_BSTR) return s + quoted(utf8(V_BSTR(&v)));
  VARIANT text;
  VariantInit(&text);
  VARIANT copy = v;  // VariantChangeTypeEx takes a non-const source; it does not change it
  const LCID en_us = MAKELCID(MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US), SORT_DEFAULT);
  if (FAILED(VariantChangeTypeEx(&text, &copy, en_us, 0, VT_BSTR))) return s + "?";
  s += utf8(V_BSTR(&text));
  VariantClear(&text);
  return s;
}

// ---- The listing -----------------------------------------------------------------------------

/// Writes the listing of one loaded library into a string, one fact per line.
class Lister {
 public:
  explicit Lister(ITypeLib* lib) : lib_(lib) {}

  std::string run() {
    library();
    UINT n = lib_->GetTypeInfoCount();
    for (UINT i = 0; i < n; ++i) {
      Ref<ITypeInfo> ti;
      if (FAILED(lib_->GetTypeInfo(i, ti.out()))) {
        line("type #" + dec(i) + " fail");
        continue;
      }
      type(ti.get());
    }
    return std::move(out_);
  }

 private:
  void line(const std::string& s) {
    out_ += s;
    out_ += '\n';
  }

  /// One "custom {GUID} VALUE" line per item, then frees the items.
  void custom(const char* indent, CUSTDATA& cd) {
    for (DWORD i = 0; i < cd.cCustData; ++i)
      line(std::string(indent) + "custom " + guid_text(cd.prgCustData[i].guid) + " " +
           value_text(cd.prgCustData[i].varValue));
    ClearCustData(&cd);
  }

  void library() {
    TLIBATTR* a = nullptr;
    if (FAILED(lib_->GetLibAttr(&a))) {
      line("library fail");
      return;
    }
    Bstr name, doc, file;
    DWORD context = 0;
    lib_->GetDocumentation(-1, name.out(), doc.out(), &context, file.out());
    line("library " + utf8(name.get()) + " guid=" + guid_text(a->guid) +
         " version=" + dec(a->wMajorVerNum) + "." + dec(a->wMinorVerNum) + " lcid=" + dec(a->lcid) +
         " syskind=" + dec(a->syskind) + " flags=" + hex(a->wLibFlags) +
         " helpstring=" + quoted(utf8(doc.get())) + " helpcontext=" + dec(context) +
         " helpfile=" + quoted(utf8(file.get())));
    lib_->ReleaseTLibAttr(a);
    Ref<ITypeLib2> lib2;
    CUSTDATA cd{};
    if (SUCCEEDED(lib_->QueryInterface(IID_ITypeLib2, reinterpret_cast<void**>(lib2.out()))) &&
        SUCCEEDED(lib2->GetAllCustData(&cd)))
      custom("  ", cd);
  }

  /// The name of a type info: "NAME", or "LIB.NAME" when it lives in another library.
  std::string type_name(ITypeInfo* ti) {
    Bstr name;
    if (FAILED(ti->GetDocumentation(MEMBERID_NIL, name.out(), nullptr, nullptr, nullptr)))
      return "?";
    Ref<ITypeLib> home;
    UINT index = 0;
    if (SUCCEEDED(ti->GetContainingTypeLib(home.out(), &index)) && home.get() != lib_) {
      Bstr lib_name;
      home->GetDocumentation(-1, lib_name.out(), nullptr, nullptr, nullptr);
      return utf8(lib_name.get()) + "." + utf8(name.get());
    }
    return utf8(name.get());
  }

  /// The name of the type `href` of `from` names, "?" when the runtime cannot load it.
  std::string ref_name(ITypeInfo* from, HREFTYPE href) {
    Ref<ITypeInfo> target;
    if (FAILED(from->GetRefTypeInfo(href, target.out()))) return "?";
    return type_name(target.get());
  }

  /// TYPE: vtN, ptr(T), safearray(T), carray(T,LBOUND:COUNT,...), udt(NAME).
  std::string type_text(ITypeInfo* from, const TYPEDESC& t) {
    switch (t.vt) {
      case VT_PTR: return "ptr(" + type_text(from, *t.lptdesc) + ")";
      case VT_SAFEARRAY: return "safearray(" + type_text(from, *t.lptdesc) + ")";
      case VT_USERDEFINED: return "udt(" + ref_name(from, t.hreftype) + ")";
      case VT_CARRAY: {
        std::string s = "carray(" + type_text(from, t.lpadesc->tdescElem);
        for (USHORT d = 0; d < t.lpadesc->cDims; ++d)
          s += "," + dec(t.lpadesc->rgbounds[d].lLbound) + ":" +
               dec(static_cast<long long>(t.lpadesc->rgbounds[d].cElements));
        return s + ")";
      }
      default: return "vt" + dec(t.vt);
    }
  }

  void type(ITypeInfo* ti) {
    TYPEATTR* a = nullptr;
    if (FAILED(ti->GetTypeAttr(&a))) {
      line("type " + type_name(ti) + " fail");
      return;
    }
    Bstr name, doc;
    DWORD context = 0;
    ti->GetDocumentation(MEMBERID_NIL, name.out(), doc.out(), &context, nullptr);
    std::string s = "type " + utf8(name.get()) + " kind=" + dec(a->typekind) +
                    " guid=" + guid_text(a->guid) + " flags=" + hex(a->wTypeFlags) +
                    " size=" + dec(a->cbSizeInstance) + " align=" + dec(a->cbAlignment) +
                    " funcs=" + dec(a->cFuncs) + " vars=" + dec(a->cVars) +
                    " impls=" + dec(a->cImplTypes) + " vft=" + dec(a->cbSizeVft) +
                    " version=" + dec(a->wMajorVerNum) + "." + dec(a->wMinorVerNum) +
                    " helpstring=" + quoted(utf8(doc.get())) + " helpcontext=" + dec(context);
    if (a->typekind == TKIND_ALIAS) s += " alias=" + type_text(ti, a->tdescAlias);
    line(s);
    Ref<ITypeInfo2> ti2;
    ti->QueryInterface(IID_ITypeInfo2, reinterpret_cast<void**>(ti2.out()));
    CUSTDATA cd{};
    if (ti2 && SUCCEEDED(ti2->GetAllCustData(&cd))) custom("  ", cd);
    const bool dispatch = a->typekind == TKIND_DISPATCH;
    if (dispatch && (a->wTypeFlags & TYPEFLAG_FDUAL)) {
      HREFTYPE partner = 0;
      line("  dualpartner " + (SUCCEEDED(ti->GetRefTypeOfImplType(static_cast<UINT>(-1), &partner))
                                   ? ref_name(ti, partner)
                                   : std::string("fail")));
    }
    impls(ti, ti2.get(), a->cImplTypes, dispatch);
    const bool module = a->typekind == TKIND_MODULE;
    for (UINT k = 0; k < a->cFuncs; ++k) function(ti, ti2.get(), k, module);
    for (UINT k = 0; k < a->cVars; ++k) variable(ti, ti2.get(), k);
    ti->ReleaseTypeAttr(a);
  }

  void impls(ITypeInfo* ti, ITypeInfo2* ti2, UINT count, bool dispatch) {
    for (UINT k = 0; k < count; ++k) {
      HREFTYPE href = 0;
      if (FAILED(ti->GetRefTypeOfImplType(k, &href))) {
        line("  impl fail");
        continue;
      }
      INT flags = 0;
      ti->GetImplTypeFlags(k, &flags);
      line("  impl " + ref_name(ti, href) + " flags=" + hex(static_cast<unsigned long>(flags)));
      // Wine's runtime faults when asked for a dispinterface's impl-type custom data.
      CUSTDATA cd{};
      if (!dispatch && ti2 && SUCCEEDED(ti2->GetAllImplTypeCustData(k, &cd))) custom("    ", cd);
    }
  }

  /// GetNames(memid): the member's name then its parameters' names; "?" for a missing one.
  std::vector<std::string> names(ITypeInfo* ti, MEMBERID memid, UINT max) {
    std::vector<BSTR> raw(max, nullptr);
    UINT got = 0;
    if (FAILED(ti->GetNames(memid, raw.data(), max, &got))) got = 0;
    std::vector<std::string> out(max, "?");
    for (UINT i = 0; i < got && i < max; ++i) {
      out[i] = utf8(raw[i]);
      SysFreeString(raw[i]);
    }
    return out;
  }

  /// " helpstring=… helpcontext=…" from GetDocumentation(memid).
  std::string member_docs(ITypeInfo* ti, MEMBERID memid) {
    Bstr doc;
    DWORD context = 0;
    if (FAILED(ti->GetDocumentation(memid, nullptr, doc.out(), &context, nullptr))) context = 0;
    return " helpstring=" + quoted(utf8(doc.get())) + " helpcontext=" + dec(context);
  }

  /// " dll=… entry=…" from GetDllEntry (a module's functions only); empty when it fails.
  std::string dll_entry(ITypeInfo* ti, const FUNCDESC& f) {
    Bstr dll, entry;
    WORD ordinal = 0;
    if (FAILED(ti->GetDllEntry(f.memid, f.invkind, dll.out(), entry.out(), &ordinal))) return "";
    std::string s = " dll=" + quoted(utf8(dll.get())) + " entry=";
    return s + (entry.get() ? quoted(utf8(entry.get())) : "#" + dec(ordinal));
  }

  void function(ITypeInfo* ti, ITypeInfo2* ti2, UINT k, bool module) {
    FUNCDESC* f = nullptr;
    if (FAILED(ti->GetFuncDesc(k, &f))) {
      line("  func #" + dec(k) + " fail");
      return;
    }
    auto n = names(ti, f->memid, static_cast<UINT>(f->cParams) + 1);
    std::string s = "  func " + n[0] + " memid=" + hex(static_cast<unsigned long>(f->memid)) +
                    " funckind=" + dec(f->funckind) + " invkind=" + dec(f->invkind) +
                    " callconv=" + dec(f->callconv) + " params=" + dec(f->cParams) +
                    " optional=" + dec(f->cParamsOpt) + " vtoffset=" + dec(f->oVft) +
                    " flags=" + hex(f->wFuncFlags) +
                    " returns=" + type_text(ti, f->elemdescFunc.tdesc) + member_docs(ti, f->memid);
    if (module) s += dll_entry(ti, *f);
    line(s);
    CUSTDATA cd{};
    if (ti2 && SUCCEEDED(ti2->GetAllFuncCustData(k, &cd))) custom("    ", cd);
    for (SHORT p = 0; p < f->cParams; ++p) {
      const ELEMDESC& e = f->lprgelemdescParam[p];
      const PARAMDESC& pd = e.paramdesc;
      std::string dv = (pd.wParamFlags & PARAMFLAG_FHASDEFAULT) && pd.pparamdescex
                           ? value_text(pd.pparamdescex->varDefaultValue)
                           : "-";
      line("    param " + n[static_cast<size_t>(p) + 1] + " type=" + type_text(ti, e.tdesc) +
           " flags=" + hex(pd.wParamFlags) + " default=" + dv);
      CUSTDATA pcd{};
      if (ti2 && SUCCEEDED(ti2->GetAllParamCustData(k, static_cast<UINT>(p), &pcd)))
        custom("      ", pcd);
    }
    ti->ReleaseFuncDesc(f);
  }

  void variable(ITypeInfo* ti, ITypeInfo2* ti2, UINT k) {
    VARDESC* v = nullptr;
    if (FAILED(ti->GetVarDesc(k, &v))) {
      line("  var #" + dec(k) + " fail");
      return;
    }
    auto n = names(ti, v->memid, 1);
    std::string s = "  var " + n[0] + " memid=" + hex(static_cast<unsigned long>(v->memid)) +
                    " varkind=" + dec(v->varkind) + " flags=" + hex(v->wVarFlags) +
                    " type=" + type_text(ti, v->elemdescVar.tdesc);
    if (v->varkind == VAR_CONST)
      s += " value=" + (v->lpvarValue ? value_text(*v->lpvarValue) : std::string("-"));
    else if (v->varkind == VAR_PERINSTANCE)
      s += " offset=" + dec(v->oInst);
    line(s + member_docs(ti, v->memid));
    CUSTDATA cd{};
    if (ti2 && SUCCEEDED(ti2->GetAllVarCustData(k, &cd))) custom("    ", cd);
    ti->ReleaseVarDesc(v);
  }

  ITypeLib* lib_;
  std::string out_;
};

/// The listing of one file; `loaded` says whether the runtime accepted it.
std::string listing_of(const wchar_t* path, bool& loaded) {
  Ref<ITypeLib> lib;
  HRESULT hr = LoadTypeLibEx(path, REGKIND_NONE, lib.out());
  loaded = SUCCEEDED(hr) && lib;
  if (!loaded) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "loadfail 0x%08lx\n", static_cast<unsigned long>(hr));
    return buf;
  }
  return Lister(lib.get()).run();
}

/// UTF-8 text as UTF-16.
std::wstring wide(const std::string& s) {
  if (s.empty()) return {};
  int n = static_cast<int>(s.size());
  int size = MultiByteToWideChar(CP_UTF8, 0, s.data(), n, nullptr, 0);
  std::wstring out(static_cast<size_t>(size), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, s.data(), n, out.data(), size);
  return out;
}

/// The FILE arguments, with each "@LIST" replaced by the lines of the UTF-8 file LIST (one path a
/// line): a Windows command line holds at most 32767 characters, too few for a big batch.
bool expand_arguments(int argc, wchar_t** argv, int first, std::vector<std::wstring>& files) {
  for (int i = first; i < argc; ++i) {
    if (argv[i][0] != L'@') {
      files.emplace_back(argv[i]);
      continue;
    }
    std::FILE* f = _wfopen(argv[i] + 1, L"rb");
    if (!f) return false;
    std::string line;
    for (int c = std::fgetc(f);; c = std::fgetc(f)) {
      if (c == EOF || c == '\n') {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) files.push_back(wide(line));
        line.clear();
        if (c == EOF) break;
      } else {
        line += static_cast<char>(c);
      }
    }
    std::fclose(f);
  }
  return true;
}

bool write_all(std::FILE* f, const std::string& s) {
  return std::fwrite(s.data(), 1, s.size(), f) == s.size();
}

bool write_file(const std::wstring& path, const std::string& text) {
  std::FILE* f = _wfopen(path.c_str(), L"wb");
  if (!f) return false;
  bool ok = write_all(f, text);
  return std::fclose(f) == 0 && ok;
}

}  // namespace

int wmain(int argc, wchar_t** argv) {
  int first = 1;
  std::wstring outdir;
  if (argc > 2 && std::wcscmp(argv[1], L"-o") == 0) {
    outdir = argv[2];
    first = 3;
  }
  std::vector<std::wstring> files;
  if (!expand_arguments(argc, argv, first, files)) {
    std::fputs("tlbkit-listing: cannot read a @LIST file\n", stderr);
    return 2;
  }
  if (files.empty()) {
    std::fputs("usage: tlbkit-listing.exe [-o DIR] FILE|@LIST...\n", stderr);
    return 2;
  }
  _setmode(_fileno(stdout), _O_BINARY);  // "\n", not "\r\n", between lines
  CoInitialize(nullptr);
  int status = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    bool loaded = false;
    std::string text = listing_of(files[i].c_str(), loaded);
    if (!loaded) status = 1;
    bool ok = true;
    if (!outdir.empty()) {
      ok = write_file(outdir + L"\\" + std::to_wstring(i + 1) + L".txt", text);
    } else {
      if (files.size() > 1) ok = write_all(stdout, "== " + utf8(files[i].c_str()) + "\n");
      ok = ok && write_all(stdout, text);
    }
    if (!ok) {
      std::fprintf(stderr, "tlbkit-listing: cannot write the listing of %s\n",
                   utf8(files[i].c_str()).c_str());
      status = 2;
    }
  }
  std::fflush(stdout);
  CoUninitialize();
  return status;
}
