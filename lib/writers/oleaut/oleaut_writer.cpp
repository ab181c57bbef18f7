// The "oleaut listing" (shared/tools/oracle/FORMAT.md): one line per fact ITypeLib/ITypeInfo
// report, in the order tlbdump asks for them. The facts come from RuntimeView, which emulates
// the runtime; this file only formats them. Layer: writers.
#include "writers/oleaut/oleaut_writer.h"

#include "writers/oleaut/listing_text.h"
#include "writers/oleaut/runtime_view.h"
#include "writers/oleaut/variant_text.h"

namespace tlbkit::oleaut {

namespace {

using model::TypeKind;

/// A string as tlbdump quotes it: up to the first NUL (it converts a C string), with `"`, `\`,
/// newline, carriage return and tab escaped.
std::string quote(const std::string& s) {
  std::string o = "\"";
  for (char c : s) {
    if (c == '\0') break;
    if (c == '"' || c == '\\') {
      o += '\\';
      o += c;
    } else if (c == '\n') {
      o += "\\n";
    } else if (c == '\r') {
      o += "\\r";
    } else if (c == '\t') {
      o += "\\t";
    } else {
      o += c;
    }
  }
  return o + "\"";
}

std::string c_string(const std::string& s) { return s.substr(0, s.find('\0')); }

/// VALUE: `vtN:TEXT`, a BSTR quoted, `?` where the conversion to text fails.
std::string value_text(const model::Value& v) {
  std::string s = cat("vt", num(v.vt), ":");
  if (v.vt == model::vt::Bstr) {
    const auto* text = std::get_if<std::string>(&v.data);
    s += quote(text ? *text : std::string());
    return s;
  }
  auto t = variant_text(v);
  s += t ? c_string(*t) : "?";
  return s;
}

class Lister {
 public:
  Lister(const model::Library& lib, const model::LibrarySet& set, const ListingOptions& options)
      : lib_(lib), options_(options), rv_(set, options.loader == Loader::Sltg ? &lib : nullptr) {}

  std::string run() {
    library();
    for (uint32_t i = 0; i < lib_.types.size(); ++i) type({&lib_, &lib_.types[i], i});
    return std::move(out_);
  }

 private:
  void line(const std::string& s) {
    out_ += s;
    out_ += '\n';
  }

  void custom(const char* indent, const model::CustomData& cd) {
    for (const model::CustomDatum& d : cd)
      line(cat(indent, "custom ", d.guid.to_string(), " ", value_text(d.value)));
  }

  void library() {
    // The MSFT loader adds LIBFLAG_FHASDISKIMAGE and reports the header's help-string context as
    // the help context (Wine reads header 0x28 as dwHelpContext); the SLTG loader reports the
    // flags and the one help context the library block holds.
    const bool msft = options_.loader == Loader::Msft;
    uint32_t flags = lib_.flags | (msft ? model::libflag::HasDiskImage : 0);
    uint32_t context = msft ? lib_.docs.helpstringcontext : lib_.docs.helpcontext;
    line(cat("library ", c_string(lib_.name),
             " guid=", lib_.libid.value_or(support::Guid{}).to_string(),
             " version=", num(lib_.version.major), ".", num(lib_.version.minor),
             " lcid=", num(lib_.lcid), " syskind=", num(int(lib_.syskind)), " flags=", hex(flags),
             " helpstring=", quote(lib_.docs.helpstring), " helpcontext=", num(context),
             " helpfile=", quote(lib_.helpfile)));
    custom("  ", lib_.custom);
  }

  void type(const TypeHandle& h) {
    const model::TypeInfo& t = *h.type;
    TypeAttr a = rv_.type_attr(h);
    std::string s =
        cat("type ", c_string(t.name), " kind=", num(int(a.kind)),
            " guid=", t.guid.value_or(support::Guid{}).to_string(), " flags=", hex(a.flags),
            " size=", num(a.size), " align=", num(a.alignment), " funcs=", num(a.funcs),
            " vars=", num(a.vars), " impls=", num(a.impls), " vft=", num(a.vtable_size),
            " version=", num(t.version.major), ".", num(t.version.minor),
            " helpstring=", quote(t.docs.helpstring), " helpcontext=", num(t.docs.helpcontext));
    if (auto* alias = std::get_if<model::AliasDef>(&t.def))
      s += cat(" alias=", rv_.type_text(lib_, alias->target, lib_));
    line(s);
    custom("  ", t.custom);
    // GetRefTypeOfImplType(-1) of a dual names its own interface half.
    if (a.kind == TypeKind::Dispatch && (t.flags & model::typeflag::Dual))
      line(cat("  dualpartner ", c_string(t.name)));
    impls(h, a);
    for (uint32_t k = 0; k < a.funcs; ++k) function(h, k);
    const auto& vars = RuntimeView::own_variables(t);
    for (uint32_t k = 0; k < a.vars; ++k) variable(h, vars[k]);
  }

