// Facts of the JSON interop descriptor format shared by its reader and writer: the schema's
// identifier (schemas/tlbkit.schema.json's "$id", which every descriptor names in "$schema") and
// the format version. Layer: tlbformat.
#pragma once
#include <cstdint>
#include <string_view>

namespace tlbkit::json {

inline constexpr std::string_view kSchemaId = "https://tlbkit.dev/schemas/tlbkit.schema.json";
/// Raised when a descriptor changes so that an older reader would misread it.
inline constexpr int64_t kFormatVersion = 1;

}  // namespace tlbkit::json
