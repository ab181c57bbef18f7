// The C++ writer's coclass creators and event sinks (see cpp_emit.h). Layer: writers.
// STUB (lead): emits nothing yet.
#include "writers/cpp/cpp_emit.h"

namespace tlbkit::cppw {

void emit_coclass(Context&, const model::TypeInfo&, std::string&, std::string&) {}
void emit_event_sink(Context&, const model::TypeInfo&, std::string&, std::string&) {}

}  // namespace tlbkit::cppw
