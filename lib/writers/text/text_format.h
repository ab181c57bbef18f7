// The small pieces of the text view: quoted strings, hex numbers, flag names, constant values
// and type names as a person reads them in IDL. Layer: writers.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "model/library.h"
#include "model/library_set.h"

namespace tlbkit::text {

/// `"…"` with `\"`, `\\`, `\n`, `\r`, `\t` and other control characters escaped; UTF-8 kept.
std::string quoted(std::string_view s);

/// `0x` and at least `digits` upper-case hex digits.
std::string hex(uint64_t v, int digits = 1);

/// A GUID in registry form, `{…}`.
std::string guid_text(const model::Guid& g);

/// One flag word as names ("dual, oleautomation"); bits without a name print as hex. Empty
/// when no bit is set.
std::string type_flag_names(uint16_t flags);
std::string func_flag_names(uint16_t flags);  // IDL attribute spelling
std::string var_flag_names(uint16_t flags);
std::string lib_flag_names(uint16_t flags);
std::string impl_flag_names(uint16_t flags);

std::string_view syskind_name(model::SysKind s);
std::string_view callconv_name(model::CallConv c);  // "__stdcall", "__cdecl", …

/// A base VARTYPE as IDL spells it ("long", "BSTR"), or "VT_n" when IDL has no name for it.
std::string vt_text(uint16_t vt);

/// A constant as an IDL literal: `5`, `-1`, `1.5`, `"text"`; `empty`/`null` for VT_EMPTY/NULL.
std::string value_literal(const model::Value& v);
/// A constant with its type, for custom data: `unsigned long 5`, `BSTR "text"`.
std::string typed_value(const model::Value& v);

/// Names the types a library's type references point at, through the libraries at hand.
class TypeNamer {
 public:
  TypeNamer(const model::Library& lib, const model::LibrarySet& set) : lib_(lib), set_(set) {}

  /// `Name` for a local type, `lib.Name` for an imported one; `?` (or the GUID) for a part that
  /// is not known.
  std::string user_type(const model::UserType& u) const;
  /// A whole type reference, arrays included (`long[4]`, `SAFEARRAY(BSTR)*`).
  std::string type(const model::TypeRef& t) const;
  /// A declaration `TYPE NAME`; a C array's bounds follow the name as in C (`long a[4][2]`).
  std::string declaration(const model::TypeRef& t, const std::string& name) const;
  /// The kind of the type a reference names: "dispinterface" for one, "interface" otherwise.
  std::string_view interface_keyword(const model::TypeRef& t) const;

 private:
  std::string library_qualifier(uint32_t import) const;
  std::string bare_name(const model::UserType& u) const;
  const model::Library& lib_;
  const model::LibrarySet& set_;
};

}  // namespace tlbkit::text
