// The C++ writer's declarations of one type each: enums, aliases, records and unions with their
// layout checks, module constants, raw interface structs (exact vtable order) and dispinterface
// structs. Layer: writers.
#include <algorithm>

#include "writers/cpp/cpp_core.h"

namespace tlbkit::cppw {

std::string qualified(const Context& cx, uint32_t index) {
  const std::string& name = cx.type_names.at(index);
  return cx.ns.empty() ? "::" + name : "::" + cx.ns + "::" + name;
}

namespace {

void help_comment(const model::Docs& docs, const std::string& indent, std::string& out) {
  std::string text = comment_text(docs.helpstring);
  if (!text.empty()) out += indent + "// " + text + "\n";
}

bool exact_record(Context& cx, const model::Library& lib, const model::TypeInfo& t);

/// Does C++ give a value of this type the size and alignment the library records?
bool exact_type(Context& cx, const model::Library& lib, const model::TypeRef& t, int depth) {
  if (depth > 32) return false;
  if (auto* a = std::get_if<model::CArray>(&t.v)) return exact_type(cx, lib, *a->element, depth + 1);
  auto* u = std::get_if<model::UserType>(&t.v);
  if (!u) return true;  // base types, pointers and SAFEARRAY*: declare() flags unknown VARTYPEs
  Target r = resolve_from(cx, lib, *u, false);
  if (r.missing) return false;
  if (r.stdole) return true;
  Found f = find_type(cx, lib, *u);
  if (!f.type) return false;
  if (auto* al = std::get_if<model::AliasDef>(&f.type->def))
    return exact_type(cx, *f.lib, al->target, depth + 1);
  if (std::holds_alternative<model::RecordDef>(f.type->def) ||
      std::holds_alternative<model::UnionDef>(f.type->def))
    return exact_record(cx, *f.lib, *f.type);
  return std::holds_alternative<model::EnumDef>(f.type->def);
}

const std::vector<model::Variable>* fields_of(const model::TypeInfo& t) {
  if (auto* r = std::get_if<model::RecordDef>(&t.def)) return &r->fields;
  if (auto* u = std::get_if<model::UnionDef>(&t.def)) return &u->fields;
  return nullptr;
}

bool value_stand_in(Context& cx, const model::TypeRef& t);
uint32_t recorded_span(const model::TypeInfo& t, const std::vector<model::Variable>& fields,
                       size_t i, bool is_union);
const char* layout_guard(model::SysKind k);
int pack_of(uint16_t alignment);

/// Is field i of this library's record declared as the bytes the library records (see
/// emit_record)?
bool byte_stand_in(Context& cx, const model::Library& lib, const model::TypeInfo& t, size_t i) {
  const auto* fs = std::get_if<model::RecordDef>(&t.def) ? &std::get<model::RecordDef>(t.def).fields
                   : std::get_if<model::UnionDef>(&t.def) ? &std::get<model::UnionDef>(t.def).fields
                                                           : nullptr;
  if (!fs || &lib != &cx.lib || !layout_guard(lib.syskind) || !pack_of(t.layout.alignment))
    return false;
  return recorded_span(t, *fs, i, std::holds_alternative<model::UnionDef>(t.def)) &&
         value_stand_in(cx, (*fs)[i].type);
}

bool exact_record(Context& cx, const model::Library& lib, const model::TypeInfo& t) {
  CoreState& c = core(cx);
  if (auto it = c.exact.find(&t); it != c.exact.end()) return it->second;
  c.exact[&t] = false;  // a record that contains itself is not exact
  bool ok = true;
  if (const auto* fs = fields_of(t))
    for (size_t i = 0; i < fs->size(); ++i) {
      const model::Variable& v = (*fs)[i];
      if (v.varkind == model::VarKind::PerInstance && byte_stand_in(cx, lib, t, i)) continue;
      bool approx = false;
      declare_in(cx, lib, v.type, "x", &approx);
      ok = ok && !approx && exact_type(cx, lib, v.type, 0);
    }
  return c.exact[&t] = ok;
}

/// `#pragma pack` value for the recorded alignment (MSVC and GCC accept 1, 2, 4, 8, 16).
int pack_of(uint16_t alignment) {
  for (int p : {1, 2, 4, 8, 16})
    if (alignment == p) return p;
  return 0;
}

const char* layout_guard(model::SysKind k) {
  switch (k) {
    case model::SysKind::Win64: return "#if defined(_WIN64)\n";
    case model::SysKind::Win32: return "#if !defined(_WIN64)\n";
    default: return nullptr;  // win16 and Mac layouts: no compiler of today reproduces them
  }
}

std::string member_call_conv(model::CallConv c) {
  // STDMETHODVCALLTYPE is the SDK's __cdecl for COM methods; every other convention a typelib
  // may record for a vtable method is stdcall's in practice.
  return c == model::CallConv::CDecl ? "STDMETHODVCALLTYPE" : "STDMETHODCALLTYPE";
}

}  // namespace

void emit_enum(Context& cx, const model::TypeInfo& t, uint32_t index, std::string& out) {
  help_comment(t.docs, "", out);
  out += "enum " + local_name(cx, index) + " : int {\n";
  for (const model::Variable& v : std::get<model::EnumDef>(t.def).values) {
    const int64_t* i = v.value ? std::get_if<int64_t>(&v.value->data) : nullptr;
    std::string value = i ? value_literal(cx, model::Value{model::vt::I4, *i},
                                          model::TypeRef::base(model::vt::I4))
                          : "0";
    std::string doc = comment_text(v.docs.helpstring);
    out += "  " + core(cx).scoped.at(&v) + " = " + value + "," +
           (i ? "" : "  // not an integer in the library") + (doc.empty() ? "" : "  // " + doc) +
           "\n";
  }
  out += "};\n";
}

void emit_alias(Context& cx, const model::TypeInfo& t, uint32_t index, std::string& out) {
  help_comment(t.docs, "", out);
  const auto& a = std::get<model::AliasDef>(t.def);
  out += "typedef " + declare_in(cx, cx.lib, a.target, local_name(cx, index), nullptr, true) +
         ";\n";
}

namespace {
/// A field whose type is a value of a library not at hand (its C++ stand-in is int32_t, of
/// unknown size): the field is declared as the bytes the library records for it instead, so the
/// record keeps its layout (and its checks).
bool value_stand_in(Context& cx, const model::TypeRef& t) {
  const model::TypeRef* e = &t;
  while (auto* a = std::get_if<model::CArray>(&e->v)) e = &*a->element;
  auto* u = std::get_if<model::UserType>(&e->v);
  if (!u) return false;
  Target r = resolve_from(cx, cx.lib, *u, false);
  return r.missing && r.kind != model::TypeKind::Interface;
}

/// The bytes field i spans: to the next field's offset (a union's fields all end at its size),
/// else to the record's size. 0 when the offsets do not say.
uint32_t recorded_span(const model::TypeInfo& t, const std::vector<model::Variable>& fields,
                       size_t i, bool is_union) {
  uint32_t end = t.layout.size;
  if (!is_union)
    for (size_t j = i + 1; j < fields.size(); ++j)
      if (fields[j].varkind == model::VarKind::PerInstance) {
        end = fields[j].offset;
        break;
      }
  return end > fields[i].offset ? end - fields[i].offset : 0;
}

/// alignas for a byte stand-in at `offset`: the largest power of two dividing it, at most the
/// record's alignment. The padding before the field was smaller than the missing type's
/// alignment, which is at most both, so the bytes start exactly at the recorded offset.
uint32_t stand_in_alignment(uint32_t offset, uint16_t record_alignment) {
  uint32_t a = 1;
  while (a < record_alignment && offset % (a * 2) == 0) a *= 2;
  return a;
}

}  // namespace

void emit_record(Context& cx, const model::TypeInfo& t, uint32_t index, std::string& out) {
  const std::vector<model::Variable>& fields = *fields_of(t);
  const std::string& name = local_name(cx, index);
  bool is_union = std::holds_alternative<model::UnionDef>(t.def);
  help_comment(t.docs, "", out);
  int pack = pack_of(t.layout.alignment);
  const bool checkable = layout_guard(cx.lib.syskind) && pack;
  if (pack) out += "#pragma pack(push, " + std::to_string(pack) + ")\n";
  std::string body;
  bool byte_stand_ins = false;
  std::set<std::string> taken{name};
  std::vector<std::pair<std::string, uint32_t>> offsets;
  for (size_t i = 0; i < fields.size(); ++i) {
    const model::Variable& v = fields[i];
    if (v.varkind != model::VarKind::PerInstance) continue;
    if (v.bits) {  // a C bit-field (from a header): declared as one; offsetof cannot name it
      std::string field = v.name.empty() ? "" : unique_in(taken, member_ident(cx, v.name));
      body += "  " + declare_in(cx, cx.lib, v.type, field, nullptr) + " : " +
              std::to_string(v.bits->width) + ";\n";
      continue;
    }
    std::string field = unique_in(taken, member_ident(cx, v.name));
    offsets.emplace_back(field, v.offset);
    std::string doc = comment_text(v.docs.helpstring);
    if (byte_stand_in(cx, cx.lib, t, i)) {
      const uint32_t span = recorded_span(t, fields, i, is_union);
      byte_stand_ins = true;
      body += "  alignas(" + std::to_string(stand_in_alignment(v.offset, t.layout.alignment)) +
              ") unsigned char " + field + "[" + std::to_string(span) +
              "];  // a type of a library not at hand: the bytes the library records\n";
      continue;
    }
    body += "  " + declare_in(cx, cx.lib, v.type, field, nullptr) + ";" +
            (doc.empty() ? "" : "  // " + doc) + "\n";
  }
  // Bytes stand in for a field whose alignment may have been the record's: keep the recorded one.
  out += std::string(is_union ? "union " : "struct ") +
         (byte_stand_ins ? "alignas(" + std::to_string(t.layout.alignment) + ") " : "") + name +
         " {\n" + body + "};\n";
  if (pack) out += "#pragma pack(pop)\n";
  const char* guard = layout_guard(cx.lib.syskind);
  if (!checkable) return;
  if (!exact_record(cx, cx.lib, t)) {
    out += "// (no layout checks: a field's type is a stand-in)\n";
    return;
  }
  std::string q = name;
  out += guard;
  if (!offsets.empty())
    out += "static_assert(sizeof(" + q + ") == " + std::to_string(t.layout.size) + ", \"" + name +
           ": size as the library records it\");\n";
  out += "static_assert(alignof(" + q + ") == " + std::to_string(t.layout.alignment) + ", \"" +
         name + ": alignment as the library records it\");\n";
  for (const auto& [field, offset] : offsets)
    out += "static_assert(offsetof(" + q + ", " + field + ") == " + std::to_string(offset) +
           ", \"" + name + "::" + field + ": offset as the library records it\");\n";
  out += "#endif\n";
}

void emit_module(Context& cx, const model::TypeInfo& t, uint32_t index, std::string& out) {
  const auto& m = std::get<model::ModuleDef>(t.def);
  out += "// module " + comment_text(t.name) +
         (m.dll.empty() ? "" : " (" + comment_text(m.dll) + ")");
  if (!m.functions.empty()) {
    out += ": its functions are not bound:";
    for (const model::Function& f : m.functions) out += " " + comment_text(f.name);
  }
  out += "\n";
  (void)index;
  for (const model::Variable& v : m.constants) {
    const std::string& name = core(cx).scoped.at(&v);
    std::string literal = v.value ? value_literal(cx, *v.value, v.type) : "";
    std::string type;
    if (auto* b = std::get_if<model::BaseType>(&v.type.v)) {
      if (b->vt == model::vt::Bstr || b->vt == model::vt::LpWStr) type = "const wchar_t*";
      if (b->vt == model::vt::LpStr) type = "const char*";
      if (b->vt == model::vt::Variant) literal.clear();
    }
    // A string constant that is NULL (VBA's vbNullString) is the null pointer.
    if (!type.empty() && v.value && std::holds_alternative<std::monostate>(v.value->data))
      literal = "nullptr";
    if (type.empty()) type = param_type(cx, v.type);
    if (literal.empty() || (literal == "nullptr" && type.back() != '*')) {
      out += "// " + comment_text(v.name) + ": a constant with no C++ literal\n";
      continue;
    }
    out += "inline constexpr " + type + " " + name + " = " + literal + ";\n";
  }
}

void emit_interface(Context& cx, const model::TypeInfo& t, uint32_t index, std::string& out,
                    std::string& defs) {
  const auto& def = std::get<model::InterfaceDef>(t.def);
  BaseInfo base = base_of(cx, cx.lib, t);
  std::vector<std::optional<uint32_t>> slots = function_slots(cx.lib, t, base.slots);
  help_comment(t.docs, "", out);
  out += "struct " + local_name(cx, index) + " : " + base.cpp + " {\n";
  emit_interface_wrappers(cx, t, out, defs);
  // Raw methods in slot order; a slot nobody declares (a base that is not at hand) is kept by
  // a placeholder so every later method lands where the object's vtable has it.
  std::vector<std::pair<uint32_t, size_t>> order;
  std::set<uint32_t> used;
  for (size_t i = 0; i < def.functions.size(); ++i) {
    const model::Function& f = def.functions[i];
    if (!slots[i] || !used.insert(*slots[i]).second) {
      out += "  // " + comment_text(f.name) + ": not a slot of its own in this vtable\n";
      continue;
    }
    order.emplace_back(*slots[i], i);
  }
  std::sort(order.begin(), order.end());
  uint32_t next = base.slots;
  for (const auto& [slot, i] : order) {
    for (; next < slot; ++next)
      out += "  virtual " + sdk(cx, "HRESULT") + " STDMETHODCALLTYPE _tlbkit_slot" +
             std::to_string(next) + "() = 0;\n";
    next = slot + 1;
    const model::Function& f = def.functions[i];
    std::string params;
    for (size_t p = 0; p < f.params.size(); ++p)
      params += (p ? ", " : "") + param_type(cx, f.params[p].type) + " " + param_name(cx, f, p);
    out += "  virtual " + raw_type(cx, f.result) + " " + member_call_conv(f.callconv) + " " +
           raw_method_name(cx, t, f) + "(" + params + ") = 0;\n";
  }
  out += "};\n";
}

void emit_dispinterface(Context& cx, const model::TypeInfo& t, uint32_t index, std::string& out,
                        std::string& defs) {
  help_comment(t.docs, "", out);
  out += "struct " + local_name(cx, index) + " : ::IDispatch {\n";
  emit_dispatch_wrappers(cx, t, out, defs);
  out += "};\n";
}

}  // namespace tlbkit::cppw
