#include "transform/loads/maxes.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace wodetl {
namespace {

TEST(ParseMaxes, ReadsUnitRoundingAndLifts) {
  auto maxes = parse_maxes(R"(
unit = "lb"
rounding = 5
snatch = "100 kg"
"Clean & Jerk" = "275 lb"
"Back Squats" = "405lbs"

[rep_maxes.10]
"back squat" = "315 lb"
)",
                           "maxes.toml");
  ASSERT_TRUE(maxes.ok()) << maxes.error().to_string();
  EXPECT_EQ(maxes->unit, WeightUnit::kPound);
  EXPECT_EQ(maxes->rounding, 5);
  ASSERT_TRUE(maxes->find(1, "snatch").has_value());
  EXPECT_EQ(maxes->find(1, "snatch")->value, 100);
  EXPECT_EQ(maxes->find(1, "snatch")->unit, WeightUnit::kKilogram);
  ASSERT_TRUE(maxes->find(1, "clean and jerk").has_value());
  EXPECT_EQ(maxes->find(1, "clean and jerk")->value, 275);
  ASSERT_TRUE(maxes->find(1, "back squat").has_value());
  EXPECT_EQ(maxes->find(1, "back squat")->value, 405);
  ASSERT_TRUE(maxes->find(10, "back squat").has_value());
  EXPECT_EQ(maxes->find(10, "back squat")->value, 315);
  EXPECT_FALSE(maxes->find(3, "back squat").has_value());
}

TEST(ParseMaxes, LiftReferencesResolve) {
  auto maxes = parse_maxes(R"(
"slow pull power clean" = "power clean"
"power clean" = "85% of clean"
"hang clean" = "90 % of the Clean"
clean = "120 kg"

[rep_maxes.3]
"push press" = "80% of push jerk"
"push jerk" = "200 lb"
)",
                           "maxes.toml");

  ASSERT_TRUE(maxes.ok()) << maxes.error().to_string();
  ASSERT_TRUE(maxes->find(1, "power clean").has_value());
  EXPECT_DOUBLE_EQ(maxes->find(1, "power clean")->value, 102);
  ASSERT_TRUE(maxes->find(1, "slow pull power clean").has_value());
  EXPECT_DOUBLE_EQ(maxes->find(1, "slow pull power clean")->value, 102);
  EXPECT_EQ(maxes->find(1, "slow pull power clean")->unit, WeightUnit::kKilogram);
  ASSERT_TRUE(maxes->find(1, "hang clean").has_value());
  EXPECT_DOUBLE_EQ(maxes->find(1, "hang clean")->value, 108);
  ASSERT_TRUE(maxes->find(3, "push press").has_value());
  EXPECT_DOUBLE_EQ(maxes->find(3, "push press")->value, 160);
  EXPECT_EQ(maxes->find(3, "push press")->unit, WeightUnit::kPound);
  EXPECT_FALSE(maxes->find(1, "push press").has_value());
}

TEST(ParseMaxes, UnitIgnoresCase) {
  auto maxes = parse_maxes("unit = \"LB\"\nsnatch = \"100 KG\"\n", "maxes.toml");
  ASSERT_TRUE(maxes.ok()) << maxes.error().to_string();
  EXPECT_EQ(maxes->unit, WeightUnit::kPound);
  ASSERT_TRUE(maxes->find(1, "snatch").has_value());
  EXPECT_EQ(maxes->find(1, "snatch")->unit, WeightUnit::kKilogram);
}

TEST(ParseMaxes, DefaultsToKilogramsAndStepOne) {
  auto maxes = parse_maxes("deadlift = \"200 kg\"\n", "maxes.toml");
  ASSERT_TRUE(maxes.ok());
  EXPECT_EQ(maxes->unit, WeightUnit::kKilogram);
  EXPECT_EQ(maxes->rounding, 1);
}

