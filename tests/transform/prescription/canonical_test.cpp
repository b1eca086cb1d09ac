#include "transform/prescription/canonical.hpp"

#include <gtest/gtest.h>

#include <string>

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
      {"Clean DL", "clean deadlift"},
      {"SGDL", "snatch grip deadlift"},
      {"BTN Jerk", "behind the neck jerk"},
      {"Bench", "bench press"},
      {"KB Swings", "kettlebell swing"},
      {"BB Rows", "barbell row"},
      {"Pushups", "push up"},
      {"Inchworm Pushups", "inchworm push up"},
      {"Sots Press", "press in clean"},
      {"Farmer\u2019s Carry", "farmer carry"},
      {"Single\u2013Arm  DB\u00A0Row", "single arm dumbbell row"},
      {"3- Position Snatch", "3 position snatch"},
      {"T2B", "toes to bar"},
      {"C2B", "chest to bar pull up"},
      {"C2B Pull-ups", "chest to bar pull up"},
      {"Chest to Bar Pull-ups", "chest to bar pull up"},
      {"KBS", "kettlebell swing"},
      {"BS", "back squat"},
      {"Pause BS", "pause back squat"},
      {"FS", "front squat"},
      {"", ""},
  };
  for (const auto& [written, canonical] : cases) {
    SCOPED_TRACE(written);
    EXPECT_EQ(canonical_name(written), canonical);
  }
}

// Canonical forms are cached per thread and per vocabulary state, so the same phrase read with
// another vocabulary, or again after the cache filled up, still gives that vocabulary's name.
TEST(CanonicalName, CachedPerVocabulary) {
  const auto custom = parse_vocabulary(R"toml(
[abbreviations]
db = "dual bell"
[[movement]]
name = "Dual Bell Row"
aliases = ["Bell Haul"]
)toml");
  ASSERT_TRUE(custom.ok()) << custom.error().to_string();
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE(round);
    EXPECT_EQ(canonical_name_normalized("db row", default_vocabulary()), "dumbbell row");
    EXPECT_EQ(canonical_name_normalized("db row", *custom), "dual bell row");
    EXPECT_EQ(canonical_name_normalized("bell hauls", *custom), "dual bell row");
    EXPECT_EQ(known_movement_name("bell hauls", *custom), "dual bell row");
    EXPECT_EQ(known_movement_name("bell hauls", default_vocabulary()), "");
  }

  Vocabulary changed = *custom;
  changed.words.insert_or_assign("db", "double bell");
  changed.build_index();
  EXPECT_EQ(canonical_name_normalized("db row", changed), "double bell row");
  EXPECT_EQ(canonical_name_normalized("db row", *custom), "dual bell row");

  // Far more phrases than the cache holds, read twice: evicted entries are built again.
  for (int round = 0; round < 2; ++round) {
    for (int index = 0; index < 2000; ++index) {
      const std::string phrase = "db row " + std::to_string(index) + " pulls";
      ASSERT_EQ(canonical_name_normalized(phrase, default_vocabulary()),
                "dumbbell row " + std::to_string(index) + " pull");
    }
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
