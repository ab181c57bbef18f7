// The lexical pieces of IDL output: string literals in the compilers' code page, constants as
// literals of their VARTYPE, and identifiers checked against the IDL keywords. Internal to the
// IDL writer. Layer: writers.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/library.h"

namespace tlbkit::idlw {

/// `"…"` as MIDL, widl and tlbkit read it back: `\"` and `\\` are the only escapes all of them
/// translate, so other characters are written as themselves (a tab, a control character), but
/// for a line break or carriage return, which cannot stand inside a string: those are written
/// `\n` and `\r` (which widl 8.0 keeps as two characters). Text is converted
/// from UTF-8 to Windows-1252, the code page both compilers store narrow strings in. nullopt when
/// a character has no Windows-1252 byte (or the text is not UTF-8) — `bad` then names it.
std::optional<std::string> string_literal(std::string_view utf8, std::string* bad = nullptr);

/// True if `name` can be written as an IDL identifier: ASCII letters, digits and `_`, not
/// starting with a digit, and not a keyword of the IDL grammar (MIDL's and widl's).
bool usable_identifier(std::string_view name);

/// A constant as the literal an attribute or constant declaration needs for it to be stored
/// with the same VARTYPE and value (`5`, `-1`, `0xFFFFFFFF`, `1.5`, `"text"`); nullopt when IDL
/// has no spelling for it (a currency or date, VT_EMPTY, a string with an unencodable character).
std::optional<std::string> value_literal(const model::Value& v);

/// `0x` and eight upper-case hex digits: how ids and help contexts are written.
std::string hex32(uint32_t v);

}  // namespace tlbkit::idlw
