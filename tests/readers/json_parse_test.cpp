// The strict JSON parser under the descriptor reader: values and their positions, strings with
// every escape, numbers at their limits, and the errors RFC 8259 asks for. Layer: tests.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "readers/json/json_parse.h"

using namespace tlbkit;
using json::Node;

namespace {
json::Document ok(std::string_view text) {
  auto r = json::parse(text, 64);
  if (const auto* e = std::get_if<json::ParseError>(&r))
    FAIL("unexpected error at " << e->offset << ": " << e->message);
  return std::get<json::Document>(std::move(r));
}

json::ParseError error(std::string_view text, int depth = 64) {
  auto r = json::parse(text, depth);
  REQUIRE(std::holds_alternative<json::ParseError>(r));
  return std::get<json::ParseError>(r);
}

/// The single string value of `["..."]`.
std::string string_of(std::string_view json_text) {
  std::string text = "[" + std::string(json_text) + "]";  // the document's views point into it
  json::Document d = ok(text);
  const Node& s = d.node(d.items(d.root())[0]);
  REQUIRE(s.type == Node::Type::String);
  return std::string(s.string);
}
}  // namespace

TEST_CASE("values, containers and where each value starts") {
  std::string text = " {\"a\": [1, -2, 3.5, true, false, null, \"s\", {}, []], \"b\": {\"c\": 0}}";
  json::Document d = ok(text);
  const Node& root = d.root();
  REQUIRE(root.type == Node::Type::Object);
  CHECK(root.offset == 1);
  REQUIRE(root.count == 2);
  auto members = d.members(root);
  CHECK(members[0].key == "a");
  CHECK(members[0].key_offset == 2);
  CHECK(members[1].key == "b");
  const Node& a = d.node(members[0].value);
  REQUIRE(a.type == Node::Type::Array);
  auto items = d.items(a);
  REQUIRE(items.size() == 9);
  CHECK(d.node(items[0]).type == Node::Type::Integer);
  CHECK(d.node(items[0]).number.i == 1);
  CHECK(d.node(items[0]).offset == text.find('1'));
  CHECK(d.node(items[1]).number.i == -2);
  CHECK(d.node(items[2]).type == Node::Type::Real);
  CHECK(d.node(items[2]).number.d == 3.5);
  CHECK(d.node(items[3]).boolean);
  CHECK(d.node(items[4]).type == Node::Type::Boolean);
  CHECK_FALSE(d.node(items[4]).boolean);
  CHECK(d.node(items[5]).type == Node::Type::Null);
  CHECK(d.node(items[6]).string == "s");
  CHECK(d.node(items[7]).type == Node::Type::Object);
  CHECK(d.node(items[7]).count == 0);
  CHECK(d.node(items[8]).type == Node::Type::Array);
  const Node& b = d.node(members[1].value);
  REQUIRE(d.find(b, "c"));
  CHECK(d.node(d.find(b, "c")->value).offset == text.rfind('0'));
  CHECK_FALSE(d.find(b, "a"));
  // A repeated key is kept, for the caller to judge.
  json::Document dup = ok("{\"k\": 1, \"k\": 2}");
  CHECK(dup.root().count == 2);
  // A UTF-8 byte-order mark is skipped.
  CHECK(ok("\xEF\xBB\xBF[]").root().offset == 3);
}

TEST_CASE("strings: every escape, surrogate pairs, raw bytes as lone U+DC80…U+DCFF") {
  CHECK(string_of(R"("plain é")") == "plain \xC3\xA9");
  CHECK(string_of(R"("\"\\\/\b\f\n\r\t")") == "\"\\/\b\f\n\r\t");
  CHECK(string_of(R"("\u0041\u00e9\u20AC\u0000x")") == std::string("A\xC3\xA9\xE2\x82\xAC\0x", 8));
  CHECK(string_of(R"("\ud83d\ude00")") == "\xF0\x9F\x98\x80");
  CHECK(string_of(R"("a\udce9z\udc80")") == "a\xE9z\x80");
  CHECK(error(R"(["\ud83d"])").message == "a high surrogate escape must be followed by a low one");
  CHECK(error(R"(["\ud83dx"])").offset == 2);
  CHECK(error(R"(["\udc00"])").message == "a low surrogate escape without a high one");
  CHECK(error(R"(["\u12G4"])").message == "invalid \\u escape: four hex digits must follow");
  CHECK(error(R"(["\u12"])").message == "invalid \\u escape: four hex digits must follow");
  CHECK(error(R"(["\x"])").message == "invalid escape in a string");
  CHECK(error("[\"a\tb\"]").message == "control character in a string (it must be written as an escape)");
  CHECK(error("[\"a\tb\"]").offset == 3);
  CHECK(error("[\"\xC0\xAF\"]").message == "bytes that are not UTF-8 in a string");
  CHECK(error("[\"\xED\xA0\x80\"]").message == "bytes that are not UTF-8 in a string");
  CHECK(error("[\"abc").message == "unterminated string");
  CHECK(error("[\"abc").offset == 1);
  CHECK(error("[\"ab\\").message == "unterminated string");
}

