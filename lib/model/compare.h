// Comparing two libraries and naming where they first differ, so that round-trip tests
// (typelib → JSON → model, IDL → typelib → model …) report "types[3].functions[2].params[0].type"
// instead of a bare "not equal". Layer: model.
#pragma once
#include <string>

#include "model/library.h"

namespace tlbkit::model {

/// "" when a == b; otherwise the path of the first difference in declaration order, written with
/// the model's field names ("types[3].functions[2].params[0].type", "imports[0].version",
/// "types[5].def" when two types differ in kind). When one list is longer, the path names its
/// first extra element ("types[7].params[2]").
std::string diff(const Library& a, const Library& b);

}  // namespace tlbkit::model
