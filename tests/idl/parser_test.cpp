// Tests of the IDL parser: the tree shape of each construct, attribute arguments, expressions,
// declarators, error messages with exact locations, and recovery. Sources go through the real
// preprocess() from memory. Layer: tests.
#include "readers/idl/parser.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "readers/idl/preprocessor.h"

using namespace tlbkit;
using namespace tlbkit::idl;

namespace {

struct Parsed {
  ast::File file;
  std::vector<std::string> errors;  // formatted "t.idl:1:2: error: … [TK5101]"
  std::vector<support::Diagnostic> diags;
};

Parsed parse_stream(TokenStream ts, support::DiagEngine& diags) {
  Parsed p;
  p.file = parse(ts, "t.idl", diags);
  for (const auto& d : diags.all()) {
    p.diags.push_back(d);
    if (d.severity == support::Severity::Error) {
      std::string text = support::format_diagnostic(d, support::DiagStyle::Gcc);
      while (!text.empty() && text.back() == '\n') text.pop_back();
      p.errors.push_back(std::move(text));
    }
  }
  return p;
}

TokenStream preprocess_text(const std::string& src, support::DiagEngine& diags) {
  PreprocessOptions opts;
  opts.read_file = [src](const std::string& path) -> std::optional<std::string> {
    if (path == "t.idl") return src;
    return std::nullopt;
  };
  std::optional<TokenStream> ts = preprocess("t.idl", opts, diags);
  REQUIRE(ts.has_value());
  return *ts;
}

Parsed parse_text(const std::string& src, unsigned error_limit = 50) {
  support::DiagEngine diags(error_limit);
  TokenStream ts = preprocess_text(src, diags);
  return parse_stream(std::move(ts), diags);
}

/// Parses `src` and requires no error.
ast::File parse_ok(const std::string& src) {
  Parsed p = parse_text(src);
  for (const auto& e : p.errors) FAIL_CHECK(e);
  REQUIRE(p.errors.empty());
  return std::move(p.file);
}

template <typename T>
const T& stmt(const std::vector<ast::Statement>& v, size_t i) {
  REQUIRE(i < v.size());
  const T* p = std::get_if<T>(&v[i].v);
  REQUIRE_MESSAGE(p != nullptr, "statement " << i << " has variant index " << v[i].v.index());
  return *p;
}

const ast::Attr* find_attr(const ast::Attrs& attrs, const std::string& name) {
  for (const auto& a : attrs) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

using Op = ast::DeclOp::Kind;
using EK = ast::Expr::Kind;

}  // namespace

TEST_CASE("parser: import, importlib, cpp_quote, midl_pragma") {
  ast::File f = parse_ok(
      "import \"unknwn.idl\", \"oaidl.idl\";\n"
      "cpp_quote(\"#define X 1\")\n"
      "midl_pragma warning(disable: 2111)\n"
      "library L { importlib(\"stdole2.tlb\"); };\n");
  REQUIRE(f.statements.size() == 4);
  const auto& imp = stmt<ast::Import>(f.statements, 0);
  CHECK(imp.files == std::vector<std::string>{"unknwn.idl", "oaidl.idl"});
  CHECK(imp.pos.line == 1);
  CHECK(imp.pos.column == 1);
  CHECK(stmt<ast::CppQuote>(f.statements, 1).text == "#define X 1");
  CHECK(stmt<ast::Pragma>(f.statements, 2).text == "warning(disable: 2111)");
  const auto& lib = stmt<ast::Library>(f.statements, 3);
  CHECK(lib.name == "L");
  CHECK(stmt<ast::ImportLib>(lib.body, 0).file == "stdole2.tlb");
}

TEST_CASE("parser: Pragma tokens become statements between statements, skipped elsewhere") {
  support::DiagEngine diags;
  TokenStream ts = preprocess_text("typedef int A;\ntypedef long B;\ninterface I { };\n", diags);
  // Insert pragma tokens as the preprocessor hands them on: one between the two typedefs, one
  // inside the second typedef (after `long`), one inside the interface body.
  auto pragma = [](std::string text) {
    Token t;
    t.kind = TokKind::Pragma;
    t.text = std::move(text);
    return t;
  };
  auto& toks = ts.tokens;
  auto find = [&](const std::string& text, size_t from) {
    for (size_t i = from; i < toks.size(); ++i) {
      if (toks[i].text == text) return i;
    }
    FAIL("no token " << text);
    return size_t{0};
  };
  toks.insert(toks.begin() + static_cast<long>(find("{", 0) + 1), pragma("pack(pop)"));
  toks.insert(toks.begin() + static_cast<long>(find("long", 0) + 1), pragma("inside"));
  toks.insert(toks.begin() + static_cast<long>(find(";", 0) + 1), pragma("pack(push, 8)"));
  Parsed p = parse_stream(std::move(ts), diags);
  REQUIRE(p.errors.empty());
  const auto& st = p.file.statements;
  REQUIRE(st.size() == 4);
  stmt<ast::Typedef>(st, 0);
  CHECK(stmt<ast::Pragma>(st, 1).text == "pack(push, 8)");
  CHECK(stmt<ast::Typedef>(st, 2).type.name == "long");
  const auto& itf = stmt<ast::Interface>(st, 3);
  REQUIRE(itf.body.size() == 1);
  CHECK(stmt<ast::Pragma>(itf.body, 0).text == "pack(pop)");
}

TEST_CASE("parser: object interface with base, attributes and methods") {
  ast::File f = parse_ok(
      "[object, uuid(00020400-0000-0000-C000-000000000046), pointer_default(unique)]\n"
      "interface IFoo : IUnknown {\n"
      "  typedef [unique] IFoo *LPFOO;\n"
      "  [propget, id(0x10), helpstring(\"a\" \"b\")] HRESULT Count([out, retval] long *pc);\n"
      "  HRESULT Next([in] ULONG celt, [out, size_is(celt), length_is(*fetched)] VARIANT *rgVar,\n"
      "               [out] ULONG *fetched);\n"
      "  HRESULT Varargs([in] int n, ...);\n"
      "}\n"
      "interface IBar;\n");
  REQUIRE(f.statements.size() == 2);
  const auto& itf = stmt<ast::Interface>(f.statements, 0);
  CHECK(itf.name == "IFoo");
  CHECK(itf.base == "IUnknown");
  CHECK(itf.has_body);
  CHECK_FALSE(itf.is_dispinterface);
  REQUIRE(itf.attrs.size() == 3);
  CHECK(itf.attrs[0].name == "object");
  CHECK(itf.attrs[0].args.empty());
  REQUIRE(itf.attrs[1].args.size() == 1);
  CHECK(itf.attrs[1].args[0].kind == EK::String);
  CHECK(itf.attrs[1].args[0].text == "00020400-0000-0000-C000-000000000046");
  CHECK(itf.attrs[2].args[0].kind == EK::Name);
  CHECK(itf.attrs[2].args[0].text == "unique");
  REQUIRE(itf.body.size() == 4);
  const auto& td = stmt<ast::Typedef>(itf.body, 0);
  CHECK(td.decls[0].name == "LPFOO");
  const auto& count = stmt<ast::Method>(itf.body, 1);
  CHECK(count.result.name == "HRESULT");
  CHECK(count.decl.name == "Count");
  REQUIRE(count.decl.ops.size() == 1);
  CHECK(count.decl.ops[0].kind == Op::Function);
  REQUIRE(count.decl.ops[0].params.size() == 1);
  const auto& pc = count.decl.ops[0].params[0];
  CHECK(pc.decl.name == "pc");
  CHECK(pc.type.name == "long");
  REQUIRE(pc.decl.ops.size() == 1);
  CHECK(pc.decl.ops[0].kind == Op::Pointer);
  CHECK(pc.attrs.size() == 2);
  CHECK(find_attr(count.attrs, "id")->args[0].text == "0x10");
  CHECK(find_attr(count.attrs, "helpstring")->args[0].text == "ab");
  const auto& next = stmt<ast::Method>(itf.body, 2);
  const auto& params = next.decl.ops[0].params;
  REQUIRE(params.size() == 3);
  const ast::Attr* len = find_attr(params[1].attrs, "length_is");
  REQUIRE(len);
  CHECK(len->args[0].kind == EK::Unary);
  CHECK(len->args[0].op == "*");
  CHECK(len->args[0].operands[0].text == "fetched");
  const auto& va = stmt<ast::Method>(itf.body, 3);
  CHECK(va.decl.ops[0].varargs);
  CHECK(va.decl.ops[0].params.size() == 1);
  const auto& fwd = stmt<ast::Interface>(f.statements, 1);
  CHECK(fwd.name == "IBar");
  CHECK_FALSE(fwd.has_body);
}

TEST_CASE("parser: dispinterface in both forms, coclass, module, library") {
  ast::File f = parse_ok(
      "[uuid(12345678-1234-1234-1234-123456789abc), version(1.0), helpstring(\"lib\")]\n"
      "library Lib {\n"
      "  dispinterface DFoo {\n"
      "  properties:\n"
      "    [id(1)] long Count;\n"
      "  methods:\n"
      "    [id(2)] void Go([in] BSTR s);\n"
      "  };\n"
      "  dispinterface DBar { interface IBar; };\n"
      "  dispinterface DFwd;\n"
      "  [uuid(\"12345678-1234-1234-1234-123456789abd\"), appobject]\n"
      "  coclass C { [default] interface IFoo; [default, source] dispinterface DFoo; };\n"
      "  coclass CFwd;\n"
      "  [dllname(\"k.dll\")] module M { [entry(\"Beep\")] HRESULT __stdcall Beep(void);\n"
      "                                 [helpstring(\"k\")] const int K = 3; };\n"
      "};\n");
  const auto& lib = stmt<ast::Library>(f.statements, 0);
  CHECK(lib.name == "Lib");
  CHECK(find_attr(lib.attrs, "version")->args[0].text == "1.0");
  REQUIRE(lib.body.size() == 6);
  const auto& d = stmt<ast::Interface>(lib.body, 0);
  CHECK(d.is_dispinterface);
  REQUIRE(d.properties.size() == 1);
  CHECK(d.properties[0].decl.name == "Count");
  CHECK(d.properties[0].type.name == "long");
  REQUIRE(d.methods.size() == 1);
  CHECK(d.methods[0].decl.name == "Go");
  CHECK(d.methods[0].result.name == "void");
  const auto& wrap = stmt<ast::Interface>(lib.body, 1);
  CHECK(wrap.wraps == "IBar");
  CHECK_FALSE(stmt<ast::Interface>(lib.body, 2).has_body);
  const auto& cc = stmt<ast::Coclass>(lib.body, 3);
  CHECK(cc.name == "C");
  CHECK(find_attr(cc.attrs, "uuid")->args[0].text == "12345678-1234-1234-1234-123456789abd");
  REQUIRE(cc.items.size() == 2);
  CHECK(cc.items[0].name == "IFoo");
  CHECK_FALSE(cc.items[0].is_dispinterface);
  CHECK(cc.items[1].is_dispinterface);
  CHECK(cc.items[1].attrs.size() == 2);
  CHECK_FALSE(stmt<ast::Coclass>(lib.body, 4).has_body);
  const auto& mod = stmt<ast::Module>(lib.body, 5);
  CHECK(mod.name == "M");
  REQUIRE(mod.body.size() == 2);
  const auto& beep = stmt<ast::Method>(mod.body, 0);
  CHECK(beep.decl.ops[0].callconv == "__stdcall");
  CHECK(beep.decl.ops[0].params.empty());
  const auto& k = stmt<ast::Const>(mod.body, 1);
  CHECK(k.decl.name == "K");
  CHECK(k.type.name == "int");
  CHECK(k.type.qualifiers.empty());
  CHECK(k.value.text == "3");
  REQUIRE(k.attrs.size() == 1);
  CHECK(k.attrs[0].name == "helpstring");
}

TEST_CASE("parser: struct with nested and anonymous records, arrays, bit-fields, pointers") {
  ast::File f = parse_ok(
      "typedef struct tagS {\n"
      "  unsigned long int a : 3, b : 5;\n"
      "  int arr[4][2], open[], conf[*], range[1..5];\n"
      "  char * const * volatile pp;\n"
      "  struct inner { short x; } in;\n"
      "  union { long l; double d; };\n"
      "  [size_is(n)] BYTE *data;\n"
      "} S, *PS;\n"
      "struct fwd;\n");
  const auto& td = stmt<ast::Typedef>(f.statements, 0);
  REQUIRE(td.decls.size() == 2);
  CHECK(td.decls[0].name == "S");
  CHECK(td.decls[1].ops[0].kind == Op::Pointer);
  REQUIRE(td.type.kind == ast::TypeSpec::Kind::Record);
  const auto& rec = td.type.record[0];
  CHECK(rec.tag == "tagS");
  CHECK_FALSE(rec.is_union);
  const auto& m = rec.members;
  REQUIRE(m.size() == 10);
  CHECK(m[0].type.name == "unsigned long int");
  CHECK(m[0].decl.bits->text == "3");
  CHECK(m[1].decl.name == "b");
  CHECK(m[1].decl.bits->text == "5");
  REQUIRE(m[2].decl.ops.size() == 2);
  CHECK(m[2].decl.ops[0].size->text == "4");
  CHECK(m[2].decl.ops[1].size->text == "2");
  CHECK(m[3].decl.name == "open");
  CHECK_FALSE(m[3].decl.ops[0].size.has_value());
  CHECK(m[4].decl.ops[0].size->text == "*");
  const auto& rg = *m[5].decl.ops[0].size;
  CHECK(rg.kind == EK::Binary);
  CHECK(rg.op == "..");
  REQUIRE(rg.operands.size() == 2);
  CHECK(rg.operands[0].text == "1");
  CHECK(rg.operands[1].text == "5");
  // char * const * volatile pp: pp is a volatile pointer to a const pointer to char.
  REQUIRE(m[6].decl.ops.size() == 2);
  CHECK(m[6].decl.ops[0].qualifiers == std::vector<std::string>{"volatile"});
  CHECK(m[6].decl.ops[1].qualifiers == std::vector<std::string>{"const"});
  CHECK(m[7].type.record[0].tag == "inner");
  CHECK(m[7].decl.name == "in");
  CHECK(m[8].type.record[0].is_union);
  CHECK(m[8].decl.name.empty());
  CHECK(m[8].type.record[0].members.size() == 2);
  CHECK(find_attr(m[9].attrs, "size_is")->args[0].text == "n");
  const auto& fwd = stmt<ast::TypeDecl>(f.statements, 1);
  CHECK(fwd.type.record[0].tag == "fwd");
  CHECK_FALSE(fwd.type.record[0].has_body);
}

TEST_CASE("parser: encapsulated and non-encapsulated unions") {
  ast::File f = parse_ok(
      "typedef union _U switch (DWORD kind) u {\n"
      "  case 1: case 2: long l;\n"
      "  case 3: [string] char *s;\n"
      "  default: ;\n"
      "} U;\n"
      "typedef [switch_type(unsigned short)] union _N {\n"
      "  [case(1, 2)] long l;\n"
      "  [default] ;\n"
      "} N;\n");
  const auto& u = stmt<ast::Typedef>(f.statements, 0).type.record[0];
  CHECK(u.is_union);
  CHECK(u.tag == "_U");
  CHECK(u.union_name == "u");
  REQUIRE(u.switch_field.size() == 1);
  CHECK(u.switch_field[0].type.name == "DWORD");
  CHECK(u.switch_field[0].decl.name == "kind");
  REQUIRE(u.members.size() == 3);
  REQUIRE(u.members[0].cases.size() == 2);
  CHECK(u.members[0].cases[1].text == "2");
  CHECK(u.members[1].attrs[0].name == "string");
  CHECK(u.members[2].is_default_case);
  CHECK(u.members[2].type.name.empty());
  const auto& n = stmt<ast::Typedef>(f.statements, 1);
  const ast::Attr* st = find_attr(n.attrs, "switch_type");
  REQUIRE(st);
  CHECK(st->args[0].kind == EK::Name);
  CHECK(st->args[0].text == "unsigned short");
  REQUIRE(st->args[0].type.size() == 1);
  const auto& nm = n.type.record[0].members;
  REQUIRE(nm.size() == 2);
  CHECK(find_attr(nm[0].attrs, "case")->args.size() == 2);
  CHECK(find_attr(nm[1].attrs, "default"));
  CHECK(nm[1].decl.name.empty());
}

TEST_CASE("parser: enums and constants with C precedence, casts and sizeof") {
  ast::File f = parse_ok(
      "typedef [v1_enum] enum tagE { A = 1, [helpstring(\"b\")] B, C = A | B << 2, } E;\n"
      "const int X = 1 + 2 * 3 == 7 && !0 ? ~4 : -5;\n"
      "const long D = (DISPID)-1;\n"
      "const int S = sizeof(unsigned long) + sizeof X;\n"
      "const char *Str = \"hi\";\n"
      "const WCHAR W[] = L\"wide\";\n"
      "const int P = (1 + 2) * 3;\n");
  const auto& e = stmt<ast::Typedef>(f.statements, 0).type;
  REQUIRE(e.kind == ast::TypeSpec::Kind::Enum);
  const auto& vals = e.enumeration[0].values;
  REQUIRE(vals.size() == 3);
  CHECK(vals[0].value->text == "1");
  CHECK_FALSE(vals[1].value.has_value());
  CHECK(vals[1].attrs[0].name == "helpstring");
  const ast::Expr& c = *vals[2].value;  // A | (B << 2)
  CHECK(c.op == "|");
  CHECK(c.operands[1].op == "<<");
  const ast::Expr& x = stmt<ast::Const>(f.statements, 1).value;
  REQUIRE(x.kind == EK::Conditional);
  const ast::Expr& cond = x.operands[0];  // ((1 + (2*3)) == 7) && !0
  CHECK(cond.op == "&&");
  CHECK(cond.operands[0].op == "==");
  CHECK(cond.operands[0].operands[0].op == "+");
  CHECK(cond.operands[0].operands[0].operands[1].op == "*");
  CHECK(cond.operands[1].kind == EK::Unary);
  CHECK(x.operands[1].op == "~");
  CHECK(x.operands[2].op == "-");
  const ast::Expr& d = stmt<ast::Const>(f.statements, 2).value;
  REQUIRE(d.kind == EK::Cast);
  CHECK(d.type[0].name == "DISPID");
  CHECK(d.operands[0].kind == EK::Unary);
  const ast::Expr& s = stmt<ast::Const>(f.statements, 3).value;
  CHECK(s.operands[0].kind == EK::Sizeof);
  CHECK(s.operands[0].type[0].name == "unsigned long");
  CHECK(s.operands[1].kind == EK::Sizeof);
  CHECK(s.operands[1].operands[0].text == "X");
  const auto& str = stmt<ast::Const>(f.statements, 4);
  CHECK(str.type.name == "char");
  CHECK(str.decl.ops[0].kind == Op::Pointer);
  CHECK(str.value.kind == EK::String);
  const auto& w = stmt<ast::Const>(f.statements, 5);
  CHECK(w.value.kind == EK::WideString);
  CHECK(w.value.text == "wide");
  const ast::Expr& paren = stmt<ast::Const>(f.statements, 6).value;
  CHECK(paren.op == "*");
  CHECK(paren.operands[0].op == "+");
}

TEST_CASE("parser: function pointers, calling conventions, SAFEARRAY, file-level declarations") {
  ast::File f = parse_ok(
      "typedef HRESULT (__stdcall *PFN)(int a, ...);\n"
      "typedef void (CALLBACK *CB)(void);\n"
      "[local] HRESULT __stdcall Create(REFIID riid, void **out);\n"
      "void * __stdcall Alloc(SIZE_T n);\n"
      "typedef SAFEARRAY(BSTR) BSTRARRAY;\n"
      "typedef SAFEARRAY(VARIANT *) *PVARARRAY;\n"
      "extern const GUID IID_X, IID_Y;\n"
      "static int counter;\n"
      "typedef unsigned __int3264 UINT_PTR;\n"
      "typedef const unsigned char *PCUCHAR;\n"
      "typedef interface IFoo *LPFOO;\n");
  const auto& pfn = stmt<ast::Typedef>(f.statements, 0).decls[0];
  CHECK(pfn.name == "PFN");
  REQUIRE(pfn.ops.size() == 2);
  CHECK(pfn.ops[0].kind == Op::Pointer);
  CHECK(pfn.ops[1].kind == Op::Function);
  CHECK(pfn.ops[1].callconv == "__stdcall");
  CHECK(pfn.ops[1].varargs);
  const auto& cb = stmt<ast::Typedef>(f.statements, 1).decls[0];
  CHECK(cb.ops[1].callconv == "CALLBACK");
  CHECK(cb.ops[1].params.empty());
  const auto& create = stmt<ast::Method>(f.statements, 2);
  CHECK(create.decl.name == "Create");
  CHECK(create.decl.ops[0].callconv == "__stdcall");
  CHECK(create.attrs[0].name == "local");
  REQUIRE(create.decl.ops[0].params.size() == 2);
  CHECK(create.decl.ops[0].params[1].decl.ops.size() == 2);
  const auto& alloc = stmt<ast::Method>(f.statements, 3);
  REQUIRE(alloc.decl.ops.size() == 2);  // a function returning a pointer
  CHECK(alloc.decl.ops[0].kind == Op::Function);
  CHECK(alloc.decl.ops[0].callconv == "__stdcall");
  CHECK(alloc.decl.ops[1].kind == Op::Pointer);
  const auto& sa = stmt<ast::Typedef>(f.statements, 4).type;
  REQUIRE(sa.kind == ast::TypeSpec::Kind::SafeArray);
  CHECK(sa.element[0].name == "BSTR");
  CHECK(sa.element_decl.empty());
  const auto& psa = stmt<ast::Typedef>(f.statements, 5);
  REQUIRE(psa.type.element_decl.size() == 1);
  CHECK(psa.type.element_decl[0].ops[0].kind == Op::Pointer);
  CHECK(psa.decls[0].ops[0].kind == Op::Pointer);
  const auto& var = stmt<ast::Variable>(f.statements, 6);
  CHECK(var.type.qualifiers == std::vector<std::string>{"extern", "const"});
  REQUIRE(var.decls.size() == 2);
  CHECK(var.decls[1].name == "IID_Y");
  CHECK(stmt<ast::Variable>(f.statements, 7).type.qualifiers[0] == "static");
  CHECK(stmt<ast::Typedef>(f.statements, 8).type.name == "unsigned __int3264");
  const auto& pc = stmt<ast::Typedef>(f.statements, 9).type;
  CHECK(pc.name == "unsigned char");
  CHECK(pc.qualifiers == std::vector<std::string>{"const"});
  const auto& lpfoo = stmt<ast::Typedef>(f.statements, 10);
  CHECK(lpfoo.type.name == "IFoo");
  CHECK(lpfoo.decls[0].name == "LPFOO");
}

TEST_CASE("parser: attribute arguments: uuid, custom, empty, type-valued, unknown") {
  ast::File f = parse_ok(
      "[uuid(0bc5e1a2-4ef9-11d1-A2DA-0000F8773CE9),\n"
      " custom(DE77BA64-517C-11D1-A2DA-0000F8773CE9, \"v\"),\n"
      " custom(\"DE77BA65-517C-11D1-A2DA-0000F8773CE9\", 12),\n"
      " wire_marshal(wireBSTR), transmit_as(FOO *), frobnicate(1, x, \"s\"), lcid]\n"
      "interface I { HRESULT F([in, size_is(, n), range(0, 10), iid_is(riid)] void **p,\n"
      "                        [in, call_as(Remote)] int n); }\n");
  const auto& itf = stmt<ast::Interface>(f.statements, 0);
  const auto& a = itf.attrs;
  REQUIRE(a.size() == 7);
  CHECK(a[0].args[0].text == "0bc5e1a2-4ef9-11d1-A2DA-0000F8773CE9");
  CHECK(a[1].args[0].kind == EK::String);
  CHECK(a[1].args[0].text == "DE77BA64-517C-11D1-A2DA-0000F8773CE9");
  CHECK(a[1].args[1].text == "v");
  CHECK(a[2].args[0].text == "DE77BA65-517C-11D1-A2DA-0000F8773CE9");
  CHECK(a[2].args[1].kind == EK::Number);
  CHECK(a[3].args[0].text == "wireBSTR");
  CHECK(a[4].args[0].text == "FOO");
  REQUIRE(a[4].args[0].abstract.size() == 1);
  CHECK(a[4].args[0].abstract[0].ops[0].kind == Op::Pointer);
  CHECK(a[5].name == "frobnicate");
  CHECK(a[5].args.size() == 3);
  CHECK(a[6].name == "lcid");
  const auto& m = stmt<ast::Method>(itf.body, 0);
  const auto& p0 = m.decl.ops[0].params[0].attrs;
  const ast::Attr* size = find_attr(p0, "size_is");
  REQUIRE(size);
  REQUIRE(size->args.size() == 2);
  CHECK(size->args[0].kind == EK::Name);
  CHECK(size->args[0].text.empty());
  CHECK(size->args[1].text == "n");
  CHECK(find_attr(p0, "range")->args[1].text == "10");
  CHECK(find_attr(p0, "iid_is")->args[0].text == "riid");
  CHECK(find_attr(m.decl.ops[0].params[1].attrs, "call_as")->args[0].text == "Remote");
}

TEST_CASE("parser: MIDL attributes with a GUID or a declaration for argument") {
  ast::File f = parse_ok(
      "[object, uuid(0000010c-0000-0000-C000-000000000046),\n"
      " async_uuid(\"0000010d-0000-0000-C000-000000000046\")]\n"
      "interface IA : IUnknown {}\n"
      "[uuid(12345678-1234-1234-1234-123456789abc), implicit_handle(handle_t hBinding)]\n"
      "interface R { void F(void); }\n");
  const auto& a = stmt<ast::Interface>(f.statements, 0).attrs;
  REQUIRE(a.size() == 3);
  CHECK(a[2].args[0].kind == EK::String);
  CHECK(a[2].args[0].text == "0000010d-0000-0000-C000-000000000046");
  const auto& r = stmt<ast::Interface>(f.statements, 1).attrs;
  const ast::Attr* ih = find_attr(r, "implicit_handle");
  REQUIRE(ih);
  REQUIRE(ih->args.size() == 1);
  CHECK(ih->args[0].text == "handle_t");
  REQUIRE(ih->args[0].abstract.size() == 1);
  CHECK(ih->args[0].abstract[0].name == "hBinding");
}

TEST_CASE("parser: WinRT namespaces, runtimeclass, delegate, declare, generics") {
  ast::File f = parse_ok(
      "namespace Windows.Foundation {\n"
      "  [contract(Windows.Foundation.FoundationContract, 1.0), "
      "uuid(9de1c535-6ae1-11e0-84e1-18a905bcc53f)]\n"
      "  delegate HRESULT EventHandler<T>([in] IInspectable *sender, [in] T args);\n"
      "  interface IVector<T> : IInspectable requires Windows.Foundation.IIterable<T> {\n"
      "    HRESULT GetAt([in] UINT32 i, [out, retval] T *v);\n"
      "  }\n"
      "  runtimeclass Uri { [default] interface Windows.Foundation.IUriRuntimeClass; }\n"
      "  declare { interface Windows.Foundation.IVector<IInspectable *>; runtimeclass Uri; }\n"
      "}\n");
  const auto& ns = stmt<ast::Winrt>(f.statements, 0);
  CHECK(ns.kind == ast::Winrt::Kind::Namespace);
  CHECK(ns.name == "Windows.Foundation");
  REQUIRE(ns.body.size() == 4);
  const auto& del = stmt<ast::Winrt>(ns.body, 0);
  CHECK(del.kind == ast::Winrt::Kind::Delegate);
  CHECK(del.name == "EventHandler");
  CHECK(del.generic_params == std::vector<std::string>{"T"});
  REQUIRE(del.signature.size() == 1);
  CHECK(del.signature[0].decl.ops[0].params.size() == 2);
  const ast::Expr& contract = find_attr(del.attrs, "contract")->args[0];
  CHECK(contract.op == ".");
  CHECK(contract.operands[1].text == "FoundationContract");
  const auto& vec = stmt<ast::Interface>(ns.body, 1);
  CHECK(vec.name == "IVector");
  CHECK(vec.generic_params == std::vector<std::string>{"T"});
  REQUIRE(vec.required.size() == 1);
  CHECK(vec.required[0].name == "Windows.Foundation.IIterable");
  REQUIRE(vec.required[0].generic_args.size() == 1);
  CHECK(vec.required[0].generic_args[0].type.name == "T");
  const auto& rc = stmt<ast::Winrt>(ns.body, 2);
  CHECK(rc.kind == ast::Winrt::Kind::RuntimeClass);
  REQUIRE(rc.items.size() == 1);
  CHECK(rc.items[0].name == "Windows.Foundation.IUriRuntimeClass");
  const auto& decl = stmt<ast::Winrt>(ns.body, 3);
  REQUIRE(decl.instances.size() == 1);
  CHECK(decl.instances[0].generic_args[0].decl.ops[0].kind == Op::Pointer);
  CHECK_FALSE(stmt<ast::Winrt>(decl.body, 0).has_body);
}

TEST_CASE("parser: error messages carry exact locations") {
  SUBCASE("missing ';' after a method") {
    Parsed p = parse_text("interface I {\n  HRESULT Foo(void) foo\n};\n");
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0] ==
          "t.idl:2:21: error: expected ';' after method declaration, found 'foo' [TK5101]");
  }
  SUBCASE("a gap inside a bare GUID") {
    Parsed p = parse_text("[uuid(12345678-1234 -1234-1234-123456789abc)] interface I {}\n");
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0] == "t.idl:1:21: error: unexpected space inside the GUID of 'uuid' [TK5106]");
  }
  SUBCASE("a malformed GUID") {
    Parsed p = parse_text("[uuid(\"1234-5678\")] interface I {}\n");
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0] ==
          "t.idl:1:7: error: malformed GUID in 'uuid': expected "
          "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX, found '1234-5678' [TK5107]");
  }
  SUBCASE("end of file inside a body") {
    Parsed p = parse_text("library L {\n  interface I;\n");
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0] ==
          "t.idl:3:1: error: expected '}' to close the library body, found end of file [TK5101]");
  }
  SUBCASE("a stray token where a declaration should start") {
    Parsed p = parse_text("typedef int A;\n  42;\n");
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0] == "t.idl:2:3: error: expected a declaration, found '42' [TK5103]");
  }
}