TEST_CASE("numbers: integers kept exact to 64 bits, reals shortest-exact, the grammar enforced") {
  json::Document d = ok("[9223372036854775807, -9223372036854775808, 18446744073709551615, "
                        "18446744073709551616, 0.1, 1e308, 5e-324, -0.0, 0, 1E+2]");
  auto items = d.items(d.root());
  CHECK(d.node(items[0]).number.i == std::numeric_limits<int64_t>::max());
  CHECK(d.node(items[1]).number.i == std::numeric_limits<int64_t>::min());
  CHECK(d.node(items[2]).type == Node::Type::Unsigned);
  CHECK(d.node(items[2]).number.u == std::numeric_limits<uint64_t>::max());
  CHECK(d.node(items[3]).type == Node::Type::Real);  // beyond 64 bits: a real, like other parsers
  CHECK(d.node(items[4]).number.d == 0.1);
  CHECK(d.node(items[5]).number.d == 1e308);
  CHECK(d.node(items[6]).number.d == 5e-324);
  CHECK(std::signbit(d.node(items[7]).number.d));
  CHECK(d.node(items[8]).type == Node::Type::Integer);
  CHECK(d.node(items[9]).number.d == 100.0);
  for (const char* bad : {"[01]", "[1.]", "[.5]", "[-]", "[1e]", "[+1]", "[0x10]", "[1e400]", "[NaN]"}) {
    CAPTURE(bad);
    CHECK(std::holds_alternative<json::ParseError>(json::parse(bad, 64)));
  }
  CHECK(error("[1e400]").message == "number out of range");
  CHECK(error("[1.e5]").message == "invalid number: a digit must follow '.'");
}

TEST_CASE("structure errors name what was expected, at the byte where it was not") {
  CHECK(error("").message == "unexpected end of input; expected a value");
  CHECK(error("   ").offset == 3);
  CHECK(error("{\"a\" 1}").message == "expected ':' after a property name");
  CHECK(error("{\"a\" 1}").offset == 5);
  CHECK(error("{\"a\": 1,}").message == "expected a property name in double quotes");
  CHECK(error("{a: 1}").offset == 1);
  CHECK(error("[1,]").message == "unexpected character; expected a value");
  CHECK(error("[1 2]").message == "expected ',' or ']' after an array element");
  CHECK(error("[1, 2").message == "unexpected end of input; expected ',' or ']'");
  CHECK(error("{\"a\": 1").message == "unexpected end of input; expected ',' or '}'");
  CHECK(error("[] []").message == "unexpected text after the JSON value");
  CHECK(error("[] []").offset == 3);
  CHECK(error("[nul]").message == "invalid literal (true, false and null are the only ones)");
  CHECK(error("// comment\n[]").offset == 0);
}

TEST_CASE("nesting is limited; the limit itself is allowed") {
  CHECK(std::holds_alternative<json::Document>(json::parse(std::string(3, '[') + std::string(3, ']'), 3)));
  json::ParseError e = error(std::string(4, '[') + std::string(4, ']'), 3);
  CHECK(e.message == "JSON nested more than 3 levels deep");
  CHECK(e.offset == 3);
  // Far beyond any limit, without exhausting the stack.
  CHECK(error(std::string(1000000, '['), 256).message == "JSON nested more than 256 levels deep");
  CHECK(error(std::string(1000000, '{'), 256).message == "expected a property name in double quotes");
}
