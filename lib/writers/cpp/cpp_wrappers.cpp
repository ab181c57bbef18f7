// The C++ writer's wrapper part: throwing wrappers of vtable/dual interfaces and Invoke wrappers
// of dispinterfaces (see cpp_emit.h). Layer: writers.
// STUB (lead): emits nothing yet.
#include "writers/cpp/cpp_emit.h"

namespace tlbkit::cppw {

void emit_interface_wrappers(Context&, const model::TypeInfo&, std::string&, std::string&) {}
void emit_dispatch_wrappers(Context&, const model::TypeInfo&, std::string&, std::string&) {}

}  // namespace tlbkit::cppw
