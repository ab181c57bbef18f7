// A value as the listing prints it: the text VariantChangeTypeEx(…, en-US, 0, VT_BSTR) makes of
// it, or nothing where that conversion fails. Layer: writers.
#pragma once
#include <optional>
#include <string>

#include "model/library.h"

namespace tlbkit::oleaut {

/// The en-US text of a non-BSTR value, or nullopt when the runtime cannot convert it to a BSTR
/// (the listing then prints `?`).
std::optional<std::string> variant_text(const model::Value& v);

/// printf's "%.<digits>G" for a double, as the runtime formats VT_R4 (7 digits) and VT_R8 (15):
/// no negative zero.
std::string real_text(double d, int digits);

}  // namespace tlbkit::oleaut
