// Names of the MSFT format's segments, for diagnostics. Layer: tlbformat.
#include "tlbformat/msft_format.h"

namespace tlbkit::tlbformat::msft {

std::string_view segment_name(Segment s) {
  switch (s) {
    case Segment::TypeInfoTab:
      return "TypeInfoTab";
    case Segment::ImpInfo:
      return "ImpInfo";
    case Segment::ImpFiles:
      return "ImpFiles";
    case Segment::RefTab:
      return "RefTab";
    case Segment::GuidHashTab:
      return "GuidHashTab";
    case Segment::GuidTab:
      return "GuidTab";
    case Segment::NameHashTab:
      return "NameHashTab";
    case Segment::NameTab:
      return "NameTab";
    case Segment::StringTab:
      return "StringTab";
    case Segment::TypedescTab:
      return "TypedescTab";
    case Segment::ArrayDesc:
      return "ArrayDesc";
    case Segment::CustData:
      return "CustData";
    case Segment::CDGuids:
      return "CDGuids";
    case Segment::Res0e:
      return "res0e";
    case Segment::Res0f:
      return "res0f";
  }
  return "segment";
}

}  // namespace tlbkit::tlbformat::msft
