// The quantity rules that write into a caller's value: what they replace, what they keep and what
// a failed read leaves behind.

#include "transform/prescription/quantities.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "transform/prescription/notation_cases.hpp"
#include "transform/prescription/tokens.hpp"

namespace wodetl::prescription {
namespace {

// Tokens of one line and a cursor over all of them.
struct TokenizedText {
  explicit TokenizedText(std::string line_text) : text(std::move(line_text)) {
    tokenize(text, line);
  }
  Cursor cursor() const { return Cursor(line, 0, line.token_count); }
  GrammarContext context() const { return GrammarContext{text, default_vocabulary()}; }

  std::string text;
  TokenizedLine line;
};

TEST(ReadIntensity, ReplacesOnlyPartsItReads) {
  Intensity intensity;
  intensity.percent = Range{75, 75};
  intensity.of = RmRef{.rm = 1, .lift = "snatch"};

  const TokenizedText rpe("RPE 8");
  Cursor rpe_cursor = rpe.cursor();
  ASSERT_TRUE(read_intensity(rpe_cursor, rpe.context(), intensity));
  EXPECT_TRUE(rpe_cursor.at_end());
  EXPECT_EQ(intensity.rpe, (Range{8, 8}));
  EXPECT_EQ(intensity.percent, (Range{75, 75}));
  EXPECT_EQ(intensity.of, (RmRef{.rm = 1, .lift = "snatch"}));

  const TokenizedText percent("@ 80%+");
  Cursor percent_cursor = percent.cursor();
  ASSERT_TRUE(read_intensity(percent_cursor, percent.context(), intensity));
  EXPECT_EQ(intensity.percent, (Range{80, 80}));
  EXPECT_TRUE(intensity.at_least);
  EXPECT_EQ(intensity.of, (RmRef{.rm = 1, .lift = "snatch"}));
  EXPECT_EQ(intensity.rpe, (Range{8, 8}));

  const TokenizedText reference("@ 3-RM Back Squat weight");
  Cursor reference_cursor = reference.cursor();
  ASSERT_TRUE(read_intensity(reference_cursor, reference.context(), intensity));
  EXPECT_TRUE(reference_cursor.at_end());
  EXPECT_EQ(intensity.of, (RmRef{.rm = 3, .lift = "back squat"}));
  EXPECT_EQ(intensity.percent, (Range{80, 80}));
}

TEST(ReadIntensity, FailedReadWritesNothing) {
  Intensity intensity;
  intensity.percent = Range{60, 65};
  intensity.of = RmRef{.rm = 1, .lift = "deadlift"};
  const Intensity before = intensity;

  // "@" followed by neither a percentage nor a rep max, so the reference read fails halfway.
  const TokenizedText text("@ 5 Snatch");
  Cursor cursor = text.cursor();
  EXPECT_FALSE(read_intensity(cursor, text.context(), intensity));
  EXPECT_EQ(cursor.position(), 0U);
  EXPECT_EQ(intensity, before);
}

TEST(ReadIntensity, ReferenceKeptWhenOfFails) {
  Intensity intensity;
  intensity.of = RmRef{.rm = 1, .lift = "clean"};
  const TokenizedText text("75% of the bar");
  Cursor cursor = text.cursor();
  ASSERT_TRUE(read_intensity(cursor, text.context(), intensity));
  EXPECT_EQ(intensity.percent, (Range{75, 75}));
  EXPECT_EQ(intensity.of, (RmRef{.rm = 1, .lift = "clean"}));
  EXPECT_TRUE(cursor.is_word("of"));  // "of the bar" is left unread
}

TEST(ReadLiftName, KeepsLiftWithoutWords) {
  std::string lift = "snatch";
  const TokenizedText text("@ 80%");
  Cursor cursor = text.cursor();
  EXPECT_FALSE(read_lift_name(cursor, text.context(), lift));
  EXPECT_EQ(lift, "snatch");
  EXPECT_EQ(cursor.position(), 0U);
}

TEST(ReadLiftName, PrefersLongestKnownName) {
  std::string lift;
  const TokenizedText text("Power Clean for the day");
  Cursor cursor = text.cursor();
  ASSERT_TRUE(read_lift_name(cursor, text.context(), lift));
  EXPECT_EQ(lift, "power clean");
  EXPECT_TRUE(cursor.is_word("for"));
}

// A movement line reads its tail's intensities into one value: a later part replaces only what
// it states.
TEST(MovementTail, MergesIntensityParts) {
  const testing::NotationCase cases[] = {
      {"Back Squat 5x5 @ 75%, RPE 8", "movement",
       R"json({"percent":{"min":75,"max":75},"rpe":{"min":8,"max":8},"of":null})json"},
      // A second percentage after a comma is a set of its own, with the reps and reference of
      // the one before.
      {"Snatch x 2 @ 75% of 1-RM Snatch, @ 80%", "movement",
       R"json({"percent":null,"sets":2,"steps":[{"reps":{"min":2,"max":2},"percent":{"min":75,"max":75},"of":{"rm":1,"lift":"snatch"}},{"reps":{"min":2,"max":2},"percent":{"min":80,"max":80},"of":{"rm":1,"lift":"snatch"}}]})json"},
      {"Front Squat x 3 @ 3-RM Front Squat weight, RPE 9", "movement",
       R"json({"percent":null,"of":{"rm":3,"lift":"front squat"},"rpe":{"min":9,"max":9}})json"},
  };
  for (const testing::NotationCase& notation : cases) {
    testing::expect_case(notation);
  }
}

}  // namespace
}  // namespace wodetl::prescription
