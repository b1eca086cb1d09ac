#include "transform/loads/set_loads.hpp"

#include <gtest/gtest.h>

#include "transform/prescription/blocks.hpp"

namespace wodetl {
namespace {

prescription::PartPrescription part_of(std::vector<std::string> lines) {
  Segment segment;
  segment.kind = SegmentKind::kPart;
  segment.label = "B";
  segment.heading = Line{"B.", {}};
  for (std::string& line : lines) {
    segment.lines.push_back(Line{std::move(line), {}});
  }
  return prescription::prescribe_segment(segment);
}

Maxes test_maxes() {
  auto maxes = parse_maxes(R"(
unit = "kg"
rounding = 1
snatch = "100 kg"
"clean and jerk" = "275 lb"
[rep_maxes.10]
"back squat" = "140 kg"
)",
                           "maxes.toml");
  EXPECT_TRUE(maxes.ok());
  return *maxes;
}

std::vector<std::string> formatted(const std::vector<BlockLoads>& loads, WeightUnit unit) {
  std::vector<std::string> texts;
  for (const BlockLoads& block : loads) {
    for (const SetLoad& load : block.sets) {
      texts.push_back(format_set_load(load, unit));
    }
  }
  return texts;
}

TEST(ComputeLoads, AppliesPerSetTable) {
  const auto part =
      part_of({"Every 2 minutes, for 16 minutes (8 sets):", "(Snatch + Hip Snatch) x 1 rep",
               "*Set 1 = @ 60% of 1-RM Snatch", "*Sets 2-3 = @ 70% of 1-RM Snatch",
               "*Sets 4-5 = @ 75% of 1-RM Snatch", "*Sets 6-8 = @ 75-80% of 1-RM Snatch"});
  EXPECT_EQ(formatted(compute_loads(part, test_maxes()), WeightUnit::kKilogram),
            (std::vector<std::string>{"Set 1: 60 kg", "Sets 2-3: 70 kg", "Sets 4-5: 75 kg",
                                      "Sets 6-8: 75-80 kg"}));
}

// The sets on the line after a target are of the target's lift.
TEST(ComputeLoads, SetsAfterTargetUseItsLift) {
  const auto part = part_of({"Snatch \u2014 build to a heavy single", "Then 3 x 2 @ 80%"});
  ASSERT_EQ(part.blocks.size(), 1U);
  EXPECT_EQ(part.blocks[0].target_line, 0U);
  const std::vector<BlockLoads> loads = compute_loads(part, test_maxes());
  ASSERT_EQ(loads.size(), 1U);
  EXPECT_EQ(loads[0].movement_names, "Snatch");  // as the target's line writes it
  EXPECT_EQ(formatted(loads, WeightUnit::kKilogram), (std::vector<std::string>{"Sets 1-3: 80 kg"}));
}

// A lift whose canonical name differs from its written one is named as written before the dash.
TEST(ComputeLoads, TargetLiftKeepsWrittenName) {
  const auto part = part_of({"Clean & Jerk \u2013 build to a heavy single", "Then 2 x 1 @ 85%"});
  const std::vector<BlockLoads> loads = compute_loads(part, test_maxes());
  ASSERT_EQ(loads.size(), 1U);
  EXPECT_EQ(loads[0].movement_names, "Clean & Jerk");
}

TEST(ComputeLoads, ConvertsUnitsAndRounds) {
  const auto part = part_of({"Every 90 seconds, for 12 minutes (8 sets):",
                             "(Slow Pull Clean + Jerk) x 1 rep @ 70% of 1-RM Clean & Jerk"});
  Maxes maxes = test_maxes();
  maxes.rounding = 2.5;
  // 275 lb = 124.74 kg; 70% = 87.3 kg, rounded to the 2.5 kg step.
  EXPECT_EQ(formatted(compute_loads(part, maxes), WeightUnit::kKilogram),
            (std::vector<std::string>{"Sets 1-8: 87.5 kg"}));
}

TEST(ComputeLoads, RowWithoutLiftUsesMovement) {
  const auto part = part_of({"Every 3 minutes, for 18 minutes (6 sets):", "Snatch",
                             "*Sets 1-2 = 3 reps @ 65-70%", "*Sets 3-6 = 2 reps @ 80%"});
  EXPECT_EQ(formatted(compute_loads(part, test_maxes()), WeightUnit::kKilogram),
            (std::vector<std::string>{"Sets 1-2: 65-70 kg", "Sets 3-6: 80 kg"}));
}

TEST(ComputeLoads, ComplexUsesItsFullLift) {
  // The snatch limits the complex, so its max loads it rather than the pull's.
  const auto part = part_of({"Snatch Pull + Snatch + Overhead Squat (1+1+1) x 4 @ 70%"});
  EXPECT_EQ(formatted(compute_loads(part, test_maxes()), WeightUnit::kKilogram),
            (std::vector<std::string>{"Sets 1-4: 70 kg"}));
}

TEST(ComputeLoads, ComplexUsesVariantOfFullLiftBeforePull) {
  const auto part = part_of({"Snatch Pull + Hang Snatch 4 x (1+1) @ 75%"});
  const std::vector<BlockLoads> loads = compute_loads(part, test_maxes());
  ASSERT_EQ(loads.size(), 1U);
  ASSERT_EQ(loads[0].sets.size(), 1U);
  ASSERT_TRUE(loads[0].sets[0].missing_max.has_value());
  EXPECT_EQ(loads[0].sets[0].missing_max->second, "hang snatch");
}

TEST(ComputeLoads, ComplexNamesKeepTheirCounts) {
  const auto counted =
      part_of({"(Clean + 2 Front Squats + Jerk) x 1 rep @ 70% of 1-RM Clean & Jerk"});
  const std::vector<BlockLoads> loads = compute_loads(counted, test_maxes());
  ASSERT_EQ(loads.size(), 1U);
  EXPECT_EQ(loads[0].movement_names, "Clean + 2 Front Squats + Jerk");

  // Counts in brackets after the names stay there: the names are printed as written.
  const auto bracketed = part_of({"Snatch Pull + Snatch + Overhead Squat (1+1+1) x 4 @ 70%"});
  const std::vector<BlockLoads> bracketed_loads = compute_loads(bracketed, test_maxes());
  ASSERT_EQ(bracketed_loads.size(), 1U);
  EXPECT_EQ(bracketed_loads[0].movement_names, "Snatch Pull + Snatch + Overhead Squat");
}

TEST(ComputeLoads, TableWithoutLiftForEachMovement) {
  const auto part = part_of({"Every 2 minutes, for 10 minutes (5 sets):", "Snatch x 1 rep",
                             "Clean & Jerk x 2 reps", "*Sets 1-2 = @ 70%", "*Sets 3-5 = @ 75%"});
  const std::vector<BlockLoads> loads = compute_loads(part, test_maxes());

  ASSERT_EQ(loads.size(), 2U);
  EXPECT_EQ(loads[0].movement_names, "Snatch");
  EXPECT_EQ(loads[1].movement_names, "Clean & Jerk");
  // 275 lb = 124.74 kg: 70% is 87.3 and 75% is 93.6, rounded to whole kilograms.
  EXPECT_EQ(formatted(loads, WeightUnit::kKilogram),
            (std::vector<std::string>{"Sets 1-2: 70 kg", "Sets 3-5: 75 kg", "Sets 1-2: 87 kg",
                                      "Sets 3-5: 94 kg"}));
}

TEST(ComputeLoads, TableNamingLiftOnlyForFirstMovement) {
  const auto part = part_of({"Every 2 minutes, for 10 minutes (5 sets):", "Snatch x 1 rep",
                             "Clean & Jerk x 2 reps", "*Sets 1-5 = @ 70% of 1-RM Snatch"});
  const std::vector<BlockLoads> loads = compute_loads(part, test_maxes());

  ASSERT_EQ(loads.size(), 1U);
  EXPECT_EQ(loads[0].movement_names, "Snatch");
  EXPECT_EQ(formatted(loads, WeightUnit::kKilogram), (std::vector<std::string>{"Sets 1-5: 70 kg"}));
}

TEST(ComputeLoads, NamesMissingMax) {
  const auto part = part_of({"Every minute, on the minute, for 8 minutes (8 sets):",
                             "Power Snatch x 1 rep @ 65-70% of 1-RM Power Snatch"});
  const auto texts = formatted(compute_loads(part, test_maxes()), WeightUnit::kKilogram);
  ASSERT_EQ(texts.size(), 1U);
  EXPECT_EQ(texts[0],
            "Sets 1-8: 65-70% of 1-RM power snatch (no 1-RM for power snatch in the maxes file)");
}

TEST(FormatMissingMaxes, NamesKeysToAdd) {
  const auto part = part_of({"Power Snatch x 1 rep @ 65% of 1-RM Power Snatch",
                             "Deadlift x 5 reps @ 3-RM Deadlift weight"});
  std::set<std::pair<int, std::string>> missing;
  for (const BlockLoads& block : compute_loads(part, test_maxes())) {
    for (const SetLoad& load : block.sets) {
      ASSERT_TRUE(load.missing_max.has_value()) << load.basis;
      missing.insert(*load.missing_max);
    }
  }
  Maxes in_pounds = test_maxes();
  in_pounds.unit = WeightUnit::kPound;
  EXPECT_EQ(format_missing_maxes(missing, in_pounds),
            "Add the missing maxes to the maxes file: \"power snatch\" = \"… lb\" (or = "
            "\"snatch\" to use that max); [rep_maxes.3] \"deadlift\" = \"… lb\".");
  EXPECT_EQ(format_missing_maxes({}, test_maxes()), "");
}

TEST(ComputeLoads, TrainingMaxIsShareOfOneRepMax) {
  const auto part = part_of({"Deadlift 5x3 @ 75% TM"});
  auto maxes = parse_maxes("rounding = 2.5\ntraining_max = \"90%\"\ndeadlift = \"200 kg\"\n",
                           "maxes.toml");
  ASSERT_TRUE(maxes.ok());
  EXPECT_EQ(formatted(compute_loads(part, *maxes), WeightUnit::kKilogram),
            (std::vector<std::string>{"Sets 1-5: 135 kg"}));

  auto without = parse_maxes("deadlift = \"200 kg\"\n", "maxes.toml");
  ASSERT_TRUE(without.ok());
  const std::vector<BlockLoads> missing = compute_loads(part, *without);
  ASSERT_EQ(missing.size(), 1U);
  ASSERT_FALSE(missing[0].sets.empty());
  EXPECT_EQ(missing[0].sets[0].missing,
            "the maxes file has no training_max, the training max's share of the 1-RM");
}

TEST(FormatMissingMaxes, OffersLongerLiftNames) {
  auto maxes = parse_maxes("\"back squat\" = \"180 kg\"\n\"front squat\" = \"150 kg\"\n",
                           "maxes.toml");
  ASSERT_TRUE(maxes.ok());
  EXPECT_EQ(format_missing_maxes({{1, "squat"}}, *maxes),
            "Add the missing maxes to the maxes file: \"squat\" = \"… kg\" (or = \"back squat\" "
            "or = \"front squat\" to use that max).");
}

TEST(FormatMissingMaxes, PointsAtMisspelledKey) {
  auto maxes = parse_maxes("snach = \"100 kg\"\nrow = \"150 kg\"\n", "maxes.toml");
  ASSERT_TRUE(maxes.ok());
  EXPECT_EQ(format_missing_maxes({{1, "snatch"}}, *maxes),
            "Add the missing maxes to the maxes file: \"snatch\" = \"… kg\" (the file's "
            "\"snach\" may be a misspelling of it).");
  // "row" is two edits from "run" but names a known movement, so it is no misspelling.
  EXPECT_EQ(format_missing_maxes({{1, "run"}}, *maxes),
            "Add the missing maxes to the maxes file: \"run\" = \"… kg\".");
}

TEST(LiftWithMaxEnding, LongestEndingWithMax) {
  const Maxes maxes = *parse_maxes("clean = \"120 kg\"\n\"power clean\" = \"100 kg\"\n", "m");

  EXPECT_EQ(lift_with_max_ending("slow pull power clean", 1, maxes), "power clean");
  EXPECT_EQ(lift_with_max_ending("hang clean", 1, maxes), "clean");
  EXPECT_EQ(lift_with_max_ending("clean", 1, maxes), std::nullopt);
  EXPECT_EQ(lift_with_max_ending("hang clean", 3, maxes), std::nullopt);
  EXPECT_EQ(lift_with_max_ending("clean with 2 sec pause", 1, maxes), "clean");
  EXPECT_EQ(lift_with_max_ending("hang clean with pause at knee", 1, maxes), "clean");
  EXPECT_EQ(lift_with_max_ending("clean emom", 1, maxes), "clean");
  EXPECT_EQ(lift_with_max_ending("snatch balance", 1, maxes), std::nullopt);
  EXPECT_EQ(lift_with_max_ending("power snatch and clean", 1, maxes), std::nullopt);
}

TEST(ComputeLoads, UsesOtherRepMaxEntry) {
  const auto part = part_of({"Every 3 minutes, for 9 minutes (3 sets):",
                             "Back Squat x 5-6 reps @ 10-RM Back Squat weight"});
  // The reps are a range, so the text shows them next to the sets.
  EXPECT_EQ(formatted(compute_loads(part, test_maxes()), WeightUnit::kKilogram),
            (std::vector<std::string>{"Sets 1-3, 5-6 reps: 140 kg"}));

  const auto missing = part_of({"Deadlift x 5 reps @ 3-RM Deadlift weight"});
  EXPECT_EQ(formatted(compute_loads(missing, test_maxes()), WeightUnit::kKilogram),
            (std::vector<std::string>{
                "Each set: 3-RM deadlift (no 3-RM for deadlift in the maxes file)"}));
}

TEST(ComputeLoads, RepMaxWithoutLiftUsesMovement) {
  Maxes maxes = test_maxes();
  maxes.entries[{3, "push press"}] = Weight{100, WeightUnit::kKilogram};
  const auto part = part_of({"Push Press x 3 @ 80% of 3RM"});
  EXPECT_EQ(formatted(compute_loads(part, maxes), WeightUnit::kKilogram),
            (std::vector<std::string>{"Each set: 80 kg"}));
}

TEST(ComputeLoads, BestLiftIsOneRepMax) {
  const auto named = part_of({"Power Snatch x 2 @ 70% of your best Snatch"});
  EXPECT_EQ(formatted(compute_loads(named, test_maxes()), WeightUnit::kKilogram),
            (std::vector<std::string>{"Each set: 70 kg"}));
  const auto unnamed = part_of({"Snatch x 2 @ 85% of your best"});
  EXPECT_EQ(formatted(compute_loads(unnamed, test_maxes()), WeightUnit::kKilogram),
            (std::vector<std::string>{"Each set: 85 kg"}));
}

TEST(ComputeLoads, CarriesTableWarning) {
  const auto part =
      part_of({"Three sets of:", "Snatch x 2 reps", "*Sets 1-3 = @ 70% of 1-RM Snatch",
               "*Sets 4-5 = @ 75% of 1-RM Snatch"});
  const auto loads = compute_loads(part, test_maxes());
  EXPECT_EQ(formatted(loads, WeightUnit::kKilogram), (std::vector<std::string>{"Sets 1-3: 70 kg"}));
  ASSERT_EQ(loads.size(), 1U);
  ASSERT_EQ(loads[0].warnings.size(), 1U);
  EXPECT_NE(loads[0].warnings[0].find("names sets 4-5"), std::string::npos) << loads[0].warnings[0];
  const Json json = loads_json(loads, WeightUnit::kKilogram);
  EXPECT_EQ(json[0]["warnings"][0], loads[0].warnings[0]);
}

TEST(ComputeLoads, ShowsPoundsWhenAsked) {
  Maxes maxes = test_maxes();
  maxes.unit = WeightUnit::kPound;
  maxes.rounding = 5;
  const auto part = part_of({"Snatch x 1 rep @ 80% of 1-RM Snatch"});
  // 100 kg = 220.46 lb; 80% = 176.4 lb, rounded to 5 lb.
  EXPECT_EQ(formatted(compute_loads(part, maxes), WeightUnit::kPound),
            (std::vector<std::string>{"Each set: 175 lb"}));
}

// A load the line states is each set's without an intensity, converted and rounded when the
// printed unit is another, as written otherwise.
TEST(ComputeLoads, StatedLoadForSetsWithoutIntensity) {
  Maxes maxes = test_maxes();
  maxes.rounding = 2.5;
  const auto part = part_of({"Deadlift 5 x 5 @ 225/155 lb", "Then 2 x 5 @ 80% of 1-RM Snatch"});
  // 225 lb = 102.06 kg, rounded to 102.5 kg.
  EXPECT_EQ(
      formatted(compute_loads(part, maxes), WeightUnit::kKilogram),
      (std::vector<std::string>{"Sets 1-5: 102.5 kg (225/155 lb as written)", "Sets 6-7: 80 kg"}));
  const auto bell = part_of({"KB Swings 3 x 15 @ 24 kg"});
  EXPECT_EQ(formatted(compute_loads(bell, maxes), WeightUnit::kKilogram),
            (std::vector<std::string>{"Sets 1-3: 24 kg"}));
  // A load without a unit of weight gives none.
  EXPECT_TRUE(compute_loads(part_of({"Thrusters 3 x 10 @ 95/65"}), maxes).empty());
}

// Sets without a load beside loaded ones are listed, and sets for as many reps as possible are
// marked.
TEST(ComputeLoads, ListsUnloadedSetsAndMarksAmrapSets) {
  EXPECT_EQ(
      formatted(compute_loads(part_of({"Snatch 3 x 2, last set 2+ @ 80%"}), test_maxes()),
                WeightUnit::kKilogram),
      (std::vector<std::string>{"Sets 1-2: no intensity or load given", "Set 3, 2+ reps: 80 kg"}));
  EXPECT_EQ(
      formatted(compute_loads(part_of({"Snatch 2x3 @ 70%, 1 x max reps @ 60%"}), test_maxes()),
                WeightUnit::kKilogram),
      (std::vector<std::string>{"Sets 1-2: 70 kg", "Set 3, max reps: 60 kg"}));
}

TEST(ComputeLoads, NoIntensityNoLoads) {
  const auto part = part_of({"Three sets of:", "Chin-ups x 10 reps", "Rest 60 seconds"});
  EXPECT_TRUE(compute_loads(part, test_maxes()).empty());
}

TEST(ComputeLoads, FloorRoundsUp) {
  Maxes maxes = test_maxes();
  maxes.rounding = 2.5;
  const auto part = part_of({"Snatch x 1 @ 101%+"});
  // 101% of 100 kg is 101 kg; the nearest step (100 kg) would fall short of the floor.
  EXPECT_EQ(formatted(compute_loads(part, maxes), WeightUnit::kKilogram),
            (std::vector<std::string>{"Each set: 102.5 kg or more"}));
  EXPECT_EQ(compute_loads(part, maxes)[0].sets[0].basis, "101%+ of 1-RM snatch");
}

TEST(ComputeLoads, CeilingRoundsDown) {
  Maxes maxes = test_maxes();
  maxes.rounding = 2.5;
  const auto part = part_of(
      {"Three sets of:", "Snatch Pull x 3 reps", "Keep this under 57% of your 1-RM Snatch"});
  const auto loads = compute_loads(part, maxes);
  ASSERT_EQ(loads.size(), 1U);
  EXPECT_TRUE(loads[0].sets.empty());
  ASSERT_EQ(loads[0].limits.size(), 1U);
  // 57% of 100 kg is 57 kg; the nearest step (57.5 kg) would pass the ceiling.
  EXPECT_EQ(format_limit_load(loads[0].limits[0], WeightUnit::kKilogram), "Limit: 55 kg");
  const Json json = loads_json(loads, WeightUnit::kKilogram);
  EXPECT_EQ(json[0]["limits"][0]["weight"]["max"], 55);
  EXPECT_EQ(json[0]["limits"][0]["basis"], "57% of 1-RM snatch");
}

TEST(ComputeLoads, WaveOnMovementLineLoadsEachSet) {
  Maxes maxes = test_maxes();
  maxes.entries[{1, "back squat"}] = Weight{150, WeightUnit::kKilogram};
  for (const char* line :
       {"Back Squat x 4@70%, 3@76%", "Back Squat: 4@70%, 3@76%", "Back Squat 4@70% 3@76%"}) {
    SCOPED_TRACE(line);
    const auto part = part_of({line});
    // 70% and 76% of 150 kg are 105 kg and 114 kg.
    EXPECT_EQ(formatted(compute_loads(part, maxes), WeightUnit::kKilogram),
              (std::vector<std::string>{"Set 1: 105 kg", "Set 2: 114 kg"}));
  }
}

TEST(ComputeLoads, ClockWithoutCountLoadsEachSet) {
  const auto part = part_of({"AMRAP 12:", "5 Snatch @ 50%", "10 Burpees"});
  const auto loads = compute_loads(part, test_maxes());
  EXPECT_EQ(formatted(loads, WeightUnit::kKilogram), (std::vector<std::string>{"Each set: 50 kg"}));
  const Json json = loads_json(loads, WeightUnit::kKilogram);
  EXPECT_TRUE(json[0]["sets"][0]["first_set"].is_null());
  EXPECT_TRUE(json[0]["sets"][0]["last_set"].is_null());
  EXPECT_EQ(json[0]["sets"][0]["weight"]["min"], 50);
}

// A line that states no set count has no sets in its block, and its load holds for each set.
TEST(ComputeLoads, LoneLineLoadsEachSet) {
  const auto part = part_of({"Snatch x 2 @ 80%"});
  ASSERT_EQ(part.blocks.size(), 1U);
  EXPECT_TRUE(part.blocks[0].sets.empty());
  const auto loads = compute_loads(part, test_maxes());
  EXPECT_EQ(formatted(loads, WeightUnit::kKilogram), (std::vector<std::string>{"Each set: 80 kg"}));
  const Json json = loads_json(loads, WeightUnit::kKilogram);
  EXPECT_TRUE(json[0]["sets"][0]["first_set"].is_null());
  EXPECT_TRUE(json[0]["sets"][0]["last_set"].is_null());
}

TEST(ComputeLoads, IntensityLinesLoadTheirSets) {
  Maxes maxes = test_maxes();
  maxes.entries[{1, "back squat"}] = Weight{160, WeightUnit::kKilogram};
  // 70%, 75% and 80% of 160 kg are 112 kg, 120 kg and 128 kg.
  EXPECT_EQ(
      formatted(compute_loads(part_of({"Back Squat", "5 reps @ 70%", "5 reps @ 75%", "3x5 @ 80%"}),
                              maxes),
                WeightUnit::kKilogram),
      (std::vector<std::string>{"Set 1: 112 kg", "Set 2: 120 kg", "Sets 3-5: 128 kg"}));
  EXPECT_EQ(formatted(compute_loads(part_of({"Back Squat", "5 reps @ 70%"}), maxes),
                      WeightUnit::kKilogram),
            (std::vector<std::string>{"Each set: 112 kg"}));
}

// Maxes keys and "of NAME" go through the vocabulary, so "BS" is the back squat in both.
TEST(ComputeLoads, AbbreviatedLiftUsesItsMax) {
  auto maxes = parse_maxes(R"(
rounding = 1
BS = "160 kg"
)",
                           "maxes.toml");
  ASSERT_TRUE(maxes.ok()) << maxes.error().to_string();
  EXPECT_EQ(formatted(compute_loads(part_of({"Front Squat 3x3 @ 80% of BS"}), *maxes),
                      WeightUnit::kKilogram),
            (std::vector<std::string>{"Sets 1-3: 128 kg"}));
  EXPECT_EQ(formatted(compute_loads(part_of({"BS 3x5 @ 70%"}), *maxes), WeightUnit::kKilogram),
            (std::vector<std::string>{"Sets 1-3: 112 kg"}));
}

