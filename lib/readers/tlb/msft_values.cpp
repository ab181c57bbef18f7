// MSFT type descriptors (doc §5.5), values and custom-data lists (doc §5.8), decoded as the
// runtime decodes them (Wine's MSFT_GetTdesc, the TypedescTab walk of ITypeLib2_Constructor_MSFT,
// MSFT_ReadValue, MSFT_CustData — read for the facts). Layer: readers.
#include <algorithm>
#include <bit>
#include <cstring>

#include "readers/tlb/msft_tables.h"
#include "readers/tlb/ansi_text.h"

namespace tlbkit::tlb::msft {

namespace fmt = tlbformat::msft;
namespace vt = model::vt;
using support::ReadError;

namespace {
// No real type nests pointers, arrays and SAFEARRAYs this deep (real ones stop at about 5); a
// deeper chain is a cycle, or an attempt to make every reference expensive.
constexpr uint32_t kMaxTypeDepth = 16;

uint32_t node_count(const model::TypeRef& t) {
  if (auto* p = std::get_if<model::Pointer>(&t.v)) return 1 + node_count(*p->pointee);
  if (auto* s = std::get_if<model::SafeArray>(&t.v)) return 1 + node_count(*s->element);
  if (auto* a = std::get_if<model::CArray>(&t.v)) return 1 + node_count(*a->element);
  return 1;
}
// The element VARTYPEs a TypedescTab entry can name inline: Wine indexes its table of the
// VARTYPEs 0..VT_LPWSTR with them.
constexpr uint16_t kMaxInlineElementVt = vt::LpWStr;
}  // namespace

// ---- Type descriptors ---------------------------------------------------------------------------

model::TypeRef MsftFile::type(int32_t datatype) const {
  model::TypeRef t = data_type(datatype, 0);
  type_nodes_ += node_count(t);
  if (type_nodes_ > type_node_budget_)
    throw ReadError(seg(Segment::TypedescTab).offset, "type descriptors expand to more than " +
                                                          std::to_string(type_node_budget_) +
                                                          " type nodes");
  return t;
}

model::TypeRef MsftFile::data_type(int32_t datatype, uint32_t depth) const {
  if (datatype < 0) return model::TypeRef::base(uint16_t(uint32_t(datatype) & fmt::kVtTypeMask));
  uint32_t index = uint32_t(datatype) / fmt::kTypedescEntrySize;
  if (index >= typedesc_count_)
    throw ReadError(seg(Segment::TypedescTab).offset, "type descriptor offset " +
                                                          std::to_string(datatype) +
                                                          " is outside the type descriptor table");
  return typedesc(index, depth);
}

model::TypeRef MsftFile::typedesc(uint32_t index, uint32_t depth) const {
  if (typedesc_cache_[index]) return *typedesc_cache_[index];
  uint64_t at = seg(Segment::TypedescTab).offset + uint64_t{index} * fmt::kTypedescEntrySize;
  if (depth > kMaxTypeDepth) throw ReadError(at, "type descriptors refer to each other in a cycle");
  // The entry is {vt, mix} and a second INT: a pointee/element (inline when its high half is
  // negative), an ArrayDesc offset or an HREFTYPE. Wine keeps only the low half of an offset;
  // below 0x8000, where Wine works at all, the two readings agree.
  uint16_t vt0 = r_.u16(at, "type descriptor");
  int32_t second = r_.i32(at + 4, "type descriptor");
  uint16_t kind = vt0 & fmt::kVtTypeMask;
  model::TypeRef out;
  if (vt0 == vt::Ptr || vt0 == vt::SafeArray) {
    model::TypeRef inner;
    if (second < 0) {  // the pointee is an inline VARTYPE in the low half
      auto low = uint16_t(second);
      if (low > kMaxInlineElementVt)
        throw ReadError(at, "type descriptor names an impossible element type");
      inner = model::TypeRef::base(low);
    } else {
      inner = data_type(second, depth + 1);
    }
    out = vt0 == vt::Ptr ? model::TypeRef::pointer_to(std::move(inner))
                         : model::TypeRef::safearray_of(std::move(inner));
  } else if (vt0 == vt::CArray) {
    out = carray(second, depth + 1);
  } else if (vt0 == vt::UserDefined) {
    out = model::TypeRef{user_type(second)};
  } else if (kind >= vt::Ptr && kind <= vt::UserDefined) {
    throw ReadError(at, "malformed type descriptor");
  } else {
    out = model::TypeRef::base(kind);
  }
  typedesc_cache_[index] = out;
  return out;
}

model::TypeRef MsftFile::carray(int32_t offset, uint32_t depth) const {
  const SegmentRange& g = seg(Segment::ArrayDesc);
  // Wine reads array descriptors only when the segment's offset is positive.
  if (!g.present || g.offset == 0)
    throw ReadError(seg(Segment::TypedescTab).offset, "C array without an array descriptor");
  uint64_t at = in_segment(Segment::ArrayDesc, offset, "array descriptor");
  int32_t element = r_.i32(at, "array descriptor");
  uint16_t dims = r_.u16(at + 4, "array descriptor");  // cDims; the high half is cDims * 8
  model::CArray arr;
  arr.element = data_type(element, depth);
  r_.require(at + fmt::kArrayDescHeader, uint64_t{dims} * fmt::kArrayBoundSize, "array bounds");
  arr.bounds.reserve(dims);
  for (uint32_t d = 0; d < dims; ++d) {
    uint64_t b = at + fmt::kArrayDescHeader + uint64_t{d} * fmt::kArrayBoundSize;
    arr.bounds.push_back({r_.i32(b + 4), r_.u32(b)});  // {cElements, lLbound} in the file
  }
  return model::TypeRef{std::move(arr)};
}

// ---- Values -------------------------------------------------------------------------------------

namespace {

/// A VARIANT's value from the bytes the runtime placed in its union (little-endian, the rest
/// zero), as the model holds it.
model::Value from_union(uint16_t type, uint64_t bits) {
  model::Value v;
  v.vt = type;
  auto lo = uint32_t(bits);
  switch (type) {
    case vt::I1:
      v.data = int64_t{int8_t(lo)};
      break;
    case vt::UI1:
      v.data = int64_t{uint8_t(lo)};
      break;
    case vt::I2:
    case vt::Bool:
      v.data = int64_t{int16_t(lo)};
      break;
    case vt::UI2:
      v.data = int64_t{uint16_t(lo)};
      break;
    case vt::I4:
    case vt::Int:
    case vt::Error:
    case vt::HResult:
      v.data = int64_t{int32_t(lo)};
      break;
    case vt::UI4:
    case vt::UInt:
      v.data = int64_t{lo};
      break;
    case vt::I8:
    case vt::UI8:
    case vt::Cy:
    case vt::Decimal:
      v.data = int64_t(bits);
      break;  // DECIMAL: Wine fills only Lo64
    case vt::R4:
      v.data = double{std::bit_cast<float>(lo)};
      break;
    case vt::R8:
    case vt::Date:
      v.data = std::bit_cast<double>(bits);
      break;
    default:
      break;  // EMPTY, NULL, and types that carry no value in a typelib
  }
  return v;
}

/// Bytes of data MSFT_ReadValue reads after the VARTYPE for each type (0: none, -1: a BSTR).
int value_size(uint16_t type) {
  switch (type) {
    case vt::Empty:
    case vt::Null:
    case vt::I2:
    case vt::I4:
    case vt::R4:
    case vt::Error:
    case vt::Bool:
    case vt::I1:
    case vt::UI1:
    case vt::UI2:
    case vt::UI4:
    case vt::Int:
    case vt::UInt:
    case vt::Void:
    case vt::HResult:
      return 4;
    case vt::R8:
    case vt::Cy:
    case vt::Date:
    case vt::I8:
    case vt::UI8:
    case vt::Decimal:
    case vt::FileTime:
      return 8;
    case vt::Bstr:
      return -1;
    default:
      return 0;
  }
}

}  // namespace

model::Value MsftFile::value(int32_t encoded) const {
  if (encoded < 0) {  // inline: VARTYPE in bits 26-30, value in bits 0-25, zero-extended
    auto u = uint32_t(encoded);
    return from_union(uint16_t((u >> fmt::kInlineValueVtShift) & fmt::kInlineValueVtMask),
                      u & fmt::kInlineValueMask);
  }
  uint64_t at = in_segment(Segment::CustData, encoded, "value");
  uint16_t type = r_.u16(at, "value");
  int size = value_size(type);
  if (size == 4) return from_union(type, r_.u32(at + 2, "value"));
  if (size == 8) return from_union(type, r_.u64(at + 2, "value"));
  model::Value v;
  v.vt = type;
  if (size < 0) {
    uint32_t len = r_.u32(at + 2, "string value");
    if (len != fmt::kNullBstrLength) {
      v.data = ansi_to_utf8(r_.bytes(at + 6, len, "string value"), false);
      charge_text(len, at);
    }
  }
  return v;
}

model::CustomData MsftFile::custom_data(int32_t head) const {
  model::CustomData out;
  const SegmentRange& g = seg(Segment::CDGuids);
  if (!g.present || head < 0) return out;
  // Each node is 12 bytes, so a list longer than the segment holds nodes has a cycle.
  const uint32_t max_nodes = g.length / fmt::cdguid::kSize + 1;
  for (int32_t node = head; node >= 0;) {
    if (out.size() >= max_nodes)
      throw ReadError(g.offset + uint32_t(head), "custom data list does not end (a cycle)");
    if (++custom_nodes_ > custom_node_budget_)
      throw ReadError(g.offset + uint32_t(node), "custom data lists share more nodes than " +
                                                     std::to_string(custom_node_budget_));
    uint64_t at = uint64_t{g.offset} + uint32_t(node);
    model::CustomDatum d;
    d.guid =
        guid(r_.i32(at + fmt::cdguid::kGuidOffset, "custom data entry")).value_or(support::Guid{});
    d.value = value(r_.i32(at + fmt::cdguid::kDataOffset, "custom data entry"));
    out.push_back(std::move(d));
    node = r_.i32(at + fmt::cdguid::kNext, "custom data entry");
  }
  // The runtime puts each node at the head of its list, so it reports the chain reversed: the
  // order the library's author added them in.
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace tlbkit::tlb::msft
