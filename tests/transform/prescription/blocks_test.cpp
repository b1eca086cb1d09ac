#include "transform/prescription/blocks.hpp"

#include <gtest/gtest.h>

#include <deque>

#include "transform/prescription/line_parser.hpp"

namespace wodetl::prescription {
namespace {

// Parsed lines view their texts, so every test's texts are kept until the program ends.
std::vector<ParsedLine> parse(std::vector<std::string> lines) {
  static std::deque<std::vector<std::string>> kept;
  return parse_prescription_lines(kept.emplace_back(std::move(lines)));
}

TEST(BuildBlocks, FollowedBySplitsBlocks) {
  const auto lines =
      parse({"Every minute, on the minute, for 3 minutes (3 sets):", "Snatch Press x 4 reps",
             "Build over the course of the three sets.", "Followed by…",
             "Every 90 seconds, for 4:30 (3 sets):", "3-Position Snatch x 1 rep"});
  const auto blocks = build_blocks(lines);
  ASSERT_EQ(blocks.size(), 2U);
  EXPECT_EQ(blocks[0].scheme_line, 0U);
  EXPECT_EQ(blocks[0].movement_lines, (std::vector<std::size_t>{1}));
  EXPECT_EQ(blocks[0].note_lines, (std::vector<std::size_t>{2}));
  EXPECT_EQ(blocks[1].scheme_line, 4U);
  EXPECT_EQ(blocks[1].movement_lines, (std::vector<std::size_t>{5}));
  EXPECT_EQ(blocks[1].sets.size(), 3U);
}

TEST(BuildBlocks, TableAppliesToRightSets) {
  const auto lines = parse({"Every 3 minutes, for 18 minutes (6 sets):", "Back Squat",
                            "*Sets 1-2 = 8 reps @ 65-70%", "*Sets 3-4 = 5 reps @ 75-80%",
                            "*Sets 5-6 = 3 reps @ 85-90%"});
  const auto blocks = build_blocks(lines);
  ASSERT_EQ(blocks.size(), 1U);
  ASSERT_EQ(blocks[0].sets.size(), 6U);
  EXPECT_EQ(blocks[0].intensity_lines, (std::vector<std::size_t>{2, 3, 4}));
  EXPECT_EQ(blocks[0].sets[0].reps, (CountRange{8, 8}));
  EXPECT_EQ(blocks[0].sets[1].intensity.percent, (Range{65, 70}));
  EXPECT_EQ(blocks[0].sets[3].reps, (CountRange{5, 5}));
  EXPECT_EQ(blocks[0].sets[5].intensity.percent, (Range{85, 90}));
}

// A row that names no lift takes the lift an earlier row named, not the first lift of the complex.
TEST(BuildBlocks, RowsKeepEarlierRowLift) {
  const auto lines =
      parse({"Every 2 minutes, for 6 minutes (3 sets):", "Snatch High Pull + Snatch x 2+1",
             "Set 1 - @ 68% of 1-RM Snatch", "Sets 2-3 - @ 72%"});
  const auto blocks = build_blocks(lines);
  ASSERT_EQ(blocks.size(), 1U);
  ASSERT_EQ(blocks[0].sets.size(), 3U);
  for (const SetPrescription& set : blocks[0].sets) {
    ASSERT_TRUE(set.intensity.of.has_value());
    EXPECT_EQ(set.intensity.of->lift, "snatch");
  }
  EXPECT_EQ(blocks[0].sets[2].intensity.percent, (Range{72, 72}));
}

TEST(BuildBlocks, MovementIntensityFillsEverySet) {
  const auto lines = parse({"Every minute, on the minute, for 7 minutes (7 sets):",
                            "Power Clean x 1 rep @ 80% of 1-RM Power Clean"});
  const auto blocks = build_blocks(lines);
  ASSERT_EQ(blocks.size(), 1U);
  ASSERT_EQ(blocks[0].sets.size(), 7U);
  for (const SetPrescription& set : blocks[0].sets) {
    EXPECT_EQ(set.intensity.percent, (Range{80, 80}));
    ASSERT_TRUE(set.intensity.of.has_value());
    EXPECT_EQ(set.intensity.of->lift, "power clean");
  }
}

TEST(BuildBlocks, SupersetStaysOneBlock) {
  const auto lines =
      parse({"Three sets of:", "Chin-ups x 10 reps", "V-Ups x 40 seconds", "Rest 60 seconds"});
  const auto blocks = build_blocks(lines);
  ASSERT_EQ(blocks.size(), 1U);
  EXPECT_EQ(blocks[0].movement_lines, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(blocks[0].rest_lines, (std::vector<std::size_t>{3}));
  EXPECT_EQ(blocks[0].sets.size(), 3U);
}

// The reps and percentage a scheme line states without a name are those of the movements below.
TEST(BuildBlocks, SchemeQuantitiesApplyBelow) {
  struct Case {
    std::vector<std::string> lines;
    std::size_t sets;
    int reps;
    double percent;
  };
  const Case cases[] = {
      {{"5 sets of 3 reps @ 80%:", "Snatch"}, 5, 3, 80},
      {{"5 sets of 3 @ 80%:", "Snatch"}, 5, 3, 80},
      {{"EMOM 8 @ 70%", "Snatch x 2"}, 8, 2, 70},
      // The movement's own intensity wins.
      {{"EMOM 8 @ 70%", "Snatch x 2 @ 75%"}, 8, 2, 75},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.lines.front());
    const auto blocks = build_blocks(parse(test.lines));
    ASSERT_EQ(blocks.size(), 1U);
    ASSERT_EQ(blocks[0].sets.size(), test.sets);
    for (const SetPrescription& set : blocks[0].sets) {
      EXPECT_EQ(set.reps, (CountRange{test.reps, test.reps}));
      EXPECT_EQ(set.intensity.percent, (Range{test.percent, test.percent}));
    }
  }
}

// A first line with reps only gives them to the lines after it, which give the sets.
TEST(BuildBlocks, RepsLineThenSetsLine) {
  const auto blocks = build_blocks(parse({"Snatch x 2", "3 sets @ 80%"}));
  ASSERT_EQ(blocks.size(), 1U);
  ASSERT_EQ(blocks[0].sets.size(), 3U);
  for (const SetPrescription& set : blocks[0].sets) {
    EXPECT_EQ(set.reps, (CountRange{2, 2}));
    EXPECT_EQ(set.intensity.percent, (Range{80, 80}));
  }
}

TEST(BuildBlocks, SupersetCountGivesSets) {
  const auto blocks =
      build_blocks(parse({"Superset (4 sets):", "Bench Press x 6 @ 75%", "Chin-ups x 6"}));
  ASSERT_EQ(blocks.size(), 1U);
  EXPECT_EQ(blocks[0].scheme_line, 0U);
  EXPECT_EQ(blocks[0].movement_lines, (std::vector<std::size_t>{1, 2}));
  ASSERT_EQ(blocks[0].sets.size(), 4U);
  for (const SetPrescription& set : blocks[0].sets) {
    EXPECT_EQ(set.reps, (CountRange{6, 6}));
    EXPECT_EQ(set.intensity.percent, (Range{75, 75}));
  }
}

TEST(BuildBlocks, FiveThreeOneHeadingUsesTrainingMax) {
  const auto blocks = build_blocks(parse({"Deadlift 5/3/1", "65% x 5", "75% x 5", "85% x 5+"}));
  ASSERT_EQ(blocks.size(), 1U);
  ASSERT_EQ(blocks[0].sets.size(), 3U);
  for (const SetPrescription& set : blocks[0].sets) {
    ASSERT_TRUE(set.intensity.of.has_value());
    EXPECT_TRUE(set.intensity.of->training_max);
  }
  // A reference the line names wins, and a lift without the program's name keeps the 1-RM.
  const auto named = build_blocks(parse({"Press 5/3/1 Week 3", "75% x 5", "85% x 3 @ 90% of 1RM"}));
  ASSERT_EQ(named.size(), 1U);
  ASSERT_EQ(named[0].sets.size(), 2U);
  EXPECT_TRUE(named[0].sets[0].intensity.of->training_max);
  EXPECT_FALSE(named[0].sets[1].intensity.of->training_max);
  const auto plain = build_blocks(parse({"Deadlift", "65% x 5", "75% x 5"}));
  ASSERT_EQ(plain.size(), 1U);
  ASSERT_EQ(plain[0].sets.size(), 2U);
  for (const SetPrescription& set : plain[0].sets) {
    EXPECT_FALSE(set.intensity.of.has_value() && set.intensity.of->training_max);
  }
}

TEST(BuildBlocks, CountedLineAfterNamedClock) {
  const auto blocks = build_blocks(parse({"EMOM 10: 3 Power Cleans @ 70%", "Pendlay Row 4 x 8"}));
  ASSERT_EQ(blocks.size(), 2U);
  EXPECT_EQ(blocks[0].sets.size(), 10U);
  EXPECT_EQ(blocks[1].movement_lines, (std::vector<std::size_t>{1}));
  EXPECT_EQ(blocks[1].sets.size(), 4U);
  // A movement after the colon that states its own count shares the clock with the line below.
  const auto shared = build_blocks(parse({"E2MOM x 10: Snatch 5 x 2 @ 70%", "Clean & Jerk 5 x 1"}));
  ASSERT_EQ(shared.size(), 1U);
  // Lines without a count of their own are the clock's movements.
  const auto listed = build_blocks(parse({"AMRAP 12: 5 Pull-ups", "10 Push-ups", "15 Air Squats"}));
  ASSERT_EQ(listed.size(), 1U);
}

TEST(BuildBlocks, RepSequenceHeadsLinesBelow) {
  const auto blocks = build_blocks(parse({"21-15-9:", "Power Cleans @ 60%", "Burpees"}));
  ASSERT_EQ(blocks.size(), 1U);
  EXPECT_EQ(blocks[0].movement_lines, (std::vector<std::size_t>{1, 2}));
  ASSERT_EQ(blocks[0].sets.size(), 3U);
  EXPECT_EQ(blocks[0].sets[0].reps, (CountRange{21, 21}));
  EXPECT_EQ(blocks[0].sets[2].reps, (CountRange{9, 9}));
}

TEST(BuildBlocks, SupersetTimesCountGivesSets) {
  const auto blocks =
      build_blocks(parse({"Superset x 3:", "Bench Press x 6 @ 75%", "Chin-ups x 6"}));
  ASSERT_EQ(blocks.size(), 1U);
  EXPECT_EQ(blocks[0].movement_lines, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(blocks[0].sets.size(), 3U);
}

TEST(BuildBlocks, SharedRepsForNamedMovements) {
  const auto blocks = build_blocks(parse({"Superset 3 x 10: Dips, Pull-ups"}));
  ASSERT_EQ(blocks.size(), 1U);
  ASSERT_EQ(blocks[0].sets.size(), 3U);
  for (const SetPrescription& set : blocks[0].sets) {
    EXPECT_EQ(set.reps, (CountRange{10, 10}));
  }
}

TEST(BuildBlocks, TimeCapJoinsRepSequenceOfMovements) {
  const auto blocks = build_blocks(parse({"21-15-9: Thrusters, Pull-ups", "TC: 12 min"}));
  ASSERT_EQ(blocks.size(), 1U);
  EXPECT_EQ(blocks[0].movement_lines, (std::vector<std::size_t>{0}));
  EXPECT_EQ(blocks[0].note_lines, (std::vector<std::size_t>{1}));
}

TEST(BuildBlocks, PercentageCountWarning) {
  const auto blocks = build_blocks(parse({"Back Squat 3 x 5 @ 70%, 75%, 80%, 85%"}));
  ASSERT_EQ(blocks.size(), 1U);
  ASSERT_EQ(blocks[0].warnings.size(), 1U);
  EXPECT_NE(blocks[0].warnings[0].find("lists 4 percentages for 3 sets"), std::string::npos)
      << blocks[0].warnings[0];
}

TEST(BuildBlocks, TargetIsOwnBlock) {
  const auto lines = parse({"In 24 minutes, establish a 1-RM Back Squat"});
  const auto blocks = build_blocks(lines);
  ASSERT_EQ(blocks.size(), 1U);
  EXPECT_EQ(blocks[0].target_line, 0U);
  EXPECT_TRUE(blocks[0].sets.empty());
}

TEST(BuildBlocks, MovementsWithoutSchemeAreSeparate) {
  const auto lines = parse({"Back Squat 5x5 @ 75%", "Front Squat x 3 reps @ 80%"});
  const auto blocks = build_blocks(lines);
  ASSERT_EQ(blocks.size(), 2U);
  EXPECT_EQ(blocks[0].sets.size(), 5U);
  EXPECT_TRUE(blocks[1].sets.empty());  // the line states no count
}

TEST(BuildBlocks, ClockWithoutCountHasNoSets) {
  const auto blocks = build_blocks(parse({"AMRAP 12:", "5 Thrusters @ 50%", "10 Burpees"}));
  ASSERT_EQ(blocks.size(), 1U);
  EXPECT_TRUE(blocks[0].sets.empty());
}

// Each step of a wave on the movement line is one set, as for a wave on its own line.
TEST(BuildBlocks, WaveOnMovementLineGivesSets) {
  const std::vector<std::vector<std::string>> parts = {
      {"Back Squat x 4@70%, 3@76%"},
      {"Back Squat: 4@70% 3@76%"},
      {"Back Squat", "4@70%, 3@76%"},
  };
  for (const auto& part : parts) {
    SCOPED_TRACE(part.back());
    const auto blocks = build_blocks(parse(part));
    ASSERT_EQ(blocks.size(), 1U);
    ASSERT_EQ(blocks[0].sets.size(), 2U);
    EXPECT_EQ(blocks[0].sets[0].reps, (CountRange{4, 4}));
    EXPECT_EQ(blocks[0].sets[0].intensity.percent, (Range{70, 70}));
    EXPECT_EQ(blocks[0].sets[1].reps, (CountRange{3, 3}));
    EXPECT_EQ(blocks[0].sets[1].intensity.percent, (Range{76, 76}));
    EXPECT_TRUE(blocks[0].warnings.empty());
  }
}

TEST(BuildBlocks, WarnsForWavePastCount) {
  const auto blocks =
      build_blocks(parse({"Three sets of:", "Deadlift x 5@70%, 5@75%, 5@80%, 5@85%"}));
  ASSERT_EQ(blocks.size(), 1U);
  ASSERT_EQ(blocks[0].sets.size(), 3U);
  EXPECT_EQ(blocks[0].sets[2].intensity.percent, (Range{80, 80}));
  ASSERT_EQ(blocks[0].warnings.size(), 1U);
  EXPECT_EQ(blocks[0].warnings[0],
            "\"Deadlift x 5@70%, 5@75%, 5@80%, 5@85%\" names sets 1-4, but the scheme states 3 "
            "sets: set 4 left out");
}

TEST(BuildBlocks, WarnsForSetZero) {
  const auto blocks = build_blocks(parse({"Back Squat x 5", "*Sets 0-2 = @ 75%"}));
  ASSERT_EQ(blocks.size(), 1U);
  ASSERT_EQ(blocks[0].warnings.size(), 1U);
  EXPECT_EQ(blocks[0].warnings[0],
            "\"*Sets 0-2 = @ 75%\" names set 0, but sets are numbered from 1: it applies to sets "
            "1-2");
  ASSERT_EQ(blocks[0].sets.size(), 2U);
  EXPECT_EQ(blocks[0].sets[0].intensity.percent, (Range{75, 75}));

  const auto only_zero = build_blocks(parse({"Back Squat x 5", "*Set 0 = @ 75%"}));
  ASSERT_EQ(only_zero.size(), 1U);
  ASSERT_EQ(only_zero[0].warnings.size(), 1U);
  EXPECT_EQ(only_zero[0].warnings[0],
            "\"*Set 0 = @ 75%\" names set 0, but sets are numbered from 1: the row applies to no "
            "set");
}

TEST(BuildBlocks, MinutesBeforeEmomGiveSets) {
  const auto blocks = build_blocks(parse({"14 min EMOM", "Snatch x 1 @ 80%"}));
  ASSERT_EQ(blocks.size(), 1U);
  EXPECT_EQ(blocks[0].movement_lines, (std::vector<std::size_t>{1}));
  EXPECT_EQ(blocks[0].sets.size(), 14U);
}

TEST(BuildBlocks, SchemeSequenceGivesReps) {
  for (const auto& part :
       std::vector<std::vector<std::string>>{{"21-15-9 reps of:", "Thrusters, Pull-ups"},
                                             {"21-15-9 for time:", "Thrusters", "Pull-ups"},
                                             {"21-15-9 Thrusters, Pull-ups"}}) {
    SCOPED_TRACE(part.front());
    const auto blocks = build_blocks(parse(part));
    ASSERT_EQ(blocks.size(), 1U);
    ASSERT_EQ(blocks[0].sets.size(), 3U);
    EXPECT_EQ(blocks[0].sets[0].reps, (CountRange{21, 21}));
    EXPECT_EQ(blocks[0].sets[2].reps, (CountRange{9, 9}));
  }
}

// A note ending in a colon after work that already has its movements heads a block of its own:
// the rounds before it do not take the lines it introduces.
TEST(BuildBlocks, HeadingOpensGroup) {
  const auto lines =
      parse({"1 Round: Plank Hold for 1 minute", "With a light bar:", "6 Deadlift, 6 Press",
             "3 Hang Power Cleans", "*Rest briefly between lines"});
  const auto blocks = build_blocks(lines);
  ASSERT_EQ(blocks.size(), 2U);
  EXPECT_EQ(blocks[0].scheme_line, 0U);
  EXPECT_TRUE(blocks[0].movement_lines.empty());
  EXPECT_TRUE(blocks[0].note_lines.empty());
  EXPECT_EQ(blocks[0].sets.size(), 1U);
  EXPECT_FALSE(blocks[1].scheme_line.has_value());
  EXPECT_EQ(blocks[1].heading_line, 1U);
  EXPECT_EQ(blocks[1].movement_lines, (std::vector<std::size_t>{2, 3}));
  EXPECT_EQ(blocks[1].note_lines, (std::vector<std::size_t>{4}));
  EXPECT_TRUE(blocks[1].sets.empty());
}

TEST(BuildBlocks, HeadingAfterRoundsMovements) {
  const auto blocks = build_blocks(parse(
      {"2 Rounds:", "10 Air Squats, 10 Sit-ups", "With a light bar:", "6 Front Squat, 6 Press"}));
  ASSERT_EQ(blocks.size(), 2U);
  EXPECT_EQ(blocks[0].movement_lines, (std::vector<std::size_t>{1}));
  EXPECT_EQ(blocks[0].sets.size(), 2U);
  EXPECT_EQ(blocks[1].heading_line, 2U);
  EXPECT_EQ(blocks[1].movement_lines, (std::vector<std::size_t>{3}));
}

// Before the scheme has its movements, such a note is one of the scheme's notes.
TEST(BuildBlocks, HeadingUnderOpenSchemeStaysNote) {
  const auto blocks = build_blocks(
      parse({"Every 2 minutes x 5:", "Complete the following:", "Snatch x 2", "Clean x 1"}));
  ASSERT_EQ(blocks.size(), 1U);
  EXPECT_FALSE(blocks[0].heading_line.has_value());
  EXPECT_EQ(blocks[0].note_lines, (std::vector<std::size_t>{1}));
  EXPECT_EQ(blocks[0].movement_lines, (std::vector<std::size_t>{2, 3}));
  EXPECT_EQ(blocks[0].sets.size(), 5U);
  // Without movements after it, the note opens nothing.
  const auto trailing = build_blocks(parse({"Snatch x 2", "Notes:", "Keep the bar close"}));
  ASSERT_EQ(trailing.size(), 1U);
  EXPECT_EQ(trailing[0].note_lines, (std::vector<std::size_t>{1, 2}));
}

TEST(BuildBlocks, WarnsWhenTableNamesSetsPastCount) {
  const auto lines = parse({"Three sets of:", "Snatch x 2 reps", "*Sets 1-3 = @ 70%",
                            "*Sets 4-5 = @ 75% of 1-RM Snatch"});
  const auto blocks = build_blocks(lines);
  ASSERT_EQ(blocks.size(), 1U);
  EXPECT_EQ(blocks[0].sets.size(), 3U);
  ASSERT_EQ(blocks[0].warnings.size(), 1U);
  EXPECT_EQ(blocks[0].warnings[0],
            "\"*Sets 4-5 = @ 75% of 1-RM Snatch\" names sets 4-5, but the scheme states 3 sets: "
            "sets 4-5 left out");
}

TEST(BuildBlocks, WarnsForRowPartlyPastCount) {
  const auto lines = parse({"Back Squat 4x5", "*Sets 3-5 = @ 80%"});
  const auto blocks = build_blocks(lines);
  ASSERT_EQ(blocks.size(), 1U);
  ASSERT_EQ(blocks[0].warnings.size(), 1U);
  EXPECT_EQ(
      blocks[0].warnings[0],
      "\"*Sets 3-5 = @ 80%\" names sets 3-5, but the movement line states 4 sets: set 5 left out");
}

TEST(BuildBlocks, TableWithinCountHasNoWarning) {
  const auto stated = build_blocks(parse({"Every 2 minutes, for 10 minutes (5 sets):", "Snatch",
                                          "*Sets 1-3 = @ 70%", "*Sets 4-5 = @ 75%"}));
  ASSERT_EQ(stated.size(), 1U);
  EXPECT_TRUE(stated[0].warnings.empty());
  // Without a stated count the table itself gives it.
  const auto unstated = build_blocks(parse({"Snatch", "*Sets 1-3 = @ 70%", "*Sets 4-5 = @ 75%"}));
  ASSERT_EQ(unstated.size(), 1U);
  EXPECT_EQ(unstated[0].sets.size(), 5U);
  EXPECT_TRUE(unstated[0].warnings.empty());
}

TEST(BuildBlocks, SetsBeforeNameGiveSets) {
  const auto blocks = build_blocks(parse({"5x5 Back Squat @ 75%"}));
  ASSERT_EQ(blocks.size(), 1U);
  ASSERT_EQ(blocks[0].sets.size(), 5U);
  EXPECT_EQ(blocks[0].sets[4].reps, (CountRange{5, 5}));
  EXPECT_EQ(blocks[0].sets[4].intensity.percent, (Range{75, 75}));
}

TEST(BuildBlocks, OddAndEvenMinutesShareClock) {
  const auto lines =
      parse({"EMOM 11", "Odd: 3 Power Cleans @ 75%", "Even: 10 Burpees", "Minute 11 = rest"});
  const auto blocks = build_blocks(lines);
  ASSERT_EQ(blocks.size(), 3U);
  EXPECT_TRUE(blocks[0].movement_lines.empty());
  // The minutes' blocks hold the clock's sets, so the clock's own block counts none.
  EXPECT_TRUE(blocks[0].sets.empty());
  EXPECT_EQ(blocks[1].scheme_line, 1U);
  EXPECT_EQ(blocks[1].sets.size(), 6U);
  EXPECT_EQ(blocks[1].sets[5].intensity.percent, (Range{75, 75}));
  EXPECT_EQ(blocks[2].sets.size(), 5U);
  EXPECT_EQ(blocks[2].rest_lines, (std::vector<std::size_t>{3}));
}

TEST(BuildBlocks, TabatasCountTheirRounds) {
  const auto one_tabata = build_blocks(parse({"Tabata Air Squats"}));
  ASSERT_EQ(one_tabata.size(), 1U);
  EXPECT_EQ(one_tabata[0].sets.size(), 8U);
  const auto two_tabatas = build_blocks(parse({"Tabata x 2: Push-ups / Sit-ups"}));
  ASSERT_EQ(two_tabatas.size(), 1U);
  EXPECT_EQ(two_tabatas[0].sets.size(), 16U);
}

TEST(BuildBlocks, AlternatingLineTakesEveryMinute) {
  const auto blocks = build_blocks(parse({"EMOM 10", "Odd: 3 Cleans, Even: 3 Front Squats"}));
  ASSERT_EQ(blocks.size(), 2U);
  EXPECT_TRUE(blocks[0].sets.empty());
  // Each movement has its five minutes as its sets 1-5.
  ASSERT_EQ(blocks[1].sets.size(), 10U);
  EXPECT_EQ(blocks[1].sets[0].movement, 0U);
  EXPECT_EQ(blocks[1].sets[4].set, 5);
  EXPECT_EQ(blocks[1].sets[5].movement, 1U);
  EXPECT_EQ(blocks[1].sets[5].set, 1);
  EXPECT_EQ(blocks[1].sets[5].reps, (CountRange{3, 3}));
}

TEST(BuildBlocks, WholeClockLineTakesNoMovements) {
  // The clock's line names the work of all its minutes, so the lines after it are other work.
  const auto blocks = build_blocks(parse({"EMOM 10: Odd: 3 Power Cleans @ 75%, Even: 10 Burpees",
                                          "Front Squat 3x3 @ 80%", "Push Press x 3 @ 80%"}));
  ASSERT_EQ(blocks.size(), 3U);
  EXPECT_EQ(blocks[0].sets.size(), 10U);
  EXPECT_EQ(blocks[1].movement_lines, (std::vector<std::size_t>{1}));
  EXPECT_EQ(blocks[1].sets.size(), 3U);
  EXPECT_EQ(blocks[2].movement_lines, (std::vector<std::size_t>{2}));
  EXPECT_TRUE(blocks[2].sets.empty());  // no count: `show` prints "Each set"
}

TEST(BuildBlocks, LineCountsSharingClockGiveNoWarning) {
  const auto blocks = build_blocks(parse(
      {"E2MOM x 10 (20 min):", "Snatch 5 x 2 @ 75%", "Clean & Jerk 5 x 1 @ 80%"}));
  ASSERT_EQ(blocks.size(), 1U);
  EXPECT_EQ(blocks[0].sets.size(), 10U);
  EXPECT_TRUE(blocks[0].warnings.empty());
}

TEST(BuildBlocks, BareCountEndsItsBlock) {
  const auto blocks = build_blocks(
      parse({"Back Squat x 5 reps @ 80%", "5 sets", "Front Squat x 3 @ 70%"}));
  ASSERT_EQ(blocks.size(), 2U);
  EXPECT_EQ(blocks[0].sets.size(), 5U);
  EXPECT_EQ(blocks[1].movement_lines, (std::vector<std::size_t>{2}));
}

TEST(BuildBlocks, AlternatingListTakesTurns) {
  const auto blocks =
      build_blocks(parse({"EMOM 12 (alternating): Power Snatch x 2 @ 70%, Pull-ups x 5"}));
  ASSERT_EQ(blocks.size(), 1U);
  // Each movement runs on every other minute: six sets each.
  ASSERT_EQ(blocks[0].sets.size(), 12U);
  EXPECT_EQ(blocks[0].sets[5].movement, 0U);
  EXPECT_EQ(blocks[0].sets[5].set, 6);
  EXPECT_EQ(blocks[0].sets[6].movement, 1U);
  EXPECT_EQ(blocks[0].sets[6].reps, (CountRange{5, 5}));
}

TEST(BuildBlocks, LineSetCountUnderClockWins) {
  const auto blocks = build_blocks(
      parse({"EMOM 8 @ 70%:", "Power Clean x 2", "Snatch Balance 4 x 3 @ 60% of 1-RM Snatch"}));
  ASSERT_EQ(blocks.size(), 1U);
  // Eight sets of the power clean, then the four the snatch balance line states.
  ASSERT_EQ(blocks[0].sets.size(), 12U);
  EXPECT_EQ(blocks[0].sets[7].movement_line, 1U);
  EXPECT_EQ(blocks[0].sets[8].movement_line, 2U);
  EXPECT_EQ(blocks[0].sets[11].set, 4);
  EXPECT_EQ(blocks[0].sets[11].reps, (CountRange{3, 3}));
  ASSERT_EQ(blocks[0].warnings.size(), 1U);
  EXPECT_EQ(blocks[0].warnings[0],
            "\"Snatch Balance 4 x 3 @ 60% of 1-RM Snatch\" states 4 sets, but the scheme states 8 "
            "sets: the line's count is used");
}

TEST(BuildBlocks, MinuteRangeIsOwnBlock) {
  const auto blocks = build_blocks(
      parse({"EMOM 9", "Minutes 1-4:", "5 Power Snatches", "Minutes 5 to 9:", "10 Burpees"}));
  ASSERT_EQ(blocks.size(), 3U);
  EXPECT_EQ(blocks[1].movement_lines, (std::vector<std::size_t>{2}));
  EXPECT_EQ(blocks[1].sets.size(), 4U);
  EXPECT_EQ(blocks[2].movement_lines, (std::vector<std::size_t>{4}));
  EXPECT_EQ(blocks[2].sets.size(), 5U);
}

TEST(BuildBlocks, TimeCapJoinsOpenBlock) {
  const auto blocks =
      build_blocks(parse({"For time:", "21-15-9", "Thrusters", "Time cap: 10 minutes"}));
  ASSERT_EQ(blocks.size(), 1U);
  EXPECT_EQ(blocks[0].movement_lines, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(blocks[0].note_lines, (std::vector<std::size_t>{3}));
}

TEST(BuildBlocks, ClockWindowEndsBlock) {
  const auto blocks =
      build_blocks(parse({"AMRAP 5: 5 Burpees", "From 8:00 - 13:00", "10 Wall Balls"}));
  ASSERT_EQ(blocks.size(), 2U);
  EXPECT_TRUE(blocks[0].note_lines.empty());
  EXPECT_EQ(blocks[1].movement_lines, (std::vector<std::size_t>{2}));
}

TEST(PrescribeSegment, HeadingRemainderIsFirstLine) {
  Segment segment;
  segment.kind = SegmentKind::kPart;
  segment.label = "A";
  segment.heading = Line{"A. Deadlift 3x5", {}};
  segment.heading_rest = "Deadlift 3x5";
  const PartPrescription part = prescribe_segment(segment);
  ASSERT_EQ(part.lines.size(), 1U);
  EXPECT_EQ(part.lines[0].kind, LineKind::kMovement);
  EXPECT_EQ(part.label, "A");
  EXPECT_EQ(part.heading, "A. Deadlift 3x5");
}

// One set as "line:movement set reps@percent", with "?" for a value that is absent and "opt"
// for an optional set: "0:- 1 3+@85".
std::string describe(const SetPrescription& set) {
  std::string text = (set.movement_line ? std::to_string(*set.movement_line) : "?") + ":" +
                     (set.movement ? std::to_string(*set.movement) : "-") + " " +
                     std::to_string(set.set) + " ";
  text += set.reps
              ? std::to_string(set.reps->min) +
                    (set.reps->max != set.reps->min ? "-" + std::to_string(set.reps->max) : "") +
                    (set.reps_at_least ? "+" : "")
              : "?";
  text += "@";
  text +=
      set.intensity.percent ? std::to_string(static_cast<int>(set.intensity.percent->min)) : "?";
  return text + (set.optional ? " opt" : "");
}

// The sets of the last block of the lines.
std::vector<std::string> describe_sets(const std::vector<std::string>& texts) {
  const auto lines = parse(texts);
  const auto blocks = build_blocks(lines);
  std::vector<std::string> sets;
  for (const SetPrescription& set : blocks.back().sets) {
    sets.push_back(describe(set));
  }
  return sets;
}

struct SetsCase {
  std::vector<std::string> lines;
  std::vector<std::string> expected;
};

TEST(BlockMovements, SetsFollowTheirLines) {
  const std::vector<SetsCase> cases = {
      {{"Back Squat", "5x5 @ 75%"},
       {"0:- 1 5@75", "0:- 2 5@75", "0:- 3 5@75", "0:- 4 5@75", "0:- 5 5@75"}},
      {{"Back Squat x 3+ @ 85%", "5x5 @ 75%"},
       {"0:- 1 3+@85", "0:- 2 5@75", "0:- 3 5@75", "0:- 4 5@75", "0:- 5 5@75", "0:- 6 5@75"}},
      {{"Deadlift x 5 @ 70%", "3x3 @ 80%"},
       {"0:- 1 5@70", "0:- 2 3@80", "0:- 3 3@80", "0:- 4 3@80"}},
      {{"Three sets of:", "Snatch x 2 @ 70%", "Clean x 2 @ 80%"},
       {"1:- 1 2@70", "1:- 2 2@70", "1:- 3 2@70", "2:- 1 2@80", "2:- 2 2@80", "2:- 3 2@80"}},
      {{"EMOM 6", "Odd: 3 Power Cleans @ 75%, Even: 10 Burpees"},
       {"1:0 1 3@75", "1:0 2 3@75", "1:0 3 3@75", "1:1 1 10@?", "1:1 2 10@?", "1:1 3 10@?"}},
      {{"EMOM 6", "Min 1: 3 Cleans @ 70%, Min 2: 5 Burpees, Min 3: Rest"},
       {"1:0 1 3@70", "1:0 2 3@70", "1:1 1 5@?", "1:1 2 5@?", "1:2 1 ?@?", "1:2 2 ?@?"}},
      // Minutes that alternate after the clock's colon run on that clock.
      {{"EMOM 4: Odd: 3 Power Cleans @ 75%, Even: 10 Burpees"},
       {"0:0 1 3@75", "0:0 2 3@75", "0:1 1 10@?", "0:1 2 10@?"}},
      // Minutes with percentages of their own: each movement's sets carry its own.
      {{"EMOM 4", "Odd: 2 Snatch @ 70%, Even: 2 Clean @ 80%"},
       {"1:0 1 2@70", "1:0 2 2@70", "1:1 1 2@80", "1:1 2 2@80"}},
      // Each movement of a list that states its own intensity has sets of its own.
      {{"Three sets of:", "Snatch x 2 @ 70%, Clean x 2 @ 80%"},
       {"1:0 1 2@70", "1:0 2 2@70", "1:0 3 2@70", "1:1 1 2@80", "1:1 2 2@80", "1:1 3 2@80"}},
      {{"Three sets of:", "Snatch x 2 @ 70%, Pull-ups x 5"},
       {"1:0 1 2@70", "1:0 2 2@70", "1:0 3 2@70", "1:1 1 5@?", "1:1 2 5@?", "1:1 3 5@?"}},
      // "Then" and quantities continue the movement before them.
      {{"Snatch x 1 @ 85%", "Then 3 x 2 @ 75%"},
       {"0:- 1 1@85", "0:- 2 2@75", "0:- 3 2@75", "0:- 4 2@75"}},
      // Rows for the next sets on one line apply to those sets.
      {{"Clean", "Set 1 = 70% x 3, Sets 2-3 = 75% x 3"},
       {"0:- 1 3@70", "0:- 2 3@75", "0:- 3 3@75"}},
      // Sets counted below a table follow the table's.
      {{"Deadlift", "Set 1: 5 @ 65%", "Set 2: 5 @ 75%", "Back off: 2 x 3 @ 60%"},
       {"0:- 1 5@65", "0:- 2 5@75", "0:- 3 3@60", "0:- 4 3@60"}},
      {{"Back Squat 5x3", "Sets 1-3 @ 70%, 4-5 @ 75%"},
       {"0:- 1 3@70", "0:- 2 3@70", "0:- 3 3@70", "0:- 4 3@75", "0:- 5 3@75"}},
      {{"Three sets of:", "Snatch x 2", "Set 1 = @ 70%, Sets 2-3 = @ 80%"},
       {"1:- 1 2@70", "1:- 2 2@80", "1:- 3 2@80"}},
      // A bare count under a movement line counts its sets.
      {{"Back Squat x 5 reps @ 80%", "5 sets"},
       {"0:- 1 5@80", "0:- 2 5@80", "0:- 3 5@80", "0:- 4 5@80", "0:- 5 5@80"}},
      // So do back-off lines.
      {{"Snatch x 1 @ 85%", "Back off 2x2 @ 72%"}, {"0:- 1 1@85", "0:- 2 2@72", "0:- 3 2@72"}},
      {{"Clean 2x1 @ 90%", "Drop to 75% x 3 x 2"},
       {"0:- 1 1@90", "0:- 2 1@90", "0:- 3 3@75", "0:- 4 3@75"}},
      // Each movement of a list that states its own sets has that many sets.
      {{"Snatch 3x2 @ 75%, Clean 2x1 @ 80%"},
       {"0:0 1 2@75", "0:0 2 2@75", "0:0 3 2@75", "0:1 1 1@80", "0:1 2 1@80"}},
      {{"Snatch 2x2, Clean 2x3"}, {"0:0 1 2@?", "0:0 2 2@?", "0:1 1 3@?", "0:1 2 3@?"}},
      // A list without intensities of its own keeps the sets of its line.
      {{"Two sets of:", "Snatch x 1 rep, Clean Pull x 2 reps", "*Sets 1-2 = @ 70%"},
       {"1:- 1 ?@70", "1:- 2 ?@70"}},
      {{"4-6 sets of 1-3 reps Snatch @ 80-85%"},
       {"0:- 1 1-3@80", "0:- 2 1-3@80", "0:- 3 1-3@80", "0:- 4 1-3@80", "0:- 5 1-3@80 opt",
        "0:- 6 1-3@80 opt"}},
      // The scheme's count is kept: the sixth set of the sequence has no reps.
      {{"Every 90 seconds x 6", "Clean & Jerk 5-4-3-2-1 @ 60%"},
       {"1:- 1 5@60", "1:- 2 4@60", "1:- 3 3@60", "1:- 4 2@60", "1:- 5 1@60", "1:- 6 ?@60"}},
  };
  for (const SetsCase& test : cases) {
    SCOPED_TRACE(test.lines.back());
    EXPECT_EQ(describe_sets(test.lines), test.expected);
  }
}

struct MinuteCase {
  std::vector<std::string> lines;
  std::size_t blocks = 0;
  std::vector<std::string> expected;  //!< the last block's sets, as describe gives them
};

TEST(BlockMovements, MinuteLinesRepeatInClock) {
  const std::vector<MinuteCase> cases = {
      // Numbered minutes on lines of their own stay in the clock's block and repeat in it.
      {{"EMOM 9", "Min 1: 3 Power Snatch @ 70%", "Min 2: 5 Front Squat @ 75%", "Min 3: Rest"},
       1,
       {"1:- 1 3@70", "1:- 2 3@70", "1:- 3 3@70", "2:- 1 5@75", "2:- 2 5@75", "2:- 3 5@75"}},
      {{"EMOM 9", "Minute 1: 3 Power Snatch @ 70%", "Minute 2: 5 Front Squat @ 75%",
        "Minute 3 = rest"},
       1,
       {"1:- 1 3@70", "1:- 2 3@70", "1:- 3 3@70", "2:- 1 5@75", "2:- 2 5@75", "2:- 3 5@75"}},
      // The same minutes on one line give the same sets, per movement of the line.
      {{"EMOM 9", "Min 1: 3 Power Snatch @ 70% / Min 2: 5 Front Squat @ 75% / Min 3: Rest"},
       2,
       {"1:0 1 3@70", "1:0 2 3@70", "1:0 3 3@70", "1:1 1 5@75", "1:1 2 5@75", "1:1 3 5@75",
        "1:2 1 ?@?", "1:2 2 ?@?", "1:2 3 ?@?"}},
      // Without a rest minute the cycle is two minutes long.
      {{"EMOM 6", "Min 1: 3 Cleans", "Min 2: 3 Jerks"},
       1,
       {"1:- 1 3@?", "1:- 2 3@?", "1:- 3 3@?", "2:- 1 3@?", "2:- 2 3@?", "2:- 3 3@?"}},
      {{"EMOM 4", "Minutes 1-2: 5 Power Snatches @ 70%", "Minutes 3-4: 5 Cleans @ 75%"},
       1,
       {"1:- 1 5@70", "1:- 2 5@70", "2:- 1 5@75", "2:- 2 5@75"}},
      // A list under a numbered minute gives each of its movements that minute's sets.
      {{"EMOM 4", "Min 1: Snatch x 2 @ 70%, Clean x 1 @ 80%", "Min 2: Rest"},
       1,
       {"1:0 1 2@70", "1:0 2 2@70", "1:1 1 1@80", "1:1 2 1@80"}},
      // Minutes past the clock are another piece of work.
      {{"EMOM 2", "Min 3: 5 Burpees"}, 2, {"1:- 1 5@?"}},
  };
  for (const MinuteCase& test : cases) {
    SCOPED_TRACE(test.lines[1]);
    EXPECT_EQ(build_blocks(parse(test.lines)).size(), test.blocks);
    EXPECT_EQ(describe_sets(test.lines), test.expected);
  }
}

// A line with only intensities after a line whose sets state none loads those sets instead of
// adding sets of its own.
TEST(BlockMovements, IntensityOnlyLineLoadsSetsAbove) {
  const std::vector<SetsCase> cases = {
      {{"Bench Press 5x5", "@ 75%"},
       {"0:- 1 5@75", "0:- 2 5@75", "0:- 3 5@75", "0:- 4 5@75", "0:- 5 5@75"}},
      {{"Bench Press 3x5", "70%, 75%, 80%"}, {"0:- 1 5@70", "0:- 2 5@75", "0:- 3 5@80"}},
      {{"Bench Press 5-3-1", "@ 65/75/85%"}, {"0:- 1 5@65", "0:- 2 3@75", "0:- 3 1@85"}},
      {{"Deadlift 5-5-3", "70-75-80%"}, {"0:- 1 5@70", "0:- 2 5@75", "0:- 3 3@80"}},
      {{"Deadlift 5-5-3", "70%/75%/80%"}, {"0:- 1 5@70", "0:- 2 5@75", "0:- 3 3@80"}},
      {{"Back Squat 5-5-3-3-1-1", "@ 70-75-80-85-90-92%"},
       {"0:- 1 5@70", "0:- 2 5@75", "0:- 3 3@80", "0:- 4 3@85", "0:- 5 1@90", "0:- 6 1@92"}},
      // "5/3/1" after the lift names the program: the lines below give the sets.
      {{"Deadlift 5/3/1", "65% x 5", "75% x 5", "85% x 5+"},
       {"0:- 1 5@65", "0:- 2 5@75", "0:- 3 5+@85"}},
      // Reps that repeat with the percentages' period repeat the percentages.
      {{"Snatch 3-2-1-3-2-1", "@ 75-80-85%"},
       {"0:- 1 3@75", "0:- 2 2@80", "0:- 3 1@85", "0:- 4 3@75", "0:- 5 2@80", "0:- 6 1@85"}},
      {{"Back Squat", "5x5", "@ 75%"},
       {"0:- 1 5@75", "0:- 2 5@75", "0:- 3 5@75", "0:- 4 5@75", "0:- 5 5@75"}},
      // "For time: 21-15-9" gives the movements below its reps, as "21-15-9 for time" does.
      {{"For time: 21-15-9", "Thrusters 95/65 lb", "Pull-ups"},
       {"1:- 1 21@?", "1:- 2 15@?", "1:- 3 9@?"}},
      // Under a scheme, the only line that gives sets without a count has the scheme's.
      {{"Three sets of:", "Snatch x 2 reps", "@ 75%"}, {"1:- 1 2@75", "1:- 2 2@75", "1:- 3 2@75"}},
      {{"Every 2 minutes, for 6 minutes (3 sets):", "(Clean + 2 Front Squats + Jerk) x 1 rep",
        "@ 70% of 1-RM Clean & Jerk"},
       {"1:- 1 1@70", "1:- 2 1@70", "1:- 3 1@70"}},
      // "x 1" after a complex's counts is one complex in each of the scheme's sets.
      {{"Every 2 minutes, for 6 minutes (3 sets):",
        "(Clean + 2 Front Squats + Jerk) x 1 @ 70% of 1-RM Clean & Jerk"},
       {"1:- 1 ?@70", "1:- 2 ?@70", "1:- 3 ?@70"}},
      // Sets that state an intensity keep it: the line after them is a set of its own.
      {{"Back Squat 2x5 @ 70%", "@ 80%"}, {"0:- 1 5@70", "0:- 2 5@70", "0:- 3 ?@80"}},
  };
  for (const SetsCase& test : cases) {
    SCOPED_TRACE(test.lines.back());
    EXPECT_EQ(describe_sets(test.lines), test.expected);
  }
}

TEST(BlockMovements, IntensityOnlyLineWarnsOfCountMismatch) {
  const auto fewer = build_blocks(parse({"Bench Press 5x5", "70%, 75%, 80%"}));
  ASSERT_EQ(fewer.size(), 1U);
  ASSERT_EQ(fewer[0].sets.size(), 5U);
  EXPECT_FALSE(fewer[0].sets[3].intensity.percent);
  ASSERT_EQ(fewer[0].warnings.size(), 1U);
  EXPECT_EQ(fewer[0].warnings[0],
            "\"70%, 75%, 80%\" states 3 percentages for the 5 sets above it: sets 4-5 without "
            "load");

  // Sets of equal reps do not repeat the percentages.
  const auto equal = build_blocks(parse({"Bench Press 6x5", "70%, 75%, 80%"}));
  ASSERT_EQ(equal.size(), 1U);
  ASSERT_EQ(equal[0].sets.size(), 6U);
  EXPECT_FALSE(equal[0].sets[3].intensity.percent);
  EXPECT_EQ(equal[0].warnings.size(), 1U);

  const auto more = build_blocks(parse({"Bench Press 2x5", "70%, 75%, 80%"}));
  ASSERT_EQ(more.size(), 1U);
  ASSERT_EQ(more[0].sets.size(), 2U);
  ASSERT_EQ(more[0].warnings.size(), 1U);
  EXPECT_EQ(more[0].warnings[0],
            "\"70%, 75%, 80%\" states 3 percentages for the 2 sets above it: the last "
            "percentage left out");
}

TEST(BlockMovements, IntensityAfterLoadedSetsWarns) {
  const auto blocks = build_blocks(parse({"Front Squat 3x3", "@ 80%", "@ 85%"}));
  ASSERT_EQ(blocks.size(), 1U);
  ASSERT_EQ(blocks[0].sets.size(), 4U);
  EXPECT_FALSE(blocks[0].sets[3].reps);
  ASSERT_EQ(blocks[0].warnings.size(), 1U);
  EXPECT_EQ(blocks[0].warnings[0],
            "\"@ 85%\" states only an intensity after sets that state one, so it is read as one "
            "more set, without reps");
}

TEST(BlockMovements, SequencePastSchemeWarns) {
  const auto lines = parse({"Every 2 minutes x 3", "Back Squat x 3 @ 85%", "3x3 @ 75%"});
  const auto blocks = build_blocks(lines);
  ASSERT_EQ(blocks.size(), 1U);
  EXPECT_EQ(blocks[0].sets.size(), 3U);
  ASSERT_EQ(blocks[0].warnings.size(), 1U);
  EXPECT_EQ(blocks[0].warnings[0],
            "\"Back Squat x 3 @ 85%\" and the lines after it give 4 sets, but the scheme states "
            "3 sets: set 4 left out");
}

// An intensity line without set numbers after a movement is one set of that movement's sequence,
// while rows that number their sets stay a per-set table.
TEST(BlockMovements, IntensityLinesJoinSequence) {
  const std::vector<SetsCase> cases = {
      {{"Back Squat", "5 reps @ 70%", "5 reps @ 75%", "3x5 @ 80%"},
       {"0:- 1 5@70", "0:- 2 5@75", "0:- 3 5@80", "0:- 4 5@80", "0:- 5 5@80"}},
      {{"Back Squat x 5 @ 70%", "5 @ 75%", "3x5 @ 80%"},
       {"0:- 1 5@70", "0:- 2 5@75", "0:- 3 5@80", "0:- 4 5@80", "0:- 5 5@80"}},
      {{"Back Squat 3x5 @ 75%", "3+ @ 85%"},
       {"0:- 1 5@75", "0:- 2 5@75", "0:- 3 5@75", "0:- 4 3+@85"}},
      // The only line after a bare name gives the reps and intensity of every set.
      {{"Every 2 minutes x 4", "Back Squat", "5 reps @ 70%"},
       {"1:- 1 5@70", "1:- 2 5@70", "1:- 3 5@70", "1:- 4 5@70"}},
      {{"EMOM 3: Power Clean", "2 reps @ 75%"}, {"0:- 1 2@75", "0:- 2 2@75", "0:- 3 2@75"}},
      {{"Back Squat", "5 reps @ 70%"}, {}},
      {{"Three sets of:", "Snatch x 2 reps", "*Sets 1-2 = @ 70%", "*Set 3 = @ 75%"},
       {"1:- 1 2@70", "1:- 2 2@70", "1:- 3 2@75"}},
      {{"Back Squat", "4@70%, 3@76%"}, {"0:- 1 4@70", "0:- 2 3@76"}},
      // The movements of an alternating line have sets of their own, so the line joins none.
      {{"EMOM 4", "Odd: 3 Power Cleans @ 75%, Even: 10 Burpees", "5 @ 80%"},
       {"1:0 1 3@75", "1:0 2 3@75", "1:1 1 10@?", "1:1 2 10@?"}},
  };
  for (const SetsCase& test : cases) {
    SCOPED_TRACE(test.lines.back());
    EXPECT_EQ(describe_sets(test.lines), test.expected);
  }
}

TEST(BlockMovements, IntensityLineInQuantityLines) {
  const auto lines = parse({"Back Squat", "5 reps @ 70%", "3x5 @ 80%"});
  const auto blocks = build_blocks(lines);
  ASSERT_EQ(blocks.size(), 1U);
  EXPECT_EQ(blocks[0].intensity_lines, (std::vector<std::size_t>{1}));
  const auto movements = block_movements(blocks[0], lines);
  ASSERT_EQ(movements.size(), 1U);
  EXPECT_EQ(movements[0].line, 0U);
  EXPECT_EQ(movements[0].quantity_lines, (std::vector<std::size_t>{1, 2}));
  const std::optional<LineQuantities> row = quantities_at(lines, 1);
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->line, nullptr);
  EXPECT_FALSE(row->sets.has_value());
  EXPECT_EQ(row->reps, (CountRange{5, 5}));
  EXPECT_EQ(row->intensity->percent, (Range{70, 70}));
}

TEST(BlockMovements, ListsMovementsInLineOrder) {
  const auto lines = parse({"Back Squat x 3+ @ 85%", "5x5 @ 75%"});
  const auto blocks = build_blocks(lines);
  ASSERT_EQ(blocks.size(), 1U);
  const auto movements = block_movements(blocks[0], lines);
  ASSERT_EQ(movements.size(), 1U);
  EXPECT_EQ(movements[0].line, 0U);
  EXPECT_EQ(movements[0].quantity_lines, (std::vector<std::size_t>{0, 1}));
}

// A segment of a day, labelled as match_part_label labels it, with one line after its heading.
Segment part_segment(std::string label, std::string heading_rest, std::vector<std::string> lines) {
  Segment segment;
  segment.kind = label.empty() ? SegmentKind::kDay : SegmentKind::kPart;
  segment.label = label;
  segment.heading.text = label.empty() ? "" : label + ". " + heading_rest;
  segment.heading_rest = std::move(heading_rest);
  for (std::string& text : lines) {
    segment.lines.push_back(Line{std::move(text), {}});
  }
  return segment;
}

// "3 Rounds:" alone at the end of a part gives its count to the parts numbered under one letter
// right after it, and to no later part.
TEST(PrescribeSegments, TrailingSchemeCountsNumberedParts) {
  const std::vector<Segment> segments = {
      part_segment("", "", {"Monday"}), part_segment("C", "Back Squat 5x5 @ 75%", {"3 Rounds:"}),
      part_segment("D1", "Bench Press x 8 @ 70%", {}),
      part_segment("D2", "Pendlay Row x 8", {"Plank x 30 seconds"}),
      part_segment("E", "Deadlift x 5", {})};
  const std::vector<PartPrescription> parts = prescribe_segments(segments);
  ASSERT_EQ(parts.size(), 5U);
  EXPECT_FALSE(parts[1].scheme_part);
  // The scheme's sets are the numbered parts', so its own block has none.
  ASSERT_EQ(parts[1].blocks.size(), 2U);
  EXPECT_TRUE(parts[1].blocks[1].sets.empty());
  // A line after the numbered part's first block is other work: it takes no count.
  ASSERT_EQ(parts[3].blocks.size(), 2U);
  EXPECT_TRUE(parts[3].blocks[1].sets.empty());
  EXPECT_EQ(parts[2].scheme_part, 1U);
  EXPECT_EQ(parts[3].scheme_part, 1U);
  EXPECT_FALSE(parts[4].scheme_part);
  for (const std::size_t index : {2U, 3U}) {
    ASSERT_FALSE(parts[index].blocks.empty()) << parts[index].label;
    ASSERT_EQ(parts[index].blocks[0].sets.size(), 3U) << parts[index].label;
    EXPECT_EQ(parts[index].blocks[0].sets[0].reps, (CountRange{8, 8}));
  }
  EXPECT_EQ(parts[2].blocks[0].sets[2].intensity.percent, (Range{70, 70}));
  ASSERT_EQ(parts[4].blocks.size(), 1U);
  EXPECT_TRUE(parts[4].blocks[0].sets.empty());
}

// A scheme with movements after it, or without a colon, is for its own part only.
TEST(PrescribeSegments, SchemeWithMovementsCarriesNothing) {
  const std::vector<Segment> segments = {part_segment("A", "", {"3 Rounds:", "10 Air Squats"}),
                                         part_segment("B1", "Bench Press x 8 @ 70%", {}),
                                         part_segment("C", "", {"3 Rounds"}),
                                         part_segment("D1", "Bench Press x 8 @ 70%", {})};
  const std::vector<PartPrescription> parts = prescribe_segments(segments);
  ASSERT_EQ(parts.size(), 4U);
  EXPECT_FALSE(parts[1].scheme_part);
  EXPECT_FALSE(parts[3].scheme_part);
  ASSERT_EQ(parts[1].blocks.size(), 1U);
  EXPECT_TRUE(parts[1].blocks[0].sets.empty());
}

}  // namespace
}  // namespace wodetl::prescription