TEST_CASE("parser: recovery reports every error and keeps parsing") {
  Parsed p = parse_text(
      "typedef struct { int a = 3; } S;\n"  // error 1, inside braces
      "interface I {\n"
      "  HRESULT A(int x;\n"  // error 2, recovered at ';'
      "  HRESULT B(void);\n"
      "  HRESULT C([in int y);\n"  // error 3
      "}\n"
      "}\n"  // error 4: stray '}'
      "typedef long L;\n");
  REQUIRE(p.errors.size() == 4);
  CHECK(p.errors[0].rfind("t.idl:1:24:", 0) == 0);
  CHECK(p.errors[1].rfind("t.idl:3:18:", 0) == 0);
  CHECK(p.errors[2].rfind("t.idl:5:17:", 0) == 0);
  CHECK(p.errors[3].rfind("t.idl:7:1:", 0) == 0);
  // What follows each error is still in the tree.
  REQUIRE(p.file.statements.size() == 2);
  const auto& itf = stmt<ast::Interface>(p.file.statements, 0);
  REQUIRE(itf.body.size() == 1);
  CHECK(stmt<ast::Method>(itf.body, 0).decl.name == "B");
  CHECK(stmt<ast::Typedef>(p.file.statements, 1).decls[0].name == "L");
}