TEST(ComputeLoads, CarriesSetZeroWarning) {
  const auto part = part_of({"Snatch x 2", "*Sets 0-2 = @ 75%"});
  const auto loads = compute_loads(part, test_maxes());
  EXPECT_EQ(formatted(loads, WeightUnit::kKilogram), (std::vector<std::string>{"Sets 1-2: 75 kg"}));
  ASSERT_EQ(loads.size(), 1U);
  ASSERT_EQ(loads[0].warnings.size(), 1U);
  EXPECT_NE(loads[0].warnings[0].find("names set 0"), std::string::npos) << loads[0].warnings[0];
}

TEST(RoundToStep, WholeStepsStay) {
  EXPECT_EQ(round_to_step(55.0000000001, 2.5, RoundingDirection::kUp), 55);
  EXPECT_EQ(round_to_step(54.9999999999, 2.5, RoundingDirection::kDown), 55);
  EXPECT_EQ(round_to_step(55.1, 2.5, RoundingDirection::kUp), 57.5);
  EXPECT_EQ(round_to_step(57.4, 2.5, RoundingDirection::kDown), 55);
  EXPECT_EQ(round_to_step(56.25, 2.5, RoundingDirection::kNearest), 57.5);
}

TEST(LoadsJson, CarriesWeightAndMissing) {
  const auto part = part_of(
      {"Snatch x 1 rep @ 80% of 1-RM Snatch", "Power Clean x 1 rep @ 80% of 1-RM Power Clean"});
  const Json json = loads_json(compute_loads(part, test_maxes()), WeightUnit::kKilogram);
  ASSERT_EQ(json.size(), 2U);
  EXPECT_EQ(json[0]["sets"][0]["weight"]["min"], 80);
  EXPECT_EQ(json[0]["sets"][0]["weight"]["unit"], "kg");
  EXPECT_TRUE(json[0]["sets"][0]["missing"].is_null());
  EXPECT_TRUE(json[1]["sets"][0]["weight"].is_null());
  EXPECT_EQ(json[1]["sets"][0]["missing"], "no 1-RM for power clean in the maxes file");
}

