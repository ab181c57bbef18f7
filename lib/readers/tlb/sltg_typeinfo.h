// The pieces of one SLTG type info block the member readers share: where its member data lies,
// its reference table (resolved to model type references), and the base its members' help
// contexts are relative to. Layer: readers.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "readers/tlb/sltg_internal.h"

namespace tlbkit::tlb::sltg {

struct TypeBlock {
  uint64_t start = 0, end = 0;            // the block
  uint64_t members = 0, members_end = 0;  // the member data; member offsets count from `members`
  uint64_t tail = 0;                      // the 0x36-byte tail after the member data
  std::vector<model::UserType> refs;      // the reference table, in order
  uint32_t help_base = 0;                 // members' help contexts are relative to this
};

/// Reads the reference table at `at` into `tb.refs`, adding the libraries it names to the
/// model's imports.
void read_references(Context& cx, TypeBlock& tb, uint64_t at);

/// The model reference for a reference-table index.
const model::UserType& reference(const TypeBlock& tb, uint32_t index, uint64_t where);

/// The type words at `pos` (advanced past them). `flags`, when given, receives the PARAMFLAGS the
/// first word carries.
model::TypeRef read_type(const Context& cx, const TypeBlock& tb, uint64_t& pos,
                         uint16_t* flags = nullptr);

/// The type words at member offset `offset`.
model::TypeRef read_type_at(const Context& cx, const TypeBlock& tb, uint16_t offset, uint64_t where,
                            uint16_t* flags = nullptr);

/// A member's help context from its WORD (tail base ± delta, or a DWORD in the member data).
uint32_t member_help_context(const Context& cx, const TypeBlock& tb, uint16_t word, uint64_t where);

/// A member's help string from its WORD offset of compressed bits in the member data.
std::string member_help_string(const Context& cx, const TypeBlock& tb, uint16_t word,
                               uint64_t where);

/// The WORD at blob offset `pos`, which must lie inside the member data.
uint16_t member_word(const Context& cx, const TypeBlock& tb, uint64_t pos, const char* what);

/// The blob offset of member offset `offset`, checked to lie inside the member data.
uint64_t member_offset(const TypeBlock& tb, uint32_t offset, uint64_t where, const char* what);

}  // namespace tlbkit::tlb::sltg
