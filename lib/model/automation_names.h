// Readable names for OLE Automation's constants (VARTYPEs, flag bits, kinds), shared by every
// reader and writer that spells them out in text — first of all the JSON descriptor, whose
// reader and writer must agree on them. Layer: model.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "model/automation.h"

namespace tlbkit::model::names {

/// One named bit of a flags word, or one named value of an enumeration.
struct Named {
  uint16_t value;
  std::string_view name;
};

/// The flag bits of each flags word, lower case as IDL attributes are spelled ("in", "retval",
/// "hidden", "defaultbind", …), in bit order.
std::span<const Named> type_flags();
std::span<const Named> func_flags();
std::span<const Named> var_flags();
std::span<const Named> param_flags();
std::span<const Named> impl_flags();
std::span<const Named> lib_flags();

/// Enumerations, lower case: "purevirtual", "propget", "stdcall", "const", "win32", …
std::span<const Named> func_kinds();
std::span<const Named> invoke_kinds();
std::span<const Named> call_convs();
std::span<const Named> var_kinds();
std::span<const Named> sys_kinds();

/// The kinds of model::TypeDef, in the variant's order: "enum", "record", "union", "alias",
/// "interface", "dispinterface", "coclass", "module".
std::span<const std::string_view> def_kinds();

/// Base VARTYPEs as wtypes.h names them without "VT_": "I4", "BSTR", "USERDEFINED", …
std::span<const Named> vartypes();

/// Lookups in one of the tables above: the name of `value` ("" if it has none), and the value
/// of `name` (nullopt if unknown). Names are matched exactly.
std::string_view name_of(std::span<const Named> table, uint16_t value);
std::optional<uint16_t> value_of(std::span<const Named> table, std::string_view name);

}  // namespace tlbkit::model::names
