// Writes model::Library as the JSON interop descriptor (schemas/tlbkit.schema.json): fixed key
// order, no timestamps, no paths. Layer: writers.
#pragma once
#include <string>

#include "model/library.h"

namespace tlbkit::json {

std::string write_json(const model::Library& lib);

}  // namespace tlbkit::json
