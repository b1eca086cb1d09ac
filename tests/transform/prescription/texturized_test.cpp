// WordPress rewrites what coaches type: "x" between digits becomes U+00D7, dashes become en and
// em dashes, quotes become curly, "..." becomes U+2026 and spaces may be U+00A0. Each pair below
// must parse the same apart from the text as written.

#include <gtest/gtest.h>

#include "core/json_codec.hpp"
#include "core/prescription_json.hpp"
#include "transform/prescription/line_parser.hpp"

namespace wodetl::prescription {
namespace {

// JSON of a parsed line without the text and the names as written, which keep the typography.
Json structure_of(const std::string& text) {
  Json json = parse_prescription_line(text);
  json.erase("text");
  const auto drop_names = [](Json& movements) {
    for (Json& movement : movements) {
      movement.erase("name");
    }
  };
  if (json.contains("movements")) {
    drop_names(json["movements"]);
  }
  if (json.contains("movement")) {
    drop_names(json["movement"]["movements"]);
  }
  if (json.contains("remark")) {
    json.erase("remark");
  }
  return json;
}

struct TexturizedPair {
  const char* plain;
  const char* texturized;
};

TEST(TexturizedLines, ParseLikePlainText) {
  const TexturizedPair pairs[] = {
      {"Back Squat 5x5 @ 75%", "Back Squat 5\u00D75 @ 75%"},
      {"Front Squat x 3 reps @ 75-85%", "Front Squat \u00D7 3 reps @ 75\u201385%"},
      {"*Sets 4-5 = @ 75% of 1-RM Snatch", "*Sets 4\u20135 = @ 75% of 1\u2013RM Snatch"},
      {"*Sets 1-2 = 8 reps @ 65-70%", "*Sets 1\u20132\u00A0= 8 reps @\u00A065\u201370%"},
      {"Every 2:30, for 15 minutes (6 sets):", "Every\u00A02:30, for 15\u00A0minutes (6 sets):"},
      {"Deadlift 5-4-3-2-1", "Deadlift 5\u20144\u20143\u20142\u20141"},
      {"1-2-3-...-10", "1\u20132\u20133\u2013\u2026\u201310"},
      {"Snatch x 1 @ 90% of today's top set", "Snatch x 1 @ 90% of today\u2019s top set"},
      {"Box Jumps x 10 @ 24/20\"", "Box Jumps x 10 @ 24/20\u2033"},
      {"Sled Push 80'", "Sled Push 80\u2032"},
      {"Power Snatch x 2 @ 70-75%", "Power Snatch \u00D7 2 @ 70\u201475%"},
      {"In 24 minutes, establish a 1-RM Back Squat",
       "In 24 minutes, establish a 1\u2013RM Back\u00A0Squat"},
      {"Pull-Ups x 8 reps", "Pull\u2011Ups x 8 reps"},
      {"10 Air Squats, 10 Pushups, 10 V-Ups", "10 Air Squats,\u00A010 Pushups, 10 V\u2013Ups"},
      {"Rest 60 seconds", "Rest\u00A060\u00A0seconds"},
      {"Followed by...", "Followed by\u2026"},
  };
  for (const TexturizedPair& pair : pairs) {
    SCOPED_TRACE(pair.texturized);
    EXPECT_EQ(structure_of(pair.texturized), structure_of(pair.plain));
  }
}

TEST(TexturizedLines, KeepTextAndNamesAsWritten) {
  const std::string text = "Single\u2013Arm DB Row \u00D7 8 reps";
  const ParsedLine line = parse_prescription_line(text);
  ASSERT_EQ(line.kind, LineKind::kMovement);
  EXPECT_EQ(line.text, text);
  ASSERT_EQ(line.movement()->movements.size(), 1U);
  EXPECT_EQ(line.movement()->movements[0].name, "Single\u2013Arm DB Row");
  EXPECT_EQ(line.movement()->movements[0].canonical, "single arm dumbbell row");
}

TEST(TexturizedLines, NoBreakSpaceInNameShownAsSpace) {
  const Json json = parse_prescription_line("Clean\u00A0Pull x 2 reps");

  ASSERT_EQ(json["movements"].size(), 1U);
  EXPECT_EQ(json["movements"][0]["name"], "Clean Pull");
  EXPECT_EQ(json["movements"][0]["canonical"], "clean pull");
}

TEST(WithPlainSpaces, ReplacesEachNoBreakSpace) {
  EXPECT_EQ(with_plain_spaces("Snatch\u00A0+\u00A0Hip Snatch"), "Snatch + Hip Snatch");
  EXPECT_EQ(with_plain_spaces("\u00A0Clean"), " Clean");
  EXPECT_EQ(with_plain_spaces("Clean\u202FPull"), "Clean Pull");
  EXPECT_EQ(with_plain_spaces("Single\u2013Arm DB Row"), "Single\u2013Arm DB Row");
  EXPECT_EQ(with_plain_spaces("\u00E9\u2026"), "\u00E9\u2026");
  EXPECT_EQ(with_plain_spaces(""), "");
}

}  // namespace
}  // namespace wodetl::prescription