  void impls(const TypeHandle& h, const TypeAttr& a) {
    const model::TypeInfo& t = *h.type;
    if (a.kind == TypeKind::Dispatch) {
      // Every dispinterface reports IDispatch as impl 0 with no flags; the runtime holds nothing
      // beyond it (and tlbdump does not ask a dispinterface for impl custom data).
      for (uint32_t k = 0; k < a.impls; ++k)
        line(k == 0 ? cat("  impl ", rv_.ref_name(rv_.dispatch_interface(h), lib_), " flags=0x0")
                    : std::string("  impl fail"));
      return;
    }
    const std::vector<model::ImplType>* list = nullptr;
    if (auto* d = std::get_if<model::InterfaceDef>(&t.def)) list = &d->bases;
    if (auto* d = std::get_if<model::CoclassDef>(&t.def)) list = &d->interfaces;
    if (!list) return;
    for (const model::ImplType& it : *list) {
      line(
          cat("  impl ", rv_.ref_name(rv_.resolve(lib_, it.type), lib_), " flags=", hex(it.flags)));
      custom("    ", it.custom);
    }
  }

  void function(const TypeHandle& h, uint32_t k) {
    auto fd = rv_.func_desc(h, k);
    if (!fd) {
      line(cat("  func #", num(k), " fail"));
      return;
    }
    const model::Function& f = *fd->src;
    auto names = rv_.names(h, f.memid);
    auto docs = rv_.docs(h, f.memid);
    std::string s =
        cat("  func ", names.empty() ? "?" : c_string(names[0]), " memid=", hex(uint32_t(f.memid)),
            " funckind=", num(int(fd->funckind)), " invkind=", num(int(f.invkind)),
            " callconv=", num(int(f.callconv)), " params=", num(fd->params),
            " optional=", num(f.optional_count), " vtoffset=", num(fd->vtable_offset),
            " flags=", hex(f.flags), " returns=", rv_.type_text(*fd->lib, fd->result, lib_),
            " helpstring=", quote(docs.helpstring), " helpcontext=", num(docs.helpcontext));
    if (model::stored_kind(*h.type) == TypeKind::Module) s += dll_entry(h, f);
    line(s);
    custom("    ", f.custom);
    for (uint32_t p = 0; p < fd->params; ++p) {
      const model::Param& prm = f.params[p];
      std::string dv = (prm.flags & model::paramflag::HasDefault) && prm.default_value
                           ? value_text(*prm.default_value)
                           : "-";
      line(cat("    param ", p + 1 < names.size() ? c_string(names[p + 1]) : "?",
               " type=", rv_.type_text(*fd->lib, prm.type, lib_), " flags=", hex(prm.flags),
               " default=", dv));
      custom("      ", prm.custom);
    }
  }

  /// GetDllEntry: the DLL name and the entry-point name, or its ordinal (0 when none is known).
  std::string dll_entry(const TypeHandle& h, const model::Function& f) {
    const model::Function* e = rv_.dll_entry(h, f.memid, f.invkind);
    if (!e) return "";
    const auto& dll = std::get<model::ModuleDef>(h.type->def).dll;
    std::string s = cat(" dll=", quote(dll), " entry=");
    if (auto* name = std::get_if<std::string>(&e->entry.v)) return cat(s, quote(*name));
    if (auto* ord = std::get_if<uint16_t>(&e->entry.v)) return cat(s, "#", num(*ord));
    return cat(s, "#0");
  }

  void variable(const TypeHandle& h, const model::Variable& v) {
    auto names = rv_.names(h, v.memid);
    auto docs = rv_.docs(h, v.memid);
    std::string s = cat("  var ", names.empty() ? "?" : c_string(names[0]),
                        " memid=", hex(uint32_t(v.memid)), " varkind=", num(int(v.varkind)),
                        " flags=", hex(v.flags), " type=", rv_.type_text(lib_, v.type, lib_));
    if (v.varkind == model::VarKind::Const)
      s += cat(" value=", v.value ? value_text(*v.value) : std::string("-"));
    else if (v.varkind == model::VarKind::PerInstance)
      s += cat(" offset=", num(v.offset));
    line(cat(s, " helpstring=", quote(docs.helpstring), " helpcontext=", num(docs.helpcontext)));
    custom("    ", v.custom);
  }

  const model::Library& lib_;
  ListingOptions options_;
  RuntimeView rv_;
  std::string out_;
};

}  // namespace

std::string write_listing(const model::Library& lib, const model::LibrarySet& set,
                          const ListingOptions& options) {
  return Lister(lib, set, options).run();
}

}  // namespace tlbkit::oleaut
