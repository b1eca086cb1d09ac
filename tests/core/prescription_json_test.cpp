#include "core/prescription_json.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "support/fixtures.hpp"
#include "transform/prescription/line_parser.hpp"

namespace wodetl::prescription {
namespace {

std::vector<std::string> read_lines(const std::string& relative) {
  std::istringstream text(wodetl::testing::read_file(wodetl::testing::case_path(relative)));
  std::vector<std::string> lines;
  for (std::string line; std::getline(text, line);) {
    lines.push_back(line);
  }
  return lines;
}

// tests/cases/prescription/sample_part.json contains one line of every kind. Comparing ordered
// JSON also checks the order of the fields.
TEST(ExplainJson, MatchesSamplePart) {
  const Json expected = Json::parse(
      wodetl::testing::read_file(wodetl::testing::case_path("prescription/sample_part.json")));
  const std::vector<std::string> lines = read_lines("prescription/sample_part.txt");
  const Json actual = explain_json(parse_prescription_lines(lines));
  EXPECT_EQ(actual, expected) << actual.dump(2);
}

TEST(ExplainJson, EmptyPart) {
  EXPECT_EQ(explain_json({}).dump(), R"({"lines":[]})");
}

TEST(ExplainJson, NoteHasOnlyTextAndKind) {
  EXPECT_EQ(Json(parse_prescription_line("Great work today")).dump(),
            R"({"text":"Great work today","kind":"note"})");
}

TEST(ExplainJson, WritesFractionsAsNumbers) {
  const Json line = parse_prescription_line("Snatch x 2 @ 72.5%");
  EXPECT_EQ(line.at("percent").at("min").get<double>(), 72.5);
  EXPECT_TRUE(line.at("reps").at("min").is_number_integer());
}

TEST(ExplainJson, ExtraFieldsOnlyWhenSet) {
  const Json plain = parse_prescription_line("Back Squat x 5 reps");
  for (const char* extra :
       {"grouping", "remark", "load", "calories", "rep_scheme", "sets_range", "rpe", "at_least"}) {
    EXPECT_FALSE(plain.contains(extra)) << extra;
  }
  const Json scheme = parse_prescription_line("AMRAP 10");
  EXPECT_FALSE(scheme.contains("warning"));
  EXPECT_FALSE(scheme.contains("movement"));
}

}  // namespace
}  // namespace wodetl::prescription