TEST(ParseMaxes, RejectsBadEntriesWithKey) {
  struct BadCase {
    const char* text;
    const char* expected;
  };
  const BadCase cases[] = {
      {"snatch = 100\n", "snatch is not a string"},
      {"snatch = \"100\"\n", "not a positive weight with a unit"},
      {"snatch = \"heavy kg\"\n", "not a positive weight with a unit"},
      {"snatch = \"heavy\"\n", "is neither a weight with a unit nor a lift with a 1-RM"},
      {"\"power clean\" = \"85% of clean\"\n",
       "power clean = \"85% of clean\" is neither a weight"},
      {"clean = \"120 kg\"\n[rep_maxes.3]\n\"power clean\" = \"clean\"\n",
       "rep_maxes.3.power clean = \"clean\" is neither a weight with a unit nor a lift with a "
       "3-RM"},
      {"snatch = \"snatch\"\n", "snatch refers back to itself through snatch"},
      {"a = \"b\"\nb = \"c\"\nc = \"a\"\n", "refers back to itself"},
      {"snatch = \"250% of clean\"\nclean = \"100 kg\"\n",
       "is not a percentage above 0 and at most 200"},
      {"snatch = \"0% of clean\"\nclean = \"100 kg\"\n", "is not a percentage above 0"},
      {"snatch = \"-100 kg\"\n", "not a positive weight with a unit"},
      {"roundng = 2.5\n", "roundng is not a setting of the maxes file. Did you mean rounding?"},
      {"unti = \"lb\"\n", "unti is not a setting of the maxes file. Did you mean unit?"},
      {"Unit = \"lb\"\n", "Unit is not a setting of the maxes file. Did you mean unit?"},
      {"[rep_max.10]\nsnatch = \"80 kg\"\n",
       "rep_max is not a setting of the maxes file. Did you mean rep_maxes?"},
      {"[maxes]\nsnatch = \"80 kg\"\n", "maxes is a table, which the maxes file does not read"},
      {"[lifts]\nsnatch = 80\n", "Put the 1-RMs at the top level of the file"},
      {"snatch = \"200% of clean\"\nclean = \"6000 kg\"\n", "comes to more than 10000"},
      {"snatch = \"0 kg\"\n", "not a positive weight with a unit"},
      // A unit at the end means a weight was meant, not the name of another lift.
      {"snatch = \"NaN kg\"\n", "not a positive weight with a unit"},
      // Exponents and hexadecimal numbers are typing mistakes, not weights.
      {"snatch = \"1e308 kg\"\n", "not a positive weight with a unit"},
      {"snatch = \"1e2 kg\"\n", "not a positive weight with a unit"},
      {"snatch = \"0x7d kg\"\n", "not a positive weight with a unit"},
      {"snatch = \"inf kg\"\n", "not a positive weight with a unit"},
      {"snatch = \"0x50% of clean\"\nclean = \"100 kg\"\n", "not a positive weight with a unit"},
      {"snatch = \"102,5 kg\"\n",
       "has a decimal comma; write the number with a point, as in "
       "\"102.5 kg\""},
      {"snatch = \"100000 kg\"\n", "is above 10000, the largest max accepted"},
      {"units = \"lb\"\n", "units is not a setting of the maxes file"},
      {"[rep_maxes.3]\nrounding_step = 2.5\n", "rep_maxes.3.rounding_step is not a setting"},
      {"unit = \"stone\"\n", "unit must be"},
      {"rounding = -1\n", "rounding = -1 is not a plate step"},
      {"rounding = 1000\n", "rounding = 1000 is not a plate step"},
      {"\"Clean & Jerk\" = \"120 kg\"\n\"clean and jerk\" = \"130 kg\"\n",
       "clean and jerk (line 2) gives the 1-RM of clean and jerk a second time; Clean & Jerk "
       "(line 1) gave it first"},
      // toml++ sorts a table's keys, so the line numbers show which entry came first.
      {"\"clean and jerk\" = \"115 kg\"\n\"Clean & Jerk\" = \"120 kg\"\n",
       "Clean & Jerk (line 2) gives the 1-RM of clean and jerk a second time; clean and jerk "
       "(line 1) gave it first"},
      {"snatch = \"100 kg\"\n[rep_maxes.1]\nsnatch = \"101 kg\"\n",
       "rep_maxes.1.snatch (line 3) gives the 1-RM"},
      {"[rep_maxes.ten]\nsnatch = \"80 kg\"\n", "rep_maxes.ten"},
      {"[rep_maxes.3]\nsnatch = 80\n", "rep_maxes.3.snatch"},
      {"snatch = \"100 kg\n", "not valid TOML at line 1"},
      {"training_max = 90\n", "training_max must be a percentage from 50% to 100% in a string"},
      {"training_max = \"120%\"\n", "training_max must be a percentage"},
      {"training_max = \"90\"\n", "training_max must be a percentage"},
      {"trainig_max = \"90%\"\n", "trainig_max is not a setting of the maxes file. Did you mean "
                                    "training_max?"},
      // toml++ garbles a quoted key in its own message for this case.
      {"\"clean and jerk\" = \"125 kg\"\n\"clean and jerk\" = \"130 kg\"\n",
       "line 2, column 20: the key here is already defined earlier in the file"},
  };
  for (const BadCase& bad : cases) {
    SCOPED_TRACE(bad.text);
    auto maxes = parse_maxes(bad.text, "maxes.toml");
    ASSERT_FALSE(maxes.ok());
    EXPECT_NE(maxes.error().to_string().find(bad.expected), std::string::npos)
        << maxes.error().to_string();
    EXPECT_NE(maxes.error().to_string().find("maxes.toml"), std::string::npos);
  }
}

