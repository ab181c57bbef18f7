// COM interfaces in headers: the C++ form (MIDL_INTERFACE, DECLSPEC_UUID, __declspec(uuid) on a
// struct deriving from IUnknown) and the C form (lpVtbl), their IIDs and CLSIDs, and parameter
// directions from SAL and /* [in] */ comments. Layer: readers.
// STUB (contract commit): replaced by the COM reader.
#include "readers/cheader/cheader_internal.h"

namespace tlbkit::cheader::detail {

bool is_com_interface(Context&, CXCursor) { return false; }
void read_interface(Context&, CXCursor, model::TypeInfo&) {}
void note_guid(Context&, CXCursor) {}
bool is_com_vtbl(Context&, CXCursor) { return false; }
uint16_t param_flags_from_source(Context&, CXCursor) { return 0; }

}  // namespace tlbkit::cheader::detail
