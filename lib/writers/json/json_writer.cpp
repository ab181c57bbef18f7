// STUB — replaced by the JSON writer. Layer: writers.
#include "writers/json/json_writer.h"

namespace tlbkit::json {
std::string write_json(const model::Library& lib) { return "{\"name\": \"" + lib.name + "\"}\n"; }
}  // namespace tlbkit::json