TEST(LoadMaxesFile, MissingFileIsNotFound) {
  auto maxes = load_maxes_file("/nonexistent/maxes.toml");
  ASSERT_FALSE(maxes.ok());
  EXPECT_EQ(maxes.error().code, ErrorCode::kNotFound);
  EXPECT_NE(maxes.error().to_string().find("was not found"), std::string::npos);
}

TEST(LoadMaxesFile, FolderIsRejected) {
  auto maxes = load_maxes_file(std::filesystem::temp_directory_path());
  ASSERT_FALSE(maxes.ok());
  EXPECT_NE(maxes.error().to_string().find("is not a file"), std::string::npos)
      << maxes.error().to_string();
}

TEST(WeightMath, ConvertsAndRounds) {
  EXPECT_NEAR(convert_weight(Weight{100, WeightUnit::kKilogram}, WeightUnit::kPound), 220.462,
              0.001);
  EXPECT_NEAR(convert_weight(Weight{275, WeightUnit::kPound}, WeightUnit::kKilogram), 124.738,
              0.001);
  EXPECT_EQ(round_to_step(76.3, 2.5), 77.5);
  EXPECT_EQ(round_to_step(76.2, 2.5), 75);
  EXPECT_EQ(round_to_step(76.3, 0), 76.3);
  EXPECT_EQ(format_number(75), "75");
  EXPECT_EQ(format_number(82.5), "82.5");
  EXPECT_EQ(format_number(61.25), "61.25");
}

TEST(ParseWeight, ReadsForms) {
  ASSERT_TRUE(parse_weight("82.5 kg").has_value());
  EXPECT_EQ(parse_weight("82.5 kg")->value, 82.5);
  EXPECT_EQ(parse_weight("275 lbs")->unit, WeightUnit::kPound);
  EXPECT_EQ(parse_weight("100kg")->unit, WeightUnit::kKilogram);
  EXPECT_FALSE(parse_weight("kg").has_value());
  EXPECT_FALSE(parse_weight("-5 kg").has_value());
  EXPECT_FALSE(parse_weight("5 stone").has_value());
  EXPECT_EQ(parse_weight(" .5 kg")->value, 0.5);
  EXPECT_FALSE(parse_weight("+5 kg").has_value());
  EXPECT_FALSE(parse_weight("0x7d kg").has_value());
  EXPECT_FALSE(parse_weight("1e2 kg").has_value());
  EXPECT_FALSE(parse_weight("nan kg").has_value());
}

}  // namespace
}  // namespace wodetl
