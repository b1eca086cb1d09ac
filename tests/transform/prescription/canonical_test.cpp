#include "transform/prescription/canonical.hpp"

#include <gtest/gtest.h>

namespace wodetl::prescription {
namespace {

TEST(CanonicalName, NormalizesSpellings) {
  const std::pair<const char*, const char*> cases[] = {
      {"Power Cleans", "power clean"},
      {"Clean & Jerk", "clean and jerk"},
      {"Pull-Ups", "pull up"},
      {"Chin-ups", "chin up"},
      {"DB Shoulder Lateral Raises", "dumbbell shoulder lateral raise"},
      {"Squats", "squat"},
      {"Press", "press"},
      {"Push Presses", "push press"},
      {"Jumping Jacks", "jumping jack"},
      {"Snatches", "snatch"},
      {"Boxes", "box"},
      {"Flies", "fly"},
      {"Abs", "abs"},
      {"C&J", "clean and jerk"},
      {"OHS", "overhead squat"},
      {"RDLs", "romanian deadlift"},
      {"KB Swings", "kettlebell swing"},
      {"BB Rows", "barbell row"},
      {"Pushups", "push up"},
      {"Inchworm Pushups", "inchworm push up"},
      {"Sots Press", "press in clean"},
      {"Farmer\u2019s Carry", "farmer carry"},
      {"Single\u2013Arm  DB\u00A0Row", "single arm dumbbell row"},
      {"3- Position Snatch", "3 position snatch"},
      {"T2B", "toes to bar"},
      {"", ""},
  };
  for (const auto& [written, canonical] : cases) {
    SCOPED_TRACE(written);
    EXPECT_EQ(canonical_name(written), canonical);
  }
}

TEST(SingularWord, KeepsExceptions) {
  const Vocabulary& vocabulary = default_vocabulary();
  EXPECT_EQ(singular_word("press", vocabulary), "press");
  EXPECT_EQ(singular_word("ups", vocabulary), "up");
  EXPECT_EQ(singular_word("us", vocabulary), "us");
  EXPECT_EQ(singular_word("lats", vocabulary), "lats");
  EXPECT_EQ(singular_word("lunges", vocabulary), "lunge");
  EXPECT_EQ(singular_word("crunches", vocabulary), "crunch");
}

}  // namespace
}  // namespace wodetl::prescription