TEST_CASE("parser: stops at the error limit") {
  std::string src;
  for (int i = 0; i < 1000; ++i) src += "typedef int;\n";
  Parsed p = parse_text(src, 5);
  CHECK(p.errors.size() == 5);
}

TEST_CASE("parser: more error messages and where they point") {
  SUBCASE("two names in a member") {
    Parsed p = parse_text("struct S {\n  int a b;\n};\n");
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0] ==
          "t.idl:2:9: error: expected ';' after member declaration, found 'b' [TK5101]");
  }
  SUBCASE("a non-function in an interface's methods: section") {
    Parsed p = parse_text("dispinterface D { methods: long x; };\n");
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0] ==
          "t.idl:1:33: error: expected a method, but 'x' is not a function [TK5104]");
  }
  SUBCASE("an incomplete expression") {
    Parsed p = parse_text("const int K = 1 +;\n");
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0] == "t.idl:1:18: error: expected an expression, found ';' [TK5101]");
  }
  SUBCASE("a declaration that declares nothing") {
    Parsed p = parse_text("\n  long;\n");
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0] == "t.idl:2:3: error: declaration of type 'long' declares nothing [TK5105]");
  }
}

TEST_CASE("parser: an error in an included file carries the include chain") {
  PreprocessOptions opts;
  opts.read_file = [](const std::string& path) -> std::optional<std::string> {
    if (path == "t.idl") return std::string("typedef int A;\n#include \"inc.idl\"\n");
    if (path == "inc.idl") return std::string("typedef int B\ntypedef int C;\n");
    return std::nullopt;
  };
  support::DiagEngine diags;
  std::optional<TokenStream> ts = preprocess("t.idl", opts, diags);
  REQUIRE(ts.has_value());
  REQUIRE_FALSE(diags.has_errors());
  ast::File f = parse(*ts, "t.idl", diags);
  REQUIRE(diags.error_count() == 1);
  const support::Diagnostic& d = diags.all().back();
  CHECK(d.code == "TK5101");
  CHECK(d.where.file == "inc.idl");
  CHECK(d.where.line == 2);
  CHECK(d.where.column == 1);
  CHECK(d.message == "expected ';' after typedef, found 'typedef'");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].where.file == "t.idl");
  CHECK(d.notes[0].where.line == 2);
}