// Blocks with several movements, or several lines for one movement: each movement with its own
// intensity gets its own loads, and lines of quantities after a name extend its sets.

Maxes athlete_maxes() {
  auto maxes = parse_maxes(R"(
unit = "kg"
rounding = 2.5
snatch = "100 kg"
clean = "130 kg"
jerk = "130 kg"
deadlift = "200 kg"
"hang snatch" = "95 kg"
"power clean" = "110 kg"
"power snatch" = "85 kg"
"clean and jerk" = "120 kg"
"back squat" = "180 kg"
)",
                           "maxes.toml");
  EXPECT_TRUE(maxes.ok());
  return *maxes;
}

// Each movement's loads as "Names: Set 1: 60 kg; Limit: 55 kg", the form `show` prints.
std::vector<std::string> load_lines(const std::vector<BlockLoads>& loads) {
  std::vector<std::string> texts;
  for (const BlockLoads& block : loads) {
    std::string text = block.movement_names + ":";
    std::string separator = " ";
    for (const SetLoad& load : block.sets) {
      text += separator + format_set_load(load, WeightUnit::kKilogram);
      separator = "; ";
    }
    for (const SetLoad& limit : block.limits) {
      text += separator + format_limit_load(limit, WeightUnit::kKilogram);
      separator = "; ";
    }
    texts.push_back(std::move(text));
  }
  return texts;
}

