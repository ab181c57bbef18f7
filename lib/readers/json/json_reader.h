// Reads a JSON interop descriptor (schemas/tlbkit.schema.json) back into model::Library.
// Layer: readers.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "model/library.h"
#include "support/diagnostics.h"

namespace tlbkit::json {

std::optional<model::Library> read_json(std::string_view text, const std::string& path,
                                        support::DiagEngine& diags);

}  // namespace tlbkit::json