TEST_CASE("parser: recovery inside dispinterface and coclass bodies") {
  Parsed p = parse_text(
      "dispinterface D {\n"
      "properties:\n"
      "  long a\n"  // error: no ';' — the next line is skipped with it
      "  long b;\n"
      "  long c;\n"
      "methods:\n"
      "  void f(;\n"  // error
      "  void g();\n"
      "};\n"
      "coclass C {\n"
      "  [default] interface;\n"  // error
      "  interface I2;\n"
      "};\n");
  REQUIRE(p.errors.size() == 3);
  CHECK(p.errors[0].rfind("t.idl:4:3:", 0) == 0);
  CHECK(p.errors[1].rfind("t.idl:7:10:", 0) == 0);
  CHECK(p.errors[2].rfind("t.idl:11:22:", 0) == 0);
  const auto& d = stmt<ast::Interface>(p.file.statements, 0);
  REQUIRE(d.properties.size() == 1);
  CHECK(d.properties[0].decl.name == "c");
  REQUIRE(d.methods.size() == 1);
  CHECK(d.methods[0].decl.name == "g");
  const auto& c = stmt<ast::Coclass>(p.file.statements, 1);
  REQUIRE(c.items.size() == 1);
  CHECK(c.items[0].name == "I2");
}

TEST_CASE("parser: attribute lists merge and skip empty entries, as widl accepts") {
  ast::File f = parse_ok(
      "[\n , object, uuid(00000000-0000-0000-C000-000000000046),]\n[local]\n"
      "interface I { HRESULT F([in] [out] int *p); }\n");
  const auto& itf = stmt<ast::Interface>(f.statements, 0);
  REQUIRE(itf.attrs.size() == 3);
  CHECK(itf.attrs[2].name == "local");
  const auto& p = stmt<ast::Method>(itf.body, 0).decl.ops[0].params[0];
  REQUIRE(p.attrs.size() == 2);
  CHECK(p.attrs[0].name == "in");
  CHECK(p.attrs[1].name == "out");
}