struct LoadCase {
  std::vector<std::string> lines;
  std::vector<std::string> expected;
};

TEST(MovementLoads, EachMovementGetsItsLoads) {
  const std::vector<LoadCase> cases = {
      // A line of quantities after a bare name gives that movement all its sets.
      {{"Back Squat", "5x5 @ 75%"}, {"Back Squat: Sets 1-5: 135 kg"}},
      {{"Back Squat", "5×5 @ 75%"}, {"Back Squat: Sets 1-5: 135 kg"}},
      // A line without a set count before another is one set: a top set, then the 5x5.
      {{"Back Squat x 3+ @ 85%", "5x5 @ 75%"},
       {"Back Squat: Set 1, 3+ reps: 152.5 kg; Sets 2-6: 135 kg"}},
      // Percentages that name their sets in brackets, and singles after a wave's last step.
      {{"Snatch 6 x 2 @ 75% (sets 1-3), 80% (sets 4-6)"},
       {"Snatch: Sets 1-3: 75 kg; Sets 4-6: 80 kg"}},
      {{"Snatch: 2 reps @ 70%, 2 @ 75%, 1 @ 80% x 3 sets"},
       {"Snatch: Set 1: 70 kg; Set 2: 75 kg; Sets 3-5: 80 kg"}},
      {{"Snatch 70/2, 75/2, 80/1x3"}, {"Snatch: Set 1: 70 kg; Set 2: 75 kg; Sets 3-5: 80 kg"}},
      {{"Back Squat 2x10 @ 55%, 1x AMRAP @ 60%"},
       {"Back Squat: Sets 1-2: 100 kg; Set 3, max reps: 107.5 kg"}},
      {{"Deadlift x 5 @ 70%", "3x3 @ 80%"}, {"Deadlift: Set 1: 140 kg; Sets 2-4: 160 kg"}},
      // Each movement under a scheme with its own percentage.
      {{"Three sets of:", "Snatch x 2 @ 70%", "Clean x 2 @ 80%"},
       {"Snatch: Sets 1-3: 70 kg", "Clean: Sets 1-3: 105 kg"}},
      {{"Every 90 seconds x 6", "Power Snatch x 3 @ 65%", "Clean & Jerk x 2 @ 60%"},
       {"Power Snatch: Sets 1-6: 55 kg", "Clean & Jerk: Sets 1-6: 72.5 kg"}},
      {{"Every 4:00 x 4 rounds", "Back Squat x 5 @ 80% of your best",
        "Push Press x 5 @ 75% of your best Jerk"},
       {"Back Squat: Sets 1-4: 145 kg", "Push Press: Sets 1-4: 97.5 kg"}},
      {{"Every 2 minutes, for 16 minutes (8 sets):", "Snatch x 2 @ 70% of 1RM",
        "Clean x 2 @ 90% of today's top set"},
       {"Snatch: Sets 1-8: 70 kg",
        "Clean: Sets 1-8: 90% of today's top set (it depends on today's top set)"}},
      {{"Every 90 seconds x 6", "\"Touch and go\" Power Snatch x 3 @ 65-70%",
        "Clean & Jerk 5-4-3-2-1 @ 60%"},
       {"Power Snatch: Sets 1-6: 55-60 kg", "Clean & Jerk: Sets 1-6: 72.5 kg"}},
      // A percentage of something other than a max gets no weight.
      {{"Three sets of:", "Snatch x 2 @ 70% of the weight used last week"},
       {"Snatch: Sets 1-3: 70% of what the line names (no max gives it: the words after the "
        "percentage name no lift or rep max)"}},
      // A movement without its own intensity gets no loads.
      {{"Three sets of:", "Snatch x 2 @ 70%", "Pull-ups x 5"}, {"Snatch: Sets 1-3: 70 kg"}},
      // Under an alternating clock each movement has its own minutes.
      {{"EMOM 12", "Odd: 3 Power Cleans @ 75%, Even: 10 Burpees"},
       {"Power Cleans: Sets 1-6: 82.5 kg"}},
      {{"EMOM 12", "Odd: 10 Burpees, Even: 3 Power Cleans @ 75%"},
       {"Power Cleans: Sets 1-6: 82.5 kg"}},
      {{"EMOM 8", "Odd: 2 Snatch @ 70%, Even: 2 Clean @ 80%"},
       {"Snatch: Sets 1-4: 70 kg", "Clean: Sets 1-4: 105 kg"}},
      // Numbered minutes repeat through the clock, on one line or on lines of their own.
      {{"EMOM 9", "Min 1: 3 Power Snatch @ 70%", "Min 2: 5 Back Squat @ 75%", "Min 3: Rest"},
       {"Power Snatch: Sets 1-3: 60 kg", "Back Squat: Sets 1-3: 135 kg"}},
      {{"EMOM 9", "Min 1: 3 Power Snatch @ 70% / Min 2: 5 Back Squat @ 75% / Min 3: Rest"},
       {"Power Snatch: Sets 1-3: 60 kg", "Back Squat: Sets 1-3: 135 kg"}},
      // Each movement of a list is lifted from its own max.
      {{"Three sets of:", "Snatch x 2 @ 70%, Clean x 2 @ 80%"},
       {"Snatch: Sets 1-3: 70 kg", "Clean: Sets 1-3: 105 kg"}},
      {{"Snatch x 2 @ 70%, Clean x 2 @ 80%"},
       {"Snatch: Each set: 70 kg", "Clean: Each set: 105 kg"}},
      {{"Three sets of:", "Snatch x 2 @ 70%, Pull-ups x 5"}, {"Snatch: Sets 1-3: 70 kg"}},
      {{"Two sets of:", "Snatch x 1 rep, Clean x 2 reps", "*Sets 1-2 = @ 70%"},
       {"Snatch: Sets 1-2: 70 kg", "Clean: Sets 1-2: 90 kg"}},
      {{"Snatch x 1, Clean x 2 @ 80%"}, {"Snatch: Each set: 80 kg", "Clean: Each set: 105 kg"}},
      // A percentage of a named lift is of that lift's max for every movement of the list.
      {{"Two sets of:", "Snatch Pull x 3, Snatch x 1", "*Sets 1-2 = @ 80% of 1-RM Snatch"},
       {"Snatch Pull: Sets 1-2: 80 kg", "Snatch: Sets 1-2: 80 kg"}},
      // A range of sets and reps stays a range.
      {{"4-6 sets of 1-3 reps Snatch @ 80-85%"},
       {"Snatch: Sets 1-4 (up to 6), 1-3 reps: 80-85 kg"}},
      // A ceiling on the movement line is a limit, rounded down, and not a load to lift.
      {{"Hang Snatch x 2, stay below 70%"}, {"Hang Snatch: Limit: 65 kg"}},
      {{"Clean x 1 (up to) 85%"}, {"Clean: Limit: 110 kg"}},
      {{"Three sets of:", "Snatch x 2 @ 70%", "Stay below 75%"},
       {"Snatch: Sets 1-3: 70 kg; Limit: 75 kg"}},
  };
  const Maxes maxes = athlete_maxes();
  for (const LoadCase& test : cases) {
    SCOPED_TRACE(test.lines.back());
    EXPECT_EQ(load_lines(compute_loads(part_of(test.lines), maxes)), test.expected);
  }
}

