#include "transform/part_labels.hpp"

#include <gtest/gtest.h>

namespace wodetl {
namespace {

struct LabelCase {
  const char* text;
  SegmentKind kind;
  const char* label;
  const char* rest;
};

TEST(MatchPartLabel, RecognizesLabelForms) {
  const LabelCase cases[] = {
      {"A.", SegmentKind::kPart, "A", ""},
      {"B)", SegmentKind::kPart, "B", ""},
      {"C: Back Squat 5x5", SegmentKind::kPart, "C", "Back Squat 5x5"},
      {"(D)", SegmentKind::kPart, "D", ""},
      {"A1. Bench Press x 8", SegmentKind::kPart, "A1", "Bench Press x 8"},
      {"F.", SegmentKind::kPart, "F", ""},
      {"2)", SegmentKind::kPart, "2", ""},
      {"2) Deadlift 3x5 @ 70%", SegmentKind::kPart, "2", "Deadlift 3x5 @ 70%"},
      {"(1) EMOM 12:", SegmentKind::kPart, "1", "EMOM 12:"},
      {"Suggested Warm-Up", SegmentKind::kWarmUp, "warm_up", ""},
      {"Warm-up: 400m run", SegmentKind::kWarmUp, "warm_up", "400m run"},
      {"WARMUP (10 min)", SegmentKind::kWarmUp, "warm_up", ""},
      {"Strength", SegmentKind::kPart, "strength", ""},
      {"Strength 2", SegmentKind::kPart, "strength 2", ""},
      {"METCON", SegmentKind::kPart, "metcon", ""},
      {"Option A", SegmentKind::kPart, "option a", ""},
      {"Event 4:", SegmentKind::kPart, "event 4", ""},
      {"Cash-out", SegmentKind::kPart, "cash out", ""},
      {"Skill: Handstand walk", SegmentKind::kPart, "skill", "Handstand walk"},
      {"Part B", SegmentKind::kPart, "B", ""},
      {"Part A – Complex:", SegmentKind::kPart, "A", "Complex:"},
      {"Part 2: Back Squat 5x5", SegmentKind::kPart, "2", "Back Squat 5x5"},
      {"Part C - Snatch Pull 3x3", SegmentKind::kPart, "C", "Snatch Pull 3x3"},
      {"B \u2013 Snatch Pull 3 x 3 @ 95%", SegmentKind::kPart, "B", "Snatch Pull 3 x 3 @ 95%"},
      {"D - Good Mornings 3x10", SegmentKind::kPart, "D", "Good Mornings 3x10"},
      {"Strength \u2013 Deadlift 4\u00d73 @ 80%", SegmentKind::kPart, "strength",
       "Deadlift 4\u00d73 @ 80%"},
      {"Strength 2 - Push Press 4x4", SegmentKind::kPart, "strength 2", "Push Press 4x4"},
      {"Cash-out - 50 Sit-ups", SegmentKind::kPart, "cash out", "50 Sit-ups"},
      {"Strength\u2014Deadlift 4x3 @ 80%", SegmentKind::kPart, "strength", "Deadlift 4x3 @ 80%"},
      {"Partner WOD", SegmentKind::kPart, "partner wod", ""},
      {"Team WOD: AMRAP 20", SegmentKind::kPart, "team wod", "AMRAP 20"},
      {"Workout of the Day", SegmentKind::kPart, "workout of the day", ""},
      {"Metcon (Partner)", SegmentKind::kPart, "metcon", ""},
      {"Strength/Skill", SegmentKind::kPart, "strength/skill", ""},
      {"Weightlifting:", SegmentKind::kPart, "weightlifting", ""},
  };
  for (const LabelCase& label : cases) {
    SCOPED_TRACE(label.text);
    const auto matched = match_part_label(label.text);
    ASSERT_TRUE(matched.has_value());
    EXPECT_EQ(matched->kind, label.kind);
    EXPECT_EQ(matched->label, label.label);
    EXPECT_EQ(matched->heading_rest, label.rest);
  }
}

TEST(MatchPartLabel, RecognizesIntervals) {
  const LabelCase cases[] = {
      {"Intervals", SegmentKind::kPart, "intervals", ""},
      {"INTERVALS", SegmentKind::kPart, "intervals", ""},
      {"Interval", SegmentKind::kPart, "interval", ""},
      {"Intervals:", SegmentKind::kPart, "intervals", ""},
      {"Intervals: 5 x 400m Run", SegmentKind::kPart, "intervals", "5 x 400m Run"},
      {"Intervals \u2013 6 x 200m Row", SegmentKind::kPart, "intervals", "6 x 200m Row"},
      {"Intervals (Run)", SegmentKind::kPart, "intervals", ""},
      {"Intervals 2", SegmentKind::kPart, "intervals 2", ""},
  };
  for (const LabelCase& label : cases) {
    SCOPED_TRACE(label.text);
    const auto matched = match_part_label(label.text);
    ASSERT_TRUE(matched.has_value());
    EXPECT_EQ(matched->kind, label.kind);
    EXPECT_EQ(matched->label, label.label);
    EXPECT_EQ(matched->heading_rest, label.rest);
  }

  for (const char* text : {"Intervals of 2:00 on, 1:00 off", "5 Intervals:",
                           "Interval training builds the engine you need for longer pieces"}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(match_part_label(text).has_value());
  }
}

// "P1:" and "P2 –" name partners, so they stay lines of the part above them. Other letters with a
// digit, and P alone, are still labels.
TEST(MatchPartLabel, PartnerNumbersAreNoLabels) {
  for (const char* text : {"P1: 400m Run", "P2: Max Cal Row", "P1.", "P2)", "(P1)",
                           "P2 \u2013 Max Cal Row", "P1 - 400m Run"}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(match_part_label(text).has_value());
  }

  const LabelCase cases[] = {
      {"A1. Bench Press x 8", SegmentKind::kPart, "A1", "Bench Press x 8"},
      {"B2) Row x 10", SegmentKind::kPart, "B2", "Row x 10"},
      {"C3: Plank 3 x 30 sec", SegmentKind::kPart, "C3", "Plank 3 x 30 sec"},
      {"(D1)", SegmentKind::kPart, "D1", ""},
      {"Q1.", SegmentKind::kPart, "Q1", ""},
      {"P.", SegmentKind::kPart, "P", ""},
      {"P: Farmer Carry 4 x 40m", SegmentKind::kPart, "P", "Farmer Carry 4 x 40m"},
  };
  for (const LabelCase& label : cases) {
    SCOPED_TRACE(label.text);
    const auto matched = match_part_label(label.text);
    ASSERT_TRUE(matched.has_value());
    EXPECT_EQ(matched->kind, label.kind);
    EXPECT_EQ(matched->label, label.label);
    EXPECT_EQ(matched->heading_rest, label.rest);
  }
}

TEST(MatchPartLabel, RejectsOrdinaryLines) {
  const char* lines[] = {
      "1. Take 5 minutes to work on your biggest mobility weakness",
      "1) Take 5 minutes to work on your biggest mobility weakness",
      "2. Back Squat 5x5 @ 75%",
      "E.g. use straps if your grip fails",
      "A lot of people rush this part",
      "Strength work today is lighter than usual so move fast",
      "Warm up the shoulders well before the first set",
      "Use this as a warm-up exercise.",
      "*Sets 1-2 = @ 75%",
      "3 Rounds:",
      "I \u2013 and everyone else \u2013 loved this week",
      "A - ",
      "Partner carries today are fun",
      "Team up and go",
  };
  for (const char* text : lines) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(match_part_label(text).has_value());
  }
}

TEST(FlatFieldFor, MapsLettersDigitsAndWarmUp) {
  auto field = [](SegmentKind kind, const char* label) {
    Segment segment;
    segment.kind = kind;
    segment.label = label;
    const char* name = flat_field_for(segment);
    return name == nullptr ? std::string("-") : std::string(name);
  };
  EXPECT_EQ(field(SegmentKind::kPart, "A"), "segment_a");
  EXPECT_EQ(field(SegmentKind::kPart, "A2"), "segment_a");
  EXPECT_EQ(field(SegmentKind::kPart, "E"), "segment_e");
  EXPECT_EQ(field(SegmentKind::kPart, "F"), "-");
  EXPECT_EQ(field(SegmentKind::kPart, "3"), "segment_c");
  EXPECT_EQ(field(SegmentKind::kPart, "metcon"), "-");
  EXPECT_EQ(field(SegmentKind::kWarmUp, "warm_up"), "warm_up");
  EXPECT_EQ(field(SegmentKind::kDay, ""), "-");
}

}  // namespace
}  // namespace wodetl