TEST_CASE("parser: an unknown attribute keeps arguments that are not expressions") {
  ast::File f = parse_ok(
      "[frob(int x, {1}), twiddle(a + 1), uuid(12345678-1234-1234-1234-123456789abc)]\n"
      "interface I {}\n");
  const auto& a = stmt<ast::Interface>(f.statements, 0).attrs;
  REQUIRE(a.size() == 3);
  REQUIRE(a[0].args.size() == 1);
  CHECK(a[0].args[0].kind == EK::Name);
  CHECK(a[0].args[0].text == "int x, {1}");
  REQUIRE(a[1].args.size() == 1);
  CHECK(a[1].args[0].op == "+");  // expressions stay expressions
  // A known attribute's bad argument is an error.
  Parsed p = parse_text("[size_is(int x)] interface I {}\n");
  REQUIRE(p.errors.size() == 1);
  CHECK(p.errors[0] ==
        "t.idl:1:14: error: expected ')' to close the arguments of 'size_is', "
        "found 'x' [TK5101]");
}

TEST_CASE("parser: recovery stops before a keyword that begins the next statement") {
  Parsed p = parse_text(
      "typedef struct { int a; } S\n"  // missing ';': the next typedef must survive
      "typedef long L;\n"
      "[uuid(1234)] interface I { HRESULT F(void); }\n"  // bad uuid: the interface survives
      "interfac J { HRESULT G(void); }\n"                // misspelt keyword: skipped to its '}'
      "interface K { HRESULT H(void); }\n");
  REQUIRE(p.errors.size() == 3);
  CHECK(p.errors[0].rfind("t.idl:2:1:", 0) == 0);
  CHECK(p.errors[1].rfind("t.idl:3:7:", 0) == 0);
  CHECK(p.errors[2].rfind("t.idl:4:12:", 0) == 0);
  const auto& st = p.file.statements;
  REQUIRE(st.size() == 3);
  CHECK(stmt<ast::Typedef>(st, 0).decls[0].name == "L");
  CHECK(stmt<ast::Interface>(st, 1).name == "I");
  CHECK(stmt<ast::Interface>(st, 2).name == "K");
}
