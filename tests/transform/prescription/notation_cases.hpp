#pragma once
// Helpers for table-driven prescription tests: a line, its expected kind and the JSON fields it
// must have (a subset of the line's JSON object).

#include <gtest/gtest.h>

#include <string>

#include "core/json_codec.hpp"
#include "transform/prescription/line_parser.hpp"
#include "core/prescription_json.hpp"

namespace wodetl::prescription::testing {

struct NotationCase {
  const char* text;
  const char* kind;
  const char* fields;  //!< JSON object whose fields the result must have; see expect_fields
};

//! Checks that actual has every field of expected. Nested objects are compared the same way, so
//! they may list only some of their fields. Arrays and other values must be equal.
inline void expect_fields(const Json& actual, const Json& expected, const std::string& path) {
  for (const auto& [key, value] : expected.items()) {
    const std::string field = path.empty() ? key : path + "." + key;
    ASSERT_TRUE(actual.is_object()) << "not an object where " << field << " is expected";
    ASSERT_TRUE(actual.contains(key)) << "missing field " << field;
    if (value.is_object() && actual.at(key).is_object()) {
      expect_fields(actual.at(key), value, field);
    } else {
      EXPECT_EQ(actual.at(key), value) << "field " << field;
    }
  }
}

//! JSON of the parsed line.
inline Json parsed_json(const std::string& text) { return Json(parse_prescription_line(text)); }

//! Checks kind and every listed field of one case, each with its own assertion.
inline void expect_case(const NotationCase& notation) {
  SCOPED_TRACE(notation.text);
  const Json actual = parsed_json(notation.text);
  EXPECT_EQ(actual.at("text"), notation.text);
  EXPECT_EQ(actual.at("kind"), notation.kind) << actual.dump();
  SCOPED_TRACE(actual.dump());
  expect_fields(actual, Json::parse(notation.fields), "");
}

}  // namespace wodetl::prescription::testing
