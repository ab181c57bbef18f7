// LibrarySet lookups and import-name resolution. Layer: model.
#include "model/library_set.h"

#include <algorithm>
#include <cctype>

namespace tlbkit::model {

const Library& LibrarySet::add(Library lib) {
  libs_.push_back(std::make_unique<Library>(std::move(lib)));
  return *libs_.back();
}

const Library* LibrarySet::find(const Guid& libid, Version wanted) const {
  const Library* best = nullptr;
  for (const auto& l : libs_) {
    if (!l->libid || *l->libid != libid || l->version.major != wanted.major ||
        l->version.minor < wanted.minor)
      continue;
    if (!best || l->version.minor > best->version.minor) best = l.get();
  }
  return best;
}

const Library* LibrarySet::imported(const Library& from, uint32_t import_index) const {
  if (import_index >= from.imports.size()) return nullptr;
  const ImportedLibrary& imp = from.imports[import_index];
  return find(imp.libid, imp.version);
}

namespace {
bool iequals(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

LibrarySet::Found find_in(const Library& lib, const UserType& ref) {
  if (ref.guid) {
    for (uint32_t i = 0; i < lib.types.size(); ++i)
      if (lib.types[i].guid && *lib.types[i].guid == *ref.guid) return {&lib, &lib.types[i], i};
    return {};
  }
  if (ref.index) {
    if (*ref.index < lib.types.size()) return {&lib, &lib.types[*ref.index], *ref.index};
    return {};
  }
  for (uint32_t i = 0; i < lib.types.size(); ++i)
    if (iequals(lib.types[i].name, ref.name)) return {&lib, &lib.types[i], i};
  return {};
}
}  // namespace

LibrarySet::Found LibrarySet::resolve(const Library& from, const UserType& ref) const {
  if (!ref.import) {
    if (ref.index && *ref.index < from.types.size())
      return {&from, &from.types[*ref.index], *ref.index};
    if (ref.index) return {};
    return find_in(from, ref);
  }
  const Library* other = imported(from, *ref.import);
  if (!other) return {};
  return find_in(*other, ref);
}

namespace {
void fill(TypeRef& t, const Library& lib, const LibrarySet& set) {
  struct V {
    const Library& lib;
    const LibrarySet& set;
    void operator()(BaseType&) const {}
    void operator()(Pointer& p) const { fill(*p.pointee, lib, set); }
    void operator()(SafeArray& s) const { fill(*s.element, lib, set); }
    void operator()(CArray& a) const { fill(*a.element, lib, set); }
    void operator()(UserType& u) const {
      if (!u.import || !u.name.empty()) return;
      if (auto f = set.resolve(lib, u); f.type) u.name = f.type->name;
    }
  };
  std::visit(V{lib, set}, t.v);
}

void fill_funcs(std::vector<Function>& fs, const Library& lib, const LibrarySet& set) {
  for (Function& f : fs) {
    fill(f.result, lib, set);
    for (Param& p : f.params) fill(p.type, lib, set);
  }
}
void fill_vars(std::vector<Variable>& vs, const Library& lib, const LibrarySet& set) {
  for (Variable& v : vs) fill(v.type, lib, set);
}
void fill_impls(std::vector<ImplType>& is, const Library& lib, const LibrarySet& set) {
  for (ImplType& i : is) fill(i.type, lib, set);
}
}  // namespace

void resolve_import_names(Library& lib, const LibrarySet& set) {
  for (uint32_t i = 0; i < lib.imports.size(); ++i)
    if (lib.imports[i].name.empty())
      if (const Library* other = set.imported(lib, i)) lib.imports[i].name = other->name;
  // `lib` is read through a const view while its types are filled: resolve() only reads imports.
  const Library& view = lib;
  for (TypeInfo& t : lib.types) {
    std::visit(
        [&](auto& d) {
          using D = std::decay_t<decltype(d)>;
          if constexpr (std::is_same_v<D, EnumDef>) fill_vars(d.values, view, set);
          if constexpr (std::is_same_v<D, RecordDef> || std::is_same_v<D, UnionDef>)
            fill_vars(d.fields, view, set);
          if constexpr (std::is_same_v<D, AliasDef>) fill(d.target, view, set);
          if constexpr (std::is_same_v<D, InterfaceDef>) {
            fill_impls(d.bases, view, set);
            fill_funcs(d.functions, view, set);
          }
          if constexpr (std::is_same_v<D, DispatchDef>) {
            fill_impls(d.bases, view, set);
            fill_funcs(d.methods, view, set);
            fill_vars(d.properties, view, set);
            if (d.wraps) fill(*d.wraps, view, set);
          }
          if constexpr (std::is_same_v<D, CoclassDef>) fill_impls(d.interfaces, view, set);
          if constexpr (std::is_same_v<D, ModuleDef>) {
            fill_funcs(d.functions, view, set);
            fill_vars(d.constants, view, set);
          }
        },
        t.def);
  }
}

}  // namespace tlbkit::model