TEST(MovementLoads, RepSequencePastSchemeWarns) {
  const auto part =
      part_of({"Every 90 seconds x 6", "Power Snatch x 3 @ 65%", "Clean & Jerk 5-4-3-2-1 @ 60%"});
  ASSERT_EQ(part.blocks.size(), 1U);
  ASSERT_EQ(part.blocks[0].warnings.size(), 1U);
  EXPECT_EQ(part.blocks[0].warnings[0],
            "\"Clean & Jerk 5-4-3-2-1 @ 60%\" gives reps for 5 sets, but the scheme states 6 "
            "sets: set 6 without a rep count");
}

TEST(MovementLoads, JsonNamesMovementAndFlags) {
  const Maxes maxes = athlete_maxes();
  const Json alternating = loads_json(
      compute_loads(part_of({"EMOM 12", "Odd: 3 Power Cleans @ 75%, Even: 10 Burpees"}), maxes),
      WeightUnit::kKilogram);
  ASSERT_EQ(alternating.size(), 1U);
  EXPECT_EQ(alternating[0]["movement_line"], 1);
  EXPECT_EQ(alternating[0]["movement"], 0);

  const Json list = loads_json(
      compute_loads(
          part_of({"Two sets of:", "Snatch x 1 rep, Clean x 2 reps", "*Sets 1-2 = @ 70%"}), maxes),
      WeightUnit::kKilogram);
  ASSERT_EQ(list.size(), 2U);
  EXPECT_EQ(list[1]["movement_line"], 1);
  EXPECT_EQ(list[1]["movement"], 1);
  EXPECT_EQ(list[1]["sets"][0]["basis"], "70% of 1-RM clean");

  const Json floor =
      loads_json(compute_loads(part_of({"Snatch x 1 @ 101%+"}), maxes), WeightUnit::kKilogram);
  EXPECT_EQ(floor[0]["sets"][0]["floor"], true);

  const Json range =
      loads_json(compute_loads(part_of({"4-6 sets of 1-3 reps Snatch @ 80-85%"}), maxes),
                 WeightUnit::kKilogram);
  EXPECT_EQ(range[0]["sets"][0]["first_set"], 1);
  EXPECT_EQ(range[0]["sets"][0]["last_set"], 4);
  EXPECT_EQ(range[0]["sets"][0]["up_to_set"], 6);
  EXPECT_FALSE(range[0]["sets"][0].contains("floor"));
}

}  // namespace
}  // namespace wodetl
