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
//! they may list only some of their fields. Arrays and other values must be equal, except that with
//! objects_in_arrays the objects of an array of the same size are compared field by field too.
inline void expect_fields(const Json& actual, const Json& expected, const std::string& path,
                          bool objects_in_arrays = false) {
  for (const auto& [key, value] : expected.items()) {
    const std::string field = path.empty() ? key : path + "." + key;
    ASSERT_TRUE(actual.is_object()) << "not an object where " << field << " is expected";
    ASSERT_TRUE(actual.contains(key)) << "missing field " << field;
    const Json& actual_value = actual.at(key);
    if (value.is_object() && actual_value.is_object()) {
      expect_fields(actual_value, value, field, objects_in_arrays);
    } else if (objects_in_arrays && value.is_array() && actual_value.is_array() && !value.empty() &&
               value.front().is_object()) {
      ASSERT_EQ(actual_value.size(), value.size()) << "field " << field;
      for (std::size_t index = 0; index < value.size(); ++index) {
        expect_fields(actual_value[index], value[index], field + "[" + std::to_string(index) + "]",
                      true);
      }
    } else {
      EXPECT_EQ(actual_value, value) << "field " << field;
    }
  }
}

//! JSON of the parsed line.
inline Json parsed_json(const std::string& text) { return Json(parse_prescription_line(text)); }

//! JSON of a parsed line without the text, the names as written and the remarks, which keep the
//! typography of the line.
inline Json structure_of(const std::string& text) {
  Json json = parsed_json(text);
  json.erase("text");
  const auto drop_written = [](Json& movement_fields) {
    if (movement_fields.contains("movements")) {
      for (Json& movement : movement_fields["movements"]) {
        movement.erase("name");
      }
    }
    movement_fields.erase("remark");
    // A warning may quote the line as written, where WordPress put no-break spaces.
    if (movement_fields.contains("warning") && movement_fields["warning"].is_string()) {
      std::string warning = movement_fields["warning"].get<std::string>();
      for (std::size_t at = warning.find("\xC2\xA0"); at != std::string::npos;
           at = warning.find("\xC2\xA0", at)) {
        warning.replace(at, 2, " ");
      }
      movement_fields["warning"] = warning;
    }
  };
  drop_written(json);
  if (json.contains("movement")) {
    drop_written(json["movement"]);
  }
  return json;
}

//! The line as WordPress prints it: an "x" standing alone or between digits becomes U+00D7,
//! hyphens en dashes, quotes curly (a quote after a digit a prime), "..." U+2026, and every space
//! U+00A0.
inline std::string texturize(const std::string& plain) {
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::string out;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    const char c = plain[i];
    const char before = i > 0 ? plain[i - 1] : ' ';
    const char after = i + 1 < plain.size() ? plain[i + 1] : ' ';
    if (c == 'x' && !is_letter(before) && !is_letter(after)) {
      out += "\u00D7";
    } else if (c == '-') {
      out += "\u2013";
    } else if (c == '\'') {
      out += is_digit(before) ? "\u2032" : "\u2019";
    } else if (c == '"') {
      out += is_digit(before) ? "\u2033" : is_letter(after) ? "\u201C" : "\u201D";
    } else if (plain.compare(i, 3, "...") == 0) {
      out += "\u2026";
      i += 2;
    } else if (c == ' ') {
      out += "\u00A0";
    } else {
      out += c;
    }
  }
  return out;
}

//! Checks kind and every listed field of one case, each with its own assertion.
inline void expect_case(const NotationCase& notation) {
  SCOPED_TRACE(notation.text);
  const Json actual = parsed_json(notation.text);
  EXPECT_EQ(actual.at("text"), notation.text);
  EXPECT_EQ(actual.at("kind"), notation.kind) << actual.dump();
  SCOPED_TRACE(actual.dump());
  expect_fields(actual, Json::parse(notation.fields), "");
}

//! Checks kind and listed fields like expect_case, with the objects in arrays (movements, steps)
//! also listing only some of their fields, and then that the texturized line parses to the same
//! structure.
inline void expect_case_and_texturized(const NotationCase& notation) {
  {
    SCOPED_TRACE(notation.text);
    const Json actual = parsed_json(notation.text);
    EXPECT_EQ(actual.at("kind"), notation.kind) << actual.dump();
    SCOPED_TRACE(actual.dump());
    expect_fields(actual, Json::parse(notation.fields), "", true);
  }
  const std::string texturized = texturize(notation.text);
  SCOPED_TRACE(texturized);
  EXPECT_EQ(structure_of(texturized), structure_of(notation.text));
}

}  // namespace wodetl::prescription::testing
